/**
 * Commands on the document: the only way it changes. Each is checked against the current
 * document, then applied as an immer recipe producing forward and inverse patches (for the UI
 * mirror, autosave and undo/redo). A refused command changes nothing and says why, as an i18n
 * key with parameters (errors.ts).
 */
import { castDraft, type Draft, type Patch } from 'immer';
import { type DeviceId, deviceId, type LinkId, linkId, type PortRef } from '../shared/ids.ts';
import { SWITCH_MODELS, type SwitchModel } from '../shared/models.ts';
import {
  canonicalPortName,
  DEVICE_KINDS,
  type DeviceKind,
  isHostKind,
  shortInterfaceName,
} from '../shared/ports.ts';
import { autoName, deviceByName, nameSyntaxError } from './device-names.ts';
import { chooseFreePort, describePorts, linkAt } from './device-ports.ts';
import { checkDnsRecords, checkDnsServers } from './dns-fields.ts';
import { produceDoc } from './doc-immer.ts';
import {
  bucketFor,
  type DeviceDoc,
  type DnsRecordDoc,
  deviceOf,
  linkOf,
  type NetworkDoc,
} from './document.ts';
import { type ModelError, modelError } from './errors.ts';
import { checkGateway, checkHostAddress } from './host-address.ts';

export type DocCommand =
  | {
      readonly type: 'addDevice';
      readonly id?: DeviceId;
      readonly kind: DeviceKind;
      /** Switches only; absent means the default model (a 2960-24TT). */
      readonly model?: SwitchModel;
      readonly name?: string;
      readonly at: readonly [number, number];
    }
  | { readonly type: 'moveDevice'; readonly id: DeviceId; readonly at: readonly [number, number] }
  | { readonly type: 'renameDevice'; readonly id: DeviceId; readonly name: string }
  /** Also removes the device's cables. */
  | { readonly type: 'removeDevice'; readonly id: DeviceId }
  /** `b.port` or `a.port` may be "auto": the first free port (Packet Tracer's automatic cable). */
  | { readonly type: 'connect'; readonly id?: LinkId; readonly a: PortRef; readonly b: PortRef }
  | { readonly type: 'disconnect'; readonly id: LinkId }
  | {
      readonly type: 'setConfig';
      readonly id: DeviceId;
      readonly config: string;
      /** The RSA key size the device has now, 'none' after the keys were removed; absent: unchanged. */
      readonly rsaKeyBits?: number | 'none';
    }
  /**
   * Sets both fields of a PC or server; an absent field clears it. With `dns`, its DNS servers
   * too, as `setHostDns` does, in the same step (the IP Configuration form's Apply).
   */
  | {
      readonly type: 'setHostIp';
      readonly id: DeviceId;
      readonly ip?: string;
      readonly gateway?: string;
      readonly dns?: readonly string[];
    }
  /** The DNS servers of a PC or server, asked in order; an empty list removes them. */
  | { readonly type: 'setHostDns'; readonly id: DeviceId; readonly dns: readonly string[] }
  /** A server's DNS service: the records it answers with, or absent to turn the service off. */
  | { readonly type: 'setDnsRecords'; readonly id: DeviceId; readonly records?: readonly DnsRecordDoc[] };

export type ApplyResult =
  | { readonly ok: true; readonly doc: NetworkDoc; readonly patches: Patch[]; readonly inverse: Patch[] }
  | { readonly ok: false; readonly error: ModelError };

/** The port name that asks for the first free port. */
export const AUTO_PORT = 'auto';

type Recipe = (draft: Draft<NetworkDoc>) => void;
type Plan = Recipe | ModelError;

const isPosition = (at: unknown): at is readonly [number, number] =>
  Array.isArray(at) && at.length === 2 && Number.isFinite(at[0]) && Number.isFinite(at[1]);

/** The next free id of the form `${prefix}N`: one more than the largest in use. */
function nextId(ids: readonly string[], prefix: string): string {
  let max = 0;
  for (const id of ids) {
    if (!id.startsWith(prefix)) continue;
    const n = Number(id.slice(prefix.length));
    if (Number.isInteger(n) && n > max) max = n;
  }
  return `${prefix}${max + 1}`;
}

