/**
 * A server's DNS service, as on Packet Tracer's Services > DNS page: on or off, and the records
 * it answers with (a name's address, or the name it is an alias of), added and removed one by
 * one. Empty fields and malformed addresses are explained beside the field; the simulator
 * checks names and clashes between records, and says why it refuses one.
 */
import type { DeviceDoc } from '../../editor/document.ts';
import { formatIpv4, parseIpv4 } from '../../shared/ipv4.ts';
import type { AppContext } from '../context.ts';
import { h } from '../dom.ts';
import { t } from '../i18n/i18n.ts';

type DnsRecord = NonNullable<DeviceDoc['dnsRecords']>[number];

export function dnsForm(d: DeviceDoc, ctx: AppContext): HTMLElement {
  const records = d.dnsRecords;
  const setRecords = (next: readonly DnsRecord[] | undefined): Promise<boolean> =>
    ctx.run(
      next === undefined
        ? { type: 'setDnsRecords', id: d.id }
        : { type: 'setDnsRecords', id: d.id, records: next },
    );

  const choice = (value: 'on' | 'off', label: string, checked: boolean) => {
    // A field name of its own, so the focus stays on it when the panel is built again.
    const id = `dns-service-${value}`;
    const input = h('input', { type: 'radio', name: 'dns-service', value, id, 'data-field': id });
    input.checked = checked;
    // Turning the service off drops its records, as the file then has no "dnsRecords" (undo brings them back).
    input.addEventListener('change', () => {
      if (input.checked) void setRecords(value === 'on' ? (records ?? []) : undefined);
    });
    return h('label', { for: id, class: 'choice' }, input, label);
  };
  const section = h(
    'section',
    { 'aria-labelledby': 'dnsform-title' },
    h('h3', { id: 'dnsform-title' }, t('dnsform.title')),
    h(
      'div',
      { class: 'choices', role: 'radiogroup', 'aria-label': t('dnsform.mode') },
      choice('on', t('dnsform.on'), records !== undefined),
      choice('off', t('dnsform.off'), records === undefined),
    ),
  );
  if (records === undefined) {
    section.append(h('p', { class: 'muted' }, t('dnsform.isOff')));
    return section;
  }
  section.append(recordTable(records, (i) => void setRecords(records.filter((_, k) => k !== i))));
  section.append(addForm((record) => setRecords([...records, record])));
  return section;
}

/** A domain name that may break before its dots, so long names wrap between labels. */
const dotted = (name: string): (string | HTMLElement)[] =>
  name.split('.').flatMap((label, i) => (i === 0 ? [label] : [h('wbr'), `.${label}`]));

function recordTable(records: readonly DnsRecord[], remove: (index: number) => void): HTMLElement {
  if (records.length === 0) return h('p', { class: 'muted' }, t('dnsform.none'));
  const rows = records.map((r, i) =>
    h(
      'tr',
      {},
      h('td', { class: 'wrap' }, ...dotted(r.name)),
      h('td', {}, r.type),
      r.type === 'A' ? h('td', {}, r.address) : h('td', { class: 'wrap' }, ...dotted(r.target)),
      h(
        'td',
        {},
        h(
          'button',
          {
            type: 'button',
            class: 'icon-btn',
            title: t('dnsform.remove'),
            'aria-label': t('dnsform.removeOne', { type: r.type, name: r.name }),
            onclick: () => remove(i),
          },
          '✕',
        ),
      ),
    ),
  );
  return h(
    'table',
    { class: 'records', 'aria-label': t('dnsform.records') },
    h(
      'thead',
      {},
      h(
        'tr',
        {},
        h('th', {}, t('dnsform.name')),
        h('th', {}, t('dnsform.type')),
        h('th', {}, t('dnsform.detail')),
        h('th', {}),
      ),
    ),
    h('tbody', {}, ...rows),
  );
}

/** The fields of a new record; `add` resolves to whether the simulator took it. */
function addForm(add: (record: DnsRecord) => Promise<boolean>): HTMLElement {
  const field = (name: string, label: string, control: HTMLInputElement | HTMLSelectElement) => {
    const error = h('div', { class: 'error', id: `dns-${name}-error`, 'aria-live': 'polite' });
    control.setAttribute('aria-describedby', error.id);
    const labelEl = h('label', { for: control.id }, label);
    return { control, error, labelEl, el: h('div', { class: 'field' }, labelEl, control, error) };
  };
  const text = (name: string) =>
    h('input', { id: `dns-${name}`, 'data-field': `dns-${name}`, autocomplete: 'off', spellcheck: 'false' });
  const name = field('name', t('dnsform.name'), text('name'));
  const type = field(
    'type',
    t('dnsform.type'),
    h(
      'select',
      { id: 'dns-type', 'data-field': 'dns-type' },
      h('option', { value: 'A' }, t('dnsform.typeA')),
      h('option', { value: 'CNAME' }, t('dnsform.typeCname')),
    ),
  );
  const value = field('value', t('dnsform.address'), text('value'));
  // The last field is an address for A, a name for CNAME.
  const isA = (): boolean => type.control.value === 'A';
  const sync = (): void => {
    value.labelEl.textContent = isA() ? t('dnsform.address') : t('dnsform.target');
    value.control.setAttribute('inputmode', isA() ? 'decimal' : 'text');
  };
  type.control.addEventListener('change', sync);
  sync();
  const form = h(
    'form',
    { class: 'dns-add', 'aria-label': t('dnsform.add') },
    name.el,
    type.el,
    value.el,
    h('button', { class: 'btn', type: 'submit' }, t('dnsform.add')),
  );
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    for (const f of [name, value]) {
      f.error.textContent = '';
      f.control.removeAttribute('aria-invalid');
    }
    const fail = (f: typeof name, message: string): void => {
      f.error.textContent = message;
      f.control.setAttribute('aria-invalid', 'true');
      f.control.focus();
    };
    const nameText = name.control.value.trim();
    const valueText = value.control.value.trim();
    if (nameText === '') return fail(name, t('dnsform.nameNeeded'));
    if (valueText === '') return fail(value, t(isA() ? 'dnsform.addressNeeded' : 'dnsform.targetNeeded'));
    let record: DnsRecord;
    if (isA()) {
      const addr = parseIpv4(valueText);
      if (addr === undefined) return fail(value, t('ipform.badIp', { value: valueText }));
      record = { name: nameText, type: 'A', address: formatIpv4(addr) };
    } else record = { name: nameText, type: 'CNAME', target: valueText };
    void add(record);
  });
  return form;
}
