/**
 * Duplicate addresses (RFC 5227): Windows probing for its address and falling back to
 * 169.254.0.0/16 when another station has it, IOS announcing its addresses, logging a station
 * that claims one (%IP-4-DUPADDR) and defending it.
 */
import { describe, expect, it } from 'vitest';
import { DEFENCE_THROTTLE } from '../../src/engine/device/ios-arp-defense.ts';
import { PROBE_INTERVAL, PROBE_WAIT } from '../../src/engine/device/windows-dad.ts';
import { deviceId, linkId } from '../../src/shared/ids.ts';
import type { Micros } from '../../src/shared/time.ts';
import { seconds } from '../../src/shared/time.ts';
import { arpOn, ip, marks, TestNet } from './net.ts';

const d = deviceId;
const BROADCAST = 0xffff_ffff_ffff;

const macOf = (n: TestNet, dev: string) => n.sim.interfaces(d(dev))[0]!.mac;
const nic = (n: TestNet, dev: string) => n.sim.interfaces(d(dev))[0]!;

/** R1 Gi0/0 10.0.0.1/24 and S1; PCs are added by each test. */
function lan(): TestNet {
  const n = new TestNet();
  n.router('R1', { interfaces: { 'g0/0': { ip: '10.0.0.1/24' } } });
  n.switch('S1');
  n.link('R1:g0/0', 'S1:g0/1');
  return n.settle();
}

