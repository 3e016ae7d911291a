/**
 * IPv6 addresses (RFC 4291) as unsigned 128-bit bigints, their text forms (RFC 4291 2.2 to
 * parse, RFC 5952 to print), prefixes, and the addresses derived from others: modified EUI-64
 * interface identifiers (RFC 4291 appendix A), solicited-node groups (RFC 4291 2.7.1) and the
 * Ethernet MAC of a multicast group (RFC 2464 7).
 *
 * Parsing is strict: 1-4 hex digits per group, `::` at most once, an embedded dotted IPv4
 * address only as the last 32 bits; no zone index ("%eth0"), brackets or spaces.
 */
import type { Ipv4Addr } from './ipv4.ts';
import { formatIpv4, parseIpv4 } from './ipv4.ts';
import type { MacAddr } from './mac.ts';

export type Ipv6Addr = bigint & { readonly __brand: 'Ipv6Addr' };

export interface Ipv6Prefix {
  readonly addr: Ipv6Addr; // network address (host bits zero)
  readonly len: number; // 0..128
}

/** An interface address: the host address and its prefix length, e.g. 2001:db8::1/64. */
export interface Ipv6Assignment {
  readonly addr: Ipv6Addr;
  readonly len: number;
}

const ALL_ONES = (1n << 128n) - 1n;
const LOW_64 = (1n << 64n) - 1n;

/** `n` reduced to its low 128 bits (a negative `n` wraps as two's complement). */
export const ipv6 = (n: bigint): Ipv6Addr => (n & ALL_ONES) as Ipv6Addr;

export const IPV6_UNSPECIFIED = ipv6(0n);
export const IPV6_LOOPBACK = ipv6(1n);
export const IPV6_ALL_NODES = ipv6(0xff02_0000_0000_0000_0000_0000_0000_0001n);
export const IPV6_ALL_ROUTERS = ipv6(0xff02_0000_0000_0000_0000_0000_0000_0002n);
export const IPV6_LINK_LOCAL_PREFIX: Ipv6Prefix = { addr: ipv6(0xfe80n << 112n), len: 64 };
/** ff02::1:ff00:0/104: a solicited-node group is this plus the low 24 bits of an address. */
const SOLICITED_NODE_BASE = 0xff02_0000_0000_0000_0000_0001_ff00_0000n;

// ---- Text ----

const HEX_GROUP = /^[0-9a-fA-F]{1,4}$/;
/** Dotted decimal without leading zeros, as inet_pton reads it. */
const DOTTED_QUAD = /^(0|[1-9]\d{0,2})(\.(0|[1-9]\d{0,2})){3}$/;

/** The 16-bit groups of `part` (one side of `::`), or undefined when one is not valid. */
function parseGroups(part: string, ipv4Tail: boolean): number[] | undefined {
  if (part === '') return [];
  const fields = part.split(':');
  const groups: number[] = [];
  for (let i = 0; i < fields.length; i++) {
    const f = fields[i]!;
    if (HEX_GROUP.test(f)) {
      groups.push(Number.parseInt(f, 16));
    } else if (ipv4Tail && i === fields.length - 1 && DOTTED_QUAD.test(f)) {
      const v4 = parseIpv4(f);
      if (v4 === undefined) return undefined;
      groups.push(v4 >>> 16, v4 & 0xffff);
    } else {
      return undefined;
    }
  }
  return groups;
}

/** Parses any RFC 4291 2.2 text form, in either case; undefined for anything else. */
export function parseIpv6(s: string): Ipv6Addr | undefined {
  const halves = s.split('::');
  let groups: number[];
  if (halves.length === 1) {
    const all = parseGroups(s, true);
    if (all === undefined || all.length !== 8) return undefined;
    groups = all;
  } else if (halves.length === 2) {
    const head = parseGroups(halves[0]!, false);
    const tail = parseGroups(halves[1]!, true);
    // `::` stands for at least one group of zeros.
    if (head === undefined || tail === undefined || head.length + tail.length > 7) return undefined;
    groups = [...head, ...new Array<number>(8 - head.length - tail.length).fill(0), ...tail];
  } else {
    return undefined;
  }
  let v = 0n;
  for (const g of groups) v = (v << 16n) | BigInt(g);
  return v as Ipv6Addr;
}

