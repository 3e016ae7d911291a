/**
 * The switches' MAC address tables, each keyed by (VLAN, address) for all of its switch's
 * VLANs: open addressing with linear probing over a region of the simulation's slot store
 * (sim/slot-store.ts), because MAC addresses are 48-bit numbers (not small integers) and a
 * general-purpose Map hashes them slowly on the per-frame path. Each slot holds the address,
 * when it was last seen, when it was learned, and its port's number (`Port.serial`) with its
 * VLAN side by side, so a lookup touches one cache line. One table per switch rather than one
 * per VLAN: a lookup reaches the slots through the switch's table alone, not through a VLAN
 * object of its own.
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

/** Fields of a table's head in `heads`. */
const BASE = 0;
/** Its size minus one (-1: no region yet); on a released table, the next free table's number. */
const MASK = 1;
const USED = 2;
const HEAD = 4;

/**
 * Every switch's MAC table. A switch names its table by number; the tables' heads (where the
 * slots start, their mask and count) lie side by side in one small array, which stays in the
 * processor's caches where an object per table would be one more line to fetch per frame.
 * Lookups return a slot's position in `store.data`, which the slot accessors take.
 */
export class MacTables {
  private readonly store: SlotStore;
  private heads = new Int32Array(HEAD * 16);
  private count = 0;
  /** The first released table number, or -1. */
  private freed = -1;

  constructor(store: SlotStore = new SlotStore()) {
    this.store = store;
  }

  /** A new, empty table without a region: a switch without traffic never learns anything. */
  create(): number {
    let t = this.freed;
    if (t >= 0) this.freed = this.heads[t * HEAD + MASK]!;
    else {
      t = this.count++;
      if (t * HEAD === this.heads.length) {
        const grown = new Int32Array(this.heads.length * 2);
        grown.set(this.heads);
        this.heads = grown;
      }
    }
    const h = t * HEAD;
    this.heads[h + BASE] = 0;
    this.heads[h + MASK] = -1;
    this.heads[h + USED] = 0;
    return t;
  }

  /** Table `t` is gone: its region goes back to the store and its number may be reused. */
  release(t: number): void {
    const h = t * HEAD;
    const mask = this.heads[h + MASK]!;
    if (mask >= 0) this.store.release(this.heads[h + BASE]!, (mask + 1) * STRIDE);
    this.heads[h + USED] = 0;
    this.heads[h + MASK] = this.freed;
    this.freed = t;
  }

  /**
   * The slot of table `t` holding the address `high` * 2^24 + `low` (see `macHigh`, `macLow`)
   * in VLAN `vlan`, as its position in the store, or -1. The entry may have aged out: check
   * `fresh`.
   */
  find(t: number, vlan: number, high: number, low: number): number {
    const heads = this.heads;
    const h = t * HEAD;
    if (heads[h + USED] === 0) return -1;
    const mac = high * MAC_HALF + low;
    const slots = this.store.data;
    const base = heads[h + BASE]!;
    const mask = heads[h + MASK]!;
    let i = hash(mac, vlan) & mask;
    for (;;) {
      const at = base + i * STRIDE;
      const k = slots[at + KEY]!;
      if (k === mac && vlanOf(slots[at + PORT_VLAN]!) === vlan) return at;
      if (k === EMPTY) return -1;
      i = (i + 1) & mask;
    }
  }

  /** Whether the address in the slot at `at` was seen less than `aging` ago. */
  fresh(at: number, clock: Clock, aging: number): boolean {
    return clock.now - this.store.data[at + SEEN]! < aging;
  }

  /** When the address in the slot at `at` was learned on its current port. */
  learned(at: number): number {
    return this.store.data[at + LEARNED]!;
  }

  /** The number of the port the address in the slot at `at` was learned on (its `Port.serial`). */
  port(at: number): number {
    return portOf(this.store.data[at + PORT_VLAN]!);
  }

  /** The VLAN of the entry in the slot at `at`. */
  vlan(at: number): number {
    return vlanOf(this.store.data[at + PORT_VLAN]!);
  }

  /** A frame from the address in the slot at `at` arrived now. */
  touch(at: number, clock: Clock): void {
    this.store.data[at + SEEN] = clock.now;
  }

  /** The address in the slot at `at` moved to port `port` now. */
  move(at: number, port: number, clock: Clock): void {
    const slots = this.store.data;
    slots[at + PORT_VLAN] = portVlan(port, vlanOf(slots[at + PORT_VLAN]!));
    slots[at + LEARNED] = clock.now;
  }

  /**
   * Adds `mac` in VLAN `vlan` (not present in table `t`) learned on port `port` at `now`,
   * dropping aged entries if the table must grow.
   */
  insert(t: number, vlan: number, mac: number, port: number, now: number, aging: number): void {
    const h = t * HEAD;
    if ((this.heads[h + USED]! + 1) * 2 > this.heads[h + MASK]! + 1) this.rebuild(t, now, aging, NOTHING);
    this.place(t, mac, portVlan(port, vlan), now, now);
  }

  /** Removes every entry of table `t` learned on port `port`. */
  removePort(t: number, port: number, now: number, aging: number): void {
    this.removeWhere(t, now, aging, (_mac, pv) => portOf(pv) === port);
  }

