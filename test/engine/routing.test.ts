/**
 * Layer 3 scenarios with IOS routers and Windows PCs: router-on-a-stick, static routes, default
 * routes, missing routes, loops, ICMP errors and their rate limit, administrative distance.
 */
import { describe, expect, it } from 'vitest';
import { deviceId } from '../../src/shared/ids.ts';
import { formatIpv4 } from '../../src/shared/ipv4.ts';
import type { Micros } from '../../src/shared/time.ts';
import { seconds } from '../../src/shared/time.ts';
import { hops, ip, marks, TestNet, WINDOWS_TRACERT } from './net.ts';

const d = deviceId;

/** R1 on a stick for VLAN 10 (10.0.10.0/24) and 20 (10.0.20.0/24) above S1. */
function stick(native = false): TestNet {
  const n = new TestNet();
  n.router('R1', {
    interfaces: {
      'g0/0': {},
      'g0/0.10': { dot1q: native ? '10 native' : 10, ip: '10.0.10.1/24' },
      'g0/0.20': { dot1q: 20, ip: '10.0.20.1/24' },
    },
  });
  n.switch('S1', {
    vlans: [10, 20],
    ports: {
      'g0/1': { mode: 'trunk', ...(native ? { native: 10 } : {}) },
      'fa0/1': { mode: 'access', access: 10 },
      'fa0/2': { mode: 'access', access: 20 },
    },
  });
  n.pc('PC1', '10.0.10.10/24', '10.0.10.1').pc('PC2', '10.0.20.10/24', '10.0.20.1');
  n.link('R1:g0/0', 'S1:g0/1');
  n.link('PC1:fa0', 'S1:fa0/1');
  n.link('PC2:fa0', 'S1:fa0/2');
  return n.settle();
}

/**
 * PC1 - R1 - R2 - R3 - PC3. R1 and R3 have a default route to R2; R2 knows both LANs.
 * `routes` overrides R3's routes.
 */
function chain(r3Routes: string[] = ['0.0.0.0/0 via 10.0.23.1'], r2Routes?: string[]): TestNet {
  const n = new TestNet();
  n.router('R1', {
    interfaces: { 'g0/0': { ip: '192.168.1.1/24' }, 'g0/1': { ip: '10.0.12.1/30' } },
    routes: ['0.0.0.0/0 via 10.0.12.2'],
  });
  n.router('R2', {
    interfaces: { 'g0/0': { ip: '10.0.12.2/30' }, 'g0/1': { ip: '10.0.23.1/30' } },
    routes: r2Routes ?? ['192.168.1.0/24 via 10.0.12.1', '192.168.3.0/24 via 10.0.23.2'],
  });
  n.router('R3', {
    interfaces: { 'g0/0': { ip: '10.0.23.2/30' }, 'g0/1': { ip: '192.168.3.1/24' } },
    routes: r3Routes,
  });
  n.pc('PC1', '192.168.1.10/24', '192.168.1.1').pc('PC3', '192.168.3.10/24', '192.168.3.1');
  n.link('R1:g0/1', 'R2:g0/0');
  n.link('R2:g0/1', 'R3:g0/0');
  n.link('PC1:fa0', 'R1:g0/0');
  n.link('PC3:fa0', 'R3:g0/1');
  return n.settle();
}

