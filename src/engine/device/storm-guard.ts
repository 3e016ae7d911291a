/**
 * Broadcast storm containment for one VLAN of a switch (no spanning tree: IEEE 802.1D's loop
 * prevention is not modelled, so a loop circulates every flooded frame for ever).
 *
 * On real switches a loop saturates every link of the VLAN within microseconds: the network
 * is unusable until the loop is broken. Simulating each circulating copy would cost millions
 * of events per virtual second, so once a storm is certain the VLAN is treated as saturated
 * instead: every frame the switch would forward in it is dropped (`storm-limit`), which keeps
 * the work per virtual second bounded and lets pings end with honest timeouts.
 *
 * A storm is certain when the switch has flooded more than the threshold within one window
 * and has flooded one of those frames before (the same frame id came back: the proof of a
 * loop, so a busy loop-free VLAN is never mistaken for one). It lasts until the topology
 * changes (a port, a cable or a switch configuration: `SimContext.topologyEpoch`); if the loop
 * is still there, the next broadcast starts it again. A storm floods the whole broadcast domain,
 * so the switch that finds it saturates the VLAN on every switch the VLAN reaches.
 */

/** Frame ids of the latest floods, searched for a repeat. */
const RECENT = 16;

export class StormGuard {
  private windowEnd = 0;
  private floods = 0;
  private looped = false;
  private readonly recent = new Float64Array(RECENT).fill(-1);
  private next = 0;
  /** The topology epoch in which the storm started; -1: none. */
  private epoch = -1;
  /** The topology epoch of the floods counted in the current window. */
  private countedEpoch = -1;
  /** When the current storm started. */
  startedAt = 0;

  /** Whether the VLAN is saturated by a storm under the topology of `epoch`. */
  active(epoch: number): boolean {
    return this.epoch === epoch;
  }

  /**
   * Counts the flood of frame `frameId` at `now`; true when this flood proves a storm, which
   * is then active for `epoch`.
   */
  flood(now: number, window: number, threshold: number, frameId: number, epoch: number): boolean {
    // Floods counted under another topology prove nothing about this one: a broadcast just
    // after the loop was broken must not find the storm's own floods in its window.
    if (now >= this.windowEnd || epoch !== this.countedEpoch) {
      this.countedEpoch = epoch;
      this.windowEnd = now - (now % window) + window;
      this.floods = 0;
      this.looped = false;
    }
    this.floods++;
    if (!this.looped) {
      const recent = this.recent;
      for (let i = 0; i < RECENT; i++) {
        if (recent[i] === frameId) {
          this.looped = true;
          break;
        }
      }
      recent[this.next] = frameId;
      this.next = (this.next + 1) % RECENT;
    }
    if (this.looped && this.floods > threshold) {
      this.epoch = epoch;
      this.startedAt = now;
      return true;
    }
    return false;
  }

  /** Saturated by a storm found elsewhere in the VLAN; false when it already was. */
  enter(epoch: number, now: number): boolean {
    if (this.epoch === epoch) return false;
    this.epoch = epoch;
    this.startedAt = now;
    return true;
  }

  /** Frames flooded in the current window. */
  get floodsInWindow(): number {
    return this.floods;
  }
}
