/**
 * Keeps the current network in IndexedDB (as the network file text) so that closing the tab
 * or losing power costs nothing; the last saved network comes back on the next start.
 */
import { get, set } from 'idb-keyval';

const KEY = 'trame.network';
const DELAY_MS = 600;

export async function restoreAutosave(): Promise<string | undefined> {
  try {
    const text = await get<string>(KEY);
    return typeof text === 'string' ? text : undefined;
  } catch {
    // Private windows and some managed Chromebooks refuse IndexedDB: start without it.
    return undefined;
  }
}

export function autosaver(read: () => Promise<string>): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  return () => {
    clearTimeout(timer);
    timer = setTimeout(async () => {
      try {
        await set(KEY, await read());
      } catch {
        // Storage may be full or unavailable; the user can still save to a file.
      }
    }, DELAY_MS);
  };
}
