/** Modal dialogs: one that shows something with a Close button, one that asks a question. */
import { h } from './dom.ts';
import { t } from './i18n/i18n.ts';

function open(title: string, body: Node, buttons: readonly HTMLButtonElement[]): HTMLDialogElement {
  const dialog = h(
    'dialog',
    { 'aria-labelledby': 'dialog-title' },
    h('h2', { id: 'dialog-title' }, title),
    body,
    h('div', { class: 'actions' }, ...buttons),
  );
  dialog.addEventListener('close', () => dialog.remove());
  document.body.append(dialog);
  dialog.showModal();
  return dialog;
}

export function showDialog(title: string, body: Node): void {
  const close = h('button', { class: 'btn primary', type: 'button' }, t('help.close'));
  const dialog = open(title, body, [close]);
  close.addEventListener('click', () => dialog.close());
  close.focus();
}

export interface Choice<T extends string> {
  readonly value: T;
  readonly label: string;
  /** The answer Enter gives (focused first). */
  readonly primary?: boolean;
}

/** Asks and waits for the answer; undefined when the dialog is dismissed (Escape). */
export function ask<T extends string>(
  title: string,
  message: string,
  choices: readonly Choice<T>[],
): Promise<T | undefined> {
  return new Promise((resolve) => {
    let answer: T | undefined;
    const buttons = choices.map((c) => {
      const b = h(
        'button',
        { class: c.primary ? 'btn primary' : 'btn', type: 'button', 'data-choice': c.value },
        c.label,
      );
      b.addEventListener('click', () => {
        answer = c.value;
        dialog.close();
      });
      return b;
    });
    const dialog = open(title, h('p', {}, message), buttons);
    dialog.addEventListener('close', () => resolve(answer));
    (buttons[choices.findIndex((c) => c.primary)] ?? buttons[0])?.focus();
  });
}
