/**
 * OSPF's show outputs against IOS 15.x captures (1941s with 15.2, IOL and IOSv 15.x; see the
 * captures' sources in ospf-format.ts's notes): the neighbour table's columns, `show ip ospf
 * interface [brief]`, `show ip ospf`, the database, the OSPF section of `show ip protocols`,
 * %OSPF-5-ADJCHG and OSPF routes in `show ip route`.
 */
import { describe, expect, it } from 'vitest';
import {
  NEIGHBOR_HEADER,
  ospfRouteSource,
  ospfText,
  showIpOspf,
  showIpOspfDatabase,
  showIpOspfInterface,
  showIpOspfInterfaceBrief,
  showIpOspfNeighbor,
  showIpOspfNeighborDetail,
  showIpProtocolsOspf,
} from '../../src/cli/ios/ospf-format.ts';
import { formatRoutes } from '../../src/cli/ios/show/ip-route.ts';
import type {
  OspfInterfaceStatus,
  OspfNeighborStatus,
  OspfProcessStatus,
  RouteEntry,
} from '../../src/engine/api.ts';
import { defaultDeviceConfig } from '../../src/shared/config.ts';
import { type Ipv4Addr, parseIpv4 } from '../../src/shared/ipv4.ts';
import { type Micros, ms, seconds } from '../../src/shared/time.ts';

const a = (s: string): Ipv4Addr => parseIpv4(s)!;
const at = (s: number): Micros => seconds(s);

function neighbor(
  id: string,
  addr: string,
  iface: string,
  more: Partial<OspfNeighborStatus> = {},
): OspfNeighborStatus {
  return {
    routerId: a(id),
    addr: a(addr),
    iface,
    priority: 1,
    state: 'FULL',
    role: 'DR',
    dr: a(addr),
    bdr: 0 as Ipv4Addr,
    deadAt: at(1000 + 33.5),
    since: at(1000 - 70),
    stateChanges: 6,
    ...more,
  };
}

function iface(
  name: string,
  addr: string,
  len: number,
  more: Partial<OspfInterfaceStatus> = {},
): OspfInterfaceStatus {
  return {
    name,
    pid: 1,
    area: { id: 0 },
    byInterfaceCommand: false,
    addr: a(addr),
    len,
    up: true,
    cost: 1,
    state: 'DR',
    network: 'BROADCAST',
    priority: 1,
    hello: 10,
    dead: 40,
    passive: false,
    neighbors: 0,
    adjacent: 0,
    ...more,
  };
}

function process(more: Partial<OspfProcessStatus> = {}): OspfProcessStatus {
  return {
    pid: 1,
    routerId: a('1.1.1.1'),
    startedAt: at(37.292),
    referenceBandwidth: 100,
    areas: [{ id: 0 }],
    interfaces: [],
    neighbors: [],
    database: [],
    spfRuns: 4,
    asbr: false,
    ...more,
  };
}

const NOW = at(1000);

