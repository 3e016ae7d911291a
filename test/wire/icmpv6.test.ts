/**
 * ICMPv6 (RFC 4443) and Neighbor Discovery (RFC 4861): captured and reference messages, the
 * quote of an error and its 1280-byte limit, the errors a router sends, and what tshark reads.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { EthernetFrame } from '../../src/engine/wire/ethernet.ts';
import { decodeFrame, ETHERTYPE_IPV6, encodeFrame } from '../../src/engine/wire/ethernet.ts';
import type { Icmpv6Echo, Icmpv6Error, Icmpv6Message, NdpOption } from '../../src/engine/wire/icmpv6.ts';
import {
  carriesIcmpv6Error,
  decodeIcmpv6,
  encodeIcmpv6,
  ICMPV6_DEST_UNREACHABLE,
  ICMPV6_ECHO_REPLY,
  ICMPV6_ECHO_REQUEST,
  ICMPV6_MAX_QUOTE,
  ICMPV6_PACKET_TOO_BIG,
  ICMPV6_PARAMETER_PROBLEM,
  ICMPV6_TIME_EXCEEDED,
  icmpv6ChecksumVerifies,
  icmpv6ErrorFor,
  icmpv6Len,
  isIcmpv6Echo,
  isIcmpv6Error,
  isIcmpv6Other,
  isNdpNeighborAdvertisement,
  isNdpNeighborSolicitation,
  isNdpRouterAdvertisement,
  isNdpRouterSolicitation,
  NDP_NEIGHBOR_ADVERTISEMENT,
  NDP_NEIGHBOR_SOLICITATION,
  NDP_REDIRECT,
  NDP_ROUTER_ADVERTISEMENT,
  NDP_ROUTER_SOLICITATION,
  PARAM_PROBLEM6_OPTION,
  readIcmpv6Quote,
  TIME_EXCEEDED6_HOP_LIMIT,
  UNREACH6_ADDRESS,
  UNREACH6_PORT,
} from '../../src/engine/wire/icmpv6.ts';
import type { Ipv6Packet } from '../../src/engine/wire/ipv6.ts';
import { decodeIpv6, encodeIpv6, IPV6_MIN_MTU, ipv6Len } from '../../src/engine/wire/ipv6.ts';
import type { Ipv6Addr } from '../../src/shared/ipv6.ts';
import {
  IPV6_ALL_NODES,
  IPV6_ALL_ROUTERS,
  IPV6_UNSPECIFIED,
  ipv6,
  ipv6MulticastMac,
  solicitedNodeOf,
} from '../../src/shared/ipv6.ts';
import type { MacAddr } from '../../src/shared/mac.ts';
import { concat, hex, ip6, mac, run, toHex } from './hex.ts';
import { describeTshark, fieldsOf } from './tshark-run.ts';

const addr6 = (a: Ipv6Addr | string): Ipv6Addr => (typeof a === 'string' ? ip6(a) : a);

/** An ICMPv6 packet with the fields captures usually have (traffic class and flow label 0). */
const packet = (
  src: Ipv6Addr | string,
  dst: Ipv6Addr | string,
  hopLimit: number,
  payload: Icmpv6Message,
): Ipv6Packet => ({
  proto: 'ipv6',
  dst: addr6(dst),
  src: addr6(src),
  hopLimit,
  nextHeader: 58,
  payload,
  trafficClass: 0,
  flowLabel: 0,
});

const frame = (dst: MacAddr, src: MacAddr, payload: Ipv6Packet): EthernetFrame => ({
  dst,
  src,
  etherType: ETHERTYPE_IPV6,
  payload,
});

/** `bytes` decode to exactly `f`, and `f` encodes to exactly `bytes`. */
function expectFrame(bytes: Uint8Array, f: EthernetFrame): void {
  expect(decodeFrame(bytes)).toEqual({ ok: true, value: f });
  expect(toHex(encodeFrame(f))).toBe(toHex(bytes));
}

const NONE = new Uint8Array(0);

function icmpOf(p: Ipv6Packet): Icmpv6Message {
  if (p.payload.proto !== 'icmpv6') throw new Error('not ICMPv6');
  return p.payload;
}

// ---- Captured frames ----

// A Linux ping6 between two Hyper-V guests and the Windows guest's reply: PcapPlusPlus's test
// captures (seladb/PcapPlusPlus, Tests/Packet++Test/PacketExamples/IcmpV6_EchoRequest.dat and
// IcmpV6_EchoReply.dat). Linux sets a flow label and hop limit 64, Windows hop limit 128.

const echoRequestBytes = hex(`
  00155d70fc2e 00155da5c4c5 86dd
  600d2ce3 0040 3a 40 fe80000000000000 02155dfffea5c4c5 fe80000000000000 dd05dae074bc7341
  8000 7a4c 0018 0014 bdcecb6200000000 f3a1090000000000
  101112131415161718191a1b1c1d1e1f202122232425262728292a2b2c2d2e2f3031323334353637`);

const echoReplyBytes = hex(`
  00155da5c4c5 00155d70fc2e 86dd
  60000000 0040 3a 80 fe80000000000000 dd05dae074bc7341 fe80000000000000 02155dfffea5c4c5
  8100 794c 0018 0014 bdcecb6200000000 f3a1090000000000
  101112131415161718191a1b1c1d1e1f202122232425262728292a2b2c2d2e2f3031323334353637`);

const LINUX = { mac: mac('00:15:5d:a5:c4:c5'), ip: 'fe80::215:5dff:fea5:c4c5' };
const WINDOWS = { mac: mac('00:15:5d:70:fc:2e'), ip: 'fe80::dd05:dae0:74bc:7341' };
/** ping's data: a 16-byte timestamp, then 0x10, 0x11, ... */
const pingData = concat(hex('bdcecb6200000000 f3a1090000000000'), run(0x10, 0x37));

/**
 * A neighbor solicitation checking that fd53:7cb8:383:2::1:117 is still reachable (unicast,
 * RFC 4861 7.3.3), with the sender's link-layer address, in VLAN 2; the capture keeps the
 * frame check sequence, 4 bytes the decoder leaves out. PcapPlusPlus, IcmpV6_NeighSoli.dat.
 */
const unicastNsBytes = hex(`
  0054afe9b700 0054afe94d80 8100 0002 86dd
  60000000 0020 3a ff fd537cb803830004 0000000000000067 fd537cb803830002 0000000000010117
  8700 fe98 00000000 fd537cb803830002 0000000000010117
  01 01 0054afe94d80
  10f252e1`);

