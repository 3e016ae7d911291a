/**
 * A switch's MAC address table, keyed by (VLAN, address) for all its VLANs: open addressing
 * with linear probing over a region of the simulation's slot store (sim/slot-store.ts),
 * because MAC addresses are 48-bit numbers (not small integers) and a general-purpose Map
 * hashes them slowly on the per-frame path. Each slot holds the address, when it was last
 * seen, when it was learned, and its port's number (`Port.serial`) with its VLAN side by side,
 * so a lookup touches one cache line. One table per switch rather than one per VLAN: a lookup
 * reaches the slots through the switch's table alone, not through a VLAN object of its own.
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
/** The port's serial number times VLAN_SPAN, plus the VLAN id. */
const PORT_VLAN = 3;
const STRIDE = 4;
/** VLAN ids are 12 bits. */
const VLAN_SPAN = 4096;
const VLAN_MASK = VLAN_SPAN - 1;
/** A PORT_VLAN field and its two parts. */
const portVlan = (port: number, vlan: number): number => port * VLAN_SPAN + vlan;
const portOf = (pv: number): number => (pv / VLAN_SPAN) | 0;
const vlanOf = (pv: number): number => pv & VLAN_MASK;

export class MacTable {
  private readonly store: SlotStore;
  /** Where the slots start in `store.data`. */
  private base = 0;
  private mask = -1;
  private used = 0;

  /** Starts empty, without a region: a switch without traffic never learns anything. */
  constructor(store: SlotStore = new SlotStore()) {
    this.store = store;
  }

  /**
   * The slot holding the address `high` * 2^24 + `low` (see `macHigh`, `macLow`) in VLAN
   * `vlan`, or -1. The entry may have aged out: check `fresh`.
   */
  findHalves(vlan: number, high: number, low: number): number {
    if (this.used === 0) return -1;
    const mac = high * MAC_HALF + low;
    const slots = this.store.data;
    const base = this.base;
    const mask = this.mask;
    let i = hash(mac, vlan) & mask;
    for (;;) {
      const at = base + i * STRIDE;
      const k = slots[at + KEY]!;
      if (k === mac && vlanOf(slots[at + PORT_VLAN]!) === vlan) return i;
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
    return portOf(this.store.data[this.base + i * STRIDE + PORT_VLAN]!);
  }

  /** The VLAN of the entry in slot `i`. */
  vlan(i: number): number {
    return vlanOf(this.store.data[this.base + i * STRIDE + PORT_VLAN]!);
  }

  /** A frame from the address in slot `i` arrived now. */
  touch(i: number, clock: Clock): void {
    this.store.data[this.base + i * STRIDE + SEEN] = clock.now;
  }

  /** The address in slot `i` moved to port `port` now. */
  move(i: number, port: number, clock: Clock): void {
    const at = this.base + i * STRIDE;
    const slots = this.store.data;
    slots[at + PORT_VLAN] = portVlan(port, vlanOf(slots[at + PORT_VLAN]!));
    slots[at + LEARNED] = clock.now;
  }

  /**
   * Adds `mac` in VLAN `vlan` (not present) learned on port `port` at `now`, dropping aged
   * entries if it must grow.
   */
  insert(vlan: number, mac: number, port: number, now: number, aging: number): void {
    if ((this.used + 1) * 2 > this.mask + 1) this.rebuild(now, aging, () => false);
    this.place(mac, portVlan(port, vlan), now, now);
  }

  /** Removes every entry learned on port `port`. */
  removePort(port: number, now: number, aging: number): void {
    this.removeWhere(now, aging, (pv) => portOf(pv) === port);
  }

  /** Removes every entry of VLAN `vlan`. */
  removeVlan(vlan: number, now: number, aging: number): void {
    this.removeWhere(now, aging, (pv) => vlanOf(pv) === vlan);
  }

  /** Live entries: [mac, vlan, slot]. */
  *entries(now: number, aging: number): Generator<[number, number, number]> {
    for (let i = 0; i <= this.mask; i++) {
      const at = this.base + i * STRIDE;
      const k = this.store.data[at + KEY]!;
      if (k !== EMPTY && now - this.store.data[at + SEEN]! < aging) yield [k, this.vlan(i), i];
    }
  }

  /** Rebuilds the table without the entries whose port and VLAN number `drop` accepts, if any. */
  private removeWhere(now: number, aging: number, drop: (pv: number) => boolean): void {
    if (this.used === 0) return;
    const slots = this.store.data;
    for (let at = this.base; at <= this.base + this.mask * STRIDE; at += STRIDE) {
      if (slots[at + KEY] !== EMPTY && drop(slots[at + PORT_VLAN]!)) {
        this.rebuild(now, aging, drop);
        return;
      }
    }
  }

  private place(mac: number, pv: number, learned: number, seen: number): void {
    const slots = this.store.data;
    const base = this.base;
    const mask = this.mask;
    let i = hash(mac, vlanOf(pv)) & mask;
    while (slots[base + i * STRIDE + KEY] !== EMPTY) i = (i + 1) & mask;
    const at = base + i * STRIDE;
    slots[at + KEY] = mac;
    slots[at + SEEN] = seen;
    slots[at + LEARNED] = learned;
    slots[at + PORT_VLAN] = pv;
    this.used++;
  }

  private rebuild(now: number, aging: number, drop: (pv: number) => boolean): void {
    const store = this.store;
    const oldBase = this.base;
    const size = this.mask + 1;
    const keep = (at: number): boolean =>
      store.data[at + KEY] !== EMPTY &&
      now - store.data[at + SEEN]! < aging &&
      !drop(store.data[at + PORT_VLAN]!);
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
      this.place(old[at + KEY]!, old[at + PORT_VLAN]!, old[at + LEARNED]!, old[at + SEEN]!);
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

/** 2^24: an address is its high half times this plus its low half. */
const MAC_HALF = 0x100_0000;

/** The high 24 bits of a 48-bit address. */
export const macHigh = (mac: number): number => (mac / MAC_HALF) | 0;
/** The low 24 bits of a 48-bit address (by subtraction: `%` on a double is a slow call in V8). */
export const macLow = (mac: number): number => mac - macHigh(mac) * MAC_HALF;

/**
 * Mixes the 48 bits of a MAC address and a VLAN id into 32 (the low bits vary most, the OUI
 * little; one address in several VLANs, as a router-on-a-stick's, lands apart).
 */
function hash(mac: number, vlan: number): number {
  const lo = mac >>> 0;
  const hi = ((mac / 4294967296) | 0) ^ (vlan << 16);
  return Math.imul(lo ^ Math.imul(hi, 0x9e3779b1), 0x85ebca6b) >>> 7;
}
