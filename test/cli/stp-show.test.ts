/**
 * Spanning tree on the IOS console, checked against text real devices printed: the show
 * formatters fed hand-built instances, the running-config lines, `root primary`'s priority and
 * BPDU guard's messages. Sources are named at each case; where a capture was copied with its
 * last line's trailing blank trimmed, the blank IOS prints (every other row keeps it) is put back.
 */
import { describe, expect, it } from 'vitest';
import { parseConfigText } from '../../src/cli/config-text.ts';
import { renderRunningConfig } from '../../src/cli/ios/running-config.ts';
import {
  stpBlockedPorts,
  stpBridge,
  stpInconsistentPorts,
  stpInstanceLines,
  stpInterface,
  stpInterfacePortfast,
  stpRoot,
  stpShow,
  stpSummary,
} from '../../src/cli/ios/show/spanning-tree.ts';
import { spanningTreeTexts } from '../../src/cli/ios/spanning-tree-log.ts';
import { rootPrimaryPriority, stpConfigLines, stpInterfaceLines } from '../../src/cli/ios/stp-commands.ts';
import type { StpPortStatus } from '../../src/engine/api.ts';
import { type DeviceConfig, defaultDeviceConfig } from '../../src/shared/config.ts';
import type { Micros } from '../../src/shared/time.ts';
import { mac, stpInstance, stpPort } from './stp-fixtures.ts';

/** `show spanning-tree summary`'s settings on a switch at its defaults. */
const DEFAULTS = {
  portfastDefault: false,
  bpduguardDefault: false,
  bpdufilterDefault: false,
  loopguardDefault: false,
  etherchannelGuard: true,
  mode: 'pvst' as const,
};

const port = stpPort;

const instance = stpInstance;

// NetAcad "Building a Switched Network with Redundant Links", real 2960s.
const netacadS1 = instance({
  rootMac: mac(0x0cd9_96d2_4000),
  rootCost: 19,
  rootPort: 'FastEthernet0/2',
  rootPortPriority: 128,
  rootPortNumber: 2,
  bridgeMac: mac(0x0cd9_96e8_8a00),
  ports: [
    port('FastEthernet0/2', { role: 'root' }),
    port('FastEthernet0/4', { role: 'alternate', state: 'blocking' }),
  ],
});
const netacadS2 = instance({
  rootMac: mac(0x0cd9_96d2_4000),
  bridgeMac: mac(0x0cd9_96d2_4000),
  ports: [port('FastEthernet0/2'), port('FastEthernet0/4')],
});

