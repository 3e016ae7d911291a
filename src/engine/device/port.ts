/**
 * A physical Ethernet port (ns-3's net device): a MAC address, a line state, counters and a
 * bounded transmit queue with tail drop. A frame occupies the link for its length plus FCS,
 * preamble and inter-frame gap at the link's bit rate, and reaches the far end one propagation
 * delay after its last bit left.
 *
 * The common case (idle port, empty queue) schedules exactly one event per frame: its arrival.
 * Frames that find the port busy wait in the queue; one "transmitter ready" event drains it.
 */
import { MAC_BROADCAST, type MacAddr } from '../../shared/mac.ts';
import type { Micros } from '../../shared/time.ts';
import type { SimContext } from '../sim/context.ts';
import {
  BUSY_UNTIL,
  BYTE_TIME,
  DELAY,
  GAP_TIME,
  LAST_TX,
  ON_LINE,
  STRIDE as RECORD,
  TX_BYTES,
  TX_FRAMES,
} from '../sim/port-table.ts';
import type { EventTarget, FrameSink } from '../sim/scheduler.ts';
import type { DropReason } from '../trace.ts';
import type { EthernetFrame } from '../wire/ethernet.ts';
import { counterValue, plus, wraps } from './counter.ts';
import type { Device } from './device.ts';
import type { Bundle } from './etherchannel.ts';
import type { Link } from './link.ts';
import { LoadRates } from './load-rates.ts';
import { macHigh, macLow } from './mac-table.ts';
import { FIRST_GROUP, isGroupMac } from './mac-util.ts';
import type { Duplex, EndSettings, Mode } from './negotiation.ts';
import { SHARED } from './ownership.ts';
import type { PortSecurity } from './port-security.ts';
import type { ClearedCounters } from './status.ts';
import { onWire, TAG_AS_IS } from './wire-tag.ts';

/** Bytes on the line that a capture does not show: FCS (4) and preamble with SFD (8). */
const LINE_OVERHEAD = 12;
/** Minimum inter-frame gap, in byte times. */
const INTER_FRAME_GAP = 12;

const EV_TX_READY = 1;
/** Numbers kept per queued frame: id, length, wire tag, ownership. */
const QUEUED = 4;
/** Tagged frames' destinations a port holds itself (see `Port.carrying`). */
const CARRIED_INLINE = 4;

/**
 * Transmit queue lengths: IOS routers hold 40 frames per interface (`hold-queue 40 out`); a
 * Catalyst port draws on a shared buffer, about a hundred frames; a PC's NIC ring is larger.
 */
export const QUEUE_LIMITS = { router: 40, switch: 100, pc: 256, server: 256 } as const;

export const FAST_ETHERNET = 100_000_000;
export const GIGABIT_ETHERNET = 1_000_000_000;

/** Nominal speed of a port from its name. */
export const portSpeed = (name: string): number =>
  name.startsWith('GigabitEthernet') ? GIGABIT_ETHERNET : FAST_ETHERNET;

/** A port; `T` is what its device delivers the frames it receives to (see `untagged`). */
export class Port<T = unknown> implements EventTarget, FrameSink {
  // Fields the per-frame path reads come first, so they share the object's first cache lines:
  // what every port reads to take in or send a frame, then what a switch or a router reads of
  // the port a frame arrives on or leaves by. A PC's port (most of a large network's) reads
  // none of the switch's fields, so they come after everything it reads.
  /**
   * Line state: cabled, cable up, and neither end shut down (so `link` is set). Kept current by
   * the simulation, through `setLine`.
   */
  up = false;
  /** The cable's epoch (see Link), mirrored here so an arrival need not visit the cable. */
  epoch = 0;
  private readonly ctx: SimContext;
  readonly owner: Device;
  /**
   * Where its record sits in `ctx.ports.data` (port-table.ts): when the line is free again
   * (virtual time), the cable's byte time, inter-frame gap and propagation delay (copied when it
   * is connected), and the frames and bytes sent.
   */
  private readonly record: number;
  private qLen = 0;
  /** The serial number of the port at the far end of its cable, which its frames are for. */
  private peerSerial = -1;
  /** The scheduler's frame lane this port's last frame went into (a hint). */
  private lane = -1;
  /** Frames and bytes received, in two parts each (counter.ts). */
  private rxFramesLow = 0;
  private rxBytesLow = 0;
  /**
   * Its MAC address in halves (mac-table.ts), which a host or a router compares with a frame's
   * destination first: `mac`, a 48-bit number, is a heap number of its own, one more line to
   * read.
   */
  private readonly macHigh: number;
  private readonly macLow: number;

