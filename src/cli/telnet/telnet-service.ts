/**
 * The Telnet servers of a network's IOS devices, run by whoever owns the consoles (the
 * session): port 23 opens on a device while one of its vty lines allows Telnet and is free,
 * and `serve` runs between the engine's steps, never inside one, taking the connections
 * accepted and letting every session read, run and answer.
 *
 * It is also what a client asks of the far end (TelnetPeers): whether the session on its
 * connection exists, waits for input and reads a password.
 */
import type { Simulation } from '../../engine/api.ts';
import type { DeviceConfig } from '../../shared/config.ts';
import type { DeviceId } from '../../shared/ids.ts';
import type { IosDeviceContext, TelnetPeers } from '../context.ts';
import type { IosRuntime } from '../ios/runtime.ts';
import { TELNET_PORT, telnetAllowed, VtyServer } from './vty-server.ts';

/** What a server needs of its device: a context for its sessions, and the device's runtime. */
export interface ServedDevice {
  readonly ctx: IosDeviceContext;
  runtime(): IosRuntime;
}

export class TelnetService implements TelnetPeers {
  /** Servers made at each device's first connection, until the device goes (`forget`). */
  private readonly servers = new Map<DeviceId, { readonly server: VtyServer; readonly dev: ServedDevice }>();
  private readonly listening = new Set<DeviceId>();
  /** Set while serving, so that a reload typed remotely (which lets time run) does not re-enter. */
  private serving = false;

  constructor(
    private readonly sim: Simulation,
    /** The device `id`, when it is an IOS device; undefined for a host or a device gone. */
    private readonly device: (id: DeviceId) => ServedDevice | undefined,
  ) {}

  /** Opens or closes port 23 on `id` as its vty lines allow Telnet and are free. */
  configured(id: DeviceId, kind: 'router' | 'switch', c: DeviceConfig): void {
    const server = this.servers.get(id)?.server;
    const on = server ? server.freeLine() !== undefined : c.lineVty.some((_, n) => telnetAllowed(kind, c, n));
    if (on === this.listening.has(id)) return;
    if (on) this.listening.add(id);
    else this.listening.delete(id);
    this.sim.tcpListen(id, TELNET_PORT, on);
  }

  /** The device is gone: its sessions with it. */
  forget(id: DeviceId): void {
    this.servers.get(id)?.server.endAll();
    this.servers.delete(id);
    this.listening.delete(id);
  }

  /** Takes the connections port 23 accepted, then runs every session once. */
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
        for (const s of sockets) served.server.accept(s);
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
