/**
 * The simulation façade: devices, cables, configuration, the clock, and the queries show
 * commands need. Everything is deterministic: the same seed and the same calls give the same
 * trace.
 */

import type { AclPacket } from '../shared/acl.ts';
import type { DeviceConfig, HostConfig, SecureMac } from '../shared/config.ts';
import { defaultDeviceConfig } from '../shared/config.ts';
import { DEFAULT_LOAD_BALANCE } from '../shared/etherchannel.ts';
import type { DeviceId, LinkId, PortRef } from '../shared/ids.ts';
import type { Ipv4Addr } from '../shared/ipv4.ts';
import type { Ipv6Addr } from '../shared/ipv6.ts';
import type { MacAddr } from '../shared/mac.ts';
import type { SwitchModel } from '../shared/models.ts';
import type { DeviceKind } from '../shared/ports.ts';
import type { Micros } from '../shared/time.ts';
import { seconds } from '../shared/time.ts';
import type {
  AddressConflicts,
  ArpClearScope,
  ArpEntry,
  CdpNeighbor,
  DebugEvents,
  DebugFacility,
  DeviceTime,
  DhcpBinding,
  DhcpClientLease,
  DhcpConflict,
  DhcpEvents,
  DhcpPoolStatus,
  DhcpRenewJob,
  DhcpServerStatistics,
  DnsCacheEntry,
  DnsLookupJob,
  DnsLookupRequest,
  DuplexMismatch,
  EngineStats,
  ErrRecoveries,
  EtherChannelEvents,
  EtherChannelsStatus,
  HsrpEvents,
  HsrpGroupStatus,
  InterfaceChanges,
  InterfaceStatus,
  InternalVlan,
  Ipv6InterfaceStatus,
  Ipv6NeighborEntry,
  Ipv6RouteEntry,
  LinkOptions,
  LldpNeighbor,
  MacEntry,
  MacFlaps,
  MacTableFilter,
  NativeVlanMismatch,
  NatStatistics,
  NatTranslation,
  NtpStatus,
  OspfEvents,
  OspfProcessStatus,
  Ping6Job,
  Ping6Options,
  PingJob,
  PingOptions,
  PortSecurityStatus,
  RouteEntry,
  SecureAddressFilter,
  SecurityViolations,
  Simulation,
  SimulationOptions,
  SpanningTreeEvents,
  StpInstanceStatus,
  TcpAdmission,
  TcpSocket,
  TracerouteJob,
  TracerouteOptions,
  TrunkStatus,
  VlanInterfaceStatus,
} from './api.ts';
import { cdpNeighbors } from './device/cdp.ts';
import type { Device } from './device/device.ts';
import type { DhcpService } from './device/dhcp-server.ts';
import { NO_DHCP_STATISTICS } from './device/dhcp-server-counters.ts';
import { Host } from './device/host.ts';
import { IpDevice } from './device/ip-device.ts';
import { Link } from './device/link.ts';
import { lldpNeighbors } from './device/lldp.ts';
import { SAMPLE_INTERVAL } from './device/load-rates.ts';
import { MacAllocator } from './device/mac-alloc.ts';
import { EMPTY_NAT_STATISTICS } from './device/nat.ts';
import { negotiate, sameMode } from './device/negotiation.ts';
import { Router } from './device/router.ts';
import { settleSpanningTrees } from './device/stp-settle.ts';
import { Switch } from './device/switch.ts';
import type { WireListener } from './sim/context.ts';
import { SimContext } from './sim/context.ts';
import type { Trace } from './trace.ts';
import { DEFAULT_TRACE_CAPACITY } from './trace.ts';

const DEFAULT_MAX_EVENTS = 200_000;
const DEFAULT_LINK_DELAY = 1;

export function createSimulation(options: SimulationOptions = {}): Simulation {
  return new EngineSimulation(options);
}

