/**
 * OSPF version 2 between routers: adjacencies on point-to-point and broadcast networks, the
 * DR election, routes through the shortest path, failover when a neighbour dies, the default
 * route it originates, and what goes on the wire.
 */
import { describe, expect, it } from 'vitest';
import type { OspfAdjacencyChange } from '../../src/engine/api.ts';
import { pcapFile } from '../../src/engine/pcap.ts';
import { encodeFrame } from '../../src/engine/wire/ethernet.ts';
import type { DeviceConfig } from '../../src/shared/config.ts';
import { deviceId } from '../../src/shared/ids.ts';
import { formatIpv4 } from '../../src/shared/ipv4.ts';
import type { InterfaceOspfConfig, OspfProcessConfig } from '../../src/shared/ospf.ts';
import { type Micros, seconds } from '../../src/shared/time.ts';
import { haveTshark, tsharkFields, tsharkProblems, withCapture } from '../wire/tshark-run.ts';
import { ip, marks, type RouterSpec, routerConfig, TestNet } from './net.ts';
import { neighbors, ospfRoutes } from './ospf-views.ts';

const d = deviceId;

/** `spec`'s configuration with OSPF process `ospf` and per-interface settings. */
function withOspf(
  name: string,
  spec: RouterSpec,
  ospf: Partial<OspfProcessConfig>,
  ifaces: Record<string, InterfaceOspfConfig> = {},
): DeviceConfig {
  const c = routerConfig(name, spec);
  const interfaces = { ...c.interfaces };
  for (const [iface, o] of Object.entries(ifaces)) interfaces[iface] = { ...interfaces[iface]!, ospf: o };
  return { ...c, interfaces, ospf: [{ pid: 1, networks: [], ...ospf }] };
}

/** Device `name`'s neighbours' changes of state, leaving out refused hellos. */
const adjacencies = (n: TestNet, name: string) =>
  n.sim.ospfEvents(d(name), 0).events.filter((e): e is OspfAdjacencyChange => e.kind === 'adjacency');

/** Device `name`'s refused hellos: "KIND ROUTER-ID from SOURCE on INTERFACE". */
const refusals = (n: TestNet, name: string) =>
  n.sim
    .ospfEvents(d(name), 0)
    .events.flatMap((e) =>
      e.kind === 'adjacency'
        ? []
        : [`${e.kind} ${formatIpv4(e.routerId)} from ${formatIpv4(e.src)} on ${e.iface}`],
    );

const everything = (area = 0) => [{ addr: ip('0.0.0.0'), wildcard: 0xffff_ffff, area: { id: area } }];

/** R1 - R2 - R3 in a chain (10.0.12.0/24, 10.0.23.0/24), a LAN with a PC behind R1 and R3 each. */
function chain() {
  const n = new TestNet();
  n.router('R1').router('R2').router('R3');
  n.pc('PC1', '192.168.1.10/24', '192.168.1.1').pc('PC3', '192.168.3.10/24', '192.168.3.1');
  n.link('R1:g0/0', 'R2:g0/0');
  const r23 = n.link('R2:g0/1', 'R3:g0/0');
  n.link('PC1:fa0', 'R1:g0/1');
  n.link('PC3:fa0', 'R3:g0/1');
  const specs: Record<string, RouterSpec> = {
    R1: {
      interfaces: {
        'g0/0': { ip: '10.0.12.1/24' },
        'g0/1': { ip: '192.168.1.1/24' },
        lo0: { ip: '1.1.1.1/32' },
      },
    },
    R2: {
      interfaces: {
        'g0/0': { ip: '10.0.12.2/24' },
        'g0/1': { ip: '10.0.23.2/24' },
        lo0: { ip: '2.2.2.2/32' },
      },
    },
    R3: {
      interfaces: {
        'g0/0': { ip: '10.0.23.3/24' },
        'g0/1': { ip: '192.168.3.1/24' },
        lo0: { ip: '3.3.3.3/32' },
      },
    },
  };
  for (const [name, spec] of Object.entries(specs))
    n.sim.configure(d(name), withOspf(name, spec, { networks: everything() }));
  return { n, r23, specs };
}

