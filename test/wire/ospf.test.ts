/**
 * OSPFv2 packets and LSAs (RFC 2328 A.3, A.4): golden bytes of every packet type, the packet
 * checksum and the LSAs' Fletcher checksum, decoding with its length checks, round trips, the
 * LSA comparison of 13.1, and tshark's reading.
 *
 * The golden bytes are written by hand field by field. Their checksums were checked with
 * another implementation, Scapy 2.5's OSPF layer: 0xdc93 for the hello, 0x0bb0 for the router
 * LSA, 0x1d91 for the AS-external LSA. The router and network LSAs, with their checksums
 * 0x0bb0 and 0xe082, are also published as test vectors of another OSPF implementation.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ipFrame, ipv4 } from '../../src/engine/packets.ts';
import { pcapFile } from '../../src/engine/pcap.ts';
import { encodeFrame } from '../../src/engine/wire/ethernet.ts';
import type { Ipv4Packet } from '../../src/engine/wire/ipv4.ts';
import { decodeIpv4, encodeIpv4, ipv4Len } from '../../src/engine/wire/ipv4.ts';
import type { OspfBody, OspfPacket } from '../../src/engine/wire/ospf.ts';
import {
  DBD_I,
  DBD_M,
  DBD_MS,
  decodeOspf,
  encodeOspf,
  IPPROTO_OSPF,
  OSPF_ALL_DROUTERS,
  OSPF_ALL_DROUTERS_MAC,
  OSPF_ALL_ROUTERS,
  OSPF_ALL_ROUTERS_MAC,
  OSPF_AUTH_CRYPTO,
  OSPF_AUTH_SIMPLE,
  OSPF_DBD,
  OSPF_HELLO,
  OSPF_LSACK,
  OSPF_LSR,
  OSPF_LSU,
  OSPF_NULL_AUTH,
  OSPF_OPTION_E,
  OSPF_OPTION_L,
  ospfBodyKnown,
  ospfLen,
  ospfPacket,
} from '../../src/engine/wire/ospf.ts';
import type { Lsa, LsaBody, LsaHeader, RouterLink } from '../../src/engine/wire/ospf-lsa.ts';
import {
  compareLsaInstance,
  decodeLsa,
  encodeLsa,
  fletcherChecksum,
  LINK_P2P,
  LINK_STUB,
  LINK_TRANSIT,
  LSA_DO_NOT_AGE,
  LSA_EXTERNAL,
  LSA_INITIAL_SEQ,
  LSA_MAX_AGE,
  LSA_NETWORK,
  LSA_ROUTER,
  lsaChecksumOk,
  lsaLen,
  withLsaChecksum,
} from '../../src/engine/wire/ospf-lsa.ts';
import type { Ipv4Addr } from '../../src/shared/ipv4.ts';
import type { MacAddr } from '../../src/shared/mac.ts';
import { micros } from '../../src/shared/time.ts';
import { concat, hex, ip, mac, toHex } from './hex.ts';
import {
  ANY_EXPERT_INFO,
  describeTshark,
  tshark,
  tsharkFields,
  tsharkProblems,
  withCapture,
} from './tshark-run.ts';

const RID1 = ip('1.1.1.1');
const RID2 = ip('2.2.2.2');
const MASK24 = ip('255.255.255.0');

// --- LSAs -------------------------------------------------------------------------------

/** 1.1.1.1's router LSA: a point-to-point link to 3.3.3.3, its stub, a transit network, two stubs. */
const routerLsaBytes = concat(
  hex('00 01 22 01'), // 0: age 1 s, options 0x22 (DC, E), LS type 1 (router)
  hex('01 01 01 01'), // 4: link state ID 1.1.1.1
  hex('01 01 01 01'), // 8: advertising router 1.1.1.1
  hex('80 00 00 06'), // 12: sequence number 0x80000006
  hex('0b b0 00 54'), // 16: Fletcher checksum 0x0bb0, length 84
  hex('00 00 00 05'), // 20: flags 0 (not V, E or B), reserved, 5 links
  hex('03 03 03 03 de de 06 01 01 00 00 40'), // 24: p2p to 3.3.3.3 from 222.222.6.1, no TOS, metric 64
  hex('de de 06 00 ff ff ff 00 03 00 00 40'), // 36: stub 222.222.6.0/24, metric 64
  hex('de de 03 02 de de 03 01 02 00 00 0a'), // 48: transit, DR 222.222.3.2, own address 222.222.3.1, metric 10
  hex('de de 02 00 ff ff ff 00 03 00 00 0a'), // 60: stub 222.222.2.0/24, metric 10
  hex('de de 01 00 ff ff ff 00 03 00 00 01'), // 72: stub 222.222.1.0/24, metric 1
);
const link = (id: string, data: string, type: number, metric: number): RouterLink => ({
  id: ip(id),
  data: ip(data),
  type,
  metric,
  tos: [],
});
const routerLsa: Lsa = {
  header: {
    age: 1,
    options: 0x22,
    type: LSA_ROUTER,
    id: RID1,
    advRouter: RID1,
    seq: 0x8000_0006 | 0,
    checksum: 0x0bb0,
    length: 84,
  },
  body: {
    kind: 'router',
    flags: 0,
    links: [
      link('3.3.3.3', '222.222.6.1', LINK_P2P, 64),
      link('222.222.6.0', '255.255.255.0', LINK_STUB, 64),
      link('222.222.3.2', '222.222.3.1', LINK_TRANSIT, 10),
      link('222.222.2.0', '255.255.255.0', LINK_STUB, 10),
      link('222.222.1.0', '255.255.255.0', LINK_STUB, 1),
    ],
  },
};