/**
 * An unsolicited neighbor advertisement from a router (R and O set) to all nodes, with its
 * link-layer address: PcapPlusPlus, IcmpV6_NeighAdv.dat. The c2:00 MAC is a Dynamips IOS
 * router's, and IOS sends Neighbor Discovery with traffic class 0xe0 (CS7).
 */
const routerNaBytes = hex(`
  333300000001 c20054f50000 86dd
  6e000000 0020 3a ff fe80000000000000 c00054fffef50000 ff02000000000000 0000000000000001
  8800 9abb a0000000 fe80000000000000 c00054fffef50000
  02 01 c20054f50000`);

/**
 * A solicited neighbor advertisement without options, to a link-local address (google/gopacket,
 * layers/icmp6_test.go, testPacketICMPv6; tcpdump: "neighbor advertisement, tgt is
 * 2620:0:1005:0:26be:5ff:fe27:b17, length 24").
 */
const solicitedNaBytes = hex(`
  001fcab37640 24be05270b17 86dd
  60000000 0018 3a ff 2620000010050000 26be05fffe270b17 fe80000000000000 021fcafffeb37640
  8800 1ed6 40000000 2620000010050000 26be05fffe270b17`);

/**
 * Duplicate address detection for a new link-local address: from ::, to the target's
 * solicited-node group, no options (google/gopacket, layers/icmp6msg_test.go,
 * testPacketICMPv6NeighborSolicitation).
 */
const dadNsBytes = hex(`
  3333ff0e4c67 000c290e4c67 86dd
  60000000 0018 3a ff 0000000000000000 0000000000000000 ff02000000000000 00000001ff0e4c67
  8700 b930 00000000 fe80000000000000 020c29fffe0e4c67`);

/**
 * The same Dynamips IOS router's periodic router advertisement: hop limit 64, lifetime 1800 s,
 * its link-layer address, MTU 1500 and prefix 2001:db8:0:1::/64 with L and A (tcpdump: "valid
 * time 2592000s, pref. time 604800s"). google/gopacket, layers/icmp6msg_test.go,
 * testPacketICMPv6RouterAdvertisement.
 */
const iosRaBytes = hex(`
  333300000001 c20054f50000 86dd
  6e000000 0040 3a ff fe80000000000000 c00054fffef50000 ff02000000000000 0000000000000001
  8600 c4fe 40 00 0708 00000000 00000000
  01 01 c20054f50000
  05 01 0000 000005dc
  03 04 40 c0 00278d00 00093a80 00000000 20010db800000001 0000000000000000`);

/**
 * A Linux host's router solicitation in a containerlab EVPN lab, as tcpdump -vv printed it:
 * "aa:c1:ab:e3:2a:45 > 33:33:00:00:00:02, ethertype IPv6 (0x86dd), length 70: (hlim 255,
 * next-header ICMPv6 (58) payload length: 16) fe80::a8c1:abff:fee3:2a45 > ff02::2: [icmp6 sum
 * ok] ICMP6, router solicitation, length 16, source link-address option (1), length 8 (1):
 * aa:c1:ab:e3:2a:45". Those fields fix every byte but the checksum, which tcpdump found right.
 */
const linuxRsBytes = hex(`
  333300000002 aac1abe32a45 86dd
  60000000 0010 3a ff fe80000000000000 a8c1abfffee32a45 ff02000000000000 0000000000000002
  8500 7d59 00000000
  01 01 aac1abe32a45`);

// The TAHI IPv6 Ready conformance log of the USAGI Linux router, "Hop Limit 1 to Router"
// (http://www.linux-ipv6.org/v6ready/s20040119-linux26.router/spec/8.html), whose v6eval tool
// prints every field of every frame: the tester's echo request with hop limit 1 (its checksum
// 57247 = 0xdf9f as logged), and the router's time exceeded quoting all of it, hop limit 64.

const tahiEchoBytes = hex(`
  0007e93ebb07 000000000100 86dd
  60000000 0010 3a 01 3ffe0501ffff0100 020000fffe000100 3ffe0501ffff0101 020000fffe000101
  8000 df9f ffff 0001 0102030405060708`);

const tahiTimeExceededBytes = hex(`
  000000000100 0007e93ebb07 86dd
  60000000 0040 3a 40 3ffe0501ffff0100 0207e9fffe3ebb07 3ffe0501ffff0100 020000fffe000100
  0300 2f72 00000000
  60000000 0010 3a 01 3ffe0501ffff0100 020000fffe000100 3ffe0501ffff0101 020000fffe000101
  8000 df9f ffff 0001 0102030405060708`);

const TAHI = {
  tester: { mac: mac('00:00:00:00:01:00'), ip: '3ffe:501:ffff:100:200:ff:fe00:100' },
  router: { mac: mac('00:07:e9:3e:bb:07'), ip: '3ffe:501:ffff:100:207:e9ff:fe3e:bb07' },
  farHost: '3ffe:501:ffff:101:200:ff:fe00:101',
};

const tahiEchoMessage: Icmpv6Echo = {
  proto: 'icmpv6',
  type: ICMPV6_ECHO_REQUEST,
  code: 0,
  identifier: 0xffff,
  sequence: 1,
  data: hex('0102030405060708'),
};
const tahiEcho = packet(TAHI.tester.ip, TAHI.farHost, 1, tahiEchoMessage);

// ---- Reference messages of other projects (ICMPv6 only, no IPv6 header) ----

/** smoltcp's echo request and packet too big, fe80::1 to fe80::2 (smoltcp-rs/smoltcp, src/wire/icmpv6.rs). */
const smoltcpEchoBytes = hex('8000 19b3 1234 abcd aa0000ff');
const smoltcpTooBigBytes = hex(`
  0200 0fc9 000005dc
  60000000 000c 11 40 fe800000000000000000000000000001 fe800000000000000000000000000002
  bf00 0035 000c 124d aa0000ff`);

/**
 * The router advertisement systemd-networkd sends in its tests (systemd/systemd,
 * src/libsystemd-network/test-ndisc-ra.c): M and O set, three prefixes, then a recursive DNS
 * server option (25, RFC 8106) and a DNS search list (31), which Trame does not model. The
 * checksum is left for the kernel to fill in, so it is zero here.
 */
const systemdRaBytes = hex(`
  8600 0000 40 c0 00b4 00000000 00000000
  01 01 782bcbb36d53
  03 04 40 c0 000001f4 000001b8 00000000 20010db8deadbeef 0000000000000000
  03 04 40 c0 00278d00 00093a80 00000000 20010db80b16d00d 0000000000000000
  03 04 30 c0 00278d00 00093a80 00000000 20010db8c0010dad 0000000000000000
  19 03 0000 0000003c 20010db8deadbeef 0000000000000001
  1f 03 0000 0000003c 036c6162 05696e74 72610000 00000000`);

