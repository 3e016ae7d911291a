/**
 * A DHCP client on an interface (RFC 2131 section 4.4; RFC 2132 for the options): Windows'
 * on a PC's adapter, following Microsoft's "DHCP client behavior" for the timings, and IOS's
 * for `ip address dhcp`, the same but for what its messages carry, when it discovers
 * (dhcp-client-profiles.ts) and what its device does without a lease:
 *
 * - INIT: rounds of DHCPDISCOVER broadcasts on its profile's schedule; the first offer is taken
 *   with a broadcast DHCPREQUEST naming its server. A round with no offer gives up, and the
 *   next starts after a pause (Windows: five minutes; IOS: five seconds more each time).
 * - Windows: with no offer six seconds after a round's first discover, the adapter configures
 *   itself an address of 169.254.0.0/16 (its device does that, see `onFallback`; KB931550:
 *   Windows Vista and later) and goes on discovering: `ipconfig /renew` gives up with the round.
 * - BOUND: the lease's address, mask, router and DNS servers are the adapter's; at T1 (half the
 *   lease) a unicast DHCPREQUEST to the server renews it, at T2 (seven eighths) a broadcast one
 *   to any server, and at its end the address goes.
 * - `ipconfig /release` sends a DHCPRELEASE and leaves the adapter without an address until
 *   `ipconfig /renew`; a DHCPNAK sends the client back to INIT.
 */

import { leaseTimes } from '../../shared/dhcp.ts';
import type { Ipv4Addr, Ipv4Assignment } from '../../shared/ipv4.ts';
import { IPV4_BROADCAST, lenFromMask } from '../../shared/ipv4.ts';
import { seconds } from '../../shared/time.ts';
import type { DhcpClientLease, DhcpRenewJob } from '../api.ts';
import { ipv4, udp } from '../packets.ts';
import type { EventTarget } from '../sim/scheduler.ts';
import type { DhcpMessage, DhcpOption } from '../wire/dhcp.ts';
import {
  addrOption,
  BOOTREPLY,
  BOOTREQUEST,
  chaddrMac,
  chaddrOf,
  DHCP_CLIENT_PORT,
  DHCP_SERVER_PORT,
  DHCPACK,
  DHCPDECLINE,
  DHCPDISCOVER,
  DHCPNAK,
  DHCPOFFER,
  DHCPRELEASE,
  DHCPREQUEST,
  decodeDhcp,
  dhcpMessage,
  encodeDhcp,
  messageType,
  OPT_DNS,
  OPT_DOMAIN_NAME,
  OPT_LEASE_TIME,
  OPT_REBINDING_TIME,
  OPT_RENEWAL_TIME,
  OPT_REQUESTED_IP,
  OPT_ROUTER,
  OPT_SERVER_ID,
  OPT_SUBNET_MASK,
  optionAddr,
  optionAddrs,
  optionText,
  optionU32,
} from '../wire/dhcp.ts';
import type { Ipv4Packet } from '../wire/ipv4.ts';
import { IPPROTO_UDP } from '../wire/ipv4.ts';
import type { UdpDatagram } from '../wire/udp.ts';
import { BROADCAST_MAC } from './arp-cache.ts';
import type { DhcpClientProfile } from './dhcp-client-profiles.ts';
import type { IpStack, UdpListener } from './ip-stack.ts';
import type { L3Interface } from './l3-interface.ts';

const FIRST_WAIT = seconds(4);
/** Requests sent for one offer before starting over. */
const REQUESTS = 4;
const FALLBACK_AFTER = seconds(6);

const EV_RETRY = 1;
const EV_RENEW = 2;
const EV_REBIND = 3;
const EV_EXPIRE = 4;
const EV_FALLBACK = 5;

export type DhcpClientState = DhcpClientLease['state'];

/** A lease as the adapter uses it and `ipconfig /all` shows it. */
export interface DhcpLease {
  readonly ip: Ipv4Assignment;
  readonly gateway?: Ipv4Addr;
  readonly dns: readonly Ipv4Addr[];
  readonly domain?: string;
  readonly server: Ipv4Addr;
  /** The MAC address its acknowledgement came from: the server's, or its relay's. */
  readonly serverMac: number;
  /** Virtual times: when it came, when the client renews (T1) and rebinds (T2), and its end. */
  readonly obtained: number;
  readonly renewAt: number;
  readonly rebindAt: number;
  readonly expires: number;
}

