/** A restartable one-shot timer that cancels its pending event instead of leaving it to expire. */
import type { EventTarget, Scheduler } from './scheduler.ts';

export class Timer {
  private handle = -1;
  private seq = -1;

  constructor(
    private readonly sched: Scheduler,
    private readonly target: EventTarget,
    private readonly code: number,
  ) {}

  /** (Re)arms the timer: `target.onEvent(code, a, token, 0)` at `at`. */
  set(at: number, a: unknown, token: number): void {
    this.cancel();
    this.handle = this.sched.at(at, this.target, this.code, a, token, 0);
    this.seq = this.sched.seqOf(this.handle);
  }

  cancel(): void {
    if (this.handle >= 0) {
      this.sched.cancel(this.handle, this.seq);
      this.handle = -1;
    }
  }
}
