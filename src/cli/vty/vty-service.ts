/**
 * The Telnet and SSH servers of a network's IOS devices, run by whoever owns the consoles
 * (the session). Port 23 opens on a device while one of its vty lines allows Telnet and is
 * free, port 22 while one allows SSH and is free and the device has RSA keys for SSH version
 * 2 (768 bits or more). `serve` runs between the engine's steps, never inside one, taking the
 * connections accepted and letting every session read, run and answer.
 *
 * It is also what a client asks of the far end (VtyPeers): whether the session on its
 * connection exists, waits for input and reads a password.
 */
import type { Simulation } from '../../engine/api.ts';
import type { DeviceConfig } from '../../shared/config.ts';
import type { DeviceId } from '../../shared/ids.ts';
import { formatIpv4, type Ipv4Addr } from '../../shared/ipv4.ts';
import { type Micros, seconds } from '../../shared/time.ts';
import type { IosDeviceContext, VtyPeers } from '../context.ts';
import { localUser } from '../ios/credentials.ts';
import type { IosRuntime } from '../ios/runtime.ts';
import { iosSsh } from '../ssh/transport.ts';
import { sshLink, type TerminalLink, telnetLink } from './links.ts';
import {
  admits,
  allows,
  opening,
  SSH_PORT,
  type TcpPeer,
  TELNET_PORT,
  type VtyProtocol,
  VtyServer,
} from './vty-server.ts';

/** What a server needs of its device: a context for its sessions, and the device's runtime. */
export interface ServedDevice {
  readonly ctx: IosDeviceContext;
  runtime(): IosRuntime;
}

const PORTS: Readonly<Record<VtyProtocol, number>> = { telnet: TELNET_PORT, ssh: SSH_PORT };
const PROTOCOLS: readonly VtyProtocol[] = ['telnet', 'ssh'];

/**
 * SSH version 2 needs a key of 768 bits or more. Trame does not simulate version 1: with `ip
 * ssh version 1` port 22 stays closed.
 */
const sshReady = (c: DeviceConfig): boolean =>
  c.rsaKeyBits !== undefined && c.rsaKeyBits >= 768 && c.sshVersion !== 1;

/**
 * Whether the line takes `user` with `password` over SSH: a local user with `login local`.
 * "Authentication through the line password is not possible with SSH" (Cisco's SSH
 * configuration guide): without login local every password fails.
 */
function sshLogin(c: DeviceConfig, n: number, user: string, password: string): boolean {
  return c.lineVty[n]?.loginLocal === true && localUser(c, user, password) !== undefined;
}

/** `ip ssh time-out`: how long a connection may take to authenticate (IOS's 120 s). */
const sshTimeout = (c: DeviceConfig): Micros => seconds(c.sshTimeout ?? 120);

export class VtyService implements VtyPeers {
  /** Servers made at each device's first connection, until the device goes (`forget`). */
  private readonly servers = new Map<DeviceId, { readonly server: VtyServer; readonly dev: ServedDevice }>();
  /** The ports open on each device. */
  private readonly open = new Map<DeviceId, Set<VtyProtocol>>();
  /** Set while serving, so that a reload typed remotely (which lets time run) does not re-enter. */
  private serving = false;

  constructor(
    private readonly sim: Simulation,
    /** The device `id`, when it is an IOS device; undefined for a host or a device gone. */
    private readonly device: (id: DeviceId) => ServedDevice | undefined,
  ) {}

  /** Opens or closes ports 23 and 22 on `id` as its vty lines, and its keys, allow. */
  configured(id: DeviceId, kind: 'router' | 'switch', c: DeviceConfig): void {
    const served = this.servers.get(id);
    const server = served?.server;
    // In Quiet-Mode (`login block-for`) the device refuses every Telnet and SSH connection.
    const quiet = served?.dev.runtime().login.quiet(this.sim.now()) === true;
    let open = this.open.get(id);
    for (const p of PROTOCOLS) {
      const on =
        !quiet &&
        (p !== 'ssh' || sshReady(c)) &&
        (server ? server.freeLine(p) !== undefined : c.lineVty.some((_, n) => allows(kind, c, n, p)));
      if (on === (open?.has(p) ?? false)) continue;
      if (!open) {
        open = new Set();
        this.open.set(id, open);
      }
      if (on) open.add(p);
      else open.delete(p);
      this.sim.tcpListen(id, PORTS[p], on, (remoteAddr, remotePort, localAddr) =>
        this.admits(id, kind, p, { remoteAddr, remotePort, localAddr, localPort: PORTS[p] }),
      );
    }
  }

