/**
 * DNS messages (RFC 1035 4.1, clarified by RFC 2181), carried as the data of a UDP datagram to
 * or from port 53.
 *
 *   0   id
 *   2   QR | opcode (4 bits) | AA | TC | RD
 *   3   RA | Z, AD, CD (3 bits, RFC 4035 3.2) | rcode (4 bits)
 *   4   qdcount, 6 ancount, 8 nscount, 10 arcount
 *   12  questions: name, type, class
 *       then the answer, authority and additional records:
 *       name, type, class, ttl (32 bits), rdlength, rdata (rdlength bytes)
 *
 * A name is labels (a length byte 1-63 and that many bytes) ending with the root (a zero byte)
 * or with a compression pointer (RFC 1035 4.1.4: two bytes, top bits 11, the offset of labels
 * written earlier). At most 255 bytes on the wire, the pointed-to labels included.
 *
 * Rdata is typed for class IN's A, NS, CNAME, PTR, SOA and MX (RFC 1035 3.3, 3.4.1); every
 * other type and class is kept byte for byte, AAAA (RFC 3596) and OPT (RFC 6891, whose class
 * and ttl fields hold the EDNS payload size and flags) included. Names are not compressed
 * inside raw rdata, as RFC 3597 4 requires of types a server may not know.
 *
 * Names are text: labels joined by '.', no trailing dot, the root ''. Label bytes are kept as
 * received, case too; '.', '\' and bytes outside 0x21-0x7e are written `\.`, `\\` and `\DDD`
 * (decimal, the zone file escapes of RFC 1035 5.1), so a decoded name encodes to the same bytes.
 * The encoder compresses the way BIND and Windows servers do: each name, or suffix of one,
 * written before becomes a pointer to its first occurrence. A message compressed that way
 * re-encodes byte for byte.
 */
import type { Ipv4Addr } from '../../shared/ipv4.ts';
import { copyBytes, readIpv4, readU16, readU32 } from './bytes.ts';
import type { Decoded } from './decoded.ts';
import { decoded, malformed } from './decoded.ts';

export const DNS_PORT = 53;
export const DNS_HEADER_LEN = 12;

export const DNS_TYPE_A = 1;
export const DNS_TYPE_NS = 2;
export const DNS_TYPE_CNAME = 5;
export const DNS_TYPE_SOA = 6;
export const DNS_TYPE_PTR = 12;
export const DNS_TYPE_MX = 15;
export const DNS_TYPE_TXT = 16;
export const DNS_TYPE_AAAA = 28;
export const DNS_TYPE_OPT = 41;

export const DNS_CLASS_IN = 1;

export const OPCODE_QUERY = 0;

export const RCODE_NOERROR = 0;
export const RCODE_FORMERR = 1;
export const RCODE_SERVFAIL = 2;
export const RCODE_NXDOMAIN = 3;
export const RCODE_NOTIMP = 4;
export const RCODE_REFUSED = 5;

/** RFC 1035 2.3.4. */
export const MAX_LABEL_LEN = 63;
export const MAX_NAME_WIRE_LEN = 255;
/** 255 wire bytes hold 253 characters of text: no length byte before the first label, no root byte. */
export const MAX_HOSTNAME_LEN = 253;

/** A pointer's 14 bits reach no further than this offset. */
const MAX_POINTER = 0x3fff;
const POINTER = 0xc0;
const DOT = 0x2e;
const BACKSLASH = 0x5c;

export interface DnsQuestion {
  readonly name: string;
  readonly type: number;
  readonly class: number;
}

export type DnsRdata =
  | { readonly kind: 'a'; readonly address: Ipv4Addr }
  /** CNAME, NS and PTR. */
  | { readonly kind: 'name'; readonly name: string }
  | {
      readonly kind: 'soa';
      readonly mname: string;
      readonly rname: string;
      readonly serial: number;
      readonly refresh: number;
      readonly retry: number;
      readonly expire: number;
      readonly minimum: number;
    }
  | { readonly kind: 'mx'; readonly preference: number; readonly exchange: string }
  /** Every other type or class (AAAA, TXT, OPT...), byte for byte. */
  | { readonly kind: 'raw'; readonly bytes: Uint8Array };

