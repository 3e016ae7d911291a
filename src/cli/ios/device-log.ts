/**
 * The logging process of an IOS device (Cisco IOS Configuration Fundamentals, "Troubleshooting,
 * Fault Management, and Logging"; RFC 5424 §6.2.1 for the severities). Every system message
 * and debug line the device raises passes through it once, in time order, and goes on:
 *
 * - to the console, at `logging console`'s level (debugging by default);
 * - to vty sessions under `terminal monitor`, at `logging monitor`'s;
 * - to the buffer `show logging` lists, at `logging buffered`'s: a ring of bytes, so once full
 *   the oldest message is cut where the ring wrapped, as IOS shows it;
 * - to the syslog hosts of `logging host`, counted at `logging trap`'s level (informational).
 *
 * `no logging on` leaves the console alone. The process reads the engine's logs from what they
 * still hold of the device's boot on, so the buffer has what happened before any console was
 * opened; a terminal plugged in now prints only what comes from now on.
 */
import type { LoggingConfig, Severity } from '../../shared/config.ts';
import { formatIpv4, type Ipv4Addr } from '../../shared/ipv4.ts';
import { type Micros, seconds } from '../../shared/time.ts';
import type { IosDeviceContext } from '../context.ts';
import { DebugMessages } from './debug-messages.ts';
import { dhcpLog } from './dhcp-log.ts';
import { etherChannelLog } from './etherchannel-commands.ts';
import { hsrpLog } from './hsrp-commands.ts';
import { LinkLog } from './link-log.ts';
import { ospfLog } from './ospf-commands.ts';
import type { IosRuntime } from './runtime.ts';
import type { LogEntry } from './shell.ts';
import { SpanningTreeLog } from './spanning-tree-log.ts';
import { SwitchNotices } from './switch-notices.ts';
import { stampOf, timestampsOf } from './timestamps-commands.ts';

/** Where IOS 15 starts: the buffer's size when `logging buffered` gives none. */
export const BUFFER_SIZE = { router: 8192, switch: 4096 } as const;
export const DEBUGGING: Severity = 7;
export const INFORMATIONAL: Severity = 6;
/** How long after `logging host` a new syslog host is reported started. */
const HOST_START_DELAY = seconds(1);

interface Source {
  poll(): LogEntry[];
}

/** A message's severity: the digit of its %FACILITY-N-MNEMONIC; debug output is debugging. */
export function severityOf(e: LogEntry): Severity {
  if (e.debug) return DEBUGGING;
  const m = /^%[A-Z0-9_]+-([0-7])-/.exec(e.text);
  return m === null ? 5 : (Number(m[1]) as Severity);
}

/** The level a destination takes, or false when it is off. */
export const levelOf = (v: Severity | false | undefined, fallback: Severity): Severity | false =>
  v === undefined ? fallback : v;

/** How many messages each destination took since boot. */
export interface LogCounts {
  console: number;
  monitor: number;
  buffer: number;
  trap: number;
}

export class DeviceLog {
  private readonly sources: readonly Source[];
  /** Messages raised, in time order, each waiting for the clock to reach its time. */
  private waiting: LogEntry[] = [];
  /** Those raised before the process was started: no terminal shows them. */
  private readonly unseen = new WeakSet<LogEntry>();
  /** The buffer's bytes; it starts with a line break, which the first message follows. */
  private ring = '\n';
  counts: LogCounts = { console: 0, monitor: 0, buffer: 0, trap: 0 };
  /** The syslog hosts logged to, and how many message lines each was sent. */
  readonly hosts = new Map<Ipv4Addr, number>();

  constructor(private readonly runtime: IosRuntime) {
    const dev = runtime.device;
    this.sources = [
      new SwitchNotices(dev),
      new SpanningTreeLog(dev),
      ...(dev.kind === 'switch' ? [etherChannelLog(dev)] : []),
      dhcpLog(dev),
      hsrpLog(dev),
      ospfLog(dev),
      new DebugMessages(dev),
      new LinkLog(dev),
    ];
    for (const host of this.config().hosts ?? []) this.hosts.set(host, 0);
    // What was raised before anyone looked (a line protocol's message still due included)
    // goes to the buffer, not to a terminal.
    this.collect();
    for (const e of this.waiting) this.unseen.add(e);
    this.release();
  }

  private get dev(): IosDeviceContext {
    return this.runtime.device;
  }

  private config(): LoggingConfig {
    return this.dev.runningConfig().logging ?? {};
  }