class EngineSimulation implements Simulation {
  private readonly ctx: SimContext;
  private readonly devices = new Map<DeviceId, Device>();
  private readonly macBlocks = new Map<DeviceId, MacAddr>();
  private readonly links = new Map<LinkId, Link>();
  private readonly macs: MacAllocator;
  private readonly maxEvents: number;

  constructor(options: SimulationOptions) {
    const seed = options.seed ?? 1;
    this.ctx = new SimContext({
      seed,
      traceCapacity: options.traceCapacity ?? DEFAULT_TRACE_CAPACITY,
      txQueueLimit: options.txQueueLimit,
      stormThreshold: options.stormThreshold ?? 10_000,
      stormWindow: options.stormWindow ?? seconds(1),
      arpQueueLength: options.arpQueueLength ?? {},
    });
    this.macs = new MacAllocator(seed);
    this.maxEvents = options.maxEventsPerRun ?? DEFAULT_MAX_EVENTS;
    this.ctx.linesChanged = (device) => this.updateLines(device);
  }

  get trace(): Trace {
    return this.ctx.trace;
  }

  now(): Micros {
    return this.ctx.sched.now as Micros;
  }

  // ---- topology --------------------------------------------------------------------------

  addDevice(id: DeviceId, kind: DeviceKind, name: string, model?: SwitchModel): void {
    if (this.devices.has(id)) throw new Error(`device ${id} already exists`);
    const block = this.macs.allocate(id);
    let device: Device;
    if (kind === 'router') device = new Router(id, this.ctx, block, defaultDeviceConfig('router', name));
    else if (kind === 'switch')
      device = new Switch(id, this.ctx, block, defaultDeviceConfig('switch', name), model);
    else device = new Host(id, kind, this.ctx, this.macs.hostAddress(block, id), name);
    this.devices.set(id, device);
    this.macBlocks.set(id, block);
    this.refresh(device);
  }

  removeDevice(id: DeviceId): void {
    const device = this.device(id);
    for (const [linkId, link] of this.links) {
      if (link.a.owner === device || link.b.owner === device) this.disconnect(linkId);
    }
    device.dispose();
    for (const p of device.ports) p.release();
    this.devices.delete(id);
    this.macs.release(this.macBlocks.get(id)!);
    this.macBlocks.delete(id);
  }

  connect(id: LinkId, a: PortRef, b: PortRef, options: LinkOptions = {}): void {
    if (this.links.has(id)) throw new Error(`link ${id} already exists`);
    const pa = this.port(a);
    const pb = this.port(b);
    if (pa === pb) throw new Error(`${a.device}:${a.port} cannot be cabled to itself`);
    for (const p of [pa, pb]) {
      if (p.link !== null) throw new Error(`${p.owner.id}:${p.name} is already cabled (${p.link.id})`);
    }
    const link = new Link(
      id,
      pa,
      pb,
      options.delay ?? DEFAULT_LINK_DELAY,
      options.bandwidth ?? Math.min(pa.speed, pb.speed),
      options.bandwidth !== undefined,
      this.ctx,
    );
    pa.attach(link, pb);
    pb.attach(link, pa);
    this.links.set(id, link);
    this.updateLine(link);
    this.refresh(pa.owner);
    if (pb.owner !== pa.owner) this.refresh(pb.owner);
  }

  disconnect(id: LinkId): void {
    const link = this.link(id);
    link.cut();
    for (const p of [link.a, link.b]) {
      p.setLine(false);
      p.attach(null, null);
    }
    this.links.delete(id);
    this.refresh(link.a.owner);
    this.refresh(link.b.owner);
  }

  setLinkUp(id: LinkId, up: boolean): void {
    const link = this.link(id);
    link.up = up;
    if (this.updateLine(link)) {
      this.refresh(link.a.owner);
      this.refresh(link.b.owner);
    }
  }

  /** Recomputes what a device derives from line states and configuration, and logs what changed. */
  private refresh(device: Device): void {
    device.refresh();
    device.noteInterfaces();
  }

