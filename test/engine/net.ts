/**
 * A small test-network builder: devices from structured configs (what the IOS parser produces),
 * cables by "Device:Port" names, and helpers that run pings and traceroutes to completion.
 */
import type {
  PingJob,
  PingOptions,
  ProbeOutcome,
  Simulation,
  SimulationOptions,
  TracerouteJob,
  TracerouteOptions,
} from '../../src/engine/api.ts';
import { createSimulation } from '../../src/engine/simulation.ts';
import type { ArpPacket } from '../../src/engine/wire/arp.ts';
import type {
  DeviceConfig,
  HostConfig,
  InterfaceConfig,
  PortSecurityConfig,
  StaticMac,
  StaticRoute,
  SwitchportConfig,
} from '../../src/shared/config.ts';
import { DEFAULT_PORT_SECURITY, DEFAULT_SWITCHPORT, defaultDeviceConfig } from '../../src/shared/config.ts';
import type { ChannelMode, LoadBalanceMethod } from '../../src/shared/etherchannel.ts';
import { deviceId, linkId } from '../../src/shared/ids.ts';
import type { Ipv4Addr } from '../../src/shared/ipv4.ts';
import { parseAssignment, parseIpv4, parsePrefix } from '../../src/shared/ipv4.ts';
import type { SwitchModel } from '../../src/shared/models.ts';
import type { DeviceKind } from '../../src/shared/ports.ts';
import { formatInterfaceName, parseInterfaceName } from '../../src/shared/ports.ts';
import type { PortStpConfig, SpanningTreeConfig } from '../../src/shared/spanning-tree.ts';
import type { Micros } from '../../src/shared/time.ts';
import { ms, seconds } from '../../src/shared/time.ts';
import { parseVlanList } from '../../src/shared/vlans.ts';

/** Longer than a PC takes to probe for and announce its address (windows-dad.ts). */
export const SETTLE_TIME = seconds(5);

export const ip = (s: string): Ipv4Addr => {
  const a = parseIpv4(s);
  if (a === undefined) throw new Error(`bad address ${s}`);
  return a;
};

/** "Gi0/0" -> "GigabitEthernet0/0", "g0/0.10" -> "GigabitEthernet0/0.10", "vlan 10" -> "Vlan10". */
export function fullName(short: string): string {
  const n = parseInterfaceName(short);
  if (n === undefined) throw new Error(`bad interface name ${short}`);
  return formatInterfaceName(n);
}

export interface IfSpec {
  readonly ip?: string;
  readonly shutdown?: boolean;
  readonly proxyArp?: boolean;
  /** `no ip unreachables` when false. */
  readonly unreachables?: boolean;
  /** `no ip redirects` when false. */
  readonly redirects?: boolean;
  /** `arp timeout N`, seconds. */
  readonly arpTimeout?: number;
  /** Subinterfaces: `encapsulation dot1Q N`, or "N native". */
  readonly dot1q?: number | `${number} native`;
}

export interface RouterSpec {
  readonly interfaces?: Readonly<Record<string, IfSpec>>;
  /**
   * "10.0.0.0/8 via 1.2.3.4", "10.0.0.0/8 dev Gi0/1", "10.0.0.0/8 via 1.2.3.4 dev Gi0/1 ad 5",
   * each optionally followed by " permanent".
   */
  readonly routes?: readonly string[];
  readonly ipRouting?: boolean;
  readonly defaultGateway?: string;
}

export interface SwitchPortSpec {
  readonly mode?: SwitchportConfig['mode'];
  readonly access?: number;
  readonly native?: number;
  readonly allowed?: string;
  readonly nonegotiate?: boolean;
  readonly shutdown?: boolean;
  /** Port security, on unless `enabled: false`, with the IOS defaults for what is left out. */
  readonly security?: Partial<PortSecurityConfig>;
  /** `spanning-tree ...` on the port. */
  readonly stp?: PortStpConfig;
  /** `channel-group N mode M`, as "N M" ("1 active"). */
  readonly channel?: string;
  /** `speed 10|100|1000`. */
  readonly speed?: 10 | 100 | 1000;
}

