/**
 * Placement and dragging, in world units (the sizes the renderer shares with the hit test are
 * in shared/geometry.ts).
 */
import { ICON_SIZE, type Point } from '../shared/geometry.ts';

/** Pointer travel (screen pixels) before a press on a device becomes a drag. */
export const DRAG_THRESHOLD = 4;

/**
 * The point nearest to `p` (on a grid spiralling out from it) at least `gap` away from every
 * occupied point, so that a device placed from the keyboard does not land on another one.
 */
export function freeSpotNear(p: Point, occupied: readonly Point[], gap = ICON_SIZE * 2): Point {
  const free = (q: Point): boolean => occupied.every((o) => Math.hypot(o.x - q.x, o.y - q.y) >= gap);
  if (free(p)) return p;
  const step = gap / 2;
  for (let ring = 1; ring <= 40; ring++) {
    let best: Point | undefined;
    for (let i = -ring; i <= ring; i++) {
      for (const [dx, dy] of [
        [i, -ring],
        [i, ring],
        [-ring, i],
        [ring, i],
      ] as const) {
        const q = { x: Math.round(p.x + dx * step), y: Math.round(p.y + dy * step) };
        if (free(q) && (!best || Math.hypot(q.x - p.x, q.y - p.y) < Math.hypot(best.x - p.x, best.y - p.y)))
          best = q;
      }
    }
    if (best) return best;
  }
  return p;
}
