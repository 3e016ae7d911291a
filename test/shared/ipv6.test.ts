/**
 * IPv6 addresses: the text forms of RFC 4291 2.2 and RFC 5952, prefixes, and the addresses
 * derived from a MAC or another address.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Ipv6Addr } from '../../src/shared/ipv6.ts';
import {
  eui64InterfaceId,
  formatIpv6,
  formatIpv6Prefix,
  formatIpv6PrefixUpper,
  formatIpv6Upper,
  IPV6_ALL_NODES,
  IPV6_ALL_ROUTERS,
  IPV6_LINK_LOCAL_PREFIX,
  IPV6_LOOPBACK,
  IPV6_UNSPECIFIED,
  inIpv6Prefix,
  ipv6,
  ipv6FromBytes,
  ipv6FromPrefixAndId,
  ipv6Mask,
  ipv6MulticastMac,
  ipv6PrefixOf,
  ipv6ToBytes,
  isIpv6LinkLocal,
  isIpv6Loopback,
  isIpv6Multicast,
  isIpv6Unspecified,
  linkLocalOf,
  parseIpv6,
  parseIpv6Assignment,
  parseIpv6Prefix,
  solicitedNodeOf,
} from '../../src/shared/ipv6.ts';
import type { MacAddr } from '../../src/shared/mac.ts';
import { formatMacColon, parseMac } from '../../src/shared/mac.ts';

function a(s: string): Ipv6Addr {
  const v = parseIpv6(s);
  if (v === undefined) throw new Error(`bad address ${s}`);
  return v;
}

function mac(s: string): MacAddr {
  const m = parseMac(s);
  if (m === undefined) throw new Error(`bad MAC ${s}`);
  return m;
}

const hex16 = (b: Uint8Array): string => Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('');

describe('IPv6 text forms (RFC 4291 2.2)', () => {
  it('reads the preferred form, upper or lower case', () => {
    expect(a('ABCD:EF01:2345:6789:ABCD:EF01:2345:6789')).toBe(0xabcdef0123456789abcdef0123456789n);
    expect(a('2001:DB8:0:0:8:800:200C:417A')).toBe(0x20010db8_00000000_00080800_200c417an);
    expect(a('abcd:ef01:2345:6789:abcd:ef01:2345:6789')).toBe(a('ABCD:EF01:2345:6789:ABCD:EF01:2345:6789'));
  });

  it('reads the compressed forms of the RFC', () => {
    expect(a('2001:DB8::8:800:200C:417A')).toBe(a('2001:DB8:0:0:8:800:200C:417A'));
    expect(a('FF01::101')).toBe(a('FF01:0:0:0:0:0:0:101'));
    expect(a('::1')).toBe(a('0:0:0:0:0:0:0:1'));
    expect(a('::')).toBe(a('0:0:0:0:0:0:0:0'));
    expect(a('::1')).toBe(IPV6_LOOPBACK);
    expect(a('::')).toBe(IPV6_UNSPECIFIED);
    // `::` may stand for a single group, at either end too.
    expect(a('1:2:3:4:5:6:7::')).toBe(a('1:2:3:4:5:6:7:0'));
    expect(a('::2:3:4:5:6:7:8')).toBe(a('0:2:3:4:5:6:7:8'));
    expect(a('1:2:3::5:6:7:8')).toBe(a('1:2:3:0:5:6:7:8'));
  });

  it('reads an IPv4 address in the last 32 bits', () => {
    expect(a('0:0:0:0:0:0:13.1.68.3')).toBe(a('::D01:4403'));
    expect(a('::13.1.68.3')).toBe(a('::D01:4403'));
    expect(a('0:0:0:0:0:FFFF:129.144.52.38')).toBe(a('::ffff:8190:3426'));
    expect(a('::FFFF:129.144.52.38')).toBe(a('::ffff:8190:3426'));
    expect(a('::ffff:192.0.2.1')).toBe(0xffff_c000_0201n);
    expect(a('64:ff9b::192.0.2.1')).toBe(a('64:ff9b::c000:201')); // RFC 6052 well-known prefix
    expect(a('1:2:3:4:5::0.0.0.0')).toBe(a('1:2:3:4:5::'));
  });

  it('rejects everything else', () => {
    for (const bad of [
      '',
      ':',
      ':::',
      '1::2::3',
      '::1::',
      ':1:2:3:4:5:6:7',
      '1:2:3:4:5:6:7:',
      '1:2:3:4:5:6:7',
      '1:2:3:4:5:6:7:8:9',
      '1:2:3:4:5:6:7:8::',
      '::1:2:3:4:5:6:7:8',
      '12345::',
      '::g',
      '1:2:3:4:5:6:7:-8',
      'fe80::1%eth0',
      'fe80::1%11',
      '[::1]',
      ' ::1',
      '::1 ',
      ':: 1',
      '1.2.3.4',
      '::1.2.3',
      '::1.2.3.4.5',
      '::256.1.1.1',
      '::01.2.3.4', // leading zero in a decimal part
      '::1.2.3.4:5',
      '1.2.3.4::',
      '::1.2.3.4::',
      '1:2:3:4:5:6::1.2.3.4', // `::` for no group at all
      '1:2:3:4:5:6:7:1.2.3.4',
      '2001:0DB8:0:CD3', // RFC 4291 2.3: trailing zeros cannot be dropped
      '0x1::',
      '+1::',
    ]) {
      expect(parseIpv6(bad), bad).toBeUndefined();
    }
  });
});

describe('IPv6 canonical text (RFC 5952)', () => {
  it('writes every form of an address the same way (section 2)', () => {
    for (const s of [
      '2001:db8:0:0:1:0:0:1',
      '2001:0db8:0:0:1:0:0:1',
      '2001:db8::1:0:0:1',
      '2001:db8::0:1:0:0:1',
      '2001:0db8::1:0:0:1',
      '2001:db8:0:0:1::1',
      '2001:db8:0000:0:1::1',
      '2001:DB8:0:0:1::1',
    ]) {
      expect(formatIpv6(a(s)), s).toBe('2001:db8::1:0:0:1');
    }
    for (const s of ['2001:db8:aaaa:bbbb:cccc:dddd:eeee:0001', '2001:db8:aaaa:bbbb:cccc:dddd:eeee:001']) {
      expect(formatIpv6(a(s))).toBe('2001:db8:aaaa:bbbb:cccc:dddd:eeee:1');
    }
    for (const s of ['2001:db8:0:0:0::1', '2001:db8:0:0::1', '2001:db8:0::1', '2001:db8::1']) {
      expect(formatIpv6(a(s))).toBe('2001:db8::1');
    }
    expect(formatIpv6(a('2001:db8:aaaa:bbbb:cccc:dddd::1'))).toBe('2001:db8:aaaa:bbbb:cccc:dddd:0:1');
    expect(formatIpv6(a('2001:db8:0:0:aaaa::1'))).toBe('2001:db8::aaaa:0:0:1');
    expect(formatIpv6(a('2001:DB8:AAAA:BBBB:CCCC:DDDD:EEEE:AAAA'))).toBe(
      '2001:db8:aaaa:bbbb:cccc:dddd:eeee:aaaa',
    );
  });

  it('follows the rules of section 4', () => {
    expect(formatIpv6(a('2001:0db8::0001'))).toBe('2001:db8::1'); // 4.1 leading zeros
    expect(formatIpv6(a('2001:db8:0:0:0:0:2:1'))).toBe('2001:db8::2:1'); // 4.2.1 longest
    expect(formatIpv6(a('2001:db8:0:1:1:1:1:1'))).toBe('2001:db8:0:1:1:1:1:1'); // 4.2.2 not one 0
    expect(formatIpv6(a('2001:0:0:1:0:0:0:1'))).toBe('2001:0:0:1::1'); // 4.2.3 the longest run
    expect(formatIpv6(a('2001:db8:0:0:1:0:0:1'))).toBe('2001:db8::1:0:0:1'); // 4.2.3 the first of equals
    expect(formatIpv6(a('2001:DB8::1'))).toBe('2001:db8::1'); // 4.3 lowercase
  });

  it('writes the special addresses', () => {
    expect(formatIpv6(IPV6_UNSPECIFIED)).toBe('::');
    expect(formatIpv6(IPV6_LOOPBACK)).toBe('::1');
    expect(formatIpv6(IPV6_ALL_NODES)).toBe('ff02::1');
    expect(formatIpv6(IPV6_ALL_ROUTERS)).toBe('ff02::2');
    expect(formatIpv6(a('1::'))).toBe('1::');
    expect(formatIpv6(a('1:0:0:0:0:0:0:0'))).toBe('1::');
    expect(formatIpv6(a('0:1:0:1:0:1:0:1'))).toBe('0:1:0:1:0:1:0:1');
    expect(formatIpv6(a('ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff'))).toBe(
      'ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff',
    );
    // Section 5: an IPv4-mapped address ends in dotted decimal; other embeddings stay hex.
    expect(formatIpv6(a('::ffff:c000:201'))).toBe('::ffff:192.0.2.1');
    expect(formatIpv6(a('::13.1.68.3'))).toBe('::d01:4403');
    expect(formatIpv6(a('64:ff9b::192.0.2.1'))).toBe('64:ff9b::c000:201');
  });

  it('writes uppercase for IOS', () => {
    expect(formatIpv6Upper(a('2001:db8:acad:1::1'))).toBe('2001:DB8:ACAD:1::1');
    expect(formatIpv6Upper(a('fe80::1'))).toBe('FE80::1');
    expect(formatIpv6Upper(a('fe80::c800:41ff:fe32:6'))).toBe('FE80::C800:41FF:FE32:6');
  });

  it('formats like the WHATWG URL serializer, which also follows RFC 5952 4 (Node as a second opinion)', () => {
    fc.assert(
      fc.property(addressWithZeros, (v) => {
        const mapped = v >> 32n === 0xffffn;
        if (!mapped) expect(formatIpv6(v)).toBe(new URL(`http://[${formatIpv6(v)}]/`).hostname.slice(1, -1));
        expect(new URL(`http://[${formatIpv6(v)}]/`).hostname).toBe(
          new URL(`http://[${formatIpv6Upper(v)}]/`).hostname,
        );
      }),
      { numRuns: 1000 },
    );
  });
});

/** Any 128-bit value, from eight groups that are often zero so that runs of zeros come up. */
const addressWithZeros: fc.Arbitrary<Ipv6Addr> = fc
  .array(fc.oneof(fc.constant(0), fc.constant(0xffff), fc.integer({ min: 0, max: 0xffff })), {
    minLength: 8,
    maxLength: 8,
  })
  .map((groups) => ipv6(groups.reduce((v, g) => (v << 16n) | BigInt(g), 0n)));