/** What the client's device does with what it learns. */
export interface DhcpClientHost {
  /** The lease to use, or none (released, expired, declined, or the client was stopped). */
  leaseChanged(lease: DhcpLease | undefined): void;
  /** No server answered the discovers: a PC configures itself (RFC 3927). */
  onFallback(): void;
  readonly hostname: string;
}

/** What IOS's `show dhcp lease` tells of a client beside its lease. */
export interface DhcpClientStatus {
  readonly state: DhcpClientState;
  /** Whether it lists an attempt at all: not once a purged one is deleted. */
  readonly listed: boolean;
  readonly xid: number;
  /** The count of the message last sent: 1 at a first discover or request, 0 while bound or waiting. */
  readonly retries: number;
  /** Virtual time of its next timer (a retry, T1, T2, the lease's end); undefined if none. */
  readonly nextTimer: number | undefined;
  readonly clientId: Uint8Array;
}

export class DhcpClient implements UdpListener, EventTarget {
  readonly unaddressed = true;
  private state: DhcpClientState = 'off';
  private xid = 0;
  private tries = 0;
  /** Which timer event is current: older ones find another token and do nothing. */
  private token = 0;
  private offered: DhcpMessage | null = null;
  private current: DhcpLease | undefined = undefined;
  private readonly jobs: DhcpRenewJob[] = [];
  /** The round of discovers its pending fallback belongs to. */
  private round = 0;
  /** Rounds in a row that had no offer. */
  private failed = 0;
  /** When a round that gave up stops being listed (DiscoverySchedule.purge). */
  private purgeAt = 0;
  /** When the event `token` names fires. */
  private timerAt: number | undefined = undefined;

  /**
   * The device binds the client to UDP port 68 (one port for all its interfaces' clients) and
   * hands it what comes for its interface; while off, the client ignores it.
   */
  constructor(
    private readonly stack: IpStack,
    private readonly nic: L3Interface,
    private readonly host: DhcpClientHost,
    private readonly profile: DhcpClientProfile,
  ) {}

  /** The interface it runs on. */
  get interface(): L3Interface {
    return this.nic;
  }

  status(): DhcpClientStatus {
    const purging = this.state === 'purging';
    return {
      state: this.state,
      listed: !purging || this.stack.now < this.purgeAt,
      xid: this.xid,
      retries: this.state === 'init' || this.asking() ? this.tries : 0,
      nextTimer: purging ? this.purgeAt : this.timerAt,
      clientId: this.clientId(),
    };
  }

  private clientId(): Uint8Array {
    return this.profile.clientId(this.nic.mac, this.nic.name);
  }

  /** The lease in force: none once its end has passed, whether or not its timer has fired. */
  get lease(): DhcpLease | undefined {
    const lease = this.current;
    return lease !== undefined && lease.expires > this.stack.now ? lease : undefined;
  }

  /**
   * Starts or stops asking for an address: the adapter's link came up or went down (its lease
   * kept, to ask for again), or the adapter was given a typed address (`forget`).
   */
  setRunning(on: boolean, forget: boolean): void {
    if (!on) {
      if (forget && this.current !== undefined && this.state !== 'off') this.release();
      // A lease kept over a cable pulled out is of no use to an adapter given an address.
      if (forget) this.current = undefined;
      if (this.state === 'off') return;
      this.state = 'off';
      this.timerAt = undefined;
      this.token++;
      this.finishJobs(false);
      if (this.current !== undefined) this.host.leaseChanged(undefined);
      return;
    }
    if (this.state !== 'off') return;
    this.failed = 0;
    // A lease that ended while the cable was out is gone; Windows asks for one still in force
    // again, broadcast (INIT-REBOOT, RFC 2131 3.2).
    if (this.lease === undefined) this.current = undefined;
    if (this.current !== undefined) this.startRequest('rebooting');
    else this.discover();
  }

