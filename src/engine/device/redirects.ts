/**
 * ICMP redirects (RFC 792 type 5; RFC 1812 5.2.7.2 for routers, RFC 1122 3.2.2.2 for hosts).
 *
 * Sending, as IOS does (Cisco's "When Are ICMP Redirects Sent?"): a router that forwards a
 * datagram out of the interface it came in on (a subinterface counts as its own interface), to a
 * next hop in the source's subnet as the input interface's mask sees it, tells the source to use
 * that next hop, and forwards the datagram all the same. `no ip redirects` turns it off per
 * interface. Not about broadcasts or multicasts, nor about ICMP other than echoes; not rate
 * limited (unlike unreachables). The redirect comes from the input interface's address and
 * quotes the datagram as it arrived. IOS's `debug ip icmp` then reads "ICMP: redirect sent to
 * SRC for dest DST, use gw NEXTHOP". It is a host redirect (code 1): RFC 1812 forbids routers
 * the network redirect, which only old IOS releases sent for routes that were not subnets.
 *
 * Receiving, as Windows does (Microsoft's "Maintaining Route Tables"): a redirect is taken only
 * from the current first hop for the destination it names, and only to a gateway on the
 * interface's own subnet; the destination then goes to that gateway for ten minutes, whatever
 * the code says (a host redirect). Windows keeps it in its path cache, not its routing table,
 * so `route print` does not show it. IOS routers ignore redirects; IOS as a host (a switch's
 * `ip default-gateway`) keeps a redirect cache that is not modelled here.
 */
import { seconds } from '../../shared/time.ts';
import { icmpError, ipv4 } from '../packets.ts';
import { REDIRECT_HOST } from '../wire/icmp.ts';
import type { Ipv4Packet } from '../wire/ipv4.ts';
import { IPPROTO_ICMP } from '../wire/ipv4.ts';
import type { L3Interface } from './l3-interface.ts';

/** How long Windows sends to a destination through the gateway a redirect named. */
export const REDIRECT_LIFETIME = seconds(600);

/** An echo request or reply: the only ICMP that IOS redirects. */
const isEcho = (type: number): boolean => type === 0 || type === 8;

/**
 * The redirect a router sends about `pkt`, which came in on `iface` and leaves by it again
 * towards `nextHop`, or undefined when IOS sends none. `ttl` and `nextId` (which numbers the
 * datagrams it originates) are the sender's.
 */
export function redirectFor(
  iface: L3Interface,
  pkt: Ipv4Packet,
  nextHop: number,
  ttl: number,
  nextId: () => number,
): Ipv4Packet | undefined {
  const own = iface.ip;
  if (own === undefined || !iface.redirects) return undefined;
  const src = pkt.src;
  const first = src >>> 24;
  if (first === 0 || first === 127 || first >= 224 || pkt.dst >>> 28 >= 0xe) return undefined;
  if (((src ^ nextHop) & iface.mask) !== 0 || src === iface.bcast) return undefined;
  if (pkt.protocol === IPPROTO_ICMP) {
    const m = pkt.payload;
    const type = m.proto === 'icmp' ? m.type : m.proto === 'raw' ? m.bytes[0] : undefined;
    if (type === undefined || !isEcho(type) || pkt.fragmentOffset !== 0) return undefined;
  }
  return ipv4(own.addr, src, ttl, IPPROTO_ICMP, nextId(), icmpError(5, REDIRECT_HOST, pkt, nextHop));
}

interface Redirect {
  readonly gateway: number;
  readonly iface: L3Interface;
  readonly until: number;
}

/** Where redirects sent a host's destinations (Windows' path cache, for this purpose). */
export class RedirectCache {
  private readonly entries = new Map<number, Redirect>();

  get size(): number {
    return this.entries.size;
  }

  /** The gateway `dst` was redirected to and its interface, while that holds at `now`. */
  find(dst: number, now: number): Redirect | undefined {
    const r = this.entries.get(dst);
    if (r === undefined) return undefined;
    if (now < r.until && r.iface.usable) return r;
    this.entries.delete(dst);
    return undefined;
  }

  /**
   * Takes a redirect from `from` (the datagram's source), received on `iface`, sending `dst` to
   * `gateway`, if `firstHop` (where `dst` goes now) is `from` and `gateway` is on the
   * interface's subnet. Returns whether it took it.
   */
  learn(
    iface: L3Interface,
    from: number,
    dst: number,
    gateway: number,
    firstHop: number | undefined,
    now: number,
  ): boolean {
    const own = iface.ip;
    if (own === undefined || firstHop !== from || gateway === from) return false;
    if (((gateway ^ own.addr) & iface.mask) !== 0 || gateway === own.addr || gateway === iface.bcast)
      return false;
    if (gateway === iface.net) return false;
    this.entries.set(dst, { gateway, iface, until: now + REDIRECT_LIFETIME });
    return true;
  }

  clear(): void {
    this.entries.clear();
  }
}
