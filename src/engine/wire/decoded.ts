/**
 * What every wire decoder returns: the typed value, or why the bytes cannot be one.
 * Decoders check lengths before every access and never throw.
 */
export type Decoded<T> =
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly error: string };

export const decoded = <T>(value: T): Decoded<T> => ({ ok: true, value });

export const malformed = <T>(error: string): Decoded<T> => ({ ok: false, error });
