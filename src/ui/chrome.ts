/**
 * The window's fixed parts: menu bar, toolbar, device palette and status bar. They are rebuilt
 * when the language changes; everything they do goes through the `Commands` they are given.
 */
import { allShortcuts, type ShortcutAction, shortcutLabel } from '../editor/keymap.ts';
import type { Placeable, PortChoice } from '../editor/tools.ts';
import { deviceLook } from '../render/device-look.ts';
import type { Micros } from '../shared/time.ts';
import { h, icon } from './dom.ts';
import { LANGUAGES, type Language, language, type MessageKey, t } from './i18n/i18n.ts';
import { ICONS } from './icons.ts';
import { buildMenubar } from './menubar.ts';

export type ToolName = 'select' | 'pan' | 'place' | 'cable';

export interface Commands {
  shortcut(action: ShortcutAction): void;
  place(what: Placeable, atCentre: boolean): void;
  cable(ports: PortChoice): void;
  openExample(name: string): void;
  setDark(dark: boolean): void;
  isDark(): boolean;
  setLanguage(lang: Language): void;
  showShortcuts(): void;
  showAbout(): void;
}

export interface Examples {
  readonly [name: string]: MessageKey;
}

const tip = (key: MessageKey, action?: ShortcutAction): string =>
  action ? `${t(key)} (${shortcutLabel(action)})` : t(key);

export function buildMenus(c: Commands, examples: Examples): HTMLElement {
  const item = (key: MessageKey, action: ShortcutAction) =>
    ({
      kind: 'item',
      label: t(key),
      shortcut: shortcutLabel(action),
      run: () => c.shortcut(action),
    }) as const;
  return buildMenubar(t('app.title'), [
    {
      label: t('menu.file'),
      items: [
        item('menu.file.new', 'file.new'),
        item('menu.file.open', 'file.open'),
        item('menu.file.save', 'file.save'),
        { kind: 'separator' },
        { kind: 'group', label: t('menu.file.examples') },
        ...Object.entries(examples).map(
          ([name, key]) => ({ kind: 'item', label: t(key), run: () => c.openExample(name) }) as const,
        ),
      ],
    },
    {
      label: t('menu.edit'),
      items: [
        item('menu.edit.undo', 'undo'),
        item('menu.edit.redo', 'redo'),
        item('menu.edit.delete', 'delete'),
      ],
    },
    {
      label: t('menu.view'),
      items: [
        item('menu.view.zoomIn', 'view.zoomIn'),
        item('menu.view.zoomOut', 'view.zoomOut'),
        item('menu.view.fit', 'view.fit'),
        { kind: 'separator' },
        { kind: 'check', label: t('menu.view.dark'), checked: c.isDark(), run: () => c.setDark(!c.isDark()) },
        { kind: 'separator' },
        { kind: 'group', label: t('menu.view.language') },
        ...LANGUAGES.map(
          (lang) =>
            ({
              kind: 'radio',
              label: t(`lang.${lang}`),
              checked: language() === lang,
              run: () => c.setLanguage(lang),
            }) as const,
        ),
      ],
    },
    {
      label: t('menu.help'),
      items: [
        { kind: 'item', label: t('menu.help.shortcuts'), run: () => c.showShortcuts() },
        { kind: 'item', label: t('menu.help.about'), run: () => c.showAbout() },
      ],
    },
  ]);
}

function toolButton(paths: string, label: string, onClick: () => void, pressed?: boolean): HTMLButtonElement {
  return h(
    'button',
    {
      type: 'button',
      class: 'tool',
      title: label,
      'aria-label': label,
      'aria-pressed': pressed === undefined ? undefined : String(pressed),
      onclick: onClick,
    },
    icon(paths),
  );
}

export function buildToolbar(c: Commands, tool: ToolName, hint: string): HTMLElement {
  const run = (a: ShortcutAction) => () => c.shortcut(a);
  return h(
    'div',
    { class: 'toolbar', role: 'toolbar', 'aria-label': t('toolbar.label') },
    toolButton(ICONS.new, tip('menu.file.new', 'file.new'), run('file.new')),
    toolButton(ICONS.open, tip('menu.file.open', 'file.open'), run('file.open')),
    toolButton(ICONS.save, tip('menu.file.save', 'file.save'), run('file.save')),
    h('span', { class: 'sep' }),
    toolButton(ICONS.undo, tip('menu.edit.undo', 'undo'), run('undo')),
    toolButton(ICONS.redo, tip('menu.edit.redo', 'redo'), run('redo')),
    h('span', { class: 'sep' }),
    toolButton(ICONS.select, tip('tool.select', 'tool.select'), run('tool.select'), tool === 'select'),
    toolButton(ICONS.pan, tip('shortcut.pan', 'tool.pan'), run('tool.pan'), tool === 'pan'),
    toolButton(ICONS.cable, tip('tool.cable', 'tool.cable'), run('tool.cable'), tool === 'cable'),
    h('span', { class: 'sep' }),
    toolButton(ICONS.zoomIn, tip('menu.view.zoomIn', 'view.zoomIn'), run('view.zoomIn')),
    toolButton(ICONS.zoomOut, tip('menu.view.zoomOut', 'view.zoomOut'), run('view.zoomOut')),
    toolButton(ICONS.fit, tip('menu.view.fit', 'view.fit'), run('view.fit')),
    h('span', { class: 'hint', 'aria-live': 'polite' }, hint),
  );
}

