/**
 * HSRP in the IOS command line: `standby [N] ip|priority|preempt|timers|name` and `standby
 * version 1|2` on router interfaces and their `no` forms, `show standby [brief|INTERFACE]`, running-config
 * lines, and %HSRP-5-STATECHANGE. Output as IOS 15 prints it (captures of a 1941, IOL and IOSv
 * 15.x; `show standby brief`'s columns measured on them).
 */
import type { HsrpEvent, HsrpGroupStatus } from '../../engine/api.ts';
import type { InterfaceConfig } from '../../shared/config.ts';
import { HSRP_PRIORITY, type HsrpGroupConfig } from '../../shared/hsrp.ts';
import { formatIpv4, type Ipv4Addr, networkOf } from '../../shared/ipv4.ts';
import { formatMacDotted } from '../../shared/mac.ts';
import { shortInterfaceName } from '../../shared/ports.ts';
import type { Micros } from '../../shared/time.ts';
import type { IosDeviceContext } from '../context.ts';
import { IPV4, range, WORD } from '../parser/args.ts';
import type { Args } from '../parser/tree.ts';
import { without } from './config-edit.ts';
import { arg, type IosNode, kw, run } from './dsl.ts';
import type { IosEnv } from './env.ts';
import { MessageLog } from './event-feed.ts';
import { interfaceArg } from './interface-arg.ts';
import { ago } from './show/format.ts';

type EditInterface = (env: IosEnv, fn: (i: InterfaceConfig) => InterfaceConfig | string) => void;

const GROUP = range(0, 255);

/**
 * Applies `fn` to group `n` of the interface (a new group when it has none), or removes it
 * (undefined). A `no` form makes no group.
 */
function editGroup(
  i: InterfaceConfig,
  n: number,
  fn: (g: HsrpGroupConfig) => HsrpGroupConfig | undefined,
  no = false,
): InterfaceConfig {
  const groups = i.standby ?? [];
  const before = groups.find((g) => g.group === n);
  if (no && before === undefined) return i;
  const changed = fn(before ?? { group: n });
  // A group with nothing set is no group: running-config has no line for it.
  const after = changed !== undefined && Object.keys(changed).length === 1 ? undefined : changed;
  const rest = groups.filter((g) => g.group !== n);
  const next = after === undefined ? rest : [...rest, after].sort((a, b) => a.group - b.group);
  return next.length === 0 ? without(i, 'standby') : { ...i, standby: next };
}

const groupOf = (a: Args): number => a.value<number>('group') ?? 0;

/** The group's settings, each command's own; `no` puts a setting back to IOS's default. */
function settings(no: boolean, edit: EditInterface): IosNode[] {
  const set = (fn: (g: HsrpGroupConfig, a: Args) => HsrpGroupConfig | undefined) =>
    run((env, a) => edit(env, (i) => editGroup(i, groupOf(a), (g) => fn(g, a), no)));
  const ipSet = run((env, a) => {
    const vip = a.value<Ipv4Addr>('vip');
    edit(env, (i) => {
      const outside =
        i.ip !== undefined && networkOf(vip ?? i.ip.addr, i.ip.len) !== networkOf(i.ip.addr, i.ip.len);
      if (!no && outside) env.print('% Warning: address is not within a subnet on this interface');
      return editGroup(
        i,
        groupOf(a),
        (g) =>
          no
            ? without(without(g, 'ip'), 'learn')
            : vip === undefined
              ? { ...without(g, 'ip'), learn: true }
              : { ...without(g, 'learn'), ip: vip },
        no,
      );
    });
  });
  const ip = kw(
    'ip',
    'Enable HSRP and set the virtual IP address',
    ipSet,
    arg('vip', IPV4, 'Virtual IP address', ipSet),
  );
  const priority = kw(
    'priority',
    'Priority level',
    ...(no ? [set((g) => without(g, 'priority'))] : []),
    arg(
      'priority',
      range(0, 255),
      'Priority value',
      set((g, a) => {
        const p = a.need<number>('priority');
        return no || p === HSRP_PRIORITY ? without(g, 'priority') : { ...g, priority: p };
      }),
    ),
  );
  const preemptSet = set((g, a) => {
    if (no) return without(without(g, 'preempt'), 'preemptDelay');
    const delay = a.value<number>('delay');
    return {
      ...without(g, 'preemptDelay'),
      preempt: true,
      ...(delay !== undefined && delay > 0 ? { preemptDelay: delay } : {}),
    };
  });
  const preempt = kw(
    'preempt',
    'Overthrow lower priority Active routers',
    preemptSet,
    kw(
      'delay',
      'Wait before preempting',
      kw(
        'minimum',
        'Delay at least this long',
        arg('delay', range(0, 3600), 'Number of seconds for minimum delay', preemptSet),
      ),
    ),
  );
  const timersSet = run((env, a) =>
    edit(env, (i) => {
      if (no) return editGroup(i, groupOf(a), (g) => without(g, 'timers'), true);
      const hello = a.need<number>('hello');
      const hold = a.need<number>('hold');
      // The refusal's text is not confirmed by a capture.
      if (hold <= hello) return '% Hold time must be greater than hello time';
      return editGroup(i, groupOf(a), (g) =>
        hello === 3 && hold === 10 ? without(g, 'timers') : { ...g, timers: { hello, hold } },
      );
    }),
  );
  const timers = kw(
    'timers',
    'Hello and hold timers',
    ...(no ? [timersSet] : []),
    arg(
      'hello',
      range(1, 254),
      'Hello interval in seconds',
      arg('hold', range(1, 255), 'Hold time in seconds', timersSet),
    ),
  );
  const name = kw(
    'name',
    'Redundancy name string',
    ...(no ? [set((g) => without(g, 'name'))] : []),
    arg(
      'name',
      WORD,
      'name string',
      set((g, a) => (no ? without(g, 'name') : { ...g, name: a.need<string>('name') })),
    ),
  );
  return [ip, name, preempt, priority, timers];
}

