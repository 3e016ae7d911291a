/**
 * Spanning-tree BPDUs: IEEE 802.1D-1998 clause 9 (BPDU encoding) and the RST BPDU of IEEE
 * 802.1D-2004 9.3.3, in IEEE 802.2 LLC, and Cisco's PVST+ and Rapid PVST+ (SSTP) BPDUs as
 * Wireshark's packet-bpdu.c decodes them. Both ride in IEEE 802.3 frames
 * whose type/length field holds the length counted from the LLC header, padding excluded.
 *
 *   IEEE (to 01-80-C2-00-00-00)           PVST+ (to 01-00-0C-CC-CC-CD)
 *   0  DSAP 0x42 | SSAP 0x42 | ctrl 0x03   0  DSAP 0xAA | SSAP 0xAA | ctrl 0x03 (LLC UI)
 *   3  BPDU                                3  OUI 00-00-0C | 6 PID 0x010B (SNAP)
 *                                          8  BPDU
 *
 * The BPDU, offsets from its start (802.1D-1998 9.3.1, 9.3.2):
 *
 *   0   protocol identifier (2), 0
 *   2   version (1): 0, 2 for an RST BPDU | 3 type (1): 0x00 configuration, 0x80 topology
 *       change notification, 0x02 RST
 *   4   flags (1): 0x01 topology change, 0x80 topology change acknowledgment; an RST BPDU's
 *       also 0x02 proposal, 0x0C the sending port's role (1 alternate or backup, 2 root,
 *       3 designated), 0x10 learning, 0x20 forwarding, 0x40 agreement
 *   5   root identifier: priority and extended system id (2), MAC (6)
 *   13  root path cost (4)
 *   17  bridge identifier: priority and extended system id (2), MAC (6)
 *   25  port identifier (2)
 *   27  message age | 29 max age | 31 hello time | 33 forward delay (2 each, units of 1/256 s)
 *   35  end of a configuration BPDU; a TCN BPDU ends at 4
 *   35  an RST BPDU's Version 1 Length (1), 0 | 36 its end
 *
 * A PVST+ configuration BPDU is followed by one zero byte (to an even offset) and the
 * Originating VLAN TLV: type 0x0000 (2), length 2 (2), the VLAN id (2), so its 802.3 length is
 * 8 + 35 + 1 + 6 = 50. A Rapid PVST+ RST BPDU is followed by the TLV at the same offset, its
 * Version 1 Length standing where the zero byte does: 8 + 36 + 6 = 50. An IEEE configuration
 * BPDU's is 3 + 35 = 38 (0x0026), an RST BPDU's 3 + 36 = 39, a TCN's 3 + 4 = 7.
 *
 * Only configuration and RST BPDUs carry the fields after the type: for a TCN and for any other
 * type those fields are zero, pvid is -1 and every byte after the 4-byte header is kept in
 * `extra`. Flag bits, version, protocol identifier and the bytes
 * after what is decoded (further TLVs, or the zero byte and TLV when they are not exactly
 * `00 0000 0002 vvvv`) are kept as they came, so a BPDU re-encodes byte for byte.
 */
import type { MacAddr } from '../../shared/mac.ts';
import { macFromBytes, macFromNumber, macToBytes } from '../../shared/mac.ts';
import { copyBytes, outputBuffer, readU16, readU32, writeU16, writeU32 } from './bytes.ts';
import type { Decoded } from './decoded.ts';
import { decoded, malformed } from './decoded.ts';

/** Bridge group address, where IEEE 802.1D BPDUs go (802.1D-1998 7.12.3). */
export const STP_IEEE_MAC: MacAddr = macFromNumber(0x0180_c200_0000);
/** Cisco's SSTP address, where PVST+ BPDUs go. */
export const STP_PVST_MAC: MacAddr = macFromNumber(0x0100_0ccc_cccd);

