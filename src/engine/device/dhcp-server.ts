/**
 * Cisco IOS's DHCP server (RFC 2131, RFC 2132; Cisco IOS IP Addressing Configuration Guide,
 * "Configuring the Cisco IOS DHCP Server"), with its relay agent (dhcp-relay.ts) behind the
 * same port.
 *
 * - A request is served from the pool whose network holds its relay's `giaddr`, else the
 *   client's own address (`ciaddr`: a unicast renewal or release, perhaps from behind a relay),
 *   else the address of the interface it came in on. With no such pool, a broadcast that came
 *   in on an interface with `ip helper-address` is relayed, and anything else ignored.
 * - Before offering an address it has not leased to the client, the server pings it
 *   (dhcp-ping-check.ts). An answer makes the address a conflict (`show ip dhcp conflict`,
 *   %DHCPD-4-PING_CONFLICT) and the server checks the next free one.
 * - Addresses go out in order from the pool's current index (the address after the last one
 *   offered, IOS's `Current index`), skipping excluded ones, the subnet's network and broadcast
 *   addresses, the device's own, conflicts and what is leased, offered or being checked.
 * - Leases live in memory: a reload forgets them, as IOS does without `ip dhcp database`.
 * - It counts what it takes from and sends to its clients (dhcp-server-counters.ts): the requests
 *   its pools serve, whatever it does with them, not those it relays.
 */
import type { DeviceConfig } from '../../shared/config.ts';
import { type DhcpExcluded, type DhcpPool, leaseTimes, poolFor } from '../../shared/dhcp.ts';
import { broadcastOf, IPV4_BROADCAST, type Ipv4Addr, maskFromLen } from '../../shared/ipv4.ts';
import { type Micros, seconds } from '../../shared/time.ts';
import type { DhcpBinding, DhcpConflict, DhcpEvent, DhcpPoolStatus, DhcpServerStatistics } from '../api.ts';
import type { DhcpMessage, DhcpOption } from '../wire/dhcp.ts';
import {
  addrOption,
  addrsOption,
  BOOTREPLY,
  BOOTREQUEST,
  bytesOption,
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
  OPT_CLIENT_ID,
  OPT_DNS,
  OPT_DOMAIN_NAME,
  OPT_LEASE_TIME,
  OPT_MESSAGE_TYPE,
  OPT_REBINDING_TIME,
  OPT_RENEWAL_TIME,
  OPT_REQUESTED_IP,
  OPT_ROUTER,
  OPT_SERVER_ID,
  OPT_SUBNET_MASK,
  optionAddr,
  u8Option,
  u32Option,
} from '../wire/dhcp.ts';
import type { Ipv4Packet } from '../wire/ipv4.ts';
import type { UdpDatagram } from '../wire/udp.ts';
import { DhcpPingCheck } from './dhcp-ping-check.ts';
import { DhcpRelay, sendToClient } from './dhcp-relay.ts';
import { DhcpServerCounters } from './dhcp-server-counters.ts';
import type { IpStack, UdpListener } from './ip-stack.ts';
import type { L3Interface } from './l3-interface.ts';

/** How long an offer holds its address for the client's request. */
const OFFER_HOLD = seconds(60);
/** An option's data is at most 255 bytes (RFC 2132 2). */
const OPTION_MAX = 255;

interface Lease {
  readonly ip: number;
  /** Who holds it (see `clientKey`). */
  readonly key: string;
  readonly pool: string;
  readonly clientId: Uint8Array;
  /** Virtual time it ends; Infinity for `lease infinite`. */
  readonly expires: number;
}

interface Offer {
  readonly ip: number;
  readonly pool: string;
  readonly until: number;
}

/** A discover waiting for the ping check of the address it is to be offered. */
interface Pending {
  readonly ip: number;
  readonly pool: string;
  /** The latest discover from the client, which the offer answers. */
  request: DhcpMessage;
  readonly iface: L3Interface;
}

/** Who a request is from: its client identifier (option 61), else its hardware address. */
function clientKey(m: DhcpMessage): { key: string; id: Uint8Array } {
  const id = m.options.find((o) => o.code === OPT_CLIENT_ID)?.data;
  if (id !== undefined) return { key: `id:${id.join('.')}`, id };
  const hw = m.chaddr.subarray(0, Math.min(m.hlen, 16));
  return { key: `hw:${hw.join('.')}`, id: hw };
}

