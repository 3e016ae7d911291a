/**
 * OSPFv2 in the IOS command line: `router ospf N` and its (config-router) mode (network,
 * router-id, passive-interface, auto-cost, default-information originate,
 * log-adjacency-changes), the interface commands `ip ospf ...`, `show ip ospf ...`, `clear ip
 * ospf [N] process`, running-config lines and %OSPF-5-ADJCHG. Messages and layouts as IOS 15
 * prints them (see ospf-format.ts).
 */
import type { OspfEvent, OspfProcessStatus } from '../../engine/api.ts';
import type { DeviceConfig, InterfaceConfig } from '../../shared/config.ts';
import { formatIpv4, type Ipv4Addr, parseIpv4 } from '../../shared/ipv4.ts';
import {
  formatOspfArea,
  type InterfaceOspfConfig,
  OSPF_HELLO,
  OSPF_PRIORITY,
  OSPF_REFERENCE_BANDWIDTH,
  type OspfArea,
  type OspfDefaultOriginate,
  type OspfNetwork,
  type OspfProcessConfig,
} from '../../shared/ospf.ts';
import { compareInterfaceNames } from '../../shared/ports.ts';
import type { IosDeviceContext } from '../context.ts';
import { IPV4, LINE, range } from '../parser/args.ts';
import type { Args, MatchResult } from '../parser/tree.ts';
import { modeCommands, type TreeOptions } from './common.ts';
import { without } from './config-edit.ts';
import { arg, type IosArgType, type IosNode, kw, run } from './dsl.ts';
import type { IosEnv } from './env.ts';
import { MessageLog } from './event-feed.ts';
import { interfaceArg } from './interface-arg.ts';
import {
  areaChangeText,
  type LineState,
  ospfText,
  showIpOspf,
  showIpOspfDatabase,
  showIpOspfInterface,
  showIpOspfInterfaceBrief,
  showIpOspfNeighbor,
  showIpOspfNeighborDetail,
} from './ospf-format.ts';
import { state, statuses } from './show/interfaces.ts';
import { notApplied } from './unsimulated.ts';

type EditInterface = (
  env: IosEnv,
  fn: (i: InterfaceConfig, name: string) => InterfaceConfig | string,
) => void;

/** A routing process on a device that does not route (a multilayer switch ships so). */
const NOT_ROUTING = '% IP routing not enabled';

/**
 * Whether a new process must be refused: typed at a device that does not route. A saved text
 * is read whole, as files saved before `no ip routing` removed the processes hold them after
 * it; the engine runs none while the device does not route.
 */
const refusesProcess = (env: IosEnv): boolean => env.device !== undefined && !env.config().ipRouting;
const RELOAD_NOTICE = '% OSPF: Reload or use "clear ip ospf process" command, for this to take effect';
const REFERENCE_NOTICE = [
  '% OSPF: Reference bandwidth is changed.',
  '        Please ensure reference bandwidth is consistent across all routers.',
];

/** The device's OSPF processes as the engine runs them; none while a text is read. */
export const ospfProcesses = (dev: IosDeviceContext | undefined): readonly OspfProcessStatus[] =>
  dev === undefined ? [] : dev.sim.ospf(dev.id);

const processesOf = (c: DeviceConfig): readonly OspfProcessConfig[] => c.ospf ?? [];

/** The configuration with process `pid` replaced by `p` (removed when undefined), kept by number. */
function putProcess(c: DeviceConfig, pid: number, p: OspfProcessConfig | undefined): DeviceConfig {
  const rest = processesOf(c).filter((x) => x.pid !== pid);
  const all = p === undefined ? rest : [...rest, p].sort((a, b) => a.pid - b.pid);
  return all.length === 0 ? without(c, 'ospf') : { ...c, ospf: all };
}

/** Process `pid` as configured, or a new one. */
const processIn = (c: DeviceConfig, pid: number): OspfProcessConfig =>
  processesOf(c).find((p) => p.pid === pid) ?? { pid, networks: [] };

const currentPid = (env: IosEnv): number => env.modes.context().ospf!;

/** Applies `fn` to the process (config-router) edits, dropping lists it leaves empty. */
function editProcess(env: IosEnv, fn: (p: OspfProcessConfig) => OspfProcessConfig): void {
  const c = env.config();
  const pid = currentPid(env);
  let p = fn(processIn(c, pid));
  if (p.passive?.length === 0) p = without(p, 'passive');
  env.setConfig(putProcess(c, pid, p));
}

