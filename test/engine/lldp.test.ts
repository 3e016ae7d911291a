/**
 * LLDP neighbours: nothing until both ends run `lldp run`; then each hears the other within
 * one 30 s timer, the entry holding 120 s from each advertisement; a port that stops
 * transmitting lets its neighbour's entry age out, one that stops receiving forgets at once,
 * and a line that goes down takes its neighbours with it. PCs do not run LLDP.
 */
import { describe, expect, it } from 'vitest';
import type { DeviceConfig } from '../../src/shared/config.ts';
import { deviceId } from '../../src/shared/ids.ts';
import { seconds } from '../../src/shared/time.ts';
import { ip, routerConfig, switchConfig, TestNet } from './net.ts';

const d = deviceId;

/** `config` with `lldp run`, and its port `port`'s LLDP settings if given. */
function withLldp(
  config: DeviceConfig,
  port?: string,
  settings: Partial<DeviceConfig['interfaces'][string]> = {},
) {
  const interfaces =
    port === undefined
      ? config.interfaces
      : { ...config.interfaces, [port]: { ...config.interfaces[port]!, ...settings } };
  return { ...config, lldpRun: true as const, interfaces };
}

const R1 = () => routerConfig('R1', { interfaces: { 'g0/0': { ip: '10.0.0.1/24' } } });
const S1 = () => switchConfig('S1', { svis: { 1: '10.0.0.2/24' } });

/** R1 Gi0/0 to S1 Gi0/1, a PC on S1's Fa0/1. */
function net(): TestNet {
  const n = new TestNet();
  n.router('R1', { interfaces: { 'g0/0': { ip: '10.0.0.1/24' } } });
  n.switch('S1', { svis: { 1: '10.0.0.2/24' } });
  n.pc('PC1', '10.0.0.10/24');
  n.link('R1:g0/0', 'S1:g0/1');
  n.link('PC1:fa0', 'S1:fa0/1');
  n.run(seconds(5));
  return n;
}

const heard = (n: TestNet, name: string) =>
  n.sim.lldpNeighbors(d(name)).map((e) => `${e.port} ${e.hostname} ${e.peerPort} ${e.remaining}`);

describe('LLDP neighbours', () => {
  it('are heard only once both ends run LLDP, within one advertisement interval', () => {
    const n = net();
    expect(heard(n, 'R1')).toEqual([]);
    n.sim.configure(d('R1'), withLldp(R1()));
    n.run(seconds(40));
    // S1 does not run it yet: it neither sends nor listens.
    expect(heard(n, 'R1')).toEqual([]);
    expect(heard(n, 'S1')).toEqual([]);
    n.sim.configure(d('S1'), withLldp(S1()));
    // S1 advertises at once (at 45 s); R1, transmitting since 5 s, at 65 s, every 30 s since.
    n.run(seconds(1));
    expect(heard(n, 'R1')).toEqual(['GigabitEthernet0/0 S1 GigabitEthernet0/1 119']);
    expect(heard(n, 'S1')).toEqual([]);
    n.run(seconds(30));
    expect(heard(n, 'S1')).toEqual(['GigabitEthernet0/1 R1 GigabitEthernet0/0 109']);
    expect(n.sim.lldpNeighbors(d('PC1'))).toEqual([]);
  });

  it('carry the management address, the chassis MAC, the port description and a switch port VLAN', () => {
    const n = net();
    n.sim.configure(d('R1'), withLldp(R1()));
    n.sim.configure(d('S1'), withLldp(S1(), 'GigabitEthernet0/1', { description: 'To R1' }));
    n.run(seconds(31));
    const fromS1 = n.sim.lldpNeighbors(d('R1'))[0]!;
    expect(fromS1.portDescription).toBe('To R1');
    expect(n.sim.lldpNeighbors(d('S1'))[0]!.portDescription).toBe('GigabitEthernet0/0');
    expect(fromS1.address).toBe(ip('10.0.0.2'));
    expect(fromS1.vlan).toBe(1);
    expect(fromS1.chassisId).toBe(n.sim.baseMac(d('S1')));
    const fromR1 = n.sim.lldpNeighbors(d('S1'))[0]!;
    expect(fromR1.address).toBe(ip('10.0.0.1'));
    expect(fromR1.vlan).toBeUndefined();
  });

  it('age out 120 s after the last advertisement of a port that stops transmitting', () => {
    const n = net();
    n.sim.configure(d('R1'), withLldp(R1()));
    n.sim.configure(d('S1'), withLldp(S1()));
    n.run(seconds(31));
    n.sim.configure(d('S1'), withLldp(S1(), 'GigabitEthernet0/1', { lldpTransmit: false }));
    n.run(seconds(60));
    expect(heard(n, 'R1')).toHaveLength(1);
    n.run(seconds(61));
    expect(heard(n, 'R1')).toEqual([]);
    // S1 still receives R1's advertisements.
    expect(heard(n, 'S1')).toHaveLength(1);
  });

  it('are forgotten at once by a port that stops receiving, or whose line goes down', () => {
    const n = net();
    n.sim.configure(d('R1'), withLldp(R1()));
    n.sim.configure(d('S1'), withLldp(S1()));
    n.run(seconds(31));
    n.sim.configure(d('S1'), withLldp(S1(), 'GigabitEthernet0/1', { lldpReceive: false }));
    n.run(seconds(1));
    expect(heard(n, 'S1')).toEqual([]);
    expect(heard(n, 'R1')).toHaveLength(1);
    // Listening again, S1 hears R1 at its next advertisement.
    n.sim.configure(d('S1'), withLldp(S1()));
    n.run(seconds(31));
    expect(heard(n, 'S1')).toHaveLength(1);
    n.sim.configure(
      d('R1'),
      withLldp(routerConfig('R1', { interfaces: { 'g0/0': { ip: '10.0.0.1/24', shutdown: true } } })),
    );
    n.run(seconds(3));
    expect(heard(n, 'R1')).toEqual([]);
    expect(heard(n, 'S1')).toEqual([]);
  });
});
