/**
 * The input and output rates `show interfaces` prints: IOS's 5-minute averages of bits and
 * packets per second, sampled every 5 seconds and decayed by exp(-5/300) a sample
 * (src/engine/device/load-rates.ts). The engine takes samples only when something ran; here a
 * reference takes every one, from the frames the trace saw each port send and receive.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { InterfaceRates, InterfaceStatus } from '../../src/engine/api.ts';
import { wireLen } from '../../src/engine/frame-size.ts';
import { deviceId } from '../../src/shared/ids.ts';
import type { Micros } from '../../src/shared/time.ts';
import { ms, seconds } from '../../src/shared/time.ts';
import { ip, startStorm, switchLoop, type TestNet, trunkLan } from './net.ts';

const d = deviceId;
const INTERVAL = seconds(5);
const DECAY = Math.exp(-5 / 300);
const DEVICES = ['PC1', 'S1', 'R1', 'PC2'];

const lan = (): TestNet => trunkLan({ seed: 11, traceCapacity: 1_000_000 });

const view = (n: TestNet, dev: string, iface: string): InterfaceStatus =>
  n.sim.interfaces(d(dev)).find((v) => v.name === iface)!;

/**
 * Every port's rates by the definition: the samples at 5 s, 10 s, ... up to now, each the
 * frames and bytes the trace saw in the 5 seconds before it.
 */
function reference(n: TestNet): Map<string, InterfaceRates> {
  const samples = Math.floor(n.sim.now() / INTERVAL);
  const per = new Map<string, { inB: number[]; inP: number[]; outB: number[]; outP: number[] }>();
  for (const e of n.sim.trace.events) {
    if (e.kind !== 'tx' && e.kind !== 'rx') continue;
    // A frame at 0 (an announcement as a cable comes up) is in the first sample.
    const k = Math.max(1, Math.ceil(e.t / INTERVAL));
    if (k < 1 || k > samples) continue;
    const key = `${e.device} ${e.port}`;
    let s = per.get(key);
    if (s === undefined) {
      const zeros = () => new Array<number>(samples + 1).fill(0);
      s = { inB: zeros(), inP: zeros(), outB: zeros(), outP: zeros() };
      per.set(key, s);
    }
    const [bits, packets] = e.kind === 'rx' ? [s.inB, s.inP] : [s.outB, s.outP];
    bits[k]! += wireLen(e.frame) * 8;
    packets[k]! += 1;
  }
  const average = (xs: number[]): number => {
    let a = 0;
    for (let k = 1; k <= samples; k++) a = (a - xs[k]! / 5) * DECAY + xs[k]! / 5;
    return a;
  };
  const out = new Map<string, InterfaceRates>();
  for (const [key, s] of per)
    out.set(key, {
      inBits: average(s.inB),
      inPackets: average(s.inP),
      outBits: average(s.outB),
      outPackets: average(s.outP),
    });
  return out;
}

/** After `at` microseconds, R1 pings PC2 `count` times back to back, 100 data bytes each. */
function burst(n: TestNet, at: number, count: number): void {
  n.run(at);
  n.finish(
    n.sim.ping(d('R1'), ip('10.1.0.10'), { count, timeout: seconds(2), size: 100, interval: 0 as Micros }),
  );
}

function expectRatesAsDefined(n: TestNet): void {
  // The trace must hold every frame since the start (it is a ring).
  expect(n.sim.trace.events.length).toBeLessThan(1_000_000);
  const expected = reference(n);
  for (const dev of DEVICES) {
    for (const v of n.sim.interfaces(d(dev))) {
      if (v.name.includes('.') || v.name.startsWith('Vlan')) continue;
      const want = expected.get(`${dev} ${v.name}`) ?? { inBits: 0, inPackets: 0, outBits: 0, outPackets: 0 };
      for (const k of ['inBits', 'inPackets', 'outBits', 'outPackets'] as const)
        expect(v.rates[k], `${dev} ${v.name} ${k}`).toBeCloseTo(want[k], 9);
    }
  }
}

