/**
 * IPv6 beside a device's IPv4 stack (ip-stack.ts), on the same interfaces: RFC 8200 (the
 * packet and forwarding), RFC 4443 (ICMPv6 echo and errors), RFC 4861 (Neighbor Discovery:
 * neighbor solicitation and advertisement, router solicitation and advertisement) and RFC 4862
 * (stateless address autoconfiguration).
 *
 * - An interface runs IPv6 once it has an address, `ipv6 enable` or autoconfiguration; it
 *   then has a link-local address: EUI-64 of its MAC address on IOS (RFC 4291 appendix A),
 *   a random interface identifier on Windows (its default, `RandomizeIdentifiers`).
 * - A router with `ipv6 unicast-routing` forwards, joins FF02::2 and sends Router
 *   Advertisements with the /64 prefixes of each interface's addresses, every 200 s and in
 *   answer to a solicitation; a host (Windows, or an IOS interface with `ipv6 address
 *   autoconfig`) forms an address in each advertised prefix, and Windows (IOS with `autoconfig
 *   default`) takes the router as its default for the lifetime it advertises. Duplicate address detection is not run: addresses are usable at once.
 * - Errors: time exceeded when the hop limit runs out, destination unreachable "no route"
 *   (code 0) when nothing matches and "address unreachable" (code 3) when Neighbor Discovery
 *   gets no answer, never about an ICMPv6 error or a multicast packet (RFC 4443 2.4), at most
 *   one every 100 ms on IOS ("ICMP error messages limited to one every 100 milliseconds").
 */
import type { DeviceId } from '../../shared/ids.ts';
import {
  eui64InterfaceId,
  IPV6_ALL_NODES,
  IPV6_ALL_ROUTERS,
  IPV6_LOOPBACK,
  IPV6_UNSPECIFIED,
  type Ipv6Addr,
  ipv6FromPrefixAndId,
  ipv6MulticastMac,
  ipv6PrefixOf,
  isIpv6LinkLocal,
  isIpv6Multicast,
  linkLocalOf,
  solicitedNodeOf,
} from '../../shared/ipv6.ts';
import type { MacAddr } from '../../shared/mac.ts';
import { ethernet } from '../packets.ts';
import type { SimContext } from '../sim/context.ts';
import type { EventTarget } from '../sim/scheduler.ts';
import type { DropReason } from '../trace.ts';
import type { EthernetFrame } from '../wire/ethernet.ts';
import { ETHERTYPE_IPV6 } from '../wire/ethernet.ts';
import type {
  Icmpv6Echo,
  Icmpv6Error,
  Icmpv6Message,
  NdpNeighborAdvertisement,
  NdpNeighborSolicitation,
  NdpOption,
  NdpRouterAdvertisement,
  NdpRouterSolicitation,
} from '../wire/icmpv6.ts';
import { carriesIcmpv6Error, isIcmpv6Error, readIcmpv6Quote } from '../wire/icmpv6.ts';
import type { Ipv6Packet, Ipv6Payload } from '../wire/ipv6.ts';
import { NEXT_HEADER_ICMPV6, NEXT_HEADER_NONE } from '../wire/ipv6.ts';
import type { Neighbor } from './ipv6-neighbors.ts';
import { DELAY_FIRST_PROBE_TIME, MAX_SOLICIT, NeighborCache, RETRANS_TIMER } from './ipv6-neighbors.ts';
import { type Ipv6RouteCode, Ipv6Routes, type V6Hop, type V6Route } from './ipv6-routes.ts';
import type { L3Interface } from './l3-interface.ts';
import { OWNED } from './ownership.ts';
import type { StackProfile } from './profiles.ts';

/** What one interface is configured to do with IPv6. */
export interface Ipv6IfaceSettings {
  /** IPv6 runs on it (an address, `ipv6 enable`, autoconfiguration, or a PC's IPv6 turned on). */
  readonly enabled: boolean;
  /** `ipv6 address X link-local`; otherwise the interface makes its own. */
  readonly linkLocal?: Ipv6Addr;
  /** Its configured addresses; `eui64`: `addr` is a /64 prefix completed with the EUI-64 identifier. */
  readonly addresses: readonly { readonly addr: Ipv6Addr; readonly len: number; readonly eui64?: boolean }[];
  /** Forms addresses from Router Advertisements' prefixes. */
  readonly autoconfig: boolean;
  /** Takes an advertising router as its default route (IOS `autoconfig default`; Windows always). */
  readonly autoDefault: boolean;
}

/** A static route: `iface` null when it names an interface the device does not have. */
export interface Ipv6StaticSpec {
  readonly prefix: Ipv6Addr;
  readonly len: number;
  readonly nextHop?: Ipv6Addr;
  readonly iface?: L3Interface | null;
  readonly distance: number;
}

/** Receives what comes back for the echoes of a ping. */
export interface Probe6Client {
  onEchoReply6(packet: Ipv6Packet, echo: Icmpv6Echo): void;
  onIcmpv6Error(packet: Ipv6Packet, error: Icmpv6Error, sequence: number): void;
  /** Neighbor Discovery got no answer for the echo with this sequence number. */
  onNeighborFailure(sequence: number): void;
}

export type Send6Status = 'ok' | 'no-route' | 'no-address' | 'interface-down';

export interface V6Address {
  readonly addr: Ipv6Addr;
  readonly len: number;
  readonly eui64: boolean;
  readonly origin: 'manual' | 'autoconfig';
}