  /**
   * Whether a connection from `peer` finds a free line that allows `p` and whose `access-class`
   * lets it in; IOS refuses it otherwise, with a reset.
   */
  private admits(id: DeviceId, kind: 'router' | 'switch', p: VtyProtocol, peer: TcpPeer): boolean {
    const c = this.device(id)?.ctx.runningConfig();
    if (c === undefined) return false;
    const server = this.servers.get(id)?.server;
    const lines = c.lineVty.map((_, n) => n);
    const admitted = server
      ? server.freeLine(p, peer)
      : lines.find((n) => allows(kind, c, n, p) && admits(c, c.lineVty[n]!.accessClassIn, peer));
    // The line that took the connection, or the first that could have, counts the match of
    // its access class, as `show access-lists` shows for vty lines.
    const judged = admitted ?? (server ? server.freeLine(p) : lines.find((n) => allows(kind, c, n, p)));
    const list = judged === undefined ? undefined : c.lineVty[judged]!.accessClassIn;
    if (list !== undefined) this.sim.countAccessClass(id, list, opening(peer));
    return admitted !== undefined;
  }

  /** The device is gone: its sessions with it. */
  forget(id: DeviceId): void {
    this.servers.get(id)?.server.endAll();
    this.servers.delete(id);
    this.open.delete(id);
  }

  /** Takes the connections ports 23 and 22 accepted, then runs every session once. */
  serve(): void {
    if (this.serving) return;
    this.serving = true;
    try {
      for (const id of this.sim.takeTcpAccepting()) {
        const sockets = this.sim.tcpAccepted(id);
        const dev = this.device(id);
        if (!dev) {
          for (const s of sockets) s.abort();
          continue;
        }
        let served = this.servers.get(id);
        if (!served) {
          served = { server: new VtyServer(dev.ctx, dev.runtime()), dev };
          this.servers.set(id, served);
        }
        for (const s of sockets) {
          const protocol: VtyProtocol = s.localPort === SSH_PORT ? 'ssh' : 'telnet';
          const timeout = protocol === 'ssh' ? sshTimeout(dev.ctx.runningConfig()) : undefined;
          served.server.accept(s, protocol, timeout, (n): TerminalLink => {
            if (protocol === 'telnet') return telnetLink(s);
            const c = dev.ctx.runningConfig();
            return sshLink(
              s,
              {
                software: iosSsh(c.sshVersion === 2 ? '2.0' : '1.99'),
                // The key pair the device made (the same one until new keys are made).
                hostKey: {
                  name: dev.runtime().keyLabel ?? `${c.hostname}.${c.domainName ?? ''}`,
                  bits: c.rsaKeyBits ?? 1024,
                },
                retries: c.sshRetries ?? 3,
                authenticate: (user, password) => {
                  const config = dev.ctx.runningConfig();
                  if (sshLogin(config, n, user, password)) return true;
                  const source = formatIpv4(s.remoteAddr as Ipv4Addr);
                  dev
                    .runtime()
                    .login.failed(config.loginBlock, this.sim.now(), { user, source, port: SSH_PORT });
                  return false;
                },
              },
              {
                client: `${formatIpv4(s.remoteAddr as Ipv4Addr)}:${s.remotePort}`,
                server: `${formatIpv4(s.localAddr as Ipv4Addr)}:${s.localPort}`,
                at: this.sim.now(),
              },
            );
          });
        }
      }
      for (const [id, { server, dev }] of this.servers) {
        server.service();
        this.configured(id, dev.ctx.kind, dev.ctx.runningConfig());
      }
    } finally {
      this.serving = false;
    }
  }

  idle(addr: number, port: number, serverAddr: number, serverPort: number): boolean | undefined {
    return this.find(addr, port, serverAddr, serverPort)?.idle();
  }

  secret(addr: number, port: number, serverAddr: number, serverPort: number): boolean {
    return this.find(addr, port, serverAddr, serverPort)?.secret() === true;
  }

  private find(addr: number, port: number, serverAddr: number, serverPort: number) {
    for (const { server } of this.servers.values()) {
      const s = server.holding(addr, port, serverAddr, serverPort);
      if (s) return s;
    }
    return undefined;
  }
}