describe('Windows probes for its address', () => {
  it('sends three probes a second apart, then one announcement, and keeps the address', () => {
    const n = lan();
    n.pc('PC1');
    n.link('PC1:fa0', 'S1:fa0/1');
    const wire = arpOn(n, 'L2');
    const start = n.sim.now();
    n.host('PC1', '10.0.0.10/24', '10.0.0.1');
    n.settle();
    const pc = macOf(n, 'PC1');
    const own = wire.filter((s) => s.from === pc);
    expect(
      own.map((s) => [s.to, s.arp.op, s.arp.senderMac, s.arp.senderIp, s.arp.targetMac, s.arp.targetIp]),
    ).toEqual([
      ...Array(3).fill([BROADCAST, 1, pc, 0, 0, ip('10.0.0.10')]),
      [BROADCAST, 1, pc, ip('10.0.0.10'), 0, ip('10.0.0.10')],
    ]);
    const first = own[0]!.t - start;
    expect(first).toBeGreaterThanOrEqual(0);
    expect(first).toBeLessThan(PROBE_WAIT + 1000);
    expect(own.map((s) => s.t - own[0]!.t)).toEqual([0, 1, 2, 3].map((k) => k * PROBE_INTERVAL));
    expect(nic(n, 'PC1')).toMatchObject({ ip: { addr: ip('10.0.0.10'), len: 24 } });
    expect(nic(n, 'PC1').duplicate).toBeUndefined();
    // The router took none of it for a conflict.
    expect(n.sim.addressConflicts(d('R1'), 0).conflicts).toEqual([]);
    expect(marks(n.ping('PC1', '10.0.0.1'))).toBe('!!!!');
  });

  it("given the router's address, it gets the router's answer and falls back to 169.254.0.0/16", () => {
    const n = lan();
    n.pc('PC1', '10.0.0.1/24', '10.0.0.1');
    const wire = arpOn(n, 'L1');
    n.link('PC1:fa0', 'S1:fa0/1');
    n.settle();
    // R1 answers the probe as an ordinary request, to the prober, target address 0.0.0.0.
    const r1 = n.sim.interfaces(d('R1'))[0]!.mac;
    expect(
      wire.filter((s) => s.from === r1).map((s) => [s.to, s.arp.op, s.arp.targetMac, s.arp.targetIp]),
    ).toEqual([[macOf(n, 'PC1'), 2, macOf(n, 'PC1'), 0]]);
    const pc = nic(n, 'PC1');
    expect(pc.duplicate).toEqual({ addr: ip('10.0.0.1'), len: 24 });
    expect(pc.ip!.len).toBe(16);
    expect(pc.ip!.addr >>> 16).toBe(0xa9fe);
    expect(n.sim.addressConflicts(d('PC1'), 0).conflicts).toMatchObject([
      { seq: 0, iface: 'FastEthernet0', addr: ip('10.0.0.1'), mac: r1 },
    ]);
    // IOS logs nothing for a probe: it was never sent a packet from its own address.
    expect(n.sim.addressConflicts(d('R1'), 0).conflicts).toEqual([]);
    // From its link-local address the gateway is out of the router's subnet: IOS ignores the
    // ARP request, and Windows reports the gateway unreachable from itself.
    const job = n.ping('PC1', '10.0.0.1');
    expect(marks(job)).toBe('HHHH');
    expect(job.results[0]!.outcome).toMatchObject({ from: pc.ip!.addr });
  });

  it('of two PCs given one address, the one that probes second gives it up', () => {
    const n = lan();
    n.pc('PC1', '10.0.0.10/24').pc('PC2');
    n.link('PC1:fa0', 'S1:fa0/1');
    n.link('PC2:fa0', 'S1:fa0/2');
    n.settle();
    n.host('PC2', '10.0.0.10/24');
    n.settle();
    expect(nic(n, 'PC1').duplicate).toBeUndefined();
    expect(nic(n, 'PC1').ip!.addr).toBe(ip('10.0.0.10'));
    expect(nic(n, 'PC2').duplicate).toEqual({ addr: ip('10.0.0.10'), len: 24 });
    expect(n.sim.addressConflicts(d('PC1'), 0).conflicts).toEqual([]);
    expect(n.sim.addressConflicts(d('PC2'), 0).conflicts).toMatchObject([{ mac: macOf(n, 'PC1') }]);
    expect(marks(n.ping('R1', '10.0.0.10'))).toBe('.!!!!');
    expect(n.sim.arpTable(d('R1')).find((e) => e.ip === ip('10.0.0.10'))?.mac).toBe(macOf(n, 'PC1'));
  });

  it('tries its address again when it is set again or its cable comes back', () => {
    const n = lan();
    n.pc('PC1', '10.0.0.1/24');
    n.link('PC1:fa0', 'S1:fa0/1');
    n.settle();
    expect(nic(n, 'PC1').duplicate).toBeDefined();
    // The cable out and in: probed again, and still in use.
    n.sim.setLinkUp(linkId('L2'), false);
    expect(nic(n, 'PC1').duplicate).toBeUndefined();
    n.sim.setLinkUp(linkId('L2'), true);
    n.settle();
    expect(nic(n, 'PC1').duplicate).toEqual({ addr: ip('10.0.0.1'), len: 24 });
    // The router moves to another address: the PC's next try keeps it.
    n.reconfigure('R1', { interfaces: { 'g0/0': { ip: '10.0.0.254/24' } } });
    n.sim.setLinkUp(linkId('L2'), false);
    n.sim.setLinkUp(linkId('L2'), true);
    n.settle();
    expect(nic(n, 'PC1').duplicate).toBeUndefined();
    expect(nic(n, 'PC1').ip).toEqual({ addr: ip('10.0.0.1'), len: 24 });
    // A free address set from the prompt is used at once.
    n.host('PC1', '10.0.0.1/24');
    n.reconfigure('R1', { interfaces: { 'g0/0': { ip: '10.0.0.1/24' } } });
    n.settle();
    n.host('PC1', '10.0.0.20/24');
    n.settle();
    expect(nic(n, 'PC1')).toMatchObject({ ip: { addr: ip('10.0.0.20'), len: 24 } });
    expect(nic(n, 'PC1').duplicate).toBeUndefined();
  });
});

