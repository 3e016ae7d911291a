/** Splits a command line on blanks, keeping each word's columns for the `^` marker. */
import type { Token } from './tree.ts';

export function tokenize(line: string): Token[] {
  const out: Token[] = [];
  const re = /\S+/g;
  for (let m = re.exec(line); m; m = re.exec(line)) {
    out.push({ text: m[0], start: m.index, end: m.index + m[0].length });
  }
  return out;
}