export type DnsRdataKind = DnsRdata['kind'];

export interface DnsRecord {
  readonly name: string;
  readonly type: number;
  readonly class: number; // for OPT, the requester's UDP payload size
  readonly ttl: number; // unsigned 32-bit; for OPT, extended rcode, version and flags
  readonly data: DnsRdata;
}

export interface DnsMessage {
  readonly id: number;
  readonly response: boolean;
  readonly opcode: number;
  readonly authoritative: boolean;
  readonly truncated: boolean;
  readonly recursionDesired: boolean;
  readonly recursionAvailable: boolean;
  /** The three bits between RA and rcode (Z, AD, CD), kept as received. */
  readonly z: number;
  readonly rcode: number;
  readonly questions: readonly DnsQuestion[];
  readonly answers: readonly DnsRecord[];
  readonly authority: readonly DnsRecord[];
  readonly additional: readonly DnsRecord[];
}

/** The rdata a record of this type and class carries; the decoder gives it and the encoder requires it. */
export function rdataKind(type: number, cls: number): DnsRdataKind {
  // The layout of rdata may depend on the class (RFC 1035 3.4.1: A is IN's), so other classes stay raw.
  if (cls !== DNS_CLASS_IN) return 'raw';
  switch (type) {
    case DNS_TYPE_A:
      return 'a';
    case DNS_TYPE_NS:
    case DNS_TYPE_CNAME:
    case DNS_TYPE_PTR:
      return 'name';
    case DNS_TYPE_SOA:
      return 'soa';
    case DNS_TYPE_MX:
      return 'mx';
    default:
      return 'raw';
  }
}

// ---- Names as text ----

/** The labels of a text name, or why it cannot be one on the wire. */
function parseName(name: string): Uint8Array[] | string {
  const labels: Uint8Array[] = [];
  if (name === '') return labels;
  let label: number[] = [];
  let wire = 1;
  const quoted = JSON.stringify(name);
  const finish = (): string | undefined => {
    if (label.length === 0) return `name ${quoted} has an empty label`;
    if (label.length > MAX_LABEL_LEN)
      return `name ${quoted} has a label of ${label.length} bytes, the most is ${MAX_LABEL_LEN}`;
    wire += 1 + label.length;
    labels.push(Uint8Array.from(label));
    label = [];
    return undefined;
  };
  for (let i = 0; i < name.length; i++) {
    let c = name.charCodeAt(i);
    if (c === DOT) {
      const error = finish();
      if (error !== undefined) return error;
      continue;
    }
    if (c === BACKSLASH) {
      const digits = /^\d{3}/.exec(name.slice(i + 1, i + 4));
      if (digits !== null) {
        c = Number(digits[0]);
        if (c > 0xff) return `name ${quoted} escapes \\${digits[0]}, above 255`;
        i += 3;
      } else {
        i++;
        if (i >= name.length) return `name ${quoted} ends with a lone backslash`;
        c = name.charCodeAt(i);
        if (c >= 0x30 && c <= 0x39) return `name ${quoted} has a decimal escape without three digits`;
      }
    }
    if (c > 0xff) return `name ${quoted} has a character outside Latin-1`;
    label.push(c);
  }
  const error = finish();
  if (error !== undefined) return error;
  if (wire > MAX_NAME_WIRE_LEN) return `name ${quoted} takes ${wire} bytes, the most is ${MAX_NAME_WIRE_LEN}`;
  return labels;
}

/** The labels of a text name, un-escaping `\.`, `\\` and `\DDD`; throws RangeError if the wire cannot hold it. */
export function nameLabels(name: string): Uint8Array[] {
  const labels = parseName(name);
  if (typeof labels === 'string') throw new RangeError(`dns: ${labels}`);
  return labels;
}

