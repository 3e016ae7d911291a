/**
 * Undo and redo from the patches that commands produce: undo applies a step's inverse patches,
 * redo its forward patches. A group (beginGroup/endGroup) makes one step of many commands, so a
 * drag of a device undoes in one go; consecutive replacements of the same value inside a step
 * are folded, so a long drag costs one patch, not one per mouse move.
 */
import type { Patch } from 'immer';
import { patchDoc } from './doc-immer.ts';
import type { NetworkDoc } from './document.ts';

/** Steps kept for undo; the oldest are forgotten beyond this. */
export const DEFAULT_HISTORY_LIMIT = 500;

interface Step {
  /** Forward patches, in the order they apply. */
  patches: Patch[];
  /** Inverse patches, in the order they apply (last command first). */
  inverse: Patch[];
}

/** What undo or redo did: the new document and the patches that turned the old one into it. */
export interface HistoryMove {
  readonly doc: NetworkDoc;
  readonly patches: readonly Patch[];
}

const samePath = (a: Patch, b: Patch): boolean =>
  a.path.length === b.path.length && a.path.every((k, i) => k === b.path[i]);

/** Applying `first` then `second` equals applying `second` alone. */
const overrides = (first: Patch, second: Patch): boolean =>
  first.op === 'replace' && second.op === 'replace' && samePath(first, second);

export class History {
  private readonly undoSteps: Step[] = [];
  private readonly redoSteps: Step[] = [];
  private groupDepth = 0;
  /** The step the open group is adding to, once its first command is recorded. */
  private groupStep: Step | undefined;

  constructor(readonly limit: number = DEFAULT_HISTORY_LIMIT) {}

  get canUndo(): boolean {
    return this.undoSteps.length > 0;
  }

  get canRedo(): boolean {
    return this.redoSteps.length > 0;
  }

  /** Records an applied command. Commands that changed nothing are not steps. */
  record(patches: readonly Patch[], inverse: readonly Patch[]): void {
    if (patches.length === 0 && inverse.length === 0) return;
    this.redoSteps.length = 0;
    const open = this.groupStep;
    if (open !== undefined && this.undoSteps[this.undoSteps.length - 1] === open) {
      for (const p of patches) {
        const last = open.patches[open.patches.length - 1];
        if (last && overrides(last, p)) open.patches[open.patches.length - 1] = p;
        else open.patches.push(p);
      }
      const older = open.inverse;
      const newer = [...inverse];
      const tail = newer[newer.length - 1];
      if (tail && older[0] && overrides(tail, older[0])) newer.pop();
      open.inverse = newer.concat(older);
      return;
    }
    const step: Step = { patches: [...patches], inverse: [...inverse] };
    this.undoSteps.push(step);
    if (this.undoSteps.length > this.limit) this.undoSteps.shift();
    if (this.groupDepth > 0) this.groupStep = step;
  }

  /** Starts a group: the commands recorded until the matching endGroup undo as one step. Nests. */
  beginGroup(): void {
    this.groupDepth++;
  }

  endGroup(): void {
    if (this.groupDepth === 0) return;
    this.groupDepth--;
    if (this.groupDepth === 0) this.groupStep = undefined;
  }

  /** Undoes the last step (closing any open group first). */
  undo(doc: NetworkDoc): HistoryMove | undefined {
    this.closeGroups();
    const step = this.undoSteps.pop();
    if (!step) return undefined;
    this.redoSteps.push(step);
    return { doc: patchDoc(doc, step.inverse), patches: step.inverse };
  }

  /** Redoes the last undone step. */
  redo(doc: NetworkDoc): HistoryMove | undefined {
    this.closeGroups();
    const step = this.redoSteps.pop();
    if (!step) return undefined;
    this.undoSteps.push(step);
    return { doc: patchDoc(doc, step.patches), patches: step.patches };
  }

  /**
   * Rewrites every recorded patch with `map` (which returns the patch itself when it has
   * nothing to change). The session uses it when a console changes a device outside the
   * history, so that undoing and redoing the device's creation brings back its current
   * configuration instead of the one it was created with.
   */
  rebase(map: (patch: Patch) => Patch): void {
    for (const step of [...this.undoSteps, ...this.redoSteps]) {
      step.patches = step.patches.map(map);
      step.inverse = step.inverse.map(map);
    }
  }

  /** Forgets everything (a new file was opened). */
  clear(): void {
    this.undoSteps.length = 0;
    this.redoSteps.length = 0;
    this.closeGroups();
  }

  private closeGroups(): void {
    this.groupDepth = 0;
    this.groupStep = undefined;
  }
}
