/**
 * The worker of the round-trip bench (roundtrip.bench.ts): a Session exposed over comlink as
 * src/worker/sim.worker.ts does, plus a raw echo of any message marked `echo`, the yardstick.
 */
import * as Comlink from 'comlink';
import { Session } from '../src/session/session.ts';

// Registered before comlink's listener, so an echo never reaches it.
self.addEventListener('message', (e: MessageEvent<{ echo?: unknown }>) => {
  if (e.data?.echo === undefined) return;
  e.stopImmediatePropagation();
  (self as unknown as Worker).postMessage(e.data);
});

Comlink.expose(new Session({}));
