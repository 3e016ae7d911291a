/**
 * show ipv6 interface [brief | X], show ipv6 route [connected | local | static] and show ipv6
 * neighbors [X], as IOS 15 on an ISR G2 prints them (the captures of /tmp/ipv6-research.md
 * sections 1-5: a 2901 and a 1941 on 15.4(3), IOSv, IOL and c7200 15.x for the details).
 *
 * - The brief puts `[` at column 23 and lists each interface in `show ip interface brief`'s
 *   order: its link-local address and its others, four spaces in, or `unassigned`, whether the
 *   interface is up or not.
 * - The full view lists the interfaces running IPv6. A router with `ipv6 unicast-routing` adds
 *   FF02::2 and its Router Advertisement settings; without it, the router is a host: no RA
 *   lines, its NS retransmit interval, and the default router a Router Advertisement gave it.
 *   An interface that is not up has tentative addresses ([TEN]) and has joined FF02::1 only.
 * - The route table's legend is the 1941 15.4(3)M3 ipbasek9 one; its count covers every entry,
 *   the L FF00::/8 that IOS installs once IPv6 runs included, in the filtered views too.
 * - The neighbor table is `%-40s %4s %-14s  %-5s %s`: address, age in minutes, MAC, state,
 *   the interface's short name.
 */
import type { Ipv6InterfaceStatus, Ipv6RouteEntry } from '../../../engine/api.ts';
import {
  formatIpv6Upper,
  IPV6_ALL_NODES,
  IPV6_ALL_ROUTERS,
  type Ipv6Addr,
  ipv6PrefixOf,
} from '../../../shared/ipv6.ts';
import { formatMacDotted } from '../../../shared/mac.ts';
import { shortInterfaceName } from '../../../shared/ports.ts';
import { seconds } from '../../../shared/time.ts';
import type { IosEnv } from '../env.ts';
import { shownInOrder, state, statuses } from './interfaces.ts';

/** Each interface's IPv6 state, by name. */
function ipv6States(env: IosEnv): Map<string, Ipv6InterfaceStatus> {
  const dev = env.device!;
  return new Map(dev.sim.ipv6Interfaces(dev.id).map((s) => [s.name, s]));
}

/** The interfaces in `show ip interface brief`'s order, with their status and protocol words. */
function interfacesInOrder(env: IosEnv): { name: string; status: string; protocol: string }[] {
  const st = statuses(env.device!);
  return shownInOrder(env.kind, env.config(), st).map(([name, i]) => ({ name, ...state(i, st.get(name)) }));
}

// ---- show ipv6 interface brief ----------------------------------------------------------------

/** `only`: the one interface `show ipv6 interface brief X` names. */
export function showIpv6InterfaceBrief(env: IosEnv, only?: string): string[] {
  const v6 = ipv6States(env);
  const out: string[] = [];
  for (const { name, status, protocol } of interfacesInOrder(env)) {
    if (only !== undefined && name !== only) continue;
    out.push(`${name.padEnd(22)} [${status}/${protocol}]`);
    const s = v6.get(name);
    if (s === undefined || !s.enabled || s.linkLocal === undefined) {
      out.push('    unassigned');
      continue;
    }
    out.push(`    ${formatIpv6Upper(s.linkLocal)}`);
    for (const a of s.addresses) out.push(`    ${formatIpv6Upper(a.addr)}`);
  }
  return out;
}

// ---- show ipv6 interface ----------------------------------------------------------------------

/**
 * What a Router Advertisement's prefix gives an autoconfigured address (IOS's defaults, 30 and
 * 7 days). IOS counts them down from when the address was formed ("valid lifetime 2591937
 * preferred lifetime 604737"); the engine does not keep lifetimes, so they stay as advertised.
 */
const VALID_LIFETIME = 2_592_000;
const PREFERRED_LIFETIME = 604_800;

/** The flags after an address: EUI (EUI-64 identifier), CAL/PRE (autoconfigured), TEN (tentative). */
function addressFlags(eui64: boolean, auto: boolean, tentative: boolean): string {
  const flags = [...(eui64 ? ['EUI'] : []), ...(auto ? ['CAL', 'PRE'] : []), ...(tentative ? ['TEN'] : [])];
  return flags.length === 0 ? '' : `[${flags.join('/')}]`;
}

/**
 * The groups joined, in IOS's order: FF02::1, FF02::2 on a router, then the solicited-node
 * groups in ascending order. An interface that is not up has joined FF02::1 only (c7200 and
 * IOS-XE captures of shut interfaces): its addresses are tentative.
 */
function groupLines(s: Ipv6InterfaceStatus, up: boolean): string[] {
  const fixed = [IPV6_ALL_NODES, IPV6_ALL_ROUTERS];
  const head = up ? fixed.filter((g) => s.groups.includes(g)) : [IPV6_ALL_NODES];
  const solicited = up
    ? s.groups.filter((g) => !fixed.includes(g)).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))
    : [];
  return [...head, ...solicited].map((g) => `    ${formatIpv6Upper(g)}`);
}

