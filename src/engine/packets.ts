/**
 * Builders for the frames and datagrams devices originate. Every value of one kind is built
 * with the same fields in the same order, so the engine's hot paths see one object shape.
 */
import type { Ipv4Addr } from '../shared/ipv4.ts';
import type { MacAddr } from '../shared/mac.ts';
import type { ArpPacket } from './wire/arp.ts';
import type { Dot1qTag, EthernetFrame, EthernetPayload } from './wire/ethernet.ts';
import { ETHERTYPE_ARP, ETHERTYPE_IPV4 } from './wire/ethernet.ts';
import type { IcmpEcho, IcmpError } from './wire/icmp.ts';
import type { Ipv4Packet, Ipv4Payload } from './wire/ipv4.ts';
import { NO_OPTIONS } from './wire/ipv4.ts';
import type { TcpSegment } from './wire/tcp.ts';
import type { UdpDatagram } from './wire/udp.ts';

export function ethernet(
  dst: MacAddr,
  src: MacAddr,
  tag: Dot1qTag | undefined,
  etherType: number,
  payload: EthernetPayload,
): EthernetFrame {
  return { dst, src, tag, etherType, payload };
}

/**
 * A frame whose addresses are not numbers, built once and thrown away, so that V8 keeps every
 * frame's `dst` and `src` as tagged fields. The engine's own addresses are small integers
 * (mac-alloc.ts), which a tagged field holds inline, in the frame's own cache line. Left to
 * itself, V8 would see the broadcast address (not a small integer) go into a frame, make the
 * fields floating-point, and keep every frame's addresses in heap numbers of their own: one
 * more cache line read per frame at every hop, and one more written by every router.
 */
ethernet(
  null as unknown as MacAddr,
  null as unknown as MacAddr,
  undefined,
  0,
  null as unknown as EthernetPayload,
);

const TAGS: (Dot1qTag | undefined)[] = [];

/** The 802.1Q tag for `vid` (priority 0): one shared immutable value per VLAN. */
export function dot1qTag(vid: number): Dot1qTag {
  let t = TAGS[vid];
  if (t === undefined) {
    t = Object.freeze({ pcp: 0, dei: false, vid });
    TAGS[vid] = t;
  }
  return t;
}

/** The same frame with `tag` (or without a tag when undefined). */
export const retag = (f: EthernetFrame, tag: Dot1qTag | undefined): EthernetFrame =>
  ethernet(f.dst, f.src, tag, f.etherType, f.payload);

export function ipv4(
  src: number,
  dst: number,
  ttl: number,
  protocol: number,
  identification: number,
  payload: Ipv4Payload,
  dontFragment = false,
): Ipv4Packet {
  return {
    proto: 'ipv4',
    dst: dst as Ipv4Addr,
    src: src as Ipv4Addr,
    ttl,
    protocol,
    payload,
    options: NO_OPTIONS,
    identification,
    dscp: 0,
    ecn: 0,
    dontFragment,
    moreFragments: false,
    fragmentOffset: 0,
  };
}

/** The datagram a router forwards: the same with one less TTL. */
export function withTtl(p: Ipv4Packet, ttl: number): Ipv4Packet {
  return {
    proto: 'ipv4',
    dst: p.dst,
    src: p.src,
    ttl,
    protocol: p.protocol,
    payload: p.payload,
    options: p.options,
    identification: p.identification,
    dscp: p.dscp,
    ecn: p.ecn,
    dontFragment: p.dontFragment,
    moreFragments: p.moreFragments,
    fragmentOffset: p.fragmentOffset,
  };
}

/** The same datagram with other addresses and payload (network address translation). */
export function withAddresses(p: Ipv4Packet, src: number, dst: number, payload: Ipv4Payload): Ipv4Packet {
  return {
    proto: 'ipv4',
    dst: dst as Ipv4Addr,
    src: src as Ipv4Addr,
    ttl: p.ttl,
    protocol: p.protocol,
    payload,
    options: p.options,
    identification: p.identification,
    dscp: p.dscp,
    ecn: p.ecn,
    dontFragment: p.dontFragment,
    moreFragments: p.moreFragments,
    fragmentOffset: p.fragmentOffset,
  };
}

export const icmpEcho = (type: 0 | 8, identifier: number, sequence: number, data: Uint8Array): IcmpEcho => ({
  proto: 'icmp',
  type,
  code: 0,
  identifier,
  sequence,
  data,
});

/** `rest`: the word after the checksum (a redirect's gateway). */
export const icmpError = (type: 3 | 5 | 11, code: number, original: Ipv4Packet, rest = 0): IcmpError => ({
  proto: 'icmp',
  type,
  code,
  rest,
  original,
});

export const udp = (srcPort: number, dstPort: number, data: Uint8Array): UdpDatagram => ({
  proto: 'udp',
  srcPort,
  dstPort,
  data,
});

export const tcpSegment = (
  srcPort: number,
  dstPort: number,
  seq: number,
  ack: number,
  flags: number,
  window: number,
  options: Uint8Array,
  data: Uint8Array,
): TcpSegment => ({ proto: 'tcp', srcPort, dstPort, seq, ack, flags, window, urgent: 0, options, data });

export const arp = (
  op: number,
  senderMac: MacAddr,
  senderIp: number,
  targetMac: MacAddr,
  targetIp: number,
): ArpPacket => ({
  proto: 'arp',
  op,
  senderMac,
  senderIp: senderIp as Ipv4Addr,
  targetMac,
  targetIp: targetIp as Ipv4Addr,
});

export const ipFrame = (
  dst: MacAddr,
  src: MacAddr,
  tag: Dot1qTag | undefined,
  p: Ipv4Packet,
): EthernetFrame => ethernet(dst, src, tag, ETHERTYPE_IPV4, p);

export const arpFrame = (
  dst: MacAddr,
  src: MacAddr,
  tag: Dot1qTag | undefined,
  p: ArpPacket,
): EthernetFrame => ethernet(dst, src, tag, ETHERTYPE_ARP, p);