/** Why `name` cannot be the name of device `self` (undefined for a new device). */
function nameError(doc: NetworkDoc, name: unknown, self?: DeviceId): ModelError | undefined {
  if (typeof name !== 'string') return modelError('error.nameEmpty');
  const bad = nameSyntaxError(name);
  if (bad) return bad;
  const other = deviceByName(doc, name);
  if (other !== undefined && other !== self) {
    return modelError('error.nameTaken', { name, other: deviceOf(doc, other)!.name });
  }
  return undefined;
}

function planAddDevice(doc: NetworkDoc, cmd: Extract<DocCommand, { type: 'addDevice' }>): Plan {
  if (!DEVICE_KINDS.includes(cmd.kind)) return modelError('error.unknownKind', { value: String(cmd.kind) });
  const model = cmd.model;
  if (model !== undefined) {
    if (!SWITCH_MODELS.includes(model)) return modelError('error.unknownModel', { value: String(model) });
    if (cmd.kind !== 'switch') return modelError('error.modelNotSwitch', { kind: cmd.kind });
  }
  if (!isPosition(cmd.at)) return modelError('error.badPosition');
  if (cmd.id !== undefined && deviceOf(doc, cmd.id))
    return modelError('error.deviceIdInUse', { device: cmd.id });
  const bad = cmd.name === undefined ? undefined : nameError(doc, cmd.name);
  if (bad) return bad;
  const id = cmd.id ?? deviceId(nextId(doc.deviceOrder, 'd'));
  // No `model` key unless one was asked for: a default switch saves as it always did.
  const device: DeviceDoc = {
    id,
    name: cmd.name ?? autoName(doc, cmd.kind, model),
    kind: cmd.kind,
    ...(model === undefined ? {} : { model }),
    at: [cmd.at[0], cmd.at[1]],
  };
  return (draft) => {
    bucketFor(draft.devices, id)[id] = castDraft(device);
    draft.deviceOrder.push(id);
  };
}

function planMoveDevice(doc: NetworkDoc, cmd: Extract<DocCommand, { type: 'moveDevice' }>): Plan {
  const d = deviceOf(doc, cmd.id);
  if (!d) return modelError('error.unknownDevice', { device: cmd.id });
  if (!isPosition(cmd.at)) return modelError('error.badPosition');
  const [x, y] = cmd.at;
  return (draft) => {
    if (d.at[0] !== x || d.at[1] !== y) bucketFor(draft.devices, cmd.id)[cmd.id]!.at = [x, y];
  };
}

function planRenameDevice(doc: NetworkDoc, cmd: Extract<DocCommand, { type: 'renameDevice' }>): Plan {
  const d = deviceOf(doc, cmd.id);
  if (!d) return modelError('error.unknownDevice', { device: cmd.id });
  const bad = nameError(doc, cmd.name, cmd.id);
  if (bad) return bad;
  return (draft) => {
    if (d.name !== cmd.name) bucketFor(draft.devices, cmd.id)[cmd.id]!.name = cmd.name;
  };
}

function planRemoveDevice(doc: NetworkDoc, cmd: Extract<DocCommand, { type: 'removeDevice' }>): Plan {
  if (!deviceOf(doc, cmd.id)) return modelError('error.unknownDevice', { device: cmd.id });
  const cables = doc.linkOrder.filter((l) => {
    const link = linkOf(doc, l);
    return link !== undefined && (link.a.device === cmd.id || link.b.device === cmd.id);
  });
  return (draft) => {
    for (const l of cables) delete bucketFor(draft.links, l)[l];
    // Whole new order arrays: one patch each, instead of one per shifted element.
    if (cables.length > 0) draft.linkOrder = doc.linkOrder.filter((l) => !cables.includes(l));
    delete bucketFor(draft.devices, cmd.id)[cmd.id];
    draft.deviceOrder = doc.deviceOrder.filter((d) => d !== cmd.id);
  };
}

