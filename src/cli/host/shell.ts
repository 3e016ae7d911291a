/**
 * The PC and server command prompt (C:\>), as Packet Tracer's "Command Prompt" offers it:
 * Windows commands and output (ipconfig, ping, tracert, arp), plus Packet Tracer's
 * `ipconfig IP MASK [GATEWAY]` to set the address from the prompt.
 */
import type { Probe6Outcome, ProbeResult } from '../../engine/api.ts';
import { dnsNameError } from '../../engine/wire/dns.ts';
import { broadcastOf, formatIpv4, type Ipv4Addr } from '../../shared/ipv4.ts';
import { formatIpv6, IPV6_UNSPECIFIED } from '../../shared/ipv6.ts';
import { formatMacDashed, parseMac } from '../../shared/mac.ts';
import { type Micros, ms, seconds } from '../../shared/time.ts';
import type { HostDeviceContext } from '../context.ts';
import { NameLookup } from '../name-lookup.ts';
import { portNumber } from '../remote-terminal.ts';
import {
  linesText as lines,
  type Running,
  runningAfter,
  runningProbe,
  type TraceStep,
  traceSteps,
} from '../running.ts';
import { SshClient, WINDOWS_USER } from '../ssh/client.ts';
import { TelnetClient } from '../telnet/client.ts';
import { parseWindowsIpv4 } from './inet-addr.ts';
import { formatWithZone, parseWindowsIpv6 } from './inet6-addr.ts';
import { ADAPTER, Ipconfig } from './ipconfig.ts';
import { netsh } from './netsh.ts';
import { nslookup } from './nslookup.ts';
import { NIC_INDEX, routePrint } from './route-print.ts';
import { timeout } from './timeout.ts';
import { isArgsError, parseWinArgs, type WinArgsSpec } from './win-args.ts';
import { WINDOWS_LOOKUP_LIMIT, windowsCandidates, windowsDnsServers } from './windows-names.ts';

const HOST_PROMPT = 'C:\\>';

/** The line the prompt opens with, and what `ver` says. */
export const HOST_VERSION = 'Trame PC Command Line 1.0';

const HELP = [
  'Available Commands:',
  '?           Display the list of available commands',
  'arp         Display and modify the arp table',
  'cls         Clear the screen',
  'help        Display the list of available commands',
  'hostname    Display the name of this computer',
  'ipconfig    Display network configuration, or set it: ipconfig IP MASK [GATEWAY]',
  'netsh       Set the address: netsh interface ip set address FastEthernet0 dhcp|static IP MASK [GW]',
  'netstat     Display the routing table: netstat -r',
  'nslookup    Query a DNS server: nslookup NAME [SERVER]',
  'ping        Send echo messages',
  'route       Display the routing table: route print',
  'ssh         Open an SSH session: ssh USER@HOST',
  'telnet      Open a Telnet session: telnet HOST [PORT]',
  'timeout     Wait: timeout /t SECONDS',
  'tracert     Trace route to destination',
  'ver         Display the version of the command line',
];

/** OpenSSH_for_Windows_7.7's usage. */
const SSH_USAGE = [
  'usage: ssh [-46AaCfGgKkMNnqsTtVvXxYy] [-b bind_address] [-c cipher_spec]',
  '           [-D [bind_address:]port] [-E log_file] [-e escape_char]',
  '           [-F configfile] [-I pkcs11] [-i identity_file]',
  '           [-J [user@]host[:port]] [-L address] [-l login_name] [-m mac_spec]',
  '           [-O ctl_cmd] [-o option] [-p port] [-Q query_option] [-R address]',
  '           [-S ctl_path] [-W host:port] [-w local_tun[:remote_tun]]',
  '           destination [command]',
];

/** ping.exe's usage, Windows 10 (10.0.18362; Windows 11 prints the same). */
const PING_USAGE = [
  '',
  'Usage: ping [-t] [-a] [-n count] [-l size] [-f] [-i TTL] [-v TOS]',
  '            [-r count] [-s count] [[-j host-list] | [-k host-list]]',
  '            [-w timeout] [-R] [-S srcaddr] [-c compartment] [-p]',
  '            [-4] [-6] target_name',
  '',
  'Options:',
  '    -t             Ping the specified host until stopped.',
  '                   To see statistics and continue - type Control-Break;',
  '                   To stop - type Control-C.',
  '    -a             Resolve addresses to hostnames.',
  '    -n count       Number of echo requests to send.',
  '    -l size        Send buffer size.',
  "    -f             Set Don't Fragment flag in packet (IPv4-only).",
  '    -i TTL         Time To Live.',
  '    -v TOS         Type Of Service (IPv4-only. This setting has been deprecated',
  '                   and has no effect on the type of service field in the IP',
  '                   Header).',
  '    -r count       Record route for count hops (IPv4-only).',
  '    -s count       Timestamp for count hops (IPv4-only).',
  '    -j host-list   Loose source route along host-list (IPv4-only).',
  '    -k host-list   Strict source route along host-list (IPv4-only).',
  '    -w timeout     Timeout in milliseconds to wait for each reply.',
  '    -R             Use routing header to test reverse route also (IPv6-only).',
  '                   Per RFC 5095 the use of this routing header has been',
  '                   deprecated. Some systems may drop echo requests if',
  '                   this header is used.',
  '    -S srcaddr     Source address to use.',
  '    -c compartment Routing compartment identifier.',
  '    -p             Ping a Hyper-V Network Virtualization provider address.',
  '    -4             Force using IPv4.',
  '    -6             Force using IPv6.',
  '',
];

