/**
 * Cisco IOS's DHCP server and relay agent (RFC 2131, RFC 2132; relay: RFC 1542 section 4;
 * Cisco IOS IP Addressing Configuration Guide, "Configuring the Cisco IOS DHCP Server" and
 * "... DHCP Relay Agent").
 *
 * - A request that comes in directly is served from the pool whose network holds the
 *   receiving interface's address; a relayed one from the pool that holds its `giaddr`. With
 *   no such pool, a broadcast that came in on an interface with `ip helper-address` is relayed
 *   (giaddr set to that interface's address), and otherwise ignored.
 * - Before offering an address it has not leased to the client, the server pings it (IOS's
 *   `ip dhcp ping packets 2`, `timeout 500` ms). An answer marks the address a conflict
 *   (`show ip dhcp conflict`) and the next free address is tried.
 * - Addresses go out in order from the pool's current index (the address after the last one
 *   offered, IOS's `Current index`), skipping excluded ones, the subnet's network and broadcast
 *   addresses, the device's own, conflicts and what is leased or offered.
 * - Replies go to the relay (port 67), or to the client: broadcast when it set the broadcast
 *   flag, else unicast to the offered address and its hardware address (RFC 2131 4.1).
 */
import type { DeviceConfig } from '../../shared/config.ts';
import type { DhcpExcluded, DhcpPool } from '../../shared/dhcp.ts';
import { DEFAULT_LEASE, INFINITE_LEASE, isExcluded, poolFor } from '../../shared/dhcp.ts';
import { broadcastOf, type Ipv4Addr, maskFromLen } from '../../shared/ipv4.ts';
import { type Micros, seconds } from '../../shared/time.ts';
import type { DhcpBinding, DhcpConflict, DhcpPoolStatus } from '../api.ts';
import { ipv4, udp } from '../packets.ts';
import type { EventTarget } from '../sim/scheduler.ts';
import type { DhcpMessage, DhcpOption } from '../wire/dhcp.ts';
import {
  addrOption,
  addrsOption,
  BOOTREPLY,
  BOOTREQUEST,
  chaddrMac,
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
  isBroadcastFlag,
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
  textOption,
  u8Option,
  u32Option,
} from '../wire/dhcp.ts';
import type { IcmpEcho } from '../wire/icmp.ts';
import type { Ipv4Packet } from '../wire/ipv4.ts';
import { IPPROTO_UDP } from '../wire/ipv4.ts';
import { iosPingData } from '../wire/ping-data.ts';
import type { UdpDatagram } from '../wire/udp.ts';
import { BROADCAST_MAC } from './arp-cache.ts';
import type { IpStack, ProbeClient, UdpListener } from './ip-stack.ts';
import type { L3Interface } from './l3-interface.ts';

/** `ip dhcp ping packets` and `ip dhcp ping timeout` by default. */
const PING_PACKETS = 2;
const PING_TIMEOUT = 500_000;
/** How long an offer holds its address for the client's request. */
const OFFER_HOLD = seconds(60);
const IPV4_BROADCAST = 0xffff_ffff;
/** RFC 1542 4.1.1: a relay discards a request that has crossed more relays than this. */
const MAX_HOPS = 16;

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

/** A ping check of `ip` before offering it to the sender of `request`. */
interface Check {
  readonly ip: number;
  readonly pool: DhcpPool;
  readonly request: DhcpMessage;
  readonly iface: L3Interface;
  readonly key: string;
  sent: number;
  /** The echo sequence number of its last request. */
  seq: number;
}

const hex = (b: Uint8Array): string => Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('');

/** Who a request is from: its client identifier (option 61), else its hardware address. */
function clientKey(m: DhcpMessage): { key: string; id: Uint8Array } {
  const id = m.options.find((o) => o.code === OPT_CLIENT_ID)?.data;
  if (id !== undefined) return { key: `id:${hex(id)}`, id };
  const hw = m.chaddr.subarray(0, Math.min(m.hlen, 16));
  return { key: `hw:${hex(hw)}`, id: hw };
}

export class DhcpService implements UdpListener, ProbeClient, EventTarget {
  readonly unaddressed = false;
  private pools: readonly DhcpPool[] = [];
  private excluded: readonly DhcpExcluded[] = [];
  private helpers = new Map<string, readonly Ipv4Addr[]>();
  private running = true;
  private readonly leases = new Map<number, Lease>();
  private readonly offers = new Map<string, Offer>();
  private readonly conflicts = new Map<number, DhcpConflict>();
  private readonly checks = new Map<number, Check>();
  /** The echo identifier of its ping checks, while some run; -1 otherwise. */
  private echoId = -1;
  private echoSeq = 0;
  /** Each pool's current index: where the search for a free address starts. */
  private readonly index = new Map<string, number>();

