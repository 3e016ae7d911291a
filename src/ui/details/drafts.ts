/**
 * What the user typed or chose in the panel's forms and has not applied yet. The panel is
 * built again when the document changes (a console line, an undo); the fields the user changed
 * keep their text and choice, and the focus stays where it was.
 */
type Field = HTMLInputElement | HTMLSelectElement;

export interface Drafts {
  readonly values: ReadonlyMap<string, string>;
  readonly focused: string | undefined;
}

const EDITED = 'edited';
const fieldsOf = (root: HTMLElement): Field[] => [
  ...root.querySelectorAll<Field>('input[data-field], select[data-field]'),
];

/** Marks the fields the user changes; a form applied (submitted) has nothing left to keep. */
export function trackDrafts(root: HTMLElement): void {
  const mark = (e: Event): void => {
    const field = e.target as HTMLElement;
    if (field.dataset['field'] !== undefined) field.dataset[EDITED] = 'true';
  };
  root.addEventListener('input', mark);
  root.addEventListener('change', mark);
  root.addEventListener('submit', (e) => {
    for (const field of fieldsOf(e.target as HTMLElement)) delete field.dataset[EDITED];
  });
}

export function readDrafts(root: HTMLElement): Drafts {
  const values = new Map<string, string>();
  for (const field of fieldsOf(root)) {
    if (field.dataset[EDITED] !== undefined) values.set(field.dataset['field']!, field.value);
  }
  const active = document.activeElement as HTMLElement | null;
  return { values, focused: root.contains(active) ? active?.dataset['field'] : undefined };
}

/**
 * Puts the drafts back into the fields built again, in document order: a choice that changes
 * the options of the next list (the device to connect to, then its port) is made first. A
 * choice the new options no longer offer is dropped.
 */
export function restoreDrafts(root: HTMLElement, drafts: Drafts): void {
  for (const field of fieldsOf(root)) {
    const name = field.dataset['field']!;
    const value = drafts.values.get(name);
    if (value !== undefined) {
      if (field instanceof HTMLSelectElement && ![...field.options].some((o) => o.value === value)) continue;
      field.value = value;
      field.dataset[EDITED] = 'true';
      if (field instanceof HTMLSelectElement) field.dispatchEvent(new Event('change', { bubbles: true }));
    }
    if (name === drafts.focused) field.focus();
  }
}
