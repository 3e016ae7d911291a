/**
 * Layer 2 scenarios on Catalyst-like switches: VLANs, trunks, DTP, the VLAN database, native
 * VLAN mismatch, MAC learning and aging. Expected outcomes are what real 2960s and Windows PCs do.
 */
import { describe, expect, it } from 'vitest';
import { deviceId, linkId } from '../../src/shared/ids.ts';
import { formatMacDotted } from '../../src/shared/mac.ts';
import type { Micros } from '../../src/shared/time.ts';
import { seconds } from '../../src/shared/time.ts';
import { ip, marks, TestNet } from './net.ts';

const d = deviceId;

/** PC1 (VLAN 10) and PC3 (VLAN 20) on S1, PC2 (VLAN 10) and PC4 (VLAN 20) on S2, trunk S1-S2. */
function twoSwitches(opts: { s2Vlans?: number[]; allowed?: string } = {}): TestNet {
  const n = new TestNet();
  n.switch('S1', {
    vlans: [10, 20],
    ports: {
      'fa0/1': { mode: 'access', access: 10 },
      'fa0/2': { mode: 'access', access: 20 },
      'g0/1': { mode: 'trunk', ...(opts.allowed !== undefined ? { allowed: opts.allowed } : {}) },
    },
  });
  n.switch('S2', {
    vlans: opts.s2Vlans ?? [10, 20],
    ports: {
      'fa0/1': { mode: 'access', access: 10 },
      'fa0/2': { mode: 'access', access: 20 },
      'g0/1': { mode: 'trunk' },
    },
  });
  n.pc('PC1', '10.0.0.1/24').pc('PC2', '10.0.0.2/24').pc('PC3', '10.0.0.3/24').pc('PC4', '10.0.0.4/24');
  n.link('S1:g0/1', 'S2:g0/1');
  n.link('PC1:fa0', 'S1:fa0/1');
  n.link('PC3:fa0', 'S1:fa0/2');
  n.link('PC2:fa0', 'S2:fa0/1');
  n.link('PC4:fa0', 'S2:fa0/2');
  return n.settle();
}

