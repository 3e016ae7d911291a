/**
 * An SSH client, as IOS's `ssh -l USER HOST` and Windows 10's OpenSSH (`ssh USER@HOST`) are:
 * the transport (transport.ts), then the client's own questions (OpenSSH: a host it does not
 * know yet, whose key fingerprint it shows; both: the password), then a terminal on the far
 * end's shell, and what each prints when the connection fails or closes.
 */
import type { Simulation, TcpSocket } from '../../engine/api.ts';
import type { DeviceId } from '../../shared/ids.ts';
import { formatIpv4, type Ipv4Addr } from '../../shared/ipv4.ts';
import type { VtyPeers } from '../context.ts';
import { type ClientStyle, iosConnectFailure, type LocalPrompt, RemoteTerminal } from '../remote-terminal.ts';
import { fingerprint } from './keys.ts';
import { iosSsh, SshTransport, WINDOWS_OPENSSH } from './transport.ts';

/** How many times a client asks for a password: OpenSSH's NumberOfPasswordPrompts, and IOS's. */
const PASSWORD_PROMPTS = 3;

export class SshClient extends RemoteTerminal {
  private transport: SshTransport | undefined;
  private question: LocalPrompt | undefined;
  private hostKey: Uint8Array | undefined;
  private received = '';
  private failures = 0;
  /** Between the password sent and the shell open: the protocol's answer is awaited. */
  private authenticating = false;

  constructor(
    sim: Simulation,
    device: DeviceId,
    target: Ipv4Addr,
    port: number,
    style: ClientStyle,
    private readonly user: string,
    /** Windows: the hosts whose keys were accepted (known_hosts), by address. */
    private readonly knownHosts: Map<string, string> | undefined,
    peers?: VtyPeers,
  ) {
    super(sim, device, target, port, style, peers);
  }

  protected decode(data: Uint8Array): string {
    this.transport?.receive(data);
    // The far end's terminal ends lines with CR LF.
    const text = this.received.replace(/\r\n?/g, '\n');
    this.received = '';
    return text;
  }

  /** A terminal sends CR for Enter (RFC 4254's pty). */
  protected sendText(text: string): void {
    this.transport?.data(new TextEncoder().encode(text.replace(/\n/g, '\r')));
  }

  protected connecting(): string {
    if (!this.transport && this.socket.state === 'established') {
      this.connected = true;
      const s = this.socket;
      this.transport = new SshTransport(
        'client',
        this.style === 'windows' ? WINDOWS_OPENSSH : iosSsh('2.0'),
        {
          client: `${formatIpv4(s.localAddr as Ipv4Addr)}:${s.localPort}`,
          server: `${this.host}:${this.port}`,
          at: 0,
        },
        (b) => s.write(b),
        {
          keyed: (key) => this.keyed(key),
          authenticated: (ok) => this.authenticated(ok),
          opened: () => {
            this.authenticating = false;
            this.opened = true;
          },
          data: (b) => {
            this.received += new TextDecoder().decode(b);
          },
          closed: (authentication) => this.disconnected(authentication),
        },
      );
      this.transport.start();
    }
    return '';
  }

  protected override localPrompt(): LocalPrompt | undefined {
    return this.question;
  }

  protected override waiting(): boolean {
    return this.authenticating;
  }

  protected override answer(line: string): void {
    const q = this.question;
    this.question = undefined;
    if (q?.secret) {
      this.authenticating = true;
      this.transport!.authenticate(this.user, line);
      return;
    }
    // OpenSSH's confirm(): "yes" goes on, "no" or nothing stops, anything else asks again.
    const answer = line.toLowerCase();
    if (answer === 'yes') {
      this.knownHosts?.set(this.host, fingerprint(this.hostKey!));
      this.say(`Warning: Permanently added '${this.host}' (RSA) to the list of known hosts.\n`);
      this.askPassword();
    } else if (answer === 'no' || answer === '') this.give('Host key verification failed.\n\n');
    else this.question = { text: "Please type 'yes' or 'no': ", secret: false };
  }

