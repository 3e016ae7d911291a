/**
 * `show ipv6 interface [brief]`, `show ipv6 route`, `show ipv6 neighbors` and `clear ipv6
 * neighbors` on a 1941's console, over networks configured through the engine. Every expected
 * text follows a real IOS 15 capture (/tmp/ipv6-research.md): the 2901's and IOSv's briefs
 * (1.1, 1.2), the router-mode blocks of IOSv and a c7200 (2.1, 2.2), the host-mode blocks of
 * IOSv and IOL (2.3, 2.4), a c7200's shut interface (2.5), the 1941's route table (3.1) and
 * static, ND and NDp routes (3.2, Odom appendix K), and the neighbor table's columns (4),
 * with the addresses of these labs put in.
 *
 * The routers' MAC addresses are the lab's: R1's Gi0/0 0000.0cf9.7000 (link-local by EUI-64
 * FE80::200:CFF:FEF9:7000), R2's Gi0/0 0000.0c80.5e80 (FE80::200:CFF:FE80:5E80).
 */
import { describe, expect, it } from 'vitest';
import type { Console } from '../../src/cli/console.ts';
import type {
  DeviceConfig,
  InterfaceConfig,
  Ipv6InterfaceConfig,
  Ipv6StaticRoute,
} from '../../src/shared/config.ts';
import { deviceId } from '../../src/shared/ids.ts';
import { parseAssignment } from '../../src/shared/ipv4.ts';
import { type Ipv6Addr, parseIpv6, parseIpv6Assignment } from '../../src/shared/ipv6.ts';
import { formatMacDotted } from '../../src/shared/mac.ts';
import { formatInterfaceName, parseInterfaceName } from '../../src/shared/ports.ts';
import { ms, seconds } from '../../src/shared/time.ts';
import { Lab } from './lab.ts';

const d = deviceId;
const v6 = (s: string): Ipv6Addr => parseIpv6(s)!;
const full = (short: string): string => formatInterfaceName(parseInterfaceName(short)!);

/** `ipv6 address` lines per interface ("2001:db8:1::1/64", "2001:db8:1::/64 eui-64", "fe80::1 link-local"). */
function ipv6If(...lines: string[]): Ipv6InterfaceConfig {
  const addresses: { addr: Ipv6Addr; len: number; eui64?: true }[] = [];
  let linkLocal: Ipv6Addr | undefined;
  let enable = false;
  let autoconfig: { default: boolean } | undefined;
  for (const l of lines) {
    const [text, opt] = l.split(' ');
    if (text === 'enable') enable = true;
    else if (text === 'autoconfig') autoconfig = { default: opt === 'default' };
    else if (opt === 'link-local') linkLocal = v6(text!);
    else {
      const a = parseIpv6Assignment(text!)!;
      addresses.push(
        opt === 'eui-64' ? { addr: a.addr, len: a.len, eui64: true } : { addr: a.addr, len: a.len },
      );
    }
  }
  return {
    addresses,
    ...(linkLocal !== undefined ? { linkLocal } : {}),
    ...(enable ? { enable: true as const } : {}),
    ...(autoconfig !== undefined ? { autoconfig } : {}),
  };
}

/** `ipv6 route PREFIX {NEXT-HOP | INTERFACE [NEXT-HOP]} [DISTANCE]`. */
function route(prefix: string, nextHop?: string, exit?: string, distance = 1): Ipv6StaticRoute {
  const p = parseIpv6Assignment(prefix)!;
  return {
    prefix: p.addr,
    len: p.len,
    ...(nextHop !== undefined ? { nextHop: v6(nextHop) } : {}),
    ...(exit !== undefined ? { exitInterface: full(exit) } : {}),
    distance,
  };
}

interface IfSpec {
  /** `no shutdown`. */
  readonly up?: boolean;
  /** `ip address A.B.C.D/N`. */
  readonly ip?: string;
  readonly ipv6?: Ipv6InterfaceConfig;
}

