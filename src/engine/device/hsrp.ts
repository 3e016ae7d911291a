/**
 * Hot Standby Router Protocol on a router's interfaces (RFC 2281 section 5; Cisco IOS First Hop
 * Redundancy Protocols Configuration Guide, "Configuring HSRP" and "HSRP Version 2"). Version 2
 * runs the same states; its messages differ (hsrp-groups.ts converts them) and so does its
 * virtual MAC (0000.0c9f.fNNN).
 *
 * Each group runs RFC 2281's state machine: Initial until its interface is up with an address
 * and the group knows its virtual address (configured, or learned from the active router's
 * hellos); Listen, watching the active and standby routers' hellos; Speak, sending its own
 * while no standby router is heard, for a hold time; Standby, next in line; Active, answering
 * for the virtual address. Elections go by priority, then by the higher interface address; a
 * router with `preempt` and a higher priority than the active one takes over with a coup, and
 * an active router that stops (its interface going down) resigns. The active router answers
 * ARP for the virtual address with the group's virtual MAC (0000.0c07.acNN), takes frames to
 * that MAC and datagrams to the virtual address as its own, and announces both with a
 * gratuitous ARP when it becomes active; its hellos leave from the virtual MAC, the others'
 * from their interface's. Hellos go to 224.0.0.2 with a TTL of 1 every hello time (3 s), and a
 * router not heard from for the hold time (10 s) is given up. Timings are exact (IOS jitters
 * its hellos a little).
 */
import { HSRP_HELLO_TIME, HSRP_HOLD_TIME, HSRP_PRIORITY, type HsrpGroupConfig } from '../../shared/hsrp.ts';
import type { Ipv4Addr } from '../../shared/ipv4.ts';
import type { MacAddr } from '../../shared/mac.ts';
import { type Micros, seconds } from '../../shared/time.ts';
import type { HsrpGroupStatus, HsrpState } from '../api.ts';
import type { EventTarget, Scheduler } from '../sim/scheduler.ts';
import { Timer } from '../sim/timer.ts';
import {
  HSRP_ACTIVE,
  HSRP_COUP,
  HSRP_DEFAULT_AUTH,
  HSRP_HELLO,
  HSRP_INITIAL,
  HSRP_LISTEN,
  HSRP_RESIGN,
  HSRP_SPEAK,
  HSRP_STANDBY,
  type HsrpMessage,
  hsrpMessage,
  hsrpVirtualMac,
} from '../wire/hsrp.ts';
import { hsrp2VirtualMac } from '../wire/hsrp2.ts';
import type { L3Interface } from './l3-interface.ts';

/** Timer codes of a group. */
const HELLO = 1;
const ACTIVE_GONE = 2;
const STANDBY_GONE = 3;
const PREEMPT = 4;
const LISTEN = 5;
const ANNOUNCE = 6;

/** IOS waits a second after an interface comes up before its groups listen. */
const MIN_DELAY = seconds(1);
/** A new active router's gratuitous ARP replies: at once, then 2 and 4 s later. */
const ANNOUNCE_INTERVAL = seconds(2);
const ANNOUNCEMENTS = 3;

const STATE_NAMES: Readonly<Record<number, HsrpState>> = {
  [HSRP_INITIAL]: 'Init',
  [HSRP_LISTEN]: 'Listen',
  [HSRP_SPEAK]: 'Speak',
  [HSRP_STANDBY]: 'Standby',
  [HSRP_ACTIVE]: 'Active',
};

/** What a group needs of its router. */
export interface HsrpHost {
  readonly sched: Scheduler;
  /**
   * Sends `m` from `iface` to the HSRP group address of `version`, from the virtual MAC
   * `from` or, -1, the interface's.
   */
  sendHsrp(iface: L3Interface, m: HsrpMessage, from: MacAddr | -1, version: 1 | 2): void;
  /** Announces `vip` at `mac` on `iface` (a gratuitous ARP reply). */
  announce(iface: L3Interface, vip: number, mac: MacAddr): void;
  /** A group became active or stopped being: the router's virtual addresses and MACs changed. */
  activeChanged(): void;
  /** %HSRP-5-STATECHANGE. */
  stateChanged(iface: L3Interface, group: number, from: HsrpState, to: HsrpState): void;
}

