/**
 * What a Catalyst (and, for CDP's duplex mismatches, a router) prints on its own about its
 * layer-2 neighbourhood:
 *
 * - %SW_MATM-4-MACFLAP_NOTIF when an address moves between two ports while still fresh, the
 *   usual first sign of a cabling loop ("Host 0015.5d91.8502 in vlan 1 is flapping between
 *   port Gi0/1 and port Gi0/2").
 * - %CDP-4-NATIVE_VLAN_MISMATCH for a trunk whose neighbour has another native VLAN, as CDP
 *   finds it in each advertisement: when the trunk comes up, then every 60 s (CDP's default
 *   timer) while it lasts ("Native VLAN mismatch discovered on FastEthernet0/1 (100), with SW2
 *   FastEthernet0/1 (1).").
 * - %CDP-4-DUPLEX_MISMATCH for a link whose two ends run different duplex modes, each end
 *   from its own side, on the same schedule ("duplex mismatch discovered on FastEthernet0/24
 *   (not half duplex), with S2 FastEthernet0/24 (half duplex).").
 * - %PORT_SECURITY-2-PSECURE_VIOLATION for each frame a secure port refuses in restrict or
 *   shutdown mode, after %PM-4-ERR_DISABLE when it shuts the port (captured on a 2960: both at
 *   the same time, the port's short name in the first, its full name in the second).
 * - %PM-4-ERR_RECOVER when `errdisable recovery` brings such a port back, before the port's
 *   own %LINK and %LINEPROTO messages if it comes up.
 * - %IP-4-DUPADDR when ARP from another station gives one of the device's addresses as its
 *   sender, at most once every 30 s however often it comes (IOS rate-limits the message:
 *   captures show it repeated 30 s apart while the other station keeps sending), the other
 *   station's hardware address dotted ("Duplicate address 192.168.10.1 on FastEthernet0/0,
 *   sourced by 0800.27ef.e2a9").
 */
import { formatIpv4 } from '../../shared/ipv4.ts';
import { formatMacDotted } from '../../shared/mac.ts';
import { shortInterfaceName } from '../../shared/ports.ts';
import { type Micros, seconds } from '../../shared/time.ts';
import type { IosDeviceContext } from '../context.ts';
import { LINEPROTO_DELAY } from './link-log.ts';
import type { LogEntry } from './shell.ts';

/** CDP's default advertisement interval. */
export const CDP_INTERVAL = seconds(60);
/** Shortest gap between two %IP-4-DUPADDR messages. */
export const DUPADDR_INTERVAL = seconds(30);

export class SwitchNotices {
  /** The engine's sequence numbers of the next flap, violation... to report, from the oldest held. */
  private nextFlap = 0;
  private nextViolation = 0;
  private nextRecovery = 0;
  private nextConflict = 0;
  /** When %IP-4-DUPADDR was last printed. */
  private lastDupAddr = Number.NEGATIVE_INFINITY;
  /** Per CDP mismatch (kind and port): when it started, and the next report's time. */
  private readonly mismatches = new Map<string, { since: Micros; next: Micros }>();

  constructor(private readonly dev: IosDeviceContext) {}

