/**
 * Spanning-tree BPDUs: IEEE 802.1D configuration and TCN BPDUs and 802.1D-2004 RST BPDUs in LLC,
 * and Cisco PVST+ and Rapid PVST+ (SSTP) BPDUs in LLC/SNAP with the Originating VLAN TLV, as
 * whole 802.3 frames.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { wireLen } from '../../src/engine/frame-size.ts';
import { pcapFile } from '../../src/engine/pcap.ts';
import type { Dot1qTag, EthernetFrame } from '../../src/engine/wire/ethernet.ts';
import { decodeFrame, encodeFrame, frameLen } from '../../src/engine/wire/ethernet.ts';
import type { StpBpdu } from '../../src/engine/wire/stp.ts';
import {
  BPDU_CONFIG,
  BPDU_RST,
  BPDU_TCN,
  decodeStp,
  encodeStp,
  isStpLlc,
  RST_FLAG_AGREEMENT,
  RST_FLAG_FORWARDING,
  RST_FLAG_LEARNING,
  RST_FLAG_PROPOSAL,
  RST_ROLE_DESIGNATED,
  RST_ROLE_MASK,
  STP_FLAG_TC,
  STP_FLAG_TCA,
  STP_IEEE_MAC,
  STP_PVST_MAC,
  stpBpdu,
  stpLen,
} from '../../src/engine/wire/stp.ts';
import type { MacAddr } from '../../src/shared/mac.ts';
import { formatMacColon } from '../../src/shared/mac.ts';
import { micros } from '../../src/shared/time.ts';
import { concat, hex, mac, toHex } from './hex.ts';
import { describeTshark, fieldsOf, tshark, withCapture } from './tshark-run.ts';

const zeros = (n: number): Uint8Array => new Uint8Array(n);
const NONE = new Uint8Array(0);

/** Times go on the wire in units of 1/256 s. */
const s = (seconds: number): number => seconds * 256;

/** The root: a Catalyst with priority 32768 and base MAC 0019.e8a3.5c80. */
const ROOT = mac('00:19:e8:a3:5c:80');
/** A Catalyst 2960 one hop away, base MAC 001b.d4c8.4e00, sending on Gi0/1 (port 128.25). */
const SW = mac('00:1b:d4:c8:4e:00');
const SW_GI0_1 = mac('00:1b:d4:c8:4e:19');
const ROOT_FA0_1 = mac('00:19:e8:a3:5c:81');

/** A configuration BPDU with 802.1D's default timers, as the 2960 relays the root's. */
const relayed = (encap: 'ieee' | 'pvst', vlan: number, pvid: number): StpBpdu =>
  stpBpdu({
    encap,
    protocolId: 0,
    version: 0,
    type: BPDU_CONFIG,
    flags: 0,
    rootPriority: 32768 + vlan, // priority 32768 plus the extended system id (the VLAN)
    rootMac: ROOT,
    rootPathCost: 19,
    bridgePriority: 32768 + vlan,
    bridgeMac: SW,
    portId: 0x8019,
    messageAge: s(1),
    maxAge: s(20),
    helloTime: s(2),
    forwardDelay: s(15),
    version1Length: 0,
    pvid,
    extra: NONE,
  });

/** The same 2960's RST BPDU for `vlan` under rapid PVST+: a designated port, learning and forwarding. */
const rapid = (encap: 'ieee' | 'pvst', vlan: number, pvid: number): StpBpdu =>
  stpBpdu({
    ...relayed(encap, vlan, pvid),
    version: 2,
    type: BPDU_RST,
    flags: RST_ROLE_DESIGNATED | RST_FLAG_LEARNING | RST_FLAG_FORWARDING,
  });

const tcn = (encap: 'ieee' | 'pvst', extra: Uint8Array = NONE): StpBpdu =>
  stpBpdu({
    encap,
    protocolId: 0,
    version: 0,
    type: BPDU_TCN,
    flags: 0,
    rootPriority: 0,
    rootMac: 0 as MacAddr,
    rootPathCost: 0,
    bridgePriority: 0,
    bridgeMac: 0 as MacAddr,
    portId: 0,
    messageAge: 0,
    maxAge: 0,
    helloTime: 0,
    forwardDelay: 0,
    version1Length: 0,
    pvid: -1,
    extra,
  });

