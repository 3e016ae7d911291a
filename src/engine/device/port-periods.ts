/**
 * When a protocol ran on each port of a device, as its configuration turned it on and off: the
 * discovery protocols (CDP, LLDP) work out what a neighbour heard from these periods and the
 * cable, rather than from frames (cdp.ts, lldp.ts).
 */
import { seconds } from '../../shared/time.ts';
import type { Port } from './port.ts';

/** When a port last started running the protocol, and when it stopped (+Infinity while it runs). */
export interface Period {
  readonly start: number;
  end: number;
}

export class PortPeriods {
  private readonly periods: (Period | undefined)[] = [];

  /** Notes which of `ports` run the protocol (`runs`), as of `now`. */
  update(ports: readonly Port[], now: number, runs: (port: Port) => boolean): void {
    ports.forEach((port, i) => {
      const on = runs(port);
      const p = this.periods[i];
      const running = p !== undefined && p.end === Number.POSITIVE_INFINITY;
      if (on && !running) this.periods[i] = { start: now, end: Number.POSITIVE_INFINITY };
      else if (!on && running) p.end = now;
    });
  }

  /** The port's last period, undefined if it never ran the protocol. */
  period(index: number): Readonly<Period> | undefined {
    return this.periods[index];
  }
}

/**
 * Seconds left of the hold time of the last advertisement a port heard from its neighbour at
 * `now`, or 0 when it holds none. The neighbour advertised at `first` (its line coming up,
 * either end booting, or it starting the protocol, whichever was last), then at each tick of
 * its timer (`every`, counted from `phase`) while it ran (`sending`); the port kept what came
 * from `listeningFrom` on.
 */
export function heldFor(
  a: {
    readonly first: number;
    readonly sending: Readonly<Period>;
    readonly phase: number;
    readonly every: number;
    readonly listeningFrom: number;
    readonly holdtime: number;
  },
  now: number,
): number {
  // Nothing goes out once the protocol stopped, even at that instant: a device added or
  // reloaded with a configuration that turns it off never advertises.
  if (a.first >= a.sending.end) return 0;
  const last = Math.min(now, a.sending.end);
  const tick = a.phase + Math.floor((last - a.phase) / a.every) * a.every;
  const heard = Math.max(tick, a.first);
  if (heard < a.listeningFrom) return 0;
  return Math.max(0, a.holdtime - Math.floor((now - heard) / seconds(1)));
}
