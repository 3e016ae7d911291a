/**
 * What every simulated device has (ns-3's node): an id, ports, and the hooks the simulation
 * calls. Subclasses model a Cisco router, a Catalyst switch and a Windows PC.
 */

import type { SwitchportConfig } from '../../shared/config.ts';
import type { DeviceId } from '../../shared/ids.ts';
import type { Ipv4Addr } from '../../shared/ipv4.ts';
import type { MacAddr } from '../../shared/mac.ts';
import type { SwitchModel } from '../../shared/models.ts';
import type { DeviceKind } from '../../shared/ports.ts';
import type { Micros } from '../../shared/time.ts';
import type {
  ArpClearScope,
  ArpEntry,
  InterfaceStatus,
  MacEntry,
  MacTableFilter,
  PingJob,
  PingOptions,
  RouteEntry,
  TracerouteJob,
  TracerouteOptions,
  TrunkStatus,
} from '../api.ts';
import type { SimContext } from '../sim/context.ts';
import type { DropReason } from '../trace.ts';
import type { EthernetFrame } from '../wire/ethernet.ts';
import type { CdpPorts } from './cdp.ts';
import { InterfaceLog } from './interface-log.ts';
import type { IpStack } from './ip-stack.ts';
import type { L3Interface } from './l3-interface.ts';
import type { LldpPorts } from './lldp.ts';
import { LoadRates } from './load-rates.ts';
import type { Port } from './port.ts';
import { portSpeed } from './port.ts';
import { addCounters, ifaceTraffic, logicalStatus, portStatus } from './status.ts';

/**
 * An IP interface with a state and counters of its own: not a port's interface, which is its
 * port's.
 */
const countsItself = (i: L3Interface): boolean => i.port === null || i.name !== i.port.name;
export abstract class Device {
  // Read by every frame's path, so declared first, next to the object's header. (A constructor
  // parameter declared as a property would land after all the fields declared here.)
  protected readonly ctx: SimContext;
  /** Its IP layer, whose interfaces include the subinterfaces, loopbacks and SVIs. */
  readonly stack: IpStack;
  /**
   * A switch's MAC address table (its number in `ctx.macTables`); -1 on other devices. Here
   * rather than in Switch, whose own fields V8 lays out after all of these, a line further
   * from the ones every frame reads.
   */
  protected macs = -1;
  readonly id: DeviceId;
  readonly kind: DeviceKind;
  readonly ports: Port[] = [];
  readonly portByName = new Map<string, Port>();
  /** When its interfaces changed state (see `noteInterfaces`). */
  readonly interfaceLog = new InterfaceLog();
  /** Virtual time of its last boot: added to the simulation, or reloaded. */
  bootedAt: Micros;
  /**
   * False while it is off (during a reload, until it has booted): its ports' lines are down and
   * it notes no interface changes, as a device that is not running logs nothing.
   */
  powered = true;

  constructor(id: DeviceId, kind: DeviceKind, ctx: SimContext, stack: IpStack) {
    this.ctx = ctx;
    this.stack = stack;
    this.id = id;
    this.kind = kind;
    this.bootedAt = ctx.sched.now as Micros;
  }

  /** The name it gives itself (CDP's Device ID): its configured hostname, its id for hosts. */
  get hostname(): string {
    return this.id;
  }

  protected addPort(p: Port): void {
    this.ports.push(p);
    this.portByName.set(p.name, p);
  }

  /**
   * Adds a port of class `make` for each of `names`, with consecutive MAC addresses from
   * `macBase`, each queueing up to `queueLimit` frames unless the simulation overrides it.
   */
  protected addPorts<P extends Port>(
    make: new (...args: ConstructorParameters<typeof Port>) => P,
    names: readonly string[],
    macBase: MacAddr,
    queueLimit: number,
  ): P[] {
    const limit = this.ctx.options.txQueueLimit ?? queueLimit;
    return names.map((name, i) => {
      const port = new make(this, i, name, (macBase + i) as MacAddr, portSpeed(name), this.ctx, limit);
      this.addPort(port);
      return port;
    });
  }

  /**
   * A frame arrived on `port` (line up, counters done): `len` bytes (its `wireLen`) with wire
   * tag `tag` (see wire-tag.ts), owned or not (see ownership.ts).
   */
  abstract receive(
    port: Port,
    frame: EthernetFrame,
    frameId: number,
    len: number,
    tag: number,
    owned: number,
  ): void;

  /**
   * Recompute everything derived from configuration and line states (interface states, DTP,
   * VLAN membership, routes), flushing what a real device flushes when those change.
   */
  abstract refresh(): void;

  /**
   * Logs the interface states that changed since the last call, at the current time. Call it
   * after anything that may change them: the simulation does after every `refresh`.
   */
  noteInterfaces(): void {
    if (!this.powered) return;
    const log = this.interfaceLog;
    log.begin(this.ctx.sched.now as Micros);
    for (const p of this.ports) {
      const s = portStatus(p);
      log.see(p.name, s.status, s.protocol, p.errDisabled !== null);
    }
    this.noteBundles(log);
    for (const i of this.stack.ifaces) {
      if (!countsItself(i)) continue;
      const s = logicalStatus(i);
      log.see(i.name, s.status, s.protocol, false, i.sub ? i.adminUp : undefined);
    }
    log.end();
  }

  /** Notes the states of the device's EtherChannels (switches). */
  protected noteBundles(_log: InterfaceLog): void {}

