/**
 * The one netsh.exe context CCNA labs use on a PC: `netsh interface ip set address NAME dhcp`
 * and `... NAME static IP MASK [GATEWAY]`, which set the adapter as the IP Configuration form
 * does, and its DNS servers: `set dnsservers`, `add dnsservers`, `delete dnsservers`, `show
 * dnsservers` (`dns` for short). netsh takes its words in any case, abbreviated, and `ipv4` for
 * `ip`; the adapter's name may be quoted or given as `name=`. Of IPv6, `netsh interface ipv6
 * show neighbors [INTERFACE]`, the neighbor cache.
 */

import type { Ipv6NeighborEntry } from '../../engine/api.ts';
import { checkDnsServer, MAX_DNS_SERVERS } from '../../model/dns-fields.ts';
import { formatError, modelError } from '../../model/errors.ts';
import { type HostConfig, withAddressing } from '../../shared/config.ts';
import { formatIpv4, type Ipv4Addr, parseIpv4 } from '../../shared/ipv4.ts';
import {
  formatIpv6,
  type Ipv6Addr,
  ipv6MulticastMac,
  parseIpv6,
  solicitedNodeOf,
} from '../../shared/ipv6.ts';
import { formatMacDashed } from '../../shared/mac.ts';
import type { HostDeviceContext } from '../context.ts';
import { NIC_INDEX } from './route-print.ts';
import { staticAddress } from './static-address.ts';

/** The adapter's connection name, as netsh and ipconfig call it. */
export const CONNECTION = 'FastEthernet0';

/** Whether `word` is `full` or an abbreviation of it netsh takes (at least `min` letters). */
const is = (word: string | undefined, full: string, min = 3): boolean =>
  word !== undefined && word.length >= Math.min(min, full.length) && full.startsWith(word.toLowerCase());

const notFound = (words: readonly string[]): string[] => [
  `The following command was not found: ${words.join(' ')}.`,
];

/** Splits a command line as netsh does: on blanks, keeping a quoted value whole (`name="..."`). */
function words(line: string): string[] {
  return [...line.matchAll(/(\w+=)?"([^"]*)"|(\S+)/g)].map((m) => m[3] ?? `${m[1] ?? ''}${m[2]}`);
}

export function netsh(ctx: HostDeviceContext, line: string): string[] {
  const w = words(line);
  const [context, ip, verb, what] = w;
  if (is(context, 'interface') && ip?.toLowerCase() === 'ipv6') {
    return is(verb, 'show', 2) && is(what, 'neighbors', 1) ? showNeighbors(ctx, w) : notFound(w);
  }
  if (!is(context, 'interface') || !(is(ip, 'ip', 2) || ip?.toLowerCase() === 'ipv4')) return notFound(w);
  if (is(what, 'dnsservers')) return dnsServers(ctx, w);
  if (!is(verb, 'set') || !is(what, 'address')) return notFound(w);
  const rest = w.slice(4).map((x) => x.replace(/^(name|source|address|mask|gateway)=/i, ''));
  const [name, source, ...values] = rest;
  if (name === undefined || source === undefined) return notFound(w);
  if (name.toLowerCase() !== CONNECTION.toLowerCase()) {
    return ['The filename, directory name, or volume label syntax is incorrect.'];
  }
  if (is(source, 'dhcp', 4)) {
    if (ctx.hostConfig().dhcp === true) return ['DHCP is already enabled on this interface.'];
    ctx.setHostConfig(withAddressing(ctx.hostConfig(), { dhcp: true }));
    return [];
  }
  if (!is(source, 'static', 3) || values.length < 2 || values.length > 3) return notFound(w);
  // `gateway=none` (or `none`): no default gateway.
  const gateway = values[2]?.toLowerCase() === 'none' ? undefined : values[2];
  const set = staticAddress(values[0]!, values[1]!, gateway);
  if (!set.ok) return [set.error ?? 'The parameter is incorrect.'];
  ctx.setHostConfig(withAddressing(ctx.hostConfig(), set.config));
  return [];
}

/** What `show neighbors` calls the loopback, interface 1. */
const LOOPBACK = 'Loopback Pseudo-Interface 1';
const LOOPBACK_INDEX = 1;

/**
 * The multicast groups a Windows 10 PC's services send to, which its neighbor cache keeps as
 * Permanent entries (as arp -a lists the IPv4 groups): all nodes, all routers (router
 * solicitations), SSDP, MLDv2 reports, mDNS and LLMNR.
 */
const SERVICE_GROUPS = ['ff02::1', 'ff02::2', 'ff02::c', 'ff02::16', 'ff02::fb', 'ff02::1:3'].map(
  (a) => parseIpv6(a)!,
);

