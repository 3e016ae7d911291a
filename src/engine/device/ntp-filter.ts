/**
 * NTP's clock filter and root distance (RFC 5905 10 and A.5.2, A.5.5.2), which decide when a
 * server's samples are good enough to set the clock by. An association keeps its last eight
 * samples; stages not yet filled count with the largest dispersion, 16 s, and every stage's
 * dispersion grows at 15 ppm as it ages. The peer dispersion weighs the stages, sorted by
 * delay, by 1/2, 1/4, ... 1/256: 15.9375 s before any sample, 7.9375 s after the first,
 * 3.9375 s, 1.9375 s, 0.9375 s after the fourth. A server becomes selectable when its root
 * distance falls under 1.5 s (ntpd's `maxdist`), so with its fourth sample: within a burst's
 * first seconds for a client (ntp.ts), after four polls of 16 s for the local clock.
 */
import { seconds } from '../../shared/time.ts';

/** Frequency tolerance: how fast an estimate's dispersion grows, in s/s. */
export const PHI = 15e-6;
/** The dispersion of a stage without a sample, and the largest there is (s). */
export const MAXDISP = 16;
/** The smallest root delay that counts in a distance (s). */
export const MINDISP = 0.005;
/** The largest root distance a selectable server may have (s). */
export const MAXDIST = 1.5;
const NSTAGE = 8;
const US_PER_S = seconds(1);

export class ClockFilter {
  private readonly offsets = new Float64Array(NSTAGE);
  private readonly delays = new Float64Array(NSTAGE).fill(MAXDISP);
  private readonly disps = new Float64Array(NSTAGE).fill(MAXDISP);
  /** The estimate from the stage with the least delay (s), and when it was made (virtual us). */
  offset = 0;
  delay = MAXDISP;
  dispersion = MAXDISP * (1 - 2 ** -NSTAGE);
  jitter = 0;
  at = 0;
  /** How many of the stages hold a sample. */
  filled = 0;

  /** A new sample at virtual time `now`: its offset, delay and dispersion in seconds. */
  add(offset: number, delay: number, disp: number, now: number, precision: number): void {
    const aged = (PHI * (now - this.at)) / US_PER_S;
    for (let i = NSTAGE - 1; i > 0; i--) {
      this.offsets[i] = this.offsets[i - 1]!;
      this.delays[i] = this.delays[i - 1]!;
      this.disps[i] = Math.min(MAXDISP, this.disps[i - 1]! + aged);
    }
    this.offsets[0] = offset;
    this.delays[0] = delay;
    this.disps[0] = disp;
    this.filled = this.delays.filter((d) => d < MAXDISP).length;
    const order = [...this.delays.keys()].sort((a, b) => this.delays[a]! - this.delays[b]! || a - b);
    let dispersion = 0;
    for (let i = NSTAGE - 1; i >= 0; i--) dispersion = 0.5 * (dispersion + this.disps[order[i]!]!);
    const best = order[0]!;
    let sum = 0;
    for (let i = 1; i < this.filled; i++) sum += (this.offsets[order[i]!]! - this.offsets[best]!) ** 2;
    this.offset = this.offsets[best]!;
    this.delay = this.delays[best]!;
    this.dispersion = dispersion;
    this.jitter = Math.max(Math.sqrt(this.filled > 1 ? sum / (this.filled - 1) : 0), precision);
    this.at = now;
  }

  /** A poll went unanswered three times running: a stage of no value takes its place. */
  addMissing(now: number, precision: number): void {
    this.add(0, MAXDISP, MAXDISP, now, precision);
  }

  /** The server became unreachable: what it said no longer counts. */
  clear(): void {
    this.offsets.fill(0);
    this.delays.fill(MAXDISP);
    this.disps.fill(MAXDISP);
    this.offset = 0;
    this.delay = MAXDISP;
    this.dispersion = MAXDISP * (1 - 2 ** -NSTAGE);
    this.jitter = 0;
    this.filled = 0;
  }

  /** The clock was stepped by `step` seconds: the samples taken before it are that much off. */
  shift(step: number): void {
    for (let i = 0; i < NSTAGE; i++) if (this.disps[i]! < MAXDISP) this.offsets[i]! -= step;
    this.offset -= step;
  }

  /** The peer dispersion at virtual time `now` (s). */
  dispersionAt(now: number): number {
    if (this.filled === 0) return this.dispersion;
    return Math.min(MAXDISP, this.dispersion + (PHI * (now - this.at)) / US_PER_S);
  }
}

/**
 * A server's root distance at `now` (RFC 5905 A.5.5.2): half its root delay and ours to it, its
 * root dispersion and ours to it, and the jitter.
 */
export function rootDistance(f: ClockFilter, rootDelay: number, rootDisp: number, now: number): number {
  return Math.max(MINDISP, rootDelay + f.delay) / 2 + rootDisp + f.dispersionAt(now) + f.jitter;
}
