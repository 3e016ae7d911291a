/**
 * A switch's physical port: a Port plus its switchport state as the last refresh derived it
 * (DTP outcome, access and native VLANs, allowed list), and the VLAN its untagged frames join,
 * resolved ahead so the per-frame path does not look it up.
 */
import type { SwitchportConfig } from '../../shared/config.ts';
import { DEFAULT_SWITCHPORT } from '../../shared/config.ts';
import type { VlanRanges } from '../../shared/vlans.ts';
import type { DropReason } from '../trace.ts';
import { Port } from './port.ts';
import type { VlanState } from './vlan-state.ts';

export const OPER_DOWN = 0;
export const OPER_ACCESS = 1;
export const OPER_TRUNK = 2;

export class SwitchPort extends Port {
  oper = OPER_DOWN;
  /**
   * The VLAN of untagged (and priority-tagged) frames arriving here, the access VLAN or the
   * native VLAN, when this port carries it; null otherwise, with `untaggedDrop` saying why.
   */
  untagged: VlanState | null = null;
  untaggedDrop: DropReason = 'port-down';
  /**
   * On a trunk, the VLANs it carries as VLAN id and state pairs to scan, which a tagged frame
   * finds without visiting the switch; null when there are too many (the switch looks them up).
   */
  carried: (number | VlanState)[] | null = null;
  accessVlan = 1;
  nativeVlan = 1;
  /** The neighbour's native VLAN when both trunk and disagree; -1 otherwise. */
  peerNative = -1;
  /** The native VLAN the neighbour advertises over CDP when it differs from ours; -1 otherwise. */
  cdpPeerNative = -1;
  /** When `cdpPeerNative` last became a disagreement. */
  mismatchSince = 0;
  cfg: SwitchportConfig = DEFAULT_SWITCHPORT;
  allowed: VlanRanges = DEFAULT_SWITCHPORT.allowedVlans;
  lastMismatchReport = Number.NEGATIVE_INFINITY;
}
