/**
 * `logging buffered|console|monitor|trap|host|on` and their `no` forms (Cisco IOS Configuration
 * Fundamentals Command Reference, "logging"), their running-config lines, and `clear logging`.
 * What they do is the logging process's (device-log.ts); the other `logging` settings
 * (facility, source-interface, rate-limit...) are named as not simulated.
 */
import type { DeviceConfig, LoggingConfig, Severity } from '../../shared/config.ts';
import { formatIpv4, type Ipv4Addr } from '../../shared/ipv4.ts';
import { IPV4, range } from '../parser/args.ts';
import type { Args, ArgType } from '../parser/tree.ts';
import { confirmed } from './common.ts';
import { without } from './config-edit.ts';
import { BUFFER_SIZE, DEBUGGING, INFORMATIONAL } from './device-log.ts';
import { arg, type IosNode, kw, run } from './dsl.ts';
import type { IosEnv } from './env.ts';

/** The severities by number, as IOS names them and `?` describes them. */
export const LEVELS: readonly (readonly [string, string])[] = [
  ['emergencies', 'System is unusable'],
  ['alerts', 'Immediate action needed'],
  ['critical', 'Critical conditions'],
  ['errors', 'Error conditions'],
  ['warnings', 'Warning conditions'],
  ['notifications', 'Normal but significant conditions'],
  ['informational', 'Informational messages'],
  ['debugging', 'Debugging messages'],
];

export const levelName = (s: Severity): string => LEVELS[s]![0];

/** `logging host`'s argument: IOS offers a host name too, which Trame cannot resolve. */
const HOST: ArgType<unknown> = { ...IPV4, help: (h) => [{ word: 'Hostname or A.B.C.D', help: h }] };

type Edit = (l: LoggingConfig, env: IosEnv) => LoggingConfig;

function edit(env: IosEnv, f: Edit): void {
  const c = env.config();
  const next = f(c.logging ?? {}, env);
  env.setConfig(Object.keys(next).length === 0 ? without(c, 'logging') : { ...c, logging: next });
}

/** A field set to `value`, or dropped when that is IOS's default. */
function field<K extends keyof LoggingConfig>(
  l: LoggingConfig,
  key: K,
  value: LoggingConfig[K],
  fallback: LoggingConfig[K],
): LoggingConfig {
  return value === fallback ? without(l, key) : { ...l, [key]: value };
}

/** `<0-7>` and the severities' names, each running `set` with its number. */
function levelNodes(set: (env: IosEnv, level: Severity, a: Args) => void): IosNode[] {
  return [
    arg(
      'level',
      range(0, 7),
      'Logging severity level',
      run((env, a) => set(env, a.need<number>('level') as Severity, a)),
    ),
    ...LEVELS.map(([word, help], n) =>
      kw(
        word,
        `${help.padEnd(34)}(severity=${n})`,
        run((env, a) => set(env, n as Severity, a)),
      ),
    ),
  ];
}

/** The buffer's size and level; a new size (or turning it on again) makes a new, empty buffer. */
function setBuffered(env: IosEnv, size: number | undefined, level: Severity | undefined): void {
  const before = env.config().logging?.buffered;
  const defaultSize = BUFFER_SIZE[env.kind];
  const was = before === false ? undefined : (before?.size ?? defaultSize);
  edit(env, (l) => {
    const b = {
      ...(size !== undefined && size !== defaultSize ? { size } : {}),
      ...(level !== undefined && level !== DEBUGGING ? { level } : {}),
    };
    return Object.keys(b).length === 0 ? without(l, 'buffered') : { ...l, buffered: b };
  });
  if (was !== (size ?? defaultSize)) env.runtime?.log.clear();
}

function addHost(env: IosEnv, host: Ipv4Addr): void {
  edit(env, (l) => (l.hosts?.includes(host) ? l : { ...l, hosts: [...(l.hosts ?? []), host] }));
  env.runtime?.log.startHosts();
}

function removeHost(env: IosEnv, host: Ipv4Addr): void {
  edit(env, (l) => {
    const hosts = (l.hosts ?? []).filter((h) => h !== host);
    return hosts.length === 0 ? without(l, 'hosts') : { ...l, hosts };
  });
  env.runtime?.log.stopHost(host);
}

const hostArg = (help: string, f: (env: IosEnv, host: Ipv4Addr) => void): IosNode =>
  arg(
    'host',
    HOST,
    help,
    run((env, a) => f(env, a.need<Ipv4Addr>('host'))),
  );

const HELP = {
  buffered: 'Set buffered logging parameters',
  console: 'Set console logging parameters',
  host: 'Set syslog server IP address and parameters',
  monitor: 'Set terminal line (monitor) logging parameters',
  on: 'Enable logging to all enabled destinations',
  trap: 'Set syslog server logging level',
} as const;

