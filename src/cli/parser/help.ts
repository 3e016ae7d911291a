/**
 * `?` and Tab, IOS style. "show ?" lists what may come next (in ASCII order, so numbers
 * and A.B.C.D before keywords, then <cr> when the line may end there), with descriptions
 * aligned two columns after the longest word. "sh?" lists the words starting with "sh".
 */
import { keywordMatches, type ParseError, walk } from './parse.ts';
import { tokenize } from './tokens.ts';
import type { HelpEntry, Node } from './tree.ts';

export type HelpResult = { readonly kind: 'help'; readonly lines: readonly string[] } | ParseError;

const byAscii = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** What may come next, keywords and arguments together in ASCII order as IOS lists them. */
function nextEntries<E>(node: Node<E>, env: E): HelpEntry[] {
  const out: HelpEntry[] = [];
  for (const c of node.children) {
    if (c.hidden) continue;
    if (c.kind === 'arg') out.push(...(c.type?.help(c.help, env) ?? []));
    else out.push({ word: c.word, help: c.help });
  }
  return out.sort((a, b) => byAscii(a.word, b.word));
}

/** IOS keeps a help line under 80 columns: longer help goes on under its own column. */
const HELP_LINE = 79;

function formatEntries(entries: readonly HelpEntry[], cr: boolean): string[] {
  const width = Math.max(0, ...entries.map((e) => e.word.length));
  const lines: string[] = [];
  for (const e of entries) {
    let line = `  ${e.word.padEnd(width + 2)}`;
    const indent = ' '.repeat(line.length);
    let fresh = true;
    for (const word of e.help.split(' ')) {
      if (!fresh && line.length + 1 + word.length > HELP_LINE) {
        lines.push(line);
        line = indent;
        fresh = true;
      }
      line += fresh ? word : ` ${word}`;
      fresh = false;
    }
    lines.push(line.trimEnd());
  }
  if (cr) lines.push('  <cr>');
  return lines;
}

/**
 * Words (keywords, interface types...) that a partial last word may stand for. For Tab an
 * exact keyword stands alone; `word?` lists every visible word with that prefix.
 */
function candidates<E>(node: Node<E>, partial: string, env: E, forTab: boolean): string[] {
  const p = partial.toLowerCase();
  const out = forTab
    ? keywordMatches(node, partial).map((c) => c.word)
    : node.children
        .filter((c) => c.kind === 'keyword' && !c.hidden && c.word.toLowerCase().startsWith(p))
        .map((c) => c.word);
  for (const c of node.children) {
    if (c.kind !== 'arg' || !c.type?.completions) continue;
    for (const w of c.type.completions(env)) if (w.toLowerCase().startsWith(p)) out.push(w);
  }
  return [...new Set(out)].sort(byAscii);
}

/** Wraps words separated by two spaces at 80 columns, as IOS prints completions. */
export function wrapWords(words: readonly string[]): string[] {
  const lines: string[] = [];
  let cur = '';
  for (const w of words) {
    if (cur && cur.length + w.length + 2 > 80) {
      lines.push(cur.trimEnd());
      cur = '';
    }
    cur += `${w}  `;
  }
  if (cur) lines.push(cur.trimEnd());
  return lines;
}

/** Help for `text?` (text is everything before the question mark). */
export function help<E>(root: Node<E>, text: string, env: E): HelpResult {
  const tokens = tokenize(text);
  const atWordStart = tokens.length === 0 || /\s$/.test(text);
  if (atWordStart) {
    const w = walk(root, tokens, text, env);
    if (w.kind !== 'walked') return w;
    if (w.pending) return { kind: 'help', lines: formatEntries(w.pending, false) };
    return { kind: 'help', lines: formatEntries(nextEntries(w.node, env), w.node.run !== undefined) };
  }
  const last = tokens[tokens.length - 1]!;
  const w = walk(root, tokens.slice(0, -1), text.slice(0, last.start), env);
  if (w.kind !== 'walked') return w;
  // Inside an argument's word ("g0/?"), or after the first token of one ("GigabitEthernet 0/?").
  const inside = w.pending
    ? w.node.type?.partial?.(`${tokens[tokens.length - 2]!.text}${last.text}`, env)
    : w.node.children.flatMap((c) => (c.kind === 'arg' && c.type?.partial?.(last.text, env)) || []);
  if (inside !== undefined && inside.length > 0) return { kind: 'help', lines: formatEntries(inside, false) };
  const words = w.pending ? [] : candidates(w.node, last.text, env, false);
  if (!w.pending) {
    // An argument the partial word already fits is listed by its help word (WORD, <1-4094>...).
    for (const c of w.node.children) {
      if (c.kind !== 'arg' || !c.type || c.type.completions) continue;
      if (c.type.match(tokens, tokens.length - 1, text, env).kind === 'match') {
        for (const e of c.type.help(c.help, env)) if (!words.includes(e.word)) words.push(e.word);
      }
    }
  }
  if (words.length === 0) return { kind: 'help', lines: ['% Unrecognized command'] };
  return { kind: 'help', lines: wrapWords(words) };
}

export interface TabResult {
  readonly line: string;
  readonly candidates: readonly string[];
}

/** Tab: completes the last word when it is unique, adding a space as IOS does. */
export function complete<E>(root: Node<E>, line: string, env: E): TabResult {
  const tokens = tokenize(line);
  if (tokens.length === 0 || /\s$/.test(line)) return { line, candidates: [] };
  const last = tokens[tokens.length - 1]!;
  const w = walk(root, tokens.slice(0, -1), line.slice(0, last.start), env);
  if (w.kind !== 'walked' || w.pending) return { line, candidates: [] };
  const words = candidates(w.node, last.text, env, true);
  if (words.length !== 1) return { line, candidates: words };
  return { line: `${line.slice(0, last.start)}${words[0]} `, candidates: words };
}
