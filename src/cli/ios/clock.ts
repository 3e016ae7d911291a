/**
 * A device's time-of-day clock as IOS prints it. The engine keeps the clock
 * (engine/device/time-of-day.ts): a device without NTP or a calendar boots at 00:00:00 UTC
 * Mon Mar 1 1993, and IOS marks the time "not authoritative" with a leading `*` until
 * `clock set` or NTP sets it; the same clock stamps log messages (`service timestamps log
 * datetime`) and the running-config header.
 */

import type { DeviceTime } from '../../engine/api.ts';
import type { Micros } from '../../shared/time.ts';

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'] as const;
export const MONTHS = [
  'Jan',
  'Feb',
  'Mar',
  'Apr',
  'May',
  'Jun',
  'Jul',
  'Aug',
  'Sep',
  'Oct',
  'Nov',
  'Dec',
] as const;

const two = (n: number) => String(n).padStart(2, '0');

interface Parts {
  readonly year: number;
  readonly month: string;
  readonly day: number;
  readonly weekday: string;
  readonly hms: string;
  readonly millis: string;
}

function parts(ms: number): Parts {
  const d = new Date(ms);
  return {
    year: d.getUTCFullYear(),
    month: MONTHS[d.getUTCMonth()]!,
    day: d.getUTCDate(),
    weekday: DAYS[d.getUTCDay()]!,
    hms: `${two(d.getUTCHours())}:${two(d.getUTCMinutes())}:${two(d.getUTCSeconds())}`,
    millis: String(d.getUTCMilliseconds()).padStart(3, '0'),
  };
}

/** A time as `show clock` prints it, without its mark: "00:12:45.123 UTC Mon Mar 1 1993". */
export function clockText(ms: number): string {
  const p = parts(ms);
  return `${p.hms}.${p.millis} UTC ${p.weekday} ${p.month} ${p.day} ${p.year}`;
}

/** A file's date in a `dir` listing, "Mar 1 1993 00:06:33", from ms since 1970 (UTC). */
export function fileStamp(ms: number): string {
  const p = parts(ms);
  return `${p.month} ${p.day} ${p.year} ${p.hms}`;
}

/** A file's date in a 1941's `show flash:` listing, "Jul 02 2015 22:03:42" (the day in two digits). */
export function flashStamp(ms: number): string {
  const p = parts(ms);
  return `${p.month} ${String(p.day).padStart(2, '0')} ${p.year} ${p.hms}`;
}

export class VirtualClock {
  constructor(
    private readonly now: () => Micros,
    /** The device's clock in the engine, which `clock set` and NTP set. */
    private readonly time: DeviceTime,
  ) {}

  /** Milliseconds since 1970 (UTC) at virtual time `t`. */
  wallMs(t: Micros = this.now()): number {
    return this.time.wallMs(t);
  }

  /**
   * A message's stamp at `t`: its "*" as the time was then. The %SYS-6-CLOCKUPDATE that
   * `clock set` logs is stamped at that very moment and keeps the mark the time had before,
   * as IOS 15 consoles show (a router's and a switch's "*" after a first `clock set`).
   */
  private mark(t: Micros): string {
    return t > this.time.setAt || t > this.time.setBefore ? '' : '*';
  }

  /**
   * The clock read now: "*" not authoritative (never set), "." authoritative but NTP, having
   * set it, is no longer synchronized (Cisco's `show clock` reference), none otherwise. A
   * clock the user set stays unmarked while NTP has yet to synchronize (IOS 15 captures).
   */
  private markNow(): string {
    if (this.now() < this.time.setAt) return '*';
    return this.time.source === 'ntp' && this.time.ntpSynced === false ? '.' : '';
  }

  /**
   * `show clock detail`'s second line. Until `clock set`, an ISR's clock came from its
   * battery-backed calendar, while a 2960 has none (its configuration guide); after it, the
   * time is the user's (an IOS capture before and after `clock set`).
   */
  timeSource(calendar: boolean): string {
    // NTP running names itself the source even before it has set the clock (IOS 15 captures).
    if (this.time.source === 'ntp' || this.time.ntpSynced !== undefined) return 'Time source is NTP';
    if (this.time.source === 'user') return 'Time source is user configuration';
    return calendar ? 'Time source is hardware calendar' : 'No time source';
  }

  /** show clock: "*00:12:45.123 UTC Mon Mar 1 1993". */
  showClock(): string {
    return `${this.markNow()}${clockText(this.wallMs())}`;
  }

  /**
   * A message's date and time as `service timestamps ... datetime` prints it, the colon after
   * it left to the caller: "*Mar  1 00:12:45.123", with the year "*Mar  1 1993 00:12:45", with
   * the time zone "*Mar  1 00:12:45.123 UTC".
   */
  dateStamp(t: Micros, msec: boolean, year: boolean, zone: boolean): string {
    const p = parts(this.wallMs(t));
    const y = year ? ` ${p.year}` : '';
    return `${this.mark(t)}${p.month} ${String(p.day).padStart(2)}${y} ${p.hms}${msec ? `.${p.millis}` : ''}${zone ? ' UTC' : ''}`;
  }

  /** A DHCP lease's end or a conflict's time: "Mar 02 1993 12:34 AM" (show ip dhcp binding). */
  leaseStamp(t: Micros): string {
    const d = new Date(this.wallMs(t));
    const h = d.getUTCHours();
    const hour = two(h % 12 === 0 ? 12 : h % 12);
    return `${MONTHS[d.getUTCMonth()]} ${two(d.getUTCDate())} ${d.getUTCFullYear()} ${hour}:${two(d.getUTCMinutes())} ${h < 12 ? 'AM' : 'PM'}`;
  }

  /** Running-config header dates: "00:12:45 UTC Mon Mar 1 1993". */
  configStamp(t: Micros): string {
    const p = parts(this.wallMs(t));
    return `${p.hms} UTC ${p.weekday} ${p.month} ${p.day} ${p.year}`;
  }
}
