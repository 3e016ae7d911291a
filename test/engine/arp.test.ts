/**
 * ARP caches: what `show arp` and `arp -a` list, IOS's 4-hour timeout, Windows' reachable/stale
 * cycle, resolution queues, and flushing when interfaces change.
 */
import { describe, expect, it } from 'vitest';
import type { DeviceConfig } from '../../src/shared/config.ts';
import { deviceId } from '../../src/shared/ids.ts';
import type { Micros } from '../../src/shared/time.ts';
import { seconds } from '../../src/shared/time.ts';
import { arpOn, type IfSpec, ip, marks, TestNet } from './net.ts';

const d = deviceId;
const BROADCAST = 0xffff_ffff_ffff;

/** R1 Gi0/0 10.0.0.1/24 with PC1 10.0.0.10 and PC2 10.0.0.20 behind S1. */
function lan(): TestNet {
  const n = new TestNet();
  n.router('R1', { interfaces: { 'g0/0': { ip: '10.0.0.1/24' }, 'g0/1': { ip: '10.1.0.1/24' } } });
  n.switch('S1');
  n.pc('PC1', '10.0.0.10/24', '10.0.0.1').pc('PC2', '10.0.0.20/24', '10.0.0.1');
  n.link('R1:g0/0', 'S1:g0/1');
  n.link('PC1:fa0', 'S1:fa0/1');
  n.link('PC2:fa0', 'S1:fa0/2');
  return n.settle();
}

const macOf = (n: TestNet, dev: string, port = 0) => n.sim.interfaces(d(dev))[port]!.mac;

