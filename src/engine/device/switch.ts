/**
 * A Catalyst 2960-like layer-2 switch (IEEE 802.1D bridging with IEEE 802.1Q VLANs):
 *
 * - MAC learning per VLAN, entries aging out 300 s after the last frame from that address, or
 *   as `mac address-table aging-time` says (checked lazily, exactly); broadcast, multicast and
 *   unknown unicast flood within the VLAN.
 * - Access ports carry one VLAN untagged; trunks carry the allowed VLANs tagged and the native
 *   VLAN untagged (and accept the native VLAN tagged). DTP decides who trunks (dtp.ts).
 * - A VLAN missing from the VLAN database carries nothing: its access ports are inactive and
 *   trunks do not forward it.
 * - Untagged frames on a trunk belong to the receiving port's native VLAN. Between two trunks
 *   whose native VLANs differ, and on an access port facing a trunk, PVST+ blocks the VLANs
 *   concerned (stp-inconsistency.ts), as a Catalyst does; facing a router, a native VLAN
 *   mismatch moves untagged frames between VLANs.
 * - SVIs (`interface Vlan N`) make the switch an IP host in VLAN N, with `ip default-gateway`.
 * - A multilayer switch's routed port (`no switchport`, its configuration without switchport
 *   settings) is an IP interface of its own, as a router's port is: it carries no VLAN, runs no
 *   DTP or spanning tree, learns no address, and holds an internal VLAN from 1006 up while it is
 *   not shut down (Catalyst 3560 configuration guide, "Configuring Interface Characteristics").
 *   Its loopbacks are a router's (ip-device.ts).
 * - Spanning tree: PVST+, one IEEE 802.1D instance per VLAN (stp.ts, stp-bridge.ts), or rapid
 *   PVST+, one RSTP instance per VLAN (rstp.ts), whose port states decide which ports a VLAN's
 *   frames use. Where it is off (`no spanning-tree vlan N`) a loop circulates frames for ever,
 *   until the switch is sure of a storm and treats the VLAN as saturated (storm-guard.ts).
 */

import type {
  DeviceConfig,
  InterfaceConfig,
  SecureMac,
  StaticMac,
  SwitchportConfig,
} from '../../shared/config.ts';
import { DEFAULT_SWITCHPORT, ERRDISABLE_INTERVAL, MAC_AGING_TIME } from '../../shared/config.ts';
import {
  DEFAULT_LOAD_BALANCE,
  isPortChannel,
  portChannelGroup,
  portChannelName,
} from '../../shared/etherchannel.ts';
import type { DeviceId } from '../../shared/ids.ts';
import type { Ipv4Addr } from '../../shared/ipv4.ts';
import type { MacAddr } from '../../shared/mac.ts';
import { isMultilayer, type SwitchModel } from '../../shared/models.ts';
import { KIND_PORTS, parseInterfaceName, shortInterfaceName } from '../../shared/ports.ts';
import { stpRootGuard } from '../../shared/spanning-tree.ts';
import type { Micros } from '../../shared/time.ts';
import { seconds } from '../../shared/time.ts';
import type { VlanRanges } from '../../shared/vlans.ts';
import { hasVlan, normalizeVlans } from '../../shared/vlans.ts';
import type {
  ErrRecovery,
  EtherChannelEvent,
  EtherChannelsStatus,
  InterfaceCounters,
  InterfaceStatus,
  InternalVlan,
  MacEntry,
  MacFlap,
  MacTableFilter,
  NativeVlanMismatch,
  PortSecurityStatus,
  SecureAddressFilter,
  SecurityViolation,
  SpanningTreeEvent,
  StpInstanceStatus,
  TrunkStatus,
} from '../api.ts';
import { retaggedLen, wireLen } from '../frame-size.ts';
import { dot1qTag, retag } from '../packets.ts';
import type { SimContext } from '../sim/context.ts';
import type { EventTarget } from '../sim/scheduler.ts';
import type { EthernetFrame } from '../wire/ethernet.ts';
import type { StpBpdu } from '../wire/stp.ts';
import { AclFilters } from './acl-filter.ts';
import { CdpPorts } from './cdp.ts';
import { negotiateTrunk } from './dtp.ts';
import { ErrdisableRecovery } from './errdisable-recovery.ts';
import {
  type Bundle,
  type ChannelHost,
  channelPortNumber,
  type FarEnd,
  MisconfigGuard,
  misconfigured,
  SwitchChannels,
  switchportMismatch,
} from './etherchannel.ts';
import { bundleBandwidth, channelLines, channelStatus, channelViews } from './etherchannel-views.ts';
import type { InterfaceLog } from './interface-log.ts';
import { IpDevice } from './ip-device.ts';
import { L3Interface, LOOPBACK_BANDWIDTH } from './l3-interface.ts';
import { LldpPorts } from './lldp.ts';
import { macHigh, macLow } from './mac-table.ts';
import { FIRST_GROUP, isGroupMac } from './mac-util.ts';
import { SHARED } from './ownership.ts';
import type { Port } from './port.ts';
import { GIGABIT_ETHERNET, QUEUE_LIMITS } from './port.ts';
import { PortSecurity, SECURE_OK, SECURE_SHUTDOWN } from './port-security.ts';
import { Renegotiations } from './renegotiation.ts';
import type { StaticSpec } from './routing-table.ts';
import { SeqLog, type SeqRead } from './seq-log.ts';
import { addCounters, interfaceView, logicalView, portStatus, portTraffic, type Traffic } from './status.ts';
import type { StpSwitch } from './stp.ts';
import { SwitchStp } from './stp-bridge.ts';
import { NO_BLOCK, pvidBlock, StpLog, sameBlock, typeBlock } from './stp-inconsistency.ts';
import { OPER_ACCESS, OPER_DOWN, OPER_ROUTED, OPER_TRUNK, SwitchPort } from './switch-port.ts';
import { VlanState } from './vlan-state.ts';
import { onWire, TAG_AS_IS, untaggedOf, wireVid } from './wire-tag.ts';

/** IEEE 802.1D default aging time, also the Catalyst default (`mac address-table aging-time`). */
const MAC_AGING = seconds(MAC_AGING_TIME);
/** An aging time in seconds as the MAC table takes it: 0 is never. */
const agingOf = (s: number): number => (s === 0 ? Number.POSITIVE_INFINITY : seconds(s));
/**
 * The bandwidth a Catalyst port shows while down: the speed it last ran at, or 10 Mb/s if it
 * never came up (captures of unconnected 2960 and 3560 ports: "BW 10000 Kbit/sec, DLY 1000 usec").
 */
const NEVER_LINKED_SPEED = 10_000_000;
/** A storm's frames: minimum-size broadcasts (64 bytes), 84 on the wire with preamble and gap. */
const STORM_FRAME = 64;
const STORM_FRAME_ON_WIRE = 84;
/** A flapping address is reported at most this often. */
const FLAP_REPORT_INTERVAL = seconds(1);
/** How often an address caught in a storm is reported again while the storm lasts. */
const FLAP_REPEAT = seconds(15);
const FLAP_LOG_CAPACITY = 64;
const VIOLATION_LOG_CAPACITY = 64;
/** IOS's cause for a port error-disabled by port security. */
const PSECURE_VIOLATION = 'psecure-violation';
/** IOS's cause for the members of an EtherChannel the EtherChannel guard error-disabled. */
const CHANNEL_MISCONFIG = 'channel-misconfig';
/** IOS's cause for a port error-disabled by BPDU guard. */
const BPDUGUARD = 'bpduguard';
/**
 * Catalyst ports count from the base MAC address plus 1 (Fa0/1 at base + 1, Gi0/1 at base + 25,
 * as 2960s advertise and show them) and SVIs take the base plus 0x40.
 */
const SVI_MAC_OFFSET = 0x40;
/** Routed ports take internal VLANs from the first extended-range one up (`vlan internal allocation policy ascending`). */
const FIRST_INTERNAL_VLAN = 1006;
const LAST_VLAN = 4094;
/** An SVI's bandwidth as a Catalyst shows it ("BW 1000000 Kbit/sec"), whatever its ports' speeds. */
const SVI_BANDWIDTH = GIGABIT_ETHERNET;

/** Whether `sp`, as it runs, carries VLAN `id` by its configuration: its access VLAN, or one its trunk allows. */
const configuredFor = (sp: SwitchPort, id: number): boolean =>
  (sp.oper === OPER_ACCESS && sp.accessVlan === id) || (sp.oper === OPER_TRUNK && hasVlan(sp.allowed, id));

const NO_CHANGE = { changed: [] as SwitchPort[], moved: false };

/** Whether a configuration has an EtherChannel: a port in a channel group, or a Port-channel. */
const hasChannels = (config: DeviceConfig): boolean =>
  Object.entries(config.interfaces).some(([name, i]) => i.channelGroup !== undefined || isPortChannel(name));

/** A bundled member that is not its bundle's first: the first stands for the bundle. */
const hidden = (sp: SwitchPort): boolean => sp.bundle !== null && sp.bundle.primary !== sp;

const sameRanges = (a: VlanRanges, b: VlanRanges): boolean =>
  a === b || (a.length === b.length && a.every((r, i) => r[0] === b[i]![0] && r[1] === b[i]![1]));

