/**
 * One end of an SSH-2 connection: the transport (RFC 4253: version exchange, KEXINIT and the
 * algorithms negotiated from it, Diffie-Hellman group 14 or the group exchange of RFC 4419,
 * NEWKEYS, then packets encrypted and authenticated), user authentication by password (RFC
 * 4252) and one session channel with a pseudo-terminal and a shell (RFC 4254).
 *
 * The messages and their fields are SSH's; the numbers the key exchange carries and the
 * encryption are emulated (keys.ts), so a capture reads as a real session to an observer who
 * has no keys.
 */
import { type ByteStream, bigNumber, rsaPublicKey, rsaSignature, streamOf } from './keys.ts';
import {
  DISCONNECT_BY_APPLICATION,
  DISCONNECT_NO_MORE_AUTH_METHODS,
  packet,
  payloadOf,
  SSH_MSG,
  SshReader,
  SshWriter,
} from './wire.ts';

/** What an implementation offers (its version string and algorithm lists, most preferred first). */
export interface SshSoftware {
  readonly version: string;
  readonly kex: readonly string[];
  readonly hostKey: readonly string[];
  readonly ciphers: readonly string[];
  readonly macs: readonly string[];
  readonly compression: readonly string[];
}

const IOS_LISTS = {
  kex: ['diffie-hellman-group-exchange-sha1', 'diffie-hellman-group14-sha1', 'diffie-hellman-group1-sha1'],
  hostKey: ['ssh-rsa'],
  ciphers: ['aes128-ctr', 'aes192-ctr', 'aes256-ctr', 'aes128-cbc', '3des-cbc', 'aes192-cbc', 'aes256-cbc'],
  macs: ['hmac-sha1', 'hmac-sha1-96'],
  compression: ['none'],
};

/** IOS 15's SSH server and client; "1.99" while `ip ssh version 2` is not set. */
export const iosSsh = (version: '1.99' | '2.0'): SshSoftware => ({
  version: `SSH-${version}-Cisco-1.25`,
  ...IOS_LISTS,
});

/** The OpenSSH client Windows 10 installs (OpenSSH_for_Windows_7.7). */
export const WINDOWS_OPENSSH: SshSoftware = {
  version: 'SSH-2.0-OpenSSH_for_Windows_7.7',
  kex: [
    'curve25519-sha256',
    'curve25519-sha256@libssh.org',
    'ecdh-sha2-nistp256',
    'ecdh-sha2-nistp384',
    'ecdh-sha2-nistp521',
    'diffie-hellman-group-exchange-sha256',
    'diffie-hellman-group16-sha512',
    'diffie-hellman-group18-sha512',
    'diffie-hellman-group14-sha256',
    'diffie-hellman-group14-sha1',
    'ext-info-c',
  ],
  hostKey: [
    'ecdsa-sha2-nistp256-cert-v01@openssh.com',
    'ecdsa-sha2-nistp384-cert-v01@openssh.com',
    'ecdsa-sha2-nistp521-cert-v01@openssh.com',
    'ssh-ed25519-cert-v01@openssh.com',
    'ssh-rsa-cert-v01@openssh.com',
    'ecdsa-sha2-nistp256',
    'ecdsa-sha2-nistp384',
    'ecdsa-sha2-nistp521',
    'ssh-ed25519',
    'rsa-sha2-512',
    'rsa-sha2-256',
    'ssh-rsa',
  ],
  ciphers: [
    'chacha20-poly1305@openssh.com',
    'aes128-ctr',
    'aes192-ctr',
    'aes256-ctr',
    'aes128-gcm@openssh.com',
    'aes256-gcm@openssh.com',
  ],
  macs: [
    'umac-64-etm@openssh.com',
    'umac-128-etm@openssh.com',
    'hmac-sha2-256-etm@openssh.com',
    'hmac-sha2-512-etm@openssh.com',
    'hmac-sha1-etm@openssh.com',
    'umac-64@openssh.com',
    'umac-128@openssh.com',
    'hmac-sha2-256',
    'hmac-sha2-512',
    'hmac-sha1',
  ],
  compression: ['none', 'zlib@openssh.com', 'zlib'],
};

/** Bytes of a 2048-bit group's numbers (RFC 3526 group 14, or the group exchange's). */
const DH_BYTES = 256;
const GEX_SIZES = { min: 1024, n: 2048, max: 8192 };
const MAC_LENGTH: Record<string, number> = { 'hmac-sha1': 20, 'hmac-sha1-96': 12, 'hmac-sha2-256': 32 };
const CHANNEL = 0;
const WINDOW = 0x200000;
const MAX_PACKET = 0x8000;
/** Channel data per packet, within the peer's maximum packet. */
const DATA_CHUNK = 0x4000;

