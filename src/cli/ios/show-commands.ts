/** The `show` subtree: what a student looks at, privileged EXEC seeing more than user EXEC. */

import { formatIpv4, type Ipv4Addr, lenFromMask, prefix } from '../../shared/ipv4.ts';
import type { MacAddr } from '../../shared/mac.ts';
import type { VlanRanges } from '../../shared/vlans.ts';
import type { IosDeviceContext } from '../context.ts';
import { IPV4, MAC, range, WORD } from '../parser/args.ts';
import type { Args } from '../parser/tree.ts';
import { showAccessListsNode } from './acl-commands.ts';
import { showAliasesNode } from './aliases.ts';
import { VLAN_LIST } from './common.ts';
import { type IosKind, platformOf } from './config-edit.ts';
import { withHeader } from './config-header.ts';
import { NO_CONNECTIONS } from './connection-commands.ts';
import { showDebugging } from './debug-commands.ts';
import { showDhcpLeaseNode, showDhcpNode } from './dhcp-commands.ts';
import { arg, HIDDEN, type IosNode, type IosPart, incompleteMessage, kw, run } from './dsl.ts';
import type { IosEnv } from './env.ts';
import { showChannelProtocolNodes, showEtherchannelNode } from './etherchannel-commands.ts';
import { showFlashNodes } from './file-commands.ts';
import { showFileSystems } from './file-systems.ts';
import { withFilters } from './filters.ts';
import { showStandbyNode } from './hsrp-commands.ts';
import { interfaceArg } from './interface-arg.ts';
import { showLoginNode } from './login-block.ts';
import { showNatNode } from './nat-commands.ts';
import { NVRAM_BYTES } from './nvram.ts';
import { ospfProcesses, showOspfNode } from './ospf-commands.ts';
import { showIpProtocolsOspf } from './ospf-format.ts';
import { interfaceLines, renderRunningConfig } from './running-config.ts';
import { showIpSsh } from './security-commands.ts';
import {
  showCdp,
  showCdpEntry,
  showCdpInterface,
  showCdpNeighbors,
  showCdpNeighborsDetail,
} from './show/cdp.ts';
import { showErrdisableRecovery } from './show/errdisable.ts';
import { byteLength } from './show/format.ts';
import { showHosts } from './show/hosts.ts';
import { showInterfacesCounterErrors, showInterfacesCounters } from './show/interface-counters.ts';
import {
  showInterfaces,
  showInterfacesDescription,
  showInterfacesErrDisabled,
  showInterfacesStatus,
  showInterfacesSwitchport,
  showInterfacesTrunk,
} from './show/interfaces.ts';
import { showIpInterface, showIpInterfaceBrief } from './show/ip-interface.ts';
import { type RouteFilter, showIpRoute } from './show/ip-route.ts';
import { showIpRouteEntry, showIpRoutePrefix } from './show/ip-route-entry.ts';
import {
  type Ipv6RouteFilter,
  showIpv6Interface,
  showIpv6InterfaceBrief,
  showIpv6Neighbors,
  showIpv6Route,
} from './show/ipv6.ts';
import { showLldp, showLldpEntry, showLldpNeighbors, showLldpNeighborsDetail } from './show/lldp.ts';
import { showLogging } from './show/logging.ts';
import { showNtpAssociations, showNtpStatus } from './show/ntp.ts';
import {
  showPortSecurity,
  showPortSecurityAddress,
  showPortSecurityInterface,
} from './show/port-security.ts';
import { showProtocols } from './show/protocols.ts';
import { showSsh, showUsers } from './show/sessions.ts';
import {
  showSpanningTree,
  showSpanningTreeBlockedPorts,
  showSpanningTreeBridge,
  showSpanningTreeInconsistentPorts,
  showSpanningTreeInterface,
  showSpanningTreeInterfacePortfast,
  showSpanningTreeRoot,
  showSpanningTreeSummary,
} from './show/spanning-tree.ts';
import { showSpanningTreeDetail, showSpanningTreeInterfaceDetail } from './show/spanning-tree-detail.ts';
import {
  type MacFilter,
  showArp,
  showArpSummary,
  showMacAddressTable,
  showMacAgingTime,
  showMacCount,
  showVlan,
  showVlanId,
  showVlanInternalUsage,
  showVlanName,
  showVlanSummary,
} from './show/tables.ts';
import { showVersion } from './show/version.ts';
import { showVlans } from './show/vlans.ts';

