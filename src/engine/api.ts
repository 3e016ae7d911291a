/**
 * The engine's public face: what the session, the CLI and the tools may ask of a simulation.
 * Everything here is plain data or a method on `Simulation`; internals stay behind it.
 */

import type { AclPacket } from '../shared/acl.ts';
import type { DeviceConfig, HostConfig, SecureMac, SwitchportMode } from '../shared/config.ts';
import type { DeviceId, LinkId, PortRef } from '../shared/ids.ts';
import type { Ipv4Addr, Ipv4Assignment, Ipv4Prefix } from '../shared/ipv4.ts';
import type { Ipv6Addr } from '../shared/ipv6.ts';
import type { MacAddr } from '../shared/mac.ts';
import type { SwitchModel } from '../shared/models.ts';
import type { OspfArea } from '../shared/ospf.ts';
import type { DeviceKind } from '../shared/ports.ts';
import type { Micros } from '../shared/time.ts';
import type { VlanRanges } from '../shared/vlans.ts';
import type { EtherChannelEvents, EtherChannelsStatus } from './etherchannel-status.ts';
import type { OspfEvents, OspfProcessStatus } from './ospf-status.ts';
import type { Trace } from './trace.ts';
import type { EthernetFrame } from './wire/ethernet.ts';

export interface SimulationOptions {
  /** Seed for every random choice (MAC addresses, IP identification, ARP jitter...). */
  readonly seed?: number;
  /** Trace events kept in the ring; default 10,000. */
  readonly traceCapacity?: number;
  /** Bound of `runUntil` when the caller gives none, so a storm cannot hang it; default 200,000. */
  readonly maxEventsPerRun?: number;
  /**
   * Frames a port holds while the line is busy before tail-dropping; default per kind: router 40
   * (IOS hold-queue out), switch 100, PC and server 256.
   */
  readonly txQueueLimit?: number;
  /**
   * A switch flooding more than this many frames of one VLAN within one `stormWindow`, one of
   * them twice (a loop), is in a storm: it reports it and drops that VLAN's frames until the
   * topology changes; default 10,000.
   */
  readonly stormThreshold?: number;
  /** Default 1 s. */
  readonly stormWindow?: Micros;
  /**
   * Packets held per neighbour while ARP resolves it. Defaults: IOS devices 0 (the packet that
   * starts resolution is dropped), Windows PCs 3.
   */
  readonly arpQueueLength?: { readonly ios?: number; readonly windows?: number };
}

export interface LinkOptions {
  /** One-way propagation delay; default 1 us. */
  readonly delay?: Micros;
  /** Bits per second for serialization delay; default: the slower port's speed. */
  readonly bandwidth?: number;
}

export interface InterfaceCounters {
  readonly rxFrames: number;
  readonly txFrames: number;
  readonly rxBytes: number;
  readonly txBytes: number;
  /** Frames to the broadcast address, and to other group (multicast) addresses. */
  readonly rxBroadcasts: number;
  readonly rxMulticasts: number;
  readonly txBroadcasts: number;
  readonly txMulticasts: number;
  readonly drops: number;
}

/**
 * An interface's input and output rates as `show interfaces` prints them: IOS's 5-minute
 * exponentially decayed averages of bits (whole frames) and packets per second, as of the last
 * 5-second sample.
 */
export interface InterfaceRates {
  readonly inBits: number;
  readonly inPackets: number;
  readonly outBits: number;
  readonly outPackets: number;
}

/**
 * A switch port whose neighbour advertises another native VLAN over CDP (%CDP-4-NATIVE_VLAN_
 * MISMATCH): the trunk's native VLAN, or the access VLAN of an access port.
 */
export interface NativeVlanMismatch {
  readonly port: string;
  readonly nativeVlan: number;
  readonly peerDevice: DeviceId;
  /** The neighbour's hostname, as CDP would tell it. */
  readonly peerHostname: string;
  readonly peerPort: string;
  readonly peerNativeVlan: number;
  /** When the trunk came up with this disagreement (or the disagreement appeared). */
  readonly since: Micros;
}

/**
 * A link whose two ends run different duplex modes (a port forced to full duplex facing one
 * left on auto, which falls back to half): what CDP reports as %CDP-4-DUPLEX_MISMATCH.
 */
export interface DuplexMismatch {
  readonly port: string;
  readonly duplex: 'full' | 'half';
  /** The neighbour's hostname, as CDP would tell it. */
  readonly peerHostname: string;
  readonly peerPort: string;
  readonly peerDuplex: 'full' | 'half';
  /** When the line came up, or was renegotiated, with these modes. */
  readonly since: Micros;
}

/** A neighbour heard over CDP (`show cdp neighbors`). */
export interface CdpNeighbor {
  /** The local port it was heard on. */
  readonly port: string;
  readonly device: DeviceId;
  /** Its hostname: CDP's Device ID. */
  readonly hostname: string;
  readonly kind: 'router' | 'switch';
  /** Its port at the other end of the cable. */
  readonly peerPort: string;
  /** A switch's hardware model, absent for the default 2960-24TT. */
  readonly model?: SwitchModel;
  /** Whether it routes (a router, a multilayer switch with `ip routing`): the R capability. */
  readonly routing: boolean;
  /** Seconds before the entry would expire: 180 at each advertisement, one every 60 s. */
  readonly holdtime: number;
  /** The address it advertises: its port's own (a router), its first SVI's (a switch). */
  readonly address?: Ipv4Addr;
  /** Switch ports: the native VLAN of a trunk, the access VLAN otherwise. */
  readonly nativeVlan?: number;
}

/** A neighbour heard over LLDP (`show lldp neighbors`): what CDP would say of it, and more. */
export interface LldpNeighbor {
  /** The local port it was heard on. */
  readonly port: string;
  readonly device: DeviceId;
  /** Its hostname: LLDP's System Name. */
  readonly hostname: string;
  readonly kind: 'router' | 'switch';
  /** Its port at the other end of the cable (Port id). */
  readonly peerPort: string;
  /** That port's `description`, or its name (Port Description). */
  readonly portDescription: string;
  /** Its base MAC address (Chassis id). */
  readonly chassisId: MacAddr;
  /** A switch's hardware model, absent for the default 2960-24TT. */
  readonly model?: SwitchModel;
  /** Whether it routes (a router, a multilayer switch with `ip routing`). */
  readonly routing: boolean;
  /** Seconds before the entry expires: 120 at each advertisement, one every 30 s. */
  readonly remaining: number;
  /** Its management address, as CDP's. */
  readonly address?: Ipv4Addr;
  /** Switch ports: the native VLAN of a trunk, the access VLAN otherwise. */
  readonly vlan?: number;
}

/**
 * A switch learned a MAC address on one port while it was still fresh on another: what IOS
 * reports as %SW_MATM-4-MACFLAP_NOTIF, most often the sign of a loop.
 */
export interface MacFlap {
  /** Position in the switch's log: 0 for the first, then consecutive. */
  readonly seq: number;
  readonly at: Micros;
  readonly mac: MacAddr;
  readonly vlan: number;
  readonly from: string;
  readonly to: string;
}

/**
 * ARP showed another station using one of a device's addresses (RFC 5227): what IOS reports
 * as %IP-4-DUPADDR and Windows as event 4199 with its "IP address conflict" notice.
 */
export interface AddressConflict {
  /** Position in the device's log: 0 for the first, then consecutive. */
  readonly seq: number;
  readonly at: Micros;
  /** The interface whose address is in use elsewhere. */
  readonly iface: string;
  readonly addr: Ipv4Addr;
  /** The other station's hardware address. */
  readonly mac: MacAddr;
}

/** A read of a device's address conflict log. */
export interface AddressConflicts {
  readonly conflicts: readonly AddressConflict[];
  /** The `since` to pass to read on from here. */
  readonly next: number;
  /** Conflicts from `since` on that the bounded log had already let go. */
  readonly missed: number;
}

/** What IOS `debug` can watch: `debug ip icmp`, `debug arp`, `debug ip nat` and `debug ip ospf hello`. */
export type DebugFacility = 'icmp' | 'arp' | 'nat' | 'ospf-hello';

/**
 * An ICMP message an IOS device sent or received itself (`debug ip icmp`). Echo requests are
 * not reported, as IOS reports none; what it forwards for others neither.
 */
export interface IcmpDebugEvent {
  readonly facility: 'icmp';
  readonly at: Micros;
  readonly sent: boolean;
  readonly type: number;
  readonly code: number;
  /** The message's own source and destination. */
  readonly src: Ipv4Addr;
  readonly dst: Ipv4Addr;
  /** Errors and redirects: the destination of the datagram they are about. */
  readonly about?: Ipv4Addr;
  /** Redirects: the gateway they name. */
  readonly gateway?: Ipv4Addr;
}

