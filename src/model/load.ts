/**
 * Reading a network file (schemas/network.schema.json) into a NetworkDoc.
 *
 * The loader never throws: whatever it is given, it answers with every problem it finds, each
 * with an RFC 6901 pointer and a reason a student can act on, and a document only when there
 * are none. It checks what the schema says (types, required and unknown fields, version) and
 * what a schema cannot (names unique ignoring case, cables between existing ports used once,
 * usable host addresses, IPv4 and IPv6, DNS records that agree with each other). Port names
 * are normalized to their full IOS names; device and link ids are assigned in file order (d1,
 * d2..., l1, l2...), so loading the same file twice gives the same document.
 */
import { freeze } from 'immer';
import { type DeviceId, deviceId, type LinkId, linkId } from '../shared/ids.ts';
import { SWITCH_MODELS, type SwitchModel } from '../shared/models.ts';
import { canonicalPortName, DEVICE_KINDS, type DeviceKind, isHostKind } from '../shared/ports.ts';
import { nameKey, nameSyntaxError } from './device-names.ts';
import { describePorts } from './device-ports.ts';
import { checkDnsRecords, checkDnsServers, type FieldProblem } from './dns-fields.ts';
import {
  type DeviceDoc,
  type DnsRecordDoc,
  idTable,
  type LinkDoc,
  NETWORK_FILE_VERSION,
  type NetworkDoc,
  type Problem,
} from './document.ts';
import { type ErrorKey, type ErrorParams, formatError, type ModelError, modelError } from './errors.ts';
import { checkGateway, checkHostAddress } from './host-address.ts';
import { checkIpv6Gateway, checkIpv6Setting } from './host-ipv6.ts';
import { describeJsonError } from './json-syntax.ts';
import { has, isObject, preview } from './json-value.ts';
import { childPointer, comparePointers, DEVICE_FIELDS, TOP_FIELDS } from './pointer.ts';

export interface LoadResult {
  /** Present only when there are no problems. */
  readonly doc?: NetworkDoc;
  /** In document order. */
  readonly problems: Problem[];
}

/** How many device names an "unknown device" problem lists. */
const NAMES_LISTED = 10;

const problem = (pointer: string, error: ModelError): Problem => ({
  pointer,
  message: formatError(error),
  key: error.key,
  params: error.params,
});

/**
 * Loads a network from file text, or from a value already parsed from JSON (a lab's "network").
 * A string is always taken as file text.
 */
export function loadNetwork(input: string | unknown): LoadResult {
  if (typeof input !== 'string') return readNetwork(input);
  const text = input.startsWith('\uFEFF') ? input.slice(1) : input;
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    const { line, column, detail } = describeJsonError(text, e);
    return { problems: [problem('', modelError('file.notJson', { line, column, detail }))] };
  }
  return readNetwork(value);
}

/** A device entry as far as it could be read; the fields are set when they are valid. */
interface DeviceEntry {
  name?: string;
  kind?: DeviceKind;
  model?: SwitchModel;
  at?: readonly [number, number];
  config?: string;
  rsaKeyBits?: number;
  ip?: string;
  gateway?: string;
  ipv6?: readonly string[];
  ipv6Gateway?: string;
  dns?: readonly string[];
  dnsRecords?: readonly DnsRecordDoc[];
}

/** One cable end resolved to a device entry (by index) and a canonical port. */
interface LinkEnd {
  readonly device: number;
  readonly port: string;
  /** The port as the file writes it. */
  readonly written: string;
}

/** The devices as far as they were read, for resolving cable ends. */
interface DevicesByName {
  readonly entries: readonly (DeviceEntry | undefined)[];
  /** Name key -> index of the first device with that name. */
  readonly byName: ReadonlyMap<string, number>;
  /** The names to suggest when a cable names an unknown device. */
  readonly names: string;
}

type Report = (pointer: string, key: ErrorKey, params?: ErrorParams) => void;

function listNames(entries: readonly (DeviceEntry | undefined)[]): string {
  const names = entries.flatMap((e) => (e?.name === undefined ? [] : [e.name]));
  if (names.length === 0) return 'none';
  return names.slice(0, NAMES_LISTED).join(', ') + (names.length > NAMES_LISTED ? ', …' : '');
}

