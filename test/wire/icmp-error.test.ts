import { describe, expect, it } from 'vitest';
import { decodeFrame, ETHERTYPE_IPV4, encodeFrame } from '../../src/engine/wire/ethernet.ts';
import type { IcmpError } from '../../src/engine/wire/icmp.ts';
import {
  decodeIcmp,
  encodeIcmp,
  ICMP_DEST_UNREACHABLE,
  ICMP_TIME_EXCEEDED,
  icmpLen,
  isIcmpError,
  UNREACH_HOST,
  UNREACH_PORT,
} from '../../src/engine/wire/icmp.ts';
import { icmpErrorFor, readQuote } from '../../src/engine/wire/icmp-error.ts';
import type { Ipv4Packet } from '../../src/engine/wire/ipv4.ts';
import { encodeIpv4, NO_OPTIONS } from '../../src/engine/wire/ipv4.ts';
import { windowsPingData } from '../../src/engine/wire/ping-data.ts';
import { concat, hex, ip, mac, toHex } from './hex.ts';

const datagram = (fields: Partial<Ipv4Packet> & Pick<Ipv4Packet, 'payload'>): Ipv4Packet => ({
  proto: 'ipv4',
  dscp: 0,
  ecn: 0,
  identification: 7,
  dontFragment: false,
  moreFragments: false,
  fragmentOffset: 0,
  ttl: 1,
  protocol: fields.payload.proto === 'udp' ? 17 : fields.payload.proto === 'icmp' ? 1 : 6,
  src: ip('192.168.1.10'),
  dst: ip('10.0.0.5'),
  options: NO_OPTIONS,
  ...fields,
});

const ping = datagram({
  payload: { proto: 'icmp', type: 8, code: 0, identifier: 1, sequence: 42, data: windowsPingData() },
});
const probe = datagram({
  payload: { proto: 'udp', srcPort: 49152, dstPort: 33435, data: new Uint8Array(12) },
});
const router = ip('192.168.1.1');

describe('icmpErrorFor', () => {
  it('rebuilds a captured time exceeded from the offending datagram', () => {
    // The router's "time exceeded in-transit" from the golden test, built from a typed datagram:
    // only its header and first 8 payload bytes are quoted, whatever the rest holds.
    const tcp = datagram({
      identification: 0,
      dontFragment: true,
      protocol: 6,
      src: ip('192.168.0.6'),
      dst: ip('172.58.122.191'),
      payload: { proto: 'raw', bytes: concat(hex('01bb 55b6 5c14 c98f'), new Uint8Array(59).fill(0x5a)) },
    });
    const error = icmpErrorFor(tcp, {
      type: ICMP_TIME_EXCEEDED,
      code: 0,
      src: ip('192.168.0.1'),
      ttl: 64,
      identification: 0x07cf,
    });
    expect(error).toBeDefined();
    const frame = encodeFrame({
      dst: mac('80:65:7c:e2:f4:9d'),
      src: mac('00:1c:73:00:00:99'),
      etherType: ETHERTYPE_IPV4,
      payload: error!,
    });
    expect(toHex(frame)).toBe(
      toHex(
        hex(`
          80 65 7c e2 f4 9d 00 1c 73 00 00 99 08 00 45 00 00 38 07 cf 00 00 40 01 f1 9e c0 a8 00 01 c0 a8
          00 06 0b 00 77 ea 00 00 00 00 45 00 00 57 00 00 40 00 01 06 91 f9 c0 a8 00 06 ac 3a 7a bf 01 bb
          55 b6 5c 14 c9 8f`),
      ),
    );
  });

  it('addresses the source, defaults to TTL 255 and identification 0, quotes header + 8 bytes', () => {
    const error = icmpErrorFor(probe, { type: ICMP_DEST_UNREACHABLE, code: UNREACH_HOST, src: router });
    expect(error).toMatchObject({ src: router, dst: probe.src, ttl: 255, identification: 0, protocol: 1 });
    const message = error!.payload as IcmpError;
    expect(message).toEqual({ proto: 'icmp', type: 3, code: UNREACH_HOST, rest: 0, original: probe });
    expect(icmpLen(message)).toBe(8 + 20 + 8);
    const wire = encodeIcmp(message);
    expect(toHex(wire.subarray(8))).toBe(toHex(encodeIpv4(probe).subarray(0, 28)));
  });

  it('quotes all of a datagram shorter than header + 8 bytes, and keeps options in the quote', () => {
    const tiny = datagram({ payload: { proto: 'raw', bytes: hex('010203') } });
    expect(icmpLen({ proto: 'icmp', type: 3, code: 2, rest: 0, original: tiny })).toBe(8 + 23);
    const withOptions = { ...probe, options: hex('94040000') }; // Router Alert
    const message = icmpErrorFor(withOptions, { type: ICMP_TIME_EXCEEDED, code: 0, src: router })!.payload;
    expect(icmpLen(message as IcmpError)).toBe(8 + 24 + 8);
  });

  it('answers queries but never an ICMP error, a later fragment, a broadcast or a non-host source', () => {
    const o = { type: ICMP_DEST_UNREACHABLE, code: UNREACH_PORT, src: router } as const;
    expect(icmpErrorFor(ping, o)).toBeDefined();
    const anError = icmpErrorFor(probe, o)!;
    expect(icmpErrorFor(anError, o)).toBeUndefined();
    const redirect = datagram({
      payload: { proto: 'icmp', type: 5, code: 1, body: new Uint8Array(32), other: true },
    });
    expect(icmpErrorFor(redirect, o)).toBeUndefined();
    const timestamp = datagram({
      payload: { proto: 'icmp', type: 13, code: 0, body: new Uint8Array(16), other: true },
    });
    expect(icmpErrorFor(timestamp, o)).toBeDefined();
    // A first fragment of an ICMP error is still an error; a later fragment never gets one.
    const firstFragment = datagram({
      protocol: 1,
      moreFragments: true,
      payload: { proto: 'raw', bytes: hex('0b00') },
    });
    expect(icmpErrorFor(firstFragment, o)).toBeUndefined();
    expect(icmpErrorFor({ ...probe, fragmentOffset: 185 }, o)).toBeUndefined();
    expect(icmpErrorFor({ ...probe, moreFragments: true }, o)).toBeDefined();
    for (const dst of ['255.255.255.255', '224.0.0.5', '239.1.2.3']) {
      expect(icmpErrorFor({ ...probe, dst: ip(dst) }, o)).toBeUndefined();
    }
    for (const src of ['0.0.0.0', '127.0.0.1', '224.0.0.1', '255.255.255.255', '240.0.0.1']) {
      expect(icmpErrorFor({ ...probe, src: ip(src) }, o)).toBeUndefined();
    }
  });
});

