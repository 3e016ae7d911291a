/**
 * OSPFv2 link state advertisements (RFC 2328 A.4): the 20-byte LSA header, the router (A.4.2),
 * network (A.4.3) and AS-external (A.4.5) bodies, the LS checksum (12.1.7) and which of two
 * instances is more recent (13.1).
 *
 *   0   LS age | options | LS type
 *   4   link state ID
 *   8   advertising router
 *   12  LS sequence number (signed)
 *   16  LS checksum | length (header included)
 *   20  body
 *
 * Decode bounds an LSA by its length field and fails when its body does not fill exactly that
 * length. Other LS types (summaries, NSSA, opaque) are kept as raw bytes, and so is an
 * AS-external LSA with more than its TOS 0 metric: TOS routing left OSPF with RFC 2328, IOS
 * never sends such entries, and raw bytes re-encode them exactly. Reserved fields are sent as
 * zero and not kept, so an LSA that carried other values in them re-encodes differently (and
 * then fails `lsaChecksumOk`).
 *
 * The LS checksum is ISO 8473's Fletcher checksum (RFC 905 Annex B) over the whole LSA but
 * the age, which changes in flight without touching it.
 */
import { copyBytes, outputBuffer, readU16, readU32, writeU16, writeU32 } from './bytes.ts';
import type { Decoded } from './decoded.ts';
import { decoded, malformed } from './decoded.ts';

/** LS types. */
export const LSA_ROUTER = 1;
export const LSA_NETWORK = 2;
export const LSA_EXTERNAL = 5;

/** Router LSA link types (A.4.2). */
export const LINK_P2P = 1;
export const LINK_TRANSIT = 2;
export const LINK_STUB = 3;
export const LINK_VIRTUAL = 4;

/** Router LSA flags: area border router, AS boundary router, virtual link endpoint. */
export const ROUTER_B = 0x01;
export const ROUTER_E = 0x02;
export const ROUTER_V = 0x04;

export const LSA_HEADER_LEN = 20;
/** Seconds after which an LSA is flushed (B, MaxAge). */
export const LSA_MAX_AGE = 3600;
/** Ages further apart than this make two otherwise equal instances different (B, MaxAgeDiff). */
export const LSA_MAX_AGE_DIFF = 900;
/** The age bit of LSAs that do not age (RFC 1793 2.2). */
export const LSA_DO_NOT_AGE = 0x8000;
/** 0x80000001, the sequence number of a router's first instance of an LSA (12.1.6). */
export const LSA_INITIAL_SEQ = -0x7fffffff;
/** 0x7fffffff, after which the LSA is flushed before its number wraps. */
export const LSA_MAX_SEQ = 0x7fffffff;

export interface LsaHeader {
  /** Seconds, 16 bits; the DoNotAge bit is kept as it came. */
  readonly age: number;
  readonly options: number;
  readonly type: number;
  /** The link state ID, unsigned 32-bit. */
  readonly id: number;
  /** Unsigned 32-bit. */
  readonly advRouter: number;
  /** Signed 32-bit: LSA_INITIAL_SEQ (0x80000001) is the first, and the lowest in use. */
  readonly seq: number;
  /** The Fletcher checksum as carried. */
  readonly checksum: number;
  /** As carried, header included. */
  readonly length: number;
}

export interface RouterLink {
  /** The neighbour's router ID (p2p, virtual), the DR's address (transit) or the network (stub). */
  readonly id: number;
  /** The interface address (p2p, transit), or the network mask (stub). */
  readonly data: number;
  /** LINK_P2P .. LINK_VIRTUAL; others kept. */
  readonly type: number;
  /** 16 bits. */
  readonly metric: number;
  /** Metrics for other types of service, each 4 bytes on the wire; IOS sends none. */
  readonly tos: readonly { readonly tos: number; readonly metric: number }[];
}

