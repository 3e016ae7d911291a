/**
 * Cisco IOS guarding its interface addresses (RFC 5227 section 2.4 (c): a router defends its
 * address for as long as the conflict lasts).
 *
 * - An interface that comes up with an address sends two gratuitous ARP replies to the
 *   broadcast address, sender and target both its own address (`debug arp` on `no shutdown`:
 *   "IP ARP: sent rep src 10.10.1.10 aabb.cc00.9100, dst 10.10.1.10 ffff.ffff.ffff", twice);
 *   an interface already up that is given an address, or another one, sends one ("sent rep
 *   src 192.168.1.3 ca01.2f98.0000, dst 192.168.1.3 ffff.ffff.ffff FastEthernet0/0", once,
 *   after `ip address` on a 7200's interface that was up).
 * - ARP from another station giving the interface's own address as its sender is logged as
 *   %IP-4-DUPADDR (the console prints it at most every 30 s) and answered with a gratuitous
 *   reply naming the interface's own hardware address; claims that follow within about half
 *   a second are throttled into one more reply at its end ("IP ARP: Gratuitous ARP
 *   throttled", "added to arp_defense_Q").
 * - A probe for the address (sender 0.0.0.0) gets an ordinary reply and no log line.
 */
import type { MacAddr } from '../../shared/mac.ts';
import { ms } from '../../shared/time.ts';
import type { EventTarget } from '../sim/scheduler.ts';
import type { Timer } from '../sim/timer.ts';
import { ARP_REPLY } from '../wire/arp.ts';
import { AddressGuard, type GuardedStack } from './address-guard.ts';
import { BROADCAST_MAC } from './arp-cache.ts';
import type { L3Interface } from './l3-interface.ts';

/** Gratuitous replies sent when an interface comes up with an address, or is given one while up. */
const ANNOUNCEMENTS_AT_LINE_UP = 2;
const ANNOUNCEMENTS_WHILE_UP = 1;
/** Shortest gap between two defences of one interface's address. */
export const DEFENCE_THROTTLE = ms(500);

interface Defence {
  /** When the last defence left (-Infinity: none yet). */
  last: number;
  /** A throttled defence is waiting for the end of the gap. */
  queued: boolean;
  readonly timer: Timer;
}

export class IosArpDefense extends AddressGuard implements EventTarget {
  private readonly defences = new WeakMap<L3Interface, Defence>();

  constructor(private readonly stack: GuardedStack) {
    super();
  }

  started(iface: L3Interface, lineWasUp: boolean): void {
    const count = lineWasUp ? ANNOUNCEMENTS_WHILE_UP : ANNOUNCEMENTS_AT_LINE_UP;
    for (let i = 0; i < count; i++) this.announce(iface);
  }

  announce(iface: L3Interface): void {
    // A loopback has no Ethernet to announce on (an SVI has its VLAN's).
    if (iface.loopback) return;
    const own = iface.ip!.addr;
    this.stack.sendArp(iface, ARP_REPLY, own, BROADCAST_MAC, own, BROADCAST_MAC);
  }

  claimed(iface: L3Interface, mac: MacAddr): void {
    const now = this.stack.now;
    this.record(now, iface, iface.ip!.addr, mac);
    let d = this.defences.get(iface);
    if (d === undefined) {
      d = { last: Number.NEGATIVE_INFINITY, queued: false, timer: this.stack.timer(this, 0) };
      this.defences.set(iface, d);
    }
    if (now - d.last >= DEFENCE_THROTTLE) {
      this.defend(iface, d);
    } else if (!d.queued) {
      d.queued = true;
      d.timer.set(d.last + DEFENCE_THROTTLE, iface, 0);
    }
  }

  probed(): boolean {
    return true;
  }

  onEvent(_code: number, a: unknown): void {
    const iface = a as L3Interface;
    const d = this.defences.get(iface)!;
    d.queued = false;
    if (iface.usable) this.defend(iface, d);
  }

  private defend(iface: L3Interface, d: Defence): void {
    d.last = this.stack.now;
    const own = iface.ip!.addr;
    this.stack.sendArp(iface, ARP_REPLY, own, iface.mac, own, BROADCAST_MAC);
  }
}
