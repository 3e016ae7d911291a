/**
 * An IPv6 routing table (RFC 8200 forwarding; the codes of IOS's `show ipv6 route`): connected
 * prefixes (C), the device's own addresses (L), static routes (S), and what Router
 * Advertisements give a host (ND: a default router; NDp: an on-link prefix). Lookup is the
 * longest prefix, then the lowest administrative distance. A labs' network has tens of routes,
 * so the table is a list scanned from the longest prefix down.
 */
import { type Ipv6Addr, ipv6PrefixOf } from '../../shared/ipv6.ts';
import type { L3Interface } from './l3-interface.ts';

export type Ipv6RouteCode = 'C' | 'L' | 'S' | 'ND' | 'NDp';

export interface V6Route {
  readonly code: Ipv6RouteCode;
  readonly prefix: Ipv6Addr;
  readonly len: number;
  readonly distance: number;
  readonly metric: number;
  /** The next router; undefined when the prefix is on the link. */
  readonly nextHop?: Ipv6Addr;
  /** The exit interface; undefined for a static route that names only its next hop. */
  readonly iface?: L3Interface;
}

/** Where a packet to a destination goes: out of `iface`, to `nextHop` (the destination itself when on-link). */
export interface V6Hop {
  readonly route: V6Route;
  readonly iface: L3Interface;
  readonly nextHop: Ipv6Addr;
}

/** How deep a static route's next hop is looked up again (IOS resolves recursively). */
const MAX_RECURSION = 4;

export class Ipv6Routes {
  private routes: readonly V6Route[] = [];

  /** Replaces the table: routes are kept longest prefix first, then by distance. */
  set(routes: readonly V6Route[]): void {
    this.routes = [...routes].sort((a, b) => b.len - a.len || a.distance - b.distance);
  }

  /** In the order `show ipv6 route` lists them: by prefix, then length, then code. */
  list(): V6Route[] {
    return [...this.routes].sort((a, b) =>
      a.prefix !== b.prefix ? (a.prefix < b.prefix ? -1 : 1) : a.len - b.len || a.code.localeCompare(b.code),
    );
  }

  /** The best route to `dst`, its next hop resolved to an interface; undefined when none leads there. */
  lookup(dst: Ipv6Addr, depth = 0): V6Hop | undefined {
    for (const r of this.routes) {
      if (ipv6PrefixOf(dst, r.len) !== r.prefix) continue;
      if (r.iface !== undefined) return { route: r, iface: r.iface, nextHop: r.nextHop ?? dst };
      // A static route naming its next hop only: the route to the next hop says where it is.
      if (r.nextHop === undefined || depth >= MAX_RECURSION) continue;
      const via = this.lookup(r.nextHop, depth + 1);
      if (via !== undefined) return { route: r, iface: via.iface, nextHop: via.nextHop };
    }
    return undefined;
  }
}
