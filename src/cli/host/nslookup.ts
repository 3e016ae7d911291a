/**
 * nslookup.exe's non-interactive forms, as Windows 10 prints them: `nslookup NAME [SERVER]`,
 * `nslookup ADDRESS [SERVER]` (a reverse lookup) and `-type=` A or AAAA.
 *
 * nslookup first asks the server for its own name (a PTR query for its address, one try: a
 * failed one prints one "DNS request timed out." pair before the Server block) and shows
 * "UnKnown" without one. It then asks the name's A, then AAAA records (two tries of 2 s each,
 * every unanswered one printed as it fails), query identifiers counting from 1 over the run.
 * It uses no cache. With a connection DNS suffix it tries NAME.SUFFIX before NAME, dots or not,
 * unless the name ends with a dot (Microsoft KB 200525).
 */

import type { DnsAnswerRecord, DnsLookupJob, DnsLookupResult } from '../../engine/api.ts';
import { addressesOf } from '../../engine/apps/dns-lookup.ts';
import {
  DNS_TYPE_A,
  DNS_TYPE_AAAA,
  DNS_TYPE_CNAME,
  DNS_TYPE_PTR,
  dnsNameError,
  RCODE_FORMERR,
  RCODE_NOERROR,
  RCODE_NOTIMP,
  RCODE_NXDOMAIN,
  RCODE_REFUSED,
  RCODE_SERVFAIL,
  reverseName,
  sameName,
} from '../../engine/wire/dns.ts';
import { formatIpv4, type Ipv4Addr } from '../../shared/ipv4.ts';
import { type Micros, seconds } from '../../shared/time.ts';
import type { HostDeviceContext } from '../context.ts';
import { linesText as lines, type Running } from '../running.ts';
import { parseWindowsIpv4 } from './inet-addr.ts';
import { windowsDnsServers, windowsDnsSuffix } from './windows-names.ts';

/** nslookup.exe's usage (Windows 10 10.0.18362, on stderr). */
const USAGE = [
  'Usage:',
  '   nslookup [-opt ...]             # interactive mode using default server',
  "   nslookup [-opt ...] - server    # interactive mode using 'server'",
  "   nslookup [-opt ...] host        # just look up 'host' using default server",
  "   nslookup [-opt ...] host server # just look up 'host' using 'server'",
];

const TIMED_OUT = lines('DNS request timed out.', '    timeout was 2 seconds.');

/** Continuation lines of Addresses: (and Aliases:) line up under the first value. */
const INDENT = ' '.repeat(10);

/** The query types the answer's "Name:/Address:" form covers; others print otherwise. */
const TYPES: Readonly<Record<string, number>> = { A: DNS_TYPE_A, AAAA: DNS_TYPE_AAAA };

/**
 * Why a server's answer names nothing. The first three are confirmed by captures; FORMERR's is
 * the name nslookup's help gives the error (Windows 2000), NOTIMP's BSD nslookup's.
 */
function rcodeText(rcode: number): string {
  switch (rcode) {
    case RCODE_NXDOMAIN:
      return 'Non-existent domain';
    case RCODE_SERVFAIL:
      return 'Server failed';
    case RCODE_REFUSED:
      return 'Query refused';
    case RCODE_FORMERR:
      return 'Format error';
    case RCODE_NOTIMP:
      return 'Not implemented';
    default:
      return `Unknown error ${rcode}`;
  }
}

/** What to look up, read from the command line. */
interface Request {
  /** The name or address as typed (error lines quote it so). */
  readonly typed: string;
  /** A reverse lookup of this address. */
  readonly address?: Ipv4Addr;
  /** The names to ask in turn. */
  readonly names: readonly string[];
  /** Every query type for a name (A then AAAA), or the one -type asked for. */
  readonly types: readonly number[];
  readonly server: Ipv4Addr;
}

/** A lookup to wait for; `tries`: how many unanswered queries it may have before it stops. */
interface Wait {
  readonly job: DnsLookupJob;
  readonly tries: number;
}

type Steps = Generator<Wait, void, undefined>;

