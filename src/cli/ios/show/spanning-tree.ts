/**
 * `show spanning-tree` and its views as a Catalyst 2960 on IOS 15.0 prints them for PVST+ and
 * rapid PVST+ (whose instances say "protocol rstp", show a discarding port as BLK, and mark a
 * port whose neighbour runs 802.1D "Peer(STP)": networklessons' and genieparser's captures).
 * The formatters are pure (instances in, lines out); the `show...` functions at the end read
 * the engine and the configuration for them. Layouts:
 *
 * - the instance block and its port table: NetAcad's "Building a Switched Network with Redundant
 *   Links" (real 2960s), "Aging Time  15  sec" during a topology change (2960s and IOSvL2),
 *   every Type ending in a blank ("P2p ", "P2p Edge ", "P2p *PVID_Inc ": captures that were not
 *   trimmed), "BKN*" eating the blank before the cost (vIOS-L2), a blank line before each block
 *   and two after its table (vIOS-L2, IOU);
 * - `interface X`: IOU, the 2960's table with a Vlan column; "no spanning tree info available
 *   for X" then a blank line (2960 and IOU captures); `interface X portfast`: a 2960 capture;
 * - `summary`: the 2960's order of lines, columns and wrapping of "Root bridge for:" as a
 *   classic-format capture (genieparser's golden output 3) has them, VLANs listed one by one;
 * - `root` and `blockedports`: vIOS-L2 (the same code line as the 2960's 15.0);
 * - `inconsistentports`: a 3750 on 12.2 and IOSv-L2 (24 columns for the interface; one 3750
 *   capture has 22), the PVID inconsistency named as Cisco's troubleshooting note names it.
 */
import type { StpInstanceStatus, StpPortStatus } from '../../../engine/api.ts';
import type { DeviceConfig } from '../../../shared/config.ts';
import { formatMacDotted } from '../../../shared/mac.ts';
import { shortInterfaceName } from '../../../shared/ports.ts';
import { formatVlanList, type VlanRanges } from '../../../shared/vlans.ts';
import type { IosDeviceContext } from '../../context.ts';
import { vlanIds } from '../common.ts';

/** A spanning tree instance's name: VLAN0001. */
export const instanceName = (vlan: number): string => `VLAN${String(vlan).padStart(4, '0')}`;

const ROLE: Record<StpPortStatus['role'], string> = {
  root: 'Root',
  designated: 'Desg',
  alternate: 'Altn',
  backup: 'Back',
  disabled: 'Disa',
};

const STATE: Record<StpPortStatus['state'], string> = {
  blocking: 'BLK',
  listening: 'LIS',
  learning: 'LRN',
  forwarding: 'FWD',
  broken: 'BKN*',
};

/** The Type column: the link type, "Edge" for PortFast, an 802.1D neighbour, the inconsistency; a blank ends it. */
function portType(p: StpPortStatus): string {
  const words = [p.shared ? 'Shr' : 'P2p'];
  if (p.edge) words.push('Edge');
  if (p.peerStp) words.push('Peer(STP)');
  if (p.inconsistent !== undefined) words.push(`*${p.inconsistent.toUpperCase()}_Inc`);
  return `${words.join(' ')} `;
}

const RULE = '------------------- ---- --- --------- -------- --------------------------------';

/** One row of the port table, `label` being the port (or the instance in `interface X`). */
function portRow(label: string, p: StpPortStatus): string {
  return (
    `${label.padEnd(19)} ${ROLE[p.role]} ${STATE[p.state].padEnd(3)}` +
    // "BKN*" takes the blank before the cost.
    `${STATE[p.state].length > 3 ? '' : ' '}${String(p.cost).padEnd(9)} ` +
    `${`${p.priority}.${p.number}`.padEnd(8)} ${portType(p)}`
  );
}

const timers = (hello: number, maxAge: number, forward: number): string =>
  `             Hello Time  ${String(hello).padStart(2)} sec  Max Age ${String(maxAge).padStart(2)} sec  ` +
  `Forward Delay ${String(forward).padStart(2)} sec`;

/** This switch is the instance's root bridge. */
export const isRoot = (i: StpInstanceStatus): boolean =>
  i.rootPriority === i.bridgeId && i.rootMac === i.bridgeMac;