/** 2.2.2.2, DR of 222.222.3.0/24, lists itself and 1.1.1.1. */
const networkLsaBytes = concat(
  hex('00 01 22 02'), // 0: age 1 s, options 0x22, LS type 2 (network)
  hex('de de 03 02'), // 4: link state ID: the DR's address 222.222.3.2
  hex('02 02 02 02'), // 8: advertising router 2.2.2.2
  hex('80 00 00 01'), // 12: sequence number 0x80000001, the first
  hex('e0 82 00 20'), // 16: checksum 0xe082, length 32
  hex('ff ff ff 00'), // 20: network mask /24
  hex('02 02 02 02'), // 24: attached router 2.2.2.2
  hex('01 01 01 01'), // 28: attached router 1.1.1.1
);
const networkLsa: Lsa = {
  header: {
    age: 1,
    options: 0x22,
    type: LSA_NETWORK,
    id: ip('222.222.3.2'),
    advRouter: RID2,
    seq: LSA_INITIAL_SEQ,
    checksum: 0xe082,
    length: 32,
  },
  body: { kind: 'network', mask: MASK24, routers: [RID2, RID1] },
};

/** 1.1.1.1's default route, as `default-information originate` gives it: E2, metric 1, tag 1. */
const externalLsaBytes = concat(
  hex('00 01 20 05'), // 0: age 1 s, options 0x20 (DC), LS type 5 (AS-external)
  hex('00 00 00 00'), // 4: link state ID 0.0.0.0
  hex('01 01 01 01'), // 8: advertising router 1.1.1.1
  hex('80 00 00 01'), // 12: sequence number 0x80000001
  hex('1d 91 00 24'), // 16: checksum 0x1d91, length 36
  hex('00 00 00 00'), // 20: network mask 0.0.0.0
  hex('80 00 00 01'), // 24: E bit (type 2), TOS 0, metric 1
  hex('00 00 00 00'), // 28: forwarding address 0.0.0.0: to the ASBR itself
  hex('00 00 00 01'), // 32: external route tag 1
);
const externalLsa: Lsa = {
  header: {
    age: 1,
    options: 0x20,
    type: LSA_EXTERNAL,
    id: 0,
    advRouter: RID1,
    seq: LSA_INITIAL_SEQ,
    checksum: 0x1d91,
    length: 36,
  },
  body: { kind: 'external', mask: 0, e2: true, metric: 1, forwarding: 0, tag: 1 },
};

// --- Packets ------------------------------------------------------------------------------

/** The 24-byte header with null authentication; `len` and `checksum` as 4 hex digits each. */
const header = (type: string, len: string, router: string, checksum: string): Uint8Array =>
  concat(
    hex(`02 ${type} ${len}`), // 0: version 2, type, packet length
    hex(router), // 4: router ID
    hex('00 00 00 00'), // 8: area 0.0.0.0
    hex(`${checksum} 00 00`), // 12: checksum, AuType 0 (null)
    hex('00 00 00 00 00 00 00 00'), // 16: authentication, unused
  );

/** 1.1.1.1's hello as IOS 15 sends it on Ethernet, the DR on 10.0.0.0/24, hearing 2.2.2.2. */
const helloBytes = concat(
  header('01', '00 30', '01 01 01 01', 'dc 93'), // hello, 48 bytes
  hex('ff ff ff 00'), // 24: network mask /24
  hex('00 0a 12 01'), // 28: hello interval 10 s, options 0x12 (L, E), priority 1
  hex('00 00 00 28'), // 32: dead interval 40 s
  hex('0a 00 00 01'), // 36: DR 10.0.0.1
  hex('00 00 00 00'), // 40: no BDR
  hex('02 02 02 02'), // 44: neighbour 2.2.2.2
);
/**
 * The LLS data block (RFC 5613) IOS appends because of the L bit, outside the packet length:
 * checksum 0xfff6, 3 words, the extended options TLV (type 1, 4 bytes) with LR.
 */
const LLS = hex('ff f6 00 03 00 01 00 04 00 00 00 01');
const hello = ospfPacket(RID1, 0, {
  type: OSPF_HELLO,
  mask: MASK24,
  hello: 10,
  options: OSPF_OPTION_L | OSPF_OPTION_E,
  priority: 1,
  dead: 40,
  dr: ip('10.0.0.1'),
  bdr: 0,
  neighbors: [RID2],
});

/** 2.2.2.2 opens the exchange: I, M and MS set, no LSA headers. */
const dbdInitBytes = concat(
  header('02', '00 20', '02 02 02 02', 'd2 ab'), // database description, 32 bytes
  hex('05 dc 02 07'), // 24: interface MTU 1500, options 0x02 (E), flags I M MS
  hex('00 00 1f 4b'), // 28: DD sequence number 8011
);
const dbdInit = ospfPacket(RID2, 0, {
  type: OSPF_DBD,
  mtu: 1500,
  options: OSPF_OPTION_E,
  flags: DBD_I | DBD_M | DBD_MS,
  seq: 8011,
  lsas: [],
});

/** The master's next one: M and MS, the headers of the router and network LSAs. */
const dbdBytes = concat(
  header('02', '00 48', '02 02 02 02', 'b7 e9'), // database description, 72 bytes
  hex('05 dc 02 03'), // 24: MTU 1500, options 0x02, flags M MS
  hex('00 00 1f 4c'), // 28: DD sequence number 8012
  routerLsaBytes.subarray(0, 20), // 32: the router LSA's header
  networkLsaBytes.subarray(0, 20), // 52: the network LSA's header
);
const dbd = ospfPacket(RID2, 0, {
  type: OSPF_DBD,
  mtu: 1500,
  options: OSPF_OPTION_E,
  flags: DBD_M | DBD_MS,
  seq: 8012,
  lsas: [routerLsa.header, networkLsa.header],
});

