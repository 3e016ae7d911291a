import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { EventTarget, FrameSink, FrameSinks } from '../../src/engine/sim/scheduler.ts';
import { Scheduler } from '../../src/engine/sim/scheduler.ts';
import { Timer } from '../../src/engine/sim/timer.ts';

/** Frame sinks by number, as a simulation's port table holds its ports. */
class Sinks implements FrameSinks {
  readonly list: FrameSink[] = [];
  at(n: number): FrameSink {
    return this.list[n]!;
  }
  /** Adds `sink`; returns its number. */
  add(sink: FrameSink): number {
    return this.list.push(sink) - 1;
  }
}

/** A scheduler with a registry of frame sinks of its own. */
class TestScheduler extends Scheduler {
  constructor(readonly registry: Sinks = new Sinks()) {
    super(registry);
  }
}
const scheduler = (): TestScheduler => new TestScheduler();

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
        const s = scheduler();
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
          const s = scheduler();
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
    const s = scheduler();
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
    const s = scheduler();
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
    const s = scheduler();
    const log = new Log(s);
    s.runUntil(100, 10);
    s.at(5, log, 1, null, 0, 0);
    s.step();
    expect(log.seen).toEqual([[100, 1]]);
  });
});

/**
 * A model of the queue: every pending event with its time and sequence, the earliest run
 * first. Frames and timers go through the scheduler's two structures; the model has one list.
 */
type Op =
  | { kind: 'at'; dt: number }
  | { kind: 'frame'; onLine: number; delay: number }
  | { kind: 'after'; onLine: number; delay: number }
  | { kind: 'in'; delay: number }
  | { kind: 'timeIn'; dt: number }
  | { kind: 'cancel'; pick: number }
  | { kind: 'step' }
  | { kind: 'until'; dt: number; max: number };

/** An (onLine, delay) pair as the scheduler reads it, from an array. */
const pair = (onLine: number, delay: number): Float64Array => Float64Array.of(onLine, delay);

class Recorder implements EventTarget, FrameSink {
  readonly seen: string[] = [];
  /** Its number among the scheduler's frame sinks. */
  readonly n: number;
  constructor(private readonly sched: TestScheduler) {
    this.n = sched.registry.add(this);
  }
  onEvent(code: number): void {
    this.seen.push(`${this.sched.now}:t${code}`);
  }
  arrive(_frame: unknown, frameId: number, epoch: number, len: number, tag: number, owned: number): void {
    this.seen.push(`${this.sched.now}:f${frameId}/${epoch}/${len}/${tag}/${owned}`);
    // Some arrivals send the frame on, as a switch would, from inside the run.
    if (frameId % 3 === 0)
      this.sched.atFrame(
        pair(0.08 * (frameId % 5), 1),
        0,
        1,
        this.n,
        null,
        frameId + 1,
        0,
        0,
        -1,
        0,
        frameId % 4,
      );
  }
}

