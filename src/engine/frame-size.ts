/**
 * Frame length on the per-hop path. The common frames (ARP, ICMP echo and UDP without IP
 * options) are sized inline; everything else goes through the wire module's `frameLen`, which
 * this agrees with byte for byte.
 */
import type { EthernetFrame } from './wire/ethernet.ts';
import { frameLen } from './wire/ethernet.ts';
import type { IcmpEcho } from './wire/icmp.ts';

/** Ethernet header + IPv4 header + ICMP/UDP header. */
const ETH_IP_L4 = 14 + 20 + 8;

export function wireLen(f: EthernetFrame): number {
  const p = f.payload;
  let len: number;
  if (p.proto === 'arp') len = 14 + 28;
  else if (p.proto === 'ipv4' && p.options.length === 0) {
    const m = p.payload;
    if (m.proto === 'icmp' && (m as IcmpEcho).data !== undefined && (m.type === 0 || m.type === 8)) {
      len = ETH_IP_L4 + (m as IcmpEcho).data.length;
    } else if (m.proto === 'udp') len = ETH_IP_L4 + m.data.length;
    else return frameLen(f);
  } else return frameLen(f);
  if (f.tag !== undefined) len += 4;
  return Math.max(len, 60);
}