describe('show spanning-tree, as a 2960 prints it', () => {
  it('gives a non-root bridge its root cost and port, and its ports their roles and states', () => {
    expect(stpInstanceLines(netacadS1)).toEqual([
      '',
      'VLAN0001',
      '  Spanning tree enabled protocol ieee',
      '  Root ID    Priority    32769',
      '             Address     0cd9.96d2.4000',
      '             Cost        19',
      '             Port        2 (FastEthernet0/2)',
      '             Hello Time   2 sec  Max Age 20 sec  Forward Delay 15 sec',
      '',
      '  Bridge ID  Priority    32769  (priority 32768 sys-id-ext 1)',
      '             Address     0cd9.96e8.8a00',
      '             Hello Time   2 sec  Max Age 20 sec  Forward Delay 15 sec',
      '             Aging Time  300 sec',
      '',
      'Interface           Role Sts Cost      Prio.Nbr Type',
      '------------------- ---- --- --------- -------- --------------------------------',
      'Fa0/2               Root FWD 19        128.2    P2p ',
      'Fa0/4               Altn BLK 19        128.4    P2p ',
      '',
      '',
    ]);
  });

  it('says so on the root bridge', () => {
    expect(stpInstanceLines(netacadS2).slice(3, 7)).toEqual([
      '  Root ID    Priority    32769',
      '             Address     0cd9.96d2.4000',
      '             This bridge is the root',
      '             Hello Time   2 sec  Max Age 20 sec  Forward Delay 15 sec',
    ]);
    expect(stpInstanceLines(netacadS2).slice(-4, -2)).toEqual([
      'Fa0/2               Desg FWD 19        128.2    P2p ',
      'Fa0/4               Desg FWD 19        128.4    P2p ',
    ]);
  });

  it('ages addresses with the forward delay during a topology change (IOSvL2, Christopher Hart)', () => {
    const i = instance({
      rootMac: mac(0x5e00_0001_0000),
      bridgeMac: mac(0x5e00_0001_0000),
      rootPriority: 16385,
      bridgePriority: 16384,
      bridgeId: 16385,
      agingTime: 15,
      topologyChange: true,
    });
    expect(stpInstanceLines(i).slice(8, 12)).toEqual([
      '  Bridge ID  Priority    16385  (priority 16384 sys-id-ext 1)',
      '             Address     5e00.0001.0000',
      '             Hello Time   2 sec  Max Age 20 sec  Forward Delay 15 sec',
      '             Aging Time  15  sec',
    ]);
  });

  it('marks edge ports and inconsistencies, and glues a broken state to its cost (vIOS-L2, a 3750)', () => {
    const i = instance({
      rootMac: mac(1),
      bridgeMac: mac(1),
      ports: [
        port('GigabitEthernet0/0', { state: 'broken', cost: 4, number: 1, inconsistent: 'pvid' }),
        port('GigabitEthernet1/1', { cost: 4, number: 6, edge: true }),
        port('GigabitEthernet1/2', { state: 'broken', cost: 4, number: 7, edge: true, inconsistent: 'pvid' }),
        port('GigabitEthernet1/3', { state: 'broken', cost: 4, number: 8, inconsistent: 'type' }),
      ],
    });
    expect(stpInstanceLines(i).slice(-6, -2)).toEqual([
      'Gi0/0               Desg BKN*4         128.1    P2p *PVID_Inc ',
      'Gi1/1               Desg FWD 4         128.6    P2p Edge ',
      'Gi1/2               Desg BKN*4         128.7    P2p Edge *PVID_Inc ',
      'Gi1/3               Desg BKN*4         128.8    P2p *TYPE_Inc ',
    ]);
  });

  it('puts blank lines between instances: one before each, two after each table (vIOS-L2)', () => {
    const ten = { ...netacadS2, vlan: 10, rootPriority: 32778, bridgeId: 32778 };
    const lines = stpShow([netacadS2, ten]);
    const at = lines.indexOf('VLAN0010');
    expect(lines.slice(at - 4, at)).toEqual([
      'Fa0/4               Desg FWD 19        128.4    P2p ',
      '',
      '',
      '',
    ]);
    expect(lines.slice(-3)).toEqual(['Fa0/4               Desg FWD 19        128.4    P2p ', '', '']);
  });

  it('answers for a VLAN without an instance as IOU and a 3560 do', () => {
    expect(stpShow([netacadS1], [[10, 10]])).toEqual([
      '',
      'Spanning tree instance(s) for vlan 10 does not exist.',
      '',
    ]);
    expect(stpShow([])).toEqual(['', 'No spanning tree instance exists.']);
  });
});

describe('show spanning-tree interface', () => {
  it('lists the port in each instance (IOU), shared when half duplex', () => {
    const i = instance({
      vlan: 5,
      rootMac: mac(0xaabb_cc00_5000),
      bridgeMac: mac(0xaabb_cc00_5000),
      ports: [port('Ethernet0/2', { cost: 100, number: 3, edge: true, shared: true })],
    });
    expect(stpInterface([i], 'Ethernet0/2')).toEqual([
      '',
      'Vlan                Role Sts Cost      Prio.Nbr Type',
      '------------------- ---- --- --------- -------- --------------------------------',
      'VLAN0005            Desg FWD 100       128.3    Shr Edge ',
    ]);
  });

  it('has nothing to say of a port in no instance (2960 captures)', () => {
    expect(stpInterface([netacadS1], 'FastEthernet0/23')).toEqual([
      'no spanning tree info available for FastEthernet0/23',
      '',
    ]);
  });

  it('marks a port root guard holds (a 3750 on 12.2: its row in VLAN0001)', () => {
    const i = instance({
      rootMac: mac(0x001d_707b_4200),
      bridgeMac: mac(0x001d_707b_4200),
      ports: [port('FastEthernet1/0/23', { number: 25, state: 'broken', inconsistent: 'root' })],
    });
    expect(stpInterface([i], 'FastEthernet1/0/23').at(-1)).toBe(
      'VLAN0001            Desg BKN*19        128.25   P2p *ROOT_Inc ',
    );
  });

  it('tells whether PortFast runs on it (a 2960 capture)', () => {
    expect(stpInterfacePortfast([netacadS1], 'FastEthernet0/4')).toEqual(['VLAN0001         disabled']);
  });
});

