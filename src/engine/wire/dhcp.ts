/**
 * DHCP messages (RFC 2131) and their options (RFC 2132) in the BOOTP layout (RFC 951, RFC 1542),
 * carried as the data of a UDP datagram between ports 68 (client) and 67 (server).
 *
 *   0    op | htype | hlen | hops
 *   4    xid
 *   8    secs | flags (bit 15: broadcast)
 *   12   ciaddr, 16 yiaddr, 20 siaddr, 24 giaddr
 *   28   chaddr (16), 44 sname (64), 108 file (128)
 *   236  magic cookie 99.130.83.99
 *   240  options: code, length, data ... End (255), then padding
 *
 * chaddr, sname and file are kept whole and unknown options byte for byte in wire order, with
 * the number of bytes after End, so a message re-encodes exactly. Two things are not kept: Pad
 * bytes between options (decode skips them, encode writes none) and the content of the bytes
 * after End (encode writes zeros). Options overloaded into sname and file (option 52) stay
 * there as raw bytes.
 */
import type { Ipv4Addr } from '../../shared/ipv4.ts';
import { IPV4_ANY } from '../../shared/ipv4.ts';
import type { MacAddr } from '../../shared/mac.ts';
import { macFromBytes, macToBytes } from '../../shared/mac.ts';
import { copyBytes, readIpv4, readU16, readU32, writeU16, writeU32 } from './bytes.ts';
import type { Decoded } from './decoded.ts';
import { decoded, malformed } from './decoded.ts';

export const DHCP_SERVER_PORT = 67;
export const DHCP_CLIENT_PORT = 68;

export const BOOTREQUEST = 1;
export const BOOTREPLY = 2;

/** Message types, the value of option 53 (RFC 2132 9.6). */
export const DHCPDISCOVER = 1;
export const DHCPOFFER = 2;
export const DHCPREQUEST = 3;
export const DHCPDECLINE = 4;
export const DHCPACK = 5;
export const DHCPNAK = 6;
export const DHCPRELEASE = 7;
export const DHCPINFORM = 8;

/** Option codes (RFC 2132). Pad and End are single bytes; every other option has a length. */
export const OPT_PAD = 0;
export const OPT_SUBNET_MASK = 1;
export const OPT_ROUTER = 3;
export const OPT_DNS = 6;
export const OPT_HOST_NAME = 12;
export const OPT_DOMAIN_NAME = 15;
export const OPT_REQUESTED_IP = 50;
export const OPT_LEASE_TIME = 51;
export const OPT_MESSAGE_TYPE = 53;
export const OPT_SERVER_ID = 54;
export const OPT_PARAMETER_LIST = 55;
export const OPT_RENEWAL_TIME = 58;
export const OPT_REBINDING_TIME = 59;
export const OPT_VENDOR_CLASS = 60;
export const OPT_CLIENT_ID = 61;
export const OPT_END = 255;

/** The flags bit a client sets when it cannot receive unicast before it has an address (RFC 2131 4.1). */
export const DHCP_BROADCAST_FLAG = 0x8000;
/** 99.130.83.99: marks the vendor area as RFC 2132 options (RFC 2131 3). */
export const DHCP_MAGIC_COOKIE = 0x63825363;
/** The fixed BOOTP fields (236 bytes) and the magic cookie. */
export const DHCP_HEADER_LEN = 240;
/** RFC 1542 2.1: a BOOTP message's UDP data is at least 300 bytes (RFC 951's layout, 64-byte vendor area). */
export const BOOTP_MIN_LEN = 300;

const CHADDR = 28;
const SNAME = 44;
const FILE = 108;
const COOKIE = 236;

export interface DhcpOption {
  readonly code: number; // 1..254
  readonly data: Uint8Array; // at most 255 bytes
}

export interface DhcpMessage {
  readonly op: number; // BOOTREQUEST or BOOTREPLY
  readonly htype: number; // hardware type, 1 for Ethernet
  readonly hlen: number; // hardware address length, 6 for Ethernet
  readonly hops: number;
  readonly xid: number; // unsigned 32-bit transaction id
  readonly secs: number;
  readonly flags: number; // DHCP_BROADCAST_FLAG; the other bits must be zero but are kept
  readonly ciaddr: Ipv4Addr;
  readonly yiaddr: Ipv4Addr;
  readonly siaddr: Ipv4Addr;
  readonly giaddr: Ipv4Addr;
  /** chaddr (16 bytes), sname (64) and file (128) whole, as on the wire. */
  readonly chaddr: Uint8Array;
  readonly sname: Uint8Array;
  readonly file: Uint8Array;
  readonly options: readonly DhcpOption[]; // in wire order, without Pad and End
  readonly padding: number; // bytes after End; most senders pad the message to BOOTP_MIN_LEN
}

