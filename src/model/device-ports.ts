/**
 * Ports as cables use them: which ports a kind has (said the way a person would,
 * "FastEthernet0/1-0/24, GigabitEthernet0/1-0/2"), which are taken, and the automatic choice
 * of a free port.
 */
import type { DeviceId } from '../shared/ids.ts';
import { type DeviceKind, KIND_PORTS, parseInterfaceName } from '../shared/ports.ts';
import { type LinkDoc, linksInOrder, type NetworkDoc } from './document.ts';

/** The ports of `kind` in ranges: "GigabitEthernet0/0-0/2" for a router. */
export function describePorts(kind: DeviceKind): string {
  const groups: { type: string; slot: string; first: number; last: number }[] = [];
  for (const port of KIND_PORTS[kind]) {
    const n = parseInterfaceName(port)!;
    const cut = n.unit.lastIndexOf('/') + 1;
    const slot = n.unit.slice(0, cut);
    const num = Number(n.unit.slice(cut));
    const g = groups[groups.length - 1];
    if (g && g.type === n.type && g.slot === slot && g.last + 1 === num) g.last = num;
    else groups.push({ type: n.type, slot, first: num, last: num });
  }
  return groups
    .map((g) =>
      g.first === g.last ? `${g.type}${g.slot}${g.first}` : `${g.type}${g.slot}${g.first}-${g.slot}${g.last}`,
    )
    .join(', ');
}

/** The cable plugged into `port` of `device`, if any. */
export function linkAt(doc: NetworkDoc, device: DeviceId, port: string): LinkDoc | undefined {
  for (const l of linksInOrder(doc)) {
    if ((l.a.device === device && l.a.port === port) || (l.b.device === device && l.b.port === port))
      return l;
  }
  return undefined;
}

const isUplinkPeer = (kind: DeviceKind): boolean => kind === 'switch' || kind === 'router';

/**
 * The port an automatic cable takes on a device of `kind` facing a device of `peerKind`:
 * the first free one, Gigabit uplinks first between switches and routers, FastEthernet
 * first towards PCs and servers (what a technician would do).
 */
export function chooseFreePort(
  kind: DeviceKind,
  peerKind: DeviceKind,
  isFree: (port: string) => boolean,
): string | undefined {
  const ports = KIND_PORTS[kind];
  const preferred = isUplinkPeer(peerKind) ? 'GigabitEthernet' : 'FastEthernet';
  const ordered = [
    ...ports.filter((p) => p.startsWith(preferred)),
    ...ports.filter((p) => !p.startsWith(preferred)),
  ];
  return ordered.find(isFree);
}
