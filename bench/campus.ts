/**
 * The engine bench's networks and load, shared by the Node runner (engine.bench.ts) and the
 * browser runner (browser-engine.bench.ts): nothing here may need Node.
 *
 * A site is a router-on-a-stick (VLANs 10, 20, 30 on Gi0/0.x) above two access switches joined
 * by 802.1Q trunks, with PCs spread over the three VLANs. Sites hang off a transit VLAN (a
 * chain of core switches) through their routers' Gi0/1, and each site router has static routes
 * to the sites before and after it. Every PC pings a peer back to back, half of them a PC in
 * another VLAN of its site, half a PC of the next site, so the traffic crosses ARP, tagging,
 * inter-VLAN routing and the transit network.
 *
 * The point is the cost of a hop as the network grows, so every size does the same kind of
 * work: an echo takes about as many hops, split the same way between PCs, switches and routers,
 * and no link is a bottleneck that would add queueing, drops and timeouts to the bigger
 * networks only.
 */
import type { Simulation } from '../src/engine/api.ts';
import { createSimulation } from '../src/engine/simulation.ts';
import type { DeviceConfig, InterfaceConfig } from '../src/shared/config.ts';
import { DEFAULT_SWITCHPORT, defaultDeviceConfig } from '../src/shared/config.ts';
import type { DeviceId } from '../src/shared/ids.ts';
import { deviceId, linkId } from '../src/shared/ids.ts';
import type { Ipv4Addr } from '../src/shared/ipv4.ts';
import type { Micros } from '../src/shared/time.ts';
import { seconds } from '../src/shared/time.ts';
import { parseVlanList } from '../src/shared/vlans.ts';

const VLANS = [10, 20, 30] as const;
const PCS_PER_SITE = 13;
/** Router, two switches, PCs. */
const SITE_SIZE = 3 + PCS_PER_SITE;
/** Core switch ports for site routers (Fa0/1-22); Gi0/1-2 chain the core switches. */
const ROUTERS_PER_CORE_SWITCH = 22;

const addr = (a: number, b: number, c: number, d: number): Ipv4Addr =>
  (((a << 24) | (b << 16) | (c << 8) | d) >>> 0) as Ipv4Addr;

/** Site `s`: 10.(s >> 8).(s & 255).0/24, one /29 per VLAN in it. */
const sitePrefix = (s: number): Ipv4Addr => addr(10, s >> 8, s & 255, 0);
/** Site `s`'s router on the transit network 10.255.0.0/16. */
const transitAddr = (s: number): Ipv4Addr => addr(10, 255, (s + 1) >> 8, (s + 1) & 255);

/** PCs pinging in the fixed-load measurement. */
export const FIXED_FLOWS = 64;

/**
 * What each runner measures, in order: every PC busy (the state a round of echoes touches grows
 * with the network and outgrows the processor's caches), then a fixed number of busy PCs (the
 * same work wherever the network's size alone would show); best of three runs below 10,000
 * devices, since the machine is shared.
 */
export const SERIES: readonly { target: number; maxFlows: number; runs: number }[] = [
  Number.POSITIVE_INFINITY,
  FIXED_FLOWS,
].flatMap((maxFlows) =>
  [10, 100, 1_000, 10_000].map((target) => ({ target, maxFlows, runs: target >= 10_000 ? 1 : 3 })),
);

/** Where a hop ends: the kind of device whose port received the frame. */
export type HopKind = 'PC' | 'switch' | 'router';
export const HOP_KINDS: readonly HopKind[] = ['PC', 'switch', 'router'];
export const HOP_LABELS: Readonly<Record<HopKind, string>> = {
  PC: 'PCs',
  switch: 'switches',
  router: 'routers',
};

export interface Campus {
  readonly sim: Simulation;
  readonly devices: number;
  /** [pc, target] pairs. */
  readonly flows: [DeviceId, Ipv4Addr][];
  readonly pcs: { id: DeviceId; gateway: Ipv4Addr }[];
  /** Every device and its kind, for counting. */
  readonly ids: [DeviceId, HopKind][];
  /** Site routers with a leg on the transit network, and the next site's router address. */
  readonly siteRouters: [DeviceId, Ipv4Addr][];
  /** Pings started and not yet waited for (`drain`). */
  readonly pending: { readonly done: boolean }[];
}

function withInterfaces(
  base: DeviceConfig,
  changes: Record<string, Partial<InterfaceConfig>>,
): Record<string, InterfaceConfig> {
  const interfaces: Record<string, InterfaceConfig> = { ...base.interfaces };
  for (const [name, c] of Object.entries(changes)) {
    interfaces[name] = { ...(interfaces[name] ?? { shutdown: false, proxyArp: true }), ...c };
  }
  return interfaces;
}

