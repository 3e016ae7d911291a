/**
 * NTP on an IOS device (RFC 5905; ntpd's client/server behaviour, from which IOS 15's NTPv4
 * derives): `ntp server` associations polled every 64 s, `ntp master` as a local reference
 * clock (127.127.1.1) polled every 16 s, and answers to any client once an `ntp` command is
 * configured.
 *
 * - A request carries the device's own system variables; a server answers with the request's
 *   transmit timestamp as its origin, and with leap "alarm" and stratum 0 (16 on the wire's
 *   "unspecified") while it is not synchronized itself.
 * - An answer counts only if its origin matches the last request sent (a duplicate or a stray
 *   one does not), and only if its server is synchronized (RFC 5905's tests 6 and 7): an
 *   unsynchronized server's answers leave `reach` unchanged, as ntpd's do.
 * - `reach` shifts at every poll and takes 1 with a good answer; with its three latest bits
 *   clear, a stage of no value enters the filter, so a server that stops answering grows out of
 *   the selection within a few polls, and its filter empties when `reach` comes to 0.
 * - While a server is unreachable, each poll is a burst of six requests 2 s apart (IOS 15's
 *   default `iburst`, "Send a burst when peer is unreachable"): a client of a synchronized
 *   server synchronizes some 8 s after its first poll, showing reach 1 and a dispersion of
 *   about 190 ms (six samples), as real IOS 15 clients do.
 * - Selection: the servers whose root distance is under 1.5 s, lowest stratum first, then
 *   least distance, `prefer` before the others (ntpd's cluster result without its
 *   intersection of intervals, which takes three servers or more to matter).
 * - The first update, or an offset over 128 ms, steps the clock; later ones slew it.
 */
import type { NtpConfig, NtpServerConfig } from '../../shared/config.ts';
import type { Ipv4Addr } from '../../shared/ipv4.ts';
import type { Micros } from '../../shared/time.ts';
import { seconds } from '../../shared/time.ts';
import type { NtpPeerState, NtpPeerStatus, NtpStatus } from '../api.ts';
import type { EventTarget } from '../sim/scheduler.ts';
import type { Timer } from '../sim/timer.ts';
import type { Ipv4Packet } from '../wire/ipv4.ts';
import type { NtpMessage, NtpTimestamp } from '../wire/ntp.ts';
import {
  decodeNtp,
  encodeNtp,
  MAX_STRATUM,
  msOfNtpTimestamp,
  NTP_LEAP_ALARM,
  NTP_LEAP_NONE,
  NTP_MODE_CLIENT,
  NTP_MODE_SERVER,
  NTP_PORT,
  NTP_STRATUM_UNSPEC,
  NTP_ZERO_TIME,
  ntpClientRequest,
  ntpServerReply,
  ntpShortOfSeconds,
  ntpTimestampOfMs,
  refIdOfText,
  secondsOfNtpShort,
} from '../wire/ntp.ts';
import type { UdpDatagram } from '../wire/udp.ts';
import type { IpStack, UdpListener } from './ip-stack.ts';
import type { L3Interface } from './l3-interface.ts';
import { ClockFilter, MAXDISP, MAXDIST, PHI, rootDistance } from './ntp-filter.ts';
import type { TimeOfDay } from './time-of-day.ts';

/** 127.127.1.1: ntpd's and IOS's name for the local clock as a reference. */
export const LOCAL_CLOCK = 0x7f7f_0101 as Ipv4Addr;
/** The default stratum of `ntp master`. */
export const NTP_MASTER_STRATUM = 8;
/** Log2 of the seconds between polls: a server's (64 s, minpoll) and the local clock's (16 s). */
const SERVER_POLL = 6;
const LOCAL_POLL = 4;
/** Unanswered polls before the interval grows, and its largest (1024 s). */
const UNREACH_POLLS = 10;
const MAX_POLL = 10;
/** The system poll interval IOS shows before its first update (8 s). */
const NEVER_UPDATED_POLL = 3;
/** Requests in a burst, and the time between them. */
const IBURST = 6;
const BURST_SPACING = seconds(2);
/** Offsets beyond this (s) step the clock rather than slew it. */
const STEP_THRESHOLD = 0.128;
const INIT = refIdOfText('INIT');
const LOCL = refIdOfText('LOCL');
const MS = 1000;

