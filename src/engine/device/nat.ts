/**
 * Network address translation on an IOS router: inside source translation (RFC 3022,
 * traditional NAT and NAPT; RFC 5508 for ICMP; Cisco IOS IP Addressing Configuration Guide,
 * "Configuring NAT for IP Address Conservation"). As on IOS, a flow is known by both its ends:
 * the same inside port talking to another destination is another flow, which may get another
 * global port (not RFC 4787's endpoint-independent mapping).
 *
 * A datagram routed from an `ip nat inside` interface out of an `ip nat outside` one has its
 * source translated (after routing, before the outbound access list); one coming in on an
 * outside interface has its destination translated back (after the inbound access list,
 * before routing), as IOS orders them. What a translation covers is kept as IOS shows it: an
 * address's translation ("---", static or dynamic from a pool) and each flow's (protocol,
 * inside and outside addresses and ports; ICMP's echo identifier stands for both ports). An
 * ICMP error about a translated datagram has its quote translated too, so traceroute works
 * through the router.
 *
 * Port translation (`overload`) keeps a flow's own port when no other flow of the global
 * address uses it, else takes the first free one of its port's group (0-511, 512-1023,
 * 1024-65535; ICMP identifiers likewise), then tries the pool's next address.
 * Dynamic translations expire after IOS's timeouts (ICMP 60 s, UDP 300 s, TCP a day, a minute
 * after a FIN or reset, addresses a day), each from its last use; a sweep runs when the
 * earliest is due. A datagram's first fragment is translated by its transport header as a
 * whole datagram is, and the fragments after it follow its flow (what IOS's virtual fragment
 * reassembly gives); a later fragment whose first was not seen, and protocols without ports,
 * take address translations only: under overload they cannot be translated and are dropped,
 * as a miss.
 */
import type { Ipv4Addr } from '../../shared/ipv4.ts';
import {
  NAT_NEVER,
  NAT_TIMEOUTS,
  type NatConfig,
  type NatDynamic,
  type NatPool,
  type NatStatic,
  type NatTimeouts,
  poolSize,
} from '../../shared/nat.ts';
import type { Micros } from '../../shared/time.ts';
import { seconds } from '../../shared/time.ts';
import type { NatMappingStatus, NatStatistics, NatTranslation } from '../api.ts';
import { withAddresses } from '../packets.ts';
import type { EventTarget, Scheduler } from '../sim/scheduler.ts';
import { Timer } from '../sim/timer.ts';
import type { IcmpEcho, IcmpError } from '../wire/icmp.ts';
import { withTypedTransport } from '../wire/icmp-error.ts';
import type { Ipv4Packet, Ipv4Payload } from '../wire/ipv4.ts';
import { IPPROTO_ICMP, IPPROTO_TCP, IPPROTO_UDP } from '../wire/ipv4.ts';
import { TCP_ACK, TCP_FIN, TCP_RST, TCP_SYN } from '../wire/tcp.ts';
import type { AclFilters } from './acl-filter.ts';
import type { DebugLog } from './debug-log.ts';
import type { L3Interface } from './l3-interface.ts';
import { firstFragmentPorts, rewriteFirstFragment } from './nat-fragments.ts';

/** L3Interface.natSide: not translated, `ip nat inside`, `ip nat outside`. */
export const NAT_NONE = 0;
export const NAT_INSIDE = 1;
export const NAT_OUTSIDE = 2;

/** What `show ip nat statistics` reads on a router that never had NAT configured. */
export const EMPTY_NAT_STATISTICS: NatStatistics = {
  active: 0,
  statics: 0,
  dynamics: 0,
  extended: 0,
  peak: 0,
  peakAt: 0 as Micros,
  hits: 0,
  cefTranslated: 0,
  misses: 0,
  expired: 0,
  mappings: [],
};

/** An address's translation: no protocol, no ports. */
const ADDRESS = 0;
/** The groups IOS takes a port from when a flow's own is taken: its own port's group. */
const PORT_GROUPS: readonly (readonly [number, number])[] = [
  [0, 511],
  [512, 1023],
  [1024, 65535],
];

const TCP_OPEN = 0;
const TCP_SYN_SENT = 1;
const TCP_CLOSING = 2;

/** A dynamic mapping (`ip nat inside source list ...`) with the translations it made. */
interface Mapping {
  readonly id: number;
  readonly rule: NatDynamic;
  refcount: number;
}

/** A pool and its use. */
interface PoolState {
  readonly pool: NatPool;
  /** Translations using each of its addresses. */
  readonly inUse: Map<number, number>;
  misses: number;
}