/** The default router a Router Advertisement gave a host-mode interface, from its ND route. */
function defaultRouter(routes: readonly Ipv6RouteEntry[], name: string): Ipv6Addr | undefined {
  return routes.find((r) => r.code === 'ND' && r.iface === name && r.nextHop !== undefined)?.nextHop;
}

/**
 * One interface's block. `routing`: the device has `ipv6 unicast-routing` (router mode: the
 * RA lines), read from the configuration since the engine's `advertises` is false on a line
 * that is down or a loopback, where IOS still prints the interface's RA settings.
 */
function interfaceBlock(
  name: string,
  status: string,
  protocol: string,
  s: Ipv6InterfaceStatus,
  routing: boolean,
  routes: readonly Ipv6RouteEntry[],
): string[] {
  const up = protocol === 'up';
  // The engine runs no duplicate address detection: an address is tentative only while its
  // interface is down, as IOS shows it then.
  const tentative = !up;
  const loopback = name.startsWith('Loopback');
  const ll = formatIpv6Upper(s.linkLocal!);
  // Raw captures keep the space IOS prints before the (empty) flags.
  const out = [
    `${name} is ${status}, line protocol is ${protocol}`,
    tentative
      ? `  IPv6 is tentative, link-local address is ${ll} [TEN]`
      : `  IPv6 is enabled, link-local address is ${ll} `,
    '  No Virtual link-local address(es):',
  ];
  if (s.autoconfig) out.push('  Stateless address autoconfig enabled');
  if (s.addresses.length === 0) out.push('  No global unicast address is configured');
  else {
    out.push('  Global unicast address(es):');
    for (const a of s.addresses) {
      const auto = a.origin === 'autoconfig';
      const prefix = `${formatIpv6Upper(ipv6PrefixOf(a.addr, a.len))}/${a.len}`;
      out.push(
        `    ${formatIpv6Upper(a.addr)}, subnet is ${prefix} ${addressFlags(a.eui64, auto, tentative)}`,
      );
      if (auto) out.push(`      valid lifetime ${VALID_LIFETIME} preferred lifetime ${PREFERRED_LIFETIME}`);
    }
  }
  out.push(
    '  Joined group address(es):',
    ...groupLines(s, up),
    `  MTU is ${loopback ? 1514 : 1500} bytes`,
    '  ICMP error messages limited to one every 100 milliseconds',
    '  ICMP redirects are enabled',
    '  ICMP unreachables are sent',
    loopback ? '  ND DAD is not supported' : '  ND DAD is enabled, number of DAD attempts: 1',
    // IOS 15 shows the randomized value in use; IOL, IOSv and IOS-XE show 30000.
    '  ND reachable time is 30000 milliseconds (using 30000)',
  );
  if (routing) {
    // A loopback sends no advertisements (IOS 15 captures: "ND RAs are suppressed (periodic)").
    out.push(
      '  ND advertised reachable time is 0 (unspecified)',
      '  ND advertised retransmit interval is 0 (unspecified)',
      ...(loopback ? [] : ['  ND router advertisements are sent every 200 seconds']),
      '  ND router advertisements live for 1800 seconds',
      '  ND advertised default router preference is Medium',
      ...(loopback ? ['  ND RAs are suppressed (periodic)'] : []),
      '  Hosts use stateless autoconfig for addresses.',
    );
  } else {
    out.push('  ND NS retransmit interval is 1000 milliseconds');
    const router = defaultRouter(routes, name);
    if (router !== undefined) out.push(`  Default router is ${formatIpv6Upper(router)} on ${name}`);
  }
  return out;
}

/**
 * `show ipv6 interface [X]`: the interfaces running IPv6, or the one named. No capture shows an
 * interface without IPv6 named; IOS lists only IPv6 interfaces unnamed, prints nothing for a
 * device without IPv6 (`show ipv6 route` on a 1941) and, most plausibly, nothing for such an
 * interface either, which is what this prints.
 */
export function showIpv6Interface(env: IosEnv, only?: string): string[] {
  const dev = env.device!;
  const v6 = ipv6States(env);
  const routes = dev.sim.ipv6Routes(dev.id);
  const routing = env.config().ipv6Routing === true;
  const out: string[] = [];
  for (const { name, status, protocol } of interfacesInOrder(env)) {
    if (only !== undefined && name !== only) continue;
    const s = v6.get(name);
    if (s === undefined || !s.enabled || s.linkLocal === undefined) continue;
    out.push(...interfaceBlock(name, status, protocol, s, routing, routes));
  }
  return out;
}

