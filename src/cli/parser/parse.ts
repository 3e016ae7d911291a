/**
 * Walks a command tree the way IOS does: every keyword may be shortened to any
 * unique prefix, an exact keyword wins over longer ones, keywords win over arguments,
 * and the `^` marker goes under the first character no command can continue with
 * ("show ip interfaces" marks the final "s", "interfce" the "c").
 */
import { tokenize } from './tokens.ts';
import { Args, type HelpEntry, type Node, type Token } from './tree.ts';

export type ParseError =
  /** `end` is the column just after the ambiguous word. */
  | { readonly kind: 'ambiguous'; readonly end: number }
  | { readonly kind: 'incomplete'; readonly message?: string }
  /** `words`: the keywords walked before the word that failed. */
  | { readonly kind: 'invalid'; readonly col: number; readonly words: readonly string[] };

export type ParseOutcome<E> =
  | { readonly kind: 'empty' }
  | { readonly kind: 'ok'; readonly node: Node<E>; readonly args: Args }
  | ParseError;

export interface Walked<E> {
  readonly kind: 'walked';
  readonly node: Node<E>;
  readonly words: readonly string[];
  readonly values: ReadonlyMap<string, unknown>;
  /** Set when the last words began an argument that needs more words. */
  readonly pending?: readonly HelpEntry[];
}

const lower = (s: string) => s.toLowerCase();

/** Length of the common beginning of a word and a keyword, ignoring case. */
function sharedPrefix(word: string, keyword: string): number {
  const a = lower(word);
  const b = lower(keyword);
  let n = 0;
  while (n < a.length && n < b.length && a[n] === b[n]) n++;
  return n;
}

/**
 * Keyword children matching a (possibly shortened) word; an exact match stands alone. A hidden
 * keyword is taken shortened only when no visible one matches, so it never makes a visible
 * command's abbreviation ambiguous.
 */
export function keywordMatches<E>(node: Node<E>, word: string): Node<E>[] {
  const w = lower(word);
  const all = node.children.filter((c) => c.kind === 'keyword' && lower(c.word).startsWith(w));
  const exact = all.find((c) => lower(c.word) === w);
  if (exact) return [exact];
  const visible = all.filter((c) => !c.hidden);
  return visible.length > 0 ? visible : all;
}

export function walk<E>(
  root: Node<E>,
  tokens: readonly Token[],
  line: string,
  env: E,
): Walked<E> | ParseError {
  let node = root;
  const words: string[] = [];
  const values = new Map<string, unknown>();
  let i = 0;
  while (i < tokens.length) {
    const tok = tokens[i]!;
    const kws = keywordMatches(node, tok.text);
    if (kws.length === 1) {
      node = kws[0]!;
      words.push(node.word);
      i++;
      continue;
    }
    if (kws.length > 1) return { kind: 'ambiguous', end: tok.end };
    let chosen: Node<E> | undefined;
    let invalidAt = tok.start;
    for (const child of node.children) {
      if (child.kind === 'keyword')
        invalidAt = Math.max(invalidAt, tok.start + sharedPrefix(tok.text, child.word));
    }
    for (const child of node.children) {
      if (child.kind !== 'arg' || !child.type) continue;
      const r = child.type.match(tokens, i, line, env);
      if (r.kind === 'match') {
        chosen = child;
        values.set(child.word, r.value);
        i += r.consumed;
        break;
      }
      if (r.kind === 'partial') return { kind: 'walked', node: child, words, values, pending: r.help };
      if (r.at !== undefined) invalidAt = Math.max(invalidAt, r.at);
    }
    if (!chosen) return { kind: 'invalid', col: invalidAt, words };
    node = chosen;
  }
  return { kind: 'walked', node, words, values };
}

export function parse<E>(root: Node<E>, line: string, env: E): ParseOutcome<E> {
  const tokens = tokenize(line);
  if (tokens.length === 0) return { kind: 'empty' };
  const w = walk(root, tokens, line, env);
  if (w.kind !== 'walked') return w;
  if (w.pending || !w.node.run) {
    const message = w.pending ? undefined : w.node.incomplete;
    return message === undefined ? { kind: 'incomplete' } : { kind: 'incomplete', message };
  }
  return { kind: 'ok', node: w.node, args: new Args(w.words, w.values) };
}
