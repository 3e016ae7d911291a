/**
 * show ip route [connected | static], IOS 15 layout: the codes legend, the gateway of last
 * resort, and routes grouped under their classful network ("10.0.0.0/8 is variably
 * subnetted, 2 subnets, 2 masks") with codes padded to 9 columns inside a group and 6
 * outside. A filtered view keeps the headers (counted over the whole table) of the groups
 * it shows routes from; `connected` shows C and L routes, `static` S and S*, `ospf` O, O E1,
 * O E2 and their defaults, `longer-prefixes` those inside the prefix given. A routing protocol's
 * route gives its age after the next hop ("[110/2] via 10.0.0.2, 00:00:12, GigabitEthernet0/0").
 */
import type { RouteEntry } from '../../../engine/api.ts';
import type { DeviceConfig } from '../../../shared/config.ts';
import { formatIpv4, type Ipv4Addr, type Ipv4Prefix, inPrefix, networkOf } from '../../../shared/ipv4.ts';
import type { Micros } from '../../../shared/time.ts';
import type { IosDeviceContext } from '../../context.ts';
import { ago } from './format.ts';

const LEGEND = [
  'Codes: L - local, C - connected, S - static, R - RIP, M - mobile, B - BGP',
  '       D - EIGRP, EX - EIGRP external, O - OSPF, IA - OSPF inter area',
  '       N1 - OSPF NSSA external type 1, N2 - OSPF NSSA external type 2',
  '       E1 - OSPF external type 1, E2 - OSPF external type 2',
  '       i - IS-IS, su - IS-IS summary, L1 - IS-IS level-1, L2 - IS-IS level-2',
  '       ia - IS-IS inter area, * - candidate default, U - per-user static route',
  '       o - ODR, P - periodic downloaded static route, H - NHRP, l - LISP',
  '       + - replicated route, % - next hop override',
  '',
];

/** Classful mask length of an address (A /8, B /16, C and above /24). */
export function classfulLen(a: Ipv4Addr): number {
  const first = a >>> 24;
  return first < 128 ? 8 : first < 192 ? 16 : 24;
}

/**
 * The text after the prefix for one next hop: "[1/0] via 10.0.0.2", "[110/2] via 10.0.0.2,
 * 00:00:12, Gi0/0" or "is directly connected, Gi0/0".
 */
function via(r: RouteEntry, now: Micros): string {
  if (r.code === 'C' || r.code === 'L' || r.nextHop === undefined) {
    return `is directly connected${r.interface ? `, ${r.interface}` : ''}`;
  }
  const age = r.since === undefined ? '' : `, ${ago(now, r.since)}`;
  return `[${r.distance}/${r.metric}] via ${formatIpv4(r.nextHop)}${age}${r.interface ? `, ${r.interface}` : ''}`;
}

/**
 * Lines for routes sharing one prefix (several next hops continue under the first). Under an
 * "is subnetted" header, where every entry has the header's mask, IOS leaves the length out.
 */
export function entryLines(
  routes: readonly RouteEntry[],
  codeWidth: number,
  now: Micros,
  withLength = true,
): string[] {
  const first = routes[0]!;
  const length = withLength ? `/${first.prefix.len}` : '';
  const head = `${first.code.padEnd(codeWidth)}${formatIpv4(first.prefix.addr)}${length} `;
  const out = [`${head}${via(first, now)}`];
  for (const r of routes.slice(1)) out.push(`${' '.repeat(head.length)}${via(r, now)}`);
  return out;
}

function gatewayOfLastResort(routes: readonly RouteEntry[]): string {
  const d = routes.find((r) => r.prefix.len === 0);
  if (!d) return 'Gateway of last resort is not set';
  return `Gateway of last resort is ${formatIpv4(d.nextHop ?? (0 as Ipv4Addr))} to network 0.0.0.0`;
}

/** A source (`connected`, `static`, `ospf`), or the prefixes inside one (`A.B.C.D M.M.M.M longer-prefixes`). */
export type RouteFilter = 'connected' | 'static' | 'ospf' | Ipv4Prefix;

const SHOWN: Record<'connected' | 'static' | 'ospf', readonly string[]> = {
  connected: ['C', 'L'],
  static: ['S', 'S*'],
  ospf: ['O', 'O E1', 'O E2', 'O*E1', 'O*E2'],
};

export function formatRoutes(routes: readonly RouteEntry[], now: Micros, filter?: RouteFilter): string[] {
  const keep = (g: readonly RouteEntry[]) => {
    if (filter === undefined) return true;
    if (typeof filter === 'string') return SHOWN[filter].includes(g[0]!.code);
    const p = g[0]!.prefix;
    return p.len >= filter.len && inPrefix(p.addr, filter);
  };
  const sorted = [...routes].sort((a, b) => a.prefix.addr - b.prefix.addr || a.prefix.len - b.prefix.len);
  // Routes by prefix, in order.
  const byPrefix: RouteEntry[][] = [];
  for (const r of sorted) {
    const last = byPrefix[byPrefix.length - 1];
    if (last && last[0]!.prefix.addr === r.prefix.addr && last[0]!.prefix.len === r.prefix.len) last.push(r);
    else byPrefix.push([r]);
  }
  const out = [...LEGEND, gatewayOfLastResort(routes), ''];
  let i = 0;
  while (i < byPrefix.length) {
    const p = byPrefix[i]![0]!.prefix;
    const cl = classfulLen(p.addr);
    const major = networkOf(p.addr, cl);
    let j = i;
    const group: RouteEntry[][] = [];
    while (j < byPrefix.length) {
      const q = byPrefix[j]![0]!.prefix;
      if (q.len < cl || networkOf(q.addr, cl) !== major) break;
      group.push(byPrefix[j]!);
      j++;
    }
    if (p.len < cl || !group.some((g) => g[0]!.prefix.len > cl)) {
      // A supernet, or a classful network with no subnets: no group header.
      const take = p.len < cl ? [byPrefix[i]!] : group;
      for (const g of take) if (keep(g)) out.push(...entryLines(g, 6, now));
      i += take.length;
      continue;
    }
    const masks = new Set(group.map((g) => g[0]!.prefix.len));
    const header =
      masks.size === 1
        ? `${formatIpv4(major)}/${[...masks][0]} is subnetted, ${group.length} subnets`
        : `${formatIpv4(major)}/${cl} is variably subnetted, ${group.length} subnets, ${masks.size} masks`;
    const shown = group.filter(keep);
    if (shown.length > 0) out.push(`      ${header}`);
    for (const g of shown) out.push(...entryLines(g, 9, now, masks.size > 1));
    i = j;
  }
  return out;
}

/** What a device that does not route (a 2960, `no ip routing`) shows instead of a table. */
export function defaultGatewayLines(c: DeviceConfig): string[] {
  return [
    `Default gateway is ${c.defaultGateway === undefined ? 'not set' : formatIpv4(c.defaultGateway)}`,
    '',
    'Host               Gateway           Last Use    Total Uses  Interface',
    'ICMP redirect cache is empty',
  ];
}

export function showIpRoute(dev: IosDeviceContext, c: DeviceConfig, filter?: RouteFilter): string[] {
  if (!c.ipRouting) return defaultGatewayLines(c);
  return formatRoutes(dev.sim.routes(dev.id), dev.sim.now(), filter);
}
