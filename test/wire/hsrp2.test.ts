/**
 * HSRP version 2 messages: golden bytes of a hello (the group state TLV and the text
 * authentication TLV), decoding with its length checks, round trips, and tshark's reading.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ipFrame, ipv4, udp } from '../../src/engine/packets.ts';
import { pcapFile } from '../../src/engine/pcap.ts';
import { encodeFrame } from '../../src/engine/wire/ethernet.ts';
import { HSRP_DEFAULT_AUTH, HSRP_PORT } from '../../src/engine/wire/hsrp.ts';
import {
  decodeHsrp2,
  encodeHsrp2,
  HSRP_V2_GROUP_ADDR,
  HSRP_V2_GROUP_MAC,
  HSRP2_ACTIVE,
  type Hsrp2Message,
  hsrp2VirtualMac,
} from '../../src/engine/wire/hsrp2.ts';
import { type Ipv4Addr, parseIpv4 } from '../../src/shared/ipv4.ts';
import { formatMacDotted, type MacAddr, parseMac } from '../../src/shared/mac.ts';
import type { Micros } from '../../src/shared/time.ts';
import { haveTshark, tsharkFields, tsharkProblems, withCapture } from './tshark-run.ts';

const hello: Hsrp2Message = {
  version: 2,
  opCode: 0,
  state: HSRP2_ACTIVE,
  group: 1,
  identifier: parseMac('e8b7.484a.1101')!,
  priority: 150,
  helloTime: 3000,
  holdTime: 10000,
  virtualIp: parseIpv4('192.168.1.254')!,
  auth: new Uint8Array(HSRP_DEFAULT_AUTH),
};

// Written by hand from the TLV layout: type 1, length 40, then type 3, length 8.
const GOLDEN = [
  '01 28 02 00 06 04 00 01 e8 b7 48 4a 11 01 00 00 00 96 00 00 0b b8 00 00 27 10',
  'c0 a8 01 fe 00 00 00 00 00 00 00 00 00 00 00 00',
  '03 08 63 69 73 63 6f 00 00 00',
].join(' ');

const hex = (b: Uint8Array) => [...b].map((x) => x.toString(16).padStart(2, '0')).join(' ');

describe('HSRP version 2 messages', () => {
  it('encodes a hello byte for byte, and decodes it back', () => {
    const bytes = encodeHsrp2(hello);
    expect(hex(bytes)).toBe(GOLDEN);
    const d = decodeHsrp2(bytes);
    expect(d.ok && d.value).toEqual(hello);
  });

  it('skips unknown TLVs, and refuses what runs past its bytes or has no group state', () => {
    const bytes = encodeHsrp2(hello);
    const withUnknown = Uint8Array.from([0x07, 0x02, 0xaa, 0xbb, ...bytes]);
    const d = decodeHsrp2(withUnknown);
    expect(d.ok && d.value.group).toBe(1);
    expect(decodeHsrp2(bytes.subarray(0, 30)).ok).toBe(false);
    expect(decodeHsrp2(Uint8Array.of(3, 8, ...HSRP_DEFAULT_AUTH)).ok).toBe(false);
    expect(decodeHsrp2(new Uint8Array(0)).ok).toBe(false);
  });

  it('round-trips any valid message, and never throws decoding bytes', () => {
    const message = fc.record({
      version: fc.integer({ min: 0, max: 255 }),
      opCode: fc.integer({ min: 0, max: 255 }),
      state: fc.integer({ min: 0, max: 255 }),
      group: fc.integer({ min: 0, max: 0xffff }),
      identifier: fc.integer({ min: 0, max: 2 ** 48 - 1 }).map((n) => n as MacAddr),
      priority: fc.integer({ min: 0, max: 0xffffffff }),
      helloTime: fc.integer({ min: 0, max: 0xffffffff }),
      holdTime: fc.integer({ min: 0, max: 0xffffffff }),
      virtualIp: fc.integer({ min: 0, max: 0xffffffff }).map((n) => n as Ipv4Addr),
      auth: fc.option(fc.uint8Array({ minLength: 8, maxLength: 8 }), { nil: null }),
    });
    fc.assert(
      fc.property(message, (m) => {
        const d = decodeHsrp2(encodeHsrp2(m));
        expect(d.ok && d.value).toEqual(m);
      }),
    );
    fc.assert(fc.property(fc.uint8Array({ maxLength: 80 }), (b) => void decodeHsrp2(b)));
  });

  it('gives version 2 groups their virtual MACs, 0000.0c9f.f000 to 0000.0c9f.ffff', () => {
    expect(formatMacDotted(hsrp2VirtualMac(0))).toBe('0000.0c9f.f000');
    expect(formatMacDotted(hsrp2VirtualMac(1))).toBe('0000.0c9f.f001');
    expect(formatMacDotted(hsrp2VirtualMac(4095))).toBe('0000.0c9f.ffff');
    expect(() => hsrp2VirtualMac(4096)).toThrow(RangeError);
  });

  it.runIf(haveTshark)('reads in tshark as HSRPv2 with its fields', () => {
    const pkt = ipv4(
      parseIpv4('192.168.1.1')!,
      HSRP_V2_GROUP_ADDR,
      1,
      17,
      7,
      udp(HSRP_PORT, HSRP_PORT, encodeHsrp2(hello)),
    );
    const frame = ipFrame(HSRP_V2_GROUP_MAC, hsrp2VirtualMac(1), undefined, pkt);
    withCapture(pcapFile([[0 as Micros, encodeFrame(frame)]]), (file) => {
      expect(tsharkProblems(file)).toEqual([]);
      const fields = [
        'hsrp2.version',
        'hsrp2.opcode',
        'hsrp2.state',
        'hsrp2.group',
        'hsrp2.identifier',
        'hsrp2.priority',
        'hsrp2.hellotime',
        'hsrp2.holdtime',
        'hsrp2.virt_ip',
      ];
      expect(tsharkFields(file, 'hsrp', fields)).toEqual([
        ['2', '0', '6', '1', 'e8:b7:48:4a:11:01', '150', '3000', '10000', '192.168.1.254'],
      ]);
    });
  });
});
