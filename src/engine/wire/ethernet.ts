/**
 * Ethernet II frames (IEEE 802.3 clause 3, DIX framing) with an optional IEEE 802.1Q tag.
 * Frames travel through the engine as these typed values; bytes are produced on demand.
 *
 * TYPES ONLY for now: encode/decode (exact bytes, padding to 60 bytes, length checks,
 * unknown EtherTypes kept as raw bytes) belong in this file too.
 */
import type { MacAddr } from '../../shared/mac.ts';
import type { ArpPacket } from './arp.ts';
import type { Ipv4Packet } from './ipv4.ts';

export const ETHERTYPE_IPV4 = 0x0800;
export const ETHERTYPE_ARP = 0x0806;
export const ETHERTYPE_VLAN = 0x8100;

/** 802.1Q tag control information. */
export interface Dot1qTag {
  readonly pcp: number; // 0..7
  readonly dei: boolean;
  readonly vid: number; // 0..4095
}

/** A payload whose EtherType the engine does not model: kept byte for byte. */
export interface RawPayload {
  readonly proto: 'raw';
  readonly bytes: Uint8Array;
}

export type EthernetPayload = ArpPacket | Ipv4Packet | RawPayload;

export interface EthernetFrame {
  readonly dst: MacAddr;
  readonly src: MacAddr;
  readonly tag?: Dot1qTag;
  /** The EtherType after the tag (0x0800, 0x0806, or any other value, kept). */
  readonly etherType: number;
  readonly payload: EthernetPayload;
}
