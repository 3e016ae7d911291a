import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ipFrame, ipv4, udp } from '../../src/engine/packets.ts';
import type { DhcpMessage } from '../../src/engine/wire/dhcp.ts';
import {
  addrOption,
  addrsOption,
  BOOTP_MIN_LEN,
  BOOTREPLY,
  BOOTREQUEST,
  bytesOption,
  chaddrMac,
  chaddrOf,
  DHCP_BROADCAST_FLAG,
  DHCP_CLIENT_PORT,
  DHCP_HEADER_LEN,
  DHCP_SERVER_PORT,
  DHCPDISCOVER,
  DHCPOFFER,
  decodeDhcp,
  dhcpMessage,
  encodeDhcp,
  isBroadcastFlag,
  messageType,
  OPT_CLIENT_ID,
  OPT_END,
  OPT_HOST_NAME,
  OPT_LEASE_TIME,
  OPT_MESSAGE_TYPE,
  OPT_PAD,
  OPT_PARAMETER_LIST,
  OPT_REBINDING_TIME,
  OPT_RENEWAL_TIME,
  OPT_REQUESTED_IP,
  OPT_ROUTER,
  OPT_SERVER_ID,
  OPT_SUBNET_MASK,
  OPT_VENDOR_CLASS,
  optionAddr,
  optionAddrs,
  optionBytes,
  optionText,
  optionU8,
  optionU32,
  textOption,
  u8Option,
  u32Option,
} from '../../src/engine/wire/dhcp.ts';
import type { Ipv4Addr } from '../../src/shared/ipv4.ts';
import { IPV4_ANY, IPV4_BROADCAST } from '../../src/shared/ipv4.ts';
import { MAC_BROADCAST } from '../../src/shared/mac.ts';
import { concat, hex, ip, mac, toHex } from './hex.ts';
import { describeTshark, fieldsOf } from './tshark-run.ts';

const zeros = (n: number): Uint8Array => new Uint8Array(n);

/** The simulator gives hosts Cisco (00-00-0C) addresses. */
const PC1_MAC = mac('00:00:0c:12:34:56');
const R1_MAC = mac('00:00:0c:01:02:03');
const XID = 0x3903f326;
const PARAMETERS = [1, 3, 6, 15, 31, 33, 43, 44, 46, 47, 119, 121, 249, 252];

/** Windows 10 asking again for its last address, as it does after a reboot. */
const discoverBytes = concat(
  hex('01 01 06 00'), // 0: op BOOTREQUEST, htype 1 (Ethernet), hlen 6, hops 0
  hex('39 03 f3 26'), // 4: xid
  hex('0000 0000'), // 8: secs 0, flags 0 (the reply may be unicast)
  hex('00000000 00000000 00000000 00000000'), // 12 ciaddr, 16 yiaddr, 20 siaddr, 24 giaddr
  hex('00 00 0c 12 34 56'), // 28: chaddr, the MAC ...
  zeros(10), // 34: ... and 10 zeros
  zeros(64), // 44: sname
  zeros(128), // 108: file
  hex('63 82 53 63'), // 236: magic cookie 99.130.83.99
  hex('35 01 01'), // 240: option 53, DHCPDISCOVER
  hex('3d 07 01 00 00 0c 12 34 56'), // 243: option 61, client id: hardware type 1 and the MAC
  hex('32 04 c0 a8 0a 0b'), // 252: option 50, requested address 192.168.10.11
  hex('0c 03 50 43 31'), // 258: option 12, host name "PC1"
  hex('3c 08 4d 53 46 54 20 35 2e 30'), // 263: option 60, vendor class "MSFT 5.0"
  hex('37 0e 01 03 06 0f 1f 21 2b 2c 2e 2f 77 79 f9 fc'), // 273: option 55, 14 parameters
  hex('ff'), // 289: End
  zeros(10), // 290: padding to 300 bytes
);

const discover = dhcpMessage({
  op: BOOTREQUEST,
  xid: XID,
  chaddr: chaddrOf(PC1_MAC),
  options: [
    u8Option(OPT_MESSAGE_TYPE, DHCPDISCOVER),
    bytesOption(OPT_CLIENT_ID, hex('01 00000c123456')),
    addrOption(OPT_REQUESTED_IP, ip('192.168.10.11')),
    textOption(OPT_HOST_NAME, 'PC1'),
    textOption(OPT_VENDOR_CLASS, 'MSFT 5.0'),
    bytesOption(OPT_PARAMETER_LIST, Uint8Array.from(PARAMETERS)),
  ],
});

