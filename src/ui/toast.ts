/** Short messages at the bottom of the window, read out by screen readers. */
import { h } from './dom.ts';

let host: HTMLElement | undefined;

export function toast(message: string, kind: 'info' | 'error' = 'info', ms = 5000): void {
  if (!host) {
    host = h('div', { class: 'toasts', role: 'status', 'aria-live': 'polite' });
    document.body.append(host);
  }
  const el = h('div', { class: `toast ${kind}` }, message);
  host.append(el);
  setTimeout(() => el.remove(), ms);
}
