/**
 * The numbers each port's transmit path reads and writes per frame (when its line is free, and
 * its cable's byte time, inter-frame gap and propagation delay), for every port of a simulation
 * side by side in one typed array. As fields of the port they would be four heap numbers, each
 * its own cache line to fetch on a network too large for the caches; here they share one.
 */

export const BUSY_UNTIL = 0;
export const BYTE_TIME = 1;
export const GAP_TIME = 2;
export const DELAY = 3;
/** Numbers per port: a power of two, so a port's numbers never straddle a cache line. */
export const STRIDE = 4;

export class PortTiming {
  /** Read it again after `add`: growing replaces it. */
  data = new Float64Array(64 * STRIDE);
  private count = 0;
  /** Bases of removed ports' numbers, for reuse. */
  private readonly free: number[] = [];

  /** Room for one more port's numbers; returns its base index in `data`. */
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
    this.data[base + BUSY_UNTIL] = Number.NEGATIVE_INFINITY;
    this.data.fill(Number.NaN, base + BYTE_TIME, base + STRIDE);
    return base;
  }

  /** The port at `base` is gone. */
  remove(base: number): void {
    this.free.push(base);
  }
}
