/**
 * ICMP errors in practice: building the error a router or host sends about an offending
 * datagram (RFC 792, RFC 1812 4.3.2), and reading a received error's quote to find which
 * datagram it is about (what ping, tracert and traceroute match on).
 */
import type { Ipv4Addr } from '../../shared/ipv4.ts';
import { readIpv4, readU16 } from './bytes.ts';
import type { Decoded } from './decoded.ts';
import { decoded, malformed } from './decoded.ts';
import type { ICMP_DEST_UNREACHABLE, ICMP_REDIRECT, ICMP_TIME_EXCEEDED } from './icmp.ts';
import { ICMP_ECHO_REPLY, ICMP_ECHO_REQUEST, isIcmpEcho } from './icmp.ts';
import type { Ipv4Packet } from './ipv4.ts';
import { IPPROTO_ICMP, IPPROTO_UDP, IPV4_HEADER_LEN, NO_OPTIONS } from './ipv4.ts';

/** ICMP types that report errors (RFC 1812 4.3.2.7 forbids answering them with an error). */
const ERROR_TYPES: ReadonlySet<number> = new Set([3, 4, 5, 11, 12]);

export interface IcmpErrorOptions {
  readonly type: typeof ICMP_DEST_UNREACHABLE | typeof ICMP_REDIRECT | typeof ICMP_TIME_EXCEEDED;
  readonly code: number;
  /** An address of the interface the error leaves by (RFC 1812 4.3.2.4). */
  readonly src: Ipv4Addr;
  /** Default 255 and 0: IOS-generated ICMP in captures carries TTL 255 and identification 0. */
  readonly ttl?: number;
  readonly identification?: number;
  /**
   * The word after the checksum: 0, the next-hop MTU for "fragmentation needed" (code 4), or a
   * redirect's gateway.
   */
  readonly rest?: number;
}

/** True when `a` names a single host: not 0/8, 127/8, multicast, class E or broadcast. */
const isSingleHost = (a: Ipv4Addr): boolean => {
  const first = a >>> 24;
  return first !== 0 && first !== 127 && first < 224;
};

/** The ICMP type of the datagram's payload, when it is ICMP and its first bytes are there. */
function icmpTypeOf(p: Ipv4Packet): number | undefined {
  if (p.protocol !== IPPROTO_ICMP) return undefined;
  if (p.payload.proto === 'icmp') return p.payload.type;
  if (p.payload.proto === 'raw') return p.payload.bytes[0];
  return undefined;
}

/** Whether the datagram carries an ICMP error (typed, or as the raw bytes of a first fragment). */
export function carriesIcmpError(p: Ipv4Packet): boolean {
  const type = icmpTypeOf(p);
  return type !== undefined && ERROR_TYPES.has(type);
}

/**
 * The IPv4 datagram carrying the error about `offending`, addressed to its source; or
 * undefined where RFC 1812 4.3.2.7 forbids sending one: the offending datagram is itself an
 * ICMP error, a fragment other than the first, sent to 255.255.255.255 or a multicast group,
 * or from an address that is not a single host. The two other cases of that list, a
 * link-layer broadcast and a subnet-directed broadcast, need knowledge of the receiving
 * interface: the caller checks them.
 */
export function icmpErrorFor(offending: Ipv4Packet, o: IcmpErrorOptions): Ipv4Packet | undefined {
  if (carriesIcmpError(offending)) return undefined;
  if (offending.fragmentOffset !== 0) return undefined;
  if (offending.dst >>> 28 >= 0xe) return undefined; // multicast, class E, 255.255.255.255
  if (!isSingleHost(offending.src)) return undefined;
  return {
    proto: 'ipv4',
    dst: offending.src,
    src: o.src,
    ttl: o.ttl ?? 255,
    protocol: IPPROTO_ICMP,
    payload: { proto: 'icmp', type: o.type, code: o.code, rest: o.rest ?? 0, original: offending },
    options: NO_OPTIONS,
    identification: o.identification ?? 0,
    dscp: 0,
    ecn: 0,
    dontFragment: false,
    moreFragments: false,
    fragmentOffset: 0,
  };
}

