/**
 * The document: what is saved. Devices and links keyed by stable id, with an explicit order for
 * saving and drawing. A change copies the changed entry and its id table, never the other entries
 * (bench/document.bench.ts measures what copying the table costs on large networks).
 * Routers and switches keep their configuration as IOS text (the running-config);
 * PCs and servers keep their IP settings as the network file writes them.
 */
import type { DeviceId, LinkId, PortRef } from '../shared/ids.ts';
import type { DeviceKind } from '../shared/ports.ts';
import type { ErrorKey, ErrorParams } from './errors.ts';

export const NETWORK_FILE_VERSION = 1;

export interface DeviceDoc {
  readonly id: DeviceId;
  readonly name: string;
  readonly kind: DeviceKind;
  /** Canvas position [x, y] in world units. */
  readonly at: readonly [number, number];
  /** Routers and switches: running-config as IOS text; empty means factory defaults. */
  readonly config?: string;
  /** PCs and servers: "192.168.1.10/24". */
  readonly ip?: string;
  /** PCs and servers: "192.168.1.1". */
  readonly gateway?: string;
}

export interface LinkDoc {
  readonly id: LinkId;
  readonly a: PortRef;
  readonly b: PortRef;
}

export interface NetworkDoc {
  readonly version: typeof NETWORK_FILE_VERSION;
  readonly devices: Readonly<Record<DeviceId, DeviceDoc>>;
  readonly deviceOrder: readonly DeviceId[];
  readonly links: Readonly<Record<LinkId, LinkDoc>>;
  readonly linkOrder: readonly LinkId[];
}

/** A network with nothing in it (File > New). */
export const EMPTY_NETWORK: NetworkDoc = Object.freeze({
  version: NETWORK_FILE_VERSION,
  devices: Object.freeze({}),
  deviceOrder: Object.freeze([]),
  links: Object.freeze({}),
  linkOrder: Object.freeze([]),
});

/** The network file as written on disk (shared/DESIGN.md §3). */
export interface NetworkFile {
  /** Where editors find the JSON Schema (schemas/network.schema.json); ignored by Trame. */
  $schema?: string;
  version: number;
  devices: NetworkFileDevice[];
  links: [string, string][];
}

export interface NetworkFileDevice {
  name: string;
  kind: DeviceKind;
  at: [number, number];
  config?: string;
  ip?: string;
  gateway?: string;
}

/** One problem found while loading: `file: /json/pointer: reason`. */
export interface Problem {
  /** RFC 6901 JSON pointer into the file ("" for the whole document). */
  readonly pointer: string;
  /** English text (errors.ts); the UI translates `key` with `params` instead. */
  readonly message: string;
  readonly key?: ErrorKey;
  readonly params?: ErrorParams;
}