export function nslookup(ctx: HostDeviceContext, args: string[], setRunning: (r: Running) => void): string[] {
  if (args.includes('/?')) return USAGE;
  let type: number | undefined;
  const words: string[] = [];
  for (const a of args) {
    if (!a.startsWith('-') || a === '-') {
      words.push(a);
      continue;
    }
    // nslookup takes any option that starts with q or ty as the query type (-q=, -querytype=, -type=).
    const m = /^-(?:q|ty)[a-z]*=(.*)$/i.exec(a);
    if (m === null) return [`Trame does not simulate nslookup's ${a} option yet.`];
    type = TYPES[m[1]!.toUpperCase()];
    if (type === undefined) return [`Trame does not simulate nslookup's ${a} queries yet.`];
  }
  const [target, serverWord, ...extra] = words;
  if (target === undefined || target === '-')
    return ["Trame does not simulate nslookup's interactive mode yet."];
  if (extra.length > 0) return USAGE;
  let server: Ipv4Addr | undefined;
  if (serverWord !== undefined) {
    server = isAddress(serverWord) ? parseWindowsIpv4(serverWord) : undefined;
    if (server === undefined)
      return ["Trame does not simulate naming nslookup's server other than by its address yet."];
  }
  server ??= windowsDnsServers(ctx)[0];
  if (server === undefined) {
    return [
      '*** Default servers are not available',
      'Server:  UnKnown',
      'Address:  127.0.0.1',
      '',
      `*** UnKnown can't find ${target}: No response from server`,
    ];
  }
  const address = isAddress(target) ? parseWindowsIpv4(target) : undefined;
  const name = target.endsWith('.') ? target.slice(0, -1) : target;
  const invalid = address === undefined ? dnsNameError(name) : undefined;
  if (invalid !== undefined)
    return [`Trame cannot put ${target} in a DNS query: ${invalid.replace(/^dns: /, '')}.`];
  const suffix = windowsDnsSuffix(ctx);
  const names =
    address !== undefined
      ? []
      : target.endsWith('.') || suffix === undefined
        ? [name]
        : [`${name}.${suffix}`, name];
  const request: Request = {
    typed: target,
    ...(address !== undefined ? { address } : {}),
    names,
    types: type === undefined ? [DNS_TYPE_A, DNS_TYPE_AAAA] : [type],
    server,
  };
  setRunning(new NslookupRun(ctx, request));
  return [];
}

/** nslookup reads an argument as an address when it has only digits and dots, not last. */
const isAddress = (word: string): boolean => /^[0-9.]+$/.test(word) && !word.endsWith('.');

class NslookupRun implements Running {
  readonly limit: Micros;
  private readonly steps: Steps;
  private wait: Wait | undefined;
  /** How many of the current lookup's failed tries have printed. */
  private shown = 0;
  private ended = false;
  private text = '';
  /** The identifier of the next query. */
  private nextId = 1;

  constructor(
    private readonly ctx: HostDeviceContext,
    private readonly request: Request,
  ) {
    // The server's name (2 s), then per name each type's two tries, and a margin.
    const names = Math.max(1, request.names.length);
    this.limit = seconds(3 + 4 * request.types.length * names);
    this.steps = this.run();
    // Its first query leaves now.
    this.advance();
  }

  get done(): boolean {
    return this.ended && this.text === '';
  }

  take(): string {
    this.advance();
    const t = this.text;
    this.text = '';
    return t;
  }

  interrupt(): string {
    if (this.ended) return this.take();
    this.advance();
    this.wait?.job.stop();
    this.ended = true;
    const t = `${this.text}^C\n`;
    this.text = '';
    return t;
  }

  private print(...l: string[]): void {
    this.text += lines(...l);
  }

  /** Runs the steps as far as the lookups have come, printing each unanswered try as it fails. */
  private advance(): void {
    while (!this.ended) {
      const w = this.wait;
      if (w !== undefined) {
        const { failed } = w.job;
        // A try an ICMP error refused prints nothing: the socket's error ends the query.
        for (; this.shown < failed.length; this.shown++)
          if (failed[this.shown]!.why === 'timeout') this.text += TIMED_OUT;
        if (!w.job.done) return;
        this.nextId += Math.min(failed.length, w.tries) + (w.job.result?.outcome === 'answer' ? 1 : 0);
      }
      const next = this.steps.next();
      if (next.done === true) {
        this.ended = true;
        this.wait = undefined;
        return;
      }
      this.wait = next.value;
      this.shown = 0;
    }
  }

  private lookup(name: string, type: number, tries = 2): Wait {
    const job = this.ctx.sim.dnsLookup(this.ctx.id, {
      name,
      type,
      servers: [this.request.server],
      app: 'nslookup',
      queryId: this.nextId,
      tries,
    });
    return { job, tries };
  }

