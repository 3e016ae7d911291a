/**
 * A router's `show vlans [VLAN]`: the VLANs its 802.1Q subinterfaces carry, as IOS 15 on an ISR
 * G2 lays them out (IOSv capture of a router-on-a-stick). The port under the subinterfaces is
 * listed as VLAN 1, its own untagged traffic, and named as the native VLAN's interface unless a
 * subinterface took that role (`encapsulation dot1Q N native`).
 *
 * The counters are the interface's own since its last `clear counters`. IOS puts ARP with IP on
 * the way in (a subinterface's IP received equals its packets input) and apart on the way out
 * (ARP replies and requests are "Other" transmitted). A switch's tagged PVST+ BPDUs reach a
 * subinterface too and count in its packets input, so with IP received; "Other" received stays
 * 0, as IOS showed it even on a port that took in CDP and spanning-tree frames (no CDP or
 * keepalive frame is put on the wire here).
 */

import type { VlanInterfaceStatus } from '../../../engine/api.ts';
import { formatIpv4 } from '../../../shared/ipv4.ts';
import type { IosDeviceContext } from '../../context.ts';

/** A protocol's line: its name right-aligned, the address, then received and transmitted. */
const protocolLine = (name: string, address: string, received: number, transmitted: number): string =>
  `${name.padStart(13)}${' '.repeat(14)}${address.padEnd(15)}${String(received).padStart(15)}${String(transmitted).padStart(20)}`;

function interfaceLines(v: VlanInterfaceStatus): string[] {
  const c = v.counters;
  const lines = [`${v.name} (${v.vlan})`];
  if (v.ip !== undefined)
    lines.push(protocolLine('IP', formatIpv4(v.ip.addr), c.rxFrames, c.txFrames - v.arpOut));
  lines.push(
    protocolLine('Other', '', 0, v.ip === undefined ? c.txFrames : v.arpOut),
    '',
    `   ${c.rxFrames} packets, ${c.rxBytes} bytes input`,
    `   ${c.txFrames} packets, ${c.txBytes} bytes output`,
  );
  return lines;
}

function vlanBlock(vlan: number, members: readonly VlanInterfaceStatus[]): string[] {
  const natives = members.filter((v) => v.native);
  const lines = [
    `Virtual LAN ID:  ${vlan} (IEEE 802.1Q Encapsulation)`,
    '',
    `   vLAN Trunk Interface:   ${members.map((v) => v.name).join(', ')}`,
    '',
  ];
  if (natives.length > 0) {
    lines.push(
      ' This is configured as native Vlan for the following interface(s) :',
      ...natives.map((v) => `${v.port}    Native-vlan Tx-type: Untagged`),
      '',
    );
  }
  lines.push('   Protocols Configured:   Address:              Received:        Transmitted:');
  for (const v of members) lines.push('', ...interfaceLines(v));
  return lines;
}

/** Every VLAN the router's interfaces carry, or only `only`; nothing when there is none. */
export function showVlans(dev: IosDeviceContext, only?: number): string[] {
  const byVlan = new Map<number, VlanInterfaceStatus[]>();
  for (const v of dev.sim.vlanInterfaces(dev.id)) {
    if (only !== undefined && v.vlan !== only) continue;
    const members = byVlan.get(v.vlan);
    if (members === undefined) byVlan.set(v.vlan, [v]);
    else members.push(v);
  }
  const lines: string[] = [];
  for (const [vlan, members] of byVlan) lines.push('', ...vlanBlock(vlan, members));
  return lines;
}
