/**
 * Discrete-event scheduler in the style of ns-3: a virtual clock in microseconds and a queue of
 * events ordered by (time, insertion sequence), so events at the same instant run in the order
 * they were scheduled and every run is reproducible.
 *
 * Layout for the per-frame path: the queue is a 4-ary heap whose keys (time, sequence, record
 * slot) sit in typed arrays, so sifting touches contiguous memory instead of chasing objects;
 * event records are slots in parallel arrays reused through a free list. An event names a
 * target object and an integer code rather than carrying a closure, so scheduling allocates
 * nothing once the arrays have grown.
 *
 * Timers that usually do not fire (probe timeouts, ARP retries) are cancelled so they do not
 * fill the heap; frames in flight are not (a cable going down bumps an epoch that the arrival
 * checks instead).
 */

/** Receives scheduled events. `a`, `b` and `c` are whatever the scheduler of the event passed. */
export interface EventTarget {
  onEvent(code: number, a: unknown, b: number, c: number): void;
}

/**
 * Receives frame arrivals, the bulk of all events. They get their own call (one receiver
 * class, so the call site stays monomorphic) and a fourth argument.
 */
export interface FrameSink {
  arrive(frame: unknown, frameId: number, epoch: number, len: number): void;
}

const FRAME = -1;
const INITIAL = 1024;

export class Scheduler {
  /** Current virtual time (microseconds). */
  now = 0;
  private seq = 0;

  // Event records, by slot.
  private targets: (EventTarget | FrameSink | null)[] = new Array(INITIAL).fill(null);
  private payloads: unknown[] = new Array(INITIAL).fill(undefined);
  private codes = new Int32Array(INITIAL);
  private bs = new Float64Array(INITIAL);
  private cs = new Float64Array(INITIAL);
  private ds = new Float64Array(INITIAL);
  /** The sequence number a slot was last scheduled with (to validate cancel handles). */
  private slotSeq = new Float64Array(INITIAL);
  /** Heap position of a slot, -1 when not queued. */
  private position = new Int32Array(INITIAL).fill(-1);
  private free: number[] = [];
  private slots = 0;

  // The heap, by position.
  private hTime = new Float64Array(INITIAL);
  private hSeq = new Float64Array(INITIAL);
  private hSlot = new Int32Array(INITIAL);
  private size = 0;

  get pending(): number {
    return this.size;
  }

  /**
   * Schedules `target.onEvent(code, a, b, c)` at absolute time `time` (never before now).
   * Returns a handle for `cancel`, valid together with `seqOf(handle)` until the event runs.
   */
  at(time: number, target: EventTarget, code: number, a: unknown, b: number, c: number): number {
    const slot = this.alloc();
    this.targets[slot] = target;
    this.codes[slot] = code;
    this.payloads[slot] = a;
    this.bs[slot] = b;
    this.cs[slot] = c;
    this.push(Math.max(time, this.now), slot);
    return slot;
  }

  /** Schedules `sink.arrive(frame, frameId, epoch, len)` at `time`. */
  atFrame(time: number, sink: FrameSink, frame: unknown, frameId: number, epoch: number, len: number): void {
    const slot = this.alloc();
    this.targets[slot] = sink;
    this.codes[slot] = FRAME;
    this.payloads[slot] = frame;
    this.bs[slot] = frameId;
    this.cs[slot] = epoch;
    this.ds[slot] = len;
    this.push(Math.max(time, this.now), slot);
  }

  /** The sequence number of the event behind `handle`, to pass to `cancel`. */
  seqOf(handle: number): number {
    return this.slotSeq[handle]!;
  }

  /** Removes a pending event; does nothing if it already ran (or its slot was reused). */
  cancel(handle: number, seq: number): void {
    const pos = this.position[handle]!;
    if (pos < 0 || this.slotSeq[handle] !== seq) return;
    this.removeAt(pos);
    this.release(handle);
  }

  nextTime(): number | undefined {
    return this.size > 0 ? this.hTime[0] : undefined;
  }

  /** Runs the earliest event; false when there is none. */
  step(): boolean {
    if (this.size === 0) return false;
    const slot = this.hSlot[0]!;
    this.now = this.hTime[0]!;
    this.removeAt(0);
    const target = this.targets[slot]!;
    const code = this.codes[slot]!;
    const a = this.payloads[slot];
    const b = this.bs[slot]!;
    const c = this.cs[slot]!;
    const d = this.ds[slot]!;
    this.release(slot);
    if (code === FRAME) (target as FrameSink).arrive(a, b, c, d);
    else (target as EventTarget).onEvent(code, a, b, c);
    return true;
  }