/** tracert.exe's usage, Windows 10 (10.0.14393 and 10.0.18362), its blank after "timeout]" kept. */
const TRACERT_USAGE = [
  '',
  'Usage: tracert [-d] [-h maximum_hops] [-j host-list] [-w timeout] ',
  '               [-R] [-S srcaddr] [-4] [-6] target_name',
  '',
  'Options:',
  '    -d                 Do not resolve addresses to hostnames.',
  '    -h maximum_hops    Maximum number of hops to search for target.',
  '    -j host-list       Loose source route along host-list (IPv4-only).',
  '    -w timeout         Wait timeout milliseconds for each reply.',
  '    -R                 Trace round-trip path (IPv6-only).',
  '    -S srcaddr         Source address to use (IPv6-only).',
  '    -4                 Force using IPv4.',
  '    -6                 Force using IPv6.',
];

/** arp.exe's usage, Windows 10 (10.0.14393 and later). */
const ARP_USAGE = [
  '',
  'Displays and modifies the IP-to-Physical address translation tables used by',
  'address resolution protocol (ARP).',
  '',
  'ARP -s inet_addr eth_addr [if_addr]',
  'ARP -d inet_addr [if_addr]',
  'ARP -a [inet_addr] [-N if_addr] [-v]',
  '',
  '  -a            Displays current ARP entries by interrogating the current',
  '                protocol data.  If inet_addr is specified, the IP and Physical',
  '                addresses for only the specified computer are displayed.  If',
  '                more than one network interface uses ARP, entries for each ARP',
  '                table are displayed.',
  '  -g            Same as -a.',
  '  -v            Displays current ARP entries in verbose mode.  All invalid',
  '                entries and entries on the loop-back interface will be shown.',
  '  inet_addr     Specifies an internet address.',
  '  -N if_addr    Displays the ARP entries for the network interface specified',
  '                by if_addr.',
  '  -d            Deletes the host specified by inet_addr. inet_addr may be',
  '                wildcarded with * to delete all hosts.',
  '  -s            Adds the host and associates the Internet address inet_addr',
  '                with the Physical address eth_addr.  The Physical address is',
  '                given as 6 hexadecimal bytes separated by hyphens. The entry',
  '                is permanent.',
  '  eth_addr      Specifies a physical address.',
  '  if_addr       If present, this specifies the Internet address of the',
  '                interface whose address translation table should be modified.',
  '                If not present, the first applicable interface will be used.',
  'Example:',
  '  > arp -s 157.55.85.212   00-aa-00-62-c6-09  .... Adds a static entry.',
  '  > arp -a                                    .... Displays the arp table.',
];

/** arp.exe's physical address: six pairs of hexadecimal digits separated by hyphens. */
const ETH_ADDR = /^[0-9a-f]{2}(-[0-9a-f]{2}){5}$/i;

/** What Windows ping accepts for each option (ping.exe on Windows 10; -r and -s as documented). */
const PING_ARGS: WinArgsSpec = {
  numeric: {
    n: [1, 0xffff_ffff],
    l: [0, 65500],
    i: [1, 255],
    w: [0, 0xffff_ffff],
    v: [0, 255],
    r: [1, 9],
    s: [1, 4],
    c: [0, 0xffff_ffff],
  },
  // -a finds no name without a name server, and -4 is what an address asks anyway.
  flags: ['t', 'a', 'f', '4', '6', 'R', 'p'],
  words: ['S'],
  lists: ['j', 'k'],
};

const TRACERT_ARGS: WinArgsSpec = {
  numeric: { h: [1, 255], w: [1, 0xffff_ffff] },
  flags: ['d', '4', '6', 'R'],
  words: ['S'],
  lists: ['j'],
  targetLast: true,
};

/** IP options (record route, timestamps, source routes): routers here neither fill nor follow them. */
const NO_IP_OPTIONS = 'Trame does not simulate IP options yet.';

/** tracert to an IPv6 address. */
const NO_TRACERT6 = 'Trame does not simulate tracert over IPv6 yet.';