/**
 * R1 and R2 on one Ethernet (10.0.12.0/24), each configured with OSPF process 1 by
 * `configure(h, process, g0/0's OSPF settings)`.
 */
function pair() {
  const n = new TestNet();
  n.router('R1').router('R2');
  n.link('R1:g0/0', 'R2:g0/0');
  const configure = (h: number, process: Partial<OspfProcessConfig>, iface: InterfaceOspfConfig = {}) =>
    n.sim.configure(
      d(`R${h}`),
      withOspf(`R${h}`, { interfaces: { 'g0/0': { ip: `10.0.12.${h}/24` } } }, process, {
        'GigabitEthernet0/0': iface,
      }),
    );
  return { n, configure };
}

describe('OSPF', () => {
  it('forms adjacencies on a chain and routes end to end', () => {
    const { n } = chain();
    n.run(seconds(90));
    expect(neighbors(n, 'R2')).toEqual([
      '1.1.1.1 FULL/BDR GigabitEthernet0/0',
      '3.3.3.3 FULL/DR GigabitEthernet0/1',
    ]);
    expect(ospfRoutes(n, 'R1')).toEqual([
      'O 2.2.2.2/32 [110/2] via 10.0.12.2 GigabitEthernet0/0',
      'O 3.3.3.3/32 [110/3] via 10.0.12.2 GigabitEthernet0/0',
      'O 10.0.23.0/24 [110/2] via 10.0.12.2 GigabitEthernet0/0',
      'O 192.168.3.0/24 [110/3] via 10.0.12.2 GigabitEthernet0/0',
    ]);
    // The first echo waits for R3 to resolve PC3's address, as on IOS.
    expect(marks(n.finish(n.ping('PC1', '192.168.3.10')))).toBe('.!!!');
    expect(marks(n.finish(n.ping('PC1', '192.168.3.10')))).toBe('!!!!');
  });

  it('follows IOS timing: 2WAY while waiting 40 s, then the election, FULL, and the routes SPF gives', () => {
    const { n } = chain();
    n.run(seconds(30));
    expect(neighbors(n, 'R2')).toEqual([
      '1.1.1.1 2WAY/DROTHER GigabitEthernet0/0',
      '3.3.3.3 2WAY/DROTHER GigabitEthernet0/1',
    ]);
    // The most recently attached first, as IOS lists them.
    expect(n.sim.ospf(d('R2'))[0]!.interfaces.map((i) => `${i.name} ${i.state}`)).toEqual([
      'Loopback0 LOOP',
      'GigabitEthernet0/1 WAIT',
      'GigabitEthernet0/0 WAIT',
    ]);
    n.run(seconds(12));
    expect(neighbors(n, 'R2').every((l) => l.includes('FULL'))).toBe(true);
    expect(ospfRoutes(n, 'R1')).toEqual([]);
    // SPF runs 5 s after a change and at least 10 s after the last run.
    n.run(seconds(20));
    expect(ospfRoutes(n, 'R1')).toHaveLength(4);
    const events = adjacencies(n, 'R2').map((e) => `${formatIpv4(e.neighbor)} ${e.from}>${e.to} ${e.reason}`);
    expect(events).toEqual(['3.3.3.3 LOADING>FULL Loading Done', '1.1.1.1 LOADING>FULL Loading Done']);
  });

  it('drops a neighbour whose interface goes down and routes around it', () => {
    const n = new TestNet();
    n.router('R1').router('R2').router('R3');
    n.link('R1:g0/0', 'R2:g0/0');
    const r13 = n.link('R1:g0/1', 'R3:g0/0');
    n.link('R2:g0/1', 'R3:g0/1');
    const cfg = (name: string, a: string, b: string, lo: string) =>
      n.sim.configure(
        d(name),
        withOspf(
          name,
          { interfaces: { 'g0/0': { ip: a }, 'g0/1': { ip: b }, lo0: { ip: lo } } },
          { networks: everything() },
        ),
      );
    cfg('R1', '10.0.12.1/24', '10.0.13.1/24', '1.1.1.1/32');
    cfg('R2', '10.0.12.2/24', '10.0.23.2/24', '2.2.2.2/32');
    cfg('R3', '10.0.13.3/24', '10.0.23.3/24', '3.3.3.3/32');
    n.run(seconds(90));
    expect(ospfRoutes(n, 'R1').filter((r) => r.includes('3.3.3.3/32'))).toEqual([
      'O 3.3.3.3/32 [110/2] via 10.0.13.3 GigabitEthernet0/1',
    ]);
    // Two equal paths to the network between the others, one to what lies behind each.
    expect(ospfRoutes(n, 'R1').filter((r) => r.includes('10.0.23.0/24') || r.includes('2.2.2.2/32'))).toEqual(
      [
        'O 2.2.2.2/32 [110/2] via 10.0.12.2 GigabitEthernet0/0',
        'O 10.0.23.0/24 [110/2] via 10.0.12.2 GigabitEthernet0/0',
        'O 10.0.23.0/24 [110/2] via 10.0.13.3 GigabitEthernet0/1',
      ],
    );
    // Both ends of the cable see the line go: the neighbour goes at once, the route follows SPF.
    n.sim.setLinkUp(r13 as never, false);
    n.run(seconds(12));
    expect(ospfRoutes(n, 'R1').filter((r) => r.includes('3.3.3.3/32'))).toEqual([
      'O 3.3.3.3/32 [110/3] via 10.0.12.2 GigabitEthernet0/0',
    ]);
    const downs = adjacencies(n, 'R1').filter((e) => e.to === 'DOWN');
    expect(downs.map((e) => `${formatIpv4(e.neighbor)} ${e.from}>${e.to} ${e.reason}`)).toEqual([
      '3.3.3.3 FULL>DOWN Neighbor Down: Interface down or detached',
    ]);
  });

  it('gives up a neighbour heard from no more after the dead interval', () => {
    const n = new TestNet();
    n.router('R1').router('R2').switch('S1');
    n.link('R1:g0/0', 'S1:fa0/1');
    n.link('R2:g0/0', 'S1:fa0/2');
    const spec = (h: number, shutdown = false): RouterSpec => ({
      interfaces: { 'g0/0': { ip: `10.0.0.${h}/24`, shutdown }, lo0: { ip: `${h}.${h}.${h}.${h}/32` } },
    });
    n.sim.configure(d('R1'), withOspf('R1', spec(1), { networks: everything() }));
    n.sim.configure(d('R2'), withOspf('R2', spec(2), { networks: everything() }));
    n.run(seconds(60));
    expect(neighbors(n, 'R1')).toEqual(['2.2.2.2 FULL/DR GigabitEthernet0/0']);
    // R2's port goes down; R1's stays up on the switch and hears nothing more.
    n.sim.configure(d('R2'), withOspf('R2', spec(2, true), { networks: everything() }));
    n.run(seconds(29));
    expect(neighbors(n, 'R1')).toEqual(['2.2.2.2 FULL/DR GigabitEthernet0/0']);
    n.run(seconds(12));
    expect(neighbors(n, 'R1')).toEqual([]);
    const last = adjacencies(n, 'R1').at(-1)!;
    expect(`${last.from}>${last.to} ${last.reason}`).toBe('FULL>DOWN Neighbor Down: Dead timer expired');
    n.run(seconds(20));
    expect(ospfRoutes(n, 'R1')).toEqual([]);
  });

  it('elects the DR and BDR of a LAN by priority, then router ID, and DROTHERs stay 2WAY', () => {
    const n = new TestNet();
    n.router('R1').router('R2').router('R3').router('R4').switch('S1');
    ['R1', 'R2', 'R3', 'R4'].forEach((r, i) => {
      n.link(`${r}:g0/0`, `S1:fa0/${i + 1}`);
      n.sim.configure(
        d(r),
        withOspf(
          r,
          { interfaces: { 'g0/0': { ip: `10.0.0.${i + 1}/24` } } },
          { networks: everything(), routerId: ip(`${i + 1}.${i + 1}.${i + 1}.${i + 1}`) },
        ),
      );
    });
    n.run(seconds(120));
    expect(neighbors(n, 'R1')).toEqual([
      '2.2.2.2 2WAY/DROTHER GigabitEthernet0/0',
      '3.3.3.3 FULL/BDR GigabitEthernet0/0',
      '4.4.4.4 FULL/DR GigabitEthernet0/0',
    ]);
    expect(neighbors(n, 'R4')).toEqual([
      '1.1.1.1 FULL/DROTHER GigabitEthernet0/0',
      '2.2.2.2 FULL/DROTHER GigabitEthernet0/0',
      '3.3.3.3 FULL/BDR GigabitEthernet0/0',
    ]);
    const db = n.sim
      .ospf(d('R1'))[0]!
      .database[0]!.lsas.map((l) => `${l.type} ${formatIpv4(l.id)} ${formatIpv4(l.advRouter)}`);
    expect(db).toEqual([
      '1 1.1.1.1 1.1.1.1',
      '1 2.2.2.2 2.2.2.2',
      '1 3.3.3.3 3.3.3.3',
      '1 4.4.4.4 4.4.4.4',
      '2 10.0.0.4 4.4.4.4',
    ]);
  });

  it('announces a default route with default-information originate, as O*E2', () => {
    const { n, specs } = chain();
    n.sim.configure(
      d('R3'),
      withOspf(
        'R3',
        { ...specs.R3, routes: ['0.0.0.0/0 dev null0'] },
        {
          networks: everything(),
          defaultOriginate: {},
        },
      ),
    );
    n.run(seconds(90));
    expect(ospfRoutes(n, 'R1').filter((r) => r.includes('0.0.0.0/0'))).toEqual([
      'O*E2 0.0.0.0/0 [110/1] via 10.0.12.2 GigabitEthernet0/0',
    ]);
  });

  it('takes a router ID at once while it has no neighbour, and keeps it while it has', () => {
    const { n, specs } = chain();
    const rid = () => formatIpv4(n.sim.ospf(d('R1'))[0]!.routerId);
    expect(rid()).toBe('1.1.1.1');
    n.sim.configure(d('R1'), withOspf('R1', specs.R1!, { networks: everything(), routerId: ip('9.9.9.9') }));
    expect(rid()).toBe('9.9.9.9');
    n.run(seconds(60));
    n.sim.configure(d('R1'), withOspf('R1', specs.R1!, { networks: everything(), routerId: ip('7.7.7.7') }));
    expect(rid()).toBe('9.9.9.9');
    n.sim.clearOspf(d('R1'));
    expect(rid()).toBe('7.7.7.7');
  });

  it('keeps a passive interface out of hellos but in its router LSA', () => {
    const { n, specs } = chain();
    n.sim.configure(
      d('R1'),
      withOspf('R1', specs.R1!, { networks: everything(), passive: ['GigabitEthernet0/1'] }),
    );
    const sent: string[] = [];
    n.sim.onWire((_at, _link, f) => {
      const p = f.payload;
      if (p.proto === 'ipv4' && p.protocol === 89) sent.push(formatIpv4(p.src));
    });
    n.run(seconds(90));
    expect(sent).not.toContain('192.168.1.1');
    expect(ospfRoutes(n, 'R3')).toContain('O 192.168.1.0/24 [110/3] via 10.0.23.2 GigabitEthernet0/0');
  });

  it('starts over on clear ip ospf process, with its neighbours told', () => {
    const { n } = chain();
    n.run(seconds(90));
    n.sim.clearOspf(d('R2'));
    const events = () => adjacencies(n, 'R1').map((e) => `${e.from}>${e.to} ${e.reason}`);
    n.run(seconds(60));
    // R1 held the LAN alone meanwhile and stays its DR: the election does not preempt.
    expect(neighbors(n, 'R2')).toEqual([
      '1.1.1.1 FULL/DR GigabitEthernet0/0',
      '3.3.3.3 FULL/DR GigabitEthernet0/1',
    ]);
    expect(events().at(-1)).toMatch(/>FULL /);
    expect(adjacencies(n, 'R2').map((e) => `${formatIpv4(e.neighbor)} ${e.to} ${e.reason}`)).toContain(
      '1.1.1.1 DOWN Neighbor Down: Interface down or detached',
    );
    expect(ospfRoutes(n, 'R1')).toHaveLength(4);
    expect(marks(n.finish(n.ping('PC1', '192.168.3.10')))).toMatch(/!!!$/);
  });

  it('runs point-to-point networks without a DR, hellos and updates to 224.0.0.5', () => {
    const { n, specs } = chain();
    const p2p = { 'GigabitEthernet0/0': { network: 'point-to-point' as const } };
    n.sim.configure(d('R1'), withOspf('R1', specs.R1!, { networks: everything() }, p2p));
    n.sim.configure(d('R2'), withOspf('R2', specs.R2!, { networks: everything() }, p2p));
    const dsts = new Set<string>();
    n.sim.onWire((at, _link, f) => {
      const p = f.payload;
      if (at > seconds(5) && p.proto === 'ipv4' && p.protocol === 89 && formatIpv4(p.src) === '10.0.12.1')
        dsts.add(formatIpv4(p.dst));
    });
    n.run(seconds(60));
    expect(neighbors(n, 'R1')).toEqual(['2.2.2.2 FULL/- GigabitEthernet0/0']);
    expect([...dsts]).toEqual(['224.0.0.5']);
    expect(n.sim.ospf(d('R1'))[0]!.interfaces.find((i) => i.name === 'GigabitEthernet0/0')?.state).toBe(
      'P2P',
    );
    expect(ospfRoutes(n, 'R1')).toContain('O 192.168.3.0/24 [110/3] via 10.0.12.2 GigabitEthernet0/0');
  });

  it.runIf(haveTshark)('reads cleanly in tshark: every packet type, checksums and LSAs', () => {
    const { n } = chain();
    const frames: (readonly [Micros, Uint8Array])[] = [];
    n.sim.onWire((at, _link, f) => {
      if (f.payload.proto === 'ipv4' && f.payload.protocol === 89) frames.push([at, encodeFrame(f)]);
    });
    n.run(seconds(60));
    withCapture(pcapFile(frames), (file) => {
      expect(tsharkProblems(file)).toEqual([]);
      const types = new Set(tsharkFields(file, 'ospf', ['ospf.msg']).map((r) => r[0]));
      expect([...types].sort()).toEqual(['1', '2', '3', '4', '5']);
      const routerLsas = tsharkFields(file, 'ospf.lsa == 1', ['ospf.lsa.id', 'ospf.advrouter']).flatMap((r) =>
        r.join(';').split(';'),
      );
      expect(routerLsas).toContain('3.3.3.3');
      const ttls = new Set(tsharkFields(file, 'ospf', ['ip.ttl', 'ip.dsfield.dscp']).map((r) => r.join(' ')));
      expect([...ttls]).toEqual(['1 48']);
    });
  });

  it('brings a router that joins a LAN later to FULL with the DR and BDR, which stay', () => {
    const n = new TestNet();
    n.switch('S1');
    const names = ['R1', 'R2', 'R3', 'R4'];
    names.forEach((r, i) => {
      n.router(r);
      n.link(`${r}:g0/0`, `S1:fa0/${i + 1}`);
    });
    names.forEach((r, i) => {
      n.sim.configure(
        d(r),
        withOspf(
          r,
          { interfaces: { 'g0/0': { ip: `10.0.0.${i + 1}/24` }, lo0: { ip: `${i + 1}.0.0.${i + 1}/32` } } },
          {
            networks: everything(),
          },
        ),
      );
      n.run(seconds(60));
    });
    n.run(seconds(30));
    // R1 came first and is DR, R2 next and BDR, whatever their router IDs.
    expect(neighbors(n, 'R4')).toEqual([
      '1.0.0.1 FULL/DR GigabitEthernet0/0',
      '2.0.0.2 FULL/BDR GigabitEthernet0/0',
      '3.0.0.3 2WAY/DROTHER GigabitEthernet0/0',
    ]);
    expect(ospfRoutes(n, 'R4')).toContain('O 3.0.0.3/32 [110/2] via 10.0.0.3 GigabitEthernet0/0');
  });

  it('routes again after a reload', () => {
    const { n } = chain();
    n.run(seconds(90));
    n.sim.reload(d('R2'));
    n.run(seconds(120));
    expect(ospfRoutes(n, 'R2')).toContain('O 192.168.3.0/24 [110/2] via 10.0.23.3 GigabitEthernet0/1');
    expect(ospfRoutes(n, 'R1')).toContain('O 192.168.3.0/24 [110/3] via 10.0.12.2 GigabitEthernet0/0');
  });

  it('takes no neighbour from another subnet on its wire', () => {
    const n = new TestNet();
    n.router('R1').router('R2');
    n.link('R1:g0/0', 'R2:g0/0');
    n.sim.configure(
      d('R1'),
      withOspf('R1', { interfaces: { 'g0/0': { ip: '10.0.12.1/24' } } }, { networks: everything() }),
    );
    n.sim.configure(
      d('R2'),
      withOspf('R2', { interfaces: { 'g0/0': { ip: '10.0.21.2/24' } } }, { networks: everything() }),
    );
    n.run(seconds(90));
    expect(neighbors(n, 'R1')).toEqual([]);
  });

  it('refuses hellos of the backbone on an interface of another area, and logs it at each hello', () => {
    const { n, configure } = pair();
    configure(1, { networks: everything(1), routerId: ip('1.1.1.1') });
    configure(2, { networks: everything(0), routerId: ip('2.2.2.2') });
    n.run(seconds(35));
    expect(neighbors(n, 'R1')).toEqual([]);
    expect(neighbors(n, 'R2')).toEqual([]);
    // Only the router whose interface is outside the backbone says so, once per hello (10 s).
    const r1 = refusals(n, 'R1');
    expect(r1.length).toBeGreaterThanOrEqual(3);
    expect(new Set(r1)).toEqual(new Set(['backbone-area 2.2.2.2 from 10.0.12.2 on GigabitEthernet0/0']));
    expect(refusals(n, 'R2')).toEqual([]);
    // Between two areas neither of which is the backbone, IOS logs nothing either.
    configure(2, { networks: everything(2), routerId: ip('2.2.2.2') });
    const before = refusals(n, 'R1').length;
    n.run(seconds(35));
    expect(refusals(n, 'R1')).toHaveLength(before);
    expect(refusals(n, 'R2')).toEqual([]);
    // Agreeing on the area forms the adjacency (R1, alone on the link until then, stays DR).
    configure(2, { networks: everything(1), routerId: ip('2.2.2.2') });
    n.run(seconds(60));
    expect(neighbors(n, 'R1')).toEqual(['2.2.2.2 FULL/BDR GigabitEthernet0/0']);
  });

  it('keeps a neighbour after its hello interval changes, until the dead timer ends it', () => {
    const { n, configure } = pair();
    const process = (h: number) => ({ networks: everything(), routerId: ip(`${h}.${h}.${h}.${h}`) });
    configure(1, process(1));
    configure(2, process(2));
    n.run(seconds(60));
    expect(neighbors(n, 'R1')).toEqual(['2.2.2.2 FULL/DR GigabitEthernet0/0']);
    const since = adjacencies(n, 'R1').length;
    // Hello 5 s, dead 20 s on R1: the hellos no longer agree and are ignored both ways, but
    // each side's dead timer goes on from the last hello it took (up to 40 s), as on IOS.
    configure(1, process(1), { hello: 5 });
    n.run(seconds(21));
    expect(neighbors(n, 'R1')).toEqual(['2.2.2.2 FULL/DR GigabitEthernet0/0']);
    expect(neighbors(n, 'R2')).toEqual(['1.1.1.1 FULL/BDR GigabitEthernet0/0']);
    n.run(seconds(20));
    expect(neighbors(n, 'R1')).toEqual([]);
    expect(neighbors(n, 'R2')).toEqual([]);
    expect(
      adjacencies(n, 'R1')
        .slice(since)
        .map((e) => `${e.from}>${e.to} ${e.reason}`),
    ).toEqual(['FULL>DOWN Neighbor Down: Dead timer expired']);
    expect(adjacencies(n, 'R2').at(-1)!.reason).toBe('Neighbor Down: Dead timer expired');
    // The same timers again: the adjacency comes back.
    configure(1, process(1));
    n.run(seconds(60));
    expect(neighbors(n, 'R1')).toEqual(['2.2.2.2 FULL/DR GigabitEthernet0/0']);
  });

  it('refuses a neighbour with its own router ID, and both routers log it at each hello', () => {
    const { n, configure } = pair();
    for (const h of [1, 2]) configure(h, { networks: everything(), routerId: ip('1.1.1.1') });
    n.run(seconds(35));
    expect(neighbors(n, 'R1')).toEqual([]);
    expect(new Set(refusals(n, 'R1'))).toEqual(
      new Set(['duplicate-router-id 1.1.1.1 from 10.0.12.2 on GigabitEthernet0/0']),
    );
    expect(new Set(refusals(n, 'R2'))).toEqual(
      new Set(['duplicate-router-id 1.1.1.1 from 10.0.12.1 on GigabitEthernet0/0']),
    );
    expect(refusals(n, 'R2').length).toBeGreaterThanOrEqual(3);
  });

  it('uses each of parallel point-to-point links by its own next hop, and a loopback as configured', () => {
    const n = new TestNet();
    n.router('R1').router('R2');
    n.link('R1:g0/0', 'R2:g0/0');
    n.link('R1:g0/1', 'R2:g0/1');
    const p2p: Record<string, InterfaceOspfConfig> = {
      'GigabitEthernet0/0': { network: 'point-to-point' },
      'GigabitEthernet0/1': { network: 'point-to-point' },
    };
    const spec = (h: number): RouterSpec => ({
      interfaces: {
        'g0/0': { ip: `10.0.1.${h}/30` },
        'g0/1': { ip: `10.0.2.${h}/30` },
        lo0: { ip: `${h}.${h}.${h}.${h}/24` },
        lo1: { ip: `${h}${h}.${h}.${h}.${h}/32` },
      },
    });
    n.sim.configure(d('R1'), withOspf('R1', spec(1), { networks: everything() }, p2p));
    n.sim.configure(
      d('R2'),
      withOspf(
        'R2',
        spec(2),
        { networks: everything() },
        {
          ...p2p,
          Loopback0: { network: 'point-to-point' },
          Loopback1: { cost: 50 },
        },
      ),
    );
    n.run(seconds(60));
    expect(ospfRoutes(n, 'R1').filter((r) => !r.startsWith('O 10.'))).toEqual([
      'O 2.2.2.0/24 [110/2] via 10.0.1.2 GigabitEthernet0/0',
      'O 2.2.2.0/24 [110/2] via 10.0.2.2 GigabitEthernet0/1',
      'O 22.2.2.2/32 [110/51] via 10.0.1.2 GigabitEthernet0/0',
      'O 22.2.2.2/32 [110/51] via 10.0.2.2 GigabitEthernet0/1',
    ]);
  });

  it('takes an E2 default route from the closer of two boundary routers', () => {
    const n = new TestNet();
    n.router('R1').router('R2').router('R3');
    n.link('R1:g0/0', 'R2:g0/0');
    n.link('R1:g0/1', 'R3:g0/0');
    n.sim.configure(
      d('R1'),
      withOspf(
        'R1',
        { interfaces: { 'g0/0': { ip: '10.0.12.1/24' }, 'g0/1': { ip: '10.0.13.1/24' } } },
        { networks: everything() },
        {
          'GigabitEthernet0/1': { cost: 10 },
        },
      ),
    );
    for (const [name, a] of [
      ['R2', '10.0.12.2/24'],
      ['R3', '10.0.13.3/24'],
    ] as const)
      n.sim.configure(
        d(name),
        withOspf(
          name,
          { interfaces: { 'g0/0': { ip: a } } },
          { networks: everything(), defaultOriginate: { always: true } },
        ),
      );
    n.run(seconds(90));
    expect(ospfRoutes(n, 'R1').filter((r) => r.includes('0.0.0.0/0'))).toEqual([
      'O*E2 0.0.0.0/0 [110/1] via 10.0.12.2 GigabitEthernet0/0',
    ]);
  });
});
