/**
 * `login block-for S attempts N within W` at work (Cisco IOS Login Enhancements): the failed
 * logins on vty lines (Telnet and SSH; the console is never watched or blocked) are counted
 * in watch windows of W seconds from when the setting was made; the Nth failure in a window
 * puts the device in Quiet-Mode for S seconds, in which it refuses every Telnet and SSH
 * connection, then back in Normal-Mode. Both changes are announced as IOS words them
 * (%SEC_LOGIN-1-QUIET_MODE_ON, %SEC_LOGIN-5-QUIET_MODE_OFF).
 */
import type { LoginBlock } from '../../shared/config.ts';
import { type Micros, micros, seconds } from '../../shared/time.ts';

/** Where a failed login came from (the message names them). */
export interface FailedLogin {
  readonly user: string;
  readonly source: string;
  readonly port: number;
}

export class LoginWatch {
  /** Failures in the current watch window. */
  private inWindow = 0;
  /** The start of the window those were counted in. */
  private windowStart = 0;
  /** Failures since the device booted (`show login`'s total). */
  total = 0;
  /** When Quiet-Mode ends; undefined in Normal-Mode. */
  private quietUntil: Micros | undefined;

  constructor(
    /** When the watch windows started (the setting made, or the boot). */
    private readonly since: () => Micros,
    /** Says a message on the device's console, with the time it happened. */
    private readonly announce: (at: Micros, text: string) => void,
    /** The time as the messages print it ("10:21:34 UTC Mon Mar 1 1993"). */
    private readonly stamp: (at: Micros) => string,
  ) {}

  /** Failures counted in the watch window `now` is in. */
  failuresInWindow(block: LoginBlock, now: Micros): number {
    return this.windowOf(block, now) === this.windowStart ? this.inWindow : 0;
  }

  /** A vty login failed at `now`: counted, and the Nth in the window starts Quiet-Mode. */
  failed(block: LoginBlock | undefined, now: Micros, login: FailedLogin): void {
    this.total++;
    if (block === undefined || this.quiet(now)) return;
    const window = this.windowOf(block, now);
    if (window !== this.windowStart) {
      this.windowStart = window;
      this.inWindow = 0;
    }
    this.inWindow++;
    if (this.inWindow < block.attempts) return;
    this.quietUntil = micros(now + seconds(block.seconds));
    this.inWindow = 0;
    const left = Math.ceil((window + seconds(block.within) - now) / 1_000_000);
    this.announce(
      now,
      `%SEC_LOGIN-1-QUIET_MODE_ON: Still timeleft for watching failures is ${left} secs, [user: ${login.user}] [Source: ${login.source}] [localport: ${login.port}] [Reason: Login Authentication Failed] [ACL: sl_def_acl] at ${this.stamp(now)}`,
    );
  }

  /** Whether the device refuses Telnet and SSH at `now`; the end of Quiet-Mode is announced once. */
  quiet(now: Micros): boolean {
    const until = this.quietUntil;
    if (until === undefined) return false;
    if (now < until) return true;
    this.quietUntil = undefined;
    this.announce(
      until,
      `%SEC_LOGIN-5-QUIET_MODE_OFF: Quiet Mode is OFF, because block period timed out at ${this.stamp(until)}`,
    );
    return false;
  }

  /** Seconds of Quiet-Mode left (rounded up); 0 in Normal-Mode. */
  quietLeft(now: Micros): number {
    return this.quiet(now) ? Math.ceil((this.quietUntil! - now) / 1_000_000) : 0;
  }

  /** `login block-for` was set again or removed: a new watch, nothing counted or blocked. */
  reset(): void {
    this.inWindow = 0;
    this.quietUntil = undefined;
  }

  private windowOf(block: LoginBlock, now: Micros): number {
    const since = this.since();
    const width = seconds(block.within);
    return since + Math.floor((now - since) / width) * width;
  }
}
