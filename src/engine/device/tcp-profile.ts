/**
 * How each operating system's TCP behaves where RFC 9293 and RFC 6298 leave a choice.
 *
 * Windows 10: SYN with MSS, window scale 8 and SACK permitted, window 64240, Don't Fragment
 * set, ports from 49152 (IANA's dynamic range, Windows' default), a SYN sent three times in
 * all (TcpMaxConnectRetransmissions 2, initial RTO 3 s: "Connect failed" after 21 s), data
 * retransmitted five times (TcpMaxDataRetransmissions), ACKs delayed 200 ms, and the firewall's
 * default of dropping unsolicited connections, so a closed port answers nothing. Cisco IOS:
 * MSS option only (536 to a host beyond a gateway), window 4128, ports from 11000 up for its own connections, a SYN sent four
 * times, ACKs delayed up to 200 ms, and a reset for a closed port.
 */
import { ms, seconds } from '../../shared/time.ts';
import { mssOption } from '../wire/tcp.ts';

export interface TcpProfile {
  /** Options of the SYN and SYN-ACK it sends, for a segment size of `mss`. */
  synOptions(mss: number): Uint8Array;
  /**
   * The segment size it offers a peer reached through a gateway (RFC 9293 3.7.1's default),
   * or null to offer the link's (an IOS SYN to a remote host says 536, to a neighbour 1460).
   */
  readonly remoteMss: number | null;
  readonly window: number;
  /** Sets Don't Fragment on its segments (path MTU discovery, RFC 1191). */
  readonly dontFragment: boolean;
  /** First and last port of its own connections (it takes them in turn from a random one). */
  readonly ephemeralFirst: number;
  readonly ephemeralLast: number;
  /** Retransmissions of a SYN (or SYN-ACK) before the connection fails. */
  readonly synRetries: number;
  /** Retransmissions of data before the connection is dropped. */
  readonly dataRetries: number;
  /** The first retransmission timeout; each retransmission doubles it (RFC 6298 5.5). */
  readonly initialRto: number;
  readonly maxRto: number;
  /** How long an ACK waits for data to ride on (RFC 9293 3.8.6.3: at most 500 ms). */
  readonly delayedAck: number;
  /** How long a connection closed from this side stays in TIME-WAIT (2 MSL). */
  readonly timeWait: number;
  /** Answers a segment for no connection with a reset; otherwise (a firewall) drops it. */
  readonly resetsClosedPorts: boolean;
}

export const WINDOWS_TCP: TcpProfile = {
  // MSS, NOP, window scale 8, NOP, NOP, SACK permitted: Windows 10's SYN in any capture.
  synOptions: (mss) => new Uint8Array([...mssOption(mss), 1, 3, 3, 8, 1, 1, 4, 2]),
  remoteMss: null,
  window: 64240,
  dontFragment: true,
  ephemeralFirst: 49152,
  ephemeralLast: 65535,
  synRetries: 2,
  dataRetries: 5,
  initialRto: seconds(3),
  maxRto: seconds(60),
  delayedAck: ms(200),
  timeWait: seconds(120),
  resetsClosedPorts: false,
};

export const IOS_TCP: TcpProfile = {
  synOptions: mssOption,
  remoteMss: 536,
  window: 4128,
  dontFragment: false,
  ephemeralFirst: 11000,
  ephemeralLast: 65535,
  synRetries: 3,
  dataRetries: 5,
  initialRto: seconds(2),
  maxRto: seconds(60),
  delayedAck: ms(200),
  timeWait: seconds(30),
  resetsClosedPorts: true,
};