class Translation {
  /** IOS's entry-id: a running count of the translations made. */
  id = 0;
  used: number;
  tcp = TCP_OPEN;
  /** Flows riding this address translation. */
  children = 0;
  constructor(
    readonly protocol: number,
    readonly local: number,
    readonly localPort: number,
    readonly global: number,
    readonly globalPort: number,
    readonly outside: number,
    readonly outsidePort: number,
    /** From a static command (never expires). */
    readonly fixed: boolean,
    /** The address or static port translation it rides, if any. */
    readonly parent: Translation | null,
    readonly mapping: Mapping | null,
    readonly pool: PoolState | null,
    readonly created: number,
    readonly extendable: boolean,
  ) {
    this.used = created;
  }
}

/** What the translation needs of its router. */
export interface NatHost {
  readonly sched: Scheduler;
  readonly acls: AclFilters;
  /** Its `debug ip nat` log, when it has one. */
  debug(): DebugLog | null;
  /** The address of the interface named `name`, if it has one. */
  interfaceAddress(name: string): number | undefined;
}

const flowKey = (
  protocol: number,
  addr: number,
  port: number,
  outside: number,
  outsidePort: number,
): string => `${protocol}/${addr}/${port}/${outside}/${outsidePort}`;
const portKey = (protocol: number, addr: number, port: number): string => `${protocol}/${addr}/${port}`;

/** The ports a datagram's flow is known by (ICMP echoes: the identifier, twice); null when none. */
function portsOf(pkt: Ipv4Packet): readonly [number, number] | null {
  if (pkt.fragmentOffset !== 0 || pkt.moreFragments) return null;
  const m = pkt.payload;
  if (
    (m.proto === 'tcp' && pkt.protocol === IPPROTO_TCP) ||
    (m.proto === 'udp' && pkt.protocol === IPPROTO_UDP)
  )
    return [m.srcPort, m.dstPort];
  if (m.proto === 'icmp' && !('other' in m) && (m.type === 0 || m.type === 8)) {
    const id = (m as IcmpEcho).identifier;
    return [id, id];
  }
  return null;
}

/** `m` with its ports (ICMP echoes: identifier `icmpId`) changed. */
function withPorts(m: Ipv4Payload, srcPort: number, dstPort: number, icmpId: number): Ipv4Payload {
  if (m.proto === 'tcp' || m.proto === 'udp') return { ...m, srcPort, dstPort };
  if (m.proto === 'icmp') return { ...(m as IcmpEcho), identifier: icmpId };
  return m;
}

/** What identifies a datagram's fragments as they come to the router, in one direction. */
const fragmentKey = (inbound: boolean, p: Ipv4Packet): string =>
  `${inbound ? 'i' : 'o'}/${p.protocol}/${p.src}/${p.dst}/${p.identification}`;

const raw = (bytes: Uint8Array): Ipv4Payload => ({ proto: 'raw', bytes });

/** How long the router remembers which flow a datagram's first fragment took. */
const FRAGMENT_MEMORY = seconds(60);

const isIcmpError = (pkt: Ipv4Packet): boolean => {
  const m = pkt.payload;
  return (
    pkt.protocol === IPPROTO_ICMP &&
    m.proto === 'icmp' &&
    !('other' in m) &&
    (m.type === 3 || m.type === 11) &&
    !((m as IcmpError).original instanceof Uint8Array)
  );
};

/** The router's translations: its configuration's, and those its traffic made. */
export class Nat implements EventTarget {
  private readonly host: NatHost;
  private config: NatConfig = {};
  private timeouts: Required<NatTimeouts> = { ...NAT_TIMEOUTS };
  private mappings: Mapping[] = [];
  /** IOS numbers each mapping configured ([Id: N]) with a running count. */
  private mappingIds = 0;
  private entryIds = 0;
  private pools = new Map<string, PoolState>();
  /** Every translation, in the order made (statics first, as configured). */
  private readonly all = new Set<Translation>();
  /** Flows by their inside end, and by their outside end (the global address). */
  private readonly byInside = new Map<string, Translation>();
  private readonly byOutside = new Map<string, Translation>();
  /** Address translations by inside local address, and by inside global address. */
  private readonly byLocal = new Map<number, Translation>();
  private readonly byGlobal = new Map<number, Translation>();
  /** Static port translations by their inside end, and by their global end. */
  private readonly staticByLocal = new Map<string, Translation>();
  private readonly staticByGlobal = new Map<string, Translation>();
  /** Statics as configured, by their JSON, with their translation when it has one. */
  private statics = new Map<string, { readonly rule: NatStatic; entry: Translation | null }>();
  /** The flow of each datagram whose first fragment was translated, until its last fragment. */
  private readonly fragments = new Map<string, { readonly t: Translation; readonly at: number }>();
  /** Global ports in use, by protocol and global address. */
  private readonly ports = new Set<string>();
  private readonly sweeper: Timer;
  private sweepAt = Number.POSITIVE_INFINITY;
  private hits = 0;
  private cefTranslated = 0;
  private misses = 0;
  private expired = 0;
  private peak = 0;
  private peakAt = 0;

