/**
 * Rapid PVST+ (IEEE 802.1D-2004 RSTP per VLAN): the same tree as PVST+, reached without its
 * timers. An alternate port takes over at once, a bridge that loses its root is replaced
 * within a round trip rather than a max age, a new link comes up by proposal and agreement,
 * host ports without PortFast still wait twice the forward delay, and a port facing a PVST+
 * switch speaks 802.1D to it.
 */
import { describe, expect, it } from 'vitest';
import type { StpInstanceStatus } from '../../src/engine/api.ts';
import { STP_FLAG_TC, type StpBpdu } from '../../src/engine/wire/stp.ts';
import { deviceId, linkId } from '../../src/shared/ids.ts';
import type { SpanningTreeConfig } from '../../src/shared/spanning-tree.ts';
import type { Micros } from '../../src/shared/time.ts';
import { seconds } from '../../src/shared/time.ts';
import { marks, type SwitchSpec, switchTriangle, TestNet } from './net.ts';

const d = deviceId;
const at = (s: number) => seconds(s) as Micros;

function tree(n: TestNet, sw: string, vlan = 1): { inst: StpInstanceStatus; ports: Record<string, string> } {
  const inst = n.sim.spanningTree(d(sw)).find((i) => i.vlan === vlan);
  if (inst === undefined) throw new Error(`no instance for VLAN ${vlan} on ${sw}`);
  return { inst, ports: Object.fromEntries(inst.ports.map((p) => [p.port, `${p.role} ${p.state}`])) };
}

const pingOk = (n: TestNet, from: string, to: string): boolean =>
  marks(n.ping(from, to, { count: 2 })).endsWith('!');

const RAPID: SpanningTreeConfig = { mode: 'rapid-pvst' };
/** A PC's port with PortFast: an edge port. */
const EDGE = { 'fa0/1': { stp: { portfast: 'on' as const } } };
const S1: SwitchSpec = { stp: { ...RAPID, vlans: [{ vlan: 1, priority: 4096 }] } };
const S2: SwitchSpec = { stp: { ...RAPID, vlans: [{ vlan: 1, priority: 28672 }] }, ports: EDGE };
const S3: SwitchSpec = { stp: RAPID, ports: EDGE };

/** S1 the root, S2 and S3 below it, S3's port to S2 the alternate; PC2 on S2, PC3 on S3. */
const triangle = (s3: SwitchSpec = S3): TestNet => switchTriangle(5, S1, S2, s3);

