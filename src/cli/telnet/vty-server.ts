/**
 * An IOS device's Telnet server: each connection its port 23 accepts takes the lowest free
 * vty line that allows Telnet (`transport input`) and gets a session of its own there, which
 * shares the device's runtime with its console. Lines typed remotely run as at the console;
 * what they print goes back over the connection.
 *
 * As IOS does, the server offers to echo and to suppress go-ahead, and asks for the terminal's
 * type and window size (a client may refuse both), then echoes what it reads except answers
 * to a password prompt.
 *
 * The server runs between the engine's steps, never inside one: `service` reads what came,
 * runs it, and writes the answers.
 */
import type { TcpSocket } from '../../engine/api.ts';
import type { DeviceConfig } from '../../shared/config.ts';
import { formatIpv4, type Ipv4Addr } from '../../shared/ipv4.ts';
import { Console } from '../console.ts';
import type { IosDeviceContext } from '../context.ts';
import { defaultTransport } from '../ios/running-config.ts';
import type { IosRuntime } from '../ios/runtime.ts';
import {
  DO,
  ESCAPE,
  echoOf,
  encodeText,
  OPT_ECHO,
  OPT_NAWS,
  OPT_SGA,
  OPT_TTYPE,
  TelnetReader,
  WILL,
} from './protocol.ts';

export const TELNET_PORT = 23;

/** Whether vty line `n` takes Telnet sessions. */
export function telnetAllowed(kind: 'router' | 'switch', c: DeviceConfig, n: number): boolean {
  const t = c.lineVty[n]?.transportInput ?? defaultTransport(kind, 'vty');
  return t === 'all' || t === 'telnet' || t === 'telnet ssh';
}

class VtySession {
  readonly console: Console;
  private readonly reader = new TelnetReader({ local: new Set([OPT_ECHO, OPT_SGA]), remote: new Set() });
  /** Text read after the last line end. */
  private partial = '';
  /** Lines read and not yet run: what is typed while a command prints waits for the prompt. */
  private readonly lines: string[] = [];
  private over = false;

  constructor(
    readonly socket: TcpSocket,
    private readonly n: number,
    ctx: IosDeviceContext,
    runtime: IosRuntime,
  ) {
    const peer = formatIpv4(socket.remoteAddr as Ipv4Addr);
    this.console = new Console(ctx, { line: { kind: 'vty', n, peer }, runtime });
    this.console.session!.hangUp = () => this.end();
    const offer = [
      this.reader.request(WILL, OPT_ECHO),
      this.reader.request(WILL, OPT_SGA),
      this.reader.request(DO, OPT_TTYPE),
      this.reader.request(DO, OPT_NAWS),
    ];
    for (const o of offer) socket.write(o);
    this.send(this.console.greeting() + this.console.prompt());
    if (this.console.ended()) this.end();
  }

  /**
   * Nothing to read or run, nothing printing, and all it wrote acknowledged; once it ended,
   * its close acknowledged too.
   */
  idle(): boolean {
    const s = this.socket;
    if (this.over) return s.state !== 'fin-wait-1' && s.state !== 'closing' && s.state !== 'last-ack';
    return this.lines.length === 0 && !this.console.busy() && s.unacknowledged === 0;
  }

  /** The session ended and its connection is closed, or closes with nothing more to send. */
  gone(): boolean {
    const state = this.socket.state;
    return this.over && (state === 'closed' || state === 'time-wait');
  }

  /** Whether it is the session of the connection from `addr`:`port` to `serverAddr`:`serverPort`. */
  holds(addr: number, port: number, serverAddr: number, serverPort: number): boolean {
    const s = this.socket;
    return (
      s.remoteAddr === addr &&
      s.remotePort === port &&
      s.localAddr === serverAddr &&
      s.localPort === serverPort
    );
  }

  /** Whether it holds vty line `n` (until it ends). */
  onLine(n: number): boolean {
    return !this.over && this.n === n;
  }

