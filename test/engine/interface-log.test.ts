/**
 * Interface state changes as the engine logs them: at the virtual time of the change, in order,
 * read incrementally, none lost however short, bounded per device; and per-device boot times.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { InterfaceChange, InterfaceStatus } from '../../src/engine/api.ts';
import { INTERFACE_LOG_CAPACITY } from '../../src/engine/device/interface-log.ts';
import { deviceId, linkId } from '../../src/shared/ids.ts';
import { seconds } from '../../src/shared/time.ts';
import { marks, TestNet } from './net.ts';

const d = deviceId;

/** A change as "Gi0/0 status up @3s", to compare lists at a glance. */
const show = (c: InterfaceChange): string =>
  `${c.interface} ${c.kind === 'status' ? `status ${c.status}` : `protocol ${c.protocol}`} @${c.at / 1e6}s`;

const all = (n: TestNet, name: string): string[] => n.sim.interfaceChanges(d(name), 0).changes.map(show);

/** R1's Gi0/0 cabled to S1's Gi0/1, R1's port still shut (its factory state). */
function cabled(): TestNet {
  const n = new TestNet();
  n.router('R1', { interfaces: { 'g0/0': { ip: '10.0.0.1/24', shutdown: true } } });
  n.switch('S1');
  n.link('R1:g0/0', 'S1:g0/1');
  return n;
}