// ---- arguments -------------------------------------------------------------------------------

/** An area: decimal (0-4294967295) or dotted, kept in the form typed. */
const AREA: IosArgType = {
  help: () => [
    { word: '<0-4294967295>', help: 'OSPF area ID as a decimal value' },
    { word: 'A.B.C.D', help: 'OSPF area ID in IP address format' },
  ],
  match: (t, i): MatchResult => {
    const text = t[i]!.text;
    if (/^\d+$/.test(text)) {
      const id = Number(text);
      return id <= 0xffffffff ? { kind: 'match', consumed: 1, value: { id } } : { kind: 'none' };
    }
    const a = parseIpv4(text);
    return a === undefined
      ? { kind: 'none' }
      : { kind: 'match', consumed: 1, value: { id: a, dotted: true } };
  },
};

const PROCESS_ID = range(1, 65535);

// ---- global --------------------------------------------------------------------------------

/** The configuration without the processes `gone` picks, and the interfaces' `ip ospf N area X` for them. */
function removeProcesses(c: DeviceConfig, gone: (pid: number) => boolean): DeviceConfig {
  const interfaces: Record<string, InterfaceConfig> = {};
  for (const [name, i] of Object.entries(c.interfaces)) {
    const area = i.ospf?.area;
    interfaces[name] = area !== undefined && gone(area.pid) ? withOspf(i, without(i.ospf!, 'area')) : i;
  }
  const kept = processesOf(c).filter((p) => !gone(p.pid));
  return kept.length === 0 ? without({ ...c, interfaces }, 'ospf') : { ...c, interfaces, ospf: kept };
}

/**
 * The configuration after `no ip routing`: its routing processes go, as their interfaces'
 * statements do with `no router ospf` (a device that does not route has no routing process).
 */
export const withoutRouting = (c: DeviceConfig): DeviceConfig => removeProcesses(c, () => true);

/** `router ospf N` (enters config-router, making the process) and `no router ospf N`. */
export function routerOspfNode(no: boolean): IosNode {
  const h = run((env, a) => {
    const pid = a.need<number>('pid');
    const c = env.config();
    if (no) {
      env.setConfig(removeProcesses(c, (p) => p === pid));
      return;
    }
    if (refusesProcess(env)) {
      env.error(NOT_ROUTING);
      return;
    }
    if (!processesOf(c).some((p) => p.pid === pid)) env.setConfig(putProcess(c, pid, { pid, networks: [] }));
    env.modes.send({ type: 'router', ospf: pid });
  });
  return kw('ospf', 'Open Shortest Path First (OSPF)', arg('pid', PROCESS_ID, 'Process ID', h));
}

// ---- (config-router) -------------------------------------------------------------------------

/** Does network statement `n` cover the range `addr`/`wildcard`? */
const covers = (n: OspfNetwork, addr: number, wildcard: number): boolean =>
  (wildcard & ~n.wildcard) === 0 && (addr | n.wildcard) >>> 0 === (n.addr | n.wildcard) >>> 0;

/**
 * The address range a `network A W` names, as IOS stores it. IOS takes a subnet mask typed in
 * place of the wildcard (ones from the top: 255.255.255.252) and keeps it inverted, and reads
 * `network 0.0.0.0 0.0.0.0` as every address (ipspace.net, "Subnet Masks in OSPF Network
 * Statements", IOS 12.4 captures). All ones stays a wildcard: every address.
 */
function typedRange(a: Args): { addr: number; wildcard: number } {
  const typed = a.need<Ipv4Addr>('wildcard') as number;
  const given = a.need<Ipv4Addr>('addr') as number;
  const inverse = ~typed >>> 0;
  const mask = typed >>> 31 === 1 && inverse !== 0 && (inverse & (inverse + 1)) === 0;
  const wildcard = mask || (typed === 0 && given === 0) ? inverse : typed;
  return { addr: (given & ~wildcard) >>> 0, wildcard };
}

/**
 * `network A W area X`. IOS keeps the statements most specific first, whatever the order they
 * were typed in: a statement goes before the first that covers it, with %OSPF-6-AREACHG when
 * that one's area differs.
 */