/** What the service needs of its device. */
export interface NtpHost {
  readonly stack: IpStack;
  readonly clock: TimeOfDay;
  /** Log2 of its clock's precision in seconds (`show ntp status`' "precision is 2**..."). */
  readonly precision: number;
  /**
   * How finely its timestamps read the clock, in ms: an ISR's 4 ms tick reads whole
   * milliseconds (delays and offsets of 0.000, 1.000, -0.500 in its tables), a 2960's microseconds.
   */
  readonly tickMs: number;
  /** The address of interface `name`, undefined when it has none. */
  addressOf(name: string): number | undefined;
}

class NtpPeer implements EventTarget {
  reach = 0;
  stratum = MAX_STRATUM;
  leap = NTP_LEAP_ALARM;
  refId = INIT;
  rootDelay = 0;
  rootDisp = 0;
  /** When its last answer came, good or not, and when it was last asked. */
  lastHeard: Micros | undefined;
  lastSent: Micros | undefined;
  /** Requests left in the current burst. */
  burst = 0;
  /** When its last sample was taken (-1: none); a sample is used once (RFC 5905 A.5.2). */
  sampleAt = -1;
  /** Polls in a row without a good answer, and whether the current one had one. */
  unreach = 0;
  answered = false;
  /** Log2 of the seconds between its polls: its minimum, longer while it does not answer. */
  pollExp: number;
  state: NtpPeerState = 'rejected';
  readonly filter = new ClockFilter();
  /** The transmit timestamp of the request awaiting an answer; null when none is. */
  awaiting: NtpTimestamp | null = null;
  readonly timer: Timer;

  constructor(
    private readonly service: NtpService,
    readonly address: Ipv4Addr,
    public config: NtpServerConfig | null,
    readonly minPoll: number,
  ) {
    this.pollExp = minPoll;
    this.timer = service.host.stack.timer(this, 0);
  }

  get local(): boolean {
    return this.config === null;
  }

  onEvent(): void {
    this.service.poll(this);
  }
}

export class NtpService implements UdpListener {
  readonly unaddressed = false;
  private peers: NtpPeer[] = [];
  private config: NtpConfig = { servers: [] };
  private sysPeer: NtpPeer | null = null;
  private stratum = MAX_STRATUM;
  private refId = INIT;
  private referenceMs: number | undefined;
  private updatedAt: Micros | undefined;
  /** The time of the last sample the clock was updated from (-1: none). */
  private usedAt = -1;
  private offset = 0;
  private rootDelay = 0;
  private rootDisp = 0;
  private since: Micros;

  constructor(readonly host: NtpHost) {
    this.since = host.stack.now as Micros;
    host.stack.listenUdp(NTP_PORT, this);
    host.clock.ntpSynced = false;
  }

  private get now(): Micros {
    return this.host.stack.now as Micros;
  }

  /** Takes the device's `ntp` lines: associations kept by address, new ones polled a second later. */
  configure(config: NtpConfig): void {
    this.config = config;
    const wanted = new Map(config.servers.map((s) => [s.address, s]));
    const next: NtpPeer[] = [];
    for (const p of this.peers) {
      const c = p.local ? undefined : wanted.get(p.address);
      const keep = p.local ? config.master !== undefined : c !== undefined;
      if (!keep) {
        this.drop(p);
        continue;
      }
      if (c !== undefined) {
        p.config = c;
        wanted.delete(p.address);
      }
      next.push(p);
    }
    if (config.master !== undefined && !next.some((p) => p.local))
      next.push(this.start(new NtpPeer(this, LOCAL_CLOCK, null, LOCAL_POLL)));
    // The local clock is known from the start: one stratum above the master's, named LOCL.
    for (const p of next)
      if (p.local) {
        p.stratum = (config.master ?? NTP_MASTER_STRATUM) - 1;
        p.leap = NTP_LEAP_NONE;
        p.refId = LOCL;
      }
    for (const c of wanted.values()) next.push(this.start(new NtpPeer(this, c.address, c, SERVER_POLL)));
    // In the order they were configured.
    this.peers = next;
    this.select();
  }

