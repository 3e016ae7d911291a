import { applyPatches } from 'immer';
import { describe, expect, it } from 'vitest';
import { type ApplyResult, applyCommand, type DocCommand } from '../../src/model/commands.ts';
import { checkDomainName, MAX_DNS_SERVERS } from '../../src/model/dns-fields.ts';
import { deviceOf, type NetworkDoc } from '../../src/model/document.ts';
import { formatError } from '../../src/model/errors.ts';
import { formatProblems, loadNetwork } from '../../src/model/load.ts';
import { saveNetwork } from '../../src/model/save.ts';
import { deviceId } from '../../src/shared/ids.ts';

const d = deviceId;

/** The `trame validate` lines for a file holding `devices`. */
const lines = (...devices: object[]): string[] =>
  formatProblems('f.json', loadNetwork({ version: 1, devices }).problems);

const server = (fields: object = {}) => ({ name: 'DNS1', kind: 'server', at: [0, 0], ...fields });
const pc = (fields: object = {}) => ({ name: 'PC1', kind: 'pc', at: [0, 100], ...fields });

function network(...devices: object[]): NetworkDoc {
  const { doc, problems } = loadNetwork({ version: 1, devices });
  expect(problems).toEqual([]);
  return doc!;
}

const WWW = { name: 'www.example.com', type: 'A', address: '10.0.0.80' } as const;
const WEB = { name: 'web.example.com', type: 'CNAME', target: 'www.example.com' } as const;

