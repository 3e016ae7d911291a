/**
 * Spanning tree as a Catalyst runs it by default: PVST+, one IEEE 802.1D-1998 instance per
 * VLAN (clause 8: the protocol's procedures, whose names the methods below keep; clause 9:
 * BPDUs, in wire/stp.ts). Cisco's PVST+ adds the VLAN to the bridge priority (the extended
 * system id) and carries each VLAN's BPDUs on trunks as SSTP BPDUs, tagged but for the native
 * VLAN's; an access port sends IEEE BPDUs for its VLAN.
 *
 * - The root bridge sends a configuration BPDU every hello time on its designated ports; every
 *   other bridge relays one on its own designated ports as one arrives on its root port
 *   (clause 8.6.1), so a bridge cut off from the root by a failure elsewhere hears nothing and
 *   waits for its stored information to reach the max age (20 s) before it acts.
 * - A port that becomes root or designated listens for the forward delay (15 s), learns
 *   addresses for as long again, then forwards; one that becomes an alternate blocks at once.
 * - A forwarding port that blocks or goes down, or a port that comes to forward on a bridge
 *   designated for some segment, is a topology change: TCN BPDUs go to the root, which sets
 *   the TC flag in its BPDUs for max age + forward delay (35 s), during which every bridge ages
 *   addresses out after the forward delay rather than its usual 300 s.
 * - PortFast (an edge port) forwards as its link comes up and is no topology change; BPDU
 *   guard error-disables such a port when a BPDU arrives on it.
 * - Cisco's guards (Catalyst 2960 configuration guide, "Configuring Optional Spanning-Tree
 *   Features"): root guard holds a port blocking while superior BPDUs arrive on it, so that no
 *   bridge beyond it becomes the root (`*ROOT_Inc`); loop guard holds a root or alternate port
 *   blocking when its BPDUs stop, rather than letting it become designated and forward
 *   (`*LOOP_Inc`). BPDU filtering keeps a port from sending BPDUs (stp-bridge.ts drops those
 *   that arrive on it).
 *
 * A network opened from a file has been running: what its switches' ports come to at virtual
 * time 0 is the converged state, worked out by exchanging BPDUs at once (`settleSpanningTrees`),
 * not after 30 s of listening and learning. Changes after that follow the protocol's timers.
 */
import type { MacAddr } from '../../shared/mac.ts';
import { FILTER_EDGE, FILTER_OFF, FILTER_ON } from '../../shared/spanning-tree.ts';
import { seconds } from '../../shared/time.ts';
import type { StpInstanceStatus, StpPortStatus } from '../api.ts';
import type { EventTarget, Scheduler } from '../sim/scheduler.ts';
import { Timer } from '../sim/timer.ts';
import {
  BPDU_CONFIG,
  BPDU_TCN,
  headerBpdu,
  STP_FLAG_TC,
  STP_FLAG_TCA,
  type StpBpdu,
  stpBpdu,
} from '../wire/stp.ts';

export const ST_BLOCKING = 0;
export const ST_LISTENING = 1;
export const ST_LEARNING = 2;
export const ST_FORWARDING = 3;

const STATE_NAMES = ['blocking', 'listening', 'learning', 'forwarding'] as const;

/** What holds a port blocking besides its role: nothing, root guard or loop guard. */
export const INC_NONE = 0;
const INC_ROOT = 1;
const INC_LOOP = 2;
/** The guard behind each, as the switch's log names it. */
const INC_GUARD = [undefined, 'root', 'loop'] as const;

/**
 * BPDUs an edge port filtering by default sends after its link comes up (Cisco's guides: "a
 * few"; Odom's capture of `show spanning-tree interface ... detail`: "BPDU: sent 11").
 */
const EDGE_FILTER_SENDS = 11;

/** BPDU times are in 1/256 s. */
const TIME_UNIT = seconds(1) / 256;
/** IEEE 802.1D-1998 table 8-3: the message age increment and the hold time. */
export const MESSAGE_AGE_INCREMENT = 256;
const HOLD_TIME = seconds(1);

/** BPDUs the engine sends carry nothing after what 802.1D defines. */
const NO_EXTRA = new Uint8Array(0);
/** A topology change notification: a header only (framed per port by stp-bridge.ts). */
const TCN = headerBpdu('ieee', BPDU_TCN, NO_EXTRA);

export const toUnits = (us: number): number => Math.round(us / TIME_UNIT);
export const fromUnits = (u: number): number => u * TIME_UNIT;

/** A timer's value as IOS shows it: whole seconds, never below 0. */
const wholeSeconds = (us: number): number => Math.max(0, Math.floor(us / seconds(1)));

/** Orders two bridge identifiers (priority, then address): negative when the first is better. */
const cmpId = (ap: number, am: number, bp: number, bm: number): number => (ap !== bp ? ap - bp : am - bm);

