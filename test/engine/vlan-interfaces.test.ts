/**
 * What a router's `show vlans` reads: the interfaces that carry VLANs, the port under the
 * subinterfaces as VLAN 1, and each one's own traffic with the ARP frames it sent.
 */
import { describe, expect, it } from 'vitest';
import type { VlanInterfaceStatus } from '../../src/engine/api.ts';
import { deviceId } from '../../src/shared/ids.ts';
import { seconds } from '../../src/shared/time.ts';
import { TestNet, trunkLan } from './net.ts';

const d = deviceId;

const vlans = (n: TestNet): readonly VlanInterfaceStatus[] => n.sim.vlanInterfaces(d('R1'));

const one = (n: TestNet, name: string): VlanInterfaceStatus => {
  const v = vlans(n).find((i) => i.name === name);
  if (v === undefined) throw new Error(`R1 does not list ${name}`);
  return v;
};

/** Counters of `rx` frames and `rxBytes` bytes in, `tx` and `txBytes` out. */
const counted = (rx: number, rxBytes: number, tx: number, txBytes: number) => ({
  rxFrames: rx,
  rxBytes,
  txFrames: tx,
  txBytes,
});

describe('the interfaces a router carries VLANs on', () => {
  it('are its subinterfaces with a VLAN, and the port under them as VLAN 1, by VLAN', () => {
    const n = new TestNet();
    n.router('R1', {
      interfaces: {
        'g0/0': {},
        'g0/0.30': { dot1q: 30, ip: '10.3.0.1/24' },
        'g0/0.10': { dot1q: 10, ip: '10.0.0.1/24' },
        // No VLAN yet: it carries nothing.
        'g0/0.50': {},
        'g0/1': { ip: '10.1.0.1/24' },
      },
    });
    n.settle();
    expect(vlans(n).map((v) => [v.vlan, v.name, v.port, v.native, v.ip?.len])).toEqual([
      [1, 'GigabitEthernet0/0', 'GigabitEthernet0/0', true, undefined],
      [10, 'GigabitEthernet0/0.10', 'GigabitEthernet0/0', false, 24],
      [30, 'GigabitEthernet0/0.30', 'GigabitEthernet0/0', false, 24],
    ]);
  });

  it('name a native subinterface as the native VLAN’s, and the port no longer', () => {
    const n = new TestNet();
    n.router('R1', {
      interfaces: { 'g0/0': {}, 'g0/0.99': { dot1q: '99 native' }, 'g0/0.10': { dot1q: 10 } },
    });
    n.settle();
    expect(vlans(n).map((v) => [v.vlan, v.native])).toEqual([
      [1, false],
      [10, false],
      [99, true],
    ]);
  });

  it('are none on a router without subinterfaces, and on other devices', () => {
    const n = new TestNet();
    n.router('R1', { interfaces: { 'g0/0': { ip: '10.0.0.1/24' } } }).switch('S1');
    n.settle();
    expect(vlans(n)).toEqual([]);
    expect(n.sim.vlanInterfaces(d('S1'))).toEqual([]);
  });
});

describe('their traffic', () => {
  it('is each one’s own frames, the ARP it sent counted apart', () => {
    const n = trunkLan().settle();
    n.ping('PC1', '10.1.0.10', { count: 1 });
    n.run(seconds(5));
    n.sim.clearCounters(d('R1'));
    n.sim.clearArp(d('R1'));
    const job = n.ping('PC1', '10.1.0.10', { count: 3 });
    // The router's ARP requests cost the first echo (for PC2) and the second one's reply (for
    // PC1), as on IOS.
    expect(job.results.map((r) => r.outcome.kind)).toEqual(['timeout', 'timeout', 'reply']);
    // In: three echoes (78 bytes with their tag) and PC1's ARP reply (60, its padding taking
    // the tag). Out: the ARP request for PC1 (60) and the one reply.
    expect(one(n, 'GigabitEthernet0/0.10')).toMatchObject({
      counters: counted(4, 294, 2, 138),
      arpOut: 1,
    });
    // Nothing untagged crossed the port; its own counters count all of it.
    expect(one(n, 'GigabitEthernet0/0').counters).toMatchObject(counted(0, 0, 0, 0));
    const port = n.sim.interfaces(d('R1')).find((v) => v.name === 'GigabitEthernet0/0')!;
    expect(port.counters).toMatchObject(counted(4, 294, 2, 138));
  });

  it('on the port itself is its untagged frames, cleared with the port', () => {
    const n = trunkLan();
    n.reconfigure('R1', {
      interfaces: {
        'g0/0': { ip: '10.9.0.1/24' },
        'g0/0.10': { dot1q: 10, ip: '10.0.0.1/24' },
        'g0/1': { ip: '10.1.0.1/24' },
      },
    });
    n.reconfigure('S1', {
      vlans: [10],
      ports: { 'fa0/1': { mode: 'access', access: 10 }, 'g0/1': { mode: 'trunk' } },
      svis: { 1: '10.9.0.2/24', 10: '10.0.0.254/24' },
    });
    n.settle();
    n.sim.clearCounters(d('R1'));
    const job = n.ping('S1', '10.9.0.1', { count: 2 });
    expect(job.results.map((r) => r.outcome.kind)).toEqual(['timeout', 'reply']);
    // In: the switch's ARP request (60 bytes) and its second echo (114); out: the router's ARP
    // reply and its echo reply.
    expect(one(n, 'GigabitEthernet0/0')).toMatchObject({
      ip: { len: 24 },
      counters: counted(2, 174, 2, 174),
      arpOut: 1,
    });
    expect(one(n, 'GigabitEthernet0/0.10').counters.rxFrames).toBe(0);
    n.sim.clearCounters(d('R1'), 'GigabitEthernet0/0');
    expect(one(n, 'GigabitEthernet0/0')).toMatchObject({ counters: counted(0, 0, 0, 0), arpOut: 0 });
  });

  it('counts from a clearing of the subinterface alone, its ARP included', () => {
    const n = trunkLan().settle();
    n.ping('PC1', '10.1.0.10', { count: 1 });
    expect(one(n, 'GigabitEthernet0/0.10').arpOut).toBeGreaterThan(0);
    n.sim.clearCounters(d('R1'), 'GigabitEthernet0/0.10');
    expect(one(n, 'GigabitEthernet0/0.10')).toMatchObject({ counters: counted(0, 0, 0, 0), arpOut: 0 });
  });
});
