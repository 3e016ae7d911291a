/**
 * A device's record of its interfaces' state changes (what IOS reports as %LINK and %LINEPROTO
 * messages): when each interface's status and line protocol last changed, and a bounded log of
 * the changes that readers consume by sequence number.
 *
 * Interface states change only when the simulation applies a configuration or a cable change and
 * refreshes the devices concerned; the device notes its states right after, so every change is
 * logged at the virtual time it happened, however briefly it lasted.
 */
import type { Micros } from '../../shared/time.ts';
import type { InterfaceChange, InterfaceChanges, InterfaceStatus } from '../api.ts';
import { SeqLog } from './seq-log.ts';

/** Changes kept per device: far more than a console shows between two reads. */
export const INTERFACE_LOG_CAPACITY = 256;

interface Tracked {
  status: InterfaceStatus['status'];
  protocol: InterfaceStatus['protocol'];
  since: Micros;
  /** The `note` call that last saw the interface, to forget those that went away. */
  seen: number;
  /** A subinterface's own administrative state (`shutdown`); undefined for the others. */
  ownUp: boolean | undefined;
}

export class InterfaceLog {
  private readonly tracked = new Map<string, Tracked>();
  private readonly log = new SeqLog<InterfaceChange>(INTERFACE_LOG_CAPACITY);
  /** Notes taken; the current one's number while `see` is called. */
  private notes = 0;
  private now = 0 as Micros;
  /** The note after a reboot, where every interface comes up as ports do. */
  private booting = false;

  /**
   * Starts noting the device's interface states at `now`: call `see` for each interface, then
   * `end`. The first note only records them (the device boots that way). An interface that
   * appears later (an SVI) counts as having been down, so it is reported when it comes up; a
   * new loopback only has its line protocol come up, as IOS reports it.
   */
  begin(now: Micros): void {
    this.notes++;
    this.now = now;
  }

  /**
   * One interface's current state; a difference from the last note is logged, marked when the
   * device error-disabled the port (`errDisabled`).
   *
   * A subinterface passes its own administrative state (`ownUp`). It follows its parent without
   * a word: IOS reports a subinterface neither when it is created nor when its parent goes up
   * or down, only when its own `shutdown` changes (GNS3 and IOL captures). Its changes still
   * date its state.
   */
  see(
    name: string,
    status: InterfaceStatus['status'],
    protocol: InterfaceStatus['protocol'],
    errDisabled = false,
    ownUp?: boolean,
  ): void {
    const now = this.now;
    const seen = this.notes;
    let t = this.tracked.get(name);
    if (t === undefined) {
      const quiet = seen === 1 || ownUp !== undefined;
      // An SVI created by `interface vlan N` whose VLAN has no port up reports only its line
      // protocol going down (2960 captures: "%LINEPROTO-5-UPDOWN: Line protocol on Interface
      // Vlan99, changed state to down" and nothing else).
      const idle = !quiet && !this.booting && name.startsWith('Vlan') && protocol === 'down';
      t = {
        status:
          quiet || idle || status === 'administratively down' || name.startsWith('Loopback')
            ? status
            : 'down',
        protocol: quiet ? protocol : idle ? 'up' : 'down',
        since: now,
        seen,
        ownUp,
      };
      this.tracked.set(name, t);
    }
    t.seen = seen;
    // A subinterface whose own state did not change only followed its parent.
    const followed = ownUp !== undefined && t.ownUp === ownUp;
    t.ownUp = ownUp;
    const cause = errDisabled ? { errDisabled: true as const } : {};
    if (status !== t.status) {
      t.status = status;
      t.since = now;
      if (!followed)
        this.log.push({ seq: this.log.nextSeq, at: now, interface: name, ...cause, kind: 'status', status });
    }
    if (protocol !== t.protocol) {
      t.protocol = protocol;
      t.since = now;
      if (!followed)
        this.log.push({
          seq: this.log.nextSeq,
          at: now,
          interface: name,
          ...cause,
          kind: 'protocol',
          protocol,
        });
    }
  }

  /** Ends the note: interfaces it did not see are gone (`no interface`). */
  end(): void {
    this.booting = false;
    for (const [name, t] of this.tracked) if (t.seen !== this.notes) this.tracked.delete(name);
  }

  /** The device booted again: the next note finds every interface as if it were new. */
  forget(): void {
    this.tracked.clear();
    this.booting = true;
  }

  /** When interface `name`'s status or protocol last changed (its first note if never). */
  lastChange(name: string): Micros | undefined {
    return this.tracked.get(name)?.since;
  }

  /** The changes from sequence number `since` on that the log still holds. */
  read(since: number): InterfaceChanges {
    const { entries, next, missed } = this.log.read(since);
    return { changes: entries, next, missed };
  }
}
