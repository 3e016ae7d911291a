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
 * Not modelled: aging of secure addresses, and the violation a secure address of one port
 * causes when it shows up on another secure port of the same VLAN.
 */
import type { PortSecurityConfig, SecureMac, SecurityViolation } from '../../shared/config.ts';
import type { MacAddr } from '../../shared/mac.ts';

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
}

export class PortSecurity {
  readonly maximum: number;
  readonly violation: SecurityViolation;
  readonly sticky: boolean;
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
  constructor(cfg: PortSecurityConfig, vlan: number, previous: PortSecurity | null) {
    this.maximum = cfg.maximum;
    this.violation = cfg.violation;
    this.sticky = cfg.sticky;
    for (const m of cfg.macs) {
      if (this.secure.size >= this.maximum) break;
      this.secure.set(m.mac, { mac: m.mac, vlan: m.vlan ?? vlan, kind: m.sticky ? 'sticky' : 'configured' });
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
      this.learnAddress(a.mac, a.vlan);
    }
  }

  /** Whether sticky addresses were learned and not yet taken. */
  get hasLearned(): boolean {
    return this.learned.length > 0;
  }

  /**
   * A frame from `mac` in VLAN `vlan` arrived: learns the address if there is room for it, and
   * says whether the frame may go on.
   */
  check(mac: MacAddr, vlan: number): SecureVerdict {
    this.lastMac = mac;
    this.lastVlan = vlan;
    const known = this.secure.get(mac);
    if (known !== undefined && known.vlan === vlan) return SECURE_OK;
    if (known === undefined && this.secure.size < this.maximum) {
      this.learnAddress(mac, vlan);
      return SECURE_OK;
    }
    if (this.violation === 'protect') return SECURE_DROP;
    this.violations++;
    return this.violation === 'shutdown' ? SECURE_SHUTDOWN : SECURE_DROP;
  }

  private learnAddress(mac: MacAddr, vlan: number): void {
    const kind: SecureKind = this.sticky ? 'sticky' : 'dynamic';
    this.secure.set(mac, { mac, vlan, kind });
    if (kind === 'sticky') this.learned.push({ mac, vlan, sticky: true });
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

  addresses(): SecureAddress[] {
    return [...this.secure.values()];
  }
}
