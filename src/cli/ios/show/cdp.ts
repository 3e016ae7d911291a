/**
 * show cdp, show cdp neighbors [detail], show cdp entry, show cdp interface and clear cdp table,
 * laid out as IOS 15 prints them (a 1941 router and a 2960 switch as neighbours: their
 * platform, capabilities and software version). After `no cdp run` each of them says only that
 * CDP is not enabled.
 */

import type { CdpNeighbor } from '../../../engine/api.ts';
import { formatIpv4 } from '../../../shared/ipv4.ts';
import { isMultilayer } from '../../../shared/models.ts';
import { KIND_PORTS, parseInterfaceName } from '../../../shared/ports.ts';
import type { IosDeviceContext } from '../../context.ts';
import { state, statuses } from './interfaces.ts';
import { VERSION_BANNER } from './version.ts';

const NOT_ENABLED = ['% CDP is not enabled'];

const cdpOff = (dev: IosDeviceContext): boolean => dev.runningConfig().cdpRun === false;

interface Platform {
  readonly platform: string;
  readonly model: string;
  readonly caps: string;
  readonly capsLong: string;
}

/** What each kind of neighbour advertises. */
const PLATFORM: Readonly<Record<'router' | 'switch' | 'multilayer', Platform>> = {
  router: {
    platform: 'Cisco CISCO1941/K9',
    model: 'CISCO1941',
    caps: 'R B S I',
    capsLong: 'Router Source-Route-Bridge Switch IGMP',
  },
  switch: { platform: 'cisco WS-C2960-24TT-L', model: 'WS-C2960-', caps: 'S I', capsLong: 'Switch IGMP' },
  multilayer: { platform: 'cisco WS-C3560V2-24PS', model: 'WS-C3560V', caps: 'S I', capsLong: 'Switch IGMP' },
};

/** The neighbour's entry in PLATFORM, and the first lines of its `show version`. */
function platformOf(e: CdpNeighbor): { readonly p: Platform; readonly version: readonly string[] } {
  if (e.kind === 'router') return { p: PLATFORM.router, version: VERSION_BANNER.router };
  if (!isMultilayer(e.model)) return { p: PLATFORM.switch, version: VERSION_BANNER.switch };
  // A 3560 adds the Router capability while `ip routing` is on.
  const p: Platform = e.routing
    ? { ...PLATFORM.multilayer, caps: 'R S I', capsLong: 'Router Switch IGMP' }
    : PLATFORM.multilayer;
  return { p, version: VERSION_BANNER.multilayer };
}

export function showCdp(dev: IosDeviceContext): string[] {
  if (cdpOff(dev)) return NOT_ENABLED;
  return [
    'Global CDP information:',
    '        Sending CDP packets every 60 seconds',
    '        Sending a holdtime value of 180 seconds',
    '        Sending CDPv2 advertisements is  enabled',
  ];
}

/** "Gig 0/1", "Fas 0/24": the interface names of the summary table. */
function cdpName(full: string): string {
  const n = parseInterfaceName(full);
  return n === undefined ? full : `${n.type.slice(0, 3)} ${n.unit}`;
}

function summaryRow(e: CdpNeighbor): string[] {
  const { p } = platformOf(e);
  // Capabilities are centred in their column; a Device ID too long for its column has a line
  // of its own.
  const rest = `${cdpName(e.port).padEnd(18)}${e.holdtime}`.padEnd(29 + Math.floor((16 - p.caps.length) / 2));
  const line = `${rest}${p.caps}`.padEnd(41) + `${p.model.slice(0, 9).padEnd(10)}${cdpName(e.peerPort)}`;
  return e.hostname.length > 16
    ? [e.hostname, `${' '.repeat(17)}${line}`]
    : [`${e.hostname.padEnd(17)}${line}`];
}

/** The neighbours heard, on the interface `port` only when it is given. */
function heard(dev: IosDeviceContext, port?: string): readonly CdpNeighbor[] {
  const all = dev.sim.cdpNeighbors(dev.id);
  return port === undefined ? all : all.filter((e) => e.port === port);
}

