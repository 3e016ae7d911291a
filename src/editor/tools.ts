/**
 * The canvas tools as one xstate statechart (in the manner of tldraw's tool state nodes):
 * select (click to select, drag a device to move it, drag the empty canvas to pan), pan,
 * place a device, and cable (click a device, then another; ports automatic or picked from a
 * menu). The chart is headless: it receives pointer events already hit-tested against the
 * document and acts only through the effects it is given, so it runs the same in tests.
 */
import { and, assign, setup } from 'xstate';
import type { DocCommand } from '../model/commands.ts';
import type { Point } from '../shared/geometry.ts';
import type { DeviceId, LinkId } from '../shared/ids.ts';
import type { SwitchModel } from '../shared/models.ts';
import type { DeviceKind } from '../shared/ports.ts';
import { DRAG_THRESHOLD } from './geometry.ts';
import type { Hit } from './hit-test.ts';

export type Selection =
  | { readonly type: 'device'; readonly id: DeviceId }
  | { readonly type: 'link'; readonly id: LinkId };
export type PortChoice = 'auto' | 'choose';

/** What the place tool puts down: a kind and, for switches, a model (absent: the default one). */
export interface Placeable {
  readonly kind: DeviceKind;
  readonly model?: SwitchModel;
}

/** What the tools ask of the application. */
export interface EditorEffects {
  dispatch(command: DocCommand): void;
  /** Show a device at a position while it is dragged (undefined: drop the preview). */
  previewMove(move: { id: DeviceId; at: Point } | undefined): void;
  /** Show the cable being drawn from a device to the pointer (undefined: none). */
  previewCable(cable: { from: DeviceId; to: Point } | undefined): void;
  /** Move the view by a screen-pixel offset. */
  pan(dx: number, dy: number): void;
  /** Open the port menu for one end of the cable being made. */
  askPort(device: DeviceId, screen: Point): void;
  selectionChanged(selection: Selection | undefined): void;
}

export interface PointerInput {
  readonly hit: Hit;
  readonly world: Point;
  readonly screen: Point;
  /** 0 main, 1 middle (pans in every tool), 2 secondary. */
  readonly button: number;
}

export type EditorEvent =
  | ({ readonly type: 'pointer.down' } & PointerInput)
  | ({ readonly type: 'pointer.move' } & PointerInput)
  | ({ readonly type: 'pointer.up' } & PointerInput)
  | { readonly type: 'tool.select' }
  | { readonly type: 'tool.pan' }
  | ({ readonly type: 'tool.place' } & Placeable)
  | { readonly type: 'tool.cable'; readonly ports: PortChoice }
  | { readonly type: 'port.chosen'; readonly port: string }
  | { readonly type: 'select'; readonly selection: Selection | undefined }
  | { readonly type: 'delete' }
  | { readonly type: 'cancel' };

interface CableEnd {
  readonly device: DeviceId;
  readonly port: string;
}

export interface EditorContext {
  readonly effects: EditorEffects;
  readonly selection: Selection | undefined;
  readonly placing: Placeable;
  readonly portChoice: PortChoice;
  /** Press position and the dragged device's start position, for move and pan. */
  readonly press:
    | { readonly screen: Point; readonly world: Point; readonly origin: Point; readonly id?: DeviceId }
    | undefined;
  readonly lastScreen: Point | undefined;
  readonly cableA: CableEnd | undefined;
  /** The second device while its port is being chosen. */
  readonly cableB: DeviceId | undefined;
}

type Down = Extract<EditorEvent, { type: 'pointer.down' }>;
type Move = Extract<EditorEvent, { type: 'pointer.move' }>;

const dragTarget = (c: EditorContext, e: Move): Point => ({
  x: Math.round(c.press!.origin.x + e.world.x - c.press!.world.x),
  y: Math.round(c.press!.origin.y + e.world.y - c.press!.world.y),
});

/** A Placeable without a `model` key when there is no model, so that equal choices compare equal. */
export const placeable = (kind: DeviceKind, model?: SwitchModel): Placeable =>
  model === undefined ? { kind } : { kind, model };

const deviceOf = (e: EditorEvent): DeviceId | undefined =>
  'hit' in e && e.hit.type === 'device' ? e.hit.id : undefined;

