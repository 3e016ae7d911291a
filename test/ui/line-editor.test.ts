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

  it('walks the history with up and down, keeping the line being typed', () => {
    const e = new LineEditor();
    typed(e, 'enable');
    e.submit();
    typed(e, 'conf t');
    e.submit();
    typed(e, 'int');
    e.previous();
    expect(e.line).toBe('conf t');
    e.previous();
    expect(e.line).toBe('enable');
    e.previous();
    expect(e.line).toBe('enable');
    e.next();
    e.next();
    expect(e).toMatchObject({ line: 'int', cursor: 3 });
  });

  it('records neither blank lines nor immediate repeats', () => {
    const e = new LineEditor();
    for (const line of ['ping 10.0.0.1', 'ping 10.0.0.1', '   ', 'ipconfig']) {
      typed(e, line);
      e.submit();
    }
    expect(e.history).toEqual(['ping 10.0.0.1', 'ipconfig']);
  });
});
