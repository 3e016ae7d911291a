/**
 * One typed array holding the open-addressing tables of a whole simulation (switches' MAC
 * tables, IP stacks' forwarding caches), each in a region of its own.
 *
 * A typed array is two objects, its header and its storage, and V8's header for a
 * Float64Array is about 80 bytes, often across two cache lines. A table with an array of its
 * own costs those lines on every lookup once the network outgrows the caches; here the header
 * is one for all tables and stays cached, and a lookup reads its table's slots only.
 *
 * A table whose slots refer to objects keeps them in `refs`, one per four numbers, beside
 * the numbers: likewise one array for all tables.
 *
 * Regions are powers of two in size, recycled through a free list per size; the arrays double
 * when they are full. Tables keep their region's base, never a reference to `data` or `refs`,
 * which growing replaces.
 */

import { alignedFloat64 } from './aligned.ts';

/** Numbers per entry of `refs`. */
export const NUMBERS_PER_REF = 4;

export class SlotStore {
  data = alignedFloat64(1024);
  /** Entry `base / NUMBERS_PER_REF + i`: the object of the slot at `base + NUMBERS_PER_REF * i`. */
  refs: unknown[] = new Array(1024 / NUMBERS_PER_REF).fill(null);
  private top = 0;
  /** Free region bases, by log2 of their size. */
  private readonly free: number[][] = [];

  /** A region of `size` numbers (a power of two); returns its base in `data`. */
  alloc(size: number): number {
    const bucket = this.free[Math.log2(size)];
    const reused = bucket?.pop();
    if (reused !== undefined) return reused;
    while (this.top + size > this.data.length) {
      const grown = alignedFloat64(this.data.length * 2);
      grown.set(this.data);
      this.data = grown;
      this.refs.length = grown.length / NUMBERS_PER_REF;
      this.refs.fill(null, this.refs.length / 2);
    }
    const base = this.top;
    this.top += size;
    return base;
  }

  /** Gives back a region from `alloc` of the same size (dropping what its slots referred to). */
  release(base: number, size: number): void {
    this.refs.fill(null, base / NUMBERS_PER_REF, (base + size) / NUMBERS_PER_REF);
    const k = Math.log2(size);
    let bucket = this.free[k];
    if (bucket === undefined) {
      bucket = [];
      this.free[k] = bucket;
    }
    bucket.push(base);
  }
}