/** A port's place in one instance (IEEE 802.1D-1998 8.5.5). */
export class StpPort {
  state = ST_BLOCKING;
  portId: number;
  pathCost: number;
  // The designated root, cost, bridge and port of its segment: what it last took from a BPDU,
  // or the bridge's own when designated.
  rootPri = 0;
  rootMac = 0;
  cost = 0;
  bridgePri = 0;
  bridgeMac = 0;
  port = 0;
  tcAck = false;
  configPending = false;
  /** When its stored information reaches the max age; Infinity when the timer is off. */
  ageAt = Number.POSITIVE_INFINITY;
  /** The message age its stored information came with, and when (for relaying it on). */
  receivedAge = 0;
  receivedAt = 0;
  /** When the forward delay timer runs out; Infinity when it is off. */
  forwardAt = Number.POSITIVE_INFINITY;
  /** No configuration BPDU leaves before this (the hold timer). */
  holdUntil = Number.NEGATIVE_INFINITY;
  edge = false;
  bpduguard = false;
  rootGuard = false;
  loopGuard = false;
  /** FILTER_OFF, FILTER_ON or FILTER_EDGE (shared/spanning-tree.ts). */
  filter = FILTER_OFF;
  /** BPDUs it may still send while it filters as an edge port. */
  allowance = 0;
  /** INC_ROOT or INC_LOOP while a guard holds it blocking. */
  inc = INC_NONE;
  /** When root guard lets it go unless a superior BPDU comes first (the superior one's max age). */
  incUntil = Number.POSITIVE_INFINITY;
  sent = 0;
  received = 0;
  /** Times it came to forward (`show spanning-tree detail`). */
  forwardings = 0;
  /**
   * A point-to-point segment (full duplex, or `spanning-tree link-type`): agreements may move it
   * to forwarding under rapid PVST+, and loop guard acts on it.
   */
  p2p = true;
  // Rapid PVST+ only (rstp.ts).
  /** Its neighbour runs IEEE 802.1D: it sends and hears 802.1D BPDUs only ("Peer(STP)"). */
  legacy = false;
  /** A designated port discarding or learning that asks its neighbour to agree. */
  proposing = false;
  /** Its neighbour agreed: as a designated port, it forwards at once. */
  agreed = false;
  /** As a root or alternate port, it agreed to its designated port's proposal. */
  agree = false;
  /** While the clock is before this, its BPDUs carry the topology change flag (tcWhile). */
  tcUntil = Number.NEGATIVE_INFINITY;
  /** BPDUs counted against the transmit hold count, one fewer for each second since `txAt`. */
  txCount = 0;
  txAt = 0;
  /** Until then it keeps to the protocol it speaks, whatever it hears (the migration delay). */
  migrateUntil = Number.NEGATIVE_INFINITY;

  constructor(
    readonly index: number,
    portId: number,
    pathCost: number,
  ) {
    this.portId = portId;
    this.pathCost = pathCost;
  }
}

/** What an instance needs of its switch. */
export interface StpSwitch {
  readonly sched: Scheduler;
  /** Sends a BPDU of `vlan` out of port `index`. */
  sendBpdu(index: number, vlan: number, bpdu: StpBpdu): void;
  /** Port states changed: the VLANs' members are to be worked out again. */
  statesChanged(): void;
  /** Port `index` stopped forwarding or learning in `vlan`: its addresses there go. */
  flush(index: number, vlan: number): void;
  /** A topology change started or ended in `vlan`: addresses age out after `aging` µs (0: as usual). */
  agingChanged(vlan: number, aging: number): void;
  /** BPDU guard: a BPDU arrived on edge port `index` in `vlan`. */
  bpduGuard(index: number, vlan: number): void;
  /** Root or loop guard started (`blocking`) or stopped holding port `index` blocking in `vlan`. */
  guardChanged(index: number, vlan: number, guard: 'root' | 'loop', blocking: boolean): void;
}

/** How one instance is configured, and a port's settings in it. */
export interface StpSettings {
  readonly priority: number;
  readonly helloTime: number;
  readonly forwardTime: number;
  readonly maxAge: number;
}

export interface StpPortSettings {
  readonly index: number;
  /** Port priority and number (IOS's "128.1"). */
  readonly priority: number;
  readonly number: number;
  readonly cost: number;
  readonly edge: boolean;
  /** A point-to-point segment (full duplex, or `spanning-tree link-type point-to-point`). */
  readonly p2p: boolean;
  readonly bpduguard: boolean;
  readonly rootGuard: boolean;
  readonly loopGuard: boolean;
  /** FILTER_OFF, FILTER_ON or FILTER_EDGE. */
  readonly filter: number;
}

/** One VLAN's spanning tree on one switch. */
export class StpInstance implements EventTarget {
  readonly vlan: number;
  protected readonly sw: StpSwitch;
  private readonly timer: Timer;
  private armedAt = Number.POSITIVE_INFINITY;
  private configured: number;
  bridgePri: number;
  readonly bridgeMac: number;
  protected bridgeHello: number = seconds(2);
  protected bridgeMaxAge: number = seconds(20);
  protected bridgeForward: number = seconds(15);
  rootPri: number;
  rootMac: number;
  rootCost = 0;
  rootPort: StpPort | null = null;
  protected maxAge: number = seconds(20);
  protected helloTime: number = seconds(2);
  protected forwardDelay: number = seconds(15);
  private tcDetected = false;
  tc = false;
  private tcUntil = Number.POSITIVE_INFINITY;
  protected tcnAt = Number.POSITIVE_INFINITY;
  protected helloAt = Number.POSITIVE_INFINITY;
  protected tcCount = 0;
  protected lastTc = -1;
  /** The port the last counted topology change came from or by (-1: none, or the bridge itself). */
  protected lastTcPort = -1;
  /** When the instance started: "last change occurred" counts from here until a first change. */
  private readonly startedAt: number;
  /** What `show spanning-tree` names the protocol: IEEE 802.1D here, RSTP in rstp.ts. */
  protected readonly protocol: 'ieee' | 'rstp' = 'ieee';
  /** RSTP's transmit hold count, which `show spanning-tree detail` names; none under 802.1D. */
  protected readonly holdCount: number | undefined = undefined;
  /** A port changed state since the switch was last told (`statesChanged`). */
  private moved = false;
  /** By the switch's port index; undefined for ports not in the VLAN. */
  readonly ports: (StpPort | undefined)[] = [];

