/**
 * A multilayer switch's routed ports (`no switchport`): an IP interface on the port itself,
 * with no VLAN, no DTP, no spanning tree and no MAC learning, and an internal VLAN each.
 */
import { describe, expect, it } from 'vitest';
import { deviceId } from '../../src/shared/ids.ts';
import { hops, ip, marks, TestNet } from './net.ts';

const d = deviceId;

/**
 * PC1 in VLAN 10 on MLS1 (a 3560 routing between its SVI and its routed port Gi0/1), R1
 * beyond Gi0/1 on 10.0.0.0/30, PC2 on R1's other leg.
 */
function uplink(): TestNet {
  const n = new TestNet();
  n.switch(
    'MLS1',
    {
      vlans: [10],
      ports: { 'fa0/1': { mode: 'access', access: 10 } },
      svis: { 10: '192.168.10.1/24' },
      routed: { 'g0/1': '10.0.0.2/30' },
      ipRouting: true,
      routes: ['0.0.0.0/0 via 10.0.0.1'],
    },
    '3560-24PS',
  );
  n.router('R1', {
    interfaces: { 'g0/0': { ip: '10.0.0.1/30' }, 'g0/1': { ip: '10.1.0.1/24' } },
    routes: ['192.168.10.0/24 via 10.0.0.2'],
  });
  n.pc('PC1', '192.168.10.10/24', '192.168.10.1').pc('PC2', '10.1.0.10/24', '10.1.0.1');
  n.link('PC1:fa0', 'MLS1:fa0/1');
  n.link('MLS1:g0/1', 'R1:g0/0');
  n.link('PC2:fa0', 'R1:g0/1');
  n.settle();
  return n;
}

const port = (n: TestNet, dev: string, name: string) =>
  n.sim.interfaces(d(dev)).find((i) => i.name === name)!;

