import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { deviceOf, linkOf } from '../../src/model/document.ts';
import { formatProblems, loadNetwork } from '../../src/model/load.ts';
import { comparePointers } from '../../src/model/pointer.ts';

const officeText = readFileSync(new URL('../../examples/small-office.json', import.meta.url), 'utf8');

const lines = (input: unknown): string[] => formatProblems('f.json', loadNetwork(input).problems);

describe('loadNetwork: a valid file', () => {
  it('builds the document with ids in file order and full port names', () => {
    const { doc, problems } = loadNetwork(officeText);
    expect(problems).toEqual([]);
    expect(doc!.deviceOrder).toEqual(['d1', 'd2', 'd3', 'd4', 'd5']);
    expect(doc!.linkOrder).toEqual(['l1', 'l2', 'l3', 'l4']);
    expect(deviceOf(doc!, 'd3' as never)).toEqual({
      id: 'd3',
      name: 'PC1',
      kind: 'pc',
      at: [220, 440],
      ip: '192.168.10.10/24',
      gateway: '192.168.10.1',
    });
    expect(linkOf(doc!, 'l2' as never)).toEqual({
      id: 'l2',
      a: { device: 'd3', port: 'FastEthernet0' },
      b: { device: 'd2', port: 'FastEthernet0/1' },
    });
    expect(Object.isFrozen(doc!.devices)).toBe(true);
  });

  it('normalizes abbreviated ports, name case in cables and leading zeros in addresses', () => {
    const { doc, problems } = loadNetwork({
      version: 1,
      devices: [
        { name: 'R1', kind: 'router', at: [0, 0] },
        { name: 'S1', kind: 'switch', at: [0, 1] },
        { name: 'PC1', kind: 'pc', at: [0, 2], ip: '192.168.001.010/24', gateway: '192.168.1.001' },
      ],
      links: [
        ['r1:g0/0', 'S1:gig 0/1'],
        ['PC1:f0', 's1:Fa0/10'],
      ],
    });
    expect(problems).toEqual([]);
    expect(linkOf(doc!, 'l1' as never)).toMatchObject({
      a: { device: 'd1', port: 'GigabitEthernet0/0' },
      b: { device: 'd2', port: 'GigabitEthernet0/1' },
    });
    expect(linkOf(doc!, 'l2' as never)).toMatchObject({ b: { device: 'd2', port: 'FastEthernet0/10' } });
    expect(deviceOf(doc!, 'd3' as never)).toMatchObject({ ip: '192.168.1.10/24', gateway: '192.168.1.1' });
  });

  it('accepts "$schema", a missing "links", a byte order mark, and a gateway outside the subnet', () => {
    const text =
      '\uFEFF{"$schema": "./network.schema.json", "version": 1, "devices": [{"name": "PC1", "kind": "pc", "at": [1, 2], "ip": "10.0.0.5/24", "gateway": "172.16.0.1"}]}';
    const { doc, problems } = loadNetwork(text);
    expect(problems).toEqual([]);
    expect(doc!.linkOrder).toEqual([]);
  });

  it("keeps a router's RSA key size, and says why a wrong one or a host's is refused", () => {
    const file = (device: Record<string, unknown>) =>
      JSON.stringify({ version: 1, devices: [{ name: 'R1', kind: 'router', at: [0, 0], ...device }] });
    const { doc } = loadNetwork(file({ rsaKeyBits: 1024 }));
    expect(deviceOf(doc!, 'd1' as never)?.rsaKeyBits).toBe(1024);
    expect(lines(file({ rsaKeyBits: 100 }))).toEqual([
      'f.json: /devices/0/rsaKeyBits: "rsaKeyBits" is a key size in bits from 360 to 4096 (IOS\'s range), not 100',
    ]);
    expect(lines(file({ kind: 'pc', rsaKeyBits: 1024 }))).toEqual([
      'f.json: /devices/0/rsaKeyBits: R1 is a PC: only routers and switches have RSA keys',
    ]);
  });

  it('accepts /31 and /32 host addresses (RFC 3021 point-to-point, host routes)', () => {
    const devices = ['10.0.0.0/31', '10.0.0.1/31', '10.0.0.7/32'].map((ip, i) => ({
      name: `PC${i}`,
      kind: 'pc',
      at: [0, 0],
      ip,
    }));
    expect(lines({ version: 1, devices, links: [] })).toEqual([]);
  });
});

