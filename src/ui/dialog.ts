/** A modal dialog with a title, a body and a Close button (Escape closes it too). */
import { h } from './dom.ts';
import { t } from './i18n/i18n.ts';

export function showDialog(title: string, body: Node): void {
  const close = h('button', { class: 'btn primary', type: 'button' }, t('help.close'));
  const dialog = h(
    'dialog',
    { 'aria-labelledby': 'dialog-title' },
    h('h2', { id: 'dialog-title' }, title),
    body,
    h('div', { class: 'actions' }, close),
  );
  close.addEventListener('click', () => dialog.close());
  dialog.addEventListener('close', () => dialog.remove());
  document.body.append(dialog);
  dialog.showModal();
  close.focus();
}
