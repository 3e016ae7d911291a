/**
 * Sizes shared by the renderer (what is drawn) and the hit test (what can be clicked), in
 * world units: both must agree or clicks miss what the user sees.
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
/** Pointer travel (screen pixels) before a press on a device becomes a drag. */
export const DRAG_THRESHOLD = 4;

export function distanceToSegment(p: Point, a: Point, b: Point): number {
  const dx = b.x - a.x;
  const dy = b.y - a.y;
  const len2 = dx * dx + dy * dy;
  const u = len2 === 0 ? 0 : Math.max(0, Math.min(1, ((p.x - a.x) * dx + (p.y - a.y) * dy) / len2));
  return Math.hypot(p.x - (a.x + u * dx), p.y - (a.y + u * dy));
}

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
