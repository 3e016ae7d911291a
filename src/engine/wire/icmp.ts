/**
 * ICMP for IPv4 (RFC 792): echo request/reply, destination unreachable, time exceeded.
 * TYPES ONLY for now: encode/decode (checksum over the whole message) belong here.
 */
import type { Ipv4Packet } from './ipv4.ts';

export const ICMP_ECHO_REPLY = 0;
export const ICMP_DEST_UNREACHABLE = 3;
export const ICMP_ECHO_REQUEST = 8;
export const ICMP_TIME_EXCEEDED = 11;

/** Destination unreachable codes (RFC 792, RFC 1812). */
export const UNREACH_NET = 0;
export const UNREACH_HOST = 1;
export const UNREACH_PROTOCOL = 2;
export const UNREACH_PORT = 3;
export const UNREACH_ADMIN_PROHIBITED = 13;

export interface IcmpEcho {
  readonly proto: 'icmp';
  readonly type: typeof ICMP_ECHO_REQUEST | typeof ICMP_ECHO_REPLY;
  readonly code: number;
  readonly identifier: number;
  readonly sequence: number;
  readonly data: Uint8Array;
}

/** Destination unreachable (3) and time exceeded (11): they quote the offending datagram. */
export interface IcmpError {
  readonly proto: 'icmp';
  readonly type: typeof ICMP_DEST_UNREACHABLE | typeof ICMP_TIME_EXCEEDED;
  readonly code: number;
  /** The 4 bytes after the checksum (unused, or next-hop MTU for code 4). */
  readonly rest: number;
  /** The offending datagram; on the wire only its header and first 8 payload bytes are quoted. */
  readonly original: Ipv4Packet | Uint8Array;
}

/** Any other type: kept byte for byte after the checksum. */
export interface IcmpOther {
  readonly proto: 'icmp';
  readonly type: number;
  readonly code: number;
  readonly body: Uint8Array;
  readonly other: true;
}

export type IcmpMessage = IcmpEcho | IcmpError | IcmpOther;
