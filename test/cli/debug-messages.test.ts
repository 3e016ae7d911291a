/**
 * The wording of `debug ip icmp`, `debug arp` and `debug ip nat` lines, against lines of IOS
 * captures (the console transcripts debug.txt and nat.txt show them in a session).
 */
import { describe, expect, it } from 'vitest';
import { debugMessages, debugText } from '../../src/cli/ios/debug-messages.ts';
import type { DebugEvent } from '../../src/engine/api.ts';
import { type Ipv4Addr, parseIpv4 } from '../../src/shared/ipv4.ts';
import { type MacAddr, parseMac } from '../../src/shared/mac.ts';
import { type Micros, seconds } from '../../src/shared/time.ts';
import { TOPOLOGIES } from './lab.ts';

const ip = (s: string): Ipv4Addr => parseIpv4(s)!;
const mac = (s: string): MacAddr => parseMac(s)!;
const at = 0 as Micros;

const icmp = (
  sent: boolean,
  type: number,
  code: number,
  src: string,
  dst: string,
  about?: string,
  gw?: string,
) =>
  ({
    facility: 'icmp',
    at,
    sent,
    type,
    code,
    src: ip(src),
    dst: ip(dst),
    ...(about !== undefined ? { about: ip(about) } : {}),
    ...(gw !== undefined ? { gateway: ip(gw) } : {}),
  }) as DebugEvent;

describe('debug ip icmp lines', () => {
  it.each([
    [
      icmp(true, 0, 0, '203.0.113.2', '192.0.2.1'),
      'ICMP: echo reply sent, src 203.0.113.2, dst 192.0.2.1, topology BASE, dscp 0 topoid 0',
    ],
    [
      icmp(false, 0, 0, '10.25.96.1', '10.25.1.2'),
      'ICMP: echo reply rcvd, src 10.25.96.1, dst 10.25.1.2, topology BASE, dscp 0 topoid 0',
    ],
    [
      icmp(true, 3, 1, '172.16.1.254', '172.16.1.1', '192.168.1.1'),
      'ICMP: dst (192.168.1.1) host unreachable sent to 172.16.1.1',
    ],
    [icmp(false, 3, 1, '10.1.1.1', '10.1.1.10'), 'ICMP: dst (10.1.1.10) host unreachable rcv from 10.1.1.1'],
    [
      icmp(false, 3, 3, '10.120.1.15', '10.120.1.0'),
      'ICMP: dst (10.120.1.0) port unreachable rcv from 10.120.1.15',
    ],
    [
      icmp(true, 3, 4, '10.0.0.1', '10.0.0.2', '10.9.9.9'),
      'ICMP: dst (10.9.9.9) frag. needed and DF set unreachable sent to 10.0.0.2',
    ],
    [
      icmp(true, 11, 0, '10.1.1.2', '10.1.1.1', '192.168.7.1'),
      'ICMP: time exceeded (time to live) sent to 10.1.1.1 (dest was 192.168.7.1)',
    ],
    [
      icmp(true, 11, 1, '10.1.1.2', '10.1.1.1', '192.168.7.1'),
      'ICMP: time exceeded (reassembly) sent to 10.1.1.1 (dest was 192.168.7.1)',
    ],
    [icmp(false, 11, 0, '10.1.1.1', '10.1.1.2'), 'ICMP: time exceeded rcvd from 10.1.1.1'],
    [
      icmp(true, 5, 1, '10.0.1.1', '10.0.1.10', '10.0.2.10', '10.0.1.2'),
      'ICMP: redirect sent to 10.0.1.10 for dest 10.0.2.10, use gw 10.0.1.2',
    ],
    [
      icmp(false, 5, 1, '10.1.1.2', '10.1.1.1', '192.168.7.1', '10.1.1.3'),
      'ICMP: redirect rcvd from 10.1.1.2 -- for 192.168.7.1 use gw 10.1.1.3',
    ],
  ])('%#: %s', (event, line) => {
    expect(debugText(event)).toBe(line);
  });
});