type Render = (dev: IosDeviceContext, env: IosEnv, a: Args) => string[];

const show = (render: Render) => run((env, a) => env.print(...render(env.device!, env, a)));

/** "Building configuration...", the byte count, then the configuration text. */
export function showRunning(env: IosEnv, only?: string): string[] {
  const c = env.config();
  const text = only
    ? `!\n${interfaceLines(env.kind, only, c.interfaces[only]!).join('\n')}\nend\n`
    : withHeader(renderRunningConfig(env.kind, c), env.runtime);
  return [
    'Building configuration...',
    '',
    `Current configuration : ${byteLength(text)} bytes`,
    ...text.split('\n'),
  ];
}

function showStartup(dev: IosDeviceContext): string[] {
  const text = dev.startupConfig();
  if (text === undefined) return ['startup-config is not present'];
  return [
    `Using ${byteLength(text)} out of ${NVRAM_BYTES[platformOf(dev.kind, dev.model)]} bytes`,
    ...text.split('\n'),
  ];
}

const errDisabledNode = (render: (env: IosEnv, a: Args) => string[]): IosNode =>
  kw(
    'err-disabled',
    'Show interfaces in error-disabled state',
    run((env, a) => env.print(...render(env, a))),
  );

/** `counters [errors]` after `show interfaces` or `show interfaces X` (`only` names X). */
const countersNode = (only: (a: Args) => string | undefined): IosNode =>
  kw(
    'counters',
    'Show interface counters',
    run((env, a) => env.print(...showInterfacesCounters(env.device!, env.config(), only(a)))),
    kw(
      'errors',
      'Show interface error counters',
      run((env, a) => env.print(...showInterfacesCounterErrors(env.device!, env.config(), only(a)))),
    ),
  );

function interfacesNode(kind: IosKind): IosNode {
  const ifaceShow = (env: IosEnv, name?: string) => showInterfaces(env.device!, env.config(), name);
  return kw(
    'interfaces',
    'Interface status and configuration',
    run((env) => env.print(...ifaceShow(env))),
    arg(
      'interface',
      interfaceArg(),
      '',
      run((env, a) => env.print(...ifaceShow(env, a.need<string>('interface')))),
      kw(
        'description',
        'Show interface description',
        run((env, a) =>
          env.print(...showInterfacesDescription(env.device!, env.config(), a.need<string>('interface'))),
        ),
      ),
      ...(kind === 'switch'
        ? [
            countersNode((a) => a.need<string>('interface')),
            kw(
              'status',
              'Show interface line status',
              run((env, a) =>
                env.print(...showInterfacesStatus(env.device!, env.config(), a.need<string>('interface'))),
              ),
              errDisabledNode((env, a) =>
                showInterfacesErrDisabled(env.device!, env.config(), a.need<string>('interface')),
              ),
            ),
            kw(
              'switchport',
              'Show interface switchport information',
              run((env, a) =>
                env.print(
                  ...showInterfacesSwitchport(env.device!, env.config(), a.need<string>('interface')),
                ),
              ),
            ),
            kw(
              'trunk',
              'Show interface trunk information',
              run((env, a) =>
                env.print(...showInterfacesTrunk(env.device!, env.config(), a.need<string>('interface'))),
              ),
            ),
          ]
        : []),
    ),
    kw(
      'description',
      'Show interface description',
      show((d, e) => showInterfacesDescription(d, e.config())),
    ),
    ...(kind === 'switch'
      ? [
          countersNode(() => undefined),
          kw(
            'status',
            'Show interface line status',
            show((d, e) => showInterfacesStatus(d, e.config())),
            errDisabledNode((env) => showInterfacesErrDisabled(env.device!, env.config())),
          ),
          kw(
            'switchport',
            'Show interface switchport information',
            show((d, e) => showInterfacesSwitchport(d, e.config())),
          ),
          kw(
            'trunk',
            'Show interface trunk information',
            show((d, e) => showInterfacesTrunk(d, e.config())),
          ),
        ]
      : []),
  );
}

