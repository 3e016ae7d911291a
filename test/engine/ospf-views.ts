/** OSPF's state as the engine tests compare it: neighbours and OSPF routes, one line each. */
import { deviceId } from '../../src/shared/ids.ts';
import { formatIpv4 } from '../../src/shared/ipv4.ts';
import type { TestNet } from './net.ts';

/** "ROUTER-ID STATE/ROLE INTERFACE" for each neighbour of device `name`, process by process. */
export const neighbors = (n: TestNet, name: string): string[] =>
  n.sim
    .ospf(deviceId(name))
    .flatMap((p) => p.neighbors.map((x) => `${formatIpv4(x.routerId)} ${x.state}/${x.role} ${x.iface}`));

/** "CODE PREFIX [DISTANCE/METRIC] via NEXT-HOP INTERFACE" for each OSPF route of device `name`. */
export const ospfRoutes = (n: TestNet, name: string): string[] =>
  n.sim
    .routes(deviceId(name))
    .filter((r) => r.code.startsWith('O'))
    .map(
      (r) =>
        `${r.code} ${formatIpv4(r.prefix.addr)}/${r.prefix.len} [${r.distance}/${r.metric}] via ${formatIpv4(r.nextHop!)} ${r.interface}`,
    );