function model(ops: Op[]): string[] {
  const seen: string[] = [];
  let now = 0;
  let seq = 0;
  const pending: { time: number; seq: number; label: string; id: number; frame: boolean }[] = [];
  const handles: number[] = [];
  let ids = 0;
  const runOne = () => {
    let best = 0;
    for (let i = 1; i < pending.length; i++) {
      const a = pending[i]!;
      const b = pending[best]!;
      if (a.time < b.time || (a.time === b.time && a.seq < b.seq)) best = i;
    }
    const e = pending.splice(best, 1)[0]!;
    now = e.time;
    seen.push(`${now}:${e.label}`);
    const frameId = e.frame ? Number(e.label.slice(1).split('/')[0]) : -1;
    if (e.frame && frameId % 3 === 0) {
      const next = frameId + 1;
      pending.push({
        time: now + 0.08 * (frameId % 5) + 1,
        seq: seq++,
        label: `f${next}/0/0/-1/0`,
        id: -1,
        frame: true,
      });
    }
  };
  for (const op of ops) {
    if (op.kind === 'at') {
      const id = ids++;
      handles.push(id);
      pending.push({ time: Math.max(now + op.dt, now), seq: seq++, label: `t${id}`, id, frame: false });
    } else if (op.kind === 'frame') {
      const id = ids++;
      pending.push({
        time: now + op.onLine + op.delay,
        seq: seq++,
        label: `f${id * 3}/7/60/5/1`,
        id,
        frame: true,
      });
    } else if (op.kind === 'after') {
      const id = ids++;
      pending.push({ time: now + op.onLine + op.delay, seq: seq++, label: `t${id}`, id: -1, frame: false });
    } else if (op.kind === 'in') {
      const id = ids++;
      pending.push({ time: now + op.delay, seq: seq++, label: `t${id}`, id: -1, frame: false });
    } else if (op.kind === 'timeIn') {
      const id = ids++;
      pending.push({ time: Math.max(now + op.dt, now), seq: seq++, label: `t${id}`, id: -1, frame: false });
    } else if (op.kind === 'cancel') {
      if (handles.length === 0) continue;
      const id = handles[op.pick % handles.length]!;
      const i = pending.findIndex((e) => e.id === id && !e.frame);
      if (i >= 0) pending.splice(i, 1);
    } else if (op.kind === 'step') {
      if (pending.length > 0) runOne();
    } else {
      const t = now + op.dt;
      let n = 0;
      for (;;) {
        const due = pending.some((e) => e.time <= t);
        if (!due) {
          if (t > now) now = t;
          break;
        }
        if (n === op.max) break;
        runOne();
        n++;
      }
      seen.push(`until@${now}:${n}`);
    }
  }
  while (pending.length > 0) runOne();
  return seen;
}

