/**
 * Discrete-event scheduler in the style of ns-3: a virtual clock in microseconds and a queue of
 * events ordered by (time, insertion sequence), so events at the same instant run in the order
 * they were scheduled and every run is reproducible.
 *
 * An event names a target object and an integer code rather than carrying a closure, and its
 * record is a slot in typed arrays reused through a free list (last freed, first reused, so the
 * record an event frees is warm for the next one): scheduling allocates nothing once the arrays
 * have grown.
 *
 * Two structures hold pending events, and the earliest of their heads runs next:
 *
 * - Frame lanes. A frame arrives `onLine + delay` after it starts leaving, both fixed for a
 *   given frame size and cable. Frames scheduled with the same pair therefore arrive in the
 *   order they were scheduled (the clock never goes back and floating-point addition is
 *   monotonic), so each pair gets a FIFO lane: scheduling appends, running takes the head, and
 *   finding the next event scans the few lane heads. This is the bulk of all events, and it
 *   costs no heap sifting. A busy transmitter's "line free again" (the frame's time on the
 *   line plus the inter-frame gap) is the same kind of delay and shares them (`atAfter`), as do
 *   events a fixed whole number of microseconds ahead (`atIn`: an application's next step).
 * - A 4-ary heap for everything else (timers, frames of a pair without a lane), with keys
 *   (time and sequence side by side, and the slot) in typed arrays and each slot's heap
 *   position kept so a timer can be cancelled. Timers that usually do not fire (probe
 *   timeouts, ARP retries) are cancelled so they do not fill the heap, or left for a Timer to
 *   move when it comes due; frames in flight are not (a cable going down bumps an epoch that
 *   the arrival checks instead).
 */

import { alignedFloat64 } from './aligned.ts';

/** What reads the virtual time (the scheduler): passed where a time as a number would be boxed. */
export interface Clock {
  readonly now: number;
}

/** Receives scheduled events. `a`, `b` and `c` are whatever the scheduler of the event passed. */
export interface EventTarget {
  onEvent(code: number, a: unknown, b: number, c: number): void;
}

/**
 * Receives frame arrivals, the bulk of all events. They get their own call (ports only, so the
 * call site stays fast) and more numeric arguments: `epoch`, `len`, `tag` and `owned` are 32-bit
 * integers.
 */
export interface FrameSink {
  arrive(frame: unknown, frameId: number, epoch: number, len: number, tag: number, owned: number): void;
}

/**
 * Where a frame event's sink is found: frame events name their sink by a number (a port's
 * serial number) rather than hold a reference to it. Storing a reference into the event records
 * makes V8's write barrier read the header of the page the referenced object lies on, a line
 * that every one of the heap's pages has at the same offset: on a large network these headers
 * evict one another from the caches, and the read cost most of a cache miss per frame. A
 * small integer needs no barrier.
 */
export interface FrameSinks {
  at(n: number): FrameSink;
}

const FRAME = -1;
const INITIAL = 1024;
/** What `pick` returns besides a lane: the heap's top, or nothing pending. */
const HEAP = -1;
const NONE = -2;

/** Per event record: up to five numeric arguments, the sequence number, the time and the code. */
const REC = 8;
const REC_B = 0;
const REC_C = 1;
const REC_D = 2;
const REC_E = 3;
const REC_SEQ = 4;
const REC_TIME = 5;
const REC_CODE = 6;
const REC_F = 7;

/** Lanes scanned for the next event; frames of further (onLine, delay) pairs use the heap. */
const MAX_LANES = 16;
const INITIAL_LANE = 16;

export class Scheduler implements Clock {
  /** Current virtual time (microseconds). */
  now = 0;
  private seq = 0;
  private readonly sinks: FrameSinks;

  // Event records, by slot. What one event needs sits together (one cache line for its
  // numbers, one for its two references), since a record is written long before it is read:
  // running a frame event touches those two lines and nothing else of the scheduler's.
  /** target (a frame event's: its sink's number), payload */
  private objs: unknown[] = new Array(INITIAL * 2).fill(null);
  private rec = alignedFloat64(INITIAL * REC);
  /** Heap position of a slot, -1 when not in the heap (only the heap writes it). */
  private position = new Int32Array(INITIAL).fill(-1);
  private free = new Int32Array(INITIAL);
  private freeCount = 0;
  private slots = 0;

