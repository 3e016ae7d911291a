/**
 * errdisable recovery on a Catalyst (Catalyst 2960 command reference, `errdisable recovery`):
 * a port error-disabled for a cause whose recovery is on comes back by itself, `interval`
 * after it was disabled (300 s unless `errdisable recovery interval` says otherwise), and is
 * free to be disabled again. Without it, only `shutdown` then `no shutdown` brings it back.
 *
 * Each port has its own timer from the moment it went down, or from the moment recovery for
 * its cause was turned on when it was already down. Turning the cause off stops the timers; a
 * new interval applies to ports disabled from then on. (IOS starts a timer up to 15 % off the
 * interval; here it is exact, so a lab behaves the same every time.)
 */
import type { Micros } from '../../shared/time.ts';
import type { ErrRecovery } from '../api.ts';
import type { EventTarget, Scheduler } from '../sim/scheduler.ts';
import { SeqLog, type SeqRead } from './seq-log.ts';

const LOG_CAPACITY = 64;

interface Due {
  readonly at: number;
  readonly token: number;
}

export class ErrdisableRecovery<P extends { readonly name: string }> implements EventTarget {
  private readonly due = new Map<P, Due>();
  private token = 0;
  private readonly log = new SeqLog<ErrRecovery>(LOG_CAPACITY);

  constructor(
    private readonly sched: Scheduler,
    /** Brings the port back up (clears its error-disabled state); returns the cause it had. */
    private readonly recover: (port: P) => string,
  ) {}

  /** `port`, down for a cause that recovers, comes back `interval` µs from now unless already due. */
  arm(port: P, interval: number): void {
    if (this.due.has(port)) return;
    const token = ++this.token;
    this.due.set(port, { at: this.sched.now + interval, token });
    this.sched.at(this.sched.now + interval, this, 0, port, token, 0);
  }

  /** `port` is not to come back by itself (it is up again, or its cause no longer recovers). */
  disarm(port: P): void {
    this.due.delete(port);
  }

  /** When `port` comes back, if it is to. */
  dueAt(port: P): Micros | undefined {
    return this.due.get(port)?.at as Micros | undefined;
  }

  read(since: number): SeqRead<ErrRecovery> {
    return this.log.read(since);
  }

  onEvent(_code: number, a: unknown, token: number): void {
    const port = a as P;
    if (this.due.get(port)?.token !== token) return;
    this.due.delete(port);
    this.log.push({
      seq: this.log.nextSeq,
      at: this.sched.now as Micros,
      port: port.name,
      cause: this.recover(port),
    });
  }
}