describe('router on a stick', () => {
  it('routes between VLAN 10 and VLAN 20; the first echo is lost to ARP on the router', () => {
    const n = stick();
    const job = n.ping('PC1', '10.0.20.10');
    expect(marks(job)).toBe('.!!!');
    expect(job.results[1]!.outcome).toMatchObject({ kind: 'reply', from: ip('10.0.20.10'), ttl: 127 });
    expect(marks(n.ping('PC1', '10.0.20.10'))).toBe('!!!!');
    expect(hops(n.traceroute('PC1', '10.0.20.10'))).toEqual([
      '1: 10.0.10.1 10.0.10.1 10.0.10.1',
      '2: 10.0.20.10 10.0.20.10 10.0.20.10',
    ]);
  });

  // A port holds up to four tagged VLANs' destinations itself and leaves more to its device:
  // three VLANs (four on a trunk, VLAN 1 included) take the first path, six the second.
  it.each([3, 6])(
    '%i VLANs over two trunks: PCs reach each other; a VLAN pruned on one end is dropped',
    (count) => {
      const vlans = Array.from({ length: count }, (_, i) => 10 * (i + 1));
      const last = vlans.at(-1)!;
      const n = new TestNet();
      n.router('R1', {
        interfaces: {
          'g0/0': {},
          ...Object.fromEntries(vlans.map((v) => [`g0/0.${v}`, { dot1q: v, ip: `10.0.${v}.1/24` }])),
        },
      });
      const access = Object.fromEntries(
        vlans.map((v, i) => [`fa0/${i + 1}`, { mode: 'access' as const, access: v }]),
      );
      n.switch('S1', {
        vlans,
        ports: {
          'g0/1': { mode: 'trunk' },
          'g0/2': { mode: 'trunk', allowed: `1,${vlans.slice(0, -1).join(',')}` },
          ...access,
        },
      });
      // S2 sends the last VLAN over a trunk whose other end does not allow it.
      n.switch('S2', { vlans, ports: { 'g0/2': { mode: 'trunk' }, ...access } });
      n.link('R1:g0/0', 'S1:g0/1');
      n.link('S1:g0/2', 'S2:g0/2');
      vlans.forEach((v, i) => {
        n.pc(`A${v}`, `10.0.${v}.10/24`, `10.0.${v}.1`).pc(`B${v}`, `10.0.${v}.20/24`, `10.0.${v}.1`);
        n.link(`A${v}:fa0`, `S1:fa0/${i + 1}`);
        n.link(`B${v}:fa0`, `S2:fa0/${i + 1}`);
      });
      for (const from of vlans.slice(0, -1)) {
        for (const to of vlans) {
          expect(marks(n.ping(`B${from}`, `10.0.${to}.10`, { count: 2 }))).toMatch(/^[.!]!$/);
          expect(marks(n.ping(`A${to}`, `10.0.${from}.20`, { count: 1 }))).toBe('!');
        }
      }
      // Its ARP requests for the gateway go unanswered: Windows reports the host unreachable.
      expect(marks(n.ping(`B${last}`, `10.0.${last}.1`, { count: 2 }))).toBe('HH');
      const drops = n.sim.trace.events.filter((e) => e.kind === 'drop' && e.device === 'S1');
      expect(drops.length).toBeGreaterThan(0);
      expect(drops.every((e) => e.kind === 'drop' && e.reason === 'vlan-not-allowed')).toBe(true);
    },
  );

  it('frames to and from the router are tagged with the subinterface VLAN', () => {
    const n = stick();
    const seen = new Set<string>();
    n.sim.onWire((_t, link, f) => {
      if (link === 'L1' && f.payload.proto === 'ipv4') seen.add(`${f.tag?.vid}`);
    });
    n.ping('PC1', '10.0.20.10', { count: 2 });
    expect(seen).toEqual(new Set(['10', '20']));
  });

  it('encapsulation dot1Q native takes the untagged frames of the trunk native VLAN', () => {
    const n = stick(true);
    const tags = new Set<string>();
    n.sim.onWire((_t, link, f) => {
      if (link === 'L1' && f.payload.proto === 'ipv4') tags.add(`${f.tag?.vid}`);
    });
    expect(marks(n.ping('PC1', '10.0.20.10'))).toBe('.!!!');
    expect(tags).toEqual(new Set(['undefined', '20']));
  });

  it('each subinterface counts the frames of its VLAN; the port counts them all', () => {
    const n = stick();
    n.ping('PC1', '10.0.20.10', { count: 3 });
    const counters = new Map(n.sim.interfaces(d('R1')).map((i) => [i.name, i.counters]));
    const port = counters.get('GigabitEthernet0/0')!;
    const v10 = counters.get('GigabitEthernet0/0.10')!;
    const v20 = counters.get('GigabitEthernet0/0.20')!;
    for (const c of [v10, v20]) {
      expect(c.rxFrames).toBeGreaterThan(0);
      expect(c.txFrames).toBeGreaterThan(0);
    }
    expect(v10.rxFrames + v20.rxFrames).toBe(port.rxFrames);
    expect(v10.txFrames + v20.txFrames).toBe(port.txFrames);
    expect(v10.rxBytes + v20.rxBytes).toBe(port.rxBytes);
  });

  it.each([true, false])(
    'counts the exact wire length of every echo it routes between VLANs, padding included (traced: %s)',
    (traced) => {
      // Untraced, R1 forwards the frames in place and works their length out from the received one.
      const n = stick();
      n.sim.trace.enabled = traced;
      n.ping('PC1', '10.0.20.10', { count: 1 }); // resolves ARP on every hop
      const tx = () => new Map(n.sim.interfaces(d('R1')).map((i) => [i.name, i.counters.txBytes]));
      for (const size of [0, 14, 18, 32, 1472]) {
        const before = tx();
        n.ping('PC1', '10.0.20.10', { count: 3, size });
        const after = tx();
        // Ethernet, 802.1Q tag, IPv4 and ICMP headers and the data, padded to 60 bytes.
        const tagged = Math.max(60, 14 + 4 + 20 + 8 + size);
        for (const sub of ['GigabitEthernet0/0.10', 'GigabitEthernet0/0.20'])
          expect(after.get(sub)! - before.get(sub)!, `${sub}, ${size} bytes`).toBe(3 * tagged);
      }
    },
  );

  it('shows subinterfaces after the ports, up while the port is up', () => {
    const n = stick();
    const rows = n.sim.interfaces(d('R1')).map((i) => `${i.name} ${i.status}/${i.protocol}`);
    expect(rows).toEqual([
      'GigabitEthernet0/0 up/up',
      'GigabitEthernet0/1 administratively down/down',
      'GigabitEthernet0/2 administratively down/down',
      'GigabitEthernet0/0.10 up/up',
      'GigabitEthernet0/0.20 up/up',
    ]);
    n.reconfigure('R1', {
      interfaces: {
        'g0/0': { shutdown: true },
        'g0/0.10': { dot1q: 10, ip: '10.0.10.1/24' },
        'g0/0.20': { dot1q: 20, ip: '10.0.20.1/24' },
      },
    });
    expect(n.sim.interfaces(d('R1')).map((i) => `${i.name} ${i.status}/${i.protocol}`)).toEqual([
      'GigabitEthernet0/0 administratively down/down',
      'GigabitEthernet0/1 administratively down/down',
      'GigabitEthernet0/2 administratively down/down',
      'GigabitEthernet0/0.10 administratively down/down',
      'GigabitEthernet0/0.20 administratively down/down',
    ]);
    expect(n.sim.routes(d('R1'))).toEqual([]);
  });
});