  /** `ipconfig /renew`. */
  renew(): DhcpRenewJob {
    const job: DhcpRenewJob = { done: false, ok: false };
    if (this.state === 'off') {
      job.done = true;
      return job;
    }
    this.jobs.push(job);
    if (this.state === 'bound' || this.state === 'renewing') this.startRequest('renewing');
    // Without a lease, a round of discovers starts now, whatever the last one was doing.
    else if (this.state === 'released' || this.state === 'purging' || this.state === 'init') this.discover();
    return job;
  }

  /** `ipconfig /release`: whether there was a lease to give back. */
  release(): boolean {
    const lease = this.current;
    this.token++;
    this.finishJobs(false);
    if (this.state !== 'off') this.state = 'released';
    if (lease === undefined) return false;
    // Straight to the MAC address the lease came from: the address goes at once, and with it
    // any resolution of the server's MAC address ARP would have to wait for.
    const m = this.message(DHCPRELEASE, [addrOption(OPT_SERVER_ID, lease.server)], lease.ip.addr);
    this.stack.sendOnLink(this.nic, lease.serverMac, this.datagram(lease.ip.addr, lease.server, m));
    this.setLease(undefined);
    return true;
  }

  /** Another station answered for the leased address (RFC 2131 4.4.1): decline it, start over. */
  declined(): void {
    const lease = this.current;
    if (lease === undefined) return;
    const options = [addrOption(OPT_REQUESTED_IP, lease.ip.addr), addrOption(OPT_SERVER_ID, lease.server)];
    this.broadcast(this.message(DHCPDECLINE, options, 0));
    this.setLease(undefined);
    this.discover();
  }

  // ---- INIT, SELECTING, REQUESTING -------------------------------------------------------

  private discover(): void {
    this.state = 'init';
    this.xid = this.stack.randomInt(0x1_0000_0000);
    this.tries = 0;
    this.offered = null;
    this.stack.scheduleIn(FALLBACK_AFTER, this, EV_FALLBACK, ++this.round);
    this.sendDiscover();
  }

  private sendDiscover(): void {
    const options: DhcpOption[] = [];
    if (this.current !== undefined) options.push(addrOption(OPT_REQUESTED_IP, this.current.ip.addr));
    this.broadcast(this.message(DHCPDISCOVER, options, 0));
    this.tries++;
    const d = this.profile.discovery;
    this.retryIn(this.tries < d.discovers ? d.gap(this.tries, (n) => this.stack.randomInt(n)) : d.afterLast);
  }

  /** 4, 8, 16 s... after the `tries`th request, plus up to a second (RFC 2131 4.1). */
  private backoff(): number {
    return FIRST_WAIT * 2 ** (this.tries - 1) + this.stack.randomInt(1_000_000);
  }

  private retryIn(delay: number): void {
    this.timer(delay, EV_RETRY);
  }

  /** Its one pending timer (a retry, or the lease's next time): `delay` from now. */
  private timer(delay: number, code: number): void {
    this.timerAt = this.stack.now + delay;
    this.stack.scheduleIn(delay, this, code, ++this.token);
  }

  private startRequest(state: 'renewing' | 'rebinding' | 'rebooting' | 'requesting'): void {
    this.state = state;
    this.tries = 0;
    if (state !== 'requesting') this.xid = this.stack.randomInt(0x1_0000_0000);
    this.sendRequest();
  }

  private sendRequest(): void {
    const lease = this.current;
    this.tries++;
    if (this.state === 'requesting') {
      const offer = this.offered!;
      const options = [
        addrOption(OPT_REQUESTED_IP, offer.yiaddr),
        addrOption(OPT_SERVER_ID, optionAddr(offer, OPT_SERVER_ID)!),
      ];
      this.broadcast(this.message(DHCPREQUEST, options, 0));
    } else if (this.state === 'renewing') {
      // Unicast to the server that leased it, from the address itself (RFC 2131 4.3.2).
      const m = this.message(DHCPREQUEST, [], lease!.ip.addr);
      this.stack.sendUdp(
        lease!.server,
        DHCP_CLIENT_PORT,
        DHCP_SERVER_PORT,
        this.stack.profile.ttl,
        encodeDhcp(m),
      );
    } else if (this.state === 'rebinding') {
      // To any server, from the address (RFC 2131 4.4.5).
      const m = this.message(DHCPREQUEST, [], lease!.ip.addr);
      this.stack.sendOnLink(this.nic, BROADCAST_MAC, this.datagram(lease!.ip.addr, IPV4_BROADCAST, m));
    } else {
      // A reconnected adapter checking its lease: broadcast, naming the address.
      this.broadcast(this.message(DHCPREQUEST, [addrOption(OPT_REQUESTED_IP, lease!.ip.addr)], 0));
    }
    this.retryIn(this.retryDelay());
  }

