/** Looking at values parsed from JSON, which may be anything, for problem reports. */

export type JsonObject = Record<string, unknown>;

/** A plain object, as JSON.parse makes them (not an array, a Map or a class instance). */
export function isObject(v: unknown): v is JsonObject {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return false;
  const proto: unknown = Object.getPrototypeOf(v);
  return proto === Object.prototype || proto === null;
}

export const has = (o: JsonObject, key: string): boolean => Object.hasOwn(o, key);

/** A short rendering of a value for a problem message: its JSON, cut at 40 characters. */
export function preview(v: unknown): string {
  let s: string | undefined;
  try {
    s = typeof v === 'number' && !Number.isFinite(v) ? String(v) : JSON.stringify(v);
  } catch {
    s = undefined;
  }
  if (s === undefined) s = `(${typeof v})`;
  return s.length > 40 ? `${s.slice(0, 39)}…` : s;
}
