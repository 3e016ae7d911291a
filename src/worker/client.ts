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

export function startSession(): SessionClient {
  // Written inline so that Vite sees the worker entry and bundles it.
  return Comlink.wrap<SessionApi>(
    new Worker(new URL('./sim.worker.ts', import.meta.url), { type: 'module' }),
  );
}
