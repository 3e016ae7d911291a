import { describe, expect, it } from 'vitest';
import { MacAllocator } from '../../src/engine/device/mac-alloc.ts';
import { deviceId } from '../../src/shared/ids.ts';
import { SETTLE_TIME, TestNet } from './net.ts';

const d = deviceId;

/** Router on a stick, a second switch over a trunk, pings and a traceroute. */
function scenario(seed: number): TestNet {
  const n = new TestNet({ seed });
  n.router('R1', {
    interfaces: {
      'g0/0': {},
      'g0/0.10': { dot1q: 10, ip: '10.0.10.1/24' },
      'g0/0.20': { dot1q: 20, ip: '10.0.20.1/24' },
    },
  });
  n.switch('S1', {
    vlans: [10, 20],
    ports: { 'g0/1': { mode: 'trunk' }, 'g0/2': { mode: 'trunk' }, 'fa0/1': { mode: 'access', access: 10 } },
  });
  n.switch('S2', {
    vlans: [10, 20],
    ports: { 'g0/1': { mode: 'dynamic-desirable' }, 'fa0/1': { mode: 'access', access: 20 } },
  });
  n.pc('PC1', '10.0.10.10/24', '10.0.10.1').pc('PC2', '10.0.20.10/24', '10.0.20.1');
  n.link('R1:g0/0', 'S1:g0/1');
  n.link('S1:g0/2', 'S2:g0/1');
  n.link('PC1:fa0', 'S1:fa0/1');
  n.link('PC2:fa0', 'S2:fa0/1');
  n.settle();
  n.ping('PC1', '10.0.20.10');
  n.traceroute('PC2', '10.0.10.10');
  n.ping('R1', '10.0.20.10');
  return n;
}

describe('determinism', () => {
  it('the same seed and inputs give an identical trace', () => {
    const a = scenario(11);
    const b = scenario(11);
    expect(a.sim.trace.events.length).toBeGreaterThan(50);
    expect(JSON.stringify(a.sim.trace.events)).toBe(JSON.stringify(b.sim.trace.events));
  });

  it('another seed gives other MAC addresses but the same outcomes', () => {
    const a = scenario(11);
    const b = scenario(12);
    expect(a.sim.baseMac(d('R1'))).not.toBe(b.sim.baseMac(d('R1')));
    // Once the PCs have probed for their addresses, each after a random wait.
    const kinds = (n: TestNet) =>
      n.sim.trace.events.filter((e) => e.t >= SETTLE_TIME).map((e) => `${e.kind}:${e.device}`);
    expect(kinds(a)).toEqual(kinds(b));
  });

  it('a device keeps its MAC addresses whatever else is added before it', () => {
    const a = new TestNet({ seed: 5 });
    a.pc('PC1');
    const b = new TestNet({ seed: 5 });
    b.switch('S1').router('R1').pc('PC1');
    expect(a.sim.baseMac(d('PC1'))).toBe(b.sim.baseMac(d('PC1')));
  });

  it("MAC addresses carry Cisco's OUI 00-00-0C; a switch's ports count up from its base + 1", () => {
    const n = new TestNet();
    n.switch('S1');
    const base = n.sim.baseMac(d('S1'));
    const macs = n.sim
      .interfaces(d('S1'))
      .slice(0, 26)
      .map((i) => i.mac);
    expect(macs.map((m) => m - base)).toEqual(Array.from({ length: 26 }, (_, i) => i + 1));
    expect(base % 128).toBe(0);
    expect(Math.floor(base / 2 ** 24)).toBe(0x00000c);
  });

  it('every block of the OUI goes to a device but those IOS keeps for HSRP', () => {
    // 2^17 blocks of 128 addresses, 34 of them reserved: allocating all the others leaves none
    // untried, so a reserved block handed out would show.
    const alloc = new MacAllocator(3);
    const lows = new Set<number>();
    for (let i = 0; i < 2 ** 17 - 34; i++) lows.add(alloc.allocate(`D${i}`) % 2 ** 24);
    expect(lows.size).toBe(2 ** 17 - 34);
    const hsrp = [...lows].filter(
      (low) => (low >= 0x07ac00 && low < 0x07ad00) || (low >= 0x9ff000 && low < 0xa00000),
    );
    expect(hsrp).toEqual([]);
    expect(() => alloc.allocate('one-too-many')).toThrow('no MAC address block left for one-too-many');
  });
});
