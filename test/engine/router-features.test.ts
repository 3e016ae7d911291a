/** Smaller IOS features: loopbacks, pinging oneself, ping options, load sharing, no ip routing. */
import { describe, expect, it } from 'vitest';
import { deviceId } from '../../src/shared/ids.ts';
import { seconds } from '../../src/shared/time.ts';
import { hops, ip, marks, TestNet } from './net.ts';

const d = deviceId;

/** R1 Gi0/0 10.0.12.1/30 - R2 Gi0/0 10.0.12.2/30, R2 Loopback0 2.2.2.2/32. */
function pair(): TestNet {
  const n = new TestNet();
  n.router('R1', { interfaces: { 'g0/0': { ip: '10.0.12.1/30' } }, routes: ['2.2.2.2/32 via 10.0.12.2'] });
  n.router('R2', { interfaces: { 'g0/0': { ip: '10.0.12.2/30' }, lo0: { ip: '2.2.2.2/32' } } });
  n.link('R1:g0/0', 'R2:g0/0');
  return n.settle();
}

describe('router features', () => {
  it('a loopback is up without a cable and answers through a static route', () => {
    const n = pair();
    const lo = n.sim.interfaces(d('R2')).find((i) => i.name === 'Loopback0')!;
    expect([lo.status, lo.protocol, lo.cabled]).toEqual(['up', 'up', false]);
    expect(n.sim.routes(d('R2')).find((r) => r.interface === 'Loopback0')).toMatchObject({
      code: 'C',
      prefix: { len: 32 },
    });
    expect(marks(n.ping('R1', '2.2.2.2'))).toBe('.!!!!');
  });

  it('a device pings its own addresses without touching the wire', () => {
    const n = pair();
    let frames = 0;
    n.sim.onWire(() => frames++);
    expect(marks(n.ping('R2', '2.2.2.2'))).toBe('!!!!!');
    expect(marks(n.ping('R1', '10.0.12.1'))).toBe('!!!!!');
    expect(frames).toBe(0);
  });

  it('ping options: source address, TTL and datagram size', () => {
    const n = pair();
    n.ping('R1', '10.0.12.2', { count: 1 });
    const sizes: number[] = [];
    const sources: number[] = [];
    n.sim.onWire((_t, _l, f) => {
      const p = f.payload;
      if (p.proto === 'ipv4' && p.payload.proto === 'icmp' && 'data' in p.payload && p.payload.type === 8) {
        sources.push(p.src);
        sizes.push(p.payload.data.length);
      }
    });
    expect(marks(n.ping('R2', '10.0.12.1', { count: 2, source: ip('2.2.2.2'), size: 1500 }))).toBe('!!');
    expect(sources).toEqual([ip('2.2.2.2'), ip('2.2.2.2')]);
    expect(sizes).toEqual([1472, 1472]);
    // A source that is not ours cannot be used.
    expect(n.ping('R2', '10.0.12.1', { count: 1, source: ip('9.9.9.9') }).results[0]!.outcome.kind).toBe(
      'timeout',
    );
    // TTL 1 to a destination one router away dies at that router.
    const far = n.ping('R1', '2.2.2.2', { count: 1, ttl: 1 });
    expect(far.results[0]!.outcome.kind).toBe('reply');
  });

  it('equal-cost static routes share the load per destination', () => {
    const n = new TestNet();
    n.router('R1', {
      interfaces: { 'g0/0': { ip: '10.0.1.1/24' }, 'g0/1': { ip: '10.0.2.1/24' } },
      routes: ['172.16.0.0/16 via 10.0.1.2', '172.16.0.0/16 via 10.0.2.2'],
    });
    n.switch('S1').switch('S2');
    n.link('R1:g0/0', 'S1:fa0/1');
    n.link('R1:g0/1', 'S2:fa0/1');
    const paths = n.sim.routes(d('R1')).filter((r) => r.code === 'S');
    expect(paths.map((r) => r.nextHop)).toEqual([ip('10.0.1.2'), ip('10.0.2.2')]);
    const requestsOn = new Map<string, number>();
    n.sim.onWire((_t, link, f) => {
      if (f.payload.proto === 'arp') requestsOn.set(link, (requestsOn.get(link) ?? 0) + 1);
    });
    for (const dst of ['172.16.0.1', '172.16.0.2', '172.16.0.3', '172.16.0.4'])
      n.ping('R1', dst, { count: 1 });
    expect([...requestsOn.keys()].sort()).toEqual(['L1', 'L2']);
  });

  it('no ip routing: the router is a host that uses its default gateway', () => {
    const n = new TestNet();
    n.router('R1', {
      interfaces: { 'g0/0': { ip: '10.0.0.1/24' }, 'g0/1': { ip: '10.1.0.1/24' } },
      ipRouting: false,
      defaultGateway: '10.0.0.2',
    });
    n.pc('A', '10.0.0.10/24', '10.0.0.1').pc('B', '10.1.0.10/24', '10.1.0.1');
    n.switch('S1');
    n.link('R1:g0/0', 'S1:fa0/1');
    n.link('A:fa0', 'S1:fa0/2');
    n.link('R1:g0/1', 'B:fa0');
    expect(marks(n.ping('A', '10.1.0.10'))).toBe('....');
    expect(n.sim.routes(d('R1')).find((r) => r.code === 'S*')?.nextHop).toBe(ip('10.0.0.2'));
  });

  it('ping and traceroute results are plain data that survive structured cloning', () => {
    const n = pair();
    const ping = n.ping('R1', '2.2.2.2', { count: 2 });
    expect(structuredClone(ping)).toEqual({ done: true, target: ip('2.2.2.2'), results: ping.results });
    const trace = n.traceroute('R1', '2.2.2.2');
    expect(structuredClone(trace)).toEqual(trace);
    // The loopback answers; its second port unreachable falls within IOS's 500 ms rate limit.
    expect(hops(trace)).toEqual(['1: 2.2.2.2!P * 2.2.2.2!P']);
    expect(trace.reached).toBe(true);
  });

  it('removing a device stops its running ping', () => {
    const n = pair();
    const job = n.sim.ping(d('R1'), ip('2.2.2.2'), {
      count: 5,
      timeout: seconds(2),
      size: 100,
      sizeIsDatagram: true,
    });
    n.run(seconds(1));
    n.sim.removeDevice(d('R1'));
    expect(job.done).toBe(true);
    n.run(seconds(20));
    expect(n.sim.nextEventTime()).toBeUndefined();
  });
});
