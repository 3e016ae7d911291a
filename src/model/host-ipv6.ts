/**
 * The IPv6 settings of a PC or server, as the network file writes them:
 *
 *   "ipv6": "auto"                          stateless autoconfiguration from the routers'
 *                                           advertisements (Windows' default)
 *   "ipv6": "2001:db8:1::10/64"             a static address with its prefix length
 *   "ipv6": ["auto", "2001:db8:1::10/64"]   both, as Windows allows
 *   "ipv6": []                              IPv6 with its link-local address only
 *   "ipv6Gateway": "fe80::1"                the default gateway typed for the adapter
 *
 * Without "ipv6" the host does not run IPv6, so "ipv6Gateway" needs it. A static address must
 * be one an interface may have: not unspecified (::), loopback (::1), multicast (ff00::/8) or
 * link-local (fe80::/10, which the host makes itself), with a prefix length of /1 to /128.
 * The gateway may be link-local (a router's usual next hop) or global, never multicast,
 * unspecified or loopback. Addresses are kept lower case and compressed (RFC 5952), "auto"
 * first; the checks return every problem with its path below the field, as dns-fields.ts does.
 */
import {
  formatIpv6,
  type Ipv6Addr,
  isIpv6LinkLocal,
  isIpv6Loopback,
  isIpv6Multicast,
  isIpv6Unspecified,
  parseIpv6,
} from '../shared/ipv6.ts';
import type { CheckedList, FieldProblem } from './dns-fields.ts';
import { type ModelError, modelError } from './errors.ts';
import type { Checked } from './host-address.ts';
import { preview } from './json-value.ts';

/** What "ipv6" holds for stateless autoconfiguration (as "ip" holds "dhcp"). */
export const HOST_IPV6_AUTO = 'auto';

const fail = (error: ModelError): Checked => ({ ok: false, error });

/** Checks one static address "X/N" and returns it in canonical form (RFC 5952, host bits kept). */
export function checkIpv6Address(text: string): Checked {
  const m = /^([^/]+)\/(\d{1,3})$/.exec(text);
  const addr = m ? parseIpv6(m[1]!) : undefined;
  if (!m || addr === undefined) return fail(modelError('error.ipv6Syntax', { ipv6: text }));
  const len = Number(m[2]);
  if (len < 1 || len > 128) return fail(modelError('error.ipv6PrefixLength', { ipv6: text }));
  if (isIpv6Unspecified(addr)) return fail(modelError('error.ipv6Unspecified', { ipv6: text }));
  if (isIpv6Loopback(addr)) return fail(modelError('error.ipv6Loopback', { ipv6: text }));
  if (isIpv6Multicast(addr)) return fail(modelError('error.ipv6Multicast', { ipv6: text }));
  if (isIpv6LinkLocal(addr)) return fail(modelError('error.ipv6LinkLocal', { ipv6: text }));
  return { ok: true, value: `${formatIpv6(addr)}/${len}` };
}

/**
 * Checks "ipv6" written as one entry or a list of them ("auto", in any case, and at most one
 * address); the result is the list in canonical form: "auto" first, then the address.
 */
export function checkIpv6Setting(value: unknown): CheckedList<string> {
  const single = typeof value === 'string';
  if (!single && !Array.isArray(value)) {
    return {
      ok: false,
      problems: [{ path: [], error: modelError('file.ipv6Type', { value: preview(value) }) }],
    };
  }
  const items: readonly unknown[] = single ? [value] : value;
  const problems: FieldProblem[] = [];
  let auto = false;
  let address: string | undefined;
  items.forEach((item, i) => {
    const path = single ? [] : [i];
    if (typeof item !== 'string') {
      problems.push({ path, error: modelError('file.ipv6Type', { value: preview(item) }) });
      return;
    }
    const isAuto = item.toLowerCase() === HOST_IPV6_AUTO;
    const checked: Checked = isAuto ? { ok: true, value: HOST_IPV6_AUTO } : checkIpv6Address(item);
    if (!checked.ok) problems.push({ path, error: checked.error });
    else if (isAuto ? auto : address !== undefined) {
      problems.push({ path, error: modelError('error.ipv6TooMany', { ipv6: item }) });
    } else if (isAuto) auto = true;
    else address = checked.value;
  });
  if (problems.length > 0) return { ok: false, problems };
  return {
    ok: true,
    value: [...(auto ? [HOST_IPV6_AUTO] : []), ...(address !== undefined ? [address] : [])],
  };
}

/** Checks an IPv6 default gateway and returns it in canonical form. */
export function checkIpv6Gateway(text: string): Checked {
  const addr: Ipv6Addr | undefined = parseIpv6(text);
  if (addr === undefined) return fail(modelError('error.ipv6GatewaySyntax', { gateway: text }));
  if (isIpv6Multicast(addr) || isIpv6Unspecified(addr) || isIpv6Loopback(addr)) {
    return fail(modelError('error.ipv6GatewayUnusable', { gateway: text }));
  }
  return { ok: true, value: formatIpv6(addr) };
}
