/** Pure edits of a DeviceConfig: each returns a new configuration and leaves the old one untouched. */

import {
  DEFAULT_SWITCHPORT,
  type DeviceConfig,
  type InterfaceConfig,
  type StaticRoute,
  type VlanConfig,
} from '../../shared/config.ts';
import { isPortChannel, MAX_CHANNEL_GROUP } from '../../shared/etherchannel.ts';
import { isMultilayer, type SwitchModel } from '../../shared/models.ts';
import { compareInterfaceNames, KIND_PORTS, parseInterfaceName } from '../../shared/ports.ts';

export type IosKind = 'router' | 'switch';

/**
 * What a command line runs on: a router, a layer-2 switch, or a multilayer switch, which is a
 * switch in every respect but that it also takes routing commands (`ip routing`).
 */
export type IosPlatform = IosKind | 'multilayer';

export const platformKind = (p: IosPlatform): IosKind => (p === 'router' ? 'router' : 'switch');

export const platformOf = (kind: IosKind, model: SwitchModel | undefined): IosPlatform =>
  kind === 'switch' && isMultilayer(model) ? 'multilayer' : kind;

/** The host name a device has before `hostname`. */
export const FACTORY_HOSTNAME = { router: 'Router', switch: 'Switch' } as const;

/**
 * Factory configuration of an interface (physical ports as shipped, new logical ones enabled;
 * a Port-channel is a switch port).
 */
export function factoryInterface(kind: IosKind, name: string): InterfaceConfig {
  if (KIND_PORTS[kind].includes(name) || (kind === 'switch' && isPortChannel(name))) {
    return kind === 'router'
      ? { shutdown: true, proxyArp: true }
      : { shutdown: false, proxyArp: true, switchport: DEFAULT_SWITCHPORT };
  }
  if (kind === 'switch' && name === 'Vlan1') return { shutdown: true, proxyArp: true };
  return { shutdown: false, proxyArp: true };
}

export const isPhysical = (kind: IosKind, name: string): boolean => KIND_PORTS[kind].includes(name);

/**
 * A multilayer switch's routed port (`no switchport`): a switch's physical port whose
 * configuration has no switchport settings.
 */
export const isRoutedPort = (kind: IosKind, name: string, i: InterfaceConfig | undefined): boolean =>
  kind === 'switch' && i !== undefined && i.switchport === undefined && isPhysical(kind, name);

/** What a port keeps of `i` across `no switchport` and back: its name, state and line settings. */
function portSettings(i: InterfaceConfig): InterfaceConfig {
  return {
    ...(i.description !== undefined ? { description: i.description } : {}),
    shutdown: i.shutdown,
    proxyArp: true,
    ...(i.duplex !== undefined ? { duplex: i.duplex } : {}),
    ...(i.speed !== undefined ? { speed: i.speed } : {}),
    ...(i.cdpEnable !== undefined ? { cdpEnable: i.cdpEnable } : {}),
    ...(i.lldpTransmit !== undefined ? { lldpTransmit: i.lldpTransmit } : {}),
    ...(i.lldpReceive !== undefined ? { lldpReceive: i.lldpReceive } : {}),
  };
}

/**
 * `no switchport`: the port becomes a routed port, its layer-2 settings gone (Catalyst 3560
 * configuration guide: the previous configuration of the interface may be lost).
 */
export const routedPort = (i: InterfaceConfig): InterfaceConfig => portSettings(i);

/** `switchport` on a routed port: a switch port again, with its layer-3 settings gone. */
export const switchedPort = (i: InterfaceConfig): InterfaceConfig => ({
  ...portSettings(i),
  switchport: DEFAULT_SWITCHPORT,
});

/** "GigabitEthernet0/0" for "GigabitEthernet0/0.10", undefined for anything else. */
export function parentOf(name: string): string | undefined {
  const dot = name.indexOf('.');
  return dot < 0 ? undefined : name.slice(0, dot);
}

function sortedRecord(rec: Record<string, InterfaceConfig>): Record<string, InterfaceConfig> {
  const out: Record<string, InterfaceConfig> = {};
  for (const k of Object.keys(rec).sort(compareInterfaceNames)) out[k] = rec[k]!;
  return out;
}

export function updateInterface(
  c: DeviceConfig,
  kind: IosKind,
  name: string,
  fn: (i: InterfaceConfig) => InterfaceConfig,
): DeviceConfig {
  const cur = c.interfaces[name];
  const next = fn(cur ?? factoryInterface(kind, name));
  if (cur === next) return c;
  const interfaces = cur
    ? { ...c.interfaces, [name]: next }
    : sortedRecord({ ...c.interfaces, [name]: next });
  return { ...c, interfaces };
}

