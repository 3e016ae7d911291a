import { applyPatches } from 'immer';
import { describe, expect, it } from 'vitest';
import { type ApplyResult, applyCommand, type DocCommand } from '../../src/model/commands.ts';
import { bucketOf, deviceOf, EMPTY_NETWORK, linkOf, type NetworkDoc } from '../../src/model/document.ts';
import { ERROR_TEXT, formatError } from '../../src/model/errors.ts';
import { loadNetwork } from '../../src/model/load.ts';
import { saveNetwork } from '../../src/model/save.ts';
import { hostConfigOf, hostFields } from '../../src/session/device-config.ts';
import { type DeviceId, deviceId, linkId } from '../../src/shared/ids.ts';

const d = deviceId;

function network(devices: object[], links: [string, string][] = []): NetworkDoc {
  const { doc, problems } = loadNetwork({ version: 1, devices, links });
  expect(problems).toEqual([]);
  return doc!;
}

/** Applies commands in order, expecting each to succeed. */
function apply(doc: NetworkDoc, ...cmds: DocCommand[]): NetworkDoc {
  for (const cmd of cmds) {
    const r = applyCommand(doc, cmd);
    if (!r.ok) throw new Error(`${cmd.type} refused: ${formatError(r.error)}`);
    doc = r.doc;
  }
  return doc;
}

function refusal(r: ApplyResult): { key: string; params: object; text: string } {
  if (r.ok) throw new Error('expected a refusal');
  return { key: r.error.key, params: r.error.params, text: formatError(r.error) };
}

const office = (): NetworkDoc =>
  network(
    [
      { name: 'R1', kind: 'router', at: [0, 0] },
      { name: 'S1', kind: 'switch', at: [0, 100] },
      { name: 'PC1', kind: 'pc', at: [0, 200] },
      { name: 'PC2', kind: 'pc', at: [100, 200] },
    ],
    [['PC2:Fa0', 'S1:Fa0/1']],
  );

const linkEnds = (doc: NetworkDoc): string[] =>
  doc.linkOrder.map((id) => {
    const l = linkOf(doc, id)!;
    return `${deviceOf(doc, l.a.device)!.name}:${l.a.port} - ${deviceOf(doc, l.b.device)!.name}:${l.b.port}`;
  });

describe('addDevice', () => {
  it('names new devices R1, S1, PC1, Server1 with the first unused number', () => {
    let doc = network([
      { name: 'r1', kind: 'router', at: [0, 0] },
      { name: 'PC2', kind: 'pc', at: [0, 0] },
    ]);
    for (const kind of ['router', 'switch', 'pc', 'pc', 'server'] as const) {
      doc = apply(doc, { type: 'addDevice', kind, at: [5, 6] });
    }
    expect(doc.deviceOrder.map((id) => deviceOf(doc, id)!.name)).toEqual([
      'r1',
      'PC2',
      'R2',
      'S1',
      'PC1',
      'PC3',
      'Server1',
    ]);
    expect(doc.deviceOrder).toEqual(['d1', 'd2', 'd3', 'd4', 'd5', 'd6', 'd7']);
    expect(deviceOf(doc, d('d3'))).toEqual({ id: 'd3', name: 'R2', kind: 'router', at: [5, 6] });
  });

  it('takes a given name and id, and gives the next id after the largest', () => {
    const doc = apply(
      EMPTY_NETWORK,
      { type: 'addDevice', id: d('d7'), kind: 'pc', name: 'Lab-PC', at: [0, 0] },
      {
        type: 'addDevice',
        kind: 'pc',
        at: [0, 0],
      },
    );
    expect(doc.deviceOrder).toEqual(['d7', 'd8']);
    expect(deviceOf(doc, d('d7'))!.name).toBe('Lab-PC');
  });

  it('refuses a taken or unusable name, a used id, a bad position or kind', () => {
    const doc = office();
    expect(refusal(applyCommand(doc, { type: 'addDevice', kind: 'pc', name: 'pc1', at: [0, 0] }))).toEqual({
      key: 'error.nameTaken',
      params: { name: 'pc1', other: 'PC1' },
      text: '"pc1" is already the name of PC1 (names ignore upper and lower case); pick another name',
    });
    expect(refusal(applyCommand(doc, { type: 'addDevice', kind: 'pc', name: '', at: [0, 0] })).key).toBe(
      'error.nameEmpty',
    );
    expect(refusal(applyCommand(doc, { type: 'addDevice', kind: 'pc', name: 'PC 3', at: [0, 0] })).key).toBe(
      'error.nameInvalid',
    );
    expect(refusal(applyCommand(doc, { type: 'addDevice', kind: 'pc', id: d('d1'), at: [0, 0] })).key).toBe(
      'error.deviceIdInUse',
    );
    expect(refusal(applyCommand(doc, { type: 'addDevice', kind: 'pc', at: [0, Number.NaN] })).key).toBe(
      'error.badPosition',
    );
    expect(refusal(applyCommand(doc, { type: 'addDevice', kind: 'hub' as never, at: [0, 0] })).text).toBe(
      '"hub" is not a kind of device; use router, switch, pc or server',
    );
  });
});

