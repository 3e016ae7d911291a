/**
 * IOS ping and traceroute: the engine sends the probes and the console prints their outcomes
 * as they come (running.ts), the IOS way ("!!!!!", "U.U.U", "Success rate is 80 percent
 * (4/5)...", "  1 10.0.0.2 0 msec 0 msec 0 msec").
 */
import type { ProbeResult } from '../../engine/api.ts';
import { broadcastOf, formatIpv4, type Ipv4Addr } from '../../shared/ipv4.ts';
import { type Micros, seconds } from '../../shared/time.ts';
import { linesText, type Running, runningProbe, type TraceStep, traceSteps } from '../running.ts';
import type { IosEnv } from './env.ts';
import type { NamedTarget } from './resolve-name.ts';
import { millis } from './show/format.ts';

export interface IosPingOptions {
  readonly count: number;
  readonly size: number;
  readonly timeoutSeconds: number;
  readonly source?: Ipv4Addr;
  /** `df-bit`: echoes larger than the MTU time out rather than leave in fragments. */
  readonly dontFragment?: boolean;
}

export const DEFAULT_PING: IosPingOptions = { count: 5, size: 100, timeoutSeconds: 2 };

export interface IosTracerouteOptions {
  readonly probes: number;
  readonly timeoutSeconds: number;
  readonly minTtl: number;
  readonly maxTtl: number;
  /** The first probe's UDP destination port. */
  readonly port: number;
  readonly source?: Ipv4Addr;
}

export const DEFAULT_TRACEROUTE: IosTracerouteOptions = {
  probes: 3,
  timeoutSeconds: 3,
  minTtl: 1,
  maxTtl: 30,
  port: 33434,
};

/** What a `source` option named: one of the device's addresses, or one of its interfaces. */
export type SourceSpec = { readonly address: Ipv4Addr } | { readonly iface: string };

/**
 * The source address `spec` stands for, or undefined after IOS's refusal: an address must be
 * on one of the device's interfaces that are up, an interface must be up and addressed.
 */
export function resolveSource(env: IosEnv, spec: SourceSpec): Ipv4Addr | undefined {
  const dev = env.device!;
  const up = dev.sim.interfaces(dev.id).filter((i) => i.protocol === 'up' && i.ip !== undefined);
  if ('address' in spec) {
    if (up.some((i) => i.ip!.addr === spec.address)) return spec.address;
    env.print('% Invalid source address- IP address not on any of our up interfaces');
    return undefined;
  }
  const found = up.find((i) => i.name === spec.iface);
  if (found !== undefined) return found.ip!.addr;
  env.print('% Invalid source interface - IP not enabled or interface is down');
  return undefined;
}

function mark(r: ProbeResult): string {
  switch (r.outcome.kind) {
    case 'reply':
      return '!';
    case 'unreachable':
      return 'U';
    case 'ttl-exceeded':
      return '&';
    default:
      return '.';
  }
}

/**
 * Whether any number of devices may answer: the limited broadcast, the directed broadcast of
 * one of the device's subnets, or a multicast group.
 */
function isBroadcast(env: IosEnv, target: Ipv4Addr): boolean {
  if (target === 0xffffffff || isMulticast(target)) return true;
  const dev = env.device!;
  return dev.sim
    .interfaces(dev.id)
    .some((i) => i.ip !== undefined && i.ip.len < 31 && broadcastOf(i.ip.addr, i.ip.len) === target);
}

/** A class D address: IOS pings a group once unless told how many times. */
export const isMulticast = (addr: Ipv4Addr): boolean => addr >>> 28 === 0xe;

/**
 * A ping to a broadcast address or a group waits out every echo's timeout and prints each reply on a line
 * of its own, "Reply to request 0 from 10.0.0.2, 1 ms", a "." for an echo nobody answered, and
 * no success rate.
 */
function broadcastItem(r: ProbeResult): string {
  const o = r.outcome;
  return o.kind === 'reply'
    ? `\nReply to request ${r.seq} from ${formatIpv4(o.from)}, ${millis(o.rtt)} ms`
    : '.';
}

export function iosPing(env: IosEnv, target: Ipv4Addr, o: IosPingOptions): void {
  env.run(pingRunning(env, target, o));
}

/** How long a ping of `o` may run. */
export const pingLimit = (o: IosPingOptions): Micros =>
  (o.count * (seconds(o.timeoutSeconds) + seconds(1)) + seconds(1)) as Micros;

