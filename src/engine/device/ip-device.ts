/**
 * A device with an IP stack (every device Trame models: a router, a switch through its SVIs, a
 * PC): the stack, the ping and traceroute applications running on it, and the show and clear
 * commands that read the stack.
 */
import type { DeviceConfig, Ipv6InterfaceConfig } from '../../shared/config.ts';
import type { DeviceId } from '../../shared/ids.ts';
import type { Ipv6Addr } from '../../shared/ipv6.ts';
import type { MacAddr } from '../../shared/mac.ts';
import { compareInterfaceNames, type DeviceKind, parseInterfaceName } from '../../shared/ports.ts';
import type { Micros } from '../../shared/time.ts';
import type {
  AddressConflict,
  ArpClearScope,
  ArpEntry,
  DebugEvent,
  DebugFacility,
  DhcpEvent,
  DnsCacheEntry,
  DnsLookupJob,
  DnsLookupRequest,
  Ipv6InterfaceStatus,
  Ipv6NeighborEntry,
  Ipv6RouteEntry,
  NtpStatus,
  OspfEvent,
  OspfProcessStatus,
  Ping6Job,
  Ping6Options,
  PingJob,
  PingOptions,
  RouteEntry,
  TracerouteJob,
  TracerouteOptions,
} from '../api.ts';
import { Apps } from '../apps/apps.ts';
import type { SimContext } from '../sim/context.ts';
import { DHCP_CLIENT_PORT } from '../wire/dhcp.ts';
import type { EthernetFrame } from '../wire/ethernet.ts';
import type { AclFilters } from './acl-filter.ts';
import { DebugLog } from './debug-log.ts';
import { Device } from './device.ts';
import { DhcpService } from './dhcp-server.ts';
import { DnsCache } from './dns-cache.ts';
import { IosArpDefense } from './ios-arp-defense.ts';
import { IosDhcpClients } from './ios-dhcp-clients.ts';
import { IpStack } from './ip-stack.ts';
import { type Ipv6IfaceSettings, Ipv6Stack, type Ipv6StaticSpec } from './ipv6-stack.ts';
import { ipv6InterfaceStatus, ipv6NeighborEntries, ipv6RouteEntries } from './ipv6-status.ts';
import { L3Interface, type L3Owner } from './l3-interface.ts';
import { NtpService } from './ntp.ts';
import { OspfRouter, type OspfRouterHost } from './ospf-router.ts';
import type { StackProfile } from './profiles.ts';
import type { Route, StaticSpec } from './routing-table.ts';
import { SeqLog, type SeqRead } from './seq-log.ts';
import { arpEntries, routeEntries } from './status.ts';
import { TimeOfDay } from './time-of-day.ts';
import { WindowsDad } from './windows-dad.ts';

/** DHCP messages kept for a console that has not read them yet. */
const DHCP_EVENTS = 64;

/** OSPF adjacency changes kept for a console that has not read them yet. */
const OSPF_EVENTS = 200;

/** What an IOS device's OSPF processes need of it besides its IP stack and message log. */
export type OspfWiring = Omit<OspfRouterHost, 'stack' | 'log'>;

/** What an interface's `ipv6` commands ask of the IPv6 stack. */
export function iosIpv6Settings(ic: Ipv6InterfaceConfig | undefined): Ipv6IfaceSettings {
  if (ic === undefined) return { enabled: false, addresses: [], autoconfig: false, autoDefault: false };
  return {
    enabled: true,
    ...(ic.linkLocal !== undefined ? { linkLocal: ic.linkLocal } : {}),
    addresses: ic.addresses.map((a) => ({ addr: a.addr, len: a.len, eui64: a.eui64 === true })),
    autoconfig: ic.autoconfig !== undefined,
    autoDefault: ic.autoconfig?.default === true,
  };
}

/** A 33-33-xx-xx-xx-xx destination: an IPv6 multicast group's (RFC 2464 section 7). */
export const isIpv6GroupMac = (mac: number): boolean => Math.floor(mac / 2 ** 32) === 0x3333;

