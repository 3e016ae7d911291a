import { describe, expect, it } from 'vitest';
import type { TraceEvent } from '../../src/engine/trace.ts';
import { TraceLog } from '../../src/engine/trace.ts';
import { deviceId } from '../../src/shared/ids.ts';
import type { Micros } from '../../src/shared/time.ts';
import { seconds } from '../../src/shared/time.ts';
import { TestNet } from './net.ts';

const storm = (log: TraceLog, frames: number): TraceEvent => ({
  t: 0 as Micros,
  seq: log.nextSeq(),
  device: deviceId('S1'),
  kind: 'storm',
  vlan: 1,
  frames,
});

describe('TraceLog', () => {
  it('keeps the most recent events in order, up to its capacity', () => {
    const log = new TraceLog(3);
    for (let i = 1; i <= 5; i++) log.emit(storm(log, i));
    expect(log.events.map((e) => (e.kind === 'storm' ? e.frames : 0))).toEqual([3, 4, 5]);
    expect(log.events.map((e) => e.seq)).toEqual([2, 3, 4]);
    log.clear();
    expect(log.events).toEqual([]);
  });

  it('calls subscribers with every event until they unsubscribe', () => {
    const log = new TraceLog(2);
    const got: number[] = [];
    const stop = log.subscribe((e) => got.push(e.seq));
    for (let i = 0; i < 4; i++) log.emit(storm(log, i));
    stop();
    log.emit(storm(log, 9));
    expect(got).toEqual([0, 1, 2, 3]);
  });

  it('the engine records nothing while disabled', () => {
    const n = new TestNet();
    n.switch('S1').pc('A', '10.0.0.1/24').pc('B', '10.0.0.2/24');
    n.link('A:fa0', 'S1:fa0/1');
    n.link('B:fa0', 'S1:fa0/2');
    n.sim.trace.enabled = false;
    let calls = 0;
    n.sim.trace.subscribe(() => calls++);
    n.ping('A', '10.0.0.2', { count: 2 });
    expect(n.sim.trace.events).toEqual([]);
    expect(calls).toBe(0);
    n.sim.trace.enabled = true;
    n.ping('A', '10.0.0.2', { count: 1, timeout: seconds(1) });
    expect(calls).toBeGreaterThan(0);
  });

  it('follows one frame across a switch under one id, and across a router under a new one', () => {
    const n = new TestNet();
    n.router('R1', { interfaces: { 'g0/0': { ip: '10.0.0.1/24' }, 'g0/1': { ip: '10.1.0.1/24' } } });
    n.switch('S1').pc('A', '10.0.0.10/24', '10.0.0.1').pc('B', '10.1.0.10/24', '10.1.0.1');
    n.link('A:fa0', 'S1:fa0/1');
    n.link('S1:g0/1', 'R1:g0/0');
    n.link('B:fa0', 'R1:g0/1');
    n.ping('A', '10.1.0.10', { count: 2 });
    n.sim.trace.clear();
    n.ping('A', '10.1.0.10', { count: 1 });
    const events = n.sim.trace.events;
    const first = events.find((e) => e.kind === 'tx' && e.device === 'A')!;
    const id = first.kind === 'tx' ? first.frameId : -1;
    const path = events
      .filter((e) => (e.kind === 'tx' || e.kind === 'rx') && e.frameId === id)
      .map((e) => `${e.kind}:${e.device}`);
    expect(path).toEqual(['tx:A', 'rx:S1', 'tx:S1', 'rx:R1']);
    const fwd = events.find((e) => e.kind === 'forward' && e.device === 'R1' && e.frameId === id)!;
    expect(fwd).toMatchObject({ from: 'GigabitEthernet0/0', to: ['GigabitEthernet0/1'] });
    const out = fwd.kind === 'forward' ? fwd.outFrameId : undefined;
    const next = events
      .filter((e) => (e.kind === 'tx' || e.kind === 'rx') && e.frameId === out)
      .map((e) => `${e.kind}:${e.device}`);
    expect(next).toEqual(['tx:R1', 'rx:B']);
    // Events are in time order.
    const times = events.map((e) => e.t);
    expect(times).toEqual([...times].sort((a, b) => a - b));
  });
});
