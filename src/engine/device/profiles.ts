/**
 * How each operating system's IP layer behaves where the RFCs leave a choice. Values come from
 * vendor documentation: Cisco IOS 15 (ARP timeout 4 h, unreachables rate-limited to one per
 * 500 ms, the packet that triggers ARP resolution is dropped, ARP requests throttled to one
 * per 2 s and incomplete entries removed by the ager each minute) and Windows 10 (TTL 128, ARP
 * entries reachable for 15-45 s then stale per RFC 4861, packets wait for ARP resolution,
 * three ARP requests one second apart before "Destination host unreachable").
 */
import { ms, seconds } from '../../shared/time.ts';

export interface StackProfile {
  readonly os: 'ios' | 'windows';
  /** TTL of datagrams the device originates. */
  readonly ttl: number;
  /** Packets held per unresolved neighbour; 0 drops the packet that triggered resolution. */
  readonly arpQueueLimit: number;
  /**
   * ARP requests sent before resolution fails, and the gap between them. With an incomplete
   * entry ager, one request per packet that needs the address, at most one per interval.
   */
  readonly arpAttempts: number;
  readonly arpRetryInterval: number;
  /**
   * IOS: the period of the ARP ager, which removes incomplete entries older than the retry
   * interval, so a failed resolution shows as "Incomplete" for up to a minute (0: none, the
   * entry goes when its last attempt fails).
   */
  readonly arpIncompleteAger: number;
  /** IOS: a complete entry is removed this long after it was last refreshed. */
  readonly arpTimeout: number;
  /** Windows: an entry stays reachable for a random time in [min, max), then goes stale. */
  readonly arpReachableMin: number;
  readonly arpReachableMax: number;
  /** Minimum gap between two ICMP destination unreachables (0: no limit). */
  readonly unreachableInterval: number;
  /** `show arp` lists the device's own addresses (age "-"). */
  readonly listsOwnArp: boolean;
  /** Ping/traceroute report a local failure at once (Windows) or wait for the timeout (IOS). */
  readonly localErrorsWait: boolean;
  /** ARP resolution failure becomes "Destination host unreachable" from the sender itself. */
  readonly reportsArpFailure: boolean;
  /** Replies to echo requests sent to a broadcast address. */
  readonly answersBroadcastPing: boolean;
  /** Checks that ARP senders are on the receiving interface's subnet (IOS "wrong cable"). */
  readonly arpSubnetCheck: boolean;
  /**
   * An interface given another address asks its known neighbours again from it, rather than
   * only forgetting them (IOS).
   */
  readonly refreshesArpOnReaddress: boolean;
  /**
   * A unicast ARP request (a refresh) names the neighbour's MAC address as its target hardware
   * address rather than zeros (IOS: `debug arp` of `clear ip arp` shows "dst ADDRESS MAC").
   */
  readonly namesUnicastTarget: boolean;
  /**
   * Not routing and with no default gateway, it treats every destination as on the link and
   * ARPs for it, so a router's proxy ARP can take it there (IOS: "Routing Assistance When IP
   * Routing Is Disabled"; a 2960 with no `ip default-gateway` still pings other subnets).
   */
  readonly allLocalWithoutGateway: boolean;
  /** Sends a destination to the gateway an ICMP redirect names (Windows; redirects.ts). */
  readonly honoursRedirects: boolean;
}

export const IOS_PROFILE: StackProfile = {
  os: 'ios',
  ttl: 255,
  arpQueueLimit: 0,
  arpAttempts: 1,
  arpRetryInterval: seconds(2),
  arpIncompleteAger: seconds(60),
  arpTimeout: seconds(4 * 3600),
  arpReachableMin: 0,
  arpReachableMax: 0,
  unreachableInterval: ms(500),
  listsOwnArp: true,
  localErrorsWait: true,
  reportsArpFailure: false,
  answersBroadcastPing: true,
  arpSubnetCheck: true,
  refreshesArpOnReaddress: true,
  namesUnicastTarget: true,
  allLocalWithoutGateway: true,
  honoursRedirects: false,
};

export const WINDOWS_PROFILE: StackProfile = {
  os: 'windows',
  ttl: 128,
  arpQueueLimit: 3,
  arpAttempts: 3,
  arpRetryInterval: seconds(1),
  arpIncompleteAger: 0,
  arpTimeout: Number.POSITIVE_INFINITY,
  arpReachableMin: seconds(15),
  arpReachableMax: seconds(45),
  unreachableInterval: 0,
  listsOwnArp: false,
  localErrorsWait: false,
  reportsArpFailure: true,
  answersBroadcastPing: false,
  arpSubnetCheck: false,
  refreshesArpOnReaddress: false,
  namesUnicastTarget: false,
  allLocalWithoutGateway: false,
  honoursRedirects: true,
};
