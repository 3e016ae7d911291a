/**
 * One device console: an IOS command line for routers and switches, a command prompt for
 * PCs and servers. Keeps the command history (IOS keeps one for EXEC and one for
 * configuration modes) and the asynchronous messages printed between prompts.
 */
import type { DeviceContext, HostDeviceContext, IosDeviceContext } from './context.ts';
import { HOST_VERSION, HostShell } from './host/shell.ts';
import { platformOf } from './ios/config-edit.ts';
import { type LineId, LineSession, type SshLogin } from './ios/line-session.ts';
import type { IosRuntime } from './ios/runtime.ts';
import { IosShell, type LogEntry } from './ios/shell.ts';
import { Pager } from './pager.ts';
import type { RemoteSession, Running } from './running.ts';

export interface ConsoleReply {
  /** What the console printed after the typed line: "" or lines each ending in "\n". */
  readonly output: string;
  /** The prompt for the next line ("R1(config-if)#", "Password: ", "C:\>"). */
  readonly prompt: string;
  /** After `?`: the text to put back on the input line, as IOS redisplays it. */
  readonly pending?: string;
  /** The prompt asks for a password: the terminal must not echo what is typed. */
  readonly secret?: boolean;
  /** The line cleared the screen (the PC's `cls`): the terminal shows only what follows. */
  readonly clear?: boolean;
  /**
   * The line started a command that goes on printing (ping, traceroute): `output` may end
   * inside a line, there is no prompt, and `drainLog` brings the rest as time passes.
   */
  readonly running?: boolean;
  /**
   * The output stopped at " --More-- " (it ends there, with no line end) and waits for a key:
   * `more(key)` brings the rest. There is no prompt until it is all shown or dropped.
   */
  readonly more?: boolean;
}

export interface Completion {
  /** The line with its last word completed when that word is unambiguous. */
  readonly line: string;
  /** Candidate words when it is not (empty if none). */
  readonly candidates: readonly string[];
}

/** The lines a far end's IOS line recalls: its `history size` default. */
const REMOTE_HISTORY_SIZE = 10;

/** Windows' console keeps 50 commands (its "Buffer Size" default). */
const HOST_HISTORY_SIZE = 50;

/** The reply to a line or Ctrl+Z while a command prints: nothing is read, there is no prompt. */
const BUSY: ConsoleReply = { output: '', prompt: '', running: true };

/** Lines as the terminal shows them: trailing blanks are invisible there, so none are sent. */
const text = (lines: readonly string[]): string =>
  lines.length === 0 ? '' : `${lines.map((l) => l.trimEnd()).join('\n')}\n`;

/** Lines typed, oldest first, as many as `capacity()` allows at the moment. */
class History {
  private readonly lines: string[] = [];
  private cursor = 0;

  constructor(private readonly capacity: () => number) {}

  /** Drops the oldest lines past the capacity, which `terminal history size` may have lowered. */
  private fit(): void {
    const extra = this.lines.length - this.capacity();
    if (extra > 0) this.lines.splice(0, extra);
    this.cursor = Math.min(this.cursor, this.lines.length);
  }

  add(line: string): void {
    if (line.trim() !== '' && this.lines[this.lines.length - 1] !== line) this.lines.push(line);
    this.reset();
  }

  previous(): string | undefined {
    this.fit();
    if (this.cursor === 0) return undefined;
    this.cursor--;
    return this.lines[this.cursor];
  }

  next(): string | undefined {
    this.fit();
    if (this.cursor >= this.lines.length) return undefined;
    this.cursor++;
    return this.lines[this.cursor] ?? '';
  }

  reset(): void {
    this.fit();
    this.cursor = this.lines.length;
  }

  entries(): readonly string[] {
    this.fit();
    return this.lines;
  }
}

export class Console {
  private readonly ios: IosShell | undefined;
  private readonly host: HostShell | undefined;
  private readonly histories: { readonly exec: History; readonly config: History };
  private readonly opening: string;
  /** Messages raised so far, in time order, each kept until the clock reaches its time. */
  private pending: LogEntry[] = [];
  private readonly ctx: DeviceContext;
  /** A command still printing (running.ts): no prompt until it ends or is broken off. */
  private running: Running | undefined;
  /** What the device printed on its own since the last look (another session's reload). */
  private notice = '';
  /** A Telnet or SSH session it opened: typed lines go to the far end while it lasts. */
  private remote: RemoteSession | undefined;
  /** The lines typed in that session. */
  private remoteHistory = new History(() => REMOTE_HISTORY_SIZE);
  /** Output held at --More--, and what `?` puts back on the line once it is shown. */
  private paged: { readonly pager: Pager; readonly pending: string | undefined } | undefined;

