/**
 * A console line's round trip from the page to the simulation's worker and back (DESIGN §6:
 * within 1.3x of a raw postMessage echo), in headless Chromium: the worker runs a Session over
 * comlink as the app's does (roundtrip-worker.ts), with the example network loaded, and answers
 * raw echoes beside it, the yardstick (roundtrip-page.ts times both).
 */
import { readFileSync } from 'node:fs';
import { launchChromium } from '../test/e2e/harness.ts';
import { bundle } from './bundle.ts';
import type { LineTiming } from './roundtrip-page.ts';

const median = (xs: readonly number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
};
const us = (ms: number): string => `${Math.round(ms * 1000)} us`;

export async function run(): Promise<string[]> {
  const [page, worker] = await Promise.all([bundle('./roundtrip-page.ts'), bundle('./roundtrip-worker.ts')]);
  const network = readFileSync(new URL('../examples/small-office.json', import.meta.url), 'utf8');
  let browser: Awaited<ReturnType<typeof launchChromium>>;
  try {
    browser = await launchChromium();
  } catch (e) {
    return [`console round trip skipped: ${String(e).split('\n')[0]}`];
  }
  try {
    const tab = await browser.newPage();
    await tab.addScriptTag({ content: page });
    const timings = await tab.evaluate(
      ([w, n]) =>
        (
          globalThis as unknown as { measureRoundTrips(w: string, n: string): Promise<LineTiming[]> }
        ).measureRoundTrips(w, n),
      [worker, network] as const,
    );
    return timings.map((t) => {
      const exec = median(t.exec);
      const echo = median(t.echo);
      const what = t.device === '' ? t.line : `${t.device} "${t.line === '' ? '(empty line)' : t.line}"`;
      return (
        `console round trip in Chromium ${browser.version()}, ${what}: ${us(exec)} ` +
        `(batches ${us(Math.min(...t.exec))}-${us(Math.max(...t.exec))}), raw echo ${us(echo)}, ` +
        `${(exec / echo).toFixed(2)}x the echo (budget 1.3x)`
      );
    });
  } finally {
    await browser.close();
  }
}
