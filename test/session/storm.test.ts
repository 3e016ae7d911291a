/**
 * Two switches cabled twice. With spanning tree (a Catalyst's default) one of the two cables
 * blocks and the PCs reach each other. Without it (`no spanning-tree vlan 1`) a broadcast
 * circulates for ever: a ping typed at a PC must still finish and print its statistics, and
 * the switches must show the broadcasts the storm put on their trunks.
 */
import { describe, expect, it } from 'vitest';
import { Session } from '../../src/session/session.ts';

const loop = (config: (name: string) => string | undefined) =>
  JSON.stringify({
    version: 1,
    devices: [
      { name: 'S1', kind: 'switch', at: [0, 0], config: config('S1') },
      { name: 'S2', kind: 'switch', at: [200, 0], config: config('S2') },
      { name: 'PC1', kind: 'pc', at: [0, 100], ip: '10.0.0.1/24' },
      { name: 'PC2', kind: 'pc', at: [200, 100], ip: '10.0.0.2/24' },
    ],
    links: [
      ['S1:GigabitEthernet0/1', 'S2:GigabitEthernet0/1'],
      ['S1:GigabitEthernet0/2', 'S2:GigabitEthernet0/2'],
      ['PC1:FastEthernet0', 'S1:FastEthernet0/1'],
      ['PC2:FastEthernet0', 'S2:FastEthernet0/1'],
    ],
  });

describe('a ping across a switching loop', () => {
  it('gets its replies where spanning tree blocks one of the cables', () => {
    const session = new Session();
    expect(session.load(loop(() => undefined)).ok).toBe(true);
    const pc1 = session.findDevice('PC1')!;
    expect(session.exec(pc1, 'ping 10.0.0.2').output).toContain(
      'Packets: Sent = 4, Received = 4, Lost = 0 (0% loss),',
    );
    const s2 = session.findDevice('S2')!;
    session.exec(s2, 'enable');
    expect(session.exec(s2, 'show spanning-tree').output).toMatch(/Gi0\/2 +Altn BLK 4 +128\.26 +P2p/);
  });

  it('without spanning tree finishes with four answers from the PC itself, as Windows prints when ARP fails', () => {
    const session = new Session();
    expect(session.load(loop((name) => `hostname ${name}\nno spanning-tree vlan 1\n`)).ok).toBe(true);
    const pc1 = session.findDevice('PC1')!;
    const { output } = session.exec(pc1, 'ping 10.0.0.2');
    expect(output.match(/Reply from 10\.0\.0\.1: Destination host unreachable\./g)).toHaveLength(4);
    expect(output).toContain('Packets: Sent = 4, Received = 4, Lost = 0 (0% loss),');

    const s1 = session.findDevice('S1')!;
    session.exec(s1, 'enable');
    const counters = session.exec(s1, 'show interfaces g0/1 | include broadcasts').output;
    const received = Number(/Received (\d+) broadcasts/.exec(counters)?.[1]);
    expect(received).toBeGreaterThan(1_000);
  });
});
