/**
 * One OSPF version 2 process (`router ospf N`) as IOS 15 runs it (RFC 2328): hellos and
 * neighbours (10), DR election (9.4), database exchange (10.6-10.9), flooding (13), LSA
 * origination (12.4: router, network and a default route's AS external LSA) and the routing
 * table calculation (16, ospf-spf.ts), with IOS's timers: a hello every 10 s, neighbours given
 * up after 40 s, the wait timer of a broadcast network (40 s) before electing, retransmission
 * every 5 s, an LSA originated at most every 5 s, and SPF 5 s after a change and at least
 * 10 s after the last (IOS 15's `timers throttle spf 5000 10000 10000`).
 *
 * Areas: each has its own database and calculation; a router with interfaces in several areas
 * computes each area's routes but originates no summaries (no inter-area routes).
 */
import type { InterfaceConfig } from '../../shared/config.ts';
import type { Ipv4Addr } from '../../shared/ipv4.ts';
import {
  OSPF_HELLO as HELLO_INTERVAL,
  OSPF_ADMIN_DISTANCE,
  OSPF_PRIORITY,
  OSPF_REFERENCE_BANDWIDTH,
  type OspfArea,
  type OspfProcessConfig,
  ospfAreaFor,
} from '../../shared/ospf.ts';
import type { Micros } from '../../shared/time.ts';
import type {
  OspfEvent,
  OspfInterfaceStatus,
  OspfLsaStatus,
  OspfNeighborState,
  OspfNeighborStatus,
  OspfPacketRefused,
  OspfProcessStatus,
} from '../ospf-status.ts';
import { ipv4 } from '../packets.ts';
import type { EventTarget } from '../sim/scheduler.ts';
import type { Ipv4Packet } from '../wire/ipv4.ts';
import {
  DBD_I,
  DBD_M,
  DBD_MS,
  IPPROTO_OSPF,
  OSPF_ALL_DROUTERS,
  OSPF_ALL_DROUTERS_MAC,
  OSPF_ALL_ROUTERS,
  OSPF_ALL_ROUTERS_MAC,
  OSPF_DBD,
  OSPF_HELLO,
  OSPF_LSACK,
  OSPF_LSR,
  OSPF_LSU,
  OSPF_OPTION_E,
  type OspfBody,
  type OspfDbd,
  type OspfHello,
  type OspfPacket,
  ospfBodyKnown,
  ospfPacket,
} from '../wire/ospf.ts';
import {
  compareLsaInstance,
  LINK_P2P,
  LINK_STUB,
  LINK_TRANSIT,
  LSA_EXTERNAL,
  LSA_INITIAL_SEQ,
  LSA_NETWORK,
  LSA_ROUTER,
  type Lsa,
  type LsaBody,
  type LsaHeader,
  lsaChecksumOk,
  ROUTER_E,
  type RouterLink,
  withLsaChecksum,
} from '../wire/ospf-lsa.ts';
import type { IpStack } from './ip-stack.ts';
import type { L3Interface } from './l3-interface.ts';
import { electDesignated } from './ospf-election.ts';
import { OspfInterface, OspfNeighbor, rank } from './ospf-interface.ts';
import {
  agedHeader,
  agedLsa,
  ageOf,
  headerKey,
  LS_REFRESH_TIME,
  type LsaEntry,
  Lsdb,
  lsaKey,
  MAX_AGE,
  MIN_LS_INTERVAL,
} from './ospf-lsdb.ts';
import { type SpfRoute, spf } from './ospf-spf.ts';
import type { Route } from './routing-table.ts';

const S = 1e6;
/** RxmtInterval and InfTransDelay, IOS's defaults. */
const RXMT = 5 * S;
const TRANSMIT_DELAY = 1;
/** IOS 15's SPF throttle: 5 s after the first change, then at least 10 s between runs. */
const SPF_START = 5 * S;
const SPF_HOLD = 10 * S;
/** A delayed acknowledgement waits this long for others to go with it. */
const ACK_DELAY = 1 * S;
/** How often the database is checked for LSAs to refresh or to let go. */
const SWEEP = 60 * S;
/** LSA headers per DBD and requests per LSR: well within a 1500-byte MTU. */
const PER_PACKET = 64;
/**
 * E, as IOS sets it in a normal area. (IOS also sets L and appends a link-local signalling
 * block after hellos and DBDs, which carries nothing Trame simulates.)
 */
const HELLO_OPTIONS = OSPF_OPTION_E;
/** DBDs also set O (opaque LSAs understood). */
const DBD_OPTIONS = OSPF_OPTION_E | 0x40;
/** Options of the LSAs IOS originates: E and DC; E is off in AS external LSAs. */
const LSA_OPTIONS = 0x22;
const EXTERNAL_OPTIONS = 0x20;
/** IOS sends OSPF at precedence 6 (internetwork control). */
const DSCP_CS6 = 48;
const MTU = 1500;
/** What LSAs an update may carry on Ethernet: the MTU less IP, OSPF and count headers. */
const LSU_ROOM = MTU - 20 - 24 - 4;
const BROADCAST_MAC = 0xffff_ffff_ffff;
/** `default-information originate` gives its LSA tag 1, as IOS does. */
const DEFAULT_TAG = 1;

// Timer codes.
const T_HELLO = 1;
const T_WAIT = 2;
const T_ACK = 3;
const T_DEAD = 4;
const T_RXMT = 5;
const T_SPF = 6;
const T_SWEEP = 7;
const T_ORIGINATE = 8;

export interface OspfHost {
  readonly stack: IpStack;
  /** The router's IP interfaces (ports, subinterfaces, loopbacks). */
  interfaces(): readonly L3Interface[];
  interfaceConfig(name: string): InterfaceConfig | undefined;
  /** An interface's bandwidth, kbit/s. */
  bandwidth(iface: L3Interface): number;
  /** Whether the routing table holds a default route that OSPF did not put there. */
  hasDefaultRoute(): boolean;
  /** This process's routes changed (after a calculation). */
  routesChanged(): void;
  log(e: OspfEvent): void;
  /** Interfaces another process runs on already. */
  claimed(iface: L3Interface, pid: number): boolean;
}

const NO_ROUTES: readonly Route[] = [];

export class OspfProcess implements EventTarget {
  rid = 0;
  private running = false;
  private startedAt = 0;
  readonly ifaces = new Map<L3Interface, OspfInterface>();
  private readonly areas = new Map<number, Lsdb>();
  private readonly externals = new Lsdb();
  /** What the last calculation gave, as routing table entries. */
  routes: readonly Route[] = NO_ROUTES;
  private spfRuns = 0;
  private lastSpf = Number.NEGATIVE_INFINITY;
  private readonly spfTimer;
  private readonly sweepTimer;
  private readonly originateTimer;
  /** Self-originated LSAs a neighbour had newer copies of: originated again past theirs. */
  private readonly bump = new Map<string, number>();

