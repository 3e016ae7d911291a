/**
 * A PC's or server's IP configuration (DHCP, or a static address, subnet mask and default
 * gateway; and its DNS servers), as on the Desktop > IP Configuration page students know.
 * Checked here so mistakes are explained beside the field; the simulator checks again when it
 * applies the change.
 */
import type { DeviceDoc, DocCommand } from '../../editor/document.ts';
import { HOST_DHCP } from '../../shared/config.ts';
import { formatIpv4, lenFromMask, maskFromLen, parseAssignment, parseIpv4 } from '../../shared/ipv4.ts';
import type { AppContext } from '../context.ts';
import { h } from '../dom.ts';
import { t } from '../i18n/i18n.ts';
import { toast } from '../toast.ts';

export function ipForm(d: DeviceDoc, ctx: AppContext): HTMLElement {
  const dhcp = d.ip === HOST_DHCP;
  const current = d.ip && !dhcp ? parseAssignment(d.ip) : undefined;
  const field = (name: string, label: string, value: string, hint?: string) => {
    const input = h('input', {
      id: `ip-${name}`,
      'data-field': name,
      value,
      inputmode: 'decimal',
      autocomplete: 'off',
      spellcheck: 'false',
      'aria-describedby': hint === undefined ? `ip-${name}-error` : `ip-${name}-hint ip-${name}-error`,
    });
    const error = h('div', { class: 'error', id: `ip-${name}-error`, 'aria-live': 'polite' });
    const note = hint === undefined ? '' : h('div', { class: 'hint', id: `ip-${name}-hint` }, hint);
    return {
      input,
      error,
      el: h('div', { class: 'field' }, h('label', { for: `ip-${name}` }, label), input, note, error),
    };
  };
  const ip = field('ip', t('ipform.ip'), current ? formatIpv4(current.addr) : '');
  const mask = field('mask', t('ipform.mask'), current ? formatIpv4(maskFromLen(current.len)) : '');
  const gw = field('gateway', t('ipform.gateway'), dhcp ? '' : (d.gateway ?? ''));
  // Typed servers apply with DHCP too (they replace the lease's), so this field stays enabled.
  const dns = field('dns', t('ipform.dns'), (d.dns ?? []).join(', '), t('ipform.dnsHint'));
  const choice = (value: 'dhcp' | 'static', label: string, checked: boolean) => {
    const input = h('input', { type: 'radio', name: 'ip-mode', value, id: `ip-mode-${value}` });
    input.checked = checked;
    return { input, el: h('label', { for: `ip-mode-${value}`, class: 'choice' }, input, label) };
  };
  const auto = choice('dhcp', t('ipform.dhcp'), dhcp);
  const manual = choice('static', t('ipform.static'), !dhcp);
  // The address fields are the static choice's; DHCP fills them from its lease.
  const sync = () => {
    for (const f of [ip, mask, gw]) f.input.disabled = auto.input.checked;
  };
  auto.input.addEventListener('change', sync);
  manual.input.addEventListener('change', sync);
  sync();
  const form = h(
    'form',
    { 'aria-labelledby': 'ipform-title' },
    h('h3', { id: 'ipform-title' }, t('ipform.title')),
    h('div', { class: 'choices', role: 'radiogroup', 'aria-label': t('ipform.mode') }, auto.el, manual.el),
    ip.el,
    mask.el,
    gw.el,
    dns.el,
    h('button', { class: 'btn primary', type: 'submit' }, t('ipform.apply')),
  );
  /** One command, so one undo step; the simulator's refusal (four servers, one twice) changes nothing. */
  const apply = (ip: string | undefined, gateway: string | undefined, dns: string[]): void => {
    const command: DocCommand = {
      type: 'setHostIp',
      id: d.id,
      ...(ip !== undefined ? { ip } : {}),
      ...(gateway !== undefined ? { gateway } : {}),
      dns,
    };
    void ctx.run(command).then((ok) => {
      if (ok) toast(t('ipform.applied'));
    });
  };
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    for (const f of [ip, mask, gw, dns]) {
      f.error.textContent = '';
      f.input.removeAttribute('aria-invalid');
    }
    const fail = (f: typeof ip, message: string): void => {
      f.error.textContent = message;
      f.input.setAttribute('aria-invalid', 'true');
      f.input.focus();
    };
    const servers = dns.input.value.split(/[\s,;]+/).filter((s) => s !== '');
    const badServer = servers.find((s) => parseIpv4(s) === undefined);
    const serversOk = (): boolean => {
      if (badServer !== undefined) fail(dns, t('ipform.badIp', { value: badServer }));
      return badServer === undefined;
    };
    if (auto.input.checked) {
      if (serversOk()) apply(HOST_DHCP, undefined, servers);
      return;
    }
    const ipText = ip.input.value.trim();
    const maskText = mask.input.value.trim();
    const gwText = gw.input.value.trim();
    let assignment: string | undefined;
    if (ipText !== '') {
      const addr = parseIpv4(ipText);
      if (addr === undefined) return fail(ip, t('ipform.badIp', { value: ipText }));
      if (maskText === '') return fail(mask, t('ipform.maskNeeded'));
      const m = parseIpv4(maskText);
      const len = m === undefined ? undefined : lenFromMask(m);
      if (len === undefined) return fail(mask, t('ipform.badMask', { value: maskText }));
      assignment = `${formatIpv4(addr)}/${len}`;
    }
    if (gwText !== '' && parseIpv4(gwText) === undefined)
      return fail(gw, t('ipform.badIp', { value: gwText }));
    if (!serversOk()) return;
    apply(assignment, gwText === '' ? undefined : gwText, servers);
  });
  return form;
}
