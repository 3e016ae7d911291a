/**
 * Network address translation in the IOS command line: `ip nat pool`, `ip nat inside source
 * list|static`, `ip nat translation ...-timeout`, `ip nat inside|outside` on interfaces, `show
 * ip nat translations|statistics`, `clear ip nat translation *|statistics`.
 */

import type { NatMappingStatus } from '../../engine/api.ts';
import type { DeviceConfig, InterfaceConfig } from '../../shared/config.ts';
import { formatIpv4, type Ipv4Addr, lenFromMask, maskFromLen, networkOf } from '../../shared/ipv4.ts';
import {
  NAT_NEVER,
  NAT_TIMEOUT_WORDS,
  NAT_TIMEOUTS,
  type NatConfig,
  type NatDynamic,
  type NatPool,
  type NatStatic,
  type NatTimeouts,
} from '../../shared/nat.ts';
import { IPV4, range, WORD } from '../parser/args.ts';
import type { Args, MatchResult } from '../parser/tree.ts';
import { without } from './config-edit.ts';
import { arg, type IosArgType, type IosNode, kw, run } from './dsl.ts';
import type { IosEnv } from './env.ts';
import { interfaceArg } from './interface-arg.ts';
import { showNatStatistics, showNatTranslations } from './nat-format.ts';

const natHelp = 'NAT configuration commands';
const insideHelp = 'Inside address translation';
const sourceHelp = 'Source address translation';
const poolHelp = 'Define pool of addresses';
const listHelp = 'Specify access list describing local addresses';
const staticHelp = 'Specify static local->global mapping';
const overloadHelp = 'Overload an address translation';
const extendableHelp = 'Extend this translation when used';
const interfaceHelp = 'Specify interface for global address';
const translationHelp = 'NAT translation entry configuration';

type Edit = (n: NatConfig) => NatConfig;

/** Applies `fn` to the router's NAT configuration, dropping what it leaves empty. */
function editNat(env: IosEnv, fn: Edit): void {
  const c = env.config();
  let n = fn(c.nat ?? {});
  for (const k of ['pools', 'statics', 'dynamics'] as const) if (n[k]?.length === 0) n = without(n, k);
  if (n.timeouts !== undefined && Object.keys(n.timeouts).length === 0) n = without(n, 'timeouts');
  env.setConfig(Object.keys(n).length === 0 ? without(c, 'nat') : { ...c, nat: n });
}

/** An access list by number (1-2699) or name, as NAT takes it. */
const NAT_LIST: IosArgType = {
  help: () => [
    { word: '<1-2699>', help: 'Access list number for local addresses' },
    { word: 'WORD', help: 'Access list name for local addresses' },
  ],
  match: (t, i): MatchResult => {
    const text = t[i]!.text;
    if (!/^\d+$/.test(text)) return { kind: 'match', consumed: 1, value: text };
    const n = Number(text);
    return n < 1 || n > 2699 ? { kind: 'none' } : { kind: 'match', consumed: 1, value: String(n) };
  },
};

// ---- ip nat pool ---------------------------------------------------------------------------

/** The longest netmask whose subnet holds both `start` and `end`. */
function coveringLen(start: number, end: number): number {
  let len = 32;
  while (len > 0 && networkOf(start as Ipv4Addr, len) !== networkOf(end as Ipv4Addr, len)) len--;
  return len;
}

function setPool(env: IosEnv, a: Args): void {
  const name = a.need<string>('name');
  const start = a.need<Ipv4Addr>('start');
  const end = a.need<Ipv4Addr>('end');
  const mask = a.value<Ipv4Addr>('mask');
  const len = mask !== undefined ? lenFromMask(mask) : a.need<number>('len');
  if (len === undefined) {
    env.error('%Invalid netmask');
    return;
  }
  if (end < start) {
    env.error('%End address less than start address');
    return;
  }
  if (networkOf(start, len) !== networkOf(end, len)) {
    const fits = coveringLen(start, end);
    env.error(
      mask !== undefined
        ? `%Pool ${name} mask ${formatIpv4(mask)} too small; should be at least ${formatIpv4(maskFromLen(fits))}`
        : `%Pool ${name} prefix length ${len} too large; should be no more than ${fits}`,
      '%Start and end addresses on different subnets',
    );
    return;
  }
  const pools = env.config().nat?.pools ?? [];
  const before = pools.find((p) => p.name === name);
  const changed =
    before !== undefined && (before.start !== start || before.end !== end || before.len !== len);
  if (changed && inUse(env, (m) => m.pool === name)) {
    env.error(`%Pool ${name} in use, cannot redefine`);
    return;
  }
  const pool: NatPool = {
    name,
    start,
    end,
    len,
    ...(mask === undefined ? { prefixLength: true as const } : {}),
  };
  editNat(env, (n) => ({
    ...n,
    pools: before === undefined ? [...pools, pool] : pools.map((p) => (p.name === name ? pool : p)),
  }));
}

