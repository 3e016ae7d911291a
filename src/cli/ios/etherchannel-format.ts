/**
 * EtherChannel's show commands and messages as a 2960 with IOS 15.0 prints them (the sources of
 * each layout are cited in test/cli/etherchannel-format.test.ts): `show etherchannel [N]
 * [summary | port-channel]`, `show etherchannel load-balance`, `show lacp neighbor`, `show lacp
 * sys-id`, `show pagp neighbor`, and the %EC-5 and channel-misconfig messages. Pure: they read
 * the engine's status and print what IOS prints for it.
 */
import type {
  ChannelMemberStatus,
  EtherChannelEvent,
  EtherChannelStatus,
  EtherChannelsStatus,
} from '../../engine/api.ts';
import type { ChannelMode, LoadBalanceMethod } from '../../shared/etherchannel.ts';
import { formatMacDotted, type MacAddr } from '../../shared/mac.ts';
import { shortInterfaceName } from '../../shared/ports.ts';
import type { Micros } from '../../shared/time.ts';

const short = shortInterfaceName;

/** A channel's protocol as the tables name it; " -" for mode on, as IOS pads it. */
const protocolName = (c: EtherChannelStatus): string =>
  c.protocol === 'lacp' ? 'LACP' : c.protocol === 'pagp' ? 'PAgP' : ' -';

/** "0d:00h:05m:23s": the ages `show etherchannel port-channel` prints. */
export function channelAge(now: Micros, since: Micros): string {
  const s = Math.max(0, Math.floor((now - since) / 1e6));
  const two = (n: number) => String(n).padStart(2, '0');
  return `${Math.floor(s / 86400)}d:${two(Math.floor(s / 3600) % 24)}h:${two(Math.floor(s / 60) % 60)}m:${two(s % 60)}s`;
}

const selected = (st: EtherChannelsStatus, group?: number): readonly EtherChannelStatus[] =>
  st.channels.filter((c) => group === undefined || c.group === group);

// ---- show etherchannel summary -------------------------------------------------------------

const SUMMARY_FLAGS = [
  'Flags:  D - down        P - bundled in port-channel',
  '        I - stand-alone s - suspended',
  '        H - Hot-standby (LACP only)',
  '        R - Layer3      S - Layer2',
  '        U - in use      f - failed to allocate aggregator',
  '',
  '        M - not in use, minimum links not met',
  '        u - unsuitable for bundling',
  '        w - waiting to be aggregated',
  '        d - default port',
];

/** Members per line of the Ports column, each in 12 columns from column 33. */
const PORTS_PER_LINE = 3;

function summaryRows(c: EtherChannelStatus): string[] {
  const po = `Po${c.group}(S${c.up ? 'U' : 'D'})`;
  const ports = c.members.map((m) => `${short(m.port)}(${m.flag})`.padEnd(12));
  const lines: string[] = [];
  for (let k = 0; k === 0 || k < ports.length; k += PORTS_PER_LINE) {
    const lead =
      k === 0 ? `${String(c.group).padEnd(7)}${po.padEnd(16)}${protocolName(c).padEnd(10)}` : ' '.repeat(33);
    lines.push(`${lead}${ports.slice(k, k + PORTS_PER_LINE).join('')}`.trimEnd());
  }
  return lines;
}

/** `show etherchannel [N] summary`: the counts are the switch's, the rows group N's. */
export function showEtherchannelSummary(st: EtherChannelsStatus, group?: number): string[] {
  const n = st.channels.length;
  return [
    ...SUMMARY_FLAGS,
    '',
    '',
    `Number of channel-groups in use: ${n}`,
    `Number of aggregators:           ${n}`,
    '',
    'Group  Port-channel  Protocol    Ports',
    '------+-------------+-----------+-----------------------------------------------',
    ...selected(st, group).flatMap(summaryRows),
  ];
}

// ---- show etherchannel [N] port-channel ------------------------------------------------------

const LISTING_HEADER = [
  '                Channel-group listing:',
  '                ----------------------',
  '',
];