/**
 * `standby [N] ...` in a router interface (`no`: back to the default; `no standby N`: the group
 * goes); `standby version 1|2`.
 */
export function standbyNode(no: boolean, edit: EditInterface): IosNode {
  const removeGroup = run((env, a) => edit(env, (i) => editGroup(i, groupOf(a), () => undefined)));
  const setVersion = run((env, a) =>
    edit(env, (i) =>
      no || a.need<number>('version') === 1 ? without(i, 'standbyVersion') : { ...i, standbyVersion: 2 },
    ),
  );
  return kw(
    'standby',
    'HSRP interface configuration commands',
    ...settings(no, edit),
    kw(
      'version',
      'HSRP version',
      ...(no ? [setVersion] : []),
      arg('version', range(1, 2), 'Version', setVersion),
    ),
    arg('group', GROUP, 'group number', ...(no ? [removeGroup] : []), ...settings(no, edit)),
  );
}

/** The interface's `standby` lines, in IOS's order: each group's ip, timers, priority, preempt, name. */
export function standbyLines(i: InterfaceConfig): string[] {
  const out: string[] = i.standbyVersion === 2 ? [' standby version 2'] : [];
  for (const g of i.standby ?? []) {
    const p = ` standby ${g.group}`;
    if (g.ip !== undefined) out.push(`${p} ip ${formatIpv4(g.ip)}`);
    else if (g.learn) out.push(`${p} ip`);
    if (g.timers !== undefined) out.push(`${p} timers ${g.timers.hello} ${g.timers.hold}`);
    if (g.priority !== undefined) out.push(`${p} priority ${g.priority}`);
    if (g.preempt)
      out.push(`${p} preempt${g.preemptDelay !== undefined ? ` delay minimum ${g.preemptDelay}` : ''}`);
    if (g.name !== undefined) out.push(`${p} name ${g.name}`);
  }
  return out;
}

// ---- show standby ------------------------------------------------------------------------

/** Seconds with three decimals, as "expires in 9.632 sec" and "Next hello sent in 1.536 secs". */
const secs = (micros: number): string => (Math.max(0, micros) / 1e6).toFixed(3);

const peer = (p: 'local' | Ipv4Addr | 'unknown'): string => (typeof p === 'number' ? formatIpv4(p) : p);

