/**
 * A physical Ethernet port (ns-3's net device): a MAC address, a line state, counters and a
 * bounded transmit queue with tail drop. A frame occupies the link for its length plus FCS,
 * preamble and inter-frame gap at the link's bit rate, and reaches the far end one propagation
 * delay after its last bit left.
 *
 * The common case (idle port, empty queue) schedules exactly one event per frame: its arrival.
 * Frames that find the port busy wait in the queue; one "transmitter ready" event drains it.
 */
import type { MacAddr } from '../../shared/mac.ts';
import type { Micros } from '../../shared/time.ts';
import { wireLen } from '../frame-size.ts';
import type { SimContext } from '../sim/context.ts';
import type { EventTarget, FrameSink } from '../sim/scheduler.ts';
import type { DropReason } from '../trace.ts';
import type { EthernetFrame } from '../wire/ethernet.ts';
import type { Device } from './device.ts';
import type { Link } from './link.ts';

/** Bytes on the line that a capture does not show: FCS (4) and preamble with SFD (8). */
const LINE_OVERHEAD = 12;
/** Minimum inter-frame gap, in byte times. */
const INTER_FRAME_GAP = 12;

const EV_TX_READY = 1;

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

export class Port implements EventTarget, FrameSink {
  link: Link | null = null;
  peer: Port | null = null;
  /** False after `shutdown`. */
  adminUp = true;
  /** Line state: cabled, cable up, and neither end shut down. Kept current by the simulation. */
  up = false;

  rxFrames = 0;
  txFrames = 0;
  rxBytes = 0;
  txBytes = 0;
  rxBroadcasts = 0;
  drops = 0;

  private busyUntil = 0;
  private txReadyPending = false;
  private queue: EthernetFrame[] | null = null;
  private queueIds: number[] | null = null;
  private qHead = 0;
  private qLen = 0;

  constructor(
    readonly owner: Device,
    readonly index: number,
    readonly name: string,
    readonly mac: MacAddr,
    readonly speed: number,
    private readonly ctx: SimContext,
    /** Frames that may wait while the line is busy. */
    readonly queueLimit: number,
  ) {}

  /** Puts a frame on the wire now, or queues it behind the one being sent. */
  send(frame: EthernetFrame, frameId: number): void {
    if (!this.up) {
      this.drop(frameId, this.link === null ? 'no-cable' : 'port-down');
      return;
    }
    if (this.qLen === 0 && this.busyUntil <= this.ctx.sched.now) {
      this.transmit(frame, frameId);
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
    this.queueIds![slot] = frameId;
    this.qLen++;
    if (!this.txReadyPending) {
      this.txReadyPending = true;
      this.ctx.sched.at(this.busyUntil, this, EV_TX_READY, null, 0, 0);
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
    const ids = new Array<number>(size).fill(0);
    for (let i = 0; i < this.qLen; i++) {
      queue[i] = old![(this.qHead + i) % old!.length]!;
      ids[i] = oldIds![(this.qHead + i) % old!.length]!;
    }
    this.queue = queue;
    this.queueIds = ids;
    this.qHead = 0;
  }

  /** The line went down: whatever waits in the queue is lost. */
  flushQueue(): void {
    if (this.qLen > 0) {
      const size = this.queue!.length;
      for (let i = 0; i < this.qLen; i++) {
        const slot = (this.qHead + i) % size;
        this.drop(this.queueIds![slot]!, 'port-down');
        this.queue![slot] = undefined as unknown as EthernetFrame;
      }
    }
    this.qHead = 0;
    this.qLen = 0;
    this.busyUntil = 0;
  }

  get queued(): number {
    return this.qLen;
  }

  private drainOne(): void {
    this.txReadyPending = false;
    if (this.qLen === 0) return;
    const now = this.ctx.sched.now;
    if (this.busyUntil > now) {
      // The line went down and up again meanwhile; wait for the current frame.
      this.txReadyPending = true;
      this.ctx.sched.at(this.busyUntil, this, EV_TX_READY, null, 0, 0);
      return;
    }
    const queue = this.queue!;
    const frame = queue[this.qHead]!;
    const id = this.queueIds![this.qHead]!;
    queue[this.qHead] = undefined as unknown as EthernetFrame;
    this.qHead = (this.qHead + 1) % queue.length;
    this.qLen--;
    this.transmit(frame, id);
    if (this.qLen > 0) {
      this.txReadyPending = true;
      this.ctx.sched.at(this.busyUntil, this, EV_TX_READY, null, 0, 0);
    }
  }

  private transmit(frame: EthernetFrame, frameId: number): void {
    const link = this.link!;
    const ctx = this.ctx;
    const now = ctx.sched.now;
    const len = wireLen(frame);
    const byteTime = link.byteTime;
    const onLine = (len + LINE_OVERHEAD) * byteTime;
    this.busyUntil = now + onLine + INTER_FRAME_GAP * byteTime;
    this.txFrames++;
    this.txBytes += len;
    const trace = ctx.trace;
    if (trace.enabled) {
      trace.emit({
        t: now as Micros,
        seq: trace.nextSeq(),
        device: this.owner.id,
        kind: 'tx',
        port: this.name,
        link: link.id,
        frameId,
        frame,
      });
    }
    const listeners = ctx.wireListeners;
    for (let i = 0; i < listeners.length; i++) listeners[i]!(now as Micros, link.id, frame);
    ctx.sched.atFrame(now + onLine + link.delay, this.peer!, frame, frameId, link.epoch, len);
  }

  /** The last bit of a frame reached this port (scheduled by the far end's `transmit`). */
  arrive(f: unknown, frameId: number, epoch: number, len: number): void {
    const frame = f as EthernetFrame;
    const link = this.link;
    if (link === null || link.epoch !== epoch || !this.up) {
      this.drop(frameId, link === null ? 'no-cable' : 'port-down');
      return;
    }
    this.rxFrames++;
    this.rxBytes += len;
    if (frame.dst === 0xffff_ffff_ffff) this.rxBroadcasts++;
    const trace = this.ctx.trace;
    if (trace.enabled) {
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
    this.owner.receive(this, frame, frameId);
  }

  drop(frameId: number, reason: DropReason): void {
    this.drops++;
    this.ctx.traceDrop(this.owner.id, frameId, reason, this.name);
  }
}