  /**
   * The wait before a request's next try: the usual backoff, but no later than T2 for a
   * renewing client and the lease's end for a rebinding one, where it moves on whatever the
   * count of tries (RFC 2131 4.4.5).
   */
  private retryDelay(): number {
    const lease = this.current;
    const backoff = this.backoff();
    if (lease === undefined || (this.state !== 'renewing' && this.state !== 'rebinding')) return backoff;
    const boundary = this.state === 'renewing' ? lease.rebindAt : lease.expires;
    return Math.max(0, Math.min(backoff, Math.round(boundary - this.stack.now)));
  }

  onEvent(code: number, _a: unknown, token: number): void {
    if (code === EV_FALLBACK) {
      if (token === this.round && this.state === 'init') this.host.onFallback();
      return;
    }
    if (token !== this.token) return;
    if (code === EV_RETRY) this.retry();
    else if (code === EV_RENEW) this.startRequest('renewing');
    else if (code === EV_REBIND) this.startRequest('rebinding');
    else if (code === EV_EXPIRE) {
      this.setLease(undefined);
      this.discover();
    }
  }

  private retry(): void {
    switch (this.state) {
      case 'released':
      case 'purging':
        // The next round after one that had no offer (`ipconfig /release` cancels it).
        this.discover();
        return;
      case 'init':
        if (this.tries < this.profile.discovery.discovers) this.sendDiscover();
        else this.giveUp();
        return;
      case 'requesting':
        if (this.tries < REQUESTS) this.sendRequest();
        else this.discover();
        return;
      case 'renewing':
      case 'rebinding':
      case 'rebooting': {
        const lease = this.current;
        const now = this.stack.now;
        if (lease !== undefined && this.state !== 'rebooting' && now >= lease.expires) {
          this.setLease(undefined);
          this.finishJobs(false);
          this.discover();
        } else if (lease !== undefined && this.state === 'renewing' && now >= lease.rebindAt) {
          this.startRequest('rebinding');
        } else if (this.tries < REQUESTS) this.sendRequest();
        else {
          // Nobody answered: the lease runs on until its end (its timers still stand).
          const rebooted = this.state === 'rebooting';
          this.state = 'bound';
          this.finishJobs(false);
          if (this.current === undefined) return;
          if (rebooted) this.host.leaseChanged(this.current);
          this.schedule(this.current);
        }
        return;
      }
      default:
    }
  }

  /** A round of discovers had no offer: `ipconfig /renew` fails; another round comes later. */
  private giveUp(): void {
    const d = this.profile.discovery;
    this.finishJobs(false);
    this.failed++;
    this.state = d.purge === undefined ? 'released' : 'purging';
    this.purgeAt = this.stack.now + (d.purge ?? 0);
    this.timer(d.pause(this.failed), EV_RETRY);
  }

  onUdp(_iface: L3Interface, _pkt: Ipv4Packet, d: UdpDatagram, from: number): void {
    const read = decodeDhcp(d.data);
    if (!read.ok) return;
    const m = read.value;
    if (this.state === 'off' || m.xid !== this.xid || m.op !== BOOTREPLY || chaddrMac(m) !== this.nic.mac)
      return;
    const type = messageType(m);
    if (type === DHCPOFFER && this.state === 'init' && optionAddr(m, OPT_SERVER_ID) !== undefined) {
      this.offered = m;
      this.startRequest('requesting');
    } else if (type === DHCPACK && this.asking()) {
      this.bind(m, from);
    } else if (type === DHCPNAK && this.asking()) {
      this.setLease(undefined);
      this.discover();
    }
  }

