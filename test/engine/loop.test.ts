/**
 * A switching loop without spanning tree: one broadcast circulates for ever, as on real
 * switches, until the switches are sure of the storm and treat the VLAN as saturated. The
 * engine must stay bounded, report the storm, and stay deterministic.
 */
import { describe, expect, it } from 'vitest';
import type { TraceEvent } from '../../src/engine/trace.ts';
import { deviceId } from '../../src/shared/ids.ts';
import type { Micros } from '../../src/shared/time.ts';
import { seconds } from '../../src/shared/time.ts';
import { ip, marks, SETTLE_TIME, startStorm, switchLoop, TestNet } from './net.ts';

const d = deviceId;

function triangle(stormThreshold?: number): { n: TestNet; events: TraceEvent[] } {
  const n = switchLoop({ seed: 3, traceCapacity: 100, ...(stormThreshold ? { stormThreshold } : {}) });
  const events: TraceEvent[] = [];
  n.sim.trace.subscribe((e) => {
    if (e.kind === 'storm') events.push(e);
  });
  startStorm(n);
  return { n, events };
}

describe('switching loop', () => {
  it('runUntil returns after its event budget, before the requested time', () => {
    // With containment out of reach the loop circulates for ever; the run bound still holds.
    const { n } = triangle(Number.MAX_SAFE_INTEGER);
    const ran = n.sim.runUntil(seconds(10) as Micros, 50_000);
    expect(ran).toBe(50_000);
    expect(n.sim.now()).toBeLessThan(seconds(10));
    expect(n.sim.nextEventTime()).toBeDefined();
  });

  it('reports the storm on every switch of the loop, then the work stops', () => {
    const { n, events } = triangle();
    const ran = n.sim.runUntil(seconds(0.1) as Micros, 1_000_000);
    // Once the first switch is sure (over 10,000 floods in a window, one of them a frame that
    // came back), the VLAN is saturated everywhere and the circulating copies are dropped.
    expect(ran).toBeLessThan(200_000);
    expect(events.map((e) => e.device).sort()).toEqual(['S1', 'S2', 'S3']);
    expect(Math.max(...events.map((e) => (e.kind === 'storm' ? e.frames : 0)))).toBeGreaterThan(10_000);
    for (const e of events) expect(e.kind === 'storm' && e.vlan).toBe(1);
    const trunk = n.sim.interfaces(d('S1')).find((i) => i.name === 'GigabitEthernet0/1')!;
    expect(trunk.counters.rxBroadcasts).toBeGreaterThan(1_000);
    // The PC's 100 Mb/s port cannot keep up with two gigabit trunks: its queue tail-drops.
    const access = n.sim.interfaces(d('S1')).find((i) => i.name === 'FastEthernet0/1')!;
    expect(access.counters.drops).toBeGreaterThan(0);
  });

  it('the same seed and the same inputs give the same storm', () => {
    const run = () => {
      const { n } = triangle(Number.MAX_SAFE_INTEGER);
      n.sim.runUntil(seconds(1) as Micros, 30_000);
      return [n.sim.now(), JSON.stringify(n.sim.interfaces(d('S2')).map((i) => i.counters))];
    };
    expect(run()).toEqual(run());
  });

  it('shutting a port of the loop ends the storm', () => {
    const { n, events } = triangle();
    n.sim.runUntil(seconds(0.1) as Micros, 50_000);
    n.reconfigure('S3', { ports: { 'g0/2': { shutdown: true } } });
    const flooded = () => n.sim.interfaces(d('S2')).reduce((a, i) => a + i.counters.txFrames, 0);
    // PC1 still retries its ARP request twice and ends probing for its address (one broadcast
    // each, no longer looping).
    n.sim.runUntil(SETTLE_TIME as Micros, 1_000_000);
    const before = flooded();
    n.sim.runUntil((SETTLE_TIME + seconds(1)) as Micros, 1_000_000);
    expect(flooded()).toBe(before);
    n.sim.runUntil((n.sim.now() + seconds(5)) as Micros, 1_000_000);
    expect(flooded()).toBe(before);
    expect(n.sim.nextEventTime()).toBeUndefined();
    expect(events.length).toBeGreaterThan(0);
  });
});

