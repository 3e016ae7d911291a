/**
 * `show spanning-tree detail` checked against what real switches printed: the formatters fed
 * hand-built instances. Sources are named at each case; a port's first line keeps the blank IOS
 * prints after the state (raw captures have it).
 */
import { describe, expect, it } from 'vitest';
import {
  stpDetail,
  stpDetailHeader,
  stpDetailPort,
  stpInterfaceDetail,
} from '../../src/cli/ios/show/spanning-tree-detail.ts';
import type { StpInstanceStatus, StpPortStatus } from '../../src/engine/api.ts';
import type { PortStpConfig } from '../../src/shared/spanning-tree.ts';
import { type Micros, seconds } from '../../src/shared/time.ts';
import { mac, stpInstance, stpPort } from './stp-fixtures.ts';

const hms = (h: number, m: number, s: number) => seconds(h * 3600 + m * 60 + s) as Micros;
const NOW = hms(100, 0, 0);
const none = () => undefined;

/** A port of networklessons' IOSvL2 sw1, numbered one past its last digit, below root 0011.bbda.ea00. */
function port(name: string, over: Partial<StpPortStatus> = {}): StpPortStatus {
  const number = over.number ?? Number(name.split('/').pop()) + 1;
  return stpPort(name, {
    number,
    cost: 4,
    designatedRootPriority: 32868,
    designatedRootMac: mac(0x0011_bbda_ea00),
    designatedBridgePriority: 32868,
    designatedBridgeMac: mac(0x0011_bbda_ea00),
    designatedPort: (128 << 8) | number,
    ...over,
  });
}

/** networklessons' IOSvL2 sw1, VLAN 100, below the root 0011.bbda.ea00. */
const ivl2: StpInstanceStatus = stpInstance({
  vlan: 100,
  rootPriority: 32868,
  rootMac: mac(0x0011_bbda_ea00),
  rootCost: 4,
  rootPort: 'GigabitEthernet0/0',
  rootPortPriority: 128,
  rootPortNumber: 1,
  bridgeId: 32868,
  bridgeMac: mac(0xfcfb_fb97_a980),
  startedAt: (NOW - hms(1, 18, 42)) as Micros,
  ports: [
    port('GigabitEthernet0/0', {
      role: 'root',
      messageAgeTimer: 1,
      bpdusSent: 5,
      bpdusReceived: 1234,
    }),
  ],
});

describe('show spanning-tree detail', () => {
  it('prints an 802.1D instance below the root and its root port (IOSvL2)', () => {
    expect(stpDetail([ivl2], NOW, none)).toEqual([
      '',
      ' VLAN0100 is executing the ieee compatible Spanning Tree protocol',
      '  Bridge Identifier has priority 32768, sysid 100, address fcfb.fb97.a980',
      '  Configured hello time 2, max age 20, forward delay 15',
      '  Current root has priority 32868, address 0011.bbda.ea00',
      '  Root port is 1 (GigabitEthernet0/0), cost of root path is 4',
      '  Topology change flag not set, detected flag not set',
      '  Number of topology changes 0 last change occurred 01:18:42 ago',
      '  Times:  hold 1, topology change 35, notification 2',
      '          hello 2, max age 20, forward delay 15',
      '  Timers: hello 0, topology change 0, notification 0, aging 300',
      '',
      ' Port 1 (GigabitEthernet0/0) of VLAN0100 is root forwarding ',
      '   Port path cost 4, Port priority 128, Port Identifier 128.1.',
      '   Designated root has priority 32868, address 0011.bbda.ea00',
      '   Designated bridge has priority 32868, address 0011.bbda.ea00',
      '   Designated port id is 128.1, designated path cost 0',
      '   Timers: message age 1, forward delay 0, hold 0',
      '   Number of transitions to forwarding state: 1',
      '   Link type is point-to-point by default',
      '   BPDU: sent 5, received 1234',
    ]);
  });

  it('names the transmit hold count under RSTP and where the last change came from (IOL 15)', () => {
    const i: StpInstanceStatus = {
      ...ivl2,
      vlan: 20,
      protocol: 'rstp',
      rootPriority: 8212,
      rootMac: mac(0xaabb_cc00_0200),
      rootCost: 200,
      rootPort: 'Ethernet1/2',
      rootPortNumber: 7,
      bridgeId: 32788,
      bridgeMac: mac(0xaabb_cc00_0100),
      topologyChanges: 8,
      lastTopologyChange: (NOW - hms(1, 7, 20)) as Micros,
      lastTopologyChangePort: 'Ethernet1/2',
      transmitHoldCount: 6,
    };
    expect(stpDetailHeader(i, NOW)).toEqual([
      ' VLAN0020 is executing the rstp compatible Spanning Tree protocol',
      '  Bridge Identifier has priority 32768, sysid 20, address aabb.cc00.0100',
      '  Configured hello time 2, max age 20, forward delay 15, transmit hold-count 6',
      '  Current root has priority 8212, address aabb.cc00.0200',
      '  Root port is 7 (Ethernet1/2), cost of root path is 200',
      '  Topology change flag not set, detected flag not set',
      '  Number of topology changes 8 last change occurred 01:07:20 ago',
      '          from Ethernet1/2',
      '  Times:  hold 1, topology change 35, notification 2',
      '          hello 2, max age 20, forward delay 15',
      '  Timers: hello 0, topology change 0, notification 0, aging 300',
    ]);
  });

  it('says so on the root, with the flag set and the timer running (a 3750, a 3850)', () => {
    const root: StpInstanceStatus = {
      ...ivl2,
      vlan: 1,
      rootPriority: 32769,
      rootMac: mac(0x0022_be5a_0680),
      bridgeId: 32769,
      bridgeMac: mac(0x0022_be5a_0680),
      topologyChange: true,
      topologyChanges: 1,
      lastTopologyChange: (NOW - seconds(14)) as Micros,
      lastTopologyChangePort: 'Port-channel12',
      topologyChangeTimer: 21,
    };
    expect(stpDetailHeader(root, NOW).slice(3, 10)).toEqual([
      '  We are the root of the spanning tree',
      '  Topology change flag set, detected flag not set',
      '  Number of topology changes 1 last change occurred 00:00:14 ago',
      '          from Port-channel12',
      '  Times:  hold 1, topology change 35, notification 2',
      '          hello 2, max age 20, forward delay 15',
      '  Timers: hello 0, topology change 21, notification 0, aging 300',
    ]);
  });

  it('prints two blank lines between instances, and one before each port', () => {
    const lines = stpDetail([ivl2, { ...ivl2, vlan: 200, ports: [] }], NOW, none);
    const second = lines.indexOf(' VLAN0200 is executing the ieee compatible Spanning Tree protocol');
    expect(lines.slice(second - 3, second)).toEqual(['   BPDU: sent 5, received 1234', '', '']);
  });

  it('has nothing for a VLAN without an instance', () => {
    expect(stpDetail([ivl2], NOW, none, [[5, 5]])).toEqual([
      '',
      'Spanning tree instance(s) for vlan 5 does not exist.',
      '',
    ]);
  });
});

