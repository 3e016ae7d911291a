/**
 * ICMP for IPv4 (RFC 792): echo request/reply, destination unreachable, redirect, time
 * exceeded; every other type is kept byte for byte. The checksum covers the whole message (RFC 1071).
 *
 * Errors quote the offending datagram: its IP header (with options) and the first 8 bytes of
 * its payload (RFC 792), which is what Cisco IOS sends; RFC 1812 4.3.2.3 lets routers quote up
 * to 576 bytes, as Linux does. An `IcmpError.original` given as a typed Ipv4Packet is encoded
 * and cut to that quote; given as bytes, it is written as is. Decoding always yields the quoted
 * bytes (a quote is a truncated datagram: its length field and upper-layer checksum describe
 * bytes that are not there), so decode -> encode is exact; `readQuote` (icmp-error.ts) reads
 * the fields a sender needs to match the error to what it sent.
 */
import { copyBytes, outputBuffer, readU16, readU32, writeU16, writeU32 } from './bytes.ts';
import { checksumVerifies, internetChecksum } from './checksum.ts';
import type { Decoded } from './decoded.ts';
import { decoded, malformed } from './decoded.ts';
import type { Ipv4Packet } from './ipv4.ts';
import { encodeIpv4, ipv4HeaderLen, ipv4Len } from './ipv4.ts';

export const ICMP_ECHO_REPLY = 0;
export const ICMP_DEST_UNREACHABLE = 3;
export const ICMP_REDIRECT = 5;
export const ICMP_ECHO_REQUEST = 8;
export const ICMP_TIME_EXCEEDED = 11;

/** Destination unreachable codes (RFC 792, RFC 1812). */
export const UNREACH_NET = 0;
export const UNREACH_HOST = 1;
export const UNREACH_PROTOCOL = 2;
export const UNREACH_PORT = 3;
export const UNREACH_ADMIN_PROHIBITED = 13;

/** Redirect codes (RFC 792): for the destination's network, or for the destination host. */
export const REDIRECT_NET = 0;
export const REDIRECT_HOST = 1;

/** Time exceeded codes (RFC 792). */
export const TIME_EXCEEDED_TTL = 0;
export const TIME_EXCEEDED_REASSEMBLY = 1;

/** Type, code, checksum and the 4-byte type-specific word. */
export const ICMP_HEADER_LEN = 8;
/** Payload bytes of the offending datagram quoted after its header. */
export const ICMP_QUOTED_PAYLOAD = 8;

export interface IcmpEcho {
  readonly proto: 'icmp';
  readonly type: typeof ICMP_ECHO_REQUEST | typeof ICMP_ECHO_REPLY;
  readonly code: number;
  readonly identifier: number;
  readonly sequence: number;
  readonly data: Uint8Array;
  /** The checksum as received, present only when it is wrong; encode writes it verbatim. */
  readonly badChecksum?: number;
}

/**
 * Destination unreachable (3), redirect (5) and time exceeded (11): they quote the offending
 * datagram.
 */
export interface IcmpError {
  readonly proto: 'icmp';
  readonly type: typeof ICMP_DEST_UNREACHABLE | typeof ICMP_REDIRECT | typeof ICMP_TIME_EXCEEDED;
  readonly code: number;
  /**
   * The 4 bytes after the checksum: unused, the next-hop MTU for "fragmentation needed" (3/4),
   * or a redirect's gateway address.
   */
  readonly rest: number;
  /** The offending datagram; on the wire only its header and first 8 payload bytes are quoted. */
  readonly original: Ipv4Packet | Uint8Array;
  /** The checksum as received, present only when it is wrong; encode writes it verbatim. */
  readonly badChecksum?: number;
}

/** Any other type: kept byte for byte after the checksum. */
export interface IcmpOther {
  readonly proto: 'icmp';
  readonly type: number;
  readonly code: number;
  readonly body: Uint8Array;
  readonly other: true;
  /** The checksum as received, present only when it is wrong; encode writes it verbatim. */
  readonly badChecksum?: number;
}

export type IcmpMessage = IcmpEcho | IcmpError | IcmpOther;

export const isIcmpOther = (m: IcmpMessage): m is IcmpOther => 'other' in m;

