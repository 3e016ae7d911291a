/**
 * `show spanning-tree detail`, `show spanning-tree vlan X detail` and `show spanning-tree
 * interface X detail`, as IOS 15 prints them for PVST+ ("ieee compatible") and rapid PVST+
 * ("rstp compatible", the configured line ending in the transmit hold count). Layouts from
 * captures of IOSvL2 and IOL 15 switches, a 3750 and a 3850 (networklessons, lab notes,
 * genieparser's golden outputs); no capture of a 2960 itself:
 *
 * - an instance: one blank line, its block (a space before the first line, two before the
 *   others, ten before a continuation), then each port after a blank line; two blank lines
 *   between instances;
 * - a port: a space before its first line, which ends in a blank after the state ("is broken
 *   (Root Inconsistent)" for a port a guard or PVST+ holds), three before the others; its
 *   optional lines in the order PortFast, link type (", Peer is STP" for an 802.1D neighbour),
 *   BPDU guard, BPDU filter, root guard, loop guard, each saying "by default" when a global
 *   default put it there;
 * - `interface X detail`: the port's block in each instance, one after the other.
 *
 * The port's hold timer shows 0: it runs for the 1 s hold time, so never reaches a whole second.
 * The "from" line after the count of topology changes names the port the last one came
 * from or by, and is left out when there has been none. Not confirmed by a capture: the lines
 * of a link type set by `spanning-tree link-type` (the "by default" left out) and the relative
 * order of the BPDU guard, BPDU filter and root guard lines.
 */
import type { StpInstanceStatus, StpPortStatus } from '../../../engine/api.ts';
import type { DeviceConfig } from '../../../shared/config.ts';
import { formatMacDotted } from '../../../shared/mac.ts';
import type { PortStpConfig } from '../../../shared/spanning-tree.ts';
import type { Micros } from '../../../shared/time.ts';
import type { VlanRanges } from '../../../shared/vlans.ts';
import type { IosDeviceContext } from '../../context.ts';
import { ago } from './format.ts';
import { forVlans, INCONSISTENCY, instanceName, isRoot } from './spanning-tree.ts';

/** A port's `spanning-tree` interface settings, by port name (a Port-channel's its own). */
export type PortSettings = (port: string) => PortStpConfig | undefined;

const flag = (on: boolean): string => (on ? 'set' : 'not set');

/** An instance's block, from its name to its timers. */
export function stpDetailHeader(i: StpInstanceStatus, now: Micros): string[] {
  const hold = i.transmitHoldCount === undefined ? '' : `, transmit hold-count ${i.transmitHoldCount}`;
  const since = i.lastTopologyChange ?? i.startedAt;
  return [
    ` ${instanceName(i.vlan)} is executing the ${i.protocol} compatible Spanning Tree protocol`,
    `  Bridge Identifier has priority ${i.bridgePriority}, sysid ${i.vlan}, address ${formatMacDotted(i.bridgeMac)}`,
    `  Configured hello time ${i.bridgeHelloTime}, max age ${i.bridgeMaxAge}, forward delay ${i.bridgeForwardDelay}${hold}`,
    ...(isRoot(i)
      ? ['  We are the root of the spanning tree']
      : [
          `  Current root has priority ${i.rootPriority}, address ${formatMacDotted(i.rootMac)}`,
          `  Root port is ${i.rootPortNumber ?? 0} (${i.rootPort ?? ''}), cost of root path is ${i.rootCost}`,
        ]),
    `  Topology change flag ${flag(i.topologyChange)}, detected flag ${flag(i.topologyChangeDetected)}`,
    `  Number of topology changes ${i.topologyChanges} last change occurred ${ago(now, since)} ago`,
    ...(i.topologyChanges > 0 && i.lastTopologyChangePort !== undefined
      ? [`          from ${i.lastTopologyChangePort}`]
      : []),
    `  Times:  hold 1, topology change ${i.maxAge + i.forwardDelay}, notification ${i.bridgeHelloTime}`,
    `          hello ${i.helloTime}, max age ${i.maxAge}, forward delay ${i.forwardDelay}`,
    `  Timers: hello ${i.helloTimer}, topology change ${i.topologyChangeTimer}, notification ${i.notificationTimer}, aging ${i.agingTime}`,
  ];
}

