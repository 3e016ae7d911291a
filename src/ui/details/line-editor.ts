/**
 * The line being typed at a console: cursor movement and deletion, independent of any
 * terminal widget. The command history lives with the device's console in the simulator, which
 * keeps one for EXEC and one for configuration modes as IOS does.
 */
export class LineEditor {
  line = '';
  cursor = 0;

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

  /** Ends the line: returns it and starts an empty one. */
  submit(): string {
    const line = this.line;
    this.set('');
    return line;
  }
}
