import { describe, expect, it } from 'vitest';
import { formatIpv4, lenFromMask, maskFromLen, parseIpv4, parsePrefix } from '../../src/shared/ipv4.ts';

describe('ipv4 addresses', () => {
  it('parses and formats dotted quads', () => {
    expect(formatIpv4(parseIpv4('192.168.1.10')!)).toBe('192.168.1.10');
    expect(parseIpv4('256.1.1.1')).toBeUndefined();
    expect(parseIpv4('1.2.3')).toBeUndefined();
    expect(parseIpv4('1.2.3.-4')).toBeUndefined();
  });
  it('converts masks and lengths', () => {
    expect(formatIpv4(maskFromLen(24))).toBe('255.255.255.0');
    expect(formatIpv4(maskFromLen(0))).toBe('0.0.0.0');
    expect(lenFromMask(parseIpv4('255.255.255.252')!)).toBe(30);
    expect(lenFromMask(parseIpv4('255.255.255.255')!)).toBe(32);
    expect(lenFromMask(parseIpv4('0.0.0.0')!)).toBe(0);
    expect(lenFromMask(parseIpv4('255.0.255.0')!)).toBeUndefined();
  });
  it('parses prefixes, strictly when asked', () => {
    expect(parsePrefix('10.1.2.3/8')).toEqual({ addr: parseIpv4('10.0.0.0'), len: 8 });
    expect(parsePrefix('10.1.2.3/8', true)).toBeUndefined();
  });
});
