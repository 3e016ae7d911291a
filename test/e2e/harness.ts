/**
 * Serves a built app (dist/) and opens it in Debian's headless Chromium with playwright-core.
 * The app publishes what its canvas last drew on `window.__trame` (see src/render/scene.ts).
 */
import { type Browser, chromium, type Page } from 'playwright-core';
import { type PreviewServer, preview } from 'vite';

export const CHROMIUM_FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--use-angle=swiftshader',
  '--enable-unsafe-swiftshader',
];

export type Light = 'green' | 'amber' | 'red';

export interface CableProbe {
  a: string;
  portA: string;
  lightA: Light | undefined;
  b: string;
  portB: string;
  lightB: Light | undefined;
}

export interface Probe {
  ready: boolean;
  frames: number;
  firstFrameAt: number | undefined;
  scene: { devices: number; links: number };
  screenOf(name: string): { x: number; y: number } | undefined;
  cables(): CableProbe[];
}

export interface OpenApp {
  readonly page: Page;
  /** Uncaught page errors and console errors seen so far. */
  readonly errors: string[];
  close(): Promise<void>;
}

/** Serves a built app (a `vite build` output folder) on the loopback interface. */
export async function serve(outDir: string): Promise<{ url: string; close(): Promise<void> }> {
  const server: PreviewServer = await preview({
    root: process.cwd(),
    configFile: false,
    logLevel: 'silent',
    preview: { host: '127.0.0.1', port: 4310, strictPort: false },
    build: { outDir },
  });
  const url = server.resolvedUrls?.local[0];
  if (!url) {
    await server.close();
    throw new Error('vite preview did not report a URL');
  }
  return { url, close: () => server.close() };
}

export const launchChromium = (): Promise<Browser> =>
  chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_FLAGS });

export async function openApp(distDir = 'dist'): Promise<OpenApp> {
  const server = await serve(distDir);
  let browser: Browser | undefined;
  try {
    browser = await launchChromium();
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('console', (m) => {
      if (m.type() === 'error') errors.push(m.text());
    });
    await page.goto(server.url);
    await page.waitForFunction(() => {
      const p = (window as unknown as { __trame?: Probe }).__trame;
      return p?.ready === true && p.frames > 0 && p.scene.devices > 0;
    });
    const opened = browser;
    return {
      page,
      errors,
      close: async () => {
        await opened.close();
        await server.close();
      },
    };
  } catch (e) {
    await browser?.close();
    await server.close();
    throw e;
  }
}

/** The lights at both ends of the cable plugged into `device`'s `port`, as the canvas shows them. */
export const lightsAt = (
  page: Page,
  device: string,
  port: string,
): Promise<{ here: Light | undefined; there: Light | undefined } | undefined> =>
  page.evaluate(
    ([device, port]) => {
      for (const c of (window as unknown as { __trame: Probe }).__trame.cables()) {
        if (c.a === device && c.portA === port) return { here: c.lightA, there: c.lightB };
        if (c.b === device && c.portB === port) return { here: c.lightB, there: c.lightA };
      }
      return undefined;
    },
    [device, port] as const,
  );

/** The console's visible text (xterm's rows, joined). */
export const consoleText = async (page: Page): Promise<string> =>
  ((await page.locator('.console .xterm-rows').textContent()) ?? '').replace(/\u00a0/g, ' ');

export const probe = (page: Page): Promise<Probe['scene'] & { frames: number }> =>
  page.evaluate(() => {
    const p = (window as unknown as { __trame: Probe }).__trame;
    return { ...p.scene, frames: p.frames };
  });

/**
 * Pixels of the canvas that differ from its background colour, counted in the page from a
 * real screenshot (what the user sees, whatever the renderer kept in its buffers).
 */
export async function paintedPixels(page: Page): Promise<{ painted: number; total: number }> {
  const canvas = page.locator('.canvas-host canvas');
  const png = (await canvas.screenshot()).toString('base64');
  return page.evaluate(async (data) => {
    const img = new Image();
    img.src = `data:image/png;base64,${data}`;
    await img.decode();
    const c = document.createElement('canvas');
    c.width = img.width;
    c.height = img.height;
    const g = c.getContext('2d')!;
    g.drawImage(img, 0, 0);
    const px = g.getImageData(0, 0, c.width, c.height).data;
    // The background is the colour of the top-left pixel (an empty corner of the view).
    const [r0, g0, b0] = [px[0]!, px[1]!, px[2]!];
    let painted = 0;
    for (let i = 0; i < px.length; i += 4) {
      if (Math.abs(px[i]! - r0) + Math.abs(px[i + 1]! - g0) + Math.abs(px[i + 2]! - b0) > 48) painted++;
    }
    return { painted, total: c.width * c.height };
  }, png);
}
