/**
 * ICMPv6 (RFC 4443) and Neighbor Discovery (RFC 4861): echo request/reply, the four error
 * messages, router and neighbor solicitations and advertisements with their options; every
 * other type (redirect, MLD, ...) is kept byte for byte after the checksum. The checksum
 * covers an IPv6 pseudo-header (RFC 8200 8.1, next header 58), so encoding and decoding take
 * the enclosing packet's addresses; `encodeIpv6` and `decodeIpv6` pass them.
 *
 * Errors quote the invoking packet: as much of it as keeps the whole error packet, its IPv6
 * header included, within the minimum MTU of 1280 bytes (RFC 4443 2.4(c)). An
 * `Icmpv6Error.original` given as a typed Ipv6Packet is encoded and cut to that; given as
 * bytes, it is written as is. Decoding always yields the quoted bytes, so decode -> encode is
 * exact; `readIcmpv6Quote` reads what a sender matches an error against.
 *
 * Neighbor Discovery options (RFC 4861 4.6) are typed when Ethernet-sized (source and target
 * link-layer address, prefix information, MTU) and kept as raw bytes otherwise. A zero option
 * length, or an option running past the message, makes the message malformed. Reserved fields
 * are written as zero and not kept. A known type whose fixed part is cut short decodes as
 * `Icmpv6Other`, bytes kept, as any unknown type does, rather than failing the whole frame.
 */
import type { Ipv6Addr } from '../../shared/ipv6.ts';
import { ipv6FromBytes, ipv6ToBytes, isIpv6Multicast, isIpv6Unspecified } from '../../shared/ipv6.ts';
import type { MacAddr } from '../../shared/mac.ts';
import { macFromBytes, macToBytes } from '../../shared/mac.ts';
import { copyBytes, outputBuffer, readU16, readU32, writeU16, writeU32 } from './bytes.ts';
import { checksumVerifies, finishChecksum, sumWords } from './checksum.ts';
import type { Decoded } from './decoded.ts';
import { decoded, malformed } from './decoded.ts';
import type { Ipv6Packet } from './ipv6.ts';
import { encodeIpv6, ipv6Len, ipv6PseudoHeaderSum } from './ipv6.ts';

// ---- Types and codes ----

export const ICMPV6_DEST_UNREACHABLE = 1;
export const ICMPV6_PACKET_TOO_BIG = 2;
export const ICMPV6_TIME_EXCEEDED = 3;
export const ICMPV6_PARAMETER_PROBLEM = 4;
export const ICMPV6_ECHO_REQUEST = 128;
export const ICMPV6_ECHO_REPLY = 129;
export const NDP_ROUTER_SOLICITATION = 133;
export const NDP_ROUTER_ADVERTISEMENT = 134;
export const NDP_NEIGHBOR_SOLICITATION = 135;
export const NDP_NEIGHBOR_ADVERTISEMENT = 136;
export const NDP_REDIRECT = 137;

/** Destination unreachable codes (RFC 4443 3.1). */
export const UNREACH6_NO_ROUTE = 0;
export const UNREACH6_ADMIN = 1;
export const UNREACH6_BEYOND_SCOPE = 2;
export const UNREACH6_ADDRESS = 3;
export const UNREACH6_PORT = 4;

/** Time exceeded codes (RFC 4443 3.3). */
export const TIME_EXCEEDED6_HOP_LIMIT = 0;
export const TIME_EXCEEDED6_REASSEMBLY = 1;

/** Parameter problem codes (RFC 4443 3.4); `rest` is the pointer to the offending byte. */
export const PARAM_PROBLEM6_HEADER = 0;
export const PARAM_PROBLEM6_NEXT_HEADER = 1;
export const PARAM_PROBLEM6_OPTION = 2;

/** Neighbor Discovery option types (RFC 4861 4.6). */
export const NDP_OPT_SOURCE_LINK_ADDR = 1;
export const NDP_OPT_TARGET_LINK_ADDR = 2;
export const NDP_OPT_PREFIX_INFO = 3;
export const NDP_OPT_REDIRECTED_HEADER = 4;
export const NDP_OPT_MTU = 5;

