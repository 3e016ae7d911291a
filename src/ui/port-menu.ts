/**
 * The port chooser shown when cabling with "choose ports": every port of the device, the
 * used ones greyed with the cable they carry, so the student sees why a port is taken.
 */
import { deviceOf, linksInOrder, type NetworkDoc } from '../editor/document.ts';
import type { DeviceId } from '../shared/ids.ts';
import { KIND_PORTS, shortInterfaceName } from '../shared/ports.ts';
import { h } from './dom.ts';
import { t } from './i18n/i18n.ts';

export interface PortUse {
  readonly port: string;
  /** The far end when the port is cabled. */
  readonly peer?: { readonly name: string; readonly port: string };
}

export function portUses(doc: NetworkDoc, id: DeviceId): PortUse[] {
  const device = deviceOf(doc, id);
  if (!device) return [];
  const peers = new Map<string, { name: string; port: string }>();
  for (const l of linksInOrder(doc)) {
    if (l.a.device === id)
      peers.set(l.a.port, { name: deviceOf(doc, l.b.device)?.name ?? '?', port: l.b.port });
    if (l.b.device === id)
      peers.set(l.b.port, { name: deviceOf(doc, l.a.device)?.name ?? '?', port: l.a.port });
  }
  return KIND_PORTS[device.kind].map((port) => {
    const peer = peers.get(port);
    return peer ? { port, peer } : { port };
  });
}

/** Opens the menu in `host` at a screen position; `done` gets the port, or undefined if dismissed. */
export function openPortMenu(
  host: HTMLElement,
  doc: NetworkDoc,
  id: DeviceId,
  at: { x: number; y: number },
  done: (port: string | undefined) => void,
): void {
  const name = deviceOf(doc, id)?.name ?? '';
  const menu = h('div', { class: 'port-menu', role: 'menu', 'aria-label': t('hint.choosePort', { name }) });
  menu.append(h('div', { class: 'title' }, t('hint.choosePort', { name })));
  let finished = false;
  const finish = (port: string | undefined): void => {
    if (finished) return;
    finished = true;
    menu.remove();
    document.removeEventListener('pointerdown', outside, true);
    done(port);
  };
  const outside = (e: Event): void => {
    if (!menu.contains(e.target as Node)) finish(undefined);
  };
  for (const use of portUses(doc, id)) {
    const note = use.peer
      ? t('ports.usedBy', { name: use.peer.name, port: shortInterfaceName(use.peer.port) })
      : t('ports.free');
    const item = h(
      'button',
      { type: 'button', role: 'menuitem', disabled: use.peer !== undefined, 'data-port': use.port },
      h('span', {}, use.port),
      h('span', { class: 'note' }, note),
    );
    item.addEventListener('click', () => finish(use.port));
    menu.append(item);
  }
  menu.addEventListener('keydown', (e) => {
    const items = [...menu.querySelectorAll<HTMLButtonElement>('button:not(:disabled)')];
    const i = items.indexOf(document.activeElement as HTMLButtonElement);
    if (e.key === 'ArrowDown') items[(i + 1) % items.length]?.focus();
    else if (e.key === 'ArrowUp') items[(i - 1 + items.length) % items.length]?.focus();
    else if (e.key === 'Escape') finish(undefined);
    else return;
    e.preventDefault();
    e.stopPropagation();
  });
  const box = host.getBoundingClientRect();
  menu.style.left = `${Math.min(at.x + 8, Math.max(0, box.width - 240))}px`;
  menu.style.top = `${Math.min(at.y + 8, Math.max(0, box.height - 200))}px`;
  host.append(menu);
  menu.querySelector<HTMLButtonElement>('button:not(:disabled)')?.focus();
  // Registered after this click finishes so that the click that opened the menu does not close it.
  setTimeout(() => document.addEventListener('pointerdown', outside, true));
}
