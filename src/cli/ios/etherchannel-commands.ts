/**
 * EtherChannel in a 2960's command line (Catalyst 2960 Software Configuration Guide,
 * "Configuring EtherChannels"): `channel-group N mode M` on its ports, the first port of a
 * group making its Port-channel with that port's switchport settings; `interface port-channel N`
 * and its removal; `port-channel load-balance`; their running-config lines; `show etherchannel`,
 * `show lacp`, `show pagp` (layouts in etherchannel-format.ts) and the %EC messages.
 */
import type { EtherChannelEvent } from '../../engine/api.ts';
import type { DeviceConfig, InterfaceConfig, SwitchportConfig } from '../../shared/config.ts';
import {
  type ChannelMode,
  channelProtocol,
  DEFAULT_LOAD_BALANCE,
  LOAD_BALANCE_METHODS,
  type LoadBalanceMethod,
  MAX_CHANNEL_GROUP,
  portChannelGroup,
  portChannelName,
} from '../../shared/etherchannel.ts';
import { shortInterfaceName } from '../../shared/ports.ts';
import type { IosDeviceContext } from '../context.ts';
import { range } from '../parser/args.ts';
import type { Args } from '../parser/tree.ts';
import { isPhysical, removeInterface, updateInterface, without } from './config-edit.ts';
import { arg, type IosNode, kw, run } from './dsl.ts';
import type { IosEnv } from './env.ts';
import {
  etherChannelTexts,
  showEtherchannel,
  showEtherchannelLoadBalance,
  showEtherchannelPortChannel,
  showEtherchannelSummary,
  showLacpNeighbor,
  showLacpSysId,
  showPagpNeighbor,
} from './etherchannel-format.ts';
import { MessageLog } from './event-feed.ts';
import { notApplied } from './unsimulated.ts';

/** The ports configured into channel group `group`, in port order. */
export const channelMembers = (c: DeviceConfig, group: number): string[] =>
  Object.keys(c.interfaces).filter((n) => c.interfaces[n]!.channelGroup?.id === group);

/**
 * The interfaces a switchport setting typed on `name` changes: on a Port-channel, its members
 * too, as a Catalyst applies it to the ports of the channel.
 */
export function switchportReach(c: DeviceConfig, name: string): string[] {
  const group = portChannelGroup(name);
  return group === undefined ? [name] : [name, ...channelMembers(c, group)];
}

// ---- channel-group -----------------------------------------------------------------------------

/** IOSv L2's refusal of a port whose protocol differs from the one its group negotiates. */
const protocolMismatch = (port: string, group: number): string =>
  `Command rejected (Channel protocol mismatch for interface ${shortInterfaceName(port)} in group ${group}): ` +
  'the interface can not be added to the channel group';

/**
 * A secure port cannot be an EtherChannel's, nor a member a secure port (the guide's port
 * security restrictions). The refusals' texts are not confirmed by a capture.
 */
export const SECURE_MEMBER = (port: string): string =>
  `Command rejected: ${shortInterfaceName(port)} is an Etherchannel port.`;
const SECURE_PORT = (port: string): string =>
  `Command rejected: ${shortInterfaceName(port)} has port security enabled.`;

/** The settings a new Port-channel takes from its first port (not the port's own security or STP). */
const inherited = (s: SwitchportConfig): SwitchportConfig => ({
  mode: s.mode,
  accessVlan: s.accessVlan,
  nativeVlan: s.nativeVlan,
  allowedVlans: s.allowedVlans,
  nonegotiate: s.nonegotiate,
  // A 3560's trunk keeps its encapsulation: without it, `switchport mode trunk` is refused.
  ...(s.trunkEncapsulation !== undefined ? { trunkEncapsulation: s.trunkEncapsulation } : {}),
});