/** Type, code, checksum and the 4-byte type-specific word. */
export const ICMPV6_HEADER_LEN = 8;
/** Most bytes of the invoking packet an error carries: 1280 - 40 (IPv6 header) - 8. */
export const ICMPV6_MAX_QUOTE = 1232;

const RA_LEN = 16;
const NS_NA_LEN = 24;

// ---- Messages ----

export interface Icmpv6Echo {
  readonly proto: 'icmpv6';
  readonly type: typeof ICMPV6_ECHO_REQUEST | typeof ICMPV6_ECHO_REPLY;
  readonly code: number;
  readonly identifier: number;
  readonly sequence: number;
  readonly data: Uint8Array;
}

/** Destination unreachable, packet too big, time exceeded, parameter problem. */
export interface Icmpv6Error {
  readonly proto: 'icmpv6';
  readonly type:
    | typeof ICMPV6_DEST_UNREACHABLE
    | typeof ICMPV6_PACKET_TOO_BIG
    | typeof ICMPV6_TIME_EXCEEDED
    | typeof ICMPV6_PARAMETER_PROBLEM;
  readonly code: number;
  /** The word after the checksum: the MTU for packet too big, the pointer for parameter problem, else 0. */
  readonly rest: number;
  /** The invoking packet; on the wire, at most its first 1232 bytes. */
  readonly original: Ipv6Packet | Uint8Array;
}

export interface NdpRouterSolicitation {
  readonly proto: 'icmpv6';
  readonly type: typeof NDP_ROUTER_SOLICITATION;
  readonly code: number;
  readonly options: readonly NdpOption[];
}

export interface NdpRouterAdvertisement {
  readonly proto: 'icmpv6';
  readonly type: typeof NDP_ROUTER_ADVERTISEMENT;
  readonly code: number;
  /** Hop limit hosts should use; 0 leaves it to them. */
  readonly curHopLimit: number;
  /** M: addresses come from DHCPv6. */
  readonly managed: boolean;
  /** O: other configuration (DNS servers, ...) comes from DHCPv6. */
  readonly other: boolean;
  /** The six flag bits after M and O (home agent, router preference, ...), kept. */
  readonly flags: number;
  readonly routerLifetime: number; // seconds; 0: not a default router
  readonly reachableTime: number; // milliseconds; 0: unspecified
  readonly retransTimer: number; // milliseconds; 0: unspecified
  readonly options: readonly NdpOption[];
}

export interface NdpNeighborSolicitation {
  readonly proto: 'icmpv6';
  readonly type: typeof NDP_NEIGHBOR_SOLICITATION;
  readonly code: number;
  readonly target: Ipv6Addr;
  readonly options: readonly NdpOption[];
}

export interface NdpNeighborAdvertisement {
  readonly proto: 'icmpv6';
  readonly type: typeof NDP_NEIGHBOR_ADVERTISEMENT;
  readonly code: number;
  readonly router: boolean;
  readonly solicited: boolean;
  readonly override: boolean;
  readonly target: Ipv6Addr;
  readonly options: readonly NdpOption[];
}

/**
 * Any other type, or a known type too short for its fixed fields: kept byte for byte after
 * the checksum. Tell it apart with `isIcmpv6Other`: a router advertisement also has an
 * `other` field (its O flag), so `'other' in m` does not.
 */
export interface Icmpv6Other {
  readonly proto: 'icmpv6';
  readonly type: number;
  readonly code: number;
  readonly body: Uint8Array;
  readonly other: true;
}

export type Icmpv6Message =
  | Icmpv6Echo
  | Icmpv6Error
  | NdpRouterSolicitation
  | NdpRouterAdvertisement
  | NdpNeighborSolicitation
  | NdpNeighborAdvertisement
  | Icmpv6Other;

// ---- Options ----

export interface NdpSourceMacOption {
  readonly kind: 'source-mac';
  readonly mac: MacAddr;
}

