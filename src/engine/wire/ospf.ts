/**
 * OSPF version 2 packets (RFC 2328 A.3), the whole payload of an IPv4 datagram of protocol 89,
 * sent to 224.0.0.5 (all SPF routers) or 224.0.0.6 (the DR and BDR) with TTL 1; IOS marks them
 * DSCP 48 (CS6). LSAs are in ospf-lsa.ts.
 *
 *   0   version (2) | type | packet length
 *   4   router ID
 *   8   area ID
 *   12  checksum | AuType
 *   16  authentication (8 bytes)
 *   24  body:
 *       hello (A.3.2)  mask, hello interval, options, priority, dead interval, DR, BDR, neighbours
 *       DBD (A.3.3)    interface MTU, options, flags (I M MS), DD sequence number, LSA headers
 *       LSR (A.3.4)    (LS type, link state ID, advertising router) for each LSA requested
 *       LSU (A.3.5)    the number of LSAs, then the LSAs
 *       LSAck (A.3.6)  LSA headers
 *
 * Decode bounds the packet by its length field: what follows (the LLS data block IOS appends
 * when the L bit is in the options, RFC 5613, or a cryptographic digest, D.4.3) is ignored.
 * Unknown packet types keep their body as raw bytes; a known type whose body cannot be that
 * type's fails. Packets have no reserved fields, so every decoded packet re-encodes byte for
 * byte but for the reserved fields of its LSAs (see ospf-lsa.ts).
 *
 * The checksum is the Internet checksum of the whole packet but the authentication field
 * (D.4). As in ipv4.ts, decode records a wrong one in `badChecksum` and encode writes that
 * back. With cryptographic authentication the checksum is not computed (D.4.3): encode writes
 * 0, and decode keeps any other value in `badChecksum`.
 */
import type { Ipv4Addr } from '../../shared/ipv4.ts';
import { ipv4 } from '../../shared/ipv4.ts';
import type { MacAddr } from '../../shared/mac.ts';
import { macFromNumber } from '../../shared/mac.ts';
import { copyBytes, outputBuffer, readU16, readU32, writeU16, writeU32 } from './bytes.ts';
import { checksumVerifies, finishChecksum, sumWords } from './checksum.ts';
import type { Decoded } from './decoded.ts';
import { decoded, malformed } from './decoded.ts';
import type { Lsa, LsaHeader } from './ospf-lsa.ts';
import { decodeLsaAt, encodeLsa, LSA_HEADER_LEN, lsaLen, readLsaHeader, writeLsaHeader } from './ospf-lsa.ts';

/** OSPF's IPv4 protocol number. */
export const IPPROTO_OSPF = 89;

/** 224.0.0.5, AllSPFRouters: hellos, and the DR's updates and acknowledgements. */
export const OSPF_ALL_ROUTERS: Ipv4Addr = ipv4(0xe000_0005);
/** 224.0.0.6, AllDRouters: other routers' updates and acknowledgements on a broadcast network. */
export const OSPF_ALL_DROUTERS: Ipv4Addr = ipv4(0xe000_0006);
/** 01-00-5E-00-00-05, the Ethernet address of 224.0.0.5 (RFC 1112 6.4). */
export const OSPF_ALL_ROUTERS_MAC: MacAddr = macFromNumber(0x0100_5e00_0005);
/** 01-00-5E-00-00-06, the Ethernet address of 224.0.0.6. */
export const OSPF_ALL_DROUTERS_MAC: MacAddr = macFromNumber(0x0100_5e00_0006);

export const OSPF_VERSION = 2;
export const OSPF_HEADER_LEN = 24;
export const OSPF_AUTH_LEN = 8;

/** Packet types. */
export const OSPF_HELLO = 1;
export const OSPF_DBD = 2;
export const OSPF_LSR = 3;
export const OSPF_LSU = 4;
export const OSPF_LSACK = 5;

/** AuTypes (D.3): none, clear-text password, keyed MD5. */
export const OSPF_AUTH_NULL = 0;
export const OSPF_AUTH_SIMPLE = 1;
export const OSPF_AUTH_CRYPTO = 2;

/** Options (A.2): E, external routes flooded here (what IOS sets in a normal area). */
export const OSPF_OPTION_E = 0x02;
/** Options: DC, demand circuits; IOS sets it in the options of its LSAs. */
export const OSPF_OPTION_DC = 0x20;
/**
 * Options: L, an LLS data block follows the packet (RFC 5613); IOS sets it in hellos and DBDs.
 * Only with the block appended: tshark calls a packet with L and no block malformed.
 */