  /** Reads what the engine's logs hold that is new. */
  collect(): void {
    this.raise(this.sources.flatMap((s) => s.poll()));
  }

  /** Messages raised at the console or by the device itself, each at its own time. */
  raise(entries: readonly LogEntry[]): void {
    if (entries.length === 0) return;
    // Stable: messages of the same time keep the order they were raised in.
    this.waiting = [...this.waiting, ...entries].sort((a, b) => a.at - b.at);
  }

  /** Passes on every message whose time has come: to the buffer, the counters, the sessions. */
  release(): void {
    const now = this.runtime.now();
    const bootedAt = this.runtime.bootedAt;
    const due = this.waiting.filter((m) => m.at <= now);
    if (due.length === 0) return;
    this.waiting = this.waiting.filter((m) => m.at > now);
    for (const e of due) if (e.at >= bootedAt) this.route(e, !this.unseen.has(e));
  }

  private route(e: LogEntry, deliver: boolean): void {
    const c = this.config();
    const severity = severityOf(e);
    const passes = (level: Severity | false) => level !== false && severity <= level;
    const on = c.off !== true;
    const toConsole = passes(levelOf(c.console, DEBUGGING));
    if (toConsole) this.counts.console++;
    const monitors = on && passes(levelOf(c.monitor, DEBUGGING)) ? this.monitoring() : [];
    if (monitors.length > 0) this.counts.monitor++;
    if (deliver)
      for (const s of this.runtime.sessions)
        if (s.line.kind === 'con' ? toConsole : monitors.includes(s)) s.deliver([e]);
    if (!on) return;
    const buffered = c.buffered;
    if (buffered !== false && severity <= (buffered?.level ?? DEBUGGING)) {
      this.counts.buffer++;
      this.ring = `${this.ring}${this.stamp(e)}${e.text}\n`;
      const size = this.bufferSize();
      if (this.ring.length > size) this.ring = this.ring.slice(this.ring.length - size);
    }
    if (passes(levelOf(c.trap, INFORMATIONAL))) {
      this.counts.trap++;
      for (const [host, n] of this.hosts) this.hosts.set(host, n + 1);
    }
  }

  private monitoring() {
    return [...this.runtime.sessions].filter((s) => s.line.kind === 'vty' && s.monitor);
  }

  /** What precedes a message, as `service timestamps` says for its kind. */
  private stamp(e: LogEntry): string {
    const t = timestampsOf(this.dev.runningConfig(), e.debug ? 'debug' : 'log');
    return stampOf(t, this.runtime.clock, e.at, this.runtime.bootedAt);
  }

  bufferSize(): number {
    const b = this.config().buffered;
    return (b === false ? undefined : b?.size) ?? BUFFER_SIZE[this.dev.kind];
  }

  /** The buffer as `show logging` prints it after "Log Buffer (N bytes):". */
  buffer(): string {
    return this.ring;
  }

  /** `clear logging`, or the buffer freed or made anew (`no logging buffered`, a new size). */
  clear(): void {
    this.ring = '\n';
  }

  /**
   * `logging host`: hosts added are logged to from now, and reported started a second later
   * (IOS 15 captures: `show logging` lists the host at once, %SYS-6-LOGGINGHOST_STARTSTOP
   * follows 1 s after the command).
   */
  startHosts(): void {
    const at = (this.runtime.now() + HOST_START_DELAY) as Micros;
    for (const host of this.config().hosts ?? []) {
      if (this.hosts.has(host)) continue;
      this.hosts.set(host, 0);
      this.raise([{ at, text: hostMessage(host, 'started') }]);
    }
  }

  /** `no logging host A.B.C.D`: the host is no longer logged to, from now. */
  stopHost(host: Ipv4Addr): void {
    if (!this.hosts.delete(host)) return;
    this.raise([{ at: this.runtime.now(), text: hostMessage(host, 'stopped') }]);
  }

  /** After a reload: a new process, with an empty buffer and no messages counted. */
  rebooted(): void {
    this.waiting = this.waiting.filter((m) => m.at >= this.runtime.bootedAt);
    this.ring = '\n';
    this.counts = { console: 0, monitor: 0, buffer: 0, trap: 0 };
    this.hosts.clear();
    for (const host of this.config().hosts ?? []) this.hosts.set(host, 0);
  }
}

const hostMessage = (host: Ipv4Addr, what: 'started' | 'stopped'): string =>
  `%SYS-6-LOGGINGHOST_STARTSTOP: Logging to host ${formatIpv4(host)} port 514 ${what} - CLI initiated`;