const frameOf = (dst: MacAddr, src: MacAddr, bpdu: StpBpdu, tag?: Dot1qTag): EthernetFrame =>
  tag
    ? { dst, src, tag, etherType: stpLen(bpdu), payload: bpdu }
    : { dst, src, etherType: stpLen(bpdu), payload: bpdu };

/** The 35 bytes of the 2960's relayed configuration BPDU for `vlan`. */
const relayedBpdu = (vlan: string): Uint8Array =>
  concat(
    hex('0000 00 00'), // protocol 0, version 0 (802.1D), type 0x00 (configuration)
    hex('00'), // flags: none
    hex(`80${vlan} 0019 e8a3 5c80`), // root: priority 32768 + VLAN, MAC 0019.e8a3.5c80
    hex('0000 0013'), // root path cost 19
    hex(`80${vlan} 001b d4c8 4e00`), // bridge: priority 32768 + VLAN, MAC 001b.d4c8.4e00
    hex('8019'), // port 128.25 (Gi0/1)
    hex('0100 1400 0200 0f00'), // message age 1 s, max age 20 s, hello 2 s, forward delay 15 s
  );

/** VLAN 1 as the 2960 sends it to the IEEE address, untagged on the trunk's native VLAN. */
const ieeeVlan1Bytes = concat(
  hex('0180 c200 0000'), // 0: IEEE bridge group address
  hex('001b d4c8 4e19'), // 6: Gi0/1's MAC
  hex('0026'), // 12: 802.3 length 38 = LLC 3 + BPDU 35
  hex('42 42 03'), // 14: LLC DSAP 0x42, SSAP 0x42, UI
  relayedBpdu('01'), // 17
  zeros(8), // 52: padding to 60
);
const ieeeVlan1 = frameOf(STP_IEEE_MAC, SW_GI0_1, relayed('ieee', 1, -1));

/** VLAN 10's SSTP BPDU, tagged on the trunk. */
const pvstVlan10Bytes = concat(
  hex('0100 0ccc cccd'), // 0: SSTP address
  hex('001b d4c8 4e19'), // 6
  hex('8100 000a'), // 12: 802.1Q, priority 0, VLAN 10
  hex('0032'), // 16: 802.3 length 50 = LLC/SNAP 8 + BPDU 35 + 1 + TLV 6
  hex('aa aa 03 00000c 010b'), // 18: LLC SNAP, UI; OUI Cisco, PID 0x010b (PVST+)
  relayedBpdu('0a'), // 26
  hex('00'), // 61: one zero byte, to an even offset
  hex('0000 0002 000a'), // 62: TLV type 0 (Originating VLAN), length 2, VLAN 10
); // 68 bytes: no padding
const pvstVlan10 = frameOf(STP_PVST_MAC, SW_GI0_1, relayed('pvst', 10, 10), { pcp: 0, dei: false, vid: 10 });

/** VLAN 1's SSTP BPDU, untagged since VLAN 1 is the trunk's native VLAN. */
const pvstVlan1Bytes = concat(
  hex('0100 0ccc cccd 001b d4c8 4e19 0032'),
  hex('aa aa 03 00000c 010b'),
  relayedBpdu('01'),
  hex('00 0000 0002 0001'), // Originating VLAN 1
); // 64 bytes: no padding
const pvstVlan1 = frameOf(STP_PVST_MAC, SW_GI0_1, relayed('pvst', 1, 1));

/** The 35 bytes of the RST BPDU for `vlan`, and its Version 1 Length. */
const rapidBpdu = (vlan: string): Uint8Array =>
  concat(
    hex('0000 02 02'), // protocol 0, version 2 (RSTP), type 0x02 (RST)
    hex('3c'), // flags: designated (0x0c), learning (0x10), forwarding (0x20)
    relayedBpdu(vlan).subarray(5),
    hex('00'), // Version 1 Length 0
  );

/** VLAN 10's Rapid PVST+ BPDU, tagged: the TLV right after the RST BPDU, no zero byte. */
const rapidVlan10Bytes = concat(
  hex('0100 0ccc cccd 001b d4c8 4e19 8100 000a'),
  hex('0032'), // 802.3 length 50 = LLC/SNAP 8 + RST BPDU 36 + TLV 6
  hex('aa aa 03 00000c 010b'),
  rapidBpdu('0a'), // 26
  hex('0000 0002 000a'), // 62: Originating VLAN 10
);
const rapidVlan10 = frameOf(STP_PVST_MAC, SW_GI0_1, rapid('pvst', 10, 10), { pcp: 0, dei: false, vid: 10 });

