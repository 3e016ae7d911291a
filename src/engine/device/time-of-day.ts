/**
 * A device's time-of-day clock, driven by virtual time. A device without NTP or a calendar
 * boots at 00:00:00 UTC Mon Mar 1 1993, as IOS does, and its time counts as "not
 * authoritative" until someone sets it: `clock set` at the console, or NTP once it has
 * synchronized. The consoles format it (cli/ios/clock.ts); NTP reads and steps it.
 */
import type { Micros } from '../../shared/time.ts';
import type { DeviceTime, TimeSource } from '../api.ts';

/** 00:00:00 UTC Mon Mar 1 1993, in ms since 1970 (no Date in the engine: its time is virtual). */
const IOS_EPOCH_MS = 730_944_000_000;
const NEVER = Number.POSITIVE_INFINITY as Micros;

export class TimeOfDay implements DeviceTime {
  /** Wall-clock milliseconds (UTC) at virtual time 0. */
  private originMs: number;
  setAt: Micros = NEVER;
  setBefore: Micros = NEVER;
  source: TimeSource | undefined;
  ntpSynced: boolean | undefined;

  /** A device powered on at virtual time `bootedAt` reads Mar 1 1993 00:00:00 then. */
  constructor(
    private readonly now: () => Micros,
    bootedAt: Micros,
  ) {
    this.originMs = IOS_EPOCH_MS - Math.floor(bootedAt / 1000);
  }

  wallMs(t: Micros = this.now()): number {
    return this.originMs + Math.floor(t / 1000);
  }

  /** Milliseconds since 1970 at virtual time `t`, with the microseconds as a fraction (NTP's timestamps). */
  preciseMs(t: Micros = this.now()): number {
    return this.originMs + t / 1000;
  }

  /** NTP's correction of a few milliseconds (whole ones): the time moves without counting as set again. */
  slew(ms: number): void {
    this.originMs += Math.round(ms);
  }

  /** From now on the clock reads `ms` (since 1970, UTC; whole milliseconds), set by `source`. */
  set(ms: number, source: TimeSource): void {
    const now = this.now();
    this.originMs = Math.round(ms) - Math.floor(now / 1000);
    this.setBefore = this.setAt;
    this.setAt = now;
    this.source = source;
  }

  /**
   * A device without a calendar (a Catalyst switch) starts again from Mar 1 1993 when its
   * processor restarts, at virtual time `at`.
   */
  restart(at: Micros): void {
    this.originMs = IOS_EPOCH_MS - Math.floor(at / 1000);
    this.setAt = NEVER;
    this.setBefore = NEVER;
    this.source = undefined;
  }
}
