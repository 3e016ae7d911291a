/**
 * An access list applied to an interface (`ip access-group`), with the match count of each
 * entry that `show access-lists` prints. Matching follows src/shared/acl.ts; this file reads
 * what an entry looks at out of a datagram, whole or fragmented.
 */
import {
  type AccessList,
  type AclEntry,
  type AclPacket,
  filtersNothing,
  firstMatch,
  isRemark,
} from '../../shared/acl.ts';
import type { Ipv4Packet } from '../wire/ipv4.ts';

/** What decided a datagram: the entry's index in the list, or IMPLICIT_DENY. */
export const IMPLICIT_DENY = -1;

/** One scratch record: filtering allocates nothing per datagram. */
const scratch: AclPacket = {
  src: 0,
  dst: 0,
  protocol: 0,
  srcPort: -1,
  dstPort: -1,
  tcpFlags: 0,
  laterFragment: false,
};

/** Fills `scratch` from `pkt`: ports (ICMP: type and code) from its transport header if it has one. */
function describe(pkt: Ipv4Packet): AclPacket {
  const p = scratch;
  p.src = pkt.src;
  p.dst = pkt.dst;
  p.protocol = pkt.protocol;
  p.srcPort = -1;
  p.dstPort = -1;
  p.tcpFlags = 0;
  p.laterFragment = pkt.fragmentOffset !== 0;
  const m = pkt.payload;
  switch (m.proto) {
    case 'tcp':
      p.srcPort = m.srcPort;
      p.dstPort = m.dstPort;
      p.tcpFlags = m.flags;
      break;
    case 'udp':
      p.srcPort = m.srcPort;
      p.dstPort = m.dstPort;
      break;
    case 'icmp':
      p.srcPort = m.type;
      p.dstPort = m.code;
      break;
    case 'raw': {
      // A first fragment keeps its transport header in its first bytes.
      const b = m.bytes;
      if (p.laterFragment) break;
      if (pkt.protocol === 1 && b.length >= 2) {
        p.srcPort = b[0]!;
        p.dstPort = b[1]!;
      } else if ((pkt.protocol === 6 || pkt.protocol === 17) && b.length >= 4) {
        p.srcPort = (b[0]! << 8) | b[1]!;
        p.dstPort = (b[2]! << 8) | b[3]!;
        if (pkt.protocol === 6 && b.length >= 14) p.tcpFlags = b[13]!;
      }
      break;
    }
  }
  return p;
}

/** The key an entry's count is kept under while the list is edited around it. */
const entryKey = (e: AclEntry): string => JSON.stringify(e);

export class AclFilter {
  readonly list: AccessList;
  /** Matches per entry, by index in `list.entries` (remarks stay 0). */
  readonly matches: number[];

  constructor(list: AccessList, before: AclFilter | undefined) {
    this.list = list;
    const kept = new Map<string, number>();
    before?.list.entries.forEach((e, i) => {
      kept.set(entryKey(e), before.matches[i]!);
    });
    this.matches = list.entries.map((e) => (isRemark(e) ? 0 : (kept.get(entryKey(e)) ?? 0)));
  }

  /** Whether `pkt` passes; counts the entry that decided. */
  permits(pkt: Ipv4Packet): boolean {
    const i = firstMatch(this.list, describe(pkt));
    if (i === IMPLICIT_DENY) return false;
    this.matches[i]!++;
    return (this.list.entries[i] as { action: string }).action === 'permit';
  }

  clear(): void {
    this.matches.fill(0);
  }

  /** Whether the list's first entry that matches `pkt` permits it (not counted: a selection, not a filter). */
  selects(pkt: Ipv4Packet): boolean {
    const i = firstMatch(this.list, describe(pkt));
    return i !== IMPLICIT_DENY && (this.list.entries[i] as { action: string }).action === 'permit';
  }
}

/**
 * A device's access lists as filters, rebuilt at each configuration with the counts of entries
 * that did not change.
 */
export class AclFilters {
  private byName = new Map<string, AclFilter>();

  update(lists: readonly AccessList[] | undefined): void {
    const next = new Map<string, AclFilter>();
    for (const list of lists ?? []) next.set(list.name, new AclFilter(list, this.byName.get(list.name)));
    this.byName = next;
  }

  /** The filter `name` applies, or null when it filters nothing (no such list, or an empty one). */
  filter(name: string | undefined): AclFilter | null {
    if (name === undefined) return null;
    const f = this.byName.get(name);
    return f === undefined || filtersNothing(f.list) ? null : f;
  }

  /**
   * Whether list `name` selects `pkt` (network address translation's lists): a list that does
   * not exist, or has no entry, selects nothing.
   */
  selects(name: string, pkt: Ipv4Packet): boolean {
    return this.byName.get(name)?.selects(pkt) ?? false;
  }

  /** Counts the entry of list `name` that decides `p` (a vty line's `access-class`). */
  count(name: string, p: AclPacket): void {
    const f = this.byName.get(name);
    if (f === undefined || filtersNothing(f.list)) return;
    const i = firstMatch(f.list, p);
    if (i !== IMPLICIT_DENY) f.matches[i]!++;
  }

  /** Each list's match counts, by name. */
  counts(): Map<string, readonly number[]> {
    return new Map([...this.byName].map(([name, f]) => [name, [...f.matches]]));
  }

  /** `clear access-list counters [NAME]`; false when NAME names no list. */
  clear(name?: string): boolean {
    if (name === undefined) {
      for (const f of this.byName.values()) f.clear();
      return true;
    }
    const f = this.byName.get(name);
    f?.clear();
    return f !== undefined;
  }
}
