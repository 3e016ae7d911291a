/**
 * What an IOS DHCP server counts for `show ip dhcp server statistics`: the requests it takes and
 * the answers it sends, by message type, and the datagrams to its port that are no BOOTP
 * message, from its start or the last `clear ip dhcp server statistics`.
 */
import type { DhcpServerStatistics } from '../api.ts';
import {
  DHCPACK,
  DHCPDECLINE,
  DHCPDISCOVER,
  DHCPINFORM,
  DHCPNAK,
  DHCPOFFER,
  DHCPRELEASE,
  DHCPREQUEST,
} from '../wire/dhcp.ts';

type Received = DhcpServerStatistics['received'];
type Sent = DhcpServerStatistics['sent'];

const RECEIVED: Readonly<Record<number, keyof Received>> = {
  [DHCPDISCOVER]: 'discover',
  [DHCPREQUEST]: 'request',
  [DHCPDECLINE]: 'decline',
  [DHCPRELEASE]: 'release',
  [DHCPINFORM]: 'inform',
};

const SENT: Readonly<Record<number, keyof Sent>> = {
  [DHCPOFFER]: 'offer',
  [DHCPACK]: 'ack',
  [DHCPNAK]: 'nak',
};

const noneReceived = (): Record<keyof Received, number> => ({
  boot: 0,
  discover: 0,
  request: 0,
  decline: 0,
  release: 0,
  inform: 0,
});

const noneSent = (): Record<keyof Sent, number> => ({ boot: 0, offer: 0, ack: 0, nak: 0 });

/** A device without a DHCP server: no pools, nothing counted. */
export const NO_DHCP_STATISTICS: DhcpServerStatistics = {
  pools: 0,
  automaticBindings: 0,
  expiredBindings: 0,
  malformed: 0,
  received: noneReceived(),
  sent: noneSent(),
};

export class DhcpServerCounters {
  private received = noneReceived();
  private sent = noneSent();
  private malformed = 0;

  /** A request of `type` (undefined: BOOTP's, without one). */
  countReceived(type: number | undefined): void {
    const key = type === undefined ? 'boot' : RECEIVED[type];
    if (key !== undefined) this.received[key]++;
  }

  countSent(type: number): void {
    const key = SENT[type];
    if (key !== undefined) this.sent[key]++;
  }

  countMalformed(): void {
    this.malformed++;
  }

  clear(): void {
    this.received = noneReceived();
    this.sent = noneSent();
    this.malformed = 0;
  }

  read(): Pick<DhcpServerStatistics, 'malformed' | 'received' | 'sent'> {
    return { malformed: this.malformed, received: { ...this.received }, sent: { ...this.sent } };
  }
}