export const BPDU_CONFIG = 0x00;
export const BPDU_TCN = 0x80;
export const BPDU_RST = 0x02;
/** The protocol version of an RST BPDU. */
export const RST_VERSION = 2;
export const STP_FLAG_TC = 0x01;
export const STP_FLAG_TCA = 0x80;
export const RST_FLAG_PROPOSAL = 0x02;
/** The port role bits of an RST BPDU's flags, and their values. */
export const RST_ROLE_MASK = 0x0c;
export const RST_ROLE_ALTERNATE = 0x04;
export const RST_ROLE_ROOT = 0x08;
export const RST_ROLE_DESIGNATED = 0x0c;
export const RST_FLAG_LEARNING = 0x10;
export const RST_FLAG_FORWARDING = 0x20;
export const RST_FLAG_AGREEMENT = 0x40;

/** LLC SAP of the Spanning Tree Protocol (IEEE 802.2). */
export const LLC_SAP_STP = 0x42;
/** LLC SAP announcing a SNAP header. */
export const LLC_SAP_SNAP = 0xaa;
/** LLC control field of an unnumbered information (UI) frame. */
export const LLC_CONTROL_UI = 0x03;
export const CISCO_OUI = 0x00000c;
/** SNAP protocol id of PVST+ BPDUs under Cisco's OUI. */
export const SNAP_PID_PVST = 0x010b;
/** Type of the PVST+ Originating VLAN TLV. */
export const PVST_TLV_ORIGINATING_VLAN = 0x0000;

/** LLC header of an IEEE BPDU. */
export const STP_LLC_LEN = 3;
/** LLC and SNAP headers of a PVST+ BPDU. */
export const PVST_LLC_SNAP_LEN = 8;
/** A configuration BPDU. */
export const BPDU_CONFIG_LEN = 35;
/** An RST BPDU: a configuration BPDU and its Version 1 Length. */
export const BPDU_RST_LEN = 36;
/** A TCN BPDU, and the header every BPDU starts with. */
export const BPDU_TCN_LEN = 4;
/** The zero byte and the Originating VLAN TLV after a PVST+ configuration BPDU. */
export const PVST_TLV_LEN = 7;

/** A BPDU after its LLC (and SNAP) header. Times in units of 1/256 s, as on the wire. */
export interface StpBpdu {
  readonly proto: 'stp';
  /** 'ieee': LLC DSAP 0x42 SSAP 0x42 control 0x03. 'pvst': LLC 0xAA 0xAA 0x03 + SNAP OUI 00-00-0C PID 0x010B. */
  readonly encap: 'ieee' | 'pvst';
  readonly protocolId: number; // 0
  readonly version: number; // 0 for 802.1D, 2 for RSTP
  readonly type: number; // BPDU_CONFIG, BPDU_RST, BPDU_TCN, others kept
  readonly flags: number; // config and RST only (0 for TCN)
  readonly rootPriority: number; // the 16 bits before the root MAC (priority + extended system id)
  readonly rootMac: MacAddr;
  readonly rootPathCost: number; // u32
  readonly bridgePriority: number;
  readonly bridgeMac: MacAddr;
  readonly portId: number; // u16
  readonly messageAge: number; // u16, 1/256 s
  readonly maxAge: number;
  readonly helloTime: number;
  readonly forwardDelay: number;
  /** An RST BPDU's Version 1 Length (0 as sent); 0 for other types. */
  readonly version1Length: number;
  /** PVST+ originating VLAN TLV value, -1 when absent. */
  readonly pvid: number;
  /** Bytes after what is decoded above, within the 802.3 length (kept as they came). */
  readonly extra: Uint8Array;
}

const headerLen = (b: StpBpdu): number => (b.encap === 'pvst' ? PVST_LLC_SNAP_LEN : STP_LLC_LEN);

/** Whether a BPDU of `type` carries the configuration fields. */
export const hasConfig = (type: number): boolean => type === BPDU_CONFIG || type === BPDU_RST;

