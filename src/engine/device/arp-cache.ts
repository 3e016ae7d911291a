/**
 * The ARP cache (RFC 826) with each operating system's resolution policy.
 *
 * - Windows: resolution sends a broadcast request, retried `arpAttempts` times
 *   `arpRetryInterval` apart; then it fails and whatever waited is dropped (Windows turns that
 *   into "Destination host unreachable" from its own address).
 * - IOS: each packet that needs the address sends a request, at most one per 2 s; the entry
 *   stays "Incomplete" until the ARP ager, which runs each minute, finds it older than that.
 * - While resolving, IOS drops the packet that needs the address (queue length 0: the first ping
 *   through a router loses one echo); Windows holds a few.
 * - IOS entries live 4 hours from their last refresh (`arp timeout` per interface). Windows
 *   entries are reachable for a random 15-45 s, then stale: still used, but the next use sends
 *   unicast probes, and an entry whose probes go unanswered is removed (RFC 4861 neighbour
 *   unreachability detection).
 * - Static entries (IOS `arp A.B.C.D H.H.H arpa`, Windows `arp -s`) never expire, and ARP
 *   from the network does not change them. Clearing IOS's cache keeps them; Windows' `arp -d`
 *   removes them as it removes any entry.
 */
import type { SimContext } from '../sim/context.ts';
import type { EventTarget } from '../sim/scheduler.ts';
import type { Ipv4Packet } from '../wire/ipv4.ts';
import type { DebugLog } from './debug-log.ts';
import type { ForwardingCache } from './forwarding-cache.ts';
import type { L3Interface } from './l3-interface.ts';
import type { StackProfile } from './profiles.ts';

export const BROADCAST_MAC = 0xffff_ffff_ffff;

/** An interface's `arp timeout` in seconds as `L3Interface.arpTimeout` holds it (0: never). */
export const arpTimeoutOf = (s: number | undefined): number =>
  s === undefined ? -1 : s === 0 ? Number.POSITIVE_INFINITY : s * 1_000_000;

/** What the cache needs from the IP layer that owns it. */
export interface ArpHost {
  /** IOS `debug arp`, which reports the entries this cache creates and the requests it holds back. */
  readonly debug: DebugLog | null;
  sendArpRequest(iface: L3Interface, target: number, unicastTo: number): void;
  /** Send a packet that waited for `mac`. */
  sendResolved(iface: L3Interface, mac: number, packet: Ipv4Packet, frameId: number): void;
  /** A packet waited in vain (or could not wait): drop it. */
  dropUnresolved(packet: Ipv4Packet, frameId: number, failed: boolean, queueFull: boolean): void;
}

export class ArpRecord {
  /** -1 while incomplete. */
  mac = -1;
  updatedAt = 0;
  /** IOS: removed at this time. */
  expiresAt = Number.POSITIVE_INFINITY;
  /** Windows: stale from this time on. */
  staleAt = Number.POSITIVE_INFINITY;
  /** Configured (`arp ...`): never expires, never learned over, never cleared. */
  isStatic = false;
  /** Requests (or stale probes) sent in the current round. */
  attempts = 0;
  probing = false;
  /** Invalidates the pending retry timer when bumped. */
  token = 0;
  /** The pending retry event (scheduler handle and sequence), -1 when none. */
  retry = -1;
  retrySeq = -1;
  queue: Ipv4Packet[] | null = null;
  queueIds: number[] | null = null;

  constructor(
    readonly ip: number,
    public iface: L3Interface,
  ) {}
}

const EV_RETRY = 1;

export class ArpCache implements EventTarget {
  private readonly records = new Map<number, ArpRecord>();
  /**
   * The record found last and its address: a host sends nearly everything to its gateway, so
   * most lookups ask for the same address again. Forgotten whenever `records` changes.
   */
  private lastIp = -1;
  private lastRecord: ArpRecord | undefined = undefined;
  /** Windows: this host's reachable time, drawn once like the stack does per interface. */
  private readonly reachableTime: number;

  constructor(
    private readonly ctx: SimContext,
    private readonly profile: StackProfile,
    private readonly host: ArpHost,
    /** Derived from the entries: told of every change. */
    private readonly forwarding: ForwardingCache,
  ) {
    const { arpReachableMin: lo, arpReachableMax: hi } = profile;
    this.reachableTime = hi > lo ? lo + Math.floor(ctx.rng.next() * (hi - lo)) : Number.POSITIVE_INFINITY;
  }