const trunk = { ...DEFAULT_SWITCHPORT, mode: 'trunk' as const };
const access = (vlan: number) => ({ ...DEFAULT_SWITCHPORT, mode: 'access' as const, accessVlan: vlan });

/** Builds a campus of about `target` devices. */
export function buildCampus(target: number): Campus {
  const sim = createSimulation({ seed: 42 });
  sim.trace.enabled = false;
  const sites = Math.max(1, Math.round(target / SITE_SIZE));
  const pcsPerSite = sites === 1 ? Math.max(2, target - 3) : PCS_PER_SITE;
  const multi = sites > 1;
  let links = 0;
  const connect = (a: string, pa: string, b: string, pb: string) =>
    sim.connect(linkId(`l${links++}`), { device: deviceId(a), port: pa }, { device: deviceId(b), port: pb });
  const pcs: { id: DeviceId; gateway: Ipv4Addr; ip: Ipv4Addr; site: number; vlan: number }[] = [];
  let devices = 0;
  const ids: [DeviceId, HopKind][] = [];
  const add = (name: string, kind: 'router' | 'switch' | 'pc') => {
    sim.addDevice(deviceId(name), kind, name);
    ids.push([deviceId(name), kind === 'pc' ? 'PC' : kind]);
    devices++;
  };

  const coreSwitches = multi ? Math.ceil(sites / ROUTERS_PER_CORE_SWITCH) : 0;
  if (multi) {
    for (let c = 0; c < coreSwitches; c++) {
      const name = `C${c}`;
      add(name, 'switch');
      const base = defaultDeviceConfig('switch', name);
      sim.configure(deviceId(name), {
        ...base,
        interfaces: withInterfaces(base, {
          'GigabitEthernet0/1': { switchport: trunk },
          'GigabitEthernet0/2': { switchport: trunk },
        }),
      });
      if (c > 0) connect(`C${c - 1}`, 'GigabitEthernet0/2', name, 'GigabitEthernet0/1');
    }
  }

  for (let s = 0; s < sites; s++) {
    const r = `R${s + 1}`;
    const s1 = `S${s}a`;
    const s2 = `S${s}b`;
    // Site s uses 10.<s>.<vlan>.0/24 ... encoded as 10.(s>>8).(s&255).0/24 split by VLAN in the 4th octet.
    const gw = (v: number) => addr(10, s >> 8, s & 255, v * 8 + 1);
    add(r, 'router');
    const rb = defaultDeviceConfig('router', r);
    const subs: Record<string, Partial<InterfaceConfig>> = { 'GigabitEthernet0/0': { shutdown: false } };
    for (const v of VLANS) {
      subs[`GigabitEthernet0/0.${v}`] = {
        shutdown: false,
        dot1q: { vlan: v, native: false },
        ip: { addr: gw(v), len: 29 },
      };
    }
    if (multi) subs['GigabitEthernet0/1'] = { shutdown: false, ip: { addr: transitAddr(s), len: 16 } };
    const neighbours = multi ? [...new Set([(s + 1) % sites, (s + sites - 1) % sites])] : [];
    sim.configure(deviceId(r), {
      ...rb,
      interfaces: withInterfaces(rb, subs),
      staticRoutes: neighbours.map((n) => ({
        prefix: { addr: sitePrefix(n), len: 24 },
        nextHop: transitAddr(n),
        distance: 1,
      })),
    });
    for (const sw of [s1, s2]) {
      add(sw, 'switch');
      const sb = defaultDeviceConfig('switch', sw);
      const ports: Record<string, Partial<InterfaceConfig>> = {
        'GigabitEthernet0/1': { switchport: trunk },
        'GigabitEthernet0/2': { switchport: { ...trunk, allowedVlans: parseVlanList('10,20,30')! } },
      };
      for (let p = 1; p <= 24; p++) ports[`FastEthernet0/${p}`] = { switchport: access(VLANS[(p - 1) % 3]!) };
      sim.configure(deviceId(sw), {
        ...sb,
        vlans: [1, ...VLANS].map((id) => ({ id })),
        interfaces: withInterfaces(sb, ports),
      });
    }
    connect(r, 'GigabitEthernet0/0', s1, 'GigabitEthernet0/1');
    connect(s1, 'GigabitEthernet0/2', s2, 'GigabitEthernet0/2');
    if (multi) {
      const core = `C${Math.floor(s / ROUTERS_PER_CORE_SWITCH)}`;
      connect(r, 'GigabitEthernet0/1', core, `FastEthernet0/${(s % ROUTERS_PER_CORE_SWITCH) + 1}`);
    }
    const counters = [0, 0, 0];
    for (let h = 0; h < pcsPerSite; h++) {
      const sw = h % 2 === 0 ? s1 : s2;
      const port = Math.floor(h / 2) + 1;
      const vi = (port - 1) % 3;
      const vlan = VLANS[vi]!;
      const host = addr(10, s >> 8, s & 255, vlan * 8 + 2 + counters[vi]!++);
      const id = deviceId(`P${s}.${h}`);
      add(id, 'pc');
      sim.configureHost(id, { ip: { addr: host, len: 29 }, gateway: gw(vlan) });
      connect(id, 'FastEthernet0', sw, `FastEthernet0/${port}`);
      pcs.push({ id, gateway: gw(vlan), ip: host, site: s, vlan });
    }
  }
  // Peers: even PCs ping a PC in another VLAN of their site, odd ones a PC of the next site.
  const bySite = new Map<number, typeof pcs>();
  for (const p of pcs) bySite.set(p.site, [...(bySite.get(p.site) ?? []), p]);
  const flows: [DeviceId, Ipv4Addr][] = pcs.map((p, i) => {
    const pool =
      i % 2 === 0 || !multi
        ? bySite.get(p.site)!.filter((q) => q.vlan !== p.vlan)
        : bySite.get((p.site + 1) % sites)!;
    return [p.id, pool[i % pool.length]!.ip];
  });
  const siteRouters: [DeviceId, Ipv4Addr][] = multi
    ? Array.from({ length: sites }, (_, s) => [deviceId(`R${s + 1}`), transitAddr((s + 1) % sites)])
    : [];
  return { sim, devices, flows, pcs, ids, siteRouters, pending: [] };
}

