/**
 * The words of one access-list entry after `permit` or `deny`, as IOS's help lists them: a
 * standard entry's source, or an extended entry's protocol, source, ports, destination, ports
 * and conditions. The same trees serve `access-list N` in global configuration and the entries
 * of `ip access-list` mode.
 */
import {
  type AclAddress,
  type AclKind,
  type AclRule,
  ANY_ADDRESS,
  aclAddress,
  type PortMatch,
  type PortOp,
} from '../../shared/acl.ts';
import type { Ipv4Addr } from '../../shared/ipv4.ts';
import { IPV4, range } from '../parser/args.ts';
import type { Args, MatchResult } from '../parser/tree.ts';
import { ICMP_MESSAGES, type Named, PROTOCOLS, TCP_PORTS, UDP_PORTS } from './acl-names.ts';
import { arg, type IosArgType, type IosNode, type IosPart, kw, run } from './dsl.ts';
import type { IosEnv } from './env.ts';

/** An entry as typed, before it is given its sequence number. */
export type TypedRule = Omit<AclRule, 'seq'>;

export type RuleSink = (env: IosEnv, rule: TypedRule, args: Args) => void;

/** A port: a number, or a name of `table` (a leading part of one is enough when unique). */
function portType(table: readonly Named[]): IosArgType {
  return {
    help: (h) => [{ word: '<0-65535>', help: h }, ...table.map((p) => ({ word: p.name, help: p.help }))],
    match: (t, i): MatchResult => {
      const text = t[i]!.text.toLowerCase();
      if (/^\d+$/.test(text)) {
        const n = Number(text);
        return n <= 65535 ? { kind: 'match', consumed: 1, value: n } : { kind: 'none' };
      }
      const exact = table.find((p) => p.name === text);
      const prefixed = table.filter((p) => p.name.startsWith(text));
      const found = exact ?? (prefixed.length === 1 ? prefixed[0] : undefined);
      return found === undefined ? { kind: 'none' } : { kind: 'match', consumed: 1, value: found.value };
    },
  };
}

const TCP_PORT = portType(TCP_PORTS);
const UDP_PORT = portType(UDP_PORTS);

const OPS: readonly { op: PortOp; help: string }[] = [
  { op: 'eq', help: 'Match only packets on a given port number' },
  { op: 'gt', help: 'Match only packets with a greater port number' },
  { op: 'lt', help: 'Match only packets with a lower port number' },
  { op: 'neq', help: 'Match only packets not on a given port number' },
  { op: 'range', help: 'Match only packets in the range of port numbers' },
];

type Side = 'src' | 'dst';

function portNodes(side: Side, type: IosArgType, next: IosPart[]): IosNode[] {
  return OPS.map(({ op, help }) =>
    op === 'range'
      ? kw(
          op,
          help,
          arg(`${side}-range`, type, 'Port number', arg(`${side}-range-to`, type, 'Port number', ...next)),
        )
      : kw(op, help, arg(`${side}-${op}`, type, 'Port number', ...next)),
  );
}

function portOf(a: Args, side: Side): PortMatch | undefined {
  for (const op of ['eq', 'gt', 'lt', 'neq'] as const) {
    const port = a.value<number>(`${side}-${op}`);
    if (port !== undefined) return { op, port };
  }
  const lo = a.value<number>(`${side}-range`);
  if (lo === undefined) return undefined;
  const hi = a.need<number>(`${side}-range-to`);
  return { op: 'range', port: Math.min(lo, hi), to: Math.max(lo, hi) };
}

const SIDE_HELP = {
  src: {
    addr: 'Source address',
    wild: 'Source wildcard bits',
    any: 'Any source host',
    host: 'A single source host',
  },
  dst: {
    addr: 'Destination address',
    wild: 'Destination wildcard bits',
    any: 'Any destination host',
    host: 'A single destination host',
  },
};

function addressNodes(side: Side, next: IosPart[]): IosNode[] {
  const h = SIDE_HELP[side];
  return [
    arg(`${side}-addr`, IPV4, h.addr, arg(`${side}-wild`, IPV4, h.wild, ...next)),
    kw('any', h.any, ...next),
    kw('host', h.host, arg(`${side}-host`, IPV4, h.addr, ...next)),
  ];
}

function addressOf(a: Args, side: Side): AclAddress {
  const host = a.value<Ipv4Addr>(`${side}-host`);
  if (host !== undefined) return aclAddress(host, 0);
  const addr = a.value<Ipv4Addr>(`${side}-addr`);
  if (addr === undefined) return ANY_ADDRESS;
  return aclAddress(addr, a.value<number>(`${side}-wild`) ?? 0);
}

