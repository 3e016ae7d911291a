/**
 * IPv6 packets (RFC 8200): the 40-byte fixed header and its payload.
 *
 *   version(4) traffic class(8) flow label(20) | payload length(16) next header(8) hop limit(8)
 *   source(128) destination(128)
 *
 * Encode computes the payload length and encodes the payload; an ICMPv6 message gets this
 * header's addresses for its pseudo-header checksum (RFC 8200 8.1). Decode reads exactly
 * payload-length bytes after the header, so Ethernet padding after them is ignored (a payload
 * length past the end is malformed). Only next header 58, ICMPv6 right after the fixed header,
 * is typed: any other value, extension headers (hop-by-hop, routing, fragment, ...) included,
 * keeps the whole payload as raw bytes, byte for byte.
 *
 * Checksums: IPv6 has no header checksum. Decode does not reject a wrong ICMPv6 checksum; it
 * sets `badChecksum` so the engine can drop the packet as a receiver must (RFC 4443 2.3).
 * Encode always writes the correct checksum.
 */
import type { Ipv6Addr } from '../../shared/ipv6.ts';
import { ipv6FromBytes, ipv6ToBytes } from '../../shared/ipv6.ts';
import { copyBytes, outputBuffer, readU16, writeU16 } from './bytes.ts';
import type { Decoded } from './decoded.ts';
import { decoded, malformed } from './decoded.ts';
import type { Icmpv6Message } from './icmpv6.ts';
import { decodeIcmpv6, encodeIcmpv6, icmpv6Len } from './icmpv6.ts';
import type { RawIpPayload } from './ipv4.ts';

export const IPV6_HEADER_LEN = 40;
export const NEXT_HEADER_ICMPV6 = 58;
/** "No next header": nothing follows the header (RFC 8200 4.7). */
export const NEXT_HEADER_NONE = 59;
/** Every link must carry packets of this size (RFC 8200 5); ICMPv6 errors fit in it. */
export const IPV6_MIN_MTU = 1280;

/** An ICMPv6 message, or anything else (extension headers included) kept byte for byte. */
export type Ipv6Payload = Icmpv6Message | RawIpPayload;

/**
 * An IPv6 packet. Every place that creates one lists its fields in this order, so that V8
 * gives them all one hidden class (see Ipv4Packet).
 */
export interface Ipv6Packet {
  readonly proto: 'ipv6';
  readonly dst: Ipv6Addr;
  readonly src: Ipv6Addr;
  readonly hopLimit: number;
  /** IANA protocol number of what follows the header: 58 for an ICMPv6 payload, any value for raw bytes. */
  readonly nextHeader: number;
  readonly payload: Ipv6Payload;
  readonly trafficClass: number; // 8 bits: DSCP and ECN
  readonly flowLabel: number; // 20 bits
  /** Set by decode when the ICMPv6 checksum does not verify; encode ignores it. */
  readonly badChecksum?: true;
}

export const ipv6PayloadLen = (payload: Ipv6Payload): number =>
  payload.proto === 'raw' ? payload.bytes.length : icmpv6Len(payload);

/** On-wire size (header and payload), computed without encoding. */
export const ipv6Len = (p: Ipv6Packet): number => IPV6_HEADER_LEN + ipv6PayloadLen(p.payload);

/** The sum of an address's eight 16-bit words. */
function addressSum(a: Ipv6Addr): number {
  let sum = 0;
  for (let shift = 96n; shift >= 0n; shift -= 32n) {
    const w = Number((a >> shift) & 0xffffffffn);
    sum += (w >>> 16) + (w & 0xffff);
  }
  return sum;
}

/**
 * The sum of the pseudo-header (RFC 8200 8.1: source, destination, 32-bit upper-layer length,
 * three zero bytes and the next header) that upper-layer checksums cover besides their own bytes.
 */
export const ipv6PseudoHeaderSum = (
  src: Ipv6Addr,
  dst: Ipv6Addr,
  nextHeader: number,
  length: number,
): number =>
  addressSum(src) + addressSum(dst) + Math.floor(length / 0x10000) + (length & 0xffff) + nextHeader;

/** Writes the packet; returns the bytes written (a view into `buf` when given). */
export function encodeIpv6(p: Ipv6Packet, buf?: Uint8Array, offset = 0): Uint8Array {
  const payloadLen = ipv6PayloadLen(p.payload);
  if (payloadLen > 0xffff) {
    throw new RangeError(`ipv6: ${payloadLen} payload bytes do not fit the 16-bit payload length`);
  }
  const len = IPV6_HEADER_LEN + payloadLen;
  const out = outputBuffer(len, buf, offset, 'ipv6');
  const o = offset;
  const tc = p.trafficClass & 0xff;
  const flow = p.flowLabel & 0xfffff;
  out[o] = 0x60 | (tc >>> 4);
  out[o + 1] = ((tc & 0xf) << 4) | (flow >>> 16);
  writeU16(out, o + 2, flow & 0xffff);
  writeU16(out, o + 4, payloadLen);
  out[o + 6] = p.nextHeader & 0xff;
  out[o + 7] = p.hopLimit & 0xff;
  ipv6ToBytes(p.src, out, o + 8);
  ipv6ToBytes(p.dst, out, o + 24);
  const payload = p.payload;
  if (payload.proto === 'raw') out.set(payload.bytes, o + IPV6_HEADER_LEN);
  else encodeIcmpv6(payload, p.src, p.dst, out, o + IPV6_HEADER_LEN);
  return out.subarray(o, o + len);
}

/** Decodes a packet; bytes after its payload length (link-layer padding) are ignored. */
export function decodeIpv6(bytes: Uint8Array): Decoded<Ipv6Packet> {
  if (bytes.length < IPV6_HEADER_LEN) return malformed(`ipv6: ${bytes.length} bytes, the header needs 40`);
  const version = bytes[0]! >>> 4;
  if (version !== 6) return malformed(`ipv6: version ${version}, expected 6`);
  const payloadLen = readU16(bytes, 4);
  const end = IPV6_HEADER_LEN + payloadLen;
  if (end > bytes.length) {
    return malformed(
      `ipv6: payload length ${payloadLen} exceeds the ${bytes.length - IPV6_HEADER_LEN} bytes after the header`,
    );
  }
  const nextHeader = bytes[6]!;
  const src = ipv6FromBytes(bytes, 8);
  const dst = ipv6FromBytes(bytes, 24);
  let payload: Ipv6Payload;
  let badChecksum = false;
  if (nextHeader === NEXT_HEADER_ICMPV6) {
    const icmp = decodeIcmpv6(bytes.subarray(IPV6_HEADER_LEN, end), src, dst);
    if (!icmp.ok) return icmp;
    payload = icmp.value;
    badChecksum = icmp.badChecksum === true;
  } else {
    payload = { proto: 'raw', bytes: copyBytes(bytes, IPV6_HEADER_LEN, end) };
  }
  const packet: Ipv6Packet = {
    proto: 'ipv6',
    dst,
    src,
    hopLimit: bytes[7]!,
    nextHeader,
    payload,
    trafficClass: ((bytes[0]! & 0xf) << 4) | (bytes[1]! >>> 4),
    flowLabel: ((bytes[1]! & 0xf) << 16) | readU16(bytes, 2),
  };
  return decoded(badChecksum ? { ...packet, badChecksum: true } : packet);
}