  /**
   * The MAC address of `ip` on `iface`, or -1 when resolution is under way (the packet is then
   * queued or dropped here).
   */
  resolve(iface: L3Interface, ip: number, packet: Ipv4Packet, frameId: number): number {
    const now = this.ctx.sched.now;
    let r = this.get(ip);
    if (r !== undefined && r.mac >= 0) {
      if (now < r.expiresAt) {
        if (now >= r.staleAt && !r.probing) this.startRound(r, true);
        return r.mac;
      }
      this.delete(ip);
      r = undefined;
    }
    const debug = this.host.debug?.arp ? this.host.debug : null;
    if (r === undefined) {
      r = new ArpRecord(ip, iface);
      this.set(ip, r);
      debug?.arpEntry('incomplete', ip, iface);
      this.startRound(r, false);
    } else if (this.profile.arpIncompleteAger > 0) {
      if (now - r.updatedAt >= this.profile.arpRetryInterval) this.startRound(r, false);
      else debug?.arpEntry('throttled', ip, iface);
    }
    const limit = this.profile.arpQueueLimit;
    if (limit === 0) {
      this.host.dropUnresolved(packet, frameId, false, false);
    } else if (r.queue !== null && r.queue.length >= limit) {
      this.host.dropUnresolved(packet, frameId, false, true);
    } else {
      if (r.queue === null) {
        r.queue = [];
        r.queueIds = [];
      }
      r.queue.push(packet);
      r.queueIds!.push(frameId);
    }
    return -1;
  }

  /**
   * An ARP packet from `ip` at `mac` arrived on `iface`: refresh a known entry, or create one
   * when `create` (we were its target, RFC 826). Returns whether an entry was written.
   */
  learn(iface: L3Interface, ip: number, mac: number, create: boolean): boolean {
    let r = this.get(ip);
    if (r === undefined) {
      if (!create) return false;
      r = new ArpRecord(ip, iface);
      this.set(ip, r);
    } else if (r.isStatic) return false;
    this.forwarding.invalidate();
    const now = this.ctx.sched.now;
    const waiting = r.queue;
    const waitingIds = r.queueIds;
    r.mac = mac;
    r.iface = iface;
    r.updatedAt = now;
    r.expiresAt = now + (iface.arpTimeout >= 0 ? iface.arpTimeout : this.profile.arpTimeout);
    r.staleAt = now + this.reachableTime;
    r.probing = false;
    r.attempts = 0;
    this.stopRetry(r);
    r.queue = null;
    r.queueIds = null;
    this.sendWaiting(waiting, waitingIds, iface, mac);
    return true;
  }

  onEvent(_code: number, a: unknown, token: number): void {
    const r = a as ArpRecord;
    r.retry = -1;
    if (r.token !== token || this.get(r.ip) !== r) return;
    if (r.attempts < this.profile.arpAttempts) {
      this.sendRound(r);
      return;
    }
    this.delete(r.ip);
    this.stopRetry(r);
    const waiting = r.queue;
    if (waiting !== null) {
      for (let i = 0; i < waiting.length; i++)
        this.host.dropUnresolved(waiting[i]!, r.queueIds![i]!, true, false);
    }
    r.queue = null;
    r.queueIds = null;
  }

  /** Whether there is a live entry for `ip`: resolving, or complete and not expired. */
  holds(ip: number): boolean {
    const r = this.records.get(ip);
    return r !== undefined && (r.mac < 0 || this.ctx.sched.now < r.expiresAt);
  }

  /** Whether there is an entry for `ip` on `iface`, complete or still resolving. */
  has(ip: number, iface: L3Interface): boolean {
    return this.get(ip)?.iface === iface;
  }

  /** Drops every entry learned on `iface` (interface down, address changed). */
  flushInterface(iface: L3Interface): void {
    for (const [ip, r] of this.records) {
      if (r.iface === iface && !r.isStatic) {
        this.stopRetry(r);
        this.delete(ip);
      }
    }
  }

  /**
   * Forgets the learned entry for `ip`, complete or not, or also a static one with `statics`;
   * false when there was none.
   */
  remove(ip: number, statics = false): boolean {
    const r = this.records.get(ip);
    if (r === undefined || (r.isStatic && !statics)) return false;
    this.stopRetry(r);
    this.delete(ip);
    return true;
  }

  /**
   * Forgets the entry for `ip` and, if it was complete, asks for the address again at once,
   * unicast to the MAC address it had; the answer makes a new entry, since it is addressed to
   * us. False when there was no entry.
   */
  refresh(ip: number): boolean {
    const r = this.records.get(ip);
    if (r === undefined || r.isStatic) return false;
    this.remove(ip);
    if (r.mac >= 0) this.host.sendArpRequest(r.iface, ip, r.mac);
    return true;
  }