// ---- Golden bytes ----

describe('ICMPv6 echo', () => {
  it("Linux's ping6 request and Windows' reply", () => {
    const request: Ipv6Packet = {
      ...packet(LINUX.ip, WINDOWS.ip, 64, {
        proto: 'icmpv6',
        type: ICMPV6_ECHO_REQUEST,
        code: 0,
        identifier: 0x18,
        sequence: 0x14,
        data: pingData,
      }),
      flowLabel: 0xd2ce3,
    };
    expectFrame(echoRequestBytes, frame(WINDOWS.mac, LINUX.mac, request));
    const reply = packet(WINDOWS.ip, LINUX.ip, 128, {
      proto: 'icmpv6',
      type: ICMPV6_ECHO_REPLY,
      code: 0,
      identifier: 0x18,
      sequence: 0x14,
      data: pingData,
    });
    expectFrame(echoReplyBytes, frame(LINUX.mac, WINDOWS.mac, reply));
    expect(isIcmpv6Echo(icmpOf(reply))).toBe(true);
  });

  it("smoltcp's echo request", () => {
    const m: Icmpv6Message = {
      proto: 'icmpv6',
      type: ICMPV6_ECHO_REQUEST,
      code: 0,
      identifier: 0x1234,
      sequence: 0xabcd,
      data: hex('aa0000ff'),
    };
    expect(decodeIcmpv6(smoltcpEchoBytes, ip6('fe80::1'), ip6('fe80::2'))).toEqual({ ok: true, value: m });
    expect(toHex(encodeIcmpv6(m, ip6('fe80::1'), ip6('fe80::2')))).toBe(toHex(smoltcpEchoBytes));
    // The checksum covers the pseudo-header: other addresses do not verify.
    expect(decodeIcmpv6(smoltcpEchoBytes, ip6('fe80::2'), ip6('fe80::3'))).toEqual({
      ok: true,
      value: m,
      badChecksum: true,
    });
  });
});

describe('Neighbor Discovery', () => {
  it('a unicast neighbor solicitation with the source link-layer address, in a VLAN, FCS left out', () => {
    const sender = mac('00:54:af:e9:4d:80');
    const ns = packet('fd53:7cb8:383:4::67', 'fd53:7cb8:383:2::1:117', 255, {
      proto: 'icmpv6',
      type: NDP_NEIGHBOR_SOLICITATION,
      code: 0,
      target: ip6('fd53:7cb8:383:2::1:117'),
      options: [{ kind: 'source-mac', mac: sender }],
    });
    const f: EthernetFrame = {
      dst: mac('00:54:af:e9:b7:00'),
      src: sender,
      tag: { pcp: 0, dei: false, vid: 2 },
      etherType: ETHERTYPE_IPV6,
      payload: ns,
    };
    expect(decodeFrame(unicastNsBytes)).toEqual({ ok: true, value: f });
    expect(toHex(encodeFrame(f))).toBe(toHex(unicastNsBytes.subarray(0, -4)));
    expect(isNdpNeighborSolicitation(icmpOf(ns))).toBe(true);
  });

  it('duplicate address detection: from ::, to the solicited-node group, no options', () => {
    const target = ip6('fe80::20c:29ff:fe0e:4c67');
    const dad = packet('::', solicitedNodeOf(target), 255, {
      proto: 'icmpv6',
      type: NDP_NEIGHBOR_SOLICITATION,
      code: 0,
      target,
      options: [],
    });
    expectFrame(dadNsBytes, frame(ipv6MulticastMac(dad.dst), mac('00:0c:29:0e:4c:67'), dad));
    expect(dad.src).toBe(IPV6_UNSPECIFIED);
  });

  it("a router's unsolicited advertisement (router, override) with its target link-layer address", () => {
    const router = mac('c2:00:54:f5:00:00');
    const na: Ipv6Packet = {
      ...packet('fe80::c000:54ff:fef5:0', 'ff02::1', 255, {
        proto: 'icmpv6',
        type: NDP_NEIGHBOR_ADVERTISEMENT,
        code: 0,
        router: true,
        solicited: false,
        override: true,
        target: ip6('fe80::c000:54ff:fef5:0'),
        options: [{ kind: 'target-mac', mac: router }],
      }),
      trafficClass: 0xe0,
    };
    expectFrame(routerNaBytes, frame(mac('33:33:00:00:00:01'), router, na));
    expect(isNdpNeighborAdvertisement(icmpOf(na))).toBe(true);
  });

  it('a solicited advertisement without options', () => {
    const na = packet('2620:0:1005:0:26be:5ff:fe27:b17', 'fe80::21f:caff:feb3:7640', 255, {
      proto: 'icmpv6',
      type: NDP_NEIGHBOR_ADVERTISEMENT,
      code: 0,
      router: false,
      solicited: true,
      override: false,
      target: ip6('2620:0:1005:0:26be:5ff:fe27:b17'),
      options: [],
    });
    expectFrame(solicitedNaBytes, frame(mac('00:1f:ca:b3:76:40'), mac('24:be:05:27:0b:17'), na));
  });

  it('the answer to a solicitation: solicited and override, with the target link-layer address', () => {
    const na = packet('fd53:7cb8:383:2::1:117', 'fd53:7cb8:383:4::67', 255, {
      proto: 'icmpv6',
      type: NDP_NEIGHBOR_ADVERTISEMENT,
      code: 0,
      router: false,
      solicited: true,
      override: true,
      target: ip6('fd53:7cb8:383:2::1:117'),
      options: [{ kind: 'target-mac', mac: mac('00:54:af:e9:b7:00') }],
    });
    const b = encodeIpv6(na);
    expect(toHex(b.subarray(40, 48))).toBe(`8800${toHex(b.subarray(42, 44))}60000000`);
    expect(toHex(b.subarray(64))).toBe('02010054afe9b700');
    expect(decodeIpv6(b)).toEqual({ ok: true, value: na });
  });

  it("a Linux host's router solicitation", () => {
    const host = mac('aa:c1:ab:e3:2a:45');
    const rs = packet('fe80::a8c1:abff:fee3:2a45', 'ff02::2', 255, {
      proto: 'icmpv6',
      type: NDP_ROUTER_SOLICITATION,
      code: 0,
      options: [{ kind: 'source-mac', mac: host }],
    });
    expectFrame(linuxRsBytes, frame(ipv6MulticastMac(IPV6_ALL_ROUTERS), host, rs));
    expect(linuxRsBytes.length).toBe(70);
    expect(isNdpRouterSolicitation(icmpOf(rs))).toBe(true);
  });

  it("an IOS router's advertisement with its link-layer address, MTU and prefix", () => {
    const router = mac('c2:00:54:f5:00:00');
    const ra: Ipv6Packet = {
      ...packet('fe80::c000:54ff:fef5:0', 'ff02::1', 255, {
        proto: 'icmpv6',
        type: NDP_ROUTER_ADVERTISEMENT,
        code: 0,
        curHopLimit: 64,
        managed: false,
        other: false,
        flags: 0,
        routerLifetime: 1800,
        reachableTime: 0,
        retransTimer: 0,
        options: [
          { kind: 'source-mac', mac: router },
          { kind: 'mtu', mtu: 1500 },
          {
            kind: 'prefix',
            prefixLength: 64,
            onLink: true,
            autonomous: true,
            flags: 0,
            validLifetime: 2_592_000,
            preferredLifetime: 604_800,
            prefix: ip6('2001:db8:0:1::'),
          },
        ],
      }),
      trafficClass: 0xe0,
    };
    expectFrame(iosRaBytes, frame(ipv6MulticastMac(IPV6_ALL_NODES), router, ra));
    expect(isNdpRouterAdvertisement(icmpOf(ra))).toBe(true);
    expect(isIcmpv6Other(icmpOf(ra))).toBe(false); // though it has an `other` field (the O flag)
  });

  it("systemd's advertisement: M and O, and the options Trame does not model kept byte for byte", () => {
    const src = ip6('fe80::7a2b:cbff:feb3:6d53');
    const m = decodeIcmpv6(systemdRaBytes, src, IPV6_ALL_NODES);
    const prefix = (prefixLength: number, valid: number, preferred: number, p: string): NdpOption => ({
      kind: 'prefix',
      prefixLength,
      onLink: true,
      autonomous: true,
      flags: 0,
      validLifetime: valid,
      preferredLifetime: preferred,
      prefix: ip6(p),
    });
    const expected: Icmpv6Message = {
      proto: 'icmpv6',
      type: NDP_ROUTER_ADVERTISEMENT,
      code: 0,
      curHopLimit: 64,
      managed: true,
      other: true,
      flags: 0,
      routerLifetime: 180,
      reachableTime: 0,
      retransTimer: 0,
      options: [
        { kind: 'source-mac', mac: mac('78:2b:cb:b3:6d:53') },
        prefix(64, 500, 440, '2001:db8:dead:beef::'),
        prefix(64, 2_592_000, 604_800, '2001:db8:b16:d00d::'),
        prefix(48, 2_592_000, 604_800, '2001:db8:c001:dad::'),
        { kind: 'unknown', type: 25, data: hex('0000 0000003c 20010db8deadbeef 0000000000000001') },
        { kind: 'unknown', type: 31, data: hex('0000 0000003c 036c6162 05696e74 72610000 00000000') },
      ],
    };
    expect(m).toEqual({ ok: true, value: expected, badChecksum: true });
    const b = encodeIcmpv6(expected, src, IPV6_ALL_NODES);
    expect(toHex(b.subarray(4))).toBe(toHex(systemdRaBytes.subarray(4)));
    expect(icmpv6ChecksumVerifies(b, src, IPV6_ALL_NODES)).toBe(true);
  });
});

