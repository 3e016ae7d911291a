/**
 * Spanning tree (PVST+, IEEE 802.1D per VLAN): root election, port roles, the 30 s of listening
 * and learning after a direct failure and the 50 s after an indirect one, topology changes,
 * PortFast, BPDU guard, and a network that starts converged.
 */
import { describe, expect, it } from 'vitest';
import type { StpInstanceStatus } from '../../src/engine/api.ts';
import { deviceId } from '../../src/shared/ids.ts';
import type { Micros } from '../../src/shared/time.ts';
import { seconds } from '../../src/shared/time.ts';
import { marks, type SwitchSpec, switchTriangle, TestNet } from './net.ts';

const d = deviceId;

/** The VLAN's instance on `sw`, and each port's role and state, as `show spanning-tree` has them. */
function tree(n: TestNet, sw: string, vlan = 1): { inst: StpInstanceStatus; ports: Record<string, string> } {
  const inst = n.sim.spanningTree(d(sw)).find((i) => i.vlan === vlan);
  if (inst === undefined) throw new Error(`no instance for VLAN ${vlan} on ${sw}`);
  const ports = Object.fromEntries(inst.ports.map((p) => [p.port, `${p.role} ${p.state}`]));
  return { inst, ports };
}

/**
 * S1, S2, S3 in a triangle on their gigabit ports, a PC on S2 and one on S3. S1 has the lowest
 * priority: it is the root. S3's port to S2 is the alternate (S2's bridge id is lower).
 */
function triangle(s1: SwitchSpec = { stp: { vlans: [{ vlan: 1, priority: 4096 }] } }): TestNet {
  return switchTriangle(5, s1, { stp: { vlans: [{ vlan: 1, priority: 28672 }] } }, { stp: {} });
}

/** Whether one echo gets its reply (after a first for ARP). */
const pingOk = (n: TestNet, from: string, to: string): boolean =>
  marks(n.ping(from, to, { count: 2 })).endsWith('!');