  constructor(vlan: number, bridgeMac: MacAddr, settings: StpSettings, sw: StpSwitch) {
    this.vlan = vlan;
    this.sw = sw;
    this.timer = new Timer(sw.sched, this, 0);
    this.bridgeMac = bridgeMac;
    this.configured = settings.priority;
    this.bridgePri = settings.priority + vlan;
    this.rootPri = this.bridgePri;
    this.rootMac = bridgeMac;
    this.setTimes(settings);
    this.startedAt = sw.sched.now;
    // A bridge starts believing it is the root (8.8.1).
    this.helloAt = sw.sched.now;
    this.arm(this.helloAt);
  }

  protected get now(): number {
    return this.sw.sched.now;
  }

  /**
   * At time 0 the network is being opened: ports take their converged states at once, and
   * nothing is a topology change (see `settleSpanningTrees`).
   */
  protected get instant(): boolean {
    return this.sw.sched.now === 0;
  }

  protected isRoot(): boolean {
    return this.rootPri === this.bridgePri && this.rootMac === this.bridgeMac;
  }

  private setTimes(s: StpSettings): void {
    this.bridgeHello = seconds(s.helloTime);
    this.bridgeMaxAge = seconds(s.maxAge);
    this.bridgeForward = seconds(s.forwardTime);
    if (this.isRoot()) {
      this.helloTime = this.bridgeHello;
      this.maxAge = this.bridgeMaxAge;
      this.forwardDelay = this.bridgeForward;
    }
  }

  /** New settings for the instance (8.8.4-8.8.6: bridge priority and times). */
  configure(s: StpSettings): void {
    this.setTimes(s);
    if (s.priority === this.configured) return;
    const wasRoot = this.isRoot();
    this.configured = s.priority;
    const pri = s.priority + this.vlan;
    for (const p of this.ports) if (p !== undefined && this.designated(p)) p.bridgePri = pri;
    this.bridgePri = pri;
    this.reselect(wasRoot);
  }

  /** Whether a port of the VLAN forwards (a port not in it does not). */
  forwards(index: number): boolean {
    return this.ports[index]?.state === ST_FORWARDING;
  }

  learns(index: number): boolean {
    return this.ports[index]?.state === ST_LEARNING;
  }

  /** Any port left in the instance. */
  get empty(): boolean {
    return !this.ports.some((p) => p !== undefined);
  }

  // ---- ports coming and going ------------------------------------------------------------

  /** Adds, updates or keeps port `s.index` (8.8.1 enable port; cost and priority changes). */
  setPort(s: StpPortSettings): void {
    const portId = ((s.priority & 0xf0) << 8) | (s.number & 0xfff);
    let p = this.ports[s.index];
    if (p === undefined) {
      p = new StpPort(s.index, portId, s.cost);
      p.edge = s.edge;
      p.bpduguard = s.bpduguard;
      p.rootGuard = s.rootGuard;
      p.loopGuard = s.loopGuard;
      p.filter = s.filter;
      p.p2p = s.p2p;
      p.allowance = EDGE_FILTER_SENDS;
      this.ports[s.index] = p;
      this.initializePort(p);
      const wasRoot = this.isRoot();
      this.portStateSelection();
      this.afterSelection(wasRoot);
      this.moved = false;
      return;
    }
    const edged = s.edge && !p.edge;
    const linked = s.p2p !== p.p2p;
    p.edge = s.edge;
    p.bpduguard = s.bpduguard;
    p.p2p = s.p2p;
    if (edged) this.becameEdge(p);
    if (linked) this.linkTypeChanged(p);
    // Filtering as an edge port from now on: its link came up a while ago.
    if (s.filter !== p.filter && s.filter === FILTER_EDGE) p.allowance = 0;
    p.filter = s.filter;
    const guarded = this.setGuards(p, s);
    if (p.portId === portId && p.pathCost === s.cost && !guarded) return;
    const wasRoot = this.isRoot();
    if (this.designated(p)) p.port = portId;
    p.portId = portId;
    p.pathCost = s.cost;
    this.reselect(wasRoot);
  }

  /**
   * Takes the port's root and loop guard settings; true when what it holds changed and the
   * instance is to select again. Root guard turned on takes a root or alternate port's
   * information away at once (it would not be designated otherwise); a guard turned off lets
   * its port go, to listening (Catalyst command reference).
   */
  private setGuards(p: StpPort, s: StpPortSettings): boolean {
    let changed = false;
    if (s.rootGuard && !p.rootGuard && !this.designated(p)) {
      p.incUntil = p.ageAt;
      p.ageAt = Number.POSITIVE_INFINITY;
      this.becomeDesignatedPort(p);
      this.block(p, INC_ROOT);
      changed = true;
    }
    if ((p.inc === INC_ROOT && !s.rootGuard) || (p.inc === INC_LOOP && !s.loopGuard)) {
      this.release(p);
      changed = true;
    }
    p.rootGuard = s.rootGuard;
    p.loopGuard = s.loopGuard;
    return changed;
  }

