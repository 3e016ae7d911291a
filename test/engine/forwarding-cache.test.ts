import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ForwardingCache } from '../../src/engine/device/forwarding-cache.ts';
import { L3Interface } from '../../src/engine/device/l3-interface.ts';
import { SlotStore } from '../../src/engine/sim/slot-store.ts';
import { deviceId } from '../../src/shared/ids.ts';
import type { MacAddr } from '../../src/shared/mac.ts';
import { seconds } from '../../src/shared/time.ts';
import { marks, TestNet } from './net.ts';

const owner = { transmitL3: () => {} };
const IFACES = [0, 1, 2].map(
  (i) => new L3Interface(`Gi0/${i}`, (0x0000_0c00_0000 + i) as MacAddr, owner, null),
);

describe('ForwardingCache', () => {
  it('answers only with the latest entry, before its time is up and until it is invalidated', () => {
    // Addresses of a few subnets, so that chains of the open addressing collide and wrap.
    const dst = fc.integer({ min: 0, max: 300 }).map((i) => (0x0a00_0000 + (i % 3) * 0x1_0000 + i) >>> 0);
    const op = fc.oneof(
      fc.record({
        kind: fc.constant('record' as const),
        dst,
        iface: fc.integer({ min: 0, max: 2 }),
        mac: fc.integer({ min: 1, max: 2 ** 47 }),
        life: fc.integer({ min: 1, max: 50 }),
      }),
      fc.record({ kind: fc.constant('find' as const), dst, dt: fc.integer({ min: 0, max: 10 }) }),
      fc.record({ kind: fc.constant('invalidate' as const) }),
    );
    fc.assert(
      fc.property(fc.array(op, { maxLength: 400 }), (ops) => {
        // A second cache in the same store, growing along with it, must not disturb the first.
        const store = new SlotStore();
        const cache = new ForwardingCache(store);
        const other = new ForwardingCache(store);
        const model = new Map<number, { iface: number; mac: number; until: number }>();
        let now = 0;
        for (const o of ops) {
          if (o.kind === 'record') {
            cache.record(o.dst, IFACES[o.iface]!, o.mac, now + o.life);
            other.record((o.dst + 1) >>> 0, IFACES[0]!, o.mac + 1, now + 2 * o.life);
            model.set(o.dst, { iface: o.iface, mac: o.mac, until: now + o.life });
            // A destination just recorded is found at once.
            const i = cache.find(o.dst, { now });
            expect(i).toBeGreaterThanOrEqual(0);
            expect(cache.mac(i)).toBe(o.mac);
          } else if (o.kind === 'invalidate') {
            cache.invalidate();
            model.clear();
          } else {
            now += o.dt;
            const i = cache.find(o.dst, { now });
            const e = model.get(o.dst);
            // A cache may forget (it starts over when full), but what it answers is right.
            if (i >= 0) {
              expect(e).toBeDefined();
              expect(now).toBeLessThan(e!.until);
              expect(cache.iface(i)).toBe(IFACES[e!.iface]);
              expect(cache.mac(i)).toBe(e!.mac);
            }
          }
        }
      }),
    );
  });
});

describe('forwarding through the cache', () => {
  /** PC1 on R1 Gi0/0; PC3 behind S1 on R1 Gi0/1. */
  function routed(): TestNet {
    const n = new TestNet();
    n.router('R1', { interfaces: { 'g0/0': { ip: '10.0.0.1/24' }, 'g0/1': { ip: '10.1.0.1/24' } } });
    n.switch('S1');
    n.pc('PC1', '10.0.0.10/24', '10.0.0.1').pc('PC3', '10.1.0.10/24', '10.1.0.1');
    n.link('PC1:fa0', 'R1:g0/0');
    n.link('R1:g0/1', 'S1:g0/1');
    n.link('PC3:fa0', 'S1:fa0/1');
    return n;
  }

  it('follows a neighbour that comes back with another MAC address and announces it', () => {
    const n = routed();
    expect(marks(n.ping('PC1', '10.1.0.10'))).toBe('.!!!');
    // Another PC takes the address: R1 still sends to the old MAC address until it hears from it.
    n.sim.removeDevice(deviceId('PC3'));
    n.pc('PC4', '10.1.0.10/24', '10.1.0.1');
    n.link('PC4:fa0', 'S1:fa0/2');
    expect(marks(n.ping('PC1', '10.1.0.10', { count: 1, timeout: seconds(1) }))).toBe('.');
    // Its gratuitous ARP, once it has probed for the address (RFC 5227), updates R1's entry,
    // and forwarding follows at once.
    n.settle();
    expect(marks(n.ping('PC1', '10.1.0.10'))).toBe('!!!!');
  });

  it('stops at once when the way out goes down, and resumes when it comes back', () => {
    const n = routed();
    expect(marks(n.ping('PC1', '10.1.0.10'))).toBe('.!!!');
    const up = { 'g0/0': { ip: '10.0.0.1/24' }, 'g0/1': { ip: '10.1.0.1/24' } };
    n.reconfigure('R1', { interfaces: { ...up, 'g0/1': { ip: '10.1.0.1/24', shutdown: true } } });
    // No route left to 10.1.0.0/24: host unreachable from R1.
    expect(marks(n.ping('PC1', '10.1.0.10', { count: 2 }))).toBe('HH');
    n.reconfigure('R1', { interfaces: up });
    expect(marks(n.ping('PC1', '10.1.0.10', { count: 2 }))).toBe('.!');
  });
});
