import { describe, expect, it } from 'vitest';
import { parseConfigText, renderRunningConfig } from '../../src/cli/config-text.ts';
import { defaultDeviceConfig } from '../../src/shared/config.ts';

const roundTrip = (kind: 'router' | 'switch', text: string) => {
  const first = parseConfigText(kind, text);
  expect(first.problems).toEqual([]);
  const rendered = renderRunningConfig(kind, first.config);
  const again = parseConfigText(kind, rendered);
  expect(again.problems).toEqual([]);
  expect(renderRunningConfig(kind, again.config)).toBe(rendered);
  expect(again.config).toEqual(first.config);
  return rendered;
};

/** Each configuration command, typed as a student would, and the line running-config shows for it. */
const ROUTER_COMMANDS: [string, string][] = [
  ['hostname R9', 'hostname R9'],
  ['enable secret class', 'enable secret 5 $1$'],
  ['enable secret 5 $1$mERr$hx5rVt7rPNoS4wqbXKX7m0', 'enable secret 5 $1$mERr$hx5rVt7rPNoS4wqbXKX7m0'],
  ['enable password cisco', 'enable password cisco'],
  ['service password-encryption\nenable password cisco', 'enable password 7 '],
  // A type 7 password stays as typed, with or without the service.
  ['enable password 7 0822455D0A16', 'enable password 7 0822455D0A16'],
  // Turning the service off decrypts nothing: only passwords set afterwards are in clear.
  [
    'enable password cisco\nline vty 0 4\n password remote\nservice password-encryption\nno service password-encryption',
    'enable password 7 01100F175804',
  ],
  ['service password-encryption\nno service password-encryption', 'no service password-encryption'],
  [
    'line vty 0 4\n password remote\nservice password-encryption\nno service password-encryption',
    ' password 7 120B001A1D1F09',
  ],
  [
    'service password-encryption\nno service password-encryption\nenable password class',
    'enable password class',
  ],
  // A clear password that reads as a type marker is printed with its type 0.
  ['enable password 0 7', 'enable password 0 7'],
  ['line console 0\n password 0 0 x', 'line con 0\n password 0 0 x'],
  ['banner motd #Keep out#', 'banner motd ^CKeep out^C'],
  ['banner motd %\nline one\n  line two\n%', 'banner motd ^C\nline one\n  line two\n^C'],
  // Text holding "^C" is written with a delimiter it does not contain, so it reads back whole.
  ['banner motd #Press ^C to stop#', 'banner motd #Press ^C to stop#'],
  ['ip http server', '!\nip http server\nno ip http secure-server\n'],
  [
    'interface g0/1\n bandwidth 10000\n description WAN',
    'interface GigabitEthernet0/1\n description WAN\n bandwidth 10000\n',
  ],
  [
    'login block-for 120 attempts 3 within 60',
    'ip cef\nlogin block-for 120 attempts 3 within 60\nno ipv6 cef',
  ],
  ['ip http secure-server\nno ip http secure-server', '!\nno ip http server\nno ip http secure-server\n'],
  ['alias exec sib show ip interface brief', 'alias exec sib show ip interface brief'],
  ['no alias exec s\nalias exec S show running-config', 'alias exec S show running-config'],
  ['no alias exec w', '!\nno alias exec w\n!\nline con 0'],
  [
    'alias exec sib show ip int brief\nalias interface ns no shutdown',
    'alias interface ns no shutdown\nalias exec sib',
  ],
  ['no ip domain-lookup', 'no ip domain lookup'],
  ['no ip domain lookup', 'no ip domain lookup'],
  ['ip domain-name lab.local', 'ip domain name lab.local'],
  ['ip domain name lab.local', 'ip domain name lab.local'],
  ['no ip routing', 'no ip routing'],
  ['ip default-gateway 10.0.0.1', 'ip default-gateway 10.0.0.1'],
  [
    'interface g0/0\n description To the core\n ip address 10.0.0.1 255.255.255.0',
    ' description To the core\n ip address 10.0.0.1 255.255.255.0',
  ],
  [
    'interface g0/1\n no shutdown',
    'interface GigabitEthernet0/1\n no ip address\n duplex auto\n speed auto\n!',
  ],
  ['interface g0/1\n duplex full\n speed 100', ' no ip address\n duplex full\n speed 100\n!'],
  ['interface g0/1\n no ip proxy-arp', ' no ip proxy-arp'],
  [
    'interface g0/0.10\n encapsulation dot1Q 10\n ip address 10.10.0.1 255.255.0.0',
    'interface GigabitEthernet0/0.10\n encapsulation dot1Q 10\n ip address 10.10.0.1 255.255.0.0\n!',
  ],
  ['interface g0/0.99\n encapsulation dot1Q 99 native', ' encapsulation dot1Q 99 native'],
  [
    'interface loopback 0\n ip address 1.1.1.1 255.255.255.255',
    'interface Loopback0\n ip address 1.1.1.1 255.255.255.255',
  ],
  ['ip route 10.2.0.0 255.255.0.0 10.0.0.2', 'ip route 10.2.0.0 255.255.0.0 10.0.0.2'],
  ['ip route 0.0.0.0 0.0.0.0 g0/1', 'ip route 0.0.0.0 0.0.0.0 GigabitEthernet0/1'],
  [
    'ip route 10.3.0.0 255.255.0.0 g0/1 10.0.0.9 200',
    'ip route 10.3.0.0 255.255.0.0 GigabitEthernet0/1 10.0.0.9 200',
  ],
  ['line console 0\n password cisco\n login', 'line con 0\n password cisco\n login'],
  // A 1941 has vty lines 0-4 until a range names more; lines configured alike share a block,
  // but 0-4 and 5-15 are always apart.
  [
    'line vty 0 15\n password remote\n no login',
    'line vty 0 4\n password remote\n transport input none\nline vty 5 15\n password remote\n transport input none\n!',
  ],
  // Each range keeps its own settings.
  [
    'line vty 0 4\n login local\n transport input ssh\nline vty 5 15\n transport input telnet',
    'line vty 0 4\n login local\n transport input ssh\nline vty 5 15\n transport input telnet\n!',
  ],
  [
    'line vty 2 3\n exec-timeout 5',
    'line vty 0 1\n login\n transport input none\nline vty 2 3\n exec-timeout 5 0\n transport input none\nline vty 4\n login',
  ],
  [
    'line console 0\n exec-timeout 0 0\n logging synchronous\n login local',
    'line con 0\n exec-timeout 0 0\n logging synchronous\n login local\nline aux 0\nline vty',
  ],
  ['line console 0\n exec-timeout 10 0', 'line con 0\nline aux 0\nline vty'],
  [
    'line vty 0 4\n exec-timeout 5\n transport input ssh',
    'line vty 0 4\n exec-timeout 5 0\n transport input ssh\n!',
  ],
  ['line vty 0 4\n transport input telnet ssh', ' transport input telnet ssh'],
  ['line vty 0 4\n transport input ssh telnet', ' transport input telnet ssh'],
  ['line vty 0 4\n transport input all', 'line vty 0 4\n transport input all\n!'],
  ['line vty 0 4\n login\n transport input none', 'line vty 0 4\n login\n transport input none\n!'],
  ['username admin secret class', 'username admin secret 5 $1$'],
  ['username admin privilege 15 secret class', 'username admin privilege 15 secret 5 $1$'],
  ['username admin password cisco', 'username admin password 0 cisco'],
  ['service password-encryption\nusername admin password cisco', 'username admin password 7 '],
  ['username admin password 7 0822455D0A16', 'username admin password 7 0822455D0A16'],
  [
    'username admin password cisco\nservice password-encryption\nno service password-encryption',
    'username admin password 7 01100F175804',
  ],
  [
    'username admin secret 5 $1$mERr$hx5rVt7rPNoS4wqbXKX7m0',
    'username admin secret 5 $1$mERr$hx5rVt7rPNoS4wqbXKX7m0',
  ],
  ['ip ssh version 2', 'ip ssh version 2'],
  [
    'ip ssh version 2\nip ssh authentication-retries 2\nip ssh time-out 60',
    'ip ssh time-out 60\nip ssh authentication-retries 2\nip ssh version 2',
  ],
  [
    'security passwords min-length 8\nenable secret class',
    'security passwords min-length 8\nenable secret 5 ',
  ],
  ['service timestamps log datetime msec\nboot-start-marker\nno ip http server', 'no ip http server'],
  // OSPF: the process after the interfaces and before `ip forward-protocol nd`, its lines in
  // IOS's order whatever the order typed.
  [
    'router ospf 1\n network 10.0.0.0 0.0.0.255 area 0\n default-information originate\n passive-interface g0/1\n auto-cost reference-bandwidth 1000\n log-adjacency-changes detail\n router-id 1.1.1.1',
    ' speed auto\n!\nrouter ospf 1\n router-id 1.1.1.1\n log-adjacency-changes detail\n auto-cost reference-bandwidth 1000\n passive-interface GigabitEthernet0/1\n network 10.0.0.0 0.0.0.255 area 0\n default-information originate\n!\nip forward-protocol nd',
  ],
  // The address is masked by the wildcard; an area keeps the form it was typed in.
  [
    'router ospf 10\n network 172.16.0.253 0.0.0.255 area 0.0.0.0',
    ' network 172.16.0.0 0.0.0.255 area 0.0.0.0',
  ],
  [
    'router ospf 1\n network 10.1.1.0 0.0.0.255 area 4294967295',
    ' network 10.1.1.0 0.0.0.255 area 4294967295',
  ],
  // A statement goes before the broader one that covers it, as IOS 12.0 and later keep them.
  [
    'router ospf 1\n network 0.0.0.0 255.255.255.255 area 0\n network 192.168.1.0 0.0.0.255 area 0\n network 10.0.0.0 0.0.3.255 area 1\n network 10.0.0.0 0.0.0.7 area 2',
    ' network 192.168.1.0 0.0.0.255 area 0\n network 10.0.0.0 0.0.0.7 area 2\n network 10.0.0.0 0.0.3.255 area 1\n network 0.0.0.0 255.255.255.255 area 0',
  ],
  [
    'router ospf 1\n passive-interface default\n no passive-interface g0/1\n no passive-interface g0/0',
    ' passive-interface default\n no passive-interface GigabitEthernet0/0\n no passive-interface GigabitEthernet0/1',
  ],
  ['router ospf 1\n no log-adjacency-changes', 'router ospf 1\n no log-adjacency-changes\n!'],
  ['router ospf 1\n log-adjacency-changes\n auto-cost reference-bandwidth 100', 'router ospf 1\n!'],
  [
    'router ospf 1\n default-information originate metric-type 1 metric 10 always',
    ' default-information originate always metric 10 metric-type 1',
  ],
  ['router ospf 1\n default-information originate metric-type 2', ' default-information originate\n!'],
  // The interface lines after the other `ip` ones, `ip ospf N area` making its process.
  ['interface g0/1\n ip ospf 1 area 0', ' speed auto\n!\nrouter ospf 1\n!\nip forward-protocol nd'],
  [
    'interface g0/0\n ip ospf cost 10\n ip ospf 1 area 0\n ip ospf priority 0\n ip ospf hello-interval 5\n ip ospf dead-interval 20\n ip ospf network point-to-point\n ip nat inside',
    ' ip nat inside\n ip virtual-reassembly in\n ip ospf network point-to-point\n ip ospf dead-interval 20\n ip ospf hello-interval 5\n ip ospf priority 0\n ip ospf 1 area 0\n ip ospf cost 10\n duplex auto\n',
  ],
  [
    'interface g0/0\n ip ospf priority 1\n ip ospf hello-interval 10\n ip ospf network broadcast',
    'interface GigabitEthernet0/0\n no ip address\n duplex auto',
  ],
  [
    'interface loopback 0\n ip ospf network point-to-point',
    'interface Loopback0\n no ip address\n ip ospf network point-to-point\n!',
  ],
  // A process goes with the interfaces' commands that name it.
  [
    'interface g0/0\n ip ospf 2 area 0\n ip ospf cost 5\nno router ospf 2',
    'interface GigabitEthernet0/0\n no ip address\n ip ospf cost 5\n duplex auto',
  ],
  // NTP: after the lines and the scheduler, source, master, calendar, then the servers as typed.
  ['ntp master', 'scheduler allocate 20000 1000\nntp master\n!\nend'],
  ['ntp master 8', 'ntp master\n'],
  [
    'interface loopback 0\nntp server 10.0.0.9 version 3\nntp server 10.0.0.1 version 2 source g0/1 prefer\nntp master 2\nntp update-calendar\nntp source loopback 0',
    'ntp source Loopback0\nntp master 2\nntp update-calendar\nntp server 10.0.0.9 version 3\nntp server 10.0.0.1 prefer source GigabitEthernet0/1 version 2\n!\nend',
  ],
  // Typed again, a server's line is replaced where it was; the last NTP line gone, NTP is off.
  [
    'ntp server 10.0.0.1 prefer\nntp server 10.0.0.2\nntp server 10.0.0.1',
    'ntp server 10.0.0.1\nntp server 10.0.0.2\n!',
  ],
  [
    'ntp server 10.0.0.1\nntp master 3\nno ntp server 10.0.0.1 prefer\nno ntp master',
    'scheduler allocate 20000 1000\n!\nend',
  ],
  // IPv6: unicast-routing after ip cef with ipv6 cef (reading it back), the interface lines after
  // duplex and speed, link-local first; ipv6 route after the ip routes, interface before next hop.
  [
    'ipv6 unicast-routing\ninterface g0/0\n ipv6 address 2001:db8:1::1/64\n ipv6 address fe80::1 link-local\n ipv6 address 2001:db8:2::/64 eui-64\n ipv6 enable\n ipv6 address autoconfig default\nipv6 route ::/0 g0/0 fe80::2\nipv6 route 2001:db8:9::/64 2001:db8:1::2 5',
    ' duplex auto\n speed auto\n ipv6 address FE80::1 link-local\n ipv6 address 2001:DB8:1::1/64\n ipv6 address 2001:DB8:2::/64 eui-64\n ipv6 address autoconfig default\n ipv6 enable\n!',
  ],
  ['ipv6 unicast-routing', 'ip cef\nipv6 unicast-routing\nipv6 cef'],
  ['ipv6 unicast-routing', 'ipv6 cef\n!\nmultilink bundle-name authenticated'],
  [
    'ipv6 route ::/0 g0/0 fe80::2\nipv6 route 2001:db8:9::/64 2001:db8:1::2 5',
    'ipv6 route ::/0 GigabitEthernet0/0 FE80::2\nipv6 route 2001:DB8:9::/64 2001:DB8:1::2 5\n!',
  ],
  [
    'ipv6 unicast-routing\nno ipv6 unicast-routing\ninterface g0/0\n ipv6 address 2001:db8:1::1/64\n no ipv6 address 2001:db8:1::1/64\nipv6 route ::/0 2001:db8:1::2\nno ipv6 route ::/0',
    'no ipv6 cef\n!',
  ],
  // A source interface deleted since still reads back.
  [
    'interface loopback 1\nntp source loopback 1\nno interface loopback 1',
    'scheduler allocate 20000 1000\nntp source Loopback1\n!',
  ],
  [
    'ntp source loopback 1\nntp master\nno ntp source loopback 1',
    'scheduler allocate 20000 1000\nntp master\n!',
  ],
];