  /** A guard holds `p` blocking (its state follows at the next state selection). */
  private block(p: StpPort, inc: number): void {
    p.inc = inc;
    if (!this.instant) this.sw.guardChanged(p.index, this.vlan, INC_GUARD[inc]!, true);
  }

  /** The guard holding `p` lets it go. */
  private release(p: StpPort): void {
    const guard = INC_GUARD[p.inc]!;
    p.inc = INC_NONE;
    p.incUntil = Number.POSITIVE_INFINITY;
    if (!this.instant) this.sw.guardChanged(p.index, this.vlan, guard, false);
  }

  // Called as the switch works out its ports (its refresh), which then looks at the states
  // itself: these do not call `statesChanged`.

  /** Port `index` left the VLAN or went down (8.8.2 disable port). */
  removePort(index: number): void {
    const p = this.ports[index];
    if (p === undefined) return;
    const wasRoot = this.isRoot();
    const was = p.state;
    this.ports[index] = undefined;
    if (this.rootPort === p) this.rootPort = null;
    if (was === ST_FORWARDING || was === ST_LEARNING) this.sw.flush(index, this.vlan);
    this.configurationUpdate();
    this.portStateSelection();
    this.afterSelection(wasRoot);
    // After the reselection, so that a TCN goes out of the new root port at once.
    if (was === ST_FORWARDING && !p.edge) this.topologyChangeDetection(p);
    this.moved = false;
  }

  /** The instance is gone: nothing of it stays in the scheduler. */
  dispose(): void {
    this.timer.cancel();
  }

  protected initializePort(p: StpPort): void {
    this.becomeDesignatedPort(p);
    p.state = ST_BLOCKING;
    p.tcAck = false;
    p.configPending = false;
    p.ageAt = Number.POSITIVE_INFINITY;
    p.forwardAt = Number.POSITIVE_INFINITY;
    p.holdUntil = Number.NEGATIVE_INFINITY;
    p.inc = INC_NONE;
    p.incUntil = Number.POSITIVE_INFINITY;
    p.legacy = false;
    p.proposing = false;
    p.agreed = false;
    p.agree = false;
    p.tcUntil = Number.NEGATIVE_INFINITY;
  }

  /** PortFast came on for a port that was up: under 802.1D it acts when the port next comes up. */
  protected becameEdge(_p: StpPort): void {}

  /** The port's segment became point-to-point or shared: 802.1D makes no difference. */
  protected linkTypeChanged(_p: StpPort): void {}

  /** The port heard a BPDU (stp-bridge.ts says when that counts): it is no edge port, nor filters, until its link goes down. */
  loseEdge(index: number): void {
    const p = this.ports[index];
    if (p === undefined) return;
    p.edge = false;
    p.filter = FILTER_OFF;
  }

  // ---- BPDUs ------------------------------------------------------------------------------

  /** A BPDU of this VLAN arrived on port `index` (8.7.1, 8.7.2). */
  receive(index: number, b: StpBpdu): void {
    const p = this.ports[index];
    if (p === undefined) return;
    p.received++;
    this.heard(p, b);
    if (b.type === BPDU_TCN) {
      if (this.designated(p)) this.tcnReceived(p);
      return;
    }
    if (!this.accepts(b)) return;
    // A message that has outlived its max age carries nothing (8.7.1 note).
    if (b.messageAge >= b.maxAge) return;
    // Loop guard lets its port go as BPDUs come again (Catalyst 4500 guide: "as soon as it
    // receives a BPDU"); the port then takes the role they give it.
    const superior = p.rootGuard && this.superior(p, b);
    const released = p.inc === INC_LOOP || (p.inc === INC_ROOT && !superior);
    if (released) this.release(p);
    if (superior) {
      this.holdRoot(p, b);
      return;
    }
    this.take(p, b);
    if (released) {
      this.portStateSelection();
      this.tell();
    }
  }

  /** What a bridge notes of every BPDU that arrives on `p`, before it is read: nothing, under 802.1D. */
  protected heard(_p: StpPort, _b: StpBpdu): void {}

  /** The BPDUs whose information the bridge takes: configuration BPDUs (an 802.1D bridge ignores RST BPDUs). */
  protected accepts(b: StpBpdu): boolean {
    return b.type === BPDU_CONFIG;
  }

  /** A TCN arrived on designated port `p` (8.7.2): acknowledged in the answer. */
  protected tcnReceived(p: StpPort): void {
    this.topologyChangeDetection(p);
    p.tcAck = true;
    this.transmitConfig(p);
  }

  /**
   * Root guard: a superior BPDU on a port that must stay designated holds it blocking, its
   * information ignored, until the superior information stops: an inferior BPDU lets it go at
   * once, or the last superior one's max age runs out (Cisco: "when the inaccurate BPDUs have
   * been stopped, the interfaces automatically recover").
   */
  private holdRoot(p: StpPort, b: StpBpdu): void {
    p.incUntil = this.now + fromUnits(b.maxAge - b.messageAge);
    this.arm(p.incUntil);
    if (p.inc === INC_ROOT) return;
    this.block(p, INC_ROOT);
    this.makeBlocking(p);
    this.tell();
  }

  /** Whether a BPDU another bridge sent would take `p`'s designated role away. */
  private superior(p: StpPort, b: StpBpdu): boolean {
    return b.bridgeMac !== this.bridgeMac && this.designated(p) && this.supersedes(p, b);
  }

