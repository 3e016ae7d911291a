/**
 * IEEE 802 48-bit MAC addresses, held as a plain number (48 bits fit exactly in a double)
 * so that MAC tables are cheap Map<number, …> lookups on the hot path.
 */
export type MacAddr = number & { readonly __brand: 'MacAddr' };

export const MAC_BROADCAST = 0xffff_ffff_ffff as MacAddr;

export const macFromNumber = (n: number): MacAddr => n as MacAddr;

/** True for broadcast and multicast (I/G bit of the first octet set). */
export const isGroupMac = (m: MacAddr): boolean => Math.floor(m / 2 ** 40) % 2 === 1;

export function macToBytes(m: MacAddr, out: Uint8Array = new Uint8Array(6), offset = 0): Uint8Array {
  let v = m as number;
  for (let i = 5; i >= 0; i--) {
    out[offset + i] = v % 256;
    v = Math.floor(v / 256);
  }
  return out;
}

export function macFromBytes(b: Uint8Array, offset = 0): MacAddr {
  let v = 0;
  for (let i = 0; i < 6; i++) v = v * 256 + (b[offset + i] ?? 0);
  return v as MacAddr;
}

const hex12 = (m: MacAddr): string => (m as number).toString(16).padStart(12, '0');

/** IOS style: 0001.4321.abcd */
export const formatMacDotted = (m: MacAddr): string => {
  const h = hex12(m);
  return `${h.slice(0, 4)}.${h.slice(4, 8)}.${h.slice(8)}`;
};

/** Windows style: 00-01-43-21-AB-CD */
export const formatMacDashed = (m: MacAddr): string =>
  hex12(m)
    .toUpperCase()
    .replace(/(..)(?!$)/g, '$1-');

/** Wireshark / Linux style: 00:01:43:21:ab:cd */
export const formatMacColon = (m: MacAddr): string => hex12(m).replace(/(..)(?!$)/g, '$1:');

/** Accepts 0001.4321.abcd, 00-01-43-21-ab-cd and 00:01:43:21:ab:cd. */
export function parseMac(s: string): MacAddr | undefined {
  const t = s.trim().toLowerCase();
  let h: string;
  if (/^[0-9a-f]{4}\.[0-9a-f]{4}\.[0-9a-f]{4}$/.test(t)) h = t.replaceAll('.', '');
  else if (/^[0-9a-f]{2}([-:])[0-9a-f]{2}(\1[0-9a-f]{2}){4}$/.test(t)) h = t.replace(/[-:]/g, '');
  else return undefined;
  return Number.parseInt(h, 16) as MacAddr;
}
