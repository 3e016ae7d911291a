/** A PC's or server's IPv6 settings in network files: "ipv6" and "ipv6Gateway". */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type DeviceDoc, deviceOf, type NetworkDoc } from '../../src/model/document.ts';
import { formatProblems, loadNetwork } from '../../src/model/load.ts';
import { saveNetwork } from '../../src/model/save.ts';
import { hostConfigOf, hostFields } from '../../src/session/device-config.ts';
import type { HostConfig, HostIpv6Config } from '../../src/shared/config.ts';
import { deviceId } from '../../src/shared/ids.ts';
import { parseIpv4 } from '../../src/shared/ipv4.ts';
import { type Ipv6Addr, parseIpv6 } from '../../src/shared/ipv6.ts';
import { ipv6GatewayArb, ipv6SettingArb } from './arbitraries.ts';

const v6 = (s: string): Ipv6Addr => parseIpv6(s)!;

const file = (fields: object, kind = 'pc') => ({
  version: 1,
  devices: [{ name: 'PC1', kind, at: [0, 0], ...fields }],
});

const load = (value: unknown): NetworkDoc => {
  const { doc, problems } = loadNetwork(value);
  expect(problems).toEqual([]);
  return doc!;
};

const pc = (fields: object): DeviceDoc => deviceOf(load(file(fields)), deviceId('d1'))!;

const problems = (fields: object, kind = 'pc'): string[] =>
  formatProblems('f.json', loadNetwork(file(fields, kind)).problems);

