import { describe, expect, it } from 'vitest';
import { lightTint } from '../../src/render/link-lights.ts';
import { DARK_SCENE, LIGHT_SCENE } from '../../src/render/theme.ts';
import { linkId } from '../../src/shared/ids.ts';
import { LightBoard } from '../../src/ui/lights.ts';

const L1 = linkId('l1');
const L2 = linkId('l2');

describe('cable lights on the page', () => {
  it('paints each state in the theme colour, and an unknown light as the cable', () => {
    for (const theme of [LIGHT_SCENE, DARK_SCENE]) {
      expect(lightTint(theme, 'green')).toBe(theme.lightUp);
      expect(lightTint(theme, 'amber')).toBe(theme.lightPending);
      expect(lightTint(theme, 'red')).toBe(theme.lightDown);
      expect(lightTint(theme, undefined)).toBe(theme.cable);
      expect(new Set([theme.lightUp, theme.lightPending, theme.lightDown]).size).toBe(3);
    }
  });

  it('keeps the last version seen and tells which cables changed', () => {
    const board = new LightBoard();
    const seen: (readonly string[])[] = [];
    board.subscribe((changed) => seen.push(changed));
    board.merge({
      version: 1,
      changed: [
        { link: L1, a: 'red', b: 'red' },
        { link: L2, a: 'green', b: 'green' },
      ],
    });
    board.merge({ version: 1, changed: [] });
    board.merge({ version: 2, changed: [{ link: L1, a: 'green', b: 'amber' }] });
    expect(board.version).toBe(2);
    expect([board.lightOf(L1, 'a'), board.lightOf(L1, 'b'), board.lightOf(L2, 'b')]).toEqual([
      'green',
      'amber',
      'green',
    ]);
    expect(seen).toEqual([[L1, L2], [L1]]);
  });

  it('ignores a reply older than what it has, and starts over on a new network', () => {
    const board = new LightBoard();
    board.merge({ version: 3, changed: [{ link: L1, a: 'green', b: 'green' }] });
    board.merge({ version: 2, changed: [{ link: L1, a: 'red', b: 'red' }] });
    expect(board.lightOf(L1, 'a')).toBe('green');
    board.reset();
    expect(board.version).toBe(0);
    expect(board.lightOf(L1, 'a')).toBeUndefined();
  });
});