describe('IOS and its addresses', () => {
  it('announces an interface coming up with two gratuitous ARP replies', () => {
    const n = lan();
    n.reconfigure('R1', { interfaces: { 'g0/0': { ip: '10.0.0.1/24', shutdown: true } } });
    const wire = arpOn(n, 'L1');
    const from = n.sim.trace.events.length;
    n.reconfigure('R1', { interfaces: { 'g0/0': { ip: '10.0.0.1/24' }, lo0: { ip: '1.1.1.1/32' } } });
    n.run(seconds(1));
    // A loopback, with no Ethernet, announces nothing (and drops nothing).
    expect(n.sim.trace.events.slice(from).filter((e) => e.kind === 'drop')).toEqual([]);
    const r1 = n.sim.interfaces(d('R1'))[0]!.mac;
    expect(
      wire.map((s) => [s.to, s.arp.op, s.arp.senderMac, s.arp.senderIp, s.arp.targetMac, s.arp.targetIp]),
    ).toEqual(Array(2).fill([BROADCAST, 2, r1, ip('10.0.0.1'), BROADCAST, ip('10.0.0.1')]));
  });

  it('announces an address given to an interface already up once', () => {
    const n = lan();
    n.reconfigure('R1', { interfaces: { 'g0/0': {} } });
    n.settle();
    const wire = arpOn(n, 'L1');
    const r1 = n.sim.interfaces(d('R1'))[0]!.mac;
    const announcement = (a: string) => [BROADCAST, 2, r1, ip(a), BROADCAST, ip(a)];
    const seen = () =>
      wire.map((s) => [s.to, s.arp.op, s.arp.senderMac, s.arp.senderIp, s.arp.targetMac, s.arp.targetIp]);
    // Up without an address, then given one.
    n.reconfigure('R1', { interfaces: { 'g0/0': { ip: '10.0.0.1/24' } } });
    n.settle();
    expect(seen()).toEqual([announcement('10.0.0.1')]);
    // Given another one.
    n.reconfigure('R1', { interfaces: { 'g0/0': { ip: '10.0.0.2/24' } } });
    n.settle();
    expect(seen()).toEqual([announcement('10.0.0.1'), announcement('10.0.0.2')]);
    // Shut and brought up again: the line comes up with the address, as on `no shutdown`.
    n.reconfigure('R1', { interfaces: { 'g0/0': { ip: '10.0.0.2/24', shutdown: true } } });
    n.settle();
    n.reconfigure('R1', { interfaces: { 'g0/0': { ip: '10.0.0.2/24' } } });
    n.settle();
    expect(seen().slice(2)).toEqual(Array(2).fill(announcement('10.0.0.2')));
  });

  it('given the address of a PC, it logs the PC claiming it back (DUPADDR) and defends it', () => {
    const n = lan();
    n.pc('PC1', '10.0.0.10/24', '10.0.0.1');
    n.link('PC1:fa0', 'S1:fa0/1');
    n.settle();
    const wire = arpOn(n, 'L1');
    n.reconfigure('R1', { interfaces: { 'g0/0': { ip: '10.0.0.10/24' } } });
    n.settle();
    const r1 = n.sim.interfaces(d('R1'))[0]!.mac;
    const pc = macOf(n, 'PC1');
    // The PC logs each of R1's claims (its announcement, its defence), defends once and keeps
    // its address.
    expect(n.sim.addressConflicts(d('PC1'), 0).conflicts.map((c) => [c.addr, c.mac])).toEqual(
      Array(2).fill([ip('10.0.0.10'), r1]),
    );
    expect(nic(n, 'PC1').duplicate).toBeUndefined();
    expect(n.sim.addressConflicts(d('R1'), 0).conflicts).toMatchObject([
      { seq: 0, iface: 'GigabitEthernet0/0', addr: ip('10.0.0.10'), mac: pc },
    ]);
    // One announcement (the interface was up), the PC's defence, R1's defence (its own MAC as
    // the target): then quiet.
    expect(wire.map((s) => [s.from, s.arp.op, s.arp.targetMac])).toEqual([
      [r1, 2, BROADCAST],
      [pc, 1, 0],
      [r1, 2, r1],
    ]);
    expect(n.sim.nextEventTime()).toBeUndefined();
    // Every ARP request the PC sends claims the address again, and is logged.
    n.ping('PC1', '10.0.0.99', { count: 1 });
    expect(n.sim.addressConflicts(d('R1'), 0).conflicts.length).toBeGreaterThan(1);
  });

  it('throttles its defence: a claim within half a second of the last waits for the end of the gap', () => {
    const n = lan();
    n.pc('PC1', '10.0.0.10/24');
    n.link('PC1:fa0', 'S1:fa0/1');
    n.settle();
    n.reconfigure('R1', { interfaces: { 'g0/0': { ip: '10.0.0.10/24' } } });
    n.settle();
    const wire = arpOn(n, 'L1');
    const r1 = n.sim.interfaces(d('R1'))[0]!.mac;
    // PC1 resolves two addresses in quick succession: two claims, 1 us apart.
    n.sim.ping(d('PC1'), ip('10.0.0.98'), { count: 1, timeout: seconds(1), size: 32 });
    n.sim.runUntil((n.sim.now() + 1) as Micros);
    n.sim.ping(d('PC1'), ip('10.0.0.99'), { count: 1, timeout: seconds(1), size: 32 });
    n.run(seconds(0.9));
    const defences = wire.filter((s) => s.from === r1 && s.arp.targetMac === r1);
    expect(defences).toHaveLength(2);
    expect(defences[1]!.t - defences[0]!.t).toBe(DEFENCE_THROTTLE);
  });
});
