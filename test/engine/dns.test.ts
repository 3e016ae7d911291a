import { describe, expect, it } from 'vitest';
import type { DnsLookupJob, DnsLookupRequest } from '../../src/engine/api.ts';
import { addressesOf } from '../../src/engine/apps/dns-lookup.ts';
import { DNS_TYPE_A, DNS_TYPE_CNAME, type DnsMessage, decodeDns } from '../../src/engine/wire/dns.ts';
import type { EthernetFrame } from '../../src/engine/wire/ethernet.ts';
import type { DnsRecordConfig } from '../../src/shared/config.ts';
import { deviceId } from '../../src/shared/ids.ts';
import { formatIpv4 } from '../../src/shared/ipv4.ts';
import { seconds } from '../../src/shared/time.ts';
import { ip, TestNet } from './net.ts';

const d = deviceId;

const RECORDS: DnsRecordConfig[] = [
  { name: 'www.example.com', type: 'A', address: ip('10.0.0.80') },
  { name: 'web.example.com', type: 'CNAME', target: 'www.example.com' },
  { name: 'intranet.example.com', type: 'CNAME', target: 'web.example.com' },
  { name: 'mail.example.com', type: 'A', address: ip('10.0.0.25') },
  { name: 'mail.example.com', type: 'A', address: ip('10.0.0.26') },
];

/** PC1 and SRV (the DNS server, 10.0.0.53) on S1, R1 as their gateway; PC1 asks `dns`. */
function lan(dns: string[] = ['10.0.0.53'], records: DnsRecordConfig[] | null = RECORDS): TestNet {
  const n = new TestNet();
  n.switch('S1');
  n.router('R1', { interfaces: { 'g0/0': { ip: '10.0.0.1/24' } } });
  n.pc('PC1');
  n.sim.configureHost(d('PC1'), {
    ip: { addr: ip('10.0.0.10'), len: 24 },
    gateway: ip('10.0.0.1'),
    dns: dns.map(ip),
  });
  n.server('SRV', {
    ip: { addr: ip('10.0.0.53'), len: 24 },
    gateway: ip('10.0.0.1'),
    ...(records !== null ? { dnsRecords: records } : {}),
  });
  n.link('PC1:fa0', 'S1:fa0/1');
  n.link('SRV:fa0', 'S1:fa0/2');
  n.link('R1:g0/0', 'S1:fa0/3');
  n.settle();
  return n;
}

/**
 * The DNS messages on cable `link` while `f` runs (L1 is PC1's, L3 R1's), with the datagrams'
 * addresses and ports.
 */
function dnsOnWire(n: TestNet, f: () => void, on = 'L1') {
  const seen: { src: string; dst: string; srcPort: number; dstPort: number; m: DnsMessage }[] = [];
  const stop = n.sim.onWire((_at, link, frame: EthernetFrame) => {
    if (link !== on) return;
    const p = frame.payload;
    if (!('proto' in p) || p.proto !== 'ipv4' || p.payload.proto !== 'udp') return;
    const u = p.payload;
    if (u.srcPort !== 53 && u.dstPort !== 53) return;
    const m = decodeDns(u.data);
    if (m.ok)
      seen.push({
        src: formatIpv4(p.src),
        dst: formatIpv4(p.dst),
        srcPort: u.srcPort,
        dstPort: u.dstPort,
        m: m.value,
      });
  });
  f();
  stop();
  return seen;
}

const lookup = (
  n: TestNet,
  from: string,
  name: string,
  over: Partial<DnsLookupRequest> = {},
): DnsLookupJob => {
  const servers = n.kind(from) === 'pc' ? [ip('10.0.0.53')] : [];
  return n.finish(n.sim.dnsLookup(d(from), { name, type: DNS_TYPE_A, servers, app: 'resolver', ...over }));
};