  /** When interface `name` last changed state: its log's last entry, or the device's boot. */
  protected lastChange(name: string): Micros {
    return this.interfaceLog.lastChange(name) ?? this.bootedAt;
  }

  /**
   * The device boots now, having forgotten what it learned; its interfaces count as having been
   * down, so those that come up are logged coming up.
   */
  reload(): void {
    this.bootedAt = this.ctx.sched.now as Micros;
    this.interfaceLog.forget();
    this.stack.debug?.off();
    this.stack.resetTcp();
    this.clearArp();
    this.clearMacTable();
    this.resetCounters(undefined, undefined);
    const clock = this.ctx.load;
    for (const p of this.ports) p.rates = new LoadRates(clock, p.rxFrames, p.rxBytes, p.txFrames, p.txBytes);
    for (const i of this.stack.ifaces)
      if (countsItself(i)) i.rates = new LoadRates(clock, i.rxFrames, i.rxBytes, i.txFrames, i.txBytes);
  }

  /** Takes the simulation's current sample of every interface's input and output rates. */
  sampleLoad(): void {
    for (const p of this.ports) this.samplePort(p);
    for (const i of this.stack.ifaces) {
      if (!countsItself(i)) continue;
      // Made at its first sample: it has counted from zero, all of it since the last sample.
      i.rates ??= new LoadRates(this.ctx.load);
      i.rates.sample(i.rxFrames, i.rxBytes, i.txFrames, i.txBytes);
    }
  }

  /** A port's sample, of its totals as its view counts them (a switch adds a storm's). */
  protected samplePort(p: Port): void {
    p.rates.sample(p.rxFrames, p.rxBytes, p.txFrames, p.txBytes);
  }

  /**
   * `clear counters [INTERFACE]`: the counters of every interface, or of the one named, count
   * from now. False when the device has no interface of that name.
   */
  clearCounters(only?: string): boolean {
    return this.resetCounters(only, this.ctx.sched.now as Micros);
  }

  /** Counters of `only` (or all) count from now, cleared at `at` (undefined: by the boot). */
  private resetCounters(only: string | undefined, at: Micros | undefined): boolean {
    let found = false;
    for (const view of this.interfaces()) {
      if (only !== undefined && view.name !== only) continue;
      const port = this.portByName.get(view.name);
      const iface = this.stack.ifaces.find((i) => i.name === view.name);
      if (port === undefined && iface === undefined) continue;
      found = true;
      // A view counts from the last clearing: what that clearing took away, added back, is
      // the total to take away from now on.
      const holder = port ?? iface!;
      const before = holder.cleared;
      holder.cleared = {
        at,
        base: before === null ? view.counters : addCounters(view.counters, before.base, 1),
      };
      if (iface === undefined) continue;
      // The interface of a port may count its own traffic as well (a router's, for `show vlans`).
      if (port !== undefined) iface.cleared = { at, base: ifaceTraffic(iface).counters };
      iface.arpOutCleared = iface.arpOut;
    }
    return found;
  }

  /** Switch ports answer with their configuration, so a neighbour can negotiate DTP. */
  switchportOf(_port: Port): SwitchportConfig | undefined {
    return undefined;
  }

  /** A switch port's operational native VLAN when it is trunking, for mismatch detection. */
  trunkNativeOf(_port: Port): number | undefined {
    return undefined;
  }

  /** The native VLAN a switch port advertises over CDP (a router's or a PC's: none here). */
  cdpNativeOf(_port: Port): number | undefined {
    return undefined;
  }

  /** When each port ran CDP: undefined on devices that do not run it (hosts). */
  cdpPorts(): CdpPorts | undefined {
    return undefined;
  }

  /** The `description` of its interface `name`, if it has one (LLDP's Port Description). */
  interfaceDescription(_name: string): string | undefined {
    return undefined;
  }

  /** When each port transmitted and received LLDP: undefined on devices that do not run it (hosts). */
  lldpPorts(): LldpPorts | undefined {
    return undefined;
  }

  /** What CDP advertises of its hardware and role: a switch's model, and whether it routes. */
  cdpPlatform(): { readonly model?: SwitchModel; readonly routing: boolean } {
    return { routing: this.kind === 'router' };
  }

  /** The address CDP advertises from `port` (none here; see Router and Switch). */
  cdpAddress(_port: Port): Ipv4Addr | undefined {
    return undefined;
  }

  /** The device is going away: stop its applications. */
  abstract dispose(): void;

  abstract interfaces(): InterfaceStatus[];
  arpTable(): ArpEntry[] {
    return [];
  }
  macTable(): MacEntry[] {
    return [];
  }
  routes(): RouteEntry[] {
    return [];
  }
  trunks(): TrunkStatus[] {
    return [];
  }
  vlanPorts(): Map<number, string[]> {
    return new Map();
  }
  clearArp(): void {}
  deleteArp(_ip: number): boolean {
    return false;
  }
  refreshArp(_ip: number): boolean {
    return false;
  }
  clearArpCache(_scope?: ArpClearScope): void {}
  clearMacTable(_filter?: MacTableFilter): void {}
  abstract ping(target: number, options: PingOptions): PingJob;
  abstract traceroute(target: number, options: TracerouteOptions): TracerouteJob;

  baseMac(): MacAddr {
    return this.ports[0]!.mac;
  }

  protected drop(frameId: number, reason: DropReason, port?: string): void {
    this.ctx.traceDrop(this.id, frameId, reason, port);
  }
}
