/**
 * UDP (RFC 768), enough for traceroute probes (IOS sends UDP to ports 33434 and up).
 *
 * The checksum covers an IPv4 pseudo-header (source, destination, zero, protocol 17, UDP
 * length), so encoding and decoding take the enclosing datagram's addresses; `encodeIpv4` and
 * `decodeIpv4` pass them. A computed checksum of 0 goes on the wire as 0xffff, and a zero
 * field means the sender computed none (`noChecksum`). The UDP length field bounds the data:
 * bytes after it in the IP payload are ignored.
 */
import type { Ipv4Addr } from '../../shared/ipv4.ts';
import { copyBytes, outputBuffer, readU16, writeU16 } from './bytes.ts';
import { finishChecksum, foldSum, pseudoHeaderSum, sumWords } from './checksum.ts';
import type { Decoded } from './decoded.ts';
import { decoded, malformed } from './decoded.ts';

/** UDP's IPv4 protocol number, which its pseudo-header includes. */
const PROTOCOL = 17;

export const UDP_HEADER_LEN = 8;

export interface UdpDatagram {
  readonly proto: 'udp';
  readonly srcPort: number;
  readonly dstPort: number;
  readonly data: Uint8Array;
  /** Sent without a checksum (field 0, allowed over IPv4). Encode writes 0 instead of computing one. */
  readonly noChecksum?: true;
  /**
   * The checksum as received, present only when it is wrong; encode writes it verbatim, so a
   * corrupted datagram re-encodes byte for byte. Receivers drop such datagrams.
   */
  readonly badChecksum?: number;
}

export const udpLen = (d: UdpDatagram): number => UDP_HEADER_LEN + d.data.length;

/** Writes the datagram; `src`/`dst` are the enclosing IPv4 addresses (pseudo-header). */
export function encodeUdp(
  d: UdpDatagram,
  src: Ipv4Addr,
  dst: Ipv4Addr,
  buf?: Uint8Array,
  offset = 0,
): Uint8Array {
  const len = udpLen(d);
  if (len > 0xffff) throw new RangeError(`udp: ${len} bytes do not fit the 16-bit length field`);
  const out = outputBuffer(len, buf, offset, 'udp');
  const o = offset;
  writeU16(out, o, d.srcPort);
  writeU16(out, o + 2, d.dstPort);
  writeU16(out, o + 4, len);
  writeU16(out, o + 6, 0);
  out.set(d.data, o + UDP_HEADER_LEN);
  let checksum: number;
  if (d.badChecksum !== undefined) checksum = d.badChecksum;
  else if (d.noChecksum) checksum = 0;
  else
    checksum = finishChecksum(sumWords(out, o, o + len, pseudoHeaderSum(src, dst, PROTOCOL, len))) || 0xffff;
  writeU16(out, o + 6, checksum);
  return out.subarray(o, o + len);
}

/** Decodes a UDP datagram from an IPv4 payload whose addresses are `src`/`dst`. */
export function decodeUdp(bytes: Uint8Array, src: Ipv4Addr, dst: Ipv4Addr): Decoded<UdpDatagram> {
  if (bytes.length < UDP_HEADER_LEN) return malformed(`udp: ${bytes.length} bytes, the header needs 8`);
  const length = readU16(bytes, 4);
  if (length < UDP_HEADER_LEN) return malformed(`udp: length field ${length} is shorter than the header`);
  if (length > bytes.length)
    return malformed(`udp: length field ${length} exceeds the ${bytes.length} bytes available`);
  const wire = readU16(bytes, 6);
  const base = {
    proto: 'udp' as const,
    srcPort: readU16(bytes, 0),
    dstPort: readU16(bytes, 2),
    data: copyBytes(bytes, UDP_HEADER_LEN, length),
  };
  if (wire === 0) return decoded({ ...base, noChecksum: true });
  const ok = foldSum(sumWords(bytes, 0, length, pseudoHeaderSum(src, dst, PROTOCOL, length))) === 0xffff;
  return decoded(ok ? base : { ...base, badChecksum: wire });
}