  /**
   * Recomputes the lines of `device`'s cables, then the device and the neighbours whose line
   * changed (with `switches`, every neighbouring switch, to renegotiate DTP).
   */
  private updateLines(device: Device, switches = false): void {
    const neighbours = new Set<Device>();
    for (const p of device.ports) {
      if (p.link === null || p.peer === null) continue;
      const peer = p.peer.owner;
      if (this.updateLine(p.link) || (switches && peer instanceof Switch)) neighbours.add(peer);
    }
    this.refresh(device);
    for (const n of neighbours) if (n !== device) this.refresh(n);
  }

  /**
   * Recomputes a cable's line state from both ends (shut down or error-disabled, their power);
   * true when it changed.
   */
  private updateLine(link: Link): boolean {
    const { a, b } = link;
    const modes = negotiate(a.settings, b.settings);
    const up = link.up && a.enabled && b.enabled && a.owner.powered && b.owner.powered && modes !== null;
    const renegotiated = !sameMode(a.mode, modes?.a ?? null) || !sameMode(b.mode, modes?.b ?? null);
    const wasUp = a.up && b.up;
    a.mode = modes?.a ?? null;
    b.mode = modes?.b ?? null;
    if (up && (renegotiated || !wasUp)) a.modeSince = b.modeSince = this.ctx.sched.now;
    if (up) a.lastSpeed = b.lastSpeed = modes.a.speed;
    if (modes !== null) {
      link.negotiated(modes.a.speed);
      a.retime();
      b.retime();
    }
    if (link.a.up === up && link.b.up === up) return up && renegotiated;
    for (const p of [link.a, link.b]) p.setLine(up);
    if (!up) link.cut();
    return true;
  }

  // ---- configuration ---------------------------------------------------------------------

  configure(id: DeviceId, config: DeviceConfig): void {
    const device = this.device(id);
    if (!(device instanceof Router || device instanceof Switch)) {
      throw new Error(`${id} is a ${device.kind}: use configureHost`);
    }
    device.applyConfig(config);
    // Neighbours see a line go up or down, and switches renegotiate DTP with a switch.
    this.updateLines(device, device instanceof Switch);
  }

  configureHost(id: DeviceId, config: HostConfig): void {
    const device = this.device(id);
    if (!(device instanceof Host)) throw new Error(`${id} is a ${device.kind}: use configure`);
    device.configure(config);
    device.noteInterfaces();
  }

  // ---- DHCP ------------------------------------------------------------------------------

  dhcpBindings(id: DeviceId): readonly DhcpBinding[] {
    return this.dhcpServer(id)?.bindings() ?? [];
  }
  dhcpConflicts(id: DeviceId): readonly DhcpConflict[] {
    return this.dhcpServer(id)?.conflictList() ?? [];
  }
  dhcpPools(id: DeviceId): readonly DhcpPoolStatus[] {
    return this.dhcpServer(id)?.poolStatus() ?? [];
  }
  dhcpServerStatistics(id: DeviceId): DhcpServerStatistics {
    return this.dhcpServer(id)?.statistics() ?? NO_DHCP_STATISTICS;
  }
  clearDhcp(id: DeviceId, table: 'binding' | 'conflict' | 'statistics', ip?: Ipv4Addr): void {
    const server = this.dhcpServer(id);
    if (table === 'binding') server?.clearBindings(ip);
    else if (table === 'conflict') server?.clearConflicts(ip);
    else server?.clearStatistics();
  }
  dhcpEvents(id: DeviceId, since: number): DhcpEvents {
    const device = this.device(id);
    if (!(device instanceof IpDevice)) return { events: [], next: 0, missed: 0 };
    const { entries, next, missed } = device.readDhcpEvents(since);
    return { events: entries, next, missed };
  }
  dhcpRenew(id: DeviceId, iface?: string): DhcpRenewJob {
    const device = this.device(id);
    if (device instanceof Host) return device.renewDhcp();
    const job =
      iface === undefined || !(device instanceof IpDevice) ? undefined : device.ifaceDhcp?.renew(iface);
    return job ?? { done: true, ok: false };
  }
  dhcpRelease(id: DeviceId, iface?: string): boolean {
    const device = this.device(id);
    if (device instanceof Host) return device.releaseDhcp();
    return iface !== undefined && device instanceof IpDevice && (device.ifaceDhcp?.release(iface) ?? false);
  }
  dhcpClientLeases(id: DeviceId): readonly DhcpClientLease[] {
    const device = this.device(id);
    return device instanceof IpDevice && !(device instanceof Host) ? (device.ifaceDhcp?.leases() ?? []) : [];
  }
  private dhcpServer(id: DeviceId): DhcpService | null {
    const device = this.device(id);
    return device instanceof IpDevice ? device.dhcp : null;
  }

