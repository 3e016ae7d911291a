/**
 * A small lab for console tests: a real simulation, devices with the contexts a session
 * would give their consoles, and named topologies the transcripts refer to.
 */
import { parseConfigText } from '../../src/cli/config-text.ts';
import { Console } from '../../src/cli/console.ts';
import type { DeviceContext, HostDeviceContext, IosDeviceContext } from '../../src/cli/context.ts';
import { VtyService } from '../../src/cli/vty/vty-service.ts';
import type { Simulation } from '../../src/engine/api.ts';
import { createSimulation } from '../../src/engine/simulation.ts';
import { withStickyMacs } from '../../src/session/device-config.ts';
import { type DeviceConfig, defaultDeviceConfig, type HostConfig } from '../../src/shared/config.ts';
import { deviceId, linkId } from '../../src/shared/ids.ts';
import { parseIpv4 } from '../../src/shared/ipv4.ts';
import { parseIpv6, parseIpv6Assignment } from '../../src/shared/ipv6.ts';
import type { SwitchModel } from '../../src/shared/models.ts';
import type { DeviceKind } from '../../src/shared/ports.ts';
import { type Micros, seconds } from '../../src/shared/time.ts';

/**
 * Runs virtual time until `done()` or `limit`, one event time at a time, with `between` run
 * after each step (the Telnet servers).
 */
export function runFor(sim: Simulation, done: () => boolean, limit: Micros, between = () => {}): void {
  const end = sim.now() + limit;
  while (!done()) {
    const next = sim.nextEventTime();
    if (next === undefined || next > end) {
      sim.runUntil(end as Micros);
      between();
      return;
    }
    sim.runUntil(next);
    between();
  }
}

export class Lab {
  readonly sim = createSimulation({ seed: 7 });
  readonly contexts = new Map<string, DeviceContext>();
  readonly consoles = new Map<string, Console>();
  /** The IOS devices' Telnet servers, as the session runs them. */
  readonly vty: VtyService = new VtyService(this.sim, (id) => {
    const ctx = this.contexts.get(id);
    if (ctx?.kind !== 'router' && ctx?.kind !== 'switch') return undefined;
    return { ctx: { ...ctx, streaming: true, paging: false }, runtime: () => this.console(id).runtime! };
  });
  private links = 0;

  /** `paging`: IOS consoles stop long output at --More--, as the app's do. */
  constructor(private readonly options: { readonly paging?: boolean } = {}) {}

  /** `model`: a switch's hardware (a 3560-24PS takes `ip routing`). */
  add(name: string, kind: DeviceKind, model?: SwitchModel): this {
    const id = deviceId(name);
    const sim = this.sim;
    sim.addDevice(id, kind, name, model);
    const base = {
      id,
      sim,
      name: () => name,
      paging: this.options.paging === true,
      vty: this.vty,
      wait: (done: () => boolean, limit: Micros) => {
        runFor(sim, done, limit, () => this.vty.serve());
        this.writeLearned();
      },
    };
    if (kind === 'router' || kind === 'switch') {
      let running: DeviceConfig = defaultDeviceConfig(kind, name);
      let startup: string | undefined;
      const ctx: IosDeviceContext = {
        ...base,
        kind,
        ...(model !== undefined ? { model } : {}),
        runningConfig: () => running,
        setRunningConfig: (c) => {
          running = c;
          sim.configure(id, c);
          this.vty.configured(id, kind, c);
        },
        startupConfig: () => startup,
        setStartupConfig: (t) => {
          startup = t;
        },
      };
      sim.configure(id, running);
      this.vty.configured(id, kind, running);
      this.contexts.set(name, ctx);
    } else {
      let host: HostConfig = {};
      const ctx: HostDeviceContext = {
        ...base,
        kind,
        hostConfig: () => host,
        setHostConfig: (c) => {
          host = c;
          sim.configureHost(id, c);
        },
      };
      this.contexts.set(name, ctx);
    }
    return this;
  }

  cable(a: string, b: string): this {
    const [da, pa] = a.split(':') as [string, string];
    const [db, pb] = b.split(':') as [string, string];
    this.sim.connect(
      linkId(`L${++this.links}`),
      { device: deviceId(da), port: pa },
      { device: deviceId(db), port: pb },
    );
    return this;
  }

  console(name: string): Console {
    let c = this.consoles.get(name);
    if (!c) {
      const ctx = this.contexts.get(name);
      if (!ctx) throw new Error(`no device ${name}`);
      c = new Console(ctx);
      this.consoles.set(name, c);
    }
    return c;
  }