/** Why IOS ignored an ARP packet, as `debug arp` words it. */
export type ArpFilterReason = 'wrong cable' | "it's our address";

/** An ARP packet an IOS device sent, received, or received and ignored (`debug arp`). */
export interface ArpPacketDebugEvent {
  readonly facility: 'arp';
  readonly at: Micros;
  readonly what: 'sent' | 'rcvd' | 'filtered';
  readonly request: boolean;
  readonly senderIp: Ipv4Addr;
  readonly senderMac: MacAddr;
  readonly targetIp: Ipv4Addr;
  readonly targetMac: MacAddr;
  readonly iface: string;
  readonly reason?: ArpFilterReason;
}

/**
 * A change of an IOS device's ARP cache (`debug arp`): an entry created from ARP it received,
 * an incomplete entry created to resolve an address, or a request it did not send because one
 * went out for that address less than 2 seconds before (`mac` only for `created`).
 */
export interface ArpEntryDebugEvent {
  readonly facility: 'arp';
  readonly at: Micros;
  readonly what: 'created' | 'incomplete' | 'throttled';
  readonly ip: Ipv4Addr;
  readonly mac?: MacAddr;
  readonly iface: string;
}

/**
 * A datagram a router translated (`debug ip nat`): its source (inside to outside) or its
 * destination (outside to inside) before and after, and its ports or echo identifier when
 * they changed too. `fast`: it found its translation there (IOS's "NAT*"), rather than making it.
 */
export interface NatTranslateDebugEvent {
  readonly facility: 'nat';
  readonly at: Micros;
  readonly fast: boolean;
  readonly src: Ipv4Addr;
  readonly dst: Ipv4Addr;
  /** What the source became (inside to outside), or the destination (outside to inside). */
  readonly srcTo?: Ipv4Addr;
  readonly dstTo?: Ipv4Addr;
  readonly identification: number;
  /** 1, 6 or 17 with `ports`, when a port or the echo identifier changed. */
  readonly protocol: number;
  readonly ports?: { readonly src: number; readonly dst: number; readonly to: number };
}

/** A datagram from inside that needed a translation none could be made for (`debug ip nat`). */
export interface NatFailDebugEvent {
  readonly facility: 'nat';
  readonly at: Micros;
  readonly failed: true;
  readonly src: Ipv4Addr;
  readonly dst: Ipv4Addr;
}

/** A translation that timed out (`debug ip nat`): its global and local ends. */
export interface NatExpireDebugEvent {
  readonly facility: 'nat';
  readonly at: Micros;
  readonly expiring: true;
  readonly protocol: number;
  readonly global: Ipv4Addr;
  readonly globalPort: number;
  readonly local: Ipv4Addr;
  readonly localPort: number;
}

/**
 * An OSPF hello an IOS router sent or received (`debug ip ospf hello`), and, for one it
 * refused for parameters that differ from its interface's, the received (R) and configured (C)
 * values; the masks only where they must agree (broadcast networks).
 */
export interface OspfHelloDebugEvent {
  readonly facility: 'ospf-hello';
  readonly at: Micros;
  readonly pid: number;
  readonly iface: string;
  readonly what: 'sent' | 'rcvd' | 'mismatch';
  readonly area: OspfArea;
  /** Sent: the interface's address; received: the sender's. */
  readonly addr: Ipv4Addr;
  /** Sent: the group (224.0.0.5). */
  readonly dst?: Ipv4Addr;
  /** Received: the sender's router ID. */
  readonly routerId?: Ipv4Addr;
  readonly mismatch?: {
    readonly dead: readonly [received: number, configured: number];
    readonly hello: readonly [received: number, configured: number];
    readonly mask?: readonly [received: Ipv4Addr, configured: Ipv4Addr];
  };
}

export type DebugEvent =
  | OspfHelloDebugEvent
  | IcmpDebugEvent
  | ArpPacketDebugEvent
  | ArpEntryDebugEvent
  | NatTranslateDebugEvent
  | NatFailDebugEvent
  | NatExpireDebugEvent;

/** A read of a device's debugging log. */
export interface DebugEvents {
  readonly events: readonly DebugEvent[];
  /** The `since` to pass to read on from here. */
  readonly next: number;
  /** Events from `since` on that the bounded log had already let go. */
  readonly missed: number;
}

/**
 * What a switch's spanning tree reports about a miswired trunk (PVST+ inconsistencies):
 * - on a trunk whose neighbour has another native VLAN, the BPDU naming it (`peerVlan`)
 *   arriving in VLAN `vlan` ('pvid-error'), then the port blocked in the neighbour's VLAN and
 *   in its own;
 * - on an access port in VLAN `vlan` facing a trunk, the trunk's BPDU ('non-trunk'), then the
 *   port blocked in its VLAN ('block-type');
 * and each VLAN unblocked once the two ends agree.
 */
export interface SpanningTreeEvent {
  readonly at: Micros;
  readonly port: string;
  readonly kind:
    | 'pvid-error'
    | 'block-peer'
    | 'block-local'
    | 'non-trunk'
    | 'block-type'
    | 'unblock'
    /** BPDU guard error-disabled the port (%SPANTREE-2-BLOCK_BPDUGUARD). */
    | 'bpduguard'
    /** Root guard blocked or unblocked the port in the VLAN (%SPANTREE-2-ROOTGUARD_BLOCK, _UNBLOCK). */
    | 'rootguard-block'
    | 'rootguard-unblock'
    /** Loop guard likewise (%SPANTREE-2-LOOPGUARD_BLOCK, _UNBLOCK). */
    | 'loopguard-block'
    | 'loopguard-unblock'
    /** `spanning-tree guard root` turned on or off on the port (%SPANTREE-2-ROOTGUARD_CONFIG_CHANGE; no VLAN: 0). */
    | 'rootguard-on'
    | 'rootguard-off';
  readonly vlan: number;
  readonly peerVlan?: number;
}

/** A port's part in one VLAN's spanning tree (IEEE 802.1D-1998 clause 8), as `show spanning-tree` shows it. */
export interface StpPortStatus {
  readonly port: string;
  readonly role: 'root' | 'designated' | 'alternate' | 'backup' | 'disabled';
  readonly state: 'blocking' | 'listening' | 'learning' | 'forwarding' | 'broken';
  readonly cost: number;
  /** Port priority (0-240) and number: IOS's "128.1". */
  readonly priority: number;
  readonly number: number;
  /** PortFast in effect: an edge port. */
  readonly edge: boolean;
  /** Its segment is shared (half duplex, or `spanning-tree link-type shared`): IOS's "Shr". */
  readonly shared?: true;
  /** Rapid PVST+: the neighbour runs IEEE 802.1D, so the port does too ("Peer(STP)"). */
  readonly peerStp?: true;
  /**
   * Held blocking by PVST+ for a miswired trunk (stp-inconsistency.ts): `*TYPE_Inc`, `*PVID_Inc`;
   * or by root guard or loop guard (stp.ts): `*ROOT_Inc`, `*LOOP_Inc`.
   */
  readonly inconsistent?: 'type' | 'pvid' | 'root' | 'loop';
  /** BPDU guard runs on the port. */
  readonly bpduguard: boolean;
  /** BPDU filtering runs on the port (`bpdufilter enable`, or by default on an edge port). */
  readonly bpdufilter: boolean;
  /** Root guard, loop guard run on the port. */
  readonly rootGuard: boolean;
  readonly loopGuard: boolean;
  /** The designated bridge and port of its segment, from the last BPDU it took (itself when designated). */
  readonly designatedRootPriority: number;
  readonly designatedRootMac: MacAddr;
  readonly designatedCost: number;
  readonly designatedBridgePriority: number;
  readonly designatedBridgeMac: MacAddr;
  readonly designatedPort: number;
  /** BPDUs sent and received on the port in this VLAN. */
  readonly bpdusSent: number;
  readonly bpdusReceived: number;
  /**
   * Its timers in whole seconds, as `show spanning-tree detail` gives them: the age its stored
   * information has reached, the forward delay left in discarding or learning.
   */
  readonly messageAgeTimer: number;
  readonly forwardDelayTimer: number;
  /** Times it came to forward since it joined the VLAN's instance. */
  readonly forwardTransitions: number;
}

