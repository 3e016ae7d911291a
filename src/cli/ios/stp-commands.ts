/**
 * `spanning-tree ...` on a Catalyst 2960 running PVST+ or rapid PVST+ (IOS 15.0), global and on switch ports,
 * with their `no` forms, and the lines they leave in the running-config. Help strings are IOS's
 * (a 3750 on 12.2(58)SE2 lists the same interface tree: no `portfast edge`, which came with
 * 15.2(2)E); messages as captured on 2960s, IOU and vIOS-L2. What the switch runs is in
 * engine/device/stp.ts; the settings live in DeviceConfig.spanningTree and SwitchportConfig.stp.
 *
 * Not here (unsimulated.ts names them): the mst mode, UplinkFast, BackboneFast, link types,
 * long path costs.
 */
import type { DeviceConfig } from '../../shared/config.ts';
import {
  type PortStpConfig,
  type SpanningTreeConfig,
  STP_DEFAULT_FORWARD_DELAY,
  STP_DEFAULT_HELLO,
  STP_DEFAULT_MAX_AGE,
  STP_DEFAULT_PRIORITY,
  STP_PORT_PRIORITY_STEP,
  STP_PRIORITY_STEP,
  STP_ROOT_PRIMARY,
  STP_ROOT_SECONDARY,
  type StpVlanConfig,
} from '../../shared/spanning-tree.ts';
import { formatVlanList, normalizeVlans, type VlanRanges } from '../../shared/vlans.ts';
import { range } from '../parser/args.ts';
import type { Args } from '../parser/tree.ts';
import { VLAN_LIST, vlanIds } from './common.ts';
import { without } from './config-edit.ts';
import { arg, type IosNode, type IosPart, kw, run } from './dsl.ts';
import type { IosEnv } from './env.ts';
import type { SwitchportEditor } from './port-security-commands.ts';

const stpHelp = 'Spanning Tree Subsystem';
const vlanHelp = 'VLAN Switch Spanning Tree';
const vlanListHelp = 'vlan range, example: 1,3-5,7,9-11';

/** A VLAN list as IOS writes it back: "1,10,20-27". */
const vlanList = (ids: readonly number[]): string => formatVlanList(normalizeVlans(ids.map((v) => [v, v])));

// ---------------------------------------------------------------------------------------------
// Global configuration

/** The configuration with `stp` as its spanning tree settings, dropped when all are defaults. */
function withStp(c: DeviceConfig, stp: SpanningTreeConfig): DeviceConfig {
  return Object.keys(stp).length === 0 ? without(c, 'spanningTree') : { ...c, spanningTree: stp };
}

/** `fn` applied to the settings of each VLAN in `ids`; a VLAN left at its defaults is dropped. */
function editVlans(
  c: DeviceConfig,
  ids: readonly number[],
  fn: (v: StpVlanConfig) => StpVlanConfig,
): DeviceConfig {
  const stp = c.spanningTree ?? {};
  const byId = new Map((stp.vlans ?? []).map((v) => [v.vlan, v]));
  for (const id of ids) {
    const next = fn(byId.get(id) ?? { vlan: id });
    if (Object.keys(next).length === 1) byId.delete(id);
    else byId.set(id, next);
  }
  const vlans = [...byId.values()].sort((a, b) => a.vlan - b.vlan);
  return withStp(c, vlans.length === 0 ? without(stp, 'vlans') : { ...stp, vlans });
}

type VlanSetting = 'priority' | 'helloTime' | 'forwardTime' | 'maxAge';

const DEFAULTS: Record<VlanSetting, number> = {
  priority: STP_DEFAULT_PRIORITY,
  helloTime: STP_DEFAULT_HELLO,
  forwardTime: STP_DEFAULT_FORWARD_DELAY,
  maxAge: STP_DEFAULT_MAX_AGE,
};

/** Sets (or with `value` undefined, resets) one setting of the VLANs; a default is not kept. */
function setVlans(env: IosEnv, ids: readonly number[], key: VlanSetting, value: number | undefined): void {
  env.setConfig(
    editVlans(env.config(), ids, (v) =>
      value === undefined || value === DEFAULTS[key] ? without(v, key) : { ...v, [key]: value },
    ),
  );
}