/** ping -R: an IPv6 routing header, which routers here do not follow. */
const NO_ROUTING_HEADER = 'Trame does not simulate IPv6 routing headers yet.';

/** The start of route.exe's usage. */
const ROUTE_USAGE = [
  '',
  'Manipulates network routing tables.',
  '',
  'ROUTE [-f] [-p] [-4|-6] command [destination]',
  '                  [MASK netmask]  [gateway] [METRIC metric]  [IF interface]',
];

/** 224.0.0.22 (IGMPv3), 224.0.0.251 (mDNS), 224.0.0.252 (LLMNR), 239.255.255.250 (SSDP). */
const WINDOWS_GROUPS = [0xe0000016, 0xe00000fb, 0xe00000fc, 0xeffffffa];

const windowsTime = (rtt: Micros): string => (rtt < 1000 ? '<1' : String(Math.floor(rtt / 1000)));

/**
 * What tracert prints at `step`: the hop's number as its first probe leaves; each probe's time
 * or "*" as it ends, and after the last the address that answered. An unreachable ends the hop
 * and the trace with its report, a probe that could not be sent with Windows' error code
 * (1231, ERROR_NETWORK_UNREACHABLE).
 */
function tracertStep({ hop, probe }: TraceStep, probesPerHop: number): string {
  if (probe < 0) return String(hop.ttl).padStart(3);
  const o = hop.probes[probe]!.outcome;
  if (o.kind === 'local-error') return '  Transmit error: code 1231.\n';
  if (o.kind === 'unreachable') return `  ${formatIpv4(o.from)}  reports: ${unreachableText(o.code)}\n`;
  const text = o.kind === 'timeout' ? `${'*'.padStart(6)}   ` : `${windowsTime(o.rtt).padStart(6)} ms`;
  if (probe < probesPerHop - 1) return text;
  let from: Ipv4Addr | undefined;
  for (const p of hop.probes)
    if (p.outcome.kind === 'reply' || p.outcome.kind === 'ttl-exceeded') from = p.outcome.from;
  return `${text}  ${from === undefined ? 'Request timed out.' : formatIpv4(from)}\n`;
}

export class HostShell {
  /** `cls` ran: the terminal is to clear its screen before the next prompt. */
  private clearing = false;
  private running: Running | undefined;
  /** The SSH host keys accepted since the PC started, by address (OpenSSH's known_hosts). */
  private readonly knownHosts = new Map<string, string>();

  constructor(private readonly ctx: HostDeviceContext) {}

  /** The command the last line started that goes on printing (ping, tracert), asked once. */
  takeRunning(): Running | undefined {
    const r = this.running;
    this.running = undefined;
    return r;
  }

  /** Whether the last line cleared the screen (asked once). */
  takeClear(): boolean {
    const c = this.clearing;
    this.clearing = false;
    return c;
  }

  prompt(): string {
    return HOST_PROMPT;
  }

  line(text: string): string[] {
    const words = text
      .trim()
      .split(/\s+/)
      .filter((w) => w !== '');
    if (words.length === 0) return [];
    // cmd.exe ends a command's name at a slash as at a space: `ipconfig/all` is `ipconfig /all`.
    const slash = words[0]!.indexOf('/');
    if (slash > 0) words.splice(0, 1, words[0]!.slice(0, slash), words[0]!.slice(slash));
    const [cmd, ...args] = words;
    if (cmd!.toLowerCase() === 'cls') {
      if (args[0] === '/?') return ['Clears the screen.', '', 'CLS', ''];
      // Windows clears the window (whatever follows the command); the prompt then stands alone.
      this.clearing = true;
      return [];
    }
    // Windows finds a program by its name with or without its extension.
    const out = this.run(cmd!.toLowerCase().replace(/\.exe$/, ''), args, cmd!);
    // A running command prints its own last lines (running.ts).
    return this.running === undefined ? [...out, ''] : out;
  }

  private run(cmd: string, args: string[], typed: string): string[] {
    switch (cmd) {
      case '?':
      case 'help':
        return HELP;
      case 'netsh':
        return netsh(this.ctx, args.join(' '));
      case 'nslookup':
        return nslookup(this.ctx, args, (r) => {
          this.running = r;
        });
      case 'ipconfig':
        return new Ipconfig(this.ctx, (r) => {
          this.running = r;
        }).run(args);
      case 'ping':
        return this.ping(args);
      case 'tracert':
        return this.tracert(args);
      case 'arp':
        return this.arp(args);
      case 'route':
        return this.route(args);
      case 'netstat':
        // No TCP or UDP endpoint lives on a PC here: only the routing table has rows.
        // Options may be combined (`netstat -rn`): any r asks for the routing table.
        if (args.some((a) => /^[-/][a-z]*r/i.test(a))) return this.routePrint('both');
        return ['', 'Active Connections', '', '  Proto  Local Address          Foreign Address        State'];
      case 'hostname':
        return this.hostname(args);
      case 'ver':
        // Laid out as Windows prints its version; the version is the prompt's own.
        return ['', HOST_VERSION];
      case 'ssh':
        return this.ssh(args);
      case 'telnet':
        return this.telnet(args);
      case 'timeout':
        return timeout(this.ctx.sim, args, (r) => {
          this.running = r;
        });
      default:
        return [
          `'${typed}' is not recognized as an internal or external command,`,
          'operable program or batch file.',
        ];
    }
  }

