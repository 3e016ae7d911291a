/**
 * Structured device configuration: what `show running-config` renders and what IOS config
 * text parses back into (src/cli owns both directions). The engine applies it; the document
 * stores it as IOS text. Plain JSON-able data: it crosses the worker boundary and lives in immer.
 */
import type { AccessList } from './acl.ts';
import type { DhcpExcluded, DhcpPool } from './dhcp.ts';
import type { ChannelGroupConfig, LoadBalanceMethod } from './etherchannel.ts';
import type { HsrpGroupConfig } from './hsrp.ts';
import type { Ipv4Addr, Ipv4Assignment, Ipv4Prefix } from './ipv4.ts';
import type { Ipv6Addr, Ipv6Assignment } from './ipv6.ts';
import type { MacAddr } from './mac.ts';
import type { NatConfig, NatSide } from './nat.ts';
import type { InterfaceOspfConfig, OspfProcessConfig } from './ospf.ts';
import { KIND_PORTS } from './ports.ts';
import type { PortStpConfig, SpanningTreeConfig } from './spanning-tree.ts';
import { ALL_VLANS, type VlanRanges } from './vlans.ts';

export type SwitchportMode = 'access' | 'trunk' | 'dynamic-auto' | 'dynamic-desirable';

export interface SwitchportConfig {
  readonly mode: SwitchportMode;
  /** `switchport access vlan N`; 1 by default. */
  readonly accessVlan: number;
  /** `switchport trunk native vlan N`; 1 by default. */
  readonly nativeVlan: number;
  /** `switchport trunk allowed vlan ...`; all (1-4094) by default. */
  readonly allowedVlans: VlanRanges;
  /** `switchport nonegotiate`: no DTP. */
  readonly nonegotiate: boolean;
  /**
   * Multilayer switches: `switchport trunk encapsulation dot1q`. Absent means negotiate, the
   * factory setting, under which IOS refuses `switchport mode trunk` (ISL is not simulated).
   */
  readonly trunkEncapsulation?: 'dot1q';
  /** `switchport port-security ...`: absent while none of it was configured. */
  readonly portSecurity?: PortSecurityConfig;
  /** `spanning-tree ...` interface commands: absent while none was typed. */
  readonly stp?: PortStpConfig;
}

export type SecurityViolation = 'protect' | 'restrict' | 'shutdown';

/** A secure address typed (`mac-address H.H.H`) or learned sticky (`mac-address sticky H.H.H`). */
export interface SecureMac {
  readonly mac: MacAddr;
  /** Its VLAN: the access VLAN when the command named none. */
  readonly vlan?: number;
  readonly sticky: boolean;
}

/**
 * Port security (Catalyst 2960): its settings are kept whether or not it is on, as IOS keeps
 * them under `no switchport port-security`.
 */
export interface PortSecurityConfig {
  /** `switchport port-security`. */
  readonly enabled: boolean;
  /** `maximum N`: secure addresses the port takes, 1 by default. */
  readonly maximum: number;
  /** `violation ...`: shutdown by default. */
  readonly violation: SecurityViolation;
  /** `mac-address sticky`: learned addresses go into the running-config. */
  readonly sticky: boolean;
  /** Addresses typed or learned sticky, in the order they came. */
  readonly macs: readonly SecureMac[];
  /** `aging time N`: minutes (1-1440) a secure address lasts; absent means no aging. */
  readonly agingTime?: number;
  /** `aging type inactivity`: the time counts from the address's last frame, not from its learning. */
  readonly agingInactivity?: true;
  /** `aging static`: typed addresses age too. */
  readonly agingStatic?: true;
}

export const DEFAULT_PORT_SECURITY: PortSecurityConfig = {
  enabled: false,
  maximum: 1,
  violation: 'shutdown',
  sticky: false,
  macs: [],
};

export interface Dot1qConfig {
  readonly vlan: number;
  readonly native: boolean;
}

