/** Argument types that need nothing from the device: numbers, words, addresses, rest of line. */
import { parseIpv4 } from '../../shared/ipv4.ts';
import type { ArgType, MatchResult } from './tree.ts';

const entry = (word: string, help: string) => [{ word, help }];

/** WORD: any single word. */
export const WORD: ArgType<unknown> = {
  help: (h) => entry('WORD', h),
  match: (t, i) => ({ kind: 'match', consumed: 1, value: t[i]!.text }),
};

/** LINE: the rest of the line as typed (inner spacing kept, trailing blanks dropped). */
export const LINE: ArgType<unknown> = {
  help: (h) => entry('LINE', h),
  match: (t, i, line) => ({
    kind: 'match',
    consumed: t.length - i,
    value: line.slice(t[i]!.start).trimEnd(),
  }),
};

/** <lo-hi>: a decimal integer in range. */
export function range(lo: number, hi: number): ArgType<unknown> {
  return {
    help: (h) => entry(`<${lo}-${hi}>`, h),
    match: (t, i): MatchResult => {
      const tok = t[i]!;
      if (!/^\d+$/.test(tok.text)) return { kind: 'none' };
      const n = Number(tok.text);
      return n >= lo && n <= hi ? { kind: 'match', consumed: 1, value: n } : { kind: 'none' };
    },
  };
}

/**
 * Column of the first character that makes `s` stop being the beginning of a dotted
 * quad, relative to `s` (s.length when every character fits but the address is short).
 */
function firstBadIpv4Char(s: string): number {
  let octets = 1;
  let digits = '';
  for (let k = 0; k < s.length; k++) {
    const c = s[k]!;
    if (c === '.') {
      if (digits === '' || octets === 4) return k;
      octets++;
      digits = '';
    } else if (c >= '0' && c <= '9') {
      if (digits.length === 3 || Number(digits + c) > 255) return k;
      digits += c;
    } else return k;
  }
  return s.length;
}

/** A.B.C.D: a dotted-quad IPv4 address; the `^` goes under the first wrong character. */
export const IPV4: ArgType<unknown> = {
  help: (h) => entry('A.B.C.D', h),
  match: (t, i): MatchResult => {
    const tok = t[i]!;
    const a = parseIpv4(tok.text);
    if (a !== undefined) return { kind: 'match', consumed: 1, value: a };
    return { kind: 'none', at: tok.start + firstBadIpv4Char(tok.text) };
  },
};
