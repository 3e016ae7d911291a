/** Output modifiers after `|` on show commands: begin, exclude, include, section. */
import { LINE } from '../parser/args.ts';
import type { Args } from '../parser/tree.ts';
import { arg, type IosNode, kw, run } from './dsl.ts';

function matcher(pattern: string): (line: string) => boolean {
  try {
    const re = new RegExp(pattern);
    return (l) => re.test(l);
  } catch {
    return (l) => l.includes(pattern);
  }
}

/** Sections are a top-level line and the indented lines under it; a section is kept if any line matches. */
function sections(lines: readonly string[], match: (l: string) => boolean): string[] {
  const out: string[] = [];
  let i = 0;
  while (i < lines.length) {
    let j = i + 1;
    while (j < lines.length && lines[j]!.startsWith(' ')) j++;
    const block = lines.slice(i, j);
    if (block.some(match)) out.push(...block);
    i = j;
  }
  return out;
}

export function applyFilter(a: Args, lines: readonly string[]): string[] {
  const match = matcher(a.need<string>('regex'));
  if (a.has('include')) return lines.filter(match);
  if (a.has('exclude')) return lines.filter((l) => !match(l));
  if (a.has('section')) return sections(lines, match);
  const first = lines.findIndex(match);
  return first < 0 ? [] : lines.slice(first);
}

/** Adds "| ..." after every node of a show subtree where the line may end. */
export function withFilters(root: IosNode): IosNode {
  const seen = new Set<IosNode>();
  const visit = (n: IosNode): void => {
    if (seen.has(n)) return;
    seen.add(n);
    for (const c of n.children) visit(c);
    if (n.run) {
      const h = n.run;
      const filter = (word: string, help: string) =>
        kw(word, help, arg('regex', LINE, 'Regular Expression', run(h)));
      n.children.push(
        kw(
          '|',
          'Output modifiers',
          filter('begin', 'Begin with the line that matches'),
          filter('exclude', 'Exclude lines that match'),
          filter('include', 'Include lines that match'),
          filter('section', 'Filter a section of output'),
        ),
      );
    }
  };
  visit(root);
  return root;
}
