/**
 * Spanning tree settings of a Catalyst switch running PVST+ (IEEE 802.1D per VLAN, IOS's
 * `spanning-tree mode pvst`) or rapid PVST+ (IEEE 802.1D-2004 RSTP per VLAN, `spanning-tree
 * mode rapid-pvst`): what `spanning-tree ...` commands leave in the configuration.
 * Absent fields are IOS's defaults. Plain JSON-able data, as the rest of the configuration.
 */

/** IEEE 802.1D's and IOS's defaults (seconds, and the bridge and port priorities). */
export const STP_DEFAULT_PRIORITY = 32768;
export const STP_DEFAULT_PORT_PRIORITY = 128;
export const STP_DEFAULT_HELLO = 2;
export const STP_DEFAULT_FORWARD_DELAY = 15;
export const STP_DEFAULT_MAX_AGE = 20;
/** Bridge priorities go in steps of 4096 (the low 12 bits carry the VLAN: the extended system id). */
export const STP_PRIORITY_STEP = 4096;
/** Port priorities go in steps of 16. */
export const STP_PORT_PRIORITY_STEP = 16;
/** What `spanning-tree vlan X root primary|secondary` sets when no other bridge has a lower priority. */
export const STP_ROOT_PRIMARY = 24576;
export const STP_ROOT_SECONDARY = 28672;

/** One VLAN's instance, where it differs from the defaults. */
export interface StpVlanConfig {
  readonly vlan: number;
  /** `no spanning-tree vlan X`: no instance runs in the VLAN. */
  readonly disabled?: true;
  /** `spanning-tree vlan X priority N` (0-61440, a multiple of 4096). */
  readonly priority?: number;
  /** `spanning-tree vlan X hello-time N` (1-10 s). */
  readonly helloTime?: number;
  /** `spanning-tree vlan X forward-time N` (4-30 s). */
  readonly forwardTime?: number;
  /** `spanning-tree vlan X max-age N` (6-40 s). */
  readonly maxAge?: number;
}

/** The switch's global spanning tree settings. */
export interface SpanningTreeConfig {
  /** `spanning-tree mode rapid-pvst`: IEEE 802.1D-2004 RSTP per VLAN; absent, PVST+ (`mode pvst`). */
  readonly mode?: 'rapid-pvst';
  /** Per VLAN, sorted by VLAN id. */
  readonly vlans?: readonly StpVlanConfig[];
  /** `spanning-tree portfast default`: every access port without a setting of its own is an edge port. */
  readonly portfastDefault?: true;
  /** `spanning-tree portfast bpduguard default`: BPDU guard on every edge port without a setting of its own. */
  readonly bpduguardDefault?: true;
  /** `spanning-tree portfast bpdufilter default`: BPDU filtering on every edge port without a setting of its own. */
  readonly bpdufilterDefault?: true;
  /** `spanning-tree loopguard default`: loop guard on every port without a guard of its own. */
  readonly loopguardDefault?: true;
  /** `no spanning-tree etherchannel guard misconfig`: the EtherChannel guard, on by default, off. */
  readonly etherchannelGuard?: false;
}

/** A switch port's spanning tree settings (interface commands). */
export interface PortStpConfig {
  /**
   * `spanning-tree portfast` ('on': on an access port), `spanning-tree portfast trunk` ('trunk':
   * on a trunk too), `spanning-tree portfast disable` ('disable': not even by default).
   */
  readonly portfast?: 'on' | 'trunk' | 'disable';
  /** `spanning-tree bpduguard enable|disable`. */
  readonly bpduguard?: 'enable' | 'disable';
  /** `spanning-tree bpdufilter enable|disable`. */
  readonly bpdufilter?: 'enable' | 'disable';
  /** `spanning-tree guard root|loop|none` (one guard at a time; `none` also overrides `loopguard default`). */
  readonly guard?: 'root' | 'loop' | 'none';
  /** `spanning-tree link-type point-to-point|shared`; absent, the port's duplex decides. */
  readonly linkType?: 'point-to-point' | 'shared';
  /** `spanning-tree cost N` (1-200000000), every VLAN. */
  readonly cost?: number;
  /** `spanning-tree port-priority N` (0-240, a multiple of 16), every VLAN. */
  readonly portPriority?: number;
  /** `spanning-tree vlan X cost N`, sorted by VLAN. */
  readonly vlanCost?: readonly { readonly vlan: number; readonly cost: number }[];
  /** `spanning-tree vlan X port-priority N`, sorted by VLAN. */
  readonly vlanPortPriority?: readonly { readonly vlan: number; readonly priority: number }[];
}

/** The settings of `vlan`'s instance, the defaults filled in. */
export function stpVlanSettings(
  config: SpanningTreeConfig | undefined,
  vlan: number,
): { enabled: boolean; priority: number; helloTime: number; forwardTime: number; maxAge: number } {
  const v = config?.vlans?.find((x) => x.vlan === vlan);
  return {
    enabled: v?.disabled !== true,
    priority: v?.priority ?? STP_DEFAULT_PRIORITY,
    helloTime: v?.helloTime ?? STP_DEFAULT_HELLO,
    forwardTime: v?.forwardTime ?? STP_DEFAULT_FORWARD_DELAY,
    maxAge: v?.maxAge ?? STP_DEFAULT_MAX_AGE,
  };
}

