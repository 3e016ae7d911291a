/**
 * fast-check generators of valid network files (written the many ways a person may write them:
 * abbreviated ports, names in another case) and of editing commands.
 */
import fc from 'fast-check';
import type { DocCommand } from '../../src/model/commands.ts';
import { nameKey, nameSyntaxError } from '../../src/model/device-names.ts';
import {
  type DnsRecordDoc,
  deviceOf,
  type NetworkDoc,
  type NetworkFile,
  type NetworkFileDevice,
} from '../../src/model/document.ts';
import { checkHostAddress } from '../../src/model/host-address.ts';
import { checkIpv6Address, checkIpv6Gateway } from '../../src/model/host-ipv6.ts';
import { deviceId, linkId } from '../../src/shared/ids.ts';
import { SWITCH_MODELS } from '../../src/shared/models.ts';
import { DEVICE_KINDS, type DeviceKind, KIND_PORTS, shortInterfaceName } from '../../src/shared/ports.ts';

const usableName = (s: string): boolean => nameSyntaxError(s) === undefined;

export const deviceNameArb: fc.Arbitrary<string> = fc.oneof(
  fc.stringMatching(/^[A-Za-z][A-Za-z0-9_.-]{0,8}$/),
  fc.string({ minLength: 1, maxLength: 8, unit: 'binary' }).filter(usableName),
);

const coordinateArb = fc.oneof(
  fc.integer({ min: -100_000, max: 100_000 }),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
);

export const positionArb: fc.Arbitrary<[number, number]> = fc.tuple(coordinateArb, coordinateArb);

/** Valid host addresses, sometimes written with leading zeros, or "dhcp" in some case. */
export const hostAddressArb: fc.Arbitrary<string> = fc.oneof(
  fc
    .tuple(fc.ipV4(), fc.integer({ min: 1, max: 32 }), fc.boolean())
    .map(([ip, len, padded]) => `${padded ? ip.replace(/^(\d)\./, '00$1.') : ip}/${len}`)
    .filter((text) => checkHostAddress(text).ok),
  fc.constantFrom('dhcp', 'DHCP', 'Dhcp'),
);

/** A static IPv6 address a host may have, "X/N", sometimes in upper case. */
export const ipv6AddressArb: fc.Arbitrary<string> = fc
  .tuple(fc.ipV6(), fc.integer({ min: 1, max: 128 }), fc.boolean())
  .map(([ip, len, upper]) => `${upper ? ip.toUpperCase() : ip}/${len}`)
  .filter((text) => checkIpv6Address(text).ok);

/** "ipv6" as a file may write it: "auto" (in some case), an address, both in either order, or none. */
export const ipv6SettingArb: fc.Arbitrary<string | string[]> = fc.oneof(
  fc.constantFrom('auto', 'AUTO', 'Auto'),
  ipv6AddressArb,
  fc.tuple(ipv6AddressArb, fc.boolean()).map(([a, first]) => (first ? [a, 'auto'] : ['auto', a])),
  fc.constantFrom<string[]>([], ['auto']),
  ipv6AddressArb.map((a) => [a]),
);

/** An IPv6 default gateway: a router's link-local address, or any unicast one. */
export const ipv6GatewayArb: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom('fe80::1', 'FE80::1', 'fe80::0001'),
  fc.ipV6().filter((text) => checkIpv6Gateway(text).ok),
);

/** A host's IPv6 fields: none, "ipv6" alone, or "ipv6" and "ipv6Gateway". */
const hostIpv6Arb: fc.Arbitrary<{ ipv6?: string | string[]; ipv6Gateway?: string }> = fc.oneof(
  fc.constant({}),
  ipv6SettingArb.map((ipv6) => ({ ipv6 })),
  fc.tuple(ipv6SettingArb, ipv6GatewayArb).map(([ipv6, ipv6Gateway]) => ({ ipv6, ipv6Gateway })),
);

/** A DNS server: a unicast address, sometimes with leading zeros. */
const dnsServerArb: fc.Arbitrary<string> = fc
  .tuple(fc.integer({ min: 1, max: 223 }), fc.nat(255), fc.nat(255), fc.nat(255), fc.boolean())
  .map(([a, b, c, e, padded]) => `${padded ? String(a).padStart(3, '0') : a}.${b}.${c}.${e}`);