/** IPv6's state on one interface. */
export class V6Iface {
  enabled = false;
  linkLocal: Ipv6Addr = IPV6_UNSPECIFIED;
  linkLocalConfigured = false;
  manual: V6Address[] = [];
  auto: V6Address[] = [];
  autoconfig = false;
  autoDefault = false;
  /** The hop limit of what it originates (a Router Advertisement may set it, RFC 4861 6.3.4). */
  hopLimit: number;
  /** Routers advertising on the link, until when (virtual time). */
  readonly routers = new Map<Ipv6Addr, number>();
  /** On-link prefixes advertised, "prefix/len" keys. */
  readonly onLink = new Map<string, { readonly prefix: Ipv6Addr; readonly len: number }>();
  /** Bumped to cancel pending advertisements and solicitations (line or settings changed). */
  gen = 0;
  /** Advertisements sent since it became an advertising interface; solicitations sent since it came up. */
  sentRa = 0;
  sentRs = 0;
  /** A Router Advertisement came since it came up: it solicits no more (RFC 4861 6.3.7). */
  heardRa = false;
  /** Last time it advertised (RFC 4861 6.2.6: at most one per 3 s in answer to solicitations). */
  lastRa = Number.NEGATIVE_INFINITY;
  /** Its line was up and IPv6 enabled at the last refresh. */
  running = false;

  constructor(
    readonly iface: L3Interface,
    hopLimit: number,
  ) {
    this.hopLimit = hopLimit;
  }

  get addresses(): V6Address[] {
    return this.auto.length === 0 ? this.manual : [...this.manual, ...this.auto];
  }

  /** Any of its unicast addresses, link-local included. */
  has(a: Ipv6Addr): boolean {
    return a === this.linkLocal || this.addresses.some((x) => x.addr === a);
  }
}

/** RFC 4861 section 10 and IOS's defaults, in microseconds. */
const MAX_RA_INTERVAL = 200_000_000;
const MIN_RA_INTERVAL = 150_000_000;
const MAX_INITIAL_RA_INTERVAL = 16_000_000;
const MAX_INITIAL_RAS = 3;
const MAX_RA_DELAY = 500_000;
const MIN_DELAY_BETWEEN_RAS = 3_000_000;
const ROUTER_LIFETIME_S = 1800;
const MAX_RS_DELAY = 1_000_000;
const RS_INTERVAL = 4_000_000;
const MAX_RSS = 3;
/** Advertised prefixes' lifetimes (IOS: 30 and 7 days). */
const VALID_LIFETIME_S = 2_592_000;
const PREFERRED_LIFETIME_S = 604_800;
/** Neighbor Discovery's packets carry hop limit 255 and are refused with any other (RFC 4861 7.1.1). */
const ND_HOP_LIMIT = 255;
/** IOS: ICMPv6 errors at most one every 100 ms. */
const IOS_ERROR_INTERVAL = 100_000;
/** Packets held per neighbor being resolved (RFC 4861 7.2.2 asks for at least one). */
const ND_QUEUE = 3;
/** The administrative distance of a route a Router Advertisement gives (IOS's ND routes). */
const ND_DISTANCE = 2;

const EV_NEIGHBOR = 1;
const EV_ADVERTISE = 2;
const EV_SOLICIT = 3;
const EV_LOOPBACK = 4;
const EV_EXPIRE = 5;

export class Ipv6Stack implements EventTarget {
  private readonly ifaces = new Map<L3Interface, V6Iface>();
  /** Interfaces in the device's order. */
  private order: readonly L3Interface[] = [];
  private routing = false;
  private statics: readonly Ipv6StaticSpec[] = [];
  private gateway: Ipv6Addr | undefined = undefined;
  readonly neighbors = new NeighborCache();
  readonly routes = new Ipv6Routes();
  private readonly echoClients = new Map<number, Probe6Client>();
  private lastError = Number.NEGATIVE_INFINITY;

  constructor(
    private readonly deviceId: DeviceId,
    private readonly ctx: SimContext,
    readonly profile: StackProfile,
    /** The MAC address of an interface that has none of its own (a loopback): the device's first. */
    private readonly baseMac: MacAddr,
  ) {}

  get now(): number {
    return this.ctx.sched.now;
  }

  get forwarding(): boolean {
    return this.routing;
  }

  /** The hop limit of what it originates: 64 on IOS, 128 on Windows. */
  private get defaultHopLimit(): number {
    return this.profile.os === 'ios' ? 64 : 128;
  }

  // ---- configuration ----------------------------------------------------------------------

  /**
   * Takes the device's interfaces and their IPv6 settings, whether it routes, its static
   * routes and (a PC) its default gateway. What the lines allow follows at `refresh`.
   */
  configure(
    settings: ReadonlyMap<L3Interface, Ipv6IfaceSettings>,
    order: readonly L3Interface[],
    routing: boolean,
    statics: readonly Ipv6StaticSpec[],
    gateway?: Ipv6Addr,
  ): void {
    this.order = order;
    const wasRouting = this.routing;
    this.routing = routing;
    this.statics = statics;
    this.gateway = gateway;
    for (const [iface, v] of this.ifaces) {
      if (!settings.has(iface)) {
        this.stop(v);
        this.ifaces.delete(iface);
      }
    }
    for (const [iface, s] of settings) {
      let v = this.ifaces.get(iface);
      if (v === undefined) {
        v = new V6Iface(iface, this.defaultHopLimit);
        this.ifaces.set(iface, v);
      }
      const before = `${v.enabled} ${v.linkLocalConfigured ? v.linkLocal : ''} ${v.autoconfig}`;
      v.enabled = s.enabled;
      v.linkLocalConfigured = s.linkLocal !== undefined;
      v.linkLocal = s.enabled ? (s.linkLocal ?? linkLocalOf(this.interfaceId(iface))) : IPV6_UNSPECIFIED;
      v.manual = s.addresses.map((a) => ({
        addr: a.eui64 === true ? ipv6FromPrefixAndId(a.addr, eui64InterfaceId(this.macOf(iface))) : a.addr,
        len: a.len,
        eui64: a.eui64 === true,
        origin: 'manual' as const,
      }));
      v.autoconfig = s.autoconfig;
      v.autoDefault = s.autoDefault;
      if (!s.autoconfig) {
        v.auto = [];
        v.onLink.clear();
      }
      if (!s.autoDefault) v.routers.clear();
      // Anything else restarts what runs on the interface: its solicitations and advertisements.
      if (before !== `${v.enabled} ${v.linkLocalConfigured ? v.linkLocal : ''} ${v.autoconfig}`) this.stop(v);
    }
    if (wasRouting !== routing) {
      // A router that stops routing says so: a last advertisement with lifetime 0 (RFC 4861 6.2.5).
      if (wasRouting)
        for (const v of this.ifaces.values())
          if (v.running && v.iface.port !== null) this.advertise(v, false, 0);
      for (const v of this.ifaces.values()) this.stop(v);
    }
    this.refresh();
  }

