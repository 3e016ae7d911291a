/**
 * Reference topologies with the reachability each is meant to have. The Linux kernel checks
 * the expectation (kernel.test.ts); Trame must then agree with the kernel (trame.test.ts).
 */
import type { RefHost, RefRouter, RefSwitch, RefTopology } from './topology.ts';

export interface ReferenceCase {
  readonly topology: RefTopology;
  /** Whether a ping from one host gets a reply from the other. */
  readonly reaches: (from: string, to: string) => boolean;
}

const pc = (name: string, ip: string, gateway?: string): RefHost => ({
  kind: 'pc',
  name,
  ip,
  ...(gateway ? { gateway } : {}),
});

/** Which VLAN each host's access port is in, for the rules below. */
const vlanOf = (hosts: Readonly<Record<string, number>>) => (name: string) => {
  const vlan = hosts[name];
  if (vlan === undefined) throw new Error(`no VLAN for ${name}`);
  return vlan;
};

/**
 * Two switches joined by a trunk carrying VLANs 10 and 20, two hosts per VLAN spread across
 * the switches. All hosts share one IP subnet, so only the VLANs keep them apart.
 */
function trunkTwoVlans(): ReferenceCase {
  const vlan = vlanOf({ A10: 10, B10: 10, A20: 20, B20: 20 });
  const sw = (name: string): RefSwitch => ({
    kind: 'switch',
    name,
    vlans: [10, 20],
    ports: {
      'FastEthernet0/1': { access: 10 },
      'FastEthernet0/2': { access: 20 },
      'GigabitEthernet0/1': { trunk: [10, 20] },
    },
  });
  return {
    topology: {
      name: 'trunk carrying VLANs 10 and 20, no router',
      devices: [
        sw('S1'),
        sw('S2'),
        pc('A10', '10.0.0.11/24'),
        pc('B10', '10.0.0.12/24'),
        pc('A20', '10.0.0.21/24'),
        pc('B20', '10.0.0.22/24'),
      ],
      links: [
        ['S1:GigabitEthernet0/1', 'S2:GigabitEthernet0/1'],
        ['A10:FastEthernet0', 'S1:FastEthernet0/1'],
        ['A20:FastEthernet0', 'S1:FastEthernet0/2'],
        ['B10:FastEthernet0', 'S2:FastEthernet0/1'],
        ['B20:FastEthernet0', 'S2:FastEthernet0/2'],
      ],
    },
    reaches: (a, b) => vlan(a) === vlan(b),
  };
}

/** The same, but S2's end of the trunk allows only VLAN 10: VLAN 20 stays on each side. */
function prunedTrunk(): ReferenceCase {
  const base = trunkTwoVlans();
  const vlan = vlanOf({ A10: 10, B10: 10, A20: 20, B20: 20 });
  const side = (name: string) => name[0];
  return {
    topology: {
      ...base.topology,
      name: 'trunk allowing VLAN 10 only at one end',
      devices: base.topology.devices.map((d) =>
        d.kind === 'switch' && d.name === 'S2'
          ? { ...d, ports: { ...d.ports, 'GigabitEthernet0/1': { trunk: [10] } } }
          : d,
      ),
    },
    reaches: (a, b) => vlan(a) === vlan(b) && (vlan(a) === 10 || side(a) === side(b)),
  };
}

/**
 * Router-on-a-stick between VLAN 10 and VLAN 20 behind two switches; BAD sits in VLAN 10 with
 * a gateway nobody answers for, so it reaches its own VLAN only.
 */