/** 1.1.1.1 asks 2.2.2.2 for its router LSA and its network LSA. */
const lsrBytes = concat(
  header('03', '00 30', '01 01 01 01', '0d db'), // link state request, 48 bytes
  hex('00 00 00 01 02 02 02 02 02 02 02 02'), // 24: type 1, ID 2.2.2.2, by 2.2.2.2
  hex('00 00 00 02 de de 03 02 02 02 02 02'), // 36: type 2, ID 222.222.3.2, by 2.2.2.2
);
const lsr = ospfPacket(RID1, 0, {
  type: OSPF_LSR,
  requests: [
    { lsType: LSA_ROUTER, id: RID2, advRouter: RID2 },
    { lsType: LSA_NETWORK, id: ip('222.222.3.2'), advRouter: RID2 },
  ],
});

/** An update with the three LSAs. */
const lsuBytes = concat(
  header('04', '00 b4', '01 01 01 01', '3d fd'), // link state update, 180 bytes
  hex('00 00 00 03'), // 24: 3 LSAs
  routerLsaBytes, // 28
  networkLsaBytes, // 112
  externalLsaBytes, // 144
);
const lsu = ospfPacket(RID1, 0, { type: OSPF_LSU, lsas: [routerLsa, networkLsa, externalLsa] });

/** 2.2.2.2 acknowledges them. */
const lsackBytes = concat(
  header('05', '00 54', '02 02 02 02', '1f 47'), // link state acknowledgement, 84 bytes
  routerLsaBytes.subarray(0, 20), // 24
  networkLsaBytes.subarray(0, 20), // 44
  externalLsaBytes.subarray(0, 20), // 64
);
const lsack = ospfPacket(RID2, 0, {
  type: OSPF_LSACK,
  lsas: [routerLsa.header, networkLsa.header, externalLsa.header],
});

const GOLDEN: readonly (readonly [string, OspfPacket, Uint8Array])[] = [
  ['hello', hello, helloBytes],
  ['initial database description', dbdInit, dbdInitBytes],
  ['database description with LSA headers', dbd, dbdBytes],
  ['link state request', lsr, lsrBytes],
  ['link state update', lsu, lsuBytes],
  ['link state acknowledgement', lsack, lsackBytes],
];

/** The bytes with the packet length field set to `len`. */
function withLength(b: Uint8Array, len: number): Uint8Array {
  const out = new Uint8Array(b);
  out[2] = len >>> 8;
  out[3] = len & 0xff;
  return out;
}

/** An update packet carrying `lsas` (bytes), announcing `count` of them. */
const updateOf = (count: number, ...lsas: Uint8Array[]): Uint8Array => {
  const body = concat(hex((count >>> 0).toString(16).padStart(8, '0')), ...lsas);
  return concat(withLength(header('04', '00 00', '01 01 01 01', '00 00'), 24 + body.length), body);
};

/** An LSA's bytes with its length field set to `len`. */
function lsaWithLength(b: Uint8Array, len: number): Uint8Array {
  const out = new Uint8Array(b);
  out[18] = len >>> 8;
  out[19] = len & 0xff;
  return out;
}

/** Both Fletcher sums over an encoded LSA from its options on (the age is not covered). */
function fletcherSums(b: Uint8Array): [number, number] {
  let c0 = 0;
  let c1 = 0;
  for (const x of b.subarray(2)) {
    c0 = (c0 + x) % 255;
    c1 = (c1 + c0) % 255;
  }
  return [c0, c1];
}

describe('OSPF golden bytes', () => {
  for (const [name, packet, bytes] of GOLDEN) {
    it(`a ${name} encodes to the bytes worked out by hand and decodes back`, () => {
      expect(ospfLen(packet)).toBe(bytes.length);
      expect(toHex(encodeOspf(packet))).toBe(toHex(bytes));
      expect(decodeOspf(bytes)).toEqual({ ok: true, value: packet });
    });
  }

  it('the LSAs encode to their bytes and decode back', () => {
    for (const [lsa, bytes] of [
      [routerLsa, routerLsaBytes],
      [networkLsa, networkLsaBytes],
      [externalLsa, externalLsaBytes],
    ] as const) {
      expect(lsaLen(lsa.body)).toBe(bytes.length);
      expect(toHex(encodeLsa(lsa))).toBe(toHex(bytes));
      expect(decodeLsa(bytes)).toEqual({ ok: true, value: lsa });
    }
  });

  it('decode ignores the LLS data block IOS appends after the packet length', () => {
    expect(decodeOspf(concat(helloBytes, LLS))).toEqual({ ok: true, value: hello });
  });

  it('encodes at an offset into a buffer given', () => {
    const buf = new Uint8Array(10 + lsuBytes.length).fill(0xee);
    const view = encodeOspf(lsu, buf, 10);
    expect(toHex(view)).toBe(toHex(lsuBytes));
    expect(buf[9]).toBe(0xee);
    expect(() => encodeOspf(lsu, new Uint8Array(lsuBytes.length - 1))).toThrow(RangeError);
  });

  it('the decoded authentication does not share the input bytes', () => {
    const b = new Uint8Array(helloBytes);
    const result = decodeOspf(b);
    b[16] = 0xff;
    expect(result.ok && toHex(result.value.auth)).toBe('0000000000000000');
    expect(hello.auth).toBe(OSPF_NULL_AUTH);
  });

  it('the addresses are 224.0.0.5 and 224.0.0.6, 01-00-5e-00-00-05 and -06 on Ethernet', () => {
    expect(IPPROTO_OSPF).toBe(89);
    expect(OSPF_ALL_ROUTERS).toBe(ip('224.0.0.5'));
    expect(OSPF_ALL_DROUTERS).toBe(ip('224.0.0.6'));
    expect(OSPF_ALL_ROUTERS_MAC).toBe(mac('01:00:5e:00:00:05'));
    expect(OSPF_ALL_DROUTERS_MAC).toBe(mac('01:00:5e:00:00:06'));
  });
});