  /**
   * `p` records the information `b` carries, which is to last `lasts` µs, and the bridge selects
   * again if it is new; false when it is the same (the designated port's hello: only its age is
   * new, and so is no selection made from it).
   */
  protected record(p: StpPort, b: StpBpdu, lasts: number): boolean {
    const same =
      p.port === b.portId &&
      p.bridgeMac === b.bridgeMac &&
      p.bridgePri === b.bridgePriority &&
      p.cost === b.rootPathCost &&
      p.rootMac === b.rootMac &&
      p.rootPri === b.rootPriority;
    p.receivedAge = b.messageAge;
    p.receivedAt = this.now;
    // A designated port runs no timer on its own BPDU come back (a backup port's segment).
    p.ageAt = same && this.designated(p) ? Number.POSITIVE_INFINITY : this.now + lasts;
    this.arm(p.ageAt);
    if (same) return false;
    const wasRoot = this.isRoot();
    p.rootPri = b.rootPriority;
    p.rootMac = b.rootMac;
    p.cost = b.rootPathCost;
    p.bridgePri = b.bridgePriority;
    p.bridgeMac = b.bridgeMac;
    p.port = b.portId;
    this.configurationUpdate();
    this.portStateSelection();
    this.afterSelection(wasRoot);
    return true;
  }

  /** The root's times, as a BPDU on the root port carries them. */
  protected takeTimes(b: StpBpdu): void {
    this.maxAge = fromUnits(b.maxAge);
    this.helloTime = fromUnits(b.helloTime);
    this.forwardDelay = fromUnits(b.forwardDelay);
  }

  /** A configuration BPDU taken as 802.1D takes it (8.7.1). */
  protected take(p: StpPort, b: StpBpdu): void {
    if (this.supersedes(p, b)) {
      this.record(p, b, fromUnits(b.maxAge - b.messageAge));
      if (p === this.rootPort) {
        this.takeTimes(b);
        this.setTc((b.flags & STP_FLAG_TC) !== 0);
        this.configBpduGeneration();
        if ((b.flags & STP_FLAG_TCA) !== 0) this.topologyChangeAcknowledged();
      }
      this.tell();
    } else if (this.designated(p)) {
      this.transmitConfig(p);
    }
  }

  /** 8.6.2.2: whether a BPDU's information is better than the port's, or comes from its designated port. */
  protected supersedes(p: StpPort, b: StpBpdu): boolean {
    const root = cmpId(b.rootPriority, b.rootMac, p.rootPri, p.rootMac);
    if (root !== 0) return root < 0;
    if (b.rootPathCost !== p.cost) return b.rootPathCost < p.cost;
    const bridge = cmpId(b.bridgePriority, b.bridgeMac, p.bridgePri, p.bridgeMac);
    if (bridge !== 0) return bridge < 0;
    return b.bridgeMac !== this.bridgeMac || b.bridgePriority !== this.bridgePri || b.portId <= p.port;
  }

  /** 8.6.1: a configuration BPDU out of `p`, or pending until its hold timer ends. */
  protected transmitConfig(p: StpPort): void {
    if (!this.instant && this.now < p.holdUntil) {
      p.configPending = true;
      this.arm(p.holdUntil);
      return;
    }
    const root = this.rootPort;
    // Relayed information has aged by the time since it came, and one increment more.
    const age =
      root === null ? 0 : root.receivedAge + toUnits(this.now - root.receivedAt) + MESSAGE_AGE_INCREMENT;
    const bpdu = this.ownBpdu(
      p,
      0,
      BPDU_CONFIG,
      (p.tcAck ? STP_FLAG_TCA : 0) | (this.tc ? STP_FLAG_TC : 0),
      age,
    );
    p.configPending = false;
    // Information that has reached the max age is not sent on (8.6.1.3.2).
    if (age >= bpdu.maxAge) return;
    p.tcAck = false;
    p.holdUntil = this.now + HOLD_TIME;
    this.send(p, bpdu);
  }

  /** This bridge's information as port `p` sends it, in a BPDU of `version` and `type`. */
  protected ownBpdu(p: StpPort, version: number, type: number, flags: number, age: number): StpBpdu {
    return stpBpdu({
      encap: 'ieee',
      protocolId: 0,
      version,
      type,
      flags,
      rootPriority: this.rootPri,
      rootMac: this.rootMac as MacAddr,
      rootPathCost: this.rootCost,
      bridgePriority: this.bridgePri,
      bridgeMac: this.bridgeMac as MacAddr,
      portId: p.portId,
      messageAge: age,
      maxAge: toUnits(this.maxAge),
      helloTime: toUnits(this.helloTime),
      forwardDelay: toUnits(this.forwardDelay),
      version1Length: 0,
      pvid: -1,
      extra: NO_EXTRA,
    });
  }

  protected transmitTcn(): void {
    const root = this.rootPort;
    if (root === null) return;
    this.send(root, TCN);
  }

  protected send(p: StpPort, bpdu: StpBpdu): void {
    if (p.filter === FILTER_ON) return;
    // As the network settles its links are taken to have come up long ago: what their few
    // BPDUs told the far end is told now, and none are left to send after (`settled`).
    if (p.filter === FILTER_EDGE && !this.instant) {
      if (p.allowance === 0) return;
      p.allowance--;
    }
    p.sent++;
    this.sw.sendBpdu(p.index, this.vlan, bpdu);
  }

  protected configBpduGeneration(): void {
    for (const p of this.ports) if (p !== undefined && this.designated(p)) this.transmitConfig(p);
  }