describe('show spanning-tree summary', () => {
  it('lists the settings and the ports by state, in the 2960 layout', () => {
    const three = {
      ...netacadS2,
      vlan: 3,
      rootPriority: 32771,
      bridgeId: 32771,
      ports: [port('FastEthernet0/1'), port('FastEthernet0/2')],
    };
    const one = {
      ...netacadS2,
      ports: Array.from({ length: 15 }, (_, k) => port(`FastEthernet0/${k + 1}`)),
    };
    expect(stpSummary([one, three], DEFAULTS)).toEqual([
      'Switch is in pvst mode',
      'Root bridge for: VLAN0001, VLAN0003',
      'Extended system ID           is enabled',
      'Portfast Default             is disabled',
      'PortFast BPDU Guard Default  is disabled',
      'Portfast BPDU Filter Default is disabled',
      'Loopguard Default            is disabled',
      'EtherChannel misconfig guard is enabled',
      'UplinkFast                   is disabled',
      'BackboneFast                 is disabled',
      'Configured Pathcost method used is short',
      '',
      'Name                   Blocking Listening Learning Forwarding STP Active',
      '---------------------- -------- --------- -------- ---------- ----------',
      'VLAN0001                     0         0        0         15         15',
      'VLAN0003                     0         0        0          2          2',
      '---------------------- -------- --------- -------- ---------- ----------',
      '2 vlans                      0         0        0         17         17',
    ]);
  });

  it('wraps a long root list as genieparser golden output 3 shows it, and counts one vlan', () => {
    const nine = Array.from({ length: 9 }, (_, k) => ({
      ...netacadS2,
      vlan: k + 1,
      rootPriority: 32769 + k,
      bridgeId: 32769 + k,
    }));
    const lines = stpSummary(nine, { ...DEFAULTS, portfastDefault: true, bpduguardDefault: true });
    expect(lines.slice(1, 6)).toEqual([
      'Root bridge for: VLAN0001, VLAN0002, VLAN0003, VLAN0004, VLAN0005, VLAN0006',
      '  VLAN0007, VLAN0008, VLAN0009',
      'Extended system ID           is enabled',
      'Portfast Default             is enabled',
      'PortFast BPDU Guard Default  is enabled',
    ]);
    const none = stpSummary([netacadS1], DEFAULTS);
    expect(none[1]).toBe('Root bridge for: none');
    expect(none.at(-1)).toBe('1 vlan                       1         0        0          1          2');
  });
});

