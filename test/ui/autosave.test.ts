import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Autosave, UNREADABLE_KEY, type Work, type WorkStore, workFrom } from '../../src/ui/autosave.ts';

const KEY = 'trame.network';

function memoryStore(): WorkStore & { readonly data: Map<string, unknown>; writes: number } {
  const data = new Map<string, unknown>();
  return {
    data,
    writes: 0,
    async get(key) {
      return data.get(key);
    },
    async set(key, value) {
      this.writes++;
      data.set(key, value);
    },
  };
}

describe('autosave', () => {
  let work: Work;
  beforeEach(() => {
    vi.useFakeTimers();
    work = { text: '{"version": 1}', name: 'lab.json', unsaved: true };
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('writes once after a pause in editing, with the name and whether it is unsaved', async () => {
    const store = memoryStore();
    const autosave = new Autosave(() => work, store);
    autosave.soon();
    autosave.soon();
    expect(store.writes).toBe(0);
    await vi.runAllTimersAsync();
    expect(store.writes).toBe(1);
    expect(store.data.get(KEY)).toEqual(work);
  });

  it('writes at once when flushed (page hidden or left), and not again after the pause', async () => {
    const store = memoryStore();
    const autosave = new Autosave(() => work, store);
    autosave.soon();
    autosave.flush();
    expect(store.writes).toBe(1);
    await vi.runAllTimersAsync();
    expect(store.writes).toBe(1);
    // Nothing waiting: nothing to write.
    autosave.flush();
    expect(store.writes).toBe(1);
  });

  it('writes nothing while held, until released', async () => {
    const store = memoryStore();
    const autosave = new Autosave(() => work, store);
    autosave.soon();
    autosave.hold();
    autosave.soon();
    autosave.flush();
    await vi.runAllTimersAsync();
    expect(store.writes).toBe(0);
    autosave.release();
    autosave.soon();
    await vi.runAllTimersAsync();
    expect(store.writes).toBe(1);
  });

  it('restores what it kept, and sets an unreadable network aside without touching it', async () => {
    const store = memoryStore();
    const autosave = new Autosave(() => work, store);
    store.data.set(KEY, work);
    expect(await autosave.restore()).toEqual(work);
    await autosave.keepUnreadable(work);
    expect(store.data.get(UNREADABLE_KEY)).toEqual(work);
    expect(store.data.get(KEY)).toEqual(work);
  });

  it('starts without the autosave when storage refuses', async () => {
    const autosave = new Autosave(() => work, {
      get: () => Promise.reject(new DOMException('refused', 'InvalidStateError')),
      set: () => Promise.reject(new DOMException('refused', 'InvalidStateError')),
    });
    expect(await autosave.restore()).toBeUndefined();
    await expect(autosave.keepUnreadable(work)).resolves.toBeUndefined();
    autosave.soon();
    await vi.runAllTimersAsync();
  });

  it('reads the text-only autosave of earlier versions as unsaved work', () => {
    expect(workFrom('{"version": 1}')).toEqual({
      text: '{"version": 1}',
      name: 'network.json',
      unsaved: true,
    });
    expect(workFrom({ text: 'x', name: 'a.json', unsaved: false })).toEqual({
      text: 'x',
      name: 'a.json',
      unsaved: false,
    });
    expect(workFrom({ name: 'a.json' })).toBeUndefined();
    expect(workFrom(undefined)).toBeUndefined();
  });
});
