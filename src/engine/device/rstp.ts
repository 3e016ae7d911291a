/**
 * Rapid PVST+: one IEEE 802.1D-2004 RSTP instance per VLAN (clause 17), as a Catalyst runs it
 * after `spanning-tree mode rapid-pvst`; its BPDUs travel as PVST+'s do (stp-bridge.ts). Roles
 * are chosen as 802.1D chooses them (stp.ts); what differs is how ports move and how topology
 * changes travel (Catalyst 2960 configuration guide, "Understanding RSTP"):
 *
 * - Every bridge sends an RST BPDU on its designated ports each hello time, root or not, and
 *   a port's information lasts three hello times rather than the max age. A bridge that lost
 *   its root says so at once, and the bridges beyond take the worse information from the port
 *   that was designated for them (17.21.8: repeated or changed designated information).
 * - A root port forwards at once: the port it replaces is an alternate, discarding. An edge
 *   port forwards as its link comes up. Alternate and backup ports discard.
 * - A designated port that discards on a point-to-point link proposes. The bridge beyond, for
 *   which it is the way to the root, syncs (its designated ports that have not agreed discard,
 *   and propose in turn) and agrees; on the agreement the designated port forwards at once. An
 *   alternate port agrees without syncing: it discards anyway. A port that gets no agreement (a
 *   host's, a shared segment's, an 802.1D bridge's) discards for the forward delay, learns for
 *   as long again, then forwards.
 * - Only a non-edge port that comes to forward is a topology change. For twice the hello time
 *   the bridge's BPDUs on its root and designated ports carry the TC flag, and it flushes what
 *   its other ports learned; a bridge that hears the flag flushes every port but that one and
 *   passes the flag on (Cisco: "Propagation"). Addresses do not age faster, as under 802.1D.
 * - A port that hears an 802.1D BPDU speaks 802.1D to that neighbour (17.24, protocol
 *   migration): configuration BPDUs, TCNs towards the root, and the timers instead of an
 *   agreement ("Peer(STP)"). An RST BPDU heard on it, its link going down or `clear
 *   spanning-tree detected-protocols` make it speak RSTP again; either way it keeps to what it
 *   chose for the migration delay (3 s) before what it hears may change it.
 *
 * - An edge port that hears a BPDU is an edge port no more until its link goes down (17.25,
 *   stp-bridge.ts). A port is point-to-point by its duplex or `spanning-tree link-type`; only
 *   there do a proposal and an agreement heard count (17.21.11).
 *
 * Not modelled: the dispute mechanism (17.21.10), and the recent root and backup timers (an
 * old root port still up discards at once instead, as Cisco describes it).
 */
import { seconds } from '../../shared/time.ts';
import {
  BPDU_CONFIG,
  BPDU_RST,
  BPDU_TCN,
  RST_FLAG_AGREEMENT,
  RST_FLAG_FORWARDING,
  RST_FLAG_LEARNING,
  RST_FLAG_PROPOSAL,
  RST_ROLE_ALTERNATE,
  RST_ROLE_DESIGNATED,
  RST_ROLE_MASK,
  RST_ROLE_ROOT,
  RST_VERSION,
  STP_FLAG_TC,
  STP_FLAG_TCA,
  type StpBpdu,
} from '../wire/stp.ts';
import {
  fromUnits,
  INC_NONE,
  MESSAGE_AGE_INCREMENT,
  ST_BLOCKING,
  ST_FORWARDING,
  ST_LEARNING,
  StpInstance,
  type StpPort,
  toUnits,
} from './stp.ts';

/** BPDUs a port may send between two hellos (IOS's `spanning-tree transmit hold-count`, 6). */
const TX_HOLD_COUNT = 6;
/** How many of the BPDU's hello times a port's information lasts (17.21.23). */
const INFO_HELLOS = 3;
/** How long a port keeps to the protocol it chose before what it hears may change it (17.13.9). */
const MIGRATE_TIME = seconds(3);
const SECOND = seconds(1);

export class RstpInstance extends StpInstance {
  protected override readonly protocol = 'rstp';
  protected override readonly holdCount = TX_HOLD_COUNT;
  /** Until then a topology change heard is the one last counted, told again. */
  private tcHeardUntil = Number.NEGATIVE_INFINITY;

