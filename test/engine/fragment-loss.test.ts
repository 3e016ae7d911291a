/**
 * A datagram whose fragments do not all arrive: the destination gives up after its reassembly
 * timeout and, having the first fragment, tells the source with an ICMP time exceeded, code 1
 * (RFC 792, RFC 1122 3.3.2), which the source's ping reports.
 */
import { describe, expect, it } from 'vitest';
import type { PingJob } from '../../src/engine/api.ts';
import { deviceId, linkId } from '../../src/shared/ids.ts';
import { seconds } from '../../src/shared/time.ts';
import { ip, TestNet } from './net.ts';

const d = deviceId;

/** PC1 10.0.0.10 and PC2 10.0.0.20 behind S1, R1 Gi0/0 10.0.0.1; returns the net and PC2's cable. */
function lan(): { n: TestNet; pc2Cable: string } {
  const n = new TestNet();
  n.router('R1', { interfaces: { 'g0/0': { ip: '10.0.0.1/24' } } });
  n.switch('S1');
  n.pc('PC1', '10.0.0.10/24', '10.0.0.1').pc('PC2', '10.0.0.20/24', '10.0.0.1');
  n.link('R1:g0/0', 'S1:g0/1');
  n.link('PC1:fa0', 'S1:fa0/1');
  const pc2Cable = n.link('PC2:fa0', 'S1:fa0/2');
  n.settle();
  return { n, pc2Cable };
}

/**
 * Runs the simulation until `dev`'s `port` has taken in one more frame (the first fragment),
 * then pulls `cable` for a second, which loses the fragments still on it or behind.
 */
function loseTheRest(n: TestNet, dev: string, port: string, cable: string): void {
  const rx = () => n.sim.interfaces(d(dev)).find((i) => i.name === port)!.counters.rxFrames;
  const before = rx();
  step(n, () => rx() !== before);
  n.sim.setLinkUp(linkId(cable), false);
  n.run(seconds(1));
  n.sim.setLinkUp(linkId(cable), true);
}

/** Runs `job` to its end (its timeout is long: the reassembly timeout is 60 s). */
function finish(n: TestNet, job: PingJob): PingJob {
  step(n, () => job.done);
  return job;
}

/** Runs the simulation one event time at a time until `done()` (bounded: a broken engine fails). */
function step(n: TestNet, done: () => boolean): void {
  for (let i = 0; i < 10_000 && !done(); i++) {
    const next = n.sim.nextEventTime();
    if (next === undefined) break;
    n.sim.runUntil(next);
  }
  if (!done()) throw new Error('the simulation stopped short');
}

describe('fragments that do not all arrive', () => {
  it('a Windows host times the datagram out and answers time exceeded (reassembly) from its address', () => {
    const { n, pc2Cable } = lan();
    n.ping('PC1', '10.0.0.20', { count: 1 });
    const codes: number[] = [];
    n.sim.onWire((_t, _l, f) => {
      const p = f.payload;
      if (p.proto === 'ipv4' && p.payload.proto === 'icmp' && p.payload.type === 11)
        codes.push(p.payload.code);
    });
    const job = n.sim.ping(d('PC1'), ip('10.0.0.20'), { count: 1, size: 4000, timeout: seconds(70) });
    const sent = n.sim.now();
    loseTheRest(n, 'PC2', 'FastEthernet0', pc2Cable);
    finish(n, job);
    const r = job.results[0]!;
    expect(r.outcome).toMatchObject({ kind: 'ttl-exceeded', from: ip('10.0.0.20'), code: 1 });
    // Sixty seconds after the first fragment came (a few hundred microseconds after the echo left).
    expect(r.at - sent).toBeGreaterThanOrEqual(seconds(60));
    expect(r.at - sent).toBeLessThan(seconds(60) + 1000);
    // One error on each of the two cables it crosses.
    expect(codes).toEqual([1, 1]);
  });

  it('an IOS router reassembling for itself does the same', () => {
    const { n } = lan();
    n.ping('PC1', '10.0.0.1', { count: 1 });
    const job = n.sim.ping(d('PC1'), ip('10.0.0.1'), { count: 1, size: 4000, timeout: seconds(70) });
    // Lost on PC1's own cable once the first fragment is through: R1's interface stays up and
    // keeps PC1 in its ARP cache (IOS drops a datagram that has to wait for ARP).
    loseTheRest(n, 'S1', 'FastEthernet0/1', 'L2');
    expect(finish(n, job).results[0]!.outcome).toMatchObject({
      kind: 'ttl-exceeded',
      from: ip('10.0.0.1'),
      code: 1,
    });
  });

  it('nothing is sent when the first fragment is the one lost', () => {
    const { n, pc2Cable } = lan();
    n.ping('PC1', '10.0.0.20', { count: 1 });
    const job = n.sim.ping(d('PC1'), ip('10.0.0.20'), { count: 1, size: 4000, timeout: seconds(70) });
    // The switch has just put the first fragment on PC2's cable: a flap of the cable loses it,
    // and the later fragments, still on their way to the switch, reach PC2.
    let first = false;
    n.sim.onWire((_t, l, f) => {
      const p = f.payload;
      if (l === pc2Cable && p.proto === 'ipv4' && p.moreFragments && p.fragmentOffset === 0) first = true;
    });
    step(n, () => first);
    n.sim.setLinkUp(linkId(pc2Cable), false);
    n.sim.setLinkUp(linkId(pc2Cable), true);
    const rx = n.sim.interfaces(d('PC2'))[0]!.counters.rxFrames;
    expect(finish(n, job).results[0]!.outcome).toEqual({ kind: 'timeout' });
    // It did get the other two.
    expect(n.sim.interfaces(d('PC2'))[0]!.counters.rxFrames - rx).toBeGreaterThanOrEqual(2);
  });
});
