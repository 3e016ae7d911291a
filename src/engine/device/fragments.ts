/**
 * IPv4 fragmentation and reassembly (RFC 791 section 2.3 and 3.2, RFC 815, RFC 1122 3.3.2).
 *
 * A datagram larger than its interface's MTU leaves in fragments: the upper-layer message is
 * encoded (its checksum covers the whole message) and cut into pieces of the largest multiple
 * of 8 bytes that fits, each with the datagram's header, its offset in 8-byte units and More
 * Fragments on all but the last. Every link here is Ethernet with the same MTU, so only the
 * sender ever fragments; routers forward fragments as any datagram.
 *
 * The destination puts them back together, keyed by source, destination, protocol and
 * identification, and delivers the whole datagram once every byte has come. A datagram whose
 * fragments stop coming is forgotten after the reassembly timeout, and when its first fragment
 * had come, its source is told with an ICMP time exceeded, code 1 (RFC 792; RFC 1122 3.3.2:
 * only the first fragment says which datagram it was).
 */
import type { Ipv4Addr } from '../../shared/ipv4.ts';
import type { EventTarget } from '../sim/scheduler.ts';
import type { Timer } from '../sim/timer.ts';
import { decodeIcmp } from '../wire/icmp.ts';
import type { Ipv4Packet, Ipv4Payload } from '../wire/ipv4.ts';
import {
  encodeIpv4,
  IPPROTO_ICMP,
  IPPROTO_TCP,
  IPPROTO_UDP,
  IPV4_HEADER_LEN,
  ipv4HeaderLen,
  ipv4PayloadLen,
  NO_OPTIONS,
} from '../wire/ipv4.ts';
import { decodeTcp } from '../wire/tcp.ts';
import { decodeUdp } from '../wire/udp.ts';

/** Ethernet's MTU: the largest datagram a frame carries. */
export const ETHERNET_MTU = 1500;

/** The datagram cut into fragments of at most `mtu` bytes each. */
export function fragment(p: Ipv4Packet, mtu: number): Ipv4Packet[] {
  const bytes = encodeIpv4(p);
  const hlen = ipv4HeaderLen(p);
  const body = bytes.subarray(hlen);
  const piece = Math.floor((mtu - hlen) / 8) * 8;
  const out: Ipv4Packet[] = [];
  for (let at = 0; at < body.length; at += piece) {
    const last = at + piece >= body.length;
    out.push({
      proto: 'ipv4',
      dst: p.dst,
      src: p.src,
      ttl: p.ttl,
      protocol: p.protocol,
      payload: { proto: 'raw', bytes: body.slice(at, Math.min(at + piece, body.length)) },
      // No option of ours asks to be copied into every fragment: they stay in the first.
      options: at === 0 ? p.options : NO_OPTIONS,
      identification: p.identification,
      dscp: p.dscp,
      ecn: p.ecn,
      dontFragment: false,
      moreFragments: !last,
      fragmentOffset: at / 8,
    });
  }
  return out;
}

export const isFragment = (p: Ipv4Packet): boolean => p.moreFragments || p.fragmentOffset !== 0;

/** Whether a datagram (without options) around `payload` is larger than Ethernet's MTU. */
export const exceedsMtu = (payload: Ipv4Payload): boolean =>
  IPV4_HEADER_LEN + ipv4PayloadLen(payload) > ETHERNET_MTU;

interface Pending {
  /** When its first fragment came. */
  readonly since: number;
  /** Pieces by byte offset. */
  readonly pieces: Map<number, Uint8Array>;
  /** The datagram's length without its header, once the last fragment came; -1 before. */
  total: number;
  /** The first fragment (offset 0), whose header and options the whole datagram takes. */
  first: Ipv4Packet | null;
}

/** Datagrams waiting for more fragments, at most this many (the oldest goes first). */
const MAX_PENDING = 64;

