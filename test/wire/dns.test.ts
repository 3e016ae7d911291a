import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ipFrame, ipv4, udp } from '../../src/engine/packets.ts';
import type { DnsMessage, DnsQuestion, DnsRdata, DnsRecord } from '../../src/engine/wire/dns.ts';
import {
  DNS_CLASS_IN,
  DNS_PORT,
  DNS_TYPE_A,
  DNS_TYPE_AAAA,
  DNS_TYPE_CNAME,
  DNS_TYPE_MX,
  DNS_TYPE_NS,
  DNS_TYPE_OPT,
  DNS_TYPE_PTR,
  DNS_TYPE_SOA,
  DNS_TYPE_TXT,
  decodeDns,
  dnsNameError,
  dnsQuery,
  encodeDns,
  isHostname,
  nameFromLabels,
  nameLabels,
  RCODE_NOERROR,
  RCODE_NXDOMAIN,
  rdataKind,
  reverseName,
  sameName,
} from '../../src/engine/wire/dns.ts';
import type { Ipv4Addr } from '../../src/shared/ipv4.ts';
import { concat, hex, ip, mac, toHex } from './hex.ts';
import { describeTshark, fieldsOf } from './tshark-run.ts';

const response = (fields: Partial<DnsMessage> & Pick<DnsMessage, 'id' | 'questions'>): DnsMessage => ({
  response: true,
  opcode: 0,
  authoritative: false,
  truncated: false,
  recursionDesired: true,
  recursionAvailable: true,
  z: 0,
  rcode: RCODE_NOERROR,
  answers: [],
  authority: [],
  additional: [],
  ...fields,
});

const question = (name: string, type = DNS_TYPE_A): DnsQuestion => ({ name, type, class: DNS_CLASS_IN });
const record = (name: string, type: number, ttl: number, data: DnsRdata): DnsRecord => ({
  name,
  type,
  class: DNS_CLASS_IN,
  ttl,
  data,
});

/** Encodes to exactly `bytes`, and `bytes` decode to exactly `m`. */
function expectWire(bytes: Uint8Array, m: DnsMessage): void {
  expect(decodeDns(bytes)).toEqual({ ok: true, value: m });
  expect(toHex(encodeDns(m))).toBe(toHex(bytes));
}

function expectMalformed(bytes: Uint8Array, error: RegExp): void {
  expect(decodeDns(bytes)).toEqual({ ok: false, error: expect.stringMatching(error) });
}

// Captured messages from smoltcp's DNS tests (src/wire/dns.rs: test_parse_request,
// test_parse_response, test_parse_response_cname, test_parse_response_nxdomain).

/** A stub resolver (dig) asking for google.com's address: RD, and AD (RFC 6840 5.7). */
const googleQuery = hex(`
  5184 0120 0001 0000 0000 0000
  06 676f6f676c65 03 636f6d 00 0001 0001`);

const googleAnswer = hex(`
  5184 8180 0001 0001 0000 0000
  06 676f6f676c65 03 636f6d 00 0001 0001
  c00c 0001 0001 000000ca 0004 acd9a8ae`);

/** www.facebook.com is a CNAME; its target shares "facebook.com" with the question. */
const facebookAnswer = hex(`
  786c 8180 0001 0002 0000 0000
  03 777777 08 66616365626f6f6b 03 636f6d 00 0001 0001
  c00c 0005 0001 000005f3 0011 09 737461722d6d696e69 04 63313072 c010
  c02e 0001 0001 00000005 0004 1f0d5324`);

/** The .com servers' NXDOMAIN, with the zone's SOA in authority for negative caching (RFC 2308). */
const nxdomain = hex(`
  63c4 8183 0001 0000 0001 0000
  13 616861736467686c616b736a68626161736c64 03 636f6d 00 0001 0001
  c020 0006 0001 00000383 003d
    01 61 0c 67746c642d73657276657273 03 6e6574 00
    05 6e73746c64 0c 766572697369676e2d677273 c020
    5fce8b85 00000708 00000384 00093a80 00015180`);

/** A recursive resolver's answer with its EDNS OPT record (UDP size 4096), from soypat/lneto's dns/dns_test.go. */
const ednsAnswer = hex(`
  8405 8180 0001 0001 0000 0001
  0b 7768697474696c65616b73 03 636f6d 00 0001 0001
  c00c 0001 0001 00001eaf 0004 c6311791
  00 0029 1000 00000000 0000`);

