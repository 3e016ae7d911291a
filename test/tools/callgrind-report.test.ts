import { describe, expect, it } from 'vitest';
import { parseCallgrind } from '../../bench/callgrind-report.ts';

describe('callgrind output parser (bench/callgrind-report.ts)', () => {
  it('sums self costs per function, resolving compressed names and skipping calls', () => {
    const text = [
      'positions: line',
      'events: Ir DLmr',
      'fn=(1) main',
      '10 5 1',
      '+2 3',
      'cfn=(2) 0x0000000000001000',
      'calls=4 0',
      '12 400 40',
      '* 1 0',
      'fn=(2)',
      '0 100 10',
      'fn=(1)',
      '20 2 2',
    ].join('\n');
    const { events, byFunction, byAddress } = parseCallgrind(text);
    expect(events).toEqual(['Ir', 'DLmr']);
    // main: 5 + 3 + 1 + 2 (the call's inclusive 400 is not main's own), misses 1 + 0 + 0 + 2.
    expect(byFunction.get('main')).toEqual([11, 3]);
    expect(byFunction.get('0x0000000000001000')).toEqual([100, 10]);
    expect(byAddress.size).toBe(0);
  });

  it('keeps per-instruction costs when positions include instructions', () => {
    const text = [
      'positions: instr line',
      'events: Ir D1mr DLmr',
      'fn=(7) 0x00000000000a0000',
      '0xa0000 1 10 2 1',
      '+4 * 10',
      '+3 * 10 1',
      'cfn=(8) callee',
      'calls=1 0xb0000 0',
      '+5 * 50 9 9',
      '-7 * 10',
    ].join('\n');
    const { byFunction, byAddress } = parseCallgrind(text);
    expect(byFunction.get('0x00000000000a0000')).toEqual([40, 3, 1]);
    expect(byAddress.get(0xa0000)).toEqual([10, 2, 1]);
    expect(byAddress.get(0xa0004)).toEqual([10]);
    expect(byAddress.get(0xa0007)).toEqual([10, 1]);
    // The call line's address (0xa000c) carries no self cost; 0xa0005 is 0xa000c - 7.
    expect(byAddress.has(0xa000c)).toBe(false);
    expect(byAddress.get(0xa0005)).toEqual([10]);
  });
});