export class DhcpService implements UdpListener {
  readonly unaddressed = false;
  private pools: readonly DhcpPool[] = [];
  private excluded: readonly DhcpExcluded[] = [];
  private running = true;
  private readonly relay: DhcpRelay;
  private readonly check: DhcpPingCheck;
  private readonly leases = new Map<number, Lease>();
  private readonly offers = new Map<string, Offer>();
  private readonly pending = new Map<string, Pending>();
  private readonly conflicts = new Map<number, DhcpConflict>();
  /** Each pool's current index: where the search for a free address starts. */
  private readonly index = new Map<string, number>();
  private readonly counters = new DhcpServerCounters();
  constructor(
    private readonly stack: IpStack,
    private readonly interfaces: () => readonly L3Interface[],
    /** Its device's DHCP messages (%DHCPD-4-...). */
    private readonly log: (event: DhcpEvent) => void,
  ) {
    this.relay = new DhcpRelay(stack, interfaces);
    this.check = new DhcpPingCheck(stack);
  }

  /** Takes the pools, excluded ranges and helper addresses of `config`. */
  configure(config: DeviceConfig): void {
    this.pools = config.dhcpPools ?? [];
    this.excluded = config.dhcpExcluded ?? [];
    this.running = config.serviceDhcp !== false;
    const helpers = new Map<string, readonly Ipv4Addr[]>();
    for (const [name, ic] of Object.entries(config.interfaces)) {
      if (ic.helperAddresses !== undefined && ic.helperAddresses.length > 0)
        helpers.set(name, ic.helperAddresses);
    }
    this.relay.setHelpers(helpers);
    const listens = this.running && (this.pools.length > 0 || this.relay.relaying);
    this.stack.listenUdp(DHCP_SERVER_PORT, listens ? this : null);
    if (!this.running) this.forgetPending();
    // A lease whose pool went, or no longer holds its address, goes with it.
    for (const [ip, lease] of this.leases) if (!this.inPool(lease.pool, ip)) this.leases.delete(ip);
  }

  /** A reload: leases, offers, conflicts and counts are lost with the device's memory. */
  reset(): void {
    this.forgetPending();
    this.counters.clear();
    this.leases.clear();
    this.offers.clear();
    this.conflicts.clear();
    this.index.clear();
  }

  private forgetPending(): void {
    this.pending.clear();
    this.check.cancelAll();
  }

  /** Whether pool `name` exists and its network holds `ip`. */
  private inPool(name: string, ip: number): boolean {
    const pool = this.pools.find((p) => p.name === name);
    return pool !== undefined && poolFor([pool], ip) !== undefined;
  }

  onUdp(iface: L3Interface, pkt: Ipv4Packet, d: UdpDatagram): void {
    const read = decodeDhcp(d.data);
    if (!read.ok) {
      this.counters.countMalformed();
      return;
    }
    const m = read.value;
    if (m.op === BOOTREPLY) {
      this.relay.reply(m);
      return;
    }
    if (m.op !== BOOTREQUEST) return;
    // A BOOTP request (no message type) is counted, and left unanswered.
    const type = messageType(m);
    // A client writing to the server itself names its network by its address; a broadcast
    // comes from the network of the interface it came in on.
    const direct = pkt.dst !== IPV4_BROADCAST ? m.ciaddr : 0;
    const link = m.giaddr || direct || (iface.ip?.addr ?? 0);
    const pool = poolFor(this.pools, link);
    if (pool !== undefined) {
      this.counters.countReceived(type);
      if (type !== undefined) this.serve(iface, pkt.dst, pool, m, type);
    } else if (type !== undefined && m.giaddr === 0 && pkt.dst === IPV4_BROADCAST)
      this.relay.request(iface, m);
  }

  // ---- server ----------------------------------------------------------------------------