/**
 * Converges ARP caches and MAC tables: every PC pings its gateway (the PC, the switches and the
 * router learn each other), every site router pings the next site's router twice (IOS drops the
 * echo that starts ARP resolution). Runs until the pings are done (the switches' spanning tree
 * sends BPDUs for ever, so the simulation is never idle).
 */
export function converge(c: Campus): void {
  for (const p of c.pcs)
    c.pending.push(
      c.sim.ping(p.id, p.gateway, { count: 1, timeout: seconds(2), size: 32, interval: 0 as Micros }),
    );
  for (const [r, next] of c.siteRouters)
    c.pending.push(c.sim.ping(r, next, { count: 2, timeout: seconds(2), size: 100, interval: 0 as Micros }));
  while (c.pending.some((j) => !j.done)) c.sim.runUntil((c.sim.now() + seconds(1)) as Micros, 10_000_000);
  c.pending.length = 0;
}

/**
 * How far past the next pending event each step of `drain` lets the clock go. Runs every
 * pending event leaving the clock within this of the last one: a measured run of the benches
 * lasts a few milliseconds of virtual time, and a clock pushed seconds beyond it would take
 * the simulation's 5-second samples of every interface's rates (load-rates.ts) within the
 * measured window, a cost of the network's size rather than of its hops.
 */
const DRAIN_STEP = 1000;

/**
 * Runs until the pings started are done, at most `maxEvents` per step; returns how many events
 * ran. (The switches' BPDUs keep the simulation from ever being idle.)
 */
export function drain(c: Campus, maxEvents = 1_000_000): number {
  let events = 0;
  // The jobs before `first` are done.
  let first = 0;
  for (;;) {
    while (first < c.pending.length && c.pending[first]!.done) first++;
    const next = c.sim.nextEventTime();
    if (first === c.pending.length || next === undefined) break;
    events += c.sim.runUntil((next + DRAIN_STEP) as Micros, maxEvents);
  }
  c.pending.length = 0;
  return events;
}

/** Frames delivered to ports so far (by the kind of device receiving them), and frames dropped. */
export function hopsSoFar(c: Campus): Record<HopKind | 'drops', number> {
  const n = { PC: 0, switch: 0, router: 0, drops: 0 };
  for (const [id, kind] of c.ids)
    for (const i of c.sim.interfaces(id))
      if (!i.name.includes('.') && !i.name.startsWith('Vlan')) {
        n[kind] += i.counters.rxFrames;
        n.drops += i.counters.drops;
      }
  return n;
}

export const total = (n: Record<HopKind, number>): number => n.PC + n.switch + n.router;

/** What a measured run delivered. */
export interface Load {
  readonly devices: number;
  readonly flows: number;
  readonly hops: number;
  /** Share of the hops that ended at each kind of device. */
  readonly mix: Record<HopKind, number>;
  readonly drops: number;
  /** Share of the datagrams routers forwarded that kept their frame (see ownership.ts). */
  readonly inPlace: number;
  /** Share of the echo requests sent in the frame of an earlier reply (see ownership.ts). */
  readonly reused: number;
}