/** Whether (priority `p`, address `a`) wins over (`q`, `b`). */
const beats = (p: number, a: number, q: number, b: number): boolean =>
  p > q || (p === q && a >>> 0 > b >>> 0);

export class HsrpGroup implements EventTarget {
  state = HSRP_INITIAL;
  /** The virtual address: configured, or learned (-1: not known). */
  vip = -1;
  readonly mac: MacAddr;
  private config: HsrpGroupConfig;
  /** The active and standby routers as last heard (-1: none), with their priorities. */
  activeRouter = -1;
  activePriority = 0;
  standbyRouter = -1;
  standbyPriority = 0;
  /** When each was last heard plus its hold time: when it is given up. */
  activeExpires = Number.POSITIVE_INFINITY;
  standbyExpires = Number.POSITIVE_INFINITY;
  nextHello = Number.POSITIVE_INFINITY;
  changes = 0;
  lastChange: number;
  private readonly hello: Timer;
  private readonly activeTimer: Timer;
  private readonly standbyTimer: Timer;
  private readonly preemptTimer: Timer;
  /** Starts listening a second after the interface comes up; repeats the gratuitous ARP. */
  private readonly startTimer: Timer;
  private readonly announceTimer: Timer;
  private announcements = 0;
  /** Stopping without a word: the router restarts, and logs and counts nothing of it. */
  private quiet = false;
  /** When a delayed preemption is due (+Infinity: none pending). */
  private preemptAt = Number.POSITIVE_INFINITY;
  /** Waiting for the interface's minimum delay before listening. */
  private starting = false;

  /** The active router's own MAC address, as version 2's hellos tell it (-1: not known). */
  activeMac = -1;

  constructor(
    private readonly host: HsrpHost,
    readonly iface: L3Interface,
    config: HsrpGroupConfig,
    /** `standby version`: 1 or 2 (another virtual MAC, other messages). */
    readonly version: 1 | 2 = 1,
  ) {
    this.config = config;
    this.mac = version === 2 ? hsrp2VirtualMac(config.group) : hsrpVirtualMac(config.group);
    this.lastChange = host.sched.now;
    this.hello = new Timer(host.sched, this, HELLO);
    this.activeTimer = new Timer(host.sched, this, ACTIVE_GONE);
    this.standbyTimer = new Timer(host.sched, this, STANDBY_GONE);
    this.preemptTimer = new Timer(host.sched, this, PREEMPT);
    this.startTimer = new Timer(host.sched, this, LISTEN);
    this.announceTimer = new Timer(host.sched, this, ANNOUNCE);
    this.vip = config.ip ?? -1;
  }

  get group(): number {
    return this.config.group;
  }

  get priority(): number {
    return this.config.priority ?? HSRP_PRIORITY;
  }

  private get helloTime(): number {
    return this.config.timers?.hello ?? HSRP_HELLO_TIME;
  }

  private get holdTime(): number {
    return this.config.timers?.hold ?? HSRP_HOLD_TIME;
  }

  private get now(): number {
    return this.host.sched.now;
  }

  private get myAddr(): number {
    return this.iface.ip?.addr ?? 0;
  }

  /** Takes a new configuration for the group: a priority or preemption change takes effect at once. */
  configure(config: HsrpGroupConfig): void {
    const vipChanged = config.ip !== undefined && config.ip !== this.config.ip;
    this.config = config;
    // Without `standby N ip`, the group does not run (an active router resigns).
    if (config.ip === undefined && !config.learn) {
      this.stop(true);
      this.vip = -1;
      return;
    }
    if (vipChanged) {
      this.vip = config.ip!;
      if (this.state === HSRP_ACTIVE) this.host.activeChanged();
    }
    if (this.state === HSRP_INITIAL) this.start();
    else if (this.state === HSRP_ACTIVE && this.standbyRouter >= 0) {
      // A lower priority than the standby router's is noticed at its next hello.
    } else this.considerPreempt();
  }