const SWITCH_COMMANDS: [string, string][] = [
  ['ntp server 10.0.0.1', 'line vty 5 15\n login\n!\nntp server 10.0.0.1\n!\nend'],
  [
    'interface f0/1\n switchport mode access\n switchport port-security aging static\n switchport port-security aging type inactivity\n switchport port-security aging time 60',
    ' switchport port-security aging time 60\n switchport port-security aging type inactivity\n switchport port-security aging static\n',
  ],
  ['no ip http server', '!\nno ip http server\nip http secure-server\n'],
  [
    'no ip domain-lookup\nlogin block-for 30 attempts 2 within 120',
    '!\nno ip domain-lookup\nlogin block-for 30 attempts 2 within 120\n!',
  ],
  [
    'no ip http secure-server\nno ip http server\nip http server',
    '!\nip http server\nno ip http secure-server\n',
  ],
  ['vlan 10\n name Sales', 'vlan 10\n name Sales\n!'],
  ['vlan 20-22', 'vlan 20\n!\nvlan 21\n!\nvlan 22\n!'],
  [
    'interface f0/1\n switchport mode access\n switchport access vlan 10',
    ' switchport access vlan 10\n switchport mode access',
  ],
  [
    'interface g0/1\n switchport mode trunk\n switchport nonegotiate',
    ' switchport mode trunk\n switchport nonegotiate',
  ],
  [
    'interface g0/2\n switchport trunk native vlan 99\n switchport trunk allowed vlan 10,20-30',
    ' switchport trunk native vlan 99\n switchport trunk allowed vlan 10,20-30',
  ],
  ['interface g0/2\n switchport trunk allowed vlan none', ' switchport trunk allowed vlan none'],
  ['interface g0/2\n switchport trunk allowed vlan except 5', ' switchport trunk allowed vlan 1-4,6-4094'],
  ['interface f0/2\n switchport mode dynamic desirable', ' switchport mode dynamic desirable'],
  ['interface range f0/3 - 4\n shutdown', 'interface FastEthernet0/4\n shutdown'],
  [
    'interface vlan 1\n ip address 192.168.1.2 255.255.255.0\n no shutdown',
    'interface Vlan1\n ip address 192.168.1.2 255.255.255.0\n!',
  ],
  ['interface vlan 10\n shutdown', 'interface Vlan10\n no ip address\n shutdown'],
  ['ip default-gateway 192.168.1.1', 'ip default-gateway 192.168.1.1'],
  ['line vty 5 15\n password x\n login', 'line vty 5 15\n password x\n login'],
  ['no ip domain-lookup\nip domain-name lab.local', 'no ip domain-lookup\nip domain-name lab.local'],
  ['interface f0/5\n speed 100\n duplex full', 'interface FastEthernet0/5\n speed 100\n duplex full\n!'],
  ['interface g0/1\n duplex auto\n speed auto', 'interface GigabitEthernet0/1\n!'],
  ['interface vlan 1\n description Management', 'interface Vlan1\n description Management\n no ip address'],
  [
    'line vty 0 15\n transport input ssh\n login local',
    'line vty 5 15\n login local\n transport input ssh\n!',
  ],
  ['username op privilege 15 secret cisco', 'username op privilege 15 secret 5 $1$'],
  ['spanning-tree mode pvst\nvlan internal allocation policy ascending', 'spanning-tree mode pvst\n'],
  // EtherChannel: the Port-channels before the ports (the first port's switchport settings
  // made its own), ` channel-group` after `no cdp enable` and before spanning tree's lines.
  [
    'interface range f0/1 - 2\n switchport mode trunk\n channel-group 1 mode active',
    '!\ninterface Port-channel1\n switchport mode trunk\n!\ninterface FastEthernet0/1\n switchport mode trunk\n channel-group 1 mode active\n!',
  ],
  [
    'interface f0/5\n spanning-tree portfast\n channel-group 3 mode on\n no cdp enable\n speed 100\n shutdown',
    ' shutdown\n speed 100\n no cdp enable\n channel-group 3 mode on\n spanning-tree portfast\n!',
  ],
  ['interface f0/5\n channel-group 2 mode desirable', ' channel-group 2 mode desirable'],
  ['interface g0/2\n channel-group 6 mode passive', 'interface Port-channel6\n!'],
  // A port joining an existing Port-channel keeps its own settings.
  [
    'interface port-channel 2\n switchport access vlan 10\n switchport mode access\ninterface f0/7\n channel-group 2 mode auto',
    'interface Port-channel2\n switchport access vlan 10\n switchport mode access\n!\ninterface FastEthernet0/1',
  ],
  [
    'interface port-channel 2\n switchport mode access\ninterface f0/7\n channel-group 2 mode auto',
    'interface FastEthernet0/7\n channel-group 2 mode auto\n!',
  ],
  [
    'interface po4\n description Uplink\n shutdown',
    'interface Port-channel4\n description Uplink\n shutdown\n!',
  ],
  // Its ports leave a deleted Port-channel shut down.
  [
    'interface f0/8\n channel-group 4 mode on\nno interface port-channel 4',
    '!\ninterface FastEthernet0/7\n!\ninterface FastEthernet0/8\n shutdown\n!',
  ],
  [
    'port-channel load-balance src-dst-ip',
    '\nport-channel load-balance src-dst-ip\nspanning-tree mode pvst\n',
  ],
  ['port-channel load-balance dst-mac\nno port-channel load-balance', '!\nspanning-tree mode pvst\n'],
  ['port-channel load-balance src-mac', '!\nspanning-tree mode pvst\n'],
];