const idsOf = (a: Args): number[] => vlanIds(a.need<VlanRanges>('vlans'));

/** A 2960 refusing a bridge priority that is not a multiple of 4096 (McDowell's capture). */
const BRIDGE_PRIORITY_STEPS = [
  '% Bridge Priority must be in increments of 4096.',
  '% Allowed values are:',
  '  0     4096  8192  12288 16384 20480 24576 28672',
  '  32768 36864 40960 45056 49152 53248 57344 61440',
];

/** `root primary` finding no priority it may set (McDowell's capture). */
const rootFailed = (vlan: number): string[] => [
  `% Failed to make the bridge root for vlan ${vlan}`,
  '% It may be possible to make the bridge root by setting the priority',
  '% for some (or all) of these instances to zero.',
];

/**
 * What `spanning-tree vlan X root primary` sets (Catalyst configuration guide): 24576, unless
 * the current root's priority is lower, or equal with a lower address, in which case 4096 less
 * than the root's; IOS gives up below 4096 and says so. A switch that is the root already keeps
 * a priority below 24576. The root is what the running instance knows; a VLAN without one (no
 * port up, or a configuration text being read) gets 24576.
 */
export function rootPrimaryPriority(
  own: { readonly priority: number; readonly mac: number },
  root: { readonly priority: number; readonly mac: number } | undefined,
): number | undefined {
  if (root === undefined) return STP_ROOT_PRIMARY;
  if (root.priority === own.priority && root.mac === own.mac) return Math.min(own.priority, STP_ROOT_PRIMARY);
  const beats =
    root.priority < STP_ROOT_PRIMARY || (root.priority === STP_ROOT_PRIMARY && root.mac < own.mac);
  if (!beats) return STP_ROOT_PRIMARY;
  const p = root.priority - STP_PRIORITY_STEP;
  return p < STP_PRIORITY_STEP ? undefined : p;
}

function setRoot(env: IosEnv, ids: readonly number[], secondary: boolean): void {
  if (secondary) {
    setVlans(env, ids, 'priority', STP_ROOT_SECONDARY);
    return;
  }
  const instances = env.device ? env.device.sim.spanningTree(env.device.id) : [];
  for (const vlan of ids) {
    const i = instances.find((x) => x.vlan === vlan);
    // Priorities without the VLAN the extended system id adds.
    const p =
      i === undefined
        ? STP_ROOT_PRIMARY
        : rootPrimaryPriority(
            { priority: i.bridgePriority, mac: i.bridgeMac },
            { priority: i.rootPriority - vlan, mac: i.rootMac },
          );
    if (p === undefined) env.error(...rootFailed(vlan));
    else setVlans(env, [vlan], 'priority', p);
  }
}

/** `hello-time`, `forward-time` and `max-age` after `spanning-tree vlan X`, in IOS's words. */
const TIMERS: readonly {
  readonly word: string;
  readonly key: VlanSetting;
  readonly help: string;
  readonly range: [number, number];
  readonly valueHelp: string;
}[] = [
  {
    word: 'forward-time',
    key: 'forwardTime',
    help: 'Set the forward delay for the spanning tree',
    range: [4, 30],
    valueHelp: 'number of seconds for the forward delay timer',
  },
  {
    word: 'hello-time',
    key: 'helloTime',
    help: 'Set the hello interval for the spanning tree',
    range: [1, 10],
    valueHelp: 'number of seconds between generation of config BPDUs',
  },
  {
    word: 'max-age',
    key: 'maxAge',
    help: 'Set the max age interval for the spanning tree',
    range: [6, 40],
    valueHelp: 'maximum number of seconds the information in a BPDU is valid',
  },
];

const priorityHelp = 'Set the bridge priority for the spanning tree';
const priorityValueHelp = 'bridge priority in increments of 4096';
const rootHelp = 'Configure switch as root';
const primaryHelp = 'Configure this switch as primary root for this spanning tree';
const secondaryHelp = 'Configure switch as secondary root';