function addNetwork(env: IosEnv, a: Args): void {
  const { addr, wildcard } = typedRange(a);
  const area = a.need<OspfArea>('area');
  const p = processIn(env.config(), currentPid(env));
  const same = p.networks.find((n) => n.addr === addr && n.wildcard === wildcard);
  if (same !== undefined) {
    // The refusal's text is not confirmed by a capture.
    if (same.area.id !== area.id)
      env.error(
        `% OSPF: "network ${formatIpv4(addr as Ipv4Addr)} ${formatIpv4(wildcard as Ipv4Addr)} area ${formatOspfArea(same.area)}" is already configured`,
      );
    return;
  }
  const network: OspfNetwork = { addr: addr as Ipv4Addr, wildcard, area };
  const at = p.networks.findIndex((n) => covers(n, addr, wildcard));
  const wider = p.networks[at];
  if (wider !== undefined && wider.area.id !== area.id && env.device !== undefined) {
    const text = areaChangeText(network.addr, wildcard, wider.area, area);
    if (text !== undefined) env.log(text);
  }
  const networks =
    at < 0 ? [...p.networks, network] : [...p.networks.slice(0, at), network, ...p.networks.slice(at)];
  editProcess(env, (x) => ({ ...x, networks }));
}

function removeNetwork(env: IosEnv, a: Args): void {
  const { addr, wildcard } = typedRange(a);
  const area = a.need<OspfArea>('area');
  editProcess(env, (p) => ({
    ...p,
    networks: p.networks.filter((n) => n.addr !== addr || n.wildcard !== wildcard || n.area.id !== area.id),
  }));
}

const networkNode = (h: (env: IosEnv, a: Args) => void): IosNode =>
  kw(
    'network',
    'Enable routing on an IP network',
    arg(
      'addr',
      IPV4,
      'Network number',
      arg(
        'wildcard',
        IPV4,
        'OSPF wild card bits',
        kw('area', 'Set the OSPF area ID', arg('area', AREA, '', run(h))),
      ),
    ),
  );

/**
 * The router ID process `pid` keeps until it is reset: the one it uses while it has neighbours.
 * Without any, a new router ID takes effect at once and IOS says nothing.
 */
function routerIdKept(env: IosEnv, pid: number): Ipv4Addr | undefined {
  const p = ospfProcesses(env.device).find((x) => x.pid === pid);
  return p === undefined || p.routerId === 0 || p.neighbors.length === 0 ? undefined : p.routerId;
}

/** `router-id A`, `no router-id`: a process with neighbours takes it at the next reset, and IOS says so. */
function setRouterId(env: IosEnv, id: Ipv4Addr | undefined): void {
  const pid = currentPid(env);
  const before = processIn(env.config(), pid).routerId;
  if (before === id) return;
  const kept = routerIdKept(env, pid);
  editProcess(env, (p) => (id === undefined ? without(p, 'routerId') : { ...p, routerId: id }));
  if (kept !== undefined && kept !== id) env.print(RELOAD_NOTICE);
}

const routerIdNode = (no: boolean): IosNode => {
  const clear = run((env) => setRouterId(env, undefined));
  return kw(
    'router-id',
    'router-id for this OSPF process',
    ...(no ? [clear] : []),
    arg(
      'id',
      IPV4,
      'OSPF router-id in IP address format',
      no ? clear : run((env, a) => setRouterId(env, a.need<Ipv4Addr>('id'))),
    ),
  );
};

/**
 * `passive-interface IF|default` (`no`: the interface sends hellos again). With `default`
 * every interface is passive and `passive` lists the exceptions, as IOS prints them.
 */
function setPassive(env: IosEnv, name: string | 'default', passive: boolean): void {
  editProcess(env, (p) => {
    if (name === 'default')
      return passive
        ? { ...without(p, 'passive'), passiveDefault: true }
        : without(without(p, 'passive'), 'passiveDefault');
    const listed = p.passive ?? [];
    const inList = p.passiveDefault === true ? !passive : passive;
    const rest = listed.filter((n) => n !== name);
    return { ...p, passive: inList ? [...rest, name].sort(compareInterfaceNames) : rest };
  });
}

