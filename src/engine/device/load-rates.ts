/**
 * The input and output rates `show interfaces` prints ("5 minute input rate 2000 bits/sec,
 * 3 packets/sec"), from which IOS also derives txload and rxload. Reference: Cisco TechNote
 * 12816, "What Is the Definition of Bits/sec in the Output of the show interfaces Command?":
 * every 5 seconds the bits (whole frames) and packets of those 5 seconds, as per-second rates,
 * are folded into a moving average decayed with a time constant of 5 minutes,
 * `average = (average - sample) * exp(-5/300) + sample`.
 *
 * The simulation takes the samples (simulation.ts, `sampleLoad`), only for the 5-second
 * intervals in which something ran or a storm was on: in an idle interval every sample is
 * zero, so each interface catches up on those in one step, the next time it is sampled or
 * read. Nothing here runs per frame.
 */
import type { InterfaceRates } from '../api.ts';

/** Microseconds between samples. */
export const SAMPLE_INTERVAL = 5_000_000;
/** What one sample's worth of time leaves of the average: exp(-5 s / 5 min). */
const DECAY = Math.exp(-5 / 300);

export const NO_RATES: InterfaceRates = { inBits: 0, inPackets: 0, outBits: 0, outPackets: 0 };

/** The simulation's sample count: samples 1..`tick` are taken (at tick * 5 s). */
export class LoadClock {
  tick = 0;
  /** Something ran, or was sent, since the last sample. */
  active = false;
}

/** One interface's averages, as of its last sample, and its totals then. */
export class LoadRates {
  private readonly clock: LoadClock;
  private tick: number;
  private inBits = 0;
  private inPackets = 0;
  private outBits = 0;
  private outPackets = 0;
  private rxFrames: number;
  private rxBytes: number;
  private txFrames: number;
  private txBytes: number;

  /** Averages of zero as of the clock's last sample, counting from these totals. */
  constructor(clock: LoadClock, rxFrames = 0, rxBytes = 0, txFrames = 0, txBytes = 0) {
    this.clock = clock;
    this.tick = clock.tick;
    this.rxFrames = rxFrames;
    this.rxBytes = rxBytes;
    this.txFrames = txFrames;
    this.txBytes = txBytes;
  }

  /**
   * Takes the clock's current sample, given the interface's totals now: what they grew by
   * since this interface's last sample fell in the last 5 seconds, every sample between having
   * been idle. (Numbers rather than an object: a sample of a large network allocates nothing.)
   */
  sample(rxFrames: number, rxBytes: number, txFrames: number, txBytes: number): void {
    const tick = this.clock.tick;
    // Samples between this interface's last and this one were idle (none if it was just made).
    const idle = DECAY ** Math.max(0, tick - 1 - this.tick);
    const secs = SAMPLE_INTERVAL / 1e6;
    this.inBits = fold(this.inBits * idle, ((rxBytes - this.rxBytes) * 8) / secs);
    this.inPackets = fold(this.inPackets * idle, (rxFrames - this.rxFrames) / secs);
    this.outBits = fold(this.outBits * idle, ((txBytes - this.txBytes) * 8) / secs);
    this.outPackets = fold(this.outPackets * idle, (txFrames - this.txFrames) / secs);
    this.rxFrames = rxFrames;
    this.rxBytes = rxBytes;
    this.txFrames = txFrames;
    this.txBytes = txBytes;
    this.tick = tick;
  }

  /** The averages as of the clock's last sample (every sample since this one's was idle). */
  now(): InterfaceRates {
    const k = DECAY ** (this.clock.tick - this.tick);
    return {
      inBits: this.inBits * k,
      inPackets: this.inPackets * k,
      outBits: this.outBits * k,
      outPackets: this.outPackets * k,
    };
  }
}

const fold = (average: number, sample: number): number => (average - sample) * DECAY + sample;