export class Switch extends IpDevice {
  // What a frame forwarded by unicast reads of the switch comes first (see Port on layout).
  /** The SVIs' MAC address, in halves as the table takes addresses (a 48-bit field is boxed). */
  private readonly sviHigh: number;
  private readonly sviLow: number;
  private config: DeviceConfig;
  /** How long a learned address lasts after its last frame (Infinity: `aging-time 0`, never). */
  private aging: number = MAC_AGING;
  /** VLANs with an aging time of their own, null when none has (the per-frame path's case). */
  private vlanAging: Map<number, number> | null = null;
  /** The longest aging time of any VLAN: what table maintenance keeps. */
  private maxAging: number = MAC_AGING;
  /**
   * Static entries by VLAN, then address: the ports frames to it go to, or null for `drop`.
   * Null when there are none (the per-frame path's case).
   */
  private staticMacs: Map<number, Map<number, SwitchPort[] | null>> | null = null;
  /** Addresses with a static entry in any VLAN: the switch never learns them. */
  private staticAddrs: Set<number> | null = null;
  /** The same as `ports`, with their switchport state. */
  private readonly sw: SwitchPort[];
  private readonly vlans = new Map<number, VlanState>();
  private readonly svis = new Map<number, L3Interface>();
  private sviList: L3Interface[] = [];
  /** A multilayer switch's loopbacks, in IOS order. */
  private loopbacks: L3Interface[] = [];
  /** Its IP interfaces: the SVIs, the routed ports in port order, then the loopbacks. */
  private l3List: L3Interface[] = [];
  private statics: StaticSpec[] = [];
  private portCfg: SwitchportConfig[] = [];
  private db = new Set<number>([1]);
  private readonly sviMac: MacAddr;
  /** MAC addresses seen moving between ports (%SW_MATM-4-MACFLAP_NOTIF). */
  private readonly flaps = new SeqLog<MacFlap>(FLAP_LOG_CAPACITY);
  /** Frames secure ports refused (%PORT_SECURITY-2-PSECURE_VIOLATION). */
  private readonly violationLog = new SeqLog<SecurityViolation>(VIOLATION_LOG_CAPACITY);
  /** Ports blocked and unblocked for miswired trunks (%SPANTREE-...). */
  private readonly stpLog = new StpLog();
  private readonly cdp = new CdpPorts();
  private readonly lldp = new LldpPorts();
  /** Ports that come back by themselves from their error-disabled state (`errdisable recovery`). */
  private readonly recovery: ErrdisableRecovery<SwitchPort>;
  /** Ports whose link is down while it renegotiates a new speed or duplex setting. */
  private readonly renegotiations: Renegotiations<SwitchPort>;
  /** Its base MAC address, which no port has (`show version`, CDP). */
  private readonly base: MacAddr;
  /** Its spanning tree instances (stp-bridge.ts). */
  private readonly stp: SwitchStp;
  /** The member the last frame to come in by a bundle arrived on, for the trace. */
  private arrivedOn: SwitchPort;
  /** Its EtherChannels (etherchannel.ts): null until its configuration first has one. */
  private channels: SwitchChannels | null = null;
  private guard: MisconfigGuard | null = null;
  /** VLANs in a topology change, whose addresses age out after the forward delay (stp.ts). */
  private readonly tcAging = new Map<number, number>();
  /** Access lists, which a multilayer switch's IP interfaces filter by (`ip access-group`). */
  readonly acls = new AclFilters();

  /** Its hardware model, absent for the default 2960-24TT; only CDP tells it to others. */
  private readonly model: SwitchModel | undefined;

  constructor(id: DeviceId, ctx: SimContext, macBase: MacAddr, config: DeviceConfig, model?: SwitchModel) {
    super(id, 'switch', ctx, ctx.profiles.ios);
    this.model = model;
    this.macs = ctx.macTables.create();
    this.base = macBase;
    this.sw = this.addPorts(SwitchPort, KIND_PORTS.switch, (macBase + 1) as MacAddr, QUEUE_LIMITS.switch);
    this.arrivedOn = this.sw[0]!;
    this.sviMac = (macBase + SVI_MAC_OFFSET) as MacAddr;
    this.sviHigh = macHigh(this.sviMac);
    this.sviLow = macLow(this.sviMac);
    this.config = config;
    this.recovery = new ErrdisableRecovery(ctx.sched, (sp) => this.recoverPort(sp));
    this.renegotiations = new Renegotiations(ctx.sched, () => this.ctx.linesChanged(this));
    this.stp = new SwitchStp(ctx, macBase, this.sw, this.stpHost(), {
      up: (sp) => sp.up || sp.bundle !== null,
      name: (sp) => this.bridgeName(sp),
      number: (sp) => (sp.bundle === null ? sp.index + 1 : channelPortNumber(sp.bundle.group)),
      speed: (sp) => (sp.bundle === null ? sp.negotiatedSpeed : bundleBandwidth(sp.bundle)),
      config: (sp) =>
        sp.bundle === null
          ? sp.cfg.stp
          : this.config.interfaces[portChannelName(sp.bundle.group)]?.switchport?.stp,
    });
    this.applyConfig(config);
  }

  /** What its spanning tree instances ask of the switch (stp.ts). */
  private stpHost(): StpSwitch {
    const ctx = this.ctx;
    return {
      sched: ctx.sched,
      sendBpdu: (index, vlan, bpdu) => {
        // At time 0 the network settles before the clock runs (stp-settle.ts).
        if (ctx.sched.now === 0) ctx.stpOutbox.push({ from: this, index, vlan, bpdu });
        else this.stp.send(index, vlan, bpdu);
      },
      statesChanged: () => {
        if (ctx.sched.now === 0) ctx.stpUnsettled = true;
        else ctx.linesChanged(this);
      },
      flush: (index, vlan) =>
        ctx.macTables.remove(this.macs, { vlan, port: this.sw[index]!.serial }, ctx.sched.now, this.maxAging),
      agingChanged: (vlan, aging) => {
        if (aging === 0 && !this.tcAging.has(vlan)) return;
        // What the aging time in force ages out goes now, so a longer one does not bring it back.
        const expire = () => ctx.macTables.expire(this.macs, ctx.sched.now, (v) => this.agingIn(v));
        expire();
        if (aging > 0) this.tcAging.set(vlan, aging);
        else this.tcAging.delete(vlan);
        this.setAging(this.config);
        expire();
      },
      bpduGuard: (index, vlan) => {
        const sp = this.sw[index]!;
        if (sp.errDisabled !== null) return;
        // A bundle's BPDU guard disables the whole bundle.
        const ports = sp.bundle === null ? [sp] : [...new Set([sp.bundle.primary, ...sp.bundle.links])];
        for (const p of ports) {
          p.errDisabled = BPDUGUARD;
          this.armRecovery(p);
        }
        this.stpLog.bpduGuard(ctx.sched.now as Micros, this.bridgeName(sp), vlan);
        ctx.linesChanged(this);
      },
      guardChanged: (index, vlan, guard, blocking) =>
        this.stpLog.guard(ctx.sched.now as Micros, this.bridgeName(this.sw[index]!), vlan, guard, blocking),
    };
  }

  /**
   * %SPANTREE-2-ROOTGUARD_CONFIG_CHANGE for each port, then Port-channel, whose root guard the
   * new configuration turns on or off, in interface order.
   */
  private logRootGuardChanges(before: DeviceConfig, after: DeviceConfig): void {
    const guarded = (c: DeviceConfig, name: string) => stpRootGuard(c.interfaces[name]?.switchport?.stp);
    const channels = new Set(
      [...Object.keys(before.interfaces), ...Object.keys(after.interfaces)].filter(isPortChannel),
    );
    const names = [
      ...this.sw.map((sp) => sp.name),
      ...[...channels].sort((a, b) => portChannelGroup(a)! - portChannelGroup(b)!),
    ];
    for (const name of names) {
      const on = guarded(after, name);
      if (on !== guarded(before, name)) this.stpLog.rootGuardConfig(this.ctx.sched.now as Micros, name, on);
    }
  }

  /** Spanning tree at time 0: every instance sends what it knows (stp-settle.ts). */
  stpAnnounce(): void {
    this.stp.announce();
  }

  /** Spanning tree settled: its timers run from now on. */
  stpSettled(): void {
    this.stp.settled();
  }

  /** Delivers at once a BPDU port `index` sends, as the network settles (stp-settle.ts). */
  deliverBpdu(index: number, vlan: number, bpdu: StpBpdu): void {
    this.stp.deliverNow(index, vlan, bpdu, (peer, frame) => {
      if (peer.owner instanceof Switch && peer.up) peer.owner.takeBpdu(peer, frame);
    });
  }

  /**
   * A BPDU delivered as the network settles; a switch that runs no spanning tree in its VLAN
   * floods it on at once, as it floods it later (`seen`: the switches that did already).
   */
  private takeBpdu(member: SwitchPort, frame: EthernetFrame, seen: Set<Switch> = new Set()): void {
    const sp = member.bundle === null ? member : member.bundle.primary;
    if (this.stp.receive(sp, frame, TAG_AS_IS, this.config.spanningTree) || seen.has(this)) return;
    seen.add(this);
    const vs = this.bpduVlan(sp, frame, TAG_AS_IS);
    if (vs === null) return;
    for (const out of vs.members) {
      const peer = out.peer as SwitchPort | null;
      if (out === sp || !out.up || peer === null || !peer.up || !(peer.owner instanceof Switch)) continue;
      const tagged = out.oper === OPER_TRUNK && vs.id !== out.nativeVlan;
      peer.owner.takeBpdu(peer, retag(frame, tagged ? dot1qTag(vs.id) : undefined), seen);
    }
  }

  /** The VLAN a BPDU that spanning tree did not take floods in (null: none takes it), as `receive` classifies frames. */
  private bpduVlan(sp: SwitchPort, frame: EthernetFrame, tag: number): VlanState | null {
    const vid = wireVid(frame, tag);
    if (vid <= 0 || (sp.oper === OPER_ACCESS && vid === sp.accessVlan)) return sp.untagged;
    return sp.oper === OPER_TRUNK ? this.taggedVlan(sp, vid) : null;
  }

  /**
   * Floods a BPDU of a VLAN without spanning tree, as any multicast, but past a storm: a switch
   * in a loop passes on what may break it.
   */
  private floodBpdu(sp: SwitchPort, frame: EthernetFrame, frameId: number, len: number, tag: number): void {
    const vs = this.bpduVlan(sp, frame, tag);
    if (vs === null) this.drop(frameId, sp.untaggedDrop, sp.name);
    else this.flood(vs, sp, frame, frameId, len, tag);
  }

