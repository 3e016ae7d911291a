import { describe, expect, it, vi } from 'vitest';
import { lightOf } from '../../src/session/link-lights.ts';
import { Session } from '../../src/session/session.ts';
import type { LinkId } from '../../src/shared/ids.ts';
import { micros } from '../../src/shared/time.ts';

const LAB = JSON.stringify({
  version: 1,
  devices: [
    { name: 'R1', kind: 'router', at: [0, 0], config: 'hostname R1\n!\nend\n' },
    { name: 'PC1', kind: 'pc', at: [0, 100], ip: '192.168.1.10/24' },
    { name: 'S1', kind: 'switch', at: [200, 0] },
    { name: 'PC2', kind: 'pc', at: [200, 100], ip: '192.168.1.11/24' },
  ],
  links: [
    ['R1:GigabitEthernet0/0', 'PC1:FastEthernet0'],
    ['S1:FastEthernet0/1', 'PC2:FastEthernet0'],
  ],
});

function open(): { session: Session; router: LinkId; switched: LinkId; run: (lines: string[]) => void } {
  const session = new Session();
  expect(session.load(LAB).ok).toBe(true);
  const [router, switched] = session.document().linkOrder as [LinkId, LinkId];
  const r1 = session.findDevice('R1')!;
  const run = (lines: string[]): void => {
    for (const line of lines) session.exec(r1, line);
  };
  return { session, router, switched, run };
}

describe('link lights come from the simulated interfaces', () => {
  it('reads the Status and Protocol columns as the port LEDs show them', () => {
    expect(lightOf({ status: 'up', protocol: 'up' })).toBe('green');
    expect(lightOf({ status: 'up', protocol: 'down' })).toBe('amber');
    expect(lightOf({ status: 'down', protocol: 'down' })).toBe('red');
    expect(lightOf({ status: 'administratively down', protocol: 'down' })).toBe('red');
    expect(lightOf(undefined)).toBe('red');
  });

  it('a router port left shut down keeps both ends red until `no shutdown`', () => {
    const { session, router, switched, run } = open();
    const first = session.linkLights(0);
    expect(first.changed).toEqual(
      expect.arrayContaining([
        { link: router, a: 'red', b: 'red' },
        { link: switched, a: 'green', b: 'green' },
      ]),
    );
    run(['enable', 'configure terminal', 'interface g0/0', 'no shutdown', 'end']);
    const after = session.linkLights(first.version);
    expect(after.changed).toEqual([{ link: router, a: 'green', b: 'green' }]);
    run(['configure terminal', 'interface g0/0', 'shutdown', 'end']);
    expect(session.linkLights(after.version).changed).toEqual([{ link: router, a: 'red', b: 'red' }]);
  });

  it('shows a switch port amber while spanning tree listens and learns, for 30 s after it came up', () => {
    const { session, switched } = open();
    session.advance(micros(5_000_000));
    const s1 = session.findDevice('S1')!;
    for (const line of ['enable', 'configure terminal', 'interface fa0/1', 'shutdown', 'no shutdown', 'end'])
      session.exec(s1, line);
    const { version } = session.linkLights(0);
    expect(session.linkLights(0).changed).toContainEqual({ link: switched, a: 'amber', b: 'green' });
    session.advance(micros(29_000_000));
    expect(session.linkLights(version).changed).toEqual([]);
    session.advance(micros(2_000_000));
    expect(session.linkLights(version).changed).toEqual([{ link: switched, a: 'green', b: 'green' }]);
  });

  it('answers from what it knows when nothing could have changed the ports', () => {
    const { session, router } = open();
    session.advance(micros(5_000_000));
    const { version } = session.linkLights(0);
    const interfaces = vi.spyOn(session.simulation, 'interfaces');
    const pc1 = session.findDevice('PC1')!;
    // Moving a device changes no port (the switch's BPDUs, every 2 s, make time run events).
    expect(session.dispatch({ type: 'moveDevice', id: pc1, at: [50, 150] }).ok).toBe(true);
    expect(session.linkLights(version)).toEqual({ version, changed: [] });
    expect(interfaces).not.toHaveBeenCalled();
    session.dispatch({ type: 'disconnect', id: router });
    expect(session.linkLights(version).changed).toEqual([]);
    expect(interfaces).toHaveBeenCalled();
    session.undo();
    const back = session.linkLights(version);
    expect(back.version).toBeGreaterThan(version);
    expect(back.changed).toEqual([{ link: router, a: 'red', b: 'red' }]);
  });

  it('gives everything again to a client that starts over', () => {
    const { session } = open();
    const { version } = session.linkLights(0);
    expect(session.linkLights(version).changed).toEqual([]);
    expect(session.linkLights(0).changed).toHaveLength(2);
    expect(session.linkLights(version + 10).changed).toHaveLength(2);
  });
});