/** One VLAN's spanning tree instance on a switch (PVST+ or rapid PVST+). Times in seconds. */
export interface StpInstanceStatus {
  readonly vlan: number;
  /** 'ieee': IEEE 802.1D (PVST+); 'rstp': IEEE 802.1D-2004 RSTP (rapid PVST+). */
  readonly protocol: 'ieee' | 'rstp';
  /** The root bridge: its priority (with the VLAN added, as in BPDUs) and address. */
  readonly rootPriority: number;
  readonly rootMac: MacAddr;
  /** The root path cost, and the root port (absent on the root bridge). */
  readonly rootCost: number;
  readonly rootPort?: string;
  readonly rootPortPriority?: number;
  readonly rootPortNumber?: number;
  /** The timers in force: the root's, as its BPDUs carry them. */
  readonly helloTime: number;
  readonly maxAge: number;
  readonly forwardDelay: number;
  /** This bridge: its priority as configured, the same with the VLAN added, its address and timers. */
  readonly bridgePriority: number;
  readonly bridgeId: number;
  readonly bridgeMac: MacAddr;
  readonly bridgeHelloTime: number;
  readonly bridgeMaxAge: number;
  readonly bridgeForwardDelay: number;
  /** How long learned addresses last: the switch's aging time, the forward delay during a topology change. */
  readonly agingTime: number;
  readonly topologyChange: boolean;
  /** 802.1D: the bridge detected a change and tells the root of it (TCNs until acknowledged). */
  readonly topologyChangeDetected: boolean;
  readonly topologyChanges: number;
  /** Virtual time of the last topology change, absent if none. */
  readonly lastTopologyChange?: Micros;
  /** The port it came from or by, absent if none (or the bridge itself became the root). */
  readonly lastTopologyChangePort?: string;
  /** When the instance started. */
  readonly startedAt: Micros;
  /** The bridge's timers in whole seconds: hello and notification elapsed, topology change left. */
  readonly helloTimer: number;
  readonly topologyChangeTimer: number;
  readonly notificationTimer: number;
  /** RSTP's transmit hold count; absent under 802.1D. */
  readonly transmitHoldCount?: number;
  /** The ports that are up in the VLAN, in the switch's port order. */
  readonly ports: readonly StpPortStatus[];
}

/** A read of a switch's spanning tree messages. */
export interface SpanningTreeEvents {
  readonly events: readonly SpanningTreeEvent[];
  /** The `since` to pass to read on from here. */
  readonly next: number;
  /** Events from `since` on that the bounded log had already let go. */
  readonly missed: number;
}

/** An address an IOS DHCP server leased (`show ip dhcp binding`). */
export interface DhcpBinding {
  readonly ip: Ipv4Addr;
  /** The client identifier it sent (option 61), else its hardware address. */
  readonly clientId: readonly number[];
  /** Virtual time the lease ends; null for `lease infinite`. */
  readonly expires: Micros | null;
}

/** An address an IOS DHCP server found in use (`show ip dhcp conflict`). */
export interface DhcpConflict {
  readonly ip: Ipv4Addr;
  /** Its ping check was answered, or the client declined the address after its own ARP check. */
  readonly method: 'Ping' | 'Gratuitous ARP';
  readonly at: Micros;
}

/** An IOS interface's DHCP client (`ip address dhcp`), as `show dhcp lease` lists it. */
export interface DhcpClientLease {
  readonly iface: string;
  readonly state:
    | 'off'
    | 'init'
    | 'requesting'
    | 'rebooting'
    | 'bound'
    | 'renewing'
    | 'rebinding'
    | 'released'
    /** A round of discovers had no offer; the next comes after a pause (IOS). */
    | 'purging';
  readonly xid: number;
  readonly retries: number;
  /** Virtual time its next timer fires; null when none is pending. */
  readonly nextTimer: Micros | null;
  readonly clientId: readonly number[];
  readonly hostname: string;
  readonly lease?: {
    readonly ip: Ipv4Assignment;
    readonly server: Ipv4Addr;
    readonly gateway?: Ipv4Addr;
    readonly obtained: Micros;
    /** Null for an infinite lease. */
    readonly renewAt: Micros | null;
    readonly rebindAt: Micros | null;
    readonly expires: Micros | null;
  };
}

/**
 * What an IOS DHCP server or client reports on its console: an address its ping check found in use
 * (%DHCPD-4-PING_CONFLICT), or one a client declined (%DHCPD-4-DECLINE_CONFLICT).
 */
export type DhcpEvent =
  | { readonly at: Micros; readonly kind: 'ping-conflict'; readonly ip: Ipv4Addr }
  | {
      readonly at: Micros;
      readonly kind: 'address-assign';
      readonly iface: string;
      readonly ip: Ipv4Addr;
      readonly len: number;
      readonly hostname: string;
    }
  | {
      readonly at: Micros;
      readonly kind: 'decline-conflict';
      readonly ip: Ipv4Addr;
      readonly client: readonly number[];
    };

/** An HSRP group's state, as IOS names it. */
export type HsrpState = 'Init' | 'Listen' | 'Speak' | 'Standby' | 'Active';

/** One HSRP group of a router's interface (`show standby`). */
export interface HsrpGroupStatus {
  readonly iface: string;
  readonly group: number;
  readonly state: HsrpState;
  readonly changes: number;
  readonly lastChange: Micros;
  /** The virtual address, configured or learned; absent while unknown. */
  readonly vip?: Ipv4Addr;
  readonly vipConfigured: boolean;
  /** `standby version`. */
  readonly version: 1 | 2;
  readonly mac: MacAddr;
  /** Version 2: the active router's own MAC address, from its hellos. */
  readonly activeMac?: MacAddr;
  readonly priority: number;
  readonly configuredPriority: number;
  readonly preempt: boolean;
  readonly preemptDelay?: number;
  /** Seconds. */
  readonly helloTime: number;
  readonly holdTime: number;
  /** When its next hello leaves (Speak, Standby, Active). */
  readonly nextHello?: Micros;
  /** The active router: this one, another's interface address, or not known. */
  readonly active: 'local' | Ipv4Addr | 'unknown';
  readonly activePriority?: number;
  readonly activeExpires?: Micros;
  readonly standby: 'local' | Ipv4Addr | 'unknown';
  readonly standbyPriority?: number;
  readonly standbyExpires?: Micros;
  readonly name?: string;
}

/** A group's change of state (%HSRP-5-STATECHANGE). */
export interface HsrpEvent {
  readonly at: Micros;
  readonly iface: string;
  readonly group: number;
  readonly from: HsrpState;
  readonly to: HsrpState;
}

/** A read of a router's HSRP messages. */
export interface HsrpEvents {
  readonly events: readonly HsrpEvent[];
  readonly next: number;
  readonly missed: number;
}

/** A read of a DHCP server's messages. */
export interface DhcpEvents {
  readonly events: readonly DhcpEvent[];
  /** The `since` to pass to read on from here. */
  readonly next: number;
  /** Events from `since` on that the bounded log had already let go. */
  readonly missed: number;
}

/** What an IOS DHCP server counts (`show ip dhcp server statistics`). */
export interface DhcpServerStatistics {
  readonly pools: number;
  /** Leases in force. */
  readonly automaticBindings: number;
  /** Leases whose time is up and whose address has not gone to anyone since. */
  readonly expiredBindings: number;
  /** Datagrams to its port that are no BOOTP message. */
  readonly malformed: number;
  /** Requests it took, by message type (0: BOOTP, without one), since the last clearing. */
  readonly received: Readonly<
    Record<'boot' | 'discover' | 'request' | 'decline' | 'release' | 'inform', number>
  >;
  /** Its answers, by type, since the last clearing. */
  readonly sent: Readonly<Record<'boot' | 'offer' | 'ack' | 'nak', number>>;
}

/** A DHCP pool's state (`show ip dhcp pool`). */
export interface DhcpPoolStatus {
  readonly name: string;
  readonly network?: Ipv4Prefix;
  /** Where the server looks for the next address to offer (IOS's current index). */
  readonly index?: Ipv4Addr;
  readonly leased: number;
}

/** What a PC's adapter got from its DHCP server, for `ipconfig /all`. */
export interface DhcpLeaseStatus {
  readonly server: Ipv4Addr;
  readonly gateway?: Ipv4Addr;
  readonly dns: readonly Ipv4Addr[];
  readonly domain?: string;
  readonly obtained: Micros;
  /** Null for an infinite lease. */
  readonly expires: Micros | null;
}

/** A PC's DHCP adapter: its lease, or the 169.254.0.0/16 address it gave itself without one. */
export interface DhcpAdapterStatus {
  readonly lease?: DhcpLeaseStatus;
  readonly autoconfigured: boolean;
}

/** `ipconfig /renew` as it runs on a PC's adapter. */
export interface DhcpRenewJob {
  done: boolean;
  /** Whether the adapter got (or kept) a lease; false once it gave up. */
  ok: boolean;
}

/** A read of a switch's MAC flap log. */
export interface MacFlaps {
  readonly flaps: readonly MacFlap[];
  /** The `since` to pass to read on from here. */
  readonly next: number;
  /** Flaps from `since` on that the bounded log had already let go. */
  readonly missed: number;
}