describe('rapid PVST+', () => {
  it('starts converged on the tree PVST+ builds, every bridge sending its own hellos', () => {
    const n = triangle();
    expect(tree(n, 'S1').inst.protocol).toBe('rstp');
    expect(tree(n, 'S1').ports).toEqual({
      'GigabitEthernet0/1': 'designated forwarding',
      'GigabitEthernet0/2': 'designated forwarding',
    });
    expect(tree(n, 'S3').ports).toEqual({
      'FastEthernet0/1': 'designated forwarding',
      'GigabitEthernet0/1': 'root forwarding',
      'GigabitEthernet0/2': 'alternate blocking',
    });
    expect(pingOk(n, 'PC2', '10.0.0.3')).toBe(true);
    const before = tree(n, 'S2').inst.ports.find((p) => p.port === 'GigabitEthernet0/2')!.bpdusSent;
    n.sim.runUntil(at(20));
    // S2 is not the root, yet its designated port sends a BPDU every hello time (802.1D relays).
    const s2 = tree(n, 'S2').inst.ports.find((p) => p.port === 'GigabitEthernet0/2')!;
    expect(s2.bpdusSent - before).toBeGreaterThanOrEqual(9);
    expect(tree(n, 'S3').ports['GigabitEthernet0/2']).toBe('alternate blocking');
    expect(tree(n, 'S3').inst.topologyChanges).toBe(0);
  });

  it('an alternate port forwards at once when the root port fails, and the change flushes the tree', () => {
    const n = triangle();
    expect(pingOk(n, 'PC2', '10.0.0.3')).toBe(true);
    expect(n.sim.macTable(d('S1')).length).toBe(2);
    n.sim.runUntil(at(10));
    n.reconfigure('S3', { ...S3, ports: { ...EDGE, 'g0/1': { shutdown: true } } });
    n.sim.runUntil(at(10.01));
    expect(tree(n, 'S3').ports['GigabitEthernet0/2']).toBe('root forwarding');
    // The new root port came to forward: S3 flushed and told S2, which flushed and told S1.
    // S1 kept what it learned on the port the change came in by (PC2's address), S2 what it
    // learned on its edge port (PC2's again): edge ports are not flushed.
    expect(tree(n, 'S3').inst.topologyChanges).toBe(1);
    expect(tree(n, 'S2').inst.topologyChanges).toBe(1);
    expect(n.sim.macTable(d('S2')).map((e) => e.port)).toEqual(['FastEthernet0/1']);
    expect(n.sim.macTable(d('S1')).map((e) => e.port)).toEqual(['GigabitEthernet0/1']);
    // Addresses age as usual: RSTP flushes, it does not shorten the aging time.
    expect(tree(n, 'S1').inst.agingTime).toBe(300);
    expect(pingOk(n, 'PC3', '10.0.0.2')).toBe(true);
  });

  it('a bridge that lost its root is replaced within moments, not after the max age', () => {
    // S2's root port fails: S2 takes itself for the root and says so; S3 takes that from the
    // port that was designated for it, answers with S1's better information and a proposal,
    // S2 makes that its root port, syncs and agrees, and S3's port forwards.
    const n = triangle();
    n.sim.runUntil(at(10));
    n.reconfigure('S1', { ...S1, ports: { 'g0/1': { shutdown: true } } });
    n.sim.runUntil(at(10.05));
    expect(tree(n, 'S2').inst.rootPort).toBe('GigabitEthernet0/2');
    expect(tree(n, 'S2').inst.rootCost).toBe(8);
    expect(tree(n, 'S3').ports['GigabitEthernet0/2']).toBe('designated forwarding');
    // PC2's edge port was not synced: it kept forwarding.
    expect(tree(n, 'S2').ports['FastEthernet0/1']).toBe('designated forwarding');
    expect(pingOk(n, 'PC2', '10.0.0.3')).toBe(true);
  });

  it('a new link forwards by proposal and agreement; a host port without PortFast waits 30 s', () => {
    const n = triangle();
    n.switch('S4', { stp: RAPID });
    n.pc('PC4', '10.0.0.4/24').pc('PC5', '10.0.0.5/24');
    n.link('PC5:fa0', 'S4:fa0/5');
    n.sim.runUntil(at(10));
    n.link('S4:g0/1', 'S3:fa0/2');
    n.link('PC4:fa0', 'S3:fa0/4');
    n.sim.runUntil(at(10.05));
    // S3 proposed on its new port; S4, whose root port it is, synced (PC5's port discards
    // again) and agreed; S3's port forwards without waiting.
    expect(tree(n, 'S3').ports['FastEthernet0/2']).toBe('designated forwarding');
    expect(tree(n, 'S4').ports['GigabitEthernet0/1']).toBe('root forwarding');
    expect(tree(n, 'S4').ports['FastEthernet0/5']).toBe('designated blocking');
    // A PC never agrees: its port discards for the forward delay, then learns as long.
    expect(tree(n, 'S3').ports['FastEthernet0/4']).toBe('designated blocking');
    n.sim.runUntil(at(25.1));
    expect(tree(n, 'S3').ports['FastEthernet0/4']).toBe('designated learning');
    expect(pingOk(n, 'PC4', '10.0.0.2')).toBe(false);
    n.sim.runUntil(at(40.1));
    expect(tree(n, 'S3').ports['FastEthernet0/4']).toBe('designated forwarding');
    expect(pingOk(n, 'PC4', '10.0.0.2')).toBe(true);
    expect(pingOk(n, 'PC5', '10.0.0.2')).toBe(true);
  });

  it('speaks 802.1D to a PVST+ neighbour, which keeps its timers', () => {
    const n = triangle({ stp: {}, ports: EDGE });
    expect(tree(n, 'S3').inst.protocol).toBe('ieee');
    const peer = (sw: string, port: string) =>
      tree(n, sw).inst.ports.find((p) => p.port === port)!.peerStp === true;
    expect(peer('S1', 'GigabitEthernet0/2')).toBe(true);
    expect(peer('S2', 'GigabitEthernet0/2')).toBe(true);
    expect(peer('S1', 'GigabitEthernet0/1')).toBe(false);
    expect(tree(n, 'S3').ports['GigabitEthernet0/2']).toBe('alternate blocking');
    expect(pingOk(n, 'PC2', '10.0.0.3')).toBe(true);
    n.sim.runUntil(at(10));
    n.reconfigure('S3', { stp: {}, ports: { ...EDGE, 'g0/1': { shutdown: true } } });
    n.sim.runUntil(at(11));
    // S3 runs 802.1D: its alternate port listens and learns (30 s) before it forwards.
    expect(tree(n, 'S3').ports['GigabitEthernet0/2']).toBe('root listening');
    n.sim.runUntil(at(41));
    expect(tree(n, 'S3').ports['GigabitEthernet0/2']).toBe('root forwarding');
    // Its TCN reached S2, which flushed and passed the change on to S1.
    expect(tree(n, 'S2').inst.topologyChanges).toBeGreaterThanOrEqual(1);
    expect(pingOk(n, 'PC3', '10.0.0.2')).toBe(true);
  });

  it('a neighbour turned rapid is heard as such after the migration delay; clearing migrates at once', () => {
    const n = triangle({ stp: {}, ports: EDGE });
    n.sim.runUntil(at(10));
    n.reconfigure('S3', S3);
    n.sim.runUntil(at(20));
    const peer = (sw: string, port: string) =>
      tree(n, sw).inst.ports.find((p) => p.port === port)!.peerStp === true;
    expect(tree(n, 'S3').inst.protocol).toBe('rstp');
    expect(peer('S1', 'GigabitEthernet0/2')).toBe(false);
    expect(peer('S3', 'GigabitEthernet0/1')).toBe(false);
    expect(pingOk(n, 'PC3', '10.0.0.2')).toBe(true);
    // S3 back to PVST+: its neighbours' ports speak 802.1D again. Cleared, S1's port tries
    // RSTP, which S3 ignores; S3's root port sends nothing, so S1 hears 802.1D again only when
    // S3's information from it has reached the max age and that port sends as designated.
    n.reconfigure('S3', { stp: {}, ports: EDGE });
    n.sim.runUntil(at(30));
    expect(peer('S1', 'GigabitEthernet0/2')).toBe(true);
    expect(n.sim.clearDetectedProtocols(d('S1'), 'GigabitEthernet0/2')).toBe(true);
    expect(peer('S1', 'GigabitEthernet0/2')).toBe(false);
    n.sim.runUntil(at(45));
    expect(peer('S1', 'GigabitEthernet0/2')).toBe(false);
    n.sim.runUntil(at(55));
    expect(peer('S1', 'GigabitEthernet0/2')).toBe(true);
    expect(tree(n, 'S3').inst.rootPort).toBe('GigabitEthernet0/1');
    expect(n.sim.clearDetectedProtocols(d('S1'), 'GigabitEthernet0/9')).toBe(false);
  });

  it('PortFast turned on for a port still discarding makes it forward at once', () => {
    const n = triangle();
    n.pc('PC4', '10.0.0.4/24');
    n.sim.runUntil(at(10));
    n.link('PC4:fa0', 'S3:fa0/4');
    n.sim.runUntil(at(12));
    expect(tree(n, 'S3').ports['FastEthernet0/4']).toBe('designated blocking');
    n.reconfigure('S3', { ...S3, ports: { ...EDGE, 'fa0/4': { stp: { portfast: 'on' } } } });
    expect(tree(n, 'S3').ports['FastEthernet0/4']).toBe('designated forwarding');
    expect(pingOk(n, 'PC4', '10.0.0.2')).toBe(true);
  });

  it('a neighbour turned rapid in its turn: the link forwards by agreement, not after its 30 s', () => {
    // All three start in PVST+ mode. S1 turns rapid: its port to S2 discards and proposes, but
    // S2 ignores RST BPDUs; once what S2 stored from S1 reaches its max age, S2 sends 802.1D
    // BPDUs and S1's port speaks 802.1D to it, on its timers. S2 turns rapid: after the
    // migration delay S1's port hears RSTP, proposes, and forwards on S2's agreement.
    const pvst = (spec: SwitchSpec): SwitchSpec => ({ ...spec, stp: { vlans: spec.stp?.vlans ?? [] } });
    const n = switchTriangle(5, pvst(S1), pvst(S2), pvst(S3));
    const s1g1 = () => tree(n, 'S1').inst.ports.find((p) => p.port === 'GigabitEthernet0/1')!;
    n.sim.runUntil(at(10));
    n.reconfigure('S1', S1);
    n.sim.runUntil(at(20));
    expect(s1g1().peerStp).toBeUndefined();
    expect(tree(n, 'S1').ports['GigabitEthernet0/1']).toBe('designated blocking');
    n.sim.runUntil(at(32));
    expect(s1g1().peerStp).toBe(true);
    expect(tree(n, 'S1').ports['GigabitEthernet0/1']).toBe('designated learning');
    n.reconfigure('S2', S2);
    n.sim.runUntil(at(37));
    expect(s1g1().peerStp).toBeUndefined();
    expect(tree(n, 'S1').ports['GigabitEthernet0/1']).toBe('designated forwarding');
    expect(tree(n, 'S2').ports['GigabitEthernet0/1']).toBe('root forwarding');
  });

  it('changing the mode starts spanning tree over, and a 2960 in PVST+ mode is unchanged', () => {
    const n = triangle();
    n.sim.runUntil(at(10));
    n.reconfigure('S3', { stp: {}, ports: EDGE });
    expect(tree(n, 'S3').inst.protocol).toBe('ieee');
    n.sim.runUntil(at(10.5));
    // A new 802.1D instance: its root port listens from the start.
    expect(tree(n, 'S3').ports['GigabitEthernet0/1']).toBe('root listening');
    // Back to rapid while the 802.1D instance is in a topology change: the short aging time goes with it.
    n.sim.runUntil(at(45));
    expect(tree(n, 'S3').inst.agingTime).toBe(15);
    n.reconfigure('S3', S3);
    expect(tree(n, 'S3').inst.agingTime).toBe(300);
  });

  it('a topology change heard on an alternate port goes no further: changes end', () => {
    // Two host ports without PortFast come up a second apart and forward 30 s later, each a
    // change that travels round the triangle; S3's alternate port hears S2's and must not
    // pass it back into the tree.
    const down = { 'fa0/1': { shutdown: true } };
    const n = switchTriangle(5, S1, { ...S2, ports: down }, { ...S3, ports: down });
    let flagged = 0;
    n.sim.onWire((time, _link, f) => {
      if (
        time > seconds(100) &&
        f.payload.proto === 'stp' &&
        ((f.payload as StpBpdu).flags & STP_FLAG_TC) !== 0
      )
        flagged++;
    });
    n.sim.runUntil(at(10));
    n.reconfigure('S2', { ...S2, ports: {} });
    n.sim.runUntil(at(11));
    n.reconfigure('S3', { ...S3, ports: {} });
    n.sim.runUntil(at(600));
    expect(flagged).toBe(0);
    for (const sw of ['S1', 'S2', 'S3']) expect(tree(n, sw).inst.topologyChanges).toBeLessThanOrEqual(2);
  });

  it('towards a PVST+ root, a topology change is a TCN until acknowledged, then the root clears its flag', () => {
    const n = switchTriangle(5, { stp: { vlans: [{ vlan: 1, priority: 4096 }] } }, { ...S2, ports: {} }, S3);
    const toRoot: number[] = [];
    n.sim.onWire((time, link, f) => {
      // S2 to S1 on their link (L1): what S2's root port sends.
      if (link === 'L1' && f.src !== 0 && f.payload.proto === 'stp' && time > seconds(1)) {
        const b = f.payload as StpBpdu;
        if (b.bridgeMac !== tree(n, 'S1').inst.bridgeMac || b.type === 0x80) toRoot.push(b.type);
      }
    });
    n.sim.runUntil(at(10));
    n.reconfigure('S2', { ...S2, ports: { 'fa0/1': { shutdown: true } } });
    n.reconfigure('S2', { ...S2, ports: {} });
    n.sim.runUntil(at(100));
    // PC2's port (no PortFast) came to forward 30 s later: one TCN, acknowledged, and nothing else.
    expect(toRoot).toEqual([0x80]);
    expect(tree(n, 'S1').inst.topologyChange).toBe(false);
    expect(tree(n, 'S1').inst.agingTime).toBe(300);
    expect(tree(n, 'S2').inst.topologyChanges).toBe(1);
  });

  it('an old root port still up discards before the new root port forwards: no loop while re-rooting', () => {
    // A square S1-S2-S4-S3-S1: S4 reaches S1 through S2 until S2's uplink costs 100.
    const n = new TestNet({ seed: 5 });
    const pri = (priority: number): SwitchSpec => ({ stp: { ...RAPID, vlans: [{ vlan: 1, priority }] } });
    n.switch('S1', pri(4096)).switch('S2', pri(8192)).switch('S3', pri(12288)).switch('S4', pri(32768));
    n.link('S1:g0/1', 'S2:g0/1');
    n.link('S2:g0/2', 'S4:g0/1');
    n.link('S4:g0/2', 'S3:g0/1');
    n.link('S3:g0/2', 'S1:g0/2');
    expect(tree(n, 'S4').inst.rootPort).toBe('GigabitEthernet0/1');
    n.sim.runUntil(at(10));
    n.reconfigure('S2', { ...pri(8192), ports: { 'g0/1': { stp: { cost: 100 } } } });
    const ring = ['S1', 'S2', 'S3', 'S4'];
    const forwarding = () =>
      ring.every((sw) => Object.values(tree(n, sw).ports).every((state) => state.endsWith('forwarding')));
    for (let us = 1; us <= 200; us++) {
      n.sim.runUntil((seconds(10) + us) as Micros);
      expect(forwarding(), `every port of the ring forwards ${us} µs after the change`).toBe(false);
    }
    n.sim.runUntil(at(11));
    expect(tree(n, 'S2').inst.rootPort).toBe('GigabitEthernet0/2');
    expect(tree(n, 'S4').inst.rootPort).toBe('GigabitEthernet0/2');
    // S2's old root port is an alternate now: S1's port is designated for their link.
    expect(tree(n, 'S2').ports['GigabitEthernet0/1']).toBe('alternate blocking');
    expect(tree(n, 'S4').ports['GigabitEthernet0/1']).toBe('designated forwarding');
  });

  it('the root raising its priority: the next root takes over at once, and no loop forms meanwhile', () => {
    // What S1 said of itself as root goes on round the triangle after S1 changed; S1 alone can
    // tell it is stale, and stops it. S2 takes S1's worse word at once, priority or not.
    const n = triangle();
    n.sim.runUntil(at(10));
    n.reconfigure('S1', { stp: { ...RAPID, vlans: [{ vlan: 1, priority: 61440 }] } });
    const links = ['S1', 'S2', 'S3'].flatMap((sw) =>
      ['GigabitEthernet0/1', 'GigabitEthernet0/2'].map((port) => [sw, port] as const),
    );
    for (let ms = 1; ms <= 10_000; ms += ms < 100 ? 1 : 100) {
      n.sim.runUntil((seconds(10) + ms * 1000) as Micros);
      const states = links.map(([sw, port]) => tree(n, sw).ports[port]!);
      expect(
        states.every((st) => st.endsWith('forwarding')),
        `a loop ${ms} ms after the change`,
      ).toBe(false);
    }
    expect(tree(n, 'S2').inst.rootMac).toBe(tree(n, 'S2').inst.bridgeMac);
    expect(tree(n, 'S3').inst.rootCost).toBe(4);
    expect(pingOk(n, 'PC2', '10.0.0.3')).toBe(true);
  });

  it("a bridge's worse word about itself is taken at once by the bridge beyond it", () => {
    const n = new TestNet({ seed: 5 });
    n.switch('S1', { stp: { ...RAPID, vlans: [{ vlan: 1, priority: 4096 }] } });
    n.switch('S2', { stp: { ...RAPID, vlans: [{ vlan: 1, priority: 8192 }] } });
    n.link('S1:g0/1', 'S2:g0/1');
    n.sim.runUntil(at(10));
    n.reconfigure('S1', { stp: { ...RAPID, vlans: [{ vlan: 1, priority: 61440 }] } });
    n.sim.runUntil(at(10.01));
    expect(tree(n, 'S2').inst.rootPriority).toBe(8193);
    expect(tree(n, 'S1').inst.rootPort).toBe('GigabitEthernet0/1');
  });

  it('a port sends no more BPDUs in a second than the transmit hold count, yet converges at once', () => {
    const n = triangle();
    const sent = new Map<string, number>();
    n.sim.onWire((time, link, f) => {
      if (f.payload.proto !== 'stp') return;
      const key = `${Math.floor(time / seconds(1))} ${link} ${f.src}`;
      sent.set(key, (sent.get(key) ?? 0) + 1);
    });
    n.sim.runUntil(at(10));
    // Every instance starts over twice at once: each port announces itself, proposes, agrees.
    for (const sw of ['S1', 'S2', 'S3']) n.reconfigure(sw, { stp: {} });
    for (const [sw, spec] of [
      ['S1', S1],
      ['S2', S2],
      ['S3', S3],
    ] as const)
      n.reconfigure(sw, spec);
    n.sim.runUntil(at(10.001));
    expect(tree(n, 'S3').ports['GigabitEthernet0/1']).toBe('root forwarding');
    expect(tree(n, 'S2').ports['GigabitEthernet0/2']).toBe('designated forwarding');
    expect(tree(n, 'S3').ports['GigabitEthernet0/2']).toBe('alternate blocking');
    n.sim.runUntil(at(20));
    expect(Math.max(...sent.values())).toBeLessThanOrEqual(6);
  });

  it('on a shared segment a proposal counts for nothing: the port waits 30 s, unless set point-to-point', () => {
    // S4's root port is declared shared: it ignores S3's proposal, so S3's port gets no
    // agreement and goes the slow way, as towards a hub.
    const n = triangle();
    const shared = { 'g0/1': { stp: { linkType: 'shared' as const } } };
    n.switch('S4', { stp: RAPID, ports: shared });
    n.sim.runUntil(at(10));
    n.link('S4:g0/1', 'S3:fa0/2');
    n.sim.runUntil(at(10.05));
    const s4g1 = () => tree(n, 'S4').inst.ports.find((p) => p.port === 'GigabitEthernet0/1')!;
    expect(s4g1().shared).toBe(true);
    expect(tree(n, 'S4').ports['GigabitEthernet0/1']).toBe('root forwarding');
    expect(tree(n, 'S3').ports['FastEthernet0/2']).toBe('designated blocking');
    n.sim.runUntil(at(26));
    expect(tree(n, 'S3').ports['FastEthernet0/2']).toBe('designated learning');
    // Declared point-to-point again, S4 agrees to S3's next proposal: forwarding at once.
    n.reconfigure('S4', { stp: RAPID, ports: { 'g0/1': { stp: { linkType: 'point-to-point' } } } });
    n.sim.runUntil(at(28.1));
    expect(s4g1().shared).toBeUndefined();
    expect(tree(n, 'S3').ports['FastEthernet0/2']).toBe('designated forwarding');
  });

  it('a port declared shared takes no agreement; declared point-to-point while it waits, it proposes again at once', () => {
    const n = triangle();
    n.switch('S4', { stp: RAPID });
    n.sim.runUntil(at(10));
    const s3 = (linkType: 'shared' | 'point-to-point'): SwitchSpec => ({
      ...S3,
      ports: { ...EDGE, 'fa0/2': { stp: { linkType } } },
    });
    n.reconfigure('S3', s3('shared'));
    n.link('S4:g0/1', 'S3:fa0/2');
    n.sim.runUntil(at(12));
    expect(tree(n, 'S3').ports['FastEthernet0/2']).toBe('designated blocking');
    n.reconfigure('S3', s3('point-to-point'));
    n.sim.runUntil(at(12.01));
    expect(tree(n, 'S3').ports['FastEthernet0/2']).toBe('designated forwarding');
    expect(tree(n, 'S4').ports['GigabitEthernet0/1']).toBe('root forwarding');
  });

  it('an edge port that hears a BPDU is an edge port no more, until its link goes down', () => {
    // A switch plugged into a PC's PortFast port: the port forwarded at once, as an edge
    // port does, then S4's BPDUs make it an ordinary one (Edge leaves `show spanning-tree`),
    // so that the next sync holds it and a change on it flushes the tree.
    const n = triangle();
    const pf = { ...S3, ports: { ...EDGE, 'fa0/4': { stp: { portfast: 'on' as const } } } };
    n.reconfigure('S3', pf);
    n.switch('S4', { stp: RAPID });
    n.pc('PC4', '10.0.0.4/24');
    n.sim.runUntil(at(10));
    const cable = n.link('S4:g0/1', 'S3:fa0/4');
    const s3fa4 = () => tree(n, 'S3').inst.ports.find((p) => p.port === 'FastEthernet0/4')!;
    expect(s3fa4().edge).toBe(true);
    n.sim.runUntil(at(10.01));
    expect(s3fa4().edge).toBe(false);
    expect(tree(n, 'S3').ports['FastEthernet0/4']).toBe('designated forwarding');
    // A configuration change does not give the edge back; the link going down does.
    n.reconfigure('S3', { ...pf, ports: { ...pf.ports, 'fa0/5': { stp: { cost: 5 } } } });
    expect(s3fa4().edge).toBe(false);
    n.sim.disconnect(linkId(cable));
    n.sim.runUntil(at(11));
    n.link('PC4:fa0', 'S3:fa0/4');
    n.sim.runUntil(at(11.001));
    expect(s3fa4().edge).toBe(true);
    expect(tree(n, 'S3').ports['FastEthernet0/4']).toBe('designated forwarding');
  });

  it('a mode change gives back the PortFast a BPDU took away', () => {
    const n = triangle();
    const pf = { ...S3, ports: { ...EDGE, 'fa0/4': { stp: { portfast: 'on' as const } } } };
    n.reconfigure('S3', pf);
    n.switch('S4', { stp: RAPID });
    n.sim.runUntil(at(10));
    n.link('S4:g0/1', 'S3:fa0/4');
    n.sim.runUntil(at(11));
    const s3fa4 = () => tree(n, 'S3').inst.ports.find((p) => p.port === 'FastEthernet0/4')!;
    expect(s3fa4().edge).toBe(false);
    // PVST+ from now on: spanning tree starts over, PortFast as configured.
    n.reconfigure('S3', { ...pf, stp: {} });
    expect(s3fa4().edge).toBe(true);
    expect(tree(n, 'S3').ports['FastEthernet0/4']).toBe('designated forwarding');
  });

  it('a bridge whose other ports are edge ports counts a change told in several BPDUs once', () => {
    // S4 hangs off S3 with only its root port non-edge: no tcWhile of its own tells the TC
    // flag of one change, repeated in each BPDU for twice the hello time, from a new one.
    const n = triangle();
    n.switch('S4', { stp: RAPID });
    n.pc('PC4', '10.0.0.4/24');
    n.sim.runUntil(at(10));
    n.link('S4:g0/1', 'S3:fa0/2');
    n.sim.runUntil(at(20));
    const count = (sw: string) => tree(n, sw).inst.topologyChanges;
    const s1 = count('S1');
    const s4 = count('S4');
    n.link('PC4:fa0', 'S1:fa0/4');
    n.sim.runUntil(at(60));
    expect(count('S1')).toBe(s1 + 1);
    expect(count('S4')).toBe(s4 + 1);
    expect(tree(n, 'S4').inst.lastTopologyChangePort).toBe('GigabitEthernet0/1');
  });
});
