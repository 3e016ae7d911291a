/**
 * A DHCP client nobody answers: IOS's tries (three discovers four seconds apart, the try given
 * up at 20 s, then five seconds more of waiting each time, listed as purging meanwhile) and
 * Windows' rounds (four discovers, five minutes between rounds); and the counts an IOS server
 * keeps of what it takes and answers.
 */
import { describe, expect, it } from 'vitest';
import { DHCPDISCOVER, decodeDhcp, messageType } from '../../src/engine/wire/dhcp.ts';
import { deviceId } from '../../src/shared/ids.ts';
import { seconds } from '../../src/shared/time.ts';
import { dhcpClientRouter, relayedDhcp } from './dhcp-net.ts';
import { ip, TestNet } from './net.ts';

const d = deviceId;

/** The times (whole seconds from `from`) at which DHCPDISCOVERs go on the wire. */
function discovers(n: TestNet, from: number): number[] {
  const out: number[] = [];
  n.sim.onWire((t, _l, f) => {
    const p = f.payload;
    if (p.proto !== 'ipv4' || p.payload.proto !== 'udp') return;
    const m = decodeDhcp(p.payload.data);
    if (m.ok && messageType(m.value) === DHCPDISCOVER) out.push(Math.floor((t - from) / 1_000_000));
  });
  return out;
}

/** R1's Gi0/1 set to `ip address dhcp`, cabled to ISP's Gi0/0, which serves nothing yet. */
function unanswered(): TestNet {
  const n = new TestNet();
  n.router('ISP', { interfaces: { 'g0/0': { ip: '203.0.113.1/24' } } });
  dhcpClientRouter(n);
  return n;
}

const lease = (n: TestNet) => n.sim.dhcpClientLeases(d('R1'))[0];

describe('DHCP clients without a server', () => {
  it('try again on IOS every 20 s plus five seconds more each time', () => {
    const n = unanswered();
    const start = n.sim.now();
    const seen = discovers(n, start);
    n.link('ISP:g0/0', 'R1:g0/1');
    n.run(seconds(1));
    // The line comes up within the second: times are from the cable, rounded down.
    const up = seen[0]!;
    expect(lease(n)).toMatchObject({ state: 'init', retries: 1 });
    n.run(seconds(300));
    const tries = seen.map((t) => t - up);
    // Tries at 0, 25 (20 + 5), 55 (+ 20 + 10), 90, 130, 175, 225, 280.
    expect(tries).toEqual([
      0, 4, 8, 25, 29, 33, 55, 59, 63, 90, 94, 98, 130, 134, 138, 175, 179, 183, 225, 229, 233, 280, 284, 288,
    ]);
  });

  it('lists an IOS try that gave up as purging, then not at all until the next', () => {
    const n = unanswered();
    n.link('ISP:g0/0', 'R1:g0/1');
    n.run(seconds(10));
    expect(lease(n)).toMatchObject({ state: 'init', retries: 3 });
    // Given up at 20 s; the next try at 25 s.
    n.run(seconds(12));
    const purging = lease(n)!;
    expect(purging).toMatchObject({ state: 'purging', retries: 0 });
    expect(purging.nextTimer! - n.sim.now()).toBeGreaterThan(seconds(27));
    // Try 7 gives up at 245 s and waits 35 s: its entry goes after 30 s, before try 8 at 280 s.
    n.run(seconds(255 - 22));
    expect(lease(n)?.state).toBe('purging');
    n.run(seconds(22));
    expect(lease(n)).toBeUndefined();
    n.run(seconds(4));
    expect(lease(n)).toMatchObject({ state: 'init', retries: 1 });
  });

  it('takes a lease on IOS at its next try once a server answers', () => {
    const n = unanswered();
    n.link('ISP:g0/0', 'R1:g0/1');
    // After try 2's last discover (at 33 s).
    n.run(seconds(35));
    n.sim.configure(d('ISP'), {
      ...n.config('ISP', { interfaces: { 'g0/0': { ip: '203.0.113.1/24' } } }),
      dhcpPools: [{ name: 'WAN', network: { addr: ip('203.0.113.0'), len: 24 } }],
    });
    // Try 3 starts at 55 s.
    n.run(seconds(15));
    expect(lease(n)?.state).toBe('purging');
    n.run(seconds(10));
    expect(lease(n)).toMatchObject({
      state: 'bound',
      retries: 0,
      lease: { ip: { addr: ip('203.0.113.2') } },
    });
  });

  it("keeps Windows' rounds of four discovers, five minutes apart", () => {
    const n = new TestNet();
    n.router('R1', { interfaces: { 'g0/0': { ip: '192.168.10.1/24' } } });
    n.pc('PC1');
    n.link('PC1:fa0', 'R1:g0/0');
    n.settle();
    const seen = discovers(n, n.sim.now());
    n.sim.configureHost(d('PC1'), { dhcp: true });
    n.run(seconds(400));
    // 4, 8 and 16 s apart plus up to a second each; the next round 300 s after the first gave up at 60 s.
    expect(seen).toHaveLength(8);
    for (const [k, nominal] of [0, 4, 12, 28].entries()) {
      const late = seen[k]! - seen[0]! - nominal;
      expect(late).toBeGreaterThanOrEqual(0);
      expect(late).toBeLessThanOrEqual(k);
    }
    expect(seen[4]! - seen[0]!).toBeGreaterThanOrEqual(359);
    expect(seen[4]! - seen[0]!).toBeLessThanOrEqual(363);
  });
});

describe("an IOS DHCP server's statistics", () => {
  it('counts what its pools take and send, not what it relays, until cleared', () => {
    const n = relayedDhcp('192.168.10.0', (c) => ({
      ...c,
      dhcpPools: [
        { name: 'A', network: { addr: ip('192.168.10.0'), len: 24 } },
        { name: 'B', network: { addr: ip('192.168.20.0'), len: 24 } },
      ],
    }));
    n.sim.configureHost(d('PC1'), { dhcp: true });
    n.run(seconds(10));
    n.sim.dhcpRelease(d('PC1'));
    n.run(seconds(1));
    n.sim.dhcpRenew(d('PC1'));
    n.run(seconds(10));
    const stats = n.sim.dhcpServerStatistics(d('R1'));
    expect(stats).toEqual({
      pools: 2,
      automaticBindings: 1,
      expiredBindings: 0,
      malformed: 0,
      received: { boot: 0, discover: 2, request: 2, decline: 0, release: 1, inform: 0 },
      sent: { boot: 0, offer: 2, ack: 2, nak: 0 },
    });
    // The relay counts nothing of its own.
    expect(n.sim.dhcpServerStatistics(d('R2'))).toMatchObject({
      pools: 0,
      received: { discover: 0, request: 0 },
      sent: { offer: 0, ack: 0 },
    });
    n.sim.clearDhcp(d('R1'), 'statistics');
    expect(n.sim.dhcpServerStatistics(d('R1'))).toMatchObject({
      automaticBindings: 1,
      received: { discover: 0, request: 0, release: 0 },
      sent: { offer: 0, ack: 0 },
    });
  });
});
