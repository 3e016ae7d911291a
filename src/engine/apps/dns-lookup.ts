/**
 * A DNS lookup (RFC 1035 7, RFC 1123 6.1.3.3): queries over UDP to the servers in turn, each
 * waited for as the asking program's schedule says, until one answers, an ICMP error says none
 * listens there, or the schedule runs out.
 *
 * - Windows' DNS Client (the resolver ping and tracert use) asks the first server, then every
 *   server 1, 2, 4 and 8 s after, and gives up 2 s after the last (10 s in all: its documented
 *   timeouts); a random query identifier, kept for the retransmissions, from a random port of
 *   49152-65535.
 * - nslookup.exe asks one server twice, 2 s each ("timeout was 2 seconds", retry=1), with
 *   query identifiers counting from 1 for the whole run of the program.
 * - IOS asks each name server in turn, 3 tries of 3 s each (`ip domain timeout 3`, `ip domain
 *   retry 2`); without name servers, 255.255.255.255 on every interface.
 *
 * An answer is taken from the port and identifier the query used, from a server asked (any
 * one for a broadcast query), whatever its RCODE: NXDOMAIN ends the lookup as much as an
 * address does. The resolver's answers go to its cache (dns-cache.ts) for their TTL.
 */

import type { Ipv4Addr } from '../../shared/ipv4.ts';
import type { Micros } from '../../shared/time.ts';
import { seconds } from '../../shared/time.ts';
import type { DnsAnswerRecord, DnsFailedTry, DnsLookupRequest, DnsLookupResult } from '../api.ts';
import type { DnsCache } from '../device/dns-cache.ts';
import type { IpStack, ProbeClient, UdpListener } from '../device/ip-stack.ts';
import { SEND_OK } from '../device/ip-stack.ts';
import type { L3Interface } from '../device/l3-interface.ts';
import type { EventTarget } from '../sim/scheduler.ts';
import type { Timer } from '../sim/timer.ts';
import type { DnsMessage, DnsRecord } from '../wire/dns.ts';
import { DNS_PORT, decodeDns, dnsNameError, dnsQuery, encodeDns, sameName } from '../wire/dns.ts';
import type { IcmpError } from '../wire/icmp.ts';
import type { Ipv4Packet } from '../wire/ipv4.ts';
import type { UdpDatagram } from '../wire/udp.ts';
import { withStop } from './job-stop.ts';

const EV_TIMEOUT = 1;
/** A try that could not be sent: the next one follows at once, as an event of its own. */
const EV_NEXT = 2;
const IPV4_BROADCAST = 0xffff_ffff as Ipv4Addr;
const EPHEMERAL_FIRST = 49152;
const EPHEMERAL_COUNT = 65536 - EPHEMERAL_FIRST;

/** One query of a schedule: to the first server, every server, or server number `server`. */
interface Try {
  readonly to: 'first' | 'all' | number;
  readonly wait: Micros;
}

/** Windows' DNS client resolution timeouts: queries at 0, 1, 2, 4 and 8 s, given up at 10 s. */
const WINDOWS_RESOLVER: readonly Try[] = [
  { to: 'first', wait: seconds(1) },
  ...[1, 2, 4, 2].map((s) => ({ to: 'all' as const, wait: seconds(s) })),
];
const NSLOOKUP: readonly Try[] = [
  { to: 'first', wait: seconds(2) },
  { to: 'first', wait: seconds(2) },
];
const IOS_TRIES = 3;
const IOS_WAIT = seconds(3);

function schedule(os: 'windows' | 'ios', app: DnsLookupRequest['app'], servers: number): readonly Try[] {
  if (app === 'nslookup') return NSLOOKUP;
  if (os === 'windows') return WINDOWS_RESOLVER;
  const tries: Try[] = [];
  for (let s = 0; s < Math.max(1, servers); s++)
    for (let k = 0; k < IOS_TRIES; k++) tries.push({ to: s, wait: IOS_WAIT });
  return tries;
}

/** What the caller sees, updated in place: plain data, as a ping's. */
interface LookupProgress {
  done: boolean;
  readonly failed: DnsFailedTry[];
  result: DnsLookupResult | undefined;
}

export class DnsLookupApp implements UdpListener, ProbeClient, EventTarget {
  readonly unaddressed = false;
  readonly job: LookupProgress & { stop(): void };
  private readonly servers: readonly Ipv4Addr[];
  private readonly tries: readonly Try[];
  private readonly timeout: Timer;
  private step = -1;
  /** The servers the current try asked. */
  private asked: readonly Ipv4Addr[] = [];
  /** How many of them answered with an ICMP error. */
  private refused = 0;
  private port = 0;
  private id = 0;
  private token = 0;

  constructor(
    private readonly stack: IpStack,
    private readonly request: DnsLookupRequest,
    private readonly cache: DnsCache | null,
  ) {
    this.job = withStop({ done: false, failed: [], result: undefined }, () => this.finish(undefined));
    const os = stack.profile.os === 'windows' ? 'windows' : 'ios';
    this.servers =
      request.servers.length === 0 && os === 'ios' && request.app === 'resolver'
        ? [IPV4_BROADCAST]
        : request.servers;
    this.tries = schedule(os, request.app, this.servers.length).slice(
      0,
      request.tries ?? Number.POSITIVE_INFINITY,
    );
    this.timeout = stack.timer(this, EV_TIMEOUT);
    this.id = request.queryId ?? stack.randomInt(0x10000);
  }

