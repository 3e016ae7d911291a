/**
 * The ping application: ICMP echo requests one after the other, each waiting for its reply, an
 * ICMP error about it, or its timeout; the next one leaves `interval` after that outcome.
 *
 * Windows ping.exe: 32 data bytes ("abcdefghijklmnopqrstuvwabcdefghi"), identifier 1 and a
 * sequence number that keeps counting across runs, 4 s timeout, a local failure reported at
 * once ("PING: transmit failed. General failure."). Cisco IOS: 100-byte datagrams with the
 * 0xABCD pattern, a fresh identifier per run, sequence from 0, 2 s timeout, and a datagram it
 * cannot route simply times out (".").
 */

import type { Ipv4Addr } from '../../shared/ipv4.ts';
import type { Micros } from '../../shared/time.ts';
import { seconds } from '../../shared/time.ts';
import type { PingOptions, ProbeOutcome, ProbeResult } from '../api.ts';
import type { IpStack, ProbeClient, SendStatus } from '../device/ip-stack.ts';
import { SEND_NO_ADDRESS, SEND_OK } from '../device/ip-stack.ts';
import type { EventTarget } from '../sim/scheduler.ts';
import type { Timer } from '../sim/timer.ts';
import type { IcmpEcho, IcmpError } from '../wire/icmp.ts';
import type { Ipv4Packet } from '../wire/ipv4.ts';
import { iosPingData, windowsPingData } from '../wire/ping-data.ts';
import { withStop } from './job-stop.ts';
import { localFailure } from './local-failure.ts';
import { ProbeLog } from './probe-log.ts';

/** Windows echo data depends only on its size; pings share it (frames are never mutated). */
const windowsData = new Map<number, Uint8Array>();
function sharedWindowsData(size: number): Uint8Array {
  let data = windowsData.get(size);
  if (data === undefined) {
    data = windowsPingData(size);
    windowsData.set(size, data);
  }
  return data;
}

const EV_TIMEOUT = 1;
const EV_NEXT = 2;

/**
 * What the caller sees, updated in place: plain data (it may cross a worker boundary; `results`
 * is an enumerable getter, so copies and JSON include it).
 */
interface PingProgress {
  done: boolean;
  readonly target: Ipv4Addr;
  readonly results: readonly ProbeResult[];
}

export class PingApp implements ProbeClient, EventTarget {
  // Declared first, next to the object's header: a constructor parameter declared as a
  // property would land after all the fields below. Each echo reads only this object, its
  // log and its timer: what it needs of the options is copied here, and `stopped` mirrors
  // `job.done` (the job and the options are objects of their own, a cache line each).
  private readonly stack: IpStack;
  private readonly target: Ipv4Addr;
  private readonly log = new ProbeLog();
  private readonly identifier: number;
  private readonly data: Uint8Array | null;
  private sent = 0;
  private seq = 0;
  private sentAt = 0;
  private waiting = false;
  /** Set by `stop`, with `job.done`. */
  private stopped = false;
  private token = 0;
  private readonly timeout: Timer;
  private readonly interval: number;
  private readonly dataLen: number;
  private readonly count: number;
  private readonly timeoutAfter: number;
  private readonly ttl: number;
  private readonly source: Ipv4Addr | undefined;
  /** `PingOptions.allReplies`, and how many replies the current probe has had. */
  private readonly allReplies: boolean;
  private replies = 0;
  private readonly dontFragment: boolean;
  readonly job: PingProgress & { stop(): void };