export type LsaBody =
  | {
      readonly kind: 'router';
      /** ROUTER_V, ROUTER_E and ROUTER_B; other bits kept. */
      readonly flags: number;
      readonly links: readonly RouterLink[];
    }
  | {
      readonly kind: 'network';
      readonly mask: number;
      /** The router IDs of the routers attached, the DR's own included. */
      readonly routers: readonly number[];
    }
  | {
      readonly kind: 'external';
      readonly mask: number;
      /** The E bit: a type 2 metric, not added to the cost of reaching the ASBR. */
      readonly e2: boolean;
      /** 24 bits. */
      readonly metric: number;
      readonly forwarding: number;
      readonly tag: number;
    }
  | {
      readonly kind: 'raw';
      /** The body after the header, verbatim. */
      readonly bytes: Uint8Array;
    };

export interface Lsa {
  readonly header: LsaHeader;
  readonly body: LsaBody;
}

/** A header's fields but those `withLsaChecksum` computes. */
export type LsaHeaderFields = Omit<LsaHeader, 'checksum' | 'length'>;

const ROUTER_LINK_LEN = 12;
const TOS_LEN = 4;
const EXTERNAL_BODY_LEN = 16;
/** The checksum's offset in the LSA; the age before it is outside what it covers. */
const CHECKSUM_AT = 16;
const AGE_LEN = 2;

function bodyLen(body: LsaBody): number {
  switch (body.kind) {
    case 'router': {
      let n = 4;
      for (const l of body.links) n += ROUTER_LINK_LEN + TOS_LEN * l.tos.length;
      return n;
    }
    case 'network':
      return 4 + 4 * body.routers.length;
    case 'external':
      return EXTERNAL_BODY_LEN;
    case 'raw':
      return body.bytes.length;
  }
}

/** The LSA's length, header included: what its length field says. */
export const lsaLen = (body: LsaBody): number => LSA_HEADER_LEN + bodyLen(body);

/** The LS type each body kind goes under; raw bodies go under any. */
const KIND_TYPE = { router: LSA_ROUTER, network: LSA_NETWORK, external: LSA_EXTERNAL } as const;

/** Writes the 20 header bytes as carried, length included (DBD and LSAck list headers alone). */
export function writeLsaHeader(h: LsaHeader, out: Uint8Array, o: number): void {
  writeU16(out, o, h.age);
  out[o + 2] = h.options & 0xff;
  out[o + 3] = h.type & 0xff;
  writeU32(out, o + 4, h.id);
  writeU32(out, o + 8, h.advRouter);
  writeU32(out, o + 12, h.seq);
  writeU16(out, o + 16, h.checksum);
  writeU16(out, o + 18, h.length);
}

/** Reads the 20 header bytes at `o`; the caller has checked they are there. */
export const readLsaHeader = (b: Uint8Array, o: number): LsaHeader => ({
  age: readU16(b, o),
  options: b[o + 2]!,
  type: b[o + 3]!,
  id: readU32(b, o + 4),
  advRouter: readU32(b, o + 8),
  seq: readU32(b, o + 12) | 0,
  checksum: readU16(b, o + 16),
  length: readU16(b, o + 18),
});

/**
 * Writes the LSA with the checksum of its header as given and the length its body takes;
 * returns the bytes written (a view into `buf` when given). Throws RangeError for a router,
 * network or external body under another LS type, which would decode as something else, and
 * for counts or lengths its fields cannot hold.
 */
export function encodeLsa(lsa: Lsa, buf?: Uint8Array, offset = 0): Uint8Array {
  const { header: h, body } = lsa;
  if (body.kind !== 'raw' && KIND_TYPE[body.kind] !== h.type) {
    throw new RangeError(`ospf: a ${body.kind} LSA body under LS type ${h.type}`);
  }
  const len = lsaLen(body);
  if (len > 0xffff) throw new RangeError(`ospf: a ${len}-byte LSA does not fit its 16-bit length`);
  const out = outputBuffer(len, buf, offset, 'ospf');
  const o = offset;
  writeLsaHeader(h, out, o);
  writeU16(out, o + 18, len);
  let at = o + LSA_HEADER_LEN;
  switch (body.kind) {
    case 'router':
      out[at] = body.flags & 0xff;
      out[at + 1] = 0;
      writeU16(out, at + 2, body.links.length);
      at += 4;
      for (const l of body.links) {
        if (l.tos.length > 0xff) throw new RangeError(`ospf: ${l.tos.length} TOS metrics, a link holds 255`);
        writeU32(out, at, l.id);
        writeU32(out, at + 4, l.data);
        out[at + 8] = l.type & 0xff;
        out[at + 9] = l.tos.length;
        writeU16(out, at + 10, l.metric);
        at += ROUTER_LINK_LEN;
        for (const t of l.tos) {
          out[at] = t.tos & 0xff;
          out[at + 1] = 0;
          writeU16(out, at + 2, t.metric);
          at += TOS_LEN;
        }
      }
      break;
    case 'network':
      writeU32(out, at, body.mask);
      at += 4;
      for (const r of body.routers) {
        writeU32(out, at, r);
        at += 4;
      }
      break;
    case 'external':
      writeU32(out, at, body.mask);
      // The E bit, then TOS 0 in the 7 bits before the 24-bit metric.
      writeU32(out, at + 4, ((body.e2 ? 0x8000_0000 : 0) | (body.metric & 0xff_ffff)) >>> 0);
      writeU32(out, at + 8, body.forwarding);
      writeU32(out, at + 12, body.tag);
      break;
    case 'raw':
      out.set(body.bytes, at);
      break;
  }
  return out.subarray(o, o + len);
}

