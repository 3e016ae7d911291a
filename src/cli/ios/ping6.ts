/**
 * IOS ping to an IPv6 address (`ping X:X::X`, `ping ipv6 X:X::X`), as IOS 15 prints it: the
 * target in upper case, "Output Interface:" asked for a link-local target without a zone
 * (`FE80::2%GigabitEthernet0/0`), "Packet sent with a source address of FE80::1%GigabitEthernet0/0"
 * for one, and "% No valid route for destination" with a success rate of (0/1) when nothing
 * routes there.
 */
import type { Probe6Result } from '../../engine/api.ts';
import { formatIpv6Upper, type Ipv6Addr, isIpv6LinkLocal, parseIpv6 } from '../../shared/ipv6.ts';
import { seconds } from '../../shared/time.ts';
import { linesText, type Running, runningProbe } from '../running.ts';
import type { IosEnv } from './env.ts';
import { type IosPingOptions, pingLimit, successRate } from './ping.ts';

/** An IPv6 target as typed: the address and, for a link-local one, the interface after "%". */
export interface Ipv6Target {
  readonly address: Ipv6Addr;
  readonly zone?: string;
}

export function parseIpv6Target(text: string): Ipv6Target | undefined {
  const at = text.indexOf('%');
  const address = parseIpv6(at < 0 ? text : text.slice(0, at));
  if (address === undefined) return undefined;
  return at < 0 ? { address } : { address, zone: text.slice(at + 1) };
}

const INVALID_INTERFACE = '% Invalid interface. Use full interface name without spaces (e.g. Serial0/1)';

/** Pings `target`; a link-local one first needs its interface, asked for when not given. */
export function iosPing6(env: IosEnv, target: Ipv6Target, o: IosPingOptions): void {
  const dev = env.device!;
  const names = dev.sim.interfaces(dev.id).map((i) => i.name);
  if (!isIpv6LinkLocal(target.address)) {
    env.run(ping6Running(env, target.address, undefined, o));
    return;
  }
  if (target.zone !== undefined) {
    // The zone must be the interface's full name, as IOS spells it.
    if (names.includes(target.zone)) env.run(ping6Running(env, target.address, target.zone, o));
    else env.print(INVALID_INTERFACE);
    return;
  }
  env.ask({
    prompt: 'Output Interface: ',
    answer(e, text) {
      const name = names.find((n) => n.toLowerCase() === text.trim().toLowerCase());
      if (name === undefined) e.print(INVALID_INTERFACE);
      else e.run(ping6Running(e, target.address, name, o));
    },
  });
}

/**
 * IOS's marks for ICMPv6 destination unreachable, by code: N for no route (an IOS capture shows
 * "NNNNN"), and, as its IPv6 traceroute marks them, A prohibited, H address unreachable, P port
 * unreachable (not confirmed for ping).
 */
const UNREACHABLE_MARK: Record<number, string> = { 0: 'N', 1: 'A', 3: 'H', 4: 'P' };

function mark(r: Probe6Result): string {
  const o = r.outcome;
  switch (o.kind) {
    case 'reply':
      return '!';
    case 'unreachable':
      return o.type === 1 ? (UNREACHABLE_MARK[o.code] ?? 'U') : 'U';
    case 'hop-limit-exceeded':
      return '&';
    case 'local-error':
      return '';
    default:
      return '.';
  }
}

const noRoute = (results: readonly Probe6Result[]): boolean =>
  results.length > 0 && results[0]!.outcome.kind === 'local-error';

/** A ping as it prints, from its "Type escape sequence to abort." on; `via`: a link-local target's interface. */
export function ping6Running(
  env: IosEnv,
  target: Ipv6Addr,
  via: string | undefined,
  o: IosPingOptions,
): Running {
  const dev = env.device!;
  const source =
    via === undefined ? undefined : dev.sim.ipv6Interfaces(dev.id).find((i) => i.name === via)?.linkLocal;
  const head = [
    'Type escape sequence to abort.',
    `Sending ${o.count}, ${o.size}-byte ICMP Echos to ${formatIpv6Upper(target)}, timeout is ${o.timeoutSeconds} seconds:`,
    ...(source !== undefined
      ? [`Packet sent with a source address of ${formatIpv6Upper(source)}%${via}`]
      : []),
  ];
  const job = dev.sim.ping6(dev.id, target, {
    count: o.count,
    timeout: seconds(o.timeoutSeconds),
    size: o.size,
    sizeIsDatagram: true,
    ...(via !== undefined ? { via } : {}),
  });
  return runningProbe(
    job,
    {
      head: linesText(...head),
      items: () => job.results,
      item: (r, i) => `${mark(r)}${(i + 1) % 70 === 0 ? '\n' : ''}`,
      tail: (ending) => {
        const results = job.results;
        if (noRoute(results)) return '\n% No valid route for destination\nSuccess rate is 0 percent (0/1)\n';
        const sent = ending === 'stopped' ? results.length : o.count;
        return `${results.length % 70 === 0 ? '' : '\n'}${successRate(results, sent)}\n`;
      },
    },
    pingLimit(o),
  );
}
