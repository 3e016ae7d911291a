/**
 * Engine throughput and build cost on generated campus networks (DESIGN.md §6), in Node; see
 * campus.ts for the networks and their load, browser-engine.bench.ts for the same in Chromium.
 *
 * Reports hops (frames delivered to a port) per second of process CPU time with the trace
 * disabled, ns per hop, the ratio to the kernel yardstick when it can run, the share of time
 * spent collecting garbage, and the time and heap to build a 1,000-device network and converge
 * its ARP and MAC tables.
 */
import { PerformanceObserver } from 'node:perf_hooks';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import type { Micros } from '../src/shared/time.ts';
import { seconds } from '../src/shared/time.ts';
import type { Load } from './campus.ts';
import { buildCampus, converge, fastest, loadLine, pingLoad, SERIES } from './campus.ts';
import { kernelNsPerHop } from './kernel-yardstick.ts';

interface Throughput {
  readonly load: Load;
  /** CPU seconds of this process while the simulation ran. */
  readonly seconds: number;
  readonly gcShare: number;
}

async function throughput(target: number, targetHops: number, maxFlows = Infinity): Promise<Throughput> {
  let seconds = 0;
  let gcShare = 0;
  const load = await pingLoad(target, targetHops, maxFlows, async (run) => {
    await settleGc();
    const gcBefore = gcMs;
    const cpu0 = process.cpuUsage();
    run();
    const cpu = process.cpuUsage(cpu0);
    seconds = (cpu.user + cpu.system) / 1e6;
    await settleGc();
    gcShare = (gcMs - gcBefore) / 1000 / seconds;
  });
  return { load, seconds, gcShare };
}

// Garbage-collection time from the performance timeline (milliseconds); entries arrive
// asynchronously, hence `settleGc` before reading.
let gcMs = 0;
const gcObserver = new PerformanceObserver((list) => {
  for (const e of list.getEntries()) gcMs += e.duration;
});
gcObserver.observe({ entryTypes: ['gc'] });
const settleGc = () => new Promise((resolve) => setTimeout(resolve, 0));

/** Wall-clock time to build a network and converge it (GC helper threads would inflate CPU time). */
function buildTime(target: number): { ms: number; devices: number } {
  const t0 = process.hrtime.bigint();
  const c = buildCampus(target);
  converge(c);
  return { ms: Number(process.hrtime.bigint() - t0) / 1e6, devices: c.devices };
}

/**
 * Heap retained per device: what a full collection frees when the network is dropped. Run last: without --expose-gc at
 * start-up, turning it on now makes V8 throw away optimized code, which would skew any timing
 * after it.
 */
function heapPerDevice(target: number): number {
  let gc = (globalThis as { gc?: () => void }).gc;
  if (gc === undefined) {
    setFlagsFromString('--expose_gc');
    gc = runInNewContext('gc') as () => void;
  }
  // What the network holds is what a collection frees once it is gone: measured that way, a
  // network an earlier line left for the collector cannot count against this one.
  const { heap, devices } = builtHeap(target, gc);
  gc();
  return (heap - process.memoryUsage().heapUsed) / devices;
}

/** The heap in use with a network of `target` devices built and converged, after a collection. */
function builtHeap(target: number, gc: () => void): { heap: number; devices: number } {
  const c = buildCampus(target);
  converge(c);
  gc();
  return { heap: process.memoryUsage().heapUsed, devices: c.devices };
}

/**
 * Wall time of one sample of every interface's rates, which the simulation takes every 5
 * seconds of virtual time in which anything ran (load-rates.ts): the median of five, each
 * after one echo on an otherwise idle network of about `target` devices.
 */
function sampleMs(target: number): number {
  const c = buildCampus(target);
  converge(c);
  const [from, to] = c.flows[0]!;
  const times: number[] = [];
  for (let i = 0; i < 5; i++) {
    c.sim.ping(from, to, { count: 1, timeout: seconds(1), size: 32, interval: 0 as Micros });
    const t0 = process.hrtime.bigint();
    c.sim.runUntil((c.sim.now() + seconds(5)) as Micros);
    times.push(Number(process.hrtime.bigint() - t0) / 1e6);
  }
  return times.sort((a, b) => a - b)[2]!;
}

const fmt = (n: number): string => Math.round(n).toLocaleString('en-US');

function throughputLine(r: Throughput, kernelNs: number | undefined): string {
  return loadLine('engine', r.load, r.seconds, kernelNs, ` CPU, GC ${(r.gcShare * 100).toFixed(1)} %`);
}

export async function run(): Promise<string[]> {
  const lines: string[] = [];
  const kernel = await kernelNsPerHop();
  const kernelNs = typeof kernel === 'number' ? kernel : undefined;
  // Warm the JIT up on a small network first.
  await throughput(100, 300_000);
  for (const { target, maxFlows, runs } of SERIES) {
    const best = await fastest(runs, () => throughput(target, 1_500_000, maxFlows));
    lines.push(throughputLine(best, kernelNs));
  }
  lines.push(
    `engine rates sample, every interface: ${[1_000, 10_000]
      .map((n) => `${sampleMs(n).toFixed(1)} ms at ${n === 1_000 ? '1,011' : '10,029'} devices`)
      .join(', ')} (median of 5)`,
  );
  // Best of five: the machine is shared.
  const builds = Array.from({ length: 5 }, () => buildTime(1_000));
  const times = builds.map((b) => b.ms);
  const heap = heapPerDevice(1_000);
  lines.push(
    `engine build+converge ${fmt(builds[0]!.devices)} devices: ${Math.min(...times).toFixed(1)} ms (best of 5; all: ` +
      `${times.map((t) => t.toFixed(0)).join(', ')} ms), ${(heap / 1024).toFixed(1)} KB heap/device`,
  );
  if (kernelNs === undefined) lines.push(`kernel yardstick skipped: ${kernel}`);
  else lines.push(`kernel yardstick: ${kernelNs.toFixed(0)} ns/hop`);
  return lines;
}