  /**
   * `telnet HOST [PORT]`, as Windows' Telnet client (an optional feature of Windows 10) opens a
   * session. Without a host it would start its own prompt, which Trame does not simulate.
   */
  private telnet(args: string[]): string[] {
    const [host, port] = args;
    if (host === undefined) return ["Trame does not simulate the Telnet client's own prompt yet."];
    const number = port === undefined ? 23 : portNumber(port);
    const target = parseWindowsIpv4(host);
    if (target === undefined || number === undefined) {
      // A name it cannot resolve (Trame has no name server) fails as a refused connection does.
      return [
        `Connecting To ${host}...Could not open connection to the host, on port ${port ?? 23}: Connect failed`,
      ];
    }
    this.running = new TelnetClient(
      this.ctx.sim,
      this.ctx.id,
      target,
      number,
      'windows',
      this.ctx.vty,
    ).connect();
    return [];
  }

  /**
   * `ssh [-l USER] [-p PORT] [USER@]HOST`, as Windows 10's OpenSSH client opens a session. The
   * keys of the hosts it accepted stay known while the PC runs (its known_hosts).
   */
  private ssh(args: string[]): string[] {
    let user = WINDOWS_USER;
    let port = 22;
    let host: string | undefined;
    for (let i = 0; i < args.length; i++) {
      const a = args[i]!;
      if (!a.startsWith('-') && host === undefined) {
        host = a;
        continue;
      }
      const value = args[++i];
      if (a === '-l' && value !== undefined) user = value;
      else if (a === '-p' && value !== undefined) {
        const p = portNumber(value);
        if (p === undefined) return [`Bad port '${value}'`];
        port = p;
      } else return SSH_USAGE;
    }
    if (host === undefined) return SSH_USAGE;
    const at = host.lastIndexOf('@');
    if (at >= 0) {
      user = host.slice(0, at);
      host = host.slice(at + 1);
    }
    const target = parseWindowsIpv4(host);
    if (target === undefined) {
      return [`ssh: Could not resolve hostname ${host.toLowerCase()}: No such host is known.`];
    }
    this.running = new SshClient(
      this.ctx.sim,
      this.ctx.id,
      target,
      port,
      'windows',
      user,
      this.knownHosts,
      this.ctx.vty,
    ).connect();
    return [];
  }

  /** hostname.exe prints the name; it cannot set it (captures of `hostname NAME`, `hostname -s`). */
  private hostname(args: string[]): string[] {
    if (args.length === 0) return [this.ctx.name()];
    if (args[0] === '/?' || args[0] === '-?')
      return ['', 'Prints the name of the current host.', '', 'hostname', ''];
    return [
      'sethostname: Use the Network Control Panel Applet to set hostname.',
      'hostname -s is not supported.',
    ];
  }

  private ownAddress(): Ipv4Addr | undefined {
    return this.ctx.sim.interfaces(this.ctx.id)[0]?.ip?.addr;
  }