  constructor(
    private readonly stack: IpStack,
    private readonly interfaces: () => readonly L3Interface[],
  ) {}

  /** Takes the pools, excluded ranges and helper addresses of `config`. */
  configure(config: DeviceConfig): void {
    this.pools = config.dhcpPools ?? [];
    this.excluded = config.dhcpExcluded ?? [];
    this.running = config.serviceDhcp !== false;
    this.helpers = new Map();
    for (const [name, ic] of Object.entries(config.interfaces)) {
      if (ic.helperAddresses !== undefined && ic.helperAddresses.length > 0)
        this.helpers.set(name, ic.helperAddresses);
    }
    const listens = this.running && (this.pools.length > 0 || this.helpers.size > 0);
    this.stack.listenUdp(DHCP_SERVER_PORT, listens ? this : null);
    // Leases outside every pool's network go, as IOS drops them with the pool.
    for (const [ip, lease] of this.leases) {
      const pool = this.pools.find((p) => p.name === lease.pool);
      if (pool === undefined || poolFor([pool], ip) === undefined) this.leases.delete(ip);
    }
  }

  onUdp(iface: L3Interface, pkt: Ipv4Packet, d: UdpDatagram): void {
    const read = decodeDhcp(d.data);
    if (!read.ok) return;
    const m = read.value;
    if (m.op === BOOTREPLY) {
      this.relayReply(m);
      return;
    }
    if (m.op !== BOOTREQUEST) return;
    const type = messageType(m);
    if (type === undefined) return;
    const link = m.giaddr !== 0 ? m.giaddr : (iface.ip?.addr ?? 0);
    const pool = poolFor(this.pools, link);
    if (pool !== undefined) this.serve(iface, pool, m, type);
    else if (m.giaddr === 0 && pkt.dst === IPV4_BROADCAST) this.relayRequest(iface, m);
  }

  // ---- server ----------------------------------------------------------------------------

  private serve(iface: L3Interface, pool: DhcpPool, m: DhcpMessage, type: number): void {
    const { key, id } = clientKey(m);
    const now = this.stack.now;
    const lease = this.leaseOf(key);
    switch (type) {
      case DHCPDISCOVER: {
        if ([...this.checks.values()].some((c) => c.key === key)) return;
        if (lease !== undefined && lease.pool === pool.name) {
          this.offer(iface, pool, m, key, lease.ip);
          return;
        }
        const wanted = optionAddr(m, OPT_REQUESTED_IP);
        const ip = wanted !== undefined && this.free(pool, wanted, key) ? wanted : this.nextFree(pool, key);
        if (ip !== undefined) this.check(iface, pool, m, key, ip);
        return;
      }
      case DHCPREQUEST: {
        const server = optionAddr(m, OPT_SERVER_ID);
        const wanted = optionAddr(m, OPT_REQUESTED_IP) ?? m.ciaddr;
        if (server !== undefined && server !== this.serverId(iface, m)) {
          // The client took another server's offer.
          this.offers.delete(key);
          return;
        }
        const offer = this.offers.get(key);
        const ok =
          (offer !== undefined && offer.ip === wanted && offer.pool === pool.name && offer.until >= now) ||
          (lease !== undefined && lease.ip === wanted && lease.pool === pool.name);
        if (ok) {
          this.offers.delete(key);
          const time = pool.lease ?? DEFAULT_LEASE;
          const expires = time === INFINITE_LEASE ? Number.POSITIVE_INFINITY : now + seconds(time);
          this.leases.set(wanted, { ip: wanted, key, pool: pool.name, clientId: id, expires });
          this.reply(iface, pool, m, DHCPACK, wanted);
        } else if (
          server !== undefined ||
          poolFor([pool], wanted) === undefined ||
          lease !== undefined ||
          !this.free(pool, wanted, key)
        ) {
          this.reply(iface, pool, m, DHCPNAK, 0);
        }
        return;
      }
      case DHCPRELEASE:
        if (lease !== undefined && lease.ip === m.ciaddr) this.leases.delete(lease.ip);
        return;
      case DHCPDECLINE: {
        const ip = optionAddr(m, OPT_REQUESTED_IP);
        if (ip === undefined || lease === undefined || lease.ip !== ip) return;
        this.leases.delete(ip);
        this.conflicts.set(ip, { ip: ip as Ipv4Addr, method: 'Gratuitous ARP', at: now as Micros });
        return;
      }
    }
  }

