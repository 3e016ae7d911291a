/**
 * What `mac address-table aging-time` and `mac address-table static` change in a switch's
 * forwarding (Catalyst 2960 configuration guide, "Managing the MAC Address Table").
 */
import { describe, expect, it } from 'vitest';
import type { DeviceConfig } from '../../src/shared/config.ts';
import { deviceId } from '../../src/shared/ids.ts';
import type { MacAddr } from '../../src/shared/mac.ts';
import { seconds } from '../../src/shared/time.ts';
import { marks, TestNet } from './net.ts';

const d = deviceId;

/** PC1, PC2 and PC3 on S1's Fa0/1, Fa0/2 and Fa0/3, all in VLAN 1. */
function lan(): TestNet {
  const n = new TestNet().switch('S1');
  n.pc('PC1', '10.0.0.1/24').pc('PC2', '10.0.0.2/24').pc('PC3', '10.0.0.3/24');
  n.link('PC1:fa0', 'S1:fa0/1');
  n.link('PC2:fa0', 'S1:fa0/2');
  n.link('PC3:fa0', 'S1:fa0/3');
  return n.settle();
}

const set = (n: TestNet, extra: Partial<DeviceConfig>) =>
  n.sim.configure(d('S1'), { ...n.config('S1', {}), ...extra });
const macOf = (n: TestNet, dev: string): MacAddr => n.sim.interfaces(d(dev))[0]!.mac;
const table = (n: TestNet) =>
  n.sim
    .macTable(d('S1'))
    .map((e) => `${e.vlan} ${e.type} ${e.drop ? 'Drop' : (e.ports ?? [e.port]).join(',')}`);

/** Every frame the engine puts on each cable from now on, by the PC at its end. */
function received(n: TestNet): Map<string, number> {
  const seen = new Map<string, number>();
  const byLink = new Map([
    ['L1', 'PC1'],
    ['L2', 'PC2'],
    ['L3', 'PC3'],
  ]);
  n.sim.onWire((_t, link, f) => {
    const pc = byLink.get(link);
    if (pc !== undefined && f.src !== macOf(n, pc)) seen.set(pc, (seen.get(pc) ?? 0) + 1);
  });
  return seen;
}

describe('MAC address table aging time', () => {
  it('`aging-time 10` forgets an address 10 s after its last frame; 0 never does; a VLAN may have its own', () => {
    const n = lan();
    set(n, { macAgingTime: 10 });
    // What the PCs' announcements taught it goes first.
    n.run(seconds(10));
    expect(n.sim.macTable(d('S1'))).toHaveLength(0);
    n.ping('PC1', '10.0.0.2', { count: 1 });
    expect(n.sim.macTable(d('S1'))).toHaveLength(2);
    n.run(seconds(10));
    expect(n.sim.macTable(d('S1'))).toHaveLength(0);
    set(n, { macAgingTime: 10, vlanMacAging: [{ vlan: 1, seconds: 0 }] });
    n.ping('PC1', '10.0.0.2', { count: 1 });
    n.run(seconds(3600));
    expect(n.sim.macTable(d('S1'))).toHaveLength(2);
    // Back to the default: what was learned an hour ago is long gone.
    set(n, {});
    expect(n.sim.macTable(d('S1'))).toHaveLength(0);
  });
});

describe('static MAC address entries', () => {
  it('send frames for the address to its port only, and the switch never learns it elsewhere', () => {
    const n = lan();
    const pc2 = macOf(n, 'PC2');
    // PC2's address, pinned to Fa0/3: frames for it go there, not to PC2.
    set(n, { staticMacs: [{ mac: pc2, vlan: 1, interfaces: ['FastEthernet0/3'] }] });
    expect(table(n)).toContain('1 STATIC FastEthernet0/3');
    expect(table(n).filter((r) => r.includes('FastEthernet0/2'))).toEqual([]);
    const seen = received(n);
    // PC1 asks for PC2 by broadcast (flooded), PC2 answers from Fa0/2, which teaches S1 nothing,
    // and PC1's echoes go to Fa0/3.
    expect(marks(n.ping('PC1', '10.0.0.2', { count: 2 }))).toBe('..');
    expect(table(n).filter((r) => r.includes('FastEthernet0/2'))).toEqual([]);
    expect(seen.get('PC3')).toBeGreaterThan(seen.get('PC2') ?? 0);
    // Pinned where PC2 is, it works.
    set(n, { staticMacs: [{ mac: pc2, vlan: 1, interfaces: ['FastEthernet0/2'] }] });
    expect(marks(n.ping('PC1', '10.0.0.2', { count: 2 }))).toBe('!!');
    // In another VLAN the entry does nothing for VLAN 1, but the address is still never learned.
    set(n, { staticMacs: [{ mac: pc2, vlan: 20, interfaces: ['FastEthernet0/2'] }] });
    expect(marks(n.ping('PC1', '10.0.0.2', { count: 2 }))).toBe('!!');
    expect(table(n).filter((r) => r.startsWith('1 ') && r.includes('FastEthernet0/2'))).toEqual([]);
  });

  it('`drop` discards frames from and to the address', () => {
    const n = lan();
    n.sim.trace.enabled = true;
    set(n, { staticMacs: [{ mac: macOf(n, 'PC2'), vlan: 1 }] });
    expect(table(n)).toContain('1 STATIC Drop');
    expect(marks(n.ping('PC1', '10.0.0.2', { count: 2 }))).not.toContain('!');
    expect(marks(n.ping('PC2', '10.0.0.3', { count: 2 }))).not.toContain('!');
    const drops = n.sim.trace.events.filter((e) => e.kind === 'drop' && e.reason === 'mac-filter');
    expect(drops.length).toBeGreaterThan(0);
    // PC1 and PC3 are not affected.
    expect(marks(n.ping('PC1', '10.0.0.3'))).toBe('!!!!');
  });
});