  /** The device restarted: its associations start again from nothing. */
  restart(): void {
    for (const p of this.peers) p.timer.cancel();
    this.peers = [];
    this.unsynchronized();
    this.referenceMs = undefined;
    this.updatedAt = undefined;
    this.usedAt = -1;
    this.offset = 0;
    this.rootDelay = 0;
    this.rootDisp = 0;
    this.since = this.now;
    this.configure(this.config);
  }

  /** NTP stops: no more polls nor answers, and the clock is left as it is. */
  stop(): void {
    for (const p of this.peers) p.timer.cancel();
    this.peers = [];
    this.host.stack.listenUdp(NTP_PORT, null);
    this.host.clock.ntpSynced = undefined;
  }

  private start(p: NtpPeer): NtpPeer {
    // The first poll a second or two after the association is made.
    p.timer.set(this.now + seconds(1) + this.host.stack.randomInt(seconds(1)), null, 0);
    return p;
  }

  private drop(p: NtpPeer): void {
    p.timer.cancel();
    if (p === this.sysPeer) this.unsynchronized();
  }

  /**
   * A poll of `p` is due: its reach register shifts (not within a burst), then it is asked, or
   * read (the local clock).
   */
  poll(p: NtpPeer): void {
    const now = this.now;
    const precision = 2 ** this.host.precision;
    if (p.burst > 0) p.burst--;
    else {
      const was = p.reach;
      p.reach = (p.reach << 1) & 0xff;
      if (p.reach === 0 && was !== 0) p.filter.clear();
      else if (p.reach !== 0 && (p.reach & 0x07) === 0) p.filter.addMissing(now, precision);
      if (p.reach !== was) this.select();
      if (!p.local) this.backOff(p);
      if (p.reach === 0 && !p.local) p.burst = IBURST - 1;
    }
    p.timer.set(now + (p.burst > 0 ? BURST_SPACING : seconds(2 ** p.pollExp)), null, 0);
    p.lastSent = now;
    if (p.local) {
      p.reach |= 1;
      p.lastHeard = now;
      p.filter.add(0, 0, precision, now, precision);
      p.sampleAt = now;
      this.select();
      return;
    }
    const transmit = ntpTimestampOfMs(this.read(now));
    p.awaiting = transmit;
    const request = ntpClientRequest({ ...this.systemFields(), version: p.config?.version ?? 4, transmit });
    const source = p.config?.source ?? this.config.source;
    const from = source === undefined ? undefined : this.host.addressOf(source);
    const stack = this.host.stack;
    stack.sendUdp(p.address, NTP_PORT, NTP_PORT, stack.profile.ttl, encodeNtp(request), from);
  }

  /**
   * ntpd's unreachable backoff: after ten polls in a row without a good answer, each poll
   * doubles the interval, up to 1024 s (maxpoll 10); a good answer brings it back to 64 s.
   */
  private backOff(p: NtpPeer): void {
    p.unreach = p.answered ? 0 : p.unreach + 1;
    p.answered = false;
    p.pollExp = p.unreach >= UNREACH_POLLS ? Math.min(MAX_POLL, p.pollExp + 1) : p.minPoll;
  }

  /** The clock as its timestamps read it, in ms since 1970. */
  private read(now: Micros): number {
    const tick = this.host.tickMs;
    return Math.floor(this.host.clock.preciseMs(now) / tick) * tick;
  }

  /** What the device says of its clock in a request or an answer. */
  private systemFields(): Pick<
    NtpMessage,
    'leap' | 'stratum' | 'precision' | 'rootDelay' | 'rootDispersion' | 'referenceId' | 'reference'
  > {
    const synced = this.sysPeer !== null;
    return {
      leap: synced ? NTP_LEAP_NONE : NTP_LEAP_ALARM,
      stratum: synced ? this.stratum : NTP_STRATUM_UNSPEC,
      precision: this.host.precision,
      rootDelay: ntpShortOfSeconds(Math.min(this.rootDelay, MAXDISP)),
      rootDispersion: ntpShortOfSeconds(Math.min(this.rootDisp, MAXDISP)),
      referenceId: synced ? this.refId : 0,
      reference: this.referenceMs === undefined ? NTP_ZERO_TIME : ntpTimestampOfMs(this.referenceMs),
    };
  }

