/**
 * The IOS DHCP server's check that an address is free before it offers it: echo requests to
 * the address (`ip dhcp ping packets 2`, `ip dhcp ping timeout 500` ms by default); an answer
 * means another station has it. The first echo may go unanswered while the server resolves the
 * address with ARP, which is why IOS sends two.
 */
import type { EventTarget } from '../sim/scheduler.ts';
import type { IcmpEcho } from '../wire/icmp.ts';
import type { Ipv4Packet } from '../wire/ipv4.ts';
import { iosPingData } from '../wire/ping-data.ts';
import type { IpStack, ProbeClient } from './ip-stack.ts';

const PING_PACKETS = 2;
const PING_TIMEOUT = 500_000;

interface Check {
  readonly ip: number;
  /** Told whether the address answered, once. */
  readonly done: (inUse: boolean) => void;
  sent: number;
  /** The echo sequence number of its last request. */
  seq: number;
}

export class DhcpPingCheck implements ProbeClient, EventTarget {
  /** The echo identifier of its requests while checks run; -1 otherwise. */
  private echoId = -1;
  private seq = 0;
  private nextToken = 0;
  private readonly checks = new Map<number, Check>();

  constructor(private readonly stack: IpStack) {}

  /** Pings `ip`; `done` is told whether it answered. */
  start(ip: number, done: (inUse: boolean) => void): void {
    if (this.echoId < 0) {
      let id = 1 + this.stack.randomInt(0xfffe);
      while (this.stack.hasEchoClient(id)) id = (id % 0xffff) + 1;
      this.echoId = id;
      this.stack.registerEcho(id, this);
    }
    const token = ++this.nextToken;
    const check: Check = { ip, done, sent: 0, seq: 0 };
    this.checks.set(token, check);
    this.ping(check, token);
  }

  /** Whether a check of `ip` runs. */
  checking(ip: number): boolean {
    for (const c of this.checks.values()) if (c.ip === ip) return true;
    return false;
  }

  /** Every check ends unanswered and untold (the server stopped or forgot its state). */
  cancelAll(): void {
    this.checks.clear();
    this.release();
  }

  private ping(c: Check, token: number): void {
    c.sent++;
    c.seq = this.seq = (this.seq + 1) & 0xffff;
    const stamp = Math.floor(this.stack.now / 1000) >>> 0;
    this.stack.sendEcho(c.ip, this.echoId, c.seq, this.stack.profile.ttl, iosPingData(undefined, stamp));
    this.stack.scheduleIn(PING_TIMEOUT, this, 0, token);
  }

  onEvent(_code: number, _a: unknown, token: number): void {
    const c = this.checks.get(token);
    if (c === undefined) return;
    if (c.sent < PING_PACKETS) this.ping(c, token);
    else this.end(token, c, false);
  }

  onEchoReply(packet: Ipv4Packet, echo: IcmpEcho): void {
    for (const [token, c] of this.checks) {
      if (c.ip === packet.src && c.seq === echo.sequence) {
        this.end(token, c, true);
        return;
      }
    }
  }

  onIcmpError(): void {}
  onArpFailure(): void {}

  private end(token: number, c: Check, inUse: boolean): void {
    this.checks.delete(token);
    if (this.checks.size === 0) this.release();
    c.done(inUse);
  }

  private release(): void {
    if (this.echoId < 0) return;
    this.stack.unregisterEcho(this.echoId, this);
    this.echoId = -1;
  }
}