describe('spanning tree', () => {
  it('elects the root and blocks one port of a triangle from the start', () => {
    const n = triangle();
    const s1 = tree(n, 'S1');
    expect(s1.inst.rootMac).toBe(s1.inst.bridgeMac);
    expect(s1.inst.rootPriority).toBe(4097);
    expect(s1.ports).toEqual({
      'GigabitEthernet0/1': 'designated forwarding',
      'GigabitEthernet0/2': 'designated forwarding',
    });
    const s2 = tree(n, 'S2');
    expect(s2.inst.rootPort).toBe('GigabitEthernet0/1');
    expect(s2.inst.rootCost).toBe(4);
    expect(s2.ports['GigabitEthernet0/2']).toBe('designated forwarding');
    expect(s2.ports['FastEthernet0/1']).toBe('designated forwarding');
    const s3 = tree(n, 'S3');
    expect(s3.inst.rootPort).toBe('GigabitEthernet0/1');
    expect(s3.ports['GigabitEthernet0/2']).toBe('alternate blocking');
    // Its LED is amber: up, but forwarding in none of its VLANs.
    const ifs = n.sim.interfaces(d('S3'));
    expect(ifs.find((i) => i.name === 'GigabitEthernet0/2')!.stpBlocked).toBe(true);
    expect(ifs.find((i) => i.name === 'GigabitEthernet0/1')!.stpBlocked).toBeUndefined();
    // No storm: the PCs reach each other over the tree.
    expect(pingOk(n, 'PC2', '10.0.0.3')).toBe(true);
    expect(n.sim.spanningTree(d('S3'))[0]!.topologyChanges).toBe(0);
  });

  it('keeps sending BPDUs from the root every hello time, relayed down the tree', () => {
    const n = triangle();
    n.sim.runUntil(seconds(20) as Micros);
    const s3 = tree(n, 'S3').inst.ports;
    const root = s3.find((p) => p.port === 'GigabitEthernet0/1')!;
    const alt = s3.find((p) => p.port === 'GigabitEthernet0/2')!;
    // One every 2 s on each: S1's own hellos on the root port, S2's relays on the alternate.
    expect(root.bpdusReceived).toBeGreaterThanOrEqual(9);
    expect(alt.bpdusReceived).toBeGreaterThanOrEqual(9);
    // The blocked port stays blocked: its information keeps being refreshed.
    expect(tree(n, 'S3').ports['GigabitEthernet0/2']).toBe('alternate blocking');
  });

  it('takes 30 s to use the alternate port after its root port fails (a direct failure)', () => {
    const n = triangle();
    n.sim.runUntil(seconds(10) as Micros);
    n.reconfigure('S3', { stp: {}, ports: { 'g0/1': { shutdown: true } } });
    n.sim.runUntil(seconds(10.1) as Micros);
    expect(tree(n, 'S3').inst.rootPort).toBe('GigabitEthernet0/2');
    expect(tree(n, 'S3').ports['GigabitEthernet0/2']).toBe('root listening');
    // The root port that went was forwarding: a TCN out of the new root port, at once.
    expect(tree(n, 'S1').inst.topologyChange).toBe(true);
    n.sim.runUntil(seconds(25.5) as Micros);
    expect(tree(n, 'S3').ports['GigabitEthernet0/2']).toBe('root learning');
    expect(pingOk(n, 'PC3', '10.0.0.2')).toBe(false);
    n.sim.runUntil(seconds(40.5) as Micros);
    expect(tree(n, 'S3').ports['GigabitEthernet0/2']).toBe('root forwarding');
    expect(pingOk(n, 'PC3', '10.0.0.2')).toBe(true);
  });

  it('waits out the max age before unblocking after a failure elsewhere (an indirect failure)', () => {
    // S2's root port fails: S2 hears the root no more and claims to be the root itself, which S3
    // ignores until what it stored from S2 reaches its max age (20 s), then 30 s more.
    const n = triangle();
    n.sim.runUntil(seconds(10) as Micros);
    n.reconfigure('S1', {
      stp: { vlans: [{ vlan: 1, priority: 4096 }] },
      ports: { 'g0/1': { shutdown: true } },
    });
    n.sim.runUntil(seconds(11) as Micros);
    expect(tree(n, 'S3').ports['GigabitEthernet0/2']).toBe('alternate blocking');
    // S2's last relay left at 8 s with a message age of 1 s: it expires at 27 s.
    n.sim.runUntil(seconds(26.9) as Micros);
    expect(tree(n, 'S3').ports['GigabitEthernet0/2']).toBe('alternate blocking');
    n.sim.runUntil(seconds(27.1) as Micros);
    expect(tree(n, 'S3').ports['GigabitEthernet0/2']).toBe('designated listening');
    // S3 relays the root's next hello (at 28 s) to S2, whose port to S3 becomes its root port.
    n.sim.runUntil(seconds(29) as Micros);
    expect(tree(n, 'S2').inst.rootPort).toBe('GigabitEthernet0/2');
    // It forwarded already, as S2's designated port while S2 took itself for the root.
    expect(tree(n, 'S2').ports['GigabitEthernet0/2']).toBe('root forwarding');
    expect(pingOk(n, 'PC2', '10.0.0.3')).toBe(false);
    n.sim.runUntil(seconds(62) as Micros);
    expect(tree(n, 'S3').ports['GigabitEthernet0/2']).toBe('designated forwarding');
    expect(pingOk(n, 'PC2', '10.0.0.3')).toBe(true);
  });

  it('a topology change reaches the root, which ages addresses out after the forward delay', () => {
    const n = triangle();
    expect(pingOk(n, 'PC2', '10.0.0.3')).toBe(true);
    expect(n.sim.macTable(d('S1')).length).toBe(2);
    n.sim.runUntil(seconds(10) as Micros);
    n.reconfigure('S3', { stp: {}, ports: { 'g0/1': { shutdown: true } } });
    n.sim.runUntil(seconds(45) as Micros);
    // The PCs' addresses, learned some 40 s ago, are gone: 15 s is the aging time now.
    expect(n.sim.macTable(d('S1'))).toEqual([]);
    // S3's new root port came to forward at 40 s: a topology change S3 reports to S1.
    const s1 = tree(n, 'S1').inst;
    expect(s1.topologyChange).toBe(true);
    expect(s1.agingTime).toBe(15);
    expect(s1.topologyChanges).toBeGreaterThanOrEqual(1);
    expect(tree(n, 'S2').inst.agingTime).toBe(15);
    // Max age + forward delay (35 s) later the root clears the flag.
    n.sim.runUntil(seconds(90) as Micros);
    expect(tree(n, 'S1').inst.topologyChange).toBe(false);
    expect(tree(n, 'S2').inst.agingTime).toBe(300);
  });

  it('a port cabled later listens and learns for 30 s, unless it is a PortFast port', () => {
    const n = triangle();
    n.pc('PC4', '10.0.0.4/24').pc('PC5', '10.0.0.5/24');
    n.reconfigure('S2', {
      stp: { vlans: [{ vlan: 1, priority: 28672 }] },
      ports: { 'fa0/5': { stp: { portfast: 'on' } } },
    });
    n.sim.runUntil(seconds(10) as Micros);
    n.link('PC4:fa0', 'S2:fa0/4');
    n.link('PC5:fa0', 'S2:fa0/5');
    n.sim.runUntil(seconds(11) as Micros);
    expect(tree(n, 'S2').ports['FastEthernet0/4']).toBe('designated listening');
    expect(tree(n, 'S2').ports['FastEthernet0/5']).toBe('designated forwarding');
    expect(n.sim.spanningTree(d('S2'))[0]!.ports.find((p) => p.port === 'FastEthernet0/5')!.edge).toBe(true);
    expect(pingOk(n, 'PC5', '10.0.0.3')).toBe(true);
    expect(pingOk(n, 'PC4', '10.0.0.3')).toBe(false);
    n.sim.runUntil(seconds(41) as Micros);
    expect(pingOk(n, 'PC4', '10.0.0.3')).toBe(true);
  });

  it('keeps what `show spanning-tree detail` reports: timers, transitions, where a change came from', () => {
    const n = triangle();
    n.pc('PC4', '10.0.0.4/24');
    const port = (sw: string, name: string) => tree(n, sw).inst.ports.find((p) => p.port === name)!;
    // Settled at time 0: one transition for a forwarding port, none for a blocking one.
    expect(port('S1', 'GigabitEthernet0/1').forwardTransitions).toBe(1);
    expect(port('S3', 'GigabitEthernet0/2').forwardTransitions).toBe(0);
    n.sim.runUntil(seconds(10.5) as Micros);
    // The root's BPDU left S1 at 10 s with message age 0 and reached S3 through S2 with age 1:
    // half a second later IOS reads 2 on S3's alternate port and 1 on its root port (the age
    // the BPDU came with, the time since, and the increment).
    expect(port('S3', 'GigabitEthernet0/2').messageAgeTimer).toBe(2);
    expect(port('S3', 'GigabitEthernet0/1').messageAgeTimer).toBe(1);
    expect(port('S1', 'GigabitEthernet0/1').messageAgeTimer).toBe(0);
    expect(tree(n, 'S1').inst.helloTimer).toBe(0);
    n.link('PC4:fa0', 'S3:fa0/4');
    n.sim.runUntil(seconds(16) as Micros);
    // Listening since 10.5 s: 9.5 s of the forward delay left.
    expect(port('S3', 'FastEthernet0/4').forwardDelayTimer).toBe(9);
    n.sim.runUntil(seconds(41) as Micros);
    expect(port('S3', 'FastEthernet0/4').forwardTransitions).toBe(1);
    // Its coming to forward was a change S3 detected there and told the root by its root port.
    const s3 = tree(n, 'S3').inst;
    expect([s3.topologyChanges, s3.lastTopologyChangePort]).toEqual([1, 'FastEthernet0/4']);
    const s1 = tree(n, 'S1').inst;
    expect([s1.topologyChanges, s1.lastTopologyChangePort]).toEqual([1, 'GigabitEthernet0/2']);
    expect([s1.topologyChange, s1.topologyChangeDetected]).toEqual([true, true]);
    expect(s1.topologyChangeTimer).toBe(34);
    n.sim.runUntil(seconds(60) as Micros);
    expect(tree(n, 'S1').inst.topologyChangeTimer).toBe(15);
  });

  it('BPDU guard error-disables an edge port that receives a BPDU', () => {
    const n = triangle();
    n.switch('S4', { stp: {} });
    n.reconfigure('S2', {
      stp: { vlans: [{ vlan: 1, priority: 28672 }] },
      ports: { 'fa0/9': { stp: { portfast: 'on', bpduguard: 'enable' } } },
    });
    n.sim.runUntil(seconds(5) as Micros);
    n.link('S4:fa0/1', 'S2:fa0/9');
    n.sim.runUntil(seconds(8) as Micros);
    const port = n.sim.interfaces(d('S2')).find((i) => i.name === 'FastEthernet0/9')!;
    expect(port.errDisabled).toBe('bpduguard');
    const events = n.sim.spanningTreeEvents(d('S2'), 0).events;
    expect(events).toContainEqual(
      expect.objectContaining({ kind: 'bpduguard', port: 'FastEthernet0/9', vlan: 1 }),
    );
  });

  it('runs one instance per VLAN, each with its own root', () => {
    const n = new TestNet({ seed: 5 });
    const trunk = { mode: 'trunk' as const };
    n.switch('S1', {
      vlans: [10, 20],
      stp: { vlans: [{ vlan: 10, priority: 4096 }] },
      ports: { 'g0/1': trunk, 'g0/2': trunk },
    });
    n.switch('S2', {
      vlans: [10, 20],
      stp: { vlans: [{ vlan: 20, priority: 4096 }] },
      ports: { 'g0/1': trunk, 'g0/2': trunk },
    });
    n.link('S1:g0/1', 'S2:g0/1');
    n.link('S1:g0/2', 'S2:g0/2');
    const s1 = n.sim.spanningTree(d('S1'));
    expect(s1.map((i) => i.vlan)).toEqual([1, 10, 20]);
    // VLAN 10: S1 is the root, S2 blocks its second port (same bridge and cost: the higher port id).
    expect(tree(n, 'S2', 10).ports).toEqual({
      'GigabitEthernet0/1': 'root forwarding',
      'GigabitEthernet0/2': 'alternate blocking',
    });
    // VLAN 20: the other way round.
    expect(tree(n, 'S1', 20).ports).toEqual({
      'GigabitEthernet0/1': 'root forwarding',
      'GigabitEthernet0/2': 'alternate blocking',
    });
    expect(tree(n, 'S1', 20).inst.bridgeId).toBe(32788);
    // `show interfaces trunk`: S2's Gi0/2 forwards VLAN 20 but not VLAN 10.
    const forwarding = n.sim.trunks(d('S2')).find((t) => t.port === 'GigabitEthernet0/2')!.forwarding;
    const has = (v: number) => forwarding.some(([lo, hi]) => lo <= v && v <= hi);
    expect([has(10), has(20)]).toEqual([false, true]);
  });
});