  constructor(host: NatHost) {
    this.host = host;
    this.sweeper = new Timer(host.sched, this, 0);
  }

  private get now(): number {
    return this.host.sched.now;
  }

  /** Takes the router's `ip nat` configuration; translations made stay while what made them does. */
  configure(config: NatConfig | undefined): void {
    const c = config ?? {};
    this.config = c;
    const timeouts = { ...NAT_TIMEOUTS, ...c.timeouts };
    if (JSON.stringify(timeouts) !== JSON.stringify(this.timeouts) && this.all.size > 0) {
      // Translations take a new timeout from their last use: a sweep now sees which are due.
      this.sweepAt = this.now;
      this.sweeper.set(this.now, null, 0);
    }
    this.timeouts = timeouts;
    const byAcl = new Map(this.mappings.map((m) => [m.rule.acl, m]));
    const kept = new Set<Mapping>();
    this.mappings = (c.dynamics ?? []).map((rule) => {
      const before = byAcl.get(rule.acl);
      if (before !== undefined && JSON.stringify(before.rule) === JSON.stringify(rule)) {
        kept.add(before);
        return before;
      }
      return { id: ++this.mappingIds, rule, refcount: 0 };
    });
    // A mapping removed or changed takes its translations with it.
    for (const t of [...this.all]) if (t.mapping !== null && !kept.has(t.mapping)) this.remove(t);
    const pools = new Map<string, PoolState>();
    for (const pool of c.pools ?? []) {
      const before = this.pools.get(pool.name);
      pools.set(
        pool.name,
        before?.pool === pool ? before : { pool, inUse: before?.inUse ?? new Map(), misses: 0 },
      );
    }
    this.pools = pools;
    this.refreshStatics();
  }

  /**
   * Makes the static translations the configuration asks for, and removes those it no longer
   * does with the flows riding them; a static whose global interface has no address waits for
   * one (called again when addresses change).
   */
  refreshStatics(): void {
    const next = new Map<string, { readonly rule: NatStatic; entry: Translation | null }>();
    for (const rule of this.config.statics ?? []) {
      const key = JSON.stringify(rule);
      const before = this.statics.get(key);
      const global = rule.global ?? this.host.interfaceAddress(rule.globalInterface ?? '');
      if (before?.entry != null && before.entry.global === global) {
        next.set(key, before);
        this.statics.delete(key);
        continue;
      }
      next.set(key, { rule, entry: null });
    }
    for (const gone of this.statics.values()) if (gone.entry !== null) this.remove(gone.entry);
    for (const s of next.values()) {
      if (s.entry !== null) continue;
      const global = s.rule.global ?? this.host.interfaceAddress(s.rule.globalInterface ?? '');
      if (global === undefined) continue;
      const r = s.rule;
      const entry = new Translation(
        r.protocol ?? ADDRESS,
        r.local,
        r.localPort ?? -1,
        global,
        r.globalPort ?? -1,
        -1,
        -1,
        true,
        null,
        null,
        null,
        this.now,
        r.extendable === true,
      );
      s.entry = entry;
      this.add(entry);
    }
    this.statics = next;
  }

  // ---- translating -----------------------------------------------------------------------

  /**
   * `pkt`, routed from an inside interface out of an outside one, with its source translated;
   * `pkt` itself when nothing translates it; null when it should be but cannot (no address or
   * port left, or no ports to translate by): the caller drops it.
   */
  toOutside(pkt: Ipv4Packet): Ipv4Packet | null {
    if (isIcmpError(pkt)) return this.errorToOutside(pkt);
    if (pkt.fragmentOffset !== 0) return this.laterFragment(pkt, false);
    const ports = portsOf(pkt) ?? firstFragmentPorts(pkt);
    if (ports === null) return this.addressToOutside(pkt);
    const [sport, dport] = ports;
    const icmp = pkt.protocol === IPPROTO_ICMP;
    let t = this.byInside.get(flowKey(pkt.protocol, pkt.src, sport, pkt.dst, dport));
    const fast = t !== undefined;
    if (t === undefined) {
      const made = this.newFlow(pkt, sport, dport);
      if (made === undefined) return pkt;
      if (made === null) {
        this.misses++;
        return null;
      }
      t = made;
    }
    this.use(t, pkt);
    const [src, srcPort, dstPort] = [t.global, t.globalPort, icmp ? t.globalPort : dport];
    if (pkt.moreFragments) this.fragments.set(fragmentKey(false, pkt), { t, at: this.now });
    const payload =
      pkt.payload.proto === 'raw'
        ? raw(rewriteFirstFragment(pkt, src, pkt.dst, srcPort, dstPort))
        : withPorts(pkt.payload, srcPort, dstPort, srcPort);
    return this.translated(fast, false, pkt, withAddresses(pkt, src, pkt.dst, payload));
  }