/** Reads "DEVICE:PORT"; undefined (with the problem reported) when it names no usable port. */
function readLinkEnd(
  text: unknown,
  pointer: string,
  devices: DevicesByName,
  report: Report,
): LinkEnd | undefined {
  if (typeof text !== 'string') {
    report(pointer, 'file.linkEndType', { value: preview(text) });
    return undefined;
  }
  const colon = text.indexOf(':');
  if (colon <= 0 || colon === text.length - 1) {
    report(pointer, 'file.linkEndSyntax', { value: text });
    return undefined;
  }
  const name = text.slice(0, colon);
  const written = text.slice(colon + 1);
  const index = devices.byName.get(nameKey(name));
  if (index === undefined) {
    report(pointer, 'file.unknownLinkDevice', { device: name, names: devices.names });
    return undefined;
  }
  const device = devices.entries[index]!;
  // A device without a valid kind has its own problem; say nothing more about its ports.
  if (device.kind === undefined) return undefined;
  const port = canonicalPortName(device.kind, written);
  if (port === undefined) {
    report(pointer, 'error.noSuchPort', {
      device: device.name!,
      port: written,
      kind: device.kind,
      ports: describePorts(device.kind),
    });
    return undefined;
  }
  return { device: index, port, written };
}

function readNetwork(root: unknown): LoadResult {
  const problems: Problem[] = [];
  const report: Report = (pointer, key, params = {}) => {
    problems.push(problem(pointer, modelError(key, params)));
  };

  if (!isObject(root)) {
    report('', 'file.notObject', { value: preview(root) });
    return { problems };
  }
  for (const field of Object.keys(root)) {
    if (!TOP_FIELDS.includes(field)) report(childPointer('', field), 'file.unknownTopField', { field });
  }
  if (has(root, '$schema') && typeof root['$schema'] !== 'string') {
    report('/$schema', 'file.textType', { field: '$schema', value: preview(root['$schema']) });
  }
  if (!has(root, 'version')) report('', 'file.missingVersion');
  else if (root['version'] !== NETWORK_FILE_VERSION) {
    report('/version', 'file.unsupportedVersion', { value: preview(root['version']) });
  }

  const entries: (DeviceEntry | undefined)[] = [];
  /** Name key -> index of the first device with that name. */
  const byName = new Map<string, number>();
  const devices = root['devices'];
  if (!has(root, 'devices')) report('', 'file.missingDevices');
  else if (!Array.isArray(devices)) report('/devices', 'file.devicesType', { value: preview(devices) });
  else {
    for (let i = 0; i < devices.length; i++) {
      const entry = readDevice(devices[i], `/devices/${i}`, report);
      entries.push(entry);
      if (entry?.name === undefined || entry.name === '') continue;
      const first = byName.get(nameKey(entry.name));
      if (first === undefined) byName.set(nameKey(entry.name), i);
      else {
        const other = entries[first]!.name!;
        report(`/devices/${i}/name`, 'file.duplicateName', {
          name: entry.name,
          other,
          otherPointer: `/devices/${first}`,
        });
      }
    }
  }

  const resolved: [LinkEnd, LinkEnd][] = [];
  const links = root['links'];
  if (has(root, 'links') && !Array.isArray(links)) {
    report('/links', 'file.linksType', { value: preview(links) });
  } else if (Array.isArray(links)) {
    /** "device index|port" -> pointer of the cable using it. */
    const used = new Map<string, string>();
    const devicesByName: DevicesByName = { entries, byName, names: listNames(entries) };
    for (let j = 0; j < links.length; j++) {
      const pointer = `/links/${j}`;
      const pair: unknown = links[j];
      if (!Array.isArray(pair) || pair.length !== 2) {
        report(pointer, 'file.linkType', { value: preview(pair) });
        continue;
      }
      const ends = [0, 1].map((e) => readLinkEnd(pair[e], `${pointer}/${e}`, devicesByName, report));
      const [a, b] = ends;
      if (a && b && a.device === b.device) {
        report(pointer, 'error.selfLink', { device: entries[a.device]!.name! });
        continue;
      }
      for (let e = 0; e < 2; e++) {
        const end = ends[e];
        if (!end) continue;
        const key = `${end.device}|${end.port}`;
        const other = used.get(key);
        if (other === undefined) used.set(key, pointer);
        else {
          report(`${pointer}/${e}`, 'file.portUsedTwice', {
            port: end.written,
            device: entries[end.device]!.name!,
            other,
          });
        }
      }
      if (a && b) resolved.push([a, b]);
    }
  }

  problems.sort((p, q) => comparePointers(p.pointer, q.pointer));
  if (problems.length > 0) return { problems };
  return { doc: buildDoc(entries as DeviceEntry[], resolved), problems };
}

