/**
 * A network opened from a file starts as if it had been running for a while. Its spanning
 * trees settle at once (engine/device/stp-settle.ts); its OSPF routers cannot, so they are given
 * the virtual time they would have had: the 40 s a broadcast network waits before electing
 * its designated router, the database exchange, SPF's delay. PCs autoconfiguring IPv6 likewise
 * get the second or two their router discovery takes. Consoles opened afterwards show nothing
 * of it, as a terminal plugged into a running router shows only what follows.
 */
import type { Simulation } from '../engine/api.ts';
import type { DeviceId } from '../shared/ids.ts';
import { type Micros, seconds } from '../shared/time.ts';

const STEP = seconds(1);
/** How long OSPF must stay as it is to count as converged: longer than SPF's hold time. */
const QUIET = seconds(15);
/** The most a network is run: a neighbour that never settles does not hold the opening up. */
const LIMIT = seconds(120);

/** What a converged OSPF router would keep: its neighbours, interfaces and OSPF routes. */
function ospfState(sim: Simulation, routers: readonly DeviceId[]): { text: string; settling: boolean } {
  let settling = false;
  const parts: string[] = [];
  for (const id of routers) {
    for (const p of sim.ospf(id)) {
      for (const i of p.interfaces) {
        if (i.state === 'WAIT') settling = true;
        parts.push(`${id} ${p.pid} ${i.name} ${i.state}`);
      }
      for (const n of p.neighbors) {
        if (n.state !== 'FULL' && n.state !== '2WAY') settling = true;
        parts.push(`${id} ${p.pid} ${n.routerId} ${n.iface} ${n.state}`);
      }
    }
    for (const r of sim.routes(id))
      if (r.code.startsWith('O'))
        parts.push(`${id} ${r.prefix.addr}/${r.prefix.len} ${r.metric} ${r.nextHop} ${r.interface}`);
  }
  return { text: parts.join('\n'), settling };
}

/** How long router discovery may take: a PC solicits within 1 s, a router answers within 0.5 s. */
const DISCOVERY_LIMIT = seconds(5);

/**
 * Runs a freshly opened network (`advance` moves its clock) until its OSPF routers have
 * converged and its PCs have the IPv6 addresses the routers advertise; does nothing when none
 * runs OSPF or autoconfigures IPv6.
 */
export function warmUp(sim: Simulation, devices: readonly DeviceId[], advance: (by: Micros) => void): void {
  warmOspf(sim, devices, advance);
  const advertised = devices.some((id) => sim.ipv6Interfaces(id).some((i) => i.advertises));
  if (!advertised) return;
  // An interface that autoconfigures and has no address yet is still discovering its routers.
  const discovering = () =>
    devices.some((id) => sim.ipv6Interfaces(id).some((i) => i.autoconfig && i.addresses.length === 0));
  const end = sim.now() + DISCOVERY_LIMIT;
  while (discovering() && sim.now() < end) advance(STEP);
}

function warmOspf(sim: Simulation, devices: readonly DeviceId[], advance: (by: Micros) => void): void {
  const routers = devices.filter((id) => sim.ospf(id).length > 0);
  if (routers.length === 0) return;
  const end = sim.now() + LIMIT;
  let last = '';
  let quietSince = sim.now();
  while (sim.now() < end) {
    advance(STEP);
    const { text, settling } = ospfState(sim, routers);
    if (settling || text !== last) {
      last = text;
      quietSince = sim.now();
    } else if (sim.now() - quietSince >= QUIET) return;
  }
}