export interface NdpTargetMacOption {
  readonly kind: 'target-mac';
  readonly mac: MacAddr;
}

export interface NdpPrefixOption {
  readonly kind: 'prefix';
  readonly prefixLength: number;
  /** L: the prefix is on this link. */
  readonly onLink: boolean;
  /** A: hosts may form addresses in it (SLAAC). */
  readonly autonomous: boolean;
  /** The six flag bits after L and A, kept. */
  readonly flags: number;
  readonly validLifetime: number; // seconds; 0xffffffff: infinite
  readonly preferredLifetime: number; // seconds
  readonly prefix: Ipv6Addr;
}

export interface NdpMtuOption {
  readonly kind: 'mtu';
  readonly mtu: number;
}

/** Any other option, or a known type of unexpected length: the bytes after type and length. */
export interface NdpUnknownOption {
  readonly kind: 'unknown';
  readonly type: number;
  readonly data: Uint8Array;
}

export type NdpOption =
  | NdpSourceMacOption
  | NdpTargetMacOption
  | NdpPrefixOption
  | NdpMtuOption
  | NdpUnknownOption;

// ---- Type guards ----

export const isIcmpv6Other = (m: Icmpv6Message): m is Icmpv6Other => 'body' in m;

export const isIcmpv6Echo = (m: Icmpv6Message): m is Icmpv6Echo =>
  !isIcmpv6Other(m) && (m.type === ICMPV6_ECHO_REQUEST || m.type === ICMPV6_ECHO_REPLY);

const isErrorType = (type: number): type is Icmpv6Error['type'] => type >= 1 && type <= 4;

export const isIcmpv6Error = (m: Icmpv6Message): m is Icmpv6Error => !isIcmpv6Other(m) && isErrorType(m.type);

export const isNdpRouterSolicitation = (m: Icmpv6Message): m is NdpRouterSolicitation =>
  !isIcmpv6Other(m) && m.type === NDP_ROUTER_SOLICITATION;

export const isNdpRouterAdvertisement = (m: Icmpv6Message): m is NdpRouterAdvertisement =>
  !isIcmpv6Other(m) && m.type === NDP_ROUTER_ADVERTISEMENT;

export const isNdpNeighborSolicitation = (m: Icmpv6Message): m is NdpNeighborSolicitation =>
  !isIcmpv6Other(m) && m.type === NDP_NEIGHBOR_SOLICITATION;

export const isNdpNeighborAdvertisement = (m: Icmpv6Message): m is NdpNeighborAdvertisement =>
  !isIcmpv6Other(m) && m.type === NDP_NEIGHBOR_ADVERTISEMENT;

// ---- Lengths ----

/** Bytes of `original` that an error message carries. */
export const icmpv6QuoteLen = (original: Ipv6Packet | Uint8Array): number =>
  original instanceof Uint8Array ? original.length : Math.min(ipv6Len(original), ICMPV6_MAX_QUOTE);

export function ndpOptionLen(opt: NdpOption): number {
  switch (opt.kind) {
    case 'source-mac':
    case 'target-mac':
    case 'mtu':
      return 8;
    case 'prefix':
      return 32;
    case 'unknown':
      return 2 + opt.data.length;
  }
}

const optionsLen = (options: readonly NdpOption[]): number => {
  let n = 0;
  for (const opt of options) n += ndpOptionLen(opt);
  return n;
};

/** On-wire size of the message, computed without encoding it. */
export function icmpv6Len(m: Icmpv6Message): number {
  if (isIcmpv6Other(m)) return 4 + m.body.length;
  switch (m.type) {
    case ICMPV6_ECHO_REQUEST:
    case ICMPV6_ECHO_REPLY:
      return ICMPV6_HEADER_LEN + m.data.length;
    case NDP_ROUTER_SOLICITATION:
      return ICMPV6_HEADER_LEN + optionsLen(m.options);
    case NDP_ROUTER_ADVERTISEMENT:
      return RA_LEN + optionsLen(m.options);
    case NDP_NEIGHBOR_SOLICITATION:
    case NDP_NEIGHBOR_ADVERTISEMENT:
      return NS_NA_LEN + optionsLen(m.options);
    default:
      return ICMPV6_HEADER_LEN + icmpv6QuoteLen(m.original);
  }
}

