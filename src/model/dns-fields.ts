/**
 * The DNS settings of PCs and servers, as the network file and the forms write them: the DNS
 * servers a host asks ("dns"), and a server's DNS records ("dnsRecords").
 *
 * A host takes at most MAX_DNS_SERVERS servers, each a unicast IPv4 address, none twice. A
 * domain name is dot-separated labels of 1 to 63 letters, digits, hyphens or underscores, at
 * most 253 characters (RFC 1035 §2.3.4); one final dot, as zone files and nslookup write fully
 * qualified names, is accepted and dropped. Names keep the case they were written in and
 * compare ignoring it (RFC 4343). A name with a CNAME has no other record (RFC 1034 §3.6.2);
 * several A records for one name are a round-robin, but the same record twice is a mistake.
 *
 * The checks return every problem with its path below the field checked, so that the loader
 * can name each by JSON pointer and a command can refuse with the first.
 */
import { formatIpv4, type Ipv4Addr, parseIpv4 } from '../shared/ipv4.ts';
import type { DnsRecordDoc } from './document.ts';
import { type ModelError, modelError } from './errors.ts';
import type { Checked } from './host-address.ts';
import { has, isObject, preview } from './json-value.ts';

/** As many name servers as a resolver asks (glibc's MAXNS in resolv.h). */
export const MAX_DNS_SERVERS = 3;

const MAX_NAME_LENGTH = 253;
const MAX_LABEL_LENGTH = 63;
const LABEL = /^[A-Za-z0-9_-]+$/;

/** A problem at `path` (array indices and field names) below the value checked. */
export interface FieldProblem {
  readonly path: readonly (string | number)[];
  readonly error: ModelError;
}

export type CheckedList<T> =
  | { readonly ok: true; readonly value: T[] }
  | { readonly ok: false; readonly problems: FieldProblem[] };

const fail = (error: ModelError): Checked => ({ ok: false, error });

/** Checks one DNS server's address and returns it in canonical form. */
export function checkDnsServer(text: string): Checked {
  const addr: Ipv4Addr | undefined = parseIpv4(text);
  if (addr === undefined) return fail(modelError('error.dnsServerSyntax', { server: text }));
  // A query goes to one host: not "this network", multicast, reserved or limited broadcast.
  const first = addr >>> 24;
  if (first === 0 || first >= 224) return fail(modelError('error.dnsServerUnusable', { server: text }));
  return { ok: true, value: formatIpv4(addr) };
}

/**
 * Checks the DNS servers written as one address or a list of them; the result is the list in
 * canonical form, empty when there are none.
 */
export function checkDnsServers(value: unknown): CheckedList<string> {
  const single = typeof value === 'string';
  if (!single && !Array.isArray(value)) {
    return {
      ok: false,
      problems: [{ path: [], error: modelError('file.dnsType', { value: preview(value) }) }],
    };
  }
  const items: readonly unknown[] = single ? [value] : value;
  const problems: FieldProblem[] = [];
  if (items.length > MAX_DNS_SERVERS) {
    problems.push({
      path: [],
      error: modelError('error.dnsTooMany', { max: MAX_DNS_SERVERS, count: items.length }),
    });
  }
  const servers: string[] = [];
  items.forEach((item, i) => {
    const path = single ? [] : [i];
    if (typeof item !== 'string') {
      problems.push({ path, error: modelError('file.dnsServerType', { value: preview(item) }) });
      return;
    }
    const checked = checkDnsServer(item);
    if (!checked.ok) problems.push({ path, error: checked.error });
    else if (servers.includes(checked.value)) {
      problems.push({ path, error: modelError('error.dnsServerTwice', { server: checked.value }) });
    } else servers.push(checked.value);
  });
  return problems.length > 0 ? { ok: false, problems } : { ok: true, value: servers };
}

/** Checks a domain name and returns it without its final dot, if it had one. */
export function checkDomainName(text: string): Checked {
  const name = text.endsWith('.') ? text.slice(0, -1) : text;
  const labels = name.split('.');
  if (labels.some((label) => !LABEL.test(label)))
    return fail(modelError('error.dnsNameSyntax', { name: text }));
  const long = labels.find((label) => label.length > MAX_LABEL_LENGTH);
  if (long !== undefined) {
    const shown = `${long.slice(0, 20)}…`;
    return fail(modelError('error.dnsLabelLength', { label: shown, length: long.length }));
  }
  if (name.length > MAX_NAME_LENGTH) return fail(modelError('error.dnsNameLength', { length: name.length }));
  return { ok: true, value: name };
}