export abstract class IpDevice extends Device implements L3Owner {
  private readonly apps = new Apps();
  /** The exit interface of static routes that discard what they match. */
  protected readonly null0: L3Interface = L3Interface.null0(this);

  /** Its time-of-day clock. */
  readonly clock: TimeOfDay;

  constructor(id: DeviceId, kind: DeviceKind, ctx: SimContext, profile: StackProfile) {
    super(id, kind, ctx, new IpStack(id, ctx, profile));
    this.clock = new TimeOfDay(() => ctx.sched.now as Micros, this.bootedAt);
    this.stack.guard =
      profile.os === 'ios'
        ? new IosArpDefense(this.stack)
        : new WindowsDad(this.stack, (iface) => this.addressInUse(iface));
  }

  /**
   * Each of `interfaces`' `ip access-group` lists, as filters from `acls`; a list not defined
   * filters nothing. The stack looks at filters only when some interface has one.
   */
  protected applyAccessGroups(
    acls: AclFilters,
    config: DeviceConfig,
    interfaces: readonly L3Interface[],
  ): void {
    acls.update(config.accessLists);
    let filtering = false;
    for (const i of interfaces) {
      const ic = config.interfaces[i.name];
      i.aclIn = acls.filter(ic?.accessGroupIn);
      i.aclOut = acls.filter(ic?.accessGroupOut);
      filtering ||= i.aclIn !== null || i.aclOut !== null;
    }
    this.stack.filtering = filtering;
  }

  /**
   * The configured static routes, each exit interface looked up by name among `ifaces` and
   * Null0 (undefined when it does not exist, so the route is not installed).
   */
  protected staticSpecs(config: DeviceConfig, ifaces: readonly L3Interface[]): StaticSpec[] {
    const byName = new Map(ifaces.map((i) => [i.name, i]));
    byName.set(this.null0.name, this.null0);
    return config.staticRoutes.map((r) => ({
      prefix: r.prefix,
      ...(r.nextHop !== undefined ? { nextHop: r.nextHop } : {}),
      namesInterface: r.exitInterface !== undefined,
      ...(r.exitInterface !== undefined ? { iface: byName.get(r.exitInterface) } : {}),
      distance: r.distance,
      permanent: r.permanent === true,
    }));
  }

  /** Its DHCP server and relay agent (IOS), made when first configured. */
  private dhcpService: DhcpService | null = null;
  /** Its interfaces' DHCP clients (IOS's `ip address dhcp`), made at the first. */
  protected dhcpClients: IosDhcpClients | null = null;
  /** Its DHCP messages for the console, made at the first. */
  private dhcpLog: SeqLog<DhcpEvent> | null = null;

  /**
   * Takes the DHCP pools, excluded addresses and helper addresses of `config` (IOS), served
   * and relayed on the interfaces `interfaces` lists at the time, and runs a DHCP client on
   * those of `ifaces` set to `ip address dhcp`.
   */
  protected configureDhcp(
    config: DeviceConfig,
    ifaces: readonly L3Interface[],
    interfaces: () => readonly L3Interface[],
  ): void {
    const serves =
      (config.dhcpPools?.length ?? 0) > 0 ||
      Object.values(config.interfaces).some((i) => (i.helperAddresses?.length ?? 0) > 0);
    if (this.dhcpService !== null || serves) {
      this.dhcpService ??= new DhcpService(this.stack, interfaces, (e) => this.logDhcp(e));
      this.dhcpService.configure(config);
    }
    const clients = Object.values(config.interfaces).some((i) => i.ipDhcp === true);
    if (this.dhcpClients !== null || clients) {
      if (this.dhcpClients === null) {
        const device = this;
        this.dhcpClients = new IosDhcpClients(this.stack, {
          get hostname() {
            return device.hostname;
          },
          leasesChanged: () => this.refresh(),
          log: (e) => this.logDhcp(e),
        });
        this.stack.listenUdp(DHCP_CLIENT_PORT, this.dhcpClients);
      }
      this.dhcpClients.update(ifaces, config);
    }
  }