describe('ICMPv6 errors', () => {
  it("the USAGI router's time exceeded quotes the whole echo request", () => {
    expectFrame(tahiEchoBytes, frame(TAHI.router.mac, TAHI.tester.mac, tahiEcho));
    const error = packet(TAHI.router.ip, TAHI.tester.ip, 64, {
      proto: 'icmpv6',
      type: ICMPV6_TIME_EXCEEDED,
      code: TIME_EXCEEDED6_HOP_LIMIT,
      rest: 0,
      original: tahiEchoBytes.subarray(14),
    });
    expectFrame(tahiTimeExceededBytes, frame(TAHI.tester.mac, TAHI.router.mac, error));
    // The engine builds it from the typed packet: the same bytes.
    const built = icmpv6ErrorFor(tahiEcho, { type: ICMPV6_TIME_EXCEEDED, code: 0, src: ip6(TAHI.router.ip) });
    expect(toHex(encodeFrame(frame(TAHI.tester.mac, TAHI.router.mac, built!)))).toBe(
      toHex(tahiTimeExceededBytes),
    );
    expect(isIcmpv6Error(icmpOf(error))).toBe(true);
  });

  it("reads the quote: the echo's addresses, identifier and sequence", () => {
    const expected = {
      src: ip6(TAHI.tester.ip),
      dst: ip6(TAHI.farHost),
      nextHeader: 58,
      hopLimit: 1,
      echo: { type: ICMPV6_ECHO_REQUEST, identifier: 0xffff, sequence: 1 },
    };
    const f = decodeFrame(tahiTimeExceededBytes);
    const error =
      f.ok && f.value.payload.proto === 'ipv6' ? (f.value.payload.payload as Icmpv6Error) : undefined;
    expect(readIcmpv6Quote(error!.original)).toEqual({ ok: true, value: expected });
    expect(readIcmpv6Quote(tahiEcho)).toEqual({ ok: true, value: expected });
    // An echo cut short, UDP, and something else.
    expect(readIcmpv6Quote(tahiEchoBytes.subarray(14, 14 + 47))).toEqual({
      ok: true,
      value: { src: expected.src, dst: expected.dst, nextHeader: 58, hopLimit: 1 },
    });
    const udp = hex(`
      60000000 000c 11 40 fe800000000000000000000000000001 fe800000000000000000000000000002
      bf00 0035 000c 124d aa0000ff`);
    expect(readIcmpv6Quote(udp)).toMatchObject({
      ok: true,
      value: { udp: { srcPort: 0xbf00, dstPort: 53 } },
    });
    const typedUdp: Ipv6Packet = {
      ...tahiEcho,
      nextHeader: 17,
      payload: { proto: 'raw', bytes: udp.subarray(40) },
    };
    expect(readIcmpv6Quote(typedUdp)).toMatchObject({
      ok: true,
      value: { udp: { srcPort: 0xbf00, dstPort: 53 } },
    });
    const ra = decodeIpv6(iosRaBytes.subarray(14));
    expect(ra.ok && readIcmpv6Quote(ra.value)).toEqual({
      ok: true,
      value: { src: ip6('fe80::c000:54ff:fef5:0'), dst: IPV6_ALL_NODES, nextHeader: 58, hopLimit: 255 },
    });
    expect(readIcmpv6Quote(hex('6000'))).toEqual({
      ok: false,
      error: 'icmpv6 quote: 2 bytes, an IPv6 header needs 40',
    });
    expect(readIcmpv6Quote(udp.map((x, i) => (i === 0 ? 0x45 : x)))).toEqual({
      ok: false,
      error: 'icmpv6 quote: version 4, expected 6',
    });
  });

  it('destination unreachable (address) quoting the echo request', () => {
    const error = icmpv6ErrorFor(tahiEcho, {
      type: ICMPV6_DEST_UNREACHABLE,
      code: UNREACH6_ADDRESS,
      src: ip6(TAHI.router.ip),
    })!;
    expect(error).toEqual(
      packet(TAHI.router.ip, TAHI.tester.ip, 64, {
        proto: 'icmpv6',
        type: ICMPV6_DEST_UNREACHABLE,
        code: UNREACH6_ADDRESS,
        rest: 0,
        original: tahiEcho,
      }),
    );
    const b = encodeIpv6(error);
    expect(toHex(b.subarray(40, 48))).toBe(`0103${toHex(b.subarray(42, 44))}00000000`);
    expect(toHex(b.subarray(48))).toBe(toHex(tahiEchoBytes.subarray(14)));
    const back = decodeIpv6(b);
    expect(back).toEqual({
      ok: true,
      value: { ...error, payload: { ...error.payload, original: tahiEchoBytes.subarray(14) } },
    });
  });

  it("smoltcp's packet too big: the MTU in the word after the checksum", () => {
    const m: Icmpv6Message = {
      proto: 'icmpv6',
      type: ICMPV6_PACKET_TOO_BIG,
      code: 0,
      rest: 1500,
      original: smoltcpTooBigBytes.subarray(8),
    };
    expect(decodeIcmpv6(smoltcpTooBigBytes, ip6('fe80::1'), ip6('fe80::2'))).toEqual({ ok: true, value: m });
    expect(toHex(encodeIcmpv6(m, ip6('fe80::1'), ip6('fe80::2')))).toBe(toHex(smoltcpTooBigBytes));
  });

  it('quotes as much of the invoking packet as keeps the error within 1280 bytes (RFC 4443 2.4(c))', () => {
    const big = (size: number): Ipv6Packet => ({
      ...tahiEcho,
      payload: { ...tahiEchoMessage, data: run(0, size - 48 - 1).map((x) => x & 0xff) },
    });
    expect(ipv6Len(big(1500))).toBe(1500);
    const error = icmpv6ErrorFor(big(1500), {
      type: ICMPV6_PACKET_TOO_BIG,
      code: 0,
      src: ip6('fe80::1'),
      rest: 1280,
    })!;
    expect(ipv6Len(error)).toBe(IPV6_MIN_MTU);
    expect(icmpv6Len(error.payload as Icmpv6Message)).toBe(8 + ICMPV6_MAX_QUOTE);
    const b = encodeIpv6(error);
    expect(b.length).toBe(1280);
    expect(toHex(b.subarray(48))).toBe(toHex(encodeIpv6(big(1500)).subarray(0, 1232)));
    const quoted = decodeIpv6(b);
    expect(quoted.ok && quoted.value.badChecksum).toBeUndefined();
    expect(quoted.ok && readIcmpv6Quote((quoted.value.payload as Icmpv6Error).original)).toMatchObject({
      ok: true,
      value: { echo: { identifier: 0xffff, sequence: 1 } },
    });
    // Up to 1232 bytes fit whole; one more is cut.
    for (const [size, quote] of [
      [1232, 1232],
      [1233, 1232],
      [1231, 1231],
      [48, 48],
    ] as const) {
      const e = icmpv6ErrorFor(big(size), { type: ICMPV6_TIME_EXCEEDED, code: 0, src: ip6('fe80::1') })!;
      expect(ipv6Len(e), `${size}`).toBe(40 + 8 + quote);
    }
  });

  it('sends no error about an error, a redirect, a multicast destination or an unspecified source (RFC 4443 2.4(e))', () => {
    const o = { type: ICMPV6_DEST_UNREACHABLE, code: UNREACH6_PORT, src: ip6('fe80::1') } as const;
    expect(icmpv6ErrorFor(tahiEcho, o)).toBeDefined();
    const anError = icmpv6ErrorFor(tahiEcho, o)!;
    expect(carriesIcmpv6Error(anError)).toBe(true);
    expect(icmpv6ErrorFor(anError, o)).toBeUndefined();
    const redirect = packet('fe80::1', 'fe80::2', 255, {
      proto: 'icmpv6',
      type: NDP_REDIRECT,
      code: 0,
      body: new Uint8Array(36),
      other: true,
    });
    expect(icmpv6ErrorFor(redirect, o)).toBeUndefined();
    const rawError: Ipv6Packet = { ...tahiEcho, payload: { proto: 'raw', bytes: hex('0300') } };
    expect(icmpv6ErrorFor(rawError, o)).toBeUndefined();
    expect(
      carriesIcmpv6Error({ ...tahiEcho, nextHeader: 17, payload: { proto: 'raw', bytes: hex('0300') } }),
    ).toBe(false);
    expect(carriesIcmpv6Error({ ...tahiEcho, payload: { proto: 'raw', bytes: NONE } })).toBe(false);
    const ns = decodeIpv6(dadNsBytes.subarray(14));
    expect(ns.ok && carriesIcmpv6Error(ns.value)).toBe(false);
    const toGroup = { ...tahiEcho, dst: ip6('ff05::1:3') };
    expect(icmpv6ErrorFor(toGroup, o)).toBeUndefined();
    expect(icmpv6ErrorFor(toGroup, { ...o, type: ICMPV6_PACKET_TOO_BIG, code: 0, rest: 1280 })).toBeDefined();
    expect(
      icmpv6ErrorFor(toGroup, { ...o, type: ICMPV6_PARAMETER_PROBLEM, code: PARAM_PROBLEM6_OPTION }),
    ).toBeDefined();
    expect(icmpv6ErrorFor(toGroup, { ...o, type: ICMPV6_PARAMETER_PROBLEM, code: 0 })).toBeUndefined();
    expect(icmpv6ErrorFor({ ...tahiEcho, src: IPV6_UNSPECIFIED }, o)).toBeUndefined();
    expect(icmpv6ErrorFor({ ...tahiEcho, src: IPV6_ALL_NODES }, o)).toBeUndefined();
    expect(icmpv6ErrorFor(tahiEcho, { ...o, hopLimit: 255 })?.hopLimit).toBe(255);
  });
});

