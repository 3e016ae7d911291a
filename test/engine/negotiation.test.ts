/**
 * Speed and duplex negotiation: the outcomes of Cisco's "Troubleshooting Cisco Catalyst
 * Switches to NIC Compatibility Issues" table, and the same link seen from either end.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type Duplex, type EndSettings, negotiate } from '../../src/engine/device/negotiation.ts';
import { RENEGOTIATION_TIME } from '../../src/engine/device/renegotiation.ts';
import { deviceId } from '../../src/shared/ids.ts';
import { seconds } from '../../src/shared/time.ts';
import { marks, TestNet } from './net.ts';

const FAST = 100e6;
const GIG = 1000e6;
const end = (max: number, speed?: number, duplex?: Duplex): EndSettings => ({ max, speed, duplex });
/** "speed/duplex" of each end, or "down". */
const outcome = (a: EndSettings, b: EndSettings): string => {
  const m = negotiate(a, b);
  return m === null ? 'down' : `${m.a.speed / 1e6}/${m.a.duplex} ${m.b.speed / 1e6}/${m.b.duplex}`;
};

describe('speed and duplex negotiation', () => {
  it.each([
    ['auto, auto', end(FAST), end(FAST), '100/full 100/full'],
    ['Fast Ethernet facing Gigabit', end(FAST), end(GIG), '100/full 100/full'],
    ['Gigabit facing Gigabit', end(GIG), end(GIG), '1000/full 1000/full'],
    ['100/full facing auto: a duplex mismatch', end(FAST, 100e6, 'full'), end(FAST), '100/full 100/half'],
    ['10/full facing auto', end(FAST, 10e6, 'full'), end(FAST), '10/full 10/half'],
    ['100/half facing auto', end(FAST, 100e6, 'half'), end(FAST), '100/half 100/half'],
    ['speed only: still negotiating', end(FAST, 100e6), end(FAST), '100/full 100/full'],
    ['duplex only: still negotiating', end(FAST, undefined, 'full'), end(FAST), '100/full 100/full'],
    ['10 facing 100, both forced', end(FAST, 10e6, 'full'), end(FAST, 100e6, 'full'), 'down'],
    ['speed 10 negotiating facing 100 forced', end(FAST, 10e6), end(FAST, 100e6, 'full'), 'down'],
    ['100/full facing 100/half', end(FAST, 100e6, 'full'), end(FAST, 100e6, 'half'), '100/full 100/half'],
    [
      'duplex full only facing duplex half only',
      end(GIG, undefined, 'full'),
      end(GIG, undefined, 'half'),
      'down',
    ],
    ['1000 facing a 10/100 port', end(GIG, 1000e6), end(FAST), 'down'],
    [
      '1000/full facing auto: 1000BASE-T still negotiates',
      end(GIG, 1000e6, 'full'),
      end(GIG),
      '1000/full 1000/full',
    ],
  ])('%s', (_name, a, b, expected) => {
    expect(outcome(a, b)).toBe(expected);
  });

  it('a link negotiates the same from either end', () => {
    const setting = fc.record({
      max: fc.constantFrom(FAST, GIG),
      speed: fc.constantFrom(undefined, 10e6, 100e6, 1000e6),
      duplex: fc.constantFrom<Duplex | undefined>(undefined, 'full', 'half'),
    });
    fc.assert(
      fc.property(setting, setting, (a, b) => {
        const ab = negotiate(a, b);
        const ba = negotiate(b, a);
        expect(ba === null ? null : { a: ba.b, b: ba.a }).toEqual(ab);
        // An end never runs faster than its port, nor at another speed than it was set to.
        for (const [e, m] of ab === null
          ? []
          : ([
              [a, ab.a],
              [b, ab.b],
            ] as const)) {
          expect(m.speed).toBeLessThanOrEqual(e.max);
          if (e.speed !== undefined) expect(m.speed).toBe(e.speed);
          if (e.duplex !== undefined) expect(m.duplex).toBe(e.duplex);
        }
      }),
    );
  });
});