describe('loading "dns" and "dnsRecords"', () => {
  it('reads one server or a list, canonical and in order, and records as written', () => {
    const doc = network(
      pc({ ip: 'dhcp', dns: '010.0.0.53' }),
      server({ name: 'S2', dns: ['10.0.0.53', '10.0.1.53'], dnsRecords: [WWW, WEB] }),
      server({ name: 'S3', dnsRecords: [] }),
      pc({ name: 'PC2', dns: [] }),
    );
    expect(deviceOf(doc, d('d1'))!.dns).toEqual(['10.0.0.53']);
    expect(deviceOf(doc, d('d2'))).toMatchObject({ dns: ['10.0.0.53', '10.0.1.53'], dnsRecords: [WWW, WEB] });
    expect(deviceOf(doc, d('d3'))!.dnsRecords).toEqual([]);
    // An empty list is no servers: nothing is kept.
    expect(deviceOf(doc, d('d4'))).not.toHaveProperty('dns');
  });

  it('drops one final dot, keeps case, and accepts several A records for a name', () => {
    const doc = network(
      server({
        dnsRecords: [
          { name: 'WWW.Example.com.', type: 'A', address: '10.0.0.80' },
          { name: 'www.example.com', type: 'A', address: '10.0.0.81' },
          { name: '_sip.example.com', type: 'CNAME', target: 'sip.example.com.' },
        ],
      }),
    );
    expect(deviceOf(doc, d('d1'))!.dnsRecords).toEqual([
      { name: 'WWW.Example.com', type: 'A', address: '10.0.0.80' },
      { name: 'www.example.com', type: 'A', address: '10.0.0.81' },
      { name: '_sip.example.com', type: 'CNAME', target: 'sip.example.com' },
    ]);
  });

  it('names each problem of the DNS servers by pointer', () => {
    expect(lines(pc({ dns: ['10.0.0.53', '10.0.0.300', '224.0.0.1', '010.0.0.53'] }))).toEqual([
      'f.json: /devices/0/dns: a host takes at most 3 DNS servers, not 4',
      'f.json: /devices/0/dns/1: "10.0.0.300" is not an IPv4 address (e.g. 10.0.0.53)',
      'f.json: /devices/0/dns/2: "224.0.0.1" cannot be a DNS server: queries go to one host, never to 0.0.0.0/8, multicast, reserved or broadcast addresses',
      'f.json: /devices/0/dns/3: 10.0.0.53 is already in the list of DNS servers',
    ]);
    expect(lines(pc({ dns: 'ns1' }), pc({ name: 'PC2', dns: 53 }), pc({ name: 'PC3', dns: [53] }))).toEqual([
      'f.json: /devices/0/dns: "ns1" is not an IPv4 address (e.g. 10.0.0.53)',
      'f.json: /devices/1/dns: "dns" is the address of a DNS server such as "10.0.0.53", or a list of them, not 53',
      'f.json: /devices/2/dns/0: a DNS server is an address such as "10.0.0.53", not 53',
    ]);
    expect(MAX_DNS_SERVERS).toBe(3);
  });

  it('refuses DNS settings on devices that do not take them', () => {
    expect(
      lines(
        { name: 'R1', kind: 'router', at: [0, 0], dns: '10.0.0.53' },
        { name: 'S1', kind: 'switch', at: [0, 0], dnsRecords: [] },
        pc({ dnsRecords: [WWW] }),
      ),
    ).toEqual([
      'f.json: /devices/0/dns: R1 is a router: its addresses belong in its configuration (interface ... ip address ...), not in "ip", "gateway" or "dns"',
      'f.json: /devices/1/dnsRecords: S1 is a switch: only servers run a DNS service ("dnsRecords")',
      'f.json: /devices/2/dnsRecords: PC1 is a PC: only servers run a DNS service ("dnsRecords")',
    ]);
  });

  it('names each problem of the records by pointer, in file order', () => {
    const records = [
      { name: 'www.example.com', type: 'A', address: '10.0.0.256' },
      { name: 'bad name', type: 'A', address: '10.0.0.1' },
      { name: 'x.example.com', type: 'MX', address: '10.0.0.1' },
      { name: 'y.example.com', type: 'A', target: 'www.example.com' },
      { type: 'CNAME', target: 'a..b', ttl: 60 },
      'www',
      { name: 'z.example.com', type: 'cname', target: 'www.example.com' },
    ];
    expect(lines(server({ dnsRecords: records }), server({ name: 'S2', dnsRecords: {} }))).toEqual([
      'f.json: /devices/0/dnsRecords/0/address: "10.0.0.256" is not an IPv4 address (e.g. 10.0.0.80)',
      'f.json: /devices/0/dnsRecords/1/name: "bad name" is not a domain name: write labels of letters, digits, "-" or "_" separated by dots, e.g. www.example.com',
      'f.json: /devices/0/dnsRecords/2/type: "MX" is not a DNS record type: use A (the address of a name) or CNAME (an alias of another name)',
      'f.json: /devices/0/dnsRecords/3: this record has no "address": a DNS record has "name", "type", and "address" (type A) or "target" (type CNAME)',
      'f.json: /devices/0/dnsRecords/3/target: a record of type A has no "target": type A gives an "address", type CNAME a "target"',
      'f.json: /devices/0/dnsRecords/4: this record has no "name": a DNS record has "name", "type", and "address" (type A) or "target" (type CNAME)',
      'f.json: /devices/0/dnsRecords/4/target: "a..b" is not a domain name: write labels of letters, digits, "-" or "_" separated by dots, e.g. www.example.com',
      'f.json: /devices/0/dnsRecords/4/ttl: unknown field "ttl": a DNS record has "name", "type", and "address" (type A) or "target" (type CNAME)',
      'f.json: /devices/0/dnsRecords/5: a DNS record is an object such as {"name": "www.example.com", "type": "A", "address": "10.0.0.80"}, not "www"',
      'f.json: /devices/0/dnsRecords/6/type: "cname" is not a DNS record type: use A (the address of a name) or CNAME (an alias of another name)',
      'f.json: /devices/1/dnsRecords: "dnsRecords" must be a list [...] of DNS records ([] for a DNS service without any yet), not {}',
    ]);
  });

  it('refuses a CNAME beside another record for its name, and a record twice (RFC 1034 §3.6.2)', () => {
    const records = [
      WWW,
      { name: 'WWW.example.com', type: 'CNAME', target: 'web.example.com' },
      WEB,
      { name: 'web.example.com.', type: 'A', address: '10.0.0.81' },
      { name: 'Web.Example.Com', type: 'CNAME', target: 'www.example.com' },
      { name: 'www.example.com', type: 'A', address: '010.0.0.80' },
    ];
    const problems = loadNetwork({ version: 1, devices: [server({ dnsRecords: records })] }).problems;
    expect(problems.map((p) => `${p.pointer}: ${p.message}`)).toEqual([
      '/devices/0/dnsRecords/1: "WWW.example.com" has a CNAME and another record (A 10.0.0.80): a name that is an alias has no other record (RFC 1034 §3.6.2)',
      '/devices/0/dnsRecords/3: "web.example.com" has a CNAME and another record (CNAME www.example.com): a name that is an alias has no other record (RFC 1034 §3.6.2)',
      '/devices/0/dnsRecords/4: "Web.Example.Com" has a CNAME and another record (CNAME www.example.com): a name that is an alias has no other record (RFC 1034 §3.6.2)',
      '/devices/0/dnsRecords/5: "www.example.com" already has this record (A 10.0.0.80)',
    ]);
    expect(problems[0]).toMatchObject({
      key: 'error.dnsCnameConflict',
      params: { name: 'WWW.example.com', other: 'A 10.0.0.80' },
    });
  });

  it('checks domain names: labels, lengths, one final dot', () => {
    const label63 = 'a'.repeat(63);
    const name253 = [label63, label63, label63, 'b'.repeat(61)].join('.');
    expect(name253).toHaveLength(253);
    expect(checkDomainName(name253)).toEqual({ ok: true, value: name253 });
    expect(checkDomainName(`${name253}.`)).toEqual({ ok: true, value: name253 });
    expect(checkDomainName('localhost')).toEqual({ ok: true, value: 'localhost' });
    const message = (text: string) => {
      const r = checkDomainName(text);
      return r.ok ? 'ok' : formatError(r.error);
    };
    expect(message(`${name253}b`)).toBe('a domain name has at most 253 characters; this one has 254');
    expect(message(`${'a'.repeat(64)}.com`)).toBe(
      '"aaaaaaaaaaaaaaaaaaaa…" is 64 characters long: a label of a domain name has at most 63',
    );
    for (const bad of ['', '.', 'a..b', '.a', 'a.b..', 'é.fr', 'a b', 'a/b', 'a:b']) {
      expect(checkDomainName(bad).ok, bad).toBe(false);
    }
  });
});