describe('OSPF packet checksum', () => {
  it('is the Internet checksum of the packet but the authentication field', () => {
    for (const [, , bytes] of GOLDEN) {
      // Summing everything but the 8 authentication bytes gives 0xffff (RFC 1071).
      const words = concat(bytes.subarray(0, 16), bytes.subarray(24));
      let sum = 0;
      for (let i = 0; i < words.length; i += 2) sum += (words[i]! << 8) | (words[i + 1] ?? 0);
      while (sum > 0xffff) sum = (sum & 0xffff) + (sum >>> 16);
      expect(sum).toBe(0xffff);
    }
  });

  it('does not change with the authentication data, only with the AuType', () => {
    const simple = { ...hello, auType: OSPF_AUTH_SIMPLE, auth: hex('63 69 73 63 6f 00 00 00') };
    const other = { ...simple, auth: hex('74 72 61 6d 65 00 00 00') };
    const a = encodeOspf(simple);
    const b = encodeOspf(other);
    expect(toHex(a.subarray(12, 14))).toBe(toHex(b.subarray(12, 14)));
    expect(toHex(a.subarray(12, 14))).toBe('dc92'); // AuType 1 is one more in the sum
    expect(decodeOspf(a)).toEqual({ ok: true, value: simple });
  });

  it('a wrong one is kept in badChecksum and written back', () => {
    const b = new Uint8Array(helloBytes);
    b[13] = 0x92; // 0xdc93 is right
    const result = decodeOspf(b);
    expect(result).toEqual({ ok: true, value: { ...hello, badChecksum: 0xdc92 } });
    expect(result.ok && toHex(encodeOspf(result.value))).toBe(toHex(b));
  });

  it('is 0, not computed, with cryptographic authentication (D.4.3)', () => {
    const md5 = { ...hello, auType: OSPF_AUTH_CRYPTO, auth: hex('00 00 01 10 00 00 00 2a') };
    const b = encodeOspf(md5);
    expect(toHex(b.subarray(12, 16))).toBe('00000002');
    const digest = new Uint8Array(16).fill(0xab); // follows the packet, outside its length
    expect(decodeOspf(concat(b, digest))).toEqual({ ok: true, value: md5 });
    b[13] = 7;
    expect(decodeOspf(b)).toEqual({ ok: true, value: { ...md5, badChecksum: 7 } });
  });
});

describe('LSA checksum', () => {
  const fieldsOf = ({ checksum: _c, length: _l, ...fields }: LsaHeader) => fields;

  it('withLsaChecksum gives the known checksums and lengths', () => {
    for (const lsa of [routerLsa, networkLsa, externalLsa]) {
      expect(withLsaChecksum(fieldsOf(lsa.header), lsa.body)).toEqual(lsa);
    }
  });

  it('makes both Fletcher sums over the LSA from its options on zero modulo 255', () => {
    for (const b of [routerLsaBytes, networkLsaBytes, externalLsaBytes]) {
      expect(fletcherSums(b)).toEqual([0, 0]);
      expect(fletcherChecksum(b)).toBe((b[16]! << 8) | b[17]!);
    }
  });

  it('lsaChecksumOk: true as originated or received, whatever the age; false once a field changes', () => {
    expect(lsaChecksumOk(routerLsa)).toBe(true);
    expect(lsaChecksumOk(networkLsa)).toBe(true);
    expect(lsaChecksumOk(externalLsa)).toBe(true);
    expect(lsaChecksumOk({ ...externalLsa, header: { ...externalLsa.header, age: LSA_MAX_AGE } })).toBe(true);
    expect(lsaChecksumOk({ ...externalLsa, body: { ...externalLsa.body, tag: 2 } as LsaBody })).toBe(false);
    expect(lsaChecksumOk({ ...networkLsa, header: { ...networkLsa.header, seq: LSA_INITIAL_SEQ + 1 } })).toBe(
      false,
    );
    const d = decodeLsa(routerLsaBytes);
    expect(d.ok && lsaChecksumOk(d.value)).toBe(true);
  });

  it('encodeLsa writes the checksum as given and the length the body takes', () => {
    const lsa = { ...networkLsa, header: { ...networkLsa.header, checksum: 0x1234, length: 999 } };
    expect(toHex(encodeLsa(lsa).subarray(16, 20))).toBe('12340020');
  });

  it('encodeLsa refuses a body under another LS type', () => {
    expect(() => encodeLsa({ ...networkLsa, header: { ...networkLsa.header, type: LSA_ROUTER } })).toThrow(
      /network LSA body under LS type 1/,
    );
  });
});

describe('LSA instances (RFC 2328 13.1)', () => {
  const h = routerLsa.header;
  const at = (fields: Partial<LsaHeader>): LsaHeader => ({ ...h, ...fields });

  it('the higher sequence number is newer, compared as signed', () => {
    expect(
      compareLsaInstance(at({ seq: LSA_INITIAL_SEQ + 1 }), at({ seq: LSA_INITIAL_SEQ })),
    ).toBeGreaterThan(0);
    expect(compareLsaInstance(at({ seq: LSA_INITIAL_SEQ }), at({ seq: 1 }))).toBeLessThan(0);
    expect(compareLsaInstance(at({ seq: 0x7fff_ffff }), at({ seq: LSA_INITIAL_SEQ }))).toBeGreaterThan(0);
  });

  it('then the higher checksum, then the one at MaxAge', () => {
    expect(compareLsaInstance(at({ checksum: 0x0bb1 }), h)).toBeGreaterThan(0);
    expect(compareLsaInstance(at({ checksum: 0xffff, age: 3000 }), at({ checksum: 1 }))).toBeGreaterThan(0);
    expect(compareLsaInstance(at({ age: LSA_MAX_AGE }), at({ age: 10 }))).toBeGreaterThan(0);
    expect(compareLsaInstance(at({ age: 3599 }), at({ age: LSA_MAX_AGE }))).toBeLessThan(0);
  });

  it('then the younger when the ages are more than 15 minutes apart; otherwise the same instance', () => {
    expect(compareLsaInstance(at({ age: 100 }), at({ age: 1001 }))).toBeGreaterThan(0);
    expect(compareLsaInstance(at({ age: 100 }), at({ age: 1000 }))).toBe(0);
    expect(compareLsaInstance(at({ age: LSA_MAX_AGE }), at({ age: LSA_MAX_AGE }))).toBe(0);
    expect(compareLsaInstance(h, h)).toBe(0);
  });

  it('ignores the DoNotAge bit', () => {
    expect(compareLsaInstance(at({ age: LSA_DO_NOT_AGE | 1 }), at({ age: 1 }))).toBe(0);
    expect(compareLsaInstance(at({ age: LSA_DO_NOT_AGE | 1 }), at({ age: 1000 }))).toBeGreaterThan(0);
  });
});