  private logDhcp(event: DhcpEvent): void {
    this.dhcpLog ??= new SeqLog(DHCP_EVENTS);
    this.dhcpLog.push(event);
  }

  /** Its NTP, made at the first `ntp` command. */
  private ntpService: NtpService | null = null;

  /** Takes `config`'s `ntp` lines: NTP runs while there is one, and stops when none is left. */
  protected configureNtp(config: DeviceConfig): void {
    if (config.ntp === undefined) {
      this.ntpService?.stop();
      this.ntpService = null;
      return;
    }
    // A router's 250 Hz clock reads to about a millisecond (2**10, as IOL's does; an ISR G2's
    // own figure is not known); a 2960's to 2 us (2**19, a 2960+ on 15.2).
    const router = this.kind === 'router';
    this.ntpService ??= new NtpService({
      stack: this.stack,
      clock: this.clock,
      precision: router ? -10 : -19,
      tickMs: router ? 1 : 0.001,
      addressOf: (name) => this.stack.ifaces.find((i) => i.name === name)?.ip?.addr,
    });
    this.ntpService.configure(config.ntp);
  }

  /** Its NTP's state, undefined while it runs none. */
  ntpStatus(): NtpStatus | undefined {
    return this.ntpService?.status();
  }

  /**
   * Takes its interfaces' IPv6 settings, whether it routes IPv6, its IPv6 static routes and (a
   * PC) its IPv6 gateway. The IPv6 stack is made at the first such setting and kept after.
   */
  protected configureIpv6(
    settings: ReadonlyMap<L3Interface, Ipv6IfaceSettings>,
    order: readonly L3Interface[],
    routing: boolean,
    statics: readonly Ipv6StaticSpec[],
    gateway?: Ipv6Addr,
  ): void {
    if (this.stack.v6 === null) {
      const used = routing || statics.length > 0 || [...settings.values()].some((s) => s.enabled);
      if (!used) return;
    }
    this.ipv6Stack().configure(settings, order, routing, statics, gateway);
  }

  /** Its IPv6 stack, made now if it has none (it then has no interface running IPv6). */
  private ipv6Stack(): Ipv6Stack {
    if (this.stack.v6 === null) {
      const mac = this.ports[0]?.mac ?? (0 as MacAddr);
      this.stack.v6 = new Ipv6Stack(this.id, this.ctx, this.stack.profile, mac);
    }
    return this.stack.v6;
  }

  /** The configured IPv6 static routes, each exit interface looked up among `ifaces` and Null0. */
  protected ipv6StaticSpecs(config: DeviceConfig, ifaces: readonly L3Interface[]): Ipv6StaticSpec[] {
    const byName = new Map(ifaces.map((i) => [i.name, i]));
    byName.set(this.null0.name, this.null0);
    return (config.ipv6Routes ?? []).map((r) => ({
      prefix: r.prefix,
      len: r.len,
      ...(r.nextHop !== undefined ? { nextHop: r.nextHop } : {}),
      ...(r.exitInterface !== undefined ? { iface: byName.get(r.exitInterface) ?? null } : {}),
      distance: r.distance,
    }));
  }

  /** Takes an IOS device's `ipv6` commands on `ifaces`. */
  protected applyIosIpv6(config: DeviceConfig, ifaces: readonly L3Interface[]): void {
    const settings = new Map(ifaces.map((i) => [i, iosIpv6Settings(config.interfaces[i.name]?.ipv6)]));
    this.configureIpv6(settings, ifaces, config.ipv6Routing === true, this.ipv6StaticSpecs(config, ifaces));
  }

  /** Its interfaces' lines changed: IPv6 follows. */
  protected refreshIpv6(): void {
    this.stack.v6?.refresh();
  }