  constructor(stack: IpStack, target: Ipv4Addr, options: PingOptions) {
    this.stack = stack;
    this.target = target;
    this.count = options.count;
    this.timeoutAfter = options.timeout;
    this.ttl = options.ttl ?? stack.profile.ttl;
    this.source = options.source;
    this.allReplies = options.allReplies === true;
    this.dontFragment = options.dontFragment === true;
    const log = this.log;
    this.job = withStop(
      {
        done: false,
        target,
        get results() {
          return log.results();
        },
      },
      () => this.stop(),
    );
    const windows = stack.profile.os === 'windows';
    let id = windows ? 1 : 1 + stack.randomInt(0xfffe);
    while (stack.hasEchoClient(id)) id = (id % 0xffff) + 1;
    this.identifier = id;
    this.timeout = stack.timer(this, EV_TIMEOUT);
    this.interval = options.interval ?? (windows ? seconds(1) : 0);
    const dataLen = options.sizeIsDatagram ? Math.max(0, options.size - 28) : options.size;
    // IOS stamps each echo with its clock, so its data is built per probe.
    this.data = windows ? sharedWindowsData(dataLen) : null;
    this.dataLen = dataLen;
    stack.registerEcho(id, this);
  }

  start(): void {
    this.sendNext();
  }

  stop(): void {
    if (this.stopped) return;
    this.stopped = true;
    this.job.done = true;
    this.waiting = false;
    this.token++;
    this.timeout.cancel();
    this.stack.unregisterEcho(this.identifier, this);
  }

  onEvent(code: number, _a: unknown, token: number): void {
    if (this.stopped) return;
    if (code === EV_TIMEOUT) {
      if (!this.waiting || token !== this.token) return;
      if (this.replies > 0) this.next();
      else this.finish({ kind: 'timeout' });
    } else if (token === this.token) this.sendNext();
  }

  onEchoReply(packet: Ipv4Packet, echo: IcmpEcho): void {
    if (!this.waiting || echo.sequence !== this.seq) return;
    const now = this.stack.now;
    this.log.addReply(now, packet.src, echo.data.length, now - this.sentAt, packet.ttl, this.sent - 1);
    if (this.allReplies) this.replies++;
    else this.next();
  }

  onIcmpError(packet: Ipv4Packet, error: IcmpError, quoted: Ipv4Packet): void {
    const q = quoted.payload as IcmpEcho;
    if (!this.waiting || q.sequence !== this.seq) return;
    const rtt = (this.stack.now - this.sentAt) as Micros;
    if (error.type === 11) this.finish({ kind: 'ttl-exceeded', from: packet.src, code: error.code, rtt });
    else this.finish({ kind: 'unreachable', from: packet.src, code: error.code, rtt });
  }

  onArpFailure(quoted: Ipv4Packet): void {
    const q = quoted.payload as IcmpEcho;
    if (!this.waiting || q.sequence !== this.seq) return;
    this.finish({ kind: 'unreachable', from: quoted.src, code: 1 });
  }

  private sendNext(): void {
    if (this.sent >= this.count) {
      this.stop();
      return;
    }
    const windows = this.stack.profile.os === 'windows';
    // Windows keeps one echo sequence counter for the whole machine.
    this.seq = windows ? this.stack.nextEchoSequence() : this.sent;
    this.sent++;
    this.sentAt = this.stack.now;
    this.replies = 0;
    this.waiting = true;
    this.token++;
    const data = this.data ?? iosPingData(this.dataLen, Math.floor(this.stack.now / 1000) >>> 0);
    let status: SendStatus;
    const source = this.source;
    if (source !== undefined && !this.stack.isOwn(source)) status = SEND_NO_ADDRESS;
    else {
      status = this.stack.sendEcho(
        this.target,
        this.identifier,
        this.seq,
        this.ttl,
        data,
        source,
        this.dontFragment,
      );
    }
    if (status !== SEND_OK && !this.stack.profile.localErrorsWait) {
      this.finish(localFailure(status));
      return;
    }
    this.timeout.set(this.sentAt + this.timeoutAfter, null, this.token);
  }

  private finish(outcome: ProbeOutcome): void {
    this.log.add(this.stack.now, outcome, this.sent - 1);
    this.next();
  }

  /** The current probe has its outcome: on to the next one, or done. */
  private next(): void {
    this.waiting = false;
    this.token++;
    // The next probe sets it again; `stop` removes it for good.
    this.timeout.disarm();
    if (this.sent >= this.count) {
      this.stop();
      return;
    }
    this.stack.scheduleIn(this.interval, this, EV_NEXT, this.token);
  }
}
