/**
 * Routers forward owned frames in place (src/engine/device/ownership.ts) only while nobody
 * watches, so every scenario here runs twice, traced (every frame copied) and untraced, and
 * must end the same way: same probe outcomes, counters, ARP and MAC tables.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { EthernetFrame } from '../../src/engine/wire/ethernet.ts';
import { deviceId, linkId } from '../../src/shared/ids.ts';
import type { Micros } from '../../src/shared/time.ts';
import { ms, seconds } from '../../src/shared/time.ts';
import { ip, TestNet } from './net.ts';

const d = deviceId;
const DEVICES = ['R1', 'R2', 'R3', 'S1', 'S2', 'S3', 'PC1', 'PC2', 'PC3', 'PC4'];

/**
 * R1 on a stick for VLANs 10 (PC1) and 20 (PC2) above S1; R1, R2 and R3 share a transit LAN on
 * S2, so a unicast frame S2 has not learned yet is flooded to two routers; PC3 behind R2 on S3,
 * PC4 behind R3. R1 sends everything to R2, which sends PC4's traffic back across the transit
 * LAN to R3: a frame for R2 flooded to R3 as well must still look addressed to R2 when it
 * reaches R3, whatever R2 did with it first.
 */
function campus(traced: boolean): TestNet {
  // A trace large enough that nothing recorded is dropped before a test compares it.
  const n = new TestNet({ seed: 3, traceCapacity: 1_000_000 });
  n.sim.trace.enabled = traced;
  n.router('R1', {
    interfaces: {
      'g0/0': {},
      'g0/0.10': { dot1q: 10, ip: '10.0.10.1/24' },
      'g0/0.20': { dot1q: 20, ip: '10.0.20.1/24' },
      'g0/1': { ip: '10.0.0.1/24' },
    },
    routes: ['0.0.0.0/0 via 10.0.0.2'],
  });
  n.router('R2', {
    interfaces: { 'g0/0': { ip: '10.0.0.2/24' }, 'g0/1': { ip: '10.0.30.1/24' } },
    routes: ['10.0.10.0/24 via 10.0.0.1', '10.0.20.0/24 via 10.0.0.1', '10.0.40.0/24 via 10.0.0.3'],
  });
  n.router('R3', {
    interfaces: { 'g0/0': { ip: '10.0.0.3/24' }, 'g0/1': { ip: '10.0.40.1/24' } },
    routes: ['0.0.0.0/0 via 10.0.0.2'],
  });
  n.switch('S1', {
    vlans: [10, 20],
    ports: {
      'g0/1': { mode: 'trunk' },
      'fa0/1': { mode: 'access', access: 10 },
      'fa0/2': { mode: 'access', access: 20 },
    },
  });
  n.switch('S2').switch('S3');
  n.pc('PC1', '10.0.10.10/24', '10.0.10.1');
  n.pc('PC2', '10.0.20.10/24', '10.0.20.1');
  n.pc('PC3', '10.0.30.10/24', '10.0.30.1');
  n.pc('PC4', '10.0.40.10/24', '10.0.40.1');
  n.link('R1:g0/0', 'S1:g0/1');
  n.link('PC1:fa0', 'S1:fa0/1');
  n.link('PC2:fa0', 'S1:fa0/2');
  n.link('R1:g0/1', 'S2:fa0/1');
  // R2 on a faster port than R3: a copy flooded to both reaches R2 first.
  n.link('R2:g0/0', 'S2:g0/1');
  n.link('R3:g0/0', 'S2:fa0/3');
  n.link('R2:g0/1', 'S3:fa0/1');
  n.link('PC3:fa0', 'S3:fa0/2');
  n.link('PC4:fa0', 'R3:g0/1');
  return n;
}

