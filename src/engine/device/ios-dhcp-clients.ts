/**
 * IOS's `ip address dhcp`: a DHCP client (dhcp-client.ts, with IOS's messages) on each
 * interface so configured, all behind UDP port 68 of the device. A lease gives its interface
 * its address and mask, and its router becomes a default route of administrative distance 254
 * (`S* 0.0.0.0/0 [254/0] via ...`), which any configured default route beats; a switch that
 * does not route takes it as its default gateway. IOS reports each new address with
 * %DHCP-6-ADDRESS_ASSIGN.
 */
import type { DeviceConfig } from '../../shared/config.ts';
import type { Ipv4Addr } from '../../shared/ipv4.ts';
import type { Micros } from '../../shared/time.ts';
import type { DhcpClientLease, DhcpEvent, DhcpRenewJob } from '../api.ts';
import type { Ipv4Packet } from '../wire/ipv4.ts';
import type { UdpDatagram } from '../wire/udp.ts';
import { DhcpClient, type DhcpLease } from './dhcp-client.ts';
import { IOS_DHCP } from './dhcp-client-profiles.ts';
import type { IpStack, UdpListener } from './ip-stack.ts';
import type { L3Interface } from './l3-interface.ts';
import type { StaticSpec } from './routing-table.ts';

/** The administrative distance of a default route learned by DHCP. */
const DHCP_ROUTE_DISTANCE = 254;

const finite = (t: number): Micros | null => (t === Number.POSITIVE_INFINITY ? null : (t as Micros));

/** What the clients' device does with their leases. */
export interface DhcpClientsOwner {
  readonly hostname: string;
  /** An interface's address changed with its lease: the device takes its routes again. */
  leasesChanged(): void;
  log(event: DhcpEvent): void;
}

export class IosDhcpClients implements UdpListener {
  readonly unaddressed = true;
  private readonly clients = new Map<string, DhcpClient>();

  constructor(
    private readonly stack: IpStack,
    private readonly owner: DhcpClientsOwner,
  ) {}

  get size(): number {
    return this.clients.size;
  }

  /**
   * Runs a client on each of `ifaces` that `config` sets to `ip address dhcp` and gives each
   * its lease's address; a client whose interface went or took a typed address gives its
   * lease back.
   */
  update(ifaces: readonly L3Interface[], config: DeviceConfig): void {
    const wanted = new Set<string>();
    for (const iface of ifaces) {
      if (config.interfaces[iface.name]?.ipDhcp !== true) continue;
      wanted.add(iface.name);
      let client = this.clients.get(iface.name);
      if (client?.interface !== iface) {
        client?.setRunning(false, true);
        client = new DhcpClient(this.stack, iface, this.hostFor(iface), IOS_DHCP);
        this.clients.set(iface.name, client);
      }
      iface.setIp(client.lease?.ip);
    }
    for (const [name, client] of this.clients) {
      if (wanted.has(name)) continue;
      client.setRunning(false, true);
      this.clients.delete(name);
    }
  }

  /** Each client runs while its interface is up. */
  refresh(): void {
    for (const client of this.clients.values()) client.setRunning(client.interface.up, false);
  }

  private hostFor(iface: L3Interface) {
    const owner = this.owner;
    return {
      get hostname() {
        return owner.hostname;
      },
      leaseChanged: (lease: DhcpLease | undefined) => {
        const before = iface.ip?.addr;
        iface.setIp(lease?.ip);
        if (lease !== undefined && lease.ip.addr !== before) {
          owner.log({
            at: this.stack.now as Micros,
            kind: 'address-assign',
            iface: iface.name,
            ip: lease.ip.addr,
            len: lease.ip.len,
            hostname: owner.hostname,
          });
        }
        owner.leasesChanged();
      },
      onFallback: () => {},
    };
  }

  onUdp(iface: L3Interface, pkt: Ipv4Packet, d: UdpDatagram, from: number): void {
    this.clients.get(iface.name)?.onUdp(iface, pkt, d, from);
  }

  /** Default routes to the routers the leases named. */
  routes(): StaticSpec[] {
    const out: StaticSpec[] = [];
    for (const client of this.clients.values()) {
      const gateway = client.lease?.gateway;
      if (gateway === undefined) continue;
      out.push({
        prefix: { addr: 0 as Ipv4Addr, len: 0 },
        nextHop: gateway,
        namesInterface: false,
        distance: DHCP_ROUTE_DISTANCE,
        permanent: false,
      });
    }
    return out;
  }

  /** The first lease's router, for a switch's default gateway. */
  gateway(): Ipv4Addr | undefined {
    for (const client of this.clients.values())
      if (client.lease?.gateway !== undefined) return client.lease.gateway;
    return undefined;
  }

  /** `renew dhcp IF`: undefined when the interface has no client. */
  renew(name: string): DhcpRenewJob | undefined {
    return this.clients.get(name)?.renew();
  }

  /** `release dhcp IF`: false when the interface has no client. */
  release(name: string): boolean {
    const client = this.clients.get(name);
    client?.release();
    return client !== undefined;
  }

  /** What `show dhcp lease` lists. */
  leases(): DhcpClientLease[] {
    return [...this.clients].flatMap(([name, client]): DhcpClientLease[] => {
      const lease = client.lease;
      const status = client.status();
      if (!status.listed) return [];
      const entry: DhcpClientLease = {
        iface: name,
        state: status.state,
        xid: status.xid,
        retries: status.retries,
        nextTimer: status.nextTimer === undefined ? null : (status.nextTimer as Micros),
        clientId: Array.from(status.clientId),
        hostname: this.owner.hostname,
        ...(lease === undefined
          ? {}
          : {
              lease: {
                ip: lease.ip,
                server: lease.server,
                ...(lease.gateway !== undefined ? { gateway: lease.gateway } : {}),
                obtained: lease.obtained as Micros,
                renewAt: finite(lease.renewAt),
                rebindAt: finite(lease.rebindAt),
                expires: finite(lease.expires),
              },
            }),
      };
      return [entry];
    });
  }
}
