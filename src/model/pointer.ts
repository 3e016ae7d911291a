/**
 * JSON Pointers (RFC 6901) into network files: building them and ordering problems the way the
 * file reads (array items by index, object fields in the order the file format lists them).
 */

/** Escapes one reference token: "~" becomes "~0", "/" becomes "~1" (RFC 6901 §3). */
export const escapeToken = (token: string | number): string =>
  String(token).replaceAll('~', '~0').replaceAll('/', '~1');

export const childPointer = (parent: string, token: string | number): string =>
  `${parent}/${escapeToken(token)}`;

/** The fields of a network file, and of a device, in the order the file format lists them. */
export const TOP_FIELDS = ['$schema', 'version', 'devices', 'links'];
export const DEVICE_FIELDS = [
  'name',
  'kind',
  'model',
  'at',
  'config',
  'rsaKeyBits',
  'ip',
  'gateway',
  'ipv6',
  'ipv6Gateway',
  'dns',
  'dnsRecords',
];

/** Field order of the network file format; other tokens sort after these, alphabetically. */
const FIELD_ORDER = [
  ...TOP_FIELDS,
  ...DEVICE_FIELDS,
  // Inside a DNS record (after its "name").
  'type',
  'address',
  'target',
];

const isIndex = (t: string): boolean => /^(0|[1-9]\d*)$/.test(t);

function compareTokens(a: string, b: string): number {
  if (isIndex(a) && isIndex(b)) return Number(a) - Number(b);
  const ra = FIELD_ORDER.indexOf(a);
  const rb = FIELD_ORDER.indexOf(b);
  if (ra !== rb) return (ra < 0 ? FIELD_ORDER.length : ra) - (rb < 0 ? FIELD_ORDER.length : rb);
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Document order of two pointers; a pointer sorts before the pointers inside it. */
export function comparePointers(a: string, b: string): number {
  if (a === b) return 0;
  const ta = a.split('/').slice(1);
  const tb = b.split('/').slice(1);
  for (let i = 0; i < Math.min(ta.length, tb.length); i++) {
    const d = compareTokens(ta[i]!, tb[i]!);
    if (d !== 0) return d;
  }
  return ta.length - tb.length;
}
