/**
 * Golden bytes: frames and datagrams as real equipment put them on the wire (hex dumps
 * published with tcpdump/Wireshark output), encoded from their typed form and decoded back.
 */
import { describe, expect, it } from 'vitest';
import { ARP_REPLY, ARP_REQUEST } from '../../src/engine/wire/arp.ts';
import type { EthernetFrame } from '../../src/engine/wire/ethernet.ts';
import {
  decodeFrame,
  ETHERTYPE_ARP,
  ETHERTYPE_IPV4,
  encodeFrame,
  frameLen,
} from '../../src/engine/wire/ethernet.ts';
import type { IcmpEcho } from '../../src/engine/wire/icmp.ts';
import { ICMP_DEST_UNREACHABLE, ICMP_TIME_EXCEEDED, UNREACH_PORT } from '../../src/engine/wire/icmp.ts';
import type { Ipv4Packet } from '../../src/engine/wire/ipv4.ts';
import { decodeIpv4, encodeIpv4, ipv4Len, NO_OPTIONS } from '../../src/engine/wire/ipv4.ts';
import { iosPingData, windowsPingData } from '../../src/engine/wire/ping-data.ts';
import type { TcpSegment } from '../../src/engine/wire/tcp.ts';
import { mssOption, readMss, TCP_ACK, TCP_PSH, TCP_SYN } from '../../src/engine/wire/tcp.ts';
import { concat, hex, ip, mac, run, toHex } from './hex.ts';

function expectFrame(bytes: Uint8Array, frame: EthernetFrame): void {
  expect(toHex(encodeFrame(frame))).toBe(toHex(bytes));
  expect(frameLen(frame)).toBe(bytes.length);
  expect(decodeFrame(bytes)).toEqual({ ok: true, value: frame });
}

function expectDatagram(bytes: Uint8Array, packet: Ipv4Packet): void {
  expect(toHex(encodeIpv4(packet))).toBe(toHex(bytes));
  expect(ipv4Len(packet)).toBe(bytes.length);
  expect(decodeIpv4(bytes)).toEqual({ ok: true, value: packet });
}

const ipv4 = (fields: Partial<Ipv4Packet> & Pick<Ipv4Packet, 'src' | 'dst' | 'payload'>): Ipv4Packet => ({
  proto: 'ipv4',
  dscp: 0,
  ecn: 0,
  identification: 0,
  dontFragment: false,
  moreFragments: false,
  fragmentOffset: 0,
  ttl: 64,
  protocol: fields.payload.proto === 'udp' ? 17 : fields.payload.proto === 'tcp' ? 6 : 1,
  options: NO_OPTIONS,
  ...fields,
});

