/**
 * The console area under the canvas: the selected device's console. Each device keeps its own
 * terminal (and so its scrollback and history) for as long as the device exists.
 */
import { deviceOf, type NetworkDoc } from '../../editor/document.ts';
import type { DeviceId } from '../../shared/ids.ts';
import type { AppContext } from '../context.ts';
import { h } from '../dom.ts';
import { t } from '../i18n/i18n.ts';
import { DeviceConsole } from './device-console.ts';

export class ConsoleDock {
  readonly #ctx: AppContext;
  readonly #title = h('span');
  readonly #body = h('div', { class: 'term' });
  readonly #consoles = new Map<DeviceId, DeviceConsole>();
  #shown: DeviceId | undefined;

  constructor(el: HTMLElement, ctx: AppContext) {
    this.#ctx = ctx;
    el.replaceChildren(h('header', {}, this.#title), this.#body);
    new ResizeObserver(() => this.#consoles.get(this.#shown!)?.fit()).observe(this.#body);
  }

  show(id: DeviceId | undefined): void {
    this.#shown = id;
    this.relabel();
    if (id === undefined) return;
    const device = deviceOf(this.#ctx.mirror.doc, id);
    if (!device) return;
    let c = this.#consoles.get(id);
    if (!c) {
      const ios = device.kind === 'router' || device.kind === 'switch';
      c = new DeviceConsole(
        this.#ctx.session,
        id,
        ios,
        (patches) => this.#ctx.consoleRan(patches),
        (error) => this.#ctx.failed(error),
      );
      this.#consoles.set(id, c);
    }
    if (c.element.parentElement !== this.#body) this.#body.replaceChildren(c.element);
    const shown = c;
    // What the device logged while its console was hidden shows when it comes back.
    void shown.open().then(() => {
      shown.fit();
      return shown.pollLog();
    });
  }

  /** Prints what the shown device logged on its own since the last look (realtime ticks). */
  poll(): void {
    const c = this.#shown === undefined ? undefined : this.#consoles.get(this.#shown);
    void c?.pollLog();
  }

  /** Drops the consoles of devices that no longer exist; keeps the title in step with renames. */
  sync(doc: NetworkDoc): void {
    for (const [id, c] of this.#consoles) {
      if (!deviceOf(doc, id)) {
        c.dispose();
        this.#consoles.delete(id);
      }
    }
    this.relabel();
  }

  /** A new network (New, Open, an example) starts every console afresh. */
  reset(): void {
    for (const c of this.#consoles.values()) c.dispose();
    this.#consoles.clear();
    this.#shown = undefined;
  }

  relabel(): void {
    const name = this.#shown === undefined ? '' : (deviceOf(this.#ctx.mirror.doc, this.#shown)?.name ?? '');
    this.#title.textContent = `${t('panel.console')} — ${name}`;
  }
}
