import { describe, expect, it } from 'vitest';
import { COUNTER_WRAP } from '../../src/engine/device/counter.ts';
import { L3Interface } from '../../src/engine/device/l3-interface.ts';
import type { MacAddr } from '../../src/shared/mac.ts';

describe('interface counters', () => {
  it('count past the small-integer range without losing a frame or a byte', () => {
    const iface = new L3Interface('Vlan1', 0x0000_0c00_0040 as MacAddr, { transmitL3: () => {} }, null);
    const frames = Math.ceil(COUNTER_WRAP / 1518) + 10;
    for (let i = 0; i < frames; i++) {
      iface.countRx(1518);
      iface.countTx(64 + (i % 1455));
    }
    let sent = 0;
    for (let i = 0; i < frames; i++) sent += 64 + (i % 1455);
    expect(iface.rxFrames).toBe(frames);
    expect(iface.rxBytes).toBe(frames * 1518);
    expect(iface.rxBytes).toBeGreaterThan(COUNTER_WRAP);
    expect(iface.txFrames).toBe(frames);
    expect(iface.txBytes).toBe(sent);
  });
});