  /** `show spanning-tree`. */
  spanningTree(): StpInstanceStatus[] {
    return this.stp.status((vlan) => this.agingIn(vlan), this.config.spanningTree);
  }

  /** Stores the configuration and derives what does not depend on line states. */
  applyConfig(config: DeviceConfig): void {
    // Entries aged out by the aging times in force must not come back under longer ones.
    if (config.macAgingTime !== this.config.macAgingTime || config.vlanMacAging !== this.config.vlanMacAging)
      this.ctx.macTables.expire(this.macs, this.ctx.sched.now, (vlan) => this.agingIn(vlan));
    // Not a configuration applied at boot: a switch coming up says nothing of its guards.
    if (this.ctx.sched.now > 0 && this.powered) this.logRootGuardChanges(this.config, config);
    this.config = config;
    if (this.channels === null && hasChannels(config)) {
      this.channels = new SwitchChannels();
      this.guard = new MisconfigGuard(this.ctx.sched, (group) => this.channelMisconfig(group));
    }
    this.setAging(config);
    this.setStaticMacs(config.staticMacs ?? []);
    for (const sp of this.sw) {
      const ic = config.interfaces[sp.name];
      const group = ic?.channelGroup;
      // A shut-down Port-channel shuts its members down (%EC-5-PORTDOWN).
      const channelShut =
        group !== undefined && config.interfaces[portChannelName(group.id)]?.shutdown === true;
      sp.adminUp = ic === undefined || (!ic.shutdown && !channelShut);
      if (sp.setSpeedDuplex(ic?.speed, ic?.duplex) && sp.up) this.renegotiations.start(sp);
      // Shutting an error-disabled port down, or its Port-channel, is how it is brought back.
      if (!sp.adminUp) sp.errDisabled = null;
      const cfg = ic?.switchport ?? DEFAULT_SWITCHPORT;
      this.portCfg[sp.index] = cfg;
      // Only a multilayer switch has routed ports: its console alone takes `no switchport`.
      const routed = ic !== undefined && ic.switchport === undefined && isMultilayer(this.model);
      this.setRouted(sp, routed ? ic : undefined);
      const ps = cfg.portSecurity;
      sp.security = ps?.enabled
        ? new PortSecurity(ps, cfg.accessVlan, sp.security, this.ctx.sched.now as Micros)
        : null;
      // Shutting the port down also clears its violation count, as on a 2960.
      if (!sp.adminUp && sp.security !== null) sp.security.violations = 0;
      this.armRecovery(sp);
    }
    this.db = new Set<number>([1]);
    for (const v of config.vlans) this.db.add(v.id);
    const seen = new Set<number>();
    for (const [name, ic] of Object.entries(config.interfaces)) {
      if (!name.startsWith('Vlan')) continue;
      const n = parseInterfaceName(name);
      if (n?.type !== 'Vlan' || n.sub !== undefined) continue;
      const vid = Number(n.unit);
      seen.add(vid);
      let svi = this.svis.get(vid);
      if (svi === undefined) {
        svi = new L3Interface(name, this.sviMac, this, null);
        svi.vlan = vid;
        this.svis.set(vid, svi);
      }
      svi.configure(ic);
    }
    for (const [vid, svi] of [...this.svis]) {
      if (seen.has(vid)) continue;
      this.retire(svi);
      this.svis.delete(vid);
    }
    this.sviList = [...this.svis.values()].sort((a, b) => a.vlan - b.vlan);
    // Loopbacks, as a router's, on a multilayer switch only (a 2960's console takes none).
    this.loopbacks = this.configureLoopbacks(
      isMultilayer(this.model) ? config : { ...config, interfaces: {} },
      this.loopbacks,
    );
    const routed = this.sw.flatMap((sp) => (sp.routed === null ? [] : [sp.routed]));
    this.l3List = [...this.sviList, ...routed, ...this.loopbacks];
    this.allocateInternalVlans();
    this.statics = this.staticSpecs(config, this.l3List);
    // A 2960's console takes no access group on its SVIs.
    this.applyAccessGroups(this.acls, config, isMultilayer(this.model) ? this.l3List : []);
    this.configureDhcp(config, this.l3List, () => this.l3List);
    this.configureNtp(config);
    // Only a multilayer switch routes, and runs OSPF while it does.
    if (isMultilayer(this.model)) this.configureOspf(config, this.ospfWiring);
    this.cdp.update(config, this.ports, this.ctx.sched.now);
    this.lldp.update(config, this.ports, this.ctx.sched.now);
  }

  /** Its OSPF processes run over its SVIs, routed ports and loopbacks (IOS's 8 Gbit/s). */
  private readonly ospfWiring = {
    interfaces: () => this.l3List,
    bandwidth: (iface: L3Interface): number =>
      this.config.interfaces[iface.name]?.bandwidth ??
      (iface.loopback
        ? LOOPBACK_BANDWIDTH
        : iface.port === null
          ? SVI_BANDWIDTH
          : iface.port.negotiatedSpeed) / 1000,
    routesChanged: () => this.reconfigureStack(),
  };

  /** Makes `sp` a routed port configured by `ic`, or a switch port again (`ic` undefined). */
  private setRouted(sp: SwitchPort, ic: InterfaceConfig | undefined): void {
    // The port shuts down and comes back as it changes (Catalyst 3560 configuration guide): its
    // link goes down for a few seconds, as for a change of speed, and both ends log it.
    if ((ic === undefined) !== (sp.routed === null) && sp.up) this.renegotiations.start(sp);
    if (ic === undefined) {
      if (sp.routed !== null) this.retire(sp.routed);
      sp.routed = null;
      return;
    }
    sp.routed ??= new L3Interface(sp.name, sp.mac, this, sp);
    sp.routed.configure(ic);
  }

  /**
   * Routed ports not shut down hold an internal VLAN, the lowest free one from 1006 up that the
   * VLAN database does not use; one shut down or made a switch port again frees its VLAN.
   */
  private allocateInternalVlans(): void {
    const used = new Set<number>();
    for (const sp of this.sw) {
      // The VLAN database takes a VLAN back (a configuration read as saved); the console
      // refuses to create one a port holds.
      if (sp.routed === null || !sp.adminUp || this.db.has(sp.internalVlan)) sp.internalVlan = 0;
      else if (sp.internalVlan !== 0) used.add(sp.internalVlan);
    }
    let next = FIRST_INTERNAL_VLAN;
    for (const sp of this.sw) {
      if (sp.routed === null || !sp.adminUp || sp.internalVlan !== 0) continue;
      while (next <= LAST_VLAN && (used.has(next) || this.db.has(next))) next++;
      if (next > LAST_VLAN) break;
      sp.internalVlan = next;
      used.add(next);
    }
  }

  /** `show vlan internal usage`: the internal VLANs routed ports hold, in VLAN order. */
  internalVlans(): InternalVlan[] {
    return this.sw
      .filter((sp) => sp.internalVlan !== 0)
      .map((sp) => ({ vlan: sp.internalVlan, port: sp.name }))
      .sort((a, b) => a.vlan - b.vlan);
  }

  /**
   * The aging times `config` sets, a VLAN in a topology change taking the forward delay
   * where that is shorter (IEEE 802.1D-1998 8.3.5).
   */
  private setAging(config: DeviceConfig): void {
    this.aging = agingOf(config.macAgingTime ?? MAC_AGING_TIME);
    const byVlan = config.vlanMacAging ?? [];
    const times = new Map(byVlan.map((v) => [v.vlan, agingOf(v.seconds)]));
    this.maxAging = Math.max(this.aging, ...times.values());
    for (const [vlan, t] of this.tcAging) times.set(vlan, Math.min(t, times.get(vlan) ?? this.aging));
    this.vlanAging = times.size === 0 ? null : times;
  }

  /** Its spanning tree's messages about miswired trunks, from sequence number `since` on. */
  readSpanningTree(since: number): SeqRead<SpanningTreeEvent> {
    return this.stpLog.read(since);
  }

