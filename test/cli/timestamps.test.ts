/** Message timestamps as `service timestamps` sets them: uptime past a day and a week, dates. */
import { describe, expect, it } from 'vitest';
import { VirtualClock } from '../../src/cli/ios/clock.ts';
import { stampOf } from '../../src/cli/ios/timestamps-commands.ts';
import { TimeOfDay } from '../../src/engine/device/time-of-day.ts';
import type { Micros } from '../../src/shared/time.ts';
import { seconds } from '../../src/shared/time.ts';

const at = (s: number) => (seconds(s) + 123_000) as Micros;
const clock = new VirtualClock(() => 0 as Micros, new TimeOfDay(() => 0 as Micros, 0 as Micros));
const uptime = (s: number) => stampOf({ style: 'uptime' }, clock, at(s), 0 as Micros);

describe('service timestamps', () => {
  it('stamps uptime as hh:mm:ss within a day, then days and hours, then weeks and days', () => {
    expect(uptime(0)).toBe('00:00:00: ');
    expect(uptime(3 * 3600 + 25 * 60 + 7)).toBe('03:25:07: ');
    expect(uptime(86_399)).toBe('23:59:59: ');
    expect(uptime(86_400 + 2 * 3600 + 59)).toBe('1d02h: ');
    expect(uptime(6 * 86_400 + 23 * 3600)).toBe('6d23h: ');
    expect(uptime(9 * 86_400)).toBe('1w2d: ');
  });

  it('counts uptime from the boot, not from the simulation start', () => {
    expect(stampOf({ style: 'uptime' }, clock, at(100), seconds(40))).toBe('00:01:00: ');
  });

  it('stamps dates with the options asked for, and nothing when off', () => {
    const t = at(3 * 3600 + 4);
    expect(stampOf({ style: 'datetime' }, clock, t, 0 as Micros)).toBe('*Mar  1 03:00:04: ');
    expect(stampOf({ style: 'datetime', msec: true }, clock, t, 0 as Micros)).toBe('*Mar  1 03:00:04.123: ');
    expect(
      stampOf({ style: 'datetime', msec: true, year: true, showTimezone: true }, clock, t, 0 as Micros),
    ).toBe('*Mar  1 1993 03:00:04.123 UTC: ');
    expect(stampOf({ style: 'off' }, clock, t, 0 as Micros)).toBe('');
  });
});

describe('clock set', () => {
  it("stamps its own message with the time's former mark, and reads authoritative at once", () => {
    let now = seconds(10) as Micros;
    const time = new TimeOfDay(() => now, 0 as Micros);
    const c = new VirtualClock(() => now, time);
    const stamp = (t: Micros) => stampOf({ style: 'datetime', msec: true }, c, t, 0 as Micros);
    time.set(Date.UTC(2024, 0, 1, 10, 0, 0), 'user');
    // %SYS-6-CLOCKUPDATE, stamped at the moment of the set, keeps the "*"; show clock has none.
    expect(stamp(now)).toBe('*Jan  1 10:00:00.000: ');
    expect(c.showClock()).toBe('10:00:00.000 UTC Mon Jan 1 2024');
    now = seconds(11) as Micros;
    expect(stamp(now)).toBe('Jan  1 10:00:01.000: ');
    // A second set: its message is stamped as authoritative, the time having been so.
    time.set(Date.UTC(2024, 0, 2, 8, 0, 0), 'user');
    expect(stamp(now)).toBe('Jan  2 08:00:00.000: ');
  });
});