  /** Whether `ip` may go to `key`: in the pool, not excluded, nobody else's, not a conflict. */
  private free(pool: DhcpPool, ip: number, key: string): boolean {
    const net = pool.network!;
    if (poolFor([pool], ip) === undefined || ip === net.addr || ip === broadcastOf(net.addr, net.len))
      return false;
    if (isExcluded(this.excluded, ip) || this.conflicts.has(ip) || this.stack.isOwn(ip)) return false;
    const lease = this.leases.get(ip);
    if (lease !== undefined && lease.expires > this.stack.now && lease.key !== key) return false;
    for (const [k, o] of this.offers) if (o.ip === ip && k !== key && o.until >= this.stack.now) return false;
    for (const c of this.checks.values()) if (c.ip === ip) return false;
    return true;
  }

  private nextFree(pool: DhcpPool, key: string): number | undefined {
    const first = this.firstOf(pool);
    const count = broadcastOf(pool.network!.addr, pool.network!.len) - first;
    const from = this.currentIndex(pool);
    for (let k = 0; k < count; k++) {
      const ip = first + ((from - first + k) % count);
      if (this.free(pool, ip, key)) return ip;
    }
    return undefined;
  }

  private firstOf(pool: DhcpPool): number {
    return pool.network!.addr + 1;
  }

  /** Where the search for a pool's next address starts. */
  private currentIndex(pool: DhcpPool): number {
    const at = this.index.get(pool.name);
    return at === undefined || poolFor([pool], at) === undefined ? this.firstOf(pool) : at;
  }

  private leaseOf(key: string): Lease | undefined {
    for (const lease of this.leases.values())
      if (lease.key === key && lease.expires > this.stack.now) return lease;
    return undefined;
  }

  /** The address it names itself by to the client: the interface the answer leaves by. */
  private serverId(iface: L3Interface, m: DhcpMessage): number {
    return m.giaddr !== 0 ? (this.stack.sourceFor(m.giaddr) ?? 0) : (iface.ip?.addr ?? 0);
  }

  // ---- ping check ------------------------------------------------------------------------

  private check(iface: L3Interface, pool: DhcpPool, request: DhcpMessage, key: string, ip: number): void {
    if (this.echoId < 0) {
      let id = 1 + this.stack.randomInt(0xfffe);
      while (this.stack.hasEchoClient(id)) id = (id % 0xffff) + 1;
      this.echoId = id;
      this.stack.registerEcho(id, this);
    }
    const token = ++this.echoSeq;
    const c: Check = { ip, pool, request, iface, key, sent: 0, seq: token };
    this.checks.set(token, c);
    this.ping(c, token);
  }

  private ping(c: Check, token: number): void {
    c.sent++;
    c.seq = this.echoSeq = (this.echoSeq + 1) & 0xffff;
    this.stack.sendEcho(
      c.ip,
      this.echoId,
      c.seq,
      this.stack.profile.ttl,
      iosPingData(undefined, Math.floor(this.stack.now / 1000) >>> 0),
    );
    this.stack.scheduleIn(PING_TIMEOUT, this, 0, token);
  }

  onEvent(_code: number, _a: unknown, token: number): void {
    const c = this.checks.get(token);
    if (c === undefined) return;
    if (c.sent < PING_PACKETS) {
      this.ping(c, token);
      return;
    }
    this.endCheck(token);
    this.offer(c.iface, c.pool, c.request, c.key, c.ip);
  }

  onEchoReply(packet: Ipv4Packet, echo: IcmpEcho): void {
    for (const [token, c] of this.checks) {
      if (c.ip !== packet.src || c.seq !== echo.sequence) continue;
      this.endCheck(token);
      this.conflicts.set(c.ip, { ip: c.ip as Ipv4Addr, method: 'Ping', at: this.stack.now as Micros });
      // The client's next discover tries the next free address.
      return;
    }
  }

  onIcmpError(): void {}
  onArpFailure(): void {}

  private endCheck(token: number): void {
    this.checks.delete(token);
    if (this.checks.size === 0 && this.echoId >= 0) {
      this.stack.unregisterEcho(this.echoId, this);
      this.echoId = -1;
    }
  }

  // ---- replies ---------------------------------------------------------------------------

