/**
 * Ports and cables: serialization at the slower end's speed, propagation delay, the transmit
 * queue, line state from both ends, frames lost when a cable goes down, and pcap taps.
 */
import { describe, expect, it } from 'vitest';
import { deviceId, linkId } from '../../src/shared/ids.ts';
import type { Micros } from '../../src/shared/time.ts';
import { seconds } from '../../src/shared/time.ts';
import { ip, marks, TestNet } from './net.ts';

const d = deviceId;

/** Two PCs on one switch, ARP already resolved both ways. */
function pair(options: ConstructorParameters<typeof TestNet>[0] = { seed: 7 }): TestNet {
  const n = new TestNet(options);
  n.switch('S1').pc('PC1', '10.0.0.1/24').pc('PC2', '10.0.0.2/24');
  n.link('PC1:fa0', 'S1:fa0/1');
  n.link('PC2:fa0', 'S1:g0/1');
  n.settle();
  n.ping('PC1', '10.0.0.2', { count: 1 });
  return n;
}

describe('timing on the wire', () => {
  it('a frame takes its length plus preamble and FCS at the slower end, plus the propagation delay', () => {
    const n = pair();
    const rtt = n.ping('PC1', '10.0.0.2', { count: 1 }).results[0]!.outcome;
    // 74-byte echo frames (14 + 20 + 8 + 32) + 12 bytes of preamble/FCS at 100 Mb/s = 6.88 us,
    // 1 us of cable: four cables crossed (PC1-S1, S1-PC2 at 100 Mb/s because PC2's NIC is Fast).
    expect(rtt.kind === 'reply' && rtt.rtt).toBeCloseTo(4 * (6.88 + 1), 6);
  });

  it('a cable can be given its own delay and bit rate', () => {
    const n = new TestNet();
    n.pc('A', '10.0.0.1/24').pc('B', '10.0.0.2/24');
    n.sim.connect(
      linkId('slow'),
      { device: d('A'), port: 'FastEthernet0' },
      { device: d('B'), port: 'FastEthernet0' },
      {
        delay: 500 as Micros,
        bandwidth: 10_000_000,
      },
    );
    n.ping('A', '10.0.0.2', { count: 1 });
    const rtt = n.ping('A', '10.0.0.2', { count: 1 }).results[0]!.outcome;
    expect(rtt.kind === 'reply' && rtt.rtt).toBeCloseTo(2 * (68.8 + 500), 6);
  });

  it('a busy port queues frames, then tail-drops beyond its queue limit', () => {
    const n = pair({ seed: 7, txQueueLimit: 2 });
    const jobs = [1, 2, 3, 4, 5].map(() =>
      n.sim.ping(d('PC1'), ip('10.0.0.2'), { count: 1, timeout: seconds(1), size: 1400 }),
    );
    for (const j of jobs) n.finish(j);
    // One on the wire, two waiting, two dropped.
    expect(jobs.map((j) => marks(j)).join('')).toBe('!!!..');
    expect(n.sim.interfaces(d('PC1'))[0]!.counters.drops).toBe(2);
  });
});

