/**
 * A restartable one-shot timer, for timeouts that are set and cleared again and again and
 * rarely fire (a probe's timeout, armed for every echo and cleared by its reply).
 *
 * Clearing a timer with `disarm` leaves its pending event in the scheduler, and setting it
 * again to a later time keeps that event: when it comes due, it finds the timer disarmed and
 * does nothing, or armed for later and moves itself there. So a ping that gets its replies
 * costs one scheduler operation per timeout period instead of an insertion and a removal per
 * echo. The event that finally fires carries the sequence number taken when the timer was
 * last set, so it runs exactly where an event scheduled by that `set` would have run.
 * `cancel` removes the pending event: a stopped application leaves nothing behind.
 */
import type { EventTarget, Scheduler } from './scheduler.ts';

export class Timer implements EventTarget {
  // Declared first, next to the object's header: a constructor parameter declared as a
  // property would land after all the fields below.
  private readonly sched: Scheduler;
  private readonly target: EventTarget;
  private readonly code: number;
  /** The pending scheduler event, or -1, with its sequence number and time. */
  private handle = -1;
  private handleSeq = -1;
  // Times start as non-integers so the fields hold doubles from the first: a field that
  // starts as a small integer changes representation, and every timer its shape, on the
  // first fractional time.
  private handleAt = Number.NEGATIVE_INFINITY;
  private armed = false;
  /** When the timer is due, and the sequence number it fires with. */
  private due = Number.NEGATIVE_INFINITY;
  private seq = -1;
  private a: unknown = null;
  private token = 0;

  constructor(sched: Scheduler, target: EventTarget, code: number) {
    this.sched = sched;
    this.target = target;
    this.code = code;
  }

  /** (Re)arms the timer: `target.onEvent(code, a, token, 0)` at `at` (now if earlier). */
  set(at: number, a: unknown, token: number): void {
    const sched = this.sched;
    this.armed = true;
    this.due = Math.max(at, sched.now);
    this.seq = sched.reserveSeq();
    this.a = a;
    this.token = token;
    if (this.handle >= 0) {
      // An earlier pending event moves itself to the new time when it comes due.
      if (this.handleAt <= this.due) return;
      sched.cancel(this.handle, this.handleSeq);
    }
    this.schedule();
  }

  /** Clears the timer, expecting it to be set again soon: the pending event stays (see above). */
  disarm(): void {
    this.armed = false;
    this.a = null;
  }

  /** Clears the timer and removes its pending event. */
  cancel(): void {
    this.disarm();
    if (this.handle >= 0) {
      this.sched.cancel(this.handle, this.handleSeq);
      this.handle = -1;
    }
  }

  onEvent(): void {
    const fired = this.handleSeq;
    this.handle = -1;
    if (!this.armed) return;
    if (fired !== this.seq) {
      this.schedule();
      return;
    }
    const a = this.a;
    this.disarm();
    this.target.onEvent(this.code, a, this.token, 0);
  }

  private schedule(): void {
    this.handle = this.sched.atSeq(this.due, this.seq, this, 0, null, 0, 0);
    this.handleSeq = this.seq;
    this.handleAt = this.due;
  }
}
