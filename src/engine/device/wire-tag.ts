/**
 * The 802.1Q tag a frame carries on a cable, kept beside the frame value when it differs from
 * the value's own. A switch that only tags or untags a frame as it forwards it (IEEE 802.1Q
 * access and trunk ports) passes the same value on with the tag to use, instead of copying it
 * at every hop. Whoever looks at the frame itself (the trace, a capture) gets it as it is on the
 * wire, built then (`onWire`).
 *
 * A wire tag is a number: TAG_AS_IS (the value's own tag or lack of one), TAG_NONE (untagged,
 * whatever the value has), or a VLAN id n >= 0 (tagged with VLAN n, priority 0).
 */
import { dot1qTag, retag } from '../packets.ts';
import type { EthernetFrame } from '../wire/ethernet.ts';

export const TAG_AS_IS = -1;
export const TAG_NONE = -2;

/** The VLAN id in the tag the frame carries on the wire; -1 when it carries none. */
export function wireVid(frame: EthernetFrame, tag: number): number {
  if (tag === TAG_AS_IS) return frame.tag === undefined ? -1 : frame.tag.vid;
  return tag === TAG_NONE ? -1 : tag;
}

/** The frame as it is on the wire. */
export function onWire(frame: EthernetFrame, tag: number): EthernetFrame {
  if (tag === TAG_AS_IS) return frame;
  return retag(frame, tag === TAG_NONE ? undefined : dot1qTag(tag));
}

/** The wire tag that leaves `frame` without a tag. */
export const untaggedOf = (frame: EthernetFrame): number => (frame.tag === undefined ? TAG_AS_IS : TAG_NONE);