/** VLAN 1's RST BPDU to the IEEE address: 802.3 length 39. */
const rapidIeeeBytes = concat(
  hex('0180 c200 0000 001b d4c8 4e19 0027 42 42 03'),
  rapidBpdu('01'),
  zeros(7), // padding to 60
);
const rapidIeee = frameOf(STP_IEEE_MAC, SW_GI0_1, rapid('ieee', 1, -1));

/** The 2960 telling the root, out of its root port, that its topology changed. */
const tcnBytes = concat(
  hex('0180 c200 0000 001b d4c8 4e19'),
  hex('0007'), // 802.3 length 7 = LLC 3 + BPDU 4
  hex('42 42 03'),
  hex('0000 00 80'), // protocol 0, version 0, type 0x80 (TCN)
  zeros(39), // padding to 60
);
const tcnFrame = frameOf(STP_IEEE_MAC, SW_GI0_1, tcn('ieee'));

/** The root, after that TCN: acknowledgment and topology change flags set, from Fa0/1 (128.1). */
const tcTcaBytes = concat(
  hex('0180 c200 0000 0019 e8a3 5c81 0026 42 42 03'),
  hex('0000 00 00'),
  hex('81'), // flags: TCA (0x80) and TC (0x01)
  hex('8001 0019 e8a3 5c80'), // root: itself
  hex('0000 0000'), // cost 0
  hex('8001 0019 e8a3 5c80'), // bridge: itself
  hex('8001'), // port 128.1
  hex('0000 1400 0200 0f00'), // message age 0
  zeros(8),
);
const tcTca = frameOf(
  STP_IEEE_MAC,
  ROOT_FA0_1,
  stpBpdu({
    ...relayed('ieee', 1, -1),
    flags: STP_FLAG_TCA | STP_FLAG_TC,
    rootPathCost: 0,
    bridgeMac: ROOT,
    portId: 0x8001,
    messageAge: 0,
  }),
);

function expectFrame(bytes: Uint8Array, frame: EthernetFrame): void {
  expect(toHex(encodeFrame(frame))).toBe(toHex(bytes));
  expect(frameLen(frame)).toBe(bytes.length);
  expect(wireLen(frame)).toBe(bytes.length);
  expect(decodeFrame(bytes)).toEqual({ ok: true, value: frame });
}

