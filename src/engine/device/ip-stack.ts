/**
 * The IPv4 layer shared by routers, switch SVIs and PCs (RFC 791, RFC 792, RFC 826, RFC 1812):
 * ARP, local delivery, echo replies, ICMP errors and, on routing devices, forwarding.
 *
 * - Forwarding: TTL check (time exceeded, RFC 1812 5.3.1), longest-prefix match, TTL
 *   decrement, ARP for the next hop. When nothing matches, IOS answers host unreachable (code
 *   1), not the net unreachable RFC 1812 5.2.7.1 asks for: its `debug ip icmp` then reads
 *   "ICMP: dst (x) host unreachable sent to y", a Windows ping "Destination host unreachable."
 *   and an IOS traceroute "!H".
 * - ICMP errors go out of the interface that leads back to the source, never about an ICMP
 *   error or a broadcast (RFC 1122 3.2.2). IOS sends at most one destination unreachable per
 *   500 ms, which is why an IOS ping shows "U.U.U" and an IOS traceroute to a router "!P * !P".
 * - UDP to a closed port gets port unreachable; every other protocol but ICMP gets protocol
 *   unreachable.
 * - ICMP redirects (redirects.ts): a router tells the source of what it routes back out of the
 *   interface it came in by to use the next hop directly; Windows hosts follow them.
 * - Proxy ARP (RFC 1027, IOS default): a routing device answers a request for an address it
 *   reaches through another interface by a route more specific than the default route.
 */

import type { StaticArp } from '../../shared/config.ts';
import type { DeviceId } from '../../shared/ids.ts';
import type { Micros } from '../../shared/time.ts';
import { seconds } from '../../shared/time.ts';
import type { ArpClearScope } from '../api.ts';
import { retaggedLen } from '../frame-size.ts';
import { arp, arpFrame, icmpEcho, icmpError, ipFrame, ipv4, udp, withTtl } from '../packets.ts';
import type { SimContext } from '../sim/context.ts';
import type { EventTarget, Scheduler } from '../sim/scheduler.ts';
import { Timer } from '../sim/timer.ts';
import type { DropReason } from '../trace.ts';
import type { ArpPacket } from '../wire/arp.ts';
import { ARP_REPLY, ARP_REQUEST } from '../wire/arp.ts';
import type { EthernetFrame } from '../wire/ethernet.ts';
import type { IcmpEcho, IcmpError } from '../wire/icmp.ts';
import { ICMP_REDIRECT, REDIRECT_HOST, UNREACH_ADMIN_PROHIBITED, UNREACH_HOST } from '../wire/icmp.ts';
import { carriesIcmpError, readQuote, withTypedTransport } from '../wire/icmp-error.ts';
import type { Ipv4Packet, Ipv4Payload } from '../wire/ipv4.ts';
import { IPPROTO_ICMP, IPPROTO_TCP, IPPROTO_UDP } from '../wire/ipv4.ts';
import type { Ipv6Packet } from '../wire/ipv6.ts';
import { IPPROTO_OSPF } from '../wire/ospf.ts';
import type { TcpSegment } from '../wire/tcp.ts';
import type { UdpDatagram } from '../wire/udp.ts';
import type { AclFilter } from './acl-filter.ts';
import type { AddressGuard, GuardedStack } from './address-guard.ts';
import type { ArpHost } from './arp-cache.ts';
import { ArpCache, BROADCAST_MAC } from './arp-cache.ts';
import type { DebugLog } from './debug-log.ts';
import { ForwardingCache } from './forwarding-cache.ts';
import {
  ETHERNET_MTU,
  exceedsMtu,
  fragment,
  isFragment,
  Reassembly,
  type ReassemblyHost,
} from './fragments.ts';
import type { Ipv6Stack } from './ipv6-stack.ts';
import type { L3Interface } from './l3-interface.ts';
import { ipv4MulticastMac } from './mac-util.ts';
import { NAT_INSIDE, NAT_OUTSIDE, type Nat } from './nat.ts';
import { OwnAddresses } from './own-addresses.ts';
import {
  EXCLUSIVE,
  echoInPlace,
  forwardInPlace,
  headerInPlace,
  OWNED,
  readdress,
  SHARED,
} from './ownership.ts';
import type { StackProfile } from './profiles.ts';
import { RedirectCache, redirectFor } from './redirects.ts';
import type { Route, StaticSpec } from './routing-table.ts';
import { RoutingTable } from './routing-table.ts';
import { TcpLayer, type TcpStack } from './tcp.ts';
import { IOS_TCP, WINDOWS_TCP } from './tcp-profile.ts';

/** No routes from a routing protocol. */
const NO_ROUTES: readonly Route[] = [];
/**
 * An application bound to a UDP port (the DHCP server, relay and client). `unaddressed`: it
 * also takes what arrives on an interface without an address (a DHCP client's offers).
 */
export interface UdpListener {
  readonly unaddressed: boolean;
  /** `from`: the MAC address the frame came from, -1 when not known (a reassembled datagram). */
  onUdp(iface: L3Interface, pkt: Ipv4Packet, datagram: UdpDatagram, from: number): void;
}

/** Receives what comes back for the probes of a ping or traceroute. */
export interface ProbeClient {
  onEchoReply(packet: Ipv4Packet, echo: IcmpEcho): void;
  onIcmpError(packet: Ipv4Packet, error: IcmpError, quoted: Ipv4Packet): void;
  /** ARP for the next hop failed (Windows reports it as unreachable from itself). */
  onArpFailure(quoted: Ipv4Packet): void;
}

export const SEND_OK = 0;
export const SEND_NO_ROUTE = 1;
export const SEND_NO_ADDRESS = 2;
export const SEND_INTERFACE_DOWN = 3;
/** Larger than the MTU, with Don't Fragment set. */
export const SEND_TOO_BIG = 4;
/** Windows: an address nothing can be sent to, such as the loopback network's own. */
export const SEND_GENERAL_FAILURE = 5;
export type SendStatus = 0 | 1 | 2 | 3 | 4 | 5;

const IPV4_BROADCAST = 0xffff_ffff;
/** What `hsrp.proxyMac` says of an interface without HSRP groups, and of one none is active on. */
const NO_HSRP = -1;
const HSRP_NOT_ACTIVE = -2;
const EV_LOOPBACK = 1;
/** How long fragments wait for the rest of their datagram (RFC 1122 3.3.2: 60 to 120 s). */
const REASSEMBLY_TIMEOUT = seconds(60);
/** What `lastAddr` holds for an interface without a usable address: its line up, or down. */
const LINE_UP = -2;
const LINE_DOWN = -1;
/** 127.0.0.0/8 (RFC 1122 3.2.1.3), by its first octet. */
const LOOPBACK_NET = 127;
/** 127.0.0.0, the loopback network's own address. */
const LOOPBACK_NETWORK = 0x7f00_0000;

/** Time exceeded's code for a datagram whose fragments did not all come (RFC 792). */
const TIME_EXCEEDED_REASSEMBLY = 1;