/** Resolves one end of a new cable to a free canonical port, or says why it cannot. */
function resolveEnd(doc: NetworkDoc, end: PortRef, peer: DeviceDoc, taken?: PortRef): PortRef | ModelError {
  const d = deviceOf(doc, end.device)!;
  const isFree = (port: string): boolean =>
    linkAt(doc, d.id, port) === undefined && !(taken?.device === d.id && taken.port === port);
  if (typeof end.port === 'string' && end.port.toLowerCase() === AUTO_PORT) {
    const port = chooseFreePort(d.kind, peer.kind, isFree);
    return port === undefined ? modelError('error.noFreePort', { device: d.name }) : { device: d.id, port };
  }
  const port = typeof end.port === 'string' ? canonicalPortName(d.kind, end.port) : undefined;
  if (port === undefined) {
    return modelError('error.noSuchPort', {
      device: d.name,
      port: String(end.port),
      kind: d.kind,
      ports: describePorts(d.kind),
    });
  }
  const cable = linkAt(doc, d.id, port);
  if (cable) {
    const otherEnd = cable.a.device === d.id && cable.a.port === port ? cable.b : cable.a;
    return modelError('error.portInUse', {
      device: d.name,
      port,
      portShort: shortInterfaceName(port),
      other: deviceOf(doc, otherEnd.device)?.name ?? otherEnd.device,
    });
  }
  return { device: d.id, port };
}

function planConnect(doc: NetworkDoc, cmd: Extract<DocCommand, { type: 'connect' }>): Plan {
  const da = deviceOf(doc, cmd.a.device);
  if (!da) return modelError('error.unknownDevice', { device: cmd.a.device });
  const db = deviceOf(doc, cmd.b.device);
  if (!db) return modelError('error.unknownDevice', { device: cmd.b.device });
  if (da.id === db.id) return modelError('error.selfLink', { device: da.name });
  if (cmd.id !== undefined && linkOf(doc, cmd.id)) return modelError('error.linkIdInUse', { link: cmd.id });
  const a = resolveEnd(doc, cmd.a, db);
  if ('key' in a) return a;
  const b = resolveEnd(doc, cmd.b, da, a);
  if ('key' in b) return b;
  const id = cmd.id ?? linkId(nextId(doc.linkOrder, 'l'));
  return (draft) => {
    bucketFor(draft.links, id)[id] = { id, a, b };
    draft.linkOrder.push(id);
  };
}

function planDisconnect(doc: NetworkDoc, cmd: Extract<DocCommand, { type: 'disconnect' }>): Plan {
  if (!linkOf(doc, cmd.id)) return modelError('error.unknownLink', { link: cmd.id });
  return (draft) => {
    delete bucketFor(draft.links, cmd.id)[cmd.id];
    draft.linkOrder = doc.linkOrder.filter((l) => l !== cmd.id);
  };
}

function planSetConfig(doc: NetworkDoc, cmd: Extract<DocCommand, { type: 'setConfig' }>): Plan {
  const d = deviceOf(doc, cmd.id);
  if (!d) return modelError('error.unknownDevice', { device: cmd.id });
  if (isHostKind(d.kind)) return modelError('error.configOnHost', { device: d.name, kind: d.kind });
  if (typeof cmd.config !== 'string') return modelError('error.notText');
  const bits = cmd.rsaKeyBits;
  return (draft) => {
    const device = bucketFor(draft.devices, cmd.id)[cmd.id]!;
    if (d.config !== cmd.config) device.config = cmd.config;
    if (bits === 'none' && d.rsaKeyBits !== undefined) delete device.rsaKeyBits;
    else if (typeof bits === 'number' && d.rsaKeyBits !== bits) device.rsaKeyBits = bits;
  };
}

