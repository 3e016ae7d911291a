/**
 * What a device console does with each key, independent of the terminal widget: it edits the
 * line, runs it in the simulator and writes back what the device printed, as terminal text.
 *
 * As on IOS: lines typed at a password prompt are not echoed; after `?` the help is printed
 * and the line is offered again without the `?`; up and down walk the history of the current
 * mode (EXEC and configuration modes keep their own); Ctrl+Z runs the line and returns to
 * privileged EXEC; messages the device prints on its own (%LINK-5-CHANGED...) appear on their
 * own lines, then the prompt and what was being typed are drawn again.
 *
 * Output longer than the screen stops at " --More-- " (IOS's `terminal length`): Space brings
 * the next screen, Return one more line, any other key drops the rest and is not typed. Keys
 * typed or pasted meanwhile meet the --More-- first, as on a real console.
 *
 * While a ping or traceroute runs, its output comes as the clock runs (each poll) and there is
 * no prompt; the break key stops it: Ctrl+C at a PC, Ctrl+Shift+6 on IOS ("Type escape
 * sequence to abort."). Other keys, and the rest of a pasted text, wait as type-ahead, as on a
 * real console: they are read, and shown, once the prompt is back.
 */
import type { DeviceId } from '../../shared/ids.ts';
import type { Completion, ConsoleReply, DocPatch } from '../../worker/client.ts';
import { t } from '../i18n/i18n.ts';
import { LineEditor } from './line-editor.ts';

type Answer<T> = T | Promise<T>;

/** The simulator's console calls (the worker client, or a Session in tests). */
export interface ConsoleSession {
  exec(device: DeviceId, line: string): Answer<ConsoleReply>;
  ctrlZ(device: DeviceId, line: string): Answer<ConsoleReply>;
  history(device: DeviceId, direction: 'previous' | 'next'): Answer<string | undefined>;
  complete(device: DeviceId, line: string): Answer<Completion>;
  prompt(device: DeviceId): Answer<string>;
  secret(device: DeviceId): Answer<boolean>;
  greeting(device: DeviceId): Answer<string>;
  consoleLog(device: DeviceId): Answer<string>;
  interrupt(device: DeviceId): Answer<ConsoleReply>;
  more(device: DeviceId, key: string): Answer<ConsoleReply>;
}

const crlf = (s: string): string => s.replace(/\r?\n/g, '\r\n');
/** Output as the terminal needs it: CRLF line ends, and a final one so the prompt starts a line. */
const block = (s: string): string => (s === '' ? '' : crlf(s.endsWith('\n') ? s : `${s}\n`));

export class ConsoleKeys {
  readonly #editor = new LineEditor();
  readonly #session: ConsoleSession;
  readonly #id: DeviceId;
  readonly #ios: boolean;
  readonly #write: (text: string) => void;
  readonly #onReply: (patches: readonly DocPatch[]) => void;
  readonly #onError: (error: unknown) => void;
  #prompt = '';
  /** The prompt asks for a password: nothing typed is shown. */
  #secret = false;
  /** A command is printing (ping, traceroute): no prompt, keys other than the break key wait. */
  #running = false;
  /** Output waits at --More--: the next key goes to it. */
  #more = false;
  /** What was typed or pasted while a command ran, in order, for when the prompt is back. */
  #typeAhead: string[] = [];
  /** Keystrokes wait here while a line runs, as they would on a real console. */
  #queue: Promise<void> = Promise.resolve();
  #waiting = 0;
  /** Its device is gone (deleted, undone): what was still queued or on its way is dropped. */
  #closed = false;

  constructor(
    session: ConsoleSession,
    id: DeviceId,
    ios: boolean,
    write: (text: string) => void,
    onReply: (patches: readonly DocPatch[]) => void,
    /** A line could not run (the simulator threw): told to the user here, reported there. */
    onError: (error: unknown) => void,
  ) {
    this.#session = session;
    this.#id = id;
    this.#ios = ios;
    this.#write = write;
    this.#onReply = onReply;
    this.#onError = onError;
  }

