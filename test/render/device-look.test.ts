import { describe, expect, it } from 'vitest';
import { deviceLook } from '../../src/render/device-look.ts';
import { en } from '../../src/ui/i18n/en.ts';
import { fr } from '../../src/ui/i18n/fr.ts';
import { ICONS } from '../../src/ui/icons.ts';

describe('device look', () => {
  it('sets multilayer switches apart from the other switches, and only them', () => {
    expect(deviceLook({ kind: 'switch', model: '3560-24PS' })).toBe('multilayer');
    expect(deviceLook({ kind: 'switch', model: '2960-24TT' })).toBe('switch');
    expect(deviceLook({ kind: 'switch' })).toBe('switch');
    expect(deviceLook({ kind: 'router' })).toBe('router');
    // A model on another kind is refused by the model; were it there, the kind would win.
    expect(deviceLook({ kind: 'router', model: '3560-24PS' })).toBe('router');
  });

  it('has a name in each language and a pictogram for every look', () => {
    for (const look of ['router', 'switch', 'multilayer', 'pc', 'server'] as const) {
      expect(en[`kind.${look}`], look).toBeTruthy();
      expect(fr[`kind.${look}`], look).toBeTruthy();
      expect(ICONS[look], look).toMatch(/^</);
    }
    expect(en['kind.multilayer']).toBe('Multilayer switch');
    expect(fr['kind.multilayer']).toBe('Commutateur multicouche');
  });
});
