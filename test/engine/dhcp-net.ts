/** Devices the DHCP tests share: a relayed topology, and a router that is a DHCP client. */
import type { DeviceConfig } from '../../src/shared/config.ts';
import { deviceId } from '../../src/shared/ids.ts';
import { ip, TestNet } from './net.ts';

const d = deviceId;

/**
 * R1 serves `lan` (and whatever else `serve` adds to its configuration) from across R2, whose
 * Gi0/1 relays to it at 10.0.0.1; PC1 behind R2, not yet asking. `lan`: the relayed LAN, as "192.168.10.0", whose .1 is R2's Gi0/1. */
export function relayedDhcp(lan: string, serve: (r1: DeviceConfig) => DeviceConfig): TestNet {
  const n = new TestNet();
  const r1 = { interfaces: { 'g0/0': { ip: '10.0.0.1/30' } }, routes: [`${lan}/24 via 10.0.0.2`] };
  n.router('R1', r1);
  n.sim.configure(d('R1'), serve(n.config('R1', r1)));
  n.router('R2');
  const gateway = lan.replace(/\.0$/, '.1');
  const r2 = n.config('R2', {
    interfaces: { 'g0/0': { ip: '10.0.0.2/30' }, 'g0/1': { ip: `${gateway}/24` } },
  });
  const g01 = r2.interfaces['GigabitEthernet0/1']!;
  n.sim.configure(d('R2'), {
    ...r2,
    interfaces: { ...r2.interfaces, 'GigabitEthernet0/1': { ...g01, helperAddresses: [ip('10.0.0.1')] } },
  });
  n.link('R1:g0/0', 'R2:g0/0');
  n.pc('PC1');
  n.link('PC1:fa0', 'R2:g0/1');
  n.settle();
  return n;
}

/** Adds router R1 with `ip address dhcp` on its Gi0/1 (no shutdown), cabled to nothing yet. */
export function dhcpClientRouter(n: TestNet): void {
  n.router('R1');
  const r1 = n.config('R1', { interfaces: { 'g0/1': {} } });
  n.sim.configure(d('R1'), {
    ...r1,
    interfaces: {
      ...r1.interfaces,
      'GigabitEthernet0/1': { ...r1.interfaces['GigabitEthernet0/1']!, ipDhcp: true },
    },
  });
}