export interface InterfaceConfig {
  readonly description?: string;
  /**
   * `bandwidth N` (router interfaces), in kbit/s: what `show interfaces` reports as BW and
   * measures the load against. Informational: links carry frames at their speed whatever it says.
   */
  readonly bandwidth?: number;
  /** Administratively down. Router ports start shut down, switch ports and SVIs other than... start up. */
  readonly shutdown: boolean;
  readonly ip?: Ipv4Assignment;
  /** `ip address dhcp`: the address comes from a DHCP server (then `ip` is absent). */
  readonly ipDhcp?: true;
  /** IOS default: on. `no ip proxy-arp` turns it off. */
  readonly proxyArp: boolean;
  /** `no ip unreachables`: false, so no destination unreachable answers what came in here. */
  readonly unreachables?: boolean;
  /** `no ip redirects`: false, so what is routed back out of this interface gets no redirect. */
  readonly redirects?: boolean;
  /** `arp timeout N`: how long, in seconds, ARP entries learned here last. */
  readonly arpTimeout?: number;
  /** Router subinterfaces: `encapsulation dot1Q N [native]`. */
  readonly dot1q?: Dot1qConfig;
  /** Switch physical ports and Port-channel interfaces. */
  readonly switchport?: SwitchportConfig;
  /** Switch physical ports: `channel-group N mode M`, the EtherChannel the port is a member of. */
  readonly channelGroup?: ChannelGroupConfig;
  /** Physical ports: `duplex full|half`; absent means auto. */
  readonly duplex?: 'full' | 'half';
  /** Physical ports: `speed 10|100|1000` in Mb/s; absent means auto. */
  readonly speed?: 10 | 100 | 1000;
  /** `no cdp enable`: no CDP on this interface. Absent means on, the IOS default. */
  readonly cdpEnable?: false;
  /** `no lldp transmit` / `no lldp receive`: LLDP one way only, or not at all, here. */
  readonly lldpTransmit?: false;
  readonly lldpReceive?: false;
  /** `ip access-group NAME in`: the access list what comes in is filtered by. */
  readonly accessGroupIn?: string;
  /** `ip access-group NAME out`: the access list what is routed out is filtered by. */
  readonly accessGroupOut?: string;
  /** `ip helper-address A`: where the relay agent sends the DHCP broadcasts that come in here. */
  readonly helperAddresses?: readonly Ipv4Addr[];
  /** `ip nat inside|outside`: the side of network address translation this interface is on. */
  readonly nat?: NatSide;
  /**
   * `[no] ip virtual-reassembly in` where it differs from IOS 15's default, which is on with
   * `ip nat inside|outside` and off without: kept and shown (NAT translates fragments by
   * their first fragment's flow whatever it says).
   */
  readonly virtualReassembly?: boolean;
  /** Router interfaces: `standby ...` (HSRP), one per group, by group number. */
  readonly standby?: readonly HsrpGroupConfig[];
  /** `standby version 2`; absent means version 1. */
  readonly standbyVersion?: 2;
  /** Router interfaces: `ip ospf ...`; absent while none was typed. */
  readonly ospf?: InterfaceOspfConfig;
  /** `ipv6 ...`: absent while the interface has no IPv6 configuration. */
  readonly ipv6?: Ipv6InterfaceConfig;
}

/** `ipv6 address X/N [eui-64]`: with `eui64`, `addr` is the prefix its EUI-64 identifier completes. */
export interface Ipv6AddressConfig {
  readonly addr: Ipv6Addr;
  readonly len: number;
  readonly eui64?: true;
}

/** An interface's `ipv6` commands. */
export interface Ipv6InterfaceConfig {
  /** `ipv6 enable`: IPv6 with a link-local address only. */
  readonly enable?: true;
  /** `ipv6 address X link-local`. */
  readonly linkLocal?: Ipv6Addr;
  /** `ipv6 address X/N [eui-64]`, in the order running-config lists them. */
  readonly addresses: readonly Ipv6AddressConfig[];
  /** `ipv6 address autoconfig [default]`. */
  readonly autoconfig?: { readonly default: boolean };
}

/** `ipv6 route PREFIX/N {NEXT-HOP | INTERFACE [NEXT-HOP]} [DISTANCE]`. */
export interface Ipv6StaticRoute {
  readonly prefix: Ipv6Addr;
  readonly len: number;
  readonly nextHop?: Ipv6Addr;
  /** Canonical full interface name. */
  readonly exitInterface?: string;
  /** Administrative distance, 1 by default. */
  readonly distance: number;
}

