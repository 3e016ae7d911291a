/**
 * When a protocol ran on each port of a device, as its configuration turned it on and off: the
 * discovery protocols (CDP, LLDP) work out what a neighbour heard from these periods and the
 * cable, rather than from frames (cdp.ts, lldp.ts).
 */
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