describe('spanning tree around what runs none', () => {
  it('breaks a loop through a switch without spanning tree, which floods the BPDUs', () => {
    // S3 runs none (a test switch's default): S1 and S2 hear each other's BPDUs through it.
    const n = new TestNet({ seed: 5 });
    n.switch('S1', { stp: { vlans: [{ vlan: 1, priority: 4096 }] } })
      .switch('S2', { stp: {} })
      .switch('S3');
    n.pc('PC1', '10.0.0.1/24').pc('PC2', '10.0.0.2/24');
    n.link('S1:g0/1', 'S2:g0/1');
    n.link('S1:g0/2', 'S3:g0/1');
    n.link('S2:g0/2', 'S3:g0/2');
    n.link('PC1:fa0', 'S3:fa0/1');
    n.link('PC2:fa0', 'S2:fa0/1');
    expect(tree(n, 'S2').ports['GigabitEthernet0/2']).toBe('alternate blocking');
    expect(pingOk(n, 'PC1', '10.0.0.2')).toBe(true);
    n.sim.runUntil(seconds(30) as Micros);
    expect(tree(n, 'S2').ports['GigabitEthernet0/2']).toBe('alternate blocking');
    expect(pingOk(n, 'PC2', '10.0.0.1')).toBe(true);
  });

  it('a settle read at time 0, then more changes at time 0: the start is what a fresh network gives', () => {
    const build = (peek: boolean) => {
      const n = triangle();
      if (peek) n.sim.spanningTree(d('S1'));
      // S1 gives up being the root before the clock runs: S2 is the root from the start.
      n.reconfigure('S1', { stp: {} });
      return ['S1', 'S2', 'S3'].map((s) => tree(n, s).ports);
    };
    expect(build(true)).toEqual(build(false));
    expect(build(false)[1]).not.toHaveProperty('GigabitEthernet0/1', 'root forwarding');
  });
});

