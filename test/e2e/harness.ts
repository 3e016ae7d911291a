/**
 * Serves a built app (dist/) and opens it in Debian's headless Chromium with playwright-core.
 * The app publishes what its canvas last drew on `window.__trame` (see src/render/scene.ts).
 */
import {
  type Browser,
  type BrowserContext,
  type BrowserContextOptions,
  chromium,
  type Page,
} from 'playwright-core';
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

export const launchChromium = (extraFlags: readonly string[] = []): Promise<Browser> =>
  chromium.launch({ executablePath: '/usr/bin/chromium', args: [...CHROMIUM_FLAGS, ...extraFlags] });

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
    await appReady(page);
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

/** The built app served once, and a browser whose pages each start with empty storage. */
export interface Site {
  readonly url: string;
  readonly browser: Browser;
  /** A page in a context of its own (fresh IndexedDB, localStorage, service workers), not yet loaded. */
  newPage(
    options?: BrowserContextOptions,
  ): Promise<{ page: Page; context: BrowserContext; errors: string[] }>;
  close(): Promise<void>;
}

export async function openSite(distDir = 'dist'): Promise<Site> {
  const server = await serve(distDir);
  const browser = await launchChromium().catch(async (e: unknown) => {
    await server.close();
    throw e;
  });
  return {
    url: server.url,
    browser,
    async newPage(options = {}) {
      const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, ...options });
      const page = await context.newPage();
      const errors: string[] = [];
      page.on('pageerror', (e) => errors.push(e.message));
      page.on('console', (m) => {
        if (m.type() === 'error') errors.push(m.text());
      });
      return { page, context, errors };
    },
    async close() {
      await browser.close();
      await server.close();
    },
  };
}

/** Clicks a device on the canvas, by name. */
export async function clickDevice(page: Page, name: string): Promise<void> {
  const at = await page.evaluate((n) => (window as unknown as { __trame: Probe }).__trame.screenOf(n), name);
  if (!at) throw new Error(`${name} is not on the canvas`);
  await page.mouse.click(at.x, at.y);
}

/** Types lines at the open console, each followed by Enter. */
export async function typeLines(page: Page, ...lines: string[]): Promise<void> {
  for (const line of lines) {
    await page.keyboard.type(line);
    await page.keyboard.press('Enter');
  }
}

/**
 * Makes the page believe it was hidden or shown again (a tab switched, a Chromebook lid
 * closed), as the browser tells it: visibilityState, then the visibilitychange event.
 */
export const setVisible = (page: Page, visible: boolean): Promise<void> =>
  page.evaluate((visible) => {
    Object.defineProperty(document, 'visibilityState', {
      value: visible ? 'visible' : 'hidden',
      configurable: true,
    });
    Object.defineProperty(document, 'hidden', { value: !visible, configurable: true });
    document.dispatchEvent(new Event('visibilitychange'));
  }, visible);

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

/** What the app keeps in IndexedDB (idb-keyval's default store) under `key`. */
export const stored = (page: Page, key = 'trame.network'): Promise<unknown> =>
  page.evaluate(
    (key) =>
      new Promise((resolve, reject) => {
        const open = indexedDB.open('keyval-store');
        open.onupgradeneeded = () => open.result.createObjectStore('keyval');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const get = db.transaction('keyval').objectStore('keyval').get(key);
          get.onsuccess = () => {
            db.close();
            resolve(get.result);
          };
          get.onerror = () => reject(get.error);
        };
      }),
    key,
  );

/** Writes `value` where the app keeps its work, as an earlier visit would have left it. */
export const store = (page: Page, value: unknown, key = 'trame.network'): Promise<void> =>
  page.evaluate(
    ([key, value]) =>
      new Promise<void>((resolve, reject) => {
        const open = indexedDB.open('keyval-store');
        open.onupgradeneeded = () => open.result.createObjectStore('keyval');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const tx = db.transaction('keyval', 'readwrite');
          tx.objectStore('keyval').put(value, key);
          tx.oncomplete = () => {
            db.close();
            resolve();
          };
          tx.onerror = () => reject(tx.error);
        };
      }),
    [key, value] as const,
  );

/** Devices in the autosaved network file, by name (undefined while nothing is kept). */
export const autosavedDevices = async (page: Page): Promise<string[] | undefined> => {
  const kept = (await stored(page)) as { text?: string } | undefined;
  if (!kept?.text) return undefined;
  return (JSON.parse(kept.text) as { devices: { name: string }[] }).devices.map((d) => d.name);
};

/** The realtime clock in the status bar ("Time: 00:00:03"). */
export const statusTime = (page: Page): Promise<string | null> =>
  page.locator('.statusbar .time').textContent();

/** Waits for the app to have drawn the network it opened with. */
export const appReady = (page: Page): Promise<unknown> =>
  page.waitForFunction(() => {
    const p = (window as unknown as { __trame?: Probe }).__trame;
    return p?.ready === true && p.frames > 0 && p.scene.devices > 0;
  });

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

export async function streamText(stream: NodeJS.ReadableStream): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(Buffer.from(chunk as Uint8Array));
  return Buffer.concat(chunks).toString('utf8');
}
