import { describe, expect, it } from 'vitest';
import { createActor } from 'xstate';
import { freeSpotNear } from '../../src/editor/geometry.ts';
import { type Hit, hitTest } from '../../src/editor/hit-test.ts';
import { type EditorEffects, type EditorEvent, editorMachine } from '../../src/editor/tools.ts';
import { idTable, type NetworkDoc } from '../../src/model/document.ts';
import type { Point } from '../../src/shared/geometry.ts';
import { deviceId, linkId } from '../../src/shared/ids.ts';

const R1 = deviceId('d1');
const PC1 = deviceId('d2');
const L1 = linkId('l1');

const DOC: NetworkDoc = {
  version: 1,
  devices: idTable([
    { id: R1, name: 'R1', kind: 'router', at: [100, 100] },
    { id: PC1, name: 'PC1', kind: 'pc', at: [300, 100] },
  ]),
  deviceOrder: [R1, PC1],
  links: idTable([
    {
      id: L1,
      a: { device: R1, port: 'GigabitEthernet0/0' },
      b: { device: PC1, port: 'FastEthernet0' },
    },
  ]),
  linkOrder: [L1],
};

/** An editor whose effects are recorded; the view is 1:1 with the world. */
function editor() {
  const calls: [keyof EditorEffects, unknown][] = [];
  const record =
    (name: keyof EditorEffects) =>
    (...args: unknown[]) =>
      calls.push([name, args.length > 1 ? args : args[0]]);
  const effects: EditorEffects = {
    dispatch: record('dispatch'),
    previewMove: record('previewMove'),
    previewCable: record('previewCable'),
    pan: record('pan'),
    askPort: record('askPort'),
    selectionChanged: record('selectionChanged'),
  };
  const actor = createActor(editorMachine, { input: { effects } }).start();
  const pointer = (
    type: 'pointer.down' | 'pointer.move' | 'pointer.up',
    x: number,
    y: number,
    button = 0,
  ) => {
    const world: Point = { x, y };
    const hit: Hit = hitTest(DOC, world, 1);
    actor.send({ type, hit, world, screen: world, button } as EditorEvent);
  };
  const click = (x: number, y: number) => {
    pointer('pointer.down', x, y);
    pointer('pointer.up', x, y);
  };
  const dispatched = () => calls.filter(([n]) => n === 'dispatch').map(([, c]) => c);
  return { actor, calls, pointer, click, dispatched };
}

describe('hit test', () => {
  it('finds devices (icon and name), then cables, then the canvas', () => {
    expect(hitTest(DOC, { x: 110, y: 90 }, 1)).toMatchObject({ type: 'device', id: R1 });
    expect(hitTest(DOC, { x: 100, y: 140 }, 1)).toMatchObject({ type: 'device', id: R1 });
    expect(hitTest(DOC, { x: 200, y: 104 }, 1)).toEqual({ type: 'link', id: L1 });
    expect(hitTest(DOC, { x: 200, y: 104 }, 0.5)).toEqual({ type: 'link', id: L1 });
    expect(hitTest(DOC, { x: 200, y: 104 }, 2)).toEqual({ type: 'canvas' });
    expect(hitTest(DOC, { x: 200, y: 300 }, 1)).toEqual({ type: 'canvas' });
  });
});

describe('select tool', () => {
  it('selects what is clicked, and nothing on the empty canvas', () => {
    const e = editor();
    e.click(100, 100);
    expect(e.actor.getSnapshot().context.selection).toEqual({ type: 'device', id: R1 });
    e.click(200, 100);
    expect(e.actor.getSnapshot().context.selection).toEqual({ type: 'link', id: L1 });
    e.click(200, 300);
    expect(e.actor.getSnapshot().context.selection).toBeUndefined();
    expect(e.dispatched()).toEqual([]);
  });

  it('drags a device with a preview and one moveDevice at the end', () => {
    const e = editor();
    e.pointer('pointer.down', 100, 100);
    e.pointer('pointer.move', 101, 101);
    expect(e.calls.some(([n]) => n === 'previewMove')).toBe(false);
    e.pointer('pointer.move', 130, 110);
    e.pointer('pointer.move', 150, 160);
    e.pointer('pointer.up', 150, 160);
    expect(e.calls.filter(([n]) => n === 'previewMove').map(([, m]) => m)).toEqual([
      { id: R1, at: { x: 130, y: 110 } },
      { id: R1, at: { x: 150, y: 160 } },
      undefined,
    ]);
    expect(e.dispatched()).toEqual([{ type: 'moveDevice', id: R1, at: [150, 160] }]);
  });

  it('Escape during a drag puts the device back without a command', () => {
    const e = editor();
    e.pointer('pointer.down', 100, 100);
    e.pointer('pointer.move', 160, 100);
    e.actor.send({ type: 'cancel' });
    e.pointer('pointer.up', 160, 100);
    expect(e.dispatched()).toEqual([]);
    expect(e.calls.at(-1)).toEqual(['previewMove', undefined]);
  });

  it('pans when the empty canvas is dragged', () => {
    const e = editor();
    e.pointer('pointer.down', 200, 300);
    e.pointer('pointer.move', 210, 305);
    e.pointer('pointer.move', 215, 300);
    e.pointer('pointer.up', 215, 300);
    expect(e.calls.filter(([n]) => n === 'pan').map(([, d]) => d)).toEqual([
      [10, 5],
      [5, -5],
    ]);
  });

  it('Delete removes the selected device or cable', () => {
    const e = editor();
    e.click(200, 100);
    e.actor.send({ type: 'delete' });
    e.click(300, 100);
    e.actor.send({ type: 'delete' });
    expect(e.dispatched()).toEqual([
      { type: 'disconnect', id: L1 },
      { type: 'removeDevice', id: PC1 },
    ]);
    expect(e.actor.getSnapshot().context.selection).toBeUndefined();
  });
});

