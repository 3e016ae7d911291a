/**
 * NTP at a router's console in the built app: `ntp master` runs in the worker's engine, `show
 * ntp associations` lists the local clock, and the line is saved in the network file.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clickDevice, consoleText, type OpenApp, openApp, streamText, typeLines } from './harness.ts';

describe('NTP in Chromium', () => {
  let app: OpenApp;

  beforeAll(async () => {
    app = await openApp();
  });
  afterAll(async () => {
    await app?.close();
  });

  it('makes R1 an NTP master at its console and saves the line', async () => {
    const { page } = app;
    await clickDevice(page, 'R1');
    await expect.poll(() => page.locator('.console header').textContent()).toContain('R1');
    await page.locator('.console .xterm').click();
    await typeLines(page, '', 'enable', 'show ntp status');
    await expect.poll(() => consoleText(page)).toContain('%NTP is not enabled.');
    await typeLines(page, 'configure terminal', 'ntp master 3', 'end', 'show ntp associations');
    // The local clock, one stratum above the master's, from the moment it is configured.
    await expect.poll(() => consoleText(page)).toMatch(/~127\.127\.1\.1 +\.LOCL\. +2 /);
    expect(await consoleText(page)).not.toContain('% Invalid input');

    await page.locator('.canvas-host').focus();
    const [download] = await Promise.all([page.waitForEvent('download'), page.keyboard.press('Control+s')]);
    const file = JSON.parse(await streamText(await download.createReadStream())) as {
      devices: { name: string; config?: string }[];
    };
    expect(file.devices.find((d) => d.name === 'R1')?.config).toContain('\nntp master 3\n');
  });
});