/** Whether a dynamic mapping that `which` picks has translations (IOS refuses some changes then). */
function inUse(env: IosEnv, which: (m: NatMappingStatus) => boolean): boolean {
  const dev = env.device;
  const stats = dev === undefined ? undefined : dev.sim.natStatistics(dev.id);
  return stats?.mappings.some((m) => which(m) && m.refcount > 0) ?? false;
}

/**
 * IOS's question before removing what translations depend on: "yes" goes on with `remove`
 * (the translations go with it), anything else prints `refusal`.
 */
function askFirst(env: IosEnv, question: string, refusal: string, remove: (e: IosEnv) => void): void {
  env.ask({
    prompt: `${question} [no]: `,
    answer(e, text) {
      if (/^y(es?)?$/i.test(text.trim())) remove(e);
      else e.error(refusal);
    },
  });
}

function poolNode(no: boolean): IosNode {
  const remove = run((env, a) => {
    const name = a.need<string>('name');
    const nat = env.config().nat;
    if (!(nat?.pools ?? []).some((p) => p.name === name)) {
      env.error(`%Pool ${name} not found`);
      return;
    }
    if (inUse(env, (m) => m.pool === name)) {
      env.error(`%Pool ${name} in use, cannot destroy`);
      return;
    }
    editNat(env, (n) => ({ ...n, pools: (n.pools ?? []).filter((p) => p.name !== name) }));
  });
  const masks = (h: ReturnType<typeof run>) => [
    kw('netmask', 'Specify the network mask', arg('mask', IPV4, 'Network mask', h)),
    kw('prefix-length', 'Specify the prefix length', arg('len', range(1, 32), 'Prefix length', h)),
  ];
  const h = no ? remove : run(setPool);
  return kw(
    'pool',
    poolHelp,
    arg(
      'name',
      WORD,
      'Pool name',
      ...(no ? [remove, ...masks(h)] : []),
      arg('start', IPV4, 'Start IP address', arg('end', IPV4, 'End IP address', ...masks(h))),
    ),
  );
}

// ---- ip nat inside source ------------------------------------------------------------------

function setDynamic(env: IosEnv, a: Args, no: boolean): void {
  const rule: NatDynamic = {
    acl: a.need<string>('list'),
    ...(a.value<string>('pool') !== undefined ? { pool: a.need<string>('pool') } : {}),
    ...(a.value<string>('iface') !== undefined ? { interface: a.need<string>('iface') } : {}),
    ...(a.has('overload') ? { overload: true as const } : {}),
  };
  const dynamics = env.config().nat?.dynamics ?? [];
  if (no) {
    const at = dynamics.findIndex((d) => d.acl === rule.acl);
    if (at < 0) {
      env.error('%Dynamic mapping not found');
      return;
    }
    const remove = (e: IosEnv) =>
      editNat(e, (n) => ({ ...n, dynamics: dynamics.filter((_, i) => i !== at) }));
    if (inUse(env, (m) => m.acl === rule.acl)) {
      // IOL and IOS 15 captures: a blank line before the question.
      env.print('');
      askFirst(
        env,
        'Dynamic mapping in use, do you want to delete all entries?',
        '%Dynamic mapping in use, cannot remove',
        remove,
      );
    } else remove(env);
    return;
  }
  // One mapping per list: typing it again replaces it, unless translations use it.
  const at = dynamics.findIndex((d) => d.acl === rule.acl);
  const before = dynamics[at];
  if (before !== undefined && sameDynamic(before, rule)) return;
  if (before !== undefined && inUse(env, (m) => m.acl === rule.acl)) {
    env.error('%Dynamic mapping in use, cannot change');
    return;
  }
  editNat(env, (n) => ({
    ...n,
    dynamics: at < 0 ? [...dynamics, rule].sort(byList) : dynamics.map((d, i) => (i === at ? rule : d)),
  }));
}