const EC_STATE: Record<ChannelMode, string> = {
  on: 'On',
  active: 'Active',
  passive: 'Passive',
  desirable: 'Desirable-Sl',
  auto: 'Automatic-Sl',
};

/** The group capability PAgP advertises: the group number, then 0001. */
const groupCapability = (group: number): number => group * 0x10000 + 1;

const hex = (n: number, digits = 1): string => `0x${n.toString(16).toUpperCase().padStart(digits, '0')}`;

/**
 * The hash buckets (of eight) member `i` of `n` takes, as a bit mask: the Load column. The
 * members take the buckets in turn (Fa0/1 55, Fa0/2 AA for two).
 */
const bucketsOf = (i: number, n: number): number => {
  let mask = 0;
  for (let b = 0; b < 8; b++) if (b % n === i) mask |= 1 << b;
  return mask;
};

const bitCount = (mask: number): number => {
  let count = 0;
  for (let m = mask; m !== 0; m >>= 1) count += m & 1;
  return count;
};

function portChannelBlock(c: EtherChannelStatus, now: Micros): string[] {
  const bundled = c.members.filter((m) => m.flag === 'P');
  const title = `Port-channel: Po${c.group}`;
  // LACP's channel is its aggregator, and IOS leaves a line after saying so.
  const heading = c.protocol === 'lacp' ? [`${title}    (Primary Aggregator)`, ''] : [title];
  const out = [
    '                Port-channels in the group:',
    '                ---------------------------',
    '',
    ...heading,
    '------------',
    '',
    `Age of the Port-channel   = ${channelAge(now, c.createdAt)}`,
    `Logical slot/port   = ${`2/${c.group}`.padEnd(13)}Number of ports = ${bundled.length}`,
  ];
  if (c.protocol === 'lacp') out.push('HotStandBy port = null');
  else {
    const gc = c.protocol === 'pagp' ? groupCapability(c.group) : 0;
    out.push(`GC                  = ${hex(gc, 8).padEnd(16)}HotStandBy port = null`);
  }
  out.push(
    `Port state          = Port-channel ${c.up ? 'Ag-Inuse' : 'Ag-Not-Inuse'}`,
    `Protocol            =   ${protocolName(c)}`,
    'Port security       = Disabled',
    '',
    'Ports in the Port-channel:',
    '',
    'Index   Load   Port     EC state        No of bits',
    '------+------+------+------------------+-----------',
    ...bundled.map((m, i) => {
      const load = bucketsOf(i, bundled.length);
      const mask = load.toString(16).toUpperCase().padStart(2, '0');
      return `  ${i}     ${mask}     ${short(m.port).padEnd(9)}${EC_STATE[m.mode].padEnd(19)}${bitCount(load)}`;
    }),
  );
  if (c.lastBundled !== null) {
    out.push(
      '',
      `Time since last port bundled:    ${channelAge(now, c.lastBundled.at)}    ${short(c.lastBundled.port)}`,
    );
  }
  return out;
}

/**
 * `show etherchannel port-channel`, every group under the listing's header;
 * `show etherchannel N port-channel`, group N's port-channel alone.
 */
export function showEtherchannelPortChannel(st: EtherChannelsStatus, now: Micros, group?: number): string[] {
  if (group !== undefined) return selected(st, group).flatMap((c) => portChannelBlock(c, now));
  const blocks = st.channels.map((c) => [`Group: ${c.group}`, '----------', ...portChannelBlock(c, now)]);
  return [...LISTING_HEADER, ...blocks.flatMap((b, k) => (k === 0 ? b : ['', ...b]))];
}

/** `show etherchannel [N]`: each group's state, ports and protocol. */
export function showEtherchannel(st: EtherChannelsStatus, group?: number): string[] {
  const blocks = selected(st, group).map((c) => {
    // LACP bundles up to 16 ports (8 of them active) in one aggregator; PAgP and mode on, 8.
    const max = c.protocol === 'lacp' ? [16, 16] : [8, 1];
    return [
      `Group: ${c.group}`,
      '----------',
      'Group state = L2',
      `Ports: ${c.members.length}   Maxports = ${max[0]}`,
      `Port-channels: 1 Max Port-channels = ${max[1]}`,
      `Protocol:   ${protocolName(c)}`,
      'Minimum Links: 0',
    ];
  });
  return [...LISTING_HEADER, ...blocks.flatMap((b, k) => (k === 0 ? b : ['', ...b]))];
}

