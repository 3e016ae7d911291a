/**
 * Every refusal and file problem the model reports, as an i18n key with parameters, and the
 * English text for each key. The UI translates the keys; the headless tools print the English.
 *
 * Conventions for translators:
 * - `{name}` is replaced by the parameter of that name.
 * - A parameter named `kind` holds a device kind (router, switch, pc, server): render it with
 *   the kind's name in the user's language (see KIND_NAMES for English).
 * - Texts start in lower case and have no final period: they follow a `/pointer: ` prefix in
 *   file reports; the UI capitalizes the first letter when it shows one alone.
 */
import type { DeviceKind } from '../shared/ports.ts';

export const ERROR_TEXT = {
  // Refusals of editing commands (and problems shared with network files).
  'error.unknownCommand': 'unknown editing command "{type}"',
  'error.unknownDevice': 'there is no device {device} any more; it may have been deleted',
  'error.unknownLink': 'there is no cable {link} any more; it may have been deleted',
  'error.deviceIdInUse': 'a device with id {device} already exists',
  'error.linkIdInUse': 'a cable with id {link} already exists',
  'error.unknownKind': '"{value}" is not a kind of device; use router, switch, pc or server',
  'error.unknownModel': '"{value}" is not a switch model; use 2960-24TT or 3560-24PS',
  'error.modelNotSwitch': 'a {kind} has no hardware model: only switches take one (2960-24TT or 3560-24PS)',
  'error.badPosition': 'a position is two finite numbers [x, y]',
  'error.nameEmpty': 'a device needs a name, e.g. R1',
  'error.nameInvalid':
    '"{name}" cannot be a device name: no spaces and no ":" (cables and scripts write DEVICE:PORT); try e.g. R1 or PC-12',
  'error.nameTaken':
    '"{name}" is already the name of {other} (names ignore upper and lower case); pick another name',
  'error.selfLink': 'a cable cannot connect {device} to itself; pick another device for the other end',
  'error.noSuchPort': '{device} has no port "{port}": a {kind} has {ports}',
  'error.portInUse': '{portShort} on {device} is already used by the cable to {other}; pick another port',
  'error.noFreePort': 'every port of {device} is in use; remove a cable or pick another device',
  'error.configOnHost':
    '{device} is a {kind}: it has no IOS configuration; set its IP address and default gateway instead',
  'error.hostIpOnNetworkDevice':
    '{device} is a {kind}: its addresses belong in its configuration (interface ... ip address ...), not in "ip", "gateway" or "dns"',
  'error.notText': 'expected text (a string)',
  'error.ipSyntax': '"{ip}" is not an IPv4 address with a prefix length (e.g. 192.168.1.10/24)',
  'error.ipMaskLength': '"{ip}": a host needs a prefix length from /1 to /32, e.g. /24',
  'error.ipNetworkAddress':
    '"{ip}" is the network address of {network}; a host needs an address from {first} to {last}',
  'error.ipBroadcastAddress':
    '"{ip}" is the broadcast address of {network}; a host needs an address from {first} to {last}',
  'error.ipThisNetwork': '"{ip}" is in 0.0.0.0/8 ("this network"), which no host may use',
  'error.ipLoopback': '"{ip}" is a loopback address (127.0.0.0/8), which never leaves a device',
  'error.ipMulticast': '"{ip}" is a multicast address (224.0.0.0/4); a host needs a unicast address',
  'error.ipReserved': '"{ip}" is in 240.0.0.0/4, which is reserved; a host needs an address below 224.0.0.0',
  'error.gatewaySyntax': '"{gateway}" is not an IPv4 address (e.g. 192.168.1.1)',
  'error.hostIpv6OnNetworkDevice':
    '{device} is a {kind}: its IPv6 addresses belong in its configuration (interface ... ipv6 address ...), not in "ipv6" or "ipv6Gateway"',
  'error.ipv6Syntax':
    '"{ipv6}" is neither "auto" nor an IPv6 address with a prefix length (e.g. 2001:db8:1::10/64)',
  'error.ipv6PrefixLength': '"{ipv6}": a host needs a prefix length from /1 to /128, usually /64',
  'error.ipv6Unspecified': '"{ipv6}" is the unspecified address (::), which no interface may have',
  'error.ipv6Loopback': '"{ipv6}" is the loopback address (::1), which never leaves a device',
  'error.ipv6Multicast': '"{ipv6}" is a multicast address (ff00::/8); a host needs a unicast address',
  'error.ipv6LinkLocal':
    '"{ipv6}" is a link-local address (fe80::/10), which the host makes itself; give a global or unique local address, e.g. 2001:db8:1::10/64',
  'error.ipv6TooMany':
    '"{ipv6}" is one too many: "ipv6" holds "auto", one address, or both ["auto", "2001:db8:1::10/64"]',
  'error.ipv6GatewaySyntax': '"{gateway}" is not an IPv6 address (e.g. fe80::1 or 2001:db8:1::1)',
  'error.ipv6GatewayUnusable':
    '"{gateway}" cannot be a default gateway: it is a multicast, unspecified or loopback address; give a router\'s address, e.g. fe80::1',
  'error.dnsTooMany': 'a host takes at most {max} DNS servers, not {count}',
  'error.dnsServerSyntax': '"{server}" is not an IPv4 address (e.g. 10.0.0.53)',
  'error.dnsServerUnusable':
    '"{server}" cannot be a DNS server: queries go to one host, never to 0.0.0.0/8, multicast, reserved or broadcast addresses',
  'error.dnsServerTwice': '{server} is already in the list of DNS servers',
  'error.dnsRecordsNotServer': '{device} is a {kind}: only servers run a DNS service ("dnsRecords")',
  'error.dnsNameSyntax':
    '"{name}" is not a domain name: write labels of letters, digits, "-" or "_" separated by dots, e.g. www.example.com',
  'error.dnsLabelLength': '"{label}" is {length} characters long: a label of a domain name has at most 63',
  'error.dnsNameLength': 'a domain name has at most 253 characters; this one has {length}',
  'error.dnsRecordType':
    '"{value}" is not a DNS record type: use A (the address of a name) or CNAME (an alias of another name)',
  'error.dnsAddressSyntax': '"{address}" is not an IPv4 address (e.g. 10.0.0.80)',
  'error.dnsCnameConflict':
    '"{name}" has a CNAME and another record ({other}): a name that is an alias has no other record (RFC 1034 §3.6.2)',
  'error.dnsRecordTwice': '"{name}" already has this record ({other})',

  // Problems found only in network files.
  'file.notJson': 'this is not valid JSON (line {line}, column {column}): {detail}',
  'file.notObject': 'a network file is a JSON object with "version", "devices" and "links", not {value}',
  'file.unknownTopField':
    'unknown field "{field}": a network file has "version", "devices", "links" and optionally "$schema"',
  'file.unknownDeviceField':
    'unknown field "{field}": a device has "name", "kind", "at", and optionally "config" (routers, switches), "model" (switches), "ip", "gateway", "ipv6", "ipv6Gateway" and "dns" (PCs, servers) or "dnsRecords" (servers)',
  'file.missingVersion': 'missing "version": add "version": 1',
  'file.unsupportedVersion': 'version {value} is not supported: this version of Trame reads version 1 files',
  'file.missingDevices': 'missing "devices": add "devices": [] and list the devices in it',
  'file.devicesType': '"devices" must be a list [...] of devices, not {value}',
  'file.linksType': '"links" must be a list [...] of cables, not {value}',
  'file.deviceType':
    'a device is an object such as {"name": "R1", "kind": "router", "at": [100, 100]}, not {value}',
  'file.missingDeviceField':
    'this device has no "{field}": every device needs "name", "kind" (router, switch, pc or server) and "at" ([x, y] on the canvas)',
  'file.nameType': 'a device name is a string such as "R1", not {value}',
  'file.kindValue': '{value} is not a kind of device; use "router", "switch", "pc" or "server"',
  'file.modelValue': '{value} is not a switch model; use "2960-24TT" or "3560-24PS"',
  'file.modelNotSwitch': '{device} is a {kind}: only switches have a "model"',
  'file.atType': 'a position is two numbers [x, y], not {value}',
  'file.textType': '"{field}" must be a string, not {value}',
  'file.keyBits': '"rsaKeyBits" is a key size in bits from 360 to 4096 (IOS\'s range), not {value}',
  'file.keyBitsOnHost': '{device} is a {kind}: only routers and switches have RSA keys',
  'file.duplicateName':
    'the name "{name}" is already used by {otherPointer} ("{other}"); device names must differ, even ignoring upper and lower case',
  'file.linkType':
    'a cable is a pair of ends such as ["R1:GigabitEthernet0/0", "S1:GigabitEthernet0/1"], not {value}',
  'file.linkEndType': 'a cable end is a string "DEVICE:PORT", not {value}',
  'file.linkEndSyntax': '"{value}" is not a cable end: write DEVICE:PORT, e.g. "S1:FastEthernet0/1"',
  'file.unknownLinkDevice': 'no device is named "{device}" (the devices are: {names})',
  'file.portUsedTwice': 'port "{port}" of {device} is already used by link {other}',
  'file.ipv6Type':
    '"ipv6" is "auto", an address with its prefix length such as "2001:db8:1::10/64", or a list of them, not {value}',
  'file.ipv6GatewayAlone':
    '"ipv6Gateway" needs "ipv6": add "ipv6": "auto" (or a static address) to run IPv6 on {device}',
  'file.dnsType': '"dns" is the address of a DNS server such as "10.0.0.53", or a list of them, not {value}',
  'file.dnsServerType': 'a DNS server is an address such as "10.0.0.53", not {value}',
  'file.dnsRecordsType':
    '"dnsRecords" must be a list [...] of DNS records ([] for a DNS service without any yet), not {value}',
  'file.recordType':
    'a DNS record is an object such as {"name": "www.example.com", "type": "A", "address": "10.0.0.80"}, not {value}',
  'file.unknownRecordField':
    'unknown field "{field}": a DNS record has "name", "type", and "address" (type A) or "target" (type CNAME)',
  'file.missingRecordField':
    'this record has no "{field}": a DNS record has "name", "type", and "address" (type A) or "target" (type CNAME)',
  'file.recordFieldForType':
    'a record of type {type} has no "{field}": type A gives an "address", type CNAME a "target"',
} as const satisfies Record<string, string>;

export type ErrorKey = keyof typeof ERROR_TEXT;
export type ErrorParams = Readonly<Record<string, string | number>>;

/** A refusal or a problem: an i18n key and what to fill in. */
export interface ModelError {
  readonly key: ErrorKey;
  readonly params: ErrorParams;
}

export const modelError = (key: ErrorKey, params: ErrorParams = {}): ModelError => ({ key, params });

/** English names of the device kinds, for `{kind}` parameters. */
export const KIND_NAMES: Readonly<Record<DeviceKind, string>> = {
  router: 'router',
  switch: 'switch',
  pc: 'PC',
  server: 'server',
};

/** The English text of an error, parameters filled in. */
export function formatError(error: ModelError): string {
  return ERROR_TEXT[error.key].replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = error.params[name];
    if (value === undefined) return whole;
    if (name === 'kind' && typeof value === 'string' && Object.hasOwn(KIND_NAMES, value)) {
      return KIND_NAMES[value as DeviceKind];
    }
    return String(value);
  });
}