function routerOnAStick(): ReferenceCase {
  const vlan = vlanOf({ PC1: 10, PC2: 20, PC3: 20, BAD: 10 });
  const r1: RefRouter = {
    kind: 'router',
    name: 'R1',
    interfaces: { 'GigabitEthernet0/0': { vlans: { 10: '192.168.10.1/24', 20: '192.168.20.1/24' } } },
    routes: [],
  };
  const s1: RefSwitch = {
    kind: 'switch',
    name: 'S1',
    vlans: [10, 20],
    ports: {
      'FastEthernet0/1': { access: 10 },
      'FastEthernet0/2': { access: 20 },
      'GigabitEthernet0/1': { trunk: [10, 20] },
      'GigabitEthernet0/2': { trunk: [10, 20] },
    },
  };
  const s2: RefSwitch = {
    kind: 'switch',
    name: 'S2',
    vlans: [10, 20],
    ports: {
      'FastEthernet0/1': { access: 20 },
      'FastEthernet0/2': { access: 10 },
      'GigabitEthernet0/1': { trunk: [10, 20] },
    },
  };
  return {
    topology: {
      name: 'router-on-a-stick, one host with a wrong gateway',
      devices: [
        r1,
        s1,
        s2,
        pc('PC1', '192.168.10.11/24', '192.168.10.1'),
        pc('PC2', '192.168.20.11/24', '192.168.20.1'),
        pc('PC3', '192.168.20.12/24', '192.168.20.1'),
        pc('BAD', '192.168.10.12/24', '192.168.10.254'),
      ],
      links: [
        ['R1:GigabitEthernet0/0', 'S1:GigabitEthernet0/1'],
        ['S1:GigabitEthernet0/2', 'S2:GigabitEthernet0/1'],
        ['PC1:FastEthernet0', 'S1:FastEthernet0/1'],
        ['PC2:FastEthernet0', 'S1:FastEthernet0/2'],
        ['PC3:FastEthernet0', 'S2:FastEthernet0/1'],
        ['BAD:FastEthernet0', 'S2:FastEthernet0/2'],
      ],
    },
    reaches: (a, b) => (a !== 'BAD' && b !== 'BAD') || vlan(a) === vlan(b),
  };
}

/**
 * Three routers in a chain, a LAN on each: R1 has a default route, R2 knows both ends, R3
 * knows only R2's LAN. PC3's replies to PC1 (and its own pings to PC1) die at R3.
 */
function routerChainMissingRoute(): ReferenceCase {
  const router = (
    name: string,
    interfaces: RefRouter['interfaces'],
    routes: RefRouter['routes'],
  ): RefRouter => ({
    kind: 'router',
    name,
    interfaces,
    routes,
  });
  return {
    topology: {
      name: 'three routers, static routes, one missing on the way back',
      devices: [
        router(
          'R1',
          { 'GigabitEthernet0/0': { ip: '10.0.12.1/30' }, 'GigabitEthernet0/1': { ip: '10.1.0.1/24' } },
          [{ prefix: '0.0.0.0/0', via: '10.0.12.2' }],
        ),
        router(
          'R2',
          {
            'GigabitEthernet0/0': { ip: '10.0.12.2/30' },
            'GigabitEthernet0/1': { ip: '10.0.23.1/30' },
            'GigabitEthernet0/2': { ip: '10.2.0.1/24' },
          },
          [
            { prefix: '10.1.0.0/24', via: '10.0.12.1' },
            { prefix: '10.3.0.0/24', via: '10.0.23.2' },
          ],
        ),
        router(
          'R3',
          { 'GigabitEthernet0/0': { ip: '10.0.23.2/30' }, 'GigabitEthernet0/1': { ip: '10.3.0.1/24' } },
          [{ prefix: '10.2.0.0/24', via: '10.0.23.1' }],
        ),
        pc('PC1', '10.1.0.10/24', '10.1.0.1'),
        pc('PC2', '10.2.0.10/24', '10.2.0.1'),
        pc('PC3', '10.3.0.10/24', '10.3.0.1'),
      ],
      links: [
        ['R1:GigabitEthernet0/0', 'R2:GigabitEthernet0/0'],
        ['R2:GigabitEthernet0/1', 'R3:GigabitEthernet0/0'],
        ['PC1:FastEthernet0', 'R1:GigabitEthernet0/1'],
        ['PC2:FastEthernet0', 'R2:GigabitEthernet0/2'],
        ['PC3:FastEthernet0', 'R3:GigabitEthernet0/1'],
      ],
    },
    reaches: (a, b) => [a, b].sort().join(' ') !== 'PC1 PC3',
  };
}