describe('ARP (RFC 826)', () => {
  it('request: broadcast, zero target MAC, padded to 60 bytes', () => {
    // "ARP: 18 bytes frame padding", Intel NIC asking for 172.16.1.50 (mynetwatchman ARP examples).
    const bytes = hex(`
      ff ff ff ff ff ff 00 a0 c9 22 b2 10 08 06 00 01
      08 00 06 04 00 01 00 a0 c9 22 b2 10 ac 10 01 65
      00 00 00 00 00 00 ac 10 01 32 00 00 00 00 00 00
      00 00 00 00 00 00 00 00 00 00 00 00`);
    expectFrame(bytes, {
      dst: mac('ff:ff:ff:ff:ff:ff'),
      src: mac('00:a0:c9:22:b2:10'),
      etherType: ETHERTYPE_ARP,
      payload: {
        proto: 'arp',
        op: ARP_REQUEST,
        senderMac: mac('00:a0:c9:22:b2:10'),
        senderIp: ip('172.16.1.101'),
        targetMac: mac('00:00:00:00:00:00'),
        targetIp: ip('172.16.1.50'),
      },
    });
  });

  const reply = {
    proto: 'arp',
    op: ARP_REPLY,
    senderMac: mac('ea:38:5b:06:97:75'),
    senderIp: ip('192.168.30.1'),
    targetMac: mac('00:e0:4c:3f:f8:c2'),
    targetIp: ip('192.168.30.251'),
  } as const;

  it('reply, untagged and 802.1Q-tagged (VLAN 30), from a Linux bridge', () => {
    // A Linux bridge answering 192.168.30.251 (netdev thread on ksz VLAN tagging): the same reply
    // sent untagged and tagged; Linux pads both to 60 bytes.
    const untagged = hex(`
      00e0 4c3f f8c2 ea38 5b06 9775 0806 0001 0800 0604
      0002 ea38 5b06 9775 c0a8 1e01 00e0 4c3f f8c2 c0a8
      1efb 0000 0000 0000 0000 0000 0000 0000 0000 0000`);
    const tagged = hex(`
      00e0 4c3f f8c2 ea38 5b06 9775 8100 001e 0806 0001
      0800 0604 0002 ea38 5b06 9775 c0a8 1e01 00e0 4c3f
      f8c2 c0a8 1efb 0000 0000 0000 0000 0000 0000 0000`);
    const frame = { dst: mac('00:e0:4c:3f:f8:c2'), src: mac('ea:38:5b:06:97:75'), etherType: ETHERTYPE_ARP };
    expectFrame(untagged, { ...frame, payload: reply });
    expectFrame(tagged, { ...frame, tag: { pcp: 0, dei: false, vid: 30 }, payload: reply });
  });

  it('decodes a reply captured before the NIC padded it (42 bytes)', () => {
    // Inner frame of a VXLAN capture: 10.0.0.103 is-at aa:c1:ab:e1:98:8e.
    const bytes = hex(`
      aac1 abee 23c1 aac1 abe1 988e 0806 0001 0800 0604 0002 aac1 abe1 988e
      0a00 0067 aac1 abee 23c1 0a00 0065`);
    expect(decodeFrame(bytes)).toEqual({
      ok: true,
      value: {
        dst: mac('aa:c1:ab:ee:23:c1'),
        src: mac('aa:c1:ab:e1:98:8e'),
        etherType: ETHERTYPE_ARP,
        payload: {
          proto: 'arp',
          op: ARP_REPLY,
          senderMac: mac('aa:c1:ab:e1:98:8e'),
          senderIp: ip('10.0.0.103'),
          targetMac: mac('aa:c1:ab:ee:23:c1'),
          targetIp: ip('10.0.0.101'),
        },
      },
    });
  });
});

