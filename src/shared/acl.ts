/**
 * IPv4 access lists as IOS keeps and applies them (Cisco IOS Security Configuration Guide,
 * "IP Access List Overview" and "Access Control Lists and IP Fragments"): entries tried in
 * sequence order, the first that matches decides, and a list that exists denies what none of
 * its entries matches. Standard lists match the source address only; extended lists the
 * protocol, both addresses, TCP and UDP ports, TCP's `established` and ICMP's type and code.
 */
import type { Ipv4Addr } from './ipv4.ts';

export type AclKind = 'standard' | 'extended';

/** An address and its wildcard bits (1: any value); the address has its wildcard bits cleared. */
export interface AclAddress {
  readonly addr: Ipv4Addr;
  readonly wildcard: number;
}

export const ANY_ADDRESS: AclAddress = { addr: 0 as Ipv4Addr, wildcard: 0xffffffff };

export type PortOp = 'eq' | 'neq' | 'lt' | 'gt' | 'range';

export interface PortMatch {
  readonly op: PortOp;
  readonly port: number;
  /** `range`: the last port. */
  readonly to?: number;
}

/** `ip` in an extended entry: any protocol. */
export const ANY_PROTOCOL = -1;

export interface AclRule {
  readonly seq: number;
  readonly action: 'permit' | 'deny';
  /** Extended entries: the IP protocol number, or ANY_PROTOCOL. Absent in standard entries. */
  readonly protocol?: number;
  readonly src: AclAddress;
  readonly srcPort?: PortMatch;
  /** Extended entries only. */
  readonly dst?: AclAddress;
  readonly dstPort?: PortMatch;
  /** TCP: only segments with ACK or RST set (a connection already open). */
  readonly established?: true;
  /** ICMP: the message type, and its code when given. */
  readonly icmpType?: number;
  readonly icmpCode?: number;
  /** `log`: IOS reports matches in %SEC-6-IPACCESSLOG... messages (not simulated). */
  readonly log?: true;
}

/** `remark TEXT`: kept in place among the entries, matched by nothing. */
export interface AclRemark {
  readonly remark: string;
}

export type AclEntry = AclRule | AclRemark;

export interface AccessList {
  /** A number ("10", "101") or a name ("MGMT"). */
  readonly name: string;
  readonly kind: AclKind;
  /** In sequence order; each remark stands before the entry it was typed before. */
  readonly entries: readonly AclEntry[];
}

export const isRemark = (e: AclEntry): e is AclRemark => 'remark' in e;

/** IOS's numbered ranges: 1-99 and 1300-1999 standard, 100-199 and 2000-2699 extended. */
export function numberedKind(n: number): AclKind | undefined {
  if ((n >= 1 && n <= 99) || (n >= 1300 && n <= 1999)) return 'standard';
  if ((n >= 100 && n <= 199) || (n >= 2000 && n <= 2699)) return 'extended';
  return undefined;
}

/** A numbered list (running-config writes it as `access-list N ...` lines). */
export const isNumbered = (name: string): boolean => /^\d+$/.test(name);

/** The address with the wildcard's bits cleared, as IOS stores it. */
export function aclAddress(addr: number, wildcard: number): AclAddress {
  const w = wildcard >>> 0;
  return { addr: ((addr & ~w) >>> 0) as Ipv4Addr, wildcard: w };
}

export const addressMatches = (a: AclAddress, ip: number): boolean => (ip & ~a.wildcard) >>> 0 === a.addr;

export function portMatches(m: PortMatch, port: number): boolean {
  switch (m.op) {
    case 'eq':
      return port === m.port;
    case 'neq':
      return port !== m.port;
    case 'lt':
      return port < m.port;
    case 'gt':
      return port > m.port;
    case 'range':
      return port >= m.port && port <= (m.to ?? m.port);
  }
}

/** ICMP's protocol number: its entries match a type and code where others match ports. */
const IPPROTO_ICMP = 1;

/** TCP's ACK and RST bits: `established` matches a segment with either. */
const ESTABLISHED_FLAGS = 0x14;

/**
 * What an entry looks at in a datagram. `srcPort`, `dstPort`: TCP or UDP ports, or ICMP's type
 * and code; -1 when the datagram does not carry them (a fragment after the first).
 */
export interface AclPacket {
  src: number;
  dst: number;
  protocol: number;
  srcPort: number;
  dstPort: number;
  /** TCP flags (0 otherwise). */
  tcpFlags: number;
  /** A fragment other than the first: it carries no transport header. */
  laterFragment: boolean;
}

/** Whether the entry carries transport-layer conditions (ports, flags, ICMP type). */
const layer4 = (r: AclRule): boolean =>
  r.srcPort !== undefined || r.dstPort !== undefined || r.established === true || r.icmpType !== undefined;

/**
 * Whether `r` matches `p`. A later fragment matches an entry with transport conditions when
 * the entry permits and its addresses match, and never when it denies (the fragment goes on
 * down the list), as IOS treats fragments.
 */
export function ruleMatches(r: AclRule, p: AclPacket): boolean {
  if (!addressMatches(r.src, p.src)) return false;
  if (r.protocol === undefined) return true;
  if (r.protocol !== ANY_PROTOCOL && r.protocol !== p.protocol) return false;
  if (r.dst !== undefined && !addressMatches(r.dst, p.dst)) return false;
  if (!layer4(r)) return true;
  if (p.laterFragment) return r.action === 'permit';
  if (p.protocol === IPPROTO_ICMP) {
    if (r.icmpType !== undefined && r.icmpType !== p.srcPort) return false;
    return r.icmpCode === undefined || r.icmpCode === p.dstPort;
  }
  if (r.srcPort !== undefined && !portMatches(r.srcPort, p.srcPort)) return false;
  if (r.dstPort !== undefined && !portMatches(r.dstPort, p.dstPort)) return false;
  return r.established !== true || (p.tcpFlags & ESTABLISHED_FLAGS) !== 0;
}

/**
 * The index in `list.entries` of the entry that decides `p`, or -1 (the implicit deny). A
 * standard list is processed as `show access-lists` lists it: its host entries (IOS keeps them
 * in a hash table) before its ranges, each part in sequence order (Cisco's CCNA course: "The
 * order in which the standard ACEs are listed is the sequence used by the IOS to process the
 * list").
 */
export function firstMatch(list: AccessList, p: AclPacket): number {
  const entries = list.entries;
  const standard = list.kind === 'standard';
  for (let pass = standard ? 0 : 1; pass < 2; pass++) {
    for (let i = 0; i < entries.length; i++) {
      const e = entries[i]!;
      if (isRemark(e) || (standard && (e.src.wildcard === 0) !== (pass === 0))) continue;
      if (ruleMatches(e, p)) return i;
    }
  }
  return -1;
}

/** Whether `list` lets `p` through (no list, or one with no entry, lets everything through). */
export function aclPermits(list: AccessList | undefined, p: AclPacket): boolean {
  if (filtersNothing(list)) return true;
  const at = firstMatch(list!, p);
  return at >= 0 && (list!.entries[at] as AclRule).action === 'permit';
}

/** A list that exists but holds no entry (only remarks, or none) filters nothing, as on IOS. */
export const filtersNothing = (list: AccessList | undefined): boolean =>
  list === undefined || list.entries.every(isRemark);
