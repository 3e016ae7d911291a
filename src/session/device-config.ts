/**
 * Between the document's text forms of device configuration (IOS text for routers and
 * switches; "ip/len", "gateway", "ipv6", "ipv6Gateway", "dns" and "dnsRecords" for hosts) and
 * the structured configuration the engine and the consoles use.
 */
import { parseConfigText } from '../cli/config-text.ts';
import { platformOf } from '../cli/ios/config-edit.ts';
import {
  type DeviceDoc,
  type DnsRecordDoc,
  devicesInOrder,
  type NetworkDoc,
  type Problem,
} from '../model/document.ts';
import { HOST_IPV6_AUTO } from '../model/host-ipv6.ts';
import {
  type DeviceConfig,
  type DnsRecordConfig,
  defaultDeviceConfig,
  HOST_DHCP,
  type HostConfig,
  type HostIpv6Config,
  type SecureMac,
} from '../shared/config.ts';
import { formatAssignment, formatIpv4, parseAssignment, parseIpv4 } from '../shared/ipv4.ts';
import {
  formatIpv6,
  formatIpv6Prefix,
  type Ipv6Assignment,
  parseIpv6,
  parseIpv6Assignment,
} from '../shared/ipv6.ts';
import { isHostKind } from '../shared/ports.ts';

/**
 * The running configuration a router or switch boots with from its document entry. Without a
 * `hostname` line the device is called by its name in the document, which is what students
 * see on the canvas.
 */
export function runningConfigOf(device: DeviceDoc): DeviceConfig {
  const kind = device.kind as 'router' | 'switch';
  const factory = defaultDeviceConfig(kind, device.name);
  const platform = platformOf(kind, device.model);
  const running = device.config?.trim() ? parseConfigText(platform, device.config, factory).config : factory;
  return device.rsaKeyBits === undefined ? running : { ...running, rsaKeyBits: device.rsaKeyBits };
}

/** Every configuration line a router or switch would reject, as `/devices/N/config` problems. */
export function configProblems(doc: NetworkDoc): Problem[] {
  const problems: Problem[] = [];
  devicesInOrder(doc).forEach((device, index) => {
    if (isHostKind(device.kind) || !device.config) return;
    const factory = defaultDeviceConfig(device.kind, device.name);
    for (const p of parseConfigText(platformOf(device.kind, device.model), device.config, factory).problems) {
      problems.push({ pointer: `/devices/${index}/config`, message: `line ${p.line}: ${p.message}` });
    }
  });
  return problems;
}

/**
 * A host's IP and DNS settings from the document; the loader has already checked their syntax.
 * An address obtained by DHCP brings its gateway: a gateway typed beside it is not used.
 */
export function hostConfigOf(device: DeviceDoc): HostConfig {
  const dns = device.dns?.flatMap((text) => {
    const addr = parseIpv4(text);
    return addr === undefined ? [] : [addr];
  });
  const records = device.dnsRecords?.flatMap((r): DnsRecordConfig[] => {
    if (r.type === 'CNAME') return [{ name: r.name, type: 'CNAME', target: r.target }];
    const address = parseIpv4(r.address);
    return address === undefined ? [] : [{ name: r.name, type: 'A', address }];
  });
  const ipv6 = hostIpv6Of(device);
  const dnsFields = {
    ...(dns !== undefined && dns.length > 0 ? { dns } : {}),
    ...(records !== undefined ? { dnsRecords: records } : {}),
    ...(ipv6 !== undefined ? { ipv6 } : {}),
  };
  if (device.ip === HOST_DHCP) return { dhcp: true, ...dnsFields };
  const ip = device.ip === undefined ? undefined : parseAssignment(device.ip);
  const gateway = device.gateway === undefined ? undefined : parseIpv4(device.gateway);
  return { ...(ip ? { ip } : {}), ...(gateway !== undefined ? { gateway } : {}), ...dnsFields };
}