  /** Lines changed (or the configuration did): starts and stops what runs, and rebuilds the routes. */
  refresh(): void {
    for (const v of this.ifaces.values()) {
      // A subinterface carries nothing until it has its VLAN (`encapsulation dot1Q`).
      const iface = v.iface;
      const running = v.enabled && iface.up && !(iface.sub && iface.vlan === 0);
      if (running && !v.running) this.start(v);
      else if (!running && v.running) this.stop(v);
    }
    this.rebuildRoutes();
  }

  /** The device restarts: what ran on each interface starts again as its line comes back. */
  restart(): void {
    for (const v of this.ifaces.values()) this.stop(v);
    this.refresh();
  }

  /** Stops everything timed on `v`, and forgets what its link taught it. */
  private stop(v: V6Iface): void {
    v.running = false;
    v.gen++;
    v.sentRa = 0;
    v.sentRs = 0;
    v.heardRa = false;
    v.auto = [];
    v.routers.clear();
    v.onLink.clear();
    this.neighbors.flush(v.iface);
  }

  private start(v: V6Iface): void {
    v.running = true;
    v.gen++;
    // IOS advertises about a second after the address is up (the time its duplicate address
    // detection takes), then twice more at most 16 s apart (RFC 4861 6.2.4).
    if (this.advertises(v)) this.scheduleAdvertisement(v, RETRANS_TIMER);
    if (this.discovers(v)) {
      const delay = this.ctx.rng.int(MAX_RS_DELAY);
      this.ctx.sched.atIn(delay, this, EV_SOLICIT, v, v.gen, 0);
    }
  }

  /** Whether `v` listens to Router Advertisements: a host's interface set to use them. */
  private discovers(v: V6Iface): boolean {
    return !this.routing && (v.autoconfig || v.autoDefault);
  }

  /** Whether `v` sends Router Advertisements: a routing device's LAN interfaces. */
  private advertises(v: V6Iface): boolean {
    return this.routing && v.running && v.iface.port !== null;
  }

  /** The MAC address `iface`'s EUI-64 identifier comes from. */
  private macOf(iface: L3Interface): MacAddr {
    return iface.mac === 0 ? this.baseMac : iface.mac;
  }

  /** The interface identifier of its link-local address. */
  private interfaceId(iface: L3Interface): bigint {
    return this.profile.os === 'ios'
      ? eui64InterfaceId(this.macOf(iface))
      : stableRandomId(this.macOf(iface));
  }

  private rebuildRoutes(): void {
    const routes: V6Route[] = [];
    const ios = this.profile.os === 'ios';
    for (const iface of this.order) {
      const v = this.ifaces.get(iface);
      if (v === undefined || !v.running) continue;
      for (const a of v.addresses) {
        // An autoconfigured address's prefix is on the link by its advertisement (NDp), not connected.
        if (a.len < 128 && a.origin === 'manual')
          route(routes, 'C', ipv6PrefixOf(a.addr, a.len), a.len, 0, undefined, iface);
        route(routes, 'L', a.addr, 128, 0, undefined, iface);
      }
      for (const p of v.onLink.values()) route(routes, 'NDp', p.prefix, p.len, ND_DISTANCE, undefined, iface);
      for (const r of v.routers.keys()) route(routes, 'ND', IPV6_UNSPECIFIED, 0, ND_DISTANCE, r, iface);
    }
    // Static routes through a next hop only are installed once something other than a default
    // route reaches the next hop, possibly another static route installed before (IOS resolves
    // them recursively, and not through a default route).
    const pending: Ipv6StaticSpec[] = [];
    for (const s of this.statics) {
      if (s.iface === null) continue;
      if (s.iface !== undefined) {
        const v = this.ifaces.get(s.iface);
        if (s.iface.discard || (v?.running ?? false))
          route(routes, 'S', s.prefix, s.len, s.distance, s.nextHop, s.iface);
      } else if (s.nextHop !== undefined) pending.push(s);
    }
    for (let added = true; added && pending.length > 0; ) {
      added = false;
      const known = new Ipv6Routes();
      known.set(routes.filter((r) => r.len > 0));
      for (let k = 0; k < pending.length; k++) {
        const s = pending[k]!;
        const via = known.lookup(s.nextHop!);
        if (via === undefined || (via.route.prefix === s.prefix && via.route.len === s.len)) continue;
        route(routes, 'S', s.prefix, s.len, s.distance, s.nextHop, undefined);
        pending.splice(k--, 1);
        added = true;
      }
    }
    const gw = this.gateway;
    if (gw !== undefined && !ios) {
      // A PC's gateway: its one interface when link-local, wherever the routes say otherwise.
      const nic = this.order.find((i) => this.ifaces.get(i)?.running);
      if (nic !== undefined)
        route(routes, 'S', IPV6_UNSPECIFIED, 0, 1, gw, isIpv6LinkLocal(gw) ? nic : undefined);
    }
    this.routes.set(routes);
  }

  // ---- state for the consoles ---------------------------------------------------------------

  /** `iface`'s IPv6 state, undefined when it has none configured. */
  state(iface: L3Interface): V6Iface | undefined {
    return this.ifaces.get(iface);
  }