const anyAddress: fc.Arbitrary<Ipv6Addr> = fc
  .oneof(fc.bigInt({ min: 0n, max: (1n << 128n) - 1n }), addressWithZeros)
  .map((n) => ipv6(n));

describe('IPv6 text properties', () => {
  it('parse(format(a)) gives a back, lower and upper case', () => {
    fc.assert(
      fc.property(anyAddress, (v) => {
        expect(parseIpv6(formatIpv6(v))).toBe(v);
        expect(parseIpv6(formatIpv6Upper(v))).toBe(v);
        expect(formatIpv6Upper(v)).toBe(formatIpv6(v).toUpperCase());
      }),
      { numRuns: 3000 },
    );
  });

  it('the uncompressed form with leading zeros reads back too', () => {
    fc.assert(
      fc.property(anyAddress, (v) => {
        const full = v.toString(16).padStart(32, '0').match(/.{4}/g)!.join(':');
        expect(parseIpv6(full)).toBe(v);
      }),
    );
  });

  it('parseIpv6 never throws on arbitrary text', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[0-9a-fA-F:.%[\] g]{0,45}$/), (s) => {
        const v = parseIpv6(s);
        if (v !== undefined) expect(parseIpv6(formatIpv6(v))).toBe(v);
      }),
      { numRuns: 3000 },
    );
  });
});

