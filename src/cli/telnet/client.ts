/**
 * A Telnet client, as IOS's `telnet` and Windows' telnet.exe are: it agrees to the server's
 * echoing and suppressing go-ahead, declines the rest, and prints what each system prints
 * while connecting and when the connection fails or closes.
 */
import type { TcpSocket } from '../../engine/api.ts';
import { formatIpv4 } from '../../shared/ipv4.ts';
import { iosConnectFailure, RemoteTerminal } from '../remote-terminal.ts';
import { encodeText, OPT_ECHO, OPT_SGA, TelnetReader } from './protocol.ts';

export class TelnetClient extends RemoteTerminal {
  private readonly reader = new TelnetReader({ local: new Set(), remote: new Set([OPT_ECHO, OPT_SGA]) });
  private started = false;
  /** The name it was given for its host, when it was one (IOS prints it with the address). */
  private name: string | undefined;

  /** The host was named `name` (an `ip host` entry, or a name looked up). */
  named(name: string): this {
    this.name = name;
    return this;
  }

  protected override get host(): string {
    return this.name ?? super.host;
  }

  protected decode(data: Uint8Array): string {
    const { text, reply } = this.reader.read(data);
    if (reply.length > 0) this.socket.write(reply);
    return text;
  }

  protected sendText(text: string): void {
    this.socket.write(encodeText(text));
  }

  /**
   * "Trying 10.1.1.1 ... Open", "Trying R1 (10.1.1.1, 80)... Open" (IOS), "Connecting To
   * 10.1.1.1..." (Windows).
   */
  protected connecting(): string {
    let text = '';
    if (!this.started) {
      this.started = true;
      const port = this.port === 23 ? '' : `, ${this.port}`;
      text +=
        this.style === 'windows'
          ? `Connecting To ${this.host}...`
          : this.name === undefined
            ? `Trying ${this.host}${port} ... `
            : `Trying ${this.name} (${formatIpv4(this.target)}${port})... `;
    }
    if (!this.opened && this.socket.state === 'established') {
      this.opened = true;
      this.connected = true;
      if (this.style === 'ios') text += 'Open\n';
    }
    return text;
  }

  protected closedBy(): string {
    return this.style === 'ios'
      ? `\n[Connection to ${this.host} closed by foreign host]\n`
      : '\nConnection to host lost.\n\n';
  }

  protected failed(failure: TcpSocket['failure']): string {
    if (this.style === 'windows') {
      return `Could not open connection to the host, on port ${this.port}: Connect failed\n\n`;
    }
    return `\n${iosConnectFailure(failure)}\n\n`;
  }
}
