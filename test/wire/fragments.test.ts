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
import {
  ETHERNET_MTU,
  fragment,
  Reassembly,
  type ReassemblyHost,
} from '../../src/engine/device/fragments.ts';
import { pcapFile } from '../../src/engine/pcap.ts';
import { type EventTarget, Scheduler } from '../../src/engine/sim/scheduler.ts';
import { Timer } from '../../src/engine/sim/timer.ts';
import { ETHERTYPE_IPV4, encodeFrame } from '../../src/engine/wire/ethernet.ts';
import type { Ipv4Packet } from '../../src/engine/wire/ipv4.ts';
import { encodeIpv4, NO_OPTIONS } from '../../src/engine/wire/ipv4.ts';
import { windowsPingData } from '../../src/engine/wire/ping-data.ts';
import { micros } from '../../src/shared/time.ts';
import { ip, mac, toHex } from './hex.ts';

/** A stack for a reassembly to work for, on a clock of its own; it keeps what timed out. */
class Host implements ReassemblyHost {
  private readonly sched = new Scheduler({
    at: () => {
      throw new Error('no frames here');
    },
  });
  readonly timedOut: Ipv4Packet[] = [];
  get now(): number {
    return this.sched.now;
  }
  timer(target: EventTarget, code: number): Timer {
    return new Timer(this.sched, target, code);
  }
  reassemblyTimedOut(first: Ipv4Packet): void {
    this.timedOut.push(first);
  }
  /** Runs the clock to `t` microseconds. */
  at(t: number): this {
    this.sched.runUntil(t, Number.POSITIVE_INFINITY);
    return this;
  }
}

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
        const r = new Reassembly(60e6, new Host());
        const results = order.map((f) => r.add(f));
        const whole = results.find((x) => x !== null);
        expect(results.filter((x) => x !== null)).toHaveLength(1);
        expect(encodeIpv4(whole!)).toEqual(encodeIpv4(p));
      }),
    );
  });

  it('waits for a missing fragment, and forgets the datagram after the timeout', () => {
    const [a, b, c] = fragment(echo(4000), ETHERNET_MTU);
    const host = new Host();
    const r = new Reassembly(60e6, host);
    expect(r.add(a!)).toBeNull();
    expect(r.add(c!)).toBeNull();
    expect(host.at(2e6) && r.add(b!)).not.toBeNull();
    expect(host.at(3e6) && r.add(a!)).toBeNull();
    expect(host.at(70e6) && r.add(c!)).toBeNull();
    // The first piece came at 3 s: by 70 s it is gone, and b alone completes nothing.
    expect(r.add(b!)).toBeNull();
  });

  it('tells the source when a datagram times out, only if its first fragment came', () => {
    const [a, b, c] = fragment(echo(4000), ETHERNET_MTU);
    const [, y, z] = fragment(echo(4000, 0x4321), ETHERNET_MTU);
    const host = new Host();
    const r = new Reassembly(60e6, host);
    r.add(a!);
    r.add(c!);
    host.at(1e6);
    r.add(y!);
    r.add(z!);
    // Due at 60 s (the first datagram's first fragment came at 0), not before.
    host.at(60e6 - 1);
    expect(host.timedOut).toEqual([]);
    host.at(60e6);
    expect(host.timedOut).toEqual([a]);
    // The second one had no first fragment: it goes at 61 s without a word.
    host.at(200e6);
    expect(host.timedOut).toEqual([a]);
    // Nothing is left to complete: b alone starts a datagram of its own.
    expect(r.add(b!)).toBeNull();
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
