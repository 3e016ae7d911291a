/**
 * The light at each end of a cable, as the simulator reports it (the renderer does not work
 * it out: only the simulation knows whether a port is up): green when the interface and its
 * line protocol are up, amber when the interface is up but its protocol is down, red when it
 * is down or shut down.
 */
import type { LinkId } from '../shared/ids.ts';
import type { SceneTheme } from './theme.ts';

export type LightColour = 'green' | 'amber' | 'red';

/** The lights of one cable, `a` and `b` as the ends of its link in the document. */
export interface CableLights {
  readonly a: LightColour;
  readonly b: LightColour;
}

export type LightTable = ReadonlyMap<LinkId, CableLights>;

/** A light not reported yet takes the cable's colour, so that it shows no state at all. */
export function lightTint(theme: SceneTheme, colour: LightColour | undefined): number {
  switch (colour) {
    case 'green':
      return theme.lightUp;
    case 'amber':
      return theme.lightPending;
    case 'red':
      return theme.lightDown;
    default:
      return theme.cable;
  }
}