/** One instance as `show spanning-tree` prints it: a blank line, the block, two blank lines. */
export function stpInstanceLines(i: StpInstanceStatus): string[] {
  const root = isRoot(i);
  return [
    '',
    instanceName(i.vlan),
    `  Spanning tree enabled protocol ${i.protocol}`,
    `  Root ID    Priority    ${i.rootPriority}`,
    `             Address     ${formatMacDotted(i.rootMac)}`,
    ...(root
      ? ['             This bridge is the root']
      : [
          `             Cost        ${i.rootCost}`,
          `             Port        ${i.rootPortNumber ?? 0} (${i.rootPort ?? ''})`,
        ]),
    timers(i.helloTime, i.maxAge, i.forwardDelay),
    '',
    `  Bridge ID  Priority    ${i.bridgeId}  (priority ${i.bridgePriority} sys-id-ext ${i.vlan})`,
    `             Address     ${formatMacDotted(i.bridgeMac)}`,
    timers(i.bridgeHelloTime, i.bridgeMaxAge, i.bridgeForwardDelay),
    `             Aging Time  ${String(i.agingTime).padEnd(3)} sec`,
    '',
    'Interface           Role Sts Cost      Prio.Nbr Type',
    RULE,
    ...i.ports.map((p) => portRow(shortInterfaceName(p.port), p)),
    '',
    '',
  ];
}

/** IOS's answer for VLANs with no instance (IOU and a 3560: a blank line before and after). */
export const noInstanceFor = (vlans: VlanRanges): string[] => [
  '',
  `Spanning tree instance(s) for vlan ${formatVlanList(vlans)} does not exist.`,
  '',
];

/** `show spanning-tree` with no instance at all (Packet Tracer puts a blank line before it). */
export const NO_INSTANCE = ['', 'No spanning tree instance exists.'];

/** `show spanning-tree [vlan LIST]`: the instances of those VLANs (all without a list). */
export function stpShow(instances: readonly StpInstanceStatus[], vlans?: VlanRanges): string[] {
  return forVlans(instances, vlans, (shown) => shown.flatMap((i) => stpInstanceLines(i)));
}

/**
 * What a view prints of the instances of `vlans` (all without a list), or IOS's answer when
 * there is none.
 */
export function forVlans(
  instances: readonly StpInstanceStatus[],
  vlans: VlanRanges | undefined,
  lines: (shown: readonly StpInstanceStatus[]) => string[],
): string[] {
  const ids = vlans === undefined ? undefined : new Set(vlanIds(vlans));
  const shown = instances.filter((i) => ids === undefined || ids.has(i.vlan));
  if (shown.length === 0) return vlans === undefined ? NO_INSTANCE : noInstanceFor(vlans);
  return lines(shown);
}

/** `show spanning-tree interface X`: the port's row in each instance it is part of. */
export function stpInterface(instances: readonly StpInstanceStatus[], port: string): string[] {
  const rows = instances.flatMap((i) =>
    i.ports.filter((p) => p.port === port).map((p) => portRow(instanceName(i.vlan), p)),
  );
  if (rows.length === 0) return [`no spanning tree info available for ${port}`, ''];
  return ['', 'Vlan                Role Sts Cost      Prio.Nbr Type', RULE, ...rows];
}

/** `show spanning-tree interface X portfast`: whether the port is an edge port, per instance. */
export function stpInterfacePortfast(instances: readonly StpInstanceStatus[], port: string): string[] {
  const rows = instances.flatMap((i) =>
    i.ports
      .filter((p) => p.port === port)
      .map((p) => `${instanceName(i.vlan).padEnd(17)}${p.edge ? 'enabled' : 'disabled'}`),
  );
  return rows.length === 0 ? [`no spanning tree info available for ${port}`, ''] : rows;
}

/** Items after a label, ", " between them, wrapped onto lines indented by two before 80 columns. */
function wrapped(label: string, items: readonly string[]): string[] {
  const lines: string[] = [];
  let line = label;
  let first = true;
  for (const item of items) {
    if (first) line += item;
    else if (line.length + 2 + item.length < 80) line += `, ${item}`;
    else {
      lines.push(line);
      line = `  ${item}`;
    }
    first = false;
  }
  lines.push(line);
  return lines;
}

const SUMMARY_HEADER = [
  'Name                   Blocking Listening Learning Forwarding STP Active',
  '---------------------- -------- --------- -------- ---------- ----------',
];

/** One row of the summary's table: a name, then the ports in each state and all of them. */
function summaryRow(name: string, counts: readonly number[]): string {
  const [blocking, listening, learning, forwarding, active] = counts;
  return (
    name.padEnd(22) +
    String(blocking).padStart(8) +
    String(listening).padStart(10) +
    String(learning).padStart(9) +
    String(forwarding).padStart(11) +
    String(active).padStart(11)
  );
}