describe('ARP cache contents', () => {
  it('an IOS router lists its own addresses (age "-") and what it learned; a PC lists its neighbours', () => {
    const n = lan();
    expect(marks(n.ping('R1', '10.0.0.10'))).toBe('.!!!!');
    expect(n.sim.arpTable(d('R1')).map((e) => [e.ip, e.mac, e.interface, e.own])).toEqual([
      [ip('10.0.0.1'), macOf(n, 'R1'), 'GigabitEthernet0/0', true],
      [ip('10.0.0.10'), macOf(n, 'PC1'), 'GigabitEthernet0/0', false],
    ]);
    // R1's request taught PC1 the router's address (RFC 826: the target learns the sender).
    expect(n.sim.arpTable(d('PC1')).map((e) => [e.ip, e.mac, e.own])).toEqual([
      [ip('10.0.0.1'), macOf(n, 'R1'), false],
    ]);
    expect(n.sim.arpTable(d('PC2'))).toEqual([]);
  });

  it('IOS asks once per packet at most every 2 s, and the ager removes the incomplete entry', () => {
    const n = lan();
    const requests = () =>
      n.sim.trace.events.filter((e) => e.kind === 'arp-request' && e.device === 'R1').map((e) => e.t);
    const entry = () => n.sim.arpTable(d('R1')).find((e) => e.ip === ip('10.0.0.99'));
    // Three echoes 2 s apart: each finds the entry 2 s old and asks again.
    const start = n.sim.now();
    n.sim.ping(d('R1'), ip('10.0.0.99'), { count: 3, timeout: seconds(2), size: 100, sizeIsDatagram: true });
    n.run(seconds(6.5));
    expect(requests().map((t) => t - start)).toEqual([0, seconds(2), seconds(4)]);
    expect(entry()?.mac).toBeUndefined();
    expect(entry()?.updatedAt).toBe(start + seconds(4));
    // Three echoes within 2 s: one request.
    n.sim.ping(d('R1'), ip('10.0.0.98'), {
      count: 3,
      timeout: seconds(0.5),
      size: 100,
      sizeIsDatagram: true,
    });
    n.run(seconds(1.9));
    expect(requests()).toHaveLength(4);
    // The ager runs each minute of the clock and takes entries whose last request is 2 s old.
    const last = requests()[2]!;
    const ager = Math.ceil((last + seconds(2)) / seconds(60)) * seconds(60);
    n.sim.runUntil((ager - 1) as Micros);
    expect(entry()).toBeDefined();
    n.sim.runUntil(ager as Micros);
    expect(entry()).toBeUndefined();
    expect(requests()).toHaveLength(4);
  });

  it('Windows asks three times a second apart, then gives up and forgets the entry', () => {
    const n = lan();
    const start = n.sim.now();
    n.sim.ping(d('PC1'), ip('10.0.0.99'), { count: 1, timeout: seconds(4), size: 32 });
    n.run(seconds(2.5));
    expect(n.sim.arpTable(d('PC1')).find((e) => e.ip === ip('10.0.0.99'))?.mac).toBeUndefined();
    n.run(seconds(1));
    expect(n.sim.arpTable(d('PC1')).find((e) => e.ip === ip('10.0.0.99'))).toBeUndefined();
    const requests = n.sim.trace.events.filter(
      (e) => e.kind === 'arp-request' && e.device === 'PC1' && e.t >= start,
    );
    expect(requests.map((e) => e.t - start)).toEqual([0, seconds(1), seconds(2)]);
  });

  it('clear ip arp forgets an entry and asks the address it had again, unicast', () => {
    const n = lan();
    n.ping('PC1', '10.0.0.1', { count: 1 });
    const before = n.sim.trace.events.length;
    expect(n.sim.refreshArp(d('R1'), ip('10.0.0.10'))).toBe(true);
    expect(n.sim.arpTable(d('R1')).find((e) => e.ip === ip('10.0.0.10'))).toBeUndefined();
    n.run(seconds(0.1));
    const after = n.sim.trace.events.slice(before);
    const request = after.find((e) => e.kind === 'arp-request');
    expect(request).toBeDefined();
    // Only PC1 received it: the switch knew where the old address was.
    expect(after.some((e) => e.kind === 'rx' && e.device === 'PC2')).toBe(false);
    expect(n.sim.arpTable(d('R1')).find((e) => e.ip === ip('10.0.0.10'))?.mac).toBe(macOf(n, 'PC1'));
    expect(n.sim.refreshArp(d('R1'), ip('10.0.0.77'))).toBe(false);
  });

  it('IOS clear arp-cache asks every neighbour again, unicast, and announces its addresses', () => {
    const n = lan();
    n.ping('R1', '10.0.0.10', { count: 1 });
    n.ping('R1', '10.0.0.20', { count: 1 });
    const wire = arpOn(n, 'L1');
    const r1 = macOf(n, 'R1');
    const learned = () =>
      n.sim
        .arpTable(d('R1'))
        .filter((e) => !e.own)
        .map((e) => e.ip);
    n.sim.clearArpCache(d('R1'));
    expect(learned()).toEqual([]);
    n.run(seconds(0.1));
    // A request to each, from the interface's address to the MAC address it had (which it names
    // as the target's), then one gratuitous reply for Gi0/0 (Gi0/1, with no cable, sends nothing).
    expect(
      wire.map((s) => [s.to, s.arp.op, s.arp.senderMac, s.arp.senderIp, s.arp.targetMac, s.arp.targetIp]),
    ).toEqual([
      [macOf(n, 'PC1'), 1, r1, ip('10.0.0.1'), macOf(n, 'PC1'), ip('10.0.0.10')],
      [macOf(n, 'PC2'), 1, r1, ip('10.0.0.1'), macOf(n, 'PC2'), ip('10.0.0.20')],
      [BROADCAST, 2, r1, ip('10.0.0.1'), BROADCAST, ip('10.0.0.1')],
      // The answers, which bring the entries back.
      [r1, 2, macOf(n, 'PC1'), ip('10.0.0.10'), r1, ip('10.0.0.1')],
      [r1, 2, macOf(n, 'PC2'), ip('10.0.0.20'), r1, ip('10.0.0.1')],
    ]);
    expect(learned()).toEqual([ip('10.0.0.10'), ip('10.0.0.20')]);
  });

  it('IOS clear arp-cache ADDRESS or interface NAME clears only that', () => {
    const n = lan();
    n.ping('R1', '10.0.0.10', { count: 1 });
    n.ping('R1', '10.0.0.20', { count: 1 });
    const updated = (a: string) => n.sim.arpTable(d('R1')).find((e) => e.ip === ip(a))?.updatedAt;
    const before = updated('10.0.0.20');
    const wire = arpOn(n, 'L1');
    n.sim.clearArpCache(d('R1'), { ip: ip('10.0.0.10') });
    expect(updated('10.0.0.10')).toBeUndefined();
    n.run(seconds(0.1));
    expect(wire.map((s) => [s.arp.op, s.arp.targetIp])).toEqual([
      [1, ip('10.0.0.10')],
      [2, ip('10.0.0.1')],
      [2, ip('10.0.0.1')],
    ]);
    expect(updated('10.0.0.10')).toBeGreaterThan(before!);
    expect(updated('10.0.0.20')).toBe(before);
    // An address it has no entry for, or another interface: nothing happens.
    n.sim.clearArpCache(d('R1'), { ip: ip('10.0.0.99') });
    n.sim.clearArpCache(d('R1'), { iface: 'GigabitEthernet0/1' });
    n.run(seconds(0.1));
    expect(wire).toHaveLength(3);
    expect(updated('10.0.0.20')).toBe(before);
    n.sim.clearArpCache(d('R1'), { iface: 'GigabitEthernet0/0' });
    n.run(seconds(0.1));
    expect(wire).toHaveLength(8);
    expect(updated('10.0.0.20')).toBeGreaterThan(before!);
  });

  it("arp -d * empties a PC's table", () => {
    const n = lan();
    n.ping('PC1', '10.0.0.1', { count: 1 });
    n.sim.clearArp(d('PC1'));
    n.run(seconds(1));
    expect(n.sim.arpTable(d('PC1'))).toEqual([]);
  });

  it('arp -d forgets one entry, and the next packet resolves it again', () => {
    const n = lan();
    n.ping('PC1', '10.0.0.1', { count: 1 });
    expect(n.sim.deleteArp(d('PC1'), ip('10.0.0.1'))).toBe(true);
    expect(n.sim.deleteArp(d('PC1'), ip('10.0.0.1'))).toBe(false);
    expect(n.sim.arpTable(d('PC1'))).toEqual([]);
    const requests = () =>
      n.sim.trace.events.filter((e) => e.kind === 'arp-request' && e.device === 'PC1').length;
    const before = requests();
    expect(n.ping('PC1', '10.0.0.1', { count: 1 }).results[0]!.outcome.kind).toBe('reply');
    expect(requests()).toBe(before + 1);
    expect(n.sim.arpTable(d('PC1')).map((e) => e.ip)).toEqual([ip('10.0.0.1')]);
  });
});

