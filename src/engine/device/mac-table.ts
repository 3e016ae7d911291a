/**
 * A switch's MAC address table for one VLAN: open addressing with linear probing over a
 * region of the simulation's slot store (sim/slot-store.ts), because MAC addresses are 48-bit
 * numbers (not small integers) and a general-purpose Map hashes them slowly on the per-frame
 * path. Each slot holds the address, when it was last seen, when it was learned and the
 * number of its port (`Port.serial`) side by side, so a lookup touches one cache line.
 *
 * Aging is lazy: an entry whose last frame is older than the aging time counts as absent; such
 * entries are dropped when the table grows. Removal (a port went down or changed VLAN) rebuilds
 * the table, which is rare.
 *
 * The per-frame methods take no 48-bit address and no time as a number: a double passed to a
 * call the compiler does not inline is boxed, one allocation per frame. They take the address
 * as two 24-bit halves (`macHigh`, `macLow`: small integers) and read the time from the clock.
 */
import type { Clock } from '../sim/scheduler.ts';
import { SlotStore } from '../sim/slot-store.ts';

const EMPTY = -1;
const MIN_CAPACITY = 8;

/** Fields of a slot. */
const KEY = 0;
const SEEN = 1;
const LEARNED = 2;
const PORT = 3;
const STRIDE = 4;

export class MacTable {
  private readonly store: SlotStore;
  /** Where the slots start in `store.data`. */
  private base = 0;
  private mask = -1;
  private used = 0;

  /** Starts empty, without a region: most VLANs of most switches never learn anything. */
  constructor(store: SlotStore = new SlotStore()) {
    this.store = store;
  }

  /**
   * The slot holding the address `high` * 2^24 + `low` (see `macHigh`, `macLow`), or -1. The
   * entry may have aged out: check `fresh`.
   */
  findHalves(high: number, low: number): number {
    if (this.used === 0) return -1;
    const mac = high * HALF + low;
    const slots = this.store.data;
    const base = this.base;
    const mask = this.mask;
    let i = hash(mac) & mask;
    for (;;) {
      const k = slots[base + i * STRIDE + KEY]!;
      if (k === mac) return i;
      if (k === EMPTY) return -1;
      i = (i + 1) & mask;
    }
  }

  /** Whether the address in slot `i` was seen less than `aging` ago. */
  fresh(i: number, clock: Clock, aging: number): boolean {
    return clock.now - this.store.data[this.base + i * STRIDE + SEEN]! < aging;
  }

  /** When the address in slot `i` was learned on its current port. */
  learned(i: number): number {
    return this.store.data[this.base + i * STRIDE + LEARNED]!;
  }

  /** The number of the port the address in slot `i` was learned on (its `Port.serial`). */
  port(i: number): number {
    return this.store.data[this.base + i * STRIDE + PORT]!;
  }

  /** A frame from the address in slot `i` arrived now. */
  touch(i: number, clock: Clock): void {
    this.store.data[this.base + i * STRIDE + SEEN] = clock.now;
  }

  /** The address in slot `i` moved to port `port` now. */
  move(i: number, port: number, clock: Clock): void {
    const at = this.base + i * STRIDE;
    const slots = this.store.data;
    slots[at + PORT] = port;
    slots[at + LEARNED] = clock.now;
  }

  /** Adds `mac` (not present) learned on port `port` at `now`, dropping aged entries if it must grow. */
  insert(mac: number, port: number, now: number, aging: number): void {
    if ((this.used + 1) * 2 > this.mask + 1) this.rebuild(now, aging, -1);
    this.place(mac, port, now, now);
  }

  /** Removes every entry learned on port `port`. */
  removePort(port: number, now: number, aging: number): void {
    if (this.used === 0) return;
    const slots = this.store.data;
    for (let at = this.base; at <= this.base + this.mask * STRIDE; at += STRIDE) {
      if (slots[at + KEY] !== EMPTY && slots[at + PORT] === port) {
        this.rebuild(now, aging, port);
        return;
      }
    }
  }

  /** Live entries: [mac, slot] pairs. */
  *entries(now: number, aging: number): Generator<[number, number]> {
    for (let i = 0; i <= this.mask; i++) {
      const at = this.base + i * STRIDE;
      const k = this.store.data[at + KEY]!;
      if (k !== EMPTY && now - this.store.data[at + SEEN]! < aging) yield [k, i];
    }
  }

  private place(mac: number, port: number, learned: number, seen: number): void {
    const slots = this.store.data;
    const base = this.base;
    const mask = this.mask;
    let i = hash(mac) & mask;
    while (slots[base + i * STRIDE + KEY] !== EMPTY) i = (i + 1) & mask;
    const at = base + i * STRIDE;
    slots[at + KEY] = mac;
    slots[at + SEEN] = seen;
    slots[at + LEARNED] = learned;
    slots[at + PORT] = port;
    this.used++;
  }

  private rebuild(now: number, aging: number, without: number): void {
    const store = this.store;
    const oldBase = this.base;
    const size = this.mask + 1;
    const keep = (at: number): boolean =>
      store.data[at + KEY] !== EMPTY &&
      now - store.data[at + SEEN]! < aging &&
      store.data[at + PORT] !== without;
    let live = 0;
    for (let i = 0; i < size; i++) if (keep(oldBase + i * STRIDE)) live++;
    let capacity = MIN_CAPACITY;
    while (capacity < (live + 1) * 4) capacity *= 2;
    const base = store.alloc(capacity * STRIDE);
    store.data.fill(0, base, base + capacity * STRIDE);
    for (let i = 0; i < capacity; i++) store.data[base + i * STRIDE + KEY] = EMPTY;
    this.base = base;
    this.mask = capacity - 1;
    this.used = 0;
    for (let i = 0; i < size; i++) {
      const at = oldBase + i * STRIDE;
      if (!keep(at)) continue;
      const old = store.data;
      this.place(old[at + KEY]!, old[at + PORT]!, old[at + LEARNED]!, old[at + SEEN]!);
    }
    if (size > 0) store.release(oldBase, size * STRIDE);
  }

  /** The table is gone: its region goes back to the store. */
  release(): void {
    if (this.mask >= 0) this.store.release(this.base, (this.mask + 1) * STRIDE);
    this.mask = -1;
    this.used = 0;
  }

  clear(): void {
    const slots = this.store.data;
    for (let i = 0; i <= this.mask; i++) slots[this.base + i * STRIDE + KEY] = EMPTY;
    this.used = 0;
  }
}

const HALF = 0x100_0000;

/** The high 24 bits of a 48-bit address. */
export const macHigh = (mac: number): number => (mac / HALF) | 0;
/** The low 24 bits of a 48-bit address. */
export const macLow = (mac: number): number => (mac % HALF) | 0;

/** Mixes the 48 bits of a MAC address into 32 (the low bits vary most, the OUI little). */
function hash(mac: number): number {
  const lo = mac >>> 0;
  const hi = (mac / 4294967296) | 0;
  return Math.imul(lo ^ Math.imul(hi, 0x9e3779b1), 0x85ebca6b) >>> 7;
}
