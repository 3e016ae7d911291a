/**
 * Ethernet II frames (IEEE 802.3 clause 3, DIX framing) with an optional IEEE 802.1Q tag, and
 * IEEE 802.3 frames with a length field carrying spanning-tree BPDUs in LLC (see stp.ts).
 * Frames travel through the engine as these typed values; bytes are produced on demand.
 *
 *   dst(6) src(6) [0x8100 TCI(2)] EtherType(2) payload [padding]
 *   dst(6) src(6) [0x8100 TCI(2)] Length(2) LLC [SNAP] BPDU [padding]
 *   TCI = PCP(3 bits) DEI(1) VID(12)
 *
 * The type/length field is kept in `etherType` either way: values up to 1500 are an 802.3
 * length, counted from the LLC header without padding (`stpLen` for a BPDU), and encode
 * writes whatever the field says. Encode pads every frame, tagged or not, to the 60-byte
 * minimum (64 with the FCS, which captures do not show and we never write), as Linux does.
 * Decode reads ARP's fixed 28 bytes, IPv4 up to its total length, IPv6 up to its payload
 * length and a BPDU up to the 802.3 length, so padding is ignored there (a length past the end
 * of the frame is malformed). An unknown EtherType, or an 802.3 length field before anything
 * but the LLC (and SNAP) header of an IEEE or PVST+ BPDU, keeps everything after it as raw
 * bytes, padding included, since nothing says where such a payload ends.
 */
import type { MacAddr } from '../../shared/mac.ts';
import { macFromBytes, macToBytes } from '../../shared/mac.ts';
import type { ArpPacket } from './arp.ts';
import { ARP_LEN, decodeArp, encodeArp } from './arp.ts';
import { copyBytes, outputBuffer, readU16, writeU16 } from './bytes.ts';
import type { Decoded } from './decoded.ts';
import { decoded, malformed } from './decoded.ts';
import type { Ipv4Packet } from './ipv4.ts';
import { decodeIpv4, encodeIpv4, ipv4Len } from './ipv4.ts';
import type { Ipv6Packet } from './ipv6.ts';
import { decodeIpv6, encodeIpv6, ipv6Len } from './ipv6.ts';
import type { StpBpdu } from './stp.ts';
import { decodeStp, encodeStp, isStpLlc, stpLen } from './stp.ts';

export const ETHERTYPE_IPV4 = 0x0800;
export const ETHERTYPE_ARP = 0x0806;
export const ETHERTYPE_VLAN = 0x8100;
export const ETHERTYPE_IPV6 = 0x86dd;
/** Type/length field values up to this are an IEEE 802.3 length, not an EtherType. */
export const ETH_MAX_LENGTH_FIELD = 1500;

/** Destination, source, EtherType. */
export const ETH_HEADER_LEN = 14;
/** The 802.1Q tag: TPID 0x8100 and the tag control information. */
export const DOT1Q_TAG_LEN = 4;
/** Smallest frame without its 4-byte FCS (IEEE 802.3 minimum of 64 bytes). */
export const ETH_MIN_FRAME_LEN = 60;

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

export type EthernetPayload = ArpPacket | Ipv4Packet | Ipv6Packet | StpBpdu | RawPayload;

export interface EthernetFrame {
  readonly dst: MacAddr;
  readonly src: MacAddr;
  readonly tag?: Dot1qTag;
  /**
   * The EtherType after the tag (0x0800, 0x0806, 0x86dd, or any other value, kept), or for a
   * BPDU the 802.3 length field (`stpLen` of it). Must match the payload.
   */
  readonly etherType: number;
  readonly payload: EthernetPayload;
}

export function ethernetPayloadLen(payload: EthernetPayload): number {
  switch (payload.proto) {
    case 'arp':
      return ARP_LEN;
    case 'ipv4':
      return ipv4Len(payload);
    case 'ipv6':
      return ipv6Len(payload);
    case 'stp':
      return stpLen(payload);
    case 'raw':
      return payload.bytes.length;
  }
}