  /**
   * What CDP finds wrong with the neighbours, as of now: each with its message and the time CDP
   * first heard it. CDP runs over the line protocol: a mismatch that came with the link coming
   * up is heard once the line protocol is up, a second later.
   */
  private cdpMismatches(): { key: string; since: Micros; text: string }[] {
    const { sim, id } = this.dev;
    const duplex = (d: 'full' | 'half') => `${d} duplex`;
    const natives = sim.nativeVlanMismatches(id);
    const duplexes = sim.duplexMismatches(id);
    if (natives.length === 0 && duplexes.length === 0) return [];
    const upAt = new Map(sim.interfaces(id).map((i) => [i.name, i.lastChange]));
    const heard = (port: string, since: Micros): Micros =>
      upAt.get(port) === since ? ((since + LINEPROTO_DELAY) as Micros) : since;
    return [
      ...natives.map((m) => ({
        key: `native ${m.port}`,
        since: heard(m.port, m.since),
        text:
          `%CDP-4-NATIVE_VLAN_MISMATCH: Native VLAN mismatch discovered on ${m.port} (${m.nativeVlan}), ` +
          `with ${m.peerHostname} ${m.peerPort} (${m.peerNativeVlan}).`,
      })),
      ...duplexes.map((m) => ({
        key: `duplex ${m.port}`,
        since: heard(m.port, m.since),
        text:
          `%CDP-4-DUPLEX_MISMATCH: duplex mismatch discovered on ${m.port} (not ${duplex(m.peerDuplex)}), ` +
          `with ${m.peerHostname} ${m.peerPort} (${duplex(m.peerDuplex)}).`,
      })),
    ];
  }

  /** Messages raised since the previous call, each stamped with its time. */
  poll(): LogEntry[] {
    const { sim, id } = this.dev;
    const { flaps, next } = sim.macFlaps(id, this.nextFlap);
    this.nextFlap = next;
    const out: LogEntry[] = flaps.map((f) => ({
      at: f.at,
      text:
        `%SW_MATM-4-MACFLAP_NOTIF: Host ${formatMacDotted(f.mac)} in vlan ${f.vlan} is flapping between ` +
        `port ${shortInterfaceName(f.from)} and port ${shortInterfaceName(f.to)}`,
    }));
    const read = sim.securityViolations(id, this.nextViolation);
    this.nextViolation = read.next;
    for (const v of read.violations) {
      if (v.shutdown) {
        const port = shortInterfaceName(v.port);
        out.push({
          at: v.at,
          text: `%PM-4-ERR_DISABLE: psecure-violation error detected on ${port}, putting ${port} in err-disable state`,
        });
      }
      out.push({
        at: v.at,
        text:
          '%PORT_SECURITY-2-PSECURE_VIOLATION: Security violation occurred, caused by MAC address ' +
          `${formatMacDotted(v.mac)} on port ${v.port}.`,
      });
    }
    const recovered = sim.errdisableRecoveries(id, this.nextRecovery);
    this.nextRecovery = recovered.next;
    for (const r of recovered.recoveries) {
      out.push({
        at: r.at,
        text:
          `%PM-4-ERR_RECOVER: Attempting to recover from ${r.cause} err-disable state on ` +
          shortInterfaceName(r.port),
      });
    }
    const conflicts = sim.addressConflicts(id, this.nextConflict);
    this.nextConflict = conflicts.next;
    for (const c of conflicts.conflicts) {
      if (c.at - this.lastDupAddr < DUPADDR_INTERVAL) continue;
      this.lastDupAddr = c.at;
      out.push({
        at: c.at,
        text: `%IP-4-DUPADDR: Duplicate address ${formatIpv4(c.addr)} on ${c.iface}, sourced by ${formatMacDotted(c.mac)}`,
      });
    }
    const now = sim.now();
    const current = new Set<string>();
    for (const m of this.cdpMismatches()) {
      current.add(m.key);
      let seen = this.mismatches.get(m.key);
      if (seen === undefined || seen.since !== m.since) {
        seen = { since: m.since, next: m.since };
        this.mismatches.set(m.key, seen);
      }
      // A console that was not read for a long while shows the latest report, not a backlog.
      const behind = Math.floor((now - seen.next) / CDP_INTERVAL);
      if (behind > 0) seen.next = (seen.next + behind * CDP_INTERVAL) as Micros;
      for (; seen.next <= now; seen.next = (seen.next + CDP_INTERVAL) as Micros) {
        out.push({ at: seen.next, text: m.text });
      }
    }
    for (const port of [...this.mismatches.keys()]) if (!current.has(port)) this.mismatches.delete(port);
    return out;
  }
}