  constructor(
    private readonly host: OspfHost,
    public config: OspfProcessConfig,
  ) {
    this.spfTimer = host.stack.timer(this, T_SPF);
    this.sweepTimer = host.stack.timer(this, T_SWEEP);
    this.originateTimer = host.stack.timer(this, T_ORIGINATE);
  }

  get pid(): number {
    return this.config.pid;
  }

  private get now(): number {
    return this.host.stack.sched.now;
  }

  // ---- starting, stopping, following the configuration -----------------------------------

  /**
   * IOS's router ID: the configured one, else the highest address of a loopback that is up,
   * else the highest address of any interface that is up; chosen when the process starts.
   */
  private chooseRouterId(): number {
    if (this.config.routerId !== undefined) return this.config.routerId;
    const up = this.host.interfaces().filter((i) => i.usable);
    const loops = up.filter((i) => i.loopback);
    const pool = loops.length > 0 ? loops : up;
    let best = 0;
    for (const i of pool) if (i.ip!.addr >>> 0 > best >>> 0) best = i.ip!.addr;
    return best;
  }

  /** Follows interfaces and configuration: the set of OSPF interfaces, their parameters and states. */
  refresh(): void {
    // A `router-id` typed while the process has no neighbour takes effect at once; with
    // neighbours, at `clear ip ospf process` or a reload (IOS says so when it is typed).
    const wanted = this.config.routerId;
    if (this.running && wanted !== undefined && wanted !== this.rid && !this.hasNeighbors()) this.stop();
    if (!this.running) {
      const rid = this.chooseRouterId();
      if (rid === 0) return;
      this.rid = rid;
      this.running = true;
      this.startedAt = this.now;
      this.sweepTimer.set(this.now + SWEEP, null, 0);
    }
    const seen = new Set<L3Interface>();
    for (const iface of this.host.interfaces()) {
      const ic = this.host.interfaceConfig(iface.name);
      const chosen = this.areaOf(iface, ic);
      if (chosen === undefined || this.host.claimed(iface, this.pid)) continue;
      seen.add(iface);
      let oi = this.ifaces.get(iface);
      if (oi !== undefined && oi.area.id !== chosen.area.id) {
        this.interfaceDown(oi);
        this.ifaces.delete(iface);
        oi = undefined;
      }
      if (oi === undefined) {
        const st = this.host.stack;
        oi = new OspfInterface(
          iface,
          chosen.area,
          chosen.byCommand,
          st.timer(this, T_HELLO),
          st.timer(this, T_WAIT),
          st.timer(this, T_ACK),
        );
        this.ifaces.set(iface, oi);
        if (!this.areas.has(chosen.area.id)) this.areas.set(chosen.area.id, new Lsdb());
      }
      oi.area = chosen.area;
      oi.byInterfaceCommand = chosen.byCommand;
      // A new address or mask: the interface starts over, as IOS's does.
      const addressed = `${iface.ip?.addr}/${iface.ip?.len}`;
      if (oi.addressed !== addressed) {
        this.interfaceDown(oi);
        oi.addressed = addressed;
      }
      this.setParameters(oi, ic);
    }
    for (const [iface, oi] of [...this.ifaces]) {
      if (seen.has(iface)) continue;
      this.interfaceDown(oi);
      this.ifaces.delete(iface);
    }
    for (const oi of this.ifaces.values()) {
      if (!oi.iface.usable) this.interfaceDown(oi);
      else if (oi.state === 'DOWN') this.interfaceUp(oi);
    }
    for (const [id, db] of [...this.areas]) {
      if ([...this.ifaces.values()].some((oi) => oi.area.id === id)) continue;
      db.clear();
      this.areas.delete(id);
      this.scheduleSpf();
    }
    this.originateAll();
  }

  private areaOf(
    iface: L3Interface,
    ic: InterfaceConfig | undefined,
  ): { area: OspfArea; byCommand: boolean } | undefined {
    const ip = iface.ip;
    if (ip === undefined) return undefined;
    const a = ic?.ospf?.area;
    if (a !== undefined) return a.pid === this.pid ? { area: a.area, byCommand: true } : undefined;
    const area = ospfAreaFor(this.config.networks, ip.addr);
    return area === undefined ? undefined : { area, byCommand: false };
  }

  private setParameters(oi: OspfInterface, ic: InterfaceConfig | undefined): void {
    const o = ic?.ospf;
    const loopback = oi.iface.loopback;
    const before = `${oi.network}/${oi.passive}`;
    const timers = { hello: oi.helloInterval, dead: oi.deadInterval };
    // A loopback is announced as a host route, or as its subnet with `ip ospf network
    // point-to-point`; it sends no hellos either way.
    oi.network = o?.network === 'point-to-point' ? 'POINT_TO_POINT' : loopback ? 'LOOPBACK' : 'BROADCAST';
    const ref = (this.config.referenceBandwidth ?? OSPF_REFERENCE_BANDWIDTH) * 1000;
    oi.cost =
      o?.cost ??
      (loopback ? 1 : Math.max(1, Math.min(0xffff, Math.floor(ref / this.host.bandwidth(oi.iface)))));
    const priority = o?.priority ?? OSPF_PRIORITY;
    const priorityChanged = priority !== oi.priority;
    oi.priority = priority;
    oi.helloInterval = o?.hello ?? HELLO_INTERVAL;
    oi.deadInterval = o?.dead ?? 4 * oi.helloInterval;
    const passive = this.config.passive?.includes(oi.iface.name) ?? false;
    oi.passive = loopback || (this.config.passiveDefault === true ? !passive : passive);
    // A new network type or passivity: the interface starts over, as on IOS.
    if (oi.state !== 'DOWN' && before !== `${oi.network}/${oi.passive}`)
      this.interfaceDown(oi, 'Interface down or detached');
    else {
      if (oi.state !== 'DOWN' && (timers.hello !== oi.helloInterval || timers.dead !== oi.deadInterval))
        this.retime(oi);
      if (priorityChanged && oi.network === 'BROADCAST' && oi.state !== 'DOWN' && oi.state !== 'WAIT')
        this.elect(oi);
    }
  }

  /**
   * New hello or dead intervals: the neighbours stay until they are heard from no more. Their
   * hellos, which no longer agree, are ignored, so the dead timer each started at its last
   * hello takes it down, "Dead timer expired" (IOS shows the countdown going on past the new,
   * shorter interval); the next hello leaves at most one new interval from now.
   */
  private retime(oi: OspfInterface): void {
    const helloAt = this.now + oi.helloInterval * S;
    if (oi.nextHello > helloAt && !oi.passive) {
      oi.nextHello = helloAt;
      oi.hello.set(helloAt, oi, 0);
    }
  }