const sameDynamic = (x: NatDynamic, y: NatDynamic): boolean =>
  x.pool === y.pool && x.interface === y.interface && x.overload === y.overload;

const sameStatic = (x: NatStatic, y: NatStatic): boolean =>
  x.protocol === y.protocol && x.local === y.local && x.localPort === y.localPort;

function setStatic(env: IosEnv, a: Args, no: boolean): void {
  const proto = a.has('tcp') ? 6 : a.has('udp') ? 17 : undefined;
  const rule: NatStatic = {
    ...(proto !== undefined ? { protocol: proto } : {}),
    local: a.need<Ipv4Addr>('local'),
    ...(proto !== undefined ? { localPort: a.need<number>('lport') } : {}),
    ...(a.value<Ipv4Addr>('global') !== undefined ? { global: a.need<Ipv4Addr>('global') } : {}),
    ...(a.value<string>('iface') !== undefined ? { globalInterface: a.need<string>('iface') } : {}),
    ...(proto !== undefined ? { globalPort: a.need<number>('gport') } : {}),
    // IOS marks every port translation extendable.
    ...(a.has('extendable') || proto !== undefined ? { extendable: true as const } : {}),
  };
  const statics = env.config().nat?.statics ?? [];
  if (no) {
    const kept = statics.filter((s) => !(sameStatic(s, rule) && s.global === rule.global));
    if (kept.length === statics.length) {
      env.error('%Translation not found');
      return;
    }
    const remove = (e: IosEnv) => editNat(e, (n) => ({ ...n, statics: kept }));
    const dev = env.device;
    const riding = (dev === undefined ? [] : dev.sim.natTranslations(dev.id)).some(
      (t) =>
        t.static &&
        t.flows > 0 &&
        t.insideLocal === rule.local &&
        t.insideLocalPort === (rule.localPort ?? -1),
    );
    // The refusal's text is not confirmed by a capture of IOS 15.
    if (riding)
      askFirst(
        env,
        'Static entry in use, do you want to delete child entries?',
        '%Static entry in use, cannot remove',
        remove,
      );
    else remove(env);
    return;
  }
  const same = statics.find((s) => sameStatic(s, rule));
  if (same !== undefined && JSON.stringify(same) === JSON.stringify(rule)) return;
  // A local address takes a second translation only when both are extendable (port
  // translations always are).
  const local = same ?? statics.find((s) => s.local === rule.local && (!s.extendable || !rule.extendable));
  if (local !== undefined) {
    env.error(
      `% ${formatIpv4(rule.local)} already mapped (${formatIpv4(rule.local)} -> ${globalText(local)})`,
    );
    return;
  }
  // A global address or interface is taken whole, or port by port.
  const clash = statics.find(
    (s) =>
      globalText(s) === globalText(rule) &&
      (s.protocol === undefined ||
        rule.protocol === undefined ||
        (s.protocol === rule.protocol && s.globalPort === rule.globalPort)),
  );
  if (clash !== undefined) {
    env.error(`% ${globalText(rule)} already mapped (${formatIpv4(clash.local)} -> ${globalText(rule)})`);
    return;
  }
  editNat(env, (n) => ({ ...n, statics: [...statics, rule] }));
}

const globalText = (s: NatStatic): string =>
  s.global !== undefined ? formatIpv4(s.global) : s.globalInterface!;

function sourceNode(no: boolean): IosNode {
  const dynamic = run((env, a) => setDynamic(env, a, no));
  const fixed = run((env, a) => setStatic(env, a, no));
  const extendable = kw('extendable', extendableHelp, fixed);
  const withPorts = (word: string, help: string) =>
    kw(
      word,
      help,
      arg(
        'local',
        IPV4,
        'Inside local IP address',
        arg(
          'lport',
          range(1, 65535),
          'Local UDP/TCP port',
          arg(
            'global',
            IPV4,
            'Inside global IP address',
            arg('gport', range(1, 65535), 'Global UDP/TCP port', fixed, extendable),
          ),
          kw(
            'interface',
            interfaceHelp,
            arg(
              'iface',
              interfaceArg(),
              '',
              arg('gport', range(1, 65535), 'Global UDP/TCP port', fixed, extendable),
            ),
          ),
        ),
      ),
    );
  return kw(
    'source',
    sourceHelp,
    kw(
      'list',
      listHelp,
      arg(
        'list',
        NAT_LIST,
        '',
        ...(no ? [dynamic] : []),
        kw(
          'pool',
          'Name pool of global addresses',
          arg('pool', WORD, 'Pool name for global addresses', dynamic, kw('overload', overloadHelp, dynamic)),
        ),
        kw(
          'interface',
          interfaceHelp,
          arg('iface', interfaceArg(), '', dynamic, kw('overload', overloadHelp, dynamic)),
        ),
      ),
    ),
    kw(
      'static',
      staticHelp,
      arg(
        'local',
        IPV4,
        'Inside local IP address',
        arg('global', IPV4, 'Inside global IP address', fixed, extendable),
        kw('interface', interfaceHelp, arg('iface', interfaceArg(), '', fixed, extendable)),
      ),
      withPorts('tcp', 'Transmission Control Protocol'),
      withPorts('udp', 'User Datagram Protocol'),
    ),
  );
}

