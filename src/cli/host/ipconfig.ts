/**
 * ipconfig.exe on a Windows 10 PC: the adapter's settings (plain and /all; its IPv6 addresses
 * and default routers while it runs IPv6, as Windows 10 lays them out), /renew and
 * /release of its DHCP lease (dhcp-client.ts in the engine), /displaydns and /flushdns of the
 * resolver's cache, and Packet Tracer's
 * `ipconfig IP MASK [GATEWAY]`, which sets a static address from the prompt.
 */
import type { DhcpAdapterStatus, DnsAnswerRecord, DnsCacheEntry, InterfaceStatus } from '../../engine/api.ts';
import {
  DNS_TYPE_A,
  DNS_TYPE_AAAA,
  DNS_TYPE_CNAME,
  DNS_TYPE_NS,
  DNS_TYPE_PTR,
} from '../../engine/wire/dns.ts';
import { withAddressing } from '../../shared/config.ts';
import { formatIpv4, type Ipv4Assignment, maskFromLen } from '../../shared/ipv4.ts';
import { formatIpv6, type Ipv6Addr } from '../../shared/ipv6.ts';
import { formatMacDashed, type MacAddr } from '../../shared/mac.ts';
import { type Micros, seconds } from '../../shared/time.ts';
import type { HostDeviceContext } from '../context.ts';
import { VirtualClock } from '../ios/clock.ts';
import { linesText as lines, type Running, runningProbe } from '../running.ts';
import { formatZoned } from './inet6-addr.ts';
import { CONNECTION } from './netsh.ts';
import { staticAddress } from './static-address.ts';
import { windowsDnsServers } from './windows-names.ts';

/** How ipconfig /all and route print name the PC's adapter. */
export const ADAPTER = 'Trame Fast Ethernet adapter';

/** ipconfig.exe's usage, Windows 10 (10.0.18362); ipconfig's own blanks at line ends kept. */
const IPCONFIG_USAGE = [
  '',
  'USAGE:',
  '    ipconfig [/allcompartments] [/? | /all | ',
  '                                 /renew [adapter] | /release [adapter] |',
  '                                 /renew6 [adapter] | /release6 [adapter] |',
  '                                 /flushdns | /displaydns | /registerdns |',
  '                                 /showclassid adapter |',
  '                                 /setclassid adapter [classid] |',
  '                                 /showclassid6 adapter |',
  '                                 /setclassid6 adapter [classid] ]',
  '',
  'where',
  '    adapter             Connection name ',
  '                       (wildcard characters * and ? allowed, see examples)',
  '',
  '    Options:',
  '       /?               Display this help message',
  '       /all             Display full configuration information.',
  '       /release         Release the IPv4 address for the specified adapter.',
  '       /release6        Release the IPv6 address for the specified adapter.',
  '       /renew           Renew the IPv4 address for the specified adapter.',
  '       /renew6          Renew the IPv6 address for the specified adapter.',
  '       /flushdns        Purges the DNS Resolver cache.',
  '       /registerdns     Refreshes all DHCP leases and re-registers DNS names',
  '       /displaydns      Display the contents of the DNS Resolver Cache.',
  '       /showclassid     Displays all the dhcp class IDs allowed for adapter.',
  '       /setclassid      Modifies the dhcp class id.  ',
  '       /showclassid6    Displays all the IPv6 DHCP class IDs allowed for adapter.',
  '       /setclassid6     Modifies the IPv6 DHCP class id.',
  '',
  '',
  'The default is to display only the IP address, subnet mask and',
  'default gateway for each adapter bound to TCP/IP.',
  '',
  'For Release and Renew, if no adapter name is specified, then the IP address',
  'leases for all adapters bound to TCP/IP will be released or renewed.',
  '',
  'For Setclassid and Setclassid6, if no ClassId is specified, then the ClassId is removed.',
  '',
  'Examples:',
  '    > ipconfig                       ... Show information',
  '    > ipconfig /all                  ... Show detailed information',
  '    > ipconfig /renew                ... renew all adapters',
  '    > ipconfig /renew EL*            ... renew any connection that has its ',
  '                                         name starting with EL',
  '    > ipconfig /release *Con*        ... release all matching connections,',
  '                                         eg. "Wired Ethernet Connection 1" or',
  '                                             "Wired Ethernet Connection 2"',
  '    > ipconfig /allcompartments      ... Show information about all ',
  '                                         compartments',
  '    > ipconfig /allcompartments /all ... Show detailed information about all',
  '                                         compartments',
];

