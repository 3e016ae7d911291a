/**
 * Device kinds, the ports each kind has, and IOS-style interface names:
 * full names (GigabitEthernet0/0), abbreviations (Gi0/0, g0/0, gig 0/0),
 * subinterfaces (GigabitEthernet0/0.10), VLAN interfaces (Vlan10) and EtherChannels
 * (Port-channel1).
 */
export type DeviceKind = 'router' | 'switch' | 'pc' | 'server';
export const DEVICE_KINDS: readonly DeviceKind[] = ['router', 'switch', 'pc', 'server'];

export const isHostKind = (k: DeviceKind): k is 'pc' | 'server' => k === 'pc' || k === 'server';

/**
 * Interface types in the order IOS lists them in running-config (a Catalyst lists its
 * Port-channels first), but for loopbacks, which it lists before all (running-config.ts).
 * Null0 exists on every IOS device, as the exit interface of routes that discard what they
 * match.
 */
export const INTERFACE_TYPES = [
  'Port-channel',
  'FastEthernet',
  'GigabitEthernet',
  'Loopback',
  'Null',
  'Vlan',
] as const;
export type InterfaceType = (typeof INTERFACE_TYPES)[number];

function range(type: InterfaceType, slot: string, from: number, to: number): string[] {
  const out: string[] = [];
  for (let i = from; i <= to; i++) out.push(`${type}${slot}${i}`);
  return out;
}

/** The physical ports of each kind (a Cisco 1941-like router, a 2960-24TT-like switch, a PC). */
export const KIND_PORTS: Readonly<Record<DeviceKind, readonly string[]>> = {
  router: range('GigabitEthernet', '0/', 0, 2),
  switch: [...range('FastEthernet', '0/', 1, 24), ...range('GigabitEthernet', '0/', 1, 2)],
  pc: ['FastEthernet0'],
  server: ['FastEthernet0'],
};

export interface InterfaceName {
  readonly type: InterfaceType;
  /** "0/1" for FastEthernet0/1, "0" for FastEthernet0 on a PC, "10" for Vlan10. */
  readonly unit: string;
  /** Subinterface number: 10 in GigabitEthernet0/0.10. */
  readonly sub?: number;
}

export const formatInterfaceName = (n: InterfaceName): string =>
  `${n.type}${n.unit}${n.sub === undefined ? '' : `.${n.sub}`}`;

/** Short form as IOS prints it in tables: Gi0/0, Fa0/1, Vl10, Lo0. */
export function shortInterfaceName(full: string): string {
  const n = parseInterfaceName(full);
  if (!n) return full;
  const short: Record<InterfaceType, string> = {
    'Port-channel': 'Po',
    FastEthernet: 'Fa',
    GigabitEthernet: 'Gi',
    Loopback: 'Lo',
    Null: 'Nu',
    Vlan: 'Vl',
  };
  return `${short[n.type]}${n.unit}${n.sub === undefined ? '' : `.${n.sub}`}`;
}

/**
 * Parses an interface name the way IOS does: the type may be any unique case-insensitive
 * prefix of a type name ("g", "gi", "gig", "GigabitEthernet"), optionally followed by spaces,
 * then the unit ("0/1", "0", "10") and an optional ".sub". Does not check that the port exists.
 */
export function parseInterfaceName(text: string): InterfaceName | undefined {
  const m = /^([a-z-]+)\s*(\d+(?:\/\d+)*)(?:\.(\d+))?$/i.exec(text.trim());
  if (!m) return undefined;
  const word = m[1]!.toLowerCase();
  const types = INTERFACE_TYPES.filter((t) => t.toLowerCase().startsWith(word));
  if (types.length !== 1) return undefined;
  const type = types[0]!;
  const unit = m[2]!
    .split('/')
    .map((p) => String(Number(p)))
    .join('/');
  if (m[3] === undefined) return { type, unit };
  return { type, unit, sub: Number(m[3]) };
}

/** Canonical full name of a physical port of `kind`, or undefined if that kind has no such port. */
export function canonicalPortName(kind: DeviceKind, text: string): string | undefined {
  const n = parseInterfaceName(text);
  if (!n || n.sub !== undefined) return undefined;
  const full = formatInterfaceName(n);
  return KIND_PORTS[kind].includes(full) ? full : undefined;
}

/** Sort key for IOS order: type order, then numeric unit parts, then subinterface. */
export function compareInterfaceNames(a: string, b: string): number {
  const na = parseInterfaceName(a);
  const nb = parseInterfaceName(b);
  if (!na || !nb) return a < b ? -1 : a > b ? 1 : 0;
  const ta = INTERFACE_TYPES.indexOf(na.type);
  const tb = INTERFACE_TYPES.indexOf(nb.type);
  if (ta !== tb) return ta - tb;
  const ua = na.unit.split('/').map(Number);
  const ub = nb.unit.split('/').map(Number);
  for (let i = 0; i < Math.max(ua.length, ub.length); i++) {
    const d = (ua[i] ?? -1) - (ub[i] ?? -1);
    if (d !== 0) return d;
  }
  return (na.sub ?? -1) - (nb.sub ?? -1);
}