  /** The process stops (removed, its router reloading, or cleared): every neighbour goes down. */
  stop(): void {
    // Nothing is originated while it stops.
    this.running = false;
    for (const oi of this.ifaces.values()) this.interfaceDown(oi, undefined, false);
    this.ifaces.clear();
    for (const db of this.areas.values()) db.clear();
    this.areas.clear();
    this.externals.clear();
    this.bump.clear();
    this.spfTimer.cancel();
    this.spfPending = false;
    this.sweepTimer.cancel();
    this.originateTimer.cancel();
    this.rid = 0;
    if (this.routes.length > 0) {
      this.routes = NO_ROUTES;
      this.host.routesChanged();
    }
  }

  /**
   * `clear ip ospf process`: starts over, choosing its router ID again. Its neighbours go down
   * as for an interface going down (IOS 15 on an ISR 4321, in NetAcad's router ID lab).
   */
  clear(): void {
    this.stop();
    this.refresh();
  }

  // ---- interfaces ---------------------------------------------------------------------------

  private interfaceUp(oi: OspfInterface): void {
    if (oi.network === 'LOOPBACK') oi.state = 'LOOP';
    else if (oi.network === 'POINT_TO_POINT') oi.state = 'P2P';
    else if (oi.priority === 0) oi.state = 'DROTH';
    else {
      oi.state = 'WAIT';
      oi.wait.set(this.now + oi.deadInterval * S, oi, 0);
    }
    if (!oi.passive) {
      oi.nextHello = this.now;
      oi.hello.set(this.now, oi, 0);
    }
  }

  private interfaceDown(oi: OspfInterface, reason = 'Interface down or detached', originate = true): void {
    if (oi.state === 'DOWN') return;
    for (const n of [...oi.neighbors.values()]) this.killNeighbor(n, reason, false);
    oi.state = 'DOWN';
    oi.dr = 0;
    oi.bdr = 0;
    oi.acks = [];
    oi.nextHello = -1;
    oi.hello.cancel();
    oi.wait.cancel();
    oi.ack.cancel();
    if (originate) this.originateAll();
  }

  // ---- packets ------------------------------------------------------------------------------

  /** `body` from `oi`'s address to `dst`, with TTL 1 and IOS's precedence. */
  private packet(oi: OspfInterface, dst: number, body: OspfBody): Ipv4Packet {
    const id = this.host.stack.nextId();
    const base = ipv4(oi.addr, dst, 1, IPPROTO_OSPF, id, ospfPacket(this.rid, oi.area.id, body));
    return { ...base, dscp: DSCP_CS6 };
  }

  /** To a multicast group: all SPF routers or all designated routers. */
  private send(oi: OspfInterface, dst: number, body: OspfBody): void {
    const mac = dst === OSPF_ALL_ROUTERS ? OSPF_ALL_ROUTERS_MAC : OSPF_ALL_DROUTERS_MAC;
    this.host.stack.sendFrom(oi.iface, oi.iface.mac, mac, this.packet(oi, dst, body));
  }

  /**
   * A packet for one neighbour: to its address, at the MAC address its hellos come from (so
   * that the exchange does not wait on ARP), or to all routers on a point-to-point link (as IOS).
   */
  private sendTo(n: OspfNeighbor, body: OspfBody): void {
    const oi = n.oi;
    if (oi.network === 'POINT_TO_POINT' || n.mac < 0) {
      this.send(oi, OSPF_ALL_ROUTERS, body);
      return;
    }
    const st = this.host.stack;
    // IOS resolves the neighbour's address for its first unicast packet; the reply fills the
    // ARP table (`show ip arp` lists OSPF neighbours) while the packet itself goes at once.
    if (!st.arp.has(n.addr, oi.iface)) st.sendArpRequest(oi.iface, n.addr, BROADCAST_MAC);
    st.sendFrom(oi.iface, oi.iface.mac, n.mac, this.packet(oi, n.addr, body));
  }

  /** Where flooding goes on `oi` (RFC 2328 13.3 (5)). */
  private floodAddress(oi: OspfInterface): number {
    return oi.network === 'BROADCAST' && oi.state !== 'DR' && oi.state !== 'BDR'
      ? OSPF_ALL_DROUTERS
      : OSPF_ALL_ROUTERS;
  }

  private sendHello(oi: OspfInterface): void {
    const neighbors: number[] = [];
    for (const n of oi.neighbors.values()) if (rank(n.state) >= rank('INIT')) neighbors.push(n.routerId);
    const hello: OspfHello = {
      type: OSPF_HELLO,
      mask: oi.mask,
      hello: oi.helloInterval,
      options: HELLO_OPTIONS,
      priority: oi.priority,
      dead: oi.deadInterval,
      dr: oi.dr,
      bdr: oi.bdr,
      neighbors,
    };
    this.send(oi, OSPF_ALL_ROUTERS, hello);
    const debug = this.host.stack.debug;
    if (debug?.ospfHello)
      debug.ospfHelloEvent({
        ...this.debugAbout(oi),
        what: 'sent',
        addr: oi.addr as Ipv4Addr,
        dst: OSPF_ALL_ROUTERS as Ipv4Addr,
      });
  }

  private debugAbout(oi: OspfInterface): { pid: number; iface: string; area: OspfArea } {
    return { pid: this.pid, iface: oi.iface.name, area: oi.area };
  }

  /** An OSPF packet came in on `iface` (multicast or to one of its addresses). */
  receive(iface: L3Interface, pkt: Ipv4Packet, srcMac: number): void {
    const m = pkt.payload as unknown as OspfPacket;
    if (m.proto !== 'ospf' || m.version !== 2 || m.badChecksum !== undefined || !this.running) return;
    const oi = this.ifaces.get(iface);
    if (oi === undefined || oi.passive || oi.state === 'DOWN' || oi.state === 'LOOP') return;
    if (m.areaId >>> 0 !== oi.area.id >>> 0) {
      // RFC 2328 8.2: a packet of the backbone on another area's interface could only belong
      // to a virtual link (not simulated). IOS logs that case alone; other mismatches are silent.
      if (m.areaId === 0 && m.body.type === OSPF_HELLO)
        this.refused(oi, 'backbone-area', pkt.src, m.routerId);
      return;
    }
    if (m.routerId >>> 0 === this.rid >>> 0) {
      if (m.body.type === OSPF_HELLO && pkt.src !== oi.addr)
        this.refused(oi, 'duplicate-router-id', pkt.src, m.routerId);
      return;
    }
    // RFC 2328 8.2: but on point-to-point links, the sender must be on the interface's subnet.
    if (oi.network !== 'POINT_TO_POINT' && ((pkt.src ^ oi.addr) & oi.mask) !== 0) return;
    if (pkt.dst === OSPF_ALL_DROUTERS && oi.state !== 'DR' && oi.state !== 'BDR') return;
    const body = m.body;
    if (!ospfBodyKnown(body)) return;
    if (body.type === OSPF_HELLO) {
      this.takeHello(oi, pkt.src, srcMac, m.routerId, body);
      return;
    }
    const n = oi.neighbors.get(m.routerId);
    if (n === undefined) return;
    switch (body.type) {
      case OSPF_DBD:
        this.takeDbd(n, body);
        break;
      case OSPF_LSR:
        if (rank(n.state) < rank('EXCHANGE')) return;
        this.answerRequest(n, body.requests);
        break;
      case OSPF_LSU:
        if (rank(n.state) < rank('EXCHANGE')) return;
        for (const lsa of body.lsas) this.takeLsa(n, lsa);
        break;
      case OSPF_LSACK:
        if (rank(n.state) < rank('EXCHANGE')) return;
        for (const h of body.lsas) {
          const key = headerKey(h);
          const r = n.retransmit.get(key);
          if (r !== undefined && compareLsaInstance(h, r.header) === 0) n.retransmit.delete(key);
        }
        break;
    }
  }

