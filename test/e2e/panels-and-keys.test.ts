/**
 * The details panel and the keyboard: lights that change under a half-filled form leave it as
 * it is, single-key shortcuts act only on the canvas, and rebuilding the menus leaves nothing
 * behind on the page.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appReady, clickDevice, openSite, probe, type Site, typeLines } from './harness.ts';

/** Listeners of `type` on the document, as the browser's developer tools count them. */
async function documentListeners(page: Page, type: string): Promise<number> {
  const cdp = await page.context().newCDPSession(page);
  const { result } = await cdp.send('Runtime.evaluate', { expression: 'document' });
  const { listeners } = await cdp.send('DOMDebugger.getEventListeners', { objectId: result.objectId! });
  await cdp.detach();
  return listeners.filter((l) => l.type === type).length;
}

describe('panels and keys', () => {
  let site: Site;
  let page: Page;
  let errors: string[];
  beforeAll(async () => {
    site = await openSite();
    ({ page, errors } = await site.newPage());
    await page.goto(site.url);
    await appReady(page);
  });
  afterAll(async () => {
    await site?.close();
  });

  it('keeps what was typed and chosen in the forms while lights and configuration change', async () => {
    await clickDevice(page, 'R1');
    await expect.poll(() => page.locator('.console header').textContent()).toContain('R1');
    await page.locator('#device-name').fill('R1-edge');
    await page.locator('#connect-from').selectOption('GigabitEthernet0/2');
    await page.locator('#connect-to-port').selectOption('FastEthernet0/9');
    const g00 = page.locator('.details table.ports tbody tr').first();
    const kept = async (): Promise<void> => {
      expect(await page.locator('#device-name').inputValue()).toBe('R1-edge');
      expect(await page.locator('#connect-from').inputValue()).toBe('GigabitEthernet0/2');
      expect(await page.locator('#connect-to-port').inputValue()).toBe('FastEthernet0/9');
    };

    await page.locator('.console .xterm').click();
    await typeLines(page, 'enable', 'configure terminal', 'interface g0/0', 'shutdown');
    await expect.poll(() => g00.innerHTML()).toContain('dot red');
    await kept();
    await typeLines(page, 'no shutdown');
    await expect.poll(() => g00.innerHTML()).toContain('dot green');
    await kept();
    // Applied, the form has nothing left to keep: the panel shows the document again.
    await page.locator('#device-name').fill('Edge');
    await page.locator('#device-name').press('Enter');
    await expect.poll(() => page.locator('.details h2').textContent()).toBe('Edge');
    await page.locator('.canvas-host').focus();
    await page.keyboard.press('Control+z');
    await expect.poll(() => page.locator('.details h2').textContent()).toBe('R1');
    expect(await page.locator('#device-name').inputValue()).toBe('R1');
  });

  it('leaves Backspace, Delete and tool keys to the focused button; the canvas gets them', async () => {
    await clickDevice(page, 'PC1');
    await expect.poll(() => page.locator('.details h2').textContent()).toBe('PC1');
    const rename = page.getByRole('button', { name: 'Rename' });
    await rename.focus();
    for (const key of ['Backspace', 'Delete', 'c', 'h']) await page.keyboard.press(key);
    expect(await page.locator('.canvas-host').getAttribute('data-tool')).toBe('select');
    expect((await probe(page)).devices).toBe(5);
    expect(await page.locator('.details h2').textContent()).toBe('PC1');

    await page.locator('.canvas-host').focus();
    await page.keyboard.press('c');
    await expect.poll(() => page.locator('.canvas-host').getAttribute('data-tool')).toBe('cable');
    await page.keyboard.press('v');
    await expect.poll(() => page.locator('.canvas-host').getAttribute('data-tool')).toBe('select');
    await page.keyboard.press('Backspace');
    await expect.poll(async () => (await probe(page)).devices).toBe(4);
  });

  it('listens for clicks outside the menus only while one is open', async () => {
    const before = await documentListeners(page, 'pointerdown');
    // Each of these rebuilds the menu bar.
    const choose = async (menu: string, item: string): Promise<void> => {
      await page.getByRole('menuitem', { name: menu, exact: true }).click();
      await page.locator('.menu-list.open').getByText(item, { exact: true }).click();
    };
    await choose('View', 'Dark theme');
    await choose('View', 'Dark theme');
    await choose('View', 'Français');
    await expect.poll(() => page.locator('.menubar [role="menuitem"]').first().textContent()).toBe('Fichier');
    await choose('Affichage', 'English');
    await expect.poll(() => page.locator('.menubar [role="menuitem"]').first().textContent()).toBe('File');
    expect(await documentListeners(page, 'pointerdown')).toBe(before);
    await page.getByRole('menuitem', { name: 'Edit' }).click();
    expect(await documentListeners(page, 'pointerdown')).toBe(before + 1);
    await page.locator('.statusbar').click();
    await expect.poll(() => page.locator('.menu-list.open').count()).toBe(0);
    expect(await documentListeners(page, 'pointerdown')).toBe(before);
    expect(errors).toEqual([]);
  });
});
