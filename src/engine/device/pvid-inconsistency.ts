/**
 * PVST+ port VLAN ID inconsistency: what a Catalyst does with a native VLAN mismatch between
 * two 802.1Q trunks. The SSTP BPDUs each end sends name its native VLAN; an end that reads
 * another than its own holds the port blocking in both VLANs, its native VLAN and the peer's,
 * until the two agree, so those VLANs do not leak into each other across the trunk (Cisco's
 * system message guide: SPANTREE-2-RECV_PVID_ERR, BLOCK_PVID_PEER, BLOCK_PVID_LOCAL,
 * UNBLOCK_CONSIST_PORT; captures show the peer's VLAN blocked first, then the local one).
 *
 * Trame runs no spanning tree otherwise: this is the part of it a native VLAN mismatch shows.
 * A VLAN the switch does not have runs no instance, so it has nothing to block there.
 */

import type { Micros } from '../../shared/time.ts';
import type { SpanningTreeEvent } from '../api.ts';
import { SeqLog, type SeqRead } from './seq-log.ts';

/** Events kept for a console that has not read them yet. */
const CAPACITY = 256;

/** The VLANs blocked on one port, in the order IOS reports them (the peer's first); empty when none. */
export type PvidBlock = readonly number[];

export const NO_BLOCK: PvidBlock = [];

/**
 * What a trunk whose own native VLAN is `local` blocks when its neighbour's is `peer` (-1: the
 * neighbour's agrees, or it sends no PVST+ BPDUs), among the VLANs `exists` knows.
 */
export function pvidBlock(local: number, peer: number, exists: (vlan: number) => boolean): PvidBlock {
  if (peer < 0 || peer === local) return NO_BLOCK;
  return [peer, local].filter(exists);
}

export class PvidLog {
  private readonly log = new SeqLog<SpanningTreeEvent>(CAPACITY);

  /** Records what changed on `port` from blocking `before` to blocking `after` (peer VLAN `peer`). */
  change(at: Micros, port: string, before: PvidBlock, after: PvidBlock, local: number, peer: number): void {
    for (const vlan of before) if (!after.includes(vlan)) this.log.push({ at, port, kind: 'unblock', vlan });
    const added = after.filter((vlan) => !before.includes(vlan));
    if (added.length === 0) return;
    if (before.length === 0) this.log.push({ at, port, kind: 'pvid-error', vlan: local, peerVlan: peer });
    for (const vlan of added)
      this.log.push({ at, port, kind: vlan === local ? 'block-local' : 'block-peer', vlan });
  }

  read(since: number): SeqRead<SpanningTreeEvent> {
    return this.log.read(since);
  }
}

export const samePvid = (a: PvidBlock, b: PvidBlock): boolean =>
  a.length === b.length && a.every((v, i) => v === b[i]);
