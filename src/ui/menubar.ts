/**
 * The menu bar (File, Edit, View, Help) following the WAI-ARIA menubar pattern: arrow keys
 * move between menus and items, Enter or Space activates, Escape closes.
 */
import { h } from './dom.ts';

export type MenuItem =
  | { readonly kind: 'item'; readonly label: string; readonly shortcut?: string; readonly run: () => void }
  | {
      readonly kind: 'check' | 'radio';
      readonly label: string;
      readonly checked: boolean;
      readonly run: () => void;
    }
  | { readonly kind: 'group'; readonly label: string }
  | { readonly kind: 'separator' };

export interface Menu {
  readonly label: string;
  readonly items: readonly MenuItem[];
}

export function buildMenubar(brand: string, menus: readonly Menu[]): HTMLElement {
  const bar = h(
    'nav',
    { class: 'menubar', role: 'menubar', 'aria-label': brand },
    h('span', { class: 'brand' }, brand),
  );
  const buttons: HTMLButtonElement[] = [];
  const lists: HTMLElement[] = [];

  // Listened to only while a menu is open, so that menu bars rebuilt by a language or theme
  // change leave nothing behind on the document.
  const outside = (e: PointerEvent): void => {
    if (!bar.contains(e.target as Node)) close();
  };
  const close = (): void => {
    for (const [i, list] of lists.entries()) {
      list.classList.remove('open');
      buttons[i]!.setAttribute('aria-expanded', 'false');
    }
    document.removeEventListener('pointerdown', outside);
  };
  const itemsOf = (i: number): HTMLElement[] => [
    ...lists[i]!.querySelectorAll<HTMLElement>('[role^="menuitem"]'),
  ];
  const open = (i: number, focus: 'first' | 'last' | 'none'): void => {
    close();
    lists[i]!.classList.add('open');
    buttons[i]!.setAttribute('aria-expanded', 'true');
    document.addEventListener('pointerdown', outside);
    const items = itemsOf(i);
    if (focus === 'first') items[0]?.focus();
    if (focus === 'last') items[items.length - 1]?.focus();
  };

  menus.forEach((menu, i) => {
    const button = h(
      'button',
      {
        type: 'button',
        role: 'menuitem',
        'aria-haspopup': 'true',
        'aria-expanded': 'false',
        tabindex: i === 0 ? 0 : -1,
      },
      menu.label,
    );
    const list = h('div', { class: 'menu-list', role: 'menu', 'aria-label': menu.label });
    for (const item of menu.items) list.append(renderItem(item, close, () => button.focus()));
    button.addEventListener('click', () => (list.classList.contains('open') ? close() : open(i, 'none')));
    button.addEventListener('mouseenter', () => {
      if (lists.some((l) => l.classList.contains('open'))) open(i, 'none');
    });
    button.addEventListener('keydown', (e) => {
      const n = menus.length;
      if (e.key === 'ArrowRight' || e.key === 'ArrowLeft') {
        const j = (i + (e.key === 'ArrowRight' ? 1 : n - 1)) % n;
        buttons[j]!.focus();
        if (lists[i]!.classList.contains('open')) open(j, 'none');
      } else if (e.key === 'ArrowDown' || e.key === 'Enter' || e.key === ' ') open(i, 'first');
      else if (e.key === 'ArrowUp') open(i, 'last');
      else if (e.key === 'Escape') close();
      else return;
      e.preventDefault();
    });
    list.addEventListener('keydown', (e) => {
      const items = itemsOf(i);
      const at = items.indexOf(document.activeElement as HTMLElement);
      if (e.key === 'ArrowDown') items[(at + 1) % items.length]?.focus();
      else if (e.key === 'ArrowUp') items[(at - 1 + items.length) % items.length]?.focus();
      else if (e.key === 'Home') items[0]?.focus();
      else if (e.key === 'End') items[items.length - 1]?.focus();
      else if (e.key === 'ArrowRight' || e.key === 'ArrowLeft') {
        const j = (i + (e.key === 'ArrowRight' ? 1 : menus.length - 1)) % menus.length;
        buttons[j]!.focus();
        open(j, 'first');
      } else if (e.key === 'Escape') {
        close();
        button.focus();
      } else if (e.key === 'Tab') close();
      else return;
      if (e.key !== 'Tab') e.preventDefault();
    });
    buttons.push(button);
    lists.push(list);
    bar.append(h('div', { class: 'menu' }, button, list));
  });
  return bar;
}

function renderItem(item: MenuItem, close: () => void, refocus: () => void): HTMLElement {
  if (item.kind === 'separator') return h('hr', { role: 'separator' });
  if (item.kind === 'group') return h('div', { class: 'group', role: 'presentation' }, item.label);
  const role =
    item.kind === 'item' ? 'menuitem' : item.kind === 'check' ? 'menuitemcheckbox' : 'menuitemradio';
  const el = h(
    'button',
    {
      type: 'button',
      role,
      tabindex: -1,
      'aria-checked': item.kind === 'item' ? undefined : String(item.checked),
      'aria-keyshortcuts':
        item.kind === 'item' && item.shortcut ? item.shortcut.replaceAll('Ctrl', 'Control') : undefined,
    },
    h('span', { class: 'check', 'aria-hidden': 'true' }, item.kind !== 'item' && item.checked ? '✓' : ''),
    h('span', { class: 'label' }, item.label),
    item.kind === 'item' && item.shortcut ? h('kbd', {}, item.shortcut) : undefined,
  );
  el.addEventListener('click', () => {
    close();
    refocus();
    item.run();
  });
  return el;
}