export class IpStack implements EventTarget, ArpHost, GuardedStack, ReassemblyHost, TcpStack {
  // What every datagram's path reads comes first, next to the object's header. (A constructor
  // parameter declared as a property would land after all the fields declared here.)
  private readonly ctx: SimContext;
  forwarding = false;
  /** Some interface has an access list applied (`aclIn`, `aclOut`): each datagram asks. */
  filtering = false;
  /** Network address translation (routers with `ip nat` configured; nat.ts), or null. */
  nat: Nat | null = null;
  /** Where recent destinations went: the route lookup and ARP resolution to repeat. */
  private readonly forwardingCache: ForwardingCache;
  /**
   * Its address when it has exactly one (a PC), -1 otherwise: every datagram a PC takes in or
   * sends asks whether it is for itself, and this answers without reading `own`.
   */
  private onlyAddr = -1;
  private readonly own = new OwnAddresses();
  readonly profile: StackProfile;
  /** The last EXCLUSIVE echo reply received, for the next echo request to reuse (ownership.ts). */
  private spare: EthernetFrame | null = null;
  /**
   * The first running ping or traceroute by echo identifier, held here so that a reply need not
   * read a Map (its object and its table, two more cache lines per echo); -1 and null when none.
   * `echoClients` holds the others.
   */
  private firstEchoId = -1;
  private firstEcho: ProbeClient | null = null;
  /**
   * IOS `debug ip icmp` and `debug arp` (made at the first `debug`). Here, among the fields an
   * echo reads, since answering or receiving one asks whether to report it.
   */
  debug: DebugLog | null = null;
  private readonly echoClients = new Map<number, ProbeClient>();
  private ipId: number;
  private echoSequence = 0;
  readonly deviceId: DeviceId;
  ifaces: readonly L3Interface[] = [];
  table = new RoutingTable();
  readonly arp: ArpCache;
  private statics: readonly StaticSpec[] = [];
  private dynamic: readonly Route[] = NO_ROUTES;
  private gateway: number | undefined = undefined;
  /** Address and length each interface had at the last reconfiguration (LINE_UP, LINE_DOWN: none usable). */
  private lastAddr = new Map<L3Interface, number>();
  private readonly udpClients = new Map<number, ProbeClient>();
  /** Applications bound to UDP ports (made at the first). */
  private udpListeners: Map<number, UdpListener> | null = null;
  private lastUnreachable = Number.NEGATIVE_INFINITY;
  /**
   * Windows' loopback interface: datagrams to 127.0.0.0/8 come back inside the host, whatever
   * its network interface's state. Null on IOS, which treats those as any other destination.
   */
  private loopback: L3Interface | null = null;
  /** Datagrams for this device still missing fragments, made at the first fragment. */
  private reassembly: Reassembly | null = null;
  /** Whether static ARP entries are installed (see `setStaticArps`). */
  private hasStaticArps = false;
  /** Destinations that ICMP redirects sent to another gateway (hosts; made at the first). */
  private redirects: RedirectCache | null = null;
  /** Guards its addresses against other stations using them (set by its device). */
  guard: AddressGuard | null = null;
  /** Its TCP connections and listening ports (made at the first use). */
  private tcpLayer: TcpLayer | null = null;
  /** HSRP groups (routers with `standby` configured; hsrp-groups.ts), for ARP; or null. */
  hsrp: {
    virtualMacFor(iface: L3Interface, target: number): number;
    proxyMac(iface: L3Interface): number;
  } | null = null;
  /** OSPF (routers with `router ospf` configured; ospf-router.ts), for its packets; or null. */
  ospf: { receive(iface: L3Interface, pkt: Ipv4Packet, srcMac: number): void } | null = null;
  /** Addresses held for HSRP groups while active, each with its interface. */
  private virtualAddrs: readonly (readonly [number, L3Interface])[] = [];
  /** Its IPv6 stack (ipv6-stack.ts), made when the device first has IPv6 configured. */
  v6: Ipv6Stack | null = null;

  constructor(deviceId: DeviceId, ctx: SimContext, profile: StackProfile) {
    this.ctx = ctx;
    this.profile = profile;
    this.deviceId = deviceId;
    this.forwardingCache = new ForwardingCache(ctx.tables);
    this.arp = new ArpCache(ctx, profile, this, this.forwardingCache);
    this.ipId = ctx.rng.int(0x10000);
  }

  get now(): number {
    return this.ctx.sched.now;
  }

  /** The simulation's scheduler, for the timers of the protocols running on this stack. */
  get sched(): Scheduler {
    return this.ctx.sched;
  }

  /** Answers 127.0.0.0/8 through `iface` (see `loopback`). */
  setLoopback(iface: L3Interface): void {
    this.loopback = iface;
  }

  /** The interface through which a datagram to `dst` stays inside this device, if it does. */
  private local(dst: number): L3Interface | undefined {
    const only = this.onlyAddr;
    // The arithmetic first: most datagrams leave, and need not read the field.
    return (
      (only < 0 || dst === only ? this.own.get(dst) : undefined) ??
      (dst >>> 24 === LOOPBACK_NET && this.loopback !== null ? this.loopback : undefined)
    );
  }

  /** Whether `a` is one of its addresses. */
  private mine(a: number): boolean {
    const only = this.onlyAddr;
    return only >= 0 ? a === only : this.own.has(a);
  }

  /** Its TCP connections end, as a restart ends them (listening ports stay). */
  resetTcp(): void {
    this.tcpLayer?.reset();
  }

  /** Its TCP endpoints. */
  get tcp(): TcpLayer {
    this.tcpLayer ??= new TcpLayer(this, this.profile.os === 'windows' ? WINDOWS_TCP : IOS_TCP);
    return this.tcpLayer;
  }

  /** The device is gone: its tables go back to the simulation's store. */
  release(): void {
    this.tcpLayer?.reset();
    this.forwardingCache.release();
  }

  /**
   * Installs the interfaces and routing inputs; flushes ARP entries of interfaces that changed.
   * Rebuilds nothing when nothing the IP layer sees has changed.
   */
  reconfigure(
    ifaces: readonly L3Interface[],
    forwarding: boolean,
    statics: readonly StaticSpec[],
    gateway: number | undefined,
    dynamic: readonly Route[] = NO_ROUTES,
  ): void {
    // Interfaces may have come up or gone down even when the routes stay the same.
    this.forwardingCache.invalidate();
    const addr = new Map<L3Interface, number>();
    for (const i of ifaces) addr.set(i, i.usable ? i.ip!.addr * 64 + i.ip!.len : i.up ? LINE_UP : LINE_DOWN);
    let same =
      forwarding === this.forwarding &&
      statics === this.statics &&
      dynamic === this.dynamic &&
      gateway === this.gateway &&
      ifaces.length === this.ifaces.length &&
      addr.size === this.lastAddr.size;
    for (let k = 0; same && k < ifaces.length; k++) same = ifaces[k] === this.ifaces[k];
    for (const [i, before] of this.lastAddr) {
      const now = addr.get(i);
      if (now === before) continue;
      same = false;
      // IOS asks its neighbours on an interface given another address again, from the new one
      // (`debug arp` on a 7200: "sent req src NEW ..., dst NEIGHBOUR MAC" for each, then the
      // flush); otherwise, and on any other change, the entries just go.
      if (this.profile.refreshesArpOnReaddress && before >= 0 && now !== undefined && now >= 0)
        this.arp.refreshAll(i);
      else this.arp.flushInterface(i);
    }
    if (same) return;
    this.redirects?.clear();
    const before = this.lastAddr;
    this.lastAddr = addr;
    this.ifaces = ifaces;
    this.forwarding = forwarding;
    this.statics = statics;
    this.dynamic = dynamic;
    this.gateway = gateway;
    this.own.reset(ifaces, this.virtualAddrs);
    this.onlyAddr = this.own.only;
    this.table = RoutingTable.build(ifaces, statics, gateway, this.profile.os === 'windows', dynamic);
    // Addresses that just came into use are announced, or probed for first (address-guard.ts).
    if (this.guard !== null) {
      for (const [i, a] of addr) {
        const was = before.get(i);
        if (a >= 0 && was !== a) this.guard.started(i, was !== undefined && was !== LINE_DOWN);
      }
    }
  }

  /** The addresses `setVirtual` gave it, each with its interface. */
  get virtualAddresses(): readonly (readonly [number, L3Interface])[] {
    return this.virtualAddrs;
  }