  onUdp(_iface: L3Interface, pkt: Ipv4Packet, d: UdpDatagram): void {
    const decoded = decodeNtp(d.data);
    if (!decoded.ok) return;
    const m = decoded.value;
    // Versions 1-4 only; a version 1 request has no mode (0) and is a client's (ntpd).
    if (m.version < 1 || m.version > 4) return;
    if (m.mode === NTP_MODE_CLIENT || (m.version === 1 && m.mode === 0)) this.answer(pkt, d, m);
    else if (m.mode === NTP_MODE_SERVER) this.answered(pkt.src, m);
  }

  private answer(pkt: Ipv4Packet, d: UdpDatagram, request: NtpMessage): void {
    // A request to a broadcast address gets nothing: NTP answers the address it was asked at.
    if (pkt.dst === 0xffff_ffff || !this.host.stack.ifaces.some((i) => i.ip?.addr === pkt.dst)) return;
    const at = ntpTimestampOfMs(this.read(this.now));
    const reply = ntpServerReply(request, this.systemFields(), at, at);
    const stack = this.host.stack;
    stack.sendUdp(pkt.src, NTP_PORT, d.srcPort, stack.profile.ttl, encodeNtp(reply), pkt.dst);
  }

  private answered(from: number, m: NtpMessage): void {
    const p = this.peers.find((q) => !q.local && q.address === from);
    // Not ours, a duplicate, or an answer to an earlier request.
    if (p === undefined || p.awaiting === null || !sameTime(m.origin, p.awaiting)) return;
    p.awaiting = null;
    const now = this.now;
    p.lastHeard = now;
    const rootDelay = secondsOfNtpShort(m.rootDelay);
    const rootDisp = secondsOfNtpShort(m.rootDispersion);
    // An unsynchronized server, or one too far from its reference, does not count.
    if (m.leap === NTP_LEAP_ALARM || m.stratum === NTP_STRATUM_UNSPEC || m.stratum >= MAX_STRATUM) return;
    if (rootDelay / 2 + rootDisp >= MAXDISP) return;
    const t1 = msOfNtpTimestamp(m.origin);
    const t2 = msOfNtpTimestamp(m.receive);
    const t3 = msOfNtpTimestamp(m.transmit);
    const t4 = this.read(now);
    const offset = (t2 - t1 + (t3 - t4)) / 2 / MS;
    const precision = 2 ** this.host.precision;
    const delay = Math.max((t4 - t1 - (t3 - t2)) / MS, 0);
    const disp = precision + 2 ** m.precision + (PHI * (t4 - t1)) / MS;
    p.reach |= 1;
    p.stratum = m.stratum;
    p.leap = m.leap;
    p.refId = m.referenceId;
    p.rootDelay = rootDelay;
    p.rootDisp = rootDisp;
    p.filter.add(offset, delay, disp, now, precision);
    p.sampleAt = now;
    p.answered = true;
    this.select();
  }

  /** Chooses the server to follow, and updates the clock from it when it has a new sample. */
  private select(): void {
    const now = this.now;
    let best: NtpPeer | null = null;
    let bestKey = Number.POSITIVE_INFINITY;
    let preferred: NtpPeer | null = null;
    for (const p of this.peers) {
      const distance = rootDistance(p.filter, p.rootDelay, p.rootDisp, now);
      const good =
        p.reach !== 0 &&
        p.leap !== NTP_LEAP_ALARM &&
        p.stratum + 1 < MAX_STRATUM &&
        p.filter.filled > 0 &&
        distance < MAXDIST &&
        !this.loops(p);
      p.state = good ? 'candidate' : 'rejected';
      if (!good) continue;
      const key = p.stratum * MAXDIST + distance;
      if (key < bestKey) {
        best = p;
        bestKey = key;
      }
      if (p.config?.prefer) preferred ??= p;
    }
    best = preferred ?? best;
    if (best === null) {
      if (this.sysPeer !== null) this.unsynchronized();
      return;
    }
    best.state = 'sys.peer';
    const changed = best !== this.sysPeer;
    this.sysPeer = best;
    const fresh = best.sampleAt > this.usedAt;
    if (changed || fresh) this.update(best, now, fresh);
  }

