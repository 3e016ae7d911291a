/**
 * Cabling from the keyboard: pick a port of this device, the device at the other end and its
 * port ("automatic" takes the first free one, like the automatic cable on the canvas).
 */
import { type DeviceDoc, deviceOf, type NetworkDoc } from '../../editor/document.ts';
import type { DeviceId } from '../../shared/ids.ts';
import type { AppContext } from '../context.ts';
import { h } from '../dom.ts';
import { t } from '../i18n/i18n.ts';
import { portUses } from '../port-menu.ts';

const AUTO = 'auto';

function portOptions(doc: NetworkDoc, id: DeviceId): HTMLOptionElement[] {
  const free = portUses(doc, id).filter((u) => !u.peer);
  return [
    h('option', { value: AUTO }, t('connect.auto')),
    ...free.map((u) => h('option', { value: u.port }, u.port)),
  ];
}

export function connectForm(doc: NetworkDoc, d: DeviceDoc, ctx: AppContext): HTMLElement | undefined {
  const hasFree = (id: DeviceId): boolean => portUses(doc, id).some((u) => !u.peer);
  const others = doc.deviceOrder.filter((id) => id !== d.id && hasFree(id));
  if (!hasFree(d.id) || others.length === 0) return undefined;
  const from = h('select', { id: 'connect-from', 'data-field': 'connect-from' }, ...portOptions(doc, d.id));
  const to = h(
    'select',
    { id: 'connect-to', 'data-field': 'connect-to' },
    ...others.map((id) => h('option', { value: id }, deviceOf(doc, id)!.name)),
  );
  const toPort = h(
    'select',
    { id: 'connect-to-port', 'data-field': 'connect-to-port' },
    ...portOptions(doc, others[0]!),
  );
  to.addEventListener('change', () => toPort.replaceChildren(...portOptions(doc, to.value as DeviceId)));
  const field = (id: string, label: string, control: HTMLElement) =>
    h('div', { class: 'field' }, h('label', { for: id }, label), control);
  const form = h(
    'form',
    { 'aria-labelledby': 'connect-title' },
    h('h3', { id: 'connect-title' }, t('connect.title')),
    field('connect-from', t('connect.from'), from),
    field('connect-to', t('connect.to'), to),
    field('connect-to-port', t('connect.toPort'), toPort),
    h('button', { class: 'btn', type: 'submit' }, t('connect.submit')),
  );
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    void ctx.run({
      type: 'connect',
      a: { device: d.id, port: from.value },
      b: { device: to.value as DeviceId, port: toPort.value },
    });
  });
  return form;
}