/** A Cisco IOS DHCP server's offer of that address, options in the order IOS sends them. */
const offerBytes = concat(
  hex('02 01 06 00'), // 0: op BOOTREPLY, htype 1 (Ethernet), hlen 6, hops 0
  hex('39 03 f3 26'), // 4: xid, the client's
  hex('0000 0000'), // 8: secs 0, flags 0
  hex('00000000'), // 12: ciaddr
  hex('c0 a8 0a 0b'), // 16: yiaddr 192.168.10.11
  hex('00000000 00000000'), // 20: siaddr, 24: giaddr
  hex('00 00 0c 12 34 56'), // 28: chaddr, the MAC ...
  zeros(10), // 34: ... and 10 zeros
  zeros(64), // 44: sname
  zeros(128), // 108: file
  hex('63 82 53 63'), // 236: magic cookie
  hex('35 01 02'), // 240: option 53, DHCPOFFER
  hex('36 04 c0 a8 0a 01'), // 243: option 54, server id 192.168.10.1
  hex('33 04 00 01 51 80'), // 249: option 51, lease 86400 s
  hex('3a 04 00 00 a8 c0'), // 255: option 58, renewal (T1) 43200 s
  hex('3b 04 00 01 27 50'), // 261: option 59, rebinding (T2) 75600 s
  hex('01 04 ff ff ff 00'), // 267: option 1, mask 255.255.255.0
  hex('03 04 c0 a8 0a 01'), // 273: option 3, router 192.168.10.1
  hex('ff'), // 279: End
  zeros(20), // 280: padding to 300 bytes
);

const offer = dhcpMessage({
  op: BOOTREPLY,
  xid: XID,
  yiaddr: ip('192.168.10.11'),
  chaddr: chaddrOf(PC1_MAC),
  options: [
    u8Option(OPT_MESSAGE_TYPE, DHCPOFFER),
    addrOption(OPT_SERVER_ID, ip('192.168.10.1')),
    u32Option(OPT_LEASE_TIME, 86_400),
    u32Option(OPT_RENEWAL_TIME, 43_200),
    u32Option(OPT_REBINDING_TIME, 75_600),
    addrOption(OPT_SUBNET_MASK, ip('255.255.255.0')),
    addrOption(OPT_ROUTER, ip('192.168.10.1')),
  ],
});

const header = discoverBytes.subarray(0, DHCP_HEADER_LEN);

function expectMalformed(bytes: Uint8Array, error: RegExp): void {
  expect(decodeDhcp(bytes)).toEqual({ ok: false, error: expect.stringMatching(error) });
}

describe('DHCP golden bytes', () => {
  it('a Windows 10 DISCOVER encodes to the bytes worked out by hand and decodes back', () => {
    expect(discoverBytes.length).toBe(BOOTP_MIN_LEN);
    expect(toHex(encodeDhcp(discover))).toBe(toHex(discoverBytes));
    const result = decodeDhcp(discoverBytes);
    expect(result).toEqual({ ok: true, value: discover });
    if (!result.ok) return;
    const m = result.value;
    expect(messageType(m)).toBe(DHCPDISCOVER);
    expect(chaddrMac(m)).toBe(PC1_MAC);
    expect(isBroadcastFlag(m)).toBe(false);
    expect(optionAddr(m, OPT_REQUESTED_IP)).toBe(ip('192.168.10.11'));
    expect(optionText(m, OPT_HOST_NAME)).toBe('PC1');
    expect(optionText(m, OPT_VENDOR_CLASS)).toBe('MSFT 5.0');
    expect([...optionBytes(m, OPT_PARAMETER_LIST)!]).toEqual(PARAMETERS);
    expect(m.padding).toBe(10);
  });

  it('an IOS OFFER encodes to the bytes worked out by hand and decodes back', () => {
    expect(offerBytes.length).toBe(BOOTP_MIN_LEN);
    expect(toHex(encodeDhcp(offer))).toBe(toHex(offerBytes));
    const result = decodeDhcp(offerBytes);
    expect(result).toEqual({ ok: true, value: offer });
    if (!result.ok) return;
    const m = result.value;
    expect(m.op).toBe(BOOTREPLY);
    expect(m.yiaddr).toBe(ip('192.168.10.11'));
    expect(messageType(m)).toBe(DHCPOFFER);
    expect(optionAddr(m, OPT_SERVER_ID)).toBe(ip('192.168.10.1'));
    expect(optionU32(m, OPT_LEASE_TIME)).toBe(86_400);
    expect(optionU32(m, OPT_RENEWAL_TIME)).toBe(43_200);
    expect(optionU32(m, OPT_REBINDING_TIME)).toBe(75_600);
    expect(optionAddr(m, OPT_SUBNET_MASK)).toBe(ip('255.255.255.0'));
    expect(optionAddrs(m, OPT_ROUTER)).toEqual([ip('192.168.10.1')]);
    expect(m.padding).toBe(20);
  });
});