/** The eight 16-bit groups, most significant first. */
function groupsOf(a: Ipv6Addr): number[] {
  const groups: number[] = [];
  for (let shift = 96n; shift >= 0n; shift -= 32n) {
    const w = Number((a >> shift) & 0xffffffffn);
    groups.push(w >>> 16, w & 0xffff);
  }
  return groups;
}

/**
 * RFC 5952 4: lowercase, no leading zeros, the longest run of two or more zero groups (the
 * first of equal runs) as `::`. IPv4-mapped addresses end in dotted decimal (RFC 5952 5),
 * "::ffff:192.0.2.1". This is what Windows prints.
 */
export function formatIpv6(a: Ipv6Addr): string {
  const g = groupsOf(a);
  if (g[0] === 0 && g[1] === 0 && g[2] === 0 && g[3] === 0 && g[4] === 0 && g[5] === 0xffff) {
    return `::ffff:${formatIpv4(((g[6]! << 16) | g[7]!) as Ipv4Addr)}`;
  }
  let bestStart = -1;
  let bestLen = 1; // a single zero group stays "0"
  for (let i = 0; i < 8; ) {
    if (g[i] !== 0) {
      i++;
      continue;
    }
    let end = i;
    while (end < 8 && g[end] === 0) end++;
    if (end - i > bestLen) {
      bestStart = i;
      bestLen = end - i;
    }
    i = end;
  }
  const hex = (groups: number[]): string => groups.map((x) => x.toString(16)).join(':');
  if (bestStart < 0) return hex(g);
  return `${hex(g.slice(0, bestStart))}::${hex(g.slice(bestStart + bestLen))}`;
}

/** The same with uppercase hex digits, as Cisco IOS prints: "2001:DB8:ACAD:1::1", "FE80::1". */
export const formatIpv6Upper = (a: Ipv6Addr): string => formatIpv6(a).toUpperCase();

// ---- Prefixes ----

/** The mask of a prefix length 0..128, as a 128-bit value. */
export function ipv6Mask(len: number): bigint {
  if (!Number.isInteger(len) || len < 0 || len > 128) {
    throw new RangeError(`ipv6: prefix length ${len} is not in 0..128`);
  }
  return ALL_ONES ^ ((1n << BigInt(128 - len)) - 1n);
}

/** `a` with its host bits (those after the first `len`) cleared. */
export const ipv6PrefixOf = (a: Ipv6Addr, len: number): Ipv6Addr => (a & ipv6Mask(len)) as Ipv6Addr;

export const ipv6Prefix = (a: Ipv6Addr, len: number): Ipv6Prefix => ({ addr: ipv6PrefixOf(a, len), len });

export const inIpv6Prefix = (a: Ipv6Addr, p: Ipv6Prefix): boolean => ipv6PrefixOf(a, p.len) === p.addr;

/** "2001:db8::1/64" with the host bits kept; length 0..128. */
export function parseIpv6Assignment(s: string): Ipv6Assignment | undefined {
  const m = /^([^/]+)\/(\d{1,3})$/.exec(s.trim());
  if (!m) return undefined;
  const addr = parseIpv6(m[1]!);
  const len = Number(m[2]);
  if (addr === undefined || len > 128) return undefined;
  return { addr, len };
}

/** The same text, read as the network it names (host bits cleared). */
export function parseIpv6Prefix(s: string): Ipv6Prefix | undefined {
  const a = parseIpv6Assignment(s);
  return a && ipv6Prefix(a.addr, a.len);
}