/** The IP stack a reassembly works for. */
export interface ReassemblyHost {
  readonly now: number;
  timer(target: EventTarget, code: number): Timer;
  /** The datagram whose first fragment is `first` timed out before its other fragments came. */
  reassemblyTimedOut(first: Ipv4Packet): void;
}

export class Reassembly implements EventTarget {
  private readonly pending = new Map<string, Pending>();
  /** Due when the oldest pending datagram times out. */
  private readonly timer: Timer;

  /** RFC 1122 3.3.2 asks for 60 to 120 s; `timeout` in microseconds. */
  constructor(
    private readonly timeout: number,
    private readonly host: ReassemblyHost,
  ) {
    this.timer = host.timer(this, 0);
  }

  /** Takes fragment `p` in: the whole datagram when it completes one, else null. */
  add(p: Ipv4Packet): Ipv4Packet | null {
    const now = this.host.now;
    this.expire(now);
    const key = `${p.src} ${p.dst} ${p.protocol} ${p.identification}`;
    let d = this.pending.get(key);
    if (d === undefined) {
      if (this.pending.size >= MAX_PENDING) this.pending.delete(this.pending.keys().next().value!);
      d = { since: now, pieces: new Map(), total: -1, first: null };
      this.pending.set(key, d);
    }
    const bytes = p.payload.proto === 'raw' ? p.payload.bytes : new Uint8Array(0);
    const at = p.fragmentOffset * 8;
    d.pieces.set(at, bytes);
    if (at === 0) d.first = p;
    if (!p.moreFragments) d.total = at + bytes.length;
    const whole = complete(d);
    if (whole !== null) this.pending.delete(key);
    this.arm();
    return whole;
  }

  onEvent(): void {
    this.expire(this.host.now);
    this.arm();
  }

  /** Forgets the datagrams that have waited `timeout` (oldest first, as the Map keeps them). */
  private expire(now: number): void {
    for (const [key, d] of this.pending) {
      if (now - d.since < this.timeout) break;
      this.pending.delete(key);
      if (d.first !== null) this.host.reassemblyTimedOut(d.first);
    }
  }

  private arm(): void {
    const oldest = this.pending.values().next();
    if (oldest.done === true) this.timer.disarm();
    else this.timer.set(oldest.value.since + this.timeout, null, 0);
  }
}

/** The datagram `d` holds when every byte of it has come, else null. */
function complete(d: Pending): Ipv4Packet | null {
  if (d.total < 0 || d.first === null) return null;
  const body = new Uint8Array(d.total);
  let filled = 0;
  for (const at of [...d.pieces.keys()].sort((x, y) => x - y)) {
    if (at > filled) return null;
    const piece = d.pieces.get(at)!;
    const end = Math.min(at + piece.length, d.total);
    if (end > filled) {
      body.set(piece.subarray(filled - at, end - at), filled);
      filled = end;
    }
  }
  if (filled < d.total) return null;
  const f = d.first;
  return {
    proto: 'ipv4',
    dst: f.dst,
    src: f.src,
    ttl: f.ttl,
    protocol: f.protocol,
    payload: upperLayer(f.protocol, body, f.src, f.dst),
    options: f.options,
    identification: f.identification,
    dscp: f.dscp,
    ecn: f.ecn,
    dontFragment: f.dontFragment,
    moreFragments: false,
    fragmentOffset: 0,
  };
}

/** The message a reassembled datagram carries, as the wire decoder reads it (raw when it cannot). */
function upperLayer(protocol: number, body: Uint8Array, src: Ipv4Addr, dst: Ipv4Addr): Ipv4Payload {
  if (protocol === IPPROTO_ICMP) {
    const m = decodeIcmp(body);
    if (m.ok) return m.value;
  } else if (protocol === IPPROTO_UDP) {
    const u = decodeUdp(body, src, dst);
    if (u.ok) return u.value;
  } else if (protocol === IPPROTO_TCP) {
    const t = decodeTcp(body, src, dst);
    if (t.ok) return t.value;
  }
  return { proto: 'raw', bytes: body };
}