// ---- Decoding edge cases ----

describe('ICMPv6 decoding', () => {
  const src = ip6('fe80::1');
  const dst = ip6('fe80::2');
  /** `body` after type and code, with the right checksum. */
  const message = (type: number, code: number, body: Uint8Array): Uint8Array =>
    encodeIcmpv6({ proto: 'icmpv6', type, code, body, other: true }, src, dst);

  it('needs type, code and checksum', () => {
    for (const n of [0, 1, 3]) {
      expect(decodeIcmpv6(smoltcpEchoBytes.subarray(0, n), src, dst)).toEqual({
        ok: false,
        error: `icmpv6: ${n} bytes, type, code and checksum need 4`,
      });
    }
  });

  it('keeps a known type too short for its fixed fields as Icmpv6Other, and other types too', () => {
    for (const [type, len] of [
      [ICMPV6_ECHO_REQUEST, 7],
      [ICMPV6_TIME_EXCEEDED, 4],
      [NDP_ROUTER_SOLICITATION, 6],
      [NDP_ROUTER_ADVERTISEMENT, 15],
      [NDP_NEIGHBOR_SOLICITATION, 23],
      [NDP_NEIGHBOR_ADVERTISEMENT, 8],
      [143, 28], // MLDv2 report
      [NDP_REDIRECT, 40],
      [0, 4],
      [255, 12],
    ] as const) {
      const body = run(1, len - 4);
      const b = message(type, 7, body);
      const m = decodeIcmpv6(b, src, dst);
      expect(m, `type ${type}`).toEqual({
        ok: true,
        value: { proto: 'icmpv6', type, code: 7, body, other: true },
      });
      expect(m.ok && isIcmpv6Other(m.value)).toBe(true);
      expect(m.ok && toHex(encodeIcmpv6(m.value, src, dst))).toBe(toHex(b));
    }
  });

  it('refuses an option of length 0 (RFC 4861 4.6) or one running past the message', () => {
    const ns = (options: string) =>
      concat(hex('8700 0000 00000000 fe800000000000000000000000000009'), hex(options));
    expect(decodeIcmpv6(ns('0100 000000000000'), src, dst)).toEqual({
      ok: false,
      error: 'icmpv6: option type 1 at offset 24 has length 0',
    });
    expect(decodeIcmpv6(ns('0101 000000000000 0502 0000000005dc'), src, dst)).toEqual({
      ok: false,
      error: 'icmpv6: option type 5 at offset 32 needs 16 bytes, 8 are left',
    });
    expect(decodeIcmpv6(ns('01'), src, dst)).toEqual({
      ok: false,
      error: "icmpv6: 1 byte left at offset 24, an option's type and length need 2",
    });
    const rs = hex('8500 0000 00000000 0101');
    expect(decodeIcmpv6(rs, src, dst)).toEqual({
      ok: false,
      error: 'icmpv6: option type 1 at offset 8 needs 8 bytes, 2 are left',
    });
  });

  it('keeps known options of another length, and unknown ones, as raw bytes', () => {
    const options = [
      { kind: 'unknown', type: 1, data: hex('0011223344556677 8899aabbccdd') }, // an 8-byte link-layer address
      { kind: 'unknown', type: 3, data: hex('400000000000') }, // a prefix option cut to 8 bytes
      { kind: 'unknown', type: 5, data: hex('0000000005dc 0000000000000000') },
      { kind: 'unknown', type: 14, data: hex('0102030405060708090a0b0c0d0e') }, // nonce (RFC 3971)
    ] as const;
    const rs: Icmpv6Message = { proto: 'icmpv6', type: NDP_ROUTER_SOLICITATION, code: 0, options };
    const b = encodeIcmpv6(rs, src, dst);
    expect(toHex(b.subarray(8, 16))).toBe('0102001122334455');
    expect(decodeIcmpv6(b, src, dst)).toEqual({ ok: true, value: rs });
  });

  it('writes reserved fields as zero and keeps the unassigned flag bits', () => {
    const na = hex('8800 0000 ffffffff fe800000000000000000000000000009 0201 0a0b0c0d0e0f');
    const m = decodeIcmpv6(na, src, dst);
    expect(m).toMatchObject({ ok: true, value: { router: true, solicited: true, override: true } });
    expect(m.ok && toHex(encodeIcmpv6(m.value, src, dst).subarray(4, 8))).toBe('e0000000');
    const ra = hex(
      '8600 0000 40 ff 0708 00000000 00000000 0501 ffff 000005dc 0304 407f 00000001 00000002 ffffffff 20010db8000000000000000000000000',
    );
    const r = decodeIcmpv6(ra, src, dst);
    expect(r).toMatchObject({
      ok: true,
      value: {
        managed: true,
        other: true,
        flags: 0x3f,
        options: [
          { kind: 'mtu', mtu: 1500 },
          {
            kind: 'prefix',
            onLink: false,
            autonomous: true,
            flags: 0x3f,
            validLifetime: 1,
            preferredLifetime: 2,
          },
        ],
      },
    });
    const again = r.ok ? encodeIcmpv6(r.value, src, dst) : NONE;
    expect(toHex(again.subarray(4, 6))).toBe('40ff');
    expect(toHex(again.subarray(16, 24))).toBe('05010000000005dc');
    expect(toHex(again.subarray(24, 40))).toBe('0304407f000000010000000200000000');
  });

  it('refuses to encode an option the length field cannot describe', () => {
    const rs = (data: Uint8Array): Icmpv6Message => ({
      proto: 'icmpv6',
      type: NDP_ROUTER_SOLICITATION,
      code: 0,
      options: [{ kind: 'unknown', type: 99, data }],
    });
    expect(() => encodeIcmpv6(rs(new Uint8Array(5)), src, dst)).toThrow(/not a multiple of 8/);
    expect(() => encodeIcmpv6(rs(new Uint8Array(2046)), src, dst)).toThrow(RangeError);
    expect(encodeIcmpv6(rs(new Uint8Array(2038)), src, dst).length).toBe(8 + 2040);
  });

  it('the decoded bytes do not share the input', () => {
    const b = new Uint8Array(smoltcpEchoBytes);
    const m = decodeIcmpv6(b, ip6('fe80::1'), ip6('fe80::2'));
    b[8] = 0x55;
    expect(m.ok && isIcmpv6Echo(m.value) && toHex(m.value.data)).toBe('aa0000ff');
  });
});