describe('ICMP echo (RFC 792)', () => {
  it('Windows ping: 32 bytes of "abcdefghijklmnopqrstuvwabcdefghi", TTL 128', () => {
    // tcpdump of a Windows host: "ICMP echo request, id 1, seq 38, length 40".
    const bytes = hex(`
      4500 003c 3aff 0000 8001 5c55 c0a8 9216 c0a8 9005 0800 4d35 0001 0026 6162 6364
      6566 6768 696a 6b6c 6d6e 6f70 7172 7374 7576 7761 6263 6465 6667 6869`);
    expect(new TextDecoder().decode(windowsPingData())).toBe('abcdefghijklmnopqrstuvwabcdefghi');
    expectDatagram(
      bytes,
      ipv4({
        identification: 15103,
        ttl: 128,
        src: ip('192.168.146.22'),
        dst: ip('192.168.144.5'),
        payload: { proto: 'icmp', type: 8, code: 0, identifier: 1, sequence: 38, data: windowsPingData(32) },
      }),
    );
  });

  it('Cisco IOS ping: 100-byte datagram, TTL 255, id 0, timestamp then 0xABCD; and the reply', () => {
    // R1 (10.0.0.1) pinging R2 (10.0.0.2): "Sending 5, 100-byte ICMP Echos", first probe and its reply.
    const request = hex(`
      52 54 00 40 e2 17 52 54 00 ff e7 79 08 00 45 00
      00 64 00 00 00 00 ff 01 a7 96 0a 00 00 01 0a 00
      00 02 08 00 95 aa 00 00 00 00 00 00 00 00 00 03
      e8 9c ab cd ab cd ab cd ab cd ab cd ab cd ab cd
      ab cd ab cd ab cd ab cd ab cd ab cd ab cd ab cd
      ab cd ab cd ab cd ab cd ab cd ab cd ab cd ab cd
      ab cd ab cd ab cd ab cd ab cd ab cd ab cd ab cd
      ab cd`);
    const replyBytes = hex(`
      52 54 00 ff e7 79 52 54 00 40 e2 17 08 00 45 00
      00 64 00 00 00 00 ff 01 a7 96 0a 00 00 02 0a 00
      00 01 00 00 9d aa 00 00 00 00 00 00 00 00 00 03
      e8 9c ab cd ab cd ab cd ab cd ab cd ab cd ab cd
      ab cd ab cd ab cd ab cd ab cd ab cd ab cd ab cd
      ab cd ab cd ab cd ab cd ab cd ab cd ab cd ab cd
      ab cd ab cd ab cd ab cd ab cd ab cd ab cd ab cd
      ab cd`);
    const r1 = mac('52:54:00:ff:e7:79');
    const r2 = mac('52:54:00:40:e2:17');
    const echo: IcmpEcho = {
      proto: 'icmp',
      type: 8,
      code: 0,
      identifier: 0,
      sequence: 0,
      data: iosPingData(72, 0x3e89c),
    };
    const datagram = ipv4({ ttl: 255, src: ip('10.0.0.1'), dst: ip('10.0.0.2'), payload: echo });
    expectFrame(request, { dst: r2, src: r1, etherType: ETHERTYPE_IPV4, payload: datagram });
    expectFrame(replyBytes, {
      dst: r1,
      src: r2,
      etherType: ETHERTYPE_IPV4,
      payload: { ...datagram, src: datagram.dst, dst: datagram.src, payload: { ...echo, type: 0 } },
    });
  });

  it('Linux ping over an 802.1Q trunk (VLAN 30), DF set, and its reply', () => {
    // The same netdev thread: "ICMP echo request, id 48, seq 1, length 64" on VLAN 30.
    const request = hex(`
      ea38 5b06 9775 00e0 4c3f f8c2 8100 001e 0800 4500
      0054 022e 4000 4001 7a2e c0a8 1efb c0a8 1e01 0800 28d1 0030 0001 097b a465 0000
      0000 5c4a 0600 0000 0000 1011 1213 1415 1617 1819 1a1b 1c1d 1e1f 2021 2223 2425
      2627 2829 2a2b 2c2d 2e2f 3031 3233 3435 3637`);
    const replyBytes = hex(`
      00e0 4c3f f8c2 ea38 5b06 9775 8100 001e 0800 4500
      0054 f562 0000 4001 c6f9 c0a8 1e01 c0a8 1efb 0000 30d1 0030 0001 097b a465 0000
      0000 5c4a 0600 0000 0000 1011 1213 1415 1617 1819 1a1b 1c1d 1e1f 2021 2223 2425
      2627 2829 2a2b 2c2d 2e2f 3031 3233 3435 3637`);
    const data = concat(hex('097b a465 0000 0000 5c4a 0600 0000 0000'), run(0x10, 0x37));
    const host = mac('00:e0:4c:3f:f8:c2');
    const bridge = mac('ea:38:5b:06:97:75');
    const tag = { pcp: 0, dei: false, vid: 30 };
    const echo = { proto: 'icmp', code: 0, identifier: 48, sequence: 1, data } as const;
    expectFrame(request, {
      dst: bridge,
      src: host,
      tag,
      etherType: ETHERTYPE_IPV4,
      payload: ipv4({
        identification: 0x022e,
        dontFragment: true,
        src: ip('192.168.30.251'),
        dst: ip('192.168.30.1'),
        payload: { ...echo, type: 8 },
      }),
    });
    expectFrame(replyBytes, {
      dst: host,
      src: bridge,
      tag,
      etherType: ETHERTYPE_IPV4,
      payload: ipv4({
        identification: 0xf562,
        src: ip('192.168.30.1'),
        dst: ip('192.168.30.251'),
        payload: { ...echo, type: 0 },
      }),
    });
  });
});

