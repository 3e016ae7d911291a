/**
 * Keeps the current network in IndexedDB so that closing the tab, a reload or losing power
 * costs nothing: the network file text, the name it was opened or saved under, and whether it
 * holds changes not yet saved to a file. It is written after a pause in editing, and at once
 * when the page is hidden or left (a Chromebook lid closing does not wait for the pause).
 */
import { createStore, promisifyRequest } from 'idb-keyval';

export interface Work {
  readonly text: string;
  /** The file name Save offers. */
  readonly name: string;
  /** Changes not saved to a file since it was opened or saved: replacing it asks first. */
  readonly unsaved: boolean;
}

/** Where the work is kept (IndexedDB through idb-keyval; a map in tests). */
export interface WorkStore {
  get(key: string): Promise<unknown>;
  set(key: string, value: unknown): Promise<void>;
}

const KEY = 'trame.network';
/** A kept network that no longer opens goes here, so that the user can still download it. */
export const UNREADABLE_KEY = 'trame.network.unreadable';
const DELAY_MS = 600;
const DEFAULT_NAME = 'network.json';

const keyval = createStore('keyval-store', 'keyval');
const INDEXED_DB: WorkStore = {
  get: (key) => keyval('readonly', (store) => promisifyRequest(store.get(key))),
  set: (key, value) =>
    keyval('readwrite', (store) => {
      store.put(value, key);
      // Committed now rather than when the page next idles: the page may be closing.
      store.transaction.commit();
      return promisifyRequest(store.transaction);
    }),
};

/** Reads what was kept; earlier versions of Trame kept the file text alone. */
export function workFrom(value: unknown): Work | undefined {
  if (typeof value === 'string') return { text: value, name: DEFAULT_NAME, unsaved: true };
  if (typeof value !== 'object' || value === null) return undefined;
  const { text, name, unsaved } = value as Record<string, unknown>;
  if (typeof text !== 'string') return undefined;
  return {
    text,
    name: typeof name === 'string' && name !== '' ? name : DEFAULT_NAME,
    unsaved: unsaved !== false,
  };
}

export class Autosave {
  readonly #read: () => Work;
  readonly #store: WorkStore;
  #timer: ReturnType<typeof setTimeout> | undefined;
  #held = false;

  /** `read` gives the work as it is now, synchronously, so that it can be written while the page closes. */
  constructor(read: () => Work, store: WorkStore = INDEXED_DB) {
    this.#read = read;
    this.#store = store;
  }

  async restore(): Promise<Work | undefined> {
    try {
      return workFrom(await this.#store.get(KEY));
    } catch {
      // Private windows and some managed Chromebooks refuse IndexedDB: start without it.
      return undefined;
    }
  }

  /** Sets aside a kept network that could not be opened; the kept one is left as it is too. */
  async keepUnreadable(work: Work): Promise<void> {
    try {
      await this.#store.set(UNREADABLE_KEY, work);
    } catch {
      // Nothing more can be done here; the download offered to the user still has it.
    }
  }

  /** Writes after a pause in editing. */
  soon(): void {
    if (this.#held) return;
    clearTimeout(this.#timer);
    this.#timer = setTimeout(() => {
      this.#timer = undefined;
      this.#write();
    }, DELAY_MS);
  }

  /** Writes at once what waits for the pause: the page is being hidden or left. */
  flush(): void {
    if (this.#timer === undefined) return;
    clearTimeout(this.#timer);
    this.#timer = undefined;
    this.#write();
  }

  /** Writes nothing until `release`: what is shown is not the user's work. */
  hold(): void {
    this.#held = true;
    clearTimeout(this.#timer);
    this.#timer = undefined;
  }

  /** The user changed or opened something: it is their work again. */
  release(): void {
    this.#held = false;
  }

  #write(): void {
    // The transaction starts now, before the page can go away; its end is not waited for.
    this.#store.set(KEY, this.#read()).catch(() => {
      // Storage may be full or unavailable; the user can still save to a file.
    });
  }
}