/** Echoes each flow sends before a measured window (see `pingLoad`). */
const WARM_ECHOES = 2;

/** Starts `count` back-to-back echoes on each flow. */
export function ping(c: Campus, flows: Campus['flows'], count: number): void {
  for (const [from, to] of flows)
    c.pending.push(c.sim.ping(from, to, { count, timeout: seconds(4), size: 32, interval: 0 as Micros }));
}

/**
 * Builds and converges a campus of about `target` devices, then PCs ping their peers back to
 * back (the next echo leaves when the previous one is answered): two echoes each unmeasured,
 * then until about `targetHops` frames have been delivered: every PC, or only `maxFlows` of
 * them spread over the network.
 * `measure` runs the simulation (the part to time) between `before` and the count.
 */
export async function pingLoad(
  target: number,
  targetHops: number,
  maxFlows: number,
  measure: (run: () => void) => Promise<void>,
): Promise<Load> {
  const c = buildCampus(target);
  converge(c);
  const step = Math.max(1, Math.floor(c.flows.length / maxFlows));
  const flows = c.flows.filter((_, i) => i % step === 0).slice(0, maxFlows);
  // An echo and its reply take about 12 hops (8 or 10 within a site, 16 to the next one).
  const perFlow = Math.max(1, Math.round(targetHops / (flows.length * 12)));
  // Two echoes per flow before the measured window: a flow's first echo fills the routers'
  // forwarding caches and leaves the reply frame the next request reuses (ownership.ts), a
  // cost per flow rather than per hop. Measured, it would weigh ten times more at 10,029
  // devices (15 echoes per flow) than at 1,011 (150), and the sizes would not compare.
  ping(c, flows, WARM_ECHOES);
  drain(c);
  const before = hopsSoFar(c);
  const statsBefore = c.sim.engineStats();
  ping(c, flows, perFlow);
  // The garbage of building and converging the network is collected before the measured
  // window rather than in it, where it would count against forwarding (up to 2.5 % of a 0.2 s
  // run). `gc` is there when the runtime was started with --expose-gc, as the benches start
  // Node and Chromium.
  (globalThis as { gc?: () => void }).gc?.();
  await measure(() => {
    drain(c);
  });
  const after = hopsSoFar(c);
  const stats = c.sim.engineStats();
  const hops = total(after) - total(before);
  const share = (k: HopKind) => (after[k] - before[k]) / hops;
  return {
    devices: c.devices,
    flows: flows.length,
    hops,
    mix: { PC: share('PC'), switch: share('switch'), router: share('router') },
    drops: after.drops - before.drops,
    inPlace:
      (stats.routedInPlace - statsBefore.routedInPlace) / Math.max(1, stats.routed - statsBefore.routed),
    reused: (stats.echoesReused - statsBefore.echoesReused) / Math.max(1, stats.echoes - statsBefore.echoes),
  };
}

const fmt = (n: number): string => Math.round(n).toLocaleString('en-US');

/** One bench line: `where` ran `r` in `seconds`, with the kernel's ns per hop when measured. */
export function loadLine(
  where: string,
  r: Load,
  seconds: number,
  kernelNs: number | undefined,
  extra: string,
): string {
  const ns = (seconds * 1e9) / r.hops;
  const ratio = kernelNs === undefined ? '' : `, ${(kernelNs / ns).toFixed(2)}x the kernel`;
  return (
    `${where} ${fmt(r.devices)} devices, ${fmt(r.flows)} pinging: ${fmt(r.hops / seconds)} hops/s, ` +
    `${ns.toFixed(0)} ns/hop${ratio} (${fmt(r.hops)} hops in ${seconds.toFixed(2)} s${extra}; hops at ` +
    `${HOP_KINDS.map((k) => `${HOP_LABELS[k]} ${Math.round(r.mix[k] * 100)} %`).join(', ')}; ${fmt(r.drops)} drops; ` +
    `${Math.round(r.inPlace * 100)} % of routed datagrams kept their frame, ` +
    `${Math.round(r.reused * 100)} % of echoes reused a reply)`
  );
}

/** The fastest per hop of `runs` measurements. */
export async function fastest<T extends { readonly load: Load; readonly seconds: number }>(
  runs: number,
  measure: () => Promise<T>,
): Promise<T> {
  let best = await measure();
  for (let i = 1; i < runs; i++) {
    const r = await measure();
    if (r.seconds / r.load.hops < best.seconds / best.load.hops) best = r;
  }
  return best;
}