/** Two switches joined twice (the classic lab mistake), a PC on each, and a third switch off S1. */
function doubleLink(stormThreshold?: number): TestNet {
  const n = new TestNet({ seed: 5, ...(stormThreshold ? { stormThreshold } : {}) });
  n.switch('S1', { vlans: [20], ports: { 'fa0/10': { access: 20 } } })
    .switch('S2')
    .switch('S3', { vlans: [20], ports: { 'fa0/3': { access: 20 }, 'fa0/4': { access: 20 } } });
  n.pc('PC1', '10.0.0.1/24').pc('PC2', '10.0.0.2/24');
  n.pc('PC3', '10.0.0.3/24').pc('PC4', '10.0.0.4/24');
  n.pc('PC5', '10.0.20.5/24').pc('PC6', '10.0.20.6/24');
  n.link('S1:g0/1', 'S2:g0/1');
  n.link('S1:g0/2', 'S2:g0/2');
  n.link('S1:fa0/24', 'S3:fa0/24');
  n.link('PC1:fa0', 'S1:fa0/1');
  n.link('PC2:fa0', 'S2:fa0/1');
  n.link('PC3:fa0', 'S3:fa0/1');
  n.link('PC4:fa0', 'S3:fa0/2');
  n.link('PC5:fa0', 'S3:fa0/3');
  n.link('PC6:fa0', 'S3:fa0/4');
  return n;
}

describe('a storm saturates its VLAN until the loop is broken', () => {
  it('a ping across the loop ends with four failures, in bounded work', () => {
    const n = doubleLink();
    const job = n.sim.ping(d('PC1'), ip('10.0.0.2'), {
      count: 4,
      timeout: seconds(4),
      size: 32,
      interval: seconds(1),
    });
    let events = 0;
    while (!job.done && events < 2_000_000)
      events += n.sim.runUntil((n.sim.now() + seconds(1)) as Micros, 100_000);
    expect(job.done).toBe(true);
    expect(events).toBeLessThan(500_000);
    // The ARP request starts the storm and no reply gets through: Windows reports
    // "Destination host unreachable" for each echo, as when ARP fails.
    expect(job.results.map((r) => r.outcome.kind)).toEqual(Array(4).fill('unreachable'));
  });

  it('shows on the counters: saturated ports send (and trunks receive) broadcasts at line rate', () => {
    const n = doubleLink();
    n.ping('PC1', '10.0.0.9', { count: 1 });
    // Past the PCs' probes for their addresses.
    n.run(Math.max(0, SETTLE_TIME - n.sim.now()));
    const port = (dev: string, name: string) =>
      n.sim.interfaces(d(dev)).find((i) => i.name === name)!.counters;
    const trunk0 = port('S1', 'GigabitEthernet0/1');
    const pc0 = port('S1', 'FastEthernet0/1');
    const other0 = port('S3', 'FastEthernet0/3');
    n.run(seconds(1));
    const trunk1 = port('S1', 'GigabitEthernet0/1');
    const pc1 = port('S1', 'FastEthernet0/1');
    // 64-byte frames, 84 bytes on the wire: 1,488,095 a second at 1 Gb/s, 148,809 at 100 Mb/s.
    expect(trunk1.txFrames - trunk0.txFrames).toBeCloseTo(1_488_095, -1);
    expect(trunk1.rxBroadcasts - trunk0.rxBroadcasts).toBeCloseTo(1_488_095, -1);
    expect(pc1.txFrames - pc0.txFrames).toBeCloseTo(148_809, -1);
    // The PC does not send the storm back; a port of another VLAN stays quiet.
    expect(pc1.rxFrames).toBe(pc0.rxFrames);
    expect(port('S3', 'FastEthernet0/3')).toEqual(other0);
  });

  it('reaches a switch off the loop, but not another VLAN', () => {
    const n = doubleLink();
    n.ping('PC1', '10.0.0.9', { count: 1 });
    // PC3 and PC4 share S3, off the loop but in the stormed VLAN: their link is saturated too.
    expect(n.ping('PC3', '10.0.0.4').results.every((r) => r.outcome.kind !== 'reply')).toBe(true);
    expect(n.ping('PC5', '10.0.20.6').results.map((r) => r.outcome.kind)).toEqual([
      'reply',
      'reply',
      'reply',
      'reply',
    ]);
  });

  it('ends when a link of the loop goes down', () => {
    const n = doubleLink();
    n.ping('PC1', '10.0.0.9', { count: 1 });
    n.reconfigure('S2', { ports: { 'g0/2': { shutdown: true } } });
    n.run(seconds(1));
    expect(n.ping('PC1', '10.0.0.2').results.map((r) => r.outcome.kind)).toEqual([
      'reply',
      'reply',
      'reply',
      'reply',
    ]);
  });

  it('comes back with the next broadcast while the loop is still there', () => {
    const n = doubleLink();
    n.ping('PC1', '10.0.0.9', { count: 1 });
    // Plugging a cable elsewhere changes the topology but keeps the loop.
    n.pc('PC7', '10.0.0.7/24');
    n.link('PC7:fa0', 'S2:fa0/7');
    expect(n.ping('PC7', '10.0.0.2').results.every((r) => r.outcome.kind !== 'reply')).toBe(true);
  });

  it('never starts in a loop-free network, however busy', () => {
    const events: TraceEvent[] = [];
    const n = new TestNet({ seed: 5, stormThreshold: 3, traceCapacity: 10_000 });
    n.sim.trace.subscribe((e) => {
      if (e.kind === 'storm' || (e.kind === 'drop' && e.reason === 'storm-limit')) events.push(e);
    });
    n.switch('S1').switch('S2').pc('PC1', '10.0.0.1/24').pc('PC2', '10.0.0.2/24');
    n.link('S1:g0/1', 'S2:g0/1');
    n.link('PC1:fa0', 'S1:fa0/1');
    n.link('PC2:fa0', 'S2:fa0/1');
    // Dozens of ARP broadcasts in a second, far over a threshold of 3 floods.
    for (let h = 10; h < 40; h++)
      n.sim.ping(d('PC1'), ip(`10.0.0.${h}`), {
        count: 1,
        timeout: seconds(1),
        size: 32,
        interval: 0 as Micros,
      });
    n.run(seconds(5));
    expect(events).toEqual([]);
    expect(marks(n.ping('PC1', '10.0.0.2'))).toBe('!!!!');
  });
});

