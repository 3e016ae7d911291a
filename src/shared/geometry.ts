/**
 * Sizes shared by the renderer (what is drawn) and the editor's hit test (what can be clicked),
 * in world units: both must agree or clicks miss what the user sees.
 */
export interface Point {
  readonly x: number;
  readonly y: number;
}

/** Devices are drawn as a square icon centred on their position... */
export const ICON_SIZE = 48;
/** ...with their name centred below it. */
export const LABEL_OFFSET = ICON_SIZE / 2 + 4;
export const LABEL_HEIGHT = 16;
/** A click counts on a cable when it is this close (screen pixels) to its line. */
export const CABLE_HIT_SLOP = 6;
/** Link lights sit this far from the device centre along the cable. */
export const LIGHT_DISTANCE = ICON_SIZE / 2 + 16;

export function distanceToSegment(p: Point, a: Point, b: Point): number {
  const dx = b.x - a.x;
  const dy = b.y - a.y;
  const len2 = dx * dx + dy * dy;
  const u = len2 === 0 ? 0 : Math.max(0, Math.min(1, ((p.x - a.x) * dx + (p.y - a.y) * dy) / len2));
  return Math.hypot(p.x - (a.x + u * dx), p.y - (a.y + u * dy));
}