  /** The IPv6 state of each of its IP interfaces, in the device's order. */
  ipv6Interfaces(): Ipv6InterfaceStatus[] {
    return this.stack.ifaces.map((i) => ipv6InterfaceStatus(this.stack.v6, i));
  }

  ipv6Routes(): Ipv6RouteEntry[] {
    return ipv6RouteEntries(this.stack.v6);
  }

  ipv6Neighbors(): Ipv6NeighborEntry[] {
    return ipv6NeighborEntries(this.stack.v6);
  }

  clearIpv6Neighbors(): void {
    this.stack.v6?.clearNeighbors();
  }

  ping6(target: Ipv6Addr, options: Ping6Options): Ping6Job {
    const via = options.via === undefined ? undefined : this.stack.ifaces.find((i) => i.name === options.via);
    return this.apps.ping6(this.stack, this.ipv6Stack(), target, options, via);
  }

  /** Its DHCP messages, from sequence number `since` on. */
  readDhcpEvents(since: number): SeqRead<DhcpEvent> {
    return this.dhcpLog?.read(since) ?? { entries: [], next: 0, missed: 0 };
  }

  override reload(): void {
    super.reload();
    this.dhcpService?.reset();
    this.ospf?.reset();
    // What it was asking or probing ends with it; an answer coming later finds no one.
    this.apps.stopAll();
    this.dnsCache?.clear();
    this.ntpService?.restart();
    this.stack.v6?.restart();
  }

  /** Its DHCP server, null while it has never had one configured. */
  get dhcp(): DhcpService | null {
    return this.dhcpService;
  }

  /** Its interfaces' DHCP clients, null while none was ever configured. */
  get ifaceDhcp(): IosDhcpClients | null {
    return this.dhcpClients;
  }

  /** `statics` and the default routes its DHCP leases bring. */
  protected withLeaseRoutes(statics: StaticSpec[]): StaticSpec[] {
    const clients = this.dhcpClients;
    return clients === null || clients.size === 0 ? statics : [...statics, ...clients.routes()];
  }

  /** OSPF processes (IOS), made at the first `router ospf`, and their messages. */
  private ospf: OspfRouter | null = null;
  private ospfLog: SeqLog<OspfEvent> | null = null;

  /**
   * Takes `config`'s `router ospf` blocks (their interfaces follow at the next `refreshOspf`),
   * making the processes at the first. They run only while the device routes.
   */
  protected configureOspf(config: DeviceConfig, wiring: OspfWiring): void {
    if (!config.ipRouting) config = { ...config, ospf: [] };
    if (this.ospf === null && (config.ospf?.length ?? 0) === 0) return;
    if (this.ospf === null) {
      this.ospf = new OspfRouter({
        ...wiring,
        stack: this.stack,
        log: (e) => {
          this.ospfLog ??= new SeqLog(OSPF_EVENTS);
          this.ospfLog.push(e);
        },
      });
      this.stack.ospf = this.ospf;
    }
    this.ospf.configure(config);
  }

  /** Its interfaces changed: each OSPF process follows. */
  protected refreshOspf(): void {
    this.ospf?.refresh();
  }

  /** What its OSPF processes give the routing table, if it runs any. */
  protected get ospfRoutes(): readonly Route[] | undefined {
    return this.ospf?.routes;
  }

  /**
   * Takes down an interface its configuration no longer has, before it is dropped, so that no
   * route kept until its source recalculates (OSPF's, up to 5 s later) still leaves by it.
   */
  protected retire(iface: L3Interface): void {
    iface.up = false;
  }