/** Puts port `name` into `group`, making the group's Port-channel; the refusal otherwise. */
function join(env: IosEnv, name: string, group: number, mode: ChannelMode): string | undefined {
  const c = env.config();
  const port = c.interfaces[name]!;
  // A 3560's routed port would make a layer-3 EtherChannel.
  if (port.switchport === undefined) return notApplied('layer 3 EtherChannels');
  if (port.switchport.portSecurity?.enabled) return SECURE_PORT(name);
  const others = channelMembers(c, group).filter((n) => n !== name);
  // A group's ports all negotiate alike: LACP, PAgP, or nothing (mode on).
  if (others.some((n) => channelProtocol(c.interfaces[n]!.channelGroup!.mode) !== channelProtocol(mode)))
    return protocolMismatch(name, group);
  let next = updateInterface(c, env.kind, name, (i) => ({ ...i, channelGroup: { id: group, mode } }));
  const po = portChannelName(group);
  if (next.interfaces[po] === undefined) {
    const switchport = port.switchport;
    next = updateInterface(next, env.kind, po, (i) =>
      switchport ? { ...i, switchport: inherited(switchport) } : i,
    );
    env.print(`Creating a port-channel interface Port-channel ${group}`, '');
  }
  env.setConfig(next);
  return undefined;
}

/**
 * `channel-group N mode M` on each port configured (a range's Port-channels take none); a range
 * stops at its first refusal, as IOS's does.
 */
function setChannelGroup(env: IosEnv, a: Args, mode: ChannelMode): void {
  const group = a.need<number>('group');
  for (const name of env.modes.context().interfaces) {
    if (!isPhysical(env.kind, name)) continue;
    const failure = join(env, name, group, mode);
    if (failure === undefined) continue;
    const range = env.modes.mode() === 'interfaceRange';
    env.error(failure, ...(range ? [`% Range command terminated because it failed on ${name}`] : []));
    return;
  }
}

const channelGroupHelp = 'Etherchannel/port bundling configuration';

const MODES: readonly [ChannelMode, string][] = [
  ['active', 'Enable LACP unconditionally'],
  ['auto', 'Enable PAgP only if a PAgP device is detected'],
  ['desirable', 'Enable PAgP unconditionally'],
  ['on', 'Enable Etherchannel only'],
  ['passive', 'Enable LACP only if a LACP device is detected'],
];

/** `no channel-group [...]`: the ports leave their group; the Port-channel stays. */
const leave = run((env) => {
  for (const name of env.modes.context().interfaces) {
    if (isPhysical(env.kind, name))
      env.setConfig(updateInterface(env.config(), env.kind, name, (i) => without(i, 'channelGroup')));
  }
});

/**
 * `channel-group N mode M` on a switch port, and `no channel-group`. PAgP's non-silent variant
 * has no place in the configuration here.
 */
export function channelGroupNode(no: boolean): IosNode {
  const handler = (mode: ChannelMode) => (no ? leave : run((env, a) => setChannelGroup(env, a, mode)));
  const nonSilent = kw(
    'non-silent',
    'Start in non-silent mode',
    no ? leave : run((env) => env.error(notApplied('PAgP non-silent mode'))),
  );
  const modes = MODES.map(([mode, help]) =>
    kw(mode, help, handler(mode), ...(channelProtocol(mode) === 'pagp' ? [nonSilent] : [])),
  );
  const group = arg(
    'group',
    range(1, MAX_CHANNEL_GROUP),
    'Channel group number',
    ...(no ? [leave] : []),
    kw('mode', 'Etherchannel Mode of the interface', ...modes),
  );
  return kw('channel-group', channelGroupHelp, ...(no ? [leave] : []), group);
}

/** ` channel-group N mode M`, where a 2960 lists it: after `no cdp enable`, before spanning tree's. */
export const channelGroupLines = (i: InterfaceConfig): string[] =>
  i.channelGroup === undefined ? [] : [` channel-group ${i.channelGroup.id} mode ${i.channelGroup.mode}`];

// ---- Port-channels ---------------------------------------------------------------------------

/**
 * `no interface port-channel N`: the channel goes, and a Catalyst shuts its ports down as they
 * leave it, so that they do not loop as separate links.
 */
export function removePortChannel(c: DeviceConfig, name: string): DeviceConfig {
  let next = removeInterface(c, name);
  for (const member of channelMembers(c, portChannelGroup(name)!)) {
    next = updateInterface(next, 'switch', member, (i) => ({
      ...without(i, 'channelGroup'),
      shutdown: true,
    }));
  }
  return next;
}

// ---- port-channel load-balance ---------------------------------------------------------------