  // Where the frames arriving here go, and on a switch port its VLAN state, as its device's
  // last refresh derived them. They are declared here rather than in SwitchPort and RouterPort
  // because V8 lays out a subclass's fields after all of its base class's, several cache lines
  // into the object; here every frame a switch or a router receives finds them next to the
  // line state. A host's port leaves them as they are.
  /**
   * Where untagged (and priority-tagged) frames arriving here go: on a switch, the access
   * VLAN or the native VLAN when this port carries it; on a router, the interface of the port or
   * its native subinterface. Null when nothing takes them.
   */
  untagged: T | null = null;
  /** Its switchport mode after DTP: OPER_DOWN, OPER_ACCESS, OPER_TRUNK or OPER_ROUTED (switch-port.ts). */
  oper = 0;
  nativeVlan = 1;
  accessVlan = 1;
  /** The neighbour's native VLAN when both trunk and disagree; -1 otherwise. */
  peerNative = -1;
  /** A switch port's port security while it is on (port-security.ts); null otherwise. */
  security: PortSecurity | null = null;
  /** The EtherChannel a switch port is bundled in (etherchannel.ts); null otherwise. */
  bundle: Bundle | null = null;
  /** Its number in the simulation: `ctx.ports.at(serial)` is this port. */
  readonly serial: number;

  // Where tagged frames go (a switch trunk's VLANs, a router port's subinterfaces): up to
  // CARRIED_INLINE pairs of VLAN id (-1: none) and destination, in the port itself rather than
  // in an array, which would be two more objects for a frame to read (see `carrying`).
  private vid0 = -1;
  private to0: T | null = null;
  private vid1 = -1;
  private to1: T | null = null;
  private vid2 = -1;
  private to2: T | null = null;
  private vid3 = -1;
  private to3: T | null = null;
  /** More pairs than fit: the device looks tagged frames' destinations up itself. */
  private carriesMore = false;

  link: Link | null = null;
  peer: Port | null = null;
  private rxFramesHigh = 0;
  private rxBytesHigh = 0;
  /** The scheduler's lane its last "line free again" event went into (a hint). */
  private readyLane = -1;
  /** Its position among its device's ports. */
  readonly index: number;
  /** Frames to the broadcast address and to other group addresses, received and sent. */
  rxBroadcasts = 0;
  rxMulticasts = 0;
  txBroadcasts = 0;
  txMulticasts = 0;
  drops = 0;
  /** False after `shutdown`. */
  adminUp = true;
  /**
   * Why the device error-disabled the port (IOS's cause, e.g. `psecure-violation`), which keeps
   * its line down until it is shut down; null while it is not.
   */
  errDisabled: string | null = null;
  readonly name: string;
  readonly mac: MacAddr;
  readonly speed: number;
  /** Frames that may wait while the line is busy. */
  readonly queueLimit: number;

