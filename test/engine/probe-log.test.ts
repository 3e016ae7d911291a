import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ProbeOutcome, ProbeResult } from '../../src/engine/api.ts';
import { ProbeLog } from '../../src/engine/apps/probe-log.ts';
import type { Ipv4Addr } from '../../src/shared/ipv4.ts';
import type { Micros } from '../../src/shared/time.ts';
import { TestNet } from './net.ts';

const addr = fc.nat(0xffff_ffff).map((a) => a as Ipv4Addr);
const micros = fc.double({ min: 0, max: 1e12, noNaN: true }).map((t) => t as Micros);
const outcome: fc.Arbitrary<ProbeOutcome> = fc.oneof(
  fc.record({
    kind: fc.constant('reply' as const),
    from: addr,
    bytes: fc.nat(65_500),
    rtt: micros,
    ttl: fc.nat(255),
  }),
  fc.constant({ kind: 'timeout' as const }),
  fc.record({ kind: fc.constant('unreachable' as const), from: addr, code: fc.nat(15), rtt: micros }),
  fc.record({ kind: fc.constant('unreachable' as const), from: addr, code: fc.nat(15) }),
  fc.record({
    kind: fc.constant('ttl-exceeded' as const),
    from: addr,
    code: fc.integer({ min: 0, max: 1 }),
    rtt: micros,
  }),
  fc.constant({ kind: 'local-error' as const, reason: 'no-route' as const }),
);

describe('ProbeLog', () => {
  it('reads back every outcome in order, however reads and additions interleave', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(micros, outcome, fc.nat(1000), fc.boolean()), { maxLength: 100 }),
        (steps) => {
          const log = new ProbeLog();
          const model: ProbeResult[] = [];
          for (const [at, o, probe, read] of steps) {
            log.add(at, o, probe);
            model.push({ seq: probe, at, outcome: o });
            if (read) expect(log.results()).toEqual(model);
          }
          expect(log.results()).toEqual(model);
          expect(log.length).toBe(model.length);
        },
      ),
    );
  });

  it('hands out one array that grows, with the same result objects each time', () => {
    const log = new ProbeLog();
    log.add(1, { kind: 'timeout' }, 0);
    const first = log.results();
    const r0 = first[0];
    log.addReply(2, 1 as Ipv4Addr, 32, 0.5, 128, 1);
    expect(log.results()).toBe(first);
    expect(first).toHaveLength(2);
    expect(first[0]).toBe(r0);
  });
});

describe('ping job', () => {
  it('shows its results to copies and JSON like a plain object', () => {
    const n = new TestNet();
    n.pc('PC1', '10.0.0.1/24').pc('PC2', '10.0.0.2/24');
    n.link('PC1:fa0', 'PC2:fa0');
    const job = n.ping('PC1', '10.0.0.2');
    expect(job.results).toHaveLength(4);
    expect(JSON.parse(JSON.stringify(job)).results).toHaveLength(4);
    expect(structuredClone(job).results).toEqual(job.results);
  });
});
