/**
 * What an OSPF process keeps per interface and per neighbour (RFC 2328 9, 10): the
 * interface's state, DR and BDR, and timers; a neighbour's state, database exchange and
 * lists. The protocol's steps are the process's (ospf.ts), which owns the database they read.
 */
import type { OspfArea } from '../../shared/ospf.ts';
import type { OspfInterfaceState, OspfNeighborState } from '../ospf-status.ts';
import type { Timer } from '../sim/timer.ts';
import type { OspfDbd } from '../wire/ospf.ts';
import type { Lsa, LsaHeader } from '../wire/ospf-lsa.ts';
import type { L3Interface } from './l3-interface.ts';

/** Neighbour states in RFC 2328's order, so that "at least EXCHANGE" is a comparison. */
export const NBR_ORDER: readonly OspfNeighborState[] = [
  'DOWN',
  'ATTEMPT',
  'INIT',
  '2WAY',
  'EXSTART',
  'EXCHANGE',
  'LOADING',
  'FULL',
];
export const rank = (s: OspfNeighborState): number => NBR_ORDER.indexOf(s);

export class OspfNeighbor {
  state: OspfNeighborState = 'DOWN';
  /** Its interface address, where its hellos come from. */
  addr = 0;
  /** The MAC address its hellos come from (-1: not known). */
  mac = -1;
  priority = 0;
  /** The DR and BDR its last hello declared (interface addresses; 0: none). */
  dr = 0;
  bdr = 0;
  /** We are the master of the database exchange. */
  master = false;
  ddSeq = 0;
  /** The last DBD we sent (a slave resends it for a duplicate; a master on timeout). */
  lastDbd: OspfDbd | null = null;
  /** Headers still to describe to it. */
  summary: LsaHeader[] = [];
  /** Our last DBD left the M bit clear / its last one did. */
  sentAll = false;
  peerDone = false;
  /** LSAs to ask it for, by key. */
  readonly requests = new Map<string, LsaHeader>();
  /** LSAs sent to it and not acknowledged yet, by key. */
  readonly retransmit = new Map<string, Lsa>();
  since = 0;
  changes = 0;
  deadAt = 0;

  constructor(
    readonly routerId: number,
    readonly oi: OspfInterface,
    readonly dead: Timer,
    readonly rxmt: Timer,
  ) {}

  /** Forgets the exchange and its lists (RFC 2328 10.3, leaving EXSTART's or above). */
  resetExchange(): void {
    this.lastDbd = null;
    this.summary = [];
    this.sentAll = false;
    this.peerDone = false;
    this.requests.clear();
    this.retransmit.clear();
    this.rxmt.disarm();
  }
}

export class OspfInterface {
  state: OspfInterfaceState = 'DOWN';
  /** The DR and BDR (interface addresses; 0: none). */
  dr = 0;
  bdr = 0;
  readonly neighbors = new Map<number, OspfNeighbor>();
  /** Headers to acknowledge in the next delayed acknowledgement. */
  acks: LsaHeader[] = [];
  nextHello = -1;
  /** The address it runs with ("addr/len"), to notice a new one. */
  addressed = '';
  /** The network LSA we originated as its DR, by its link state ID, if any. */
  networkLsaId = 0;

  constructor(
    readonly iface: L3Interface,
    public area: OspfArea,
    public byInterfaceCommand: boolean,
    readonly hello: Timer,
    readonly wait: Timer,
    readonly ack: Timer,
  ) {}

  // Set from the configuration at each refresh.
  network: 'BROADCAST' | 'POINT_TO_POINT' | 'LOOPBACK' = 'BROADCAST';
  cost = 1;
  priority = 1;
  helloInterval = 10;
  deadInterval = 40;
  passive = false;

  get addr(): number {
    return this.iface.ip?.addr ?? 0;
  }

  get mask(): number {
    return this.iface.mask;
  }

  /** Neighbours at `state` or beyond. */
  count(state: OspfNeighborState): number {
    let n = 0;
    const r = rank(state);
    for (const nb of this.neighbors.values()) if (rank(nb.state) >= r) n++;
    return n;
  }
}