export const editorMachine = setup({
  types: {
    context: {} as EditorContext,
    events: {} as EditorEvent,
    input: {} as { effects: EditorEffects },
  },
  guards: {
    onDevice: ({ event }) =>
      event.type === 'pointer.down' && event.button === 0 && event.hit.type === 'device',
    onLink: ({ event }) => event.type === 'pointer.down' && event.button === 0 && event.hit.type === 'link',
    mainButton: ({ event }) => event.type === 'pointer.down' && event.button === 0,
    middleButton: ({ event }) => event.type === 'pointer.down' && event.button === 1,
    pastThreshold: ({ context, event }) =>
      event.type === 'pointer.move' &&
      context.press !== undefined &&
      Math.hypot(event.screen.x - context.press.screen.x, event.screen.y - context.press.screen.y) >=
        DRAG_THRESHOLD,
    hasSelection: ({ context }) => context.selection !== undefined,
    autoPorts: ({ context }) => context.portChoice === 'auto',
    otherDevice: ({ context, event }) => {
      const id = deviceOf(event);
      return (
        event.type === 'pointer.down' &&
        event.button === 0 &&
        id !== undefined &&
        id !== context.cableA?.device
      );
    },
  },
  actions: {
    select: assign(({ context }, selection: Selection | undefined) => {
      context.effects.selectionChanged(selection);
      return { selection };
    }),
    selectHit: assign(({ context, event }) => {
      const hit = (event as Down).hit;
      const selection: Selection | undefined =
        hit.type === 'device'
          ? { type: 'device', id: hit.id }
          : hit.type === 'link'
            ? { type: 'link', id: hit.id }
            : undefined;
      context.effects.selectionChanged(selection);
      return { selection };
    }),
    startPress: assign(({ event }) => {
      const e = event as Down;
      const origin = e.hit.type === 'device' ? e.hit.at : e.world;
      const id = e.hit.type === 'device' ? e.hit.id : undefined;
      return {
        press:
          id === undefined
            ? { screen: e.screen, world: e.world, origin }
            : { screen: e.screen, world: e.world, origin, id },
        lastScreen: e.screen,
      };
    }),
    endPress: assign({ press: undefined, lastScreen: undefined }),
    previewDrag: ({ context, event }) =>
      context.effects.previewMove({ id: context.press!.id!, at: dragTarget(context, event as Move) }),
    commitDrag: ({ context, event }) => {
      const press = context.press!;
      context.effects.previewMove(undefined);
      if (event.type !== 'pointer.up') return;
      const at = dragTarget(context, event as unknown as Move);
      if (at.x !== press.origin.x || at.y !== press.origin.y) {
        context.effects.dispatch({ type: 'moveDevice', id: press.id!, at: [at.x, at.y] });
      }
    },
    dropPreview: ({ context }) => context.effects.previewMove(undefined),
    panBy: assign(({ context, event }) => {
      const e = event as Move;
      const last = context.lastScreen ?? e.screen;
      context.effects.pan(e.screen.x - last.x, e.screen.y - last.y);
      return { lastScreen: e.screen };
    }),
    deleteSelection: assign(({ context }) => {
      const s = context.selection;
      if (s?.type === 'device') context.effects.dispatch({ type: 'removeDevice', id: s.id });
      if (s?.type === 'link') context.effects.dispatch({ type: 'disconnect', id: s.id });
      context.effects.selectionChanged(undefined);
      return { selection: undefined };
    }),
    placeDevice: ({ context, event }) => {
      const e = event as Down;
      const { kind, model } = context.placing;
      context.effects.dispatch({
        type: 'addDevice',
        kind,
        ...(model === undefined ? {} : { model }),
        at: [Math.round(e.world.x), Math.round(e.world.y)],
      });
    },
    setCableA: assign(({ event }) => ({ cableA: { device: deviceOf(event)!, port: 'auto' } })),
    setCableB: assign(({ event }) => ({ cableB: deviceOf(event)! })),
    chooseA: assign(({ context, event }) => ({
      cableA: { device: context.cableA!.device, port: (event as { port: string }).port },
    })),
    askPort: ({ context, event }) => context.effects.askPort(deviceOf(event)!, (event as Down).screen),
    previewCable: ({ context, event }) =>
      context.effects.previewCable({ from: context.cableA!.device, to: (event as Move).world }),
    hideCable: ({ context }) => context.effects.previewCable(undefined),
    dropCable: assign(({ context }) => {
      context.effects.previewCable(undefined);
      return { cableA: undefined, cableB: undefined };
    }),
    connectAuto: ({ context, event }) =>
      context.effects.dispatch({
        type: 'connect',
        a: context.cableA!,
        b: { device: deviceOf(event)!, port: 'auto' },
      }),
    connectChosen: ({ context, event }) =>
      context.effects.dispatch({
        type: 'connect',
        a: context.cableA!,
        b: { device: context.cableB!, port: (event as { port: string }).port },
      }),
  },
}).createMachine({
  id: 'editor',
  context: ({ input }) => ({
    effects: input.effects,
    selection: undefined,
    placing: { kind: 'router' },
    portChoice: 'auto',
    press: undefined,
    lastScreen: undefined,
    cableA: undefined,
    cableB: undefined,
  }),
  initial: 'select',
  on: {
    'tool.select': '.select',
    'tool.pan': '.pan',
    'tool.place': {
      target: '.place',
      actions: assign(({ event }) => ({ placing: placeable(event.kind, event.model) })),
    },
    'tool.cable': { target: '.cable', actions: assign(({ event }) => ({ portChoice: event.ports })) },
    select: { actions: { type: 'select', params: ({ event }) => event.selection } },
  },
  states: {
    select: {
      initial: 'idle',
      states: {
        idle: {
          on: {
            'pointer.down': [
              { guard: 'onDevice', target: 'pressingDevice', actions: ['selectHit', 'startPress'] },
              { guard: 'onLink', actions: 'selectHit' },
              { guard: 'mainButton', target: 'panning', actions: ['selectHit', 'startPress'] },
              { guard: 'middleButton', target: 'panning', actions: 'startPress' },
            ],
            delete: { guard: 'hasSelection', actions: 'deleteSelection' },
            cancel: { actions: { type: 'select', params: undefined } },
          },
        },
        pressingDevice: {
          on: {
            'pointer.move': { guard: 'pastThreshold', target: 'draggingDevice', actions: 'previewDrag' },
            'pointer.up': { target: 'idle', actions: 'endPress' },
            cancel: { target: 'idle', actions: 'endPress' },
          },
        },
        draggingDevice: {
          on: {
            'pointer.move': { actions: 'previewDrag' },
            'pointer.up': { target: 'idle', actions: ['commitDrag', 'endPress'] },
            cancel: { target: 'idle', actions: ['dropPreview', 'endPress'] },
          },
        },
        panning: {
          on: {
            'pointer.move': { actions: 'panBy' },
            'pointer.up': { target: 'idle', actions: 'endPress' },
            cancel: { target: 'idle', actions: 'endPress' },
          },
        },
      },
    },
    pan: {
      initial: 'idle',
      on: { cancel: '#editor.select' },
      states: {
        idle: {
          on: { 'pointer.down': { target: 'panning', actions: 'startPress' } },
        },
        panning: {
          on: {
            'pointer.move': { actions: 'panBy' },
            'pointer.up': { target: 'idle', actions: 'endPress' },
          },
        },
      },
    },
    place: {
      on: {
        'pointer.down': [
          { guard: 'mainButton', target: 'select', actions: 'placeDevice' },
          { guard: 'middleButton', target: '.panning', actions: 'startPress' },
        ],
        cancel: 'select',
      },
      initial: 'idle',
      states: {
        idle: {},
        panning: {
          on: {
            'pointer.move': { actions: 'panBy' },
            'pointer.up': { target: 'idle', actions: 'endPress' },
          },
        },
      },
    },
    cable: {
      initial: 'pickA',
      // Exit actions run before transition actions: the cable ends are cleared on entry instead.
      entry: assign({ cableA: undefined, cableB: undefined }),
      exit: 'hideCable',
      on: { cancel: 'select' },
      states: {
        pickA: {
          on: {
            'pointer.down': [
              { guard: and(['onDevice', 'autoPorts']), target: 'pickB', actions: 'setCableA' },
              { guard: 'onDevice', target: 'choosingA', actions: ['setCableA', 'askPort'] },
            ],
          },
        },
        choosingA: {
          on: {
            'port.chosen': { target: 'pickB', actions: 'chooseA' },
            cancel: { target: 'pickA', actions: 'dropCable' },
          },
        },
        pickB: {
          on: {
            'pointer.move': { actions: 'previewCable' },
            'pointer.down': [
              { guard: and(['otherDevice', 'autoPorts']), target: '#editor.select', actions: 'connectAuto' },
              { guard: 'otherDevice', target: 'choosingB', actions: ['setCableB', 'askPort'] },
            ],
            cancel: { target: 'pickA', actions: 'dropCable' },
          },
        },
        choosingB: {
          on: {
            'port.chosen': { target: '#editor.select', actions: 'connectChosen' },
            cancel: { target: 'pickA', actions: 'dropCable' },
          },
        },
      },
    },
  },
});