describe('static routes across three routers', () => {
  it('PC1 reaches PC3; each router on the way drops one echo while it resolves its next hop', () => {
    const n = chain();
    expect(marks(n.ping('PC1', '192.168.3.10'))).toBe('...!');
    expect(marks(n.ping('PC1', '192.168.3.10'))).toBe('!!!!');
    expect(hops(n.traceroute('PC1', '192.168.3.10'))).toEqual([
      '1: 192.168.1.1 192.168.1.1 192.168.1.1',
      '2: 10.0.12.2 10.0.12.2 10.0.12.2',
      '3: 10.0.23.2 10.0.23.2 10.0.23.2',
      '4: 192.168.3.10 192.168.3.10 192.168.3.10',
    ]);
    const reply = n.ping('PC1', '192.168.3.10', { count: 1 }).results[0]!.outcome;
    expect(reply).toMatchObject({ kind: 'reply', ttl: 125 });
  });

  it('IOS traceroute uses UDP and stops at the port unreachable from the target', () => {
    const n = chain();
    n.ping('PC1', '192.168.3.10');
    expect(hops(n.traceroute('R1', '192.168.3.10'))).toEqual([
      '1: 10.0.12.2 10.0.12.2 10.0.12.2',
      '2: 10.0.23.2 10.0.23.2 10.0.23.2',
      '3: 192.168.3.10!P 192.168.3.10!P 192.168.3.10!P',
    ]);
    // A router target answers port unreachable, rate-limited to one per 500 ms: "!P * !P".
    expect(hops(n.traceroute('R1', '10.0.23.2'))).toEqual([
      '1: 10.0.12.2 10.0.12.2 10.0.12.2',
      '2: 10.0.23.2!P * 10.0.23.2!P',
    ]);
  });

  it('IOS traceroute stops at the first hop that answers unreachable, whatever the probe count', () => {
    // R2 knows no 172.16.0.0: the second hop answers !H, rate-limited to one per 500 ms (the
    // first probe is lost while R1 resolves R2).
    const n = chain();
    expect(hops(n.traceroute('R1', '172.16.1.1', { probesPerHop: 5 }))).toEqual([
      '1: * 10.0.12.2 10.0.12.2 10.0.12.2 10.0.12.2',
      '2: 10.0.12.2!H * 10.0.12.2!H * 10.0.12.2!H',
    ]);
  });

  it('a next hop resolves through the most specific route, whatever order the routes were given in', () => {
    // R1's default route leads to R2; 10.10.0.0/16 goes via 10.200.0.1, which the next route
    // (given after it) puts behind R3. The trace must go to R3.
    const n = new TestNet();
    n.router('R1', {
      interfaces: { 'g0/0': { ip: '10.0.12.1/24' }, 'g0/1': { ip: '10.0.13.1/24' } },
      routes: ['0.0.0.0/0 via 10.0.12.2', '10.10.0.0/16 via 10.200.0.1', '10.200.0.0/16 via 10.0.13.3'],
    });
    n.router('R2', { interfaces: { 'g0/0': { ip: '10.0.12.2/24' } } });
    n.router('R3', { interfaces: { 'g0/0': { ip: '10.0.13.3/24' } } });
    n.link('R1:g0/0', 'R2:g0/0');
    n.link('R1:g0/1', 'R3:g0/0');
    n.settle();
    n.ping('R1', '10.0.13.3', { count: 1 });
    expect(hops(n.traceroute('R1', '10.10.1.1', { maxTtl: 1, probesPerHop: 1 }))).toEqual(['1: 10.0.13.3']);
  });

  it('an echo larger than the MTU crosses the routers in fragments; with DF set it fails at the PC', () => {
    const n = chain();
    n.ping('PC1', '192.168.3.10');
    let fragments = 0;
    n.sim.onWire((_at, _link, f) => {
      const p = f.payload;
      if (p.proto === 'ipv4' && (p.moreFragments || p.fragmentOffset > 0)) fragments++;
    });
    const big = n.ping('PC1', '192.168.3.10', { count: 1, size: 4000 }).results[0]!.outcome;
    expect(big).toMatchObject({ kind: 'reply', bytes: 4000, ttl: 125 });
    // Three fragments each way, seen on each of the four cables of the path.
    expect(fragments).toBe(3 * 2 * 4);
    const df = n.ping('PC1', '192.168.3.10', { count: 1, size: 1473, dontFragment: true }).results[0]!
      .outcome;
    expect(df).toEqual({ kind: 'local-error', reason: 'too-big' });
    const fits = n.ping('PC1', '192.168.3.10', { count: 1, size: 1472, dontFragment: true }).results[0]!
      .outcome;
    expect(fits).toMatchObject({ kind: 'reply', bytes: 1472 });
  });

  it('IOS traceroute options: the first TTL, probes per hop and the first UDP port', () => {
    const n = chain();
    n.ping('PC1', '192.168.3.10');
    const ports: number[] = [];
    n.sim.onWire((_at, _link, f) => {
      const p = f.payload;
      // Each probe is seen on every cable it crosses: count it once.
      const udp = p.proto === 'ipv4' && p.payload.proto === 'udp' ? p.payload : undefined;
      if (udp !== undefined && ports.at(-1) !== udp.dstPort) ports.push(udp.dstPort);
    });
    const job = n.traceroute('R1', '192.168.3.10', { minTtl: 2, probesPerHop: 2, port: 40000 });
    expect(hops(job)).toEqual(['2: 10.0.23.2 10.0.23.2', '3: 192.168.3.10!P 192.168.3.10!P']);
    expect(ports).toEqual([40000, 40001, 40002, 40003]);
  });

  it('a traceroute to one of its own addresses ends at hop 1, its port unreachable staying inside', () => {
    const n = chain();
    const sent = () => n.sim.interfaces(d('R1')).map((i) => i.counters.txFrames);
    const before = sent();
    expect(hops(n.traceroute('R1', '10.0.12.1'))).toEqual(['1: 10.0.12.1!P * 10.0.12.1!P']);
    n.run(seconds(1)); // past the unreachables' rate limit
    expect(hops(n.traceroute('R1', '192.168.1.1', { maxTtl: 3 }))).toEqual([
      '1: 192.168.1.1!P * 192.168.1.1!P',
    ]);
    // Nothing left the router: no ARP for itself, no probe on a cable.
    expect(sent()).toEqual(before);
  });

  it('shows C, L and S* routes as IOS does', () => {
    const n = chain();
    const routes = n.sim
      .routes(d('R1'))
      .map((r) => [r.code, r.prefix.addr, r.prefix.len, r.distance, r.nextHop, r.interface]);
    expect(routes).toEqual([
      ['S*', 0, 0, 1, ip('10.0.12.2'), undefined],
      ['C', ip('10.0.12.0'), 30, 0, undefined, 'GigabitEthernet0/1'],
      ['L', ip('10.0.12.1'), 32, 0, undefined, 'GigabitEthernet0/1'],
      ['C', ip('192.168.1.0'), 24, 0, undefined, 'GigabitEthernet0/0'],
      ['L', ip('192.168.1.1'), 32, 0, undefined, 'GigabitEthernet0/0'],
    ]);
  });

  it('probes from a chosen source: R3 reaches PC1 from its LAN address only once R1 can answer it', () => {
    // R1 and R2 route 192.168.3.0/24; without R2's route, nothing comes back to R3's LAN address.
    const n = chain(undefined, ['192.168.1.0/24 via 10.0.12.1']);
    n.ping('R3', '192.168.1.10');
    n.ping('R3', '192.168.1.10');
    const lan = ip('192.168.3.1');
    expect(marks(n.ping('R3', '192.168.1.10', { source: lan }))).toBe('.....');
    expect(hops(n.traceroute('R3', '192.168.1.10', { source: lan, maxTtl: 2 }))).toEqual([
      '1: * * *',
      '2: * * *',
    ]);
    n.reconfigure('R2', {
      interfaces: { 'g0/0': { ip: '10.0.12.2/30' }, 'g0/1': { ip: '10.0.23.1/30' } },
      routes: ['192.168.1.0/24 via 10.0.12.1', '192.168.3.0/24 via 10.0.23.2'],
    });
    expect(hops(n.traceroute('R3', '192.168.1.10', { source: lan }))).toEqual([
      '1: 10.0.23.1 10.0.23.1 10.0.23.1',
      '2: 10.0.12.1 10.0.12.1 10.0.12.1',
      '3: 192.168.1.10!P 192.168.1.10!P 192.168.1.10!P',
    ]);
    // An address that is not the router's own: nothing leaves, every probe times out.
    expect(hops(n.traceroute('R3', '192.168.1.10', { source: ip('192.168.1.1'), maxTtl: 1 }))).toEqual([
      '1: * * *',
    ]);
  });

  it('a missing return route: pings time out, traceroute stops getting answers after R2', () => {
    // R3 knows only its connected networks: it cannot send anything back to 192.168.1.0/24.
    const n = chain([]);
    expect(marks(n.ping('PC1', '192.168.3.10'))).toBe('....');
    const trace = hops(n.traceroute('PC1', '192.168.3.10', { maxTtl: 6 }));
    expect(trace).toEqual([
      '1: 192.168.1.1 192.168.1.1 192.168.1.1',
      '2: 10.0.12.2 10.0.12.2 10.0.12.2',
      '3: * * *',
      '4: * * *',
      '5: * * *',
      '6: * * *',
    ]);
  });

  it('no route: IOS answers host unreachable, one per 500 ms, so an IOS ping shows U.U.U', () => {
    const n = chain();
    n.ping('R1', '10.0.12.2');
    // H: host unreachable, which an IOS ping prints as U.
    expect(marks(n.ping('R1', '8.8.8.8'))).toBe('H.H.H');
    // Right after the last one, R2 is still within its 500 ms.
    expect(marks(n.ping('R1', '8.8.8.8', { count: 1 }))).toBe('.');
    n.run(seconds(1));
    const u = n.ping('R1', '8.8.8.8', { count: 1 }).results[0]!.outcome;
    expect(u).toMatchObject({ kind: 'unreachable', from: ip('10.0.12.2'), code: 1 });
    // Windows waits a second between echoes: every one gets its unreachable.
    n.run(seconds(1));
    expect(marks(n.ping('PC1', '8.8.8.8'))).toBe('HHHH');
  });

  it('Windows tracert ends at the first unreachable, with no more probes', () => {
    const n = chain();
    n.ping('PC1', '192.168.3.10');
    const job = n.traceroute('PC1', '8.8.8.8');
    // R2 answers the first probe of hop 3 host unreachable; a second probe would have met its
    // 500 ms limit and waited out the 4 s timeout.
    expect(hops(job)).toEqual([
      '1: 192.168.1.1 192.168.1.1 192.168.1.1',
      '2: 10.0.12.2 10.0.12.2 10.0.12.2',
      '3: 10.0.12.2!H',
    ]);
    expect(job.done).toBe(true);
  });

  it('a route to Null0 discards what it matches and answers host unreachable', () => {
    const n = chain(undefined, [
      '192.168.1.0/24 via 10.0.12.1',
      '192.168.3.0/24 via 10.0.23.2',
      '172.16.0.0/16 dev Null0',
    ]);
    n.ping('PC1', '192.168.3.10');
    expect(n.sim.routes(d('R2')).find((r) => r.prefix.len === 16)).toMatchObject({
      code: 'S',
      interface: 'Null0',
    });
    const before = n.sim.trace.events.length;
    const u = n.ping('PC1', '172.16.5.5', { count: 1 }).results[0]!.outcome;
    expect(u).toMatchObject({ kind: 'unreachable', from: ip('10.0.12.2'), code: 1 });
    const drops = n.sim.trace.events.slice(before).filter((e) => e.kind === 'drop');
    expect(drops.map((e) => e.kind === 'drop' && `${e.device} ${e.reason}`)).toEqual(['R2 null-route']);
    // The more specific route still wins; a ping from R2 itself goes nowhere, without a frame.
    expect(marks(n.ping('PC1', '192.168.3.10', { count: 1 }))).toBe('!');
    const sent = n.sim.trace.events.length;
    expect(marks(n.ping('R2', '172.16.1.1', { count: 2 }))).toBe('..');
    expect(n.sim.trace.events.slice(sent).filter((e) => e.kind === 'tx')).toEqual([]);
  });

  it('no ip unreachables on the incoming interface: no host or port unreachable, TTL exceeded still', () => {
    const n = chain();
    n.ping('PC1', '192.168.3.10');
    n.reconfigure('R2', {
      interfaces: { 'g0/0': { ip: '10.0.12.2/30', unreachables: false }, 'g0/1': { ip: '10.0.23.1/30' } },
      routes: ['192.168.1.0/24 via 10.0.12.1', '192.168.3.0/24 via 10.0.23.2'],
    });
    n.run(seconds(1));
    expect(marks(n.ping('PC1', '8.8.8.8', { count: 2 }))).toBe('..');
    expect(hops(n.traceroute('R1', '10.0.12.2', { maxTtl: 3 }))).toEqual([
      '1: * * *',
      '2: * * *',
      '3: * * *',
    ]);
    expect(hops(n.traceroute('R1', '192.168.3.10', { maxTtl: 2 }))[0]).toBe(
      '1: 10.0.12.2 10.0.12.2 10.0.12.2',
    );
    // From the other side, R2 still answers.
    expect(marks(n.ping('PC3', '8.8.8.8', { count: 1 }))).toBe('H');
  });

  it('a router without a route cannot even send: IOS ping times out', () => {
    const n = chain();
    expect(marks(n.ping('R2', '8.8.8.8'))).toBe('.....');
  });

  it('a static routing loop ends with TTL exceeded back to the source', () => {
    // R2 sends everything unknown back to R1, whose default route points to R2.
    const n = chain(undefined, [
      '192.168.1.0/24 via 10.0.12.1',
      '192.168.3.0/24 via 10.0.23.2',
      '0.0.0.0/0 via 10.0.12.1',
    ]);
    n.ping('PC1', '192.168.3.10');
    const job = n.ping('PC1', '172.16.0.1');
    expect(marks(job)).toBe('&&&&');
    const expired = job.results.map((r) => (r.outcome.kind === 'ttl-exceeded' ? r.outcome.from : 0));
    // TTL 128 from Windows: R1 forwards it with 127, 125, ..., 1, and R2 cannot forward TTL 1.
    expect(new Set(expired)).toEqual(new Set([ip('10.0.12.2')]));
    const drops = n.sim.trace.events.filter((e) => e.kind === 'drop' && e.reason === 'ttl-expired');
    expect(drops.length).toBe(4);
  });

  it('installs a next-hop route only when it resolves, an exit-interface route only when the interface is up', () => {
    const n = new TestNet();
    n.router('R1', {
      interfaces: { 'g0/0': { ip: '10.0.0.1/24' }, 'g0/1': { ip: '10.9.0.1/24' } },
      routes: [
        '172.16.0.0/16 via 10.0.0.2',
        '172.17.0.0/16 via 10.5.0.2',
        '172.18.0.0/16 dev g0/1',
        '172.19.0.0/16 via 172.16.1.1',
      ],
    });
    const codes = () =>
      n.sim
        .routes(d('R1'))
        .filter((r) => r.code === 'S')
        .map((r) => (r.prefix.addr >>> 16) & 255);
    // Both interfaces are down (not cabled): nothing resolves.
    expect(codes()).toEqual([]);
    n.sim.addDevice(d('S1'), 'switch', 'S1');
    n.link('R1:g0/0', 'S1:fa0/1');
    // 172.16/16 via the connected 10.0.0.0/24; 172.19/16 recursively via 172.16/16.
    expect(codes()).toEqual([16, 19]);
    n.link('R1:g0/1', 'S1:fa0/2');
    expect(codes()).toEqual([16, 18, 19]);
    const r18 = n.sim.routes(d('R1')).find((r) => r.prefix.addr === ip('172.18.0.0'))!;
    expect([r18.nextHop, r18.interface]).toEqual([undefined, 'GigabitEthernet0/1']);
  });

  it('a default route out of an Ethernet interface ARPs for each destination; proxy ARP answers', () => {
    // R3: ip route 0.0.0.0 0.0.0.0 g0/0. The reply R2 sends for 192.168.1.10 comes from an
    // address outside R3's subnet on g0/0, and R3 takes it: it asked for that very address.
    const n = chain(['0.0.0.0/0 dev g0/0']);
    // R3, R2 and R1 each drop the echo that makes them resolve their next hop.
    expect(marks(n.ping('R3', '192.168.1.10'))).toBe('...!!');
    expect(marks(n.ping('R3', '192.168.1.10'))).toBe('!!!!!');
    const entry = n.sim.arpTable(d('R3')).find((e) => e.ip === ip('192.168.1.10'));
    const r2 = n.sim.interfaces(d('R2')).find((i) => i.name === 'GigabitEthernet0/1')!;
    expect(entry).toMatchObject({ mac: r2.mac, interface: 'GigabitEthernet0/0' });
    // With proxy ARP off on R2, nobody answers for remote destinations.
    n.reconfigure('R2', {
      interfaces: { 'g0/0': { ip: '10.0.12.2/30' }, 'g0/1': { ip: '10.0.23.1/30', proxyArp: false } },
      routes: ['192.168.1.0/24 via 10.0.12.1', '192.168.3.0/24 via 10.0.23.2'],
    });
    expect(marks(n.ping('R3', '192.168.1.1'))).toBe('.....');
  });

  it('a floating static route (distance 5) takes over when the primary path goes down', () => {
    const n = new TestNet();
    n.router('R1', {
      interfaces: { 'g0/0': { ip: '10.0.1.1/24' }, 'g0/1': { ip: '10.0.2.1/24' } },
      routes: ['172.16.0.0/16 via 10.0.1.2', '172.16.0.0/16 via 10.0.2.2 ad 5'],
    });
    n.switch('S1').switch('S2');
    const primary = n.link('R1:g0/0', 'S1:fa0/1');
    n.link('R1:g0/1', 'S2:fa0/1');
    const via = () =>
      n.sim
        .routes(d('R1'))
        .filter((r) => r.code === 'S')
        .map((r) => [r.nextHop, r.distance]);
    expect(via()).toEqual([[ip('10.0.1.2'), 1]]);
    n.sim.setLinkUp(primary as never, false);
    expect(via()).toEqual([[ip('10.0.2.2'), 5]]);
    n.sim.setLinkUp(primary as never, true);
    expect(via()).toEqual([[ip('10.0.1.2'), 1]]);
  });

  it('a permanent route stays while its interface is down, and keeps the floating route out', () => {
    const n = new TestNet();
    n.router('R1', {
      interfaces: { 'g0/0': { ip: '10.0.1.1/24' }, 'g0/1': { ip: '10.0.2.1/24' } },
      routes: [
        '172.16.0.0/16 via 10.0.1.2 permanent',
        '172.16.0.0/16 via 10.0.2.2 ad 5',
        '172.17.0.0/16 dev g0/0 permanent',
      ],
    });
    n.switch('S1').switch('S2');
    const primary = n.link('R1:g0/0', 'S1:fa0/1');
    n.link('R1:g0/1', 'S2:fa0/1');
    n.pc('B', '10.0.2.2/24');
    n.link('B:fa0', 'S2:fa0/2');
    n.settle();
    const statics = () =>
      n.sim
        .routes(d('R1'))
        .filter((r) => r.code === 'S')
        .map(
          (r) =>
            `${r.prefix.addr === ip('172.16.0.0') ? '172.16' : '172.17'} ${r.nextHop === undefined ? r.interface : formatIpv4(r.nextHop)} ${r.distance}`,
        );
    expect(statics()).toEqual(['172.16 10.0.1.2 1', '172.17 GigabitEthernet0/0 1']);
    n.sim.setLinkUp(primary as never, false);
    // Unlike the floating route's test above: the permanent route holds, and what it matches is lost.
    expect(statics()).toEqual(['172.16 10.0.1.2 1', '172.17 GigabitEthernet0/0 1']);
    const before = n.sim.interfaces(d('B'))[0]!.counters.rxFrames;
    expect(marks(n.ping('R1', '172.16.0.1', { count: 2 }))).toBe('..');
    expect(n.sim.interfaces(d('B'))[0]!.counters.rxFrames).toBe(before);
  });

  it('longest prefix match wins over a shorter route and the default route', () => {
    const n = new TestNet();
    n.router('R1', {
      interfaces: {
        'g0/0': { ip: '10.0.1.1/24' },
        'g0/1': { ip: '10.0.2.1/24' },
        'g0/2': { ip: '10.0.3.1/24' },
      },
      routes: ['0.0.0.0/0 via 10.0.3.2', '172.16.0.0/16 via 10.0.1.2', '172.16.5.0/24 via 10.0.2.2'],
    });
    for (const [sw, port] of [
      ['S1', 'g0/0'],
      ['S2', 'g0/1'],
      ['S3', 'g0/2'],
    ] as const) {
      n.switch(sw);
      n.link(`R1:${port}`, `${sw}:fa0/1`);
    }
    n.pc('A', '10.0.1.2/24').pc('B', '10.0.2.2/24').pc('C', '10.0.3.2/24');
    n.link('A:fa0', 'S1:fa0/2');
    n.link('B:fa0', 'S2:fa0/2');
    n.link('C:fa0', 'S3:fa0/2');
    n.settle();
    const gotTo = (dst: string) => {
      const before = ['A', 'B', 'C'].map((h) => n.sim.interfaces(d(h))[0]!.counters.rxFrames);
      n.ping('R1', dst, { count: 2 });
      const after = ['A', 'B', 'C'].map((h) => n.sim.interfaces(d(h))[0]!.counters.rxFrames);
      return ['A', 'B', 'C'].filter((_, i) => after[i]! > before[i]!);
    };
    expect(gotTo('172.16.5.9')).toEqual(['B']);
    expect(gotTo('172.16.6.9')).toEqual(['A']);
    expect(gotTo('172.17.0.1')).toEqual(['C']);
  });
});

