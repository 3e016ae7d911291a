/**
 * The right-hand panel: the network at a glance when nothing is selected; otherwise the
 * selected device (name, type, IP settings for hosts, a server's DNS service, ports and their
 * cables) or cable.
 */

import {
  type DeviceDoc,
  deviceOf,
  devicesInOrder,
  linkOf,
  linksInOrder,
  type NetworkDoc,
} from '../../editor/document.ts';
import type { Selection } from '../../editor/tools.ts';
import { deviceLook } from '../../render/device-look.ts';
import type { LightColour } from '../../render/link-lights.ts';
import { HOST_DHCP } from '../../shared/config.ts';
import type { LinkId } from '../../shared/ids.ts';
import { shortInterfaceName } from '../../shared/ports.ts';
import type { AppContext } from '../context.ts';
import { h, icon } from '../dom.ts';
import { t } from '../i18n/i18n.ts';
import { ICONS } from '../icons.ts';
import { portUses } from '../port-menu.ts';
import { connectForm } from './connect-form.ts';
import { dnsForm } from './dns-form.ts';
import { readDrafts, restoreDrafts, trackDrafts } from './drafts.ts';
import { ipForm } from './ip-form.ts';

export class DetailsPanel {
  readonly #el: HTMLElement;
  readonly #ctx: AppContext;
  #shown: { doc: NetworkDoc; selection: Selection | undefined; lang: string } | undefined;

  constructor(el: HTMLElement, ctx: AppContext) {
    this.#el = el;
    this.#ctx = ctx;
    trackDrafts(el);
  }

  show(doc: NetworkDoc, selection: Selection | undefined): void {
    const lang = document.documentElement.lang;
    const s = this.#shown;
    if (s && s.doc === doc && s.selection === selection && s.lang === lang) return;
    this.#shown = { doc, selection, lang };
    // The same thing shown again (the document changed under it): keep what the user is typing.
    const drafts = s?.selection === selection ? readDrafts(this.#el) : undefined;
    const device = selection?.type === 'device' ? deviceOf(doc, selection.id) : undefined;
    if (device) this.#device(doc, device);
    else if (selection?.type === 'link' && linkOf(doc, selection.id)) this.#link(doc, selection.id);
    else this.#overview(doc);
    if (drafts) restoreDrafts(this.#el, drafts);
  }

  /**
   * Cable lights change often (a port coming up, a realtime tick): their dots are recoloured
   * where they are, so that what the user is typing or has chosen in the forms stays.
   */
  lightsChanged(changed: readonly LinkId[]): void {
    const links = new Set<string>(changed);
    for (const dot of this.#el.querySelectorAll<HTMLElement>('.dot[data-link]')) {
      const link = dot.dataset['link']!;
      if (links.has(link)) dot.className = this.#dotClass(link as LinkId, dot.dataset['end'] as 'a' | 'b');
    }
  }

  #overview(doc: NetworkDoc): void {
    const select = (selection: Selection) => () => this.#ctx.select(selection);
    const devices = devicesInOrder(doc).map((d) => {
      return h(
        'li',
        {},
        h(
          'button',
          { type: 'button', 'data-device': d.name, onclick: select({ type: 'device', id: d.id }) },
          icon(ICONS[deviceLook(d)]),
          d.name,
          h(
            'span',
            { class: 'sub' },
            d.ip === HOST_DHCP ? t('ipform.dhcp') : (d.ip ?? t(`kind.${deviceLook(d)}`)),
          ),
        ),
      );
    });
    const cables = doc.linkOrder.map((id) => {
      return h(
        'li',
        {},
        h(
          'button',
          { type: 'button', onclick: select({ type: 'link', id }) },
          this.#cableText(doc, id) ?? '',
        ),
      );
    });
    this.#el.replaceChildren(
      h('h2', {}, t('panel.network')),
      doc.deviceOrder.length === 0
        ? h('p', { class: 'muted' }, t('panel.empty'))
        : h('p', { class: 'muted' }, t('panel.select')),
      h('h3', {}, t('panel.devices')),
      h('ul', { class: 'list' }, ...devices),
      h('h3', {}, t('panel.cables')),
      h('ul', { class: 'list' }, ...cables),
    );
  }