/** Sets a router's running-config: its interfaces (short names) and anything else, as its console would. */
function configure6(
  lab: Lab,
  name: string,
  ifs: Record<string, IfSpec>,
  extra: Partial<DeviceConfig> = {},
): void {
  const ctx = lab.ios(name);
  const c = ctx.runningConfig();
  const interfaces: Record<string, InterfaceConfig> = { ...c.interfaces };
  for (const [short, spec] of Object.entries(ifs)) {
    const n = full(short);
    interfaces[n] = {
      ...interfaces[n]!,
      ...(spec.up ? { shutdown: false } : {}),
      ...(spec.ip !== undefined ? { ip: parseAssignment(spec.ip)! } : {}),
      ...(spec.ipv6 !== undefined ? { ipv6: spec.ipv6 } : {}),
    };
  }
  ctx.setRunningConfig({ ...c, interfaces, ...extra });
}

/** R1 and R2 back to back on Gi0/0 and on Gi0/1. */
function twoRouters(): Lab {
  return new Lab()
    .add('R1', 'router')
    .add('R2', 'router')
    .cable('R1:GigabitEthernet0/0', 'R2:GigabitEthernet0/0')
    .cable('R1:GigabitEthernet0/1', 'R2:GigabitEthernet0/1');
}

function enabled(lab: Lab, name: string): Console {
  const con = lab.console(name);
  con.input('enable');
  return con;
}

/** What a command prints, line by line, without the blank line that ends the reply. */
const show = (con: Console, line: string): string[] => con.input(line).output.replace(/\n+$/, '').split('\n');

/*
 * IOS ends the link-local line and an unflagged address line with a space ("FE80::1 ",
 * "subnet is 2001:1::/64 "), which the console does not send (console.ts: trailing blanks are
 * invisible), so the expected lines below have none.
 */

const macOf = (lab: Lab, dev: string, iface: string): string =>
  formatMacDotted(lab.sim.interfaces(d(dev)).find((i) => i.name === full(iface))!.mac);

/** The lab's MAC addresses, which the EUI-64 addresses below are made of. */
function checkMacs(lab: Lab): void {
  expect(macOf(lab, 'R1', 'g0/0')).toBe('0000.0cf9.7000');
  expect(macOf(lab, 'R1', 'g0/1')).toBe('0000.0cf9.7001');
  expect(macOf(lab, 'R2', 'g0/0')).toBe('0000.0c80.5e80');
  expect(macOf(lab, 'R2', 'g0/2')).toBe('0000.0c80.5e82');
}

const LEGEND = [
  'Codes: C - Connected, L - Local, S - Static, U - Per-user Static route',
  '       B - BGP, R - RIP, I1 - ISIS L1, I2 - ISIS L2',
  '       IA - ISIS interarea, IS - ISIS summary, D - EIGRP, EX - EIGRP external',
  '       ND - ND Default, NDp - ND Prefix, DCE - Destination, NDr - Redirect',
  '       O - OSPF Intra, OI - OSPF Inter, OE1 - OSPF ext 1, OE2 - OSPF ext 2',
  '       ON1 - OSPF NSSA ext 1, ON2 - OSPF NSSA ext 2, a - Application',
];

/** The lines every Ethernet interface's block has after its groups (2.1-2.4). */
const ICMP_ND = [
  '  MTU is 1500 bytes',
  '  ICMP error messages limited to one every 100 milliseconds',
  '  ICMP redirects are enabled',
  '  ICMP unreachables are sent',
  '  ND DAD is enabled, number of DAD attempts: 1',
  '  ND reachable time is 30000 milliseconds (using 30000)',
];

/** Router mode's Router Advertisement lines (2.1, 2.2). */
const RA = [
  '  ND advertised reachable time is 0 (unspecified)',
  '  ND advertised retransmit interval is 0 (unspecified)',
  '  ND router advertisements are sent every 200 seconds',
  '  ND router advertisements live for 1800 seconds',
  '  ND advertised default router preference is Medium',
  '  Hosts use stateless autoconfig for addresses.',
];