  /**
   * A device's console, or (`on`) a session on another of its lines, which shares the runtime
   * of the device's console (a vty line a Telnet or SSH connection took).
   */
  constructor(
    ctx: DeviceContext,
    on?: {
      readonly line: LineId;
      readonly runtime: IosRuntime;
      /** Who SSH authenticated before the session started: it starts logged in. */
      readonly ssh?: SshLogin;
    },
  ) {
    this.ctx = ctx;
    const size = () => this.ios?.historySize() ?? HOST_HISTORY_SIZE;
    this.histories = { exec: new History(size), config: new History(size) };
    if (ctx.kind === 'pc' || ctx.kind === 'server') {
      this.host = new HostShell(ctx as HostDeviceContext);
      this.opening = `${HOST_VERSION}\n`;
    } else {
      const dev = ctx as IosDeviceContext;
      const session = new LineSession(on?.line ?? { kind: 'con' }, () => this.history().entries());
      session.ssh = on?.ssh;
      session.deliver = (entries) => this.enqueue(entries);
      session.ended = (lines, setup) => {
        this.hangUp();
        this.paged = undefined;
        this.notice += text([...lines, ...this.ios!.rebooted(setup)]);
      };
      this.ios = new IosShell(
        platformOf(dev.kind, dev.model),
        { get: () => dev.runningConfig(), set: (c) => dev.setRunningConfig(c) },
        dev,
        'userExec',
        { session, ...(on ? { runtime: on.runtime } : {}) },
      );
      this.opening = text(this.ios.login());
    }
  }

  /** The device's state its sessions share; undefined on a PC. */
  get runtime(): IosRuntime | undefined {
    return this.ios?.runtime;
  }

  /** A vty session that ended (`exit`, a refused login): its connection closes. */
  ended(): boolean {
    return this.ios?.ended() === true;
  }

  /** The session on its line, when it is an IOS device's. */
  get session(): LineSession | undefined {
    return this.ios?.session;
  }

  /** The session is over: it leaves the device's list of lines in use, and any it opened ends. */
  close(): void {
    this.hangUp();
    const session = this.ios?.session;
    if (session) this.ios!.runtime!.sessions.delete(session);
  }

  /** Stops what runs and ends a Telnet or SSH session it opened, without printing anything. */
  private hangUp(): void {
    const running = this.running;
    this.running = undefined;
    running?.interrupt();
    (running?.session ?? this.remote)?.close();
    this.remote = undefined;
  }

  /** What the console shows when it opens, before the first prompt. */
  greeting(): string {
    return this.opening;
  }

  prompt(): string {
    if (this.running || this.paged) return '';
    if (this.remote) return this.remote.prompt();
    return this.ios ? this.ios.prompt() : this.host!.prompt();
  }

  /** Whether the prompt asks for a password, which the console does not echo. */
  secret(): boolean {
    if (this.remote) return this.remote.secret();
    return this.ios?.secret() === true;
  }

  /** Whether a command is still printing (ping, traceroute). */
  busy(): boolean {
    return this.running !== undefined;
  }

  private history(): History {
    if (this.remote) return this.remoteHistory;
    return this.ios?.modes.isConfig() ? this.histories.config : this.histories.exec;
  }

  /** Whether output waits at --More-- for a key. */
  paging(): boolean {
    return this.paged !== undefined;
  }

  /**
   * A command's output, paged on a console someone reads (the context's `paging`) when it
   * is longer than the screen.
   */
  private reply(lines: readonly string[], pending?: string): ConsoleReply {
    const length = this.ctx.paging && this.ios ? this.ios.pageLength() : 0;
    const paged =
      length > 0
        ? Pager.start(
            lines.map((l) => l.trimEnd()),
            length,
          )
        : undefined;
    if (paged) {
      this.paged = { pager: paged.pager, pending };
      return { output: paged.first.output, prompt: '', more: true };
    }
    return this.prompted(text(lines), pending);
  }

