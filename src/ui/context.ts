/** What the panels get from the application: the simulator, the document mirror and intents. */

import type { DocMirror } from '../editor/doc-mirror.ts';
import type { DocCommand } from '../editor/document.ts';
import type { Selection } from '../editor/tools.ts';
import type { DocPatch, SessionClient } from '../worker/client.ts';
import type { LightBoard } from './lights.ts';

export interface AppContext {
  readonly session: SessionClient;
  readonly mirror: DocMirror;
  /** The cable lights as the simulator last reported them. */
  readonly lights: LightBoard;
  /** Sends a command to the simulator; a refusal is shown to the user. Resolves to success. */
  run(command: DocCommand): Promise<boolean>;
  select(selection: Selection | undefined): void;
  /** A console line ran: the document changes it made, and lights it may have changed. */
  consoleRan(patches: readonly DocPatch[]): void;
  /** The simulator threw: the user is told and the page takes the simulator's document again. */
  failed(error: unknown): void;
}