describe('PC addressing mistakes', () => {
  it('no default gateway: a remote destination is a local failure (General failure)', () => {
    const n = stick();
    n.host('PC1', '10.0.10.10/24');
    const start = n.sim.now();
    const job = n.ping('PC1', '10.0.20.10');
    expect(job.results.map((r) => r.outcome)).toEqual(
      Array(4).fill({ kind: 'local-error', reason: 'no-route' }),
    );
    // One a second, as Windows prints them.
    expect(job.results.map((r) => r.at - start)).toEqual([0, 1, 2, 3].map((s) => seconds(s)));
  });

  it('a gateway that does not exist: Destination host unreachable from the PC itself', () => {
    const n = stick();
    n.host('PC1', '10.0.10.10/24', '10.0.10.99');
    const job = n.ping('PC1', '10.0.20.10');
    expect(marks(job)).toBe('HHHH');
    expect(job.results[0]!.outcome).toEqual({ kind: 'unreachable', from: ip('10.0.10.10'), code: 1 });
  });

  it('a gateway that is another PC: requests time out', () => {
    const n = stick();
    n.pc('PC3', '10.0.10.11/24', '10.0.10.1');
    n.link('PC3:fa0', 'S1:fa0/3');
    n.reconfigure('S1', {
      vlans: [10, 20],
      ports: {
        'g0/1': { mode: 'trunk' },
        'fa0/1': { mode: 'access', access: 10 },
        'fa0/2': { mode: 'access', access: 20 },
        'fa0/3': { mode: 'access', access: 10 },
      },
    });
    n.host('PC1', '10.0.10.10/24', '10.0.10.11');
    expect(marks(n.ping('PC1', '10.0.20.10'))).toBe('....');
  });

  it('a mask too wide still works through proxy ARP, and fails once proxy ARP is off', () => {
    const n = stick();
    n.host('PC1', '10.0.10.10/8', '10.0.10.1');
    // PC1 thinks 10.0.20.10 is on its wire and ARPs for it; R1 answers for it.
    expect(marks(n.ping('PC1', '10.0.20.10'))).toBe('.!!!');
    const arp = n.sim.arpTable(d('PC1'));
    const r1 = n.sim.interfaces(d('R1'))[0]!.mac;
    expect(arp.find((e) => e.ip === ip('10.0.20.10'))?.mac).toBe(r1);
    n.reconfigure('R1', {
      interfaces: {
        'g0/0': {},
        'g0/0.10': { dot1q: 10, ip: '10.0.10.1/24', proxyArp: false },
        'g0/0.20': { dot1q: 20, ip: '10.0.20.1/24' },
      },
    });
    n.sim.clearArp(d('PC1'));
    expect(marks(n.ping('PC1', '10.0.20.10'))).toBe('HHHH');
  });

  it('a mask too narrow makes the gateway look off-link: Windows still ARPs for it', () => {
    const n = stick();
    n.host('PC1', '10.0.10.10/30', '10.0.10.1');
    // 10.0.10.1 is outside 10.0.10.8/30, but the PC's only route to it is its interface.
    expect(marks(n.ping('PC1', '10.0.20.10'))).toBe('.!!!');
  });

  it('an address in the wrong subnet: IOS ignores the ARP request ("wrong cable")', () => {
    const n = stick();
    n.host('PC1', '10.0.11.10/16', '10.0.10.1');
    // The gateway is on-link for the PC, but the PC is not for the router's 10.0.10.0/24.
    expect(marks(n.ping('PC1', '10.0.10.1'))).toBe('HHHH');
    expect(n.sim.arpTable(d('R1')).some((e) => e.ip === ip('10.0.11.10'))).toBe(false);
    n.host('PC1', '10.0.10.10/16', '10.0.10.1');
    expect(marks(n.ping('PC1', '10.0.10.1'))).toBe('!!!!');
  });
});