describe('DNS golden bytes', () => {
  it('a standard A query with RD (and AD) set', () => {
    expectWire(googleQuery, {
      ...dnsQuery(0x5184, 'google.com', DNS_TYPE_A),
      z: 2, // AD: the bits are kept as received
    });
    expect(toHex(encodeDns(dnsQuery(0x5184, 'google.com', DNS_TYPE_A)))).toBe(
      toHex(googleQuery).replace(/^51840120/, '51840100'),
    );
  });

  it('an A answer whose owner is a pointer to the question', () => {
    expectWire(
      googleAnswer,
      response({
        id: 0x5184,
        questions: [question('google.com')],
        answers: [record('google.com', DNS_TYPE_A, 202, { kind: 'a', address: ip('172.217.168.174') })],
      }),
    );
  });

  it('a CNAME and an A answer, names compressed inside the CNAME rdata and after it', () => {
    expectWire(
      facebookAnswer,
      response({
        id: 0x786c,
        questions: [question('www.facebook.com')],
        answers: [
          record('www.facebook.com', DNS_TYPE_CNAME, 1523, {
            kind: 'name',
            name: 'star-mini.c10r.facebook.com',
          }),
          record('star-mini.c10r.facebook.com', DNS_TYPE_A, 5, { kind: 'a', address: ip('31.13.83.36') }),
        ],
      }),
    );
  });

  it('an NXDOMAIN with an SOA in authority', () => {
    expectWire(
      nxdomain,
      response({
        id: 0x63c4,
        rcode: RCODE_NXDOMAIN,
        questions: [question('ahasdghlaksjhbaasld.com')],
        authority: [
          record('com', DNS_TYPE_SOA, 899, {
            kind: 'soa',
            mname: 'a.gtld-servers.net',
            rname: 'nstld.verisign-grs.com',
            serial: 1_607_371_653,
            refresh: 1800,
            retry: 900,
            expire: 604_800,
            minimum: 86_400,
          }),
        ],
      }),
    );
  });

  it('an OPT record in additional, kept raw with its class (payload size) and ttl (flags)', () => {
    expectWire(
      ednsAnswer,
      response({
        id: 0x8405,
        questions: [question('whittileaks.com')],
        answers: [record('whittileaks.com', DNS_TYPE_A, 7855, { kind: 'a', address: ip('198.49.23.145') })],
        additional: [
          { name: '', type: DNS_TYPE_OPT, class: 4096, ttl: 0, data: { kind: 'raw', bytes: hex('') } },
        ],
      }),
    );
  });

  it('MX, NS, PTR and raw AAAA and TXT rdata, compressed where RFC 3597 allows it', () => {
    const bytes = hex(`
      0001 8500 0001 0004 0000 0002
      07 6578616d706c65 03 636f6d 00 000f 0001
      c00c 000f 0001 00000e10 0009 000a 046d61696c c00c
      c00c 0002 0001 00000e10 0006 036e7331 c00c
      c03e 001c 0001 00000e10 0010 20010db8000000000000000000000001
      c00c 0010 0001 00000e10 000c 0b 6578616d706c652e636f6d
      01 31 01 30 01 30 03 313237 07 696e2d61646472 04 61727061 00 000c 0001 00000e10 0002 c00c
      c03e 0001 0001 00000e10 0004 c0000201`);
    expectWire(bytes, {
      ...response({ id: 1, questions: [question('example.com', DNS_TYPE_MX)] }),
      authoritative: true,
      recursionAvailable: false,
      answers: [
        record('example.com', DNS_TYPE_MX, 3600, {
          kind: 'mx',
          preference: 10,
          exchange: 'mail.example.com',
        }),
        record('example.com', DNS_TYPE_NS, 3600, { kind: 'name', name: 'ns1.example.com' }),
        record('ns1.example.com', DNS_TYPE_AAAA, 3600, {
          kind: 'raw',
          bytes: hex('20010db8000000000000000000000001'),
        }),
        // TXT holds text, not a name: no pointer into it or out of it.
        record('example.com', DNS_TYPE_TXT, 3600, { kind: 'raw', bytes: hex('0b 6578616d706c652e636f6d') }),
      ],
      additional: [
        record(reverseName(ip('127.0.0.1')), DNS_TYPE_PTR, 3600, { kind: 'name', name: 'example.com' }),
        record('ns1.example.com', DNS_TYPE_A, 3600, { kind: 'a', address: ip('192.0.2.1') }),
      ],
    });
  });
});

