/**
 * Builds a reference topology out of Linux network namespaces and measures its reachability
 * with the kernel's own ping. Every device is a namespace, so nothing touches the machine's
 * own network and deleting the namespaces removes every link and bridge.
 *
 * The kernel here has neither bridge VLAN filtering nor 802.1Q links, so a switch is a
 * namespace holding one plain bridge per VLAN; an access port is a veth in its VLAN's bridge;
 * a trunk is one veth pair per VLAN it carries, between the two switches' bridges of that VLAN
 * (untagged traffic rides the native VLAN 1); a dot1Q subinterface of a router is one veth into
 * its VLAN's bridge. Routers forward (ip_forward=1) without reverse-path filtering, as IOS does
 * without uRPF.
 */
import { execFile, execFileSync, spawnSync } from 'node:child_process';
import { promisify } from 'node:util';
import type { Reachability } from './matrix.ts';
import {
  addressOf,
  HOST_PORT,
  hostsOf,
  type RefDevice,
  type RefSwitch,
  type RefTopology,
} from './topology.ts';

const execFileAsync = promisify(execFile);

/** Namespaces made by this process are named `trm<pid>n<k>-<device>`. */
const NAME_SCHEME = /^trm(\d+)n\d+-/;
let networksMade = 0;

export type Availability = { readonly ok: true } | { readonly ok: false; readonly reason: string };

