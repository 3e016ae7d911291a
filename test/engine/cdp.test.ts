/**
 * CDP neighbours: who hears whom over a cable, what they advertise, and the holdtime, which
 * starts at 180 s with each advertisement the neighbour sends every 60 s from its boot; CDP
 * turned off and on again on a device (`no cdp run`) or a port (`no cdp enable`), and the
 * table cleared.
 */
import { describe, expect, it } from 'vitest';
import { deviceId, linkId } from '../../src/shared/ids.ts';
import { seconds } from '../../src/shared/time.ts';
import { ip, type SwitchSpec, TestNet } from './net.ts';

const d = deviceId;

const S1: SwitchSpec = {
  vlans: [10, 99],
  ports: { 'g0/1': { mode: 'trunk', native: 99 }, 'fa0/2': { mode: 'access', access: 10 } },
  svis: { 1: '10.0.0.2/24', 10: '10.0.10.2/24' },
};

/** R1 Gi0/0 (10.0.0.1) to S1 Gi0/1 (trunk, native VLAN 99), S1 to S2 (access VLAN 10), a PC on S1. */
function net(): TestNet {
  const n = new TestNet();
  n.router('R1', { interfaces: { 'g0/0': { ip: '10.0.0.1/24' } } });
  n.switch('S1', S1);
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

  /** S1's configuration with CDP off on the whole switch, or on `port` alone. */
  const s1Without = (n: TestNet, port?: string) => {
    const c = n.config('S1', S1);
    if (port === undefined) return { ...c, cdpRun: false as const };
    return {
      ...c,
      interfaces: { ...c.interfaces, [port]: { ...c.interfaces[port]!, cdpEnable: false as const } },
    };
  };
  const holdOf = (n: TestNet, on: string, name: string) =>
    n.sim.cdpNeighbors(d(on)).find((e) => e.hostname === name)?.holdtime;

  it('no cdp run: the switch forgets its neighbours at once; they keep it until its last holdtime runs out', () => {
    const n = net();
    n.run(seconds(65)); // 70 s: S1 last advertised at 60 s.
    n.sim.configure(d('S1'), s1Without(n));
    n.run(seconds(1));
    expect(n.sim.cdpNeighbors(d('S1'))).toEqual([]);
    expect(holdOf(n, 'R1', 'S1')).toBe(169);
    expect(holdOf(n, 'S2', 'S1')).toBe(169);
    n.run(seconds(168)); // 239 s
    expect(holdOf(n, 'R1', 'S1')).toBe(1);
    n.run(seconds(1));
    expect(n.sim.cdpNeighbors(d('R1'))).toEqual([]);
    expect(n.sim.cdpNeighbors(d('S2'))).toEqual([]);
  });

  it('cdp run again: the switch advertises at once, and hears each neighbour at its next tick', () => {
    const n = net();
    n.run(seconds(65));
    n.sim.configure(d('S1'), s1Without(n));
    n.run(seconds(240)); // 310 s: R1 ticked at 300 s, unheard.
    n.reconfigure('S1', S1);
    expect(holdOf(n, 'R1', 'S1')).toBe(180);
    expect(n.sim.cdpNeighbors(d('S1'))).toEqual([]);
    n.run(seconds(50)); // 360 s
    expect(holdOf(n, 'S1', 'R1')).toBe(180);
    expect(holdOf(n, 'S1', 'S2')).toBe(180);
  });

  it('no cdp enable on a port: only that port stops hearing and advertising', () => {
    const n = net();
    n.run(seconds(15)); // 20 s
    n.sim.configure(d('S1'), s1Without(n, 'GigabitEthernet0/1'));
    expect(n.sim.cdpNeighbors(d('S1')).map((e) => e.hostname)).toEqual(['S2']);
    n.run(seconds(100)); // 120 s: S2 and R1 hear S1 over Fa0/2, but not over Gi0/1.
    expect(holdOf(n, 'S2', 'S1')).toBe(180);
    expect(holdOf(n, 'R1', 'S1')).toBe(60);
    n.reconfigure('S1', S1);
    expect(holdOf(n, 'R1', 'S1')).toBe(180);
  });

  it('clear cdp table: the device hears its neighbours again at their next advertisement; they keep it', () => {
    const n = net();
    n.run(seconds(65)); // 70 s
    n.sim.clearCdpTable(d('R1'));
    expect(n.sim.cdpNeighbors(d('R1'))).toEqual([]);
    expect(holdOf(n, 'S1', 'R1')).toBe(170);
    n.run(seconds(49)); // 119 s
    expect(n.sim.cdpNeighbors(d('R1'))).toEqual([]);
    n.run(seconds(1)); // 120 s: S1's timer ticks.
    expect(holdOf(n, 'R1', 'S1')).toBe(180);
  });

  it('a device added with CDP off never advertises; a device reloaded hears its neighbours at once', () => {
    const n = net();
    n.switch('S3', {});
    n.sim.configure(d('S3'), { ...n.config('S3', {}), cdpRun: false });
    n.link('R1:g0/1', 'S3:g0/1');
    n.reconfigure('R1', { interfaces: { 'g0/0': { ip: '10.0.0.1/24' }, 'g0/1': {} } });
    n.run(seconds(5));
    expect(n.sim.cdpNeighbors(d('R1')).map((e) => e.hostname)).toEqual(['S1']);
    n.run(seconds(60)); // 70 s
    n.sim.reload(d('R1'));
    expect(holdOf(n, 'R1', 'S1')).toBe(180);
  });
});