// ---- show etherchannel load-balance ----------------------------------------------------------

const ADDRESSES: Record<LoadBalanceMethod, readonly [string, string]> = {
  'src-mac': ['Source MAC address', 'Source MAC address'],
  'dst-mac': ['Destination MAC address', 'Destination MAC address'],
  'src-dst-mac': ['Source XOR Destination MAC address', 'Source XOR Destination MAC address'],
  'src-ip': ['Source MAC address', 'Source IP address'],
  'dst-ip': ['Destination MAC address', 'Destination IP address'],
  'src-dst-ip': ['Source XOR Destination MAC address', 'Source XOR Destination IP address'],
};

/** `show etherchannel load-balance`: the method, then which addresses each protocol hashes. */
export function showEtherchannelLoadBalance(method: LoadBalanceMethod): string[] {
  const [nonIp, ip] = ADDRESSES[method];
  return [
    'EtherChannel Load-Balancing Configuration:',
    `        ${method}`,
    '',
    'EtherChannel Load-Balancing Addresses Used Per-Protocol:',
    `Non-IP: ${nonIp}`,
    `  IPv4: ${ip}`,
    `  IPv6: ${ip}`,
  ];
}

// ---- show lacp / show pagp -------------------------------------------------------------------

/** LACPDUs and PAgP hellos go every 30 s at their default (slow) rate. */
const HELLO_SECONDS = 30;

/**
 * Seconds since the partner was last heard: its PDUs come every 30 s from when the member
 * joined (or the channel was made), so the age counts up and starts again.
 */
function partnerAge(c: EtherChannelStatus, m: ChannelMemberStatus, now: Micros): number {
  const since = m.bundledSince ?? c.createdAt;
  return Math.max(0, Math.floor((now - since) / 1e6)) % HELLO_SECONDS;
}

const withPartner = (c: EtherChannelStatus) => c.members.filter((m) => m.partner !== null);

const LACP_NEIGHBOR_FLAGS = [
  'Flags:  S - Device is requesting Slow LACPDUs',
  '        F - Device is requesting Fast LACPDUs',
  '        A - Device is in Active mode       P - Device is in Passive mode',
];

/**
 * A partner's LACP state octet: activity (bit 0, active mode) and aggregation (bit 2); then
 * synchronization, collecting and distributing (bits 3-5) once the port is bundled.
 */
const lacpState = (active: boolean, bundled: boolean): number => (active ? 1 : 0) + 4 + (bundled ? 0x38 : 0);

function lacpRow(c: EtherChannelStatus, m: ChannelMemberStatus, now: Micros): string {
  const p = m.partner!;
  const active = p.mode === 'active';
  const age = `${partnerAge(c, m, now)}s`.padStart(5);
  return (
    `${short(m.port).padEnd(10)}${`S${active ? 'A' : 'P'}`.padEnd(8)}${'32768'.padEnd(10)}` +
    `${formatMacDotted(p.systemId)}${age}    ${'0x0'.padEnd(7)}${hex(p.group).padEnd(7)}` +
    `${hex(p.portNumber).padEnd(8)}${hex(lacpState(active, m.flag === 'P'))}`
  );
}

/** `show lacp [N] neighbor`: each LACP group's partners. */
export function showLacpNeighbor(st: EtherChannelsStatus, now: Micros, group?: number): string[] {
  const blocks = selected(st, group)
    .filter((c) => c.protocol === 'lacp')
    .map((c) => [
      `Channel group ${c.group} neighbors`,
      '',
      "Partner's information:",
      '',
      '                  LACP port                        Admin  Oper   Port    Port',
      'Port      Flags   Priority  Dev ID          Age    key    Key    Number  State',
      ...withPartner(c).map((m) => lacpRow(c, m, now)),
    ]);
  if (blocks.length === 0) return [];
  return [...LACP_NEIGHBOR_FLAGS, '', ...blocks.flatMap((b, k) => (k === 0 ? b : ['', ...b]))];
}