/** A port `errdisable recovery` brought back: %PM-4-ERR_RECOVER. */
export interface ErrRecovery {
  /** Position in the switch's log: 0 for the first, then consecutive. */
  readonly seq: number;
  readonly at: Micros;
  readonly port: string;
  /** What had disabled it (`psecure-violation`). */
  readonly cause: string;
}

export interface ErrRecoveries {
  readonly recoveries: readonly ErrRecovery[];
  /** The `since` to pass to read on from here. */
  readonly next: number;
  /** Recoveries from `since` on that the bounded log had already let go. */
  readonly missed: number;
}

/**
 * A frame a secure port refused (restrict or shutdown mode): what IOS reports as
 * %PORT_SECURITY-2-PSECURE_VIOLATION, after %PM-4-ERR_DISABLE when the port was shut for it.
 */
export interface SecurityViolation {
  /** Position in the switch's log: 0 for the first, then consecutive. */
  readonly seq: number;
  readonly at: Micros;
  readonly port: string;
  readonly mac: MacAddr;
  readonly vlan: number;
  /** The port was error-disabled for it (shutdown mode). */
  readonly shutdown: boolean;
}

/** A read of a switch's port-security violation log. */
export interface SecurityViolations {
  readonly violations: readonly SecurityViolation[];
  readonly next: number;
  readonly missed: number;
}

/** One secure address of a port, as `show port-security address` lists it. */
export interface SecureAddressEntry {
  readonly mac: MacAddr;
  readonly vlan: number;
  readonly kind: 'configured' | 'sticky' | 'dynamic';
  /** Whole minutes left before it ages out, when it ages (`switchport port-security aging`). */
  readonly remaining?: number;
}

/** Which secure addresses `clearPortSecurity` forgets: those of `kinds` matching every other part given. */
export interface SecureAddressFilter {
  readonly kinds: readonly SecureAddressEntry['kind'][];
  readonly mac?: MacAddr;
  /** A port's full name ("FastEthernet0/1"). */
  readonly port?: string;
}

/** A switch port's port security, as `show port-security` reads it. */
export interface PortSecurityStatus {
  readonly port: string;
  /** secure-up: on and the port is up; secure-down: on, the port down; secure-shutdown: error-disabled by a violation. */
  readonly status: 'secure-up' | 'secure-down' | 'secure-shutdown';
  readonly violations: number;
  /** The source of the last frame the port took in, if any. */
  readonly lastSource?: { readonly mac: MacAddr; readonly vlan: number } | undefined;
  readonly addresses: readonly SecureAddressEntry[];
}

/** Operational view of one interface (physical, subinterface or SVI), for show commands. */
export interface InterfaceStatus {
  readonly name: string;
  readonly mac: MacAddr;
  readonly ip?: Ipv4Assignment;
  /**
   * A PC's configured address when another station already had it (RFC 5227): kept but unused,
   * `ip` then being the address Windows configured itself in 169.254.0.0/16.
   */
  readonly duplicate?: Ipv4Assignment;
  /** A PC's adapter set to obtain its address automatically. */
  readonly dhcp?: DhcpAdapterStatus;
  /** What `show ip interface brief` prints in the Status column. */
  readonly status: 'up' | 'down' | 'administratively down';
  /** The Protocol column (line protocol). */
  readonly protocol: 'up' | 'down';
  readonly cabled: boolean;
  /**
   * Bits per second: on a physical port, the speed negotiated with the other end while the
   * line is up (the slower end's), its own otherwise; a subinterface's is its port's, a
   * loopback's what IOS shows for one.
   */
  readonly bandwidth: number;
  /** A physical port's duplex, as negotiated with the other end, while its line is up. */
  readonly duplex: 'full' | 'half' | undefined;
  readonly counters: InterfaceCounters;
  /**
   * When `status` or `protocol` last changed: the device's boot, or the interface's creation,
   * if neither has since.
   */
  readonly lastChange: Micros;
  /**
   * When it last took in a frame, and last sent one, since the device booted: undefined if
   * never. Subinterfaces keep neither (IOS does not show them): undefined.
   */
  readonly lastInput: Micros | undefined;
  readonly lastOutput: Micros | undefined;
  /**
   * When `clear counters` last cleared its counters, which count from then; undefined if not
   * since the device booted (they count from its boot).
   */
  readonly countersCleared: Micros | undefined;
  /**
   * Its input and output rates since the device booted. `clear counters` leaves them, as on
   * IOS, which clears only the totals.
   */
  readonly rates: InterfaceRates;
  /** Switch ports: the operational mode after DTP negotiation. */
  readonly switchportOperMode?: 'access' | 'trunk' | 'down';
  readonly switchportAdminMode?: SwitchportMode;
  /**
   * Switch ports the switch error-disabled: the cause IOS names (`psecure-violation`). Such a
   * port is down until it is shut down and brought up again.
   */
  readonly errDisabled?: string | undefined;
  /** An error-disabled port that `errdisable recovery` brings back: when (virtual time). */
  readonly errRecoveryAt?: Micros | undefined;
  /**
   * A switch port that is up but forwards in none of its VLANs for spanning tree (blocking,
   * listening or learning): a Catalyst shows its LED amber.
   */
  readonly stpBlocked?: true;
}

/**
 * A router interface that carries a VLAN, as `show vlans` lists it: a subinterface with
 * `encapsulation dot1Q`, or the port under subinterfaces, which carries VLAN 1 untagged unless
 * a subinterface is the port's native one.
 */
export interface VlanInterfaceStatus {
  readonly vlan: number;
  readonly name: string;
  /** The port it sends through. */
  readonly port: string;
  /** Its frames go out untagged: the port's native VLAN. */
  readonly native: boolean;
  readonly ip: Ipv4Assignment | undefined;
  /**
   * Its own frames and bytes, in and out, since its last clearing: IPv4 and ARP, the only
   * protocols routed here.
   */
  readonly counters: InterfaceCounters;
  /** How many of the frames it sent were ARP. */
  readonly arpOut: number;
}

/**
 * One change of an interface's state, at the virtual time the engine made it: its Status column
 * (`up`, `down`, `administratively down`) or its line protocol.
 */
export type InterfaceChange = {
  /** Position in the device's change log: 0 for its first change, then consecutive. */
  readonly seq: number;
  readonly at: Micros;
  readonly interface: string;
  /** The port went down because its device error-disabled it (port security). */
  readonly errDisabled?: true;
} & (
  | { readonly kind: 'status'; readonly status: InterfaceStatus['status'] }
  | { readonly kind: 'protocol'; readonly protocol: InterfaceStatus['protocol'] }
);

/** A read of a device's interface change log. */
export interface InterfaceChanges {
  /** In log order, which is also time order. */
  readonly changes: readonly InterfaceChange[];
  /** The `since` to pass to read on from here. */
  readonly next: number;
  /** Changes from `since` on that the bounded log had already let go. */
  readonly missed: number;
}

export interface ArpEntry {
  readonly ip: Ipv4Addr;
  /** Undefined while incomplete. */
  readonly mac?: MacAddr;
  readonly interface: string;
  /** Own addresses show `-` as age on IOS. */
  readonly own: boolean;
  /** A configured entry (`arp ...`): its age shows `-` too. */
  readonly static?: true;
  /** When the entry was learned or last refreshed. */
  readonly updatedAt: Micros;
}

/** Which learned addresses `clearMacTable` forgets: those matching every part given. */
export interface MacTableFilter {
  readonly mac?: MacAddr;
  readonly vlan?: number;
  /** A port's full name ("FastEthernet0/1"). */
  readonly port?: string;
}

export interface MacEntry {
  readonly vlan: number;
  readonly mac: MacAddr;
  /** Its port; a static entry's first port ('' for `drop`). */
  readonly port: string;
  /** A static entry's ports, when it has several. */
  readonly ports?: readonly string[];
  /** A static entry that drops frames from or to its address. */
  readonly drop?: true;
  readonly type: 'DYNAMIC' | 'STATIC';
  readonly learnedAt: Micros;
}

export type * from './etherchannel-status.ts';
export type * from './ospf-status.ts';

export interface RouteEntry {
  /**
   * C connected, L local (/32 of an own address), S static, S* static default, O OSPF within
   * its area, O E2 / O E1 OSPF external (O*E2: a default route).
   */
  readonly code: 'C' | 'L' | 'S' | 'S*' | 'O' | 'O E1' | 'O E2' | 'O*E1' | 'O*E2';
  readonly prefix: Ipv4Prefix;
  readonly distance: number;
  readonly metric: number;
  readonly nextHop?: Ipv4Addr;
  readonly interface?: string;
  /** Routes a routing protocol installed: when (`show ip route` prints their age). */
  readonly since?: Micros;
}