const hasTlv = (b: StpBpdu): boolean => hasConfig(b.type) && b.encap === 'pvst' && b.pvid >= 0;

/** The BPDU's own length: what its type defines. */
const bpduLen = (type: number): number =>
  type === BPDU_CONFIG ? BPDU_CONFIG_LEN : type === BPDU_RST ? BPDU_RST_LEN : BPDU_TCN_LEN;

/** The TLV's length after a BPDU of `type`: an RST BPDU's Version 1 Length stands where the zero byte does. */
const tlvLen = (type: number): number => (type === BPDU_RST ? PVST_TLV_LEN - 1 : PVST_TLV_LEN);

/** LLC(+SNAP) + BPDU (+TLV) + extra: the 802.3 length field value. */
export function stpLen(b: StpBpdu): number {
  return headerLen(b) + bpduLen(b.type) + (hasTlv(b) ? tlvLen(b.type) : 0) + b.extra.length;
}

function checkUint(what: string, v: number, max: number): void {
  if (!Number.isInteger(v) || v < 0 || v > max) throw new RangeError(`stp: ${what} ${v} is not in 0..${max}`);
}

const CONFIG_FIELDS = [
  'flags',
  'rootPriority',
  'rootMac',
  'rootPathCost',
  'bridgePriority',
  'bridgeMac',
  'portId',
  'messageAge',
  'maxAge',
  'helloTime',
  'forwardDelay',
] as const;

function checkBpdu(b: StpBpdu): void {
  for (const f of ['version', 'type', 'flags'] as const) checkUint(f, b[f], 0xff);
  for (const f of ['protocolId', 'rootPriority', 'bridgePriority', 'portId'] as const)
    checkUint(f, b[f], 0xffff);
  for (const f of ['messageAge', 'maxAge', 'helloTime', 'forwardDelay'] as const) checkUint(f, b[f], 0xffff);
  checkUint('rootPathCost', b.rootPathCost, 0xffffffff);
  checkUint('rootMac', b.rootMac, 0xffff_ffff_ffff);
  checkUint('bridgeMac', b.bridgeMac, 0xffff_ffff_ffff);
  checkUint('version1Length', b.version1Length, 0xff);
  if (b.type !== BPDU_RST && b.version1Length !== 0)
    throw new RangeError(`stp: only an RST BPDU has a Version 1 Length (${b.version1Length})`);
  if (!hasConfig(b.type)) {
    for (const f of CONFIG_FIELDS) {
      if (b[f] !== 0)
        throw new RangeError(`stp: a BPDU of type 0x${hex2(b.type)} has no ${f} (${b[f]}), only 0`);
    }
  }
  if (b.pvid !== -1) {
    checkUint('pvid (-1 for none)', b.pvid, 0xffff);
    if (!hasTlv(b))
      throw new RangeError(`stp: pvid ${b.pvid} needs a PVST+ configuration or RST BPDU, or -1 for no TLV`);
  }
  if (b.pvid === -1 && b.encap === 'pvst' && hasConfig(b.type) && startsWithTlv(b.extra, 0, b.type)) {
    throw new RangeError('stp: extra starts with an Originating VLAN TLV, which decode reads as pvid');
  }
}

/**
 * Whether `b` holds, at `at`, an Originating VLAN TLV of length 2 (after a configuration BPDU,
 * the zero byte before it).
 */
function startsWithTlv(b: Uint8Array, at: number, type: number): boolean {
  const pad = type === BPDU_RST ? 0 : 1;
  if (b.length < at + pad + PVST_TLV_LEN - 1 || (pad === 1 && b[at] !== 0)) return false;
  return readU16(b, at + pad) === PVST_TLV_ORIGINATING_VLAN && readU16(b, at + pad + 2) === 2;
}

const hex2 = (v: number): string => v.toString(16).padStart(2, '0');

