/**
 * A resolver's cache of DNS answers (RFC 1035 7.4, RFC 2308): an answer is kept for the least
 * TTL of its records, at most `maxTtl` (Windows' MaxCacheTtl, one day). A negative answer (no
 * such name, or none of the type) is kept only when the server sent its zone's SOA, for the
 * SOA's minimum, at most `maxNegativeTtl` (Windows: 900 s; 0: not kept). Names compare
 * ignoring case.
 */
import type { DnsCacheEntry, DnsLookupResult } from '../api.ts';
import type { DnsMessage } from '../wire/dns.ts';
import { DNS_TYPE_SOA, RCODE_NOERROR, RCODE_NXDOMAIN } from '../wire/dns.ts';

interface Kept {
  readonly name: string;
  readonly type: number;
  /** Virtual time (µs) it expires at. */
  readonly expires: number;
  readonly result: DnsLookupResult;
  readonly negative: boolean;
}

const key = (name: string, type: number): string => `${type} ${name.toLowerCase()}`;

export class DnsCache {
  private readonly kept = new Map<string, Kept>();

  constructor(
    private readonly maxTtl: number,
    private readonly maxNegativeTtl: number,
  ) {}

  get(name: string, type: number, now: number): DnsLookupResult | undefined {
    const k = key(name, type);
    const e = this.kept.get(k);
    if (e === undefined) return undefined;
    if (e.expires <= now) {
      this.kept.delete(k);
      return undefined;
    }
    return e.result;
  }

  put(name: string, type: number, result: DnsLookupResult, m: DnsMessage, now: number): void {
    let ttl: number;
    let negative = false;
    if (m.rcode === RCODE_NOERROR && result.records.length > 0) {
      ttl = Math.min(this.maxTtl, ...result.records.map((r) => r.ttl));
    } else if (m.rcode === RCODE_NXDOMAIN || m.rcode === RCODE_NOERROR) {
      const soa = m.authority.find((r) => r.type === DNS_TYPE_SOA);
      if (soa === undefined || soa.data.kind !== 'soa') return;
      ttl = Math.min(this.maxNegativeTtl, soa.ttl, soa.data.minimum);
      negative = true;
    } else return;
    if (ttl <= 0) return;
    const k = key(name, type);
    // A name looked up again moves to the end, as it came last.
    this.kept.delete(k);
    this.kept.set(k, { name, type, expires: now + ttl * 1e6, result, negative });
  }

  list(now: number): DnsCacheEntry[] {
    const out: DnsCacheEntry[] = [];
    for (const [k, e] of this.kept) {
      if (e.expires <= now) {
        this.kept.delete(k);
        continue;
      }
      out.push({
        name: e.name,
        type: e.type,
        ttl: Math.ceil((e.expires - now) / 1e6),
        records: e.result.records,
        negative: e.negative,
      });
    }
    return out;
  }

  clear(): void {
    this.kept.clear();
  }
}