describe('interface rates', () => {
  it('a steady ping comes within 1 % of its rate after five time constants, then decays', () => {
    const n = lan();
    n.run(ms(1234));
    // One echo a second for 25 minutes: 74-byte frames, one each way on PC1's port.
    const job = n.sim.ping(d('PC1'), ip('10.1.0.10'), {
      count: 1600,
      timeout: seconds(4),
      size: 32,
      interval: seconds(1),
    });
    n.run(seconds(1500));
    expect(job.done).toBe(false);
    const pc = view(n, 'PC1', 'FastEthernet0');
    const steady = pc.rates;
    // The rate of a uniform stream: what was sent and received since the ping began, by time.
    const secs = (n.sim.now() - ms(1234)) / 1e6;
    const near = (rate: number, total: number) =>
      expect(Math.abs(rate / (total / secs) - 1)).toBeLessThan(0.01);
    near(steady.outBits, pc.counters.txBytes * 8);
    near(steady.inBits, pc.counters.rxBytes * 8);
    near(steady.outPackets, pc.counters.txFrames);
    near(steady.inPackets, pc.counters.rxFrames);
    // The router's subinterface takes in the same echoes, counted without their tag.
    const sub = view(n, 'R1', 'GigabitEthernet0/0.10');
    near(sub.rates.inBits, sub.counters.rxBytes * 8);
    // Once its last echo is in a sample, ten idle minutes: 120 samples of nothing.
    n.finish(job);
    n.run(INTERVAL);
    const last = view(n, 'PC1', 'FastEthernet0').rates;
    const before = n.sim.now();
    n.run(seconds(600));
    const samples = Math.floor(n.sim.now() / INTERVAL) - Math.floor(before / INTERVAL);
    expect(samples).toBe(120);
    const idle = view(n, 'PC1', 'FastEthernet0').rates;
    expect(idle.outBits).toBeCloseTo(last.outBits * DECAY ** samples, 9);
    expect(idle.inPackets).toBeCloseTo(last.inPackets * DECAY ** samples, 9);
    expectRatesAsDefined(n);
  });

  it('a burst shows in the next sample, and clear counters leaves the rates', () => {
    const n = lan();
    burst(n, ms(2500), 500);
    // Nothing sampled yet: the burst is in the current 5 seconds.
    expect(view(n, 'R1', 'GigabitEthernet0/1').rates.outBits).toBe(0);
    n.run(seconds(5));
    const port = view(n, 'R1', 'GigabitEthernet0/1');
    const after = port.rates;
    // Everything it sent (its two gratuitous ARP replies as it came up, the echoes and an ARP
    // request) in one sample: its rate over those 5 seconds, times 1 - exp(-5/300).
    expect(port.counters.txFrames).toBe(502);
    expect(after.outBits).toBeCloseTo(((port.counters.txBytes * 8) / 5) * (1 - DECAY), 9);
    expect(after.outPackets).toBeCloseTo((502 / 5) * (1 - DECAY), 9);
    expect(n.sim.clearCounters(d('R1'))).toBe(true);
    expect(view(n, 'R1', 'GigabitEthernet0/1').rates).toEqual(after);
    expectRatesAsDefined(n);
  });

  it('a reload starts the rates from zero', () => {
    const n = lan();
    burst(n, ms(700), 50);
    n.run(seconds(5));
    expect(view(n, 'R1', 'GigabitEthernet0/1').rates.outBits).toBeGreaterThan(0);
    n.sim.reload(d('R1'));
    expect(view(n, 'R1', 'GigabitEthernet0/1').rates.outBits).toBe(0);
    n.run(seconds(30));
    // Six samples since, the first with the two gratuitous ARP replies of its interface
    // coming up, and nothing of the burst.
    expect(view(n, 'R1', 'GigabitEthernet0/1').rates.outPackets).toBeCloseTo(
      (2 / 5) * (1 - DECAY) * DECAY ** 5,
      9,
    );
    // The PC's port is not reloaded: its rates decay on.
    expect(view(n, 'PC2', 'FastEthernet0').rates.inBits).toBeGreaterThan(0);
  });

  it('a storm saturates the rates of the ports it floods, with or without events', () => {
    const n = switchLoop({ seed: 3, traceCapacity: 100 });
    // Once the switches are sure of the storm no more events run, but the trunks stay saturated.
    startStorm(n);
    n.run(seconds(300));
    expect(n.sim.nextEventTime()).toBeUndefined();
    const trunk = view(n, 'S1', 'GigabitEthernet0/1');
    // Minimum-size broadcasts at line rate, 84 bytes on the wire each, counted as 64: after
    // 300 s (60 samples) the average has come 1 - exp(-1) of the way.
    const line = (1e9 / (84 * 8)) * 64 * 8;
    expect(trunk.rates.outBits / (line * (1 - DECAY ** 60))).toBeCloseTo(1, 2);
    expect(trunk.rates.inBits / (line * (1 - DECAY ** 60))).toBeCloseTo(1, 2);
  });

  it('match the definition however time is advanced', () => {
    type Step =
      | { kind: 'run'; us: number }
      | { kind: 'step'; count: number }
      | { kind: 'ping'; from: 'PC1' | 'R1'; count: number; gap: number };
    const step: fc.Arbitrary<Step> = fc.oneof(
      fc.record({ kind: fc.constant('run' as const), us: fc.integer({ min: 1, max: 90_000_000 }) }),
      fc.record({ kind: fc.constant('run' as const), us: fc.integer({ min: 1, max: 3_600_000_000 }) }),
      fc.record({ kind: fc.constant('step' as const), count: fc.integer({ min: 1, max: 40 }) }),
      fc.record({
        kind: fc.constant('ping' as const),
        from: fc.constantFrom('PC1' as const, 'R1' as const),
        count: fc.integer({ min: 1, max: 30 }),
        gap: fc.integer({ min: 0, max: 3_000_000 }),
      }),
    );
    fc.assert(
      fc.property(fc.array(step, { maxLength: 12 }), (steps) => {
        const n = lan();
        for (const s of steps) {
          if (s.kind === 'run') n.sim.runUntil((n.sim.now() + s.us) as Micros);
          else if (s.kind === 'step') for (let i = 0; i < s.count; i++) n.sim.step();
          else {
            // A ping's first echo leaves at once: not on a sample's instant, where the
            // definition and the engine may put it on either side.
            if (n.sim.now() % INTERVAL === 0) n.sim.runUntil((n.sim.now() + 1) as Micros);
            const to = s.from === 'PC1' ? '10.1.0.10' : '10.0.0.10';
            n.sim.ping(d(s.from), ip(to), {
              count: s.count,
              timeout: seconds(2),
              size: 32,
              interval: s.gap as Micros,
            });
          }
        }
        // Reading at the current time takes any sample due now.
        n.sim.runUntil(n.sim.now());
        expectRatesAsDefined(n);
      }),
      { numRuns: 60 },
    );
  });
});