  // ---- time ------------------------------------------------------------------------------

  /**
   * Before the clock first moves, the switches' spanning trees settle (stp-settle.ts): a network
   * opened at time 0 starts converged.
   */
  private settle(): void {
    const ctx = this.ctx;
    if (!ctx.stpUnsettled || ctx.sched.now !== 0) return;
    const switches = [...this.devices.values()].filter((d): d is Switch => d instanceof Switch);
    settleSpanningTrees(ctx, switches);
    for (const sw of switches) this.updateLines(sw);
    ctx.stpUnsettled = false;
  }

  runUntil(t: Micros, maxEvents: number = this.maxEvents): number {
    this.settle();
    const sched = this.ctx.sched;
    const load = this.ctx.load;
    let ran = 0;
    for (;;) {
      const tick = (load.tick + 1) * SAMPLE_INTERVAL;
      if (tick > t) return ran + this.noteRan(sched.runUntil(t, maxEvents - ran));
      const next = sched.nextTime();
      if (next === undefined || next > tick) {
        // Everything up to this sample has run: take it. Those up to the next event, or to
        // `t`, are idle: skip them (load-rates.ts), as far as the clock gets below.
        this.sampleLoad(tick);
        if (this.loadChanging()) continue;
        if (next === undefined || next > t) load.tick = Math.max(load.tick, Math.floor(t / SAMPLE_INTERVAL));
        else if (ran < maxEvents) load.tick = Math.max(load.tick, Math.ceil(next / SAMPLE_INTERVAL) - 1);
        continue;
      }
      ran += this.noteRan(sched.runUntil(tick, maxEvents - ran));
      const after = sched.nextTime();
      // The bound stopped the run before the sample's time: the clock stays there.
      if (after !== undefined && after <= tick) return ran;
    }
  }

  step(): boolean {
    this.settle();
    const next = this.ctx.sched.nextTime();
    if (next === undefined) return false;
    // The samples due before this event: the first may have traffic, the others are idle.
    const load = this.ctx.load;
    const last = Math.ceil(next / SAMPLE_INTERVAL) - 1;
    while (load.tick < last) {
      this.sampleLoad((load.tick + 1) * SAMPLE_INTERVAL);
      if (!this.loadChanging()) load.tick = Math.max(load.tick, last);
    }
    this.noteRan(this.ctx.sched.step() ? 1 : 0);
    return true;
  }

  /** Notes that `events` ran, which the next sample of the rates must look at. */
  private noteRan(events: number): number {
    if (events > 0) this.ctx.load.active = true;
    return events;
  }

  /**
   * The next sample of the interfaces' rates, due at `at`: every interface's, if anything ran
   * or was sent since the last, else none (an idle sample only decays them, which each does
   * when read).
   */
  private sampleLoad(at: number): void {
    const load = this.ctx.load;
    // The clock moves to the sample's time (no event is due before it), which a storm's
    // frames, counted by time, need.
    this.ctx.sched.runUntil(at, 0);
    load.tick++;
    if (!this.loadChanging()) return;
    load.active = false;
    for (const d of this.devices.values()) d.sampleLoad();
  }