describe('Scheduler with frames and timers', () => {
  // Real serialization times, and whole ones so that frames of different lanes, and frames
  // and timers, often fall due at the same instant.
  const onLines = [0.08 * 60, 0.08 * 64, 0.008 * 86, 0.008 * 90, 0.08 * 1530, 0.3, 0.7, 1, 2, 3, 0.25, 0.5];
  const op: fc.Arbitrary<Op> = fc.oneof(
    fc.record({ kind: fc.constant('at' as const), dt: fc.integer({ min: -2, max: 40 }).map((x) => x / 4) }),
    fc.record({
      kind: fc.constant('frame' as const),
      // More (onLine, delay) pairs than lanes, so some frames go through the heap.
      onLine: fc.integer({ min: 0, max: onLines.length - 1 }).map((i) => onLines[i]!),
      delay: fc.constantFrom(0, 1, 2, 2.5, 5),
    }),
    fc.record({
      kind: fc.constant('after' as const),
      onLine: fc.integer({ min: 0, max: onLines.length - 1 }).map((i) => onLines[i]!),
      delay: fc.constantFrom(0, 0.96, 1, 2.5),
    }),
    // Whole delays, some of them those of a lane of frames (frame pairs of delay 1 or 2).
    fc.record({ kind: fc.constant('in' as const), delay: fc.constantFrom(0, 1, 2, 3, 5) }),
    fc.record({
      kind: fc.constant('timeIn' as const),
      dt: fc.integer({ min: -2, max: 40 }).map((x) => x / 4),
    }),
    fc.record({ kind: fc.constant('cancel' as const), pick: fc.nat(1000) }),
    fc.record({ kind: fc.constant('step' as const) }),
    fc.record({
      kind: fc.constant('until' as const),
      dt: fc.integer({ min: 0, max: 40 }).map((x) => x / 2),
      max: fc.integer({ min: 0, max: 5 }),
    }),
  );

  it('breaks ties between a frame and a timer by the order they were scheduled', () => {
    for (const frameFirst of [true, false]) {
      const s = scheduler();
      const r = new Recorder(s);
      if (frameFirst) s.atFrame(pair(1, 2), 0, 1, r.n, null, 1, 0, 60, -1, 0, -1);
      s.at(3, r, 9, null, 0, 0);
      if (!frameFirst) s.atFrame(pair(1, 2), 0, 1, r.n, null, 1, 0, 60, -1, 0, -1);
      while (s.step()) {}
      const frame = '3:f1/0/60/-1/0';
      expect(r.seen).toEqual(frameFirst ? [frame, '3:t9'] : ['3:t9', frame]);
    }
  });

  it('hands each frame to the sink its number names', () => {
    const s = scheduler();
    const a = new Recorder(s);
    const b = new Recorder(s);
    // Frame ids not divisible by 3, so that no arrival sends a frame on.
    s.atFrame(pair(1, 2), 0, 1, b.n, null, 1, 0, 60, -1, 0, -1);
    s.atFrame(pair(1, 2), 0, 1, a.n, null, 2, 0, 60, -1, 0, -1);
    s.atFrame(pair(1, 3), 0, 1, b.n, null, 4, 0, 60, -1, 0, -1);
    while (s.step()) {}
    expect(a.seen).toEqual(['3:f2/0/60/-1/0']);
    expect(b.seen).toEqual(['3:f1/0/60/-1/0', '4:f4/0/60/-1/0']);
  });

  it('keeps a lane in order when its ring grows after wrapping around', () => {
    const s = scheduler();
    const r = new Recorder(s);
    // Frame ids not divisible by 3, so that no arrival sends a frame on.
    const id = (i: number) => 3 * i + 1;
    let next = 0;
    for (; next < 10; next++) s.atFrame(pair(1, 2), 0, 1, r.n, null, id(next), 0, 60, -1, 0, 0);
    for (let i = 0; i < 6; i++) s.step();
    // The ring's head is now past its start: these wrap around, then outgrow the ring twice.
    for (; next < 70; next++) s.atFrame(pair(1, 2), 0, 1, r.n, null, id(next), 0, 60, -1, 0, 0);
    while (s.step()) {}
    const ids = r.seen.map((e) => Number(e.split(':f')[1]!.split('/')[0]));
    expect(ids).toEqual(Array.from({ length: 70 }, (_, i) => id(i)));
  });

  it('runs frames, delayed events and timers in (time, sequence) order, cancels and bounds included', () => {
    fc.assert(
      fc.property(fc.array(op, { maxLength: 300 }), (ops) => {
        const s = scheduler();
        const r = new Recorder(s);
        const seen = r.seen;
        const handles: [number, number][] = [];
        const times = new Float64Array(2);
        let ids = 0;
        for (const o of ops) {
          if (o.kind === 'at') {
            const id = ids++;
            const h = s.at(s.now + o.dt, r, id, null, 0, 0);
            handles.push([h, s.seqOf(h)]);
          } else if (o.kind === 'frame') {
            const id = ids++;
            // A hint that is often wrong: the scheduler must check it.
            s.atFrame(pair(o.onLine, o.delay), 0, 1, r.n, null, id * 3, 7, 60, 5, 1, id % 17);
          } else if (o.kind === 'after') {
            s.atAfter(pair(o.onLine, o.delay), 0, 1, r, ids++, ids % 17);
          } else if (o.kind === 'in') {
            s.atIn(o.delay, r, ids++, null, 0, 0);
          } else if (o.kind === 'timeIn') {
            times[1] = s.now + o.dt;
            s.atTimeIn(times, 1, r, ids++);
          } else if (o.kind === 'cancel') {
            if (handles.length === 0) continue;
            const [h, q] = handles[o.pick % handles.length]!;
            s.cancel(h, q);
          } else if (o.kind === 'step') s.step();
          else {
            const n = s.runUntil(s.now + o.dt, o.max);
            seen.push(`until@${s.now}:${n}`);
          }
        }
        while (s.step()) {}
        expect(s.pending).toBe(0);
        expect(s.nextTime()).toBeUndefined();
        expect(seen).toEqual(model(ops));
      }),
      { numRuns: 300 },
    );
  });
});