describe('show ip ospf neighbor', () => {
  it('sets the columns as IOS does, priorities right-aligned, "FULL/  -" on point-to-point links', () => {
    const p = process({
      neighbors: [
        neighbor('2.2.2.2', '10.53.0.2', 'GigabitEthernet0/0/1'),
        neighbor('172.16.1.254', '172.16.0.253', 'GigabitEthernet0/1', {
          priority: 0,
          role: '-',
          deadAt: at(1037.2),
        }),
        neighbor('192.168.0.7', '172.16.0.7', 'FastEthernet0/0', {
          state: '2WAY',
          role: 'DROTHER',
          deadAt: at(1039.9),
        }),
        neighbor('192.168.0.6', '172.16.0.6', 'FastEthernet0/0', { priority: 100, deadAt: at(1039) }),
      ],
    });
    expect(showIpOspfNeighbor([p], NOW)).toEqual([
      '',
      'Neighbor ID     Pri   State           Dead Time   Address         Interface',
      '2.2.2.2           1   FULL/DR         00:00:33    10.53.0.2       GigabitEthernet0/0/1',
      '172.16.1.254      0   FULL/  -        00:00:37    172.16.0.253    GigabitEthernet0/1',
      '192.168.0.7       1   2WAY/DROTHER    00:00:39    172.16.0.7      FastEthernet0/0',
      '192.168.0.6     100   FULL/DR         00:00:38    172.16.0.6      FastEthernet0/0',
    ]);
  });

  it('prints a blank line alone when the process has no neighbour, nothing without OSPF', () => {
    expect(showIpOspfNeighbor([process()], NOW)).toEqual(['']);
    expect(showIpOspfNeighbor([], NOW)).toEqual([]);
  });

  it('filters by interface, keeping the header', () => {
    const p = process({
      neighbors: [
        neighbor('2.2.2.2', '10.0.0.2', 'GigabitEthernet0/0'),
        neighbor('3.3.3.3', '10.0.1.2', 'GigabitEthernet0/1'),
      ],
    });
    expect(showIpOspfNeighbor([p], NOW, { iface: 'GigabitEthernet0/1' })).toEqual([
      '',
      NEIGHBOR_HEADER,
      '3.3.3.3           1   FULL/DR         00:00:33    10.0.1.2        GigabitEthernet0/1',
    ]);
  });

  it('gives a neighbour details as IOS 15.2 does', () => {
    const n = neighbor('2.2.2.2', '192.168.1.2', 'GigabitEthernet0/0', {
      dr: a('192.168.1.2'),
      bdr: a('192.168.1.1'),
      deadAt: at(1036.5),
      since: at(1000 - 320),
    });
    const p = process({ interfaces: [iface('GigabitEthernet0/0', '192.168.1.1', 24)], neighbors: [n] });
    expect(showIpOspfNeighborDetail([p], NOW)).toEqual([
      ' Neighbor 2.2.2.2, interface address 192.168.1.2',
      '    In the area 0 via interface GigabitEthernet0/0',
      '    Neighbor priority is 1, State is FULL, 6 state changes',
      '    DR is 192.168.1.2 BDR is 192.168.1.1',
      '    Options is 0x12 in Hello (E-bit, L-bit)',
      '    Options is 0x52 in DBD (E-bit, L-bit, O-bit)',
      '    LLS Options is 0x1 (LR)',
      '    Dead timer due in 00:00:36',
      '    Neighbor is up for 00:05:20',
      '    Index 1/1, retransmission queue length 0, number of retransmission 0',
      '    First 0x0(0)/0x0(0) Next 0x0(0)/0x0(0)',
      '    Last retransmission scan length is 0, maximum is 0',
      '    Last retransmission scan time is 0 msec, maximum is 0 msec',
    ]);
  });
});