  /**
   * Runs events due at or before `t`, at most `maxEvents` of them. When the queue drains (or
   * holds only later events) the clock moves to `t`; when the bound stops the run, the clock
   * stays at the last event run, so the caller can resume later. Returns the events run.
   */
  runUntil(t: number, maxEvents: number): number {
    let n = 0;
    while (n < maxEvents && this.size > 0 && this.hTime[0]! <= t) {
      this.step();
      n++;
    }
    if ((this.size === 0 || this.hTime[0]! > t) && t > this.now) this.now = t;
    return n;
  }

  private alloc(): number {
    const slot = this.free.pop();
    if (slot !== undefined) return slot;
    if (this.slots === this.codes.length) this.growSlots();
    return this.slots++;
  }

  private release(slot: number): void {
    this.targets[slot] = null;
    this.payloads[slot] = undefined;
    this.position[slot] = -1;
    this.free.push(slot);
  }

  private push(time: number, slot: number): void {
    if (this.size === this.hTime.length) this.growHeap();
    const seq = this.seq++;
    this.slotSeq[slot] = seq;
    this.siftUp(this.size++, time, seq, slot);
  }

  /** Removes the entry at heap position `pos`, refilling the hole with the last entry. */
  private removeAt(pos: number): void {
    const last = --this.size;
    if (pos === last) return;
    const time = this.hTime[last]!;
    const seq = this.hSeq[last]!;
    const slot = this.hSlot[last]!;
    if (pos > 0) {
      const parent = (pos - 1) >> 2;
      const pt = this.hTime[parent]!;
      if (time < pt || (time === pt && seq < this.hSeq[parent]!)) {
        this.siftUp(pos, time, seq, slot);
        return;
      }
    }
    this.siftDown(pos, time, seq, slot);
  }

  private siftUp(from: number, time: number, seq: number, slot: number): void {
    const { hTime, hSeq, hSlot, position } = this;
    let i = from;
    while (i > 0) {
      const parent = (i - 1) >> 2;
      const pt = hTime[parent]!;
      if (pt < time || (pt === time && hSeq[parent]! < seq)) break;
      hTime[i] = pt;
      hSeq[i] = hSeq[parent]!;
      const ps = hSlot[parent]!;
      hSlot[i] = ps;
      position[ps] = i;
      i = parent;
    }
    hTime[i] = time;
    hSeq[i] = seq;
    hSlot[i] = slot;
    position[slot] = i;
  }

  private siftDown(from: number, time: number, seq: number, slot: number): void {
    const { hTime, hSeq, hSlot, position } = this;
    const n = this.size;
    let i = from;
    for (;;) {
      const first = 4 * i + 1;
      if (first >= n) break;
      // The smallest of up to four children.
      let best = first;
      let bt = hTime[first]!;
      let bs = hSeq[first]!;
      const end = Math.min(first + 4, n);
      for (let c = first + 1; c < end; c++) {
        const ct = hTime[c]!;
        if (ct < bt || (ct === bt && hSeq[c]! < bs)) {
          best = c;
          bt = ct;
          bs = hSeq[c]!;
        }
      }
      if (time < bt || (time === bt && seq < bs)) break;
      hTime[i] = bt;
      hSeq[i] = bs;
      const cs = hSlot[best]!;
      hSlot[i] = cs;
      position[cs] = i;
      i = best;
    }
    hTime[i] = time;
    hSeq[i] = seq;
    hSlot[i] = slot;
    position[slot] = i;
  }

  private growHeap(): void {
    const n = this.hTime.length * 2;
    this.hTime = grow(this.hTime, new Float64Array(n));
    this.hSeq = grow(this.hSeq, new Float64Array(n));
    this.hSlot = grow(this.hSlot, new Int32Array(n));
  }

  private growSlots(): void {
    const n = this.codes.length * 2;
    this.targets.length = n;
    this.targets.fill(null, n / 2);
    this.payloads.length = n;
    this.payloads.fill(undefined, n / 2);
    this.codes = grow(this.codes, new Int32Array(n));
    this.bs = grow(this.bs, new Float64Array(n));
    this.cs = grow(this.cs, new Float64Array(n));
    this.ds = grow(this.ds, new Float64Array(n));
    this.slotSeq = grow(this.slotSeq, new Float64Array(n));
    this.position = grow(this.position, new Int32Array(n).fill(-1));
  }
}

function grow<T extends Float64Array | Int32Array>(from: T, to: T): T {
  to.set(from);
  return to;
}
