/**
 * A ping job's outcomes, as `PingJob.results` shows them.
 *
 * A long ping (IOS `repeat 100000`, or a lab left pinging) would keep two objects and two
 * boxed numbers per echo for the garbage collector to copy and trace again and again. Replies,
 * nearly every outcome, are kept here as numbers in a typed array, which the collector never
 * looks into; other outcomes as they are. Result objects are built when someone reads them,
 * once each: the array `results` returns grows in place like a plain one.
 */
import type { Ipv4Addr } from '../../shared/ipv4.ts';
import type { Micros } from '../../shared/time.ts';
import type { ProbeOutcome, ProbeResult } from '../api.ts';

/** Numbers per outcome: when it became known, and a reply's source, size, round trip and TTL. */
const AT = 0;
const FROM = 1;
const BYTES = 2;
const RTT = 3;
const TTL = 4;
/** The probe it answers: several replies may answer one (a ping to a broadcast address). */
const PROBE = 5;
const STRIDE = 6;

export class ProbeLog {
  private nums = new Float64Array(8 * STRIDE);
  /** Outcomes other than replies, by position. */
  private readonly others = new Map<number, ProbeOutcome>();
  private count = 0;
  private readonly built: ProbeResult[] = [];

  get length(): number {
    return this.count;
  }

  addReply(at: number, from: Ipv4Addr, bytes: number, rtt: number, ttl: number, probe: number): void {
    const base = this.slot();
    const nums = this.nums;
    nums[base + PROBE] = probe;
    nums[base + AT] = at;
    nums[base + FROM] = from;
    nums[base + BYTES] = bytes;
    nums[base + RTT] = rtt;
    nums[base + TTL] = ttl;
  }

  add(at: number, outcome: ProbeOutcome, probe: number): void {
    if (outcome.kind === 'reply') {
      this.addReply(at, outcome.from, outcome.bytes, outcome.rtt, outcome.ttl, probe);
      return;
    }
    this.others.set(this.count, outcome);
    const base = this.slot();
    this.nums[base + AT] = at;
    this.nums[base + PROBE] = probe;
  }

  /** Every outcome so far, in order. */
  results(): readonly ProbeResult[] {
    const built = this.built;
    for (let i = built.length; i < this.count; i++) {
      const base = i * STRIDE;
      const nums = this.nums;
      const outcome: ProbeOutcome = this.others.get(i) ?? {
        kind: 'reply',
        from: nums[base + FROM]! as Ipv4Addr,
        bytes: nums[base + BYTES]!,
        rtt: nums[base + RTT]! as Micros,
        ttl: nums[base + TTL]!,
      };
      built.push({ seq: nums[base + PROBE]!, at: nums[base + AT]! as Micros, outcome });
    }
    return built;
  }

  private slot(): number {
    const base = this.count * STRIDE;
    if (base === this.nums.length) {
      const grown = new Float64Array(this.nums.length * 2);
      grown.set(this.nums);
      this.nums = grown;
    }
    this.count++;
    return base;
  }
}
