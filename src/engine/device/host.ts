/**
 * A PC or server running Windows: one Fast Ethernet NIC with an address, a mask and a default
 * gateway (HostConfig) typed or obtained from a DHCP server (dhcp-client.ts), Windows' ARP and
 * ICMP behaviour, ping and tracert, and the loopback network 127.0.0.0/8 answered inside the
 * host.
 */

import type { HostConfig } from '../../shared/config.ts';
import type { DeviceId } from '../../shared/ids.ts';
import type { Ipv4Addr, Ipv4Assignment } from '../../shared/ipv4.ts';
import type { MacAddr } from '../../shared/mac.ts';
import { KIND_PORTS } from '../../shared/ports.ts';
import type { Micros } from '../../shared/time.ts';
import type { DhcpRenewJob, InterfaceStatus } from '../api.ts';
import { wireLen } from '../frame-size.ts';
import type { SimContext } from '../sim/context.ts';
import { DHCP_CLIENT_PORT } from '../wire/dhcp.ts';
import { DNS_PORT } from '../wire/dns.ts';
import type { EthernetFrame } from '../wire/ethernet.ts';
import { BROADCAST_MAC } from './arp-cache.ts';
import { DhcpClient, type DhcpClientHost, type DhcpLease } from './dhcp-client.ts';
import { WINDOWS_DHCP } from './dhcp-client-profiles.ts';
import { DnsServer } from './dns-server.ts';
import { IpDevice, isIpv6GroupMac } from './ip-device.ts';
import { L3Interface } from './l3-interface.ts';
import { Port, QUEUE_LIMITS } from './port.ts';
import { portView } from './status.ts';
import { TAG_AS_IS, wireVid } from './wire-tag.ts';

/** What `netsh interface ipv4 show interfaces` calls it. */
const LOOPBACK_NAME = 'Loopback Pseudo-Interface 1';
const LOOPBACK_ADDR = 0x7f00_0001 as Ipv4Addr;
const LINK_LOCAL_FIRST = 0xa9fe_0100;
const LINK_LOCAL_COUNT = 254 * 256;
const AUTOCONF_TRIES = 10;

export class Host extends IpDevice implements DhcpClientHost {
  private readonly nic: L3Interface;
  private readonly port: Port;
  private config: HostConfig = {};
  /**
   * The configured address once another station was found using it (windows-dad.ts): kept,
   * unused, until the address is set again or the cable comes back. The NIC then has an
   * address of 169.254.0.0/16 instead, drawn at random (RFC 3927), while one is left to try.
   */
  private duplicate: Ipv4Assignment | undefined = undefined;
  private autoconfTries = 0;
  /** Its DHCP client, made when the adapter is first set to use DHCP. */
  private dhcpClient: DhcpClient | null = null;
  /** Using DHCP, no server answered: the NIC has an address of 169.254.0.0/16 it chose. */
  private autoconfigured = false;
  /** Its DNS service, while its configuration has records for one. */
  private dnsServer: DnsServer | null = null;

  constructor(
    id: DeviceId,
    kind: 'pc' | 'server',
    ctx: SimContext,
    mac: MacAddr,
    readonly computerName: string,
  ) {
    super(id, kind, ctx, ctx.profiles.windows);
    const name = KIND_PORTS[kind][0]!;
    this.port = this.addPorts(Port, [name], mac, QUEUE_LIMITS[kind])[0]!;
    this.nic = new L3Interface(name, mac, this, this.port);
    // What a frame's arrival reads, on the port's own first lines rather than this object's.
    this.port.untagged = this.nic;
    const loopback = new L3Interface(LOOPBACK_NAME, 0 as MacAddr, this, null);
    loopback.setIp({ addr: LOOPBACK_ADDR, len: 8 });
    loopback.up = true;
    this.stack.setLoopback(loopback);
  }

  configure(config: HostConfig): void {
    const wasDhcp = this.config.dhcp === true;
    this.config = config;
    this.configureDnsService(config);
    this.configureHostIpv6(config);
    // Still DHCP: what the adapter has (its lease, or the address it gave itself) stays.
    if (wasDhcp && config.dhcp === true) return;
    if (config.dhcp === true && this.dhcpClient === null) {
      this.dhcpClient = new DhcpClient(this.stack, this.nic, this, WINDOWS_DHCP);
      this.stack.listenUdp(DHCP_CLIENT_PORT, this.dhcpClient);
    }
    // Back to a typed address: the lease is given up (Windows releases it).
    else if (wasDhcp) this.dhcpClient!.setRunning(false, true);
    this.useConfigured();
    this.refresh();
  }

  /** Its IPv6: on with autoconfiguration, a static address, or both; off without settings. */
  private configureHostIpv6(config: HostConfig): void {
    const c = config.ipv6;
    const settings = {
      enabled: c !== undefined,
      addresses: c?.address !== undefined ? [{ addr: c.address.addr, len: c.address.len }] : [],
      autoconfig: c?.auto === true,
      // Windows discovers routers whether or not it forms addresses from their prefixes.
      autoDefault: c !== undefined,
    };
    this.configureIpv6(new Map([[this.nic, settings]]), [this.nic], false, [], c?.gateway);
  }

  private configureDnsService(config: HostConfig): void {
    if (config.dnsRecords === undefined) {
      if (this.dnsServer !== null) this.stack.listenUdp(DNS_PORT, null);
      this.dnsServer = null;
      return;
    }
    if (this.dnsServer === null) {
      this.dnsServer = new DnsServer(this.stack);
      this.stack.listenUdp(DNS_PORT, this.dnsServer);
    }
    this.dnsServer.configure(config.dnsRecords);
  }

