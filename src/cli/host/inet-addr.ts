/**
 * IPv4 addresses as Windows reads them on its command line (`ping`, `tracert`, `arp`): the
 * inet_addr forms, as in "ping 127.1" (127.0.0.1) or "ping 10.111" (10.0.0.111). An address
 * has one to four parts separated by dots, each decimal, octal with a leading 0, or
 * hexadecimal with 0x; the last part fills all the bytes the others leave.
 */
import type { Ipv4Addr } from '../../shared/ipv4.ts';

const PART = /^(?:0[xX][0-9a-fA-F]+|0[0-7]*|[1-9][0-9]*)$/;

/** The address `text` names, or undefined. */
export function parseWindowsIpv4(text: string): Ipv4Addr | undefined {
  const parts = text.split('.');
  if (parts.length > 4 || !parts.every((p) => PART.test(p))) return undefined;
  const values = parts.map((p) =>
    /^0[xX]/.test(p) ? Number.parseInt(p, 16) : /^0/.test(p) ? Number.parseInt(p, 8) : Number(p),
  );
  const lead = values.slice(0, -1);
  const last = values[values.length - 1]!;
  if (lead.some((v) => v > 255) || last >= 2 ** (8 * (5 - parts.length))) return undefined;
  const high = lead.reduce((a, v, k) => a + v * 2 ** (24 - 8 * k), 0);
  return (high + last) as Ipv4Addr;
}
