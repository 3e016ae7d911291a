/**
 * A message that stays until the user dismisses it, for what must not scroll away with the
 * toasts: a kept network that could not be opened, a simulator that stopped.
 */
import { h } from './dom.ts';
import { t } from './i18n/i18n.ts';

export interface NoticeAction {
  readonly label: string;
  run(): void;
}

/** Shows the notice; returns what closes it. */
export function showNotice(message: string, actions: readonly NoticeAction[] = []): () => void {
  const notice = h('div', { class: 'notice', role: 'alert' }, h('p', {}, message));
  const close = (): void => notice.remove();
  for (const action of actions) {
    notice.append(
      h('button', { class: 'btn primary', type: 'button', onclick: () => action.run() }, action.label),
    );
  }
  notice.append(h('button', { class: 'btn', type: 'button', onclick: close }, t('notice.dismiss')));
  document.body.append(notice);
  return close;
}
