/**
 * IPv4 datagrams (RFC 791; header checksum RFC 1071).
 *
 * Encode computes the total length and the header checksum, pads options with zeros (End of
 * Option List) to a multiple of 4 and encodes the payload (UDP and TCP get this header's
 * addresses for their pseudo-header checksums). Decode bounds the datagram by its total
 * length, so Ethernet padding after it is ignored, keeps option bytes and unknown protocols as
 * raw bytes, and leaves fragments (MF set or offset > 0) raw: they do not hold a whole
 * upper-layer message.
 *
 * Checksums: decode does not reject a wrong header checksum; it records the received value in
 * `badChecksum` so the engine can see it and drop the datagram as a router must (RFC 1812
 * 5.2.2), and encode writes that value back, so captures re-encode byte for byte. The same
 * holds for ICMP, UDP, TCP and OSPF. Decode fails only for bytes that cannot be a datagram. The
 * reserved flag bit (must be zero) is not kept.
 */
import type { Ipv4Addr } from '../../shared/ipv4.ts';
import { copyBytes, outputBuffer, readIpv4, readU16, writeU16, writeU32 } from './bytes.ts';
import { checksumVerifies, internetChecksum } from './checksum.ts';
import type { Decoded } from './decoded.ts';
import { decoded, malformed } from './decoded.ts';
import type { IcmpMessage } from './icmp.ts';
import { decodeIcmp, encodeIcmp, icmpLen } from './icmp.ts';
import type { OspfPacket } from './ospf.ts';
import { decodeOspf, encodeOspf, IPPROTO_OSPF, ospfLen } from './ospf.ts';
import type { TcpSegment } from './tcp.ts';
import { decodeTcp, encodeTcp, tcpLen } from './tcp.ts';
import type { UdpDatagram } from './udp.ts';
import { decodeUdp, encodeUdp, udpLen } from './udp.ts';

export const IPPROTO_ICMP = 1;
export const IPPROTO_TCP = 6;
export const IPPROTO_UDP = 17;

/** Header without options. */
export const IPV4_HEADER_LEN = 20;
/** The 4-bit IHL field allows at most 60 header bytes. */
export const IPV4_MAX_OPTIONS_LEN = 40;
/** Shared empty options, for the usual datagram without any. */
export const NO_OPTIONS: Uint8Array = new Uint8Array(0);

export interface RawIpPayload {
  readonly proto: 'raw';
  readonly bytes: Uint8Array;
}

export type Ipv4Payload = IcmpMessage | UdpDatagram | TcpSegment | OspfPacket | RawIpPayload;

/**
 * An IPv4 datagram. Every place that creates one lists its fields in this order, so that V8
 * gives them all one hidden class with what a router or host reads of each datagram (addresses,
 * TTL, protocol, payload) side by side in the object's first bytes.
 */
export interface Ipv4Packet {
  readonly proto: 'ipv4';
  readonly dst: Ipv4Addr;
  readonly src: Ipv4Addr;
  readonly ttl: number;
  /**
   * IANA protocol number (1 ICMP, 6 TCP, 17 UDP, 89 OSPF, others kept). Must be 1 for an ICMP
   * payload, 6 for TCP, 17 for UDP, 89 for OSPF.
   */
  readonly protocol: number;
  readonly payload: Ipv4Payload;
  /** Raw option bytes (multiple of 4, at most 40), usually empty. */
  readonly options: Uint8Array;
  readonly identification: number;
  readonly dscp: number;
  readonly ecn: number;
  readonly dontFragment: boolean;
  readonly moreFragments: boolean;
  readonly fragmentOffset: number; // in 8-byte units
  /** The header checksum as received, present only when it is wrong; encode writes it verbatim. */
  readonly badChecksum?: number;
}

/** Header length in bytes: 20 plus the options padded to a multiple of 4. */
export const ipv4HeaderLen = (p: Ipv4Packet): number => IPV4_HEADER_LEN + ((p.options.length + 3) & ~3);

export function ipv4PayloadLen(payload: Ipv4Payload): number {
  switch (payload.proto) {
    case 'icmp':
      return icmpLen(payload);
    case 'udp':
      return udpLen(payload);
    case 'tcp':
      return tcpLen(payload);
    case 'ospf':
      return ospfLen(payload);
    case 'raw':
      return payload.bytes.length;
  }
}

/** On-wire size (the total length field), computed without encoding. */
export const ipv4Len = (p: Ipv4Packet): number => ipv4HeaderLen(p) + ipv4PayloadLen(p.payload);