  /** `pkt`, come in on an outside interface, with its destination translated back, or `pkt`. */
  fromOutside(pkt: Ipv4Packet): Ipv4Packet {
    if (isIcmpError(pkt)) return this.errorFromOutside(pkt);
    if (pkt.fragmentOffset !== 0) return this.laterFragment(pkt, true) ?? pkt;
    const ports = portsOf(pkt) ?? firstFragmentPorts(pkt);
    if (ports === null) return this.addressFromOutside(pkt) ?? pkt;
    const [sport, dport] = ports;
    let t = this.byOutside.get(flowKey(pkt.protocol, pkt.dst, dport, pkt.src, sport));
    const fast = t !== undefined;
    if (t === undefined) {
      // A flow started outside, to a static translation or an address's dynamic one.
      const parent =
        this.staticByGlobal.get(portKey(pkt.protocol, pkt.dst, dport)) ?? this.byGlobal.get(pkt.dst);
      if (parent === undefined) return pkt;
      const local = parent.local;
      const localPort = parent.protocol === ADDRESS ? dport : parent.localPort;
      t = this.flow(
        pkt.protocol,
        local,
        localPort,
        pkt.dst,
        dport,
        pkt.src,
        sport,
        parent,
        parent.mapping,
        null,
      );
    }
    this.use(t, pkt);
    const icmp = pkt.protocol === IPPROTO_ICMP;
    const [srcPort, dstPort] = [icmp ? t.localPort : sport, t.localPort];
    if (pkt.moreFragments) this.fragments.set(fragmentKey(true, pkt), { t, at: this.now });
    const payload =
      pkt.payload.proto === 'raw'
        ? raw(rewriteFirstFragment(pkt, pkt.src, t.local, srcPort, dstPort))
        : withPorts(pkt.payload, srcPort, dstPort, t.localPort);
    return this.translated(fast, true, pkt, withAddresses(pkt, pkt.src, t.local, payload));
  }

  /**
   * A fragment after the first: by the flow its datagram's first fragment took (`inbound`: come
   * in from outside), else by an address translation; null when it should be translated and
   * cannot (its first fragment was not seen, as IOS's virtual reassembly would have waited for).
   */
  private laterFragment(pkt: Ipv4Packet, inbound: boolean): Ipv4Packet | null {
    const key = fragmentKey(inbound, pkt);
    const f = this.fragments.get(key);
    if (f === undefined) {
      return inbound ? this.addressFromOutside(pkt) : this.addressToOutside(pkt);
    }
    if (!pkt.moreFragments) this.fragments.delete(key);
    const t = f.t;
    this.use(t, pkt);
    const after = inbound
      ? withAddresses(pkt, pkt.src, t.local, pkt.payload)
      : withAddresses(pkt, t.global, pkt.dst, pkt.payload);
    return this.translated(true, inbound, pkt, after);
  }

  /**
   * Counts a translated datagram and reports it to `debug ip nat`; returns `after`. A datagram
   * whose translation it made counts as a hit too: ISRs count misses only where no translation
   * could be made (a 1941's `show ip nat statistics` after three PCs' first pings: "Hits: 24
   * Misses: 0").
   */
  private translated(fast: boolean, inbound: boolean, before: Ipv4Packet, after: Ipv4Packet): Ipv4Packet {
    this.hits++;
    this.cefTranslated++;
    const debug = this.host.debug();
    if (debug === null || !debug.nat) return after;
    const was = portsOf(before);
    const now = portsOf(after);
    const moved = was !== null && now !== null && (inbound ? was[1] !== now[1] : was[0] !== now[0]);
    debug.natTranslated(
      fast,
      inbound,
      before.src,
      before.dst,
      inbound ? after.dst : after.src,
      before.identification,
      before.protocol,
      moved ? { src: was[0], dst: was[1], to: inbound ? now[1] : now[0] } : undefined,
    );
    return after;
  }

  /** A datagram without ports from outside, by an address translation of its destination; null when none. */
  private addressFromOutside(pkt: Ipv4Packet): Ipv4Packet | null {
    const a = this.byGlobal.get(pkt.dst);
    if (a === undefined) return null;
    this.use(a, pkt);
    return this.translated(true, true, pkt, withAddresses(pkt, pkt.src, a.local, pkt.payload));
  }

  /** A datagram without ports (a fragment, another protocol) from inside: by an address translation only. */
  private addressToOutside(pkt: Ipv4Packet): Ipv4Packet | null {
    let a = this.byLocal.get(pkt.src);
    const fast = a !== undefined;
    if (a === undefined) {
      const mapping = this.mappingFor(pkt);
      if (mapping === null) return pkt;
      const made = mapping.rule.overload ? null : this.addressFor(pkt.src, mapping);
      if (made === null) {
        this.misses++;
        return null;
      }
      a = made;
    }
    this.use(a, pkt);
    return this.translated(fast, false, pkt, withAddresses(pkt, a.global, pkt.dst, pkt.payload));
  }

