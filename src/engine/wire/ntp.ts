/**
 * NTP messages (RFC 5905 7.3, "Packet Header Variables"; NTPv3's header in RFC 1305 is the
 * same 48 bytes), the whole data of a UDP datagram to or from port 123.
 *
 *   0   LI (2 bits) | VN (3 bits) | mode (3 bits) | stratum | poll | precision
 *   4   root delay       (NTP short format: unsigned 16.16 seconds)
 *   8   root dispersion  (NTP short format)
 *   12  reference ID
 *   16  reference timestamp (NTP timestamp format: 32 bits of seconds, 32 of fraction)
 *   24  origin timestamp
 *   32  receive timestamp
 *   40  transmit timestamp
 *   48  extension fields (RFC 7822), then the key ID and digest of symmetric-key
 *       authentication (4 + 16 bytes for MD5, 4 + 20 for SHA-1)
 *
 * Poll and precision are signed log2 seconds. The reference ID of stratum 0 (a kiss code,
 * RFC 5905 7.4) and stratum 1 (the reference clock) is up to four ASCII characters padded with
 * zeros; above stratum 1 it is the IPv4 address of the server's own source.
 *
 * Timestamps keep their two 32-bit halves, so no bit is lost to floating point. Seconds count
 * from 1900-01-01 00:00 UTC and wrap in 2036 (era 1); the conversions here know era 0 only.
 *
 * Every version and mode is decoded into the same fields and kept, so a message re-encodes byte
 * for byte; modes 6 (control) and 7 (private, ntpd's ntpdc) have layouts of their own that are
 * not decoded. Bytes after the 48 are kept unparsed as the trailer and written back unchanged.
 */
import { copyBytes, readU32, writeU32 } from './bytes.ts';
import type { Decoded } from './decoded.ts';
import { decoded, malformed } from './decoded.ts';

export const NTP_PORT = 123;
export const NTP_HEADER_LEN = 48;

/** Modes. */
export const NTP_MODE_SYMMETRIC_ACTIVE = 1;
export const NTP_MODE_SYMMETRIC_PASSIVE = 2;
export const NTP_MODE_CLIENT = 3;
export const NTP_MODE_SERVER = 4;
export const NTP_MODE_BROADCAST = 5;
export const NTP_MODE_CONTROL = 6;
export const NTP_MODE_PRIVATE = 7;

/** Leap indicators: the last minute of the day has 60, 61 or 59 seconds, or the clock is unsynchronized. */
export const NTP_LEAP_NONE = 0;
export const NTP_LEAP_INSERT = 1;
export const NTP_LEAP_DELETE = 2;
export const NTP_LEAP_ALARM = 3;

/** Stratum 0 on the wire: unspecified, or a kiss-o'-death message. */
export const NTP_STRATUM_UNSPEC = 0;
/** Unsynchronized (RFC 5905 7.3); ntpd writes it as 0 on the wire. */
export const MAX_STRATUM = 16;

/** Seconds from the NTP epoch (1900) to the Unix epoch (1970): 70 years and 17 leap days. */
export const NTP_UNIX_OFFSET = 2_208_988_800;

const TWO_32 = 0x1_0000_0000;

/** A 64-bit NTP timestamp, both halves unsigned 32-bit integers. */
export interface NtpTimestamp {
  readonly seconds: number;
  readonly fraction: number;
}

/** 0.0: a time not known, as in the origin and receive fields of a client's first request. */
export const NTP_ZERO_TIME: NtpTimestamp = Object.freeze({ seconds: 0, fraction: 0 });

export interface NtpMessage {
  /** NTP_LEAP_NONE .. NTP_LEAP_ALARM. */
  readonly leap: number;
  /** 0..7; 3 and 4 in use, others kept. */
  readonly version: number;
  /** 0..7, NTP_MODE_*. */
  readonly mode: number;
  /** 0..255: 0 unspecified, 1 primary, 2-15 secondary, 16 unsynchronized. */
  readonly stratum: number;
  /** Log2 of the maximum interval between messages, in seconds; signed 8 bits. */
  readonly poll: number;
  /** Log2 of the clock's precision, in seconds; signed 8 bits. */
  readonly precision: number;
  /** Round-trip delay to the reference clock, NTP short format as on the wire (see secondsOfNtpShort). */
  readonly rootDelay: number;
  /** Dispersion to the reference clock, NTP short format as on the wire. */
  readonly rootDispersion: number;
  /** Unsigned 32 bits: a kiss code or clock name (refIdText) or an IPv4 address, by stratum. */
  readonly referenceId: number;
  /** When the clock was last set or corrected. */
  readonly reference: NtpTimestamp;
  /** The transmit timestamp of the message this one answers. */
  readonly origin: NtpTimestamp;
  /** When the message this one answers arrived. */
  readonly receive: NtpTimestamp;
  /** When this message left. */
  readonly transmit: NtpTimestamp;
  /** Extension fields and authenticator, byte for byte; empty when the message has none. */
  readonly trailer: Uint8Array;
}