// ---- Encoding ----

/** Writes one option at `at`; returns the offset after it. */
function writeOption(opt: NdpOption, out: Uint8Array, at: number): number {
  const len = ndpOptionLen(opt);
  if (opt.kind === 'unknown' && (len % 8 !== 0 || len > 255 * 8)) {
    throw new RangeError(`icmpv6: option type ${opt.type} of ${len} bytes, not a multiple of 8 up to 2040`);
  }
  out.fill(0, at, at + len); // reserved fields
  out[at + 1] = len / 8;
  switch (opt.kind) {
    case 'source-mac':
    case 'target-mac':
      out[at] = opt.kind === 'source-mac' ? NDP_OPT_SOURCE_LINK_ADDR : NDP_OPT_TARGET_LINK_ADDR;
      macToBytes(opt.mac, out, at + 2);
      break;
    case 'prefix':
      out[at] = NDP_OPT_PREFIX_INFO;
      out[at + 2] = opt.prefixLength & 0xff;
      out[at + 3] = (opt.onLink ? 0x80 : 0) | (opt.autonomous ? 0x40 : 0) | (opt.flags & 0x3f);
      writeU32(out, at + 4, opt.validLifetime);
      writeU32(out, at + 8, opt.preferredLifetime);
      ipv6ToBytes(opt.prefix, out, at + 16);
      break;
    case 'mtu':
      out[at] = NDP_OPT_MTU;
      writeU32(out, at + 4, opt.mtu);
      break;
    case 'unknown':
      out[at] = opt.type & 0xff;
      out.set(opt.data, at + 2);
      break;
  }
  return at + len;
}

function writeOptions(options: readonly NdpOption[], out: Uint8Array, at: number): void {
  let next = at;
  for (const opt of options) next = writeOption(opt, out, next);
}

/**
 * Writes the message with its checksum; `src`/`dst` are the enclosing packet's addresses.
 * Returns the bytes written (a view into `buf` when given).
 */
export function encodeIcmpv6(
  m: Icmpv6Message,
  src: Ipv6Addr,
  dst: Ipv6Addr,
  buf?: Uint8Array,
  offset = 0,
): Uint8Array {
  const len = icmpv6Len(m);
  const out = outputBuffer(len, buf, offset, 'icmpv6');
  const o = offset;
  out[o] = m.type & 0xff;
  out[o + 1] = m.code & 0xff;
  writeU16(out, o + 2, 0);
  if (isIcmpv6Other(m)) {
    out.set(m.body, o + 4);
  } else {
    switch (m.type) {
      case ICMPV6_ECHO_REQUEST:
      case ICMPV6_ECHO_REPLY:
        writeU16(out, o + 4, m.identifier);
        writeU16(out, o + 6, m.sequence);
        out.set(m.data, o + ICMPV6_HEADER_LEN);
        break;
      case NDP_ROUTER_SOLICITATION:
        writeU32(out, o + 4, 0);
        writeOptions(m.options, out, o + ICMPV6_HEADER_LEN);
        break;
      case NDP_ROUTER_ADVERTISEMENT:
        out[o + 4] = m.curHopLimit & 0xff;
        out[o + 5] = (m.managed ? 0x80 : 0) | (m.other ? 0x40 : 0) | (m.flags & 0x3f);
        writeU16(out, o + 6, m.routerLifetime);
        writeU32(out, o + 8, m.reachableTime);
        writeU32(out, o + 12, m.retransTimer);
        writeOptions(m.options, out, o + RA_LEN);
        break;
      case NDP_NEIGHBOR_SOLICITATION:
      case NDP_NEIGHBOR_ADVERTISEMENT: {
        const flags =
          m.type === NDP_NEIGHBOR_ADVERTISEMENT
            ? (m.router ? 0x80 : 0) | (m.solicited ? 0x40 : 0) | (m.override ? 0x20 : 0)
            : 0;
        writeU32(out, o + 4, flags << 24);
        ipv6ToBytes(m.target, out, o + 8);
        writeOptions(m.options, out, o + NS_NA_LEN);
        break;
      }
      default: {
        writeU32(out, o + 4, m.rest);
        const quote = m.original instanceof Uint8Array ? m.original : encodeIpv6(m.original);
        out.set(quote.subarray(0, len - ICMPV6_HEADER_LEN), o + ICMPV6_HEADER_LEN);
      }
    }
  }
  const pseudo = ipv6PseudoHeaderSum(src, dst, 58, len);
  writeU16(out, o + 2, finishChecksum(sumWords(out, o, o + len, pseudo)));
  return out.subarray(o, o + len);
}