  /**
   * Addresses this device answers for besides its interfaces' (HSRP groups it is active for),
   * each with the interface that holds it.
   */
  setVirtual(addrs: readonly (readonly [number, L3Interface])[]): void {
    this.virtualAddrs = addrs;
    this.own.reset(this.ifaces, addrs);
    this.onlyAddr = this.own.only;
    // The forwarding cache holds none of our addresses.
    this.forwardingCache.invalidate();
  }

  /**
   * The static ARP entries (`arp ...`), each on the usable interface whose subnet holds its
   * address; one that no interface covers waits for one.
   */
  setStaticArps(entries: readonly StaticArp[]): void {
    if (entries.length === 0 && !this.hasStaticArps) return;
    this.hasStaticArps = entries.length > 0;
    this.arp.setStatics(
      entries.flatMap((e) => {
        const iface = this.ifaces.find((i) => i.usable && ((e.ip ^ i.net) & i.mask) === 0);
        return iface === undefined ? [] : [{ ip: e.ip, mac: e.mac, iface }];
      }),
    );
  }

  /** IOS `clear arp-cache` (see the simulation's `clearArpCache`). */
  clearArpCache(scope: ArpClearScope | undefined): void {
    let iface: L3Interface | null | undefined = null;
    if (scope !== undefined && 'ip' in scope) {
      iface = this.arp.interfaceOf(scope.ip);
      if (iface === undefined) return;
      this.arp.refresh(scope.ip);
    } else {
      if (scope !== undefined) iface = this.ifaces.find((i) => i.name === scope.iface);
      if (iface === undefined) return;
      this.arp.refreshAll(iface);
    }
    for (const i of this.ifaces) if ((iface === null || i === iface) && i.usable) this.guard?.announce(i);
  }

  isOwn(a: number): boolean {
    return this.mine(a);
  }

  /** Windows numbers echo requests with one counter for the whole machine. */
  nextEchoSequence(): number {
    this.echoSequence = (this.echoSequence + 1) & 0xffff;
    return this.echoSequence;
  }

  randomInt(n: number): number {
    return this.ctx.rng.int(n);
  }

  /** A timer for an application running on this stack. */
  timer(target: EventTarget, code: number): Timer {
    return new Timer(this.ctx.sched, target, code);
  }

  /**
   * Schedules a one-shot event `delay` microseconds from now (a whole number) for an
   * application running on this stack.
   */
  scheduleIn(delay: number, target: EventTarget, code: number, token: number): void {
    this.ctx.sched.atIn(delay, target, code, null, token, 0);
  }

  nextId(): number {
    this.ipId = (this.ipId + 1) & 0xffff;
    return this.ipId;
  }

  // ---- receive ---------------------------------------------------------------------------

  /**
   * A frame for `iface`, owned or not (see ownership.ts), `len` bytes long on the wire without
   * an 802.1Q tag (-1: not known).
   */
  receive(iface: L3Interface, frame: EthernetFrame, frameId: number, owned: number, len = -1): void {
    const p = frame.payload;
    if (!iface.usable) {
      if (p.proto === 'ipv6') this.receive6(iface, frame, frameId);
      else if (!this.receiveUnaddressed(iface, p, frame.src)) this.drop(frameId, 'not-for-us', iface.name);
      return;
    }
    if (p.proto === 'ipv4') this.receiveIp(iface, frame, p, frameId, owned, len);
    else if (p.proto === 'arp') this.receiveArp(iface, p, frameId);
    else if (p.proto === 'ipv6') this.receive6(iface, frame, frameId);
    else this.drop(frameId, 'no-listener', iface.name);
  }

  /** An IPv6 packet: for the device's IPv6 stack, if it runs one (an interface needs no IPv4 address for it). */
  private receive6(iface: L3Interface, frame: EthernetFrame, frameId: number): void {
    if (this.v6 === null) this.drop(frameId, 'no-listener', iface.name);
    else this.v6.receive(iface, frame, frame.payload as Ipv6Packet, frameId);
  }

  /**
   * What an interface takes that is not for its address, or comes while it has none: UDP for a
   * listener that wants it.
   */
  private receiveUnaddressed(iface: L3Interface, p: EthernetFrame['payload'], from: number): boolean {
    if (this.udpListeners === null || !iface.up || p.proto !== 'ipv4') return false;
    const m = p.payload;
    if (p.protocol !== IPPROTO_UDP || m.proto !== 'udp' || p.badChecksum !== undefined) return false;
    const listener = this.udpListeners.get(m.dstPort);
    if (listener === undefined || !listener.unaddressed) return false;
    listener.onUdp(iface, p, m, from);
    return true;
  }

  private receiveIp(
    iface: L3Interface,
    frame: EthernetFrame,
    pkt: Ipv4Packet,
    frameId: number,
    owned: number,
    len: number,
  ): void {
    if (pkt.badChecksum !== undefined) {
      this.drop(frameId, 'bad-checksum', iface.name);
      return;
    }
    // An inbound list sees everything that comes in, for this device or through it, first.
    if (this.filtering && iface.aclIn !== null && !this.admits(iface.aclIn, iface, iface, pkt, frameId))
      return;
    // NAT's outside-to-inside translation comes after the inbound list, before routing. The
    // errors this router sends about the datagram quote it as it came.
    const arrived = pkt;
    if (this.nat !== null && iface.natSide === NAT_OUTSIDE) {
      const translated = this.nat.fromOutside(pkt);
      if (translated !== pkt) {
        pkt = translated;
        owned = SHARED;
      } else if (this.nat.isStaticGlobal(pkt.dst)) {
        // An alias of the router that no translation took (a port translation's address).
        this.deliverLocal(iface, frame, pkt, frameId, owned);
        return;
      }
    }
    const dst = pkt.dst;
    // A destination in the forwarding cache is none of our addresses (it forgets everything
    // when they change), which spares a router looking them up for what it forwards.
    const cached = this.forwarding ? this.forwardingCache.find(dst, this.ctx.sched) : -1;
    if (dst === IPV4_BROADCAST || dst === iface.bcast || (cached < 0 && this.mine(dst))) {
      this.deliverLocal(iface, frame, pkt, frameId, owned);
      return;
    }
    // A router routes no multicast (nor class E) by its unicast routes: IOS needs `ip
    // multicast-routing` for that, which Trame does not simulate.
    if (!this.forwarding || dst >>> 28 >= 0xe) {
      // OSPF's packets to 224.0.0.5 and 224.0.0.6 (the process checks which it listens to).
      if (pkt.protocol === IPPROTO_OSPF && this.ospf !== null && dst >>> 28 === 0xe) {
        this.ospf.receive(iface, pkt, frame.src);
        return;
      }
      // A DHCP offer to the address a server is about to lease comes before this host has it.
      if (!this.receiveUnaddressed(iface, pkt, frame.src)) this.drop(frameId, 'not-for-us', iface.name);
      return;
    }
    if (pkt.ttl <= 1) {
      this.drop(frameId, 'ttl-expired', iface.name);
      this.sendIcmpError(arrived, 11, 0);
      return;
    }
    const ctx = this.ctx;
    if (cached >= 0) {
      const out = this.forwardingCache.iface(cached);
      if (this.nat !== null) {
        const translated = this.translateOut(pkt, iface, out, frameId);
        if (translated === null) return;
        if (translated !== pkt) {
          pkt = translated;
          owned = SHARED;
        }
      }
      if (this.filtering && out.aclOut !== null && !this.admits(out.aclOut, iface, out, pkt, frameId)) return;
      ctx.routed++;
      // Back out of the interface it came by, it may get a redirect, which quotes it as it came.
      if (out === iface && iface.redirects && this.redirect(iface, pkt, this.nextHopOf(dst)!)) owned = SHARED;
      const outId = ctx.nextFrameId();
      if (ctx.trace.enabled) this.traceForward(frameId, iface, out, outId);
      if (owned !== SHARED && !ctx.observed()) {
        ctx.routedInPlace++;
        forwardInPlace(frame, pkt, this.forwardingCache.mac(cached), out.mac, out.tag);
        // Same datagram, other tag: its length follows without counting the ICMP message again.
        const outLen = len < 0 ? -1 : retaggedLen(frame, len, false, out.tag !== undefined);
        out.owner.transmitL3(out, frame, outId, owned, outLen);
      } else this.transmitCached(cached, withTtl(pkt, pkt.ttl - 1), outId, OWNED);
      return;
    }
    const routes = this.table.lookup(dst);
    const route = this.pick(routes, pkt);
    if (route === undefined || route.iface.discard) {
      // IOS answers both with host unreachable, unless `no ip unreachables` on the interface
      // the packet came in on, or on Null0.
      this.drop(frameId, route === undefined ? 'no-route' : 'null-route', iface.name);
      if (iface.unreachables && (route === undefined || route.iface.unreachables))
        this.sendIcmpError(arrived, 3, UNREACH_HOST);
      return;
    }
    const out = route.iface;
    if (this.nat !== null) {
      const translated = this.translateOut(pkt, iface, out, frameId);
      if (translated === null) return;
      pkt = translated;
    }
    if (this.filtering && out.aclOut !== null && !this.admits(out.aclOut, iface, out, pkt, frameId)) return;
    if (out === iface) this.redirect(iface, pkt, route.gateway ?? dst);
    ctx.routed++;
    const outId = ctx.nextFrameId();
    if (ctx.trace.enabled) this.traceForward(frameId, iface, route.iface, outId);
    // A copy: the redirect quotes the datagram as it came.
    this.outputVia(routes!, route, dst, withTtl(pkt, pkt.ttl - 1), outId);
  }

