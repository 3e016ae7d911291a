/**
 * IPv6 addresses as the Windows command line reads and prints them: lower case and compressed
 * (RFC 5952), a link-local address with its zone, the interface index after "%" (RFC 4007
 * 11), as in "fe80::1%11". The PC's one adapter has index 11 (what `arp -a` shows as 0xb and
 * `route print` lists); Windows prints a link-local address of its own, or of its default
 * gateway, with it always, and echoes a target as it was typed, zone or not.
 */
import { formatIpv6, type Ipv6Addr, isIpv6LinkLocal, parseIpv6 } from '../../shared/ipv6.ts';
import { NIC_INDEX } from './route-print.ts';

/** An IPv6 address typed at the prompt, with the zone given after "%", if any. */
export interface TypedIpv6 {
  readonly addr: Ipv6Addr;
  readonly zone?: number;
}

/** The address `text` names ("2001:db8::1", "fe80::1%11"), or undefined. */
export function parseWindowsIpv6(text: string): TypedIpv6 | undefined {
  const m = /^([0-9A-Fa-f:.]+)(?:%(\d{1,10}))?$/.exec(text);
  const addr = m ? parseIpv6(m[1]!) : undefined;
  if (!m || addr === undefined) return undefined;
  return m[2] === undefined ? { addr } : { addr, zone: Number(m[2]) };
}

/** `a` with the adapter's zone when it is link-local: what ipconfig shows. */
export const formatZoned = (a: Ipv6Addr): string =>
  isIpv6LinkLocal(a) ? `${formatIpv6(a)}%${NIC_INDEX}` : formatIpv6(a);

/** `a` with `zone` after it when there is one and `a` is link-local. */
export const formatWithZone = (a: Ipv6Addr, zone: number | undefined): string =>
  zone !== undefined && isIpv6LinkLocal(a) ? `${formatIpv6(a)}%${zone}` : formatIpv6(a);