describe('addDevice with a switch model', () => {
  it('stores the model of a multilayer switch and names it MLS1, MLS2 apart from the S names', () => {
    const doc = apply(
      office(),
      { type: 'addDevice', kind: 'switch', model: '3560-24PS', at: [10, 20] },
      { type: 'addDevice', kind: 'switch', at: [30, 20] },
      { type: 'addDevice', kind: 'switch', model: '3560-24PS', at: [50, 20] },
      { type: 'addDevice', kind: 'switch', model: '2960-24TT', at: [70, 20] },
    );
    expect(deviceOf(doc, d('d5'))).toEqual({
      id: 'd5',
      name: 'MLS1',
      kind: 'switch',
      model: '3560-24PS',
      at: [10, 20],
    });
    // No model asked for: no model stored, and the file stays as it was before models existed.
    expect(deviceOf(doc, d('d6'))).toEqual({ id: 'd6', name: 'S2', kind: 'switch', at: [30, 20] });
    expect(deviceOf(doc, d('d7'))!.name).toBe('MLS2');
    expect(deviceOf(doc, d('d8'))).toMatchObject({ name: 'S3', model: '2960-24TT' });
    expect(saveNetwork(doc)).toContain('"name": "MLS1", "kind": "switch", "model": "3560-24PS"');
  });

  it('takes the first unused MLS number, ignoring case, and a given name over it', () => {
    const doc = apply(
      network([{ name: 'mls1', kind: 'switch', at: [0, 0] }]),
      { type: 'addDevice', kind: 'switch', model: '3560-24PS', at: [0, 0] },
      { type: 'addDevice', kind: 'switch', model: '3560-24PS', name: 'Core', at: [0, 0] },
    );
    expect(doc.deviceOrder.map((id) => deviceOf(doc, id)!.name)).toEqual(['mls1', 'MLS2', 'Core']);
    expect(deviceOf(doc, d('d3'))!.model).toBe('3560-24PS');
  });

  it('refuses a model on a device other than a switch, and a model it does not know', () => {
    const doc = office();
    expect(
      refusal(applyCommand(doc, { type: 'addDevice', kind: 'router', model: '3560-24PS', at: [0, 0] })),
    ).toEqual({
      key: 'error.modelNotSwitch',
      params: { kind: 'router' },
      text: 'a router has no hardware model: only switches take one (2960-24TT or 3560-24PS)',
    });
    expect(
      refusal(applyCommand(doc, { type: 'addDevice', kind: 'pc', model: '2960-24TT', at: [0, 0] })).text,
    ).toMatch(/^a PC has no hardware model/);
    expect(
      refusal(applyCommand(doc, { type: 'addDevice', kind: 'switch', model: '3750' as never, at: [0, 0] })),
    ).toEqual({
      key: 'error.unknownModel',
      params: { value: '3750' },
      text: '"3750" is not a switch model; use 2960-24TT or 3560-24PS',
    });
  });

  it('undo removes the multilayer switch exactly, redo brings it back with its model', () => {
    const before = office();
    const r = applyCommand(before, { type: 'addDevice', kind: 'switch', model: '3560-24PS', at: [5, 5] });
    if (!r.ok) throw new Error('refused');
    const undone = applyPatches(r.doc, r.inverse);
    expect(undone).toEqual(before);
    expect(saveNetwork(undone)).toBe(saveNetwork(before));
    const redone = applyPatches(undone, r.patches);
    expect(redone).toEqual(r.doc);
    expect(deviceOf(redone, d('d5'))).toMatchObject({ name: 'MLS1', model: '3560-24PS' });
    // Loaded back from its file, it is the same device.
    expect(deviceOf(loadNetwork(saveNetwork(redone)).doc!, d('d5'))).toEqual(deviceOf(redone, d('d5')));
  });
});

