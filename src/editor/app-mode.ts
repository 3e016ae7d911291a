/**
 * The application's mode. Realtime: virtual time follows the wall clock while the page is
 * visible, and stops while it is hidden (a background tab, a closed Chromebook lid) so that a
 * student who comes back finds the network as they left it rather than hours later.
 */
import { setup } from 'xstate';

export type AppModeEvent = { readonly type: 'page.hidden' } | { readonly type: 'page.visible' };

export const appModeMachine = setup({
  types: { events: {} as AppModeEvent },
}).createMachine({
  id: 'mode',
  initial: 'realtime',
  states: {
    realtime: {
      initial: 'running',
      states: {
        running: { on: { 'page.hidden': 'paused' } },
        paused: { on: { 'page.visible': 'running' } },
      },
    },
  },
});
