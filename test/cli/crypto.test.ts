import { describe, expect, it } from 'vitest';
import { md5 } from '../../src/cli/crypto/md5.ts';
import { checkSecret, hashSecret, md5crypt, parseMd5Crypt } from '../../src/cli/crypto/md5crypt.ts';
import { decodeHiddenPassword, decodeType7, encodeType7 } from '../../src/cli/crypto/type7.ts';

const hex = (b: Uint8Array) => Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('');
const utf8 = (s: string) => new TextEncoder().encode(s);

describe('md5 (RFC 1321 appendix A.5 test suite)', () => {
  it.each([
    ['', 'd41d8cd98f00b204e9800998ecf8427e'],
    ['a', '0cc175b9c0f1b6a831c399e269772661'],
    ['abc', '900150983cd24fb0d6963f7d28e17f72'],
    ['message digest', 'f96b697d7cb7938d525a2f31aaf161d0'],
    ['abcdefghijklmnopqrstuvwxyz', 'c3fcd3d76192e4007dfb496cca67e13b'],
    [
      '12345678901234567890123456789012345678901234567890123456789012345678901234567890',
      '57edf4a22be3c955ac49da2e2107b67a',
    ],
  ])('md5(%j)', (input, digest) => {
    expect(hex(md5(utf8(input)))).toBe(digest);
  });
});

describe('md5crypt', () => {
  // Expected values produced by `openssl passwd -1 -salt SALT PASSWORD`.
  it.each([
    ['cisco', 'mERr', '$1$mERr$hx5rVt7rPNoS4wqbXKX7m0'],
    ['class', 'mERr', '$1$mERr$9cTjUIEqNGurQiFU.ZeCi1'],
    ['a much longer password than sixteen chars', 'mERr', '$1$mERr$IJjnybTfFjG6Z5Ez5WQf7/'],
    ['', 'mERr', '$1$mERr$tmUg7hRVlDjfNDqoWVXLY.'],
    ['class', 'abcdefgh', '$1$abcdefgh$Bed38C4GoC5jJ8E1sg68f.'],
  ])('md5crypt(%j, %j)', (pw, salt, expected) => {
    expect(md5crypt(pw, salt)).toBe(expected);
  });

  it('hashes with a stable salt and checks passwords against any salt', () => {
    const h = hashSecret('class');
    expect(h).toBe(hashSecret('class'));
    expect(parseMd5Crypt(h)).toBeDefined();
    expect(checkSecret('class', h)).toBe(true);
    expect(checkSecret('Class', h)).toBe(false);
    expect(checkSecret('cisco', '$1$mERr$hx5rVt7rPNoS4wqbXKX7m0')).toBe(true);
    expect(checkSecret('cisco', 'not-a-hash')).toBe(false);
  });
});

describe('Cisco type 7', () => {
  it('decodes known strings', () => {
    expect(decodeType7('0822455D0A16')).toBe('cisco');
    expect(decodeType7('070C285F4D06')).toBe('cisco');
  });
  it('encodes with a given offset as IOS does', () => {
    expect(encodeType7('cisco', 8)).toBe('0822455D0A16');
    expect(encodeType7('cisco', 7)).toBe('070C285F4D06');
  });
  it('round-trips', () => {
    for (const s of ['', 'a', 'class', 'P@ssw0rd with spaces', 'x'.repeat(60)]) {
      expect(decodeType7(encodeType7(s))).toBe(s);
    }
  });
  it('rejects malformed text', () => {
    expect(decodeType7('0822455D0A1')).toBeUndefined();
    expect(decodeType7('cisco')).toBeUndefined();
    expect(decodeType7('99AA')).toBeUndefined();
  });
  it('takes as a password only clear text a configuration line can print back', () => {
    expect(decodeHiddenPassword('0822455D0A16')).toBe('cisco');
    expect(decodeHiddenPassword('08')).toBeUndefined(); // empty
    expect(decodeHiddenPassword('0861')).toBeUndefined(); // " "
    expect(decodeHiddenPassword('084B')).toBeUndefined(); // "\n"
    expect(decodeHiddenPassword(encodeType7('a b'))).toBe('a b');
  });
});