  ios(name: string): IosDeviceContext {
    return this.contexts.get(name) as IosDeviceContext;
  }

  /** Lets a second of virtual time pass, as a student reading the screen would. */
  settle(by: Micros = seconds(1)): void {
    // Second by second, so that a Telnet session's exec-timeout ends it when it is due.
    const end: number = this.sim.now() + by;
    for (let t: number = this.sim.now(); t < end; ) {
      t = Math.min(t + seconds(1), end);
      runFor(
        this.sim,
        () => false,
        (t - this.sim.now()) as Micros,
        () => this.vty.serve(),
      );
    }
    this.writeLearned();
  }

  /** Sticky secure addresses go into their switch's running-config, as the app's session does. */
  private writeLearned(): void {
    for (const [id, ports] of this.sim.takeStickyLearned()) {
      const ctx = this.ios(id);
      ctx.setRunningConfig(withStickyMacs(ctx.runningConfig(), ports));
    }
  }
}

export const TOPOLOGIES: Readonly<Record<string, () => Lab>> = {
  router: () => new Lab().add('R1', 'router'),
  switch: () => new Lab().add('S1', 'switch'),
  pc: () => new Lab().add('PC1', 'pc'),
  /** PC1 -- S1 -- R1 on one LAN. */
  lan: () =>
    new Lab()
      .add('R1', 'router')
      .add('S1', 'switch')
      .add('PC1', 'pc')
      .add('PC2', 'pc')
      .cable('R1:GigabitEthernet0/0', 'S1:GigabitEthernet0/1')
      .cable('PC1:FastEthernet0', 'S1:FastEthernet0/1')
      .cable('PC2:FastEthernet0', 'S1:FastEthernet0/2'),
  /**
   * PC1 -- S1 -- R1 (Gi0/0) and SRV, a DNS server at 10.0.0.53/24 (gateway 10.0.0.1) with
   * www.example.com (A 10.0.0.80), web.example.com (CNAME www) and mail.example.com (A 10.0.0.25
   * and 10.0.0.26) and srv.example.com (A 10.0.0.53, itself). PC1 and R1 are not configured.
   */
  dns: () => {
    const lab = new Lab()
      .add('R1', 'router')
      .add('S1', 'switch')
      .add('PC1', 'pc')
      .add('SRV', 'server')
      .cable('R1:GigabitEthernet0/0', 'S1:GigabitEthernet0/1')
      .cable('PC1:FastEthernet0', 'S1:FastEthernet0/1')
      .cable('SRV:FastEthernet0', 'S1:FastEthernet0/2');
    const at = (s: string) => parseIpv4(s)!;
    (lab.contexts.get('SRV') as HostDeviceContext).setHostConfig({
      ip: { addr: at('10.0.0.53'), len: 24 },
      gateway: at('10.0.0.1'),
      dnsRecords: [
        { name: 'www.example.com', type: 'A', address: at('10.0.0.80') },
        { name: 'web.example.com', type: 'CNAME', target: 'www.example.com' },
        { name: 'mail.example.com', type: 'A', address: at('10.0.0.25') },
        { name: 'mail.example.com', type: 'A', address: at('10.0.0.26') },
        { name: 'srv.example.com', type: 'A', address: at('10.0.0.53') },
      ],
    });
    return lab;
  },
  /**
   * R1 routing IPv6 and advertising its prefixes: Gi0/0 (192.168.1.1/24, 2001:db8:1::1/64,
   * link-local fe80::1) to S1's Gi0/1, where PC1 (192.168.1.10/24 gateway 192.168.1.1, IPv6
   * autoconfiguration) sits on Fa0/1 and PC2 (IPv4 only, not configured) on Fa0/2; Gi0/1
   * (2001:db8:2::1/64, fe80::1) to PC3 (static 2001:db8:2::10/64, gateway fe80::1, no IPv4).
   * R1's configuration is IOS text, as a network file gives it.
   */
  ipv6: () => {
    const lab = new Lab()
      .add('R1', 'router')
      .add('S1', 'switch')
      .add('PC1', 'pc')
      .add('PC2', 'pc')
      .add('PC3', 'pc')
      .cable('R1:GigabitEthernet0/0', 'S1:GigabitEthernet0/1')
      .cable('PC1:FastEthernet0', 'S1:FastEthernet0/1')
      .cable('PC2:FastEthernet0', 'S1:FastEthernet0/2')
      .cable('PC3:FastEthernet0', 'R1:GigabitEthernet0/1');
    const r1 = lab.ios('R1');
    const text = [
      'ipv6 unicast-routing',
      'interface GigabitEthernet0/0',
      ' ip address 192.168.1.1 255.255.255.0',
      ' ipv6 address FE80::1 link-local',
      ' ipv6 address 2001:DB8:1::1/64',
      ' no shutdown',
      'interface GigabitEthernet0/1',
      ' ipv6 address FE80::1 link-local',
      ' ipv6 address 2001:DB8:2::1/64',
      ' no shutdown',
    ].join('\n');
    const parsed = parseConfigText('router', text, r1.runningConfig());
    if (parsed.problems.length > 0) throw new Error(JSON.stringify(parsed.problems));
    r1.setRunningConfig(parsed.config);
    const host = (name: string) => lab.contexts.get(name) as HostDeviceContext;
    host('PC1').setHostConfig({
      ip: { addr: parseIpv4('192.168.1.10')!, len: 24 },
      gateway: parseIpv4('192.168.1.1')!,
      ipv6: { auto: true },
    });
    host('PC3').setHostConfig({
      ipv6: { address: parseIpv6Assignment('2001:db8:2::10/64')!, gateway: parseIpv6('fe80::1')! },
    });
    return lab;
  },
  /** R1 and R2 back to back, a PC behind each. */
  'two-routers': () =>
    new Lab()
      .add('R1', 'router')
      .add('R2', 'router')
      .add('PC1', 'pc')
      .add('PC2', 'pc')
      .cable('R1:GigabitEthernet0/0', 'R2:GigabitEthernet0/0')
      .cable('PC1:FastEthernet0', 'R1:GigabitEthernet0/1')
      .cable('PC2:FastEthernet0', 'R2:GigabitEthernet0/1'),
  /** R1 and R2 on one LAN with PC1 (S1's Gi0/1, Gi0/2, Fa0/1); PC2 behind R2's Gi0/1. */
  'two-gateways': () =>
    new Lab()
      .add('R1', 'router')
      .add('R2', 'router')
      .add('S1', 'switch')
      .add('PC1', 'pc')
      .add('PC2', 'pc')
      .cable('R1:GigabitEthernet0/0', 'S1:GigabitEthernet0/1')
      .cable('R2:GigabitEthernet0/0', 'S1:GigabitEthernet0/2')
      .cable('PC1:FastEthernet0', 'S1:FastEthernet0/1')
      .cable('PC2:FastEthernet0', 'R2:GigabitEthernet0/1'),
  /** S1 and S2 joined Fa0/24 to Fa0/24, PC1 on S1's Fa0/1, PC2 on S2's Fa0/1. */
  'two-switches': () =>
    new Lab()
      .add('S1', 'switch')
      .add('S2', 'switch')
      .add('PC1', 'pc')
      .add('PC2', 'pc')
      .cable('S1:FastEthernet0/24', 'S2:FastEthernet0/24')
      .cable('PC1:FastEthernet0', 'S1:FastEthernet0/1')
      .cable('PC2:FastEthernet0', 'S2:FastEthernet0/1'),
  /** S1 and S2 cabled twice (Fa0/23 and Fa0/24, for an EtherChannel), PC1 on S1 and PC2 on S2 (Fa0/1). */
  'two-switches-doubled': () =>
    new Lab()
      .add('S1', 'switch')
      .add('S2', 'switch')
      .add('PC1', 'pc')
      .add('PC2', 'pc')
      .cable('S1:FastEthernet0/23', 'S2:FastEthernet0/23')
      .cable('S1:FastEthernet0/24', 'S2:FastEthernet0/24')
      .cable('PC1:FastEthernet0', 'S1:FastEthernet0/1')
      .cable('PC2:FastEthernet0', 'S2:FastEthernet0/1'),
  /**
   * S1, S2 and S3 in a triangle (S1 Fa0/1 to S2 Fa0/1, S2 Fa0/2 to S3 Fa0/2, S3 Fa0/3 to S1
   * Fa0/3), a second cable between S2 and S3 (Fa0/24), PC1 on S3's Fa0/10.
   */
  triangle: () =>
    new Lab()
      .add('S1', 'switch')
      .add('S2', 'switch')
      .add('S3', 'switch')
      .add('PC1', 'pc')
      .cable('S1:FastEthernet0/1', 'S2:FastEthernet0/1')
      .cable('S2:FastEthernet0/2', 'S3:FastEthernet0/2')
      .cable('S3:FastEthernet0/3', 'S1:FastEthernet0/3')
      .cable('S2:FastEthernet0/24', 'S3:FastEthernet0/24')
      .cable('PC1:FastEthernet0', 'S3:FastEthernet0/10'),
  /**
   * A site behind R1: PC1 and PC2 on S1 (Fa0/1, Fa0/2) to R1's Gi0/1; R1's Gi0/0 to the ISP
   * router's Gi0/0; WEB on the ISP's Gi0/1.
   */
  nat: () =>
    new Lab()
      .add('R1', 'router')
      .add('ISP', 'router')
      .add('S1', 'switch')
      .add('PC1', 'pc')
      .add('PC2', 'pc')
      .add('WEB', 'server')
      .cable('R1:GigabitEthernet0/0', 'ISP:GigabitEthernet0/0')
      .cable('R1:GigabitEthernet0/1', 'S1:GigabitEthernet0/1')
      .cable('PC1:FastEthernet0', 'S1:FastEthernet0/1')
      .cable('PC2:FastEthernet0', 'S1:FastEthernet0/2')
      .cable('WEB:FastEthernet0', 'ISP:GigabitEthernet0/1'),
  /**
   * Two gateways for one LAN: R1 and R2 on S1 (Gi0/1, Gi0/2) with PC1 (Fa0/1); behind them, on
   * their Gi0/1 ports, SRV's LAN (S2's Gi0/1, Gi0/2 and Fa0/1).
   */
  hsrp: () =>
    new Lab()
      .add('R1', 'router')
      .add('R2', 'router')
      .add('S1', 'switch')
      .add('S2', 'switch')
      .add('PC1', 'pc')
      .add('SRV', 'server')
      .cable('R1:GigabitEthernet0/0', 'S1:GigabitEthernet0/1')
      .cable('R2:GigabitEthernet0/0', 'S1:GigabitEthernet0/2')
      .cable('PC1:FastEthernet0', 'S1:FastEthernet0/1')
      .cable('R1:GigabitEthernet0/1', 'S2:GigabitEthernet0/1')
      .cable('R2:GigabitEthernet0/1', 'S2:GigabitEthernet0/2')
      .cable('SRV:FastEthernet0', 'S2:FastEthernet0/1'),
  /** R1's Gi0/0 trunked to S1's Gi0/1; PC1 (VLAN 10) on Fa0/1, PC2 (VLAN 20) on Fa0/2. */
  'router-on-a-stick': () =>
    new Lab()
      .add('R1', 'router')
      .add('S1', 'switch')
      .add('PC1', 'pc')
      .add('PC2', 'pc')
      .cable('R1:GigabitEthernet0/0', 'S1:GigabitEthernet0/1')
      .cable('PC1:FastEthernet0', 'S1:FastEthernet0/1')
      .cable('PC2:FastEthernet0', 'S1:FastEthernet0/2'),
  /**
   * A multilayer switch MLS1 (3560-24PS) with PC1 on Fa0/1 and PC2 on Fa0/2, and its Gi0/1
   * cabled to a 2960 S1's Gi0/1, where PC3 sits on Fa0/1.
   */
  multilayer: () =>
    new Lab()
      .add('MLS1', 'switch', '3560-24PS')
      .add('S1', 'switch')
      .add('PC1', 'pc')
      .add('PC2', 'pc')
      .add('PC3', 'pc')
      .cable('PC1:FastEthernet0', 'MLS1:FastEthernet0/1')
      .cable('PC2:FastEthernet0', 'MLS1:FastEthernet0/2')
      .cable('MLS1:GigabitEthernet0/1', 'S1:GigabitEthernet0/1')
      .cable('PC3:FastEthernet0', 'S1:FastEthernet0/1'),
  /**
   * A multilayer switch MLS1 (3560-24PS) with PC1 on Fa0/1, its Gi0/1 cabled to R1's Gi0/0 and
   * its Gi0/2 to a 2960 S1's Gi0/1; PC2 on R1's Gi0/1.
   */
  'routed-uplink': () =>
    new Lab()
      .add('MLS1', 'switch', '3560-24PS')
      .add('R1', 'router')
      .add('S1', 'switch')
      .add('PC1', 'pc')
      .add('PC2', 'pc')
      .cable('PC1:FastEthernet0', 'MLS1:FastEthernet0/1')
      .cable('MLS1:GigabitEthernet0/1', 'R1:GigabitEthernet0/0')
      .cable('MLS1:GigabitEthernet0/2', 'S1:GigabitEthernet0/1')
      .cable('PC2:FastEthernet0', 'R1:GigabitEthernet0/1'),
};
