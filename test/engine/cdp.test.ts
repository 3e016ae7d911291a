/**
 * CDP neighbours: who hears whom over a cable, what they advertise, and the holdtime, which
 * starts at 180 s with each advertisement the neighbour sends every 60 s from its boot.
 */
import { describe, expect, it } from 'vitest';
import { deviceId, linkId } from '../../src/shared/ids.ts';
import { seconds } from '../../src/shared/time.ts';
import { ip, TestNet } from './net.ts';

const d = deviceId;

/** R1 Gi0/0 (10.0.0.1) to S1 Gi0/1 (trunk, native VLAN 99), S1 to S2 (access VLAN 10), a PC on S1. */
function net(): TestNet {
  const n = new TestNet();
  n.router('R1', { interfaces: { 'g0/0': { ip: '10.0.0.1/24' } } });
  n.switch('S1', {
    vlans: [10, 99],
    ports: { 'g0/1': { mode: 'trunk', native: 99 }, 'fa0/2': { mode: 'access', access: 10 } },
    svis: { 1: '10.0.0.2/24', 10: '10.0.10.2/24' },
  });
  n.switch('S2', { vlans: [10], ports: { 'fa0/1': { mode: 'access', access: 10 } } });
  n.pc('PC1', '10.0.0.10/24');
  n.link('R1:g0/0', 'S1:g0/1');
  n.link('S1:fa0/2', 'S2:fa0/1');
  n.link('PC1:fa0', 'S1:fa0/1');
  n.run(seconds(5));
  return n;
}

describe('CDP neighbours', () => {
  it('routers and switches list each other by port; PCs neither run CDP nor appear', () => {
    const n = net();
    const s1 = n.sim.cdpNeighbors(d('S1'));
    expect(s1.map((e) => [e.port, e.hostname, e.kind, e.peerPort])).toEqual([
      ['FastEthernet0/2', 'S2', 'switch', 'FastEthernet0/1'],
      ['GigabitEthernet0/1', 'R1', 'router', 'GigabitEthernet0/0'],
    ]);
    expect(n.sim.cdpNeighbors(d('PC1'))).toEqual([]);
    const r1 = n.sim.cdpNeighbors(d('R1'));
    expect(r1.map((e) => [e.port, e.hostname, e.peerPort])).toEqual([
      ['GigabitEthernet0/0', 'S1', 'GigabitEthernet0/1'],
    ]);
  });

  it('advertise the port address of a router, the first SVI of a switch, and a switch port native VLAN', () => {
    const n = net();
    const fromR1 = n.sim.cdpNeighbors(d('S1')).find((e) => e.hostname === 'R1')!;
    expect(fromR1.address).toBe(ip('10.0.0.1'));
    expect(fromR1.nativeVlan).toBeUndefined();
    const fromS1 = n.sim.cdpNeighbors(d('R1'))[0]!;
    expect(fromS1.address).toBe(ip('10.0.0.2'));
    expect(fromS1.nativeVlan).toBe(99);
    const s2 = n.sim.cdpNeighbors(d('S2'))[0]!;
    expect(s2.nativeVlan).toBe(10);
    expect(n.sim.cdpNeighbors(d('S1')).find((e) => e.hostname === 'S2')!.address).toBeUndefined();
  });

  it('the holdtime counts down and starts again at 180 s with each advertisement', () => {
    const n = net();
    const hold = () => n.sim.cdpNeighbors(d('R1'))[0]!.holdtime;
    // The line came up at boot (time 0), when S1 also advertises: 5 s ago.
    expect(hold()).toBe(175);
    n.run(seconds(50));
    expect(hold()).toBe(125);
    n.run(seconds(6));
    // S1's timer ticked at 60 s.
    expect(hold()).toBe(179);
  });

  it('a neighbour is gone when the line goes down, and back with a fresh holdtime when it comes up', () => {
    const n = net();
    n.run(seconds(30));
    n.sim.setLinkUp(linkId('L1'), false);
    n.run(seconds(1));
    expect(n.sim.cdpNeighbors(d('R1'))).toEqual([]);
    n.run(seconds(20));
    n.sim.setLinkUp(linkId('L1'), true);
    n.run(seconds(2));
    expect(n.sim.cdpNeighbors(d('R1'))[0]!.holdtime).toBeGreaterThan(176);
  });
});
