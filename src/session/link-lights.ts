/**
 * The lights at the cable ends, read from the simulation's interfaces as the port LEDs of a
 * Catalyst or an ISR show them: green when the interface and its line protocol are up, amber
 * when the interface is up but its protocol is down or spanning tree keeps it from forwarding
 * (blocking, or listening and learning for 30 s after it came up), red when it is down or shut
 * down.
 *
 * Clients poll often (after each command, each realtime tick), so the lights are worked out
 * again only after something that could change them, and each change is stamped with a
 * version: a client that passes back the last version it saw gets only what changed since.
 */
import type { InterfaceStatus, Simulation } from '../engine/api.ts';
import { linkOf, linksInOrder, type NetworkDoc } from '../model/document.ts';
import type { DeviceId, LinkId, PortRef } from '../shared/ids.ts';
import type { CableLights, LightColour, LinkLightsUpdate } from './api.ts';

export function lightOf(
  port: Pick<InterfaceStatus, 'status' | 'protocol' | 'stpBlocked'> | undefined,
): LightColour {
  if (port?.status !== 'up') return 'red';
  return port.protocol === 'up' && port.stpBlocked !== true ? 'green' : 'amber';
}

interface Stamped {
  readonly a: LightColour;
  readonly b: LightColour;
  /** The version at which these lights were last different. */
  readonly since: number;
}

export class LinkLightBook {
  #version = 0;
  #stale = true;
  readonly #lights = new Map<LinkId, Stamped>();

  /** Something may have changed a port's state: work the lights out again when next asked. */
  invalidate(): void {
    this.#stale = true;
  }

  read(doc: NetworkDoc, sim: Simulation, since: number): LinkLightsUpdate {
    if (this.#stale) {
      this.#refresh(doc, sim);
      this.#stale = false;
    }
    // A version this book never gave (another simulator's) counts as nothing seen.
    const after = since > this.#version ? 0 : since;
    const changed: CableLights[] = [];
    if (after < this.#version) {
      for (const [link, l] of this.#lights) if (l.since > after) changed.push({ link, a: l.a, b: l.b });
    }
    return { version: this.#version, changed };
  }

  #refresh(doc: NetworkDoc, sim: Simulation): void {
    const next = this.#version + 1;
    let changed = false;
    const ports = new Map<DeviceId, Map<string, InterfaceStatus>>();
    const statusOf = (end: PortRef): InterfaceStatus | undefined => {
      let byName = ports.get(end.device);
      if (!byName) {
        byName = new Map(sim.interfaces(end.device).map((s) => [s.name, s]));
        ports.set(end.device, byName);
      }
      return byName.get(end.port);
    };
    for (const link of linksInOrder(doc)) {
      const a = lightOf(statusOf(link.a));
      const b = lightOf(statusOf(link.b));
      const before = this.#lights.get(link.id);
      if (before?.a === a && before.b === b) continue;
      this.#lights.set(link.id, { a, b, since: next });
      changed = true;
    }
    for (const id of this.#lights.keys()) if (!linkOf(doc, id)) this.#lights.delete(id);
    if (changed) this.#version = next;
  }
}
