/**
 * Network address translation as IOS configures it (Cisco IOS IP Addressing Configuration
 * Guide, "Configuring NAT for IP Address Conservation"; RFC 3022 for traditional NAT and port
 * translation): inside source translation only, static (`ip nat inside source static`, one
 * address or one TCP/UDP port), dynamic from a pool, and overloaded (PAT) on a pool or an
 * interface's address, between interfaces marked `ip nat inside` and `ip nat outside`.
 */
import type { Ipv4Addr } from './ipv4.ts';

/** `ip nat pool NAME START END netmask M | prefix-length N`. */
export interface NatPool {
  readonly name: string;
  readonly start: Ipv4Addr;
  readonly end: Ipv4Addr;
  /** The prefix length of its netmask. */
  readonly len: number;
  /** Typed with `prefix-length` (running-config keeps the form typed). */
  readonly prefixLength?: true;
}

/** `ip nat inside source static [tcp|udp] LOCAL [LPORT] GLOBAL|interface IF [GPORT] [extendable]`. */
export interface NatStatic {
  /** 6 (tcp) or 17 (udp) for a port's translation; absent for the whole address. */
  readonly protocol?: 6 | 17;
  readonly local: Ipv4Addr;
  readonly localPort?: number;
  /** The inside global address; absent when `globalInterface` gives it. */
  readonly global?: Ipv4Addr;
  /** `interface IF`: the global address is that interface's, whatever it is. */
  readonly globalInterface?: string;
  readonly globalPort?: number;
  /** `extendable`: the local address may have other static translations too. */
  readonly extendable?: true;
}

/** `ip nat inside source list ACL pool NAME [overload]` or `... interface IF overload`. */
export interface NatDynamic {
  /** The access list that picks which datagrams are translated. */
  readonly acl: string;
  readonly pool?: string;
  /** The interface whose address the datagrams take (always overloaded). */
  readonly interface?: string;
  readonly overload?: true;
}

/** `ip nat translation ...-timeout`, in seconds; absent means IOS's default (NAT_TIMEOUTS). */
export interface NatTimeouts {
  readonly timeout?: number;
  readonly icmp?: number;
  readonly udp?: number;
  readonly tcp?: number;
  readonly finrst?: number;
  readonly syn?: number;
}

/** The timeouts' names as `ip nat translation` takes them, by field. */
export const NAT_TIMEOUT_WORDS: Readonly<Record<keyof NatTimeouts, string>> = {
  timeout: 'timeout',
  icmp: 'icmp-timeout',
  udp: 'udp-timeout',
  tcp: 'tcp-timeout',
  finrst: 'finrst-timeout',
  syn: 'syn-timeout',
};

/** IOS's defaults, in seconds: a day for addresses and TCP, a minute for ICMP, five for UDP. */
export const NAT_TIMEOUTS: Readonly<Record<keyof NatTimeouts, number>> = {
  timeout: 86_400,
  icmp: 60,
  udp: 300,
  tcp: 86_400,
  finrst: 60,
  syn: 60,
};

/** `never` in `ip nat translation ... never`. */
export const NAT_NEVER = -1;

export interface NatConfig {
  /** In the order they were made. */
  readonly pools?: readonly NatPool[];
  /** In the order typed. */
  readonly statics?: readonly NatStatic[];
  /** One per access list: numbered lists by number, then named ones by name (IOS's order). */
  readonly dynamics?: readonly NatDynamic[];
  readonly timeouts?: NatTimeouts;
}

/** The side of the translation an interface is on (`ip nat inside|outside`). */
export type NatSide = 'inside' | 'outside';

/** How many addresses `pool` holds, its first to its last. */
export const poolSize = (pool: NatPool): number => ((pool.end - pool.start) >>> 0) + 1;
