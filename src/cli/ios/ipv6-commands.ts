/**
 * IOS's IPv6 configuration (Cisco IOS IPv6 Command Reference): `ipv6 unicast-routing`,
 * `ipv6 route`, and on an interface `ipv6 address X/N [eui-64]`, `ipv6 address X link-local`,
 * `ipv6 address autoconfig [default]` and `ipv6 enable`, with their `no` forms and their
 * running-config lines. Other `ipv6` commands (routing protocols, DHCPv6, access lists, ND
 * settings) are named as not simulated.
 */
import type {
  DeviceConfig,
  InterfaceConfig,
  Ipv6InterfaceConfig,
  Ipv6StaticRoute,
} from '../../shared/config.ts';
import {
  formatIpv6Upper,
  type Ipv6Addr,
  type Ipv6Assignment,
  ipv6PrefixOf,
  isIpv6LinkLocal,
} from '../../shared/ipv6.ts';
import { IPV6, IPV6_PREFIX, ipv6Arg, range } from '../parser/args.ts';
import type { Args } from '../parser/tree.ts';
import { without } from './config-edit.ts';
import { arg, type IosNode, kw, run } from './dsl.ts';
import type { IosEnv } from './env.ts';
import { interfaceArg } from './interface-arg.ts';
import { DOT1Q_FIRST } from './interface-commands.ts';

const IPV6_HELP = 'IPv6 interface subcommands';
const ADDRESS_HELP = 'Configure IPv6 address on interface';
const PREFIX_HELP = 'IPv6 prefix';
const LINK_LOCAL_HELP = 'Use link-local address';
const EUI_HELP = 'Use eui-64 interface identifier';
const AUTOCONFIG_HELP = 'Obtain address using autoconfiguration';
const DEFAULT_HELP = 'Insert default route';
const ENABLE_HELP = 'Enable IPv6 on interface';

type EditInterface = (
  env: IosEnv,
  fn: (i: InterfaceConfig, name: string) => InterfaceConfig | string,
) => void;

const NO_IPV6: Ipv6InterfaceConfig = { addresses: [] };

/** `i` with IPv6 settings `v`; none left removes them (IPv6 stops on the interface). */
function withIpv6(i: InterfaceConfig, v: Ipv6InterfaceConfig): InterfaceConfig {
  const empty =
    v.addresses.length === 0 &&
    v.enable === undefined &&
    v.linkLocal === undefined &&
    v.autoconfig === undefined;
  return empty ? without(i, 'ipv6') : { ...i, ipv6: v };
}

/**
 * Another interface with an address in the prefix of `a`, as IOS refuses it when typed
 * ("%GigabitEthernet0/0: Error: 2001:DB8:1::/64 is overlapping with 2001:DB8:1::/64 on
 * GigabitEthernet0/1"); a saved configuration is read as saved.
 */
function overlap(env: IosEnv, self: string, a: Ipv6Assignment): string | undefined {
  if (env.device === undefined) return undefined;
  for (const [name, i] of Object.entries(env.config().interfaces)) {
    if (name === self || i.shutdown) continue;
    for (const b of i.ipv6?.addresses ?? []) {
      const len = Math.min(a.len, b.len);
      if (ipv6PrefixOf(a.addr, len) !== ipv6PrefixOf(b.addr, len)) continue;
      const mine = `${formatIpv6Upper(ipv6PrefixOf(a.addr, a.len))}/${a.len}`;
      const theirs = `${formatIpv6Upper(ipv6PrefixOf(b.addr, b.len))}/${b.len}`;
      return `%${self}: Error: ${mine} is overlapping with ${theirs} on ${name}`;
    }
  }
  return undefined;
}

function addAddress(env: IosEnv, edit: EditInterface, a: Args): void {
  const given = a.need<Ipv6Assignment>('prefix');
  const eui64 = a.words.includes('eui-64');
  edit(env, (i, name) => {
    // Refused as IPv4 is (the same check on IOS; its IPv6 wording is not confirmed).
    if (name.includes('.') && !i.dot1q) return DOT1Q_FIRST;
    const clash = overlap(env, name, given);
    if (clash !== undefined) return clash;
    const v = i.ipv6 ?? NO_IPV6;
    const entry = eui64
      ? { addr: ipv6PrefixOf(given.addr, given.len), len: given.len, eui64: true as const }
      : { addr: given.addr, len: given.len };
    // The same address again replaces itself (a new prefix length, or eui-64 or not).
    const kept = v.addresses.filter((x) => x.addr !== entry.addr);
    return withIpv6(i, { ...v, addresses: [...kept, entry] });
  });
}

