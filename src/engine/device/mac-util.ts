/** MAC address tests for the forwarding path (addresses are plain numbers, see shared/mac.ts). */

/** 2^40: dividing by it leaves the first octet. */
const FIRST_OCTET = 2 ** 40;

/** Broadcast or multicast: the I/G bit (lowest bit of the first octet) is set. */
export const isGroupMac = (m: number): boolean => ((m / FIRST_OCTET) & 1) === 1;
