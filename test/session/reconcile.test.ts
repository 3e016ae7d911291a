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

  it('after undoing changes to several devices', () => {
    const { session, id } = open();
    const [pc1, pc2] = [id('PC1'), id('PC2')];
    session.dispatch({ type: 'setHostIp', id: pc2, ip: '192.168.10.22/24', gateway: '192.168.10.1' });
    session.dispatch({ type: 'moveDevice', id: pc1, at: [0, 0] });
    session.dispatch({ type: 'setHostIp', id: pc1, ip: '192.168.10.21/24', gateway: '192.168.10.1' });
    expect(ipconfig(session, pc1)).toContain('192.168.10.21');
    expect(ipconfig(session, pc2)).toContain('192.168.10.22');
    session.undo();
    expect(ipconfig(session, pc1)).toContain('192.168.10.10');
    expect(ipconfig(session, pc2)).toContain('192.168.10.22');
    session.undo();
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

describe('configuration typed at a console', () => {
  it('survives undoing and redoing the creation of the device', () => {
    const session = new Session({ seed: 1 });
    session.load(JSON.stringify({ version: 1, devices: [], links: [] }));
    const added = session.dispatch({ type: 'addDevice', kind: 'router', name: 'R9', at: [0, 0] });
    expect(added.ok).toBe(true);
    const r9 = session.findDevice('R9')!;
    for (const line of ['enable', 'configure terminal', 'hostname Edge', 'end']) session.exec(r9, line);
    expect(session.prompt(r9)).toBe('Edge#');
    session.undo();
    expect(session.findDevice('R9')).toBeUndefined();
    session.redo();
    const again = session.findDevice('R9')!;
    expect(session.prompt(again)).toBe('Edge>');
    expect(session.save()).toContain('hostname Edge');
  });

  it('is refused whole when the document would refuse it, so the file and the engine agree', () => {
    const session = new Session({ seed: 1 });
    session.load(
      JSON.stringify({ version: 1, devices: [{ name: 'PC1', kind: 'pc', at: [0, 0] }], links: [] }),
    );
    const pc1 = session.findDevice('PC1')!;
    session.exec(pc1, 'ipconfig 192.168.10.0 255.255.255.0');
    const ipconfig = session.exec(pc1, 'ipconfig').output;
    const saved = session.save();
    expect(saved.includes('192.168.10.0/24')).toBe(ipconfig.includes('192.168.10.0'));
  });
});
