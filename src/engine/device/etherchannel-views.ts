/**
 * A switch's EtherChannels as the console shows them: `show etherchannel` (etherchannel-status.ts)
 * and the Port-channel interfaces of `show interfaces`, whose state changes are logged like a
 * port's (%LINK-3-UPDOWN, %LINEPROTO-5-UPDOWN).
 */
import type { DeviceConfig } from '../../shared/config.ts';
import { DEFAULT_SWITCHPORT } from '../../shared/config.ts';
import { channelProtocol, DEFAULT_LOAD_BALANCE, portChannelName } from '../../shared/etherchannel.ts';
import type { Micros } from '../../shared/time.ts';
import type { InterfaceStatus } from '../api.ts';
import type { ChannelMemberStatus, EtherChannelStatus, EtherChannelsStatus } from '../etherchannel-status.ts';
import type { Bundle, SwitchChannels } from './etherchannel.ts';
import { NO_RATES } from './load-rates.ts';
import { addCounters, interfaceView, NO_COUNTERS, portTraffic, type Traffic } from './status.ts';
import { OPER_TRUNK, type SwitchPort } from './switch-port.ts';

/** Bits per second its members up carry together. */
export const bundleBandwidth = (bundle: Bundle | undefined): number =>
  bundle === undefined ? 0 : bundle.links.reduce((sum, sp) => sum + sp.negotiatedSpeed, 0);

/** `show etherchannel`: every Port-channel, with its members in port order. */
export function channelStatus(
  channels: SwitchChannels,
  config: DeviceConfig,
  ports: readonly SwitchPort[],
): EtherChannelsStatus {
  const out: EtherChannelStatus[] = [];
  for (const group of [...channels.createdAt.keys()].sort((a, b) => a - b)) {
    const name = portChannelName(group);
    const members: ChannelMemberStatus[] = [];
    let protocol: 'lacp' | 'pagp' | null = null;
    for (const sp of ports) {
      const g = config.interfaces[sp.name]?.channelGroup;
      if (g?.id !== group) continue;
      protocol ??= channelProtocol(g.mode);
      const st = channels.states[sp.index];
      members.push({
        port: sp.name,
        mode: g.mode,
        flag: st?.flag ?? 'D',
        portNumber: sp.index + 1,
        bundledSince: channels.bundledSince.get(sp.index) ?? null,
        partner: st?.partner ?? null,
      });
    }
    const bundle = channels.bundles.get(group);
    out.push({
      group,
      name,
      protocol,
      up: bundle !== undefined,
      adminUp: config.interfaces[name]?.shutdown !== true,
      createdAt: channels.createdAt.get(group)!,
      lastBundled: channels.lastBundled.get(group) ?? null,
      members,
      bandwidth: bundleBandwidth(bundle),
    });
  }
  return { loadBalance: config.loadBalance ?? DEFAULT_LOAD_BALANCE, channels: out };
}

export interface ChannelLine {
  readonly group: number;
  readonly name: string;
  readonly state: Pick<InterfaceStatus, 'status' | 'protocol'>;
}

/** Each Port-channel's Status and Protocol columns, in group order: up while a member is bundled. */
export function channelLines(channels: SwitchChannels, config: DeviceConfig): ChannelLine[] {
  return [...channels.createdAt.keys()]
    .sort((a, b) => a - b)
    .map((group) => {
      const name = portChannelName(group);
      const state: ChannelLine['state'] =
        config.interfaces[name]?.shutdown === true
          ? { status: 'administratively down', protocol: 'down' }
          : channels.bundles.has(group)
            ? { status: 'up', protocol: 'up' }
            : { status: 'down', protocol: 'down' };
      return { group, name, state };
    });
}

/** The members' traffic summed. */
function summed(links: readonly SwitchPort[]): Traffic {
  return links.map(portTraffic).reduce(
    (a, t) => ({
      counters: addCounters(a.counters, t.counters, 1),
      lastInput: Math.max(a.lastInput, t.lastInput),
      lastOutput: Math.max(a.lastOutput, t.lastOutput),
      cleared: null,
      rates: {
        inBits: a.rates.inBits + t.rates.inBits,
        inPackets: a.rates.inPackets + t.rates.inPackets,
        outBits: a.rates.outBits + t.rates.outBits,
        outPackets: a.rates.outPackets + t.rates.outPackets,
      },
    }),
    {
      counters: NO_COUNTERS,
      lastInput: Number.NEGATIVE_INFINITY,
      lastOutput: Number.NEGATIVE_INFINITY,
      cleared: null,
      rates: NO_RATES,
    },
  );
}

/**
 * Port-channels as `show interfaces` shows them: the first member's address (a Catalyst gives
 * the Port-channel its first member's), the bandwidth and traffic of the members up summed.
 */
export function channelViews(
  channels: SwitchChannels,
  config: DeviceConfig,
  ports: readonly SwitchPort[],
  device: { lastChange(name: string): Micros; readonly bootedAt: Micros; readonly idleSpeed: number },
): InterfaceStatus[] {
  return channelLines(channels, config).map(({ group, name, state }) => {
    const bundle = channels.bundles.get(group);
    const members = ports.filter((sp) => config.interfaces[sp.name]?.channelGroup?.id === group);
    const up = bundle?.links[0];
    return interfaceView(
      name,
      (bundle?.primary ?? members[0] ?? ports[0]!).mac,
      undefined,
      state,
      bundle !== undefined,
      bundle === undefined ? device.idleSpeed * Math.max(1, members.length) : bundleBandwidth(bundle),
      up?.duplex,
      summed(bundle?.links ?? []),
      device.lastChange(name),
      device.bootedAt,
      {
        switchportOperMode: up === undefined ? 'down' : up.oper === OPER_TRUNK ? 'trunk' : 'access',
        switchportAdminMode: (config.interfaces[name]?.switchport ?? DEFAULT_SWITCHPORT).mode,
        errDisabled: undefined,
        errRecoveryAt: undefined,
      },
    );
  });
}