export interface StaticRoute {
  readonly prefix: Ipv4Prefix;
  readonly nextHop?: Ipv4Addr;
  /** Canonical full interface name. */
  readonly exitInterface?: string;
  /** Administrative distance, 1 by default. */
  readonly distance: number;
  /** `name WORD`: what the next hop is called (shown in the configuration only). */
  readonly name?: string;
  /** `permanent`: kept in the routing table while its interface is down. */
  readonly permanent?: true;
}

export interface VlanConfig {
  readonly id: number;
  /** Undefined means the IOS default name: VLAN0010 (or "default" for VLAN 1). */
  readonly name?: string;
}

/**
 * A `password` as IOS keeps it: its clear text, and the type 7 text it shows instead once
 * hidden. A password is hidden when it was typed as `password 7 ...`, set while service
 * password-encryption was on, or there when that was turned on; `no service
 * password-encryption` leaves hidden passwords hidden.
 */
export interface Password {
  readonly plain: string;
  readonly hidden?: string;
}

/** `transport input` on vty lines: the protocols a remote session may use. */
export type TransportInput = 'all' | 'none' | 'ssh' | 'telnet' | 'telnet ssh';

/**
 * `service timestamps debug|log ...`: what precedes each message of the kind; "off" is
 * `no service timestamps`.
 */
export interface Timestamps {
  readonly style: 'off' | 'uptime' | 'datetime';
  readonly msec?: true;
  readonly localtime?: true;
  readonly showTimezone?: true;
  readonly year?: true;
}

export interface LineConfig {
  readonly password?: Password;
  readonly login: boolean;
  /** `login local`: ask for a username and check it against `username` entries (needs `login` too). */
  readonly loginLocal?: true;
  /** `exec-timeout M S`; absent means the IOS default of 10 minutes, 0 0 never logs out. */
  readonly execTimeout?: { readonly minutes: number; readonly seconds: number };
  /** `logging synchronous`: messages do not break into what is being typed. */
  readonly loggingSynchronous?: true;
  /** `history size N`: lines of each command history; absent means the IOS default of 10. */
  readonly historySize?: number;
  /** `no history`: the line keeps no command history. */
  readonly noHistory?: true;
  /** `length N`: rows of the line's screen, where output stops at --More--; absent means 24. */
  readonly length?: number;
  /** Vty lines; absent means the platform default (none on a 1941 with IOS 15, all on a 2960). */
  readonly transportInput?: TransportInput;
  /** Vty lines: `access-class NAME in`, the access list incoming Telnet and SSH must pass. */
  readonly accessClassIn?: string;
}

/** `username NAME [privilege N] secret|password ...`. */
export interface UserAccount {
  readonly name: string;
  /** 1 by default; 15 lands the user in privileged EXEC. */
  readonly privilege?: number;
  /** The hashed secret as running-config shows it after `secret 5`, e.g. "$1$abcd$...". */
  readonly secret?: string;
  readonly password?: Password;
}

/** How long a switch keeps a learned address after its last frame, in seconds (IEEE 802.1D's 300). */
export const MAC_AGING_TIME = 300;

/** `errdisable recovery interval` by default, in seconds (IOS's 300). */
export const ERRDISABLE_INTERVAL = 300;

/** A syslog severity: 0 (emergencies) to 7 (debugging); a destination takes its level and lower. */
export type Severity = 0 | 1 | 2 | 3 | 4 | 5 | 6 | 7;

/** `logging ...` (global configuration); each field absent is IOS's default. */
export interface LoggingConfig {
  /** `no logging on`: messages go to the console alone. */
  readonly off?: true;
  /** `logging console LEVEL` (debugging by default); false after `no logging console`. */
  readonly console?: Severity | false;
  /** `logging monitor LEVEL`, for vty sessions under `terminal monitor`; likewise. */
  readonly monitor?: Severity | false;
  /** `logging buffered [SIZE] [LEVEL]` (bytes, severity); false after `no logging buffered`. */
  readonly buffered?: { readonly size?: number; readonly level?: Severity } | false;
  /** `logging trap LEVEL`: what goes to the syslog hosts (informational by default). */
  readonly trap?: Severity;
  /** `logging host A.B.C.D`: the syslog hosts, in the order configured. */
  readonly hosts?: readonly Ipv4Addr[];
}