  /**
   * A new flow from inside: by a static translation of its port or address, an address's
   * dynamic translation, or the first mapping whose list selects it. Undefined when nothing
   * translates it, null when a mapping should and cannot.
   */
  private newFlow(pkt: Ipv4Packet, sport: number, dport: number): Translation | null | undefined {
    const proto = pkt.protocol;
    const icmp = proto === IPPROTO_ICMP;
    const staticPort = this.staticByLocal.get(portKey(proto, pkt.src, sport));
    if (staticPort !== undefined)
      return this.flow(
        proto,
        pkt.src,
        sport,
        staticPort.global,
        staticPort.globalPort,
        pkt.dst,
        dport,
        staticPort,
        null,
        null,
      );
    const address = this.byLocal.get(pkt.src);
    if (address !== undefined)
      return this.flow(
        proto,
        pkt.src,
        sport,
        address.global,
        sport,
        pkt.dst,
        icmp ? sport : dport,
        address,
        address.mapping,
        null,
      );
    const mapping = this.mappingFor(pkt);
    if (mapping === null) return undefined;
    const rule = mapping.rule;
    if (!rule.overload) {
      const a = this.addressFor(pkt.src, mapping);
      if (a === null) return null;
      return this.flow(
        proto,
        pkt.src,
        sport,
        a.global,
        sport,
        pkt.dst,
        icmp ? sport : dport,
        a,
        mapping,
        null,
      );
    }
    const candidates =
      rule.interface !== undefined
        ? [this.host.interfaceAddress(rule.interface)]
        : this.poolAddresses(rule.pool);
    for (const global of candidates) {
      if (global === undefined) continue;
      const port = this.freePort(proto, global, sport);
      if (port < 0) continue;
      const pool = rule.pool === undefined ? null : (this.pools.get(rule.pool) ?? null);
      return this.flow(
        proto,
        pkt.src,
        sport,
        global,
        port,
        pkt.dst,
        icmp ? port : dport,
        null,
        mapping,
        pool,
      );
    }
    const pool = rule.pool === undefined ? undefined : this.pools.get(rule.pool);
    if (pool !== undefined) pool.misses++;
    return null;
  }

  /** The first mapping whose access list selects `pkt`, or null. */
  private mappingFor(pkt: Ipv4Packet): Mapping | null {
    for (const m of this.mappings) if (this.host.acls.selects(m.rule.acl, pkt)) return m;
    return null;
  }

  /** A new dynamic translation of `local`'s address from `mapping`'s pool, or null when none is free. */
  private addressFor(local: number, mapping: Mapping): Translation | null {
    const rule = mapping.rule;
    // An interface's address without `overload` is a pool of one: one inside host at a time.
    const state = rule.pool === undefined ? null : (this.pools.get(rule.pool) ?? null);
    const candidates =
      rule.interface !== undefined
        ? [this.host.interfaceAddress(rule.interface)]
        : this.poolAddresses(rule.pool);
    for (const global of candidates) {
      if (global === undefined || this.byGlobal.has(global) || this.usedByFlows(global)) continue;
      if (state !== null && (state.inUse.get(global) ?? 0) > 0) continue;
      const t = new Translation(
        ADDRESS,
        local,
        -1,
        global,
        -1,
        -1,
        -1,
        false,
        null,
        mapping,
        state,
        this.now,
        false,
      );
      this.add(t);
      return t;
    }
    if (state !== null) state.misses++;
    return null;
  }

  /** Whether a flow of another translation uses `global` (an interface's address, overloaded too). */
  private usedByFlows(global: number): boolean {
    for (const t of this.all)
      if (t.global === global && t.parent === null && t.protocol !== ADDRESS) return true;
    return false;
  }

  /**
   * The addresses a pool hands out, in order: its range, less the network and broadcast
   * addresses of its netmask.
   */
  private poolAddresses(name: string | undefined): number[] {
    const state = name === undefined ? undefined : this.pools.get(name);
    if (state === undefined) return [];
    const p = state.pool;
    const out: number[] = [];
    const hostMask = p.len >= 31 ? 0 : (0xffffffff >>> p.len) >>> 0;
    for (let i = 0; i < poolSize(p); i++) {
      const a = (p.start + i) >>> 0;
      const host = (a & hostMask) >>> 0;
      if (hostMask !== 0 && (host === 0 || host === hostMask)) continue;
      out.push(a);
    }
    return out;
  }