const LOAD_BALANCE_HELP: Record<LoadBalanceMethod, string> = {
  'dst-ip': 'Dst IP Addr',
  'dst-mac': 'Dst Mac Addr',
  'src-dst-ip': 'Src XOR Dst IP Addr',
  'src-dst-mac': 'Src XOR Dst Mac Addr',
  'src-ip': 'Src IP Addr',
  'src-mac': 'Src Mac Addr',
};

const setLoadBalance = (env: IosEnv, m: LoadBalanceMethod) =>
  env.setConfig(
    m === DEFAULT_LOAD_BALANCE ? without(env.config(), 'loadBalance') : { ...env.config(), loadBalance: m },
  );

/** `port-channel load-balance M` (global); `no` puts src-mac back. */
export function loadBalanceNode(no: boolean): IosNode {
  const reset = run((env) => setLoadBalance(env, DEFAULT_LOAD_BALANCE));
  const methods = LOAD_BALANCE_METHODS.map((m) =>
    kw(m, LOAD_BALANCE_HELP[m], no ? reset : run((env) => setLoadBalance(env, m))),
  );
  return kw(
    'port-channel',
    'EtherChannel configuration',
    kw('load-balance', 'EtherChannel load-balancing method', ...(no ? [reset] : []), ...methods),
  );
}

/** `port-channel load-balance M` unless src-mac, with the global lines before spanning tree's. */
export const loadBalanceLines = (c: DeviceConfig): string[] =>
  c.loadBalance === undefined ? [] : [`port-channel load-balance ${c.loadBalance}`];

// ---- show ------------------------------------------------------------------------------------

const statusOf = (env: IosEnv) => env.device!.sim.etherChannels(env.device!.id);
const now = (env: IosEnv) => env.device!.sim.now();
const GROUP = range(1, MAX_CHANNEL_GROUP);

/** `show etherchannel [N] [summary | port-channel]` and `show etherchannel load-balance`. */
export function showEtherchannelNode(): IosNode {
  const group = (a: Args) => a.value<number>('group');
  const views = [
    kw(
      'port-channel',
      'Port-channel information',
      run((env, a) => env.print(...showEtherchannelPortChannel(statusOf(env), now(env), group(a)))),
    ),
    kw(
      'summary',
      'One-line summary per channel-group',
      run((env, a) => env.print(...showEtherchannelSummary(statusOf(env), group(a)))),
    ),
  ];
  const listing = run((env, a) => env.print(...showEtherchannel(statusOf(env), group(a))));
  return kw(
    'etherchannel',
    'EtherChannel information',
    listing,
    arg('group', GROUP, 'Channel group number', listing, ...views),
    kw(
      'load-balance',
      'Load-balance/frame-distribution scheme among ports in port-channel',
      run((env) =>
        env.print(...showEtherchannelLoadBalance(env.config().loadBalance ?? DEFAULT_LOAD_BALANCE)),
      ),
    ),
    ...views,
  );
}

/** `show lacp [N] neighbor`, `show lacp sys-id` and `show pagp [N] neighbor`. */
export function showChannelProtocolNodes(): IosNode[] {
  const neighbor = (show: typeof showLacpNeighbor) =>
    kw(
      'neighbor',
      'Neighbor information',
      run((env, a) => env.print(...show(statusOf(env), now(env), a.value<number>('group')))),
    );
  const lacpNeighbor = neighbor(showLacpNeighbor);
  const pagpNeighbor = neighbor(showPagpNeighbor);
  return [
    kw(
      'lacp',
      'LACP information',
      arg('group', GROUP, 'Channel group number', lacpNeighbor),
      lacpNeighbor,
      kw(
        'sys-id',
        'LACP System ID',
        run((env) => env.print(...showLacpSysId(env.device!.sim.baseMac(env.device!.id)))),
      ),
    ),
    kw(
      'pagp',
      'Port channel information',
      arg('group', GROUP, 'Channel group number', pagpNeighbor),
      pagpNeighbor,
    ),
  ];
}

// ---- messages --------------------------------------------------------------------------------

/** A switch's %EC-5 messages, and EtherChannel guard's %SPANTREE-2-CHNL_MISCFG with its %PM-4-ERR_DISABLE. */
export const etherChannelLog = (dev: IosDeviceContext): MessageLog<EtherChannelEvent> =>
  new MessageLog<EtherChannelEvent>((since) => dev.sim.etherChannelEvents(dev.id, since), etherChannelTexts);