export const OSPF_OPTION_L = 0x10;

/** DBD flags (A.3.3): Init, More, Master. */
export const DBD_I = 4;
export const DBD_M = 2;
export const DBD_MS = 1;

/** The authentication field of a packet without authentication; shared, never written to. */
export const OSPF_NULL_AUTH: Uint8Array = new Uint8Array(OSPF_AUTH_LEN);

export interface OspfHello {
  readonly type: typeof OSPF_HELLO;
  readonly mask: number;
  /** Seconds, 16 bits. */
  readonly hello: number;
  readonly options: number;
  readonly priority: number;
  /** Seconds, 32 bits. */
  readonly dead: number;
  /** The DR's interface address, or 0. */
  readonly dr: number;
  /** The BDR's interface address, or 0. */
  readonly bdr: number;
  /** The router IDs of the routers heard from on the network within the dead interval. */
  readonly neighbors: readonly number[];
}

export interface OspfDbd {
  readonly type: typeof OSPF_DBD;
  /** The largest IP datagram the interface sends unfragmented. */
  readonly mtu: number;
  readonly options: number;
  /** DBD_I, DBD_M and DBD_MS; other bits kept. */
  readonly flags: number;
  /** The DD sequence number, unsigned 32-bit. */
  readonly seq: number;
  readonly lsas: readonly LsaHeader[];
}

export interface LsRequest {
  /** 32 bits on the wire; the LS type is its low byte. */
  readonly lsType: number;
  readonly id: number;
  readonly advRouter: number;
}

export interface OspfLsr {
  readonly type: typeof OSPF_LSR;
  readonly requests: readonly LsRequest[];
}

export interface OspfLsu {
  readonly type: typeof OSPF_LSU;
  readonly lsas: readonly Lsa[];
}

export interface OspfLsAck {
  readonly type: typeof OSPF_LSACK;
  readonly lsas: readonly LsaHeader[];
}

/**
 * Any other type, its body kept verbatim. `unknown` sets it apart from the five known bodies,
 * whose `type` alone then tells them apart: `if ('unknown' in body) ...; else switch (body.type)`.
 */
export interface OspfUnknown {
  readonly type: number;
  readonly unknown: true;
  readonly bytes: Uint8Array;
}

export type OspfKnownBody = OspfHello | OspfDbd | OspfLsr | OspfLsu | OspfLsAck;
export type OspfBody = OspfKnownBody | OspfUnknown;

export interface OspfPacket {
  readonly proto: 'ospf';
  /** 2; others kept, their body read as version 2's. */
  readonly version: number;
  readonly routerId: number;
  readonly areaId: number;
  /** OSPF_AUTH_NULL, OSPF_AUTH_SIMPLE or OSPF_AUTH_CRYPTO; others kept. */
  readonly auType: number;
  /** Exactly OSPF_AUTH_LEN bytes. */
  readonly auth: Uint8Array;
  readonly body: OspfBody;
  /** The checksum as received, present only when it is wrong; encode writes it verbatim. */
  readonly badChecksum?: number;
}

/** True for the five packet types this codec reads; narrows the body to them. */
export const ospfBodyKnown = (b: OspfBody): b is OspfKnownBody => !('unknown' in b);

/** A version 2 packet without authentication. */
export const ospfPacket = (routerId: number, areaId: number, body: OspfBody): OspfPacket => ({
  proto: 'ospf',
  version: OSPF_VERSION,
  routerId,
  areaId,
  auType: OSPF_AUTH_NULL,
  auth: OSPF_NULL_AUTH,
  body,
});

const HELLO_LEN = 20;
const DBD_LEN = 8;
const LSR_ENTRY_LEN = 12;

function bodyLen(b: OspfBody): number {
  if ('unknown' in b) return b.bytes.length;
  switch (b.type) {
    case OSPF_HELLO:
      return HELLO_LEN + 4 * b.neighbors.length;
    case OSPF_DBD:
      return DBD_LEN + LSA_HEADER_LEN * b.lsas.length;
    case OSPF_LSR:
      return LSR_ENTRY_LEN * b.requests.length;
    case OSPF_LSU: {
      let n = 4;
      for (const lsa of b.lsas) n += lsaLen(lsa.body);
      return n;
    }
    case OSPF_LSACK:
      return LSA_HEADER_LEN * b.lsas.length;
  }
}

