/**
 * TCP segments (RFC 9293), enough for telnet to a router: the header, its options as raw bytes
 * and the data.
 *
 * The checksum covers an IPv4 pseudo-header (source, destination, zero, protocol 6, TCP
 * length) as UDP's does, so encoding and decoding take the enclosing datagram's addresses;
 * `encodeIpv4` and `decodeIpv4` pass them. Unlike UDP's it is mandatory: a computed 0 goes on
 * the wire as 0. TCP has no length field: a segment runs to the end of the IP payload.
 *
 * Encode pads options with zeros (End of Option List) to a multiple of 4, as the data offset
 * counts 32-bit words. Decode keeps the option bytes, the four bits RFC 9293 reserves next to
 * the flags and a wrong checksum (in `badChecksum`, as for UDP), so a segment re-encodes byte
 * for byte; it fails only when the data offset does not fit the bytes.
 */
import type { Ipv4Addr } from '../../shared/ipv4.ts';
import { copyBytes, outputBuffer, readU16, readU32, writeU16, writeU32 } from './bytes.ts';
import { finishChecksum, foldSum, pseudoHeaderSum, sumWords } from './checksum.ts';
import type { Decoded } from './decoded.ts';
import { decoded, malformed } from './decoded.ts';

/** Header without options. */
/** TCP's IPv4 protocol number, which its pseudo-header includes. */
const PROTOCOL = 6;

export const TCP_HEADER_LEN = 20;
/** The 4-bit data offset allows at most 60 header bytes. */
export const TCP_MAX_OPTIONS_LEN = 40;

/** Control bits (RFC 9293 3.1; ECE and CWR from RFC 3168). */
export const TCP_FIN = 0x01;
export const TCP_SYN = 0x02;
export const TCP_RST = 0x04;
export const TCP_PSH = 0x08;
export const TCP_ACK = 0x10;
export const TCP_URG = 0x20;
export const TCP_ECE = 0x40;
export const TCP_CWR = 0x80;
/** The ECN nonce of RFC 3540, now historic: RFC 9293 counts it among the reserved bits. */
export const TCP_NS = 0x100;

/** Option kinds (RFC 9293 3.2). */
export const TCP_OPT_END = 0;
export const TCP_OPT_NOP = 1;
export const TCP_OPT_MSS = 2;

export interface TcpSegment {
  readonly proto: 'tcp';
  readonly srcPort: number;
  readonly dstPort: number;
  /** Unsigned 32-bit. */
  readonly seq: number;
  /** Unsigned 32-bit; meaningful only with ACK set. */
  readonly ack: number;
  /**
   * The 12 bits after the data offset, as on the wire: the control bits (TCP_FIN .. TCP_CWR) in
   * the low byte, the reserved bits (TCP_NS and three more) above them.
   */
  readonly flags: number;
  readonly window: number;
  readonly urgent: number;
  /** Raw option bytes (at most 40), usually empty; encode pads them with zeros to a multiple of 4. */
  readonly options: Uint8Array;
  readonly data: Uint8Array;
  /**
   * The checksum as received, present only when it is wrong; encode writes it verbatim, so a
   * corrupted segment re-encodes byte for byte. Receivers drop such segments.
   */
  readonly badChecksum?: number;
}

/** Header length in bytes: 20 plus the options padded to a multiple of 4. */
export const tcpHeaderLen = (s: TcpSegment): number => TCP_HEADER_LEN + ((s.options.length + 3) & ~3);

/** On-wire size of the segment, computed without encoding it. */
export const tcpLen = (s: TcpSegment): number => tcpHeaderLen(s) + s.data.length;