  /**
   * The interface came up, or the group was configured on an interface that is up: it listens
   * a second later (`now`: at once, a group that learned its address from a hello).
   */
  start(now = false): void {
    if (this.state !== HSRP_INITIAL || !this.iface.usable || this.vip < 0) return;
    if (!now) {
      if (!this.starting) {
        this.starting = true;
        this.startTimer.set(this.now + MIN_DELAY, null, 0);
      }
      return;
    }
    this.starting = false;
    this.setState(HSRP_LISTEN);
    this.activeExpires = this.now + seconds(this.holdTime);
    this.standbyExpires = this.activeExpires;
    this.activeTimer.set(this.activeExpires, null, 0);
    this.standbyTimer.set(this.standbyExpires, null, 0);
  }

  /** The interface went down or lost its address, or the group was removed: back to Initial. */
  stop(resign: boolean, quiet = false): void {
    this.quiet = quiet;
    this.starting = false;
    this.startTimer.cancel();
    if (this.state === HSRP_INITIAL) return;
    const wasActive = this.state === HSRP_ACTIVE;
    if (resign && wasActive) this.send(HSRP_RESIGN);
    this.announceTimer.cancel();
    this.hello.cancel();
    this.activeTimer.cancel();
    this.standbyTimer.cancel();
    this.preemptTimer.cancel();
    this.activeRouter = -1;
    this.standbyRouter = -1;
    this.activeExpires = Number.POSITIVE_INFINITY;
    this.standbyExpires = Number.POSITIVE_INFINITY;
    this.nextHello = Number.POSITIVE_INFINITY;
    this.setState(HSRP_INITIAL);
    this.quiet = false;
    if (quiet) {
      this.changes = 0;
      this.lastChange = this.now;
    }
    if (wasActive) this.host.activeChanged();
    if (this.config.ip === undefined) this.vip = -1;
  }

  /** A message of this group from `from` (another router's interface address). */
  receive(m: HsrpMessage, from: number, fromMac = -1): void {
    if (!sameAuth(m.auth)) return;
    const me = this.myAddr;
    if (from === me) return;
    // A group without an address learns it from the active router.
    if (this.vip < 0) {
      if (!this.config.learn || m.state !== HSRP_ACTIVE || m.virtualIp === 0) return;
      this.vip = m.virtualIp;
      this.start(true);
    }
    if (this.state === HSRP_INITIAL) return;
    const higher = beats(m.priority, from, this.priority, me);
    const hold = seconds(m.holdTime);
    if (m.opCode === HSRP_RESIGN) {
      if (from !== this.activeRouter) return;
      this.activeRouter = -1;
      this.activeExpires = this.now;
      if (this.state === HSRP_STANDBY) this.becomeActive();
      else if (this.state === HSRP_LISTEN) this.toSpeak();
      return;
    }
    if (m.opCode === HSRP_COUP) {
      if (this.state === HSRP_ACTIVE && higher) {
        this.leaveActive(HSRP_SPEAK);
        this.send(HSRP_RESIGN);
      }
      return;
    }
    if (m.opCode !== HSRP_HELLO) return;
    switch (m.state) {
      case HSRP_ACTIVE:
        if (this.state === HSRP_ACTIVE) {
          if (higher) this.leaveActive(HSRP_SPEAK);
          return;
        }
        this.activeRouter = from;
        this.activeMac = fromMac;
        this.activePriority = m.priority;
        this.activeExpires = this.now + hold;
        this.activeTimer.set(this.activeExpires, null, 0);
        if (this.standbyRouter === from) this.standbyRouter = -1;
        this.considerPreempt();
        return;
      case HSRP_STANDBY:
        if (this.activeRouter === from) this.activeRouter = -1;
        this.standbyRouter = from;
        this.standbyPriority = m.priority;
        this.standbyExpires = this.now + hold;
        this.standbyTimer.set(this.standbyExpires, null, 0);
        if ((this.state === HSRP_STANDBY || this.state === HSRP_SPEAK) && higher) this.toListen();
        // A router of higher priority than the standby router's speaks up to replace it.
        else if (this.state === HSRP_LISTEN && !higher) this.toSpeak();
        return;
      case HSRP_SPEAK:
        if ((this.state === HSRP_SPEAK || this.state === HSRP_STANDBY) && higher) this.toListen();
        return;
    }
  }