describe('"ipv6" and "ipv6Gateway" in a network file', () => {
  it('load in canonical form: "auto" first and in lower case, addresses compressed in lower case', () => {
    expect(pc({ ipv6: 'AUTO' })).toMatchObject({ ipv6: ['auto'] });
    expect(pc({ ipv6: '2001:DB8:1:0:0:0:0:10/64' })).toMatchObject({ ipv6: ['2001:db8:1::10/64'] });
    expect(pc({ ipv6: ['2001:db8:1::10/64', 'Auto'], ipv6Gateway: 'FE80:0::1' })).toMatchObject({
      ipv6: ['auto', '2001:db8:1::10/64'],
      ipv6Gateway: 'fe80::1',
    });
    expect(pc({ ipv6: [] })).toMatchObject({ ipv6: [] });
    expect(pc({ ipv6: '2001:db8::1/128', ipv6Gateway: '2001:db8::ffff' })).toMatchObject({
      ipv6: ['2001:db8::1/128'],
      ipv6Gateway: '2001:db8::ffff',
    });
    expect(pc({})).not.toHaveProperty('ipv6');
  });

  it('are saved after "gateway", one entry as a string, both or none as a list', () => {
    const text = saveNetwork(
      load({
        version: 1,
        devices: [
          {
            name: 'PC1',
            kind: 'pc',
            at: [0, 0],
            ip: '10.0.0.5/24',
            gateway: '10.0.0.1',
            ipv6: 'auto',
            dns: '10.0.0.53',
          },
          { name: 'PC2', kind: 'pc', at: [1, 0], ipv6: ['AUTO', '2001:DB8::5/64'], ipv6Gateway: 'fe80::1' },
          { name: 'PC3', kind: 'pc', at: [2, 0], ipv6: [] },
        ],
      }),
    );
    expect(text).toBe(
      [
        '{',
        '  "version": 1,',
        '  "devices": [',
        '    { "name": "PC1", "kind": "pc", "at": [0, 0], "ip": "10.0.0.5/24", "gateway": "10.0.0.1", "ipv6": "auto", "dns": "10.0.0.53" },',
        '    { "name": "PC2", "kind": "pc", "at": [1, 0], "ipv6": ["auto", "2001:db8::5/64"], "ipv6Gateway": "fe80::1" },',
        '    { "name": "PC3", "kind": "pc", "at": [2, 0], "ipv6": [] }',
        '  ],',
        '  "links": []',
        '}',
        '',
      ].join('\n'),
    );
    const doc = load(text);
    expect(saveNetwork(doc)).toBe(text);
  });

  it('say what is wrong, at the pointer of the field or of the entry', () => {
    expect(problems({ ipv6: 'dhcp' })).toEqual([
      'f.json: /devices/0/ipv6: "dhcp" is neither "auto" nor an IPv6 address with a prefix length (e.g. 2001:db8:1::10/64)',
    ]);
    expect(problems({ ipv6: '2001:db8::1%11/64' })).toEqual([
      'f.json: /devices/0/ipv6: "2001:db8::1%11/64" is neither "auto" nor an IPv6 address with a prefix length (e.g. 2001:db8:1::10/64)',
    ]);
    expect(problems({ ipv6: '2001:db8::1/0' })).toEqual([
      'f.json: /devices/0/ipv6: "2001:db8::1/0": a host needs a prefix length from /1 to /128, usually /64',
    ]);
    expect(problems({ ipv6: ['::/64', '::1/128'] })).toEqual([
      'f.json: /devices/0/ipv6/0: "::/64" is the unspecified address (::), which no interface may have',
      'f.json: /devices/0/ipv6/1: "::1/128" is the loopback address (::1), which never leaves a device',
    ]);
    expect(problems({ ipv6: ['auto', 'auto'] })).toEqual([
      'f.json: /devices/0/ipv6/1: "auto" is one too many: "ipv6" holds "auto", one address, or both ["auto", "2001:db8:1::10/64"]',
    ]);
    expect(problems({ ipv6: 64 })).toEqual([
      'f.json: /devices/0/ipv6: "ipv6" is "auto", an address with its prefix length such as "2001:db8:1::10/64", or a list of them, not 64',
    ]);
    expect(problems({ ipv6: ['auto', null] })).toEqual([
      'f.json: /devices/0/ipv6/1: "ipv6" is "auto", an address with its prefix length such as "2001:db8:1::10/64", or a list of them, not null',
    ]);
    expect(problems({ ipv6: 'auto', ipv6Gateway: '::' })).toEqual([
      'f.json: /devices/0/ipv6Gateway: "::" cannot be a default gateway: it is a multicast, unspecified or loopback address; give a router\'s address, e.g. fe80::1',
    ]);
    expect(problems({ ipv6: 'auto', ipv6Gateway: 1 })).toEqual([
      'f.json: /devices/0/ipv6Gateway: "ipv6Gateway" must be a string, not 1',
    ]);
    expect(problems({ ipv6Gateway: 'fe80::1' }, 'server')).toEqual([
      'f.json: /devices/0/ipv6Gateway: "ipv6Gateway" needs "ipv6": add "ipv6": "auto" (or a static address) to run IPv6 on PC1',
    ]);
    expect(problems({ ipv6: 'auto', ipv6Gateway: 'fe80::1' }, 'switch')).toEqual([
      'f.json: /devices/0/ipv6: PC1 is a switch: its IPv6 addresses belong in its configuration (interface ... ipv6 address ...), not in "ipv6" or "ipv6Gateway"',
      'f.json: /devices/0/ipv6Gateway: PC1 is a switch: its IPv6 addresses belong in its configuration (interface ... ipv6 address ...), not in "ipv6" or "ipv6Gateway"',
    ]);
  });
});

