/**
 * A Cisco 1941-like router running IOS 15: three Gigabit Ethernet ports, 802.1Q subinterfaces
 * (router-on-a-stick, `encapsulation dot1Q N [native]`), loopbacks, static routes and the IOS
 * IP behaviour of `IOS_PROFILE` (profiles.ts).
 */

import type { DeviceConfig } from '../../shared/config.ts';
import type { DeviceId } from '../../shared/ids.ts';
import type { Ipv4Addr } from '../../shared/ipv4.ts';
import type { MacAddr } from '../../shared/mac.ts';
import {
  compareInterfaceNames,
  formatInterfaceName,
  KIND_PORTS,
  parseInterfaceName,
} from '../../shared/ports.ts';
import type { HsrpEvent, HsrpGroupStatus, InterfaceStatus, VlanInterfaceStatus } from '../api.ts';
import { retaggedLen, wireLen } from '../frame-size.ts';
import { dot1qTag } from '../packets.ts';
import type { SimContext } from '../sim/context.ts';
import type { EthernetFrame } from '../wire/ethernet.ts';
import { HSRP_PORT } from '../wire/hsrp.ts';
import { AclFilters } from './acl-filter.ts';
import { CdpPorts } from './cdp.ts';
import { HsrpGroups } from './hsrp-groups.ts';
import { IpDevice } from './ip-device.ts';
import { L3Interface, LOOPBACK_BANDWIDTH } from './l3-interface.ts';
import { LldpPorts } from './lldp.ts';
import { isGroupMac } from './mac-util.ts';
import { NAT_NONE, Nat } from './nat.ts';
import { Port, QUEUE_LIMITS } from './port.ts';
import type { StaticSpec } from './routing-table.ts';
import { SeqLog, type SeqRead } from './seq-log.ts';
import { logicalView, ownCounters, portView } from './status.ts';
import { TAG_AS_IS, wireVid } from './wire-tag.ts';

/** How long a port shut down stays up for its HSRP groups' resign to leave, in microseconds. */
const RESIGN_LEAD = 100;

/** HSRP state changes kept for a console that has not read them yet. */
const HSRP_EVENTS = 200;

/**
 * A router port, which knows which of its interfaces takes a frame, by its tag: `untagged`
 * and its carried pairs (declared in Port), or a Map when it has more subinterfaces than Port
 * holds.
 */
class RouterPort extends Port<L3Interface> {
  private byVlan: Map<number, L3Interface> = new Map();

  /** Sets its interfaces: `main`, and its subinterfaces by VLAN, `native` among them or null. */
  demux(main: L3Interface, byVlan: Map<number, L3Interface>, native: L3Interface | null): void {
    this.untagged = native ?? main;
    this.setCarried([...byVlan]);
    this.byVlan = byVlan;
  }

  /** The subinterface for VLAN `vid`. */
  tagged(vid: number): L3Interface | undefined {
    const sub = this.carrying(vid);
    return sub === undefined ? this.byVlan.get(vid) : (sub ?? undefined);
  }
}

export class Router extends IpDevice {
  private config: DeviceConfig;
  private readonly mains: L3Interface[] = [];
  private readonly subs = new Map<string, L3Interface>();
  private loopbacks: L3Interface[] = [];
  /** Every IP interface: ports, then subinterfaces and loopbacks in IOS order. */
  private all: L3Interface[] = [];
  private statics: StaticSpec[] = [];
  private readonly cdp = new CdpPorts();
  private readonly lldp = new LldpPorts();
  readonly acls = new AclFilters();
  /** Network address translation, made at the first `ip nat` command. */
  nat: Nat | null = null;
  /** HSRP groups, made at the first `standby` command, and their messages. */
  private hsrp: HsrpGroups | null = null;
  private hsrpLog: SeqLog<HsrpEvent> | null = null;

  constructor(id: DeviceId, ctx: SimContext, macBase: MacAddr, config: DeviceConfig) {
    super(id, 'router', ctx, ctx.profiles.ios);
    for (const port of this.addPorts(RouterPort, KIND_PORTS.router, macBase, QUEUE_LIMITS.router)) {
      const main = new L3Interface(port.name, port.mac, this, port);
      this.mains.push(main);
      port.demux(main, new Map(), null);
    }
    this.config = config;
    this.applyConfig(config);
  }

  override get hostname(): string {
    return this.config.hostname;
  }

  /** CDP advertises the address of the port it goes out of, if it has one. */
  override cdpAddress(port: Port): Ipv4Addr | undefined {
    return this.mains[port.index]?.ip?.addr;
  }