describe('a port in show spanning-tree detail', () => {
  it('with PortFast and BPDU guard its own, learning on its way under RSTP (IOL "Lab 035")', () => {
    const p = port('Ethernet0/3', {
      number: 4,
      state: 'learning',
      forwardDelayTimer: 12,
      forwardTransitions: 0,
      edge: true,
      bpduguard: true,
      bpdusSent: 5,
    });
    const own: PortStpConfig = { portfast: 'on', bpduguard: 'enable' };
    expect(stpDetailPort(10, p, own).slice(0, 1)).toEqual([
      ' Port 4 (Ethernet0/3) of VLAN0010 is designated learning ',
    ]);
    expect(stpDetailPort(10, p, own).slice(5)).toEqual([
      '   Timers: message age 0, forward delay 12, hold 0',
      '   Number of transitions to forwarding state: 0',
      '   The port is in the portfast mode',
      '   Link type is point-to-point by default',
      '   Bpdu guard is enabled',
      '   BPDU: sent 5, received 0',
    ]);
  });

  it('says "by default" for what global defaults put on it (a 9200 in Odom’s CCNA guide)', () => {
    const p = port('GigabitEthernet1/0/1', { edge: true, bpduguard: true, bpdufilter: true });
    expect(stpDetailPort(1, p, undefined).slice(7, 11)).toEqual([
      '   The port is in the portfast mode by default',
      '   Link type is point-to-point by default',
      '   Bpdu guard is enabled by default',
      '   Bpdu filter is enabled by default',
    ]);
  });

  it('names guards, a shared segment and an 802.1D neighbour', () => {
    const p = port('FastEthernet0/5', { rootGuard: true, shared: true, peerStp: true });
    expect(stpDetailPort(1, p, { guard: 'root' }).slice(7, 9)).toEqual([
      '   Link type is shared by default, Peer is STP',
      '   Root guard is enabled on the port',
    ]);
    const q = port('FastEthernet0/5', { loopGuard: true });
    expect(stpDetailPort(1, q, { linkType: 'point-to-point' }).slice(7, 9)).toEqual([
      '   Link type is point-to-point',
      '   Loop guard is enabled by default on the port',
    ]);
    expect(stpDetailPort(1, q, { guard: 'loop' })[8]).toBe('   Loop guard is enabled on the port');
  });

  it('is broken while a guard holds it (IOSvL2: lostintransit)', () => {
    const p = port('GigabitEthernet0/0', { state: 'broken', inconsistent: 'pvid' });
    expect(stpDetailPort(10, p, undefined)[0]).toBe(
      ' Port 1 (GigabitEthernet0/0) of VLAN0010 is broken  (Port VLAN ID Mismatch)',
    );
  });
});

describe('show spanning-tree interface X detail', () => {
  it('prints the port’s block in each instance, one after the other (IOSvL2)', () => {
    const ten = { ...ivl2, vlan: 10 };
    const lines = stpInterfaceDetail([ten, ivl2], 'GigabitEthernet0/0', none);
    expect(lines[0]).toBe(' Port 1 (GigabitEthernet0/0) of VLAN0010 is root forwarding ');
    expect(lines.slice(8, 10)).toEqual([
      '   BPDU: sent 5, received 1234',
      ' Port 1 (GigabitEthernet0/0) of VLAN0100 is root forwarding ',
    ]);
    expect(stpInterfaceDetail([ivl2], 'GigabitEthernet0/9', none)).toEqual([
      'no spanning tree info available for GigabitEthernet0/9',
      '',
    ]);
  });
});