  /** `to`: where the request was sent (one of this device's addresses, or a broadcast). */
  private serve(iface: L3Interface, to: number, pool: DhcpPool, m: DhcpMessage, type: number): void {
    const { key, id } = clientKey(m);
    const lease = this.leaseOf(key, pool.name);
    const server = this.serverId(iface, to, m);
    switch (type) {
      case DHCPDISCOVER: {
        const pending = this.pending.get(key);
        if (pending !== undefined) {
          // A discover again while its address is checked: the offer answers the latest.
          pending.request = m;
          return;
        }
        // The address it holds, or was offered and has not requested yet, is offered again.
        const offer = this.offers.get(key);
        const held =
          lease !== undefined
            ? lease.ip
            : offer !== undefined &&
                offer.pool === pool.name &&
                offer.until >= this.stack.now &&
                this.free(pool, offer.ip, key)
              ? offer.ip
              : undefined;
        if (held !== undefined) {
          this.offer(iface, server, pool, m, key, held);
          return;
        }
        const wanted = optionAddr(m, OPT_REQUESTED_IP);
        this.checkNext(
          iface,
          pool,
          m,
          key,
          wanted !== undefined && this.free(pool, wanted, key) ? wanted : undefined,
        );
        return;
      }
      case DHCPREQUEST:
        this.request(iface, server, pool, m, key, id, lease);
        return;
      case DHCPRELEASE:
        if (lease !== undefined && lease.ip === m.ciaddr) this.leases.delete(lease.ip);
        return;
      case DHCPDECLINE: {
        const ip = optionAddr(m, OPT_REQUESTED_IP);
        if (ip === undefined || lease === undefined || lease.ip !== ip) return;
        this.leases.delete(ip);
        this.conflict(ip, 'Gratuitous ARP', Array.from(id));
        return;
      }
    }
  }

  private request(
    iface: L3Interface,
    server: number,
    pool: DhcpPool,
    m: DhcpMessage,
    key: string,
    id: Uint8Array,
    lease: Lease | undefined,
  ): void {
    const named = optionAddr(m, OPT_SERVER_ID);
    const wanted = optionAddr(m, OPT_REQUESTED_IP) ?? m.ciaddr;
    if (named !== undefined && named !== server) {
      // The client took another server's offer.
      this.offers.delete(key);
      return;
    }
    const now = this.stack.now;
    const offer = this.offers.get(key);
    const offered =
      offer !== undefined && offer.ip === wanted && offer.pool === pool.name && offer.until >= now;
    const held = lease !== undefined && lease.ip === wanted;
    if ((offered || held) && poolFor([pool], wanted) !== undefined) {
      this.offers.delete(key);
      const { lease: time } = leaseTimes(pool.lease);
      const expires = time === undefined ? Number.POSITIVE_INFINITY : now + seconds(time);
      this.leases.set(wanted, { ip: wanted, key, pool: pool.name, clientId: id, expires });
      this.reply(iface, server, pool, m, DHCPACK, wanted);
      return;
    }
    // RFC 2131 4.3.2: a selecting client's choice gone, an address of another subnet or
    // another client's, get a NAK; an address the server has no record of, silence.
    if (
      named !== undefined ||
      poolFor([pool], wanted) === undefined ||
      lease !== undefined ||
      !this.free(pool, wanted, key)
    ) {
      this.reply(iface, server, pool, m, DHCPNAK, 0);
    }
  }

  /** Whether `ip` may go to `key`: in the pool, not excluded, nobody else's, not a conflict. */
  private free(pool: DhcpPool, ip: number, key: string): boolean {
    const net = pool.network!;
    if (poolFor([pool], ip) === undefined || ip === net.addr || ip === broadcastOf(net.addr, net.len))
      return false;
    if (this.excludedRange(ip) !== undefined || this.conflicts.has(ip) || this.stack.isOwn(ip)) return false;
    const lease = this.leases.get(ip);
    const now = this.stack.now;
    if (lease !== undefined && lease.expires > now && lease.key !== key) return false;
    for (const [k, o] of this.offers) if (o.ip === ip && k !== key && o.until >= now) return false;
    return !this.check.checking(ip);
  }

  private excludedRange(ip: number): DhcpExcluded | undefined {
    return this.excluded.find((r) => ip >= r.low && ip <= r.high);
  }

