/**
 * OSPF on a multilayer switch (a 3560 with `ip routing`): adjacencies over a routed port and
 * over an SVI, the routes it learns and announces, an SVI's cost from its 1 Gbit/s, and no
 * process while the switch does not route.
 */
import { describe, expect, it } from 'vitest';
import type { DeviceConfig } from '../../src/shared/config.ts';
import { deviceId } from '../../src/shared/ids.ts';
import { formatIpv4 } from '../../src/shared/ipv4.ts';
import type { OspfProcessConfig } from '../../src/shared/ospf.ts';
import { seconds } from '../../src/shared/time.ts';
import { marks, type RouterSpec, routerConfig, type SwitchSpec, switchConfig, TestNet } from './net.ts';
import { neighbors, ospfRoutes } from './ospf-views.ts';

const d = deviceId;

const everything: OspfProcessConfig = {
  pid: 1,
  networks: [{ addr: 0 as OspfProcessConfig['networks'][0]['addr'], wildcard: 0xffff_ffff, area: { id: 0 } }],
};

const withOspf = (c: DeviceConfig, p: OspfProcessConfig = everything): DeviceConfig => ({ ...c, ospf: [p] });

const DSW1: SwitchSpec = {
  vlans: [10, 99],
  ports: { 'fa0/1': { mode: 'access', access: 10 }, 'g0/2': { mode: 'access', access: 99 } },
  svis: { 10: '192.168.10.1/24', 99: '10.0.99.2/24' },
  routed: { 'g0/1': '10.0.0.2/30' },
  ipRouting: true,
};
const R1: RouterSpec = {
  interfaces: { 'g0/0': { ip: '10.0.0.1/30' }, 'g0/1': { ip: '10.1.0.1/24' }, lo0: { ip: '1.1.1.1/32' } },
};
const R2: RouterSpec = { interfaces: { 'g0/0': { ip: '10.0.99.1/24' }, lo0: { ip: '2.2.2.2/32' } } };

/**
 * DSW1 routes VLAN 10 (PC1) and reaches R1 by its routed port Gi0/1 (10.0.0.0/30) and R2 by
 * VLAN 99 (10.0.99.0/24, its SVI); PC2 is behind R1. Every device runs OSPF process 1 over
 * every interface, in area 0.
 */
function campus(dsw: SwitchSpec = DSW1, multilayer = true) {
  const n = new TestNet();
  n.switch('DSW1', dsw, multilayer ? '3560-24PS' : undefined)
    .router('R1')
    .router('R2');
  n.pc('PC1', '192.168.10.10/24', '192.168.10.1').pc('PC2', '10.1.0.10/24', '10.1.0.1');
  n.link('PC1:fa0', 'DSW1:fa0/1');
  n.link('DSW1:g0/1', 'R1:g0/0');
  n.link('DSW1:g0/2', 'R2:g0/0');
  n.link('PC2:fa0', 'R1:g0/1');
  n.sim.configure(d('DSW1'), withOspf(switchConfig('DSW1', dsw)));
  n.sim.configure(d('R1'), withOspf(routerConfig('R1', R1)));
  n.sim.configure(d('R2'), withOspf(routerConfig('R2', R2)));
  return n;
}

