/**
 * The console messages of an IOS DHCP server (engine/device/dhcp-server.ts) and of its
 * interfaces' DHCP clients (ios-dhcp-clients.ts), as captures of IOS 15 print them, two blanks
 * after "conflict:" included:
 *
 *   %DHCPD-4-PING_CONFLICT: DHCP address conflict:  server pinged 10.0.0.8.
 *   %DHCPD-4-DECLINE_CONFLICT: DHCP address conflict:  client 0100.000c.1234.56 declined 10.2.2.11.
 *   %DHCP-6-ADDRESS_ASSIGN: Interface GigabitEthernet0/1 assigned DHCP address 10.0.0.5, mask 255.255.255.0, hostname R1
 */
import type { DhcpEvent } from '../../engine/api.ts';
import { formatIpv4, maskFromLen } from '../../shared/ipv4.ts';
import type { IosDeviceContext } from '../context.ts';
import { dottedHex } from './dhcp-format.ts';
import { MessageLog } from './event-feed.ts';

export function dhcpText(e: DhcpEvent): string {
  switch (e.kind) {
    case 'ping-conflict':
      return `%DHCPD-4-PING_CONFLICT: DHCP address conflict:  server pinged ${formatIpv4(e.ip)}.`;
    case 'decline-conflict':
      return `%DHCPD-4-DECLINE_CONFLICT: DHCP address conflict:  client ${dottedHex(e.client)} declined ${formatIpv4(e.ip)}.`;
    case 'address-assign':
      return `%DHCP-6-ADDRESS_ASSIGN: Interface ${e.iface} assigned DHCP address ${formatIpv4(e.ip)}, mask ${formatIpv4(maskFromLen(e.len))}, hostname ${e.hostname}`;
  }
}

/** A device's DHCP messages for its console. */
export const dhcpLog = (dev: IosDeviceContext): MessageLog<DhcpEvent> =>
  new MessageLog((since) => dev.sim.dhcpEvents(dev.id, since), dhcpText);
