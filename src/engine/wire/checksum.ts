/**
 * The Internet checksum (RFC 1071; RFC 791 for IPv4, RFC 792 for ICMP, RFC 768 for UDP, RFC
 * 9293 for TCP):
 * the 16-bit one's complement of the one's complement sum of the 16-bit big-endian words.
 *
 * Sums are plain numbers and are folded only at the end: a 64 KiB datagram adds at most
 * 32768 words of 0xffff, far below 2^53, so no intermediate carry handling is needed.
 */

/** Adds the bytes [start, end) as big-endian 16-bit words to `acc`; an odd last byte is padded with zero. */
export function sumWords(bytes: Uint8Array, start: number, end: number, acc = 0): number {
  let sum = acc;
  let i = start;
  for (; i + 1 < end; i += 2) sum += (bytes[i]! << 8) | bytes[i + 1]!;
  if (i < end) sum += bytes[i]! << 8;
  return sum;
}

/** Folds the carries of a word sum back into 16 bits (RFC 1071 section 4.1). */
export function foldSum(sum: number): number {
  let s = sum;
  while (s > 0xffff) s = (s & 0xffff) + Math.floor(s / 0x10000);
  return s;
}

/** The checksum to write in a header whose checksum field was zero while summing. */
export const finishChecksum = (sum: number): number => ~foldSum(sum) & 0xffff;

/** Checksum of the bytes [start, end). */
export const internetChecksum = (bytes: Uint8Array, start = 0, end = bytes.length): number =>
  finishChecksum(sumWords(bytes, start, end));

/** True when bytes that include their checksum field verify (their folded sum is 0xffff). */
export const checksumVerifies = (bytes: Uint8Array, start: number, end: number, acc = 0): boolean =>
  foldSum(sumWords(bytes, start, end, acc)) === 0xffff;

/**
 * The sum of the IPv4 pseudo-header (source, destination, zero, `protocol`, `length`) that UDP
 * and TCP checksums cover besides their own bytes.
 */
export const pseudoHeaderSum = (src: number, dst: number, protocol: number, length: number): number =>
  (src >>> 16) + (src & 0xffff) + (dst >>> 16) + (dst & 0xffff) + protocol + length;
