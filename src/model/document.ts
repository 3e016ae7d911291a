/**
 * The document: what is saved. Devices and links keyed by stable id, with an explicit order for
 * saving and drawing. The id tables are split into buckets by a hash of the id, so a change
 * copies the changed entry, its bucket and the bucket index, never the other entries: moving
 * one device of a thousand copies about 80 references instead of a thousand
 * (bench/document.bench.ts). The order arrays are copied only when a device or cable is added
 * or removed. Read entries through deviceOf/linkOf and devicesInOrder/linksInOrder.
 * Routers and switches keep their configuration as IOS text (the running-config);
 * PCs and servers keep their IP (IPv4 and IPv6) and DNS settings as the network file writes them.
 */
import { freeze } from 'immer';
import type { DeviceId, LinkId, PortRef } from '../shared/ids.ts';
import type { SwitchModel } from '../shared/models.ts';
import type { DeviceKind } from '../shared/ports.ts';
import type { ErrorKey, ErrorParams } from './errors.ts';

export const NETWORK_FILE_VERSION = 1;

export interface DeviceDoc {
  readonly id: DeviceId;
  readonly name: string;
  readonly kind: DeviceKind;
  /** Switches: the hardware model; absent means a 2960-24TT (DEFAULT_SWITCH_MODEL). */
  readonly model?: SwitchModel;
  /** Canvas position [x, y] in world units. */
  readonly at: readonly [number, number];
  /** Routers and switches: running-config as IOS text; empty means factory defaults. */
  readonly config?: string;
  /**
   * Routers and switches: the size of the RSA key pair `crypto key generate rsa` made (SSH
   * needs it). IOS keeps keys outside the running-config, so the text never carries them.
   */
  readonly rsaKeyBits?: number;
  /** PCs and servers: "192.168.1.10/24". */
  readonly ip?: string;
  /** PCs and servers: "192.168.1.1". */
  readonly gateway?: string;
  /**
   * PCs and servers: IPv6 runs while present (host-ipv6.ts): "auto" (autoconfiguration) and at
   * most one static "2001:db8:1::10/64", in that order; empty, only its link-local address.
   */
  readonly ipv6?: readonly string[];
  /** PCs and servers: the IPv6 default gateway, "fe80::1"; only with `ipv6`. */
  readonly ipv6Gateway?: string;
  /** PCs and servers: the DNS servers typed for the adapter, asked in order; never empty. */
  readonly dns?: readonly string[];
  /** Servers: the DNS service's records; present, even empty, while the service is on. */
  readonly dnsRecords?: readonly DnsRecordDoc[];
}

/**
 * A DNS record as the file writes it: a name's IPv4 address (A) or the name it is an alias of
 * (CNAME). Names are dotted labels without a final dot, kept in the case they were written.
 */
export type DnsRecordDoc =
  | { readonly name: string; readonly type: 'A'; readonly address: string }
  | { readonly name: string; readonly type: 'CNAME'; readonly target: string };

export interface LinkDoc {
  readonly id: LinkId;
  readonly a: PortRef;
  readonly b: PortRef;
}

/**
 * How many buckets an id table has (a power of two). About the square root of the largest
 * networks edited, as a change copies the bucket index plus one bucket; files never see it.
 */
export const TABLE_BUCKETS = 64;

/** The name of a bucket: a named key, which V8 copies and freezes faster than an integer one. */
export type BucketKey = `b${number}`;

const BUCKET_KEYS: readonly BucketKey[] = Array.from({ length: TABLE_BUCKETS }, (_, i): BucketKey => `b${i}`);

/**
 * Entries keyed by id, in TABLE_BUCKETS buckets chosen by bucketOf(id). Every bucket is always
 * present, empty or not, so two tables with the same entries are deeply equal whatever was
 * added and removed on the way (undo restores the exact previous document).
 */
export type IdTable<K extends string, V> = Readonly<Record<BucketKey, Readonly<Record<K, V>>>>;

/**
 * The bucket holding `id`: 32-bit FNV-1a over its UTF-16 code units. Deterministic, so the
 * worker's document and the page's mirror (which applies the worker's patches, whose paths
 * name the bucket) always agree.
 */
