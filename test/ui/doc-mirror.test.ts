import { describe, expect, it } from 'vitest';
import { DocMirror, EMPTY_DOC } from '../../src/editor/doc-mirror.ts';
import { applyCommand } from '../../src/model/commands.ts';
import { deviceOf } from '../../src/model/document.ts';
import { deviceId } from '../../src/shared/ids.ts';

describe('document mirror', () => {
  it('follows the writer through the patches it sends, sharing what did not change', () => {
    let writer = EMPTY_DOC;
    const mirror = new DocMirror();
    const seen: number[] = [];
    mirror.subscribe((doc) => seen.push(doc.deviceOrder.length));
    for (const cmd of [
      { type: 'addDevice', id: deviceId('r1'), kind: 'router', at: [0, 0] },
      { type: 'addDevice', id: deviceId('s1'), kind: 'switch', at: [0, 100] },
      { type: 'moveDevice', id: deviceId('r1'), at: [50, 0] },
    ] as const) {
      const r = applyCommand(writer, cmd);
      if (!r.ok) throw new Error(r.error.key);
      writer = r.doc;
      // Through structured clone, as across the worker boundary.
      mirror.apply(structuredClone(r.patches));
    }
    expect(mirror.doc).toEqual(writer);
    expect(seen).toEqual([1, 2, 2]);
    const before = deviceOf(mirror.doc, deviceId('s1'));
    const r = applyCommand(writer, { type: 'moveDevice', id: deviceId('r1'), at: [60, 0] });
    if (!r.ok) throw new Error(r.error.key);
    mirror.apply(r.patches);
    expect(deviceOf(mirror.doc, deviceId('s1'))).toBe(before);
  });

  it('freezes a document that came through structured clone, as the worker keeps it', () => {
    const r = applyCommand(EMPTY_DOC, { type: 'addDevice', id: deviceId('r1'), kind: 'router', at: [0, 0] });
    if (!r.ok) throw new Error(r.error.key);
    const mirror = new DocMirror();
    mirror.reset(structuredClone(r.doc));
    expect(Object.isFrozen(deviceOf(mirror.doc, deviceId('r1'))!.at)).toBe(true);
    expect(mirror.doc).toEqual(r.doc);
  });

  it('does nothing for an empty patch list', () => {
    const mirror = new DocMirror();
    let calls = 0;
    mirror.subscribe(() => calls++);
    mirror.apply([]);
    expect(calls).toBe(0);
  });
});
