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
 * device/counter.ts.)
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
/** Numbers per port (seven used): 64 bytes, one cache line (the storage is aligned: aligned.ts). */
export const STRIDE = 8;

export class PortTable<P = unknown> {
  /** Read it again after `add`: growing replaces it. */
  data = alignedFloat64(64 * STRIDE);
  /**
   * What each record belongs to, by serial number (base / STRIDE): a switch finds the port a
   * MAC table names here, one array for all, rather than in an array of its own.
   */
  private readonly owners: (P | null)[] = [];
  private count = 0;
  /** Bases of removed ports' records, for reuse. */
  private readonly free: number[] = [];

  /** What the record with serial number `serial` belongs to. */
  at(serial: number): P {
    return this.owners[serial]!;
  }

  /**
   * Room for one more record, idle, uncabled and with zero counters, belonging to `owner`;
   * returns its base index in `data` (its serial number times STRIDE).
   */
  add(owner: P): number {
    let base = this.free.pop();
    if (base === undefined) {
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
    this.owners[base / STRIDE] = owner;
    return base;
  }

  /** The record at `base` is no longer used. */
  remove(base: number): void {
    this.owners[base / STRIDE] = null;
    this.free.push(base);
  }
}