  /** The next address to offer from the pool's current index on, excluded ranges skipped whole. */
  private nextFree(pool: DhcpPool, key: string): number | undefined {
    const first = pool.network!.addr + 1;
    const end = broadcastOf(pool.network!.addr, pool.network!.len);
    const from = this.currentIndex(pool);
    // Two passes: from the index to the end, then from the start to the index.
    for (const [lo, hi] of [
      [from, end],
      [first, from],
    ] as const) {
      for (let ip = lo; ip < hi; ip++) {
        const range = this.excludedRange(ip);
        if (range !== undefined) ip = range.high;
        else if (this.free(pool, ip, key)) return ip;
      }
    }
    return undefined;
  }

  /** Where the search for a pool's next address starts. */
  private currentIndex(pool: DhcpPool): number {
    const at = this.index.get(pool.name);
    return at === undefined || poolFor([pool], at) === undefined ? pool.network!.addr + 1 : at;
  }

  /** The client's lease in pool `pool`, if it has one in force (it may have one elsewhere too). */
  private leaseOf(key: string, pool: string): Lease | undefined {
    for (const lease of this.leases.values())
      if (lease.key === key && lease.pool === pool && lease.expires > this.stack.now) return lease;
    return undefined;
  }

  /**
   * The address it names itself by (option 54): to a relayed client, its address toward the
   * relay; to a client that wrote to one of its addresses, that one; else the interface's.
   */
  private serverId(iface: L3Interface, to: number, m: DhcpMessage): number {
    if (m.giaddr !== 0) return this.stack.sourceFor(m.giaddr) ?? 0;
    if (to !== IPV4_BROADCAST && this.stack.isOwn(to)) return to;
    return iface.ip?.addr ?? 0;
  }

  // ---- ping check ------------------------------------------------------------------------

  /** Checks `ip` (or the next free address) before offering it to the sender of `request`. */
  private checkNext(
    iface: L3Interface,
    pool: DhcpPool,
    request: DhcpMessage,
    key: string,
    ip?: number,
  ): void {
    const next = ip ?? this.nextFree(pool, key);
    if (next === undefined) return;
    this.pending.set(key, { ip: next, pool: pool.name, request, iface });
    this.check.start(next, (inUse) => this.checked(key, inUse));
  }

  private checked(key: string, inUse: boolean): void {
    const p = this.pending.get(key);
    if (p === undefined) return;
    this.pending.delete(key);
    // What changed while the check ran: the pool, or a direct client's interface (gone, down,
    // or readdressed into another pool's network). A stopped service forgot its checks.
    const pool = this.pools.find((x) => x.name === p.pool);
    const direct = p.request.giaddr === 0;
    const iface =
      !direct ||
      (this.interfaces().includes(p.iface) &&
        p.iface.usable &&
        poolFor(this.pools, p.iface.ip!.addr)?.name === p.pool)
        ? p.iface
        : undefined;
    if (pool === undefined || !this.inPool(p.pool, p.ip) || iface === undefined) return;
    if (inUse) {
      this.conflict(p.ip, 'Ping');
      this.checkNext(iface, pool, p.request, key);
      return;
    }
    const server = this.serverId(iface, IPV4_BROADCAST, p.request);
    this.offer(iface, server, pool, p.request, key, p.ip);
  }

  private conflict(ip: number, method: DhcpConflict['method'], client?: readonly number[]): void {
    const at = this.stack.now as Micros;
    this.conflicts.set(ip, { ip: ip as Ipv4Addr, method, at });
    this.log(
      client === undefined
        ? { at, kind: 'ping-conflict', ip: ip as Ipv4Addr }
        : { at, kind: 'decline-conflict', ip: ip as Ipv4Addr, client },
    );
  }

  // ---- replies ---------------------------------------------------------------------------

  private offer(
    iface: L3Interface,
    server: number,
    pool: DhcpPool,
    m: DhcpMessage,
    key: string,
    ip: number,
  ): void {
    this.offers.set(key, { ip, pool: pool.name, until: this.stack.now + OFFER_HOLD });
    const net = pool.network!;
    this.index.set(pool.name, ip + 1 < broadcastOf(net.addr, net.len) ? ip + 1 : net.addr + 1);
    this.reply(iface, server, pool, m, DHCPOFFER, ip);
  }