describe('STP golden bytes', () => {
  it('an IEEE configuration BPDU for VLAN 1: 802.3 length 0x0026, LLC 42 42 03, padded to 60', () => {
    expectFrame(ieeeVlan1Bytes, ieeeVlan1);
  });

  it('a PVST+ BPDU for VLAN 10, tagged: LLC/SNAP, the zero byte and the Originating VLAN TLV', () => {
    expect(stpLen(pvstVlan10.payload as StpBpdu)).toBe(0x32);
    expectFrame(pvstVlan10Bytes, pvstVlan10);
  });

  it('a PVST+ BPDU for the native VLAN 1, untagged: 64 bytes', () => {
    expectFrame(pvstVlan1Bytes, pvstVlan1);
  });

  it('a TCN BPDU: 4 bytes of BPDU, 802.3 length 7', () => {
    expectFrame(tcnBytes, tcnFrame);
  });

  it('a configuration BPDU with the TC and TCA flags', () => {
    expectFrame(tcTcaBytes, tcTca);
  });

  it('a Rapid PVST+ BPDU for VLAN 10, tagged: 802.3 length 0x32, the TLV at the same offset', () => {
    expect(stpLen(rapidVlan10.payload as StpBpdu)).toBe(0x32);
    expectFrame(rapidVlan10Bytes, rapidVlan10);
  });

  it('an RST BPDU to the IEEE address: 802.3 length 0x27, padded to 60', () => {
    expectFrame(rapidIeeeBytes, rapidIeee);
  });

  it("another vendor's RST BPDU: a designated port's agreement and proposal flags (type 0x02, 802.3 length 0x27)", () => {
    // A D-Link switch's RST BPDU (forum.dlink.ru, tcpdump -XX): 36 bytes of BPDU, 7 of padding.
    const bytes = hex(`
      0180 c200 0000 0080 c800 0000 0027 4242 0300 0002 024e 8000 001c f021 6080 0000
      0000 8000 001c f021 6080 8016 0000 1400 0200 0f00 0000 0000 0000 0000`);
    expectFrame(
      bytes,
      frameOf(
        STP_IEEE_MAC,
        mac('00:80:c8:00:00:00'),
        stpBpdu({
          encap: 'ieee',
          protocolId: 0,
          version: 2,
          type: BPDU_RST,
          flags: 0x4e, // agreement, designated port, proposal
          rootPriority: 0x8000,
          rootMac: mac('00:1c:f0:21:60:80'),
          rootPathCost: 0,
          bridgePriority: 0x8000,
          bridgeMac: mac('00:1c:f0:21:60:80'),
          portId: 0x8016,
          messageAge: 0,
          maxAge: s(20),
          helloTime: s(2),
          forwardDelay: s(15),
          version1Length: 0,
          pvid: -1,
          extra: NONE,
        }),
      ),
    );
    const b = decodeStp(bytes.subarray(14, 14 + 0x27));
    expect(b.ok && b.value.flags & RST_ROLE_MASK).toBe(RST_ROLE_DESIGNATED);
    expect(b.ok && b.value.flags & (RST_FLAG_AGREEMENT | RST_FLAG_PROPOSAL)).toBe(0x42);
  });

  it('keeps what follows the BPDU within the 802.3 length, and other TLVs after the PVID', () => {
    const more = stpBpdu({ ...relayed('pvst', 10, 10), extra: hex('0001 0002 abcd') });
    const bytes = encodeStp(more);
    expect(bytes.length).toBe(56);
    expect(toHex(bytes.subarray(43))).toBe(`${'00'}${'0000'}${'0002'}${'000a'}${'00010002abcd'}`);
    expect(decodeStp(bytes)).toEqual({ ok: true, value: more });
    // Without the zero byte before it, the TLV is not where Wireshark reads it: kept in extra.
    const shifted = concat(bytes.subarray(0, 43), hex('0000 0002 000a'));
    expect(decodeStp(shifted)).toMatchObject({ ok: true, value: { pvid: -1, extra: hex('0000 0002 000a') } });
    // An IEEE BPDU with a trailing byte, and a PVST+ TCN with bytes after its header.
    const ieee = stpBpdu({ ...relayed('ieee', 1, -1), extra: hex('00') });
    expect(decodeStp(encodeStp(ieee))).toEqual({ ok: true, value: ieee });
    expect(decodeStp(hex('aaaa03 00000c 010b 0000 0080 00 0000 0002 000a'))).toEqual({
      ok: true,
      value: tcn('pvst', hex('00 0000 0002 000a')),
    });
  });

  it('recognises only the two LLC (and SNAP) headers', () => {
    expect(isStpLlc(hex('424203'))).toBe(true);
    expect(isStpLlc(hex('aaaa03 00000c 010b'))).toBe(true);
    expect(isStpLlc(hex('4242'))).toBe(false);
    expect(isStpLlc(hex('424213'))).toBe(false);
    expect(isStpLlc(hex('aaaa03 00000c 010c'))).toBe(false); // Cisco VLAN-bridge STP
    expect(isStpLlc(hex('aaaa03 00000c 2000'))).toBe(false); // CDP
    expect(isStpLlc(hex('aaaa03 00000c 01'))).toBe(false);
  });
});