describe('pings to a broadcast address', () => {
  /** R1, R2 and R3 and a PC on one LAN; each router has already resolved R1. */
  function lan(): TestNet {
    const n = new TestNet();
    for (const [r, a] of [
      ['R1', 1],
      ['R2', 2],
      ['R3', 3],
    ] as const)
      n.router(r, { interfaces: { 'g0/0': { ip: `10.0.0.${a}/24` } } });
    n.switch('S1').pc('PC1', '10.0.0.10/24', '10.0.0.1');
    n.link('R1:g0/0', 'S1:fa0/1');
    n.link('R2:g0/0', 'S1:fa0/2');
    n.link('R3:g0/0', 'S1:fa0/3');
    n.link('PC1:fa0', 'S1:fa0/4');
    n.ping('R2', '10.0.0.1');
    n.ping('R3', '10.0.0.1');
    return n;
  }

  it('IOS devices answer from their own address, Windows does not; all replies are kept', () => {
    const n = lan();
    for (const target of ['10.0.0.255', '255.255.255.255']) {
      const job = n.ping('R1', target, { count: 2, allReplies: true });
      expect(
        job.results.map((r) => `${r.seq} ${r.outcome.kind === 'reply' ? r.outcome.from & 255 : '-'}`).sort(),
      ).toEqual(['0 2', '0 3', '1 2', '1 3']);
    }
    // Without allReplies, the first reply ends each echo.
    expect(marks(n.ping('R1', '10.0.0.255', { count: 2 }))).toBe('!!');
    // An echo nobody answers is a timeout of its own.
    n.reconfigure('R2', { interfaces: { 'g0/0': { ip: '10.0.0.2/24', shutdown: true } } });
    n.reconfigure('R3', { interfaces: { 'g0/0': { ip: '10.0.0.3/24', shutdown: true } } });
    n.run(seconds(5));
    const none = n.ping('R1', '10.0.0.255', { count: 2, allReplies: true });
    expect(none.results.map((r) => `${r.seq} ${r.outcome.kind}`)).toEqual(['0 timeout', '1 timeout']);
  });
});