/** Names compare ignoring ASCII case (RFC 4343); they hold nothing but ASCII. */
export const dnsNameKey = (name: string): string => name.toLowerCase();

const RECORD_FIELDS = ['name', 'type', 'address', 'target'];

/** A record as it reads: "A 10.0.0.80", "CNAME www.example.com". */
export const describeRecord = (r: DnsRecordDoc): string =>
  r.type === 'A' ? `A ${r.address}` : `CNAME ${r.target}`;

/** One record, or its problems (paths below the record). */
function readRecord(value: unknown): { record?: DnsRecordDoc; problems: FieldProblem[] } {
  const problems: FieldProblem[] = [];
  const report = (path: (string | number)[], error: ModelError): void => {
    problems.push({ path, error });
  };
  if (!isObject(value)) {
    report([], modelError('file.recordType', { value: preview(value) }));
    return { problems };
  }
  for (const field of Object.keys(value)) {
    if (!RECORD_FIELDS.includes(field)) report([field], modelError('file.unknownRecordField', { field }));
  }
  /** A text field checked by `check`: its canonical value, or undefined with the problem reported. */
  const text = (field: string, check: (t: string) => Checked): string | undefined => {
    if (!has(value, field)) {
      report([], modelError('file.missingRecordField', { field }));
      return undefined;
    }
    const v = value[field];
    if (typeof v !== 'string') {
      report([field], modelError('file.textType', { field, value: preview(v) }));
      return undefined;
    }
    const checked = check(v);
    if (!checked.ok) {
      report([field], checked.error);
      return undefined;
    }
    return checked.value;
  };

  const name = text('name', checkDomainName);
  const type = text('type', (t) =>
    t === 'A' || t === 'CNAME'
      ? { ok: true, value: t }
      : fail(modelError('error.dnsRecordType', { value: t })),
  ) as 'A' | 'CNAME' | undefined;
  if (type === undefined) return { problems };
  const other = type === 'A' ? 'target' : 'address';
  if (has(value, other)) report([other], modelError('file.recordFieldForType', { type, field: other }));
  const data =
    type === 'A'
      ? text('address', (t) => {
          const addr = parseIpv4(t);
          return addr === undefined
            ? fail(modelError('error.dnsAddressSyntax', { address: t }))
            : { ok: true, value: formatIpv4(addr) };
        })
      : text('target', checkDomainName);
  if (name === undefined || data === undefined || problems.length > 0) return { problems };
  const record: DnsRecordDoc = type === 'A' ? { name, type, address: data } : { name, type, target: data };
  return { record, problems };
}

/** Whether two records say the same thing (names compared ignoring case). */
function sameRecord(a: DnsRecordDoc, b: DnsRecordDoc): boolean {
  if (dnsNameKey(a.name) !== dnsNameKey(b.name)) return false;
  if (a.type === 'A') return b.type === 'A' && a.address === b.address;
  return b.type === 'CNAME' && dnsNameKey(a.target) === dnsNameKey(b.target);
}

/**
 * Checks a server's DNS records and returns them with names and addresses in canonical form.
 * A record that clashes with an earlier one is the one reported.
 */
export function checkDnsRecords(value: unknown): CheckedList<DnsRecordDoc> {
  if (!Array.isArray(value)) {
    const error = modelError('file.dnsRecordsType', { value: preview(value) });
    return { ok: false, problems: [{ path: [], error }] };
  }
  const problems: FieldProblem[] = [];
  const records: (DnsRecordDoc | undefined)[] = [];
  value.forEach((item: unknown, i) => {
    const read = readRecord(item);
    for (const p of read.problems) problems.push({ path: [i, ...p.path], error: p.error });
    const record = read.record;
    records.push(record);
    if (record === undefined) return;
    const key = dnsNameKey(record.name);
    for (const earlier of records.slice(0, i)) {
      if (earlier === undefined || dnsNameKey(earlier.name) !== key) continue;
      const params = { name: record.name, other: describeRecord(earlier) };
      if (earlier.type === 'CNAME' || record.type === 'CNAME') {
        problems.push({ path: [i], error: modelError('error.dnsCnameConflict', params) });
        break;
      }
      if (sameRecord(earlier, record)) {
        problems.push({ path: [i], error: modelError('error.dnsRecordTwice', params) });
        break;
      }
    }
  });
  if (problems.length > 0) return { ok: false, problems };
  return { ok: true, value: records as DnsRecordDoc[] };
}
