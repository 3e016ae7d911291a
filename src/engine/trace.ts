/**
 * Typed trace events: what happened, where and when, for simulation mode, the event list,
 * the PDU inspector and the tests. TYPES ONLY for now; the engine owns the implementation.
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
  | 'native-vlan-mismatch'
  | 'not-for-us'
  | 'no-route'
  | 'ttl-expired'
  | 'arp-timeout'
  | 'arp-queue-full'
  | 'no-listener'
  | 'storm-limit'
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
  | (Base & { readonly kind: 'storm'; readonly frames: number });

export interface Trace {
  /** Events in order; a bounded ring (oldest dropped) so long runs do not grow memory. */
  readonly events: readonly TraceEvent[];
  /** Whether to record events at all (benchmarks turn it off). */
  enabled: boolean;
  clear(): void;
  subscribe(listener: (e: TraceEvent) => void): () => void;
}
