/**
 * Ping over IPv6 (ICMPv6 echo, RFC 4443 4.1-4.2): one echo request after the other, each
 * waiting for its reply, an ICMPv6 error about it, or its timeout, as ping.ts does for IPv4.
 * Windows sends 32 data bytes with identifier 1 and its machine-wide sequence; IOS a
 * 100-byte packet (IPv6 header and ICMPv6 header included) with the 0xABCD pattern, a fresh
 * identifier per run and sequences from 0.
 */
import type { Ipv6Addr } from '../../shared/ipv6.ts';
import type { Micros } from '../../shared/time.ts';
import { seconds } from '../../shared/time.ts';
import type { Ping6Options, Probe6Outcome, Probe6Result } from '../api.ts';
import type { Ipv6Stack, Probe6Client } from '../device/ipv6-stack.ts';
import type { L3Interface } from '../device/l3-interface.ts';
import type { EventTarget, Scheduler } from '../sim/scheduler.ts';
import type { Icmpv6Echo, Icmpv6Error } from '../wire/icmpv6.ts';
import type { Ipv6Packet } from '../wire/ipv6.ts';
import { iosPingData, windowsPingData } from '../wire/ping-data.ts';
import { withStop } from './job-stop.ts';

const EV_TIMEOUT = 1;
const EV_NEXT = 2;
/** IPv6 header and ICMPv6 echo header: what IOS's datagram size counts besides the data. */
const HEADERS = 48;

interface Progress {
  done: boolean;
  readonly target: Ipv6Addr;
  readonly results: Probe6Result[];
}

/** What a ping needs of its device besides the IPv6 stack. */
export interface Ping6Host {
  readonly stack: Ipv6Stack;
  readonly sched: Scheduler;
  randomInt(n: number): number;
  /** Windows: the next echo sequence number of the machine (shared with IPv4 pings). */
  nextEchoSequence(): number;
}

export class Ping6App implements Probe6Client, EventTarget {
  readonly job: Progress & { stop(): void };
  private readonly identifier: number;
  private readonly dataLen: number;
  private readonly windows: boolean;
  private sent = 0;
  private seq = 0;
  private sentAt = 0;
  private waiting = false;
  private stopped = false;
  private token = 0;

  constructor(
    private readonly host: Ping6Host,
    private readonly target: Ipv6Addr,
    private readonly options: Ping6Options,
    private readonly via: L3Interface | undefined,
  ) {
    const stack = host.stack;
    this.windows = stack.profile.os === 'windows';
    this.job = withStop({ done: false, target, results: [] as Probe6Result[] }, () => this.stop());
    let id = this.windows ? 1 : 1 + host.randomInt(0xfffe);
    while (stack.hasEchoClient(id)) id = (id % 0xffff) + 1;
    this.identifier = id;
    this.dataLen = options.sizeIsDatagram ? Math.max(0, options.size - HEADERS) : options.size;
    stack.registerEcho(id, this);
  }

  start(): void {
    this.sendNext();
  }

  stop(): void {
    if (this.stopped) return;
    this.stopped = true;
    this.job.done = true;
    this.waiting = false;
    this.token++;
    this.host.stack.unregisterEcho(this.identifier, this);
  }

  onEvent(code: number, _a: unknown, token: number): void {
    if (this.stopped || token !== this.token) return;
    if (code === EV_TIMEOUT) {
      if (this.waiting) this.finish({ kind: 'timeout' });
    } else this.sendNext();
  }

  onEchoReply6(packet: Ipv6Packet, echo: Icmpv6Echo): void {
    if (!this.waiting || echo.sequence !== this.seq) return;
    const now = this.host.sched.now;
    this.finish({
      kind: 'reply',
      from: packet.src,
      bytes: echo.data.length,
      rtt: (now - this.sentAt) as Micros,
      hopLimit: packet.hopLimit,
    });
  }

  onIcmpv6Error(packet: Ipv6Packet, error: Icmpv6Error, sequence: number): void {
    if (!this.waiting || sequence !== this.seq) return;
    const rtt = (this.host.sched.now - this.sentAt) as Micros;
    if (error.type === 3)
      this.finish({ kind: 'hop-limit-exceeded', from: packet.src, code: error.code, rtt });
    else this.finish({ kind: 'unreachable', from: packet.src, type: error.type, code: error.code, rtt });
  }

  onNeighborFailure(sequence: number): void {
    if (!this.waiting || sequence !== this.seq) return;
    // Windows reports it as its own "Destination host unreachable"; IOS lets the echo time out.
    if (this.windows) this.finish({ kind: 'unreachable', type: 1, code: 3 });
  }

  private sendNext(): void {
    if (this.sent >= this.options.count) {
      this.stop();
      return;
    }
    const stack = this.host.stack;
    const sched = this.host.sched;
    this.seq = this.windows ? this.host.nextEchoSequence() : this.sent;
    this.sent++;
    this.sentAt = sched.now;
    this.waiting = true;
    this.token++;
    const data = this.windows
      ? windowsPingData(this.dataLen)
      : iosPingData(this.dataLen, Math.floor(sched.now / 1000) >>> 0);
    const echo: Icmpv6Echo = {
      proto: 'icmpv6',
      type: 128,
      code: 0,
      identifier: this.identifier,
      sequence: this.seq,
      data,
    };
    const source = this.options.source;
    const status =
      source !== undefined && !stack.isOwn(source)
        ? 'no-address'
        : stack.send(this.target, echo, this.options.hopLimit, source, this.via);
    if (status !== 'ok' && this.windows) {
      this.finish({ kind: 'local-error', reason: status });
      return;
    }
    // IOS gives up at once when nothing routes there ("% No valid route for destination").
    if (status === 'no-route') {
      this.job.results.push({
        seq: this.sent - 1,
        at: sched.now as Micros,
        outcome: { kind: 'local-error', reason: status },
      });
      this.stop();
      return;
    }
    sched.atIn(Math.round(this.options.timeout), this, EV_TIMEOUT, null, this.token, 0);
  }

  private finish(outcome: Probe6Outcome): void {
    this.job.results.push({ seq: this.sent - 1, at: this.host.sched.now as Micros, outcome });
    this.waiting = false;
    this.token++;
    if (this.sent >= this.options.count) {
      this.stop();
      return;
    }
    const interval = this.options.interval ?? (this.windows ? seconds(1) : 0);
    this.host.sched.atIn(Math.round(interval), this, EV_NEXT, null, this.token, 0);
  }
}
