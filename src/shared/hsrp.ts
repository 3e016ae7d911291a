/**
 * Hot Standby Router Protocol as IOS configures it on an interface (RFC 2281; Cisco
 * IOS First Hop Redundancy Protocols Configuration Guide, "Configuring HSRP"): `standby [N]
 * ip|priority|preempt|timers|name`, one block per group (`standby version 2` is the interface's).
 */
import type { Ipv4Addr } from './ipv4.ts';

/** IOS's defaults: priority 100, a hello every 3 s, a router given up after 10 s. */
export const HSRP_PRIORITY = 100;
export const HSRP_HELLO_TIME = 3;
export const HSRP_HOLD_TIME = 10;

export interface HsrpGroupConfig {
  /** 0-255; `standby ip A` without a number is group 0. */
  readonly group: number;
  /** `standby N ip A`: the virtual address. */
  readonly ip?: Ipv4Addr;
  /**
   * `standby N ip` without an address: the group runs and learns its address from the active
   * router. A group with neither stays in Init.
   */
  readonly learn?: true;
  /** `standby N priority P` (0-255); absent means HSRP_PRIORITY. */
  readonly priority?: number;
  /** `standby N preempt`: take over from an active router of lower priority. */
  readonly preempt?: true;
  /** `standby N preempt delay minimum S`: seconds to wait before preempting. */
  readonly preemptDelay?: number;
  /** `standby N timers H D`, seconds; absent means IOS's 3 and 10. */
  readonly timers?: { readonly hello: number; readonly hold: number };
  /** `standby N name NAME`. */
  readonly name?: string;
}