describe('debug arp lines', () => {
  const packet = (
    what: 'sent' | 'rcvd' | 'filtered',
    request: boolean,
    s: string,
    sm: string,
    t: string,
    tm: string,
  ) =>
    ({
      facility: 'arp',
      at,
      what,
      request,
      senderIp: ip(s),
      senderMac: mac(sm),
      targetIp: ip(t),
      targetMac: mac(tm),
      iface: 'Ethernet0/0',
    }) as const;

  it('words packets sent (two lines), received and filtered', () => {
    expect(
      debugText(packet('sent', true, '10.10.1.10', 'aabb.cc00.9100', '10.10.1.1', '0000.0000.0000')),
    ).toBe(
      'IP ARP: sent req src 10.10.1.10 aabb.cc00.9100,\n                 dst 10.10.1.1 0000.0000.0000 Ethernet0/0',
    );
    expect(
      debugText(packet('rcvd', false, '192.168.100.7', 'aabb.cc00.7000', '192.168.100.6', 'aabb.cc00.6000')),
    ).toBe('IP ARP: rcvd rep src 192.168.100.7 aabb.cc00.7000, dst 192.168.100.6 Ethernet0/0');
    expect(
      debugText({
        ...packet('filtered', true, '10.10.2.10', 'aabb.cc00.1a00', '10.10.1.1', '0000.0000.0000'),
        reason: 'wrong cable',
      }),
    ).toBe(
      'IP ARP req filtered src 10.10.2.10 aabb.cc00.1a00, dst 10.10.1.1 0000.0000.0000 wrong cable, interface Ethernet0/0',
    );
    // Its own frame come back through a loop: no interface named.
    expect(
      debugText({
        ...packet('filtered', false, '10.10.1.1', 'aabb.cc00.0100', '10.10.1.1', 'ffff.ffff.ffff'),
        reason: "it's our address",
      }),
    ).toBe("IP ARP rep filtered src 10.10.1.1 aabb.cc00.0100, dst 10.10.1.1 ffff.ffff.ffff it's our address");
  });

  it('words entries created, incomplete entries and requests held back', () => {
    const entry = (what: 'created' | 'incomplete' | 'throttled', m?: string): DebugEvent => ({
      facility: 'arp',
      at,
      what,
      ip: ip('10.10.1.1'),
      ...(m !== undefined ? { mac: mac(m) } : {}),
      iface: 'Ethernet0/0',
    });
    expect(debugText(entry('created', 'aabb.cc00.6000'))).toBe(
      'IP ARP: creating entry for IP address: 10.10.1.1, hw: aabb.cc00.6000',
    );
    expect(debugText(entry('incomplete'))).toBe(
      'IP ARP: creating incomplete entry for IP address: 10.10.1.1 interface Ethernet0/0',
    );
    expect(debugText(entry('throttled'))).toBe('IP ARP throttled out the ARP Request for 10.10.1.1');
  });
});

describe('debug ip nat', () => {
  const translated = (fast: boolean, src: string, dst: string, to: string, inbound: boolean, id: number) =>
    ({
      facility: 'nat',
      at,
      fast,
      src: ip(src),
      dst: ip(dst),
      ...(inbound ? { dstTo: ip(to) } : { srcTo: ip(to) }),
      identification: id,
      protocol: 1,
    }) as const;

  it('words a translation as IOS 15 does, NAT* when it was found rather than made', () => {
    expect(debugText(translated(false, '192.168.1.1', '192.168.2.1', '11.10.10.1', false, 17))).toBe(
      'NAT: s=192.168.1.1->11.10.10.1, d=192.168.2.1 [17]',
    );
    expect(debugText(translated(true, '192.168.2.1', '11.10.10.1', '192.168.1.1', true, 16))).toBe(
      'NAT*: s=192.168.2.1, d=11.10.10.1->192.168.1.1 [16]',
    );
  });

  it('gives a port or identifier that changed a message of its own, before the addresses', () => {
    const base = translated(false, '10.1.1.2', '10.2.2.2', '172.16.1.1', false, 3);
    expect(debugMessages({ ...base, ports: { src: 5, dst: 5, to: 1024 } })[0]).toBe('NAT: ICMP id=5->1024');
    expect(debugMessages({ ...base, protocol: 6, ports: { src: 1025, dst: 80, to: 1024 } })[0]).toBe(
      'NAT: TCP s=1025->1024, d=80',
    );
    const inbound = translated(false, '10.2.2.2', '172.16.1.1', '10.1.1.2', true, 4);
    expect(debugMessages({ ...inbound, protocol: 6, ports: { src: 37189, dst: 9023, to: 23 } })).toEqual([
      'NAT: TCP s=37189, d=9023->23',
      'NAT: s=10.2.2.2, d=172.16.1.1->10.1.1.2 [4]',
    ]);
  });

  it('names a translation that expires by its global and local ends', () => {
    expect(
      debugText({
        facility: 'nat',
        at,
        expiring: true,
        protocol: 1,
        global: ip('11.10.10.1'),
        globalPort: 13,
        local: ip('192.168.1.1'),
        localPort: 13,
      }),
    ).toBe('NAT: expiring 11.10.10.1 (192.168.1.1) icmp 13 (13)');
  });
});

describe('debug output on a console that waits for a command to end', () => {
  it('keeps every line of a long ping, beyond what the device holds', () => {
    const lab = TOPOLOGIES['two-gateways']!();
    const r1 = lab.console('R1');
    for (const l of ['enable', 'configure terminal', 'interface g0/0', 'ip address 10.0.1.1 255.255.255.0'])
      r1.input(l);
    for (const l of ['no shutdown', 'end', 'debug ip icmp']) r1.input(l);
    lab.console('PC1').input('ipconfig 10.0.1.10 255.255.255.0 10.0.1.1');
    lab.settle(seconds(8));
    const out = r1.input('ping 10.0.1.10 repeat 1500').output + r1.drainLog();
    expect(out).toContain('Success rate is 99 percent (1499/1500)');
    expect(out.match(/ICMP: echo reply rcvd/g)?.length).toBe(1499);
  });
});