const optionsLen = (options: readonly DhcpOption[]): number =>
  options.reduce((n, o) => n + 2 + o.data.length, 0);

function checkUint(what: string, v: number, max: number): void {
  if (!Number.isInteger(v) || v < 0 || v > max)
    throw new RangeError(`dhcp: ${what} ${v} is not in 0..${max}`);
}

function checkBytes(what: string, b: Uint8Array, len: number): void {
  if (b.length !== len) throw new RangeError(`dhcp: ${what} is ${b.length} bytes, the field holds ${len}`);
}

function checkOption(o: DhcpOption): void {
  if (!Number.isInteger(o.code) || o.code <= OPT_PAD || o.code >= OPT_END) {
    throw new RangeError(`dhcp: option code ${o.code} cannot carry data (0 is Pad, 255 is End)`);
  }
  if (o.data.length > 255) {
    throw new RangeError(`dhcp: option ${o.code} has ${o.data.length} bytes, its length field holds 255`);
  }
}

function checkMessage(m: DhcpMessage): void {
  for (const f of ['op', 'htype', 'hlen', 'hops'] as const) checkUint(f, m[f], 0xff);
  for (const f of ['secs', 'flags'] as const) checkUint(f, m[f], 0xffff);
  for (const f of ['xid', 'ciaddr', 'yiaddr', 'siaddr', 'giaddr'] as const) checkUint(f, m[f], 0xffffffff);
  checkUint('padding', m.padding, Number.MAX_SAFE_INTEGER);
  checkBytes('chaddr', m.chaddr, SNAME - CHADDR);
  checkBytes('sname', m.sname, FILE - SNAME);
  checkBytes('file', m.file, COOKIE - FILE);
  for (const o of m.options) checkOption(o);
}

/** The message, its options, End and `padding` zeros; throws RangeError for what the fields cannot hold. */
export function encodeDhcp(m: DhcpMessage): Uint8Array {
  checkMessage(m);
  const out = new Uint8Array(DHCP_HEADER_LEN + optionsLen(m.options) + 1 + m.padding);
  out.set([m.op, m.htype, m.hlen, m.hops]);
  writeU32(out, 4, m.xid);
  writeU16(out, 8, m.secs);
  writeU16(out, 10, m.flags);
  writeU32(out, 12, m.ciaddr);
  writeU32(out, 16, m.yiaddr);
  writeU32(out, 20, m.siaddr);
  writeU32(out, 24, m.giaddr);
  out.set(m.chaddr, CHADDR);
  out.set(m.sname, SNAME);
  out.set(m.file, FILE);
  writeU32(out, COOKIE, DHCP_MAGIC_COOKIE);
  let at = DHCP_HEADER_LEN;
  for (const o of m.options) {
    out[at] = o.code;
    out[at + 1] = o.data.length;
    out.set(o.data, at + 2);
    at += 2 + o.data.length;
  }
  out[at] = OPT_END;
  return out;
}

/** The options from offset 240 and where End is. */
function decodeOptions(b: Uint8Array): Decoded<{ options: DhcpOption[]; end: number }> {
  const options: DhcpOption[] = [];
  let at = DHCP_HEADER_LEN;
  while (at < b.length) {
    const code = b[at]!;
    if (code === OPT_END) return decoded({ options, end: at });
    if (code === OPT_PAD) {
      at++;
      continue;
    }
    if (at + 1 >= b.length) return malformed(`dhcp: option ${code} at offset ${at} has no length byte`);
    const start = at + 2;
    const end = start + b[at + 1]!;
    if (end > b.length) return malformed(`dhcp: option ${code} at offset ${at} runs past the end`);
    options.push({ code, data: copyBytes(b, start, end) });
    at = end;
  }
  return malformed(`dhcp: no End option (255) after the options from offset 240`);
}

/** Decodes the data of a UDP datagram to or from port 67 or 68. */
export function decodeDhcp(b: Uint8Array): Decoded<DhcpMessage> {
  if (b.length < DHCP_HEADER_LEN) {
    return malformed(`dhcp: ${b.length} bytes, the fixed fields and the magic cookie need 240`);
  }
  const cookie = readU32(b, COOKIE);
  if (cookie !== DHCP_MAGIC_COOKIE) {
    return malformed(`dhcp: magic cookie at offset 236 is 0x${cookie.toString(16)}, not 0x63825363`);
  }
  const opts = decodeOptions(b);
  if (!opts.ok) return opts;
  return decoded({
    op: b[0]!,
    htype: b[1]!,
    hlen: b[2]!,
    hops: b[3]!,
    xid: readU32(b, 4),
    secs: readU16(b, 8),
    flags: readU16(b, 10),
    ciaddr: readIpv4(b, 12),
    yiaddr: readIpv4(b, 16),
    siaddr: readIpv4(b, 20),
    giaddr: readIpv4(b, 24),
    chaddr: copyBytes(b, CHADDR, SNAME),
    sname: copyBytes(b, SNAME, FILE),
    file: copyBytes(b, FILE, COOKIE),
    options: opts.value.options,
    padding: b.length - opts.value.end - 1,
  });
}