describe('renderRunningConfig', () => {
  it('prints a factory router as a 1941 with IOS 15.2 does', () => {
    expect(renderRunningConfig('router', defaultDeviceConfig('router', 'Router'))).toBe(
      [
        '!',
        'version 15.2',
        'service timestamps debug datetime msec',
        'service timestamps log datetime msec',
        'no service password-encryption',
        '!',
        'hostname Router',
        '!',
        'boot-start-marker',
        'boot-end-marker',
        '!',
        'no aaa new-model',
        '!',
        'ip cef',
        'no ipv6 cef',
        '!',
        'multilink bundle-name authenticated',
        '!',
        'interface GigabitEthernet0/0',
        ' no ip address',
        ' shutdown',
        ' duplex auto',
        ' speed auto',
        '!',
        'interface GigabitEthernet0/1',
        ' no ip address',
        ' shutdown',
        ' duplex auto',
        ' speed auto',
        '!',
        'interface GigabitEthernet0/2',
        ' no ip address',
        ' shutdown',
        ' duplex auto',
        ' speed auto',
        '!',
        'ip forward-protocol nd',
        '!',
        'no ip http server',
        'no ip http secure-server',
        '!',
        'control-plane',
        '!',
        'line con 0',
        'line aux 0',
        'line vty 0 4',
        ' login',
        ' transport input none',
        '!',
        'scheduler allocate 20000 1000',
        '!',
        'end',
        '',
      ].join('\n'),
    );
  });

  it('prints a factory switch with its VLAN 1 SVI and both vty ranges', () => {
    const text = renderRunningConfig('switch', defaultDeviceConfig('switch', 'Switch'));
    expect(text).toContain('version 15.0\nno service pad\nservice timestamps debug datetime msec\n');
    expect(text).toContain('spanning-tree mode pvst\nspanning-tree extend system-id\n!\nvlan internal');
    expect(text).toContain('interface FastEthernet0/24\n!\ninterface GigabitEthernet0/1\n!');
    expect(text).toContain('interface Vlan1\n no ip address\n shutdown\n!');
    expect(text).toContain(
      'ip http server\nip http secure-server\n!\nline con 0\nline vty 0 4\n login\nline vty 5 15\n login\n!\nend\n',
    );
  });
});

