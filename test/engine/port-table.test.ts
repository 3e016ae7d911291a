/**
 * The port table: a removed port's record is reused only once no frame can still be on its
 * way to it, since frame events name ports by their serial number.
 */
import { describe, expect, it } from 'vitest';
import { BYTE_TIME, DELAY, PortTable, STRIDE } from '../../src/engine/sim/port-table.ts';

describe('PortTable', () => {
  it('keeps a removed port as the owner of its number until a frame could no longer reach it', () => {
    const t = new PortTable<string>();
    const a = t.add('a', 0);
    // Cabled at 100 Mb/s (0.08 us a byte) with 5 us of cable.
    t.data[a + BYTE_TIME] = 0.08;
    t.data[a + DELAY] = 5;
    t.remove(a, 1_000);
    expect(t.at(a / STRIDE)).toBe('a');
    // A 64 KB datagram sent just before the removal is still on its way: a new port waits.
    const b = t.add('b', 1_000 + 0.08 * 65_600 + 5);
    expect(b).not.toBe(a);
    expect(t.at(a / STRIDE)).toBe('a');
    const c = t.add('c', 1_000 + 0.08 * 2 ** 17 + 5 + 1);
    expect(c).toBe(a);
    expect(t.at(a / STRIDE)).toBe('c');
  });

  it('reuses an uncabled port at once', () => {
    const t = new PortTable<string>();
    const a = t.add('a', 0);
    t.remove(a, 10);
    expect(t.add('b', 10.5)).toBe(a);
  });
});
