/**
 * IPv6 packets (RFC 8200): the fixed header, what is kept raw, the pseudo-header, Ethernet
 * framing and padding.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { finishChecksum, sumWords } from '../../src/engine/wire/checksum.ts';
import type { EthernetFrame } from '../../src/engine/wire/ethernet.ts';
import {
  decodeFrame,
  ETH_MIN_FRAME_LEN,
  ETHERTYPE_IPV6,
  encodeFrame,
  frameLen,
} from '../../src/engine/wire/ethernet.ts';
import type { Icmpv6Echo, Icmpv6Message } from '../../src/engine/wire/icmpv6.ts';
import type { Ipv6Packet } from '../../src/engine/wire/ipv6.ts';
import {
  decodeIpv6,
  encodeIpv6,
  IPV6_HEADER_LEN,
  IPV6_MIN_MTU,
  ipv6Len,
  ipv6PseudoHeaderSum,
  NEXT_HEADER_ICMPV6,
  NEXT_HEADER_NONE,
} from '../../src/engine/wire/ipv6.ts';
import { IPV6_LOOPBACK, ipv6 } from '../../src/shared/ipv6.ts';
import { concat, hex, ip6, mac, toHex } from './hex.ts';

const NONE = new Uint8Array(0);

/** Encodes to exactly `bytes`, and `bytes` decode to exactly `p`. */
function expectWire(bytes: Uint8Array, p: Ipv6Packet): void {
  expect(decodeIpv6(bytes)).toEqual({ ok: true, value: p });
  expect(toHex(encodeIpv6(p))).toBe(toHex(bytes));
}

// ---- Reference packets ----

// scapy's IPv6 tests (secdev/scapy, test/scapy/layers/inet6.uts): the default header (::1 to
// ::1, hop limit 64, "no next header") alone, then with a TCP SYN from port 20 to 80 (checksum
// 0x8f7d) and a routing header before it; and the UDP datagram of "in6_chksum is computed on UDP
// or TCP build", ports 53, data "somedata", checksum 0x45cb.

const scapyDefaultBytes = hex(`
  60000000 0000 3b 40 00000000000000000000000000000001 00000000000000000000000000000001`);

const scapyTcpSyn = hex('0014 0050 00000000 00000000 5002 2000 8f7d 0000');
const scapyTcpBytes = concat(
  hex('60000000 0014 06 40 00000000000000000000000000000001 00000000000000000000000000000001'),
  scapyTcpSyn,
);

const scapyRoutingBytes = hex(`
  60000000 001c 2b 40 2048 000000000000000000000000 deca 2047 000000000000000000000000 cafe
  06 00 00 00 00000000
  0014 0050 00000000 00000000 5002 2000 a526 0000`);

const scapyUdp = concat(hex('0035 0035 0010 45cb'), new TextEncoder().encode('somedata'));

/**
 * A Multicast Listener Report v2 behind a hop-by-hop header with the router alert option:
 * PcapPlusPlus's IcmpV6_Generic.dat (seladb/PcapPlusPlus, Tests/Packet++Test/PacketExamples).
 * Next header 0: the extension header and the ICMPv6 message after it stay raw.
 */
const mldReportFrameBytes = hex(`
  333300000016 080027d410bb 86dd
  60000000 0038 00 01 fe800000000000000a0027fffed410bb ff020000000000000000000000000016
  3a00 0502 0000 0100
  8f00 2b5a 0000 0002 04000000 ff050000000000000000000000010003 04000000 ff020000000000000000000000010002`);