/**
 * Inter-VLAN routing with one router interface per VLAN on access ports; VLAN 30 has no
 * router interface, so its host reaches nobody.
 */
function routerPerVlan(): ReferenceCase {
  return {
    topology: {
      name: 'one router interface per VLAN, a VLAN without a gateway',
      devices: [
        {
          kind: 'router',
          name: 'R1',
          interfaces: {
            'GigabitEthernet0/0': { ip: '172.16.10.1/24' },
            'GigabitEthernet0/1': { ip: '172.16.20.1/24' },
          },
          routes: [],
        },
        {
          kind: 'switch',
          name: 'S1',
          vlans: [10, 20, 30],
          ports: {
            'FastEthernet0/1': { access: 10 },
            'FastEthernet0/2': { access: 20 },
            'FastEthernet0/3': { access: 30 },
            'FastEthernet0/23': { access: 10 },
            'FastEthernet0/24': { access: 20 },
          },
        },
        pc('PC1', '172.16.10.11/24', '172.16.10.1'),
        pc('PC2', '172.16.20.11/24', '172.16.20.1'),
        pc('PC3', '172.16.30.11/24', '172.16.30.1'),
      ],
      links: [
        ['R1:GigabitEthernet0/0', 'S1:FastEthernet0/23'],
        ['R1:GigabitEthernet0/1', 'S1:FastEthernet0/24'],
        ['PC1:FastEthernet0', 'S1:FastEthernet0/1'],
        ['PC2:FastEthernet0', 'S1:FastEthernet0/2'],
        ['PC3:FastEthernet0', 'S1:FastEthernet0/3'],
      ],
    },
    reaches: (a, b) => a !== 'PC3' && b !== 'PC3',
  };
}

export const REFERENCE_CASES: readonly ReferenceCase[] = [
  trunkTwoVlans(),
  prunedTrunk(),
  routerOnAStick(),
  routerChainMissingRoute(),
  routerPerVlan(),
];

/**
 * HL - R1 - R2 - ... - Rn - HR, each cable a /30 in 10.200.<i>.0; every router knows both
 * end networks. Used by the kernel forwarding yardstick.
 */
export function routerChain(routers: number): RefTopology {
  if (routers < 1 || routers > 250) throw new Error(`chain of ${routers} routers: 1..250`);
  const net = (i: number, host: 1 | 2) => `10.200.${i}.${host}`;
  const devices: RefTopology['devices'][number][] = [pc('HL', `${net(0, 1)}/30`, net(0, 2))];
  const links: [string, string][] = [];
  let left = 'HL:FastEthernet0';
  for (let k = 1; k <= routers; k++) {
    const routes = [
      ...(k > 1 ? [{ prefix: '10.200.0.0/30', via: net(k - 1, 1) }] : []),
      ...(k < routers ? [{ prefix: `10.200.${routers}.0/30`, via: net(k, 2) }] : []),
    ];
    devices.push({
      kind: 'router',
      name: `R${k}`,
      interfaces: {
        'GigabitEthernet0/0': { ip: `${net(k - 1, 2)}/30` },
        'GigabitEthernet0/1': { ip: `${net(k, 1)}/30` },
      },
      routes,
    });
    links.push([left, `R${k}:GigabitEthernet0/0`]);
    left = `R${k}:GigabitEthernet0/1`;
  }
  devices.push(pc('HR', `${net(routers, 2)}/30`, net(routers, 1)));
  links.push([left, 'HR:FastEthernet0']);
  return { name: `chain of ${routers} routers`, devices, links };
}