  /** The multicast groups `v` listens to: all nodes, all routers when routing, each address's solicited-node group. */
  groups(v: V6Iface): Ipv6Addr[] {
    if (!v.enabled) return [];
    const out: Ipv6Addr[] = [IPV6_ALL_NODES];
    if (this.routing) out.push(IPV6_ALL_ROUTERS);
    for (const a of [v.linkLocal, ...v.addresses.map((x) => x.addr)]) {
      const g = solicitedNodeOf(a);
      if (!out.includes(g)) out.push(g);
    }
    return out;
  }

  sendsAdvertisements(v: V6Iface): boolean {
    return this.advertises(v);
  }

  /** Whether `a` is one of its unicast addresses, on any interface. */
  isOwn(a: Ipv6Addr): boolean {
    // An address on an interface that is down is tentative, not usable (RFC 4862 5.4).
    for (const v of this.ifaces.values()) if (v.running && v.has(a)) return true;
    return false;
  }

  clearNeighbors(): void {
    this.neighbors.flush();
  }

  // ---- receive ------------------------------------------------------------------------------

  receive(iface: L3Interface, frame: EthernetFrame, pkt: Ipv6Packet, frameId: number): void {
    const v = this.ifaces.get(iface);
    if (v === undefined || !v.running) {
      this.drop(frameId, 'not-for-us', iface.name);
      return;
    }
    if (pkt.badChecksum !== undefined) {
      this.drop(frameId, 'bad-checksum', iface.name);
      return;
    }
    const dst = pkt.dst;
    if (isIpv6Multicast(dst)) {
      if (this.groups(v).includes(dst)) this.deliver(v, pkt, frame.src, frameId);
      else this.drop(frameId, 'not-for-us', iface.name);
    } else if (v.has(dst) || (!isIpv6LinkLocal(dst) && this.isOwn(dst))) {
      this.deliver(v, pkt, frame.src, frameId);
    } else if (this.routing) {
      this.forward(v, pkt, frameId);
    } else {
      this.drop(frameId, 'not-for-us', iface.name);
    }
  }

  private forward(v: V6Iface, pkt: Ipv6Packet, frameId: number): void {
    // Link-local addresses never leave their link (RFC 4291 2.5.6).
    if (isIpv6LinkLocal(pkt.src) || isIpv6LinkLocal(pkt.dst)) {
      this.drop(frameId, 'no-route', v.iface.name);
      return;
    }
    if (pkt.hopLimit <= 1) {
      this.drop(frameId, 'ttl-expired', v.iface.name);
      this.sendError(pkt, v.iface, 3, 0, 0);
      return;
    }
    const hop = this.routes.lookup(pkt.dst);
    if (hop === undefined) {
      this.drop(frameId, 'no-route', v.iface.name);
      this.sendError(pkt, v.iface, 1, 0, 0);
      return;
    }
    if (hop.iface.discard) {
      this.drop(frameId, 'null-route', v.iface.name);
      return;
    }
    const out = withHopLimit(pkt, pkt.hopLimit - 1);
    const outId = this.ctx.nextFrameId();
    const trace = this.ctx.trace;
    if (trace.enabled) {
      trace.emit({
        t: this.now as never,
        seq: trace.nextSeq(),
        device: this.deviceId,
        kind: 'forward',
        frameId,
        from: v.iface.name,
        to: [hop.iface.name],
        outFrameId: outId,
      });
    }
    this.output(hop.iface, hop.nextHop, out, outId);
  }

  private deliver(v: V6Iface, pkt: Ipv6Packet, fromMac: number, frameId: number): void {
    const m = pkt.payload;
    if (pkt.nextHeader !== NEXT_HEADER_ICMPV6 || m.proto !== 'icmpv6') {
      this.drop(frameId, 'no-listener', v.iface.name);
      return;
    }
    switch (m.type) {
      case 128:
        this.answerEcho(v, pkt, m as Icmpv6Echo);
        return;
      case 129: {
        const echo = m as Icmpv6Echo;
        this.echoClients.get(echo.identifier)?.onEchoReply6(pkt, echo);
        return;
      }
      case 133:
        if (pkt.hopLimit === ND_HOP_LIMIT)
          this.takeRouterSolicitation(v, pkt, (m as NdpRouterSolicitation).options);
        return;
      case 134:
        if (pkt.hopLimit === ND_HOP_LIMIT && isIpv6LinkLocal(pkt.src))
          this.takeRouterAdvertisement(v, pkt, m as NdpRouterAdvertisement);
        return;
      case 135:
        if (pkt.hopLimit === ND_HOP_LIMIT)
          this.takeSolicitation(v, pkt, m as NdpNeighborSolicitation, fromMac);
        return;
      case 136: {
        const na = m as NdpNeighborAdvertisement;
        // A solicited advertisement is never multicast (RFC 4861 7.1.2).
        if (pkt.hopLimit === ND_HOP_LIMIT && !(na.solicited && isIpv6Multicast(pkt.dst)))
          this.takeAdvertisement(v, na);
        return;
      }
    }
    if (isIcmpv6Error(m)) {
      const q = readIcmpv6Quote(m.original);
      const echo = q.ok ? q.value.echo : undefined;
      if (echo?.type === 128) this.echoClients.get(echo.identifier)?.onIcmpv6Error(pkt, m, echo.sequence);
    }
  }

  private answerEcho(v: V6Iface, pkt: Ipv6Packet, echo: Icmpv6Echo): void {
    const reply: Icmpv6Echo = {
      proto: 'icmpv6',
      type: 129,
      code: 0,
      identifier: echo.identifier,
      sequence: echo.sequence,
      data: echo.data,
    };
    // A reply to a multicast echo comes from the address it would pick to reach the sender.
    const src = isIpv6Multicast(pkt.dst) ? this.sourceFor(pkt.src, v.iface) : pkt.dst;
    if (src === undefined) return;
    this.send(pkt.src, reply, this.hopLimitFor(v), src, v.iface);
  }