  /** Whether the next line typed is a password's, which the server does not echo. */
  secret(): boolean {
    return this.console.secret();
  }

  /** Reads, runs and answers; false once the session is over. */
  service(): boolean {
    if (this.over) {
      // Its line is free; what still comes (the peer's close) needs no answer.
      this.socket.read();
      return false;
    }
    const s = this.socket;
    if (s.state === 'closed' || s.failure !== undefined) {
      this.end();
      return false;
    }
    const data = s.read();
    if (data.length > 0) {
      const { text, reply } = this.reader.read(data);
      if (reply.length > 0) s.write(reply);
      this.take(text);
    }
    let out = '';
    const wasBusy = this.console.busy();
    const log = this.console.drainLog();
    // Messages at an idle prompt print on lines of their own, then the prompt again, as the
    // app's console shows them.
    if (!wasBusy && log !== '') out += `\n${log}${this.console.ended() ? '' : this.console.prompt()}`;
    else out += log;
    if (wasBusy && !this.console.busy()) out += this.console.prompt();
    while (this.lines.length > 0 && !this.console.busy() && !this.console.ended()) {
      const line = this.lines.shift()!;
      const echo = this.console.secret() ? '' : echoOf(line);
      const r = this.console.input(line);
      out += `${echo}\n${r.output}`;
      // The messages the line raised (%SYS-5-CONFIG_I) before the prompt, as on the console.
      if (!r.running) out += this.console.drainLog() + r.prompt;
    }
    this.send(out);
    // The peer closed its side: nothing more will come, so this side closes too.
    if (this.console.ended() || s.peerClosed) {
      this.end();
      return false;
    }
    return true;
  }

  private take(text: string): void {
    let rest = this.partial + text;
    // The escape breaks off a command that prints; at a prompt IOS ignores it.
    if (rest.includes(ESCAPE)) {
      if (this.console.busy()) this.send(this.console.interrupt().output + this.console.prompt());
      rest = rest.replaceAll(ESCAPE, '');
    }
    const parts = rest.split('\n');
    this.partial = parts.pop()!;
    this.lines.push(...parts);
  }

  private send(text: string): void {
    if (text !== '') this.socket.write(encodeText(text));
  }

  /** The session ends: its line is free again, and the connection closes. */
  end(): void {
    if (this.over) return;
    this.over = true;
    this.console.close();
    this.socket.close();
  }
}

export class VtyServer {
  private readonly sessions: VtySession[] = [];

  constructor(
    private readonly ctx: IosDeviceContext,
    private readonly runtime: IosRuntime,
  ) {}

  /** A vty line free for a new Telnet session, lowest first; undefined when none is. */
  freeLine(): number | undefined {
    const c = this.ctx.runningConfig();
    for (let n = 0; n < c.lineVty.length; n++) {
      if (telnetAllowed(this.ctx.kind, c, n) && !this.sessions.some((s) => s.onLine(n))) return n;
    }
    return undefined;
  }

  /** A connection port 23 accepted: a session on a free line, or a reset when none is free. */
  accept(socket: TcpSocket): void {
    const n = this.freeLine();
    if (n === undefined) {
      socket.abort();
      return;
    }
    this.sessions.push(new VtySession(socket, n, this.ctx, this.runtime));
  }

  /** Runs every session once; sessions whose connection closed leave. */
  service(): void {
    for (let i = 0; i < this.sessions.length; ) {
      const s = this.sessions[i]!;
      s.service();
      if (s.gone()) this.sessions.splice(i, 1);
      else i++;
    }
  }

  /** The session on the connection from `addr`:`port` to `serverAddr`:`serverPort`, if any. */
  holding(addr: number, port: number, serverAddr: number, serverPort: number): VtySession | undefined {
    return this.sessions.find((s) => s.holds(addr, port, serverAddr, serverPort));
  }

  /** The device restarted or went away: every session ends. */
  endAll(): void {
    for (const s of this.sessions) s.end();
    this.sessions.length = 0;
  }
}