/** Deletes a logical interface, its subinterfaces, and the static routes that left through them. */
export function removeInterface(c: DeviceConfig, name: string): DeviceConfig {
  if (!c.interfaces[name]) return c;
  const gone = (k: string) => k === name || parentOf(k) === name;
  const interfaces: Record<string, InterfaceConfig> = {};
  for (const [k, v] of Object.entries(c.interfaces)) if (!gone(k)) interfaces[k] = v;
  const staticRoutes = c.staticRoutes.filter((r) => r.exitInterface === undefined || !gone(r.exitInterface));
  return { ...c, interfaces, staticRoutes };
}

/** Drops an optional field without leaving `undefined` behind (configs stay JSON-clean). */
export function without<T extends object, K extends keyof T>(o: T, key: K): T {
  if (!(key in o)) return o;
  const copy = { ...o };
  delete copy[key];
  return copy;
}

/** The legacy FDDI and Token Ring VLANs, 1002-1005: they exist, and carry no Ethernet. */
export const isLegacyVlan = (id: number): boolean => id >= 1002 && id <= 1005;

/** VLAN 1 and the legacy 1002-1005 always exist with fixed names. */
export const isDefaultVlan = (id: number): boolean => id === 1 || isLegacyVlan(id);

/** Whether the VLAN database holds `id`: a configured VLAN or one of the default ones. */
export const vlanExists = (c: DeviceConfig, id: number): boolean =>
  isDefaultVlan(id) || c.vlans.some((v) => v.id === id);

export function upsertVlan(
  c: DeviceConfig,
  id: number,
  fn: (v: VlanConfig) => VlanConfig = (v) => v,
): DeviceConfig {
  const cur = c.vlans.find((v) => v.id === id);
  const next = fn(cur ?? { id });
  if (cur === next) return c;
  const vlans = c.vlans.filter((v) => v.id !== id).concat(next);
  vlans.sort((a, b) => a.id - b.id);
  return { ...c, vlans };
}

export function removeVlan(c: DeviceConfig, id: number): DeviceConfig {
  return c.vlans.some((v) => v.id === id) ? { ...c, vlans: c.vlans.filter((v) => v.id !== id) } : c;
}

const sameRoute = (a: StaticRoute, b: StaticRoute): boolean =>
  a.prefix.addr === b.prefix.addr &&
  a.prefix.len === b.prefix.len &&
  a.nextHop === b.nextHop &&
  a.exitInterface === b.exitInterface;

/**
 * Adds a static route (replacing the distance, name and permanence of an identical one), kept
 * in address order.
 */
export function addRoute(c: DeviceConfig, r: StaticRoute): DeviceConfig {
  const existing = c.staticRoutes.find((x) => sameRoute(x, r));
  if (
    existing &&
    existing.distance === r.distance &&
    existing.name === r.name &&
    existing.permanent === r.permanent
  )
    return c;
  const routes = c.staticRoutes.filter((x) => !sameRoute(x, r)).concat(r);
  routes.sort(
    (a, b) =>
      a.prefix.addr - b.prefix.addr ||
      a.prefix.len - b.prefix.len ||
      (a.nextHop ?? 0) - (b.nextHop ?? 0) ||
      (a.exitInterface ?? '').localeCompare(b.exitInterface ?? ''),
  );
  return { ...c, staticRoutes: routes };
}

/**
 * Does the interface name exist on the device or could `interface NAME` create it? Loopbacks
 * on a router or a multilayer switch (a 2960 routes nothing to one).
 */
export function interfaceAllowed(
  platform: IosPlatform,
  c: DeviceConfig,
  name: string,
  create: boolean,
): boolean {
  const kind = platformKind(platform);
  if (c.interfaces[name]) return true;
  if (!create) return false;
  const n = parseInterfaceName(name);
  if (!n) return false;
  if (n.sub !== undefined) {
    const parent = parentOf(name)!;
    return kind === 'router' && isPhysical(kind, parent) && n.sub >= 1 && n.sub <= 4294967295;
  }
  if (n.type === 'Vlan') return kind === 'switch' && Number(n.unit) >= 1 && Number(n.unit) <= 4094;
  if (n.type === 'Loopback') return platform !== 'switch' && Number(n.unit) <= 2147483647;
  if (n.type === 'Port-channel') {
    return kind === 'switch' && Number(n.unit) >= 1 && Number(n.unit) <= MAX_CHANNEL_GROUP;
  }
  return false;
}