describe('DNS', () => {
  it("a PC's resolver gets an address from the server's A record, and keeps it for its TTL", () => {
    const n = lan();
    let job!: DnsLookupJob;
    const wire = dnsOnWire(n, () => {
      job = lookup(n, 'PC1', 'www.example.com');
    });
    expect(job.result).toMatchObject({
      outcome: 'answer',
      server: ip('10.0.0.53'),
      rcode: 0,
      authoritative: true,
    });
    expect(addressesOf('www.example.com', job.result!.records).addresses).toEqual([ip('10.0.0.80')]);
    const [query, answer] = wire;
    expect(query).toMatchObject({ src: '10.0.0.10', dst: '10.0.0.53', dstPort: 53 });
    expect(query!.srcPort).toBeGreaterThanOrEqual(49152);
    expect(query!.m).toMatchObject({ response: false, recursionDesired: true });
    expect(query!.m.questions).toEqual([{ name: 'www.example.com', type: 1, class: 1 }]);
    expect(answer).toMatchObject({
      src: '10.0.0.53',
      dst: '10.0.0.10',
      srcPort: 53,
      dstPort: query!.srcPort,
    });
    expect(answer!.m).toMatchObject({ id: query!.m.id, response: true, recursionAvailable: false });
    expect(n.sim.dnsCache(d('PC1'))).toEqual([
      {
        name: 'www.example.com',
        type: 1,
        ttl: 3600,
        negative: false,
        records: [{ name: 'www.example.com', type: 1, ttl: 3600, address: ip('10.0.0.80') }],
      },
    ]);
    // Asked again, the cache answers: nothing is sent.
    const again = dnsOnWire(n, () => {
      expect(lookup(n, 'PC1', 'WWW.example.com').result).toMatchObject({ cached: true, rcode: 0 });
    });
    expect(again).toEqual([]);
    n.run(seconds(3600));
    expect(n.sim.dnsCache(d('PC1'))).toEqual([]);
    n.sim.flushDnsCache(d('PC1'));
  });

  it('follows aliases: the answer holds each CNAME, then the address', () => {
    const n = lan();
    const job = lookup(n, 'PC1', 'intranet.example.com');
    const records = job.result!.records;
    expect(records.map((r) => [r.name, r.type, r.target ?? formatIpv4(r.address!)])).toEqual([
      ['intranet.example.com', DNS_TYPE_CNAME, 'web.example.com'],
      ['web.example.com', DNS_TYPE_CNAME, 'www.example.com'],
      ['www.example.com', DNS_TYPE_A, '10.0.0.80'],
    ]);
    expect(addressesOf('intranet.example.com', records)).toEqual({
      canonical: 'www.example.com',
      addresses: [ip('10.0.0.80')],
    });
    expect(
      addressesOf('mail.example.com', lookup(n, 'PC1', 'mail.example.com').result!.records).addresses,
    ).toEqual([ip('10.0.0.25'), ip('10.0.0.26')]);
  });

  it('a name the server does not have is NXDOMAIN, and not kept without an SOA', () => {
    const n = lan();
    const job = lookup(n, 'PC1', 'nosuch.example.com');
    expect(job.result).toMatchObject({ outcome: 'answer', rcode: 3, records: [] });
    expect(job.failed).toEqual([]);
    // A name it has, with no record of the type: an empty answer.
    expect(lookup(n, 'PC1', 'www.example.com', { type: 28 }).result).toMatchObject({ rcode: 0, records: [] });
    expect(n.sim.dnsCache(d('PC1'))).toEqual([]);
  });

  it("Windows' resolver asks at 0, 1, 2, 4 and 8 s a server that does not answer, and gives up at 10 s", () => {
    const n = lan(['10.0.0.99']);
    const start = n.sim.now();
    const job = lookup(n, 'PC1', 'www.example.com', { servers: [ip('10.0.0.99')] });
    expect(job.result).toEqual({ outcome: 'timeout', records: [] });
    expect(job.failed).toEqual(Array(5).fill({ server: ip('10.0.0.99'), why: 'timeout' }));
    const took = n.sim.now() - start;
    expect(took).toBeGreaterThanOrEqual(seconds(10));
    expect(took).toBeLessThan(seconds(10.2));
  });

  it('a host without the DNS service answers with port unreachable, and the resolver moves on at once', () => {
    const n = lan(undefined, null);
    const start = n.sim.now();
    const job = lookup(n, 'PC1', 'www.example.com');
    expect(job.result?.outcome).toBe('timeout');
    expect(job.failed).toEqual(Array(5).fill({ server: ip('10.0.0.53'), why: 'unreachable' }));
    expect(n.sim.now() - start).toBeLessThan(seconds(1));
  });

  it('nslookup asks twice, 2 s each, numbering its queries', () => {
    const n = lan(['10.0.0.99']);
    const start = n.sim.now();
    const job = lookup(n, 'PC1', 'www.example.com', { servers: [ip('10.0.0.99')], app: 'nslookup' });
    expect(job.failed).toHaveLength(2);
    expect(n.sim.now() - start).toBeLessThan(seconds(4.2));
    // Refused at once by a host without the service, its two queries are seen on the wire.
    const m = lan(undefined, null);
    const wire = dnsOnWire(m, () => lookup(m, 'PC1', 'www.example.com', { app: 'nslookup', queryId: 2 }));
    expect(wire.map((w) => w.m.id)).toEqual([2, 3]);
  });

  it('IOS without a name server broadcasts its query, which a server on the LAN answers', () => {
    const n = lan();
    let job!: DnsLookupJob;
    const wire = dnsOnWire(
      n,
      () => {
        job = lookup(n, 'R1', 'www.example.com');
      },
      'L3',
    );
    expect(wire[0]).toMatchObject({ src: '10.0.0.1', dst: '255.255.255.255', dstPort: 53 });
    expect(job.result).toMatchObject({ outcome: 'answer', server: ip('10.0.0.53'), rcode: 0 });
    expect(n.sim.dnsCache(d('R1')).map((e) => e.name)).toEqual(['www.example.com']);
  });

  it('IOS asks each name server 3 times, 3 s apart', () => {
    const n = lan();
    const start = n.sim.now();
    const job = lookup(n, 'R1', 'www.example.com', { servers: [ip('10.0.0.98'), ip('10.0.0.99')] });
    expect(job.failed.map((f) => formatIpv4(f.server))).toEqual([
      ...Array(3).fill('10.0.0.98'),
      ...Array(3).fill('10.0.0.99'),
    ]);
    expect(n.sim.now() - start).toBeLessThan(seconds(18.2));
  });

  it('the answer leaves from the address asked, and its question keeps the case asked', () => {
    const n = lan();
    const wire = dnsOnWire(n, () => lookup(n, 'PC1', 'Web.Example.COM'));
    const answer = wire.find((w) => w.m.response)!;
    expect(answer.m.questions[0]!.name).toBe('Web.Example.COM');
    expect(answer.m.answers[0]!.name).toBe('Web.Example.COM');
  });
});