  // ---- selection (8.6.8-8.6.11) -------------------------------------------------------------

  protected designated(p: StpPort): boolean {
    return p.bridgePri === this.bridgePri && p.bridgeMac === this.bridgeMac && p.port === p.portId;
  }

  private becomeDesignatedPort(p: StpPort): void {
    p.rootPri = this.rootPri;
    p.rootMac = this.rootMac;
    p.cost = this.rootCost;
    p.bridgePri = this.bridgePri;
    p.bridgeMac = this.bridgeMac;
    p.port = p.portId;
  }

  protected configurationUpdate(): void {
    this.rootSelection();
    this.designatedPortSelection();
  }

  private rootSelection(): void {
    let best: StpPort | null = null;
    for (const p of this.ports) {
      if (p === undefined || this.designated(p)) continue;
      if (cmpId(p.rootPri, p.rootMac, this.bridgePri, this.bridgeMac) >= 0) continue;
      if (best === null || this.betterRootPort(p, best)) best = p;
    }
    this.rootPort = best;
    if (best === null) {
      this.rootPri = this.bridgePri;
      this.rootMac = this.bridgeMac;
      this.rootCost = 0;
    } else {
      this.rootPri = best.rootPri;
      this.rootMac = best.rootMac;
      this.rootCost = best.cost + best.pathCost;
    }
  }

  private betterRootPort(p: StpPort, q: StpPort): boolean {
    const root = cmpId(p.rootPri, p.rootMac, q.rootPri, q.rootMac);
    if (root !== 0) return root < 0;
    const pc = p.cost + p.pathCost;
    const qc = q.cost + q.pathCost;
    if (pc !== qc) return pc < qc;
    const bridge = cmpId(p.bridgePri, p.bridgeMac, q.bridgePri, q.bridgeMac);
    if (bridge !== 0) return bridge < 0;
    if (p.port !== q.port) return p.port < q.port;
    return p.portId < q.portId;
  }

  private designatedPortSelection(): void {
    for (const p of this.ports) {
      if (p === undefined || p === this.rootPort) continue;
      if (
        this.designated(p) ||
        p.rootPri !== this.rootPri ||
        p.rootMac !== this.rootMac ||
        this.rootCost < p.cost ||
        (this.rootCost === p.cost && cmpId(this.bridgePri, this.bridgeMac, p.bridgePri, p.bridgeMac) < 0) ||
        (this.rootCost === p.cost &&
          this.bridgePri === p.bridgePri &&
          this.bridgeMac === p.bridgeMac &&
          p.portId <= p.port)
      ) {
        this.becomeDesignatedPort(p);
      }
    }
  }

  protected portStateSelection(): void {
    for (const p of this.ports) {
      if (p === undefined) continue;
      if (p.inc !== INC_NONE) {
        this.makeBlocking(p);
      } else if (p === this.rootPort) {
        p.configPending = false;
        p.tcAck = false;
        this.makeForwarding(p);
      } else if (this.designated(p)) {
        p.ageAt = Number.POSITIVE_INFINITY;
        this.makeForwarding(p);
      } else {
        p.configPending = false;
        p.tcAck = false;
        this.makeBlocking(p);
      }
    }
  }

  protected makeForwarding(p: StpPort): void {
    if (p.state !== ST_BLOCKING) return;
    if (this.instant || p.edge) {
      this.setState(p, ST_FORWARDING);
      return;
    }
    this.setState(p, ST_LISTENING);
    p.forwardAt = this.now + this.forwardDelay;
    this.arm(p.forwardAt);
  }

  protected makeBlocking(p: StpPort): void {
    if (p.state === ST_BLOCKING) return;
    const was = p.state;
    this.setState(p, ST_BLOCKING);
    p.forwardAt = Number.POSITIVE_INFINITY;
    if (was === ST_FORWARDING || was === ST_LEARNING) this.sw.flush(p.index, this.vlan);
    if (was === ST_FORWARDING && !p.edge) this.topologyChangeDetection(p);
  }

  protected setState(p: StpPort, state: number): void {
    if (p.state === state) return;
    p.state = state;
    if (state === ST_FORWARDING) p.forwardings++;
    this.moved = true;
  }

  /** Tells the switch when a port changed state: a BPDU that only refreshes what a port knows costs nothing more. */
  protected tell(): void {
    if (!this.moved) return;
    this.moved = false;
    this.sw.statesChanged();
  }

  /** After a selection: a bridge that became the root takes its own times and says so (8.7.5). */
  protected afterSelection(wasRoot: boolean): void {
    const root = this.isRoot();
    if (root && !wasRoot) {
      this.maxAge = this.bridgeMaxAge;
      this.helloTime = this.bridgeHello;
      this.forwardDelay = this.bridgeForward;
      this.topologyChangeDetection(null);
      this.tcnAt = Number.POSITIVE_INFINITY;
      this.configBpduGeneration();
      this.helloAt = this.now + this.helloTime;
      this.arm(this.helloAt);
    } else if (!root && wasRoot) {
      this.helloAt = Number.POSITIVE_INFINITY;
      if (this.tcDetected) {
        this.setTc(false);
        this.tcUntil = Number.POSITIVE_INFINITY;
        this.transmitTcn();
        this.tcnAt = this.now + this.bridgeHello;
        this.arm(this.tcnAt);
      }
    }
  }

  private reselect(wasRoot: boolean): void {
    this.configurationUpdate();
    this.portStateSelection();
    this.afterSelection(wasRoot);
    this.moved = false;
  }

