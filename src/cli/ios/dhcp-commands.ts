/**
 * The IOS DHCP server and relay agent in the command line: `ip dhcp excluded-address`, `ip
 * dhcp pool` and its (dhcp-config) mode, `service dhcp`, `ip helper-address` on interfaces,
 * `show ip dhcp binding|pool|conflict|server statistics` and `clear ip dhcp
 * binding|conflict|server statistics`.
 */
import type { DeviceConfig, InterfaceConfig } from '../../shared/config.ts';
import { DEFAULT_LEASE, type DhcpPool, INFINITE_LEASE } from '../../shared/dhcp.ts';
import { type Ipv4Addr, lenFromMask, networkOf, parseIpv4 } from '../../shared/ipv4.ts';
import type { Micros } from '../../shared/time.ts';
import type { IosDeviceContext } from '../context.ts';
import { IPV4, LINE, range, WORD } from '../parser/args.ts';
import type { Args, MatchResult } from '../parser/tree.ts';
import { modeCommands, type TreeOptions } from './common.ts';
import { without } from './config-edit.ts';
import { showBindings, showConflicts, showDhcpLease, showPool, showServerStatistics } from './dhcp-format.ts';
import { arg, type IosArgType, type IosNode, kw, run } from './dsl.ts';
import type { IosEnv } from './env.ts';
import { interfaceArg } from './interface-arg.ts';

const dhcpHelp = 'Configure DHCP server and relay parameters';
const excludedHelp = 'Prevent DHCP from assigning certain addresses';
const poolHelp = 'Configure DHCP address pools';
const helperHelp = 'Specify a destination address for UDP broadcasts';
const serverHelp = 'Miscellaneous DHCP server information';
/** Not confirmed by a capture. */
const statisticsHelp = 'DHCP server statistics';
/** `default-router` and `dns-server` take up to eight addresses. */
const MAX_SERVERS = 8;

const poolsOf = (c: DeviceConfig): readonly DhcpPool[] => c.dhcpPools ?? [];

function putPool(env: IosEnv, name: string, pool: DhcpPool | undefined): void {
  const c = env.config();
  const pools = poolsOf(c);
  const at = pools.findIndex((p) => p.name === name);
  const next = [...pools];
  if (pool === undefined) next.splice(at, at < 0 ? 0 : 1);
  else if (at < 0) next.push(pool);
  else next[at] = pool;
  env.setConfig(next.length === 0 ? without(c, 'dhcpPools') : { ...c, dhcpPools: next });
}

const currentPool = (env: IosEnv): DhcpPool => {
  const name = env.modes.context().pool!;
  return poolsOf(env.config()).find((p) => p.name === name) ?? { name };
};

function editPool(env: IosEnv, fn: (p: DhcpPool) => DhcpPool): void {
  const pool = currentPool(env);
  putPool(env, pool.name, fn(pool));
}

// ---- global ----------------------------------------------------------------------------

function exclude(env: IosEnv, a: Args, add: boolean): void {
  const low = a.need<Ipv4Addr>('low');
  const high = a.value<Ipv4Addr>('high') ?? low;
  if (high < low) {
    env.error('% Invalid address range');
    return;
  }
  const c = env.config();
  const rest = (c.dhcpExcluded ?? []).filter((r) => r.low !== low || r.high !== high);
  const all = add ? [...rest, { low, high }] : rest;
  env.setConfig(all.length === 0 ? without(c, 'dhcpExcluded') : { ...c, dhcpExcluded: all });
}

/** `ip dhcp ...` under global `ip` (`no`: removes). */
export function ipDhcpNode(no: boolean): IosNode {
  return kw(
    'dhcp',
    dhcpHelp,
    kw(
      'excluded-address',
      excludedHelp,
      arg(
        'low',
        IPV4,
        'Low IP address',
        run((env, a) => exclude(env, a, !no)),
        arg(
          'high',
          IPV4,
          'High IP address',
          run((env, a) => exclude(env, a, !no)),
        ),
      ),
    ),
    kw(
      'pool',
      poolHelp,
      arg(
        'name',
        WORD,
        'Pool name',
        run((env, a) => {
          const name = a.need<string>('name');
          if (no) {
            putPool(env, name, undefined);
            return;
          }
          if (!poolsOf(env.config()).some((p) => p.name === name)) putPool(env, name, { name });
          env.modes.send({ type: 'dhcp', pool: name });
        }),
      ),
    ),
  );
}

/** `service dhcp` (`no`: neither server nor relay runs). */
export const serviceDhcpNode = (no: boolean): IosNode =>
  kw(
    'dhcp',
    'Enable DHCP server and relay agent',
    run((env) =>
      env.setConfig(no ? { ...env.config(), serviceDhcp: false } : without(env.config(), 'serviceDhcp')),
    ),
  );

// ---- (dhcp-config) -----------------------------------------------------------------------

/** A network's classful mask length (A /8, B /16, C /24), IOS's when `network` names none. */
function classfulLength(net: number): number | undefined {
  const first = net >>> 24;
  return first < 128 ? 8 : first < 192 ? 16 : first < 224 ? 24 : undefined;
}

