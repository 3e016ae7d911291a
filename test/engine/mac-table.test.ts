import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MacTable, macHigh, macLow } from '../../src/engine/device/mac-table.ts';
import { SlotStore } from '../../src/engine/sim/slot-store.ts';

const AGING = 300;

const find = (t: MacTable, mac: number): number => t.findHalves(macHigh(mac), macLow(mac));

describe('MacTable', () => {
  it('behaves like a map of live entries under learning, aging and port flushes', () => {
    const mac = fc.integer({ min: 0, max: 40 }).map((i) => 0x00000c000000 + i * 0x10001);
    const op = fc.oneof(
      fc.record({
        kind: fc.constant('learn' as const),
        mac,
        port: fc.integer({ min: 0, max: 2 }),
        dt: fc.integer({ min: 0, max: 120 }),
      }),
      fc.record({ kind: fc.constant('flush' as const), port: fc.integer({ min: 0, max: 2 }) }),
    );
    fc.assert(
      fc.property(fc.array(op, { maxLength: 300 }), (ops) => {
        const t = new MacTable();
        const model = new Map<number, { port: number; seen: number }>();
        const clock = { now: 0 };
        let now = 0;
        for (const o of ops) {
          if (o.kind === 'learn') {
            now += o.dt;
            clock.now = now;
            const i = find(t, o.mac);
            const known = model.get(o.mac);
            if (known !== undefined)
              expect(i >= 0 && t.fresh(i, clock, AGING)).toBe(now - known.seen < AGING);
            if (i >= 0) {
              t.move(i, o.port, clock);
              t.touch(i, clock);
            } else t.insert(o.mac, o.port, now, AGING);
            model.set(o.mac, { port: o.port, seen: now });
          } else {
            t.removePort(o.port, now, AGING);
            for (const [m, e] of model) if (e.port === o.port) model.delete(m);
          }
          const live = [...t.entries(now, AGING)]
            .map(([m, i]) => [m, t.port(i)])
            .sort((a, b) => a[0]! - b[0]!);
          const expected = [...model]
            .filter(([, e]) => now - e.seen < AGING)
            .map(([m, e]) => [m, e.port])
            .sort((a, b) => a[0]! - b[0]!);
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
    t.insert(0xffff_ffff_fffe, 1, 0, AGING);
    const i = t.findHalves(0xffffff, 0xfffffe);
    expect(i).toBeGreaterThanOrEqual(0);
    expect(t.port(i)).toBe(1);
    expect(t.findHalves(0xffffff, 0xffffff)).toBe(-1);
  });

  it('keeps tables sharing one store apart as they grow, shrink and are released', () => {
    const store = new SlotStore();
    const tables = [new MacTable(store), new MacTable(store), new MacTable(store)];
    const model = tables.map(() => new Map<number, number>());
    const rounds = 400;
    for (let n = 0; n < rounds; n++) {
      const t = n % 3;
      const mac = 0x00000c000000 + n * 0x10001;
      tables[t]!.insert(mac, n % 5, n, 10 * rounds);
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
      const live = new Map([...t.entries(rounds, 10 * rounds)].map(([m, i]) => [m, t.port(i)]));
      expect(live).toEqual(model[k]);
    });
  });
});