describe('STP decoding errors', () => {
  const expectMalformed = (result: { ok: boolean }, error: RegExp): void => {
    expect(result).toEqual({ ok: false, error: expect.stringMatching(error) });
  };

  it('says what is wrong, and where, without throwing', () => {
    const ieee = ieeeVlan1Bytes.subarray(14, 14 + 0x26);
    expectMalformed(
      decodeStp(ieee.subarray(0, 23)),
      /^stp: configuration BPDU at offset 3 has 20 bytes, it needs 35/,
    );
    const pvst = pvstVlan10Bytes.subarray(18);
    expectMalformed(decodeStp(pvst.subarray(0, 42)), /configuration BPDU at offset 8 has 34 bytes/);
    expectMalformed(
      decodeStp(rapidVlan10Bytes.subarray(18, 18 + 43)),
      /^stp: RST BPDU at offset 8 has 35 bytes, it needs 36/,
    );
    expectMalformed(decodeStp(pvst.subarray(0, 10)), /^stp: 2 bytes of BPDU at offset 8, its header needs 4/);
    expectMalformed(decodeStp(hex('424203 0000')), /2 bytes of BPDU at offset 3/);
    expectMalformed(
      decodeStp(hex('e0e003 0000 0000')),
      /header at offset 0 \(e0 e0 03 00 00 00 00\) is neither/,
    );
    expectMalformed(decodeStp(zeros(0)), /header at offset 0 \(no bytes\)/);
  });

  it('decodeFrame: a length field past the end of the frame, and a BPDU the length cuts short', () => {
    const long = new Uint8Array(ieeeVlan1Bytes);
    long[13] = 0x2f; // 47, and 46 bytes follow
    expectMalformed(
      decodeFrame(long),
      /^ethernet: 802\.3 length field 47 at offset 12 runs past the 46 bytes after it/,
    );
    const tagged = new Uint8Array(pvstVlan10Bytes);
    tagged[17] = 0x33;
    expectMalformed(decodeFrame(tagged), /802\.3 length field 51 at offset 16 runs past the 50 bytes/);
    const short = new Uint8Array(ieeeVlan1Bytes);
    short[13] = 0x17; // the padding is there, but the length ends the BPDU after 20 bytes
    expectMalformed(decodeFrame(short), /^stp: configuration BPDU at offset 3 has 20 bytes, it needs 35/);
  });

  it('keeps other 802.3 payloads raw, padding included', () => {
    const cdpLike = concat(hex('0100 0ccc cccc 001b d4c8 4e19 0010 aaaa03 00000c 2000'), zeros(38));
    expect(decodeFrame(cdpLike)).toMatchObject({
      ok: true,
      value: { etherType: 0x10, payload: { proto: 'raw' } },
    });
    // The LLC header must lie within the length for the frame to be read as a BPDU.
    const two = new Uint8Array(ieeeVlan1Bytes);
    two[13] = 2;
    expect(decodeFrame(two)).toMatchObject({ ok: true, value: { etherType: 2, payload: { proto: 'raw' } } });
  });
});

describe('STP encoding', () => {
  it('refuses only what the fields cannot hold', () => {
    const base = relayed('pvst', 10, 10);
    const bad: [StpBpdu, RegExp][] = [
      [{ ...tcn('ieee'), flags: STP_FLAG_TC }, /type 0x80 has no flags \(1\), only 0/],
      [{ ...tcn('ieee'), rootPathCost: 4 }, /type 0x80 has no rootPathCost/],
      [{ ...tcn('pvst'), pvid: 10 }, /pvid 10 needs a PVST\+ configuration or RST BPDU/],
      [{ ...base, encap: 'ieee' }, /pvid 10 needs a PVST\+ configuration or RST BPDU/],
      [{ ...base, version1Length: 1 }, /only an RST BPDU has a Version 1 Length \(1\)/],
      [{ ...rapid('pvst', 10, 10), version1Length: 256 }, /version1Length 256/],
      [{ ...base, pvid: 0x10000 }, /pvid \(-1 for none\) 65536 is not in 0\.\.65535/],
      [{ ...base, pvid: -2 }, /pvid \(-1 for none\) -2 is not in 0\.\.65535/],
      [{ ...base, rootPathCost: 2 ** 32 }, /rootPathCost 4294967296/],
      [{ ...base, portId: -1 }, /portId -1/],
      [{ ...base, flags: 256 }, /flags 256/],
      [{ ...base, maxAge: 1.5 }, /maxAge 1.5/],
      [{ ...base, bridgeMac: (2 ** 48) as MacAddr }, /bridgeMac/],
      [{ ...base, pvid: -1, extra: hex('00 0000 0002 0001') }, /extra starts with an Originating VLAN TLV/],
      [
        { ...rapid('pvst', 10, 10), pvid: -1, extra: hex('0000 0002 0001') },
        /extra starts with an Originating VLAN TLV/,
      ],
    ];
    for (const [b, error] of bad) expect(() => encodeStp(b)).toThrow(error);
    expect(() => encodeStp({ ...base, pvid: -1, extra: hex('00 0000 0003 0001') })).not.toThrow();
    expect(() => encodeStp(base, new Uint8Array(49))).toThrow(/stp: needs 50 bytes at offset 0/);
  });

  it('writes into a buffer at an offset', () => {
    const buf = new Uint8Array(60).fill(0xee);
    const b = ieeeVlan1.payload as StpBpdu;
    const view = encodeStp(b, buf, 5);
    expect(view.length).toBe(0x26);
    expect(toHex(buf.subarray(5, 5 + 0x26))).toBe(toHex(ieeeVlan1Bytes.subarray(14, 52)));
    expect(buf[4]).toBe(0xee);
    expect(buf[5 + 0x26]).toBe(0xee);
  });
});

