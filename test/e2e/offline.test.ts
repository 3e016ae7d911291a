/**
 * Offline once loaded: the service worker keeps every file of the build, so that a student
 * who loses the network (a Chromebook taken home) still opens Trame, its consoles, its French
 * and its panels — whether the network goes before a console is first opened or before a reload.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appReady, clickDevice, consoleText, launchChromium, serve, typeLines } from './harness.ts';

describe('offline', () => {
  let server: Awaited<ReturnType<typeof serve>> | undefined;
  let browser: Awaited<ReturnType<typeof launchChromium>>;
  beforeAll(async () => {
    server = await serve('dist');
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('opens a console, French and the app itself again without a network', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    await page.goto(server!.url);
    await appReady(page);
    // The service worker has cached the build and taken this page over.
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null, undefined, {
      timeout: 20_000,
    });

    // The network goes: the browser says so, and the server is gone for good.
    await context.setOffline(true);
    await server!.close();
    server = undefined;

    // The console was never opened: its code comes from the cache.
    await clickDevice(page, 'PC1');
    await page.locator('.console .xterm').waitFor();
    await page.getByRole('menuitem', { name: 'View', exact: true }).click();
    await page.getByRole('menuitemradio', { name: 'Français' }).click();
    await expect.poll(() => page.locator('.menubar [role="menuitem"]').first().textContent()).toBe('Fichier');

    // And after a reload, the whole app.
    await page.reload();
    await appReady(page);
    expect(await page.locator('.menubar [role="menuitem"]').first().textContent()).toBe('Fichier');
    await clickDevice(page, 'PC1');
    await page.locator('.console .xterm').click();
    await typeLines(page, 'ping 192.168.10.11');
    await expect.poll(() => consoleText(page), { timeout: 20_000 }).toContain('Reply from 192.168.10.11');
    await context.close();
  });
});