/** A number as its mpint's bytes: both ends draw the keys from the same ones (RFC 4251 5). */
const canonical = (n: Uint8Array): Uint8Array => new SshWriter().mpint(n).done();

/** The first algorithm of the client's list the server has too (RFC 4253 7.1). */
function choose(client: readonly string[], server: readonly string[]): string | undefined {
  return client.find((a) => server.includes(a));
}

/** What happens on a connection, as each end's application sees it. */
export interface SshEvents {
  /** (Server) a password to check for `user`. */
  authenticate?(user: string, password: string): boolean;
  /** (Server) the client opened its shell, as `user`. */
  shell?(user: string): void;
  /** (Client) the keys are in place: authentication may start. */
  keyed?(hostKey: Uint8Array): void;
  /** (Client) the server accepted (or refused) the password. */
  authenticated?(ok: boolean): void;
  /** (Client) the shell is open. */
  opened?(): void;
  /** What the other end's shell or terminal sent. */
  data(bytes: Uint8Array): void;
  /**
   * The other end closed the channel or disconnected; `authentication`: it disconnected
   * because too many passwords failed.
   */
  closed(authentication: boolean): void;
}

/** Per connection: what the two ends' numbers are drawn from. */
export interface SshConnectionIds {
  readonly client: string;
  readonly server: string;
  readonly at: number;
}

/** One direction's keys: the cipher's stream and the MAC's (whose bytes the receiver skips). */
interface Direction {
  stream: ByteStream | null;
  /** The sender's MAC bytes; the receiver skips them (it has nothing real to check). */
  mac: ByteStream | null;
  macLength: number;
}

export class SshTransport {
  private input: Uint8Array = new Uint8Array(0);
  private peerVersion: string | undefined;
  private myKexinit: Uint8Array;
  private peerKexinit: Uint8Array | undefined;
  private kex = '';
  private cipher = '';
  private macName = '';
  private readonly numbers: ByteStream;
  private e: Uint8Array | undefined;
  private f: Uint8Array | undefined;
  private readonly out: Direction = { stream: null, mac: null, macLength: 0 };
  private readonly in: Direction = { stream: null, mac: null, macLength: 0 };
  private pendingIn: Direction | undefined;

  /** (Server) who authenticated; the connection protocol waits for it (RFC 4252 5). */
  private authenticated: string | undefined;
  private failures = 0;
  private closedDown = false;
  private serviceAccepted = false;
  private queuedAuth: { user: string; password: string } | undefined;
  /** The session channel is open, and the other end's number for it. */
  private channelOpen = false;
  private peerChannel = CHANNEL;
  /** (Client) CHANNEL_SUCCESS answers so far: the second is the shell's. */
  private successes = 0;
  /** (Client) the server's host key, from its key exchange reply. */
  private serverKey: Uint8Array = new Uint8Array(0);

  constructor(
    private readonly role: 'client' | 'server',
    private readonly software: SshSoftware,
    private readonly ids: SshConnectionIds,
    private readonly send: (bytes: Uint8Array) => void,
    private readonly events: SshEvents,
    /** (Server) its RSA key's name and size. */
    private readonly hostKey?: { readonly name: string; readonly bits: number },
    /** (Server) failed passwords it takes before it disconnects (`ip ssh authentication-retries`). */
    private readonly retries = 3,
  ) {
    this.numbers = streamOf(role, ids.client, ids.server, String(ids.at));
    this.myKexinit = this.kexinit();
  }

  /** The session's protocol version (SSH-2, whatever a 1.99 server announced) and algorithms. */
  algorithms(): { version: string; cipher: string; mac: string } {
    return { version: '2.0', cipher: this.cipher, mac: this.macName };
  }

  /** Sends the version line and KEXINIT, as both ends do at once. */
  start(): void {
    this.send(new TextEncoder().encode(`${this.software.version}\r\n`));
    this.sendPayload(this.myKexinit);
  }

  get closed(): boolean {
    return this.closedDown;
  }

  /** Bytes that came from the other end. */
  receive(data: Uint8Array): void {
    if (this.closedDown || data.length === 0) return;
    const all = new Uint8Array(this.input.length + data.length);
    all.set(this.input);
    all.set(data, this.input.length);
    this.input = all;
    if (this.peerVersion === undefined && !this.readVersion()) return;
    for (;;) {
      const payload = this.nextPacket();
      if (payload === undefined) return;
      this.handle(payload);
      if (this.closedDown) return;
    }
  }