  /** An 802.1D root's topology change, as its configuration BPDUs on the root port last told it. */
  private rootTc = false;

  /**
   * RST and configuration BPDUs both carry a designated port's information; a BPDU of the RST
   * type with an older version is no valid BPDU (9.3.4).
   */
  protected override accepts(b: StpBpdu): boolean {
    return b.type === BPDU_CONFIG || (b.type === BPDU_RST && b.version >= RST_VERSION);
  }

  protected override initializePort(p: StpPort): void {
    super.initializePort(p);
    p.migrateUntil = this.now + MIGRATE_TIME;
  }

  /**
   * Protocol migration (17.24): what the neighbour speaks, the port speaks, once the migration
   * delay since it last chose has passed (so that two bridges choosing at once do not flap).
   */
  protected override heard(p: StpPort, b: StpBpdu): void {
    const rst = b.type === BPDU_RST && b.version >= RST_VERSION;
    if (!rst && b.type !== BPDU_TCN && b.type !== BPDU_CONFIG) return;
    if (rst !== p.legacy || (!this.instant && this.now < p.migrateUntil)) return;
    p.legacy = !rst;
    p.migrateUntil = this.now + MIGRATE_TIME;
    if (p.legacy) p.proposing = false;
    // Back to RSTP, a designated port on its way to forwarding proposes (17.29.3 DESIGNATED_PROPOSE).
    else if (this.designated(p) && p.inc === INC_NONE) this.makeForwarding(p);
  }

  /**
   * A TCN from an 802.1D bridge on a designated port (17.29 NOTIFIED_TCN): acknowledged, passed
   * on, and told back to that bridge too, in the TC flag of the BPDUs it hears from this one.
   */
  protected override tcnReceived(p: StpPort): void {
    if (!this.active(p)) return;
    p.tcAck = true;
    this.tcHeard(p, true);
    this.startTc(p);
    this.transmitConfig(p);
  }

  /** A port that stops forwarding is no topology change under RSTP: only one that starts is (`changeDetected`). */
  protected override topologyChangeDetection(): void {}

  protected override take(p: StpPort, b: StpBpdu): void {
    const role = b.type === BPDU_RST ? b.flags & RST_ROLE_MASK : RST_ROLE_DESIGNATED;
    if (role === RST_ROLE_DESIGNATED) {
      // This bridge as root with a priority it no longer has: old information still going
      // round a loop (RSTP's count to infinity), which only this bridge can tell. Taken as
      // worse information, it stops here.
      const stale = b.rootMac === this.bridgeMac && b.rootPriority !== this.bridgePri;
      if (!stale && (this.supersedes(p, b) || this.fromDesignated(p, b))) this.takeDesignated(p, b);
      // Worse information from another bridge's port: it hears this bridge's at once.
      else if (this.designated(p)) this.transmitConfig(p);
      return;
    }
    // A root or alternate port's BPDU: an agreement to this bridge's information, and
    // perhaps a topology change from beyond it.
    if (
      (b.flags & RST_FLAG_AGREEMENT) !== 0 &&
      this.designated(p) &&
      p.p2p &&
      p.inc === INC_NONE &&
      b.rootPriority === this.rootPri &&
      b.rootMac === this.rootMac
    ) {
      p.agreed = true;
      p.proposing = false;
      if (p.state !== ST_FORWARDING) this.forward(p);
    }
    if ((b.flags & STP_FLAG_TC) !== 0) this.tcHeard(p, true);
    this.tell();
  }

  /**
   * Whether `b` comes from the port the bridge holds for designated on `p`'s segment, whatever
   * it says now: the same bridge address and port number, whatever their priorities (17.6).
   */
  private fromDesignated(p: StpPort, b: StpBpdu): boolean {
    return !this.designated(p) && p.bridgeMac === b.bridgeMac && (p.port & 0xfff) === (b.portId & 0xfff);
  }