describe('show spanning-tree with root guard and loop guard', () => {
  it('marks the ports they hold broken, as IOL and IOSv-L2 print them', () => {
    const i = instance({
      rootMac: mac(0xaabb_cc00_0100),
      bridgeMac: mac(0xaabb_cc00_0200),
      rootCost: 4,
      rootPort: 'GigabitEthernet0/3',
      rootPortNumber: 4,
      ports: [
        port('GigabitEthernet0/2', { cost: 4, number: 3, state: 'broken', inconsistent: 'loop' }),
        port('GigabitEthernet0/3', { cost: 4, number: 4, role: 'root', state: 'listening' }),
        port('FastEthernet0/2', { state: 'broken', inconsistent: 'root' }),
      ],
    });
    expect(stpShow([i]).slice(-5, -2)).toEqual([
      'Gi0/2               Desg BKN*4         128.3    P2p *LOOP_Inc ',
      'Gi0/3               Root LIS 4         128.4    P2p ',
      'Fa0/2               Desg BKN*19        128.2    P2p *ROOT_Inc ',
    ]);
  });

  it('lists every inconsistent port by instance (a 3750, IOSv-L2), and none', () => {
    const held = (name: string, inconsistent: StpPortStatus['inconsistent']) =>
      port(name, { state: 'broken', inconsistent });
    const one = instance({
      rootMac: mac(1),
      bridgeMac: mac(1),
      ports: [held('FastEthernet1/0/23', 'root'), port('FastEthernet1/0/24')],
    });
    const ten = instance({
      vlan: 10,
      rootMac: mac(1),
      bridgeMac: mac(1),
      ports: [
        held('GigabitEthernet0/2', 'loop'),
        held('FastEthernet0/3', 'pvid'),
        held('FastEthernet0/4', 'type'),
      ],
    });
    expect(stpInconsistentPorts([one, ten])).toEqual([
      '',
      'Name                 Interface                Inconsistency',
      '-------------------- ------------------------ ------------------',
      'VLAN0001             FastEthernet1/0/23       Root Inconsistent',
      'VLAN0010             GigabitEthernet0/2       Loop Inconsistent',
      'VLAN0010             FastEthernet0/3          Port VLAN ID Mismatch',
      'VLAN0010             FastEthernet0/4          Port Type Inconsistent',
      '',
      'Number of inconsistent ports (segments) in the system : 4',
    ]);
    expect(stpInconsistentPorts([netacadS1]).slice(-3)).toEqual([
      '-------------------- ------------------------ ------------------',
      '',
      'Number of inconsistent ports (segments) in the system : 0',
    ]);
  });

  it('names the guards in their messages (3750, IOL and IOSv-L2 captures)', () => {
    const texts = (kind: Parameters<typeof spanningTreeTexts>[0]['kind'], port: string, vlan = 1) =>
      spanningTreeTexts({ at: 0 as Micros, port, kind, vlan });
    expect(texts('rootguard-on', 'FastEthernet1/0/23', 0)).toEqual([
      '%SPANTREE-2-ROOTGUARD_CONFIG_CHANGE: Root guard enabled on port FastEthernet1/0/23.',
    ]);
    expect(texts('rootguard-off', 'Ethernet0/2', 0)).toEqual([
      '%SPANTREE-2-ROOTGUARD_CONFIG_CHANGE: Root guard disabled on port Ethernet0/2.',
    ]);
    expect(texts('rootguard-block', 'Ethernet0/2')).toEqual([
      '%SPANTREE-2-ROOTGUARD_BLOCK: Root guard blocking port Ethernet0/2 on VLAN0001.',
    ]);
    expect(texts('rootguard-unblock', 'FastEthernet1/0/23')).toEqual([
      '%SPANTREE-2-ROOTGUARD_UNBLOCK: Root guard unblocking port FastEthernet1/0/23 on VLAN0001.',
    ]);
    expect(texts('loopguard-block', 'GigabitEthernet0/2')).toEqual([
      '%SPANTREE-2-LOOPGUARD_BLOCK: Loop guard blocking port GigabitEthernet0/2 on VLAN0001.',
    ]);
    expect(texts('loopguard-unblock', 'Port-channel2', 951)).toEqual([
      '%SPANTREE-2-LOOPGUARD_UNBLOCK: Loop guard unblocking port Port-channel2 on VLAN0951.',
    ]);
  });

  it('reports the defaults in the summary (NetAcad 2960 layout)', () => {
    const lines = stpSummary([netacadS1], {
      ...DEFAULTS,
      bpdufilterDefault: true,
      loopguardDefault: true,
      etherchannelGuard: false,
    });
    expect(lines.slice(5, 8)).toEqual([
      'Portfast BPDU Filter Default is enabled',
      'Loopguard Default            is enabled',
      'EtherChannel misconfig guard is disabled',
    ]);
  });
});

describe('show spanning-tree root and blockedports (vIOS-L2)', () => {
  it('lists each root, with no root port on the root', () => {
    const away = instance({
      rootMac: mac(0x5000_0003_0000),
      rootCost: 4,
      rootPort: 'GigabitEthernet0/0',
      rootPortNumber: 1,
      bridgeMac: mac(0x5000_0004_0000),
    });
    const own = instance({
      vlan: 10,
      rootPriority: 4106,
      bridgePriority: 4096,
      bridgeId: 4106,
      rootMac: mac(0x5254_0011_0661),
      bridgeMac: mac(0x5254_0011_0661),
    });
    expect(stpRoot([away, own])).toEqual([
      '',
      '                                        Root    Hello Max Fwd',
      'Vlan                   Root ID          Cost    Time  Age Dly  Root Port',
      '---------------- -------------------- --------- ----- --- ---  ------------',
      'VLAN0001         32769 5000.0003.0000         4    2   20  15  Gi0/0',
      'VLAN0010          4106 5254.0011.0661         0    2   20  15',
    ]);
  });

  it('lists the blocked ports', () => {
    const i = instance({
      rootMac: mac(1),
      bridgeMac: mac(2),
      ports: [
        port('GigabitEthernet0/0', { role: 'alternate', state: 'blocking' }),
        port('GigabitEthernet0/1', { role: 'root' }),
        port('GigabitEthernet0/2', { role: 'alternate', state: 'blocking' }),
      ],
    });
    expect(stpBlockedPorts([i])).toEqual([
      '',
      'Name                 Blocked Interfaces List',
      '-------------------- ------------------------------------',
      'VLAN0001             Gi0/0, Gi0/2',
      '',
      'Number of blocked ports (segments) in the system : 2',
    ]);
  });
});