describe('OSPF decoding', () => {
  const fails = (b: Uint8Array, error: string) => expect(decodeOspf(b)).toEqual({ ok: false, error });

  it('says how many bytes there are when the header does not fit', () => {
    for (const n of [0, 1, 16, 23]) fails(helloBytes.subarray(0, n), `ospf: ${n} bytes, the header needs 24`);
  });

  it('refuses a packet length beyond the bytes, or below the header', () => {
    for (const n of [24, 40, 47]) {
      fails(helloBytes.subarray(0, n), `ospf: packet length 48 exceeds the ${n} bytes available`);
    }
    fails(withLength(helloBytes, 20), 'ospf: packet length 20 is below the 24-byte header');
  });

  it('refuses bodies shorter than their type needs, or not made of whole entries', () => {
    fails(withLength(helloBytes, 40), 'ospf: hello body of 16 bytes, it needs 20');
    fails(withLength(helloBytes, 46), 'ospf: hello neighbour list of 2 bytes, not whole addresses');
    fails(withLength(dbdInitBytes, 30), 'ospf: database description body of 6 bytes, it needs 8');
    fails(withLength(dbdBytes, 62), 'ospf: database description lists 30 bytes, not whole LSA headers');
    fails(withLength(lsrBytes, 40), 'ospf: request body of 16 bytes, not whole requests');
    fails(withLength(lsuBytes, 26), 'ospf: update body of 2 bytes, the LSA count needs 4');
    fails(withLength(lsackBytes, 54), 'ospf: acknowledgement of 30 bytes, not whole LSA headers');
  });

  it('refuses an update whose LSA count or lengths do not match its bytes', () => {
    fails(updateOf(4, routerLsaBytes, networkLsaBytes), 'ospf: update announces 4 LSAs, its length holds 2');
    fails(
      updateOf(0xffff_ffff, networkLsaBytes),
      'ospf: update announces 4294967295 LSAs, its length holds 1',
    );
    fails(updateOf(1, routerLsaBytes, networkLsaBytes), 'ospf: update has 32 bytes after its 1 LSAs');
    fails(updateOf(1, networkLsaBytes.subarray(0, 12)), 'ospf: 12 bytes left, an LSA header needs 20');
    fails(updateOf(1, lsaWithLength(networkLsaBytes, 16)), 'ospf: LSA length 16 is below its 20-byte header');
    fails(updateOf(1, lsaWithLength(networkLsaBytes, 36)), 'ospf: LSA length 36 exceeds the 32 bytes left');
  });

  it('refuses LSA bodies whose length does not fit their content', () => {
    const r = new Uint8Array(routerLsaBytes);
    r[23] = 6; // 6 links announced, 5 there
    fails(updateOf(1, r), 'ospf: router LSA announces 6 links, its length holds 5');
    r[23] = 4; // 4 links announced, 12 bytes more
    fails(updateOf(1, r), 'ospf: router LSA has 12 bytes after its 4 links');
    r[23] = 5;
    r[81] = 1; // the last link announces a TOS metric past the end
    fails(updateOf(1, r), "ospf: router LSA link 4's 1 TOS metrics run past its length");
    fails(
      updateOf(1, lsaWithLength(routerLsaBytes.subarray(0, 22), 22)),
      'ospf: router LSA body of 2 bytes, it needs 4',
    );
    fails(
      updateOf(1, lsaWithLength(networkLsaBytes.subarray(0, 30), 30)),
      'ospf: network LSA body of 10 bytes, not a mask and routers',
    );
    fails(
      updateOf(1, lsaWithLength(externalLsaBytes.subarray(0, 32), 32)),
      'ospf: AS-external LSA body of 12 bytes, it needs 16',
    );
  });

  it('keeps TOS metrics of router links', () => {
    const withTos = withLsaChecksum(
      { age: 0, options: 0x22, type: LSA_ROUTER, id: RID1, advRouter: RID1, seq: LSA_INITIAL_SEQ },
      {
        kind: 'router',
        flags: 0x02,
        links: [{ ...link('3.3.3.3', '10.0.0.1', 1, 10), tos: [{ tos: 8, metric: 5 }] }],
      },
    );
    expect(withTos.header.length).toBe(40);
    const b = encodeLsa(withTos);
    // Flags E, 1 link: 3.3.3.3, 10.0.0.1, p2p, 1 TOS metric, metric 10; TOS 8, metric 5.
    expect(toHex(b.subarray(20))).toBe('02000001' + '03030303' + '0a000001' + '0101000a' + '08000005');
    expect(decodeLsa(b)).toEqual({ ok: true, value: withTos });
  });

  it('keeps unknown packet types and LS types as raw bytes, byte for byte', () => {
    const unknown = concat(withLength(header('07', '00 00', '01 01 01 01', '00 00'), 28), hex('de ad be ef'));
    const d = decodeOspf(unknown);
    expect(d.ok && d.value.body).toEqual({ type: 7, unknown: true, bytes: hex('de ad be ef') });
    expect(d.ok && ospfBodyKnown(d.value.body)).toBe(false);
    expect(d.ok && toHex(encodeOspf(d.value).subarray(14))).toBe(toHex(unknown.subarray(14)));

    // A summary LSA (type 3), and an AS-external LSA with a TOS 8 metric after TOS 0's.
    const summary = concat(hex('0001 2203 0a000000 01010101 80000001 0000 001c'), hex('ffffff00 0000000a'));
    const tosExternal = concat(lsaWithLength(externalLsaBytes, 48), hex('88 00 00 05 00000000 00000001'));
    const u = decodeOspf(updateOf(2, summary, tosExternal));
    expect(u.ok && u.value.body).toEqual({
      type: OSPF_LSU,
      lsas: [
        {
          header: {
            age: 1,
            options: 0x22,
            type: 3,
            id: ip('10.0.0.0'),
            advRouter: RID1,
            seq: LSA_INITIAL_SEQ,
            checksum: 0,
            length: 28,
          },
          body: { kind: 'raw', bytes: summary.subarray(20) },
        },
        {
          header: { ...externalLsa.header, length: 48 },
          body: { kind: 'raw', bytes: tosExternal.subarray(20) },
        },
      ],
    });
    expect(u.ok && toHex(encodeOspf(u.value).subarray(24))).toBe(
      toHex(updateOf(2, summary, tosExternal).subarray(24)),
    );
  });

  it('lets TypeScript tell the bodies apart: unknown first, then the type', () => {
    const summary = (b: OspfBody): string => {
      if (!ospfBodyKnown(b)) return `type ${b.type}, ${b.bytes.length} bytes`;
      switch (b.type) {
        case OSPF_HELLO:
          return `hello, ${b.neighbors.length} neighbours`;
        case OSPF_DBD:
          return `dbd ${b.seq}`;
        case OSPF_LSR:
          return `${b.requests.length} requests`;
        case OSPF_LSU:
          return `${b.lsas.length} LSAs`;
        case OSPF_LSACK:
          return `${b.lsas.length} acks`;
      }
    };
    expect(GOLDEN.map(([, p]) => summary(p.body))).toEqual([
      'hello, 1 neighbours',
      'dbd 8011',
      'dbd 8012',
      '2 requests',
      '3 LSAs',
      '3 acks',
    ]);
  });
});

