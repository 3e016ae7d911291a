/**
 * The IPv4 routing table: connected (C) and local (L) routes of interfaces that are up, static
 * routes that resolve, and longest-prefix-match lookup.
 *
 * Static routes follow IOS: a next-hop route is installed only when the next hop resolves
 * recursively through another installed route (not through itself, not to one of our own
 * addresses); an exit-interface route only while the interface is up. A `permanent` route
 * stays while its interface is down (Cisco: "the route will not be removed, even if the
 * interface shuts down"), on its exit interface or the one whose subnet holds its next hop,
 * and what it matches is dropped there until the interface comes back. For one prefix the
 * lowest administrative distance wins and equal distances share the load. A route to Null0 is
 * always installed and discards what it matches. Lookup walks the prefix lengths in use from
 * longest to shortest, one hash lookup each.
 */
import type { Ipv4Addr, Ipv4Prefix } from '../../shared/ipv4.ts';
import { maskFromLen } from '../../shared/ipv4.ts';
import type { L3Interface } from './l3-interface.ts';

export type RouteCode = 'C' | 'L' | 'S' | 'S*' | 'O' | 'O E1' | 'O E2' | 'O*E1' | 'O*E2';

export interface Route {
  readonly code: RouteCode;
  readonly net: number;
  readonly len: number;
  readonly distance: number;
  /** The next hop as configured (static routes). */
  readonly nextHop: number | undefined;
  /** The exit interface as configured or resolved. */
  readonly iface: L3Interface;
  /** Connected, or a static configured with an exit interface: `show ip route` names it. */
  readonly namedInterface: boolean;
  /** Whom to ARP for: the resolved neighbour, or undefined for "the destination itself". */
  readonly gateway: number | undefined;
  /** A routing protocol's metric (0 for the others). */
  readonly metric: number;
  /** When a routing protocol installed it; -1 for the others. */
  readonly since: number;
}

/** A static route as the IP layer receives it, exit interface already looked up. */
export interface StaticSpec {
  readonly prefix: Ipv4Prefix;
  readonly nextHop?: Ipv4Addr;
  /** Named an exit interface; `iface` is undefined when that interface does not exist. */
  readonly namesInterface: boolean;
  readonly iface?: L3Interface;
  readonly distance: number;
  /** `permanent`: installed while its interface is down (see `resolveStatic`). */
  readonly permanent: boolean;
}

/** Entries the route cache holds before it starts over. */
const CACHE_LIMIT = 4096;

/** Rounds of recursive next-hop resolution: deeper chains than this are a configuration loop. */
const MAX_RECURSION = 32;

const MASKS: readonly number[] = Array.from({ length: 33 }, (_, len) => maskFromLen(len));

export class RoutingTable {
  /** Installed routes in installation order (ECMP paths are separate entries). */
  readonly routes: Route[] = [];
  private readonly byLen: (Map<number, Route[]> | undefined)[] = [];
  /** Prefix lengths in use, longest first. */
  private lens: number[] = [];

  /** Destinations already looked up (a route cache, as CEF keeps per destination). */
  private cache: Map<number, Route[] | null> | null = null;
  /** The last destination looked up and its answer: hosts mostly talk to one peer at a time. */
  private lastDst = -1;
  private lastFound: Route[] | undefined = undefined;

  /** The best routes for `dst` (several when load sharing), or undefined. */
  lookup(dst: number): Route[] | undefined {
    if (dst === this.lastDst) return this.lastFound;
    const found = this.lookupCached(dst);
    this.lastDst = dst;
    this.lastFound = found;
    return found;
  }

  private lookupCached(dst: number): Route[] | undefined {
    const lens = this.lens;
    if (lens.length === 0) return undefined;
    let cache = this.cache;
    if (cache === null) {
      cache = new Map();
      this.cache = cache;
    }
    const cached = cache.get(dst);
    if (cached !== undefined) return cached ?? undefined;
    let found: Route[] | undefined;
    for (let i = 0; i < lens.length && found === undefined; i++) {
      const len = lens[i]!;
      found = this.byLen[len]!.get((dst & MASKS[len]!) >>> 0);
    }
    if (cache.size >= CACHE_LIMIT) cache.clear();
    cache.set(dst, found ?? null);
    return found;
  }

  private forget(): void {
    this.cache = null;
    this.lastDst = -1;
    this.lastFound = undefined;
  }

  /** Like `lookup`, but ignoring routes for exactly `skip` (a static must not resolve via itself). */
  private lookupExcept(dst: number, skipNet: number, skipLen: number): Route[] | undefined {
    for (const len of this.lens) {
      const net = (dst & MASKS[len]!) >>> 0;
      if (len === skipLen && net === skipNet) continue;
      const r = this.byLen[len]!.get(net);
      if (r !== undefined) return r;
    }
    return undefined;
  }

  private paths(net: number, len: number): Route[] | undefined {
    return this.byLen[len]?.get(net);
  }

  private install(route: Route): void {
    this.forget();
    let m = this.byLen[route.len];
    if (m === undefined) {
      m = new Map();
      this.byLen[route.len] = m;
      this.lens.push(route.len);
      this.lens.sort((x, y) => y - x);
    }
    const list = m.get(route.net);
    if (list === undefined) m.set(route.net, [route]);
    else list.push(route);
    this.routes.push(route);
  }

  private remove(net: number, len: number): void {
    this.forget();
    const m = this.byLen[len];
    const list = m?.get(net);
    if (m === undefined || list === undefined) return;
    m.delete(net);
    for (const r of list) this.routes.splice(this.routes.indexOf(r), 1);
  }

