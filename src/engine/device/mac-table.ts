/**
 * A switch's MAC address table for one VLAN: open addressing with linear probing over typed
 * arrays, because MAC addresses are 48-bit numbers (not small integers) and a general-purpose
 * Map hashes them slowly on the per-frame path.
 *
 * Aging is lazy: an entry whose last frame is older than the aging time counts as absent; such
 * entries are dropped when the table grows. Removal (a port went down or changed VLAN) rebuilds
 * the table, which is rare.
 */
import type { Port } from './port.ts';

const EMPTY = -1;
const MIN_CAPACITY = 8;
const NO_KEYS = new Float64Array(0);

export class MacTable {
  private keys: Float64Array;
  /** Per slot: the port the address was learned on, when it was learned, when last seen. */
  ports: (Port | null)[];
  learned: Float64Array;
  seen: Float64Array;
  private mask: number;
  private used = 0;

  /** Starts empty, without storage: most VLANs of most switches never learn anything. */
  constructor() {
    this.keys = NO_KEYS;
    this.ports = [];
    this.learned = NO_KEYS;
    this.seen = NO_KEYS;
    this.mask = -1;
  }

  /** The slot holding `mac`, or -1. The entry may have aged out: check `seen`. */
  find(mac: number): number {
    if (this.used === 0) return -1;
    const keys = this.keys;
    const mask = this.mask;
    let i = hash(mac) & mask;
    for (;;) {
      const k = keys[i]!;
      if (k === mac) return i;
      if (k === EMPTY) return -1;
      i = (i + 1) & mask;
    }
  }

  /** Adds `mac` (not present) learned on `port` at `now`, dropping aged entries if it must grow. */
  insert(mac: number, port: Port, now: number, aging: number): void {
    if ((this.used + 1) * 2 > this.keys.length) this.rebuild(now, aging, null);
    this.place(mac, port, now, now);
  }

  /** Removes every entry learned on `port`. */
  removePort(port: Port, now: number, aging: number): void {
    if (this.used === 0 || !this.ports.includes(port)) return;
    this.rebuild(now, aging, port);
  }

  /** Live entries: [mac, slot] pairs. */
  *entries(now: number, aging: number): Generator<[number, number]> {
    for (let i = 0; i < this.keys.length; i++) {
      const k = this.keys[i]!;
      if (k !== EMPTY && now - this.seen[i]! < aging) yield [k, i];
    }
  }

  private place(mac: number, port: Port, learned: number, seen: number): void {
    const mask = this.mask;
    let i = hash(mac) & mask;
    while (this.keys[i] !== EMPTY) i = (i + 1) & mask;
    this.keys[i] = mac;
    this.ports[i] = port;
    this.learned[i] = learned;
    this.seen[i] = seen;
    this.used++;
  }

  private rebuild(now: number, aging: number, without: Port | null): void {
    const { keys, ports, learned, seen } = this;
    let live = 0;
    for (let i = 0; i < keys.length; i++) {
      if (keys[i] !== EMPTY && now - seen[i]! < aging && (without === null || ports[i] !== without)) live++;
    }
    let capacity = MIN_CAPACITY;
    while (capacity < (live + 1) * 4) capacity *= 2;
    this.keys = new Float64Array(capacity).fill(EMPTY);
    this.ports = new Array<Port | null>(capacity).fill(null);
    this.learned = new Float64Array(capacity);
    this.seen = new Float64Array(capacity);
    this.mask = capacity - 1;
    this.used = 0;
    for (let i = 0; i < keys.length; i++) {
      const k = keys[i]!;
      if (k === EMPTY || now - seen[i]! >= aging || (without !== null && ports[i] === without)) continue;
      this.place(k, ports[i]!, learned[i]!, seen[i]!);
    }
  }

  clear(): void {
    this.keys.fill(EMPTY);
    this.ports.fill(null);
    this.used = 0;
  }
}

/** Mixes the 48 bits of a MAC address into 32 (the low bits vary most, the OUI little). */
function hash(mac: number): number {
  const lo = mac >>> 0;
  const hi = (mac / 4294967296) | 0;
  return Math.imul(lo ^ Math.imul(hi, 0x9e3779b1), 0x85ebca6b) >>> 7;
}