/** Everything a scenario leaves behind that forwarding could have got wrong. */
function outcome(n: TestNet, jobs: unknown[]): string {
  const devices = DEVICES.map((name) => ({
    name,
    interfaces: n.sim.interfaces(d(name)),
    arp: n.sim.arpTable(d(name)),
    mac: n.kind(name) === 'switch' ? n.sim.macTable(d(name)) : [],
  }));
  return JSON.stringify({ now: n.sim.now(), jobs, devices });
}

/** Pings in both directions at once, through a flood, a traceroute, an unreachable network. */
function busy(n: TestNet): unknown[] {
  const windows = { count: 6, timeout: seconds(4), size: 32, interval: ms(1) as Micros };
  const a = n.sim.ping(d('PC1'), ip('10.0.30.10'), windows);
  const b = n.sim.ping(d('PC3'), ip('10.0.20.10'), windows);
  const c = n.sim.ping(d('PC2'), ip('10.0.0.3'), windows);
  const e = n.sim.ping(d('PC1'), ip('10.0.40.10'), windows);
  // S2 forgets where the routers are, again and again: the next frames across it are flooded
  // to all three.
  for (let i = 0; i < 20; i++) {
    n.run(ms(1));
    n.sim.clearMacTable(d('S2'));
  }
  for (const job of [a, b, c, e]) n.finish(job);
  // A frame for R2 flooded to R3 as well, R2 sending it back to R3.
  n.sim.clearMacTable(d('S2'));
  const flooded = n.ping('PC1', '10.0.40.10', { count: 1 });
  const trace = n.traceroute('PC1', '10.0.30.10');
  const lost = n.ping('PC2', '10.9.9.9');
  const ios = n.ping('R3', '10.0.10.10', { count: 20 });
  return [a, b, c, e, flooded, trace, lost, ios];
}

