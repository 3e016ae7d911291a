/**
 * Cisco Discovery Protocol as `show cdp neighbors` sees it. Reference: Cisco IOS Configuration
 * Fundamentals, "Using Cisco Discovery Protocol" (CDPv2 on by default on every interface, an
 * advertisement every 60 s carrying a holdtime of 180 s, one sent as soon as an interface comes
 * up). Routers and switches run it; PCs do not.
 *
 * No CDP frame is put on the wire: an entry is worked out from the cable and the neighbour's
 * state when asked, which is what the advertisements would have told. An entry exists while the
 * line is up, since IOS removes a port's neighbours when its line goes down.
 */
import { isHostKind } from '../../shared/ports.ts';
import type { Micros } from '../../shared/time.ts';
import { seconds } from '../../shared/time.ts';
import type { CdpNeighbor } from '../api.ts';
import type { Device } from './device.ts';

const CDP_TIMER = seconds(60);
const CDP_HOLDTIME = 180;

const runsCdp = (d: Device): boolean => !isHostKind(d.kind);

/** What `device` heard from its neighbours at virtual time `now`, in the order of its ports. */
export function cdpNeighbors(device: Device, now: Micros): CdpNeighbor[] {
  if (!runsCdp(device)) return [];
  const out: CdpNeighbor[] = [];
  for (const port of device.ports) {
    const peer = port.peer;
    if (!port.up || peer === null || !runsCdp(peer.owner)) continue;
    const n = peer.owner;
    // The neighbour advertised when the line came up (or it booted), then at each tick of its
    // own timer, which runs from its boot.
    const upAt = Math.max(device.interfaceLog.lastChange(port.name) ?? device.bootedAt, n.bootedAt);
    const tick = n.bootedAt + Math.floor((now - n.bootedAt) / CDP_TIMER) * CDP_TIMER;
    const heard = Math.max(tick, upAt);
    const address = n.cdpAddress(peer);
    const nativeVlan = n.cdpNativeOf(peer);
    out.push({
      port: port.name,
      device: n.id,
      hostname: n.hostname,
      kind: n.kind as CdpNeighbor['kind'],
      peerPort: peer.name,
      holdtime: CDP_HOLDTIME - Math.floor((now - heard) / seconds(1)),
      ...(address !== undefined ? { address } : {}),
      ...(nativeVlan !== undefined ? { nativeVlan } : {}),
    });
  }
  return out;
}
