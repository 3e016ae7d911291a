/**
 * show lldp, show lldp neighbors [IF] [detail] and show lldp entry, laid out as IOS 15 prints
 * them on a 2960 and a router (NetAcad's "CDP and LLDP" lab captures, a 3750's and a CSR's
 * `show lldp neighbors detail`). Until `lldp run` each says only that LLDP is not enabled.
 *
 * What a neighbour advertises: a switch the Bridge capability (a 3560 the Router one too,
 * enabled with `ip routing`), its port's media and VLAN; a router Bridge and Router, with
 * Router enabled, and neither media nor VLAN. A port's description is its `description`, or
 * its name (a DevNet IOS-XE capture, NetAcad's 2960).
 */
import type { LldpNeighbor } from '../../../engine/api.ts';
import { formatIpv4 } from '../../../shared/ipv4.ts';
import { formatMacDotted } from '../../../shared/mac.ts';
import { isMultilayer } from '../../../shared/models.ts';
import { shortInterfaceName } from '../../../shared/ports.ts';
import type { IosDeviceContext } from '../../context.ts';
import { VERSION_BANNER } from './version.ts';

const NOT_ENABLED = ['% LLDP is not enabled'];

/** The hold time and timer every advertisement carries (IOS's defaults). */
const HOLDTIME = 120;
const TIMER = 30;

const CODES = [
  'Capability codes:',
  '    (R) Router, (B) Bridge, (T) Telephone, (C) DOCSIS Cable Device',
  '    (W) WLAN Access Point, (P) Repeater, (S) Station, (O) Other',
];

const DASHES = '-'.repeat(48);

const lldpOff = (dev: IosDeviceContext): boolean => dev.runningConfig().lldpRun !== true;

/** Its system and enabled capabilities. */
function capabilities(n: LldpNeighbor): { system: string; enabled: string } {
  if (n.kind === 'router') return { system: 'B,R', enabled: 'R' };
  if (!isMultilayer(n.model)) return { system: 'B', enabled: 'B' };
  return { system: 'B,R', enabled: n.routing ? 'B,R' : 'B' };
}

/** A switch port's media, as its advertisement lists them, and their MAU type. */
function media(n: LldpNeighbor): string[] {
  if (n.kind === 'router') {
    return [
      'Auto Negotiation - not supported',
      'Physical media capabilities - not advertised',
      'Media Attachment Unit type - not advertised',
    ];
  }
  const gigabit = n.peerPort.startsWith('GigabitEthernet');
  return [
    'Auto Negotiation - supported, enabled',
    'Physical media capabilities:',
    ...(gigabit ? ['    1000baseT(FD)'] : []),
    '    100base-TX(FD)',
    '    100base-TX(HD)',
    '    10base-T(FD)',
    '    10base-T(HD)',
    `Media Attachment Unit type: ${gigabit ? 30 : 16}`,
  ];
}

function banner(n: LldpNeighbor): readonly string[] {
  if (n.kind === 'router') return VERSION_BANNER.router;
  return isMultilayer(n.model) ? VERSION_BANNER.multilayer : VERSION_BANNER.switch;
}

function detail(n: LldpNeighbor): string[] {
  const caps = capabilities(n);
  return [
    DASHES,
    `Local Intf: ${shortInterfaceName(n.port)}`,
    `Chassis id: ${formatMacDotted(n.chassisId)}`,
    `Port id: ${shortInterfaceName(n.peerPort)}`,
    `Port Description: ${n.portDescription}`,
    `System Name: ${n.hostname}`,
    '',
    'System Description: ',
    ...banner(n),
    '',
    `Time remaining: ${n.remaining} seconds`,
    `System Capabilities: ${caps.system}`,
    `Enabled Capabilities: ${caps.enabled}`,
    ...(n.address === undefined
      ? ['Management Addresses - not advertised']
      : ['Management Addresses:', `    IP: ${formatIpv4(n.address)}`]),
    ...media(n),
    `Vlan ID: ${n.vlan === undefined ? '- not advertised' : n.vlan}`,
    '',
  ];
}

const heard = (dev: IosDeviceContext, only?: string): readonly LldpNeighbor[] =>
  dev.sim.lldpNeighbors(dev.id).filter((n) => only === undefined || n.port === only);

const total = (count: number): string[] => ['', `Total entries displayed: ${count}`];

export function showLldp(dev: IosDeviceContext): string[] {
  if (lldpOff(dev)) return NOT_ENABLED;
  return [
    '',
    'Global LLDP Information:',
    '    Status: ACTIVE',
    `    LLDP advertisements are sent every ${TIMER} seconds`,
    `    LLDP hold time advertised is ${HOLDTIME} seconds`,
    '    LLDP interface reinitialisation delay is 2 seconds',
  ];
}

/** The summary table; the Hold-time column is the hold time advertised, not what is left of it. */
export function showLldpNeighbors(dev: IosDeviceContext, only?: string): string[] {
  if (lldpOff(dev)) return NOT_ENABLED;
  const all = heard(dev, only);
  return [
    ...CODES,
    '',
    'Device ID           Local Intf     Hold-time  Capability      Port ID',
    ...all.map(
      (n) =>
        `${n.hostname.slice(0, 20).padEnd(20)}${shortInterfaceName(n.port).padEnd(15)}${String(HOLDTIME).padEnd(11)}${capabilities(n).enabled.padEnd(16)}${shortInterfaceName(n.peerPort)}`,
    ),
    ...total(all.length),
  ];
}

export function showLldpNeighborsDetail(dev: IosDeviceContext, only?: string): string[] {
  if (lldpOff(dev)) return NOT_ENABLED;
  const all = heard(dev, only);
  return [...all.flatMap(detail), ...total(all.length)];
}

/** `show lldp entry NAME`, or every entry whose name starts with what precedes a final `*`. */
export function showLldpEntry(dev: IosDeviceContext, name: string): string[] {
  if (lldpOff(dev)) return NOT_ENABLED;
  const prefix = name.endsWith('*') ? name.slice(0, -1) : undefined;
  const found = heard(dev).filter((n) =>
    prefix === undefined ? n.hostname === name : n.hostname.startsWith(prefix),
  );
  return ['', ...CODES, ...found.flatMap(detail), ...total(found.length)];
}