  /** Whether it waits for an answer to a request (an ACK or a NAK). */
  private asking(): boolean {
    const s = this.state;
    return s === 'requesting' || s === 'renewing' || s === 'rebinding' || s === 'rebooting';
  }

  private bind(m: DhcpMessage, from: number): void {
    const mask = optionAddr(m, OPT_SUBNET_MASK);
    const len = mask === undefined ? undefined : lenFromMask(mask);
    const server = optionAddr(m, OPT_SERVER_ID) ?? this.current?.server;
    const time = optionU32(m, OPT_LEASE_TIME);
    if (len === undefined || server === undefined || time === undefined || m.yiaddr === 0) return;
    const now = this.stack.now;
    const gateway = optionAddrs(m, OPT_ROUTER)?.[0];
    const domain = optionText(m, OPT_DOMAIN_NAME);
    const length = time === 0xffff_ffff ? undefined : time;
    const times = leaseTimes(length);
    const at = (s: number | undefined) => (s === undefined ? Number.POSITIVE_INFINITY : now + seconds(s));
    const lease: DhcpLease = {
      ip: { addr: m.yiaddr, len },
      ...(gateway !== undefined ? { gateway } : {}),
      dns: optionAddrs(m, OPT_DNS) ?? [],
      ...(domain !== undefined ? { domain } : {}),
      server,
      serverMac: from >= 0 ? from : (this.current?.serverMac ?? BROADCAST_MAC),
      obtained: now,
      // The server's T1 and T2 when it sends them, else half and seven eighths of the lease.
      renewAt: at(length === undefined ? undefined : (optionU32(m, OPT_RENEWAL_TIME) ?? times.renewal)),
      rebindAt: at(length === undefined ? undefined : (optionU32(m, OPT_REBINDING_TIME) ?? times.rebinding)),
      expires: at(length),
    };
    this.state = 'bound';
    this.failed = 0;
    this.setLease(lease);
    this.schedule(lease);
    this.finishJobs(true);
  }

  /** The lease's next timer: renew at T1, rebind at T2, expire at its end. */
  private schedule(lease: DhcpLease): void {
    if (lease.expires === Number.POSITIVE_INFINITY) {
      this.token++;
      this.timerAt = undefined;
      return;
    }
    const now = this.stack.now;
    const [code, when] =
      lease.renewAt > now
        ? [EV_RENEW, lease.renewAt]
        : lease.rebindAt > now
          ? [EV_REBIND, lease.rebindAt]
          : [EV_EXPIRE, lease.expires];
    this.timer(Math.max(0, Math.round(when - now)), code);
  }

  private setLease(lease: DhcpLease | undefined): void {
    if (lease === undefined && this.current === undefined) return;
    this.current = lease;
    this.host.leaseChanged(lease);
  }

  private finishJobs(ok: boolean): void {
    for (const job of this.jobs.splice(0)) {
      job.ok = ok;
      job.done = true;
    }
  }

  // ---- messages --------------------------------------------------------------------------

  /** A request of `type`, as its profile builds it; `extra`: its own options (50, 54). */
  private message(type: number, extra: DhcpOption[], ciaddr: number): DhcpMessage {
    return dhcpMessage({
      op: BOOTREQUEST,
      xid: this.xid,
      flags: this.profile.flags,
      ciaddr: ciaddr as Ipv4Addr,
      chaddr: chaddrOf(this.nic.mac),
      options: this.profile.options(type, this.clientId(), extra, this.host.hostname),
    });
  }

  /** From 0.0.0.0 to everyone on the adapter's link (RFC 2131 4.1). */
  private broadcast(m: DhcpMessage): void {
    this.stack.sendOnLink(this.nic, BROADCAST_MAC, this.datagram(0, IPV4_BROADCAST, m));
  }

  private datagram(src: number, dst: number, m: DhcpMessage): Ipv4Packet {
    const data = udp(DHCP_CLIENT_PORT, DHCP_SERVER_PORT, encodeDhcp(m));
    return ipv4(src, dst, this.stack.profile.ttl, IPPROTO_UDP, this.stack.nextId(), data);
  }
}
