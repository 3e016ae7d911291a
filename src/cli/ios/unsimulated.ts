/**
 * Commands of features Trame does not simulate yet, which CCNA labs have students type: a real
 * 2960 or 1941 accepts them, so "% Invalid input" would send a student looking for a typo that
 * is not there. A line the parser refused that starts with one of these (after `no`, `default`
 * or `do`, with IOS abbreviations) is answered with the feature's name instead, in the modes
 * and on the devices where IOS has the command.
 *
 * A block command (`router rip`, `time-range T`, `interface Serial0/0/0`) enters the mode
 * IOS enters, whose lines the shell then names as not applied (shell.ts): otherwise a pasted
 * configuration would apply them to global configuration, or to the interface or line
 * configured before the block.
 *
 * A typo of a command Trame has keeps its caret: the parser must have failed inside the
 * feature's words, or after them when it took them for those very keywords (`span mode mst`,
 * whose first words Trame knows from `spanning-tree mode pvst`) or they were typed in full. So `er startup-confg` (erase)
 * and `sp 99` (speed) are not taken for errdisable or spanning tree.
 */
import type { Token } from '../parser/tree.ts';
import { type IosKind, type IosPlatform, platformKind } from './config-edit.ts';
import type { IosMode } from './modes.ts';

interface Feature {
  /** Leading words of its commands; a pattern stands for a number or a name. */
  readonly lead: readonly (string | RegExp)[];
  /** As it reads in "Trame does not simulate ... yet". */
  readonly name: string;
  /**
   * The devices that have it; all when absent ('multilayer': a 3560 only; 'routing': a router
   * or a 3560).
   */
  readonly kind?: IosKind | 'multilayer' | 'routing';
  /** The modes that have it, when not every configuration mode does. */
  readonly modes?: readonly IosMode[];
  /**
   * The configuration mode IOS enters (its prompt's name), so that the lines of the block that
   * follow are taken as part of it rather than as global commands or changes to the interface
   * or line configured before it.
   */
  readonly mode?: string;
  /**
   * The whole line, as every running-config of the device has it (`line aux 0`,
   * `control-plane`): it enters the mode without a word, since there is nothing in it to
   * apply; what is typed in the block is still named.
   */
  readonly quiet?: RegExp;
}

const SWITCH: IosKind = 'switch';
const ROUTER: IosKind = 'router';
/** Routing protocols' commands: a router's and a multilayer switch's. */
const ROUTING = 'routing' as const;

const LINE_NUMBER = /^\d+$/;

/** A routing protocol other than OSPF (`router ospf` is Trame's: ospf-commands.ts). */
const NOT_OSPF = /^(?!o(s(p(f)?)?)?$)/i;

const ROUTER_MODE: readonly IosMode[] = ['router'];
const GLOBAL_MODE: readonly IosMode[] = ['global'];
const INTERFACE_MODES: readonly IosMode[] = ['interface', 'subinterface', 'interfaceRange'];

/** Commands of an OSPF process that Trame does not model, in (config-router). */
const OSPF_ROUTER: readonly Feature[] = (
  [
    [['area'], 'OSPF area settings'],
    [['summary-address'], 'route summarization'],
    [['redistribute'], 'route redistribution'],
    [['default-metric'], 'route redistribution'],
    [['maximum-paths'], 'changing the number of equal-cost paths'],
    [['timers'], 'OSPF timer settings'],
    [['distance'], 'administrative distance settings'],
    [['distribute-list'], 'route filtering'],
    [['neighbor'], 'OSPF neighbors on non-broadcast networks'],
    [['default-information', 'originate', 'route-map'], 'route maps'],
    [['bfd'], 'BFD'],
    [['max-metric'], 'OSPF stub router advertisement'],
    [['max-lsa'], 'limiting OSPF LSAs'],
    [['ispf'], 'incremental SPF'],
    [['nsf'], 'nonstop forwarding'],
    [['shutdown'], 'shutting an OSPF process down'],
    [['compatible'], 'OSPF compatibility settings'],
    [['capability'], 'OSPF capabilities'],
    [['prefix-suppression'], 'OSPF prefix suppression'],
    [['discard-route'], 'OSPF discard routes'],
    [['traffic-share'], 'traffic sharing settings'],
    [['ignore'], 'OSPF ignore settings'],
    [['event-log'], 'OSPF event logging'],
  ] as const
).map(([lead, name]) => ({ lead, name, kind: ROUTING, modes: ROUTER_MODE }));

