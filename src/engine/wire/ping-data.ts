/**
 * ICMP echo data as real senders fill it, so captures and "Reply from ... bytes=32" look right.
 *
 * - Windows ping.exe: the 23 letters "abcdefghijklmnopqrstuvw" repeated; the default 32 bytes
 *   read "abcdefghijklmnopqrstuvwabcdefghi".
 * - Cisco IOS ping: a 100-byte datagram by default, so 72 data bytes: four zero bytes, a 32-bit
 *   millisecond timestamp, then the data pattern (default 0xABCD) repeated. Captures of IOS
 *   echo requests show e.g. "00 00 00 00 00 03 e8 9c ab cd ab cd ...".
 */

const WINDOWS_ALPHABET = 'abcdefghijklmnopqrstuvw';

/** Windows ping.exe data of `size` bytes (`ping -l size`, default 32). */
export function windowsPingData(size = 32): Uint8Array {
  const out = new Uint8Array(size);
  for (let i = 0; i < size; i++) out[i] = WINDOWS_ALPHABET.charCodeAt(i % WINDOWS_ALPHABET.length);
  return out;
}

/** IOS default datagram size (bytes of IP header, ICMP header and data). */
export const IOS_PING_DATAGRAM_SIZE = 100;
/** IOS default data pattern. */
export const IOS_PING_PATTERN = 0xabcd;

/**
 * Cisco IOS ping data of `size` bytes (datagram size minus 28): zeros, the sender's
 * millisecond clock `timestampMs` (modulo 2^32) at bytes 4..7, then the 16-bit `pattern`.
 */
export function iosPingData(
  size = IOS_PING_DATAGRAM_SIZE - 28,
  timestampMs = 0,
  pattern = IOS_PING_PATTERN,
): Uint8Array {
  const out = new Uint8Array(size);
  const stamp = [timestampMs >>> 24, timestampMs >>> 16, timestampMs >>> 8, timestampMs];
  for (let i = 4; i < 8 && i < size; i++) out[i] = stamp[i - 4]! & 0xff;
  for (let i = 8; i < size; i++) out[i] = i % 2 === 0 ? (pattern >>> 8) & 0xff : pattern & 0xff;
  return out;
}
