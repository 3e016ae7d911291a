/**
 * A PC or server running Windows: one Fast Ethernet NIC with an address, a mask and a default
 * gateway (HostConfig), Windows' ARP and ICMP behaviour, ping and tracert.
 */

import type { HostConfig } from '../../shared/config.ts';
import type { DeviceId } from '../../shared/ids.ts';
import type { MacAddr } from '../../shared/mac.ts';
import { KIND_PORTS } from '../../shared/ports.ts';
import type {
  ArpEntry,
  InterfaceStatus,
  PingJob,
  PingOptions,
  RouteEntry,
  TracerouteJob,
  TracerouteOptions,
} from '../api.ts';
import { Apps } from '../apps/apps.ts';
import { wireLen } from '../frame-size.ts';
import type { SimContext } from '../sim/context.ts';
import type { EthernetFrame } from '../wire/ethernet.ts';
import { BROADCAST_MAC } from './arp-cache.ts';
import { Device } from './device.ts';
import { IpStack } from './ip-stack.ts';
import type { L3Owner } from './l3-interface.ts';
import { L3Interface } from './l3-interface.ts';
import { Port, portSpeed, QUEUE_LIMITS } from './port.ts';
import { arpEntries, physicalStatus, routeEntries } from './status.ts';
import { TAG_AS_IS, wireVid } from './wire-tag.ts';

export class Host extends Device implements L3Owner {
  readonly stack: IpStack;
  private readonly nic: L3Interface;
  private readonly port: Port;
  private config: HostConfig = {};
  private readonly apps = new Apps();

  constructor(id: DeviceId, kind: 'pc' | 'server', ctx: SimContext, mac: MacAddr) {
    super(id, kind, ctx);
    const name = KIND_PORTS[kind][0]!;
    this.port = new Port(
      this,
      0,
      name,
      mac,
      portSpeed(name),
      ctx,
      ctx.options.txQueueLimit ?? QUEUE_LIMITS[kind],
    );
    this.addPort(this.port);
    this.nic = new L3Interface(name, mac, this, this.port);
    this.stack = new IpStack(id, ctx, ctx.profiles.windows);
  }

  configure(config: HostConfig): void {
    this.config = config;
    this.nic.setIp(config.ip);
    this.refresh();
  }

  refresh(): void {
    this.nic.up = this.port.up;
    this.stack.reconfigure([this.nic], false, [], this.config.gateway);
  }

  receive(port: Port, frame: EthernetFrame, frameId: number, _len: number, tag: number): void {
    if (wireVid(frame, tag) > 0) {
      this.drop(frameId, 'vlan-not-allowed', port.name);
      return;
    }
    if (frame.dst !== port.mac && frame.dst !== BROADCAST_MAC) {
      this.drop(frameId, 'not-for-us', port.name);
      return;
    }
    this.stack.receive(this.nic, frame, frameId);
  }

  transmitL3(_iface: L3Interface, frame: EthernetFrame, frameId: number): void {
    this.port.send(frame, frameId, wireLen(frame), TAG_AS_IS);
  }

  dispose(): void {
    this.apps.stopAll();
  }

  interfaces(): InterfaceStatus[] {
    return [physicalStatus(this.port, this.nic)];
  }

  override arpTable(): ArpEntry[] {
    return arpEntries(this.stack);
  }

  override routes(): RouteEntry[] {
    return routeEntries(this.stack);
  }

  override clearArp(): void {
    this.stack.arp.clear();
  }

  ping(target: number, options: PingOptions): PingJob {
    return this.apps.ping(this.stack, target, options);
  }

  traceroute(target: number, options: TracerouteOptions): TracerouteJob {
    return this.apps.traceroute(this.stack, target, options);
  }
}
