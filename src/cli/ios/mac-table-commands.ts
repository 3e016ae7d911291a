/**
 * `mac address-table aging-time` and `mac address-table static` on a 2960 (Catalyst 2960
 * configuration guide, "Managing the MAC Address Table"): how long learned addresses last,
 * globally or per VLAN (0: for ever; 10 to 1,000,000 s), and static entries, which send an
 * address's frames to the ports given, or drop frames from or to it (`drop`, unicast only).
 * The last command for a (VLAN, address) wins, `interface` or `drop`.
 */
import type { DeviceConfig, StaticMac, VlanMacAging } from '../../shared/config.ts';
import { MAC_AGING_TIME } from '../../shared/config.ts';
import { formatMacDotted, type MacAddr } from '../../shared/mac.ts';
import { MAC, range } from '../parser/args.ts';
import type { Args } from '../parser/tree.ts';
import { without } from './config-edit.ts';
import { arg, HIDDEN, type IosNode, kw, run } from './dsl.ts';
import type { IosEnv } from './env.ts';
import { interfaceArg } from './interface-arg.ts';

/** Interfaces one static entry takes on a line. */
const MAX_PORTS = 4;

const agingHelp = 'Set MAC address table entry maximum age';
const staticHelp = 'static keyword';
const vlanHelp = 'VLAN keyword';

/** A group address (multicast, broadcast): its first octet's low bit. */
const isGroup = (mac: MacAddr): boolean => Math.floor(mac / 2 ** 40) % 2 === 1;

function setAging(env: IosEnv, seconds: number | undefined, vlan: number | undefined): void {
  const c = env.config();
  if (vlan === undefined) {
    env.setConfig(
      seconds === undefined || seconds === MAC_AGING_TIME
        ? without(c, 'macAgingTime')
        : { ...c, macAgingTime: seconds },
    );
    return;
  }
  const rest = (c.vlanMacAging ?? []).filter((v) => v.vlan !== vlan);
  const all: VlanMacAging[] = seconds === undefined ? rest : [...rest, { vlan, seconds }];
  all.sort((a, b) => a.vlan - b.vlan);
  env.setConfig(all.length === 0 ? without(c, 'vlanMacAging') : { ...c, vlanMacAging: all });
}

function setStatic(env: IosEnv, mac: MacAddr, vlan: number, entry: StaticMac | undefined): void {
  const c = env.config();
  const rest = (c.staticMacs ?? []).filter((e) => e.mac !== mac || e.vlan !== vlan);
  const all = entry === undefined ? rest : [...rest, entry];
  all.sort((a, b) => a.vlan - b.vlan || a.mac - b.mac);
  env.setConfig(all.length === 0 ? without(c, 'staticMacs') : { ...c, staticMacs: all });
}

/** The interfaces typed after `interface`: `interface`, `interface2`... */
const portsOf = (a: Args): string[] =>
  Array.from({ length: MAX_PORTS }, (_, k) =>
    a.value<string>(k === 0 ? 'interface' : `interface${k + 1}`),
  ).filter((n): n is string => n !== undefined);

/** `interface IF [IF ...]`, each one optional after the first. */
function portList(then: ReturnType<typeof run>, k = 0): IosNode {
  const name = k === 0 ? 'interface' : `interface${k + 1}`;
  const more = k + 1 < MAX_PORTS ? [portList(then, k + 1)] : [];
  return arg(name, interfaceArg({ physical: true, channels: true }), '', then, ...more);
}

/** `mac address-table ...` in global configuration (`no`: the `no` form). */
export function macTableNode(no: boolean): IosNode {
  // The `no` form takes a value too, and ignores it.
  const aging = run((env, a) =>
    setAging(env, no ? undefined : a.need<number>('seconds'), a.value<number>('vlan')),
  );
  const agingVlan = () => kw('vlan', vlanHelp, arg('vlan', range(1, 4094), 'VLAN id', aging));
  const agingArgs = [
    arg('seconds', range(0, 0), 'Enter 0 to disable aging', aging, agingVlan()),
    arg('seconds', range(10, 1_000_000), 'Aging time in seconds', aging, agingVlan()),
  ];
  const agingNode = no
    ? kw(
        'aging-time',
        agingHelp,
        run((env) => setAging(env, undefined, undefined)),
        agingVlan(),
        ...agingArgs,
      )
    : kw('aging-time', agingHelp, ...agingArgs);

  const toPorts = run((env, a) => {
    const mac = a.need<MacAddr>('address');
    const vlan = a.need<number>('vlan');
    if (no) setStatic(env, mac, vlan, undefined);
    else setStatic(env, mac, vlan, { mac, vlan, interfaces: portsOf(a) });
  });
  const drop = run((env, a) => {
    const mac = a.need<MacAddr>('address');
    const vlan = a.need<number>('vlan');
    if (isGroup(mac)) {
      env.error('% Only unicast addresses can be configured to be dropped');
      return;
    }
    setStatic(env, mac, vlan, no ? undefined : { mac, vlan });
  });
  const remove = run((env, a) =>
    setStatic(env, a.need<MacAddr>('address'), a.need<number>('vlan'), undefined),
  );
  const vlanArg = arg(
    'vlan',
    range(1, 4094),
    'VLAN id of mac address table',
    ...(no ? [remove] : []),
    kw('drop', 'Drop packets with this source or destination MAC address', drop),
    kw('interface', 'interface', portList(toPorts)),
  );
  const staticNode = kw(
    'static',
    staticHelp,
    arg('address', MAC, '48 bit mac address', kw('vlan', vlanHelp, vlanArg)),
  );
  const table = [agingNode, staticNode];
  return kw(
    'mac',
    'Global MAC configuration subcommands',
    kw('address-table', 'Configure the MAC address table', ...table),
  );
}

/** The hidden spelling of older releases, `mac-address-table ...`. */
export function legacyMacTableNode(no: boolean): IosNode {
  return kw(
    'mac-address-table',
    'Configure the MAC address table',
    HIDDEN,
    ...macTableNode(no).children[0]!.children,
  );
}

/** Its running-config lines. */
export const macTableLines = (c: DeviceConfig): string[] => [
  ...(c.macAgingTime !== undefined ? [`mac address-table aging-time ${c.macAgingTime}`] : []),
  ...(c.vlanMacAging ?? []).map((v) => `mac address-table aging-time ${v.seconds} vlan ${v.vlan}`),
  ...(c.staticMacs ?? []).map(
    (e) =>
      `mac address-table static ${formatMacDotted(e.mac)} vlan ${e.vlan} ` +
      (e.interfaces === undefined ? 'drop' : `interface ${e.interfaces.join(' ')}`),
  ),
];