const u8 = fc.integer({ min: 0, max: 0xff });
const u16 = fc.integer({ min: 0, max: 0xffff });
const u32 = fc.tuple(u16, u16).map(([hi, lo]) => hi * 0x10000 + lo);
const macAddr = fc
  .tuple(fc.integer({ min: 0, max: 0xffffff }), fc.integer({ min: 0, max: 0xffffff }))
  .map(([hi, lo]) => (hi * 0x1000000 + lo) as MacAddr);
const encap = fc.constantFrom('ieee' as const, 'pvst' as const);
/** Where decode would find a PVID TLV, encode refuses an extra of that form without pvid. */
const looksLikeTlv = (b: Uint8Array, type: number): boolean => {
  const at = type === BPDU_RST ? 0 : 1;
  return (
    b.length >= at + 6 &&
    (at === 0 || b[0] === 0) &&
    b[at] === 0 &&
    b[at + 1] === 0 &&
    b[at + 2] === 0 &&
    b[at + 3] === 2
  );
};

const configBpdu: fc.Arbitrary<StpBpdu> = fc
  .record({
    encap,
    protocolId: fc.oneof(fc.constant(0), u16),
    version: fc.oneof(fc.constant(0), u8),
    type: fc.constantFrom(BPDU_CONFIG, BPDU_RST),
    flags: u8,
    rootPriority: u16,
    rootMac: macAddr,
    rootPathCost: u32,
    bridgePriority: u16,
    bridgeMac: macAddr,
    portId: u16,
    messageAge: u16,
    maxAge: u16,
    helloTime: u16,
    forwardDelay: u16,
    version1Length: fc.oneof(fc.constant(0), u8),
    pvid: fc.oneof(fc.constant(-1), fc.integer({ min: 0, max: 4095 }), u16),
    extra: fc.oneof(fc.constant(NONE), fc.uint8Array({ maxLength: 40 })),
  })
  .map((f) =>
    stpBpdu({
      ...f,
      pvid: f.encap === 'ieee' ? -1 : f.pvid,
      version1Length: f.type === BPDU_RST ? f.version1Length : 0,
    }),
  )
  .filter((b) => !(b.encap === 'pvst' && b.pvid === -1 && looksLikeTlv(b.extra, b.type)));

const otherBpdu: fc.Arbitrary<StpBpdu> = fc
  .record({
    encap,
    protocolId: fc.oneof(fc.constant(0), u16),
    version: fc.oneof(fc.constant(0), u8),
    type: fc.oneof(
      fc.constant(BPDU_TCN),
      u8.filter((t) => t !== BPDU_CONFIG && t !== BPDU_RST),
    ),
    extra: fc.oneof(fc.constant(NONE), fc.uint8Array({ maxLength: 40 })),
  })
  .map((f) => stpBpdu({ ...tcn(f.encap), ...f }));

const bpdu = fc.oneof(configBpdu, otherBpdu);

const tag = fc.record({
  pcp: fc.integer({ min: 0, max: 7 }),
  dei: fc.boolean(),
  vid: fc.integer({ min: 0, max: 4095 }),
});

const stpFrame: fc.Arbitrary<EthernetFrame> = fc
  .tuple(macAddr, macAddr, fc.option(tag, { nil: undefined }), bpdu)
  .map(([dst, src, t, b]) => frameOf(dst, src, b, t));

/** 802.3 frames whose length field and LLC header make them look like BPDUs, the rest anything. */
const bpduLike = fc
  .tuple(
    fc.uint8Array({ minLength: 12, maxLength: 12 }),
    fc.option(fc.uint8Array({ minLength: 2, maxLength: 2 }), { nil: undefined }),
    fc.integer({ min: 0, max: 80 }),
    fc.constantFrom(hex('424203'), hex('aaaa03 00000c 010b')),
    fc.uint8Array({ maxLength: 70 }),
  )
  .map(([addrs, tci, len, llc, rest]) =>
    concat(addrs, tci ? concat(hex('8100'), tci) : NONE, Uint8Array.of(0, len), llc, rest),
  );