  /** The greeting and the first prompt. */
  open(): Promise<void> {
    return this.#enqueue(async () => {
      const [greeting, prompt] = await Promise.all([
        this.#session.greeting(this.#id),
        this.#session.prompt(this.#id),
      ]);
      this.#prompt = prompt;
      this.#write(block(greeting) + prompt);
    });
  }

  /** Keys or pasted text, run in order after whatever is still running. */
  input(data: string): Promise<void> {
    return this.#enqueue(() => this.#input(data));
  }

  /**
   * Prints what the device logged since the last look. Skipped while lines wait to run: each
   * line looks when it ends.
   */
  pollLog(): Promise<void> {
    if (this.#waiting > 0) return this.#queue;
    return this.#enqueue(async () => {
      const log = await this.#session.consoleLog(this.#id);
      if (this.#running) {
        await this.#runningOutput(log);
        await this.#readTypeAhead();
      } else this.#log(log);
    });
  }

  /** What the running command printed; once it has ended, the prompt and the line again. */
  async #runningOutput(text: string): Promise<void> {
    this.#write(crlf(text));
    const prompt = await this.#session.prompt(this.#id);
    if (prompt === '') return;
    this.#running = false;
    this.#prompt = prompt;
    // A Telnet session's far end may now ask for a password (not echoed).
    this.#secret = await this.#session.secret(this.#id);
    this.#redraw();
  }

  /** Reads what was typed ahead, until it is all read or a command it runs is printing again. */
  async #readTypeAhead(): Promise<void> {
    while (!this.#running && this.#typeAhead.length > 0) await this.#input(this.#typeAhead.shift()!);
  }

  /** The break key while a command runs: what it prints when stopped, then the prompt. */
  async #interrupt(): Promise<void> {
    const reply = await this.#session.interrupt(this.#id);
    this.#running = false;
    this.#onReply(reply.patches);
    this.#write(crlf(reply.output));
    this.#prompt = reply.prompt;
    this.#redraw();
    await this.#readTypeAhead();
  }

  /**
   * The device is gone. A poll or a line may still be queued, or waiting on the simulator,
   * which no longer knows the device: none of it runs or reports a failure.
   */
  close(): void {
    this.#closed = true;
  }

  #enqueue(task: () => Promise<void>): Promise<void> {
    this.#waiting++;
    this.#queue = this.#queue
      .then(() => (this.#closed ? undefined : task()))
      .catch((e: unknown) => {
        if (!this.#closed) this.#failed(e);
      })
      .finally(() => {
        this.#waiting--;
      });
    return this.#queue;
  }

  /** In the user's language, on a line of its own, then the prompt again to go on from. */
  #failed(error: unknown): void {
    this.#write(`\r\n${t('console.failed')}\r\n`);
    this.#redraw();
    this.#onError(error);
  }

  async #input(data: string): Promise<void> {
    const e = this.#editor;
    if (this.#running) {
      // Ctrl+C at a PC; Ctrl+Shift+6 (Ctrl+^) on IOS.
      if (data === (this.#ios ? '\x1e' : '\x03')) return this.#interrupt();
      // The other one breaks nothing here, and is not kept to act at the prompt later.
      if (data !== '\x03' && data !== '\x1e') this.#typeAhead.push(data);
      return;
    }
    if (this.#more) return this.#moreKeys(data);
    switch (data) {
      case '\x1b[A':
      case '\x10':
        return this.#history('previous');
      case '\x1b[B':
      case '\x0e':
        return this.#history('next');
      case '\x1b[C':
      case '\x06':
        e.right();
        return this.#redraw();
      case '\x1b[D':
      case '\x02':
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
        this.#write('^C\r\n');
        e.submit();
        this.#prompt = await this.#session.prompt(this.#id);
        return this.#redraw();
      case '\x1a':
        return this.#ctrlZ();
    }
    if (data.startsWith('\x1b')) return;
    // Typed or pasted text: run each complete line, keep the rest on the line being edited.
    const text = data.replace(/\r\n?/g, '\r');
    for (let k = 0; k < text.length; k++) {
      if (this.#more) return this.#moreKeys(text.slice(k));
      if (this.#running) {
        // A line started a command that prints: the rest waits, ahead of anything typed since.
        this.#typeAhead.unshift(text.slice(k));
        return;
      }
      const ch = text[k]!;
      if (ch === '\r' || ch === '\n') {
        this.#write('\r\n');
        await this.#run(this.#session.exec(this.#id, e.submit()));
      } else if (ch === '?' && this.#ios && !this.#secret) {
        await this.#help();
      } else if (ch >= ' ') {
        e.insert(ch);
        this.#redraw();
      }
    }
  }

  async #history(direction: 'previous' | 'next'): Promise<void> {
    if (this.#secret) return;
    const line = await this.#session.history(this.#id, direction);
    if (line === undefined) return;
    this.#editor.set(line);
    this.#redraw();
  }

  async #ctrlZ(): Promise<void> {
    if (!this.#ios) return;
    const e = this.#editor;
    e.end();
    this.#redraw();
    this.#write('^Z\r\n');
    await this.#run(this.#session.ctrlZ(this.#id, e.submit()));
  }

  /** Prints a reply, then the next prompt, then anything the line made the device log. */
  async #run(pending: Answer<ConsoleReply>): Promise<void> {
    const [reply, log] = await Promise.all([pending, this.#session.consoleLog(this.#id)]);
    if (reply.running === true) {
      // No prompt yet: the command's output goes on from where it stands (maybe mid-line).
      this.#running = true;
      this.#onReply(reply.patches);
      this.#write(crlf(reply.output));
      return this.#runningOutput(log);
    }
    if (reply.more === true) return this.#paged(reply);
    this.#show(reply);
    this.#write(this.#prompt);
    this.#log(log);
  }

  async #help(): Promise<void> {
    const e = this.#editor;
    e.end();
    this.#redraw();
    this.#write('?\r\n');
    const [reply, log] = await Promise.all([
      this.#session.exec(this.#id, `${e.line}?`),
      this.#session.consoleLog(this.#id),
    ]);
    if (reply.more === true) return this.#paged(reply);
    this.#show(reply);
    e.set(reply.pending ?? e.line);
    this.#redraw();
    this.#log(log);
  }

  /** Output that stopped at " --More-- ": shown as it is, with no line end and no prompt. */
  #paged(reply: ConsoleReply): void {
    this.#more = true;
    this.#onReply(reply.patches);
    this.#write(crlf(reply.output));
  }

  /**
   * Keys at --More--, one at a time (an escape sequence is one key). Once the output is done
   * the prompt comes back, with the line `?` left when the output was help, and whatever
   * keys are left are read there.
   */
  async #moreKeys(data: string): Promise<void> {
    const keys = data.startsWith('\x1b') ? [data] : [...data.replace(/\r\n?/g, '\r')];
    for (let k = 0; k < keys.length; k++) {
      const reply = await this.#session.more(this.#id, keys[k]!);
      if (reply.more === true) {
        this.#paged(reply);
        continue;
      }
      this.#more = false;
      this.#onReply(reply.patches);
      // The key erased " --More-- ": the prompt is drawn on its row.
      this.#write(crlf(reply.output));
      this.#prompt = reply.prompt;
      this.#secret = reply.secret === true;
      if (reply.pending !== undefined) this.#editor.set(reply.pending);
      this.#redraw();
      this.#log(await this.#session.consoleLog(this.#id));
      const rest = keys.slice(k + 1).join('');
      if (rest !== '') await this.#input(rest);
      return;
    }
  }

  async #complete(): Promise<void> {
    if (this.#secret) return;
    const before = this.#editor.line;
    const { line } = await this.#session.complete(this.#id, before);
    // Like IOS: with nothing unique to add, the line is shown again below for the user to go on.
    if (line === before) this.#write('\r\n');
    this.#editor.set(line);
    this.#redraw();
  }

  #show(reply: ConsoleReply): void {
    this.#onReply(reply.patches);
    // Cursor home, erase the screen and the scrollback: what `cls` leaves in a Windows console.
    if (reply.clear === true) this.#write('\x1b[H\x1b[2J\x1b[3J');
    this.#write(block(reply.output));
    this.#prompt = reply.prompt;
    this.#secret = reply.secret === true;
  }

  /** Messages on lines of their own below the current one, then the line being typed again. */
  #log(log: string): void {
    if (log === '') return;
    this.#write(`\r\n${block(log)}`);
    this.#redraw();
  }

  #redraw(): void {
    const { line, cursor } = this.#editor;
    const shown = this.#secret ? '' : line;
    const back = this.#secret ? 0 : line.length - cursor;
    this.#write(`\r\x1b[K${this.#prompt}${shown}${back > 0 ? `\x1b[${back}D` : ''}`);
  }
}
