/**
 * HSRP version 2 messages (`standby version 2`; Cisco IOS First Hop Redundancy Protocols
 * Configuration Guide, "HSRP Version 2"; the TLV layout as Wireshark's dissector reads it): the
 * whole data of a UDP datagram from port 1985 to port 1985, sent to 224.0.0.102 with TTL 1.
 * Type-length-value blocks: the group state TLV, then IOS's default clear-text authentication
 * ("cisco") in a text authentication TLV.
 *
 *   group state TLV: type 1, length 40
 *   0   version (2) | op code | state | IP version (4)
 *   4   group (2 bytes) | identifier: the sender interface's MAC address (6 bytes)
 *   12  priority (4 bytes)
 *   16  hello time, in milliseconds (4 bytes)
 *   20  hold time, in milliseconds (4 bytes)
 *   24  virtual IP address (16 bytes: an IPv4 address in the first 4, zeros after)
 *   text authentication TLV: type 3, length 8, the clear-text password padded with zeros
 *
 * States are numbered 1 (Initial) to 6 (Active), not version 1's bits. Unknown TLVs are
 * skipped by their length; a message without a group state TLV is malformed.
 */
import type { Ipv4Addr } from '../../shared/ipv4.ts';
import { ipv4 } from '../../shared/ipv4.ts';
import type { MacAddr } from '../../shared/mac.ts';
import { macFromNumber } from '../../shared/mac.ts';
import { copyBytes, readIpv4, readU16, readU32, writeU16, writeU32 } from './bytes.ts';
import type { Decoded } from './decoded.ts';
import { decoded, malformed } from './decoded.ts';

/** 224.0.0.102, where version 2 sends every message. */
export const HSRP_V2_GROUP_ADDR: Ipv4Addr = ipv4(0xe000_0066);
/** 01-00-5E-00-00-66, the Ethernet address of 224.0.0.102. */
export const HSRP_V2_GROUP_MAC: MacAddr = macFromNumber(0x0100_5e00_0066);

export const HSRP2_GROUP_STATE_TLV = 1;
export const HSRP2_TEXT_AUTH_TLV = 3;
const GROUP_STATE_LEN = 40;
const AUTH_LEN = 8;

/** Version 2's states. */
export const HSRP2_INITIAL = 1;
export const HSRP2_LEARN = 2;
export const HSRP2_LISTEN = 3;
export const HSRP2_SPEAK = 4;
export const HSRP2_STANDBY = 5;
export const HSRP2_ACTIVE = 6;

export interface Hsrp2Message {
  readonly version: number;
  readonly opCode: number;
  /** HSRP2_INITIAL .. HSRP2_ACTIVE; others kept. */
  readonly state: number;
  /** 0-4095. */
  readonly group: number;
  /** The sender interface's own MAC address. */
  readonly identifier: MacAddr;
  readonly priority: number;
  /** Milliseconds. */
  readonly helloTime: number;
  readonly holdTime: number;
  readonly virtualIp: Ipv4Addr;
  /** The text authentication TLV's 8 bytes, or null when the message has none. */
  readonly auth: Uint8Array | null;
}

function check(what: string, v: number, max: number): void {
  if (!Number.isInteger(v) || v < 0 || v > max)
    throw new RangeError(`hsrp2: ${what} ${v} is not in 0..${max}`);
}

export function encodeHsrp2(m: Hsrp2Message): Uint8Array {
  for (const [f, max] of [
    ['version', 0xff],
    ['opCode', 0xff],
    ['state', 0xff],
    ['group', 0xffff],
    ['priority', 0xffffffff],
    ['helloTime', 0xffffffff],
    ['holdTime', 0xffffffff],
    ['virtualIp', 0xffffffff],
  ] as const)
    check(f, m[f], max);
  if (m.auth !== null && m.auth.length !== AUTH_LEN)
    throw new RangeError(`hsrp2: auth is ${m.auth.length} bytes, the TLV holds ${AUTH_LEN}`);
  const out = new Uint8Array(2 + GROUP_STATE_LEN + (m.auth === null ? 0 : 2 + AUTH_LEN));
  out.set([HSRP2_GROUP_STATE_TLV, GROUP_STATE_LEN, m.version, m.opCode, m.state, 4]);
  writeU16(out, 6, m.group);
  const id = m.identifier;
  writeU16(out, 8, Math.floor(id / 2 ** 32));
  writeU32(out, 10, id % 2 ** 32);
  writeU32(out, 14, m.priority);
  writeU32(out, 18, m.helloTime);
  writeU32(out, 22, m.holdTime);
  writeU32(out, 26, m.virtualIp);
  if (m.auth !== null) {
    out.set([HSRP2_TEXT_AUTH_TLV, AUTH_LEN], 2 + GROUP_STATE_LEN);
    out.set(m.auth, 4 + GROUP_STATE_LEN);
  }
  return out;
}

/** Decodes the data of a UDP datagram to port 1985 sent to 224.0.0.102. */
export function decodeHsrp2(b: Uint8Array): Decoded<Hsrp2Message> {
  let state: Omit<Hsrp2Message, 'auth'> | null = null;
  let auth: Uint8Array | null = null;
  let at = 0;
  while (at < b.length) {
    if (at + 2 > b.length)
      return malformed(`hsrp2: a TLV header at byte ${at} runs past the ${b.length} bytes`);
    const type = b[at]!;
    const len = b[at + 1]!;
    const body = at + 2;
    if (body + len > b.length)
      return malformed(
        `hsrp2: TLV type ${type} of ${len} bytes at byte ${at} runs past the ${b.length} bytes`,
      );
    if (type === HSRP2_GROUP_STATE_TLV) {
      if (len < GROUP_STATE_LEN)
        return malformed(`hsrp2: group state TLV of ${len} bytes, it needs ${GROUP_STATE_LEN}`);
      state = {
        version: b[body]!,
        opCode: b[body + 1]!,
        state: b[body + 2]!,
        group: readU16(b, body + 4),
        identifier: macFromNumber(readU16(b, body + 6) * 2 ** 32 + readU32(b, body + 8)),
        priority: readU32(b, body + 12),
        helloTime: readU32(b, body + 16),
        holdTime: readU32(b, body + 20),
        virtualIp: readIpv4(b, body + 24),
      };
    } else if (type === HSRP2_TEXT_AUTH_TLV && len === AUTH_LEN) auth = copyBytes(b, body, body + len);
    at = body + len;
  }
  if (state === null) return malformed('hsrp2: no group state TLV');
  return decoded({ ...state, auth });
}

/** The MAC address the active router of version 2 group `group` answers for: 0000.0c9f.fXXX. */
export function hsrp2VirtualMac(group: number): MacAddr {
  check('group', group, 0xfff);
  return macFromNumber(0x0000_0c9f_f000 + group);
}