  /**
   * `want` if no flow of `global` uses it for `protocol`, else the first free port of its
   * group (TCP and UDP never take port 0); -1 when the group is full.
   */
  private freePort(protocol: number, global: number, want: number): number {
    if (!this.ports.has(portKey(protocol, global, want))) return want;
    const [lo, hi] = PORT_GROUPS.find(([, top]) => want <= top)!;
    for (let p = lo === 0 && protocol !== IPPROTO_ICMP ? 1 : lo; p <= hi; p++)
      if (!this.ports.has(portKey(protocol, global, p))) return p;
    return -1;
  }

  private flow(
    protocol: number,
    local: number,
    localPort: number,
    global: number,
    globalPort: number,
    outside: number,
    outsidePort: number,
    parent: Translation | null,
    mapping: Mapping | null,
    pool: PoolState | null,
  ): Translation {
    const t = new Translation(
      protocol,
      local,
      localPort,
      global,
      globalPort,
      outside,
      outsidePort,
      false,
      parent,
      mapping,
      pool,
      this.now,
      false,
    );
    this.add(t);
    return t;
  }

  /** Notes a use of `t` (and of the address translation it rides) by `pkt`. */
  private use(t: Translation, pkt: Ipv4Packet): void {
    const now = this.now;
    t.used = now;
    if (t.parent !== null) t.parent.used = now;
    if (t.protocol === IPPROTO_TCP && pkt.payload.proto === 'tcp') {
      const flags = pkt.payload.flags;
      if (flags & (TCP_FIN | TCP_RST)) t.tcp = TCP_CLOSING;
      else if (t.tcp === TCP_SYN_SENT && flags & TCP_ACK && !(flags & TCP_SYN)) t.tcp = TCP_OPEN;
      else if (now === t.created && flags & TCP_SYN && !(flags & TCP_ACK)) t.tcp = TCP_SYN_SENT;
    }
    this.armSweep(t);
  }

  // ---- ICMP errors -------------------------------------------------------------------------

  /**
   * An ICMP error from outside about a datagram that left translated: its destination and its
   * quote's source go back to the inside addresses (RFC 5508 4.2).
   */
  private errorFromOutside(pkt: Ipv4Packet): Ipv4Packet {
    const err = pkt.payload as IcmpError;
    const q = withTypedTransport(err.original as Ipv4Packet);
    const ports = portsOf(q);
    let local: number;
    let quote: Ipv4Packet;
    if (ports !== null) {
      const [sport, dport] = ports;
      const t = this.byOutside.get(flowKey(q.protocol, q.src, sport, q.dst, dport));
      if (t === undefined) return pkt;
      const icmp = q.protocol === IPPROTO_ICMP;
      local = t.local;
      quote = withAddresses(
        q,
        t.local,
        q.dst,
        withPorts(q.payload, t.localPort, icmp ? t.localPort : dport, t.localPort),
      );
    } else {
      const a = this.byGlobal.get(q.src);
      if (a === undefined) return pkt;
      local = a.local;
      quote = withAddresses(q, a.local, q.dst, q.payload);
    }
    const after = withAddresses(pkt, pkt.src, pkt.dst === q.src ? local : pkt.dst, {
      ...err,
      original: quote,
    });
    return this.translated(true, true, pkt, after);
  }

  /** An ICMP error from inside about a datagram that came in translated: source and quote go out translated. */
  private errorToOutside(pkt: Ipv4Packet): Ipv4Packet {
    const err = pkt.payload as IcmpError;
    const q = withTypedTransport(err.original as Ipv4Packet);
    const ports = portsOf(q);
    let global: number;
    let quote: Ipv4Packet;
    if (ports !== null) {
      const [sport, dport] = ports;
      const icmp = q.protocol === IPPROTO_ICMP;
      const t = this.byInside.get(flowKey(q.protocol, q.dst, dport, q.src, icmp ? dport : sport));
      if (t === undefined) return pkt;
      global = t.global;
      quote = withAddresses(
        q,
        q.src,
        t.global,
        withPorts(q.payload, icmp ? t.globalPort : sport, t.globalPort, t.globalPort),
      );
    } else {
      const a = this.byLocal.get(q.dst);
      if (a === undefined) return pkt;
      global = a.global;
      quote = withAddresses(q, q.src, a.global, q.payload);
    }
    const after = withAddresses(pkt, pkt.src === q.dst ? global : pkt.src, pkt.dst, {
      ...err,
      original: quote,
    });
    return this.translated(true, false, pkt, after);
  }

  // ---- what the router answers for -------------------------------------------------------

  /**
   * Whether the router answers ARP for `target` on outside interface `iface`: the global
   * address of a static translation, or a pool's address while a translation uses it, on the
   * interface's subnet (IOS makes them aliases of the router when it installs the static
   * translation or allocates the address).
   */
  answersArp(iface: L3Interface, target: number): boolean {
    if (!iface.onLink(target) || target === iface.ip?.addr) return false;
    if (this.isStaticGlobal(target)) return true;
    for (const state of this.pools.values()) if ((state.inUse.get(target) ?? 0) > 0) return true;
    return false;
  }