  // The heap, by position: (time, sequence) pairs side by side, and the slot.
  private hKey = new Float64Array(INITIAL * 2);
  private hSlot = new Int32Array(INITIAL);
  private size = 0;

  // Frame lanes: their (onLine, delay) pair, their head's time and sequence (+Infinity when
  // empty), and each a ring of slots.
  private laneOnLine = new Float64Array(MAX_LANES);
  private laneDelay = new Float64Array(MAX_LANES);
  private laneTime = new Float64Array(MAX_LANES).fill(Number.POSITIVE_INFINITY);
  private laneSeq = new Float64Array(MAX_LANES);
  private laneRing: Int32Array[] = [];
  private laneHead = new Int32Array(MAX_LANES);
  private laneLen = new Int32Array(MAX_LANES);
  private lanes = 0;
  private inLanes = 0;
  /**
   * The (onLine, delay) pair on its way to `queueAfter`, or the time on its way to `queueAt`:
   * doubles passed as arguments to a call the compiler does not inline are boxed, one
   * allocation per event.
   */
  private readonly after = new Float64Array(2);

  /** `sinks`: where frame events find the sink they name (see FrameSinks). */
  constructor(sinks: FrameSinks) {
    this.sinks = sinks;
  }

  get pending(): number {
    return this.size + this.inLanes;
  }

  /**
   * Schedules `target.onEvent(code, a, b, c)` at absolute time `time` (never before now).
   * Returns a handle for `cancel`, valid together with `seqOf(handle)` until the event runs.
   */
  at(time: number, target: EventTarget, code: number, a: unknown, b: number, c: number): number {
    return this.atSeq(time, this.seq++, target, code, a, b, c);
  }

  /**
   * Schedules `target.onEvent(code, a, b, c)` `delay` microseconds from now (a whole number,
   * >= 0). Like a frame's, such an event shares a FIFO lane with the events of the same delay,
   * and cannot be cancelled. The delay is not boxed as a fractional time would be (see `after`).
   */
  atIn(delay: number, target: EventTarget, code: number, a: unknown, b: number, c: number): void {
    const slot = this.record(target, code, a, b, c);
    const after = this.after;
    after[0] = 0;
    after[1] = delay;
    this.queueAfter(slot, -1, after, 0, 1);
  }

  /** `at` for the time in `times[index]` (never before now), passed without boxing (see `after`). */
  atTimeIn(times: Float64Array, index: number, target: EventTarget, code: number): number {
    const slot = this.record(target, code, null, 0, 0);
    this.after[0] = times[index]!;
    return this.queueAt(slot, this.seq++);
  }

  /**
   * Takes the next sequence number without scheduling anything, for `atSeq`: an event scheduled
   * later with it runs exactly where one scheduled now would (see Timer).
   */
  reserveSeq(): number {
    return this.seq++;
  }

  /** `at` with a sequence number from `reserveSeq` (each used at most once). */
  atSeq(
    time: number,
    seq: number,
    target: EventTarget,
    code: number,
    a: unknown,
    b: number,
    c: number,
  ): number {
    const slot = this.record(target, code, a, b, c);
    this.after[0] = time;
    return this.queueAt(slot, seq);
  }

  /** Times `slot` at the time in `after[0]` (never before now) with `seq`, and queues it in the heap. */
  private queueAt(slot: number, seq: number): number {
    const r = slot * REC;
    this.rec[r + REC_TIME] = Math.max(this.after[0]!, this.now);
    this.rec[r + REC_SEQ] = seq;
    this.heapInsert(slot);
    return slot;
  }

  /**
   * Schedules `sinks.at(sink).arrive(frame, frameId, epoch, len, tag, owned)` for a frame that
   * takes `times[onLineAt]` microseconds to put on the cable and `times[delayAt]` more to cross
   * it: at now + onLine + delay. (The pair comes in an array, a port's record, for the reason
   * given at `after`.) `lane` is the lane this sender used last (a hint; -1 if none); returns the
   * one used now.
   */
  atFrame(
    times: Float64Array,
    onLineAt: number,
    delayAt: number,
    sink: number,
    frame: unknown,
    frameId: number,
    epoch: number,
    len: number,
    tag: number,
    owned: number,
    lane: number,
  ): number {
    const slot = this.record(sink, FRAME, frame, frameId, epoch);
    const r = slot * REC;
    const rec = this.rec;
    rec[r + REC_D] = len;
    rec[r + REC_E] = tag;
    rec[r + REC_F] = owned;
    return this.queueAfter(slot, lane, times, onLineAt, delayAt);
  }

