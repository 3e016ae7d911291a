import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { type Io, main } from '../../bin/trame.ts';

const root = fileURLToPath(new URL('../../', import.meta.url));
const fixtures = join(root, 'test/fixtures/networks');
const office = join(root, 'examples/small-office.json');

/** Runs `trame ARGS...` with captured output. */
async function trame(args: string[], stdin = ''): Promise<{ code: number; out: string[]; err: string[] }> {
  const out: string[] = [];
  const err: string[] = [];
  const io: Io = {
    out: (t) => out.push(...t.replace(/\n$/, '').split('\n')),
    err: (t) => err.push(...t.replace(/\n$/, '').split('\n')),
    readStdin: async () => stdin,
  };
  return { code: await main(args, io), out, err };
}

const B = join(fixtures, 'broken');

/** The exact report for each broken fixture: one file per kind of problem. */
const EXPECTED: Record<string, string[]> = {
  'not-object': [
    'a network file is a JSON object with "version", "devices" and "links", not [{"name":"R1","kind":"router","at":[0,0…',
  ],
  'wrong-type': ['/devices/0/name: a device name is a string such as "R1", not 12'],
  'bad-position': ['/devices/0/at: a position is two numbers [x, y], not [120]'],
  'bad-kind': [
    '/devices/0/kind: "firewall" is not a kind of device; use "router", "switch", "pc" or "server"',
  ],
  'bad-model': [
    '/devices/0/model: "3750" is not a switch model; use "2960-24TT" or "3560-24PS"',
    '/devices/1/model: R1 is a router: only switches have a "model"',
  ],
  'missing-field': [
    '/devices/0: this device has no "kind": every device needs "name", "kind" (router, switch, pc or server) and "at" ([x, y] on the canvas)',
  ],
  'missing-devices': ['missing "devices": add "devices": [] and list the devices in it'],
  'unknown-field': [
    '/devices/0/colour: unknown field "colour": a device has "name", "kind", "at", and optionally "config" (routers, switches), "model" (switches), "ip", "gateway", "ipv6", "ipv6Gateway" and "dns" (PCs, servers) or "dnsRecords" (servers)',
    '/title: unknown field "title": a network file has "version", "devices", "links" and optionally "$schema"',
  ],
  'unsupported-version': [
    '/version: version 2 is not supported: this version of Trame reads version 1 files',
  ],
  'bad-name': [
    '/devices/0/name: "PC 1" cannot be a device name: no spaces and no ":" (cables and scripts write DEVICE:PORT); try e.g. R1 or PC-12',
  ],
  'duplicate-name': [
    '/devices/1/name: the name "r1" is already used by /devices/0 ("R1"); device names must differ, even ignoring upper and lower case',
  ],
  'link-not-pair': [
    '/links/0: a cable is a pair of ends such as ["R1:GigabitEthernet0/0", "S1:GigabitEthernet0/1"], not ["R1:GigabitEthernet0/0"]',
  ],
  'unknown-device': ['/links/0/1: no device is named "S9" (the devices are: R1, S1)'],
  'malformed-link-end': [
    '/links/0/1: "S1 GigabitEthernet0/1" is not a cable end: write DEVICE:PORT, e.g. "S1:FastEthernet0/1"',
  ],
  'no-such-port': ['/links/0/0: R1 has no port "FastEthernet0/0": a router has GigabitEthernet0/0-0/2'],
  'port-used-twice': ['/links/1/1: port "Fa0/1" of S1 is already used by link /links/0'],
  'self-link': ['/links/0: a cable cannot connect S1 to itself; pick another device for the other end'],
  'ip-syntax': [
    '/devices/0/ip: "192.168.1.300/24" is not an IPv4 address with a prefix length (e.g. 192.168.1.10/24)',
  ],
  'ip-mask-length': [
    '/devices/0/ip: "192.168.1.10/33": a host needs a prefix length from /1 to /32, e.g. /24',
  ],
  'ip-network-address': [
    '/devices/0/ip: "192.168.1.0/24" is the network address of 192.168.1.0/24; a host needs an address from 192.168.1.1 to 192.168.1.254',
  ],
  'ip-broadcast-address': [
    '/devices/0/ip: "10.1.1.63/26" is the broadcast address of 10.1.1.0/26; a host needs an address from 10.1.1.1 to 10.1.1.62',
  ],
  'ip-this-network': ['/devices/0/ip: "0.1.2.3/8" is in 0.0.0.0/8 ("this network"), which no host may use'],
  'ip-loopback': [
    '/devices/0/ip: "127.0.0.1/8" is a loopback address (127.0.0.0/8), which never leaves a device',
  ],
  'ip-multicast': [
    '/devices/0/ip: "224.0.0.5/24" is a multicast address (224.0.0.0/4); a host needs a unicast address',
  ],
  'ip-reserved': [
    '/devices/0/ip: "250.1.1.1/8" is in 240.0.0.0/4, which is reserved; a host needs an address below 224.0.0.0',
  ],
  'gateway-syntax': ['/devices/0/gateway: "192.168.1" is not an IPv4 address (e.g. 192.168.1.1)'],
  'ipv6-address': [
    '/devices/0/ipv6: "2001:db8:1::10" is neither "auto" nor an IPv6 address with a prefix length (e.g. 2001:db8:1::10/64)',
    '/devices/1/ipv6: "2001:db8:1::10/129": a host needs a prefix length from /1 to /128, usually /64',
    '/devices/2/ipv6: "fe80::10/64" is a link-local address (fe80::/10), which the host makes itself; give a global or unique local address, e.g. 2001:db8:1::10/64',
    '/devices/3/ipv6/1: "ff02::1/64" is a multicast address (ff00::/8); a host needs a unicast address',
    '/devices/4/ipv6/2: "2001:db8::2/64" is one too many: "ipv6" holds "auto", one address, or both ["auto", "2001:db8:1::10/64"]',
  ],
  'ipv6-gateway': [
    '/devices/0/ipv6Gateway: "ff02::2" cannot be a default gateway: it is a multicast, unspecified or loopback address; give a router\'s address, e.g. fe80::1',
    '/devices/1/ipv6Gateway: "fe80::1%11" is not an IPv6 address (e.g. fe80::1 or 2001:db8:1::1)',
    '/devices/2/ipv6Gateway: "ipv6Gateway" needs "ipv6": add "ipv6": "auto" (or a static address) to run IPv6 on PC3',
    '/devices/3/ipv6: R1 is a router: its IPv6 addresses belong in its configuration (interface ... ipv6 address ...), not in "ipv6" or "ipv6Gateway"',
  ],
  'config-on-host': [
    '/devices/0/config: PC1 is a PC: it has no IOS configuration; set its IP address and default gateway instead',
  ],
  'ip-on-network-device': [
    '/devices/0/ip: R1 is a router: its addresses belong in its configuration (interface ... ip address ...), not in "ip", "gateway" or "dns"',
    '/devices/1/gateway: S1 is a switch: its addresses belong in its configuration (interface ... ip address ...), not in "ip", "gateway" or "dns"',
  ],
  'dns-server': ['/devices/0/dns/1: "10.0.0.256" is not an IPv4 address (e.g. 10.0.0.53)'],
  'dns-records-not-server': [
    '/devices/0/dnsRecords: PC1 is a PC: only servers run a DNS service ("dnsRecords")',
    '/devices/1/dns: R1 is a router: its addresses belong in its configuration (interface ... ip address ...), not in "ip", "gateway" or "dns"',
  ],
  'dns-record': [
    '/devices/0/dnsRecords/0/name: "www example com" is not a domain name: write labels of letters, digits, "-" or "_" separated by dots, e.g. www.example.com',
    '/devices/0/dnsRecords/1/type: "MX" is not a DNS record type: use A (the address of a name) or CNAME (an alias of another name)',
    '/devices/0/dnsRecords/2: this record has no "address": a DNS record has "name", "type", and "address" (type A) or "target" (type CNAME)',
    '/devices/0/dnsRecords/2/target: a record of type A has no "target": type A gives an "address", type CNAME a "target"',
  ],
  'dns-cname-conflict': [
    '/devices/0/dnsRecords/1: "WWW.example.com" has a CNAME and another record (A 10.0.0.80): a name that is an alias has no other record (RFC 1034 §3.6.2)',
  ],
};