/** An internal VLAN a multilayer switch's routed port holds (`show vlan internal usage`). */
export interface InternalVlan {
  readonly vlan: number;
  /** The routed port's full name. */
  readonly port: string;
}

export interface TrunkStatus {
  readonly port: string;
  readonly mode: 'on' | 'auto' | 'desirable';
  readonly encapsulation: '802.1q';
  readonly status: 'trunking';
  readonly nativeVlan: number;
  readonly allowed: VlanRanges;
  /** Allowed and active in the VLAN database. */
  readonly active: VlanRanges;
  /** Allowed, active and forwarding (no STP yet: same as active). */
  readonly forwarding: VlanRanges;
}

/** The result of one echo or traceroute probe. */
export type ProbeOutcome =
  | {
      readonly kind: 'reply';
      readonly from: Ipv4Addr;
      readonly bytes: number;
      readonly rtt: Micros;
      readonly ttl: number;
    }
  | { readonly kind: 'timeout' }
  /** `rtt` is absent when the sender reports its own failure (Windows: ARP got no answer). */
  | { readonly kind: 'unreachable'; readonly from: Ipv4Addr; readonly code: number; readonly rtt?: Micros }
  /** `code` 0: the TTL ran out in transit; 1: the fragments did not all reach the destination in time. */
  | { readonly kind: 'ttl-exceeded'; readonly from: Ipv4Addr; readonly code: number; readonly rtt: Micros }
  /** The sender could not even transmit: no route, no address, gateway not in subnet... */
  | {
      readonly kind: 'local-error';
      /**
       * `too-big`: larger than the interface's MTU with Don't Fragment set; `general-failure`:
       * an address Windows sends nothing to (127.0.0.0).
       */
      readonly reason:
        | 'no-route'
        | 'no-address'
        | 'interface-down'
        | 'arp-failed'
        | 'too-big'
        | 'general-failure';
    };

/** What `clear arp-cache` clears: one interface's entries, or one address's. */
export type ArpClearScope = { readonly iface: string } | { readonly ip: Ipv4Addr };

export interface ProbeResult {
  /** The probe's number within its job, from 0. */
  readonly seq: number;
  /** Virtual time the outcome became known (reply arrival or timeout expiry). */
  readonly at: Micros;
  readonly outcome: ProbeOutcome;
}

export interface PingOptions {
  readonly count: number;
  readonly timeout: Micros;
  /** ICMP data bytes (Windows: 32) or datagram size (IOS: 100); see `sizeIsDatagram`. */
  readonly size: number;
  readonly sizeIsDatagram?: boolean;
  readonly ttl?: number;
  /** Gap between a probe's outcome and the next probe (Windows waits ~1 s after a reply). */
  readonly interval?: Micros;
  readonly source?: Ipv4Addr;
  /**
   * Wait out each echo's timeout and report every reply to it: several results with one `seq`,
   * or a timeout when none came (IOS pinging a broadcast address).
   */
  readonly allReplies?: boolean;
  /** Set Don't Fragment: an echo larger than the MTU fails at once instead of leaving in fragments. */
  readonly dontFragment?: boolean;
}

export interface EngineStats {
  /** Datagrams routers forwarded so far, and how many of them in their own frame (ownership.ts). */
  readonly routed: number;
  readonly routedInPlace: number;
  /** Echo requests stacks were asked to send, and how many of them reused an earlier reply. */
  readonly echoes: number;
  readonly echoesReused: number;
}

export interface PingJob {
  readonly done: boolean;
  readonly target: Ipv4Addr;
  /** Grows as outcomes become known, in sequence order. */
  readonly results: readonly ProbeResult[];
  /**
   * Sends no more probes and forgets the one awaited (Ctrl+C at a console); `done` is then
   * true. Not enumerable: a copy or JSON of the job holds its data only.
   */
  stop(): void;
}

/** What a ping over IPv6 learns of one echo. */
export type Probe6Outcome =
  | {
      readonly kind: 'reply';
      readonly from: Ipv6Addr;
      readonly bytes: number;
      readonly rtt: Micros;
      readonly hopLimit: number;
    }
  | { readonly kind: 'timeout' }
  /**
   * An ICMPv6 error of `type` 1 (destination unreachable, `code` 0 no route, 1 prohibited, 3
   * address unreachable, 4 port unreachable) or 2 (packet too big). `from` and `rtt` are
   * absent when the sender reports its own failure (Windows: Neighbor Discovery got no answer).
   */
  | {
      readonly kind: 'unreachable';
      readonly type: number;
      readonly code: number;
      readonly from?: Ipv6Addr;
      readonly rtt?: Micros;
    }
  | {
      readonly kind: 'hop-limit-exceeded';
      readonly from: Ipv6Addr;
      readonly code: number;
      readonly rtt: Micros;
    }
  | { readonly kind: 'local-error'; readonly reason: 'no-route' | 'no-address' | 'interface-down' };

export interface Probe6Result {
  readonly seq: number;
  readonly at: Micros;
  readonly outcome: Probe6Outcome;
}

export interface Ping6Options {
  readonly count: number;
  readonly timeout: Micros;
  /** ICMPv6 data bytes (Windows: 32), or the packet's size with its headers (IOS: 100) with `sizeIsDatagram`. */
  readonly size: number;
  readonly sizeIsDatagram?: boolean;
  readonly hopLimit?: number;
  readonly interval?: Micros;
  readonly source?: Ipv6Addr;
  /** The interface a link-local or multicast destination is reached through (IOS asks for it). */
  readonly via?: string;
}

export interface Ping6Job {
  readonly done: boolean;
  readonly target: Ipv6Addr;
  readonly results: readonly Probe6Result[];
  stop(): void;
}

/** One address of an interface, as `show ipv6 interface` lists it. */
export interface Ipv6AddressStatus {
  readonly addr: Ipv6Addr;
  readonly len: number;
  /** Its interface identifier is the EUI-64 of the interface's MAC address ([EUI]). */
  readonly eui64: boolean;
  /** `autoconfig`: formed from a Router Advertisement's prefix (RFC 4862). */
  readonly origin: 'manual' | 'autoconfig';
}

/** An interface's IPv6 state; `enabled` false (and nothing else) where IPv6 is not configured. */
export interface Ipv6InterfaceStatus {
  readonly name: string;
  readonly enabled: boolean;
  /** Its link-local address while IPv6 is enabled. */
  readonly linkLocal?: Ipv6Addr;
  /** The link-local address was configured (`ipv6 address X link-local`) rather than made. */
  readonly linkLocalConfigured: boolean;
  readonly addresses: readonly Ipv6AddressStatus[];
  /** The multicast groups it has joined (FF02::1, FF02::2 on a router, solicited-node groups). */
  readonly groups: readonly Ipv6Addr[];
  /** It sends Router Advertisements (a routing device's LAN interface). */
  readonly advertises: boolean;
  /** It forms addresses from Router Advertisements (`ipv6 address autoconfig`, a PC set to obtain one). */
  readonly autoconfig: boolean;
  /** The hop limit of what it originates. */
  readonly hopLimit: number;
}

export interface Ipv6RouteEntry {
  /** IOS's code: C connected, L local, S static, ND default from a Router Advertisement, NDp its on-link prefix. */
  readonly code: 'C' | 'L' | 'S' | 'ND' | 'NDp';
  readonly prefix: Ipv6Addr;
  readonly len: number;
  readonly distance: number;
  readonly metric: number;
  readonly nextHop?: Ipv6Addr;
  /** The exit interface's name; absent for a static route through a next hop only. */
  readonly iface?: string;
}

export interface Ipv6NeighborEntry {
  readonly addr: Ipv6Addr;
  /** Absent while INCOMPLETE. */
  readonly mac?: MacAddr;
  readonly state: 'INCMP' | 'REACH' | 'STALE' | 'DELAY' | 'PROBE';
  /** Time in this state (REACH: since reachability was last confirmed). */
  readonly age: Micros;
  readonly iface: string;
  readonly router: boolean;
}

export interface TracerouteOptions {
  /** The first probes' TTL (IOS `ttl MIN MAX`); 1 by default. */
  readonly minTtl?: number;
  readonly maxTtl: number;
  readonly probesPerHop: number;
  readonly timeout: Micros;
  /** Windows tracert sends ICMP echo; IOS traceroute sends UDP to 33434+. */
  readonly probe: 'icmp' | 'udp';
  /** The probes' source address (IOS `traceroute ... source`): one of the device's own. */
  readonly source?: Ipv4Addr;
  /** UDP probes: the first probe's destination port, one more for each next probe (33434). */
  readonly port?: number;
}

export interface TracerouteHop {
  readonly ttl: number;
  readonly probes: readonly ProbeResult[];
}