  /** (Client) authenticate with a password; the answer comes to `authenticated`. */
  authenticate(user: string, password: string): void {
    if (this.closedDown) return;

    if (!this.serviceAccepted) {
      this.queuedAuth = { user, password };
      this.sendPayload(new SshWriter().byte(SSH_MSG.SERVICE_REQUEST).string('ssh-userauth').done());
      return;
    }
    this.sendPayload(
      new SshWriter()
        .byte(SSH_MSG.USERAUTH_REQUEST)
        .string(user)
        .string('ssh-connection')
        .string('password')
        .boolean(false)
        .string(password)
        .done(),
    );
  }

  /** Sends what a terminal typed, or what a shell printed. */
  data(bytes: Uint8Array): void {
    if (this.closedDown || !this.channelOpen) return;
    for (let at = 0; at < bytes.length; at += DATA_CHUNK) {
      const chunk = bytes.subarray(at, at + DATA_CHUNK);
      this.sendPayload(
        new SshWriter().byte(SSH_MSG.CHANNEL_DATA).uint32(this.peerChannel).string(chunk).done(),
      );
    }
  }

  /**
   * Ends the connection: the channel closes, as a shell that ends does (IOS then closes the
   * connection); with no channel open, a DISCONNECT says the application ended it.
   */
  close(): void {
    if (this.closedDown) return;
    if (this.channelOpen) {
      this.sendPayload(new SshWriter().byte(SSH_MSG.CHANNEL_EOF).uint32(this.peerChannel).done());
      this.sendPayload(new SshWriter().byte(SSH_MSG.CHANNEL_CLOSE).uint32(this.peerChannel).done());
    } else if (this.out.stream) this.disconnect(DISCONNECT_BY_APPLICATION, '');
    this.closedDown = true;
  }

  private disconnect(reason: number, description: string): void {
    this.sendPayload(
      new SshWriter().byte(SSH_MSG.DISCONNECT).uint32(reason).string(description).string('').done(),
    );
  }

  // ---- reading --------------------------------------------------------------------------

  private readVersion(): boolean {
    const end = this.input.indexOf(10);
    if (end < 0) return false;
    this.peerVersion = new TextDecoder().decode(this.input.subarray(0, end)).replace(/\r$/, '');
    this.input = this.input.slice(end + 1);
    return true;
  }

  /** The next whole packet's payload, decrypted; undefined until it is all there. */
  private nextPacket(): Uint8Array | undefined {
    const dir = this.in;
    if (this.input.length < 4) return undefined;
    // The length is the first field of the encrypted packet: decrypt a copy to read it.
    const head = this.input.slice(0, 4);
    if (dir.stream) dir.stream.clone().xor(head);
    const length = new DataView(head.buffer).getUint32(0);
    const whole = 4 + length + dir.macLength;
    if (this.input.length < whole) return undefined;
    const body = this.input.slice(0, 4 + length);
    this.input = this.input.slice(whole);
    if (dir.stream) dir.stream.xor(body);
    return payloadOf(body);
  }

  private handle(payload: Uint8Array): void {
    const r = new SshReader(payload);
    const type = r.byte();
    switch (type) {
      case SSH_MSG.KEXINIT:
        this.peerKexinit = payload;
        this.negotiate();
        return;
      case SSH_MSG.NEWKEYS:
        if (this.pendingIn) Object.assign(this.in, this.pendingIn);
        this.pendingIn = undefined;
        if (this.role === 'client') this.events.keyed?.(this.serverKey);
        return;
      case SSH_MSG.DISCONNECT:
        this.closedDown = true;
        this.events.closed(r.uint32() === DISCONNECT_NO_MORE_AUTH_METHODS);
        return;
    }
    if (this.role === 'server') this.serverMessage(type, r);
    else this.clientMessage(type, r);
  }

  private negotiate(): void {
    const peer = new SshReader(this.peerKexinit!);
    peer.byte();
    for (let i = 0; i < 16; i++) peer.byte();
    const lists = Array.from({ length: 10 }, () => peer.nameList());
    // The host key's algorithm is ssh-rsa, the only one IOS has.
    const [kex, , cipherCs, , macCs] = lists as [string[], string[], string[], string[], string[]];
    const client = this.role === 'client' ? this.software : undefined;
    const pick = (mine: readonly string[], theirs: readonly string[]) =>
      client ? choose(mine, theirs) : choose(theirs, mine);
    this.kex = pick(this.software.kex, kex) ?? '';
    this.cipher = pick(this.software.ciphers, cipherCs) ?? '';
    this.macName = pick(this.software.macs, macCs) ?? '';
    if (this.role !== 'client') return;
    if (this.kex === 'diffie-hellman-group-exchange-sha1') {
      this.sendPayload(
        new SshWriter()
          .byte(SSH_MSG.KEX_DH_GEX_REQUEST)
          .uint32(GEX_SIZES.min)
          .uint32(GEX_SIZES.n)
          .uint32(GEX_SIZES.max)
          .done(),
      );
    } else this.sendDhInit(SSH_MSG.KEXDH_INIT);
  }

