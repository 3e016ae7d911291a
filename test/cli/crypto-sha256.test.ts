/** SHA-256 against Node's, on lengths around the padding's edges, and OpenSSH's fingerprint form. */
import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { expect, it } from 'vitest';
import { sha256 } from '../../src/cli/crypto/sha256.ts';
import { fingerprint } from '../../src/cli/ssh/keys.ts';

const node = (d: Uint8Array) => createHash('sha256').update(d).digest();

it('hashes as FIPS 180-4 says, whatever the length', () => {
  expect(Buffer.from(sha256(new TextEncoder().encode('abc'))).toString('hex')).toBe(
    'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad',
  );
  fc.assert(
    fc.property(fc.uint8Array({ maxLength: 300 }), (d) => {
      expect(Buffer.from(sha256(d))).toEqual(node(d));
    }),
  );
});

it('prints a fingerprint as OpenSSH does: SHA256, then base64 without padding', () => {
  const blob = new TextEncoder().encode('key');
  expect(fingerprint(blob)).toBe(`SHA256:${node(blob).toString('base64').replace(/=+$/, '')}`);
});
