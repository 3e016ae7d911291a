/**
 * A Telnet client session, as a router's `telnet` and a PC's `telnet` open one: connecting,
 * then each line typed sent to the far end, what it prints shown, until one side closes.
 *
 * Each phase is a running command (running.ts): the connection attempt, then every line.
 * A line is over when the far end is quiet again: everything exchanged is acknowledged and
 * the session at the far end waits for input (`TelnetPeers.idle`). A console that streams shows the
 * remote output as it comes; a script waits for the quiet and prints it whole.
 *
 * The server echoes what it reads (it said WILL ECHO, and the client agreed) except a
 * password, which the console already shows as typed (or hides): the client takes that echo
 * out of what it prints. Whether the far end reads a password now is asked of its session
 * (`TelnetPeers.secret`), as a terminal in character mode would simply see no echo come.
 */
import type { Simulation, TcpSocket } from '../../engine/api.ts';
import type { DeviceId } from '../../shared/ids.ts';
import { formatIpv4, type Ipv4Addr } from '../../shared/ipv4.ts';
import { type Micros, seconds } from '../../shared/time.ts';
import type { TelnetPeers } from '../context.ts';
import type { RemoteSession, Running } from '../running.ts';
import { ESCAPE, echoOf, encodeText, OPT_ECHO, OPT_SGA, TelnetReader } from './protocol.ts';

/** Without servers to ask, the far end counts as quiet and echoing. */
const NO_PEERS: TelnetPeers = { idle: () => true, secret: () => false };

/** How the client speaks: IOS's `telnet` or Windows' telnet.exe. */
export type ClientStyle = 'ios' | 'windows';

/** The longest a script waits for the far end to be quiet after a line (a remote traceroute). */
const LINE_LIMIT = seconds(15 * 60);
/** The longest a connection attempt can take: IOS gives up after 30 s, Windows after 21. */
const CONNECT_LIMIT = seconds(60);

export class TelnetClient implements RemoteSession {
  private readonly socket: TcpSocket;
  private readonly reader = new TelnetReader({ local: new Set(), remote: new Set([OPT_ECHO, OPT_SGA]) });
  /** The text received after its last line end: the far end's prompt while it waits. */
  private tail = '';
  /** The echo still expected of the line last sent, taken out of what prints. */
  private echo = '';
  private closedText: string | undefined;
  private opened = false;
  /** A server session held the connection once: when none does any more, the far end is gone. */
  private served = false;

  constructor(
    sim: Simulation,
    device: DeviceId,
    private readonly target: Ipv4Addr,
    private readonly port: number,
    private readonly style: ClientStyle,
    private readonly peers: TelnetPeers = NO_PEERS,
  ) {
    this.socket = sim.tcpConnect(device, target, port);
  }

  /** Whether the session is on: connected, and not closed by either side. */
  get open(): boolean {
    return this.opened && this.closedText === undefined;
  }

  /** The far end's prompt: what it printed after its last line end. */
  prompt(): string {
    return this.tail;
  }

  /** Whether the far end reads a password now, which it does not echo. */
  secret(): boolean {
    const s = this.socket;
    return this.peers.secret(s.localAddr, s.localPort, s.remoteAddr, s.remotePort);
  }

  /** Ends the session from this side at once (its device restarts, or the session that opened it ended). */
  close(): void {
    if (this.closedText !== undefined) return;
    this.closedText = '';
    this.socket.abort();
  }

  /** The connection attempt: "Trying ... Open" and the far end's greeting, or why it failed. */
  connect(): Running {
    const name = formatIpv4(this.target);
    let started = false;
    return this.phase(CONNECT_LIMIT, () => {
      let text = '';
      if (!started) {
        started = true;
        text +=
          this.style === 'ios'
            ? `Trying ${name}${this.port === 23 ? '' : `, ${this.port}`} ... `
            : `Connecting To ${name}...`;
      }
      if (!this.opened && this.socket.state === 'established') {
        this.opened = true;
        if (this.style === 'ios') text += 'Open\n';
      }
      return text;
    });
  }

  /** A line typed (Ctrl+Z last, as \x1a, if it ends with one): sent, then the far end's answer. */
  send(line: string): Running {
    this.echo = `${this.secret() ? '' : echoOf(line)}\n`;
    this.tail = '';
    this.socket.write(encodeText(`${line}\n`));
    return this.phase(LINE_LIMIT, () => '');
  }