describe('interface change log', () => {
  it('logs nothing for the state a device boots in', () => {
    const n = new TestNet();
    n.sim.addDevice(d('R1'), 'router', 'R1');
    n.sim.addDevice(d('S1'), 'switch', 'S1');
    expect(n.sim.interfaceChanges(d('R1'), 0)).toEqual({ changes: [], next: 0, missed: 0 });
    expect(n.sim.interfaceChanges(d('S1'), 0).changes).toEqual([]);
  });

  it('logs both ends of a cable coming up at the time of `no shutdown`', () => {
    const n = cabled();
    n.run(seconds(3));
    const from = { R1: n.sim.interfaceChanges(d('R1'), Infinity).next, S1: 0 };
    n.reconfigure('R1', { interfaces: { 'g0/0': { ip: '10.0.0.1/24' } } });
    expect(n.sim.interfaceChanges(d('R1'), from.R1).changes.map(show)).toEqual([
      'GigabitEthernet0/0 status up @3s',
      'GigabitEthernet0/0 protocol up @3s',
    ]);
    expect(all(n, 'S1').slice(-2)).toEqual([
      'GigabitEthernet0/1 status up @3s',
      'GigabitEthernet0/1 protocol up @3s',
    ]);
    const g00 = n.sim.interfaces(d('R1')).find((s) => s.name === 'GigabitEthernet0/0')!;
    expect(g00.lastChange).toBe(seconds(3));
  });

  it('says administratively down for `shutdown`, and the peer goes down', () => {
    const n = cabled();
    n.reconfigure('R1', { interfaces: { 'g0/0': { ip: '10.0.0.1/24' } } });
    n.run(seconds(2));
    n.reconfigure('R1', { interfaces: { 'g0/0': { ip: '10.0.0.1/24', shutdown: true } } });
    expect(all(n, 'R1').slice(-2)).toEqual([
      'GigabitEthernet0/0 status administratively down @2s',
      'GigabitEthernet0/0 protocol down @2s',
    ]);
    expect(all(n, 'S1').slice(-2)).toEqual([
      'GigabitEthernet0/1 status down @2s',
      'GigabitEthernet0/1 protocol down @2s',
    ]);
  });

  it('is read incrementally, and a link down and up between two reads is all there', () => {
    const n = new TestNet();
    n.pc('PC1', '10.0.0.1/24').pc('PC2', '10.0.0.2/24');
    const link = n.link('PC1:fa0', 'PC2:fa0');
    const first = n.sim.interfaceChanges(d('PC1'), 0);
    expect(first.changes.map(show)).toEqual(['FastEthernet0 status up @0s', 'FastEthernet0 protocol up @0s']);
    expect(n.sim.interfaceChanges(d('PC1'), first.next)).toEqual({ changes: [], next: 2, missed: 0 });
    n.run(seconds(1));
    n.sim.setLinkUp(linkId(link), false);
    n.run(seconds(0.25));
    n.sim.setLinkUp(linkId(link), true);
    const next = n.sim.interfaceChanges(d('PC1'), first.next);
    expect(next.changes.map((c) => [c.seq, show(c)])).toEqual([
      [2, 'FastEthernet0 status down @1s'],
      [3, 'FastEthernet0 protocol down @1s'],
      [4, 'FastEthernet0 status up @1.25s'],
      [5, 'FastEthernet0 protocol up @1.25s'],
    ]);
    expect(next.next).toBe(6);
    // The engine changes both at once, so a frame right after the line came back goes through.
    expect(marks(n.ping('PC1', '10.0.0.2', { count: 1 }))).toBe('!');
  });

  it('reports a loopback and an SVI as IOS does when they are created, and SVI autostate', () => {
    const n = cabled();
    n.reconfigure('R1', {
      interfaces: { 'g0/0': { ip: '10.0.0.1/24' }, 'g0/0.10': { dot1q: 10 }, lo0: { ip: '1.1.1.1/32' } },
    });
    expect(all(n, 'R1')).toEqual([
      'GigabitEthernet0/0 status up @0s',
      'GigabitEthernet0/0 protocol up @0s',
      // A new loopback is born up: only its line protocol changes (IOS prints only %LINEPROTO).
      'Loopback0 protocol up @0s',
    ]);
    n.run(seconds(1));
    n.reconfigure('S1', { vlans: [10], svis: { 10: '10.0.10.2/24' } });
    // VLAN 10 has no port up yet: the SVI is up, its line protocol down, and only that is
    // reported, as a 2960 reports a new SVI.
    expect(all(n, 'S1').slice(-1)).toEqual(['Vlan10 protocol down @1s']);
    expect(all(n, 'S1').filter((c) => c.startsWith('Vlan10 status'))).toEqual([]);
    n.run(seconds(1));
    n.reconfigure('S1', { vlans: [10], svis: { 10: '10.0.10.2/24' }, ports: { 'g0/1': { access: 10 } } });
    expect(all(n, 'S1').slice(-1)).toEqual(['Vlan10 protocol up @2s']);
    const vlan10 = n.sim.interfaces(d('S1')).find((s) => s.name === 'Vlan10')!;
    expect(vlan10).toMatchObject({ status: 'up', protocol: 'up', lastChange: seconds(2) });
  });

  it('reports a subinterface only for its own shutdown, not when created or following its parent', () => {
    const n = cabled();
    const sub = (shutdown: boolean, parentShut: boolean) =>
      n.reconfigure('R1', {
        interfaces: { 'g0/0': { shutdown: parentShut }, 'g0/0.10': { dot1q: 10, shutdown } },
      });
    sub(false, false);
    const created = n.sim.interfaces(d('R1')).find((s) => s.name === 'GigabitEthernet0/0.10')!;
    expect(created).toMatchObject({ status: 'up', protocol: 'up' });
    n.run(seconds(1));
    sub(false, true);
    n.run(seconds(1));
    sub(false, false);
    n.run(seconds(1));
    sub(true, false);
    n.run(seconds(1));
    sub(false, false);
    expect(all(n, 'R1').filter((c) => c.includes('.10'))).toEqual([
      'GigabitEthernet0/0.10 status administratively down @3s',
      'GigabitEthernet0/0.10 protocol down @3s',
      'GigabitEthernet0/0.10 status up @4s',
      'GigabitEthernet0/0.10 protocol up @4s',
    ]);
    // Following its parent still dates its state.
    expect(n.sim.interfaces(d('R1')).find((s) => s.name === 'GigabitEthernet0/0.10')!.lastChange).toBe(
      seconds(4),
    );
  });

  it('shows a new subinterface up with its parent before it has a VLAN', () => {
    const n = cabled();
    n.reconfigure('R1', { interfaces: { 'g0/0': {}, 'g0/0.10': {} } });
    const sub = n.sim.interfaces(d('R1')).find((s) => s.name === 'GigabitEthernet0/0.10')!;
    expect(sub).toMatchObject({ status: 'up', protocol: 'up' });
  });

  it('keeps the latest changes of a device, and tells a late reader how many it missed', () => {
    const n = new TestNet();
    n.pc('PC1').pc('PC2');
    const link = linkId(n.link('PC1:fa0', 'PC2:fa0'));
    const flaps = INTERFACE_LOG_CAPACITY;
    for (let i = 0; i < flaps; i++) {
      n.run(seconds(1));
      n.sim.setLinkUp(link, false);
      n.sim.setLinkUp(link, true);
    }
    const total = 2 + 4 * flaps;
    const read = n.sim.interfaceChanges(d('PC1'), 0);
    expect(read.next).toBe(total);
    expect(read.missed).toBe(total - INTERFACE_LOG_CAPACITY);
    expect(read.changes).toHaveLength(INTERFACE_LOG_CAPACITY);
    expect(read.changes.map((c) => c.seq)).toEqual(
      Array.from({ length: INTERFACE_LOG_CAPACITY }, (_, i) => total - INTERFACE_LOG_CAPACITY + i),
    );
    expect(show(read.changes.at(-1)!)).toBe(`FastEthernet0 protocol up @${flaps}s`);
    // Reading from the end, or past it, gives nothing and the end.
    expect(n.sim.interfaceChanges(d('PC1'), Infinity)).toEqual({ changes: [], next: total, missed: 0 });
  });

  it('agrees with the interface states, however ports and cables change', () => {
    type Op = { kind: 'shut'; device: 'R1' | 'S1'; shut: boolean } | { kind: 'cable'; up: boolean };
    const op: fc.Arbitrary<Op> = fc.oneof(
      fc.record({
        kind: fc.constant('shut' as const),
        device: fc.constantFrom('R1', 'S1'),
        shut: fc.boolean(),
      }),
      fc.record({ kind: fc.constant('cable' as const), up: fc.boolean() }),
    );
    fc.assert(
      fc.property(fc.array(fc.tuple(op, fc.nat(3)), { maxLength: 30 }), (ops) => {
        const n = new TestNet();
        n.router('R1', { interfaces: { 'g0/0': { ip: '10.0.0.1/24' } } });
        n.switch('S1', { svis: { 1: '10.0.0.2/24' } });
        const link = linkId(n.link('R1:g0/0', 'S1:g0/1'));
        const start = {
          R1: n.sim.interfaceChanges(d('R1'), Infinity).next,
          S1: n.sim.interfaceChanges(d('S1'), Infinity).next,
        };
        const before = { R1: n.sim.interfaces(d('R1')), S1: n.sim.interfaces(d('S1')) };
        const shut = { R1: false, S1: false };
        for (const [o, wait] of ops) {
          n.run(seconds(wait));
          if (o.kind === 'cable') n.sim.setLinkUp(link, o.up);
          else {
            shut[o.device] = o.shut;
            if (o.device === 'R1') {
              n.reconfigure('R1', { interfaces: { 'g0/0': { ip: '10.0.0.1/24', shutdown: o.shut } } });
            } else
              n.reconfigure('S1', { svis: { 1: '10.0.0.2/24' }, ports: { 'g0/1': { shutdown: o.shut } } });
          }
        }
        for (const name of ['R1', 'S1'] as const) {
          const replayed = new Map<string, Pick<InterfaceStatus, 'status' | 'protocol' | 'lastChange'>>(
            before[name].map((s) => [
              s.name,
              { status: s.status, protocol: s.protocol, lastChange: s.lastChange },
            ]),
          );
          const { changes } = n.sim.interfaceChanges(d(name), start[name]);
          for (let i = 1; i < changes.length; i++) {
            expect(changes[i]!.seq).toBe(changes[i - 1]!.seq + 1);
            expect(changes[i]!.at).toBeGreaterThanOrEqual(changes[i - 1]!.at);
          }
          for (const c of changes) {
            const s = replayed.get(c.interface)!;
            replayed.set(c.interface, {
              ...s,
              ...(c.kind === 'status' ? { status: c.status } : { protocol: c.protocol }),
              lastChange: c.at,
            });
          }
          for (const s of n.sim.interfaces(d(name))) {
            expect({ name: s.name, ...replayed.get(s.name) }).toEqual({
              name: s.name,
              status: s.status,
              protocol: s.protocol,
              lastChange: s.lastChange,
            });
          }
        }
      }),
      { numRuns: 50 },
    );
  });
});

