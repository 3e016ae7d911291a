/**
 * A student's work is not lost: a kept network that no longer opens is set aside and offered
 * for download, replacing unsaved changes asks first, the file name survives a reload, and the
 * work is written at once when the page is hidden or left.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  appReady,
  autosavedDevices,
  openSite,
  probe,
  type Site,
  setVisible,
  statusTime,
  store,
  stored,
  streamText,
} from './harness.ts';

const TWO_PCS = `${JSON.stringify(
  {
    version: 1,
    devices: [
      { name: 'PC1', kind: 'pc', at: [100, 100], ip: '10.0.0.1/24' },
      { name: 'PC2', kind: 'pc', at: [300, 100], ip: '10.0.0.2/24' },
    ],
    links: [['PC1:FastEthernet0', 'PC2:FastEthernet0']],
  },
  null,
  2,
)}\n`;
const EXAMPLE = ['R1', 'S1', 'PC1', 'PC2', 'Guest'];

describe('a student’s work', () => {
  let site: Site;
  beforeAll(async () => {
    site = await openSite();
  });
  afterAll(async () => {
    await site?.close();
  });

  it('sets a kept network that no longer opens aside, offers it, and does not write over it', async () => {
    const { page, context } = await site.newPage({ locale: 'fr-FR', acceptDownloads: true });
    await page.goto(site.url);
    await appReady(page);
    await expect.poll(() => autosavedDevices(page)).toEqual(EXAMPLE);
    // What a later version of Trame might have kept.
    const kept = { text: '{"version": 99, "devices": [], "links": []}\n', name: 'vlans.json', unsaved: true };
    await store(page, kept);
    await page.reload();
    await appReady(page);
    expect((await probe(page)).devices).toBe(EXAMPLE.length);
    const notice = page.locator('.notice');
    await expect.poll(() => notice.textContent()).toContain('Votre dernier réseau (vlans.json)');
    expect(await stored(page, 'trame.network.unreadable')).toEqual(kept);
    // Two ticks of the realtime clock, well past the autosave's pause: the kept network stays.
    for (let tick = 0; tick < 2; tick++) {
      const time = await statusTime(page);
      await expect.poll(() => statusTime(page), { timeout: 5000 }).not.toBe(time);
    }
    expect(await stored(page)).toEqual(kept);
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      notice.getByRole('button', { name: 'Le télécharger' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('vlans.json');
    expect(await streamText(await download.createReadStream())).toBe(kept.text);
    // A change of the student's own is their work again.
    await page.locator('.palette-item[data-kind="switch"]:not([data-model])').focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => autosavedDevices(page)).toEqual([...EXAMPLE, 'S2']);
    await context.close();
  });

  it('asks before replacing unsaved changes, and keeps the file name across a reload', async () => {
    const { page, context, errors } = await site.newPage({ acceptDownloads: true });
    await page.goto(site.url);
    await appReady(page);
    const dialog = page.locator('dialog');
    const fileMenu = (): Promise<void> => page.getByRole('menuitem', { name: 'File' }).click();

    await page.locator('.palette-item[data-kind="router"]').focus();
    await page.keyboard.press('Enter');
    await expect.poll(async () => (await probe(page)).devices).toBe(6);

    // An example over unsaved changes: asked, and Cancel keeps them.
    await fileMenu();
    await page.getByRole('menuitem', { name: /Small office/ }).click();
    await expect.poll(() => dialog.textContent()).toContain('The changes to small-office.json are not saved');
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await expect.poll(() => dialog.count()).toBe(0);
    expect((await probe(page)).devices).toBe(6);

    // Open… : the file chosen, then asked; "Don't save" opens it.
    await fileMenu();
    const [chooser] = await Promise.all([
      page.waitForEvent('filechooser'),
      page.getByRole('menuitem', { name: 'Open…' }).click(),
    ]);
    await chooser.setFiles({
      name: 'two-pcs.json',
      mimeType: 'application/json',
      buffer: Buffer.from(TWO_PCS),
    });
    await dialog.getByRole('button', { name: "Don't save" }).click();
    await expect.poll(async () => (await probe(page)).devices).toBe(2);

    // Changed, kept, reloaded: still unsaved, and Save offers the name it was opened under.
    await page.locator('.palette-item[data-kind="server"]').focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => autosavedDevices(page)).toEqual(['PC1', 'PC2', 'Server1']);
    await page.reload();
    await appReady(page);
    await expect.poll(async () => (await probe(page)).devices).toBe(3);
    await page.locator('.canvas-host').focus();
    await page.keyboard.press('Control+Alt+n');
    await expect.poll(() => dialog.textContent()).toContain('The changes to two-pcs.json are not saved');
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      dialog.getByRole('button', { name: 'Save', exact: true }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('two-pcs.json');
    expect(JSON.parse(await streamText(await download.createReadStream())).devices).toHaveLength(3);
    // Saved, then New went on: an empty network.
    await expect.poll(async () => (await probe(page)).devices).toBe(0);

    // Nothing unsaved: an example opens without a question.
    await fileMenu();
    await page.getByRole('menuitem', { name: /Small office/ }).click();
    await expect.poll(async () => (await probe(page)).devices).toBe(EXAMPLE.length);
    expect(await dialog.count()).toBe(0);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('writes the work at once when the page is hidden or left, without waiting for the pause', async () => {
    const { page, context } = await site.newPage();
    await page.clock.install();
    await page.goto(site.url);
    await appReady(page);
    await expect.poll(() => autosavedDevices(page)).toEqual(EXAMPLE);
    // From here the page's timers stand still: the autosave's pause never ends on its own.
    await page.clock.pauseAt((await page.evaluate(() => Date.now())) + 1000);
    const place = async (name: string): Promise<void> => {
      await page.locator('.palette-item[data-kind="switch"]:not([data-model])').focus();
      await page.keyboard.press('Enter');
      await expect.poll(() => page.locator('.details h2').textContent()).toBe(name);
    };

    await place('S2');
    expect(await autosavedDevices(page)).toEqual(EXAMPLE);
    await setVisible(page, false);
    await expect.poll(() => autosavedDevices(page)).toEqual([...EXAMPLE, 'S2']);

    await place('S3');
    expect(await autosavedDevices(page)).toEqual([...EXAMPLE, 'S2']);
    await page.reload();
    await page.clock.resume();
    await appReady(page);
    await expect.poll(() => autosavedDevices(page)).toEqual([...EXAMPLE, 'S2', 'S3']);
    await expect.poll(async () => (await probe(page)).devices).toBe(EXAMPLE.length + 2);
    await context.close();
  });
});