export interface TracerouteJob {
  readonly done: boolean;
  readonly target: Ipv4Addr;
  readonly hops: readonly TracerouteHop[];
  /** True once a probe got an answer from the target itself (reply or port unreachable). */
  readonly reached: boolean;
  /** As `PingJob.stop`. */
  stop(): void;
}

/**
 * A name to look up with DNS, and which program asks: the system's resolver (its cache, its
 * retry schedule: Windows' DNS Client, IOS's domain service) or Windows' nslookup.exe (no
 * cache, 2 s a try, query identifiers counting from 1).
 */
export interface DnsLookupRequest {
  readonly name: string;
  /** The question's type: 1 (A), 12 (PTR), 28 (AAAA)... */
  readonly type: number;
  /** The servers to ask, in order; IOS with none configured asks 255.255.255.255. */
  readonly servers: readonly Ipv4Addr[];
  readonly app: 'resolver' | 'nslookup';
  /** nslookup: the first query's identifier (it numbers its queries from 1 as it goes); random otherwise. */
  readonly queryId?: number;
  /** At most this many queries (nslookup asks its server's own name once). */
  readonly tries?: number;
}

/** A record of a DNS answer, as far as the consoles print them. */
export interface DnsAnswerRecord {
  readonly name: string;
  readonly type: number;
  /** Seconds. */
  readonly ttl: number;
  /** A records. */
  readonly address?: Ipv4Addr;
  /** CNAME, NS and PTR records: the name they point to. */
  readonly target?: string;
}

/** How a lookup ended. */
export interface DnsLookupResult {
  /**
   * `answer`: a server answered (`rcode` says how); `timeout`: none did; `no-server`: none to
   * ask; `bad-name`: the name cannot be put in a query (a label over 63 bytes, an empty one).
   */
  readonly outcome: 'answer' | 'timeout' | 'no-server' | 'bad-name';
  /** The server that answered. */
  readonly server?: Ipv4Addr;
  /** 0 no error, 3 no such name (NXDOMAIN), 2 server failure, 5 refused (RFC 1035 4.1.1). */
  readonly rcode?: number;
  readonly authoritative?: boolean;
  /** The answer section: CNAMEs first, then what the question asked for. */
  readonly records: readonly DnsAnswerRecord[];
  /** Found in the resolver's cache: nothing was sent. */
  readonly cached?: boolean;
}

/** One query of a lookup that brought no answer. */
export interface DnsFailedTry {
  readonly server: Ipv4Addr;
  /** `timeout`: no answer in time; `unreachable`: an ICMP error came back instead. */
  readonly why: 'timeout' | 'unreachable';
}

export interface DnsLookupJob {
  readonly done: boolean;
  /** Queries that went unanswered so far, in order (nslookup prints one line each). */
  readonly failed: readonly DnsFailedTry[];
  /** Set when it is done (a stopped lookup ends as a timeout). */
  readonly result: DnsLookupResult | undefined;
  /** As `PingJob.stop`. */
  stop(): void;
}

/** How NTP's selection sees a server (`show ntp associations`' first column). */
export type NtpPeerState = 'sys.peer' | 'candidate' | 'rejected';

/** One NTP association: a configured server, or the device's own clock under `ntp master`. */
export interface NtpPeerStatus {
  /** The server's address; 127.127.1.1 for the device's own clock. */
  readonly address: Ipv4Addr;
  /** Configured by `ntp server` (or `ntp master`), as every association here is. */
  readonly configured: boolean;
  readonly prefer: boolean;
  /** The server's stratum as last heard; 16 before any good answer. */
  readonly stratum: number;
  /** The server's reference ID as last heard (an address, or a code such as "LOCL", "INIT"). */
  readonly refId: number;
  /** When its last answer came (virtual time), good or not; undefined before any. */
  readonly lastHeard: Micros | undefined;
  /** Seconds between polls. */
  readonly poll: number;
  /** Which of the last eight polls were answered, the latest in bit 0. */
  readonly reach: number;
  /** The filter's estimates, in seconds. */
  readonly delay: number;
  readonly offset: number;
  readonly dispersion: number;
  readonly jitter: number;
  /** The server's own root delay and dispersion, in seconds, as last heard. */
  readonly rootDelay: number;
  readonly rootDispersion: number;
  /** When it last sent (virtual time). */
  readonly lastSent: Micros | undefined;
  readonly state: NtpPeerState;
}

/** A device's NTP (`show ntp status`, `show ntp associations`). */
export interface NtpStatus {
  readonly synced: boolean;
  /** 16 when not synchronized. */
  readonly stratum: number;
  /** The reference ID it gives (its server's address, 127.127.1.1 under `ntp master`). */
  readonly refId: number;
  /** The clock's time at its last update, in ms since 1970, undefined before any. */
  readonly referenceMs: number | undefined;
  /** Its last update (virtual time), undefined before any. */
  readonly updatedAt: Micros | undefined;
  /** Its offset from its server at the last update, root delay and dispersion, in seconds. */
  readonly offset: number;
  readonly rootDelay: number;
  readonly rootDispersion: number;
  /** The chosen server's dispersion, in seconds (0 when none). */
  readonly peerDispersion: number;
  /** Log2 of its clock's precision, in seconds. */
  readonly precision: number;
  /** Seconds between polls of the system. */
  readonly poll: number;
  /** When NTP started running (virtual time). */
  readonly since: Micros;
  readonly peers: readonly NtpPeerStatus[];
}

/** Who set a device's clock last: the user (`clock set`) or NTP. */
export type TimeSource = 'user' | 'ntp';

/** A device's time-of-day clock (device/time-of-day.ts). */
export interface DeviceTime {
  /** Milliseconds since 1970 (UTC) at virtual time `t`, now by default. */
  wallMs(t?: Micros): number;
  /** Virtual time of its last setting; Infinity when nothing has set it since it powered on. */
  readonly setAt: Micros;
  /** The setting before the last (Infinity: none). */
  readonly setBefore: Micros;
  /** Who set it last; undefined when nothing has. */
  readonly source: TimeSource | undefined;
  /** Whether NTP has synchronized it; undefined while NTP does not run. */
  readonly ntpSynced: boolean | undefined;
}

/** A name the resolver keeps (`ipconfig /displaydns`, IOS `show hosts`). */
export interface DnsCacheEntry {
  readonly name: string;
  readonly type: number;
  /** Seconds left. */
  readonly ttl: number;
  /** The answer's records; none for a name that does not exist. */
  readonly records: readonly DnsAnswerRecord[];
  /** NXDOMAIN, or no record of the type. */
  readonly negative: boolean;
}

/** A TCP connection's state (RFC 9293 3.3.2), LISTEN aside: listening is per port. */
export type TcpState =
  | 'syn-sent'
  | 'syn-received'
  | 'established'
  | 'fin-wait-1'
  | 'fin-wait-2'
  | 'close-wait'
  | 'closing'
  | 'last-ack'
  | 'time-wait'
  | 'closed';

/**
 * Why a connection ended other than by both sides closing: the peer refused it (a reset to the
 * SYN), nothing answered, an ICMP error or a local failure said the peer cannot be reached,
 * the peer reset it, or this side aborted it (or its device restarted).
 */
export type TcpFailure = 'refused' | 'timeout' | 'unreachable' | 'reset' | 'aborted';

/** One TCP connection, as the application at either end holds it (Telnet, SSH). */
export interface TcpSocket {
  readonly state: TcpState;
  /** Set when it is closed for a reason other than an orderly close. */
  readonly failure: TcpFailure | undefined;
  /** The peer closed its side (its FIN came): `read` brings what came before, then nothing. */
  readonly peerClosed: boolean;
  readonly localAddr: number;
  readonly localPort: number;
  readonly remoteAddr: number;
  readonly remotePort: number;
  /** Bytes written and not yet acknowledged by the peer. */
  readonly unacknowledged: number;
  /** Queues bytes to send; ignored once it is closing or closed. */
  write(data: Uint8Array): void;
  /** What arrived since the last read (empty when nothing has). */
  read(): Uint8Array;
  /** Orderly close: a FIN follows what is still to send. */
  close(): void;
  /** Ends it at once with a reset. */
  abort(): void;
}

/** Whether a listening port takes a connection from `remoteAddr`:`remotePort` to `localAddr`. */
export type TcpAdmission = (remoteAddr: number, remotePort: number, localAddr: number) => boolean;

/**
 * A translation of network address translation, as `show ip nat translations` lists it:
 * `protocol` 0 for an address's translation (no ports), else 1 (ICMP, the echo identifier as
 * its ports), 6 or 17. Ports are -1 where there are none.
 */