describe('ARP aging', () => {
  it('IOS removes an entry exactly 4 hours after it was last refreshed', () => {
    const n = lan();
    n.ping('PC1', '10.0.0.1', { count: 1 });
    const entry = n.sim.arpTable(d('R1')).find((e) => e.ip === ip('10.0.0.10'))!;
    n.sim.runUntil((entry.updatedAt + seconds(4 * 3600) - 1) as Micros);
    expect(n.sim.arpTable(d('R1')).some((e) => e.ip === ip('10.0.0.10'))).toBe(true);
    n.sim.runUntil((entry.updatedAt + seconds(4 * 3600)) as Micros);
    expect(n.sim.arpTable(d('R1')).some((e) => e.ip === ip('10.0.0.10'))).toBe(false);
    // The next packet for PC1 is the one that starts resolution again: IOS drops it.
    expect(marks(n.ping('R1', '10.0.0.10'))).toBe('.!!!!');
  });

  it('Windows keeps a stale entry listed and probes it (unicast) before using it again', () => {
    const n = lan();
    n.ping('PC1', '10.0.0.20', { count: 1 });
    n.run(seconds(60));
    expect(n.sim.arpTable(d('PC1')).map((e) => e.ip)).toEqual([ip('10.0.0.20')]);
    const requests: number[] = [];
    n.sim.onWire((_t, link, f) => {
      if (link === 'L2' && f.payload.proto === 'arp' && f.payload.op === 1) requests.push(f.dst);
    });
    expect(marks(n.ping('PC1', '10.0.0.20', { count: 1 }))).toBe('!');
    expect(requests).toEqual([macOf(n, 'PC2')]);
  });

  it('Windows drops a stale entry whose neighbour no longer answers', () => {
    const n = lan();
    n.ping('PC1', '10.0.0.20', { count: 1 });
    n.run(seconds(60));
    n.sim.disconnect('L3' as never);
    n.sim.ping(d('PC1'), ip('10.0.0.20'), { count: 1, timeout: seconds(4), size: 32 });
    n.run(seconds(2));
    expect(n.sim.arpTable(d('PC1')).some((e) => e.ip === ip('10.0.0.20'))).toBe(true);
    n.run(seconds(2));
    expect(n.sim.arpTable(d('PC1')).some((e) => e.ip === ip('10.0.0.20'))).toBe(false);
  });
});