  /** Stores the configuration and sets what does not depend on line states (see `refresh`). */
  applyConfig(config: DeviceConfig): void {
    const resigning = this.hsrp?.resignShutdown(config) ?? [];
    this.config = config;
    this.ports.forEach((port, i) => {
      const ic = config.interfaces[port.name];
      port.adminUp = ic !== undefined && !ic.shutdown;
      port.setSpeedDuplex(ic?.speed, ic?.duplex);
      this.mains[i]!.configure(ic);
    });
    // An HSRP resign leaves before its port goes down, as on IOS (its line drops just after).
    if (resigning.length > 0) {
      for (const i of resigning) if (i.port !== null) i.port.adminUp = true;
      this.ctx.sched.atIn(RESIGN_LEAD, this.shutAfterResign, 0, null, 0, 0);
    }
    const seenSubs = new Set<string>();
    for (const [name, ic] of Object.entries(config.interfaces)) {
      const n = parseInterfaceName(name);
      if (n?.sub === undefined) continue;
      const parent = this.portByName.get(formatInterfaceName({ type: n.type, unit: n.unit }));
      if (parent === undefined) continue;
      seenSubs.add(name);
      let sub = this.subs.get(name);
      if (sub === undefined) {
        sub = new L3Interface(name, parent.mac, this, parent);
        sub.sub = true;
        sub.counts = true;
        this.subs.set(name, sub);
      }
      sub.configure(ic);
      sub.vlan = ic.dot1q?.vlan ?? 0;
      sub.tag = ic.dot1q !== undefined && !ic.dot1q.native ? dot1qTag(ic.dot1q.vlan) : undefined;
    }
    for (const [name, sub] of [...this.subs]) {
      if (seenSubs.has(name)) continue;
      this.retire(sub);
      this.subs.delete(name);
    }
    this.loopbacks = this.configureLoopbacks(config, this.loopbacks);
    const extra = [...this.subs.values(), ...this.loopbacks];
    extra.sort((a, b) => compareInterfaceNames(a.name, b.name));
    this.all = [...this.mains, ...extra];
    this.statics = this.staticSpecs(config, this.all);
    this.applyAccessGroups(this.acls, config, this.all);
    this.applyNat(config);
    this.applyHsrp(config);
    this.configureOspf(config, this.ospfWiring);
    this.configureDhcp(config, this.all, () => this.all);
    this.configureNtp(config);
    this.applyIosIpv6(config, this.all);

    this.cdp.update(config, this.ports, this.ctx.sched.now);
    this.lldp.update(config, this.ports, this.ctx.sched.now);
  }

  /** Takes `config`'s `ip nat` commands (the interfaces' sides were set with their configuration). */
  private applyNat(config: DeviceConfig): void {
    const used = config.nat !== undefined || this.all.some((i) => i.natSide !== NAT_NONE);
    if (this.nat === null && !used) return;
    if (this.nat === null) {
      const router = this;
      this.nat = new Nat({
        sched: this.ctx.sched,
        acls: this.acls,
        debug: () => this.stack.debug,
        interfaceAddress(name: string): number | undefined {
          // Its address whatever the line's state, as IOS keeps an interface's statics.
          return router.all.find((x) => x.name === name)?.ip?.addr;
        },
      });
    }
    this.nat.configure(config.nat);
    this.stack.nat = this.nat;
  }

  /** Brings down, as configured, the ports kept up for their HSRP resign to leave. */
  private readonly shutAfterResign = {
    onEvent: (): void => {
      for (const p of this.ports) p.adminUp = !(this.config.interfaces[p.name]?.shutdown ?? true);
      this.ctx.linesChanged(this);
    },
  };

  /** Takes `config`'s `standby` groups, on its interfaces as they are now. */
  private applyHsrp(config: DeviceConfig): void {
    const used = Object.values(config.interfaces).some((i) => (i.standby?.length ?? 0) > 0);
    if (this.hsrp === null && !used) return;
    if (this.hsrp === null) {
      this.hsrp = new HsrpGroups(
        this.stack,
        (e) => {
          this.hsrpLog ??= new SeqLog(HSRP_EVENTS);
          this.hsrpLog.push(e);
        },
        (macs) => {
          for (const i of this.all) i.virtualMacs = macs.get(i) ?? null;
        },
      );
      this.stack.hsrp = this.hsrp;
      this.stack.listenUdp(HSRP_PORT, this.hsrp);
    }
    this.hsrp.configure(config, this.all);
  }

  /** Its OSPF processes run over every IP interface, a loopback's bandwidth IOS's 8 Gbit/s. */
  private readonly ospfWiring = {
    interfaces: () => this.all,
    bandwidth: (iface: L3Interface): number => {
      const kbps = this.config.interfaces[iface.name]?.bandwidth;
      if (kbps !== undefined) return kbps;
      return iface.port === null ? LOOPBACK_BANDWIDTH / 1000 : iface.port.negotiatedSpeed / 1000;
    },
    routesChanged: () => this.reconfigureStack(),
  };

  /** Its HSRP groups (`show standby`). */
  hsrpGroups(): HsrpGroupStatus[] {
    return this.hsrp?.statuses() ?? [];
  }

  /** Its groups' changes of state, from sequence number `since` on. */
  readHsrpEvents(since: number): SeqRead<HsrpEvent> {
    return this.hsrpLog?.read(since) ?? { entries: [], next: 0, missed: 0 };
  }

  override reload(): void {
    super.reload();
    this.nat?.reset();
    this.hsrp?.reset();
  }

