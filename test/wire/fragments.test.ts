/**
 * IPv4 fragmentation (RFC 791): the fragments' exact layout, reassembly whatever the order and
 * duplicates, and Wireshark putting our fragments back together without a warning.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ETHERNET_MTU, fragment, Reassembly } from '../../src/engine/device/fragments.ts';
import { pcapFile } from '../../src/engine/pcap.ts';
import { ETHERTYPE_IPV4, encodeFrame } from '../../src/engine/wire/ethernet.ts';
import type { Ipv4Packet } from '../../src/engine/wire/ipv4.ts';
import { encodeIpv4, NO_OPTIONS } from '../../src/engine/wire/ipv4.ts';
import { windowsPingData } from '../../src/engine/wire/ping-data.ts';
import { micros } from '../../src/shared/time.ts';
import { ip, mac, toHex } from './hex.ts';

const echo = (size: number, identification = 0x1234): Ipv4Packet => ({
  proto: 'ipv4',
  dst: ip('10.0.0.5'),
  src: ip('192.168.1.10'),
  ttl: 128,
  protocol: 1,
  payload: { proto: 'icmp', type: 8, code: 0, identifier: 1, sequence: 9, data: windowsPingData(size) },
  options: NO_OPTIONS,
  identification,
  dscp: 0,
  ecn: 0,
  dontFragment: false,
  moreFragments: false,
  fragmentOffset: 0,
});

const body = (p: Ipv4Packet): Uint8Array => encodeIpv4(p).subarray(20);
const rawBytes = (p: Ipv4Packet): Uint8Array =>
  p.payload.proto === 'raw' ? p.payload.bytes : new Uint8Array();

describe('IPv4 fragmentation', () => {
  it('cuts a 2,028-byte echo into 1,480 and 528 data bytes, offsets 0 and 185, as Windows sends it', () => {
    const p = echo(2000);
    const parts = fragment(p, ETHERNET_MTU);
    expect(parts.map((f) => [rawBytes(f).length, f.fragmentOffset, f.moreFragments])).toEqual([
      [1480, 0, true],
      [528, 185, false],
    ]);
    // Total length, identification, flags and offset of each header, byte for byte.
    expect(toHex(encodeIpv4(parts[0]!).subarray(2, 8))).toBe('05dc12342000');
    expect(toHex(encodeIpv4(parts[1]!).subarray(2, 8))).toBe('0224123400b9');
    // The pieces are the whole message, its ICMP checksum computed over all of it.
    expect(Buffer.concat(parts.map(rawBytes))).toEqual(Buffer.from(body(p)));
  });

  it('leaves a datagram that fits whole', () => {
    expect(fragment(echo(1472), ETHERNET_MTU)).toHaveLength(1);
  });

  it('puts fragments back together in any order, duplicates included, once the last byte is in', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1473, max: 20_000 }), fc.integer(), (size, seed) => {
        const p = echo(size);
        const parts = fragment(p, ETHERNET_MTU);
        // A shuffled order, with the first piece sent twice.
        const order = [...parts, parts[0]!]
          .map((f, i) => ({ f, k: Math.imul(i + 1, seed | 1) >>> 0 }))
          .sort((a, b) => a.k - b.k)
          .map((x) => x.f);
        const r = new Reassembly(60e6);
        const results = order.map((f) => r.add(f, 0));
        const whole = results.find((x) => x !== null);
        expect(results.filter((x) => x !== null)).toHaveLength(1);
        expect(encodeIpv4(whole!)).toEqual(encodeIpv4(p));
      }),
    );
  });

  it('waits for a missing fragment, and forgets the datagram after the timeout', () => {
    const [a, b, c] = fragment(echo(4000), ETHERNET_MTU);
    const r = new Reassembly(60e6);
    expect(r.add(a!, 0)).toBeNull();
    expect(r.add(c!, 1e6)).toBeNull();
    expect(r.add(b!, 2e6)).not.toBeNull();
    expect(r.add(a!, 3e6)).toBeNull();
    expect(r.add(c!, 70e6)).toBeNull();
    // The first piece came at 3 s: by 70 s it is gone, and b alone completes nothing.
    expect(r.add(b!, 70e6)).toBeNull();
  });
});

const TSHARK = '/usr/bin/tshark';
describe.runIf(existsSync(TSHARK))('tshark reassembles our fragments', () => {
  it('reads a 4,000-byte echo in three fragments as one ICMP echo request, without a warning', () => {
    const dir = mkdtempSync(join(tmpdir(), 'trame-frag-'));
    try {
      const file = join(dir, 'frag.pcap');
      const frames = fragment(echo(4000), ETHERNET_MTU).map(
        (payload, i) =>
          [
            micros(1000 * i),
            encodeFrame({
              dst: mac('00:00:0c:00:00:01'),
              src: mac('00:00:0c:00:00:02'),
              etherType: ETHERTYPE_IPV4,
              payload,
            }),
          ] as const,
      );
      writeFileSync(file, pcapFile(frames));
      const run = (...args: string[]) =>
        spawnSync(TSHARK, ['-r', file, '-o', 'ip.check_checksum:TRUE', ...args], { encoding: 'utf8' }).stdout;
      const verbose = run('-V');
      expect(verbose.split('\n').filter((l) => /Expert Info \((Warning|Error)\/|Malformed/i.test(l))).toEqual(
        [],
      );
      const rows = run(
        '-T',
        'fields',
        '-E',
        'separator=;',
        '-e',
        'ip.flags.mf',
        '-e',
        'ip.frag_offset',
        '-e',
        'icmp.type',
        '-e',
        'data.len',
      )
        .trim()
        .split('\n');
      // MF, offset (in 8-byte units), then on the last fragment the reassembled echo and its data.
      expect(rows).toEqual(['1;0;;1480', '1;185;;1480', '0;370;8;4000']);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
