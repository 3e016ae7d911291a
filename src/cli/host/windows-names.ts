/**
 * What a PC's resolver works with: its DNS servers (typed for the adapter, else its DHCP
 * lease's) and the names it asks them for a name typed at the prompt. Windows asks a name with
 * dots as typed (a final dot only marks it fully qualified); a single label only with the
 * adapter's DNS suffix added (the DHCP lease's domain name, option 15), since Windows 10 does
 * not send single-label names to DNS.
 */
import type { Ipv4Addr } from '../../shared/ipv4.ts';
import { type Micros, seconds } from '../../shared/time.ts';
import type { HostDeviceContext } from '../context.ts';

/** The longest a lookup of the resolver takes: 10 s for the one name it tries, and a margin. */
export const WINDOWS_LOOKUP_LIMIT: Micros = seconds(11);

export function windowsDnsServers(ctx: HostDeviceContext): readonly Ipv4Addr[] {
  const typed = ctx.hostConfig().dns;
  if (typed !== undefined && typed.length > 0) return typed;
  return ctx.sim.interfaces(ctx.id)[0]?.dhcp?.lease?.dns ?? [];
}

/** The adapter's connection-specific DNS suffix: its DHCP lease's domain name. */
export function windowsDnsSuffix(ctx: HostDeviceContext): string | undefined {
  const domain =
    ctx.hostConfig().dhcp === true ? ctx.sim.interfaces(ctx.id)[0]?.dhcp?.lease?.domain : undefined;
  // A final dot (a pool's `domain-name example.com.`) only says the name is whole.
  const suffix = domain?.replace(/\.$/, '');
  return suffix === '' ? undefined : suffix;
}

export function windowsCandidates(ctx: HostDeviceContext, typed: string): string[] {
  if (typed.endsWith('.')) return [typed.slice(0, -1)];
  if (typed.includes('.')) return [typed];
  const suffix = windowsDnsSuffix(ctx);
  return suffix === undefined ? [] : [`${typed}.${suffix}`];
}
