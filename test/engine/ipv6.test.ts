/** IPv6: Neighbor Discovery, autoconfiguration, forwarding, static routes and ICMPv6 errors. */
import { describe, expect, it } from 'vitest';
import type { Ping6Job, Ping6Options } from '../../src/engine/api.ts';
import { decodeFrame, encodeFrame } from '../../src/engine/wire/ethernet.ts';
import type {
  DeviceConfig,
  HostIpv6Config,
  Ipv6InterfaceConfig,
  Ipv6StaticRoute,
} from '../../src/shared/config.ts';
import { deviceId } from '../../src/shared/ids.ts';
import { formatIpv6, type Ipv6Addr, parseIpv6, parseIpv6Assignment } from '../../src/shared/ipv6.ts';
import { seconds } from '../../src/shared/time.ts';
import { fullName, type RouterSpec, TestNet } from './net.ts';

const d = deviceId;
const v6 = (s: string): Ipv6Addr => parseIpv6(s)!;

const WINDOWS_PING6: Ping6Options = { count: 4, timeout: seconds(4), size: 32, interval: seconds(1) };
const IOS_PING6: Ping6Options = { count: 5, timeout: seconds(2), size: 100, sizeIsDatagram: true };

/** `ipv6 address` lines per interface ("2001:db8:1::1/64", "2001:db8:1::/64 eui-64", "fe80::1 link-local"). */
function ipv6If(...lines: string[]): Ipv6InterfaceConfig {
  const addresses: { addr: Ipv6Addr; len: number; eui64?: true }[] = [];
  let linkLocal: Ipv6Addr | undefined;
  for (const l of lines) {
    const [text, opt] = l.split(' ');
    if (opt === 'link-local') linkLocal = v6(text!);
    else {
      const a = parseIpv6Assignment(text!)!;
      addresses.push(
        opt === 'eui-64' ? { addr: a.addr, len: a.len, eui64: true } : { addr: a.addr, len: a.len },
      );
    }
  }
  return { addresses, ...(linkLocal !== undefined ? { linkLocal } : {}) };
}

function route(prefix: string, nextHop?: string, exit?: string): Ipv6StaticRoute {
  const p = parseIpv6Assignment(prefix)!;
  return {
    prefix: p.addr,
    len: p.len,
    ...(nextHop !== undefined ? { nextHop: v6(nextHop) } : {}),
    ...(exit !== undefined ? { exitInterface: fullName(exit) } : {}),
    distance: 1,
  };
}

/** Sets a router's configuration from `spec`, with IPv6 on its interfaces and routes. */
function configure6(
  n: TestNet,
  name: string,
  spec: RouterSpec,
  ifs: Record<string, Ipv6InterfaceConfig>,
  extra: Partial<DeviceConfig> = {},
): void {
  const c = n.config(name, spec);
  const interfaces = { ...c.interfaces };
  for (const [short, v] of Object.entries(ifs))
    interfaces[fullName(short)] = { ...interfaces[fullName(short)]!, ipv6: v };
  n.sim.configure(d(name), { ...c, interfaces, ...extra });
}

function pc6(n: TestNet, name: string, ipv6: HostIpv6Config): void {
  n.pc(name);
  n.sim.configureHost(d(name), { ipv6 });
}

function ping6(n: TestNet, from: string, to: string, options: Partial<Ping6Options> = {}): Ping6Job {
  const windows = n.kind(from) === 'pc';
  return n.finish(n.sim.ping6(d(from), v6(to), { ...(windows ? WINDOWS_PING6 : IOS_PING6), ...options }));
}

const marks = (job: Ping6Job): string =>
  job.results
    .map((r) =>
      r.outcome.kind === 'reply'
        ? '!'
        : r.outcome.kind === 'timeout'
          ? '.'
          : r.outcome.kind === 'unreachable'
            ? 'U'
            : r.outcome.kind === 'hop-limit-exceeded'
              ? 'T'
              : 'L',
    )
    .join('');

const UP = { shutdown: false };

