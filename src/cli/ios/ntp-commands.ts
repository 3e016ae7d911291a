/**
 * `ntp master [STRATUM]`, `ntp server A.B.C.D [prefer] [source IF] [version N]`, `ntp source IF`
 * and `ntp update-calendar`, with their `no` forms (Cisco IOS Basic System Management Command
 * Reference, "ntp"), and their running-config lines. NTP runs while one of them is configured;
 * the other `ntp` settings (authentication, access groups, peers...) are named as not
 * simulated.
 */
import { NTP_MASTER_STRATUM } from '../../engine/device/ntp.ts';
import type { NtpConfig, NtpServerConfig } from '../../shared/config.ts';
import { formatIpv4, type Ipv4Addr } from '../../shared/ipv4.ts';
import { IPV4, range } from '../parser/args.ts';
import type { Args } from '../parser/tree.ts';
import { without } from './config-edit.ts';
import { arg, type IosNode, kw, run } from './dsl.ts';
import type { IosEnv } from './env.ts';
import { interfaceArg } from './interface-arg.ts';

const NTP_HELP = 'Configure NTP';
/** A source interface: one the device has or could have (a loopback not made yet, or one deleted). */
const SOURCE = { create: true } as const;
const MASTER_HELP = 'Act as NTP master clock';
const SERVER_HELP = 'Configure NTP server';
const SOURCE_HELP = 'Configure interface for source address';
const CALENDAR_HELP = 'Periodically update calendar with NTP time';

type Edit = (n: NtpConfig) => NtpConfig;

/** Applies `f` to the NTP settings; none left (no server, master, source or calendar) stops NTP. */
function edit(env: IosEnv, f: Edit): void {
  const c = env.config();
  const next = f(c.ntp ?? { servers: [] });
  const empty =
    next.servers.length === 0 &&
    next.master === undefined &&
    next.source === undefined &&
    next.updateCalendar === undefined;
  env.setConfig(empty ? without(c, 'ntp') : { ...c, ntp: next });
}

/** A server line's options, typed in any order, each once. */
type ServerOption = 'prefer' | 'source' | 'version';

type Run = ReturnType<typeof run>;

function serverOptions(
  done: Run,
  left: readonly ServerOption[] = ['prefer', 'source', 'version'],
): IosNode[] {
  const rest = (o: ServerOption) =>
    serverOptions(
      done,
      left.filter((x) => x !== o),
    );
  const nodes: IosNode[] = [];
  for (const o of left) {
    if (o === 'prefer') nodes.push(kw('prefer', 'Prefer this peer when possible', done, ...rest(o)));
    if (o === 'source')
      nodes.push(
        kw(
          'source',
          'Interface for source address',
          arg('source', interfaceArg(SOURCE), '', done, ...rest(o)),
        ),
      );
    if (o === 'version')
      nodes.push(
        kw(
          'version',
          'Configure NTP version',
          arg('version', range(1, 4), 'NTP version number', done, ...rest(o)),
        ),
      );
  }
  return nodes;
}

/** `ntp server A.B.C.D ...`: typed again, the line replaces the one there, where it was. */
const setServer = run((env, a: Args) => {
  const address = a.need<Ipv4Addr>('address');
  const version = a.value<number>('version');
  const source = a.value<string>('source');
  const server: NtpServerConfig = {
    address,
    ...(a.has('prefer') ? { prefer: true as const } : {}),
    ...(source !== undefined ? { source } : {}),
    ...(version !== undefined && version !== 4 ? { version } : {}),
  };
  edit(env, (n) => {
    const at = n.servers.findIndex((s) => s.address === address);
    const servers = [...n.servers];
    if (at < 0) servers.push(server);
    else servers[at] = server;
    return { ...n, servers };
  });
});

/** `ntp master [STRATUM]`, running `set` with the stratum (8 when none is typed). */
const masterNode = (set: (env: IosEnv, stratum: number) => void): IosNode =>
  kw(
    'master',
    MASTER_HELP,
    run((env) => set(env, NTP_MASTER_STRATUM)),
    arg(
      'stratum',
      range(1, 15),
      'Stratum number',
      run((env, a) => set(env, a.need<number>('stratum'))),
    ),
  );

export const ntpNode = (kind: 'router' | 'switch'): IosNode =>
  kw(
    'ntp',
    NTP_HELP,
    masterNode((env, master) => edit(env, (n) => ({ ...n, master }))),
    kw(
      'server',
      SERVER_HELP,
      arg('address', IPV4, 'IP address of peer', setServer, ...serverOptions(setServer)),
    ),
    kw(
      'source',
      SOURCE_HELP,
      arg(
        'source',
        interfaceArg(SOURCE),
        '',
        run((env, a) => edit(env, (n) => ({ ...n, source: a.need<string>('source') }))),
      ),
    ),
    ...(kind === 'router'
      ? [
          kw(
            'update-calendar',
            CALENDAR_HELP,
            run((env) => edit(env, (n) => ({ ...n, updateCalendar: true }))),
          ),
        ]
      : []),
  );

const dropServer = run((env, a) => {
  const address = a.need<Ipv4Addr>('address');
  edit(env, (n) => ({ ...n, servers: n.servers.filter((s) => s.address !== address) }));
});

export const noNtpNode = (kind: 'router' | 'switch'): IosNode =>
  kw(
    'ntp',
    NTP_HELP,
    masterNode((env) => edit(env, (n) => without(n, 'master'))),
    kw(
      'server',
      SERVER_HELP,
      // The options typed after the address change nothing: the line goes.
      arg('address', IPV4, 'IP address of peer', dropServer, ...serverOptions(dropServer)),
    ),
    kw(
      'source',
      SOURCE_HELP,
      run((env) => edit(env, (n) => without(n, 'source'))),
      arg(
        'source',
        interfaceArg(SOURCE),
        '',
        run((env) => edit(env, (n) => without(n, 'source'))),
      ),
    ),
    ...(kind === 'router'
      ? [
          kw(
            'update-calendar',
            CALENDAR_HELP,
            run((env) => edit(env, (n) => without(n, 'updateCalendar'))),
          ),
        ]
      : []),
  );

/**
 * The running-config's NTP lines, in IOS's order (source, master, update-calendar, then the
 * servers as configured, each with prefer, source, version in that order: cisco.ios's parser
 * of real configurations); `ntp master` at the default stratum is written without it.
 */
export function ntpConfigLines(c: NtpConfig | undefined): string[] {
  if (c === undefined) return [];
  const out: string[] = [];
  if (c.source !== undefined) out.push(`ntp source ${c.source}`);
  if (c.master !== undefined)
    out.push(c.master === NTP_MASTER_STRATUM ? 'ntp master' : `ntp master ${c.master}`);
  if (c.updateCalendar) out.push('ntp update-calendar');
  for (const s of c.servers) {
    const parts = [`ntp server ${formatIpv4(s.address)}`];
    if (s.prefer) parts.push('prefer');
    if (s.source !== undefined) parts.push(`source ${s.source}`);
    if (s.version !== undefined) parts.push(`version ${s.version}`);
    out.push(parts.join(' '));
  }
  return out;
}