describe('show ip ospf interface', () => {
  const serial = iface('GigabitEthernet0/1', '192.168.13.1', 30, {
    network: 'POINT_TO_POINT',
    state: 'P2P',
    cost: 64,
    neighbors: 1,
    adjacent: 1,
    nextHello: at(1008.2),
  });
  const lan = iface('GigabitEthernet0/0', '192.168.1.1', 24, {
    cost: 10,
    dr: { routerId: a('192.168.13.1'), addr: a('192.168.1.1') },
    nextHello: at(1004),
  });
  const p = process({
    routerId: a('192.168.13.1'),
    interfaces: [serial, lan],
    neighbors: [neighbor('192.168.23.2', '192.168.13.2', 'GigabitEthernet0/1', { role: '-' })],
  });

  it('prints a point-to-point and a LAN interface as a 15.x router does', () => {
    expect(showIpOspfInterface([p], NOW)).toEqual([
      'GigabitEthernet0/1 is up, line protocol is up',
      '  Internet Address 192.168.13.1/30, Area 0, Attached via Network Statement',
      '  Process ID 1, Router ID 192.168.13.1, Network Type POINT_TO_POINT, Cost: 64',
      '  Topology-MTID    Cost    Disabled    Shutdown      Topology Name',
      '        0           64        no          no            Base',
      '  Transmit Delay is 1 sec, State POINT_TO_POINT',
      '  Timer intervals configured, Hello 10, Dead 40, Wait 40, Retransmit 5',
      '    oob-resync timeout 40',
      '    Hello due in 00:00:08',
      '  Supports Link-local Signaling (LLS)',
      '  Cisco NSF helper support enabled',
      '  IETF NSF helper support enabled',
      '  Index 2/2, flood queue length 0',
      '  Next 0x0(0)/0x0(0)',
      '  Last flood scan length is 1, maximum is 1',
      '  Last flood scan time is 0 msec, maximum is 0 msec',
      '  Neighbor Count is 1, Adjacent neighbor count is 1',
      '    Adjacent with neighbor 192.168.23.2',
      '  Suppress hello for 0 neighbor(s)',
      'GigabitEthernet0/0 is up, line protocol is up',
      '  Internet Address 192.168.1.1/24, Area 0, Attached via Network Statement',
      '  Process ID 1, Router ID 192.168.13.1, Network Type BROADCAST, Cost: 10',
      '  Topology-MTID    Cost    Disabled    Shutdown      Topology Name',
      '        0           10        no          no            Base',
      '  Transmit Delay is 1 sec, State DR, Priority 1',
      '  Designated Router (ID) 192.168.13.1, Interface address 192.168.1.1',
      '  No backup designated router on this network',
      '  Timer intervals configured, Hello 10, Dead 40, Wait 40, Retransmit 5',
      '    oob-resync timeout 40',
      '    Hello due in 00:00:04',
      '  Supports Link-local Signaling (LLS)',
      '  Cisco NSF helper support enabled',
      '  IETF NSF helper support enabled',
      '  Index 1/1, flood queue length 0',
      '  Next 0x0(0)/0x0(0)',
      '  Last flood scan length is 0, maximum is 0',
      '  Last flood scan time is 0 msec, maximum is 0 msec',
      '  Neighbor Count is 0, Adjacent neighbor count is 0',
      '  Suppress hello for 0 neighbor(s)',
    ]);
  });

  it('names the DR and BDR, an interface enabled by `ip ospf N area`, a passive one', () => {
    const bdr = iface('GigabitEthernet0/0/0', '10.1.1.5', 30, {
      byInterfaceCommand: true,
      state: 'BDR',
      passive: true,
      dr: { routerId: a('2.2.2.2'), addr: a('10.1.1.6') },
      bdr: { routerId: a('1.1.1.1'), addr: a('10.1.1.5') },
    });
    const out = showIpOspfInterface([process({ pid: 10, interfaces: [bdr] })], NOW);
    expect(out.slice(0, 11)).toEqual([
      'GigabitEthernet0/0/0 is up, line protocol is up',
      '  Internet Address 10.1.1.5/30, Area 0, Attached via Interface Enable',
      '  Process ID 10, Router ID 1.1.1.1, Network Type BROADCAST, Cost: 1',
      '  Topology-MTID    Cost    Disabled    Shutdown      Topology Name',
      '        0           1         no          no            Base',
      '  Enabled by interface config, including secondary ip addresses',
      '  Transmit Delay is 1 sec, State BDR, Priority 1',
      '  Designated Router (ID) 2.2.2.2, Interface address 10.1.1.6',
      '  Backup Designated router (ID) 1.1.1.1, Interface address 10.1.1.5',
      '  Timer intervals configured, Hello 10, Dead 40, Wait 40, Retransmit 5',
      '    oob-resync timeout 40',
    ]);
    expect(out[11]).toBe('    No Hellos (Passive interface)');
  });

  it('stops after the timers for an interface that is down, and at the stub line for a loopback', () => {
    const down = iface('GigabitEthernet0/1', '10.0.0.1', 24, { up: false, state: 'DOWN' });
    const lo = iface('Loopback0', '10.2.7.2', 24, { network: 'LOOPBACK', state: 'LOOP' });
    const line = (n: string) =>
      n === 'GigabitEthernet0/1' ? 'administratively down, line protocol is down' : undefined;
    expect(
      showIpOspfInterface(
        [process({ routerId: a('2.2.2.2'), pid: 110, interfaces: [down, lo] })],
        NOW,
        undefined,
        line,
      ),
    ).toEqual([
      'GigabitEthernet0/1 is administratively down, line protocol is down',
      '  Internet Address 10.0.0.1/24, Area 0, Attached via Network Statement',
      '  Process ID 110, Router ID 2.2.2.2, Network Type BROADCAST, Cost: 1',
      '  Topology-MTID    Cost    Disabled    Shutdown      Topology Name',
      '        0           1         no          no            Base',
      '  Transmit Delay is 1 sec, State DOWN, Priority 1',
      '  No designated router on this network',
      '  No backup designated router on this network',
      '  Timer intervals configured, Hello 10, Dead 40, Wait 40, Retransmit 5',
      '    oob-resync timeout 40',
      'Loopback0 is up, line protocol is up',
      '  Internet Address 10.2.7.2/24, Area 0, Attached via Network Statement',
      '  Process ID 110, Router ID 2.2.2.2, Network Type LOOPBACK, Cost: 1',
      '  Topology-MTID    Cost    Disabled    Shutdown      Topology Name',
      '        0           1         no          no            Base',
      '  Loopback interface is treated as a stub Host',
    ]);
  });

  it("lists interfaces briefly in IOS's columns", () => {
    const ifaces = [
      iface('Loopback0', '1.1.1.1', 32, { network: 'LOOPBACK', state: 'LOOP' }),
      iface('GigabitEthernet0/2', '192.168.14.1', 24, { state: 'BDR', neighbors: 1, adjacent: 1 }),
      iface('GigabitEthernet0/1.10', '10.0.12.1', 24, {
        cost: 1000,
        state: 'DROTH',
        neighbors: 2,
        adjacent: 1,
      }),
    ];
    expect(showIpOspfInterfaceBrief([process({ interfaces: ifaces })])).toEqual([
      'Interface    PID   Area            IP Address/Mask    Cost  State Nbrs F/C',
      'Lo0          1     0               1.1.1.1/32         1     LOOP  0/0',
      'Gi0/2        1     0               192.168.14.1/24    1     BDR   1/1',
      'Gi0/1.10     1     0               10.0.12.1/24       1000  DROTH 1/2',
    ]);
  });
});

