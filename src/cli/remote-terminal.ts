/**
 * A terminal session on another device, as `telnet` and `ssh` open one from a router, a
 * switch or a PC: connecting, then each line typed sent to the far end, what it prints shown,
 * until one side closes. telnet/client.ts and ssh/client.ts say how each protocol carries it.
 *
 * Each phase is a running command (running.ts): the connection attempt, then every line.
 * A line is over when the far end is quiet again: everything exchanged is acknowledged and
 * the session at the far end waits for input (`VtyPeers.idle`), or when the client itself
 * asks something (SSH's password). A console that streams shows the remote output as it
 * comes; a script waits for the quiet and prints it whole.
 *
 * The far end echoes what it reads except a password, which the console already shows as
 * typed (or hides): the client takes that echo out of what it prints. Whether the far end
 * reads a password now is asked of its session (`VtyPeers.secret`), as a terminal in
 * character mode would simply see no echo come.
 */
import type { Simulation, TcpSocket } from '../engine/api.ts';
import type { DeviceId } from '../shared/ids.ts';
import { formatIpv4, type Ipv4Addr } from '../shared/ipv4.ts';
import { type Micros, seconds } from '../shared/time.ts';
import type { VtyPeers } from './context.ts';
import type { RemoteSession, Running } from './running.ts';
import { ESCAPE, echoOf } from './telnet/protocol.ts';

/** Without servers to ask, the far end counts as quiet and echoing. */
const NO_PEERS: VtyPeers = { idle: () => true, secret: () => false };

/** How the client speaks: IOS's, or Windows' (telnet.exe, OpenSSH). */
export type ClientStyle = 'ios' | 'windows';

/** The longest a script waits for the far end to be quiet after a line (a remote traceroute). */
const LINE_LIMIT = seconds(15 * 60);
/** The longest a connection attempt can take: IOS gives up after 30 s, Windows after 21. */
/** How long a connection attempt may take, for consoles that do not stream. */
export const TELNET_CONNECT_LIMIT = seconds(60);

/** A prompt the client shows itself (SSH's password), and whether what is typed there is hidden. */
export interface LocalPrompt {
  readonly text: string;
  readonly secret: boolean;
}

/** Why IOS's telnet or ssh could not connect. */
export function iosConnectFailure(failure: TcpSocket['failure']): string {
  return failure === 'refused'
    ? '% Connection refused by remote host'
    : failure === 'timeout'
      ? '% Connection timed out; remote host not responding'
      : '% Destination unreachable; gateway or host down';
}

/** A TCP port typed on a command line: digits only, 1 to 65535 (0 for telnet's). */
export function portNumber(text: string, min = 1): number | undefined {
  if (!/^\d{1,5}$/.test(text)) return undefined;
  const n = Number(text);
  return n >= min && n <= 65535 ? n : undefined;
}

export abstract class RemoteTerminal implements RemoteSession {
  protected readonly socket: TcpSocket;
  /** The text received after its last line end: the far end's prompt while it waits. */
  private tail = '';
  /** The echo still expected of the line last sent, taken out of what prints. */
  private echo = '';
  private closedText: string | undefined;
  /** What the client printed itself, waiting for the running phase to show it. */
  private said = '';
  /** The far end's terminal is there (Telnet: connected; SSH: the shell open). */
  protected opened = false;
  /** The TCP connection was made (SSH then negotiates before the terminal is there). */
  protected connected = false;
  /** A server session held the connection once: when none does any more, the far end is gone. */
  private served = false;

  constructor(
    sim: Simulation,
    device: DeviceId,
    protected readonly target: Ipv4Addr,
    protected readonly port: number,
    protected readonly style: ClientStyle,
    private readonly peers: VtyPeers = NO_PEERS,
  ) {
    this.socket = sim.tcpConnect(device, target, port);
  }

  // ---- what each protocol says ----------------------------------------------------------

  /** The far end's terminal text in `data` ("\n" line ends). */
  protected abstract decode(data: Uint8Array): string;
  /** Sends text typed to the far end's terminal ("\n" for Enter). */
  protected abstract sendText(text: string): void;
  /** What the connection attempt prints as it goes; sets `opened` once the terminal is there. */
  protected abstract connecting(): string;
  /** How the client says the far end closed the session. */
  protected abstract closedBy(): string;
  /** How it says the connection was lost before the terminal was there (SSH negotiating). */
  protected lost(): string {
    return this.closedBy();
  }
  /** Why the connection could not be made, as the client says it. */
  protected abstract failed(failure: TcpSocket['failure']): string;
  /** A question the client itself asks now (SSH: the host key, the password). */
  protected localPrompt(): LocalPrompt | undefined {
    return undefined;
  }
  /** The answer typed to `localPrompt`. */
  protected answer(_line: string): void {}
  /** Waiting for the protocol's own answer (SSH authenticating), not the far end's terminal. */
  protected waiting(): boolean {
    return false;
  }

