/**
 * `route print` (and `netstat -r`) as Windows 10 prints it for a PC with one Ethernet adapter:
 * the interface list, the IPv4 routes Windows derives from the adapter's address (its subnet,
 * its own address, the subnet broadcast, multicast and limited broadcast, each on-link) beside
 * the loopback's, the default gateway as a route and, set by hand, as a persistent route; then
 * the IPv6 table, with the loopback's routes only: a PC running IPv6 does not list its adapter's
 * routes there yet.
 *
 * Layout from captures of Windows 7 to 11 and Server 2016: 75-character separators, five
 * right-aligned columns of 17, 17, 17, 17 and 7 characters ("On-link" in 16, the interface then
 * in 18), rows sorted by destination then interface. A route's metric is the interface's plus the route's own, 256 for on-link routes
 * and a gateway set by hand: a 100 Mb/s adapter's automatic interface metric is 35 (Windows 10's
 * table: 80 Mb/s to 200 Mb/s), hence 291; the loopback's is 75, hence 331.
 */
import {
  broadcastOf,
  formatIpv4,
  type Ipv4Addr,
  type Ipv4Assignment,
  maskFromLen,
  networkOf,
} from '../../shared/ipv4.ts';
import { formatMacDashed, type MacAddr } from '../../shared/mac.ts';

/** What arp -a shows as 0xb. */
export const NIC_INDEX = 11;
const LOOPBACK_INDEX = 1;
const LOOPBACK = 0x7f00_0001;
const ROUTE_METRIC = 256;
const NIC_METRIC = 35 + ROUTE_METRIC;
const LOOPBACK_METRIC = 75 + ROUTE_METRIC;
const RULE = '='.repeat(75);

export interface RoutePrintInput {
  readonly mac: number;
  readonly description: string;
  /** The adapter's address in use; undefined when it has none or its cable is out. */
  readonly ip: Ipv4Assignment | undefined;
  readonly gateway: number | undefined;
  /** Which tables to print: `route print -4`, `-6`, or both. */
  readonly family: 4 | 6 | 'both';
}

interface Row {
  readonly dst: number;
  readonly mask: number;
  /** Undefined: on-link. */
  readonly gateway: number | undefined;
  readonly iface: number;
  readonly index: number;
  readonly metric: number;
}

const col = (s: string | number, width: number) => String(s).padStart(width);
const ip = (a: number) => formatIpv4((a >>> 0) as Ipv4Addr);

function activeRoutes(input: RoutePrintInput): Row[] {
  const onLink = (dst: number, len: number, iface: number, index: number, metric: number): Row => ({
    dst: dst >>> 0,
    mask: maskFromLen(len),
    gateway: undefined,
    iface,
    index,
    metric,
  });
  const rows: Row[] = [
    onLink(0x7f00_0000, 8, LOOPBACK, LOOPBACK_INDEX, LOOPBACK_METRIC),
    onLink(LOOPBACK, 32, LOOPBACK, LOOPBACK_INDEX, LOOPBACK_METRIC),
    onLink(0x7fff_ffff, 32, LOOPBACK, LOOPBACK_INDEX, LOOPBACK_METRIC),
    onLink(0xe000_0000, 4, LOOPBACK, LOOPBACK_INDEX, LOOPBACK_METRIC),
    onLink(0xffff_ffff, 32, LOOPBACK, LOOPBACK_INDEX, LOOPBACK_METRIC),
  ];
  const a = input.ip;
  if (a !== undefined) {
    const own = a.addr;
    if (a.len < 32) rows.push(onLink(networkOf(own, a.len), a.len, own, NIC_INDEX, NIC_METRIC));
    rows.push(onLink(own, 32, own, NIC_INDEX, NIC_METRIC));
    if (a.len < 31) rows.push(onLink(broadcastOf(own, a.len), 32, own, NIC_INDEX, NIC_METRIC));
    rows.push(onLink(0xe000_0000, 4, own, NIC_INDEX, NIC_METRIC));
    rows.push(onLink(0xffff_ffff, 32, own, NIC_INDEX, NIC_METRIC));
    if (input.gateway !== undefined) {
      rows.push({
        dst: 0,
        mask: 0,
        gateway: input.gateway,
        iface: own,
        index: NIC_INDEX,
        metric: NIC_METRIC,
      });
    }
  }
  return rows.sort((x, y) => x.dst - y.dst || x.index - y.index);
}

function ipv4Table(input: RoutePrintInput): string[] {
  const out = [
    'IPv4 Route Table',
    RULE,
    'Active Routes:',
    'Network Destination        Netmask          Gateway       Interface  Metric',
  ];
  for (const r of activeRoutes(input)) {
    // "On-link" sits one column further left than an address, the interface one further right.
    const gateway = r.gateway === undefined ? col('On-link', 16) : col(ip(r.gateway), 17);
    out.push(
      col(ip(r.dst), 17) +
        col(ip(r.mask), 17) +
        gateway +
        col(ip(r.iface), 34 - gateway.length) +
        col(r.metric, 7),
    );
  }
  out.push(RULE, 'Persistent Routes:');
  if (input.gateway === undefined) {
    out.push('  None');
  } else {
    out.push(
      '  Network Address          Netmask  Gateway Address  Metric',
      col('0.0.0.0', 17) + col('0.0.0.0', 17) + col(ip(input.gateway), 17) + col('Default', 9),
      RULE,
    );
  }
  return out;
}

function ipv6Table(): string[] {
  return [
    'IPv6 Route Table',
    RULE,
    'Active Routes:',
    ' If Metric Network Destination      Gateway',
    `${col(LOOPBACK_INDEX, 3)}${col(LOOPBACK_METRIC, 7)} ${'::1/128'.padEnd(24)} On-link`,
    `${col(LOOPBACK_INDEX, 3)}${col(LOOPBACK_METRIC, 7)} ${'ff00::/8'.padEnd(24)} On-link`,
    RULE,
    'Persistent Routes:',
    '  None',
  ];
}

export function routePrint(input: RoutePrintInput): string[] {
  // Windows writes the address as bytes in lower case, each followed by a space.
  const mac = `${formatMacDashed(input.mac as MacAddr)
    .toLowerCase()
    .replaceAll('-', ' ')} `;
  const out = [
    RULE,
    'Interface List',
    `${col(NIC_INDEX, 3)}...${mac}......${input.description}`,
    `${col(LOOPBACK_INDEX, 3)}...........................Software Loopback Interface 1`,
    RULE,
    '',
  ];
  if (input.family !== 6) out.push(...ipv4Table(input));
  if (input.family === 'both') out.push('');
  if (input.family !== 4) out.push(...ipv6Table());
  return out;
}
