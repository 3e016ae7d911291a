/**
 * A Catalyst port whose speed or duplex setting changes while its link is up restarts
 * auto-negotiation, which takes the link down for a few seconds, even when the outcome is the
 * mode it already ran at (Cisco's Catalyst 3550 guide: "Changing the interface speed and
 * duplex mode configuration might shut down and re-enable the interface during the
 * reconfiguration"; a capture of `speed 100` on a port already at 100 Mb/s: the line protocol
 * down at 05:08:41, up again at 05:08:46). Both ends see the link go and come back, and log it.
 *
 * The link comes back RENEGOTIATION_TIME after the change, so the line protocol, reported a
 * second after the link, is back five seconds after it went. A setting entered again unchanged
 * restarts nothing.
 */
import { seconds } from '../../shared/time.ts';
import type { EventTarget, Scheduler } from '../sim/scheduler.ts';
import { Timer } from '../sim/timer.ts';

export const RENEGOTIATION_TIME = seconds(4);

/** A port that renegotiates: its line is held down while `renegotiating`. */
export interface Renegotiating {
  renegotiating: boolean;
}

export class Renegotiations<P extends Renegotiating> implements EventTarget {
  private readonly due = new Map<P, number>();
  private readonly timer: Timer;

  constructor(
    private readonly sched: Scheduler,
    /** Ports stopped renegotiating: their lines are to be worked out again. */
    private readonly done: () => void,
  ) {
    this.timer = new Timer(sched, this, 0);
  }

  /** `port`'s settings changed while its link was up: its link goes down until renegotiated. */
  start(port: P): void {
    port.renegotiating = true;
    this.due.set(port, this.sched.now + RENEGOTIATION_TIME);
    this.arm();
  }

  /** The device is gone: nothing comes back. */
  cancel(): void {
    this.due.clear();
    this.timer.cancel();
  }

  onEvent(): void {
    const now = this.sched.now;
    let any = false;
    for (const [port, at] of this.due) {
      if (at > now) continue;
      this.due.delete(port);
      port.renegotiating = false;
      any = true;
    }
    this.arm();
    if (any) this.done();
  }

  private arm(): void {
    let next = Number.POSITIVE_INFINITY;
    for (const at of this.due.values()) next = Math.min(next, at);
    if (next < Number.POSITIVE_INFINITY) this.timer.set(next, null, 0);
  }
}
