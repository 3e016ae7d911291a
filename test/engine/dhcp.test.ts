/**
 * DHCP between Windows PCs and an IOS server: the four messages and the lease they give, the
 * server's ping check finding an address in use, the relay agent carrying requests across a
 * router, renewal and release, and a PC with no server answering configuring itself.
 */
import { describe, expect, it } from 'vitest';
import { decodeDhcp, messageType } from '../../src/engine/wire/dhcp.ts';
import type { DeviceConfig } from '../../src/shared/config.ts';
import { deviceId, linkId } from '../../src/shared/ids.ts';
import { formatIpv4 } from '../../src/shared/ipv4.ts';
import { seconds } from '../../src/shared/time.ts';
import { dhcpClientRouter, relayedDhcp } from './dhcp-net.ts';
import { ip, TestNet } from './net.ts';

const d = deviceId;

/** R1 serves 192.168.10.0/24 on Gi0/0, .1 to .10 excluded, for `lease` seconds or IOS's day. */
function served(config: DeviceConfig, lease?: number): DeviceConfig {
  return {
    ...config,
    dhcpExcluded: [{ low: ip('192.168.10.1'), high: ip('192.168.10.10') }],
    dhcpPools: [
      {
        name: 'LAN',
        network: { addr: ip('192.168.10.0'), len: 24 },
        defaultRouters: [ip('192.168.10.1')],
        dnsServers: [ip('8.8.8.8')],
        ...(lease !== undefined ? { lease } : {}),
      },
    ],
  };
}

function lan(): TestNet {
  const n = new TestNet();
  n.router('R1', { interfaces: { 'g0/0': { ip: '192.168.10.1/24' } } });
  n.sim.configure(d('R1'), served(n.config('R1', { interfaces: { 'g0/0': { ip: '192.168.10.1/24' } } })));
  n.switch('S1');
  n.link('R1:g0/0', 'S1:fa0/24');
  return n;
}

/** R1 serves 192.168.10.0/24 from across R2, whose Gi0/1 relays to it; PC1 behind R2. */
const relayed = (): TestNet => relayedDhcp('192.168.10.0', (c) => served(c));

const address = (n: TestNet, pc: string) => {
  const nic = n.sim.interfaces(d(pc))[0]!;
  return nic.ip === undefined ? undefined : `${formatIpv4(nic.ip.addr)}/${nic.ip.len}`;
};