/** PC1 (autoconfigured) - S1 - R1 - PC2 (static 2001:db8:2::10, gateway fe80::1). */
function twoLans(): TestNet {
  const n = new TestNet();
  n.router('R1').switch('S1');
  pc6(n, 'PC1', { auto: true });
  pc6(n, 'PC2', { address: parseIpv6Assignment('2001:db8:2::10/64')!, gateway: v6('fe80::1') });
  n.link('PC1:fa0', 'S1:fa0/1');
  n.link('R1:g0/0', 'S1:fa0/2');
  n.link('R1:g0/1', 'PC2:fa0');
  configure6(
    n,
    'R1',
    { interfaces: { 'g0/0': UP, 'g0/1': UP } },
    {
      'g0/0': ipv6If('2001:db8:1::1/64', 'fe80::1 link-local'),
      'g0/1': ipv6If('2001:db8:2::1/64', 'fe80::1 link-local'),
    },
    { ipv6Routing: true },
  );
  n.run(seconds(40));
  return n;
}

describe('IPv6 on one router between two LANs', () => {
  it('gives a router EUI-64 link-local addresses and the groups it joins', () => {
    const n = new TestNet();
    n.router('R1');
    configure6(
      n,
      'R1',
      { interfaces: { 'g0/0': UP } },
      { 'g0/0': ipv6If('2001:db8:acad:1::/64 eui-64') },
      { ipv6Routing: true },
    );
    n.run(seconds(1));
    const g0 = n.sim.ipv6Interfaces(d('R1')).find((i) => i.name === 'GigabitEthernet0/0')!;
    const mac = n.sim.interfaces(d('R1')).find((i) => i.name === 'GigabitEthernet0/0')!.mac;
    expect(g0.enabled).toBe(true);
    // EUI-64: the MAC split by FFFE with the universal/local bit flipped.
    const iid = BigInt(mac) ^ 0x0200_0000_0000n;
    const expected = ((iid >> 24n) << 40n) | (0xfffen << 24n) | (iid & 0xff_ffffn);
    expect(g0.linkLocal).toBe(v6('fe80::') | expected);
    expect(g0.addresses.map((a) => [a.addr & ~((1n << 64n) - 1n), a.eui64])).toEqual([
      [v6('2001:db8:acad:1::'), true],
    ]);
    expect(g0.groups.map(formatIpv6).slice(0, 2)).toEqual(['ff02::1', 'ff02::2']);
    expect(n.sim.ipv6Interfaces(d('R1')).find((i) => i.name === 'GigabitEthernet0/1')!.enabled).toBe(false);
  });

  it('lets a PC autoconfigure from the router advertisement and ping across', () => {
    const n = twoLans();
    const pc1 = n.sim.ipv6Interfaces(d('PC1'))[0]!;
    expect(pc1.addresses).toHaveLength(1);
    const a = pc1.addresses[0]!;
    expect(formatIpv6(a.addr).startsWith('2001:db8:1:0:')).toBe(true);
    expect(a.origin).toBe('autoconfig');
    // Windows takes the advertised hop limit, and the router as its default route.
    expect(pc1.hopLimit).toBe(64);
    const routes = n.sim.ipv6Routes(d('PC1'));
    expect(routes.find((r) => r.code === 'ND')?.nextHop).toBe(v6('fe80::1'));
    const job = ping6(n, 'PC1', '2001:db8:2::10');
    expect(marks(job)).toBe('!!!!');
    const r = job.results[0]!.outcome;
    // PC2 answers with the hop limit R1 advertised (Windows takes it), less the router's hop.
    expect(r.kind === 'reply' && r.hopLimit).toBe(63);
  });

  it('lists connected, local and static routes', () => {
    const n = twoLans();
    const codes = n.sim
      .ipv6Routes(d('R1'))
      .map((r) => `${r.code} ${formatIpv6(r.prefix)}/${r.len} ${r.iface ?? ''}`);
    expect(codes).toEqual([
      'C 2001:db8:1::/64 GigabitEthernet0/0',
      'L 2001:db8:1::1/128 GigabitEthernet0/0',
      'C 2001:db8:2::/64 GigabitEthernet0/1',
      'L 2001:db8:2::1/128 GigabitEthernet0/1',
    ]);
  });

  it('resolves neighbors: REACH after a solicited advertisement, STALE 30 s later, DELAY when used, REACH again once probed', () => {
    const n = twoLans();
    ping6(n, 'R1', '2001:db8:2::10', { count: 1 });
    const pc2 = () => n.sim.ipv6Neighbors(d('R1')).find((e) => e.addr === v6('2001:db8:2::10'))!;
    expect(pc2().state).toBe('REACH');
    expect(pc2().mac).toBe(n.sim.interfaces(d('PC2'))[0]!.mac);
    n.run(seconds(31));
    expect(pc2().state).toBe('STALE');
    const job = n.sim.ping6(d('R1'), v6('2001:db8:2::10'), { ...IOS_PING6, count: 1 });
    n.run(seconds(1));
    expect(pc2().state).toBe('DELAY');
    n.run(seconds(5));
    // The unicast probe was answered at once.
    expect(pc2().state).toBe('REACH');
    expect(marks(job)).toBe('!');
  });

  it('sends the first echo while Neighbor Discovery resolves (it is queued, not dropped)', () => {
    const n = twoLans();
    expect(marks(ping6(n, 'R1', '2001:db8:2::10'))).toBe('!!!!!');
  });

  it('answers no route with destination unreachable, code 0', () => {
    const n = twoLans();
    const job = ping6(n, 'PC1', '2001:db8:9::1');
    expect(job.results.map((r) => r.outcome)).toContainEqual(
      expect.objectContaining({ kind: 'unreachable', type: 1, code: 0 }),
    );
  });

  it('reports address unreachable (code 3) when nobody answers on the next hop link', () => {
    const n = twoLans();
    const job = ping6(n, 'PC1', '2001:db8:2::99', { count: 1, timeout: seconds(6) });
    expect(job.results[0]!.outcome).toEqual(
      expect.objectContaining({ kind: 'unreachable', type: 1, code: 3 }),
    );
  });

  it('tells a PC its own neighbor resolution failed', () => {
    const n = twoLans();
    const job = ping6(n, 'PC1', '2001:db8:1::99', { count: 1 });
    expect(job.results[0]!.outcome).toEqual({ kind: 'unreachable', type: 1, code: 3 });
  });

  it('pings a link-local address through the interface named, and its own addresses', () => {
    const n = twoLans();
    expect(marks(ping6(n, 'PC2', 'fe80::1'))).toBe('!!!!');
    const pc2ll = n.sim.ipv6Interfaces(d('PC2'))[0]!.linkLocal!;
    expect(marks(ping6(n, 'R1', formatIpv6(pc2ll), { via: 'GigabitEthernet0/1' }))).toBe('!!!!!');
    expect(marks(ping6(n, 'R1', formatIpv6(pc2ll)))).toBe('L');
    expect(marks(ping6(n, 'R1', '2001:db8:1::1'))).toBe('!!!!!');
    // The loopback address answers inside the device, as on Windows.
    expect(marks(ping6(n, 'PC1', '::1'))).toBe('!!!!');
  });

  it('does not forward without ipv6 unicast-routing, but still answers for its own addresses', () => {
    const n = twoLans();
    const pc1 = formatIpv6(n.sim.ipv6Interfaces(d('PC1'))[0]!.addresses[0]!.addr);
    expect(marks(ping6(n, 'PC2', pc1))).toBe('!!!!');
    configure6(
      n,
      'R1',
      { interfaces: { 'g0/0': UP, 'g0/1': UP } },
      {
        'g0/0': ipv6If('2001:db8:1::1/64', 'fe80::1 link-local'),
        'g0/1': ipv6If('2001:db8:2::1/64', 'fe80::1 link-local'),
      },
    );
    expect(marks(ping6(n, 'PC2', pc1))).toBe('....');
    expect(marks(ping6(n, 'PC2', '2001:db8:1::1'))).toBe('!!!!');
    const g0 = n.sim.ipv6Interfaces(d('R1'))[0]!;
    expect([g0.advertises, g0.groups.map(formatIpv6).includes('ff02::2')]).toEqual([false, false]);
  });
});

