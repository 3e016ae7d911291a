/**
 * DNS settings between the document, the consoles and the engine: commands reconfigure the
 * host, undo brings the previous settings back, and addressing typed at a console keeps them.
 */
import { describe, expect, it, vi } from 'vitest';
import { deviceOf } from '../../src/model/document.ts';
import { Session } from '../../src/session/session.ts';
import type { HostConfig } from '../../src/shared/config.ts';
import { parseIpv4 } from '../../src/shared/ipv4.ts';

const addr = (text: string) => parseIpv4(text)!;
const WWW = { name: 'www.example.com', type: 'A', address: '10.0.0.80' } as const;

function lab() {
  const s = new Session();
  const file = {
    version: 1,
    devices: [
      { name: 'PC1', kind: 'pc', at: [0, 0], ip: '10.0.0.10/24', gateway: '10.0.0.1', dns: '10.0.0.53' },
      { name: 'DNS1', kind: 'server', at: [100, 0], ip: '10.0.0.53/24', dnsRecords: [WWW] },
    ],
    links: [['PC1:Fa0', 'DNS1:Fa0']],
  };
  expect(s.load(JSON.stringify(file)).problems).toEqual([]);
  const pc = s.findDevice('PC1')!;
  const server = s.findDevice('DNS1')!;
  const configured = vi.spyOn(s.simulation, 'configureHost');
  /** The configuration the engine was last given for a device. */
  const lastConfig = (id: string): HostConfig | undefined =>
    configured.mock.calls.filter(([d]) => d === id).at(-1)?.[1];
  return { s, pc, server, lastConfig };
}

describe('DNS settings in the session', () => {
  it('reconfigure the host when a command changes them, and again on undo', () => {
    const { s, pc, lastConfig } = lab();
    expect(s.dispatch({ type: 'setHostDns', id: pc, dns: ['10.0.0.54', '10.0.1.53'] }).ok).toBe(true);
    expect(lastConfig(pc)).toEqual({
      ip: { addr: addr('10.0.0.10'), len: 24 },
      gateway: addr('10.0.0.1'),
      dns: [addr('10.0.0.54'), addr('10.0.1.53')],
    });
    s.undo();
    expect(lastConfig(pc)?.dns).toEqual([addr('10.0.0.53')]);
    expect(s.save()).toContain('"dns": "10.0.0.53"');
  });

  it("start, change and stop a server's DNS service", () => {
    const { s, server, lastConfig } = lab();
    const cname = { name: 'web.example.com', type: 'CNAME', target: 'www.example.com' } as const;
    expect(s.dispatch({ type: 'setDnsRecords', id: server, records: [WWW, cname] }).ok).toBe(true);
    expect(lastConfig(server)?.dnsRecords).toEqual([
      { name: 'www.example.com', type: 'A', address: addr('10.0.0.80') },
      cname,
    ]);
    expect(s.dispatch({ type: 'setDnsRecords', id: server }).ok).toBe(true);
    expect(lastConfig(server)).not.toHaveProperty('dnsRecords');
  });

  it('keep DNS servers and records when an address is typed at the console, with no undo step', () => {
    const { s, pc, server, lastConfig } = lab();
    s.exec(pc, 'ipconfig 10.0.0.20 255.255.255.0 10.0.0.1');
    expect(deviceOf(s.document(), pc)).toMatchObject({ ip: '10.0.0.20/24', dns: ['10.0.0.53'] });
    expect(lastConfig(pc)?.dns).toEqual([addr('10.0.0.53')]);
    s.exec(server, 'ipconfig 10.0.0.54 255.255.255.0');
    expect(deviceOf(s.document(), server)).toMatchObject({ ip: '10.0.0.54/24', dnsRecords: [WWW] });
    expect(lastConfig(server)?.dnsRecords).toHaveLength(1);
    expect(s.undo()).toEqual({ ok: true, patches: [] });
  });

  it('write DNS servers set at a console, and keep them and the records when the address changes', () => {
    const { s, pc, server, lastConfig } = lab();
    const ip = { addr: addr('10.0.0.30'), len: 24 };
    s.exec(pc, 'ipconfig 10.0.0.30 255.255.255.0');
    s.exec(pc, 'netsh interface ip set dns FastEthernet0 static 10.0.0.54');
    expect(deviceOf(s.document(), pc)).toEqual(
      expect.objectContaining({ ip: '10.0.0.30/24', dns: ['10.0.0.54'] }),
    );
    expect(deviceOf(s.document(), pc)).not.toHaveProperty('gateway');
    expect(lastConfig(pc)).toEqual({ ip, dns: [addr('10.0.0.54')] });
    s.exec(pc, 'netsh interface ip delete dns FastEthernet0 all');
    expect(deviceOf(s.document(), pc)).not.toHaveProperty('dns');
    expect(lastConfig(pc)).toEqual({ ip });
    // A console does not edit the DNS service: the records stay the document's.
    s.exec(server, 'netsh interface ip set address FastEthernet0 dhcp');
    expect(deviceOf(s.document(), server)).toMatchObject({ ip: 'dhcp', dnsRecords: [WWW] });
    expect(lastConfig(server)).toMatchObject({
      dhcp: true,
      dnsRecords: [expect.objectContaining({ name: WWW.name })],
    });
    expect(s.undo()).toEqual({ ok: true, patches: [] });
  });
});