  /**
   * Whether the next sample may differ from an idle one: something ran or was sent since the
   * last, or a storm may be on, whose frames the switches count without events (Switch).
   */
  private loadChanging(): boolean {
    const ctx = this.ctx;
    return ctx.load.active || ctx.stormEpoch === ctx.topologyEpoch;
  }

  nextEventTime(): Micros | undefined {
    return this.ctx.sched.nextTime() as Micros | undefined;
  }

  engineStats(): EngineStats {
    const { routed, routedInPlace, echoes, echoesReused } = this.ctx;
    return { routed, routedInPlace, echoes, echoesReused };
  }

  // ---- queries ---------------------------------------------------------------------------

  interfaces(id: DeviceId): readonly InterfaceStatus[] {
    this.settle();
    return this.device(id).interfaces();
  }
  arpTable(id: DeviceId): readonly ArpEntry[] {
    return this.device(id).arpTable();
  }
  macTable(id: DeviceId): readonly MacEntry[] {
    this.settle();
    return this.device(id).macTable();
  }
  routes(id: DeviceId): readonly RouteEntry[] {
    return this.device(id).routes();
  }
  trunks(id: DeviceId): readonly TrunkStatus[] {
    this.settle();
    return this.device(id).trunks();
  }
  vlanInterfaces(id: DeviceId): readonly VlanInterfaceStatus[] {
    const device = this.device(id);
    return device instanceof Router ? device.vlanInterfaces() : [];
  }
  vlanPorts(id: DeviceId): ReadonlyMap<number, readonly string[]> {
    this.settle();
    return this.device(id).vlanPorts();
  }
  baseMac(id: DeviceId): MacAddr {
    return this.device(id).baseMac();
  }
  spanningTree(id: DeviceId): readonly StpInstanceStatus[] {
    this.settle();
    const device = this.device(id);
    return device instanceof Switch ? device.spanningTree() : [];
  }
  nativeVlanMismatches(id: DeviceId): readonly NativeVlanMismatch[] {
    const device = this.device(id);
    return device instanceof Switch ? device.nativeVlanMismatches() : [];
  }
  duplexMismatches(id: DeviceId): readonly DuplexMismatch[] {
    const device = this.device(id);
    return cdpNeighbors(device, this.ctx.sched.now as Micros).flatMap((n) => {
      const port = device.ports.find((p) => p.name === n.port);
      const peer = port?.peer;
      const [duplex, peerDuplex] = [port?.duplex, peer?.duplex];
      if (duplex === undefined || peerDuplex === undefined || duplex === peerDuplex) return [];
      return [
        {
          port: n.port,
          duplex,
          peerHostname: n.hostname,
          peerPort: n.peerPort,
          peerDuplex,
          since: port!.modeSince as Micros,
        },
      ];
    });
  }
  cdpNeighbors(id: DeviceId): readonly CdpNeighbor[] {
    return cdpNeighbors(this.device(id), this.ctx.sched.now as Micros);
  }
  lldpNeighbors(id: DeviceId): readonly LldpNeighbor[] {
    return lldpNeighbors(this.device(id), this.ctx.sched.now as Micros);
  }
  interfaceChanges(id: DeviceId, since: number): InterfaceChanges {
    return this.device(id).interfaceLog.read(since);
  }
  macFlaps(id: DeviceId, since: number): MacFlaps {
    const device = this.device(id);
    if (!(device instanceof Switch)) return { flaps: [], next: 0, missed: 0 };
    const { entries, next, missed } = device.readFlaps(since);
    return { flaps: entries, next, missed };
  }
  spanningTreeEvents(id: DeviceId, since: number): SpanningTreeEvents {
    const device = this.device(id);
    if (!(device instanceof Switch)) return { events: [], next: 0, missed: 0 };
    const { entries, next, missed } = device.readSpanningTree(since);
    return { events: entries, next, missed };
  }
  etherChannels(id: DeviceId): EtherChannelsStatus {
    const device = this.device(id);
    return device instanceof Switch
      ? device.etherChannels()
      : { loadBalance: DEFAULT_LOAD_BALANCE, channels: [] };
  }
  internalVlans(id: DeviceId): readonly InternalVlan[] {
    const device = this.device(id);
    return device instanceof Switch ? device.internalVlans() : [];
  }
  etherChannelEvents(id: DeviceId, since: number): EtherChannelEvents {
    const device = this.device(id);
    if (!(device instanceof Switch)) return { events: [], next: 0, missed: 0 };
    const { entries, next, missed } = device.readEtherChannel(since);
    return { events: entries, next, missed };
  }
  addressConflicts(id: DeviceId, since: number): AddressConflicts {
    const device = this.device(id);
    if (!(device instanceof IpDevice)) return { conflicts: [], next: 0, missed: 0 };
    const { entries, next, missed } = device.readConflicts(since);
    return { conflicts: entries, next, missed };
  }
  setDebugging(id: DeviceId, facility: DebugFacility, on: boolean): void {
    const device = this.device(id);
    if (device instanceof IpDevice) device.setDebugging(facility, on);
  }
  debugging(id: DeviceId): readonly DebugFacility[] {
    const device = this.device(id);
    return device instanceof IpDevice ? device.debugging() : [];
  }
  debugEvents(id: DeviceId, since: number): DebugEvents {
    const device = this.device(id);
    if (!(device instanceof IpDevice)) return { events: [], next: 0, missed: 0 };
    const { entries, next, missed } = device.readDebug(since);
    return { events: entries, next, missed };
  }
  securityViolations(id: DeviceId, since: number): SecurityViolations {
    const device = this.device(id);
    if (!(device instanceof Switch)) return { violations: [], next: 0, missed: 0 };
    const { entries, next, missed } = device.readViolations(since);
    return { violations: entries, next, missed };
  }
  errdisableRecoveries(id: DeviceId, since: number): ErrRecoveries {
    const device = this.device(id);
    if (!(device instanceof Switch)) return { recoveries: [], next: 0, missed: 0 };
    const { entries, next, missed } = device.readRecoveries(since);
    return { recoveries: entries, next, missed };
  }
  portSecurity(id: DeviceId): readonly PortSecurityStatus[] {
    const device = this.device(id);
    return device instanceof Switch ? device.portSecurity() : [];
  }
  clearPortSecurity(id: DeviceId, filter: SecureAddressFilter): void {
    const device = this.device(id);
    if (device instanceof Switch) device.clearPortSecurity(filter);
  }
  accessListMatches(id: DeviceId): ReadonlyMap<string, readonly number[]> {
    const device = this.device(id);
    return device instanceof Router || device instanceof Switch ? device.acls.counts() : new Map();
  }
  countAccessClass(id: DeviceId, name: string, p: AclPacket): void {
    const device = this.device(id);
    if (device instanceof Router || device instanceof Switch) device.acls.count(name, p);
  }
  clearAccessListCounters(id: DeviceId, name?: string): boolean {
    const device = this.device(id);
    return device instanceof Router || device instanceof Switch ? device.acls.clear(name) : false;
  }
  hsrpGroups(id: DeviceId): readonly HsrpGroupStatus[] {
    const device = this.device(id);
    return device instanceof Router ? device.hsrpGroups() : [];
  }
  hsrpEvents(id: DeviceId, since: number): HsrpEvents {
    const device = this.device(id);
    if (!(device instanceof Router)) return { events: [], next: 0, missed: 0 };
    const { entries, next, missed } = device.readHsrpEvents(since);
    return { events: entries, next, missed };
  }
  ospf(id: DeviceId): readonly OspfProcessStatus[] {
    const device = this.device(id);
    return device instanceof IpDevice ? device.ospfStatus() : [];
  }
  ospfEvents(id: DeviceId, since: number): OspfEvents {
    const device = this.device(id);
    if (!(device instanceof IpDevice)) return { events: [], next: 0, missed: 0 };
    const { entries, next, missed } = device.readOspfEvents(since);
    return { events: entries, next, missed };
  }
  clearOspf(id: DeviceId, pid?: number): void {
    const device = this.device(id);
    if (device instanceof IpDevice) device.clearOspf(pid);
  }
  natTranslations(id: DeviceId): readonly NatTranslation[] {
    const device = this.device(id);
    return device instanceof Router ? (device.nat?.translations() ?? []) : [];
  }
  natStatistics(id: DeviceId): NatStatistics | undefined {
    const device = this.device(id);
    if (!(device instanceof Router)) return undefined;
    return device.nat?.statistics() ?? EMPTY_NAT_STATISTICS;
  }
  clearNat(id: DeviceId, what: 'translations' | 'statistics'): void {
    const device = this.device(id);
    if (!(device instanceof Router)) return;
    if (what === 'translations') device.nat?.clear();
    else device.nat?.clearStatistics();
  }
  takeStickyLearned(): ReadonlyMap<DeviceId, ReadonlyMap<string, readonly SecureMac[]>> {
    const out = new Map<DeviceId, ReadonlyMap<string, readonly SecureMac[]>>();
    if (!this.ctx.stickyLearned) return out;
    this.ctx.stickyLearned = false;
    for (const [id, device] of this.devices) {
      if (!(device instanceof Switch)) continue;
      const learned = device.takeStickyLearned();
      if (learned.size > 0) out.set(id, learned);
    }
    return out;
  }
  bootTime(id: DeviceId): Micros {
    return this.device(id).bootedAt;
  }
  timeOfDay(id: DeviceId): DeviceTime {
    return this.ipDevice(id).clock;
  }
  setClock(id: DeviceId, ms: number): void {
    this.ipDevice(id).clock.set(ms, 'user');
  }
  ntp(id: DeviceId): NtpStatus | undefined {
    return this.ipDevice(id).ntpStatus();
  }
  reload(id: DeviceId): void {
    this.powerOn(id);
  }
  powerOff(id: DeviceId): void {
    const device = this.device(id);
    if (!device.powered) return;
    device.powered = false;
    // A switch has no calendar: its clock starts again from 1993 as its processor restarts.
    if (device instanceof Switch) device.clock.restart(this.ctx.sched.now as Micros);
    this.updateLines(device);
  }
  powerOn(id: DeviceId): void {
    const device = this.device(id);
    // Booting a running device restarts it: its lines go down first.
    if (device.powered) this.powerOff(id);
    device.reload();
    device.powered = true;
    this.updateLines(device);
  }
  clearArp(id: DeviceId): void {
    this.device(id).clearArp();
  }
  deleteArp(id: DeviceId, ip: Ipv4Addr): boolean {
    return this.device(id).deleteArp(ip);
  }
  addStaticArp(id: DeviceId, ip: Ipv4Addr, mac: MacAddr): void {
    const device = this.device(id);
    if (!(device instanceof Host))
      throw new Error(`${id} is a ${device.kind}: its static ARP entries come from its configuration`);
    device.addStaticArp(ip, mac);
  }
  refreshArp(id: DeviceId, ip: Ipv4Addr): boolean {
    return this.device(id).refreshArp(ip);
  }
  clearArpCache(id: DeviceId, scope?: ArpClearScope): void {
    this.device(id).clearArpCache(scope);
  }
  clearCdpTable(id: DeviceId): void {
    const cdp = this.device(id).cdpPorts();
    if (cdp !== undefined) cdp.clearedAt = this.ctx.sched.now;
  }
  clearDetectedProtocols(id: DeviceId, iface?: string): boolean {
    const device = this.device(id);
    return device instanceof Switch && device.clearDetectedProtocols(iface);
  }
  clearMacTable(id: DeviceId, filter?: MacTableFilter): void {
    this.device(id).clearMacTable(filter);
  }
  clearCounters(id: DeviceId, iface?: string): boolean {
    return this.device(id).clearCounters(iface);
  }

