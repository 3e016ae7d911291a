import { afterEach, describe, expect, it, vi } from 'vitest';
import { alignedFloat64 } from '../../src/engine/sim/aligned.ts';

describe('alignedFloat64', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  it.each([0, 1, 8, 8192, 8193, 100_000])('gives %i zeroed, writable numbers', (length) => {
    const a = alignedFloat64(length);
    expect(a.length).toBe(length);
    expect(a.every((x) => x === 0)).toBe(true);
    if (length > 0) {
      a[length - 1] = 1.5;
      expect(a[length - 1]).toBe(1.5);
    }
  });

  it('views a WebAssembly memory, which starts on a page boundary', () => {
    const a = alignedFloat64(10);
    expect(a.byteOffset).toBe(0);
    // A memory's buffer is a whole number of 64 KiB pages.
    expect(a.buffer.byteLength).toBe(65_536);
  });

  it('each array has storage of its own', () => {
    const a = alignedFloat64(16);
    const b = alignedFloat64(16);
    a[3] = 7;
    expect(b[3]).toBe(0);
  });

  it('falls back to an ordinary array where a memory cannot be reserved', () => {
    vi.stubGlobal('WebAssembly', {
      Memory: class {
        constructor() {
          throw new RangeError('WebAssembly.Memory(): could not allocate memory');
        }
      },
    });
    const a = alignedFloat64(24);
    expect(a.length).toBe(24);
    expect(a.buffer.byteLength).toBe(24 * 8);
  });

  it('falls back to an ordinary array without WebAssembly', () => {
    vi.stubGlobal('WebAssembly', undefined);
    const a = alignedFloat64(5);
    expect(a.buffer.byteLength).toBe(40);
  });
});