  private ping(args: string[]): string[] {
    const o = parseWinArgs(args, PING_ARGS);
    if (isArgsError(o)) {
      switch (o.kind) {
        case 'unknown':
          return [`Bad option ${o.token}.`, ...PING_USAGE];
        case 'missing':
          return [`Value must be supplied for option ${o.token}.`];
        case 'range':
          return [`Bad value for option ${o.token}, valid range is from ${o.min} to ${o.max}.`];
        case 'extra':
          return [`Bad parameter ${o.token}.`];
      }
    }
    if (args.length === 0 || o.help) return PING_USAGE;
    if (o.target === undefined) return ['IP address must be specified.'];
    const notFound = `Ping request could not find host ${o.target}. Please check the name and try again.`;
    const v6 = parseWindowsIpv6(o.target);
    const target = v6 === undefined ? parseWindowsIpv4(o.target) : undefined;
    // -4 asks for an IPv4 address, -6 and -R for an IPv6 one: a literal of the other family
    // names no host, nor does a name (names resolve to IPv4 addresses only here). A zone
    // other than the adapter's names no interface of the PC.
    if (
      v6 !== undefined
        ? o.flags.has('4') || (v6.zone !== undefined && v6.zone !== NIC_INDEX)
        : o.flags.has('6') ||
          o.flags.has('R') ||
          (target === undefined && dnsNameError(o.target.replace(/\.$/, '')) !== undefined)
    )
      return [notFound];
    if (['r', 's'].some((k) => o.values.has(k)) || o.words.has('j') || o.words.has('k'))
      return [NO_IP_OPTIONS];
    if (o.flags.has('R')) return [NO_ROUTING_HEADER];
    const count = o.flags.has('t') ? Number.POSITIVE_INFINITY : (o.values.get('n') ?? 4);
    const size = o.values.get('l') ?? 32;
    const timeout = ms(o.values.get('w') ?? 4000);
    const ttl = o.values.get('i');
    const from = o.words.get('S')?.[0];
    const limit = Number.isFinite(count)
      ? ((count * (timeout + seconds(1)) + seconds(1)) as Micros)
      : undefined;
    // -v (deprecated, "no effect"), -c (the PC's one compartment) and -p change nothing here;
    // nor does -f over IPv6, where routers never fragment.
    const common = { count, timeout, size, interval: seconds(1) };
    if (v6 !== undefined) {
      // -S: an address that is not the PC's own makes every send fail ("General failure").
      const source = from === undefined ? undefined : (parseWindowsIpv6(from)?.addr ?? IPV6_UNSPECIFIED);
      const job = this.ctx.sim.ping6(this.ctx.id, v6.addr, {
        ...common,
        ...(ttl !== undefined ? { hopLimit: ttl } : {}),
        ...(source !== undefined ? { source } : {}),
      });
      const shown = formatWithZone(v6.addr, v6.zone);
      const fromText =
        source === undefined ? '' : ` from ${source === IPV6_UNSPECIFIED ? from : formatIpv6(source)}`;
      this.running = this.pinging(
        job,
        `${shown}${fromText}`,
        shown,
        size,
        (r) => ping6Line(r.outcome, v6.zone),
        limit,
      );
      return [];
    }
    // -S: an address that is not the PC's own makes every send fail ("General failure").
    const source = from === undefined ? undefined : (parseWindowsIpv4(from) ?? (0 as Ipv4Addr));
    const start = (target: Ipv4Addr, name?: string): Running => {
      const job = this.ctx.sim.ping(this.ctx.id, target, {
        ...common,
        ...(ttl !== undefined ? { ttl } : {}),
        ...(o.flags.has('f') ? { dontFragment: true } : {}),
        ...(source !== undefined ? { source } : {}),
      });
      const ip = formatIpv4(target);
      const shown = name === undefined ? ip : `${name} [${ip}]`;
      const fromText = source === undefined ? '' : ` from ${source === 0 ? from : formatIpv4(source)}`;
      return this.pinging(job, `${shown}${fromText}`, ip, size, (r) => this.pingLine(r), limit);
    };
    this.running =
      target !== undefined ? start(target) : this.resolving(o.target, start, lines(notFound, ''), limit);
    return [];
  }

  /**
   * What ping prints as `job` goes, over IPv4 or IPv6: its head naming `shown` (the target, its
   * name, the source asked for), a line per echo (`line`), and the statistics for `ip`.
   */
  private pinging<R>(
    job: { readonly done: boolean; readonly results: readonly R[]; stop(): void },
    shown: string,
    ip: string,
    size: number,
    line: (r: R) => PingLine,
    limit: Micros | undefined,
  ): Running {
    return runningProbe(
      job,
      {
        head: lines('', `Pinging ${shown} with ${size} bytes of data:`),
        items: () => job.results,
        item: (r) => lines(line(r).text),
        tail: (ending) =>
          lines(
            ...pingStatistics(ip, job.results.map(line)),
            ...(ending === 'stopped' ? ['Control-C', '^C'] : ['']),
          ),
      },
      limit,
    );
  }

  /**
   * `name` looked up by the PC's resolver (windows-names.ts), then `start` run with its first
   * address and the name that has it; `notFound` printed when it has none.
   */
  private resolving(
    name: string,
    start: (target: Ipv4Addr, canonical: string) => Running,
    notFound: string,
    limit: Micros | undefined,
  ): Running {
    const lookup = new NameLookup(
      this.ctx.sim,
      this.ctx.id,
      windowsCandidates(this.ctx, name),
      windowsDnsServers(this.ctx),
    );
    return runningAfter(
      lookup,
      () => {
        const found = lookup.result;
        return found === undefined ? notFound : start(found.addresses[0]!, found.canonical);
      },
      limit === undefined ? undefined : ((limit + WINDOWS_LOOKUP_LIMIT) as Micros),
      () => lines('^C'),
    );
  }