/** What `show ip arp` and `show arp` take: nothing, one address or interface, or `summary`. */
function arpNodes(): IosPart[] {
  return [
    show((d) => showArp(d)),
    arg(
      'ip',
      IPV4,
      'IP address or hostname of ARP entry',
      show((d, _e, a) => showArp(d, { ip: a.need<Ipv4Addr>('ip') })),
    ),
    arg(
      'mac',
      MAC,
      '48-bit hardware address of ARP entry',
      show((d, _e, a) => showArp(d, { mac: a.need<MacAddr>('mac') })),
    ),
    arg(
      'interface',
      interfaceArg(),
      '',
      show((d, _e, a) => showArp(d, { iface: a.need<string>('interface') })),
    ),
    kw(
      'summary',
      'ARP summary',
      show((d) => showArpSummary(d)),
    ),
  ];
}

/**
 * `show ip protocols` on a router: IOS 15.2's NSF line, then a section per OSPF process (static
 * routes are no routing protocol).
 */
const ipProtocolsNode = (): IosNode =>
  kw(
    'protocols',
    'IP routing protocol process parameters and statistics',
    run((env) => {
      const c = env.config();
      if (!c.ipRouting) return;
      const dev = env.device!;
      env.print(
        '*** IP Routing is NSF aware ***',
        '',
        ...showIpProtocolsOspf(c, ospfProcesses(dev), dev.sim.now()),
      );
    }),
  );

/**
 * `show ip default-gateway` on a switch: the address alone, `ip default-gateway`'s or else the
 * one a DHCP lease gave its VLAN interface, 0.0.0.0 when there is none (IOS 15 captures).
 */
const defaultGatewayNode = (): IosNode =>
  kw(
    'default-gateway',
    'List default-gateway',
    show((d, e) => {
      const leased = d.sim
        .dhcpClientLeases(d.id)
        .find((l) => l.state === 'bound' && l.lease?.gateway !== undefined);
      const gateway = e.config().defaultGateway ?? leased?.lease?.gateway;
      return [gateway === undefined ? '0.0.0.0' : formatIpv4(gateway)];
    }),
  );

/** `show ip ...`; a multilayer switch also shows its routing protocols, as a router does. */
function ipNode(kind: IosKind, multilayer: boolean): IosNode {
  const routing = kind === 'router' || multilayer;
  const route = (filter?: RouteFilter) => show((d, e) => showIpRoute(d, e.config(), filter));
  return kw(
    'ip',
    'IP information',
    ...(routing ? [ipProtocolsNode()] : []),
    showAccessListsNode('access-lists', 'List IP access lists'),
    kw('arp', 'IP ARP table', ...arpNodes()),
    ...(kind === 'switch' ? [defaultGatewayNode()] : []),
    showDhcpNode(),
    ...(kind === 'router' ? [showNatNode()] : []),
    ...(routing ? [showOspfNode()] : []),
    kw(
      'interface',
      'IP interface status and configuration',
      show((_d, e) => showIpInterface(e)),
      arg(
        'interface',
        interfaceArg(),
        '',
        run((env, a) => env.print(...showIpInterface(env, a.need<string>('interface')))),
      ),
      kw(
        'brief',
        'Brief summary of IP status and configuration',
        show((_d, e) => showIpInterfaceBrief(e)),
      ),
    ),
    kw(
      'route',
      'IP routing table',
      route(),
      arg(
        'address',
        IPV4,
        'Network to display information about or host',
        run((env, a) =>
          env.print(...showIpRouteEntry(env.device!, env.config(), a.need<Ipv4Addr>('address'))),
        ),
        arg(
          'mask',
          IPV4,
          'Network mask',
          run((env, a) => {
            const len = lenFromMask(a.need<Ipv4Addr>('mask'));
            const addr = a.need<Ipv4Addr>('address');
            env.print(
              ...(len === undefined
                ? ['% Subnet not in table']
                : showIpRoutePrefix(env.device!, env.config(), addr, len)),
            );
          }),
          kw(
            'longer-prefixes',
            'Show route matching the specified Network/Mask pair only',
            run((env, a) => {
              const len = lenFromMask(a.need<Ipv4Addr>('mask')) ?? 32;
              const within = prefix(a.need<Ipv4Addr>('address'), len);
              env.print(...showIpRoute(env.device!, env.config(), within));
            }),
          ),
        ),
      ),
      kw('connected', 'Connected', route('connected')),
      ...(routing
        ? [
            kw(
              'ospf',
              'Open Shortest Path First (OSPF)',
              route('ospf'),
              arg('pid', range(1, 65535), 'Process ID', route('ospf')),
            ),
          ]
        : []),
      kw('static', 'Static routes', route('static')),
    ),
    kw(
      'ssh',
      'Information on SSH',
      show((_d, e) => showIpSsh(e)),
    ),
  );
}

