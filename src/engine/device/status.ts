/** Building the plain-data views that show commands print. */

import type { Ipv4Addr, Ipv4Assignment } from '../../shared/ipv4.ts';
import type { MacAddr } from '../../shared/mac.ts';
import type { Micros } from '../../shared/time.ts';
import type { ArpEntry, InterfaceCounters, InterfaceRates, InterfaceStatus, RouteEntry } from '../api.ts';
import type { IpStack } from './ip-stack.ts';
import type { L3Interface } from './l3-interface.ts';
import { NO_RATES } from './load-rates.ts';
import type { Duplex } from './negotiation.ts';
import type { Port } from './port.ts';

/**
 * What `clear counters` left on an interface: when (undefined: at the device's boot, by a
 * reload) and the counters it cleared, which its view takes away from its totals.
 */
export interface ClearedCounters {
  readonly at: Micros | undefined;
  readonly base: InterfaceCounters;
}

/** An interface's traffic: its totals, its last frames in and out (-Infinity: never), its rates. */
export interface Traffic {
  readonly counters: InterfaceCounters;
  readonly lastInput: number;
  readonly lastOutput: number;
  readonly cleared: ClearedCounters | null;
  readonly rates: InterfaceRates;
}

export const portTraffic = (p: Port): Traffic => ({
  counters: {
    rxFrames: p.rxFrames,
    txFrames: p.txFrames,
    rxBytes: p.rxBytes,
    txBytes: p.txBytes,
    rxBroadcasts: p.rxBroadcasts,
    rxMulticasts: p.rxMulticasts,
    txBroadcasts: p.txBroadcasts,
    txMulticasts: p.txMulticasts,
    drops: p.drops,
  },
  lastInput: p.lastInput,
  lastOutput: p.lastOutput,
  cleared: p.cleared,
  rates: p.rates.now(),
});

export const ifaceTraffic = (i: L3Interface): Traffic => ({
  counters: {
    rxFrames: i.rxFrames,
    txFrames: i.txFrames,
    rxBytes: i.rxBytes,
    txBytes: i.txBytes,
    rxBroadcasts: 0,
    rxMulticasts: 0,
    txBroadcasts: 0,
    txMulticasts: 0,
    drops: 0,
  },
  lastInput: i.lastInput,
  lastOutput: i.lastOutput,
  cleared: i.cleared,
  rates: i.rates?.now() ?? NO_RATES,
});

/** Counters of an interface that never carried a frame. */
export const NO_COUNTERS: InterfaceCounters = {
  rxFrames: 0,
  txFrames: 0,
  rxBytes: 0,
  txBytes: 0,
  rxBroadcasts: 0,
  rxMulticasts: 0,
  txBroadcasts: 0,
  txMulticasts: 0,
  drops: 0,
};

