/**
 * A switch's physical port: a Port plus its switchport state as the last refresh derived it
 * (DTP outcome, access and native VLANs, allowed list), and the VLAN its untagged frames join,
 * resolved ahead so the per-frame path does not look it up. The fields every frame reads
 * (`oper`, the VLANs, `untagged`, the carried VLANs) are declared in Port: see there why.
 */
import type { SwitchportConfig } from '../../shared/config.ts';
import { DEFAULT_SWITCHPORT } from '../../shared/config.ts';
import type { VlanRanges } from '../../shared/vlans.ts';
import type { DropReason } from '../trace.ts';
import type { L3Interface } from './l3-interface.ts';
import { Port } from './port.ts';
import { NO_BLOCK, type StpBlock } from './stp-inconsistency.ts';
import type { VlanState } from './vlan-state.ts';

export const OPER_DOWN = 0;
export const OPER_ACCESS = 1;
export const OPER_TRUNK = 2;
/** A multilayer switch's routed port (`no switchport`): no VLAN, its frames go to `routed`. */
export const OPER_ROUTED = 3;

export class SwitchPort extends Port<VlanState> {
  /** Why untagged frames are dropped when `untagged` is null. */
  untaggedDrop: DropReason = 'port-down';
  /** The native VLAN the neighbour advertises over CDP when it differs from ours; -1 otherwise. */
  cdpPeerNative = -1;
  /** When `cdpPeerNative` last became a disagreement. */
  mismatchSince = 0;
  cfg: SwitchportConfig = DEFAULT_SWITCHPORT;
  allowed: VlanRanges = DEFAULT_SWITCHPORT.allowedVlans;
  /** VLANs PVST+ holds blocking here for a miswired trunk (stp-inconsistency.ts). */
  stpBlock: StpBlock = NO_BLOCK;
  /** A BPDU arrived under default BPDU filtering: no edge port until the link goes down (stp-bridge.ts). */
  stpEdgeLost = false;
  /** Its IP interface while it is a routed port; null while it is a switch port. */
  routed: L3Interface | null = null;
  /**
   * The extended-range VLAN a routed port holds for itself while it is not shut down (`show
   * vlan internal usage`); 0 otherwise.
   */
  internalVlan = 0;
}