describe('show ipv6 interface brief', () => {
  it('lists every interface, with its addresses whether up or down, or unassigned', () => {
    const lab = twoRouters();
    // R1: Gi0/0 as the 2901's G0/0 (1.1), Gi0/1 IPv4 only, Gi0/2 not shut but uncabled (IOSv's
    // down/down Gi0/0, 1.2). R2: `ipv6 enable` alone on Gi0/0 (the c7200's Serial2/0, 1.2).
    configure6(
      lab,
      'R1',
      {
        'g0/0': { up: true, ipv6: ipv6If('fe80::1 link-local', '2001:db8:acad:a::1/64') },
        'g0/1': { up: true, ip: '192.168.1.1/24' },
        'g0/2': { up: true, ipv6: ipv6If('fe80::1 link-local') },
      },
      { ipv6Routing: true },
    );
    configure6(lab, 'R2', { 'g0/0': { up: true, ipv6: ipv6If('enable') }, 'g0/1': { up: true } });
    lab.settle(seconds(5));
    checkMacs(lab);
    expect(show(enabled(lab, 'R1'), 'show ipv6 interface brief')).toEqual([
      'GigabitEthernet0/0     [up/up]',
      '    FE80::1',
      '    2001:DB8:ACAD:A::1',
      'GigabitEthernet0/1     [up/up]',
      '    unassigned',
      'GigabitEthernet0/2     [down/down]',
      '    FE80::1',
    ]);
    const r2 = lab.console('R2');
    expect(show(r2, 'show ipv6 interface brief')).toEqual([
      'GigabitEthernet0/0     [up/up]',
      '    FE80::200:CFF:FE80:5E80',
      'GigabitEthernet0/1     [up/up]',
      '    unassigned',
      'GigabitEthernet0/2     [administratively down/down]',
      '    unassigned',
    ]);
    expect(show(r2, 'sh ipv6 int br g0/0')).toEqual([
      'GigabitEthernet0/0     [up/up]',
      '    FE80::200:CFF:FE80:5E80',
    ]);
  });

  it('keeps a shut interface’s addresses, with no [TEN] in the brief', () => {
    const lab = twoRouters();
    configure6(
      lab,
      'R1',
      { 'g0/2': { ipv6: ipv6If('2001:db8:1:1::1/64', 'fe80::1 link-local') } },
      { ipv6Routing: true },
    );
    lab.settle(seconds(1));
    expect(show(enabled(lab, 'R1'), 'show ipv6 interface brief').slice(4)).toEqual([
      'GigabitEthernet0/2     [administratively down/down]',
      '    FE80::1',
      '    2001:DB8:1:1::1',
    ]);
  });
});