/** On-wire size (the packet length field), computed without encoding. */
export const ospfLen = (p: OspfPacket): number => OSPF_HEADER_LEN + bodyLen(p.body);

function encodeBody(body: OspfBody, out: Uint8Array, o: number): void {
  if ('unknown' in body) {
    out.set(body.bytes, o);
    return;
  }
  let at = o;
  switch (body.type) {
    case OSPF_HELLO:
      writeU32(out, o, body.mask);
      writeU16(out, o + 4, body.hello);
      out[o + 6] = body.options & 0xff;
      out[o + 7] = body.priority & 0xff;
      writeU32(out, o + 8, body.dead);
      writeU32(out, o + 12, body.dr);
      writeU32(out, o + 16, body.bdr);
      at += HELLO_LEN;
      for (const n of body.neighbors) {
        writeU32(out, at, n);
        at += 4;
      }
      return;
    case OSPF_DBD:
      writeU16(out, o, body.mtu);
      out[o + 2] = body.options & 0xff;
      out[o + 3] = body.flags & 0xff;
      writeU32(out, o + 4, body.seq);
      at += DBD_LEN;
      for (const h of body.lsas) {
        writeLsaHeader(h, out, at);
        at += LSA_HEADER_LEN;
      }
      return;
    case OSPF_LSR:
      for (const r of body.requests) {
        writeU32(out, at, r.lsType);
        writeU32(out, at + 4, r.id);
        writeU32(out, at + 8, r.advRouter);
        at += LSR_ENTRY_LEN;
      }
      return;
    case OSPF_LSU:
      writeU32(out, o, body.lsas.length);
      at += 4;
      for (const lsa of body.lsas) at += encodeLsa(lsa, out, at).length;
      return;
    case OSPF_LSACK:
      for (const h of body.lsas) {
        writeLsaHeader(h, out, at);
        at += LSA_HEADER_LEN;
      }
      return;
  }
}

/**
 * Writes the packet with its length and checksum; returns the bytes written (a view into `buf`
 * when given). Throws RangeError for authentication data that is not 8 bytes, a packet too
 * long for its length field, or an LSA body under another LS type.
 */
export function encodeOspf(p: OspfPacket, buf?: Uint8Array, offset = 0): Uint8Array {
  if (p.auth.length !== OSPF_AUTH_LEN) {
    throw new RangeError(`ospf: auth is ${p.auth.length} bytes, the field holds ${OSPF_AUTH_LEN}`);
  }
  const len = ospfLen(p);
  if (len > 0xffff) throw new RangeError(`ospf: ${len} bytes do not fit the 16-bit packet length`);
  const out = outputBuffer(len, buf, offset, 'ospf');
  const o = offset;
  out[o] = p.version & 0xff;
  out[o + 1] = p.body.type & 0xff;
  writeU16(out, o + 2, len);
  writeU32(out, o + 4, p.routerId);
  writeU32(out, o + 8, p.areaId);
  writeU16(out, o + 12, 0);
  writeU16(out, o + 14, p.auType);
  out.set(p.auth, o + 16);
  encodeBody(p.body, out, o + OSPF_HEADER_LEN);
  let checksum: number;
  if (p.badChecksum !== undefined) checksum = p.badChecksum;
  else if (p.auType === OSPF_AUTH_CRYPTO) checksum = 0;
  else checksum = finishChecksum(sumWords(out, o + OSPF_HEADER_LEN, o + len, sumWords(out, o, o + 16)));
  writeU16(out, o + 12, checksum);
  return out.subarray(o, o + len);
}

/** The LSA headers in `b[start, end)`, whose length the caller has checked is a multiple of 20. */
function readLsaHeaders(b: Uint8Array, start: number, end: number): LsaHeader[] {
  const headers: LsaHeader[] = [];
  for (let at = start; at < end; at += LSA_HEADER_LEN) headers.push(readLsaHeader(b, at));
  return headers;
}

