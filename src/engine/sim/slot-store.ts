/**
 * One typed array holding the open-addressing tables of a whole simulation (switches' MAC
 * tables, IP stacks' forwarding caches), each in a region of its own.
 *
 * A typed array is two objects, its header and its storage, and V8's header for a
 * Float64Array is about 80 bytes, often across two cache lines. A table with an array of its
 * own costs those lines on every lookup once the network outgrows the caches; here the header
 * is one for all tables and stays cached, and a lookup reads its table's slots only.
 *
 * Regions are powers of two in size, recycled through a free list per size; the array doubles
 * when it is full. Tables keep their region's base, never a reference to `data`, which growing
 * replaces.
 */

export class SlotStore {
  data = new Float64Array(1024);
  private top = 0;
  /** Free region bases, by log2 of their size. */
  private readonly free: number[][] = [];

  /** A region of `size` numbers (a power of two); returns its base in `data`. */
  alloc(size: number): number {
    const bucket = this.free[Math.log2(size)];
    const reused = bucket?.pop();
    if (reused !== undefined) return reused;
    while (this.top + size > this.data.length) {
      const grown = new Float64Array(this.data.length * 2);
      grown.set(this.data);
      this.data = grown;
    }
    const base = this.top;
    this.top += size;
    return base;
  }

  /** Gives back a region from `alloc` of the same size. */
  release(base: number, size: number): void {
    const k = Math.log2(size);
    let bucket = this.free[k];
    if (bucket === undefined) {
      bucket = [];
      this.free[k] = bucket;
    }
    bucket.push(base);
  }
}
