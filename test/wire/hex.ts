/** Helpers for writing captured frames and addresses in tests. */
import type { Ipv4Addr } from '../../src/shared/ipv4.ts';
import { parseIpv4 } from '../../src/shared/ipv4.ts';
import { type Ipv6Addr, parseIpv6 } from '../../src/shared/ipv6.ts';
import type { MacAddr } from '../../src/shared/mac.ts';
import { parseMac } from '../../src/shared/mac.ts';

/** Bytes from a hex dump; spaces, newlines and `|` are ignored. */
export function hex(dump: string): Uint8Array {
  const digits = dump.replace(/[\s|]/g, '');
  if (!/^([0-9a-fA-F]{2})*$/.test(digits)) throw new Error(`not a hex dump: ${dump}`);
  const out = new Uint8Array(digits.length / 2);
  for (let i = 0; i < out.length; i++) out[i] = Number.parseInt(digits.slice(2 * i, 2 * i + 2), 16);
  return out;
}

export const toHex = (b: Uint8Array): string =>
  Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('');

export function ip(s: string): Ipv4Addr {
  const a = parseIpv4(s);
  if (a === undefined) throw new Error(`bad address ${s}`);
  return a;
}

export function mac(s: string): MacAddr {
  const m = parseMac(s);
  if (m === undefined) throw new Error(`bad MAC ${s}`);
  return m;
}

/** Bytes first..last inclusive, e.g. the 0x10..0x37 run Linux ping puts after its timestamp. */
export const run = (first: number, last: number): Uint8Array =>
  Uint8Array.from({ length: last - first + 1 }, (_, i) => first + i);

export const concat = (...parts: Uint8Array[]): Uint8Array => {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
};

/** An IPv6 address from its text, or an error naming the text. */
export function ip6(s: string): Ipv6Addr {
  const a = parseIpv6(s);
  if (a === undefined) throw new Error(`bad address ${s}`);
  return a;
}
