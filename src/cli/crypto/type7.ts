/**
 * Cisco "type 7" password obfuscation (`service password-encryption`): a two-digit
 * decimal offset into a fixed key, then each character XORed with the key, in hex.
 * Reversible by design; IOS uses it so passwords are not readable over a shoulder.
 */
const KEY = 'dsfd;kfoA,.iyewrkldJKDHSUBsgvca69834ncxv9873254k;fg87';

/** IOS picks the offset at random in 0..15; derive it from the text to stay reproducible. */
function offsetFor(plain: string): number {
  let sum = 0;
  for (let i = 0; i < plain.length; i++) sum += plain.charCodeAt(i);
  return sum % 16;
}

export function encodeType7(plain: string, offset = offsetFor(plain)): string {
  let out = String(offset).padStart(2, '0');
  for (let i = 0; i < plain.length; i++) {
    const x = plain.charCodeAt(i) ^ KEY.charCodeAt((offset + i) % KEY.length);
    out += x.toString(16).toUpperCase().padStart(2, '0');
  }
  return out;
}

/** Undefined when the text is not a well-formed type 7 string. */
export function decodeType7(encoded: string): string | undefined {
  const m = /^(\d\d)((?:[0-9A-Fa-f]{2})*)$/.exec(encoded);
  if (!m) return undefined;
  const offset = Number(m[1]);
  if (offset > 52) return undefined;
  let out = '';
  const hex = m[2]!;
  for (let i = 0; i < hex.length / 2; i++) {
    const b = Number.parseInt(hex.slice(i * 2, i * 2 + 2), 16);
    out += String.fromCharCode(b ^ KEY.charCodeAt((offset + i) % KEY.length));
  }
  return out;
}

/**
 * The clear text of a `password 7 ...` argument, undefined unless it is a password a
 * configuration line can print back in clear: not empty, no control character, no blank at
 * either end, as typing one gives. IOS says "Invalid encrypted password" for the rest.
 */
export function decodeHiddenPassword(encoded: string): string | undefined {
  const plain = decodeType7(encoded);
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what it refuses.
  return plain !== undefined && /^(?!\s)[^\x00-\x1f\x7f-\x9f]+(?<!\s)$/.test(plain) ? plain : undefined;
}