// ---- Decoding ----

/** What `decodeIcmpv6` returns: `badChecksum` is set on success when the checksum does not verify. */
export type DecodedIcmpv6 = Decoded<Icmpv6Message> & { readonly badChecksum?: true };

/** Whether a whole message (checksum field included) verifies against the pseudo-header. */
export const icmpv6ChecksumVerifies = (bytes: Uint8Array, src: Ipv6Addr, dst: Ipv6Addr): boolean =>
  checksumVerifies(bytes, 0, bytes.length, ipv6PseudoHeaderSum(src, dst, 58, bytes.length));

function decodeOptions(bytes: Uint8Array, start: number): Decoded<NdpOption[]> {
  const options: NdpOption[] = [];
  let at = start;
  while (at < bytes.length) {
    if (bytes.length - at < 2) {
      return malformed(`icmpv6: 1 byte left at offset ${at}, an option's type and length need 2`);
    }
    const type = bytes[at]!;
    const units = bytes[at + 1]!;
    if (units === 0) return malformed(`icmpv6: option type ${type} at offset ${at} has length 0`);
    const end = at + units * 8;
    if (end > bytes.length) {
      return malformed(
        `icmpv6: option type ${type} at offset ${at} needs ${units * 8} bytes, ${bytes.length - at} are left`,
      );
    }
    if ((type === NDP_OPT_SOURCE_LINK_ADDR || type === NDP_OPT_TARGET_LINK_ADDR) && units === 1) {
      const mac = macFromBytes(bytes, at + 2);
      options.push(
        type === NDP_OPT_SOURCE_LINK_ADDR ? { kind: 'source-mac', mac } : { kind: 'target-mac', mac },
      );
    } else if (type === NDP_OPT_PREFIX_INFO && units === 4) {
      const flags = bytes[at + 3]!;
      options.push({
        kind: 'prefix',
        prefixLength: bytes[at + 2]!,
        onLink: (flags & 0x80) !== 0,
        autonomous: (flags & 0x40) !== 0,
        flags: flags & 0x3f,
        validLifetime: readU32(bytes, at + 4),
        preferredLifetime: readU32(bytes, at + 8),
        prefix: ipv6FromBytes(bytes, at + 16),
      });
    } else if (type === NDP_OPT_MTU && units === 1) {
      options.push({ kind: 'mtu', mtu: readU32(bytes, at + 4) });
    } else {
      options.push({ kind: 'unknown', type, data: copyBytes(bytes, at + 2, end) });
    }
    at = end;
  }
  return decoded(options);
}

/** The fixed part each known type needs; a shorter message decodes as Icmpv6Other. */
function fixedLen(type: number): number | undefined {
  if (type === ICMPV6_ECHO_REQUEST || type === ICMPV6_ECHO_REPLY || isErrorType(type))
    return ICMPV6_HEADER_LEN;
  if (type === NDP_ROUTER_SOLICITATION) return ICMPV6_HEADER_LEN;
  if (type === NDP_ROUTER_ADVERTISEMENT) return RA_LEN;
  if (type === NDP_NEIGHBOR_SOLICITATION || type === NDP_NEIGHBOR_ADVERTISEMENT) return NS_NA_LEN;
  return undefined;
}