  start(): void {
    const cached = this.cache?.get(this.request.name, this.request.type, this.stack.now);
    if (cached !== undefined) {
      this.finish({ ...cached, cached: true });
      return;
    }
    if (this.servers.length === 0) {
      this.finish({ outcome: 'no-server', records: [] });
      return;
    }
    if (dnsNameError(this.request.name) !== undefined) {
      this.finish({ outcome: 'bad-name', records: [] });
      return;
    }
    let port = EPHEMERAL_FIRST + this.stack.randomInt(EPHEMERAL_COUNT);
    while (this.stack.hasUdpClient(port)) port = port === 65535 ? EPHEMERAL_FIRST : port + 1;
    this.port = port;
    this.stack.registerUdp(port, this);
    this.stack.listenUdp(port, this);
    this.next();
  }

  stop(): void {
    this.finish(undefined);
  }

  private next(): void {
    this.step++;
    const t = this.tries[this.step];
    if (t === undefined) {
      this.finish({ outcome: 'timeout', records: [] });
      return;
    }
    this.token++;
    this.refused = 0;
    this.asked =
      t.to === 'first' ? this.servers.slice(0, 1) : t.to === 'all' ? this.servers : [this.servers[t.to]!];
    // nslookup numbers each query it sends; the resolvers keep one identifier for the lookup.
    if (this.request.app === 'nslookup' && this.step > 0) this.id = (this.id + 1) & 0xffff;
    const data = encodeDns(dnsQuery(this.id, this.request.name, this.request.type));
    let sent = false;
    for (const server of this.asked) {
      sent =
        this.stack.sendUdp(server, this.port, DNS_PORT, this.stack.profile.ttl, data) === SEND_OK || sent;
    }
    // Nowhere to send it (no route, no address): the try fails at once.
    if (!sent) {
      for (const server of this.asked) this.job.failed.push({ server, why: 'unreachable' });
      this.stack.scheduleIn(0, this, EV_NEXT, this.token);
      return;
    }
    this.timeout.set(this.stack.now + t.wait, null, this.token);
  }

  onEvent(code: number, _a: unknown, token: number): void {
    if (this.job.done || token !== this.token) return;
    if (code === EV_TIMEOUT)
      for (const server of this.asked) this.job.failed.push({ server, why: 'timeout' });
    this.next();
  }

  onUdp(_iface: L3Interface, pkt: Ipv4Packet, d: UdpDatagram): void {
    if (this.job.done || d.srcPort !== DNS_PORT) return;
    if (!this.asked.includes(pkt.src) && !this.asked.includes(IPV4_BROADCAST)) return;
    const m = decodeDns(d.data);
    if (!m.ok || !m.value.response || m.value.id !== this.id) return;
    const result = this.resultOf(pkt.src, m.value);
    this.cache?.put(this.request.name, this.request.type, result, m.value, this.stack.now);
    this.finish(result);
  }

  onIcmpError(_packet: Ipv4Packet, _error: IcmpError, quoted: Ipv4Packet): void {
    if (this.job.done || !this.asked.includes(quoted.dst)) return;
    this.job.failed.push({ server: quoted.dst, why: 'unreachable' });
    this.refused++;
    // Every server of the try refused: on to the next try without waiting it out.
    if (this.refused === this.asked.length) {
      this.timeout.disarm();
      this.next();
    }
  }

  onEchoReply(): void {
    // Not an echo's client: its port only hears UDP and ICMP errors about its queries.
  }

  onArpFailure(): void {
    // The query simply goes unanswered: the try times out.
  }

  private resultOf(server: Ipv4Addr, m: DnsMessage): DnsLookupResult {
    return {
      outcome: 'answer',
      server,
      rcode: m.rcode,
      authoritative: m.authoritative,
      records: m.answers.filter((r) => r.class === 1).map(answerRecord),
    };
  }

  private finish(result: DnsLookupResult | undefined): void {
    if (this.job.done) return;
    this.job.result = result ?? { outcome: 'timeout', records: [] };
    this.job.done = true;
    this.token++;
    this.timeout.cancel();
    if (this.port !== 0) {
      this.stack.unregisterUdp(this.port, this);
      this.stack.listenUdp(this.port, null);
    }
  }
}

function answerRecord(r: DnsRecord): DnsAnswerRecord {
  const base = { name: r.name, type: r.type, ttl: r.ttl };
  if (r.data.kind === 'a') return { ...base, address: r.data.address };
  if (r.data.kind === 'name') return { ...base, target: r.data.name };
  return base;
}

/**
 * The addresses `records` give `name`, following its CNAMEs (at most 8, as resolvers bound
 * them), and the name they end at.
 */
export function addressesOf(
  name: string,
  records: readonly DnsAnswerRecord[],
): { readonly canonical: string; readonly addresses: readonly Ipv4Addr[] } {
  let canonical = name;
  for (let hops = 0; hops < 8; hops++) {
    const alias = records.find((r) => r.target !== undefined && r.type === 5 && sameName(r.name, canonical));
    if (alias === undefined) break;
    canonical = alias.target!;
  }
  const addresses = records
    .filter((r) => r.address !== undefined && sameName(r.name, canonical))
    .map((r) => r.address!);
  return { canonical, addresses };
}