const passiveNode = (passive: boolean): IosNode =>
  kw(
    'passive-interface',
    'Suppress routing updates on an interface',
    kw(
      'default',
      'Suppress routing updates on all interfaces',
      run((env) => setPassive(env, 'default', passive)),
    ),
    arg(
      'interface',
      interfaceArg(),
      '',
      run((env, a) => setPassive(env, a.need<string>('interface'), passive)),
    ),
  );

function setReference(env: IosEnv, mbps: number | undefined): void {
  const before = processIn(env.config(), currentPid(env)).referenceBandwidth;
  const after = mbps === OSPF_REFERENCE_BANDWIDTH ? undefined : mbps;
  editProcess(env, (p) =>
    after === undefined ? without(p, 'referenceBandwidth') : { ...p, referenceBandwidth: after },
  );
  if (env.device !== undefined && (mbps !== undefined || before !== undefined))
    env.print(...REFERENCE_NOTICE);
}

const autoCostNode = (no: boolean): IosNode => {
  const reset = run((env) => setReference(env, undefined));
  const reference = kw(
    'reference-bandwidth',
    'Use reference bandwidth method to assign OSPF cost',
    ...(no ? [reset] : []),
    arg(
      'mbps',
      range(1, 4294967),
      'The reference bandwidth in terms of Mbits per second',
      no ? reset : run((env, a) => setReference(env, a.need<number>('mbps'))),
    ),
  );
  // `no auto-cost` turns the computation off, which Trame does not model.
  const off = run((env) => env.error(notApplied('turning automatic OSPF costs off')));
  return kw(
    'auto-cost',
    'Calculate OSPF interface cost according to bandwidth',
    ...(no ? [off] : []),
    reference,
  );
};

/** `default-information originate` and its options, each once, in any order. */
function originateOptions(h: ReturnType<typeof run>, used: readonly string[]): IosNode[] {
  const next = (word: string) => originateOptions(h, [...used, word]);
  const out: IosNode[] = [];
  if (!used.includes('always'))
    out.push(kw('always', 'Always advertise default route', h, ...next('always')));
  if (!used.includes('metric'))
    out.push(
      kw(
        'metric',
        'OSPF default metric',
        arg('metric', range(0, 16777214), 'OSPF metric', h, ...next('metric')),
      ),
    );
  if (!used.includes('metric-type'))
    out.push(
      kw(
        'metric-type',
        'OSPF metric type for default routes',
        kw('1', 'Set OSPF External Type 1 metrics', h, ...next('metric-type')),
        kw('2', 'Set OSPF External Type 2 metrics', h, ...next('metric-type')),
      ),
    );
  return out;
}

const defaultInformationNode = (no: boolean): IosNode => {
  const remove = run((env) => editProcess(env, (p) => without(p, 'defaultOriginate')));
  const set = run((env, a) => {
    const metric = a.value<number>('metric');
    const d: OspfDefaultOriginate = {
      ...(a.has('always') ? { always: true as const } : {}),
      ...(metric !== undefined ? { metric } : {}),
      ...(a.has('1') ? { metricType: 1 as const } : {}),
    };
    editProcess(env, (p) => ({ ...p, defaultOriginate: d }));
  });
  return kw(
    'default-information',
    'Control distribution of default information',
    kw(
      'originate',
      'Distribute a default route',
      ...(no ? [remove, arg('rest', LINE, '', remove)] : [set, ...originateOptions(set, [])]),
    ),
  );
};

/** `log-adjacency-changes [detail]`; `no` turns the messages off, `no ... detail` back to plain. */
const logAdjacencyNode = (mode: 'set' | 'no' | 'default'): IosNode => {
  const set = (v: boolean | 'detail' | undefined) =>
    run((env) =>
      editProcess(env, (p) => (v === undefined ? without(p, 'logAdjacency') : { ...p, logAdjacency: v })),
    );
  const plain = mode === 'no' ? set(false) : set(undefined);
  const detail = mode === 'set' ? set('detail') : set(undefined);
  return kw(
    'log-adjacency-changes',
    'Log changes in adjacency state',
    plain,
    kw('detail', 'Log all state changes', detail),
  );
};

export const ROUTER_HELP_HEADER = 'Router configuration commands:';