describe('OSPF on a multilayer switch', () => {
  it('forms adjacencies over its routed port and its SVI, and routes by what it learns', () => {
    const n = campus();
    n.run(seconds(90));
    // The switch's router ID is its highest address: it has no loopback, and an SVI is none.
    expect(formatIpv4(n.sim.ospf(d('DSW1'))[0]!.routerId)).toBe('192.168.10.1');
    expect(neighbors(n, 'DSW1')).toEqual(['2.2.2.2 FULL/BDR Vlan99', '1.1.1.1 FULL/BDR GigabitEthernet0/1']);
    expect(neighbors(n, 'R1')).toEqual(['192.168.10.1 FULL/DR GigabitEthernet0/0']);
    expect(ospfRoutes(n, 'DSW1')).toEqual([
      'O 1.1.1.1/32 [110/2] via 10.0.0.1 GigabitEthernet0/1',
      'O 2.2.2.2/32 [110/2] via 10.0.99.1 Vlan99',
      'O 10.1.0.0/24 [110/2] via 10.0.0.1 GigabitEthernet0/1',
    ]);
    // An SVI costs 1 (1 Gbit/s against the 100 Mbit/s reference), R1's own port 1.
    expect(ospfRoutes(n, 'R1')).toEqual([
      'O 2.2.2.2/32 [110/3] via 10.0.0.2 GigabitEthernet0/0',
      'O 10.0.99.0/24 [110/2] via 10.0.0.2 GigabitEthernet0/0',
      'O 192.168.10.0/24 [110/2] via 10.0.0.2 GigabitEthernet0/0',
    ]);
    expect(n.sim.ospf(d('DSW1'))[0]!.interfaces.map((i) => `${i.name} ${i.state} ${i.cost}`)).toEqual(
      expect.arrayContaining(['Vlan10 DR 1', 'Vlan99 DR 1', 'GigabitEthernet0/1 DR 1']),
    );
    expect(marks(n.finish(n.ping('PC1', '10.1.0.10')))).toMatch(/!!$/);
    expect(marks(n.finish(n.ping('PC1', '10.1.0.10')))).toBe('!!!!');
    expect(marks(n.finish(n.ping('PC2', '2.2.2.2')))).toMatch(/!!!$/);
  });

  it('stops its processes without ip routing, keeps their configuration, and starts again with it', () => {
    const n = campus();
    n.run(seconds(90));
    n.sim.configure(d('DSW1'), withOspf(switchConfig('DSW1', { ...DSW1, ipRouting: false })));
    expect(n.sim.ospf(d('DSW1'))).toEqual([]);
    expect(ospfRoutes(n, 'DSW1')).toEqual([]);
    n.run(seconds(60));
    // R1 hears no more hellos: after the dead interval DSW1 is gone, and at the next SPF its routes.
    expect(neighbors(n, 'R1')).toEqual([]);
    expect(ospfRoutes(n, 'R1')).toEqual([]);
    n.sim.configure(d('DSW1'), withOspf(switchConfig('DSW1', DSW1)));
    n.run(seconds(90));
    // R1 became DR alone on the link and stays DR: an election never takes the role back.
    expect(neighbors(n, 'R1')).toEqual(['192.168.10.1 FULL/BDR GigabitEthernet0/0']);
    expect(ospfRoutes(n, 'R1')).toContain('O 192.168.10.0/24 [110/2] via 10.0.0.2 GigabitEthernet0/0');
  });

  it('takes an SVI out of OSPF when its VLAN has no port up (autostate)', () => {
    const n = campus();
    n.run(seconds(90));
    n.sim.configure(
      d('DSW1'),
      withOspf(
        switchConfig('DSW1', {
          ...DSW1,
          ports: { ...DSW1.ports, 'fa0/1': { mode: 'access', access: 10, shutdown: true } },
        }),
      ),
    );
    n.run(seconds(20));
    expect(n.sim.ospf(d('DSW1'))[0]!.interfaces.map((i) => `${i.name} ${i.state}`)).toContain('Vlan10 DOWN');
    expect(ospfRoutes(n, 'R1').some((r) => r.includes('192.168.10.0/24'))).toBe(false);
  });

  it('routes by no interface it no longer has, even before SPF runs again', () => {
    const n = campus();
    n.run(seconds(90));
    expect(ospfRoutes(n, 'DSW1')).toContain('O 2.2.2.2/32 [110/2] via 10.0.99.1 Vlan99');
    const { Vlan99: _gone, ...interfaces } = switchConfig('DSW1', DSW1).interfaces;
    n.sim.configure(d('DSW1'), withOspf({ ...switchConfig('DSW1', DSW1), interfaces }));
    expect(ospfRoutes(n, 'DSW1').filter((r) => r.endsWith('Vlan99'))).toEqual([]);
    // Gi0/1 made a switch port again: its routes go at once too.
    n.sim.configure(d('DSW1'), withOspf(switchConfig('DSW1', { ...DSW1, routed: {} })));
    expect(ospfRoutes(n, 'DSW1').filter((r) => r.endsWith('GigabitEthernet0/1'))).toEqual([]);
  });

  it('runs nothing on a 2960, whatever its configuration says', () => {
    const n = campus({ ...DSW1, routed: {} }, false);
    n.run(seconds(90));
    expect(n.sim.ospf(d('DSW1'))).toEqual([]);
    expect(neighbors(n, 'R2')).toEqual([]);
  });
});