describe('trame validate', () => {
  it('has one expectation per broken fixture', () => {
    const files = readdirSync(join(fixtures, 'broken'));
    expect(files.sort()).toEqual([...Object.keys(EXPECTED).map((k) => `${k}.json`), 'not-json.txt'].sort());
  });

  for (const [name, reasons] of Object.entries(EXPECTED)) {
    it(`reports ${name}`, async () => {
      const file = `${B}/${name}.json`;
      const r = await trame(['validate', file]);
      expect(r.code).toBe(1);
      expect(r.out).toEqual([]);
      expect(r.err).toEqual(reasons.map((reason) => `${file}: ${reason}`));
    });
  }

  // Not named .json, so that the linter does not try to format it.
  it('reports broken JSON with its line and column', async () => {
    const r = await trame(['validate', `${B}/not-json.txt`]);
    expect(r.code).toBe(1);
    expect(r.err).toHaveLength(1);
    expect(r.err[0]!.startsWith(`${B}/not-json.txt: this is not valid JSON (line 4, column 20): `)).toBe(
      true,
    );
  });

  it('says ok for each valid file and for every example', async () => {
    const valid = readdirSync(join(fixtures, 'valid')).map((f) => join(fixtures, 'valid', f));
    const examples = readdirSync(join(root, 'examples'))
      .filter((f) => f.endsWith('.json'))
      .map((f) => join(root, 'examples', f));
    const r = await trame(['validate', ...valid, ...examples]);
    expect(r.err).toEqual([]);
    expect(r.out).toEqual([...valid, ...examples].map((f) => `${f}: ok`));
    expect(r.code).toBe(0);
  });

  it('checks every file and fails if any fails', async () => {
    const r = await trame(['validate', office, `${B}/self-link.json`]);
    expect(r.code).toBe(1);
    expect(r.out).toEqual([`${office}: ok`]);
    expect(r.err).toHaveLength(1);
  });

  it('reads standard input for "-"', async () => {
    const r = await trame(['validate', '-'], '{"version": 1, "devices": []}');
    expect(r).toEqual({ code: 0, out: ['-: ok'], err: [] });
  });

  it('exits 2 without a file or with a file it cannot read', async () => {
    expect(await trame(['validate'])).toEqual({
      code: 2,
      out: [],
      err: ['trame validate: no FILE given. Usage: trame validate FILE...'],
    });
    const missing = join(fixtures, 'no-such-file.json');
    const r = await trame(['validate', missing, office]);
    expect(r.code).toBe(2);
    expect(r.err[0]).toMatch(/: cannot read: ENOENT/);
    expect(r.err[0]!.startsWith(`${missing}: `)).toBe(true);
    expect(r.out).toEqual([`${office}: ok`]);
  });

  describe('lab files', () => {
    const dir = mkdtempSync(join(tmpdir(), 'trame-validate-'));
    afterAll(() => rmSync(dir, { recursive: true, force: true }));
    const lab = (name: string, content: object): string => {
      const path = join(dir, name);
      writeFileSync(path, JSON.stringify(content, null, 2));
      return path;
    };

    it('checks the network of a lab, with pointers into "network"', async () => {
      const file = lab('broken-lab.json', {
        id: 'lab-1',
        title: 'A lab',
        network: {
          version: 1,
          devices: [{ name: 'PC1', kind: 'pc', at: [0, 0], ip: '10.0.0.255/24' }],
          links: [['PC1:Fa0', 'S1:Fa0/1']],
        },
        checks: [],
      });
      const r = await trame(['validate', file]);
      expect(r.code).toBe(1);
      expect(r.err).toEqual([
        `${file}: /network/devices/0/ip: "10.0.0.255/24" is the broadcast address of 10.0.0.0/24; a host needs an address from 10.0.0.1 to 10.0.0.254`,
        `${file}: /network/links/0/1: no device is named "S1" (the devices are: PC1)`,
      ]);
    });

    it('says ok for a lab whose network is valid, whatever its other fields', async () => {
      const file = lab('good-lab.json', {
        title: { en: 'A lab', fr: 'Un TP' },
        network: { version: 1, devices: [], links: [] },
        solution: { R1: ['enable'] },
      });
      expect(await trame(['validate', file])).toEqual({ code: 0, out: [`${file}: ok`], err: [] });
    });

    it('reports a missing field of the lab network at /network', async () => {
      const file = lab('empty-network.json', { network: { version: 1 }, checks: [] });
      const r = await trame(['validate', file]);
      expect(r.err).toEqual([
        `${file}: /network: missing "devices": add "devices": [] and list the devices in it`,
      ]);
    });
  });
});
