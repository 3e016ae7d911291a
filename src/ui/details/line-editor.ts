/**
 * The line being typed at a console: cursor movement, deletion and a command history walked
 * with the up and down arrows (like IOS's and cmd.exe's), independent of any terminal widget.
 */
const HISTORY_SIZE = 50;

export class LineEditor {
  line = '';
  cursor = 0;
  readonly #history: string[] = [];
  /** Position while walking the history; history.length means "the line being typed". */
  #walk = 0;
  #draft = '';

  insert(text: string): void {
    this.line = this.line.slice(0, this.cursor) + text + this.line.slice(this.cursor);
    this.cursor += text.length;
  }

  backspace(): void {
    if (this.cursor === 0) return;
    this.line = this.line.slice(0, this.cursor - 1) + this.line.slice(this.cursor);
    this.cursor--;
  }

  deleteForward(): void {
    this.line = this.line.slice(0, this.cursor) + this.line.slice(this.cursor + 1);
  }

  left(): void {
    this.cursor = Math.max(0, this.cursor - 1);
  }

  right(): void {
    this.cursor = Math.min(this.line.length, this.cursor + 1);
  }

  home(): void {
    this.cursor = 0;
  }

  end(): void {
    this.cursor = this.line.length;
  }

  set(line: string): void {
    this.line = line;
    this.cursor = line.length;
  }

  previous(): void {
    if (this.#walk === 0) return;
    if (this.#walk === this.#history.length) this.#draft = this.line;
    this.#walk--;
    this.set(this.#history[this.#walk]!);
  }

  next(): void {
    if (this.#walk >= this.#history.length) return;
    this.#walk++;
    this.set(this.#walk === this.#history.length ? this.#draft : this.#history[this.#walk]!);
  }

  /** Ends the line: returns it, records it in the history (not blanks nor repeats), clears. */
  submit(): string {
    const line = this.line;
    if (line.trim() !== '' && this.#history[this.#history.length - 1] !== line) {
      this.#history.push(line);
      if (this.#history.length > HISTORY_SIZE) this.#history.shift();
    }
    this.#walk = this.#history.length;
    this.#draft = '';
    this.set('');
    return line;
  }

  get history(): readonly string[] {
    return this.#history;
  }
}
