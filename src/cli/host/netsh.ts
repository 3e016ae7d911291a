/**
 * The one netsh.exe context CCNA labs use on a PC: `netsh interface ip set address NAME dhcp`
 * and `... NAME static IP MASK [GATEWAY]`, which set the adapter as the IP Configuration form
 * does, and its DNS servers: `set dnsservers`, `add dnsservers`, `delete dnsservers`, `show
 * dnsservers` (`dns` for short). netsh takes its words in any case, abbreviated, and `ipv4` for
 * `ip`; the adapter's name may be quoted or given as `name=`.
 */
import { checkDnsServer, MAX_DNS_SERVERS } from '../../model/dns-fields.ts';
import { formatError, modelError } from '../../model/errors.ts';
import { type HostConfig, withAddressing } from '../../shared/config.ts';
import { formatIpv4, type Ipv4Addr, parseIpv4 } from '../../shared/ipv4.ts';
import type { HostDeviceContext } from '../context.ts';
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