describe('show ip ospf', () => {
  it('prints the process summary of a 15.2 router, its area block indented by tabs', () => {
    const p = process({
      routerId: a('192.168.13.1'),
      startedAt: ms(2_529_100),
      lastSpf: ms(2_529_100 + 238_496 - 189_979),
      interfaces: [
        iface('GigabitEthernet0/0', '192.168.1.1', 24),
        iface('Loopback0', '1.1.1.1', 32, { network: 'LOOPBACK', state: 'LOOP' }),
      ],
      database: [
        {
          area: { id: 0 },
          lsas: [
            {
              type: 1,
              id: a('1.1.1.1'),
              advRouter: a('1.1.1.1'),
              age: 10,
              seq: 0x80000003,
              checksum: 0x9d46,
              links: 2,
            },
            {
              type: 1,
              id: a('2.2.2.2'),
              advRouter: a('2.2.2.2'),
              age: 10,
              seq: 0x80000003,
              checksum: 0x10000,
              links: 2,
            },
          ],
        },
      ],
    });
    expect(showIpOspf([p], ms(2_529_100 + 238_496), at(0))).toEqual([
      ' Routing Process "ospf 1" with ID 192.168.13.1',
      ' Start time: 00:42:09.100, Time elapsed: 00:03:58.496',
      ' Supports only single TOS(TOS0) routes',
      ' Supports opaque LSA',
      ' Supports Link-local Signaling (LLS)',
      ' Supports area transit capability',
      ' Supports NSSA (compatible with RFC 3101)',
      ' Event-log enabled, Maximum number of events: 1000, Mode: cyclic',
      ' Router is not originating router-LSAs with maximum metric',
      ' Initial SPF schedule delay 5000 msecs',
      ' Minimum hold time between two consecutive SPFs 10000 msecs',
      ' Maximum wait time between two consecutive SPFs 10000 msecs',
      ' Incremental-SPF disabled',
      ' Minimum LSA interval 5 secs',
      ' Minimum LSA arrival 1000 msecs',
      ' LSA group pacing timer 240 secs',
      ' Interface flood pacing timer 33 msecs',
      ' Retransmission pacing timer 66 msecs',
      ' Number of external LSA 0. Checksum Sum 0x000000',
      ' Number of opaque AS LSA 0. Checksum Sum 0x000000',
      ' Number of DCbitless external and opaque AS LSA 0',
      ' Number of DoNotAge external and opaque AS LSA 0',
      ' Number of areas in this router is 1. 1 normal 0 stub 0 nssa',
      ' Number of areas transit capable is 0',
      ' External flood list length 0',
      ' IETF NSF helper support enabled',
      ' Cisco NSF helper support enabled',
      ' Reference bandwidth unit is 100 mbps',
      '    Area BACKBONE(0)',
      '        Number of interfaces in this area is 2 (1 loopback)',
      '\tArea has no authentication',
      '\tSPF algorithm last executed 00:03:09.979 ago',
      '\tSPF algorithm executed 4 times',
      '\tArea ranges are',
      '\tNumber of LSA 2. Checksum Sum 0x019D46',
      '\tNumber of opaque link LSA 0. Checksum Sum 0x000000',
      '\tNumber of DCbitless LSA 0',
      '\tNumber of indication LSA 0',
      '\tNumber of DoNotAge LSA 0',
      '\tFlood list length 0',
      '',
    ]);
  });

  it('says when it originates a default route (an AS boundary router)', () => {
    const out = showIpOspf([process({ asbr: true })], NOW, at(0));
    expect(out.slice(7, 10)).toEqual([
      ' Event-log enabled, Maximum number of events: 1000, Mode: cyclic',
      ' It is an autonomous system boundary router',
      ' Redistributing External Routes from,',
    ]);
  });
});