  private txReadyPending = false;
  /** The transmit ring: frames, and their ids, lengths, wire tags and ownership. */
  private queue: EthernetFrame[] | null = null;
  private queueIds: number[] | null = null;
  private qHead = 0;
  /** When the line last came up (see `lastInput`). */
  private upSince = Number.NEGATIVE_INFINITY;
  /** The last arrival while the line was last up, kept when it went down (see `lastInput`). */
  private inputBefore = Number.NEGATIVE_INFINITY;
  /** Its last `clear counters`, null if none (status.ts). */
  cleared: ClearedCounters | null = null;
  /** Its input and output rates (load-rates.ts). */
  rates: LoadRates;
  /** Its `speed` (bits per second) and `duplex` settings; undefined: auto. */
  speedSetting: number | undefined = undefined;
  duplexSetting: Duplex | undefined = undefined;
  /** What its line runs at while up, as negotiated with the other end (negotiation.ts). */
  mode: Mode | null = null;
  /** Bits per second its line last ran at; 0 until it first comes up. */
  lastSpeed = 0;
  /** When its line came up, or was renegotiated, with its `mode`. */
  modeSince = 0;
  /** Restarting auto-negotiation after a settings change: its line is down (renegotiation.ts). */
  renegotiating = false;

  constructor(
    owner: Device,
    index: number,
    name: string,
    mac: MacAddr,
    speed: number,
    ctx: SimContext,
    queueLimit: number,
  ) {
    this.ctx = ctx;
    this.owner = owner;
    this.index = index;
    this.name = name;
    this.mac = mac;
    this.speed = speed;
    this.queueLimit = queueLimit;
    this.macHigh = macHigh(mac);
    this.macLow = macLow(mac);
    this.record = ctx.ports.add(this, ctx.sched.now);
    this.serial = this.record / RECORD;
    // Made with the port, so that sampling a large network allocates nothing.
    this.rates = new LoadRates(ctx.load);
  }

  /**
   * Bits per second the line runs at: with its line up, the highest speed both ends support
   * (auto-negotiation, IEEE 802.3 clause 28), so a Gigabit port cabled to a Fast Ethernet NIC
   * runs at 100 Mb/s; its own speed otherwise.
   */
  get negotiatedSpeed(): number {
    return this.up && this.mode !== null ? this.mode.speed : this.speed;
  }

  /** The duplex its line runs at while up (negotiation.ts); undefined while down. */
  get duplex(): Duplex | undefined {
    return this.up ? this.mode?.duplex : undefined;
  }

  /**
   * Its `speed` (Mb/s) and `duplex` settings, undefined for auto; its line renegotiates.
   * Returns whether they changed.
   */
  setSpeedDuplex(mbps: number | undefined, duplex: Duplex | undefined): boolean {
    const speed = mbps === undefined ? undefined : mbps * 1e6;
    if (speed === this.speedSetting && duplex === this.duplexSetting) return false;
    this.speedSetting = speed;
    this.duplexSetting = duplex;
    return true;
  }

  /** What it brings to negotiation: its highest speed and its settings. */
  get settings(): EndSettings {
    return { max: this.speed, speed: this.speedSetting, duplex: this.duplexSetting };
  }

  /** Neither shut down, error-disabled nor renegotiating: its line is up when its cable's is. */
  get enabled(): boolean {
    return this.adminUp && this.errDisabled === null && !this.renegotiating;
  }

  /** Whether `dst` (a frame's destination, unicast) is this port's address. */
  isMine(dst: MacAddr): boolean {
    return macLow(dst) === this.macLow && macHigh(dst) === this.macHigh;
  }

  /**
   * Sets where tagged frames go: `pairs` of VLAN id and destination. Past CARRIED_INLINE of
   * them, `carrying` leaves the lookup to the device.
   */
  setCarried(pairs: readonly (readonly [number, T])[]): void {
    const inline = pairs.length <= CARRIED_INLINE;
    const at = (k: number): readonly [number, T | null] => (inline ? (pairs[k] ?? [-1, null]) : [-1, null]);
    [this.vid0, this.to0] = at(0);
    [this.vid1, this.to1] = at(1);
    [this.vid2, this.to2] = at(2);
    [this.vid3, this.to3] = at(3);
    this.carriesMore = !inline;
  }