// ---- ip nat translation ------------------------------------------------------------------

/** Sets a timeout (undefined or IOS's default: the default, which running-config leaves out). */
function setNatTimeout(env: IosEnv, key: keyof NatTimeouts, value: number | undefined): void {
  const fallback = value === undefined || value === NAT_TIMEOUTS[key];
  editNat(env, (n) => ({
    ...n,
    timeouts: fallback ? without(n.timeouts ?? {}, key) : { ...n.timeouts, [key]: value },
  }));
}

const TIMEOUT_HELP: Readonly<Record<keyof NatTimeouts, string>> = {
  timeout: 'Specify timeout for dynamic NAT translations',
  icmp: 'Specify timeout for NAT ICMP flows',
  udp: 'Specify timeout for NAT UDP flows',
  tcp: 'Specify timeout for NAT TCP flows',
  finrst: 'Specify timeout for NAT TCP flows after a FIN or RST',
  syn: 'Specify timeout for NAT TCP flows after a SYN and no further data',
};

/** `ip nat translation timeout|icmp-timeout|... SECONDS|never` (`no`: IOS's default again). */
function translationNode(no: boolean): IosNode {
  const keys = Object.keys(NAT_TIMEOUT_WORDS) as (keyof NatTimeouts)[];
  return kw(
    'translation',
    translationHelp,
    ...keys.map((key) => {
      // 0 is `never`, as IOS takes it.
      const value = (a: Args) =>
        no
          ? undefined
          : a.has('never') || a.need<number>('seconds') === 0
            ? NAT_NEVER
            : a.need<number>('seconds');
      const h = run((env, a) => setNatTimeout(env, key, value(a)));
      return kw(
        NAT_TIMEOUT_WORDS[key],
        TIMEOUT_HELP[key],
        ...(no ? [h] : []),
        arg('seconds', range(0, 2147483), 'Timeout in seconds', h),
        kw('never', 'Never timeout', h),
      );
    }),
  );
}

/** `ip nat ...` in global configuration (`no`: removes). */
export function ipNatNode(no: boolean): IosNode {
  return kw('nat', natHelp, poolNode(no), kw('inside', insideHelp, sourceNode(no)), translationNode(no));
}

// ---- interfaces --------------------------------------------------------------------------

type EditInterface = (env: IosEnv, fn: (i: InterfaceConfig) => InterfaceConfig) => void;

/**
 * `ip nat inside|outside` in an interface (`no`: the interface takes no side). IOS 15 turns on
 * `ip virtual-reassembly in` with it, and brings up its NAT virtual interface with the first.
 */
export function natSideNode(no: boolean, edit: EditInterface): IosNode {
  const side = (word: 'inside' | 'outside', help: string) =>
    kw(
      word,
      help,
      run((env) => {
        const first = !Object.values(env.config().interfaces).some((i) => i.nat !== undefined);
        edit(env, (i) =>
          reassemblyDefault(no ? (i.nat === word ? without(i, 'nat') : i) : { ...i, nat: word }),
        );
        if (!no && first && env.device !== undefined)
          env.log('%LINEPROTO-5-UPDOWN: Line protocol on Interface NVI0, changed state to up');
      }),
    );
  return kw(
    'nat',
    'NAT interface commands',
    side('inside', 'Inside interface for address translation'),
    side('outside', 'Outside interface for address translation'),
  );
}