/** Why `name` cannot be encoded (an empty label, a label over 63 bytes, over 255 bytes in all...), or undefined. */
export function dnsNameError(name: string): string | undefined {
  const labels = parseName(name);
  return typeof labels === 'string' ? `dns: ${labels}` : undefined;
}

const printable = (c: number): boolean => c >= 0x21 && c <= 0x7e;

/** Bytes [start, end) of `b` as label text, escaped as in zone files. */
function labelText(b: Uint8Array, start: number, end: number): string {
  let s = '';
  for (let i = start; i < end; i++) {
    const c = b[i]!;
    if (c === DOT || c === BACKSLASH) s += `\\${String.fromCharCode(c)}`;
    else if (printable(c)) s += String.fromCharCode(c);
    else s += `\\${String(c).padStart(3, '0')}`;
  }
  return s;
}

/** The text of a name given as labels, escaped so that `nameLabels` gives them back. */
export const nameFromLabels = (labels: readonly Uint8Array[]): string =>
  labels.map((l) => labelText(l, 0, l.length)).join('.');

const LDH_LABEL = /^[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?$/;

/**
 * A host name as RFC 1123 2.1 allows: labels of 1-63 letters, digits and inner hyphens, at
 * most 253 characters. A name a user types for a host; `dnsNameError` is the wire's wider rule.
 */
export const isHostname = (name: string): boolean =>
  name.length >= 1 &&
  name.length <= MAX_HOSTNAME_LEN &&
  name.split('.').every((l) => l.length <= MAX_LABEL_LEN && LDH_LABEL.test(l));

const foldByte = (c: number): number => (c >= 0x41 && c <= 0x5a ? c + 0x20 : c);

function asciiLower(s: string): string {
  return s.replace(/[A-Z]/g, (c) => c.toLowerCase());
}

/**
 * Whether two names are the same name: equal but for ASCII case (RFC 4343), escapes read.
 * Text that is no name on the wire compares as text, folding ASCII case.
 */
export function sameName(a: string, b: string): boolean {
  const la = parseName(a);
  const lb = parseName(b);
  if (typeof la === 'string' || typeof lb === 'string') return asciiLower(a) === asciiLower(b);
  return (
    la.length === lb.length &&
    la.every((x, i) => {
      const y = lb[i]!;
      return x.length === y.length && x.every((c, k) => foldByte(c) === foldByte(y[k]!));
    })
  );
}

/** The PTR name of an address (RFC 1035 3.5): 10.1.2.3 is 3.2.1.10.in-addr.arpa. */
export const reverseName = (addr: Ipv4Addr): string =>
  `${addr & 255}.${(addr >>> 8) & 255}.${(addr >>> 16) & 255}.${addr >>> 24}.in-addr.arpa`;

/** A standard query for one name, class IN, as a stub resolver sends it. */
export function dnsQuery(id: number, name: string, type: number, recursionDesired = true): DnsMessage {
  return {
    id,
    response: false,
    opcode: OPCODE_QUERY,
    authoritative: false,
    truncated: false,
    recursionDesired,
    recursionAvailable: false,
    z: 0,
    rcode: RCODE_NOERROR,
    questions: [{ name, type, class: DNS_CLASS_IN }],
    answers: [],
    authority: [],
    additional: [],
  };
}

// ---- Encoding ----

const SECTIONS = ['answer', 'authority', 'additional'] as const;

function checkUint(what: string, v: number, max: number): void {
  if (!Number.isInteger(v) || v < 0 || v > max) throw new RangeError(`dns: ${what} ${v} is not in 0..${max}`);
}

/** The message being written, and where each name and suffix written so far first appears. */
class Writer {
  readonly out: number[] = [];
  private readonly names = new Map<string, number>();

  u16(v: number): void {
    this.out.push((v >>> 8) & 0xff, v & 0xff);
  }

  u32(v: number): void {
    this.out.push((v >>> 24) & 0xff, (v >>> 16) & 0xff, (v >>> 8) & 0xff, v & 0xff);
  }

  name(text: string): void {
    const labels = nameLabels(text);
    // keys[i] spells labels i.. exactly (length bytes and label bytes), so matching is case-sensitive.
    const keys: string[] = [];
    let key = '';
    for (let i = labels.length - 1; i >= 0; i--) {
      key = String.fromCharCode(labels[i]!.length, ...labels[i]!) + key;
      keys[i] = key;
    }
    for (let i = 0; i < labels.length; i++) {
      const at = this.names.get(keys[i]!);
      if (at !== undefined) {
        this.u16((POINTER << 8) | at);
        return;
      }
      if (this.out.length <= MAX_POINTER) this.names.set(keys[i]!, this.out.length);
      this.out.push(labels[i]!.length, ...labels[i]!);
    }
    this.out.push(0);
  }
}

function writeRdata(w: Writer, d: DnsRdata): void {
  switch (d.kind) {
    case 'a':
      w.u32(d.address);
      return;
    case 'name':
      w.name(d.name);
      return;
    case 'soa':
      w.name(d.mname);
      w.name(d.rname);
      for (const v of [d.serial, d.refresh, d.retry, d.expire, d.minimum]) w.u32(v);
      return;
    case 'mx':
      w.u16(d.preference);
      w.name(d.exchange);
      return;
    case 'raw':
      for (const c of d.bytes) w.out.push(c);
      return;
  }
}

function checkRdata(what: string, r: DnsRecord): void {
  const d = r.data;
  const kind = rdataKind(r.type, r.class);
  if (d.kind !== kind) {
    throw new RangeError(
      `dns: ${what} of type ${r.type} class ${r.class} carries ${d.kind} rdata, not ${kind}`,
    );
  }
  if (d.kind === 'a') checkUint(`${what} address`, d.address, 0xffffffff);
  if (d.kind === 'soa') {
    for (const f of ['serial', 'refresh', 'retry', 'expire', 'minimum'] as const) {
      checkUint(`${what} ${f}`, d[f], 0xffffffff);
    }
  }
  if (d.kind === 'mx') checkUint(`${what} preference`, d.preference, 0xffff);
}

function writeRecord(w: Writer, what: string, r: DnsRecord): void {
  checkUint(`${what} type`, r.type, 0xffff);
  checkUint(`${what} class`, r.class, 0xffff);
  checkUint(`${what} ttl`, r.ttl, 0xffffffff);
  checkRdata(what, r);
  w.name(r.name);
  w.u16(r.type);
  w.u16(r.class);
  w.u32(r.ttl);
  const lengthAt = w.out.length;
  w.u16(0);
  writeRdata(w, r.data);
  const rdlength = w.out.length - lengthAt - 2;
  if (rdlength > 0xffff)
    throw new RangeError(`dns: ${what} rdata is ${rdlength} bytes, rdlength holds 65535`);
  w.out[lengthAt] = rdlength >>> 8;
  w.out[lengthAt + 1] = rdlength & 0xff;
}

/**
 * The message with its names compressed; throws RangeError for what the fields cannot hold (a
 * name `dnsNameError` refuses, rdata of another kind than `rdataKind` says, a value too large).
 */
export function encodeDns(m: DnsMessage): Uint8Array {
  checkUint('id', m.id, 0xffff);
  checkUint('opcode', m.opcode, 0xf);
  checkUint('z', m.z, 7);
  checkUint('rcode', m.rcode, 0xf);
  const records = [m.answers, m.authority, m.additional];
  for (const s of [m.questions, ...records]) checkUint('section count', s.length, 0xffff);
  const w = new Writer();
  w.u16(m.id);
  w.out.push(
    (m.response ? 0x80 : 0) |
      (m.opcode << 3) |
      (m.authoritative ? 4 : 0) |
      (m.truncated ? 2 : 0) |
      (m.recursionDesired ? 1 : 0),
    (m.recursionAvailable ? 0x80 : 0) | (m.z << 4) | m.rcode,
  );
  for (const s of [m.questions, ...records]) w.u16(s.length);
  for (const [i, q] of m.questions.entries()) {
    checkUint(`question ${i + 1} type`, q.type, 0xffff);
    checkUint(`question ${i + 1} class`, q.class, 0xffff);
    w.name(q.name);
    w.u16(q.type);
    w.u16(q.class);
  }
  for (const [k, section] of SECTIONS.entries()) {
    for (const [i, r] of records[k]!.entries()) writeRecord(w, `${section} ${i + 1}`, r);
  }
  return Uint8Array.from(w.out);
}

// ---- Decoding ----

interface WireName {
  readonly name: string;
  readonly end: number; // offset after the name where it is written (after its pointer, if any)
}

/**
 * The name at `start` of `what`, following pointers. A pointer must point past the header and
 * strictly before the run of labels it ends (the name's start, or the previous pointer's
 * target): every jump goes back, so no loop can form, and a sender only points at labels it
 * wrote earlier.
 */
function readName(b: Uint8Array, start: number, what: string): Decoded<WireName> {
  const labels: string[] = [];
  let at = start;
  let runStart = start;
  let end = -1;
  let wire = 1;
  for (;;) {
    if (at >= b.length) return malformed(`dns: ${what}: name at offset ${start} runs past the end`);
    const len = b[at]!;
    if (len === 0) break;
    const tag = len & POINTER;
    if (tag === POINTER) {
      if (at + 1 >= b.length)
        return malformed(`dns: ${what}: compression pointer at offset ${at} is cut off`);
      const target = readU16(b, at) & MAX_POINTER;
      if (target < DNS_HEADER_LEN) {
        return malformed(
          `dns: ${what}: compression pointer at offset ${at} points into the header (${target})`,
        );
      }
      if (target >= runStart) {
        return malformed(
          `dns: ${what}: compression pointer at offset ${at} points to ${target}, not before the labels at ${runStart}`,
        );
      }
      if (end < 0) end = at + 2;
      at = runStart = target;
      continue;
    }
    if (tag !== 0)
      return malformed(`dns: ${what}: label type 0x${tag.toString(16)} at offset ${at} is undefined`);
    wire += 1 + len;
    if (wire > MAX_NAME_WIRE_LEN) {
      return malformed(`dns: ${what}: name at offset ${start} is longer than ${MAX_NAME_WIRE_LEN} bytes`);
    }
    if (at + 1 + len > b.length) return malformed(`dns: ${what}: label at offset ${at} runs past the end`);
    labels.push(labelText(b, at + 1, at + 1 + len));
    at += 1 + len;
  }
  return decoded({ name: labels.join('.'), end: end < 0 ? at + 1 : end });
}

/** A name inside rdata, which must end within it (at `limit`, the rdata's end, or before). */
function rdataName(b: Uint8Array, at: number, limit: number, what: string): Decoded<WireName> {
  const n = readName(b, at, what);
  if (n.ok && n.value.end > limit) return malformed(`dns: ${what}: name at offset ${at} runs past the rdata`);
  return n;
}

function readRdata(
  b: Uint8Array,
  rd: number,
  rdEnd: number,
  type: number,
  cls: number,
  what: string,
): Decoded<DnsRdata> {
  const len = rdEnd - rd;
  const exact = (end: number, of: string): string | undefined =>
    end === rdEnd ? undefined : `dns: ${what}: rdlength ${len}, but the ${of} takes ${end - rd}`;
  switch (rdataKind(type, cls)) {
    case 'a':
      if (len !== 4) return malformed(`dns: ${what}: A rdata is ${len} bytes, not 4`);
      return decoded({ kind: 'a', address: readIpv4(b, rd) });
    case 'name': {
      const n = rdataName(b, rd, rdEnd, what);
      if (!n.ok) return n;
      const error = exact(n.value.end, 'name');
      return error !== undefined ? malformed(error) : decoded({ kind: 'name', name: n.value.name });
    }
    case 'soa': {
      const mname = rdataName(b, rd, rdEnd, what);
      if (!mname.ok) return mname;
      const rname = rdataName(b, mname.value.end, rdEnd, what);
      if (!rname.ok) return rname;
      const at = rname.value.end;
      const error = exact(at + 20, 'SOA');
      if (error !== undefined) return malformed(error);
      return decoded({
        kind: 'soa',
        mname: mname.value.name,
        rname: rname.value.name,
        serial: readU32(b, at),
        refresh: readU32(b, at + 4),
        retry: readU32(b, at + 8),
        expire: readU32(b, at + 12),
        minimum: readU32(b, at + 16),
      });
    }
    case 'mx': {
      if (len < 3) return malformed(`dns: ${what}: MX rdata is ${len} bytes, it needs at least 3`);
      const n = rdataName(b, rd + 2, rdEnd, what);
      if (!n.ok) return n;
      const error = exact(n.value.end, 'MX');
      if (error !== undefined) return malformed(error);
      return decoded({ kind: 'mx', preference: readU16(b, rd), exchange: n.value.name });
    }
    case 'raw':
      return decoded({ kind: 'raw', bytes: copyBytes(b, rd, rdEnd) });
  }
}

function readRecord(b: Uint8Array, start: number, what: string): Decoded<{ record: DnsRecord; end: number }> {
  const owner = readName(b, start, what);
  if (!owner.ok) return owner;
  const at = owner.value.end;
  if (at + 10 > b.length) return malformed(`dns: ${what} at offset ${start} is cut off before its rdata`);
  const type = readU16(b, at);
  const cls = readU16(b, at + 2);
  const rdlength = readU16(b, at + 8);
  const rd = at + 10;
  if (rd + rdlength > b.length) {
    return malformed(`dns: ${what}: rdlength ${rdlength} at offset ${at + 8} runs past the end`);
  }
  const data = readRdata(b, rd, rd + rdlength, type, cls, what);
  if (!data.ok) return data;
  return decoded({
    record: { name: owner.value.name, type, class: cls, ttl: readU32(b, at + 4), data: data.value },
    end: rd + rdlength,
  });
}

/**
 * Decodes the data of a UDP datagram to or from port 53. Bytes after the last record are an
 * error: they mean nothing (RFC 1035 4.1) and re-encoding could not keep them.
 */
export function decodeDns(b: Uint8Array): Decoded<DnsMessage> {
  if (b.length < DNS_HEADER_LEN)
    return malformed(`dns: ${b.length} bytes, the header needs ${DNS_HEADER_LEN}`);
  let at = DNS_HEADER_LEN;
  const questions: DnsQuestion[] = [];
  for (let i = 0, n = readU16(b, 4); i < n; i++) {
    const what = `question ${i + 1}`;
    const name = readName(b, at, what);
    if (!name.ok) return name;
    const end = name.value.end;
    if (end + 4 > b.length) return malformed(`dns: ${what} at offset ${at} is cut off after its name`);
    questions.push({ name: name.value.name, type: readU16(b, end), class: readU16(b, end + 2) });
    at = end + 4;
  }
  const records: DnsRecord[][] = [];
  for (const [k, section] of SECTIONS.entries()) {
    const list: DnsRecord[] = [];
    for (let i = 0, n = readU16(b, 6 + 2 * k); i < n; i++) {
      const r = readRecord(b, at, `${section} ${i + 1}`);
      if (!r.ok) return r;
      list.push(r.value.record);
      at = r.value.end;
    }
    records.push(list);
  }
  if (at !== b.length) return malformed(`dns: ${b.length - at} bytes after the last record, at offset ${at}`);
  const flags = b[2]!;
  const flags2 = b[3]!;
  return decoded({
    id: readU16(b, 0),
    response: (flags & 0x80) !== 0,
    opcode: (flags >>> 3) & 0xf,
    authoritative: (flags & 4) !== 0,
    truncated: (flags & 2) !== 0,
    recursionDesired: (flags & 1) !== 0,
    recursionAvailable: (flags2 & 0x80) !== 0,
    z: (flags2 >>> 4) & 7,
    rcode: flags2 & 0xf,
    questions,
    answers: records[0]!,
    authority: records[1]!,
    additional: records[2]!,
  });
}