function planSetHostIp(doc: NetworkDoc, cmd: Extract<DocCommand, { type: 'setHostIp' }>): Plan {
  const d = deviceOf(doc, cmd.id);
  if (!d) return modelError('error.unknownDevice', { device: cmd.id });
  if (!isHostKind(d.kind)) return modelError('error.hostIpOnNetworkDevice', { device: d.name, kind: d.kind });
  let ip: string | undefined;
  let gateway: string | undefined;
  if (cmd.ip !== undefined) {
    const checked = typeof cmd.ip === 'string' ? checkHostAddress(cmd.ip) : undefined;
    if (!checked) return modelError('error.notText');
    if (!checked.ok) return checked.error;
    ip = checked.value;
  }
  if (cmd.gateway !== undefined) {
    const checked = typeof cmd.gateway === 'string' ? checkGateway(cmd.gateway) : undefined;
    if (!checked) return modelError('error.notText');
    if (!checked.ok) return checked.error;
    gateway = checked.value;
  }
  const servers =
    cmd.dns === undefined ? undefined : planSetHostDns(doc, { type: 'setHostDns', id: cmd.id, dns: cmd.dns });
  if (servers !== undefined && typeof servers !== 'function') return servers;
  return (draft) => {
    servers?.(draft);
    const target = bucketFor(draft.devices, cmd.id)[cmd.id]!;
    if (ip === undefined) delete target.ip;
    else if (d.ip !== ip) target.ip = ip;
    if (gateway === undefined) delete target.gateway;
    else if (d.gateway !== gateway) target.gateway = gateway;
  };
}

function planSetHostDns(doc: NetworkDoc, cmd: Extract<DocCommand, { type: 'setHostDns' }>): Plan {
  const d = deviceOf(doc, cmd.id);
  if (!d) return modelError('error.unknownDevice', { device: cmd.id });
  if (!isHostKind(d.kind)) return modelError('error.hostIpOnNetworkDevice', { device: d.name, kind: d.kind });
  const checked = checkDnsServers(cmd.dns);
  if (!checked.ok) return checked.problems[0]!.error;
  const dns = checked.value;
  const same = d.dns !== undefined && d.dns.length === dns.length && d.dns.every((s, i) => s === dns[i]);
  return (draft) => {
    const target = bucketFor(draft.devices, cmd.id)[cmd.id]!;
    if (dns.length === 0) delete target.dns;
    else if (!same) target.dns = dns;
  };
}

function planSetDnsRecords(doc: NetworkDoc, cmd: Extract<DocCommand, { type: 'setDnsRecords' }>): Plan {
  const d = deviceOf(doc, cmd.id);
  if (!d) return modelError('error.unknownDevice', { device: cmd.id });
  if (d.kind !== 'server') return modelError('error.dnsRecordsNotServer', { device: d.name, kind: d.kind });
  if (cmd.records === undefined) {
    return (draft) => {
      delete bucketFor(draft.devices, cmd.id)[cmd.id]!.dnsRecords;
    };
  }
  const checked = checkDnsRecords(cmd.records);
  if (!checked.ok) return checked.problems[0]!.error;
  const records = checked.value;
  // Records are plain JSON in a fixed key order: equal text, equal records.
  const same = d.dnsRecords !== undefined && JSON.stringify(d.dnsRecords) === JSON.stringify(records);
  return (draft) => {
    if (!same) bucketFor(draft.devices, cmd.id)[cmd.id]!.dnsRecords = castDraft(records);
  };
}

function plan(doc: NetworkDoc, cmd: DocCommand): Plan {
  switch (cmd.type) {
    case 'addDevice':
      return planAddDevice(doc, cmd);
    case 'moveDevice':
      return planMoveDevice(doc, cmd);
    case 'renameDevice':
      return planRenameDevice(doc, cmd);
    case 'removeDevice':
      return planRemoveDevice(doc, cmd);
    case 'connect':
      return planConnect(doc, cmd);
    case 'disconnect':
      return planDisconnect(doc, cmd);
    case 'setConfig':
      return planSetConfig(doc, cmd);
    case 'setHostIp':
      return planSetHostIp(doc, cmd);
    case 'setHostDns':
      return planSetHostDns(doc, cmd);
    case 'setDnsRecords':
      return planSetDnsRecords(doc, cmd);
    default:
      return modelError('error.unknownCommand', { type: String((cmd as { type?: unknown }).type) });
  }
}

/** Applies one command, or refuses it with the reason and nothing changed. */
export function applyCommand(doc: NetworkDoc, cmd: DocCommand): ApplyResult {
  const p = plan(doc, cmd);
  if (typeof p !== 'function') return { ok: false, error: p };
  const [next, patches, inverse] = produceDoc(doc, p);
  return { ok: true, doc: next, patches, inverse };
}