export const isIcmpEcho = (m: IcmpMessage): m is IcmpEcho =>
  !isIcmpOther(m) && (m.type === ICMP_ECHO_REQUEST || m.type === ICMP_ECHO_REPLY);

const isErrorType = (type: number): type is IcmpError['type'] =>
  type === ICMP_DEST_UNREACHABLE || type === ICMP_REDIRECT || type === ICMP_TIME_EXCEEDED;

export const isIcmpError = (m: IcmpMessage): m is IcmpError => !isIcmpOther(m) && isErrorType(m.type);

/** Bytes of `original` that an error message carries. */
export const quoteLen = (original: Ipv4Packet | Uint8Array): number =>
  original instanceof Uint8Array
    ? original.length
    : Math.min(ipv4Len(original), ipv4HeaderLen(original) + ICMP_QUOTED_PAYLOAD);

/** On-wire size of the message, computed without encoding it. */
export function icmpLen(m: IcmpMessage): number {
  if (isIcmpOther(m)) return 4 + m.body.length;
  if (isIcmpEcho(m)) return ICMP_HEADER_LEN + m.data.length;
  return ICMP_HEADER_LEN + quoteLen(m.original);
}

/** Writes the message with its checksum; returns the bytes written (a view into `buf` when given). */
export function encodeIcmp(m: IcmpMessage, buf?: Uint8Array, offset = 0): Uint8Array {
  const len = icmpLen(m);
  const out = outputBuffer(len, buf, offset, 'icmp');
  const o = offset;
  out[o] = m.type & 0xff;
  out[o + 1] = m.code & 0xff;
  writeU16(out, o + 2, 0);
  if (isIcmpOther(m)) {
    out.set(m.body, o + 4);
  } else if (isIcmpEcho(m)) {
    writeU16(out, o + 4, m.identifier);
    writeU16(out, o + 6, m.sequence);
    out.set(m.data, o + ICMP_HEADER_LEN);
  } else {
    writeU32(out, o + 4, m.rest);
    const quote = m.original instanceof Uint8Array ? m.original : encodeIpv4(m.original);
    out.set(quote.subarray(0, len - ICMP_HEADER_LEN), o + ICMP_HEADER_LEN);
  }
  writeU16(out, o + 2, m.badChecksum ?? internetChecksum(out, o, o + len));
  return out.subarray(o, o + len);
}

/** Decodes a whole ICMP message (an IPv4 payload, already bounded by the IP total length). */
export function decodeIcmp(bytes: Uint8Array): Decoded<IcmpMessage> {
  if (bytes.length < 4) return malformed(`icmp: ${bytes.length} bytes, type, code and checksum need 4`);
  const type = bytes[0]!;
  const code = bytes[1]!;
  const checksum = verifiedChecksum(bytes);
  const echo = type === ICMP_ECHO_REQUEST || type === ICMP_ECHO_REPLY;
  const error = isErrorType(type);
  if ((echo || error) && bytes.length < ICMP_HEADER_LEN) {
    return malformed(`icmp: type ${type} needs an 8-byte header, got ${bytes.length} bytes`);
  }
  if (echo) {
    return decoded({
      proto: 'icmp',
      type,
      code,
      identifier: readU16(bytes, 4),
      sequence: readU16(bytes, 6),
      data: copyBytes(bytes, ICMP_HEADER_LEN, bytes.length),
      ...checksum,
    });
  }
  if (error) {
    return decoded({
      proto: 'icmp',
      type,
      code,
      rest: readU32(bytes, 4),
      original: copyBytes(bytes, ICMP_HEADER_LEN, bytes.length),
      ...checksum,
    });
  }
  return decoded({
    proto: 'icmp',
    type,
    code,
    body: copyBytes(bytes, 4, bytes.length),
    other: true,
    ...checksum,
  });
}

/** `{}` when the checksum verifies, `{ badChecksum }` with the received value otherwise. */
const verifiedChecksum = (bytes: Uint8Array): { badChecksum?: number } =>
  checksumVerifies(bytes, 0, bytes.length) ? {} : { badChecksum: readU16(bytes, 2) };
