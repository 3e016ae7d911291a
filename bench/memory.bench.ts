/**
 * The machine's memory as the engine meets it: the time of one read of a random cache line that
 * the next read depends on, as the working set grows. A hop on a large network reads a few dozen
 * lines that no recent hop read, each depending on the last (an event, its port, its frame, the
 * device...), so where this time jumps tells how much of a network's state can stay in the
 * caches, and what each line costs beyond that.
 *
 * On a shared machine the last-level cache is shared too: how much of it a run gets depends on
 * the other tenants at that moment, which is why the engine's largest network varies most
 * between runs. This bench runs in the same `npm run bench` as the engine's, so its lines say
 * what the caches were like then.
 */

import { Rng } from '../src/engine/sim/rng.ts';

/** Working sets measured, in megabytes. */
const SIZES_MB = [0.25, 1, 4, 8, 16, 64] as const;
const LINE_INTS = 16;
const READS = 2_000_000;
const RUNS = 3;

/** A random cycle through `lines` cache lines of one array: each line holds the next one's index. */
function cycle(lines: number, seed: number): Int32Array {
  const order = new Int32Array(lines);
  for (let i = 0; i < lines; i++) order[i] = i;
  const rng = new Rng(seed);
  for (let i = lines - 1; i > 0; i--) {
    const j = rng.int(i + 1);
    const t = order[i]!;
    order[i] = order[j]!;
    order[j] = t;
  }
  const a = new Int32Array(lines * LINE_INTS);
  for (let i = 0; i < lines; i++) a[order[i]! * LINE_INTS] = order[(i + 1) % lines]! * LINE_INTS;
  return a;
}

/** Nanoseconds per read, following the cycle `reads` times after one warm lap. */
function chase(a: Int32Array, reads: number): number {
  let p = 0;
  for (let i = 0; i < a.length / LINE_INTS; i++) p = a[p]!;
  const t0 = process.hrtime.bigint();
  for (let i = 0; i < reads; i++) p = a[p]!;
  const ns = Number(process.hrtime.bigint() - t0);
  // Using `p` keeps the loop from being optimized away.
  return p < 0 ? Number.NaN : ns / reads;
}

export async function run(): Promise<string[]> {
  const parts = SIZES_MB.map((mb) => {
    const a = cycle((mb * 1024 * 1024) / (LINE_INTS * 4), 12345);
    const best = Math.min(...Array.from({ length: RUNS }, () => chase(a, READS)));
    return `${mb} MB ${best.toFixed(1)} ns`;
  });
  return [
    `memory: one dependent read of a random cache line, by working set (best of ${RUNS}): ${parts.join(', ')}`,
  ];
}