describe('moveDevice', () => {
  it('changes only the position, with one patch each way', () => {
    const doc = office();
    const r = applyCommand(doc, { type: 'moveDevice', id: d('d2'), at: [7, 8] });
    expect(r.ok && r.patches).toEqual([
      { op: 'replace', path: ['devices', bucketOf('d2'), 'd2', 'at'], value: [7, 8] },
    ]);
    expect(r.ok && r.inverse).toEqual([
      { op: 'replace', path: ['devices', bucketOf('d2'), 'd2', 'at'], value: [0, 100] },
    ]);
    expect(r.ok && deviceOf(r.doc, d('d1'))).toBe(deviceOf(doc, d('d1')));
  });

  it('makes no patch when the device does not move', () => {
    const r = applyCommand(office(), { type: 'moveDevice', id: d('d2'), at: [0, 100] });
    expect(r.ok && r.patches).toEqual([]);
  });

  it('refuses an unknown device', () => {
    expect(refusal(applyCommand(office(), { type: 'moveDevice', id: d('d99'), at: [0, 0] })).text).toBe(
      'there is no device d99 any more; it may have been deleted',
    );
  });
});

describe('renameDevice', () => {
  it('keeps the id and the cables', () => {
    const doc = apply(office(), { type: 'renameDevice', id: d('d2'), name: 'Core' });
    expect(deviceOf(doc, d('d2'))!.name).toBe('Core');
    expect(linkEnds(doc)).toEqual(['PC2:FastEthernet0 - Core:FastEthernet0/1']);
  });

  it('allows changing the case of its own name', () => {
    expect(deviceOf(apply(office(), { type: 'renameDevice', id: d('d3'), name: 'pc1' }), d('d3'))!.name).toBe(
      'pc1',
    );
  });

  it('refuses empty names, spaces, colons and names of other devices', () => {
    const doc = office();
    const key = (name: string) => refusal(applyCommand(doc, { type: 'renameDevice', id: d('d3'), name })).key;
    expect(key('')).toBe('error.nameEmpty');
    expect(key('PC 1')).toBe('error.nameInvalid');
    expect(key('PC\t1')).toBe('error.nameInvalid');
    expect(key('S1:1')).toBe('error.nameInvalid');
    expect(key('s1')).toBe('error.nameTaken');
    expect(refusal(applyCommand(doc, { type: 'renameDevice', id: d('d3'), name: 'a b' })).text).toBe(
      '"a b" cannot be a device name: no spaces and no ":" (cables and scripts write DEVICE:PORT); try e.g. R1 or PC-12',
    );
  });
});

describe('removeDevice', () => {
  it('removes the device and its cables, and undo brings both back in place', () => {
    const before = apply(office(), {
      type: 'connect',
      a: { device: d('d1'), port: 'auto' },
      b: { device: d('d2'), port: 'auto' },
    });
    const r = applyCommand(before, { type: 'removeDevice', id: d('d2') });
    if (!r.ok) throw new Error('refused');
    expect(r.doc.deviceOrder).toEqual(['d1', 'd3', 'd4']);
    expect(r.doc.linkOrder).toEqual([]);
    expect(r.doc.links).toEqual(EMPTY_NETWORK.links);
    expect(applyPatches(r.doc, r.inverse)).toEqual(before);
    expect(saveNetwork(applyPatches(r.doc, r.inverse))).toBe(saveNetwork(before));
  });
});

