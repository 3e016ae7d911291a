/**
 * A network opened from a file has been running: its switches' spanning trees start converged.
 * Before the clock first runs, the BPDUs they sent at time 0 are delivered at once, one after
 * the other, each answered as the protocol answers it (stp.ts: at time 0 a port takes its new
 * state without listening and learning), until none is left: the states IEEE 802.1D's
 * procedures reach, which do not depend on the order BPDUs arrive in. Every bridge starts from
 * itself, whatever an earlier settle at time 0 left, and a switch running no spanning tree in a
 * VLAN floods that VLAN's BPDUs on, as it does later. The protocol's timers run from there.
 *
 * A miswired network may never settle: an EtherChannel in mode on facing separate ports
 * answers each of their BPDUs on one member, which the other port never hears, so it sends
 * again. At time 0 no hold timer spaces the answers out, so each port's BPDUs are delivered a
 * bounded number of times; what is left to say is said once the timers run.
 */
import type { SimContext } from '../sim/context.ts';

/** What a switch does to settle: its instances announce themselves, then start their timers. */
export interface SettlingBridge {
  stpAnnounce(): void;
  stpSettled(): void;
}

/**
 * BPDUs one port may send in one VLAN as the network settles, beyond one per bridge: a port
 * sends again each time it hears of a better root or path, which grows with the network.
 */
const SPARE_SENDS = 64;

export function settleSpanningTrees(ctx: SimContext, bridges: readonly SettlingBridge[]): void {
  const outbox = ctx.stpOutbox;
  // What the switches sent while the network was being built is superseded: each starts over.
  outbox.length = 0;
  for (const b of bridges) b.stpAnnounce();
  // Delivering may send more: read on until the outbox stays empty.
  const limit = bridges.length + SPARE_SENDS;
  const sent = new Map<SimContext['stpOutbox'][number]['from'], Map<number, number>>();
  for (let i = 0; i < outbox.length; i++) {
    const d = outbox[i]!;
    let byPort = sent.get(d.from);
    if (byPort === undefined) {
      byPort = new Map();
      sent.set(d.from, byPort);
    }
    const key = d.vlan * 4096 + d.index;
    const count = (byPort.get(key) ?? 0) + 1;
    byPort.set(key, count);
    if (count <= limit) d.from.deliverBpdu(d.index, d.vlan, d.bpdu);
  }
  outbox.length = 0;
  for (const b of bridges) b.stpSettled();
}