describe('IPv6 values', () => {
  it('ipv6() keeps 128 bits', () => {
    expect(ipv6(1n << 128n)).toBe(0n);
    expect(ipv6(-1n)).toBe((1n << 128n) - 1n);
  });

  it('converts to and from bytes, most significant first', () => {
    const v = a('2001:db8::8:800:200c:417a');
    expect(hex16(ipv6ToBytes(v))).toBe('20010db80000000000080800200c417a');
    const buf = new Uint8Array(20).fill(0xee);
    ipv6ToBytes(v, buf, 2);
    expect(hex16(buf)).toBe('eeee20010db80000000000080800200c417aeeee');
    expect(ipv6FromBytes(buf, 2)).toBe(v);
    expect(ipv6FromBytes(ipv6ToBytes(IPV6_ALL_NODES))).toBe(IPV6_ALL_NODES);
    expect(ipv6FromBytes(new Uint8Array(3).fill(0xff))).toBe(0xffffffn << 104n); // missing bytes read as 0
  });
});

describe('IPv6 prefixes', () => {
  it('masks', () => {
    expect(ipv6Mask(0)).toBe(0n);
    expect(ipv6Mask(128)).toBe((1n << 128n) - 1n);
    expect(formatIpv6(ipv6(ipv6Mask(64)))).toBe('ffff:ffff:ffff:ffff::');
    expect(formatIpv6(ipv6(ipv6Mask(10)))).toBe('ffc0::');
    expect(() => ipv6Mask(129)).toThrow(RangeError);
    expect(() => ipv6Mask(-1)).toThrow(RangeError);
    expect(() => ipv6Mask(1.5)).toThrow(RangeError);
  });

  it('reads the prefixes of RFC 4291 2.3, with or without the host bits', () => {
    const net = { addr: a('2001:db8:0:cd30::'), len: 60 };
    for (const s of [
      '2001:0DB8:0000:CD30:0000:0000:0000:0000/60',
      '2001:0DB8::CD30:0:0:0:0/60',
      '2001:0DB8:0:CD30::/60',
    ]) {
      expect(parseIpv6Prefix(s)).toEqual(net);
    }
    expect(parseIpv6Assignment('2001:0DB8:0:CD30:123:4567:89AB:CDEF/60')).toEqual({
      addr: a('2001:db8:0:cd30:123:4567:89ab:cdef'),
      len: 60,
    });
    expect(parseIpv6Prefix('2001:0DB8:0:CD30:123:4567:89AB:CDEF/60')).toEqual(net);
    expect(parseIpv6Prefix('2001:0DB8:0:CD3/60')).toBeUndefined();
    // Legal text, but another prefix than 2001:db8:0:cd30::/60.
    expect(parseIpv6Prefix('2001:0DB8::CD30/60')).toEqual({ addr: a('2001:db8::'), len: 60 });
    expect(parseIpv6Assignment('2001:db8:acad:1::1/64')).toEqual({ addr: a('2001:db8:acad:1::1'), len: 64 });
    expect(parseIpv6Assignment(' fe80::1/10 ')).toEqual({ addr: a('fe80::1'), len: 10 });
    expect(parseIpv6Prefix('::/0')).toEqual({ addr: IPV6_UNSPECIFIED, len: 0 });
    expect(parseIpv6Prefix('::1/128')).toEqual({ addr: IPV6_LOOPBACK, len: 128 });
    for (const bad of [
      '2001:db8::/129',
      '2001:db8::',
      '2001:db8::/',
      '2001:db8::/-1',
      '2001:db8::/+64',
      '/64',
      'x/64',
    ]) {
      expect(parseIpv6Assignment(bad), bad).toBeUndefined();
      expect(parseIpv6Prefix(bad), bad).toBeUndefined();
    }
  });

  it('tests membership', () => {
    const p = parseIpv6Prefix('2001:db8:acad:1::/64')!;
    expect(inIpv6Prefix(a('2001:db8:acad:1::1'), p)).toBe(true);
    expect(inIpv6Prefix(a('2001:db8:acad:1:ffff:ffff:ffff:ffff'), p)).toBe(true);
    expect(inIpv6Prefix(a('2001:db8:acad:2::1'), p)).toBe(false);
    expect(inIpv6Prefix(a('fe80::1'), IPV6_LINK_LOCAL_PREFIX)).toBe(true);
    expect(inIpv6Prefix(a('fe80:0:0:1::1'), IPV6_LINK_LOCAL_PREFIX)).toBe(false);
    expect(inIpv6Prefix(a('1234::'), { addr: IPV6_UNSPECIFIED, len: 0 })).toBe(true);
    expect(ipv6PrefixOf(a('2001:db8:acad:1:2:3:4:5'), 48)).toBe(a('2001:db8:acad::'));
    expect(ipv6PrefixOf(a('2001:db8:acad:1:2:3:4:5'), 128)).toBe(a('2001:db8:acad:1:2:3:4:5'));
  });

  it('formats prefixes and assignments', () => {
    expect(formatIpv6Prefix(parseIpv6Prefix('2001:DB8:ACAD:1::/64')!)).toBe('2001:db8:acad:1::/64');
    expect(formatIpv6PrefixUpper(parseIpv6Assignment('2001:db8:acad:1::1/64')!)).toBe(
      '2001:DB8:ACAD:1::1/64',
    );
    expect(formatIpv6Prefix(IPV6_LINK_LOCAL_PREFIX)).toBe('fe80::/64');
  });
});