function setPriority(env: IosEnv, a: Args): void {
  const n = a.need<number>('priority');
  if (n % STP_PRIORITY_STEP !== 0) {
    env.error(...BRIDGE_PRIORITY_STEPS);
    return;
  }
  setVlans(env, idsOf(a), 'priority', n);
}

/** `spanning-tree vlan LIST ...` (`no`: its `no` form, whose values are optional and ignored). */
function vlanNode(no: boolean): IosNode {
  const reset = (key: VlanSetting) => run((env, a) => setVlans(env, idsOf(a), key, undefined));
  // `spanning-tree vlan X` runs an instance in the VLANs again; `no spanning-tree vlan X` stops it.
  const toggle = run((env, a) =>
    env.setConfig(
      editVlans(env.config(), idsOf(a), (v) => (no ? { ...v, disabled: true } : without(v, 'disabled'))),
    ),
  );
  const timers = TIMERS.map((t) => {
    const value = (then: IosPart) => arg('seconds', range(...t.range), t.valueHelp, then);
    return no
      ? kw(t.word, t.help, reset(t.key), value(reset(t.key)))
      : kw(t.word, t.help, value(run((env, a) => setVlans(env, idsOf(a), t.key, a.need<number>('seconds')))));
  });
  const priorityValue = (then: IosPart) => arg('priority', range(0, 61440), priorityValueHelp, then);
  const resetRoot = reset('priority');
  return kw(
    'vlan',
    vlanHelp,
    arg(
      'vlans',
      VLAN_LIST,
      vlanListHelp,
      toggle,
      ...timers,
      no
        ? kw('priority', priorityHelp, reset('priority'), priorityValue(reset('priority')))
        : kw('priority', priorityHelp, priorityValue(run(setPriority))),
      no
        ? kw(
            'root',
            rootHelp,
            resetRoot,
            kw('primary', primaryHelp, resetRoot),
            kw('secondary', secondaryHelp, resetRoot),
          )
        : kw(
            'root',
            rootHelp,
            kw(
              'primary',
              primaryHelp,
              run((env, a) => setRoot(env, idsOf(a), false)),
            ),
            kw(
              'secondary',
              secondaryHelp,
              run((env, a) => setRoot(env, idsOf(a), true)),
            ),
          ),
    ),
  );
}

/** `spanning-tree portfast default` (captured on 2960s; NetAcad's labs show it too). */
const PORTFAST_DEFAULT_WARNING = [
  '%Warning: this command enables portfast by default on all interfaces. You',
  ' should now disable portfast explicitly on switched ports leading to hubs,',
  ' switches and bridges as they may create temporary bridging loops.',
];

type GlobalFlag = 'portfastDefault' | 'bpduguardDefault' | 'bpdufilterDefault' | 'loopguardDefault';

/** Sets (or with `no`, clears) one of the global defaults, printing `warn` as it sets it. */
const setGlobal = (no: boolean, key: GlobalFlag, warn: readonly string[] = []) =>
  run((env) => {
    const stp = env.config().spanningTree ?? {};
    if (no) {
      env.setConfig(withStp(env.config(), without(stp, key)));
      return;
    }
    if (env.device && warn.length > 0) env.print(...warn);
    env.setConfig(withStp(env.config(), { ...stp, [key]: true }));
  });

/** `spanning-tree portfast ...` in global configuration. */
function globalPortfastNode(no: boolean): IosNode {
  return kw(
    'portfast',
    'Spanning tree portfast options',
    kw(
      'bpdufilter',
      'Enable portfast bdpu filter on this switch',
      kw(
        'default',
        'Enable bdpu filter by default on all portfast ports',
        setGlobal(no, 'bpdufilterDefault'),
      ),
    ),
    kw(
      'bpduguard',
      'Enable portfast bpdu guard on this switch',
      // IOS's help has "bdpu" so.
      kw('default', 'Enable bdpu guard by default on all portfast ports', setGlobal(no, 'bpduguardDefault')),
    ),
    kw(
      'default',
      'Enable portfast by default on all access ports',
      setGlobal(no, 'portfastDefault', PORTFAST_DEFAULT_WARNING),
    ),
  );
}