  /**
   * `refresh` for every entry learned on `iface`, or on any interface when null: IOS's
   * `clear arp-cache`, and what it does to its neighbours when an interface gets another address
   * (the requests then come from the new one). Incomplete entries are only forgotten.
   */
  refreshAll(iface: L3Interface | null): void {
    for (const r of [...this.records.values()]) if (iface === null || r.iface === iface) this.refresh(r.ip);
  }

  /** The interface the entry for `ip` was learned on, if there is one. */
  interfaceOf(ip: number): L3Interface | undefined {
    return this.records.get(ip)?.iface;
  }

  /** Forgets every learned entry, and the static ones too with `statics`. */
  clear(statics = false): void {
    this.forwarding.invalidate();
    for (const [ip, r] of this.records) {
      if (r.isStatic && !statics) continue;
      this.stopRetry(r);
      this.records.delete(ip);
    }
    this.lastIp = -1;
    this.lastRecord = undefined;
  }

  /**
   * Makes `entries` the static entries, each on its interface (those that have none are not
   * installed); a learned entry for one of their addresses gives way, waiting packets and all.
   */
  setStatics(
    entries: readonly { readonly ip: number; readonly mac: number; readonly iface: L3Interface }[],
  ): void {
    for (const [ip, r] of this.records) if (r.isStatic) this.delete(ip);
    for (const e of entries) this.putStatic(e.ip, e.mac, e.iface);
  }

  /**
   * Makes `ip` a static entry for `mac` on `iface`, in place of any entry it had; packets that
   * waited for its address go out to `mac`.
   */
  putStatic(ip: number, mac: number, iface: L3Interface): void {
    const old = this.records.get(ip);
    if (old !== undefined) this.stopRetry(old);
    const r = new ArpRecord(ip, iface);
    r.isStatic = true;
    r.mac = mac;
    r.updatedAt = this.ctx.sched.now;
    this.set(ip, r);
    if (old !== undefined) this.sendWaiting(old.queue, old.queueIds, iface, mac);
  }

  /** Sends the packets that waited for an address (`queue`, their frame ids `ids`) to `mac`. */
  private sendWaiting(
    queue: Ipv4Packet[] | null,
    ids: number[] | null,
    iface: L3Interface,
    mac: number,
  ): void {
    for (let i = 0; queue !== null && i < queue.length; i++)
      this.host.sendResolved(iface, mac, queue[i]!, ids![i]!);
  }

  /** Entries as `show arp` / `arp -a` would list them at `now` (expired ones left out). */
  live(now: number): ArpRecord[] {
    const out: ArpRecord[] = [];
    for (const r of this.records.values()) if (r.mac < 0 || now < r.expiresAt) out.push(r);
    return out;
  }

  private get(ip: number): ArpRecord | undefined {
    if (ip === this.lastIp) return this.lastRecord;
    const r = this.records.get(ip);
    if (r !== undefined) {
      this.lastIp = ip;
      this.lastRecord = r;
    }
    return r;
  }

  /**
   * Until when the complete entry for `ip` can be used without this cache's attention: its
   * expiry, or the moment it goes stale and must be probed.
   */
  usableUntil(ip: number): number {
    const r = this.get(ip)!;
    return r.probing || r.staleAt > r.expiresAt ? r.expiresAt : r.staleAt;
  }

  private set(ip: number, r: ArpRecord): void {
    this.forwarding.invalidate();
    this.records.set(ip, r);
    this.lastIp = ip;
    this.lastRecord = r;
  }

  private delete(ip: number): void {
    this.forwarding.invalidate();
    this.records.delete(ip);
    if (ip === this.lastIp) {
      this.lastIp = -1;
      this.lastRecord = undefined;
    }
  }

  private stopRetry(r: ArpRecord): void {
    r.token++;
    if (r.retry >= 0) {
      this.ctx.sched.cancel(r.retry, r.retrySeq);
      r.retry = -1;
    }
  }

  private startRound(r: ArpRecord, probing: boolean): void {
    this.forwarding.invalidate();
    r.probing = probing;
    r.attempts = 0;
    this.stopRetry(r);
    this.sendRound(r);
  }

  private sendRound(r: ArpRecord): void {
    r.attempts++;
    const sched = this.ctx.sched;
    const now = sched.now;
    // An incomplete entry's age counts from its last request.
    if (r.mac < 0) r.updatedAt = now;
    this.host.sendArpRequest(r.iface, r.ip, r.probing ? r.mac : BROADCAST_MAC);
    const { arpRetryInterval: retry, arpIncompleteAger: ager } = this.profile;
    // With an ager, the retry timer is the ager's first run that finds the entry old enough.
    const at = r.mac < 0 && ager > 0 ? Math.ceil((now + retry) / ager) * ager : now + retry;
    r.retry = sched.at(at, this, EV_RETRY, r, r.token, 0);
    r.retrySeq = sched.seqOf(r.retry);
  }
}
