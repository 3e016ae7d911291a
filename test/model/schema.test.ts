import { readdirSync, readFileSync } from 'node:fs';
import Ajv from 'ajv';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import schema from '../../schemas/network.schema.json' with { type: 'json' };
import type { ErrorKey } from '../../src/model/errors.ts';
import { loadNetwork } from '../../src/model/load.ts';
import { badDnsArb, mutatedFileArb, networkFileArb } from './arbitraries.ts';

const validate = new Ajv({ allErrors: true, strict: true }).compile(schema);
const fixtures = new URL('../fixtures/networks/', import.meta.url);
const readJson = (url: URL): unknown => JSON.parse(readFileSync(url, 'utf8'));

/** Problems the schema itself describes; the others need the whole file to see. */
const STRUCTURAL: readonly ErrorKey[] = [
  'file.notObject',
  'file.unknownTopField',
  'file.unknownDeviceField',
  'file.missingVersion',
  'file.unsupportedVersion',
  'file.missingDevices',
  'file.devicesType',
  'file.linksType',
  'file.deviceType',
  'file.missingDeviceField',
  'file.nameType',
  'file.kindValue',
  'file.modelValue',
  'file.modelNotSwitch',
  'file.atType',
  'file.textType',
  'file.linkType',
  'file.linkEndType',
  'file.linkEndSyntax',
  'error.nameEmpty',
  'error.configOnHost',
  'error.hostIpOnNetworkDevice',
  'error.hostIpv6OnNetworkDevice',
  'file.ipv6Type',
  'file.ipv6GatewayAlone',
  'file.dnsType',
  'file.dnsServerType',
  'file.dnsRecordsType',
  'file.recordType',
  'file.unknownRecordField',
  'file.missingRecordField',
  'file.recordFieldForType',
  'error.dnsTooMany',
  'error.dnsRecordsNotServer',
  'error.dnsRecordType',
  'error.dnsNameSyntax',
  'error.dnsLabelLength',
];

describe('schemas/network.schema.json', () => {
  it('accepts every valid fixture and example', () => {
    const files = [
      ...readdirSync(new URL('valid/', fixtures)).map((f) => new URL(`valid/${f}`, fixtures)),
      new URL('../../examples/small-office.json', import.meta.url),
    ];
    for (const url of files) expect(validate(readJson(url)), url.pathname).toBe(true);
  });

  it('rejects the broken fixtures whose problem it describes', () => {
    for (const file of readdirSync(new URL('broken/', fixtures))) {
      const url = new URL(`broken/${file}`, fixtures);
      const text = readFileSync(url, 'utf8');
      const keys = loadNetwork(text).problems.map((p) => p.key!);
      if (keys.some((k) => STRUCTURAL.includes(k))) expect(validate(JSON.parse(text)), file).toBe(false);
    }
  });

  it('agrees with the loader: never stricter, and as strict on structure', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          networkFileArb,
          mutatedFileArb,
          badDnsArb.map((c) => c.file),
        ),
        (value) => {
          const { doc, problems } = loadNetwork(value);
          const valid = validate(value);
          if (doc) expect(valid).toBe(true);
          if (valid) expect(problems.filter((p) => STRUCTURAL.includes(p.key!))).toEqual([]);
        },
      ),
      { numRuns: 500 },
    );
  });

  it('agrees with the loader on edge cases', () => {
    const file = (end: string, name = 'S1') => ({
      version: 1,
      devices: [
        { name, kind: 'switch', at: [0, 0] },
        { name: 'PC1', kind: 'pc', at: [0, 0] },
      ],
      links: [[end, 'PC1:Fa0']],
    });
    for (const value of [
      file('S1: Fa0/1 '),
      file('S1:Fa0/1\n'),
      file('s1:gig 0/1'),
      file('S1:Fa0/1', 'S\u00a01'),
    ]) {
      const accepted = loadNetwork(value).doc !== undefined;
      if (accepted) expect(validate(value), JSON.stringify(value.links)).toBe(true);
    }
    expect(loadNetwork(file('S1: Fa0/1 ')).doc).toBeDefined();
  });

  it('describes every field, for editor help', () => {
    const missing: string[] = [];
    const visit = (node: unknown, path: string): void => {
      if (!node || typeof node !== 'object') return;
      const n = node as Record<string, unknown>;
      for (const [name, sub] of Object.entries((n['properties'] as object | undefined) ?? {})) {
        if (sub === false) continue;
        if (path.includes('/allOf')) continue;
        if (!(sub as Record<string, unknown>)['description']) missing.push(`${path}/${name}`);
        visit(sub, `${path}/${name}`);
      }
      for (const [name, sub] of Object.entries((n['definitions'] as object | undefined) ?? {})) {
        if (!(sub as Record<string, unknown>)['description']) missing.push(`${path}/definitions/${name}`);
        visit(sub, `${path}/definitions/${name}`);
      }
      for (const [i, sub] of ((n['allOf'] as unknown[] | undefined) ?? []).entries())
        visit(sub, `${path}/allOf/${i}`);
    };
    visit(schema, '');
    expect(missing).toEqual([]);
  });
});
