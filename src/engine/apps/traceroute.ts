/**
 * The traceroute application: probes with TTL 1, 2, 3... `probesPerHop` per TTL, one at a
 * time; each ends with a time exceeded from a router on the way, an answer from the target, an
 * unreachable, or its timeout.
 *
 * Windows tracert sends ICMP echo requests (64 zero data bytes) and stops at the hop where the
 * target replies, or at the first unreachable, with no more probes (it prints "reports:
 * Destination host unreachable." and ends). Cisco IOS sends UDP datagrams to ports 33434 and
 * up and stops, as BSD traceroute does, at the hop where the target answers port unreachable
 * or where all probes but one (at least one) came back unreachable.
 */

import type { Ipv4Addr } from '../../shared/ipv4.ts';
import type { Micros } from '../../shared/time.ts';
import type { ProbeOutcome, ProbeResult, TracerouteOptions } from '../api.ts';
import type { IpStack, ProbeClient, SendStatus } from '../device/ip-stack.ts';
import { SEND_NO_ADDRESS, SEND_OK } from '../device/ip-stack.ts';
import type { EventTarget } from '../sim/scheduler.ts';
import type { Timer } from '../sim/timer.ts';
import type { IcmpEcho, IcmpError } from '../wire/icmp.ts';
import type { Ipv4Packet } from '../wire/ipv4.ts';
import { withStop } from './job-stop.ts';
import { localFailure } from './local-failure.ts';

const EV_TIMEOUT = 1;
const EV_NEXT = 2;
/** First UDP destination port of a traceroute probe (RFC 1393 / van Jacobson traceroute). */
export const TRACEROUTE_BASE_PORT = 33434;
const WINDOWS_TRACERT_DATA = new Uint8Array(64);
const NO_DATA = new Uint8Array(0);

interface Hop {
  readonly ttl: number;
  readonly probes: ProbeResult[];
}

/** What the caller sees: plain data (it may cross a worker boundary), updated in place. */
interface TracerouteProgress {
  done: boolean;
  readonly target: Ipv4Addr;
  readonly hops: Hop[];
  reached: boolean;
}

export class TracerouteApp implements ProbeClient, EventTarget {
  readonly job: TracerouteProgress & { stop(): void };
  private ttl = 0;
  private probeInHop = 0;
  private probeCount = 0;
  private waiting = false;
  private token = 0;
  private readonly timeout: Timer;
  private sentAt = 0;
  /** ICMP probes: echo identifier and the sequence of the probe in flight. */
  private readonly identifier: number;
  private seq = 0;
  /** UDP probes: our source port and the destination port of the probe in flight. */
  private readonly srcPort: number;
  private dstPort = 0;

  constructor(
    private readonly stack: IpStack,
    private readonly target: Ipv4Addr,
    private readonly options: TracerouteOptions,
  ) {
    this.job = withStop({ done: false, target, hops: [], reached: false }, () => this.stop());
    this.ttl = (options.minTtl ?? 1) - 1;
    this.timeout = stack.timer(this, EV_TIMEOUT);
    if (options.probe === 'icmp') {
      let id = stack.profile.os === 'windows' ? 1 : 1 + stack.randomInt(0xfffe);
      while (stack.hasEchoClient(id)) id = (id % 0xffff) + 1;
      this.identifier = id;
      this.srcPort = 0;
      stack.registerEcho(id, this);
    } else {
      let port = 49152 + stack.randomInt(16384);
      while (stack.hasUdpClient(port)) port = port === 65535 ? 49152 : port + 1;
      this.srcPort = port;
      this.identifier = 0;
      stack.registerUdp(port, this);
    }
  }

  start(): void {
    this.sendNext();
  }

  stop(): void {
    if (this.job.done) return;
    this.job.done = true;
    this.waiting = false;
    this.token++;
    this.timeout.cancel();
    if (this.options.probe === 'icmp') this.stack.unregisterEcho(this.identifier, this);
    else this.stack.unregisterUdp(this.srcPort, this);
  }

  onEvent(code: number, _a: unknown, token: number): void {
    if (this.job.done) return;
    if (code === EV_TIMEOUT) {
      if (this.waiting && token === this.token) this.finish({ kind: 'timeout' });
    } else if (token === this.token) this.sendNext();
  }