/** `ip ospf ...` interface commands Trame does not model. */
const OSPF_INTERFACE: readonly Feature[] = (
  [
    [['ip', 'ospf', 'authentication-key'], 'OSPF authentication'],
    [['ip', 'ospf', 'authentication'], 'OSPF authentication'],
    [['ip', 'ospf', 'message-digest-key'], 'OSPF authentication'],
    [['ip', 'ospf', 'network', 'non-broadcast'], 'this OSPF network type'],
    [['ip', 'ospf', 'network', 'point-to-multipoint'], 'this OSPF network type'],
    [['ip', 'ospf', 'dead-interval', 'minimal'], 'sub-second OSPF hellos'],
    [['ip', 'ospf', 'mtu-ignore'], 'OSPF MTU checks'],
    [['ip', 'ospf', 'retransmit-interval'], 'OSPF retransmission settings'],
    [['ip', 'ospf', 'transmit-delay'], 'OSPF transmit delays'],
    [['ip', 'ospf', 'bfd'], 'BFD'],
    [['ip', 'ospf', 'demand-circuit'], 'OSPF demand circuits'],
    [['ip', 'ospf', 'database-filter'], 'OSPF LSA filtering'],
    [['ip', 'ospf', 'flood-reduction'], 'OSPF flood reduction'],
    [['ip', 'ospf', 'lls'], 'turning OSPF link-local signaling off'],
    [['ip', 'ospf', 'resync-timeout'], 'OSPF resynchronization settings'],
    [['ip', 'ospf', 'shutdown'], 'shutting OSPF down on an interface'],
    [['ip', 'ospf', 'ttl-security'], 'OSPF TTL security'],
    [['ip', 'ospf', 'prefix-suppression'], 'OSPF prefix suppression'],
  ] as const
).map(([lead, name]) => ({ lead, name, kind: ROUTING, modes: INTERFACE_MODES }));

const MULTILAYER = 'multilayer' as const;

