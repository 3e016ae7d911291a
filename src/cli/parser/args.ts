/** Argument types that need nothing from the device: numbers, words, addresses, rest of line. */
import { parseIpv4 } from '../../shared/ipv4.ts';
import { isIpv6LinkLocal, parseIpv6, parseIpv6Assignment } from '../../shared/ipv6.ts';
import type { MacAddr } from '../../shared/mac.ts';
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

/**
 * Column of the first character that makes `s` stop being the beginning of an H.H.H MAC
 * address (three groups of one to four hex digits), relative to `s`.
 */
function firstBadMacChar(s: string): number {
  let groups = 1;
  let digits = 0;
  for (let k = 0; k < s.length; k++) {
    const c = s[k]!;
    if (c === '.') {
      if (digits === 0 || groups === 3) return k;
      groups++;
      digits = 0;
    } else if (/^[0-9a-f]$/i.test(c) && digits < 4) digits++;
    else return k;
  }
  return s.length;
}

/** H.H.H: a MAC address as IOS writes it ("0050.7966.6801"; "50.7966.6801" is the same). */
export const MAC: ArgType<unknown> = {
  help: (h) => entry('H.H.H', h),
  match: (t, i): MatchResult => {
    const tok = t[i]!;
    const bad = firstBadMacChar(tok.text);
    const groups = tok.text.split('.');
    if (bad < tok.text.length || groups.length !== 3 || groups[2] === '')
      return { kind: 'none', at: tok.start + bad };
    const value = groups.reduce((acc, g) => acc * 0x10000 + Number.parseInt(g, 16), 0) as MacAddr;
    return { kind: 'match', consumed: 1, value };
  },
};

/**
 * Column of the first character that cannot continue an IPv6 address as typed (hex digits,
 * colons, dots of an embedded IPv4 address), relative to `s`.
 */
function firstBadIpv6Char(s: string): number {
  const bad = /[^0-9a-f:.]/i.exec(s);
  return bad === null ? s.length : bad.index;
}

/** X:X:X:X::X: an IPv6 address (RFC 4291 2.2); `linkLocal`: only one of FE80::/10. */
export function ipv6Arg(linkLocal = false): ArgType<unknown> {
  return {
    help: (h) => entry('X:X:X:X::X', h),
    match: (t, i): MatchResult => {
      const tok = t[i]!;
      const a = parseIpv6(tok.text);
      if (a !== undefined && (!linkLocal || isIpv6LinkLocal(a)))
        return { kind: 'match', consumed: 1, value: a };
      return { kind: 'none', at: tok.start + Math.min(firstBadIpv6Char(tok.text), tok.text.length) };
    },
  };
}

export const IPV6 = ipv6Arg();

/** X:X:X:X::X/<0-128>: an IPv6 address with a prefix length; the value is an Ipv6Assignment. */
export const IPV6_PREFIX: ArgType<unknown> = {
  help: (h) => entry('X:X:X:X::X/<0-128>', h),
  match: (t, i): MatchResult => {
    const tok = t[i]!;
    const a = parseIpv6Assignment(tok.text);
    if (a !== undefined) return { kind: 'match', consumed: 1, value: a };
    const slash = tok.text.indexOf('/');
    const head = slash < 0 ? tok.text : tok.text.slice(0, slash);
    return { kind: 'none', at: tok.start + firstBadIpv6Char(head) };
  },
};