describe('VLANs across a trunk', () => {
  it('PCs in the same VLAN on two switches reach each other; the first echo waits for ARP', () => {
    const n = twoSwitches();
    const job = n.ping('PC1', '10.0.0.2');
    expect(marks(job)).toBe('!!!!');
    const first = job.results[0]!.outcome;
    expect(first.kind === 'reply' && first.ttl).toBe(128);
    expect(first.kind === 'reply' && first.bytes).toBe(32);
    expect(marks(n.ping('PC3', '10.0.0.4'))).toBe('!!!!');
  });

  it('frames cross the trunk tagged with their VLAN', () => {
    const n = twoSwitches();
    const tags: (number | undefined)[] = [];
    n.sim.onWire((_t, link, frame) => {
      if (link === 'L1') tags.push(frame.tag?.vid);
    });
    n.ping('PC3', '10.0.0.4', { count: 1 });
    expect(tags.length).toBeGreaterThan(0);
    expect(new Set(tags)).toEqual(new Set([20]));
  });

  it('PCs in different VLANs do not reach each other without a router, even in one subnet', () => {
    const n = twoSwitches();
    // Windows reports the ARP failure as "Destination host unreachable" from its own address.
    const start = n.sim.now();
    const job = n.ping('PC1', '10.0.0.4');
    expect(marks(job)).toBe('HHHH');
    for (const r of job.results)
      expect(r.outcome).toEqual({ kind: 'unreachable', from: ip('10.0.0.1'), code: 1 });
    // Three ARP requests one second apart, then the failure.
    expect(job.results[0]!.at - start).toBe(seconds(3));
    expect(marks(n.ping('PC1', '10.0.0.3'))).toBe('HHHH');
  });

  it('a VLAN not allowed on the trunk does not cross it', () => {
    const n = twoSwitches({ allowed: '1,10' });
    expect(marks(n.ping('PC1', '10.0.0.2', { count: 1 }))).toBe('!');
    expect(marks(n.ping('PC3', '10.0.0.4', { count: 1 }))).toBe('H');
    const trunk = n.sim.trunks(d('S1'))[0]!;
    expect(trunk.allowed).toEqual([
      [1, 1],
      [10, 10],
    ]);
    expect(trunk.active).toEqual([
      [1, 1],
      [10, 10],
    ]);
  });

  it('a VLAN missing from the database carries nothing: its access ports are inactive', () => {
    const n = twoSwitches({ s2Vlans: [10] });
    expect(marks(n.ping('PC3', '10.0.0.4', { count: 1 }))).toBe('H');
    const drops = n.sim.trace.events.filter((e) => e.kind === 'drop' && e.device === 'S2');
    expect(drops.some((e) => e.kind === 'drop' && e.reason === 'vlan-inactive')).toBe(true);
    // S2's trunk forwards only the VLANs it knows.
    expect(n.sim.trunks(d('S2'))[0]!.active).toEqual([
      [1, 1],
      [10, 10],
    ]);
    // show vlan brief: Fa0/2 is in no VLAN.
    const ports = n.sim.vlanPorts(d('S2'));
    expect([...ports.keys()]).toEqual([1, 10]);
    expect(ports.get(10)).toEqual(['Fa0/1']);
    expect([...ports.values()].flat()).not.toContain('Fa0/2');
    // Creating the VLAN brings the port back.
    n.reconfigure('S2', {
      vlans: [10, 20],
      ports: {
        'fa0/1': { mode: 'access', access: 10 },
        'fa0/2': { mode: 'access', access: 20 },
        'g0/1': { mode: 'trunk' },
      },
    });
    expect(marks(n.ping('PC3', '10.0.0.4', { count: 1 }))).toBe('!');
  });

  it('lists access ports per VLAN for show vlan brief, trunks excluded', () => {
    const n = twoSwitches();
    const ports = n.sim.vlanPorts(d('S1'));
    expect(ports.get(10)).toEqual(['Fa0/1']);
    expect(ports.get(20)).toEqual(['Fa0/2']);
    expect(ports.get(1)).toHaveLength(22 + 1);
    expect(ports.get(1)).not.toContain('Gi0/1');
    expect(ports.get(1)).toContain('Gi0/2');
  });
});

describe('DTP', () => {
  const cases: [string, string, 'trunk' | 'access'][] = [
    ['trunk', 'trunk', 'trunk'],
    ['trunk', 'dynamic-auto', 'trunk'],
    ['trunk', 'dynamic-desirable', 'trunk'],
    ['dynamic-desirable', 'dynamic-desirable', 'trunk'],
    ['dynamic-desirable', 'dynamic-auto', 'trunk'],
    ['dynamic-auto', 'dynamic-auto', 'access'],
    ['access', 'dynamic-desirable', 'access'],
    ['access', 'trunk', 'access'],
  ];
  for (const [a, b, expected] of cases) {
    it(`${a} facing ${b}: ${a} operates as ${expected}`, () => {
      const n = new TestNet();
      n.switch('S1', { ports: { 'g0/1': { mode: a as never } } });
      n.switch('S2', { ports: { 'g0/1': { mode: b as never } } });
      n.link('S1:g0/1', 'S2:g0/1');
      const port = n.sim.interfaces(d('S1')).find((i) => i.name === 'GigabitEthernet0/1')!;
      expect(port.switchportOperMode).toBe(expected);
      expect(n.sim.trunks(d('S1')).map((t) => t.port)).toEqual(
        expected === 'trunk' ? ['GigabitEthernet0/1'] : [],
      );
    });
  }

  it('nonegotiate: a trunk that sends no DTP leaves a dynamic neighbour as an access port', () => {
    const n = new TestNet();
    n.switch('S1', { ports: { 'g0/1': { mode: 'trunk', nonegotiate: true } } });
    n.switch('S2', { ports: { 'g0/1': { mode: 'dynamic-desirable' } } });
    n.link('S1:g0/1', 'S2:g0/1');
    const mode = (s: string) =>
      n.sim.interfaces(d(s)).find((i) => i.name === 'GigabitEthernet0/1')!.switchportOperMode;
    expect(mode('S1')).toBe('trunk');
    expect(mode('S2')).toBe('access');
  });

  it('a dynamic port facing a router (no DTP) stays an access port; trunk mode shows "on"', () => {
    const n = new TestNet();
    n.router('R1', { interfaces: { 'g0/0': {} } });
    n.switch('S1', { ports: { 'g0/2': { mode: 'trunk' } } });
    n.router('R2', { interfaces: { 'g0/0': {} } });
    n.link('R1:g0/0', 'S1:g0/1');
    n.link('R2:g0/0', 'S1:g0/2');
    const s1 = n.sim.interfaces(d('S1'));
    expect(s1.find((i) => i.name === 'GigabitEthernet0/1')!.switchportOperMode).toBe('access');
    expect(s1.find((i) => i.name === 'GigabitEthernet0/1')!.switchportAdminMode).toBe('dynamic-auto');
    expect(n.sim.trunks(d('S1')).map((t) => [t.port, t.mode, t.status])).toEqual([
      ['GigabitEthernet0/2', 'on', 'trunking'],
    ]);
  });

  it('a trunk that is down does not trunk', () => {
    const n = new TestNet();
    n.switch('S1', { ports: { 'g0/1': { mode: 'trunk' } } });
    const port = n.sim.interfaces(d('S1')).find((i) => i.name === 'GigabitEthernet0/1')!;
    expect(port.switchportOperMode).toBe('down');
    expect(n.sim.trunks(d('S1'))).toEqual([]);
  });
});