export function showCdpNeighbors(dev: IosDeviceContext, port?: string): string[] {
  if (cdpOff(dev)) return NOT_ENABLED;
  const entries = heard(dev, port);
  return [
    'Capability Codes: R - Router, T - Trans Bridge, B - Source Route Bridge',
    '                  S - Switch, H - Host, I - IGMP, r - Repeater, P - Phone,',
    '                  D - Remote, C - CVTA, M - Two-port Mac Relay',
    '',
    'Device ID        Local Intrfce     Holdtme    Capability  Platform  Port ID',
    ...entries.flatMap(summaryRow),
    '',
    `Total cdp entries displayed : ${entries.length}`,
  ];
}

/** One neighbour as `show cdp neighbors detail` and `show cdp entry` describe it. */
function detail(e: CdpNeighbor): string[] {
  const { p, version } = platformOf(e);
  const address = e.address === undefined ? [] : [`  IP address: ${formatIpv4(e.address)}`];
  return [
    '-------------------------',
    `Device ID: ${e.hostname}`,
    'Entry address(es):',
    ...address,
    `Platform: ${p.platform},  Capabilities: ${p.capsLong}`,
    `Interface: ${e.port},  Port ID (outgoing port): ${e.peerPort}`,
    `Holdtime : ${e.holdtime} sec`,
    '',
    'Version :',
    ...version,
    '',
    'advertisement version: 2',
    "VTP Management Domain: ''",
    ...(e.nativeVlan !== undefined ? [`Native VLAN: ${e.nativeVlan}`] : []),
    'Duplex: full',
    'Management address(es):',
    // A switch's management address is its SVI's; a router gives none beyond its entry address.
    ...(e.kind === 'switch' ? address : []),
    '',
  ];
}

export function showCdpNeighborsDetail(dev: IosDeviceContext, port?: string): string[] {
  if (cdpOff(dev)) return NOT_ENABLED;
  const entries = heard(dev, port);
  return [...entries.flatMap(detail), '', `Total cdp entries displayed : ${entries.length}`];
}

/**
 * `show cdp entry NAME`: the neighbours whose Device ID is `name`; a name ending in "*" matches
 * the Device IDs it starts (every one for "*" alone).
 */
export function showCdpEntry(dev: IosDeviceContext, name: string): string[] {
  if (cdpOff(dev)) return NOT_ENABLED;
  const prefix = name.endsWith('*') ? name.slice(0, -1) : undefined;
  return heard(dev)
    .filter((e) => (prefix === undefined ? e.hostname === name : e.hostname.startsWith(prefix)))
    .flatMap(detail);
}

/** `clear cdp table`, refused like the show commands after `no cdp run`. */
export function clearCdpTable(dev: IosDeviceContext): string[] {
  if (cdpOff(dev)) return NOT_ENABLED;
  dev.sim.clearCdpTable(dev.id);
  return [];
}

/**
 * The physical interfaces running CDP (all but those with `no cdp enable`), or `only` of them,
 * then how many there are, up and down, when all are listed.
 */
export function showCdpInterface(dev: IosDeviceContext, only?: string): string[] {
  if (cdpOff(dev)) return NOT_ENABLED;
  const config = dev.runningConfig();
  const st = statuses(dev);
  const out: string[] = [];
  let up = 0;
  let down = 0;
  for (const name of KIND_PORTS[dev.kind]) {
    const i = config.interfaces[name];
    if (i === undefined || i.cdpEnable === false || (only !== undefined && name !== only)) continue;
    const { status, protocol } = state(i, st.get(name));
    if (protocol === 'up') up++;
    else down++;
    out.push(
      `${name} is ${status}, line protocol is ${protocol}`,
      '  Encapsulation ARPA',
      '  Sending CDP packets every 60 seconds',
      '  Holdtime is 180 seconds',
    );
  }
  if (only !== undefined) return out;
  return [
    ...out,
    '',
    ` cdp enabled interfaces : ${up + down}`,
    ` interfaces up          : ${up}`,
    ` interfaces down        : ${down}`,
  ];
}
