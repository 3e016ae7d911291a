/**
 * Where the canvas looks: world units to screen pixels as `screen = world * scale + offset`.
 * Plain numbers, no PixiJS, so that zooming about a point and keeping the middle in the middle
 * are tested without a browser; the scene copies the result onto its world container.
 */
import type { Point } from '../shared/geometry.ts';

export const MIN_SCALE = 0.15;
export const MAX_SCALE = 4;

const clampScale = (s: number): number => Math.min(MAX_SCALE, Math.max(MIN_SCALE, s));

export class Camera {
  x = 0;
  y = 0;
  scale = 1;
  width = 1;
  height = 1;

  toScreen(world: Point): Point {
    return { x: world.x * this.scale + this.x, y: world.y * this.scale + this.y };
  }

  toWorld(screen: Point): Point {
    return { x: (screen.x - this.x) / this.scale, y: (screen.y - this.y) / this.scale };
  }

  /** The world point in the middle of the screen. */
  get centre(): Point {
    return this.toWorld({ x: this.width / 2, y: this.height / 2 });
  }

  moveCentre(world: Point): void {
    this.x = this.width / 2 - world.x * this.scale;
    this.y = this.height / 2 - world.y * this.scale;
  }

  /** Zooms by `factor` keeping the world point under `screen` where it is; false at a limit. */
  zoomAt(screen: Point, factor: number): boolean {
    const scale = clampScale(this.scale * factor);
    if (scale === this.scale) return false;
    const anchor = this.toWorld(screen);
    this.scale = scale;
    this.x = screen.x - anchor.x * scale;
    this.y = screen.y - anchor.y * scale;
    return true;
  }

  /** Sets the zoom (clamped) keeping the middle of the screen where it is. */
  setScale(scale: number): void {
    this.zoomAt({ x: this.width / 2, y: this.height / 2 }, scale / this.scale);
  }

  panBy(dx: number, dy: number): void {
    this.x += dx;
    this.y += dy;
  }

  /** A new screen size; what was in the middle stays there (the console opening shrinks it). */
  resize(width: number, height: number): void {
    const centre = this.centre;
    this.width = width;
    this.height = height;
    this.moveCentre(centre);
  }
}