  /**
   * NAT's inside-to-outside translation of `pkt`, routed from `from` out of `to` (after routing,
   * before the outbound list): `pkt` itself when nothing translates it, null when it should be
   * and cannot (dropped here).
   */
  private translateOut(
    pkt: Ipv4Packet,
    from: L3Interface,
    to: L3Interface,
    frameId: number,
  ): Ipv4Packet | null {
    if (to.natSide !== NAT_OUTSIDE || from.natSide !== NAT_INSIDE) return pkt;
    const translated = this.nat!.toOutside(pkt);
    if (translated === null) {
      // IOS: `buginf("\nNAT: translation failed (A), dropping packet s=%i d=%i")`, then
      // `send_unreachable(pak, ICMP_UNRHOST)`; an IOL capture shows the host's "% Destination
      // unreachable" once the pool is used up.
      this.drop(frameId, 'nat-failed', from.name);
      if (this.debug?.nat) this.debug.natFailed(pkt.src, pkt.dst);
      if (from.unreachables) this.sendIcmpError(pkt, 3, UNREACH_HOST);
    }
    return translated;
  }

  /**
   * Whether `filter`, applied on `at`, lets `pkt` (come in on `from`) through. What it denies
   * is dropped and answered with an administratively prohibited unreachable, as IOS does
   * unless `no ip unreachables` is set where the datagram came in.
   */
  private admits(
    filter: AclFilter,
    from: L3Interface,
    at: L3Interface,
    pkt: Ipv4Packet,
    frameId: number,
  ): boolean {
    if (filter.permits(pkt)) return true;
    this.drop(frameId, 'acl-denied', at.name);
    if (from.unreachables) this.sendIcmpError(pkt, 3, UNREACH_ADMIN_PROHIBITED);
    return false;
  }

  private traceForward(frameId: number, from: L3Interface, to: L3Interface, outId: number): void {
    const trace = this.ctx.trace;
    trace.emit({
      t: this.now as Micros,
      seq: trace.nextSeq(),
      device: this.deviceId,
      kind: 'forward',
      frameId,
      from: from.name,
      to: [to.name],
      outFrameId: outId,
    });
  }

  /** `frame`: the frame `pkt` came in, or null when it looped back inside the device. */
  private deliverLocal(
    iface: L3Interface,
    frame: EthernetFrame | null,
    pkt: Ipv4Packet,
    frameId: number,
    owned: number,
  ): void {
    if (isFragment(pkt)) {
      this.reassembly ??= new Reassembly(REASSEMBLY_TIMEOUT, this);
      const whole = this.reassembly.add(pkt);
      if (whole !== null) this.deliverLocal(iface, null, whole, frameId, SHARED);
      return;
    }
    const m = pkt.payload;
    if (pkt.protocol === IPPROTO_ICMP && m.proto === 'icmp') {
      if ('other' in m) {
        this.drop(frameId, 'no-listener', iface.name);
        return;
      }
      if (m.type === 8) {
        const broadcast = pkt.dst === IPV4_BROADCAST || pkt.dst === iface.bcast;
        if (broadcast && !this.profile.answersBroadcastPing) return;
        const src = broadcast ? iface.ip!.addr : pkt.dst;
        if (this.debug?.icmp) this.debug.icmpMessage(true, 0, 0, src, pkt.src);
        const e = m as IcmpEcho;
        if (owned !== SHARED && !this.ctx.observed()) {
          let reply = e;
          if (owned === EXCLUSIVE) echoInPlace(e, 0, e.identifier, e.sequence, e.data);
          else reply = icmpEcho(0, e.identifier, e.sequence, e.data);
          headerInPlace(pkt, reply, src, pkt.src, this.profile.ttl, this.nextId());
          this.send(pkt, EXCLUSIVE, owned === EXCLUSIVE ? frame : null);
          return;
        }
        this.send(
          ipv4(
            src,
            pkt.src,
            this.profile.ttl,
            IPPROTO_ICMP,
            this.nextId(),
            icmpEcho(0, e.identifier, e.sequence, e.data),
          ),
        );
        return;
      }
      if (m.type === 0) {
        if (this.debug?.icmp) this.debug.icmpMessage(false, 0, 0, pkt.src, pkt.dst);
        const e = m as IcmpEcho;
        const client = this.echoClient(e.identifier);
        if (client === undefined) this.drop(frameId, 'no-listener', iface.name);
        else {
          client.onEchoReply(pkt, e);
          if (owned === EXCLUSIVE) this.spare = frame;
        }
        return;
      }
      if (m.type === 5) {
        this.takeRedirect(iface, pkt, m as IcmpError);
        return;
      }
      if (m.type === 3 || m.type === 11) {
        const err = m as IcmpError;
        if (this.debug?.icmp) this.debug.icmpMessage(false, err.type, err.code, pkt.src, pkt.dst);
        if (err.original instanceof Uint8Array) return;
        const q = withTypedTransport(err.original);
        if (q.protocol === IPPROTO_TCP) {
          this.tcpLayer?.icmpError(q, err);
          return;
        }
        const client = this.clientOf(q);
        if (client === undefined) this.drop(frameId, 'no-listener', iface.name);
        else client.onIcmpError(pkt, err, q);
      }
      return;
    }
    if (pkt.protocol === IPPROTO_TCP && m.proto === 'tcp') {
      // A segment for no connection is answered there (a reset), or dropped by the firewall.
      if (!this.tcp.receive(pkt, m)) this.drop(frameId, 'no-listener', iface.name);
      return;
    }
    if (pkt.protocol === IPPROTO_OSPF && this.ospf !== null) {
      this.ospf.receive(iface, pkt, frame === null ? -1 : frame.src);
      return;
    }
    if (pkt.protocol === IPPROTO_UDP && m.proto === 'udp') {
      const listener = this.udpListeners?.get(m.dstPort);
      if (listener !== undefined) {
        listener.onUdp(iface, pkt, m, frame === null ? -1 : frame.src);
        return;
      }
    }
    const answer = iface.unreachables && pkt.dst !== IPV4_BROADCAST && pkt.dst !== iface.bcast;
    this.drop(frameId, 'no-listener', iface.name);
    if (answer)
      this.sendIcmpError(pkt, 3, pkt.protocol === IPPROTO_UDP && m.proto === 'udp' ? 3 : 2, pkt.dst);
  }