export interface SwitchSpec {
  readonly vlans?: readonly number[];
  readonly ports?: Readonly<Record<string, SwitchPortSpec>>;
  /** `interface Port-channelN` by group: its switchport settings (its `channel` is ignored). */
  readonly portChannels?: Readonly<Record<number, SwitchPortSpec>>;
  /** `port-channel load-balance M`. */
  readonly loadBalance?: LoadBalanceMethod;
  /** `mac address-table static ...`. */
  readonly staticMacs?: readonly StaticMac[];
  /** SVIs by VLAN: address, or { ip, shutdown }. */
  readonly svis?: Readonly<Record<number, string | IfSpec>>;
  /** Routed ports (`no switchport`, a multilayer switch's) by name: address, or { ip, shutdown }. */
  readonly routed?: Readonly<Record<string, string | IfSpec>>;
  readonly defaultGateway?: string;
  readonly ipRouting?: boolean;
  readonly routes?: readonly string[];
  /**
   * `spanning-tree ...` global settings. Without them a test switch runs no spanning tree
   * (`no spanning-tree vlan` for each of its VLANs), so that tests of other features see their
   * own frames only, and ports that come up forward at once.
   */
  readonly stp?: SpanningTreeConfig;
}

export function parseRoute(text: string): StaticRoute {
  const m = /^(\S+)(?: via (\S+))?(?: dev (\S+))?(?: ad (\d+))?( permanent)?$/.exec(text);
  const prefix = m && parsePrefix(m[1]!);
  if (!m || !prefix) throw new Error(`bad route ${text}`);
  return {
    prefix,
    ...(m[2] !== undefined ? { nextHop: ip(m[2]) } : {}),
    ...(m[3] !== undefined ? { exitInterface: fullName(m[3]) } : {}),
    distance: m[4] !== undefined ? Number(m[4]) : 1,
    ...(m[5] !== undefined ? { permanent: true as const } : {}),
  };
}

function ifConfig(base: InterfaceConfig | undefined, spec: IfSpec): InterfaceConfig {
  const assignment = spec.ip === undefined ? undefined : parseAssignment(spec.ip);
  if (spec.ip !== undefined && assignment === undefined) throw new Error(`bad address ${spec.ip}`);
  let dot1q: InterfaceConfig['dot1q'];
  if (spec.dot1q !== undefined) {
    const [vlan, native] = String(spec.dot1q).split(' ');
    dot1q = { vlan: Number(vlan), native: native === 'native' };
  }
  return {
    ...(base ?? { shutdown: false, proxyArp: true }),
    shutdown: spec.shutdown ?? false,
    proxyArp: spec.proxyArp ?? true,
    ...(spec.unreachables !== undefined ? { unreachables: spec.unreachables } : {}),
    ...(spec.redirects !== undefined ? { redirects: spec.redirects } : {}),
    ...(spec.arpTimeout !== undefined ? { arpTimeout: spec.arpTimeout } : {}),
    ...(assignment !== undefined ? { ip: assignment } : {}),
    ...(dot1q !== undefined ? { dot1q } : {}),
  };
}

export function routerConfig(name: string, spec: RouterSpec = {}): DeviceConfig {
  const base = defaultDeviceConfig('router', name);
  const interfaces: Record<string, InterfaceConfig> = { ...base.interfaces };
  for (const [short, s] of Object.entries(spec.interfaces ?? {})) {
    const full = fullName(short);
    interfaces[full] = ifConfig(interfaces[full], s);
  }
  return {
    ...base,
    interfaces,
    ipRouting: spec.ipRouting ?? true,
    ...(spec.defaultGateway !== undefined ? { defaultGateway: ip(spec.defaultGateway) } : {}),
    staticRoutes: (spec.routes ?? []).map(parseRoute),
  };
}