  /** Removes every entry of table `t` in VLAN `vlan`. */
  removeVlan(t: number, vlan: number, now: number, aging: number): void {
    this.removeWhere(t, now, aging, (_mac, pv) => vlanOf(pv) === vlan);
  }

  /**
   * Removes the entries of table `t` that match every part of `f` given: an address, a VLAN,
   * a port (`clear mac address-table dynamic address | vlan | interface`).
   */
  remove(t: number, f: { mac?: number; vlan?: number; port?: number }, now: number, aging: number): void {
    this.removeWhere(
      t,
      now,
      aging,
      (mac, pv) =>
        (f.mac === undefined || mac === f.mac) &&
        (f.vlan === undefined || vlanOf(pv) === f.vlan) &&
        (f.port === undefined || portOf(pv) === f.port),
    );
  }

  /**
   * Forgets the entries of table `t` older than their VLAN's aging time (`agingIn`), so that a
   * longer aging time set next does not bring them back.
   */
  expire(t: number, now: number, agingIn: (vlan: number) => number): void {
    this.removeWhere(t, now, Number.POSITIVE_INFINITY, (_mac, pv, seen) => now - seen >= agingIn(vlanOf(pv)));
  }

  /** Table `t`'s live entries: [mac, vlan, slot position]. */
  *entries(t: number, now: number, aging: number): Generator<[number, number, number]> {
    const h = t * HEAD;
    for (let i = 0; i <= this.heads[h + MASK]!; i++) {
      const at = this.heads[h + BASE]! + i * STRIDE;
      const k = this.store.data[at + KEY]!;
      if (k !== EMPTY && now - this.store.data[at + SEEN]! < aging) yield [k, this.vlan(at), at];
    }
  }

  /** Empties table `t`. */
  clear(t: number): void {
    const h = t * HEAD;
    const slots = this.store.data;
    const base = this.heads[h + BASE]!;
    for (let i = 0; i <= this.heads[h + MASK]!; i++) slots[base + i * STRIDE + KEY] = EMPTY;
    this.heads[h + USED] = 0;
  }

  /** Rebuilds table `t` without the entries whose address and port-and-VLAN number `drop` accepts, if any. */
  private removeWhere(t: number, now: number, aging: number, drop: Drop): void {
    const h = t * HEAD;
    if (this.heads[h + USED] === 0) return;
    const slots = this.store.data;
    const base = this.heads[h + BASE]!;
    for (let at = base; at <= base + this.heads[h + MASK]! * STRIDE; at += STRIDE) {
      if (slots[at + KEY] !== EMPTY && drop(slots[at + KEY]!, slots[at + PORT_VLAN]!, slots[at + SEEN]!)) {
        this.rebuild(t, now, aging, drop);
        return;
      }
    }
  }

  private place(t: number, mac: number, pv: number, learned: number, seen: number): void {
    const h = t * HEAD;
    const slots = this.store.data;
    const base = this.heads[h + BASE]!;
    const mask = this.heads[h + MASK]!;
    let i = hash(mac, vlanOf(pv)) & mask;
    while (slots[base + i * STRIDE + KEY] !== EMPTY) i = (i + 1) & mask;
    const at = base + i * STRIDE;
    slots[at + KEY] = mac;
    slots[at + SEEN] = seen;
    slots[at + LEARNED] = learned;
    slots[at + PORT_VLAN] = pv;
    this.heads[h + USED]!++;
  }

  private rebuild(t: number, now: number, aging: number, drop: Drop): void {
    const store = this.store;
    const h = t * HEAD;
    const oldBase = this.heads[h + BASE]!;
    const size = this.heads[h + MASK]! + 1;
    const keep = (at: number): boolean =>
      store.data[at + KEY] !== EMPTY &&
      now - store.data[at + SEEN]! < aging &&
      !drop(store.data[at + KEY]!, store.data[at + PORT_VLAN]!, store.data[at + SEEN]!);
    let live = 0;
    for (let i = 0; i < size; i++) if (keep(oldBase + i * STRIDE)) live++;
    let capacity = MIN_CAPACITY;
    while (capacity < (live + 1) * 4) capacity *= 2;
    const base = store.alloc(capacity * STRIDE);
    store.data.fill(0, base, base + capacity * STRIDE);
    for (let i = 0; i < capacity; i++) store.data[base + i * STRIDE + KEY] = EMPTY;
    this.heads[h + BASE] = base;
    this.heads[h + MASK] = capacity - 1;
    this.heads[h + USED] = 0;
    for (let i = 0; i < size; i++) {
      const at = oldBase + i * STRIDE;
      if (!keep(at)) continue;
      const old = store.data;
      this.place(t, old[at + KEY]!, old[at + PORT_VLAN]!, old[at + LEARNED]!, old[at + SEEN]!);
    }
    if (size > 0) store.release(oldBase, size * STRIDE);
  }
}

/** Which entries a rebuild leaves out, by address, port-and-VLAN number and when last seen. */
type Drop = (mac: number, pv: number, seen: number) => boolean;
const NOTHING: Drop = () => false;

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
