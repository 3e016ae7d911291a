/**
 * How an IP stack guards its addresses against another station using them (IPv4 Address
 * Conflict Detection, RFC 5227): what it sends when an address comes into use, and what it does
 * when ARP shows someone else claiming or probing for one. Each operating system has its own
 * policy (`ios-arp-defense.ts`, `windows-dad.ts`); both keep a log of the conflicts they saw.
 */
import type { Ipv4Addr } from '../../shared/ipv4.ts';
import type { MacAddr } from '../../shared/mac.ts';
import type { AddressConflict } from '../api.ts';
import type { EventTarget } from '../sim/scheduler.ts';
import type { Timer } from '../sim/timer.ts';
import type { L3Interface } from './l3-interface.ts';
import { SeqLog, type SeqRead } from './seq-log.ts';

/** Conflicts kept per device: a console reads them as they come. */
const CONFLICT_LOG_CAPACITY = 64;

/** What a guard needs from the stack it guards. */
export interface GuardedStack {
  /**
   * Sends an ARP packet of the stack's own making out of `iface`: a probe (sender 0.0.0.0), an
   * announcement or a defence.
   */
  sendArp(
    iface: L3Interface,
    op: number,
    senderIp: number,
    targetMac: number,
    targetIp: number,
    to: number,
  ): void;
  readonly now: number;
  /**
   * A timer calling `target.onEvent(code, ...)`. (Guards use timers rather than events of their
   * own: the scheduler's call to the objects it runs events on stays fast while it sees few
   * kinds of them, and every stack has timers already.)
   */
  timer(target: EventTarget, code: number): Timer;
  /** A seeded random integer in [0, n). */
  randomInt(n: number): number;
}

export abstract class AddressGuard {
  private readonly log = new SeqLog<AddressConflict>(CONFLICT_LOG_CAPACITY);

  /**
   * `iface` has just come into use with its address: its line came up with it, or it was
   * given an address while its line was already up (`lineWasUp`).
   */
  abstract started(iface: L3Interface, lineWasUp: boolean): void;

  /** Announces `iface`'s address once, as the system does when asked to (`clear arp-cache`). */
  abstract announce(iface: L3Interface): void;

  /** An ARP packet from another station (`mac`) gives `iface`'s own address as its sender. */
  abstract claimed(iface: L3Interface, mac: MacAddr): void;

  /** Another station (`mac`) probes for `iface`'s address: whether to answer it. */
  abstract probed(iface: L3Interface, mac: MacAddr): boolean;

  protected record(at: number, iface: L3Interface, addr: Ipv4Addr, mac: MacAddr): void {
    this.log.push({ seq: this.log.nextSeq, at: at as AddressConflict['at'], iface: iface.name, addr, mac });
  }

  read(since: number): SeqRead<AddressConflict> {
    return this.log.read(since);
  }
}