  /** The ping or traceroute that sent `quoted` (the datagram an ICMP error or ARP failure is about). */
  private clientOf(quoted: Ipv4Packet): ProbeClient | undefined {
    const p = quoted.payload;
    if (p.proto === 'icmp' && p.type === 8 && !('other' in p))
      return this.echoClient((p as IcmpEcho).identifier);
    if (p.proto === 'udp') return this.udpClients.get(p.srcPort);
    return undefined;
  }

  private receiveArp(iface: L3Interface, a: ArpPacket, frameId: number): void {
    const own = iface.ip!.addr;
    // Another station using our address, or probing for it (RFC 5227); our own frames coming
    // back (a loop) are not that.
    const debug = this.debug?.arp ? this.debug : null;
    if ((a.senderIp === own || (a.senderIp === 0 && a.targetIp === own)) && a.senderMac !== iface.mac) {
      debug?.arpPacket('rcvd', a.op === ARP_REQUEST, a, iface);
      this.guardAddress(iface, a);
      return;
    }
    // IOS ignores ARP from outside the interface's subnet ("wrong cable"), except the answer
    // to its own request: a route out of an Ethernet interface with no next hop makes it ARP
    // for remote destinations, and proxy ARP answers for them (RFC 1027).
    if (
      a.senderIp === 0 ||
      a.senderIp === own ||
      (this.profile.arpSubnetCheck && !iface.onLink(a.senderIp) && !this.arp.has(a.senderIp, iface))
    ) {
      // IOS names its own frames come back ("it's our address") and strangers ("wrong cable").
      if (debug !== null && a.senderIp !== 0)
        debug.arpPacket(
          'filtered',
          a.op === ARP_REQUEST,
          a,
          iface,
          a.senderIp === own ? "it's our address" : 'wrong cable',
        );
      this.drop(frameId, 'not-for-us', iface.name);
      return;
    }
    // A request we answer (for us, or by proxy ARP, RFC 1027) also teaches us its sender.
    // An HSRP group's address, while active for it, is answered with the group's MAC; on an
    // interface with HSRP, proxy ARP answers only while a group is active there, from its MAC.
    const hsrp = a.op === ARP_REQUEST ? this.hsrp : null;
    const virtualMac = hsrp === null ? -1 : hsrp.virtualMacFor(iface, a.targetIp);
    const proxyMac = hsrp === null ? NO_HSRP : hsrp.proxyMac(iface);
    const proxied =
      this.forwarding && iface.proxyArp && proxyMac !== HSRP_NOT_ACTIVE && this.proxies(iface, a.targetIp);
    const answer =
      a.op === ARP_REQUEST &&
      (a.targetIp === own ||
        virtualMac >= 0 ||
        proxied ||
        (this.nat !== null && iface.natSide === NAT_OUTSIDE && this.nat.answersArp(iface, a.targetIp)));
    const known = debug === null || this.arp.holds(a.senderIp);
    debug?.arpPacket('rcvd', a.op === ARP_REQUEST, a, iface);
    const learned = this.arp.learn(iface, a.senderIp, a.senderMac, a.targetIp === own || answer);
    if (!known && learned) debug!.arpEntry('created', a.senderIp, iface, a.senderMac);
    const trace = this.ctx.trace;
    if (a.op === ARP_REPLY && learned && trace.enabled) {
      trace.emit({
        t: this.now as Micros,
        seq: trace.nextSeq(),
        device: this.deviceId,
        kind: 'arp-reply',
        ip: a.senderIp,
        mac: a.senderMac,
      });
    }
    if (answer)
      this.sendArp(
        iface,
        ARP_REPLY,
        a.targetIp,
        a.senderMac,
        a.senderIp,
        a.senderMac,
        virtualMac >= 0 ? virtualMac : a.targetIp !== own && proxied && proxyMac >= 0 ? proxyMac : -1,
      );
  }

  /**
   * ARP from another station with `iface`'s address as its sender (a claim), or a probe for it
   * (sender 0.0.0.0, RFC 5227), which is answered unless the guard finds that a conflict.
   */
  private guardAddress(iface: L3Interface, a: ArpPacket): void {
    const guard = this.guard;
    if (a.senderIp !== 0) {
      guard?.claimed(iface, a.senderMac);
    } else if (a.op === ARP_REQUEST && (guard === null || guard.probed(iface, a.senderMac))) {
      this.sendArp(iface, ARP_REPLY, iface.ip!.addr, a.senderMac, 0, a.senderMac);
    }
  }

  private proxies(iface: L3Interface, target: number): boolean {
    const r = this.table.lookup(target)?.[0];
    return r !== undefined && r.len > 0 && r.iface !== iface;
  }

  // ---- send ------------------------------------------------------------------------------

  /** Why nothing can be sent to `dst`, or SEND_OK. */
  checkRoute(dst: number): SendStatus {
    if (this.mine(dst) || this.table.lookup(dst) !== undefined || this.linkForAll() !== null) return SEND_OK;
    if (this.groupLink(dst) !== undefined) return SEND_OK;
    if (this.ifaces.some((i) => i.usable)) return SEND_NO_ROUTE;
    if (this.ifaces.some((i) => i.ip !== undefined)) return SEND_INTERFACE_DOWN;
    return SEND_NO_ADDRESS;
  }

  /**
   * Originates a datagram (its source already chosen). It leaves in an owned frame, so routers
   * may change it on its way: pass a datagram nobody else keeps (ownership.ts). An echo whose
   * message is ours alone too may leave EXCLUSIVE (`owned`), in `frame` when that is ours alone
   * as well (the request it answers) and its next hop is cached.
   */
  send(pkt: Ipv4Packet, owned = OWNED, frame: EthernetFrame | null = null): SendStatus {
    const dst = pkt.dst;
    if (this.local(dst) !== undefined) {
      this.ctx.sched.at(this.now, this, EV_LOOPBACK, pkt, 0, 0);
      return SEND_OK;
    }
    // A fragment's payload is raw, and fits: only whole messages can be too large.
    if (pkt.payload.proto !== 'raw' && exceedsMtu(pkt.payload)) return this.sendLarge(pkt);
    const cached = this.forwardingCache.find(dst, this.ctx.sched);
    if (cached >= 0) {
      const frameId = this.ctx.nextFrameId();
      if (frame === null) this.transmitCached(cached, pkt, frameId, owned);
      else this.transmitInPlace(cached, frame, frameId, owned);
      return SEND_OK;
    }
    const routes = this.table.lookup(dst);
    const detour = this.detour(dst, routes);
    if (detour !== undefined) {
      this.output(detour.iface, detour.gateway, pkt, this.ctx.nextFrameId());
      return SEND_OK;
    }
    const route = this.pick(routes, pkt);
    if (route === undefined) return this.checkRoute(dst);
    this.outputVia(routes!, route, dst, pkt, this.ctx.nextFrameId());
    return SEND_OK;
  }