  onEchoReply(packet: Ipv4Packet, echo: IcmpEcho): void {
    if (!this.waiting || echo.sequence !== this.seq) return;
    if (packet.src === this.target) this.job.reached = true;
    this.finish({
      kind: 'reply',
      from: packet.src,
      bytes: echo.data.length,
      rtt: this.rtt(),
      ttl: packet.ttl,
    });
  }

  onIcmpError(packet: Ipv4Packet, error: IcmpError, quoted: Ipv4Packet): void {
    if (!this.waiting || !this.isCurrent(quoted)) return;
    if (error.type === 11) {
      this.finish({ kind: 'ttl-exceeded', from: packet.src, code: error.code, rtt: this.rtt() });
      return;
    }
    if (error.code === 3 && packet.src === this.target) this.job.reached = true;
    this.finish({ kind: 'unreachable', from: packet.src, code: error.code, rtt: this.rtt() });
  }

  onArpFailure(quoted: Ipv4Packet): void {
    if (!this.waiting || !this.isCurrent(quoted)) return;
    this.finish({ kind: 'unreachable', from: quoted.src, code: 1 });
  }

  private isCurrent(quoted: Ipv4Packet): boolean {
    const p = quoted.payload;
    if (p.proto === 'udp') return p.dstPort === this.dstPort;
    return p.proto === 'icmp' && (p as IcmpEcho).sequence === this.seq;
  }

  private rtt(): Micros {
    return (this.stack.now - this.sentAt) as Micros;
  }

  private sendNext(): void {
    const o = this.options;
    if (this.probeInHop === 0) {
      this.ttl++;
      if (this.ttl > o.maxTtl) {
        this.stop();
        return;
      }
      this.job.hops.push({ ttl: this.ttl, probes: [] });
    }
    this.probeInHop++;
    this.probeCount++;
    this.sentAt = this.stack.now;
    this.waiting = true;
    this.token++;
    let status: SendStatus;
    const source = o.source;
    if (source !== undefined && !this.stack.isOwn(source)) status = SEND_NO_ADDRESS;
    else if (o.probe === 'icmp') {
      this.seq = this.stack.profile.os === 'windows' ? this.stack.nextEchoSequence() : this.probeCount;
      status = this.stack.sendEcho(
        this.target,
        this.identifier,
        this.seq,
        this.ttl,
        WINDOWS_TRACERT_DATA,
        source,
      );
    } else {
      this.dstPort = ((o.port ?? TRACEROUTE_BASE_PORT) + this.probeCount - 1) & 0xffff;
      status = this.stack.sendUdp(this.target, this.srcPort, this.dstPort, this.ttl, NO_DATA, source);
    }
    if (status !== SEND_OK && !this.stack.profile.localErrorsWait) {
      this.finish(localFailure(status));
      return;
    }
    this.timeout.set(this.sentAt + o.timeout, null, this.token);
  }

  private finish(outcome: ProbeOutcome): void {
    this.waiting = false;
    this.token++;
    // The next probe sets it again; `stop` removes it for good.
    this.timeout.disarm();
    const hops = this.job.hops;
    const hop = hops[hops.length - 1]!;
    hop.probes.push({ seq: this.probeCount - 1, at: this.stack.now as Micros, outcome });
    if (outcome.kind === 'local-error' || (outcome.kind === 'unreachable' && this.options.probe === 'icmp')) {
      this.stop();
      return;
    }
    if (this.probeInHop >= this.options.probesPerHop) {
      this.probeInHop = 0;
      if (this.hopEnds(hop)) {
        this.stop();
        return;
      }
    }
    this.stack.scheduleIn(0, this, EV_NEXT, this.token);
  }

  /**
   * Whether the trace ends with the hop whose last probe just ended: it reached the target, or
   * a probe came back unreachable, as IOS's traceroute stops (its source sets "got there" for
   * any U, A, N, H or P); `finish` ends an ICMP trace at its first unreachable.
   */
  private hopEnds(hop: Hop): boolean {
    return this.job.reached || hop.probes.some((p) => p.outcome.kind === 'unreachable');
  }
}
