/**
 * A reference topology, described once and realised twice: as Linux network namespaces
 * (kernel-net.ts) and as a Trame network file with IOS configuration text (networkFile below).
 * Port names are full IOS names, the same in the device descriptions and in the links.
 */
import { formatIpv4, maskFromLen, parseAssignment } from '../../src/shared/ipv4.ts';

/** A switch port: access in one VLAN, or an 802.1Q trunk (native VLAN 1) allowing some VLANs. */
export type RefSwitchPort = { readonly access: number } | { readonly trunk: readonly number[] };

export interface RefSwitch {
  readonly kind: 'switch';
  readonly name: string;
  /** VLANs created on the switch besides VLAN 1, which always exists. */
  readonly vlans: readonly number[];
  /** Ports left out are access ports in VLAN 1, as on a switch out of the box. */
  readonly ports: Readonly<Record<string, RefSwitchPort>>;
}

export interface RefRouterInterface {
  /** Address on the physical interface ("10.0.12.1/30"), sent untagged. */
  readonly ip?: string;
  /** dot1Q subinterfaces: VLAN -> address ("192.168.10.1/24"). */
  readonly vlans?: Readonly<Record<number, string>>;
}

export interface RefRoute {
  /** Destination prefix, "0.0.0.0/0" for the default route. */
  readonly prefix: string;
  /** Next hop, on a connected network. */
  readonly via: string;
}

export interface RefRouter {
  readonly kind: 'router';
  readonly name: string;
  /** Interfaces left out stay shut down, as in a router's factory configuration. */
  readonly interfaces: Readonly<Record<string, RefRouterInterface>>;
  readonly routes: readonly RefRoute[];
}

export interface RefHost {
  readonly kind: 'pc';
  readonly name: string;
  /** "192.168.10.11/24" */
  readonly ip: string;
  readonly gateway?: string;
}

export type RefDevice = RefSwitch | RefRouter | RefHost;

export interface RefTopology {
  readonly name: string;
  readonly devices: readonly RefDevice[];
  /** Cables as "Device:Port" pairs, as in a network file. */
  readonly links: readonly (readonly [string, string])[];
}

/** The one port of a PC. */
export const HOST_PORT = 'FastEthernet0';

export const hostsOf = (t: RefTopology): RefHost[] => t.devices.filter((d): d is RefHost => d.kind === 'pc');

/** "192.168.10.11/24" -> "192.168.10.11". */
export function addressOf(cidr: string): string {
  const a = parseAssignment(cidr);
  if (!a) throw new Error(`not an address/length: ${cidr}`);
  return formatIpv4(a.addr);
}

/** "192.168.10.1/24" -> "192.168.10.1 255.255.255.0", as IOS writes an address and its mask. */
function iosAddress(cidr: string): string {
  const a = parseAssignment(cidr);
  if (!a) throw new Error(`not an address/length: ${cidr}`);
  return `${formatIpv4(a.addr)} ${formatIpv4(maskFromLen(a.len))}`;
}

function switchConfig(s: RefSwitch): string {
  const lines = [`hostname ${s.name}`, '!'];
  for (const vlan of s.vlans) lines.push(`vlan ${vlan}`, '!');
  for (const [port, mode] of Object.entries(s.ports)) {
    lines.push(`interface ${port}`);
    if ('access' in mode) lines.push(` switchport access vlan ${mode.access}`, ' switchport mode access');
    else lines.push(` switchport trunk allowed vlan ${mode.trunk.join(',')}`, ' switchport mode trunk');
    lines.push('!');
  }
  lines.push('end');
  return lines.join('\n') + '\n';
}

function routerConfig(r: RefRouter): string {
  const lines = [`hostname ${r.name}`, '!'];
  for (const [port, itf] of Object.entries(r.interfaces)) {
    lines.push(`interface ${port}`, itf.ip ? ` ip address ${iosAddress(itf.ip)}` : ' no ip address');
    lines.push(' no shutdown', '!');
    for (const [vlan, cidr] of Object.entries(itf.vlans ?? {})) {
      lines.push(
        `interface ${port}.${vlan}`,
        ` encapsulation dot1Q ${vlan}`,
        ` ip address ${iosAddress(cidr)}`,
      );
      lines.push('!');
    }
  }
  for (const route of r.routes) {
    const p = parseAssignment(route.prefix);
    if (!p) throw new Error(`${r.name}: bad route prefix ${route.prefix}`);
    lines.push(`ip route ${formatIpv4(p.addr)} ${formatIpv4(maskFromLen(p.len))} ${route.via}`);
  }
  if (r.routes.length > 0) lines.push('!');
  lines.push('end');
  return lines.join('\n') + '\n';
}

/** The topology as a Trame network file, devices laid out on a grid. */
export function networkFile(t: RefTopology): string {
  const devices = t.devices.map((d, i) => {
    const at: [number, number] = [120 + (i % 6) * 160, 120 + Math.floor(i / 6) * 160];
    if (d.kind === 'pc') {
      return { name: d.name, kind: d.kind, at, ip: d.ip, ...(d.gateway ? { gateway: d.gateway } : {}) };
    }
    return {
      name: d.name,
      kind: d.kind,
      at,
      config: d.kind === 'switch' ? switchConfig(d) : routerConfig(d),
    };
  });
  return JSON.stringify({ version: 1, devices, links: t.links }, null, 2);
}