// ---- Time formats ----

/** The NTP timestamp of `ms` milliseconds since 1970 UTC, the fraction rounded to the nearest 2^-32 s. */
export function ntpTimestampOfMs(ms: number): NtpTimestamp {
  if (!Number.isFinite(ms)) throw new RangeError(`ntp: ${ms} is not a time`);
  let seconds = Math.floor(ms / 1000);
  // The remainder and its product with 2^32 stay exact for integer milliseconds.
  let fraction = Math.round(((ms - seconds * 1000) * TWO_32) / 1000);
  if (fraction >= TWO_32) {
    fraction -= TWO_32;
    seconds += 1;
  }
  // The seconds wrap as on the wire (RFC 5905 6): 2036-02-07 06:28:16 UTC is 0 again.
  const ntpSeconds = (((seconds + NTP_UNIX_OFFSET) % TWO_32) + TWO_32) % TWO_32;
  return { seconds: ntpSeconds, fraction };
}

/**
 * Milliseconds since 1970 UTC of an era 0 timestamp (1900 to 2036). A float: for present-day
 * dates it keeps the fraction to a fraction of a microsecond, not to all 32 bits.
 */
export const msOfNtpTimestamp = (t: NtpTimestamp): number =>
  (t.seconds - NTP_UNIX_OFFSET) * 1000 + (t.fraction * 1000) / TWO_32;

/** The NTP short format (16.16) of `s` seconds, rounded to the nearest 2^-16 s; throws outside 0..65536. */
export function ntpShortOfSeconds(s: number): number {
  const v = Math.round(s * 0x10000);
  if (!(v >= 0 && v <= 0xffffffff)) throw new RangeError(`ntp: ${s} s does not fit the short format`);
  return v;
}

/** Seconds of an NTP short format value; exact, every 16.16 value is a double. */
export const secondsOfNtpShort = (v: number): number => v / 0x10000;

// ---- Reference IDs ----

/**
 * The text of a stratum 0 or 1 reference ID ("INIT", "GPS"), zero padding removed; undefined
 * when it is not printable ASCII followed by zeros, as an IPv4 address usually is not.
 */
export function refIdText(id: number): string | undefined {
  let text = '';
  let ended = false;
  for (let shift = 24; shift >= 0; shift -= 8) {
    const c = (id >>> shift) & 0xff;
    if (c === 0) ended = true;
    else if (ended || c < 0x20 || c > 0x7e) return undefined;
    else text += String.fromCharCode(c);
  }
  return text === '' ? undefined : text;
}

/** The reference ID of a kiss code or clock name of 1 to 4 printable ASCII characters. */
export function refIdOfText(text: string): number {
  if (!/^[\x20-\x7e]{1,4}$/.test(text)) {
    throw new RangeError(`ntp: reference ID ${JSON.stringify(text)} is not 1 to 4 ASCII characters`);
  }
  let id = 0;
  for (let i = 0; i < 4; i++) id = id * 0x100 + (i < text.length ? text.charCodeAt(i) : 0);
  return id;
}

// ---- Codec ----

function checkInt(what: string, v: number, min: number, max: number): void {
  if (!Number.isInteger(v) || v < min || v > max)
    throw new RangeError(`ntp: ${what} ${v} is not in ${min}..${max}`);
}

const TIMESTAMPS = ['reference', 'origin', 'receive', 'transmit'] as const;