/** Longest first where two share a start. */
const CONFIG: readonly Feature[] = [
  { lead: ['ip', 'cef'], name: 'CEF settings', kind: MULTILAYER, modes: ['global'] },
  { lead: ['switchport', 'voice'], name: 'voice VLANs', kind: SWITCH },
  // Spanning tree runs PVST+ or rapid PVST+ (stp-commands.ts); these of its commands have nothing behind them.
  { lead: ['spanning-tree', 'mode', 'mst'], name: 'multiple spanning trees', kind: SWITCH },
  { lead: ['spanning-tree', 'mst'], name: 'multiple spanning trees', kind: SWITCH },
  { lead: ['spanning-tree', 'uplinkfast'], name: 'UplinkFast', kind: SWITCH },
  { lead: ['spanning-tree', 'backbonefast'], name: 'BackboneFast', kind: SWITCH },
  { lead: ['spanning-tree', 'etherchannel'], name: 'EtherChannel guard', kind: SWITCH },
  { lead: ['spanning-tree', 'pathcost'], name: 'long path costs', kind: SWITCH },
  { lead: ['spanning-tree', 'logging'], name: 'spanning tree logging', kind: SWITCH },
  { lead: ['spanning-tree', 'extend'], name: 'turning the extended system ID off', kind: SWITCH },
  { lead: ['spanning-tree', 'vlan', /./, 'root', /./, 'diameter'], name: 'network diameters', kind: SWITCH },
  { lead: ['ip', 'dhcp', 'snooping'], name: 'DHCP snooping', kind: SWITCH },
  { lead: ['ip', 'dhcp'], name: 'this DHCP setting' },
  // A pool's `network`, `default-router`, `dns-server`, `domain-name` and `lease` are Trame's.
  { lead: ['option'], name: 'DHCP options', modes: ['dhcp'] },
  { lead: ['ip', 'arp', 'inspection'], name: 'dynamic ARP inspection', kind: SWITCH },
  { lead: ['ip', 'access-list', 'resequence'], name: 'resequencing access lists' },
  { lead: ['ip', 'access-list', 'logging'], name: 'access list logging' },
  { lead: ['ip', 'access-group'], name: 'port access lists', kind: SWITCH },
  // MAC (700-799, 1100-1199) and protocol type-code (200-299) lists.
  { lead: ['access-list', /^(7\d\d|11\d\d|2\d\d)$/], name: 'non-IP access lists' },
  { lead: ['time-range'], name: 'time ranges', mode: 'config-time-range' },
  { lead: ['ip', 'nat', 'outside'], name: 'outside source translation', kind: ROUTER, modes: ['global'] },
  // `ip nat pool NAME netmask M` opens IOS's (config-ipnat-pool) mode of `address` ranges.
  {
    lead: ['ip', 'nat', 'pool', /./, 'netmask'],
    name: 'NAT pools of address ranges',
    kind: ROUTER,
    mode: 'config-ipnat-pool',
  },
  {
    lead: ['ip', 'nat', 'pool', /./, 'prefix-length'],
    name: 'NAT pools of address ranges',
    kind: ROUTER,
    mode: 'config-ipnat-pool',
  },
  { lead: ['ip', 'nat', 'inside', 'destination'], name: 'destination translation', kind: ROUTER },
  { lead: ['ip', 'nat', 'inside', 'source', 'route-map'], name: 'NAT with route maps', kind: ROUTER },
  { lead: ['ip', 'nat', 'log'], name: 'NAT logging', kind: ROUTER },
  { lead: ['ip', 'nat', 'service'], name: 'NAT application services', kind: ROUTER },
  { lead: ['ip', 'nat', 'enable'], name: 'the NAT virtual interface', kind: ROUTER },
  { lead: ['ip', 'virtual-reassembly'], name: 'virtual fragment reassembly settings', kind: ROUTER },
  { lead: ['ip', 'flow-export'], name: 'NetFlow' },
  { lead: ['ip', 'flow'], name: 'NetFlow' },
  { lead: ['ipv6', 'router'], name: 'IPv6 routing protocols', kind: ROUTER },
  { lead: ['ipv6', 'ospf'], name: 'OSPFv3', kind: ROUTER },
  { lead: ['ipv6', 'eigrp'], name: 'EIGRP for IPv6', kind: ROUTER },
  { lead: ['ipv6', 'rip'], name: 'RIPng', kind: ROUTER },
  { lead: ['ipv6', 'dhcp'], name: 'DHCPv6' },
  { lead: ['ipv6', 'address', 'dhcp'], name: 'DHCPv6' },
  { lead: ['ipv6', 'nd'], name: 'Neighbor Discovery settings' },
  { lead: ['ipv6', 'access-list'], name: 'IPv6 access lists' },
  { lead: ['ipv6', 'traffic-filter'], name: 'IPv6 access lists' },
  { lead: ['ipv6', 'host'], name: 'the IPv6 host table' },
  { lead: ['ipv6', 'general-prefix'], name: 'IPv6 general prefixes' },
  { lead: ['ipv6', 'mtu'], name: 'the IPv6 MTU' },
  { lead: ['ipv6'], name: 'IPv6', kind: SWITCH },
  { lead: ['router', NOT_OSPF], name: 'dynamic routing', kind: ROUTING, mode: 'config-router' },
  { lead: ['router', 'ospf', /^\d+$/, 'vrf'], name: 'VRFs', kind: ROUTING, mode: 'config-router' },
  ...OSPF_ROUTER,
  ...OSPF_INTERFACE,
  { lead: ['standby', /^\d+$/, 'track'], name: 'HSRP object tracking', kind: ROUTER },
  { lead: ['standby', 'track'], name: 'HSRP object tracking', kind: ROUTER },
  { lead: ['standby', /^\d+$/, 'authentication'], name: 'HSRP authentication', kind: ROUTER },
  { lead: ['standby', 'authentication'], name: 'HSRP authentication', kind: ROUTER },
  { lead: ['standby', 'use-bia'], name: 'HSRP on burned-in addresses', kind: ROUTER },
  { lead: ['standby', /^\d+$/, 'mac-address'], name: 'HSRP virtual MAC addresses', kind: ROUTER },
  { lead: ['standby', 'mac-address'], name: 'HSRP virtual MAC addresses', kind: ROUTER },
  { lead: ['standby', 'delay'], name: 'HSRP initialisation delays', kind: ROUTER },
  { lead: ['standby', 'redirect'], name: 'HSRP redirects', kind: ROUTER },
  // EtherChannel is Trame's (etherchannel-commands.ts): these of its settings are not.
  {
    lead: ['channel-protocol'],
    name: 'choosing the EtherChannel protocol',
    kind: SWITCH,
    modes: INTERFACE_MODES,
  },
  { lead: ['lacp'], name: 'LACP settings', kind: SWITCH },
  { lead: ['pagp'], name: 'PAgP settings', kind: SWITCH },
  // Ports of a real 1941 or 2911 that Trame's router has not: the service module's, and a
  // serial card's (HWIC-2T, common in WAN labs).
  { lead: ['interface', 'serial'], name: 'serial interfaces', kind: ROUTER, mode: 'config-if' },
  {
    lead: ['interface', 'embedded-service-engine'],
    name: 'the service module',
    kind: ROUTER,
    mode: 'config-if',
  },
  {
    lead: ['line', 'aux'],
    name: 'the auxiliary port',
    kind: ROUTER,
    mode: 'config-line',
    quiet: /^line aux 0$/i,
  },
  // `line 2`, the service module's asynchronous line, is in every ISR G2 configuration.
  { lead: ['line', LINE_NUMBER], name: 'lines by number', kind: ROUTER, mode: 'config-line' },
  {
    lead: ['control-plane'],
    name: 'control-plane policing',
    kind: ROUTER,
    mode: 'config-cp',
    quiet: /^control-plane$/i,
  },
  { lead: ['redundancy'], name: 'redundancy', kind: ROUTER, mode: 'config-red' },
  { lead: ['license'], name: 'licensing', kind: ROUTER },
  { lead: ['crypto', 'pki', 'trustpoint'], name: 'certificates', mode: 'ca-trustpoint' },
  { lead: ['crypto', 'pki', 'certificate', 'chain'], name: 'certificates', mode: 'config-cert-chain' },
  { lead: ['crypto', 'pki'], name: 'certificates' },
  { lead: ['vstack'], name: 'Smart Install', kind: SWITCH },
  { lead: ['vtp'], name: 'VTP', kind: SWITCH },
  { lead: ['shutdown', 'vlan'], name: 'VLAN shutdown', kind: SWITCH },
  // config-vlan's `state active|suspend`.
  { lead: ['state'], name: 'VLAN states', kind: SWITCH },
  // `lldp run` and a port's `lldp transmit|receive` are Trame's (lldp.ts).
  ...(['timer', 'holdtime', 'reinit'] as const).map(
    (w): Feature => ({ lead: ['lldp', w], name: 'LLDP timers', modes: GLOBAL_MODE }),
  ),
  { lead: ['lldp', 'tlv-select'], name: 'LLDP TLV selection' },
  { lead: ['lldp', 'med-tlv-select'], name: 'LLDP TLV selection', modes: INTERFACE_MODES },
  { lead: ['clear', 'lldp'], name: 'clearing LLDP tables and counters' },
  { lead: ['mls', 'qos'], name: 'QoS', kind: SWITCH },
  { lead: ['errdisable', 'detect'], name: 'errdisable detection', kind: SWITCH },
  { lead: ['storm-control'], name: 'storm control', kind: SWITCH },
  { lead: ['login', 'delay'], name: 'login delays' },
  { lead: ['login', 'quiet-mode'], name: 'quiet-mode access lists' },
  { lead: ['login', 'on-failure'], name: 'login logging' },
  { lead: ['login', 'on-success'], name: 'login logging' },
  // Trame's are ntp-commands.ts (master, server, source, update-calendar).
  ...[
    'access-group',
    'allow',
    'authenticate',
    'authentication-key',
    'broadcastdelay',
    'clock-period',
    'leap-handle',
    'logging',
    'max-associations',
    'maxdistance',
    'mindistance',
    'orphan',
    'panic',
    'passive',
    'peer',
    'refclock',
    'trusted-key',
  ].map((word) => ({ lead: ['ntp', word], name: 'these NTP settings', modes: GLOBAL_MODE })),
  { lead: ['ntp', /^(b|d|mu)/i], name: 'NTP on an interface', modes: INTERFACE_MODES },
  // A server's options Trame does not take, and a server by name.
  ...['key', 'iburst', 'burst', 'minpoll', 'maxpoll', 'normal-sync'].map(
    (word): Feature => ({ lead: ['ntp', 'server', /\d/, word], name: 'these NTP server options' }),
  ),
  { lead: ['ntp', 'server', /^(?!\d)/], name: 'NTP servers by name' },
  { lead: ['show', 'ntp', 'associations', 'detail'], name: 'NTP association details' },
  ...['config', 'info', 'packets'].map(
    (word): Feature => ({ lead: ['show', 'ntp', word], name: 'this NTP view' }),
  ),
  { lead: ['ip', 'http'], name: 'the HTTP server' },
  // Trame's are logging-commands.ts; not `logging synchronous`, a line command IOS refuses here.
  { lead: ['logging', /^(?!sy)/i], name: 'these logging settings' },
  { lead: ['clock', 'timezone'], name: 'time zones' },
  { lead: ['clock', 'summer-time'], name: 'time zones' },
  { lead: ['privilege'], name: 'privilege levels' },
  { lead: ['bandwidth'], name: 'bandwidth settings', kind: SWITCH },
  { lead: ['ip', 'mtu'], name: 'MTU settings' },
  { lead: ['mtu'], name: 'MTU settings' },
  // An interface's `mac-address H.H.H`, which Packet Tracer writes on switches' SVIs.
  {
    lead: ['mac-address'],
    name: 'setting MAC addresses',
    modes: ['interface', 'subinterface', 'interfaceRange'],
  },
  // `mdix auto` is the default, and what every port does here: turning it off is not modelled.
  { lead: ['mdix'], name: 'turning auto-MDIX off', kind: SWITCH },
];