/** A switch's spanning tree messages in brief: kind, VLAN and the peer's VLAN. */
const blocks = (n: TestNet, sw: string) =>
  n.sim
    .spanningTreeEvents(d(sw), 0)
    .events.map((e) => `${e.kind} ${e.vlan}${e.peerVlan !== undefined ? `/${e.peerVlan}` : ''}`);

describe('native VLAN mismatch', () => {
  /**
   * S1 trunk native 1, S2 trunk native 99; PC1 in VLAN 1 on S1, PC2 in VLAN 99 on S2; PC3 and
   * PC4 in VLAN 10 on each.
   */
  function mismatch(): TestNet {
    const n = new TestNet();
    n.switch('S1', {
      vlans: [10],
      ports: {
        'g0/1': { mode: 'trunk' },
        'fa0/1': { mode: 'access', access: 1 },
        'fa0/2': { mode: 'access', access: 10 },
      },
    });
    n.switch('S2', {
      vlans: [10, 99],
      ports: {
        'g0/1': { mode: 'trunk', native: 99 },
        'fa0/1': { mode: 'access', access: 99 },
        'fa0/2': { mode: 'access', access: 10 },
      },
    });
    n.pc('PC1', '10.0.0.1/24').pc('PC2', '10.0.0.2/24');
    n.pc('PC3', '10.0.10.3/24').pc('PC4', '10.0.10.4/24');
    n.link('S1:g0/1', 'S2:g0/1');
    n.link('PC1:fa0', 'S1:fa0/1');
    n.link('PC2:fa0', 'S2:fa0/1');
    n.link('PC3:fa0', 'S1:fa0/2');
    n.link('PC4:fa0', 'S2:fa0/2');
    return n;
  }

  it('PVST+ blocks both native VLANs on the trunk, so VLAN 1 and VLAN 99 do not leak; VLAN 10 still crosses', () => {
    const n = mismatch();
    expect(marks(n.ping('PC1', '10.0.0.2'))).not.toContain('!');
    expect(marks(n.ping('PC3', '10.0.10.4'))).toBe('!!!!');
    // S1 has no VLAN 99, so no instance of it to block; S2 blocks S1's VLAN 1, then its own 99.
    expect(blocks(n, 'S1')).toEqual(['pvid-error 1/99', 'block-local 1']);
    expect(blocks(n, 'S2')).toEqual(['pvid-error 99/1', 'block-peer 1', 'block-local 99']);
    expect(n.sim.trunks(d('S2'))[0]!.forwarding).toEqual([[10, 10]]);
    // Nothing of PC2 reached S1, nor of PC1 S2.
    const pc1 = n.sim.interfaces(d('PC1'))[0]!.mac;
    const pc2 = n.sim.interfaces(d('PC2'))[0]!.mac;
    expect(n.sim.macTable(d('S1')).some((e) => e.mac === pc2)).toBe(false);
    expect(n.sim.macTable(d('S2')).some((e) => e.mac === pc1)).toBe(false);
  });

  it('reports a held port as spanning tree sees it: a segment declared shared is shown shared', () => {
    const n = mismatch();
    n.reconfigure('S2', {
      vlans: [10, 99],
      stp: {},
      ports: {
        'g0/1': { mode: 'trunk', native: 99, stp: { linkType: 'shared' } },
        'fa0/1': { mode: 'access', access: 99 },
        'fa0/2': { mode: 'access', access: 10 },
      },
    });
    n.run(seconds(5));
    const held = n.sim
      .spanningTree(d('S2'))
      .find((i) => i.vlan === 99)!
      .ports.find((p) => p.port === 'GigabitEthernet0/1')!;
    expect([held.inconsistent, held.shared]).toEqual(['pvid', true]);
  });

  it("keeps a VLAN's instance whose only port is held, as IOS lists it", () => {
    const n = new TestNet();
    const spec = (native: number) => ({
      vlans: [99],
      stp: {},
      ports: { 'g0/1': { mode: 'trunk' as const, native } },
    });
    n.switch('S1', spec(1)).switch('S2', spec(99));
    n.link('S1:g0/1', 'S2:g0/1');
    n.run(seconds(5));
    // The trunk is the only port in VLANs 1 and 99: held in both, it still stands in them.
    for (const sw of ['S1', 'S2']) {
      const held = n.sim
        .spanningTree(d(sw))
        .filter((i) => i.vlan === 1 || i.vlan === 99)
        .map((i) => i.ports.map((p) => `${i.vlan} ${p.port} ${p.state} ${p.inconsistent}`));
      expect(held).toEqual([['1 GigabitEthernet0/1 broken pvid'], ['99 GigabitEthernet0/1 broken pvid']]);
    }
  });

  it('unblocks once the native VLANs agree', () => {
    const n = mismatch();
    n.reconfigure('S2', {
      vlans: [10, 99],
      ports: {
        'g0/1': { mode: 'trunk', native: 1 },
        'fa0/1': { mode: 'access', access: 1 },
        'fa0/2': { mode: 'access', access: 10 },
      },
    });
    expect(blocks(n, 'S2')).toEqual([
      'pvid-error 99/1',
      'block-peer 1',
      'block-local 99',
      'unblock 1',
      'unblock 99',
    ]);
    expect(blocks(n, 'S1')).toEqual(['pvid-error 1/99', 'block-local 1', 'unblock 1']);
    n.settle();
    expect(marks(n.ping('PC1', '10.0.0.2'))).toBe('!!!!');
  });

  it('is reported like CDP does, and traced once when the block starts', () => {
    const n = mismatch();
    expect(n.sim.nativeVlanMismatches(d('S1'))).toEqual([
      {
        port: 'GigabitEthernet0/1',
        nativeVlan: 1,
        peerDevice: 'S2',
        peerHostname: 'S2',
        peerPort: 'GigabitEthernet0/1',
        peerNativeVlan: 99,
        since: 0,
      },
    ]);
    expect(n.sim.nativeVlanMismatches(d('S2'))[0]!.peerNativeVlan).toBe(1);
    const events = n.sim.trace.events.filter((e) => e.kind === 'native-vlan-mismatch');
    expect(events.map((e) => e.device).sort()).toEqual(['S1', 'S2']);
    n.reconfigure('S2', {
      vlans: [10, 99],
      ports: { 'g0/1': { mode: 'trunk' }, 'fa0/1': { mode: 'access', access: 99 } },
    });
    expect(n.sim.nativeVlanMismatches(d('S1'))).toEqual([]);
  });
});

