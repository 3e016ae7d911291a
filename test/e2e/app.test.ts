/**
 * The built app in a real browser: it opens on the example network, draws it, and lets a
 * student work with it as they would with the mouse and keyboard.
 */
import { mkdirSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  autosavedDevices,
  clickDevice,
  consoleText,
  lightsAt,
  type OpenApp,
  openApp,
  type Probe,
  paintedPixels,
  probe,
  statusTime,
  streamText,
  typeLines,
} from './harness.ts';

describe('Trame in Chromium', () => {
  let app: OpenApp;

  beforeAll(async () => {
    app = await openApp();
  });
  afterAll(async () => {
    await app?.close();
  });

  it('draws the example network on the canvas', async () => {
    const { page } = app;
    expect(await probe(page)).toMatchObject({ devices: 5, links: 4 });
    const { painted, total } = await paintedPixels(page);
    // Five 48-pixel icons, their names and four cables: thousands of pixels, yet far from all.
    expect(painted).toBeGreaterThan(3000);
    expect(painted).toBeLessThan(total / 2);
    mkdirSync('test-results', { recursive: true });
    await page.screenshot({ path: 'test-results/app.png' });
  });

  it('renders nothing while idle', async () => {
    const { page } = app;
    const before = (await probe(page)).frames;
    // Two ticks of the realtime clock: time goes by, and the canvas has nothing new to draw.
    for (let tick = 0; tick < 2; tick++) {
      const time = await statusTime(page);
      await expect.poll(() => statusTime(page), { timeout: 5000 }).not.toBe(time);
    }
    expect((await probe(page)).frames).toBe(before);
  });

  it('zooms with the wheel about the pointer, and back', async () => {
    const { page } = app;
    const screenOf = (name: string) =>
      page.evaluate((n) => (window as unknown as { __trame: Probe }).__trame.screenOf(n)!, name);
    const zoom = () => page.locator('.statusbar span:last-of-type').textContent();
    const s1 = await screenOf('S1');
    const before = await zoom();
    await page.mouse.move(s1.x, s1.y);
    await page.mouse.wheel(0, -200);
    await expect.poll(zoom).not.toBe(before);
    // The switch under the pointer stays under it while the rest moves away from it.
    const after = await screenOf('S1');
    expect(Math.abs(after.x - s1.x) + Math.abs(after.y - s1.y)).toBeLessThan(1);
    const pc1Before = await screenOf('PC1');
    await page.mouse.wheel(0, 200);
    await expect.poll(zoom).toBe(before);
    const pc1 = await screenOf('PC1');
    expect(pc1Before.y - s1.y).toBeGreaterThan(pc1.y - s1.y);
  });

  it('selects a device clicked on the canvas and shows its ports', async () => {
    const { page } = app;
    const at = await page.evaluate(() => (window as unknown as { __trame: Probe }).__trame.screenOf('S1'));
    expect(at).toBeDefined();
    await page.mouse.click(at!.x, at!.y);
    await expect.poll(() => page.locator('.details h2').textContent()).toContain('S1');
    expect(await page.locator('.details table.ports tbody tr').count()).toBe(26);
  });

  it('places a router from the palette and undoes it with Ctrl+Z', async () => {
    const { page } = app;
    await page.locator('.palette-item[data-kind="router"]').click();
    const box = (await page.locator('.canvas-host').boundingBox())!;
    await page.mouse.click(box.x + 80, box.y + 80);
    await expect.poll(async () => (await probe(page)).devices).toBe(6);
    await page.locator('.canvas-host').focus();
    await page.keyboard.press('Control+z');
    await expect.poll(async () => (await probe(page)).devices).toBe(5);
  });

  it('students ping from PC1 to PC2 in its console', async () => {
    const { page } = app;
    await page.locator('.canvas-host').focus();
    await page.keyboard.press('Escape');
    const at = await page.evaluate(() => (window as unknown as { __trame: Probe }).__trame.screenOf('PC1'));
    await page.mouse.click(at!.x, at!.y);
    const terminal = page.locator('.console .xterm');
    await terminal.waitFor();
    await terminal.click();
    await page.keyboard.type('ping 192.168.10.11');
    await page.keyboard.press('Enter');
    await expect
      .poll(() => page.locator('.console .xterm-rows').textContent(), { timeout: 20_000 })
      .toContain('Reply from 192.168.10.11');
    await page.screenshot({ path: 'test-results/ping.png' });
    // The replies come one by one as the clock runs, then the summary and the prompt.
    await expect
      .poll(() => page.locator('.console .xterm-rows').textContent(), { timeout: 20_000 })
      .toContain('Lost = 0 (0% loss)');
    // ping -t runs until Ctrl+C.
    await page.keyboard.type('ping -t 192.168.10.11');
    await page.keyboard.press('Enter');
    await expect
      .poll(
        async () =>
          ((await page.locator('.console .xterm-rows').textContent()) ?? '').split('Reply from').length,
        {
          timeout: 20_000,
        },
      )
      .toBeGreaterThan(7);
    // A line typed meanwhile waits, and runs once the prompt is back.
    await page.keyboard.type('hostname');
    await page.keyboard.press('Enter');
    await page.keyboard.press('Control+c');
    await expect
      .poll(
        async () => {
          const text = (await page.locator('.console .xterm-rows').textContent()) ?? '';
          const stopped = text.lastIndexOf('Control-C');
          return stopped >= 0 && text.indexOf('C:\\>hostnamePC1', stopped) > stopped;
        },
        { timeout: 20_000 },
      )
      .toBe(true);
  });

  it('shutting a router port down in its console turns the cable lights red, then back green', async () => {
    const { page } = app;
    const at = await page.evaluate(() => (window as unknown as { __trame: Probe }).__trame.screenOf('R1'));
    await page.mouse.click(at!.x, at!.y);
    await expect.poll(() => page.locator('.console header').textContent()).toContain('R1');
    await page.locator('.console .xterm').click();
    for (const line of ['enable', 'configure terminal', 'interface g0/0', 'shutdown', 'end']) {
      await page.keyboard.type(line);
      await page.keyboard.press('Enter');
    }
    await expect.poll(() => page.locator('.console .xterm-rows').textContent()).toContain('R1#');
    await expect
      .poll(() => page.locator('.details table.ports tbody tr').first().innerHTML())
      .toContain('dot red');
    // In the console Ctrl+Z is IOS's "end", not the editor's Undo.
    await page.keyboard.press('Control+z');
    await expect.poll(() => page.locator('.console .xterm-rows').textContent()).toContain('^Z');
    expect(await page.locator('.details table.ports tbody tr').first().innerHTML()).toContain('dot red');
    for (const line of ['configure terminal', 'interface g0/0', 'no shutdown', 'end']) {
      await page.keyboard.type(line);
      await page.keyboard.press('Enter');
    }
    await expect
      .poll(() => page.locator('.details table.ports tbody tr').first().innerHTML())
      .toContain('dot green');
    // The switch's end is amber while spanning tree listens and learns, 30 s, then green.
    await expect
      .poll(() => lightsAt(page, 'R1', 'GigabitEthernet0/0'))
      .toEqual({ here: 'green', there: 'amber' });
    await expect
      .poll(() => lightsAt(page, 'R1', 'GigabitEthernet0/0'), { timeout: 45_000 })
      .toEqual({ here: 'green', there: 'green' });
  });

  it('saves the network file with Ctrl+S', async () => {
    const { page } = app;
    await page.locator('.canvas-host').focus();
    const [download] = await Promise.all([page.waitForEvent('download'), page.keyboard.press('Control+s')]);
    expect(download.suggestedFilename()).toBe('small-office.json');
    const file = JSON.parse(await streamText(await download.createReadStream()));
    expect(file.devices.map((d: { name: string }) => d.name)).toEqual(['R1', 'S1', 'PC1', 'PC2', 'Guest']);
    expect(file.links).toHaveLength(4);
  });

  it('cables a new PC to the switch with the automatic cable', async () => {
    const { page } = app;
    await page.locator('.palette-item[data-kind="pc"]').focus();
    await page.keyboard.press('Enter');
    await expect.poll(async () => (await probe(page)).devices).toBe(6);
    const name = (await page.locator('.details h2').textContent())!.trim();
    await page.locator('.palette-item[data-cable="auto"]').click();
    const scene = (n: string) =>
      page.evaluate((x) => (window as unknown as { __trame: Probe }).__trame.screenOf(x), n);
    const pc = (await scene(name))!;
    await page.mouse.click(pc.x, pc.y);
    const s1 = (await scene('S1'))!;
    await page.mouse.click(s1.x, s1.y);
    await expect.poll(async () => (await probe(page)).links).toBe(5);
    const again = (await scene('S1'))!;
    await page.mouse.click(again.x, again.y);
    await expect
      .poll(() => page.locator('.details table.ports tbody tr:nth-child(4)').textContent())
      .toContain(name);
  });

  it('sets a PC to obtain its address by DHCP in its IP configuration form', async () => {
    const { page } = app;
    await clickDevice(page, 'Guest');
    const form = page.locator('form[aria-labelledby="ipform-title"]');
    await form.locator('#ip-mode-dhcp').check();
    await expect.poll(() => form.locator('#ip-ip').isDisabled()).toBe(true);
    await form.locator('button[type="submit"]').click();
    await page.locator('.console .xterm').click();
    await typeLines(page, 'ipconfig /all');
    await expect
      .poll(() => consoleText(page), { timeout: 20_000 })
      .toContain('DHCP Enabled. . . . . . . . . . . : Yes');
  });

  it('lights a cable to a shut router port red, and green after `no shutdown`', async () => {
    const { page } = app;
    await page.locator('.palette-item[data-kind="pc"]').focus();
    await page.keyboard.press('Enter');
    await expect.poll(async () => (await probe(page)).devices).toBe(7);
    const pc = (await page.locator('.details h2').textContent())!.trim();
    await page.locator('.palette-item[data-cable="auto"]').click();
    const scene = (n: string) =>
      page.evaluate((x) => (window as unknown as { __trame: Probe }).__trame.screenOf(x), n);
    const at = (await scene(pc))!;
    await page.mouse.click(at.x, at.y);
    const r1 = (await scene('R1'))!;
    await page.mouse.click(r1.x, r1.y);
    await expect.poll(async () => (await probe(page)).links).toBe(6);
    // The example ships R1's GigabitEthernet0/1 shut down: the router end is administratively
    // down and the PC's end has no link.
    await expect
      .poll(() => lightsAt(page, 'R1', 'GigabitEthernet0/1'))
      .toEqual({ here: 'red', there: 'red' });
    await page.mouse.click(r1.x, r1.y);
    await expect.poll(() => page.locator('.console header').textContent()).toContain('R1');
    await page.locator('.console .xterm').click();
    for (const line of ['configure terminal', 'interface g0/1', 'no shutdown']) {
      await page.keyboard.type(line);
      await page.keyboard.press('Enter');
    }
    await expect
      .poll(() => lightsAt(page, 'R1', 'GigabitEthernet0/1'))
      .toEqual({ here: 'green', there: 'green' });
    // The router says so on its console, as IOS does, then shows its prompt again.
    await expect
      .poll(() => consoleText(page))
      .toMatch(/%LINK-\d-\w+: Interface GigabitEthernet0\/1, changed state to up/);
    await page.keyboard.type('end');
    await page.keyboard.press('Enter');
    await expect.poll(() => consoleText(page)).toContain('%SYS-5-CONFIG_I');
    mkdirSync('test-results', { recursive: true });
    await page.screenshot({ path: 'test-results/lights.png' });
  });

  it('does not echo the password typed at the `enable` prompt', async () => {
    const { page } = app;
    for (const line of ['configure terminal', 'enable secret class', 'end', 'disable', 'enable']) {
      await page.keyboard.type(line);
      await page.keyboard.press('Enter');
    }
    await expect.poll(async () => (await consoleText(page)).trimEnd()).toMatch(/Password:$/);
    await page.keyboard.type('class');
    // Typed keys reach the simulator one after another; a prompt coming back shows they all did.
    await page.keyboard.press('Enter');
    await expect.poll(async () => (await consoleText(page)).trimEnd()).toMatch(/R1#$/);
    const text = await consoleText(page);
    const prompt = text.lastIndexOf('Password:');
    expect(text.slice(prompt, text.lastIndexOf('R1#'))).not.toContain('class');
  });

  it('opens a Telnet session from a PC to the router, password unechoed, until the router closes it', async () => {
    const { page } = app;
    for (const line of [
      'configure terminal',
      'line vty 0 4',
      'password cisco',
      'transport input telnet',
      'end',
    ])
      await typeLines(page, line);
    await expect
      .poll(async () => (await consoleText(page)).trimEnd())
      .toMatch(/transport input telnet.*CONFIG_I.*R1#$/s);
    await clickDevice(page, 'PC1');
    await expect.poll(() => page.locator('.console header').textContent()).toContain('PC1');
    await page.locator('.console .xterm').click();
    await typeLines(page, 'telnet 192.168.10.1');
    await expect.poll(async () => (await consoleText(page)).trimEnd()).toMatch(/Password:$/);
    await typeLines(page, 'cisco');
    await expect.poll(async () => (await consoleText(page)).trimEnd()).toMatch(/R1>$/);
    const text = await consoleText(page);
    expect(text.slice(text.lastIndexOf('Password:'))).not.toContain('cisco');
    await typeLines(page, 'show users');
    await expect.poll(() => consoleText(page)).toMatch(/\*\s+2 vty 0\s+idle\s+00:00:00 192\.168\.10\.10/);
    await typeLines(page, 'exit');
    await expect.poll(() => consoleText(page)).toContain('Connection to host lost.');
    await expect.poll(async () => (await consoleText(page)).trimEnd()).toMatch(/C:\\>$/);
    await clickDevice(page, 'R1');
    await expect.poll(() => page.locator('.console header').textContent()).toContain('R1');
    await page.locator('.console .xterm').click();
  });

  it('keeps the network across a reload (autosave)', async () => {
    const { page } = app;
    const before = (await probe(page)).devices;
    await page.locator('.palette-item[data-kind="switch"]:not([data-model])').focus();
    await page.keyboard.press('Enter');
    await expect.poll(async () => (await probe(page)).devices).toBe(before + 1);
    // The autosave waits for a pause in editing before it writes.
    await expect.poll(async () => (await autosavedDevices(page))?.length).toBe(before + 1);
    await page.reload();
    await page.waitForFunction(() => (window as unknown as { __trame?: Probe }).__trame?.ready === true);
    await expect.poll(async () => (await probe(page)).devices).toBe(before + 1);
  });

  it('logs no error in the page', () => {
    expect(app.errors).toEqual([]);
  });
});
