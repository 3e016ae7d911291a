/**
 * IOS `debug ip icmp` and `debug arp`: what a router records of the ICMP messages it sends and
 * receives itself and of its ARP, and what it leaves out (the echoes it forwards, anything while
 * debugging is off, a PC's traffic).
 */
import { describe, expect, it } from 'vitest';
import type { DebugEvent } from '../../src/engine/api.ts';
import { deviceId } from '../../src/shared/ids.ts';
import type { Ipv4Addr } from '../../src/shared/ipv4.ts';
import { formatIpv4 } from '../../src/shared/ipv4.ts';
import { ms, seconds } from '../../src/shared/time.ts';
import { marks, TestNet } from './net.ts';

const d = deviceId;

/** PC1 - R1 - PC2, each PC on its own router port. */
function routed(): TestNet {
  const n = new TestNet();
  n.router('R1', { interfaces: { 'g0/0': { ip: '10.0.1.1/24' }, 'g0/1': { ip: '10.0.2.1/24' } } });
  n.pc('PC1', '10.0.1.10/24', '10.0.1.1').pc('PC2', '10.0.2.10/24', '10.0.2.1');
  n.link('PC1:fa0', 'R1:g0/0');
  n.link('PC2:fa0', 'R1:g0/1');
  return n.settle();
}

const a = (x: Ipv4Addr | undefined) => (x === undefined ? '-' : formatIpv4(x));

/** Each event in a few words, addresses dotted. */
function brief(e: DebugEvent): string {
  if (e.facility === 'icmp')
    return `${e.sent ? 'sent' : 'rcvd'} ${e.type}/${e.code} ${a(e.src)}>${a(e.dst)} about ${a(e.about)}${e.gateway !== undefined ? ` gw ${a(e.gateway)}` : ''}`;
  if ('request' in e)
    return `${e.what} ${e.request ? 'req' : 'rep'} ${a(e.senderIp)}>${a(e.targetIp)} ${e.iface}${e.reason !== undefined ? ` (${e.reason})` : ''}`;
  if (e.facility === 'nat')
    return 'expiring' in e ? `expiring ${a(e.global)}` : `nat ${a(e.src)}>${a(e.dst)}`;
  if (e.facility === 'ospf-hello') return `ospf ${e.what} ${a(e.addr)} ${e.iface}`;
  return `${e.what} ${a(e.ip)} ${e.iface}`;
}

/** Reads a device's debugging log from `since` on. */
function events(n: TestNet, dev: string, since = 0): string[] {
  return n.sim.debugEvents(d(dev), since).events.map(brief);
}

describe('debug ip icmp', () => {
  it('records the echo replies a router sends and receives, not the echoes it forwards', () => {
    const n = routed();
    n.sim.setDebugging(d('R1'), 'icmp', true);
    expect(n.sim.debugging(d('R1'))).toEqual(['icmp']);
    expect(marks(n.ping('PC1', '10.0.1.1', { count: 2 }))).toBe('!!');
    expect(marks(n.ping('R1', '10.0.1.10', { count: 2 }))).toBe('!!');
    // Forwarded both ways without a word (the first echo lost while R1 resolves PC2).
    expect(marks(n.ping('PC1', '10.0.2.10', { count: 2 }))).toBe('.!');
    expect(events(n, 'R1')).toEqual([
      'sent 0/0 10.0.1.1>10.0.1.10 about -',
      'sent 0/0 10.0.1.1>10.0.1.10 about -',
      'rcvd 0/0 10.0.1.10>10.0.1.1 about -',
      'rcvd 0/0 10.0.1.10>10.0.1.1 about -',
    ]);
  });

  it('records the errors it sends about others’ datagrams and those it receives about its own', () => {
    const n = routed();
    n.sim.setDebugging(d('R1'), 'icmp', true);
    expect(marks(n.ping('PC1', '10.0.9.9', { count: 1 }))).toBe('H');
    n.traceroute('PC1', '10.0.2.10', { maxTtl: 1, probesPerHop: 1 });
    // Its own traceroute to PC2 ends in a port unreachable.
    n.traceroute('R1', '10.0.2.10', { probesPerHop: 1 });
    expect(events(n, 'R1')).toEqual([
      'sent 3/1 10.0.1.1>10.0.1.10 about 10.0.9.9',
      'sent 11/0 10.0.1.1>10.0.1.10 about 10.0.2.10',
      'rcvd 3/3 10.0.2.10>10.0.2.1 about -',
    ]);
  });

  it('records what a switch answers on its management interface', () => {
    const n = new TestNet();
    n.switch('S1', { svis: { 1: '10.0.1.2/24' } });
    n.pc('PC1', '10.0.1.10/24');
    n.link('PC1:fa0', 'S1:fa0/1');
    n.settle();
    n.sim.setDebugging(d('S1'), 'icmp', true);
    n.sim.setDebugging(d('S1'), 'arp', true);
    expect(marks(n.ping('PC1', '10.0.1.2', { count: 1 }))).toBe('!');
    expect(events(n, 'S1')).toEqual([
      'rcvd req 10.0.1.10>10.0.1.2 Vlan1',
      'created 10.0.1.10 Vlan1',
      'sent rep 10.0.1.2>10.0.1.10 Vlan1',
      'sent 0/0 10.0.1.2>10.0.1.10 about -',
    ]);
  });

  it('records nothing while off, nor for a PC; a reload turns it off', () => {
    const n = routed();
    n.sim.setDebugging(d('R1'), 'icmp', true);
    n.sim.setDebugging(d('R1'), 'icmp', false);
    n.ping('PC1', '10.0.1.1', { count: 1 });
    expect(events(n, 'R1')).toEqual([]);
    n.sim.setDebugging(d('PC1'), 'icmp', true);
    expect(n.sim.debugging(d('PC1'))).toEqual([]);
    n.ping('R1', '10.0.1.10', { count: 1 });
    expect(events(n, 'PC1')).toEqual([]);
    n.sim.setDebugging(d('R1'), 'icmp', true);
    n.sim.setDebugging(d('R1'), 'arp', true);
    expect(n.sim.debugging(d('R1'))).toEqual(['icmp', 'arp']);
    n.sim.reload(d('R1'));
    expect(n.sim.debugging(d('R1'))).toEqual([]);
    n.run(ms(5000));
    const since = n.sim.debugEvents(d('R1'), 0).next;
    n.ping('PC1', '10.0.1.1', { count: 1 });
    expect(events(n, 'R1', since)).toEqual([]);
  });
});

