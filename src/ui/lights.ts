/**
 * The page's copy of the cable lights the simulator reports. It keeps the last version it
 * saw, so that each poll brings only what changed since; the canvas and the port list of the
 * details panel read from it.
 */
import type { CableLights, LightColour } from '../render/link-lights.ts';
import type { LinkId } from '../shared/ids.ts';
import type { LinkLightsUpdate } from '../worker/client.ts';

export class LightBoard {
  readonly #table = new Map<LinkId, CableLights>();
  #version = 0;
  readonly #listeners = new Set<(changed: readonly LinkId[]) => void>();

  get table(): ReadonlyMap<LinkId, CableLights> {
    return this.#table;
  }

  /** The version to ask the simulator about (what changed after it). */
  get version(): number {
    return this.#version;
  }

  /** The light at one end of a cable, undefined until the simulator has said. */
  lightOf(link: LinkId, end: 'a' | 'b'): LightColour | undefined {
    return this.#table.get(link)?.[end];
  }

  merge(update: LinkLightsUpdate): void {
    // Replies come back in the order asked; an older one that overtook nothing changes nothing.
    if (update.version < this.#version) return;
    this.#version = update.version;
    if (update.changed.length === 0) return;
    for (const c of update.changed) this.#table.set(c.link, { a: c.a, b: c.b });
    const ids = update.changed.map((c) => c.link);
    for (const fn of this.#listeners) fn(ids);
  }

  /** A new network: everything will be asked for again. */
  reset(): void {
    this.#table.clear();
    this.#version = 0;
  }

  subscribe(fn: (changed: readonly LinkId[]) => void): () => void {
    this.#listeners.add(fn);
    return () => this.#listeners.delete(fn);
  }
}
