/**
 * What a switch keeps per VLAN of its database: the member ports, the SVI and its storm state.
 * Its MAC addresses are in the switch's one table (mac-table.ts), so a frame forwarded by
 * unicast never reads this object.
 */

import type { L3Interface } from './l3-interface.ts';
import { StormGuard } from './storm-guard.ts';
import type { SwitchPort } from './switch-port.ts';

export interface Flapping {
  /** The two ports, by serial number (`Port.serial`). */
  from: number;
  to: number;
  /** When it was last reported. */
  last: number;
}

export class VlanState {
  readonly id: number;
  svi: L3Interface | null = null;
  /** member[port.index] === 1 when the port carries this VLAN. */
  readonly member: Uint8Array;
  members: SwitchPort[] = [];
  readonly storm = new StormGuard();
  /** Addresses that moved between two ports while fresh: the ports, and the last report. */
  readonly flapping = new Map<number, Flapping>();

  constructor(id: number, portCount: number) {
    this.id = id;
    this.member = new Uint8Array(portCount);
  }
}