describe('DNS name compression', () => {
  it('matches suffixes exactly, case included, so decoding keeps each name as written', () => {
    const m = response({
      id: 7,
      questions: [question('WWW.Example.com')],
      answers: [record('www.example.com', DNS_TYPE_A, 60, { kind: 'a', address: ip('192.0.2.1') })],
    });
    const bytes = encodeDns(m);
    // The answer's owner shares only "com" with the question.
    expect(toHex(bytes.subarray(33, 47))).toBe(toHex(hex('03 777777 07 6578616d706c65 c018')));
    expect(decodeDns(bytes)).toEqual({ ok: true, value: m });
  });

  it('points only at offsets a pointer can hold (below 16384)', () => {
    const big = new Uint8Array(0x4000);
    const m = response({
      id: 7,
      questions: [],
      answers: [
        record('a', DNS_TYPE_TXT, 0, { kind: 'raw', bytes: big }),
        record('far.example', DNS_TYPE_A, 0, { kind: 'a', address: ip('192.0.2.1') }),
        record('far.example', DNS_TYPE_A, 0, { kind: 'a', address: ip('192.0.2.2') }),
      ],
    });
    const bytes = encodeDns(m);
    // Both far.example owners written out (13 bytes each), "a" once.
    expect(bytes.length).toBe(12 + (3 + 10 + big.length) + 2 * (13 + 10 + 4));
    expect(decodeDns(bytes)).toEqual({ ok: true, value: m });
  });
});

describe('DNS names as text', () => {
  it('escapes what a label may hold but text cannot show plainly, and reads the escapes back', () => {
    const label = Uint8Array.from([0x61, 0x2e, 0x5c, 0x20, 0x00, 0xff, 0x41]);
    const text = 'a\\.\\\\\\032\\000\\255A';
    expect(nameFromLabels([label, hex('636f6d')])).toBe(`${text}.com`);
    expect(nameLabels(`${text}.com`)).toEqual([label, hex('636f6d')]);
    expect(nameLabels('')).toEqual([]);
    expect(nameLabels('\\a\\-b')).toEqual([hex('612d62')]);
    const m = dnsQuery(1, `${text}.com`, DNS_TYPE_A);
    const bytes = encodeDns(m);
    expect(toHex(bytes.subarray(12, 25))).toBe(toHex(hex('07 612e5c2000ff41 03 636f6d 00')));
    expect(decodeDns(bytes)).toEqual({ ok: true, value: m });
  });

  it('refuses, with RangeError, names the wire cannot hold', () => {
    const l63 = 'a'.repeat(63);
    expect(dnsNameError(l63)).toBeUndefined();
    expect(dnsNameError([l63, l63, l63, 'a'.repeat(61)].join('.'))).toBeUndefined(); // 255 bytes
    const bad: [string, RegExp][] = [
      ['a'.repeat(64), /label of 64 bytes/],
      [[l63, l63, l63, 'a'.repeat(62)].join('.'), /takes 256 bytes/],
      ['a..b', /empty label/],
      ['a.', /empty label/],
      ['.', /empty label/],
      ['a\\', /lone backslash/],
      ['a\\12', /three digits/],
      ['a\\256', /above 255/],
      ['caf\u0113', /Latin-1/],
    ];
    for (const [name, error] of bad) {
      expect(dnsNameError(name)).toMatch(error);
      expect(() => nameLabels(name)).toThrow(RangeError);
      expect(() => encodeDns(dnsQuery(1, name, DNS_TYPE_A))).toThrow(error);
    }
  });

  it('sameName folds ASCII case only, after reading escapes (RFC 4343)', () => {
    expect(sameName('WWW.Example.COM', 'www.example.com')).toBe(true);
    expect(sameName('\\065b', 'ab')).toBe(true);
    expect(sameName('a\\.b', 'a.b')).toBe(false);
    expect(sameName('\\196', '\\228')).toBe(false); // Latin-1 Ä and ä: not ASCII
    expect(sameName('', '')).toBe(true);
    expect(sameName('a', 'a.b')).toBe(false);
    expect(sameName('A..B', 'a..b')).toBe(true);
  });

  it('isHostname takes letters, digits and inner hyphens, up to 63 a label and 253 in all', () => {
    for (const name of ['pc1', 'R1.lab.example', '3com.com', 'a-b.c', `${'a'.repeat(63)}.b`]) {
      expect(isHostname(name)).toBe(true);
    }
    const long = Array.from({ length: 127 }, () => 'a').join('.'); // 253 characters
    expect(isHostname(long)).toBe(true);
    expect(isHostname(`${long}a`)).toBe(false);
    for (const name of ['', 'a..b', 'a.', '-a', 'a-', 'a_b', 'a b', 'a\\.b', 'a'.repeat(64)]) {
      expect(isHostname(name)).toBe(false);
    }
  });

  it('reverseName spells the address backwards under in-addr.arpa', () => {
    expect(reverseName(ip('10.1.2.3'))).toBe('3.2.1.10.in-addr.arpa');
    expect(reverseName(ip('255.0.0.1'))).toBe('1.0.0.255.in-addr.arpa');
  });
});