/** A network mask, or a prefix length written "/nn". */
const MASK: IosArgType = {
  help: () => [{ word: '/nn or A.B.C.D', help: 'Network mask or prefix length' }],
  match: (t, i): MatchResult => {
    const text = t[i]!.text;
    const slash = /^\/(\d{1,2})$/.exec(text);
    const len = slash
      ? Number(slash[1])
      : (() => {
          const mask = parseIpv4(text);
          return mask === undefined ? undefined : lenFromMask(mask);
        })();
    // A pool of the whole address space is refused (not seen on IOS).
    return len === undefined || len === 0 || len > 32
      ? { kind: 'none' }
      : { kind: 'match', consumed: 1, value: len };
  },
};

/** Up to MAX_SERVERS addresses, each optional after the first. */
function addresses(help: string, set: (env: IosEnv, list: Ipv4Addr[]) => void, k = 1): IosNode {
  const handler = run((env, a) => {
    const list: Ipv4Addr[] = [];
    for (let n = 1; n <= MAX_SERVERS; n++) {
      const v = a.value<Ipv4Addr>(`a${n}`);
      if (v !== undefined) list.push(v);
    }
    set(env, list);
  });
  const next = k < MAX_SERVERS ? [addresses(help, set, k + 1)] : [];
  return arg(`a${k}`, IPV4, help, handler, ...next);
}

function setLease(env: IosEnv, a: Args): void {
  const seconds = a.has('infinite')
    ? INFINITE_LEASE
    : a.need<number>('days') * 86_400 +
      (a.value<number>('hours') ?? 0) * 3600 +
      (a.value<number>('minutes') ?? 0) * 60;
  if (seconds === 0) {
    // A lease of no time at all is refused (the text is not confirmed by a capture).
    env.error('% A lease time of zero is not allowed');
    return;
  }
  editPool(env, (p) => (seconds === DEFAULT_LEASE ? without(p, 'lease') : { ...p, lease: seconds }));
}

/** The tree of (dhcp-config). */
export function dhcpModeTree(opts: TreeOptions): IosNode {
  const network = run((env, a) => {
    const net = a.need<Ipv4Addr>('net');
    const len = a.value<number>('mask') ?? classfulLength(net);
    if (len === undefined) {
      env.error('% Invalid network number');
      return;
    }
    editPool(env, (p) => ({ ...p, network: { addr: networkOf(net, len), len } }));
  });
  const lease = kw(
    'lease',
    'Address lease time',
    kw('infinite', 'Infinite lease', run(setLease)),
    arg(
      'days',
      range(0, 365),
      'Days',
      run(setLease),
      arg(
        'hours',
        range(0, 23),
        'Hours',
        run(setLease),
        arg('minutes', range(0, 59), 'Minutes', run(setLease)),
      ),
    ),
  );
  // `no X ...`: whatever follows the keyword, the setting goes, as a line typed back with
  // `no` in front reads.
  const clear = (word: string, help: string, key: keyof DhcpPool) => {
    const handler = run((env) => editPool(env, (p) => without(p, key)));
    return kw(word, help, handler, arg('rest', LINE, '', handler));
  };
  return kw(
    '',
    '',
    kw(
      'default-router',
      'Default routers',
      addresses("Router's IP address", (env, list) => editPool(env, (p) => ({ ...p, defaultRouters: list }))),
    ),
    kw(
      'dns-server',
      'DNS servers',
      addresses("Server's IP address", (env, list) => editPool(env, (p) => ({ ...p, dnsServers: list }))),
    ),
    kw(
      'domain-name',
      'Domain name',
      arg(
        'domain',
        WORD,
        'Domain name',
        run((env, a) => editPool(env, (p) => ({ ...p, domainName: a.need<string>('domain') }))),
      ),
    ),
    lease,
    kw(
      'network',
      'Network number and mask',
      arg('net', IPV4, 'Network number in dotted-decimal notation', network, arg('mask', MASK, '', network)),
    ),
    kw(
      'no',
      'Negate a command or set its defaults',
      clear('default-router', 'Default routers', 'defaultRouters'),
      clear('dns-server', 'DNS servers', 'dnsServers'),
      clear('domain-name', 'Domain name', 'domainName'),
      clear('lease', 'Address lease time', 'lease'),
      clear('network', 'Network number and mask', 'network'),
    ),
    ...modeCommands('Exit from DHCP pool configuration mode', opts),
  );
}

export const DHCP_HELP_HEADER = 'DHCP pool configuration commands:';

// ---- interfaces --------------------------------------------------------------------------

type Edit = (env: IosEnv, fn: (i: InterfaceConfig) => InterfaceConfig) => void;

