/**
 * What a switch's EtherChannels show (`show etherchannel ...`, `show lacp|pagp neighbor`,
 * %EC-5-... messages): plain data read across the worker boundary.
 */
import type { ChannelMode, LoadBalanceMethod } from '../shared/etherchannel.ts';
import type { MacAddr } from '../shared/mac.ts';
import type { Micros } from '../shared/time.ts';

/**
 * A member's state, as `show etherchannel summary` flags it: P bundled, I stand-alone (no
 * partner negotiates: it forwards as a port of its own), s suspended (incompatible with the
 * bundle, or its partner is not the bundle's), D down, H hot-standby (LACP, past the 8 active
 * members).
 */
export type ChannelMemberFlag = 'P' | 'I' | 's' | 'D' | 'H';

/** The switch at the far end of a member's cable, as the negotiation protocol tells of it. */
export interface ChannelPartner {
  readonly hostname: string;
  /** Its system ID: the switch's base MAC address. */
  readonly systemId: MacAddr;
  /** Its port's full name and number (1-based, as LACP numbers ports). */
  readonly port: string;
  readonly portNumber: number;
  /** Its channel-group mode and number (LACP's operational key). */
  readonly mode: ChannelMode;
  readonly group: number;
}

export interface ChannelMemberStatus {
  /** Full port name. */
  readonly port: string;
  readonly mode: ChannelMode;
  readonly flag: ChannelMemberFlag;
  /** Its number among the switch's ports, 1-based (LACP's port number, PAgP's ifindex-like id). */
  readonly portNumber: number;
  /** When it last joined the bundle; null while it is not bundled. */
  readonly bundledSince: Micros | null;
  /** Who negotiates at the far end: null for mode on, or when nothing there negotiates. */
  readonly partner: ChannelPartner | null;
}

export interface EtherChannelStatus {
  readonly group: number;
  /** `Port-channel${group}`. */
  readonly name: string;
  /** What its members negotiate with; null when they are all `on`. */
  readonly protocol: 'lacp' | 'pagp' | null;
  /** In use: at least one member bundled, and the Port-channel not shut down. */
  readonly up: boolean;
  readonly adminUp: boolean;
  /** When the Port-channel was created. */
  readonly createdAt: Micros;
  /** The last member to join the bundle, and when; null if none ever did. */
  readonly lastBundled: { readonly port: string; readonly at: Micros } | null;
  /** In port order. */
  readonly members: readonly ChannelMemberStatus[];
  /** Aggregate bandwidth of its bundled members, bits per second. */
  readonly bandwidth: number;
}

export interface EtherChannelsStatus {
  readonly loadBalance: LoadBalanceMethod;
  /** By group number. */
  readonly channels: readonly EtherChannelStatus[];
}

/** Why a member was not bundled, for %EC-5-CANNOT_BUNDLE2: the attribute that differs, and its values. */
export interface ChannelMismatch {
  readonly attribute: 'speed' | 'duplex' | 'trunk-mode' | 'access-vlan' | 'native-vlan' | 'vlan-mask';
  /** The member's and the bundle's values as IOS prints them ("100M", "full", "on", "10"); absent for vlan-mask. */
  readonly mine?: string;
  readonly theirs?: string;
}

export type EtherChannelEvent =
  /** %EC-5-CANNOT_BUNDLE2: `port` is not compatible with `with` (a bundled member or the Port-channel) and is suspended. */
  | {
      readonly kind: 'incompatible';
      readonly at: Micros;
      readonly port: string;
      readonly with: string;
      readonly mismatch: ChannelMismatch;
    }
  /**
   * EtherChannel guard (%SPANTREE-2-CHNL_MISCFG, then %PM-4-ERR_DISABLE channel-misconfig):
   * a channel in mode on whose members reach a switch that does not bundle them; every member
   * is error-disabled.
   */
  | {
      readonly kind: 'misconfig';
      readonly at: Micros;
      readonly channel: string;
      readonly ports: readonly string[];
    };

export interface EtherChannelEvents {
  readonly events: readonly (EtherChannelEvent & { readonly seq: number })[];
  readonly next: number;
  readonly missed: number;
}