function decodeMessage(bytes: Uint8Array): Decoded<Icmpv6Message> {
  const type = bytes[0]!;
  const code = bytes[1]!;
  const need = fixedLen(type);
  if (need === undefined || bytes.length < need) {
    return decoded({ proto: 'icmpv6', type, code, body: copyBytes(bytes, 4, bytes.length), other: true });
  }
  if (type === ICMPV6_ECHO_REQUEST || type === ICMPV6_ECHO_REPLY) {
    return decoded({
      proto: 'icmpv6',
      type,
      code,
      identifier: readU16(bytes, 4),
      sequence: readU16(bytes, 6),
      data: copyBytes(bytes, ICMPV6_HEADER_LEN, bytes.length),
    });
  }
  if (isErrorType(type)) {
    return decoded({
      proto: 'icmpv6',
      type,
      code,
      rest: readU32(bytes, 4),
      original: copyBytes(bytes, ICMPV6_HEADER_LEN, bytes.length),
    });
  }
  const options = decodeOptions(bytes, need);
  if (!options.ok) return options;
  switch (type) {
    case NDP_ROUTER_SOLICITATION:
      return decoded({ proto: 'icmpv6', type, code, options: options.value });
    case NDP_ROUTER_ADVERTISEMENT: {
      const flags = bytes[5]!;
      return decoded({
        proto: 'icmpv6',
        type,
        code,
        curHopLimit: bytes[4]!,
        managed: (flags & 0x80) !== 0,
        other: (flags & 0x40) !== 0,
        flags: flags & 0x3f,
        routerLifetime: readU16(bytes, 6),
        reachableTime: readU32(bytes, 8),
        retransTimer: readU32(bytes, 12),
        options: options.value,
      });
    }
    case NDP_NEIGHBOR_SOLICITATION:
      return decoded({
        proto: 'icmpv6',
        type,
        code,
        target: ipv6FromBytes(bytes, 8),
        options: options.value,
      });
    default: {
      const flags = bytes[4]!;
      return decoded({
        proto: 'icmpv6',
        type: NDP_NEIGHBOR_ADVERTISEMENT,
        code,
        router: (flags & 0x80) !== 0,
        solicited: (flags & 0x40) !== 0,
        override: (flags & 0x20) !== 0,
        target: ipv6FromBytes(bytes, 8),
        options: options.value,
      });
    }
  }
}

/**
 * Decodes a whole ICMPv6 message (an IPv6 payload, already bounded by the payload length) sent
 * from `src` to `dst`. A wrong checksum does not fail the decode: it sets `badChecksum` on the
 * result, which `decodeIpv6` copies to the packet.
 */
export function decodeIcmpv6(bytes: Uint8Array, src: Ipv6Addr, dst: Ipv6Addr): DecodedIcmpv6 {
  if (bytes.length < 4) return malformed(`icmpv6: ${bytes.length} bytes, type, code and checksum need 4`);
  const m = decodeMessage(bytes);
  if (!m.ok || icmpv6ChecksumVerifies(bytes, src, dst)) return m;
  return { ...m, badChecksum: true };
}

// ---- Errors in practice ----

/** What a sender matches a received ICMPv6 error against. */
export interface Icmpv6Quote {
  readonly src: Ipv6Addr;
  readonly dst: Ipv6Addr;
  readonly nextHeader: number;
  readonly hopLimit: number;
  /** Present when the quoted packet is an echo request or reply right after its header. */
  readonly echo?: { readonly type: number; readonly identifier: number; readonly sequence: number };
  /** Present when the quoted packet is UDP (next header 17) right after its header. */
  readonly udp?: { readonly srcPort: number; readonly dstPort: number };
}

/**
 * Reads `Icmpv6Error.original`, typed (as the engine passes it) or bytes (as decoded). Only a
 * transport header right after the fixed header is read: extension headers are not followed.
 */