describe('IPv6 golden bytes', () => {
  it("scapy's default header: ::1 to ::1, hop limit 64, no next header", () => {
    expectWire(scapyDefaultBytes, {
      proto: 'ipv6',
      dst: IPV6_LOOPBACK,
      src: IPV6_LOOPBACK,
      hopLimit: 64,
      nextHeader: NEXT_HEADER_NONE,
      payload: { proto: 'raw', bytes: NONE },
      trafficClass: 0,
      flowLabel: 0,
    });
  });

  it('keeps any next header other than ICMPv6 as raw bytes: TCP, a routing header', () => {
    expectWire(scapyTcpBytes, {
      proto: 'ipv6',
      dst: IPV6_LOOPBACK,
      src: IPV6_LOOPBACK,
      hopLimit: 64,
      nextHeader: 6,
      payload: { proto: 'raw', bytes: scapyTcpSyn },
      trafficClass: 0,
      flowLabel: 0,
    });
    const routed = decodeIpv6(scapyRoutingBytes);
    expect(routed).toMatchObject({
      ok: true,
      value: { src: ip6('2048::deca'), dst: ip6('2047::cafe'), nextHeader: 43, payload: { proto: 'raw' } },
    });
    expect(routed.ok && toHex(encodeIpv6(routed.value))).toBe(toHex(scapyRoutingBytes));
  });

  it('keeps a hop-by-hop header and the MLD report after it raw, in a frame', () => {
    const f: EthernetFrame = {
      dst: mac('33:33:00:00:00:16'),
      src: mac('08:00:27:d4:10:bb'),
      etherType: ETHERTYPE_IPV6,
      payload: {
        proto: 'ipv6',
        dst: ip6('ff02::16'),
        src: ip6('fe80::a00:27ff:fed4:10bb'),
        hopLimit: 1,
        nextHeader: 0,
        payload: { proto: 'raw', bytes: mldReportFrameBytes.subarray(54) },
        trafficClass: 0,
        flowLabel: 0,
      },
    };
    expect(decodeFrame(mldReportFrameBytes)).toEqual({ ok: true, value: f });
    expect(toHex(encodeFrame(f))).toBe(toHex(mldReportFrameBytes));
  });

  it("the pseudo-header sum gives scapy's TCP and UDP checksums", () => {
    const checksum = (segment: Uint8Array, nextHeader: number, at: number): number => {
      const b = new Uint8Array(segment);
      b[at] = 0;
      b[at + 1] = 0;
      return finishChecksum(
        sumWords(b, 0, b.length, ipv6PseudoHeaderSum(IPV6_LOOPBACK, IPV6_LOOPBACK, nextHeader, b.length)),
      );
    };
    expect(checksum(scapyTcpSyn, 6, 16)).toBe(0x8f7d);
    expect(checksum(scapyUdp, 17, 6)).toBe(0x45cb);
    // The upper-layer length is a 32-bit field: both halves count.
    expect(ipv6PseudoHeaderSum(ipv6(0n), ipv6(0n), 58, 0x12345)).toBe(0x1 + 0x2345 + 58);
    expect(ipv6PseudoHeaderSum(ip6('ffff::1'), ip6('::2:0:3'), 0, 0)).toBe(0xffff + 1 + 2 + 3);
  });
});

describe('IPv6 header fields', () => {
  const base: Ipv6Packet = {
    proto: 'ipv6',
    dst: ip6('2001:db8::2'),
    src: ip6('2001:db8::1'),
    hopLimit: 255,
    nextHeader: 253, // RFC 3692 experimentation
    payload: { proto: 'raw', bytes: hex('0102') },
    trafficClass: 0xab,
    flowLabel: 0xcdef1,
  };

  it('places traffic class and flow label across the first four bytes', () => {
    const b = encodeIpv6(base);
    expect(toHex(b.subarray(0, 8))).toBe('6abcdef10002fdff');
    expectWire(b, base);
    expect(toHex(encodeIpv6({ ...base, trafficClass: 0x1ff, flowLabel: 0x1fffff }).subarray(0, 4))).toBe(
      '6fffffff',
    );
  });

  it('writes into a buffer at an offset and says how long it is', () => {
    const buf = new Uint8Array(50).fill(0xee);
    const out = encodeIpv6(base, buf, 4);
    expect(out.length).toBe(42);
    expect(ipv6Len(base)).toBe(42);
    expect(toHex(buf.subarray(0, 4))).toBe('eeeeeeee');
    expect(toHex(buf.subarray(46))).toBe('eeeeeeee');
    expect(toHex(out)).toBe(toHex(encodeIpv6(base)));
    expect(() => encodeIpv6(base, new Uint8Array(41))).toThrow(RangeError);
  });

  it('refuses a payload the 16-bit length cannot describe (no jumbograms)', () => {
    const big = { ...base, payload: { proto: 'raw' as const, bytes: new Uint8Array(0x10000) } };
    expect(() => encodeIpv6(big)).toThrow(/65536 payload bytes/);
    expect(encodeIpv6({ ...big, payload: { proto: 'raw', bytes: new Uint8Array(0xffff) } }).length).toBe(
      0xffff + 40,
    );
  });

  it('constants', () => {
    expect([IPV6_HEADER_LEN, NEXT_HEADER_ICMPV6, NEXT_HEADER_NONE, IPV6_MIN_MTU]).toEqual([40, 58, 59, 1280]);
  });
});