describe('readQuote', () => {
  it('reads the same fields from a typed original and from the decoded bytes', () => {
    for (const offending of [ping, probe]) {
      const error = icmpErrorFor(offending, { type: ICMP_TIME_EXCEEDED, code: 0, src: router })!;
      const frame = decodeFrame(
        encodeFrame({
          dst: mac('00:00:00:00:00:01'),
          src: mac('00:00:00:00:00:02'),
          etherType: 0x0800,
          payload: error,
        }),
      );
      expect(frame.ok).toBe(true);
      const received =
        frame.ok && frame.value.payload.proto === 'ipv4' ? frame.value.payload.payload : undefined;
      expect(received && received.proto === 'icmp' && isIcmpError(received)).toBe(true);
      const original = (received as IcmpError).original;
      expect(original).toBeInstanceOf(Uint8Array);
      expect(readQuote(original)).toEqual(readQuote(offending));
    }
    expect(readQuote(ping)).toEqual({
      ok: true,
      value: {
        src: ping.src,
        dst: ping.dst,
        protocol: 1,
        ttl: 1,
        identification: 7,
        echo: { type: 8, identifier: 1, sequence: 42 },
      },
    });
    expect(readQuote(probe)).toEqual({
      ok: true,
      value: {
        src: probe.src,
        dst: probe.dst,
        protocol: 17,
        ttl: 1,
        identification: 7,
        udp: { srcPort: 49152, dstPort: 33435 },
      },
    });
  });

  it('reads captured quotes and rejects what cannot be an IPv4 header', () => {
    const tcpQuote = hex('4500 0057 0000 4000 0106 91f9 c0a8 0006 ac3a 7abf 01bb 55b6 5c14 c98f');
    expect(readQuote(tcpQuote)).toEqual({
      ok: true,
      value: { src: ip('192.168.0.6'), dst: ip('172.58.122.191'), protocol: 6, ttl: 1, identification: 0 },
    });
    expect(readQuote(tcpQuote.subarray(0, 19))).toMatchObject({ ok: false });
    expect(readQuote(hex('6000 0000 0000 0000 0000 0000 0000 0000 0000 0000'))).toMatchObject({ ok: false });
    expect(readQuote(concat(hex('46'), tcpQuote.subarray(1, 20)))).toMatchObject({ ok: false });
  });

  it('decodes every ICMP error as raw quoted bytes, whatever they hold', () => {
    const message = { proto: 'icmp', type: 3, code: 1, rest: 0, original: hex('deadbeef') } as const;
    expect(decodeIcmp(encodeIcmp(message))).toEqual({ ok: true, value: message });
  });
});