export interface PaletteState {
  readonly tool: ToolName;
  readonly placing: Placeable;
  readonly portChoice: PortChoice;
}

export function buildPalette(c: Commands, state: PaletteState): HTMLElement {
  const device = (what: Placeable) => {
    const look = deviceLook(what);
    return h(
      'button',
      {
        type: 'button',
        class: 'palette-item',
        'data-kind': what.kind,
        'data-model': what.model,
        'aria-pressed': String(
          state.tool === 'place' && state.placing.kind === what.kind && state.placing.model === what.model,
        ),
        // A click from the keyboard (detail 0) places at once, in the middle of the view.
        onclick: (e: MouseEvent) => c.place(what, e.detail === 0),
      },
      icon(ICONS[look]),
      t(`kind.${look}`),
    );
  };
  const cable = (ports: PortChoice, key: MessageKey, paths: string) =>
    h(
      'button',
      {
        type: 'button',
        class: 'palette-item',
        'data-cable': ports,
        title: ports === 'auto' ? tip(key, 'tool.cable') : t(key),
        'aria-pressed': String(state.tool === 'cable' && state.portChoice === ports),
        onclick: () => c.cable(ports),
      },
      icon(paths),
      t(key),
    );
  return h(
    'aside',
    { class: 'palette', 'aria-label': t('palette.label') },
    h('h2', {}, t('palette.network')),
    device({ kind: 'router' }),
    device({ kind: 'switch' }),
    device({ kind: 'switch', model: '3560-24PS' }),
    h('h2', {}, t('palette.end')),
    device({ kind: 'pc' }),
    device({ kind: 'server' }),
    h('h2', {}, t('palette.connections')),
    cable('auto', 'palette.cableAuto', ICONS.cable),
    cable('choose', 'palette.cableChoose', ICONS.cableChoose),
    h('p', { class: 'hint' }, t('palette.hint')),
  );
}

/** 00:01:05 style, as Packet Tracer's realtime clock shows it. */
export function formatClock(time: Micros): string {
  const s = Math.floor(time / 1_000_000);
  const pad = (n: number): string => String(n).padStart(2, '0');
  return `${pad(Math.floor(s / 3600))}:${pad(Math.floor(s / 60) % 60)}:${pad(s % 60)}`;
}

export function buildStatusBar(time: string, zoom: number, paused: boolean): HTMLElement {
  return h(
    'footer',
    { class: 'statusbar' },
    h(
      'span',
      { class: 'mode', 'data-paused': String(paused), title: t('status.mode') },
      t('status.realtime'),
    ),
    h('span', { class: 'time' }, t('status.time', { time })),
    h('span', { class: 'spacer' }),
    h('span', {}, t('status.zoom', { value: Math.round(zoom * 100) })),
  );
}

export function shortcutsTable(): HTMLElement {
  const names: Record<ShortcutAction, MessageKey> = {
    undo: 'menu.edit.undo',
    redo: 'menu.edit.redo',
    delete: 'menu.edit.delete',
    cancel: 'shortcut.deselect',
    'tool.select': 'shortcut.select',
    'tool.cable': 'shortcut.cable',
    'tool.pan': 'shortcut.pan',
    'file.new': 'menu.file.new',
    'file.open': 'menu.file.open',
    'file.save': 'menu.file.save',
    'view.zoomIn': 'menu.view.zoomIn',
    'view.zoomOut': 'menu.view.zoomOut',
    'view.fit': 'menu.view.fit',
    'nudge.left': 'shortcut.nudge',
    'nudge.right': 'shortcut.nudge',
    'nudge.up': 'shortcut.nudge',
    'nudge.down': 'shortcut.nudge',
  };
  // One row per description: the four arrow keys share theirs.
  const byText = new Map<MessageKey, string[]>();
  for (const { action, labels } of allShortcuts())
    byText.set(names[action], [...(byText.get(names[action]) ?? []), ...labels]);
  const rows = [...byText].map(([key, labels]) =>
    h(
      'tr',
      {},
      h('td', {}, ...labels.flatMap((l, i) => [i > 0 ? ' ' : '', h('kbd', {}, l)])),
      h('td', {}, t(key)),
    ),
  );
  return h('table', {}, h('tbody', {}, ...rows));
}