/**
 * `quoted` (an ICMP error's typed quote) with its transport header typed: a first fragment
 * carries the start of its message as raw bytes, and the echo or UDP header there names the
 * ping or traceroute it belongs to (its data is left out). Anything else is returned as it is.
 */
export function withTypedTransport(quoted: Ipv4Packet): Ipv4Packet {
  const p = quoted.payload;
  if (p.proto !== 'raw' || quoted.fragmentOffset !== 0) return quoted;
  const b = p.bytes;
  if (
    quoted.protocol === IPPROTO_ICMP &&
    b.length >= 8 &&
    (b[0] === ICMP_ECHO_REQUEST || b[0] === ICMP_ECHO_REPLY)
  ) {
    return {
      ...quoted,
      payload: {
        proto: 'icmp',
        type: b[0],
        code: b[1]!,
        identifier: readU16(b, 4),
        sequence: readU16(b, 6),
        data: new Uint8Array(0),
      },
    };
  }
  if (quoted.protocol === IPPROTO_UDP && b.length >= 8) {
    return {
      ...quoted,
      payload: { proto: 'udp', srcPort: readU16(b, 0), dstPort: readU16(b, 2), data: new Uint8Array(0) },
    };
  }
  return quoted;
}

/** What a sender matches a received ICMP error against. */
export interface IcmpQuote {
  readonly src: Ipv4Addr;
  readonly dst: Ipv4Addr;
  readonly protocol: number;
  readonly ttl: number;
  readonly identification: number;
  /** Present when the quoted datagram is an echo request or reply. */
  readonly echo?: { readonly type: number; readonly identifier: number; readonly sequence: number };
  /** Present when the quoted datagram is UDP. */
  readonly udp?: { readonly srcPort: number; readonly dstPort: number };
}

/** Reads `IcmpError.original`, typed (as the engine passes it) or bytes (as decoded). */
export function readQuote(original: Ipv4Packet | Uint8Array): Decoded<IcmpQuote> {
  if (!(original instanceof Uint8Array)) {
    const p = original;
    const base = {
      src: p.src,
      dst: p.dst,
      protocol: p.protocol,
      ttl: p.ttl,
      identification: p.identification,
    };
    if (p.payload.proto === 'icmp' && isIcmpEcho(p.payload)) {
      const { type, identifier, sequence } = p.payload;
      return decoded({ ...base, echo: { type, identifier, sequence } });
    }
    if (p.payload.proto === 'udp') {
      return decoded({ ...base, udp: { srcPort: p.payload.srcPort, dstPort: p.payload.dstPort } });
    }
    return decoded(base);
  }
  const b = original;
  if (b.length < IPV4_HEADER_LEN) return malformed(`icmp quote: ${b.length} bytes, an IPv4 header needs 20`);
  if (b[0]! >>> 4 !== 4) return malformed(`icmp quote: version ${b[0]! >>> 4}, expected 4`);
  const hlen = (b[0]! & 0x0f) * 4;
  if (hlen < IPV4_HEADER_LEN || hlen > b.length) {
    return malformed(`icmp quote: header length ${hlen} does not fit the ${b.length} bytes quoted`);
  }
  const protocol = b[9]!;
  const firstFragment = (readU16(b, 6) & 0x1fff) === 0;
  const base = {
    src: readIpv4(b, 12),
    dst: readIpv4(b, 16),
    protocol,
    ttl: b[8]!,
    identification: readU16(b, 4),
  };
  const type = b[hlen];
  if (firstFragment && protocol === IPPROTO_ICMP && b.length >= hlen + 8) {
    if (type === ICMP_ECHO_REQUEST || type === ICMP_ECHO_REPLY) {
      return decoded({
        ...base,
        echo: { type, identifier: readU16(b, hlen + 4), sequence: readU16(b, hlen + 6) },
      });
    }
  }
  if (firstFragment && protocol === IPPROTO_UDP && b.length >= hlen + 4) {
    return decoded({ ...base, udp: { srcPort: readU16(b, hlen), dstPort: readU16(b, hlen + 2) } });
  }
  return decoded(base);
}