/**
 * On-wire size in bytes, padding included and FCS excluded, computed without encoding: what
 * `encodeFrame` returns and a pcap records. Add 4 (FCS), 8 (preamble) and 12 (inter-frame
 * gap) for the time a frame occupies the link.
 */
export function frameLen(frame: EthernetFrame): number {
  const len = ETH_HEADER_LEN + (frame.tag ? DOT1Q_TAG_LEN : 0) + ethernetPayloadLen(frame.payload);
  return Math.max(len, ETH_MIN_FRAME_LEN);
}

/** Writes the frame, padded to 60 bytes; returns the bytes written (a view into `buf` when given). */
export function encodeFrame(frame: EthernetFrame, buf?: Uint8Array, offset = 0): Uint8Array {
  const len = frameLen(frame);
  const out = outputBuffer(len, buf, offset, 'ethernet');
  const o = offset;
  macToBytes(frame.dst, out, o);
  macToBytes(frame.src, out, o + 6);
  let at = o + 12;
  if (frame.tag) {
    const { pcp, dei, vid } = frame.tag;
    writeU16(out, at, ETHERTYPE_VLAN);
    writeU16(out, at + 2, ((pcp & 0x7) << 13) | (dei ? 0x1000 : 0) | (vid & 0xfff));
    at += DOT1Q_TAG_LEN;
  }
  writeU16(out, at, frame.etherType);
  at += 2;
  const payload = frame.payload;
  if (payload.proto === 'arp') at += encodeArp(payload, out, at).length;
  else if (payload.proto === 'ipv4') at += encodeIpv4(payload, out, at).length;
  else if (payload.proto === 'ipv6') at += encodeIpv6(payload, out, at).length;
  else if (payload.proto === 'stp') at += encodeStp(payload, out, at).length;
  else {
    out.set(payload.bytes, at);
    at += payload.bytes.length;
  }
  out.fill(0, at, o + len);
  return out.subarray(o, o + len);
}

/** Decodes a frame as captured (no FCS). */
export function decodeFrame(bytes: Uint8Array): Decoded<EthernetFrame> {
  if (bytes.length < ETH_HEADER_LEN) return malformed(`ethernet: ${bytes.length} bytes, the header needs 14`);
  const dst = macFromBytes(bytes, 0);
  const src = macFromBytes(bytes, 6);
  let at = 12;
  let tag: Dot1qTag | undefined;
  if (readU16(bytes, at) === ETHERTYPE_VLAN) {
    if (bytes.length < ETH_HEADER_LEN + DOT1Q_TAG_LEN) {
      return malformed(`ethernet: ${bytes.length} bytes, an 802.1Q-tagged header needs 18`);
    }
    const tci = readU16(bytes, at + 2);
    tag = { pcp: tci >>> 13, dei: (tci & 0x1000) !== 0, vid: tci & 0xfff };
    at += DOT1Q_TAG_LEN;
  }
  const etherType = readU16(bytes, at);
  at += 2;
  const body = bytes.subarray(at);
  let payload: EthernetPayload;
  if (etherType === ETHERTYPE_ARP) {
    const arp = decodeArp(body);
    if (!arp.ok) return arp;
    payload = arp.value;
  } else if (etherType === ETHERTYPE_IPV4) {
    const ip = decodeIpv4(body);
    if (!ip.ok) return ip;
    payload = ip.value;
  } else if (etherType === ETHERTYPE_IPV6) {
    const ip = decodeIpv6(body);
    if (!ip.ok) return ip;
    payload = ip.value;
  } else if (etherType <= ETH_MAX_LENGTH_FIELD && isStpLlc(body.subarray(0, etherType))) {
    if (etherType > body.length) {
      return malformed(
        `ethernet: 802.3 length field ${etherType} at offset ${at - 2} runs past the ${body.length} bytes after it`,
      );
    }
    const bpdu = decodeStp(body.subarray(0, etherType));
    if (!bpdu.ok) return bpdu;
    payload = bpdu.value;
  } else {
    payload = { proto: 'raw', bytes: copyBytes(body, 0, body.length) };
  }
  return decoded(tag ? { dst, src, tag, etherType, payload } : { dst, src, etherType, payload });
}
