/**
 * Port security on a Catalyst access port (Catalyst 2960 Software Configuration Guide,
 * "Configuring Port-Based Traffic Control", Port Security): a port takes frames from at most
 * `maximum` source addresses, its secure addresses; the first ones to arrive are learned, up to
 * the maximum, unless typed in advance. A frame from any other address is a violation:
 *
 * - protect: the frame is dropped, nothing is counted or logged;
 * - restrict: dropped, the violation counter goes up and the switch logs it;
 * - shutdown (the default): the port is error-disabled (its line goes down) until it is shut
 *   down and brought up again; the counter goes up and the switch logs it.
 *
 * Learned addresses are dynamic, forgotten when the line goes down, or sticky (`mac-address
 * sticky`), which the switch writes into its running-config as it learns them, so saving the
 * configuration keeps them; turning sticky learning off makes them dynamic again.
 *
 * Aging (`aging time N [type inactivity] [static]`): a learned address is forgotten N minutes
 * after it was learned (absolute) or after its last frame (inactivity), a typed one too with
 * `aging static`; sticky addresses never age. Aging is lazy, as the MAC table's: an address
 * past its time is dropped when the port next takes a frame or is listed.
 *
 * Not modelled: the violation a secure address of one port causes when it shows up on another
 * secure port of the same VLAN.
 */
import type { PortSecurityConfig, SecureMac, SecurityViolation } from '../../shared/config.ts';
import type { MacAddr } from '../../shared/mac.ts';
import { type Micros, seconds } from '../../shared/time.ts';

/** What `check` made of a frame's source address. */
export const SECURE_OK = 0;
/** Dropped: protect or restrict mode. */
export const SECURE_DROP = 1;
/** Dropped, and the port is to be error-disabled. */
export const SECURE_SHUTDOWN = 2;
export type SecureVerdict = 0 | 1 | 2;

export type SecureKind = 'configured' | 'sticky' | 'dynamic';

export interface SecureAddress {
  readonly mac: MacAddr;
  readonly vlan: number;
  readonly kind: SecureKind;
  /** When its aging time started: when it was learned or typed, or (inactivity) its last frame. */
  since: Micros;
  /** Minutes left before it ages out; set on the addresses `addresses` lists, when they age. */
  remaining?: number;
}

const MINUTE = seconds(60);

export class PortSecurity {
  readonly maximum: number;
  readonly violation: SecurityViolation;
  readonly sticky: boolean;
  /** Aging time in microseconds; 0 when addresses do not age. */
  private readonly agingTime: number;
  private readonly inactivity: boolean;
  private readonly agingStatic: boolean;
  /** Secure addresses by address, in the order they came. */
  private readonly secure = new Map<number, SecureAddress>();
  /** Sticky addresses learned and not yet taken into the configuration (`takeLearned`). */
  private learned: SecureMac[] = [];
  /** Violations counted (restrict and shutdown modes). */
  violations = 0;
  /** The source address and VLAN of the last frame the port took in (-1: none yet). */
  lastMac = -1;
  lastVlan = 0;

