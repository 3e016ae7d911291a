/**
 * What a switch keeps per VLAN of its database: the MAC table (this object itself, so a lookup
 * reaches the slots without another object in between), the member ports, the SVI and its
 * storm state.
 */

import type { SlotStore } from '../sim/slot-store.ts';
import type { L3Interface } from './l3-interface.ts';
import { MacTable } from './mac-table.ts';
import { StormGuard } from './storm-guard.ts';
import type { SwitchPort } from './switch-port.ts';

export interface Flapping {
  /** The two ports, by serial number (`Port.serial`). */
  from: number;
  to: number;
  /** When it was last reported. */
  last: number;
}

export class VlanState extends MacTable {
  // What the per-frame path reads first, next to the table's own fields.
  readonly id: number;
  svi: L3Interface | null = null;
  /** member[port.index] === 1 when the port carries this VLAN. */
  readonly member: Uint8Array;
  members: SwitchPort[] = [];
  readonly storm = new StormGuard();
  /** Addresses that moved between two ports while fresh: the ports, and the last report. */
  readonly flapping = new Map<number, Flapping>();

  constructor(id: number, portCount: number, store: SlotStore) {
    super(store);
    this.id = id;
    this.member = new Uint8Array(portCount);
  }
}
