/**
 * Windows (Vista on) detecting and defending its IPv4 address, after RFC 5227.
 *
 * - When its address comes into use (set, or the cable plugged in), the NIC sends three ARP
 *   probes for it, sender address 0.0.0.0 and target hardware address zero, one second apart
 *   (`netsh interface ipv4 show interface`: "DAD Transmits : 3", "Retransmission Interval :
 *   1000 ms"), the first after a random wait under a second so that hosts starting together
 *   do not probe in step (RFC 5227 PROBE_WAIT); a second after the last it announces the
 *   address with one gratuitous ARP request.
 * - Any ARP from another station giving the address as its sender while probing (an answer
 *   to a probe, say), or probing for the same address, means someone has it: the address is
 *   marked duplicate and unused, and the host configures itself in 169.254.0.0/16 instead
 *   (event 4199, "Windows has detected an IP address conflict").
 * - Once the address is in use, a station claiming it is logged and answered with a new
 *   announcement, at most one per 10 s (RFC 5227 DEFEND_INTERVAL); Windows keeps its address.
 *
 * Windows holds the address "tentative" and unusable while it probes. Here it is usable from
 * the start (as RFC 4429 allows IPv6 to do), so that a PC can ping the moment it is
 * configured; a conflict still takes the address away once found.
 */
import type { Ipv4Addr } from '../../shared/ipv4.ts';
import type { MacAddr } from '../../shared/mac.ts';
import { seconds } from '../../shared/time.ts';
import type { EventTarget } from '../sim/scheduler.ts';
import type { Timer } from '../sim/timer.ts';
import { ARP_REQUEST } from '../wire/arp.ts';
import { AddressGuard, type GuardedStack } from './address-guard.ts';
import { BROADCAST_MAC } from './arp-cache.ts';
import type { L3Interface } from './l3-interface.ts';

export const PROBES = 3;
export const PROBE_WAIT = seconds(1);
export const PROBE_INTERVAL = seconds(1);
export const DEFEND_INTERVAL = seconds(10);

interface Detection {
  /** The address being probed for or in use. */
  addr: number;
  /** Probes sent so far; PROBES + 1 once announced. */
  step: number;
  lastDefence: number;
  readonly timer: Timer;
}

export class WindowsDad extends AddressGuard implements EventTarget {
  private readonly detections = new WeakMap<L3Interface, Detection>();

  constructor(
    private readonly stack: GuardedStack,
    /** Another station has `iface`'s address: the host gives it up. */
    private readonly onDuplicate: (iface: L3Interface) => void,
  ) {
    super();
  }

  started(iface: L3Interface): void {
    let d = this.detections.get(iface);
    if (d === undefined) {
      d = {
        addr: 0,
        step: 0,
        lastDefence: Number.NEGATIVE_INFINITY,
        timer: this.stack.timer(this, 0),
      };
      this.detections.set(iface, d);
    }
    d.addr = iface.ip!.addr;
    d.step = 0;
    d.lastDefence = Number.NEGATIVE_INFINITY;
    // Set again, the timer drops whatever step of an earlier detection was pending.
    d.timer.set(this.stack.now + this.stack.randomInt(PROBE_WAIT), iface, 0);
  }

  onEvent(_code: number, a: unknown): void {
    const iface = a as L3Interface;
    const d = this.detections.get(iface)!;
    if (!iface.usable || iface.ip!.addr !== d.addr) return;
    if (d.step < PROBES) {
      this.stack.sendArp(iface, ARP_REQUEST, 0, 0, d.addr, BROADCAST_MAC);
    } else {
      this.announceAddress(iface, d.addr);
    }
    d.step++;
    if (d.step <= PROBES) d.timer.set(this.stack.now + PROBE_INTERVAL, iface, 0);
  }

  claimed(iface: L3Interface, mac: MacAddr): void {
    const d = this.current(iface);
    if (d === undefined) return;
    this.record(this.stack.now, iface, d.addr as Ipv4Addr, mac);
    if (d.step <= PROBES) {
      this.conflict(iface, d);
    } else if (this.stack.now - d.lastDefence >= DEFEND_INTERVAL) {
      d.lastDefence = this.stack.now;
      this.announceAddress(iface, d.addr);
    }
  }

  probed(iface: L3Interface, mac: MacAddr): boolean {
    const d = this.current(iface);
    if (d === undefined || d.step > PROBES) return true;
    this.record(this.stack.now, iface, d.addr as Ipv4Addr, mac);
    this.conflict(iface, d);
    return false;
  }

  /** The detection of `iface`'s present address, if one was started. */
  private current(iface: L3Interface): Detection | undefined {
    const d = this.detections.get(iface);
    return d !== undefined && iface.ip?.addr === d.addr ? d : undefined;
  }

  private conflict(iface: L3Interface, d: Detection): void {
    d.timer.cancel();
    d.addr = 0;
    this.onDuplicate(iface);
  }

  announce(iface: L3Interface): void {
    if (iface.ip !== undefined) this.announceAddress(iface, iface.ip.addr);
  }

  /** A gratuitous ARP request for `addr` (RFC 5227 2.3). */
  private announceAddress(iface: L3Interface, addr: number): void {
    this.stack.sendArp(iface, ARP_REQUEST, addr, 0, addr, BROADCAST_MAC);
  }
}