describe('kinds of IPv6 address (RFC 4291 2.4)', () => {
  it('tells them apart', () => {
    expect(isIpv6LinkLocal(a('fe80::1'))).toBe(true);
    expect(isIpv6LinkLocal(a('febf:ffff::1'))).toBe(true); // fe80::/10
    expect(isIpv6LinkLocal(a('fec0::1'))).toBe(false);
    expect(isIpv6LinkLocal(a('2001:db8::1'))).toBe(false);
    expect(isIpv6Multicast(IPV6_ALL_NODES)).toBe(true);
    expect(isIpv6Multicast(a('ff05::1:3'))).toBe(true);
    expect(isIpv6Multicast(a('fe80::1'))).toBe(false);
    expect(isIpv6Unspecified(IPV6_UNSPECIFIED)).toBe(true);
    expect(isIpv6Unspecified(IPV6_LOOPBACK)).toBe(false);
    expect(isIpv6Loopback(IPV6_LOOPBACK)).toBe(true);
    expect(isIpv6Loopback(a('::2'))).toBe(false);
  });
});

describe('addresses derived from others', () => {
  it('forms modified EUI-64 interface identifiers (RFC 4291 appendix A)', () => {
    const iid = (m: string): string => formatIpv6(ipv6(eui64InterfaceId(mac(m))));
    expect(iid('00:1a:2b:3c:4d:5e')).toBe('::21a:2bff:fe3c:4d5e');
    // Edgecore's CLI guide: EUI-48 28-9F-18-1C-82-35 gives 2A-9F-18-FF-FE-1C-82-35.
    expect(iid('28-9f-18-1c-82-35')).toBe('::2a9f:18ff:fe1c:8235');
    // A locally administered MAC: the bit is set, so the identifier has it cleared.
    expect(iid('ca00.4132.0006')).toBe('::c800:41ff:fe32:6');
    expect(eui64InterfaceId(mac('00:00:00:00:00:00'))).toBe(0x0200_00ff_fe00_0000n);
    expect(eui64InterfaceId(mac('ff:ff:ff:ff:ff:ff'))).toBe(0xfdff_ffff_feff_ffffn);
  });

  it("gives the link-local addresses IOS shows for a MAC (Cisco's show ipv6 interface)", () => {
    // "Hardware is Fast Ethernet, address is 0016.479e.4542" ... "link-local address is FE80::216:47FF:FE9E:4542"
    expect(formatIpv6Upper(linkLocalOf(eui64InterfaceId(mac('0016.479e.4542'))))).toBe(
      'FE80::216:47FF:FE9E:4542',
    );
    // "address is ca00.4132.0006" ... "link-local address is FE80::C800:41FF:FE32:6"
    expect(formatIpv6Upper(linkLocalOf(eui64InterfaceId(mac('ca00.4132.0006'))))).toBe(
      'FE80::C800:41FF:FE32:6',
    );
    // "ipv6 address 2001:DB8:ACAD:1::/64 eui-64" on a MAC aabb.cc00.0100 (IOU)
    const global = ipv6FromPrefixAndId(a('2001:db8:acad:1:ffff::'), eui64InterfaceId(mac('aabb.cc00.0100')));
    expect(formatIpv6Upper(global)).toBe('2001:DB8:ACAD:1:A8BB:CCFF:FE00:100');
    expect(ipv6FromPrefixAndId(a('2001:db8::'), 1n << 64n)).toBe(a('2001:db8::')); // the id keeps 64 bits
  });

  it('forms solicited-node groups (RFC 4291 2.7.1)', () => {
    // Cisco's show ipv6 interface: "FF02::1:FF32:6" for FE80::C800:41FF:FE32:6,
    // "FF02::1:FF52:1" for 2001:DB8::1234:0:52:1.
    expect(formatIpv6Upper(solicitedNodeOf(a('fe80::c800:41ff:fe32:6')))).toBe('FF02::1:FF32:6');
    expect(formatIpv6Upper(solicitedNodeOf(a('2001:db8::1234:0:52:1')))).toBe('FF02::1:FF52:1');
    // The DAD probe of google/gopacket's NS capture: fe80::20c:29ff:fe0e:4c67 -> ff02::1:ff0e:4c67.
    expect(formatIpv6(solicitedNodeOf(a('fe80::20c:29ff:fe0e:4c67')))).toBe('ff02::1:ff0e:4c67');
    expect(formatIpv6(solicitedNodeOf(IPV6_UNSPECIFIED))).toBe('ff02::1:ff00:0');
  });

  it('maps multicast groups to 33:33 MACs (RFC 2464 7)', () => {
    expect(formatMacColon(ipv6MulticastMac(IPV6_ALL_NODES))).toBe('33:33:00:00:00:01');
    expect(formatMacColon(ipv6MulticastMac(IPV6_ALL_ROUTERS))).toBe('33:33:00:00:00:02');
    expect(formatMacColon(ipv6MulticastMac(a('ff02::16')))).toBe('33:33:00:00:00:16');
    expect(formatMacColon(ipv6MulticastMac(a('ff02::1:ff0e:4c67')))).toBe('33:33:ff:0e:4c:67');
    expect(formatMacColon(ipv6MulticastMac(a('ff05::ffff:ffff')))).toBe('33:33:ff:ff:ff:ff');
  });
});