  /** Superior, repeated or changed designated information (17.27 SUPERIOR_DESIGNATED, REPEATED_DESIGNATED). */
  private takeDesignated(p: StpPort, b: StpBpdu): void {
    // What it agreed to was another bridge's word.
    if (this.record(p, b, INFO_HELLOS * fromUnits(b.helloTime))) p.agree = false;
    // An 802.1D root sets the TC flag for 35 s: one topology change, however many BPDUs tell it.
    let repeated = false;
    if (p === this.rootPort) {
      this.takeTimes(b);
      if (b.type === BPDU_CONFIG) {
        if ((b.flags & STP_FLAG_TCA) !== 0) this.topologyChangeAcknowledged();
        const tc = (b.flags & STP_FLAG_TC) !== 0;
        repeated = tc && this.rootTc;
        this.rootTc = tc;
      }
    }
    // A proposal counts on a point-to-point segment only (17.21.11 recordProposal).
    if ((b.flags & RST_FLAG_PROPOSAL) !== 0 && b.type === BPDU_RST && p.p2p) {
      if (p === this.rootPort) this.sync(p);
      else if (!this.designated(p)) {
        p.agree = true;
        this.transmitConfig(p);
      }
    }
    if ((b.flags & STP_FLAG_TC) !== 0) this.tcHeard(p, !repeated);
    this.tell();
  }

  /**
   * A proposal on the root port (17.29.2 ROOT_PROPOSED, ROOT_AGREED): the designated ports that
   * could close a loop discard and propose in turn, then the root port agrees.
   */
  private sync(root: StpPort): void {
    for (const q of this.ports) {
      if (q === undefined || q === root || q.edge || q.agreed || !this.designated(q)) continue;
      if (q.state !== ST_BLOCKING) {
        this.makeBlocking(q);
        this.makeForwarding(q);
      }
      if (q.proposing) this.transmitConfig(q);
    }
    root.agree = true;
    this.transmitConfig(root);
  }

  /**
   * When the root changed or its path did, what the designated ports' neighbours agreed to no
   * longer holds. An old root port still up that becomes designated discards first, as the new
   * root port is to forward at once (Cisco: "it blocks the old root port"; 17.29.3, the recent
   * root), then proposes.
   */
  protected override configurationUpdate(): void {
    const { rootPri, rootMac, rootCost, rootPort } = this;
    super.configurationUpdate();
    if (
      rootPort !== null &&
      rootPort !== this.rootPort &&
      this.ports[rootPort.index] === rootPort &&
      !rootPort.edge &&
      this.designated(rootPort)
    ) {
      rootPort.agreed = false;
      this.makeBlocking(rootPort);
    }
    if (rootPri === this.rootPri && rootMac === this.rootMac && rootCost === this.rootCost) return;
    for (const p of this.ports) if (p !== undefined && this.designated(p)) p.agreed = false;
  }

  protected override portStateSelection(): void {
    for (const p of this.ports) {
      if (p === undefined) continue;
      if (p.inc !== INC_NONE) {
        p.agree = false;
        this.makeBlocking(p);
      } else if (p === this.rootPort) {
        p.tcAck = false;
        this.makeForwarding(p);
      } else if (this.designated(p)) {
        p.agree = false;
        p.ageAt = Number.POSITIVE_INFINITY;
        this.makeForwarding(p);
      } else {
        p.agreed = false;
        p.tcAck = false;
        this.makeBlocking(p);
      }
    }
  }

  /** A root or designated port on its way to forwarding. */
  protected override makeForwarding(p: StpPort): void {
    if (p.state === ST_FORWARDING) return;
    if (this.instant || p.edge) {
      this.setState(p, ST_FORWARDING);
      p.forwardAt = Number.POSITIVE_INFINITY;
      return;
    }
    if (p === this.rootPort || p.agreed) {
      this.forward(p);
      return;
    }
    if (p.forwardAt === Number.POSITIVE_INFINITY) {
      p.forwardAt = this.now + this.forwardDelay;
      this.arm(p.forwardAt);
    }
    // Proposes on a shared segment too (17.29.3 DESIGNATED_PROPOSE); only the agreement needs
    // a point-to-point one.
    if (!p.legacy) p.proposing = true;
  }

  /** PortFast on a designated port on its way to forwarding: an edge port forwards at once (17.29.3). */
  protected override becameEdge(p: StpPort): void {
    if (p.inc === INC_NONE && this.designated(p)) this.makeForwarding(p);
  }

