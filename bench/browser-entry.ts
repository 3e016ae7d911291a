/**
 * The engine bench's load run in a browser's Web Worker, where Trame runs its engine: bundled
 * and started by browser-engine.bench.ts. Posts one result per measurement, then null.
 */
import type { Load } from './campus.ts';
import { FIXED_FLOWS, pingLoad } from './campus.ts';

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
  for (const maxFlows of [Infinity, FIXED_FLOWS]) {
    for (const target of [10, 100, 1_000, 10_000]) {
      // Best of three on small networks: the machine is shared.
      let best: BrowserResult | undefined;
      for (let i = 0; i < (target >= 10_000 ? 1 : 3); i++) {
        const r = await time(target, maxFlows);
        if (best === undefined || r.seconds / r.load.hops < best.seconds / best.load.hops) best = r;
      }
      post(best!);
    }
  }
  post(null);
}

void main();
