/**
 * ICMP redirects: IOS redirects a datagram it routes back out of the interface it came in by,
 * to a next hop in its source's subnet; Windows then sends that destination straight to the
 * better gateway for ten minutes, if the redirect checks out.
 */
import { describe, expect, it } from 'vitest';
import type { IcmpEcho, IcmpError } from '../../src/engine/wire/icmp.ts';
import type { Ipv4Packet } from '../../src/engine/wire/ipv4.ts';
import { deviceId } from '../../src/shared/ids.ts';
import { seconds } from '../../src/shared/time.ts';
import { hops, ip, marks, TestNet } from './net.ts';

const d = deviceId;

interface Seen {
  readonly to: number;
  readonly pkt: Ipv4Packet;
}

/**
 * PC1 (gateway R1) on a LAN with R1 and R2; R1 reaches SRV's network through R2, on that LAN.
 * `pc` and `r2` are PC1's and R2's addresses on it; `r1` R1's interface options there.
 */
function lan(pc = '10.0.1.10/24', r2 = '10.0.1.2', r1: { redirects?: boolean } = {}) {
  const n = new TestNet();
  n.router('R1', {
    interfaces: { 'g0/0': { ip: '10.0.1.1/24', ...r1 } },
    routes: [`10.0.2.0/24 via ${r2}`],
  });
  n.router('R2', {
    interfaces: { 'g0/0': { ip: `${r2}/24` }, 'g0/1': { ip: '10.0.2.1/24' } },
  });
  n.switch('S1');
  n.pc('PC1', pc, '10.0.1.1').pc('SRV', '10.0.2.10/24', '10.0.2.1');
  const cable = n.link('PC1:fa0', 'S1:fa0/1');
  n.link('R1:g0/0', 'S1:fa0/2');
  n.link('R2:g0/0', 'S1:fa0/3');
  n.link('R2:g0/1', 'SRV:fa0');
  n.settle();
  // What goes over PC1's cable, by IPv4 datagram.
  const seen: Seen[] = [];
  n.sim.onWire((_t, link, f) => {
    if (link === cable && f.payload.proto === 'ipv4') seen.push({ to: f.dst, pkt: f.payload });
  });
  const mac = (dev: string) => n.sim.interfaces(d(dev))[0]!.mac as number;
  const requests = () =>
    seen.filter((s) => s.pkt.src === ip('10.0.1.10') && s.pkt.dst === ip('10.0.2.10')).map((s) => s.to);
  const redirects = () =>
    seen.filter((s) => s.pkt.payload.proto === 'icmp' && s.pkt.payload.type === 5).map((s) => s.pkt);
  return { n, mac, requests, redirects };
}

