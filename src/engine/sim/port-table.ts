/**
 * The numbers each port's transmit path reads and writes, for every port of a simulation side
 * by side in one typed array: when its line is free again, its cable's byte time, inter-frame
 * gap and propagation delay, its counters of frames and bytes sent, and its last frame's time
 * on the line.
 *
 * As fields of the port object they would cost a cache line each on a network too large for the
 * caches: V8 keeps a number field that is not a small integer (a time, a byte count past 2^30) in
 * a heap number of its own, which an access reads through a pointer. Here they sit in one
 * 64-byte record. (What an arrival counts stays in the port, which it reads anyway: see
 * device/counter.ts.) The far end's record also tells when a port last received a frame
 * (`Port.lastInput`), so an arrival need not write a time of its own.
 */

import { alignedFloat64 } from './aligned.ts';

export const BUSY_UNTIL = 0;
export const BYTE_TIME = 1;
export const GAP_TIME = 2;
export const DELAY = 3;
export const TX_FRAMES = 4;
export const TX_BYTES = 5;
/**
 * The last frame's time on the line, which the scheduler reads from here with DELAY or
 * GAP_TIME (a fractional time passed as an argument would be boxed).
 */
export const ON_LINE = 6;
/** When its last frame started onto the line (-Infinity: never): `show interfaces` "Last output". */
export const LAST_TX = 7;
/**
 * More bytes than any frame takes on the line, which bounds how long a frame is on its way: the
 * engine does not fragment, so a frame holds up to a whole IPv4 datagram (65,535 bytes), plus
 * its header, tag, preamble and FCS.
 */
const MAX_FRAME_ON_LINE = 2 ** 17;
/** Numbers per port: 64 bytes, one cache line (the storage is aligned: aligned.ts). */
export const STRIDE = 8;

export class PortTable<P = unknown> {
  /** Read it again after `add`: growing replaces it. */
  data = alignedFloat64(64 * STRIDE);
  /**
   * What each record belongs to, by serial number (base / STRIDE): a switch finds the port a
   * MAC table names here, one array for all, rather than in an array of its own.
   */
  private readonly owners: P[] = [];
  private count = 0;
  /** Removed ports' records, for reuse: each one's base, and the time after which it may be. */
  private readonly free: { readonly base: number; readonly after: number }[] = [];

  /** What the record with serial number `serial` belongs to (frame events name ports so). */
  at(serial: number): P {
    return this.owners[serial]!;
  }

  /**
   * Room for one more record, idle, uncabled and with zero counters, belonging to `owner`, at
   * virtual time `now`; returns its base index in `data` (its serial number times STRIDE).
   */
  add(owner: P, now: number): number {
    const reuse = this.free.findIndex((f) => f.after < now);
    let base: number;
    if (reuse >= 0) base = this.free.splice(reuse, 1)[0]!.base;
    else {
      base = this.count++ * STRIDE;
      if (base === this.data.length) {
        const grown = alignedFloat64(this.data.length * 2);
        grown.set(this.data);
        this.data = grown;
      }
    }
    const data = this.data;
    data[base + BUSY_UNTIL] = Number.NEGATIVE_INFINITY;
    data.fill(Number.NaN, base + BYTE_TIME, base + TX_FRAMES);
    data.fill(0, base + TX_FRAMES, base + STRIDE);
    data[base + LAST_TX] = Number.NEGATIVE_INFINITY;
    this.owners[base / STRIDE] = owner;
    return base;
  }

  /**
   * The record at `base` is no longer used, from virtual time `now`. Frame events name their
   * port by its serial number, so a frame already on its way to the removed port must still
   * find it there (to be dropped, its cable gone): the owner stays in place, and the record is
   * not reused before every frame its last cable could have been carrying has arrived.
   */
  remove(base: number, now: number): void {
    const data = this.data;
    const byteTime = data[base + BYTE_TIME]!;
    const flight = Number.isNaN(byteTime) ? 0 : MAX_FRAME_ON_LINE * byteTime + data[base + DELAY]!;
    this.free.push({ base, after: now + flight });
  }
}
