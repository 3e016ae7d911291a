/**
 * A router's HSRP groups (hsrp.ts) on its interfaces: made and removed with its configuration,
 * started and stopped with its interfaces' lines, fed the hellos that come in on UDP port 1985,
 * and answering for the addresses and MAC addresses of the groups it is active for.
 */
import type { DeviceConfig } from '../../shared/config.ts';
import type { MacAddr } from '../../shared/mac.ts';
import type { HsrpEvent, HsrpGroupStatus, HsrpState } from '../api.ts';
import { ipv4, udp } from '../packets.ts';
import { ARP_REPLY } from '../wire/arp.ts';
import {
  decodeHsrp,
  encodeHsrp,
  HSRP_ACTIVE,
  HSRP_INITIAL,
  HSRP_LEARN,
  HSRP_LISTEN,
  HSRP_PORT,
  HSRP_SPEAK,
  HSRP_STANDBY,
  HSRP_V1_GROUP_ADDR,
  HSRP_V1_GROUP_MAC,
  type HsrpMessage,
  hsrpMessage,
} from '../wire/hsrp.ts';
import {
  decodeHsrp2,
  encodeHsrp2,
  HSRP_V2_GROUP_ADDR,
  HSRP_V2_GROUP_MAC,
  HSRP2_ACTIVE,
  HSRP2_INITIAL,
  HSRP2_LEARN,
  HSRP2_LISTEN,
  HSRP2_SPEAK,
  HSRP2_STANDBY,
  type Hsrp2Message,
} from '../wire/hsrp2.ts';
import type { Ipv4Packet } from '../wire/ipv4.ts';
import { IPPROTO_UDP } from '../wire/ipv4.ts';
import type { UdpDatagram } from '../wire/udp.ts';
import { HsrpGroup, type HsrpHost } from './hsrp.ts';
import type { IpStack, UdpListener } from './ip-stack.ts';
import type { L3Interface } from './l3-interface.ts';

const BROADCAST_MAC = 0xffff_ffff_ffff;

/** Version 1's states and version 2's, one for one. */
const V2_STATES: readonly (readonly [number, number])[] = [
  [HSRP_INITIAL, HSRP2_INITIAL],
  [HSRP_LEARN, HSRP2_LEARN],
  [HSRP_LISTEN, HSRP2_LISTEN],
  [HSRP_SPEAK, HSRP2_SPEAK],
  [HSRP_STANDBY, HSRP2_STANDBY],
  [HSRP_ACTIVE, HSRP2_ACTIVE],
];

/** A group's message as version 2 sends it: its states renumbered, its times in milliseconds. */
function toVersion2(m: HsrpMessage, identifier: MacAddr): Hsrp2Message {
  return {
    version: 2,
    opCode: m.opCode,
    state: V2_STATES.find(([v1]) => v1 === m.state)?.[1] ?? m.state,
    group: m.group,
    identifier,
    priority: m.priority,
    helloTime: m.helloTime * 1000,
    holdTime: m.holdTime * 1000,
    virtualIp: m.virtualIp,
    auth: m.auth,
  };
}

/** A version 2 message as a group reads it (no authentication TLV reads as the default). */
function fromVersion2(m: Hsrp2Message): HsrpMessage {
  return hsrpMessage({
    opCode: m.opCode,
    state: V2_STATES.find(([, v2]) => v2 === m.state)?.[0] ?? -1,
    helloTime: Math.round(m.helloTime / 1000),
    holdTime: Math.round(m.holdTime / 1000),
    priority: Math.min(m.priority, 0xff),
    group: m.group,
    virtualIp: m.virtualIp,
    ...(m.auth !== null ? { auth: m.auth } : {}),
  });
}

export class HsrpGroups implements UdpListener, HsrpHost {
  /** Hellos come to 224.0.0.2, none of the router's addresses. */
  readonly unaddressed = true;
  private groups = new Map<string, HsrpGroup>();

  constructor(
    private readonly stack: IpStack,
    private readonly log: (e: HsrpEvent) => void,
    /** The virtual MAC addresses each interface takes frames for changed. */
    private readonly macsChanged: (byIface: ReadonlyMap<L3Interface, readonly MacAddr[]>) => void,
  ) {}

  get sched() {
    return this.stack.sched;
  }

  /** Makes, updates and removes groups as `config` says, on the interfaces `ifaces` names. */
  configure(config: DeviceConfig, ifaces: readonly L3Interface[]): void {
    const next = new Map<string, HsrpGroup>();
    for (const iface of ifaces) {
      const ic = config.interfaces[iface.name];
      const version = ic?.standbyVersion ?? 1;
      for (const g of ic?.standby ?? []) {
        const key = `${iface.name}/${g.group}`;
        const before = this.groups.get(key);
        // Another version is another group (another virtual MAC): it starts over.
        if (before !== undefined && before.iface === iface && before.version === version) {
          before.configure(g);
          next.set(key, before);
          this.groups.delete(key);
        } else next.set(key, new HsrpGroup(this, iface, g, version));
      }
    }
    for (const gone of this.groups.values()) {
      gone.stop(true);
      gone.dispose();
    }
    this.groups = next;
    this.activeChanged();
  }

