/**
 * Yardstick for the engine benches: how fast the Linux kernel of this machine forwards frames.
 * A chain of router namespaces between two hosts (test/reference's reference networks) carries
 * a flood ping end to end; every frame crossing one cable is one hop, as in the engine's count.
 */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { KernelNetwork, probeNamespaces, removeLeftovers } from '../test/reference/kernel-net.ts';
import { routerChain } from '../test/reference/topologies.ts';
import { addressOf, hostsOf } from '../test/reference/topology.ts';

const execFileAsync = promisify(execFile);

const ROUTERS = 8;
const PACKETS = 20_000;
/** Upper bound on the flood, in seconds, so a stalled chain cannot hang the bench. */
const DEADLINE_S = 60;

export type KernelForwarding =
  | {
      readonly routers: number;
      readonly hops: number;
      readonly hopsPerSecond: number;
      readonly nsPerHop: number;
    }
  | { readonly skipped: string };

export async function measureKernelForwarding(
  routers = ROUTERS,
  packets = PACKETS,
): Promise<KernelForwarding> {
  const availability = probeNamespaces();
  if (!availability.ok) return { skipped: availability.reason };
  removeLeftovers();
  const topology = routerChain(routers);
  const [left, right] = hostsOf(topology);
  if (!left || !right) throw new Error('a chain has a host at each end');
  const target = addressOf(right.ip);
  const net = KernelNetwork.build(topology);
  try {
    if (!(await net.ping(left.name, target))) throw new Error(`${topology.name}: ${target} does not answer`);
    const { stdout } = await execFileAsync('ip', [
      ...['netns', 'exec', net.namespaceOf(left.name)],
      ...['ping', '-n', '-q', '-f', '-c', String(packets), '-w', String(DEADLINE_S), target],
    ]);
    // "20000 packets transmitted, 20000 received, 0% packet loss, time 1834ms"
    const m = /(\d+) received.*time (\d+)ms/.exec(stdout);
    if (!m) throw new Error(`unexpected ping summary: ${stdout}`);
    const received = Number(m[1]);
    const seconds = Number(m[2]) / 1000;
    const cables = routers + 1;
    const hops = received * cables * 2;
    const hopsPerSecond = hops / seconds;
    return { routers, hops, hopsPerSecond, nsPerHop: 1e9 / hopsPerSecond };
  } finally {
    net.destroy();
  }
}

let measured: Promise<KernelForwarding> | undefined;

/** `measureKernelForwarding()` once per process, shared by every bench that compares with it. */
function kernelForwarding(): Promise<KernelForwarding> {
  measured ??= measureKernelForwarding().catch((e: unknown) => ({ skipped: String(e) }));
  return measured;
}

/** The kernel's ns per hop, or why it could not be measured. */
export async function kernelNsPerHop(): Promise<number | string> {
  const r = await kernelForwarding();
  return 'skipped' in r ? r.skipped : r.nsPerHop;
}

export async function run(): Promise<string[]> {
  const r = await kernelForwarding();
  if ('skipped' in r) return [`kernel yardstick: skipped (${r.skipped})`];
  return [
    `kernel yardstick: ${r.routers}-router chain (${r.routers + 1} hops each way), ` +
      `${Math.round(r.hopsPerSecond).toLocaleString('en-US')} hops/s (${Math.round(r.nsPerHop)} ns/hop)`,
  ];
}