describe('show spanning-tree bridge (IOL 15 and a Catalyst under rapid PVST+)', () => {
  it('lists each instance’s bridge ID, priority and VLAN apart, timers and protocol', () => {
    const one = instance({
      protocol: 'rstp',
      rootMac: mac(0xaabb_cc00_0100),
      bridgeMac: mac(0xaabb_cc00_0100),
    });
    const hundred = { ...one, vlan: 100, bridgeId: 32868 };
    expect(stpBridge([one, hundred])).toEqual([
      '',
      '                                                   Hello  Max  Fwd',
      'Vlan                         Bridge ID              Time  Age  Dly  Protocol',
      '---------------- --------------------------------- -----  ---  ---  --------',
      'VLAN0001         32769 (32768,   1) aabb.cc00.0100    2    20   15  rstp',
      'VLAN0100         32868 (32768, 100) aabb.cc00.0100    2    20   15  rstp',
    ]);
    expect(stpBridge([one], [[5, 5]])).toEqual([
      '',
      'Spanning tree instance(s) for vlan 5 does not exist.',
      '',
    ]);
  });
});

describe('spanning tree in the running-config', () => {
  it('keeps the two default lines alone at the defaults', () => {
    expect(stpConfigLines(defaultDeviceConfig('switch', 'S1'))).toEqual([
      'spanning-tree mode pvst',
      'spanning-tree extend system-id',
    ]);
  });

  it('puts the PortFast defaults before the system id (NetAcad) and joins VLANs that share a value (a 3750)', () => {
    const c = {
      ...defaultDeviceConfig('switch', 'S1'),
      spanningTree: {
        portfastDefault: true as const,
        bpduguardDefault: true as const,
        vlans: [
          { vlan: 1, priority: 0 },
          { vlan: 10, priority: 0 },
          ...[20, 21, 22, 23, 24, 25, 26, 27].map((vlan) => ({ vlan, priority: 0 })),
          { vlan: 999, disabled: true as const },
        ],
      },
    };
    expect(stpConfigLines(c)).toEqual([
      'spanning-tree mode pvst',
      'spanning-tree portfast default',
      'spanning-tree portfast bpduguard default',
      'spanning-tree extend system-id',
      'no spanning-tree vlan 999',
      'spanning-tree vlan 1,10,20-27 priority 0',
    ]);
  });

  it('puts loop guard’s default before PortFast and the BPDU filter’s after BPDU guard’s (IOS 15.2)', () => {
    const c = {
      ...defaultDeviceConfig('switch', 'S1'),
      spanningTree: {
        loopguardDefault: true as const,
        portfastDefault: true as const,
        bpduguardDefault: true as const,
        bpdufilterDefault: true as const,
        etherchannelGuard: false as const,
      },
    };
    expect(stpConfigLines(c)).toEqual([
      'spanning-tree mode pvst',
      'spanning-tree loopguard default',
      'spanning-tree portfast default',
      'spanning-tree portfast bpduguard default',
      'spanning-tree portfast bpdufilter default',
      'no spanning-tree etherchannel guard misconfig',
      'spanning-tree extend system-id',
    ]);
  });

  it('writes a port PortFast, BPDU filter, BPDU guard, then its guard (saved Catalyst configurations)', () => {
    expect(
      stpInterfaceLines({ portfast: 'on', bpduguard: 'enable', bpdufilter: 'enable', guard: 'root' }),
    ).toEqual([
      ' spanning-tree portfast',
      ' spanning-tree bpdufilter enable',
      ' spanning-tree bpduguard enable',
      ' spanning-tree guard root',
    ]);
  });

  it('writes a port’s link type after PortFast (a saved Catalyst configuration)', () => {
    expect(stpInterfaceLines({ portfast: 'on', linkType: 'point-to-point' })).toEqual([
      ' spanning-tree portfast',
      ' spanning-tree link-type point-to-point',
    ]);
  });

  it('writes a port PortFast then BPDU guard (2960 configurations)', () => {
    expect(stpInterfaceLines({ portfast: 'on', bpduguard: 'enable' })).toEqual([
      ' spanning-tree portfast',
      ' spanning-tree bpduguard enable',
    ]);
    expect(
      stpInterfaceLines({
        portfast: 'trunk',
        vlanCost: [
          { vlan: 30, cost: 100 },
          { vlan: 40, cost: 100 },
        ],
      }),
    ).toEqual([' spanning-tree portfast trunk', ' spanning-tree vlan 30,40 cost 100']);
  });
});