function removeAddress(env: IosEnv, edit: EditInterface, a: Args): void {
  const given = a.need<Ipv6Assignment>('prefix');
  const eui64 = a.words.includes('eui-64');
  const target = eui64 ? ipv6PrefixOf(given.addr, given.len) : given.addr;
  edit(env, (i) => {
    const v = i.ipv6 ?? NO_IPV6;
    const kept = v.addresses.filter((x) => !(x.addr === target && x.len === given.len));
    return kept.length === v.addresses.length ? i : withIpv6(i, { ...v, addresses: kept });
  });
}

function setLinkLocal(env: IosEnv, edit: EditInterface, a: Args, no: boolean): void {
  const addr = a.need<Ipv6Addr>('linkLocal');
  edit(env, (i) => {
    const v = i.ipv6 ?? NO_IPV6;
    if (no) return v.linkLocal === addr ? withIpv6(i, without(v, 'linkLocal')) : i;
    return withIpv6(i, { ...v, linkLocal: addr });
  });
}

/** `ipv6 address ...` on an interface, or its `no` form. */
function addressNode(edit: EditInterface, no: boolean): IosNode {
  const add = (env: IosEnv, a: Args) => (no ? removeAddress(env, edit, a) : addAddress(env, edit, a));
  return kw(
    'address',
    ADDRESS_HELP,
    ...(no
      ? [run((env: IosEnv) => edit(env, (i) => withIpv6(i, { ...(i.ipv6 ?? NO_IPV6), addresses: [] })))]
      : []),
    arg(
      'linkLocal',
      ipv6Arg(true),
      'IPv6 link-local address',
      kw(
        'link-local',
        LINK_LOCAL_HELP,
        run((env, a) => setLinkLocal(env, edit, a, no)),
      ),
    ),
    arg('prefix', IPV6_PREFIX, PREFIX_HELP, run(add), kw('eui-64', EUI_HELP, run(add))),
    kw(
      'autoconfig',
      AUTOCONFIG_HELP,
      run((env) =>
        edit(env, (i) => {
          const v = i.ipv6 ?? NO_IPV6;
          return withIpv6(i, no ? without(v, 'autoconfig') : { ...v, autoconfig: { default: false } });
        }),
      ),
      kw(
        'default',
        DEFAULT_HELP,
        run((env) =>
          edit(env, (i) => {
            const v = i.ipv6 ?? NO_IPV6;
            // `no ... autoconfig default` keeps autoconfiguration, without the default route.
            if (no)
              return v.autoconfig === undefined ? i : withIpv6(i, { ...v, autoconfig: { default: false } });
            return withIpv6(i, { ...v, autoconfig: { default: true } });
          }),
        ),
      ),
    ),
  );
}

/** `ipv6 ...` in an interface (router interfaces), or `no ipv6 ...`. */
export function ipv6InterfaceNode(edit: EditInterface, no: boolean): IosNode {
  return kw(
    'ipv6',
    IPV6_HELP,
    addressNode(edit, no),
    kw(
      'enable',
      ENABLE_HELP,
      run((env) =>
        edit(env, (i) => {
          const v = i.ipv6 ?? NO_IPV6;
          return withIpv6(i, no ? without(v, 'enable') : { ...v, enable: true });
        }),
      ),
    ),
  );
}

/** The interface's `ipv6` lines, in IOS's order: link-local, addresses, autoconfig, enable. */
export function ipv6InterfaceLines(i: InterfaceConfig): string[] {
  const v = i.ipv6;
  if (v === undefined) return [];
  const out: string[] = [];
  if (v.linkLocal !== undefined) out.push(` ipv6 address ${formatIpv6Upper(v.linkLocal)} link-local`);
  for (const a of v.addresses)
    out.push(` ipv6 address ${formatIpv6Upper(a.addr)}/${a.len}${a.eui64 === true ? ' eui-64' : ''}`);
  if (v.autoconfig !== undefined)
    out.push(` ipv6 address autoconfig${v.autoconfig.default ? ' default' : ''}`);
  if (v.enable === true) out.push(' ipv6 enable');
  return out;
}

// ---- global configuration --------------------------------------------------------------------

