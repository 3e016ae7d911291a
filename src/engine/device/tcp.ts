/**
 * The TCP endpoints of one IP stack (RFC 9293): its listening ports, its connections found by
 * their four numbers, and the answer to a segment for neither (3.10.7.1: a reset, unless the
 * stack's firewall drops it). Connections made by a listening port wait in a queue until an
 * application takes them, as accept() does.
 */
import type { TcpAdmission } from '../api.ts';
import { tcpSegment } from '../packets.ts';
import type { EventTarget } from '../sim/scheduler.ts';
import type { Timer } from '../sim/timer.ts';
import type { IcmpError } from '../wire/icmp.ts';
import type { Ipv4Packet } from '../wire/ipv4.ts';
import type { TcpSegment } from '../wire/tcp.ts';
import { TCP_ACK, TCP_FIN, TCP_RST, TCP_SYN } from '../wire/tcp.ts';
import { ETHERNET_MSS, TcpConnection, type TcpHost } from './tcp-connection.ts';
import type { TcpProfile } from './tcp-profile.ts';

/** What the TCP layer needs of its IP stack. */
export interface TcpStack {
  readonly now: number;
  randomInt(n: number): number;
  timer(target: EventTarget, code: number): Timer;
  /** The address a datagram to `dst` would leave from; undefined when it cannot leave. */
  sourceFor(dst: number): number | undefined;
  /** Whether `dst` is on one of its links (or its own), rather than beyond a gateway. */
  onLink(dst: number): boolean;
  /** Sends `seg` from `src` to `dst`; false when it could not leave. */
  sendTcp(src: number, dst: number, seg: TcpSegment, dontFragment: boolean): boolean;
  /** A listening port completed a connection, which waits to be taken. */
  acceptReady(): void;
}

const NO_DATA = new Uint8Array(0);

const keyOf = (localPort: number, remoteAddr: number, remotePort: number): string =>
  `${localPort}/${remoteAddr}/${remotePort}`;

export class TcpLayer implements TcpHost {
  /** Listening ports, each with what decides which connections it takes (null: all). */
  private readonly listening = new Map<number, TcpAdmission | null>();
  private readonly connections = new Map<string, TcpConnection>();
  private readonly accepts: TcpConnection[] = [];
  /** The next ephemeral port to try, drawn at the first connection: listening draws nothing. */
  private nextPort = -1;

  constructor(
    private readonly stack: TcpStack,
    readonly profile: TcpProfile,
  ) {}

  get now(): number {
    return this.stack.now;
  }

  timer(target: EventTarget, code: number): Timer {
    return this.stack.timer(target, code);
  }

  /** Starts or stops taking connections on `port` (those already made go on). */
  listen(port: number, on: boolean, admits?: TcpAdmission): void {
    if (on) this.listening.set(port, admits ?? null);
    else this.listening.delete(port);
  }

  /** Opens a connection to `dst`:`port`; it may fail at once (no route: `failure` says so). */
  connect(dst: number, port: number): TcpConnection {
    const src = this.stack.sourceFor(dst);
    const local = this.freePort(dst, port);
    const c = new TcpConnection(this, src ?? 0, local, dst, port, this.isn(), 'syn-sent');
    this.connections.set(keyOf(local, dst, port), c);
    if (src === undefined) {
      c.unreachable(true);
      return c;
    }
    c.open();
    return c;
  }

  /** The connections listening ports made since the last call, oldest first. */
  takeAccepted(): TcpConnection[] {
    return this.accepts.splice(0);
  }

  /** The device restarted or went away: every connection ends, and no segment says so. */
  reset(): void {
    for (const c of [...this.connections.values()]) c.halt();
    this.connections.clear();
    this.accepts.length = 0;
  }

  receive(pkt: Ipv4Packet, seg: TcpSegment): boolean {
    if (seg.badChecksum !== undefined) return false;
    const c = this.connections.get(keyOf(seg.dstPort, pkt.src, seg.srcPort));
    if (c !== undefined && c.localAddr === pkt.dst) {
      c.receive(seg);
      return true;
    }
    if (seg.flags & TCP_RST) return false;
    const admits =
      seg.flags & TCP_SYN && !(seg.flags & TCP_ACK) ? this.listening.get(seg.dstPort) : undefined;
    if (admits === null || admits?.(pkt.src, seg.srcPort, pkt.dst) === true) {
      const passive = new TcpConnection(
        this,
        pkt.dst,
        seg.dstPort,
        pkt.src,
        seg.srcPort,
        this.isn(),
        'syn-received',
      );
      this.connections.set(keyOf(seg.dstPort, pkt.src, seg.srcPort), passive);
      passive.answer(seg);
      return true;
    }
    if (this.profile.resetsClosedPorts) this.sendReset(pkt, seg);
    return false;
  }