  private *run(): Steps {
    const { server, address, typed } = this.request;
    const own = this.lookup(reverseName(server), DNS_TYPE_PTR, 1);
    yield own;
    const serverName = ptrTarget(own.job.result) ?? 'UnKnown';
    this.print(`Server:  ${serverName}`, `Address:  ${formatIpv4(server)}`, '');
    const cantFind = (why: string) => this.print(`*** ${serverName} can't find ${typed}: ${why}`, '');
    const timedOut = () => this.print(`*** Request to ${serverName} timed-out`, '');

    if (address !== undefined) {
      const ptr = this.lookup(reverseName(address), DNS_TYPE_PTR);
      yield ptr;
      const r = ptr.job.result;
      if (r?.outcome !== 'answer') return timedOut();
      if (r.rcode !== RCODE_NOERROR) return cantFind(rcodeText(r.rcode ?? 0));
      const host = ptrTarget(r);
      if (!r.authoritative) this.print('Non-authoritative answer:');
      this.print(`Name:    ${host ?? reverseName(address)}`);
      if (host !== undefined) this.print(`Address:  ${formatIpv4(address)}`);
      return this.print('', '');
    }

    const { names, types } = this.request;
    for (let k = 0; k < names.length; k++) {
      const name = names[k]!;
      const answers: DnsLookupResult[] = [];
      let nxdomain = false;
      let refused = true;
      for (const type of types) {
        const w = this.lookup(name, type);
        yield w;
        const r = w.job.result;
        if (r?.outcome !== 'answer') {
          refused &&= w.job.failed.length > 0 && w.job.failed.every((f) => f.why === 'unreachable');
          continue;
        }
        // No such name: nothing more to ask about it.
        if (r.rcode === RCODE_NXDOMAIN) {
          nxdomain = answers.length === 0;
          break;
        }
        if (r.rcode !== RCODE_NOERROR) return cantFind(rcodeText(r.rcode ?? 0));
        answers.push(r);
      }
      if (answers.length > 0) return this.answer(name, answers);
      // Unanswered: another name of the list would fare no better. Refused with ICMP errors
      // (no DNS service there), the socket's error says so.
      if (!nxdomain) return refused ? cantFind('No response from server') : timedOut();
      if (k === names.length - 1) return cantFind(rcodeText(RCODE_NXDOMAIN));
    }
  }

  /**
   * The answer block: "Non-authoritative answer:" when the server was not the zone's, the name
   * the addresses belong to (an alias's target), its IPv6 then IPv4 addresses, and the aliases
   * followed, the name asked first. A name with no address prints alone.
   */
  private answer(name: string, answers: readonly DnsLookupResult[]): void {
    const records: DnsAnswerRecord[] = answers.flatMap((r) => r.records);
    const { canonical, addresses } = addressesOf(name, records);
    if (answers.some((r) => !r.authoritative)) this.print('Non-authoritative answer:');
    this.print(`Name:    ${canonical}`);
    // The engine's records carry IPv4 addresses only: the IPv6 ones that would come first are none.
    const shown = addresses.map(formatIpv4);
    if (shown.length === 1) this.print(`Address:  ${shown[0]}`);
    else if (shown.length > 1)
      this.print(`Addresses:  ${shown[0]}`, ...shown.slice(1).map((a) => INDENT + a));
    // The indentation of a second alias is not confirmed by a capture; the addresses' is assumed.
    const aliases = aliasChain(name, records);
    if (aliases.length > 0) this.print(`Aliases:  ${aliases[0]}`, ...aliases.slice(1).map((a) => INDENT + a));
    // nslookup ends an answer with a blank line of its own.
    this.print('', '');
  }
}

/** The name a PTR answer gives, if any. */
function ptrTarget(r: DnsLookupResult | undefined): string | undefined {
  if (r?.outcome !== 'answer' || r.rcode !== RCODE_NOERROR) return undefined;
  return r.records.find((x) => x.type === DNS_TYPE_PTR && x.target !== undefined)?.target;
}

/** The names `name` is an alias through, in order: the name asked, then each CNAME's target but the last. */
function aliasChain(name: string, records: readonly DnsAnswerRecord[]): string[] {
  const chain: string[] = [];
  let at = name;
  for (let hops = 0; hops < 8; hops++) {
    const alias = records.find(
      (r) => r.type === DNS_TYPE_CNAME && r.target !== undefined && sameName(r.name, at),
    );
    if (alias === undefined) break;
    chain.push(at);
    at = alias.target!;
  }
  return chain;
}
