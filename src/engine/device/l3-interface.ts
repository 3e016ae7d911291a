/**
 * An IP interface: a router port or subinterface, a loopback, a switch SVI or a PC's NIC. It
 * holds the address and the line-protocol state the IP layer needs; its owner device knows how
 * to put a frame built for it on the wire (a port, a port with an 802.1Q tag, or the switch's
 * own bridge for an SVI).
 */
import type { InterfaceConfig } from '../../shared/config.ts';
import type { Ipv4Assignment } from '../../shared/ipv4.ts';
import { broadcastOf, maskFromLen, networkOf } from '../../shared/ipv4.ts';
import type { MacAddr } from '../../shared/mac.ts';
import type { Dot1qTag, EthernetFrame } from '../wire/ethernet.ts';
import type { AclFilter } from './acl-filter.ts';
import { arpTimeoutOf } from './arp-cache.ts';
import { counterValue, plus, wraps } from './counter.ts';
import type { LoadRates } from './load-rates.ts';
import { NAT_INSIDE, NAT_NONE, NAT_OUTSIDE } from './nat.ts';
import type { Port } from './port.ts';
import type { ClearedCounters } from './status.ts';

export interface L3Owner {
  /**
   * Puts a frame built for `iface` on the wire; `owned`: see ownership.ts. `len` is its length
   * on the wire when the caller knows it (a router forwarding a frame it received); -1 or
   * absent otherwise.
   */
  transmitL3(iface: L3Interface, frame: EthernetFrame, frameId: number, owned: number, len?: number): void;
}

/** IOS reports a loopback's bandwidth as 8,000,000 kbit/s (here in bits per second). */
export const LOOPBACK_BANDWIDTH = 8_000_000_000;

export class L3Interface {
  // What every frame's path reads comes first, next to the object's header. (A constructor
  // parameter declared as a property would land after all the fields declared here.)
  /** Line protocol up (and not shut down): the interface can carry traffic. */
  up = false;
  ip: Ipv4Assignment | undefined = undefined;
  /** Directed broadcast of `ip` (0 when unaddressed). */
  bcast = 0;
  /**
   * Counts its own traffic (`countRx`, `countTx`): router subinterfaces, and a router port's
   * own interface while the port carries subinterfaces (`show vlans` lists it apart from
   * them); other interfaces of a port leave that to the port's counters.
   */
  counts = false;
  /** Router subinterfaces: the tag their frames carry (undefined for `native`). */
  tag: Dot1qTag | undefined = undefined;
  mac: MacAddr;
  readonly owner: L3Owner;
  /** The physical port it sends through; null for loopbacks and SVIs. */
  readonly port: Port | null;
  /** A router subinterface. */
  sub = false;
  /**
   * Traffic of the interfaces that count their own (subinterfaces, SVIs, a router port's own
   * under subinterfaces), counted per frame, in two parts each (counter.ts).
   */
  private rxFramesLow = 0;
  private rxBytesLow = 0;
  private txFramesLow = 0;
  private txBytesLow = 0;
  private rxFramesHigh = 0;
  private rxBytesHigh = 0;
  private txFramesHigh = 0;
  private txBytesHigh = 0;
  readonly name: string;
  /** Network address and mask of `ip` (0 when unaddressed). */
  net = 0;
  mask = 0;
  adminUp = true;
  proxyArp = true;
  /** Answers what it cannot deliver with destination unreachables (`no ip unreachables`: false). */
  unreachables = true;
  /** Redirects what it forwards back out of itself (`no ip redirects`: false; redirects.ts). */
  redirects = true;
  /** `arp timeout`, microseconds; -1: the system's default. */
  arpTimeout = -1;
  /** Null0: what a route sends here is discarded. */
  discard = false;
  /** Router subinterfaces: the VLAN (`encapsulation dot1Q N`); SVIs: their VLAN. */
  vlan = 0;
  /**
   * SVIs: when the switch last took in or sent a frame through it (-Infinity: never). A port's
   * interface reads its port's; subinterfaces keep none, `show interfaces` not showing them.
   */
  lastInput = Number.NEGATIVE_INFINITY;
  lastOutput = Number.NEGATIVE_INFINITY;
  /** Its last `clear counters`, null if none (status.ts). */
  cleared: ClearedCounters | null = null;
  /** ARP frames it sent, and how many of them its last `clear counters` cleared. */
  arpOut = 0;
  arpOutCleared = 0;
  /** Its input and output rates, null until its first sample (load-rates.ts). */
  rates: LoadRates | null = null;
  /** `ip access-group ... in` and `out`: null when nothing filters (its stack's `filtering`). */
  aclIn: AclFilter | null = null;
  aclOut: AclFilter | null = null;
  /** `ip nat inside|outside` (nat.ts): NAT_NONE, NAT_INSIDE or NAT_OUTSIDE. */
  natSide = NAT_NONE;
  /** The virtual MACs of the HSRP groups active on it (hsrp-groups.ts), whose frames it takes; or null. */
  virtualMacs: readonly MacAddr[] | null = null;