  /** Options in the order IOS sends them: type, server, lease times, then the pool's. */
  private options(server: number, pool: DhcpPool, type: number): DhcpOption[] {
    const options: DhcpOption[] = [
      u8Option(OPT_MESSAGE_TYPE, type),
      addrOption(OPT_SERVER_ID, server as Ipv4Addr),
    ];
    if (type === DHCPNAK) return options;
    const { lease, renewal, rebinding } = leaseTimes(pool.lease);
    options.push(u32Option(OPT_LEASE_TIME, lease ?? 0xffff_ffff));
    if (renewal !== undefined && rebinding !== undefined) {
      options.push(u32Option(OPT_RENEWAL_TIME, renewal), u32Option(OPT_REBINDING_TIME, rebinding));
    }
    options.push(addrOption(OPT_SUBNET_MASK, maskFromLen(pool.network!.len)));
    if (pool.defaultRouters?.length) options.push(addrsOption(OPT_ROUTER, pool.defaultRouters.slice(0, 63)));
    if (pool.dnsServers?.length) options.push(addrsOption(OPT_DNS, pool.dnsServers.slice(0, 63)));
    if (pool.domainName !== undefined) {
      options.push(
        bytesOption(OPT_DOMAIN_NAME, new TextEncoder().encode(pool.domainName).subarray(0, OPTION_MAX)),
      );
    }
    return options;
  }

  private reply(
    iface: L3Interface,
    server: number,
    pool: DhcpPool,
    m: DhcpMessage,
    type: number,
    ip: number,
  ): void {
    const answer = dhcpMessage({
      op: BOOTREPLY,
      htype: m.htype,
      hlen: m.hlen,
      xid: m.xid,
      flags: m.flags,
      ciaddr: type === DHCPACK ? m.ciaddr : (0 as Ipv4Addr),
      yiaddr: ip as Ipv4Addr,
      giaddr: m.giaddr,
      chaddr: m.chaddr,
      options: this.options(server, pool, type),
    });
    const ttl = this.stack.profile.ttl;
    this.counters.countSent(type);
    if (m.giaddr !== 0)
      this.stack.sendUdp(m.giaddr, DHCP_SERVER_PORT, DHCP_SERVER_PORT, ttl, encodeDhcp(answer));
    else if (m.ciaddr !== 0 && type === DHCPACK)
      this.stack.sendUdp(m.ciaddr, DHCP_SERVER_PORT, DHCP_CLIENT_PORT, ttl, encodeDhcp(answer));
    else sendToClient(this.stack, iface, answer);
  }

  // ---- what the console shows ------------------------------------------------------------

  bindings(): DhcpBinding[] {
    const now = this.stack.now;
    return [...this.leases.values()]
      .filter((l) => l.expires > now)
      .sort((a, b) => a.ip - b.ip)
      .map((l) => ({
        ip: l.ip as Ipv4Addr,
        clientId: Array.from(l.clientId),
        expires: l.expires === Number.POSITIVE_INFINITY ? null : (l.expires as Micros),
      }));
  }

  conflictList(): DhcpConflict[] {
    return [...this.conflicts.values()].sort((a, b) => a.ip - b.ip);
  }

  poolStatus(): DhcpPoolStatus[] {
    const now = this.stack.now;
    return this.pools.map((p) => {
      const leased = [...this.leases.values()].filter((l) => l.pool === p.name && l.expires > now).length;
      if (p.network === undefined) return { name: p.name, leased };
      return { name: p.name, network: p.network, index: this.currentIndex(p) as Ipv4Addr, leased };
    });
  }

  statistics(): DhcpServerStatistics {
    const now = this.stack.now;
    let automatic = 0;
    for (const l of this.leases.values()) if (l.expires > now) automatic++;
    return {
      pools: this.pools.length,
      automaticBindings: automatic,
      expiredBindings: this.leases.size - automatic,
      ...this.counters.read(),
    };
  }

  /** `clear ip dhcp server statistics`: the message counts; the bindings stay. */
  clearStatistics(): void {
    this.counters.clear();
  }

  /** `clear ip dhcp binding *|A.B.C.D`. */
  clearBindings(ip?: number): void {
    if (ip === undefined) this.leases.clear();
    else this.leases.delete(ip);
  }

  /** `clear ip dhcp conflict *|A.B.C.D`. */
  clearConflicts(ip?: number): void {
    if (ip === undefined) this.conflicts.clear();
    else this.conflicts.delete(ip);
  }
}
