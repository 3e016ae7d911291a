/**
 * The two PVST+ inconsistencies a miswired trunk shows on a Catalyst, the only parts of
 * spanning tree Trame models. Each end of an 802.1Q trunk sends SSTP BPDUs that name its
 * native VLAN; the switch at the other end checks them and holds the port blocking until the
 * two ends agree (Cisco's Catalyst system message guide, and captures for the order):
 *
 * - Port VLAN ID inconsistency: a trunk whose neighbour's native VLAN is another blocks both,
 *   the peer's first (%SPANTREE-2-RECV_PVID_ERR, BLOCK_PVID_PEER, BLOCK_PVID_LOCAL), so the two
 *   VLANs do not leak into each other across the link.
 * - Port type inconsistency: an access port facing a trunk receives its SSTP BPDUs and blocks
 *   its VLAN (%SPANTREE-7-RECV_1Q_NON_TRUNK, BLOCK_PORT_TYPE), so the trunk's native VLAN does
 *   not leak into the access VLAN.
 *
 * Either clears with %SPANTREE-2-UNBLOCK_CONSIST_PORT. A VLAN the switch does not have runs no
 * spanning tree instance, so there is nothing to block in it. A port going down leaves
 * spanning tree without a word.
 *
 * The log also keeps what BPDU guard, root guard and loop guard do (stp.ts).
 */
import type { Micros } from '../../shared/time.ts';
import type { SpanningTreeEvent } from '../api.ts';
import { SeqLog, type SeqRead } from './seq-log.ts';

/** Events kept for a console that has not read them yet. */
const CAPACITY = 256;

/** The VLANs held blocking on one port, in the order IOS reports them; empty when none. */
export type StpBlock = readonly number[];

export const NO_BLOCK: StpBlock = [];

/** What a trunk with native VLAN `local` blocks when its neighbour's trunk has `peer`. */
export function pvidBlock(local: number, peer: number, exists: (vlan: number) => boolean): StpBlock {
  return peer === local ? NO_BLOCK : [peer, local].filter(exists);
}

/** What an access port in VLAN `vlan` blocks facing a trunk. */
export const typeBlock = (vlan: number, exists: (vlan: number) => boolean): StpBlock =>
  exists(vlan) ? [vlan] : NO_BLOCK;

export const sameBlock = (a: StpBlock, b: StpBlock): boolean =>
  a.length === b.length && a.every((v, i) => v === b[i]);

export class StpLog {
  private readonly log = new SeqLog<SpanningTreeEvent>(CAPACITY);

  /**
   * Records what changed on `port` from blocking `before` to blocking `after`: on a trunk whose
   * native VLAN is `local` and whose neighbour's is `peer`, or, `peer` -1, on an access port in
   * VLAN `local` facing a trunk.
   */
  change(at: Micros, port: string, before: StpBlock, after: StpBlock, local: number, peer: number): void {
    for (const vlan of before) if (!after.includes(vlan)) this.log.push({ at, port, kind: 'unblock', vlan });
    const added = after.filter((vlan) => !before.includes(vlan));
    if (added.length === 0) return;
    if (peer < 0) {
      this.log.push({ at, port, kind: 'non-trunk', vlan: local });
      for (const vlan of added) this.log.push({ at, port, kind: 'block-type', vlan });
      return;
    }
    if (before.length === 0) this.log.push({ at, port, kind: 'pvid-error', vlan: local, peerVlan: peer });
    for (const vlan of added)
      this.log.push({ at, port, kind: vlan === local ? 'block-local' : 'block-peer', vlan });
  }

  /** BPDU guard error-disabled `port` for a BPDU of `vlan`. */
  bpduGuard(at: Micros, port: string, vlan: number): void {
    this.log.push({ at, port, kind: 'bpduguard', vlan });
  }

  /** Root or loop guard started (`blocking`) or stopped holding `port` blocking in `vlan`. */
  guard(at: Micros, port: string, vlan: number, guard: 'root' | 'loop', blocking: boolean): void {
    this.log.push({ at, port, kind: `${guard}guard-${blocking ? 'block' : 'unblock'}`, vlan });
  }

  /** `spanning-tree guard root` turned on (`on`) or off on `port`. */
  rootGuardConfig(at: Micros, port: string, on: boolean): void {
    this.log.push({ at, port, kind: on ? 'rootguard-on' : 'rootguard-off', vlan: 0 });
  }

  read(since: number): SeqRead<SpanningTreeEvent> {
    return this.log.read(since);
  }
}
