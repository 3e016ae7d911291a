/**
 * The numbers each port's per-frame path reads and writes, for every port of a simulation side
 * by side in one typed array: when its line is free again, its cable's byte time, inter-frame
 * gap and propagation delay, and its frame and byte counters.
 *
 * As fields of the port object they would cost a cache line each on a network too large for the
 * caches: V8 keeps a number field that is not a small integer (a time, a byte count past 2^30) in
 * a heap number of its own, which an access reads through a pointer. Here a port's eight numbers
 * fill one 64-byte record.
 */

export const BUSY_UNTIL = 0;
export const BYTE_TIME = 1;
export const GAP_TIME = 2;
export const DELAY = 3;
export const RX_FRAMES = 4;
export const RX_BYTES = 5;
export const TX_FRAMES = 6;
export const TX_BYTES = 7;
/** Numbers per port: eight doubles, one cache line where the array's storage is aligned. */
export const STRIDE = 8;

export class PortTable {
  /** Read it again after `add`: growing replaces it. */
  data = new Float64Array(64 * STRIDE);
  private count = 0;
  /** Bases of removed ports' records, for reuse. */
  private readonly free: number[] = [];

  /** Room for one more port's record, idle, uncabled and with zero counters; returns its base index in `data`. */
  add(): number {
    let base = this.free.pop();
    if (base === undefined) {
      base = this.count++ * STRIDE;
      if (base === this.data.length) {
        const grown = new Float64Array(this.data.length * 2);
        grown.set(this.data);
        this.data = grown;
      }
    }
    const data = this.data;
    data[base + BUSY_UNTIL] = Number.NEGATIVE_INFINITY;
    data.fill(Number.NaN, base + BYTE_TIME, base + RX_FRAMES);
    data.fill(0, base + RX_FRAMES, base + STRIDE);
    return base;
  }

  /** The port at `base` is gone. */
  remove(base: number): void {
    this.free.push(base);
  }
}
