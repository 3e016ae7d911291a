/**
 * Big-endian field access and output buffers shared by the wire encoders and decoders.
 * Readers assume the caller has already checked the length.
 */
import type { Ipv4Addr } from '../../shared/ipv4.ts';

export const readU16 = (b: Uint8Array, i: number): number => (b[i]! << 8) | b[i + 1]!;

export const readU32 = (b: Uint8Array, i: number): number =>
  ((b[i]! << 24) | (b[i + 1]! << 16) | (b[i + 2]! << 8) | b[i + 3]!) >>> 0;

export const readIpv4 = (b: Uint8Array, i: number): Ipv4Addr => readU32(b, i) as Ipv4Addr;

export function writeU16(b: Uint8Array, i: number, v: number): void {
  b[i] = (v >>> 8) & 0xff;
  b[i + 1] = v & 0xff;
}

export function writeU32(b: Uint8Array, i: number, v: number): void {
  b[i] = (v >>> 24) & 0xff;
  b[i + 1] = (v >>> 16) & 0xff;
  b[i + 2] = (v >>> 8) & 0xff;
  b[i + 3] = v & 0xff;
}

/** A copy of bytes [start, end) as a plain Uint8Array, so decoded values never alias the input. */
export const copyBytes = (b: Uint8Array, start: number, end: number): Uint8Array =>
  new Uint8Array(b.subarray(start, end));

/**
 * The buffer an encoder writes `len` bytes into at `offset`: the caller's, or a new one.
 * A too-small caller buffer is a programming error (typed arrays would drop the writes silently).
 */
export function outputBuffer(
  len: number,
  buf: Uint8Array | undefined,
  offset: number,
  what: string,
): Uint8Array {
  if (buf === undefined) return new Uint8Array(offset + len);
  if (offset < 0 || offset + len > buf.length) {
    throw new RangeError(`${what}: needs ${len} bytes at offset ${offset}, buffer holds ${buf.length}`);
  }
  return buf;
}
