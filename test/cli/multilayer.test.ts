/**
 * A 3560-24PS is a 2960's console plus what a multilayer switch adds: `ip routing`, the trunk
 * encapsulation it negotiates unless told, OSPF once it routes, and its own `show version`. A
 * 2960 takes none of it.
 */
import { describe, expect, it } from 'vitest';
import { parseConfigText } from '../../src/cli/config-text.ts';
import { platformOf } from '../../src/cli/ios/config-edit.ts';
import { renderRunningConfig } from '../../src/cli/ios/running-config.ts';
import { devicesInOrder } from '../../src/model/document.ts';
import { loadNetwork } from '../../src/model/load.ts';
import { configProblems, runningConfigOf } from '../../src/session/device-config.ts';
import { deviceId } from '../../src/shared/ids.ts';
import { Lab } from './lab.ts';

const INVALID = "% Invalid input detected at '^' marker.";
const AUTO =
  'Command rejected: An interface whose trunk encapsulation is "Auto" can not be configured to "trunk" mode.';

function consoles() {
  const lab = new Lab().add('MLS1', 'switch', '3560-24PS').add('S1', 'switch');
  const mls = lab.console('MLS1');
  const s1 = lab.console('S1');
  for (const con of [mls, s1]) {
    con.input('enable');
    con.input('configure terminal');
  }
  return { lab, mls, s1 };
}