export function bucketOf(id: string): BucketKey {
  let h = 0x811c9dc5;
  for (let i = 0; i < id.length; i++) h = Math.imul(h ^ id.charCodeAt(i), 0x01000193);
  return BUCKET_KEYS[h & (TABLE_BUCKETS - 1)]!;
}

/** The bucket of `table` that holds (or would hold) `id`; for writers, this works on a draft too. */
export const bucketFor = <T>(table: Readonly<Record<BucketKey, T>>, id: string): T => table[bucketOf(id)]!;

/** A table holding `entries` (frozen only if the caller freezes it). */
export function idTable<K extends string, V extends { readonly id: K }>(
  entries: readonly V[],
): IdTable<K, V> {
  const table = {} as Record<BucketKey, Record<K, V>>;
  for (const key of BUCKET_KEYS) table[key] = {} as Record<K, V>;
  for (const e of entries) bucketFor(table, e.id)[e.id] = e;
  return table;
}

export interface NetworkDoc {
  readonly version: typeof NETWORK_FILE_VERSION;
  readonly devices: IdTable<DeviceId, DeviceDoc>;
  readonly deviceOrder: readonly DeviceId[];
  readonly links: IdTable<LinkId, LinkDoc>;
  readonly linkOrder: readonly LinkId[];
}

export const deviceOf = (doc: NetworkDoc, id: DeviceId): DeviceDoc | undefined =>
  doc.devices[bucketOf(id)]?.[id];

export const linkOf = (doc: NetworkDoc, id: LinkId): LinkDoc | undefined => doc.links[bucketOf(id)]?.[id];

/** The devices in document order (saving, drawing, listing). */
export const devicesInOrder = (doc: NetworkDoc): DeviceDoc[] => inOrder(doc.devices, doc.deviceOrder);

/** The cables in document order. */
export const linksInOrder = (doc: NetworkDoc): LinkDoc[] => inOrder(doc.links, doc.linkOrder);

/**
 * The entries of `next` that `previous` does not hold as they are (added or replaced), in
 * `order`. Only the buckets that differ are visited: after a change that copied one bucket,
 * this costs one bucket, not the whole table.
 */
export function changedEntries<K extends string, V extends { readonly id: K }>(
  previous: IdTable<K, V>,
  next: IdTable<K, V>,
  order: readonly K[],
): V[] {
  const found: V[] = [];
  if (previous === next) return found;
  for (const key of BUCKET_KEYS) {
    const before = previous[key];
    const after = next[key];
    if (before === after || after === undefined) continue;
    for (const id of Object.keys(after) as K[]) {
      const entry = after[id]!;
      if (before?.[id] !== entry) found.push(entry);
    }
  }
  if (found.length > 1) {
    const rank = new Map(order.map((id, i) => [id, i]));
    found.sort((a, b) => (rank.get(a.id) ?? 0) - (rank.get(b.id) ?? 0));
  }
  return found;
}

function inOrder<K extends string, V>(table: IdTable<K, V>, order: readonly K[]): V[] {
  const out: V[] = [];
  for (const id of order) {
    const entry = table[bucketOf(id)]?.[id];
    if (entry !== undefined) out.push(entry);
  }
  return out;
}

/** A network with nothing in it (File > New). */
export const EMPTY_NETWORK: NetworkDoc = freeze(
  { version: NETWORK_FILE_VERSION, devices: idTable([]), deviceOrder: [], links: idTable([]), linkOrder: [] },
  true,
);

/** The network file as written on disk (schemas/network.schema.json). */
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
  model?: SwitchModel;
  at: [number, number];
  config?: string;
  rsaKeyBits?: number;
  ip?: string;
  gateway?: string;
  /** "auto" or one static address as a string; both, or none (link-local only), as a list. */
  ipv6?: string | string[];
  ipv6Gateway?: string;
  /** One DNS server as a string, several as a list. */
  dns?: string | string[];
  dnsRecords?: DnsRecordDoc[];
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
