/**
 * Frame ownership on the forwarding path.
 *
 * Frames and the datagrams in them are immutable values that any number of holders may share:
 * a flood sends one value out of every port, the trace and captures keep what they saw, an
 * ICMP error quotes the datagram it is about. Copying the datagram and its frame at every
 * routed hop keeps that safe, and it is most of what a hop allocates.
 *
 * A frame travels with a flag beside it (like its wire tag): OWNED when its next holder will be
 * its only one, EXCLUSIVE when the ICMP message in its datagram is that holder's alone too. An
 * IP stack builds every IPv4 frame for a single send, so it starts OWNED (EXCLUSIVE for the
 * echoes it builds or answers); a port and its queue pass the flag on, a switch keeps it when
 * it forwards by unicast and drops it when it floods or hands the frame to its own SVI. A router
 * that receives an owned frame and forwards it from its forwarding cache readdresses it and
 * lowers its TTL in place instead of copying both. A host that receives an owned echo request
 * turns it into its reply: an EXCLUSIVE one whole, an OWNED one with a new ICMP message. A host
 * that receives an EXCLUSIVE echo reply keeps the frame, and its next echo request is that
 * frame rewritten, so a ping running back to back allocates nothing. Nothing
 * changes in place while the trace or a capture watches
 * (`SimContext.observed`): they keep the very values they saw, so a frame they saw goes on
 * shared for good, even if they stop watching while it is on its way.
 *
 * What keeps this sound, for whoever changes the IP stack:
 * - A frame leaves OWNED only around a datagram nobody else holds: one just built (originated,
 *   an echo reply, an ICMP error, the TTL-lowered copy of a forwarded datagram) or just taken
 *   out of an ARP queue. Code that keeps a datagram it sends (a resend, a saved PDU) must send
 *   it SHARED, or send a copy. EXCLUSIVE also needs an ICMP message nobody else holds: an echo
 *   just built, or turned into its reply; a copied datagram shares its message, so it leaves
 *   OWNED at most.
 * - Whoever receives an echo reply (ProbeClient) keeps numbers from it, never the values: the
 *   stack rewrites an EXCLUSIVE reply into its next request.
 * - A forwarded datagram copied rather than changed in place shares its payload with the
 *   original, which the trace may hold: change a datagram's header, never its payload.
 * - An ICMP error quotes the received datagram itself, which is safe because a datagram that
 *   gets an error is dropped, never forwarded too. A router that both forwards a datagram and
 *   reports on it (an ICMP redirect) forwards a copy.
 */
import type { Dot1qTag, EthernetFrame } from '../wire/ethernet.ts';
import type { IcmpEcho } from '../wire/icmp.ts';
import type { Ipv4Packet } from '../wire/ipv4.ts';
import { IPPROTO_ICMP, NO_OPTIONS } from '../wire/ipv4.ts';

export const SHARED = 0;
export const OWNED = 1;
export const EXCLUSIVE = 2;

type Writable<T> = { -readonly [K in keyof T]: T[K] };

/** Readdresses an owned frame, and lowers the TTL of its datagram, for the next hop. */
export function forwardInPlace(
  frame: EthernetFrame,
  pkt: Ipv4Packet,
  dst: number,
  src: number,
  tag: Dot1qTag | undefined,
): void {
  readdress(frame, dst, src, tag);
  (pkt as Writable<Ipv4Packet>).ttl = pkt.ttl - 1;
}

/** Gives an owned frame new addresses and 802.1Q tag for its next hop. */
export function readdress(frame: EthernetFrame, dst: number, src: number, tag: Dot1qTag | undefined): void {
  const f = frame as Writable<EthernetFrame>;
  f.dst = dst as EthernetFrame['dst'];
  f.src = src as EthernetFrame['src'];
  f.tag = tag;
}

/**
 * Rewrites an exclusively held echo message: the very values `icmpEcho(type, identifier,
 * sequence, data)` has.
 */
export function echoInPlace(
  echo: IcmpEcho,
  type: 0 | 8,
  identifier: number,
  sequence: number,
  data: Uint8Array,
): void {
  const e = echo as Writable<IcmpEcho>;
  e.type = type;
  e.code = 0;
  e.identifier = identifier;
  e.sequence = sequence;
  e.data = data;
}

/**
 * Rewrites the header of an owned datagram: the very values `ipv4(src, dst, ttl, 1,
 * identification, payload, dontFragment)` has (an echo request's datagram becoming its reply's, or an echo
 * reply's becoming the next request's). Only the header: unless the frame is EXCLUSIVE, its
 * ICMP message may be shared with the datagram it was copied from.
 */
export function headerInPlace(
  pkt: Ipv4Packet,
  payload: IcmpEcho,
  src: number,
  dst: number,
  ttl: number,
  identification: number,
  dontFragment = false,
): void {
  const p = pkt as Writable<Ipv4Packet>;
  p.dscp = 0;
  p.ecn = 0;
  p.identification = identification;
  p.dontFragment = dontFragment;
  p.moreFragments = false;
  p.fragmentOffset = 0;
  p.ttl = ttl;
  p.protocol = IPPROTO_ICMP;
  p.src = src as Ipv4Packet['src'];
  p.dst = dst as Ipv4Packet['dst'];
  p.options = NO_OPTIONS;
  p.payload = payload;
}