describe('frame ownership', () => {
  it('forwarding in place changes nothing anyone can see', () => {
    const traced = campus(true);
    const untraced = campus(false);
    const expected = outcome(traced, busy(traced));
    expect(outcome(untraced, busy(untraced))).toBe(expected);
    const copied = traced.sim.engineStats();
    const inPlace = untraced.sim.engineStats();
    expect(copied.routedInPlace).toBe(0);
    expect(inPlace.routed).toBe(copied.routed);
    // Most routed hops reuse their frame; the flooded ones and the first after ARP do not.
    expect(inPlace.routedInPlace).toBeGreaterThan(copied.routed / 2);
    expect(inPlace.routedInPlace).toBeLessThan(copied.routed);
    // Back-to-back pings send most of their requests in the frame of the previous reply, but
    // for R3's: R2 routes them back out of g0/0 and redirects R3, so it forwards copies.
    expect(copied.echoesReused).toBe(0);
    expect(inPlace.echoes).toBe(copied.echoes);
    expect(inPlace.echoesReused).toBeGreaterThan(copied.echoes / 3);
  });

  it('a routing switch forwards between its SVIs in place, with the same outcome', () => {
    const build = (traced: boolean) => {
      const n = new TestNet({ seed: 5 });
      n.sim.trace.enabled = traced;
      n.switch('L3', {
        vlans: [50, 60],
        ports: { 'fa0/1': { mode: 'access', access: 50 }, 'fa0/2': { mode: 'access', access: 60 } },
        svis: { 50: '10.0.50.1/24', 60: '10.0.60.1/24' },
        ipRouting: true,
      });
      n.pc('PC5', '10.0.50.10/24', '10.0.50.1').pc('PC6', '10.0.60.10/24', '10.0.60.1');
      n.link('PC5:fa0', 'L3:fa0/1');
      n.link('PC6:fa0', 'L3:fa0/2');
      const jobs = [n.ping('PC5', '10.0.60.10', { count: 8 }), n.traceroute('PC6', '10.0.50.10')];
      const tables = ['L3', 'PC5', 'PC6'].map((name) => [
        n.sim.interfaces(d(name)),
        n.sim.arpTable(d(name)),
        n.kind(name) === 'switch' ? n.sim.macTable(d(name)) : [],
      ]);
      return { n, text: JSON.stringify({ now: n.sim.now(), jobs, tables }) };
    };
    const traced = build(true);
    const untraced = build(false);
    expect(untraced.text).toBe(traced.text);
    expect(untraced.n.sim.engineStats().routedInPlace).toBeGreaterThan(0);
  });

  it('what the trace recorded stays as it was when tracing stops with frames on their way', () => {
    // Stop at several instants, so that some routed frame is on a cable each time.
    for (let stop = 4; stop <= 40; stop += 4) {
      const n = campus(true);
      n.ping('PC1', '10.0.40.10', { count: 1 });
      n.ping('PC2', '10.0.30.10', { count: 1 });
      const windows = { count: 4, timeout: seconds(4), size: 32, interval: ms(1) as Micros };
      const jobs = [
        n.sim.ping(d('PC1'), ip('10.0.40.10'), windows),
        n.sim.ping(d('PC2'), ip('10.0.30.10'), windows),
      ];
      n.run(stop);
      const recorded = n.sim.trace.events.length;
      const before = JSON.stringify(n.sim.trace.events.slice(0, recorded));
      n.sim.trace.enabled = false;
      for (const job of jobs) n.finish(job);
      expect(n.sim.engineStats().routedInPlace).toBeGreaterThan(0);
      expect(n.sim.engineStats().echoesReused).toBeGreaterThan(0);
      expect(JSON.stringify(n.sim.trace.events.slice(0, recorded))).toBe(before);
    }
  });

  it('a capture sees every routed frame as it was on each cable', () => {
    const n = campus(false);
    const seen: { link: string; frame: EthernetFrame; ttl: number; dst: number }[] = [];
    n.sim.onWire((_at, link, frame) => {
      if (frame.payload.proto === 'ipv4') seen.push({ link, frame, ttl: frame.payload.ttl, dst: frame.dst });
    });
    n.ping('PC1', '10.0.30.10', { count: 8, interval: 0 as Micros });
    expect(n.sim.engineStats().routedInPlace).toBe(0);
    expect(n.sim.engineStats().echoesReused).toBe(0);
    // Nothing captured changed after the fact.
    for (const s of seen) {
      expect(s.frame.payload.proto === 'ipv4' && s.frame.payload.ttl).toBe(s.ttl);
      expect(s.frame.dst).toBe(s.dst);
    }
    // PC1's echoes leave with TTL 128 and reach PC3 two routers later with 126.
    const ttls = new Set(seen.map((s) => s.ttl));
    expect([...ttls].sort()).toEqual([126, 127, 128]);
  });

  /** What a student might do to the campus while its traffic runs. */
  type Act =
    | { kind: 'ping'; from: number; to: number; count: number }
    | { kind: 'traceroute'; from: number; to: number }
    | { kind: 'clear-mac'; device: number }
    | { kind: 'clear-arp'; device: number }
    | { kind: 'link'; link: number; up: boolean }
    | { kind: 'run'; us: number }
    // PC1 pings PC4 until ARP is resolved all the way, S2 forgets the routers, PC1 pings again:
    // R2 sends the flooded frame back to R3.
    | { kind: 'hairpin' };

  const SOURCES = ['PC1', 'PC2', 'PC3', 'PC4', 'R1', 'R3'];
  const TARGETS = [
    '10.0.10.10',
    '10.0.20.10',
    '10.0.30.10',
    '10.0.40.10',
    '10.0.0.3',
    '10.0.20.1',
    '10.9.9.9',
  ];
  const SWITCHES = ['S1', 'S2', 'S3'];
  const LINKS = 9;
  const act: fc.Arbitrary<Act> = fc.oneof(
    fc.record({
      kind: fc.constant('ping' as const),
      from: fc.nat(SOURCES.length - 1),
      to: fc.nat(TARGETS.length - 1),
      count: fc.integer({ min: 1, max: 3 }),
    }),
    fc.record({
      kind: fc.constant('traceroute' as const),
      from: fc.nat(SOURCES.length - 1),
      to: fc.nat(TARGETS.length - 1),
    }),
    fc.record({ kind: fc.constant('clear-mac' as const), device: fc.nat(SWITCHES.length - 1) }),
    fc.record({ kind: fc.constant('clear-arp' as const), device: fc.nat(DEVICES.length - 1) }),
    fc.record({ kind: fc.constant('link' as const), link: fc.nat(LINKS - 1), up: fc.boolean() }),
    // Mostly short: tracing changes between acts, so frames are often on their way when it does.
    fc.record({
      kind: fc.constant('run' as const),
      us: fc.oneof(fc.integer({ min: 1, max: 200 }), fc.constant(3_000)),
    }),
    fc.constant({ kind: 'hairpin' as const }),
  );

  /**
   * Plays `acts` on a fresh campus, tracing as `tracing` says before each act: the outcome,
   * and the events traced (without their trace sequence numbers, which count traced events).
   */
  function play(acts: Act[], tracing: (i: number) => boolean): { outcome: string; events: string[] } {
    const n = campus(tracing(0));
    const jobs: { readonly done: boolean }[] = [];
    acts.forEach((a, i) => {
      n.sim.trace.enabled = tracing(i);
      const windows = (from: string) => n.kind(from) === 'pc';
      if (a.kind === 'ping') {
        const from = SOURCES[a.from]!;
        jobs.push(
          n.sim.ping(d(from), ip(TARGETS[a.to]!), {
            count: a.count,
            timeout: seconds(1),
            size: windows(from) ? 32 : 100,
            ...(windows(from) ? { interval: ms(1) as Micros } : { sizeIsDatagram: true }),
          }),
        );
      } else if (a.kind === 'traceroute') {
        const from = SOURCES[a.from]!;
        jobs.push(
          n.sim.traceroute(d(from), ip(TARGETS[a.to]!), {
            maxTtl: 6,
            probesPerHop: 2,
            timeout: seconds(1),
            probe: windows(from) ? 'icmp' : 'udp',
          }),
        );
      } else if (a.kind === 'clear-mac') n.sim.clearMacTable(d(SWITCHES[a.device]!));
      else if (a.kind === 'clear-arp') n.sim.clearArp(d(DEVICES[a.device]!));
      else if (a.kind === 'link') n.sim.setLinkUp(linkId(`L${a.link + 1}`), a.up);
      else if (a.kind === 'hairpin') {
        const windows = { count: 2, timeout: seconds(1), size: 32, interval: ms(1) as Micros };
        jobs.push(n.finish(n.sim.ping(d('PC1'), ip('10.0.40.10'), windows)));
        n.sim.clearMacTable(d('S2'));
        jobs.push(n.sim.ping(d('PC1'), ip('10.0.40.10'), windows));
      } else n.run(a.us);
    });
    for (const job of jobs) n.finish(job);
    const events = n.sim.trace.events.map(({ seq: _, ...e }) => JSON.stringify(e));
    return { outcome: outcome(n, jobs), events };
  }

  it('random traffic, flushes and cable pulls end the same traced, untraced or both in turn', () => {
    fc.assert(
      fc.property(fc.array(act, { minLength: 1, maxLength: 25 }), (acts) => {
        const traced = play(acts, () => true);
        expect(play(acts, () => false).outcome).toBe(traced.outcome);
        // Traced part of the time: the same outcome, and what it recorded is what the fully
        // traced run recorded, untouched by whatever happened to the frames afterwards.
        const some = play(acts, (i) => i % 3 === 1);
        expect(some.outcome).toBe(traced.outcome);
        const all = new Set(traced.events);
        for (const e of some.events) expect(all.has(e), e).toBe(true);
      }),
      { numRuns: 40 },
    );
  });
});
