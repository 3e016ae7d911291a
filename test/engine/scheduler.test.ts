import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { EventTarget } from '../../src/engine/sim/scheduler.ts';
import { Scheduler } from '../../src/engine/sim/scheduler.ts';
import { Timer } from '../../src/engine/sim/timer.ts';

class Log implements EventTarget {
  readonly seen: [number, number][] = [];
  constructor(private readonly sched: Scheduler) {}
  onEvent(code: number): void {
    this.seen.push([this.sched.now, code]);
  }
}

describe('Scheduler', () => {
  it('runs events by time, then in the order they were scheduled', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 20 }), { maxLength: 200 }), (times) => {
        const s = new Scheduler();
        const log = new Log(s);
        times.forEach((t, i) => {
          s.at(t, log, i, null, 0, 0);
        });
        while (s.step()) {}
        const expected = times
          .map((t, i) => [t, i] as [number, number])
          .sort((a, b) => a[0] - b[0] || a[1] - b[1]);
        expect(log.seen).toEqual(expected);
      }),
    );
  });

  it('cancel removes exactly the cancelled events, wherever they sit in the heap', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: 0, max: 50 }), fc.boolean()), { maxLength: 150 }),
        (specs) => {
          const s = new Scheduler();
          const log = new Log(s);
          const events = specs.map(([t], i) => s.at(t, log, i, null, 0, 0));
          const seqs = events.map((e) => s.seqOf(e));
          specs.forEach(([, cancel], i) => {
            if (cancel) s.cancel(events[i]!, seqs[i]!);
          });
          while (s.step()) {}
          const expected = specs
            .map(([t, cancel], i) => [t, i, cancel] as const)
            .filter(([, , cancel]) => !cancel)
            .sort((a, b) => a[0] - b[0] || a[1] - b[1])
            .map(([t, i]) => [t, i]);
          expect(log.seen).toEqual(expected);
        },
      ),
    );
  });

  it('a stale handle cannot cancel the event that reused its record', () => {
    const s = new Scheduler();
    const log = new Log(s);
    const first = s.at(1, log, 1, null, 0, 0);
    const firstSeq = s.seqOf(first);
    s.step();
    const second = s.at(2, log, 2, null, 0, 0);
    expect(second).toBe(first);
    s.cancel(first, firstSeq);
    s.step();
    expect(log.seen).toEqual([
      [1, 1],
      [2, 2],
    ]);
  });

  it('runUntil stops at its bound without moving the clock past the last event run', () => {
    const s = new Scheduler();
    const log = new Log(s);
    for (let i = 1; i <= 10; i++) s.at(i * 10, log, i, null, 0, 0);
    expect(s.runUntil(1000, 3)).toBe(3);
    expect(s.now).toBe(30);
    expect(s.runUntil(55, 100)).toBe(2);
    expect(s.now).toBe(55);
    expect(s.runUntil(1000, 100)).toBe(5);
    expect(s.now).toBe(1000);
    expect(s.nextTime()).toBeUndefined();
  });

  it('never schedules into the past', () => {
    const s = new Scheduler();
    const log = new Log(s);
    s.runUntil(100, 10);
    s.at(5, log, 1, null, 0, 0);
    s.step();
    expect(log.seen).toEqual([[100, 1]]);
  });
});

describe('Timer', () => {
  it('re-arming cancels the previous deadline', () => {
    const s = new Scheduler();
    const log = new Log(s);
    const t = new Timer(s, log, 7);
    t.set(10, null, 0);
    t.set(20, null, 0);
    t.set(15, null, 0);
    while (s.step()) {}
    expect(log.seen).toEqual([[15, 7]]);
    t.set(30, null, 0);
    t.cancel();
    expect(s.pending).toBe(0);
  });
});