export function switchConfig(name: string, spec: SwitchSpec = {}): DeviceConfig {
  const base = defaultDeviceConfig('switch', name);
  const interfaces: Record<string, InterfaceConfig> = { ...base.interfaces };
  const ports = [
    ...Object.entries(spec.portChannels ?? {}).map(([group, s]) => [`Port-channel${group}`, s] as const),
    ...Object.entries(spec.ports ?? {}),
  ];
  for (const [short, s] of ports) {
    const full = fullName(short);
    const allowed = s.allowed === undefined ? DEFAULT_SWITCHPORT.allowedVlans : parseVlanList(s.allowed);
    if (allowed === undefined) throw new Error(`bad VLAN list ${s.allowed}`);
    const [group, mode] = (s.channel ?? '').split(' ');
    interfaces[full] = {
      shutdown: s.shutdown ?? false,
      proxyArp: true,
      ...(s.channel !== undefined && !full.startsWith('Port-channel')
        ? { channelGroup: { id: Number(group), mode: mode as ChannelMode } }
        : {}),
      ...(s.speed !== undefined ? { speed: s.speed } : {}),
      switchport: {
        mode: s.mode ?? DEFAULT_SWITCHPORT.mode,
        accessVlan: s.access ?? 1,
        nativeVlan: s.native ?? 1,
        allowedVlans: allowed,
        nonegotiate: s.nonegotiate ?? false,
        ...(s.security !== undefined
          ? { portSecurity: { ...DEFAULT_PORT_SECURITY, enabled: true, ...s.security } }
          : {}),
        ...(s.stp !== undefined ? { stp: s.stp } : {}),
      },
    };
  }
  for (const [vlan, s] of Object.entries(spec.svis ?? {})) {
    const full = `Vlan${vlan}`;
    interfaces[full] = ifConfig(interfaces[full], typeof s === 'string' ? { ip: s } : s);
  }
  for (const [short, s] of Object.entries(spec.routed ?? {}))
    interfaces[fullName(short)] = ifConfig(undefined, typeof s === 'string' ? { ip: s } : s);
  const vlans = [1, ...(spec.vlans ?? [])].sort((a, b) => a - b).map((id) => ({ id }));
  return {
    ...base,
    interfaces,
    vlans,
    ipRouting: spec.ipRouting ?? false,
    ...(spec.defaultGateway !== undefined ? { defaultGateway: ip(spec.defaultGateway) } : {}),
    staticRoutes: (spec.routes ?? []).map(parseRoute),
    spanningTree: spec.stp ?? { vlans: vlans.map(({ id }) => ({ vlan: id, disabled: true as const })) },
    ...(spec.loadBalance !== undefined ? { loadBalance: spec.loadBalance } : {}),
    ...(spec.staticMacs !== undefined ? { staticMacs: spec.staticMacs } : {}),
  };
}

export const WINDOWS_PING: PingOptions = { count: 4, timeout: seconds(4), size: 32, interval: seconds(1) };
export const IOS_PING: PingOptions = {
  count: 5,
  timeout: seconds(2),
  size: 100,
  sizeIsDatagram: true,
  interval: 0 as Micros,
};
export const WINDOWS_TRACERT: TracerouteOptions = {
  maxTtl: 30,
  probesPerHop: 3,
  timeout: seconds(4),
  probe: 'icmp',
};
export const IOS_TRACEROUTE: TracerouteOptions = {
  maxTtl: 30,
  probesPerHop: 3,
  timeout: seconds(3),
  probe: 'udp',
};

export class TestNet {
  readonly sim: Simulation;
  private readonly kinds = new Map<string, DeviceKind>();
  private links = 0;

  constructor(options: SimulationOptions = { seed: 7 }) {
    this.sim = createSimulation(options);
  }

  kind(name: string): DeviceKind {
    const k = this.kinds.get(name);
    if (k === undefined) throw new Error(`no device ${name}`);
    return k;
  }

  router(name: string, spec: RouterSpec = {}): this {
    this.add(name, 'router');
    this.sim.configure(deviceId(name), routerConfig(name, spec));
    return this;
  }

  switch(name: string, spec: SwitchSpec = {}, model?: SwitchModel): this {
    this.add(name, 'switch', model);
    this.sim.configure(deviceId(name), switchConfig(name, spec));
    return this;
  }

