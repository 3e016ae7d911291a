import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { deviceOf } from '../../src/model/document.ts';
import { loadNetwork } from '../../src/model/load.ts';
import { saveNetwork } from '../../src/model/save.ts';

const read = (path: string): string => readFileSync(new URL(path, import.meta.url), 'utf8');

describe('saveNetwork', () => {
  it('writes the example network back byte for byte', () => {
    const text = read('../../examples/small-office.json');
    expect(saveNetwork(loadNetwork(text).doc!)).toBe(text);
  });

  it('writes the canonical layout: one-line hosts and cables, full port names, final newline', () => {
    const text = read('../fixtures/networks/valid/abbreviations.json');
    expect(saveNetwork(loadNetwork(text).doc!)).toBe(
      [
        '{',
        '  "version": 1,',
        '  "devices": [',
        '    {',
        '      "name": "R1",',
        '      "kind": "router",',
        '      "at": [300, 100],',
        '      "config": "hostname R1\\n"',
        '    },',
        '    { "name": "S1", "kind": "switch", "at": [300, 250] },',
        '    { "name": "PC1", "kind": "pc", "at": [200, 400], "ip": "192.168.1.10/24", "gateway": "192.168.1.1" },',
        '    { "name": "Srv1", "kind": "server", "at": [400, 400], "ip": "192.168.1.20/24", "gateway": "192.168.1.1" }',
        '  ],',
        '  "links": [',
        '    ["R1:GigabitEthernet0/0", "S1:GigabitEthernet0/1"],',
        '    ["PC1:FastEthernet0", "S1:FastEthernet0/1"],',
        '    ["Srv1:FastEthernet0", "S1:FastEthernet0/2"]',
        '  ]',
        '}',
        '',
      ].join('\n'),
    );
  });

  it('writes a switch model after the kind, and only when the file gives one', () => {
    const text = saveNetwork(
      loadNetwork({
        version: 1,
        devices: [
          { name: 'MLS1', kind: 'switch', model: '3560-24PS', at: [0, 0] },
          { name: 'S1', kind: 'switch', at: [0, 100] },
        ],
      }).doc!,
    );
    expect(text).toContain('    { "name": "MLS1", "kind": "switch", "model": "3560-24PS", "at": [0, 0] },\n');
    expect(text).toContain('    { "name": "S1", "kind": "switch", "at": [0, 100] }\n');
  });

  it('writes an empty network with empty lists', () => {
    expect(saveNetwork(loadNetwork('{"version":1,"devices":[]}').doc!)).toBe(
      '{\n  "version": 1,\n  "devices": [],\n  "links": []\n}\n',
    );
  });

  it('keeps configuration text exactly, including odd characters', () => {
    const config = 'hostname R1\r\n banner motd #Ünïcödé "quoted" \\ \t\u0001\n';
    const text = saveNetwork(
      loadNetwork({ version: 1, devices: [{ name: 'R1', kind: 'router', at: [0, 0], config }] }).doc!,
    );
    expect(deviceOf(loadNetwork(text).doc!, 'd1' as never)).toMatchObject({ config });
  });

  it('is stable on every valid fixture', () => {
    const dir = new URL('../fixtures/networks/valid/', import.meta.url);
    for (const file of readdirSync(dir)) {
      const once = saveNetwork(loadNetwork(readFileSync(new URL(file, dir), 'utf8')).doc!);
      expect(saveNetwork(loadNetwork(once).doc!), file).toBe(once);
    }
  });
});