/**
 * `show ipv6 ...` on a router (show/ipv6.ts): interfaces, the routing table and the neighbor
 * cache. Its other views stay named as not simulated (unsimulated.ts).
 */
const ipv6Node = (): IosNode => {
  const route = (filter?: Ipv6RouteFilter) => run((env) => env.print(...showIpv6Route(env, filter)));
  return kw(
    'ipv6',
    'IPv6 information',
    kw(
      'interface',
      'IPv6 interface status and configuration',
      run((env) => env.print(...showIpv6Interface(env))),
      arg(
        'interface',
        interfaceArg(),
        '',
        run((env, a) => env.print(...showIpv6Interface(env, a.need<string>('interface')))),
      ),
      kw(
        'brief',
        'Brief summary of IPv6 status and configuration',
        run((env) => env.print(...showIpv6InterfaceBrief(env))),
        arg(
          'interface',
          interfaceArg(),
          '',
          run((env, a) => env.print(...showIpv6InterfaceBrief(env, a.need<string>('interface')))),
        ),
      ),
    ),
    kw(
      'neighbors',
      'Show IPv6 neighbor cache entries',
      run((env) => env.print(...showIpv6Neighbors(env))),
      arg(
        'interface',
        interfaceArg(),
        '',
        run((env, a) => env.print(...showIpv6Neighbors(env, a.need<string>('interface')))),
      ),
    ),
    kw(
      'route',
      'Show IPv6 route table entries',
      route(),
      kw('connected', 'Connected routes', route('connected')),
      kw('local', 'Local routes', route('local')),
      kw('static', 'Static routes', route('static')),
    ),
  );
};

/** What `macFilterNodes` read from the line. */
export type MacLineFilter = Pick<MacFilter, 'mac' | 'port' | 'vlan'>;

/**
 * `address H.H.H`, `interface X` and `vlan N`, as `show mac address-table` and `clear mac
 * address-table dynamic` take them, running `then` with the one typed.
 */
export function macFilterNodes(vlanHelp: string, then: (env: IosEnv, f: MacLineFilter) => void): IosNode[] {
  const handler = run((env, a) => {
    const mac = a.value<MacAddr>('address');
    const port = a.value<string>('interface');
    const vlan = a.value<number>('vlan');
    then(env, {
      ...(mac !== undefined ? { mac } : {}),
      ...(port !== undefined ? { port } : {}),
      ...(vlan !== undefined ? { vlan } : {}),
    });
  });
  return [
    kw('address', 'address keyword', arg('address', MAC, '48 bit mac address', handler)),
    kw(
      'interface',
      'interface keyword',
      arg('interface', interfaceArg({ physical: true, channels: true }), '', handler),
    ),
    kw('vlan', vlanHelp, arg('vlan', range(1, 4094), 'Vlan interface number', handler)),
  ];
}