  /**
   * A timing loop (RFC 5905 A.5.2's fit): a server synchronized to this device, or to the
   * server this device follows, would only hand its own time back.
   */
  private loops(p: NtpPeer): boolean {
    if (p.local || p.stratum <= 1) return false;
    if (this.host.stack.ifaces.some((i) => i.ip?.addr === p.refId)) return true;
    return this.sysPeer !== null && p !== this.sysPeer && p.refId === this.refId;
  }

  /**
   * Follows `p`: its stratum and reference at once, and, with a sample not used yet
   * (`fresh`), the clock, stepped the first time or beyond 128 ms, slewed otherwise.
   */
  private update(p: NtpPeer, now: Micros, fresh: boolean): void {
    const clock = this.host.clock;
    const offset = p.filter.offset;
    this.stratum = p.stratum + 1;
    this.refId = p.local ? (this.stratum === 1 ? LOCL : LOCAL_CLOCK) : p.address;
    this.rootDelay = p.rootDelay + p.filter.delay;
    this.rootDisp = p.rootDisp + p.filter.dispersionAt(now) + p.filter.jitter + Math.abs(offset);
    clock.ntpSynced = true;
    if (!fresh) return;
    this.usedAt = p.sampleAt;
    if (!p.local) {
      if (clock.source !== 'ntp' || Math.abs(offset) > STEP_THRESHOLD) {
        clock.set(clock.preciseMs(now) + offset * MS, 'ntp');
        for (const q of this.peers) q.filter.shift(offset);
      } else clock.slew(offset * MS);
    }
    this.offset = offset;
    this.referenceMs = clock.preciseMs(now);
    this.updatedAt = now;
  }

  private unsynchronized(): void {
    this.sysPeer = null;
    this.stratum = MAX_STRATUM;
    this.refId = INIT;
    this.host.clock.ntpSynced = false;
  }

  status(): NtpStatus {
    const now = this.now;
    const peer = this.sysPeer;
    return {
      synced: peer !== null,
      stratum: this.stratum,
      refId: this.refId,
      referenceMs: this.referenceMs,
      updatedAt: this.updatedAt,
      offset: this.offset,
      rootDelay: this.rootDelay,
      rootDispersion: this.rootDisp + (PHI * (now - (this.updatedAt ?? this.since))) / seconds(1),
      peerDispersion: peer === null ? 0 : peer.filter.dispersionAt(now),
      precision: this.host.precision,
      poll: this.updatedAt === undefined ? 2 ** NEVER_UPDATED_POLL : 2 ** (peer?.pollExp ?? SERVER_POLL),
      since: this.since,
      peers: this.peers.map((p) => peerStatus(p, now)),
    };
  }
}

function peerStatus(p: NtpPeer, now: Micros): NtpPeerStatus {
  return {
    address: p.address,
    configured: true,
    prefer: p.config?.prefer === true,
    stratum: p.stratum,
    refId: p.refId,
    lastHeard: p.lastHeard,
    poll: 2 ** p.pollExp,
    reach: p.reach,
    delay: p.filter.delay === MAXDISP ? 0 : p.filter.delay,
    offset: p.filter.offset,
    dispersion: p.filter.dispersionAt(now),
    jitter: p.filter.jitter,
    rootDelay: p.rootDelay,
    rootDispersion: p.rootDisp,
    lastSent: p.lastSent,
    state: p.state,
  };
}

const sameTime = (a: NtpTimestamp, b: NtpTimestamp): boolean =>
  a.seconds === b.seconds && a.fraction === b.fraction;