  /**
   * `spanning-tree link-type` or the duplex changed: on a shared segment an agreement no longer
   * counts; on a point-to-point one, a designated port still on its way to forwarding proposes
   * again, so that its neighbour's agreement may come.
   */
  protected override linkTypeChanged(p: StpPort): void {
    if (!p.p2p) p.agreed = false;
    else if (p.proposing) this.transmitConfig(p);
  }

  /** Discarding: what the port learned goes, and it proposes nothing. */
  protected override makeBlocking(p: StpPort): void {
    p.forwardAt = Number.POSITIVE_INFINITY;
    p.proposing = false;
    if (p.state === ST_BLOCKING) return;
    const was = p.state;
    this.setState(p, ST_BLOCKING);
    if (was === ST_FORWARDING || was === ST_LEARNING) this.sw.flush(p.index, this.vlan);
  }

  protected override forwardDelayExpired(p: StpPort): void {
    if (p.state === ST_BLOCKING) {
      this.setState(p, ST_LEARNING);
      p.forwardAt = this.now + this.forwardDelay;
    } else if (p.state === ST_LEARNING) {
      this.forward(p);
    }
  }

  private forward(p: StpPort): void {
    this.setState(p, ST_FORWARDING);
    p.forwardAt = Number.POSITIVE_INFINITY;
    p.proposing = false;
    this.changeDetected(p);
  }

  // ---- topology changes (17.29, the Topology Change state machine) ------------------------

  /** Non-edge port `p` came to forward: the change goes out of every root and designated port, and the others forget. */
  private changeDetected(p: StpPort): void {
    if (this.instant || p.edge) return;
    this.tcCount++;
    this.lastTc = this.now;
    this.lastTcPort = p.index;
    for (const q of this.ports) {
      if (q === undefined || q.edge) continue;
      if (q !== p) this.flush(q);
      if (q === this.rootPort || this.designated(q)) this.startTc(q);
    }
  }

  /**
   * Whether `p` acts on a topology change it hears: a forwarding root or designated port (the
   * ACTIVE state). An alternate port that passed one on would send it round the loop it blocks.
   */
  private active(p: StpPort): boolean {
    return p.state === ST_FORWARDING && (p === this.rootPort || this.designated(p));
  }

  /** A topology change heard on `p` (`count`: not one already counted): every other port forgets, and passes it on. */
  private tcHeard(p: StpPort, count: boolean): void {
    if (this.instant || !this.active(p)) return;
    // One change however many BPDUs tell of it (a bridge whose only other ports are edge ports
    // runs no tcWhile to tell them apart: it counts one per twice the hello time).
    if (
      count &&
      this.now >= this.tcHeardUntil &&
      !this.ports.some((q) => q !== undefined && this.now < q.tcUntil)
    ) {
      this.tcCount++;
      this.lastTc = this.now;
      this.lastTcPort = p.index;
    }
    this.tcHeardUntil = this.now + 2 * this.helloTime;
    for (const q of this.ports) {
      if (q === undefined || q === p || q.edge) continue;
      this.flush(q);
      if (q === this.rootPort || this.designated(q)) this.startTc(q);
    }
  }

  private flush(q: StpPort): void {
    if (q.state === ST_FORWARDING || q.state === ST_LEARNING) this.sw.flush(q.index, this.vlan);
  }

  /**
   * tcWhile starts on `q` unless it runs (17.21.7 newTcWhile). 802.1D bridges hear of it as
   * 802.1D tells it: towards the root a TCN, repeated until acknowledged (a root port sends
   * nothing else to them, 17.26); away from it the TC flag, for max age + forward delay.
   */
  private startTc(q: StpPort): void {
    if (q.legacy && q === this.rootPort) {
      if (this.tcnAt !== Number.POSITIVE_INFINITY) return;
      this.transmitTcn();
      this.tcnAt = this.now + this.bridgeHello;
      this.arm(this.tcnAt);
      return;
    }
    if (this.now < q.tcUntil) return;
    if (q.legacy) {
      q.tcUntil = this.now + this.maxAge + this.forwardDelay;
      return;
    }
    q.tcUntil = this.now + 2 * this.helloTime;
    this.transmitConfig(q);
  }

  protected override tcnTick(): void {
    if (this.rootPort?.legacy === true) super.tcnTick();
    else this.tcnAt = Number.POSITIVE_INFINITY;
  }

  // ---- BPDUs ------------------------------------------------------------------------------

