/**
 * DNS in the built app: a PC's DNS server typed in its IP Configuration form, and a server's
 * DNS service turned on with a record, both saved in the network file.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clickDevice, type OpenApp, openApp, probe, streamText } from './harness.ts';

describe('DNS settings in Chromium', () => {
  let app: OpenApp;

  beforeAll(async () => {
    app = await openApp();
  });
  afterAll(async () => {
    await app?.close();
  });

  /** The network file Ctrl+S downloads. */
  const saved = async () => {
    const { page } = app;
    await page.locator('.canvas-host').focus();
    const [download] = await Promise.all([page.waitForEvent('download'), page.keyboard.press('Control+s')]);
    return JSON.parse(await streamText(await download.createReadStream())) as {
      devices: { name: string; kind: string; dns?: unknown; dnsRecords?: unknown }[];
    };
  };

  it("sets a PC's DNS server in its IP configuration form", async () => {
    const { page } = app;
    await clickDevice(page, 'PC1');
    const form = page.locator('form[aria-labelledby="ipform-title"]');
    const dns = form.getByLabel('DNS server', { exact: true });
    await dns.fill('192.168.10.53');
    await form.getByRole('button', { name: 'Apply' }).click();
    await expect.poll(() => page.locator('.toast').last().textContent()).toContain('IP configuration saved.');
    await expect
      .poll(() => form.getByLabel('DNS server', { exact: true }).inputValue())
      .toBe('192.168.10.53');
    const pc1 = (await saved()).devices.find((d) => d.name === 'PC1');
    expect(pc1?.dns).toBe('192.168.10.53');
  });

  it('explains a malformed DNS server beside the field and changes nothing', async () => {
    const { page } = app;
    const form = page.locator('form[aria-labelledby="ipform-title"]');
    await form.getByLabel('DNS server', { exact: true }).fill('192.168.10');
    await form.getByRole('button', { name: 'Apply' }).click();
    await expect
      .poll(() => page.locator('#ip-dns-error').textContent())
      .toContain('192.168.10 is not an IPv4');
    expect(await form.getByLabel('DNS server', { exact: true }).getAttribute('aria-invalid')).toBe('true');
    expect((await saved()).devices.find((d) => d.name === 'PC1')?.dns).toBe('192.168.10.53');
  });

  it("turns on a new server's DNS service and adds an A record with the keyboard", async () => {
    const { page } = app;
    await page.locator('.palette-item[data-kind="server"]').focus();
    await page.keyboard.press('Enter');
    await expect.poll(async () => (await probe(page)).devices).toBe(6);
    const name = (await page.locator('.details h2').textContent())!.trim();
    const service = page.locator('section[aria-labelledby="dnsform-title"]');
    await expect.poll(() => service.textContent()).toContain('This server answers no DNS queries.');
    await service.getByLabel('On', { exact: true }).check();
    await expect.poll(() => service.textContent()).toContain('No records yet.');
    await service.getByLabel('Name', { exact: true }).fill('www.example.com');
    await service.getByLabel('Type', { exact: true }).selectOption('A');
    await service.getByLabel('IPv4 address', { exact: true }).fill('192.168.10.80');
    await service.getByLabel('IPv4 address', { exact: true }).press('Enter');
    const rows = service.locator('table.records tbody tr');
    await expect.poll(() => rows.count()).toBe(1);
    expect(await rows.first().textContent()).toContain('www.example.com');
    expect(
      await service.getByRole('button', { name: 'Remove the A record of www.example.com' }).count(),
    ).toBe(1);
    const server = (await saved()).devices.find((d) => d.name === name);
    expect(server).toMatchObject({
      kind: 'server',
      dnsRecords: [{ name: 'www.example.com', type: 'A', address: '192.168.10.80' }],
    });
  });

  it('shows why the simulator refuses a CNAME beside an A record, and keeps the records', async () => {
    const { page } = app;
    const service = page.locator('section[aria-labelledby="dnsform-title"]');
    await service.getByLabel('Name', { exact: true }).fill('www.example.com');
    await service.getByLabel('Type', { exact: true }).selectOption('CNAME');
    await service.getByLabel('Alias of', { exact: true }).fill('web.example.com');
    await service.getByRole('button', { name: 'Add', exact: true }).click();
    await expect.poll(() => page.locator('.toast.error').last().textContent()).toContain('RFC 1034');
    expect(await service.locator('table.records tbody tr').count()).toBe(1);
  });

  it('has no page errors', () => {
    expect(app.errors).toEqual([]);
  });
});