  /** An ICMP error about a segment it sent (`quoted`, of which only the ports may be known). */
  icmpError(quoted: Ipv4Packet, error: IcmpError | null): void {
    const p = quoted.payload;
    if (p.proto !== 'tcp' && p.proto !== 'raw') return;
    const ports: [number, number] | undefined = p.proto === 'tcp' ? [p.srcPort, p.dstPort] : portsOf(p.bytes);
    if (ports === undefined) return;
    const c = this.connections.get(keyOf(ports[0], quoted.dst, ports[1]));
    // RFC 1122 4.2.3.9: net and host unreachable (and time exceeded) are soft errors; protocol
    // and port unreachable, or an administrative block (RFC 1812), end the attempt.
    const hard =
      error !== null && error.type === 3 && (error.code === 2 || error.code === 3 || error.code >= 9);
    c?.unreachable(hard);
  }

  // ---- TcpHost -------------------------------------------------------------------------

  mssFor(c: TcpConnection): number {
    const remote = this.profile.remoteMss;
    return remote === null || this.stack.onLink(c.remoteAddr) ? ETHERNET_MSS : remote;
  }

  sendSegment(c: TcpConnection, flags: number, seq: number, data: Uint8Array, options: Uint8Array): boolean {
    const seg = tcpSegment(
      c.localPort,
      c.remotePort,
      seq,
      c.ackNumber(flags),
      flags,
      this.profile.window,
      options,
      data,
    );
    return this.stack.sendTcp(c.localAddr, c.remoteAddr, seg, this.profile.dontFragment);
  }

  forget(c: TcpConnection): void {
    const key = keyOf(c.localPort, c.remoteAddr, c.remotePort);
    if (this.connections.get(key) === c) this.connections.delete(key);
    const i = this.accepts.indexOf(c);
    if (i >= 0) this.accepts.splice(i, 1);
  }

  accepted(c: TcpConnection): void {
    this.accepts.push(c);
    this.stack.acceptReady();
  }

  // ---- private -------------------------------------------------------------------------

  /** An initial sequence number: random, as RFC 6528 asks, from the simulation's seed. */
  private isn(): number {
    return (this.stack.randomInt(0x10000) * 0x10000 + this.stack.randomInt(0x10000)) >>> 0;
  }

  /** The next port of the profile's range that no connection to `dst`:`port` uses. */
  private freePort(dst: number, port: number): number {
    const { ephemeralFirst: first, ephemeralLast: last } = this.profile;
    if (this.nextPort < 0) this.nextPort = first + this.stack.randomInt(last - first + 1);
    for (;;) {
      const p = this.nextPort;
      this.nextPort = p >= last ? first : p + 1;
      if (!this.connections.has(keyOf(p, dst, port)) && !this.listening.has(p)) return p;
    }
  }

  /** RFC 9293 3.10.7.1: the reset a segment for no connection gets. */
  private sendReset(pkt: Ipv4Packet, seg: TcpSegment): void {
    const hasAck = (seg.flags & TCP_ACK) !== 0;
    const len = seg.data.length + (seg.flags & TCP_SYN ? 1 : 0) + (seg.flags & TCP_FIN ? 1 : 0);
    const rst = tcpSegment(
      seg.dstPort,
      seg.srcPort,
      hasAck ? seg.ack : 0,
      hasAck ? 0 : (seg.seq + len) >>> 0,
      hasAck ? TCP_RST : TCP_RST | TCP_ACK,
      0,
      NO_DATA,
      NO_DATA,
    );
    this.stack.sendTcp(pkt.dst, pkt.src, rst, this.profile.dontFragment);
  }
}

/** The ports at the start of a quoted TCP header (an ICMP error quotes at least 8 bytes). */
function portsOf(b: Uint8Array): [number, number] | undefined {
  if (b.length < 4) return undefined;
  return [(b[0]! << 8) | b[1]!, (b[2]! << 8) | b[3]!];
}