/** What ipconfig.exe prints for a command line it cannot read. */
const IPCONFIG_ERROR = ['', 'Error: unrecognized or incomplete command line.', ...IPCONFIG_USAGE];

/**
 * Setting the address from the prompt is Packet Tracer's, not Windows': a line of that form
 * that does not hold an address and mask gets the two forms, not Windows' long usage.
 */
const IPCONFIG_SET_USAGE = [
  'Error: unrecognized or incomplete command line.',
  '',
  'USAGE:',
  '    ipconfig [/all]',
  '    ipconfig IP_ADDRESS SUBNET_MASK [DEFAULT_GATEWAY]',
];

/** Windows' ipconfig labels, dots and all, each 35 characters up to the colon. */
const LABEL = {
  dnsSuffix: 'Connection-specific DNS Suffix  . :',
  ipv4: 'IPv4 Address. . . . . . . . . . . :',
  autoconfIpv4: 'Autoconfiguration IPv4 Address. . :',
  mask: 'Subnet Mask . . . . . . . . . . . :',
  gateway: 'Default Gateway . . . . . . . . . :',
  media: 'Media State . . . . . . . . . . . :',
  host: 'Host Name . . . . . . . . . . . . :',
  primaryDns: 'Primary Dns Suffix  . . . . . . . :',
  nodeType: 'Node Type . . . . . . . . . . . . :',
  routing: 'IP Routing Enabled. . . . . . . . :',
  wins: 'WINS Proxy Enabled. . . . . . . . :',
  searchList: 'DNS Suffix Search List. . . . . . :',
  description: 'Description . . . . . . . . . . . :',
  physical: 'Physical Address. . . . . . . . . :',
  dhcp: 'DHCP Enabled. . . . . . . . . . . :',
  autoconf: 'Autoconfiguration Enabled . . . . :',
  netbios: 'NetBIOS over Tcpip. . . . . . . . :',
  leaseObtained: 'Lease Obtained. . . . . . . . . . :',
  leaseExpires: 'Lease Expires . . . . . . . . . . :',
  dhcpServer: 'DHCP Server . . . . . . . . . . . :',
  dnsServers: 'DNS Servers . . . . . . . . . . . :',
  ipv6: 'IPv6 Address. . . . . . . . . . . :',
  linkLocal: 'Link-local IPv6 Address . . . . . :',
  iaid: 'DHCPv6 IAID . . . . . . . . . . . :',
  duid: 'DHCPv6 Client DUID. . . . . . . . :',
} as const;

/** Where ipconfig puts a value under the one before it (a second gateway, DNS server). */
const CONTINUATION = ' '.repeat(39);

/**
 * The DNS servers Windows lists for an adapter that runs IPv6 and has none: the site-local
 * well-known addresses (RFC 3879 deprecated them; Windows keeps them as its default), on the
 * loopback's zone.
 */
const WELL_KNOWN_DNS = ['fec0:0:0:ffff::1%1', 'fec0:0:0:ffff::2%1', 'fec0:0:0:ffff::3%1'];

/**
 * The adapter's DHCPv6 IAID, a decimal number. Windows derives it from the adapter (captures
 * show values such as 50334761 and 100683862); here it is the adapter's MAC address's last
 * three bytes under 0x06 in the top byte, stable for a PC and different between PCs.
 */
export const dhcpv6Iaid = (mac: MacAddr): number => 0x0600_0000 + (mac % 0x100_0000);

/**
 * The machine's DHCPv6 DUID, as ipconfig writes it: a DUID-LLT (RFC 8415 11.2: type 1,
 * hardware type 1, the time it was made in seconds since 2000, then the MAC address), upper
 * case hexadecimal bytes between dashes. Windows makes it once, at installation; here its
 * time is drawn from the MAC address, a day of 2019 to 2023, so that a PC keeps its DUID.
 */
export function dhcpv6Duid(mac: MacAddr): string {
  const nic = mac % 0x100_0000;
  const time = 0x2400_0000 + ((Math.imul(nic, 0x9e37_79b1) >>> 0) % 0x0800_0000);
  const hex = [time >>> 24, (time >>> 16) & 0xff, (time >>> 8) & 0xff, time & 0xff]
    .map((b) => b.toString(16).toUpperCase().padStart(2, '0'))
    .join('-');
  return `00-01-00-01-${hex}-${formatMacDashed(mac)}`;
}