// ---- Properties ----

const u8 = fc.integer({ min: 0, max: 0xff });
const u16 = fc.integer({ min: 0, max: 0xffff });
const u32 = fc.tuple(u16, u16).map(([hi, lo]) => hi * 0x10000 + lo);
const addr = fc.bigInt({ min: 0n, max: (1n << 128n) - 1n }).map((n) => ipv6(n));
const macAddr = fc
  .tuple(fc.integer({ min: 0, max: 0xffffff }), fc.integer({ min: 0, max: 0xffffff }))
  .map(([hi, lo]) => (hi * 0x1000000 + lo) as MacAddr);
const bytes = (maxLength: number, minLength = 0) => fc.uint8Array({ minLength, maxLength });

const option: fc.Arbitrary<NdpOption> = fc.oneof(
  fc.record({ kind: fc.constant('source-mac' as const), mac: macAddr }),
  fc.record({ kind: fc.constant('target-mac' as const), mac: macAddr }),
  fc.record({
    kind: fc.constant('prefix' as const),
    prefixLength: u8,
    onLink: fc.boolean(),
    autonomous: fc.boolean(),
    flags: fc.integer({ min: 0, max: 0x3f }),
    validLifetime: u32,
    preferredLifetime: u32,
    prefix: addr,
  }),
  fc.record({ kind: fc.constant('mtu' as const), mtu: u32 }),
  fc.record({
    kind: fc.constant('unknown' as const),
    type: u8.filter((t) => ![1, 2, 3, 5].includes(t)),
    data: fc.integer({ min: 0, max: 5 }).chain((n) => bytes(6 + 8 * n, 6 + 8 * n)),
  }),
);
const options = fc.array(option, { maxLength: 5 });

