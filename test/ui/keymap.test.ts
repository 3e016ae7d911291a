import { describe, expect, it } from 'vitest';
import { actionFor, shortcutLabel } from '../../src/editor/keymap.ts';

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
});