describe('BPDU guard', () => {
  it('error-disables an access port facing a trunk, which PVST+ holds for a type inconsistency', () => {
    const n = new TestNet({ seed: 5 });
    n.switch('S1', { stp: {}, ports: { 'g0/1': { mode: 'trunk' } } });
    n.switch('S2', {
      stp: {},
      ports: { 'g0/1': { mode: 'access', stp: { portfast: 'on', bpduguard: 'enable' } } },
    });
    n.sim.runUntil(seconds(1) as Micros);
    n.link('S1:g0/1', 'S2:g0/1');
    n.sim.runUntil(seconds(5) as Micros);
    expect(n.sim.interfaces(d('S2')).find((i) => i.name === 'GigabitEthernet0/1')!.errDisabled).toBe(
      'bpduguard',
    );
  });
});

describe('a cable between two ports of one switch', () => {
  it('makes the higher port a backup port, blocking, and no storm starts', () => {
    const n = new TestNet({ seed: 5 });
    n.switch('S1', { stp: {} }).pc('PC1', '10.0.0.1/24').pc('PC2', '10.0.0.2/24');
    n.link('S1:fa0/1', 'S1:fa0/2');
    n.link('PC1:fa0', 'S1:fa0/3');
    n.link('PC2:fa0', 'S1:fa0/4');
    expect(tree(n, 'S1').ports).toMatchObject({
      'FastEthernet0/1': 'designated forwarding',
      'FastEthernet0/2': 'backup blocking',
    });
    n.sim.runUntil(seconds(30) as Micros);
    expect(tree(n, 'S1').ports['FastEthernet0/2']).toBe('backup blocking');
    expect(pingOk(n, 'PC1', '10.0.0.2')).toBe(true);
  });
});

