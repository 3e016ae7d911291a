/**
 * Writing a NetworkDoc as a network file (schemas/network.schema.json). The layout is fixed so that
 * saving is byte-stable (save(load(save(doc))) === save(doc)) and files diff well under version
 * control: 2-space indentation, a device without configuration on one line, a device with
 * configuration or DNS records one field per line (and one line per record), one line per
 * cable, and a final newline. One DNS server is written as a string, several as a list; so is
 * "ipv6" ("auto" or an address alone as a string, both or none as a list).
 * Configuration text is written exactly as it is held.
 */
import type { DeviceId } from '../shared/ids.ts';
import {
  type DeviceDoc,
  type DnsRecordDoc,
  deviceOf,
  devicesInOrder,
  linksInOrder,
  type NetworkDoc,
} from './document.ts';

const str = (s: string): string => JSON.stringify(s);
const num = (n: number): string => JSON.stringify(n);

function deviceFields(d: DeviceDoc): string[] {
  const fields = [
    `"name": ${str(d.name)}`,
    `"kind": ${str(d.kind)}`,
    ...(d.model !== undefined ? [`"model": ${str(d.model)}`] : []),
    `"at": [${num(d.at[0])}, ${num(d.at[1])}]`,
  ];
  if (d.config !== undefined) fields.push(`"config": ${str(d.config)}`);
  if (d.rsaKeyBits !== undefined) fields.push(`"rsaKeyBits": ${num(d.rsaKeyBits)}`);
  if (d.ip !== undefined) fields.push(`"ip": ${str(d.ip)}`);
  if (d.gateway !== undefined) fields.push(`"gateway": ${str(d.gateway)}`);
  if (d.ipv6 !== undefined) {
    const ipv6 = d.ipv6.length === 1 ? str(d.ipv6[0]!) : `[${d.ipv6.map(str).join(', ')}]`;
    fields.push(`"ipv6": ${ipv6}`);
  }
  if (d.ipv6Gateway !== undefined) fields.push(`"ipv6Gateway": ${str(d.ipv6Gateway)}`);
  if (d.dns !== undefined) {
    const servers = d.dns.length === 1 ? str(d.dns[0]!) : `[${d.dns.map(str).join(', ')}]`;
    fields.push(`"dns": ${servers}`);
  }
  if (d.dnsRecords !== undefined) {
    const records = d.dnsRecords.map((r) => `        ${record(r)}`);
    fields.push(
      records.length === 0 ? '"dnsRecords": []' : `"dnsRecords": [\n${records.join(',\n')}\n      ]`,
    );
  }
  return fields;
}

function record(r: DnsRecordDoc): string {
  const data = r.type === 'A' ? `"address": ${str(r.address)}` : `"target": ${str(r.target)}`;
  return `{ "name": ${str(r.name)}, "type": ${str(r.type)}, ${data} }`;
}

function device(d: DeviceDoc): string {
  const fields = deviceFields(d);
  if (d.config === undefined && d.rsaKeyBits === undefined && d.dnsRecords === undefined) {
    return `    { ${fields.join(', ')} }`;
  }
  return `    {\n${fields.map((f) => `      ${f}`).join(',\n')}\n    }`;
}

function list(name: string, items: readonly string[]): string {
  return items.length === 0 ? `  "${name}": []` : `  "${name}": [\n${items.join(',\n')}\n  ]`;
}

export function saveNetwork(doc: NetworkDoc): string {
  const devices = devicesInOrder(doc).map(device);
  const nameOf = (id: DeviceId): string => deviceOf(doc, id)?.name ?? id;
  const links = linksInOrder(doc).map(
    (l) => `    [${str(`${nameOf(l.a.device)}:${l.a.port}`)}, ${str(`${nameOf(l.b.device)}:${l.b.port}`)}]`,
  );
  return `{\n  "version": ${doc.version},\n${list('devices', devices)},\n${list('links', links)}\n}\n`;
}