describe('show ip ospf database', () => {
  it("lists router, network and AS external LSAs in IOS's tables", () => {
    const p = process({
      routerId: a('172.16.2.253'),
      database: [
        {
          area: { id: 0 },
          lsas: [
            {
              type: 1,
              id: a('172.16.1.254'),
              advRouter: a('172.16.1.254'),
              age: 171,
              seq: 0x80000003,
              checksum: 0x804e,
              links: 3,
            },
            {
              type: 1,
              id: a('172.16.2.253'),
              advRouter: a('172.16.2.253'),
              age: 138,
              seq: 0x80000003,
              checksum: 0xa22a,
              links: 3,
            },
            {
              type: 2,
              id: a('10.1.1.1'),
              advRouter: a('192.168.3.1'),
              age: 245,
              seq: 0x80000002,
              checksum: 0x7ab2,
            },
          ],
        },
        {
          lsas: [
            {
              type: 5,
              id: a('0.0.0.0'),
              advRouter: a('192.168.4.1'),
              age: 1523,
              seq: 0x80000001,
              checksum: 0xe8a2,
              metricType: 2,
              tag: 1,
            },
          ],
        },
      ],
    });
    expect(showIpOspfDatabase([p])).toEqual([
      '',
      '            OSPF Router with ID (172.16.2.253) (Process ID 1)',
      '',
      '                Router Link States (Area 0)',
      '',
      'Link ID         ADV Router      Age         Seq#       Checksum Link count',
      '172.16.1.254    172.16.1.254    171         0x80000003 0x00804E 3',
      '172.16.2.253    172.16.2.253    138         0x80000003 0x00A22A 3',
      '',
      '                Net Link States (Area 0)',
      '',
      'Link ID         ADV Router      Age         Seq#       Checksum',
      '10.1.1.1        192.168.3.1     245         0x80000002 0x007AB2',
      '',
      '                Type-5 AS External Link States',
      '',
      'Link ID         ADV Router      Age         Seq#       Checksum Tag',
      '0.0.0.0         192.168.4.1     1523        0x80000001 0x00E8A2 1',
    ]);
  });
});

