/**
 * Command trees, IOS style: each node is a keyword ("show", "ip") or an argument
 * (A.B.C.D, <1-4094>, WORD, LINE, an interface name); a node with a handler may end
 * the line (`<cr>` in help). One tree per mode; the parser walks it token by token.
 */

export interface Token {
  readonly text: string;
  /** Column of the first character in the line. */
  readonly start: number;
  readonly end: number;
}

export interface HelpEntry {
  readonly word: string;
  readonly help: string;
}

export type MatchResult =
  | { readonly kind: 'match'; readonly consumed: number; readonly value: unknown }
  /** The tokens so far start a valid argument that needs more tokens (e.g. "GigabitEthernet" alone). */
  | { readonly kind: 'partial'; readonly help: readonly HelpEntry[] }
  /** No match; `at` is the column of the first offending character when known. */
  | { readonly kind: 'none'; readonly at?: number };

export interface ArgType<E> {
  /** What `?` lists for this argument; `help` is the node's description. */
  help(help: string, env: E): readonly HelpEntry[];
  match(tokens: readonly Token[], i: number, line: string, env: E): MatchResult;
  /** Words a partial token may complete to (interface type names). */
  completions?(env: E): readonly string[];
  /**
   * What `?` lists right after a partial argument, `word` being its text so far with its tokens
   * joined ("GigabitEthernet0/": the numbers the next part of the name may take); none when
   * it has nothing to say.
   */
  partial?(word: string, env: E): readonly HelpEntry[];
}

export type Handler<E> = (env: E, args: Args) => void;

export interface Node<E> {
  readonly kind: 'keyword' | 'arg';
  /** The keyword as displayed, or the argument's name (the key of its value). */
  readonly word: string;
  readonly help: string;
  readonly type?: ArgType<E>;
  readonly children: Node<E>[];
  readonly run?: Handler<E>;
  /** Accepted when typed in full but never listed by `?` or Tab. */
  readonly hidden?: boolean;
  /** Printed instead of "% Incomplete command." when the line stops here. */
  readonly incomplete?: string;
}

/** What a parsed line carries to its handler. */
export class Args {
  constructor(
    /** Keywords matched, as defined in the tree, in order. */
    readonly words: readonly string[],
    private readonly values: ReadonlyMap<string, unknown>,
  ) {}

  has(word: string): boolean {
    return this.words.includes(word);
  }

  value<T>(name: string): T | undefined {
    return this.values.get(name) as T | undefined;
  }

  need<T>(name: string): T {
    if (!this.values.has(name)) throw new Error(`argument ${name} missing`);
    return this.values.get(name) as T;
  }
}

type Part<E> =
  | Node<E>
  | { readonly run: Handler<E> }
  | { readonly hidden: true }
  | { readonly incomplete: string };

function build<E>(base: Omit<Node<E>, 'children' | 'run'>, parts: readonly Part<E>[]): Node<E> {
  const children: Node<E>[] = [];
  let run: Handler<E> | undefined;
  let hidden = false;
  let incomplete: string | undefined;
  for (const p of parts) {
    if ('kind' in p) children.push(p);
    else if ('run' in p) run = p.run;
    else if ('hidden' in p) hidden = true;
    else incomplete = p.incomplete;
  }
  return {
    ...base,
    children,
    ...(run ? { run } : {}),
    ...(hidden ? { hidden } : {}),
    ...(incomplete ? { incomplete } : {}),
  };
}

export const keyword = <E>(word: string, help: string, ...parts: Part<E>[]): Node<E> =>
  build<E>({ kind: 'keyword', word, help }, parts);

export const argument = <E>(name: string, type: ArgType<E>, help: string, ...parts: Part<E>[]): Node<E> =>
  build<E>({ kind: 'arg', word: name, help, type }, parts);

export const handler = <E>(run: Handler<E>): { readonly run: Handler<E> } => ({ run });
export const HIDDEN: { readonly hidden: true } = { hidden: true };
export const incompleteMessage = (text: string): { readonly incomplete: string } => ({ incomplete: text });
