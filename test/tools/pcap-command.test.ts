/**
 * `trame pcap` on the router-on-a-stick example: the capture tshark reads has no malformed
 * packet and no checksum warning, and what it decodes (VLAN ids on the trunk, ARP between
 * PCs and the subinterfaces, the echo crossing from VLAN 10 to VLAN 20 with one TTL less)
 * is what happened in the scenario.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { main } from '../../bin/trame.ts';

const TSHARK = '/usr/bin/tshark';
const haveTshark = existsSync(TSHARK);
if (!haveTshark) console.warn(`${TSHARK} not found: trame pcap is not checked (apt-get install -y tshark)`);

const FIELDS = [
  'frame.number',
  'vlan.id',
  'eth.src',
  'eth.dst',
  'arp.opcode',
  'arp.src.proto_ipv4',
  'arp.dst.proto_ipv4',
  'ip.src',
  'ip.dst',
  'ip.ttl',
  'ip.checksum.status',
  'icmp.type',
  'icmp.checksum.status',
  '_ws.malformed',
] as const;
type Row = Record<(typeof FIELDS)[number], string>;

function tshark(file: string, ...args: string[]): string {
  const r = spawnSync(TSHARK, ['-r', file, '-o', 'ip.check_checksum:TRUE', ...args], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`tshark failed (${r.status}): ${r.stderr}`);
  return r.stdout;
}

const silentIo = (out: string[]) => ({
  out: (t: string) => void out.push(t),
  err: (t: string) => void out.push(t),
  readStdin: async () => '',
});

describe.runIf(haveTshark)('trame pcap on a router-on-a-stick network', () => {
  const dir = haveTshark ? mkdtempSync(join(tmpdir(), 'trame-pcap-')) : '';
  afterAll(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('writes a capture tshark decodes cleanly and that matches the scenario', async () => {
    const script = join(dir, 'script.txt');
    const capture = join(dir, 'capture.pcap');
    writeFileSync(script, 'PC1: ping -n 2 192.168.20.10\n');
    const log: string[] = [];
    const status = await main(
      ['pcap', 'examples/small-office.json', '--script', script, '--out', capture],
      silentIo(log),
    );
    expect(status, log.join('\n')).toBe(0);
    expect(log.join('\n')).toMatch(/capture\.pcap: \d+ frames/);

    const verbose = tshark(capture, '-V');
    const warnings = verbose
      .split('\n')
      .filter((l) => /Expert Info \((Warning|Error)\/|Malformed|incorrect/i.test(l));
    expect(warnings).toEqual([]);

    const rows: Row[] = tshark(
      capture,
      '-T',
      'fields',
      '-E',
      'separator=\t',
      '-E',
      'aggregator=,',
      ...FIELDS.flatMap((f) => ['-e', f]),
    )
      .split('\n')
      .filter((l) => l !== '')
      .map((l) => Object.fromEntries(l.split('\t').map((v, k) => [FIELDS[k], v])) as Row);
    expect(rows.every((r) => r['_ws.malformed'] === '')).toBe(true);

    // Tags appear only on the trunk to the router, with the VLAN of each side.
    const tagged = rows.filter((r) => r['vlan.id'] !== '');
    expect(new Set(tagged.map((r) => r['vlan.id']))).toEqual(new Set(['10', '20']));

    // PC1 asks for its gateway, the router asks for the guest PC in VLAN 20.
    const arpRequests = rows.filter((r) => r['arp.opcode'] === '1');
    expect(
      arpRequests.some(
        (r) => r['arp.src.proto_ipv4'] === '192.168.10.10' && r['arp.dst.proto_ipv4'] === '192.168.10.1',
      ),
    ).toBe(true);
    expect(
      arpRequests.some(
        (r) =>
          r['arp.src.proto_ipv4'] === '192.168.20.1' &&
          r['arp.dst.proto_ipv4'] === '192.168.20.10' &&
          r['vlan.id'] === '20',
      ),
    ).toBe(true);
    expect(rows.some((r) => r['arp.opcode'] === '2' && r['arp.src.proto_ipv4'] === '192.168.20.10')).toBe(
      true,
    );

    // The echo leaves PC1 with TTL 128 in VLAN 10 and reaches VLAN 20 routed, TTL 127.
    const requests = rows.filter((r) => r['icmp.type'] === '8' && r['ip.src'] === '192.168.10.10');
    expect(requests.some((r) => r['vlan.id'] === '10' && r['ip.ttl'] === '128')).toBe(true);
    expect(requests.some((r) => r['vlan.id'] === '20' && r['ip.ttl'] === '127')).toBe(true);
    const replies = rows.filter((r) => r['icmp.type'] === '0' && r['ip.src'] === '192.168.20.10');
    expect(replies.length).toBeGreaterThan(0);
    for (const r of rows.filter((x) => x['ip.src'] !== '')) {
      expect(r['ip.checksum.status']).toMatch(/^1(,1)*$/);
      expect(r['icmp.checksum.status']).toMatch(/^1(,2)?$/);
    }
  });
});
