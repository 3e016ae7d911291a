/**
 * The BOOTP/DHCP relay agent of IOS's `ip helper-address` (RFC 1542 section 4; RFC 2131 4.1
 * for the way back to the client), and the delivery of a server's answer on the client's link,
 * which the server itself uses when it answers a client directly.
 */
import { IPV4_BROADCAST, type Ipv4Addr } from '../../shared/ipv4.ts';
import { ipv4, udp } from '../packets.ts';
import type { DhcpMessage } from '../wire/dhcp.ts';
import {
  chaddrMac,
  DHCP_CLIENT_PORT,
  DHCP_SERVER_PORT,
  DHCPNAK,
  encodeDhcp,
  isBroadcastFlag,
  messageType,
} from '../wire/dhcp.ts';
import { IPPROTO_UDP } from '../wire/ipv4.ts';
import { BROADCAST_MAC } from './arp-cache.ts';
import type { IpStack } from './ip-stack.ts';
import type { L3Interface } from './l3-interface.ts';

/** RFC 1542 4.1.1: a relay discards a request that has crossed more relays than this. */
const MAX_HOPS = 16;

/**
 * Sends `m` to its client on `iface`'s link: broadcast when it is a NAK, when the client asked
 * for broadcasts or when there is no address to send to; else to the address being leased at
 * the client's hardware address, without ARP (the client cannot answer for it yet).
 */
export function sendToClient(stack: IpStack, iface: L3Interface, m: DhcpMessage): void {
  const from = iface.ip?.addr;
  if (from === undefined || !iface.up) return;
  const all = messageType(m) === DHCPNAK || isBroadcastFlag(m) || m.yiaddr === 0;
  const data = udp(DHCP_SERVER_PORT, DHCP_CLIENT_PORT, encodeDhcp(m));
  const pkt = ipv4(
    from,
    all ? IPV4_BROADCAST : m.yiaddr,
    stack.profile.ttl,
    IPPROTO_UDP,
    stack.nextId(),
    data,
  );
  stack.sendOnLink(iface, all ? BROADCAST_MAC : chaddrMac(m), pkt);
}

export class DhcpRelay {
  /** Helper addresses by interface name. */
  private helpers = new Map<string, readonly Ipv4Addr[]>();

  constructor(
    private readonly stack: IpStack,
    private readonly interfaces: () => readonly L3Interface[],
  ) {}

  setHelpers(helpers: Map<string, readonly Ipv4Addr[]>): void {
    this.helpers = helpers;
  }

  get relaying(): boolean {
    return this.helpers.size > 0;
  }

  /** A client's broadcast on `iface` goes to each of its helper addresses, giaddr set. */
  request(iface: L3Interface, m: DhcpMessage): void {
    const helpers = this.helpers.get(iface.name);
    if (helpers === undefined || iface.ip === undefined || m.hops >= MAX_HOPS) return;
    const data = encodeDhcp({ ...m, hops: m.hops + 1, giaddr: iface.ip.addr });
    for (const helper of helpers) {
      this.stack.sendUdp(helper, DHCP_SERVER_PORT, DHCP_SERVER_PORT, this.stack.profile.ttl, data);
    }
  }

  /** A server's answer to a relayed request goes to the client on the interface giaddr names. */
  reply(m: DhcpMessage): void {
    const iface = this.interfaces().find((i) => i.usable && i.ip!.addr === m.giaddr);
    if (iface !== undefined && this.helpers.has(iface.name)) sendToClient(this.stack, iface, m);
  }
}