  // ---- Neighbor Discovery ------------------------------------------------------------------

  private takeSolicitation(v: V6Iface, pkt: Ipv6Packet, ns: NdpNeighborSolicitation, fromMac: number): void {
    if (!v.has(ns.target)) return;
    const mac = linkAddress(ns.options, 'source-mac');
    const dad = pkt.src === IPV6_UNSPECIFIED;
    if (!dad && mac !== undefined) this.learn(v, pkt.src, mac);
    const na: NdpNeighborAdvertisement = {
      proto: 'icmpv6',
      type: 136,
      code: 0,
      router: this.routing,
      solicited: !dad,
      override: true,
      target: ns.target,
      options: [{ kind: 'target-mac', mac: v.iface.mac === 0 ? this.baseMac : v.iface.mac }],
    };
    // Answer a duplicate address probe to every node; any other straight back to the sender.
    const dst = dad ? IPV6_ALL_NODES : pkt.src;
    const to = dad ? ipv6MulticastMac(IPV6_ALL_NODES) : (mac ?? fromMac);
    this.transmit(v.iface, to, this.packet(ns.target, dst, ND_HOP_LIMIT, na), this.ctx.nextFrameId());
  }

  /** A neighbor told us its link-layer address unasked (its solicitation's source option). */
  private learn(v: V6Iface, addr: Ipv6Addr, mac: MacAddr, router = false): void {
    const now = this.now;
    const cache = this.neighbors;
    const n = cache.get(v.iface, addr);
    if (n === undefined) {
      const fresh = cache.add(v.iface, addr, now);
      fresh.mac = mac;
      fresh.router = router;
      cache.enter(fresh, 'STALE', now);
      return;
    }
    if (router) n.router = true;
    if (n.state === 'INCMP') {
      n.mac = mac;
      cache.enter(n, 'STALE', now);
      this.flushQueue(n);
    } else if (n.mac !== mac) {
      n.mac = mac;
      cache.enter(n, 'STALE', now);
    }
  }

  private takeAdvertisement(v: V6Iface, na: NdpNeighborAdvertisement): void {
    const cache = this.neighbors;
    const n = cache.get(v.iface, na.target);
    if (n === undefined) return;
    const now = this.now;
    const mac = linkAddress(na.options, 'target-mac');
    if (cache.state(n, now) === 'INCMP') {
      if (mac === undefined) return;
      n.mac = mac;
      n.router = na.router;
      cache.enter(n, na.solicited ? 'REACH' : 'STALE', now);
      this.flushQueue(n);
      return;
    }
    // RFC 4861 7.2.5: without Override, another link-layer address only marks the entry STALE.
    const changed = mac !== undefined && mac !== n.mac;
    if (!na.override && changed) {
      if (n.state === 'REACH') cache.enter(n, 'STALE', now);
      return;
    }
    // A neighbor that stops being a router is no longer a default router (RFC 4861 7.2.5).
    if (n.router && !na.router) {
      v.routers.delete(n.addr);
      this.rebuildRoutes();
    }
    n.router = na.router;
    if (mac !== undefined) n.mac = mac;
    if (na.solicited) cache.enter(n, 'REACH', now);
    else if (changed) cache.enter(n, 'STALE', now);
  }

  /** Sends what waited for `n`'s address. */
  private flushQueue(n: Neighbor): void {
    const queue = n.queue;
    n.queue = [];
    for (const q of queue) this.transmit(n.iface, n.mac, q.pkt, q.frameId);
  }

  /** Sends `pkt` out of `iface` to `nextHop`, resolving its link-layer address first if need be. */
  private output(iface: L3Interface, nextHop: Ipv6Addr, pkt: Ipv6Packet, frameId: number): void {
    if (isIpv6Multicast(pkt.dst)) {
      this.transmit(iface, ipv6MulticastMac(pkt.dst), pkt, frameId);
      return;
    }
    // A loopback has no link to resolve anything on: what is not its own address goes nowhere.
    if (iface.port === null && iface.name.startsWith('Loopback')) {
      this.drop(frameId, 'no-route', iface.name);
      return;
    }
    const cache = this.neighbors;
    const now = this.now;
    let n = cache.get(iface, nextHop);
    if (n === undefined) {
      n = cache.add(iface, nextHop, now);
      n.queue.push({ pkt, frameId });
      this.solicit(n, pkt.src);
      return;
    }
    switch (cache.state(n, now)) {
      case 'INCMP':
        if (n.queue.length >= ND_QUEUE) this.drop(frameId, 'arp-queue-full', iface.name);
        else n.queue.push({ pkt, frameId });
        return;
      case 'STALE':
        cache.enter(n, 'DELAY', now);
        this.ctx.sched.atIn(DELAY_FIRST_PROBE_TIME, this, EV_NEIGHBOR, n, n.gen, 0);
        break;
    }
    this.transmit(iface, n.mac, pkt, frameId);
  }

  /**
   * Sends `n` a Neighbor Solicitation: to its solicited-node group while it is INCOMPLETE,
   * straight to it while PROBE. `from`: the source of the packet that asked, when it is the
   * interface's (RFC 4861 7.2.2).
   */
  private solicit(n: Neighbor, from?: Ipv6Addr): void {
    const v = this.ifaces.get(n.iface);
    if (v === undefined) return;
    const src = from !== undefined && v.has(from) ? from : v.linkLocal;
    const ns: NdpNeighborSolicitation = {
      proto: 'icmpv6',
      type: 135,
      code: 0,
      target: n.addr,
      options: [{ kind: 'source-mac', mac: this.macOf(n.iface) }],
    };
    const probing = n.state === 'PROBE';
    const dst = probing ? n.addr : solicitedNodeOf(n.addr);
    const mac = probing ? n.mac : ipv6MulticastMac(dst);
    n.probes++;
    this.transmit(n.iface, mac, this.packet(src, dst, ND_HOP_LIMIT, ns), this.ctx.nextFrameId());
    this.ctx.sched.atIn(RETRANS_TIMER, this, EV_NEIGHBOR, n, n.gen, 0);
  }

