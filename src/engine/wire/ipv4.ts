/**
 * IPv4 datagrams (RFC 791; header checksum RFC 1071). TYPES ONLY for now: encode/decode
 * (checksum computed on emit and verified on parse, options kept as bytes) belong here.
 */
import type { Ipv4Addr } from '../../shared/ipv4.ts';
import type { IcmpMessage } from './icmp.ts';
import type { UdpDatagram } from './udp.ts';

export const IPPROTO_ICMP = 1;
export const IPPROTO_UDP = 17;

export interface RawIpPayload {
  readonly proto: 'raw';
  readonly bytes: Uint8Array;
}

export type Ipv4Payload = IcmpMessage | UdpDatagram | RawIpPayload;

export interface Ipv4Packet {
  readonly proto: 'ipv4';
  readonly dscp: number;
  readonly ecn: number;
  readonly identification: number;
  readonly dontFragment: boolean;
  readonly moreFragments: boolean;
  readonly fragmentOffset: number; // in 8-byte units
  readonly ttl: number;
  /** IANA protocol number (1 ICMP, 17 UDP, others kept). */
  readonly protocol: number;
  readonly src: Ipv4Addr;
  readonly dst: Ipv4Addr;
  /** Raw option bytes (multiple of 4), usually empty. */
  readonly options: Uint8Array;
  readonly payload: Ipv4Payload;
}
