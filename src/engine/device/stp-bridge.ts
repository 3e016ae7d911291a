/**
 * A switch's PVST+ instances (stp.ts), or rapid PVST+ ones (rstp.ts), one per VLAN of its
 * database with spanning tree on and a port up in it, and how their BPDUs travel (Cisco's PVST+
 * and rapid PVST+ frame them alike, as Catalysts send them):
 *
 * - an access port sends IEEE BPDUs (LLC 42-42-03, to 01-80-C2-00-00-00) for its VLAN, untagged;
 * - a trunk sends each VLAN's as an SSTP BPDU (SNAP 00-00-0C 01-0B, to 01-00-0C-CC-CC-CD)
 *   naming the VLAN in a TLV, tagged but for the native VLAN's, and VLAN 1's also as an IEEE
 *   BPDU, untagged, for bridges that run one spanning tree.
 *
 * A trunk takes a VLAN's information from the SSTP BPDU; one that names another VLAN than the
 * one it arrives in is a native VLAN mismatch, which stp-inconsistency.ts blocks. A VLAN with
 * spanning tree off (`no spanning-tree vlan N`) floods BPDUs like any multicast.
 *
 * BPDU filtering (Catalyst 2960 configuration guide): `spanning-tree bpdufilter enable` drops
 * every BPDU that arrives on the port, before BPDU guard sees it, and the port sends none, as
 * if spanning tree did not run there. `spanning-tree portfast bpdufilter default` acts on edge
 * ports only: they stop sending BPDUs after a few at link-up, and one arriving makes the port
 * an ordinary one until its link goes down (BPDU guard, if on, acts on it first). Under rapid
 * PVST+ any BPDU does that to an edge port ("an edge port that receives a BPDU immediately
 * loses edge port status": Cisco's "Understanding Rapid Spanning Tree Protocol").
 */
import type { MacAddr } from '../../shared/mac.ts';
import type { PortStpConfig, SpanningTreeConfig } from '../../shared/spanning-tree.ts';
import {
  FILTER_EDGE,
  FILTER_OFF,
  FILTER_ON,
  stpBpdufilter,
  stpBpduguard,
  stpEdge,
  stpLoopGuard,
  stpPointToPoint,
  stpPortCost,
  stpPortPriority,
  stpRootGuard,
  stpVlanSettings,
} from '../../shared/spanning-tree.ts';
import type { StpInstanceStatus, StpPortStatus } from '../api.ts';
import { wireLen } from '../frame-size.ts';
import { dot1qTag, ethernet } from '../packets.ts';
import type { SimContext } from '../sim/context.ts';
import type { EthernetFrame } from '../wire/ethernet.ts';
import { hasConfig, STP_IEEE_MAC, STP_PVST_MAC, type StpBpdu, stpBpdu, stpLen } from '../wire/stp.ts';
import { SHARED } from './ownership.ts';
import { RstpInstance } from './rstp.ts';
import { StpInstance, type StpPortSettings, type StpSwitch } from './stp.ts';
import { OPER_ACCESS, OPER_DOWN, OPER_TRUNK, type SwitchPort } from './switch-port.ts';
import { TAG_AS_IS, wireVid } from './wire-tag.ts';

/** The same BPDU framed another way. */
const framed = (b: StpBpdu, encap: 'ieee' | 'pvst', pvid: number): StpBpdu =>
  stpBpdu({ ...b, encap, pvid: encap === 'pvst' && hasConfig(b.type) ? pvid : -1 });

/**
 * How spanning tree sees a port: its name, number and speed, which for an EtherChannel's
 * first member are the bundle's (etherchannel.ts).
 */
export interface StpPortView {
  /** Whether it is up: a bundle is while any member is. */
  up(sp: SwitchPort): boolean;
  name(sp: SwitchPort): string;
  number(sp: SwitchPort): number;
  speed(sp: SwitchPort): number;
  /** Its `spanning-tree ...` interface settings: a bundle's are its Port-channel's. */
  config(sp: SwitchPort): PortStpConfig | undefined;
}

export class SwitchStp {
  private readonly instances = new Map<number, StpInstance>();
  /** The protocol the instances run: `spanning-tree mode`. */
  private rapid = false;

