/**
 * A network opened from a file starts as if it had been running for a while: OSPF routers in
 * it are adjacent, with their routes, PCs have the IPv6 addresses their routers advertise, and
 * the consoles show nothing of how they got there.
 */
import { describe, expect, it } from 'vitest';
import { Session } from '../../src/session/session.ts';

const router = (n: number, ospf: boolean, extra: readonly string[] = []) =>
  [
    `hostname R${n}`,
    'interface GigabitEthernet0/0',
    ` ip address 10.0.12.${n} 255.255.255.0`,
    ' no shutdown',
    ...extra,
    'interface Loopback0',
    ` ip address ${n}.${n}.${n}.${n} 255.255.255.255`,
    ...(ospf ? ['router ospf 1', ' network 0.0.0.0 255.255.255.255 area 0'] : []),
  ].join('\n');

function opened(ospf: boolean, r2: readonly string[] = []): Session {
  const s = new Session();
  const file = {
    version: 1,
    devices: [1, 2].map((n) => ({
      name: `R${n}`,
      kind: 'router',
      at: [n * 100, 0],
      config: router(n, ospf, n === 2 ? r2 : []),
    })),
    links: [['R1:Gi0/0', 'R2:Gi0/0']],
  };
  const loaded = s.load(JSON.stringify(file));
  expect(loaded.problems).toEqual([]);
  return s;
}

describe('opening a network', () => {
  it('gives OSPF the time to converge', () => {
    const s = opened(true);
    const r1 = s.findDevice('R1')!;
    s.exec(r1, 'enable');
    const neighbors = s.exec(r1, 'show ip ospf neighbor').output;
    expect(neighbors).toMatch(/2\.2\.2\.2 +1 +FULL\/(DR|BDR) /);
    expect(neighbors).not.toContain('%OSPF');
    expect(s.exec(r1, 'show ip route ospf').output).toMatch(/O +2\.2\.2\.2 \[110\/2\] via 10\.0\.12\.2/);
    // The clock shows the minute or so it took, as a router running for a while would.
    expect(s.simulation.now()).toBeGreaterThan(40_000_000);
    expect(s.simulation.now()).toBeLessThan(90_000_000);
  });

  it('does not hold the opening up for a neighbour that never settles', () => {
    // R2 drops every OSPF packet: R1 hears its hellos, never the other way, and stays INIT.
    const s = opened(true, [
      ' ip access-group 101 in',
      'access-list 101 deny ospf any any',
      'access-list 101 permit ip any any',
    ]);
    const r1 = s.findDevice('R1')!;
    s.exec(r1, 'enable');
    expect(s.exec(r1, 'show ip ospf neighbor').output).toMatch(/2\.2\.2\.2 +1 +INIT\/DROTHER /);
    // Two minutes at most, and a step.
    expect(s.simulation.now()).toBeLessThanOrEqual(121_000_000);
  });

  it('lets PCs discover their IPv6 router and autoconfigure before anyone types', () => {
    const s = new Session();
    const file = {
      version: 1,
      devices: [
        {
          name: 'R1',
          kind: 'router',
          at: [0, 0],
          config:
            'hostname R1\nipv6 unicast-routing\ninterface GigabitEthernet0/0\n ipv6 address 2001:DB8:1::1/64\n no shutdown\n',
        },
        { name: 'PC1', kind: 'pc', at: [0, 100], ipv6: 'auto' },
      ],
      links: [['R1:Gi0/0', 'PC1:Fa0']],
    };
    expect(s.load(JSON.stringify(file)).problems).toEqual([]);
    const pc1 = s.findDevice('PC1')!;
    expect(s.exec(pc1, 'ipconfig').output).toMatch(/IPv6 Address[ .]+: 2001:db8:1:0:/);
    // Router discovery takes a second or two, not OSPF's minute.
    expect(s.simulation.now()).toBeGreaterThan(0);
    expect(s.simulation.now()).toBeLessThanOrEqual(5_000_000);
  });

  it('starts the clock at zero when no router runs OSPF', () => {
    const s = opened(false);
    expect(s.simulation.now()).toBe(0);
  });
});
