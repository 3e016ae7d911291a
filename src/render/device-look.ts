/**
 * How a device is shown (its icon on the canvas and in the panels, its type name): by its
 * kind, except that a multilayer switch looks like none of the others. No PixiJS here, so the
 * panels can use it without the renderer.
 */
import { isMultilayer, type SwitchModel } from '../shared/models.ts';
import type { DeviceKind } from '../shared/ports.ts';

export type DeviceLook = DeviceKind | 'multilayer';

export const deviceLook = (d: {
  readonly kind: DeviceKind;
  readonly model?: SwitchModel | undefined;
}): DeviceLook => (d.kind === 'switch' && isMultilayer(d.model) ? 'multilayer' : d.kind);
