/**
 * Where a file's network is: the whole file for a network file, its `network` member for a
 * lab file (a starting network plus checks or a solution). Problems found in a lab's network
 * point into the lab file: `/network/...`, in their pointer and in the pointers they quote.
 */
import type { Problem } from '../../src/model/document.ts';
import { formatError } from '../../src/model/errors.ts';

export interface NetworkSource {
  /** The network file's text, or the lab's network as a value. */
  readonly network: string | unknown;
  /** "" for a network file, "/network" for a lab. */
  readonly prefix: string;
}

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

export const isLab = (v: unknown): v is { network: unknown } =>
  isObject(v) && isObject(v['network']) && (Object.hasOwn(v, 'checks') || Object.hasOwn(v, 'solution'));

export function networkSource(text: string): NetworkSource {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text.startsWith('\uFEFF') ? text.slice(1) : text);
  } catch {
    // Not JSON: the loader says where and why.
    return { network: text, prefix: '' };
  }
  return isLab(parsed) ? { network: parsed.network, prefix: '/network' } : { network: text, prefix: '' };
}

/** A problem of the embedded network as seen from the lab file. */
export function inFile(problem: Problem, prefix: string): Problem {
  if (prefix === '') return problem;
  const pointer = problem.pointer === '' ? prefix : `${prefix}${problem.pointer}`;
  if (!problem.key || !problem.params) return { ...problem, pointer };
  const params = Object.fromEntries(
    Object.entries(problem.params).map(([k, v]) => [
      k,
      typeof v === 'string' && /^\/(devices|links)(\/|$)/.test(v) ? `${prefix}${v}` : v,
    ]),
  );
  return { ...problem, pointer, params, message: formatError({ key: problem.key, params }) };
}