/** How netsh names each Neighbor Discovery state (Windows' NL_NEIGHBOR_STATE). */
const NEIGHBOR_STATES: Readonly<Record<Ipv6NeighborEntry['state'], string>> = {
  INCMP: 'Incomplete',
  REACH: 'Reachable',
  STALE: 'Stale',
  DELAY: 'Delay',
  PROBE: 'Probe',
};

/**
 * `netsh interface ipv6 show neighbors [[interface=]NAME|INDEX]`: each interface's neighbor
 * cache, the loopback's (its groups, with no physical address) and, while the PC runs IPv6,
 * the adapter's: the neighbors Neighbor Discovery found, routers marked "(Router)", and the
 * Permanent groups it sends to, its own addresses' solicited-node groups among them; rows by
 * address. Columns as netsh 10.0 lays them out (captures of Windows 10): addresses in 46
 * characters, physical addresses (lower case) in 19; two blank lines under each heading.
 */
function showNeighbors(ctx: HostDeviceContext, w: readonly string[]): string[] {
  const args = w.slice(4).map((x) => x.replace(/^interface=/i, ''));
  if (args.length > 1) return notFound(w);
  const v6 = ctx.sim.ipv6Interfaces(ctx.id)[0];
  const on = v6?.enabled === true;
  const only = args[0]?.toLowerCase();
  const named = (index: number, name: string) =>
    only === undefined || only === String(index) || only === name.toLowerCase();
  const blocks: string[] = [];
  const block = (index: number, name: string, rows: readonly (readonly [Ipv6Addr, string, string])[]) => {
    blocks.push('', `Interface ${index}: ${name}`, '', '', NEIGHBORS_HEADER, NEIGHBORS_RULE);
    for (const [addr, mac, type] of [...rows].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))) {
      blocks.push(`${formatIpv6(addr).padEnd(46)}${mac.padEnd(19)}${type}`.trimEnd());
    }
  };
  if (named(LOOPBACK_INDEX, LOOPBACK)) {
    block(
      LOOPBACK_INDEX,
      LOOPBACK,
      SERVICE_GROUPS.slice(2).map((g) => [g, '', 'Permanent'] as const),
    );
  }
  if (on && named(NIC_INDEX, CONNECTION)) {
    const rows: [Ipv6Addr, string, string][] = [];
    for (const n of ctx.sim.ipv6Neighbors(ctx.id)) {
      const mac = n.mac === undefined ? '00-00-00-00-00-00' : formatMacDashed(n.mac).toLowerCase();
      rows.push([n.addr, mac, `${NEIGHBOR_STATES[n.state]}${n.router ? ' (Router)' : ''}`]);
    }
    const groups = [...SERVICE_GROUPS];
    for (const a of [
      ...(v6.linkLocal !== undefined ? [v6.linkLocal] : []),
      ...v6.addresses.map((x) => x.addr),
    ]) {
      const g = solicitedNodeOf(a);
      if (!groups.includes(g)) groups.push(g);
    }
    for (const g of groups) rows.push([g, formatMacDashed(ipv6MulticastMac(g)).toLowerCase(), 'Permanent']);
    block(NIC_INDEX, CONNECTION, rows);
  }
  if (blocks.length === 0) return ['The filename, directory name, or volume label syntax is incorrect.'];
  return [...blocks, ''];
}

const NEIGHBORS_HEADER = `${'Internet Address'.padEnd(46)}${'Physical Address'.padEnd(19)}Type`;
const NEIGHBORS_RULE = `${'-'.repeat(44)}  ${'-'.repeat(17)}  ${'-'.repeat(11)}`;

/** The parameters each DNS command takes, in the order they may come untagged. */
const DNS_PARAMS: Readonly<Record<string, readonly string[]>> = {
  set: ['name', 'source', 'address', 'register', 'validate'],
  add: ['name', 'address', 'index', 'validate'],
  delete: ['name', 'address', 'validate'],
  show: ['name'],
};

/** The rest of a DNS command line by parameter (`address=X` or X in its place), or undefined if one is unknown. */
function dnsArgs(verb: string, rest: readonly string[]): Map<string, string> | undefined {
  const order = DNS_PARAMS[verb]!;
  const values = new Map<string, string>();
  let next = 0;
  for (const word of rest) {
    const tagged = /^(\w+)=(.*)$/.exec(word);
    // A tag may be abbreviated as the words are (`addr=`).
    const key = tagged === null ? order[next++] : order.find((p) => p.startsWith(tagged[1]!.toLowerCase()));
    if (key === undefined || values.has(key)) return undefined;
    values.set(key, tagged === null ? word : tagged[2]!);
  }
  return values;
}

