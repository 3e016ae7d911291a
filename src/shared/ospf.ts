/**
 * OSPF version 2 as IOS 15 configures it (RFC 2328; Cisco IOS IP Routing: OSPF Configuration
 * Guide): `router ospf N` blocks, and the interface commands `ip ospf ...`.
 */
import type { Ipv4Addr } from './ipv4.ts';

/** IOS's defaults on Ethernet: a hello every 10 s, a neighbour given up after 40 s. */
export const OSPF_HELLO = 10;
export const OSPF_DEAD = 40;
export const OSPF_PRIORITY = 1;
/** `auto-cost reference-bandwidth`, Mbit/s: a cost of 1 at 100 Mbit/s and above. */
export const OSPF_REFERENCE_BANDWIDTH = 100;
export const OSPF_ADMIN_DISTANCE = 110;

/** An area as typed: IOS prints it back in the form it was given (`area 0`, `area 0.0.0.0`). */
export interface OspfArea {
  readonly id: number;
  readonly dotted?: true;
}

/** `network A W area X`. */
export interface OspfNetwork {
  readonly addr: Ipv4Addr;
  /** The wildcard, as a 32-bit number (bits set are "don't care"). */
  readonly wildcard: number;
  readonly area: OspfArea;
}

/** `default-information originate [always] [metric N] [metric-type 1|2]`. */
export interface OspfDefaultOriginate {
  readonly always?: true;
  readonly metric?: number;
  readonly metricType?: 1;
}

export interface OspfProcessConfig {
  /** `router ospf N`, 1-65535. */
  readonly pid: number;
  /** `router-id A`. */
  readonly routerId?: Ipv4Addr;
  /**
   * In the order typed, except that a statement goes before the first one covering it (IOS 12.0
   * and later keep them so): the first that covers an interface's address is the most specific.
   */
  readonly networks: readonly OspfNetwork[];
  /** `passive-interface default`. */
  readonly passiveDefault?: true;
  /**
   * `passive-interface IF` (canonical names), or with `passiveDefault` the interfaces of `no
   * passive-interface IF`.
   */
  readonly passive?: readonly string[];
  /** `auto-cost reference-bandwidth N`, Mbit/s. */
  readonly referenceBandwidth?: number;
  readonly defaultOriginate?: OspfDefaultOriginate;
  /** `log-adjacency-changes detail`; `no log-adjacency-changes` is false. Absent: IOS's default, on. */
  readonly logAdjacency?: boolean | 'detail';
}

/** Interface commands: `ip ospf ...`. */
export interface InterfaceOspfConfig {
  /** `ip ospf N area X`: the interface runs process N in area X whatever the network statements say. */
  readonly area?: { readonly pid: number; readonly area: OspfArea };
  /** `ip ospf cost N`, 1-65535. */
  readonly cost?: number;
  /** `ip ospf priority N`, 0-255. */
  readonly priority?: number;
  /** `ip ospf hello-interval N`, seconds. */
  readonly hello?: number;
  /** `ip ospf dead-interval N`, seconds; absent means four hellos. */
  readonly dead?: number;
  /** `ip ospf network point-to-point|broadcast`. */
  readonly network?: 'point-to-point' | 'broadcast';
}

/** The area a network statement gives an address, or undefined (first match wins, as on IOS). */
export function ospfAreaFor(networks: readonly OspfNetwork[], addr: number): OspfArea | undefined {
  for (const n of networks) {
    if ((addr | n.wildcard) >>> 0 === (n.addr | n.wildcard) >>> 0) return n.area;
  }
  return undefined;
}

/** An area in the form it was typed. */
export function formatOspfArea(a: OspfArea): string {
  if (a.dotted === undefined) return String(a.id);
  return [a.id >>> 24, (a.id >>> 16) & 255, (a.id >>> 8) & 255, a.id & 255].join('.');
}