  // ---- hellos and neighbours (RFC 2328 10.5) ------------------------------------------------

  private takeHello(oi: OspfInterface, src: number, mac: number, rid: number, h: OspfHello): void {
    const checkMask = oi.network === 'BROADCAST';
    const agree =
      (!checkMask || h.mask >>> 0 === oi.mask >>> 0) &&
      h.hello === oi.helloInterval &&
      h.dead === oi.deadInterval;
    const debug = this.host.stack.debug;
    if (debug?.ospfHello) {
      const about = { ...this.debugAbout(oi), addr: src as Ipv4Addr };
      debug.ospfHelloEvent({ ...about, what: 'rcvd', routerId: rid as Ipv4Addr });
      if (!agree) {
        const mismatch = {
          dead: [h.dead, oi.deadInterval] as const,
          hello: [h.hello, oi.helloInterval] as const,
          ...(checkMask ? { mask: [(h.mask >>> 0) as Ipv4Addr, (oi.mask >>> 0) as Ipv4Addr] as const } : {}),
        };
        debug.ospfHelloEvent({ ...about, what: 'mismatch', mismatch });
      }
    }
    if (!agree) return;
    let n = oi.neighbors.get(rid);
    if (n === undefined) {
      const st = this.host.stack;
      n = new OspfNeighbor(rid, oi, st.timer(this, T_DEAD), st.timer(this, T_RXMT));
      oi.neighbors.set(rid, n);
    }
    const before = { priority: n.priority, dr: n.dr === n.addr, bdr: n.bdr === n.addr };
    n.addr = src;
    n.mac = mac;
    n.priority = h.priority;
    n.dr = h.dr;
    n.bdr = h.bdr;
    n.deadAt = this.now + oi.deadInterval * S;
    n.dead.set(n.deadAt, n, 0);
    if (n.state === 'DOWN') this.setState(n, 'INIT');
    if (h.neighbors.some((r) => r >>> 0 === this.rid >>> 0)) {
      if (n.state === 'INIT') this.twoWay(n);
    } else if (rank(n.state) >= rank('2WAY')) {
      this.setState(n, 'INIT');
      n.resetExchange();
      if (oi.network === 'BROADCAST' && oi.state !== 'WAIT') this.elect(oi);
    }
    if (oi.network !== 'BROADCAST') return;
    if (oi.state === 'WAIT') {
      // BackupSeen: the network has a BDR, or a DR and no BDR; no need to wait further.
      if (rank(n.state) >= rank('2WAY') && (h.bdr === src || (h.dr === src && h.bdr === 0))) this.elect(oi);
    } else if (
      rank(n.state) >= rank('2WAY') &&
      (before.priority !== h.priority || before.dr !== (h.dr === src) || before.bdr !== (h.bdr === src))
    )
      this.elect(oi);
  }

  private twoWay(n: OspfNeighbor): void {
    this.setState(n, '2WAY');
    const oi = n.oi;
    if (oi.network === 'BROADCAST' && oi.state !== 'WAIT') this.elect(oi);
    // RFC 2328 10.3: 2-WayReceived decides on the adjacency itself, whatever the election did.
    if (n.state === '2WAY') this.adjacencyOk(n);
  }

  /** RFC 2328 10.4: whether to become adjacent with `n`. */
  private wantsAdjacency(n: OspfNeighbor): boolean {
    const oi = n.oi;
    if (oi.network !== 'BROADCAST') return true;
    if (oi.state === 'WAIT') return false;
    return oi.dr === oi.addr || oi.bdr === oi.addr || n.addr === oi.dr || n.addr === oi.bdr;
  }

  private adjacencyOk(n: OspfNeighbor): void {
    const want = this.wantsAdjacency(n);
    if (n.state === '2WAY' && want) this.startExchange(n);
    else if (rank(n.state) >= rank('EXSTART') && !want) {
      this.setState(n, '2WAY');
      n.resetExchange();
    }
  }

  /** RFC 2328 9.4 (ospf-election.ts), and what a new DR or BDR changes. */
  private elect(oi: OspfInterface): void {
    const me = oi.addr;
    const others = [...oi.neighbors.values()]
      .filter((n) => rank(n.state) >= rank('2WAY') && n.priority > 0)
      .map((n) => ({ rid: n.routerId, addr: n.addr, priority: n.priority, dr: n.dr, bdr: n.bdr }));
    const [dr, bdr] = electDesignated(
      { rid: this.rid, addr: me, priority: oi.priority, dr: oi.dr, bdr: oi.bdr },
      others,
    );
    const changed = dr !== oi.dr || bdr !== oi.bdr || oi.state === 'WAIT';
    oi.wait.cancel();
    oi.dr = dr;
    oi.bdr = bdr;
    oi.state = dr === me ? 'DR' : bdr === me ? 'BDR' : 'DROTH';
    if (!changed) return;
    for (const n of oi.neighbors.values()) if (rank(n.state) >= rank('2WAY')) this.adjacencyOk(n);
    this.originateAll();
  }

  private setState(n: OspfNeighbor, to: OspfNeighborState, reason = ''): void {
    const from = n.state;
    if (from === to) return;
    n.state = to;
    n.changes++;
    if (rank(to) >= rank('2WAY') && rank(from) < rank('2WAY')) n.since = this.now;
    const log = this.config.logAdjacency ?? true;
    const logged =
      log === 'detail' || (log === true && (to === 'FULL' || (to === 'DOWN' && rank(from) >= rank('2WAY'))));
    if (logged)
      this.host.log({
        kind: 'adjacency',
        at: this.now as Micros,
        pid: this.pid,
        neighbor: n.routerId as Ipv4Addr,
        iface: n.oi.iface.name,
        from,
        to,
        reason,
      });
    if (to === 'FULL' || from === 'FULL') this.originateAll();
  }

  private refused(oi: OspfInterface, kind: OspfPacketRefused['kind'], src: number, rid: number): void {
    this.host.log({
      kind,
      at: this.now as Micros,
      pid: this.pid,
      src: src as Ipv4Addr,
      iface: oi.iface.name,
      routerId: rid as Ipv4Addr,
    });
  }