describe('boot time', () => {
  it('is when the device was added, and moves to the last reload', () => {
    const n = new TestNet();
    n.pc('PC1', '10.0.0.1/24');
    n.run(seconds(90));
    n.router('R1', { interfaces: { 'g0/0': { ip: '10.0.0.254/24' } } });
    n.link('PC1:fa0', 'R1:g0/0');
    expect(n.sim.bootTime(d('PC1'))).toBe(0);
    expect(n.sim.bootTime(d('R1'))).toBe(seconds(90));
    expect(marks(n.ping('R1', '10.0.0.1', { count: 2 }))).toBe('.!');
    expect(n.sim.arpTable(d('R1')).filter((e) => !e.own)).toHaveLength(1);
    n.run(seconds(30));
    const at = n.sim.now();
    n.sim.reload(d('R1'));
    expect(n.sim.bootTime(d('R1'))).toBe(at);
    expect(n.sim.bootTime(d('PC1'))).toBe(0);
    // What it learned is gone: the first echo is lost to ARP again.
    expect(n.sim.arpTable(d('R1')).filter((e) => !e.own)).toEqual([]);
    expect(marks(n.ping('R1', '10.0.0.1', { count: 2 }))).toBe('.!');
  });
});

describe('power', () => {
  /** PC1 and PC2 on S1. */
  function lan(): TestNet {
    const n = new TestNet();
    n.pc('PC1', '10.0.0.1/24');
    n.pc('PC2', '10.0.0.2/24');
    n.switch('S1');
    n.link('PC1:fa0', 'S1:fa0/1');
    n.link('PC2:fa0', 'S1:fa0/2');
    return n;
  }

  it('takes a device off the wire while it boots: its neighbours log its lines down, then up', () => {
    const n = lan();
    n.run(seconds(5));
    expect(marks(n.ping('PC1', '10.0.0.2', { count: 2 }))).toBe('!!');
    expect(n.sim.macTable(d('S1'))).toHaveLength(2);
    const off = n.sim.now() / 1e6;
    n.sim.powerOff(d('S1'));
    expect(n.sim.interfaces(d('PC1'))[0]?.status).toBe('down');
    // PC1's cable has no carrier: Windows fails to send ("General failure").
    expect(marks(n.ping('PC1', '10.0.0.2', { count: 2 }))).toBe('EE');
    n.run(seconds(60));
    const on = n.sim.now();
    n.sim.powerOn(d('S1'));
    expect(n.sim.bootTime(d('S1'))).toBe(on);
    // What it learned before is gone.
    expect(n.sim.macTable(d('S1'))).toEqual([]);
    expect(all(n, 'PC1').slice(-4)).toEqual([
      `FastEthernet0 status down @${off}s`,
      `FastEthernet0 protocol down @${off}s`,
      `FastEthernet0 status up @${on / 1e6}s`,
      `FastEthernet0 protocol up @${on / 1e6}s`,
    ]);
    // The switch logs nothing while off, and its cabled ports coming up when it boots.
    expect(all(n, 'S1').filter((c) => !c.endsWith(' @0s'))).toEqual([
      `FastEthernet0/1 status up @${on / 1e6}s`,
      `FastEthernet0/1 protocol up @${on / 1e6}s`,
      `FastEthernet0/2 status up @${on / 1e6}s`,
      `FastEthernet0/2 protocol up @${on / 1e6}s`,
    ]);
    expect(marks(n.ping('PC1', '10.0.0.2', { count: 2 }))).toBe('!!');
  });
});