  /**
   * Whether `addr` is the global address of a static translation: the router answers what
   * comes to it that no translation takes (a ping to a port translation's address).
   */
  isStaticGlobal(addr: number): boolean {
    for (const s of this.statics.values()) if (s.entry?.global === addr) return true;
    return false;
  }

  // ---- keeping the tables ----------------------------------------------------------------

  private add(t: Translation): void {
    t.id = ++this.entryIds;
    this.all.add(t);
    if (t.protocol === ADDRESS) {
      this.byLocal.set(t.local, t);
      this.byGlobal.set(t.global, t);
    } else if (t.outside < 0) {
      this.staticByLocal.set(portKey(t.protocol, t.local, t.localPort), t);
      this.staticByGlobal.set(portKey(t.protocol, t.global, t.globalPort), t);
      this.ports.add(portKey(t.protocol, t.global, t.globalPort));
    } else {
      const icmp = t.protocol === IPPROTO_ICMP;
      this.byInside.set(
        flowKey(t.protocol, t.local, t.localPort, t.outside, icmp ? t.localPort : t.outsidePort),
        t,
      );
      this.byOutside.set(flowKey(t.protocol, t.global, t.globalPort, t.outside, t.outsidePort), t);
      if (t.parent === null) this.ports.add(portKey(t.protocol, t.global, t.globalPort));
    }
    if (t.parent !== null) t.parent.children++;
    if (t.mapping !== null) t.mapping.refcount++;
    if (t.pool !== null) t.pool.inUse.set(t.global, (t.pool.inUse.get(t.global) ?? 0) + 1);
    if (this.all.size > this.peak) {
      this.peak = this.all.size;
      this.peakAt = this.now;
    }
    this.armSweep(t);
  }

  private remove(t: Translation): void {
    if (!this.all.delete(t)) return;
    if (t.protocol === ADDRESS) {
      this.byLocal.delete(t.local);
      this.byGlobal.delete(t.global);
    } else if (t.outside < 0) {
      this.staticByLocal.delete(portKey(t.protocol, t.local, t.localPort));
      this.staticByGlobal.delete(portKey(t.protocol, t.global, t.globalPort));
      this.ports.delete(portKey(t.protocol, t.global, t.globalPort));
    } else {
      const icmp = t.protocol === IPPROTO_ICMP;
      this.byInside.delete(
        flowKey(t.protocol, t.local, t.localPort, t.outside, icmp ? t.localPort : t.outsidePort),
      );
      this.byOutside.delete(flowKey(t.protocol, t.global, t.globalPort, t.outside, t.outsidePort));
      if (t.parent === null) this.ports.delete(portKey(t.protocol, t.global, t.globalPort));
    }
    if (t.parent !== null) t.parent.children--;
    if (t.mapping !== null) t.mapping.refcount--;
    if (t.pool !== null) {
      const n = (t.pool.inUse.get(t.global) ?? 1) - 1;
      if (n > 0) t.pool.inUse.set(t.global, n);
      else t.pool.inUse.delete(t.global);
    }
    // The flows riding an address translation go with it.
    if (t.children > 0) for (const c of [...this.all]) if (c.parent === t) this.remove(c);
  }

  /**
   * How long `t` lasts after its last use, in microseconds; NAT_NEVER for static ones.
   * `byState`: a TCP flow's by its state (SYN, FIN or reset seen), else TCP's own.
   */
  private lifetime(t: Translation, byState = true): number {
    if (t.fixed) return NAT_NEVER;
    const to = this.timeouts;
    let s: number;
    if (t.protocol === IPPROTO_ICMP) s = to.icmp;
    else if (t.protocol === IPPROTO_UDP) s = to.udp;
    else if (t.protocol === IPPROTO_TCP && byState)
      s = t.tcp === TCP_CLOSING ? to.finrst : t.tcp === TCP_SYN_SENT ? to.syn : to.tcp;
    else if (t.protocol === IPPROTO_TCP) s = to.tcp;
    else s = to.timeout;
    return s === NAT_NEVER ? NAT_NEVER : seconds(s);
  }

  private dueOf(t: Translation): number {
    const life = this.lifetime(t);
    return life === NAT_NEVER ? Number.POSITIVE_INFINITY : t.used + life;
  }

  private armSweep(t: Translation): void {
    const due = this.dueOf(t);
    if (due >= this.sweepAt) return;
    this.sweepAt = due;
    this.sweeper.set(due, null, 0);
  }

