/**
 * What a DHCP client puts in its messages, by operating system (dhcp-client.ts runs the same
 * state machine for both):
 *
 * - Windows 10: flags 0 (no broadcast bit), client identifier `01` + MAC, then in a discover
 *   or request the host name, vendor class "MSFT 5.0" and Windows' parameter request list
 *   (Wireshark captures of Windows 10 clients: 53, 61, [50, 54], 12, 60, 55).
 * - Cisco IOS (`ip address dhcp`): the broadcast bit set (`ip dhcp client broadcast-flag`, on
 *   by default), client identifier `00` + "cisco-<MAC>-<interface>" (as IOS servers list such
 *   clients in `show ip dhcp binding`), the host name, and a parameter request list.
 */
import { formatMacDotted, type MacAddr } from '../../shared/mac.ts';
import { shortInterfaceName } from '../../shared/ports.ts';
import type { DhcpOption } from '../wire/dhcp.ts';
import {
  bytesOption,
  chaddrOf,
  DHCP_BROADCAST_FLAG,
  DHCPDISCOVER,
  DHCPREQUEST,
  OPT_CLIENT_ID,
  OPT_HOST_NAME,
  OPT_MESSAGE_TYPE,
  OPT_PARAMETER_LIST,
  OPT_VENDOR_CLASS,
  textOption,
  u8Option,
} from '../wire/dhcp.ts';

/** Option 12: a DNS host name's label, at most 63 bytes (RFC 1035 2.3.4). */
const HOST_NAME_MAX = 63;

export interface DhcpClientProfile {
  /** The flags field of its requests. */
  readonly flags: number;
  /** Its client identifier (option 61's data) on an interface with MAC `mac` named `iface`. */
  clientId(mac: MacAddr, iface: string): Uint8Array;
  /** The options of a request of `type`, `extra` being the message's own (50, 54). */
  options(type: number, clientId: Uint8Array, extra: readonly DhcpOption[], hostname: string): DhcpOption[];
}

const hostName = (name: string): DhcpOption =>
  bytesOption(OPT_HOST_NAME, new TextEncoder().encode(name).subarray(0, HOST_NAME_MAX));

const asking = (type: number): boolean => type === DHCPDISCOVER || type === DHCPREQUEST;

/** What Windows 10 asks for in option 55, in its order. */
const WINDOWS_PARAMETERS = [1, 3, 6, 15, 31, 33, 43, 44, 46, 47, 119, 121, 249, 252];

export const WINDOWS_DHCP: DhcpClientProfile = {
  flags: 0,
  clientId: (mac) => Uint8Array.of(1, ...chaddrOf(mac).subarray(0, 6)),
  options: (type, clientId, extra, hostname) => [
    u8Option(OPT_MESSAGE_TYPE, type),
    bytesOption(OPT_CLIENT_ID, clientId),
    ...extra,
    ...(asking(type)
      ? [
          hostName(hostname),
          textOption(OPT_VENDOR_CLASS, 'MSFT 5.0'),
          bytesOption(OPT_PARAMETER_LIST, Uint8Array.from(WINDOWS_PARAMETERS)),
        ]
      : []),
  ],
};

/** Subnet mask, DNS, domain name, NetBIOS servers, router, static routes, TFTP servers, vendor. */
const IOS_PARAMETERS = [1, 6, 15, 44, 3, 33, 150, 43];

export const IOS_DHCP: DhcpClientProfile = {
  flags: DHCP_BROADCAST_FLAG,
  clientId: (mac, iface) =>
    Uint8Array.of(
      0,
      ...new TextEncoder().encode(`cisco-${formatMacDotted(mac)}-${shortInterfaceName(iface)}`),
    ),
  options: (type, clientId, extra, hostname) => [
    u8Option(OPT_MESSAGE_TYPE, type),
    bytesOption(OPT_CLIENT_ID, clientId),
    ...extra,
    ...(asking(type)
      ? [hostName(hostname), bytesOption(OPT_PARAMETER_LIST, Uint8Array.from(IOS_PARAMETERS))]
      : []),
  ],
};