describe('a trunk facing an access port', () => {
  it("PVST+ blocks the access port's VLAN (port type inconsistency), so the trunk's native VLAN does not leak into it", () => {
    const n = new TestNet();
    n.switch('S1', {
      vlans: [10],
      ports: { 'g0/1': { mode: 'access', access: 10 }, 'fa0/1': { mode: 'access', access: 10 } },
    });
    n.switch('S2', { ports: { 'g0/1': { mode: 'trunk' }, 'fa0/1': { mode: 'access', access: 1 } } });
    n.pc('PC1', '10.0.0.1/24').pc('PC2', '10.0.0.2/24');
    n.link('S1:g0/1', 'S2:g0/1');
    n.link('PC1:fa0', 'S1:fa0/1');
    n.link('PC2:fa0', 'S2:fa0/1');
    expect(marks(n.ping('PC1', '10.0.0.2'))).not.toContain('!');
    expect(blocks(n, 'S1')).toEqual(['non-trunk 10', 'block-type 10']);
    expect(blocks(n, 'S2')).toEqual([]);
    // Made a trunk, the port is consistent again: VLAN 1 crosses (PC1 moved into it).
    n.reconfigure('S1', {
      vlans: [10],
      ports: { 'g0/1': { mode: 'trunk' }, 'fa0/1': { mode: 'access', access: 1 } },
    });
    expect(blocks(n, 'S1')).toEqual(['non-trunk 10', 'block-type 10', 'unblock 10']);
    n.settle();
    expect(marks(n.ping('PC1', '10.0.0.2'))).toBe('!!!!');
  });
});

