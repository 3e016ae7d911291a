/**
 * EtherChannel on a Catalyst (IEEE 802.1AX link aggregation with LACP; Cisco's PAgP; mode on):
 * member ports that bundle act as one port, `Port-channelN`, for MAC learning, flooding and
 * spanning tree; each frame leaves by one member, picked by a hash of its addresses
 * (`port-channel load-balance`).
 *
 * Like DTP (dtp.ts), the negotiation is worked out from both ends' configuration whenever the
 * switch refreshes, rather than from LACPDUs or PAgP frames on the wire:
 *
 * - `on` bundles whatever is at the far end; `active`/`passive` bundle with an LACP port at
 *   the far end, one of the two active; `desirable`/`auto` likewise with PAgP;
 * - a member whose far end negotiates nothing it understands stands alone (I), forwarding as an
 *   ordinary port (a 2960's LACP and PAgP ports do, where later Catalysts suspend them);
 * - a member whose switchport settings differ from its Port-channel's, whose speed or duplex
 *   differs from the bundle's, or whose partner is not the bundle's, is suspended (s);
 * - a down member is D; LACP bundles 8 members, and holds the next ones in hot-standby (H).
 *
 * The bundle's lowest-numbered member stands for it in the switch's tables (`Bundle.primary`),
 * so the per-frame path only maps an arriving member to it and a leaving frame to a member
 * that is up.
 */
import type { SwitchportConfig } from '../../shared/config.ts';
import {
  type ChannelGroupConfig,
  type ChannelMode,
  channelProtocol,
  type LoadBalanceMethod,
} from '../../shared/etherchannel.ts';
import type { Micros } from '../../shared/time.ts';
import { seconds } from '../../shared/time.ts';
import type {
  ChannelMemberFlag,
  ChannelMismatch,
  ChannelPartner,
  EtherChannelEvent,
} from '../etherchannel-status.ts';
import type { EventTarget, Scheduler } from '../sim/scheduler.ts';
import type { EthernetFrame } from '../wire/ethernet.ts';
import { macLow } from './mac-table.ts';
import { SeqLog, type SeqRead } from './seq-log.ts';
import type { SwitchPort } from './switch-port.ts';

/**
 * The port number spanning tree gives a Port-channel (its "128.N"): 64 for Port-channel1 on a
 * 2960-24 (captures of two), the next ones after it.
 */
export const channelPortNumber = (group: number): number => 63 + group;

/** IEEE 802.1AX: at most 8 links aggregate; LACP keeps further ones in standby. */
export const MAX_BUNDLED = 8;
const EVENT_LOG_CAPACITY = 64;

/** A bundle of member ports that forwards as one. */
export class Bundle {
  constructor(
    readonly group: number,
    /** The member that stands for the bundle: its lowest-numbered one, which may be down. */
    readonly primary: SwitchPort,
    /** Its bundled members, up, in port order. */
    readonly links: readonly SwitchPort[],
    private readonly method: LoadBalanceMethod,
  ) {}

  /**
   * The member a frame leaves by. A Catalyst hashes the chosen addresses' low three bits to one
   * of eight buckets, which it shares among the members in turn.
   */
  pick(frame: EthernetFrame): SwitchPort {
    const links = this.links;
    if (links.length === 1) return links[0]!;
    return links[bucketOf(frame, this.method) % links.length]!;
  }
}

/** The hash bucket (0-7) of a frame's addresses; the IP methods fall back to MAC addresses for frames that are not IPv4. */
function bucketOf(frame: EthernetFrame, method: LoadBalanceMethod): number {
  const p = frame.payload;
  if (p.proto === 'ipv4' && (method === 'src-ip' || method === 'dst-ip' || method === 'src-dst-ip')) {
    if (method === 'src-ip') return p.src & 7;
    if (method === 'dst-ip') return p.dst & 7;
    return (p.src ^ p.dst) & 7;
  }
  const src = macLow(frame.src) & 7;
  const dst = macLow(frame.dst) & 7;
  if (method === 'src-mac' || method === 'src-ip') return src;
  if (method === 'dst-mac' || method === 'dst-ip') return dst;
  return src ^ dst;
}

