import { describe, expect, it } from 'vitest';
import { actionFor, type KeyFocus, shortcutApplies, shortcutLabel } from '../../src/editor/keymap.ts';

const key = (
  k: string,
  mods: Partial<{ ctrl: boolean; shift: boolean; alt: boolean; meta: boolean }> = {},
) => ({
  key: k,
  ctrlKey: mods.ctrl ?? false,
  shiftKey: mods.shift ?? false,
  altKey: mods.alt ?? false,
  metaKey: mods.meta ?? false,
});

describe('keyboard shortcuts', () => {
  it('maps the usual editing keys', () => {
    expect(actionFor(key('z', { ctrl: true }))).toBe('undo');
    expect(actionFor(key('Z', { ctrl: true, shift: true }))).toBe('redo');
    expect(actionFor(key('y', { ctrl: true }))).toBe('redo');
    expect(actionFor(key('z', { meta: true }))).toBe('undo');
    expect(actionFor(key('Delete'))).toBe('delete');
    expect(actionFor(key('Escape'))).toBe('cancel');
    expect(actionFor(key('c'))).toBe('tool.cable');
    expect(actionFor(key('c', { ctrl: true }))).toBeUndefined();
    expect(actionFor(key('n', { ctrl: true }))).toBeUndefined();
    expect(actionFor(key('n', { ctrl: true, alt: true }))).toBe('file.new');
  });

  it('labels shortcuts as menus show them', () => {
    expect(shortcutLabel('undo')).toBe('Ctrl+Z');
    expect(shortcutLabel('undo', true)).toBe('⌘+Z');
    expect(shortcutLabel('delete')).toBe('Del');
    expect(shortcutLabel('view.zoomIn')).toBe('Ctrl++');
    expect(shortcutLabel('file.new')).toBe('Ctrl+Alt+N');
  });

  it('acts with single keys only on the canvas, or with nothing in particular focused', () => {
    const where = (action: Parameters<typeof shortcutApplies>[0]): KeyFocus[] =>
      (['canvas', 'page', 'text', 'menu', 'control'] as const).filter((f) => shortcutApplies(action, f));
    // Backspace on the Rename button, or in the name field, must not delete the device.
    expect(where(actionFor(key('Backspace'))!)).toEqual(['canvas', 'page']);
    expect(where(actionFor(key('Delete'))!)).toEqual(['canvas', 'page']);
    for (const k of ['v', 'c', 'h']) expect(where(actionFor(key(k))!), k).toEqual(['canvas', 'page']);
    expect(where('nudge.left')).toEqual(['canvas']);
    // Menus and dialogs handle Escape themselves; fields and the terminal keep it.
    expect(where('cancel')).toEqual(['canvas', 'page', 'control']);
    // The terminal's Ctrl+Z is IOS's `end`.
    expect(where('undo')).toEqual(['canvas', 'page', 'menu', 'control']);
    expect(where('file.save')).toEqual(['canvas', 'page', 'text', 'menu', 'control']);
  });
});