/** A message header with these counts (query, no flags). */
const header = (qd: number, an = 0, ns = 0, ar = 0): Uint8Array =>
  Uint8Array.from([0x12, 0x34, 0x01, 0x00, 0, qd, 0, an, 0, ns, 0, ar]);

describe('DNS decoding errors', () => {
  const a = (rdata: string) => concat(header(0, 1), hex(`00 0001 0001 00000000 ${rdata}`));

  it('says what is wrong, and where, without throwing', () => {
    expectMalformed(googleQuery.subarray(0, 11), /^dns: 11 bytes, the header needs 12$/);
    expectMalformed(new Uint8Array(0), /^dns: 0 bytes/);
    // Two questions announced, one present.
    expectMalformed(
      concat(header(2), googleQuery.subarray(12)),
      /^dns: question 2: name at offset 28 runs past/,
    );
    expectMalformed(googleQuery.subarray(0, 26), /^dns: question 1 at offset 12 is cut off after its name/);
    expectMalformed(concat(header(1), hex('06 676f6f')), /^dns: question 1: label at offset 12 runs past/);
    expectMalformed(
      concat(header(1), hex('06 676f6f676c65')),
      /^dns: question 1: name at offset 12 runs past/,
    );
    expectMalformed(
      concat(header(1), hex('c0')),
      /^dns: question 1: compression pointer at offset 12 is cut off/,
    );
    expectMalformed(concat(header(1), hex('41 00 0001 0001')), /label type 0x40 at offset 12/);
    expectMalformed(concat(header(1), hex('81 00 0001 0001')), /label type 0x80 at offset 12/);
    expectMalformed(concat(googleQuery, hex('00')), /^dns: 1 bytes after the last record, at offset 28/);
    expectMalformed(googleAnswer.subarray(0, 39), /^dns: answer 1 at offset 28 is cut off before its rdata/);
    expectMalformed(
      googleAnswer.subarray(0, 43),
      /^dns: answer 1: rdlength 4 at offset 38 runs past the end/,
    );
  });

  it('refuses pointer loops, forward pointers and pointers into the header', () => {
    // A pointer to itself, to the label just before it, and two pointing at each other.
    expectMalformed(
      concat(header(1), hex('c00c 0001 0001')),
      /pointer at offset 12 points to 12, not before/,
    );
    expectMalformed(
      concat(header(1), hex('01 61 c00c 0001 0001')),
      /pointer at offset 14 points to 12, not before/,
    );
    expectMalformed(
      concat(header(2), hex('c012 0001 0001 c00c 0001 0001')),
      /^dns: question 1: compression pointer at offset 12 points to 18, not before/,
    );
    // Forward, to a name that does come later.
    expectMalformed(concat(header(2), hex('c012 0001 0001 01 61 00 0001 0001')), /points to 18, not before/);
    expectMalformed(concat(header(1), hex('c002 0001 0001')), /points into the header \(2\)/);
    // Back into raw rdata, whose bytes point forward to the pointer itself: a loop.
    expectMalformed(
      concat(
        header(0, 2),
        hex('00 0010 0001 00000000 0004 01 61 c01b  c017 0001 0001 00000000 0004 c0000201'),
      ),
      /^dns: answer 2: compression pointer at offset 25 points to 27, not before the labels at 23/,
    );
  });

  it('refuses names longer than 255 bytes, written out or through pointers', () => {
    const l63 = `3f ${'61'.repeat(63)}`;
    expectMalformed(
      concat(header(1), hex(`${l63} ${l63} ${l63} ${l63} 00 0001 0001`)),
      /^dns: question 1: name at offset 12 is longer than 255 bytes/,
    );
    // 193 bytes of labels, then a question of 128 more bytes pointing at them.
    expectMalformed(
      concat(header(2), hex(`${l63} ${l63} ${l63} 00 0001 0001 ${l63} ${l63} c00c 0001 0001`)),
      /^dns: question 2: name at offset 209 is longer than 255 bytes/,
    );
    // Exactly 255 bytes decode.
    expect(
      decodeDns(concat(header(1), hex(`${l63} ${l63} ${l63} 3d ${'61'.repeat(61)} 00 0001 0001`))),
    ).toMatchObject({
      ok: true,
    });
  });

  it('requires rdlength to be what the typed rdata takes', () => {
    expectMalformed(a('0005 c0000201 00'), /^dns: answer 1: A rdata is 5 bytes, not 4$/);
    expectMalformed(a('0003 c00002'), /A rdata is 3 bytes, not 4/);
    const cname = (rdata: string) => concat(header(0, 1), hex(`00 0005 0001 00000000 ${rdata}`));
    expect(decodeDns(cname('0003 01 61 00'))).toMatchObject({ ok: true });
    expectMalformed(cname('0004 01 61 00 00'), /^dns: answer 1: rdlength 4, but the name takes 3$/);
    expectMalformed(cname('0002 01 61 00'), /name at offset 23 runs past the rdata/);
    const mx = (rdata: string) => concat(header(0, 1), hex(`00 000f 0001 00000000 ${rdata}`));
    expectMalformed(mx('0002 000a'), /MX rdata is 2 bytes, it needs at least 3/);
    expectMalformed(mx('0004 000a 00 00'), /rdlength 4, but the MX takes 3/);
    const soa = (rdata: string) => concat(header(0, 1), hex(`00 0006 0001 00000000 ${rdata}`));
    expect(decodeDns(soa(`0016 00 00 ${'00'.repeat(20)}`))).toMatchObject({ ok: true });
    expectMalformed(soa(`0015 00 00 ${'00'.repeat(19)}`), /rdlength 21, but the SOA takes 22/);
    // Outside class IN, A is someone else's layout: kept raw, any length.
    expect(decodeDns(concat(header(0, 1), hex('00 0001 0003 00000000 0002 0102')))).toMatchObject({
      ok: true,
      value: { answers: [{ class: 3, data: { kind: 'raw', bytes: hex('0102') } }] },
    });
  });
});