  /**
   * Where `dst` goes other than by its routes (`routes`): to the gateway an ICMP redirect named
   * (a Windows host), straight to a multicast group on a Windows host's link (`groupLink`), or,
   * with no route, straight to it on the link of an IOS device that neither routes nor has a
   * default gateway. Undefined when none applies.
   */
  private detour(
    dst: number,
    routes: Route[] | undefined,
  ): { readonly iface: L3Interface; readonly gateway: number } | undefined {
    const redirected = this.redirects?.find(dst, this.now);
    if (redirected !== undefined) return redirected;
    const group = this.groupLink(dst);
    if (group !== undefined) return { iface: group, gateway: dst };
    if (routes !== undefined || dst === 0) return undefined;
    const link = this.linkForAll();
    return link === null ? undefined : { iface: link, gateway: dst };
  }

  /**
   * The interface a datagram to multicast group `dst` leaves by, straight to the group's MAC
   * address: a Windows host's adapter while it is usable, as its on-link route to 224.0.0.0/4
   * says (`route print`). Undefined when `dst` is no group or that does not apply.
   */
  private groupLink(dst: number): L3Interface | undefined {
    if (dst >>> 28 !== 0xe || this.profile.os !== 'windows') return undefined;
    return this.ifaces.find((i) => i.usable);
  }

  /**
   * The interface an IOS device that neither routes nor has a default gateway sends every
   * unrouted destination out of, ARPing for it (profiles.ts): its first usable one. Null when
   * that does not apply.
   */
  private linkForAll(): L3Interface | null {
    if (!this.profile.allLocalWithoutGateway || this.forwarding || this.gateway !== undefined) return null;
    return this.ifaces.find((i) => i.usable && !i.name.startsWith('Loopback')) ?? null;
  }

  onEvent(_code: number, a: unknown): void {
    const pkt = a as Ipv4Packet;
    const iface = this.local(pkt.dst);
    if (iface !== undefined) this.deliverLocal(iface, null, pkt, 0, SHARED);
  }

  private pick(routes: Route[] | undefined, pkt: Ipv4Packet): Route | undefined {
    if (routes === undefined) return undefined;
    if (routes.length === 1) return routes[0];
    return this.pickFor(routes, pkt.src, pkt.dst);
  }

  /** Per source-destination load sharing, as CEF does by default. */
  private pickFor(routes: Route[], src: number, dst: number): Route {
    return routes[((src ^ dst) >>> 0) % routes.length]!;
  }

  /** The route a datagram this device sends from `source` (its first route's interface's if none) takes. */
  private routeFrom(routes: Route[], source: number | undefined, dst: number): Route {
    return routes.length === 1
      ? routes[0]!
      : this.pickFor(routes, source ?? routes[0]!.iface.ip?.addr ?? 0, dst);
  }

  /**
   * Sends `pkt` for `dst` along `route`, one of `routes` (its best routes). With a single route
   * every datagram to `dst` goes the same way: the forwarding cache remembers it.
   */
  private outputVia(
    routes: readonly Route[],
    route: Route,
    dst: number,
    pkt: Ipv4Packet,
    frameId: number,
  ): void {
    this.output(route.iface, route.gateway ?? dst, pkt, frameId, routes.length === 1 ? dst : -1);
  }

  /**
   * Sends `pkt` to `nextHop` out of `iface`. When `cacheAs` is a destination (not -1) and ARP
   * found the next hop, the forwarding cache learns that `cacheAs` goes there (before sending,
   * which may change what it derives from).
   */
  private output(iface: L3Interface, nextHop: number, pkt: Ipv4Packet, frameId: number, cacheAs = -1): void {
    if (iface.discard) {
      this.drop(frameId, 'null-route', iface.name);
      return;
    }
    if (!iface.usable) {
      this.drop(frameId, 'port-down', iface.name);
      return;
    }
    let mac: number;
    if (nextHop === IPV4_BROADCAST || (nextHop === iface.bcast && iface.ip!.len < 31)) mac = BROADCAST_MAC;
    else if (nextHop >>> 28 === 0xe) mac = ipv4MulticastMac(nextHop);
    else {
      mac = this.arp.resolve(iface, nextHop, pkt, frameId);
      if (mac < 0) return;
      if (cacheAs >= 0) this.forwardingCache.record(cacheAs, iface, mac, this.arp.usableUntil(nextHop));
    }
    this.transmit(iface, mac, pkt, frameId);
  }

  /**
   * `transmit` to the next hop in slot `slot` of the forwarding cache. It takes the slot, not the
   * MAC address: a 48-bit number passed to a call the compiler does not inline is boxed.
   */
  private transmitCached(slot: number, pkt: Ipv4Packet, frameId: number, owned: number): void {
    const iface = this.forwardingCache.iface(slot);
    iface.owner.transmitL3(
      iface,
      ipFrame(this.forwardingCache.mac(slot) as never, iface.mac, iface.tag, pkt),
      frameId,
      owned,
    );
  }

  /** `transmitCached` for a frame of ours alone, readdressed rather than built. */
  private transmitInPlace(slot: number, frame: EthernetFrame, frameId: number, owned: number): void {
    const iface = this.forwardingCache.iface(slot);
    readdress(frame, this.forwardingCache.mac(slot), iface.mac, iface.tag);
    iface.owner.transmitL3(iface, frame, frameId, owned);
  }

  /** Frames `pkt` for `mac` and hands it to the device to send from `iface`. */
  private transmit(iface: L3Interface, mac: number, pkt: Ipv4Packet, frameId: number): void {
    iface.owner.transmitL3(iface, ipFrame(mac as never, iface.mac, iface.tag, pkt), frameId, OWNED);
  }

  /**
   * Tells the source of `pkt`, routed back out of `iface`, to use `nextHop`, if IOS would
   * (redirects.ts). Returns whether it did.
   */
  private redirect(iface: L3Interface, pkt: Ipv4Packet, nextHop: number): boolean {
    const msg = redirectFor(iface, pkt, nextHop, this.profile.ttl, () => this.nextId());
    if (msg === undefined) return false;
    if (this.debug?.icmp)
      this.debug.icmpMessage(true, ICMP_REDIRECT, REDIRECT_HOST, msg.src, pkt.src, pkt.dst, nextHop);
    this.output(iface, pkt.src, msg, this.ctx.nextFrameId());
    return true;
  }

  /**
   * A redirect for a datagram this host sent: a host that honours them sends the destination
   * to the gateway it names from now on, if it checks out (redirects.ts).
   */
  private takeRedirect(iface: L3Interface, pkt: Ipv4Packet, m: IcmpError): void {
    const q = readQuote(m.original);
    if (!q.ok || !this.mine(q.value.src)) return;
    const dst = q.value.dst;
    // IOS reports a redirect about a datagram of its own, then ignores it.
    if (this.debug?.icmp) this.debug.icmpMessage(false, m.type, m.code, pkt.src, pkt.dst, dst, m.rest);
    if (this.forwarding || !this.profile.honoursRedirects) return;
    this.redirects ??= new RedirectCache();
    const firstHop = this.redirects.find(dst, this.now)?.gateway ?? this.nextHopOf(dst);
    if (this.redirects.learn(iface, pkt.src, dst, m.rest, firstHop, this.now))
      this.forwardingCache.invalidate();
  }

  /** The neighbour a datagram to `dst` goes to by the routing table, if any. */
  private nextHopOf(dst: number): number | undefined {
    const route = this.table.lookup(dst)?.[0];
    return route === undefined ? undefined : (route.gateway ?? dst);
  }

  /** The datagram whose first fragment is `first` was not reassembled in time (fragments.ts). */
  reassemblyTimedOut(first: Ipv4Packet): void {
    this.sendIcmpError(first, 11, TIME_EXCEEDED_REASSEMBLY);
  }

