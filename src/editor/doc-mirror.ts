/**
 * The page's read-only copy of the document. The Session in the worker is the one writer;
 * it answers each command with immer patches, which this mirror applies so that the renderer
 * and panels see the same document without refetching it. The patches' paths name the id
 * table bucket of the entry they change (document.ts); both sides compute it the same way.
 */
import { freeze, type Patch } from 'immer';
import { patchDoc } from '../model/doc-immer.ts';
import { EMPTY_NETWORK, type NetworkDoc } from '../model/document.ts';

/** An immer patch as it crosses the worker boundary (plain data). */
export interface MirrorPatch {
  readonly op: 'replace' | 'remove' | 'add';
  readonly path: readonly (string | number)[];
  readonly value?: unknown;
}

export const EMPTY_DOC: NetworkDoc = EMPTY_NETWORK;

export class DocMirror {
  #doc: NetworkDoc = EMPTY_DOC;
  readonly #listeners = new Set<(doc: NetworkDoc) => void>();

  get doc(): NetworkDoc {
    return this.#doc;
  }

  reset(doc: NetworkDoc): void {
    // A document that came through structured clone is not frozen: freeze it, as the worker's
    // is, so that nothing on the page changes it behind the patches' back (each patch then
    // freezes only what it copies).
    this.#doc = freeze(doc, true);
    this.#notify();
  }

  apply(patches: readonly MirrorPatch[]): void {
    if (patches.length === 0) return;
    this.#doc = patchDoc(this.#doc, patches as Patch[]);
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
