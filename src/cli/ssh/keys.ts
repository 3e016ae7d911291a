/**
 * The numbers an SSH session's key exchange and encryption carry, emulated. A real session
 * draws them from a Diffie-Hellman exchange and RSA keys; Trame draws them from SHA-256 of
 * what the two ends know (the device's name, the connection, the virtual time), so that a
 * capture shows what an observer of a real session sees (the algorithms negotiated in clear,
 * numbers of the right sizes, then bytes that read as random) while both ends, which are in
 * the same simulation, can read each other. No real SSH implementation could: these are not
 * real keys, and the bytes are not real AES.
 */
import { sha256 } from '../crypto/sha256.ts';
import { base64, SshWriter } from './wire.ts';

const join = (...parts: readonly (string | Uint8Array)[]): Uint8Array => {
  const w = new SshWriter();
  for (const p of parts) w.string(p);
  return w.done();
};

/** An endless run of bytes that read as random, from a seed: SHA-256 in counter mode. */
export class ByteStream {
  private block: Uint8Array = new Uint8Array(0);
  private at = 0;
  private counter = 0;

  constructor(private readonly seed: Uint8Array) {}

  next(n: number): Uint8Array {
    const out = new Uint8Array(n);
    for (let i = 0; i < n; i++) {
      if (this.at >= this.block.length) {
        this.block = sha256(join(this.seed, String(this.counter++)));
        this.at = 0;
      }
      out[i] = this.block[this.at++]!;
    }
    return out;
  }

  /** A copy at the same place, to look ahead without moving this one. */
  clone(): ByteStream {
    const c = new ByteStream(this.seed);
    c.block = this.block;
    c.at = this.at;
    c.counter = this.counter;
    return c;
  }

  /** XORs `data` in place with the next bytes (encryption and decryption alike). */
  xor(data: Uint8Array): Uint8Array {
    const k = this.next(data.length);
    for (let i = 0; i < data.length; i++) data[i]! ^= k[i]!;
    return data;
  }
}

/** A stream seeded by `parts`. */
export const streamOf = (...parts: readonly (string | Uint8Array)[]): ByteStream =>
  new ByteStream(join(...parts));

/** A number of `bytes` bytes with its top bit set (a modulus, a group's prime) and odd. */
export function bigNumber(stream: ByteStream, bytes: number): Uint8Array {
  const n = stream.next(bytes);
  n[0]! |= 0x80;
  n[bytes - 1]! |= 1;
  return n;
}

/** A device's RSA public key as SSH carries it (RFC 4253 6.6): "ssh-rsa", e = 65537, n. */
export function rsaPublicKey(keyName: string, bits: number): Uint8Array {
  const modulus = bigNumber(streamOf('rsa', keyName, String(bits)), bits / 8);
  return new SshWriter()
    .string('ssh-rsa')
    .mpint(new Uint8Array([1, 0, 1]))
    .mpint(modulus)
    .done();
}

/** An "ssh-rsa" signature blob of a key of `bits` bits. */
export function rsaSignature(stream: ByteStream, bits: number): Uint8Array {
  return new SshWriter()
    .string('ssh-rsa')
    .string(stream.next(bits / 8))
    .done();
}

/** The fingerprint OpenSSH prints of a host key. */
export const fingerprint = (blob: Uint8Array): string => `SHA256:${base64(sha256(blob))}`;