function macNode(): IosNode[] {
  const table = (filter: MacFilter = {}) => show((d) => showMacAddressTable(d, filter));
  /** The filters, after the entry type (`dynamic`, `static`) or not. */
  const filters = (filter: MacFilter = {}) =>
    macFilterNodes('VLAN keyword', (env, f) =>
      env.print(...showMacAddressTable(env.device!, { ...filter, ...f })),
    );
  const summaries = () => [
    kw(
      'aging-time',
      'aging-time keyword',
      show((_d, e) => showMacAgingTime(e.config())),
    ),
    kw(
      'count',
      'count keyword',
      show((d, e) => showMacCount(d, e.config())),
    ),
  ];
  const all = () => [
    table(),
    ...summaries(),
    kw('dynamic', 'dynamic entry type', table({ dynamic: true }), ...filters({ dynamic: true })),
    kw('static', 'static entry type', table({ static: true }), ...filters({ static: true })),
    ...filters(),
  ];
  return [
    kw('mac', 'MAC configuration', kw('address-table', 'MAC forwarding table', ...all())),
    kw('mac-address-table', 'MAC forwarding table', HIDDEN, ...all()),
  ];
}

const DETAIL_HELP = 'Detailed information';
const BRIDGE_HELP = 'Status and configuration of this bridge';

/** The VLANs typed after `vlan`, undefined at the top level (every instance). */
const vlansOf = (a: Args): VlanRanges | undefined => a.value<VlanRanges>('vlans');

/**
 * The views `show spanning-tree` has both at its top level and after `vlan LIST`, where they
 * keep to the VLANs listed; `interface X` takes `detail` and `portfast` at the top level only.
 */
function stpViews(top: boolean): IosNode[] {
  return [
    kw(
      'active',
      'Report on active interfaces only',
      show((d, _e, a) => showSpanningTree(d, vlansOf(a))),
    ),
    kw(
      'blockedports',
      'Show blocked ports',
      show((d, _e, a) => showSpanningTreeBlockedPorts(d, vlansOf(a))),
    ),
    kw(
      'bridge',
      BRIDGE_HELP,
      show((d, _e, a) => showSpanningTreeBridge(d, vlansOf(a))),
    ),
    kw(
      'detail',
      DETAIL_HELP,
      show((d, e, a) => showSpanningTreeDetail(d, e.config(), vlansOf(a))),
    ),
    ...(top
      ? [
          kw(
            'inconsistentports',
            'Show inconsistent ports',
            show((d) => showSpanningTreeInconsistentPorts(d)),
          ),
        ]
      : []),
    kw(
      'interface',
      'Spanning Tree interface status and configuration',
      arg(
        'interface',
        interfaceArg({ physical: true, channels: true }),
        '',
        show((d, _e, a) => showSpanningTreeInterface(d, a.need<string>('interface'), vlansOf(a))),
        ...(top
          ? [
              kw(
                'detail',
                DETAIL_HELP,
                show((d, e, a) =>
                  showSpanningTreeInterfaceDetail(d, e.config(), a.need<string>('interface')),
                ),
              ),
              kw(
                'portfast',
                'Portfast operational status',
                show((d, _e, a) => showSpanningTreeInterfacePortfast(d, a.need<string>('interface'))),
              ),
            ]
          : []),
      ),
    ),
    kw(
      'root',
      'Status and configuration of the root bridge',
      show((d, _e, a) => showSpanningTreeRoot(d, vlansOf(a))),
    ),
    kw(
      'summary',
      'Summary of port states',
      show((d, e, a) => showSpanningTreeSummary(d, e.config(), vlansOf(a))),
    ),
  ];
}

/**
 * `show spanning-tree` on a switch (show/spanning-tree.ts, show/spanning-tree-detail.ts). The
 * views not listed here (summary totals, pathcost, mst...) are named as not simulated
 * (unsimulated.ts). `active` lists what the plain view lists: an instance's ports that are up.
 */
const spanningTreeNode = (): IosNode =>
  kw(
    'spanning-tree',
    'Spanning tree topology',
    show((d) => showSpanningTree(d)),
    ...stpViews(true),
    kw(
      'vlan',
      'VLAN Switch Spanning Trees',
      arg(
        'vlans',
        VLAN_LIST,
        'vlan range, example: 1,3-5,7,9-11',
        show((d, _e, a) => showSpanningTree(d, a.need<VlanRanges>('vlans'))),
        ...stpViews(false),
      ),
    ),
  );