function readDevice(value: unknown, pointer: string, report: Report): DeviceEntry | undefined {
  if (!isObject(value)) {
    report(pointer, 'file.deviceType', { value: preview(value) });
    return undefined;
  }
  const entry: DeviceEntry = {};
  const at = (field: string): string => childPointer(pointer, field);
  const reportError = (field: string, error: ModelError): void => report(at(field), error.key, error.params);

  for (const field of Object.keys(value)) {
    if (!DEVICE_FIELDS.includes(field)) report(at(field), 'file.unknownDeviceField', { field });
  }
  for (const field of ['name', 'kind', 'at']) {
    if (!has(value, field)) report(pointer, 'file.missingDeviceField', { field });
  }

  const name = value['name'];
  if (typeof name === 'string') {
    entry.name = name;
    const bad = nameSyntaxError(name);
    if (bad) reportError('name', bad);
  } else if (has(value, 'name')) report(at('name'), 'file.nameType', { value: preview(name) });

  const kind = value['kind'];
  if (DEVICE_KINDS.includes(kind as DeviceKind)) entry.kind = kind as DeviceKind;
  else if (has(value, 'kind')) report(at('kind'), 'file.kindValue', { value: preview(kind) });

  if (has(value, 'model')) {
    const model = value['model'];
    if (!SWITCH_MODELS.includes(model as SwitchModel)) {
      report(at('model'), 'file.modelValue', { value: preview(model) });
    } else if (entry.kind !== undefined && entry.kind !== 'switch') {
      report(at('model'), 'file.modelNotSwitch', { device: entry.name ?? pointer, kind: entry.kind });
    } else entry.model = model as SwitchModel;
  }

  const position = value['at'];
  if (
    Array.isArray(position) &&
    position.length === 2 &&
    Number.isFinite(position[0]) &&
    Number.isFinite(position[1])
  ) {
    entry.at = [position[0] as number, position[1] as number];
  } else if (has(value, 'at')) report(at('at'), 'file.atType', { value: preview(position) });

  const deviceName = entry.name ?? pointer;
  for (const field of ['config', 'ip', 'gateway'] as const) {
    if (!has(value, field)) continue;
    const text = value[field];
    if (typeof text !== 'string') {
      report(at(field), 'file.textType', { field, value: preview(text) });
      continue;
    }
    if (entry.kind === undefined) continue;
    const hostField = field !== 'config';
    if (hostField !== isHostKind(entry.kind)) {
      const key = hostField ? 'error.hostIpOnNetworkDevice' : 'error.configOnHost';
      report(at(field), key, { device: deviceName, kind: entry.kind });
      continue;
    }
    if (field === 'config') {
      entry.config = text;
      continue;
    }
    const checked = field === 'ip' ? checkHostAddress(text) : checkGateway(text);
    if (checked.ok) entry[field] = checked.value;
    else reportError(field, checked.error);
  }
  readIpv6(value, entry, deviceName, at, report);
  readDns(value, entry, deviceName, at, report);
  if (has(value, 'rsaKeyBits')) {
    const bits = value['rsaKeyBits'];
    if (!Number.isInteger(bits) || (bits as number) < 360 || (bits as number) > 4096) {
      report(at('rsaKeyBits'), 'file.keyBits', { value: preview(bits) });
    } else if (entry.kind !== undefined && isHostKind(entry.kind)) {
      report(at('rsaKeyBits'), 'file.keyBitsOnHost', { device: deviceName, kind: entry.kind });
    } else entry.rsaKeyBits = bits as number;
  }
  return entry;
}

/** Reports each problem of a checked field at its pointer inside `field`. */
function reportAll(
  at: (field: string) => string,
  report: Report,
  field: string,
  problems: readonly FieldProblem[],
): void {
  for (const p of problems) {
    const pointer = p.path.reduce<string>((parent, token) => childPointer(parent, token), at(field));
    report(pointer, p.error.key, p.error.params);
  }
}

/**
 * "ipv6" and "ipv6Gateway" (PCs and servers, host-ipv6.ts); on another device, only that is
 * said. The gateway needs "ipv6": without it the host does not run IPv6.
 */