  private prompted(output: string, pending?: string): ConsoleReply {
    const secret = this.secret();
    return {
      output,
      prompt: this.prompt(),
      ...(pending !== undefined ? { pending } : {}),
      ...(secret ? { secret } : {}),
    };
  }

  /**
   * One line typed and Enter pressed. A trailing `?` asks for help instead (the line minus
   * the `?` is then `pending`); a trailing Ctrl+Z character (\x1a) acts as Ctrl+Z.
   */
  input(line: string): ConsoleReply {
    // What is typed while a command prints is not read, as the command holds the console.
    if (this.running) return BUSY;
    if (this.paged) return this.typedAtMore(line);
    if (this.remote) {
      this.ios?.touch();
      if (!this.remote.secret()) this.remoteHistory.add(line);
      return this.start([], this.remote.send(line));
    }
    if (line.endsWith('\x1a')) return this.ctrlZ(line.slice(0, -1));
    if (this.host) {
      this.histories.exec.add(line);
      const lines = this.host.line(line);
      const running = this.host.takeRunning();
      if (running) return this.start(lines, running);
      const reply = this.reply(lines);
      return this.host.takeClear() ? { ...reply, clear: true } : reply;
    }
    const ios = this.ios!;
    // A console left idle past its exec-timeout was logged out before this line came.
    const expired = ios.expireIdle() ?? [];
    if (!ios.answering() && !line.endsWith('?')) this.history().add(line);
    else this.history().reset();
    const r = ios.line(line);
    this.collectLogs();
    const running = ios.takeRunning();
    if (running) return this.start([...expired, ...r.lines], running);
    return this.reply([...expired, ...r.lines], r.pending);
  }

  /**
   * A key at " --More-- ": Space shows the next screen, Return one more line, any other key
   * drops the rest. The key is not read as typed text. With nothing held, just the prompt.
   */
  more(key: string): ConsoleReply {
    const held = this.paged;
    if (!held) return this.prompted('');
    // A key read at --More-- is activity, which exec-timeout counts from.
    this.ios?.touch();
    const step = held.pager.key(key);
    if (!step.done) return { output: step.output, prompt: '', more: true };
    this.paged = undefined;
    return this.prompted(step.output, held.pending);
  }

  /**
   * A whole line typed while output waits at --More-- (a pasted text): each character is a
   * key there until the output ends, as on a real console; the rest is read at the prompt.
   */
  private typedAtMore(line: string): ConsoleReply {
    let output = '';
    for (let k = 0; k <= line.length; k++) {
      const r = this.more(line[k] ?? '\r');
      output += r.output;
      if (r.more) continue;
      const rest = line.slice(k + 1);
      if (k >= line.length) return { ...r, output };
      const next = this.input(rest);
      return { ...next, output: output + next.output };
    }
    return { output, prompt: '', more: true };
  }

  /**
   * A command that prints as time passes: streamed from here on, or, on a console that does
   * not stream, waited for and printed whole when it ends by itself.
   */
  private start(lines: readonly string[], running: Running): ConsoleReply {
    if (!this.ctx.streaming && running.limit !== undefined) {
      let output = '';
      this.ctx.wait(() => {
        output += running.take();
        // Collected as it goes: the device keeps only its latest debug events.
        if (this.ios) this.collectLogs();
        return running.done;
      }, running.limit);
      // Past the limit (a storm held the clock), it stops where it got to.
      if (!running.done) output += running.interrupt();
      // A remote line broken off ends once the far end is quiet again.
      if (!running.done && running.session)
        this.ctx.wait(() => {
          output += running.take();
          return running.done;
        }, running.limit);
      this.finished(running);
      return { ...this.reply([]), output: text(lines) + output };
    }
    this.running = running;
    return { output: text(lines) + running.take(), prompt: '', running: true };
  }

  /**
   * The break key (Ctrl+C at a PC's prompt, Ctrl+Shift+6 on IOS): stops the running command,
   * which prints its last words; with none running, just a fresh prompt.
   */
  interrupt(): ConsoleReply {
    // At --More-- it is one more key that drops the rest.
    if (this.paged) return this.more('\x1e');
    const running = this.running;
    if (!running) return this.reply([]);
    const output = running.interrupt();
    // A remote line goes on until the far end, which got the escape, is quiet again.
    if (!running.done) return { output, prompt: '', running: true };
    this.running = undefined;
    this.finished(running);
    return { ...this.reply([]), output };
  }

