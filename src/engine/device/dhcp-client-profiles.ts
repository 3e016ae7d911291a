/**
 * What a DHCP client puts in its messages, and when it asks for an address it does not have, by
 * operating system (dhcp-client.ts runs the same state machine for both):
 *
 * - Windows 10: flags 0 (no broadcast bit), client identifier `01` + MAC, then in a discover
 *   or request the host name, vendor class "MSFT 5.0" and Windows' parameter request list
 *   (Wireshark captures of Windows 10 clients: 53, 61, [50, 54], 12, 60, 55). Discovers at 0,
 *   4, 12 and 28 seconds (each wait doubled, plus up to a second at random); the round gives
 *   up at 60 s, and the next starts five minutes later (Microsoft's "DHCP client behavior").
 * - Cisco IOS (`ip address dhcp`): the broadcast bit set (`ip dhcp client broadcast-flag`, on
 *   by default), client identifier `00` + "cisco-<MAC>-<interface>" (as IOS servers list such
 *   clients in `show ip dhcp binding`), the host name, and a parameter request list. See
 *   IOS_DISCOVERY for its tries.
 */
import { formatMacDotted, type MacAddr } from '../../shared/mac.ts';
import { shortInterfaceName } from '../../shared/ports.ts';
import { seconds } from '../../shared/time.ts';
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

/** How a client without a lease discovers: rounds of discovers, and the pauses between them. */
export interface DiscoverySchedule {
  /** Discovers in a round. */
  readonly discovers: number;
  /** The wait after the `n`th discover of a round (from 1, before the last); `random(n)` is in [0, n). */
  gap(n: number, random: (n: number) => number): number;
  /** The wait after a round's last discover before the round gives up. */
  readonly afterLast: number;
  /** The pause after the `n`th round in a row (from 1) gave up, before the next. */
  pause(n: number): number;
  /**
   * How long a client that gave up still lists its attempt (IOS's "10 Purging" in `show dhcp
   * lease`), if it lists one at all.
   */
  readonly purge?: number;
}

export interface DhcpClientProfile {
  readonly discovery: DiscoverySchedule;
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

/** 4, 8, 16 s after each discover but the last, plus up to a second (RFC 2131 4.1). */
const WINDOWS_DISCOVERY: DiscoverySchedule = {
  discovers: 4,
  gap: (n, random) => seconds(4) * 2 ** (n - 1) + random(1_000_000),
  // The round gives up 60 s after its first discover: 32 s after its last, at 28 s.
  afterLast: seconds(32),
  pause: () => seconds(300),
};

export const WINDOWS_DHCP: DhcpClientProfile = {
  discovery: WINDOWS_DISCOVERY,
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

/**
 * IOS's tries (`debug dhcp` of a CSR1000v, IOS XE, with no server answering): "Try 8 to acquire
 * address", "SDiscover attempt # 1", # 2 and # 3 four seconds apart, the try given up 20 s after
 * its first ("%Unknown DHCP problem.. No allocation possible"), then "Waiting for 40 seconds"
 * before try 9, after "Waiting for 35 seconds" before try 8: five seconds per try so far, which
 * is all the capture shows (whether the pause stops growing is not known). Meanwhile `show dhcp
 * lease` lists the attempt as "10 Purging" (an IOS 15 switch's, "Next timer fires after:
 * 00:00:31"), until the entry is deleted some 30 s after the try gave up.
 */
const IOS_DISCOVERY: DiscoverySchedule = {
  discovers: 3,
  gap: () => seconds(4),
  afterLast: seconds(12),
  pause: (n) => seconds(5 * n),
  purge: seconds(30),
};

export const IOS_DHCP: DhcpClientProfile = {
  discovery: IOS_DISCOVERY,
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