describe('DNS encoding errors', () => {
  it('refuses what the fields cannot hold, and rdata of the wrong kind for the type', () => {
    const base = dnsQuery(1, 'a', DNS_TYPE_A);
    const ans = (r: Partial<DnsRecord>): DnsMessage => ({
      ...base,
      answers: [{ ...record('a', DNS_TYPE_A, 0, { kind: 'a', address: ip('192.0.2.1') }), ...r }],
    });
    const bad: [DnsMessage, RegExp][] = [
      [{ ...base, id: 0x10000 }, /id 65536/],
      [{ ...base, opcode: 16 }, /opcode 16/],
      [{ ...base, z: 8 }, /z 8/],
      [{ ...base, rcode: -1 }, /rcode -1/],
      [{ ...base, questions: [{ ...question('a'), type: 1.5 }] }, /question 1 type 1.5/],
      [ans({ ttl: 2 ** 32 }), /answer 1 ttl/],
      [ans({ class: 3 }), /answer 1 of type 1 class 3 carries a rdata, not raw/],
      [ans({ data: { kind: 'raw', bytes: hex('c0000201') } }), /carries raw rdata, not a/],
      [ans({ type: DNS_TYPE_MX, data: { kind: 'mx', preference: 0x10000, exchange: 'a' } }), /preference/],
      [ans({ type: DNS_TYPE_TXT, data: { kind: 'raw', bytes: new Uint8Array(0x10000) } }), /65536 bytes/],
      [ans({ type: DNS_TYPE_CNAME, data: { kind: 'name', name: 'a..b' } }), /empty label/],
    ];
    for (const [m, error] of bad) expect(() => encodeDns(m)).toThrow(error);
    expect(rdataKind(DNS_TYPE_OPT, 4096)).toBe('raw');
    expect(rdataKind(DNS_TYPE_SOA, DNS_CLASS_IN)).toBe('soa');
  });
});

