/**
 * Zoom gestures, as plain arithmetic on what the pointer and the wheel report: a mouse wheel
 * notch, a trackpad pinch (browsers send it as a wheel event with ctrlKey set and small
 * deltas) and a two-finger pinch on a touch screen, which also pans with the fingers' midpoint.
 */
import type { Point } from '../shared/geometry.ts';

/** How much one notch zooms: about 1.4x per 100 px of wheel delta, as map viewers do. */
const WHEEL_STRENGTH = 1.15;
/** Pixels per line when the wheel reports lines (Firefox with a mouse). */
const LINE_HEIGHT = 20;
/** Trackpad pinches send small deltas: they get a stronger response to feel attached. */
const PINCH_DIVISOR = 200;
const WHEEL_DIVISOR = 500;

export interface WheelInput {
  readonly deltaY: number;
  /** 0 pixels, 1 lines, 2 pages (as WheelEvent.deltaMode). */
  readonly deltaMode: number;
  readonly ctrlKey: boolean;
}

/** The zoom factor for one wheel event: above 1 zooms in (wheel pushed away, fingers apart). */
export function wheelZoom(e: WheelInput): number {
  const pixels = e.deltaY * (e.deltaMode === 0 ? 1 : LINE_HEIGHT);
  return 2 ** ((WHEEL_STRENGTH * -pixels) / (e.ctrlKey ? PINCH_DIVISOR : WHEEL_DIVISOR));
}

export interface PinchStep {
  /** Zoom factor since the previous step, about `centre` (screen pixels). */
  readonly factor: number;
  readonly centre: Point;
  /** How far the midpoint moved (screen pixels): the view pans along. */
  readonly dx: number;
  readonly dy: number;
}

/** Follows the pointers that are down; the first two make the pinch. */
export class Pinch {
  readonly #points = new Map<number, Point>();

  /** Pointers down; two or more make a pinch. */
  get count(): number {
    return this.#points.size;
  }

  has(id: number): boolean {
    return this.#points.has(id);
  }

  down(id: number, at: Point): void {
    this.#points.set(id, at);
  }

  up(id: number): void {
    this.#points.delete(id);
  }

  /** A finger moved: the zoom and pan it makes, or undefined when fewer than two are down. */
  move(id: number, at: Point): PinchStep | undefined {
    if (!this.#points.has(id)) return undefined;
    const before = this.#pair();
    this.#points.set(id, at);
    const after = this.#pair();
    if (!before || !after) return undefined;
    const spread = (p: readonly [Point, Point]): number => Math.hypot(p[1].x - p[0].x, p[1].y - p[0].y);
    const mid = (p: readonly [Point, Point]): Point => ({
      x: (p[0].x + p[1].x) / 2,
      y: (p[0].y + p[1].y) / 2,
    });
    const from = mid(before);
    const to = mid(after);
    return {
      factor: spread(after) / Math.max(spread(before), 1),
      centre: to,
      dx: to.x - from.x,
      dy: to.y - from.y,
    };
  }

  #pair(): [Point, Point] | undefined {
    const [a, b] = this.#points.values();
    return a && b ? [a, b] : undefined;
  }
}