describe('IPv6 router discovery', () => {
  it('drops the default router when it stops routing (its last advertisement has lifetime 0)', () => {
    const n = twoLans();
    expect(n.sim.ipv6Routes(d('PC1')).some((r) => r.code === 'ND')).toBe(true);
    configure6(
      n,
      'R1',
      { interfaces: { 'g0/0': UP, 'g0/1': UP } },
      {
        'g0/0': ipv6If('2001:db8:1::1/64', 'fe80::1 link-local'),
        'g0/1': ipv6If('2001:db8:2::1/64', 'fe80::1 link-local'),
      },
    );
    n.run(seconds(1));
    expect(n.sim.ipv6Routes(d('PC1')).some((r) => r.code === 'ND')).toBe(false);
  });

  it('forgets a router whose advertised lifetime runs out, and solicits only until one answers', () => {
    const n = twoLans();
    let solicitations = 0;
    n.sim.onWire((_t, _l, f) => {
      const p = f.payload;
      if (p.proto === 'ipv6' && p.payload.proto === 'icmpv6' && p.payload.type === 133) solicitations++;
    });
    // R1 goes silent without saying so: its cable to S1 stays, its advertisements stop.
    n.sim.powerOff(d('R1'));
    n.run(seconds(1700));
    expect(n.sim.ipv6Routes(d('PC1')).some((r) => r.code === 'ND')).toBe(true);
    n.run(seconds(200));
    expect(n.sim.ipv6Routes(d('PC1')).some((r) => r.code === 'ND')).toBe(false);
    expect(solicitations).toBe(0);
  });

  it('runs no IPv6 on a subinterface before it has its VLAN', () => {
    const n = new TestNet();
    n.router('R1').switch('S1');
    pc6(n, 'PC1', { auto: true });
    n.link('PC1:fa0', 'S1:fa0/1');
    n.link('R1:g0/0', 'S1:fa0/2');
    configure6(
      n,
      'R1',
      { interfaces: { 'g0/0': UP, 'g0/0.10': UP } },
      { 'g0/0.10': ipv6If('2001:db8:10::1/64') },
      {
        ipv6Routing: true,
      },
    );
    n.run(seconds(20));
    expect(n.sim.ipv6Interfaces(d('PC1'))[0]!.addresses).toEqual([]);
  });

  it('does not answer for the address of an interface that is down', () => {
    const n = twoLans();
    configure6(
      n,
      'R1',
      { interfaces: { 'g0/0': UP, 'g0/1': { shutdown: true } } },
      {
        'g0/0': ipv6If('2001:db8:1::1/64', 'fe80::1 link-local'),
        'g0/1': ipv6If('2001:db8:2::1/64', 'fe80::1 link-local'),
      },
      { ipv6Routing: true },
    );
    n.run(seconds(1));
    expect(marks(ping6(n, 'PC1', '2001:db8:2::1'))).not.toContain('!');
  });
});