describe('speed and duplex on a cable', () => {
  const d = deviceId;
  /** PC1 on S1's Fa0/1 and PC2 on S2's Fa0/1, the switches joined by their Fa0/24. */
  function net(): TestNet {
    const n = new TestNet().switch('S1').switch('S2').pc('PC1', '10.0.0.1/24').pc('PC2', '10.0.0.2/24');
    n.link('S1:Fa0/24', 'S2:Fa0/24');
    n.link('PC1:Fa0', 'S1:Fa0/1');
    n.link('PC2:Fa0', 'S2:Fa0/1');
    return n;
  }
  /** Sets `port` of `sw` to `speed` (Mb/s) and `duplex`, and lets a link that was up renegotiate. */
  function set(n: TestNet, sw: string, port: string, speed?: 10 | 100, duplex?: Duplex, wait = true): void {
    const c = n.config(sw, {});
    const ic = c.interfaces[port]!;
    n.sim.configure(d(sw), { ...c, interfaces: { ...c.interfaces, [port]: { ...ic, speed, duplex } } });
    if (wait) n.run(RENEGOTIATION_TIME);
  }
  const view = (n: TestNet, dev: string, port: string) => {
    const s = n.sim.interfaces(d(dev)).find((i) => i.name === port)!;
    return `${s.protocol} ${s.bandwidth / 1e6} ${s.duplex}`;
  };
  const rtt = (n: TestNet): number => {
    const r = n.ping('PC1', '10.0.0.2', { count: 1, size: 1000 }).results[0]!.outcome;
    return r.kind === 'reply' ? r.rtt : -1;
  };

  it('a port forced to 10/full runs its cable at 10 Mb/s; the PC facing it falls back to half duplex', () => {
    const n = net();
    n.ping('PC1', '10.0.0.2');
    const fast = rtt(n);
    set(n, 'S1', 'FastEthernet0/1', 10, 'full');
    expect(view(n, 'S1', 'FastEthernet0/1')).toBe('up 10 full');
    expect(view(n, 'PC1', 'FastEthernet0')).toBe('up 10 half');
    n.ping('PC1', '10.0.0.2');
    // Twice 1,042 bytes at 10 Mb/s rather than 100: about 1.5 ms more.
    expect(rtt(n) - fast).toBeGreaterThan(1400);
    // PCs run no CDP: nobody reports the mismatch.
    expect(n.sim.duplexMismatches(d('S1'))).toEqual([]);
  });

  it('a changed setting takes an up link down while it renegotiates, at both ends; the same setting again does not', () => {
    const n = net().settle();
    const since = (dev: string) => n.sim.interfaceChanges(d(dev), Number.POSITIVE_INFINITY).next;
    const from = { S1: since('S1'), S2: since('S2') };
    const changes = (dev: 'S1' | 'S2') =>
      n.sim
        .interfaceChanges(d(dev), from[dev])
        .changes.map(
          (c) => `${c.kind === 'status' ? c.status : `protocol ${c.protocol}`} +${(c.at - t0) / 1e6}s`,
        );
    const t0 = n.sim.now();
    // `speed 100` on a port that already runs at 100 Mb/s: auto-negotiation restarts all the same.
    set(n, 'S1', 'FastEthernet0/24', 100, undefined, false);
    expect(view(n, 'S1', 'FastEthernet0/24')).toBe('down 100 undefined');
    expect(view(n, 'S2', 'FastEthernet0/24')).toBe('down 100 undefined');
    expect(n.ping('PC1', '10.0.0.2', { count: 1, timeout: seconds(1) }).results[0]!.outcome.kind).toBe(
      'timeout',
    );
    n.run(RENEGOTIATION_TIME);
    expect(view(n, 'S1', 'FastEthernet0/24')).toBe('up 100 full');
    expect(view(n, 'S2', 'FastEthernet0/24')).toBe('up 100 full');
    const flap = ['down +0s', 'protocol down +0s', 'up +4s', 'protocol up +4s'];
    expect(changes('S1')).toEqual(flap);
    expect(changes('S2')).toEqual(flap);
    // Entered again, unchanged: nothing restarts.
    set(n, 'S1', 'FastEthernet0/24', 100, undefined, false);
    expect(view(n, 'S1', 'FastEthernet0/24')).toBe('up 100 full');
    expect(changes('S1')).toEqual(flap);
    expect(marks(n.ping('PC1', '10.0.0.2'))).toBe('!!!!');
  });

  it('CDP tells both switches of a duplex mismatch, from their own sides; different forced speeds keep the line down', () => {
    const n = net();
    set(n, 'S1', 'FastEthernet0/24', 100, 'full');
    expect(view(n, 'S2', 'FastEthernet0/24')).toBe('up 100 half');
    const mismatch = (sw: string) =>
      n.sim
        .duplexMismatches(d(sw))
        .map((m) => `${m.port} ${m.duplex} ${m.peerHostname} ${m.peerPort} ${m.peerDuplex}`);
    expect(mismatch('S1')).toEqual(['FastEthernet0/24 full S2 FastEthernet0/24 half']);
    expect(mismatch('S2')).toEqual(['FastEthernet0/24 half S1 FastEthernet0/24 full']);
    expect(n.ping('PC1', '10.0.0.2').results.some((r) => r.outcome.kind === 'reply')).toBe(true);
    set(n, 'S2', 'FastEthernet0/24', 10, 'full');
    expect(view(n, 'S1', 'FastEthernet0/24')).toBe('down 100 undefined');
    expect(view(n, 'S2', 'FastEthernet0/24')).toBe('down 100 undefined');
    expect(mismatch('S1')).toEqual([]);
    expect(n.ping('PC1', '10.0.0.2').results.every((r) => r.outcome.kind !== 'reply')).toBe(true);
    set(n, 'S2', 'FastEthernet0/24', undefined, undefined);
    expect(view(n, 'S2', 'FastEthernet0/24')).toBe('up 100 half');
  });
});