/** IOS's OSPF datagram: DSCP 48 (CS6), TTL 1, protocol 89. */
const ospfDatagram = (src: Ipv4Addr, dst: Ipv4Addr, id: number, p: OspfPacket | Uint8Array): Ipv4Packet => ({
  ...ipv4(src, dst, 1, IPPROTO_OSPF, id, p instanceof Uint8Array ? { proto: 'raw', bytes: p } : p),
  dscp: 48,
});

describe('OSPF in IPv4', () => {
  it('protocol 89 decodes to the packet; the LLS block after it is ignored', () => {
    const bytes = encodeIpv4(ospfDatagram(ip('10.0.0.1'), OSPF_ALL_ROUTERS, 7, concat(helloBytes, LLS)));
    expect(toHex(bytes.subarray(0, 2))).toBe('45c0');
    const d = decodeIpv4(bytes);
    expect(d.ok && d.value.payload).toEqual(hello);
    const typed = ospfDatagram(ip('10.0.0.1'), OSPF_ALL_ROUTERS, 7, hello);
    expect(ipv4Len(typed)).toBe(20 + 48);
    expect(toHex(encodeIpv4(typed).subarray(20))).toBe(toHex(helloBytes));
    expect(decodeIpv4(encodeIpv4(typed))).toEqual({ ok: true, value: typed });
  });

  it('a malformed OSPF packet makes the datagram malformed, as a malformed UDP one does', () => {
    const bytes = encodeIpv4(ospfDatagram(ip('10.0.0.1'), OSPF_ALL_ROUTERS, 7, withLength(helloBytes, 40)));
    expect(decodeIpv4(bytes)).toEqual({ ok: false, error: 'ospf: hello body of 16 bytes, it needs 20' });
  });
});

// --- Properties ---------------------------------------------------------------------------

const u8 = fc.integer({ min: 0, max: 0xff });
const u16 = fc.integer({ min: 0, max: 0xffff });
const u32 = fc.integer({ min: 0, max: 0xffff_ffff });
const s32 = fc.integer({ min: -0x8000_0000, max: 0x7fff_ffff });

const lsaHeader: fc.Arbitrary<LsaHeader> = fc.record({
  age: u16,
  options: u8,
  type: u8,
  id: u32,
  advRouter: u32,
  seq: s32,
  checksum: u16,
  length: u16,
});

const routerLink: fc.Arbitrary<RouterLink> = fc.record({
  id: u32,
  data: u32,
  type: u8,
  metric: u16,
  tos: fc.array(fc.record({ tos: u8, metric: u16 }), { maxLength: 2 }),
});

/** A body and the LS type it goes under. */
const lsaBody: fc.Arbitrary<readonly [number, LsaBody]> = fc.oneof(
  fc
    .record({
      kind: fc.constant('router' as const),
      flags: u8,
      links: fc.array(routerLink, { maxLength: 4 }),
    })
    .map((b) => [LSA_ROUTER, b] as const),
  fc
    .record({ kind: fc.constant('network' as const), mask: u32, routers: fc.array(u32, { maxLength: 4 }) })
    .map((b) => [LSA_NETWORK, b] as const),
  fc
    .record({
      kind: fc.constant('external' as const),
      mask: u32,
      e2: fc.boolean(),
      metric: fc.integer({ min: 0, max: 0xff_ffff }),
      forwarding: u32,
      tag: u32,
    })
    .map((b) => [LSA_EXTERNAL, b] as const),
  fc
    .tuple(
      u8.filter((t) => t !== LSA_ROUTER && t !== LSA_NETWORK && t !== LSA_EXTERNAL),
      fc.uint8Array({ maxLength: 24 }),
    )
    .map(([t, bytes]) => [t, { kind: 'raw' as const, bytes }] as const),
);

const lsa: fc.Arbitrary<Lsa> = fc
  .tuple(lsaHeader, lsaBody)
  .map(([h, [type, body]]) => ({ header: { ...h, type, length: lsaLen(body) }, body }));