  /** The sweep: expired translations go (an address's only once no flow rides it). */
  onEvent(): void {
    const now = this.now;
    let next = Number.POSITIVE_INFINITY;
    // Newest first: a flow goes before the address translation it rides.
    for (const t of [...this.all].reverse()) {
      const due = this.dueOf(t);
      if (due <= now && t.children === 0) {
        this.remove(t);
        this.expired++;
        const debug = this.host.debug();
        if (debug?.nat) debug.natExpiring(t.protocol, t.global, t.globalPort, t.local, t.localPort);
      } else if (due > now) next = Math.min(next, due);
    }
    for (const [key, f] of this.fragments)
      if (now - f.at > FRAGMENT_MEMORY || !this.all.has(f.t)) this.fragments.delete(key);
    this.sweepAt = next;
    if (next < Number.POSITIVE_INFINITY) this.sweeper.set(next, null, 0);
  }

  /** `clear ip nat translation *`: every dynamic translation goes (static ones stay). */
  clear(): void {
    for (const t of [...this.all]) if (!t.fixed) this.remove(t);
  }

  /** The router restarts: its dynamic translations and its counts are gone. */
  reset(): void {
    this.clear();
    this.clearStatistics();
    this.peak = this.all.size;
  }

  /** Stops its timer (the router is removed). */
  release(): void {
    this.sweeper.cancel();
  }

  // ---- what show ip nat reads ------------------------------------------------------------

  /**
   * Every translation, each address or static port translation after the flows riding it
   * (as IOS lists them), the others in the order made.
   */
  translations(): NatTranslation[] {
    const out: NatTranslation[] = [];
    const riding = new Map<Translation, Translation[]>();
    for (const t of this.all) {
      if (t.parent === null) continue;
      const list = riding.get(t.parent);
      if (list === undefined) riding.set(t.parent, [t]);
      else list.push(t);
    }
    for (const t of this.all) {
      if (t.parent !== null) continue;
      for (const child of riding.get(t) ?? []) out.push(this.view(child));
      out.push(this.view(t));
    }
    return out;
  }

  private view(t: Translation): NatTranslation {
    const life = this.lifetime(t);
    // A closing TCP flow shows TCP's timeout, with what is left of the FIN/RST one.
    const shown = t.tcp === TCP_CLOSING ? this.lifetime(t, false) : life;
    const icmp = t.protocol === IPPROTO_ICMP;
    const mapping = t.mapping ?? t.parent?.mapping ?? null;
    return {
      id: t.id,
      protocol: t.protocol,
      insideGlobal: t.global as Ipv4Addr,
      insideGlobalPort: t.globalPort,
      insideLocal: t.local as Ipv4Addr,
      insideLocalPort: t.localPort,
      outside: t.outside < 0 ? undefined : (t.outside as Ipv4Addr),
      // An echo's identifier is its port at both ends: the outside sees the translated one.
      outsideLocalPort: icmp ? t.localPort : t.outsidePort,
      outsideGlobalPort: t.outsidePort,
      static: t.fixed,
      extendable: t.extendable,
      timingOut: t.tcp === TCP_CLOSING,
      ...(mapping !== null ? { mapping: mapping.id } : {}),
      created: t.created as Micros,
      used: t.used as Micros,
      timeout: shown,
      expires: life === NAT_NEVER ? NAT_NEVER : ((t.used + life) as Micros),
      flows: t.children,
    };
  }

  statistics(): NatStatistics {
    let fixed = 0;
    let extended = 0;
    for (const t of this.all) {
      if (t.fixed) fixed++;
      if (t.protocol !== ADDRESS) extended++;
    }
    const mappings: NatMappingStatus[] = this.mappings.map((m) => {
      const state = m.rule.pool === undefined ? undefined : this.pools.get(m.rule.pool);
      return {
        id: m.id,
        acl: m.rule.acl,
        ...(m.rule.pool !== undefined ? { pool: m.rule.pool } : {}),
        ...(m.rule.interface !== undefined ? { interface: m.rule.interface } : {}),
        overload: m.rule.overload === true,
        refcount: m.refcount,
        ...(state !== undefined
          ? {
              poolStatus: {
                start: state.pool.start,
                end: state.pool.end,
                len: state.pool.len,
                total: poolSize(state.pool),
                allocated: state.inUse.size,
                misses: state.misses,
              },
            }
          : {}),
      };
    });
    return {
      active: this.all.size,
      statics: fixed,
      dynamics: this.all.size - fixed,
      extended,
      peak: this.peak,
      peakAt: this.peakAt as Micros,
      hits: this.hits,
      cefTranslated: this.cefTranslated,
      misses: this.misses,
      expired: this.expired,
      mappings,
    };
  }

  /** `clear ip nat statistics`. */
  clearStatistics(): void {
    this.hits = 0;
    this.misses = 0;
    this.expired = 0;
    this.peak = this.all.size;
    this.peakAt = this.now;
    for (const p of this.pools.values()) p.misses = 0;
  }
}