/** Writes the datagram with its checksums; returns the bytes written (a view into `buf` when given). */
export function encodeIpv4(p: Ipv4Packet, buf?: Uint8Array, offset = 0): Uint8Array {
  if (p.options.length > IPV4_MAX_OPTIONS_LEN) {
    throw new RangeError(`ipv4: ${p.options.length} option bytes, the header holds at most 40`);
  }
  const hlen = ipv4HeaderLen(p);
  const len = hlen + ipv4PayloadLen(p.payload);
  if (len > 0xffff) throw new RangeError(`ipv4: ${len} bytes do not fit the 16-bit total length`);
  const out = outputBuffer(len, buf, offset, 'ipv4');
  const o = offset;
  out[o] = 0x40 | (hlen >>> 2);
  out[o + 1] = ((p.dscp & 0x3f) << 2) | (p.ecn & 0x3);
  writeU16(out, o + 2, len);
  writeU16(out, o + 4, p.identification);
  writeU16(
    out,
    o + 6,
    (p.dontFragment ? 0x4000 : 0) | (p.moreFragments ? 0x2000 : 0) | (p.fragmentOffset & 0x1fff),
  );
  out[o + 8] = p.ttl & 0xff;
  out[o + 9] = p.protocol & 0xff;
  writeU16(out, o + 10, 0);
  writeU32(out, o + 12, p.src);
  writeU32(out, o + 16, p.dst);
  out.set(p.options, o + IPV4_HEADER_LEN);
  out.fill(0, o + IPV4_HEADER_LEN + p.options.length, o + hlen);
  const payload = p.payload;
  if (payload.proto === 'icmp') encodeIcmp(payload, out, o + hlen);
  else if (payload.proto === 'udp') encodeUdp(payload, p.src, p.dst, out, o + hlen);
  else if (payload.proto === 'tcp') encodeTcp(payload, p.src, p.dst, out, o + hlen);
  else if (payload.proto === 'ospf') encodeOspf(payload, out, o + hlen);
  else out.set(payload.bytes, o + hlen);
  writeU16(out, o + 10, p.badChecksum ?? internetChecksum(out, o, o + hlen));
  return out.subarray(o, o + len);
}

/** Decodes a datagram; bytes after its total length (link-layer padding) are ignored. */
export function decodeIpv4(bytes: Uint8Array): Decoded<Ipv4Packet> {
  if (bytes.length < IPV4_HEADER_LEN) return malformed(`ipv4: ${bytes.length} bytes, the header needs 20`);
  const version = bytes[0]! >>> 4;
  if (version !== 4) return malformed(`ipv4: version ${version}, expected 4`);
  const hlen = (bytes[0]! & 0x0f) * 4;
  if (hlen < IPV4_HEADER_LEN) return malformed(`ipv4: header length ${hlen} is below 20`);
  if (hlen > bytes.length)
    return malformed(`ipv4: header length ${hlen} exceeds the ${bytes.length} bytes available`);
  const totalLength = readU16(bytes, 2);
  if (totalLength < hlen)
    return malformed(`ipv4: total length ${totalLength} is below the header length ${hlen}`);
  if (totalLength > bytes.length) {
    return malformed(`ipv4: total length ${totalLength} exceeds the ${bytes.length} bytes available`);
  }
  const flags = readU16(bytes, 6);
  const moreFragments = (flags & 0x2000) !== 0;
  const fragmentOffset = flags & 0x1fff;
  const protocol = bytes[9]!;
  const src = readIpv4(bytes, 12);
  const dst = readIpv4(bytes, 16);
  const body = bytes.subarray(hlen, totalLength);
  let payload: Ipv4Payload;
  if (moreFragments || fragmentOffset !== 0) {
    payload = { proto: 'raw', bytes: copyBytes(body, 0, body.length) };
  } else if (protocol === IPPROTO_ICMP) {
    const icmp = decodeIcmp(body);
    if (!icmp.ok) return icmp;
    payload = icmp.value;
  } else if (protocol === IPPROTO_UDP) {
    const udp = decodeUdp(body, src, dst);
    if (!udp.ok) return udp;
    payload = udp.value;
  } else if (protocol === IPPROTO_TCP) {
    const tcp = decodeTcp(body, src, dst);
    if (!tcp.ok) return tcp;
    payload = tcp.value;
  } else if (protocol === IPPROTO_OSPF) {
    const ospf = decodeOspf(body);
    if (!ospf.ok) return ospf;
    payload = ospf.value;
  } else {
    payload = { proto: 'raw', bytes: copyBytes(body, 0, body.length) };
  }
  const packet: Ipv4Packet = {
    proto: 'ipv4',
    dst,
    src,
    ttl: bytes[8]!,
    protocol,
    payload,
    options: copyBytes(bytes, IPV4_HEADER_LEN, hlen),
    identification: readU16(bytes, 4),
    dscp: bytes[1]! >>> 2,
    ecn: bytes[1]! & 0x3,
    dontFragment: (flags & 0x4000) !== 0,
    moreFragments,
    fragmentOffset,
  };
  return decoded(checksumVerifies(bytes, 0, hlen) ? packet : { ...packet, badChecksum: readU16(bytes, 10) });
}