/** The body of an LSA of type `type` from `b[start, end)`, which its length field bounds. */
function decodeBody(type: number, b: Uint8Array, start: number, end: number): Decoded<LsaBody> {
  const n = end - start;
  if (type === LSA_ROUTER) {
    if (n < 4) return malformed(`ospf: router LSA body of ${n} bytes, it needs 4`);
    const count = readU16(b, start + 2);
    const links: RouterLink[] = [];
    let at = start + 4;
    for (let i = 0; i < count; i++) {
      if (at + ROUTER_LINK_LEN > end) {
        return malformed(`ospf: router LSA announces ${count} links, its length holds ${i}`);
      }
      const tosCount = b[at + 9]!;
      const next = at + ROUTER_LINK_LEN + TOS_LEN * tosCount;
      if (next > end)
        return malformed(`ospf: router LSA link ${i}'s ${tosCount} TOS metrics run past its length`);
      const tos: { tos: number; metric: number }[] = [];
      for (let t = at + ROUTER_LINK_LEN; t < next; t += TOS_LEN)
        tos.push({ tos: b[t]!, metric: readU16(b, t + 2) });
      links.push({
        id: readU32(b, at),
        data: readU32(b, at + 4),
        type: b[at + 8]!,
        metric: readU16(b, at + 10),
        tos,
      });
      at = next;
    }
    if (at !== end) return malformed(`ospf: router LSA has ${end - at} bytes after its ${count} links`);
    return decoded({ kind: 'router', flags: b[start]!, links });
  }
  if (type === LSA_NETWORK) {
    if (n < 4 || n % 4 !== 0)
      return malformed(`ospf: network LSA body of ${n} bytes, not a mask and routers`);
    const routers: number[] = [];
    for (let at = start + 4; at < end; at += 4) routers.push(readU32(b, at));
    return decoded({ kind: 'network', mask: readU32(b, start), routers });
  }
  if (type === LSA_EXTERNAL) {
    if (n < EXTERNAL_BODY_LEN) return malformed(`ospf: AS-external LSA body of ${n} bytes, it needs 16`);
    // TOS entries beyond TOS 0 (or a first entry not for TOS 0): kept raw, see the header comment.
    if (n === EXTERNAL_BODY_LEN && (b[start + 4]! & 0x7f) === 0) {
      return decoded({
        kind: 'external',
        mask: readU32(b, start),
        e2: (b[start + 4]! & 0x80) !== 0,
        metric: readU32(b, start + 4) & 0xff_ffff,
        forwarding: readU32(b, start + 8),
        tag: readU32(b, start + 12),
      });
    }
  }
  return decoded({ kind: 'raw', bytes: copyBytes(b, start, end) });
}

/**
 * Decodes the LSA at `b[offset...]`, bounded by its length field; `end` is where the bytes
 * available stop (the enclosing packet's end).
 */