  /**
   * Where a frame tagged `vid` goes: its destination, null when the port does not carry the
   * VLAN, undefined when it carries too many for the port to tell (see `setCarried`).
   */
  carrying(vid: number): T | null | undefined {
    if (this.vid0 === vid) return this.to0;
    if (this.vid1 === vid) return this.to1;
    if (this.vid2 === vid) return this.to2;
    if (this.vid3 === vid) return this.to3;
    return this.carriesMore ? undefined : null;
  }

  /** The port is gone (its device was removed): its record can be reused (see PortTable.remove). */
  release(): void {
    this.ctx.ports.remove(this.record, this.ctx.sched.now);
  }

  /** Cabled to `peer` through `link` (or uncabled when both are null). */
  attach(link: Link | null, peer: Port | null): void {
    this.link = link;
    this.peer = peer;
    this.peerSerial = peer === null ? -1 : peer.serial;
    if (link !== null) {
      this.epoch = link.epoch;
      this.retime();
    }
  }

  /** Copies its cable's byte time and delay into its record (after `attach` or renegotiation). */
  retime(): void {
    const link = this.link;
    if (link === null) return;
    const t = this.ctx.ports.data;
    t[this.record + BYTE_TIME] = link.byteTime;
    t[this.record + GAP_TIME] = INTER_FRAME_GAP * link.byteTime;
    t[this.record + DELAY] = link.delay;
  }

  /**
   * The line came up or went down (cable, both ends' shutdown state). Going down loses what
   * waits in the transmit queue.
   */
  setLine(up: boolean): void {
    if (up === this.up) return;
    if (up) this.upSince = this.ctx.sched.now;
    else {
      this.inputBefore = this.lastInput;
      this.flushQueue();
    }
    this.up = up;
  }

  /**
   * Puts a frame on the wire now, or queues it: `len` bytes (its `wireLen`) with wire tag `tag`
   * (see wire-tag.ts), and `owned` (see ownership.ts).
   */
  send(frame: EthernetFrame, frameId: number, len: number, tag: number, owned: number): void {
    if (!this.up) {
      this.drop(frameId, this.link === null ? 'no-cable' : 'port-down');
      return;
    }
    const timing = this.ctx.ports.data;
    if (this.qLen === 0 && timing[this.record + BUSY_UNTIL]! <= this.ctx.sched.now) {
      this.transmit(frame, frameId, len, tag, owned);
      return;
    }
    const limit = this.queueLimit;
    if (this.qLen >= limit) {
      this.drop(frameId, 'queue-full');
      return;
    }
    if (this.queue === null || this.qLen === this.queue.length) this.growQueue();
    const queue = this.queue!;
    const slot = (this.qHead + this.qLen) % queue.length;
    queue[slot] = frame;
    const ids = this.queueIds!;
    ids[QUEUED * slot] = frameId;
    ids[QUEUED * slot + 1] = len;
    ids[QUEUED * slot + 2] = tag;
    ids[QUEUED * slot + 3] = owned;
    this.qLen++;
    if (!this.txReadyPending) {
      this.txReadyPending = true;
      this.ctx.sched.atTimeIn(timing, this.record + BUSY_UNTIL, this, EV_TX_READY);
    }
  }

  onEvent(): void {
    this.drainOne();
  }

  /** The queue's ring starts small and doubles up to the limit: most ports never queue much. */
  private growQueue(): void {
    const old = this.queue;
    const oldIds = this.queueIds;
    const size = Math.min(old === null ? 4 : old.length * 2, this.queueLimit);
    const queue = new Array<EthernetFrame>(size);
    const ids = new Array<number>(QUEUED * size).fill(0);
    for (let i = 0; i < this.qLen; i++) {
      const from = (this.qHead + i) % old!.length;
      queue[i] = old![from]!;
      for (let k = 0; k < QUEUED; k++) ids[QUEUED * i + k] = oldIds![QUEUED * from + k]!;
    }
    this.queue = queue;
    this.queueIds = ids;
    this.qHead = 0;
  }

