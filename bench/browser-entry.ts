/**
 * The engine bench's load run in a browser's Web Worker, where Trame runs its engine: bundled
 * and started by browser-engine.bench.ts. Posts one result per measurement, then null.
 */
import type { Load } from './campus.ts';
import { fastest, pingLoad, SERIES } from './campus.ts';

export interface BrowserResult {
  readonly load: Load;
  /** Wall-clock seconds while the simulation ran (one thread: a browser gives no CPU time). */
  readonly seconds: number;
}

const post = (m: BrowserResult | null) => (self as unknown as Worker).postMessage(m);

async function time(target: number, maxFlows: number): Promise<BrowserResult> {
  let seconds = 0;
  const load = await pingLoad(target, 1_500_000, maxFlows, async (run) => {
    const t0 = performance.now();
    run();
    seconds = (performance.now() - t0) / 1000;
  });
  return { load, seconds };
}

async function main(): Promise<void> {
  // Warm the JIT up on a small network first, as the Node runner does.
  await time(100, Infinity);
  for (const { target, maxFlows, runs } of SERIES) {
    const best = await fastest(runs, () => time(target, maxFlows));
    post(best);
  }
  post(null);
}

void main();