  private killNeighbor(n: OspfNeighbor, reason: string, originate = true): void {
    const oi = n.oi;
    n.resetExchange();
    n.dead.cancel();
    n.rxmt.cancel();
    oi.neighbors.delete(n.routerId);
    this.setState(n, 'DOWN', `Neighbor Down: ${reason}`);
    if (originate && oi.network === 'BROADCAST' && oi.state !== 'WAIT' && oi.state !== 'DOWN') this.elect(oi);
  }

  // ---- database exchange (RFC 2328 10.6-10.8) ----------------------------------------------

  private startExchange(n: OspfNeighbor): void {
    this.setState(n, 'EXSTART');
    n.resetExchange();
    n.master = true;
    n.ddSeq = n.ddSeq === 0 ? 1 + this.host.stack.randomInt(0x7fff_ffff) : (n.ddSeq + 1) >>> 0;
    this.sendDbd(n, DBD_I | DBD_M | DBD_MS, []);
    n.rxmt.set(this.now + RXMT, n, 0);
  }

  private sendDbd(n: OspfNeighbor, flags: number, lsas: readonly LsaHeader[]): void {
    n.lastDbd = { type: OSPF_DBD, mtu: MTU, options: DBD_OPTIONS, flags, seq: n.ddSeq, lsas };
    this.sendTo(n, n.lastDbd);
  }

  private resendDbd(n: OspfNeighbor): void {
    if (n.lastDbd !== null) this.sendTo(n, n.lastDbd);
  }

  private takeDbd(n: OspfNeighbor, d: OspfDbd): void {
    if (n.state === 'INIT') this.twoWay(n);
    const mine = this.rid >>> 0;
    const theirs = n.routerId >>> 0;
    switch (n.state) {
      case 'EXSTART':
        if (
          (d.flags & (DBD_I | DBD_M | DBD_MS)) === (DBD_I | DBD_M | DBD_MS) &&
          d.lsas.length === 0 &&
          theirs > mine
        ) {
          n.master = false;
          n.ddSeq = d.seq;
          this.negotiated(n);
          this.slaveAnswer(n);
        } else if ((d.flags & (DBD_I | DBD_MS)) === 0 && d.seq === n.ddSeq && theirs < mine) {
          this.negotiated(n);
          this.takeHeaders(n, d);
          n.peerDone = (d.flags & DBD_M) === 0;
          this.masterNext(n);
        }
        return;
      case 'EXCHANGE':
        if (n.master) {
          if ((d.flags & (DBD_I | DBD_MS)) !== 0) {
            this.mismatch(n);
            return;
          }
          if (d.seq !== n.ddSeq) return;
          this.takeHeaders(n, d);
          n.peerDone = (d.flags & DBD_M) === 0;
          this.masterNext(n);
        } else {
          if (d.seq === n.ddSeq) {
            this.resendDbd(n);
            return;
          }
          if ((d.flags & DBD_MS) === 0 || (d.flags & DBD_I) !== 0 || d.seq !== (n.ddSeq + 1) >>> 0) {
            this.mismatch(n);
            return;
          }
          n.ddSeq = d.seq;
          this.takeHeaders(n, d);
          n.peerDone = (d.flags & DBD_M) === 0;
          this.slaveAnswer(n);
        }
        return;
      case 'LOADING':
      case 'FULL':
        // A duplicate gets the slave's last answer again; anything else restarts the exchange.
        if (d.seq === n.ddSeq && (d.flags & DBD_I) === 0) {
          if (!n.master) this.resendDbd(n);
          return;
        }
        this.mismatch(n);
        return;
      default:
        return;
    }
  }

  private mismatch(n: OspfNeighbor): void {
    this.setState(n, 'EXSTART', 'SeqNumberMismatch');
    this.startExchange(n);
  }

  /** RFC 2328 10.8: the summary list holds the whole database (the externals included). */
  private negotiated(n: OspfNeighbor): void {
    this.setState(n, 'EXCHANGE', 'Negotiation Done');
    const db = this.areas.get(n.oi.area.id);
    const now = this.now;
    const all = [...(db?.entries.values() ?? []), ...this.externals.entries.values()];
    n.summary = all.map((e) => agedHeader(e, now));
  }

  private masterNext(n: OspfNeighbor): void {
    if (n.sentAll && n.peerDone) {
      this.exchangeDone(n);
      return;
    }
    n.ddSeq = (n.ddSeq + 1) >>> 0;
    const chunk = n.summary.splice(0, PER_PACKET);
    n.sentAll = n.summary.length === 0;
    this.sendDbd(n, DBD_MS | (n.sentAll ? 0 : DBD_M), chunk);
    n.rxmt.set(this.now + RXMT, n, 0);
  }

  private slaveAnswer(n: OspfNeighbor): void {
    const chunk = n.summary.splice(0, PER_PACKET);
    n.sentAll = n.summary.length === 0;
    this.sendDbd(n, n.sentAll ? 0 : DBD_M, chunk);
    if (n.sentAll && n.peerDone) this.exchangeDone(n);
  }

  private takeHeaders(n: OspfNeighbor, d: OspfDbd): void {
    const now = this.now;
    for (const h of d.lsas) {
      const db = this.dbFor(h.type, n.oi);
      if (db === undefined) continue;
      const e = db.get(headerKey(h));
      if (e === undefined || compareLsaInstance(h, agedHeader(e, now)) > 0) n.requests.set(headerKey(h), h);
    }
  }

  /** IOS goes through LOADING even with nothing to request, and logs "Loading Done". */
  private exchangeDone(n: OspfNeighbor): void {
    this.setState(n, 'LOADING', 'Exchange Done');
    if (n.requests.size === 0) this.setState(n, 'FULL', 'Loading Done');
    else this.sendRequest(n);
  }

  private sendRequest(n: OspfNeighbor): void {
    const requests = [...n.requests.values()]
      .slice(0, PER_PACKET)
      .map((h) => ({ lsType: h.type, id: h.id, advRouter: h.advRouter }));
    this.sendTo(n, { type: OSPF_LSR, requests });
    n.rxmt.set(this.now + RXMT, n, 0);
  }

  private answerRequest(
    n: OspfNeighbor,
    requests: readonly { lsType: number; id: number; advRouter: number }[],
  ): void {
    const out: Lsa[] = [];
    for (const r of requests) {
      const e = this.dbFor(r.lsType, n.oi)?.get(lsaKey(r.lsType, r.id, r.advRouter));
      if (e === undefined) {
        // BadLSReq: the neighbour asked for what we never described.
        this.mismatch(n);
        return;
      }
      out.push(agedLsa(e, this.now, TRANSMIT_DELAY));
    }
    for (const lsas of this.updates(out)) this.sendTo(n, { type: OSPF_LSU, lsas });
  }

  private checkLoading(n: OspfNeighbor): void {
    if (n.state === 'LOADING' && n.requests.size === 0) this.setState(n, 'FULL', 'Loading Done');
  }

