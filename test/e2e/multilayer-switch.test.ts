/**
 * Placing a multilayer switch from the palette: it gets its own button, is named MLS1, is saved
 * as a 3560-24PS, and its console takes `ip routing`, a routed port, OSPF and rapid PVST+. In
 * French too.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appReady, consoleText, openSite, probe, type Site, streamText, typeLines } from './harness.ts';

const MULTILAYER = '.palette-item[data-kind="switch"][data-model="3560-24PS"]';
const SWITCH = '.palette-item[data-kind="switch"]:not([data-model])';

interface SavedDevice {
  name: string;
  kind: string;
  model?: string;
  config?: string;
}

/** The network file Ctrl+S downloads. */
async function savedFile(page: Page): Promise<{ devices: SavedDevice[] }> {
  await page.locator('.canvas-host').focus();
  const [download] = await Promise.all([page.waitForEvent('download'), page.keyboard.press('Control+s')]);
  return JSON.parse(await streamText(await download.createReadStream()));
}

describe('multilayer switch in the palette', () => {
  let site: Site;

  beforeAll(async () => {
    site = await openSite();
  });
  afterAll(async () => {
    await site?.close();
  });

  it('places MLS1 where clicked, saved as a 3560-24PS, whose console takes `ip routing`, OSPF and rapid PVST+', async () => {
    const { page, errors } = await site.newPage({ acceptDownloads: true });
    await page.goto(site.url);
    await appReady(page);
    const before = (await probe(page)).devices;

    const button = page.locator(MULTILAYER);
    expect((await button.textContent())?.trim()).toBe('Multilayer switch');
    // It comes right after the plain switch.
    expect(
      await page
        .locator('.palette-item[data-kind]')
        .evaluateAll((items) =>
          items.map((i) => `${i.getAttribute('data-kind')}/${i.getAttribute('data-model')}`),
        ),
    ).toEqual(['router/null', 'switch/null', 'switch/3560-24PS', 'pc/null', 'server/null']);
    await button.click();
    await expect.poll(() => button.getAttribute('aria-pressed')).toBe('true');
    expect(await page.locator(SWITCH).getAttribute('aria-pressed')).toBe('false');
    expect(await page.locator('.toolbar .hint').textContent()).toContain('Multilayer switch');

    const box = (await page.locator('.canvas-host').boundingBox())!;
    await page.mouse.click(box.x + 80, box.y + 80);
    await expect.poll(async () => (await probe(page)).devices).toBe(before + 1);
    await expect.poll(() => page.locator('.details h2').textContent()).toBe('MLS1');
    expect(await page.locator('.details').textContent()).toContain('Type: Multilayer switch');
    expect(await button.getAttribute('aria-pressed')).toBe('false');
    const at = await page.evaluate(() =>
      (window as unknown as { __trame: { screenOf(n: string): unknown } }).__trame.screenOf('MLS1'),
    );
    expect(at).toBeDefined();

    // The new device is selected, so its console is open.
    await page.locator('.console .xterm').click();
    await typeLines(page, 'enable', 'configure terminal', 'ip routing');
    // xterm's rows come joined: the line typed, then the next prompt, with nothing between.
    await expect
      .poll(async () => (await consoleText(page)).trimEnd())
      .toMatch(/MLS1\(config\)#ip routing\s*MLS1\(config\)#$/);
    expect(await consoleText(page)).not.toContain('% Invalid input');
    // A routed port: the address it refused as a switch port, it takes once routed.
    await typeLines(page, 'interface g0/2', 'no switchport', 'ip address 10.0.0.2 255.255.255.252');
    await expect
      .poll(async () => (await consoleText(page)).trimEnd())
      .toMatch(/MLS1\(config-if\)#ip address 10\.0\.0\.2 255\.255\.255\.252\s*MLS1\(config-if\)#$/);
    // Routing on, it runs OSPF as a router does.
    await typeLines(page, 'router ospf 1', 'network 10.0.0.0 0.0.0.3 area 0');
    await expect
      .poll(async () => (await consoleText(page)).trimEnd())
      .toMatch(/MLS1\(config-router\)#network 10\.0\.0\.0 0\.0\.0\.3 area 0\s*MLS1\(config-router\)#$/);
    // And rapid PVST+ for its switch ports.
    await typeLines(page, 'exit', 'spanning-tree mode rapid-pvst');
    await expect
      .poll(async () => (await consoleText(page)).trimEnd())
      .toMatch(/MLS1\(config\)#spanning-tree mode rapid-pvst\s*MLS1\(config\)#$/);
    await typeLines(page, 'end');
    await expect.poll(() => consoleText(page)).toContain('%SYS-5-CONFIG_I');

    const file = await savedFile(page);
    const mls = file.devices.find((d) => d.name === 'MLS1');
    expect(mls).toMatchObject({ kind: 'switch', model: '3560-24PS' });
    expect(mls?.config).toMatch(/^ip routing$/m);
    expect(mls?.config).toContain(
      'interface GigabitEthernet0/2\n no switchport\n ip address 10.0.0.2 255.255.255.252\n',
    );
    expect(mls?.config).toContain('router ospf 1\n network 10.0.0.0 0.0.0.3 area 0\n');
    expect(mls?.config).toMatch(/^spanning-tree mode rapid-pvst$/m);
    // The switches that were there are still plain ones.
    expect(file.devices.filter((d) => d.model !== undefined).map((d) => d.name)).toEqual(['MLS1']);
    expect(errors).toEqual([]);
  });

  it('places one from the keyboard, named in French, and undo takes it away', async () => {
    const { page, errors } = await site.newPage({ locale: 'fr-FR', acceptDownloads: true });
    await page.goto(site.url);
    await appReady(page);
    const before = (await probe(page)).devices;

    const button = page.locator(MULTILAYER);
    expect((await button.textContent())?.trim()).toBe('Commutateur multicouche');
    await button.focus();
    await page.keyboard.press('Enter');
    await expect.poll(async () => (await probe(page)).devices).toBe(before + 1);
    await expect.poll(() => page.locator('.details h2').textContent()).toBe('MLS1');
    expect(await page.locator('.details').textContent()).toContain('Type\u202f: Commutateur multicouche');
    await button.focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('.details h2').textContent()).toBe('MLS2');
    // The plain switch's button still places a plain switch.
    await page.locator(SWITCH).focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('.details h2').textContent()).toMatch(/^S\d+$/);
    const plain = (await page.locator('.details h2').textContent())!;
    expect(await page.locator('.details').textContent()).toContain('Type\u202f: Commutateur');
    expect(await page.locator('.details').textContent()).not.toContain('multicouche');

    const file = await savedFile(page);
    expect(file.devices.find((d) => d.name === 'MLS2')).toMatchObject({ model: '3560-24PS' });
    expect(file.devices.find((d) => d.name === plain)?.model).toBeUndefined();

    await page.locator('.canvas-host').focus();
    await page.keyboard.press('Control+z');
    await page.keyboard.press('Control+z');
    await expect.poll(async () => (await probe(page)).devices).toBe(before + 1);
    expect((await savedFile(page)).devices.map((d) => d.name)).toContain('MLS1');
    await page.keyboard.press('Control+y');
    await expect.poll(async () => (await probe(page)).devices).toBe(before + 2);
    expect((await savedFile(page)).devices.find((d) => d.name === 'MLS2')).toMatchObject({
      kind: 'switch',
      model: '3560-24PS',
    });
    expect(errors).toEqual([]);
  });
});