/**
 * IEEE 802.1D-1998's short path cost (table 8-5), as a Catalyst's `pathcost method short`
 * gives it by link speed in bits per second: 100 at 10 Mb/s, 19 at 100 Mb/s, 4 at 1 Gb/s, 2
 * at 10 Gb/s. A Port-channel's bandwidth falls between the table's speeds: IOS then gives a
 * cost on the table's curve (log-linear between its points, rounded down), which is what 2960s
 * show (12 for 2 x 100 Mb/s, 8 for 4, 3 for 2 x 1 Gb/s), but for 3 x 100 Mb/s, shown as 9.
 */
export function stpDefaultCost(bitsPerSecond: number): number {
  if (bitsPerSecond >= 10e9) return 2;
  if (bitsPerSecond === 300e6) return 9;
  for (let i = 1; i < COST_TABLE.length; i++) {
    const [hi, hiCost] = COST_TABLE[i]!;
    if (bitsPerSecond > hi) continue;
    const [lo, loCost] = COST_TABLE[i - 1]!;
    if (bitsPerSecond <= lo) return loCost;
    const t = Math.log(bitsPerSecond / lo) / Math.log(hi / lo);
    return Math.floor(loCost - t * (loCost - hiCost) + 1e-9);
  }
  return 2;
}

/** IEEE 802.1D-1998 table 8-5's recommended values: speed in bits per second, cost. */
const COST_TABLE: readonly (readonly [number, number])[] = [
  [10e6, 100],
  [16e6, 62],
  [100e6, 19],
  [155e6, 14],
  [622e6, 6],
  [1e9, 4],
  [10e9, 2],
];

/** The port's cost in `vlan`: `spanning-tree vlan X cost`, else `spanning-tree cost`, else by speed. */
export function stpPortCost(config: PortStpConfig | undefined, vlan: number, bitsPerSecond: number): number {
  return (
    config?.vlanCost?.find((c) => c.vlan === vlan)?.cost ?? config?.cost ?? stpDefaultCost(bitsPerSecond)
  );
}

/** The port's priority in `vlan`, likewise. */
export function stpPortPriority(config: PortStpConfig | undefined, vlan: number): number {
  return (
    config?.vlanPortPriority?.find((c) => c.vlan === vlan)?.priority ??
    config?.portPriority ??
    STP_DEFAULT_PORT_PRIORITY
  );
}

/** Whether a port is an edge port (PortFast in effect) as it runs: trunking or not. */
export function stpEdge(
  config: PortStpConfig | undefined,
  global: SpanningTreeConfig | undefined,
  trunk: boolean,
): boolean {
  const pf = config?.portfast;
  if (pf === 'trunk') return true;
  if (pf === 'disable') return false;
  if (trunk) return false;
  return pf === 'on' || global?.portfastDefault === true;
}

/**
 * Whether a port's segment is point-to-point, which rapid PVST+'s agreements need: as
 * `spanning-tree link-type` says, else a full-duplex port is and a half-duplex one is shared
 * (Catalyst 2960 command reference, `spanning-tree link-type`).
 */
export function stpPointToPoint(config: PortStpConfig | undefined, halfDuplex: boolean): boolean {
  const t = config?.linkType;
  return t === undefined ? !halfDuplex : t === 'point-to-point';
}

/** Whether BPDU guard runs on a port: its own setting, else the default's on an edge port. */
export function stpBpduguard(
  config: PortStpConfig | undefined,
  global: SpanningTreeConfig | undefined,
  edge: boolean,
): boolean {
  const g = config?.bpduguard;
  if (g !== undefined) return g === 'enable';
  return edge && global?.bpduguardDefault === true;
}

/** Whether root guard runs on a port (`spanning-tree guard root`). */
export const stpRootGuard = (config: PortStpConfig | undefined): boolean => config?.guard === 'root';

/**
 * Whether loop guard runs on a port: `spanning-tree guard loop`, else `spanning-tree loopguard
 * default` on a port with no guard of its own. Either acts only on a point-to-point link that is
 * not an edge port (Catalyst 2960 configuration guide: loop guard "operates only on interfaces
 * that are considered point-to-point by the spanning tree"; PortFast ports expect no BPDUs).
 */
export function stpLoopGuard(
  config: PortStpConfig | undefined,
  global: SpanningTreeConfig | undefined,
  edge: boolean,
  pointToPoint: boolean,
): boolean {
  if (edge || !pointToPoint) return false;
  const g = config?.guard;
  return g === 'loop' || (g === undefined && global?.loopguardDefault === true);
}

/** No BPDU filtering. */
export const FILTER_OFF = 0;
/** `spanning-tree bpdufilter enable`: the port sends no BPDU and drops those it receives. */
export const FILTER_ON = 1;
/**
 * `spanning-tree portfast bpdufilter default` on an edge port: it sends a few BPDUs as its link
 * comes up, then none; a BPDU arriving takes its PortFast and its filtering away.
 */
export const FILTER_EDGE = 2;

/** How a port filters BPDUs: its own setting, else the default's on an edge port. */
export function stpBpdufilter(
  config: PortStpConfig | undefined,
  global: SpanningTreeConfig | undefined,
  edge: boolean,
): number {
  const f = config?.bpdufilter;
  if (f !== undefined) return f === 'enable' ? FILTER_ON : FILTER_OFF;
  return edge && global?.bpdufilterDefault === true ? FILTER_EDGE : FILTER_OFF;
}