export interface DeviceConfig {
  readonly hostname: string;
  /** The hashed secret as running-config shows it after `enable secret 5`, e.g. "$1$abcd$...". */
  readonly enableSecret?: string;
  readonly enablePassword?: Password;
  readonly servicePasswordEncryption: boolean;
  /** Log messages' timestamps; absent means `datetime msec`, as IOS 15 is configured from the factory. */
  readonly timestampsLog?: Timestamps;
  /** Debug messages' timestamps; absent means `datetime msec`. */
  readonly timestampsDebug?: Timestamps;
  /** `no ip cef`; CEF is not simulated, only kept. */
  readonly noIpCef?: true;
  readonly bannerMotd?: string;
  /** `banner login`: shown after the MOTD, before the console asks for credentials. */
  readonly bannerLogin?: string;
  /** `banner exec`: shown as an EXEC session starts, once logged in. */
  readonly bannerExec?: string;
  readonly domainLookup: boolean;
  /** Routers route; a layer-2 switch does not (it uses ip default-gateway). */
  readonly ipRouting: boolean;
  /** `ip default-gateway` (layer-2 switches). */
  readonly defaultGateway?: Ipv4Addr;
  /** Keyed by canonical full name. Physical ports are always present; subinterfaces, SVIs, loopbacks and Port-channels when created. */
  readonly interfaces: Readonly<Record<string, InterfaceConfig>>;
  /** The VLAN database (switches), sorted by id. VLAN 1 always exists. */
  readonly vlans: readonly VlanConfig[];
  readonly staticRoutes: readonly StaticRoute[];
  /** `ipv6 unicast-routing`: the device forwards IPv6 and sends Router Advertisements. */
  readonly ipv6Routing?: true;
  /** `ipv6 route ...`, in the order running-config lists them. */
  readonly ipv6Routes?: readonly Ipv6StaticRoute[];
  readonly lineConsole: LineConfig;
  /**
   * Each vty line's configuration, from line 0: a 1941 has lines 0-4 until `line vty` names
   * more, a 2960 has 0-15.
   */
  readonly lineVty: readonly LineConfig[];
  /** `ip domain-name` (`ip domain name` on IOS 15 routers). */
  readonly domainName?: string;
  /** `ip name-server`: up to six, asked in the order given. */
  readonly nameServers?: readonly Ipv4Addr[];
  /** `ip host NAME ADDRESS...`: the static host table, in the order typed. */
  readonly ipHosts?: readonly IpHost[];
  /** `ntp ...`: absent while no NTP command is configured (NTP does not run). */
  readonly ntp?: NtpConfig;
  /** Local user database, in the order running-config lists it (by name). */
  readonly users?: readonly UserAccount[];
  /** `ip ssh version 1|2`; absent means 1.99 (both). */
  readonly sshVersion?: 1 | 2;
  /** `ip ssh time-out`, seconds (1-120); absent means IOS's 120. */
  readonly sshTimeout?: number;
  /** `ip ssh authentication-retries` (0-5); absent means IOS's 3. */
  readonly sshRetries?: number;
  /**
   * Size of the RSA key pair made by `crypto key generate rsa`. IOS keeps keys outside the
   * running configuration (private NVRAM), so running-config text never carries this field.
   */
  readonly rsaKeyBits?: number;
  /** `security passwords min-length N`. */
  readonly minPasswordLength?: number;
  /** `login block-for S attempts N within W`. */
  readonly loginBlock?: LoginBlock;
  /** `[no] ip http server`; absent means the platform's factory setting (1941 off, 2960 on). */
  readonly httpServer?: boolean;
  /** `[no] ip http secure-server`, likewise. */
  readonly httpSecureServer?: boolean;
  /** `no cdp run`: CDP off on the whole device. Absent means it runs, the IOS default. */
  readonly cdpRun?: false;
  /** `lldp run`: LLDP on the whole device. Absent means off, the IOS default. */
  readonly lldpRun?: true;
  /** `logging ...`: where the device's messages go; absent, IOS's defaults. */
  readonly logging?: LoggingConfig;
  /**
   * `errdisable recovery cause X` (switches): the causes whose ports come back by themselves, in
   * IOS's order.
   */
  readonly errdisableRecovery?: readonly string[];
  /** `errdisable recovery interval N`, seconds (30-86400); absent means ERRDISABLE_INTERVAL. */
  readonly errdisableInterval?: number;
  /**
   * Switches: `mac address-table aging-time N`, seconds (0: never, or 10-1000000); absent
   * means MAC_AGING_TIME.
   */
  readonly macAgingTime?: number;
  /** `arp A.B.C.D H.H.H arpa`: static ARP entries, in address order. */
  readonly staticArps?: readonly StaticArp[];
  /** Switches: `mac address-table aging-time N vlan V`, by VLAN id. */
  readonly vlanMacAging?: readonly VlanMacAging[];
  /** Switches: `mac address-table static ...`, one per (VLAN, address), in VLAN and address order. */
  readonly staticMacs?: readonly StaticMac[];
  /** `alias MODE NAME COMMAND`: the aliases typed, in the order they were last set. */
  readonly aliases?: readonly CommandAlias[];
  /** IPv4 access lists, numbered ones first (by number), then named ones (by name). */
  readonly accessLists?: readonly AccessList[];
  /** `ip dhcp pool NAME` blocks, in the order they were made. */
  readonly dhcpPools?: readonly DhcpPool[];
  /** `ip dhcp excluded-address`, in the order typed. */
  readonly dhcpExcluded?: readonly DhcpExcluded[];
  /** `no service dhcp`: neither the DHCP server nor the relay agent runs. */
  readonly serviceDhcp?: false;
  /** Switches: `spanning-tree ...` global commands; absent while none differs from IOS's defaults. */
  readonly spanningTree?: SpanningTreeConfig;
  /** Switches: `port-channel load-balance M`; absent means src-mac, a 2960's default. */
  readonly loadBalance?: LoadBalanceMethod;
  /** Routers: `ip nat ...` global commands; absent while none was typed. */
  readonly nat?: NatConfig;
  /** Routers: `router ospf N` blocks, by process number. */
  readonly ospf?: readonly OspfProcessConfig[];
  /** `no alias exec NAME` for a default EXEC alias (h, lo, p, r, s, u, un, w). */
  readonly removedAliases?: readonly string[];
}

