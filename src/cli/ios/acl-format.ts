/**
 * Access lists as IOS writes them: in the running-config (`access-list 10 permit ...` lines for
 * numbered lists, `ip access-list` blocks for named ones) and in `show access-lists`, which
 * numbers each entry and counts its matches.
 */
import {
  type AccessList,
  type AclAddress,
  type AclEntry,
  type AclRule,
  ANY_PROTOCOL,
  isNumbered,
  isRemark,
  type PortMatch,
} from '../../shared/acl.ts';
import type { DeviceConfig } from '../../shared/config.ts';
import { formatIpv4, type Ipv4Addr } from '../../shared/ipv4.ts';
import { icmpName, portName, protocolName } from './acl-names.ts';

/** An extended entry's address: `any`, `host A.B.C.D` or `A.B.C.D WILDCARD`. */
function address(a: AclAddress): string {
  if (a.wildcard === 0xffffffff) return 'any';
  if (a.wildcard === 0) return `host ${formatIpv4(a.addr)}`;
  return `${formatIpv4(a.addr)} ${formatIpv4(a.wildcard as Ipv4Addr)}`;
}

function port(protocol: number, m: PortMatch | undefined): string[] {
  if (m === undefined) return [];
  const name = (p: number) => portName(protocol, p);
  return m.op === 'range' ? ['range', name(m.port), name(m.to ?? m.port)] : [m.op, name(m.port)];
}

/** What follows the action in an extended entry. */
function extendedText(r: AclRule): string {
  const protocol = r.protocol!;
  const parts = [protocol === ANY_PROTOCOL ? 'ip' : protocolName(protocol), address(r.src)];
  parts.push(...port(protocol, r.srcPort), address(r.dst!), ...port(protocol, r.dstPort));
  if (r.icmpType !== undefined) parts.push(icmpName(r.icmpType, r.icmpCode));
  if (r.established) parts.push('established');
  if (r.log) parts.push('log');
  return parts.join(' ');
}

/** A standard entry's source as the configuration writes it: a host without `host`. */
function standardConfigText(a: AclAddress): string {
  if (a.wildcard === 0xffffffff) return 'any';
  if (a.wildcard === 0) return formatIpv4(a.addr);
  return `${formatIpv4(a.addr)} ${formatIpv4(a.wildcard as Ipv4Addr)}`;
}

const logText = (r: AclRule): string => (r.log ? ' log' : '');

/** `deny` padded to the width of `permit`, as IOS aligns them. */
const paddedAction = (r: AclRule): string => (r.action === 'deny' ? 'deny  ' : 'permit');

/** The entry as the running-config writes it after the list's name or in its block. */
export function ruleConfigText(r: AclRule): string {
  return `${paddedAction(r)} ${r.protocol === undefined ? `${standardConfigText(r.src)}${logText(r)}` : extendedText(r)}`;
}

/**
 * A list's entries in the order IOS lists them: a standard list keeps its single hosts in a
 * hash table and shows them before its ranges, the ranges in sequence order; remarks stay with
 * the entry after them. The hosts come by their hash: the exclusive-or of their address's four
 * bytes, ascending (it gives the order of every capture found: the CCNA course's 10.0.0.2,
 * .3, .1, .4, .5, and two IOS 15 captures), then by sequence number.
 */
export function shownOrder(l: AccessList): number[] {
  const all = l.entries.map((_, i) => i);
  if (l.kind !== 'standard') return all;
  /** The rule an entry is, or a remark goes with. */
  const ruleOf = (i: number): AclRule | undefined => {
    let k = i;
    while (k < l.entries.length && isRemark(l.entries[k]!)) k++;
    const e = l.entries[k];
    return e === undefined || isRemark(e) ? undefined : e;
  };
  const host = (i: number): boolean => ruleOf(i)?.src.wildcard === 0;
  const hash = (i: number): number => {
    const a = ruleOf(i)!.src.addr;
    return ((a >>> 24) ^ (a >>> 16) ^ (a >>> 8) ^ a) & 0xff;
  };
  const hosts = all.filter(host).sort((a, b) => hash(a) - hash(b));
  return [...hosts, ...all.filter((i) => !host(i))];
}

const entryConfigText = (e: AclEntry): string => (isRemark(e) ? `remark ${e.remark}` : ruleConfigText(e));

/** The running-config lines of every list: named blocks, then numbered lines. */
export function accessListLines(c: DeviceConfig): string[][] {
  const lists = c.accessLists ?? [];
  const named = lists.filter((l) => !isNumbered(l.name));
  const numbered = lists.filter((l) => isNumbered(l.name));
  const blocks: string[][] = [];
  if (named.length > 0)
    blocks.push(
      named.flatMap((l) => [
        `ip access-list ${l.kind} ${l.name}`,
        ...shownOrder(l).map((i) => ` ${entryConfigText(l.entries[i]!)}`),
      ]),
    );
  if (numbered.length > 0)
    blocks.push(
      numbered.flatMap((l) =>
        shownOrder(l).map((i) => `access-list ${l.name} ${entryConfigText(l.entries[i]!)}`),
      ),
    );
  return blocks;
}

/** A standard entry's source in `show access-lists`. */
function standardShowText(a: AclAddress): string {
  if (a.wildcard === 0xffffffff) return 'any';
  if (a.wildcard === 0) return formatIpv4(a.addr);
  return `${formatIpv4(a.addr)}, wildcard bits ${formatIpv4(a.wildcard as Ipv4Addr)}`;
}

const matchesText = (n: number): string => (n === 0 ? '' : ` (${n} ${n === 1 ? 'match' : 'matches'})`);

/** `show access-lists` for one list; `matches` by entry index. */
export function showAccessList(l: AccessList, matches: readonly number[] | undefined): string[] {
  const out = [`${l.kind === 'standard' ? 'Standard' : 'Extended'} IP access list ${l.name}`];
  for (const i of shownOrder(l)) {
    const e = l.entries[i]!;
    if (isRemark(e)) continue;
    const text =
      e.protocol === undefined
        ? `${paddedAction(e)} ${standardShowText(e.src)}${logText(e)}`
        : `${e.action} ${extendedText(e)}`;
    out.push(`    ${e.seq} ${text}${matchesText(matches?.[i] ?? 0)}`);
  }
  return out;
}
