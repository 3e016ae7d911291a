/** show arp, show mac address-table [dynamic | static | interface X | vlan N], show vlan [brief]. */
import type { DeviceConfig } from '../../../shared/config.ts';
import { formatIpv4 } from '../../../shared/ipv4.ts';
import { formatMacDotted, type MacAddr } from '../../../shared/mac.ts';
import { shortInterfaceName } from '../../../shared/ports.ts';
import type { IosDeviceContext } from '../../context.ts';
import { vlanName } from './format.ts';

export function showArp(dev: IosDeviceContext): string[] {
  const now = dev.sim.now();
  // A loopback answers no ARP, so IOS lists no entry for it.
  const entries = [...dev.sim.arpTable(dev.id)]
    .filter((e) => !e.interface.startsWith('Loopback'))
    .sort((a, b) => a.ip - b.ip);
  const out = ['Protocol  Address          Age (min)  Hardware Addr   Type   Interface'];
  for (const e of entries) {
    const age = e.own ? '-' : String(Math.floor((now - e.updatedAt) / 60_000_000));
    const mac = e.mac === undefined ? 'Incomplete' : formatMacDotted(e.mac);
    const iface = e.mac === undefined ? '' : e.interface;
    out.push(
      `Internet  ${formatIpv4(e.ip).padEnd(17)}${age.padStart(8)}   ${mac.padEnd(16)}ARPA   ${iface}`.trimEnd(),
    );
  }
  return out;
}

export interface MacFilter {
  readonly dynamic?: boolean;
  readonly static?: boolean;
  readonly port?: string;
  readonly vlan?: number;
}

/**
 * The addresses a 2960 sends to its CPU in every VLAN (CDP/VTP/DTP, 802.1D/802.1X and other
 * IEEE reserved groups, broadcast); every show mac address-table lists them as STATIC CPU.
 */
const CPU_MACS: readonly number[] = [
  0x01000ccccccc,
  0x01000ccccccd,
  ...Array.from({ length: 17 }, (_, k) => 0x0180c2000000 + k),
  0xffffffffffff,
];

export function showMacAddressTable(dev: IosDeviceContext, f: MacFilter = {}): string[] {
  const learned = [...dev.sim.macTable(dev.id)]
    .filter(
      (e) =>
        (f.dynamic !== true || e.type === 'DYNAMIC') &&
        (f.static !== true || e.type === 'STATIC') &&
        (f.port === undefined || e.port === f.port) &&
        (f.vlan === undefined || e.vlan === f.vlan),
    )
    .sort((a, b) => a.vlan - b.vlan || a.mac - b.mac);
  const row = (vlan: string, mac: number, type: string, port: string) =>
    `${vlan.padStart(4)}    ${formatMacDotted(mac as MacAddr)}    ${type.padEnd(12)}${port}`;
  const withCpu = f.dynamic !== true && f.port === undefined && f.vlan === undefined;
  const lines = [
    ...(withCpu ? CPU_MACS.map((m) => row('All', m, 'STATIC', 'CPU')) : []),
    ...learned.map((e) => row(String(e.vlan), e.mac, e.type, shortInterfaceName(e.port))),
  ];
  return [
    '          Mac Address Table',
    '-------------------------------------------',
    '',
    'Vlan    Mac Address       Type        Ports',
    '----    -----------       --------    -----',
    ...lines,
    `Total Mac Addresses for this criterion: ${lines.length}`,
  ];
}

/** The legacy FDDI/Token Ring VLANs every 2960 lists: id, name, type, STP, bridge mode. */
const LEGACY_VLANS: readonly (readonly [number, string, string, string, string])[] = [
  [1002, 'fddi-default', 'fddi', '-', '-'],
  [1003, 'token-ring-default', 'tr', '-', 'srb'],
  [1004, 'fddinet-default', 'fdnet', 'ieee', '-'],
  [1005, 'trnet-default', 'trnet', 'ibm', '-'],
];

/** Ports wrapped the way the 2960 does: at most 31 columns per line, continued under the column. */
function portLines(ports: readonly string[]): string[] {
  const lines: string[] = [];
  let cur = '';
  for (const p of ports) {
    if (cur === '') cur = p;
    else if (cur.length + 2 + p.length > 31) {
      lines.push(cur);
      cur = p;
    } else cur += `, ${p}`;
  }
  lines.push(cur);
  return lines;
}

export function showVlan(dev: IosDeviceContext, c: DeviceConfig, brief: boolean): string[] {
  const ports = dev.sim.vlanPorts(dev.id);
  const out = [
    '',
    'VLAN Name                             Status    Ports',
    '---- -------------------------------- --------- -------------------------------',
  ];
  const row = (id: number, name: string, status: string, list: readonly string[]) => {
    const [first, ...rest] = portLines(list);
    out.push(`${String(id).padEnd(5)}${name.padEnd(33)}${status.padEnd(10)}${first}`.trimEnd());
    for (const l of rest) out.push(`${' '.repeat(48)}${l}`);
  };
  for (const v of c.vlans) row(v.id, vlanName(c, v.id)!, 'active', ports.get(v.id) ?? []);
  for (const [id, name] of LEGACY_VLANS) row(id, name, 'act/unsup', []);
  if (brief) return out;
  out.push(
    '',
    'VLAN Type  SAID       MTU   Parent RingNo BridgeNo Stp  BrdgMode Trans1 Trans2',
    '---- ----- ---------- ----- ------ ------ -------- ---- -------- ------ ------',
  );
  const typeRow = (id: number, type: string, stp: string, bridgeMode: string) =>
    `${String(id).padEnd(5)}${type.padEnd(6)}${String(100000 + id).padEnd(11)}1500  -      -      -        ` +
    `${stp.padEnd(5)}${bridgeMode.padEnd(9)}0      0`;
  for (const v of c.vlans) out.push(typeRow(v.id, 'enet', '-', '-'));
  for (const [id, , type, stp, mode] of LEGACY_VLANS) out.push(typeRow(id, type, stp, mode));
  out.push(
    '',
    'Remote SPAN VLANs',
    '------------------------------------------------------------------------------',
    '',
    '',
    'Primary Secondary Type              Ports',
    '------- --------- ----------------- ------------------------------------------',
  );
  return out;
}