describe('ICMP errors (RFC 792, RFC 1812)', () => {
  it('time exceeded from a router quoting the IP header and 8 bytes', () => {
    // "192.168.0.1 > 192.168.0.6: ICMP time exceeded in-transit, length 36" (a traceroute tool's test capture).
    const bytes = hex(`
      80 65 7c e2 f4 9d 00 1c 73 00 00 99 08 00 45 00
      00 38 07 cf 00 00 40 01 f1 9e c0 a8 00 01 c0 a8
      00 06 0b 00 77 ea 00 00 00 00 45 00 00 57 00 00
      40 00 01 06 91 f9 c0 a8 00 06 ac 3a 7a bf 01 bb
      55 b6 5c 14 c9 8f`);
    expectFrame(bytes, {
      dst: mac('80:65:7c:e2:f4:9d'),
      src: mac('00:1c:73:00:00:99'),
      etherType: ETHERTYPE_IPV4,
      payload: ipv4({
        identification: 0x07cf,
        src: ip('192.168.0.1'),
        dst: ip('192.168.0.6'),
        payload: {
          proto: 'icmp',
          type: ICMP_TIME_EXCEEDED,
          code: 0,
          rest: 0,
          original: hex('4500 0057 0000 4000 0106 91f9 c0a8 0006 ac3a 7abf 01bb 55b6 5c14 c98f'),
        },
      }),
    });
  });

  it('a port unreachable quoting a whole UDP probe (Linux, loopback)', () => {
    // tcpdump -i lo -X: "localhost.46058 > localhost.33434: UDP, length 32" and
    // "ICMP localhost udp port 33434 unreachable, length 68": Linux quotes the whole datagram
    // under tos 0xc0. On loopback the probe's UDP checksum field holds only the pseudo-header sum
    // (0xfe3b, checksum offload), which decode reports and encode writes back.
    const probe = hex(`
      4500 003c 7d85 0000 0111 3e2a 7f00 0001 7f00 0001 b3ea 829a 0028 fe3b 4041 4243
      4445 4647 4849 4a4b 4c4d 4e4f 5051 5253 5455 5657 5859 5a5b 5c5d 5e5f`);
    const unreachable = hex(`
      45c0 0058 7d86 0000 4001 fe5c 7f00 0001 7f00 0001 0303 d30e 0000 0000 4500 003c
      7d85 0000 0111 3e2a 7f00 0001 7f00 0001 b3ea 829a 0028 fe3b 4041 4243 4445 4647
      4849 4a4b 4c4d 4e4f 5051 5253 5455 5657 5859 5a5b 5c5d 5e5f`);
    expectDatagram(
      probe,
      ipv4({
        identification: 0x7d85,
        ttl: 1,
        src: ip('127.0.0.1'),
        dst: ip('127.0.0.1'),
        payload: { proto: 'udp', srcPort: 46058, dstPort: 33434, data: run(0x40, 0x5f), badChecksum: 0xfe3b },
      }),
    );
    expectDatagram(
      unreachable,
      ipv4({
        dscp: 0x30,
        identification: 0x7d86,
        src: ip('127.0.0.1'),
        dst: ip('127.0.0.1'),
        payload: { proto: 'icmp', type: ICMP_DEST_UNREACHABLE, code: UNREACH_PORT, rest: 0, original: probe },
      }),
    );
  });
});

describe('UDP (RFC 768)', () => {
  it('checksum over the IPv4 pseudo-header', () => {
    // "10.0.0.1:52716 -> 10.0.0.2:4000, IP checksum 0xc927, UDP checksum 0xea66", read from a TUN device.
    const bytes = hex(`
      4500 0022 5da1 4000 4011 c927 0a00 0001 0a00 0002 cdec 0fa0 000e ea66 4865 6c6c 6f0a`);
    expectDatagram(
      bytes,
      ipv4({
        identification: 0x5da1,
        dontFragment: true,
        src: ip('10.0.0.1'),
        dst: ip('10.0.0.2'),
        payload: { proto: 'udp', srcPort: 52716, dstPort: 4000, data: new TextEncoder().encode('Hello\n') },
      }),
    );
  });
});

