import { describe, expect, it } from 'vitest';
import { ERROR_TEXT } from '../../src/model/errors.ts';
import { en } from '../../src/ui/i18n/en.ts';
import { fr } from '../../src/ui/i18n/fr.ts';
import { format, pickLanguage, setLanguage, tError } from '../../src/ui/i18n/i18n.ts';

const placeholders = (s: string): string[] => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!).sort();

describe('dictionaries', () => {
  it('French has exactly the English keys', () => {
    expect(Object.keys(fr).sort()).toEqual(Object.keys(en).sort());
  });

  it('every translation uses the same placeholders as the English', () => {
    for (const key of Object.keys(en) as (keyof typeof en)[]) {
      expect(placeholders(fr[key]), key).toEqual(placeholders(en[key]));
    }
  });

  it('translates every refusal and file problem the model reports, with its placeholders', () => {
    // en.ts takes these texts from the model as they are; fr.ts must have its own for each.
    for (const [key, english] of Object.entries(ERROR_TEXT)) {
      expect(Object.hasOwn(fr, key), key).toBe(true);
      const french = fr[key as keyof typeof fr];
      expect(french, key).not.toBe(english);
      expect(placeholders(french), key).toEqual(placeholders(english));
    }
  });

  it('follows French typography: a narrow no-break space before : ; ! ? % and inside « »', () => {
    for (const [key, text] of Object.entries(fr)) {
      expect(text, key).not.toMatch(/[ \u00a0][:;!?%»]/);
      expect(text, key).not.toMatch(/«[ \u00a0]/);
    }
    expect(fr['panel.kindIs']).toBe('Type\u202f: {kind}');
    expect(fr['error.unknownCommand']).toBe('Trame ne connaît pas la commande «\u202f{type}\u202f»');
    expect(fr['status.zoom']).toBe('Zoom\u202f: {value}\u202f%');
  });

  it('has no empty text', () => {
    for (const [key, text] of Object.entries(fr)) expect(text.trim(), key).not.toBe('');
  });
});

describe('language choice', () => {
  it('prefers the saved choice, then the browser languages, then English', () => {
    expect(pickLanguage('fr', ['en-US'])).toBe('fr');
    expect(pickLanguage(null, ['de-DE', 'fr-CA', 'en'])).toBe('fr');
    expect(pickLanguage(null, ['de-DE'])).toBe('en');
    expect(pickLanguage('xx', ['EN-gb'])).toBe('en');
  });
});

describe('formatting', () => {
  it('fills placeholders and leaves unknown ones visible', () => {
    expect(format('{a} and {b}', { a: 'R1', b: 2 })).toBe('R1 and 2');
    expect(format('{a} and {c}', { a: 'R1' })).toBe('R1 and {c}');
  });

  it('shows a refusal as a sentence, with the device kind in the user language', async () => {
    await setLanguage('fr');
    expect(tError('error.configOnHost', { device: 'PC1', kind: 'pc' })).toMatch(/^PC1 est un PC\u202f: /);
    expect(
      tError('error.noSuchPort', { device: 'R1', port: 'Fa0/9', kind: 'router', ports: 'Gi0/0-2' }),
    ).toContain('un routeur a Gi0/0-2');
    expect(tError('error.modelNotSwitch', { kind: 'server' })).toBe(
      'Un serveur n’a pas de modèle matériel\u202f: seuls les commutateurs en ont un (2960-24TT ou 3560-24PS)',
    );
    await setLanguage('en');
    expect(tError('error.nameEmpty', {})).toBe('A device needs a name, e.g. R1');
    expect(tError('error.fromTheFuture', {})).toBe('The change was refused (error.fromTheFuture)');
  });
});
