/**
 * The page's one handle on the simulation: a comlink proxy of the Session running in
 * sim.worker.ts. Every method returns a promise; arguments and results are structured clones.
 */
import * as Comlink from 'comlink';
import type { SessionApi } from '../session/api.ts';

export type {
  CableLights,
  CommandResult,
  Completion,
  ConsoleReply,
  DocPatch,
  LinkLightsUpdate,
} from '../session/api.ts';

export type SessionClient = Comlink.Remote<SessionApi>;

/**
 * Starts the simulator. `onFailure` hears when its script could not be loaded or when it broke
 * down: calls already made will never be answered, so the page must say so rather than wait.
 */
export function startSession(onFailure: (detail: string) => void): SessionClient {
  // Written inline so that Vite sees the worker entry and bundles it.
  const worker = new Worker(new URL('./sim.worker.ts', import.meta.url), { type: 'module' });
  worker.addEventListener('error', (e) => {
    e.preventDefault();
    onFailure(e.message || 'the simulator could not be loaded');
  });
  worker.addEventListener('messageerror', () => onFailure('a message from the simulator could not be read'));
  return Comlink.wrap<SessionApi>(worker);
}