/** The tree of (config-router) for an OSPF process. */
export function ospfModeTree(opts: TreeOptions): IosNode {
  return kw(
    '',
    '',
    autoCostNode(false),
    kw(
      'default',
      'Set a command to its defaults',
      autoCostNode(true),
      defaultInformationNode(true),
      logAdjacencyNode('default'),
      passiveNode(false),
      routerIdNode(true),
    ),
    defaultInformationNode(false),
    logAdjacencyNode('set'),
    networkNode(addNetwork),
    kw(
      'no',
      'Negate a command or set its defaults',
      autoCostNode(true),
      defaultInformationNode(true),
      logAdjacencyNode('no'),
      networkNode(removeNetwork),
      passiveNode(false),
      routerIdNode(true),
    ),
    passiveNode(true),
    routerIdNode(false),
    ...modeCommands('Exit from routing protocol configuration mode', opts),
  );
}

// ---- interfaces --------------------------------------------------------------------------

function withOspf(i: InterfaceConfig, o: InterfaceOspfConfig): InterfaceConfig {
  return Object.keys(o).length === 0 ? without(i, 'ospf') : { ...i, ospf: o };
}

const editOspf = (
  edit: EditInterface,
  env: IosEnv,
  fn: (o: InterfaceOspfConfig, name: string) => InterfaceOspfConfig,
) => edit(env, (i, name) => withOspf(i, fn(i.ospf ?? {}, name)));

type OspfKey = Exclude<keyof InterfaceOspfConfig, 'area'>;

/** A setting at IOS's default is no setting: running-config has no line for it. */
const put = (o: InterfaceOspfConfig, key: OspfKey, value: number | string | undefined, fallback?: unknown) =>
  value === undefined || value === fallback ? without(o, key) : { ...o, [key]: value };

/**
 * `ip ospf N area X`: the interface runs process N whatever the network statements say; IOS
 * makes the process when it has none.
 */
function setArea(edit: EditInterface, env: IosEnv, a: Args): void {
  const pid = a.need<number>('pid');
  const area = a.need<OspfArea>('area');
  const exists = processesOf(env.config()).some((p) => p.pid === pid);
  // The command makes the process, which a device that does not route cannot have.
  if (!exists && refusesProcess(env)) {
    env.error(NOT_ROUTING);
    return;
  }
  editOspf(edit, env, (o) => ({ ...o, area: { pid, area } }));
  const c = env.config();
  if (!exists) env.setConfig(putProcess(c, pid, { pid, networks: [] }));
}

/** `ip ospf ...` in a router's or multilayer switch's interface; `no` forms put IOS's default back. */
export function ipOspfNode(no: boolean, edit: EditInterface): IosNode {
  const number = (
    key: OspfKey,
    word: string,
    help: string,
    [lo, hi]: readonly [number, number],
    argHelp: string,
    fallback?: number,
  ) => {
    const clear = run((env) => editOspf(edit, env, (o) => without(o, key)));
    return kw(
      word,
      help,
      ...(no ? [clear] : []),
      arg(
        'value',
        range(lo, hi),
        argHelp,
        no
          ? clear
          : run((env, a) => editOspf(edit, env, (o) => put(o, key, a.need<number>('value'), fallback))),
      ),
    );
  };
  const dead = (() => {
    const clear = run((env) => editOspf(edit, env, (o) => without(o, 'dead')));
    // Kept as typed, even when it is four hellos: running-config lists it before the hello
    // interval, so a value dropped for matching the hello typed earlier would read back different.
    const set = run((env, a) => editOspf(edit, env, (o) => ({ ...o, dead: a.need<number>('value') })));
    return kw(
      'dead-interval',
      'Interval after which a neighbor is declared dead',
      ...(no ? [clear] : []),
      arg('value', range(1, 65535), 'Seconds', no ? clear : set),
    );
  })();
  const network = (() => {
    const type = (t: 'point-to-point' | 'broadcast', help: string) =>
      kw(
        t,
        help,
        run((env) =>
          editOspf(edit, env, (o, name) =>
            // Broadcast is an Ethernet interface's own type; a loopback's is LOOPBACK.
            no
              ? without(o, 'network')
              : put(o, 'network', t, name.startsWith('Loopback') ? undefined : 'broadcast'),
          ),
        ),
      );
    const clear = run((env) => editOspf(edit, env, (o) => without(o, 'network')));
    return kw(
      'network',
      'Network type',
      ...(no ? [clear] : []),
      type('broadcast', 'Specify OSPF broadcast multi-access network'),
      type('point-to-point', 'Specify OSPF point-to-point network'),
    );
  })();
  const removeArea = run((env, a) =>
    editOspf(edit, env, (o) => (o.area?.pid === a.need<number>('pid') ? without(o, 'area') : o)),
  );
  const process = arg(
    'pid',
    PROCESS_ID,
    'Process ID',
    kw(
      'area',
      'Set the OSPF area ID',
      ...(no ? [removeArea] : []),
      arg('area', AREA, '', no ? removeArea : run((env, a) => setArea(edit, env, a))),
    ),
  );
  return kw(
    'ospf',
    'OSPF interface commands',
    process,
    number('cost', 'cost', 'Interface cost', [1, 65535], 'Cost'),
    dead,
    number('hello', 'hello-interval', 'Time between HELLO packets', [1, 65535], 'Seconds', OSPF_HELLO),
    network,
    number('priority', 'priority', 'Router priority', [0, 255], 'Priority', OSPF_PRIORITY),
  );
}