/** "dns": one server as a string, or a list of distinct ones. */
export const dnsArb: fc.Arbitrary<string | string[]> = fc.oneof(
  dnsServerArb,
  fc.uniqueArray(dnsServerArb, { maxLength: 3, selector: (s) => s.replace(/(^|\.)0+(\d)/g, '$1$2') }),
);

const labelArb = fc.stringMatching(/^[A-Za-z0-9_-]{1,12}$/);

/** Domain names, sometimes fully qualified (a final dot). */
export const domainNameArb: fc.Arbitrary<string> = fc
  .tuple(
    fc.oneof(
      fc.domain(),
      fc.array(labelArb, { minLength: 1, maxLength: 4 }).map((labels) => labels.join('.')),
    ),
    fc.boolean(),
  )
  .map(([name, dot]) => (dot ? `${name}.` : name));

const nameKeyOf = (name: string): string => name.replace(/\.$/, '').toLowerCase();

/** Records that agree: each name has one CNAME, or one or more A records with distinct addresses. */
export const dnsRecordsArb: fc.Arbitrary<DnsRecordDoc[]> = fc
  .uniqueArray(domainNameArb, { maxLength: 5, selector: nameKeyOf })
  .chain((names) =>
    fc.tuple(
      ...names.map((name) =>
        fc.oneof(
          fc
            .uniqueArray(fc.ipV4(), { minLength: 1, maxLength: 2 })
            .map((addrs) => addrs.map((address): DnsRecordDoc => ({ name, type: 'A', address }))),
          domainNameArb.map((target): DnsRecordDoc[] => [{ name, type: 'CNAME', target }]),
        ),
      ),
    ),
  )
  .map((groups) => groups.flat());

export const configArb: fc.Arbitrary<string> = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.constantFrom('', 'hostname R1\n!\ninterface GigabitEthernet0/0\n no shutdown\n!\nend\n'),
);

const deviceArb = (name: string): fc.Arbitrary<NetworkFileDevice> =>
  fc.oneof(
    fc.record(
      {
        name: fc.constant(name),
        kind: fc.constantFrom('router', 'switch'),
        at: positionArb,
        config: configArb,
        rsaKeyBits: fc.integer({ min: 360, max: 4096 }),
      },
      { requiredKeys: ['name', 'kind', 'at'] },
    ),
    fc.record(
      {
        name: fc.constant(name),
        kind: fc.constant('switch'),
        model: fc.constantFrom(...SWITCH_MODELS),
        at: positionArb,
        config: configArb,
      },
      { requiredKeys: ['name', 'kind', 'model', 'at'] },
    ),
    fc
      .tuple(
        fc.record(
          {
            name: fc.constant(name),
            kind: fc.constant('pc'),
            at: positionArb,
            ip: hostAddressArb,
            gateway: fc.ipV4(),
            dns: dnsArb,
          },
          { requiredKeys: ['name', 'kind', 'at'] },
        ),
        hostIpv6Arb,
      )
      .map(([device, ipv6]): NetworkFileDevice => ({ ...device, ...ipv6 })),
    fc
      .tuple(
        fc.record(
          {
            name: fc.constant(name),
            kind: fc.constant('server'),
            at: positionArb,
            ip: hostAddressArb,
            gateway: fc.ipV4(),
            dns: dnsArb,
            dnsRecords: dnsRecordsArb,
          },
          { requiredKeys: ['name', 'kind', 'at'] },
        ),
        hostIpv6Arb,
      )
      .map(([device, ipv6]): NetworkFileDevice => ({ ...device, ...ipv6 })),
  );

/** One way of writing a port: full, IOS short, lower-case short, one letter. */
function writePort(port: string, style: number): string {
  const short = shortInterfaceName(port);
  switch (style % 4) {
    case 0:
      return port;
    case 1:
      return short;
    case 2:
      return short.toLowerCase();
    default:
      return short[0]!.toLowerCase() + short.slice(2);
  }
}

/** The name in upper case, when that still names the same device (not so for some scripts: ῂ -> ῊΙ). */
const flipCase = (s: string, flip: boolean): string =>
  flip && nameKey(s.toUpperCase()) === nameKey(s) ? s.toUpperCase() : s;