  /**
   * Before `config` takes effect: the active groups of an interface it shuts down resign, as
   * IOS's do; returns their interfaces, whose lines must stay up until the resign has left.
   */
  resignShutdown(config: DeviceConfig): L3Interface[] {
    const out: L3Interface[] = [];
    for (const g of this.groups.values()) {
      const port = g.iface.port?.name;
      const shut =
        config.interfaces[g.iface.name]?.shutdown ||
        (port !== undefined && config.interfaces[port]?.shutdown);
      if (g.state !== HSRP_ACTIVE || !shut) continue;
      g.stop(true);
      out.push(g.iface);
    }
    return out;
  }

  get empty(): boolean {
    return this.groups.size === 0;
  }

  /** Interfaces came up or went down: their groups start or stop. */
  refresh(): void {
    for (const g of this.groups.values()) {
      if (g.iface.usable) g.start();
      else g.stop(false);
    }
  }

  /** The router restarts or goes: every group stops. */
  reset(): void {
    for (const g of this.groups.values()) g.stop(false, true);
  }

  dispose(): void {
    for (const g of this.groups.values()) g.dispose();
  }

  /** Version 1 and 2 are not compatible: each group hears only its own version's messages. */
  onUdp(iface: L3Interface, pkt: Ipv4Packet, d: UdpDatagram): void {
    if (d.dstPort !== HSRP_PORT) return;
    if (pkt.dst === HSRP_V1_GROUP_ADDR) {
      const m = decodeHsrp(d.data);
      if (!m.ok || m.value.version !== 0) return;
      const g = this.groups.get(`${iface.name}/${m.value.group}`);
      if (g?.version === 1) g.receive(m.value, pkt.src);
    } else if (pkt.dst === HSRP_V2_GROUP_ADDR) {
      const m = decodeHsrp2(d.data);
      if (!m.ok || m.value.version !== 2) return;
      const g = this.groups.get(`${iface.name}/${m.value.group}`);
      if (g?.version === 2) g.receive(fromVersion2(m.value), pkt.src, m.value.identifier);
    }
  }

  // ---- HsrpHost ----------------------------------------------------------------------------

  sendHsrp(iface: L3Interface, m: HsrpMessage, from: MacAddr | -1, version: 1 | 2): void {
    const src = iface.ip?.addr;
    if (src === undefined) return;
    const v2 = version === 2;
    const data = v2 ? encodeHsrp2(toVersion2(m, iface.mac)) : encodeHsrp(m);
    const dst = v2 ? HSRP_V2_GROUP_ADDR : HSRP_V1_GROUP_ADDR;
    const pkt = ipv4(src, dst, 1, IPPROTO_UDP, this.stack.nextId(), udp(HSRP_PORT, HSRP_PORT, data));
    this.stack.sendFrom(
      iface,
      from === -1 ? iface.mac : from,
      v2 ? HSRP_V2_GROUP_MAC : HSRP_V1_GROUP_MAC,
      pkt,
    );
  }

  announce(iface: L3Interface, vip: number, mac: MacAddr): void {
    this.stack.sendArp(iface, ARP_REPLY, vip, BROADCAST_MAC, vip, BROADCAST_MAC, mac);
  }

  activeChanged(): void {
    const addrs: [number, L3Interface][] = [];
    const macs = new Map<L3Interface, MacAddr[]>();
    for (const g of this.groups.values()) {
      if (g.state !== HSRP_ACTIVE || g.vip < 0) continue;
      addrs.push([g.vip, g.iface]);
      const list = macs.get(g.iface);
      if (list === undefined) macs.set(g.iface, [g.mac]);
      else list.push(g.mac);
    }
    this.stack.setVirtual(addrs);
    this.macsChanged(macs);
  }

  stateChanged(iface: L3Interface, group: number, from: HsrpState, to: HsrpState): void {
    this.log({ at: this.sched.now as never, iface: iface.name, group, from, to });
  }

  // ---- what the router answers for -------------------------------------------------------

  /** The virtual MAC of the group active on `iface` for address `target`, or -1. */
  virtualMacFor(iface: L3Interface, target: number): number {
    for (const g of this.groups.values())
      if (g.iface === iface && g.state === HSRP_ACTIVE && g.vip === target) return g.mac;
    return -1;
  }

  /**
   * The MAC proxy ARP answers from on `iface`: -1 (its own) when it has no group, a group's
   * virtual MAC while one is active there, -2 when it has groups and none is active (IOS
   * suppresses proxy ARP on a router that is not active).
   */
  proxyMac(iface: L3Interface): number {
    let any = false;
    for (const g of this.groups.values()) {
      if (g.iface !== iface) continue;
      if (g.state === HSRP_ACTIVE) return g.mac;
      any = true;
    }
    return any ? -2 : -1;
  }

  statuses(): HsrpGroupStatus[] {
    return [...this.groups.values()].map((g) => g.status());
  }
}