describe('IPv6 decoding', () => {
  const request: Icmpv6Echo = {
    proto: 'icmpv6',
    type: 128,
    code: 0,
    identifier: 0x1234,
    sequence: 0xabcd,
    data: hex('aa0000ff'),
  };
  const echo: Ipv6Packet = {
    proto: 'ipv6',
    dst: ip6('fe80::2'),
    src: ip6('fe80::1'),
    hopLimit: 64,
    nextHeader: 58,
    payload: request,
    trafficClass: 0,
    flowLabel: 0,
  };
  const echoBytes = encodeIpv6(echo);

  it("carries smoltcp's echo request with its checksum (smoltcp-rs/smoltcp, src/wire/icmpv6.rs)", () => {
    expect(toHex(echoBytes.subarray(40))).toBe('800019b31234abcdaa0000ff');
    expectWire(echoBytes, echo);
  });

  it('says why bytes are not a packet', () => {
    expect(decodeIpv6(echoBytes.subarray(0, 39))).toEqual({
      ok: false,
      error: 'ipv6: 39 bytes, the header needs 40',
    });
    expect(decodeIpv6(scapyDefaultBytes.map((x, i) => (i === 0 ? 0x45 : x)))).toEqual({
      ok: false,
      error: 'ipv6: version 4, expected 6',
    });
    expect(decodeIpv6(echoBytes.subarray(0, 51))).toEqual({
      ok: false,
      error: 'ipv6: payload length 12 exceeds the 11 bytes after the header',
    });
    const tooShortIcmp = concat(echoBytes.subarray(0, 4), hex('0003 3a 40'), echoBytes.subarray(8, 43));
    expect(decodeIpv6(tooShortIcmp)).toEqual({
      ok: false,
      error: 'icmpv6: 3 bytes, type, code and checksum need 4',
    });
  });

  it('reads exactly the payload length: bytes after it are ignored', () => {
    expect(decodeIpv6(concat(echoBytes, hex('00000000 deadbeef')))).toEqual({ ok: true, value: echo });
  });

  it('marks a wrong ICMPv6 checksum and still decodes; encode writes the right one', () => {
    const corrupted = new Uint8Array(echoBytes);
    corrupted[48] = 0x55; // a data byte, 0xaa on the wire
    const d = decodeIpv6(corrupted);
    const data = hex('550000ff');
    expect(d).toEqual({
      ok: true,
      value: { ...echo, payload: { ...request, data }, badChecksum: true },
    });
    const fixed = d.ok ? encodeIpv6(d.value) : NONE;
    expect(toHex(fixed.subarray(42, 44))).not.toBe(toHex(corrupted.subarray(42, 44)));
    expect(decodeIpv6(fixed)).toMatchObject({ ok: true, value: { payload: { data } } });
    const again = decodeIpv6(fixed);
    expect(again.ok && again.value.badChecksum).toBeUndefined();
    // The pseudo-header counts: the same message from another source does not verify.
    const moved = new Uint8Array(echoBytes);
    moved[23] = 9;
    expect(decodeIpv6(moved)).toMatchObject({ ok: true, value: { badChecksum: true } });
  });

  it('the raw payload does not share the input', () => {
    const b = new Uint8Array(scapyTcpBytes);
    const d = decodeIpv6(b);
    b[40] = 0xff;
    expect(d.ok && d.value.payload.proto === 'raw' && d.value.payload.bytes[0]).toBe(0);
  });
});

describe('IPv6 in Ethernet', () => {
  const p: Ipv6Packet = {
    proto: 'ipv6',
    dst: ip6('fe80::2'),
    src: ip6('fe80::1'),
    hopLimit: 64,
    nextHeader: NEXT_HEADER_NONE,
    payload: { proto: 'raw', bytes: NONE },
    trafficClass: 0,
    flowLabel: 0,
  };
  const f: EthernetFrame = {
    dst: mac('00:00:5e:00:53:02'),
    src: mac('00:00:5e:00:53:01'),
    etherType: ETHERTYPE_IPV6,
    payload: p,
  };

  it('pads a short packet to 60 bytes and ignores the padding when decoding', () => {
    const b = encodeFrame(f);
    expect(b.length).toBe(ETH_MIN_FRAME_LEN);
    expect(frameLen(f)).toBe(60);
    expect(toHex(b.subarray(12, 14))).toBe('86dd');
    expect(toHex(b.subarray(54))).toBe('000000000000');
    expect(decodeFrame(b)).toEqual({ ok: true, value: f });
    expect(decodeFrame(concat(b, hex('ffffffff')))).toEqual({ ok: true, value: f });
  });

  it('counts long frames exactly, tagged or not', () => {
    const long = {
      ...f,
      payload: { ...p, nextHeader: 17, payload: { proto: 'raw' as const, bytes: new Uint8Array(100) } },
    };
    expect(frameLen(long)).toBe(14 + 40 + 100);
    expect(encodeFrame(long).length).toBe(154);
    const tagged = { ...long, tag: { pcp: 6, dei: false, vid: 10 } };
    expect(frameLen(tagged)).toBe(158);
    expect(decodeFrame(encodeFrame(tagged))).toEqual({ ok: true, value: tagged });
  });

  it('fails the frame when the packet is malformed', () => {
    const b = encodeFrame(f);
    b[18] = 0x01; // payload length 256
    expect(decodeFrame(b)).toEqual({
      ok: false,
      error: 'ipv6: payload length 256 exceeds the 6 bytes after the header',
    });
  });
});