const BANNER = ['', 'Windows IP Configuration', ''];

/** The record types /displaydns prints the data of, with its label for them (ipconfig's message table). */
const RECORD_DATA: Readonly<Record<number, { readonly label: string; readonly name: string }>> = {
  [DNS_TYPE_A]: { label: 'A (Host) Record . . . :', name: 'A' },
  [DNS_TYPE_NS]: { label: 'NS Record   . . . . . :', name: 'NS' },
  [DNS_TYPE_CNAME]: { label: 'CNAME Record  . . . . :', name: 'CNAME' },
  [DNS_TYPE_PTR]: { label: 'PTR Record  . . . . . :', name: 'PTR' },
  [DNS_TYPE_AAAA]: { label: 'AAAA Record . . . . . :', name: 'AAAA' },
};

/**
 * What "Data Length" shows: the size of the record's data in the resolver's memory, not on the
 * wire. An address is its 4 bytes; a name is held as a pointer, 8 bytes on 64-bit Windows 10,
 * whatever its length (captures show 8 for every CNAME and PTR record).
 */
const dataLength = (r: DnsAnswerRecord): number =>
  r.type === DNS_TYPE_A ? 4 : r.type === DNS_TYPE_AAAA ? 16 : 8;

/**
 * `ipconfig /displaydns`: each name the resolver keeps under a heading per name and type, its
 * records below (an alias's CNAME, then its target's records), each followed by two blank
 * lines, as Windows 10 prints them (ipconfig's message table; captures of 10.0.14393 and later).
 * An empty cache prints the title alone: what Windows prints then is not confirmed by a capture.
 */
export function displayDns(cache: readonly DnsCacheEntry[]): string[] {
  if (cache.length === 0) return BANNER;
  const out = [...BANNER, ''];
  for (const e of cache) {
    out.push(`    ${e.name}`, `    ${'-'.repeat(40)}`);
    // A negative entry: no such name, or none of the type. The cache does not say which;
    // Windows writes "Name does not exist." for the first.
    if (e.records.length === 0)
      out.push(`    No records of type ${RECORD_DATA[e.type]?.name ?? e.type}`, '', '');
    for (const r of e.records) {
      const data = RECORD_DATA[r.type];
      if (data === undefined) continue;
      out.push(
        `    Record Name . . . . . : ${r.name}`,
        `    Record Type . . . . . : ${r.type}`,
        `    Time To Live  . . . . : ${e.ttl}`,
        `    Data Length . . . . . : ${dataLength(r)}`,
        '    Section . . . . . . . : Answer',
        `    ${data.label} ${r.address !== undefined ? formatIpv4(r.address) : (r.target ?? '')}`,
        '',
        '',
      );
    }
  }
  // cmd's blank line before the prompt follows: three in all after the last record.
  return out;
}

/** Whether `pattern` (ipconfig's adapter argument, * and ? wildcards) names the PC's adapter. */
function namesAdapter(pattern: string): boolean {
  const re = pattern
    .replace(/[.+^${}()|[\]\\]/g, '\\$&')
    .replace(/\*/g, '.*')
    .replace(/\?/g, '.');
  return new RegExp(`^${re}$`, 'i').test(CONNECTION);
}

/** MSG_NO_MATCH of ipconfig's message table, line break included. */
const NO_ADAPTER = [
  ...BANNER,
  'The operation failed as no adapter is in the state permissible for',
  'this operation.',
];

/** How long the console waits for `ipconfig /renew`: a round of discovers lasts a minute. */
const RENEW_LIMIT = seconds(75);

const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

/** A date as en-US Windows writes a lease's: "Monday, March 1, 1993 12:00:05 AM". */
function windowsDate(ms: number): string {
  const d = new Date(ms);
  const h = d.getUTCHours();
  const two = (n: number) => String(n).padStart(2, '0');
  const time = `${h % 12 === 0 ? 12 : h % 12}:${two(d.getUTCMinutes())}:${two(d.getUTCSeconds())} ${h < 12 ? 'AM' : 'PM'}`;
  return `${WEEKDAYS[d.getUTCDay()]}, ${MONTHS[d.getUTCMonth()]} ${d.getUTCDate()}, ${d.getUTCFullYear()} ${time}`;
}

