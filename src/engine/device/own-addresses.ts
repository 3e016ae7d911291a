/**
 * A device's own IPv4 addresses and the interface holding each: every received datagram asks
 * whether it is addressed to us. A device has a handful of addresses, so they sit in one small
 * array scanned in a single cache line; a Map takes over past that. When two interfaces share
 * an address (a configuration mistake IOS would refuse), the later one holds it.
 */
import type { L3Interface } from './l3-interface.ts';

/** Addresses scanned before a Map is worth its hashing. */
const SCAN_LIMIT = 8;

export class OwnAddresses {
  /** The address when there is exactly one (a PC), -1 otherwise: no array to visit then. */
  private onlyAddr = -1;
  private onlyIface: L3Interface | undefined = undefined;
  private addrs = new Float64Array(0);
  private ifaces: L3Interface[] = [];
  private byAddr: Map<number, L3Interface> | null = null;

  /**
   * Takes the addresses of the usable interfaces among `ifaces`, and `virtual` ones, each held
   * by an interface (an HSRP group's address while the router is its active router).
   */
  reset(ifaces: readonly L3Interface[], virtual: readonly (readonly [number, L3Interface])[] = []): void {
    const held: (readonly [number, L3Interface])[] = ifaces
      .filter((i) => i.usable)
      .map((i) => [i.ip!.addr, i] as const);
    held.push(...virtual);
    this.addrs = Float64Array.from(held, ([a]) => a);
    this.ifaces = held.map(([, i]) => i);
    this.onlyAddr = held.length === 1 ? held[0]![0] : -1;
    this.onlyIface = held.length === 1 ? held[0]![1] : undefined;
    this.byAddr = held.length > SCAN_LIMIT ? new Map(held) : null;
  }

  /** Its address when it has exactly one, -1 otherwise. */
  get only(): number {
    return this.onlyAddr;
  }

  has(a: number): boolean {
    return this.get(a) !== undefined;
  }

  /** The interface holding address `a`, if it is ours. */
  get(a: number): L3Interface | undefined {
    if (this.onlyAddr >= 0) return a === this.onlyAddr ? this.onlyIface : undefined;
    if (this.byAddr !== null) return this.byAddr.get(a);
    const addrs = this.addrs;
    for (let i = addrs.length - 1; i >= 0; i--) if (addrs[i] === a) return this.ifaces[i];
    return undefined;
  }
}