const ROUTE_HELP = 'Configure static routes';
const LINK_LOCAL_NEXT_HOP = '% Interface has to be specified for a link-local nexthop';

function routeFrom(a: Args): Ipv6StaticRoute {
  const p = a.need<Ipv6Assignment>('prefix');
  const nextHop = a.value<Ipv6Addr>('nexthop');
  const exitInterface = a.value<string>('interface');
  return {
    prefix: ipv6PrefixOf(p.addr, p.len),
    len: p.len,
    ...(nextHop !== undefined ? { nextHop } : {}),
    ...(exitInterface !== undefined ? { exitInterface } : {}),
    distance: a.value<number>('distance') ?? 1,
  };
}

const sameRoute = (x: Ipv6StaticRoute, r: Ipv6StaticRoute): boolean =>
  x.prefix === r.prefix && x.len === r.len && x.nextHop === r.nextHop && x.exitInterface === r.exitInterface;

function addRoute(env: IosEnv, a: Args): void {
  const r = routeFrom(a);
  if (r.nextHop !== undefined && r.exitInterface === undefined && isIpv6LinkLocal(r.nextHop)) {
    env.error(LINK_LOCAL_NEXT_HOP);
    return;
  }
  const c = env.config();
  const kept = (c.ipv6Routes ?? []).filter((x) => !sameRoute(x, r));
  env.setConfig({ ...c, ipv6Routes: [...kept, r] });
}

function removeRoute(env: IosEnv, a: Args): void {
  const r = routeFrom(a);
  const c = env.config();
  const routes = c.ipv6Routes ?? [];
  // Without a next hop or interface, every route to the prefix goes.
  const kept = routes.filter((x) =>
    r.nextHop === undefined && r.exitInterface === undefined
      ? !(x.prefix === r.prefix && x.len === r.len)
      : !sameRoute(x, r),
  );
  if (kept.length === routes.length) return;
  env.setConfig(kept.length === 0 ? without(c, 'ipv6Routes') : { ...c, ipv6Routes: kept });
}

/** `ipv6 route X/N {NEXT-HOP | INTERFACE [NEXT-HOP]} [DISTANCE]`; `optional`: the `no` form may stop after the prefix. */
function routeArgs(h: (env: IosEnv, a: Args) => void, optional: boolean): IosNode {
  const distance = () => arg('distance', range(1, 254), 'Administrative distance', run(h));
  const end = () => [run(h), distance()];
  return arg(
    'prefix',
    IPV6_PREFIX,
    'IPv6 prefix',
    ...(optional ? [run(h)] : []),
    arg('nexthop', IPV6, 'IPv6 address of next-hop', ...end()),
    arg(
      'interface',
      interfaceArg({ null: true }),
      '',
      ...end(),
      arg('nexthop', IPV6, 'IPv6 address of next-hop', ...end()),
    ),
  );
}

const UNICAST_HELP = 'Enable unicast routing';

/** `ipv6 ...` in global configuration (routers). */
export function ipv6GlobalNode(): IosNode {
  return kw(
    'ipv6',
    'IPv6 configuration commands',
    kw('route', ROUTE_HELP, routeArgs(addRoute, false)),
    kw(
      'unicast-routing',
      UNICAST_HELP,
      run((env) => env.setConfig({ ...env.config(), ipv6Routing: true })),
    ),
  );
}

/** `no ipv6 ...` in global configuration. */
export function noIpv6GlobalNode(): IosNode {
  return kw(
    'ipv6',
    'IPv6 configuration commands',
    kw('route', ROUTE_HELP, routeArgs(removeRoute, true)),
    kw(
      'unicast-routing',
      UNICAST_HELP,
      run((env) => env.setConfig(without(env.config(), 'ipv6Routing'))),
    ),
  );
}

/** The `ipv6 route` lines, in the order configured: interface before next hop, as IOS stores them. */
export function ipv6RouteLines(c: DeviceConfig): string[] {
  return (c.ipv6Routes ?? []).map((r) => {
    const parts = ['ipv6 route', `${formatIpv6Upper(r.prefix)}/${r.len}`];
    if (r.exitInterface !== undefined) parts.push(r.exitInterface);
    if (r.nextHop !== undefined) parts.push(formatIpv6Upper(r.nextHop));
    if (r.distance !== 1) parts.push(String(r.distance));
    return parts.join(' ');
  });
}
