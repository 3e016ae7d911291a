/**
 * Classic libpcap capture files (https://wiki.wireshark.org/Development/LibpcapFileFormat,
 * draft-ietf-opsawg-pcap): a 24-byte global header, then per frame a 16-byte record header and
 * the frame bytes. Microsecond timestamps (magic 0xa1b2c3d4), version 2.4, link type 1
 * (Ethernet, frames without FCS), written little-endian; readers detect the byte order from
 * the magic. Timestamps are virtual time, so a capture starts at 1970-01-01 00:00:00 UTC.
 *
 * Pure: it returns bytes and the caller writes them (file, download, stream).
 */
import type { Micros } from '../shared/time.ts';

export const PCAP_MAGIC_MICROS = 0xa1b2c3d4;
export const PCAP_LINKTYPE_ETHERNET = 1;
export const PCAP_SNAPLEN = 65535;
export const PCAP_HEADER_LEN = 24;
export const PCAP_RECORD_HEADER_LEN = 16;

export interface PcapWriter {
  /** The global header: write it once, first. */
  readonly header: Uint8Array;
  /** One record (header and frame, cut to the snap length) for a frame sent at virtual time `at`. */
  record(at: Micros, frame: Uint8Array): Uint8Array;
}

export function createPcap(snaplen = PCAP_SNAPLEN): PcapWriter {
  const header = new Uint8Array(PCAP_HEADER_LEN);
  const h = new DataView(header.buffer);
  h.setUint32(0, PCAP_MAGIC_MICROS, true);
  h.setUint16(4, 2, true); // version 2.4
  h.setUint16(6, 4, true);
  h.setInt32(8, 0, true); // thiszone: timestamps are UTC
  h.setUint32(12, 0, true); // sigfigs
  h.setUint32(16, snaplen, true);
  h.setUint32(20, PCAP_LINKTYPE_ETHERNET, true);
  return {
    header,
    record(at: Micros, frame: Uint8Array): Uint8Array {
      const captured = Math.min(frame.length, snaplen);
      const out = new Uint8Array(PCAP_RECORD_HEADER_LEN + captured);
      const v = new DataView(out.buffer);
      const us = Math.max(0, Math.floor(at));
      const sec = Math.floor(us / 1_000_000);
      v.setUint32(0, sec, true);
      v.setUint32(4, us - sec * 1_000_000, true);
      v.setUint32(8, captured, true);
      v.setUint32(12, frame.length, true);
      out.set(frame.subarray(0, captured), PCAP_RECORD_HEADER_LEN);
      return out;
    },
  };
}

/** A whole capture file from (time, frame) pairs, in the order given. */
export function pcapFile(frames: Iterable<readonly [Micros, Uint8Array]>): Uint8Array {
  const pcap = createPcap();
  const parts: Uint8Array[] = [pcap.header];
  let total = pcap.header.length;
  for (const [at, frame] of frames) {
    const rec = pcap.record(at, frame);
    parts.push(rec);
    total += rec.length;
  }
  const out = new Uint8Array(total);
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}