describe('line state', () => {
  it('setLinkUp(false) takes both ends down and loses the frames in flight', () => {
    const n = pair();
    const lost = n.sim.ping(d('PC1'), ip('10.0.0.2'), { count: 1, timeout: seconds(1), size: 32 });
    // 10 us later the echo has crossed PC1-S1 and is on S1-PC2.
    n.sim.runUntil((n.sim.now() + 10) as Micros);
    n.sim.setLinkUp(linkId('L2'), false);
    expect(marks(n.finish(lost))).toBe('.');
    expect(n.sim.interfaces(d('S1')).find((i) => i.name === 'GigabitEthernet0/1')!.status).toBe('down');
    expect(n.sim.trace.events.some((e) => e.kind === 'drop' && e.reason === 'port-down')).toBe(true);
    n.sim.setLinkUp(linkId('L2'), true);
    expect(marks(n.ping('PC1', '10.0.0.2', { count: 1 }))).toBe('!');
  });

  it('disconnect frees both ports; they can be cabled again', () => {
    const n = pair();
    n.sim.disconnect(linkId('L2'));
    expect(n.sim.interfaces(d('PC2'))[0]!.cabled).toBe(false);
    expect(() => n.sim.disconnect(linkId('L2'))).toThrow(/unknown link/);
    n.sim.connect(
      linkId('L3'),
      { device: d('PC2'), port: 'FastEthernet0' },
      { device: d('S1'), port: 'FastEthernet0/9' },
    );
    expect(marks(n.ping('PC1', '10.0.0.2', { count: 1 }))).toBe('!');
  });

  it('a frame on a cable that is removed is lost, even when its port is cabled again at once', () => {
    const n = pair();
    const lost = n.sim.ping(d('PC1'), ip('10.0.0.2'), { count: 1, timeout: seconds(1), size: 32 });
    // 10 us later the echo has crossed PC1-S1 and is on S1-PC2, which moves to another port.
    n.sim.runUntil((n.sim.now() + 10) as Micros);
    const received = n.sim.interfaces(d('PC2'))[0]!.counters.rxFrames;
    n.sim.disconnect(linkId('L2'));
    n.link('PC2:fa0', 'S1:fa0/9');
    expect(marks(n.finish(lost))).toBe('.');
    expect(n.sim.interfaces(d('PC2'))[0]!.counters.rxFrames).toBe(received);
  });

  it('refuses a port that is already cabled, a port that does not exist, and a duplicate link id', () => {
    const n = pair();
    const a = { device: d('PC1'), port: 'FastEthernet0' };
    expect(() => n.sim.connect(linkId('X'), a, { device: d('S1'), port: 'FastEthernet0/5' })).toThrow(
      /already cabled/,
    );
    expect(() => n.sim.connect(linkId('Y'), { device: d('S1'), port: 'FastEthernet0/30' }, a)).toThrow(
      /no port/,
    );
    expect(() =>
      n.sim.connect(
        linkId('L1'),
        { device: d('S1'), port: 'FastEthernet0/7' },
        { device: d('S1'), port: 'FastEthernet0/8' },
      ),
    ).toThrow(/already exists/);
  });

  it('removing a device removes its cables', () => {
    const n = pair();
    n.sim.removeDevice(d('PC2'));
    expect(n.sim.interfaces(d('S1')).find((i) => i.name === 'GigabitEthernet0/1')!.cabled).toBe(false);
    expect(() => n.sim.interfaces(d('PC2'))).toThrow(/unknown device/);
    // Its MAC block is free again; re-adding the id gives the same addresses.
    const before = n.sim.baseMac(d('PC1'));
    n.sim.removeDevice(d('PC1'));
    n.sim.addDevice(d('PC1'), 'pc', 'PC1');
    expect(n.sim.baseMac(d('PC1'))).toBe(before);
  });
});

describe('pcap tap', () => {
  it('sees every frame on every cable with its time and link, until unsubscribed', () => {
    const n = pair();
    const seen: [number, string, string][] = [];
    const stop = n.sim.onWire((t, link, f) => seen.push([t, link, f.payload.proto]));
    n.ping('PC1', '10.0.0.2', { count: 1 });
    expect(seen.map(([, l, p]) => `${l}:${p}`)).toEqual(['L1:ipv4', 'L2:ipv4', 'L2:ipv4', 'L1:ipv4']);
    expect(seen.map(([t]) => t)).toEqual([...seen.map(([t]) => t)].sort((a, b) => a - b));
    stop();
    n.ping('PC1', '10.0.0.2', { count: 1 });
    expect(seen).toHaveLength(4);
  });
});

describe('removing a device', () => {
  /** PC1's echo request on its way from S1 to PC2 (on the second cable, 7.88 us each). */
  function inFlight(): { n: TestNet; job: ReturnType<TestNet['sim']['ping']> } {
    const n = pair();
    n.sim.trace.clear();
    const job = n.sim.ping(d('PC1'), ip('10.0.0.2'), { count: 1, timeout: seconds(1), size: 32 });
    n.sim.runUntil((n.sim.now() + 10) as Micros);
    return { n, job };
  }

  it('drops a frame still on its way to it, at the port it was going to', () => {
    const { n, job } = inFlight();
    n.sim.removeDevice(d('PC2'));
    n.finish(job);
    expect(marks(job)).toBe('.');
    const drops = n.sim.trace.events.filter((e) => e.kind === 'drop');
    expect(drops.map((e) => e.kind === 'drop' && `${e.device} ${e.reason}`)).toEqual(['PC2 no-cable']);
  });

  it('drops it there even when a device added meanwhile needs a port', () => {
    const { n, job } = inFlight();
    n.sim.removeDevice(d('PC2'));
    n.pc('PC3', '10.0.0.3/24');
    n.finish(job);
    expect(marks(job)).toBe('.');
    const drops = n.sim.trace.events.filter((e) => e.kind === 'drop');
    expect(drops.map((e) => e.kind === 'drop' && `${e.device} ${e.reason}`)).toEqual(['PC2 no-cable']);
    // Once nothing can be on its way to it, the removed port's record serves a new port.
    n.pc('PC4', '10.0.0.4/24');
    n.link('PC4:fa0', 'S1:g0/1');
    n.link('PC3:fa0', 'S1:fa0/2');
    expect(marks(n.ping('PC1', '10.0.0.4', { count: 2 }))).toBe('!!');
    expect(marks(n.ping('PC3', '10.0.0.4', { count: 2 }))).toBe('!!');
  });
});