  override baseMac(): MacAddr {
    return this.base;
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

  override get hostname(): string {
    return this.config.hostname;
  }

  override cdpPlatform(): { readonly model?: SwitchModel; readonly routing: boolean } {
    return { ...(this.model !== undefined ? { model: this.model } : {}), routing: this.config.ipRouting };
  }

  /**
   * CDP advertises a routed port's own address out of it, and otherwise the switch's
   * management address: its first SVI with one, up if any is.
   */
  override cdpAddress(port: Port): Ipv4Addr | undefined {
    const own = (port as SwitchPort).routed?.ip;
    if (own !== undefined) return own.addr;
    const addressed = this.sviList.filter((i) => i.ip !== undefined);
    return (addressed.find((i) => i.up) ?? addressed[0])?.ip?.addr;
  }

  override dispose(): void {
    super.dispose();
    this.stp.dispose();
    this.renegotiations.cancel();
    this.ctx.macTables.release(this.macs);
    this.vlans.clear();
  }

  /** A routed port is no switch port: it sends no DTP, so its neighbour negotiates with none. */
  override switchportOf(port: Port): SwitchportConfig | undefined {
    return (port as SwitchPort).routed === null ? this.portCfg[port.index]! : undefined;
  }

  /** Whether `port` trunks with its neighbour after DTP; undefined while it has none or is routed. */
  private trunking(port: Port): boolean | undefined {
    const peer = port.peer;
    if (!port.up || peer === null || (port as SwitchPort).routed !== null) return undefined;
    return negotiateTrunk(this.portCfg[port.index]!, peer.owner.switchportOf(peer)) === 'trunk';
  }

  /** The native VLAN CDP advertises on `port`: the trunk's native VLAN, or the access VLAN. */
  override cdpNativeOf(port: Port): number | undefined {
    const trunk = this.trunking(port);
    if (trunk === undefined) return undefined;
    const cfg = this.portCfg[port.index]!;
    return trunk ? cfg.nativeVlan : cfg.accessVlan;
  }

  override trunkNativeOf(port: Port): number | undefined {
    return this.trunking(port) === true ? this.portCfg[port.index]!.nativeVlan : undefined;
  }

  refresh(): void {
    // Ports, cables or VLANs changed: a storm may have lost its loop (storm-guard.ts).
    this.ctx.topologyEpoch++;
    const config = this.config;
    const db = this.db;
    // EtherChannel members' outcomes and bundles (etherchannel.ts), before DTP: a member that
    // forwards neither in its bundle nor alone carries nothing.
    const channels = this.channels;
    const { changed, moved } = channels === null ? NO_CHANGE : channels.update(this.channelHost());
    // The far ends read what their members' partners do: they work theirs out again.
    if (moved) this.ctx.sched.at(this.ctx.sched.now, this.partnersMoved, 0, null, 0, 0);
    for (const sp of this.sw) {
      const port = sp;
      const cfg = this.portCfg[port.index]!;
      const peer = port.peer;
      const bundle = sp.bundle;
      if (bundle !== null && !sp.up) {
        // A bundle's first member, down, still stands for it: it takes the bundle's state below.
        sp.cfg = cfg;
        sp.security?.lineDown();
        continue;
      }
      if (sp.routed !== null) {
        this.refreshRouted(sp, cfg);
        continue;
      }
      const trunk = this.trunking(port);
      const idle = bundle === null && (channels?.states[sp.index]?.flag ?? 'I') !== 'I';
      const oper = trunk === undefined || idle ? OPER_DOWN : trunk ? OPER_TRUNK : OPER_ACCESS;
      if (
        oper !== sp.oper ||
        cfg.accessVlan !== sp.accessVlan ||
        cfg.nativeVlan !== sp.nativeVlan ||
        !sameRanges(cfg.allowedVlans, sp.allowed)
      ) {
        // A bundle's addresses are learned on its first member.
        this.flushPort(bundle === null ? port : bundle.primary);
      }
      sp.cfg = cfg;
      sp.oper = oper;
      sp.accessVlan = cfg.accessVlan;
      sp.nativeVlan = cfg.nativeVlan;
      sp.allowed = cfg.allowedVlans;
      // The neighbour's native VLAN when it is a switch's trunk (undefined otherwise).
      const peerTrunk = oper !== OPER_DOWN && peer !== null ? peer.owner.trunkNativeOf(peer) : undefined;
      sp.peerNative =
        oper === OPER_TRUNK && peerTrunk !== undefined && peerTrunk !== cfg.nativeVlan ? peerTrunk : -1;
      const exists = (v: number) => db.has(v);
      // An access port facing a trunk, or a trunk facing one with another native VLAN.
      const facesTrunk = oper === OPER_ACCESS && peerTrunk !== undefined;
      const block =
        sp.peerNative >= 0
          ? pvidBlock(cfg.nativeVlan, sp.peerNative, exists)
          : facesTrunk
            ? typeBlock(cfg.accessVlan, exists)
            : NO_BLOCK;
      if (!sameBlock(block, sp.stpBlock)) {
        const before = oper === OPER_DOWN ? NO_BLOCK : sp.stpBlock;
        const local = oper === OPER_TRUNK ? cfg.nativeVlan : cfg.accessVlan;
        this.stpLog.change(this.ctx.sched.now as Micros, port.name, before, block, local, sp.peerNative);
        if (sp.stpBlock.length === 0 && sp.peerNative >= 0) this.traceMismatch(sp);
        sp.stpBlock = block;
      }
      // CDP advertises a port's native VLAN, the access VLAN on an access port, whatever the mode.
      const cdpPeer = oper !== OPER_DOWN && peer !== null ? peer.owner.cdpNativeOf(peer) : undefined;
      const own = oper === OPER_TRUNK ? cfg.nativeVlan : cfg.accessVlan;
      const mismatch = cdpPeer !== undefined && cdpPeer !== own ? cdpPeer : -1;
      if (mismatch >= 0 && mismatch !== sp.cdpPeerNative) sp.mismatchSince = this.ctx.sched.now;
      sp.cdpPeerNative = mismatch;
      if (!sp.up) {
        sp.security?.lineDown();
        sp.stpEdgeLost = false;
      }
    }
    if (channels !== null) this.settleChannels(changed);
    this.stp.update(config.spanningTree, db, (sp, id) => configuredFor(sp, id) && !hidden(sp));
    if (channels !== null) this.armGuard(channels);
    if (this.ctx.sched.now === 0) this.ctx.stpUnsettled = true;
    for (const id of [...this.vlans.keys()]) {
      if (db.has(id)) continue;
      this.ctx.macTables.removeVlan(this.macs, id, this.ctx.sched.now, this.maxAging);
      this.vlans.delete(id);
    }
    for (const id of db) {
      let vs = this.vlans.get(id);
      if (vs === undefined) {
        vs = new VlanState(id, this.ports.length);
        this.vlans.set(id, vs);
      }
      vs.members = [];
      vs.member.fill(0);
      vs.svi = null;
      for (const port of this.sw) {
        const sp = port;
        if (hidden(sp)) continue;
        const carries = configuredFor(sp, id) && !sp.stpBlock.includes(id) && this.stp.forwards(id, sp.index);
        if (carries) {
          vs.members.push(port);
          vs.member[port.index] = 1;
        }
      }
      // A bundle's other members take frames in as its first one does; only it floods.
      for (const sp of this.sw) if (hidden(sp)) vs.member[sp.index] = vs.member[sp.bundle!.primary.index]!;
    }
    for (const svi of this.sviList) {
      const vs = this.vlans.get(svi.vlan);
      // Autostate: the SVI's line protocol is up while its VLAN exists and has a port up in it.
      svi.up = svi.adminUp && vs !== undefined && vs.members.length > 0;
      if (svi.up && vs !== undefined) vs.svi = svi;
    }
    for (const lo of this.loopbacks) lo.up = lo.adminUp;
    for (const sp of this.sw) {
      this.resolveUntagged(sp);
      this.resolveCarried(sp);
    }
    this.dhcpClients?.refresh();
    this.reconfigureStack();
    this.stack.setStaticArps(config.staticArps ?? []);
    this.refreshOspf();
  }

  /** The IP layer's interfaces and routes, OSPF's included. */
  private reconfigureStack(): void {
    const config = this.config;
    this.stack.reconfigure(
      this.l3List,
      config.ipRouting,
      config.ipRouting ? this.withLeaseRoutes(this.statics) : this.statics,
      // A switch that does not route takes a lease's router as its gateway.
      config.ipRouting ? undefined : (config.defaultGateway ?? this.dhcpClients?.gateway()),
      config.ipRouting ? this.ospfRoutes : undefined,
    );
  }

  /** A routed port's state: no VLAN, no spanning tree block, its interface up with its line. */
  private refreshRouted(sp: SwitchPort, cfg: SwitchportConfig): void {
    // What it learned as a switch port is forgotten, as when a port changes VLAN.
    if (sp.oper !== OPER_ROUTED) this.flushPort(sp);
    sp.cfg = cfg;
    sp.oper = OPER_ROUTED;
    sp.peerNative = -1;
    sp.cdpPeerNative = -1;
    sp.stpBlock = NO_BLOCK;
    sp.stpEdgeLost = false;
    const iface = sp.routed!;
    iface.up = iface.adminUp && sp.up;
  }

  // ---- EtherChannel ----------------------------------------------------------------------

  /**
   * After DTP: a bundle's members run as its first member up does, and what was learned on a
   * port that joined or left a bundle (`changed`) is forgotten.
   */
  private settleChannels(changed: readonly SwitchPort[]): void {
    for (const sp of this.sw) {
      const bundle = sp.bundle;
      if (bundle !== null && sp !== bundle.links[0]) {
        // Every member runs as the first one up does, the bundle's first one too when down.
        const first = bundle.links[0]!;
        sp.oper = first.oper;
        sp.accessVlan = first.accessVlan;
        sp.nativeVlan = first.nativeVlan;
        sp.allowed = first.allowed;
        sp.stpBlock = first.stpBlock;
      }
    }
    for (const sp of changed) this.flushPort(sp);
  }

  /**
   * Arms the EtherChannel guard for each bundle in mode on that looks miswired, and only there:
   * it tells by the BPDUs the far end sends, so spanning tree runs at both ends.
   */
  private armGuard(channels: SwitchChannels): void {
    const guard = this.guard!;
    guard.keep(channels.createdAt);
    for (const group of channels.createdAt.keys()) {
      const bundle = channels.bundles.get(group);
      if (bundle !== undefined && this.guarded(bundle)) guard.arm(group);
      else guard.disarm(group);
    }
  }

  /** Whether the EtherChannel guard finds `bundle` miswired. */
  private guarded(bundle: Bundle): boolean {
    if (this.config.spanningTree?.etherchannelGuard === false) return false;
    if (this.config.interfaces[bundle.primary.name]?.channelGroup?.mode !== 'on') return false;
    if (!this.stp.runsOn(bundle.primary.index)) return false;
    const hears = bundle.links.some(
      (sp) => sp.peer?.owner instanceof Switch && sp.peer.owner.stp.runsOn(sp.peer.index),
    );
    return hears && misconfigured(bundle, this.channelHost().farEnd);
  }

  /** The guard's timer ran out on a group still miswired: its members are error-disabled. */
  private channelMisconfig(group: number): void {
    const channels = this.channels!;
    const bundle = channels.bundles.get(group);
    if (bundle === undefined || !this.guarded(bundle)) return;
    const ports = bundle.links.map((sp) => sp.name);
    for (const sp of bundle.links) {
      sp.errDisabled = CHANNEL_MISCONFIG;
      this.armRecovery(sp);
    }
    channels.push({
      kind: 'misconfig',
      at: this.ctx.sched.now as Micros,
      channel: portChannelName(group),
      ports,
    });
    this.ctx.linesChanged(this);
  }

  /** Refreshes the switches at the far end of its channel groups' members. */
  private readonly partnersMoved: EventTarget = {
    onEvent: () => {
      const peers = new Set<Switch>();
      for (const sp of this.sw) {
        const owner = sp.peer?.owner;
        if (owner instanceof Switch && this.config.interfaces[sp.name]?.channelGroup !== undefined)
          peers.add(owner);
      }
      for (const peer of peers) this.ctx.linesChanged(peer);
    },
  };

  private channelHost(): ChannelHost {
    const config = this.config;
    return {
      ports: this.sw,
      now: this.ctx.sched.now as Micros,
      loadBalance: config.loadBalance ?? DEFAULT_LOAD_BALANCE,
      configured: Object.keys(config.interfaces)
        .map(portChannelGroup)
        .filter((group) => group !== undefined),
      groupOf: (sp) => config.interfaces[sp.name]?.channelGroup,
      channel: (group) => {
        const c = config.interfaces[portChannelName(group)];
        return c === undefined
          ? undefined
          : { shutdown: c.shutdown, switchport: c.switchport ?? DEFAULT_SWITCHPORT };
      },
      switchportOf: (sp) => this.portCfg[sp.index]!,
      farEnd: (sp) => {
        const peer = sp.peer;
        if (!sp.up || peer === null || !(peer.owner instanceof Switch)) return null;
        return peer.owner.channelEnd(peer as SwitchPort);
      },
    };
  }

  /** What port `sp` tells its neighbour of its channel group, as LACP or PAgP would; null when in none. */
  private channelEnd(sp: SwitchPort): FarEnd | null {
    const g = this.config.interfaces[sp.name]?.channelGroup;
    if (g === undefined) return null;
    const po = this.config.interfaces[portChannelName(g.id)];
    const eligible =
      sp.up &&
      po?.shutdown !== true &&
      (po?.switchport === undefined || switchportMismatch(this.portCfg[sp.index]!, po.switchport) === null) &&
      this.channels?.states[sp.index]?.held !== true;
    const partner = {
      hostname: this.hostname,
      systemId: this.base,
      port: sp.name,
      portNumber: sp.index + 1,
      mode: g.mode,
      group: g.id,
    };
    return { partner, eligible };
  }

  /** The name a port goes by in the switch's tables: its bundle's Port-channel's, or its own. */
  private bridgeName(p: Port): string {
    return p.bundle === null ? p.name : portChannelName(p.bundle.group);
  }

  /** `show etherchannel`. */
  etherChannels(): EtherChannelsStatus {
    if (this.channels === null)
      return { loadBalance: this.config.loadBalance ?? DEFAULT_LOAD_BALANCE, channels: [] };
    return channelStatus(this.channels, this.config, this.sw);
  }

  protected override noteBundles(log: InterfaceLog): void {
    if (this.channels === null) return;
    for (const { name, state } of channelLines(this.channels, this.config))
      log.see(name, state.status, state.protocol);
  }

  readEtherChannel(since: number): SeqRead<EtherChannelEvent & { readonly seq: number }> {
    return this.channels === null ? { entries: [], next: 0, missed: 0 } : this.channels.read(since);
  }

  // ---- forwarding ------------------------------------------------------------------------

  /** Where untagged frames arriving on `sp` go, from its state after a refresh. */
  private resolveUntagged(sp: SwitchPort): void {
    if (sp.oper === OPER_DOWN) {
      sp.untagged = null;
      sp.untaggedDrop = 'port-down';
      return;
    }
    const vs = this.vlans.get(sp.oper === OPER_ACCESS ? sp.accessVlan : sp.nativeVlan);
    sp.untagged = vs !== undefined && vs.member[sp.index] === 1 ? vs : null;
    sp.untaggedDrop = vs === undefined ? 'vlan-inactive' : 'vlan-not-allowed';
  }

  /** The VLANs a trunk carries, for `taggedVlan`. */
  private resolveCarried(sp: SwitchPort): void {
    const carried =
      sp.oper === OPER_TRUNK ? [...this.vlans.values()].filter((vs) => vs.member[sp.index] === 1) : [];
    sp.setCarried(carried.map((vs) => [vs.id, vs] as const));
  }

  /** The VLAN a frame tagged `vid` joins on trunk `sp`; null when the trunk does not carry it. */
  private taggedVlan(sp: SwitchPort, vid: number): VlanState | null {
    const vs = sp.carrying(vid);
    if (vs !== undefined) return vs;
    const state = this.vlans.get(vid);
    return state !== undefined && state.member[sp.index] === 1 ? state : null;
  }

  // ---- forwarding ------------------------------------------------------------------------

  receive(port: Port, frame: EthernetFrame, frameId: number, len: number, tag: number, owned: number): void {
    const sp = port as SwitchPort;
    // A bundle's member takes frames in as the bundle, which its first member stands for.
    const bp = sp.bundle === null ? sp : this.intoBundle(sp);
    // Spanning tree's BPDUs go to the switch itself, on ports that forward or not.
    if (frame.dst >= FIRST_GROUP && frame.payload.proto === 'stp') {
      // A routed port runs no spanning tree: a BPDU is a multicast nothing listens to.
      if (sp.routed !== null) {
        this.drop(frameId, 'no-listener', sp.name);
        return;
      }
      if (!this.stp.receive(bp, frame, tag, this.config.spanningTree))
        this.floodBpdu(bp, frame, frameId, len, tag);
      return;
    }
    const vid = wireVid(frame, tag);
    // The VLAN's id is known from the port or the tag: `vs` is only passed along, and read when
    // a frame floods, reaches the SVI or meets a storm.
    let vs: VlanState | null;
    let vlan: number;
    if (vid <= 0 || (sp.oper === OPER_ACCESS && vid === sp.accessVlan)) {
      // Untagged, priority-tagged, or tagged with an access port's own VLAN.
      vs = sp.untagged;
      if (vs === null) {
        if (sp.oper === OPER_ROUTED) {
          this.routedIn(sp, frame, frameId, len, owned);
          return;
        }
        this.learnOnly(bp, sp.oper === OPER_ACCESS ? sp.accessVlan : sp.nativeVlan, frame);
        this.drop(frameId, sp.untaggedDrop, sp.name);
        return;
      }
      vlan = sp.oper === OPER_ACCESS ? sp.accessVlan : sp.nativeVlan;
    } else if (sp.oper === OPER_TRUNK) {
      vs = this.taggedVlan(sp, vid);
      if (vs === null) {
        this.learnOnly(bp, vid, frame);
        this.drop(frameId, this.vlans.has(vid) ? 'vlan-not-allowed' : 'vlan-inactive', sp.name);
        return;
      }
      vlan = vid;
    } else {
      this.drop(frameId, sp.oper === OPER_DOWN ? 'port-down' : 'vlan-not-allowed', sp.name);
      return;
    }
    const security = sp.security;
    if (security !== null && !this.secure(sp, security, frame.src, vlan, frameId)) return;
    if (this.staticMacs !== null && this.staticMacs.get(vlan)?.get(frame.src) === null) {
      this.drop(frameId, 'mac-filter', sp.name);
      return;
    }
    this.learn(vs, vlan, frame, bp);
    this.forward(vs, vlan, bp, frame, frameId, len, tag, owned);
  }

  /**
   * Port security's verdict on a frame from `src` in VLAN `vlan` arriving on `sp`: false when
   * it is dropped, having counted, logged and error-disabled the port as its mode says.
   */
  private secure(
    sp: SwitchPort,
    security: PortSecurity,
    src: MacAddr,
    vlan: number,
    frameId: number,
  ): boolean {
    const verdict = security.check(src, vlan, this.ctx.sched.now as Micros);
    if (verdict === SECURE_OK) {
      if (security.hasLearned) this.ctx.stickyLearned = true;
      return true;
    }
    this.drop(frameId, 'port-security', sp.name);
    if (security.violation === 'protect') return false;
    const shutdown = verdict === SECURE_SHUTDOWN;
    this.violationLog.push({
      seq: this.violationLog.nextSeq,
      at: this.ctx.sched.now as Micros,
      port: sp.name,
      mac: src,
      vlan,
      shutdown,
    });
    if (shutdown) {
      sp.errDisabled = PSECURE_VIOLATION;
      this.armRecovery(sp);
      this.ctx.linesChanged(this);
    }
    return false;
  }

  /** Sets or clears `sp`'s recovery timer, as its state and `errdisable recovery` say. */
  private armRecovery(sp: SwitchPort): void {
    const cause = sp.errDisabled;
    if (cause !== null && this.config.errdisableRecovery?.includes(cause) === true) {
      this.recovery.arm(sp, seconds(this.config.errdisableInterval ?? ERRDISABLE_INTERVAL));
    } else this.recovery.disarm(sp);
  }

  /** Its recovery timer ran out: the port leaves its error-disabled state and may come up. */
  private recoverPort(sp: SwitchPort): string {
    const cause = sp.errDisabled ?? '';
    sp.errDisabled = null;
    this.ctx.linesChanged(this);
    return cause;
  }

  readRecoveries(since: number): SeqRead<ErrRecovery> {
    return this.recovery.read(since);
  }

  /** A port in spanning tree's learning state learns the frame's source, and forwards nothing. */
  private learnOnly(sp: SwitchPort, vlan: number, frame: EthernetFrame): void {
    const vs = this.vlans.get(vlan);
    if (vs !== undefined && this.stp.learns(vlan, sp.index)) this.learn(vs, vlan, frame, sp);
  }

  /** Learns the frame's source address in VLAN `vlan` (see mac-table.ts on why the address is split). */
  private learn(vs: VlanState, vlan: number, frame: EthernetFrame, port: SwitchPort): void {
    const src = frame.src;
    if (isGroupMac(src)) return;
    // A static entry overrides learning, in its VLAN and any other.
    if (this.staticAddrs?.has(src) === true) return;
    const clock = this.ctx.sched;
    const macs = this.ctx.macTables;
    // Inline for the per-frame path's usual case: no VLAN with an aging time of its own.
    const aging = this.vlanAging === null ? this.aging : this.agingIn(vlan);
    const at = macs.find(this.macs, vlan, macHigh(src), macLow(src));
    if (at >= 0) {
      const fresh = macs.fresh(at, clock, aging);
      macs.touch(at, clock);
      const serial = port.serial;
      if (fresh && macs.port(at) === serial) return;
      if (fresh) this.noteFlap(vs, src, macs.port(at), serial, clock.now);
      macs.move(at, serial, clock);
    } else macs.insert(this.macs, vlan, src, port.serial, clock.now, this.maxAging);
    if (this.ctx.trace.enabled) this.traceLearned(vlan, src, port);
  }

  /** Kept out of `learn`, which stays small enough to be inlined. */
  private traceLearned(vlan: number, src: number, port: SwitchPort): void {
    const trace = this.ctx.trace;
    trace.emit({
      t: this.ctx.sched.now as Micros,
      seq: trace.nextSeq(),
      device: this.id,
      kind: 'mac-learned',
      mac: src as MacAddr,
      vlan,
      port: this.bridgeName(port),
    });
  }

  /**
   * Forwards a frame in VLAN `vs` (whose id is `vlan`) that came in on `inPort` (null: from the
   * switch's own SVI), `len` bytes with wire tag `tag`. A frame sent on by unicast stays `owned`
   * (see ownership.ts); a flooded one is shared.
   */
  private forward(
    vs: VlanState,
    vlan: number,
    inPort: SwitchPort | null,
    frame: EthernetFrame,
    frameId: number,
    len: number,
    tag: number,
    owned: number,
  ): void {
    const ctx = this.ctx;
    if (ctx.stormEpoch === ctx.topologyEpoch && vs.storm.active(ctx.topologyEpoch)) {
      this.drop(frameId, 'storm-limit', inPort?.name);
      return;
    }
    const dst = frame.dst;
    if (!isGroupMac(dst)) {
      const high = macHigh(dst);
      const low = macLow(dst);
      if (low === this.sviLow && high === this.sviHigh && vs.svi !== null) {
        this.toSvi(vs.svi, frame, frameId, len, owned);
        return;
      }
      if (this.staticMacs !== null) {
        const ports = this.staticMacs.get(vlan)?.get(dst);
        if (ports !== undefined) {
          this.forwardStatic(ports, vs, vlan, inPort, frame, frameId, len, tag, owned);
          return;
        }
      }
      const macs = ctx.macTables;
      const aging = this.vlanAging === null ? this.aging : this.agingIn(vlan);
      const at = macs.find(this.macs, vlan, high, low);
      if (at >= 0 && macs.fresh(at, ctx.sched, aging)) {
        const out = ctx.ports.at(macs.port(at)) as SwitchPort;
        if (out === inPort) {
          this.drop(frameId, 'filtered', out.name);
          return;
        }
        if (ctx.trace.enabled)
          this.traceForward(frameId, inPort, [(out.bundle === null ? out : out.bundle.pick(frame)).name]);
        this.egress(out, vlan, frame, frameId, len, tag, owned);
        return;
      }
    }
    this.flood(vs, inPort, frame, frameId, len, tag);
  }

  /** How long an address learned in `vlan` lasts. */
  private agingIn(vlan: number): number {
    return this.vlanAging?.get(vlan) ?? this.aging;
  }

  /**
   * Sends a frame for an address with a static entry in its VLAN to the entry's ports (those
   * that are up and carry the VLAN, but the one it came in by), or drops it (`drop`: null).
   */
  private forwardStatic(
    ports: SwitchPort[] | null,
    vs: VlanState,
    vlan: number,
    inPort: SwitchPort | null,
    frame: EthernetFrame,
    frameId: number,
    len: number,
    tag: number,
    owned: number,
  ): void {
    if (ports === null) {
      this.drop(frameId, 'mac-filter', inPort?.name);
      return;
    }
    // An entry naming a Port-channel names its members' first: the bundle, up while any member is.
    const out = ports
      .map((p) => (p.bundle === null ? p : p.bundle.primary))
      .filter((p) => p !== inPort && (p.up || p.bundle !== null) && vs.member[p.index] === 1);
    if (out.length === 0) {
      this.drop(frameId, 'filtered', inPort?.name);
      return;
    }
    if (this.ctx.trace.enabled)
      this.traceForward(
        frameId,
        inPort,
        out.map((p) => p.name),
      );
    for (const p of out) this.egress(p, vlan, frame, frameId, len, tag, out.length === 1 ? owned : SHARED);
  }

  /** Resolves the static entries' port names (a name it has no port for is left out). */
  private setStaticMacs(entries: readonly StaticMac[]): void {
    if (entries.length === 0) {
      this.staticMacs = null;
      this.staticAddrs = null;
      return;
    }
    const byName = new Map(this.sw.map((sp) => [sp.name, sp]));
    // A Port-channel by its first configured member, which stands for the bundle.
    for (const sp of [...this.sw].reverse()) {
      const group = this.config.interfaces[sp.name]?.channelGroup;
      if (group !== undefined) byName.set(portChannelName(group.id), sp);
    }
    const statics = new Map<number, Map<number, SwitchPort[] | null>>();
    for (const e of entries) {
      let inVlan = statics.get(e.vlan);
      if (inVlan === undefined) {
        inVlan = new Map();
        statics.set(e.vlan, inVlan);
      }
      const ports = e.interfaces?.flatMap((n) => byName.get(n) ?? []) ?? null;
      inVlan.set(e.mac, ports);
    }
    this.staticMacs = statics;
    this.staticAddrs = new Set(entries.map((e) => e.mac));
    // What was learned of them before goes: the static entries take their place.
    for (const mac of this.staticAddrs)
      this.ctx.macTables.remove(this.macs, { mac }, this.ctx.sched.now, this.maxAging);
  }

  /**
   * Floods within VLAN `vs`. The frame leaves tagged on trunks (other than for their native
   * VLAN) and untagged elsewhere; each form is worked out once.
   */
  private flood(
    vs: VlanState,
    inPort: SwitchPort | null,
    frame: EthernetFrame,
    frameId: number,
    len: number,
    tag: number,
  ): void {
    if (this.stormStarts(vs, frameId)) {
      this.drop(frameId, 'storm-limit', inPort?.name);
      return;
    }
    const vid = vs.id;
    const observed = this.ctx.observed();
    const inVid = wireVid(frame, tag);
    let taggedLen = -1;
    let taggedTag = 0;
    let tagged: EthernetFrame = frame;
    let untaggedLen = -1;
    let untaggedTag = 0;
    let untagged: EthernetFrame = frame;
    const members = vs.members;
    const to: string[] | null = this.ctx.trace.enabled ? [] : null;
    for (let i = 0; i < members.length; i++) {
      const out = members[i]!;
      // A bundle's first member stands for it even while down.
      if (out === inPort || (!out.up && out.bundle === null)) continue;
      const via = out.bundle === null ? out : out.bundle.pick(frame);
      if (to !== null) to.push(via.name);
      if (out.oper === OPER_TRUNK && vid !== out.nativeVlan) {
        if (taggedLen < 0) {
          taggedTag = inVid === vid ? tag : vid;
          taggedLen = retaggedLen(frame, len, inVid >= 0, true);
          // Whoever watches gets the frame as it is on the wire, one value for every port.
          if (observed && taggedTag !== TAG_AS_IS) {
            tagged = onWire(frame, taggedTag);
            taggedTag = TAG_AS_IS;
          }
        }
        via.send(tagged, frameId, taggedLen, taggedTag, SHARED);
      } else {
        if (untaggedLen < 0) {
          untaggedTag = untaggedOf(frame);
          untaggedLen = retaggedLen(frame, len, inVid >= 0, false);
          if (observed && untaggedTag !== TAG_AS_IS) {
            untagged = onWire(frame, untaggedTag);
            untaggedTag = TAG_AS_IS;
          }
        }
        via.send(untagged, frameId, untaggedLen, untaggedTag, SHARED);
      }
    }
    const svi = vs.svi;
    if (svi !== null && inPort !== null && isGroupMac(frame.dst)) {
      if (to !== null) to.push(svi.name);
      this.toSvi(svi, frame, frameId, len, SHARED);
    }
    if (to !== null) this.traceForward(frameId, inPort, to);
  }

  /** Sends a frame of VLAN `vid` out of `out`, tagged or not as the port wants. */
  private egress(
    to: SwitchPort,
    vid: number,
    frame: EthernetFrame,
    frameId: number,
    len: number,
    tag: number,
    owned: number,
  ): void {
    const out = to.bundle === null ? to : to.bundle.pick(frame);
    const inVid = wireVid(frame, tag);
    let outTag: number;
    let outLen: number;
    if (out.oper === OPER_TRUNK && vid !== out.nativeVlan) {
      // A tag that already names the VLAN stays as it came (priority bits included).
      outTag = inVid === vid ? tag : vid;
      outLen = retaggedLen(frame, len, inVid >= 0, true);
    } else {
      outTag = untaggedOf(frame);
      outLen = retaggedLen(frame, len, inVid >= 0, false);
    }
    out.send(frame, frameId, outLen, outTag, owned);
  }

  /**
   * A frame of `len` bytes for the switch itself (its IP layer reads the payload only): owned
   * when it came by unicast, so a switch with `ip routing` forwards it in place.
   */
  private toSvi(svi: L3Interface, frame: EthernetFrame, frameId: number, len: number, owned: number): void {
    svi.countRx(len);
    svi.lastInput = this.ctx.sched.now;
    this.stack.receive(svi, frame, frameId, owned);
  }

  /**
   * A frame arriving untagged on routed port `sp`: its IP layer takes it if it is for the
   * port's address or a group, as a router's port does.
   */
  private routedIn(sp: SwitchPort, frame: EthernetFrame, frameId: number, len: number, owned: number): void {
    const dst = frame.dst;
    if (!isGroupMac(dst) && !sp.isMine(dst)) {
      this.drop(frameId, 'not-for-us', sp.name);
      return;
    }
    this.stack.receive(sp.routed!, frame, frameId, owned, len);
  }

  /**
   * Frames the switch itself sends from a routed port go out of it untagged; from an SVI they
   * enter its VLAN like frames from a port; a loopback has nowhere to send them, as a router's.
   */
  transmitL3(iface: L3Interface, frame: EthernetFrame, frameId: number, owned: number, known = -1): void {
    const port = iface.port;
    if (port !== null) {
      port.send(frame, frameId, known >= 0 ? known : wireLen(frame), TAG_AS_IS, owned);
      return;
    }
    if (iface.loopback) {
      this.drop(frameId, 'no-route', iface.name);
      return;
    }
    const vs = this.vlans.get(iface.vlan);
    if (vs === undefined || vs.svi !== iface) {
      this.drop(frameId, 'vlan-inactive', iface.name);
      return;
    }
    const len = wireLen(frame);
    iface.countTx(len);
    iface.lastOutput = this.ctx.sched.now;
    this.forward(vs, vs.id, null, frame, frameId, len, TAG_AS_IS, owned);
  }

  /** Counts a flood in `vs`; true when it proves a storm, which then saturates the VLAN. */
  private stormStarts(vs: VlanState, frameId: number): boolean {
    const ctx = this.ctx;
    const epoch = ctx.topologyEpoch;
    const { stormWindow, stormThreshold } = ctx.options;
    if (!vs.storm.flood(ctx.sched.now, stormWindow, stormThreshold, frameId, epoch)) return false;
    ctx.stormEpoch = epoch;
    this.reportStorm(vs);
    // The storm reaches every switch of the broadcast domain, loop or not.
    const pending: VlanState[] = [vs];
    for (let v = pending.pop(); v !== undefined; v = pending.pop()) {
      for (const out of v.members) {
        const peer = out.peer;
        if (!out.up || peer === null || !(peer.owner instanceof Switch)) continue;
        const tagged = out.oper === OPER_TRUNK && v.id !== out.nativeVlan;
        const there = peer.owner.arrivalVlan(peer as SwitchPort, tagged ? v.id : -1);
        if (there !== null && there.storm.enter(epoch, ctx.sched.now)) {
          peer.owner.reportStorm(there);
          pending.push(there);
        }
      }
    }
    return true;
  }

  /** The VLAN a frame arriving on `sp` with VLAN id `vid` (-1: untagged) joins, as `receive` decides. */
  private arrivalVlan(sp: SwitchPort, vid: number): VlanState | null {
    if (vid < 0 || (sp.oper === OPER_ACCESS && vid === sp.accessVlan)) return sp.untagged;
    return sp.oper === OPER_TRUNK ? this.taggedVlan(sp, vid) : null;
  }

  /**
   * A fresh address moved from port `from` to `to` (serial numbers): logged at most once a
   * second per address.
   */
  private noteFlap(vs: VlanState, mac: number, from: number, to: number, now: number): void {
    const f = vs.flapping.get(mac);
    if (f !== undefined && now - f.last < FLAP_REPORT_INTERVAL) return;
    vs.flapping.set(mac, { from, to, last: now });
    this.pushFlap(vs.id, mac, from, to, now);
  }

  private pushFlap(vlan: number, mac: number, from: number, to: number, at: number): void {
    this.flaps.push({
      seq: this.flaps.nextSeq,
      at: at as Micros,
      mac: mac as MacAddr,
      vlan,
      from: this.ctx.ports.at(from).name,
      to: this.ctx.ports.at(to).name,
    });
  }

  /**
   * The MAC flap log from `since` on. While a storm saturates a VLAN its frames keep moving
   * the addresses that flapped as it started, and IOS keeps reporting them (a 2960 in a loop
   * names the same host again some 15-20 s later). The engine no longer moves those frames
   * one by one, so the repeats are added as the log is read: each such address every
   * FLAP_REPEAT, the two ports alternating.
   */
  readFlaps(since: number): SeqRead<MacFlap> {
    const now = this.ctx.sched.now;
    const epoch = this.ctx.topologyEpoch;
    const due: [at: number, vlan: number, mac: number, from: number, to: number][] = [];
    for (const vs of this.vlans.values()) {
      if (!vs.storm.active(epoch)) continue;
      for (const [mac, f] of vs.flapping) {
        // Only addresses caught in this storm, not one that moved once long before it.
        if (f.last < vs.storm.startedAt - FLAP_REPORT_INTERVAL) continue;
        // A log read after a long while gets the latest repeats only (it keeps so many).
        const missed = Math.floor((now - f.last) / FLAP_REPEAT) - FLAP_LOG_CAPACITY;
        if (missed > 0) f.last += missed * FLAP_REPEAT;
        for (let at = f.last + FLAP_REPEAT; at <= now; at += FLAP_REPEAT) {
          [f.from, f.to] = [f.to, f.from];
          f.last = at;
          due.push([at, vs.id, mac, f.from, f.to]);
        }
      }
    }
    due.sort((a, b) => a[0] - b[0] || a[1] - b[1] || a[2] - b[2]);
    for (const [at, vlan, mac, from, to] of due) this.pushFlap(vlan, mac, from, to, at);
    return this.flaps.read(since);
  }

  /** The port-security violation log from `since` on. */
  readViolations(since: number): SeqRead<SecurityViolation> {
    return this.violationLog.read(since);
  }

  portSecurity(): PortSecurityStatus[] {
    const out: PortSecurityStatus[] = [];
    for (const sp of this.sw) {
      const s = sp.security;
      if (s === null) continue;
      out.push({
        port: sp.name,
        status:
          sp.errDisabled === PSECURE_VIOLATION ? 'secure-shutdown' : sp.up ? 'secure-up' : 'secure-down',
        violations: s.violations,
        lastSource: s.lastMac < 0 ? undefined : { mac: s.lastMac as MacAddr, vlan: s.lastVlan },
        addresses: s.addresses(this.ctx.sched.now as Micros).map(({ since: _since, ...a }) => a),
      });
    }
    return out;
  }

  clearPortSecurity(filter: SecureAddressFilter): void {
    for (const sp of this.sw) {
      if (sp.security === null || (filter.port !== undefined && sp.name !== filter.port)) continue;
      for (const a of sp.security.clear(filter.kinds, filter.mac))
        this.clearMacTable({ mac: a.mac, vlan: a.vlan, port: sp.name });
    }
  }

  takeStickyLearned(): Map<string, SecureMac[]> {
    const out = new Map<string, SecureMac[]>();
    for (const sp of this.sw) {
      const learned = sp.security?.takeLearned() ?? [];
      if (learned.length > 0) out.set(sp.name, learned);
    }
    return out;
  }

  private reportStorm(vs: VlanState): void {
    const trace = this.ctx.trace;
    if (!trace.enabled) return;
    trace.emit({
      t: this.ctx.sched.now as Micros,
      seq: trace.nextSeq(),
      device: this.id,
      kind: 'storm',
      vlan: vs.id,
      frames: vs.storm.floodsInWindow,
    });
  }

  /** Traces the start of a PVST+ block for a native VLAN mismatch on `sp` (stp-inconsistency.ts). */
  private traceMismatch(sp: SwitchPort): void {
    const trace = this.ctx.trace;
    const peer = sp.peer;
    if (!trace.enabled || peer === null) return;
    trace.emit({
      t: this.ctx.sched.now as Micros,
      seq: trace.nextSeq(),
      device: this.id,
      kind: 'native-vlan-mismatch',
      port: sp.name,
      nativeVlan: sp.nativeVlan,
      peerDevice: peer.owner.id,
      peerPort: peer.name,
      peerNativeVlan: sp.peerNative,
    });
  }

  private traceForward(frameId: number, inPort: Port | null, to: string[]): void {
    const trace = this.ctx.trace;
    // A frame that came in by a bundle came in by the member it arrived on.
    const from = inPort === null ? 'CPU' : inPort.bundle === null ? inPort.name : this.arrivedOn.name;
    trace.emit({
      t: this.ctx.sched.now as Micros,
      seq: trace.nextSeq(),
      device: this.id,
      kind: 'forward',
      frameId,
      from,
      to,
    });
  }

  /** A frame arrives on a bundle's member `sp`: the bundle takes it in (see `arrivedOn`). */
  private intoBundle(sp: SwitchPort): SwitchPort {
    this.arrivedOn = sp;
    return sp.bundle!.primary;
  }

  private flushPort(port: Port): void {
    this.ctx.macTables.removePort(this.macs, port.serial, this.ctx.sched.now, this.maxAging);
  }

  // ---- queries ---------------------------------------------------------------------------

  /** Trunks whose neighbour disagrees on the native VLAN (what CDP would report). */
  nativeVlanMismatches(): NativeVlanMismatch[] {
    const out: NativeVlanMismatch[] = [];
    for (const sp of this.sw) {
      const port = sp;
      if (sp.cdpPeerNative < 0 || port.peer === null) continue;
      out.push({
        port: port.name,
        nativeVlan: sp.oper === OPER_TRUNK ? sp.nativeVlan : sp.accessVlan,
        peerDevice: port.peer.owner.id,
        peerHostname: port.peer.owner.hostname,
        peerPort: port.peer.name,
        peerNativeVlan: sp.cdpPeerNative,
        since: sp.mismatchSince as Micros,
      });
    }
    return out;
  }

  interfaces(): InterfaceStatus[] {
    const out: InterfaceStatus[] = this.sw.map((sp) => {
      const view = interfaceView(
        sp.name,
        sp.mac,
        sp.routed?.ip,
        portStatus(sp),
        sp.link !== null,
        sp.up ? sp.negotiatedSpeed : sp.lastSpeed > 0 ? sp.lastSpeed : NEVER_LINKED_SPEED,
        sp.duplex,
        this.withStorm(sp, portTraffic(sp)),
        this.lastChange(sp.name),
        this.bootedAt,
        {
          switchportOperMode: !sp.up
            ? 'down'
            : sp.oper === OPER_TRUNK
              ? 'trunk'
              : sp.oper === OPER_ACCESS
                ? 'access'
                : 'down',
          switchportAdminMode: this.portCfg[sp.index]!.mode,
          errDisabled: sp.errDisabled ?? undefined,
          errRecoveryAt: this.recovery.dueAt(sp),
        },
      );
      return this.stpHolds(sp) ? { ...view, stpBlocked: true as const } : view;
    });
    out.push(
      ...(this.channels === null
        ? []
        : channelViews(this.channels, this.config, this.sw, {
            lastChange: (name) => this.lastChange(name),
            bootedAt: this.bootedAt,
            idleSpeed: NEVER_LINKED_SPEED,
          })),
    );
    for (const svi of [...this.svis.values()].sort((a, b) => a.vlan - b.vlan)) {
      out.push(logicalView(svi, false, SVI_BANDWIDTH, this.lastChange(svi.name), this.bootedAt));
    }
    for (const lo of this.loopbacks)
      out.push(logicalView(lo, false, LOOPBACK_BANDWIDTH, this.lastChange(lo.name), this.bootedAt));
    return out;
  }

  /** Whether spanning tree keeps `sp`, up, from forwarding in every VLAN it would carry. */
  private stpHolds(sp: SwitchPort): boolean {
    if (!sp.up || sp.oper === OPER_DOWN) return false;
    let carried = false;
    for (const vs of this.vlans.values()) {
      if (vs.member[sp.index] === 1) return false;
      if (configuredFor(sp, vs.id)) carried = true;
    }
    return carried && this.stp.holds(sp.index);
  }

  /**
   * A port carrying a VLAN in a storm is saturated: it sends minimum-size broadcasts at line
   * rate since the storm started, and receives as many from a switch at the other end (which
   * the storm reaches too). The engine stops simulating those frames one by one, so the
   * counters add them here, as `show interfaces` on a real looped switch shows them.
   */
  private withStorm(sp: SwitchPort, traffic: Traffic): Traffic {
    const storm = this.stormTraffic(sp);
    if (storm === null) return traffic;
    const now = this.ctx.sched.now;
    return {
      counters: addCounters(traffic.counters, storm.counters, 1),
      lastInput: storm.fromSwitch ? now : traffic.lastInput,
      lastOutput: now,
      cleared: traffic.cleared,
      rates: traffic.rates,
    };
  }

  /** What a storm sent and received on the port so far (see `withStorm`); null if none. */
  private stormTraffic(sp: SwitchPort): { counters: InterfaceCounters; fromSwitch: boolean } | null {
    if (!sp.up) return null;
    const epoch = this.ctx.topologyEpoch;
    let since = Number.POSITIVE_INFINITY;
    for (const vs of this.vlans.values())
      if (vs.member[sp.index] === 1 && vs.storm.active(epoch)) since = Math.min(since, vs.storm.startedAt);
    if (since === Number.POSITIVE_INFINITY) return null;
    const frames = Math.floor(((this.ctx.sched.now - since) / 1e6) * (sp.speed / (STORM_FRAME_ON_WIRE * 8)));
    const fromSwitch = sp.peer !== null && sp.peer.owner instanceof Switch;
    const counters: InterfaceCounters = {
      rxFrames: fromSwitch ? frames : 0,
      txFrames: frames,
      rxBytes: fromSwitch ? frames * STORM_FRAME : 0,
      txBytes: frames * STORM_FRAME,
      rxBroadcasts: fromSwitch ? frames : 0,
      rxMulticasts: 0,
      txBroadcasts: frames,
      txMulticasts: 0,
      drops: 0,
    };
    return { counters, fromSwitch };
  }

  protected override samplePort(p: Port): void {
    const storm = this.stormTraffic(p as SwitchPort);
    if (storm === null) super.samplePort(p);
    else {
      const s = storm.counters;
      p.rates.sample(
        p.rxFrames + s.rxFrames,
        p.rxBytes + s.rxBytes,
        p.txFrames + s.txFrames,
        p.txBytes + s.txBytes,
      );
    }
  }

  override macTable(): MacEntry[] {
    const now = this.ctx.sched.now;
    const out: MacEntry[] = [];
    // A secure port's addresses are static entries while it is up, learned or typed.
    const secure = new Set<string>();
    for (const sp of this.sw) {
      if (sp.security === null || !sp.up) continue;
      for (const a of sp.security.addresses(now as Micros)) {
        secure.add(`${a.vlan}/${a.mac}`);
        out.push({ vlan: a.vlan, mac: a.mac, port: sp.name, type: 'STATIC', learnedAt: now as Micros });
      }
    }
    for (const e of this.config.staticMacs ?? []) {
      const ports = e.interfaces ?? [];
      out.push({
        vlan: e.vlan,
        mac: e.mac,
        port: ports[0] ?? '',
        ...(ports.length > 1 ? { ports } : {}),
        ...(e.interfaces === undefined ? { drop: true as const } : {}),
        type: 'STATIC',
        learnedAt: now as Micros,
      });
    }
    const macs = this.ctx.macTables;
    for (const [mac, vlan, at] of macs.entries(this.macs, now, this.maxAging)) {
      if (secure.has(`${vlan}/${mac}`) || !macs.fresh(at, this.ctx.sched, this.agingIn(vlan))) continue;
      out.push({
        vlan,
        mac: mac as MacAddr,
        port: this.bridgeName(this.ctx.ports.at(macs.port(at))),
        type: 'DYNAMIC',
        learnedAt: macs.learned(at) as Micros,
      });
    }
    out.sort((a, b) => a.vlan - b.vlan || a.mac - b.mac);
    return out;
  }

  /** `clear spanning-tree detected-protocols [port]`; false when it has no such port. */
  clearDetectedProtocols(port?: string): boolean {
    if (port === undefined) {
      this.stp.migrate(undefined);
      return true;
    }
    // A Port-channel's spanning tree runs on the member that stands for it.
    const sp =
      this.sw.find((p) => p.name === port && p.bundle === null) ??
      this.sw.find((p) => p.bundle?.primary === p && portChannelName(p.bundle.group) === port);
    if (sp === undefined) return false;
    this.stp.migrate(sp.index);
    return true;
  }

  override clearMacTable(filter?: MacTableFilter): void {
    const macs = this.ctx.macTables;
    if (filter === undefined) {
      macs.clear(this.macs);
      return;
    }
    // A Port-channel's addresses are learned on the member that stands for it.
    const port =
      filter.port === undefined
        ? undefined
        : (this.ports.find((p) => p.name === filter.port && p.bundle === null) ??
          this.sw.find((p) => p.bundle?.primary === p && portChannelName(p.bundle.group) === filter.port));
    // A port it does not have holds no entry.
    if (filter.port !== undefined && port === undefined) return;
    macs.remove(
      this.macs,
      {
        ...(filter.mac !== undefined ? { mac: filter.mac } : {}),
        ...(filter.vlan !== undefined ? { vlan: filter.vlan } : {}),
        ...(port !== undefined ? { port: port.serial } : {}),
      },
      this.ctx.sched.now,
      this.maxAging,
    );
  }

  /** Port-channels after the ports, as IOS lists them (by their interface index). */
  private static channelsLast<T>(items: T[], name: (t: T) => string): T[] {
    const channel = (t: T) => (portChannelGroup(name(t)) === undefined ? 0 : 1);
    return items.sort((a, b) => channel(a) - channel(b));
  }

  override trunks(): TrunkStatus[] {
    const out: TrunkStatus[] = [];
    const db = [...this.vlans.keys()];
    for (const sp of this.sw) {
      const port = sp;
      if (sp.oper !== OPER_TRUNK || hidden(sp)) continue;
      const active = normalizeVlans(db.filter((v) => hasVlan(sp.allowed, v)).map((v) => [v, v] as const));
      out.push({
        port: this.bridgeName(port),
        mode: sp.cfg.mode === 'trunk' ? 'on' : sp.cfg.mode === 'dynamic-desirable' ? 'desirable' : 'auto',
        encapsulation: '802.1q',
        status: 'trunking',
        nativeVlan: sp.nativeVlan,
        allowed: sp.allowed,
        active,
        forwarding: normalizeVlans(
          db
            .filter(
              (v) => hasVlan(sp.allowed, v) && !sp.stpBlock.includes(v) && this.stp.forwards(v, sp.index),
            )
            .map((v) => [v, v] as const),
        ),
      });
    }
    return Switch.channelsLast(out, (t) => t.port);
  }

  override vlanPorts(): Map<number, string[]> {
    const out = new Map<number, string[]>();
    for (const id of [...this.vlans.keys()].sort((a, b) => a - b)) out.set(id, []);
    for (const sp of this.sw) {
      const port = sp;
      if (sp.oper === OPER_TRUNK || sp.routed !== null || hidden(sp)) continue;
      out.get(this.portCfg[port.index]!.accessVlan)?.push(shortInterfaceName(this.bridgeName(port)));
    }
    for (const ports of out.values()) Switch.channelsLast(ports, (p) => p);
    return out;
  }
}
