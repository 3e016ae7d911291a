/**
 * IOS's --More--: the screens a long output is cut into, and what each key at the prompt
 * prints, against consoles captured on ISRs and Catalysts.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MORE, MORE_ERASE, Pager } from '../../src/cli/pager.ts';

const numbered = (n: number, prefix = 'line') => Array.from({ length: n }, (_, k) => `${prefix} ${k + 1}`);
const text = (lines: readonly string[]) => lines.map((l) => `${l}\n`).join('');

describe('the pager', () => {
  it('lets output that fits on the screen through, and never pauses with length 0', () => {
    expect(Pager.start(numbered(23), 24)).toBeUndefined();
    expect(Pager.start(numbered(500), 0)).toBeUndefined();
  });

  it('shows 23 lines of a 24-row screen, then " --More-- " with no line end', () => {
    const paged = Pager.start(numbered(60), 24)!;
    expect(paged.first).toEqual({ output: text(numbered(23)) + MORE, done: false });
    expect(MORE).toBe(' --More-- ');
  });

  it('erases the prompt with nine backspaces, eight spaces and nine backspaces', () => {
    expect(MORE_ERASE).toBe('\b\b\b\b\b\b\b\b\b        \b\b\b\b\b\b\b\b\b');
  });

  it('brings a screen on Space, a line on Return, and drops the rest on any other key', () => {
    const lines = numbered(60);
    const { pager } = Pager.start(lines, 24)!;
    expect(pager.key(' ')).toEqual({ output: MORE_ERASE + text(lines.slice(23, 46)) + MORE, done: false });
    expect(pager.key('\r')).toEqual({ output: `${MORE_ERASE}line 47\n${MORE}`, done: false });
    expect(pager.key('q')).toEqual({ output: MORE_ERASE, done: true });
  });

  it('ends without a prompt when the last screen holds the rest', () => {
    const lines = numbered(30);
    const { pager } = Pager.start(lines, 24)!;
    expect(pager.key(' ')).toEqual({ output: MORE_ERASE + text(lines.slice(23)), done: true });
  });

  it('does not count the "Building configuration..." printed before the configuration', () => {
    const lines = ['Building configuration...', ...numbered(40)];
    const { first } = Pager.start(lines, 24)!;
    expect(first.output).toBe(text(lines.slice(0, 24)) + MORE);
  });

  it('counts a line wider than 80 columns as the rows it wraps to', () => {
    const wide = 'x'.repeat(161);
    const lines = [wide, ...numbered(30)];
    const { first } = Pager.start(lines, 24)!;
    // 3 rows for the wide line, 20 for the others.
    expect(first.output).toBe(text([wide, ...numbered(20)]) + MORE);
  });

  it('shows a line at a time on a screen of one or two rows', () => {
    for (const length of [1, 2]) {
      const { pager, first } = Pager.start(numbered(3), length)!;
      expect(first.output).toBe(`line 1\n${MORE}`);
      expect(pager.key(' ').output).toBe(`${MORE_ERASE}line 2\n${MORE}`);
    }
  });

  it('shows every line once, in order, whatever Space and Return are pressed', () => {
    fc.assert(
      fc.property(
        fc.array(fc.string({ maxLength: 200 }), { maxLength: 120 }),
        fc.integer({ min: 1, max: 60 }),
        fc.array(fc.constantFrom(' ', '\r'), { maxLength: 400 }),
        (lines, length, keys) => {
          const clean = lines.map((l) => l.replace(/\n/g, ' '));
          const paged = Pager.start(clean, length);
          if (!paged) return;
          const screen = Math.max(1, length - 1);
          let shown = paged.first.output;
          let done = false;
          for (const key of keys) {
            if (done) break;
            const step = paged.pager.key(key);
            // A screen never holds more rows than it has, unless one line is wider alone.
            const body = step.output.slice(MORE_ERASE.length).replace(MORE, '');
            const rows = body
              .split('\n')
              .slice(0, -1)
              .map((l) => Math.max(1, Math.ceil(l.length / 80)));
            const total = rows.reduce((a, b) => a + b, 0);
            expect(rows.length === 1 || total <= (key === ' ' ? screen : 1)).toBe(true);
            shown += step.output;
            done = step.done;
          }
          const read = shown.split(MORE_ERASE).join('').split(MORE).join('');
          const expected = text(clean);
          if (done) expect(read).toBe(expected);
          else expect(expected.startsWith(read)).toBe(true);
        },
      ),
    );
  });
});
