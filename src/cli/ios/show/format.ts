/** Small formatting helpers shared by the show commands. */
import type { DeviceConfig } from '../../../shared/config.ts';
import type { Micros } from '../../../shared/time.ts';

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

/** Whole milliseconds, as IOS and Windows print round-trip times. */
export const millis = (t: number): number => Math.floor(t / 1000);

/** The VLAN's name as show commands print it: VLAN0010 unless named, "default" for VLAN 1. */
export function vlanName(c: DeviceConfig, id: number): string | undefined {
  if (id === 1) return 'default';
  const v = c.vlans.find((x) => x.id === id);
  if (!v) return undefined;
  return v.name ?? `VLAN${String(id).padStart(4, '0')}`;
}