describe('show ip protocols', () => {
  it('prints an OSPF process as IOS 15 does: networks, passive interfaces, sources', () => {
    const base = defaultDeviceConfig('router', 'R1');
    const config = {
      ...base,
      ospf: [
        {
          pid: 1,
          networks: [
            { addr: a('192.168.1.0'), wildcard: 0xff, area: { id: 0 } },
            { addr: a('192.168.12.0'), wildcard: 3, area: { id: 0 } },
          ],
          passive: ['GigabitEthernet0/0'],
        },
      ],
    };
    const p = process({
      database: [
        {
          area: { id: 0 },
          lsas: [
            { type: 1, id: a('1.1.1.1'), advRouter: a('1.1.1.1'), age: 5, seq: 1, checksum: 1, links: 1 },
            { type: 1, id: a('2.2.2.2'), advRouter: a('2.2.2.2'), age: 456, seq: 1, checksum: 1, links: 1 },
            { type: 1, id: a('3.3.3.3'), advRouter: a('3.3.3.3'), age: 442, seq: 1, checksum: 1, links: 1 },
          ],
        },
      ],
    });
    expect(showIpProtocolsOspf(config, [p], NOW)).toEqual([
      'Routing Protocol is "ospf 1"',
      '  Outgoing update filter list for all interfaces is not set',
      '  Incoming update filter list for all interfaces is not set',
      '  Router ID 1.1.1.1',
      '  Number of areas in this router is 1. 1 normal 0 stub 0 nssa',
      '  Maximum path: 4',
      '  Routing for Networks:',
      '    192.168.1.0 0.0.0.255 area 0',
      '    192.168.12.0 0.0.0.3 area 0',
      '  Passive Interface(s):',
      '    GigabitEthernet0/0',
      '  Routing Information Sources:',
      '    Gateway         Distance      Last Update',
      '    3.3.3.3              110      00:07:22',
      '    2.2.2.2              110      00:07:36',
      '  Distance: (default is 110)',
      '',
    ]);
  });

  it("lists interfaces enabled by `ip ospf N area`, and an ASBR's lines", () => {
    const base = defaultDeviceConfig('router', 'R1');
    const g0 = base.interfaces['GigabitEthernet0/0']!;
    const config = {
      ...base,
      interfaces: {
        ...base.interfaces,
        'GigabitEthernet0/0': { ...g0, ospf: { area: { pid: 1, area: { id: 0 } } } },
      },
      ospf: [{ pid: 1, networks: [], passiveDefault: true as const, passive: ['GigabitEthernet0/0'] }],
    };
    expect(showIpProtocolsOspf(config, [process({ asbr: true })], NOW).slice(3, 14)).toEqual([
      '  Router ID 1.1.1.1',
      '  It is an autonomous system boundary router',
      ' Redistributing External Routes from,',
      '  Number of areas in this router is 1. 1 normal 0 stub 0 nssa',
      '  Maximum path: 4',
      '  Routing for Networks:',
      '  Routing on Interfaces Configured Explicitly (Area 0):',
      '    GigabitEthernet0/0',
      '  Passive Interface(s):',
      '    GigabitEthernet0/1',
      '    GigabitEthernet0/2',
    ]);
  });
});

describe('%OSPF-5-ADJCHG', () => {
  it("words a neighbour's change as IOS logs it", () => {
    expect(
      ospfText({
        kind: 'adjacency',
        at: 0 as Micros,
        pid: 1,
        neighbor: a('2.2.2.2'),
        iface: 'FastEthernet0/0',
        from: 'LOADING',
        to: 'FULL',
        reason: 'Loading Done',
      }),
    ).toBe('%OSPF-5-ADJCHG: Process 1, Nbr 2.2.2.2 on FastEthernet0/0 from LOADING to FULL, Loading Done');
  });

  it('words the refused hellos as IOS 15 logs them', () => {
    const refused = {
      at: 0 as Micros,
      pid: 1,
      src: a('192.168.12.2'),
      iface: 'Ethernet0/0',
      routerId: a('2.2.2.2'),
    };
    expect(ospfText({ kind: 'backbone-area', ...refused })).toBe(
      '%OSPF-4-ERRRCV: Received invalid packet: mismatched area ID from backbone area from 192.168.12.2, Ethernet0/0',
    );
    expect(ospfText({ kind: 'duplicate-router-id', ...refused })).toBe(
      '%OSPF-4-DUP_RTRID_NBR: OSPF detected duplicate router-id 2.2.2.2 from 192.168.12.2 on interface Ethernet0/0',
    );
  });
});