  // ---- topology changes (8.6.14-8.6.16) ----------------------------------------------------

  /** A topology change, on or by port `from` (null: the bridge became the root). */
  protected topologyChangeDetection(from: StpPort | null): void {
    if (this.instant) return;
    if (this.isRoot()) {
      this.setTc(true);
      this.tcUntil = this.now + this.bridgeMaxAge + this.bridgeForward;
      this.arm(this.tcUntil);
    } else if (!this.tcDetected) {
      this.transmitTcn();
      this.tcnAt = this.now + this.bridgeHello;
      this.arm(this.tcnAt);
    }
    if (!this.tcDetected) {
      this.tcCount++;
      this.lastTc = this.now;
      this.lastTcPort = from === null ? -1 : from.index;
    }
    this.tcDetected = true;
  }

  protected topologyChangeAcknowledged(): void {
    this.tcDetected = false;
    this.tcnAt = Number.POSITIVE_INFINITY;
  }

  private setTc(on: boolean): void {
    if (on === this.tc) return;
    this.tc = on;
    this.sw.agingChanged(this.vlan, on ? this.forwardDelay : 0);
  }

  // ---- timers ------------------------------------------------------------------------------

  protected arm(at: number): void {
    if (at >= this.armedAt) return;
    this.armedAt = at;
    this.timer.set(at, null, 0);
  }

  onEvent(): void {
    this.armedAt = Number.POSITIVE_INFINITY;
    const now = this.now;
    if (this.helloAt <= now) this.helloTick();
    if (this.tcnAt <= now) this.tcnTick();
    if (this.tcUntil <= now) {
      this.tcUntil = Number.POSITIVE_INFINITY;
      this.tcDetected = false;
      this.setTc(false);
    }
    for (const p of this.ports) {
      if (p === undefined) continue;
      if (p.inc === INC_ROOT && p.incUntil <= now) {
        this.release(p);
        this.portStateSelection();
      }
      if (p.ageAt <= now && this.ports[p.index] === p) {
        // 8.7.5: its information expired. Loop guard keeps a root or alternate port from
        // becoming designated: the BPDUs that stopped may come again (a one-way link).
        p.ageAt = Number.POSITIVE_INFINITY;
        const wasRoot = this.isRoot();
        const loop = p.loopGuard && !this.designated(p);
        this.becomeDesignatedPort(p);
        if (loop) this.block(p, INC_LOOP);
        this.configurationUpdate();
        this.portStateSelection();
        this.afterSelection(wasRoot);
      }
      if (p.forwardAt <= now) this.forwardDelayExpired(p);
      if (p.configPending && p.holdUntil <= now) this.sendPending(p);
    }
    this.armNext();
    this.tell();
  }

  /** The topology change notification timer (8.7.6): a TCN again, until the root acknowledges it. */
  protected tcnTick(): void {
    this.transmitTcn();
    this.tcnAt = this.now + this.bridgeHello;
  }

  /** The hold timer ran out on a port with a BPDU to send (8.7.8). */
  protected sendPending(p: StpPort): void {
    this.transmitConfig(p);
  }

  /** The hello timer: the root's BPDUs on its designated ports (8.7.6). */
  protected helloTick(): void {
    this.configBpduGeneration();
    this.helloAt = this.now + this.helloTime;
  }

  /** 8.7.3: listening to learning, learning to forwarding. */
  protected forwardDelayExpired(p: StpPort): void {
    if (p.state === ST_LISTENING) {
      this.setState(p, ST_LEARNING);
      p.forwardAt = this.now + this.forwardDelay;
    } else if (p.state === ST_LEARNING) {
      this.setState(p, ST_FORWARDING);
      p.forwardAt = Number.POSITIVE_INFINITY;
      if (!p.edge && this.ports.some((q) => q !== undefined && this.designated(q)))
        this.topologyChangeDetection(p);
    }
  }

  private armNext(): void {
    let next = Math.min(this.helloAt, this.tcnAt, this.tcUntil);
    for (const p of this.ports) {
      if (p === undefined) continue;
      next = Math.min(
        next,
        p.ageAt,
        p.forwardAt,
        p.incUntil,
        p.configPending ? p.holdUntil : Number.POSITIVE_INFINITY,
      );
    }
    if (next < Number.POSITIVE_INFINITY) this.arm(next);
  }

  // ---- settling at time 0 ----------------------------------------------------------------

  /**
   * As the network settles: the bridge forgets what it heard (a settle after another at time 0
   * starts over, as from a file) and sends what it knows on its designated ports, as at a hello.
   */
  announce(): void {
    this.rootPort = null;
    this.rootPri = this.bridgePri;
    this.rootMac = this.bridgeMac;
    this.rootCost = 0;
    this.maxAge = this.bridgeMaxAge;
    this.helloTime = this.bridgeHello;
    this.forwardDelay = this.bridgeForward;
    this.tcDetected = false;
    this.tcUntil = Number.POSITIVE_INFINITY;
    this.tcnAt = Number.POSITIVE_INFINITY;
    this.setTc(false);
    for (const p of this.ports) if (p !== undefined) this.initializePort(p);
    this.portStateSelection();
    this.configBpduGeneration();
  }