  // ---- flooding (RFC 2328 13) ---------------------------------------------------------------

  private dbFor(type: number, oi: OspfInterface): Lsdb | undefined {
    if (type === LSA_EXTERNAL) return this.externals;
    if (type === LSA_ROUTER || type === LSA_NETWORK) return this.areas.get(oi.area.id);
    return undefined;
  }

  private selfOriginated(h: LsaHeader): boolean {
    if (h.advRouter >>> 0 === this.rid >>> 0) return true;
    if (h.type !== LSA_NETWORK) return false;
    for (const oi of this.ifaces.values()) if (oi.addr === h.id) return true;
    return false;
  }

  private takeLsa(n: OspfNeighbor, lsa: Lsa): void {
    const h = lsa.header;
    const oi = n.oi;
    const db = this.dbFor(h.type, oi);
    if (db === undefined || !lsaChecksumOk(lsa)) return;
    const key = headerKey(h);
    const e = db.get(key);
    const now = this.now;
    if (h.age >= MAX_AGE && e === undefined && !this.anyExchanging()) {
      this.sendTo(n, { type: OSPF_LSACK, lsas: [h] });
      return;
    }
    const c = e === undefined ? 1 : compareLsaInstance(h, agedHeader(e, now));
    if (c > 0) {
      for (const other of this.neighbors()) other.retransmit.delete(key);
      const entry = db.install(lsa, now);
      n.requests.delete(key);
      if (this.selfOriginated(h)) {
        // Ours, from before a restart, or no longer ours: originated again past it, or flushed.
        this.bump.set(key, h.seq);
        this.delayedAck(oi, h);
        this.originateAll();
        this.flushStale();
      } else {
        const back = this.flood(entry, h.type === LSA_EXTERNAL ? undefined : oi.area.id, oi, n);
        if (!back && !(oi.state === 'BDR' && n.addr !== oi.dr)) this.delayedAck(oi, h);
        this.scheduleSpf();
      }
      this.checkLoading(n);
      return;
    }
    if (n.requests.has(key)) {
      this.mismatch(n);
      return;
    }
    if (c === 0) {
      if (n.retransmit.has(key)) n.retransmit.delete(key);
      else this.sendTo(n, { type: OSPF_LSACK, lsas: [h] });
      return;
    }
    // Ours is newer: the neighbour gets it.
    if (e !== undefined) this.sendTo(n, { type: OSPF_LSU, lsas: [agedLsa(e, now, TRANSMIT_DELAY)] });
  }

  /** Whether it has heard any neighbour (what decides whether a new router ID waits). */
  hasNeighbors(): boolean {
    for (const oi of this.ifaces.values()) if (oi.neighbors.size > 0) return true;
    return false;
  }

  private *neighbors(): Generator<OspfNeighbor> {
    for (const oi of this.ifaces.values()) yield* oi.neighbors.values();
  }

  private anyExchanging(): boolean {
    for (const n of this.neighbors()) if (n.state === 'EXCHANGE' || n.state === 'LOADING') return true;
    return false;
  }

  /**
   * Floods `entry` (RFC 2328 13.3) over the interfaces of `area` (every area for an AS external
   * LSA), except back to `fromN`; returns whether it went back out of `fromOi`.
   */
  private flood(
    entry: LsaEntry,
    area: number | undefined,
    fromOi?: OspfInterface,
    fromN?: OspfNeighbor,
  ): boolean {
    const key = headerKey(entry.lsa.header);
    let back = false;
    for (const oi of this.ifaces.values()) {
      if (area !== undefined && oi.area.id !== area) continue;
      if (oi.passive || oi.state === 'DOWN' || oi.state === 'LOOP') continue;
      let added = false;
      for (const n of oi.neighbors.values()) {
        if (rank(n.state) < rank('EXCHANGE')) continue;
        if (n.state !== 'FULL') {
          const req = n.requests.get(key);
          if (req !== undefined) {
            const c = compareLsaInstance(req, entry.lsa.header);
            if (c > 0) continue;
            n.requests.delete(key);
            this.checkLoading(n);
            if (c === 0) continue;
          }
        }
        if (n === fromN) continue;
        n.retransmit.set(key, entry.lsa);
        n.rxmt.set(this.now + RXMT, n, 0);
        added = true;
      }
      if (!added) continue;
      if (oi === fromOi && oi.network === 'BROADCAST') {
        if (fromN !== undefined && (fromN.addr === oi.dr || fromN.addr === oi.bdr)) continue;
        if (oi.state === 'BDR') continue;
      }
      if (oi === fromOi) back = true;
      this.send(oi, this.floodAddress(oi), {
        type: OSPF_LSU,
        lsas: [agedLsa(entry, this.now, TRANSMIT_DELAY)],
      });
    }
    return back;
  }

  /** LSAs in as few updates as fit an Ethernet MTU (one LSA alone however long). */
  private updates(lsas: readonly Lsa[]): Lsa[][] {
    const out: Lsa[][] = [];
    let cur: Lsa[] = [];
    let size = 0;
    for (const l of lsas) {
      if (cur.length > 0 && size + l.header.length > LSU_ROOM) {
        out.push(cur);
        cur = [];
        size = 0;
      }
      cur.push(l);
      size += l.header.length;
    }
    if (cur.length > 0) out.push(cur);
    return out;
  }

  private delayedAck(oi: OspfInterface, h: LsaHeader): void {
    oi.acks.push(h);
    if (oi.acks.length === 1) oi.ack.set(this.now + ACK_DELAY, oi, 0);
  }

  private retransmit(n: OspfNeighbor): void {
    let pending = false;
    if (n.state === 'EXSTART' || (n.state === 'EXCHANGE' && n.master)) {
      this.resendDbd(n);
      pending = true;
    }
    if (n.state === 'LOADING' && n.requests.size > 0) {
      this.sendRequest(n);
      pending = true;
    }
    if (rank(n.state) >= rank('EXCHANGE') && n.retransmit.size > 0) {
      const now = this.now;
      const lsas: Lsa[] = [];
      for (const [key, lsa] of n.retransmit) {
        const e = this.dbFor(lsa.header.type, n.oi)?.get(key);
        if (e === undefined) n.retransmit.delete(key);
        else lsas.push(agedLsa(e, now, TRANSMIT_DELAY));
      }
      const first = this.updates(lsas)[0];
      if (first !== undefined) {
        this.sendTo(n, { type: OSPF_LSU, lsas: first });
        pending = true;
      }
    }
    if (pending) n.rxmt.set(this.now + RXMT, n, 0);
  }

  // ---- origination (RFC 2328 12.4) ----------------------------------------------------------

