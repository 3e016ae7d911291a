/**
 * Access lists applied to router interfaces: an inbound list sees everything that comes in
 * (for the router too), an outbound list what the router forwards out (not what it sends
 * itself); what a list denies is answered with an administratively prohibited unreachable
 * unless `no ip unreachables`; fragments after the first pass entries that need ports only
 * when those entries permit; each entry counts what it decided.
 */
import { describe, expect, it } from 'vitest';
import { parseConfigText } from '../../src/cli/config-text.ts';
import type { IcmpError } from '../../src/engine/wire/icmp.ts';
import type { Ipv4Packet } from '../../src/engine/wire/ipv4.ts';
import type { DeviceConfig } from '../../src/shared/config.ts';
import { deviceId } from '../../src/shared/ids.ts';
import { seconds } from '../../src/shared/time.ts';
import { ip, marks, TestNet } from './net.ts';

const d = deviceId;

/** PC1 -- R1 -- SRV, R1 configured with `lines` (IOS text) on top of its addresses. */
function net(lines: string, unreachables = true) {
  const n = new TestNet();
  n.router('R1', {
    interfaces: { 'g0/0': { ip: '10.0.2.1/24' }, 'g0/1': { ip: '10.0.1.1/24', unreachables } },
  });
  n.pc('PC1', '10.0.1.10/24', '10.0.1.1').pc('SRV', '10.0.2.10/24', '10.0.2.1');
  const pcCable = n.link('PC1:fa0', 'R1:g0/1');
  n.link('SRV:fa0', 'R1:g0/0');
  const apply = (text: string) => {
    const base: DeviceConfig = n.config('R1', {
      interfaces: { 'g0/0': { ip: '10.0.2.1/24' }, 'g0/1': { ip: '10.0.1.1/24', unreachables } },
    });
    const { config, problems } = parseConfigText('router', text, base);
    expect(problems).toEqual([]);
    n.sim.configure(d('R1'), config);
  };
  apply(lines);
  n.settle();
  const toPc: Ipv4Packet[] = [];
  n.sim.onWire((_t, link, f) => {
    if (link === pcCable && f.payload.proto === 'ipv4' && f.payload.dst === ip('10.0.1.10'))
      toPc.push(f.payload);
  });
  const matches = (name: string) => n.sim.accessListMatches(d('R1')).get(name);
  return { n, toPc, matches, apply };
}

describe('access lists on router interfaces', () => {
  it('an inbound list drops what it denies and answers with an administratively prohibited unreachable', () => {
    const { n, toPc, matches } = net(
      [
        'access-list 110 deny icmp any host 10.0.2.10 echo',
        'access-list 110 permit ip any any',
        'interface GigabitEthernet0/1',
        ' ip access-group 110 in',
      ].join('\n'),
    );
    expect(marks(n.ping('PC1', '10.0.2.10'))).toBe('UUUU');
    const errors = toPc.filter((p) => p.payload.proto === 'icmp' && p.payload.type === 3);
    expect(errors.length).toBe(4);
    expect(errors[0]!.src).toBe(ip('10.0.1.1'));
    expect((errors[0]!.payload as IcmpError).code).toBe(13);
    // The router itself is not denied (entry 20 lets it through), nor is it a host it protects.
    expect(marks(n.ping('PC1', '10.0.2.1'))).toBe('!!!!');
    expect(matches('110')).toEqual([4, 4]);
    expect(n.sim.clearAccessListCounters(d('R1'), '110')).toBe(true);
    expect(matches('110')).toEqual([0, 0]);
    expect(n.sim.clearAccessListCounters(d('R1'), 'NONE')).toBe(false);
  });

  it('an inbound list filters what is for the router itself; `no ip unreachables` drops in silence', () => {
    const { n, toPc } = net(
      [
        'access-list 10 deny 10.0.1.0 0.0.0.255',
        'interface GigabitEthernet0/1',
        ' ip access-group 10 in',
      ].join('\n'),
      false,
    );
    expect(marks(n.ping('PC1', '10.0.1.1', { count: 2 }))).toBe('..');
    expect(toPc).toEqual([]);
  });

  it('an outbound list filters what the router forwards, not what it sends itself', () => {
    const { n, matches } = net(
      ['access-list 10 deny any', 'interface GigabitEthernet0/0', ' ip access-group 10 out'].join('\n'),
    );
    expect(marks(n.ping('PC1', '10.0.2.10', { count: 2 }))).toBe('UU');
    expect(marks(n.ping('R1', '10.0.2.10', { count: 3, timeout: seconds(2) }))).toBe('.!!');
    // PC1's two echoes; none of R1's own.
    expect(matches('10')).toEqual([2]);
  });

  it('a list that is not defined, or has only a remark, filters nothing; defining it later applies it', () => {
    const { n, apply } = net(['interface GigabitEthernet0/1', ' ip access-group WEB in'].join('\n'));
    // R1 resolves SRV for the first echo, which IOS drops meanwhile.
    expect(marks(n.ping('PC1', '10.0.2.10', { count: 2 }))).toBe('.!');
    apply(
      [
        'ip access-list extended WEB',
        ' remark nothing yet',
        'interface GigabitEthernet0/1',
        ' ip access-group WEB in',
      ].join('\n'),
    );
    expect(marks(n.ping('PC1', '10.0.2.10', { count: 2 }))).toBe('!!');
    apply(
      [
        'ip access-list extended WEB',
        ' permit tcp any any eq www',
        'interface GigabitEthernet0/1',
        ' ip access-group WEB in',
      ].join('\n'),
    );
    expect(marks(n.ping('PC1', '10.0.2.10', { count: 2 }))).toBe('UU');
  });

  it('fragments after the first pass an entry with a message type when it permits', () => {
    const { n, matches } = net(
      [
        'access-list 120 permit icmp any any echo',
        'access-list 120 permit icmp any any echo-reply',
        'interface GigabitEthernet0/1',
        ' ip access-group 120 in',
      ].join('\n'),
    );
    n.ping('PC1', '10.0.2.10', { count: 1 });
    const job = n.finish(
      n.sim.ping(d('PC1'), ip('10.0.2.10'), { count: 1, size: 4000, timeout: seconds(5) }),
    );
    expect(marks(job)).toBe('!');
    // The first fragment carries the echo's type; the two after it have no ICMP header.
    expect(matches('120')).toEqual([4, 0]);
  });

  it('counts stay with entries that did not change when the list is edited', () => {
    const base = [
      'ip access-list extended EDGE',
      ' deny icmp any any echo',
      ' permit ip any any',
      'interface GigabitEthernet0/1',
      ' ip access-group EDGE in',
    ];
    const { n, apply, matches } = net(base.join('\n'));
    n.ping('PC1', '10.0.2.10', { count: 2 });
    expect(matches('EDGE')).toEqual([2, 0]);
    apply([...base.slice(0, 2), ' permit udp any any eq domain', ...base.slice(2)].join('\n'));
    expect(matches('EDGE')).toEqual([2, 0, 0]);
  });

  it('a standard list decides by its host entries before its ranges, as it lists them', () => {
    const { n, matches } = net(
      [
        'ip access-list standard ORDER',
        ' 10 deny 10.0.1.10',
        ' 5 permit 10.0.1.0 0.0.0.255',
        'interface GigabitEthernet0/0',
        ' ip access-group ORDER out',
      ].join('\n'),
    );
    expect(marks(n.ping('PC1', '10.0.2.10'))).toBe('UUUU');
    // Entries by sequence number: the range (5) is first, the host (10) decided.
    expect(matches('ORDER')).toEqual([0, 4]);
  });
});