/** " by default" when a global default, not the port's own setting, put a feature on the port. */
const byDefault = (own: boolean): string => (own ? '' : ' by default');

/** A port's block in instance `vlan`. */
export function stpDetailPort(vlan: number, p: StpPortStatus, own: PortStpConfig | undefined): string[] {
  const where = `Port ${p.number} (${p.port}) of ${instanceName(vlan)} is`;
  const first =
    p.inconsistent === undefined
      ? ` ${where} ${p.role} ${p.state} `
      : ` ${where} broken  (${INCONSISTENCY[p.inconsistent]})`;
  const dp = p.designatedPort;
  const optional: string[] = [];
  if (p.edge) optional.push(`   The port is in the portfast mode${byDefault(own?.portfast !== undefined)}`);
  optional.push(
    `   Link type is ${p.shared ? 'shared' : 'point-to-point'}${byDefault(own?.linkType !== undefined)}` +
      (p.peerStp ? ', Peer is STP' : ''),
  );
  if (p.bpduguard) optional.push(`   Bpdu guard is enabled${byDefault(own?.bpduguard === 'enable')}`);
  if (p.bpdufilter) optional.push(`   Bpdu filter is enabled${byDefault(own?.bpdufilter === 'enable')}`);
  if (p.rootGuard) optional.push('   Root guard is enabled on the port');
  if (p.loopGuard) optional.push(`   Loop guard is enabled${byDefault(own?.guard === 'loop')} on the port`);
  return [
    first,
    `   Port path cost ${p.cost}, Port priority ${p.priority}, Port Identifier ${p.priority}.${p.number}.`,
    `   Designated root has priority ${p.designatedRootPriority}, address ${formatMacDotted(p.designatedRootMac)}`,
    `   Designated bridge has priority ${p.designatedBridgePriority}, address ${formatMacDotted(p.designatedBridgeMac)}`,
    `   Designated port id is ${dp >>> 8}.${dp & 0xfff}, designated path cost ${p.designatedCost}`,
    `   Timers: message age ${p.messageAgeTimer}, forward delay ${p.forwardDelayTimer}, hold 0`,
    `   Number of transitions to forwarding state: ${p.forwardTransitions}`,
    ...optional,
    `   BPDU: sent ${p.bpdusSent}, received ${p.bpdusReceived}`,
  ];
}

/** `show spanning-tree [vlan LIST] detail`. */
export function stpDetail(
  instances: readonly StpInstanceStatus[],
  now: Micros,
  settings: PortSettings,
  vlans?: VlanRanges,
): string[] {
  return forVlans(instances, vlans, (shown) =>
    shown.flatMap((i, k) => [
      ...(k > 0 ? [''] : []),
      '',
      ...stpDetailHeader(i, now),
      ...i.ports.flatMap((p) => ['', ...stpDetailPort(i.vlan, p, settings(p.port))]),
    ]),
  );
}

/** `show spanning-tree interface X detail`: the port's block in each instance it is part of. */
export function stpInterfaceDetail(
  instances: readonly StpInstanceStatus[],
  port: string,
  settings: PortSettings,
): string[] {
  const blocks = instances.flatMap((i) =>
    i.ports.filter((p) => p.port === port).flatMap((p) => stpDetailPort(i.vlan, p, settings(port))),
  );
  return blocks.length === 0 ? [`no spanning tree info available for ${port}`, ''] : blocks;
}

/** The port settings of a switch's configuration. */
const portSettings =
  (config: DeviceConfig): PortSettings =>
  (port) =>
    config.interfaces[port]?.switchport?.stp;

export function showSpanningTreeDetail(
  dev: IosDeviceContext,
  config: DeviceConfig,
  vlans?: VlanRanges,
): string[] {
  return stpDetail(dev.sim.spanningTree(dev.id), dev.sim.now(), portSettings(config), vlans);
}

export function showSpanningTreeInterfaceDetail(
  dev: IosDeviceContext,
  config: DeviceConfig,
  port: string,
): string[] {
  return stpInterfaceDetail(dev.sim.spanningTree(dev.id), port, portSettings(config));
}