describe('MAC flapping', () => {
  it('logs an address seen on a second port while fresh, once a second at most', () => {
    const n = doubleLink();
    expect(n.sim.macFlaps(d('S1'), 0).flaps).toEqual([]);
    n.ping('PC1', '10.0.0.9', { count: 1 });
    const { flaps, next, missed } = n.sim.macFlaps(d('S1'), 0);
    const pc1 = n.sim.interfaces(d('PC1'))[0]!.mac;
    const own = flaps.filter((f) => f.mac === pc1);
    expect(own.length).toBeGreaterThan(0);
    expect(own[0]).toMatchObject({ vlan: 1, from: 'FastEthernet0/1' });
    for (let i = 1; i < own.length; i++)
      expect(own[i]!.at - own[i - 1]!.at).toBeGreaterThanOrEqual(seconds(1));
    expect(flaps.map((f) => f.seq)).toEqual(flaps.map((_, i) => i));
    expect([next, missed]).toEqual([flaps.length, 0]);
    expect(n.sim.macFlaps(d('S1'), next).flaps).toEqual([]);
    // A PC has no MAC table: nothing to read.
    expect(n.sim.macFlaps(d('PC1'), 0)).toEqual({ flaps: [], next: 0, missed: 0 });
  });

  it('keeps reporting the addresses caught in a storm while it lasts, ports alternating', () => {
    const n = doubleLink();
    n.ping('PC1', '10.0.0.9', { count: 1 });
    const pc1 = n.sim.interfaces(d('PC1'))[0]!.mac;
    const start = n.sim.macFlaps(d('S1'), 0);
    const first = start.flaps.filter((f) => f.mac === pc1).at(-1)!;
    n.run(seconds(46));
    const later = n.sim.macFlaps(d('S1'), start.next).flaps.filter((f) => f.mac === pc1);
    expect(later.map((f) => f.at - first.at)).toEqual([seconds(15), seconds(30), seconds(45)]);
    expect(later.map((f) => [f.from, f.to])).toEqual([
      [first.to, first.from],
      [first.from, first.to],
      [first.to, first.from],
    ]);
    // The loop broken, the reports stop.
    n.reconfigure('S2', { ports: { 'g0/2': { shutdown: true } } });
    const end = n.sim.macFlaps(d('S1'), 0).next;
    n.run(seconds(60));
    expect(n.sim.macFlaps(d('S1'), end).flaps).toEqual([]);
  });
});
