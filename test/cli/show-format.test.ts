import { describe, expect, it } from 'vitest';
import { ago } from '../../src/cli/ios/show/format.ts';
import type { Micros } from '../../src/shared/time.ts';

const s = (n: number) => (n * 1_000_000) as Micros;
const t0 = 0 as Micros;

describe('how long ago, as show interfaces prints it', () => {
  it('is never without a time', () => {
    expect(ago(s(5), undefined)).toBe('never');
  });

  it('is hh:mm:ss under a day, in whole seconds', () => {
    expect(ago(s(0.999), t0)).toBe('00:00:00');
    expect(ago(s(65), t0)).toBe('00:01:05');
    expect(ago(s(86_399), t0)).toBe('23:59:59');
  });

  it('is days and hours under a week, weeks and days under a year, then years and weeks', () => {
    const day = 86_400;
    expect(ago(s(day), t0)).toBe('1d00h');
    expect(ago(s(day + 2 * 3600 + 59 * 60), t0)).toBe('1d02h');
    expect(ago(s(6 * day + 23 * 3600), t0)).toBe('6d23h');
    expect(ago(s(7 * day), t0)).toBe('1w0d');
    expect(ago(s(74 * day), t0)).toBe('10w4d');
    expect(ago(s(365 * day + 15 * day), t0)).toBe('1y2w');
  });
});