  /** Prints `text` in the current phase (the client's own words). */
  protected say(text: string): void {
    this.said += text;
  }

  /** Ends the session from the protocol's side, saying `text` (SSH: authentication failed). */
  protected give(text: string): void {
    if (this.closedText !== undefined) return;
    this.closedText = text;
    this.say(text);
    this.socket.close();
  }

  /** The far end's address as the client prints it. */
  protected get host(): string {
    return formatIpv4(this.target);
  }

  // ---- RemoteSession ----------------------------------------------------------------------

  /** Whether the session is on: the terminal there, and not closed by either side. */
  get open(): boolean {
    return this.closedText === undefined && (this.opened || this.localPrompt() !== undefined);
  }

  /** The far end's prompt (what it printed after its last line end), or the client's own. */
  prompt(): string {
    return this.localPrompt()?.text ?? this.tail;
  }

  /** Whether what is typed next is hidden: a password the far end or the client asks for. */
  secret(): boolean {
    const local = this.localPrompt();
    if (local) return local.secret;
    const s = this.socket;
    return this.peers.secret(s.localAddr, s.localPort, s.remoteAddr, s.remotePort);
  }

  /** Ends the session from this side at once (its device restarts, or the session that opened it ended). */
  close(): void {
    if (this.closedText !== undefined) return;
    this.closedText = '';
    this.socket.abort();
  }

  /** The connection attempt, and the far end's greeting or why it failed. */
  connect(): Running {
    return this.phase(TELNET_CONNECT_LIMIT, () => this.connecting());
  }

  /** A line typed (Ctrl+Z last, as \x1a, if it ends with one): sent, then the far end's answer. */
  send(line: string): Running {
    if (this.localPrompt()) this.answer(line);
    else {
      this.echo = `${this.secret() ? '' : echoOf(line)}\n`;
      this.tail = '';
      this.sendText(`${line}\n`);
    }
    return this.phase(LINE_LIMIT, () => '');
  }

  /** Asynchronous lines, without the line end the far end put before them: a console starts them on a new line itself. */
  poll(): string {
    if (!this.open || this.localPrompt()) return '';
    // The prompt held back is on the screen already, as the console's prompt.
    const prompt = this.tail;
    this.tail = '';
    const text = this.receive() + (this.ending() ?? '');
    if (this.open && this.tail === '') this.tail = prompt;
    return text.replace(/^\n/, '');
  }

  /** Ctrl+Shift+6 (IOS's escape character), which breaks off what the far end runs. */
  escape(): void {
    this.sendText(ESCAPE);
  }

  // ---- phases -----------------------------------------------------------------------------

  /**
   * A running phase: `before` prints first each time, then what arrived; it is over when the
   * far end is quiet, or the client asks something, or once the connection ended (saying how).
   */
  private phase(limit: Micros, before: () => string): Running {
    let done = false;
    const take = (): string => {
      if (done) return '';
      let text = before() + this.receive();
      const ended = this.ending();
      text += this.said;
      this.said = '';
      // Over once the connection ended, or the client ended it (SSH's last failed password).
      if (ended !== undefined || this.closedText !== undefined) {
        done = true;
        return text + (ended ?? '');
      }
      if (this.quiet()) done = true;
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
   * The client asks something itself, or everything exchanged is acknowledged and the far
   * end's session waits for input. Only that session counts: it may itself wait for a session
   * it opened further on.
   */
  private quiet(): boolean {
    if (this.waiting()) return false;
    if (this.localPrompt()) return true;
    return this.opened && this.socket.unacknowledged === 0 && this.farEnd() === true;
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
    const text = this.decode(data);
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
      this.closedText = this.closedBy();
    } else if (this.connected) {
      s.close();
      this.closedText = this.lost();
    } else this.closedText = this.failed(s.failure);
    // The last words held back as a prompt print before the connection's end.
    const last = this.tail;
    this.tail = '';
    return last + this.closedText;
  }
}