/**
 * `set dnsservers NAME static ADDRESS|none [register] [validate]`, `... NAME dhcp`, `add
 * dnsservers NAME ADDRESS [index=N]`, `delete dnsservers NAME ADDRESS|all`, `show dnsservers
 * [NAME]`. The servers typed here replace a DHCP lease's. Windows checks a new server with a
 * query and warns when none answers ("The configured DNS server is incorrect or does not
 * exist."); Trame does not, as with `validate=no`.
 */
function dnsServers(ctx: HostDeviceContext, w: readonly string[]): string[] {
  const verb = ['set', 'add', 'delete', 'show'].find((v) => is(w[2], v, v === 'show' ? 2 : 3));
  const args = verb === undefined ? undefined : dnsArgs(verb, w.slice(4));
  if (verb === undefined || args === undefined) return notFound(w);
  const name = args.get('name');
  if (name !== undefined && name.toLowerCase() !== CONNECTION.toLowerCase())
    return ['The filename, directory name, or volume label syntax is incorrect.'];
  if (verb === 'show') return showDns(ctx);
  if (name === undefined) return notFound(w);
  const config = ctx.hostConfig();
  const typed = config.dns ?? [];
  const address = args.get('address');
  const validate = args.get('validate');
  const register = args.get('register');
  if (
    (validate !== undefined && !['yes', 'no'].includes(validate.toLowerCase())) ||
    (register !== undefined && !['none', 'primary', 'both'].includes(register.toLowerCase()))
  )
    return notFound(w);
  const set = (dns: readonly Ipv4Addr[]): string[] => {
    const { dns: _, ...rest }: HostConfig = config;
    ctx.setHostConfig(dns.length === 0 ? rest : { ...rest, dns });
    return [];
  };
  if (verb === 'set') {
    const source = args.get('source');
    if (is(source, 'dhcp', 4) && address === undefined) return set([]);
    if (!is(source, 'static', 3) || address === undefined) return notFound(w);
    if (address.toLowerCase() === 'none') return set([]);
    const server = dnsServer(address);
    return typeof server === 'string' ? [server] : set([server]);
  }
  if (address === undefined) return notFound(w);
  if (verb === 'delete' && address.toLowerCase() === 'all') return set([]);
  const server = dnsServer(address);
  if (typeof server === 'string') return [server];
  if (verb === 'delete') {
    if (!typed.includes(server))
      return [
        "Trame does not simulate netsh's answer to deleting a DNS server the adapter does not have yet.",
      ];
    return set(typed.filter((s) => s !== server));
  }
  // The same rules as the IP Configuration form's, with its explanations.
  if (typed.includes(server)) return [formatError(modelError('error.dnsServerTwice', { server: address }))];
  if (typed.length >= MAX_DNS_SERVERS)
    return [formatError(modelError('error.dnsTooMany', { max: MAX_DNS_SERVERS, count: typed.length + 1 }))];
  const index = args.get('index');
  const at = index === undefined ? typed.length : Number(index) - 1;
  if (!Number.isInteger(at) || at < 0) return ['The parameter is incorrect.'];
  return set([...typed.slice(0, at), server, ...typed.slice(at)]);
}

/** The server `text` names, or what is wrong with it (a unicast address, as the IP Configuration form takes). */
function dnsServer(text: string): Ipv4Addr | string {
  const addr = parseIpv4(text);
  if (addr === undefined) return 'The parameter is incorrect.';
  const checked = checkDnsServer(text);
  return checked.ok ? addr : formatError(checked.error);
}

/**
 * `show dnsservers`, as netsh 10.0 lays it out (its `show config` captures): values from column
 * 42, the servers typed for the adapter as static ones, else its DHCP lease's.
 */
function showDns(ctx: HostDeviceContext): string[] {
  const row = (label: string, value: string) => `    ${label.padEnd(38)}${value}`;
  const list = (label: string, servers: readonly Ipv4Addr[]): string[] =>
    servers.length === 0
      ? [row(label, 'None')]
      : servers.map((s, k) => (k === 0 ? row(label, formatIpv4(s)) : row('', formatIpv4(s))));
  const { dns, dhcp } = ctx.hostConfig();
  const lease = ctx.sim.interfaces(ctx.id)[0]?.dhcp?.lease?.dns ?? [];
  const servers =
    dns !== undefined && dns.length > 0
      ? list('Statically Configured DNS Servers:', dns)
      : dhcp === true
        ? list('DNS servers configured through DHCP:', lease)
        : list('Statically Configured DNS Servers:', []);
  return [
    '',
    `Configuration for interface "${CONNECTION}"`,
    ...servers,
    row('Register with which suffix:', 'Primary only'),
    '',
  ];
}