  private sendDhInit(type: number): void {
    this.e = bigNumber(this.numbers, DH_BYTES);
    this.e[0]! &= 0x7f;
    this.sendPayload(new SshWriter().byte(type).mpint(this.e).done());
  }

  private serverMessage(type: number, r: SshReader): void {
    switch (type) {
      case SSH_MSG.KEX_DH_GEX_REQUEST: {
        const group = streamOf('group', this.ids.server);
        const prime = bigNumber(group, DH_BYTES);
        this.sendPayload(
          new SshWriter()
            .byte(SSH_MSG.KEX_DH_GEX_GROUP)
            .mpint(prime)
            .mpint(new Uint8Array([2]))
            .done(),
        );
        return;
      }
      case SSH_MSG.KEXDH_INIT:
      case SSH_MSG.KEX_DH_GEX_INIT: {
        this.e = r.bytes();
        this.f = bigNumber(this.numbers, DH_BYTES);
        this.f[0]! &= 0x7f;
        const key = this.hostKey!;
        this.sendPayload(
          new SshWriter()
            .byte(type === SSH_MSG.KEXDH_INIT ? SSH_MSG.KEXDH_REPLY : SSH_MSG.KEX_DH_GEX_REPLY)
            .string(rsaPublicKey(key.name, key.bits))
            .mpint(this.f)
            .string(rsaSignature(this.numbers, key.bits))
            .done(),
        );
        this.newKeys();
        return;
      }
      case SSH_MSG.SERVICE_REQUEST:
        this.sendPayload(new SshWriter().byte(SSH_MSG.SERVICE_ACCEPT).string(r.string()).done());
        return;
      case SSH_MSG.USERAUTH_REQUEST:
        this.userauth(r);
        return;
    }
    // The connection protocol starts once a user is authenticated (RFC 4252 5).
    if (this.authenticated === undefined) return;
    switch (type) {
      case SSH_MSG.CHANNEL_OPEN:
        r.string();
        this.peerChannel = r.uint32();
        this.channelOpen = true;
        this.sendPayload(
          new SshWriter()
            .byte(SSH_MSG.CHANNEL_OPEN_CONFIRMATION)
            .uint32(this.peerChannel)
            .uint32(CHANNEL)
            .uint32(WINDOW)
            .uint32(MAX_PACKET)
            .done(),
        );
        return;
      case SSH_MSG.CHANNEL_REQUEST: {
        r.uint32();
        const request = r.string();
        if (r.boolean())
          this.sendPayload(new SshWriter().byte(SSH_MSG.CHANNEL_SUCCESS).uint32(this.peerChannel).done());
        if (request === 'shell') this.events.shell?.(this.authenticated);
        return;
      }
      case SSH_MSG.CHANNEL_DATA:
        r.uint32();
        this.events.data(r.bytes());
        return;
      case SSH_MSG.CHANNEL_CLOSE:
        this.closedDown = true;
        this.events.closed(false);
        return;
    }
  }

  /** A password to check; too many wrong ones end the connection (`ip ssh authentication-retries`). */
  private userauth(r: SshReader): void {
    const user = r.string();
    r.string();
    const method = r.string();
    let ok = false;
    if (method === 'password') {
      r.boolean();
      ok = this.events.authenticate?.(user, r.string()) === true;
    }
    if (ok) {
      this.authenticated = user;
      this.sendPayload(new SshWriter().byte(SSH_MSG.USERAUTH_SUCCESS).done());
      return;
    }
    if (method === 'password' && ++this.failures >= Math.max(1, this.retries)) {
      this.disconnect(DISCONNECT_NO_MORE_AUTH_METHODS, 'Authentication failed');
      this.closedDown = true;
      this.events.closed(true);
      return;
    }
    this.sendPayload(
      new SshWriter().byte(SSH_MSG.USERAUTH_FAILURE).nameList(['password']).boolean(false).done(),
    );
  }

