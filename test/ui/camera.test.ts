import { describe, expect, it } from 'vitest';
import { Pinch, wheelZoom } from '../../src/editor/gestures.ts';
import { Camera, MAX_SCALE, MIN_SCALE } from '../../src/render/camera.ts';

const camera = (width = 800, height = 600): Camera => {
  const c = new Camera();
  c.resize(width, height);
  return c;
};

describe('the canvas camera', () => {
  it('maps world to screen and back', () => {
    const c = new Camera();
    c.zoomAt({ x: 0, y: 0 }, 2);
    c.panBy(30, -10);
    const p = { x: 12.5, y: -40 };
    expect(c.toScreen(p)).toEqual({ x: 55, y: -90 });
    expect(c.toWorld(c.toScreen(p))).toEqual(p);
  });

  it('zooms about the pointer: the point under it stays under it', () => {
    const c = camera();
    c.moveCentre({ x: 100, y: 100 });
    const pointer = { x: 620, y: 150 };
    const before = c.toWorld(pointer);
    expect(c.zoomAt(pointer, 1.7)).toBe(true);
    const after = c.toWorld(pointer);
    expect(after.x).toBeCloseTo(before.x, 9);
    expect(after.y).toBeCloseTo(before.y, 9);
    expect(c.scale).toBeCloseTo(1.7, 9);
  });

  it('stops at the zoom limits', () => {
    const c = camera();
    c.zoomAt({ x: 10, y: 10 }, 1000);
    expect(c.scale).toBe(MAX_SCALE);
    expect(c.zoomAt({ x: 10, y: 10 }, 2)).toBe(false);
    c.setScale(0.001);
    expect(c.scale).toBe(MIN_SCALE);
  });

  it('keeps the middle in the middle when the canvas is resized', () => {
    const c = camera();
    c.setScale(0.5);
    c.moveCentre({ x: 300, y: -50 });
    c.resize(1000, 300);
    expect(c.centre.x).toBeCloseTo(300, 9);
    expect(c.centre.y).toBeCloseTo(-50, 9);
  });
});

describe('zoom gestures', () => {
  it('zooms in when the wheel turns away, out when it comes back, the same amount', () => {
    const notch = { deltaY: -100, deltaMode: 0, ctrlKey: false };
    const zoomIn = wheelZoom(notch);
    expect(zoomIn).toBeGreaterThan(1.1);
    expect(zoomIn).toBeLessThan(1.5);
    expect(wheelZoom({ ...notch, deltaY: 100 }) * zoomIn).toBeCloseTo(1, 12);
    // Three lines count as sixty pixels; a trackpad pinch responds more to the same delta.
    expect(wheelZoom({ deltaY: -3, deltaMode: 1, ctrlKey: false })).toBeCloseTo(
      wheelZoom({ deltaY: -60, deltaMode: 0, ctrlKey: false }),
      12,
    );
    expect(wheelZoom({ deltaY: -10, deltaMode: 0, ctrlKey: true })).toBeGreaterThan(
      wheelZoom({ deltaY: -10, deltaMode: 0, ctrlKey: false }),
    );
  });

  it('pinches with two fingers: spreading zooms about their midpoint, moving together pans', () => {
    const pinch = new Pinch();
    pinch.down(1, { x: 100, y: 100 });
    expect(pinch.move(1, { x: 110, y: 100 })).toBeUndefined();
    pinch.down(2, { x: 210, y: 100 });
    expect(pinch.count).toBe(2);
    expect(pinch.move(2, { x: 310, y: 100 })).toEqual({
      factor: 2,
      centre: { x: 210, y: 100 },
      dx: 50,
      dy: 0,
    });
    expect(pinch.move(1, { x: 110, y: 140 })).toMatchObject({ dx: 0, dy: 20 });
    pinch.up(2);
    expect(pinch.move(1, { x: 0, y: 0 })).toBeUndefined();
    expect(pinch.has(2)).toBe(false);
  });

  it('a pinch applied to the camera keeps the world point between the fingers between them', () => {
    const c = camera();
    const pinch = new Pinch();
    pinch.down(1, { x: 300, y: 300 });
    pinch.down(2, { x: 400, y: 300 });
    const grabbed = c.toWorld({ x: 350, y: 300 });
    const step = pinch.move(2, { x: 500, y: 340 })!;
    c.panBy(step.dx, step.dy);
    c.zoomAt(step.centre, step.factor);
    const now = c.toWorld(step.centre);
    expect(now.x).toBeCloseTo(grabbed.x, 9);
    expect(now.y).toBeCloseTo(grabbed.y, 9);
  });
});