  constructor(
    private readonly ctx: SimContext,
    private readonly bridgeMac: MacAddr,
    private readonly ports: readonly SwitchPort[],
    private readonly host: StpSwitch,
    private readonly view: StpPortView,
  ) {}

  /**
   * Works the instances out again from the ports' states after a refresh: `carries(port, vlan)`
   * says whether a port that is up carries a VLAN by its configuration; `vlans`, the database.
   */
  update(
    config: SpanningTreeConfig | undefined,
    vlans: Iterable<number>,
    carries: (sp: SwitchPort, vlan: number) => boolean,
  ): void {
    // Another mode starts every instance over, as IOS restarts spanning tree.
    const rapid = config?.mode === 'rapid-pvst';
    if (rapid !== this.rapid) {
      for (const vlan of this.instances.keys()) this.host.agingChanged(vlan, 0);
      this.dispose();
      this.rapid = rapid;
      // PortFast a BPDU took away comes back with the restart (802.1D-2004 17.25: AdminEdge).
      for (const sp of this.ports) sp.stpEdgeLost = false;
    }
    const wanted = new Map<number, StpPortSettings[]>();
    for (const vlan of vlans) {
      if (!stpVlanSettings(config, vlan).enabled) continue;
      const ports: StpPortSettings[] = [];
      // A port held for a miswired trunk keeps its VLAN's instance in being, as IOS shows it
      // (BKN*), though it takes no part in it.
      let held = false;
      for (const sp of this.ports) {
        if (sp.oper === OPER_DOWN || !this.view.up(sp) || !carries(sp, vlan)) continue;
        if (sp.stpBlock.includes(vlan)) {
          held = true;
          continue;
        }
        const pc = this.view.config(sp);
        ports.push({
          index: sp.index,
          priority: stpPortPriority(pc, vlan),
          number: this.view.number(sp),
          cost: stpPortCost(pc, vlan, this.view.speed(sp)),
          ...this.features(sp, pc, config),
        });
      }
      if (ports.length > 0 || held) wanted.set(vlan, ports);
    }
    for (const [vlan, inst] of this.instances) {
      if (wanted.has(vlan)) continue;
      inst.dispose();
      this.instances.delete(vlan);
      this.host.agingChanged(vlan, 0);
    }
    for (const [vlan, ports] of wanted) {
      const settings = stpVlanSettings(config, vlan);
      let inst = this.instances.get(vlan);
      if (inst === undefined) {
        inst = rapid
          ? new RstpInstance(vlan, this.bridgeMac, settings, this.host)
          : new StpInstance(vlan, this.bridgeMac, settings, this.host);
        this.instances.set(vlan, inst);
      } else inst.configure(settings);
      const keep = new Set(ports.map((p) => p.index));
      inst.ports.forEach((p, i) => {
        if (p !== undefined && !keep.has(i)) inst.removePort(i);
      });
      for (const p of ports) {
        // An EtherChannel takes its first member's index but is another port to spanning tree
        // (Po1's number, not Fa0/23's): it starts over, listening and learning, as on IOS.
        const cur = inst.ports[p.index];
        if (cur !== undefined && (cur.portId & 0xfff) !== (p.number & 0xfff)) inst.removePort(p.index);
        inst.setPort(p);
      }
    }
  }

  /** What runs on `sp` whatever the VLAN: PortFast, the link type, the guards and filtering. */
  private features(
    sp: SwitchPort,
    pc: PortStpConfig | undefined,
    config: SpanningTreeConfig | undefined,
  ): Pick<StpPortSettings, 'edge' | 'p2p' | 'bpduguard' | 'rootGuard' | 'loopGuard' | 'filter'> {
    const edge = this.edge(sp, pc, config);
    const p2p = stpPointToPoint(pc, sp.duplex === 'half');
    return {
      edge,
      p2p,
      bpduguard: stpBpduguard(pc, config, edge),
      rootGuard: stpRootGuard(pc),
      // Loop guard does not act on a shared segment.
      loopGuard: stpLoopGuard(pc, config, edge, p2p),
      filter: stpBpdufilter(pc, config, edge),
    };
  }