  onEvent(code: number): void {
    const now = this.now;
    switch (code) {
      case HELLO:
        if (this.state < HSRP_SPEAK) return;
        this.send(HSRP_HELLO);
        this.nextHello = now + seconds(this.helloTime);
        this.hello.set(this.nextHello, null, 0);
        return;
      case ACTIVE_GONE:
        if (now < this.activeExpires) return;
        this.activeRouter = -1;
        if (this.state === HSRP_STANDBY) this.becomeActive();
        else if (this.state === HSRP_LISTEN) this.toSpeak();
        return;
      case STANDBY_GONE:
        if (now < this.standbyExpires) return;
        this.standbyRouter = -1;
        if (this.state === HSRP_LISTEN) this.toSpeak();
        else if (this.state === HSRP_SPEAK) this.toStandby();
        return;
      case PREEMPT:
        this.preemptAt = Number.POSITIVE_INFINITY;
        if (this.canPreempt()) {
          this.send(HSRP_COUP);
          this.becomeActive();
        }
        return;
      case LISTEN:
        if (this.starting) this.start(true);
        return;
      case ANNOUNCE:
        if (this.state !== HSRP_ACTIVE) return;
        this.host.announce(this.iface, this.vip, this.mac);
        if (++this.announcements < ANNOUNCEMENTS) this.announceTimer.set(now + ANNOUNCE_INTERVAL, null, 0);
        return;
    }
  }

  /** Whether this router may take over now: it preempts and outranks the active router. */
  private canPreempt(): boolean {
    return (
      this.config.preempt === true &&
      this.state !== HSRP_INITIAL &&
      this.state !== HSRP_ACTIVE &&
      this.activeRouter >= 0 &&
      this.priority > this.activePriority
    );
  }

  /** Preempts now, or once the delay is over (counted from the first time it could). */
  private considerPreempt(): void {
    if (!this.canPreempt()) {
      this.preemptAt = Number.POSITIVE_INFINITY;
      this.preemptTimer.cancel();
      return;
    }
    const delay = seconds(this.config.preemptDelay ?? 0);
    if (delay === 0) this.onEvent(PREEMPT);
    else if (this.preemptAt === Number.POSITIVE_INFINITY) {
      this.preemptAt = this.now + delay;
      this.preemptTimer.set(this.preemptAt, null, 0);
    }
  }

  private toListen(): void {
    this.hello.cancel();
    this.nextHello = Number.POSITIVE_INFINITY;
    this.setState(HSRP_LISTEN);
  }

  /** Speak: its hellos go out, and if no better router is heard for a hold time, it stands by. */
  private toSpeak(): void {
    this.setState(HSRP_SPEAK);
    this.standbyExpires = this.now + seconds(this.holdTime);
    this.standbyTimer.set(this.standbyExpires, null, 0);
    this.onEvent(HELLO);
  }

  private toStandby(): void {
    this.setState(HSRP_STANDBY);
    this.standbyRouter = -1;
    // No active router heard: the standby router takes over at once, its first hello active.
    if (this.activeRouter < 0 && this.now >= this.activeExpires) this.becomeActive();
    else this.onEvent(HELLO);
  }