/** `spanning-tree loopguard default`: loop guard on every port without a guard of its own. */
const loopguardNode = (no: boolean): IosNode =>
  kw(
    'loopguard',
    'Spanning tree loopguard options',
    kw('default', 'Enable loopguard by default on all ports', setGlobal(no, 'loopguardDefault')),
  );

/**
 * `[no] spanning-tree etherchannel guard misconfig`: the EtherChannel guard, on by default, which
 * error-disables a bundle in mode on facing ports that do not bundle (etherchannel.ts).
 */
function etherchannelGuardNode(no: boolean): IosNode {
  return kw(
    'etherchannel',
    'Spanning tree etherchannel specific configuration',
    kw(
      'guard',
      'Configure guard features for etherchannel',
      kw(
        'misconfig',
        'Enable guard to protect against etherchannel misconfiguration',
        run((env) => {
          const stp = env.config().spanningTree ?? {};
          env.setConfig(
            withStp(
              env.config(),
              no ? { ...stp, etherchannelGuard: false } : without(stp, 'etherchannelGuard'),
            ),
          );
        }),
      ),
    ),
  );
}

/** `spanning-tree mode pvst|rapid-pvst`: the protocol every VLAN's instance runs (IOS prints nothing). */
const setMode = (mode: 'pvst' | 'rapid-pvst') =>
  run((env) => {
    const stp = env.config().spanningTree ?? {};
    env.setConfig(withStp(env.config(), mode === 'pvst' ? without(stp, 'mode') : { ...stp, mode }));
  });

const pvstHelp = 'Per-Vlan spanning tree mode';
const rapidHelp = 'Per-Vlan rapid spanning tree mode';

/**
 * `spanning-tree ...` in global configuration on a switch (`no`: the `no` forms). `extend
 * system-id` is what the switch runs anyway: accepted, it changes nothing. `no spanning-tree
 * mode`, with or without a mode after it, goes back to PVST+.
 */
export function stpGlobalNode(no: boolean): IosNode {
  const nothing = run(() => {});
  return kw(
    'spanning-tree',
    stpHelp,
    ...(no
      ? [
          kw(
            'mode',
            'Spanning tree operating mode',
            setMode('pvst'),
            kw('pvst', pvstHelp, setMode('pvst')),
            kw('rapid-pvst', rapidHelp, setMode('pvst')),
          ),
        ]
      : [
          kw(
            'extend',
            'Spanning Tree 802.1t extensions',
            kw(
              'system-id',
              'Extend system-id into priority portion of the bridge id (PVST & Rapid PVST only)',
              nothing,
            ),
          ),
          kw(
            'mode',
            'Spanning tree operating mode',
            kw('pvst', pvstHelp, setMode('pvst')),
            kw('rapid-pvst', rapidHelp, setMode('rapid-pvst')),
          ),
        ]),
    etherchannelGuardNode(no),
    loopguardNode(no),
    globalPortfastNode(no),
    vlanNode(no),
  );
}

/** The VLANs that share each value of a setting, by the first VLAN of each group. */
function groups<T>(items: readonly T[], vlan: (t: T) => number, value: (t: T) => number | undefined) {
  const by = new Map<number, number[]>();
  for (const item of items) {
    const v = value(item);
    if (v === undefined) continue;
    const ids = by.get(v) ?? [];
    ids.push(vlan(item));
    by.set(v, ids);
  }
  return [...by.entries()].sort((a, b) => a[1][0]! - b[1][0]!).map(([v, ids]) => ({ value: v, ids }));
}

/**
 * The global lines, where a 2960 lists them (after `errdisable recovery`): the mode, the
 * PortFast defaults, the EtherChannel guard when off, the extended system id (NetAcad's 2960
 * running-config), then the VLANs' settings, each setting's VLANs that share a value on one
 * line (a 3750: "no spanning-tree vlan 999", then "spanning-tree vlan 1,10,20-27 priority 0").
 * Loop guard's default comes before the PortFast lines and the BPDU filter's after BPDU
 * guard's, as on an IOS 15.2 switch; the order of the timer lines after the priority is not
 * confirmed by a capture.
 */