describe('connect', () => {
  it('chooses ports automatically: Gigabit between network devices, FastEthernet towards hosts', () => {
    const doc = apply(
      network([
        { name: 'R1', kind: 'router', at: [0, 0] },
        { name: 'S1', kind: 'switch', at: [0, 0] },
        { name: 'S2', kind: 'switch', at: [0, 0] },
        { name: 'PC1', kind: 'pc', at: [0, 0] },
        { name: 'Server1', kind: 'server', at: [0, 0] },
      ]),
      { type: 'connect', a: { device: d('d1'), port: 'auto' }, b: { device: d('d2'), port: 'auto' } },
      { type: 'connect', a: { device: d('d2'), port: 'AUTO' }, b: { device: d('d3'), port: 'auto' } },
      { type: 'connect', a: { device: d('d4'), port: 'auto' }, b: { device: d('d2'), port: 'auto' } },
      { type: 'connect', a: { device: d('d5'), port: 'auto' }, b: { device: d('d2'), port: 'auto' } },
      { type: 'connect', a: { device: d('d1'), port: 'auto' }, b: { device: d('d3'), port: 'auto' } },
      // Both Gigabit ports of S2 are taken: the next uplink falls back to FastEthernet.
      { type: 'connect', a: { device: d('d1'), port: 'auto' }, b: { device: d('d3'), port: 'auto' } },
    );
    expect(linkEnds(doc)).toEqual([
      'R1:GigabitEthernet0/0 - S1:GigabitEthernet0/1',
      'S1:GigabitEthernet0/2 - S2:GigabitEthernet0/1',
      'PC1:FastEthernet0 - S1:FastEthernet0/1',
      'Server1:FastEthernet0 - S1:FastEthernet0/2',
      'R1:GigabitEthernet0/1 - S2:GigabitEthernet0/2',
      'R1:GigabitEthernet0/2 - S2:FastEthernet0/1',
    ]);
    expect(doc.linkOrder).toEqual(['l1', 'l2', 'l3', 'l4', 'l5', 'l6']);
  });

  it('accepts abbreviated port names and stores full ones', () => {
    const doc = apply(office(), {
      type: 'connect',
      a: { device: d('d3'), port: 'f0' },
      b: { device: d('d2'), port: 'fa0/24' },
    });
    expect(linkEnds(doc)).toContain('PC1:FastEthernet0 - S1:FastEthernet0/24');
  });

  it('refuses a port in use, saying which cable uses it', () => {
    const r = applyCommand(office(), {
      type: 'connect',
      a: { device: d('d3'), port: 'auto' },
      b: { device: d('d2'), port: 'Fa0/1' },
    });
    expect(refusal(r)).toEqual({
      key: 'error.portInUse',
      params: { port: 'FastEthernet0/1', portShort: 'Fa0/1', device: 'S1', other: 'PC2' },
      text: 'Fa0/1 on S1 is already used by the cable to PC2; pick another port',
    });
  });

  it('refuses a port the device does not have, listing those it has', () => {
    const r = applyCommand(office(), {
      type: 'connect',
      a: { device: d('d1'), port: 'Fa0/0' },
      b: { device: d('d2'), port: 'auto' },
    });
    expect(refusal(r).text).toBe('R1 has no port "Fa0/0": a router has GigabitEthernet0/0-0/2');
  });

  it('refuses a cable to the same device, to an unknown device, or to a host with no free port', () => {
    const doc = office();
    const connect = (a: string, pa: string, b: string, pb: string) =>
      refusal(
        applyCommand(doc, { type: 'connect', a: { device: d(a), port: pa }, b: { device: d(b), port: pb } }),
      );
    expect(connect('d2', 'Fa0/2', 'd2', 'Fa0/3').text).toBe(
      'a cable cannot connect S1 to itself; pick another device for the other end',
    );
    expect(connect('d2', 'auto', 'd9', 'auto').key).toBe('error.unknownDevice');
    expect(connect('d4', 'auto', 'd1', 'auto').text).toBe(
      'every port of PC2 is in use; remove a cable or pick another device',
    );
  });

  it('refuses a link id already in use', () => {
    expect(
      refusal(
        applyCommand(office(), {
          type: 'connect',
          id: linkId('l1'),
          a: { device: d('d1'), port: 'auto' },
          b: { device: d('d2'), port: 'auto' },
        }),
      ).key,
    ).toBe('error.linkIdInUse');
  });
});

describe('disconnect', () => {
  it('removes the cable and frees its ports', () => {
    const doc = apply(
      office(),
      { type: 'disconnect', id: linkId('l1') },
      {
        type: 'connect',
        a: { device: d('d3'), port: 'auto' },
        b: { device: d('d2'), port: 'auto' },
      },
    );
    expect(linkEnds(doc)).toEqual(['PC1:FastEthernet0 - S1:FastEthernet0/1']);
    expect(refusal(applyCommand(doc, { type: 'disconnect', id: linkId('l9') })).text).toBe(
      'there is no cable l9 any more; it may have been deleted',
    );
  });
});