const SHOW: readonly Feature[] = [
  // `show spanning-tree` itself is Trame's (show/spanning-tree.ts): its other views are not.
  { lead: ['show', 'spanning-tree', 'summary', 'totals'], name: 'spanning tree totals', kind: SWITCH },
  { lead: ['show', 'spanning-tree', 'pathcost'], name: 'long path costs', kind: SWITCH },
  { lead: ['show', 'spanning-tree', 'uplinkfast'], name: 'UplinkFast', kind: SWITCH },
  { lead: ['show', 'spanning-tree', 'backbonefast'], name: 'BackboneFast', kind: SWITCH },
  { lead: ['show', 'spanning-tree', 'mst'], name: 'multiple spanning trees', kind: SWITCH },
  { lead: ['clear', 'spanning-tree', 'counters'], name: 'spanning tree statistics', kind: SWITCH },
  // `show etherchannel` and its summary, port-channel and load-balance views are Trame's.
  { lead: ['show', 'etherchannel', 'detail'], name: 'EtherChannel details', kind: SWITCH },
  { lead: ['show', 'etherchannel', /^\d+$/, 'detail'], name: 'EtherChannel details', kind: SWITCH },
  { lead: ['show', 'etherchannel', 'port'], name: 'EtherChannel port details', kind: SWITCH },
  { lead: ['show', 'etherchannel', /^\d+$/, 'port'], name: 'EtherChannel port details', kind: SWITCH },
  { lead: ['show', 'etherchannel', 'protocol'], name: 'this EtherChannel view', kind: SWITCH },
  { lead: ['show', 'etherchannel', /^\d+$/, 'protocol'], name: 'this EtherChannel view', kind: SWITCH },
  { lead: ['show', 'lacp', 'counters'], name: 'LACP counters', kind: SWITCH },
  { lead: ['show', 'lacp', /^\d+$/, 'counters'], name: 'LACP counters', kind: SWITCH },
  { lead: ['show', 'lacp', 'internal'], name: 'LACP internals', kind: SWITCH },
  { lead: ['show', 'lacp', /^\d+$/, 'internal'], name: 'LACP internals', kind: SWITCH },
  { lead: ['show', 'pagp', 'counters'], name: 'PAgP counters', kind: SWITCH },
  { lead: ['show', 'pagp', /^\d+$/, 'counters'], name: 'PAgP counters', kind: SWITCH },
  { lead: ['show', 'pagp', 'internal'], name: 'PAgP internals', kind: SWITCH },
  { lead: ['show', 'pagp', /^\d+$/, 'internal'], name: 'PAgP internals', kind: SWITCH },
  { lead: ['show', 'vtp'], name: 'VTP', kind: SWITCH },
  { lead: ['show', 'lldp', /^(traffic|errors)$/i], name: 'LLDP statistics' },
  { lead: ['show', 'lldp', 'interface'], name: 'LLDP interface states' },
  // IOS 15's `show ip dhcp ?`: binding, conflict, database, import, pool, relay, server (and
  // snooping on a switch). Trame has binding, conflict, pool and server statistics; any other word
  // (`bindings`) is a typo, which keeps its caret.
  { lead: ['show', 'ip', 'dhcp', 'snooping'], name: 'DHCP snooping', kind: SWITCH },
  { lead: ['show', 'ip', 'dhcp', 'database'], name: 'this DHCP view' },
  { lead: ['show', 'ip', 'dhcp', 'import'], name: 'this DHCP view' },
  { lead: ['show', 'ip', 'dhcp', 'relay'], name: 'this DHCP view' },
  { lead: ['show', 'ip', 'nat', 'nvi'], name: 'the NAT virtual interface', kind: ROUTER },
  { lead: ['show', 'ip', 'ospf', 'database', /./], name: 'this OSPF database view', kind: ROUTING },
  { lead: ['show', 'ip', 'ospf', 'border-routers'], name: 'OSPF border routers', kind: ROUTING },
  { lead: ['show', 'ip', 'ospf', 'virtual-links'], name: 'OSPF virtual links', kind: ROUTING },
  { lead: ['show', 'ip', 'ospf', 'statistics'], name: 'OSPF statistics', kind: ROUTING },
  { lead: ['show', 'ip', 'ospf', 'traffic'], name: 'OSPF statistics', kind: ROUTING },
  { lead: ['show', 'ip', 'ospf', 'request-list'], name: 'OSPF request lists', kind: ROUTING },
  { lead: ['show', 'ip', 'ospf', 'retransmission-list'], name: 'OSPF retransmission lists', kind: ROUTING },
  { lead: ['show', 'ip', 'ospf', 'summary-address'], name: 'route summarization', kind: ROUTING },
  { lead: ['clear', 'ip', 'ospf', 'counters'], name: 'OSPF statistics', kind: ROUTING },
  { lead: ['clear', 'ip', 'ospf', 'statistics'], name: 'OSPF statistics', kind: ROUTING },
  { lead: ['clear', 'ip', 'ospf', 'redistribution'], name: 'route redistribution', kind: ROUTING },
  { lead: ['debug', 'ip', 'ospf'], name: 'OSPF debugging', kind: ROUTING },
  // A router's `show ipv6 interface`, `neighbors` and `route` are Trame's (show/ipv6.ts).
  {
    lead: [
      'show',
      'ipv6',
      /^(?!(i(n(t(e(r(f(a(c(e)?)?)?)?)?)?)?)?|n(e(i(g(h(b(o(r(s)?)?)?)?)?)?)?)?|r(o(u(t(e)?)?)?)?)$)/i,
    ],
    name: 'this IPv6 view',
    kind: ROUTER,
  },
  { lead: ['show', 'ipv6', 'route', /./], name: 'this IPv6 route view', kind: ROUTER },
  { lead: ['show', 'ipv6'], name: 'IPv6', kind: SWITCH },
  { lead: ['show', 'protocols'], name: 'the protocols summary on a switch', kind: SWITCH },
  { lead: ['show', 'line'], name: 'terminal line details' },
  { lead: ['show', 'terminal'], name: 'terminal line details' },
  { lead: ['show', 'controllers'], name: 'interface controllers' },
  { lead: ['show', 'processes'], name: 'processes' },
  { lead: ['show', 'memory'], name: 'memory statistics' },
  { lead: ['show', 'inventory'], name: 'the hardware inventory' },
  { lead: ['show', 'hosts'], name: 'host name tables' },
  { lead: ['show', 'crypto'], name: 'showing crypto keys' },
  { lead: ['show', 'cdp', 'traffic'], name: 'CDP traffic counters' },
  { lead: ['show', 'interfaces', 'summary'], name: 'the interface summary' },
  { lead: ['copy', /^tftp:?$/i], name: 'TFTP' },
  { lead: ['copy', /./, /^tftp:?$/i], name: 'TFTP' },
  { lead: ['debug', 'ip', 'packet'], name: 'IP packet debugging' },
  { lead: ['debug', 'ip', 'dhcp'], name: 'DHCP debugging' },
  { lead: ['show', 'dtp'], name: 'DTP', kind: SWITCH },
];

