import { describe, expect, it } from 'vitest';
import { LineEditor } from '../../src/ui/details/line-editor.ts';

const typed = (e: LineEditor, s: string): void => {
  for (const ch of s) e.insert(ch);
};

describe('console line editing', () => {
  it('edits in the middle of the line', () => {
    const e = new LineEditor();
    typed(e, 'shw run');
    e.home();
    e.right();
    e.right();
    e.insert('o');
    expect(e.line).toBe('show run');
    e.end();
    e.backspace();
    expect(e.line).toBe('show ru');
    e.home();
    e.deleteForward();
    expect(e).toMatchObject({ line: 'how ru', cursor: 0 });
  });

  it('keeps the cursor inside the line', () => {
    const e = new LineEditor();
    typed(e, 'en');
    e.right();
    expect(e.cursor).toBe(2);
    e.home();
    e.left();
    e.backspace();
    expect(e).toMatchObject({ line: 'en', cursor: 0 });
  });

  it('submits the line and starts an empty one', () => {
    const e = new LineEditor();
    typed(e, 'conf t');
    e.left();
    expect(e.submit()).toBe('conf t');
    expect(e).toMatchObject({ line: '', cursor: 0 });
    e.set('interface g0/0');
    expect(e.cursor).toBe(14);
  });
});