/** What a member's far end tells of itself (a switch port in a channel group), or null. */
export interface FarEnd {
  readonly partner: ChannelPartner;
  /** Whether that port may bundle on its side: up, compatible, and not held (MemberState). */
  readonly eligible: boolean;
}

/** A member's outcome at a refresh. */
export interface MemberState {
  readonly flag: ChannelMemberFlag;
  readonly partner: ChannelPartner | null;
  /**
   * Refused for a reason of its own (its settings, its partner, past the 8 LACP bundles): its
   * far end bundles nothing with it. Not when it only follows its far end's refusal.
   */
  readonly held: boolean;
}

/** Whether two modes bundle a link between them. */
export function modesBundle(mine: ChannelMode, theirs: ChannelMode | undefined): boolean {
  if (mine === 'on') return true;
  if (theirs === undefined || channelProtocol(theirs) !== channelProtocol(mine)) return false;
  return mine === 'active' || mine === 'desirable' || theirs === 'active' || theirs === 'desirable';
}

/** How a member's switchport settings differ from its Port-channel's; null when they do not. */
export function switchportMismatch(
  member: SwitchportConfig,
  channel: SwitchportConfig,
): ChannelMismatch | null {
  if (member.mode !== channel.mode)
    return { attribute: 'trunk-mode', mine: modeWord(member.mode), theirs: modeWord(channel.mode) };
  if (member.accessVlan !== channel.accessVlan)
    return { attribute: 'access-vlan', mine: String(member.accessVlan), theirs: String(channel.accessVlan) };
  if (member.nativeVlan !== channel.nativeVlan)
    return { attribute: 'native-vlan', mine: String(member.nativeVlan), theirs: String(channel.nativeVlan) };
  const a = member.allowedVlans;
  const b = channel.allowedVlans;
  if (a.length !== b.length || a.some((r, i) => r[0] !== b[i]![0] || r[1] !== b[i]![1]))
    return { attribute: 'vlan-mask' };
  return null;
}

/** A switchport mode as IOS names its DTP mode in %EC-5-CANNOT_BUNDLE2: trunk is on, access off. */
const modeWord = (mode: SwitchportConfig['mode']): string =>
  mode === 'trunk' ? 'on' : mode === 'access' ? 'off' : mode === 'dynamic-auto' ? 'auto' : 'desirable';

/** Speeds as IOS names them in its messages: 100M, 1000M. */
const speedWord = (bps: number): string => `${bps / 1e6}M`;

/** What the channel groups read of their switch. */
export interface ChannelHost {
  readonly ports: readonly SwitchPort[];
  readonly now: Micros;
  readonly loadBalance: LoadBalanceMethod;
  /** The groups whose Port-channel interface exists. */
  readonly configured: readonly number[];
  groupOf(sp: SwitchPort): ChannelGroupConfig | undefined;
  /** Group `group`'s Port-channel: whether it is shut down, and its switchport settings (undefined: none made yet). */
  channel(group: number): { readonly shutdown: boolean; readonly switchport: SwitchportConfig } | undefined;
  switchportOf(sp: SwitchPort): SwitchportConfig;
  /** The far end of `sp`'s cable when it is a switch port in a channel group; null otherwise. */
  farEnd(sp: SwitchPort): FarEnd | null;
}

/** How a member's line differs from the bundle's first member's: speed, then duplex. */
function lineMismatch(sp: SwitchPort, ref: SwitchPort): ChannelMismatch | null {
  if (sp.negotiatedSpeed !== ref.negotiatedSpeed)
    return {
      attribute: 'speed',
      mine: speedWord(sp.negotiatedSpeed),
      theirs: speedWord(ref.negotiatedSpeed),
    };
  if (sp.duplex !== ref.duplex)
    return { attribute: 'duplex', mine: sp.duplex ?? 'auto', theirs: ref.duplex ?? 'auto' };
  return null;
}