// ---- Properties ----

const u16 = fc.integer({ min: 0, max: 0xffff });
const u32 = fc.tuple(u16, u16).map(([hi, lo]) => hi * 0x10000 + lo);

/** Labels from a small pool, so names share suffixes and compress; some with bytes text must escape. */
const label = fc.oneof(
  fc
    .constantFrom('www', 'WWW', 'example', 'Example', 'com', 'a', 'ns1', 'in-addr', 'arpa')
    .map((s) => Uint8Array.from(s, (c) => c.charCodeAt(0))),
  fc.uint8Array({ minLength: 1, maxLength: 8 }),
  fc.uint8Array({ minLength: 60, maxLength: 63 }),
);
const name = fc
  .array(label, { maxLength: 5 })
  .filter((ls) => ls.reduce((n, l) => n + 1 + l.length, 1) <= 255)
  .map(nameFromLabels);

const rdataFor = (type: number, cls: number): fc.Arbitrary<DnsRdata> => {
  switch (rdataKind(type, cls)) {
    case 'a':
      return u32.map((n) => ({ kind: 'a' as const, address: n as Ipv4Addr }));
    case 'name':
      return name.map((n) => ({ kind: 'name' as const, name: n }));
    case 'soa':
      return fc.record({
        kind: fc.constant('soa' as const),
        mname: name,
        rname: name,
        serial: u32,
        refresh: u32,
        retry: u32,
        expire: u32,
        minimum: u32,
      });
    case 'mx':
      return fc.record({ kind: fc.constant('mx' as const), preference: u16, exchange: name });
    case 'raw':
      return fc.uint8Array({ maxLength: 40 }).map((bytes) => ({ kind: 'raw' as const, bytes }));
  }
};

const types = fc.oneof(
  fc.constantFrom(
    DNS_TYPE_A,
    DNS_TYPE_NS,
    DNS_TYPE_CNAME,
    DNS_TYPE_SOA,
    DNS_TYPE_PTR,
    DNS_TYPE_MX,
    DNS_TYPE_TXT,
    DNS_TYPE_AAAA,
    DNS_TYPE_OPT,
  ),
  u16,
);
const classes = fc.oneof(fc.constant(DNS_CLASS_IN), fc.constant(DNS_CLASS_IN), u16);

const dnsRecord: fc.Arbitrary<DnsRecord> = fc
  .tuple(name, types, classes, u32)
  .chain(([owner, type, cls, ttl]) =>
    rdataFor(type, cls).map((data) => ({ name: owner, type, class: cls, ttl, data })),
  );

const records = fc.array(dnsRecord, { maxLength: 4 });

const message: fc.Arbitrary<DnsMessage> = fc.record({
  id: u16,
  response: fc.boolean(),
  opcode: fc.integer({ min: 0, max: 15 }),
  authoritative: fc.boolean(),
  truncated: fc.boolean(),
  recursionDesired: fc.boolean(),
  recursionAvailable: fc.boolean(),
  z: fc.integer({ min: 0, max: 7 }),
  rcode: fc.integer({ min: 0, max: 15 }),
  questions: fc.array(fc.record({ name, type: u16, class: u16 }), { maxLength: 3 }),
  answers: records,
  authority: records,
  additional: records,
});

/** A valid encoding with some bytes changed and the end maybe cut off. */
const damaged = fc
  .tuple(
    message,
    fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 0xff })), { maxLength: 3 }),
    fc.oneof({ arbitrary: fc.constant(0), weight: 3 }, fc.nat(8)),
  )
  .map(([m, changes, cut]) => {
    const b = new Uint8Array(encodeDns(m));
    for (const [at, value] of changes) b[at % b.length] = value;
    return b.subarray(0, Math.max(0, b.length - cut));
  });

/** A header with small counts, then bytes that are mostly short labels, pointers and zeros. */
const loose = fc
  .tuple(
    fc.uint8Array({ minLength: 4, maxLength: 4 }),
    fc.array(fc.integer({ min: 0, max: 3 }), { minLength: 4, maxLength: 4 }),
    fc.array(
      fc.oneof(fc.constantFrom(0, 1, 2, 4, 0x0c, 0xc0, 0x3f, 0x40, 0x80), fc.integer({ min: 0, max: 0xff })),
      { maxLength: 80 },
    ),
  )
  .map(([idFlags, counts, body]) =>
    concat(idFlags, Uint8Array.from(counts.flatMap((c) => [0, c])), Uint8Array.from(body)),
  );