describe('setConfig and setHostIp', () => {
  it('keeps configuration text as given', () => {
    const config = 'hostname R1\n!\ninterface GigabitEthernet0/0\n ip address 10.0.0.1 255.0.0.0\n';
    expect(deviceOf(apply(office(), { type: 'setConfig', id: d('d1'), config }), d('d1'))!.config).toBe(
      config,
    );
  });

  it('refuses configuration text on a PC and IP settings on a router', () => {
    expect(refusal(applyCommand(office(), { type: 'setConfig', id: d('d3'), config: 'x' })).text).toBe(
      'PC1 is a PC: it has no IOS configuration; set its IP address and default gateway instead',
    );
    expect(refusal(applyCommand(office(), { type: 'setHostIp', id: d('d1'), ip: '10.0.0.1/8' })).key).toBe(
      'error.hostIpOnNetworkDevice',
    );
  });

  it('sets, normalizes and clears host addresses', () => {
    const set = apply(office(), { type: 'setHostIp', id: d('d3'), ip: '010.0.0.5/8', gateway: '10.0.0.1' });
    expect(deviceOf(set, d('d3'))).toMatchObject({ ip: '10.0.0.5/8', gateway: '10.0.0.1' });
    const cleared = apply(set, { type: 'setHostIp', id: d('d3') });
    expect(deviceOf(cleared, d('d3'))).toEqual({ id: 'd3', name: 'PC1', kind: 'pc', at: [0, 200] });
  });

  it('takes "dhcp" in any case for an address obtained automatically', () => {
    const set = apply(office(), { type: 'setHostIp', id: d('d3'), ip: 'DHCP' });
    expect(deviceOf(set, d('d3'))).toMatchObject({ ip: 'dhcp' });
    expect(hostConfigOf(deviceOf(set, d('d3'))!)).toEqual({ dhcp: true });
    expect(hostFields({ dhcp: true })).toEqual({ ip: 'dhcp' });
  });

  it('refuses unusable host addresses and malformed gateways, saying why', () => {
    const ip = (text: string) =>
      refusal(applyCommand(office(), { type: 'setHostIp', id: d('d3'), ip: text }));
    expect(ip('192.168.1.255/24').text).toBe(
      '"192.168.1.255/24" is the broadcast address of 192.168.1.0/24; a host needs an address from 192.168.1.1 to 192.168.1.254',
    );
    expect(ip('192.168.1.10').key).toBe('error.ipSyntax');
    expect(ip('192.168.1.10/0').key).toBe('error.ipMaskLength');
    expect(ip('127.0.0.2/8').key).toBe('error.ipLoopback');
    expect(
      refusal(
        applyCommand(office(), { type: 'setHostIp', id: d('d3'), ip: '10.0.0.5/8', gateway: '10.0.0.256' }),
      ).key,
    ).toBe('error.gatewaySyntax');
  });
});

describe('every command', () => {
  it('changes nothing when refused, and its inverse patches restore the document', () => {
    const doc = office();
    const cmds: DocCommand[] = [
      { type: 'addDevice', kind: 'switch', at: [1, 1] },
      { type: 'addDevice', kind: 'switch', model: '3560-24PS', at: [1, 1] },
      { type: 'addDevice', kind: 'server', model: '3560-24PS', at: [1, 1] },
      { type: 'moveDevice', id: d('d1'), at: [3, 4] },
      { type: 'renameDevice', id: d('d1'), name: 'Edge' },
      { type: 'removeDevice', id: d('d2') },
      { type: 'connect', a: { device: d('d1'), port: 'auto' }, b: { device: d('d2'), port: 'auto' } },
      { type: 'disconnect', id: linkId('l1') },
      { type: 'setConfig', id: d('d2'), config: 'hostname S1\n' },
      { type: 'setHostIp', id: d('d4'), ip: '10.1.1.1/24' },
      { type: 'renameDevice', id: d('d1'), name: 'S1' },
    ];
    for (const cmd of cmds) {
      const r = applyCommand(doc, cmd);
      if (r.ok) {
        expect(applyPatches(doc, r.patches), cmd.type).toEqual(r.doc);
        expect(applyPatches(r.doc, r.inverse), cmd.type).toEqual(doc);
      } else expect(['error.nameTaken', 'error.modelNotSwitch']).toContain(r.error.key);
    }
    expect(refusal(applyCommand(doc, { type: 'paint' } as never)).key).toBe('error.unknownCommand');
  });
});

describe('error texts', () => {
  it('are fragments without a final period, every placeholder a word', () => {
    for (const [key, text] of Object.entries(ERROR_TEXT)) {
      expect(text, key).not.toMatch(/\.$/);
      expect(text[0], key).not.toMatch(/[A-Z]/);
    }
  });

  it('render device kinds by their English names', () => {
    const id: DeviceId = d('d4');
    expect(refusal(applyCommand(office(), { type: 'setConfig', id, config: '' })).text).toMatch(
      /^PC2 is a PC:/,
    );
  });
});