/**
 * EtherChannel guard (`spanning-tree etherchannel guard misconfig`, on by default): a bundle in
 * mode on whose members reach ports that are not bundled together at the far end gets BPDUs
 * from several of them, and the switch error-disables the bundle. A 2960 does it once the far
 * end's ports have listened and learned (a capture: 35 s after the Port-channel came up).
 */
export const MISCONFIG_DETECTION = seconds(30);

/** Timers of the groups suspected of a misconfiguration, which `fire` confirms or not. */
export class MisconfigGuard implements EventTarget {
  private readonly due = new Map<number, number>();
  private token = 0;

  constructor(
    private readonly sched: Scheduler,
    private readonly fire: (group: number) => void,
  ) {}

  arm(group: number): void {
    if (this.due.has(group)) return;
    const token = ++this.token;
    this.due.set(group, token);
    this.sched.at(this.sched.now + MISCONFIG_DETECTION, this, 0, group, token, 0);
  }

  disarm(group: number): void {
    this.due.delete(group);
  }

  /** Forgets the groups that are gone. */
  keep(groups: ReadonlyMap<number, unknown>): void {
    for (const group of this.due.keys()) if (!groups.has(group)) this.due.delete(group);
  }

  onEvent(_code: number, a: unknown, token: number): void {
    const group = a as number;
    if (this.due.get(group) !== token) return;
    this.due.delete(group);
    this.fire(group);
  }
}

/**
 * Whether a bundle in mode on is miswired: a member's far end is a switch port that is not in
 * mode on, or the members reach different switches or groups.
 */
export function misconfigured(bundle: Bundle, farEnd: (sp: SwitchPort) => FarEnd | null): boolean {
  let seen: string | null = null;
  for (const sp of bundle.links) {
    const peer = sp.peer;
    if (peer === null || peer.owner.kind !== 'switch') continue;
    const far = farEnd(sp);
    if (far === null || far.partner.mode !== 'on') return true;
    const key = `${far.partner.systemId}/${far.partner.group}`;
    if (seen !== null && key !== seen) return true;
    seen = key;
  }
  return false;
}

/** A switch's channel groups: their members' outcomes, bundles and log. */
export class SwitchChannels {
  /** Each port's outcome at the last refresh, by port index (undefined: not a member). */
  readonly states: (MemberState | undefined)[] = [];
  /** Bundles by group. */
  readonly bundles = new Map<number, Bundle>();
  /** When each member last joined its bundle, by port index. */
  readonly bundledSince = new Map<number, Micros>();
  /** When each Port-channel appeared. */
  readonly createdAt = new Map<number, Micros>();
  /** The last member to join each group's bundle. */
  readonly lastBundled = new Map<number, { readonly port: string; readonly at: Micros }>();
  private readonly log = new SeqLog<EtherChannelEvent & { readonly seq: number }>(EVENT_LOG_CAPACITY);

