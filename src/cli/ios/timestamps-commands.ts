/**
 * `[no] service timestamps [debug | log] [uptime | datetime [msec] [localtime] [show-timezone]
 * [year]]`: what precedes each log or debug message on the console (Cisco IOS Configuration
 * Fundamentals Command Reference, "service timestamps"), and the running-config line for it.
 */
import type { DeviceConfig, Timestamps } from '../../shared/config.ts';
import type { Micros } from '../../shared/time.ts';
import type { VirtualClock } from './clock.ts';
import { without } from './config-edit.ts';
import { type IosNode, kw, run } from './dsl.ts';
import type { IosEnv } from './env.ts';

type Kind = 'debug' | 'log';

/** What IOS 15 is configured with from the factory, stored as absent. */
const FACTORY: Timestamps = { style: 'datetime', msec: true };

const FIELD = { debug: 'timestampsDebug', log: 'timestampsLog' } as const;

const OPTIONS = [
  ['msec', 'Include milliseconds in timestamp'],
  ['localtime', 'Use local time zone for timestamps'],
  ['show-timezone', 'Add time zone information to timestamp'],
  ['year', 'Include year in timestamp'],
] as const;

const same = (a: Timestamps, b: Timestamps): boolean =>
  a.style === b.style &&
  a.msec === b.msec &&
  a.localtime === b.localtime &&
  a.showTimezone === b.showTimezone &&
  a.year === b.year;

export const timestampsOf = (c: DeviceConfig, kind: Kind): Timestamps => c[FIELD[kind]] ?? FACTORY;

/** What a `service timestamps` line asks for `kinds`; the `no` form turns them off whatever it says. */
type Apply = (env: IosEnv, kinds: readonly Kind[], t: Timestamps) => void;

const set: Apply = (env, kinds, t) => {
  let c = env.config();
  for (const kind of kinds) c = same(t, FACTORY) ? without(c, FIELD[kind]) : { ...c, [FIELD[kind]]: t };
  env.setConfig(c);
};

const unset: Apply = (env, kinds) => set(env, kinds, { style: 'off' });

/** `datetime`'s options, each at most once, in any order. */
function options(apply: Apply, kind: Kind, left: readonly (typeof OPTIONS)[number][]): IosNode[] {
  return left.map(([word, help]) =>
    kw(
      word,
      help,
      run((env, a) =>
        apply(env, [kind], {
          style: 'datetime',
          ...(a.has('msec') ? { msec: true } : {}),
          ...(a.has('localtime') ? { localtime: true } : {}),
          ...(a.has('show-timezone') ? { showTimezone: true } : {}),
          ...(a.has('year') ? { year: true } : {}),
        }),
      ),
      ...options(
        apply,
        kind,
        left.filter(([w]) => w !== word),
      ),
    ),
  );
}

const kindHelp = { debug: 'Timestamp debug messages', log: 'Timestamp log messages' } as const;

/**
 * `service timestamps ...`: with no kind, debug messages are meant, with uptime by default.
 * `no service timestamps` turns off both kinds when it names none, and reads what follows the
 * kind only to ignore it, as in the lines configurations print ("no service timestamps log
 * datetime msec").
 */
function timestampsTree(apply: Apply, bare: readonly Kind[]): IosNode {
  return kw(
    'timestamps',
    'Timestamp debug/log messages',
    run((env) => apply(env, bare, { style: 'uptime' })),
    ...(['debug', 'log'] as const).map((kind) =>
      kw(
        kind,
        kindHelp[kind],
        run((env) => apply(env, [kind], { style: 'uptime' })),
        kw(
          'datetime',
          'Timestamp with date and time',
          run((env) => apply(env, [kind], { style: 'datetime' })),
          ...options(apply, kind, OPTIONS),
        ),
        kw(
          'uptime',
          'Timestamp with system uptime',
          run((env) => apply(env, [kind], { style: 'uptime' })),
        ),
      ),
    ),
  );
}

export const timestampsNode = (): IosNode => timestampsTree(set, ['debug']);

export const noTimestampsNode = (): IosNode => timestampsTree(unset, ['debug', 'log']);

/** The running-config line: IOS prints a disabled kind as `no service timestamps KIND uptime`. */
export function timestampsLine(c: DeviceConfig, kind: Kind): string {
  const t = timestampsOf(c, kind);
  if (t.style === 'off') return `no service timestamps ${kind} uptime`;
  if (t.style === 'uptime') return `service timestamps ${kind} uptime`;
  const opts = [
    t.msec ? ' msec' : '',
    t.localtime ? ' localtime' : '',
    t.showTimezone ? ' show-timezone' : '',
    t.year ? ' year' : '',
  ].join('');
  return `service timestamps ${kind} datetime${opts}`;
}

const two = (n: number) => String(n).padStart(2, '0');

/** Uptime as IOS stamps it: hh:mm:ss for a day, then 1d02h, then 1w2d. */
function uptime(us: number): string {
  const s = Math.floor(us / 1_000_000);
  const days = Math.floor(s / 86_400);
  if (days === 0) return `${two(Math.floor(s / 3600))}:${two(Math.floor(s / 60) % 60)}:${two(s % 60)}`;
  if (days < 7) return `${days}d${two(Math.floor(s / 3600) % 24)}h`;
  return `${Math.floor(days / 7)}w${days % 7}d`;
}

/** What precedes a message raised at `at`: "*Mar  1 00:12:45.123: ", "00:12:45: " or nothing. */
export function stampOf(t: Timestamps, clock: VirtualClock, at: Micros, bootedAt: Micros): string {
  if (t.style === 'off') return '';
  if (t.style === 'uptime') return `${uptime(Math.max(0, at - bootedAt))}: `;
  return `${clock.dateStamp(at, t.msec === true, t.year === true, t.showTimezone === true)}: `;
}