  /**
   * Schedules `target.onEvent(code, null, 0, 0)` at now + onLine + delay, the pair in
   * `times[onLineAt]` and `times[delayAt]`: an event whose delay is fixed by a frame size and a
   * cable, as a transmitter's next "line free" is, shares the frames' lanes (see `atFrame` for
   * `lane`). Cannot be cancelled.
   */
  atAfter(
    times: Float64Array,
    onLineAt: number,
    delayAt: number,
    target: EventTarget,
    code: number,
    lane: number,
  ): number {
    const slot = this.record(target, code, null, 0, 0);
    return this.queueAfter(slot, lane, times, onLineAt, delayAt);
  }

  /**
   * Times `slot` at now + onLine + delay, the pair in `times`, and queues it in that pair's
   * lane, or in the heap.
   */
  private queueAfter(
    slot: number,
    lane: number,
    times: Float64Array,
    onLineAt: number,
    delayAt: number,
  ): number {
    const onLine = times[onLineAt]!;
    const delay = times[delayAt]!;
    const r = slot * REC;
    this.rec[r + REC_TIME] = this.now + onLine + delay;
    this.rec[r + REC_SEQ] = this.seq++;
    const used =
      lane >= 0 && lane < this.lanes && this.laneOnLine[lane] === onLine && this.laneDelay[lane] === delay
        ? lane
        : this.laneFor(times, onLineAt, delayAt);
    if (used >= 0) this.laneAppend(used, slot);
    else this.heapInsert(slot);
    return used;
  }

  /** The sequence number of the event behind `handle`, to pass to `cancel`. */
  seqOf(handle: number): number {
    return this.rec[handle * REC + REC_SEQ]!;
  }

  /** Removes a pending event; does nothing if it already ran (or its slot was reused). */
  cancel(handle: number, seq: number): void {
    const pos = this.position[handle]!;
    if (pos < 0 || this.rec[handle * REC + REC_SEQ] !== seq) return;
    this.heapRemoveAt(pos);
    this.release(handle);
  }

  nextTime(): number | undefined {
    const next = this.pick();
    if (next === NONE) return undefined;
    return next === HEAP ? this.hKey[0] : this.laneTime[next];
  }

  /** Runs the earliest event; false when there is none. */
  step(): boolean {
    const next = this.pick();
    if (next === NONE) return false;
    this.run(next);
    return true;
  }

  /**
   * Runs events due at or before `t`, at most `maxEvents` of them. When the queue drains (or
   * holds only later events) the clock moves to `t`; when the bound stops the run, the clock
   * stays at the last event run, so the caller can resume later. Returns the events run.
   */
  runUntil(t: number, maxEvents: number): number {
    let n = 0;
    for (;;) {
      const next = this.pick();
      if (next === NONE || (next === HEAP ? this.hKey[0]! : this.laneTime[next]!) > t) {
        if (t > this.now) this.now = t;
        return n;
      }
      if (n === maxEvents) return n;
      this.run(next);
      n++;
    }
  }

  /** Where the earliest event waits: a lane, HEAP, or NONE when nothing is pending. */
  private pick(): number {
    const lane = this.earliestLane();
    if (lane < 0) return this.size > 0 ? HEAP : NONE;
    return this.size === 0 || this.laneFirst(lane) ? lane : HEAP;
  }

  /** Takes the event `pick` chose off its queue and runs it. */
  private run(from: number): void {
    let slot: number;
    if (from === HEAP) {
      slot = this.hSlot[0]!;
      this.heapRemoveAt(0);
    } else slot = this.laneTake(from);
    const r = slot * REC;
    const rec = this.rec;
    this.now = rec[r + REC_TIME]!;
    const objs = this.objs;
    const target = objs[2 * slot];
    const a = objs[2 * slot + 1];
    const code = rec[r + REC_CODE]!;
    const b = rec[r + REC_B]!;
    const c = rec[r + REC_C]!;
    const d = rec[r + REC_D]!;
    const e = rec[r + REC_E]!;
    const f = rec[r + REC_F]!;
    this.release(slot);
    // A frame's epoch, length, tag and ownership are small integers, and go out as such: read
    // from a Float64Array in unoptimized code they would be heap numbers, and a field that
    // ever stores one (a byte counter) becomes a heap number of its own (device/counter.ts).
    if (code === FRAME) this.sinks.at(target as number).arrive(a, b, c | 0, d | 0, e | 0, f | 0);
    else (target as EventTarget).onEvent(code, a, b, c);
  }