  /** Whether `sp` is an edge port: PortFast in effect, and not lost to a BPDU (`receive`). */
  private edge(
    sp: SwitchPort,
    pc: PortStpConfig | undefined,
    config: SpanningTreeConfig | undefined,
  ): boolean {
    return !sp.stpEdgeLost && stpEdge(pc, config, sp.oper === OPER_TRUNK);
  }

  /** Whether port `index` forwards in `vlan`: always, where no instance runs. */
  forwards(vlan: number, index: number): boolean {
    const inst = this.instances.get(vlan);
    return inst === undefined || inst.forwards(index);
  }

  /**
   * Whether port `index` takes part in some VLAN's spanning tree and so sends and hears BPDUs
   * (not a port that filters them).
   */
  runsOn(index: number): boolean {
    for (const inst of this.instances.values()) {
      const p = inst.ports[index];
      if (p !== undefined && p.filter !== FILTER_ON) return true;
    }
    return false;
  }

  /** Whether port `index` is in some instance and forwards in none. */
  holds(index: number): boolean {
    let any = false;
    for (const inst of this.instances.values()) {
      if (inst.ports[index] === undefined) continue;
      if (inst.forwards(index)) return false;
      any = true;
    }
    return any;
  }

  /** Whether port `index` learns addresses without forwarding in `vlan`. */
  learns(vlan: number, index: number): boolean {
    return this.instances.get(vlan)?.learns(index) === true;
  }

  /**
   * A BPDU arrived on `sp`: true when spanning tree took it (or dropped it), false when it is
   * to be flooded (its VLAN runs no spanning tree).
   */
  receive(
    sp: SwitchPort,
    frame: EthernetFrame,
    tag: number,
    config: SpanningTreeConfig | undefined,
  ): boolean {
    const b = frame.payload as StpBpdu;
    const vid = wireVid(frame, tag);
    // Filtering and BPDU guard are the port's, whatever VLAN the BPDU is for and whether it
    // runs spanning tree.
    const pc = this.view.config(sp);
    const edge = this.edge(sp, pc, config);
    const filter = stpBpdufilter(pc, config, edge);
    if (filter === FILTER_ON) return true;
    if (stpBpduguard(pc, config, edge)) {
      this.host.bpduGuard(sp.index, vid > 0 ? vid : sp.oper === OPER_TRUNK ? sp.nativeVlan : sp.accessVlan);
      return true;
    }
    // Under default filtering, and under rapid PVST+ whatever the filtering (802.1D-2004 17.25:
    // an edge port that hears a BPDU is not one), the port is no edge port until its link goes down.
    if (filter === FILTER_EDGE || (edge && this.rapid)) {
      sp.stpEdgeLost = true;
      for (const inst of this.instances.values()) inst.loseEdge(sp.index);
      this.host.statesChanged();
    }
    let vlan: number;
    if (b.encap === 'ieee') {
      if (frame.dst !== STP_IEEE_MAC) return false;
      vlan = sp.oper === OPER_ACCESS ? sp.accessVlan : 1;
      if (!stpVlanSettings(config, vlan).enabled) return false;
      // On a trunk, VLAN 1's information comes in its SSTP BPDU.
      if (sp.oper !== OPER_ACCESS || vid > 0) return true;
    } else {
      if (frame.dst !== STP_PVST_MAC) return false;
      vlan = vid > 0 ? vid : sp.oper === OPER_TRUNK ? sp.nativeVlan : sp.accessVlan;
      if (!stpVlanSettings(config, vlan).enabled) return false;
      // An access port facing a trunk, or a BPDU from another native VLAN: PVST+ inconsistencies.
      if (sp.oper !== OPER_TRUNK || (b.pvid >= 0 && b.pvid !== vlan)) return true;
    }
    this.instances.get(vlan)?.receive(sp.index, b);
    return true;
  }

  /** Sends `vlan`'s BPDU out of port `index`, framed as the port's mode wants. */
  send(index: number, vlan: number, b: StpBpdu): void {
    const sp = this.ports[index]!;
    // A bundle's BPDUs leave by its first member up.
    const out = sp.bundle === null ? sp : sp.bundle.links[0]!;
    for (const frame of this.frames(sp, vlan, b, true))
      out.send(frame, this.ctx.nextFrameId(), wireLen(frame), TAG_AS_IS, SHARED);
  }

