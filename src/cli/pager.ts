/**
 * IOS's automore: output longer than the terminal stops at " --More-- " until a key is
 * pressed. Space shows the next screen, Return one more line, any other key drops the rest.
 *
 * As captures of ISR and Catalyst consoles show it: a screen of `terminal length` 24 holds 23
 * lines of output and the prompt on its last row (the command's own line is not counted, nor
 * the "Building configuration..." that `show running-config` prints before it pages); the
 * prompt has no line end, and a key erases it with nine backspaces, eight spaces and nine
 * backspaces, so what follows starts on that row. A line wider than the terminal takes as
 * many rows as it wraps to.
 */

export const MORE = ' --More-- ';
export const MORE_ERASE = `${'\b'.repeat(9)}${' '.repeat(8)}${'\b'.repeat(9)}`;

/** IOS's `terminal width` default: the columns a line wraps at. */
const WIDTH = 80;

/** Printed while the configuration is built, before the output the pager counts. */
const BUILDING = 'Building configuration...';

/** Rows a line takes on an 80-column terminal. */
const rows = (line: string): number => Math.max(1, Math.ceil(line.length / WIDTH));

export interface PageStep {
  /** What to print: lines ending in "\n", then " --More-- " unless `done`. */
  readonly output: string;
  /** Nothing is held any more: the prompt comes next. */
  readonly done: boolean;
}

export class Pager {
  #next = 0;

  /** `lines` of one command's output; `screen`, the rows of output a screen holds. */
  private constructor(
    private readonly lines: readonly string[],
    private readonly screen: number,
  ) {}

  /**
   * Starts paging `lines` when they do not fit on a screen of `length` rows; undefined when
   * they do, or when the length is 0 (no pausing).
   */
  static start(lines: readonly string[], length: number): { pager: Pager; first: PageStep } | undefined {
    if (length === 0) return undefined;
    const pager = new Pager(lines, Math.max(1, length - 1));
    const uncounted = lines[0] === BUILDING ? 1 : 0;
    pager.#next = uncounted;
    const first = pager.#take(pager.screen);
    if (first.done) return undefined;
    const before = lines
      .slice(0, uncounted)
      .map((l) => `${l}\n`)
      .join('');
    return { pager, first: { ...first, output: before + first.output } };
  }

  /** A key pressed at " --More-- ". */
  key(key: string): PageStep {
    if (key === ' ') return this.#continue(this.screen);
    if (key === '\r' || key === '\n') return this.#continue(1);
    this.#next = this.lines.length;
    return { output: MORE_ERASE, done: true };
  }

  #continue(room: number): PageStep {
    const step = this.#take(room);
    return { ...step, output: MORE_ERASE + step.output };
  }

  /** Lines from the next one until `room` rows are filled, then the prompt if any are left. */
  #take(room: number): PageStep {
    const from = this.#next;
    let used = 0;
    while (this.#next < this.lines.length) {
      const r = rows(this.lines[this.#next]!);
      // A line always shows, even one wider than a whole screen.
      if (used > 0 && used + r > room) break;
      used += r;
      this.#next++;
    }
    const text = this.lines
      .slice(from, this.#next)
      .map((l) => `${l}\n`)
      .join('');
    const done = this.#next >= this.lines.length;
    return { output: done ? text : text + MORE, done };
  }
}