  /** A neighbor's timer: the next solicitation, the end of DELAY, or giving up. */
  private neighborTimer(n: Neighbor, gen: number): void {
    if (gen !== n.gen) return;
    const cache = this.neighbors;
    if (n.state === 'DELAY') {
      cache.enter(n, 'PROBE', this.now);
      this.solicit(n);
      return;
    }
    if (n.state !== 'INCMP' && n.state !== 'PROBE') return;
    if (n.probes < MAX_SOLICIT) {
      this.solicit(n);
      return;
    }
    cache.remove(n);
    for (const q of n.queue) this.unresolved(n.iface, q.pkt, q.frameId);
    n.queue = [];
  }

  /** `pkt` could not be sent: its neighbor never answered. */
  private unresolved(iface: L3Interface, pkt: Ipv6Packet, frameId: number): void {
    this.drop(frameId, 'nd-timeout', iface.name);
    if (this.isOwn(pkt.src)) {
      const m = pkt.payload;
      if (m.proto === 'icmpv6' && m.type === 128) {
        const echo = m as Icmpv6Echo;
        this.echoClients.get(echo.identifier)?.onNeighborFailure(echo.sequence);
      }
      return;
    }
    this.sendError(pkt, iface, 1, 3, 0);
  }

  // ---- Router Discovery and autoconfiguration ------------------------------------------------

  private raInterval(v: V6Iface): number {
    const span = MAX_RA_INTERVAL - MIN_RA_INTERVAL;
    const t = MIN_RA_INTERVAL + this.ctx.rng.int(span + 1);
    return v.sentRa < MAX_INITIAL_RAS ? Math.min(t, MAX_INITIAL_RA_INTERVAL) : t;
  }

  private scheduleAdvertisement(v: V6Iface, delay: number): void {
    this.ctx.sched.atIn(delay, this, EV_ADVERTISE, v, v.gen, 0);
  }

  private takeRouterSolicitation(v: V6Iface, pkt: Ipv6Packet, options: readonly NdpOption[]): void {
    if (!this.advertises(v)) return;
    const mac = linkAddress(options, 'source-mac');
    if (pkt.src !== IPV6_UNSPECIFIED && mac !== undefined) this.learn(v, pkt.src, mac);
    // RFC 4861 6.2.6: a random delay, and no sooner than 3 s after the last advertisement.
    const at = Math.max(this.now + this.ctx.rng.int(MAX_RA_DELAY), v.lastRa + MIN_DELAY_BETWEEN_RAS);
    this.ctx.sched.atIn(at - this.now, this, EV_ADVERTISE, v, v.gen, 1);
  }

  private advertise(v: V6Iface, solicited: boolean, lifetime = ROUTER_LIFETIME_S): void {
    if (lifetime > 0 && !this.advertises(v)) return;
    // At most one advertisement every 3 s (RFC 4861 6.2.6): an answer to a solicitation that
    // finds one just sent is dropped, a periodic one that does is put off.
    if (lifetime > 0 && this.now - v.lastRa < MIN_DELAY_BETWEEN_RAS) {
      if (!solicited) this.scheduleAdvertisement(v, v.lastRa + MIN_DELAY_BETWEEN_RAS - this.now);
      return;
    }
    const options: NdpOption[] = [
      { kind: 'source-mac', mac: this.macOf(v.iface) },
      { kind: 'mtu', mtu: 1500 },
    ];
    const seen = new Set<Ipv6Addr>();
    for (const a of v.manual) {
      if (a.len >= 128) continue;
      const prefix = ipv6PrefixOf(a.addr, a.len);
      if (seen.has(prefix)) continue;
      seen.add(prefix);
      options.push({
        kind: 'prefix',
        prefixLength: a.len,
        onLink: true,
        autonomous: true,
        flags: 0,
        validLifetime: VALID_LIFETIME_S,
        preferredLifetime: PREFERRED_LIFETIME_S,
        prefix,
      });
    }
    const ra: NdpRouterAdvertisement = {
      proto: 'icmpv6',
      type: 134,
      code: 0,
      curHopLimit: 64,
      managed: false,
      other: false,
      flags: 0,
      routerLifetime: lifetime,
      reachableTime: 0,
      retransTimer: 0,
      options,
    };
    v.lastRa = this.now;
    const pkt = this.packet(v.linkLocal, IPV6_ALL_NODES, ND_HOP_LIMIT, ra);
    this.transmit(v.iface, ipv6MulticastMac(IPV6_ALL_NODES), pkt, this.ctx.nextFrameId());
    if (!solicited && lifetime > 0) {
      v.sentRa++;
      this.scheduleAdvertisement(v, this.raInterval(v));
    }
  }

  private solicitRouters(v: V6Iface): void {
    if (!v.running || !this.discovers(v) || v.heardRa || v.sentRs >= MAX_RSS) return;
    v.sentRs++;
    const rs: Icmpv6Message = {
      proto: 'icmpv6',
      type: 133,
      code: 0,
      options: [{ kind: 'source-mac', mac: this.macOf(v.iface) }],
    };
    const pkt = this.packet(v.linkLocal, IPV6_ALL_ROUTERS, ND_HOP_LIMIT, rs);
    this.transmit(v.iface, ipv6MulticastMac(IPV6_ALL_ROUTERS), pkt, this.ctx.nextFrameId());
    this.ctx.sched.atIn(RS_INTERVAL, this, EV_SOLICIT, v, v.gen, 0);
  }

