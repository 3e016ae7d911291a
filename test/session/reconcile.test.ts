import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { Session } from '../../src/session/session.ts';
import type { DeviceId } from '../../src/shared/ids.ts';

const office = readFileSync(new URL('../../examples/small-office.json', import.meta.url), 'utf8');

function open(): { session: Session; id: (name: string) => DeviceId } {
  const session = new Session();
  expect(session.load(office).ok).toBe(true);
  return { session, id: (name) => session.findDevice(name)! };
}

const ipconfig = (session: Session, id: DeviceId): string => session.exec(id, 'ipconfig').output;

describe('the session keeps the consoles and the simulation in step with the document', () => {
  it('after a configuration change and its undo', () => {
    const { session, id } = open();
    const r1 = id('R1');
    expect(session.prompt(r1)).toBe('R1>');
    expect(session.dispatch({ type: 'setConfig', id: r1, config: 'hostname Branch\n!\nend\n' }).ok).toBe(
      true,
    );
    expect(session.prompt(r1)).toBe('Branch>');
    session.undo();
    expect(session.prompt(r1)).toBe('R1>');
    session.redo();
    expect(session.prompt(r1)).toBe('Branch>');
  });

  it('after undoing a group that changed several devices', () => {
    const { session, id } = open();
    const [pc1, pc2] = [id('PC1'), id('PC2')];
    session.beginGroup();
    session.dispatch({ type: 'setHostIp', id: pc2, ip: '192.168.10.22/24', gateway: '192.168.10.1' });
    session.dispatch({ type: 'moveDevice', id: pc1, at: [0, 0] });
    session.dispatch({ type: 'setHostIp', id: pc1, ip: '192.168.10.21/24', gateway: '192.168.10.1' });
    session.endGroup();
    expect(ipconfig(session, pc1)).toContain('192.168.10.21');
    expect(ipconfig(session, pc2)).toContain('192.168.10.22');
    session.undo();
    expect(ipconfig(session, pc1)).toContain('192.168.10.10');
    expect(ipconfig(session, pc2)).toContain('192.168.10.11');
  });

  it('after removing a device and undoing the removal', () => {
    const { session, id } = open();
    const pc2 = id('PC2');
    session.dispatch({ type: 'removeDevice', id: pc2 });
    expect(() => session.prompt(pc2)).toThrow();
    session.undo();
    expect(ipconfig(session, pc2)).toContain('192.168.10.11');
    expect(session.save()).toBe(open().session.save());
  });
});
