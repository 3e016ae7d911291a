/** The IPv6 views the consoles read: interfaces, routes and neighbors (api.ts). */
import type { MacAddr } from '../../shared/mac.ts';
import type { Micros } from '../../shared/time.ts';
import type { Ipv6InterfaceStatus, Ipv6NeighborEntry, Ipv6RouteEntry } from '../api.ts';
import type { Ipv6Stack } from './ipv6-stack.ts';
import type { L3Interface } from './l3-interface.ts';

export function ipv6InterfaceStatus(v6: Ipv6Stack | null, iface: L3Interface): Ipv6InterfaceStatus {
  const v = v6?.state(iface);
  if (v6 === null || v === undefined || !v.enabled) {
    return {
      name: iface.name,
      enabled: false,
      linkLocalConfigured: false,
      addresses: [],
      groups: [],
      advertises: false,
      autoconfig: false,
      hopLimit: 0,
    };
  }
  return {
    name: iface.name,
    enabled: true,
    linkLocal: v.linkLocal,
    linkLocalConfigured: v.linkLocalConfigured,
    addresses: v.addresses.map((a) => ({ addr: a.addr, len: a.len, eui64: a.eui64, origin: a.origin })),
    groups: v6.groups(v),
    advertises: v6.sendsAdvertisements(v),
    autoconfig: v.autoconfig,
    hopLimit: v.hopLimit,
  };
}

export function ipv6RouteEntries(v6: Ipv6Stack | null): Ipv6RouteEntry[] {
  if (v6 === null) return [];
  return v6.routes.list().map((r) => ({
    code: r.code,
    prefix: r.prefix,
    len: r.len,
    distance: r.distance,
    metric: r.metric,
    ...(r.nextHop !== undefined ? { nextHop: r.nextHop } : {}),
    ...(r.iface !== undefined ? { iface: r.iface.name } : {}),
  }));
}

export function ipv6NeighborEntries(v6: Ipv6Stack | null): Ipv6NeighborEntry[] {
  if (v6 === null) return [];
  const now = v6.now;
  return v6.neighbors.list().map((n) => {
    const state = v6.neighbors.state(n, now);
    return {
      addr: n.addr,
      ...(n.mac >= 0 ? { mac: n.mac as MacAddr } : {}),
      state,
      age: (now - n.since) as Micros,
      iface: n.iface.name,
      router: n.router,
    };
  });
}