describe('saving "dns" and "dnsRecords"', () => {
  it('writes one server as a string, several as a list, and records one per line', () => {
    const text = saveNetwork(
      network(
        pc({ ip: '10.0.0.10/24', gateway: '10.0.0.1', dns: ['10.0.0.53'] }),
        pc({ name: 'PC2', ip: 'dhcp', dns: ['10.0.0.53', '10.0.1.53'] }),
        server({ name: 'DNS1', ip: '10.0.0.53/24', dnsRecords: [WWW, WEB] }),
        server({ name: 'DNS2', dnsRecords: [] }),
      ),
    );
    expect(text).toBe(
      [
        '{',
        '  "version": 1,',
        '  "devices": [',
        '    { "name": "PC1", "kind": "pc", "at": [0, 100], "ip": "10.0.0.10/24", "gateway": "10.0.0.1", "dns": "10.0.0.53" },',
        '    { "name": "PC2", "kind": "pc", "at": [0, 100], "ip": "dhcp", "dns": ["10.0.0.53", "10.0.1.53"] },',
        '    {',
        '      "name": "DNS1",',
        '      "kind": "server",',
        '      "at": [0, 0],',
        '      "ip": "10.0.0.53/24",',
        '      "dnsRecords": [',
        '        { "name": "www.example.com", "type": "A", "address": "10.0.0.80" },',
        '        { "name": "web.example.com", "type": "CNAME", "target": "www.example.com" }',
        '      ]',
        '    },',
        '    {',
        '      "name": "DNS2",',
        '      "kind": "server",',
        '      "at": [0, 0],',
        '      "dnsRecords": []',
        '    }',
        '  ],',
        '  "links": []',
        '}',
        '',
      ].join('\n'),
    );
    expect(saveNetwork(loadNetwork(text).doc!)).toBe(text);
  });
});

