import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MacTable, macHigh, macLow } from '../../src/engine/device/mac-table.ts';
import { SlotStore } from '../../src/engine/sim/slot-store.ts';

const AGING = 300;

const find = (t: MacTable, vlan: number, mac: number): number =>
  t.findHalves(vlan, macHigh(mac), macLow(mac));
/** A model key: VLAN and address. */
const key = (vlan: number, mac: number): string => `${vlan}/${mac}`;
const byKey = (a: (string | number)[], b: (string | number)[]): number =>
  String(a[0]).localeCompare(String(b[0]));

describe('MacTable', () => {
  it('behaves like a map of live (VLAN, address) entries under learning, aging, port and VLAN flushes', () => {
    const mac = fc.integer({ min: 0, max: 40 }).map((i) => 0x00000c000000 + i * 0x10001);
    // A few VLANs, the extremes included: the same address may be learned in several.
    const vlan = fc.constantFrom(1, 10, 20, 4094);
    const port = fc.integer({ min: 0, max: 2 }).map((p) => [0, 7, 30_000][p]!);
    const op = fc.oneof(
      fc.record({
        kind: fc.constant('learn' as const),
        vlan,
        mac,
        port,
        dt: fc.integer({ min: 0, max: 120 }),
      }),
      fc.record({ kind: fc.constant('flush' as const), port }),
      fc.record({ kind: fc.constant('drop-vlan' as const), vlan }),
    );
    fc.assert(
      fc.property(fc.array(op, { maxLength: 300 }), (ops) => {
        const t = new MacTable();
        const model = new Map<string, { port: number; seen: number }>();
        const clock = { now: 0 };
        let now = 0;
        for (const o of ops) {
          if (o.kind === 'learn') {
            now += o.dt;
            clock.now = now;
            const i = find(t, o.vlan, o.mac);
            const known = model.get(key(o.vlan, o.mac));
            if (known !== undefined)
              expect(i >= 0 && t.fresh(i, clock, AGING)).toBe(now - known.seen < AGING);
            if (i >= 0) {
              expect(t.vlan(i)).toBe(o.vlan);
              t.move(i, o.port, clock);
              t.touch(i, clock);
            } else t.insert(o.vlan, o.mac, o.port, now, AGING);
            model.set(key(o.vlan, o.mac), { port: o.port, seen: now });
          } else if (o.kind === 'flush') {
            t.removePort(o.port, now, AGING);
            for (const [k, e] of model) if (e.port === o.port) model.delete(k);
          } else {
            t.removeVlan(o.vlan, now, AGING);
            for (const k of model.keys()) if (k.startsWith(`${o.vlan}/`)) model.delete(k);
          }
          const live = [...t.entries(now, AGING)].map(([m, v, i]) => [key(v, m), t.port(i)]).sort(byKey);
          const expected = [...model]
            .filter(([, e]) => now - e.seen < AGING)
            .map(([k, e]) => [k, e.port])
            .sort(byKey);
          expect(live).toEqual(expected);
        }
      }),
    );
  });

  it('splits a 48-bit address into two 24-bit halves that rebuild it', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2 ** 48 - 1 }), (mac) => {
        const high = macHigh(mac);
        const low = macLow(mac);
        expect(high).toBeGreaterThanOrEqual(0);
        expect(high).toBeLessThan(2 ** 24);
        expect(low).toBeGreaterThanOrEqual(0);
        expect(low).toBeLessThan(2 ** 24);
        expect(high * 2 ** 24 + low).toBe(mac);
      }),
    );
    const t = new MacTable();
    t.insert(4094, 0xffff_ffff_fffe, 1, 0, AGING);
    const i = t.findHalves(4094, 0xffffff, 0xfffffe);
    expect(i).toBeGreaterThanOrEqual(0);
    expect(t.port(i)).toBe(1);
    expect(t.vlan(i)).toBe(4094);
    expect(t.findHalves(4094, 0xffffff, 0xffffff)).toBe(-1);
    expect(t.findHalves(1, 0xffffff, 0xfffffe)).toBe(-1);
  });

  it('keeps tables sharing one store apart as they grow, shrink and are released', () => {
    const store = new SlotStore();
    const tables = [new MacTable(store), new MacTable(store), new MacTable(store)];
    const model = tables.map(() => new Map<number, number>());
    const rounds = 400;
    for (let n = 0; n < rounds; n++) {
      const t = n % 3;
      const mac = 0x00000c000000 + n * 0x10001;
      tables[t]!.insert(10, mac, n % 5, n, 10 * rounds);
      model[t]!.set(mac, n % 5);
      if (n % 97 === 96) {
        // Flushing a port rebuilds the table into a region of another size.
        tables[t]!.removePort(2, n, 10 * rounds);
        for (const [m, p] of model[t]!) if (p === 2) model[t]!.delete(m);
      }
      if (n === 250) {
        tables[1]!.release();
        tables[1] = new MacTable(store);
        model[1]!.clear();
      }
    }
    tables.forEach((t, k) => {
      const live = new Map([...t.entries(rounds, 10 * rounds)].map(([m, , i]) => [m, t.port(i)]));
      expect(live).toEqual(model[k]);
    });
  });
});
