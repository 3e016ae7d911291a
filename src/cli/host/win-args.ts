/**
 * Command-line options as Windows' ping and tracert read them: left to right, `-x` or `/x`
 * (case matters: tracert's -R is not -r), a numeric option's value in the next word, the
 * first problem ends the reading. A value is read by the C runtime's `strtoul(s, &end, 0)`:
 * decimal, octal after a leading 0, hexadecimal after 0x, up to the first character that
 * does not fit, so "abc" reads as 0 and "5x" as 5; a minus sign wraps around 2^32. Ping
 * takes options anywhere on the line; tracert only before its target ("tracert host -d"
 * prints its usage, on Windows 7 and 10). A host list (-j, -k) runs to the next option, its
 * last address being the target when nothing follows it.
 */

export type WinArgsError =
  /** An option the command does not know, as typed ("-x", "--help"). */
  | { readonly kind: 'unknown'; readonly token: string }
  /** A numeric option with nothing after it. */
  | { readonly kind: 'missing'; readonly token: string }
  /** A numeric option whose value is outside its range. */
  | { readonly kind: 'range'; readonly token: string; readonly min: number; readonly max: number }
  /** A second target. */
  | { readonly kind: 'extra'; readonly token: string };

export interface WinArgs {
  readonly values: ReadonlyMap<string, number>;
  /** Options whose value is a word (-S srcaddr), and host lists (-j, -k), as typed. */
  readonly words: ReadonlyMap<string, readonly string[]>;
  readonly flags: ReadonlySet<string>;
  readonly target: string | undefined;
  /** `-?` or `/?`: the command prints its usage and nothing else. */
  readonly help: boolean;
}

export interface WinArgsSpec {
  /** Numeric options by letter, with the range the command accepts. */
  readonly numeric: Readonly<Record<string, readonly [number, number]>>;
  readonly flags: readonly string[];
  /** Options that take one word. */
  readonly words?: readonly string[];
  /** Options that take a list of hosts. */
  readonly lists?: readonly string[];
  /** Options come before the target only (tracert); anything after it is an error. */
  readonly targetLast?: boolean;
}

const ULONG_MAX = 0xffff_ffff;

/** `strtoul(s, &end, 0)` for a 32-bit unsigned long, as the Windows C runtime computes it. */
export function strtoul(s: string): number {
  const m = /^\s*([+-]?)(0[xX][0-9a-fA-F]+|0[0-7]*|[1-9][0-9]*)?/.exec(s)!;
  const digits = m[2];
  if (digits === undefined) return 0;
  const v = /^0[xX]/.test(digits)
    ? Number.parseInt(digits.slice(2), 16)
    : digits.startsWith('0')
      ? Number.parseInt(digits, 8)
      : Number(digits);
  // Out of range saturates (ERANGE), before the sign is applied.
  if (v > ULONG_MAX) return ULONG_MAX;
  return m[1] === '-' && v !== 0 ? ULONG_MAX + 1 - v : v;
}

/** Reads `args` as `spec` says, or the first problem in them. */
export function parseWinArgs(args: readonly string[], spec: WinArgsSpec): WinArgs | WinArgsError {
  const values = new Map<string, number>();
  const words = new Map<string, string[]>();
  const flags = new Set<string>();
  let target: string | undefined;
  const isOption = (token: string) => (token.startsWith('-') || token.startsWith('/')) && token.length > 1;
  for (let k = 0; k < args.length; k++) {
    const token = args[k]!;
    if (target !== undefined && spec.targetLast === true) return { kind: 'extra', token };
    if (isOption(token)) {
      const name = token.slice(1);
      if (name === '?') return { values, words, flags, target, help: true };
      const range = Object.hasOwn(spec.numeric, name) ? spec.numeric[name] : undefined;
      if (spec.words?.includes(name) === true) {
        const v = args[k + 1];
        if (v === undefined) return { kind: 'missing', token };
        words.set(name, [v]);
        k++;
      } else if (spec.lists?.includes(name) === true) {
        const list: string[] = [];
        while (k + 1 < args.length && !isOption(args[k + 1]!)) list.push(args[++k]!);
        if (list.length === 0) return { kind: 'missing', token };
        if (k + 1 === args.length && target === undefined && list.length > 1) target = list.pop();
        words.set(name, list);
      } else if (range !== undefined) {
        const v = args[k + 1];
        if (v === undefined) return { kind: 'missing', token };
        const n = strtoul(v);
        if (n < range[0] || n > range[1]) return { kind: 'range', token, min: range[0], max: range[1] };
        values.set(name, n);
        k++;
      } else if (spec.flags.includes(name)) flags.add(name);
      else return { kind: 'unknown', token };
    } else if (target === undefined) target = token;
    else return { kind: 'extra', token };
  }
  return { values, words, flags, target, help: false };
}

export const isArgsError = (a: WinArgs | WinArgsError): a is WinArgsError => 'kind' in a;