/** `ip helper-address A` (`no`: that address, or every one). */
export function helperAddressNode(no: boolean, edit: Edit): IosNode {
  const add = run((env, a) => {
    const helper = a.need<Ipv4Addr>('helper');
    edit(env, (i) => {
      const list = i.helperAddresses ?? [];
      return list.includes(helper) ? i : { ...i, helperAddresses: [...list, helper] };
    });
  });
  const remove = run((env, a) => {
    const helper = a.value<Ipv4Addr>('helper');
    edit(env, (i) => {
      const list = helper === undefined ? [] : (i.helperAddresses ?? []).filter((h) => h !== helper);
      return list.length === 0 ? without(i, 'helperAddresses') : { ...i, helperAddresses: list };
    });
  });
  return kw(
    'helper-address',
    helperHelp,
    ...(no ? [remove] : []),
    arg('helper', IPV4, 'IP destination address', no ? remove : add),
  );
}

// ---- show, clear -------------------------------------------------------------------------

/** `show ip dhcp binding|conflict|pool|server statistics` under `show ip`. */
export function showDhcpNode(): IosNode {
  const stamp = (env: IosEnv) => (t: Micros) => env.runtime!.clock.leaseStamp(t);
  const bindings = (env: IosEnv, a: Args) => {
    const dev = env.device;
    if (dev === undefined || env.runtime === undefined) return;
    const only = a.value<Ipv4Addr>('ip');
    const all = dev.sim.dhcpBindings(dev.id);
    env.print(...showBindings(only === undefined ? all : all.filter((b) => b.ip === only), stamp(env)));
  };
  const pools = (env: IosEnv, a: Args) => {
    const dev = env.device;
    if (dev === undefined) return;
    const name = a.value<string>('name');
    for (const p of dev.sim.dhcpPools(dev.id))
      if (name === undefined || p.name === name) env.print(...showPool(p));
  };
  const conflicts = (env: IosEnv) => {
    const dev = env.device;
    if (dev !== undefined && env.runtime !== undefined)
      env.print(...showConflicts(dev.sim.dhcpConflicts(dev.id), stamp(env)));
  };
  return kw(
    'dhcp',
    'Show items in the DHCP database',
    kw(
      'binding',
      'DHCP address bindings',
      run(bindings),
      arg('ip', IPV4, 'IP address of the binding', run(bindings)),
    ),
    kw('conflict', 'DHCP address conflicts', run(conflicts)),
    kw('pool', 'DHCP pools information', run(pools), arg('name', WORD, 'Pool name', run(pools))),
    serverStatisticsNode((env, dev) =>
      env.print(...showServerStatistics(dev.sim.dhcpServerStatistics(dev.id))),
    ),
  );
}

/** `server statistics`, which `show ip dhcp` and `clear ip dhcp` both take. */
const serverStatisticsNode = (f: (env: IosEnv, dev: IosDeviceContext) => void): IosNode =>
  kw(
    'server',
    serverHelp,
    kw(
      'statistics',
      statisticsHelp,
      run((env) => {
        if (env.device !== undefined) f(env, env.device);
      }),
    ),
  );

/** `clear ip dhcp binding|conflict *|A.B.C.D` and `clear ip dhcp server statistics` under `clear ip`. */
export function clearDhcpNode(): IosNode {
  const clear = (table: 'binding' | 'conflict') => (env: IosEnv, a: Args) => {
    const dev = env.device;
    if (dev === undefined) return;
    dev.sim.clearDhcp(dev.id, table, a.value<Ipv4Addr>('ip'));
  };
  const target = (table: 'binding' | 'conflict', all: string, one: string) => [
    kw('*', all, run(clear(table))),
    arg('ip', IPV4, one, run(clear(table))),
  ];
  return kw(
    'dhcp',
    'Delete items from the DHCP database',
    kw(
      'binding',
      'DHCP address bindings',
      ...target('binding', 'Clear all automatic bindings', 'Clear a specific binding'),
    ),
    kw(
      'conflict',
      'DHCP address conflicts',
      ...target('conflict', 'Clear all conflicts', 'Clear a specific conflict'),
    ),
    serverStatisticsNode((_env, dev) => dev.sim.clearDhcp(dev.id, 'statistics')),
  );
}

/** `show dhcp lease`: the leases of interfaces set to `ip address dhcp`. */
export const showDhcpLeaseNode = (): IosNode =>
  kw(
    'dhcp',
    'Dynamic Host Configuration Protocol status',
    kw(
      'lease',
      'DHCP Addresses leased by this router',
      run((env) => {
        const dev = env.device;
        if (dev !== undefined) env.print(...showDhcpLease(dev.sim.dhcpClientLeases(dev.id), dev.sim.now()));
      }),
    ),
  );

/** `renew dhcp IF` and `release dhcp IF`: an interface set to `ip address dhcp` asks again, or gives its lease back. */
export function leaseActionNode(action: 'renew' | 'release'): IosNode {
  const help = action === 'renew' ? 'Renew a lease' : 'Release a resource';
  return kw(
    action,
    help,
    kw(
      'dhcp',
      action === 'renew' ? 'Renew a DHCP lease' : 'Release a DHCP lease',
      arg(
        'interface',
        interfaceArg(),
        '',
        run((env, a) => {
          const dev = env.device;
          if (dev === undefined) return;
          const name = a.need<string>('interface');
          if (action === 'renew') dev.sim.dhcpRenew(dev.id, name);
          else dev.sim.dhcpRelease(dev.id, name);
        }),
      ),
    ),
  );
}