const body: fc.Arbitrary<OspfBody> = fc.oneof(
  fc.record({
    type: fc.constant(OSPF_HELLO),
    mask: u32,
    hello: u16,
    options: u8,
    priority: u8,
    dead: u32,
    dr: u32,
    bdr: u32,
    neighbors: fc.array(u32, { maxLength: 4 }),
  }),
  fc.record({
    type: fc.constant(OSPF_DBD),
    mtu: u16,
    options: u8,
    flags: u8,
    seq: u32,
    lsas: fc.array(lsaHeader, { maxLength: 3 }),
  }),
  fc.record({
    type: fc.constant(OSPF_LSR),
    requests: fc.array(fc.record({ lsType: u32, id: u32, advRouter: u32 }), { maxLength: 3 }),
  }),
  fc.record({ type: fc.constant(OSPF_LSU), lsas: fc.array(lsa, { maxLength: 3 }) }),
  fc.record({ type: fc.constant(OSPF_LSACK), lsas: fc.array(lsaHeader, { maxLength: 3 }) }),
  fc.record({
    type: u8.filter((t) => t < OSPF_HELLO || t > OSPF_LSACK),
    unknown: fc.constant(true as const),
    bytes: fc.uint8Array({ maxLength: 24 }),
  }),
);

const packet: fc.Arbitrary<OspfPacket> = fc.record({
  proto: fc.constant('ospf' as const),
  version: u8,
  routerId: u32,
  areaId: u32,
  auType: u16,
  auth: fc.uint8Array({ minLength: 8, maxLength: 8 }),
  body,
});

describe('OSPF properties', () => {
  it('decode(encode(p)) gives p back, whatever follows it', () => {
    fc.assert(
      fc.property(packet, fc.uint8Array({ maxLength: 16 }), (p, after) => {
        const b = encodeOspf(p);
        expect(b.length).toBe(ospfLen(p));
        expect(decodeOspf(b)).toEqual({ ok: true, value: p });
        expect(decodeOspf(concat(b, after))).toEqual({ ok: true, value: p });
      }),
      { numRuns: 1000 },
    );
  });

  it('originated LSAs verify, and their Fletcher sums are zero', () => {
    fc.assert(
      fc.property(lsa, (l) => {
        const { checksum: _c, length: _l, ...fields } = l.header;
        const made = withLsaChecksum(fields, l.body);
        expect(lsaChecksumOk(made)).toBe(true);
        const b = encodeLsa(made);
        expect(fletcherSums(b)).toEqual([0, 0]);
        expect(b[16]).not.toBe(0);
        expect(b[17]).not.toBe(0);
      }),
      { numRuns: 500 },
    );
  });

  it('compareLsaInstance is antisymmetric', () => {
    fc.assert(
      fc.property(lsaHeader, lsaHeader, (a, b) => {
        expect(Math.sign(compareLsaInstance(a, b))).toBe(-Math.sign(compareLsaInstance(b, a)) || 0);
      }),
    );
  });

  it('decodeOspf never throws on random bytes, and what it decodes re-encodes to a packet that decodes the same', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 96 }), (b) => {
        const d = decodeOspf(b);
        if (d.ok) expect(decodeOspf(encodeOspf(d.value))).toEqual(d);
      }),
      { numRuns: 2000 },
    );
  });

  it('never throws on random bodies behind a consistent header, nor on damaged or cut valid packets', () => {
    const randomBody = fc
      .tuple(fc.integer({ min: 1, max: 5 }), fc.uint8Array({ maxLength: 120 }))
      .map(([type, rest]) =>
        withLength(concat(header(`0${type}`, '00 00', '01 01 01 01', '00 00'), rest), 24 + rest.length),
      );
    const damaged = fc.tuple(packet, fc.nat(), u8, fc.nat()).map(([p, at, x, cut]) => {
      const b = new Uint8Array(encodeOspf(p));
      b[at % b.length] = x;
      return b.subarray(0, cut % (b.length + 1));
    });
    fc.assert(
      fc.property(fc.oneof(randomBody, damaged), (b) => {
        const d = decodeOspf(b);
        if (d.ok) {
          expect(decodeOspf(encodeOspf(d.value))).toEqual(d);
          expect(b.length).toBeGreaterThanOrEqual(ospfLen(d.value));
        }
      }),
      { numRuns: 3000 },
    );
  });
});

// --- tshark --------------------------------------------------------------------------------

const R1_MAC = mac('0000.0c11.1111');
const R2_MAC = mac('0000.0c22.2222');
const R1_IP = ip('10.0.0.1');
const R2_IP = ip('10.0.0.2');

/** The exchange in frames: R1's hello (with IOS's LLS block), R2's DBDs, R1's request, R1's update, R2's ack. */
const FRAMES: readonly (readonly [MacAddr, MacAddr, Ipv4Packet])[] = [
  [OSPF_ALL_ROUTERS_MAC, R1_MAC, ospfDatagram(R1_IP, OSPF_ALL_ROUTERS, 1, concat(encodeOspf(hello), LLS))],
  [R1_MAC, R2_MAC, ospfDatagram(R2_IP, R1_IP, 2, dbdInit)],
  [R1_MAC, R2_MAC, ospfDatagram(R2_IP, R1_IP, 3, dbd)],
  [R2_MAC, R1_MAC, ospfDatagram(R1_IP, R2_IP, 4, lsr)],
  [OSPF_ALL_ROUTERS_MAC, R1_MAC, ospfDatagram(R1_IP, OSPF_ALL_ROUTERS, 5, lsu)],
  [OSPF_ALL_DROUTERS_MAC, R2_MAC, ospfDatagram(R2_IP, OSPF_ALL_DROUTERS, 6, lsack)],
];