describe('STP properties', () => {
  it('decode(encode(b)) gives b back, and stpLen is the encoded size', () => {
    fc.assert(
      fc.property(bpdu, (b) => {
        const bytes = encodeStp(b);
        expect(bytes.length).toBe(stpLen(b));
        expect(isStpLlc(bytes)).toBe(true);
        expect(decodeStp(bytes)).toEqual({ ok: true, value: b });
      }),
      { numRuns: 2000 },
    );
  });

  it('decodeFrame(encodeFrame(f)) gives a BPDU frame back, tagged or not; frameLen and wireLen agree', () => {
    fc.assert(
      fc.property(stpFrame, (f) => {
        const bytes = encodeFrame(f);
        expect(bytes.length).toBe(frameLen(f));
        expect(bytes.length).toBe(wireLen(f));
        expect(decodeFrame(bytes)).toEqual({ ok: true, value: f });
      }),
      { numRuns: 1000 },
    );
  });

  it('decoders never throw, on any bytes, on BPDU-like frames or on damaged BPDU frames', () => {
    const damaged = fc
      .tuple(stpFrame, fc.array(fc.tuple(fc.nat(), u8), { maxLength: 4 }), fc.nat({ max: 12 }))
      .map(([f, changes, cut]) => {
        const b = new Uint8Array(encodeFrame(f));
        for (const [at, value] of changes) b[at % b.length] = value;
        return b.subarray(0, b.length - cut);
      });
    let decodedStp = 0;
    fc.assert(
      fc.property(fc.oneof(fc.uint8Array({ maxLength: 120 }), bpduLike, damaged), (b) => {
        const frame = decodeFrame(b);
        expect(typeof frame.ok).toBe('boolean');
        if (frame.ok && frame.value.payload.proto === 'stp') decodedStp++;
        expect(typeof decodeStp(b).ok).toBe('boolean');
        expect(typeof decodeStp(b.subarray(14)).ok).toBe('boolean');
      }),
      { numRuns: 3000 },
    );
    // Enough of the inputs get as far as the BPDU decoder for the property to say something.
    expect(decodedStp).toBeGreaterThan(300);
  });
});

const FIELDS = [
  'frame.len',
  'eth.dst',
  'eth.src',
  'eth.len',
  'vlan.id',
  'vlan.len',
  'llc.dsap',
  'llc.oui',
  'llc.cisco_pid',
  'stp.protocol',
  'stp.version',
  'stp.type',
  'stp.flags',
  'stp.flags.tc',
  'stp.flags.tcack',
  'stp.flags.agreement',
  'stp.flags.forwarding',
  'stp.flags.learning',
  'stp.flags.port_role',
  'stp.flags.proposal',
  'stp.root.prio',
  'stp.root.ext',
  'stp.root.hw',
  'stp.root.cost',
  'stp.bridge.prio',
  'stp.bridge.ext',
  'stp.bridge.hw',
  'stp.port',
  'stp.msg_age',
  'stp.max_age',
  'stp.hello',
  'stp.forward',
  'stp.version_1_length',
  'stp.pvst.origvlan',
  '_ws.expert',
  '_ws.malformed',
] as const;

const hex4 = (v: number): string => `0x${v.toString(16).padStart(4, '0')}`;
const hex2 = (v: number): string => `0x${v.toString(16).padStart(2, '0')}`;
const bool = (v: boolean): string => (v ? '1' : '0');