/** A name as it may be written: a few labels, then the root or a pointer somewhere back. */
const wireName = fc
  .tuple(
    fc.array(
      fc.oneof(
        fc.constantFrom('01 61', '03 636f6d', '02 4142').map(hex),
        label.map((l) => concat(Uint8Array.of(l.length), l)),
      ),
      {
        maxLength: 3,
      },
    ),
    fc.oneof(
      fc.constant(hex('00')),
      fc
        .oneof({ arbitrary: fc.constantFrom(12, 20), weight: 10 }, fc.integer({ min: 12, max: 80 }))
        .map((at) => Uint8Array.of(0xc0, at)),
    ),
  )
  .map(([labels, end]) => concat(...labels, end));

/** Rdata mostly of the layout the type asks for, and an rdlength that is mostly right. */
const wireRdata = (type: number): fc.Arbitrary<Uint8Array> => {
  const shapedFor: Record<number, fc.Arbitrary<Uint8Array>> = {
    [DNS_TYPE_A]: fc.uint8Array({ minLength: 4, maxLength: 4 }),
    [DNS_TYPE_CNAME]: wireName,
    [DNS_TYPE_SOA]: fc.tuple(wireName, wireName).map(([a, b]) => concat(a, b, new Uint8Array(20))),
    [DNS_TYPE_MX]: wireName.map((n) => concat(hex('000a'), n)),
  };
  const any = fc.uint8Array({ maxLength: 8 });
  return fc.oneof({ arbitrary: shapedFor[type] ?? any, weight: 10 }, { arbitrary: any, weight: 1 });
};

const wireRecord = fc
  .tuple(
    wireName,
    fc.constantFrom(DNS_TYPE_A, DNS_TYPE_CNAME, DNS_TYPE_SOA, DNS_TYPE_MX, DNS_TYPE_TXT),
    fc.oneof(
      { arbitrary: fc.constant(hex('0001')), weight: 4 },
      fc.uint8Array({ minLength: 2, maxLength: 2 }),
    ),
    fc.oneof({ arbitrary: fc.constant(undefined), weight: 10 }, fc.integer({ min: 0, max: 30 })),
  )
  .chain(([owner, type, cls, rdlength]) =>
    wireRdata(type).map((rdata) =>
      concat(
        owner,
        Uint8Array.of(0, type),
        cls,
        hex('00000e10'),
        Uint8Array.of(0, rdlength ?? rdata.length),
        rdata,
      ),
    ),
  );

/**
 * Questions and records shaped as on the wire, with counts that match them. The first question
 * is example.com, so pointers to 12 and 20 (example.com, com) point back at a name.
 */
const shaped = fc
  .tuple(
    fc.uint8Array({ minLength: 4, maxLength: 4 }),
    fc.array(
      wireName.map((n) => concat(n, hex('0001 0001'))),
      { maxLength: 1 },
    ),
    fc.array(fc.array(wireRecord, { maxLength: 2 }), { minLength: 3, maxLength: 3 }),
  )
  .map(([idFlags, questions, sections]) =>
    concat(
      idFlags,
      Uint8Array.from([1 + questions.length, ...sections.map((s) => s.length)].flatMap((c) => [0, c])),
      hex('07 6578616d706c65 03 636f6d 00 0001 0001'),
      ...questions,
      ...sections.flat(),
    ),
  );

describe('DNS properties', () => {
  it('decode(encode(m)) gives m back', () => {
    fc.assert(
      fc.property(message, (m) => {
        expect(decodeDns(encodeDns(m))).toEqual({ ok: true, value: m });
      }),
      { numRuns: 1000 },
    );
  });

  it('decodeDns never throws, on any bytes or on damaged messages', () => {
    fc.assert(
      fc.property(fc.oneof(fc.uint8Array({ maxLength: 300 }), loose, shaped, damaged), (b) => {
        expect(typeof decodeDns(b).ok).toBe('boolean');
      }),
      { numRuns: 3000 },
    );
  });

  it('what decodes encodes to a message that decodes the same', () => {
    let checked = 0;
    fc.assert(
      fc.property(fc.oneof(loose, shaped, damaged), (b) => {
        const first = decodeDns(b);
        if (!first.ok) return;
        checked++;
        const bytes = encodeDns(first.value);
        expect(decodeDns(bytes)).toEqual(first);
      }),
      { numRuns: 3000 },
    );
    // Enough of the inputs decode for the property to say something.
    expect(checked).toBeGreaterThan(300);
  });
});