  private pingLine(r: ProbeResult): PingLine {
    const o = r.outcome;
    switch (o.kind) {
      case 'reply': {
        const t = windowsTime(o.rtt);
        return {
          text: `Reply from ${formatIpv4(o.from)}: bytes=${o.bytes} time${t === '<1' ? '<1' : `=${t}`}ms TTL=${o.ttl}`,
          received: true,
          rtt: Math.floor(o.rtt / 1000),
        };
      }
      case 'timeout':
        return { text: 'Request timed out.', received: false };
      case 'unreachable':
        return { text: `Reply from ${formatIpv4(o.from)}: ${unreachableText(o.code)}`, received: true };
      case 'ttl-exceeded':
        return { text: `Reply from ${formatIpv4(o.from)}: ${ttlExpiredText(o.code)}`, received: true };
      case 'local-error': {
        const own = this.ownAddress();
        if (o.reason === 'arp-failed' && own !== undefined) {
          return { text: `Reply from ${formatIpv4(own)}: Destination host unreachable.`, received: true };
        }
        if (o.reason === 'too-big')
          return { text: 'Packet needs to be fragmented but DF set.', received: false };
        // A reply whose status is IP_GENERAL_FAILURE, rather than a send that failed.
        if (o.reason === 'general-failure') return { text: 'General failure.', received: false };
        return { text: TRANSMIT_FAILED, received: false };
      }
    }
  }

  private tracert(args: string[]): string[] {
    const o = parseWinArgs(args, TRACERT_ARGS);
    if (isArgsError(o)) {
      switch (o.kind) {
        case 'unknown':
          return [`${o.token} is not a valid command option.`, ...TRACERT_USAGE];
        case 'missing':
          return [`A value must be supplied for option ${o.token}.`];
        case 'range':
          return [`Bad value for option ${o.token}.`];
        case 'extra':
          return TRACERT_USAGE;
      }
    }
    if (o.help || o.target === undefined) return TRACERT_USAGE;
    const target = parseWindowsIpv4(o.target);
    const notFound = `Unable to resolve target system name ${o.target}.`;
    // An IPv6 target: -4 finds none, and the engine traces over IPv4 only.
    if (parseWindowsIpv6(o.target) !== undefined) return [o.flags.has('4') ? notFound : NO_TRACERT6];
    // -6 and -R ask for an IPv6 target; -S takes an IPv6 source only (a Windows 10 run refused
    // the PC's own IPv4 address so).
    if (
      o.flags.has('6') ||
      o.flags.has('R') ||
      (target === undefined && dnsNameError(o.target.replace(/\.$/, '')) !== undefined)
    )
      return [notFound];
    const from = o.words.get('S')?.[0];
    if (from !== undefined) return [`${from} is not a valid address.`];
    if (o.words.has('j')) return [NO_IP_OPTIONS];
    const maxTtl = o.values.get('h') ?? 30;
    const timeout = ms(o.values.get('w') ?? 4000);
    const probesPerHop = 3;
    const limit = (maxTtl * 3 * (timeout + seconds(1))) as Micros;
    const start = (target: Ipv4Addr, name?: string): Running => {
      const job = this.ctx.sim.traceroute(this.ctx.id, target, {
        maxTtl,
        probesPerHop,
        timeout,
        probe: 'icmp',
      });
      const ip = formatIpv4(target);
      // A name takes the address in brackets and moves the rest to a line of its own.
      const head =
        name === undefined
          ? [`Tracing route to ${ip} over a maximum of ${maxTtl} hops`]
          : [`Tracing route to ${name} [${ip}]`, `over a maximum of ${maxTtl} hops:`];
      return runningProbe(
        job,
        {
          head: lines('', ...head, ''),
          items: () => traceSteps(job),
          item: (step) => tracertStep(step, probesPerHop),
          tail: (ending) => (ending === 'stopped' ? lines('^C') : lines('', 'Trace complete.', '')),
        },
        limit,
      );
    };
    this.running =
      target !== undefined ? start(target) : this.resolving(o.target, start, lines(notFound, ''), limit);
    return [];
  }

  private route(args: string[]): string[] {
    const a = args.map((x) => x.toLowerCase());
    const command = a.find((x) => !x.startsWith('-'));
    if (command === 'print') return this.routePrint(a.includes('-4') ? 4 : a.includes('-6') ? 6 : 'both');
    // The prompt is not elevated: route.exe refuses to change the table.
    if (command === 'add' || command === 'delete' || command === 'change') {
      return ['The requested operation requires elevation.'];
    }
    return ROUTE_USAGE;
  }

  private routePrint(family: 4 | 6 | 'both'): string[] {
    const nic = this.ctx.sim.interfaces(this.ctx.id)[0]!;
    const { gateway } = this.ctx.hostConfig();
    return routePrint({
      mac: nic.mac,
      description: ADAPTER,
      ip: nic.protocol === 'up' ? nic.ip : undefined,
      gateway,
      family,
    });
  }

