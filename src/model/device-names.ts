/**
 * Device names. Cables ("S1:FastEthernet0/1") and scripts ("R1: show ip route") address devices
 * by name, so a name has no spaces and no ':', and names are unique ignoring case.
 */
import type { DeviceId } from '../shared/ids.ts';
import { isMultilayer, type SwitchModel } from '../shared/models.ts';
import type { DeviceKind } from '../shared/ports.ts';
import { devicesInOrder, type NetworkDoc } from './document.ts';
import { type ModelError, modelError } from './errors.ts';

/** Why `name` cannot name a device, whatever the other devices are called. */
export function nameSyntaxError(name: string): ModelError | undefined {
  if (name.length === 0) return modelError('error.nameEmpty');
  if (/[\s:\p{Cc}]/u.test(name)) return modelError('error.nameInvalid', { name });
  return undefined;
}

/** The key under which names are compared. */
export const nameKey = (name: string): string => name.toLowerCase();

/** The device called `name` (ignoring case), if any. */
export function deviceByName(doc: NetworkDoc, name: string): DeviceId | undefined {
  const key = nameKey(name);
  return devicesInOrder(doc).find((d) => nameKey(d.name) === key)?.id;
}

/** Packet Tracer-like prefixes of automatic names: R1, S1, PC1, Server1. */
export const NAME_PREFIX: Readonly<Record<DeviceKind, string>> = {
  router: 'R',
  switch: 'S',
  pc: 'PC',
  server: 'Server',
};

/** Packet Tracer names its multilayer switches MLS1, MLS2... */
export const MULTILAYER_PREFIX = 'MLS';

/** The prefix of automatic names for a device of `kind` (and, for switches, `model`). */
export const namePrefix = (kind: DeviceKind, model?: SwitchModel): string =>
  kind === 'switch' && isMultilayer(model) ? MULTILAYER_PREFIX : NAME_PREFIX[kind];

/** The first unused automatic name for a new device of `kind` (and `model`). */
export function autoName(doc: NetworkDoc, kind: DeviceKind, model?: SwitchModel): string {
  const taken = new Set(devicesInOrder(doc).map((d) => nameKey(d.name)));
  const prefix = namePrefix(kind, model);
  for (let n = 1; ; n++) {
    const name = `${prefix}${n}`;
    if (!taken.has(nameKey(name))) return name;
  }
}