// ---- tshark ----

const PC1 = { mac: mac('00:50:79:66:68:01'), ip: ip('192.168.1.10') };
const DNS1 = { mac: mac('00:00:0c:5e:00:53'), ip: ip('192.168.1.53') };
const CLIENT_PORT = 50000;

const lookup = dnsQuery(0x1a2b, 'www.lab.example', DNS_TYPE_A);
const lookupAnswer = response({
  id: 0x1a2b,
  authoritative: true,
  questions: lookup.questions,
  answers: [
    record('www.lab.example', DNS_TYPE_CNAME, 3600, { kind: 'name', name: 'web1.lab.example' }),
    record('web1.lab.example', DNS_TYPE_A, 3600, { kind: 'a', address: ip('192.168.1.80') }),
  ],
});
const missing = dnsQuery(0x1a2c, 'nothing.lab.example', DNS_TYPE_A);
const missingAnswer = response({
  id: 0x1a2c,
  authoritative: true,
  rcode: RCODE_NXDOMAIN,
  questions: missing.questions,
  authority: [
    record('lab.example', DNS_TYPE_SOA, 3600, {
      kind: 'soa',
      mname: 'dns1.lab.example',
      rname: 'hostmaster.lab.example',
      serial: 1,
      refresh: 900,
      retry: 600,
      expire: 86_400,
      minimum: 3600,
    }),
  ],
});

const FIELDS = [
  'dns.id',
  'dns.flags.response',
  'dns.flags.rcode',
  'dns.qry.name',
  'dns.cname',
  'dns.a',
  'dns.soa.mname',
  'udp.srcport',
  'udp.dstport',
  '_ws.expert',
  '_ws.malformed',
] as const;

describeTshark('DNS as tshark reads it', () => {
  it('decodes the queries and the compressed answers, with no warning and nothing malformed', () => {
    const messages = [lookup, lookupAnswer, missing, missingAnswer];
    // The answer is parsed back, so what tshark reads is also what the engine would.
    for (const m of messages) expect(decodeDns(encodeDns(m))).toEqual({ ok: true, value: m });
    const frames = messages.map((m, i) => {
      const data = encodeDns(m);
      return m.response
        ? ipFrame(
            PC1.mac,
            DNS1.mac,
            undefined,
            ipv4(DNS1.ip, PC1.ip, 128, 17, i, udp(DNS_PORT, CLIENT_PORT, data)),
          )
        : ipFrame(
            DNS1.mac,
            PC1.mac,
            undefined,
            ipv4(PC1.ip, DNS1.ip, 128, 17, i, udp(CLIENT_PORT, DNS_PORT, data)),
          );
    });
    fieldsOf(frames, FIELDS, (rows) => {
      // tshark shows no rcode for a query.
      const query = {
        'dns.flags.response': '0',
        'dns.flags.rcode': '',
        'udp.srcport': '50000',
        'udp.dstport': '53',
      };
      const answer = { 'dns.flags.response': '1', 'udp.srcport': '53', 'udp.dstport': '50000' };
      const none = {
        'dns.cname': '',
        'dns.a': '',
        'dns.soa.mname': '',
        '_ws.expert': '',
        '_ws.malformed': '',
      };
      expect(rows).toEqual([
        { ...none, ...query, 'dns.id': '0x1a2b', 'dns.qry.name': 'www.lab.example' },
        {
          ...none,
          ...answer,
          'dns.id': '0x1a2b',
          'dns.flags.rcode': '0',
          'dns.qry.name': 'www.lab.example',
          'dns.cname': 'web1.lab.example',
          'dns.a': '192.168.1.80',
        },
        {
          ...none,
          ...query,
          'dns.id': '0x1a2c',
          'dns.qry.name': 'nothing.lab.example',
        },
        {
          ...none,
          ...answer,
          'dns.id': '0x1a2c',
          'dns.flags.rcode': '3',
          'dns.qry.name': 'nothing.lab.example',
          'dns.soa.mname': 'dns1.lab.example',
        },
      ]);
    });
  });
});
