/**
 * A network opened from a file has been running: its switches' spanning trees start converged.
 * Before the clock first runs, the BPDUs they sent at time 0 are delivered at once, one after
 * the other, each answered as the protocol answers it (stp.ts: at time 0 a port takes its new
 * state without listening and learning), until none is left: the states IEEE 802.1D's
 * procedures reach, which do not depend on the order BPDUs arrive in. Every bridge starts from
 * itself, whatever an earlier settle at time 0 left, and a switch running no spanning tree in a
 * VLAN floods that VLAN's BPDUs on, as it does later. The protocol's timers run from there.
 */
import type { SimContext } from '../sim/context.ts';

/** What a switch does to settle: its instances announce themselves, then start their timers. */
export interface SettlingBridge {
  stpAnnounce(): void;
  stpSettled(): void;
}

export function settleSpanningTrees(ctx: SimContext, bridges: readonly SettlingBridge[]): void {
  const outbox = ctx.stpOutbox;
  // What the switches sent while the network was being built is superseded: each starts over.
  outbox.length = 0;
  for (const b of bridges) b.stpAnnounce();
  // Delivering may send more: read on until the outbox stays empty.
  for (let i = 0; i < outbox.length; i++) {
    const d = outbox[i]!;
    d.from.deliverBpdu(d.index, d.vlan, d.bpdu);
  }
  outbox.length = 0;
  for (const b of bridges) b.stpSettled();
}