  // ---- records ---------------------------------------------------------------------------

  /** A record for `target` with `code` and the arguments, not yet timed nor queued. */
  private record(target: unknown, code: number, a: unknown, b: number, c: number): number {
    const slot = this.alloc();
    this.objs[2 * slot] = target;
    this.objs[2 * slot + 1] = a;
    const r = slot * REC;
    const rec = this.rec;
    rec[r + REC_CODE] = code;
    rec[r + REC_B] = b;
    rec[r + REC_C] = c;
    return slot;
  }

  private alloc(): number {
    if (this.freeCount > 0) return this.free[--this.freeCount]!;
    if (this.slots === this.position.length) this.growSlots();
    return this.slots++;
  }

  private release(slot: number): void {
    this.objs[2 * slot] = null;
    this.objs[2 * slot + 1] = null;
    this.free[this.freeCount++] = slot;
  }

  private growSlots(): void {
    const n = this.position.length * 2;
    this.objs.length = n * 2;
    this.objs.fill(null, n);
    this.rec = grow(this.rec, alignedFloat64(n * REC));
    this.position = grow(this.position, new Int32Array(n).fill(-1));
    this.free = grow(this.free, new Int32Array(n));
  }

  // ---- frame lanes -----------------------------------------------------------------------

  /** The lane for frames of the (onLine, delay) pair in `times`, or -1 when all lanes are busy. */
  private laneFor(times: Float64Array, onLineAt: number, delayAt: number): number {
    const onLine = times[onLineAt]!;
    const delay = times[delayAt]!;
    let idle = -1;
    for (let i = 0; i < this.lanes; i++) {
      if (this.laneOnLine[i] === onLine && this.laneDelay[i] === delay) return i;
      if (idle < 0 && this.laneLen[i] === 0) idle = i;
    }
    // An empty lane can take a new pair: it holds no frame whose order could break.
    if (idle < 0) {
      if (this.lanes === MAX_LANES) return -1;
      idle = this.lanes++;
      this.laneRing[idle] = new Int32Array(INITIAL_LANE);
    }
    this.laneOnLine[idle] = onLine;
    this.laneDelay[idle] = delay;
    return idle;
  }

  private laneAppend(lane: number, slot: number): void {
    let ring = this.laneRing[lane]!;
    const len = this.laneLen[lane]!;
    if (len === ring.length) ring = this.growLane(lane);
    ring[(this.laneHead[lane]! + len) & (ring.length - 1)] = slot;
    this.laneLen[lane] = len + 1;
    this.inLanes++;
    if (len === 0) this.setLaneHead(lane, slot);
  }

  /** Removes and returns the head of a non-empty lane. */
  private laneTake(lane: number): number {
    const ring = this.laneRing[lane]!;
    const head = this.laneHead[lane]!;
    const slot = ring[head]!;
    const next = (head + 1) & (ring.length - 1);
    const len = this.laneLen[lane]! - 1;
    this.laneHead[lane] = next;
    this.laneLen[lane] = len;
    this.inLanes--;
    if (len === 0) this.laneTime[lane] = Number.POSITIVE_INFINITY;
    else this.setLaneHead(lane, ring[next]!);
    return slot;
  }

  private setLaneHead(lane: number, slot: number): void {
    this.laneTime[lane] = this.rec[slot * REC + REC_TIME]!;
    this.laneSeq[lane] = this.rec[slot * REC + REC_SEQ]!;
  }

  private growLane(lane: number): Int32Array {
    const old = this.laneRing[lane]!;
    const ring = new Int32Array(old.length * 2);
    const head = this.laneHead[lane]!;
    for (let i = 0; i < old.length; i++) ring[i] = old[(head + i) & (old.length - 1)]!;
    this.laneRing[lane] = ring;
    this.laneHead[lane] = 0;
    return ring;
  }

  /** The lane whose head runs first among the lanes, or -1 when all are empty. */
  private earliestLane(): number {
    if (this.inLanes === 0) return -1;
    const times = this.laneTime;
    const n = this.lanes;
    let best = 0;
    let bt = times[0]!;
    for (let i = 1; i < n; i++) {
      const t = times[i]!;
      // Equal times (rare) go to the earlier sequence; an empty lane's +Infinity never wins.
      if (t < bt || (t === bt && this.laneSeq[i]! < this.laneSeq[best]!)) {
        best = i;
        bt = t;
      }
    }
    return bt === Number.POSITIVE_INFINITY ? -1 : best;
  }

