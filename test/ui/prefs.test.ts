import { afterEach, describe, expect, it, vi } from 'vitest';
import { prefs } from '../../src/ui/prefs.ts';

const refusing = (): Storage => {
  throw new DOMException('The operation is insecure.', 'SecurityError');
};

describe('preferences in localStorage', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  it('keeps a choice for the tab when the browser refuses localStorage', () => {
    vi.stubGlobal('localStorage', undefined);
    Object.defineProperty(globalThis, 'localStorage', { get: refusing, configurable: true });
    expect(() => prefs.setItem('trame.test.refused', 'dark')).not.toThrow();
    expect(prefs.getItem('trame.test.refused')).toBe('dark');
    expect(prefs.getItem('trame.test.never')).toBeNull();
  });

  it('keeps a choice that storing failed on (storage full)', () => {
    const full = {
      getItem: () => null,
      setItem: () => {
        throw new DOMException('Quota exceeded', 'QuotaExceededError');
      },
    };
    vi.stubGlobal('localStorage', full);
    prefs.setItem('trame.test.full', 'fr');
    expect(prefs.getItem('trame.test.full')).toBe('fr');
  });

  it('reads and writes localStorage when it works', () => {
    const store = new Map<string, string>();
    vi.stubGlobal('localStorage', {
      getItem: (k: string) => store.get(k) ?? null,
      setItem: (k: string, v: string) => store.set(k, v),
    });
    prefs.setItem('trame.language', 'fr');
    expect(store.get('trame.language')).toBe('fr');
    store.set('trame.theme', 'dark');
    expect(prefs.getItem('trame.theme')).toBe('dark');
  });
});
