/** MAC address tests for the forwarding path (addresses are plain numbers, see shared/mac.ts). */

/** 2^40: dividing by it leaves the first octet. */
const FIRST_OCTET = 2 ** 40;

/** 01-00-00-00-00-00, the smallest group address: below it, every address is unicast. */
export const FIRST_GROUP = FIRST_OCTET;

/**
 * The MAC address an IPv4 multicast group maps to: 01-00-5E, then the group's low 23 bits
 * (RFC 1112 section 6.4).
 */
export const ipv4MulticastMac = (group: number): number => 0x0100_5e00_0000 + (group & 0x7f_ffff);

/** Broadcast or multicast: the I/G bit (lowest bit of the first octet) is set. */
export const isGroupMac = (m: number): boolean => ((m / FIRST_OCTET) & 1) === 1;
