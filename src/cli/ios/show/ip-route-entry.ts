/**
 * show ip route A.B.C.D, IOS 15 layout. The address is looked up as the router forwards
 * (longest match) except that the default route answers only for 0.0.0.0 itself, so an
 * address only the default route covers is "% Network not in table". The answer is the
 * route's source, distance and metric, then one "Routing Descriptor Block" per next hop,
 * the one used next marked "*". A classful network address whose network is subnetted
 * shows that network instead: how many subnets, how many directly connected, the masks,
 * and its routes as `show ip route` lists them. An OSPF route names its process, its type,
 * the router its LSA came from and when it was last updated (IOS 15.x captures).
 */
import type { RouteEntry } from '../../../engine/api.ts';
import type { DeviceConfig } from '../../../shared/config.ts';
import { formatIpv4, type Ipv4Addr, inPrefix, networkOf } from '../../../shared/ipv4.ts';
import type { Micros } from '../../../shared/time.ts';
import type { IosDeviceContext } from '../../context.ts';
import { ospfProcesses } from '../ospf-commands.ts';
import { type OspfRouteSource, ospfRouteSource } from '../ospf-format.ts';
import { ago } from './format.ts';
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

const isOspf = (r: RouteEntry): boolean => r.code.startsWith('O');

/** An OSPF route's type, as the "Known via" line or the tag line ends. */
function ospfType(r: RouteEntry, s: OspfRouteSource | undefined): string {
  if (!r.code.includes('E')) return 'type intra area';
  const kind = r.code.endsWith('1') ? 1 : 2;
  return `type extern ${kind}${kind === 2 && s?.forward !== undefined ? `, forward metric ${s.forward}` : ''}`;
}

/** "Known via ..." and, for a tagged external route, the tag line under it. */
function knownVia(r: RouteEntry, s: OspfRouteSource | undefined): string[] {
  if (r.code === 'C') return ['Known via "connected", distance 0, metric 0 (connected, via interface)'];
  if (r.code === 'L') return ['Known via "connected", distance 0, metric 0 (connected)'];
  const candidate = r.prefix.len === 0 ? ', candidate default path' : '';
  if (isOspf(r)) {
    const head = `Known via "ospf ${s?.pid ?? 1}", distance ${r.distance}, metric ${r.metric}`;
    // A tagged external route, or the default, gives its type on a line of its own.
    if (r.code.includes('E') && (s?.tag || candidate !== ''))
      return [`${head}${candidate}`, `Tag ${s?.tag ?? 0}, ${ospfType(r, s)}`];
    return [`${head}, ${ospfType(r, s)}`];
  }
  const attached = r.nextHop === undefined ? ' (connected)' : '';
  return [`Known via "static", distance ${r.distance}, metric ${r.metric}${attached}${candidate}`];
}

function descriptorBlock(
  r: RouteEntry,
  first: boolean,
  now: Micros,
  s: OspfRouteSource | undefined,
): string[] {
  const via = r.interface === undefined ? '' : `, via ${r.interface}`;
  const from = s === undefined ? '' : `, from ${formatIpv4(s.from)}`;
  const age = r.since === undefined ? '' : `, ${ago(now, r.since)} ago`;
  const hop =
    r.nextHop === undefined ? `directly connected${via}` : `${formatIpv4(r.nextHop)}${from}${age}${via}`;
  return [
    `${first ? '  * ' : '    '}${hop}`,
    `      Route metric is ${r.metric}, traffic share count is 1`,
    ...(s?.tag ? [`      Route tag ${s.tag}`] : []),
  ];
}

function routeEntry(dev: IosDeviceContext, routes: readonly RouteEntry[]): string[] {
  const r = routes[0]!;
  const now = dev.sim.now();
  const processes = isOspf(r) ? ospfProcesses(dev) : [];
  const source = (x: RouteEntry) =>
    isOspf(x) ? ospfRouteSource(x, x.nextHop, x.interface, processes) : undefined;
  const supernet = r.prefix.len < classfulLen(r.prefix.addr) ? ', supernet' : '';
  const last =
    isOspf(r) && r.nextHop !== undefined && r.since !== undefined
      ? [`  Last update from ${formatIpv4(r.nextHop)} on ${r.interface}, ${ago(now, r.since)} ago`]
      : [];
  return [
    `Routing entry for ${formatIpv4(r.prefix.addr)}/${r.prefix.len}${supernet}`,
    ...knownVia(r, source(r)).map((l) => `  ${l}`),
    ...last,
    '  Routing Descriptor Blocks:',
    ...routes.flatMap((x, k) => descriptorBlock(x, k === 0, now, source(x))),
  ];
}

/** The summary of a subnetted classful network, or undefined when `addr` names none. */
function networkSummary(routes: readonly RouteEntry[], addr: Ipv4Addr, now: Micros): string[] | undefined {
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
    ...groups.flatMap((g) => entryLines(g, 9, now, masks.size > 1)),
  ];
}

export function showIpRouteEntry(dev: IosDeviceContext, c: DeviceConfig, addr: Ipv4Addr): string[] {
  if (!c.ipRouting) return defaultGatewayLines(c);
  const routes = dev.sim.routes(dev.id);
  const summary = networkSummary(routes, addr, dev.sim.now());
  if (summary) return summary;
  let best: RouteEntry[] | undefined;
  for (const g of byPrefix(routes)) {
    const p = g[0]!.prefix;
    if (!inPrefix(addr, p) || (p.len === 0 && addr !== 0)) continue;
    if (!best || p.len > best[0]!.prefix.len) best = g;
  }
  return best ? routeEntry(dev, best) : ['% Network not in table'];
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
  if (exact) return routeEntry(dev, exact);
  const summary = len === classfulLen(addr) ? networkSummary(routes, addr, dev.sim.now()) : undefined;
  return summary ?? ['% Subnet not in table'];
}