  /** Originates what this router's state calls for, in every area, and withdraws the rest. */
  private originateAll(): void {
    if (!this.running) return;
    const asbr = this.wantsDefault();
    for (const [areaId, db] of this.areas) {
      const links: RouterLink[] = [];
      for (const oi of this.ifaces.values()) {
        if (oi.area.id !== areaId || oi.state === 'DOWN') continue;
        this.linksOf(oi, links);
      }
      this.originate(db, LSA_ROUTER, this.rid, { kind: 'router', flags: asbr ? ROUTER_E : 0, links });
      for (const oi of this.ifaces.values()) {
        if (oi.area.id !== areaId) continue;
        const full = [...oi.neighbors.values()].filter((n) => n.state === 'FULL');
        if (oi.state === 'DR' && full.length > 0) {
          if (oi.networkLsaId !== 0 && oi.networkLsaId !== oi.addr)
            this.flush(db, lsaKey(LSA_NETWORK, oi.networkLsaId, this.rid));
          oi.networkLsaId = oi.addr;
          this.originate(db, LSA_NETWORK, oi.addr, {
            kind: 'network',
            mask: oi.mask,
            routers: [this.rid, ...full.map((n) => n.routerId)],
          });
        } else if (oi.networkLsaId !== 0) {
          this.flush(db, lsaKey(LSA_NETWORK, oi.networkLsaId, this.rid));
          oi.networkLsaId = 0;
        }
      }
    }
    const d = this.config.defaultOriginate;
    if (asbr && d !== undefined) {
      this.originate(this.externals, LSA_EXTERNAL, 0, {
        kind: 'external',
        mask: 0,
        e2: d.metricType !== 1,
        metric: d.metric ?? 1,
        forwarding: 0,
        tag: DEFAULT_TAG,
      });
    } else this.flush(this.externals, lsaKey(LSA_EXTERNAL, 0, this.rid));
  }

  /** `default-information originate`: with `always`, or while a default route is in the table. */
  private wantsDefault(): boolean {
    const d = this.config.defaultOriginate;
    return d !== undefined && (d.always === true || this.host.hasDefaultRoute()) && this.ifaces.size > 0;
  }

  /** RFC 2328 12.4.1: an interface's links in the router LSA. */
  private linksOf(oi: OspfInterface, links: RouterLink[]): void {
    const stub = (id: number, mask: number, metric: number): void => {
      links.push({ id: (id & mask) >>> 0, data: mask >>> 0, type: LINK_STUB, metric, tos: [] });
    };
    if (oi.network === 'LOOPBACK') {
      // IOS announces a loopback as a host route.
      stub(oi.addr, 0xffff_ffff, oi.cost);
      return;
    }
    if (oi.network === 'POINT_TO_POINT') {
      for (const n of oi.neighbors.values())
        if (n.state === 'FULL')
          links.push({ id: n.routerId, data: oi.addr, type: LINK_P2P, metric: oi.cost, tos: [] });
      stub(oi.addr, oi.mask, oi.cost);
      return;
    }
    const drFull =
      oi.state === 'DR'
        ? oi.count('FULL') > 0
        : [...oi.neighbors.values()].some((n) => n.addr === oi.dr && n.state === 'FULL');
    if (oi.state !== 'WAIT' && oi.dr !== 0 && drFull)
      links.push({ id: oi.dr, data: oi.addr, type: LINK_TRANSIT, metric: oi.cost, tos: [] });
    else stub(oi.addr, oi.mask, oi.cost);
  }

  /**
   * Originates an LSA unless the database holds ours with the same contents; at most every
   * MinLSInterval, the rest deferred.
   */
  private originate(db: Lsdb, type: number, id: number, body: LsaBody): void {
    const key = lsaKey(type, id, this.rid);
    const e = db.get(key);
    const now = this.now;
    const bumped = this.bump.get(key);
    if (e !== undefined && bumped === undefined) {
      const same = e.lsa.header.age < MAX_AGE && JSON.stringify(e.lsa.body) === JSON.stringify(body);
      if (same) return;
      const earliest = e.installedAt + MIN_LS_INTERVAL * S;
      if (e.lsa.header.age < MAX_AGE && now < earliest) {
        this.originateTimer.set(earliest, null, 0);
        return;
      }
    }
    const last = bumped ?? e?.lsa.header.seq;
    this.bump.delete(key);
    const seq = last === undefined ? LSA_INITIAL_SEQ : (last + 1) | 0;
    const options = type === LSA_EXTERNAL ? EXTERNAL_OPTIONS : LSA_OPTIONS;
    const lsa = withLsaChecksum({ age: 0, options, type, id, advRouter: this.rid, seq }, body);
    const entry = db.install(lsa, now);
    this.flood(entry, type === LSA_EXTERNAL ? undefined : this.areaIdOf(db));
    this.scheduleSpf();
  }

  private areaIdOf(db: Lsdb): number | undefined {
    for (const [id, d] of this.areas) if (d === db) return id;
    return undefined;
  }

  /** Withdraws one of ours: at MaxAge, flooded (RFC 2328 14.1). */
  private flush(db: Lsdb, key: string): void {
    const e = db.get(key);
    if (e === undefined || ageOf(e, this.now) >= MAX_AGE) return;
    const lsa: Lsa = { header: { ...e.lsa.header, age: MAX_AGE }, body: e.lsa.body };
    const entry = db.install(lsa, this.now);
    this.flood(entry, lsa.header.type === LSA_EXTERNAL ? undefined : this.areaIdOf(db));
    this.scheduleSpf();
  }

  /** Self-originated LSAs heard back that this router no longer originates: flushed. */
  private flushStale(): void {
    for (const [key] of this.bump) {
      for (const db of [...this.areas.values(), this.externals])
        if (db.get(key) !== undefined) this.flush(db, key);
    }
    this.bump.clear();
  }

  // ---- the calculation ----------------------------------------------------------------------

  private scheduleSpf(): void {
    const at = Math.max(this.now + SPF_START, this.lastSpf + SPF_HOLD);
    if (!this.spfPending) {
      this.spfPending = true;
      this.spfTimer.set(at, null, 0);
    }
  }

  private spfPending = false;

  private runSpf(): void {
    this.spfPending = false;
    this.spfRuns++;
    this.lastSpf = this.now;
    const byAddr = (addr: number): L3Interface | undefined => {
      for (const oi of this.ifaces.values()) if (oi.addr === addr && oi.iface.usable) return oi.iface;
      return undefined;
    };
    const found: SpfRoute[] = [];
    for (const db of this.areas.values())
      found.push(
        ...spf(this.rid, db.entries.values(), this.externals.entries.values(), byAddr, this.now, ageOf),
      );
    const old = new Map(
      this.routes.map((r) => [
        `${r.net}/${r.len}/${r.code}/${r.metric}/${r.iface.name}/${r.gateway}`,
        r.since,
      ]),
    );
    const routes: Route[] = [];
    for (const r of found) {
      for (const h of r.hops) {
        if (h.gateway === undefined) continue;
        const code = r.kind === 'O' ? 'O' : r.len === 0 ? (`O*${r.kind}` as const) : (`O ${r.kind}` as const);
        const key = `${r.net}/${r.len}/${code}/${r.cost}/${h.iface.name}/${h.gateway}`;
        routes.push({
          code,
          net: r.net,
          len: r.len,
          distance: OSPF_ADMIN_DISTANCE,
          nextHop: h.gateway,
          iface: h.iface,
          namedInterface: true,
          gateway: h.gateway,
          metric: r.cost,
          since: old.get(key) ?? this.now,
        });
      }
    }
    this.routes = routes;
    this.host.routesChanged();
  }