/** Writes the segment; `src`/`dst` are the enclosing IPv4 addresses (pseudo-header). */
export function encodeTcp(
  s: TcpSegment,
  src: Ipv4Addr,
  dst: Ipv4Addr,
  buf?: Uint8Array,
  offset = 0,
): Uint8Array {
  if (s.options.length > TCP_MAX_OPTIONS_LEN) {
    throw new RangeError(`tcp: ${s.options.length} option bytes, the header holds at most 40`);
  }
  const hlen = tcpHeaderLen(s);
  const len = hlen + s.data.length;
  if (len > 0xffff) throw new RangeError(`tcp: ${len} bytes do not fit the 16-bit pseudo-header length`);
  const out = outputBuffer(len, buf, offset, 'tcp');
  const o = offset;
  writeU16(out, o, s.srcPort);
  writeU16(out, o + 2, s.dstPort);
  writeU32(out, o + 4, s.seq);
  writeU32(out, o + 8, s.ack);
  writeU16(out, o + 12, ((hlen >>> 2) << 12) | (s.flags & 0xfff));
  writeU16(out, o + 14, s.window);
  writeU16(out, o + 16, 0);
  writeU16(out, o + 18, s.urgent);
  out.set(s.options, o + TCP_HEADER_LEN);
  out.fill(0, o + TCP_HEADER_LEN + s.options.length, o + hlen);
  out.set(s.data, o + hlen);
  const checksum =
    s.badChecksum ?? finishChecksum(sumWords(out, o, o + len, pseudoHeaderSum(src, dst, PROTOCOL, len)));
  writeU16(out, o + 16, checksum);
  return out.subarray(o, o + len);
}

/** Decodes a TCP segment: a whole IPv4 payload, whose addresses are `src`/`dst`. */
export function decodeTcp(bytes: Uint8Array, src: Ipv4Addr, dst: Ipv4Addr): Decoded<TcpSegment> {
  if (bytes.length < TCP_HEADER_LEN) return malformed(`tcp: ${bytes.length} bytes, the header needs 20`);
  const word = readU16(bytes, 12);
  const hlen = (word >>> 12) * 4;
  if (hlen < TCP_HEADER_LEN) return malformed(`tcp: data offset ${hlen >>> 2} (${hlen} bytes) is below 5`);
  if (hlen > bytes.length) {
    return malformed(
      `tcp: data offset ${hlen >>> 2} (${hlen} bytes) exceeds the ${bytes.length} bytes available`,
    );
  }
  const segment: TcpSegment = {
    proto: 'tcp',
    srcPort: readU16(bytes, 0),
    dstPort: readU16(bytes, 2),
    seq: readU32(bytes, 4),
    ack: readU32(bytes, 8),
    flags: word & 0xfff,
    window: readU16(bytes, 14),
    urgent: readU16(bytes, 18),
    options: copyBytes(bytes, TCP_HEADER_LEN, hlen),
    data: copyBytes(bytes, hlen, bytes.length),
  };
  const ok =
    foldSum(sumWords(bytes, 0, bytes.length, pseudoHeaderSum(src, dst, PROTOCOL, bytes.length))) === 0xffff;
  return decoded(ok ? segment : { ...segment, badChecksum: readU16(bytes, 16) });
}

/** The Maximum Segment Size option (kind 2, length 4), which a SYN carries. */
export const mssOption = (mss: number): Uint8Array =>
  new Uint8Array([TCP_OPT_MSS, 4, (mss >>> 8) & 0xff, mss & 0xff]);

/**
 * The MSS announced in `options`, or undefined when there is none or the options are malformed
 * (a length below 2 or past the end, an MSS option whose length is not 4): RFC 9293 3.7.1
 * tells the receiver to assume the default then.
 */
export function readMss(options: Uint8Array): number | undefined {
  let i = 0;
  while (i < options.length) {
    const kind = options[i]!;
    if (kind === TCP_OPT_END) return undefined;
    if (kind === TCP_OPT_NOP) {
      i++;
      continue;
    }
    if (i + 1 >= options.length) return undefined;
    const len = options[i + 1]!;
    if (len < 2 || i + len > options.length) return undefined;
    if (kind === TCP_OPT_MSS) return len === 4 ? readU16(options, i + 2) : undefined;
    i += len;
  }
  return undefined;
}