describe('TCP (RFC 9293)', () => {
  // A telnet session from a Windows 10 PC (192.168.10.10, port 49152) to a Cisco IOS router
  // (192.168.10.1, port 23): the handshake's first two segments and the router's first data.
  // The bytes are laid out from what each sends (Windows: DF, TTL 128, its SYN options MSS 1460,
  // NOP, window scale 8, NOP, NOP, SACK permitted, window 64240; IOS: TTL 255, tos 0xc0, the
  // `ip telnet tos` default, no DF, MSS 1460 alone, window 4128). The checksums were computed
  // apart from the encoder, in Python over the pseudo-header (RFC 1071), and tshark calls them
  // correct. By hand, the SYN-ACK: pseudo-header c0a8 + 0a01 + c0a8 + 0a0a + 0006 + 0018
  // (24 bytes), then 0017 + c000 + 9b3e + 5c07 + 5e3f + 8a22 + 6012 + 1020 + 0204 + 05b4 sum to
  // 0x4ad20, folded 0xad24, complemented 0x52db.
  const pc = ip('192.168.10.10');
  const router = ip('192.168.10.1');
  const iosSegment = (fields: Pick<TcpSegment, 'seq' | 'flags' | 'options' | 'data'>): TcpSegment => ({
    proto: 'tcp',
    srcPort: 23,
    dstPort: 49152,
    ack: 0x5e3f8a22,
    window: 4128,
    urgent: 0,
    ...fields,
  });

  it('Windows 10 SYN: MSS, NOP, window scale, NOP, NOP, SACK permitted', () => {
    const bytes = hex(`
      4500 0034 4d2e 4000 8006 183a c0a8 0a0a c0a8 0a01 c000 0017 5e3f 8a21 0000 0000
      8002 faf0 364b 0000 0204 05b4 0103 0308 0101 0402`);
    const options = hex('0204 05b4 0103 0308 0101 0402');
    expectDatagram(
      bytes,
      ipv4({
        identification: 0x4d2e,
        dontFragment: true,
        ttl: 128,
        src: pc,
        dst: router,
        payload: {
          proto: 'tcp',
          srcPort: 49152,
          dstPort: 23,
          seq: 0x5e3f8a21,
          ack: 0,
          flags: TCP_SYN,
          window: 64240,
          urgent: 0,
          options,
          data: new Uint8Array(0),
        },
      }),
    );
    expect(readMss(options)).toBe(1460);
  });

  it('Cisco IOS SYN-ACK: MSS 1460 alone, window 4128, tos 0xc0', () => {
    const bytes = hex(`
      45c0 002c 0c41 0000 ff06 196f c0a8 0a01 c0a8 0a0a 0017 c000 9b3e 5c07 5e3f 8a22
      6012 1020 52db 0000 0204 05b4`);
    expect(toHex(mssOption(1460))).toBe('020405b4');
    expectDatagram(
      bytes,
      ipv4({
        dscp: 0x30,
        identification: 0x0c41,
        ttl: 255,
        src: router,
        dst: pc,
        payload: iosSegment({
          seq: 0x9b3e5c07,
          flags: TCP_SYN | TCP_ACK,
          options: mssOption(1460),
          data: new Uint8Array(0),
        }),
      }),
    );
  });

  it('Cisco IOS data, PSH|ACK: its telnet negotiation (WILL ECHO, WILL SGA, DO TTYPE, DO NAWS)', () => {
    const bytes = hex(`
      45c0 0034 0c42 0000 ff06 1966 c0a8 0a01 c0a8 0a0a 0017 c000 9b3e 5c08 5e3f 8a22
      5018 1020 5768 0000 fffb 01ff fb03 fffd 18ff fd1f`);
    expectDatagram(
      bytes,
      ipv4({
        dscp: 0x30,
        identification: 0x0c42,
        ttl: 255,
        src: router,
        dst: pc,
        payload: iosSegment({
          seq: 0x9b3e5c08,
          flags: TCP_PSH | TCP_ACK,
          options: new Uint8Array(0),
          data: hex('fffb01 fffb03 fffd18 fffd1f'),
        }),
      }),
    );
  });
});