  /** Adds a route unless one with a lower distance holds the prefix; replaces higher ones. */
  offer(route: Route): boolean {
    const existing = this.paths(route.net, route.len);
    if (existing !== undefined && existing.length > 0) {
      const d = existing[0]!.distance;
      if (d < route.distance) return false;
      if (d > route.distance) this.remove(route.net, route.len);
      else if (existing.some((r) => r.iface === route.iface && r.gateway === route.gateway)) return false;
    }
    this.install(route);
    return true;
  }

  /**
   * Builds the table. `ifaces`: the interfaces (only usable ones get routes). `statics`: static
   * routes in configuration order (routing devices). `gateway`: the default gateway of a host or
   * of an IOS device that does not route; `gatewayAnyInterface` lets a PC use a gateway outside
   * its subnet on its only interface, as Windows does. `dynamic`: what routing protocols
   * computed; those whose interface is not usable wait for the protocol's next computation.
   */
  static build(
    ifaces: readonly L3Interface[],
    statics: readonly StaticSpec[],
    gateway: number | undefined,
    gatewayAnyInterface: boolean,
    dynamic: readonly Route[] = [],
  ): RoutingTable {
    const t = new RoutingTable();
    const own = new Set<number>();
    for (const i of ifaces) {
      if (!i.usable) continue;
      const ip = i.ip!;
      own.add(ip.addr);
      t.offer({
        code: 'C',
        net: i.net,
        len: ip.len,
        distance: 0,
        nextHop: undefined,
        iface: i,
        namedInterface: true,
        gateway: undefined,
        metric: 0,
        since: -1,
      });
      if (ip.len < 32) {
        t.offer({
          code: 'L',
          net: ip.addr,
          len: 32,
          distance: 0,
          nextHop: undefined,
          iface: i,
          namedInterface: true,
          gateway: undefined,
          metric: 0,
          since: -1,
        });
      }
    }
    if (gateway !== undefined && !own.has(gateway)) {
      let via: L3Interface | undefined = ifaces.find((i) => i.usable && i.onLink(gateway));
      if (via === undefined && gatewayAnyInterface) via = ifaces.find((i) => i.usable);
      if (via !== undefined) {
        t.offer({
          code: 'S*',
          net: 0,
          len: 0,
          distance: 1,
          nextHop: gateway,
          iface: via,
          namedInterface: false,
          gateway,
          metric: 0,
          since: -1,
        });
      }
    }
    for (const r of dynamic) if (r.iface.usable) t.offer(r);
    let pending = statics.slice();
    const installed = new Map<Route, StaticSpec>();
    for (let progress = true; progress && pending.length > 0; ) {
      progress = false;
      const left: StaticSpec[] = [];
      for (const s of pending) {
        const route = t.resolveStatic(s, own, ifaces);
        if (route === undefined) left.push(s);
        else {
          if (t.offer(route)) installed.set(route, s);
          progress = true;
        }
      }
      pending = left;
    }
    t.reresolve(installed, own, ifaces);
    return t;
  }

  /**
   * A next hop resolves by longest match in the whole table (a recursive lookup): a static
   * route resolved before a more specific route to its next hop was installed is resolved
   * again, until nothing changes.
   */
  private reresolve(
    installed: Map<Route, StaticSpec>,
    own: ReadonlySet<number>,
    ifaces: readonly L3Interface[],
  ): void {
    for (let round = 0; round < MAX_RECURSION; round++) {
      let changed = false;
      for (const [route, spec] of [...installed]) {
        if (route.namedInterface) continue;
        const again = this.resolveStatic(spec, own, ifaces);
        if (again === undefined || (again.iface === route.iface && again.gateway === route.gateway)) continue;
        this.replace(route, again);
        installed.delete(route);
        installed.set(again, spec);
        changed = true;
      }
      if (!changed) return;
    }
  }

  private replace(old: Route, route: Route): void {
    this.forget();
    const list = this.byLen[old.len]!.get(old.net)!;
    list[list.indexOf(old)] = route;
    this.routes[this.routes.indexOf(old)] = route;
  }

  private resolveStatic(
    s: StaticSpec,
    own: ReadonlySet<number>,
    ifaces: readonly L3Interface[],
  ): Route | undefined {
    const code: RouteCode = s.prefix.len === 0 ? 'S*' : 'S';
    const base = { code, net: s.prefix.addr as number, len: s.prefix.len, distance: s.distance };
    const tail = { metric: 0, since: -1 };
    if (s.namesInterface) {
      const i = s.iface;
      if (i === undefined || !(i.usable || i.discard || (s.permanent && i.ip !== undefined)))
        return undefined;
      return { ...base, nextHop: s.nextHop, iface: i, namedInterface: true, gateway: s.nextHop, ...tail };
    }
    const nh = s.nextHop;
    if (nh === undefined || own.has(nh)) return undefined;
    const via = this.lookupExcept(nh, base.net, base.len)?.[0];
    if (via === undefined && s.permanent) {
      const down = ifaces.find((i) => !i.usable && i.ip !== undefined && i.onLink(nh));
      if (down !== undefined)
        return { ...base, nextHop: nh, iface: down, namedInterface: false, gateway: nh, ...tail };
    }
    if (via === undefined || via.code === 'L') return undefined;
    return {
      ...base,
      nextHop: nh,
      iface: via.iface,
      namedInterface: false,
      gateway: via.gateway === undefined ? nh : via.gateway,
      ...tail,
    };
  }
}
