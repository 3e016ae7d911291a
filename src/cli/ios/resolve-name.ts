/**
 * How IOS finds the address of a name typed for ping, traceroute or telnet:
 * - an `ip host` entry, or a name its resolver keeps, is used at once, with no message;
 * - with `no ip domain-lookup`, `Translating "NAME"` alone, then the command's refusal;
 * - otherwise it asks its name servers (255.255.255.255 without any), one after the other,
 *   printing `Translating "NAME"...domain server (S1)` and each next server as it moves on to it,
 *   then ` [OK]` and the command (after a blank line for ping and traceroute), or the refusal
 *   on the next line. A name without a dot is asked with the `ip domain name` added.
 * (IOS 15 captures: ping, telnet and a failed lookup; servers tried in turn on a Catalyst.)
 */

import type { DnsLookupJob } from '../../engine/api.ts';
import { addressesOf } from '../../engine/apps/dns-lookup.ts';
import { DNS_TYPE_A, dnsNameError, sameName } from '../../engine/wire/dns.ts';
import { formatIpv4, type Ipv4Addr, parseIpv4 } from '../../shared/ipv4.ts';
import { type Micros, seconds } from '../../shared/time.ts';
import type { Running } from '../running.ts';
import type { IosEnv } from './env.ts';

/** The tries IOS makes of each server (`ip domain retry 2`): the servers line moves on after them. */
const TRIES_PER_SERVER = 3;
/** The longest a lookup takes: 3 tries of 3 s for each of six servers, and a margin. */
const LOOKUP_LIMIT = seconds(6 * 9 + 1);

export interface NamedTarget {
  readonly address: Ipv4Addr;
  /** The name as typed, when it was one. */
  readonly name?: string;
}

export interface Resolving {
  /** What the command does with the address: what it runs, or the text it prints at once. */
  readonly start: (target: NamedTarget) => Running | string;
  /** Its refusal of a name without an address, ending in "\n". */
  readonly failure: string;
  /** A blank line between "[OK]" and what the command prints (ping, traceroute; not telnet). */
  readonly blankAfterOk: boolean;
  /** How long the command itself may run, for consoles that do not stream. */
  readonly limit: Micros | undefined;
}

/** Runs `how.start` with the address `text` is or names, or prints the refusal. */
export function resolveAndRun(env: IosEnv, text: string, how: Resolving): void {
  const begin = (target: NamedTarget): void => {
    const r = how.start(target);
    if (typeof r !== 'string') env.run(r);
    else if (r !== '') env.print(...r.replace(/\n$/, '').split('\n'));
  };
  const address = parseIpv4(text);
  if (address !== undefined) {
    begin({ address });
    return;
  }
  const c = env.config();
  const host = c.ipHosts?.find((h) => sameName(h.name, text));
  if (host !== undefined) {
    begin({ address: host.addresses[0]!, name: text });
    return;
  }
  if (!c.domainLookup) {
    env.print(`Translating "${text}"`, ...how.failure.replace(/\n$/, '').split('\n'));
    return;
  }
  const dev = env.device!;
  // A final dot says the name is whole: no domain is added to it.
  const whole = text.endsWith('.');
  const bare = whole ? text.slice(0, -1) : text;
  const domain = c.domainName?.replace(/\.$/, '');
  const name = !whole && !bare.includes('.') && domain !== undefined ? `${bare}.${domain}` : bare;
  // A name no query can carry (an empty label, one over 63 characters) is refused unasked.
  if (dnsNameError(name) !== undefined) {
    env.print(...how.failure.replace(/^\n/, '').replace(/\n$/, '').split('\n'));
    return;
  }
  const servers = c.nameServers ?? [];
  const job = dev.sim.dnsLookup(dev.id, { name, type: DNS_TYPE_A, servers, app: 'resolver' });
  const cached = job.done && job.result?.cached === true ? addressOf(job, name) : undefined;
  if (cached !== undefined) {
    begin({ address: cached, name: text });
    return;
  }
  env.run(new IosResolving(text, name, job, servers, how));
}

function addressOf(job: DnsLookupJob, name: string): Ipv4Addr | undefined {
  const r = job.result;
  if (r?.outcome !== 'answer' || r.rcode !== 0) return undefined;
  return addressesOf(name, r.records).addresses[0];
}

/** The lookup as it prints: the Translating line growing server by server, then the command. */
class IosResolving implements Running {
  private started = false;
  private shown = 0;
  private command: Running | undefined;
  private ended = false;
  readonly limit: Micros | undefined;

  constructor(
    private readonly typed: string,
    private readonly asked: string,
    private readonly job: DnsLookupJob,
    private readonly servers: readonly Ipv4Addr[],
    private readonly how: Resolving,
  ) {
    this.limit = how.limit === undefined ? undefined : ((how.limit + LOOKUP_LIMIT) as Micros);
  }

  get done(): boolean {
    return this.ended || (this.command?.done ?? false);
  }

  get session() {
    return this.command?.session;
  }

  take(): string {
    if (this.command !== undefined) return this.command.take();
    if (this.ended) return '';
    let out = '';
    if (!this.started) {
      this.started = true;
      out += `Translating "${this.typed}"...domain server`;
    }
    out += this.serversAsked();
    if (!this.job.done) return out;
    const address = addressOf(this.job, this.asked);
    if (address === undefined) {
      this.ended = true;
      return `${out}\n${this.how.failure}`;
    }
    out += ` [OK]\n${this.how.blankAfterOk ? '\n' : ''}`;
    const r = this.how.start({ address, name: this.typed });
    if (typeof r === 'string') {
      this.ended = true;
      return out + r;
    }
    this.command = r;
    return out + r.take();
  }

  interrupt(): string {
    if (this.command !== undefined) return this.command.interrupt();
    if (this.ended) return '';
    const out = this.take();
    if (this.command !== undefined || this.ended) return out + this.interrupt();
    this.job.stop();
    this.ended = true;
    return `${out}\n${this.how.failure}`;
  }

  /** " (S)" for each server asked since the last call (the broadcast address when there are none). */
  private serversAsked(): string {
    const list = this.servers.length === 0 ? [0xffff_ffff as Ipv4Addr] : this.servers;
    const asking = Math.min(list.length, Math.floor(this.job.failed.length / TRIES_PER_SERVER) + 1);
    let out = '';
    for (; this.shown < asking; this.shown++) out += ` (${formatIpv4(list[this.shown]!)})`;
    return out;
  }
}