/** Valid network files: unique names, cables between existing free ports. */
export const networkFileArb: fc.Arbitrary<NetworkFile> = fc
  .uniqueArray(deviceNameArb, { maxLength: 12, selector: nameKey })
  .chain((names) =>
    fc.tuple(
      fc.tuple(...names.map(deviceArb)),
      fc.array(fc.tuple(fc.nat(), fc.nat(), fc.nat(), fc.nat(), fc.nat(), fc.boolean()), { maxLength: 16 }),
    ),
  )
  .map(([devices, wishes]) => {
    const used = new Set<string>();
    const links: [string, string][] = [];
    if (devices.length >= 2) {
      for (const [ia, ib, pa, pb, style, flip] of wishes) {
        const a = devices[ia % devices.length]!;
        const b = devices[ib % devices.length]!;
        if (a === b) continue;
        const portA = KIND_PORTS[a.kind][pa % KIND_PORTS[a.kind].length]!;
        const portB = KIND_PORTS[b.kind][pb % KIND_PORTS[b.kind].length]!;
        const keyA = `${nameKey(a.name)}|${portA}`;
        const keyB = `${nameKey(b.name)}|${portB}`;
        if (used.has(keyA) || used.has(keyB)) continue;
        used.add(keyA);
        used.add(keyB);
        links.push([
          `${flipCase(a.name, flip)}:${writePort(portA, style)}`,
          `${b.name}:${writePort(portB, style + 1)}`,
        ]);
      }
    }
    const file: NetworkFile = { version: 1, devices: [...devices], links };
    return file;
  });

/** A network file (as plain JSON) with one change: a field removed, added, or given another value. */
export const mutatedFileArb: fc.Arbitrary<unknown> = fc
  .tuple(
    networkFileArb,
    fc.nat(),
    fc.constantFrom('delete', 'replace', 'add'),
    fc.oneof(
      fc.jsonValue(),
      fc.constantFrom(
        '',
        'R1',
        'x y',
        'a:b',
        'R\u00011',
        'firewall',
        '3560-24PS',
        '1.2.3.4',
        '1.2.3.4/24',
        'S1:Fa0/1',
        'S1:Fa0/1\n',
        2,
        -0.5,
        '10.0.0.53',
        ['10.0.0.53', '10.0.0.54'],
        [],
        'A',
        'CNAME',
        'www.example.com',
        [{ name: 'www.example.com', type: 'A', address: '10.0.0.80' }],
        'auto',
        '2001:db8:1::10/64',
        ['auto', '2001:db8:1::10/64'],
        'fe80::1',
        'fe80::1/64',
        'ff02::1',
        '2001:db8::1/129',
      ),
    ),
    fc.constantFrom(
      'colour',
      'name',
      'kind',
      'model',
      'at',
      'config',
      'ip',
      'gateway',
      'ipv6',
      'ipv6Gateway',
      'dns',
      'dnsRecords',
      'type',
      'address',
      'target',
      'version',
      'links',
      '$schema',
    ),
  )
  .map(([file, at, op, value, field]) => {
    const copy = JSON.parse(JSON.stringify(file)) as unknown;
    const slots: [Record<string | number, unknown>, string | number][] = [];
    const objects: Record<string, unknown>[] = [];
    const walk = (v: unknown): void => {
      if (typeof v !== 'object' || v === null) return;
      const holder = v as Record<string | number, unknown>;
      if (!Array.isArray(v)) objects.push(holder);
      for (const key of Array.isArray(v) ? v.keys() : Object.keys(v)) {
        slots.push([holder, key]);
        walk(holder[key]);
      }
    };
    walk(copy);
    if (op === 'add') objects[at % objects.length]![field] = value;
    else {
      const [holder, key] = slots[at % slots.length]!;
      if (op === 'delete' && !Array.isArray(holder)) delete holder[key];
      else holder[key] = value;
    }
    return copy;
  });

const badServerArb = fc.constantFrom<unknown>(
  '',
  'x',
  '10.0.0',
  '300.1.1.1',
  '0.1.2.3',
  '224.0.0.5',
  '255.255.255.255',
  5,
  null,
  {},
);
const badNameArb = fc.constantFrom<unknown>('', '.', 'a..b', 'a b', 'é.fr', `${'x'.repeat(64)}.com`, 5, null);
const badAddressArb = fc.constantFrom<unknown>('', '10.0.0', '300.1.1.1', 'www', 5, null);
const badTypeArb = fc.constantFrom<unknown>('AAAA', 'MX', 'a', 'cname', '', 5, null);
const badRecordArb = fc.constantFrom<unknown>('www', 5, null, [], true);