describe('a port that is down', () => {
  it('shows the bandwidth it last ran at, or 10 Mb/s if it never came up, as a Catalyst does', () => {
    const n = new TestNet();
    n.switch('S1');
    n.pc('PC1', '10.0.0.1/24');
    const bw = (port: string) => n.sim.interfaces(d('S1')).find((i) => i.name === port)!.bandwidth;
    expect([bw('FastEthernet0/1'), bw('GigabitEthernet0/2')]).toEqual([10e6, 10e6]);
    const cable = n.link('PC1:fa0', 'S1:fa0/1');
    expect(bw('FastEthernet0/1')).toBe(100e6);
    n.sim.disconnect(linkId(cable));
    expect(bw('FastEthernet0/1')).toBe(100e6);
  });
});

describe('MAC address table', () => {
  it('learns each PC on its port, per VLAN, and the far PCs on the trunk', () => {
    const n = twoSwitches();
    n.ping('PC1', '10.0.0.2', { count: 1 });
    const mac = (pc: string) => n.sim.interfaces(d(pc))[0]!.mac;
    const table = n.sim.macTable(d('S1')).map((e) => [e.vlan, formatMacDotted(e.mac), e.port, e.type]);
    // Every PC announced its address as it came up (RFC 5227), so each is known already.
    expect(table).toEqual(
      [
        [10, formatMacDotted(mac('PC1')), 'FastEthernet0/1', 'DYNAMIC'],
        [10, formatMacDotted(mac('PC2')), 'GigabitEthernet0/1', 'DYNAMIC'],
        [20, formatMacDotted(mac('PC3')), 'FastEthernet0/2', 'DYNAMIC'],
        [20, formatMacDotted(mac('PC4')), 'GigabitEthernet0/1', 'DYNAMIC'],
      ].sort((a, b) => Number(a[0]) - Number(b[0]) || String(a[1]).localeCompare(String(b[1]))),
    );
  });

  it('ages entries out exactly 300 s after the last frame from each address', () => {
    const n = twoSwitches();
    n.ping('PC1', '10.0.0.2', { count: 1 });
    const lastFrom = (pc: string) => {
      const mac = n.sim.interfaces(d(pc))[0]!.mac;
      return Math.max(
        ...n.sim.trace.events
          .filter((e) => e.kind === 'rx' && e.device === 'S1' && e.frame.src === mac)
          .map((e) => e.t),
      );
    };
    const [first, second] = [lastFrom('PC1'), lastFrom('PC2')].sort((a, b) => a - b) as [number, number];
    expect(first).toBeLessThan(second);
    n.sim.runUntil((first + seconds(300) - 1) as Micros);
    expect(n.sim.macTable(d('S1'))).toHaveLength(2);
    n.sim.runUntil((first + seconds(300)) as Micros);
    expect(n.sim.macTable(d('S1'))).toHaveLength(1);
    n.sim.runUntil((second + seconds(300)) as Micros);
    expect(n.sim.macTable(d('S1'))).toHaveLength(0);
  });

  it('moves an address that appears on another port; flushes a port whose VLAN changes', () => {
    const n = twoSwitches();
    n.ping('PC1', '10.0.0.2', { count: 1 });
    const pc1 = n.sim.interfaces(d('PC1'))[0]!.mac;
    // Move PC1's cable to Fa0/3 (VLAN 1 by default) -> relearned there.
    n.sim.disconnect('L2' as never);
    expect(n.sim.macTable(d('S1')).some((e) => e.mac === pc1)).toBe(false);
    n.sim.connect(
      'L9' as never,
      { device: d('PC1'), port: 'FastEthernet0' },
      { device: d('S1'), port: 'FastEthernet0/3' },
    );
    n.host('PC1', '10.0.0.1/24');
    n.ping('PC1', '10.0.0.3', { count: 1 });
    expect(n.sim.macTable(d('S1')).find((e) => e.mac === pc1)).toMatchObject({
      vlan: 1,
      port: 'FastEthernet0/3',
    });
    // Changing Fa0/3's access VLAN flushes what it learned.
    n.reconfigure('S1', {
      vlans: [10, 20],
      ports: {
        'fa0/1': { mode: 'access', access: 10 },
        'fa0/3': { mode: 'access', access: 20 },
        'g0/1': { mode: 'trunk' },
      },
    });
    expect(n.sim.macTable(d('S1')).some((e) => e.mac === pc1)).toBe(false);
  });

  it('floods an unknown unicast frame; the hosts and routers it is not for drop it', () => {
    const n = new TestNet();
    n.switch('S1').pc('PC1', '10.0.0.1/24').pc('PC2', '10.0.0.2/24').pc('PC3', '10.0.0.3/24');
    n.router('R1', { interfaces: { 'g0/0': { ip: '10.0.0.254/24' } } });
    n.link('PC1:fa0', 'S1:fa0/1');
    n.link('PC2:fa0', 'S1:fa0/2');
    n.link('PC3:fa0', 'S1:fa0/3');
    n.link('R1:g0/0', 'S1:g0/1');
    n.ping('PC1', '10.0.0.2', { count: 1 });
    // PC1 still knows PC2's address; the switch no longer knows where it is.
    n.sim.clearMacTable(d('S1'));
    n.sim.trace.clear();
    expect(marks(n.ping('PC1', '10.0.0.2', { count: 1 }))).toBe('!');
    const events = n.sim.trace.events;
    const echo = events.find((e) => e.kind === 'tx' && e.device === 'PC1')!;
    const id = echo.kind === 'tx' ? echo.frameId : -1;
    const flood = events.find((e) => e.kind === 'forward' && e.device === 'S1' && e.frameId === id);
    expect(flood).toMatchObject({ to: ['FastEthernet0/2', 'FastEthernet0/3', 'GigabitEthernet0/1'] });
    const drops = events
      .filter((e) => e.kind === 'drop' && e.frameId === id)
      .map((e) => (e.kind === 'drop' ? `${e.device} ${e.port} ${e.reason}` : ''))
      .sort();
    expect(drops).toEqual(['PC3 FastEthernet0 not-for-us', 'R1 GigabitEthernet0/0 not-for-us']);
    // The router did not route it back: the only forward of that frame is the switch's flood.
    expect(events.filter((e) => e.kind === 'forward' && e.frameId === id)).toHaveLength(1);
  });

  it('clear mac address-table empties it', () => {
    const n = twoSwitches();
    n.ping('PC1', '10.0.0.2', { count: 1 });
    n.sim.clearMacTable(d('S1'));
    expect(n.sim.macTable(d('S1'))).toEqual([]);
    expect(n.sim.macTable(d('S2'))).not.toEqual([]);
  });
});