function readIpv6(
  value: Record<string, unknown>,
  entry: DeviceEntry,
  device: string,
  at: (field: string) => string,
  report: Report,
): void {
  const kind = entry.kind;
  const onHost = kind === undefined || isHostKind(kind);
  for (const field of ['ipv6', 'ipv6Gateway'] as const) {
    if (has(value, field) && !onHost)
      report(at(field), 'error.hostIpv6OnNetworkDevice', { device, kind: kind! });
  }
  if (!onHost) return;
  if (has(value, 'ipv6')) {
    const checked = checkIpv6Setting(value['ipv6']);
    if (!checked.ok) reportAll(at, report, 'ipv6', checked.problems);
    else entry.ipv6 = checked.value;
  }
  if (has(value, 'ipv6Gateway')) {
    const text = value['ipv6Gateway'];
    if (typeof text !== 'string')
      report(at('ipv6Gateway'), 'file.textType', { field: 'ipv6Gateway', value: preview(text) });
    else if (!has(value, 'ipv6')) report(at('ipv6Gateway'), 'file.ipv6GatewayAlone', { device });
    else {
      const checked = checkIpv6Gateway(text);
      if (checked.ok) entry.ipv6Gateway = checked.value;
      else report(at('ipv6Gateway'), checked.error.key, checked.error.params);
    }
  }
}

/** "dns" (PCs and servers) and "dnsRecords" (servers); on another device, only that is said. */
function readDns(
  value: Record<string, unknown>,
  entry: DeviceEntry,
  device: string,
  at: (field: string) => string,
  report: Report,
): void {
  const kind = entry.kind;
  if (has(value, 'dns')) {
    if (kind !== undefined && !isHostKind(kind)) {
      report(at('dns'), 'error.hostIpOnNetworkDevice', { device, kind });
    } else {
      const checked = checkDnsServers(value['dns']);
      if (!checked.ok) reportAll(at, report, 'dns', checked.problems);
      else if (checked.value.length > 0) entry.dns = checked.value;
    }
  }
  if (has(value, 'dnsRecords')) {
    if (kind !== undefined && kind !== 'server') {
      report(at('dnsRecords'), 'error.dnsRecordsNotServer', { device, kind });
    } else {
      const checked = checkDnsRecords(value['dnsRecords']);
      if (!checked.ok) reportAll(at, report, 'dnsRecords', checked.problems);
      else entry.dnsRecords = checked.value;
    }
  }
}

/** The document for entries that are all valid. */
function buildDoc(entries: readonly DeviceEntry[], links: readonly [LinkEnd, LinkEnd][]): NetworkDoc {
  const devices: DeviceDoc[] = [];
  const deviceOrder: DeviceId[] = [];
  entries.forEach((e, i) => {
    const id = deviceId(`d${i + 1}`);
    const d: { -readonly [K in keyof DeviceDoc]: DeviceDoc[K] } = {
      id,
      name: e.name!,
      kind: e.kind!,
      at: [e.at![0], e.at![1]],
    };
    if (e.model !== undefined) d.model = e.model;
    if (e.config !== undefined) d.config = e.config;
    if (e.rsaKeyBits !== undefined) d.rsaKeyBits = e.rsaKeyBits;
    if (e.ip !== undefined) d.ip = e.ip;
    if (e.gateway !== undefined) d.gateway = e.gateway;
    if (e.ipv6 !== undefined) d.ipv6 = e.ipv6;
    if (e.ipv6Gateway !== undefined) d.ipv6Gateway = e.ipv6Gateway;
    if (e.dns !== undefined) d.dns = e.dns;
    if (e.dnsRecords !== undefined) d.dnsRecords = e.dnsRecords;
    devices.push(d);
    deviceOrder.push(id);
  });
  const linkDocs: LinkDoc[] = [];
  const linkOrder: LinkId[] = [];
  links.forEach(([a, b], j) => {
    const id = linkId(`l${j + 1}`);
    linkDocs.push({
      id,
      a: { device: deviceOrder[a.device]!, port: a.port },
      b: { device: deviceOrder[b.device]!, port: b.port },
    });
    linkOrder.push(id);
  });
  // Deeply frozen, as every document is: a change then freezes only what it copies (doc-immer.ts).
  return freeze(
    {
      version: NETWORK_FILE_VERSION,
      devices: idTable(devices),
      deviceOrder,
      links: idTable(linkDocs),
      linkOrder,
    },
    true,
  ) as NetworkDoc;
}

/** `/pointer: reason` (just the reason for a problem with the whole file). */
export const formatProblem = (p: Problem): string =>
  p.pointer === '' ? p.message : `${p.pointer}: ${p.message}`;

/** `file: /pointer: reason` lines, as `trame validate` prints them. */
export const formatProblems = (file: string, problems: readonly Problem[]): string[] =>
  problems.map((p) => `${file}: ${formatProblem(p)}`);
