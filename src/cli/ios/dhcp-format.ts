/**
 * IOS 15's DHCP as an ISR G2 prints it: the server's `show ip dhcp binding`, `show ip dhcp
 * pool`, `show ip dhcp conflict` (captures of a 2911 and of IOS 15 labs; the layouts without
 * State and Interface columns, which later images added), `show ip dhcp server statistics` and
 * running-config lines, and the client's `show dhcp lease` (a capture of an IOS 15 switch).
 */

import type {
  DhcpBinding,
  DhcpClientLease,
  DhcpConflict,
  DhcpPoolStatus,
  DhcpServerStatistics,
} from '../../engine/api.ts';
import type { DeviceConfig } from '../../shared/config.ts';
import { DEFAULT_LEASE, type DhcpPool, INFINITE_LEASE } from '../../shared/dhcp.ts';
import { broadcastOf, formatIpv4, maskFromLen } from '../../shared/ipv4.ts';
import type { Micros } from '../../shared/time.ts';

const DAY = 86_400;

/** A client identifier as IOS groups it: "0100.000c.1234.56". */
export function dottedHex(bytes: readonly number[]): string {
  const hex = bytes.map((b) => b.toString(16).padStart(2, '0')).join('');
  return hex.match(/.{1,4}/g)?.join('.') ?? '';
}

const BINDING_HEADER = [
  'Bindings from all pools not associated with VRF:',
  'IP address          Client-ID/              Lease expiration        Type',
  '                    Hardware address/',
  '                    User name',
];

/**
 * The bindings under their header. A client identifier longer than its column (an IOS
 * client's "cisco-..." name) goes on over lines of 20 characters under it.
 */
export function showBindings(bindings: readonly DhcpBinding[], stamp: (t: Micros) => string): string[] {
  return [
    ...BINDING_HEADER,
    ...bindings.flatMap((b) => {
      const [first = '', ...more] = dottedHex(b.clientId).match(/.{1,20}/g) ?? [];
      const ends = b.expires === null ? 'Infinite' : stamp(b.expires);
      return [
        `${formatIpv4(b.ip).padEnd(20)}${first.padEnd(24)}${ends.padEnd(24)}Automatic`,
        ...more.map((part) => `${' '.repeat(20)}${part}`),
      ];
    }),
  ];
}

export function showConflicts(conflicts: readonly DhcpConflict[], stamp: (t: Micros) => string): string[] {
  return [
    'IP address        Detection method   Detection time          VRF',
    ...conflicts.map((c) => `${formatIpv4(c.ip).padEnd(18)}${c.method.padEnd(19)}${stamp(c.at)}`),
  ];
}

/** One pool's block, after its blank line. */
export function showPool(pool: DhcpPoolStatus): string[] {
  const head = [
    '',
    `Pool ${pool.name} :`,
    ' Utilization mark (high/low)    : 100 / 0',
    ' Subnet size (first/next)       : 0 / 0',
  ];
  const net = pool.network;
  if (net === undefined) {
    return [
      ...head,
      ' Total addresses                : 0',
      ' Leased addresses               : 0',
      ' Pending event                  : none',
      ' 0 subnet is currently in the pool :',
    ];
  }
  const last = broadcastOf(net.addr, net.len);
  const total = Math.max(0, last - net.addr - 1);
  return [
    ...head,
    ` Total addresses                : ${total}`,
    ` Leased addresses               : ${pool.leased}`,
    ' Pending event                  : none',
    ' 1 subnet is currently in the pool :',
    ' Current index        IP address range                    Leased addresses',
    ` ${formatIpv4(pool.index!).padEnd(21)}${formatIpv4((net.addr + 1) as typeof net.addr).padEnd(17)}- ${formatIpv4((last - 1) as typeof net.addr).padEnd(18)}${pool.leased}`,
  ];
}

/**
 * What IOS says its DHCP server holds in memory, which nothing here measures: an estimate that
 * fits IOS 15 captures of the CCNA lab's two pools (25308 and 25783 bytes without a binding,
 * 33633 and 34188 with one, 42639 with two, 43442 with three pools and two bindings).
 */
const memoryUsage = (s: DhcpServerStatistics): number => 23_900 + 800 * s.pools + 8_400 * s.automaticBindings;

/**
 * `show ip dhcp server statistics` as IOS 15 prints it on an ISR G2 (IOL 15 captures of the CCNA
 * "Configure DHCPv4" lab): labels in 21 columns, a blank line before each table of messages. Later
 * images add renewals, relay bindings and a table of forwarded messages.
 */
export function showServerStatistics(s: DhcpServerStatistics): string[] {
  const row = (label: string, value: number | string) => `${label.padEnd(21)}${value}`;
  const r = s.received;
  const t = s.sent;
  return [
    row('Memory usage', memoryUsage(s)),
    row('Address pools', s.pools),
    row('Database agents', 0),
    row('Automatic bindings', s.automaticBindings),
    row('Manual bindings', 0),
    row('Expired bindings', s.expiredBindings),
    row('Malformed messages', s.malformed),
    row('Secure arp entries', 0),
    '',
    row('Message', 'Received'),
    row('BOOTREQUEST', r.boot),
    row('DHCPDISCOVER', r.discover),
    row('DHCPREQUEST', r.request),
    row('DHCPDECLINE', r.decline),
    row('DHCPRELEASE', r.release),
    row('DHCPINFORM', r.inform),
    '',
    row('Message', 'Sent'),
    row('BOOTREPLY', t.boot),
    row('DHCPOFFER', t.offer),
    row('DHCPACK', t.ack),
    row('DHCPNAK', t.nak),
  ];
}