const FIELDS = [
  'ospf.msg',
  'ospf.srcrouter',
  'ospf.area_id',
  'ospf.packet_length',
  'ospf.checksum',
  'ospf.hello.designated_router',
  'ospf.hello.active_neighbor',
  'ospf.lls.data_length',
  'ospf.dbd',
  'ospf.db.dd_sequence',
  'ospf.lsa',
  'ospf.lsa.id',
  'ospf.link_state_id',
  'ospf.advrouter',
  'ospf.lsa.seqnum',
  'ospf.lsa.chksum',
  'ospf.lsa.router.linktype',
  'ospf.lsa.network.attchrtr',
  'ospf.lsa.asext.type',
  'ospf.metric',
  'ospf.lsa.asext.extrttag',
  'ip.dsfield.dscp',
  'ip.ttl',
  'ip.dst',
] as const;

describeTshark('OSPF as tshark reads it', () => {
  it('decodes every packet type in its frame, checksums correct, nothing malformed', () => {
    const pcap = pcapFile(
      FRAMES.map(
        ([dst, src, d], i) => [micros(1000 * i), encodeFrame(ipFrame(dst, src, undefined, d))] as const,
      ),
    );
    withCapture(pcap, (file) => {
      expect(tsharkProblems(file, ANY_EXPERT_INFO)).toEqual([]);
      // tshark verifies the OSPF packet checksum (the LS checksums it only shows).
      const verdicts = tshark(file, '-V')
        .split('\n')
        .filter((l) => /^\s+Checksum: 0x[0-9a-f]{4} \[/.test(l))
        .map((l) => l.trim());
      expect(verdicts).toEqual(GOLDEN.map(([, , b]) => `Checksum: 0x${toHex(b.subarray(12, 14))} [correct]`));
      const rows = tsharkFields(file, 'ospf', FIELDS).map((r) =>
        Object.fromEntries(r.map((v, k) => [FIELDS[k]!, v])),
      );
      const common = { 'ospf.area_id': '0.0.0.0', 'ip.dsfield.dscp': '48', 'ip.ttl': '1' };
      const none = {
        'ospf.hello.designated_router': '',
        'ospf.hello.active_neighbor': '',
        'ospf.lls.data_length': '',
        'ospf.dbd': '',
        'ospf.db.dd_sequence': '',
        'ospf.lsa': '',
        'ospf.lsa.id': '',
        'ospf.link_state_id': '',
        'ospf.advrouter': '',
        'ospf.lsa.seqnum': '',
        'ospf.lsa.chksum': '',
        'ospf.lsa.router.linktype': '',
        'ospf.lsa.network.attchrtr': '',
        'ospf.lsa.asext.type': '',
        'ospf.metric': '',
        'ospf.lsa.asext.extrttag': '',
      };
      const lsaHeaders = {
        'ospf.lsa': '1,2,5',
        'ospf.lsa.id': '1.1.1.1,222.222.3.2,0.0.0.0',
        'ospf.advrouter': '1.1.1.1,2.2.2.2,1.1.1.1',
        'ospf.lsa.seqnum': '0x80000006,0x80000001,0x80000001',
        'ospf.lsa.chksum': '0x0bb0,0xe082,0x1d91',
      };
      expect(rows).toEqual([
        {
          ...none,
          ...common,
          'ospf.msg': '1',
          'ospf.srcrouter': '1.1.1.1',
          'ospf.packet_length': '48',
          'ospf.checksum': '0xdc93',
          'ospf.hello.designated_router': '10.0.0.1',
          'ospf.hello.active_neighbor': '2.2.2.2',
          'ospf.lls.data_length': '12',
          'ip.dst': '224.0.0.5',
        },
        {
          ...none,
          ...common,
          'ospf.msg': '2',
          'ospf.srcrouter': '2.2.2.2',
          'ospf.packet_length': '32',
          'ospf.checksum': '0xd2ab',
          'ospf.dbd': '0x07',
          'ospf.db.dd_sequence': '8011',
          'ip.dst': '10.0.0.1',
        },
        {
          ...none,
          ...common,
          'ospf.msg': '2',
          'ospf.srcrouter': '2.2.2.2',
          'ospf.packet_length': '72',
          'ospf.checksum': '0xb7e9',
          'ospf.dbd': '0x03',
          'ospf.db.dd_sequence': '8012',
          'ospf.lsa': '1,2',
          'ospf.lsa.id': '1.1.1.1,222.222.3.2',
          'ospf.advrouter': '1.1.1.1,2.2.2.2',
          'ospf.lsa.seqnum': '0x80000006,0x80000001',
          'ospf.lsa.chksum': '0x0bb0,0xe082',
          'ip.dst': '10.0.0.1',
        },
        {
          ...none,
          ...common,
          'ospf.msg': '3',
          'ospf.srcrouter': '1.1.1.1',
          'ospf.packet_length': '48',
          'ospf.checksum': '0x0ddb',
          'ospf.lsa': '1,2',
          'ospf.link_state_id': '2.2.2.2,222.222.3.2',
          'ospf.advrouter': '2.2.2.2,2.2.2.2',
          'ip.dst': '10.0.0.2',
        },
        {
          ...none,
          ...common,
          'ospf.msg': '4',
          'ospf.srcrouter': '1.1.1.1',
          'ospf.packet_length': '180',
          'ospf.checksum': '0x3dfd',
          ...lsaHeaders,
          'ospf.lsa.router.linktype': '1,3,2,3,3',
          'ospf.lsa.network.attchrtr': '2.2.2.2,1.1.1.1',
          'ospf.lsa.asext.type': '1',
          'ospf.metric': '1',
          'ospf.lsa.asext.extrttag': '1',
          'ip.dst': '224.0.0.5',
        },
        {
          ...none,
          ...common,
          'ospf.msg': '5',
          'ospf.srcrouter': '2.2.2.2',
          'ospf.packet_length': '84',
          'ospf.checksum': '0x1f47',
          ...lsaHeaders,
          'ip.dst': '224.0.0.6',
        },
      ]);
    });
  });
});