/**
 * A host's IPv6 settings from the document (host-ipv6.ts): undefined while it has no "ipv6",
 * so does not run IPv6.
 */
function hostIpv6Of(device: DeviceDoc): HostIpv6Config | undefined {
  if (device.ipv6 === undefined) return undefined;
  let address: Ipv6Assignment | undefined;
  for (const text of device.ipv6) if (text !== HOST_IPV6_AUTO) address ??= parseIpv6Assignment(text);
  const gateway = device.ipv6Gateway === undefined ? undefined : parseIpv6(device.ipv6Gateway);
  return {
    ...(device.ipv6.includes(HOST_IPV6_AUTO) ? { auto: true as const } : {}),
    ...(address !== undefined ? { address } : {}),
    ...(gateway !== undefined ? { gateway } : {}),
  };
}

/** A host's settings as the document writes them; an absent field is none. */
export interface HostFields {
  ip?: string;
  gateway?: string;
  ipv6?: string[];
  ipv6Gateway?: string;
  dns?: string[];
  dnsRecords?: DnsRecordDoc[];
}

/** The document's text fields for a host's IP and DNS settings. */
export function hostFields(config: HostConfig): HostFields {
  const dnsFields: HostFields = {
    ...(config.dns !== undefined && config.dns.length > 0 ? { dns: config.dns.map(formatIpv4) } : {}),
    ...(config.dnsRecords !== undefined
      ? {
          dnsRecords: config.dnsRecords.map(
            (r): DnsRecordDoc =>
              r.type === 'A'
                ? { name: r.name, type: 'A', address: formatIpv4(r.address) }
                : { name: r.name, type: 'CNAME', target: r.target },
          ),
        }
      : {}),
    ...ipv6Fields(config.ipv6),
  };
  if (config.dhcp === true) return { ip: HOST_DHCP, ...dnsFields };
  return {
    ...(config.ip ? { ip: formatAssignment(config.ip) } : {}),
    ...(config.gateway !== undefined ? { gateway: formatIpv4(config.gateway) } : {}),
    ...dnsFields,
  };
}

/** The document's "ipv6" and "ipv6Gateway" for a host's IPv6 settings (none while it has none). */
function ipv6Fields(ipv6: HostIpv6Config | undefined): HostFields {
  if (ipv6 === undefined) return {};
  return {
    ipv6: [
      ...(ipv6.auto === true ? [HOST_IPV6_AUTO] : []),
      ...(ipv6.address !== undefined ? [formatIpv6Prefix(ipv6.address)] : []),
    ],
    ...(ipv6.gateway !== undefined ? { ipv6Gateway: formatIpv6(ipv6.gateway) } : {}),
  };
}

/**
 * `config` with the sticky secure addresses a switch learned (`learned`, by port name) added to
 * its ports' port security, as IOS writes them into the running-config.
 */
export function withStickyMacs(
  config: DeviceConfig,
  learned: ReadonlyMap<string, readonly SecureMac[]>,
): DeviceConfig {
  let interfaces = config.interfaces;
  for (const [port, macs] of learned) {
    const i = interfaces[port];
    const ps = i?.switchport?.portSecurity;
    if (i?.switchport === undefined || ps === undefined) continue;
    const fresh = macs.filter(
      (m, k) => !ps.macs.some((c) => c.mac === m.mac) && macs.findIndex((o) => o.mac === m.mac) === k,
    );
    if (fresh.length === 0) continue;
    // The access VLAN is implied: IOS writes `mac-address sticky H.H.H` without it.
    const added = fresh.map((m) => ({ mac: m.mac, sticky: true }));
    const switchport = { ...i.switchport, portSecurity: { ...ps, macs: [...ps.macs, ...added] } };
    interfaces = { ...interfaces, [port]: { ...i, switchport } };
  }
  return interfaces === config.interfaces ? config : { ...config, interfaces };
}