describe('show ipv6 interface', () => {
  it('shows a router-mode interface: FF02::2, the solicited-node groups in order, the RA lines', () => {
    const lab = twoRouters();
    // Gi0/0 as the c7200's (2.2): FE80::1 and 2001:1::1/64 share one solicited-node group.
    // Gi0/1 as IOSv's (2.1): an EUI-64 global whose identifier is its link-local's.
    configure6(
      lab,
      'R1',
      {
        'g0/0': { up: true, ipv6: ipv6If('fe80::1 link-local', '2001:1::1/64') },
        'g0/1': { up: true, ipv6: ipv6If('2001:db8:b:b::/64 eui-64') },
      },
      { ipv6Routing: true },
    );
    configure6(lab, 'R2', { 'g0/0': { up: true }, 'g0/1': { up: true } });
    lab.settle(seconds(5));
    checkMacs(lab);
    const r1 = enabled(lab, 'R1');
    const g00 = [
      'GigabitEthernet0/0 is up, line protocol is up',
      '  IPv6 is enabled, link-local address is FE80::1',
      '  No Virtual link-local address(es):',
      '  Global unicast address(es):',
      '    2001:1::1, subnet is 2001:1::/64',
      '  Joined group address(es):',
      '    FF02::1',
      '    FF02::2',
      '    FF02::1:FF00:1',
      ...ICMP_ND,
      ...RA,
    ];
    const g01 = [
      'GigabitEthernet0/1 is up, line protocol is up',
      '  IPv6 is enabled, link-local address is FE80::200:CFF:FEF9:7001',
      '  No Virtual link-local address(es):',
      '  Global unicast address(es):',
      '    2001:DB8:B:B:200:CFF:FEF9:7001, subnet is 2001:DB8:B:B::/64 [EUI]',
      '  Joined group address(es):',
      '    FF02::1',
      '    FF02::2',
      '    FF02::1:FFF9:7001',
      ...ICMP_ND,
      ...RA,
    ];
    expect(show(r1, 'show ipv6 interface g0/0')).toEqual(g00);
    expect(show(r1, 'show ipv6 interface GigabitEthernet0/1')).toEqual(g01);
    // Unnamed: the interfaces running IPv6, in order (Gi0/2 has none).
    expect(show(r1, 'show ipv6 interface')).toEqual([...g00, ...g01]);
  });

  it('sorts the solicited-node groups of an IOS-made link-local and a ::1 global', () => {
    const lab = twoRouters();
    configure6(
      lab,
      'R1',
      { 'g0/0': { up: true, ipv6: ipv6If('2001:db8:1:1::1/64') } },
      { ipv6Routing: true },
    );
    configure6(lab, 'R2', { 'g0/0': { up: true } });
    lab.settle(seconds(2));
    const lines = show(enabled(lab, 'R1'), 'show ipv6 interface g0/0');
    // IOL's Ethernet0/0.10 (2.2): FF02::1:FF00:1 before the link-local's FF02::1:FF00:200.
    expect(lines.slice(1, 10)).toEqual([
      '  IPv6 is enabled, link-local address is FE80::200:CFF:FEF9:7000',
      '  No Virtual link-local address(es):',
      '  Global unicast address(es):',
      '    2001:DB8:1:1::1, subnet is 2001:DB8:1:1::/64',
      '  Joined group address(es):',
      '    FF02::1',
      '    FF02::2',
      '    FF02::1:FF00:1',
      '    FF02::1:FFF9:7000',
    ]);
  });

  it('shows host mode: no FF02::2 nor RA lines, the NS interval, the default router an RA gave', () => {
    const lab = twoRouters();
    configure6(
      lab,
      'R1',
      { 'g0/0': { up: true, ipv6: ipv6If('fe80::1 link-local', '2001:db8:acad:1::1/64') } },
      { ipv6Routing: true },
    );
    // R2 without `ipv6 unicast-routing`: Gi0/0 autoconfigures (IOL's PC-A, 2.4), Gi0/1 has
    // the addresses of 2.3's host-mode router, Gi0/2 is shut with autoconfig (the c7200, 2.5).
    configure6(lab, 'R2', {
      'g0/0': { up: true, ipv6: ipv6If('autoconfig default') },
      'g0/1': { up: true, ipv6: ipv6If('fe80::14:1 link-local', '2001:db9:45:c0de::1/64') },
      'g0/2': { ipv6: ipv6If('autoconfig') },
    });
    configure6(lab, 'R1', { 'g0/1': { up: true } });
    lab.settle(seconds(30));
    checkMacs(lab);
    const r2 = enabled(lab, 'R2');
    expect(show(r2, 'show ipv6 interface g0/0')).toEqual([
      'GigabitEthernet0/0 is up, line protocol is up',
      '  IPv6 is enabled, link-local address is FE80::200:CFF:FE80:5E80',
      '  No Virtual link-local address(es):',
      '  Stateless address autoconfig enabled',
      '  Global unicast address(es):',
      '    2001:DB8:ACAD:1:200:CFF:FE80:5E80, subnet is 2001:DB8:ACAD:1::/64 [EUI/CAL/PRE]',
      '      valid lifetime 2592000 preferred lifetime 604800',
      '  Joined group address(es):',
      '    FF02::1',
      '    FF02::1:FF80:5E80',
      ...ICMP_ND,
      '  ND NS retransmit interval is 1000 milliseconds',
      '  Default router is FE80::1 on GigabitEthernet0/0',
    ]);
    expect(show(r2, 'show ipv6 interface g0/1')).toEqual([
      'GigabitEthernet0/1 is up, line protocol is up',
      '  IPv6 is enabled, link-local address is FE80::14:1',
      '  No Virtual link-local address(es):',
      '  Global unicast address(es):',
      '    2001:DB9:45:C0DE::1, subnet is 2001:DB9:45:C0DE::/64',
      '  Joined group address(es):',
      '    FF02::1',
      '    FF02::1:FF00:1',
      '    FF02::1:FF14:1',
      ...ICMP_ND,
      '  ND NS retransmit interval is 1000 milliseconds',
    ]);
    expect(show(r2, 'show ipv6 interface g0/2')).toEqual([
      'GigabitEthernet0/2 is administratively down, line protocol is down',
      '  IPv6 is tentative, link-local address is FE80::200:CFF:FE80:5E82 [TEN]',
      '  No Virtual link-local address(es):',
      '  Stateless address autoconfig enabled',
      '  No global unicast address is configured',
      '  Joined group address(es):',
      '    FF02::1',
      ...ICMP_ND,
      '  ND NS retransmit interval is 1000 milliseconds',
    ]);
  });

  it('marks a shut interface’s addresses tentative', () => {
    const lab = twoRouters();
    configure6(
      lab,
      'R1',
      { 'g0/2': { ipv6: ipv6If('2001:db8:1:1::1/64', '2001:db8:4:4::/64 eui-64') } },
      { ipv6Routing: true },
    );
    lab.settle(seconds(1));
    // As IOS-XE's GigabitEthernet1/0/1 (2.5): [TEN] and [EUI/TEN].
    expect(show(enabled(lab, 'R1'), 'show ipv6 interface g0/2').slice(0, 8)).toEqual([
      'GigabitEthernet0/2 is administratively down, line protocol is down',
      '  IPv6 is tentative, link-local address is FE80::200:CFF:FEF9:7002 [TEN]',
      '  No Virtual link-local address(es):',
      '  Global unicast address(es):',
      '    2001:DB8:1:1::1, subnet is 2001:DB8:1:1::/64 [TEN]',
      '    2001:DB8:4:4:200:CFF:FEF9:7002, subnet is 2001:DB8:4:4::/64 [EUI/TEN]',
      '  Joined group address(es):',
      '    FF02::1',
    ]);
  });

  it('prints nothing for an interface without IPv6, and refuses one the router does not have', () => {
    const lab = twoRouters();
    const r1 = enabled(lab, 'R1');
    expect(r1.input('show ipv6 interface g0/1').output).toBe('');
    expect(r1.input('show ipv6 interface').output).toBe('');
    expect(show(r1, 'show ipv6 interface g0/5')).toEqual([
      '                        ^',
      "% Invalid input detected at '^' marker.",
    ]);
  });
});