/** The bytes of `m`, its trailer after the 48; throws RangeError for what the fields cannot hold. */
export function encodeNtp(m: NtpMessage): Uint8Array {
  checkInt('leap', m.leap, 0, 3);
  checkInt('version', m.version, 0, 7);
  checkInt('mode', m.mode, 0, 7);
  checkInt('stratum', m.stratum, 0, 0xff);
  checkInt('poll', m.poll, -128, 127);
  checkInt('precision', m.precision, -128, 127);
  checkInt('rootDelay', m.rootDelay, 0, 0xffffffff);
  checkInt('rootDispersion', m.rootDispersion, 0, 0xffffffff);
  checkInt('referenceId', m.referenceId, 0, 0xffffffff);
  for (const f of TIMESTAMPS) {
    checkInt(`${f} seconds`, m[f].seconds, 0, 0xffffffff);
    checkInt(`${f} fraction`, m[f].fraction, 0, 0xffffffff);
  }
  const out = new Uint8Array(NTP_HEADER_LEN + m.trailer.length);
  out[0] = (m.leap << 6) | (m.version << 3) | m.mode;
  out[1] = m.stratum;
  out[2] = m.poll & 0xff;
  out[3] = m.precision & 0xff;
  writeU32(out, 4, m.rootDelay);
  writeU32(out, 8, m.rootDispersion);
  writeU32(out, 12, m.referenceId);
  TIMESTAMPS.forEach((f, i) => {
    writeU32(out, 16 + 8 * i, m[f].seconds);
    writeU32(out, 20 + 8 * i, m[f].fraction);
  });
  out.set(m.trailer, NTP_HEADER_LEN);
  return out;
}

const readTimestamp = (b: Uint8Array, i: number): NtpTimestamp => ({
  seconds: readU32(b, i),
  fraction: readU32(b, i + 4),
});

const int8 = (v: number): number => (v << 24) >> 24;

/** Decodes the data of a UDP datagram to or from port 123. */
export function decodeNtp(b: Uint8Array): Decoded<NtpMessage> {
  if (b.length < NTP_HEADER_LEN) {
    return malformed(`ntp: ${b.length} bytes, a message needs ${NTP_HEADER_LEN}`);
  }
  return decoded({
    leap: b[0]! >> 6,
    version: (b[0]! >> 3) & 7,
    mode: b[0]! & 7,
    stratum: b[1]!,
    poll: int8(b[2]!),
    precision: int8(b[3]!),
    rootDelay: readU32(b, 4),
    rootDispersion: readU32(b, 8),
    referenceId: readU32(b, 12),
    reference: readTimestamp(b, 16),
    origin: readTimestamp(b, 24),
    receive: readTimestamp(b, 32),
    transmit: readTimestamp(b, 40),
    trailer: copyBytes(b, NTP_HEADER_LEN, b.length),
  });
}

// ---- Builders ----

/**
 * A client's request (mode 3) as ntpd sends it before it is synchronized: leap alarm, stratum
 * 0 (ntpd's 16, unsynchronized, goes on the wire as 0), poll 6 (64 s, ntpd's and IOS's
 * minimum), nothing known of a reference, origin and receive zero. Precision -20 (about 1 us)
 * is the virtual clock's, which counts microseconds. `fields` overrides any of these.
 */
export function ntpClientRequest(fields: Partial<NtpMessage> & Pick<NtpMessage, 'transmit'>): NtpMessage {
  return {
    leap: NTP_LEAP_ALARM,
    version: 4,
    mode: NTP_MODE_CLIENT,
    stratum: NTP_STRATUM_UNSPEC,
    poll: 6,
    precision: -20,
    rootDelay: 0,
    rootDispersion: 0,
    referenceId: 0,
    reference: NTP_ZERO_TIME,
    origin: NTP_ZERO_TIME,
    receive: NTP_ZERO_TIME,
    trailer: new Uint8Array(0),
    ...fields,
  };
}

/**
 * What a server says of its own clock in every reply. The stratum is as on the wire: 0, not 16,
 * when the server is unsynchronized.
 */
export type NtpServerClock = Pick<
  NtpMessage,
  'leap' | 'stratum' | 'precision' | 'rootDelay' | 'rootDispersion' | 'referenceId' | 'reference'
>;

/**
 * A server's reply (mode 4) to `request` (RFC 5905 8, and fast_xmit() in its appendix A): the
 * request's version and poll, and its transmit timestamp as the origin, which the client matches
 * against what it sent; `receive` when the request arrived, `transmit` when the reply leaves.
 */
export function ntpServerReply(
  request: NtpMessage,
  server: NtpServerClock,
  receive: NtpTimestamp,
  transmit: NtpTimestamp,
): NtpMessage {
  return {
    leap: server.leap,
    version: request.version,
    mode: NTP_MODE_SERVER,
    stratum: server.stratum,
    poll: request.poll,
    precision: server.precision,
    rootDelay: server.rootDelay,
    rootDispersion: server.rootDispersion,
    referenceId: server.referenceId,
    reference: server.reference,
    origin: request.transmit,
    receive,
    transmit,
    trailer: new Uint8Array(0),
  };
}
