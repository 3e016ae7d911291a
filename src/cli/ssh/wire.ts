/**
 * SSH's data types and binary packets: RFC 4251 section 5 (byte, boolean, uint32, string,
 * mpint, name-list) and RFC 4253 section 6 (packet_length, padding_length, payload, random
 * padding, MAC). Readers check every length before they read and say what was wrong.
 */

/** Message numbers (RFC 4250 section 4.1.2; RFC 4419 for the group exchange). */
export const SSH_MSG = {
  DISCONNECT: 1,
  SERVICE_REQUEST: 5,
  SERVICE_ACCEPT: 6,
  KEXINIT: 20,
  NEWKEYS: 21,
  KEXDH_INIT: 30,
  KEXDH_REPLY: 31,
  KEX_DH_GEX_GROUP: 31,
  KEX_DH_GEX_INIT: 32,
  KEX_DH_GEX_REPLY: 33,
  KEX_DH_GEX_REQUEST: 34,
  USERAUTH_REQUEST: 50,
  USERAUTH_FAILURE: 51,
  USERAUTH_SUCCESS: 52,
  CHANNEL_OPEN: 90,
  CHANNEL_OPEN_CONFIRMATION: 91,
  CHANNEL_DATA: 94,
  CHANNEL_EOF: 96,
  CHANNEL_CLOSE: 97,
  CHANNEL_REQUEST: 98,
  CHANNEL_SUCCESS: 99,
} as const;

/** RFC 4253 11.1: DISCONNECT's reasons when authentication failed too often, or the application ended it. */
export const DISCONNECT_NO_MORE_AUTH_METHODS = 14;
export const DISCONNECT_BY_APPLICATION = 11;

export class SshFormatError extends Error {}

const utf8 = new TextEncoder();

/** Builds a payload field by field. */
export class SshWriter {
  private readonly parts: Uint8Array[] = [];
  private size = 0;

  bytes(b: Uint8Array): this {
    this.parts.push(b);
    this.size += b.length;
    return this;
  }

  byte(v: number): this {
    return this.bytes(new Uint8Array([v]));
  }

  boolean(v: boolean): this {
    return this.byte(v ? 1 : 0);
  }

  uint32(v: number): this {
    const b = new Uint8Array(4);
    new DataView(b.buffer).setUint32(0, v >>> 0);
    return this.bytes(b);
  }

  string(v: string | Uint8Array): this {
    const b = typeof v === 'string' ? utf8.encode(v) : v;
    return this.uint32(b.length).bytes(b);
  }

  /** A positive number given by its big-endian bytes: leading zeros go, a 0 byte keeps it positive. */
  mpint(magnitude: Uint8Array): this {
    let i = 0;
    while (i < magnitude.length && magnitude[i] === 0) i++;
    const digits = magnitude.subarray(i);
    if (digits.length > 0 && digits[0]! & 0x80) {
      const b = new Uint8Array(digits.length + 1);
      b.set(digits, 1);
      return this.string(b);
    }
    return this.string(digits);
  }

  nameList(names: readonly string[]): this {
    return this.string(names.join(','));
  }

  done(): Uint8Array {
    const out = new Uint8Array(this.size);
    let k = 0;
    for (const p of this.parts) {
      out.set(p, k);
      k += p.length;
    }
    return out;
  }
}

/** Reads a payload field by field. */
export class SshReader {
  private at = 0;

  constructor(private readonly b: Uint8Array) {}

  private need(n: number, what: string): void {
    if (this.at + n > this.b.length) {
      throw new SshFormatError(
        `${what} needs ${n} bytes at offset ${this.at}, ${this.b.length - this.at} left`,
      );
    }
  }

  byte(): number {
    this.need(1, 'byte');
    return this.b[this.at++]!;
  }

  boolean(): boolean {
    return this.byte() !== 0;
  }

  uint32(): number {
    this.need(4, 'uint32');
    const v = new DataView(this.b.buffer, this.b.byteOffset + this.at, 4).getUint32(0);
    this.at += 4;
    return v;
  }

  bytes(): Uint8Array {
    const n = this.uint32();
    this.need(n, 'string');
    const v = this.b.subarray(this.at, this.at + n);
    this.at += n;
    return v;
  }

  string(): string {
    return new TextDecoder().decode(this.bytes());
  }

  nameList(): string[] {
    const s = this.string();
    return s === '' ? [] : s.split(',');
  }
}

/**
 * A binary packet around `payload`: padding makes the whole a multiple of `block` bytes (at
 * least 4 of it, RFC 4253 6), its bytes from `pad`.
 */
export function packet(payload: Uint8Array, block: number, pad: (n: number) => Uint8Array): Uint8Array {
  let padding = block - ((5 + payload.length) % block);
  if (padding < 4) padding += block;
  const out = new Uint8Array(5 + payload.length + padding);
  new DataView(out.buffer).setUint32(0, 1 + payload.length + padding);
  out[4] = padding;
  out.set(payload, 5);
  out.set(pad(padding), 5 + payload.length);
  return out;
}

/** The payload of a whole packet (its length field included), or why it is not one. */
export function payloadOf(whole: Uint8Array): Uint8Array {
  if (whole.length < 5) throw new SshFormatError(`a packet needs 5 bytes, got ${whole.length}`);
  const length = new DataView(whole.buffer, whole.byteOffset, 4).getUint32(0);
  const padding = whole[4]!;
  if (length + 4 !== whole.length)
    throw new SshFormatError(`packet_length ${length} for ${whole.length} bytes`);
  if (padding < 4 || padding + 1 > length) throw new SshFormatError(`padding_length ${padding} of ${length}`);
  return whole.subarray(5, 4 + length - padding);
}

/** Base64 without its padding, as OpenSSH prints a SHA256 fingerprint. */
export function base64(b: Uint8Array): string {
  const A = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
  let out = '';
  for (let i = 0; i < b.length; i += 3) {
    const n = (b[i]! << 16) | ((b[i + 1] ?? 0) << 8) | (b[i + 2] ?? 0);
    const chars = i + 2 < b.length ? 4 : i + 1 < b.length ? 3 : 2;
    for (let c = 0; c < chars; c++) out += A[(n >> (18 - 6 * c)) & 63];
  }
  return out;
}
