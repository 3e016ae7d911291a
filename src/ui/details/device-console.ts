/**
 * One device's console in an xterm.js terminal: the IOS CLI for routers and switches, the
 * command prompt for PCs and servers. Lines run in the simulator one after another (pasted
 * text included); Tab completes, '?' asks IOS for help, Ctrl+Z leaves configuration mode.
 */
import { FitAddon } from '@xterm/addon-fit';
import { Terminal } from '@xterm/xterm';
import '@xterm/xterm/css/xterm.css';
import type { DeviceId } from '../../shared/ids.ts';
import type { DocPatch, SessionClient } from '../../worker/client.ts';
import { LineEditor } from './line-editor.ts';

const crlf = (s: string): string => s.replace(/\r?\n/g, '\r\n');

export class DeviceConsole {
  readonly element: HTMLElement;
  readonly #term: Terminal;
  readonly #fit = new FitAddon();
  readonly #editor = new LineEditor();
  readonly #session: SessionClient;
  readonly #id: DeviceId;
  readonly #ios: boolean;
  /** A line can change the document (hostname, interface settings...): the mirror must follow. */
  readonly #onPatches: (patches: readonly DocPatch[]) => void;
  #prompt = '';
  /** Keystrokes wait here while a line runs, as they would on a real console. */
  #queue: Promise<void> = Promise.resolve();

  constructor(
    session: SessionClient,
    id: DeviceId,
    ios: boolean,
    onPatches: (patches: readonly DocPatch[]) => void,
  ) {
    this.#session = session;
    this.#id = id;
    this.#ios = ios;
    this.#onPatches = onPatches;
    this.element = document.createElement('div');
    this.element.className = 'device-console';
    this.#term = new Terminal({
      fontFamily: 'ui-monospace, "Cascadia Mono", "DejaVu Sans Mono", Menlo, Consolas, monospace',
      fontSize: 13,
      cursorBlink: true,
      scrollback: 5000,
      convertEol: false,
      theme: {
        background: '#0a0d12',
        foreground: '#d7dde5',
        cursor: '#d7dde5',
        selectionBackground: '#3b5b86',
      },
    });
    this.#term.loadAddon(this.#fit);
    this.#term.onData((data) => {
      this.#queue = this.#queue
        .then(() => this.#input(data))
        .catch((e: unknown) => this.#term.write(`\r\n${String(e)}\r\n`));
    });
  }

  /** Attaches the terminal the first time it is shown, then greets. */
  async open(): Promise<void> {
    if (this.#term.element) return;
    this.#term.open(this.element);
    this.fit();
    const [greeting, prompt] = await Promise.all([
      this.#session.greeting(this.#id),
      this.#session.prompt(this.#id),
    ]);
    this.#prompt = prompt;
    if (greeting) this.#term.write(crlf(greeting.endsWith('\n') ? greeting : `${greeting}\n`));
    this.#term.write(prompt);
  }

  fit(): void {
    if (this.element.isConnected && this.element.clientWidth > 0) this.#fit.fit();
  }

  focus(): void {
    this.#term.focus();
  }

  dispose(): void {
    this.#term.dispose();
    this.element.remove();
  }

  async #input(data: string): Promise<void> {
    const e = this.#editor;
    switch (data) {
      case '\x1b[A':
        e.previous();
        return this.#redraw();
      case '\x1b[B':
        e.next();
        return this.#redraw();
      case '\x1b[C':
        e.right();
        return this.#redraw();
      case '\x1b[D':
        e.left();
        return this.#redraw();
      case '\x1b[H':
      case '\x01':
        e.home();
        return this.#redraw();
      case '\x1b[F':
      case '\x05':
        e.end();
        return this.#redraw();
      case '\x1b[3~':
        e.deleteForward();
        return this.#redraw();
      case '\x7f':
      case '\b':
        e.backspace();
        return this.#redraw();
      case '\t':
        return this.#complete();
      case '\x03':
        this.#term.write('^C\r\n');
        e.submit();
        return this.#refreshPrompt();
      case '\x1a':
        if (!this.#ios) return;
        this.#term.write('^Z\r\n');
        e.set('');
        return this.#run('end');
    }
    if (data.startsWith('\x1b')) return;
    // Typed or pasted text: run each complete line, keep the rest on the line being edited.
    for (const ch of data.replace(/\r\n?/g, '\r')) {
      if (ch === '\r' || ch === '\n') {
        this.#term.write('\r\n');
        await this.#run(e.submit());
      } else if (ch === '?' && this.#ios) {
        this.#term.write('?\r\n');
        await this.#help();
      } else if (ch >= ' ') {
        e.insert(ch);
        this.#redraw();
      }
    }
  }

  async #run(line: string): Promise<void> {
    const reply = await this.#session.exec(this.#id, line);
    this.#onPatches(reply.patches);
    this.#write(reply.output);
    this.#prompt = reply.prompt;
    this.#term.write(this.#prompt);
  }

  async #help(): Promise<void> {
    const reply = await this.#session.exec(this.#id, `${this.#editor.line}?`);
    this.#onPatches(reply.patches);
    this.#write(reply.output);
    this.#prompt = reply.prompt;
    this.#redraw();
  }

  async #complete(): Promise<void> {
    const before = this.#editor.line;
    const { line } = await this.#session.complete(this.#id, before);
    if (line !== before) {
      this.#editor.set(line);
      this.#redraw();
    } else {
      // Like IOS: nothing unique to add, so the line is shown again for the user to go on.
      this.#term.write('\r\n');
      this.#redraw();
    }
  }

  async #refreshPrompt(): Promise<void> {
    this.#prompt = await this.#session.prompt(this.#id);
    this.#term.write(this.#prompt);
  }

  #write(output: string): void {
    if (output === '') return;
    this.#term.write(crlf(output.endsWith('\n') ? output : `${output}\n`));
  }

  #redraw(): void {
    const { line, cursor } = this.#editor;
    const back = line.length - cursor;
    this.#term.write(`\r\x1b[K${this.#prompt}${line}${back > 0 ? `\x1b[${back}D` : ''}`);
  }
}