/** `values` after `label` (a label line without its value), one per line, the next ones under the first. */
function list(out: string[], label: string, values: readonly string[]): void {
  values.forEach((v, k) => {
    out.push(k === 0 ? `${label} ${v}`.trimEnd() : `${CONTINUATION}${v}`);
  });
}

export class Ipconfig {
  constructor(
    private readonly ctx: HostDeviceContext,
    /** Hands a command that goes on (a renewal) to the console. */
    private readonly start: (running: Running) => void,
  ) {}

  private nic(): InterfaceStatus {
    return this.ctx.sim.interfaces(this.ctx.id)[0]!;
  }

  run(args: string[]): string[] {
    if (args.length === 0) return this.show(false);
    // ipconfig.exe takes its options after / or -, in any case.
    const option = /^[/-]([a-z]+|\?)$/i.exec(args[0]!)?.[1]?.toLowerCase();
    if (option === '?') return IPCONFIG_USAGE;
    if (option === 'all' && args.length === 1) return this.show(true);
    // An adapter named, with * and ? as wildcards, must be this one.
    if ((option === 'renew' || option === 'release') && args.length <= 2) {
      if (args[1] !== undefined && !namesAdapter(args[1])) return NO_ADAPTER;
      return option === 'renew' ? this.renew() : this.release();
    }
    if (option === 'flushdns' && args.length === 1) {
      this.ctx.sim.flushDnsCache(this.ctx.id);
      return [...BANNER, 'Successfully flushed the DNS Resolver Cache.'];
    }
    if (option === 'displaydns' && args.length === 1) return displayDns(this.ctx.sim.dnsCache(this.ctx.id));
    if (option !== undefined || /^[/-]/.test(args[0]!)) return IPCONFIG_ERROR;
    return this.set(args);
  }

  /** `ipconfig IP MASK [GATEWAY]`. */
  private set(args: string[]): string[] {
    if (args.length < 2 || args.length > 3) return IPCONFIG_SET_USAGE;
    const set = staticAddress(args[0]!, args[1]!, args[2]);
    if (!set.ok) return set.error === undefined ? IPCONFIG_SET_USAGE : [set.error];
    this.ctx.setHostConfig(withAddressing(this.ctx.hostConfig(), set.config));
    return [];
  }

  /** What /renew and /release say with the cable out; undefined with it in. */
  private disconnected(): string[] | undefined {
    if (this.nic().protocol === 'up') return undefined;
    return [...BANNER, `No operation can be performed on ${CONNECTION} while it has its media disconnected.`];
  }

  /** Waits for the lease, then shows the adapter as plain `ipconfig` does. */
  private renew(): string[] {
    if (this.ctx.hostConfig().dhcp !== true) return NO_ADAPTER;
    const unplugged = this.disconnected();
    if (unplugged !== undefined) return unplugged;
    const job = this.ctx.sim.dhcpRenew(this.ctx.id);
    this.start(
      runningProbe(
        {
          get done() {
            return job.done;
          },
          // Ctrl+C stops the wait; the client goes on asking.
          stop: () => {},
        },
        {
          head: '',
          items: () => [],
          item: () => '',
          tail: (ending) => {
            if (ending === 'stopped') return lines('^C');
            if (job.ok) return lines(...this.show(false), '');
            return lines(
              ...BANNER,
              `An error occurred while renewing interface ${CONNECTION} : unable to contact your DHCP server. Request has timed out.`,
              '',
            );
          },
        },
        RENEW_LIMIT as Micros,
      ),
    );
    return [];
  }

  private release(): string[] {
    if (this.ctx.hostConfig().dhcp !== true) return NO_ADAPTER;
    const unplugged = this.disconnected();
    if (unplugged !== undefined) return unplugged;
    if (!this.ctx.sim.dhcpRelease(this.ctx.id) && this.nic().ip === undefined) {
      return [...BANNER, `IP Address for adapter ${CONNECTION} has already been released.`];
    }
    return this.show(false);
  }

