/**
 * A Cisco IOS DHCP server's configuration (Cisco IOS IP Addressing Configuration Guide,
 * "Configuring the Cisco IOS DHCP Server"): address pools, the addresses it never hands out,
 * and the relay agent's helper addresses on interfaces (InterfaceConfig.helperAddresses).
 */
import { type Ipv4Addr, type Ipv4Prefix, inPrefix } from './ipv4.ts';

/** IOS's default lease: one day, in seconds. */
export const DEFAULT_LEASE = 86_400;

/** `lease infinite`. */
export const INFINITE_LEASE = -1;

/** `ip dhcp pool NAME` and what its mode sets. */
export interface DhcpPool {
  readonly name: string;
  /** `network A.B.C.D M`: the subnet it leases addresses of; a pool without one leases none. */
  readonly network?: Ipv4Prefix;
  /** `default-router A...`: up to 8, in the order typed. */
  readonly defaultRouters?: readonly Ipv4Addr[];
  /** `dns-server A...`: up to 8, in the order typed. */
  readonly dnsServers?: readonly Ipv4Addr[];
  /** `domain-name NAME`. */
  readonly domainName?: string;
  /** `lease D [H [M]]` in seconds, or INFINITE_LEASE; absent means DEFAULT_LEASE. */
  readonly lease?: number;
}

/** `ip dhcp excluded-address LOW [HIGH]`. */
export interface DhcpExcluded {
  readonly low: Ipv4Addr;
  readonly high: Ipv4Addr;
}

/** The pool whose network holds `addr` (the longest, as IOS picks among nested ones). */
export function poolFor(pools: readonly DhcpPool[], addr: number): DhcpPool | undefined {
  let best: DhcpPool | undefined;
  for (const p of pools) {
    const n = p.network;
    if (n === undefined || !inPrefix(addr as Ipv4Addr, n)) continue;
    if (best === undefined || n.len > best.network!.len) best = p;
  }
  return best;
}

/**
 * A lease's length and when its client renews (T1, half of it) and rebinds (T2, seven
 * eighths), in seconds, as IOS sends them and Windows assumes them (RFC 2131 4.4.5); all
 * undefined for an infinite lease. `configured`: the pool's `lease`, absent for the default.
 */
export function leaseTimes(configured: number | undefined): {
  readonly lease?: number;
  readonly renewal?: number;
  readonly rebinding?: number;
} {
  const lease = configured ?? DEFAULT_LEASE;
  if (lease === INFINITE_LEASE) return {};
  return { lease, renewal: Math.floor(lease / 2), rebinding: Math.floor((lease * 7) / 8) };
}
