/**
 * IPv6 at a router's console in the built app: the commands run in the worker's engine, `show
 * ipv6 interface brief` lists the addresses, the router pings its own address, and the lines
 * are saved in the network file.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clickDevice, consoleText, type OpenApp, openApp, streamText, typeLines } from './harness.ts';

describe('IPv6 in Chromium', () => {
  let app: OpenApp;

  beforeAll(async () => {
    app = await openApp();
  });
  afterAll(async () => {
    await app?.close();
  });

  it('addresses R1 for IPv6 at its console and saves the lines', async () => {
    const { page } = app;
    await clickDevice(page, 'R1');
    await expect.poll(() => page.locator('.console header').textContent()).toContain('R1');
    await page.locator('.console .xterm').click();
    await typeLines(
      page,
      '',
      'enable',
      'configure terminal',
      'ipv6 unicast-routing',
      'interface g0/0',
      'ipv6 address 2001:db8:acad:1::1/64',
      'end',
      'show ipv6 interface brief',
    );
    await expect
      .poll(() => consoleText(page))
      .toMatch(/GigabitEthernet0\/0 +\[up\/up\] +FE80::[0-9A-F:]+ +2001:DB8:ACAD:1::1/);
    await typeLines(page, 'ping 2001:db8:acad:1::1');
    await expect.poll(() => consoleText(page)).toContain('Success rate is 100 percent (5/5)');
    expect(await consoleText(page)).not.toContain('% Invalid input');

    await page.locator('.canvas-host').focus();
    const [download] = await Promise.all([page.waitForEvent('download'), page.keyboard.press('Control+s')]);
    const file = JSON.parse(await streamText(await download.createReadStream())) as {
      devices: { name: string; config?: string }[];
    };
    const config = file.devices.find((d) => d.name === 'R1')?.config ?? '';
    expect(config).toContain('\nipv6 unicast-routing\n');
    expect(config).toContain('\n ipv6 address 2001:DB8:ACAD:1::1/64\n');
  });
});