  refresh(): void {
    const up = this.port.up;
    // Windows probes for its address again when the cable comes back.
    if (!up && this.duplicate !== undefined) this.useConfigured();
    this.nic.up = up;
    this.dhcpClient?.setRunning(up && this.config.dhcp === true, false);
    this.reconfigureStack();
    this.refreshIpv6();
  }

  private reconfigureStack(): void {
    const gateway = this.config.dhcp === true ? this.dhcpClient!.lease?.gateway : this.config.gateway;
    this.stack.reconfigure([this.nic], false, [], gateway);
  }

  private useConfigured(): void {
    this.duplicate = undefined;
    this.autoconfTries = 0;
    this.autoconfigured = false;
    this.nic.setIp(this.config.dhcp === true ? this.dhcpClient!.lease?.ip : this.config.ip);
  }

  override get hostname(): string {
    return this.computerName;
  }

  leaseChanged(lease: DhcpLease | undefined): void {
    if (lease === undefined && this.autoconfigured) return;
    this.autoconfigured = false;
    this.autoconfTries = 0;
    this.nic.setIp(lease?.ip);
    this.reconfigureStack();
  }

  onFallback(): void {
    if (this.dhcpClient?.lease !== undefined || this.autoconfigured) return;
    this.autoconfigured = true;
    this.nic.setIp({ addr: this.linkLocal(), len: 16 });
    this.reconfigureStack();
  }

  /** `ipconfig /renew`. */
  renewDhcp(): DhcpRenewJob {
    return this.config.dhcp === true ? this.dhcpClient!.renew() : { done: true, ok: false };
  }

  /** `ipconfig /release`. */
  releaseDhcp(): boolean {
    if (this.config.dhcp !== true) return false;
    const released = this.dhcpClient!.release();
    if (this.autoconfigured) {
      this.autoconfigured = false;
      this.nic.setIp(undefined);
      this.reconfigureStack();
    }
    return released;
  }

  protected override addressInUse(iface: L3Interface): void {
    if (iface !== this.nic) return;
    // Another station has the leased address: Windows declines it and asks again.
    if (this.config.dhcp === true && !this.autoconfigured) {
      this.dhcpClient!.declined();
      return;
    }
    if (this.config.dhcp === true) {
      this.nic.setIp(this.autoconfTries < AUTOCONF_TRIES ? { addr: this.linkLocal(), len: 16 } : undefined);
      this.autoconfTries++;
      this.reconfigureStack();
      return;
    }
    this.duplicate ??= this.config.ip;
    // Windows gives up on link-local addresses after ten conflicts (RFC 3927 MAX_CONFLICTS).
    this.nic.setIp(this.autoconfTries < AUTOCONF_TRIES ? { addr: this.linkLocal(), len: 16 } : undefined);
    this.autoconfTries++;
    this.refresh();
  }

  /** A random address of 169.254.1.0 to 169.254.254.255 (RFC 3927 section 2.1). */
  private linkLocal(): Ipv4Addr {
    return (LINK_LOCAL_FIRST + this.stack.randomInt(LINK_LOCAL_COUNT)) as Ipv4Addr;
  }

  receive(port: Port, frame: EthernetFrame, frameId: number, _len: number, tag: number, owned: number): void {
    if (wireVid(frame, tag) > 0) {
      this.drop(frameId, 'vlan-not-allowed', port.name);
      return;
    }
    const dst = frame.dst;
    if (dst !== BROADCAST_MAC && !port.isMine(dst) && !(this.stack.v6 !== null && isIpv6GroupMac(dst))) {
      this.drop(frameId, 'not-for-us', port.name);
      return;
    }
    this.stack.receive(port.untagged as L3Interface, frame, frameId, owned);
  }

  transmitL3(iface: L3Interface, frame: EthernetFrame, frameId: number, owned: number): void {
    // The interface's port (its NIC's) rather than this.port: the sender has just read the
    // interface, not the second line of this object.
    iface.port!.send(frame, frameId, wireLen(frame), TAG_AS_IS, owned);
  }

  /** Windows `arp -s`: a static entry on the NIC, until `arp -d` or a restart. */
  addStaticArp(ip: Ipv4Addr, mac: MacAddr): void {
    this.stack.arp.putStatic(ip, mac, this.nic);
  }

  /** `arp -d *`, and a restart: static entries go too. */
  override clearArp(): void {
    this.stack.arp.clear(true);
  }

  override deleteArp(ip: number): boolean {
    return this.stack.arp.remove(ip, true);
  }

  interfaces(): InterfaceStatus[] {
    const view = portView(this.port, this.nic, this.lastChange(this.port.name), this.bootedAt);
    if (this.config.dhcp === true) {
      const lease = this.dhcpClient!.lease;
      const status =
        lease === undefined
          ? undefined
          : {
              server: lease.server,
              ...(lease.gateway !== undefined ? { gateway: lease.gateway } : {}),
              dns: lease.dns,
              ...(lease.domain !== undefined ? { domain: lease.domain } : {}),
              obtained: lease.obtained as Micros,
              expires: lease.expires === Number.POSITIVE_INFINITY ? null : (lease.expires as Micros),
            };
      return [
        {
          ...view,
          dhcp: { ...(status !== undefined ? { lease: status } : {}), autoconfigured: this.autoconfigured },
        },
      ];
    }
    return [this.duplicate === undefined ? view : { ...view, duplicate: this.duplicate }];
  }
}
