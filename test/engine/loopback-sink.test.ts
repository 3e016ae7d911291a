/**
 * A loopback's subnet is a sink: a datagram routed into it, to an address the loopback does not
 * own, finds no link to resolve its next hop on. The ARP request is dropped at the loopback and
 * the datagram with it, silently, on a router as on a multilayer switch.
 */
import { describe, expect, it } from 'vitest';
import type { TraceEvent } from '../../src/engine/trace.ts';
import { deviceId } from '../../src/shared/ids.ts';
import { marks, routerConfig, type SwitchSpec, switchConfig, TestNet } from './net.ts';

function drops(n: TestNet, from: number): string[] {
  return n.sim.trace.events
    .slice(from)
    .flatMap((e: TraceEvent) =>
      e.kind === 'drop' ? [`${e.device} ${e.reason} ${e.port ?? ''}`.trim()] : [],
    );
}

function expectSink(n: TestNet, gateway: string): void {
  n.settle();
  expect(marks(n.ping('PC1', '1.1.1.1'))).toBe('!!!!');
  const before = n.sim.trace.events.length;
  expect(marks(n.ping('PC1', '1.1.1.5'))).toBe('....');
  expect(drops(n, before)).toEqual(
    Array(4)
      .fill([`${gateway} no-route Loopback0`, `${gateway} arp-incomplete`])
      .flat(),
  );
}

describe("a loopback's subnet", () => {
  it('ends datagrams to its other addresses on a router', () => {
    const n = new TestNet();
    n.router('R1').pc('PC1', '192.168.10.10/24', '192.168.10.1');
    n.link('PC1:fa0', 'R1:g0/0');
    const config = routerConfig('R1', {
      interfaces: { 'g0/0': { ip: '192.168.10.1/24' }, lo0: { ip: '1.1.1.1/24' } },
    });
    n.sim.configure(deviceId('R1'), config);
    expectSink(n, 'R1');
  });

  it('ends datagrams to its other addresses on a multilayer switch', () => {
    const spec: SwitchSpec = {
      vlans: [10],
      ports: { 'fa0/1': { mode: 'access', access: 10 } },
      svis: { 10: '192.168.10.1/24' },
      routed: { lo0: '1.1.1.1/24' },
      ipRouting: true,
    };
    const n = new TestNet();
    n.switch('DSW1', spec, '3560-24PS').pc('PC1', '192.168.10.10/24', '192.168.10.1');
    n.link('PC1:fa0', 'DSW1:fa0/1');
    n.sim.configure(deviceId('DSW1'), switchConfig('DSW1', spec));
    expectSink(n, 'DSW1');
  });
});