/** `logging ...` in global configuration. */
export function loggingNode(): IosNode {
  const destination = (key: 'console' | 'monitor') =>
    kw(
      key,
      HELP[key],
      run((env) => edit(env, (l) => without(l, key))),
      ...levelNodes((env, level) => edit(env, (l) => field(l, key, level, DEBUGGING))),
    );
  return kw(
    'logging',
    'Modify message logging facilities',
    hostArg('IP address of the logging host', addHost),
    kw(
      'buffered',
      HELP.buffered,
      run((env) => setBuffered(env, undefined, undefined)),
      arg(
        'size',
        range(4096, 2147483647),
        'Logging buffer size',
        run((env, a) => setBuffered(env, a.need<number>('size'), undefined)),
        ...levelNodes((env, level, a) => setBuffered(env, a.need<number>('size'), level)),
      ),
      // A level alone keeps the size the buffer has.
      ...levelNodes((env, level) => setBuffered(env, sizeOf(env), level)),
    ),
    destination('console'),
    kw('host', HELP.host, hostArg('IP address of the syslog server', addHost)),
    destination('monitor'),
    kw(
      'on',
      HELP.on,
      run((env) => edit(env, (l) => without(l, 'off'))),
    ),
    kw(
      'trap',
      HELP.trap,
      run((env) => edit(env, (l) => without(l, 'trap'))),
      ...levelNodes((env, level) => edit(env, (l) => field(l, 'trap', level, INFORMATIONAL))),
    ),
  );
}

const sizeOf = (env: IosEnv): number | undefined => {
  const b = env.config().logging?.buffered;
  return b === false ? undefined : b?.size;
};

/** `no logging ...`: a destination off, or a host removed. Words after the keyword are ignored, as IOS does. */
export function noLoggingNode(): IosNode {
  const off = (key: 'console' | 'monitor' | 'buffered', help: string) =>
    kw(
      key,
      help,
      run((env) => {
        edit(env, (l) => ({ ...l, [key]: false }));
        if (key === 'buffered') env.runtime?.log.clear();
      }),
      ...levelNodes((env) => edit(env, (l) => ({ ...l, [key]: false }))),
      ...(key === 'buffered'
        ? [
            arg(
              'size',
              range(4096, 2147483647),
              'Logging buffer size',
              run((env) => {
                edit(env, (l) => ({ ...l, buffered: false }));
                env.runtime?.log.clear();
              }),
            ),
          ]
        : []),
    );
  return kw(
    'logging',
    'Modify message logging facilities',
    hostArg('IP address of the logging host', removeHost),
    off('buffered', HELP.buffered),
    off('console', HELP.console),
    kw('host', HELP.host, hostArg('IP address of the syslog server', removeHost)),
    off('monitor', HELP.monitor),
    kw(
      'on',
      HELP.on,
      run((env) => edit(env, (l) => ({ ...l, off: true }))),
    ),
    kw(
      'trap',
      HELP.trap,
      run((env) => edit(env, (l) => without(l, 'trap'))),
    ),
  );
}

/** The lines IOS prints after the boot markers: `no logging on`, the buffer, console and monitor. */
export function loggingHeadLines(kind: 'router' | 'switch', c: DeviceConfig): string[] {
  const l = c.logging;
  if (l === undefined) return [];
  const out: string[] = [];
  if (l.off) out.push('no logging on');
  const b = l.buffered;
  if (b === false) out.push('no logging buffered');
  else if (b !== undefined) {
    const size = b.size !== undefined && b.size !== BUFFER_SIZE[kind] ? ` ${b.size}` : '';
    const level = b.level !== undefined ? ` ${levelName(b.level)}` : '';
    out.push(`logging buffered${size}${level}`);
  }
  for (const key of ['console', 'monitor'] as const) {
    const v = l[key];
    if (v === false) out.push(`no logging ${key}`);
    else if (v !== undefined) out.push(`logging ${key} ${levelName(v)}`);
  }
  return out;
}

/** The lines IOS prints near the end: `logging trap`, then each host. */
export function loggingHostLines(c: DeviceConfig): string[] {
  const l = c.logging;
  if (l === undefined) return [];
  return [
    ...(l.trap !== undefined ? [`logging trap ${levelName(l.trap)}`] : []),
    ...(l.hosts ?? []).map((h) => `logging host ${formatIpv4(h)}`),
  ];
}

/** `clear logging`: after a confirmation, the buffer is emptied. */
export const clearLoggingNode = (): IosNode =>
  kw(
    'logging',
    'Clear logging buffer',
    run((env) =>
      env.ask({
        prompt: 'Clear logging buffer [confirm]',
        answer(e, text) {
          if (confirmed(text)) e.runtime!.log.clear();
        },
      }),
    ),
  );