  #cableText(doc: NetworkDoc, id: LinkId): string | undefined {
    const l = linkOf(doc, id);
    if (!l) return undefined;
    return t('panel.cableEnds', {
      a: deviceOf(doc, l.a.device)?.name ?? '?',
      portA: shortInterfaceName(l.a.port),
      b: deviceOf(doc, l.b.device)?.name ?? '?',
      portB: shortInterfaceName(l.b.port),
    });
  }

  #device(doc: NetworkDoc, d: DeviceDoc): void {
    const ctx = this.#ctx;
    const nameInput = h('input', {
      id: 'device-name',
      value: d.name,
      'data-field': 'name',
      autocomplete: 'off',
      spellcheck: 'false',
    });
    const rename = h(
      'form',
      { class: 'row' },
      h('div', { class: 'field' }, h('label', { for: 'device-name' }, t('panel.name')), nameInput),
      h('button', { class: 'btn', type: 'submit' }, t('panel.rename')),
    );
    rename.addEventListener('submit', (e) => {
      e.preventDefault();
      const name = nameInput.value.trim();
      if (name !== d.name) void ctx.run({ type: 'renameDevice', id: d.id, name });
    });
    // Each port's cable, and which end of it this port is: its light is that end's.
    const cableAt = new Map<string, { id: LinkId; end: 'a' | 'b' }>();
    for (const l of linksInOrder(doc)) {
      if (l.a.device === d.id) cableAt.set(l.a.port, { id: l.id, end: 'a' });
      if (l.b.device === d.id) cableAt.set(l.b.port, { id: l.id, end: 'b' });
    }
    const rows = portUses(doc, d.id).map((use) => {
      const cable = cableAt.get(use.port);
      const lid = cable?.id;
      return h(
        'tr',
        {},
        h(
          'td',
          {},
          cable ? this.#dot(cable.id, cable.end) : h('span', { class: 'dot', 'aria-hidden': 'true' }),
          shortInterfaceName(use.port),
        ),
        h(
          'td',
          {},
          use.peer
            ? `${use.peer.name} ${shortInterfaceName(use.peer.port)}`
            : h('span', { class: 'muted' }, t('panel.notConnected')),
        ),
        h(
          'td',
          {},
          lid
            ? h(
                'button',
                {
                  type: 'button',
                  class: 'icon-btn',
                  title: t('panel.disconnect'),
                  'aria-label': `${t('panel.disconnect')} ${use.port}`,
                  onclick: () => void ctx.run({ type: 'disconnect', id: lid }),
                },
                '✕',
              )
            : '',
        ),
      );
    });
    this.#el.replaceChildren(
      h('h2', {}, icon(ICONS[deviceLook(d)]), d.name),
      rename,
      h('p', {}, t('panel.kindIs', { kind: t(`kind.${deviceLook(d)}`) })),
      d.kind === 'pc' || d.kind === 'server' ? ipForm(d, ctx) : '',
      d.kind === 'server' ? dnsForm(d, ctx) : '',
      h('h3', {}, t('panel.ports')),
      h(
        'table',
        { class: 'ports' },
        h('thead', {}, h('tr', {}, h('th', {}, t('panel.port')), h('th', {}, t('panel.cable')), h('th', {}))),
        h('tbody', {}, ...rows),
      ),
      connectForm(doc, d, ctx) ?? '',
      h(
        'p',
        {},
        h(
          'button',
          {
            type: 'button',
            class: 'btn danger',
            onclick: () => void ctx.run({ type: 'removeDevice', id: d.id }),
          },
          t('panel.delete'),
        ),
      ),
    );
  }

  #link(doc: NetworkDoc, id: LinkId): void {
    this.#el.replaceChildren(
      h('h2', {}, icon(ICONS.cable), t('panel.cableTitle')),
      h('p', {}, this.#dot(id, 'a'), this.#cableText(doc, id) ?? '', ' ', this.#dot(id, 'b')),
      h(
        'p',
        {},
        h(
          'button',
          {
            type: 'button',
            class: 'btn danger',
            onclick: () => void this.#ctx.run({ type: 'disconnect', id }),
          },
          t('panel.disconnect'),
        ),
      ),
    );
  }

  #dotClass(link: LinkId, end: 'a' | 'b'): string {
    const colour: LightColour | undefined = this.#ctx.lights.lightOf(link, end);
    return colour ? `dot ${colour}` : 'dot';
  }

  /** The light at one end of a cable. */
  #dot(link: LinkId, end: 'a' | 'b'): HTMLElement {
    return h('span', {
      class: this.#dotClass(link, end),
      'data-link': link,
      'data-end': end,
      'aria-hidden': 'true',
    });
  }
}