/** Keywords of their own that must not be read as the start of a longer one ("ip" is not "ipv6"). */
const WHOLE = new Set(['ip', 'mac']);

/** Interface types, whose number may be typed onto their name: Serial0/0/0. */
const INTERFACE_TYPES = new Set(['serial', 'embedded-service-engine']);

/** A typed word stands for `word`: IOS takes any leading part of a keyword (two letters at least here). */
function abbreviates(typed: string, word: string | RegExp): boolean {
  if (word instanceof RegExp) return word.test(typed);
  const t = (INTERFACE_TYPES.has(word) ? typed.replace(/[\d/.:]+$/, '') : typed).toLowerCase();
  return t.length >= Math.min(2, word.length) && word.startsWith(t) && (t === word || !WHOLE.has(t));
}

/** What a console says for an unsimulated command, and the mode it enters if any. */
export interface Unsimulated {
  /** "" for a quiet block command (Feature.quiet). */
  readonly message: string;
  /** The feature, as the message names it. */
  readonly name: string;
  /** The IOS mode the command enters (config-router...), for a command that enters one. */
  readonly mode?: string;
  /** A global command about a block (`router ospf 1`, `no router rip`): it leaves any other. */
  readonly block: boolean;
}

/** The notice for a command that shows or asks about a feature Trame does not simulate. */
export const notSimulated = (name: string): string => `% Trame does not simulate ${name} yet.`;

