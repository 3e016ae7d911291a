/**
 * Starting from the work kept in this browser. A kept network that no longer opens (written
 * by another version of Trame, or refused by the simulator) must not be lost: it is set aside,
 * the user is told and offered a download, and nothing is written over it until the user
 * changes or opens something.
 */
import type { Autosave, Work } from './autosave.ts';

export type Opened = { readonly ok: true } | { readonly ok: false; readonly problems: readonly string[] };

export interface RestoreSteps {
  /** Opens the kept network in the simulator (it may also throw). */
  open(work: Work): Promise<Opened>;
  /** What to show when there is nothing (usable) to restore. */
  fallback(): Promise<void>;
  readonly autosave: Pick<Autosave, 'hold' | 'keepUnreadable'>;
  restored(work: Work): void;
  unreadable(work: Work, problems: readonly string[], error?: unknown): void;
}

export async function restoreWork(work: Work | undefined, steps: RestoreSteps): Promise<void> {
  if (work !== undefined) {
    let opened: Opened | undefined;
    let error: unknown;
    try {
      opened = await steps.open(work);
    } catch (e) {
      error = e;
    }
    if (opened?.ok) {
      steps.restored(work);
      return;
    }
    steps.autosave.hold();
    await steps.autosave.keepUnreadable(work);
    steps.unreadable(work, opened?.problems ?? [], error);
  }
  await steps.fallback();
}
