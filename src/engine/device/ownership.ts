/**
 * Frame ownership on the forwarding path.
 *
 * Frames and the datagrams in them are immutable values that any number of holders may share:
 * a flood sends one value out of every port, the trace and captures keep what they saw, an
 * ICMP error quotes the datagram it is about. Copying the datagram and its frame at every
 * routed hop keeps that safe, and it is most of what a hop allocates.
 *
 * A frame travels with a flag beside it (like its wire tag): OWNED when its next holder will be
 * its only one. An IP stack builds every IPv4 frame for a single send, so it starts OWNED; a
 * port and its queue pass the flag on, a switch keeps it when it forwards by unicast and drops
 * it when it floods or hands the frame to its own SVI. A router that receives an OWNED frame
 * and forwards it from its forwarding cache readdresses it and lowers its TTL in place instead
 * of copying both; a host that receives an owned echo request turns it into its reply. Nothing
 * changes in place while the trace or a capture watches
 * (`SimContext.observed`): they keep the very values they saw, so a frame they saw goes on
 * shared for good, even if they stop watching while it is on its way.
 *
 * What keeps this sound, for whoever changes the IP stack:
 * - A frame leaves OWNED only around a datagram nobody else holds: one just built (originated,
 *   an echo reply, an ICMP error, the TTL-lowered copy of a forwarded datagram) or just taken
 *   out of an ARP queue. Code that keeps a datagram it sends (a resend, a saved PDU) must send
 *   it SHARED, or send a copy.
 * - A forwarded datagram copied rather than changed in place shares its payload with the
 *   original, which the trace may hold: change a datagram's header, never its payload.
 * - An ICMP error quotes the received datagram itself, which is safe because a datagram that
 *   gets an error is dropped, never forwarded too. A router that both forwards a datagram and
 *   reports on it (ICMP redirects, not modelled) must quote a copy.
 */
import type { Dot1qTag, EthernetFrame } from '../wire/ethernet.ts';
import type { IcmpEcho } from '../wire/icmp.ts';
import type { Ipv4Packet } from '../wire/ipv4.ts';
import { NO_OPTIONS } from '../wire/ipv4.ts';

export const SHARED = 0;
export const OWNED = 1;

type Writable<T> = { -readonly [K in keyof T]: T[K] };

/** Readdresses an owned frame, and lowers the TTL of its datagram, for the next hop. */
export function forwardInPlace(
  frame: EthernetFrame,
  pkt: Ipv4Packet,
  dst: number,
  src: number,
  tag: Dot1qTag | undefined,
): void {
  const f = frame as Writable<EthernetFrame>;
  f.dst = dst as EthernetFrame['dst'];
  f.src = src as EthernetFrame['src'];
  f.tag = tag;
  (pkt as Writable<Ipv4Packet>).ttl = pkt.ttl - 1;
}

/**
 * Turns the datagram of an owned echo request into the datagram of its reply, `reply`: the
 * very values `ipv4(src, dst, ttl, 1, identification, reply)` has. Only the header changes:
 * the request's ICMP message may be shared with the datagram it was copied from.
 */
export function answerInPlace(
  pkt: Ipv4Packet,
  reply: IcmpEcho,
  src: number,
  dst: number,
  ttl: number,
  identification: number,
): void {
  const p = pkt as Writable<Ipv4Packet>;
  p.dscp = 0;
  p.ecn = 0;
  p.identification = identification;
  p.dontFragment = false;
  p.moreFragments = false;
  p.fragmentOffset = 0;
  p.ttl = ttl;
  p.src = src as Ipv4Packet['src'];
  p.dst = dst as Ipv4Packet['dst'];
  p.options = NO_OPTIONS;
  p.payload = reply;
}