describe('routed port', () => {
  it('routes between an SVI and the port, with a connected route through the port', () => {
    const n = uplink();
    // MLS1 resolves R1, then R1 resolves PC2: two echoes lost to ARP.
    expect(marks(n.ping('PC1', '10.1.0.10'))).toBe('..!!');
    expect(marks(n.ping('PC1', '10.1.0.10'))).toBe('!!!!');
    expect(hops(n.traceroute('PC1', '10.1.0.10'))).toEqual([
      '1: 192.168.10.1 192.168.10.1 192.168.10.1',
      '2: 10.0.0.1 10.0.0.1 10.0.0.1',
      '3: 10.1.0.10 10.1.0.10 10.1.0.10',
    ]);
    const connected = n.sim.routes(d('MLS1')).filter((r) => r.code === 'C');
    expect(connected.map((r) => r.interface)).toEqual(
      expect.arrayContaining(['GigabitEthernet0/1', 'Vlan10']),
    );
  });

  it("answers ARP with the port's own address, not the SVIs'", () => {
    const n = uplink();
    n.ping('R1', '10.0.0.2');
    const mac = port(n, 'MLS1', 'GigabitEthernet0/1').mac;
    expect(n.sim.arpTable(d('R1')).find((e) => e.ip === ip('10.0.0.2'))?.mac).toBe(mac);
    expect(mac).not.toBe(port(n, 'MLS1', 'Vlan10').mac);
  });

  it('learns no MAC address and carries no VLAN', () => {
    const n = uplink();
    n.ping('PC1', '10.1.0.10');
    expect(n.sim.macTable(d('MLS1')).filter((e) => e.port === 'GigabitEthernet0/1')).toEqual([]);
    for (const ports of n.sim.vlanPorts(d('MLS1')).values()) expect(ports).not.toContain('Gi0/1');
  });

  it('sends no DTP: a 2960 port left to negotiate facing it stays an access port', () => {
    const n = new TestNet();
    n.switch('MLS1', { routed: { 'g0/1': '10.0.0.2/30' } }, '3560-24PS');
    n.switch('S1', { ports: { 'g0/1': { mode: 'dynamic-desirable' } } });
    n.link('MLS1:g0/1', 'S1:g0/1');
    n.settle();
    expect(port(n, 'S1', 'GigabitEthernet0/1').switchportOperMode).toBe('access');
    expect(n.sim.trunks(d('MLS1'))).toEqual([]);
  });

  it('takes nothing tagged and nothing for another address', () => {
    const n = new TestNet();
    n.switch('MLS1', { routed: { 'g0/1': '10.0.0.2/30' }, ipRouting: true }, '3560-24PS');
    // A trunk facing the routed port tags VLAN 10: the SVI behind it is never reached.
    n.switch('S1', {
      vlans: [10],
      ports: { 'g0/1': { mode: 'trunk', native: 99 } },
      svis: { 10: '10.0.0.1/30' },
    });
    n.link('MLS1:g0/1', 'S1:g0/1');
    n.settle();
    expect(marks(n.ping('S1', '10.0.0.2'))).toBe('.....');
    // Untagged, in the trunk's native VLAN, it answers.
    n.reconfigure('S1', {
      vlans: [10],
      ports: { 'g0/1': { mode: 'trunk', native: 10 } },
      svis: { 10: '10.0.0.1/30' },
    });
    n.settle();
    expect(marks(n.ping('S1', '10.0.0.2'))).toMatch(/^\.?!+$/);
  });

  it('goes down with its line and when shut down, taking its connected route', () => {
    const n = uplink();
    n.reconfigure('MLS1', {
      vlans: [10],
      ports: { 'fa0/1': { mode: 'access', access: 10 } },
      svis: { 10: '192.168.10.1/24' },
      routed: { 'g0/1': { ip: '10.0.0.2/30', shutdown: true } },
      ipRouting: true,
    });
    expect(port(n, 'MLS1', 'GigabitEthernet0/1').status).toBe('administratively down');
    expect(n.sim.routes(d('MLS1')).some((r) => r.interface === 'GigabitEthernet0/1')).toBe(false);
  });

  it('becomes a switch port again: VLAN 1, learning, no address', () => {
    const n = uplink();
    n.reconfigure('MLS1', {
      vlans: [10],
      ports: { 'fa0/1': { mode: 'access', access: 10 } },
      svis: { 10: '192.168.10.1/24', 1: '10.0.0.2/30' },
      ipRouting: true,
    });
    n.settle();
    expect(n.sim.routes(d('MLS1')).some((r) => r.interface === 'GigabitEthernet0/1')).toBe(false);
    // R1 now reaches the switch's Vlan1 through the port.
    n.sim.clearArp(d('R1'));
    expect(marks(n.ping('R1', '10.0.0.2'))).toMatch(/^\.?!+$/);
    expect(n.sim.macTable(d('MLS1')).some((e) => e.port === 'GigabitEthernet0/1')).toBe(true);
  });

  it('holds an internal VLAN from 1006 up while not shut down, skipping VLANs in use', () => {
    const n = new TestNet();
    n.switch(
      'MLS1',
      { vlans: [1006], routed: { 'g0/1': '10.0.0.2/30', 'g0/2': '10.0.1.2/30', 'fa0/3': '10.0.2.2/30' } },
      '3560-24PS',
    );
    expect(n.sim.internalVlans(d('MLS1'))).toEqual([
      { vlan: 1007, port: 'FastEthernet0/3' },
      { vlan: 1008, port: 'GigabitEthernet0/1' },
      { vlan: 1009, port: 'GigabitEthernet0/2' },
    ]);
    // Shutting Fa0/3 down frees 1007; Gi0/1 and Gi0/2 keep theirs, and a new one takes 1007.
    n.reconfigure('MLS1', {
      vlans: [1006],
      routed: {
        'g0/1': '10.0.0.2/30',
        'g0/2': '10.0.1.2/30',
        'fa0/3': { ip: '10.0.2.2/30', shutdown: true },
      },
    });
    expect(n.sim.internalVlans(d('MLS1')).map((v) => v.vlan)).toEqual([1008, 1009]);
    n.reconfigure('MLS1', {
      vlans: [1006],
      routed: {
        'g0/1': '10.0.0.2/30',
        'g0/2': '10.0.1.2/30',
        'fa0/3': { ip: '10.0.2.2/30', shutdown: true },
        'fa0/4': '10.0.3.2/30',
      },
    });
    expect(n.sim.internalVlans(d('MLS1'))).toEqual([
      { vlan: 1007, port: 'FastEthernet0/4' },
      { vlan: 1008, port: 'GigabitEthernet0/1' },
      { vlan: 1009, port: 'GigabitEthernet0/2' },
    ]);
    // A configuration whose VLAN database has one of them (read as saved) takes it back.
    n.reconfigure('MLS1', {
      vlans: [1006, 1008],
      routed: { 'g0/1': '10.0.0.2/30', 'g0/2': '10.0.1.2/30', 'fa0/4': '10.0.3.2/30' },
    });
    expect(n.sim.internalVlans(d('MLS1'))).toEqual([
      { vlan: 1007, port: 'FastEthernet0/4' },
      { vlan: 1009, port: 'GigabitEthernet0/2' },
      { vlan: 1010, port: 'GigabitEthernet0/1' },
    ]);
  });

  it('exists on a multilayer switch only', () => {
    const n = new TestNet();
    n.switch('S1', { routed: { 'g0/1': '10.0.0.2/30' } });
    expect(n.sim.internalVlans(d('S1'))).toEqual([]);
    expect(n.sim.routes(d('S1'))).toEqual([]);
  });
});