describe('spanning tree settings read back from their running-config', () => {
  it('round-trips the global and port settings', () => {
    const base = defaultDeviceConfig('switch', 'S1');
    const fa1 = base.interfaces['FastEthernet0/1']!;
    const c: DeviceConfig = {
      ...base,
      spanningTree: {
        portfastDefault: true,
        bpdufilterDefault: true,
        loopguardDefault: true,
        vlans: [
          { vlan: 1, priority: 4096, helloTime: 1 },
          { vlan: 30, disabled: true },
          { vlan: 40, forwardTime: 10, maxAge: 12 },
        ],
      },
      interfaces: {
        ...base.interfaces,
        'FastEthernet0/1': {
          ...fa1,
          switchport: {
            ...fa1.switchport!,
            stp: {
              portfast: 'disable',
              bpduguard: 'enable',
              bpdufilter: 'disable',
              guard: 'none',
              linkType: 'shared',
              cost: 100,
              portPriority: 64,
              vlanCost: [{ vlan: 10, cost: 5 }],
              vlanPortPriority: [{ vlan: 10, priority: 32 }],
            },
          },
        },
      },
    };
    const parsed = parseConfigText('switch', renderRunningConfig('switch', c));
    expect(parsed.problems).toEqual([]);
    expect(parsed.config.spanningTree).toEqual(c.spanningTree);
    expect(parsed.config.interfaces['FastEthernet0/1']!.switchport!.stp).toEqual(
      c.interfaces['FastEthernet0/1']!.switchport!.stp,
    );
  });
});

describe('spanning-tree vlan X root primary', () => {
  const own = { priority: 32768, mac: 0x0000_0c00_0002 };
  it('sets 24576 when that makes the switch root', () => {
    expect(rootPrimaryPriority(own, undefined)).toBe(24576);
    expect(rootPrimaryPriority(own, { priority: 32768, mac: 0x0000_0c00_0001 })).toBe(24576);
    expect(rootPrimaryPriority(own, { priority: 24576, mac: 0x0000_0c00_0003 })).toBe(24576);
  });

  it('goes 4096 below a root that 24576 would not beat, and gives up below 4096', () => {
    expect(rootPrimaryPriority(own, { priority: 24576, mac: 0x0000_0c00_0001 })).toBe(20480);
    expect(rootPrimaryPriority(own, { priority: 8192, mac: 0x0000_0c00_0003 })).toBe(4096);
    expect(rootPrimaryPriority(own, { priority: 4096, mac: 0x0000_0c00_0003 })).toBeUndefined();
  });

  it('keeps a lower priority on a switch that is root already', () => {
    expect(rootPrimaryPriority({ priority: 4096, mac: 1 }, { priority: 4096, mac: 1 })).toBe(4096);
    expect(rootPrimaryPriority({ priority: 32768, mac: 1 }, { priority: 32768, mac: 1 })).toBe(24576);
  });
});

describe('BPDU guard', () => {
  it('prints the switch’s message then the port manager’s, with short names (IOU)', () => {
    expect(
      spanningTreeTexts({ at: 0 as Micros, port: 'GigabitEthernet1/3', kind: 'bpduguard', vlan: 1 }),
    ).toEqual([
      '%SPANTREE-2-BLOCK_BPDUGUARD: Received BPDU on port Gi1/3 with BPDU Guard enabled. Disabling port.',
      '%PM-4-ERR_DISABLE: bpduguard error detected on Gi1/3, putting Gi1/3 in err-disable state',
    ]);
  });
});
