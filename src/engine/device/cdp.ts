/**
 * Cisco Discovery Protocol as `show cdp neighbors` sees it. Reference: Cisco IOS Configuration
 * Fundamentals, "Using Cisco Discovery Protocol" (CDPv2 on by default on every interface, an
 * advertisement every 60 s carrying a holdtime of 180 s, one sent as soon as an interface comes
 * up; `no cdp run` turns it off on the whole device, `no cdp enable` on one interface). Routers
 * and switches run it; PCs do not.
 *
 * No CDP frame is put on the wire: an entry is worked out from the cable, and from when each
 * end ran CDP, when asked, which is what the advertisements would have told. An entry exists
 * while the line is up, since IOS removes a port's neighbours when its line goes down. A port
 * that stops running CDP forgets its neighbours and stops advertising, without a farewell: its
 * neighbour keeps the entry until the holdtime of the last advertisement runs out.
 */
import type { DeviceConfig } from '../../shared/config.ts';
import type { Micros } from '../../shared/time.ts';
import { seconds } from '../../shared/time.ts';
import type { CdpNeighbor } from '../api.ts';
import type { Device } from './device.ts';
import type { Port } from './port.ts';
import { heldFor, type Period, PortPeriods } from './port-periods.ts';

const CDP_TIMER = seconds(60);
const CDP_HOLDTIME = 180;

/** Whether `config` runs CDP on the port named `port`: `cdp run` and `cdp enable`, both defaults. */
const cdpConfigured = (config: DeviceConfig, port: string): boolean =>
  config.cdpRun !== false && config.interfaces[port]?.cdpEnable !== false;

/** When CDP ran on each port of a router or a switch, as its configuration turned it on and off. */
export class CdpPorts {
  private readonly periods = new PortPeriods();
  /** `clear cdp table`: what was heard before this time is forgotten. */
  clearedAt = Number.NEGATIVE_INFINITY;

  /** Notes which of `ports` run CDP under `config`, as of `now`. */
  update(config: DeviceConfig, ports: readonly Port[], now: number): void {
    this.periods.update(ports, now, (port) => cdpConfigured(config, port.name));
  }

  /** The port's last period of CDP, undefined if it never ran it. */
  period(index: number): Readonly<Period> | undefined {
    return this.periods.period(index);
  }
}

/** What `device` heard from its neighbours at virtual time `now`, in the order of its ports. */
export function cdpNeighbors(device: Device, now: Micros): CdpNeighbor[] {
  const mine = device.cdpPorts();
  if (mine === undefined) return [];
  const out: CdpNeighbor[] = [];
  for (const port of device.ports) {
    const peer = port.peer;
    const listening = mine.period(port.index);
    if (!port.up || peer === null || listening?.end !== Number.POSITIVE_INFINITY) continue;
    const n = peer.owner;
    const sending = n.cdpPorts()?.period(peer.index);
    if (sending === undefined) continue;
    // The neighbour advertised when the line came up, either end booted or it turned CDP on,
    // then at each tick of its own timer, which runs from its boot, until it turned CDP off.
    // This port heard those sent since it booted, turned CDP on itself and cleared its table.
    const upAt = Math.max(device.bootedAt, n.bootedAt, device.interfaceLog.lastChange(port.name) ?? 0);
    const holdtime = heldFor(
      {
        first: Math.max(upAt, sending.start),
        sending,
        phase: n.bootedAt,
        every: CDP_TIMER,
        listeningFrom: Math.max(listening.start, device.bootedAt, mine.clearedAt),
        holdtime: CDP_HOLDTIME,
      },
      now,
    );
    if (holdtime === 0) continue;
    const address = n.cdpAddress(peer);
    const nativeVlan = n.cdpNativeOf(peer);
    const { model, routing } = n.cdpPlatform();
    out.push({
      port: port.name,
      device: n.id,
      hostname: n.hostname,
      kind: n.kind as CdpNeighbor['kind'],
      peerPort: peer.name,
      ...(model !== undefined ? { model } : {}),
      routing,
      holdtime,
      ...(address !== undefined ? { address } : {}),
      ...(nativeVlan !== undefined ? { nativeVlan } : {}),
    });
  }
  return out;
}