export const formatIpv6Prefix = (p: Ipv6Prefix | Ipv6Assignment): string => `${formatIpv6(p.addr)}/${p.len}`;

/** Cisco IOS style, "2001:DB8:ACAD:1::/64". */
export const formatIpv6PrefixUpper = (p: Ipv6Prefix | Ipv6Assignment): string =>
  `${formatIpv6Upper(p.addr)}/${p.len}`;

// ---- Kinds of address (RFC 4291 2.4) ----

/** fe80::/10. */
export const isIpv6LinkLocal = (a: Ipv6Addr): boolean => a >> 118n === 0x3fan;
/** ff00::/8. */
export const isIpv6Multicast = (a: Ipv6Addr): boolean => a >> 120n === 0xffn;
/** ::. */
export const isIpv6Unspecified = (a: Ipv6Addr): boolean => a === 0n;
/** ::1. */
export const isIpv6Loopback = (a: Ipv6Addr): boolean => a === 1n;

// ---- Derived addresses ----

/**
 * The modified EUI-64 interface identifier of a MAC (RFC 4291 appendix A): FFFE between its
 * two halves and the universal/local bit inverted, so 00:1a:2b:3c:4d:5e gives
 * 021a:2bff:fe3c:4d5e.
 */
export function eui64InterfaceId(mac: MacAddr): bigint {
  const m = mac as number;
  const oui = BigInt(Math.floor(m / 0x1000000));
  const nic = BigInt(m % 0x1000000);
  return ((oui << 40n) | (0xfffen << 24n) | nic) ^ (1n << 57n);
}

/** The /64 `prefix` (its low 64 bits ignored) followed by the interface identifier `iid`. */
export const ipv6FromPrefixAndId = (prefix: Ipv6Addr, iid: bigint): Ipv6Addr =>
  ((prefix & (ALL_ONES ^ LOW_64)) | (iid & LOW_64)) as Ipv6Addr;

/** fe80::/64 followed by `iid`. */
export const linkLocalOf = (iid: bigint): Ipv6Addr => ipv6FromPrefixAndId(IPV6_LINK_LOCAL_PREFIX.addr, iid);

/** The solicited-node group of `a` (RFC 4291 2.7.1): ff02::1:ff00:0/104 plus its low 24 bits. */
export const solicitedNodeOf = (a: Ipv6Addr): Ipv6Addr => (SOLICITED_NODE_BASE | (a & 0xffffffn)) as Ipv6Addr;

/** The Ethernet group a multicast address maps to (RFC 2464 7): 33:33 and its low 32 bits. */
export const ipv6MulticastMac = (a: Ipv6Addr): MacAddr =>
  (0x3333_0000_0000 + Number(a & 0xffffffffn)) as MacAddr;

// ---- Bytes ----

/** Writes the 16 bytes of `a`, most significant first. */
export function ipv6ToBytes(a: Ipv6Addr, out: Uint8Array = new Uint8Array(16), offset = 0): Uint8Array {
  let i = offset;
  for (let shift = 96n; shift >= 0n; shift -= 32n) {
    const w = Number((a >> shift) & 0xffffffffn);
    out[i] = w >>> 24;
    out[i + 1] = (w >>> 16) & 0xff;
    out[i + 2] = (w >>> 8) & 0xff;
    out[i + 3] = w & 0xff;
    i += 4;
  }
  return out;
}

/** Reads 16 bytes at `offset` (missing bytes read as zero). */
export function ipv6FromBytes(b: Uint8Array, offset = 0): Ipv6Addr {
  let v = 0n;
  for (let i = 0; i < 16; i += 4) {
    const at = offset + i;
    const w =
      (((b[at] ?? 0) << 24) | ((b[at + 1] ?? 0) << 16) | ((b[at + 2] ?? 0) << 8) | (b[at + 3] ?? 0)) >>> 0;
    v = (v << 32n) | BigInt(w);
  }
  return v as Ipv6Addr;
}