/** A ping as it prints, from its "Type escape sequence to abort." on. */
export function pingRunning(env: IosEnv, target: Ipv4Addr, o: IosPingOptions): Running {
  const dev = env.device!;
  const timeout = seconds(o.timeoutSeconds);
  const broadcast = isBroadcast(env, target);
  const head = [
    'Type escape sequence to abort.',
    `Sending ${o.count}, ${o.size}-byte ICMP Echos to ${formatIpv4(target)}, timeout is ${o.timeoutSeconds} seconds:`,
    ...(o.source !== undefined ? [`Packet sent with a source address of ${formatIpv4(o.source)}`] : []),
    ...(o.dontFragment ? ['Packet sent with the DF bit set'] : []),
  ];
  const job = dev.sim.ping(dev.id, target, {
    count: o.count,
    timeout,
    size: o.size,
    sizeIsDatagram: true,
    ...(o.source !== undefined ? { source: o.source } : {}),
    ...(broadcast ? { allReplies: true } : {}),
    ...(o.dontFragment ? { dontFragment: true } : {}),
  });
  return runningProbe(
    job,
    {
      head: linesText(...head),
      items: () => job.results,
      // Seventy marks to a line.
      item: (r, i) => (broadcast ? broadcastItem(r) : `${mark(r)}${(i + 1) % 70 === 0 ? '\n' : ''}`),
      tail: (ending) => {
        if (broadcast) return '\n';
        const results = job.results;
        // Broken off, IOS counts what it sent.
        const sent = ending === 'stopped' ? results.length : o.count;
        return `${results.length % 70 === 0 ? '' : '\n'}${successRate(results, sent)}\n`;
      },
    },
    pingLimit(o),
  );
}

/** "Success rate is 80 percent (4/5), round-trip min/avg/max = 1/1/4 ms" (IPv4 and IPv6 pings). */
export function successRate(
  results: readonly { readonly outcome: { readonly kind: string; readonly rtt?: Micros } }[],
  sent: number,
): string {
  const rtts = results.flatMap((r) => (r.outcome.kind === 'reply' ? [millis(r.outcome.rtt!)] : []));
  const ok = rtts.length;
  let line = `Success rate is ${sent === 0 ? 0 : Math.floor((ok * 100) / sent)} percent (${ok}/${sent})`;
  if (ok > 0) {
    const avg = Math.floor(rtts.reduce((a, b) => a + b, 0) / ok);
    line += `, round-trip min/avg/max = ${Math.min(...rtts)}/${avg}/${Math.max(...rtts)} ms`;
  }
  return line;
}

const UNREACHABLE_MARK: Record<number, string> = { 0: '!N', 1: '!H', 2: '!P', 13: '!A' };

export function iosTraceroute(env: IosEnv, target: Ipv4Addr, o: IosTracerouteOptions): void {
  env.run(tracerouteRunning(env, { address: target }, o));
}

/** How long a traceroute of `o` may run. */
export const tracerouteLimit = (o: IosTracerouteOptions): Micros =>
  (Math.max(1, o.maxTtl - o.minTtl + 1) * o.probes * (seconds(o.timeoutSeconds) + seconds(1))) as Micros;

/** A traceroute as it prints; a target given by name is shown "NAME (ADDRESS)". */
export function tracerouteRunning(env: IosEnv, target: NamedTarget, o: IosTracerouteOptions): Running {
  const dev = env.device!;
  const ip = formatIpv4(target.address);
  const head = linesText(
    'Type escape sequence to abort.',
    `Tracing the route to ${target.name === undefined ? ip : `${target.name} (${ip})`}`,
    'VRF info: (vrf in name/id, vrf out name/id)',
  );
  const timeout = seconds(o.timeoutSeconds);
  const { maxTtl, minTtl } = o;
  const probesPerHop = o.probes;
  const job = dev.sim.traceroute(dev.id, target.address, {
    minTtl,
    maxTtl,
    probesPerHop,
    timeout,
    probe: 'udp',
    port: o.port,
    ...(o.source !== undefined ? { source: o.source } : {}),
  });
  return runningProbe(
    job,
    {
      head,
      items: () => traceSteps(job),
      item: (step) => tracerouteStep(step, probesPerHop),
      tail: (_ending, midLine) => (midLine ? '\n' : ''),
    },
    tracerouteLimit(o),
  );
}

/**
 * What an IOS traceroute prints at `step`: the hop's number as it starts, then each probe as it
 * ends, as IOS 15 spaces them ("  3 10.34.1.4 7 msec *  7 msec", "  2 10.0.0.2 !H  *  !H ",
 * "  7  *  *  * "): a time " 7 msec", a timeout " * " (two spaces before it right after the
 * hop's number), an unreachable mark " !H ". The address that answered comes before its time
 * or mark when it differs from the last one of the hop: on the hop's line for its first
 * probe, on a line of its own, indented, for a later one (a second path, or an answer after
 * timeouts).
 */
function tracerouteStep({ hop, probe }: TraceStep, probesPerHop: number): string {
  if (probe < 0) return String(hop.ttl).padStart(3);
  const o = hop.probes[probe]!.outcome;
  const end = probe === probesPerHop - 1 ? '\n' : '';
  if (o.kind === 'timeout' || o.kind === 'local-error') return `${probe === 0 ? '  * ' : ' * '}${end}`;
  let last: Ipv4Addr | undefined;
  for (let k = 0; k < probe; k++) {
    const before = hop.probes[k]!.outcome;
    if (before.kind !== 'timeout' && before.kind !== 'local-error') last = before.from;
  }
  let text = '';
  if (o.from !== last) text += `${probe === 0 ? ' ' : '\n    '}${formatIpv4(o.from)}`;
  const port = o.kind === 'unreachable' && o.code === 3;
  if (o.kind === 'unreachable' && (!port || o.rtt === undefined)) {
    text += ` ${UNREACHABLE_MARK[o.code] ?? '!'} `;
  } else if (o.rtt !== undefined) text += ` ${millis(o.rtt)} msec`;
  return text + end;
}
