/**
 * Traceroutes in a console that streams (the app's): each probe's outcome appears as the
 * simulation's clock reaches it, as on a real console, not once its hop is complete.
 */
import { describe, expect, it } from 'vitest';
import { Session } from '../../src/session/session.ts';
import { type Micros, ms, seconds } from '../../src/shared/time.ts';

// R1 routes 10.0.0.0/8 to a next hop that does not exist: probes that reach hop 2 vanish.
// R2 is R1's neighbour on 172.16.0.0/30.
const NETWORK = JSON.stringify({
  version: 1,
  devices: [
    {
      name: 'R1',
      kind: 'router',
      at: [0, 0],
      config:
        'hostname R1\n!\ninterface GigabitEthernet0/0\n ip address 192.168.1.1 255.255.255.0\n no shutdown\n!\n' +
        'interface GigabitEthernet0/1\n ip address 172.16.0.1 255.255.255.252\n no shutdown\n!\n' +
        'ip route 10.0.0.0 255.0.0.0 192.168.1.99\n!\nend\n',
    },
    {
      name: 'R2',
      kind: 'router',
      at: [100, 0],
      config:
        'hostname R2\n!\ninterface GigabitEthernet0/0\n ip address 172.16.0.2 255.255.255.252\n no shutdown\n!\nend\n',
    },
    { name: 'PC1', kind: 'pc', at: [0, 100], ip: '192.168.1.10/24', gateway: '192.168.1.1' },
  ],
  links: [
    ['R1:GigabitEthernet0/0', 'PC1:FastEthernet0'],
    ['R1:GigabitEthernet0/1', 'R2:GigabitEthernet0/0'],
  ],
});

function console1(name: string) {
  const session = new Session({ streaming: true });
  expect(session.load(NETWORK).ok).toBe(true);
  const id = session.findDevice(name)!;
  let shown = '';
  return {
    session,
    run(line: string): string {
      const reply = session.exec(id, line);
      shown += reply.output;
      return reply.output;
    },
    /** What the console shows after `by` more of the clock. */
    after(by: Micros): string {
      session.advance(by);
      shown += session.consoleLog(id);
      return shown;
    },
    interrupt(): string {
      const reply = session.interrupt(id);
      shown += reply.output;
      return `${shown}${reply.prompt}`;
    },
  };
}

describe('a traceroute in a console that streams', () => {
  it('Windows tracert: the hop number first, then each probe as it ends', () => {
    const c = console1('PC1');
    expect(c.run('tracert -h 2 -w 1000 10.1.1.1')).toBe(
      '\nTracing route to 10.1.1.1 over a maximum of 2 hops\n\n  1',
    );
    expect(c.after(ms(100))).toMatch(/ {2}1 {4}<1 ms {4}<1 ms {4}<1 ms {2}192\.168\.1\.1\n {2}2$/);
    expect(c.after(seconds(1))).toMatch(/\n {2}2 {5}\* {3}$/);
    expect(c.after(seconds(1))).toMatch(/\n {2}2 {5}\* {8}\* {3}$/);
    expect(c.after(seconds(1))).toMatch(
      /\n {2}2 {5}\* {8}\* {8}\* {5}Request timed out\.\n\nTrace complete\.\n\n$/,
    );
  });

  it('Windows tracert stopped by Ctrl+C mid-hop: ^C where the line stands', () => {
    const c = console1('PC1');
    c.run('tracert -w 1000 10.1.1.1');
    c.after(ms(1500));
    expect(c.interrupt()).toMatch(/\n {2}2 {5}\* {3}\^C\nC:\\>$/);
  });

  it('IOS traceroute: each "*" as its probe times out, a new line when stopped mid-hop', () => {
    const c = console1('R1');
    c.run('enable');
    c.run('traceroute 10.1.1.1');
    expect(c.after(ms(100))).toMatch(/VRF info: \(vrf in name\/id, vrf out name\/id\)\n {2}1$/);
    expect(c.after(seconds(3))).toMatch(/\n {2}1 {2}\* $/);
    expect(c.after(seconds(3))).toMatch(/\n {2}1 {2}\* {2}\* $/);
    expect(c.interrupt()).toMatch(/\n {2}1 {2}\* {2}\* \nR1#$/);
  });

  it('IOS traceroute: an answer after a timeout starts a line of its own, a timeout after a time takes one space', () => {
    const c = console1('R1');
    c.run('enable');
    c.run('traceroute 172.16.0.2');
    // The first probe is lost to ARP; R2 answers the second port unreachable, and the third
    // right after it meets R2's limit of one unreachable per 500 ms.
    expect(c.after(seconds(10))).toMatch(/\n {2}1 {2}\* \n {4}172\.16\.0\.2 0 msec \* \n$/);
  });
});
