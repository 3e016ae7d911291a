/**
 * ARP for IPv4 over Ethernet (RFC 826): hardware type 1, protocol type 0x0800, address
 * lengths 6 and 4, so the packet is always 28 bytes. Other hardware or protocol address
 * formats are rejected on decode: the engine only speaks Ethernet/IPv4.
 *
 *   0       htype (1)        | ptype (0x0800)
 *   4       hlen 6 | plen 4  | op
 *   8..13   sender MAC,  14..17 sender IPv4
 *   18..23  target MAC,  24..27 target IPv4
 */
import type { Ipv4Addr } from '../../shared/ipv4.ts';
import type { MacAddr } from '../../shared/mac.ts';
import { macFromBytes, macToBytes } from '../../shared/mac.ts';
import { outputBuffer, readIpv4, readU16, writeU16, writeU32 } from './bytes.ts';
import type { Decoded } from './decoded.ts';
import { decoded, malformed } from './decoded.ts';

export const ARP_REQUEST = 1;
export const ARP_REPLY = 2;

export const ARP_HTYPE_ETHERNET = 1;
export const ARP_PTYPE_IPV4 = 0x0800;
/** On-wire size of an Ethernet/IPv4 ARP packet. */
export const ARP_LEN = 28;

export interface ArpPacket {
  readonly proto: 'arp';
  /** 1 request, 2 reply; other values are kept. */
  readonly op: number;
  readonly senderMac: MacAddr;
  readonly senderIp: Ipv4Addr;
  readonly targetMac: MacAddr;
  readonly targetIp: Ipv4Addr;
}

/** Writes the 28-byte packet; returns the bytes written (a view into `buf` when given). */
export function encodeArp(p: ArpPacket, buf?: Uint8Array, offset = 0): Uint8Array {
  const out = outputBuffer(ARP_LEN, buf, offset, 'arp');
  const o = offset;
  writeU16(out, o, ARP_HTYPE_ETHERNET);
  writeU16(out, o + 2, ARP_PTYPE_IPV4);
  out[o + 4] = 6;
  out[o + 5] = 4;
  writeU16(out, o + 6, p.op);
  macToBytes(p.senderMac, out, o + 8);
  writeU32(out, o + 14, p.senderIp);
  macToBytes(p.targetMac, out, o + 18);
  writeU32(out, o + 24, p.targetIp);
  return out.subarray(o, o + ARP_LEN);
}

/** Decodes the first 28 bytes; anything after them (Ethernet padding) is ignored. */
export function decodeArp(bytes: Uint8Array): Decoded<ArpPacket> {
  if (bytes.length < 8) return malformed(`arp: ${bytes.length} bytes, the fixed header needs 8`);
  const htype = readU16(bytes, 0);
  const ptype = readU16(bytes, 2);
  const hlen = bytes[4]!;
  const plen = bytes[5]!;
  if (htype !== ARP_HTYPE_ETHERNET || ptype !== ARP_PTYPE_IPV4 || hlen !== 6 || plen !== 4) {
    return malformed(
      `arp: only Ethernet/IPv4 is supported (htype 1, ptype 0x0800, hlen 6, plen 4), got htype ${htype}, ` +
        `ptype 0x${ptype.toString(16).padStart(4, '0')}, hlen ${hlen}, plen ${plen}`,
    );
  }
  if (bytes.length < ARP_LEN)
    return malformed(`arp: ${bytes.length} bytes, an Ethernet/IPv4 packet needs 28`);
  return decoded({
    proto: 'arp',
    op: readU16(bytes, 6),
    senderMac: macFromBytes(bytes, 8),
    senderIp: readIpv4(bytes, 14),
    targetMac: macFromBytes(bytes, 18),
    targetIp: readIpv4(bytes, 24),
  });
}
