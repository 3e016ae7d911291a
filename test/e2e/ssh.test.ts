/**
 * An SSH session from a PC's console in the app: OpenSSH's host key question and password
 * prompt are the client's own, which the terminal must not echo, then the router's shell.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clickDevice, consoleText, type OpenApp, openApp, typeLines } from './harness.ts';

describe('SSH in Chromium', () => {
  let app: OpenApp;
  beforeAll(async () => {
    app = await openApp();
  }, 60_000);
  afterAll(async () => {
    await app.close();
  });
  it("logs PC1 in to R1 over SSH, after the router's key and an unechoed password", async () => {
    const { page } = app;
    await clickDevice(page, 'R1');
    const terminal = page.locator('.console .xterm');
    await terminal.waitFor();
    await terminal.click();
    await typeLines(
      page,
      'enable',
      'configure terminal',
      'ip domain-name lab.local',
      'crypto key generate rsa general-keys modulus 1024',
      'username admin privilege 15 secret Str0ngPass',
      'line vty 0 4',
      'transport input ssh',
      'login local',
      'end',
    );
    await expect
      .poll(async () => (await consoleText(page)).trimEnd())
      .toMatch(/login local.*CONFIG_I.*R1#$/s);
    await clickDevice(page, 'PC1');
    await expect.poll(() => page.locator('.console header').textContent()).toContain('PC1');
    await page.locator('.console .xterm').click();
    await typeLines(page, 'ssh admin@192.168.10.1');
    await expect.poll(async () => (await consoleText(page)).trimEnd()).toMatch(/\(yes\/no\)\?$/);
    await typeLines(page, 'yes');
    await expect.poll(async () => (await consoleText(page)).trimEnd()).toMatch(/password:$/);
    await typeLines(page, 'Str0ngPass');
    await expect.poll(async () => (await consoleText(page)).trimEnd()).toMatch(/R1#$/);
    expect(await consoleText(page)).not.toContain('Str0ngPass');
    await typeLines(page, 'show users');
    await expect.poll(() => consoleText(page)).toMatch(/\*\s+2 vty 0\s+admin\s+idle/);
    await typeLines(page, 'exit');
    await expect.poll(() => consoleText(page)).toContain('Connection to 192.168.10.1 closed.');
    await expect.poll(async () => (await consoleText(page)).trimEnd()).toMatch(/C:\\>$/);
    expect(app.errors).toEqual([]);
  }, 60_000);
});
