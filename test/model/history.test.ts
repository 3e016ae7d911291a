import { describe, expect, it } from 'vitest';
import { applyCommand, type DocCommand } from '../../src/model/commands.ts';
import { bucketOf, deviceOf, type NetworkDoc } from '../../src/model/document.ts';
import { History } from '../../src/model/history.ts';
import { loadNetwork } from '../../src/model/load.ts';
import { deviceId } from '../../src/shared/ids.ts';

const R1 = deviceId('d1');

function start(): NetworkDoc {
  return loadNetwork({ version: 1, devices: [{ name: 'R1', kind: 'router', at: [0, 0] }] }).doc!;
}

/** A document and its history, driven the way the session drives them. */
class Editor {
  doc = start();
  constructor(readonly history = new History()) {}
  run(cmd: DocCommand): void {
    const r = applyCommand(this.doc, cmd);
    if (!r.ok) throw new Error(r.error.key);
    this.history.record(r.patches, r.inverse);
    this.doc = r.doc;
  }
  move(x: number): void {
    this.run({ type: 'moveDevice', id: R1, at: [x, 0] });
  }
  undo(): boolean {
    const m = this.history.undo(this.doc);
    if (m) this.doc = m.doc;
    return m !== undefined;
  }
  redo(): boolean {
    const m = this.history.redo(this.doc);
    if (m) this.doc = m.doc;
    return m !== undefined;
  }
  get x(): number {
    return deviceOf(this.doc, R1)!.at[0];
  }
}

describe('History', () => {
  it('undoes and redoes one command at a time', () => {
    const e = new Editor();
    e.move(1);
    e.move(2);
    expect(e.undo()).toBe(true);
    expect(e.x).toBe(1);
    expect(e.undo()).toBe(true);
    expect(e.x).toBe(0);
    expect(e.undo()).toBe(false);
    expect(e.redo()).toBe(true);
    expect(e.x).toBe(1);
    expect(e.redo()).toBe(true);
    expect(e.x).toBe(2);
    expect(e.redo()).toBe(false);
  });

  it('returns the patches it applied, for the mirror and autosave', () => {
    const e = new Editor();
    e.move(5);
    expect(e.history.undo(e.doc)!.patches).toEqual([
      { op: 'replace', path: ['devices', bucketOf('d1'), 'd1', 'at'], value: [0, 0] },
    ]);
  });

  it('forgets what could be redone when a new command is recorded', () => {
    const e = new Editor();
    e.move(1);
    e.undo();
    expect(e.history.canRedo).toBe(true);
    e.move(3);
    expect(e.history.canRedo).toBe(false);
    expect(e.redo()).toBe(false);
  });

  it('does not record commands that changed nothing', () => {
    const e = new Editor();
    e.move(1);
    e.move(1);
    e.undo();
    expect(e.history.canUndo).toBe(false);
  });

  it('keeps at most `limit` steps, forgetting the oldest', () => {
    const e = new Editor(new History(3));
    for (let x = 1; x <= 5; x++) e.move(x);
    let undone = 0;
    while (e.undo()) undone++;
    expect(undone).toBe(3);
    expect(e.x).toBe(2);
  });

  it('undoes a group (a drag) as one step, folded to one patch each way', () => {
    const e = new Editor();
    e.run({ type: 'renameDevice', id: R1, name: 'Edge' });
    e.history.beginGroup();
    for (let x = 1; x <= 50; x++) e.move(x);
    e.history.endGroup();
    e.move(99);
    e.undo();
    expect(e.x).toBe(50);
    const m = e.history.undo(e.doc)!;
    expect(m.patches).toEqual([
      { op: 'replace', path: ['devices', bucketOf('d1'), 'd1', 'at'], value: [0, 0] },
    ]);
    e.doc = m.doc;
    expect(deviceOf(e.doc, R1)!.name).toBe('Edge');
    const r = e.history.redo(e.doc)!;
    expect(r.patches).toEqual([
      { op: 'replace', path: ['devices', bucketOf('d1'), 'd1', 'at'], value: [50, 0] },
    ]);
  });

  it('keeps different changes of a group in order', () => {
    const e = new Editor();
    const before = e.doc;
    e.history.beginGroup();
    e.run({ type: 'addDevice', kind: 'switch', at: [0, 0] });
    e.run({ type: 'connect', a: { device: R1, port: 'auto' }, b: { device: deviceId('d2'), port: 'auto' } });
    e.move(4);
    e.run({ type: 'removeDevice', id: deviceId('d2') });
    e.history.endGroup();
    const after = e.doc;
    e.undo();
    expect(e.doc).toEqual(before);
    e.redo();
    expect(e.doc).toEqual(after);
  });

  it('nests groups, and an undo inside a group closes it', () => {
    const e = new Editor();
    e.history.beginGroup();
    e.move(1);
    e.history.beginGroup();
    e.move(2);
    e.history.endGroup();
    e.move(3);
    e.undo();
    expect(e.x).toBe(0);
    e.move(4);
    e.move(5);
    e.history.endGroup();
    e.undo();
    expect(e.x).toBe(4);
  });

  it('clears everything', () => {
    const e = new Editor();
    e.move(1);
    e.undo();
    e.move(2);
    e.history.clear();
    expect(e.history.canUndo || e.history.canRedo).toBe(false);
  });
});