/**
 * `log` at the end of an entry: kept and matched as the entry is; the messages IOS logs for
 * its matches (%SEC-6-IPACCESSLOG...) are not simulated.
 */
const logNode = (done: IosPart): IosNode => kw('log', 'Log matches against this entry', done);

/** Whether the entry typed ends with `log`. */
const logged = (a: Args): { log?: true } => (a.words.at(-1) === 'log' ? { log: true } : {});

const actionOf = (a: Args): 'permit' | 'deny' => {
  const i = a.words.findIndex((w) => w === 'permit' || w === 'deny');
  return a.words[i] as 'permit' | 'deny';
};

/** A standard entry's words: `any`, `host A.B.C.D` or `A.B.C.D [WILDCARD]`. */
export function standardEntry(sink: RuleSink): IosPart[] {
  const done = run((env, a) => sink(env, { action: actionOf(a), src: addressOf(a, 'src'), ...logged(a) }, a));
  return [
    arg(
      'src-addr',
      IPV4,
      'Address to match',
      done,
      arg('src-wild', IPV4, 'Wildcard bits', done, logNode(done)),
      logNode(done),
    ),
    kw('any', 'Any source host', done, logNode(done)),
    kw('host', 'A single host address', arg('src-host', IPV4, 'Host address', done, logNode(done))),
  ];
}

function extendedRule(a: Args): TypedRule {
  const action = actionOf(a);
  const words = a.words;
  const protocol =
    a.value<number>('protocol') ?? PROTOCOLS.find((p) => p.name === words[words.indexOf(action) + 1])!.value;
  const rule: { -readonly [K in keyof AclRule]?: AclRule[K] } = {
    action,
    protocol,
    src: addressOf(a, 'src'),
  };
  const srcPort = portOf(a, 'src');
  if (srcPort) rule.srcPort = srcPort;
  rule.dst = addressOf(a, 'dst');
  const dstPort = portOf(a, 'dst');
  if (dstPort) rule.dstPort = dstPort;
  if (words.includes('established')) rule.established = true;
  if (logged(a).log) rule.log = true;
  if (protocol === 1) {
    const named = ICMP_MESSAGES.find((m) => words.includes(m.name));
    const type = named?.type ?? a.value<number>('icmp-type');
    const code = named ? named.code : a.value<number>('icmp-code');
    if (type !== undefined) rule.icmpType = type;
    if (code !== undefined) rule.icmpCode = code;
  }
  return rule as TypedRule;
}

/** An extended entry's words: protocol, source, destination and what the protocol allows after them. */
export function extendedEntry(sink: RuleSink): IosPart[] {
  const done = run((env, a) => sink(env, extendedRule(a), a));
  const tail = (extra: IosNode[]): IosPart[] => [done, ...extra, logNode(done)];
  const established = kw('established', 'Match established connections', done, logNode(done));
  const icmpTail = tail([
    arg(
      'icmp-type',
      range(0, 255),
      'ICMP message type',
      done,
      arg('icmp-code', range(0, 255), 'ICMP message code', done, logNode(done)),
      logNode(done),
    ),
    ...ICMP_MESSAGES.map((m) => kw(m.name, m.help, done, logNode(done))),
  ]);
  const withPorts = (type: IosArgType, extra: IosNode[]): IosPart[] => {
    const dstTail = tail([...portNodes('dst', type, tail(extra)), ...extra]);
    const dst = addressNodes('dst', dstTail);
    return [...portNodes('src', type, dst), ...dst];
  };
  const plain = addressNodes('src', addressNodes('dst', tail([])));
  const bySrc = (p: Named): IosPart[] => {
    if (p.name === 'tcp') return addressNodes('src', withPorts(TCP_PORT, [established]));
    if (p.name === 'udp') return addressNodes('src', withPorts(UDP_PORT, []));
    if (p.name === 'icmp') return addressNodes('src', addressNodes('dst', icmpTail));
    return plain;
  };
  return [
    arg('protocol', range(0, 255), 'An IP protocol number', ...plain),
    ...PROTOCOLS.map((p) => kw(p.name, p.help, ...bySrc(p))),
  ];
}

/** The entry words for a list of `kind`. */
export const entryWords = (kind: AclKind, sink: RuleSink): IosPart[] =>
  kind === 'standard' ? standardEntry(sink) : extendedEntry(sink);
