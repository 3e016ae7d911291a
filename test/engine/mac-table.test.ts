import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MacTables, macHigh, macLow } from '../../src/engine/device/mac-table.ts';
import { SlotStore } from '../../src/engine/sim/slot-store.ts';

const AGING = 300;

const find = (tables: MacTables, t: number, vlan: number, mac: number): number =>
  tables.find(t, vlan, macHigh(mac), macLow(mac));
/** A model key: VLAN and address. */
const key = (vlan: number, mac: number): string => `${vlan}/${mac}`;
const byKey = (a: (string | number)[], b: (string | number)[]): number =>
  String(a[0]).localeCompare(String(b[0]));

describe('MacTables', () => {
  it('behaves like a map of live (VLAN, address) entries under learning, aging, port, VLAN and filtered flushes', () => {
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
      // clear mac address-table dynamic [address | vlan | interface]: any mix of the three,
      // an address seldom (one of 41 is rarely learned), so that most filters match entries.
      fc
        .record({
          kind: fc.constant('remove' as const),
          mac: fc.option(mac, { freq: 4 }),
          vlan: fc.option(vlan),
          port: fc.option(port),
        })
        .map(({ kind, mac, vlan, port }) => ({
          kind,
          ...(mac === null ? {} : { mac }),
          ...(vlan === null ? {} : { vlan }),
          ...(port === null ? {} : { port }),
        })),
    );
    fc.assert(
      fc.property(fc.array(op, { maxLength: 300 }), (ops) => {
        const tables = new MacTables();
        const t = tables.create();
        const model = new Map<string, { port: number; seen: number }>();
        const clock = { now: 0 };
        let now = 0;
        for (const o of ops) {
          if (o.kind === 'learn') {
            now += o.dt;
            clock.now = now;
            const at = find(tables, t, o.vlan, o.mac);
            const known = model.get(key(o.vlan, o.mac));
            if (known !== undefined)
              expect(at >= 0 && tables.fresh(at, clock, AGING)).toBe(now - known.seen < AGING);
            if (at >= 0) {
              expect(tables.vlan(at)).toBe(o.vlan);
              tables.move(at, o.port, clock);
              tables.touch(at, clock);
            } else tables.insert(t, o.vlan, o.mac, o.port, now, AGING);
            model.set(key(o.vlan, o.mac), { port: o.port, seen: now });
          } else if (o.kind === 'flush') {
            tables.removePort(t, o.port, now, AGING);
            for (const [k, e] of model) if (e.port === o.port) model.delete(k);
          } else if (o.kind === 'drop-vlan') {
            tables.removeVlan(t, o.vlan, now, AGING);
            for (const k of model.keys()) if (k.startsWith(`${o.vlan}/`)) model.delete(k);
          } else {
            tables.remove(t, o, now, AGING);
            for (const [k, e] of model) {
              const [v, m] = k.split('/').map(Number);
              if (
                (o.mac === undefined || m === o.mac) &&
                (o.vlan === undefined || v === o.vlan) &&
                (o.port === undefined || e.port === o.port)
              )
                model.delete(k);
            }
          }
          const live = [...tables.entries(t, now, AGING)]
            .map(([m, v, at]) => [key(v, m), tables.port(at)])
            .sort(byKey);
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
    const tables = new MacTables();
    const t = tables.create();
    tables.insert(t, 4094, 0xffff_ffff_fffe, 1, 0, AGING);
    const at = tables.find(t, 4094, 0xffffff, 0xfffffe);
    expect(at).toBeGreaterThanOrEqual(0);
    expect(tables.port(at)).toBe(1);
    expect(tables.vlan(at)).toBe(4094);
    expect(tables.find(t, 4094, 0xffffff, 0xffffff)).toBe(-1);
    expect(tables.find(t, 1, 0xffffff, 0xfffffe)).toBe(-1);
  });

  it('keeps tables apart as they grow, shrink, are released and their numbers reused', () => {
    // Tables in a store of their own and in one shared with another user of its regions.
    const store = new SlotStore();
    const tables = new MacTables(store);
    const ids = [tables.create(), tables.create(), tables.create()];
    const model = ids.map(() => new Map<number, number>());
    const rounds = 400;
    for (let n = 0; n < rounds; n++) {
      const k = n % 3;
      const mac = 0x00000c000000 + n * 0x10001;
      tables.insert(ids[k]!, 10, mac, n % 5, n, 10 * rounds);
      model[k]!.set(mac, n % 5);
      if (n % 97 === 96) {
        // Flushing a port rebuilds the table into a region of another size.
        tables.removePort(ids[k]!, 2, n, 10 * rounds);
        for (const [m, p] of model[k]!) if (p === 2) model[k]!.delete(m);
      }
      if (n === 250) {
        tables.release(ids[1]!);
        ids[1] = tables.create();
        model[1]!.clear();
      }
      if (n % 50 === 0) store.alloc(32);
    }
    expect(ids[1]).toBe(1);
    ids.forEach((t, k) => {
      const live = new Map(
        [...tables.entries(t, rounds, 10 * rounds)].map(([m, , at]) => [m, tables.port(at)]),
      );
      expect(live).toEqual(model[k]);
    });
    // Twenty tables more than the heads' first capacity: each keeps its own entries.
    const many = Array.from({ length: 20 }, () => tables.create());
    for (const [k, t] of many.entries()) tables.insert(t, 1, 0x00000c000000 + k, k, rounds, 10 * rounds);
    many.forEach((t, k) => {
      expect(
        [...tables.entries(t, rounds, 10 * rounds)].map(([m, v, at]) => [m, v, tables.port(at)]),
      ).toEqual([[0x00000c000000 + k, 1, k]]);
    });
    // Released numbers come back, as empty tables.
    tables.release(many[3]!);
    tables.release(many[5]!);
    const again = [tables.create(), tables.create()];
    expect(again.sort((a, b) => a - b)).toEqual([many[3], many[5]]);
    for (const t of again) expect([...tables.entries(t, rounds, 10 * rounds)]).toEqual([]);
  });
});