export function decodeLsaAt(b: Uint8Array, offset: number, end: number): Decoded<Lsa> {
  if (end - offset < LSA_HEADER_LEN) {
    return malformed(`ospf: ${end - offset} bytes left, an LSA header needs ${LSA_HEADER_LEN}`);
  }
  const header = readLsaHeader(b, offset);
  if (header.length < LSA_HEADER_LEN) {
    return malformed(`ospf: LSA length ${header.length} is below its ${LSA_HEADER_LEN}-byte header`);
  }
  if (offset + header.length > end) {
    return malformed(`ospf: LSA length ${header.length} exceeds the ${end - offset} bytes left`);
  }
  const body = decodeBody(header.type, b, offset + LSA_HEADER_LEN, offset + header.length);
  if (!body.ok) return body;
  return decoded({ header, body: body.value });
}

/** Decodes one LSA; bytes after its length are ignored. */
export const decodeLsa = (b: Uint8Array): Decoded<Lsa> => decodeLsaAt(b, 0, b.length);

/** Reused for checksums, so originating or checking an LSA allocates no buffer of its own. */
let scratch = new Uint8Array(256);

function encodeScratch(lsa: Lsa): Uint8Array {
  const len = lsaLen(lsa.body);
  if (scratch.length < len) scratch = new Uint8Array(Math.max(len, 2 * scratch.length));
  return encodeLsa(lsa, scratch, 0);
}

/**
 * The Fletcher checksum of the encoded LSA `b` (RFC 905 Annex B): sums over the bytes from
 * the options on with the checksum field as zero, then the two check bytes that make both
 * sums zero modulo 255, each written as 255 rather than 0 (0 would mean "no checksum").
 */
export function fletcherChecksum(b: Uint8Array): number {
  let c0 = 0;
  let c1 = 0;
  for (let i = AGE_LEN; i < b.length; i++) {
    const x = i === CHECKSUM_AT || i === CHECKSUM_AT + 1 ? 0 : b[i]!;
    c0 = (c0 + x) % 255;
    c1 = (c1 + c0) % 255;
  }
  // The check bytes' positions, counted from the end of what the sums cover.
  const after = b.length - CHECKSUM_AT;
  const x = ((((after - 1) * c0 - c1) % 255) + 255) % 255;
  const y = (((c1 - after * c0) % 255) + 255) % 255;
  return ((x || 255) << 8) | (y || 255);
}

/** The LSA with its length and Fletcher checksum computed: what a router originates. */
export function withLsaChecksum(fields: LsaHeaderFields, body: LsaBody): Lsa {
  const draft: Lsa = {
    header: { ...fields, checksum: 0, length: lsaLen(body) },
    body,
  };
  const checksum = fletcherChecksum(encodeScratch(draft));
  return {
    header: {
      age: fields.age,
      options: fields.options,
      type: fields.type,
      id: fields.id,
      advRouter: fields.advRouter,
      seq: fields.seq,
      checksum,
      length: draft.header.length,
    },
    body,
  };
}

/** True when the LSA's checksum is the one its bytes give (RFC 2328 13, step 1). */
export const lsaChecksumOk = (lsa: Lsa): boolean =>
  fletcherChecksum(encodeScratch(lsa)) === lsa.header.checksum;

/** The age that counts in comparisons: without DoNotAge, and never beyond MaxAge. */
const comparedAge = (h: LsaHeader): number => Math.min(h.age & ~LSA_DO_NOT_AGE, LSA_MAX_AGE);

/**
 * Which of two instances of one LSA is more recent (RFC 2328 13.1): > 0 when `a`, < 0 when
 * `b`, 0 when they are the same instance. The higher sequence number wins, then the higher
 * checksum, then the one at MaxAge, then, for ages more than MaxAgeDiff apart, the younger.
 */
export function compareLsaInstance(a: LsaHeader, b: LsaHeader): number {
  const seqA = a.seq | 0;
  const seqB = b.seq | 0;
  if (seqA !== seqB) return seqA > seqB ? 1 : -1;
  if (a.checksum !== b.checksum) return a.checksum > b.checksum ? 1 : -1;
  const ageA = comparedAge(a);
  const ageB = comparedAge(b);
  if ((ageA === LSA_MAX_AGE) !== (ageB === LSA_MAX_AGE)) return ageA === LSA_MAX_AGE ? 1 : -1;
  if (Math.abs(ageA - ageB) > LSA_MAX_AGE_DIFF) return ageA < ageB ? 1 : -1;
  return 0;
}