const icmpv6Message: fc.Arbitrary<Icmpv6Message> = fc.oneof(
  fc.record({
    proto: fc.constant('icmpv6' as const),
    type: fc.constantFrom(ICMPV6_ECHO_REQUEST, ICMPV6_ECHO_REPLY),
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
    original: bytes(1232),
  }),
  fc.record({ proto: fc.constant('icmpv6' as const), type: fc.constant(133 as const), code: u8, options }),
  fc.record({
    proto: fc.constant('icmpv6' as const),
    type: fc.constant(134 as const),
    code: u8,
    curHopLimit: u8,
    managed: fc.boolean(),
    other: fc.boolean(),
    flags: fc.integer({ min: 0, max: 0x3f }),
    routerLifetime: u16,
    reachableTime: u32,
    retransTimer: u32,
    options,
  }),
  fc.record({
    proto: fc.constant('icmpv6' as const),
    type: fc.constant(135 as const),
    code: u8,
    target: addr,
    options,
  }),
  fc.record({
    proto: fc.constant('icmpv6' as const),
    type: fc.constant(136 as const),
    code: u8,
    router: fc.boolean(),
    solicited: fc.boolean(),
    override: fc.boolean(),
    target: addr,
    options,
  }),
  fc.record({
    proto: fc.constant('icmpv6' as const),
    type: u8.filter((t) => !(t <= 4 || (t >= 128 && t <= 129) || (t >= 133 && t <= 136))),
    code: u8,
    body: bytes(100),
    other: fc.constant(true as const),
  }),
);

describe('ICMPv6 properties', () => {
  it('decode(encode(m)) gives m back, with a checksum that verifies', () => {
    fc.assert(
      fc.property(icmpv6Message, addr, addr, (m, src, dst) => {
        const b = encodeIcmpv6(m, src, dst);
        expect(b.length).toBe(icmpv6Len(m));
        expect(icmpv6ChecksumVerifies(b, src, dst)).toBe(true);
        expect(decodeIcmpv6(b, src, dst)).toEqual({ ok: true, value: m });
      }),
      { numRuns: 2000 },
    );
  });

  it('decodeIcmpv6 never throws, and what it decodes re-encodes to a message that decodes the same', () => {
    const known = fc.constantFrom(1, 2, 3, 4, 128, 129, 133, 134, 135, 136, 137, 143);
    const input = fc.oneof(
      bytes(80),
      fc.tuple(known, bytes(80)).map(([t, b]) => concat(Uint8Array.of(t), b)),
      // Neighbor Discovery with well-formed option headers more often than chance gives.
      fc
        .tuple(fc.constantFrom(133, 134, 135, 136), bytes(24, 24), fc.array(option, { maxLength: 3 }))
        .map(([t, head, opts]) => {
          const m: Icmpv6Message = { proto: 'icmpv6', type: NDP_ROUTER_SOLICITATION, code: 0, options: opts };
          const fixed = head.subarray(1, t === 133 ? 8 : t === 134 ? 16 : 24);
          return concat(
            Uint8Array.of(t),
            fixed,
            encodeIcmpv6(m, IPV6_UNSPECIFIED, IPV6_UNSPECIFIED).subarray(8),
          );
        }),
    );
    fc.assert(
      fc.property(input, addr, (b, src) => {
        const r = decodeIcmpv6(b, src, IPV6_ALL_NODES);
        if (!r.ok) {
          // Only a message shorter than 4 bytes, or Neighbor Discovery options that do not parse.
          expect(b.length < 4 || [133, 134, 135, 136].includes(b[0]!)).toBe(true);
          return;
        }
        expect(r.badChecksum === true).toBe(!icmpv6ChecksumVerifies(b, src, IPV6_ALL_NODES));
        const again = encodeIcmpv6(r.value, src, IPV6_ALL_NODES);
        expect(again.length).toBe(b.length);
        expect(decodeIcmpv6(again, src, IPV6_ALL_NODES)).toEqual({ ok: true, value: r.value });
        // Without reserved fields, only the checksum can differ.
        if (isIcmpv6Echo(r.value) || isIcmpv6Error(r.value) || isIcmpv6Other(r.value)) {
          expect(toHex(again.subarray(4))).toBe(toHex(b.subarray(4)));
        }
      }),
      { numRuns: 3000 },
    );
  });
});

// ---- tshark ----