  private arp(args: string[]): string[] {
    // arp.exe takes its switches after a slash as well as after a dash.
    const a = args.map((x) => x.toLowerCase().replace(/^\//, '-'));
    if (a[0] === '-a' || a[0] === '-g') return this.arpShow(args.slice(1), a.slice(1));
    if ((a.length === 1 && a[0] === '-d') || (a.length === 2 && a[0] === '-d' && a[1] === '*')) {
      this.ctx.sim.clearArp(this.ctx.id);
      return [];
    }
    if (a.length === 2 && a[0] === '-d') {
      const ip = parseWindowsIpv4(a[1]!);
      if (ip === undefined) return ARP_USAGE;
      return this.ctx.sim.deleteArp(this.ctx.id, ip)
        ? []
        : ['The ARP entry deletion failed: Element not found.'];
    }
    if (a[0] === '-s' && (a.length === 3 || a.length === 4)) return this.arpAdd(args);
    return ARP_USAGE;
  }

  /**
   * `arp -a [inet_addr] [-N if_addr]` (`args` as typed, `a` in lower case): the table, or one
   * address's entry, of the NIC, the only interface there is; another if_addr has none. arp.exe
   * names the first word it cannot take.
   */
  private arpShow(args: string[], a: string[]): string[] {
    let i = 0;
    let only: Ipv4Addr | undefined;
    if (i < a.length && a[i] !== '-n') {
      only = parseWindowsIpv4(a[i]!);
      if (only === undefined) return [`ARP: bad argument: ${args[i]}`];
      i++;
    }
    let on: Ipv4Addr | undefined;
    if (a[i] === '-n') {
      if (i + 1 >= a.length) return ARP_USAGE;
      on = parseWindowsIpv4(a[i + 1]!);
      if (on === undefined) return [`ARP: bad argument: ${args[i + 1]}`];
      i += 2;
    }
    if (i < a.length) return [`ARP: bad argument: ${args[i]}`];
    if (on !== undefined && on !== this.ctx.sim.interfaces(this.ctx.id)[0]!.ip?.addr)
      return ['No ARP Entries Found.'];
    return this.arpTable(only);
  }

  /**
   * `arp -s inet_addr eth_addr [if_addr]`: a static entry on the NIC, the only interface there
   * is to name. Like `arp -d`, it works as at an administrator's prompt.
   */
  private arpAdd(args: string[]): string[] {
    const ip = parseWindowsIpv4(args[1]!);
    if (ip === undefined) return [`ARP: bad argument: ${args[1]}`];
    if (!ETH_ADDR.test(args[2]!)) return [`ARP: bad argument: ${args[2]}`];
    if (args[3] !== undefined) {
      const on = parseWindowsIpv4(args[3]);
      if (on === undefined) return [`ARP: bad argument: ${args[3]}`];
      if (on !== this.ctx.sim.interfaces(this.ctx.id)[0]!.ip?.addr)
        return ['The ARP entry addition failed: Element not found.'];
    }
    this.ctx.sim.addStaticArp(this.ctx.id, ip, parseMac(args[2]!)!);
    return [];
  }

  /**
   * arp -a as Windows 10 prints it: the learned entries, then the static ones Windows always
   * has on a connected adapter (subnet broadcast, the IGMP, mDNS, LLMNR and SSDP groups it
   * joins, limited broadcast).
   */
  private arpTable(only?: Ipv4Addr): string[] {
    // The address in use: 169.254.x.y when the configured one was found to be a duplicate.
    const nic = this.ctx.sim.interfaces(this.ctx.id)[0]!;
    const { ip } = nic;
    const up = nic.protocol === 'up';
    if (ip === undefined || !up) return ['No ARP Entries Found.'];
    // `arp -a ADDRESS` shows that address's entry alone.
    const rows: string[] = [];
    const row = (addr: Ipv4Addr, mac: string, type: string) => {
      if (only === undefined || addr === only)
        rows.push(`  ${formatIpv4(addr).padEnd(22)}${mac.padEnd(22)}${type}`);
    };
    // Learned entries and those `arp -s` added, by address.
    const learned = this.ctx.sim
      .arpTable(this.ctx.id)
      .filter((e) => !e.own && e.mac !== undefined)
      .sort((x, y) => x.ip - y.ip);
    for (const e of learned)
      row(e.ip, formatMacDashed(e.mac!).toLowerCase(), e.static ? 'static' : 'dynamic');
    const broadcast = 'ff-ff-ff-ff-ff-ff';
    if (ip.len < 31) row(broadcastOf(ip.addr, ip.len), broadcast, 'static');
    for (const a of WINDOWS_GROUPS) {
      const low = (a & 0x7fffff) >>> 0;
      const mac = `01-00-5e-${[low >>> 16, (low >>> 8) & 0xff, low & 0xff].map((b) => b.toString(16).padStart(2, '0')).join('-')}`;
      row(a as Ipv4Addr, mac, 'static');
    }
    row(0xffffffff as Ipv4Addr, broadcast, 'static');
    if (rows.length === 0) return ['No ARP Entries Found.'];
    return [
      '',
      `Interface: ${formatIpv4(ip.addr)} --- 0xb`,
      '  Internet Address      Physical Address      Type',
      ...rows,
    ];
  }
}

/** One echo's line, and how the statistics count it. */
interface PingLine {
  readonly text: string;
  /** Counted as received: a reply, or an error a router sent back about it. */
  readonly received: boolean;
  /** Its round trip in whole milliseconds, for a reply. */
  readonly rtt?: number;
}

/** What ping prints when an echo could not be sent (no route, no cable, not its own source). */
const TRANSMIT_FAILED = 'PING: transmit failed. General failure.';

/** The summary Windows prints when a ping ends or is stopped. */
function pingStatistics(ip: string, results: readonly PingLine[]): string[] {
  let received = 0;
  const rtts: number[] = [];
  for (const line of results) {
    if (line.received) received++;
    if (line.rtt !== undefined) rtts.push(line.rtt);
  }
  const sent = results.length;
  const lost = sent - received;
  const out = [
    '',
    `Ping statistics for ${ip}:`,
    `    Packets: Sent = ${sent}, Received = ${received}, Lost = ${lost} (${sent === 0 ? 0 : Math.floor((lost * 100) / sent)}% loss),`,
  ];
  if (rtts.length > 0) {
    const avg = Math.floor(rtts.reduce((a, b) => a + b, 0) / rtts.length);
    out.push(
      'Approximate round trip times in milli-seconds:',
      `    Minimum = ${Math.min(...rtts)}ms, Maximum = ${Math.max(...rtts)}ms, Average = ${avg}ms`,
    );
  }
  return out;
}

/**
 * An echo's line over IPv6 (Windows 10): a reply has neither "bytes=" nor "TTL=". An address
 * that answers is printed as the target was typed, with its zone if it had one. When the PC's
 * own Neighbor Discovery gets no answer, the line has no "Reply from" and the echo counts as
 * lost; an ICMPv6 error a router sends counts as received, as over IPv4.
 */
function ping6Line(o: Probe6Outcome, zone: number | undefined): PingLine {
  switch (o.kind) {
    case 'reply': {
      const t = windowsTime(o.rtt);
      return {
        text: `Reply from ${formatWithZone(o.from, zone)}: time${t === '<1' ? '<1' : `=${t}`}ms`,
        received: true,
        rtt: Math.floor(o.rtt / 1000),
      };
    }
    case 'timeout':
      return { text: 'Request timed out.', received: false };
    case 'unreachable':
      if (o.from === undefined) return { text: 'Destination host unreachable.', received: false };
      return {
        text: `Reply from ${formatWithZone(o.from, zone)}: ${unreachable6Text(o.type, o.code)}`,
        received: true,
      };
    case 'hop-limit-exceeded':
      return {
        text: `Reply from ${formatWithZone(o.from, zone)}: ${ttlExpiredText(o.code)}`,
        received: true,
      };
    case 'local-error':
      return { text: TRANSMIT_FAILED, received: false };
  }
}

/**
 * ping.exe's texts for time exceeded (its message table: PING_TTL_EXPIRED_TRANSIT and
 * PING_TTL_EXPIRED_REASSEM); ICMPv6's hop limit exceeded (code 0) and reassembly time
 * exceeded (code 1) map to the same statuses (ipexport.h: IP_HOP_LIMIT_EXCEEDED is
 * IP_TTL_EXPIRED_TRANSIT).
 */
const ttlExpiredText = (code: number): string =>
  `TTL expired ${code === 1 ? 'during reassembly' : 'in transit'}.`;

/**
 * The text for an ICMPv6 error (type 1 destination unreachable, 2 packet too big): ipexport.h
 * gives the IPv6 statuses the IPv4 ones' values, so ping.exe prints the IPv4 wording. No
 * route (0) and reject route (6) are IP_DEST_NO_ROUTE, "net unreachable"; administratively
 * prohibited (1) and source address failed policy (5) are IP_DEST_PROHIBITED, which shares its
 * value with "protocol unreachable"; port unreachable (4) keeps its own; address unreachable
 * (3) and beyond the scope of the source (2) read "host unreachable".
 */
function unreachable6Text(type: number, code: number): string {
  if (type === 2) return 'Packet needs to be fragmented but DF set.';
  switch (code) {
    case 0:
    case 6:
      return 'Destination net unreachable.';
    case 1:
    case 5:
      return 'Destination protocol unreachable.';
    case 4:
      return 'Destination port unreachable.';
    default:
      return 'Destination host unreachable.';
  }
}

function unreachableText(code: number): string {
  switch (code) {
    case 0:
      return 'Destination net unreachable.';
    case 2:
      return 'Destination protocol unreachable.';
    case 3:
      return 'Destination port unreachable.';
    default:
      return 'Destination host unreachable.';
  }
}