/** The interface's `ip ospf` lines, in IOS's order: network, dead, hello, priority, area, cost. */
export function ospfInterfaceLines(i: InterfaceConfig): string[] {
  const o = i.ospf;
  if (o === undefined) return [];
  const out: string[] = [];
  if (o.network !== undefined) out.push(` ip ospf network ${o.network}`);
  if (o.dead !== undefined) out.push(` ip ospf dead-interval ${o.dead}`);
  if (o.hello !== undefined) out.push(` ip ospf hello-interval ${o.hello}`);
  if (o.priority !== undefined) out.push(` ip ospf priority ${o.priority}`);
  if (o.area !== undefined) out.push(` ip ospf ${o.area.pid} area ${formatOspfArea(o.area.area)}`);
  if (o.cost !== undefined) out.push(` ip ospf cost ${o.cost}`);
  return out;
}

// ---- running-config ----------------------------------------------------------------------

function originateLine(d: OspfDefaultOriginate): string {
  const parts = ['default-information originate'];
  if (d.always) parts.push('always');
  if (d.metric !== undefined) parts.push(`metric ${d.metric}`);
  if (d.metricType === 1) parts.push('metric-type 1');
  return ` ${parts.join(' ')}`;
}

/** Each process's block, by number, its lines in IOS's order. */
export function ospfConfigBlocks(c: DeviceConfig): string[][] {
  return processesOf(c).map((p) => {
    const out = [`router ospf ${p.pid}`];
    if (p.routerId !== undefined) out.push(` router-id ${formatIpv4(p.routerId)}`);
    if (p.logAdjacency === false) out.push(' no log-adjacency-changes');
    else if (p.logAdjacency === 'detail') out.push(' log-adjacency-changes detail');
    if (p.referenceBandwidth !== undefined)
      out.push(` auto-cost reference-bandwidth ${p.referenceBandwidth}`);
    if (p.passiveDefault) {
      out.push(' passive-interface default');
      for (const n of p.passive ?? []) out.push(` no passive-interface ${n}`);
    } else for (const n of p.passive ?? []) out.push(` passive-interface ${n}`);
    for (const n of p.networks)
      out.push(
        ` network ${formatIpv4(n.addr)} ${formatIpv4(n.wildcard as Ipv4Addr)} area ${formatOspfArea(n.area)}`,
      );
    if (p.defaultOriginate !== undefined) out.push(originateLine(p.defaultOriginate));
    return out;
  });
}

/** A configuration without the passive-interface lines naming interfaces that are gone. */
export function forgetOspfInterfaces(c: DeviceConfig): DeviceConfig {
  if (c.ospf === undefined) return c;
  let changed = false;
  const ospf = c.ospf.map((p) => {
    const kept = (p.passive ?? []).filter((n) => c.interfaces[n] !== undefined);
    if (kept.length === (p.passive ?? []).length) return p;
    changed = true;
    return kept.length === 0 ? without(p, 'passive') : { ...p, passive: kept };
  });
  return changed ? { ...c, ospf } : c;
}

// ---- show, clear -------------------------------------------------------------------------