/** `i` without a virtual reassembly setting that says what the default does. */
function reassemblyDefault(i: InterfaceConfig): InterfaceConfig {
  return i.virtualReassembly === (i.nat !== undefined) ? without(i, 'virtualReassembly') : i;
}

/** `ip virtual-reassembly [in]` in an interface (`no`: off). */
export function virtualReassemblyNode(no: boolean, edit: EditInterface): IosNode {
  const set = run((env) => edit(env, (i) => reassemblyDefault({ ...i, virtualReassembly: !no })));
  return kw(
    'virtual-reassembly',
    'Virtual Reassembly',
    set,
    kw('in', 'Enable Virtual Fragment Reassembly on input', set),
  );
}

// ---- show, clear ---------------------------------------------------------------------------

/** `show ip nat translations [verbose]|statistics` under `show ip`. */
export function showNatNode(): IosNode {
  const translations = (env: IosEnv, a: Args) => {
    const dev = env.device;
    if (dev === undefined || env.runtime === undefined) return;
    env.print(...showNatTranslations(dev.sim.natTranslations(dev.id), a.has('verbose'), dev.sim.now()));
  };
  const statistics = (env: IosEnv) => {
    const dev = env.device;
    const stats = dev?.sim.natStatistics(dev.id);
    if (dev === undefined || stats === undefined) return;
    env.print(...showNatStatistics(stats, env.config(), dev.sim.now()));
  };
  return kw(
    'nat',
    'IP NAT information',
    kw('statistics', 'Translation statistics', run(statistics)),
    kw(
      'translations',
      'Translation entries',
      run(translations),
      kw('verbose', 'Show extra information', run(translations)),
    ),
  );
}

/** `clear ip nat translation *` and `clear ip nat statistics` under `clear ip`. */
export function clearNatNode(): IosNode {
  const clear = (what: 'translations' | 'statistics') =>
    run((env) => {
      const dev = env.device;
      if (dev !== undefined) dev.sim.clearNat(dev.id, what);
    });
  return kw(
    'nat',
    'Clear NAT',
    kw('statistics', 'Clear translation statistics', clear('statistics')),
    kw(
      'translation',
      'Clear dynamic translation',
      kw('*', 'Delete all dynamic translations', clear('translations')),
    ),
  );
}

/** Numbered lists by number, then named ones by name, as IOS lists its mappings. */
function byList(a: NatDynamic, b: NatDynamic): number {
  const na = /^\d+$/.test(a.acl);
  const nb = /^\d+$/.test(b.acl);
  if (na !== nb) return na ? -1 : 1;
  return na ? Number(a.acl) - Number(b.acl) : a.acl < b.acl ? -1 : a.acl > b.acl ? 1 : 0;
}

/** The router's `ip nat` lines of running-config, in IOS's order. */
export function natConfigLines(c: DeviceConfig): string[] {
  const n = c.nat;
  if (n === undefined) return [];
  const out: string[] = [];
  for (const key of Object.keys(NAT_TIMEOUT_WORDS) as (keyof NatTimeouts)[]) {
    const v = n.timeouts?.[key];
    if (v !== undefined)
      out.push(`ip nat translation ${NAT_TIMEOUT_WORDS[key]} ${v === NAT_NEVER ? 'never' : v}`);
  }
  for (const p of n.pools ?? [])
    out.push(
      `ip nat pool ${p.name} ${formatIpv4(p.start)} ${formatIpv4(p.end)} ${
        p.prefixLength ? `prefix-length ${p.len}` : `netmask ${formatIpv4(maskFromLen(p.len))}`
      }`,
    );
  for (const d of n.dynamics ?? []) {
    const target = d.pool !== undefined ? `pool ${d.pool}` : `interface ${d.interface}`;
    out.push(`ip nat inside source list ${d.acl} ${target}${d.overload ? ' overload' : ''}`);
  }
  for (const s of n.statics ?? []) {
    const proto = s.protocol === 6 ? 'tcp ' : s.protocol === 17 ? 'udp ' : '';
    const local = `${formatIpv4(s.local)}${s.localPort !== undefined ? ` ${s.localPort}` : ''}`;
    const global = s.global !== undefined ? formatIpv4(s.global) : `interface ${s.globalInterface}`;
    const gport = s.globalPort !== undefined ? ` ${s.globalPort}` : '';
    out.push(
      `ip nat inside source static ${proto}${local} ${global}${gport}${s.extendable ? ' extendable' : ''}`,
    );
  }
  return out;
}