/** `show lacp sys-id`: the default system priority and the switch's base MAC address. */
export const showLacpSysId = (baseMac: MacAddr): string[] => [`32768, ${formatMacDotted(baseMac)}`];

const PAGP_NEIGHBOR_FLAGS = [
  'Flags:  S - Device is sending Slow hello.  C - Device is in Consistent state.',
  '        A - Device is in Auto mode.        P - Device learns on physical port.',
];

function pagpRow(c: EtherChannelStatus, m: ChannelMemberStatus, now: Micros): string {
  const p = m.partner!;
  // Consistent once the two ends agree on the bundle.
  const flags = `S${p.mode === 'auto' ? 'A' : ''}${m.flag === 'P' ? 'C' : ''}`;
  const age = `${partnerAge(c, m, now)}s`.padStart(4);
  return (
    `${short(m.port).padEnd(10)}${p.hostname.slice(0, 20).padEnd(21)}${formatMacDotted(p.systemId).padEnd(17)}` +
    `${short(p.port).padEnd(11)}${age} ${flags.padEnd(8)}${groupCapability(p.group).toString(16).toUpperCase()}`
  );
}

/** `show pagp [N] neighbor`: each PAgP group's partners. */
export function showPagpNeighbor(st: EtherChannelsStatus, now: Micros, group?: number): string[] {
  const blocks = selected(st, group)
    .filter((c) => c.protocol === 'pagp')
    .map((c) => [
      `Channel group ${c.group} neighbors`,
      '          Partner              Partner          Partner         Partner Group',
      'Port      Name                 Device ID        Port       Age  Flags   Cap.',
      ...withPartner(c).map((m) => pagpRow(c, m, now)),
    ]);
  if (blocks.length === 0) return [];
  return [...PAGP_NEIGHBOR_FLAGS, '', ...blocks.flatMap((b, k) => (k === 0 ? b : ['', ...b]))];
}

// ---- messages ----------------------------------------------------------------------------------

/** Why a port is suspended, in %EC-5-CANNOT_BUNDLE2's words. */
function reason(e: Extract<EtherChannelEvent, { kind: 'incompatible' }>): string {
  const mine = short(e.port);
  const theirs = short(e.with);
  const { attribute, mine: a, theirs: b } = e.mismatch;
  switch (attribute) {
    case 'speed':
      return `speed of ${mine} is ${a}, ${theirs} is ${b}`;
    case 'duplex':
      return `duplex of ${mine} is ${a}, ${theirs} is ${b}`;
    // DTP's modes: on for a trunk, off for an access port (a capture of a 3750's syslog).
    case 'trunk-mode':
      return `dtp mode of ${mine} is ${a}, ${theirs} is ${b}`;
    case 'access-vlan':
      return `access vlan of ${mine} is ${a}, ${theirs} is ${b}`;
    // "id" is IOS's own typo (Cisco Press's capture of a 3750).
    case 'native-vlan':
      return `native vlan of ${mine} is ${a}, ${theirs} id ${b}`;
    case 'vlan-mask':
      return 'vlan mask is different';
  }
}

/** The messages an event prints, ports by their short names. */
export function etherChannelTexts(e: EtherChannelEvent): string[] {
  switch (e.kind) {
    case 'incompatible':
      return [
        `%EC-5-CANNOT_BUNDLE2: ${short(e.port)} is not compatible with ${short(e.with)} and will be suspended (${reason(e)})`,
      ];
    case 'misconfig': {
      const po = short(e.channel);
      const disabled = (port: string) =>
        `%PM-4-ERR_DISABLE: channel-misconfig (STP) error detected on ${po}, putting ${short(port)} in err-disable state`;
      return [
        `%SPANTREE-2-CHNL_MISCFG: Detected loop due to etherchannel misconfiguration of ${short(e.ports[0] ?? e.channel)}`,
        ...e.ports.map(disabled),
        disabled(e.channel),
      ];
    }
  }
}