  private becomeActive(): void {
    this.preemptTimer.cancel();
    const wasStandby = this.state === HSRP_STANDBY;
    this.setState(HSRP_ACTIVE);
    // The router it replaces is heard as standby again if it becomes so.
    if (!wasStandby && this.activeRouter >= 0) {
      this.standbyRouter = -1;
    }
    this.activeRouter = -1;
    this.host.activeChanged();
    this.onEvent(HELLO);
    this.announcements = 0;
    this.onEvent(ANNOUNCE);
  }

  private leaveActive(to: number): void {
    this.setState(to);
    this.host.activeChanged();
    if (to === HSRP_SPEAK) {
      this.standbyExpires = this.now + seconds(this.holdTime);
      this.standbyTimer.set(this.standbyExpires, null, 0);
    }
  }

  /**
   * IOS logs, and counts in `show standby`, the changes into or out of Standby and Active;
   * the others (Init, Listen, Speak between themselves) only `debug standby` shows.
   */
  private setState(to: number): void {
    const from = this.state;
    if (from === to) return;
    this.state = to;
    const ranked = (s: number) => s === HSRP_STANDBY || s === HSRP_ACTIVE;
    if ((!ranked(from) && !ranked(to)) || this.quiet) return;
    this.changes++;
    this.lastChange = this.now;
    this.host.stateChanged(this.iface, this.group, STATE_NAMES[from]!, STATE_NAMES[to]!);
  }

  private send(opCode: number): void {
    if (!this.iface.usable) return;
    const m = hsrpMessage({
      opCode,
      state: this.state,
      helloTime: this.helloTime,
      holdTime: this.holdTime,
      priority: this.priority,
      group: this.group,
      virtualIp: Math.max(this.vip, 0) as Ipv4Addr,
    });
    this.host.sendHsrp(this.iface, m, this.state === HSRP_ACTIVE ? this.mac : -1, this.version);
  }

  /** Stops its timers for good (the group is removed, or the router). */
  dispose(): void {
    this.startTimer.cancel();
    this.announceTimer.cancel();
    this.hello.cancel();
    this.activeTimer.cancel();
    this.standbyTimer.cancel();
    this.preemptTimer.cancel();
  }

  status(): HsrpGroupStatus {
    const active = this.state === HSRP_ACTIVE;
    return {
      iface: this.iface.name,
      group: this.group,
      state: STATE_NAMES[this.state]!,
      changes: this.changes,
      lastChange: this.lastChange as Micros,
      ...(this.vip >= 0 ? { vip: this.vip as Ipv4Addr } : {}),
      vipConfigured: this.config.ip !== undefined,
      version: this.version,
      mac: this.mac,
      ...(this.activeRouter >= 0 && this.activeMac >= 0 && !active
        ? { activeMac: this.activeMac as MacAddr }
        : {}),
      priority: this.priority,
      configuredPriority: this.config.priority ?? HSRP_PRIORITY,
      preempt: this.config.preempt === true,
      ...(this.config.preemptDelay !== undefined ? { preemptDelay: this.config.preemptDelay } : {}),
      helloTime: this.helloTime,
      holdTime: this.holdTime,
      ...(this.nextHello < Number.POSITIVE_INFINITY ? { nextHello: this.nextHello as Micros } : {}),
      active: active ? 'local' : this.activeRouter >= 0 ? (this.activeRouter as Ipv4Addr) : 'unknown',
      ...(this.activeRouter >= 0 && !active
        ? { activePriority: this.activePriority, activeExpires: this.activeExpires as Micros }
        : {}),
      standby:
        this.state === HSRP_STANDBY
          ? 'local'
          : this.standbyRouter >= 0
            ? (this.standbyRouter as Ipv4Addr)
            : 'unknown',
      ...(this.standbyRouter >= 0 && this.state !== HSRP_STANDBY
        ? { standbyPriority: this.standbyPriority, standbyExpires: this.standbyExpires as Micros }
        : {}),
      ...(this.config.name !== undefined ? { name: this.config.name } : {}),
    };
  }
}

const sameAuth = (a: Uint8Array): boolean =>
  a.length === HSRP_DEFAULT_AUTH.length && a.every((b, i) => b === HSRP_DEFAULT_AUTH[i]);