/**
 * Writes the LLC (and SNAP) header, the BPDU, the Originating VLAN TLV of a PVST+ configuration
 * or RST BPDU whose pvid is set, then `extra`; returns the bytes written (a view into `buf` when given).
 * Throws RangeError for what the fields cannot hold: values too large, config fields other than
 * zero in a BPDU of another type, a pvid where no TLV goes, and a PVST+ configuration or RST
 * BPDU without pvid whose `extra` starts with the TLV (decode would read it as pvid).
 */
export function encodeStp(b: StpBpdu, buf?: Uint8Array, offset = 0): Uint8Array {
  checkBpdu(b);
  const len = stpLen(b);
  const out = outputBuffer(len, buf, offset, 'stp');
  const o = offset;
  let at = o;
  if (b.encap === 'pvst') {
    out.set([LLC_SAP_SNAP, LLC_SAP_SNAP, LLC_CONTROL_UI, 0x00, 0x00, 0x0c], at);
    writeU16(out, at + 6, SNAP_PID_PVST);
  } else {
    out.set([LLC_SAP_STP, LLC_SAP_STP, LLC_CONTROL_UI], at);
  }
  at += headerLen(b);
  writeU16(out, at, b.protocolId);
  out[at + 2] = b.version;
  out[at + 3] = b.type;
  if (hasConfig(b.type)) {
    out[at + 4] = b.flags;
    writeU16(out, at + 5, b.rootPriority);
    macToBytes(b.rootMac, out, at + 7);
    writeU32(out, at + 13, b.rootPathCost);
    writeU16(out, at + 17, b.bridgePriority);
    macToBytes(b.bridgeMac, out, at + 19);
    writeU16(out, at + 25, b.portId);
    writeU16(out, at + 27, b.messageAge);
    writeU16(out, at + 29, b.maxAge);
    writeU16(out, at + 31, b.helloTime);
    writeU16(out, at + 33, b.forwardDelay);
    // The Version 1 Length, or the zero byte before a PVST+ configuration BPDU's TLV.
    if (b.type === BPDU_RST || hasTlv(b)) out[at + BPDU_CONFIG_LEN] = b.version1Length;
    at += bpduLen(b.type);
    if (hasTlv(b)) {
      if (b.type === BPDU_CONFIG) at++;
      writeU16(out, at, PVST_TLV_ORIGINATING_VLAN);
      writeU16(out, at + 2, 2);
      writeU16(out, at + 4, b.pvid);
      at += PVST_TLV_LEN - 1;
    }
  } else {
    at += BPDU_TCN_LEN;
  }
  out.set(b.extra, at);
  return out.subarray(o, o + len);
}

/** Whether `bytes` start with the LLC header of an IEEE BPDU or the LLC and SNAP headers of a PVST+ one. */
export function isStpLlc(bytes: Uint8Array): boolean {
  if (bytes.length < STP_LLC_LEN || bytes[2] !== LLC_CONTROL_UI) return false;
  if (bytes[0] === LLC_SAP_STP && bytes[1] === LLC_SAP_STP) return true;
  return (
    bytes.length >= PVST_LLC_SNAP_LEN &&
    bytes[0] === LLC_SAP_SNAP &&
    bytes[1] === LLC_SAP_SNAP &&
    bytes[3] === 0x00 &&
    bytes[4] === 0x00 &&
    bytes[5] === 0x0c &&
    readU16(bytes, 6) === SNAP_PID_PVST
  );
}

/**
 * Decodes a BPDU from its LLC header on: `bytes` are exactly the 802.3 length (the caller cuts
 * the padding), so whatever follows the decoded fields is kept in `extra`.
 */
