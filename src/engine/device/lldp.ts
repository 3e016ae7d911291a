/**
 * LLDP, IEEE 802.1AB, as `show lldp neighbors` sees it. Reference: Catalyst 2960 and ISR IOS
 * 15 configuration guides, "Configuring LLDP" (off until `lldp run`; then on every port, both
 * ways unless `no lldp transmit` / `no lldp receive`; an advertisement every 30 s carrying a
 * hold time of 120 s, one sent as soon as a port comes up). Routers and switches run it; PCs,
 * as Windows out of the box, do not.
 *
 * As with CDP (cdp.ts), no LLDP frame is put on the wire: an entry is worked out from the
 * cable and from when each end transmitted and received, which is what the advertisements
 * would have told. A port whose line goes down forgets its neighbours; one that stops
 * transmitting leaves its neighbour's entry to age out with the last advertisement's hold time.
 */
import type { DeviceConfig } from '../../shared/config.ts';
import type { Micros } from '../../shared/time.ts';
import { seconds } from '../../shared/time.ts';
import type { LldpNeighbor } from '../api.ts';
import type { Device } from './device.ts';
import type { Port } from './port.ts';
import { heldFor, PortPeriods } from './port-periods.ts';

const LLDP_TIMER = seconds(30);
const LLDP_HOLDTIME = 120;

/** When each port of a router or a switch transmitted and received LLDP. */
export class LldpPorts {
  readonly transmit = new PortPeriods();
  readonly receive = new PortPeriods();

  /** Notes which of `ports` transmit and receive under `config`, as of `now`. */
  update(config: DeviceConfig, ports: readonly Port[], now: number): void {
    const on = config.lldpRun === true;
    this.transmit.update(ports, now, (p) => on && config.interfaces[p.name]?.lldpTransmit !== false);
    this.receive.update(ports, now, (p) => on && config.interfaces[p.name]?.lldpReceive !== false);
  }
}

/** What `device` heard over LLDP at virtual time `now`, in the order of its ports. */
export function lldpNeighbors(device: Device, now: Micros): LldpNeighbor[] {
  const mine = device.lldpPorts();
  if (mine === undefined) return [];
  const out: LldpNeighbor[] = [];
  for (const port of device.ports) {
    const peer = port.peer;
    const listening = mine.receive.period(port.index);
    if (!port.up || peer === null || listening?.end !== Number.POSITIVE_INFINITY) continue;
    const n = peer.owner;
    const sending = n.lldpPorts()?.transmit.period(peer.index);
    if (sending === undefined) continue;
    // The neighbour advertised when the line came up, either end booted or it started
    // transmitting, then every 30 s from then on, until it stopped.
    const upAt = Math.max(device.bootedAt, n.bootedAt, device.interfaceLog.lastChange(port.name) ?? 0);
    const first = Math.max(upAt, sending.start);
    const remaining = heldFor(
      {
        first,
        sending,
        phase: first,
        every: LLDP_TIMER,
        listeningFrom: Math.max(listening.start, device.bootedAt),
        holdtime: LLDP_HOLDTIME,
      },
      now,
    );
    if (remaining === 0) continue;
    const address = n.cdpAddress(peer);
    const vlan = n.cdpNativeOf(peer);
    const { model, routing } = n.cdpPlatform();
    out.push({
      port: port.name,
      device: n.id,
      hostname: n.hostname,
      kind: n.kind as LldpNeighbor['kind'],
      peerPort: peer.name,
      portDescription: n.interfaceDescription(peer.name) ?? peer.name,
      chassisId: n.baseMac(),
      ...(model !== undefined ? { model } : {}),
      routing,
      remaining,
      ...(address !== undefined ? { address } : {}),
      ...(vlan !== undefined ? { vlan } : {}),
    });
  }
  return out;
}