/** `lease D [H [M]]` as typed, the default left out. */
function leaseLine(seconds: number | undefined): string[] {
  if (seconds === undefined || seconds === DEFAULT_LEASE) return [];
  if (seconds === INFINITE_LEASE) return [' lease infinite'];
  const days = Math.floor(seconds / DAY);
  const hours = Math.floor((seconds % DAY) / 3600);
  const minutes = Math.floor((seconds % 3600) / 60);
  const parts = minutes > 0 ? [days, hours, minutes] : hours > 0 ? [days, hours] : [days];
  return [` lease ${parts.join(' ')}`];
}

function poolLines(p: DhcpPool): string[] {
  const out = [`ip dhcp pool ${p.name}`];
  const n = p.network;
  if (n !== undefined) out.push(` network ${formatIpv4(n.addr)} ${formatIpv4(maskFromLen(n.len))}`);
  // IOS ends these two lines with a blank (captures of IOS-XE 15.5 and IOS 17), which the
  // console, trimming every line, would not show.
  if (p.defaultRouters?.length) out.push(` default-router ${p.defaultRouters.map(formatIpv4).join(' ')}`);
  if (p.dnsServers?.length) out.push(` dns-server ${p.dnsServers.map(formatIpv4).join(' ')}`);
  if (p.domainName !== undefined) out.push(` domain-name ${p.domainName}`);
  out.push(...leaseLine(p.lease));
  return out;
}

/** The running-config blocks: the excluded ranges, then each pool. */
export function dhcpConfigBlocks(c: DeviceConfig): string[][] {
  const excluded = (c.dhcpExcluded ?? []).map(
    (r) => `ip dhcp excluded-address ${formatIpv4(r.low)}${r.high !== r.low ? ` ${formatIpv4(r.high)}` : ''}`,
  );
  return [...(excluded.length > 0 ? [excluded] : []), ...(c.dhcpPools ?? []).map(poolLines)];
}

/**
 * The client states `show dhcp lease` numbers as IOS 15 does: "3 Selecting" (a 1941's `show dhcp
 * lease`, IOSv's `debug dhcp detail`), "4 Requesting" (IOSv), "5 Bound", "10 Purging" (a switch
 * waiting to try again). The others follow IOS's order of them and are not confirmed.
 */
const CLIENT_STATES: Record<DhcpClientLease['state'], string> = {
  off: '0 Init',
  released: '0 Init',
  init: '3 Selecting',
  requesting: '4 Requesting',
  rebooting: '4 Requesting',
  bound: '5 Bound',
  renewing: '6 Renewing',
  rebinding: '7 Rebinding',
  purging: '10 Purging',
};

const hhmmss = (us: number): string => {
  const s = Math.max(0, Math.floor(us / 1_000_000));
  const two = (n: number) => String(n).padStart(2, '0');
  return `${two(Math.floor(s / 3600))}:${two(Math.floor((s % 3600) / 60))}:${two(s % 60)}`;
};

/** `show dhcp lease`: each interface set to `ip address dhcp`; `now` is the virtual time. */
export function showDhcpLease(leases: readonly DhcpClientLease[], now: number): string[] {
  const out: string[] = [];
  for (const c of leases) {
    const l = c.lease;
    const secs = (from: number | null | undefined) =>
      from === null || from === undefined || l === undefined
        ? 0
        : Math.round((from - l.obtained) / 1_000_000);
    // The identifier after its type byte (0: a name), as text and as a dump of 16 bytes a line.
    const id = c.clientId.slice(1);
    const dump = id.map((b) => b.toString(16).toUpperCase().padStart(2, '0')).join('');
    const rows = dump.match(/.{1,32}/g) ?? [''];
    out.push(
      `Temp IP addr: ${l === undefined ? '0.0.0.0' : formatIpv4(l.ip.addr)}  for peer on Interface: ${c.iface}`,
      `Temp  sub net mask: ${l === undefined ? '0.0.0.0' : formatIpv4(maskFromLen(l.ip.len))}`,
      `   DHCP Lease server: ${l === undefined ? '0.0.0.0' : formatIpv4(l.server)}, state: ${CLIENT_STATES[c.state]}`,
      `   DHCP transaction id: ${c.xid.toString(16).toUpperCase()}`,
      `   Lease: ${secs(l?.expires)} secs,  Renewal: ${secs(l?.renewAt)} secs,  Rebind: ${secs(l?.rebindAt)} secs`,
      ...(c.nextTimer === null ? [] : [`   Next timer fires after: ${hhmmss(c.nextTimer - now)}`]),
      `   Retry count: ${c.retries}   Client-ID: ${String.fromCharCode(...id)}`,
      ...rows.map((r, k) => `${k === 0 ? '   Client-ID hex dump: ' : ' '.repeat(23)}${r}`),
      `   Hostname: ${c.hostname}`,
    );
  }
  return out;
}