export function showTree(kind: IosKind, privileged: boolean, multilayer = false): IosNode {
  const children: IosNode[] = [
    showAccessListsNode('access-lists', 'List access lists'),
    showAliasesNode(),
    ...showFlashNodes(kind),
    kw(
      'file',
      'Show filesystem information',
      kw(
        'systems',
        'List filesystems',
        run((env) => env.print(...showFileSystems(env))),
      ),
    ),
    kw('arp', 'ARP table', ...arpNodes()),
    kw(
      'cdp',
      'CDP information',
      show((d) => showCdp(d)),
      kw(
        'interface',
        'CDP interface status and configuration',
        show((d) => showCdpInterface(d)),
        arg(
          'interface',
          interfaceArg({ physical: true }),
          '',
          show((d, _e, a) => showCdpInterface(d, a.need<string>('interface'))),
        ),
      ),
      kw(
        'entry',
        'Information for specific neighbor entry',
        kw(
          '*',
          'all CDP neighbor entries',
          show((d) => showCdpEntry(d, '*')),
        ),
        arg(
          'name',
          WORD,
          'Name of CDP neighbor entry',
          show((d, _e, a) => showCdpEntry(d, a.need<string>('name'))),
        ),
      ),
      kw(
        'neighbors',
        'CDP neighbor entries',
        show((d) => showCdpNeighbors(d)),
        kw(
          'detail',
          'Show detailed information',
          show((d) => showCdpNeighborsDetail(d)),
        ),
        arg(
          'interface',
          interfaceArg({ physical: true }),
          '',
          show((d, _e, a) => showCdpNeighbors(d, a.need<string>('interface'))),
          kw(
            'detail',
            'Show detailed information',
            show((d, _e, a) => showCdpNeighborsDetail(d, a.need<string>('interface'))),
          ),
        ),
      ),
    ),
    kw(
      'lldp',
      'LLDP information',
      show((d) => showLldp(d)),
      kw(
        'entry',
        'Information for specific neighbor entry',
        kw(
          '*',
          'all LLDP neighbor entries',
          show((d) => showLldpEntry(d, '*')),
        ),
        arg(
          'name',
          WORD,
          'Name of LLDP neighbor entry',
          show((d, _e, a) => showLldpEntry(d, a.need<string>('name'))),
        ),
      ),
      kw(
        'neighbors',
        'LLDP neighbor entries',
        show((d) => showLldpNeighbors(d)),
        kw(
          'detail',
          'Show detailed information',
          show((d) => showLldpNeighborsDetail(d)),
        ),
        arg(
          'interface',
          interfaceArg({ physical: true }),
          '',
          show((d, _e, a) => showLldpNeighbors(d, a.need<string>('interface'))),
          kw(
            'detail',
            'Show detailed information',
            show((d, _e, a) => showLldpNeighborsDetail(d, a.need<string>('interface'))),
          ),
        ),
      ),
    ),
    kw(
      'logging',
      'Show the contents of logging buffers',
      run((env) => env.print(...showLogging(env))),
    ),
    kw(
      'ntp',
      'Network time protocol',
      kw(
        'associations',
        'NTP associations',
        run((env) => env.print(...showNtpAssociations(env))),
      ),
      kw(
        'status',
        'NTP status',
        run((env) => env.print(...showNtpStatus(env))),
      ),
    ),
    kw(
      'hosts',
      'IP domain-name, lookup style, nameservers, and host table',
      run((env) => env.print(...showHosts(env))),
    ),
    showDhcpLeaseNode(),
    kw(
      'clock',
      'Display the system clock',
      run((env) => env.print(env.runtime!.clock.showClock())),
      kw(
        'detail',
        'Display detailed information',
        run((env) => {
          const clock = env.runtime!.clock;
          env.print(clock.showClock(), clock.timeSource(env.kind === 'router'));
        }),
      ),
    ),
    kw(
      'history',
      'Display the session command history',
      run((env) => env.print(...env.line!.history().map((l) => `  ${l}`))),
    ),
    interfacesNode(kind),
    ipNode(kind, multilayer),
    kw(
      'privilege',
      'Show current privilege level',
      run((env) => env.print(`Current privilege level is ${privileged ? 15 : 1}`)),
    ),
    kw(
      'sessions',
      'Information about Telnet connections',
      run((env) => env.error(NO_CONNECTIONS)),
    ),
    kw(
      'ssh',
      'Status of SSH server connections',
      run((env) => env.print(...showSsh(env))),
    ),
    kw(
      'users',
      'Display information about terminal lines',
      run((env) => env.print(...showUsers(env))),
    ),
    kw(
      'version',
      'System hardware and software status',
      show((d, e) => showVersion(d, e)),
    ),
  ];
  if (kind === 'router') {
    children.push(
      ipv6Node(),
      showStandbyNode(),
      kw(
        'protocols',
        'Active network routing protocols',
        run((env) => env.print(...showProtocols(env))),
        arg(
          'interface',
          interfaceArg(),
          '',
          run((env, a) => env.print(...showProtocols(env, a.need<string>('interface')))),
        ),
      ),
      kw(
        'vlans',
        'Virtual LANs Information',
        show((d) => showVlans(d)),
        arg(
          'vlan',
          range(1, 4094),
          'Display configuration for a particular vLAN ID.',
          show((d, _e, a) => showVlans(d, a.need<number>('vlan'))),
        ),
      ),
    );
  }
  if (kind === 'switch') {
    children.push(
      kw(
        'errdisable',
        'Error disable',
        kw(
          'recovery',
          'Error disable recovery',
          show((d, e) => showErrdisableRecovery(d, e.config())),
        ),
      ),
      showEtherchannelNode(),
      ...showChannelProtocolNodes(),
      ...macNode(),
      spanningTreeNode(),
      kw(
        'port-security',
        'Show secure port information',
        show((d, e) => showPortSecurity(d, e.config())),
        kw(
          'address',
          'Show secure address',
          show((d, e) => showPortSecurityAddress(d, e.config())),
        ),
        kw(
          'interface',
          'Show secure interface',
          arg(
            'interface',
            interfaceArg(),
            '',
            run((env, a) =>
              env.print(...showPortSecurityInterface(env.device!, env.config(), a.need<string>('interface'))),
            ),
            kw(
              'address',
              'Show secure address',
              run((env, a) =>
                env.print(...showPortSecurityAddress(env.device!, env.config(), a.need<string>('interface'))),
              ),
            ),
          ),
        ),
      ),
      kw(
        'vlan',
        'VTP VLAN status',
        show((d, e) => showVlan(d, e.config(), false)),
        kw(
          'brief',
          'VTP all VLAN status in brief',
          show((d, e) => showVlan(d, e.config(), true)),
        ),
        kw(
          'id',
          'VTP VLAN status by VLAN id',
          arg(
            'vlan',
            range(1, 4094),
            'ISL VLAN IDs 1-4094',
            run((env, a) => env.print(...showVlanId(env.device!, env.config(), a.need<number>('vlan')))),
          ),
        ),
        kw(
          'internal',
          'VLAN internal usage',
          kw(
            'usage',
            'VLAN internal usage',
            show((d) => showVlanInternalUsage(d)),
          ),
        ),
        kw(
          'name',
          'VTP VLAN status by VLAN name',
          arg(
            'name',
            WORD,
            'A VLAN name',
            run((env, a) => env.print(...showVlanName(env.device!, env.config(), a.need<string>('name')))),
          ),
        ),
        kw(
          'summary',
          'VLAN summary information',
          show((d, e) => showVlanSummary(d, e.config())),
        ),
      ),
    );
  }
  if (privileged) {
    children.push(
      showLoginNode(),
      kw(
        'running-config',
        'Current operating configuration',
        run((env) => env.print(...showRunning(env))),
        kw(
          'interface',
          'Show interface configuration',
          arg(
            'interface',
            interfaceArg(),
            '',
            run((env, a) => env.print(...showRunning(env, a.need<string>('interface')))),
          ),
        ),
      ),
      kw(
        'debugging',
        'State of each debugging option',
        run((env) => env.print(...showDebugging(env))),
      ),
      kw(
        'startup-config',
        'Contents of startup configuration',
        show((d) => showStartup(d)),
      ),
    );
  }
  return withFilters(
    kw(
      'show',
      'Show running system information',
      incompleteMessage('% Type "show ?" for a list of subcommands'),
      ...children,
    ),
  );
}
