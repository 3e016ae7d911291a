/**
 * A cable between two ports (ns-3's channel): propagation delay, bit rate, and an epoch that
 * changes whenever the cable goes down, so frames already in flight can tell they were lost.
 * Epochs come from one counter per simulation, so no two cables, or two lives of a cable,
 * share one: a frame still on a removed cable cannot arrive on the next cable of its port.
 */
import type { LinkId } from '../../shared/ids.ts';
import type { Port } from './port.ts';

/** Hands out epochs never handed out before (SimContext). */
export interface EpochSource {
  nextEpoch(): number;
}

export class Link {
  /** Set by `setLinkUp` (a cable pulled without being removed). */
  up = true;
  /** Changes each time the line goes down; a frame in flight carries the epoch it left in. */
  epoch: number;
  /** Bits per second: the speed its ends negotiated, unless it was given one (`fixed`). */
  bandwidth: number;
  /** Microseconds to send one byte. */
  byteTime: number;

  constructor(
    readonly id: LinkId,
    readonly a: Port,
    readonly b: Port,
    /** One-way propagation delay in microseconds. */
    readonly delay: number,
    bandwidth: number,
    /** Whether `bandwidth` was chosen for the cable rather than negotiated by its ends. */
    readonly fixed: boolean,
    private readonly epochs: EpochSource,
  ) {
    this.bandwidth = bandwidth;
    this.byteTime = 8e6 / bandwidth;
    this.epoch = epochs.nextEpoch();
  }

  /** Its ends negotiated `bandwidth` bits per second (ignored when the cable's is fixed). */
  negotiated(bandwidth: number): void {
    if (this.fixed || bandwidth === this.bandwidth) return;
    this.bandwidth = bandwidth;
    this.byteTime = 8e6 / bandwidth;
  }

  /** The line went down: frames in flight on it are lost (both ends keep a copy of the epoch). */
  cut(): void {
    this.epoch = this.epochs.nextEpoch();
    this.a.epoch = this.epoch;
    this.b.epoch = this.epoch;
  }

  other(p: Port): Port {
    return p === this.a ? this.b : this.a;
  }
}