export type Changed = { file: unknown; field: 'dns' | 'dnsRecords' };
type DnsRecord = Record<string, unknown>;

/** A valid server whose DNS settings then get one thing wrong, and the field that holds it. */
export const badDnsArb: fc.Arbitrary<Changed> = fc.tuple(dnsArb, dnsRecordsArb).chain(([dns, records]) => {
  const servers = typeof dns === 'string' ? [dns] : dns;
  const server = (change: object) => ({
    version: 1,
    devices: [{ name: 'Srv1', kind: 'server', at: [0, 0], dns, dnsRecords: records, ...change }],
  });
  const withDns = (value: unknown): Changed => ({ file: server({ dns: value }), field: 'dns' });
  const withRecords = (value: unknown): Changed => ({
    file: server({ dnsRecords: value }),
    field: 'dnsRecords',
  });
  const spliced = <T>(list: readonly T[], at: number, item: T): T[] => {
    const copy = [...list];
    copy.splice(at % (copy.length + 1), 0, item);
    return copy;
  };
  const changes: fc.Arbitrary<Changed>[] = [
    badServerArb.map(withDns),
    fc.tuple(badServerArb, fc.nat()).map(([bad, at]) => withDns(spliced(servers, at, bad))),
    fc.constant(withDns(['10.0.0.1', '10.0.0.2', '10.0.0.3', '10.0.0.4'])),
    badServerArb.filter((v) => !Array.isArray(v)).map(withRecords),
    fc.tuple(badRecordArb, fc.nat()).map(([bad, at]) => withRecords(spliced<unknown>(records, at, bad))),
  ];
  if (records.length > 0) {
    const edit = (change: (r: DnsRecord) => DnsRecord | DnsRecord[]) =>
      fc
        .nat(records.length - 1)
        .map((i) => withRecords(records.flatMap((r, k) => (k === i ? change({ ...r }) : [r]))));
    changes.push(
      badNameArb.chain((bad) => edit((r) => ({ ...r, name: bad }))),
      badTypeArb.chain((bad) => edit((r) => ({ ...r, type: bad }))),
      fc
        .tuple(badAddressArb, badNameArb)
        .chain(([address, target]) =>
          edit((r) => (r['type'] === 'A' ? { ...r, address } : { ...r, target })),
        ),
      edit((r) => ({ ...r, ttl: 60 })),
      edit(({ name: _, ...rest }) => rest),
      edit((r) => (r['type'] === 'A' ? { ...r, target: 'www.example.com' } : { ...r, address: '10.0.0.1' })),
      // A CNAME beside the name's other record (RFC 1034 §3.6.2).
      edit((r) => [r, { name: r['name'], type: 'CNAME', target: 'elsewhere.example' }]),
    );
  }
  return fc.oneof(...changes);
});

/**
 * An editing step, described by indices so that it can be turned into a command against
 * whatever the document has become by then.
 */
export type Step =
  | { readonly t: 'add'; readonly kind: DeviceKind; readonly name?: string; readonly at: [number, number] }
  | { readonly t: 'move'; readonly dev: number; readonly at: [number, number] }
  | { readonly t: 'rename'; readonly dev: number; readonly name: string }
  | { readonly t: 'remove'; readonly dev: number }
  | {
      readonly t: 'connect';
      readonly a: number;
      readonly b: number;
      readonly pa: number | 'auto';
      readonly pb: number | 'auto';
    }
  | { readonly t: 'disconnect'; readonly link: number }
  | { readonly t: 'config'; readonly dev: number; readonly config: string }
  | { readonly t: 'hostIp'; readonly dev: number; readonly ip?: string; readonly gateway?: string }
  | { readonly t: 'hostDns'; readonly dev: number; readonly dns: string[] }
  | { readonly t: 'dnsRecords'; readonly dev: number; readonly records?: DnsRecordDoc[] };

const portChoice = fc.oneof(fc.constant('auto' as const), fc.nat());

