/**
 * What is under the pointer, computed from the document alone (no renderer involved), so the
 * editor's tools stay headless and testable. Devices win over cables; the topmost (last drawn)
 * device wins over the ones below it.
 */
import { deviceOf, linkOf, type NetworkDoc } from '../model/document.ts';
import {
  CABLE_HIT_SLOP,
  distanceToSegment,
  ICON_SIZE,
  LABEL_HEIGHT,
  LABEL_OFFSET,
  type Point,
} from '../shared/geometry.ts';
import type { DeviceId, LinkId } from '../shared/ids.ts';

export type Hit =
  | { readonly type: 'device'; readonly id: DeviceId; readonly at: Point }
  | { readonly type: 'link'; readonly id: LinkId }
  | { readonly type: 'canvas' };

/** Where a device is drawn: its document position, unless it is being dragged. */
export type PositionOf = (id: DeviceId) => Point | undefined;

export function positionsFrom(doc: NetworkDoc, override?: { id: DeviceId; at: Point }): PositionOf {
  return (id) => {
    if (override && override.id === id) return override.at;
    const d = deviceOf(doc, id);
    return d ? { x: d.at[0], y: d.at[1] } : undefined;
  };
}

/** `scale` is screen pixels per world unit, so cable slop stays constant on screen. */
export function hitTest(doc: NetworkDoc, p: Point, scale: number, positionOf = positionsFrom(doc)): Hit {
  const half = ICON_SIZE / 2;
  for (let i = doc.deviceOrder.length - 1; i >= 0; i--) {
    const id = doc.deviceOrder[i]!;
    const at = positionOf(id);
    if (!at) continue;
    const dx = p.x - at.x;
    const dy = p.y - at.y;
    if (Math.abs(dx) <= half && dy >= -half && dy <= LABEL_OFFSET + LABEL_HEIGHT)
      return { type: 'device', id, at };
  }
  const slop = CABLE_HIT_SLOP / scale;
  for (let i = doc.linkOrder.length - 1; i >= 0; i--) {
    const id = doc.linkOrder[i]!;
    const link = linkOf(doc, id);
    if (!link) continue;
    const a = positionOf(link.a.device);
    const b = positionOf(link.b.device);
    if (a && b && distanceToSegment(p, a, b) <= slop) return { type: 'link', id };
  }
  return { type: 'canvas' };
}