export function stpConfigLines(c: DeviceConfig): string[] {
  const stp = c.spanningTree;
  const out = [`spanning-tree mode ${stp?.mode ?? 'pvst'}`];
  if (stp?.loopguardDefault) out.push('spanning-tree loopguard default');
  if (stp?.portfastDefault) out.push('spanning-tree portfast default');
  if (stp?.bpduguardDefault) out.push('spanning-tree portfast bpduguard default');
  if (stp?.bpdufilterDefault) out.push('spanning-tree portfast bpdufilter default');
  if (stp?.etherchannelGuard === false) out.push('no spanning-tree etherchannel guard misconfig');
  out.push('spanning-tree extend system-id');
  const vlans = stp?.vlans ?? [];
  const off = vlans.filter((v) => v.disabled).map((v) => v.vlan);
  if (off.length > 0) out.push(`no spanning-tree vlan ${vlanList(off)}`);
  const words: readonly [VlanSetting, string][] = [
    ['priority', 'priority'],
    ['helloTime', 'hello-time'],
    ['forwardTime', 'forward-time'],
    ['maxAge', 'max-age'],
  ];
  for (const [key, word] of words) {
    for (const g of groups(
      vlans,
      (v) => v.vlan,
      (v) => v[key],
    )) {
      out.push(`spanning-tree vlan ${vlanList(g.ids)} ${word} ${g.value}`);
    }
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Interface configuration

/** `fn` applied to a port's settings; a port left with none drops them. */
function editPort(edit: SwitchportEditor, env: IosEnv, fn: (p: PortStpConfig) => PortStpConfig): void {
  edit(env, (s) => {
    const next = fn(s.stp ?? {});
    return Object.keys(next).length === 0 ? without(s, 'stp') : { ...s, stp: next };
  });
}

/** Sets (or with `cost` undefined, removes) the port's cost in the VLANs, sorted by VLAN. */
function setVlanCost(p: PortStpConfig, ids: readonly number[], cost: number | undefined): PortStpConfig {
  const kept = (p.vlanCost ?? []).filter((e) => !ids.includes(e.vlan));
  const all = cost === undefined ? kept : [...kept, ...ids.map((vlan) => ({ vlan, cost }))];
  all.sort((a, b) => a.vlan - b.vlan);
  return all.length === 0 ? without(p, 'vlanCost') : { ...p, vlanCost: all };
}

/** Likewise its priority. */
function setVlanPriority(
  p: PortStpConfig,
  ids: readonly number[],
  priority: number | undefined,
): PortStpConfig {
  const kept = (p.vlanPortPriority ?? []).filter((e) => !ids.includes(e.vlan));
  const all = priority === undefined ? kept : [...kept, ...ids.map((vlan) => ({ vlan, priority }))];
  all.sort((a, b) => a.vlan - b.vlan);
  return all.length === 0 ? without(p, 'vlanPortPriority') : { ...p, vlanPortPriority: all };
}

/** The portfast warning every `spanning-tree portfast` prints (captures of 2960s and IOU). */
const PORTFAST_WARNING = [
  '%Warning: portfast should only be enabled on ports connected to a single',
  ' host. Connecting hubs, concentrators, switches, bridges, etc... to this',
  ' interface  when portfast is enabled, can cause temporary bridging loops.',
  ' Use with CAUTION',
];

/**
 * `spanning-tree portfast` prints the warning, then a reminder that it only acts on a port that
 * does not trunk, whatever the port's mode (captured after `switchport mode access` too); under
 * `interface range` the reminder counts the ports (the IOU capture keeps a blank at the end of
 * its first line). `portfast trunk` prints the warning alone (Odell's capture).
 */
function portfastMessages(env: IosEnv, trunk: boolean): string[] {
  if (trunk) return PORTFAST_WARNING;
  const ports = env.modes.context().interfaces;
  const reminder =
    env.modes.mode() === 'interfaceRange'
      ? [
          `%Portfast will be configured in ${ports.length} interfaces due to the range command `,
          ' but will only have effect when the interfaces are in a non-trunking mode.',
        ]
      : [
          `%Portfast has been configured on ${ports[0]} but will only`,
          ' have effect when the interface is in a non-trunking mode.',
        ];
  return [...PORTFAST_WARNING, '', ...reminder];
}

/** A port priority that is not a multiple of 16 (IOU capture: a blank line follows). */
const PORT_PRIORITY_STEPS = ['% Port Priority in increments of 16 is required', ''];

const costHelp = "Change an interface's spanning tree port path cost";
const costValueHelp = 'port path cost';
const vlanCostHelp = "Change an interface's per VLAN spanning tree path cost";
const portPriorityHelp = "Change an interface's spanning tree port priority";
const portPriorityValueHelp = 'port priority in increments of 16';
const portfastHelp = 'Enable an interface to move directly to forwarding on link up';
const bpduguardHelp = "Don't accept BPDUs on this interface";
const COST: [number, number] = [1, 200_000_000];
const PORT_PRIORITY: [number, number] = [0, 240];

/** `spanning-tree ...` on a switch port (`no`: the `no` forms; a value after them is ignored). */
export function stpInterfaceNode(edit: SwitchportEditor, no: boolean): IosNode {
  const change = (fn: (p: PortStpConfig, a: Args) => PortStpConfig) =>
    run((env, a) => editPort(edit, env, (p) => fn(p, a)));
  const checkedPriority = (then: (env: IosEnv, a: Args, n: number) => void) =>
    run((env, a) => {
      const n = a.need<number>('priority');
      if (n % STP_PORT_PRIORITY_STEP !== 0) env.error(...PORT_PRIORITY_STEPS);
      else then(env, a, n);
    });
  const costArg = (help: string, then: IosPart) => arg('cost', range(...COST), help, then);
  const priorityArg = (then: IosPart) =>
    arg('priority', range(...PORT_PRIORITY), portPriorityValueHelp, then);
  const ids = (a: Args) => idsOf(a);

  const portfast = no
    ? (() => {
        const reset = change((p) => without(p, 'portfast'));
        return kw(
          'portfast',
          portfastHelp,
          reset,
          kw('disable', 'Disable portfast for this interface', reset),
          kw('trunk', 'Enable portfast on the interface even in trunk mode', reset),
        );
      })()
    : kw(
        'portfast',
        portfastHelp,
        run((env) => {
          if (env.device) env.print(...portfastMessages(env, false));
          editPort(edit, env, (p) => ({ ...p, portfast: 'on' }));
        }),
        kw(
          'disable',
          'Disable portfast for this interface',
          change((p) => ({ ...p, portfast: 'disable' })),
        ),
        kw(
          'trunk',
          'Enable portfast on the interface even in trunk mode',
          run((env) => {
            if (env.device) env.print(...portfastMessages(env, true));
            editPort(edit, env, (p) => ({ ...p, portfast: 'trunk' }));
          }),
        ),
      );

  /**
   * A setting that takes one of a few words (`no` forms remove it, whatever word follows). The
   * guard is one such: the last one typed replaces the other.
   */
  const choice = <K extends 'bpduguard' | 'bpdufilter' | 'guard' | 'linkType'>(
    word: string,
    help: string,
    key: K,
    values: readonly (readonly [NonNullable<PortStpConfig[K]>, string])[],
  ) => {
    const set = (v: NonNullable<PortStpConfig[K]>) =>
      change((p) => (no ? without(p, key) : { ...p, [key]: v }));
    return kw(
      word,
      help,
      ...(no ? [change((p) => without(p, key))] : []),
      ...values.map(([v, h]) => kw(v, h, set(v))),
    );
  };
  const bpduguard = choice('bpduguard', bpduguardHelp, 'bpduguard', [
    ['disable', 'Disable BPDU guard for this interface'],
    ['enable', 'Enable BPDU guard for this interface'],
  ]);
  const bpdufilter = choice('bpdufilter', "Don't send or receive BPDUs on this interface", 'bpdufilter', [
    ['disable', 'Disable BPDU filtering for this interface'],
    ['enable', 'Enable BPDU filtering for this interface'],
  ]);
  const guardMode = choice('guard', "Change an interface's spanning tree guard mode", 'guard', [
    ['loop', 'Set guard mode to loop guard on interface'],
    ['none', 'Set guard mode to none'],
    ['root', 'Set guard mode to root guard on interface'],
  ]);
  const linkType = choice('link-type', 'Specify a link type for spanning tree protocol use', 'linkType', [
    ['point-to-point', 'Consider the interface as point-to-point'],
    ['shared', 'Consider the interface as shared'],
  ]);

  const resetCost = change((p) => without(p, 'cost'));
  const cost = no
    ? kw('cost', costHelp, resetCost, costArg(costValueHelp, resetCost))
    : kw(
        'cost',
        costHelp,
        costArg(
          costValueHelp,
          change((p, a) => ({ ...p, cost: a.need<number>('cost') })),
        ),
      );

  const resetPriority = change((p) => without(p, 'portPriority'));
  const portPriority = no
    ? kw('port-priority', portPriorityHelp, resetPriority, priorityArg(resetPriority))
    : kw(
        'port-priority',
        portPriorityHelp,
        priorityArg(
          checkedPriority((env, _a, n) =>
            editPort(edit, env, (p) => (n === 128 ? without(p, 'portPriority') : { ...p, portPriority: n })),
          ),
        ),
      );

  const resetVlanCost = change((p, a) => setVlanCost(p, ids(a), undefined));
  const resetVlanPriority = change((p, a) => setVlanPriority(p, ids(a), undefined));
  const vlan = kw(
    'vlan',
    vlanHelp,
    arg(
      'vlans',
      VLAN_LIST,
      vlanListHelp,
      no
        ? kw('cost', vlanCostHelp, resetVlanCost, costArg(vlanCostHelp, resetVlanCost))
        : kw(
            'cost',
            vlanCostHelp,
            costArg(
              vlanCostHelp,
              change((p, a) => setVlanCost(p, ids(a), a.need<number>('cost'))),
            ),
          ),
      no
        ? kw('port-priority', portPriorityHelp, resetVlanPriority, priorityArg(resetVlanPriority))
        : kw(
            'port-priority',
            portPriorityHelp,
            priorityArg(
              checkedPriority((env, a, n) => editPort(edit, env, (p) => setVlanPriority(p, ids(a), n))),
            ),
          ),
    ),
  );

  return kw(
    'spanning-tree',
    stpHelp,
    bpdufilter,
    bpduguard,
    cost,
    guardMode,
    linkType,
    portPriority,
    portfast,
    vlan,
  );
}

/**
 * A port's lines, after all its others (no capture shows one before `no cdp enable`): PortFast,
 * BPDU filter, BPDU guard, the guard (configurations saved from Catalysts), the link type (after
 * PortFast in a saved configuration), then costs and priorities. The relative order of the last
 * five is not confirmed by a capture.
 */
export function stpInterfaceLines(p: PortStpConfig): string[] {
  const out: string[] = [];
  if (p.portfast === 'on') out.push(' spanning-tree portfast');
  else if (p.portfast !== undefined) out.push(` spanning-tree portfast ${p.portfast}`);
  if (p.bpdufilter !== undefined) out.push(` spanning-tree bpdufilter ${p.bpdufilter}`);
  if (p.bpduguard !== undefined) out.push(` spanning-tree bpduguard ${p.bpduguard}`);
  if (p.guard !== undefined) out.push(` spanning-tree guard ${p.guard}`);
  if (p.linkType !== undefined) out.push(` spanning-tree link-type ${p.linkType}`);
  if (p.cost !== undefined) out.push(` spanning-tree cost ${p.cost}`);
  if (p.portPriority !== undefined) out.push(` spanning-tree port-priority ${p.portPriority}`);
  for (const g of groups(
    p.vlanCost ?? [],
    (e) => e.vlan,
    (e) => e.cost,
  ))
    out.push(` spanning-tree vlan ${vlanList(g.ids)} cost ${g.value}`);
  for (const g of groups(
    p.vlanPortPriority ?? [],
    (e) => e.vlan,
    (e) => e.priority,
  ))
    out.push(` spanning-tree vlan ${vlanList(g.ids)} port-priority ${g.value}`);
  return out;
}