export const stepArb: fc.Arbitrary<Step> = fc.oneof(
  fc.record(
    {
      t: fc.constant('add' as const),
      kind: fc.constantFrom(...DEVICE_KINDS),
      name: deviceNameArb,
      at: positionArb,
    },
    { requiredKeys: ['t', 'kind', 'at'] },
  ),
  fc.record({ t: fc.constant('move' as const), dev: fc.nat(), at: positionArb }),
  fc.record({
    t: fc.constant('rename' as const),
    dev: fc.nat(),
    name: fc.oneof(deviceNameArb, fc.constantFrom('', 'a b', 'x:y', 'R1', 'pc1')),
  }),
  fc.record({ t: fc.constant('remove' as const), dev: fc.nat() }),
  fc.record({ t: fc.constant('connect' as const), a: fc.nat(), b: fc.nat(), pa: portChoice, pb: portChoice }),
  fc.record({ t: fc.constant('disconnect' as const), link: fc.nat() }),
  fc.record({ t: fc.constant('config' as const), dev: fc.nat(), config: configArb }),
  fc.record(
    {
      t: fc.constant('hostIp' as const),
      dev: fc.nat(),
      ip: fc.oneof(hostAddressArb, fc.constantFrom('10.0.0.0/8', '1.2.3.4', '300.1.1.1/24')),
      gateway: fc.oneof(fc.ipV4(), fc.constant('nope')),
    },
    { requiredKeys: ['t', 'dev'] },
  ),
  fc.record({
    t: fc.constant('hostDns' as const),
    dev: fc.nat(),
    dns: fc.oneof(
      dnsArb.map((dns) => (typeof dns === 'string' ? [dns] : dns)),
      fc.constant<string[]>(['10.0.0.53', '10.0.0.053']),
    ),
  }),
  fc.record(
    {
      t: fc.constant('dnsRecords' as const),
      dev: fc.nat(),
      records: fc.oneof(
        dnsRecordsArb,
        fc.constant<DnsRecordDoc[]>([{ name: 'a..b', type: 'A', address: '10.0.0.1' }]),
      ),
    },
    { requiredKeys: ['t', 'dev'] },
  ),
);

/** The command a step stands for in `doc`; steps on an empty document name a missing device. */
export function commandFor(doc: NetworkDoc, step: Step): DocCommand {
  const dev = (n: number) => doc.deviceOrder[n % Math.max(1, doc.deviceOrder.length)] ?? deviceId('missing');
  const port = (n: number, choice: number | 'auto'): string => {
    if (choice === 'auto') return 'auto';
    const d = deviceOf(doc, dev(n));
    const ports = d ? KIND_PORTS[d.kind] : ['FastEthernet0'];
    return writePort(ports[choice % ports.length]!, choice);
  };
  switch (step.t) {
    case 'add':
      return step.name === undefined
        ? { type: 'addDevice', kind: step.kind, at: step.at }
        : { type: 'addDevice', kind: step.kind, name: step.name, at: step.at };
    case 'move':
      return { type: 'moveDevice', id: dev(step.dev), at: step.at };
    case 'rename':
      return { type: 'renameDevice', id: dev(step.dev), name: step.name };
    case 'remove':
      return { type: 'removeDevice', id: dev(step.dev) };
    case 'connect':
      return {
        type: 'connect',
        a: { device: dev(step.a), port: port(step.a, step.pa) },
        b: { device: dev(step.b), port: port(step.b, step.pb) },
      };
    case 'disconnect':
      return {
        type: 'disconnect',
        id: doc.linkOrder[step.link % Math.max(1, doc.linkOrder.length)] ?? linkId('missing'),
      };
    case 'config':
      return { type: 'setConfig', id: dev(step.dev), config: step.config };
    case 'hostIp': {
      const cmd: { type: 'setHostIp'; id: ReturnType<typeof dev>; ip?: string; gateway?: string } = {
        type: 'setHostIp',
        id: dev(step.dev),
      };
      if (step.ip !== undefined) cmd.ip = step.ip;
      if (step.gateway !== undefined) cmd.gateway = step.gateway;
      return cmd;
    }
    case 'hostDns':
      return { type: 'setHostDns', id: dev(step.dev), dns: step.dns };
    case 'dnsRecords':
      return step.records === undefined
        ? { type: 'setDnsRecords', id: dev(step.dev) }
        : { type: 'setDnsRecords', id: dev(step.dev), records: step.records };
  }
}