  /** The structured configuration for `spec` on device `name` (router or switch). */
  config(name: string, spec: RouterSpec | SwitchSpec): DeviceConfig {
    return this.kind(name) === 'router'
      ? routerConfig(name, spec as RouterSpec)
      : switchConfig(name, spec as SwitchSpec);
  }

  /** Replaces a router's or switch's whole configuration. */
  reconfigure(name: string, spec: RouterSpec | SwitchSpec): this {
    this.sim.configure(deviceId(name), this.config(name, spec));
    return this;
  }

  pc(name: string, address?: string, gateway?: string): this {
    this.add(name, 'pc');
    this.host(name, address, gateway);
    return this;
  }

  /** A server with `config` as its settings (address, DNS records...). */
  server(name: string, config: HostConfig): this {
    this.add(name, 'server');
    this.sim.configureHost(deviceId(name), config);
    return this;
  }

  /** Re-applies a PC's IP settings. */
  host(name: string, address?: string, gateway?: string): this {
    const a = address === undefined ? undefined : parseAssignment(address);
    this.sim.configureHost(deviceId(name), {
      ...(a !== undefined ? { ip: a } : {}),
      ...(gateway !== undefined ? { gateway: ip(gateway) } : {}),
    });
    return this;
  }

  /** Cables "R1:Gi0/0" to "S1:Fa0/1"; returns the link id. */
  link(a: string, b: string): string {
    const id = `L${++this.links}`;
    this.sim.connect(linkId(id), this.ref(a), this.ref(b));
    return id;
  }

  private ref(s: string) {
    const [device, port] = s.split(':') as [string, string];
    return { device: deviceId(device), port: fullName(port) };
  }

  private add(name: string, kind: DeviceKind, model?: SwitchModel): void {
    this.kinds.set(name, kind);
    this.sim.addDevice(deviceId(name), kind, name, model);
  }

  /** Advances virtual time by `us` microseconds, processing everything due. */
  /**
   * Lets the announcements of a network just built go by: routers' gratuitous ARP as their
   * interfaces come up, PCs' probes for their addresses (RFC 5227, about 4 s).
   */
  settle(): this {
    this.run(SETTLE_TIME);
    return this;
  }

  run(us: number): void {
    const end = this.sim.now() + us;
    while (this.sim.now() < end) this.sim.runUntil(end as Micros);
  }

  /** Runs until the job is done (bounded, so a broken engine fails instead of hanging). */
  finish<T extends { readonly done: boolean }>(job: T): T {
    for (let i = 0; i < 10_000 && !job.done; i++) this.run(ms(100));
    if (!job.done) throw new Error('job did not finish');
    return job;
  }

  ping(from: string, to: string, options?: Partial<PingOptions>): PingJob {
    const defaults = this.kind(from) === 'pc' || this.kind(from) === 'server' ? WINDOWS_PING : IOS_PING;
    return this.finish(this.sim.ping(deviceId(from), ip(to), { ...defaults, ...options }));
  }

  traceroute(from: string, to: string, options?: Partial<TracerouteOptions>): TracerouteJob {
    const defaults =
      this.kind(from) === 'pc' || this.kind(from) === 'server' ? WINDOWS_TRACERT : IOS_TRACEROUTE;
    return this.finish(this.sim.traceroute(deviceId(from), ip(to), { ...defaults, ...options }));
  }
}

/** An ARP packet seen on a cable: when, its frame's source and destination, the packet. */
export interface ArpSeen {
  readonly t: number;
  readonly from: number;
  readonly to: number;
  readonly arp: ArpPacket;
}

/** Every ARP packet put on cable `link` from now on. */
export function arpOn(n: TestNet, link: string): ArpSeen[] {
  const seen: ArpSeen[] = [];
  n.sim.onWire((t, l, f) => {
    if (l === link && f.payload.proto === 'arp') seen.push({ t, from: f.src, to: f.dst, arp: f.payload });
  });
  return seen;
}

/**
 * One character per probe, as IOS prints them (! reply, . timeout, & TTL exceeded), except
 * that unreachables tell their code: H host, P port, U the others (IOS prints U for all).
 */
