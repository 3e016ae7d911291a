/**
 * The classic first switching lab mistake, two switches cabled twice with no spanning tree:
 * a ping typed at a PC must still finish and print its statistics, and the switches must show
 * the broadcasts the storm put on their trunks.
 */
import { describe, expect, it } from 'vitest';
import { Session } from '../../src/session/session.ts';

const LOOP = JSON.stringify({
  version: 1,
  devices: [
    { name: 'S1', kind: 'switch', at: [0, 0] },
    { name: 'S2', kind: 'switch', at: [200, 0] },
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
  it('finishes with four answers from the PC itself, as Windows prints when ARP fails', () => {
    const session = new Session();
    expect(session.load(LOOP).ok).toBe(true);
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