/** The notice for a configuration line of a feature Trame does not simulate. */
export const notApplied = (name: string): string =>
  `% Trame does not simulate ${name} yet: the command was not applied.`;

/** Where a line's words stand: after `no`, `default` or `do`, among show or configuration commands. */
interface Words {
  readonly skip: number;
  readonly rest: readonly Token[];
  readonly shows: boolean;
}

function wordsOf(tokens: readonly Token[], config: boolean): Words {
  const first = tokens[0]?.text;
  const skip = first === 'no' || first === 'default' || first === 'do' ? 1 : 0;
  return { skip, rest: tokens.slice(skip), shows: !config || first === 'do' };
}

/** The first feature of the device and mode whose words `fits` the line's. */
function findFeature(
  w: Words,
  platform: IosPlatform,
  current: IosMode,
  fits: (f: Feature) => boolean,
): Feature | undefined {
  return (w.shows ? SHOW : CONFIG).find(
    (f) =>
      (f.kind === undefined ||
        f.kind === platformKind(platform) ||
        f.kind === platform ||
        (f.kind === ROUTING && platform !== 'switch')) &&
      (f.modes === undefined || f.modes.includes(current)) &&
      fits(f),
  );
}

/**
 * What a console says for a line the parser refused at column `col`, having walked the
 * keywords `walked` before the word that failed, in a configuration mode
 * (`config`) or at an EXEC prompt, on a device of kind `kind`, in mode `current`; undefined when
 * it is none of the commands above.
 */
