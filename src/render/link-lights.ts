/**
 * The light at each end of a cable, derived from the document: a port is administratively
 * down when its running-config says ` shutdown` (router ports ship shut down, switch and host
 * ports up), and a cable's lights are green only when both of its ports are up, as on real
 * equipment where a shut port takes the line protocol down on both sides.
 */
import type { DeviceDoc, LinkDoc } from '../model/document.ts';

export type LightState = 'up' | 'down';

const shutdownCache = new WeakMap<DeviceDoc, ReadonlyMap<string, boolean>>();

/** Interface name -> shut down, for the interfaces the config text mentions. */
export function parseShutdowns(config: string): ReadonlyMap<string, boolean> {
  const out = new Map<string, boolean>();
  let current: string | undefined;
  for (const raw of config.split(/\r?\n/)) {
    const line = raw.trimEnd();
    const header = /^interface\s+(\S+)$/i.exec(line);
    if (header) {
      current = header[1]!;
      if (!out.has(current)) out.set(current, false);
      continue;
    }
    if (!line.startsWith(' ')) {
      current = undefined;
      continue;
    }
    if (current === undefined) continue;
    const cmd = line.trim();
    if (cmd === 'shutdown') out.set(current, true);
    else if (cmd === 'no shutdown') out.set(current, false);
  }
  return out;
}

export function portAdminUp(device: DeviceDoc, port: string): boolean {
  if (device.kind === 'pc' || device.kind === 'server') return true;
  let shut = shutdownCache.get(device);
  if (!shut) {
    shut = parseShutdowns(device.config ?? '');
    shutdownCache.set(device, shut);
  }
  const s = shut.get(port);
  if (s !== undefined) return !s;
  return device.kind === 'switch';
}

export function linkState(link: LinkDoc, a: DeviceDoc | undefined, b: DeviceDoc | undefined): LightState {
  if (!a || !b) return 'down';
  return portAdminUp(a, link.a.port) && portAdminUp(b, link.b.port) ? 'up' : 'down';
}
