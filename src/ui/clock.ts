/**
 * Realtime mode: virtual time follows the wall clock while the page is visible. The worker
 * owns the clock; this only tells it how much wall time went by, in small steps.
 */
import { createActor } from 'xstate';
import { appModeMachine } from '../editor/app-mode.ts';
import type { Micros } from '../shared/time.ts';
import type { DocPatch, SessionClient } from '../worker/client.ts';

const TICK_MS = 100;
/** A stalled page (debugger, sleep) should not jump the simulation by minutes at once. */
const MAX_STEP_MS = 1000;

export function startRealtimeClock(
  session: SessionClient,
  onTime: (now: Micros, paused: boolean) => void,
  onPatches: (patches: readonly DocPatch[]) => void,
): void {
  const mode = createActor(appModeMachine).start();
  document.addEventListener('visibilitychange', () =>
    mode.send({ type: document.hidden ? 'page.hidden' : 'page.visible' }),
  );
  let last = performance.now();
  let busy = false;
  setInterval(async () => {
    const now = performance.now();
    const elapsed = Math.min(now - last, MAX_STEP_MS);
    last = now;
    const paused = mode.getSnapshot().matches({ realtime: 'paused' });
    if (busy) return;
    busy = true;
    try {
      if (!paused) {
        const patches = await session.advance(Math.round(elapsed * 1000) as Micros);
        if (patches.length > 0) onPatches(patches);
      }
      onTime(await session.now(), paused);
    } catch (e) {
      // The next tick tries again; what the user did meanwhile reports its own failures.
      console.error(e);
    } finally {
      busy = false;
    }
  }, TICK_MS);
}
