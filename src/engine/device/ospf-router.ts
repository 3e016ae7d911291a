/**
 * An IOS device's OSPF processes (ospf.ts), a router's or a routing 3560's: made and removed
 * with its `router ospf` blocks, told when its interfaces change, fed the packets of IP
 * protocol 89, and the source of its OSPF routes. An interface runs in one process at most:
 * the lowest-numbered one that claims it.
 */
import type { DeviceConfig } from '../../shared/config.ts';
import type { OspfEvent, OspfProcessStatus } from '../ospf-status.ts';
import type { Ipv4Packet } from '../wire/ipv4.ts';
import type { IpStack } from './ip-stack.ts';
import type { L3Interface } from './l3-interface.ts';
import { type OspfHost, OspfProcess } from './ospf.ts';
import type { Route } from './routing-table.ts';

export interface OspfRouterHost {
  readonly stack: IpStack;
  interfaces(): readonly L3Interface[];
  bandwidth(iface: L3Interface): number;
  /** The routes of every process changed. */
  routesChanged(): void;
  log(e: OspfEvent): void;
}

export class OspfRouter {
  private processes: OspfProcess[] = [];
  private config: DeviceConfig | null = null;
  /** Every process's routes, for the routing table. */
  routes: readonly Route[] = [];

  private readonly processHost: OspfHost;

  constructor(private readonly host: OspfRouterHost) {
    this.processHost = {
      stack: host.stack,
      interfaces: () => this.host.interfaces(),
      interfaceConfig: (name) => this.config?.interfaces[name],
      bandwidth: (iface) => this.host.bandwidth(iface),
      hasDefaultRoute: () =>
        this.host.stack.table.routes.some((r) => r.len === 0 && r.net === 0 && !r.code.startsWith('O')),
      routesChanged: () => {
        this.routes = this.processes.flatMap((p) => p.routes);
        this.host.routesChanged();
      },
      log: (e) => this.host.log(e),
      claimed: (iface, pid) => this.processes.some((p) => p.pid < pid && p.ifaces.has(iface)),
    };
  }

  get empty(): boolean {
    return this.processes.length === 0;
  }

  /** Makes, updates and removes processes as `config` says. */
  configure(config: DeviceConfig): void {
    this.config = config;
    const wanted = [...(config.ospf ?? [])].sort((a, b) => a.pid - b.pid);
    const next: OspfProcess[] = [];
    for (const c of wanted) {
      const p = this.processes.find((x) => x.pid === c.pid);
      if (p === undefined) next.push(new OspfProcess(this.processHost, c));
      else {
        p.config = c;
        next.push(p);
      }
    }
    for (const gone of this.processes) if (!next.includes(gone)) gone.stop();
    this.processes = next;
  }

  /** Interfaces or configuration changed: each process follows. */
  refresh(): void {
    for (const p of this.processes) p.refresh();
  }

  receive(iface: L3Interface, pkt: Ipv4Packet, srcMac: number): void {
    for (const p of this.processes) {
      if (p.ifaces.has(iface)) {
        p.receive(iface, pkt, srcMac);
        return;
      }
    }
  }

  /** The router restarts: every process stops (a refresh starts them again). */
  reset(): void {
    for (const p of this.processes) p.stop();
  }

  /** `clear ip ospf [N] process`. */
  clear(pid?: number): void {
    for (const p of this.processes) if (pid === undefined || p.pid === pid) p.clear();
  }

  statuses(): OspfProcessStatus[] {
    return this.processes.map((p) => p.status());
  }
}