  /** Every bridge's hello: its designated ports, and its root port while it tells of a topology change. */
  protected override helloTick(): void {
    for (const p of this.ports) {
      if (p === undefined) continue;
      if (this.designated(p) || (p === this.rootPort && !p.legacy && this.now < p.tcUntil))
        this.transmitConfig(p);
    }
    this.helloAt = this.now + this.helloTime;
  }

  /** After a selection, the designated ports tell what changed at once (newInfo); a new root's times are its own. */
  protected override afterSelection(wasRoot: boolean): void {
    if (this.isRoot() && !wasRoot) {
      this.maxAge = this.bridgeMaxAge;
      this.helloTime = this.bridgeHello;
      this.forwardDelay = this.bridgeForward;
    }
    this.configBpduGeneration();
  }

  /**
   * The port has something to say (newInfo): it says it once the event that changed it is over,
   * in one BPDU however many changes the event made. As the network settles, at once.
   */
  protected override transmitConfig(p: StpPort): void {
    if (this.instant) {
      this.sendPending(p);
      return;
    }
    if (p.configPending) return;
    p.configPending = true;
    p.holdUntil = this.now;
    this.arm(this.now);
  }

  /**
   * An RST BPDU out of `p`, or an 802.1D one to an 802.1D neighbour, which hears nothing from
   * a root or alternate port (17.26). Beyond the hold count it waits for the next second.
   */
  protected override sendPending(p: StpPort): void {
    p.configPending = false;
    if (p.legacy && !this.designated(p)) return;
    if (!this.instant) {
      // 17.19.44: txCount goes down by one each second.
      const ticks = Math.floor((this.now - p.txAt) / SECOND);
      if (ticks > 0) {
        p.txCount = Math.max(0, p.txCount - ticks);
        p.txAt += ticks * SECOND;
      }
      if (p.txCount >= TX_HOLD_COUNT) {
        p.configPending = true;
        p.holdUntil = p.txAt + SECOND;
        this.arm(p.holdUntil);
        return;
      }
    }
    const root = this.rootPort;
    // The root's information, a second older for each bridge it went through (17.19.21 updtRolesTree).
    const age = root === null ? 0 : root.receivedAge + MESSAGE_AGE_INCREMENT;
    const maxAge = toUnits(this.maxAge);
    if (age >= maxAge) return;
    const tc = this.now < p.tcUntil ? STP_FLAG_TC : 0;
    let flags: number;
    if (p.legacy) {
      flags = tc | (p.tcAck ? STP_FLAG_TCA : 0);
    } else {
      const role = p === root ? RST_ROLE_ROOT : this.designated(p) ? RST_ROLE_DESIGNATED : RST_ROLE_ALTERNATE;
      flags =
        tc |
        role |
        (p.proposing ? RST_FLAG_PROPOSAL : 0) |
        (p.agree ? RST_FLAG_AGREEMENT : 0) |
        (p.state === ST_LEARNING || p.state === ST_FORWARDING ? RST_FLAG_LEARNING : 0) |
        (p.state === ST_FORWARDING ? RST_FLAG_FORWARDING : 0);
    }
    const bpdu = p.legacy
      ? this.ownBpdu(p, 0, BPDU_CONFIG, flags, age)
      : this.ownBpdu(p, RST_VERSION, BPDU_RST, flags, age);
    p.tcAck = false;
    p.txCount++;
    this.send(p, bpdu);
  }

  /** The network settled: every bridge says hello from now on, not only the root. */
  override settled(): void {
    super.settled();
    for (const p of this.ports) {
      if (p === undefined) continue;
      p.txCount = 0;
      p.txAt = this.now;
    }
    this.helloAt = this.now + this.helloTime;
    this.arm(this.helloAt);
  }

  /** `clear spanning-tree detected-protocols`: port `index` (every port when undefined) speaks RSTP again. */
  migrate(index: number | undefined): void {
    for (const p of this.ports) {
      if (p === undefined || (index !== undefined && p.index !== index) || !p.legacy) continue;
      p.legacy = false;
      p.migrateUntil = this.now + MIGRATE_TIME;
      if (this.designated(p)) {
        this.makeForwarding(p);
        this.transmitConfig(p);
      }
    }
  }
}
