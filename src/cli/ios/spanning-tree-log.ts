/**
 * The %SPANTREE messages of a switch with a miswired trunk (PVST+ inconsistencies,
 * engine/device/stp-inconsistency.ts), worded as Cisco's system message guide and captures
 * give them:
 *
 *   %SPANTREE-2-RECV_PVID_ERR: Received BPDU with inconsistent peer vlan id 99 on GigabitEthernet0/1 VLAN1.
 *   %SPANTREE-2-BLOCK_PVID_PEER: Blocking GigabitEthernet0/1 on VLAN0099. Inconsistent peer vlan.
 *   %SPANTREE-2-BLOCK_PVID_LOCAL: Blocking GigabitEthernet0/1 on VLAN0001. Inconsistent local vlan.
 *   %SPANTREE-7-RECV_1Q_NON_TRUNK: Received 802.1Q BPDU on non trunk FastEthernet0/14 VLAN1.
 *   %SPANTREE-7-BLOCK_PORT_TYPE: Blocking FastEthernet0/14 on VLAN0001. Inconsistent port type.
 *   %SPANTREE-2-UNBLOCK_CONSIST_PORT: Unblocking GigabitEthernet0/1 on VLAN0099. Port consistency restored.
 *
 * and BPDU guard error-disabling a port, the port's short name in both messages (IOU and vIOS
 * captures of classic IOS 15; 12.1 and IOS-XE print the full name in the first):
 *
 *   %SPANTREE-2-BLOCK_BPDUGUARD: Received BPDU on port Gi1/3 with BPDU Guard enabled. Disabling port.
 *   %PM-4-ERR_DISABLE: bpduguard error detected on Gi1/3, putting Gi1/3 in err-disable state
 *
 * at the time the BPDU came in; the port's %LINEPROTO and %LINK messages follow a second and
 * two seconds later (link-log.ts), as with port security.
 *
 * Root guard and loop guard, the port's full name and the instance (captures of 3750s, IOL and
 * IOSv-L2 agree), and root guard's configuration as it changes (no capture prints one for loop
 * guard):
 *
 *   %SPANTREE-2-ROOTGUARD_CONFIG_CHANGE: Root guard enabled on port FastEthernet0/1.
 *   %SPANTREE-2-ROOTGUARD_BLOCK: Root guard blocking port FastEthernet0/1 on VLAN0001.
 *   %SPANTREE-2-ROOTGUARD_UNBLOCK: Root guard unblocking port FastEthernet0/1 on VLAN0001.
 *   %SPANTREE-2-LOOPGUARD_BLOCK: Loop guard blocking port FastEthernet0/2 on VLAN0001.
 *   %SPANTREE-2-LOOPGUARD_UNBLOCK: Loop guard unblocking port FastEthernet0/2 on VLAN0001.
 *
 * BPDUs flow once the line protocol is up: a mismatch that came with the link is reported a
 * second later, as CDP's is.
 */
import type { SpanningTreeEvent } from '../../engine/api.ts';
import { shortInterfaceName } from '../../shared/ports.ts';
import type { Micros } from '../../shared/time.ts';
import type { IosDeviceContext } from '../context.ts';
import { EventFeed } from './event-feed.ts';
import { LINEPROTO_DELAY } from './link-log.ts';
import type { LogEntry } from './shell.ts';

/** A spanning tree instance's name: VLAN0001. */
const instance = (vlan: number): string => `VLAN${String(vlan).padStart(4, '0')}`;

/** The messages an event prints: one, or for BPDU guard the switch's then the port manager's. */
export function spanningTreeTexts(e: SpanningTreeEvent): string[] {
  switch (e.kind) {
    // These two name the VLAN unpadded.
    case 'pvid-error':
      return [
        `%SPANTREE-2-RECV_PVID_ERR: Received BPDU with inconsistent peer vlan id ${e.peerVlan} on ${e.port} VLAN${e.vlan}.`,
      ];
    case 'non-trunk':
      return [`%SPANTREE-7-RECV_1Q_NON_TRUNK: Received 802.1Q BPDU on non trunk ${e.port} VLAN${e.vlan}.`];
    case 'block-type':
      return [
        `%SPANTREE-7-BLOCK_PORT_TYPE: Blocking ${e.port} on ${instance(e.vlan)}. Inconsistent port type.`,
      ];
    case 'block-peer':
      return [
        `%SPANTREE-2-BLOCK_PVID_PEER: Blocking ${e.port} on ${instance(e.vlan)}. Inconsistent peer vlan.`,
      ];
    case 'block-local':
      return [
        `%SPANTREE-2-BLOCK_PVID_LOCAL: Blocking ${e.port} on ${instance(e.vlan)}. Inconsistent local vlan.`,
      ];
    case 'unblock':
      return [
        `%SPANTREE-2-UNBLOCK_CONSIST_PORT: Unblocking ${e.port} on ${instance(e.vlan)}. Port consistency restored.`,
      ];
    case 'rootguard-block':
      return [`%SPANTREE-2-ROOTGUARD_BLOCK: Root guard blocking port ${e.port} on ${instance(e.vlan)}.`];
    case 'rootguard-unblock':
      return [`%SPANTREE-2-ROOTGUARD_UNBLOCK: Root guard unblocking port ${e.port} on ${instance(e.vlan)}.`];
    case 'loopguard-block':
      return [`%SPANTREE-2-LOOPGUARD_BLOCK: Loop guard blocking port ${e.port} on ${instance(e.vlan)}.`];
    case 'loopguard-unblock':
      return [`%SPANTREE-2-LOOPGUARD_UNBLOCK: Loop guard unblocking port ${e.port} on ${instance(e.vlan)}.`];
    // Captures end after the port, where the message guide has "on [chars]" more.
    case 'rootguard-on':
      return [`%SPANTREE-2-ROOTGUARD_CONFIG_CHANGE: Root guard enabled on port ${e.port}.`];
    case 'rootguard-off':
      return [`%SPANTREE-2-ROOTGUARD_CONFIG_CHANGE: Root guard disabled on port ${e.port}.`];
    case 'bpduguard': {
      const port = shortInterfaceName(e.port);
      return [
        `%SPANTREE-2-BLOCK_BPDUGUARD: Received BPDU on port ${port} with BPDU Guard enabled. Disabling port.`,
        `%PM-4-ERR_DISABLE: bpduguard error detected on ${port}, putting ${port} in err-disable state`,
      ];
    }
  }
}

export class SpanningTreeLog {
  private readonly feed: EventFeed<SpanningTreeEvent>;

  constructor(private readonly dev: IosDeviceContext) {
    this.feed = new EventFeed((since) => dev.sim.spanningTreeEvents(dev.id, since));
  }

  poll(): LogEntry[] {
    const events = this.feed.take();
    if (events.length === 0) return [];
    const upAt = new Map(this.dev.sim.interfaces(this.dev.id).map((i) => [i.name, i.lastChange]));
    return events.flatMap((e) => {
      // The port goes down as BPDU guard takes it: its change is the guard's, not the link's.
      const heard = e.kind !== 'bpduguard' && upAt.get(e.port) === e.at;
      const at = heard ? ((e.at + LINEPROTO_DELAY) as Micros) : e.at;
      return spanningTreeTexts(e).map((text) => ({ at, text }));
    });
  }
}