describe('ARP resolution queues', () => {
  it('Windows holds up to three packets per unresolved neighbour and drops the rest', () => {
    const n = lan();
    const jobs = [1, 2, 3, 4].map(() =>
      n.sim.ping(d('PC1'), ip('10.0.0.20'), { count: 1, timeout: seconds(4), size: 32 }),
    );
    for (const j of jobs) n.finish(j);
    expect(jobs.map((j) => marks(j)).join('')).toBe('!!!.');
    const reasons = n.sim.trace.events.flatMap((e) =>
      e.kind === 'drop' && e.device === 'PC1' ? [e.reason] : [],
    );
    expect(reasons).toContain('arp-queue-full');
  });

  it('IOS drops the packet that starts resolution (first ping through a router loses exactly one echo)', () => {
    const n = lan();
    n.pc('PC3', '10.1.0.10/24', '10.1.0.1');
    n.link('PC3:fa0', 'R1:g0/1');
    n.settle();
    const before = n.sim.trace.events.length;
    const job = n.ping('PC1', '10.1.0.10');
    expect(marks(job)).toBe('.!!!');
    const drops = n.sim.trace.events.slice(before).filter((e) => e.kind === 'drop' && e.device === 'R1');
    expect(drops.map((e) => e.kind === 'drop' && e.reason)).toEqual(['arp-incomplete']);
  });
});

describe('ARP queue length as a parameter', () => {
  it('a router that holds one packet while resolving loses no echo', () => {
    const n = new TestNet({ seed: 7, arpQueueLength: { ios: 1 } });
    n.router('R1', { interfaces: { 'g0/0': { ip: '10.0.0.1/24' }, 'g0/1': { ip: '10.1.0.1/24' } } });
    n.pc('PC1', '10.0.0.10/24', '10.0.0.1').pc('PC3', '10.1.0.10/24', '10.1.0.1');
    n.link('PC1:fa0', 'R1:g0/0');
    n.link('PC3:fa0', 'R1:g0/1');
    expect(marks(n.ping('PC1', '10.1.0.10'))).toBe('!!!!');
  });
});

describe('configuration changes flush ARP', () => {
  it('shutting an interface removes its entries; changing the address does too', () => {
    const n = lan();
    n.ping('PC1', '10.0.0.1', { count: 1 });
    expect(n.sim.arpTable(d('R1')).filter((e) => !e.own)).toHaveLength(1);
    n.reconfigure('R1', {
      interfaces: { 'g0/0': { ip: '10.0.0.1/24', shutdown: true }, 'g0/1': { ip: '10.1.0.1/24' } },
    });
    expect(n.sim.arpTable(d('R1'))).toEqual([]);
    n.reconfigure('R1', { interfaces: { 'g0/0': { ip: '10.0.0.1/24' }, 'g0/1': { ip: '10.1.0.1/24' } } });
    n.ping('PC1', '10.0.0.1', { count: 1 });
    expect(n.sim.arpTable(d('R1')).filter((e) => !e.own)).toHaveLength(1);
    n.reconfigure('R1', { interfaces: { 'g0/0': { ip: '10.0.0.2/24' }, 'g0/1': { ip: '10.1.0.1/24' } } });
    expect(n.sim.arpTable(d('R1')).map((e) => [e.ip, e.own])).toEqual([[ip('10.0.0.2'), true]]);
  });

  it('an IOS interface given another address asks its neighbours again, from the new one', () => {
    const n = lan();
    n.ping('R1', '10.0.0.10', { count: 1 });
    const wire = arpOn(n, 'L1');
    const r1 = macOf(n, 'R1');
    n.reconfigure('R1', { interfaces: { 'g0/0': { ip: '10.0.0.2/24' }, 'g0/1': { ip: '10.1.0.1/24' } } });
    expect(n.sim.arpTable(d('R1')).filter((e) => !e.own)).toEqual([]);
    n.run(seconds(0.1));
    expect(wire.map((s) => [s.to, s.arp.op, s.arp.senderIp, s.arp.targetMac, s.arp.targetIp])).toEqual([
      [macOf(n, 'PC1'), 1, ip('10.0.0.2'), macOf(n, 'PC1'), ip('10.0.0.10')],
      [BROADCAST, 2, ip('10.0.0.2'), BROADCAST, ip('10.0.0.2')],
      [r1, 2, ip('10.0.0.10'), r1, ip('10.0.0.2')],
    ]);
    expect(n.sim.arpTable(d('R1')).map((e) => [e.ip, e.mac])).toEqual([
      [ip('10.0.0.2'), r1],
      [ip('10.0.0.10'), macOf(n, 'PC1')],
    ]);
  });

  it('a PC that changes address forgets its neighbours', () => {
    const n = lan();
    n.ping('PC1', '10.0.0.20', { count: 1 });
    n.host('PC1', '10.0.0.11/24', '10.0.0.1');
    expect(n.sim.arpTable(d('PC1'))).toEqual([]);
  });
});

