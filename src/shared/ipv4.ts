/**
 * IPv4 addresses (RFC 791) as unsigned 32-bit numbers, prefixes and masks.
 * Parsing is strict: four decimal octets 0-255, no leading '+', no empty parts.
 */
export type Ipv4Addr = number & { readonly __brand: 'Ipv4Addr' };

export interface Ipv4Prefix {
  readonly addr: Ipv4Addr; // network address (host bits zero)
  readonly len: number; // 0..32
}

/** An interface address: the host address and the mask length, e.g. 192.168.1.1/24. */
export interface Ipv4Assignment {
  readonly addr: Ipv4Addr;
  readonly len: number;
}

export const ipv4 = (n: number): Ipv4Addr => (n >>> 0) as Ipv4Addr;
export const IPV4_ANY = 0 as Ipv4Addr;
export const IPV4_BROADCAST = 0xffffffff as Ipv4Addr;

export function parseIpv4(s: string): Ipv4Addr | undefined {
  const parts = s.split('.');
  if (parts.length !== 4) return undefined;
  let v = 0;
  for (const p of parts) {
    if (!/^\d{1,3}$/.test(p)) return undefined;
    const n = Number(p);
    if (n > 255) return undefined;
    v = v * 256 + n;
  }
  return v as Ipv4Addr;
}

export const formatIpv4 = (a: Ipv4Addr): string =>
  `${a >>> 24}.${(a >>> 16) & 255}.${(a >>> 8) & 255}.${a & 255}`;

export const maskFromLen = (len: number): Ipv4Addr =>
  (len === 0 ? 0 : (0xffffffff << (32 - len)) >>> 0) as Ipv4Addr;

/** Mask length of a contiguous mask, or undefined for a non-contiguous one (e.g. 255.0.255.0). */
export function lenFromMask(mask: Ipv4Addr): number | undefined {
  const inv = ~mask >>> 0;
  if ((inv & (inv + 1)) !== 0) return undefined;
  return Math.clz32(inv);
}

export const networkOf = (a: Ipv4Addr, len: number): Ipv4Addr => ((a & maskFromLen(len)) >>> 0) as Ipv4Addr;
export const broadcastOf = (a: Ipv4Addr, len: number): Ipv4Addr =>
  ((a | ~maskFromLen(len)) >>> 0) as Ipv4Addr;

export const prefix = (addr: Ipv4Addr, len: number): Ipv4Prefix => ({ addr: networkOf(addr, len), len });

export const inPrefix = (a: Ipv4Addr, p: Ipv4Prefix): boolean => networkOf(a, p.len) === p.addr;

export const formatPrefix = (p: Ipv4Prefix): string => `${formatIpv4(p.addr)}/${p.len}`;

/** Parses "a.b.c.d/len". With `strict`, host bits must be zero. */
export function parsePrefix(s: string, strict = false): Ipv4Prefix | undefined {
  const m = /^([^/]+)\/(\d{1,2})$/.exec(s.trim());
  if (!m) return undefined;
  const addr = parseIpv4(m[1]!);
  const len = Number(m[2]);
  if (addr === undefined || len > 32) return undefined;
  if (strict && networkOf(addr, len) !== addr) return undefined;
  return prefix(addr, len);
}

/** Parses "a.b.c.d/len" keeping host bits (an interface address). */
export function parseAssignment(s: string): Ipv4Assignment | undefined {
  const m = /^([^/]+)\/(\d{1,2})$/.exec(s.trim());
  if (!m) return undefined;
  const addr = parseIpv4(m[1]!);
  const len = Number(m[2]);
  if (addr === undefined || len > 32) return undefined;
  return { addr, len };
}

export const formatAssignment = (a: Ipv4Assignment): string => `${formatIpv4(a.addr)}/${a.len}`;

/** 127/8, 0/8, 224/4 (multicast) and 240/4 (reserved): not usable on an interface. */
export function isUsableUnicast(a: Ipv4Addr): boolean {
  const first = a >>> 24;
  return first !== 0 && first !== 127 && first < 224;
}
