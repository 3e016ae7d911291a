import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isArgsError, parseWinArgs, strtoul, type WinArgsSpec } from '../../src/cli/host/win-args.ts';

const PING: WinArgsSpec = { numeric: { n: [1, 0xffffffff], l: [0, 65500] }, flags: ['t'] };

describe('option values as strtoul(s, &end, 0) reads them', () => {
  it('reads decimal, octal and hexadecimal prefixes and stops at the first other character', () => {
    expect(strtoul('42')).toBe(42);
    expect(strtoul('0x1F')).toBe(31);
    expect(strtoul('010')).toBe(8);
    expect(strtoul('09')).toBe(0);
    expect(strtoul('5abc')).toBe(5);
    expect(strtoul('abc')).toBe(0);
    expect(strtoul('')).toBe(0);
    expect(strtoul('-1')).toBe(0xffffffff);
    expect(strtoul('99999999999')).toBe(0xffffffff);
  });

  it('gives back any 32-bit number written in decimal or hexadecimal', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 0xffffffff }), (n) => {
        expect(strtoul(String(n))).toBe(n);
        expect(strtoul(`0x${n.toString(16)}`)).toBe(n);
        expect(strtoul(`0${n.toString(8)}`)).toBe(n);
      }),
    );
  });
});

describe('Windows command-line options', () => {
  it('reads options, flags and the target in any order', () => {
    const a = parseWinArgs(['-t', '10.0.0.1', '/l', '64'], PING);
    expect(isArgsError(a)).toBe(false);
    if (isArgsError(a)) return;
    expect(a.target).toBe('10.0.0.1');
    expect([...a.flags]).toEqual(['t']);
    expect(a.values.get('l')).toBe(64);
  });

  it('stops at the first problem, naming the word as typed', () => {
    expect(parseWinArgs(['-n', '0', '-x'], PING)).toEqual({
      kind: 'range',
      token: '-n',
      min: 1,
      max: 0xffffffff,
    });
    expect(parseWinArgs(['-x', '-n', '0'], PING)).toEqual({ kind: 'unknown', token: '-x' });
    expect(parseWinArgs(['-T', 'a'], PING)).toEqual({ kind: 'unknown', token: '-T' });
    expect(parseWinArgs(['a', '-l'], PING)).toEqual({ kind: 'missing', token: '-l' });
    expect(parseWinArgs(['a', 'b'], PING)).toEqual({ kind: 'extra', token: 'b' });
  });

  it('reads a word option and a host list, whose last address is the target when nothing follows', () => {
    const ping: WinArgsSpec = { ...PING, words: ['S'], lists: ['j'] };
    const read = (args: string[]) => {
      const a = parseWinArgs(args, ping);
      return isArgsError(a) ? a : [a.target, Object.fromEntries(a.words)];
    };
    expect(read(['-S', '10.0.0.9', '10.0.0.1'])).toEqual(['10.0.0.1', { S: ['10.0.0.9'] }]);
    expect(read(['-j', '10.0.0.2', '10.0.0.3', '10.0.0.1'])).toEqual([
      '10.0.0.1',
      { j: ['10.0.0.2', '10.0.0.3'] },
    ]);
    expect(read(['10.0.0.1', '-j', '10.0.0.2', '10.0.0.3'])).toEqual([
      '10.0.0.1',
      { j: ['10.0.0.2', '10.0.0.3'] },
    ]);
    expect(read(['-j', '10.0.0.2', '-t', '10.0.0.1'])).toEqual(['10.0.0.1', { j: ['10.0.0.2'] }]);
    expect(read(['10.0.0.1', '-S'])).toEqual({ kind: 'missing', token: '-S' });
    expect(read(['-j', '-t', '10.0.0.1'])).toEqual({ kind: 'missing', token: '-j' });
  });

  it('takes nothing after the target when the command wants its options first (tracert)', () => {
    const tracert: WinArgsSpec = { numeric: { h: [1, 255] }, flags: ['d'], targetLast: true };
    expect(parseWinArgs(['10.0.0.1', '-d'], tracert)).toEqual({ kind: 'extra', token: '-d' });
    expect(parseWinArgs(['10.0.0.1', '-h', '5'], tracert)).toEqual({ kind: 'extra', token: '-h' });
    const a = parseWinArgs(['-d', '-h', '5', '10.0.0.1'], tracert);
    expect(isArgsError(a) ? a : [a.target, [...a.flags], a.values.get('h')]).toEqual(['10.0.0.1', ['d'], 5]);
  });

  it('never throws, and any problem names one of the words given', () => {
    const word = fc.oneof(
      fc.constantFrom('-n', '-l', '-t', '/n', '-x', '-?', '-', '/', '0', '65501', 'abc'),
      fc.string({ maxLength: 6 }),
    );
    fc.assert(
      fc.property(fc.array(word, { maxLength: 6 }), (args) => {
        const a = parseWinArgs(args, PING);
        if (isArgsError(a)) expect(args).toContain(a.token);
        else {
          for (const [name, v] of a.values) {
            const [min, max] = PING.numeric[name]!;
            expect(v).toBeGreaterThanOrEqual(min);
            expect(v).toBeLessThanOrEqual(max);
          }
        }
      }),
    );
  });
});