export interface LoginBlock {
  /** How long logins are refused, in seconds. */
  readonly seconds: number;
  /** Failures that start the block... */
  readonly attempts: number;
  /** ...when they come within this many seconds. */
  readonly within: number;
}

/** The modes `alias` takes, by IOS's keyword for each. */
export type AliasMode = 'configure' | 'exec' | 'interface' | 'line' | 'subinterface';

export interface CommandAlias {
  readonly mode: AliasMode;
  readonly name: string;
  /** The command as typed; the words after the alias on a line are appended to it. */
  readonly command: string;
}

export interface StaticArp {
  readonly ip: Ipv4Addr;
  readonly mac: MacAddr;
}

export interface VlanMacAging {
  readonly vlan: number;
  /** Seconds: 0 (never) or 10-1000000. */
  readonly seconds: number;
}

/**
 * `mac address-table static MAC vlan V interface IF...`: frames to MAC in VLAN V go to those
 * ports only, and MAC is never learned; or `... drop`: frames from or to it are dropped.
 */
export interface StaticMac {
  readonly mac: MacAddr;
  readonly vlan: number;
  /** The ports, by full name; absent for `drop`. */
  readonly interfaces?: readonly string[];
}

/** An `ip host` entry: a name and up to eight addresses (IOS tries them in order). */
export interface IpHost {
  readonly name: string;
  readonly addresses: readonly Ipv4Addr[];
}

/** An `ntp server` line: whom to ask for the time. */
export interface NtpServerConfig {
  readonly address: Ipv4Addr;
  /** `prefer`: chosen over the others when several are good. */
  readonly prefer?: true;
  /** `version N` (1-4); absent means 4. */
  readonly version?: number;
  /** `source INTERFACE`: its requests leave from that interface's address. */
  readonly source?: string;
}

