/**
 * A PC or server running Windows: one Fast Ethernet NIC with an address, a mask and a default
 * gateway (HostConfig), Windows' ARP and ICMP behaviour, ping and tracert, and the loopback
 * network 127.0.0.0/8 answered inside the host.
 */

import type { HostConfig } from '../../shared/config.ts';
import type { DeviceId } from '../../shared/ids.ts';
import type { Ipv4Addr } from '../../shared/ipv4.ts';
import type { MacAddr } from '../../shared/mac.ts';
import { KIND_PORTS } from '../../shared/ports.ts';
import type { InterfaceStatus } from '../api.ts';
import { wireLen } from '../frame-size.ts';
import type { SimContext } from '../sim/context.ts';
import type { EthernetFrame } from '../wire/ethernet.ts';
import { BROADCAST_MAC } from './arp-cache.ts';
import { IpDevice } from './ip-device.ts';
import { L3Interface } from './l3-interface.ts';
import { Port, QUEUE_LIMITS } from './port.ts';
import { portView } from './status.ts';
import { TAG_AS_IS, wireVid } from './wire-tag.ts';

/** What `netsh interface ipv4 show interfaces` calls it. */
const LOOPBACK_NAME = 'Loopback Pseudo-Interface 1';
const LOOPBACK_ADDR = 0x7f00_0001 as Ipv4Addr;

export class Host extends IpDevice {
  private readonly nic: L3Interface;
  private readonly port: Port;
  private config: HostConfig = {};

  constructor(id: DeviceId, kind: 'pc' | 'server', ctx: SimContext, mac: MacAddr) {
    super(id, kind, ctx, ctx.profiles.windows);
    const name = KIND_PORTS[kind][0]!;
    this.port = this.addPorts(Port, [name], mac, QUEUE_LIMITS[kind])[0]!;
    this.nic = new L3Interface(name, mac, this, this.port);
    // What a frame's arrival reads, on the port's own first lines rather than this object's.
    this.port.untagged = this.nic;
    const loopback = new L3Interface(LOOPBACK_NAME, 0 as MacAddr, this, null);
    loopback.setIp({ addr: LOOPBACK_ADDR, len: 8 });
    loopback.up = true;
    this.stack.setLoopback(loopback);
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

  receive(port: Port, frame: EthernetFrame, frameId: number, _len: number, tag: number, owned: number): void {
    if (wireVid(frame, tag) > 0) {
      this.drop(frameId, 'vlan-not-allowed', port.name);
      return;
    }
    const dst = frame.dst;
    if (dst !== BROADCAST_MAC && !port.isMine(dst)) {
      this.drop(frameId, 'not-for-us', port.name);
      return;
    }
    this.stack.receive(port.untagged as L3Interface, frame, frameId, owned);
  }

  transmitL3(iface: L3Interface, frame: EthernetFrame, frameId: number, owned: number): void {
    // The interface's port (its NIC's) rather than this.port: the sender has just read the
    // interface, not the second line of this object.
    iface.port!.send(frame, frameId, wireLen(frame), TAG_AS_IS, owned);
  }

  interfaces(): InterfaceStatus[] {
    return [portView(this.port, this.nic, this.lastChange(this.port.name), this.bootedAt)];
  }
}