describe('DHCP decoding errors', () => {
  it('says what is wrong, and where, without throwing', () => {
    expectMalformed(
      discoverBytes.subarray(0, 239),
      /239 bytes, the fixed fields and the magic cookie need 240/,
    );
    expectMalformed(zeros(0), /0 bytes/);
    const badCookie = new Uint8Array(discoverBytes);
    badCookie[239] = 0x64;
    expectMalformed(badCookie, /magic cookie at offset 236 is 0x63825364/);
    expectMalformed(
      concat(discoverBytes.subarray(0, 258), hex('0c 10 50 43')),
      /option 12 at offset 258 runs past/,
    );
    expectMalformed(concat(header, hex('35')), /option 53 at offset 240 has no length byte/);
    expectMalformed(discoverBytes.subarray(0, 289), /no End option/);
    expectMalformed(header, /no End option/);
  });
});

describe('DHCP options', () => {
  it('skips Pad bytes between options, and counts whatever follows End as padding', () => {
    const padded = concat(header, hex('00 35 01 01 00 00 ff 12 34'));
    const result = decodeDhcp(padded);
    expect(result).toMatchObject({
      ok: true,
      value: { options: [u8Option(OPT_MESSAGE_TYPE, 1)], padding: 2 },
    });
    // Neither the Pads nor the bytes after End are kept: they come back without Pads, as zeros.
    if (result.ok)
      expect(toHex(encodeDhcp(result.value))).toBe(toHex(concat(header, hex('35 01 01 ff 00 00'))));
  });

  it('joins the parts of a split option (RFC 3396) and reads nothing of the wrong length', () => {
    const m = dhcpMessage({
      op: BOOTREQUEST,
      xid: 1,
      options: [
        textOption(OPT_HOST_NAME, 'PC'),
        u8Option(OPT_MESSAGE_TYPE, 3),
        textOption(OPT_HOST_NAME, '1'),
        addrsOption(OPT_ROUTER, [ip('10.0.0.1'), ip('10.0.0.2')]),
        bytesOption(OPT_SUBNET_MASK, hex('ffffff')),
        bytesOption(OPT_LEASE_TIME, hex('01')),
      ],
    });
    expect(optionText(m, OPT_HOST_NAME)).toBe('PC1');
    expect(optionAddrs(m, OPT_ROUTER)).toEqual([ip('10.0.0.1'), ip('10.0.0.2')]);
    expect(optionAddr(m, OPT_ROUTER)).toBeUndefined();
    expect(optionU8(m, OPT_ROUTER)).toBeUndefined();
    expect(optionAddr(m, OPT_SUBNET_MASK)).toBeUndefined();
    expect(optionAddrs(m, OPT_SUBNET_MASK)).toBeUndefined();
    expect(optionU32(m, OPT_LEASE_TIME)).toBeUndefined();
    expect(optionU8(m, OPT_LEASE_TIME)).toBe(1);
    expect(optionText(m, OPT_VENDOR_CLASS)).toBeUndefined();
    expect(optionAddrs(dhcpMessage({ ...m, options: [bytesOption(OPT_ROUTER, zeros(0))] }), OPT_ROUTER)).toBe(
      undefined,
    );
    expect(
      optionText(dhcpMessage({ ...m, options: [textOption(OPT_HOST_NAME, 'café')] }), OPT_HOST_NAME),
    ).toBe('café');
  });

  it('dhcpMessage pads to 300 bytes unless the options already reach it; flags and chaddr helpers', () => {
    const small = dhcpMessage({ op: BOOTREQUEST, xid: 7, options: [], flags: DHCP_BROADCAST_FLAG });
    expect(encodeDhcp(small).length).toBe(BOOTP_MIN_LEN);
    expect(isBroadcastFlag(small)).toBe(true);
    expect([small.ciaddr, small.htype, small.hlen]).toEqual([IPV4_ANY, 1, 6]);
    const big = dhcpMessage({ op: BOOTREQUEST, xid: 7, options: [bytesOption(OPT_CLIENT_ID, zeros(100))] });
    expect(big.padding).toBe(0);
    expect(encodeDhcp(big).length).toBe(DHCP_HEADER_LEN + 102 + 1);
    expect(dhcpMessage({ op: BOOTREQUEST, xid: 7, options: [], padding: 3 }).padding).toBe(3);
    expect(toHex(chaddrOf(mac('00:00:0c:ab:cd:ef')))).toBe(`00000cabcdef${'00'.repeat(10)}`);
  });

  it('encode refuses only what the fields cannot hold', () => {
    const base = dhcpMessage({ op: BOOTREQUEST, xid: 1, options: [] });
    const bad: [Partial<DhcpMessage>, RegExp][] = [
      [{ options: [bytesOption(OPT_CLIENT_ID, zeros(256))] }, /option 61 has 256 bytes/],
      [{ options: [bytesOption(OPT_PAD, zeros(1))] }, /option code 0/],
      [{ options: [bytesOption(OPT_END, zeros(0))] }, /option code 255/],
      [{ options: [bytesOption(256, zeros(0))] }, /option code 256/],
      [{ xid: 2 ** 32 }, /xid 4294967296/],
      [{ flags: -1 }, /flags -1/],
      [{ hops: 1.5 }, /hops 1.5/],
      [{ yiaddr: (2 ** 32) as Ipv4Addr }, /yiaddr/],
      [{ chaddr: zeros(6) }, /chaddr is 6 bytes, the field holds 16/],
      [{ file: zeros(129) }, /file is 129 bytes/],
      [{ padding: -1 }, /padding -1/],
    ];
    for (const [fields, error] of bad) expect(() => encodeDhcp({ ...base, ...fields })).toThrow(error);
    expect(() => encodeDhcp({ ...base, options: [bytesOption(OPT_CLIENT_ID, zeros(255))] })).not.toThrow();
    expect(() => encodeDhcp({ ...base, options: [bytesOption(254, zeros(0))] })).not.toThrow();
    expect(() => u8Option(OPT_MESSAGE_TYPE, 256)).toThrow(RangeError);
    expect(() => u32Option(OPT_LEASE_TIME, 2 ** 32)).toThrow(RangeError);
    expect(() => addrsOption(OPT_ROUTER, [-1 as Ipv4Addr])).toThrow(RangeError);
    expect(() => textOption(OPT_HOST_NAME, 'PC€')).toThrow(/not Latin-1/);
  });
});