describe('configured ARP', () => {
  /** R1's configuration of `lan()` with `extra` on top. */
  const configure = (n: TestNet, extra: Partial<DeviceConfig>, g00: IfSpec = {}) =>
    n.sim.configure(d('R1'), {
      ...n.config('R1', {
        interfaces: { 'g0/0': { ip: '10.0.0.1/24', ...g00 }, 'g0/1': { ip: '10.1.0.1/24' } },
      }),
      ...extra,
    });

  it('a static entry is used without asking, kept for good, and neither ARP nor clearing the cache changes it', () => {
    const n = lan();
    configure(n, { staticArps: [{ ip: ip('10.0.0.10'), mac: macOf(n, 'PC1') }] });
    const wire = arpOn(n, 'L1');
    // No resolution, so no first echo lost.
    expect(marks(n.ping('R1', '10.0.0.10'))).toBe('!!!!!');
    expect(wire.filter((s) => s.arp.op === 1 && s.arp.senderIp === ip('10.0.0.1'))).toEqual([]);
    expect(n.sim.arpTable(d('R1')).find((e) => e.ip === ip('10.0.0.10'))).toMatchObject({
      mac: macOf(n, 'PC1'),
      static: true,
    });
    // Pointed at PC2's address, it sends PC1's echoes there, whatever PC1 says in ARP.
    configure(n, { staticArps: [{ ip: ip('10.0.0.10'), mac: macOf(n, 'PC2') }] });
    expect(marks(n.ping('PC1', '10.0.0.1', { count: 2 }))).toBe('..');
    n.sim.clearArpCache(d('R1'));
    n.run(seconds(5 * 3600));
    expect(n.sim.arpTable(d('R1')).find((e) => e.ip === ip('10.0.0.10'))?.mac).toBe(macOf(n, 'PC2'));
    // Removed, the address is learned again.
    configure(n, {});
    expect(marks(n.ping('R1', '10.0.0.10'))).toBe('.!!!!');
  });

  it('arp -s on a PC: used without asking, kept through ARP and aging, gone with arp -d or a restart', () => {
    const n = lan();
    const pc1 = d('PC1');
    const gateway = ip('10.0.0.1');
    // Pointed at PC2 rather than the router: echoes to the gateway go to PC2, which drops them.
    n.sim.addStaticArp(pc1, gateway, macOf(n, 'PC2'));
    const wire = arpOn(n, 'L2');
    expect(marks(n.ping('PC1', '10.0.0.1', { count: 2 }))).toBe('..');
    expect(wire.filter((s) => s.arp.op === 1 && s.arp.targetIp === gateway)).toEqual([]);
    // The router's own ARP for PC1 does not change it, nor does time.
    n.ping('R1', '10.0.0.10', { count: 1 });
    n.run(seconds(600));
    expect(n.sim.arpTable(pc1).find((e) => e.ip === gateway)).toMatchObject({
      mac: macOf(n, 'PC2'),
      static: true,
    });
    // Pointed right, every echo answers from the first, still without a request.
    n.sim.addStaticArp(pc1, gateway, macOf(n, 'R1'));
    expect(marks(n.ping('PC1', '10.0.0.1'))).toBe('!!!!');
    expect(wire.filter((s) => s.arp.op === 1 && s.arp.targetIp === gateway)).toEqual([]);
    // arp -d removes a static entry as it does a learned one; arp -d * and a restart too.
    expect(n.sim.deleteArp(pc1, gateway)).toBe(true);
    expect(n.sim.arpTable(pc1).find((e) => e.ip === gateway)).toBeUndefined();
    n.sim.addStaticArp(pc1, gateway, macOf(n, 'R1'));
    n.sim.clearArp(pc1);
    expect(n.sim.arpTable(pc1)).toEqual([]);
    n.sim.addStaticArp(pc1, gateway, macOf(n, 'R1'));
    n.sim.reload(pc1);
    expect(n.sim.arpTable(pc1).find((e) => e.static)).toBeUndefined();
    expect(() => n.sim.addStaticArp(d('R1'), gateway, macOf(n, 'PC1'))).toThrow(/configuration/);
  });

  it('`arp timeout 60` on an interface ages its entries out after a minute; 0 never does', () => {
    const n = lan();
    configure(n, {}, { arpTimeout: 60 });
    n.ping('R1', '10.0.0.10', { count: 2 });
    const learned = () =>
      n.sim
        .arpTable(d('R1'))
        .filter((e) => !e.own)
        .map((e) => e.ip);
    expect(learned()).toEqual([ip('10.0.0.10')]);
    n.run(seconds(60));
    expect(learned()).toEqual([]);
    configure(n, {}, { arpTimeout: 0 });
    n.ping('R1', '10.0.0.10', { count: 2 });
    n.run(seconds(5 * 3600));
    expect(learned()).toEqual([ip('10.0.0.10')]);
  });
});