export function unsimulated(
  tokens: readonly Token[],
  col: number,
  walked: readonly string[],
  config: boolean,
  platform: IosPlatform,
  current: IosMode,
): Unsimulated | undefined {
  const w = wordsOf(tokens, config);
  const { skip, rest, shows } = w;
  const found = findFeature(w, platform, current, (f) =>
    f.lead.every((word, k) => rest[k] !== undefined && abbreviates(rest[k]!.text, word)),
  );
  if (found === undefined) return undefined;
  const lead = rest.slice(0, found.lead.length);
  const inLead = col <= lead[lead.length - 1]!.end;
  const taken = found.lead.every((word, k) => walked[skip + k] === word);
  // Typed in full, its words name it even where the parser read them as the start of a longer
  // keyword of Trame's (`mac-address` in interface configuration, taken for `mac-address-table`).
  const spelled = found.lead.every(
    (word, k) => typeof word === 'string' && lead[k]!.text.toLowerCase() === word,
  );
  if (!inLead && !taken && !spelled) return undefined;
  const { name, mode } = found;
  if (shows) return { message: notSimulated(name), name, block: false };
  // `no router ospf 1` removes the block; it enters no mode.
  const enters = skip === 0 && mode !== undefined;
  const line = tokens.map((t) => t.text).join(' ');
  const message = enters && found.quiet?.test(line) === true ? '' : notApplied(name);
  return { message, name, ...(enters ? { mode } : {}), block: mode !== undefined };
}

/**
 * `?` after the words of a command Trame does not simulate (`router ?`, `logging ?`,
 * `show spanning-tree ?`): the notice naming the feature, where IOS would list its options;
 * undefined when the words lead to none of them.
 */
export function unsimulatedHelp(
  tokens: readonly Token[],
  config: boolean,
  platform: IosPlatform,
  current: IosMode,
): string | undefined {
  const w = wordsOf(tokens, config);
  if (w.rest.length === 0) return undefined;
  const found = findFeature(w, platform, current, (f) =>
    w.rest.slice(0, f.lead.length).every((t, k) => abbreviates(t.text, f.lead[k]!)),
  );
  return found === undefined ? undefined : notSimulated(found.name);
}