export function decodeStp(bytes: Uint8Array): Decoded<StpBpdu> {
  if (!isStpLlc(bytes)) {
    const head = Array.from(bytes.subarray(0, PVST_LLC_SNAP_LEN), hex2).join(' ');
    return malformed(
      `stp: header at offset 0 (${head || 'no bytes'}) is neither LLC 42 42 03 nor LLC/SNAP aa aa 03 00 00 0c 01 0b`,
    );
  }
  const encap = bytes[0] === LLC_SAP_STP ? 'ieee' : 'pvst';
  const h = encap === 'pvst' ? PVST_LLC_SNAP_LEN : STP_LLC_LEN;
  const n = bytes.length - h;
  if (n < BPDU_TCN_LEN) {
    return malformed(`stp: ${n} bytes of BPDU at offset ${h}, its header needs ${BPDU_TCN_LEN}`);
  }
  const protocolId = readU16(bytes, h);
  const version = bytes[h + 2]!;
  const type = bytes[h + 3]!;
  if (!hasConfig(type)) {
    return decoded(
      headerBpdu(encap, type, copyBytes(bytes, h + BPDU_TCN_LEN, bytes.length), protocolId, version),
    );
  }
  const need = bpduLen(type);
  if (n < need) {
    const what = type === BPDU_RST ? 'RST' : 'configuration';
    return malformed(`stp: ${what} BPDU at offset ${h} has ${n} bytes, it needs ${need}`);
  }
  const end = h + need;
  const tlv = encap === 'pvst' && startsWithTlv(bytes, end, type);
  return decoded(
    stpBpdu({
      encap,
      protocolId,
      version,
      type,
      flags: bytes[h + 4]!,
      rootPriority: readU16(bytes, h + 5),
      rootMac: macFromBytes(bytes, h + 7),
      rootPathCost: readU32(bytes, h + 13),
      bridgePriority: readU16(bytes, h + 17),
      bridgeMac: macFromBytes(bytes, h + 19),
      portId: readU16(bytes, h + 25),
      messageAge: readU16(bytes, h + 27),
      maxAge: readU16(bytes, h + 29),
      helloTime: readU16(bytes, h + 31),
      forwardDelay: readU16(bytes, h + 33),
      version1Length: type === BPDU_RST ? bytes[h + BPDU_CONFIG_LEN]! : 0,
      pvid: tlv ? readU16(bytes, end + tlvLen(type) - 2) : -1,
      extra: copyBytes(bytes, tlv ? end + tlvLen(type) : end, bytes.length),
    }),
  );
}

/** Builds a value with every field in the same order (one object shape). */
export function stpBpdu(fields: Omit<StpBpdu, 'proto'>): StpBpdu {
  return {
    proto: 'stp',
    encap: fields.encap,
    protocolId: fields.protocolId,
    version: fields.version,
    type: fields.type,
    flags: fields.flags,
    rootPriority: fields.rootPriority,
    rootMac: fields.rootMac,
    rootPathCost: fields.rootPathCost,
    bridgePriority: fields.bridgePriority,
    bridgeMac: fields.bridgeMac,
    portId: fields.portId,
    messageAge: fields.messageAge,
    maxAge: fields.maxAge,
    helloTime: fields.helloTime,
    forwardDelay: fields.forwardDelay,
    version1Length: fields.version1Length,
    pvid: fields.pvid,
    extra: fields.extra,
  };
}

/**
 * A BPDU of `type` other than a configuration BPDU (a TCN): its 4-byte header, then `extra`;
 * the configuration fields are zero.
 */
export function headerBpdu(
  encap: 'ieee' | 'pvst',
  type: number,
  extra: Uint8Array = new Uint8Array(0),
  protocolId = 0,
  version = 0,
): StpBpdu {
  return stpBpdu({
    encap,
    protocolId,
    version,
    type,
    flags: 0,
    rootPriority: 0,
    rootMac: macFromNumber(0),
    rootPathCost: 0,
    bridgePriority: 0,
    bridgeMac: macFromNumber(0),
    portId: 0,
    messageAge: 0,
    maxAge: 0,
    helloTime: 0,
    forwardDelay: 0,
    version1Length: 0,
    pvid: -1,
    extra,
  });
}