  /**
   * Works out every member's outcome and the bundles from the ports' states after DTP, and
   * logs the members newly refused. Returns the ports whose bundle changed, and whether any
   * member's outcome did (which its far end reads).
   */
  update(host: ChannelHost): { changed: SwitchPort[]; moved: boolean } {
    const byGroup = new Map<number, SwitchPort[]>();
    for (const sp of host.ports) {
      const g = host.groupOf(sp);
      if (g === undefined) continue;
      const list = byGroup.get(g.id);
      if (list === undefined) byGroup.set(g.id, [sp]);
      else list.push(sp);
    }
    const before = this.states.slice();
    this.states.length = 0;
    this.bundles.clear();
    for (const group of [...byGroup.keys()].sort((a, b) => a - b)) {
      const members = byGroup.get(group)!;
      const bundled = this.group(host, group, members, before);
      if (bundled.length === 0) continue;
      // The bundle keeps its first member as long as it stays in it, down or not, so that a
      // member's failure changes neither the bundle's spanning tree port nor its addresses.
      const primary = members.find((sp) => {
        const flag = this.states[sp.index]!.flag;
        return flag === 'P' || flag === 'D';
      })!;
      this.bundles.set(group, new Bundle(group, primary, bundled, host.loadBalance));
    }
    const groups = new Set([...host.configured, ...byGroup.keys()]);
    for (const group of this.createdAt.keys()) if (!groups.has(group)) this.createdAt.delete(group);
    for (const group of groups) if (!this.createdAt.has(group)) this.createdAt.set(group, host.now);
    const changed: SwitchPort[] = [];
    let moved = false;
    for (const sp of host.ports) {
      const st = this.states[sp.index];
      const was = before[sp.index];
      if (st?.flag !== was?.flag || st?.held !== was?.held) moved = true;
      const inGroup = st === undefined ? undefined : this.bundles.get(host.groupOf(sp)!.id);
      const bundle = inGroup !== undefined && (st!.flag === 'P' || inGroup.primary === sp) ? inGroup : null;
      if (st?.flag === 'P' && was?.flag !== 'P') {
        this.bundledSince.set(sp.index, host.now);
        this.lastBundled.set(bundle!.group, { port: sp.name, at: host.now });
      } else if (st?.flag !== 'P') this.bundledSince.delete(sp.index);
      if (
        sp.bundle !== bundle &&
        (sp.bundle === null || bundle === null || sp.bundle.primary !== bundle.primary)
      )
        changed.push(sp);
      sp.bundle = bundle;
    }
    return { changed, moved };
  }

  /** The outcomes of one group's members; returns those that bundle. */
  private group(
    host: ChannelHost,
    group: number,
    members: readonly SwitchPort[],
    before: readonly (MemberState | undefined)[],
  ): SwitchPort[] {
    const po = host.channel(group);
    const poPort = po?.switchport ?? host.switchportOf(members[0]!);
    const bundled: SwitchPort[] = [];
    let ref: SwitchPort | null = null;
    let refPartner = '';
    const set = (sp: SwitchPort, flag: ChannelMemberFlag, partner: ChannelPartner | null, held = false) => {
      this.states[sp.index] = { flag, partner, held };
    };
    for (const sp of members) {
      const mode = host.groupOf(sp)!.mode;
      const far = host.farEnd(sp);
      const partner =
        far !== null && mode !== 'on' && modesBundle(mode, far.partner.mode) ? far.partner : null;
      const was = before[sp.index]?.flag;
      if (!sp.up || po?.shutdown === true) {
        set(sp, 'D', null);
        continue;
      }
      const mismatch =
        switchportMismatch(host.switchportOf(sp), poPort) ?? (ref === null ? null : lineMismatch(sp, ref));
      if (mismatch !== null) {
        set(sp, 's', partner, true);
        if (was !== 's')
          this.push({
            kind: 'incompatible',
            at: host.now,
            port: sp.name,
            with: ref?.name ?? `Port-channel${group}`,
            mismatch,
          });
        continue;
      }
      // Nothing at the far end negotiates with it: a 2960 logs nothing, and the port runs alone.
      if (!modesBundle(mode, far?.partner.mode)) {
        set(sp, 'I', null);
        continue;
      }
      // The far end suspends its side: no partner is in step with this one.
      if (mode !== 'on' && far !== null && !far.eligible) {
        set(sp, 's', partner);
        continue;
      }
      const key = partner === null ? '' : `${partner.systemId}/${partner.group}`;
      if (ref === null) {
        ref = sp;
        refPartner = key;
      } else if (key !== refPartner) {
        set(sp, 's', partner, true);
        continue;
      }
      if (bundled.length >= MAX_BUNDLED) {
        set(sp, channelProtocol(mode) === 'lacp' ? 'H' : 's', partner, true);
        continue;
      }
      set(sp, 'P', partner);
      bundled.push(sp);
    }
    return bundled;
  }

  push(event: EtherChannelEvent): void {
    this.log.push({ ...event, seq: this.log.nextSeq });
  }

  read(since: number): SeqRead<EtherChannelEvent & { readonly seq: number }> {
    return this.log.read(since);
  }
}
