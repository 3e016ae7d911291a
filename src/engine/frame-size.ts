/**
 * Frame length on the per-hop path. The common frames (ARP, ICMP echo and UDP without IP
 * options) are sized inline; everything else goes through the wire module, which this agrees
 * with byte for byte.
 */
import type { EthernetFrame } from './wire/ethernet.ts';
import { ETH_HEADER_LEN, ETH_MIN_FRAME_LEN, ethernetPayloadLen } from './wire/ethernet.ts';
import type { IcmpEcho } from './wire/icmp.ts';

/** Ethernet header + IPv4 header + ICMP/UDP header. */
const ETH_IP_L4 = 14 + 20 + 8;
const TAG_LEN = 4;

/** Header and payload, without tag or padding. */
function bareLen(f: EthernetFrame): number {
  const p = f.payload;
  if (p.proto === 'arp') return 14 + 28;
  if (p.proto === 'ipv4' && p.options.length === 0) {
    const m = p.payload;
    if (m.proto === 'icmp' && (m as IcmpEcho).data !== undefined && (m.type === 0 || m.type === 8)) {
      return ETH_IP_L4 + (m as IcmpEcho).data.length;
    }
    if (m.proto === 'udp') return ETH_IP_L4 + m.data.length;
  }
  return ETH_HEADER_LEN + ethernetPayloadLen(p);
}

/** On-wire size, padding included and FCS excluded: what `frameLen` returns. */
export function wireLen(f: EthernetFrame): number {
  return wireLenTagged(f, f.tag !== undefined);
}

/** The on-wire size of `f` with a tag (`tagged`) or without, whatever its own. */
export function wireLenTagged(f: EthernetFrame, tagged: boolean): number {
  const len = bareLen(f) + (tagged ? TAG_LEN : 0);
  return len > ETH_MIN_FRAME_LEN ? len : ETH_MIN_FRAME_LEN;
}

/**
 * The size of `f`, `len` bytes with a tag when `had`, once it has one when `has`: four bytes
 * more or less, unless padding to the minimum size hides the difference.
 */
export function retaggedLen(f: EthernetFrame, len: number, had: boolean, has: boolean): number {
  if (had === has) return len;
  if (has) return len > ETH_MIN_FRAME_LEN ? len + TAG_LEN : wireLenTagged(f, true);
  return len - TAG_LEN >= ETH_MIN_FRAME_LEN ? len - TAG_LEN : wireLenTagged(f, false);
}
