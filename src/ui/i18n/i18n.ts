/**
 * Translation: t(key, params) in the user's language. The language comes from the saved
 * choice, then the browser's languages, then English.
 */
import { en, type MessageKey } from './en.ts';

export type Language = 'en' | 'fr';
export const LANGUAGES: readonly Language[] = ['en', 'fr'];
export type { MessageKey };

/** English ships with the app; other languages load when chosen, keeping first load small. */
const DICTIONARIES: Partial<Record<Language, Record<MessageKey, string>>> = { en };
const LOADERS: Record<Exclude<Language, 'en'>, () => Promise<Record<MessageKey, string>>> = {
  fr: () => import('./fr.ts').then((m) => m.fr),
};

async function load(language: Language): Promise<void> {
  if (language !== 'en' && !DICTIONARIES[language]) DICTIONARIES[language] = await LOADERS[language]();
}

const STORAGE_KEY = 'trame.language';

let current: Language = 'en';
const listeners = new Set<() => void>();

/** The first of `preferred` (BCP 47 tags, most wanted first) that we speak, else English. */
export function pickLanguage(saved: string | null, preferred: readonly string[]): Language {
  if (saved === 'en' || saved === 'fr') return saved;
  for (const tag of preferred) {
    const base = tag.toLowerCase().split('-')[0];
    if (base === 'en' || base === 'fr') return base;
  }
  return 'en';
}

export function isMessageKey(key: string): key is MessageKey {
  return Object.hasOwn(en, key);
}

/** Replaces {name} placeholders; unknown placeholders are left visible so mistakes show. */
export function format(template: string, params: Readonly<Record<string, string | number>> = {}): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    Object.hasOwn(params, name) ? String(params[name]) : whole,
  );
}

export function translate(
  language: Language,
  key: MessageKey,
  params?: Readonly<Record<string, string | number>>,
): string {
  return format((DICTIONARIES[language] ?? en)[key], params);
}

export const t = (key: MessageKey, params?: Readonly<Record<string, string | number>>): string =>
  translate(current, key, params);

const KINDS = ['router', 'switch', 'pc', 'server'] as const;

/**
 * A refusal from the simulator in the user's language, as a sentence: device kinds named in
 * that language, first letter capitalized (the model writes them to follow a `/pointer: `).
 */
export function tError(key: string, params: Readonly<Record<string, string | number>>): string {
  const kind = params['kind'];
  const named = KINDS.find((k) => k === kind);
  const p = named ? { ...params, kind: t(`noun.${named}`) } : params;
  const text = isMessageKey(key) ? t(key, p) : t('error.unknown', { ...p, key });
  return text.charAt(0).toUpperCase() + text.slice(1);
}

export const language = (): Language => current;

export async function initLanguage(
  storage: Pick<Storage, 'getItem'> | undefined,
  preferred: readonly string[],
): Promise<void> {
  const wanted = pickLanguage(storage?.getItem(STORAGE_KEY) ?? null, preferred);
  try {
    await load(wanted);
    current = wanted;
  } catch (e) {
    // Offline before the translation was ever fetched: English, which ships with the app.
    console.error(e);
  }
}

export async function setLanguage(next: Language, storage?: Pick<Storage, 'setItem'>): Promise<void> {
  await load(next);
  current = next;
  storage?.setItem(STORAGE_KEY, next);
  for (const fn of listeners) fn();
}

export function onLanguageChange(fn: () => void): () => void {
  listeners.add(fn);
  return () => listeners.delete(fn);
}
