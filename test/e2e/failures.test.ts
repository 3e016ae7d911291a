/**
 * When parts of Trame fail: a simulator that cannot load is said so (in the user's language)
 * instead of "Starting the simulator…" for ever, and a console that cannot load says so too.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appReady, clickDevice, openSite, type Site } from './harness.ts';

describe('failures', () => {
  let site: Site;
  beforeAll(async () => {
    site = await openSite();
  });
  afterAll(async () => {
    await site?.close();
  });

  it('says the simulator could not start when its script does not load', async () => {
    const { page, context } = await site.newPage({ locale: 'fr-FR' });
    await page.route('**/sim.worker-*.js', (route) => route.abort());
    await page.goto(site.url);
    const notice = page.locator('.notice');
    await expect
      .poll(() => notice.textContent(), { timeout: 10_000 })
      .toContain('Le simulateur s’est arrêté et ne peut pas continuer.');
    expect(await notice.getByRole('button', { name: 'Recharger' }).count()).toBe(1);
    expect(await page.locator('.loading').count()).toBe(0);
    await context.close();
  });

  it('says the console could not be loaded instead of opening it for ever', async () => {
    const { page, context } = await site.newPage();
    await page.route('**/console-dock-*', (route) => route.abort());
    await page.goto(site.url);
    await appReady(page);
    await clickDevice(page, 'PC1');
    await expect
      .poll(() => page.locator('.console [role="alert"]').textContent())
      .toBe('The console could not be loaded. Check the network connection, then select the device again.');
    await context.close();
  });
});