  /**
   * ICMP error about `orig`, unless RFC 1122 or the rate limit forbids it. It leaves from the
   * interface that leads back to the source, with that interface's address, except for errors
   * about datagrams addressed to us (port unreachable), which come from the address they
   * targeted, so a traceroute to a loopback ends on the loopback.
   */
  private sendIcmpError(orig: Ipv4Packet, type: 3 | 11, code: number, from?: number): void {
    if (carriesIcmpError(orig)) return;
    const src = orig.src;
    if (src === 0 || src === IPV4_BROADCAST || src >>> 28 === 0xe || orig.dst >>> 28 === 0xe) return;
    if (type === 3 && this.profile.unreachableInterval > 0) {
      if (this.now - this.lastUnreachable < this.profile.unreachableInterval) return;
      this.lastUnreachable = this.now;
    }
    // About a datagram this device sent itself (a traceroute to its own address), the error
    // comes back inside it, as the datagram did.
    const local = this.local(src) !== undefined;
    const route = local ? undefined : this.pick(this.table.lookup(src), orig);
    const link = local || route !== undefined ? null : this.linkForAll();
    if (!local && route === undefined && link === null) return;
    const msg = ipv4(
      from ?? (link !== null ? link.ip!.addr : route === undefined ? src : route.iface.ip!.addr),
      src,
      this.profile.ttl,
      IPPROTO_ICMP,
      this.nextId(),
      icmpError(type, code, orig),
    );
    if (this.debug?.icmp) this.debug.icmpMessage(true, type, code, msg.src, src, orig.dst);
    if (link !== null) this.output(link, src, msg, this.ctx.nextFrameId());
    else if (route === undefined) this.ctx.sched.at(this.now, this, EV_LOOPBACK, msg, 0, 0);
    else this.output(route.iface, route.gateway ?? src, msg, this.ctx.nextFrameId());
  }

  // ---- ArpHost ---------------------------------------------------------------------------

  sendArpRequest(iface: L3Interface, target: number, unicastTo: number): void {
    const targetMac = unicastTo !== BROADCAST_MAC && this.profile.namesUnicastTarget ? unicastTo : 0;
    if (iface.usable) this.sendArp(iface, ARP_REQUEST, iface.ip!.addr, targetMac, target, unicastTo);
  }

  // ---- GuardedStack ----------------------------------------------------------------------

  /** `from`: the sender's MAC address when it is not the interface's (an HSRP group's), else -1. */
  sendArp(
    iface: L3Interface,
    op: number,
    senderIp: number,
    targetMac: number,
    targetIp: number,
    to: number,
    from = -1,
  ): void {
    if (!iface.usable) return;
    const trace = this.ctx.trace;
    if (op === ARP_REQUEST && trace.enabled) {
      trace.emit({
        t: this.now as Micros,
        seq: trace.nextSeq(),
        device: this.deviceId,
        kind: 'arp-request',
        target: targetIp as never,
      });
    }
    const mac = from >= 0 ? (from as typeof iface.mac) : iface.mac;
    const packet = arp(op, mac, senderIp, targetMac as never, targetIp);
    iface.arpOut++;
    if (this.debug?.arp) this.debug.arpPacket('sent', op === ARP_REQUEST, packet, iface);
    iface.owner.transmitL3(
      iface,
      arpFrame(to as never, mac, iface.tag, packet),
      this.ctx.nextFrameId(),
      SHARED,
    );
  }

  sendResolved(iface: L3Interface, mac: number, packet: Ipv4Packet, frameId: number): void {
    if (!iface.usable) {
      this.drop(frameId, 'port-down', iface.name);
      return;
    }
    iface.owner.transmitL3(iface, ipFrame(mac as never, iface.mac, iface.tag, packet), frameId, OWNED);
  }

  dropUnresolved(packet: Ipv4Packet, frameId: number, failed: boolean, queueFull: boolean): void {
    this.drop(frameId, failed ? 'arp-timeout' : queueFull ? 'arp-queue-full' : 'arp-incomplete');
    if (failed && this.profile.reportsArpFailure && this.mine(packet.src)) {
      if (packet.protocol === IPPROTO_TCP) this.tcpLayer?.icmpError(packet, null);
      else this.clientOf(packet)?.onArpFailure(packet);
    }
  }

  // ---- probe clients ---------------------------------------------------------------------

  registerEcho(identifier: number, client: ProbeClient): void {
    if (this.firstEchoId < 0) {
      this.firstEchoId = identifier;
      this.firstEcho = client;
    } else this.echoClients.set(identifier, client);
  }
  unregisterEcho(identifier: number, client: ProbeClient): void {
    if (this.firstEchoId === identifier && this.firstEcho === client) {
      this.firstEchoId = -1;
      this.firstEcho = null;
    } else if (this.echoClients.get(identifier) === client) this.echoClients.delete(identifier);
  }
  hasEchoClient(identifier: number): boolean {
    return this.echoClient(identifier) !== undefined;
  }
  private echoClient(identifier: number): ProbeClient | undefined {
    return identifier === this.firstEchoId ? this.firstEcho! : this.echoClients.get(identifier);
  }
  registerUdp(port: number, client: ProbeClient): void {
    this.udpClients.set(port, client);
  }
  unregisterUdp(port: number, client: ProbeClient): void {
    if (this.udpClients.get(port) === client) this.udpClients.delete(port);
  }
  hasUdpClient(port: number): boolean {
    return this.udpClients.has(port);
  }

  /** Binds `listener` to UDP port `port`, or unbinds the port (null). */
  listenUdp(port: number, listener: UdpListener | null): void {
    if (listener === null) {
      this.udpListeners?.delete(port);
      return;
    }
    this.udpListeners ??= new Map();
    this.udpListeners.set(port, listener);
  }

  /**
   * Sends `pkt` out of `iface` to `mac` as it is, whatever the routes and ARP say: what a DHCP
   * client sends before it has an address, and a server's answer to one (RFC 2131 4.1).
   */
  sendOnLink(iface: L3Interface, mac: number, pkt: Ipv4Packet): void {
    if (!iface.up) return;
    this.transmit(iface, mac, pkt, this.ctx.nextFrameId());
  }

  /** Sends `pkt` out of `iface` to `to` as it is, from MAC address `from` (an HSRP group's). */
  sendFrom(iface: L3Interface, from: number, to: number, pkt: Ipv4Packet): void {
    if (!iface.usable) return;
    iface.owner.transmitL3(
      iface,
      ipFrame(to as never, from as never, iface.tag, pkt),
      this.ctx.nextFrameId(),
      OWNED,
    );
  }

  /** The address a datagram to `dst` leaves from, as `originate` picks it; undefined if none. */
  sourceFor(dst: number): number | undefined {
    const local = this.local(dst);
    if (local !== undefined) return dst;
    const routes = this.table.lookup(dst);
    const detour = this.detour(dst, routes);
    if (detour !== undefined) return detour.iface.ip?.addr;
    if (routes === undefined) return undefined;
    const route = this.routeFrom(routes, undefined, dst);
    return route.iface.discard ? undefined : route.iface.ip?.addr;
  }

  /** Whether `dst` is its own or on one of its links, rather than beyond a gateway. */
  onLink(dst: number): boolean {
    return this.local(dst) !== undefined || this.table.lookup(dst)?.[0]?.gateway === undefined;
  }

  acceptReady(): void {
    this.ctx.tcpAccepting.add(this.deviceId);
  }

  /** Sends a TCP segment of one of its connections (tcp.ts). */
  sendTcp(src: number, dst: number, seg: TcpSegment, dontFragment: boolean): boolean {
    return (
      this.originate(dst, src, this.profile.ttl, IPPROTO_TCP, seg, OWNED, null, dontFragment) === SEND_OK
    );
  }

