/**
 * Typed trace events: what happened, where and when, for simulation mode, the event list,
 * the PDU inspector and the tests. `TraceLog` records them in a bounded ring.
 *
 * Frame ids: a frame keeps its id from the device that builds it until a device rewrites it.
 * Switches forward (and tag or untag) a frame under the same id; a router that routes a packet
 * builds a new frame, and its `forward` event links the two ids (`frameId` -> `outFrameId`).
 */
import type { DeviceId, LinkId } from '../shared/ids.ts';
import type { Ipv4Addr } from '../shared/ipv4.ts';
import type { MacAddr } from '../shared/mac.ts';
import type { Micros } from '../shared/time.ts';
import type { EthernetFrame } from './wire/ethernet.ts';

export type DropReason =
  | 'port-down'
  | 'no-cable'
  | 'vlan-not-allowed'
  | 'vlan-inactive'
  | 'not-for-us'
  | 'no-route'
  /** A route to Null0 matched: the packet is discarded. */
  | 'null-route'
  | 'ttl-expired'
  | 'arp-timeout'
  /** IPv6 Neighbor Discovery got no answer for the next hop (RFC 4861 7.3.3). */
  | 'nd-timeout'
  | 'arp-queue-full'
  /** A router drops the packet that starts ARP resolution (IOS glean), and those behind it. */
  | 'arp-incomplete'
  | 'no-listener'
  | 'storm-limit'
  /** The port's transmit queue was full (tail drop). */
  | 'queue-full'
  /** A switch received a frame for a MAC address learned on the same port (802.1D filtering). */
  | 'filtered'
  /** Port security refused the frame's source address (protect, restrict or shutdown). */
  | 'port-security'
  /** A static MAC address entry with `drop`: a frame from or to that address. */
  | 'mac-filter'
  /** An access list applied to the interface (`ip access-group`) denied the datagram. */
  | 'acl-denied'
  /** Network address translation should translate the datagram and cannot (no address or port left). */
  | 'nat-failed'
  | 'bad-checksum'
  | 'malformed';

interface Base {
  /** Virtual time. */
  readonly t: Micros;
  /** Monotonic event number: the trace's total order. */
  readonly seq: number;
  readonly device: DeviceId;
}

export type TraceEvent =
  | (Base & {
      readonly kind: 'tx';
      readonly port: string;
      readonly link: LinkId;
      readonly frameId: number;
      readonly frame: EthernetFrame;
    })
  | (Base & {
      readonly kind: 'rx';
      readonly port: string;
      readonly frameId: number;
      readonly frame: EthernetFrame;
    })
  | (Base & {
      readonly kind: 'forward';
      readonly frameId: number;
      readonly from: string;
      readonly to: readonly string[];
      /** Routers: the id of the frame they built to carry the packet on. */
      readonly outFrameId?: number;
    })
  | (Base & {
      readonly kind: 'drop';
      readonly frameId: number;
      readonly reason: DropReason;
      readonly port?: string;
    })
  | (Base & { readonly kind: 'arp-request'; readonly target: Ipv4Addr })
  | (Base & { readonly kind: 'arp-reply'; readonly ip: Ipv4Addr; readonly mac: MacAddr })
  | (Base & {
      readonly kind: 'mac-learned';
      readonly mac: MacAddr;
      readonly vlan: number;
      readonly port: string;
    })
  /**
   * A switch is sure of a broadcast storm in `vlan`: more floods than the threshold within one
   * window (`frames` so far) and a flooded frame came back. Until the topology changes it drops
   * what it would forward in that VLAN (reason `storm-limit`).
   */
  | (Base & { readonly kind: 'storm'; readonly vlan: number; readonly frames: number })
  /**
   * A trunk met a neighbour's trunk with another native VLAN: PVST+ blocks the two VLANs on it
   * (what CDP reports as %CDP-4-NATIVE_VLAN_MISMATCH). Once, when the block starts.
   */
  | (Base & {
      readonly kind: 'native-vlan-mismatch';
      readonly port: string;
      readonly nativeVlan: number;
      readonly peerDevice: DeviceId;
      readonly peerPort: string;
      readonly peerNativeVlan: number;
    });

export interface Trace {
  /** Events in order; a bounded ring (oldest dropped) so long runs do not grow memory. */
  readonly events: readonly TraceEvent[];
  /** Whether to record events at all (benchmarks turn it off). */
  enabled: boolean;
  clear(): void;
  subscribe(listener: (e: TraceEvent) => void): () => void;
}

/** Default number of events kept. */
export const DEFAULT_TRACE_CAPACITY = 10_000;

/**
 * The engine's trace. Emitters check `enabled` before building an event, so a disabled trace
 * costs one property read per would-be event.
 */
export class TraceLog implements Trace {
  enabled = true;
  private readonly ring: (TraceEvent | undefined)[];
  private head = 0;
  private size = 0;
  private seq = 0;
  /** Replaced, never mutated, so a listener may unsubscribe while being called. */
  private listeners: readonly ((e: TraceEvent) => void)[] = [];

  constructor(readonly capacity = DEFAULT_TRACE_CAPACITY) {
    if (!(capacity >= 1)) throw new RangeError(`trace capacity must be at least 1, got ${capacity}`);
    this.ring = new Array<TraceEvent | undefined>(capacity);
  }

  get events(): readonly TraceEvent[] {
    const out: TraceEvent[] = [];
    const start = (this.head - this.size + this.capacity) % this.capacity;
    for (let i = 0; i < this.size; i++) out.push(this.ring[(start + i) % this.capacity]!);
    return out;
  }

  /** The sequence number for the next event (call only when building one). */
  nextSeq(): number {
    return this.seq++;
  }

  emit(e: TraceEvent): void {
    this.ring[this.head] = e;
    this.head = (this.head + 1) % this.capacity;
    if (this.size < this.capacity) this.size++;
    for (const l of this.listeners) l(e);
  }

  clear(): void {
    this.ring.fill(undefined);
    this.head = 0;
    this.size = 0;
  }

  subscribe(listener: (e: TraceEvent) => void): () => void {
    this.listeners = [...this.listeners, listener];
    return () => {
      this.listeners = this.listeners.filter((l) => l !== listener);
    };
  }
}