describe('loadNetwork: problems', () => {
  it('reports every problem at once, in document order', () => {
    const result = loadNetwork({
      version: 1,
      links: [['S1:Fa0/1', 'PC1:Fa0'], ['S1:Fa0/1', 'R1:Gi0/0'], 'R1'],
      devices: [
        { name: 'S1', kind: 'switch', at: [0, 0], ip: '10.0.0.1/8' },
        { name: 'PC1', kind: 'pc', at: [0, 0], ip: '10.0.0.0/8' },
        { name: 'pc1', kind: 'router', at: 'here' },
      ],
    });
    expect(result.doc).toBeUndefined();
    expect(formatProblems('f.json', result.problems)).toEqual([
      'f.json: /devices/0/ip: S1 is a switch: its addresses belong in its configuration (interface ... ip address ...), not in "ip", "gateway" or "dns"',
      'f.json: /devices/1/ip: "10.0.0.0/8" is the network address of 10.0.0.0/8; a host needs an address from 10.0.0.1 to 10.255.255.254',
      'f.json: /devices/2/name: the name "pc1" is already used by /devices/1 ("PC1"); device names must differ, even ignoring upper and lower case',
      'f.json: /devices/2/at: a position is two numbers [x, y], not "here"',
      'f.json: /links/1/0: port "Fa0/1" of S1 is already used by link /links/0',
      'f.json: /links/1/1: no device is named "R1" (the devices are: S1, PC1, pc1)',
      'f.json: /links/2: a cable is a pair of ends such as ["R1:GigabitEthernet0/0", "S1:GigabitEthernet0/1"], not "R1"',
    ]);
  });

  it('gives each problem an i18n key and parameters', () => {
    const [p] = loadNetwork({
      version: 1,
      devices: [{ name: 'PC1', kind: 'pc', at: [0, 0], ip: '192.168.1.300/24' }],
    }).problems;
    expect(p).toEqual({
      pointer: '/devices/0/ip',
      key: 'error.ipSyntax',
      params: { ip: '192.168.1.300/24' },
      message: '"192.168.1.300/24" is not an IPv4 address with a prefix length (e.g. 192.168.1.10/24)',
    });
  });

  it('escapes "/" and "~" in pointers (RFC 6901)', () => {
    expect(lines({ version: 1, devices: [], 'a/b~c': 1 })).toEqual([
      'f.json: /a~1b~0c: unknown field "a/b~c": a network file has "version", "devices", "links" and optionally "$schema"',
    ]);
  });

  it('says where JSON text is broken, by line and column', () => {
    const [p] = loadNetwork('{\n  "version": 1,\n  "devices": [,]\n}').problems;
    expect(p!.pointer).toBe('');
    expect(p!.key).toBe('file.notJson');
    expect(p!.params).toMatchObject({ line: 3, column: 15 });
    expect(p!.message).toMatch(/^this is not valid JSON \(line 3, column 15\): \S/);
  });

  it('refuses values that are not a network object', () => {
    expect(lines(null)).toEqual([
      'f.json: a network file is a JSON object with "version", "devices" and "links", not null',
    ]);
    expect(lines('"just text"')).toEqual([
      'f.json: a network file is a JSON object with "version", "devices" and "links", not "just text"',
    ]);
    expect(lines(new Map())).toEqual([
      'f.json: a network file is a JSON object with "version", "devices" and "links", not {}',
    ]);
  });

  it('reports a device missing several fields once per field', () => {
    expect(lines({ version: 1, devices: [{}] })).toEqual([
      'f.json: /devices/0: this device has no "name": every device needs "name", "kind" (router, switch, pc or server) and "at" ([x, y] on the canvas)',
      'f.json: /devices/0: this device has no "kind": every device needs "name", "kind" (router, switch, pc or server) and "at" ([x, y] on the canvas)',
      'f.json: /devices/0: this device has no "at": every device needs "name", "kind" (router, switch, pc or server) and "at" ([x, y] on the canvas)',
    ]);
  });

  it('does not pile problems onto cables of a device that is itself broken', () => {
    expect(
      lines({
        version: 1,
        devices: [
          { name: 'X1', kind: 'firewall', at: [0, 0] },
          { name: 'S1', kind: 'switch', at: [0, 0] },
        ],
        links: [['X1:eth0', 'S1:Fa0/1']],
      }),
    ).toEqual([
      'f.json: /devices/0/kind: "firewall" is not a kind of device; use "router", "switch", "pc" or "server"',
    ]);
  });

  it('reports a cable between two ports of one device as one problem', () => {
    expect(
      lines({
        version: 1,
        devices: [{ name: 'S1', kind: 'switch', at: [0, 0] }],
        links: [['S1:Fa0/1', 's1:Fa0/1']],
      }),
    ).toEqual([
      'f.json: /links/0: a cable cannot connect S1 to itself; pick another device for the other end',
    ]);
  });

  it('lists at most ten device names for an unknown device', () => {
    const devices = Array.from({ length: 12 }, (_, i) => ({ name: `PC${i}`, kind: 'pc', at: [0, 0] }));
    expect(lines({ version: 1, devices, links: [['PC0:Fa0', 'Nope:Fa0']] })).toEqual([
      'f.json: /links/0/1: no device is named "Nope" (the devices are: PC0, PC1, PC2, PC3, PC4, PC5, PC6, PC7, PC8, PC9, …)',
    ]);
  });
});

describe('comparePointers', () => {
  it('orders indices as numbers, fields in file-format order, parents first', () => {
    const pointers = [
      '/links/10',
      '/links/2',
      '/devices/1/ip',
      '/devices/1/name',
      '',
      '/devices/1',
      '/zz',
      '/version',
    ];
    expect(pointers.sort(comparePointers)).toEqual([
      '',
      '/version',
      '/devices/1',
      '/devices/1/name',
      '/devices/1/ip',
      '/links/2',
      '/links/10',
      '/zz',
    ]);
  });
});