describeTshark('as tshark reads them', () => {
  const FIELDS = [
    'eth.dst',
    'ipv6.hlim',
    'ipv6.tclass',
    'ipv6.flow',
    'icmpv6.type',
    'icmpv6.code',
    'icmpv6.checksum.status',
    'icmpv6.echo.identifier',
    'icmpv6.nd.ns.target_address',
    'icmpv6.nd.na.target_address',
    'icmpv6.nd.na.flag.s',
    'icmpv6.nd.na.flag.o',
    'icmpv6.opt.linkaddr',
    'icmpv6.opt.prefix',
    'icmpv6.opt.prefix.length',
    'icmpv6.opt.mtu',
    'icmpv6.nd.ra.router_lifetime',
    'icmpv6.mtu',
    '_ws.expert',
    '_ws.malformed',
  ] as const;

  it('reads echo, Neighbor Discovery and errors as Trame encodes them, with nothing to warn about', () => {
    const decodedFrame = (b: Uint8Array): EthernetFrame => {
      const f = decodeFrame(b);
      if (!f.ok) throw new Error(f.error);
      return f.value;
    };
    const nsAnswer = frame(
      mac('00:54:af:e9:4d:80'),
      mac('00:54:af:e9:b7:00'),
      packet('fd53:7cb8:383:2::1:117', 'fd53:7cb8:383:4::67', 255, {
        proto: 'icmpv6',
        type: NDP_NEIGHBOR_ADVERTISEMENT,
        code: 0,
        router: false,
        solicited: true,
        override: true,
        target: ip6('fd53:7cb8:383:2::1:117'),
        options: [{ kind: 'target-mac', mac: mac('00:54:af:e9:b7:00') }],
      }),
    );
    const unreachable = frame(
      TAHI.tester.mac,
      TAHI.router.mac,
      icmpv6ErrorFor(tahiEcho, {
        type: ICMPV6_DEST_UNREACHABLE,
        code: UNREACH6_ADDRESS,
        src: ip6(TAHI.router.ip),
      })!,
    );
    const bigEcho: Ipv6Packet = {
      ...tahiEcho,
      payload: { ...tahiEchoMessage, data: run(0, 1451).map((x) => x & 0xff) },
    };
    const tooBig = frame(
      TAHI.tester.mac,
      TAHI.router.mac,
      icmpv6ErrorFor(bigEcho, {
        type: ICMPV6_PACKET_TOO_BIG,
        code: 0,
        src: ip6(TAHI.router.ip),
        rest: 1280,
      })!,
    );
    const frames = [
      decodedFrame(echoRequestBytes),
      decodedFrame(echoReplyBytes),
      decodedFrame(unicastNsBytes),
      nsAnswer,
      decodedFrame(dadNsBytes),
      decodedFrame(routerNaBytes),
      decodedFrame(linuxRsBytes),
      decodedFrame(iosRaBytes),
      decodedFrame(tahiTimeExceededBytes),
      unreachable,
      tooBig,
    ];
    fieldsOf(frames, FIELDS, (all) => {
      const rows = all.map((r) => Object.fromEntries(Object.entries(r).filter(([, v]) => v !== '')));
      // Empty fields are left out, so any expert info or malformed mark would show.
      const base = {
        'icmpv6.checksum.status': '1',
        'icmpv6.code': '0',
        'ipv6.flow': '0x000000',
        'ipv6.tclass': '0x00000000',
      };
      const nd = { ...base, 'ipv6.hlim': '255' };
      const quoted = {
        ...base,
        'eth.dst': '00:00:00:00:01:00',
        // The quote's own checksum is not checked (2: unverified), its hop limit is 1.
        'icmpv6.checksum.status': '1,2',
        'icmpv6.code': '0,0',
        'icmpv6.echo.identifier': '0xffff',
        'ipv6.flow': '0x000000,0x000000',
        'ipv6.hlim': '64,1',
        'ipv6.tclass': '0x00000000,0x00000000',
      };
      expect(rows).toEqual([
        {
          ...base,
          'eth.dst': '00:15:5d:70:fc:2e',
          'ipv6.hlim': '64',
          'ipv6.flow': '0x0d2ce3',
          'icmpv6.type': '128',
          'icmpv6.echo.identifier': '0x0018',
        },
        {
          ...base,
          'eth.dst': '00:15:5d:a5:c4:c5',
          'ipv6.hlim': '128',
          'icmpv6.type': '129',
          'icmpv6.echo.identifier': '0x0018',
        },
        {
          ...nd,
          'eth.dst': '00:54:af:e9:b7:00',
          'icmpv6.type': '135',
          'icmpv6.nd.ns.target_address': 'fd53:7cb8:383:2::1:117',
          'icmpv6.opt.linkaddr': '00:54:af:e9:4d:80',
        },
        {
          ...nd,
          'eth.dst': '00:54:af:e9:4d:80',
          'icmpv6.type': '136',
          'icmpv6.nd.na.target_address': 'fd53:7cb8:383:2::1:117',
          'icmpv6.nd.na.flag.s': '1',
          'icmpv6.nd.na.flag.o': '1',
          'icmpv6.opt.linkaddr': '00:54:af:e9:b7:00',
        },
        {
          ...nd,
          'eth.dst': '33:33:ff:0e:4c:67',
          'icmpv6.type': '135',
          'icmpv6.nd.ns.target_address': 'fe80::20c:29ff:fe0e:4c67',
        },
        {
          ...nd,
          'eth.dst': '33:33:00:00:00:01',
          'ipv6.tclass': '0x000000e0',
          'icmpv6.type': '136',
          'icmpv6.nd.na.target_address': 'fe80::c000:54ff:fef5:0',
          'icmpv6.nd.na.flag.s': '0',
          'icmpv6.nd.na.flag.o': '1',
          'icmpv6.opt.linkaddr': 'c2:00:54:f5:00:00',
        },
        {
          ...nd,
          'eth.dst': '33:33:00:00:00:02',
          'icmpv6.type': '133',
          'icmpv6.opt.linkaddr': 'aa:c1:ab:e3:2a:45',
        },
        {
          ...nd,
          'eth.dst': '33:33:00:00:00:01',
          'ipv6.tclass': '0x000000e0',
          'icmpv6.type': '134',
          'icmpv6.nd.ra.router_lifetime': '1800',
          'icmpv6.opt.linkaddr': 'c2:00:54:f5:00:00',
          'icmpv6.opt.mtu': '1500',
          'icmpv6.opt.prefix': '2001:db8:0:1::',
          'icmpv6.opt.prefix.length': '64',
        },
        { ...quoted, 'icmpv6.type': '3,128' },
        { ...quoted, 'icmpv6.type': '1,128', 'icmpv6.code': '3,0' },
        { ...quoted, 'icmpv6.type': '2,128', 'icmpv6.mtu': '1280' },
      ]);
    });
  });
});