  constructor(name: string, mac: MacAddr, owner: L3Owner, port: Port | null) {
    this.name = name;
    this.mac = mac;
    this.owner = owner;
    this.port = port;
  }

  /** A frame of `len` bytes came in (interfaces that count their own traffic only). */
  countRx(len: number): void {
    if (wraps(this.rxFramesLow, 1)) this.rxFramesHigh++;
    if (wraps(this.rxBytesLow, len)) this.rxBytesHigh++;
    this.rxFramesLow = plus(this.rxFramesLow, 1);
    this.rxBytesLow = plus(this.rxBytesLow, len);
  }

  /** A frame of `len` bytes went out (interfaces that count their own traffic only). */
  countTx(len: number): void {
    if (wraps(this.txFramesLow, 1)) this.txFramesHigh++;
    if (wraps(this.txBytesLow, len)) this.txBytesHigh++;
    this.txFramesLow = plus(this.txFramesLow, 1);
    this.txBytesLow = plus(this.txBytesLow, len);
  }

  get rxFrames(): number {
    return counterValue(this.rxFramesHigh, this.rxFramesLow);
  }

  get txFrames(): number {
    return counterValue(this.txFramesHigh, this.txFramesLow);
  }

  get rxBytes(): number {
    return counterValue(this.rxBytesHigh, this.rxBytesLow);
  }

  get txBytes(): number {
    return counterValue(this.txBytesHigh, this.txBytesLow);
  }

  /** Takes its settings from its configuration (absent: IOS's defaults, shut down). */
  configure(ic: InterfaceConfig | undefined): void {
    this.setIp(ic?.ip);
    this.adminUp = ic !== undefined && !ic.shutdown;
    this.proxyArp = ic?.proxyArp ?? true;
    this.unreachables = ic?.unreachables ?? true;
    this.redirects = ic?.redirects ?? true;
    this.arpTimeout = arpTimeoutOf(ic?.arpTimeout);
    this.natSide = ic?.nat === 'inside' ? NAT_INSIDE : ic?.nat === 'outside' ? NAT_OUTSIDE : NAT_NONE;
  }

  setIp(ip: Ipv4Assignment | undefined): void {
    this.ip = ip;
    if (ip === undefined) {
      this.net = 0;
      this.mask = 0;
      this.bcast = 0;
    } else {
      this.net = networkOf(ip.addr, ip.len);
      this.mask = maskFromLen(ip.len);
      this.bcast = broadcastOf(ip.addr, ip.len);
    }
  }

  /** True when `a` is on this interface's subnet. */
  onLink(a: number): boolean {
    return this.ip !== undefined && (a & this.mask) >>> 0 === this.net;
  }

  /** Null0, the exit interface of routes that discard what they match: always up, no address. */
  static null0(owner: L3Owner): L3Interface {
    const i = new L3Interface('Null0', 0 as MacAddr, owner, null);
    i.up = true;
    i.discard = true;
    return i;
  }

  /** A loopback: no port, no VLAN (an SVI has one), not Null0. */
  get loopback(): boolean {
    return this.port === null && this.vlan === 0 && !this.discard;
  }

  /** Up and addressed: can send and receive IP. */
  get usable(): boolean {
    return this.up && this.ip !== undefined;
  }
}