  private sweep(): void {
    const now = this.now;
    for (const db of [...this.areas.values(), this.externals]) {
      for (const [key, e] of [...db.entries]) {
        const age = ageOf(e, now);
        const mine = e.lsa.header.advRouter >>> 0 === this.rid >>> 0;
        if (age >= MAX_AGE) {
          let held = false;
          for (const n of this.neighbors()) if (n.retransmit.has(key)) held = true;
          if (held || this.anyExchanging()) continue;
          if (e.lsa.header.age < MAX_AGE) {
            // Aged out here: flooded once at MaxAge, then let go.
            const entry = db.install({ header: { ...e.lsa.header, age: MAX_AGE }, body: e.lsa.body }, now);
            this.flood(entry, e.lsa.header.type === LSA_EXTERNAL ? undefined : this.areaIdOf(db));
            continue;
          }
          db.delete(key);
          this.scheduleSpf();
        } else if (mine && age >= LS_REFRESH_TIME) {
          this.bump.set(key, e.lsa.header.seq);
        }
      }
    }
    if (this.bump.size > 0) {
      this.originateAll();
      this.flushStale();
    }
    this.sweepTimer.set(now + SWEEP, null, 0);
  }

  onEvent(code: number, a: unknown): void {
    switch (code) {
      case T_HELLO: {
        const oi = a as OspfInterface;
        this.sendHello(oi);
        oi.nextHello = this.now + oi.helloInterval * S;
        oi.hello.set(oi.nextHello, oi, 0);
        return;
      }
      case T_WAIT: {
        const oi = a as OspfInterface;
        if (oi.state === 'WAIT') this.elect(oi);
        return;
      }
      case T_ACK: {
        const oi = a as OspfInterface;
        const lsas = oi.acks;
        oi.acks = [];
        if (lsas.length > 0 && oi.state !== 'DOWN')
          this.send(oi, this.floodAddress(oi), { type: OSPF_LSACK, lsas });
        return;
      }
      case T_DEAD:
        this.killNeighbor(a as OspfNeighbor, 'Dead timer expired');
        return;
      case T_RXMT:
        this.retransmit(a as OspfNeighbor);
        return;
      case T_SPF:
        this.runSpf();
        return;
      case T_SWEEP:
        this.sweep();
        return;
      case T_ORIGINATE:
        this.originateAll();
        return;
    }
  }

  // ---- what it shows ------------------------------------------------------------------------

  status(): OspfProcessStatus {
    const now = this.now;
    const interfaces: OspfInterfaceStatus[] = [];
    const neighbors: OspfNeighborStatus[] = [];
    const designated = (oi: OspfInterface, addr: number) => {
      if (addr === 0) return undefined;
      if (addr === oi.addr) return { routerId: this.rid as Ipv4Addr, addr: addr as Ipv4Addr };
      for (const n of oi.neighbors.values())
        if (n.addr === addr) return { routerId: n.routerId as Ipv4Addr, addr: addr as Ipv4Addr };
      return undefined;
    };
    // IOS lists an area's interfaces the most recently attached first.
    for (const oi of [...this.ifaces.values()].reverse()) {
      const dr = designated(oi, oi.dr);
      const bdr = designated(oi, oi.bdr);
      interfaces.push({
        name: oi.iface.name,
        pid: this.pid,
        area: oi.area,
        byInterfaceCommand: oi.byInterfaceCommand,
        addr: oi.addr as Ipv4Addr,
        len: oi.iface.ip?.len ?? 0,
        up: oi.iface.usable,
        cost: oi.cost,
        state: oi.state,
        network: oi.network,
        priority: oi.priority,
        ...(dr !== undefined ? { dr } : {}),
        ...(bdr !== undefined ? { bdr } : {}),
        hello: oi.helloInterval,
        dead: oi.deadInterval,
        passive: oi.passive,
        ...(oi.nextHello >= 0 && !oi.passive && oi.state !== 'DOWN'
          ? { nextHello: oi.nextHello as Micros }
          : {}),
        neighbors: oi.count('2WAY'),
        adjacent: oi.count('FULL'),
      });
    }
    for (const oi of this.ifaces.values()) {
      for (const n of oi.neighbors.values()) {
        if (rank(n.state) < rank('INIT')) continue;
        neighbors.push({
          routerId: n.routerId as Ipv4Addr,
          addr: n.addr as Ipv4Addr,
          iface: oi.iface.name,
          priority: n.priority,
          state: n.state,
          role:
            oi.network !== 'BROADCAST'
              ? '-'
              : n.addr === oi.dr
                ? 'DR'
                : n.addr === oi.bdr
                  ? 'BDR'
                  : 'DROTHER',
          dr: n.dr as Ipv4Addr,
          bdr: n.bdr as Ipv4Addr,
          deadAt: n.deadAt as Micros,
          since: n.since as Micros,
          stateChanges: n.changes,
        });
      }
    }
    const lsaView = (e: LsaEntry): OspfLsaStatus => {
      const h = e.lsa.header;
      const b = e.lsa.body;
      return {
        type: h.type,
        id: h.id as Ipv4Addr,
        advRouter: h.advRouter as Ipv4Addr,
        age: ageOf(e, now),
        seq: h.seq,
        checksum: h.checksum,
        ...(b.kind === 'router' ? { links: b.links.length } : {}),
        ...(b.kind === 'external' ? { metricType: b.e2 ? (2 as const) : (1 as const), tag: b.tag } : {}),
      };
    };
    const areas = [...new Map([...this.ifaces.values()].map((oi) => [oi.area.id, oi.area])).values()];
    const database: { area?: OspfArea; lsas: OspfLsaStatus[] }[] = areas.map((area) => ({
      area,
      lsas: (this.areas.get(area.id)?.sorted() ?? []).map(lsaView),
    }));
    if (this.externals.entries.size > 0) database.push({ lsas: this.externals.sorted().map(lsaView) });
    return {
      pid: this.pid,
      routerId: this.rid as Ipv4Addr,
      startedAt: this.startedAt as Micros,
      referenceBandwidth: this.config.referenceBandwidth ?? OSPF_REFERENCE_BANDWIDTH,
      areas,
      interfaces,
      neighbors,
      database,
      spfRuns: this.spfRuns,
      ...(this.spfRuns > 0 ? { lastSpf: this.lastSpf as Micros } : {}),
      asbr: this.wantsDefault(),
    };
  }
}
