/**
 * How a vty session's terminal reaches it: Telnet, or an SSH channel. A link turns the bytes
 * a connection brings into the text typed, and the text the session prints into bytes, and
 * answers what its protocol asks on the way.
 */
import type { TcpSocket } from '../../engine/api.ts';
import type { SshLogin } from '../ios/line-session.ts';
import { type SshSoftware, SshTransport } from '../ssh/transport.ts';
import {
  DO,
  encodeText,
  OPT_ECHO,
  OPT_NAWS,
  OPT_SGA,
  OPT_TTYPE,
  TelnetReader,
  WILL,
} from '../telnet/protocol.ts';

export interface TerminalLink {
  /** The text typed in `data` ("\n" for each line end). */
  read(data: Uint8Array): string;
  /** Sends what the session prints ("\n" line ends). */
  write(text: string): void;
  /** The terminal is there: at once for Telnet, once authenticated with a shell open for SSH. */
  readonly ready: boolean;
  /** Who SSH authenticated, and how the connection is protected; undefined for Telnet, whose line asks itself. */
  readonly ssh: SshLogin | undefined;
  /** The other end ended the protocol's session (SSH's disconnect). */
  readonly gone: boolean;
  /** The vty session ended: the protocol says so before the connection closes. */
  close(): void;
}

/**
 * Telnet as IOS serves it: it offers to echo and to suppress go-ahead and asks for the
 * terminal's type and window size (a client may refuse both; Trame's does), then echoes what
 * it reads except a password (vty-server.ts).
 */
export function telnetLink(socket: TcpSocket): TerminalLink {
  const reader = new TelnetReader({ local: new Set([OPT_ECHO, OPT_SGA]), remote: new Set() });
  for (const o of [
    reader.request(WILL, OPT_ECHO),
    reader.request(WILL, OPT_SGA),
    reader.request(DO, OPT_TTYPE),
    reader.request(DO, OPT_NAWS),
  ])
    socket.write(o);
  return {
    read(data) {
      const { text, reply } = reader.read(data);
      if (reply.length > 0) socket.write(reply);
      return text;
    },
    write(text) {
      if (text !== '') socket.write(encodeText(text));
    },
    ready: true,
    ssh: undefined,
    gone: false,
    close() {},
  };
}

/** What an SSH server checks and says: its software, its key, the password of a user. */
export interface SshServerSetup {
  readonly software: SshSoftware;
  readonly hostKey: { readonly name: string; readonly bits: number };
  readonly retries: number;
  authenticate(user: string, password: string): boolean;
}

/** SSH as IOS serves it: the transport, a password, a pseudo-terminal, a shell. */
export function sshLink(
  socket: TcpSocket,
  setup: SshServerSetup,
  ids: { client: string; server: string; at: number },
): TerminalLink {
  let typed = '';
  let user: string | undefined;
  let gone = false;
  const t = new SshTransport(
    'server',
    setup.software,
    ids,
    (b) => socket.write(b),
    {
      authenticate: (u, p) => setup.authenticate(u, p),
      shell: (u) => {
        user = u;
      },
      data: (b) => {
        typed += new TextDecoder().decode(b);
      },
      closed: () => {
        gone = true;
      },
    },
    setup.hostKey,
    setup.retries,
  );
  t.start();
  return {
    read(data) {
      t.receive(data);
      // A terminal sends CR for Enter (RFC 4254's pty), CR LF when it pastes lines.
      const text = typed.replace(/\r\n?/g, '\n');
      typed = '';
      return text;
    },
    write(text) {
      if (text !== '') t.data(encodeText(text));
    },
    get ready() {
      return user !== undefined;
    },
    get ssh() {
      return user === undefined ? undefined : { user, ...t.algorithms() };
    },
    get gone() {
      return gone || t.closed;
    },
    close() {
      t.close();
    },
  };
}
