/**
 * Stopping a ping or a traceroute midway (the break key at a console): no probe leaves after
 * it, what was learned stays, and the job stays plain data.
 */
import { describe, expect, it } from 'vitest';
import { deviceId } from '../../src/shared/ids.ts';
import { ms, seconds } from '../../src/shared/time.ts';
import { ip, TestNet } from './net.ts';

const d = deviceId;

function lan(): TestNet {
  const n = new TestNet();
  n.switch('S1');
  n.pc('PC1', '10.0.0.10/24', '10.0.0.1').pc('PC2', '10.0.0.20/24', '10.0.0.1');
  n.link('PC1:fa0', 'S1:fa0/1');
  n.link('PC2:fa0', 'S1:fa0/2');
  return n;
}

describe('stopping a probe job', () => {
  it('a ping without end stops sending and keeps its results', () => {
    const n = lan();
    const job = n.sim.ping(d('PC1'), ip('10.0.0.20'), {
      count: Number.POSITIVE_INFINITY,
      timeout: seconds(4),
      size: 32,
      interval: seconds(1),
    });
    n.run(seconds(3.5));
    expect(job.results.map((r) => r.outcome.kind)).toEqual(['reply', 'reply', 'reply', 'reply']);
    expect(job.done).toBe(false);
    job.stop();
    expect(job.done).toBe(true);
    const sent = n.sim.interfaces(d('PC1'))[0]!.counters.txFrames;
    n.run(seconds(10));
    expect(n.sim.interfaces(d('PC1'))[0]!.counters.txFrames).toBe(sent);
    expect(job.results).toHaveLength(4);
    // The job is data: a copy of it has no method.
    expect(Object.keys(JSON.parse(JSON.stringify(job)))).toEqual(['done', 'target', 'results']);
  });

  it('a ping stopped while waiting for a reply records nothing more', () => {
    const n = lan();
    const job = n.sim.ping(d('PC1'), ip('10.0.0.99'), { count: 4, timeout: seconds(4), size: 32 });
    n.run(ms(500));
    job.stop();
    n.run(seconds(20));
    expect(job.results).toEqual([]);
  });

  it('pings running side by side each get their own replies, before and after one stops', () => {
    const n = lan();
    const forever = { count: Number.POSITIVE_INFINITY, timeout: seconds(4), size: 32, interval: seconds(1) };
    const first = n.sim.ping(d('PC1'), ip('10.0.0.20'), forever);
    const second = n.sim.ping(d('PC1'), ip('10.0.0.20'), forever);
    const third = n.sim.ping(d('PC1'), ip('10.0.0.99'), { ...forever, count: 2 });
    n.run(seconds(2.5));
    first.stop();
    // Started once the first has stopped: it may take the first's place.
    const fourth = n.sim.ping(d('PC1'), ip('10.0.0.20'), { ...forever, count: 2 });
    n.run(seconds(10));
    second.stop();
    const kinds = (job: typeof first) => job.results.map((r) => r.outcome.kind);
    expect(kinds(first)).toEqual(['reply', 'reply', 'reply']);
    expect(kinds(second).length).toBeGreaterThan(10);
    expect(new Set(kinds(second))).toEqual(new Set(['reply']));
    expect(kinds(third)).toEqual(['unreachable', 'unreachable']);
    expect(kinds(fourth)).toEqual(['reply', 'reply']);
  });

  it('a traceroute stopped midway keeps the hops it has', () => {
    const n = lan();
    const job = n.sim.traceroute(d('PC1'), ip('10.9.9.9'), {
      maxTtl: 30,
      probesPerHop: 3,
      timeout: seconds(1),
      probe: 'icmp',
    });
    n.run(seconds(2));
    job.stop();
    const hops = job.hops.length;
    n.run(seconds(60));
    expect(job.done).toBe(true);
    expect(job.hops).toHaveLength(hops);
    expect(job.reached).toBe(false);
  });
});
