/**
 * An IP stack's forwarding cache (CEF's adjacency, in effect): for a destination, the interface a
 * datagram leaves from and the MAC address of its next hop, the outcome of a route lookup and
 * an ARP resolution. Sending to a cached destination reads one slot of one typed array instead
 * of the routing table, its per-destination Map, the route, the ARP cache, its Map and its
 * record: on a large network each of those is a cache miss of the processor.
 *
 * It only ever repeats what the slow path would do. An entry holds while nothing it derives
 * from changed, and until its ARP entry needs the slow path (it expires, or goes stale and must
 * be probed): any change to the routes, interfaces or ARP cache bumps an epoch that every entry
 * must match, so invalidating costs nothing and entries need no list of what they depend on.
 * Destinations with several equal-cost routes are not cached (the choice depends on the source).
 * The slots, egress interfaces included, live in a region of the simulation's slot store
 * (sim/slot-store.ts).
 */
import type { Clock } from '../sim/scheduler.ts';
import { NUMBERS_PER_REF, SlotStore } from '../sim/slot-store.ts';
import type { L3Interface } from './l3-interface.ts';

const EMPTY = -1;
const MIN_CAPACITY = 16;
/** Past this many slots the cache starts over rather than growing. */
const MAX_CAPACITY = 8192;

/** Fields of a slot. */
const KEY = 0;
const MAC = 1;
/** Virtual time from which the ARP entry needs the slow path. */
const UNTIL = 2;
const EPOCH = 3;
/** Four numbers a slot, so each slot has one entry of the store's `refs` (its interface). */
const STRIDE = NUMBERS_PER_REF;

export class ForwardingCache {
  private readonly store: SlotStore;
  /** Where the slots start in `store.data`, and their interfaces in `store.refs`. */
  private base = 0;
  private refBase = 0;
  private mask = -1;
  /** Slots ever filled since the table was last emptied (bounds the probe chains). */
  private used = 0;
  private epoch = 0;

  constructor(store: SlotStore = new SlotStore()) {
    this.store = store;
  }

  /** Something an entry may derive from changed: forget them all. */
  invalidate(): void {
    this.epoch++;
  }

  /** The slot holding a usable entry for `dst` now, or -1. (A clock, not a time: see mac-table.ts.) */
  find(dst: number, clock: Clock): number {
    const now = clock.now;
    const slots = this.store.data;
    const base = this.base;
    const mask = this.mask;
    for (let i = hash(dst) & mask; mask >= 0; i = (i + 1) & mask) {
      const at = base + i * STRIDE;
      const k = slots[at + KEY];
      if (k === dst) return slots[at + EPOCH] === this.epoch && now < slots[at + UNTIL]! ? i : -1;
      if (k === EMPTY) return -1;
    }
    return -1;
  }

  /** The egress interface of the entry in slot `i`. */
  iface(i: number): L3Interface {
    return this.store.refs[this.refBase + i] as L3Interface;
  }

  /** The next hop's MAC address in slot `i`. */
  mac(i: number): number {
    return this.store.data[this.base + i * STRIDE + MAC]!;
  }

  /**
   * Remembers that datagrams for `dst` leave from `iface` to `mac` until `until`. It lands in
   * the first slot of `dst`'s chain that holds `dst` or an outdated entry, so a lookup meets the
   * current entry before any outdated one for the same destination.
   */
  record(dst: number, iface: L3Interface, mac: number, until: number): void {
    let i = this.slotFor(dst);
    if (i < 0) {
      this.reset();
      i = this.slotFor(dst);
    }
    const at = this.base + i * STRIDE;
    const slots = this.store.data;
    if (slots[at + KEY] === EMPTY) this.used++;
    slots[at + KEY] = dst;
    slots[at + MAC] = mac;
    slots[at + UNTIL] = until;
    slots[at + EPOCH] = this.epoch;
    this.store.refs[this.refBase + i] = iface;
  }

  /** Where `dst` goes, or -1 when that would fill more than half of the table. */
  private slotFor(dst: number): number {
    const slots = this.store.data;
    const base = this.base;
    const mask = this.mask;
    for (let i = hash(dst) & mask; mask >= 0; i = (i + 1) & mask) {
      const at = base + i * STRIDE;
      const k = slots[at + KEY];
      if (k === EMPTY) return (this.used + 1) * 2 > mask + 1 ? -1 : i;
      if (k === dst || slots[at + EPOCH] !== this.epoch) return i;
    }
    return -1;
  }

  /** The cache is gone (or moves to a larger region): its region goes back to the store. */
  release(): void {
    if (this.mask >= 0) this.store.release(this.base, (this.mask + 1) * STRIDE);
    this.mask = -1;
  }

  /** Empties the table, twice as large unless it is at its largest. */
  private reset(): void {
    const size = this.mask < 0 ? MIN_CAPACITY : Math.min(2 * (this.mask + 1), MAX_CAPACITY);
    if (size !== this.mask + 1) {
      this.release();
      this.base = this.store.alloc(size * STRIDE);
      this.refBase = this.base / NUMBERS_PER_REF;
    }
    const slots = this.store.data;
    slots.fill(0, this.base, this.base + size * STRIDE);
    for (let i = 0; i < size; i++) slots[this.base + i * STRIDE + KEY] = EMPTY;
    this.store.refs.fill(null, this.refBase, this.refBase + size);
    this.mask = size - 1;
    this.used = 0;
  }
}

/** Fibonacci hashing: consecutive addresses (hosts of one subnet) spread over the table. */
const hash = (a: number): number => Math.imul(a, 0x9e3779b1) >>> 16;