// ---- Properties ----

const u8 = fc.integer({ min: 0, max: 0xff });
const u16 = fc.integer({ min: 0, max: 0xffff });
const u32 = fc.tuple(u16, u16).map(([hi, lo]) => hi * 0x10000 + lo);
const addr = fc.bigInt({ min: 0n, max: (1n << 128n) - 1n }).map((n) => ipv6(n));
const bytes = (maxLength: number, minLength = 0) => fc.uint8Array({ minLength, maxLength });

/** ICMPv6 messages without options (icmpv6.test.ts covers them all). */
const icmpv6: fc.Arbitrary<Icmpv6Message> = fc.oneof(
  fc.record({
    proto: fc.constant('icmpv6' as const),
    type: fc.constantFrom(128 as const, 129 as const),
    code: u8,
    identifier: u16,
    sequence: u16,
    data: bytes(1500),
  }),
  fc.record({
    proto: fc.constant('icmpv6' as const),
    type: fc.constantFrom(1 as const, 2 as const, 3 as const, 4 as const),
    code: u8,
    rest: u32,
    original: bytes(200),
  }),
  fc.record({
    proto: fc.constant('icmpv6' as const),
    type: fc.constantFrom(133 as const),
    code: u8,
    options: fc.constant([]),
  }),
  fc.record({
    proto: fc.constant('icmpv6' as const),
    type: fc.integer({ min: 137, max: 255 }),
    code: u8,
    body: bytes(100),
    other: fc.constant(true as const),
  }),
);

const packet: fc.Arbitrary<Ipv6Packet> = fc
  .record({
    dst: addr,
    src: addr,
    hopLimit: u8,
    trafficClass: u8,
    flowLabel: fc.integer({ min: 0, max: 0xfffff }),
    body: fc.oneof(
      icmpv6.map((m) => [58, m] as const),
      fc
        .tuple(
          u8.filter((n) => n !== 58),
          bytes(1500),
        )
        .map(([n, b]) => [n, { proto: 'raw' as const, bytes: b }] as const),
    ),
  })
  .map(({ dst, src, hopLimit, trafficClass, flowLabel, body: [nextHeader, payload] }) => ({
    proto: 'ipv6' as const,
    dst,
    src,
    hopLimit,
    nextHeader,
    payload,
    trafficClass,
    flowLabel,
  }));

describe('IPv6 properties', () => {
  it('decode(encode(p)) gives p back, in a frame too', () => {
    fc.assert(
      fc.property(packet, (p) => {
        const b = encodeIpv6(p);
        expect(b.length).toBe(ipv6Len(p));
        expect(decodeIpv6(b)).toEqual({ ok: true, value: p });
        const f: EthernetFrame = {
          dst: mac('33:33:00:00:00:01'),
          src: mac('00:00:5e:00:53:01'),
          etherType: ETHERTYPE_IPV6,
          payload: p,
        };
        expect(decodeFrame(encodeFrame(f))).toEqual({ ok: true, value: f });
      }),
      { numRuns: 1000 },
    );
  });

  it('decodeIpv6 never throws, and re-encodes what it decodes to the bytes it read', () => {
    const header = fc
      .tuple(u8, u16, fc.constantFrom(58, 58, 0, 6, 17, 59), bytes(100))
      .map(([b0, len, nh, rest]) =>
        concat(
          Uint8Array.of(0x60 | (b0 & 0xf), b0),
          hex('0000'),
          Uint8Array.of(len >> 8, len & 0xff, nh, 64),
          new Uint8Array(32),
          rest,
        ),
      )
      .map((b) => {
        // A payload length that fits more often than chance gives.
        const fit = b.length - 40;
        if (b[4]! & 1) {
          b[4] = fit >> 8;
          b[5] = fit & 0xff;
        }
        return b;
      });
    fc.assert(
      fc.property(fc.oneof(bytes(120), header), (b) => {
        const d = decodeIpv6(b);
        if (!d.ok) return;
        const again = encodeIpv6(d.value);
        const end = 40 + ((b[4]! << 8) | b[5]!);
        expect(again.length).toBe(end);
        if (d.value.payload.proto === 'raw') expect(toHex(again)).toBe(toHex(b.subarray(0, end)));
        else expect(decodeIpv6(again)).toEqual({ ok: true, value: { ...d.value, badChecksum: undefined } });
      }),
      { numRuns: 3000 },
    );
  });

  it('decodeFrame never throws on IPv6 frames', () => {
    fc.assert(
      fc.property(bytes(120), (b) => {
        decodeFrame(concat(hex('333300000001 00005e005301 86dd'), b));
      }),
      { numRuns: 2000 },
    );
  });
});