  /** Asynchronous lines, without the line end the far end put before them: a console starts them on a new line itself. */
  poll(): string {
    if (!this.open) return '';
    // The prompt held back is on the screen already, as the console's prompt.
    const prompt = this.tail;
    this.tail = '';
    const text = this.receive() + (this.ending() ?? '');
    if (this.open && this.tail === '') this.tail = prompt;
    return text.replace(/^\n/, '');
  }

  /** Ctrl+Shift+6 (IOS's escape character), which breaks off what the far end runs. */
  escape(): void {
    this.socket.write(encodeText(ESCAPE));
  }

  /**
   * A running phase: `before` prints first each time, then what arrived; it is over when the
   * far end is quiet, or once the connection ended (saying how).
   */
  private phase(limit: Micros, before: () => string): Running {
    let done = false;
    const take = (): string => {
      if (done) return '';
      const text = before() + this.receive();
      const ended = this.ending();
      if (ended !== undefined) {
        done = true;
        return text + ended;
      }
      if (this.opened && this.quiet()) done = true;
      return text;
    };
    return {
      limit,
      session: this,
      get done() {
        return done;
      },
      take,
      interrupt: () => {
        const text = take();
        if (done) return text;
        // Breaking off a connection attempt abandons it, as IOS's escape does.
        if (!this.opened) {
          done = true;
          this.close();
          return `${text}\n`;
        }
        // Once connected, the escape goes to the far end, which breaks off what it runs: the
        // line is over when it is quiet again, as any other.
        this.escape();
        return text;
      },
    };
  }

  /**
   * Everything exchanged acknowledged, and the far end's session made and waiting for input.
   * Only that session counts: it may itself wait for a session it opened further on.
   */
  private quiet(): boolean {
    return this.socket.unacknowledged === 0 && this.farEnd() === true;
  }

  /** Whether the session holding the connection at the far end is idle; undefined when none does. */
  private farEnd(): boolean | undefined {
    const s = this.socket;
    const idle = this.peers.idle(s.localAddr, s.localPort, s.remoteAddr, s.remotePort);
    if (idle !== undefined) this.served = true;
    return idle;
  }

  /** New whole lines from the far end, its echo of the last line taken out. */
  private receive(): string {
    const data = this.socket.read();
    if (data.length === 0) return '';
    const { text, reply } = this.reader.read(data);
    if (reply.length > 0) this.socket.write(reply);
    let k = 0;
    while (k < text.length && this.echo !== '' && text[k] === this.echo[0]) {
      this.echo = this.echo.slice(1);
      k++;
    }
    // Anything else first means the far end does not echo this line.
    if (k < text.length) this.echo = '';
    // What follows the last line end is held back: it is the prompt while the far end waits.
    const shown = this.tail + text.slice(k);
    const end = shown.lastIndexOf('\n');
    this.tail = shown.slice(end + 1);
    return shown.slice(0, end + 1);
  }

  /** How the connection ended, printed once; undefined while it lasts. */
  private ending(): string | undefined {
    if (this.closedText !== undefined) return undefined;
    const s = this.socket;
    // A far end whose device was removed holds the connection no more, and will not say so.
    const gone = this.opened && this.served && this.farEnd() === undefined;
    if (!s.peerClosed && s.state !== 'closed' && !gone) return undefined;
    if (this.opened) {
      // The far end closed: so does this side.
      if (gone) s.abort();
      else s.close();
      this.closedText =
        this.style === 'ios'
          ? `\n[Connection to ${formatIpv4(this.target)} closed by foreign host]\n`
          : '\nConnection to host lost.\n\n';
    } else this.closedText = this.failed(s.failure);
    // The last words held back as a prompt print before the connection's end.
    const last = this.tail;
    this.tail = '';
    return last + this.closedText;
  }

  /** Why the connection could not be made, as each client says it. */
  private failed(failure: TcpSocket['failure']): string {
    if (this.style === 'windows') {
      return `Could not open connection to the host, on port ${this.port}: Connect failed\n\n`;
    }
    const why =
      failure === 'refused'
        ? '% Connection refused by remote host'
        : failure === 'timeout'
          ? '% Connection timed out; remote host not responding'
          : '% Destination unreachable; gateway or host down';
    return `\n${why}\n\n`;
  }
}
