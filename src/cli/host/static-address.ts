/**
 * A static address typed at a PC's prompt (`ipconfig IP MASK [GATEWAY]`, `netsh interface ip
 * set address NAME static IP MASK [GATEWAY]`), checked by the same rule as the IP
 * Configuration form and network files, with the same explanation.
 */
import { formatError } from '../../model/errors.ts';
import { checkHostAddress } from '../../model/host-address.ts';
import type { HostConfig } from '../../shared/config.ts';
import { formatIpv4, lenFromMask, parseIpv4 } from '../../shared/ipv4.ts';

/** The settings, or why not: `error` when the address is unusable, nothing when a word is not one. */
export type StaticAddress =
  | { readonly ok: true; readonly config: HostConfig }
  | { readonly ok: false; readonly error?: string };

export function staticAddress(addr: string, mask: string, gateway: string | undefined): StaticAddress {
  const a = parseIpv4(addr);
  const m = parseIpv4(mask);
  const len = m === undefined ? undefined : lenFromMask(m);
  const gw = gateway === undefined ? undefined : parseIpv4(gateway);
  if (a === undefined || len === undefined || len === 0 || (gateway !== undefined && gw === undefined)) {
    return { ok: false };
  }
  const checked = checkHostAddress(`${formatIpv4(a)}/${len}`);
  if (!checked.ok) return { ok: false, error: formatError(checked.error) };
  return { ok: true, config: { ip: { addr: a, len }, ...(gw !== undefined ? { gateway: gw } : {}) } };
}