describe('DNS edge cases', () => {
  it('a name no query can carry ends the lookup at once, with no port left bound', () => {
    const n = lan();
    const job = lookup(n, 'PC1', `${'x'.repeat(64)}.example.com`);
    expect(job.result).toEqual({ outcome: 'bad-name', records: [] });
    expect(lookup(n, 'PC1', 'a..b').result?.outcome).toBe('bad-name');
  });

  it('an alias loop among the records is answered with the chain once', () => {
    const n = lan(undefined, [
      { name: 'a.example.com', type: 'CNAME', target: 'b.example.com' },
      { name: 'b.example.com', type: 'CNAME', target: 'a.example.com' },
    ]);
    const job = lookup(n, 'PC1', 'a.example.com');
    expect(job.result?.records.map((r) => [r.name, r.target])).toEqual([
      ['a.example.com', 'b.example.com'],
      ['b.example.com', 'a.example.com'],
    ]);
  });

  it('asks no more than the tries it is given', () => {
    const n = lan(['10.0.0.99']);
    const job = lookup(n, 'PC1', 'www.example.com', {
      servers: [ip('10.0.0.99')],
      app: 'nslookup',
      tries: 1,
    });
    expect(job.failed).toHaveLength(1);
  });

  it('a reload ends the lookups the device was running', () => {
    const n = lan(['10.0.0.99']);
    const job = n.sim.dnsLookup(d('PC1'), {
      name: 'www.example.com',
      type: 1,
      servers: [ip('10.0.0.99')],
      app: 'resolver',
    });
    n.run(seconds(1));
    n.sim.reload(d('PC1'));
    expect(job.done).toBe(true);
    n.run(seconds(20));
    expect(n.sim.dnsCache(d('PC1'))).toEqual([]);
  });
});