const lineStates = (dev: IosDeviceContext, c: DeviceConfig): LineState => {
  const st = statuses(dev);
  return (name) => {
    const i = c.interfaces[name];
    if (i === undefined) return undefined;
    const { status, protocol } = state(i, st.get(name));
    return `${status}, line protocol is ${protocol}`;
  };
};

/** The processes `show ip ospf [N] ...` is about. */
function selected(env: IosEnv, a: Args): readonly OspfProcessStatus[] {
  const pid = a.value<number>('pid');
  return ospfProcesses(env.device).filter((p) => pid === undefined || p.pid === pid);
}

const now = (env: IosEnv) => env.device!.sim.now();

/** `show ip ospf [N] [neighbor|interface|database]` under `show ip`. */
export function showOspfNode(): IosNode {
  const summary = run((env, a) =>
    env.print(...showIpOspf(selected(env, a), now(env), env.device!.sim.bootTime(env.device!.id))),
  );
  const neighbors = run((env, a) => {
    const iface = a.value<string>('interface');
    const routerId = a.value<Ipv4Addr>('neighbor');
    const f = { ...(iface !== undefined ? { iface } : {}), ...(routerId !== undefined ? { routerId } : {}) };
    const detail = a.has('detail') || routerId !== undefined;
    env.print(...(detail ? showIpOspfNeighborDetail : showIpOspfNeighbor)(selected(env, a), now(env), f));
  });
  const detail = kw('detail', 'Show detailed information', neighbors);
  const interfaces = run((env, a) => {
    const only = a.value<string>('interface');
    const processes = selected(env, a);
    // An interface no process runs on (a network statement that misses it, typically).
    if (
      only !== undefined &&
      processes.length > 0 &&
      !processes.some((p) => p.interfaces.some((i) => i.name === only))
    )
      return env.print(`%OSPF: OSPF not enabled on ${only}`);
    if (a.has('brief')) env.print(...showIpOspfInterfaceBrief(processes, only));
    else env.print(...showIpOspfInterface(processes, now(env), only, lineStates(env.device!, env.config())));
  });
  const brief = kw('brief', 'Brief summary of OSPF interface information', interfaces);
  const views = [
    kw(
      'database',
      'Database summary',
      run((env, a) => env.print(...showIpOspfDatabase(selected(env, a)))),
    ),
    kw(
      'interface',
      'Interface information',
      interfaces,
      brief,
      arg('interface', interfaceArg(), '', interfaces, brief),
    ),
    kw(
      'neighbor',
      'Neighbor list',
      neighbors,
      detail,
      arg('interface', interfaceArg(), '', neighbors, detail),
      arg('neighbor', IPV4, 'Neighbor ID', neighbors),
    ),
  ];
  return kw(
    'ospf',
    'OSPF information',
    summary,
    arg('pid', PROCESS_ID, 'Process ID number', summary, ...views),
    ...views,
  );
}

/** `clear ip ospf [N] process` under `clear ip`: IOS asks first. */
export function clearOspfNode(): IosNode {
  const reset = (question: string) =>
    run((env, a) => {
      const pid = a.value<number>('pid');
      env.ask({
        prompt: `${question} [no]: `,
        answer(e, text) {
          const dev = e.device;
          if (dev !== undefined && /^y(es?)?$/i.test(text.trim())) dev.sim.clearOspf(dev.id, pid);
        },
      });
    });
  const process = (question: string) => kw('process', 'Reset OSPF process', reset(question));
  return kw(
    'ospf',
    'OSPF clear commands',
    process('Reset ALL OSPF processes?'),
    // The question for one process is not confirmed by a capture.
    arg('pid', PROCESS_ID, 'Process ID', process('Reset OSPF process?')),
  );
}

// ---- messages ----------------------------------------------------------------------------

/**
 * A router's OSPF messages for its console: %OSPF-5-ADJCHG unless its process says `no
 * log-adjacency-changes`, and the refused hellos always.
 */
export function ospfLog(dev: IosDeviceContext): MessageLog<OspfEvent> {
  const logs = (e: OspfEvent) =>
    e.kind !== 'adjacency' || processIn(dev.runningConfig(), e.pid).logAdjacency !== false;
  return new MessageLog((since) => dev.sim.ospfEvents(dev.id, since), ospfText, logs);
}