describe('auto-negotiation', () => {
  it('a Gigabit port cabled to a Fast Ethernet NIC runs at 100 Mb/s; uncabled, it shows its own speed', () => {
    const n = stick();
    const port = (dev: string, name: string) => n.sim.interfaces(d(dev)).find((i) => i.name === name)!;
    n.router('R2', { interfaces: { 'g0/0': { ip: '10.0.30.1/24' }, 'g0/1': {} } });
    n.pc('PC3', '10.0.30.10/24', '10.0.30.1');
    n.link('PC3:fa0', 'R2:g0/0');
    n.run(seconds(5));
    expect(port('R2', 'GigabitEthernet0/0').bandwidth).toBe(100_000_000);
    expect(port('R2', 'GigabitEthernet0/1').bandwidth).toBe(1_000_000_000);
    expect(port('R1', 'GigabitEthernet0/0').bandwidth).toBe(1_000_000_000);
    expect(port('R1', 'GigabitEthernet0/0.10').bandwidth).toBe(1_000_000_000);
  });
});

describe('probes at once', () => {
  it('a PC running two pings and a traceroute at once gives each its own replies', () => {
    const n = stick();
    n.ping('PC1', '10.0.20.10', { count: 1 });
    const start = (to: string, count: number) =>
      n.sim.ping(d('PC1'), ip(to), { count, timeout: seconds(4), size: 32, interval: 0 as Micros });
    const short = start('10.0.20.10', 2);
    const long = start('10.0.10.1', 30);
    const trace = n.sim.traceroute(d('PC1'), ip('10.0.20.10'), WINDOWS_TRACERT);
    n.finish(short);
    // The long ping goes on without it, then beside a new one.
    n.run(seconds(0.01));
    const again = start('10.0.20.10', 3);
    for (const job of [long, trace, again]) n.finish(job);
    expect(marks(short)).toBe('!!');
    expect(marks(long)).toBe('!'.repeat(30));
    expect(marks(again)).toBe('!!!');
    expect(long.results.map((r) => r.outcome.kind === 'reply' && r.outcome.from)).toEqual(
      Array(30).fill(ip('10.0.10.1')),
    );
    expect(hops(trace)).toEqual(['1: 10.0.10.1 10.0.10.1 10.0.10.1', '2: 10.0.20.10 10.0.20.10 10.0.20.10']);
  });
});

