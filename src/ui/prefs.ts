/**
 * The user's small choices (theme, language) in localStorage. Some browsers refuse it (cookies
 * blocked, private windows, some managed Chromebooks) and then even reading `localStorage`
 * throws: the choice then lasts until the tab closes instead of breaking the start.
 */
export interface Prefs {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
}

const kept = new Map<string, string>();

export const prefs: Prefs = {
  getItem(key) {
    try {
      return globalThis.localStorage.getItem(key) ?? kept.get(key) ?? null;
    } catch {
      return kept.get(key) ?? null;
    }
  },
  setItem(key, value) {
    kept.set(key, value);
    try {
      globalThis.localStorage.setItem(key, value);
    } catch {
      // Refused or full: `kept` has it for this tab.
    }
  },
};
