/**
 * HSRP messages as Cisco's routers send them for `standby version 1` (RFC 2281 5.1, "Packet
 * formats"): the whole data of a UDP datagram from port 1985 to port 1985, sent to 224.0.0.2
 * (all routers) with TTL 1 from the interface's own address, never the virtual one.
 *
 *   0   version (0) | op code | state | hellotime (s)
 *   4   holdtime (s) | priority | group | reserved
 *   8   authentication data: 8 bytes of clear text, "cisco" and three zeros by default
 *   16  virtual IP address (0.0.0.0 from a router that has still to learn it)
 *   20  end
 *
 * What "version 1" calls itself on the wire is version 0. Unknown versions, op codes (IOS's
 * interface advertisement is 3) and states are kept as numbers, for the protocol to ignore as
 * a router would, rather than rejected by the codec. Bytes after the 20 (where IOS appends
 * its MD5 authentication TLV when configured for it) are not decoded.
 */
import type { Ipv4Addr } from '../../shared/ipv4.ts';
import { ipv4 } from '../../shared/ipv4.ts';
import type { MacAddr } from '../../shared/mac.ts';
import { macFromNumber } from '../../shared/mac.ts';
import { copyBytes, readIpv4, writeU32 } from './bytes.ts';
import type { Decoded } from './decoded.ts';
import { decoded, malformed } from './decoded.ts';

/** Both ports of every HSRP datagram. */
export const HSRP_PORT = 1985;
/** 224.0.0.2, all routers on this subnet: where version 1 sends every message. */
export const HSRP_V1_GROUP_ADDR: Ipv4Addr = ipv4(0xe000_0002);
/** 01-00-5E-00-00-02, the Ethernet address of 224.0.0.2 (RFC 1112 6.4). */
export const HSRP_V1_GROUP_MAC: MacAddr = macFromNumber(0x0100_5e00_0002);
/** A message's length; it has no length field. */
export const HSRP_LEN = 20;
/** The length of the authentication data. */
export const HSRP_AUTH_LEN = 8;

/** Op codes. */
export const HSRP_HELLO = 0;
export const HSRP_COUP = 1;
export const HSRP_RESIGN = 2;

/** The sender's state: one bit each, so a state is never a mix. */
export const HSRP_INITIAL = 0;
export const HSRP_LEARN = 1;
export const HSRP_LISTEN = 2;
export const HSRP_SPEAK = 4;
export const HSRP_STANDBY = 8;
export const HSRP_ACTIVE = 16;

/** "cisco" and three zeros: the authentication data of a group configured without any. */
export const HSRP_DEFAULT_AUTH: Uint8Array = Uint8Array.of(0x63, 0x69, 0x73, 0x63, 0x6f, 0, 0, 0);

/** The first five bytes of a version 1 group's virtual MAC address, 0000.0c07.acXX. */
const VIRTUAL_MAC_BASE = 0x0000_0c07_ac00;

/** One message; every field but the addresses is one byte on the wire. */
export interface HsrpMessage {
  /** 0 for version 1; others kept. */
  readonly version: number;
  /** HSRP_HELLO, HSRP_COUP or HSRP_RESIGN; others kept. */
  readonly opCode: number;
  /** HSRP_INITIAL .. HSRP_ACTIVE; others kept. */
  readonly state: number;
  /** Seconds between the sender's hellos; meaningful in hellos only. */
  readonly helloTime: number;
  /** Seconds this hello stays valid; meaningful in hellos only. */
  readonly holdTime: number;
  /** Higher wins the election; ties go to the higher interface address. */
  readonly priority: number;
  /** The standby group, 0..255. */
  readonly group: number;
  /** Sent as 0, kept as it came. */
  readonly reserved: number;
  /** The clear-text password, exactly HSRP_AUTH_LEN bytes padded with zeros. */
  readonly auth: Uint8Array;
  /** The group's virtual address, or 0.0.0.0 when the sender has not been given or learnt it. */
  readonly virtualIp: Ipv4Addr;
}

/** A message with IOS's defaults: version 0, hellotime 3 s, holdtime 10 s, priority 100, "cisco". */
export function hsrpMessage(
  fields: Partial<HsrpMessage> & Pick<HsrpMessage, 'opCode' | 'state' | 'group' | 'virtualIp'>,
): HsrpMessage {
  return {
    version: 0,
    helloTime: 3,
    holdTime: 10,
    priority: 100,
    reserved: 0,
    auth: new Uint8Array(HSRP_DEFAULT_AUTH),
    ...fields,
  };
}

function checkUint(what: string, v: number, max: number): void {
  if (!Number.isInteger(v) || v < 0 || v > max)
    throw new RangeError(`hsrp: ${what} ${v} is not in 0..${max}`);
}

const BYTE_FIELDS = [
  'version',
  'opCode',
  'state',
  'helloTime',
  'holdTime',
  'priority',
  'group',
  'reserved',
] as const;

/** The 20 bytes of `m`; throws RangeError for what the fields cannot hold. */
export function encodeHsrp(m: HsrpMessage): Uint8Array {
  for (const f of BYTE_FIELDS) checkUint(f, m[f], 0xff);
  checkUint('virtualIp', m.virtualIp, 0xffffffff);
  if (m.auth.length !== HSRP_AUTH_LEN) {
    throw new RangeError(`hsrp: auth is ${m.auth.length} bytes, the field holds ${HSRP_AUTH_LEN}`);
  }
  const out = new Uint8Array(HSRP_LEN);
  out.set([m.version, m.opCode, m.state, m.helloTime, m.holdTime, m.priority, m.group, m.reserved]);
  out.set(m.auth, 8);
  writeU32(out, 16, m.virtualIp);
  return out;
}

/** Decodes the data of a UDP datagram to port 1985; bytes after the first 20 are ignored. */
export function decodeHsrp(b: Uint8Array): Decoded<HsrpMessage> {
  if (b.length < HSRP_LEN) return malformed(`hsrp: ${b.length} bytes, a message needs ${HSRP_LEN}`);
  return decoded({
    version: b[0]!,
    opCode: b[1]!,
    state: b[2]!,
    helloTime: b[3]!,
    holdTime: b[4]!,
    priority: b[5]!,
    group: b[6]!,
    reserved: b[7]!,
    auth: copyBytes(b, 8, 16),
    virtualIp: readIpv4(b, 16),
  });
}

/** The MAC address the active router of version 1 group `group` answers for: 0000.0c07.acXX. */
export function hsrpVirtualMac(group: number): MacAddr {
  checkUint('group', group, 0xff);
  return macFromNumber(VIRTUAL_MAC_BASE + group);
}