  /**
   * From `cfg` on a port whose access VLAN is `vlan`; with the port's `previous` state, the
   * addresses it learned (those that still fit) and its counter carry over.
   */
  constructor(cfg: PortSecurityConfig, vlan: number, previous: PortSecurity | null, now: Micros) {
    this.maximum = cfg.maximum;
    this.violation = cfg.violation;
    this.sticky = cfg.sticky;
    this.agingTime = (cfg.agingTime ?? 0) * MINUTE;
    this.inactivity = cfg.agingInactivity === true;
    this.agingStatic = cfg.agingStatic === true;
    for (const m of cfg.macs) {
      if (this.secure.size >= this.maximum) break;
      const since = previous?.secure.get(m.mac)?.since ?? now;
      this.secure.set(m.mac, {
        mac: m.mac,
        vlan: m.vlan ?? vlan,
        kind: m.sticky ? 'sticky' : 'configured',
        since,
      });
    }
    if (previous === null) return;
    this.violations = previous.violations;
    this.lastMac = previous.lastMac;
    this.lastVlan = previous.lastVlan;
    // Sticky addresses learned but not yet written into the configuration.
    const pending = new Set(previous.learned.map((m) => m.mac));
    for (const a of previous.secure.values()) {
      if (a.vlan !== vlan || this.secure.has(a.mac)) continue;
      // Learned addresses carry over, sticky ones too when sticky learning was turned off (IOS
      // makes them dynamic) or they were still on their way into the configuration (the port
      // would otherwise learn them again and write them twice). A typed or written address the
      // configuration no longer has was removed.
      const learned = a.kind === 'dynamic' || (a.kind === 'sticky' && (pending.has(a.mac) || !this.sticky));
      if (!learned) continue;
      if (this.secure.size >= this.maximum) break;
      // Turning sticky learning on makes the addresses learned so far sticky, as on IOS.
      this.learnAddress(a.mac, a.vlan, a.since);
    }
  }

  private ages(a: SecureAddress): boolean {
    return this.agingTime > 0 && (a.kind === 'dynamic' || (a.kind === 'configured' && this.agingStatic));
  }

  /** Forgets the addresses whose aging time has run out by `now`. */
  private expire(now: Micros): void {
    for (const [mac, a] of this.secure)
      if (this.ages(a) && a.since + this.agingTime <= now) this.secure.delete(mac);
  }

  /** Whether sticky addresses were learned and not yet taken. */
  get hasLearned(): boolean {
    return this.learned.length > 0;
  }

  /**
   * A frame from `mac` in VLAN `vlan` arrived: learns the address if there is room for it, and
   * says whether the frame may go on.
   */
  check(mac: MacAddr, vlan: number, now: Micros): SecureVerdict {
    this.lastMac = mac;
    this.lastVlan = vlan;
    if (this.agingTime > 0) this.expire(now);
    const known = this.secure.get(mac);
    if (known !== undefined && known.vlan === vlan) {
      if (this.inactivity) known.since = now;
      return SECURE_OK;
    }
    if (known === undefined && this.secure.size < this.maximum) {
      this.learnAddress(mac, vlan, now);
      return SECURE_OK;
    }
    if (this.violation === 'protect') return SECURE_DROP;
    this.violations++;
    return this.violation === 'shutdown' ? SECURE_SHUTDOWN : SECURE_DROP;
  }

  private learnAddress(mac: MacAddr, vlan: number, since: Micros): void {
    const kind: SecureKind = this.sticky ? 'sticky' : 'dynamic';
    this.secure.set(mac, { mac, vlan, kind, since });
    if (kind === 'sticky') this.learned.push({ mac, vlan, sticky: true });
  }

  /** Forgets the addresses of `kinds` (only `mac`, if given), and returns them. */
  clear(kinds: readonly SecureKind[], mac?: MacAddr): SecureAddress[] {
    const gone: SecureAddress[] = [];
    for (const [m, a] of this.secure) {
      if (!kinds.includes(a.kind) || (mac !== undefined && m !== mac)) continue;
      this.secure.delete(m);
      gone.push(a);
    }
    // Sticky addresses on their way into the configuration no longer go there.
    this.learned = this.learned.filter((l) => this.secure.has(l.mac));
    return gone;
  }

  /** The line went down: dynamic addresses are forgotten, sticky and typed ones stay. */
  lineDown(): void {
    for (const [mac, a] of this.secure) if (a.kind === 'dynamic') this.secure.delete(mac);
  }

  /** Sticky addresses learned since the last call, for the running-config. */
  takeLearned(): SecureMac[] {
    const out = this.learned;
    this.learned = [];
    return out;
  }

  /** The secure addresses at `now`, with the minutes left to those that age. */
  addresses(now: Micros): SecureAddress[] {
    this.expire(now);
    return [...this.secure.values()].map((a) =>
      this.ages(a) ? { ...a, remaining: Math.ceil((a.since + this.agingTime - now) / MINUTE) } : a,
    );
  }
}