export function readIcmpv6Quote(original: Ipv6Packet | Uint8Array): Decoded<Icmpv6Quote> {
  if (!(original instanceof Uint8Array)) {
    const p = original;
    const base = { src: p.src, dst: p.dst, nextHeader: p.nextHeader, hopLimit: p.hopLimit };
    if (p.payload.proto === 'icmpv6') {
      if (!isIcmpv6Echo(p.payload)) return decoded(base);
      const { type, identifier, sequence } = p.payload;
      return decoded({ ...base, echo: { type, identifier, sequence } });
    }
    return decoded(withTransport(base, p.payload.bytes, 0));
  }
  const b = original;
  if (b.length < 40) return malformed(`icmpv6 quote: ${b.length} bytes, an IPv6 header needs 40`);
  if (b[0]! >>> 4 !== 6) return malformed(`icmpv6 quote: version ${b[0]! >>> 4}, expected 6`);
  const base = { src: ipv6FromBytes(b, 8), dst: ipv6FromBytes(b, 24), nextHeader: b[6]!, hopLimit: b[7]! };
  return decoded(withTransport(base, b, 40));
}

/** `base` with the echo or UDP header found at `at` in `b`, when there is one. */
function withTransport(base: Icmpv6Quote, b: Uint8Array, at: number): Icmpv6Quote {
  const type = b[at];
  if (
    base.nextHeader === 58 &&
    b.length >= at + ICMPV6_HEADER_LEN &&
    (type === ICMPV6_ECHO_REQUEST || type === ICMPV6_ECHO_REPLY)
  ) {
    return { ...base, echo: { type, identifier: readU16(b, at + 4), sequence: readU16(b, at + 6) } };
  }
  if (base.nextHeader === 17 && b.length >= at + 4) {
    return { ...base, udp: { srcPort: readU16(b, at), dstPort: readU16(b, at + 2) } };
  }
  return base;
}

/** Whether the packet carries an ICMPv6 error (types below 128) or a redirect, typed or raw. */
export function carriesIcmpv6Error(p: Ipv6Packet): boolean {
  if (p.nextHeader !== 58) return false;
  const type = p.payload.proto === 'raw' ? p.payload.bytes[0] : p.payload.type;
  return type !== undefined && (type < 128 || type === NDP_REDIRECT);
}

export interface Icmpv6ErrorOptions {
  readonly type: Icmpv6Error['type'];
  readonly code: number;
  /** An address of the interface the error leaves by. */
  readonly src: Ipv6Addr;
  /** Default 64, what IOS, Linux and the USAGI router of the TAHI logs send. */
  readonly hopLimit?: number;
  /** The MTU for packet too big, the pointer for parameter problem; default 0. */
  readonly rest?: number;
}

/**
 * The IPv6 packet carrying the error about `offending`, addressed to its source; or undefined
 * where RFC 4443 2.4(e) forbids one: the offending packet is itself an ICMPv6 error or a
 * redirect, was sent to a multicast group (except packet too big, and parameter problem code
 * 2), or comes from the unspecified or a multicast address. Link-layer multicast and broadcast,
 * the remaining cases, need the receiving frame: the caller checks them.
 */
export function icmpv6ErrorFor(offending: Ipv6Packet, o: Icmpv6ErrorOptions): Ipv6Packet | undefined {
  if (carriesIcmpv6Error(offending)) return undefined;
  const multicastAllowed =
    o.type === ICMPV6_PACKET_TOO_BIG ||
    (o.type === ICMPV6_PARAMETER_PROBLEM && o.code === PARAM_PROBLEM6_OPTION);
  if (isIpv6Multicast(offending.dst) && !multicastAllowed) return undefined;
  if (isIpv6Unspecified(offending.src) || isIpv6Multicast(offending.src)) return undefined;
  return {
    proto: 'ipv6',
    dst: offending.src,
    src: o.src,
    hopLimit: o.hopLimit ?? 64,
    nextHeader: 58,
    payload: { proto: 'icmpv6', type: o.type, code: o.code, rest: o.rest ?? 0, original: offending },
    trafficClass: 0,
    flowLabel: 0,
  };
}
