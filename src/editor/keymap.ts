/**
 * Keyboard shortcuts: one table read by the key handler and by the menus and tooltips that
 * show them, so what is shown is what works.
 */
export type ShortcutAction =
  | 'undo'
  | 'redo'
  | 'delete'
  | 'cancel'
  | 'tool.select'
  | 'tool.cable'
  | 'tool.pan'
  | 'file.new'
  | 'file.open'
  | 'file.save'
  | 'view.zoomIn'
  | 'view.zoomOut'
  | 'view.fit'
  | 'nudge.left'
  | 'nudge.right'
  | 'nudge.up'
  | 'nudge.down';

export interface KeyInput {
  readonly key: string;
  readonly ctrlKey: boolean;
  readonly metaKey: boolean;
  readonly shiftKey: boolean;
  readonly altKey: boolean;
}

interface Binding {
  readonly action: ShortcutAction;
  /** Ctrl on Linux/Windows/ChromeOS, Cmd on macOS. */
  readonly mod: boolean;
  readonly shift: boolean;
  readonly alt?: boolean;
  readonly key: string;
  /** Accepted but not listed (the same key as another binding on some keyboard layouts). */
  readonly unlisted?: boolean;
}

const BINDINGS: readonly Binding[] = [
  { action: 'undo', mod: true, shift: false, key: 'z' },
  { action: 'redo', mod: true, shift: false, key: 'y' },
  { action: 'redo', mod: true, shift: true, key: 'z' },
  { action: 'delete', mod: false, shift: false, key: 'Delete' },
  { action: 'delete', mod: false, shift: false, key: 'Backspace' },
  { action: 'cancel', mod: false, shift: false, key: 'Escape' },
  { action: 'tool.select', mod: false, shift: false, key: 'v' },
  { action: 'tool.cable', mod: false, shift: false, key: 'c' },
  { action: 'tool.pan', mod: false, shift: false, key: 'h' },
  // Ctrl+N opens a browser window and cannot be taken over; Ctrl+Alt+N can.
  { action: 'file.new', mod: true, shift: false, alt: true, key: 'n' },
  { action: 'file.open', mod: true, shift: false, key: 'o' },
  { action: 'file.save', mod: true, shift: false, key: 's' },
  { action: 'view.zoomIn', mod: true, shift: false, key: '=' },
  { action: 'view.zoomIn', mod: true, shift: true, key: '+', unlisted: true },
  { action: 'view.zoomOut', mod: true, shift: false, key: '-' },
  { action: 'view.fit', mod: true, shift: false, key: '0' },
  // Arrow keys move the selected device (a step of the grid; Shift for bigger steps).
  { action: 'nudge.left', mod: false, shift: false, key: 'ArrowLeft' },
  { action: 'nudge.right', mod: false, shift: false, key: 'ArrowRight' },
  { action: 'nudge.up', mod: false, shift: false, key: 'ArrowUp' },
  { action: 'nudge.down', mod: false, shift: false, key: 'ArrowDown' },
];

export const NUDGE_STEP = 10;
export const NUDGE_STEP_LARGE = 50;

export function actionFor(e: KeyInput): ShortcutAction | undefined {
  const mod = e.ctrlKey || e.metaKey;
  const key = e.key.length === 1 ? e.key.toLowerCase() : e.key;
  for (const b of BINDINGS) {
    if (b.key === key && b.mod === mod && b.shift === e.shiftKey && (b.alt ?? false) === e.altKey)
      return b.action;
  }
  return undefined;
}

/**
 * What has the keyboard focus when a key is pressed: the canvas, nothing in particular (the
 * page), a text field or terminal, a menu or dialog, or another control (a button, a link).
 */
export type KeyFocus = 'canvas' | 'page' | 'text' | 'menu' | 'control';

/**
 * Whether a shortcut acts where the focus is. Single keys act on the canvas: Backspace in a
 * field, or on the Rename button, must not delete the selected device, and V or C typed in a
 * form must not change the tool. Ctrl+S, Ctrl+O and Ctrl+Alt+N work everywhere.
 */
export function shortcutApplies(action: ShortcutAction, focus: KeyFocus): boolean {
  switch (action) {
    case 'file.new':
    case 'file.open':
    case 'file.save':
      return true;
    case 'delete':
    case 'tool.select':
    case 'tool.cable':
    case 'tool.pan':
      return focus === 'canvas' || focus === 'page';
    // Elsewhere arrow keys move the focus or the text cursor.
    case 'nudge.left':
    case 'nudge.right':
    case 'nudge.up':
    case 'nudge.down':
      return focus === 'canvas';
    // Menus and dialogs close themselves with Escape.
    case 'cancel':
      return focus !== 'text' && focus !== 'menu';
    // Text fields and the terminal have their own undo and Ctrl+Z.
    case 'undo':
    case 'redo':
    case 'view.zoomIn':
    case 'view.zoomOut':
    case 'view.fit':
      return focus !== 'text';
  }
}

const KEY_NAMES: Record<string, string> = {
  Delete: 'Del',
  Escape: 'Esc',
  '=': '+',
  ArrowLeft: '←',
  ArrowRight: '→',
  ArrowUp: '↑',
  ArrowDown: '↓',
};

function labelOf(b: Binding, mac: boolean): string {
  const parts: string[] = [];
  if (b.mod) parts.push(mac ? '⌘' : 'Ctrl');
  if (b.alt) parts.push(mac ? '⌥' : 'Alt');
  if (b.shift) parts.push('Shift');
  parts.push(KEY_NAMES[b.key] ?? (b.key.length === 1 ? b.key.toUpperCase() : b.key));
  return parts.join('+');
}

/** The first binding of an action as people write it: "Ctrl+Z", "Del", "C". */
export function shortcutLabel(action: ShortcutAction, mac = false): string {
  const b = BINDINGS.find((x) => x.action === action);
  return b ? labelOf(b, mac) : '';
}

/** Every action with all its bindings, for the shortcuts help. */
export function allShortcuts(mac = false): { action: ShortcutAction; labels: string[] }[] {
  const out = new Map<ShortcutAction, string[]>();
  for (const b of BINDINGS) {
    if (b.unlisted) continue;
    const list = out.get(b.action) ?? [];
    const label = labelOf(b, mac);
    if (!list.includes(label)) list.push(label);
    out.set(b.action, list);
  }
  return [...out].map(([action, labels]) => ({ action, labels }));
}
