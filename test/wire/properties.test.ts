/** Property tests: decoders never throw, and decode(encode(x)) gives x back for every valid x. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ArpPacket } from '../../src/engine/wire/arp.ts';
import { decodeArp } from '../../src/engine/wire/arp.ts';
import { checksumVerifies } from '../../src/engine/wire/checksum.ts';
import type { EthernetFrame } from '../../src/engine/wire/ethernet.ts';
import { decodeFrame, encodeFrame, frameLen } from '../../src/engine/wire/ethernet.ts';
import type { IcmpMessage } from '../../src/engine/wire/icmp.ts';
import { decodeIcmp } from '../../src/engine/wire/icmp.ts';
import { readQuote } from '../../src/engine/wire/icmp-error.ts';
import type { Ipv4Packet, Ipv4Payload } from '../../src/engine/wire/ipv4.ts';
import { decodeIpv4, encodeIpv4, ipv4Len } from '../../src/engine/wire/ipv4.ts';
import type { TcpSegment } from '../../src/engine/wire/tcp.ts';
import { decodeTcp, encodeTcp, mssOption, readMss, tcpLen } from '../../src/engine/wire/tcp.ts';
import type { UdpDatagram } from '../../src/engine/wire/udp.ts';
import { decodeUdp } from '../../src/engine/wire/udp.ts';
import type { Ipv4Addr } from '../../src/shared/ipv4.ts';
import type { MacAddr } from '../../src/shared/mac.ts';

const u8 = fc.integer({ min: 0, max: 0xff });
const u16 = fc.integer({ min: 0, max: 0xffff });
const u32 = fc.tuple(u16, u16).map(([hi, lo]) => hi * 0x10000 + lo);
const addr = u32.map((n) => n as Ipv4Addr);
const macAddr = fc
  .tuple(fc.integer({ min: 0, max: 0xffffff }), fc.integer({ min: 0, max: 0xffffff }))
  .map(([hi, lo]) => (hi * 0x1000000 + lo) as MacAddr);
const bytes = (maxLength: number, minLength = 0) => fc.uint8Array({ minLength, maxLength });

const arp: fc.Arbitrary<ArpPacket> = fc.record({
  proto: fc.constant('arp' as const),
  op: u16,
  senderMac: macAddr,
  senderIp: addr,
  targetMac: macAddr,
  targetIp: addr,
});

const icmp: fc.Arbitrary<IcmpMessage> = fc.oneof(
  fc.record({
    proto: fc.constant('icmp' as const),
    type: fc.constantFrom(0 as const, 8 as const),
    code: u8,
    identifier: u16,
    sequence: u16,
    data: bytes(1500),
  }),
  fc.record({
    proto: fc.constant('icmp' as const),
    type: fc.constantFrom(3 as const, 5 as const, 11 as const),
    code: u8,
    rest: u32,
    original: bytes(100),
  }),
  fc.record({
    proto: fc.constant('icmp' as const),
    type: u8.filter((t) => ![0, 3, 5, 8, 11].includes(t)),
    code: u8,
    body: bytes(100),
    other: fc.constant(true as const),
  }),
);

const udp: fc.Arbitrary<UdpDatagram> = fc.record(
  {
    proto: fc.constant('udp' as const),
    srcPort: u16,
    dstPort: u16,
    data: bytes(1500),
    noChecksum: fc.constant(true as const),
  },
  { requiredKeys: ['proto', 'srcPort', 'dstPort', 'data'] },
);

/** Options already padded to 32 bits, as decode returns them. */
const tcp: fc.Arbitrary<TcpSegment> = fc.record({
  proto: fc.constant('tcp' as const),
  srcPort: u16,
  dstPort: u16,
  seq: u32,
  ack: u32,
  flags: fc.integer({ min: 0, max: 0xfff }),
  window: u16,
  urgent: u16,
  options: fc.integer({ min: 0, max: 10 }).chain((words) => bytes(4 * words, 4 * words)),
  data: bytes(1460),
});

/** Header fields, then a payload consistent with the protocol number and fragmentation. */
const ipv4: fc.Arbitrary<Ipv4Packet> = fc
  .record({
    dscp: fc.integer({ min: 0, max: 63 }),
    ecn: fc.integer({ min: 0, max: 3 }),
    identification: u16,
    dontFragment: fc.boolean(),
    moreFragments: fc.boolean(),
    fragmentOffset: fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 0x1fff })),
    ttl: u8,
    src: addr,
    dst: addr,
    options: fc.integer({ min: 0, max: 10 }).chain((words) => bytes(4 * words, 4 * words)),
  })
  .chain((h) => {
    const fragment = h.moreFragments || h.fragmentOffset !== 0;
    const raw = (protocol: fc.Arbitrary<number>) =>
      fc.record({ protocol, payload: bytes(1500).map((b): Ipv4Payload => ({ proto: 'raw', bytes: b })) });
    const payloads = fragment
      ? raw(u8)
      : fc.oneof(
          fc.record({ protocol: fc.constant(1), payload: icmp as fc.Arbitrary<Ipv4Payload> }),
          fc.record({ protocol: fc.constant(17), payload: udp as fc.Arbitrary<Ipv4Payload> }),
          fc.record({ protocol: fc.constant(6), payload: tcp as fc.Arbitrary<Ipv4Payload> }),
          raw(u8.filter((p) => p !== 1 && p !== 6 && p !== 17)),
        );
    return payloads.map(({ protocol, payload }): Ipv4Packet => ({ proto: 'ipv4', ...h, protocol, payload }));
  });

