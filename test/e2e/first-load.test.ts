/**
 * The first-load budget (DESIGN §6): the JavaScript the page fetches before its first frame,
 * gzipped, within 1.3x of a minimal PixiJS app that draws the same kinds of things (sprites
 * and bitmap-font labels, test/e2e/yardstick), built with the same Vite configuration and
 * measured the same way. Everything else (editor state charts, panels, console, French) waits.
 * The figures go to test-results/first-load.json.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Browser } from 'playwright-core';
import { build } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, serve } from './harness.ts';

interface Script {
  readonly file: string;
  readonly gzip: number;
}

/**
 * Scripts the page requested before its first frame (`firstFrame` evaluates, in the page, to the
 * performance.now() of that frame once drawn), with their gzip sizes. The simulator's worker
 * runs beside the page and is not counted.
 */
async function scriptsBeforeFirstFrame(
  browser: Browser,
  outDir: string,
  firstFrame: string,
): Promise<Script[]> {
  const server = await serve(outDir);
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await page.goto(server.url);
    await page.waitForFunction(`typeof (${firstFrame}) === 'number'`);
    const drawnAt = (await page.evaluate(firstFrame)) as number;
    const requested = await page.evaluate(() =>
      performance.getEntriesByType('resource').map((e) => ({ url: e.name, at: e.startTime })),
    );
    await page.close();
    return requested
      .filter((r) => r.at < drawnAt && r.url.endsWith('.js') && !r.url.includes('worker'))
      .map((r) => {
        const path = new URL(r.url).pathname;
        return { file: basename(path), gzip: gzipSync(readFileSync(join(outDir, path))).length };
      });
  } finally {
    await server.close();
  }
}

const total = (scripts: readonly Script[]): number => scripts.reduce((sum, s) => sum + s.gzip, 0);

describe('first load', () => {
  let browser: Browser;
  let yardstickDir: string;

  beforeAll(async () => {
    yardstickDir = mkdtempSync(join(tmpdir(), 'trame-yardstick-'));
    await build({
      root: 'test/e2e/yardstick',
      configFile: 'vite.config.ts',
      logLevel: 'silent',
      build: { outDir: yardstickDir, emptyOutDir: true },
    });
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    if (yardstickDir) rmSync(yardstickDir, { recursive: true, force: true });
  });

  it('fetches at most 1.3x the JavaScript of a minimal PixiJS scene before its first frame', async () => {
    const trame = await scriptsBeforeFirstFrame(browser, 'dist', 'window.__trame?.firstFrameAt');
    const yardstick = await scriptsBeforeFirstFrame(browser, yardstickDir, 'window.__firstFrameAt');
    const ratio = total(trame) / total(yardstick);
    mkdirSync('test-results', { recursive: true });
    writeFileSync(
      'test-results/first-load.json',
      `${JSON.stringify({ trame: total(trame), yardstick: total(yardstick), ratio, scripts: trame }, null, 2)}\n`,
    );
    // What interaction needs loads after the first frame.
    for (const lazy of ['xstate', 'editor-actor', 'panel', 'console-dock', 'fr-']) {
      expect(trame.map((s) => s.file).filter((f) => f.startsWith(lazy))).toEqual([]);
    }
    expect(ratio).toBeLessThanOrEqual(1.3);
  });
});