  /** Whether the head of `lane` runs before the heap's top (the heap is not empty). */
  private laneFirst(lane: number): boolean {
    const t = this.laneTime[lane]!;
    const ht = this.hKey[0]!;
    return t < ht || (t === ht && this.laneSeq[lane]! < this.hKey[1]!);
  }

  // ---- heap ------------------------------------------------------------------------------
  // Heap methods take slots and positions, never times: a double passed to a call that is not
  // inlined is boxed, one allocation per event.

  /** Adds `slot`, whose time and sequence are in its record. */
  private heapInsert(slot: number): void {
    if (this.size === this.hSlot.length) this.growHeap();
    const pos = this.size++;
    const r = slot * REC;
    this.hKey[2 * pos] = this.rec[r + REC_TIME]!;
    this.hKey[2 * pos + 1] = this.rec[r + REC_SEQ]!;
    this.hSlot[pos] = slot;
    this.siftUp(pos);
  }

  /** Removes the entry at heap position `pos`, refilling the hole with the last entry. */
  private heapRemoveAt(pos: number): void {
    this.position[this.hSlot[pos]!] = -1;
    const last = --this.size;
    if (pos === last) return;
    const key = this.hKey;
    key[2 * pos] = key[2 * last]!;
    key[2 * pos + 1] = key[2 * last + 1]!;
    this.hSlot[pos] = this.hSlot[last]!;
    if (pos > 0 && this.before(pos, (pos - 1) >> 2)) this.siftUp(pos);
    else this.siftDown(pos);
  }

  /** Whether the entry at position `i` runs before the one at `j`. */
  private before(i: number, j: number): boolean {
    const key = this.hKey;
    const ti = key[2 * i]!;
    const tj = key[2 * j]!;
    return ti < tj || (ti === tj && key[2 * i + 1]! < key[2 * j + 1]!);
  }

  /** Moves the entry at `from` up to its place. */
  private siftUp(from: number): void {
    const { hKey, hSlot, position } = this;
    const time = hKey[2 * from]!;
    const seq = hKey[2 * from + 1]!;
    const slot = hSlot[from]!;
    let i = from;
    while (i > 0) {
      const parent = (i - 1) >> 2;
      const pt = hKey[2 * parent]!;
      const ps = hKey[2 * parent + 1]!;
      if (pt < time || (pt === time && ps < seq)) break;
      hKey[2 * i] = pt;
      hKey[2 * i + 1] = ps;
      const pslot = hSlot[parent]!;
      hSlot[i] = pslot;
      position[pslot] = i;
      i = parent;
    }
    hKey[2 * i] = time;
    hKey[2 * i + 1] = seq;
    hSlot[i] = slot;
    position[slot] = i;
  }

  /** Moves the entry at `from` down to its place. */
  private siftDown(from: number): void {
    const { hKey, hSlot, position } = this;
    const n = this.size;
    const time = hKey[2 * from]!;
    const seq = hKey[2 * from + 1]!;
    const slot = hSlot[from]!;
    let i = from;
    for (;;) {
      const first = 4 * i + 1;
      if (first >= n) break;
      // The smallest of up to four children.
      let best = first;
      let bt = hKey[2 * first]!;
      const end = first + 4 < n ? first + 4 : n;
      for (let c = first + 1; c < end; c++) {
        const ct = hKey[2 * c]!;
        if (ct < bt || (ct === bt && hKey[2 * c + 1]! < hKey[2 * best + 1]!)) {
          best = c;
          bt = ct;
        }
      }
      const bs = hKey[2 * best + 1]!;
      if (time < bt || (time === bt && seq < bs)) break;
      hKey[2 * i] = bt;
      hKey[2 * i + 1] = bs;
      const cslot = hSlot[best]!;
      hSlot[i] = cslot;
      position[cslot] = i;
      i = best;
    }
    hKey[2 * i] = time;
    hKey[2 * i + 1] = seq;
    hSlot[i] = slot;
    position[slot] = i;
  }

  private growHeap(): void {
    const n = this.hSlot.length * 2;
    this.hKey = grow(this.hKey, new Float64Array(n * 2));
    this.hSlot = grow(this.hSlot, new Int32Array(n));
  }
}

function grow<T extends Float64Array | Int32Array>(from: T, to: T): T {
  to.set(from);
  return to;
}