describe('Timer', () => {
  it('re-arming cancels the previous deadline', () => {
    const s = scheduler();
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

  /** The timer as it would be with every set scheduling and every clear cancelling an event. */
  class EagerTimer {
    private handle = -1;
    constructor(
      private readonly sched: Scheduler,
      private readonly target: EventTarget,
      private readonly code: number,
    ) {}
    set(at: number, a: unknown, token: number): void {
      this.cancel();
      this.handle = this.sched.at(at, this.target, this.code, a, token, 0);
      const h = this.handle;
      const seq = this.sched.seqOf(h);
      this.cancel = () => {
        if (this.handle === h) this.sched.cancel(h, seq);
        this.handle = -1;
      };
    }
    cancel(): void {}
    disarm(): void {
      this.cancel();
    }
  }

  type Op =
    | { op: 'set'; timer: number; dt: number }
    | { op: 'disarm' | 'cancel'; timer: number }
    | { op: 'event'; dt: number }
    | { op: 'run'; dt: number };

  const ops: fc.Arbitrary<Op[]> = fc.array(
    fc.oneof(
      fc.record({ op: fc.constant('set' as const), timer: fc.nat(2), dt: fc.integer({ min: -1, max: 5 }) }),
      fc.record({ op: fc.constantFrom('disarm' as const, 'cancel' as const), timer: fc.nat(2) }),
      fc.record({ op: fc.constant('event' as const), dt: fc.nat(5) }),
      fc.record({ op: fc.constant('run' as const), dt: fc.nat(3) }),
    ),
    { maxLength: 80 },
  );

  /** Replays `script` on a fresh scheduler: what fired, when, with which argument and token. */
  function replay(script: Op[], lazy: boolean): [number, number, unknown, number][] {
    const s = scheduler();
    const seen: [number, number, unknown, number][] = [];
    const log: EventTarget = { onEvent: (code, a, b) => seen.push([s.now, code, a, b]) };
    const timers = [0, 1, 2].map((i) =>
      lazy ? new Timer(s, log, 100 + i) : new EagerTimer(s, log, 100 + i),
    );
    script.forEach((o, i) => {
      if (o.op === 'set') timers[o.timer]!.set(s.now + o.dt, `a${i}`, i);
      else if (o.op === 'disarm') timers[o.timer]!.disarm();
      else if (o.op === 'cancel') timers[o.timer]!.cancel();
      else if (o.op === 'event') s.at(s.now + o.dt, log, i, null, 0, 0);
      else if (o.op === 'run') s.runUntil(s.now + o.dt, 1_000);
    });
    s.runUntil(1e9, 10_000);
    return seen;
  }

  it('a disarmed timer set again fires exactly as if its event had been rescheduled', () => {
    fc.assert(
      fc.property(ops, (script) => {
        expect(replay(script, true)).toEqual(replay(script, false));
      }),
      // Ties that tell the two apart are rare in random scripts.
      { numRuns: 1_000 },
    );
  });

  it('fires before an event scheduled after it was set, when its earlier event moves to the new time', () => {
    const script: Op[] = [
      { op: 'set', timer: 0, dt: 3 },
      { op: 'disarm', timer: 0 },
      { op: 'set', timer: 0, dt: 5 },
      { op: 'event', dt: 5 },
    ];
    expect(replay(script, true)).toEqual([
      [5, 100, 'a2', 2],
      [5, 3, null, 0],
    ]);
    expect(replay(script, false)).toEqual(replay(script, true));
  });

  it('keeps one pending event across echoes that are answered, and none once cancelled', () => {
    const s = scheduler();
    const log = new Log(s);
    const t = new Timer(s, log, 7);
    for (let echo = 0; echo < 100; echo++) {
      t.set(s.now + 4_000, null, echo);
      s.runUntil(s.now + 10, 1_000);
      t.disarm();
    }
    expect(s.pending).toBe(1);
    expect(log.seen).toEqual([]);
    t.cancel();
    expect(s.pending).toBe(0);
  });
});
