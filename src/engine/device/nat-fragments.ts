/**
 * The transport header in a datagram's first fragment, as network address translation reads
 * and rewrites it (what IOS's virtual fragment reassembly, `ip virtual-reassembly in`, lets it
 * do): the ports or echo identifier, and the checksum that covers the whole datagram, adjusted
 * for what changed rather than recomputed (RFC 1624; UDP and TCP checksums cover the
 * addresses through their pseudo-header, RFC 768 and RFC 9293 3.1, ICMP's does not).
 */
import { readU16, writeU16 } from '../wire/bytes.ts';
import type { Ipv4Packet } from '../wire/ipv4.ts';
import { IPPROTO_ICMP, IPPROTO_TCP, IPPROTO_UDP } from '../wire/ipv4.ts';

/** A checksum after one 16-bit word it covers went from `from` to `to` (RFC 1624 eqn. 3). */
function adjust(sum: number, from: number, to: number): number {
  let s = (~sum & 0xffff) + (~from & 0xffff) + (to & 0xffff);
  s = (s & 0xffff) + (s >>> 16);
  s = (s & 0xffff) + (s >>> 16);
  return ~s & 0xffff;
}

/** Where the checksum sits in the transport header, and the bytes a first fragment must hold. */
function layout(protocol: number): { readonly checksum: number; readonly need: number } | undefined {
  if (protocol === IPPROTO_UDP) return { checksum: 6, need: 8 };
  if (protocol === IPPROTO_TCP) return { checksum: 16, need: 18 };
  if (protocol === IPPROTO_ICMP) return { checksum: 2, need: 8 };
  return undefined;
}

/**
 * The ports a first fragment's flow is known by (an echo's identifier, twice), read from its
 * raw bytes; null when it carries none (another protocol, another ICMP type, too few bytes).
 */
export function firstFragmentPorts(pkt: Ipv4Packet): readonly [number, number] | null {
  const m = pkt.payload;
  const l = layout(pkt.protocol);
  if (pkt.fragmentOffset !== 0 || m.proto !== 'raw' || l === undefined || m.bytes.length < l.need)
    return null;
  const b = m.bytes;
  if (pkt.protocol !== IPPROTO_ICMP) return [readU16(b, 0), readU16(b, 2)];
  if (b[0] !== 0 && b[0] !== 8) return null;
  const id = readU16(b, 4);
  return [id, id];
}

/**
 * A first fragment's bytes with ports `srcPort` and `dstPort` (an echo: identifier `srcPort`)
 * for a datagram going from `src` to `dst` instead of from `pkt.src` to `pkt.dst`.
 */
export function rewriteFirstFragment(
  pkt: Ipv4Packet,
  src: number,
  dst: number,
  srcPort: number,
  dstPort: number,
): Uint8Array {
  const b = (pkt.payload as { readonly bytes: Uint8Array }).bytes.slice();
  const { checksum } = layout(pkt.protocol)!;
  let sum = readU16(b, checksum);
  // A UDP datagram sent without a checksum (0) keeps none.
  const summed = !(pkt.protocol === IPPROTO_UDP && sum === 0);
  const words: [number, number][] = [];
  if (pkt.protocol === IPPROTO_ICMP) {
    words.push([readU16(b, 4), srcPort]);
    writeU16(b, 4, srcPort);
  } else {
    words.push([readU16(b, 0), srcPort], [readU16(b, 2), dstPort]);
    writeU16(b, 0, srcPort);
    writeU16(b, 2, dstPort);
    for (const [from, to] of [
      [pkt.src, src],
      [pkt.dst, dst],
    ] as const)
      words.push([from >>> 16, to >>> 16], [from & 0xffff, to & 0xffff]);
  }
  if (!summed) return b;
  for (const [from, to] of words) sum = adjust(sum, from, to);
  // UDP sends a computed 0 as all ones (RFC 768).
  writeU16(b, checksum, pkt.protocol === IPPROTO_UDP && sum === 0 ? 0xffff : sum);
  return b;
}
