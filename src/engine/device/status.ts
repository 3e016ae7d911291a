/** Building the plain-data views that show commands print. */

import type { Ipv4Addr, Ipv4Assignment } from '../../shared/ipv4.ts';
import type { MacAddr } from '../../shared/mac.ts';
import type { Micros } from '../../shared/time.ts';
import type { ArpEntry, InterfaceCounters, InterfaceStatus, RouteEntry } from '../api.ts';
import type { IpStack } from './ip-stack.ts';
import type { L3Interface } from './l3-interface.ts';
import type { Port } from './port.ts';

export const portCounters = (p: Port): InterfaceCounters => ({
  rxFrames: p.rxFrames,
  txFrames: p.txFrames,
  rxBytes: p.rxBytes,
  txBytes: p.txBytes,
  rxBroadcasts: p.rxBroadcasts,
  drops: p.drops,
});

export const ifaceCounters = (i: L3Interface): InterfaceCounters => ({
  rxFrames: i.rxFrames,
  txFrames: i.txFrames,
  rxBytes: i.rxBytes,
  txBytes: i.txBytes,
  rxBroadcasts: 0,
  drops: 0,
});

/** Status and Protocol columns of `show ip interface brief` for a physical port. */
export function portStatus(p: Port): Pick<InterfaceStatus, 'status' | 'protocol'> {
  if (!p.adminUp) return { status: 'administratively down', protocol: 'down' };
  return p.up ? { status: 'up', protocol: 'up' } : { status: 'down', protocol: 'down' };
}

/**
 * Status and Protocol of an interface that is not a port: a subinterface is down with its
 * port and shut with it; a loopback or an SVI is up unless shut down, whatever its protocol.
 */
export function logicalStatus(i: L3Interface): Pick<InterfaceStatus, 'status' | 'protocol'> {
  const port = i.port;
  if (!i.adminUp || (port !== null && !port.adminUp)) {
    return { status: 'administratively down', protocol: 'down' };
  }
  return { status: port === null || i.up ? 'up' : 'down', protocol: i.up ? 'up' : 'down' };
}

/**
 * One interface's view. Every view is built here, with all of its fields in the same order
 * (absent ones undefined), so that they share one shape: `show` commands and the link lights
 * read and copy many of them, which a shape per combination of fields made several times slower.
 */
export function interfaceView(
  name: string,
  mac: MacAddr,
  ip: Ipv4Assignment | undefined,
  state: Pick<InterfaceStatus, 'status' | 'protocol'>,
  cabled: boolean,
  bandwidth: number,
  counters: InterfaceCounters,
  lastChange: Micros,
  switchport?: Pick<InterfaceStatus, 'switchportOperMode' | 'switchportAdminMode'>,
): InterfaceStatus {
  return {
    name,
    mac,
    ip,
    status: state.status,
    protocol: state.protocol,
    cabled,
    bandwidth,
    counters,
    lastChange,
    switchportOperMode: switchport?.switchportOperMode,
    switchportAdminMode: switchport?.switchportAdminMode,
  };
}

/** The view of a physical port, with the IP interface on it if any. */
export const portView = (p: Port, ip: L3Interface | undefined, lastChange: Micros): InterfaceStatus =>
  interfaceView(
    p.name,
    p.mac,
    ip?.ip,
    portStatus(p),
    p.link !== null,
    p.negotiatedSpeed,
    portCounters(p),
    lastChange,
  );

/** The view of an interface that is not a port: a subinterface, a loopback or an SVI. */
export const logicalView = (
  i: L3Interface,
  cabled: boolean,
  bandwidth: number,
  lastChange: Micros,
): InterfaceStatus =>
  interfaceView(i.name, i.mac, i.ip, logicalStatus(i), cabled, bandwidth, ifaceCounters(i), lastChange);

/** The ARP table as IOS `show arp` or Windows `arp -a` lists it. */
export function arpEntries(stack: IpStack): ArpEntry[] {
  const now = stack.now;
  const out: ArpEntry[] = [];
  if (stack.profile.listsOwnArp) {
    for (const i of stack.ifaces) {
      if (!i.usable) continue;
      out.push({ ip: i.ip!.addr, mac: i.mac, interface: i.name, own: true, updatedAt: 0 as Micros });
    }
  }
  for (const r of stack.arp.live(now)) {
    out.push({
      ip: r.ip as Ipv4Addr,
      ...(r.mac >= 0 ? { mac: r.mac as MacAddr } : {}),
      interface: r.iface.name,
      own: false,
      updatedAt: r.updatedAt as Micros,
    });
  }
  out.sort((a, b) => a.ip - b.ip);
  return out;
}

/** The routing table as `show ip route` lists it: by network, then prefix length. */
export function routeEntries(stack: IpStack): RouteEntry[] {
  const out: RouteEntry[] = stack.table.routes.map((r) => ({
    code: r.code,
    prefix: { addr: r.net as Ipv4Addr, len: r.len },
    distance: r.distance,
    metric: 0,
    ...(r.nextHop !== undefined ? { nextHop: r.nextHop as Ipv4Addr } : {}),
    ...(r.namedInterface ? { interface: r.iface.name } : {}),
  }));
  out.sort((a, b) => a.prefix.addr - b.prefix.addr || a.prefix.len - b.prefix.len);
  return out;
}