  /**
   * Delivers at once what port `index` sends, to the switch at the other end (stp-settle.ts).
   * A trunk's IEEE copy of VLAN 1's BPDU is left out: a trunk takes VLAN 1's from SSTP.
   */
  deliverNow(
    index: number,
    vlan: number,
    b: StpBpdu,
    to: (peer: SwitchPort, frame: EthernetFrame) => void,
  ): void {
    const sp = this.ports[index]!;
    const out = sp.bundle === null ? sp : sp.bundle.links[0]!;
    const peer = out.peer as SwitchPort | null;
    if (!out.up || peer === null) return;
    for (const frame of this.frames(sp, vlan, b, false)) to(peer, frame);
  }

  /** The frames that carry `vlan`'s BPDU out of `sp` (`ieeeOnTrunk`: VLAN 1's IEEE copy too). */
  private frames(sp: SwitchPort, vlan: number, b: StpBpdu, ieeeOnTrunk: boolean): EthernetFrame[] {
    const frame = (dst: number, v: number | undefined, bpdu: StpBpdu) =>
      ethernet(dst as MacAddr, sp.mac, v === undefined ? undefined : dot1qTag(v), stpLen(bpdu), bpdu);
    if (sp.oper === OPER_ACCESS) return [frame(STP_IEEE_MAC, undefined, framed(b, 'ieee', -1))];
    if (sp.oper !== OPER_TRUNK) return [];
    const sstp = frame(STP_PVST_MAC, vlan === sp.nativeVlan ? undefined : vlan, framed(b, 'pvst', vlan));
    return vlan === 1 && ieeeOnTrunk ? [frame(STP_IEEE_MAC, undefined, framed(b, 'ieee', -1)), sstp] : [sstp];
  }

  /** `clear spanning-tree detected-protocols`: port `index`, or every port, speaks RSTP again. */
  migrate(index: number | undefined): void {
    for (const inst of this.instances.values()) if (inst instanceof RstpInstance) inst.migrate(index);
  }

  announce(): void {
    for (const inst of this.instances.values()) inst.announce();
  }

  settled(): void {
    for (const inst of this.instances.values()) inst.settled();
  }

  dispose(): void {
    for (const inst of this.instances.values()) inst.dispose();
    this.instances.clear();
  }

  /** `show spanning-tree`: each instance, with the ports PVST+ holds for a miswired trunk. */
  status(aging: (vlan: number) => number, config: SpanningTreeConfig | undefined): StpInstanceStatus[] {
    const names = this.ports.map((p) => this.view.name(p));
    return [...this.instances.values()]
      .sort((a, b) => a.vlan - b.vlan)
      .map((inst) => {
        const held: StpPortStatus[] = this.ports
          .filter(
            (sp) =>
              sp.up && sp.stpBlock.includes(inst.vlan) && (sp.bundle === null || sp.bundle.primary === sp),
          )
          .map((sp) => {
            const pc = this.view.config(sp);
            const f = this.features(sp, pc, config);
            return {
              port: this.view.name(sp),
              role: 'designated',
              state: 'broken',
              cost: stpPortCost(pc, inst.vlan, this.view.speed(sp)),
              priority: stpPortPriority(pc, inst.vlan),
              number: this.view.number(sp),
              edge: f.edge,
              ...(f.p2p ? {} : { shared: true as const }),
              bpduguard: f.bpduguard,
              bpdufilter: f.filter !== FILTER_OFF,
              rootGuard: f.rootGuard,
              loopGuard: f.loopGuard,
              inconsistent: sp.peerNative >= 0 ? 'pvid' : 'type',
              designatedRootPriority: inst.rootPri,
              designatedRootMac: inst.rootMac as MacAddr,
              designatedCost: inst.rootCost,
              designatedBridgePriority: inst.bridgePri,
              designatedBridgeMac: inst.bridgeMac as MacAddr,
              designatedPort: (stpPortPriority(pc, inst.vlan) << 8) | this.view.number(sp),
              bpdusSent: 0,
              bpdusReceived: 0,
              messageAgeTimer: 0,
              forwardDelayTimer: 0,
              forwardTransitions: 0,
            };
          });
        return inst.status(names, aging(inst.vlan) / 1e6, held);
      });
  }
}