  private clientMessage(type: number, r: SshReader): void {
    switch (type) {
      // One number, two messages: the group exchange's group, or group 14's reply.
      case SSH_MSG.KEXDH_REPLY:
        if (this.kex === 'diffie-hellman-group-exchange-sha1') this.sendDhInit(SSH_MSG.KEX_DH_GEX_INIT);
        else this.keyReply(r);
        return;
      case SSH_MSG.KEX_DH_GEX_REPLY:
        this.keyReply(r);
        return;
      case SSH_MSG.SERVICE_ACCEPT: {
        this.serviceAccepted = true;
        const auth = this.queuedAuth;
        this.queuedAuth = undefined;
        if (auth) this.authenticate(auth.user, auth.password);
        return;
      }
      case SSH_MSG.USERAUTH_SUCCESS:
        this.events.authenticated?.(true);
        this.sendPayload(
          new SshWriter()
            .byte(SSH_MSG.CHANNEL_OPEN)
            .string('session')
            .uint32(CHANNEL)
            .uint32(WINDOW)
            .uint32(MAX_PACKET)
            .done(),
        );
        return;
      case SSH_MSG.USERAUTH_FAILURE:
        this.events.authenticated?.(false);
        return;
      case SSH_MSG.CHANNEL_OPEN_CONFIRMATION:
        r.uint32();
        this.peerChannel = r.uint32();
        this.channelOpen = true;
        this.sendPayload(
          new SshWriter()
            .byte(SSH_MSG.CHANNEL_REQUEST)
            .uint32(this.peerChannel)
            .string('pty-req')
            .boolean(true)
            .string('vt100')
            .uint32(80)
            .uint32(24)
            .uint32(0)
            .uint32(0)
            .string(new Uint8Array([0]))
            .done(),
        );
        this.sendPayload(
          new SshWriter()
            .byte(SSH_MSG.CHANNEL_REQUEST)
            .uint32(this.peerChannel)
            .string('shell')
            .boolean(true)
            .done(),
        );
        return;
      case SSH_MSG.CHANNEL_SUCCESS:
        // The second success answers the shell.
        this.successes++;
        if (this.successes === 2) this.events.opened?.();
        return;
      case SSH_MSG.CHANNEL_DATA:
        r.uint32();
        this.events.data(r.bytes());
        return;
      case SSH_MSG.CHANNEL_CLOSE:
        if (!this.closedDown)
          this.sendPayload(new SshWriter().byte(SSH_MSG.CHANNEL_CLOSE).uint32(this.peerChannel).done());
        this.closedDown = true;
        this.events.closed(false);
        return;
    }
  }

  private keyReply(r: SshReader): void {
    this.serverKey = r.bytes();
    this.f = r.bytes();
    this.newKeys();
  }

  /**
   * NEWKEYS: what this end sends from now on is encrypted; what it receives is once the other
   * end's NEWKEYS came. The keys of each direction come from both ends' numbers.
   */
  private newKeys(): void {
    this.sendPayload(new SshWriter().byte(SSH_MSG.NEWKEYS).done());
    const secret = [canonical(this.e ?? new Uint8Array(0)), canonical(this.f ?? new Uint8Array(0))];
    const c2s = (label: string) => streamOf(label, 'client to server', ...secret);
    const s2c = (label: string) => streamOf(label, 'server to client', ...secret);
    const macLength = MAC_LENGTH[this.macName] ?? 20;
    const mine = this.role === 'client' ? c2s : s2c;
    const theirs = this.role === 'client' ? s2c : c2s;
    Object.assign(this.out, { stream: mine(this.cipher), mac: mine(this.macName), macLength });
    this.pendingIn = { stream: theirs(this.cipher), mac: null, macLength };
  }

  // ---- writing --------------------------------------------------------------------------

  private sendPayload(payload: Uint8Array): void {
    const dir = this.out;
    const block = dir.stream ? 16 : 8;
    const whole = packet(payload, block, (n) => this.numbers.next(n));
    if (!dir.stream) {
      this.send(whole);
      return;
    }
    dir.stream.xor(whole);
    const mac = dir.mac!.next(dir.macLength);
    const out = new Uint8Array(whole.length + mac.length);
    out.set(whole);
    out.set(mac, whole.length);
    this.send(out);
  }

  /** KEXINIT (RFC 4253 7.1): a random cookie, the ten name-lists, no guess, reserved 0. */
  private kexinit(): Uint8Array {
    const s = this.software;
    const w = new SshWriter().byte(SSH_MSG.KEXINIT).bytes(this.numbers.next(16));
    w.nameList(s.kex).nameList(s.hostKey);
    w.nameList(s.ciphers).nameList(s.ciphers).nameList(s.macs).nameList(s.macs);
    w.nameList(s.compression).nameList(s.compression).nameList([]).nameList([]);
    return w.boolean(false).uint32(0).done();
  }
}