  private takeRouterAdvertisement(v: V6Iface, pkt: Ipv6Packet, ra: NdpRouterAdvertisement): void {
    const mac = linkAddress(ra.options, 'source-mac');
    if (mac !== undefined) this.learn(v, pkt.src, mac, true);
    if (!this.discovers(v)) return;
    v.heardRa = true;
    if (ra.curHopLimit !== 0) v.hopLimit = ra.curHopLimit;
    if (v.autoDefault) {
      if (ra.routerLifetime > 0) {
        v.routers.set(pkt.src, this.now + ra.routerLifetime * 1_000_000);
        this.ctx.sched.atIn(ra.routerLifetime * 1_000_000, this, EV_EXPIRE, v, v.gen, 0);
      } else v.routers.delete(pkt.src);
    }
    if (!v.autoconfig) {
      this.rebuildRoutes();
      return;
    }
    for (const o of ra.options) {
      if (o.kind !== 'prefix' || isIpv6LinkLocal(o.prefix) || o.validLifetime === 0) continue;
      const prefix = ipv6PrefixOf(o.prefix, o.prefixLength);
      if (o.onLink) v.onLink.set(`${prefix}/${o.prefixLength}`, { prefix, len: o.prefixLength });
      // RFC 4862 5.5.3: an address only from a prefix as long as the interface identifier is short.
      if (!o.autonomous || o.prefixLength !== 64) continue;
      const addr = ipv6FromPrefixAndId(prefix, this.interfaceId(v.iface));
      if (v.addresses.some((a) => a.addr === addr)) continue;
      v.auto = [...v.auto, { addr, len: 64, eui64: this.profile.os === 'ios', origin: 'autoconfig' }];
    }
    this.rebuildRoutes();
  }

  // ---- send --------------------------------------------------------------------------------

  onEvent(code: number, a: unknown, b: number, c: number): void {
    if (code === EV_NEIGHBOR) this.neighborTimer(a as Neighbor, b);
    else if (code === EV_ADVERTISE) {
      const v = a as V6Iface;
      if (v.gen === b) this.advertise(v, c === 1);
    } else if (code === EV_EXPIRE) {
      const v = a as V6Iface;
      if (v.gen === b) this.expireRouters(v);
    } else if (code === EV_SOLICIT) {
      const v = a as V6Iface;
      if (v.gen === b) this.solicitRouters(v);
    } else if (code === EV_LOOPBACK) this.loopBack(a as Ipv6Packet);
  }

  /** An echo to one of its own addresses, or to ::1, answered inside the device. */
  private loopBack(pkt: Ipv6Packet): void {
    const m = pkt.payload;
    if (m.proto !== 'icmpv6') return;
    if (m.type === 128) {
      const echo = m as Icmpv6Echo;
      const reply: Icmpv6Echo = { ...echo, type: 129 };
      const back = this.packet(pkt.dst, pkt.src, this.defaultHopLimit, reply);
      this.ctx.sched.atIn(0, this, EV_LOOPBACK, back, 0, 0);
    } else if (m.type === 129) {
      const echo = m as Icmpv6Echo;
      this.echoClients.get(echo.identifier)?.onEchoReply6(pkt, echo);
    }
  }

  /** Forgets the routers whose advertised lifetime has run out (RFC 4861 6.3.5). */
  private expireRouters(v: V6Iface): void {
    let gone = false;
    for (const [r, until] of v.routers) {
      if (until > this.now) continue;
      v.routers.delete(r);
      gone = true;
    }
    if (gone) this.rebuildRoutes();
  }

  /** The hop limit of what it originates out of `v`. */
  private hopLimitFor(v: V6Iface | undefined): number {
    return v?.hopLimit ?? this.defaultHopLimit;
  }

  /**
   * The address a packet to `dst` leaves from (RFC 6724, simplified): the interface's link-local
   * address for a link-local or link-scope destination, otherwise the address of `iface` that
   * shares the longest prefix with it, otherwise any of the device's global addresses.
   */
  sourceFor(dst: Ipv6Addr, iface: L3Interface): Ipv6Addr | undefined {
    const v = this.ifaces.get(iface);
    if (v === undefined || !v.enabled) return undefined;
    if (isIpv6LinkLocal(dst) || (isIpv6Multicast(dst) && ((dst >> 112n) & 0xfn) <= 2n)) return v.linkLocal;
    let best: V6Address | undefined;
    let bestLen = -1;
    for (const a of v.addresses) {
      const len = commonPrefixLength(a.addr, dst);
      if (len > bestLen) {
        best = a;
        bestLen = len;
      }
    }
    if (best !== undefined) return best.addr;
    for (const i of this.order) {
      const other = this.ifaces.get(i);
      if (other?.running && other.addresses.length > 0) return other.addresses[0]!.addr;
    }
    return v.linkLocal;
  }

  /** Where a packet to `dst` would leave, out of `via` when given (a link-local or multicast destination needs one). */
  hopTo(dst: Ipv6Addr, via?: L3Interface): V6Hop | undefined {
    if (isIpv6LinkLocal(dst) || isIpv6Multicast(dst)) {
      const iface = via ?? this.soleInterface();
      if (iface === undefined || !this.ifaces.get(iface)?.running) return undefined;
      return { route: LINK_ROUTE, iface, nextHop: dst };
    }
    const hop = this.routes.lookup(dst);
    if (hop === undefined || via === undefined || hop.iface === via) return hop;
    return { route: hop.route, iface: via, nextHop: hop.route.nextHop ?? dst };
  }

  /** The one interface running IPv6 (a PC's), undefined when there are several. */
  private soleInterface(): L3Interface | undefined {
    let found: L3Interface | undefined;
    for (const v of this.ifaces.values()) {
      if (!v.running) continue;
      if (found !== undefined) return undefined;
      found = v.iface;
    }
    return found;
  }

