/** Stable identity of a device in the document; survives renames. Links refer to devices by id. */
export type DeviceId = string & { readonly __brand: 'DeviceId' };
/** Stable identity of a cable in the document. */
export type LinkId = string & { readonly __brand: 'LinkId' };

export const deviceId = (s: string): DeviceId => s as DeviceId;
export const linkId = (s: string): LinkId => s as LinkId;

/** One end of a cable: a device and the canonical (full) name of one of its ports. */
export interface PortRef {
  readonly device: DeviceId;
  readonly port: string;
}