describe('show ipv6 route', () => {
  /** R1 routes between 2001:DB8:ACAD:1::/64 (Gi0/0) and 2001:DB8:ACAD:2::/64 (Gi0/1), with static routes. */
  function routed(): Lab {
    const lab = twoRouters();
    configure6(
      lab,
      'R1',
      {
        'g0/0': { up: true, ipv6: ipv6If('2001:db8:acad:1::1/64') },
        'g0/1': { up: true, ipv6: ipv6If('2001:db8:acad:2::1/64') },
      },
      {
        ipv6Routing: true,
        ipv6Routes: [
          route('::/0', '2001:db8:acad:2::2'),
          // A floating default: not in the table while the first is.
          route('::/0', '2001:db8:acad:1::2', undefined, 5),
          route('2001:db8:acad:3::/64', undefined, 'g0/1'),
          route('2001:db8:acad:4::/64', 'fe80::2', 'g0/1'),
        ],
      },
    );
    configure6(lab, 'R2', { 'g0/0': { up: true }, 'g0/1': { up: true } });
    lab.settle(seconds(2));
    return lab;
  }

  it('lists connected, local and static routes in prefix order, FF00::/8 last', () => {
    const r1 = enabled(routed(), 'R1');
    expect(show(r1, 'show ipv6 route')).toEqual([
      'IPv6 Routing Table - default - 8 entries',
      ...LEGEND,
      'S   ::/0 [1/0]',
      '     via 2001:DB8:ACAD:2::2',
      'C   2001:DB8:ACAD:1::/64 [0/0]',
      '     via GigabitEthernet0/0, directly connected',
      'L   2001:DB8:ACAD:1::1/128 [0/0]',
      '     via GigabitEthernet0/0, receive',
      'C   2001:DB8:ACAD:2::/64 [0/0]',
      '     via GigabitEthernet0/1, directly connected',
      'L   2001:DB8:ACAD:2::1/128 [0/0]',
      '     via GigabitEthernet0/1, receive',
      'S   2001:DB8:ACAD:3::/64 [1/0]',
      '     via GigabitEthernet0/1, directly connected',
      'S   2001:DB8:ACAD:4::/64 [1/0]',
      '     via FE80::2, GigabitEthernet0/1',
      'L   FF00::/8 [0/0]',
      '     via Null0, receive',
    ]);
  });

  it('keeps the whole table’s count and the legend in a filtered view', () => {
    const r1 = enabled(routed(), 'R1');
    const head = ['IPv6 Routing Table - default - 8 entries', ...LEGEND];
    expect(show(r1, 'show ipv6 route static')).toEqual([
      ...head,
      'S   ::/0 [1/0]',
      '     via 2001:DB8:ACAD:2::2',
      'S   2001:DB8:ACAD:3::/64 [1/0]',
      '     via GigabitEthernet0/1, directly connected',
      'S   2001:DB8:ACAD:4::/64 [1/0]',
      '     via FE80::2, GigabitEthernet0/1',
    ]);
    expect(show(r1, 'show ipv6 route connected')).toEqual([
      ...head,
      'C   2001:DB8:ACAD:1::/64 [0/0]',
      '     via GigabitEthernet0/0, directly connected',
      'C   2001:DB8:ACAD:2::/64 [0/0]',
      '     via GigabitEthernet0/1, directly connected',
    ]);
    expect(show(r1, 'sh ipv6 ro local')).toEqual([
      ...head,
      'L   2001:DB8:ACAD:1::1/128 [0/0]',
      '     via GigabitEthernet0/0, receive',
      'L   2001:DB8:ACAD:2::1/128 [0/0]',
      '     via GigabitEthernet0/1, receive',
      'L   FF00::/8 [0/0]',
      '     via Null0, receive',
    ]);
  });

  it('shows what a Router Advertisement gave a host-mode router: ND, NDp and its address', () => {
    const lab = twoRouters();
    configure6(
      lab,
      'R1',
      { 'g0/0': { up: true, ipv6: ipv6If('fe80::1 link-local', '2001:db8:1:12::1/64') } },
      { ipv6Routing: true },
    );
    configure6(lab, 'R2', { 'g0/0': { up: true, ipv6: ipv6If('autoconfig default') } });
    lab.settle(seconds(30));
    // Odom, appendix K, example K-7 (4 entries: the fourth is FF00::/8).
    expect(show(enabled(lab, 'R2'), 'show ipv6 route')).toEqual([
      'IPv6 Routing Table - default - 4 entries',
      ...LEGEND,
      'ND  ::/0 [2/0]',
      '     via FE80::1, GigabitEthernet0/0',
      'NDp 2001:DB8:1:12::/64 [2/0]',
      '     via GigabitEthernet0/0, directly connected',
      'L   2001:DB8:1:12:200:CFF:FE80:5E80/128 [0/0]',
      '     via GigabitEthernet0/0, receive',
      'L   FF00::/8 [0/0]',
      '     via Null0, receive',
    ]);
  });

  it('prints nothing on a router without IPv6', () => {
    const lab = twoRouters();
    expect(enabled(lab, 'R1').input('show ipv6 route').output).toBe('');
  });
});

