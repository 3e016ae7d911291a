/**
 * The page's read-only copy of the document. The Session in the worker is the one writer;
 * it answers each command with immer patches, which this mirror applies so that the renderer
 * and panels see the same document without refetching it.
 */
import { applyPatches, enablePatches, type Patch } from 'immer';
import type { NetworkDoc } from '../model/document.ts';

enablePatches();

/** An immer patch as it crosses the worker boundary (plain data). */
export interface MirrorPatch {
  readonly op: 'replace' | 'remove' | 'add';
  readonly path: readonly (string | number)[];
  readonly value?: unknown;
}

export const EMPTY_DOC: NetworkDoc = { version: 1, devices: {}, deviceOrder: [], links: {}, linkOrder: [] };

export class DocMirror {
  #doc: NetworkDoc = EMPTY_DOC;
  readonly #listeners = new Set<(doc: NetworkDoc) => void>();

  get doc(): NetworkDoc {
    return this.#doc;
  }

  reset(doc: NetworkDoc): void {
    this.#doc = doc;
    this.#notify();
  }

  apply(patches: readonly MirrorPatch[]): void {
    if (patches.length === 0) return;
    this.#doc = applyPatches(this.#doc, patches as Patch[]);
    this.#notify();
  }

  subscribe(fn: (doc: NetworkDoc) => void): () => void {
    this.#listeners.add(fn);
    return () => this.#listeners.delete(fn);
  }

  #notify(): void {
    for (const fn of this.#listeners) fn(this.#doc);
  }
}
