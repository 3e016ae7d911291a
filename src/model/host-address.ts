/**
 * The IP settings of a PC or server, as the network file and the IP Configuration form write
 * them: "192.168.1.10/24" and a default gateway "192.168.1.1", or "dhcp" (HOST_DHCP) for an
 * address obtained automatically.
 *
 * A host address must be usable on an interface: not in 0.0.0.0/8 (RFC 1122 §3.2.1.3), not
 * loopback 127.0.0.0/8, not multicast 224.0.0.0/4 (RFC 5771) or reserved 240.0.0.0/4
 * (RFC 1112 §4), and, on subnets larger than /31 (RFC 3021), neither the network nor the
 * broadcast address. The gateway is only checked for syntax: a gateway outside the subnet is a
 * mistake the lab lets the student make and find.
 */

import { HOST_DHCP } from '../shared/config.ts';
import {
  broadcastOf,
  formatAssignment,
  formatIpv4,
  type Ipv4Addr,
  ipv4,
  networkOf,
  parseIpv4,
} from '../shared/ipv4.ts';
import { type ModelError, modelError } from './errors.ts';

export type Checked =
  | { readonly ok: true; readonly value: string }
  | { readonly ok: false; readonly error: ModelError };

const fail = (error: ModelError): Checked => ({ ok: false, error });

/** Checks a host address and returns it in canonical form (no leading zeros; "dhcp" in lower case). */
export function checkHostAddress(text: string): Checked {
  if (text.toLowerCase() === HOST_DHCP) return { ok: true, value: HOST_DHCP };
  const m = /^([0-9.]+)\/(\d{1,2})$/.exec(text);
  const addr = m ? parseIpv4(m[1]!) : undefined;
  if (!m || addr === undefined) return fail(modelError('error.ipSyntax', { ip: text }));
  const len = Number(m[2]);
  if (len < 1 || len > 32) return fail(modelError('error.ipMaskLength', { ip: text }));
  const first = addr >>> 24;
  if (first === 0) return fail(modelError('error.ipThisNetwork', { ip: text }));
  if (first === 127) return fail(modelError('error.ipLoopback', { ip: text }));
  if (first >= 224 && first < 240) return fail(modelError('error.ipMulticast', { ip: text }));
  if (first >= 240) return fail(modelError('error.ipReserved', { ip: text }));
  if (len <= 30) {
    const net = networkOf(addr, len);
    const bcast = broadcastOf(addr, len);
    const range = {
      ip: text,
      network: `${formatIpv4(net)}/${len}`,
      first: formatIpv4(ipv4(net + 1)),
      last: formatIpv4(ipv4(bcast - 1)),
    };
    if (addr === net) return fail(modelError('error.ipNetworkAddress', range));
    if (addr === bcast) return fail(modelError('error.ipBroadcastAddress', range));
  }
  return { ok: true, value: formatAssignment({ addr, len }) };
}

/** Checks a default gateway's syntax and returns it in canonical form. */
export function checkGateway(text: string): Checked {
  const addr: Ipv4Addr | undefined = parseIpv4(text);
  if (addr === undefined) return fail(modelError('error.gatewaySyntax', { gateway: text }));
  return { ok: true, value: formatIpv4(addr) };
}
