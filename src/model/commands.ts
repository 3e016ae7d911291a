/**
 * Commands on the document: the only way it changes. Each is applied as an immer recipe,
 * producing forward and inverse patches (for the UI mirror, autosave and undo/redo).
 * TYPES ONLY for now; the recipes belong in this file.
 */
import type { DeviceId, LinkId, PortRef } from '../shared/ids.ts';
import type { DeviceKind } from '../shared/ports.ts';

export type DocCommand =
  | { readonly type: 'addDevice'; readonly id?: DeviceId; readonly kind: DeviceKind; readonly name?: string; readonly at: readonly [number, number] }
  | { readonly type: 'moveDevice'; readonly id: DeviceId; readonly at: readonly [number, number] }
  | { readonly type: 'renameDevice'; readonly id: DeviceId; readonly name: string }
  | { readonly type: 'removeDevice'; readonly id: DeviceId }
  /** `b.port` or `a.port` may be "auto": the first free port (Packet Tracer's automatic cable). */
  | { readonly type: 'connect'; readonly id?: LinkId; readonly a: PortRef; readonly b: PortRef }
  | { readonly type: 'disconnect'; readonly id: LinkId }
  | { readonly type: 'setConfig'; readonly id: DeviceId; readonly config: string }
  | { readonly type: 'setHostIp'; readonly id: DeviceId; readonly ip?: string; readonly gateway?: string };
