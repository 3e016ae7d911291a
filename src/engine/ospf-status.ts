/**
 * What a router's OSPF processes show (`show ip ospf ...`, `show ip protocols`, %OSPF-5-ADJCHG):
 * plain data read across the worker boundary.
 */
import type { Ipv4Addr } from '../shared/ipv4.ts';
import type { OspfArea } from '../shared/ospf.ts';
import type { Micros } from '../shared/time.ts';

/** RFC 2328 10.1, as IOS spells them. */
export type OspfNeighborState =
  | 'DOWN'
  | 'ATTEMPT'
  | 'INIT'
  | '2WAY'
  | 'EXSTART'
  | 'EXCHANGE'
  | 'LOADING'
  | 'FULL';

/** RFC 2328 9.1, as `show ip ospf interface brief` spells them. */
export type OspfInterfaceState = 'DOWN' | 'LOOP' | 'WAIT' | 'P2P' | 'DROTH' | 'BDR' | 'DR';

/** A designated router or its backup, as an interface or a neighbour knows it. */
export interface OspfDesignated {
  readonly routerId: Ipv4Addr;
  readonly addr: Ipv4Addr;
}

export interface OspfNeighborStatus {
  readonly routerId: Ipv4Addr;
  /** Its interface address, where its hellos come from. */
  readonly addr: Ipv4Addr;
  /** Our interface it was heard on. */
  readonly iface: string;
  readonly priority: number;
  readonly state: OspfNeighborState;
  /** Its role on the segment: '-' on point-to-point networks. */
  readonly role: 'DR' | 'BDR' | 'DROTHER' | '-';
  /** The DR and BDR its last hello named (0.0.0.0: none). */
  readonly dr: Ipv4Addr;
  readonly bdr: Ipv4Addr;
  /** When it is given up unless a hello comes. */
  readonly deadAt: Micros;
  /** When it last came up (reached 2WAY or beyond from below). */
  readonly since: Micros;
  readonly stateChanges: number;
}

export interface OspfInterfaceStatus {
  readonly name: string;
  readonly pid: number;
  readonly area: OspfArea;
  /** Chosen by `ip ospf N area X` rather than a network statement. */
  readonly byInterfaceCommand: boolean;
  readonly addr: Ipv4Addr;
  readonly len: number;
  readonly up: boolean;
  readonly cost: number;
  readonly state: OspfInterfaceState;
  readonly network: 'BROADCAST' | 'POINT_TO_POINT' | 'LOOPBACK';
  readonly priority: number;
  readonly dr?: OspfDesignated;
  readonly bdr?: OspfDesignated;
  /** Seconds. */
  readonly hello: number;
  readonly dead: number;
  readonly passive: boolean;
  /** When its next hello leaves; absent when it sends none. */
  readonly nextHello?: Micros;
  readonly neighbors: number;
  readonly adjacent: number;
}

/** One LSA of the database (`show ip ospf database`). */
export interface OspfLsaStatus {
  /** 1 router, 2 network, 5 AS external. */
  readonly type: number;
  readonly id: Ipv4Addr;
  readonly advRouter: Ipv4Addr;
  /** Seconds. */
  readonly age: number;
  /** As a signed 32-bit number; IOS prints it as 0x80000001... */
  readonly seq: number;
  readonly checksum: number;
  /** Router LSAs: their link count. */
  readonly links?: number;
  /** AS external LSAs: metric type (1 or 2) and tag. */
  readonly metricType?: 1 | 2;
  readonly tag?: number;
}

export interface OspfProcessStatus {
  readonly pid: number;
  /** 0.0.0.0 while the process has none (no usable address). */
  readonly routerId: Ipv4Addr;
  readonly startedAt: Micros;
  readonly referenceBandwidth: number;
  readonly areas: readonly OspfArea[];
  readonly interfaces: readonly OspfInterfaceStatus[];
  readonly neighbors: readonly OspfNeighborStatus[];
  /** By area (external LSAs under area undefined), in IOS's order: type, then link ID, then router. */
  readonly database: readonly { readonly area?: OspfArea; readonly lsas: readonly OspfLsaStatus[] }[];
  readonly spfRuns: number;
  readonly lastSpf?: Micros;
  /** Whether it originates a default route (AS boundary router). */
  readonly asbr: boolean;
}

/** What a router's OSPF processes log: a neighbour's change of state, or a packet refused. */
export type OspfEvent = OspfAdjacencyChange | OspfPacketRefused;

/** A neighbour's change of state (%OSPF-5-ADJCHG), when it crosses FULL or DOWN. */
export interface OspfAdjacencyChange {
  readonly kind: 'adjacency';
  readonly at: Micros;
  readonly pid: number;
  readonly neighbor: Ipv4Addr;
  readonly iface: string;
  readonly from: OspfNeighborState;
  readonly to: OspfNeighborState;
  /** IOS's reason: "Loading Done", "Dead timer expired", "Interface down or detached"... */
  readonly reason: string;
}

/**
 * A hello refused for a mistake IOS logs at every hello: one from the backbone on an interface
 * of another area (%OSPF-4-ERRRCV), or one carrying the router's own ID (%OSPF-4-DUP_RTRID_NBR).
 */
export interface OspfPacketRefused {
  readonly kind: 'backbone-area' | 'duplicate-router-id';
  readonly at: Micros;
  readonly pid: number;
  /** The sender's address. */
  readonly src: Ipv4Addr;
  readonly iface: string;
  readonly routerId: Ipv4Addr;
}

/** A read of a router's OSPF messages. */
export interface OspfEvents {
  readonly events: readonly OspfEvent[];
  readonly next: number;
  readonly missed: number;
}