const tag = fc.record({
  pcp: fc.integer({ min: 0, max: 7 }),
  dei: fc.boolean(),
  vid: fc.integer({ min: 0, max: 4095 }),
});

const frame: fc.Arbitrary<EthernetFrame> = fc
  .record({ dst: macAddr, src: macAddr, tag: tag }, { requiredKeys: ['dst', 'src'] })
  .chain((head) =>
    fc
      .oneof(
        arp.map((payload) => ({ etherType: 0x0806, payload })),
        ipv4.map((payload) => ({ etherType: 0x0800, payload })),
        // Unknown EtherTypes keep their padding, so only payloads that need none round-trip.
        fc.record({
          etherType: u16.filter((t) => t !== 0x0800 && t !== 0x0806 && t !== 0x8100),
          payload: bytes(200, head.tag ? 42 : 46).map((b) => ({ proto: 'raw' as const, bytes: b })),
        }),
      )
      .map((rest): EthernetFrame => ({ ...head, ...rest })),
  );

describe('wire properties', () => {
  it('decoders never throw, whatever the bytes', () => {
    fc.assert(
      fc.property(bytes(300), addr, addr, (b, src, dst) => {
        for (const result of [
          decodeFrame(b),
          decodeIpv4(b),
          decodeArp(b),
          decodeIcmp(b),
          decodeUdp(b, src, dst),
          decodeTcp(b, src, dst),
          readQuote(b),
        ]) {
          expect(typeof result.ok).toBe('boolean');
        }
      }),
      { numRuns: 2000 },
    );
  });

  it('decoders never throw on damaged valid frames (bytes changed, cut short)', () => {
    fc.assert(
      fc.property(frame, fc.array(fc.tuple(fc.nat(), u8), { maxLength: 4 }), fc.nat(), (f, changes, cut) => {
        const b = new Uint8Array(encodeFrame(f));
        for (const [at, value] of changes) b[at % b.length] = value;
        const result = decodeFrame(b.subarray(0, b.length - (cut % 8)));
        expect(typeof result.ok).toBe('boolean');
      }),
      { numRuns: 1000 },
    );
  });

  it('decode(encode(frame)) gives the frame back, and frameLen is the encoded size', () => {
    fc.assert(
      fc.property(frame, (f) => {
        const b = encodeFrame(f);
        expect(b.length).toBe(frameLen(f));
        expect(decodeFrame(b)).toEqual({ ok: true, value: f });
      }),
      { numRuns: 1000 },
    );
  });

  it('decode(encode(segment)) gives the TCP segment back; readMss never throws', () => {
    fc.assert(
      fc.property(tcp, addr, addr, (s, src, dst) => {
        const b = encodeTcp(s, src, dst);
        expect(b.length).toBe(tcpLen(s));
        const pseudoHeader = (src >>> 16) + (src & 0xffff) + (dst >>> 16) + (dst & 0xffff) + 6 + b.length;
        expect(checksumVerifies(b, 0, b.length, pseudoHeader)).toBe(true);
        expect(decodeTcp(b, src, dst)).toEqual({ ok: true, value: s });
        const mss = readMss(s.options);
        expect(mss === undefined || (mss >= 0 && mss <= 0xffff)).toBe(true);
      }),
      { numRuns: 1000 },
    );
    fc.assert(
      fc.property(u16, fc.nat({ max: 36 }), (mss, nops) => {
        // However many NOPs come first, the MSS is found after them.
        expect(readMss(new Uint8Array([...new Uint8Array(nops).fill(1), ...mssOption(mss)]))).toBe(mss);
      }),
    );
  });

  it('encoded IPv4 headers verify, and changing a header byte is reported as a bad checksum', () => {
    fc.assert(
      fc.property(
        ipv4,
        fc.integer({ min: 12, max: 19 }),
        fc.integer({ min: 1, max: 255 }),
        (p, at, delta) => {
          const b = new Uint8Array(encodeIpv4(p));
          expect(b.length).toBe(ipv4Len(p));
          expect(checksumVerifies(b, 0, 20 + p.options.length)).toBe(true);
          b[at] = (b[at]! + delta) & 0xff; // an address byte: the datagram still parses
          const result = decodeIpv4(b);
          expect(result).toMatchObject({ ok: true, value: { badChecksum: (b[10]! << 8) | b[11]! } });
        },
      ),
      { numRuns: 500 },
    );
  });
});