  /** A running command ended: a Telnet or SSH session it opened takes the lines from now on. */
  private finished(running: Running): void {
    const session = running.session;
    if (session) this.remoteEnded(session.open ? session : undefined);
  }

  /**
   * The remote session is `session` from now on, or over; coming back from one, the console's
   * own exec-timeout counts from now.
   */
  private remoteEnded(session: RemoteSession | undefined): void {
    if (this.remote !== undefined && session === undefined) this.ios?.touch();
    // Up and Down recall the lines typed in this session, as the far end's history would.
    if (session !== undefined && session !== this.remote)
      this.remoteHistory = new History(() => REMOTE_HISTORY_SIZE);
    this.remote = session;
  }

  /** Ctrl+Z in configuration mode: run what is on the line, then back to privileged EXEC. */
  ctrlZ(line = ''): ConsoleReply {
    if (this.running) return BUSY;
    if (this.paged) return this.more('\x1a');
    if (this.remote) return this.start([], this.remote.send(`${line}\x1a`));
    if (!this.ios) return this.reply([]);
    if (line.trim() !== '') this.history().add(line);
    const r = this.ios.ctrlZ(line);
    this.collectLogs();
    const running = this.ios.takeRunning();
    if (running) return this.start(r.lines, running);
    return this.reply(r.lines);
  }

  /**
   * The device's messages whose time has come, to the sessions that show them (this one's
   * queue included), with what this session's commands raised.
   */
  private collectLogs(): void {
    const log = this.ios!.runtime!.log;
    log.collect();
    log.raise(this.ios!.takeLogs());
    log.release();
  }

  /** Messages to print once virtual time reaches theirs. */
  private enqueue(entries: readonly LogEntry[]): void {
    // Stable: messages of the same time keep the order they were raised in.
    this.pending = [...this.pending, ...entries].sort((a, b) => a.at - b.at);
  }

  /** Tab. */
  complete(line: string): Completion {
    if (!this.ios || this.remote) return { line, candidates: [] };
    return this.ios.complete(line);
  }

  /** Up arrow (Ctrl+P): the previous line of this mode's history, undefined at the oldest. */
  historyPrevious(): string | undefined {
    return this.history().previous();
  }

  /** Down arrow (Ctrl+N): the next line, "" past the newest, undefined when already there. */
  historyNext(): string | undefined {
    return this.history().next();
  }

  /**
   * What the device printed on its own (another session's reload), what a running command
   * printed since the last call (or, at a Telnet or SSH session's prompt, what its far end
   * did), then the messages due since then (interfaces changing state, configuration changed
   * from the console...), one per line with the timestamp `service timestamps` puts before
   * them, then the console's logout if it sat idle past its exec-timeout; "" when there is
   * nothing new. A message IOS prints a moment after its cause (a line protocol's change)
   * waits until virtual time gets there. Call after time advanced.
   */
  drainLog(): string {
    // Output waiting at --More-- keeps the console: messages print once it is done.
    if (this.paged) return '';
    let printed = this.notice;
    this.notice = '';
    if (this.running) {
      const running = this.running;
      printed += running.take();
      if (running.done) {
        this.running = undefined;
        this.finished(running);
      }
    } else if (this.remote) {
      // At the far end's prompt: its messages, or its closing the connection.
      printed += this.remote.poll();
      if (!this.remote.open) this.remoteEnded(undefined);
    }
    if (!this.ios) return printed;
    this.collectLogs();
    const runtime = this.ios.runtime!;
    const now = runtime.now();
    const due = this.pending.filter((m) => m.at <= now);
    this.pending = this.pending.filter((m) => m.at > now);
    const messages = due.map((m) => `${this.ios!.stamp(m)}${m.text}\n`).join('');
    // A command still printing, or a Telnet or SSH session, keeps the console busy: its exec-timeout
    // does not run out.
    return printed + messages + (this.running || this.remote ? '' : text(this.ios.expireIdle() ?? []));
  }
}