export const isBroadcastFlag = (m: DhcpMessage): boolean => (m.flags & DHCP_BROADCAST_FLAG) !== 0;

/** The data of option `code`; several instances of it are one option split up, joined in order (RFC 3396). */
export function optionBytes(m: DhcpMessage, code: number): Uint8Array | undefined {
  const parts = m.options.filter((o) => o.code === code);
  return parts.length <= 1 ? parts[0]?.data : Uint8Array.from(parts.flatMap((p) => [...p.data]));
}

/** The typed readers return undefined when the option is absent or its length does not fit the type. */
export function optionU8(m: DhcpMessage, code: number): number | undefined {
  const d = optionBytes(m, code);
  return d?.length === 1 ? d[0] : undefined;
}

export function optionU32(m: DhcpMessage, code: number): number | undefined {
  const d = optionBytes(m, code);
  return d?.length === 4 ? readU32(d, 0) : undefined;
}

export const optionAddr = (m: DhcpMessage, code: number): Ipv4Addr | undefined =>
  optionU32(m, code) as Ipv4Addr | undefined;

export function optionAddrs(m: DhcpMessage, code: number): Ipv4Addr[] | undefined {
  const d = optionBytes(m, code);
  if (d === undefined || d.length === 0 || d.length % 4 !== 0) return undefined;
  return Array.from({ length: d.length / 4 }, (_, i) => readIpv4(d, 4 * i));
}

/** Text options (names, vendor class) are NVT ASCII; bytes above 127 are read as Latin-1. */
export function optionText(m: DhcpMessage, code: number): string | undefined {
  const d = optionBytes(m, code);
  return d === undefined ? undefined : Array.from(d, (c) => String.fromCharCode(c)).join('');
}

export const messageType = (m: DhcpMessage): number | undefined => optionU8(m, OPT_MESSAGE_TYPE);

export const bytesOption = (code: number, data: Uint8Array): DhcpOption => ({ code, data });

export function u8Option(code: number, v: number): DhcpOption {
  checkUint(`option ${code} value`, v, 0xff);
  return bytesOption(code, Uint8Array.of(v));
}

export function u32Option(code: number, v: number): DhcpOption {
  checkUint(`option ${code} value`, v, 0xffffffff);
  const data = new Uint8Array(4);
  writeU32(data, 0, v);
  return bytesOption(code, data);
}

export const addrOption = (code: number, a: Ipv4Addr): DhcpOption => u32Option(code, a);

export const addrsOption = (code: number, list: readonly Ipv4Addr[]): DhcpOption =>
  bytesOption(code, Uint8Array.from(list.flatMap((a) => [...addrOption(code, a).data])));

export function textOption(code: number, s: string): DhcpOption {
  const data = new Uint8Array(s.length);
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c > 0xff) throw new RangeError(`dhcp: option ${code} text ${JSON.stringify(s)} is not Latin-1`);
    data[i] = c;
  }
  return bytesOption(code, data);
}

/** The client's MAC address: the first 6 bytes of chaddr. */
export const chaddrMac = (m: DhcpMessage): MacAddr => macFromBytes(m.chaddr, 0);

/** A 16-byte chaddr holding `mac` and zeros. */
export const chaddrOf = (mac: MacAddr): Uint8Array => macToBytes(mac, new Uint8Array(SNAME - CHADDR));

/** A message with the usual zeros, padded to BOOTP_MIN_LEN unless `padding` is given. */
export function dhcpMessage(
  fields: Partial<DhcpMessage> & Pick<DhcpMessage, 'op' | 'xid' | 'options'>,
): DhcpMessage {
  return {
    htype: 1,
    hlen: 6,
    hops: 0,
    secs: 0,
    flags: 0,
    ciaddr: IPV4_ANY,
    yiaddr: IPV4_ANY,
    siaddr: IPV4_ANY,
    giaddr: IPV4_ANY,
    chaddr: new Uint8Array(SNAME - CHADDR),
    sname: new Uint8Array(FILE - SNAME),
    file: new Uint8Array(COOKIE - FILE),
    padding: Math.max(0, BOOTP_MIN_LEN - (DHCP_HEADER_LEN + optionsLen(fields.options) + 1)),
    ...fields,
  };
}