describe("a host's IPv6 settings between the document and the engine", () => {
  const ipv6Of = (fields: object): HostIpv6Config | undefined => hostConfigOf(pc(fields)).ipv6;

  it('give the engine what HostIpv6Config holds, and nothing without "ipv6"', () => {
    expect(ipv6Of({})).toBeUndefined();
    expect(ipv6Of({ ipv6: [] })).toEqual({});
    expect(ipv6Of({ ipv6: 'auto' })).toEqual({ auto: true });
    expect(ipv6Of({ ipv6: '2001:db8:1::10/64', ipv6Gateway: 'fe80::1' })).toEqual({
      address: { addr: v6('2001:db8:1::10'), len: 64 },
      gateway: v6('fe80::1'),
    });
    expect(ipv6Of({ ipv6: ['auto', '2001:db8:1::10/64'] })).toEqual({
      auto: true,
      address: { addr: v6('2001:db8:1::10'), len: 64 },
    });
    expect(ipv6Of({ ipv6: [], ipv6Gateway: 'fe80::1' })).toEqual({ gateway: v6('fe80::1') });
  });

  it('stay beside DHCP and the IPv4 settings', () => {
    expect(hostConfigOf(pc({ ip: 'dhcp', ipv6: 'auto' }))).toEqual({ dhcp: true, ipv6: { auto: true } });
    expect(hostConfigOf(pc({ ip: '10.0.0.5/24', gateway: '10.0.0.1', ipv6: 'auto' }))).toEqual({
      ip: { addr: parseIpv4('10.0.0.5'), len: 24 },
      gateway: parseIpv4('10.0.0.1'),
      ipv6: { auto: true },
    });
  });

  it('are written back as the document holds them', () => {
    const config: HostConfig = {
      ipv6: { auto: true, address: { addr: v6('2001:db8::5'), len: 64 }, gateway: v6('fe80::1') },
    };
    expect(hostFields(config)).toEqual({ ipv6: ['auto', '2001:db8::5/64'], ipv6Gateway: 'fe80::1' });
    expect(hostFields({ ipv6: {} })).toEqual({ ipv6: [] });
    expect(hostFields({})).toEqual({});
  });

  it('make the round trip file, document, engine settings, document without loss', () => {
    fc.assert(
      fc.property(ipv6SettingArb, fc.option(ipv6GatewayArb, { nil: undefined }), (ipv6, ipv6Gateway) => {
        const fields = { ipv6, ...(ipv6Gateway !== undefined ? { ipv6Gateway } : {}) };
        const first = load(file(fields));
        const device = deviceOf(first, deviceId('d1'))!;
        // load(save(doc)) is the document itself.
        expect(load(saveNetwork(first))).toEqual(first);
        // What the engine is given is what the document writes again.
        const { id: _, name: __, kind: ___, at: ____, ...written } = device;
        expect(hostFields(hostConfigOf(device))).toEqual(written);
      }),
      { numRuns: 300 },
    );
  });
});

describe('wrong IPv6 settings', () => {
  const badEntryArb = fc.constantFrom<unknown>(
    '',
    'x',
    'dhcp',
    '2001:db8::1',
    '2001:db8::1/',
    '2001:db8::1/129',
    '2001:db8::1/0',
    '2001:db8:::1/64',
    'fe80::1/64',
    'febf::1/64',
    'ff02::1/64',
    '::/64',
    '::1/128',
    '1.2.3.4/24',
    5,
    null,
    {},
  );
  const badGatewayArb = fc.constantFrom<unknown>(
    '',
    'fe80::1%11',
    'ff02::2',
    '::',
    '::1',
    '10.0.0.1',
    5,
    null,
  );

  it('are refused, each problem at a pointer inside "ipv6" or "ipv6Gateway"', () => {
    const cases = fc.oneof(
      badEntryArb.map((ipv6) => ({ fields: { ipv6 }, field: 'ipv6' })),
      fc.tuple(ipv6SettingArb, badEntryArb, fc.nat()).map(([good, bad, at]) => {
        const list = typeof good === 'string' ? [good] : [...good];
        list.splice(at % (list.length + 1), 0, bad as string);
        return { fields: { ipv6: list }, field: 'ipv6' };
      }),
      fc.tuple(ipv6SettingArb, badGatewayArb).map(([ipv6, ipv6Gateway]) => ({
        fields: { ipv6, ipv6Gateway },
        field: 'ipv6Gateway',
      })),
    );
    fc.assert(
      fc.property(cases, ({ fields, field }) => {
        const { doc, problems } = loadNetwork(file(fields));
        expect(doc).toBeUndefined();
        expect(problems.length).toBeGreaterThan(0);
        for (const p of problems) expect(p.pointer).toMatch(new RegExp(`^/devices/0/${field}(/|$)`));
      }),
      { numRuns: 300 },
    );
  });
});