export interface NatTranslation {
  /** A running count of the translations made (IOS's entry-id). */
  readonly id: number;
  readonly protocol: number;
  readonly insideGlobal: Ipv4Addr;
  readonly insideGlobalPort: number;
  readonly insideLocal: Ipv4Addr;
  readonly insideLocalPort: number;
  /** The outside end of a flow (no outside translation: outside local and global are one address). */
  readonly outside: Ipv4Addr | undefined;
  /** The outside end's port as the inside sees it (an echo: its own identifier)... */
  readonly outsideLocalPort: number;
  /** ...and as the outside does (an echo: the translated identifier). */
  readonly outsideGlobalPort: number;
  /** Made by a static command (the flows riding it are dynamic). */
  readonly static: boolean;
  readonly extendable: boolean;
  /** A TCP flow that saw a FIN or a reset: it goes after the FIN/RST timeout. */
  readonly timingOut: boolean;
  /** The id of the dynamic mapping that made it (or the address it rides). */
  readonly mapping?: number;
  readonly created: Micros;
  readonly used: Micros;
  /** How long it lasts after its last use, in microseconds; -1 for never. */
  readonly timeout: number;
  /** When it goes unless used again (a closing TCP flow: by the FIN/RST timeout); -1 for never. */
  readonly expires: Micros | -1;
  /** Flows riding this address or static port translation. */
  readonly flows: number;
}

/** A dynamic mapping as `show ip nat statistics` lists it. */
export interface NatMappingStatus {
  readonly id: number;
  readonly acl: string;
  readonly pool?: string;
  readonly interface?: string;
  readonly overload: boolean;
  /** Translations it made that are still there. */
  readonly refcount: number;
  readonly poolStatus?: {
    readonly start: Ipv4Addr;
    readonly end: Ipv4Addr;
    readonly len: number;
    /** Addresses it hands out (its range less the netmask's network and broadcast). */
    readonly total: number;
    readonly allocated: number;
    readonly misses: number;
  };
}

export interface NatStatistics {
  readonly active: number;
  readonly statics: number;
  readonly dynamics: number;
  /** Translations with ports (flows and static ports). */
  readonly extended: number;
  readonly peak: number;
  readonly peakAt: Micros;
  /** Datagrams translated since the statistics were last cleared. */
  readonly hits: number;
  /** Datagrams translated since NAT was configured: `clear ip nat statistics` keeps them. */
  readonly cefTranslated: number;
  /** Datagrams that needed a translation none could be made for. */
  readonly misses: number;
  readonly expired: number;
  readonly mappings: readonly NatMappingStatus[];
}

export interface Simulation {
  readonly trace: Trace;
  now(): Micros;

  /** `model` picks a switch's hardware (absent: a 2960-24TT). */
  addDevice(id: DeviceId, kind: DeviceKind, name: string, model?: SwitchModel): void;
  removeDevice(id: DeviceId): void;
  connect(id: LinkId, a: PortRef, b: PortRef, options?: LinkOptions): void;
  disconnect(id: LinkId): void;
  setLinkUp(id: LinkId, up: boolean): void;

  /** Apply a whole configuration; the engine diffs it against the current one (routers/switches). */
  configure(id: DeviceId, config: DeviceConfig): void;
  /** Apply a host's IP settings (pc/server). */
  configureHost(id: DeviceId, config: HostConfig): void;

  /** An IOS device's DHCP server: its leases (`show ip dhcp binding`); empty without one. */
  dhcpBindings(id: DeviceId): readonly DhcpBinding[];
  /** `show ip dhcp conflict`. */
  dhcpConflicts(id: DeviceId): readonly DhcpConflict[];
  /** `show ip dhcp pool`. */
  dhcpPools(id: DeviceId): readonly DhcpPoolStatus[];
  /** `show ip dhcp server statistics`. */
  dhcpServerStatistics(id: DeviceId): DhcpServerStatistics;
  /**
   * `clear ip dhcp binding|conflict *|A.B.C.D`: every entry, or the one for `ip`; `clear ip dhcp
   * server statistics`: the message counts.
   */
  clearDhcp(id: DeviceId, table: 'binding' | 'conflict' | 'statistics', ip?: Ipv4Addr): void;
  /** Its DHCP server's console messages, from sequence number `since` on. */
  dhcpEvents(id: DeviceId, since: number): DhcpEvents;
  /**
   * A PC's `ipconfig /renew`, or IOS's `renew dhcp IFACE`: done at once when the adapter or
   * interface does not use DHCP.
   */
  dhcpRenew(id: DeviceId, iface?: string): DhcpRenewJob;
  /** A PC's `ipconfig /release`, or IOS's `release dhcp IFACE`: whether there was a lease to give back. */
  dhcpRelease(id: DeviceId, iface?: string): boolean;
  /** An IOS device's interfaces with `ip address dhcp` (`show dhcp lease`). */
  dhcpClientLeases(id: DeviceId): readonly DhcpClientLease[];

  /**
   * Process events up to and including time `t`, bounded by `maxEvents`; returns events
   * processed. The interfaces' rates are sampled on the way, every 5 s of virtual time, after
   * the events due at or before each sample's time.
   */
  runUntil(t: Micros, maxEvents?: number): number;
  /**
   * Process the next event, if any, after the rates' samples due before it; returns false when
   * the queue is empty.
   */
  step(): boolean;
  /** Time of the next pending event, or undefined. */
  nextEventTime(): Micros | undefined;
  /** Counters of the engine's own work, for benches and diagnostics. */
  engineStats(): EngineStats;