  /**
   * The configuration's `interface LoopbackN`, in IOS order: those in `current` kept by name
   * (so a loopback reconfigured keeps its state), new ones made, the others retired.
   */
  protected configureLoopbacks(config: DeviceConfig, current: readonly L3Interface[]): L3Interface[] {
    const kept = new Map(current.map((lo) => [lo.name, lo]));
    const next: L3Interface[] = [];
    for (const [name, ic] of Object.entries(config.interfaces)) {
      const n = parseInterfaceName(name);
      if (n?.type !== 'Loopback' || n.sub !== undefined) continue;
      const lo = kept.get(name) ?? new L3Interface(name, 0 as MacAddr, this, null);
      kept.delete(name);
      lo.configure(ic);
      next.push(lo);
    }
    for (const lo of kept.values()) this.retire(lo);
    return next.sort((a, b) => compareInterfaceNames(a.name, b.name));
  }

  /** Its OSPF processes (`show ip ospf ...`). */
  ospfStatus(): OspfProcessStatus[] {
    return this.ospf?.statuses() ?? [];
  }

  /** Its OSPF neighbours' changes, from sequence number `since` on. */
  readOspfEvents(since: number): SeqRead<OspfEvent> {
    return this.ospfLog?.read(since) ?? { entries: [], next: 0, missed: 0 };
  }

  /** `clear ip ospf [N] process`. */
  clearOspf(pid?: number): void {
    this.ospf?.clear(pid);
  }

  /** Windows found `iface`'s address in use by another station (windows-dad.ts). */
  protected addressInUse(_iface: L3Interface): void {}

  /** The address conflicts it saw, from sequence number `since` on. */
  readConflicts(since: number): SeqRead<AddressConflict> {
    return this.stack.guard!.read(since);
  }

  /** IOS `debug ip icmp` / `debug arp` (debug-log.ts); a PC has no such thing. */
  setDebugging(facility: DebugFacility, on: boolean): void {
    if (this.stack.profile.os !== 'ios') return;
    this.stack.debug ??= new DebugLog(this.stack);
    this.stack.debug.set(facility, on);
  }

  debugging(): DebugFacility[] {
    return this.stack.debug?.facilities() ?? [];
  }

  /** What its debugging recorded, from sequence number `since` on. */
  readDebug(since: number): SeqRead<DebugEvent> {
    return this.stack.debug?.read(since) ?? { entries: [], next: 0, missed: 0 };
  }

  abstract transmitL3(
    iface: L3Interface,
    frame: EthernetFrame,
    frameId: number,
    owned: number,
    len?: number,
  ): void;

  dispose(): void {
    this.apps.stopAll();
    this.ntpService?.stop();
    this.stack.release();
    this.ospf?.reset();
  }

  override arpTable(): ArpEntry[] {
    return arpEntries(this.stack);
  }

  override routes(): RouteEntry[] {
    return routeEntries(this.stack);
  }

  override clearArp(): void {
    this.stack.arp.clear();
  }

  override deleteArp(ip: number): boolean {
    return this.stack.arp.remove(ip);
  }

  override refreshArp(ip: number): boolean {
    return this.stack.arp.refresh(ip);
  }

  override clearArpCache(scope?: ArpClearScope): void {
    this.stack.clearArpCache(scope);
  }

  ping(target: number, options: PingOptions): PingJob {
    return this.apps.ping(this.stack, target, options);
  }

  traceroute(target: number, options: TracerouteOptions): TracerouteJob {
    return this.apps.traceroute(this.stack, target, options);
  }

  /** Its resolver's cache, made at the first lookup. */
  private dnsCache: DnsCache | null = null;

  dnsLookup(request: DnsLookupRequest): DnsLookupJob {
    // Windows keeps answers a day at most and negative ones 15 minutes; IOS keeps no negative answers.
    const windows = this.stack.profile.os === 'windows';
    this.dnsCache ??= new DnsCache(86_400, windows ? 900 : 0);
    return this.apps.dnsLookup(this.stack, request, this.dnsCache);
  }

  dnsCacheEntries(): DnsCacheEntry[] {
    return this.dnsCache?.list(this.stack.now) ?? [];
  }

  flushDnsCache(): void {
    this.dnsCache?.clear();
  }
}
