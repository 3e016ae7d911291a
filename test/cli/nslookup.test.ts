/**
 * nslookup as a console that streams shows it: each unanswered try as it fails, Ctrl+C, and
 * what it sends (its own query identifiers, the suffix tried first), which a transcript does
 * not show.
 */
import { describe, expect, it } from 'vitest';
import type { HostDeviceContext } from '../../src/cli/context.ts';
import { nslookup } from '../../src/cli/host/nslookup.ts';
import type { Running } from '../../src/cli/running.ts';
import { decodeDns } from '../../src/engine/wire/dns.ts';
import { parseIpv4 } from '../../src/shared/ipv4.ts';
import { type Micros, ms, seconds } from '../../src/shared/time.ts';
import { runFor, TOPOLOGIES } from './lab.ts';

function pc1() {
  const lab = TOPOLOGIES['dns']!();
  const ctx = lab.contexts.get('PC1') as HostDeviceContext;
  ctx.setHostConfig({
    ip: { addr: parseIpv4('10.0.0.10')!, len: 24 },
    gateway: parseIpv4('10.0.0.1')!,
    dns: [parseIpv4('10.0.0.53')!],
  });
  // What PC1 asks: each query's identifier and name.
  const queries: { id: number; name: string }[] = [];
  lab.sim.onWire((_at, link, f) => {
    const p = f.payload;
    // PC1's own cable (the lab's second).
    if (link !== 'L2') return;
    if (p.proto !== 'ipv4' || p.src !== parseIpv4('10.0.0.10') || p.payload.proto !== 'udp') return;
    if (p.payload.dstPort !== 53) return;
    const m = decodeDns(p.payload.data);
    if (m.ok) queries.push({ id: m.value.id, name: m.value.questions[0]!.name });
  });
  let running: Running | undefined;
  let shown = '';
  return {
    lab,
    ctx,
    queries,
    run(...args: string[]): string[] {
      return nslookup(ctx, args, (r) => {
        running = r;
      });
    },
    /** What it printed after `by` more of the clock, read after every event as a console does. */
    after(by: Micros): string {
      runFor(
        lab.sim,
        () => false,
        by,
        () => {
          shown += running!.take();
        },
      );
      return shown;
    },
    interrupt(): string {
      shown += running!.interrupt();
      return shown;
    },
    get done() {
      return running!.done;
    },
  };
}

const TIMED_OUT = 'DNS request timed out.\n    timeout was 2 seconds.\n';

describe('nslookup', () => {
  it('prints each unanswered try as it fails, 2 s apart, then gives up at 10 s', () => {
    const c = pc1();
    expect(c.run('www.example.com', '10.0.0.99')).toEqual([]);
    expect(c.after(ms(1900))).toBe('');
    expect(c.after(ms(200))).toBe(`${TIMED_OUT}Server:  UnKnown\nAddress:  10.0.0.99\n\n`);
    expect(c.after(seconds(2))).toMatch(
      /Address: {2}10\.0\.0\.99\n\nDNS request timed out\.\n {4}timeout was 2 seconds\.\n$/,
    );
    expect(c.after(seconds(4)).split(TIMED_OUT).length - 1).toBe(4);
    expect(c.done).toBe(false);
    expect(c.after(seconds(2))).toMatch(/\n\*\*\* Request to UnKnown timed-out\n\n$/);
    expect(c.done).toBe(true);
  });

  it('stops at Ctrl+C with ^C', () => {
    const c = pc1();
    c.run('www.example.com', '10.0.0.99');
    c.after(seconds(3));
    expect(c.interrupt()).toBe(`${TIMED_OUT}Server:  UnKnown\nAddress:  10.0.0.99\n\n^C\n`);
    expect(c.done).toBe(true);
  });

  it('numbers its queries from 1: the server PTR, then A and AAAA', () => {
    const c = pc1();
    c.run('web.example.com');
    c.after(seconds(1));
    expect(c.queries).toEqual([
      { id: 1, name: '53.0.0.10.in-addr.arpa' },
      { id: 2, name: 'web.example.com' },
      { id: 3, name: 'web.example.com' },
    ]);
    expect(c.done).toBe(true);
  });

  it('asks a name without a final dot with the adapter DNS suffix first', () => {
    const c = pc1();
    // A DHCP lease's domain is the adapter's suffix; the lab has no DHCP server, so its lookup is faked.
    const sim = new Proxy(c.ctx.sim, {
      get(target, key) {
        if (key === 'interfaces')
          return (id: never) =>
            target.interfaces(id).map((i) => ({ ...i, dhcp: { lease: { domain: 'lab.local', dns: [] } } }));
        const v = Reflect.get(target, key);
        return typeof v === 'function' ? v.bind(target) : v;
      },
    });
    const ctx: HostDeviceContext = {
      ...c.ctx,
      sim,
      hostConfig: () => ({ ...c.ctx.hostConfig(), dhcp: true }),
    };
    let running: Running | undefined;
    nslookup(ctx, ['www.example.com'], (r) => {
      running = r;
    });
    let shown = '';
    runFor(
      c.lab.sim,
      () => false,
      seconds(1),
      () => {
        shown += running!.take();
      },
    );
    expect(shown).toBe(
      'Server:  UnKnown\nAddress:  10.0.0.53\n\nName:    www.example.com\nAddress:  10.0.0.80\n\n\n',
    );
    expect(c.queries.map((q) => [q.id, q.name])).toEqual([
      [1, '53.0.0.10.in-addr.arpa'],
      [2, 'www.example.com.lab.local'],
      [3, 'www.example.com'],
      [4, 'www.example.com'],
    ]);
  });
});