describe('place tool', () => {
  it('places one device where clicked, then returns to select', () => {
    const e = editor();
    e.actor.send({ type: 'tool.place', kind: 'switch' });
    e.click(400.4, 250.6);
    expect(e.dispatched()).toEqual([{ type: 'addDevice', kind: 'switch', at: [400, 251] }]);
    expect(e.actor.getSnapshot().matches('select')).toBe(true);
  });

  it('places a multilayer switch with its model, and the next choice without one', () => {
    const e = editor();
    e.actor.send({ type: 'tool.place', kind: 'switch', model: '3560-24PS' });
    expect(e.actor.getSnapshot().context.placing).toEqual({ kind: 'switch', model: '3560-24PS' });
    e.click(400, 250);
    e.actor.send({ type: 'tool.place', kind: 'switch' });
    // The model of the earlier choice does not linger.
    expect(e.actor.getSnapshot().context.placing).toEqual({ kind: 'switch' });
    e.click(500, 250);
    expect(e.dispatched()).toEqual([
      { type: 'addDevice', kind: 'switch', model: '3560-24PS', at: [400, 250] },
      { type: 'addDevice', kind: 'switch', at: [500, 250] },
    ]);
  });
});

describe('cable tool', () => {
  it('connects two devices on automatic ports', () => {
    const e = editor();
    e.actor.send({ type: 'tool.cable', ports: 'auto' });
    e.click(200, 300);
    expect(e.actor.getSnapshot().matches({ cable: 'pickA' })).toBe(true);
    e.click(100, 100);
    e.pointer('pointer.move', 200, 200);
    expect(e.calls.at(-1)).toEqual(['previewCable', { from: R1, to: { x: 200, y: 200 } }]);
    e.click(100, 100);
    expect(e.dispatched()).toEqual([]);
    e.click(300, 100);
    expect(e.dispatched()).toEqual([
      { type: 'connect', a: { device: R1, port: 'auto' }, b: { device: PC1, port: 'auto' } },
    ]);
    expect(e.actor.getSnapshot().matches('select')).toBe(true);
    expect(e.calls.filter(([n]) => n === 'previewCable').at(-1)).toEqual(['previewCable', undefined]);
  });

  it('asks for each port when ports are chosen', () => {
    const e = editor();
    e.actor.send({ type: 'tool.cable', ports: 'choose' });
    e.click(100, 100);
    expect(e.calls.filter(([n]) => n === 'askPort').map(([, a]) => (a as unknown[])[0])).toEqual([R1]);
    e.actor.send({ type: 'port.chosen', port: 'GigabitEthernet0/1' });
    e.click(300, 100);
    e.actor.send({ type: 'port.chosen', port: 'FastEthernet0' });
    expect(e.dispatched()).toEqual([
      {
        type: 'connect',
        a: { device: R1, port: 'GigabitEthernet0/1' },
        b: { device: PC1, port: 'FastEthernet0' },
      },
    ]);
  });

  it('Escape while choosing a port starts the cable again', () => {
    const e = editor();
    e.actor.send({ type: 'tool.cable', ports: 'choose' });
    e.click(100, 100);
    e.actor.send({ type: 'cancel' });
    expect(e.actor.getSnapshot().matches({ cable: 'pickA' })).toBe(true);
    e.actor.send({ type: 'cancel' });
    expect(e.actor.getSnapshot().matches('select')).toBe(true);
    expect(e.dispatched()).toEqual([]);
  });
});

describe('placing from the keyboard', () => {
  it('finds the nearest free spot around the middle of the view', () => {
    expect(freeSpotNear({ x: 0, y: 0 }, [])).toEqual({ x: 0, y: 0 });
    const spot = freeSpotNear({ x: 100, y: 100 }, [{ x: 100, y: 100 }], 96);
    expect(Math.hypot(spot.x - 100, spot.y - 100)).toBe(96);
    const crowded = [
      { x: 0, y: 0 },
      { x: 48, y: 0 },
      { x: -48, y: 0 },
    ];
    const q = freeSpotNear({ x: 0, y: 0 }, crowded, 96);
    for (const o of crowded) expect(Math.hypot(o.x - q.x, o.y - q.y)).toBeGreaterThanOrEqual(96);
  });
});
