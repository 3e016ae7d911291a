/**
 * An IP interface: a router port or subinterface, a loopback, a switch SVI or a PC's NIC. It
 * holds the address and the line-protocol state the IP layer needs; its owner device knows how
 * to put a frame built for it on the wire (a port, a port with an 802.1Q tag, or the switch's
 * own bridge for an SVI).
 */
import type { Ipv4Assignment } from '../../shared/ipv4.ts';
import { broadcastOf, maskFromLen, networkOf } from '../../shared/ipv4.ts';
import type { MacAddr } from '../../shared/mac.ts';
import type { PortTable } from '../sim/port-table.ts';
import { RX_BYTES, RX_FRAMES, TX_BYTES, TX_FRAMES } from '../sim/port-table.ts';
import type { Dot1qTag, EthernetFrame } from '../wire/ethernet.ts';
import type { Port } from './port.ts';

export interface L3Owner {
  /** Puts a frame built for `iface` on the wire; `owned`: see ownership.ts. */
  transmitL3(iface: L3Interface, frame: EthernetFrame, frameId: number, owned: number): void;
}

export class L3Interface {
  ip: Ipv4Assignment | undefined = undefined;
  /** Network address, mask and directed broadcast of `ip` (0 when unaddressed). */
  net = 0;
  mask = 0;
  bcast = 0;
  /** Line protocol up (and not shut down): the interface can carry traffic. */
  up = false;
  adminUp = true;
  proxyArp = true;
  /** Router subinterfaces: the tag their frames carry (undefined for `native`). */
  tag: Dot1qTag | undefined = undefined;
  /** Router subinterfaces: the VLAN (`encapsulation dot1Q N`); SVIs: their VLAN. */
  vlan = 0;
  /**
   * A router subinterface: it counts its own traffic (`countRx`, `countTx`), where the
   * interface of a port leaves that to the port's counters.
   */
  sub = false;
  /**
   * Where subinterfaces and SVIs keep their frame and byte counters: a record of the port table,
   * as a port's (port-table.ts), since they count every frame they carry. Null for the others.
   */
  private readonly counters: PortTable<Port> | null;
  private readonly record: number;

  constructor(
    readonly name: string,
    public mac: MacAddr,
    readonly owner: L3Owner,
    /** The physical port it sends through; null for loopbacks and SVIs. */
    readonly port: Port | null,
    counters: PortTable<Port> | null = null,
  ) {
    this.counters = counters;
    this.record = counters === null ? -1 : counters.add(null);
  }

  /** The interface is gone: its counters' record can be reused. */
  release(): void {
    this.counters?.remove(this.record);
  }

  /** A frame of `len` bytes came in (subinterfaces and SVIs only). */
  countRx(len: number): void {
    const data = this.counters!.data;
    const at = this.record;
    data[at + RX_FRAMES] = data[at + RX_FRAMES]! + 1;
    data[at + RX_BYTES] = data[at + RX_BYTES]! + len;
  }

  /** A frame of `len` bytes went out (subinterfaces and SVIs only). */
  countTx(len: number): void {
    const data = this.counters!.data;
    const at = this.record;
    data[at + TX_FRAMES] = data[at + TX_FRAMES]! + 1;
    data[at + TX_BYTES] = data[at + TX_BYTES]! + len;
  }

  /** Traffic on interfaces that are not a physical port (subinterfaces, SVIs); 0 for others. */
  get rxFrames(): number {
    return this.count(RX_FRAMES);
  }

  get txFrames(): number {
    return this.count(TX_FRAMES);
  }

  get rxBytes(): number {
    return this.count(RX_BYTES);
  }

  get txBytes(): number {
    return this.count(TX_BYTES);
  }

  private count(field: number): number {
    return this.counters === null ? 0 : this.counters.data[this.record + field]!;
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

  /** Up and addressed: can send and receive IP. */
  get usable(): boolean {
    return this.up && this.ip !== undefined;
  }
}