describe('spanning tree beyond its diameter', () => {
  it('a chain longer than the max age allows stays quiet and forwarding', () => {
    // 24 switches in a row, three times the diameter 802.1D is made for: the root's information
    // ages by a second at each bridge and is dropped at the max age (20 s), so the far bridges
    // take themselves for roots. Nothing loops or spins, and every port forwards.
    const n = new TestNet({ seed: 5 });
    const count = 24;
    for (let i = 0; i < count; i++)
      n.switch(`S${i}`, { stp: i === 0 ? { vlans: [{ vlan: 1, priority: 0 }] } : {} });
    for (let i = 1; i < count; i++) n.link(`S${i - 1}:g0/2`, `S${i}:g0/1`);
    n.pc('PC1', '10.0.0.1/24').pc('PC2', '10.0.0.2/24');
    n.link('PC1:fa0', 'S0:fa0/1');
    n.link(`PC2:fa0`, `S${count - 1}:fa0/1`);
    const ran = n.sim.runUntil(seconds(60) as Micros, 1_000_000);
    expect(ran).toBeLessThan(100_000);
    expect(n.sim.now()).toBe(seconds(60));
    expect(tree(n, 'S1').inst.rootPriority).toBe(1);
    expect(tree(n, `S${count - 1}`).inst.rootPriority).not.toBe(1);
    for (let i = 0; i < count; i++)
      for (const state of Object.values(tree(n, `S${i}`).ports)) expect(state).toMatch(/forwarding$/);
    expect(pingOk(n, 'PC1', '10.0.0.2')).toBe(true);
  });
});