describe('OSPF routes in show ip route', () => {
  const route = (
    code: RouteEntry['code'],
    p: string,
    len: number,
    hop: string,
    iface: string,
    metric: number,
    age: number,
  ): RouteEntry => ({
    code,
    prefix: { addr: a(p), len },
    distance: 110,
    metric,
    nextHop: a(hop),
    interface: iface,
    since: (NOW - seconds(age)) as Micros,
  });

  it('gives their age after the next hop, and lines up equal-cost next hops (15.x captures)', () => {
    const lines = formatRoutes(
      [
        route('O', '192.168.2.0', 24, '192.168.12.2', 'Serial1/0', 74, 351),
        route('O', '192.168.23.0', 30, '192.168.13.2', 'Serial1/1', 128, 331),
        route('O', '192.168.23.0', 30, '192.168.12.2', 'Serial1/0', 128, 341),
        route('O*E2', '0.0.0.0', 0, '10.10.7.12', 'Ethernet0/1', 1, 5 * 86400 + 19 * 3600),
        {
          code: 'C',
          prefix: { addr: a('10.0.0.0'), len: 24 },
          distance: 0,
          metric: 0,
          interface: 'Ethernet0/0',
        },
      ],
      NOW,
      'ospf',
    );
    expect(lines.slice(-7)).toEqual([
      'Gateway of last resort is 10.10.7.12 to network 0.0.0.0',
      '',
      'O*E2  0.0.0.0/0 [110/1] via 10.10.7.12, 5d19h, Ethernet0/1',
      'O     192.168.2.0/24 [110/74] via 192.168.12.2, 00:05:51, Serial1/0',
      '      192.168.23.0/30 is subnetted, 1 subnets',
      'O        192.168.23.0 [110/128] via 192.168.13.2, 00:05:31, Serial1/1',
      '                      [110/128] via 192.168.12.2, 00:05:41, Serial1/0',
    ]);
  });

  it('pads external codes inside a subnetted network as IOS does', () => {
    const lines = formatRoutes(
      [route('O E2', '1.1.1.1', 32, '172.21.0.1', 'GigabitEthernet0/0', 1, 547)],
      NOW,
    );
    expect(lines.slice(-2)).toEqual([
      '      1.0.0.0/32 is subnetted, 1 subnets',
      'O E2     1.1.1.1 [110/1] via 172.21.0.1, 00:09:07, GigabitEthernet0/0',
    ]);
  });

  it('counts its hello and dead timers down in whole seconds', () => {
    const p = process({
      neighbors: [
        neighbor('2.2.2.2', '10.0.0.2', 'GigabitEthernet0/0', { deadAt: (NOW + ms(40_000)) as Micros }),
      ],
    });
    expect(showIpOspfNeighbor([p], NOW)[2]).toContain('00:00:39');
  });
});

describe('where an OSPF route came from (show ip route A.B.C.D)', () => {
  const p = process({
    interfaces: [iface('GigabitEthernet0/0', '10.0.12.2', 24, { cost: 1 })],
    neighbors: [neighbor('1.1.1.1', '10.0.12.1', 'GigabitEthernet0/0')],
    database: [
      {
        area: { id: 0 },
        lsas: [{ type: 2, id: a('10.0.23.3'), advRouter: a('3.3.3.3'), age: 1, seq: 1, checksum: 1 }],
      },
      { lsas: [{ type: 5, id: a('0.0.0.0'), advRouter: a('1.1.1.1'), age: 1, seq: 1, checksum: 1, tag: 1 }] },
    ],
  });
  const source = (code: string, prefix: string, len: number) =>
    ospfRouteSource({ code, prefix: { addr: a(prefix), len } }, a('10.0.12.1'), 'GigabitEthernet0/0', [p]);

  it('reads an external route from its LSA, with the cost to its ASBR when that is the neighbour', () => {
    expect(source('O*E2', '0.0.0.0', 0)).toEqual({ pid: 1, from: a('1.1.1.1'), tag: 1, forward: 1 });
  });

  it('names a transit network by its DR, anything else by the next hop', () => {
    expect(source('O', '10.0.23.0', 24)?.from).toBe(a('3.3.3.3'));
    expect(source('O', '1.1.1.1', 32)?.from).toBe(a('1.1.1.1'));
  });
});