  /** Whatever waits in the queue is lost. */
  private flushQueue(): void {
    if (this.qLen > 0) {
      const size = this.queue!.length;
      for (let i = 0; i < this.qLen; i++) {
        const slot = (this.qHead + i) % size;
        this.drop(this.queueIds![QUEUED * slot]!, 'port-down');
        this.queue![slot] = undefined as unknown as EthernetFrame;
      }
    }
    this.qHead = 0;
    this.qLen = 0;
    this.ctx.ports.data[this.record + BUSY_UNTIL] = Number.NEGATIVE_INFINITY;
  }

  get queued(): number {
    return this.qLen;
  }

  get rxFrames(): number {
    return counterValue(this.rxFramesHigh, this.rxFramesLow);
  }

  get rxBytes(): number {
    return counterValue(this.rxBytesHigh, this.rxBytesLow);
  }

  get txFrames(): number {
    return this.ctx.ports.data[this.record + TX_FRAMES]!;
  }

  get txBytes(): number {
    return this.ctx.ports.data[this.record + TX_BYTES]!;
  }

  /** When its last frame started onto the line: -Infinity if never. */
  get lastOutput(): number {
    return this.ctx.ports.data[this.record + LAST_TX]!;
  }

  /**
   * When its last frame arrived: -Infinity if never. Read from the far end, whose last frame
   * arrived here (or is arriving) if it was sent while this line was up; before that, what
   * the line got while it was last up. A frame still on its way counts as arrived now, unless
   * it is the first the port gets: its counters say none came, and so does this.
   */
  get lastInput(): number {
    const peer = this.peer;
    if (!this.up || peer === null || peer.lastOutput < this.upSince) return this.inputBefore;
    const arrival = peer.lastArrival();
    const now = this.ctx.sched.now;
    if (arrival > now && this.rxFramesLow === 0 && this.rxFramesHigh === 0) return this.inputBefore;
    return Math.max(this.inputBefore, Math.min(arrival, now));
  }

  /** When its last frame reached (or reaches) the far end. */
  private lastArrival(): number {
    const t = this.ctx.ports.data;
    const at = this.record;
    return t[at + LAST_TX]! + t[at + ON_LINE]! + t[at + DELAY]!;
  }

  private drainOne(): void {
    this.txReadyPending = false;
    if (this.qLen === 0) return;
    const timing = this.ctx.ports.data;
    if (timing[this.record + BUSY_UNTIL]! > this.ctx.sched.now) {
      // The line went down and up again meanwhile; wait for the current frame.
      this.txReadyPending = true;
      this.ctx.sched.atTimeIn(timing, this.record + BUSY_UNTIL, this, EV_TX_READY);
      return;
    }
    const queue = this.queue!;
    const head = this.qHead;
    const frame = queue[head]!;
    const ids = this.queueIds!;
    const id = ids[QUEUED * head]!;
    const len = ids[QUEUED * head + 1]!;
    const tag = ids[QUEUED * head + 2]!;
    const owned = ids[QUEUED * head + 3]!;
    queue[head] = undefined as unknown as EthernetFrame;
    this.qHead = (head + 1) % queue.length;
    this.qLen--;
    this.transmit(frame, id, len, tag, owned);
    if (this.qLen > 0) {
      // Free again after this frame's time on the line and the gap: the very sum `transmit`
      // stored as busyUntil, as a delay the scheduler's lanes take without heap sifting.
      this.txReadyPending = true;
      const at = this.record;
      this.readyLane = this.ctx.sched.atAfter(
        timing,
        at + ON_LINE,
        at + GAP_TIME,
        this,
        EV_TX_READY,
        this.readyLane,
      );
    }
  }