const u8 = fc.integer({ min: 0, max: 0xff });
const u16 = fc.integer({ min: 0, max: 0xffff });
const u32 = fc.tuple(u16, u16).map(([hi, lo]) => hi * 0x10000 + lo);
const addr = u32.map((n) => n as Ipv4Addr);
const fixed = (length: number) => fc.uint8Array({ minLength: length, maxLength: length });

const message: fc.Arbitrary<DhcpMessage> = fc.record({
  op: u8,
  htype: u8,
  hlen: u8,
  hops: u8,
  xid: u32,
  secs: u16,
  flags: u16,
  ciaddr: addr,
  yiaddr: addr,
  siaddr: addr,
  giaddr: addr,
  chaddr: fixed(16),
  sname: fixed(64),
  file: fixed(128),
  options: fc.array(
    fc.record({ code: fc.integer({ min: 1, max: 254 }), data: fc.uint8Array({ maxLength: 255 }) }),
    { maxLength: 8 },
  ),
  padding: fc.integer({ min: 0, max: 64 }),
});

/** A valid encoding with some bytes changed and the end maybe cut off. */
const damaged = fc
  .tuple(message, fc.array(fc.tuple(fc.nat(), u8), { maxLength: 4 }), fc.nat({ max: 8 }))
  .map(([m, changes, cut]) => {
    const b = new Uint8Array(encodeDhcp(m));
    for (const [at, value] of changes) b[at % b.length] = value;
    return b.subarray(0, b.length - cut);
  });

/**
 * The fixed fields and cookie, then bytes shaped like options: any code, a length that may not
 * be its data's, End, and zeros or anything after it.
 */
