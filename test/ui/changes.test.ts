import { describe, expect, it } from 'vitest';
import { DocMirror } from '../../src/editor/doc-mirror.ts';
import { Session } from '../../src/session/session.ts';
import { micros } from '../../src/shared/time.ts';
import { Changes } from '../../src/ui/changes.ts';
import { LightBoard } from '../../src/ui/lights.ts';

const NETWORK = JSON.stringify({
  version: 1,
  devices: [
    { name: 'R1', kind: 'router', at: [0, 0] },
    { name: 'PC1', kind: 'pc', at: [0, 100], ip: '192.168.1.10/24' },
  ],
  links: [['R1:GigabitEthernet0/0', 'PC1:FastEthernet0']],
});

async function page() {
  const session = new Session();
  expect(session.load(NETWORK).ok).toBe(true);
  const mirror = new DocMirror();
  const lights = new LightBoard();
  const log: string[] = [];
  const changes = new Changes(session, mirror, lights, {
    refused: (key) => log.push(`refused ${key}`),
    failed: (e) => log.push(`failed ${String(e)}`),
    edited: () => log.push('edited'),
  });
  await changes.resync();
  return { session, mirror, lights, log, changes };
}

describe('changes to the simulation', () => {
  it('applies what the simulator did to the mirror, and takes the lights along', async () => {
    const { session, mirror, lights, log, changes } = await page();
    expect(mirror.doc).toEqual(session.document());
    expect(lights.table.size).toBe(1);
    const patches = await changes.run(session.dispatch({ type: 'addDevice', kind: 'switch', at: [100, 0] }));
    expect(patches?.length).toBeGreaterThan(0);
    expect(mirror.doc).toEqual(session.document());
    expect(log).toEqual(['edited']);
  });

  it('leaves the mirror as it was on a refusal, for the user to read why', async () => {
    const { session, mirror, log, changes } = await page();
    const before = mirror.doc;
    const R1 = session.findDevice('R1')!;
    expect(
      await changes.run(session.dispatch({ type: 'renameDevice', id: R1, name: 'PC1' })),
    ).toBeUndefined();
    expect(mirror.doc).toBe(before);
    expect(log).toEqual(['refused error.nameTaken']);
  });

  it('reports a call that threw and takes the simulator’s document again', async () => {
    const { session, mirror, log, changes } = await page();
    // The simulator moved on without the page hearing of it, then a call failed.
    session.dispatch({ type: 'addDevice', kind: 'server', at: [200, 0] });
    expect(mirror.doc.deviceOrder).toHaveLength(2);
    expect(await changes.run(Promise.reject(new Error('lost in the worker')))).toBeUndefined();
    expect(log).toEqual(['failed Error: lost in the worker']);
    expect(mirror.doc).toEqual(session.document());
    expect(mirror.doc.deviceOrder).toHaveLength(3);
  });

  it('applies a console line’s document changes and asks for the lights it may have changed', async () => {
    const { session, mirror, lights, log, changes } = await page();
    const R1 = session.findDevice('R1')!;
    const replies = ['enable', 'configure terminal', 'interface g0/0', 'no shutdown'].map((line) =>
      session.exec(R1, line),
    );
    // The port comes up a moment after `no shutdown`, as on the equipment.
    session.advance(micros(5_000_000));
    for (const reply of replies) changes.consoleRan(reply.patches);
    await changes.pollLights();
    expect(mirror.doc).toEqual(session.document());
    expect(log).toEqual(['edited']);
    const [link] = mirror.doc.linkOrder;
    expect(lights.lightOf(link!, 'a')).toBe('green');
  });
});
