/**
 * An IOS device's vty lines as Telnet and SSH reach them: each connection its port 23 or 22
 * accepts takes the lowest free vty line that allows that protocol (`transport input`) and
 * gets a session of its own there, which shares the device's runtime with its console. Lines
 * typed remotely run as at the console; what they print goes back over the connection
 * (links.ts says how each protocol carries it).
 *
 * The server runs between the engine's steps, never inside one: `service` reads what came,
 * runs it, and writes the answers.
 */
import type { TcpSocket } from '../../engine/api.ts';
import { type AclPacket, aclPermits } from '../../shared/acl.ts';
import type { DeviceConfig } from '../../shared/config.ts';
import { formatIpv4, type Ipv4Addr } from '../../shared/ipv4.ts';
import type { Micros } from '../../shared/time.ts';
import { Console } from '../console.ts';
import type { IosDeviceContext } from '../context.ts';
import { defaultTransport } from '../ios/running-config.ts';
import type { IosRuntime } from '../ios/runtime.ts';
import { ESCAPE, echoOf } from '../telnet/protocol.ts';
import type { TerminalLink } from './links.ts';

export const TELNET_PORT = 23;
export const SSH_PORT = 22;

export type VtyProtocol = 'telnet' | 'ssh';

/** Whether vty line `n` takes sessions of `protocol`. */
export function allows(
  kind: 'router' | 'switch',
  c: DeviceConfig,
  n: number,
  protocol: VtyProtocol,
): boolean {
  const t = c.lineVty[n]?.transportInput ?? defaultTransport(kind, 'vty');
  return t === 'all' || t === 'telnet ssh' || t === protocol;
}

/** The two ends of a connection, as `access-class` judges it. */
export type TcpPeer = Pick<TcpSocket, 'remoteAddr' | 'remotePort' | 'localAddr' | 'localPort'>;

/** TCP's SYN bit: a connection being opened, as `access-class` judges it. */
const TCP_SYN = 0x02;

/**
 * Whether the line's `access-class NAME in` lets the connection on `socket` in (a list not
 * defined, or with no entry, lets everything in).
 */
export function admits(c: DeviceConfig, name: string | undefined, socket: TcpPeer): boolean {
  if (name === undefined) return true;
  return aclPermits(
    c.accessLists?.find((l) => l.name === name),
    opening(socket),
  );
}

/** A connection being opened, as an access list sees it. */
export const opening = (socket: TcpPeer): AclPacket => ({
  src: socket.remoteAddr,
  dst: socket.localAddr,
  protocol: 6,
  srcPort: socket.remotePort,
  dstPort: socket.localPort,
  tcpFlags: TCP_SYN,
  laterFragment: false,
});

class VtySession {
  private console: Console | undefined;
  /** Text read after the last line end. */
  private partial = '';
  /** Lines read and not yet run: what is typed while a command prints waits for the prompt. */
  private readonly lines: string[] = [];
  /** The start of the next line, put back after the prompt by `?`. */
  private held = '';
  private over = false;

  constructor(
    readonly socket: TcpSocket,
    private readonly n: number,
    private readonly ctx: IosDeviceContext,
    private readonly runtime: IosRuntime,
    private readonly link: TerminalLink,
    /** (SSH) when a connection still authenticating is dropped (`ip ssh time-out`). */
    private readonly loginDeadline: number | undefined,
  ) {
    if (link.ready) this.open();
  }

  /** The terminal is there: the session starts on its line (SSH's user already logged in). */
  private open(): void {
    const peer = formatIpv4(this.socket.remoteAddr as Ipv4Addr);
    const ssh = this.link.ssh;
    const console = new Console(this.ctx, {
      line: { kind: 'vty', n: this.n, peer },
      runtime: this.runtime,
      ...(ssh !== undefined ? { ssh } : {}),
    });
    this.console = console;
    console.session!.hangUp = () => this.end();
    this.send(console.greeting() + console.prompt());
    if (console.ended()) this.end();
  }