  /**
   * Originates a packet to `dst` from `src` (or the address `sourceFor` picks), out of `via`
   * when given. A packet to one of its own addresses goes back up at once.
   */
  send(
    dst: Ipv6Addr,
    payload: Ipv6Payload,
    hopLimit?: number,
    src?: Ipv6Addr,
    via?: L3Interface,
  ): Send6Status {
    if (dst === IPV6_LOOPBACK || (!isIpv6Multicast(dst) && this.isOwn(dst))) {
      const pkt = this.packet(src ?? dst, dst, hopLimit ?? this.defaultHopLimit, payload);
      this.ctx.sched.atIn(0, this, EV_LOOPBACK, pkt, 0, 0);
      return 'ok';
    }
    const hop = this.hopTo(dst, via);
    if (hop === undefined) return 'no-route';
    if (hop.iface.discard) return 'ok';
    const v = this.ifaces.get(hop.iface);
    if (v === undefined || !v.running) return 'interface-down';
    const from = src ?? this.sourceFor(dst, hop.iface);
    if (from === undefined) return 'no-address';
    this.output(
      hop.iface,
      hop.nextHop,
      this.packet(from, dst, hopLimit ?? this.hopLimitFor(v), payload),
      this.ctx.nextFrameId(),
    );
    return 'ok';
  }

  /** Sends an ICMPv6 error about `orig`, which came in on `iface` (RFC 4443 2.4). */
  private sendError(
    orig: Ipv6Packet,
    iface: L3Interface,
    type: 1 | 2 | 3 | 4,
    code: number,
    rest: number,
  ): void {
    if (carriesIcmpv6Error(orig)) return;
    if (isIpv6Multicast(orig.dst) || isIpv6Multicast(orig.src) || orig.src === IPV6_UNSPECIFIED) return;
    if (this.profile.os === 'ios') {
      if (this.now - this.lastError < IOS_ERROR_INTERVAL) return;
      this.lastError = this.now;
    }
    const src = this.sourceFor(orig.src, iface);
    if (src === undefined) return;
    const error: Icmpv6Error = { proto: 'icmpv6', type, code, rest, original: orig };
    this.send(orig.src, error, undefined, src);
  }

  private packet(src: Ipv6Addr, dst: Ipv6Addr, hopLimit: number, payload: Ipv6Payload): Ipv6Packet {
    return {
      proto: 'ipv6',
      dst,
      src,
      hopLimit,
      nextHeader: payload.proto === 'icmpv6' ? NEXT_HEADER_ICMPV6 : NEXT_HEADER_NONE,
      payload,
      trafficClass: 0,
      flowLabel: 0,
    };
  }

  private transmit(iface: L3Interface, mac: number, pkt: Ipv6Packet, frameId: number): void {
    if (!iface.up) return;
    const src = iface.mac === 0 ? this.baseMac : iface.mac;
    iface.owner.transmitL3(
      iface,
      ethernet(mac as MacAddr, src, iface.tag, ETHERTYPE_IPV6, pkt),
      frameId,
      OWNED,
    );
  }

  private drop(frameId: number, reason: DropReason, port?: string): void {
    this.ctx.traceDrop(this.deviceId, frameId, reason, port);
  }

  // ---- ping ---------------------------------------------------------------------------------

  registerEcho(identifier: number, client: Probe6Client): void {
    this.echoClients.set(identifier, client);
  }

  unregisterEcho(identifier: number, client: Probe6Client): void {
    if (this.echoClients.get(identifier) === client) this.echoClients.delete(identifier);
  }

  hasEchoClient(identifier: number): boolean {
    return this.echoClients.has(identifier);
  }
}

/** The route of a link-local or multicast destination: the link itself. */
const LINK_ROUTE: V6Route = { code: 'C', prefix: IPV6_UNSPECIFIED, len: 0, distance: 0, metric: 0 };

function route(
  out: V6Route[],
  code: Ipv6RouteCode,
  prefix: Ipv6Addr,
  len: number,
  distance: number,
  nextHop: Ipv6Addr | undefined,
  iface: L3Interface | undefined,
): void {
  out.push({
    code,
    prefix,
    len,
    distance,
    metric: 0,
    ...(nextHop !== undefined ? { nextHop } : {}),
    ...(iface !== undefined ? { iface } : {}),
  });
}

/** The same packet with another hop limit. */
function withHopLimit(p: Ipv6Packet, hopLimit: number): Ipv6Packet {
  return {
    proto: 'ipv6',
    dst: p.dst,
    src: p.src,
    hopLimit,
    nextHeader: p.nextHeader,
    payload: p.payload,
    trafficClass: p.trafficClass,
    flowLabel: p.flowLabel,
  };
}

function linkAddress(options: readonly NdpOption[], kind: 'source-mac' | 'target-mac'): MacAddr | undefined {
  for (const o of options) if (o.kind === kind) return o.mac;
  return undefined;
}

/** How many leading bits `a` and `b` share. */
function commonPrefixLength(a: Ipv6Addr, b: Ipv6Addr): number {
  const x = a ^ b;
  return x === 0n ? 128 : 128 - x.toString(2).length;
}

/**
 * Windows' random interface identifier, stable for an adapter (it keeps it across restarts):
 * here a 64-bit mix of its MAC address (SplitMix64's finalizer), so that saving and reopening a
 * network, or other devices' random choices, never change a PC's addresses.
 */
function stableRandomId(mac: number): bigint {
  const M = (1n << 64n) - 1n;
  let z = (BigInt(mac) + 0x9e37_79b9_7f4a_7c15n) & M;
  z = ((z ^ (z >> 30n)) * 0xbf58_476d_1ce4_e5b9n) & M;
  z = ((z ^ (z >> 27n)) * 0x94d0_49bb_1331_11ebn) & M;
  return z ^ (z >> 31n);
}