function groupBlock(g: HsrpGroupStatus, lineUp: boolean, now: Micros): string[] {
  const out = [`${g.iface} - Group ${g.group}${g.version === 2 ? ' (version 2)' : ''}`];
  out.push(`  State is ${g.state}${g.state === 'Init' && !lineUp ? ' (interface down)' : ''}`);
  if (g.changes > 0)
    out.push(
      `    ${g.changes} state change${g.changes === 1 ? '' : 's'}, last state change ${ago(now, g.lastChange)}`,
    );
  out.push(
    g.vip === undefined
      ? '  Virtual IP address is not configured'
      : `  Virtual IP address is ${formatIpv4(g.vip)}`,
  );
  const known = g.active !== 'unknown';
  out.push(
    `  Active virtual MAC address is ${known ? formatMacDotted(g.mac) : 'unknown'}`,
    `    Local virtual MAC address is ${formatMacDotted(g.mac)} (v${g.version} default)`,
    `  Hello time ${g.helloTime} sec, hold time ${g.holdTime} sec`,
  );
  if (g.nextHello !== undefined) out.push(`    Next hello sent in ${secs(g.nextHello - now)} secs`);
  out.push(
    g.preempt
      ? `  Preemption enabled${g.preemptDelay !== undefined ? `, delay min ${g.preemptDelay} secs` : ''}`
      : '  Preemption disabled',
  );
  const router = (role: string, who: 'local' | Ipv4Addr | 'unknown', priority?: number, expires?: Micros) =>
    typeof who === 'number' && priority !== undefined && expires !== undefined
      ? `  ${role} router is ${peer(who)}, priority ${priority} (expires in ${secs(expires - now)} sec)`
      : `  ${role} router is ${peer(who)}`;
  out.push(router('Active', g.active, g.activePriority, g.activeExpires));
  // Version 2's hellos name their sender's own MAC address.
  if (g.activeMac !== undefined) out.push(`    MAC address is ${formatMacDotted(g.activeMac)}`);
  out.push(
    router('Standby', g.standby, g.standbyPriority, g.standbyExpires),
    `  Priority ${g.priority} (${g.configuredPriority === HSRP_PRIORITY && g.priority === HSRP_PRIORITY ? 'default' : 'configured'} ${g.configuredPriority})`,
    g.name !== undefined
      ? `  Group name is "${g.name}" (cfgd)`
      : `  Group name is "hsrp-${shortInterfaceName(g.iface)}-${g.group}" (default)`,
  );
  return out;
}

/** `show standby [INTERFACE]`: each group's block. */
/** The groups `show standby` selects: an interface's, one of its groups, or all. */
const selected = (dev: IosDeviceContext, only?: string, group?: number): HsrpGroupStatus[] =>
  dev.sim
    .hsrpGroups(dev.id)
    .filter((g) => (only === undefined || g.iface === only) && (group === undefined || g.group === group));

/** `show standby [INTERFACE [GROUP]]`: each group's block. */
export function showStandby(dev: IosDeviceContext, only?: string, group?: number): string[] {
  const now = dev.sim.now();
  const up = new Map(dev.sim.interfaces(dev.id).map((i) => [i.name, i.protocol === 'up']));
  return selected(dev, only, group).flatMap((g) => groupBlock(g, up.get(g.iface) ?? false, now));
}

/** `show standby brief`: one line per group under IOS's header, columns as IOS sets them. */
export function showStandbyBrief(dev: IosDeviceContext, only?: string, group?: number): string[] {
  const groups = selected(dev, only, group);
  const out = [
    '                     P indicates configured to preempt.',
    '                     |',
    'Interface   Grp  Pri P State   Active          Standby         Virtual IP',
  ];
  for (const g of groups) {
    const cells = [
      shortInterfaceName(g.iface).padEnd(11),
      String(g.group).padEnd(4),
      String(g.priority).padEnd(3),
      g.preempt ? 'P' : ' ',
      g.state.padEnd(7),
      peer(g.active).padEnd(15),
      peer(g.standby).padEnd(15),
      g.vip === undefined ? 'unknown' : formatIpv4(g.vip),
    ];
    out.push(cells.join(' '));
  }
  return out;
}

/** `show standby [brief | INTERFACE [brief]]` (routers). */
export function showStandbyNode(): IosNode {
  const blocks = run((env, a) =>
    env.print(...showStandby(env.device!, a.value<string>('interface'), a.value<number>('group'))),
  );
  const brief = kw(
    'brief',
    'Brief output',
    run((env, a) =>
      env.print(...showStandbyBrief(env.device!, a.value<string>('interface'), a.value<number>('group'))),
    ),
  );
  return kw(
    'standby',
    'Hot standby protocol information',
    blocks,
    brief,
    arg('interface', interfaceArg(), '', blocks, brief, arg('group', GROUP, 'group number', blocks, brief)),
  );
}

// ---- messages ------------------------------------------------------------------------------

export const hsrpText = (e: HsrpEvent): string =>
  `%HSRP-5-STATECHANGE: ${e.iface} Grp ${e.group} state ${e.from} -> ${e.to}`;

/** A router's HSRP messages for its console. */
export const hsrpLog = (dev: IosDeviceContext): MessageLog<HsrpEvent> =>
  new MessageLog((since) => dev.sim.hsrpEvents(dev.id, since), hsrpText);
