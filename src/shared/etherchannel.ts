/**
 * EtherChannel configuration (Catalyst IOS): physical switch ports bundled into one logical
 * port, `interface Port-channelN`, by `channel-group N mode M` on each member. The modes say
 * how the bundle is negotiated: `on` not at all, `active`/`passive` by LACP (IEEE 802.1AX),
 * `desirable`/`auto` by PAgP (Cisco).
 */

import { parseInterfaceName } from './ports.ts';

export type ChannelMode = 'on' | 'active' | 'passive' | 'desirable' | 'auto';

/** The protocol a mode negotiates with; null for `on`. */
export const channelProtocol = (mode: ChannelMode): 'lacp' | 'pagp' | null =>
  mode === 'active' || mode === 'passive' ? 'lacp' : mode === 'desirable' || mode === 'auto' ? 'pagp' : null;

/** `channel-group N mode M` on a physical switch port. */
export interface ChannelGroupConfig {
  /** The channel group, 1-6 on a 2960 (its Port-channel is `Port-channel${id}`). */
  readonly id: number;
  readonly mode: ChannelMode;
}

/** The largest channel group number a 2960 takes. */
export const MAX_CHANNEL_GROUP = 6;

/** The Port-channel interface of group `id`. */
export const portChannelName = (id: number): string => `Port-channel${id}`;

/** Whether an interface, by its canonical full name, is a Port-channel. */
export const isPortChannel = (name: string): boolean => name.startsWith('Port-channel');

/** The group of a Port-channel by any of its names (Port-channel1, po1); undefined for any other interface. */
export function portChannelGroup(name: string): number | undefined {
  const n = parseInterfaceName(name);
  return n?.type === 'Port-channel' ? Number(n.unit) : undefined;
}

/**
 * `port-channel load-balance M`: which addresses pick a frame's member link. A 2960 defaults
 * to `src-mac`.
 */
export type LoadBalanceMethod = 'src-mac' | 'dst-mac' | 'src-dst-mac' | 'src-ip' | 'dst-ip' | 'src-dst-ip';
export const DEFAULT_LOAD_BALANCE: LoadBalanceMethod = 'src-mac';
export const LOAD_BALANCE_METHODS: readonly LoadBalanceMethod[] = [
  'dst-ip',
  'dst-mac',
  'src-dst-ip',
  'src-dst-mac',
  'src-ip',
  'src-mac',
];