  interfaces(id: DeviceId): readonly InterfaceStatus[];
  arpTable(id: DeviceId): readonly ArpEntry[];
  macTable(id: DeviceId): readonly MacEntry[];
  routes(id: DeviceId): readonly RouteEntry[];
  trunks(id: DeviceId): readonly TrunkStatus[];
  /** Routers: the interfaces that carry VLANs, by VLAN then name (none for other kinds). */
  vlanInterfaces(id: DeviceId): readonly VlanInterfaceStatus[];
  /** Ports (short names) whose operational access VLAN is `vlan`, for `show vlan brief`. */
  vlanPorts(id: DeviceId): ReadonlyMap<number, readonly string[]>;
  /** The MAC of the device's first port (base MAC for show version / SVIs). */
  baseMac(id: DeviceId): MacAddr;
  /** Switches: ports whose neighbour advertises another native VLAN (trunk or access). */
  nativeVlanMismatches(id: DeviceId): readonly NativeVlanMismatch[];
  /** The device's links whose ends disagree on duplex, as far as CDP tells it. */
  duplexMismatches(id: DeviceId): readonly DuplexMismatch[];
  /** Routers and switches: the neighbours CDP hears, in the order of the device's ports. */
  cdpNeighbors(id: DeviceId): readonly CdpNeighbor[];
  /** Routers and switches: their LLDP neighbours, in the order of their ports ([] with LLDP off). */
  lldpNeighbors(id: DeviceId): readonly LldpNeighbor[];
  /**
   * The device's interface state changes from number `since` on. The log keeps the latest few
   * hundred per device; a `since` past its end reads none and gives the end as `next`, so
   * `interfaceChanges(id, Infinity).next` is where a reader starts to see only what follows.
   */
  interfaceChanges(id: DeviceId, since: number): InterfaceChanges;
  /**
   * Switches: MAC addresses seen moving between ports, from number `since` on, at most one
   * report per address and VLAN a second (none for other kinds). `Infinity` reads the end.
   */
  macFlaps(id: DeviceId, since: number): MacFlaps;
  /**
   * Switches: ports their spanning tree blocked or unblocked for a miswired trunk, from number
   * `since` on (none for other kinds). `Infinity` reads the end.
   */
  spanningTreeEvents(id: DeviceId, since: number): SpanningTreeEvents;
  /** Switches: their EtherChannels (`show etherchannel`); none for other kinds. */
  etherChannels(id: DeviceId): EtherChannelsStatus;
  /**
   * Multilayer switches: the internal VLANs their routed ports hold (`show vlan internal
   * usage`), in VLAN order; none for other devices.
   */
  internalVlans(id: DeviceId): readonly InternalVlan[];
  /** Switches: members refused or error-disabled by their EtherChannel, from number `since` on. `Infinity` reads the end. */
  etherChannelEvents(id: DeviceId, since: number): EtherChannelEvents;
  /** Switches: their spanning tree instances, by VLAN (none for other kinds, or with no port up). */
  spanningTree(id: DeviceId): readonly StpInstanceStatus[];
  /** Address conflicts a device with an IP stack saw, from sequence number `since` on. */
  addressConflicts(id: DeviceId, since: number): AddressConflicts;
  /**
   * IOS devices: turns `debug ip icmp` or `debug arp` on or off; nothing for other kinds. A
   * reload turns all debugging off.
   */
  setDebugging(id: DeviceId, facility: DebugFacility, on: boolean): void;
  /** The debugging that is on, `icmp` before `arp`. */
  debugging(id: DeviceId): readonly DebugFacility[];
  /**
   * What the device's debugging recorded while it was on, from sequence number `since` on.
   * `Infinity` reads the end.
   */
  debugEvents(id: DeviceId, since: number): DebugEvents;
  /**
   * Switches: frames their secure ports refused in restrict and shutdown modes, from number
   * `since` on (none for other kinds). `Infinity` reads the end.
   */
  securityViolations(id: DeviceId, since: number): SecurityViolations;
  /** Ports `errdisable recovery` brought back (%PM-4-ERR_RECOVER), from sequence number `since` on. */
  errdisableRecoveries(id: DeviceId, since: number): ErrRecoveries;
  /** Switches: the state of every port with port security on, in port order. */
  portSecurity(id: DeviceId): readonly PortSecurityStatus[];
  /**
   * Switches (`clear port-security`): forgets the secure addresses `filter` names, from the
   * ports and the MAC address table. Configured and sticky ones stay in the configuration:
   * the caller takes them out of it.
   */
  clearPortSecurity(id: DeviceId, filter: SecureAddressFilter): void;
  /**
   * Routers and switches: how many datagrams (and vty connections) each entry of each access
   * list decided, by list name then by index in the list's entries (remarks count 0). Lists
   * applied nowhere count nothing.
   */
  accessListMatches(id: DeviceId): ReadonlyMap<string, readonly number[]>;
  /** A vty line's `access-class NAME in` judged a connection: the entry that decided counts. */
  countAccessClass(id: DeviceId, name: string, p: AclPacket): void;
  /** `clear access-list counters [NAME]`; false when NAME names no list. */
  clearAccessListCounters(id: DeviceId, name?: string): boolean;
  /** Routers: their HSRP groups, by interface then group (none for other kinds). */
  hsrpGroups(id: DeviceId): readonly HsrpGroupStatus[];
  /** Routers: their groups' changes of state from sequence number `since` on. */
  hsrpEvents(id: DeviceId, since: number): HsrpEvents;
  /** Routers and routing multilayer switches: their OSPF processes, by process number (none for other devices). */
  ospf(id: DeviceId): readonly OspfProcessStatus[];
  /** Routers and multilayer switches: their OSPF neighbours' changes of state from sequence number `since` on. */
  ospfEvents(id: DeviceId, since: number): OspfEvents;
  /** `clear ip ospf [N] process`: every process, or process N, starts over. */
  clearOspf(id: DeviceId, pid?: number): void;
  /** Routers: their translations (`show ip nat translations`), none without NAT. */
  natTranslations(id: DeviceId): readonly NatTranslation[];
  /** Routers: `show ip nat statistics`; undefined for other kinds. */
  natStatistics(id: DeviceId): NatStatistics | undefined;
  /** `clear ip nat translation *` (dynamic ones) or `clear ip nat statistics`. */
  clearNat(id: DeviceId, what: 'translations' | 'statistics'): void;
  /**
   * Sticky secure addresses the switches learned since the last call, by switch and port name,
   * which a switch writes into its running-config. Cheap when there are none.
   */
  takeStickyLearned(): ReadonlyMap<DeviceId, ReadonlyMap<string, readonly SecureMac[]>>;
  /** When the device last booted: its addition to the simulation, or its last `reload`. */
  bootTime(id: DeviceId): Micros;
  /**
   * Its time-of-day clock, as the consoles read it (the object follows the clock: read it
   * again for the time later).
   */
  timeOfDay(id: DeviceId): DeviceTime;
  /** `clock set`: the device's clock reads `ms` (since 1970, UTC) from now on, set by the user. */
  setClock(id: DeviceId, ms: number): void;
  /** Its NTP, undefined while it runs none (no `ntp` command configured). */
  ntp(id: DeviceId): NtpStatus | undefined;
  /**
   * The device restarts now: it forgets its ARP cache and MAC table, its interface counters start
   * from zero, and its uptime counts from here. Give it its boot configuration with `configure`.
   * Its lines go down and up again at once; `powerOff`, then `powerOn` after a while, is a
   * reload that takes that while.
   */
  reload(id: DeviceId): void;
  /** The device stops: its cables' lines go down, which its neighbours see and log. */
  powerOff(id: DeviceId): void;
  /**
   * The device boots now, as `reload` restarts it, and its lines come up: its own interfaces
   * are logged coming up, its neighbours' too. A device that is on is restarted (`reload`).
   */
  powerOn(id: DeviceId): void;

  clearArp(id: DeviceId): void;
  /** Forgets one ARP entry (Windows `arp -d ADDRESS`); false when there was none. */
  deleteArp(id: DeviceId, ip: Ipv4Addr): boolean;
  /**
   * A PC's or server's static ARP entry (Windows `arp -s`), kept until `arp -d` or a restart;
   * a device configured with IOS takes its static entries from its configuration.
   */
  addStaticArp(id: DeviceId, ip: Ipv4Addr, mac: MacAddr): void;
  /**
   * Forgets one ARP entry and asks for the address again at once, unicast to the MAC address
   * it had (IOS `clear ip arp ADDRESS`); false when there was none.
   */
  refreshArp(id: DeviceId, ip: Ipv4Addr): boolean;
  /**
   * IOS `clear arp-cache [interface NAME | ADDRESS]`: the dynamic entries (all of them, those
   * learned on one interface, or one address) are forgotten, each complete one asked for again
   * at once as `refreshArp` does, and the interfaces concerned announce their own addresses
   * with a gratuitous ARP reply.
   */
  clearArpCache(id: DeviceId, scope?: ArpClearScope): void;
  /**
   * Forgets a switch's learned addresses (`clear mac address-table dynamic`): all of them, or
   * those matching every part of `filter`.
   */
  clearMacTable(id: DeviceId, filter?: MacTableFilter): void;
  /**
   * `clear counters [INTERFACE]`: the counters of every interface of the device, or of the one
   * named, count from now. False (nothing cleared) when it has no interface of that name.
   */
  clearCounters(id: DeviceId, iface?: string): boolean;
  /** `clear cdp table`: forgets its CDP neighbours, heard again at their next advertisement. */
  clearCdpTable(id: DeviceId): void;
  /**
   * `clear spanning-tree detected-protocols [INTERFACE]`: under rapid PVST+, ports that speak
   * 802.1D to a neighbour that did speak RSTP again. False when the switch has no such port.
   */
  clearDetectedProtocols(id: DeviceId, iface?: string): boolean;

  ping(id: DeviceId, target: Ipv4Addr, options: PingOptions): PingJob;
  traceroute(id: DeviceId, target: Ipv4Addr, options: TracerouteOptions): TracerouteJob;

  /** A ping over IPv6 (a device with no IPv6 configured has no route to anything). */
  ping6(id: DeviceId, target: Ipv6Addr, options: Ping6Options): Ping6Job;
  /** Every IP interface of the device with its IPv6 state, in the device's order. */
  ipv6Interfaces(id: DeviceId): Ipv6InterfaceStatus[];
  /** Its IPv6 routing table (what `show ipv6 route` lists). */
  ipv6Routes(id: DeviceId): Ipv6RouteEntry[];
  /** Its IPv6 neighbor cache (`show ipv6 neighbors`). */
  ipv6Neighbors(id: DeviceId): Ipv6NeighborEntry[];
  /** `clear ipv6 neighbors`. */
  clearIpv6Neighbors(id: DeviceId): void;

  /** Looks a name up with DNS from the device (its queries leave now, or its cache answers). */
  dnsLookup(id: DeviceId, request: DnsLookupRequest): DnsLookupJob;
  /** What the device's resolver keeps, live entries only, in the order they came. */
  dnsCache(id: DeviceId): readonly DnsCacheEntry[];
  /** `ipconfig /flushdns`, IOS `clear host *`: the resolver forgets every name. */
  flushDnsCache(id: DeviceId): void;

  /** Opens a TCP connection from the device to `target`:`port` (its SYN leaves now). */
  tcpConnect(id: DeviceId, target: Ipv4Addr, port: number): TcpSocket;
  /**
   * Starts or stops taking TCP connections on `port` (those already made go on). `admits`, when
   * given, is asked about each connection request (the peer's address and port, then the
   * address it was sent to); one it refuses is answered as a closed port would be.
   */
  tcpListen(id: DeviceId, port: number, on: boolean, admits?: TcpAdmission): void;
  /** The connections the device's listening ports completed since the last call. */
  tcpAccepted(id: DeviceId): TcpSocket[];
  /** The devices with connections for `tcpAccepted` since the last call. */
  takeTcpAccepting(): DeviceId[];

  /** Every frame put on a wire, for pcap export: the time it left and the link it crossed. */
  onWire(listener: (at: Micros, link: LinkId, frame: EthernetFrame) => void): () => void;
}