/** The body of a packet of type `type` from `b[24, end)`. */
function decodeBody(type: number, b: Uint8Array, end: number): Decoded<OspfBody> {
  const o = OSPF_HEADER_LEN;
  const n = end - o;
  switch (type) {
    case OSPF_HELLO: {
      if (n < HELLO_LEN) return malformed(`ospf: hello body of ${n} bytes, it needs ${HELLO_LEN}`);
      if ((n - HELLO_LEN) % 4 !== 0) {
        return malformed(`ospf: hello neighbour list of ${n - HELLO_LEN} bytes, not whole addresses`);
      }
      const neighbors: number[] = [];
      for (let at = o + HELLO_LEN; at < end; at += 4) neighbors.push(readU32(b, at));
      return decoded({
        type: OSPF_HELLO,
        mask: readU32(b, o),
        hello: readU16(b, o + 4),
        options: b[o + 6]!,
        priority: b[o + 7]!,
        dead: readU32(b, o + 8),
        dr: readU32(b, o + 12),
        bdr: readU32(b, o + 16),
        neighbors,
      });
    }
    case OSPF_DBD:
      if (n < DBD_LEN) return malformed(`ospf: database description body of ${n} bytes, it needs ${DBD_LEN}`);
      if ((n - DBD_LEN) % LSA_HEADER_LEN !== 0) {
        return malformed(`ospf: database description lists ${n - DBD_LEN} bytes, not whole LSA headers`);
      }
      return decoded({
        type: OSPF_DBD,
        mtu: readU16(b, o),
        options: b[o + 2]!,
        flags: b[o + 3]!,
        seq: readU32(b, o + 4),
        lsas: readLsaHeaders(b, o + DBD_LEN, end),
      });
    case OSPF_LSR: {
      if (n % LSR_ENTRY_LEN !== 0) return malformed(`ospf: request body of ${n} bytes, not whole requests`);
      const requests: LsRequest[] = [];
      for (let at = o; at < end; at += LSR_ENTRY_LEN) {
        requests.push({ lsType: readU32(b, at), id: readU32(b, at + 4), advRouter: readU32(b, at + 8) });
      }
      return decoded({ type: OSPF_LSR, requests });
    }
    case OSPF_LSU: {
      if (n < 4) return malformed(`ospf: update body of ${n} bytes, the LSA count needs 4`);
      const count = readU32(b, o);
      const lsas: Lsa[] = [];
      let at = o + 4;
      // Every LSA takes 20 bytes or more, so a wild count fails once the bytes run out.
      for (let i = 0; i < count; i++) {
        if (at === end) return malformed(`ospf: update announces ${count} LSAs, its length holds ${i}`);
        const lsa = decodeLsaAt(b, at, end);
        if (!lsa.ok) return lsa;
        lsas.push(lsa.value);
        at += lsa.value.header.length;
      }
      if (at !== end) return malformed(`ospf: update has ${end - at} bytes after its ${count} LSAs`);
      return decoded({ type: OSPF_LSU, lsas });
    }
    case OSPF_LSACK:
      if (n % LSA_HEADER_LEN !== 0) {
        return malformed(`ospf: acknowledgement of ${n} bytes, not whole LSA headers`);
      }
      return decoded({ type: OSPF_LSACK, lsas: readLsaHeaders(b, o, end) });
    default:
      return decoded({ type, unknown: true, bytes: copyBytes(b, o, end) });
  }
}

/** Decodes an IPv4 datagram's payload of protocol 89; bytes after the packet length are ignored. */
export function decodeOspf(bytes: Uint8Array): Decoded<OspfPacket> {
  if (bytes.length < OSPF_HEADER_LEN) {
    return malformed(`ospf: ${bytes.length} bytes, the header needs ${OSPF_HEADER_LEN}`);
  }
  const length = readU16(bytes, 2);
  if (length < OSPF_HEADER_LEN) {
    return malformed(`ospf: packet length ${length} is below the ${OSPF_HEADER_LEN}-byte header`);
  }
  if (length > bytes.length) {
    return malformed(`ospf: packet length ${length} exceeds the ${bytes.length} bytes available`);
  }
  const body = decodeBody(bytes[1]!, bytes, length);
  if (!body.ok) return body;
  const auType = readU16(bytes, 14);
  const packet: OspfPacket = {
    proto: 'ospf',
    version: bytes[0]!,
    routerId: readU32(bytes, 4),
    areaId: readU32(bytes, 8),
    auType,
    auth: copyBytes(bytes, 16, OSPF_HEADER_LEN),
    body: body.value,
  };
  const wire = readU16(bytes, 12);
  const ok =
    auType === OSPF_AUTH_CRYPTO
      ? wire === 0
      : checksumVerifies(bytes, OSPF_HEADER_LEN, length, sumWords(bytes, 0, 16));
  return decoded(ok ? packet : { ...packet, badChecksum: wire });
}