/** Ports per state: blocking (with those an inconsistency holds), listening, learning, forwarding, all. */
function counts(i: StpInstanceStatus): number[] {
  const n = (states: readonly StpPortStatus['state'][]) =>
    i.ports.filter((p) => states.includes(p.state)).length;
  return [n(['blocking', 'broken']), n(['listening']), n(['learning']), n(['forwarding']), i.ports.length];
}

/** The switch-wide settings `show spanning-tree summary` reports. */
export interface StpSummarySettings {
  readonly portfastDefault: boolean;
  readonly bpduguardDefault: boolean;
  readonly bpdufilterDefault: boolean;
  readonly loopguardDefault: boolean;
  readonly etherchannelGuard: boolean;
  readonly mode: 'pvst' | 'rapid-pvst';
}

/** `show spanning-tree summary`: the switch's settings, then the ports of each instance by state. */
export function stpSummary(instances: readonly StpInstanceStatus[], settings: StpSummarySettings): string[] {
  const roots = instances.filter(isRoot).map((i) => instanceName(i.vlan));
  const onOff = (on: boolean) => (on ? 'enabled' : 'disabled');
  const all = instances.map(counts);
  const sum = [0, 1, 2, 3, 4].map((k) => all.reduce((s, c) => s + c[k]!, 0));
  const vlans = `${instances.length} vlan${instances.length === 1 ? '' : 's'}`;
  return [
    `Switch is in ${settings.mode} mode`,
    ...(roots.length === 0 ? ['Root bridge for: none'] : wrapped('Root bridge for: ', roots)),
    'Extended system ID           is enabled',
    `Portfast Default             is ${onOff(settings.portfastDefault)}`,
    `PortFast BPDU Guard Default  is ${onOff(settings.bpduguardDefault)}`,
    `Portfast BPDU Filter Default is ${onOff(settings.bpdufilterDefault)}`,
    `Loopguard Default            is ${onOff(settings.loopguardDefault)}`,
    `EtherChannel misconfig guard is ${onOff(settings.etherchannelGuard)}`,
    'UplinkFast                   is disabled',
    'BackboneFast                 is disabled',
    'Configured Pathcost method used is short',
    '',
    ...SUMMARY_HEADER,
    ...instances.map((i, k) => summaryRow(instanceName(i.vlan), all[k]!)),
    SUMMARY_HEADER[1]!,
    summaryRow(vlans, sum),
  ];
}

/** `show spanning-tree root`: each instance's root, its cost and timers, and the root port. */
export function stpRoot(instances: readonly StpInstanceStatus[]): string[] {
  return [
    '',
    '                                        Root    Hello Max Fwd',
    'Vlan                   Root ID          Cost    Time  Age Dly  Root Port',
    '---------------- -------------------- --------- ----- --- ---  ------------',
    ...instances.map(
      (i) =>
        `${instanceName(i.vlan).padEnd(16)} ${String(i.rootPriority).padStart(5)} ${formatMacDotted(i.rootMac)}` +
        `${String(i.rootCost).padStart(10)}${String(i.helloTime).padStart(5)}${String(i.maxAge).padStart(5)}` +
        `${String(i.forwardDelay).padStart(4)}${i.rootPort === undefined ? '' : `  ${shortInterfaceName(i.rootPort)}`}`,
    ),
  ];
}

/**
 * `show spanning-tree [vlan LIST] bridge`: each instance's bridge ID (with its priority and
 * VLAN apart), the timers it would send as root, and its protocol (IOL and IOSvL2 15 captures;
 * the width of a priority under 10000 is not confirmed by one).
 */
export function stpBridge(instances: readonly StpInstanceStatus[], vlans?: VlanRanges): string[] {
  const pad = (n: number, w: number) => String(n).padStart(w);
  return forVlans(instances, vlans, (shown) => [
    '',
    '                                                   Hello  Max  Fwd',
    'Vlan                         Bridge ID              Time  Age  Dly  Protocol',
    '---------------- --------------------------------- -----  ---  ---  --------',
    ...shown.map(
      (i) =>
        `${instanceName(i.vlan).padEnd(16)} ${pad(i.bridgeId, 5)} (${pad(i.bridgePriority, 5)},${pad(i.vlan, 4)}) ` +
        `${formatMacDotted(i.bridgeMac)}${pad(i.bridgeHelloTime, 5)}${pad(i.bridgeMaxAge, 6)}` +
        `${pad(i.bridgeForwardDelay, 5)}  ${i.protocol}`,
    ),
  ]);
}