describe('IPv6 static routes across three routers', () => {
  /** R1 g0/1 - 2001:db8:12::/64 - R2 g0/1 ... R2 g0/0 - 2001:db8:23::/64 - R3; R3's loopback 2001:db8:3::1. */
  function chain(r1Routes: Ipv6StaticRoute[], r3Routes: Ipv6StaticRoute[]): TestNet {
    const n = new TestNet();
    n.router('R1').router('R2').router('R3');
    n.link('R1:g0/1', 'R2:g0/1');
    n.link('R2:g0/0', 'R3:g0/0');
    configure6(
      n,
      'R1',
      { interfaces: { 'g0/1': UP } },
      { 'g0/1': ipv6If('2001:db8:12::1/64') },
      {
        ipv6Routing: true,
        ipv6Routes: r1Routes,
      },
    );
    configure6(
      n,
      'R2',
      { interfaces: { 'g0/0': UP, 'g0/1': UP } },
      { 'g0/0': ipv6If('2001:db8:23::2/64'), 'g0/1': ipv6If('2001:db8:12::2/64') },
      { ipv6Routing: true, ipv6Routes: [route('2001:db8:3::/64', '2001:db8:23::3')] },
    );
    configure6(
      n,
      'R3',
      { interfaces: { 'g0/0': UP, lo0: {} } },
      { 'g0/0': ipv6If('2001:db8:23::3/64'), lo0: ipv6If('2001:db8:3::1/64') },
      { ipv6Routing: true, ipv6Routes: r3Routes },
    );
    n.run(seconds(10));
    return n;
  }

  it('reaches a loopback two hops away with a default route and a return route', () => {
    const n = chain([route('::/0', '2001:db8:12::2')], [route('2001:db8:12::/64', '2001:db8:23::2')]);
    const r1 = n.sim.ipv6Routes(d('R1')).find((r) => r.code === 'S')!;
    expect([r1.len, r1.nextHop, r1.iface]).toEqual([0, v6('2001:db8:12::2'), undefined]);
    expect(marks(ping6(n, 'R1', '2001:db8:3::1'))).toBe('!!!!!');
  });

  it('times out without a return route', () => {
    const n = chain([route('::/0', '2001:db8:12::2')], []);
    expect(marks(ping6(n, 'R1', '2001:db8:3::1'))).toBe('.....');
  });

  it('ends a routing loop with hop limit exceeded', () => {
    const n = chain([route('::/0', '2001:db8:12::2')], [route('::/0', '2001:db8:23::2')]);
    // R2 has no route to 2001:db8:99::/64: it answers no route.
    const job = ping6(n, 'R1', '2001:db8:99::1', { count: 1, hopLimit: 10 });
    expect(job.results[0]!.outcome).toEqual(expect.objectContaining({ kind: 'unreachable', code: 0 }));
    const n2 = chain(
      [route('::/0', '2001:db8:12::2')],
      [route('2001:db8:12::/64', '2001:db8:23::2'), route('2001:db8:99::/64', '2001:db8:23::2')],
    );
    configure6(
      n2,
      'R2',
      { interfaces: { 'g0/0': UP, 'g0/1': UP } },
      { 'g0/0': ipv6If('2001:db8:23::2/64'), 'g0/1': ipv6If('2001:db8:12::2/64') },
      {
        ipv6Routing: true,
        ipv6Routes: [route('2001:db8:3::/64', '2001:db8:23::3'), route('2001:db8:99::/64', '2001:db8:23::3')],
      },
    );
    n2.run(seconds(1));
    // Now R2 sends it to R3, whose default sends it back: the hop limit runs out.
    const looped = ping6(n2, 'R1', '2001:db8:99::1', { count: 1, hopLimit: 10 });
    expect(looped.results[0]!.outcome).toEqual(expect.objectContaining({ kind: 'hop-limit-exceeded' }));
  });

  it('installs a static route whose next hop another static route reaches, but not through a default route', () => {
    const n = chain(
      [route('2001:db8:23::/64', '2001:db8:12::2'), route('2001:db8:3::/64', '2001:db8:23::3')],
      [],
    );
    expect(n.sim.ipv6Routes(d('R1')).filter((r) => r.code === 'S')).toHaveLength(2);
    const m = chain([route('::/0', '2001:db8:12::2'), route('2001:db8:3::/64', '2001:db8:23::3')], []);
    expect(
      m.sim
        .ipv6Routes(d('R1'))
        .filter((r) => r.code === 'S')
        .map((r) => r.len),
    ).toEqual([0]);
  });

  it('installs a static route to an exit interface and drops one whose next hop is not reachable', () => {
    const n = chain(
      [route('2001:db8:3::/64', undefined, 'g0/1'), route('2001:db8:77::/64', '2001:db8:55::1')],
      [],
    );
    const s = n.sim.ipv6Routes(d('R1')).filter((r) => r.code === 'S');
    expect(s.map((r) => [formatIpv6(r.prefix), r.iface])).toEqual([['2001:db8:3::', 'GigabitEthernet0/1']]);
  });
});

describe('IPv6 on the wire', () => {
  it('puts Neighbor Discovery on the wire as a real stack does and round-trips every frame', () => {
    const n = twoLans();
    const seen: string[] = [];
    n.sim.onWire((_t, _l, f) => {
      const p = f.payload;
      if (p.proto !== 'ipv6') return;
      const bytes = encodeFrame(f);
      const back = decodeFrame(bytes);
      expect(back.ok).toBe(true);
      expect(encodeFrame(back.ok ? back.value : f)).toEqual(bytes);
      if (p.payload.proto === 'icmpv6') seen.push(`${p.payload.type} ${formatIpv6(p.dst)} ${p.hopLimit}`);
    });
    ping6(n, 'R1', '2001:db8:2::10', { count: 1 });
    expect(seen.slice(0, 4)).toEqual([
      '135 ff02::1:ff00:10 255',
      '136 2001:db8:2::1 255',
      '128 2001:db8:2::10 64',
      '129 2001:db8:2::1 64',
    ]);
  });
});
