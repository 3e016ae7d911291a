/**
 * A layer-2 switch as an IP host: `interface Vlan N` with an address, `ip default-gateway`,
 * SVI autostate (line protocol up only while a port of the VLAN is up).
 */
import { describe, expect, it } from 'vitest';
import { deviceId } from '../../src/shared/ids.ts';
import { hops, ip, marks, TestNet } from './net.ts';

const d = deviceId;

/** PC1 and S1's Vlan1 in 10.0.0.0/24 behind R1; PC2 in 10.1.0.0/24 on R1's other leg. */
function managed(gateway = '10.0.0.1'): TestNet {
  const n = new TestNet();
  n.switch('S1', { svis: { 1: '10.0.0.254/24' }, defaultGateway: gateway });
  n.router('R1', { interfaces: { 'g0/0': { ip: '10.0.0.1/24' }, 'g0/1': { ip: '10.1.0.1/24' } } });
  n.pc('PC1', '10.0.0.10/24', '10.0.0.1').pc('PC2', '10.1.0.10/24', '10.1.0.1');
  n.link('S1:g0/1', 'R1:g0/0');
  n.link('PC1:fa0', 'S1:fa0/1');
  n.link('PC2:fa0', 'R1:g0/1');
  return n;
}

describe('switch virtual interface', () => {
  it('answers pings from its VLAN and pings back (IOS: first echo lost to ARP)', () => {
    const n = managed();
    const fromPc = n.ping('PC1', '10.0.0.254');
    expect(marks(fromPc)).toBe('!!!!');
    expect(fromPc.results[0]!.outcome).toMatchObject({ kind: 'reply', ttl: 255 });
    n.sim.clearArp(d('S1'));
    expect(marks(n.ping('S1', '10.0.0.10'))).toBe('.!!!!');
  });

  it('reaches other subnets through ip default-gateway', () => {
    const n = managed();
    // The switch resolves its gateway, then R1 resolves PC2: two echoes lost to ARP.
    expect(marks(n.ping('S1', '10.1.0.10'))).toBe('..!!!');
    expect(marks(n.ping('PC2', '10.0.0.254'))).toBe('!!!!');
    expect(hops(n.traceroute('S1', '10.1.0.10'))).toEqual([
      '1: 10.0.0.1 10.0.0.1 10.0.0.1',
      '2: 10.1.0.10!P 10.1.0.10!P 10.1.0.10!P',
    ]);
    expect(n.sim.routes(d('S1')).map((r) => r.code)).toEqual(['S*', 'C', 'L']);
  });

  it('without a default gateway, other subnets are unreachable from the switch', () => {
    const n = new TestNet();
    n.switch('S1', { svis: { 1: '10.0.0.254/24' } });
    n.pc('PC1', '10.0.0.10/24');
    n.link('PC1:fa0', 'S1:fa0/1');
    expect(marks(n.ping('S1', '10.1.0.10'))).toBe('.....');
  });

  it("without a default gateway, it ARPs for every destination, and the router's proxy ARP answers", () => {
    const n = new TestNet();
    n.switch('S1', { svis: { 1: '10.0.0.254/24' } });
    n.router('R1', { interfaces: { 'g0/0': { ip: '10.0.0.1/24' }, 'g0/1': { ip: '10.1.0.1/24' } } });
    n.pc('PC2', '10.1.0.10/24', '10.1.0.1');
    n.link('S1:g0/1', 'R1:g0/0');
    n.link('PC2:fa0', 'R1:g0/1');
    n.settle();
    // S1 resolves PC2's address itself (R1 answers for it), then R1 resolves PC2.
    expect(marks(n.ping('S1', '10.1.0.10'))).toBe('..!!!');
    const r1 = n.sim.interfaces(d('R1')).find((i) => i.name === 'GigabitEthernet0/0')!.mac;
    expect(n.sim.arpTable(d('S1')).find((e) => e.ip === ip('10.1.0.10'))?.mac).toBe(r1);
    expect(marks(n.ping('PC2', '10.0.0.254'))).toBe('!!!!');
    // Without proxy ARP on R1, nothing answers for PC2.
    n.reconfigure('R1', {
      interfaces: { 'g0/0': { ip: '10.0.0.1/24', proxyArp: false }, 'g0/1': { ip: '10.1.0.1/24' } },
    });
    n.sim.clearArp(d('S1'));
    expect(marks(n.ping('S1', '10.1.0.10'))).toBe('.....');
  });

  it('a switch that does not route does not forward between its SVIs', () => {
    const n = new TestNet();
    n.switch('S1', {
      vlans: [10, 20],
      svis: { 10: '10.0.10.254/24', 20: '10.0.20.254/24' },
      ports: { 'fa0/1': { mode: 'access', access: 10 }, 'fa0/2': { mode: 'access', access: 20 } },
    });
    n.pc('PC1', '10.0.10.10/24', '10.0.10.254').pc('PC2', '10.0.20.10/24', '10.0.20.254');
    n.link('PC1:fa0', 'S1:fa0/1');
    n.link('PC2:fa0', 'S1:fa0/2');
    expect(marks(n.ping('PC1', '10.0.20.10'))).toBe('....');
    // ip routing turns it into a layer-3 switch.
    n.reconfigure('S1', {
      vlans: [10, 20],
      svis: { 10: '10.0.10.254/24', 20: '10.0.20.254/24' },
      ports: { 'fa0/1': { mode: 'access', access: 10 }, 'fa0/2': { mode: 'access', access: 20 } },
      ipRouting: true,
    });
    expect(marks(n.ping('PC1', '10.0.20.10'))).toBe('.!!!');
  });

  it('autostate: the SVI line protocol is up only while its VLAN exists and has a port up', () => {
    const n = new TestNet();
    n.switch('S1', { svis: { 1: '10.0.0.254/24', 10: '10.0.10.254/24' } });
    const svi = (name: string) => {
      const i = n.sim.interfaces(d('S1')).find((x) => x.name === name)!;
      return `${i.status}/${i.protocol}`;
    };
    expect(svi('Vlan1')).toBe('up/down');
    expect(svi('Vlan10')).toBe('up/down');
    n.pc('PC1', '10.0.0.10/24');
    n.link('PC1:fa0', 'S1:fa0/1');
    expect(svi('Vlan1')).toBe('up/up');
    expect(svi('Vlan10')).toBe('up/down');
    n.reconfigure('S1', {
      vlans: [10],
      svis: { 1: { ip: '10.0.0.254/24', shutdown: true }, 10: '10.0.10.254/24' },
      ports: { 'fa0/1': { mode: 'access', access: 10 } },
    });
    expect(svi('Vlan1')).toBe('administratively down/down');
    expect(svi('Vlan10')).toBe('up/up');
  });

  it('a factory-default switch has Vlan1 shut down', () => {
    const n = new TestNet();
    n.sim.addDevice(d('S9'), 'switch', 'S9');
    const vlan1 = n.sim.interfaces(d('S9')).find((i) => i.name === 'Vlan1')!;
    expect([vlan1.status, vlan1.protocol, vlan1.ip]).toEqual(['administratively down', 'down', undefined]);
    expect(vlan1.mac).not.toBe(n.sim.baseMac(d('S9')));
  });
});