describe('DHCP', () => {
  it('leases the first free address with its router and DNS server, after DORA', () => {
    const n = lan();
    n.pc('PC1');
    n.link('PC1:fa0', 'S1:fa0/1');
    const types: number[] = [];
    n.sim.onWire((_t, _l, f) => {
      const p = f.payload;
      if (p.proto !== 'ipv4' || p.payload.proto !== 'udp') return;
      const m = decodeDhcp(p.payload.data);
      if (m.ok) types.push(messageType(m.value)!);
    });
    n.sim.configureHost(d('PC1'), { dhcp: true });
    n.run(seconds(10));
    expect(address(n, 'PC1')).toBe('192.168.10.11/24');
    const nic = n.sim.interfaces(d('PC1'))[0]!;
    expect(nic.dhcp?.lease).toMatchObject({
      server: ip('192.168.10.1'),
      gateway: ip('192.168.10.1'),
      dns: [ip('8.8.8.8')],
    });
    // Each message crosses two links (PC-S1, S1-R1).
    expect([...new Set(types)]).toEqual([1, 2, 3, 5]);
    const [binding] = n.sim.dhcpBindings(d('R1'));
    expect(binding?.ip).toBe(ip('192.168.10.11'));
    expect(binding?.clientId.slice(0, 1)).toEqual([1]);
    // The gateway came with the lease.
    expect(
      n.finish(n.ping('PC1', '192.168.10.1')).results.filter((r) => r.outcome.kind === 'reply').length,
    ).toBeGreaterThan(2);
  });

  it('relays requests from another subnet and serves them from the pool of giaddr', () => {
    const n = relayed();
    n.sim.configureHost(d('PC1'), { dhcp: true });
    n.run(seconds(10));
    expect(address(n, 'PC1')).toBe('192.168.10.11/24');
    expect(n.sim.dhcpBindings(d('R1')).map((b) => formatIpv4(b.ip))).toEqual(['192.168.10.11']);
  });

  it('renews, releases and renews again', () => {
    const n = lan();
    n.pc('PC1');
    n.link('PC1:fa0', 'S1:fa0/1');
    n.sim.configureHost(d('PC1'), { dhcp: true });
    n.run(seconds(10));
    const first = n.sim.interfaces(d('PC1'))[0]!.dhcp!.lease!;
    n.run(seconds(60));
    const job = n.finish(n.sim.dhcpRenew(d('PC1')));
    expect(job.ok).toBe(true);
    expect(n.sim.interfaces(d('PC1'))[0]!.dhcp!.lease!.obtained).toBeGreaterThan(first.obtained);
    expect(n.sim.dhcpRelease(d('PC1'))).toBe(true);
    n.run(seconds(1));
    expect(address(n, 'PC1')).toBeUndefined();
    expect(n.sim.dhcpBindings(d('R1'))).toEqual([]);
    expect(n.finish(n.sim.dhcpRenew(d('PC1'))).ok).toBe(true);
    // The pool's current index has moved past the address given back.
    expect(address(n, 'PC1')).toBe('192.168.10.12/24');
  });

  it('renews at half the lease by itself', () => {
    const n = lan();
    const r1 = n.sim.dhcpPools(d('R1'));
    expect(r1).toHaveLength(1);
    n.pc('PC1');
    n.link('PC1:fa0', 'S1:fa0/1');
    n.sim.configureHost(d('PC1'), { dhcp: true });
    n.run(seconds(10));
    const before = n.sim.dhcpBindings(d('R1'))[0]!.expires!;
    n.run(seconds(12 * 3600 + 10));
    expect(n.sim.dhcpBindings(d('R1'))[0]!.expires!).toBeGreaterThan(before);
  });

  it('configures 169.254.x.y when no server answers, and takes a lease once one does', () => {
    const n = new TestNet();
    n.router('R1', { interfaces: { 'g0/0': { ip: '192.168.10.1/24' } } });
    n.pc('PC1');
    n.link('PC1:fa0', 'R1:g0/0');
    n.settle();
    const job = n.sim.dhcpRenew(d('PC1'));
    expect(job.done).toBe(true);
    n.sim.configureHost(d('PC1'), { dhcp: true });
    const renew = n.sim.dhcpRenew(d('PC1'));
    n.run(seconds(10));
    const nic = n.sim.interfaces(d('PC1'))[0]!;
    expect(nic.dhcp?.autoconfigured).toBe(true);
    expect(formatIpv4(nic.ip!.addr)).toMatch(/^169\.254\./);
    n.run(seconds(60));
    expect(renew).toEqual({ done: true, ok: false });
    n.sim.configure(d('R1'), served(n.config('R1', { interfaces: { 'g0/0': { ip: '192.168.10.1/24' } } })));
    n.run(seconds(300));
    expect(address(n, 'PC1')).toBe('192.168.10.11/24');
    expect(n.sim.interfaces(d('PC1'))[0]!.dhcp?.autoconfigured).toBe(false);
  });

  it('renews and releases a lease through the relay, by unicast to the server', () => {
    const n = relayed();
    n.sim.configureHost(d('PC1'), { dhcp: true });
    n.run(seconds(10));
    const first = n.sim.interfaces(d('PC1'))[0]!.dhcp!.lease!;
    n.run(seconds(60));
    expect(n.finish(n.sim.dhcpRenew(d('PC1'))).ok).toBe(true);
    expect(n.sim.interfaces(d('PC1'))[0]!.dhcp!.lease!.obtained).toBeGreaterThan(first.obtained);
    expect(n.sim.dhcpRelease(d('PC1'))).toBe(true);
    n.run(seconds(1));
    expect(n.sim.dhcpBindings(d('R1'))).toEqual([]);
  });

  it('goes on to the next free address when its ping check is answered, and says so', () => {
    const n = lan();
    n.pc('PC8', '192.168.10.11/24', '192.168.10.1');
    n.link('PC8:fa0', 'S1:fa0/8');
    n.pc('PC9', '192.168.10.12/24', '192.168.10.1');
    n.link('PC9:fa0', 'S1:fa0/9');
    n.pc('PC1');
    n.link('PC1:fa0', 'S1:fa0/1');
    n.settle();
    n.sim.configureHost(d('PC1'), { dhcp: true });
    // Three checks of a second each, one discover: the address before Windows gives up at 6 s.
    n.run(seconds(5));
    expect(address(n, 'PC1')).toBe('192.168.10.13/24');
    expect(n.sim.dhcpConflicts(d('R1')).map((c) => [formatIpv4(c.ip), c.method])).toEqual([
      ['192.168.10.11', 'Ping'],
      ['192.168.10.12', 'Ping'],
    ]);
    expect(n.sim.dhcpEvents(d('R1'), 0).events.map((e) => [e.kind, formatIpv4(e.ip)])).toEqual([
      ['ping-conflict', '192.168.10.11'],
      ['ping-conflict', '192.168.10.12'],
    ]);
  });

  it('offers nothing from an interface that lost its address during the ping check', () => {
    const n = lan();
    n.pc('PC1');
    n.link('PC1:fa0', 'S1:fa0/1');
    n.settle();
    n.sim.configureHost(d('PC1'), { dhcp: true });
    n.run(seconds(0.5));
    n.sim.configure(d('R1'), served(n.config('R1', { interfaces: { 'g0/0': {} } })));
    n.run(seconds(3));
    expect(n.sim.dhcpBindings(d('R1'))).toEqual([]);
    expect(address(n, 'PC1')).toBeUndefined();
  });

  it('forgets a lease that ended while the cable was out, and configures itself', () => {
    const n = lan();
    n.pc('PC1');
    const cable = n.link('PC1:fa0', 'S1:fa0/1');
    n.sim.configure(
      d('R1'),
      served(n.config('R1', { interfaces: { 'g0/0': { ip: '192.168.10.1/24' } } }), 120),
    );
    n.sim.configureHost(d('PC1'), { dhcp: true });
    n.run(seconds(10));
    expect(address(n, 'PC1')).toBe('192.168.10.11/24');
    n.sim.setLinkUp(linkId(cable), false);
    n.sim.configure(d('R1'), n.config('R1', { interfaces: { 'g0/0': { ip: '192.168.10.1/24' } } }));
    n.run(seconds(300));
    n.sim.setLinkUp(linkId(cable), true);
    n.run(seconds(10));
    const nic = n.sim.interfaces(d('PC1'))[0]!;
    expect(nic.dhcp).toEqual({ autoconfigured: true });
    expect(formatIpv4(nic.ip!.addr)).toMatch(/^169\.254\./);
  });

  it('lets a short lease end on time when the server is gone', () => {
    const n = lan();
    n.pc('PC1');
    n.link('PC1:fa0', 'S1:fa0/1');
    n.sim.configure(
      d('R1'),
      served(n.config('R1', { interfaces: { 'g0/0': { ip: '192.168.10.1/24' } } }), 60),
    );
    n.sim.configureHost(d('PC1'), { dhcp: true });
    n.run(seconds(5));
    const lease = n.sim.interfaces(d('PC1'))[0]!.dhcp!.lease!;
    n.sim.configure(d('R1'), n.config('R1', { interfaces: { 'g0/0': { ip: '192.168.10.1/24' } } }));
    n.run(lease.expires! - n.sim.now() + seconds(1));
    expect(n.sim.interfaces(d('PC1'))[0]!.dhcp!.lease).toBeUndefined();
  });

  it('sends a host name of any script, and forgets its leases on reload', () => {
    const n = lan();
    n.pc('ПК-1');
    n.link('ПК-1:fa0', 'S1:fa0/1');
    n.sim.configureHost(d('ПК-1'), { dhcp: true });
    n.run(seconds(10));
    expect(address(n, 'ПК-1')).toBe('192.168.10.11/24');
    n.sim.reload(d('R1'));
    expect(n.sim.dhcpBindings(d('R1'))).toEqual([]);
  });

  it('starts a round of discovers at once on ipconfig /renew, whatever the last one was doing', () => {
    const n = new TestNet();
    n.router('R1', { interfaces: { 'g0/0': { ip: '192.168.10.1/24' } } });
    n.pc('PC1');
    n.link('PC1:fa0', 'R1:g0/0');
    n.sim.configureHost(d('PC1'), { dhcp: true });
    n.run(seconds(13));
    n.sim.configure(d('R1'), served(n.config('R1', { interfaces: { 'g0/0': { ip: '192.168.10.1/24' } } })));
    const renew = n.sim.dhcpRenew(d('PC1'));
    // The round's next discover would leave at 28 s; the renewal's leaves now.
    n.run(seconds(3));
    expect(renew).toEqual({ done: true, ok: true });
    expect(address(n, 'PC1')).toBe('192.168.10.11/24');
  });

  it("gives an IOS interface set to 'ip address dhcp' its address and a default route of distance 254", () => {
    const n = new TestNet();
    const isp = { interfaces: { 'g0/0': { ip: '203.0.113.1/24' } } };
    n.router('ISP', isp);
    n.sim.configure(d('ISP'), {
      ...n.config('ISP', isp),
      dhcpPools: [
        { name: 'WAN', network: { addr: ip('203.0.113.0'), len: 24 }, defaultRouters: [ip('203.0.113.1')] },
      ],
    });
    dhcpClientRouter(n);
    n.link('ISP:g0/0', 'R1:g0/1');
    n.run(seconds(10));
    const gi01 = n.sim.interfaces(d('R1')).find((i) => i.name === 'GigabitEthernet0/1')!;
    expect(gi01.ip).toEqual({ addr: ip('203.0.113.2'), len: 24 });
    const route = n.sim.routes(d('R1')).find((r) => r.prefix.len === 0);
    expect(route).toMatchObject({ nextHop: ip('203.0.113.1'), distance: 254 });
    expect(n.sim.dhcpEvents(d('R1'), 0).events).toMatchObject([
      { kind: 'address-assign', iface: 'GigabitEthernet0/1', ip: ip('203.0.113.2'), len: 24, hostname: 'R1' },
    ]);
    // IOS's client identifier: 00 and "cisco-<MAC>-<interface>".
    const id = n.sim.dhcpBindings(d('ISP'))[0]!.clientId;
    expect(new TextDecoder().decode(Uint8Array.from(id.slice(1)))).toMatch(/^cisco-[0-9a-f.]{14}-Gi0\/1$/);
    expect(n.finish(n.ping('R1', '203.0.113.1')).results.some((r) => r.outcome.kind === 'reply')).toBe(true);
    expect(n.sim.dhcpRelease(d('R1'), 'GigabitEthernet0/1')).toBe(true);
    n.run(seconds(1));
    expect(n.sim.dhcpBindings(d('ISP'))).toEqual([]);
    expect(n.sim.routes(d('R1')).some((r) => r.prefix.len === 0)).toBe(false);
  });

  it("takes a switch's management address and its default gateway from a lease", () => {
    const n = lan();
    const s1 = n.config('S1', {});
    n.sim.configure(d('S1'), {
      ...s1,
      interfaces: { ...s1.interfaces, Vlan1: { ...s1.interfaces.Vlan1!, shutdown: false, ipDhcp: true } },
    });
    n.run(seconds(10));
    const vlan1 = n.sim.interfaces(d('S1')).find((i) => i.name === 'Vlan1')!;
    expect(vlan1.ip).toEqual({ addr: ip('192.168.10.11'), len: 24 });
    expect(n.sim.routes(d('S1')).find((r) => r.prefix.len === 0)?.nextHop).toBe(ip('192.168.10.1'));
  });

  it('moves a PC recabled into another LAN to that LAN, and renews it there', () => {
    const n = new TestNet();
    const spec = { interfaces: { 'g0/0': { ip: '192.168.10.1/24' }, 'g0/1': { ip: '192.168.20.1/24' } } };
    n.router('R1', spec);
    n.sim.configure(d('R1'), {
      ...n.config('R1', spec),
      dhcpPools: [
        { name: 'LAN10', network: { addr: ip('192.168.10.0'), len: 24 } },
        { name: 'LAN20', network: { addr: ip('192.168.20.0'), len: 24 } },
      ],
    });
    n.pc('PC1');
    const cable = n.link('PC1:fa0', 'R1:g0/0');
    n.sim.configureHost(d('PC1'), { dhcp: true });
    n.run(seconds(10));
    expect(address(n, 'PC1')).toBe('192.168.10.2/24');
    n.sim.disconnect(linkId(cable));
    n.link('PC1:fa0', 'R1:g0/1');
    // Its request for the old address is refused on the new network (a NAK), and it discovers.
    n.run(seconds(10));
    expect(address(n, 'PC1')).toBe('192.168.20.2/24');
    expect(n.finish(n.sim.dhcpRenew(d('PC1'))).ok).toBe(true);
    expect(address(n, 'PC1')).toBe('192.168.20.2/24');
    expect(n.sim.dhcpRelease(d('PC1'))).toBe(true);
    n.run(seconds(1));
    expect(n.sim.dhcpBindings(d('R1')).map((b) => formatIpv4(b.ip))).toEqual(['192.168.10.2']);
  });
});
