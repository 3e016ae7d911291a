/**
 * A switching loop without spanning tree: one broadcast circulates forever, as on real switches.
 * The engine must stay bounded (runUntil stops after its event budget), report the storm, and
 * stay deterministic.
 */
import { describe, expect, it } from 'vitest';
import type { TraceEvent } from '../../src/engine/trace.ts';
import { deviceId } from '../../src/shared/ids.ts';
import type { Micros } from '../../src/shared/time.ts';
import { seconds } from '../../src/shared/time.ts';
import { ip, TestNet } from './net.ts';

const d = deviceId;

function triangle(): { n: TestNet; events: TraceEvent[] } {
  const n = new TestNet({ seed: 3, traceCapacity: 100 });
  const events: TraceEvent[] = [];
  n.sim.trace.subscribe((e) => {
    if (e.kind === 'storm') events.push(e);
  });
  n.switch('S1').switch('S2').switch('S3').pc('PC1', '10.0.0.1/24');
  n.link('S1:g0/1', 'S2:g0/1');
  n.link('S2:g0/2', 'S3:g0/1');
  n.link('S3:g0/2', 'S1:g0/2');
  n.link('PC1:fa0', 'S1:fa0/1');
  // An ARP request for an absent host is the broadcast that starts the storm.
  n.sim.ping(d('PC1'), ip('10.0.0.9'), { count: 1, timeout: seconds(4), size: 32 });
  return { n, events };
}

describe('switching loop', () => {
  it('runUntil returns after its event budget, before the requested time', () => {
    const { n } = triangle();
    const ran = n.sim.runUntil(seconds(10) as Micros, 50_000);
    expect(ran).toBe(50_000);
    expect(n.sim.now()).toBeLessThan(seconds(10));
    expect(n.sim.nextEventTime()).toBeDefined();
  });

  it('reports a storm on every switch of the loop and keeps counting frames', () => {
    const { n, events } = triangle();
    for (let i = 0; i < 20 && n.sim.now() < seconds(0.1); i++) n.sim.runUntil(seconds(0.1) as Micros, 50_000);
    expect(new Set(events.map((e) => e.device))).toEqual(new Set(['S1', 'S2', 'S3']));
    for (const e of events) expect(e.kind === 'storm' && e.frames).toBeGreaterThan(10_000);
    const trunk = n.sim.interfaces(d('S1')).find((i) => i.name === 'GigabitEthernet0/1')!;
    expect(trunk.counters.rxBroadcasts).toBeGreaterThan(10_000);
    // The PC's 100 Mb/s port cannot keep up with two gigabit trunks: its queue tail-drops.
    const access = n.sim.interfaces(d('S1')).find((i) => i.name === 'FastEthernet0/1')!;
    expect(access.counters.drops).toBeGreaterThan(0);
  });

  it('the same seed and the same inputs give the same storm', () => {
    const run = () => {
      const { n } = triangle();
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
    // PC1 still retries its ARP request twice (one broadcast each, no longer looping).
    n.sim.runUntil(seconds(2.5) as Micros, 1_000_000);
    const before = flooded();
    n.sim.runUntil(seconds(3.5) as Micros, 1_000_000);
    expect(flooded()).toBe(before);
    n.sim.runUntil((n.sim.now() + seconds(5)) as Micros, 1_000_000);
    expect(flooded()).toBe(before);
    expect(n.sim.nextEventTime()).toBeUndefined();
    expect(events.length).toBeGreaterThan(0);
  });
});
