/**
 * How the document changes: immer with patches, and deep-frozen results in which only what a
 * change copied is frozen anew. immer's own auto-freeze would deep-freeze each result by visiting
 * every child of every copied node (all the buckets of a table, then every entry of the changed
 * bucket, each through a slow Object.isFrozen), which costs more than the change itself on large
 * networks. The nodes a change copies are exactly those on its patches' paths, so freezing along
 * the paths is enough to keep the whole document frozen.
 */
import { type Draft, enablePatches, freeze, Immer, type Patch } from 'immer';
import type { NetworkDoc } from './document.ts';

enablePatches();

const immer = new Immer({ autoFreeze: false });

/** Runs a recipe on the document: the new document, its forward patches and inverse patches. */
export function produceDoc(
  doc: NetworkDoc,
  recipe: (draft: Draft<NetworkDoc>) => void,
): [NetworkDoc, Patch[], Patch[]] {
  const [next, patches, inverse] = immer.produceWithPatches(doc, recipe);
  freezeAlong(next, patches);
  return [next, patches, inverse];
}

/** Applies patches (undo, redo, the page's mirror of the worker's document). */
export function patchDoc(doc: NetworkDoc, patches: readonly Patch[]): NetworkDoc {
  const next = immer.applyPatches(doc, patches as Patch[]);
  freezeAlong(next, patches);
  return next;
}

/** Freezes the nodes on each patch's path and, deeply, the value it put there. */
function freezeAlong(doc: NetworkDoc, patches: readonly Patch[]): void {
  for (const p of patches) {
    let node: unknown = doc;
    for (const key of p.path) {
      if (typeof node !== 'object' || node === null) break;
      Object.freeze(node);
      node = (node as Record<string | number, unknown>)[key];
    }
    freeze(node, true);
  }
}
