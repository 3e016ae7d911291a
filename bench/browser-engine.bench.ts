/**
 * The engine bench in Chromium: campus.ts's networks and load, bundled and run in a Web Worker
 * as the app runs its engine. Node's V8 stores every object field in 8 bytes, Chrome's in 4
 * (pointer compression), so the objects a hop visits take about half the memory there: on
 * networks that outgrow the processor's caches the two runtimes differ, and Chromium's is the
 * figure students get. Garbage collection is not measured here (a page cannot see it).
 */

import { launchChromium } from '../test/e2e/harness.ts';
import type { BrowserResult } from './browser-entry.ts';
import { bundle } from './bundle.ts';
import { loadLine } from './campus.ts';
import { kernelNsPerHop } from './kernel-yardstick.ts';

export async function run(): Promise<string[]> {
  const code = await bundle('./browser-entry.ts');
  const kernel = await kernelNsPerHop();
  const kernelNs = typeof kernel === 'number' ? kernel : undefined;
  let browser: Awaited<ReturnType<typeof launchChromium>>;
  try {
    // gc() in the worker, to collect each network's build before measuring it (campus.ts).
    browser = await launchChromium(['--js-flags=--expose-gc']);
  } catch (e) {
    return [`engine in Chromium skipped: ${String(e).split('\n')[0]}`];
  }
  try {
    const page = await browser.newPage();
    const version = browser.version();
    const results = await page.evaluate(
      (source) =>
        new Promise<BrowserResult[]>((resolve, reject) => {
          const url = URL.createObjectURL(new Blob([source], { type: 'text/javascript' }));
          const worker = new Worker(url);
          const got: BrowserResult[] = [];
          worker.onmessage = (e: MessageEvent<BrowserResult | null>) => {
            if (e.data === null) resolve(got);
            else got.push(e.data);
          };
          worker.onerror = (e) => reject(new Error(`worker: ${e.message ?? 'failed to start'}`));
        }),
      code,
    );
    return results.map((r) =>
      loadLine(`engine in Chromium ${version}`, r.load, r.seconds, kernelNs, ' wall'),
    );
  } finally {
    await browser.close();
  }
}