  private show(all: boolean): string[] {
    const port = this.nic();
    const dhcp: DhcpAdapterStatus | undefined = port.dhcp;
    const lease = dhcp?.lease;
    const gateway = dhcp !== undefined ? lease?.gateway : this.ctx.hostConfig().gateway;
    const mac = formatMacDashed(port.mac);
    const line = (label: keyof typeof LABEL, value = '') => `   ${LABEL[label]} ${value}`.trimEnd();
    const out = [...BANNER];
    if (all) {
      out.push(
        line('host', this.ctx.name()),
        line('primaryDns'),
        line('nodeType', 'Hybrid'),
        line('routing', 'No'),
        line('wins', 'No'),
      );
      // The suffix a DHCP server gave is searched: Windows lists it among the global settings.
      if (lease?.domain !== undefined) out.push(line('searchList', lease.domain));
    }
    out.push('', `Ethernet adapter ${CONNECTION}:`, '');
    const adapter = all
      ? [
          line('description', ADAPTER),
          line('physical', mac),
          line('dhcp', dhcp !== undefined ? 'Yes' : 'No'),
          line('autoconf', 'Yes'),
        ]
      : [];
    if (port.protocol !== 'up') {
      out.push(line('media', 'Media disconnected'), line('dnsSuffix'), ...adapter);
      return out;
    }
    out.push(line('dnsSuffix', lease?.domain), ...adapter);
    const address = (label: 'ipv4' | 'autoconfIpv4', a: Ipv4Assignment, state: string) =>
      out.push(
        line(label, `${formatIpv4(a.addr)}${all ? state : ''}`),
        line('mask', formatIpv4(maskFromLen(a.len))),
      );
    // An address another station has is kept but unused, which only /all shows; Windows then
    // configured one of 169.254.0.0/16 itself, which /all marks "(Duplicate)" as well (captures
    // of Windows 7 and of a Russian-language Windows agree).
    // IPv6 first: the adapter's global addresses (static, then autoconfigured), its
    // link-local address; all preferred, as Duplicate Address Detection is not run.
    const v6 = this.ctx.sim.ipv6Interfaces(this.ctx.id)[0];
    const v6on = v6?.enabled === true;
    const preferred = all ? '(Preferred)' : '';
    if (v6on) {
      for (const a of v6.addresses) out.push(line('ipv6', `${formatIpv6(a.addr)}${preferred}`));
      if (v6.linkLocal !== undefined) out.push(line('linkLocal', `${formatZoned(v6.linkLocal)}${preferred}`));
    }
    const { ip, duplicate } = port;
    if (duplicate !== undefined && all) address('ipv4', duplicate, '(Duplicate)');
    if (ip !== undefined && duplicate !== undefined) address('autoconfIpv4', ip, '(Duplicate)');
    else if (ip !== undefined && dhcp?.autoconfigured === true) address('autoconfIpv4', ip, '(Preferred)');
    else if (ip !== undefined) address('ipv4', ip, '(Preferred)');
    if (all && lease !== undefined) {
      const clock = new VirtualClock(() => this.ctx.sim.now(), this.ctx.sim.timeOfDay(this.ctx.id));
      out.push(
        line('leaseObtained', windowsDate(clock.wallMs(lease.obtained))),
        // An infinite lease: Windows shows the end of its 32-bit time.
        line(
          'leaseExpires',
          lease.expires === null
            ? 'Tuesday, January 19, 2038 3:14:07 AM'
            : windowsDate(clock.wallMs(lease.expires)),
        ),
      );
    }
    // The IPv6 default routers (advertised or typed) first, then the IPv4 gateway.
    const gateways = [
      ...(v6on ? this.ipv6Gateways().map(formatZoned) : []),
      ...(gateway !== undefined ? [formatIpv4(gateway)] : []),
    ];
    list(out, line('gateway'), gateways.length === 0 ? [''] : gateways);
    if (all && lease !== undefined) out.push(line('dhcpServer', formatIpv4(lease.server)));
    if (all) {
      if (v6on) out.push(line('iaid', String(dhcpv6Iaid(port.mac))), line('duid', dhcpv6Duid(port.mac)));
      // The servers typed for the adapter, else the lease's.
      const servers = windowsDnsServers(this.ctx).map(formatIpv4);
      list(out, line('dnsServers'), servers.length === 0 && v6on ? WELL_KNOWN_DNS : servers);
      out.push(line('netbios', 'Enabled'));
    }
    return out;
  }

  /** The next hops of the PC's IPv6 default routes, each once, in the routing table's order. */
  private ipv6Gateways(): Ipv6Addr[] {
    const hops: Ipv6Addr[] = [];
    for (const r of this.ctx.sim.ipv6Routes(this.ctx.id)) {
      if (r.len === 0 && r.nextHop !== undefined && !hops.includes(r.nextHop)) hops.push(r.nextHop);
    }
    return hops;
  }
}