// ---- show ipv6 route --------------------------------------------------------------------------

/** Legend variant A: the 1941's, IOS 15.4(3)M3 with the ipbase licence. */
const LEGEND = [
  'Codes: C - Connected, L - Local, S - Static, U - Per-user Static route',
  '       B - BGP, R - RIP, I1 - ISIS L1, I2 - ISIS L2',
  '       IA - ISIS interarea, IS - ISIS summary, D - EIGRP, EX - EIGRP external',
  '       ND - ND Default, NDp - ND Prefix, DCE - Destination, NDr - Redirect',
  '       O - OSPF Intra, OI - OSPF Inter, OE1 - OSPF ext 1, OE2 - OSPF ext 2',
  '       ON1 - OSPF NSSA ext 1, ON2 - OSPF NSSA ext 2, a - Application',
];

/** The multicast route IOS always has once IPv6 runs: `L FF00::/8 [0/0] via Null0, receive`. */
const MULTICAST: Ipv6RouteEntry = {
  code: 'L',
  prefix: (0xffn << 120n) as Ipv6Addr,
  len: 8,
  distance: 0,
  metric: 0,
  iface: 'Null0',
};

export type Ipv6RouteFilter = 'connected' | 'local' | 'static';

const SHOWN: Record<Ipv6RouteFilter, Ipv6RouteEntry['code']> = { connected: 'C', local: 'L', static: 'S' };

/** The second line of a route: where it leads. */
function viaText(r: Ipv6RouteEntry): string {
  const hop = r.nextHop === undefined ? undefined : formatIpv6Upper(r.nextHop);
  if (r.code === 'L') return `via ${r.iface}, receive`;
  if (hop === undefined) return `via ${r.iface}, directly connected`;
  return r.iface === undefined ? `via ${hop}` : `via ${hop}, ${r.iface}`;
}

/**
 * The table as IOS's RIB holds it: for each prefix, the routes of the lowest administrative
 * distance (a static route behind a connected prefix is not installed).
 */
function installed(routes: readonly Ipv6RouteEntry[]): Ipv6RouteEntry[][] {
  const byPrefix = new Map<string, Ipv6RouteEntry[]>();
  for (const r of routes) {
    const key = `${r.prefix}/${r.len}`;
    byPrefix.set(key, [...(byPrefix.get(key) ?? []), r]);
  }
  const groups = [...byPrefix.values()].map((g) => {
    const best = Math.min(...g.map((r) => r.distance));
    return g.filter((r) => r.distance === best);
  });
  groups.sort((a, b) => {
    const x = a[0]!;
    const y = b[0]!;
    return x.prefix !== y.prefix ? (x.prefix < y.prefix ? -1 : 1) : x.len - y.len;
  });
  return groups;
}

/**
 * `show ipv6 route [connected | local | static]`. A router without IPv6 (no route, no IPv6
 * interface, no `ipv6 unicast-routing`) prints nothing, as the 1941 did.
 */
export function showIpv6Route(env: IosEnv, filter?: Ipv6RouteFilter): string[] {
  const dev = env.device!;
  const interfaces = dev.sim.ipv6Interfaces(dev.id);
  const routes = dev.sim.ipv6Routes(dev.id);
  const running = routes.length > 0 || interfaces.some((i) => i.enabled) || env.config().ipv6Routing === true;
  if (!running) return [];
  const table = [...installed(routes), [MULTICAST]];
  const out = [`IPv6 Routing Table - default - ${table.length} entries`, ...LEGEND];
  for (const group of table) {
    const first = group[0]!;
    if (filter !== undefined && first.code !== SHOWN[filter]) continue;
    out.push(
      `${first.code.padEnd(4)}${formatIpv6Upper(first.prefix)}/${first.len} [${first.distance}/${first.metric}]`,
    );
    for (const r of group) out.push(`     ${viaText(r)}`);
  }
  return out;
}

// ---- show ipv6 neighbors ----------------------------------------------------------------------

const NEIGHBOR_HEADER = 'IPv6 Address                              Age Link-layer Addr State Interface';

/** `show ipv6 neighbors [X]`: an INCOMPLETE entry has no MAC yet, shown `-`. */
export function showIpv6Neighbors(env: IosEnv, only?: string): string[] {
  const dev = env.device!;
  const rows = dev.sim
    .ipv6Neighbors(dev.id)
    .filter((n) => only === undefined || n.iface === only)
    .map((n) =>
      [
        formatIpv6Upper(n.addr).padEnd(40),
        String(Math.floor(n.age / seconds(60))).padStart(4),
        (n.mac === undefined ? '-' : formatMacDotted(n.mac)).padEnd(14),
        ` ${n.state.padEnd(5)}`,
        shortInterfaceName(n.iface),
      ].join(' '),
    );
  return [NEIGHBOR_HEADER, ...rows];
}
