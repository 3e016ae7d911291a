/**
 * The console messages of an IOS DHCP server (engine/device/dhcp-server.ts), as captures of
 * IOS 15 print them, two blanks after "conflict:" included:
 *
 *   %DHCPD-4-PING_CONFLICT: DHCP address conflict:  server pinged 10.0.0.8.
 *   %DHCPD-4-DECLINE_CONFLICT: DHCP address conflict:  client 0100.000c.1234.56 declined 10.2.2.11.
 */
import type { DhcpEvent } from '../../engine/api.ts';
import { formatIpv4 } from '../../shared/ipv4.ts';
import type { IosDeviceContext } from '../context.ts';
import { dottedHex } from './dhcp-format.ts';
import { EventFeed } from './event-feed.ts';
import type { LogEntry } from './shell.ts';

export function dhcpText(e: DhcpEvent): string {
  if (e.kind === 'ping-conflict') {
    return `%DHCPD-4-PING_CONFLICT: DHCP address conflict:  server pinged ${formatIpv4(e.ip)}.`;
  }
  return `%DHCPD-4-DECLINE_CONFLICT: DHCP address conflict:  client ${dottedHex(e.client)} declined ${formatIpv4(e.ip)}.`;
}

export class DhcpLog {
  private readonly feed: EventFeed<DhcpEvent>;

  constructor(dev: IosDeviceContext) {
    this.feed = new EventFeed((since) => dev.sim.dhcpEvents(dev.id, since));
  }

  poll(): LogEntry[] {
    return this.feed.take().map((e) => ({ at: e.at, text: dhcpText(e) }));
  }
}