describe('parseConfigText round-trips every configuration command', () => {
  for (const [typed, shown] of ROUTER_COMMANDS) {
    it(`router: ${typed.split('\n').join(' / ')}`, () => {
      expect(roundTrip('router', typed)).toContain(shown);
    });
  }
  for (const [typed, shown] of SWITCH_COMMANDS) {
    it(`switch: ${typed.split('\n').join(' / ')}`, () => {
      expect(roundTrip('switch', typed)).toContain(shown);
    });
  }

  it('reads back its own output: interfaces it lists start enabled unless the text says shutdown', () => {
    const { config } = parseConfigText(
      'router',
      'interface GigabitEthernet0/1\n ip address 10.0.0.1 255.0.0.0\n',
    );
    expect(config.interfaces['GigabitEthernet0/1']?.shutdown).toBe(false);
    expect(config.interfaces['GigabitEthernet0/2']?.shutdown).toBe(true);
  });

  it('keeps the VLAN database to what the text declares', () => {
    const { config } = parseConfigText('switch', 'interface f0/1\n switchport access vlan 30\n');
    expect(config.vlans.map((v) => v.id)).toEqual([1]);
    expect(config.interfaces['FastEthernet0/1']?.switchport?.accessVlan).toBe(30);
  });
});

describe('parseConfigText problems', () => {
  it('reports each line IOS would refuse, with its line number', () => {
    const text = [
      '!',
      'hostname R1',
      'interfce g0/0',
      'interface g0/0',
      ' ip address 10.0.0.0 255.255.255.0',
      ' ip address',
      ' switchport mode trunk',
      'ip route 10.1.1.1 255.255.255.0 10.0.0.2',
      'do show run',
      'end',
      'show version',
    ].join('\n');
    const { config, problems } = parseConfigText('router', text);
    expect(config.hostname).toBe('R1');
    expect(problems).toEqual([
      { line: 3, message: "% Invalid input detected at '^' marker (column 7)." },
      { line: 5, message: 'Bad mask /24 for address 10.0.0.0' },
      { line: 6, message: '% Incomplete command.' },
      { line: 7, message: "% Invalid input detected at '^' marker (column 3)." },
      { line: 8, message: '%Inconsistent address and mask' },
      { line: 9, message: "% Invalid input detected at '^' marker (column 2)." },
      { line: 11, message: "Ignored: configuration text continues after 'end'." },
    ]);
  });

  it('skips the lines of a section whose header was refused, which IOS would apply to the mode before', () => {
    // A Packet Tracer router configuration lists an `interface Vlan1` a 1941 does not have.
    const text = [
      'interface GigabitEthernet0/0',
      ' ip address 10.0.0.1 255.255.255.0',
      ' duplex auto',
      'interface Vlan1',
      ' no ip address',
      ' shutdown',
      'line aux 0',
      ' exec-timeout 0 0',
      'line con 0',
      ' exec-timeout 0 0',
    ].join('\n');
    const { config, problems } = parseConfigText('router', text);
    const g00 = config.interfaces['GigabitEthernet0/0']!;
    expect(g00.ip?.addr).toBe(0x0a00_0001);
    expect(g00.shutdown).toBe(false);
    expect(config.lineConsole.execTimeout).toEqual({ minutes: 0, seconds: 0 });
    // `line aux 0` itself, in every router's running-config, is taken without a word.
    expect(problems.map((p) => p.line)).toEqual([4, 5, 6, 8]);
    expect(problems[1]!.message).toBe('Ignored: part of the section that line 4 opens, which was refused.');
    // The auxiliary port is not simulated: its block names that, line by line.
    expect(problems[3]!.message).toMatch(/auxiliary port/);
  });

  it('applies text onto a given base configuration', () => {
    const base = defaultDeviceConfig('router', 'Edge');
    const { config } = parseConfigText('router', 'interface g0/0\n description x\n', base);
    expect(config.hostname).toBe('Edge');
  });
});
