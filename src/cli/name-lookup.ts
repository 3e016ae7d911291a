/**
 * A resolver's lookup of a name typed at a console (ping NAME, telnet NAME...): the names it
 * tries in turn (the name as typed, or with a domain suffix added), each an engine DNS lookup,
 * until one has an address. A name that does not exist (NXDOMAIN), or has no address, moves on
 * to the next; a server that does not answer ends it.
 */

import type { DnsLookupJob, DnsLookupResult, Simulation } from '../engine/api.ts';
import { addressesOf } from '../engine/apps/dns-lookup.ts';
import { DNS_TYPE_A } from '../engine/wire/dns.ts';
import type { DeviceId } from '../shared/ids.ts';
import type { Ipv4Addr } from '../shared/ipv4.ts';

export interface NameFound {
  /** The name that has the addresses (an alias's target), and the one asked for. */
  readonly canonical: string;
  readonly asked: string;
  readonly addresses: readonly Ipv4Addr[];
}

export class NameLookup {
  private index = 0;
  private job: DnsLookupJob | undefined;
  private found: NameFound | undefined;
  private stopped = false;
  /** The last lookup's outcome. */
  last: DnsLookupResult | undefined;

  constructor(
    private readonly sim: Simulation,
    private readonly id: DeviceId,
    private readonly candidates: readonly string[],
    private readonly servers: readonly Ipv4Addr[],
  ) {
    this.begin();
  }

  /** Whether it ended: found, every name tried, or stopped. Asking moves it on. */
  get done(): boolean {
    for (;;) {
      if (this.stopped || this.found !== undefined) return true;
      const job = this.job;
      if (job === undefined) return true;
      if (!job.done) return false;
      this.last = job.result;
      const name = this.candidates[this.index]!;
      const r = job.result;
      const { canonical, addresses } = addressesOf(name, r?.records ?? []);
      if (r?.outcome === 'answer' && r.rcode === 0 && addresses.length > 0) {
        this.found = { canonical, asked: name, addresses };
        return true;
      }
      // No answer at all: the other names would fare no better.
      if (r?.outcome !== 'answer') {
        this.job = undefined;
        return true;
      }
      this.index++;
      this.begin();
    }
  }

  /** What it found, once done; undefined when no name had an address. */
  get result(): NameFound | undefined {
    return this.done ? this.found : undefined;
  }

  stop(): void {
    this.stopped = true;
    this.job?.stop();
  }

  private begin(): void {
    const name = this.candidates[this.index];
    this.job =
      name === undefined
        ? undefined
        : this.sim.dnsLookup(this.id, { name, type: DNS_TYPE_A, servers: this.servers, app: 'resolver' });
  }
}
