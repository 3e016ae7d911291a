/**
 * ARP for IPv4 over Ethernet (RFC 826). TYPES ONLY for now: encode/decode belong here.
 */
import type { Ipv4Addr } from '../../shared/ipv4.ts';
import type { MacAddr } from '../../shared/mac.ts';

export const ARP_REQUEST = 1;
export const ARP_REPLY = 2;

export interface ArpPacket {
  readonly proto: 'arp';
  /** 1 request, 2 reply; other values are kept. */
  readonly op: number;
  readonly senderMac: MacAddr;
  readonly senderIp: Ipv4Addr;
  readonly targetMac: MacAddr;
  readonly targetIp: Ipv4Addr;
}