  private offer(iface: L3Interface, pool: DhcpPool, m: DhcpMessage, key: string, ip: number): void {
    this.offers.set(key, { ip, pool: pool.name, until: this.stack.now + OFFER_HOLD });
    const net = pool.network!;
    this.index.set(pool.name, ip + 1 < broadcastOf(net.addr, net.len) ? ip + 1 : this.firstOf(pool));
    this.reply(iface, pool, m, DHCPOFFER, ip);
  }

  private reply(iface: L3Interface, pool: DhcpPool, m: DhcpMessage, type: number, ip: number): void {
    const server = this.serverId(iface, m);
    const options: DhcpOption[] = [
      u8Option(OPT_MESSAGE_TYPE, type),
      addrOption(OPT_SERVER_ID, server as Ipv4Addr),
    ];
    if (type !== DHCPNAK) {
      const time = pool.lease ?? DEFAULT_LEASE;
      const t = time === INFINITE_LEASE ? 0xffff_ffff : time;
      options.push(u32Option(OPT_LEASE_TIME, t));
      if (time !== INFINITE_LEASE) {
        options.push(
          u32Option(OPT_RENEWAL_TIME, Math.floor(t / 2)),
          u32Option(OPT_REBINDING_TIME, Math.floor((t * 7) / 8)),
        );
      }
      options.push(addrOption(OPT_SUBNET_MASK, maskFromLen(pool.network!.len)));
      if (pool.defaultRouters?.length) options.push(addrsOption(OPT_ROUTER, pool.defaultRouters));
      if (pool.dnsServers?.length) options.push(addrsOption(OPT_DNS, pool.dnsServers));
      if (pool.domainName !== undefined) options.push(textOption(OPT_DOMAIN_NAME, pool.domainName));
    }
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
      options,
    });
    const data = encodeDhcp(answer);
    if (m.giaddr !== 0) {
      this.stack.sendUdp(m.giaddr, DHCP_SERVER_PORT, DHCP_SERVER_PORT, this.stack.profile.ttl, data);
    } else if (m.ciaddr !== 0 && type === DHCPACK) {
      this.stack.sendUdp(m.ciaddr, DHCP_SERVER_PORT, DHCP_CLIENT_PORT, this.stack.profile.ttl, data);
    } else {
      this.toClient(iface, answer, data, type === DHCPNAK);
    }
  }

  /** Sends a reply to a client on `iface`'s link (RFC 2131 4.1, the giaddr = 0 cases). */
  private toClient(iface: L3Interface, m: DhcpMessage, data: Uint8Array, broadcast: boolean): void {
    const all = broadcast || isBroadcastFlag(m) || m.yiaddr === 0;
    const pkt = ipv4(
      iface.ip!.addr,
      all ? IPV4_BROADCAST : m.yiaddr,
      this.stack.profile.ttl,
      IPPROTO_UDP,
      this.stack.nextId(),
      udp(DHCP_SERVER_PORT, DHCP_CLIENT_PORT, data),
    );
    this.stack.sendOnLink(iface, all ? BROADCAST_MAC : chaddrMac(m), pkt);
  }

  // ---- relay agent -----------------------------------------------------------------------

  /** A client's broadcast on an interface with helper addresses goes to each of them. */
  private relayRequest(iface: L3Interface, m: DhcpMessage): void {
    const helpers = this.helpers.get(iface.name);
    if (helpers === undefined || iface.ip === undefined || m.hops >= MAX_HOPS) return;
    const data = encodeDhcp({ ...m, hops: m.hops + 1, giaddr: iface.ip.addr });
    for (const helper of helpers) {
      this.stack.sendUdp(helper, DHCP_SERVER_PORT, DHCP_SERVER_PORT, this.stack.profile.ttl, data);
    }
  }

  /** A server's answer to a request it relayed goes to the client on the interface giaddr names. */
  private relayReply(m: DhcpMessage): void {
    const iface = this.interfaces().find((i) => i.usable && i.ip!.addr === m.giaddr);
    if (iface === undefined || !this.helpers.has(iface.name)) return;
    this.toClient(iface, m, encodeDhcp(m), messageType(m) === DHCPNAK);
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

  /** `clear ip dhcp binding *|A.B.C.D`: whether there was such a binding. */
  clearBindings(ip?: number): boolean {
    if (ip === undefined) {
      this.leases.clear();
      return true;
    }
    return this.leases.delete(ip);
  }

  /** `clear ip dhcp conflict *|A.B.C.D`. */
  clearConflicts(ip?: number): boolean {
    if (ip === undefined) {
      this.conflicts.clear();
      return true;
    }
    return this.conflicts.delete(ip);
  }
}
