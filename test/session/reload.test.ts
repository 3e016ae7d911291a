/**
 * `reload` asks to save only when the running-config differs from what booting the
 * startup-config would give: a network file counts as saved, whatever order or abbreviations
 * its configuration text uses.
 */
import { describe, expect, it } from 'vitest';
import { Session } from '../../src/session/session.ts';

const CONFIG = [
  'hostname R1',
  'int g0/0',
  ' ip add 192.168.1.1 255.255.255.0',
  ' no shut',
  'interface Loopback0',
  ' ip address 1.1.1.1 255.255.255.255',
  'ip route 0.0.0.0 0.0.0.0 192.168.1.254',
].join('\n');

function loaded(): { s: Session; type: (line: string) => string } {
  const s = new Session();
  const file = {
    version: 1,
    devices: [{ name: 'R1', kind: 'router', at: [0, 0], config: CONFIG }],
    links: [],
  };
  expect(s.load(JSON.stringify(file)).ok).toBe(true);
  const r1 = s.findDevice('R1')!;
  return { s, type: (line) => `${s.exec(r1, line).output}${s.prompt(r1)}` };
}

describe('reload', () => {
  it('does not take a file written in another order for a change', () => {
    const { type } = loaded();
    type('enable');
    expect(type('reload')).toBe('Proceed with reload? [confirm]');
  });

  it('asks to save after a change', () => {
    const { type } = loaded();
    for (const l of ['enable', 'configure terminal', 'interface loopback 0', 'shutdown', 'end']) type(l);
    expect(type('reload')).toBe('\nSystem configuration has been modified. Save? [yes/no]: ');
  });
});