describe('ICMP redirects', () => {
  it('a router redirects a datagram it sends back out of the same interface; Windows then goes straight to the better gateway', () => {
    const { n, mac, requests, redirects } = lan();
    const routes = n.sim.routes(d('PC1'));
    // R1 resolves R2 for the first echo (IOS drops it meanwhile), R2 resolves SRV for the
    // second, which PC1 already sends to R2.
    expect(marks(n.ping('PC1', '10.0.2.10'))).toBe('..!!');
    expect(requests()).toEqual([mac('R1'), mac('R2'), mac('R2'), mac('R2')]);
    const [r, ...more] = redirects();
    expect(more).toEqual([]);
    expect(r!.src).toBe(ip('10.0.1.1'));
    expect(r!.dst).toBe(ip('10.0.1.10'));
    const m = r!.payload as IcmpError;
    expect([m.type, m.code, m.rest]).toEqual([5, 1, ip('10.0.1.2')]);
    // It quotes the first echo request, as it came in.
    const quoted = m.original as Ipv4Packet;
    expect([quoted.src, quoted.dst, quoted.ttl]).toEqual([ip('10.0.1.10'), ip('10.0.2.10'), 128]);
    expect((quoted.payload as IcmpEcho).type).toBe(8);
    // Not a route (Windows keeps it in its path cache), but tracert's first hop is R2 now.
    expect(hops(n.traceroute('PC1', '10.0.2.10'))).toEqual([
      '1: 10.0.1.2 10.0.1.2 10.0.1.2',
      '2: 10.0.2.10 10.0.2.10 10.0.2.10',
    ]);
    expect(n.sim.routes(d('PC1'))).toEqual(routes);
  });

  it('`no ip redirects` keeps the router quiet, and PC1 keeps sending through it', () => {
    const { n, mac, requests, redirects } = lan('10.0.1.10/24', '10.0.1.2', { redirects: false });
    // R1 resolves R2, R2 SRV, then R2 PC1 for the reply, which comes back directly.
    expect(marks(n.ping('PC1', '10.0.2.10'))).toBe('...!');
    expect(redirects()).toEqual([]);
    expect(new Set(requests())).toEqual(new Set([mac('R1')]));
    expect(hops(n.traceroute('PC1', '10.0.2.10'))[0]).toBe('1: 10.0.1.1 10.0.1.1 10.0.1.1');
  });

  it('Windows ignores a redirect to a gateway outside its own subnet, and the router redirects every datagram', () => {
    // PC1's mask is too narrow: R2 (10.0.1.200) is in R1's subnet, not in PC1's.
    const { n, mac, requests, redirects } = lan('10.0.1.10/25', '10.0.1.200');
    expect(marks(n.ping('PC1', '10.0.2.10'))).toBe('...!');
    expect(new Set(requests())).toEqual(new Set([mac('R1')]));
    expect(redirects().map((r) => (r.payload as IcmpError).rest)).toEqual(Array(4).fill(ip('10.0.1.200')));
  });

  it('the redirect holds ten minutes, then the gateway is asked again', () => {
    const { n, mac, requests, redirects } = lan();
    expect(marks(n.ping('PC1', '10.0.2.10'))).toBe('..!!');
    n.run(seconds(9 * 60));
    expect(marks(n.ping('PC1', '10.0.2.10', { count: 1 }))).toBe('!');
    n.run(seconds(60));
    expect(marks(n.ping('PC1', '10.0.2.10', { count: 1 }))).toBe('!');
    expect(requests()).toEqual([mac('R1'), mac('R2'), mac('R2'), mac('R2'), mac('R2'), mac('R1')]);
    expect(redirects()).toHaveLength(2);
  });

  it('datagrams from another subnet, and between subinterfaces, get none', () => {
    const n = new TestNet();
    n.router('R1', {
      interfaces: {
        'g0/0': {},
        'g0/0.10': { dot1q: 10, ip: '10.0.10.1/24' },
        'g0/0.20': { dot1q: 20, ip: '10.0.20.1/24' },
      },
      // 10.0.50.0/24 loops between R1 and R2, each sending it back out of where it came in.
      routes: ['10.0.40.0/24 via 10.0.10.2', '10.0.50.0/24 via 10.0.10.2'],
    });
    n.router('R2', {
      interfaces: { 'g0/0': { ip: '10.0.10.2/24' }, 'g0/1': { ip: '10.0.40.1/24' } },
      routes: ['0.0.0.0/0 via 10.0.10.1'],
    });
    n.switch('S1', {
      vlans: [10, 20],
      ports: {
        'g0/1': { mode: 'trunk' },
        'fa0/1': { mode: 'access', access: 10 },
        'fa0/2': { mode: 'access', access: 20 },
        'fa0/3': { mode: 'access', access: 10 },
      },
    });
    n.pc('PC1', '10.0.10.10/24', '10.0.10.1').pc('PC2', '10.0.20.10/24', '10.0.20.1');
    n.pc('PC4', '10.0.40.10/24', '10.0.40.1');
    n.link('R1:g0/0', 'S1:g0/1');
    n.link('PC1:fa0', 'S1:fa0/1');
    n.link('PC2:fa0', 'S1:fa0/2');
    n.link('R2:g0/0', 'S1:fa0/3');
    n.link('R2:g0/1', 'PC4:fa0');
    n.settle();
    let redirects = 0;
    n.sim.onWire((_t, _l, f) => {
      if (f.payload.proto === 'ipv4' && f.payload.payload.proto === 'icmp' && f.payload.payload.type === 5)
        redirects++;
    });
    // VLAN 10 to VLAN 20: in by one subinterface, out by another.
    expect(marks(n.ping('PC1', '10.0.20.10'))).toBe('.!!!');
    // From PC4, which is on neither router's LAN: the loop ends by TTL, unredirected.
    expect(marks(n.ping('PC4', '10.0.50.1'))).toMatch(/^\.?&+$/);
    expect(redirects).toBe(0);
  });
});