/** `show spanning-tree blockedports`: the blocking ports of each instance that has some. */
export function stpBlockedPorts(instances: readonly StpInstanceStatus[]): string[] {
  let total = 0;
  const rows: string[] = [];
  for (const i of instances) {
    const blocked = i.ports.filter((p) => p.state === 'blocking').map((p) => shortInterfaceName(p.port));
    if (blocked.length === 0) continue;
    total += blocked.length;
    rows.push(`${instanceName(i.vlan).padEnd(20)} ${blocked.join(', ')}`);
  }
  return [
    '',
    'Name                 Blocked Interfaces List',
    '-------------------- ------------------------------------',
    ...rows,
    '',
    `Number of blocked ports (segments) in the system : ${total}`,
  ];
}

export const INCONSISTENCY: Record<NonNullable<StpPortStatus['inconsistent']>, string> = {
  root: 'Root Inconsistent',
  loop: 'Loop Inconsistent',
  pvid: 'Port VLAN ID Mismatch',
  type: 'Port Type Inconsistent',
};

/** `show spanning-tree inconsistentports`: every port an inconsistency holds, by instance. */
export function stpInconsistentPorts(instances: readonly StpInstanceStatus[]): string[] {
  const rows = instances.flatMap((i) =>
    i.ports
      .filter((p) => p.inconsistent !== undefined)
      .map(
        (p) => `${instanceName(i.vlan).padEnd(20)} ${p.port.padEnd(24)} ${INCONSISTENCY[p.inconsistent!]}`,
      ),
  );
  return [
    '',
    'Name                 Interface                Inconsistency',
    '-------------------- ------------------------ ------------------',
    ...rows,
    '',
    `Number of inconsistent ports (segments) in the system : ${rows.length}`,
  ];
}

// ---------------------------------------------------------------------------------------------
// Reading the device

export function showSpanningTree(dev: IosDeviceContext, vlans?: VlanRanges): string[] {
  return stpShow(dev.sim.spanningTree(dev.id), vlans);
}

/**
 * A view of the device's instances; after `vlan LIST`, of those of the VLANs listed, or IOS's
 * word that they do not exist.
 */
function view(
  dev: IosDeviceContext,
  vlans: VlanRanges | undefined,
  lines: (instances: readonly StpInstanceStatus[]) => string[],
): string[] {
  const all = dev.sim.spanningTree(dev.id);
  return vlans === undefined ? lines(all) : forVlans(all, vlans, lines);
}

export function showSpanningTreeInterface(dev: IosDeviceContext, port: string, vlans?: VlanRanges): string[] {
  return view(dev, vlans, (shown) => stpInterface(shown, port));
}

export function showSpanningTreeInterfacePortfast(dev: IosDeviceContext, port: string): string[] {
  return stpInterfacePortfast(dev.sim.spanningTree(dev.id), port);
}

export function showSpanningTreeSummary(
  dev: IosDeviceContext,
  config: DeviceConfig,
  vlans?: VlanRanges,
): string[] {
  const stp = config.spanningTree;
  return view(dev, vlans, (shown) =>
    stpSummary(shown, {
      portfastDefault: stp?.portfastDefault === true,
      bpduguardDefault: stp?.bpduguardDefault === true,
      bpdufilterDefault: stp?.bpdufilterDefault === true,
      loopguardDefault: stp?.loopguardDefault === true,
      etherchannelGuard: stp?.etherchannelGuard !== false,
      mode: stp?.mode ?? 'pvst',
    }),
  );
}

export function showSpanningTreeBridge(dev: IosDeviceContext, vlans?: VlanRanges): string[] {
  return stpBridge(dev.sim.spanningTree(dev.id), vlans);
}

export function showSpanningTreeInconsistentPorts(dev: IosDeviceContext): string[] {
  return stpInconsistentPorts(dev.sim.spanningTree(dev.id));
}

export function showSpanningTreeRoot(dev: IosDeviceContext, vlans?: VlanRanges): string[] {
  return view(dev, vlans, stpRoot);
}

export function showSpanningTreeBlockedPorts(dev: IosDeviceContext, vlans?: VlanRanges): string[] {
  return view(dev, vlans, stpBlockedPorts);
}