export function marks(job: PingJob): string {
  return job.results.map((r) => mark(r.outcome)).join('');
}

export function mark(o: ProbeOutcome): string {
  switch (o.kind) {
    case 'reply':
      return '!';
    case 'timeout':
      return '.';
    case 'unreachable':
      return o.code === 3 ? 'P' : o.code === 1 ? 'H' : 'U';
    case 'ttl-exceeded':
      return '&';
    case 'local-error':
      return 'E';
  }
}

/** A traceroute as lines "ttl: from|* from|* ...", with addresses dotted. */
export function hops(job: TracerouteJob): string[] {
  return job.hops.map(
    (h) =>
      `${h.ttl}: ${h.probes
        .map((p) => {
          const o = p.outcome;
          if (o.kind === 'timeout') return '*';
          if (o.kind === 'local-error') return `E(${o.reason})`;
          const from = o.from;
          const a = `${from >>> 24}.${(from >>> 16) & 255}.${(from >>> 8) & 255}.${from & 255}`;
          return o.kind === 'unreachable' ? `${a}!${mark(o)}` : a;
        })
        .join(' ')}`,
  );
}

/**
 * PC1 - S1 - R1 - PC2: PC1 in VLAN 10 over a trunk to R1's subinterface, S1's Vlan10 for the
 * switch itself, PC2 on R1's other port.
 */
export function trunkLan(options?: SimulationOptions): TestNet {
  const n = new TestNet(options);
  n.switch('S1', {
    vlans: [10],
    ports: { 'fa0/1': { mode: 'access', access: 10 }, 'g0/1': { mode: 'trunk' } },
    svis: { 10: '10.0.0.254/24' },
  });
  n.router('R1', {
    interfaces: {
      'g0/0': {},
      'g0/0.10': { dot1q: 10, ip: '10.0.0.1/24' },
      'g0/1': { ip: '10.1.0.1/24' },
    },
  });
  n.pc('PC1', '10.0.0.10/24', '10.0.0.1').pc('PC2', '10.1.0.10/24', '10.1.0.1');
  n.link('PC1:fa0', 'S1:fa0/1');
  n.link('S1:g0/1', 'R1:g0/0');
  n.link('PC2:fa0', 'R1:g0/1');
  return n;
}

/** S1, S2 and S3 cabled in a loop, with no spanning tree (see SwitchSpec.stp); PC1 (10.0.0.1/24) on S1. */
export function switchLoop(options?: SimulationOptions): TestNet {
  const n = new TestNet(options);
  n.switch('S1').switch('S2').switch('S3').pc('PC1', '10.0.0.1/24');
  n.link('S1:g0/1', 'S2:g0/1');
  n.link('S2:g0/2', 'S3:g0/1');
  n.link('S3:g0/2', 'S1:g0/2');
  n.link('PC1:fa0', 'S1:fa0/1');
  return n;
}

/**
 * S1, S2 and S3 in a triangle on their gigabit ports: S1 g0/1 to S2 g0/1, S1 g0/2 to S3 g0/1,
 * S2 g0/2 to S3 g0/2; PC2 (10.0.0.2/24) on S2's fa0/1, PC3 (10.0.0.3/24) on S3's.
 */
export function switchTriangle(seed: number, s1: SwitchSpec, s2: SwitchSpec, s3: SwitchSpec): TestNet {
  const n = new TestNet({ seed });
  n.switch('S1', s1).switch('S2', s2).switch('S3', s3);
  n.pc('PC2', '10.0.0.2/24').pc('PC3', '10.0.0.3/24');
  n.link('S1:g0/1', 'S2:g0/1');
  n.link('S1:g0/2', 'S3:g0/1');
  n.link('S2:g0/2', 'S3:g0/2');
  n.link('PC2:fa0', 'S2:fa0/1');
  n.link('PC3:fa0', 'S3:fa0/1');
  return n;
}

/** PC1 pings an absent host: its ARP request is the broadcast that starts the storm. */
export function startStorm(n: TestNet): void {
  n.sim.ping(deviceId('PC1'), ip('10.0.0.9'), { count: 1, timeout: seconds(4), size: 32 });
}
