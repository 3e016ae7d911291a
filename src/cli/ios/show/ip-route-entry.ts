/**
 * show ip route A.B.C.D, IOS 15 layout. The address is looked up as the router forwards
 * (longest match) except that the default route answers only for 0.0.0.0 itself, so an
 * address only the default route covers is "% Network not in table". The answer is the
 * route's source, distance and metric, then one "Routing Descriptor Block" per next hop,
 * the one used next marked "*". A classful network address whose network is subnetted
 * shows that network instead: how many subnets, how many directly connected, the masks,
 * and its routes as `show ip route` lists them.
 */
import type { RouteEntry } from '../../../engine/api.ts';
import type { DeviceConfig } from '../../../shared/config.ts';
import { formatIpv4, type Ipv4Addr, inPrefix, networkOf } from '../../../shared/ipv4.ts';
import type { IosDeviceContext } from '../../context.ts';
import { classfulLen, defaultGatewayLines, entryLines } from './ip-route.ts';

const samePrefix = (a: RouteEntry, b: RouteEntry): boolean =>
  a.prefix.addr === b.prefix.addr && a.prefix.len === b.prefix.len;

/** The routes of one prefix, in table order. */
function byPrefix(routes: readonly RouteEntry[]): RouteEntry[][] {
  const sorted = [...routes].sort((a, b) => a.prefix.addr - b.prefix.addr || a.prefix.len - b.prefix.len);
  const out: RouteEntry[][] = [];
  for (const r of sorted) {
    const last = out[out.length - 1];
    if (last && samePrefix(last[0]!, r)) last.push(r);
    else out.push([r]);
  }
  return out;
}

function knownVia(r: RouteEntry): string {
  if (r.code === 'C') return 'Known via "connected", distance 0, metric 0 (connected, via interface)';
  if (r.code === 'L') return 'Known via "connected", distance 0, metric 0 (connected)';
  const attached = r.nextHop === undefined ? ' (connected)' : '';
  const candidate = r.prefix.len === 0 ? ', candidate default path' : '';
  return `Known via "static", distance ${r.distance}, metric ${r.metric}${attached}${candidate}`;
}

function descriptorBlock(r: RouteEntry, first: boolean): string[] {
  const via = r.interface === undefined ? '' : `, via ${r.interface}`;
  const hop = r.nextHop === undefined ? `directly connected${via}` : `${formatIpv4(r.nextHop)}${via}`;
  return [`${first ? '  * ' : '    '}${hop}`, `      Route metric is ${r.metric}, traffic share count is 1`];
}

function routeEntry(routes: readonly RouteEntry[]): string[] {
  const r = routes[0]!;
  const supernet = r.prefix.len < classfulLen(r.prefix.addr) ? ', supernet' : '';
  return [
    `Routing entry for ${formatIpv4(r.prefix.addr)}/${r.prefix.len}${supernet}`,
    `  ${knownVia(r)}`,
    '  Routing Descriptor Blocks:',
    ...routes.flatMap((x, k) => descriptorBlock(x, k === 0)),
  ];
}

/** The summary of a subnetted classful network, or undefined when `addr` names none. */
function networkSummary(routes: readonly RouteEntry[], addr: Ipv4Addr): string[] | undefined {
  const cl = classfulLen(addr);
  if (networkOf(addr, cl) !== addr) return undefined;
  const groups = byPrefix(routes.filter((r) => r.prefix.len >= cl && networkOf(r.prefix.addr, cl) === addr));
  if (!groups.some((g) => g[0]!.prefix.len > cl)) return undefined;
  const masks = new Set(groups.map((g) => g[0]!.prefix.len));
  const len = masks.size === 1 ? [...masks][0]! : cl;
  const attached = groups.filter((g) => g[0]!.nextHop === undefined).length;
  return [
    `Routing entry for ${formatIpv4(addr)}/${len}, ${groups.length} known subnets`,
    ...(attached > 0 ? [`  Attached (${attached} connections)`] : []),
    ...(masks.size > 1 ? [`  Variably subnetted with ${masks.size} masks`] : []),
    ...groups.flatMap((g) => entryLines(g, 9, masks.size > 1)),
  ];
}

export function showIpRouteEntry(dev: IosDeviceContext, c: DeviceConfig, addr: Ipv4Addr): string[] {
  if (!c.ipRouting) return defaultGatewayLines(c);
  const routes = dev.sim.routes(dev.id);
  const summary = networkSummary(routes, addr);
  if (summary) return summary;
  let best: RouteEntry[] | undefined;
  for (const g of byPrefix(routes)) {
    const p = g[0]!.prefix;
    if (!inPrefix(addr, p) || (p.len === 0 && addr !== 0)) continue;
    if (!best || p.len > best[0]!.prefix.len) best = g;
  }
  return best ? routeEntry(best) : ['% Network not in table'];
}

/**
 * show ip route A.B.C.D M.M.M.M: the route for exactly that prefix, or the summary of the
 * classful network it names; "% Subnet not in table" otherwise (IOS 12.4 and 15 captures).
 */
export function showIpRoutePrefix(
  dev: IosDeviceContext,
  c: DeviceConfig,
  addr: Ipv4Addr,
  len: number,
): string[] {
  if (!c.ipRouting) return defaultGatewayLines(c);
  const routes = dev.sim.routes(dev.id);
  const exact = byPrefix(routes).find(
    (g) => g[0]!.prefix.len === len && g[0]!.prefix.addr === networkOf(addr, len),
  );
  if (exact) return routeEntry(exact);
  const summary = len === classfulLen(addr) ? networkSummary(routes, addr) : undefined;
  return summary ?? ['% Subnet not in table'];
}