/** `a` plus `b` (`sign` 1), or minus it (-1), counter by counter. */
export const addCounters = (a: InterfaceCounters, b: InterfaceCounters, sign: 1 | -1): InterfaceCounters => ({
  rxFrames: a.rxFrames + sign * b.rxFrames,
  txFrames: a.txFrames + sign * b.txFrames,
  rxBytes: a.rxBytes + sign * b.rxBytes,
  txBytes: a.txBytes + sign * b.txBytes,
  rxBroadcasts: a.rxBroadcasts + sign * b.rxBroadcasts,
  rxMulticasts: a.rxMulticasts + sign * b.rxMulticasts,
  txBroadcasts: a.txBroadcasts + sign * b.txBroadcasts,
  txMulticasts: a.txMulticasts + sign * b.txMulticasts,
  drops: a.drops + sign * b.drops,
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

/** Time `t`, if not before `start`. */
const since = (t: number, start: Micros): Micros | undefined => (t >= start ? (t as Micros) : undefined);

/**
 * One interface's view, its traffic counted since its last clearing and since `bootedAt`. Every
 * view is built here, with all of its fields in the same order (absent ones undefined), so
 * that they share one shape: `show` commands and the link lights read and copy many of them,
 * which a shape per combination of fields made several times slower.
 */
export function interfaceView(
  name: string,
  mac: MacAddr,
  ip: Ipv4Assignment | undefined,
  state: Pick<InterfaceStatus, 'status' | 'protocol'>,
  cabled: boolean,
  bandwidth: number,
  duplex: Duplex | undefined,
  traffic: Traffic,
  lastChange: Micros,
  bootedAt: Micros,
  switchport?: Pick<
    InterfaceStatus,
    'switchportOperMode' | 'switchportAdminMode' | 'errDisabled' | 'errRecoveryAt'
  >,
): InterfaceStatus {
  const cleared = traffic.cleared;
  return {
    name,
    mac,
    ip,
    status: state.status,
    protocol: state.protocol,
    cabled,
    bandwidth,
    duplex,
    counters: cleared === null ? traffic.counters : addCounters(traffic.counters, cleared.base, -1),
    lastChange,
    lastInput: since(traffic.lastInput, bootedAt),
    lastOutput: since(traffic.lastOutput, bootedAt),
    countersCleared: cleared?.at,
    rates: traffic.rates,
    switchportOperMode: switchport?.switchportOperMode,
    switchportAdminMode: switchport?.switchportAdminMode,
    errDisabled: switchport?.errDisabled,
    errRecoveryAt: switchport?.errRecoveryAt,
  };
}

/** An interface's own frames and bytes since its last clearing (those that count their own). */
export function ownCounters(i: L3Interface): InterfaceCounters {
  const raw = ifaceTraffic(i).counters;
  return i.cleared === null ? raw : addCounters(raw, i.cleared.base, -1);
}

/** The view of a physical port, with the IP interface on it if any. */
export const portView = (
  p: Port,
  ip: L3Interface | undefined,
  lastChange: Micros,
  bootedAt: Micros,
): InterfaceStatus =>
  interfaceView(
    p.name,
    p.mac,
    ip?.ip,
    portStatus(p),
    p.link !== null,
    p.negotiatedSpeed,
    p.duplex,
    portTraffic(p),
    lastChange,
    bootedAt,
  );

/** The view of an interface that is not a port: a subinterface, a loopback or an SVI. */
export const logicalView = (
  i: L3Interface,
  cabled: boolean,
  bandwidth: number,
  lastChange: Micros,
  bootedAt: Micros,
): InterfaceStatus =>
  interfaceView(
    i.name,
    i.mac,
    i.ip,
    logicalStatus(i),
    cabled,
    bandwidth,
    undefined,
    ifaceTraffic(i),
    lastChange,
    bootedAt,
  );

/** The ARP table as IOS `show arp` or Windows `arp -a` lists it. */
export function arpEntries(stack: IpStack): ArpEntry[] {
  const now = stack.now;
  const out: ArpEntry[] = [];
  if (stack.profile.listsOwnArp) {
    for (const i of stack.ifaces) {
      if (!i.usable) continue;
      out.push({ ip: i.ip!.addr, mac: i.mac, interface: i.name, own: true, updatedAt: 0 as Micros });
    }
    // An active HSRP group's address, at its virtual MAC, as IOS lists its aliases.
    for (const [addr, i] of stack.virtualAddresses) {
      const mac = stack.hsrp?.virtualMacFor(i, addr) ?? -1;
      if (mac >= 0)
        out.push({
          ip: addr as Ipv4Addr,
          mac: mac as MacAddr,
          interface: i.name,
          own: true,
          updatedAt: 0 as Micros,
        });
    }
  }
  for (const r of stack.arp.live(now)) {
    out.push({
      ip: r.ip as Ipv4Addr,
      ...(r.mac >= 0 ? { mac: r.mac as MacAddr } : {}),
      interface: r.iface.name,
      own: false,
      ...(r.isStatic ? { static: true as const } : {}),
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
    metric: r.metric,
    ...(r.nextHop !== undefined ? { nextHop: r.nextHop as Ipv4Addr } : {}),
    ...(r.namedInterface ? { interface: r.iface.name } : {}),
    ...(r.since >= 0 ? { since: r.since as Micros } : {}),
  }));
  out.sort((a, b) => a.prefix.addr - b.prefix.addr || a.prefix.len - b.prefix.len);
  return out;
}
