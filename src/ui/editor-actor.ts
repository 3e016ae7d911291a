/**
 * The editor's state chart running as an actor. Loaded after the first paint (xstate and the
 * chart are not needed to draw the network), or at the first pointer or key that needs it.
 */
import { type Actor, createActor } from 'xstate';
import { type EditorEffects, editorMachine } from '../editor/tools.ts';

export type EditorActor = Actor<typeof editorMachine>;

export function startEditor(effects: EditorEffects): EditorActor {
  return createActor(editorMachine, { input: { effects } }).start();
}