  override dispose(): void {
    super.dispose();
    this.nat?.release();
    this.hsrp?.dispose();
  }

  override cdpPorts(): CdpPorts {
    return this.cdp;
  }

  override lldpPorts(): LldpPorts {
    return this.lldp;
  }

  override interfaceDescription(name: string): string | undefined {
    return this.config.interfaces[name]?.description;
  }

  refresh(): void {
    const config = this.config;
    const byVlan = this.ports.map(() => new Map<number, L3Interface>());
    const native: (L3Interface | null)[] = this.ports.map(() => null);
    this.ports.forEach((port, i) => {
      this.mains[i]!.up = port.up;
    });
    for (const sub of this.subs.values()) {
      const port = sub.port!;
      // Up with its parent even before `encapsulation` (IOS lists it up/up); it carries
      // nothing until it has a VLAN, and IOS refuses an address before that.
      sub.up = sub.adminUp && port.up;
      if (sub.vlan === 0) continue;
      byVlan[port.index]!.set(sub.vlan, sub);
      if (sub.tag === undefined) native[port.index] = sub;
    }
    this.mains.forEach((main, i) => {
      main.counts = byVlan[i]!.size > 0;
      (this.ports[i] as RouterPort).demux(main, byVlan[i]!, native[i]!);
    });
    for (const lo of this.loopbacks) lo.up = lo.adminUp;
    this.dhcpClients?.refresh();
    this.reconfigureStack();
    this.stack.setStaticArps(config.staticArps ?? []);
    // A static translation to an interface's address follows the address.
    this.nat?.refreshStatics();
    this.hsrp?.refresh();
    this.refreshOspf();
    this.refreshIpv6();
  }

  /** The IP layer's interfaces and routes, OSPF's included. */
  private reconfigureStack(): void {
    const config = this.config;
    this.stack.reconfigure(
      this.all,
      config.ipRouting,
      this.withLeaseRoutes(this.statics),
      config.ipRouting ? undefined : config.defaultGateway,
      this.ospfRoutes,
    );
  }

  receive(port: Port, frame: EthernetFrame, frameId: number, len: number, tag: number, owned: number): void {
    const vid = wireVid(frame, tag);
    const rp = port as RouterPort;
    const iface = vid <= 0 ? rp.untagged! : rp.tagged(vid);
    if (iface === undefined) {
      this.drop(frameId, 'vlan-not-allowed', port.name);
      return;
    }
    const dst = frame.dst;
    if (!isGroupMac(dst) && !port.isMine(dst) && !(iface.virtualMacs?.includes(dst) ?? false)) {
      this.drop(frameId, 'not-for-us', port.name);
      return;
    }
    if (iface.counts) iface.countRx(len);
    // The frame's length without its tag, which forwarding it adjusts rather than recounts.
    this.stack.receive(iface, frame, frameId, owned, retaggedLen(frame, len, vid >= 0, false));
  }

  transmitL3(iface: L3Interface, frame: EthernetFrame, frameId: number, owned: number, len = -1): void {
    const port = iface.port;
    if (port === null) {
      this.drop(frameId, 'no-route', iface.name);
      return;
    }
    const bytes = len >= 0 ? len : wireLen(frame);
    if (iface.counts) iface.countTx(bytes);
    port.send(frame, frameId, bytes, TAG_AS_IS, owned);
  }

  /**
   * What `show vlans` lists: each subinterface with a VLAN, and each port under them for the
   * VLAN 1 it carries itself (the native one, unless a subinterface took that role).
   */
  vlanInterfaces(): VlanInterfaceStatus[] {
    const out: VlanInterfaceStatus[] = [];
    const view = (i: L3Interface, vlan: number, native: boolean): VlanInterfaceStatus => ({
      vlan,
      name: i.name,
      port: i.port!.name,
      native,
      ip: i.ip,
      counters: ownCounters(i),
      arpOut: i.arpOut - i.arpOutCleared,
    });
    const nativeSub = new Set<Port>();
    for (const sub of this.subs.values()) {
      if (sub.vlan === 0) continue;
      const native = sub.tag === undefined;
      if (native) nativeSub.add(sub.port!);
      out.push(view(sub, sub.vlan, native));
    }
    for (const main of this.mains) {
      if (main.counts) out.push(view(main, 1, !nativeSub.has(main.port!)));
    }
    return out.sort((a, b) => a.vlan - b.vlan || compareInterfaceNames(a.name, b.name));
  }

  interfaces(): InterfaceStatus[] {
    const out: InterfaceStatus[] = this.ports.map((p, i) =>
      portView(p, this.mains[i], this.lastChange(p.name), this.bootedAt),
    );
    for (const i of this.all.slice(this.mains.length)) {
      const parent = i.port;
      out.push(
        logicalView(
          i,
          parent !== null && parent.link !== null,
          parent === null ? LOOPBACK_BANDWIDTH : parent.negotiatedSpeed,
          this.lastChange(i.name),
          this.bootedAt,
        ),
      );
    }
    return out;
  }
}
