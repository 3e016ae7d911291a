/**
 * What every device, port and application of one simulation shares: the clock and event
 * queue, the ports' per-frame numbers, the trace, the seeded random numbers, frame ids and the
 * pcap listeners.
 */
import type { DeviceId, LinkId } from '../../shared/ids.ts';
import type { Micros } from '../../shared/time.ts';
import type { Device } from '../device/device.ts';
import { LoadClock } from '../device/load-rates.ts';
import { MacTables } from '../device/mac-table.ts';
import type { Port } from '../device/port.ts';
import type { StackProfile } from '../device/profiles.ts';
import { IOS_PROFILE, WINDOWS_PROFILE } from '../device/profiles.ts';
import type { DropReason } from '../trace.ts';
import { TraceLog } from '../trace.ts';
import type { EthernetFrame } from '../wire/ethernet.ts';
import type { StpBpdu } from '../wire/stp.ts';
import { PortTable } from './port-table.ts';
import { Rng } from './rng.ts';
import { Scheduler } from './scheduler.ts';
import { SlotStore } from './slot-store.ts';

/** A BPDU waiting for delivery while spanning trees settle: its sender, port index, VLAN and BPDU. */
export interface StpDelivery {
  readonly from: { deliverBpdu(index: number, vlan: number, bpdu: StpBpdu): void };
  readonly index: number;
  readonly vlan: number;
  readonly bpdu: StpBpdu;
}

export type WireListener = (at: Micros, link: LinkId, frame: EthernetFrame) => void;

export interface ContextOptions {
  readonly seed: number;
  /** Packets held per unresolved neighbour, overriding the profiles' defaults. */
  readonly arpQueueLength: { readonly ios?: number | undefined; readonly windows?: number | undefined };
  readonly traceCapacity: number;
  /** Overrides every port's transmit queue length (default: per device kind). */
  readonly txQueueLimit: number | undefined;
  readonly stormThreshold: number;
  readonly stormWindow: number;
}

export class SimContext {
  /** Every port's per-frame numbers (port-table.ts), and where frame events find their port. */
  readonly ports = new PortTable<Port>();
  readonly sched = new Scheduler(this.ports);
  /** The switches' MAC tables and the IP stacks' forwarding caches (slot-store.ts). */
  readonly tables = new SlotStore();
  /** The switches' MAC tables, in `tables`. */
  readonly macTables = new MacTables(this.tables);
  /** The samples of the interfaces' input and output rates (load-rates.ts). */
  readonly load = new LoadClock();
  readonly trace: TraceLog;
  readonly rng: Rng;
  readonly wireListeners: WireListener[] = [];
  /** IP behaviour of IOS devices and of Windows PCs in this simulation. */
  readonly profiles: { readonly ios: StackProfile; readonly windows: StackProfile };
  /**
   * Bumped whenever a switch's ports, cables or configuration change: what a storm found
   * (a loop) may no longer hold.
   */
  topologyEpoch = 0;
  /**
   * The topology epoch in which a storm last saturated a VLAN (-1: never), so that switches
   * look at their VLAN's storm state only while some storm may be on.
   */
  stormEpoch = -1;
  /** Datagrams forwarded by routers, and how many of them in the frame they came in. */
  routed = 0;
  routedInPlace = 0;
  /** Echo requests stacks were asked to send, and how many of them reused an earlier reply. */
  echoes = 0;
  echoesReused = 0;
  /**
   * A device changed one of its ports' line state on its own (a switch error-disabling a port):
   * the simulation recomputes its cables' lines and refreshes it and its neighbours.
   */
  linesChanged: (device: Device) => void = () => {};
  /** A switch learned a sticky secure address not yet taken (`Simulation.takeStickyLearned`). */
  stickyLearned = false;
  /**
   * BPDUs sent at time 0, as the network is opened, and not yet delivered: the switches' spanning
   * trees settle by exchanging them at once (stp-settle.ts) before the clock first runs.
   */
  readonly stpOutbox: StpDelivery[] = [];
  /** A switch's ports or configuration changed at time 0: its spanning trees are to settle again. */
  stpUnsettled = false;
  /** Devices whose listening ports completed connections not yet taken (`takeTcpAccepting`). */
  readonly tcpAccepting = new Set<DeviceId>();
  private frameIds = 0;
  private epochs = 0;

  constructor(readonly options: ContextOptions) {
    this.trace = new TraceLog(options.traceCapacity);
    this.rng = new Rng(options.seed);
    const { ios, windows } = options.arpQueueLength;
    this.profiles = {
      ios: ios === undefined ? IOS_PROFILE : { ...IOS_PROFILE, arpQueueLimit: ios },
      windows: windows === undefined ? WINDOWS_PROFILE : { ...WINDOWS_PROFILE, arpQueueLimit: windows },
    };
  }

  /** Whether anyone looks at frames as they pass: the trace or a wire listener. */
  observed(): boolean {
    return this.trace.enabled || this.wireListeners.length > 0;
  }

  nextFrameId(): number {
    return ++this.frameIds;
  }

  /** A cable epoch never handed out before in this simulation (see Link). */
  nextEpoch(): number {
    return ++this.epochs;
  }

  /** Records a dropped frame (only when tracing: callers pass plain values, nothing is built). */
  traceDrop(device: DeviceId, frameId: number, reason: DropReason, port: string | undefined): void {
    const trace = this.trace;
    if (!trace.enabled) return;
    trace.emit({
      t: this.sched.now as Micros,
      seq: trace.nextSeq(),
      device,
      kind: 'drop',
      frameId,
      reason,
      port,
    });
  }
}
