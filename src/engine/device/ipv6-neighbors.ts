/**
 * The IPv6 neighbor cache (RFC 4861 section 7.3): what ARP is to IPv4, with reachability
 * states. An entry is INCOMPLETE while its multicast solicitations go unanswered, REACHABLE
 * for ReachableTime after a solicited advertisement confirmed it, then STALE until a packet
 * is sent to it: DELAY for 5 s, then PROBE with unicast solicitations, and gone after three
 * unanswered. Only Neighbor Discovery confirms reachability here (no upper-layer hints), as
 * ping traffic alone gives a real stack none either.
 *
 * States are kept as set, and REACHABLE turns STALE when read after its time: nothing needs
 * a timer for that.
 */
import type { Ipv6Addr } from '../../shared/ipv6.ts';
import type { Ipv6Packet } from '../wire/ipv6.ts';
import type { L3Interface } from './l3-interface.ts';

export type NeighborState = 'INCMP' | 'REACH' | 'STALE' | 'DELAY' | 'PROBE';

/** RFC 4861 section 10: REACHABLE_TIME, RETRANS_TIMER, DELAY_FIRST_PROBE_TIME, in microseconds. */
export const REACHABLE_TIME = 30_000_000;
export const RETRANS_TIMER = 1_000_000;
export const DELAY_FIRST_PROBE_TIME = 5_000_000;
/** MAX_MULTICAST_SOLICIT and MAX_UNICAST_SOLICIT. */
export const MAX_SOLICIT = 3;

export interface Neighbor {
  readonly iface: L3Interface;
  readonly addr: Ipv6Addr;
  /** Its link-layer address, -1 while INCOMPLETE. */
  mac: number;
  state: NeighborState;
  /** When the state was last set (REACH: when reachability was last confirmed). */
  since: number;
  /** It said it is a router (the R flag of its advertisements). */
  router: boolean;
  /** Solicitations sent in the current INCOMPLETE or PROBE round. */
  probes: number;
  /** Packets waiting for the address to be resolved, with the ids of the frames they came in. */
  queue: { readonly pkt: Ipv6Packet; readonly frameId: number }[];
  /** Bumped at each state change, so a timer set for an earlier state does nothing. */
  gen: number;
}

/** Neighbors by interface and address. */
export class NeighborCache {
  private readonly byIface = new Map<L3Interface, Map<Ipv6Addr, Neighbor>>();

  get(iface: L3Interface, addr: Ipv6Addr): Neighbor | undefined {
    return this.byIface.get(iface)?.get(addr);
  }

  /** A new INCOMPLETE entry. */
  add(iface: L3Interface, addr: Ipv6Addr, now: number): Neighbor {
    let m = this.byIface.get(iface);
    if (m === undefined) {
      m = new Map();
      this.byIface.set(iface, m);
    }
    const n: Neighbor = {
      iface,
      addr,
      mac: -1,
      state: 'INCMP',
      since: now,
      router: false,
      probes: 0,
      queue: [],
      gen: 0,
    };
    m.set(addr, n);
    return n;
  }

  remove(n: Neighbor): void {
    this.byIface.get(n.iface)?.delete(n.addr);
    n.gen++;
  }

  /** Sets `n`'s state from now on. */
  enter(n: Neighbor, state: NeighborState, now: number): void {
    n.state = state;
    n.since = now;
    n.probes = 0;
    n.gen++;
  }

  /** Its state as of `now`: REACH turns STALE once ReachableTime has passed. */
  state(n: Neighbor, now: number): NeighborState {
    // `since` stays the time of the last confirmation, which IOS's Age column counts from.
    if (n.state === 'REACH' && now - n.since >= REACHABLE_TIME) n.state = 'STALE';
    return n.state;
  }

  /** Every entry of `iface`, or of every interface. */
  list(iface?: L3Interface): Neighbor[] {
    if (iface !== undefined) return [...(this.byIface.get(iface)?.values() ?? [])];
    return [...this.byIface.values()].flatMap((m) => [...m.values()]);
  }

  /** Forgets `iface`'s entries (its line went down, or IPv6 stopped on it), or all of them. */
  flush(iface?: L3Interface): void {
    for (const n of this.list(iface)) this.remove(n);
  }
}