  ping(id: DeviceId, target: Ipv4Addr, options: PingOptions): PingJob {
    // Its first echo may leave now, between two events.
    this.ctx.load.active = true;
    return this.device(id).ping(target, options);
  }

  /** A ping over IPv6 from `id`. */
  ping6(id: DeviceId, target: Ipv6Addr, options: Ping6Options): Ping6Job {
    this.ctx.load.active = true;
    return this.ipDevice(id).ping6(target, options);
  }

  /** Every IP interface of `id` with its IPv6 state, in the device's order. */
  ipv6Interfaces(id: DeviceId): Ipv6InterfaceStatus[] {
    return this.ipDevice(id).ipv6Interfaces();
  }

  ipv6Routes(id: DeviceId): Ipv6RouteEntry[] {
    return this.ipDevice(id).ipv6Routes();
  }

  ipv6Neighbors(id: DeviceId): Ipv6NeighborEntry[] {
    return this.ipDevice(id).ipv6Neighbors();
  }

  clearIpv6Neighbors(id: DeviceId): void {
    this.ipDevice(id).clearIpv6Neighbors();
  }

  traceroute(id: DeviceId, target: Ipv4Addr, options: TracerouteOptions): TracerouteJob {
    this.ctx.load.active = true;
    return this.device(id).traceroute(target, options);
  }

