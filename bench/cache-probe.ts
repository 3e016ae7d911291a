/**
 * What `bench/callgrind.sh` runs under valgrind: a warm campus network with its PCs pinging
 * back to back, with callgrind counting only while the echoes run (`callgrind_control -i`), so
 * the build, the warm-up and the compiler's first passes stay out of the counts.
 *
 * Usage: node bin/run-ts.mjs bench/cache-probe.ts DEVICES [FLOWS] [HOPS]
 * (FLOWS: how many PCs ping, all by default; HOPS: about how many hops to count).
 * Alone, without valgrind, it prints the same lines, uncounted.
 */
import { execFileSync } from 'node:child_process';
import { buildCampus, converge, drain, hopsSoFar, ping, total } from './campus.ts';

const devices = Number(process.argv[2] ?? 1000);
const maxFlows = Number(process.argv[3] ?? Number.POSITIVE_INFINITY);
/**
 * Hops to count: by default about twenty echoes per pinging PC and at least 200,000. A flow's
 * own objects (its PC, ping and frames) are read once per echo: counted over only one or two
 * echoes, their first reads after the build would be most of the misses, and the counts
 * would describe a cold network rather than one that has been forwarding for a while.
 */
const hopsArg = process.argv[4];

// A small network first, so that the engine's code is optimized before the measured one is built.
const warm = buildCampus(100);
converge(warm);
ping(warm, warm.flows, 300);
drain(warm);

const c = buildCampus(devices);
converge(c);
const step = Math.max(1, Math.floor(c.flows.length / Math.min(maxFlows, c.flows.length)));
const flows = c.flows.filter((_, i) => i % step === 0).slice(0, maxFlows);
// About 12 hops per echo and its reply in the campus; half of them warm the caches and tables.
const hops = hopsArg === undefined ? Math.max(200_000, flows.length * 240) : Number(hopsArg);
const perFlow = Math.max(1, Math.round(hops / (flows.length * 12)));
ping(c, flows, Math.max(1, Math.round(perFlow / 2)));
drain(c);
ping(c, flows, perFlow);

const counting = process.env.CALLGRIND === '1';
const before = hopsSoFar(c);
// Collect the garbage the build and the count above left, so no collection of the probe's own
// objects falls in the counted window (node --expose-gc; absent, nothing happens).
(globalThis as { gc?: () => void }).gc?.();
if (counting) execFileSync('callgrind_control', ['-i', 'on', String(process.pid)]);
const events = drain(c);
if (counting) execFileSync('callgrind_control', ['-i', 'off', String(process.pid)]);
const after = hopsSoFar(c);
const counted = total(after) - total(before);
console.log(`devices ${c.devices} flows ${flows.length} events ${events} hops ${counted}`);