  /** The key exchange is done: OpenSSH checks the host's key, then both ask for the password. */
  private keyed(key: Uint8Array): void {
    this.hostKey = key;
    const known = this.knownHosts?.get(this.host);
    if (known !== undefined && known !== fingerprint(key)) {
      this.give(changedKey(this.host, fingerprint(key)));
      return;
    }
    if (this.knownHosts && known === undefined) {
      this.say(
        `The authenticity of host '${this.host} (${this.host})' can't be established.\n` +
          `RSA key fingerprint is ${fingerprint(key)}.\n`,
      );
      this.question = { text: 'Are you sure you want to continue connecting (yes/no)? ', secret: false };
      return;
    }
    this.askPassword();
  }

  private askPassword(): void {
    this.question = {
      text: this.style === 'windows' ? `${this.user}@${this.host}'s password: ` : 'Password: ',
      secret: true,
    };
  }

  private authenticated(ok: boolean): void {
    if (ok) return;
    this.authenticating = false;
    this.failures++;
    if (this.failures < PASSWORD_PROMPTS) {
      if (this.style === 'windows') this.say('Permission denied, please try again.\n');
      this.askPassword();
      return;
    }
    this.gaveUp();
  }

  /**
   * The server ended the connection before the shell opened: after too many failed passwords
   * (the client's own words then), or for another reason (it says the connection closed).
   */
  private disconnected(authentication: boolean): void {
    if (this.opened) return;
    this.authenticating = false;
    this.question = undefined;
    if (authentication) this.gaveUp();
  }

  private gaveUp(): void {
    this.give(
      this.style === 'windows'
        ? `${this.user}@${this.host}: Permission denied (password).\n\n`
        : '% Authentication failed.\n\n',
    );
  }

  protected closedBy(): string {
    return this.style === 'ios'
      ? `\n[Connection to ${this.host} closed by foreign host]\n`
      : `Connection to ${this.host} closed.\n\n`;
  }

  protected override lost(): string {
    return this.style === 'ios'
      ? `[Connection to ${this.host} closed by foreign host]\n`
      : `Connection closed by ${this.host} port ${this.port}\n\n`;
  }

  protected failed(failure: TcpSocket['failure']): string {
    if (this.style === 'ios') return `${iosConnectFailure(failure)}\n\n`;
    // Windows' SYNs go on until its timeout whatever ICMP or ARP said meanwhile.
    const why = failure === 'refused' ? 'Connection refused' : 'Connection timed out';
    return `ssh: connect to host ${this.host} port ${this.port}: ${why}\n\n`;
  }
}

/** OpenSSH's refusal of a host whose key is not the one it knows (StrictHostKeyChecking=ask). */
function changedKey(host: string, fp: string): string {
  const rule = '@'.repeat(59);
  return [
    rule,
    '@    WARNING: REMOTE HOST IDENTIFICATION HAS CHANGED!     @',
    rule,
    'IT IS POSSIBLE THAT SOMEONE IS DOING SOMETHING NASTY!',
    'Someone could be eavesdropping on you right now (man-in-the-middle attack)!',
    'It is also possible that a host key has just been changed.',
    'The fingerprint for the RSA key sent by the remote host is',
    `${fp}.`,
    'Please contact your system administrator.',
    `Add correct host key in ${KNOWN_HOSTS} to get rid of this message.`,
    `Offending RSA key in ${KNOWN_HOSTS}:1`,
    `RSA host key for ${host} has changed and you have requested strict checking.`,
    'Host key verification failed.',
    '',
    '',
  ].join('\n');
}

/** The account a Windows PC's user is logged in with: OpenSSH's login name when none is given. */
export const WINDOWS_USER = 'user';

/** Where Windows' OpenSSH keeps the hosts it knows, as it prints the path. */
const KNOWN_HOSTS = `C:\\Users\\${WINDOWS_USER}/.ssh/known_hosts`;
