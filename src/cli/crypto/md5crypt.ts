/**
 * md5-crypt ("$1$salt$hash", Poul-Henning Kamp's FreeBSD scheme), what IOS shows as
 * `enable secret 5 ...`. Salts are derived from the password so that configurations
 * and tests are reproducible (IOS picks a random 4-character salt).
 */
import { md5 } from './md5.ts';

const ITOA64 = './0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
const MAGIC = '$1$';

const utf8 = (s: string): Uint8Array => new TextEncoder().encode(s);

function concat(...parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let off = 0;
  for (const p of parts) {
    out.set(p, off);
    off += p.length;
  }
  return out;
}

function to64(v: number, n: number): string {
  let s = '';
  for (let i = 0; i < n; i++) {
    s += ITOA64[v & 0x3f];
    v >>>= 6;
  }
  return s;
}

export function md5crypt(password: string, salt: string): string {
  const pw = utf8(password);
  const sl = utf8(salt.slice(0, 8));
  const magic = utf8(MAGIC);

  const alt = md5(concat(pw, sl, pw));
  const parts: Uint8Array[] = [pw, magic, sl];
  for (let left = pw.length; left > 0; left -= 16) parts.push(alt.subarray(0, Math.min(left, 16)));
  for (let i = pw.length; i > 0; i >>= 1) parts.push(i & 1 ? new Uint8Array(1) : pw.subarray(0, 1));
  let final = md5(concat(...parts));

  for (let i = 0; i < 1000; i++) {
    const round: Uint8Array[] = [];
    round.push(i & 1 ? pw : final);
    if (i % 3) round.push(sl);
    if (i % 7) round.push(pw);
    round.push(i & 1 ? final : pw);
    final = md5(concat(...round));
  }

  const f = (i: number): number => final[i]!;
  const hash =
    to64((f(0) << 16) | (f(6) << 8) | f(12), 4) +
    to64((f(1) << 16) | (f(7) << 8) | f(13), 4) +
    to64((f(2) << 16) | (f(8) << 8) | f(14), 4) +
    to64((f(3) << 16) | (f(9) << 8) | f(15), 4) +
    to64((f(4) << 16) | (f(10) << 8) | f(5), 4) +
    to64(f(11), 2);
  return `${MAGIC}${salt.slice(0, 8)}$${hash}`;
}

/** A 4-character salt derived from the password (stable across runs). */
function saltFor(password: string): string {
  const d = md5(utf8(`trame-salt:${password}`));
  let s = '';
  for (let i = 0; i < 4; i++) s += ITOA64[d[i]! & 0x3f];
  return s;
}

export const hashSecret = (password: string): string => md5crypt(password, saltFor(password));

/** Parses "$1$salt$hash"; undefined for anything else. */
export function parseMd5Crypt(text: string): { salt: string; hash: string } | undefined {
  const m = /^\$1\$([^$]{1,8})\$([./0-9A-Za-z]{22})$/.exec(text);
  return m ? { salt: m[1]!, hash: m[2]! } : undefined;
}

/** Does `password` match the stored "$1$salt$hash"? */
export function checkSecret(password: string, stored: string): boolean {
  const p = parseMd5Crypt(stored);
  return p !== undefined && md5crypt(password, p.salt) === stored;
}