describe('setHostDns and setDnsRecords', () => {
  const lab = (): NetworkDoc =>
    network(
      { name: 'R1', kind: 'router', at: [0, 0] },
      pc({ ip: '10.0.0.10/24' }),
      server({ ip: '10.0.0.53/24' }),
    );

  function apply(doc: NetworkDoc, cmd: DocCommand): NetworkDoc {
    const r = applyCommand(doc, cmd);
    if (!r.ok) throw new Error(formatError(r.error));
    // Every change undoes exactly.
    expect(applyPatches(r.doc, r.inverse)).toEqual(doc);
    expect(applyPatches(doc, r.patches)).toEqual(r.doc);
    return r.doc;
  }
  const refusal = (r: ApplyResult): string => {
    if (r.ok) throw new Error('expected a refusal');
    return formatError(r.error);
  };

  it('sets the DNS servers in canonical form, and an empty list removes them', () => {
    const set = apply(lab(), { type: 'setHostDns', id: d('d2'), dns: ['010.0.0.53', '10.0.1.53'] });
    expect(deviceOf(set, d('d2'))).toMatchObject({ ip: '10.0.0.10/24', dns: ['10.0.0.53', '10.0.1.53'] });
    const again = applyCommand(set, { type: 'setHostDns', id: d('d2'), dns: ['10.0.0.53', '10.0.1.53'] });
    expect(again.ok && again.patches).toEqual([]);
    const cleared = apply(set, { type: 'setHostDns', id: d('d2'), dns: [] });
    expect(cleared).toEqual(lab());
  });

  it('setHostIp with dns sets the address and the servers in one step, or neither', () => {
    const both = apply(lab(), { type: 'setHostIp', id: d('d2'), ip: '10.0.0.20/24', dns: ['10.0.0.53'] });
    expect(deviceOf(both, d('d2'))).toMatchObject({ ip: '10.0.0.20/24', dns: ['10.0.0.53'] });
    const four = ['10.0.0.1', '10.0.0.2', '10.0.0.3', '10.0.0.4'];
    const refused = applyCommand(lab(), { type: 'setHostIp', id: d('d2'), ip: '10.0.0.30/24', dns: four });
    expect(refusal(refused)).toBe('a host takes at most 3 DNS servers, not 4');
    const badIp = applyCommand(lab(), {
      type: 'setHostIp',
      id: d('d2'),
      ip: '10.0.0.0/24',
      dns: ['10.0.0.53'],
    });
    expect(badIp.ok).toBe(false);
  });

  it('refuses bad DNS servers and DNS servers on a router, saying why', () => {
    const dns = (id: string, servers: string[]) =>
      refusal(applyCommand(lab(), { type: 'setHostDns', id: d(id), dns: servers }));
    expect(dns('d2', ['10.0.0.1', '10.0.0.2', '10.0.0.3', '10.0.0.4'])).toBe(
      'a host takes at most 3 DNS servers, not 4',
    );
    expect(dns('d2', ['nope'])).toBe('"nope" is not an IPv4 address (e.g. 10.0.0.53)');
    expect(dns('d2', ['255.255.255.255'])).toMatch(/^"255.255.255.255" cannot be a DNS server/);
    expect(dns('d2', ['10.0.0.53', '10.0.0.053'])).toBe('10.0.0.53 is already in the list of DNS servers');
    expect(dns('d1', ['10.0.0.53'])).toMatch(/^R1 is a router: its addresses belong/);
    expect(dns('d9', [])).toBe('there is no device d9 any more; it may have been deleted');
  });

  it("turns a server's DNS service on, sets its records, and off", () => {
    const on = apply(lab(), { type: 'setDnsRecords', id: d('d3'), records: [] });
    expect(deviceOf(on, d('d3'))!.dnsRecords).toEqual([]);
    const set = apply(on, {
      type: 'setDnsRecords',
      id: d('d3'),
      records: [{ name: 'www.example.com.', type: 'A', address: '010.0.0.80' }, WEB],
    });
    expect(deviceOf(set, d('d3'))!.dnsRecords).toEqual([WWW, WEB]);
    const same = applyCommand(set, { type: 'setDnsRecords', id: d('d3'), records: [WWW, WEB] });
    expect(same.ok && same.patches).toEqual([]);
    const off = apply(set, { type: 'setDnsRecords', id: d('d3') });
    expect(off).toEqual(lab());
  });

  it('refuses records that clash or are malformed, and records on a PC', () => {
    const records = (id: string, list: unknown[]) =>
      refusal(applyCommand(lab(), { type: 'setDnsRecords', id: d(id), records: list as never }));
    expect(records('d3', [WWW, { name: 'www.example.com', type: 'CNAME', target: 'x' }])).toBe(
      '"www.example.com" has a CNAME and another record (A 10.0.0.80): a name that is an alias has no other record (RFC 1034 §3.6.2)',
    );
    expect(records('d3', [WWW, WWW])).toBe('"www.example.com" already has this record (A 10.0.0.80)');
    expect(records('d3', [{ name: 'www', type: 'AAAA', address: '::1' }])).toMatch(
      /^"AAAA" is not a DNS record/,
    );
    expect(records('d3', [{ name: 'a b', type: 'A', address: '10.0.0.1' }])).toMatch(
      /^"a b" is not a domain name/,
    );
    expect(records('d2', [])).toBe('PC1 is a PC: only servers run a DNS service ("dnsRecords")');
  });
});