  dnsLookup(id: DeviceId, request: DnsLookupRequest): DnsLookupJob {
    this.ctx.load.active = true;
    return this.ipDevice(id).dnsLookup(request);
  }

  dnsCache(id: DeviceId): readonly DnsCacheEntry[] {
    return this.ipDevice(id).dnsCacheEntries();
  }

  flushDnsCache(id: DeviceId): void {
    this.ipDevice(id).flushDnsCache();
  }

  tcpConnect(id: DeviceId, target: Ipv4Addr, port: number): TcpSocket {
    this.ctx.load.active = true;
    return this.device(id).stack.tcp.connect(target, port);
  }

  tcpListen(id: DeviceId, port: number, on: boolean, admits?: TcpAdmission): void {
    this.device(id).stack.tcp.listen(port, on, admits);
  }

  tcpAccepted(id: DeviceId): TcpSocket[] {
    return this.device(id).stack.tcp.takeAccepted();
  }

  takeTcpAccepting(): DeviceId[] {
    const set = this.ctx.tcpAccepting;
    if (set.size === 0) return [];
    const ids = [...set];
    set.clear();
    return ids.filter((id) => this.devices.has(id));
  }

  onWire(listener: WireListener): () => void {
    const list = this.ctx.wireListeners;
    list.push(listener);
    return () => {
      const i = list.indexOf(listener);
      if (i >= 0) list.splice(i, 1);
    };
  }

  // ---- lookups ---------------------------------------------------------------------------

  private device(id: DeviceId): Device {
    const d = this.devices.get(id);
    if (d === undefined) throw new Error(`unknown device ${id}`);
    return d;
  }

  private ipDevice(id: DeviceId): IpDevice {
    const d = this.device(id);
    if (!(d instanceof IpDevice)) throw new Error(`${id} is a ${d.kind}: it has no IP stack`);
    return d;
  }

  private link(id: LinkId): Link {
    const l = this.links.get(id);
    if (l === undefined) throw new Error(`unknown link ${id}`);
    return l;
  }

  private port(ref: PortRef) {
    const p = this.device(ref.device).portByName.get(ref.port);
    if (p === undefined) throw new Error(`${ref.device} has no port ${ref.port}`);
    return p;
  }
}