/** The device's NTP settings. */
export interface NtpConfig {
  /** `ntp master [STRATUM]`: its own clock is a reference, at that stratum (1-15, 8 by default). */
  readonly master?: number;
  /** `ntp server ...`, in the order typed. */
  readonly servers: readonly NtpServerConfig[];
  /** `ntp source INTERFACE`: every request leaves from that interface's address. */
  readonly source?: string;
  /** `ntp update-calendar` (routers): NTP sets the hardware calendar too. */
  readonly updateCalendar?: true;
}

/** What a host's address reads in a network file when it obtains one from a DHCP server. */
export const HOST_DHCP = 'dhcp';

/**
 * A record a server's DNS service answers with, as Packet Tracer's Services > DNS page lists
 * them: a name's address (A), or another name it is an alias of (CNAME). Names are dotted,
 * without a final dot, and compare ignoring case.
 */
export type DnsRecordConfig =
  | { readonly name: string; readonly type: 'A'; readonly address: Ipv4Addr }
  | { readonly name: string; readonly type: 'CNAME'; readonly target: string };

/** PCs and servers: what the IP Configuration form or `ipconfig IP MASK GW` sets. */
export interface HostConfig {
  /** Obtain an address automatically: `ip` and `gateway` come from a DHCP server. */
  readonly dhcp?: true;
  readonly ip?: Ipv4Assignment;
  readonly gateway?: Ipv4Addr;
  /**
   * DNS servers typed for the adapter, asked in order. With DHCP, these replace the lease's
   * (as on Windows, where servers typed in the adapter's properties win).
   */
  readonly dns?: readonly Ipv4Addr[];
  /** Servers: the DNS service runs (on UDP port 53) when present, answering from these records. */
  readonly dnsRecords?: readonly DnsRecordConfig[];
  /** IPv6: absent while the PC does not run it. */
  readonly ipv6?: HostIpv6Config;
}

/** A PC's IPv6 settings: stateless autoconfiguration, or a static address and gateway, or both. */
export interface HostIpv6Config {
  /** Obtain an address from the routers' advertisements (SLAAC), and the default router with it. */
  readonly auto?: true;
  readonly address?: Ipv6Assignment;
  readonly gateway?: Ipv6Addr;
}

/** `config`'s addressing replaced by `addressing`'s (dhcp, ip, gateway); its DNS settings kept. */
export function withAddressing(config: HostConfig, addressing: HostConfig): HostConfig {
  return {
    ...(addressing.dhcp ? { dhcp: true as const } : {}),
    ...(addressing.ip ? { ip: addressing.ip } : {}),
    ...(addressing.gateway !== undefined ? { gateway: addressing.gateway } : {}),
    ...(config.dns !== undefined ? { dns: config.dns } : {}),
    ...(config.dnsRecords !== undefined ? { dnsRecords: config.dnsRecords } : {}),
    ...(config.ipv6 !== undefined ? { ipv6: config.ipv6 } : {}),
  };
}

export const DEFAULT_SWITCHPORT: SwitchportConfig = {
  mode: 'dynamic-auto',
  accessVlan: 1,
  nativeVlan: 1,
  allowedVlans: ALL_VLANS,
  nonegotiate: false,
};

/** The configuration a device of this kind boots with when it has none (IOS factory defaults). */
export function defaultDeviceConfig(kind: 'router' | 'switch', hostname: string): DeviceConfig {
  const interfaces: Record<string, InterfaceConfig> = {};
  for (const port of KIND_PORTS[kind]) {
    interfaces[port] =
      kind === 'router'
        ? { shutdown: true, proxyArp: true }
        : { shutdown: false, proxyArp: true, switchport: DEFAULT_SWITCHPORT };
  }
  if (kind === 'switch') interfaces['Vlan1'] = { shutdown: true, proxyArp: true };
  return {
    hostname,
    servicePasswordEncryption: false,
    domainLookup: true,
    ipRouting: kind === 'router',
    interfaces,
    vlans: kind === 'switch' ? [{ id: 1 }] : [],
    staticRoutes: [],
    lineConsole: { login: false },
    lineVty: Array.from({ length: kind === 'switch' ? 16 : 5 }, () => ({ login: true })),
  };
}