function ip(args: readonly string[]): string {
  try {
    return execFileSync('ip', args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  } catch (e) {
    const stderr = (e as { stderr?: string }).stderr?.trim() ?? String(e);
    throw new Error(`ip ${args.join(' ')}: ${stderr}`);
  }
}

function inNamespace(ns: string, command: readonly string[]): void {
  ip(['netns', 'exec', ns, ...command]);
}

const isRoot = (): boolean => process.getuid?.() === 0;

/** Whether namespaces, veth pairs, bridges and ping can be used here, and why not. */
export function probeNamespaces(): Availability {
  if (process.platform !== 'linux') return { ok: false, reason: 'network namespaces need Linux' };
  if (!isRoot()) return { ok: false, reason: 'creating network namespaces needs root' };
  for (const [tool, pkg] of [
    ['ip', 'iproute2'],
    ['ping', 'iputils-ping'],
  ] as const) {
    if (spawnSync(tool, ['-V']).error) return { ok: false, reason: `${tool} is missing (install ${pkg})` };
  }
  const probe = `trm${process.pid}n${networksMade++}-probe`;
  try {
    ip(['netns', 'add', probe]);
    ip(['-n', probe, 'link', 'add', 'br0', 'type', 'bridge']);
  } catch (e) {
    return { ok: false, reason: `cannot build a namespace with a bridge: ${(e as Error).message}` };
  } finally {
    spawnSync('ip', ['netns', 'del', probe]);
  }
  return { ok: true };
}

/**
 * Whether the kernel reference runs: it must wherever CI runs as root (a missing tool then
 * fails the run instead of hiding it); elsewhere it is skipped, with the reason, when unavailable.
 */
export function referencePolicy(): { readonly run: boolean; readonly availability: Availability } {
  const availability = probeNamespaces();
  return { run: availability.ok || (process.env['CI'] === 'true' && isRoot()), availability };
}

/** Deletes namespaces of this naming scheme left by a process that no longer exists. */
export function removeLeftovers(): void {
  const listed = spawnSync('ip', ['netns', 'list'], { encoding: 'utf8' }).stdout ?? '';
  for (const line of listed.split('\n')) {
    const name = line.split(' ')[0] ?? '';
    const m = NAME_SCHEME.exec(name);
    if (m && !processAlive(Number(m[1]))) spawnSync('ip', ['netns', 'del', name]);
  }
}

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Where one VLAN (or the untagged traffic) of a cable end lands in the kernel network. */
type Attachment =
  | { readonly ns: string; readonly bridge: string }
  | { readonly ns: string; readonly ifname: string; readonly cidr: string };

const UNTAGGED = 'untagged';
type Carried = number | typeof UNTAGGED;

const bridgeName = (vlan: number): string => `br${vlan}`;
/** "GigabitEthernet0/1" -> "gi0_1": a Linux interface name (at most 15 characters). */
const linuxName = (port: string): string =>
  port.slice(0, 2).toLowerCase() + port.replace(/^\D+/, '').replace(/\//g, '_');

export class KernelNetwork {
  private readonly namespaces: string[] = [];
  private readonly prefix = `trm${process.pid}n${networksMade++}-`;
  private readonly bridgePorts = new Map<string, number>();
  private readonly byName: Map<string, RefDevice>;

  private constructor(readonly topology: RefTopology) {
    this.byName = new Map(topology.devices.map((d) => [d.name, d]));
  }

  /** Builds the topology; on any failure, removes what was built and rethrows. */
  static build(topology: RefTopology): KernelNetwork {
    const net = new KernelNetwork(topology);
    try {
      net.create();
    } catch (e) {
      net.destroy();
      throw e;
    }
    return net;
  }

  /** The namespace that plays a device. */
  namespaceOf(device: string): string {
    if (!/^[A-Za-z0-9_-]+$/.test(device)) throw new Error(`device name unfit for a namespace: ${device}`);
    return this.prefix + device;
  }

  destroy(): void {
    for (const ns of this.namespaces.splice(0)) spawnSync('ip', ['netns', 'del', ns]);
  }

  /** For each ordered pair of hosts, whether one ping gets a reply, after one warm-up round. */
  async reachability(): Promise<Reachability> {
    const hosts = hostsOf(this.topology);
    const pairs = hosts.flatMap((a) => hosts.filter((b) => b !== a).map((b) => [a, b] as const));
    const round = () => Promise.all(pairs.map(([a, b]) => this.ping(a.name, addressOf(b.ip))));
    await round();
    const replies = await round();
    const matrix: Record<string, Record<string, boolean>> = {};
    pairs.forEach(([a, b], i) => {
      matrix[a.name] = { ...matrix[a.name], [b.name]: replies[i]! };
    });
    return matrix;
  }

  /** One bounded ping (`ping -c 1 -W 1`) from a device's namespace. */
  async ping(from: string, address: string): Promise<boolean> {
    const args = ['netns', 'exec', this.namespaceOf(from), 'ping', '-n', '-c', '1', '-W', '1', address];
    try {
      await execFileAsync('ip', args);
      return true;
    } catch (e) {
      // ping exits 1 without a reply and 2 when it cannot send (no route): both mean unreachable.
      const { code, stderr } = e as { code?: number; stderr?: string };
      if (code === 1 || code === 2) return false;
      throw new Error(`ip ${args.join(' ')}: ${stderr?.trim() ?? String(e)}`);
    }
  }

  private create(): void {
    for (const d of this.topology.devices) {
      const ns = this.namespaceOf(d.name);
      ip(['netns', 'add', ns]);
      this.namespaces.push(ns);
      ip(['-n', ns, 'link', 'set', 'lo', 'up']);
      const forward = d.kind === 'router' ? '1' : '0';
      inNamespace(ns, [
        'sysctl',
        '-q',
        '-w',
        `net.ipv4.ip_forward=${forward}`,
        'net.ipv4.conf.all.rp_filter=0',
        'net.ipv4.conf.default.rp_filter=0',
        'net.ipv6.conf.all.disable_ipv6=1',
        'net.ipv6.conf.default.disable_ipv6=1',
      ]);
      if (d.kind === 'switch') this.createBridges(d);
    }
    for (const [a, b] of this.topology.links) this.cable(a, b);
    for (const d of this.topology.devices) this.addRoutes(d);
  }

  private createBridges(s: RefSwitch): void {
    const ns = this.namespaceOf(s.name);
    for (const vlan of new Set([1, ...s.vlans])) {
      ip(['-n', ns, 'link', 'add', bridgeName(vlan), 'type', 'bridge', 'stp_state', '0']);
      ip(['-n', ns, 'link', 'set', bridgeName(vlan), 'up']);
    }
  }

  /** One veth pair for each VLAN (or untagged traffic) that both cable ends carry. */
  private cable(a: string, b: string): void {
    const ends = [this.attachments(a), this.attachments(b)] as const;
    for (const [carried, atA] of ends[0]) {
      const atB = ends[1].get(carried);
      if (atB) this.veth(atA, atB);
    }
  }

  private attachments(end: string): Map<Carried, Attachment> {
    const [device, port] = end.split(':') as [string, string | undefined];
    const d = this.byName.get(device);
    if (!d || port === undefined) throw new Error(`${this.topology.name}: bad cable end ${end}`);
    const ns = this.namespaceOf(device);
    const out = new Map<Carried, Attachment>();
    if (d.kind === 'pc') {
      if (port !== HOST_PORT) throw new Error(`${end}: a PC has only ${HOST_PORT}`);
      out.set(UNTAGGED, { ns, ifname: 'eth0', cidr: d.ip });
    } else if (d.kind === 'switch') {
      const mode = d.ports[port] ?? { access: 1 };
      if ('access' in mode) {
        out.set(UNTAGGED, { ns, bridge: bridgeName(mode.access) });
      } else {
        out.set(UNTAGGED, { ns, bridge: bridgeName(1) });
        for (const vlan of mode.trunk)
          if (d.vlans.includes(vlan)) out.set(vlan, { ns, bridge: bridgeName(vlan) });
      }
    } else {
      const itf = d.interfaces[port];
      if (itf?.ip) out.set(UNTAGGED, { ns, ifname: linuxName(port), cidr: itf.ip });
      for (const [vlan, cidr] of Object.entries(itf?.vlans ?? {})) {
        out.set(Number(vlan), { ns, ifname: `${linuxName(port)}.${vlan}`, cidr });
      }
    }
    return out;
  }

  private veth(a: Attachment, b: Attachment): void {
    const nameA = this.endName(a);
    const nameB = this.endName(b);
    ip(['-n', a.ns, 'link', 'add', nameA, 'type', 'veth', 'peer', 'name', nameB, 'netns', b.ns]);
    for (const [at, name] of [
      [a, nameA],
      [b, nameB],
    ] as const) {
      if ('bridge' in at) ip(['-n', at.ns, 'link', 'set', name, 'master', at.bridge]);
      else ip(['-n', at.ns, 'addr', 'add', at.cidr, 'dev', name]);
      ip(['-n', at.ns, 'link', 'set', name, 'up']);
    }
  }

  private endName(at: Attachment): string {
    if (!('bridge' in at)) return at.ifname;
    const n = (this.bridgePorts.get(at.ns) ?? 0) + 1;
    this.bridgePorts.set(at.ns, n);
    return `p${n}`;
  }

  private addRoutes(d: RefDevice): void {
    const ns = this.namespaceOf(d.name);
    if (d.kind === 'pc' && d.gateway) ip(['-n', ns, 'route', 'add', 'default', 'via', d.gateway]);
    if (d.kind === 'router') for (const r of d.routes) ip(['-n', ns, 'route', 'add', r.prefix, 'via', r.via]);
  }
}

/** Builds a topology, measures its reachability, and always removes it. */
export async function kernelReachability(topology: RefTopology): Promise<Reachability> {
  const net = KernelNetwork.build(topology);
  try {
    return await net.reachability();
  } finally {
    net.destroy();
  }
}