/** What tshark should show for a frame carrying a configuration, RST or TCN BPDU, from its typed form. */
function expected(f: EthernetFrame): Record<string, string> {
  const b = f.payload as StpBpdu;
  const config = b.type === BPDU_CONFIG || b.type === BPDU_RST;
  const c = (v: string): string => (config ? v : '');
  const r = (v: string): string => (b.type === BPDU_RST ? v : '');
  return {
    'frame.len': String(encodeFrame(f).length),
    'eth.dst': formatMacColon(f.dst),
    'eth.src': formatMacColon(f.src),
    // The 802.3 length field, after the tag when there is one.
    'eth.len': f.tag ? '' : String(f.etherType),
    'vlan.id': f.tag ? String(f.tag.vid) : '',
    'vlan.len': f.tag ? String(f.etherType) : '',
    'llc.dsap': b.encap === 'ieee' ? '0x42' : '0xaa',
    'llc.oui': b.encap === 'ieee' ? '' : '12', // 00-00-0C, which tshark prints in decimal
    'llc.cisco_pid': b.encap === 'ieee' ? '' : '0x010b',
    'stp.protocol': hex4(b.protocolId),
    'stp.version': String(b.version),
    'stp.type': hex2(b.type),
    'stp.flags': c(hex2(b.flags)),
    'stp.flags.tc': c(bool((b.flags & STP_FLAG_TC) !== 0)),
    'stp.flags.tcack': c(bool((b.flags & STP_FLAG_TCA) !== 0)),
    'stp.flags.agreement': r(bool((b.flags & RST_FLAG_AGREEMENT) !== 0)),
    'stp.flags.forwarding': r(bool((b.flags & RST_FLAG_FORWARDING) !== 0)),
    'stp.flags.learning': r(bool((b.flags & RST_FLAG_LEARNING) !== 0)),
    'stp.flags.port_role': r(String((b.flags & RST_ROLE_MASK) >> 2)),
    'stp.flags.proposal': r(bool((b.flags & RST_FLAG_PROPOSAL) !== 0)),
    'stp.root.prio': c(String(b.rootPriority & 0xf000)),
    'stp.root.ext': c(String(b.rootPriority & 0x0fff)),
    'stp.root.hw': c(formatMacColon(b.rootMac)),
    'stp.root.cost': c(String(b.rootPathCost)),
    'stp.bridge.prio': c(String(b.bridgePriority & 0xf000)),
    'stp.bridge.ext': c(String(b.bridgePriority & 0x0fff)),
    'stp.bridge.hw': c(formatMacColon(b.bridgeMac)),
    'stp.port': c(hex4(b.portId)),
    'stp.msg_age': c(String(b.messageAge / 256)),
    'stp.max_age': c(String(b.maxAge / 256)),
    'stp.hello': c(String(b.helloTime / 256)),
    'stp.forward': c(String(b.forwardDelay / 256)),
    'stp.version_1_length': r(String(b.version1Length)),
    'stp.pvst.origvlan': b.pvid >= 0 ? String(b.pvid) : '',
    '_ws.expert': '',
    '_ws.malformed': '',
  };
}

describeTshark('STP as tshark reads it', () => {
  it('decodes IEEE, PVST+, RST and TCN BPDUs, tagged and not, with no warning and nothing malformed', () => {
    const frames = [ieeeVlan1, pvstVlan10, pvstVlan1, tcnFrame, tcTca, rapidVlan10, rapidIeee];
    fieldsOf(
      frames,
      FIELDS,
      (rows) => {
        expect(rows).toEqual(frames.map(expected));
        // Spelled out once, for the frames the rows above check field by field.
        expect(rows[1]).toMatchObject({
          'vlan.id': '10',
          'vlan.len': '50',
          'stp.root.prio': '32768',
          'stp.root.ext': '10',
          'stp.root.hw': '00:19:e8:a3:5c:80',
          'stp.root.cost': '19',
          'stp.port': '0x8019',
          'stp.msg_age': '1',
          'stp.pvst.origvlan': '10',
        });
        expect(rows[4]).toMatchObject({ 'stp.flags': '0x81', 'stp.flags.tc': '1', 'stp.flags.tcack': '1' });
        expect(rows[5]).toMatchObject({
          'vlan.len': '50',
          'stp.version': '2',
          'stp.type': '0x02',
          'stp.flags': '0x3c',
          'stp.flags.port_role': '3',
          'stp.pvst.origvlan': '10',
        });
      },
      2_000_000,
    );
  });

  it('flags a PVST+ BPDU without its Originating VLAN TLV, so a clean run above means something', () => {
    const bare = frameOf(STP_PVST_MAC, SW_GI0_1, relayed('pvst', 1, -1));
    withCapture(pcapFile([[micros(0), encodeFrame(bare)] as const]), (file) => {
      expect(tshark(file, '-V')).toMatch(/Originating \(PVID\) VLAN TLV is missing/);
    });
  });
});