  /**
   * The network settled: timers start from here, edge ports filtering by default send no more,
   * and a port forwarding came to it once, however many states it went through to get there.
   */
  settled(): void {
    for (const p of this.ports) {
      if (p === undefined) continue;
      p.allowance = 0;
      p.forwardings = p.state === ST_FORWARDING ? 1 : 0;
    }
    this.helloAt = this.isRoot() ? this.now + this.helloTime : Number.POSITIVE_INFINITY;
    this.armNext();
  }

  // ---- status ------------------------------------------------------------------------------

  /** When the topology change flag goes down: 802.1D's timer, or the last of RSTP's ports' tcWhile. */
  private tcEnds(): number {
    let end = this.tcUntil === Number.POSITIVE_INFINITY ? 0 : this.tcUntil;
    for (const p of this.ports) if (p !== undefined && p.tcUntil > end) end = p.tcUntil;
    return end;
  }

  status(names: readonly string[], aging: number, inconsistent: StpPortStatus[]): StpInstanceStatus {
    const now = this.now;
    const ports: StpPortStatus[] = [...inconsistent];
    for (const p of this.ports) {
      if (p === undefined) continue;
      ports.push({
        port: names[p.index]!,
        role:
          p === this.rootPort
            ? 'root'
            : this.designated(p)
              ? 'designated'
              : p.bridgePri === this.bridgePri && p.bridgeMac === this.bridgeMac
                ? 'backup'
                : 'alternate',
        state: p.inc === INC_NONE ? STATE_NAMES[p.state]! : 'broken',
        ...(p.inc === INC_ROOT ? { inconsistent: 'root' as const } : {}),
        ...(p.inc === INC_LOOP ? { inconsistent: 'loop' as const } : {}),
        cost: p.pathCost,
        priority: p.portId >>> 8,
        number: p.portId & 0xfff,
        edge: p.edge,
        ...(p.p2p ? {} : { shared: true as const }),
        ...(p.legacy ? { peerStp: true as const } : {}),
        bpduguard: p.bpduguard,
        bpdufilter: p.filter !== FILTER_OFF,
        rootGuard: p.rootGuard,
        loopGuard: p.loopGuard,
        designatedRootPriority: p.rootPri,
        designatedRootMac: p.rootMac as MacAddr,
        designatedCost: p.cost,
        designatedBridgePriority: p.bridgePri,
        designatedBridgeMac: p.bridgeMac as MacAddr,
        designatedPort: p.port,
        bpdusSent: p.sent,
        bpdusReceived: p.received,
        // IOS's timers: the message age its information has reached (RSTP's lasts the last 3
        // hellos of the max age), one more than the age it came with plus the time since, as
        // captures read it; the forward delay left.
        messageAgeTimer:
          p.ageAt === Number.POSITIVE_INFINITY
            ? 0
            : wholeSeconds(this.maxAge - (p.ageAt - now) + fromUnits(MESSAGE_AGE_INCREMENT)),
        forwardDelayTimer: p.forwardAt === Number.POSITIVE_INFINITY ? 0 : wholeSeconds(p.forwardAt - now),
        forwardTransitions: p.forwardings,
      });
    }
    // By port number, as IOS lists them: a Port-channel (64 and up) after the ports.
    ports.sort((a, b) => a.number - b.number);
    const rp = this.rootPort;
    return {
      vlan: this.vlan,
      protocol: this.protocol,
      rootPriority: this.rootPri,
      rootMac: this.rootMac as MacAddr,
      rootCost: this.rootCost,
      ...(rp === null
        ? {}
        : {
            rootPort: names[rp.index]!,
            rootPortPriority: rp.portId >>> 8,
            rootPortNumber: rp.portId & 0xfff,
          }),
      helloTime: this.helloTime / seconds(1),
      maxAge: this.maxAge / seconds(1),
      forwardDelay: this.forwardDelay / seconds(1),
      bridgePriority: this.configured,
      bridgeId: this.bridgePri,
      bridgeMac: this.bridgeMac as MacAddr,
      bridgeHelloTime: this.bridgeHello / seconds(1),
      bridgeMaxAge: this.bridgeMaxAge / seconds(1),
      bridgeForwardDelay: this.bridgeForward / seconds(1),
      agingTime: this.tc ? this.forwardDelay / seconds(1) : aging,
      // RSTP's flag is its ports' tcWhile.
      topologyChange: this.tc || this.ports.some((p) => p !== undefined && now < p.tcUntil),
      topologyChangeDetected: this.tcDetected,
      topologyChanges: this.tcCount,
      ...(this.lastTc < 0
        ? {}
        : { lastTopologyChange: this.lastTc as StpInstanceStatus['lastTopologyChange'] }),
      ...(this.lastTcPort < 0 ? {} : { lastTopologyChangePort: names[this.lastTcPort]! }),
      startedAt: this.startedAt as StpInstanceStatus['startedAt'],
      // The hello timer runs on an 802.1D root only (RSTP's run per port); the topology change
      // timer shows what is left, the notification timer how long since the last TCN.
      helloTimer:
        this.protocol === 'ieee' && this.helloAt !== Number.POSITIVE_INFINITY
          ? wholeSeconds(this.helloTime - (this.helloAt - now))
          : 0,
      topologyChangeTimer: wholeSeconds(this.tcEnds() - now),
      notificationTimer:
        this.tcnAt === Number.POSITIVE_INFINITY ? 0 : wholeSeconds(this.bridgeHello - (this.tcnAt - now)),
      ...(this.holdCount === undefined ? {} : { transmitHoldCount: this.holdCount }),
      ports,
    };
  }
}
