import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseWindowsIpv4 } from '../../src/cli/host/inet-addr.ts';
import { formatIpv4, parseIpv4 } from '../../src/shared/ipv4.ts';

const read = (t: string) => {
  const a = parseWindowsIpv4(t);
  return a === undefined ? undefined : formatIpv4(a);
};

describe('addresses as the Windows command line reads them', () => {
  it('takes the short and numeric forms inet_addr takes', () => {
    expect(read('127.1')).toBe('127.0.0.1');
    expect(read('10.111')).toBe('10.0.0.111');
    expect(read('192.168.257')).toBe('192.168.1.1');
    expect(read('3232235777')).toBe('192.168.1.1');
    expect(read('0x7f.1')).toBe('127.0.0.1');
    expect(read('010.0.0.1')).toBe('8.0.0.1');
    expect(read('0')).toBe('0.0.0.0');
  });

  it('refuses what inet_addr refuses', () => {
    for (const t of [
      '',
      '1.2.3.4.5',
      '256.1.1.1',
      '1.2.3.256',
      '1.2.65536',
      '4294967296',
      '08.1.1.1',
      '1..2',
      'a.b.c.d',
      '1.2.3.4 ',
      '-1',
    ])
      expect(read(t), t).toBeUndefined();
  });

  it('reads every dotted quad as the configuration parser does', () => {
    fc.assert(
      fc.property(fc.ipV4(), (t) => {
        // Dotted quads without leading zeros mean the same in both.
        expect(parseWindowsIpv4(t)).toBe(parseIpv4(t));
      }),
    );
  });

  it('never throws, whatever it is given', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 20 }), (t) => {
        const a = parseWindowsIpv4(t);
        expect(a === undefined || (Number.isInteger(a) && a >= 0 && a <= 0xffffffff)).toBe(true);
      }),
    );
  });
});