describe('the loopback network', () => {
  const sent = (n: TestNet, dev: string) => n.sim.interfaces(d(dev))[0]!.counters.txFrames;

  it('a PC answers 127.0.0.0/8 itself, without a frame on the wire, addressed or not', () => {
    const n = stick();
    const before = sent(n, 'PC1');
    const job = n.ping('PC1', '127.0.0.1');
    expect(marks(job)).toBe('!!!!');
    expect(job.results[0]!.outcome).toMatchObject({ kind: 'reply', from: ip('127.0.0.1'), ttl: 128 });
    expect(marks(n.ping('PC1', '127.9.8.7'))).toBe('!!!!');
    expect(hops(n.traceroute('PC1', '127.0.0.1'))).toEqual(['1: 127.0.0.1 127.0.0.1 127.0.0.1']);
    expect(sent(n, 'PC1')).toBe(before);
    // No address and no cable: still answered.
    const lone = new TestNet();
    lone.pc('PC9');
    expect(marks(lone.ping('PC9', '127.0.0.1'))).toBe('!!!!');
  });

  it('an IOS router has no loopback network: its echoes go unanswered', () => {
    const n = stick();
    expect(marks(n.ping('R1', '127.0.0.1'))).toBe('.....');
  });
});

describe('administratively down', () => {
  it('shows administratively down locally and down at the peer; removes routes; pings fail', () => {
    const n = chain();
    expect(marks(n.ping('PC1', '192.168.1.1', { count: 1 }))).toBe('!');
    n.reconfigure('R1', {
      interfaces: { 'g0/0': { ip: '192.168.1.1/24', shutdown: true }, 'g0/1': { ip: '10.0.12.1/30' } },
      routes: ['0.0.0.0/0 via 10.0.12.2'],
    });
    const r1 = n.sim.interfaces(d('R1')).find((i) => i.name === 'GigabitEthernet0/0')!;
    expect([r1.status, r1.protocol]).toEqual(['administratively down', 'down']);
    const pc = n.sim.interfaces(d('PC1'))[0]!;
    expect([pc.status, pc.protocol]).toEqual(['down', 'down']);
    expect(n.sim.routes(d('R1')).some((r) => r.prefix.addr === ip('192.168.1.0'))).toBe(false);
    // The PC's cable is dead: Windows cannot send at all.
    expect(n.ping('PC1', '192.168.1.1', { count: 1 }).results[0]!.outcome).toEqual({
      kind: 'local-error',
      reason: 'interface-down',
    });
  });

  it('a port with no cable is down/down, a router port is shut down by default', () => {
    const n = new TestNet();
    n.sim.addDevice(d('R9'), 'router', 'R9');
    n.switch('S1');
    const rows = (id: string) => n.sim.interfaces(d(id)).map((i) => `${i.status}/${i.protocol}/${i.cabled}`);
    expect(rows('R9')).toEqual(Array(3).fill('administratively down/down/false'));
    expect(rows('S1').slice(0, 26)).toEqual(Array(26).fill('down/down/false'));
  });
});
