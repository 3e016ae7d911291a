/**
 * Calls that change the simulation, and what the page keeps in step behind them: the document
 * mirror and the cable lights. A refusal is for the user to read. A failure (the simulator
 * threw, or could not be reached) is reported, then the document is fetched again so that the
 * page shows what the simulator holds rather than what it was about to.
 */
import type { DocMirror, MirrorPatch } from '../editor/doc-mirror.ts';
import type { NetworkDoc } from '../editor/document.ts';
import type { CommandResult, DocPatch, LinkLightsUpdate } from '../worker/client.ts';
import type { LightBoard } from './lights.ts';

/** What this needs of the simulator (the worker client, or a Session in tests). */
export interface SyncSession {
  document(): Promise<NetworkDoc> | NetworkDoc;
  linkLights(since: number): Promise<LinkLightsUpdate> | LinkLightsUpdate;
}

export interface ChangeReports {
  refused(key: string, params: Readonly<Record<string, string | number>>): void;
  failed(error: unknown): void;
  /** The document changed by the user's doing (an edit, a console line). */
  edited(): void;
}

export class Changes {
  readonly #session: SyncSession;
  readonly #mirror: DocMirror;
  readonly #lights: LightBoard;
  readonly #reports: ChangeReports;
  #polling: Promise<void> | undefined;

  constructor(session: SyncSession, mirror: DocMirror, lights: LightBoard, reports: ChangeReports) {
    this.#session = session;
    this.#mirror = mirror;
    this.#lights = lights;
    this.#reports = reports;
  }

  /** A change, with the lights asked for right behind it (the worker answers in order). */
  async run(call: Promise<CommandResult> | CommandResult): Promise<MirrorPatch[] | undefined> {
    try {
      const [result, update] = await Promise.all([call, this.#session.linkLights(this.#lights.version)]);
      let patches: MirrorPatch[] | undefined;
      if (result.ok) {
        patches = [...result.patches];
        this.#edited(patches);
      } else this.#reports.refused(result.error.key, result.error.params);
      this.#lights.merge(update);
      return patches;
    } catch (e) {
      this.#reports.failed(e);
      await this.resync();
      return undefined;
    }
  }

  /** A console line ran: the document changes it made, and lights it may have changed. */
  consoleRan(patches: readonly DocPatch[]): void {
    this.#edited(patches);
    void this.pollLights();
  }

  /**
   * Asks what changed in the lights since the last answer (realtime ticks, console lines); while
   * a question is on its way, its answer is awaited instead of asking again.
   */
  pollLights(): Promise<void> {
    this.#polling ??= this.#poll().finally(() => {
      this.#polling = undefined;
    });
    return this.#polling;
  }

  async #poll(): Promise<void> {
    try {
      this.#lights.merge(await this.#session.linkLights(this.#lights.version));
    } catch (e) {
      // Asked again at the next tick; a toast each tenth of a second would help no one.
      console.error(e);
    }
  }

  /** Takes the simulator's document and lights as they are (after a load, or a failure). */
  async resync(): Promise<void> {
    try {
      const [doc, update] = await Promise.all([this.#session.document(), this.#session.linkLights(0)]);
      this.#lights.reset();
      this.#mirror.reset(doc);
      this.#lights.merge(update);
    } catch (e) {
      // The simulator cannot even answer: the worker's own error says so to the user.
      console.error(e);
    }
  }

  #edited(patches: readonly MirrorPatch[]): void {
    if (patches.length === 0) return;
    this.#mirror.apply(patches);
    this.#reports.edited();
  }
}