describe('show ipv6 neighbors and clear ipv6 neighbors', () => {
  function pinged(): Lab {
    const lab = twoRouters();
    configure6(
      lab,
      'R1',
      { 'g0/0': { up: true, ipv6: ipv6If('fe80::1 link-local', '2001:db8:acad:1::1/64') } },
      { ipv6Routing: true },
    );
    configure6(lab, 'R2', { 'g0/0': { up: true, ipv6: ipv6If('autoconfig default') } });
    lab.settle(seconds(30));
    checkMacs(lab);
    const job = lab.sim.ping6(d('R2'), v6('2001:db8:acad:1::1'), {
      count: 5,
      timeout: seconds(2),
      size: 100,
      sizeIsDatagram: true,
    });
    lab.settle(seconds(5));
    expect(job.results.map((r) => r.outcome.kind)).toEqual(['reply', 'reply', 'reply', 'reply', 'reply']);
    return lab;
  }

  const HEADER = 'IPv6 Address                              Age Link-layer Addr State Interface';

  it('lists the neighbors a ping resolved, and the router an advertisement came from', () => {
    const lab = pinged();
    const r2 = enabled(lab, 'R2');
    expect(show(r2, 'show ipv6 neighbors')).toEqual([
      HEADER,
      'FE80::1                                     0 0000.0cf9.7000  STALE Gi0/0',
      '2001:DB8:ACAD:1::1                          0 0000.0cf9.7000  REACH Gi0/0',
    ]);
    // R1 learned R2's addresses from its solicitations (STALE) and has just answered its
    // echoes through the global one: DELAY for 5 s before it probes (RFC 4861 7.3.3).
    expect(show(enabled(lab, 'R1'), 'show ipv6 neighbors g0/0')).toEqual([
      HEADER,
      'FE80::200:CFF:FE80:5E80                     0 0000.0c80.5e80  STALE Gi0/0',
      '2001:DB8:ACAD:1:200:CFF:FE80:5E80           0 0000.0c80.5e80  DELAY Gi0/0',
    ]);
    expect(show(r2, 'show ipv6 neighbors g0/1')).toEqual([HEADER]);
    // Minutes: REACH turns STALE 30 s after its confirmation.
    lab.settle(seconds(150));
    expect(show(r2, 'show ipv6 neighbors').slice(2)).toEqual([
      '2001:DB8:ACAD:1::1                          2 0000.0cf9.7000  STALE Gi0/0',
    ]);
  });

  it('shows an unresolved neighbor INCMP with no link-layer address', () => {
    const lab = pinged();
    lab.sim.ping6(d('R2'), v6('2001:db8:acad:1::99'), {
      count: 1,
      timeout: seconds(2),
      size: 100,
      sizeIsDatagram: true,
    });
    lab.settle(ms(500));
    expect(show(enabled(lab, 'R2'), 'show ipv6 neighbors').slice(3)).toEqual([
      '2001:DB8:ACAD:1::99                         0 -               INCMP Gi0/0',
    ]);
  });

  it('empties the cache with clear ipv6 neighbors', () => {
    const lab = pinged();
    const r2 = enabled(lab, 'R2');
    expect(r2.input('clear ipv6 neighbors').output).toBe('');
    expect(lab.sim.ipv6Neighbors(d('R2'))).toEqual([]);
    expect(show(r2, 'show ipv6 neighbors')).toEqual([HEADER]);
  });
});

describe('show ipv6 help', () => {
  it('offers the views Trame has, and names the others as not simulated', () => {
    const lab = twoRouters();
    const r1 = enabled(lab, 'R1');
    expect(show(r1, 'show ipv6 ?')).toEqual([
      '  interface  IPv6 interface status and configuration',
      '  neighbors  Show IPv6 neighbor cache entries',
      '  route      Show IPv6 route table entries',
    ]);
    expect(show(r1, 'show ipv6 route ?').slice(0, 3)).toEqual([
      '  connected  Connected routes',
      '  local      Local routes',
      '  static     Static routes',
    ]);
    expect(show(r1, 'show ipv6 ospf')).toEqual(['% Trame does not simulate this IPv6 view yet.']);
    expect(show(r1, 'clear ipv6 ?')).toEqual(['  neighbors  Clear IPv6 neighbor discovery cache']);
  });
});