  /**
   * Nothing to read or run, nothing printing, and all it wrote acknowledged; once it ended,
   * its close acknowledged too.
   */
  idle(): boolean {
    const s = this.socket;
    if (this.over) return s.state !== 'fin-wait-1' && s.state !== 'closing' && s.state !== 'last-ack';
    return this.lines.length === 0 && this.console?.busy() !== true && s.unacknowledged === 0;
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
    return this.console?.secret() === true;
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
    if (data.length > 0) this.take(this.link.read(data));
    if (!this.console) {
      // SSH before its shell: authentication, or the client giving up.
      if (this.link.ready) this.open();
      else if (this.link.gone || s.peerClosed) this.end();
      else if (this.loginDeadline !== undefined && this.ctx.sim.now() >= this.loginDeadline) this.end();
      if (!this.console) return !this.over;
    }
    const con = this.console;
    let out = '';
    const wasBusy = con.busy();
    const log = con.drainLog();
    // Messages at an idle prompt print on lines of their own, then the prompt again, as the
    // app's console shows them.
    if (!wasBusy && log !== '') out += `\n${log}${con.ended() ? '' : con.prompt()}`;
    else out += log;
    if (wasBusy && !con.busy()) out += con.prompt();
    while (this.lines.length > 0 && !con.busy() && !con.ended()) {
      const typed = this.lines.shift()!;
      const echo = con.secret() ? '' : echoOf(typed);
      // After `?`, IOS put the line back after the prompt: what is typed next continues it.
      const r = con.input(this.held + typed);
      this.held = '';
      out += `${echo}\n${r.output}`;
      // The messages the line raised (%SYS-5-CONFIG_I) before the prompt, as on the console.
      if (!r.running) out += con.drainLog() + r.prompt;
      if (!r.running && r.pending !== undefined) {
        out += r.pending;
        this.held = r.pending;
      }
    }
    this.send(out);
    // The peer closed its side: nothing more will come, so this side closes too.
    if (con.ended() || s.peerClosed || this.link.gone) {
      this.end();
      return false;
    }
    return true;
  }

  private take(text: string): void {
    let rest = this.partial + text;
    // The escape breaks off a command that prints; at a prompt IOS ignores it.
    if (rest.includes(ESCAPE)) {
      const con = this.console;
      if (con?.busy()) this.send(con.interrupt().output + con.prompt());
      rest = rest.replaceAll(ESCAPE, '');
    }
    const parts = rest.split('\n');
    this.partial = parts.pop()!;
    this.lines.push(...parts);
  }

  private send(text: string): void {
    this.link.write(text);
  }

  /** The session ends: its line is free again, and the connection closes. */
  end(): void {
    if (this.over) return;
    this.over = true;
    this.console?.close();
    this.link.close();
    this.socket.close();
  }
}

export class VtyServer {
  private readonly sessions: VtySession[] = [];

  constructor(
    private readonly ctx: IosDeviceContext,
    private readonly runtime: IosRuntime,
  ) {}

  /** A vty line free for a new session of `protocol`, lowest first; undefined when none is. */
  freeLine(protocol: VtyProtocol, socket?: TcpPeer): number | undefined {
    const c = this.ctx.runningConfig();
    for (let n = 0; n < c.lineVty.length; n++) {
      if (!allows(this.ctx.kind, c, n, protocol) || this.sessions.some((s) => s.onLine(n))) continue;
      if (socket === undefined || admits(c, c.lineVty[n]!.accessClassIn, socket)) return n;
    }
    return undefined;
  }

  /**
   * A connection its port accepted: a session on a free line, its terminal reached through
   * `link` (made once the line is known), or a reset when no line is free.
   */
  accept(
    socket: TcpSocket,
    protocol: VtyProtocol,
    loginTimeout: Micros | undefined,
    link: (line: number) => TerminalLink,
  ): void {
    const n = this.freeLine(protocol, socket);
    if (n === undefined) {
      socket.abort();
      return;
    }
    const deadline = loginTimeout === undefined ? undefined : this.ctx.sim.now() + loginTimeout;
    this.sessions.push(new VtySession(socket, n, this.ctx, this.runtime, link(n), deadline));
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