  /** Builds and sends a UDP probe from the address that routes to `dst` (or `source`). */
  sendUdp(
    dst: number,
    srcPort: number,
    dstPort: number,
    ttl: number,
    data: Uint8Array,
    source?: number,
  ): SendStatus {
    return this.originate(dst, source, ttl, IPPROTO_UDP, udp(srcPort, dstPort, data), OWNED, null);
  }

  /**
   * Builds and sends an echo request from the address that routes to `dst` (or `source`): in
   * the last echo reply this stack alone held, rewritten, when there is one (ownership.ts).
   */
  sendEcho(
    dst: number,
    identifier: number,
    sequence: number,
    ttl: number,
    data: Uint8Array,
    source?: number,
    dontFragment = false,
  ): SendStatus {
    const spare = this.spare;
    this.ctx.echoes++;
    if (spare === null) {
      const echo = icmpEcho(8, identifier, sequence, data);
      return this.originate(dst, source, ttl, IPPROTO_ICMP, echo, EXCLUSIVE, null, dontFragment);
    }
    this.spare = null;
    this.ctx.echoesReused++;
    const echo = (spare.payload as Ipv4Packet).payload as IcmpEcho;
    echoInPlace(echo, 8, identifier, sequence, data);
    return this.originate(dst, source, ttl, IPPROTO_ICMP, echo, EXCLUSIVE, spare, dontFragment);
  }

  /**
   * Sends a new datagram with `payload` (`owned`: what the frame may leave as). `frame`, when
   * not null, is an EXCLUSIVE frame around an echo whose message is `payload`, to reuse for it.
   */
  private originate(
    dst: number,
    source: number | undefined,
    ttl: number,
    protocol: number,
    payload: Ipv4Payload,
    owned: number,
    frame: EthernetFrame | null,
    dontFragment = false,
  ): SendStatus {
    // The limited broadcast, and on an IOS device a multicast group: every interface (one test
    // keeps a unicast destination's path to one comparison).
    if (dst >>> 28 >= 0xe) {
      if (dst === IPV4_BROADCAST) return this.sendAll(dst, BROADCAST_MAC, source, ttl, protocol, payload);
      if (dst >>> 28 === 0xe && this.profile.os !== 'windows')
        return this.sendAll(dst, ipv4MulticastMac(dst), source, ttl, protocol, payload);
    }
    // Windows' loopback answers all of 127.0.0.0/8 but its network's own address, which its
    // ping reports as "General failure." (captures of `ping 127.0.0.0` on Windows 10).
    if (dst === LOOPBACK_NETWORK && this.loopback !== null) return SEND_GENERAL_FAILURE;
    if (this.local(dst) !== undefined) {
      this.ctx.sched.at(
        this.now,
        this,
        EV_LOOPBACK,
        ipv4(source ?? dst, dst, ttl, protocol, this.nextId(), payload),
        0,
        0,
      );
      return SEND_OK;
    }
    if (this.nat !== null) {
      const translated = this.originateTranslated(dst, source, ttl, protocol, payload, dontFragment);
      if (translated !== undefined) return translated;
    }
    const big = exceedsMtu(payload);
    const cached = big ? -1 : this.forwardingCache.find(dst, this.ctx.sched);
    if (cached >= 0) {
      const src = source ?? this.forwardingCache.iface(cached).ip!.addr;
      const id = this.nextId();
      if (frame === null) {
        this.transmitCached(
          cached,
          ipv4(src, dst, ttl, protocol, id, payload, dontFragment),
          this.ctx.nextFrameId(),
          owned,
        );
      } else {
        headerInPlace(frame.payload as Ipv4Packet, payload as IcmpEcho, src, dst, ttl, id, dontFragment);
        this.transmitInPlace(cached, frame, this.ctx.nextFrameId(), owned);
      }
      return SEND_OK;
    }
    // 0.0.0.0 is a source address only (RFC 1122 3.2.1.3): Windows refuses to send to it
    // ("General failure"), whatever its routes say. (Never cached, so checked only here.)
    if (dst === 0 && this.profile.os === 'windows') return SEND_NO_ROUTE;
    const routes = this.table.lookup(dst);
    const detour = this.detour(dst, routes);
    if (detour !== undefined) {
      const pkt = ipv4(
        source ?? detour.iface.ip!.addr,
        dst,
        ttl,
        protocol,
        this.nextId(),
        payload,
        dontFragment,
      );
      if (big) return this.sendLarge(pkt);
      this.output(detour.iface, detour.gateway, pkt, this.ctx.nextFrameId());
      return SEND_OK;
    }
    if (routes === undefined) return this.checkRoute(dst);
    const route = this.routeFrom(routes, source, dst);
    if (route.iface.discard) {
      // Sent, as far as the application can tell: Null0 takes it without a word.
      this.drop(this.ctx.nextFrameId(), 'null-route', route.iface.name);
      return SEND_OK;
    }
    const src = source ?? route.iface.ip!.addr;
    const pkt = ipv4(src, dst, ttl, protocol, this.nextId(), payload, dontFragment);
    if (big) return this.sendLarge(pkt);
    this.outputVia(routes, route, dst, pkt, this.ctx.nextFrameId());
    return SEND_OK;
  }

  /**
   * What a router with NAT sends itself out of an outside interface: translated as what it
   * forwards from inside would be, when a mapping's list or a static translation takes its
   * source (IOS checks its own datagrams against them: `ping ... source` an inside address).
   * Undefined when it does not leave by an outside interface: the usual path sends it.
   */
  private originateTranslated(
    dst: number,
    source: number | undefined,
    ttl: number,
    protocol: number,
    payload: Ipv4Payload,
    dontFragment: boolean,
  ): SendStatus | undefined {
    const routes = this.table.lookup(dst);
    if (routes === undefined) return undefined;
    const route = this.routeFrom(routes, source, dst);
    const out = route.iface;
    if (out.natSide !== NAT_OUTSIDE || out.ip === undefined) return undefined;
    const pkt = ipv4(source ?? out.ip.addr, dst, ttl, protocol, this.nextId(), payload, dontFragment);
    const translated = this.nat!.toOutside(pkt);
    if (translated === null) {
      this.drop(this.ctx.nextFrameId(), 'nat-failed', out.name);
      return SEND_OK;
    }
    return this.send(translated);
  }

  /**
   * A datagram larger than the MTU: refused with Don't Fragment set, else sent in fragments
   * (fragments.ts), each routed as a datagram of its own.
   */
  private sendLarge(pkt: Ipv4Packet): SendStatus {
    if (pkt.dontFragment) return SEND_TOO_BIG;
    for (const f of fragment(pkt, ETHERNET_MTU)) this.send(f);
    return SEND_OK;
  }

  /**
   * The limited broadcast, or a datagram an IOS device sends to a multicast group, leaves every
   * interface that is up and addressed, whatever the routes say, each copy from that
   * interface's address (IOS's ping to 224.0.0.1 gets replies from each segment; a PC has one
   * interface). Each copy is a datagram of its own around the shared message.
   */
  private sendAll(
    dst: number,
    mac: number,
    source: number | undefined,
    ttl: number,
    protocol: number,
    payload: Ipv4Payload,
  ): SendStatus {
    let sent = false;
    for (const iface of this.ifaces) {
      if (!iface.usable || iface.name.startsWith('Loopback')) continue;
      const pkt = ipv4(source ?? iface.ip!.addr, dst, ttl, protocol, this.nextId(), payload);
      this.transmit(iface, mac, pkt, this.ctx.nextFrameId());
      sent = true;
    }
    return sent ? SEND_OK : this.checkRoute(dst);
  }

  private drop(frameId: number, reason: DropReason, port?: string): void {
    this.ctx.traceDrop(this.deviceId, frameId, reason, port);
  }
}