describe('multilayer switch console', () => {
  it('takes the platform from the switch model', () => {
    expect(platformOf('switch', '3560-24PS')).toBe('multilayer');
    expect(platformOf('switch', '2960-24TT')).toBe('switch');
    expect(platformOf('switch', undefined)).toBe('switch');
    expect(platformOf('router', undefined)).toBe('router');
  });

  it('turns routing on and off; a 2960 has no such command', () => {
    const { lab, mls, s1 } = consoles();
    expect(mls.input('ip routing').output).toBe('');
    expect(lab.ios('MLS1').runningConfig().ipRouting).toBe(true);
    expect(mls.input('do show running-config | include ^ip routing').output).toBe('ip routing\n');
    mls.input('no ip routing');
    expect(lab.ios('MLS1').runningConfig().ipRouting).toBe(false);
    // Off is the factory setting: nothing is listed, not even `no ip routing`.
    expect(mls.input('do show running-config | include routing').output).toBe('system mtu routing 1500\n');
    expect(s1.input('ip routing').output).toContain(INVALID);
    expect(s1.input('ip ?').output).not.toMatch(/^ {2}routing /m);
    expect(mls.input('ip ?').output).toMatch(/^ {2}routing +Enable IP routing$/m);
  });

  it('refuses to trunk unconditionally until the encapsulation is dot1q, and back', () => {
    const { lab, mls, s1 } = consoles();
    mls.input('interface g0/1');
    expect(mls.input('switchport mode trunk').output).toBe(`${AUTO}\n`);
    expect(lab.ios('MLS1').runningConfig().interfaces['GigabitEthernet0/1']!.switchport!.mode).toBe(
      'dynamic-auto',
    );
    expect(mls.input('switchport trunk encapsulation isl').output).toContain(
      '% Trame does not simulate ISL trunking yet',
    );
    mls.input('switchport trunk encapsulation dot1q');
    expect(mls.input('switchport mode trunk').output).toBe('');
    expect(mls.input('no switchport trunk encapsulation').output).toBe(`${AUTO}\n`);
    expect(mls.input('switchport trunk encapsulation negotiate').output).toBe(`${AUTO}\n`);
    expect(mls.input('do show running-config interface g0/1').output).toContain(
      'interface GigabitEthernet0/1\n switchport trunk encapsulation dot1q\n switchport mode trunk\n',
    );
    mls.input('switchport mode dynamic desirable');
    mls.input('switchport trunk encapsulation negotiate');
    expect(lab.ios('MLS1').runningConfig().interfaces['GigabitEthernet0/1']!.switchport).not.toHaveProperty(
      'trunkEncapsulation',
    );
    // A 2960 has 802.1Q only, and trunks at once.
    s1.input('interface g0/1');
    expect(s1.input('switchport trunk encapsulation dot1q').output).toContain(INVALID);
    expect(s1.input('switchport mode trunk').output).toBe('');
  });

  it('shows the encapsulation it negotiates, and what it agreed on with a 2960', () => {
    const { lab, mls, s1 } = consoles();
    lab.cable('MLS1:GigabitEthernet0/1', 'S1:GigabitEthernet0/1');
    s1.input('interface g0/1');
    s1.input('switchport mode trunk');
    s1.input('end');
    mls.input('end');
    lab.settle();
    expect(mls.input('show interfaces g0/1 switchport | include Encapsulation').output).toBe(
      'Administrative Trunking Encapsulation: negotiate\nOperational Trunking Encapsulation: dot1q\n',
    );
    expect(mls.input('show interfaces trunk | include Gi0/1 +auto').output).toMatch(
      /^Gi0\/1 +auto +n-802\.1q +trunking +1\n$/,
    );
    expect(s1.input('show interfaces g0/1 switchport | include Administrative Trunking').output).toBe(
      'Administrative Trunking Encapsulation: dot1q\n',
    );
  });

  it('answers an address on a switch port as IOS does, and takes one once the port is routed', () => {
    const { lab, mls } = consoles();
    mls.input('interface fa0/1');
    expect(mls.input('ip address 10.0.0.1 255.255.255.0').output).toBe(
      '\n% IP addresses may not be configured on L2 links.\n\n',
    );
    expect(mls.input('no switchport').output).toBe('');
    expect(mls.input('ip address 10.0.0.1 255.255.255.0').output).toBe('');
    expect(mls.input('ip helper-address 10.0.9.9').output).toBe('');
    expect(mls.input('switchport access vlan 10').output).toBe(
      'Command rejected: Fa0/1 is not a switching port.\n',
    );
    expect(mls.input('switchport mode trunk').output).toBe(
      'Command rejected: Fa0/1 is not a switching port.\n',
    );
    expect(mls.input('channel-group 1 mode active').output).toContain(
      '% Trame does not simulate layer 3 EtherChannels',
    );
    expect(lab.ios('MLS1').runningConfig().interfaces['FastEthernet0/1']).toEqual({
      shutdown: false,
      proxyArp: true,
      ip: { addr: 0x0a000001, len: 24 },
      helperAddresses: [0x0a000909],
    });
    mls.input('end');
    expect(mls.input('show running-config interface fa0/1').output).toContain(
      'interface FastEthernet0/1\n no switchport\n ip address 10.0.0.1 255.255.255.0\n ip helper-address 10.0.9.9\nend',
    );
  });

  it("gives a new Port-channel its first port's encapsulation, so the saved text reads back", () => {
    const { lab, mls } = consoles();
    mls.input('interface range g0/1 - 2');
    mls.input('switchport trunk encapsulation dot1q');
    mls.input('switchport mode trunk');
    mls.input('channel-group 1 mode active');
    mls.input('interface po1');
    expect(mls.input('switchport mode trunk').output).toBe('');
    const config = lab.ios('MLS1').runningConfig();
    expect(config.interfaces['Port-channel1']!.switchport!.trunkEncapsulation).toBe('dot1q');
    const back = parseConfigText('multilayer', renderRunningConfig('switch', config));
    expect(back.problems).toEqual([]);
  });

  it('makes a port routed and a switch port again, each time keeping only what both have', () => {
    const { lab, mls } = consoles();
    const port = () => lab.ios('MLS1').runningConfig().interfaces['FastEthernet0/4'];
    mls.input('interface fa0/4');
    // Bare `switchport` and its default leave a switch port as it is.
    expect(mls.input('switchport').output).toBe('');
    expect(mls.input('default switchport').output).toBe('');
    mls.input('description Uplink');
    mls.input('speed 100');
    mls.input('switchport access vlan 10');
    mls.input('switchport port-security');
    expect(mls.input('no switchport').output).toBe('');
    expect(port()).toEqual({ description: 'Uplink', shutdown: false, proxyArp: true, speed: 100 });
    mls.input('ip address 10.0.0.1 255.255.255.0');
    mls.input('no ip proxy-arp');
    expect(mls.input('switchport').output).toBe('');
    expect(port()).toMatchObject({ description: 'Uplink', speed: 100, proxyArp: true });
    expect(port()?.ip).toBeUndefined();
    expect(port()?.switchport?.accessVlan).toBe(1);
    // `default switchport` is the factory setting: a switch port.
    mls.input('no switchport');
    expect(mls.input('default switchport').output).toBe('');
    expect(port()?.switchport).toBeDefined();
  });

  it('takes a range of routed and switch ports port by port, each refusing what it does not take', () => {
    const { lab, mls } = consoles();
    const ports = () => lab.ios('MLS1').runningConfig().interfaces;
    mls.input('interface g0/1');
    mls.input('no switchport');
    mls.input('interface range g0/1 - 2');
    expect(mls.input('switchport mode access').output).toBe(
      'Command rejected: Gi0/1 is not a switching port.\n',
    );
    expect(ports()['GigabitEthernet0/2']!.switchport!.mode).toBe('access');
    // Layer-3 settings are a routed port's only: a range with a switch port in it takes none.
    expect(mls.input('ip helper-address 10.9.9.9').output).toContain(INVALID);
    expect(mls.input('channel-group 2 mode active').output).toContain(
      '% Trame does not simulate layer 3 EtherChannels',
    );
    expect(ports()['GigabitEthernet0/1']!.channelGroup).toBeUndefined();
    // A range of routed ports only takes them.
    mls.input('interface range g0/1 , g0/1');
    expect(mls.input('ip helper-address 10.9.9.9').output).toBe('');
    mls.input('interface port-channel 1');
    expect(mls.input('interface range f0/5 , port-channel 1').output).toBe('');
    expect(mls.input('no switchport').output).toContain('% Trame does not simulate layer 3 EtherChannels');
    expect(ports()['FastEthernet0/5']!.switchport).toBeUndefined();
    expect(ports()['Port-channel1']!.switchport).toBeDefined();
  });

  it("reads a routed port's configuration back as it was saved", () => {
    const { lab, mls } = consoles();
    for (const line of [
      'interface g0/1',
      'description Uplink',
      'no switchport',
      'bandwidth 10000',
      'ip address 10.0.0.2 255.255.255.252',
      'ip helper-address 10.9.9.9',
      'no ip proxy-arp',
      'arp timeout 60',
      'speed 100',
      'interface fa0/3',
      'no switchport',
      'ip address dhcp',
      'shutdown',
      'exit',
      'ip routing',
      'ip route 172.16.0.0 255.255.0.0 GigabitEthernet0/1 10.0.0.1',
    ])
      expect(mls.input(line).output).not.toContain('%');
    const config = lab.ios('MLS1').runningConfig();
    const back = parseConfigText('multilayer', renderRunningConfig('switch', config));
    expect(back.problems).toEqual([]);
    expect(back.config).toEqual(config);
    // A 2960 takes none of it.
    expect(parseConfigText('switch', renderRunningConfig('switch', config)).problems).not.toEqual([]);
  });

  it("reads a loopback's configuration back as it was saved, before the ports; a 2960 takes none", () => {
    const { lab, mls, s1 } = consoles();
    for (const line of [
      'interface loopback 7',
      'description Router ID',
      'ip address 7.7.7.7 255.255.255.255',
    ])
      expect(mls.input(line).output).not.toContain('%');
    const config = lab.ios('MLS1').runningConfig();
    const text = renderRunningConfig('switch', config);
    expect(text.indexOf('interface Loopback7')).toBeLessThan(text.indexOf('interface FastEthernet0/1'));
    const back = parseConfigText('multilayer', text);
    expect(back.problems).toEqual([]);
    expect(back.config).toEqual(config);
    expect(parseConfigText('switch', text).problems).not.toEqual([]);
    expect(s1.input('interface loopback 7').output).toContain(INVALID);
  });

  it('refuses to create a VLAN a routed port holds as its internal VLAN', () => {
    const { lab, mls } = consoles();
    mls.input('interface g0/1');
    mls.input('no switchport');
    mls.input('exit');
    mls.drainLog();
    mls.input('vlan 1006');
    expect(mls.drainLog()).toContain(
      '%PM-4-EXT_VLAN_INUSE: VLAN 1006 currently in use by GigabitEthernet0/1',
    );
    mls.input('name Held');
    mls.input('vlan 1007');
    mls.input('end');
    expect(
      lab
        .ios('MLS1')
        .runningConfig()
        .vlans.map((v) => v.id),
    ).toEqual([1, 1007]);
    expect(mls.input('show vlan internal usage').output).toContain('1006 GigabitEthernet0/1');
  });

  it('keeps EtherChannels at layer 2: a member or a Port-channel does not become routed', () => {
    const { lab, mls } = consoles();
    mls.input('interface g0/1');
    mls.input('channel-group 1 mode active');
    expect(mls.input('no switchport').output).toBe('Command rejected: Gi0/1 is an Etherchannel port.\n');
    mls.input('interface po1');
    expect(mls.input('no switchport').output).toContain('% Trame does not simulate layer 3 EtherChannels');
    const config = lab.ios('MLS1').runningConfig();
    expect(config.interfaces['GigabitEthernet0/1']!.switchport).toBeDefined();
    expect(config.interfaces['Port-channel1']!.switchport).toBeDefined();
  });

  it('runs OSPF once it routes, and a 2960 has no OSPF at all', () => {
    const { lab, mls, s1 } = consoles();
    const before = lab.ios('MLS1').runningConfig();
    // A routing process needs routing: IOS refuses it and stays in global configuration.
    expect(mls.input('router ospf 1').output).toBe('% IP routing not enabled\n');
    expect(mls.prompt()).toBe('MLS1(config)#');
    mls.input('interface vlan 1');
    expect(mls.input('ip ospf 1 area 0').output).toBe('% IP routing not enabled\n');
    expect(lab.ios('MLS1').runningConfig()).toEqual(before);
    mls.input('exit');
    mls.input('ip routing');
    expect(mls.input('router ospf 1').output).toBe('');
    expect(mls.prompt()).toBe('MLS1(config-router)#');
    expect(mls.input('network 10.0.0.0 0.255.255.255 area 0').output).toBe('');
    mls.input('interface g0/1');
    mls.input('no switchport');
    for (const line of ['ip ospf 2 area 1', 'ip ospf cost 10', 'interface vlan 1', 'ip ospf priority 0'])
      expect(mls.input(line).output).toBe('');
    mls.input('exit');
    expect(mls.input('router rip').output).toContain('% Trame does not simulate dynamic routing yet');
    mls.input('end');
    expect(mls.input('show running-config | section router ospf').output).toBe(
      'router ospf 1\n network 10.0.0.0 0.255.255.255 area 0\nrouter ospf 2\n',
    );
    expect(mls.input('show ip protocols | include Routing Protocol').output).toBe(
      'Routing Protocol is "ospf 1"\nRouting Protocol is "ospf 2"\n',
    );
    // `no ip routing` takes the processes away with their interfaces' area statements.
    mls.input('configure terminal');
    mls.input('no ip routing');
    const after = lab.ios('MLS1').runningConfig();
    expect(after.ospf).toBeUndefined();
    expect(after.interfaces['GigabitEthernet0/1']!.ospf).toEqual({ cost: 10 });
    expect(after.interfaces.Vlan1!.ospf).toEqual({ priority: 0 });
    expect(s1.input('router ospf 1').output).toContain(INVALID);
    s1.input('interface vlan 1');
    expect(s1.input('ip ospf 1 area 0').output).toContain(INVALID);
  });

  it('reads a saved process on a device that does not route, and runs none', () => {
    // As files saved before `no ip routing` took the processes away hold them.
    const text = [
      'hostname R1',
      'no ip routing',
      'interface GigabitEthernet0/0',
      ' ip address 10.0.0.1 255.255.255.0',
      ' ip ospf 2 area 0',
      'router ospf 1',
      ' network 10.0.0.0 0.0.0.255 area 0',
      'end',
    ].join('\n');
    for (const platform of ['router', 'multilayer'] as const) {
      const parsed = parseConfigText(
        platform,
        platform === 'router' ? text : text.replace('GigabitEthernet0/0', 'Vlan1'),
      );
      expect(parsed.problems).toEqual([]);
      expect(parsed.config.ospf?.map((p) => p.pid)).toEqual([1, 2]);
    }
    const lab = new Lab().add('R1', 'router');
    const { config } = parseConfigText('router', text);
    lab.ios('R1').setRunningConfig(config);
    lab.settle();
    expect(lab.console('R1').input('show ip ospf neighbor').output).toBe('');
    expect(lab.sim.ospf(deviceId('R1'))).toEqual([]);
  });

  it("reads an OSPF configuration back as it was saved, SVIs' and routed ports' lines included", () => {
    const { lab, mls } = consoles();
    for (const line of [
      'ip routing',
      'interface g0/1',
      'no switchport',
      'ip address 10.0.0.2 255.255.255.252',
      'ip ospf network point-to-point',
      'ip ospf hello-interval 5',
      'ip ospf 1 area 0',
      'interface vlan 10',
      'ip address 192.168.10.1 255.255.255.0',
      'ip ospf cost 5',
      'router ospf 1',
      'router-id 3.3.3.3',
      'passive-interface Vlan10',
      'network 192.168.10.0 0.0.0.255 area 0',
      'default-information originate',
    ])
      expect(mls.input(line).output).not.toContain('%');
    const config = lab.ios('MLS1').runningConfig();
    const text = renderRunningConfig('switch', config);
    expect(text).toContain(
      '!\nrouter ospf 1\n router-id 3.3.3.3\n passive-interface Vlan10\n network 192.168.10.0 0.0.0.255 area 0\n default-information originate\n!\n',
    );
    const back = parseConfigText('multilayer', text);
    expect(back.problems).toEqual([]);
    expect(back.config).toEqual(config);
  });

  it('tells its model in show version and dir, and over CDP', () => {
    const { lab, mls, s1 } = consoles();
    lab.cable('MLS1:GigabitEthernet0/2', 'S1:GigabitEthernet0/2');
    mls.input('ip routing');
    mls.input('end');
    s1.input('end');
    lab.settle();
    const version = mls.input('show version').output;
    expect(version).toContain('C3560 Software (simulated WS-C3560V2-24PS-S), Version 15.0(2)SE4');
    expect(version).toContain('System image file is "flash:c3560-ipservicesk9-mz.150-2.SE4.bin"');
    expect(version).toContain('Model number                    : WS-C3560V2-24PS-S');
    expect(version).toContain('*    1 26    WS-C3560V2-24PS    15.0(2)SE4            C3560-IPSERVICESK9-M');
    expect(s1.input('show version | include Model number').output).toContain('WS-C2960-24TT-L');
    expect(mls.input('dir flash:').output).toContain('c3560-ipservicesk9-mz.150-2.SE4.bin');
    // 512K bytes of NVRAM, as show version says.
    expect(mls.input('show file systems').output).toMatch(/ 524288 +\d+ +nvram +rw +nvram:/);
    expect(s1.input('show cdp neighbors | include MLS1').output).toMatch(/R S I +WS-C3560V Gig 0\/2/);
    expect(s1.input('show cdp entry MLS1 | include Platform').output).toBe(
      'Platform: cisco WS-C3560V2-24PS,  Capabilities: Router Switch IGMP\n',
    );
  });

  it('reads its configuration text back, and a 2960 refuses the lines only a 3560 has', () => {
    const text = [
      'hostname MLS1',
      'ip routing',
      'interface GigabitEthernet0/1',
      ' switchport trunk encapsulation dot1q',
      ' switchport mode trunk',
      'end',
    ].join('\n');
    const parsed = parseConfigText('multilayer', text);
    expect(parsed.problems).toEqual([]);
    const rendered = renderRunningConfig('switch', parsed.config);
    expect(parseConfigText('multilayer', rendered).config).toEqual(parsed.config);
    expect(parseConfigText('switch', text).problems.map((p) => p.line)).toEqual([2, 4]);
  });

  it('checks a network file against each switch model', () => {
    const { doc } = loadNetwork({
      version: 1,
      devices: [
        { name: 'MLS1', kind: 'switch', model: '3560-24PS', at: [0, 0], config: 'ip routing\n' },
        { name: 'S1', kind: 'switch', at: [0, 100], config: 'ip routing\n' },
      ],
    });
    expect(configProblems(doc!)).toEqual([
      { pointer: '/devices/1/config', message: expect.stringContaining('line 1:') },
    ]);
    const [mls, s1] = devicesInOrder(doc!);
    expect(runningConfigOf(mls!).ipRouting).toBe(true);
    expect(runningConfigOf(s1!).ipRouting).toBe(false);
  });
});