  private transmit(f: EthernetFrame, frameId: number, len: number, t: number, o: number): void {
    const ctx = this.ctx;
    let frame = f;
    let tag = t;
    let owned = o;
    const observed = ctx.observed();
    if (observed) {
      if (tag !== TAG_AS_IS) {
        frame = onWire(frame, tag);
        tag = TAG_AS_IS;
      }
      // The trace or a capture keeps this very value: nobody may change it from now on.
      owned = SHARED;
    }
    const timing = ctx.ports.data;
    const at = this.record;
    const now = ctx.sched.now;
    const onLine = (len + LINE_OVERHEAD) * timing[at + BYTE_TIME]!;
    timing[at + ON_LINE] = onLine;
    timing[at + LAST_TX] = now;
    timing[at + BUSY_UNTIL] = now + onLine + timing[at + GAP_TIME]!;
    timing[at + TX_FRAMES] = timing[at + TX_FRAMES]! + 1;
    timing[at + TX_BYTES] = timing[at + TX_BYTES]! + len;
    if (frame.dst >= FIRST_GROUP) this.countGroupTx(frame.dst);
    if (observed) this.showTx(frame, frameId);
    this.lane = ctx.sched.atFrame(
      timing,
      at + ON_LINE,
      at + DELAY,
      this.peerSerial,
      frame,
      frameId,
      this.epoch,
      len,
      tag,
      owned,
      this.lane,
    );
  }

  /** The last bit of a frame reached this port (scheduled by the far end's `transmit`). */
  arrive(f: unknown, frameId: number, epoch: number, len: number, t: number, o: number): void {
    let frame = f as EthernetFrame;
    let tag = t;
    let owned = o;
    if (!this.up || this.epoch !== epoch) {
      this.drop(frameId, this.link === null ? 'no-cable' : 'port-down');
      return;
    }
    if (wraps(this.rxFramesLow, 1)) this.rxFramesHigh++;
    if (wraps(this.rxBytesLow, len)) this.rxBytesHigh++;
    this.rxFramesLow = plus(this.rxFramesLow, 1);
    this.rxBytesLow = plus(this.rxBytesLow, len);
    // Every address the engine gives out (00-00-0C) is below the first group address.
    if (frame.dst >= FIRST_GROUP) this.countGroupRx(frame.dst);
    if (this.ctx.trace.enabled) {
      frame = onWire(frame, tag);
      tag = TAG_AS_IS;
      owned = SHARED;
      this.traceRx(frame, frameId);
    }
    this.owner.receive(this, frame, frameId, len, tag, owned);
  }

  private countGroupRx(dst: number): void {
    if (dst === MAC_BROADCAST) this.rxBroadcasts++;
    else if (isGroupMac(dst)) this.rxMulticasts++;
  }

  private countGroupTx(dst: number): void {
    if (dst === MAC_BROADCAST) this.txBroadcasts++;
    else if (isGroupMac(dst)) this.txMulticasts++;
  }

  // The trace and the wire listeners are kept out of the per-frame methods, which stay small
  // enough for the compiler to inline what they call.

  /** The trace and the wire listeners see a frame leave. */
  private showTx(frame: EthernetFrame, frameId: number): void {
    const ctx = this.ctx;
    const now = ctx.sched.now as Micros;
    const trace = ctx.trace;
    if (trace.enabled) {
      trace.emit({
        t: now,
        seq: trace.nextSeq(),
        device: this.owner.id,
        kind: 'tx',
        port: this.name,
        link: this.link!.id,
        frameId,
        frame,
      });
    }
    const listeners = ctx.wireListeners;
    for (let i = 0; i < listeners.length; i++) listeners[i]!(now, this.link!.id, frame);
  }

  private traceRx(frame: EthernetFrame, frameId: number): void {
    const trace = this.ctx.trace;
    trace.emit({
      t: this.ctx.sched.now as Micros,
      seq: trace.nextSeq(),
      device: this.owner.id,
      kind: 'rx',
      port: this.name,
      frameId,
      frame,
    });
  }

  drop(frameId: number, reason: DropReason): void {
    this.drops++;
    this.ctx.traceDrop(this.owner.id, frameId, reason, this.name);
  }
}