describe('debug arp', () => {
  it('records the request it answers, the entry it creates, and its reply', () => {
    const n = routed();
    n.sim.setDebugging(d('R1'), 'arp', true);
    n.sim.clearArp(d('PC1'));
    n.sim.clearArp(d('R1'));
    n.ping('PC1', '10.0.1.1', { count: 1 });
    expect(events(n, 'R1')).toEqual([
      'rcvd req 10.0.1.10>10.0.1.1 GigabitEthernet0/0',
      'created 10.0.1.10 GigabitEthernet0/0',
      'sent rep 10.0.1.1>10.0.1.10 GigabitEthernet0/0',
    ]);
  });

  it('records an entry created again once the one before expired', () => {
    const n = new TestNet();
    n.router('R1', { interfaces: { 'g0/0': { ip: '10.0.1.1/24', arpTimeout: 60 } } });
    n.pc('PC1', '10.0.1.10/24', '10.0.1.1');
    n.link('PC1:fa0', 'R1:g0/0');
    n.settle();
    n.sim.setDebugging(d('R1'), 'arp', true);
    n.ping('PC1', '10.0.1.1', { count: 1 });
    n.run(seconds(120));
    n.sim.clearArp(d('PC1'));
    const since = n.sim.debugEvents(d('R1'), 0).next;
    n.ping('PC1', '10.0.1.1', { count: 1 });
    expect(events(n, 'R1', since)).toEqual([
      'rcvd req 10.0.1.10>10.0.1.1 GigabitEthernet0/0',
      'created 10.0.1.10 GigabitEthernet0/0',
      'sent rep 10.0.1.1>10.0.1.10 GigabitEthernet0/0',
    ]);
  });

  it('records an incomplete entry, its requests, and the requests it holds back within 2 s', () => {
    const n = routed();
    n.sim.setDebugging(d('R1'), 'arp', true);
    // Nobody has 10.0.1.99: three echoes 500 ms apart, then a fourth 2 s after the first request.
    expect(marks(n.ping('R1', '10.0.1.99', { count: 3, timeout: ms(500) }))).toBe('...');
    n.run(ms(500));
    n.ping('R1', '10.0.1.99', { count: 1, timeout: ms(500) });
    expect(events(n, 'R1')).toEqual([
      'incomplete 10.0.1.99 GigabitEthernet0/0',
      'sent req 10.0.1.1>10.0.1.99 GigabitEthernet0/0',
      'throttled 10.0.1.99 GigabitEthernet0/0',
      'throttled 10.0.1.99 GigabitEthernet0/0',
      'sent req 10.0.1.1>10.0.1.99 GigabitEthernet0/0',
    ]);
  });

  it('records ARP from outside the subnet as filtered ("wrong cable"), and a probe for its address as received', () => {
    const n = routed();
    n.sim.setDebugging(d('R1'), 'arp', true);
    // PC1 on the wrong subnet, its gateway R1's address: R1 ignores its requests.
    n.host('PC1', '10.0.7.10/16', '10.0.1.1');
    n.run(ms(5000));
    const since = n.sim.debugEvents(d('R1'), 0).next;
    expect(marks(n.ping('PC1', '10.0.1.1', { count: 1 }))).not.toBe('!');
    expect(events(n, 'R1', since)[0]).toBe(
      'filtered req 10.0.7.10>10.0.1.1 GigabitEthernet0/0 (wrong cable)',
    );
    // PC2 given R1's address: R1 answers its probe, and Windows falls back to a link-local
    // address, whose announcement R1 ignores.
    const before = n.sim.debugEvents(d('R1'), 0).next;
    n.host('PC2', '10.0.2.1/24');
    n.run(ms(5000));
    const fallback = n.sim.interfaces(d('PC2'))[0]!.ip!.addr;
    expect(events(n, 'R1', before)).toEqual([
      'rcvd req 0.0.0.0>10.0.2.1 GigabitEthernet0/1',
      'sent rep 10.0.2.1>0.0.0.0 GigabitEthernet0/1',
      `filtered req ${a(fallback)}>${a(fallback)} GigabitEthernet0/1 (wrong cable)`,
    ]);
  });

  it("records another router's claim to its address as received", () => {
    const n = new TestNet();
    n.router('R1', { interfaces: { 'g0/0': { ip: '10.0.1.1/24' } } });
    n.router('R2');
    n.link('R1:g0/0', 'R2:g0/0');
    n.settle();
    n.sim.setDebugging(d('R1'), 'arp', true);
    n.reconfigure('R2', { interfaces: { 'g0/0': { ip: '10.0.1.1/24' } } });
    n.run(ms(100));
    // Both announce their address as the line comes up, and each defends it against the other.
    const seen = events(n, 'R1');
    expect(seen[0]).toBe('sent rep 10.0.1.1>10.0.1.1 GigabitEthernet0/0');
    expect(seen).toContain('rcvd rep 10.0.1.1>10.0.1.1 GigabitEthernet0/0');
  });
});