const looseOptions = fc
  .tuple(
    fixed(236),
    fc.array(fc.tuple(u8, fc.option(u8), fc.uint8Array({ maxLength: 6 })), { maxLength: 6 }),
    fc.oneof(fc.nat({ max: 4 }).map(zeros), fc.uint8Array({ maxLength: 4 })),
  )
  .map(([fields, options, after]) =>
    concat(
      fields,
      hex('63825363'),
      ...options.flatMap(([code, len, data]) => [Uint8Array.of(code, len ?? data.length), data]),
      hex('ff'),
      after,
    ),
  );

/** No Pad where an option code is read, and only zeros after End: what re-encodes byte for byte. */
function withoutInnerPads(b: Uint8Array): boolean {
  let at = DHCP_HEADER_LEN;
  while (at < b.length && b[at] !== OPT_END) {
    if (b[at] === OPT_PAD) return false;
    at += 2 + (b[at + 1] ?? 0);
  }
  return b.subarray(at + 1).every((x) => x === 0);
}

describe('DHCP properties', () => {
  it('decode(encode(m)) gives m back', () => {
    fc.assert(
      fc.property(message, (m) => {
        expect(decodeDhcp(encodeDhcp(m))).toEqual({ ok: true, value: m });
      }),
      { numRuns: 1000 },
    );
  });

  it('decodeDhcp never throws, on any bytes or on damaged messages', () => {
    fc.assert(
      fc.property(fc.oneof(fc.uint8Array({ maxLength: 600 }), looseOptions, damaged), (b) => {
        expect(typeof decodeDhcp(b).ok).toBe('boolean');
      }),
      { numRuns: 2000 },
    );
  });

  it('what decodes re-encodes to the same bytes, when it has no Pads before End and zeros after', () => {
    let checked = 0;
    fc.assert(
      fc.property(fc.oneof(looseOptions, damaged), (b) => {
        const result = decodeDhcp(b);
        if (!result.ok || !withoutInnerPads(b)) return;
        checked++;
        expect(toHex(encodeDhcp(result.value))).toBe(toHex(b));
      }),
      { numRuns: 2000 },
    );
    // Enough of the inputs decode for the property to say something.
    expect(checked).toBeGreaterThan(200);
  });
});

const FIELDS = [
  'dhcp.option.dhcp',
  'dhcp.hw.mac_addr',
  'dhcp.ip.your',
  'dhcp.option.dhcp_server_id',
  'dhcp.option.ip_address_lease_time',
  'dhcp.option.hostname',
  'udp.checksum.status',
  '_ws.expert',
  '_ws.malformed',
] as const;

describeTshark('DHCP as tshark reads it', () => {
  it('decodes the DISCOVER and the OFFER in their frames, with no warning and nothing malformed', () => {
    const frames = [
      ipFrame(
        MAC_BROADCAST,
        PC1_MAC,
        undefined,
        ipv4(IPV4_ANY, IPV4_BROADCAST, 128, 17, 1, udp(DHCP_CLIENT_PORT, DHCP_SERVER_PORT, discoverBytes)),
      ),
      ipFrame(
        PC1_MAC,
        R1_MAC,
        undefined,
        ipv4(
          ip('192.168.10.1'),
          ip('192.168.10.11'),
          255,
          17,
          0,
          udp(DHCP_SERVER_PORT, DHCP_CLIENT_PORT, offerBytes),
        ),
      ),
    ];
    fieldsOf(frames, FIELDS, (rows) => {
      const clean = { 'udp.checksum.status': '1', '_ws.expert': '', '_ws.malformed': '' };
      expect(rows).toEqual([
        {
          'dhcp.option.dhcp': '1',
          // chaddr, then the client id's hardware address
          'dhcp.hw.mac_addr': '00:00:0c:12:34:56,00:00:0c:12:34:56',
          'dhcp.ip.your': '0.0.0.0',
          'dhcp.option.dhcp_server_id': '',
          'dhcp.option.ip_address_lease_time': '',
          'dhcp.option.hostname': 'PC1',
          ...clean,
        },
        {
          'dhcp.option.dhcp': '2',
          'dhcp.hw.mac_addr': '00:00:0c:12:34:56',
          'dhcp.ip.your': '192.168.10.11',
          'dhcp.option.dhcp_server_id': '192.168.10.1',
          'dhcp.option.ip_address_lease_time': '86400',
          'dhcp.option.hostname': '',
          ...clean,
        },
      ]);
    });
  });
});
