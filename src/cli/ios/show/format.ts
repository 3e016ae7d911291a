/** Small formatting helpers shared by the show commands. */
import type { DeviceConfig } from '../../../shared/config.ts';
import type { Micros } from '../../../shared/time.ts';

/** A text's size in bytes, as IOS counts a configuration's. */
export const byteLength = (s: string): number => new TextEncoder().encode(s).length;

/** IOS uptime: "1 hour, 5 minutes", "2 days, 3 hours, 0 minutes". */
export function uptime(t: Micros): string {
  let m = Math.floor(t / 60_000_000);
  const weeks = Math.floor(m / (7 * 24 * 60));
  m -= weeks * 7 * 24 * 60;
  const days = Math.floor(m / (24 * 60));
  m -= days * 24 * 60;
  const hours = Math.floor(m / 60);
  m -= hours * 60;
  const part = (n: number, unit: string) => `${n} ${unit}${n === 1 ? '' : 's'}`;
  const parts: string[] = [];
  if (weeks) parts.push(part(weeks, 'week'));
  if (days) parts.push(part(days, 'day'));
  if (hours) parts.push(part(hours, 'hour'));
  parts.push(part(m, 'minute'));
  return parts.join(', ');
}

/**
 * How long ago, as `show interfaces` prints it ("Last input", "Last clearing"): hh:mm:ss under
 * a day, then days and hours ("1d02h"), weeks and days ("10w0d"), years and weeks ("1y2w");
 * "never" when `t` is undefined.
 */
export function ago(now: Micros, t: Micros | undefined): string {
  if (t === undefined) return 'never';
  const s = Math.max(0, Math.floor((now - t) / 1_000_000));
  const two = (n: number) => String(n).padStart(2, '0');
  const hours = Math.floor(s / 3600);
  if (hours < 24) return `${two(hours)}:${two(Math.floor(s / 60) % 60)}:${two(s % 60)}`;
  const days = Math.floor(hours / 24);
  if (days < 7) return `${days}d${two(hours % 24)}h`;
  if (days < 365) return `${Math.floor(days / 7)}w${days % 7}d`;
  return `${Math.floor(days / 365)}y${Math.floor((days % 365) / 7)}w`;
}

/** Whole milliseconds, as IOS and Windows print round-trip times. */
export const millis = (t: number): number => Math.floor(t / 1000);

/** The VLAN's name as show commands print it: VLAN0010 unless named, "default" for VLAN 1. */
export function vlanName(c: DeviceConfig, id: number): string | undefined {
  if (id === 1) return 'default';
  const v = c.vlans.find((x) => x.id === id);
  if (!v) return undefined;
  return v.name ?? `VLAN${String(id).padStart(4, '0')}`;
}
