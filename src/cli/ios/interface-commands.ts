/**
 * Interface configuration (config-if, config-subif, config-if-range): what a 1941 router's
 * ports, subinterfaces and loopbacks accept, what a 2960's switch ports, Port-channels and
 * SVIs accept, and what a 3560's routed ports accept. In config-if-range every command applies
 * to each interface of the range.
 */

import type { InterfaceConfig, SwitchportConfig, SwitchportMode } from '../../shared/config.ts';
import { isPortChannel } from '../../shared/etherchannel.ts';
import {
  formatIpv4,
  type Ipv4Addr,
  isUsableUnicast,
  lenFromMask,
  maskFromLen,
  networkOf,
} from '../../shared/ipv4.ts';
import { shortInterfaceName } from '../../shared/ports.ts';
import { ALL_VLANS, addVlans, NO_VLANS, removeVlans, type VlanRanges } from '../../shared/vlans.ts';
import { IPV4, LINE, range } from '../parser/args.ts';
import type { Args } from '../parser/tree.ts';
import { accessGroupNode } from './acl-commands.ts';
import { arpTimeoutNode } from './arp-commands.ts';
import { modeCommands, type TreeOptions, VLAN_LIST } from './common.ts';
import {
  factoryInterface,
  isLegacyVlan,
  parentOf,
  routedPort,
  switchedPort,
  updateInterface,
  upsertVlan,
  vlanExists,
  without,
} from './config-edit.ts';
import { helperAddressNode } from './dhcp-commands.ts';
import { arg, type IosNode, type IosPart, kw, run } from './dsl.ts';
import type { IosEnv } from './env.ts';
import { channelGroupNode, SECURE_MEMBER, switchportReach } from './etherchannel-commands.ts';
import { standbyNode } from './hsrp-commands.ts';
import { ipv6InterfaceNode } from './ipv6-commands.ts';
import { natSideNode, virtualReassemblyNode } from './nat-commands.ts';
import { ipOspfNode } from './ospf-commands.ts';
import { noPortSecurityNode, portSecurityNode } from './port-security-commands.ts';
import { stpInterfaceNode } from './stp-commands.ts';
import { notApplied } from './unsimulated.ts';

export type InterfaceClass =
  | 'routerPort'
  | 'subinterface'
  | 'loopback'
  | 'switchPort'
  | 'switchGigPort'
  | 'routedPort'
  | 'routedGigPort'
  | 'portChannel'
  | 'svi';

/** The class of interface `name`; `routed`: a multilayer switch's port that is a routed port. */
export function interfaceClass(kind: 'router' | 'switch', name: string, routed = false): InterfaceClass {
  if (routed) return name.startsWith('Gigabit') ? 'routedGigPort' : 'routedPort';
  if (name.includes('.')) return 'subinterface';
  if (name.startsWith('Loopback')) return 'loopback';
  if (name.startsWith('Vlan')) return 'svi';
  if (isPortChannel(name)) return 'portChannel';
  if (kind === 'router') return 'routerPort';
  return name.startsWith('Gigabit') ? 'switchGigPort' : 'switchPort';
}

const current = (env: IosEnv): readonly string[] => env.modes.context().interfaces;

/**
 * Applies `fn` to each interface being configured, one after the other (each sees what the
 * ones before it changed), or to each it `reach`es; a string result is printed as an error. An
 * interface and those it reaches change at once, so that a Port-channel and its members never
 * differ in between.
 */
function edit(
  env: IosEnv,
  fn: (i: InterfaceConfig, name: string) => InterfaceConfig | string,
  reach: (name: string) => readonly string[] = (name) => [name],
): void {
  for (const typed of current(env)) {
    const before = env.config();
    let config = before;
    for (const name of reach(typed)) {
      let failure: string | undefined;
      const next = updateInterface(config, env.kind, name, (i) => {
        const r = fn(i, name);
        if (typeof r === 'string') {
          failure = r;
          return i;
        }
        return r;
      });
      if (failure !== undefined) env.error(...failure.split('\n'));
      else config = next;
    }
    if (config !== before) env.setConfig(config);
  }
}

const hex8 = (a: Ipv4Addr) => `0x${(a >>> 0).toString(16).toUpperCase().padStart(8, '0')}`;

/**
 * Another enabled interface whose subnet overlaps this address, as IOS refuses it when
 * typed. A saved configuration is applied as saved, so reading one back never refuses it.
 */
function overlapping(env: IosEnv, self: string, addr: Ipv4Addr, len: number): string | undefined {
  if (!env.device) return undefined;
  for (const [name, i] of Object.entries(env.config().interfaces)) {
    if (name === self || !i.ip || i.shutdown) continue;
    const l = Math.min(len, i.ip.len);
    if (networkOf(addr, l) === networkOf(i.ip.addr, l)) return name;
  }
  return undefined;
}

export const DOT1Q_FIRST =
  '% Configuring IP routing on a LAN subinterface is only allowed if that\n' +
  'subinterface is already configured as part of an IEEE 802.10,\n' +
  'IEEE 802.1Q, or ISL vLAN.';

function setIpAddress(env: IosEnv, a: Args): void {
  const addr = a.need<Ipv4Addr>('address');
  const mask = a.need<Ipv4Addr>('mask');
  const ip = formatIpv4(addr);
  const len = lenFromMask(mask);
  edit(env, (i, name) => {
    if (len === undefined) return `Bad mask ${hex8(mask)} for address ${ip}`;
    if (!isUsableUnicast(addr)) return `Not a valid host address - ${ip}`;
    const loopback = name.startsWith('Loopback');
    if (len === 0 || (len === 32 && !loopback)) return `Bad mask /${len} for address ${ip}`;
    if (len <= 30) {
      const host = (addr & ~maskFromLen(len)) >>> 0;
      if (host === 0 || host === ~maskFromLen(len) >>> 0) return `Bad mask /${len} for address ${ip}`;
    }
    if (name.includes('.') && !i.dot1q) return DOT1Q_FIRST;
    const other = overlapping(env, name, addr, len);
    if (other) return `% ${formatIpv4(networkOf(addr, len))} overlaps with ${other}`;
    if (len === 31 && !loopback)
      env.print('% Warning: use /31 mask on non point-to-point interface cautiously');
    env.runtime?.typedAddresses.add(name);
    return { ...without(i, 'ipDhcp'), ip: { addr, len } };
  });
}

/** `ip address dhcp`: the interface asks a DHCP server for its address (ios-dhcp-clients.ts). */
function setIpDhcp(env: IosEnv): void {
  edit(env, (i, name) => {
    if (name.includes('.') && !i.dot1q) return DOT1Q_FIRST;
    return { ...without(i, 'ip'), ipDhcp: true };
  });
}

function noIpAddress(env: IosEnv): void {
  edit(env, (i, name) => {
    env.runtime?.typedAddresses.add(name);
    return without(without(i, 'ip'), 'ipDhcp');
  });
}

/**
 * `no ip address dhcp`: the client gives its lease back and the interface is left without an
 * address (ios-dhcp-clients.ts). A typed address stays: what IOS does with it is not known.
 */
function noIpDhcp(env: IosEnv): void {
  edit(env, (i, name) => {
    if (!i.ipDhcp) return i;
    env.runtime?.typedAddresses.add(name);
    return without(i, 'ipDhcp');
  });
}

function setShutdown(env: IosEnv, shut: boolean): void {
  edit(env, (i, name) => {
    if (!shut && i.shutdown && i.ip) {
      const other = overlapping(env, name, i.ip.addr, i.ip.len);
      if (other) {
        return `% ${formatIpv4(networkOf(i.ip.addr, i.ip.len))} overlaps with ${other}\n${name}: incorrect IP address assignment`;
      }
    }
    return i.shutdown === shut ? i : { ...i, shutdown: shut };
  });
}

function setEncapsulation(env: IosEnv, a: Args): void {
  const vlan = a.need<number>('vlan');
  const native = a.has('native');
  edit(env, (i, name) => {
    const parent = parentOf(name)!;
    for (const [other, o] of Object.entries(env.config().interfaces)) {
      if (other !== name && parentOf(other) === parent && o.dot1q?.vlan === vlan) {
        // Between blank lines, "%" on the first line only (GNS3 and IOL captures).
        return (
          '\n%Configuration of multiple subinterfaces of the same main\n' +
          `interface with the same VID (${vlan}) is not permitted.\n` +
          `This VID is already configured on ${other}.\n`
        );
      }
    }
    return { ...i, dot1q: { vlan, native } };
  });
}

/** Removing the encapsulation also removes the address IOS only allowed because of it. */
function noEncapsulation(env: IosEnv): void {
  edit(env, (i) => without(without(i, 'dot1q'), 'ip'));
}

/**
 * The interfaces of a range that take a port's own settings (speed, duplex, CDP, port
 * security): not the Port-channels in it, which have none of them.
 */
const portsOnly = (name: string): string[] => (isPortChannel(name) ? [] : [name]);

type SwitchportEdit = (s: SwitchportConfig, name: string) => SwitchportConfig | string;

/**
 * A routed port takes no switchport settings (captures of a Catalyst 4948 refusing them on a
 * layer-3 Port-channel; the 3560's text is not confirmed).
 */
const NOT_SWITCHING = (port: string): string =>
  `Command rejected: ${shortInterfaceName(port)} is not a switching port.`;

/** `fn` applied to an interface's switchport settings; a routed port refuses it. */
const onSwitchport =
  (fn: SwitchportEdit) =>
  (i: InterfaceConfig, name: string): InterfaceConfig | string => {
    if (!i.switchport) return NOT_SWITCHING(name);
    const r = fn(i.switchport, name);
    return typeof r === 'string' ? r : { ...i, switchport: r };
  };

/** `fn` applied to the switchport settings of each interface being configured (`name`). */
const editPort = (env: IosEnv, fn: SwitchportEdit): void => edit(env, onSwitchport(fn));

/**
 * As `editPort`, a Port-channel's settings reaching its members (the `switchport` commands) when
 * typed: a configuration text lists the Port-channel before its members, each with its own.
 */
const editSwitchport = (env: IosEnv, fn: SwitchportEdit): void =>
  edit(env, onSwitchport(fn), env.device ? (name) => switchportReach(env.config(), name) : undefined);

/** Port security on a range's ports, refusing to turn it on for an EtherChannel's. */
function editSecurity(env: IosEnv, fn: SwitchportEdit): void {
  edit(
    env,
    (i, name) => {
      if (!i.switchport) return NOT_SWITCHING(name);
      const r = fn(i.switchport, name);
      if (typeof r === 'string') return r;
      const enabling = r.portSecurity?.enabled === true && i.switchport.portSecurity?.enabled !== true;
      return enabling && i.channelGroup !== undefined ? SECURE_MEMBER(name) : { ...i, switchport: r };
    },
    portsOnly,
  );
}

const NEGOTIATE_CONFLICT = "Command rejected: Conflict between 'nonegotiate' and 'dynamic' status.";

/** A secure port may not negotiate a trunk (see port-security-commands.ts). */
const SECURITY_CONFLICT = "Command rejected: Conflict between 'port-security' and 'dynamic' status.";

/** What forbids a port from becoming dynamic: nonegotiate, or port security. */
const dynamicConflict = (s: SwitchportConfig): string | undefined =>
  s.nonegotiate ? NEGOTIATE_CONFLICT : s.portSecurity?.enabled ? SECURITY_CONFLICT : undefined;

/**
 * A multilayer switch negotiates the trunk encapsulation (ISL or 802.1Q) unless told which, and
 * refuses to trunk unconditionally until it is (Catalyst 3560 captures).
 */
const ENCAPSULATION_AUTO =
  'Command rejected: An interface whose trunk encapsulation is "Auto" can not be configured to "trunk" mode.';

const encapsulationConflict = (env: IosEnv, s: SwitchportConfig, mode: SwitchportMode): string | undefined =>
  env.platform === 'multilayer' && mode === 'trunk' && s.trunkEncapsulation === undefined
    ? ENCAPSULATION_AUTO
    : undefined;

function setMode(env: IosEnv, mode: SwitchportMode): void {
  editSwitchport(
    env,
    (s) =>
      (mode.startsWith('dynamic') && dynamicConflict(s)) ||
      encapsulationConflict(env, s, mode) || { ...s, mode },
  );
}

/** `[no] switchport trunk encapsulation dot1q|negotiate` (multilayer switches). */
function setTrunkEncapsulation(env: IosEnv, dot1q: boolean): void {
  editSwitchport(env, (s) => {
    if (dot1q) return { ...s, trunkEncapsulation: 'dot1q' };
    // Back to negotiate is refused while the port trunks unconditionally, for the same reason.
    return s.mode === 'trunk' ? ENCAPSULATION_AUTO : without(s, 'trunkEncapsulation');
  });
}

const encapsulationHelpL2 = 'Set trunking encapsulation when interface is in trunking mode';

/** `switchport trunk encapsulation ...`: ISL is named as not simulated rather than refused. */
const trunkEncapsulationNode = (): IosNode =>
  kw(
    'encapsulation',
    encapsulationHelpL2,
    kw(
      'dot1q',
      'Interface uses only 802.1q trunking encapsulation when trunking',
      run((env) => setTrunkEncapsulation(env, true)),
    ),
    kw(
      'isl',
      'Interface uses only ISL trunking encapsulation when trunking',
      run((env) => env.error(notApplied('ISL trunking'))),
    ),
    kw(
      'negotiate',
      'Device will negotiate trunking encapsulation with peer on interface',
      run((env) => setTrunkEncapsulation(env, false)),
    ),
  );

/**
 * A console creates a missing access VLAN as IOS does. A configuration text carries its
 * VLAN database in `vlan` blocks, so reading one back never invents VLANs. The legacy VLANs
 * 1002-1005 carry no Ethernet: IOS takes one with a warning, and the port is inactive.
 */
function setAccessVlan(env: IosEnv, vlan: number): void {
  // Routed ports refuse the command before anything else is done.
  const switching = current(env).some((name) => {
    const i = env.config().interfaces[name];
    return i === undefined || i.switchport !== undefined;
  });
  if (!switching) {
    editSwitchport(env, (s) => s);
    return;
  }
  if (env.device && isLegacyVlan(vlan)) env.print('% Warning: port will be inactive in non-ethernet VLAN');
  else if (env.device && !vlanExists(env.config(), vlan)) {
    env.print(`% Access VLAN does not exist. Creating vlan ${vlan}`);
    env.setConfig(upsertVlan(env.config(), vlan));
  }
  editSwitchport(env, (s) => ({ ...s, accessVlan: vlan }));
}

function setAllowed(env: IosEnv, fn: (cur: VlanRanges) => VlanRanges): void {
  editSwitchport(env, (s) => ({ ...s, allowedVlans: fn(s.allowedVlans) }));
}

const ipAddressHelp = 'Set the IP address of an interface';
const proxyArpHelp = 'Enable proxy ARP';
const redirectsHelp = 'Enable sending ICMP Redirect messages';
const unreachablesHelp = 'Enable sending ICMP Unreachable messages';
const descriptionHelp = 'Interface specific description';
const shutdownHelp = 'Shutdown the selected interface';
const encapsulationHelp = 'Set encapsulation type for an interface';
const dot1qHelp = 'IEEE 802.1Q Virtual LAN';
const switchportHelp = 'Set switching mode characteristics';

/** What an interface's `ip ...` commands take besides its address, redirects and unreachables. */
interface IpFeatures {
  /** `ip proxy-arp` (not loopbacks). */
  readonly proxyArp?: boolean;
  /** Access groups (router ports and subinterfaces, a multilayer switch's SVIs and routed ports). */
  readonly filters?: boolean;
  /** DHCP on the network it faces: helper addresses and `ip address dhcp` (not loopbacks). */
  readonly relays?: boolean;
  /** NAT's side (router interfaces, a router's loopbacks too). */
  readonly translates?: boolean;
  /** OSPF's settings (router interfaces, and a multilayer switch's SVIs, routed ports and loopbacks). */
  readonly ospf?: boolean;
}

const ROUTER_IP: IpFeatures = { proxyArp: true, filters: true, relays: true, translates: true, ospf: true };
const LOOPBACK_IP: IpFeatures = { translates: true, ospf: true };
/** A multilayer switch's loopback: no NAT on a Catalyst 3560. */
const SWITCH_LOOPBACK_IP: IpFeatures = { ospf: true };
const ROUTED_PORT_IP: IpFeatures = { proxyArp: true, filters: true, relays: true, ospf: true };

/** The `ip ...` commands of the features `f` gives an interface, or their `no` forms. */
function featureNodes(f: IpFeatures, no: boolean): IosNode[] {
  const out: IosNode[] = f.filters ? [accessGroupNode(no, edit)] : [];
  if (f.translates) out.push(natSideNode(no, edit), virtualReassemblyNode(no, edit));
  if (f.ospf) out.push(ipOspfNode(no, edit));
  if (f.relays) out.push(helperAddressNode(no, edit));
  return out;
}

/** `ip ...` in an interface, with the commands `f` gives it. */
function ipNode(f: IpFeatures): IosNode {
  const children = featureNodes(f, false);
  children.push(
    kw(
      'address',
      ipAddressHelp,
      arg('address', IPV4, 'IP address', arg('mask', IPV4, 'IP subnet mask', run(setIpAddress))),
      ...(f.relays ? [kw('dhcp', 'IP Address negotiated via DHCP', run(setIpDhcp))] : []),
    ),
  );
  if (f.proxyArp)
    children.push(
      kw(
        'proxy-arp',
        proxyArpHelp,
        run((env) => edit(env, (i) => ({ ...i, proxyArp: true }))),
      ),
    );
  children.push(
    kw(
      'redirects',
      redirectsHelp,
      run((env) => edit(env, (i) => without(i, 'redirects'))),
    ),
    kw(
      'unreachables',
      unreachablesHelp,
      run((env) => edit(env, (i) => without(i, 'unreachables'))),
    ),
  );
  return kw('ip', 'Interface Internet Protocol config commands', ...children);
}

function noIpNode(f: IpFeatures): IosNode {
  const children = featureNodes(f, true);
  children.push(
    kw(
      'address',
      ipAddressHelp,
      run(noIpAddress),
      arg('address', IPV4, 'IP address', arg('mask', IPV4, 'IP subnet mask', run(noIpAddress))),
      ...(f.relays ? [kw('dhcp', 'IP Address negotiated via DHCP', run(noIpDhcp))] : []),
    ),
  );
  if (f.proxyArp)
    children.push(
      kw(
        'proxy-arp',
        proxyArpHelp,
        run((env) => edit(env, (i) => ({ ...i, proxyArp: false }))),
      ),
    );
  children.push(
    kw(
      'redirects',
      redirectsHelp,
      run((env) => edit(env, (i) => ({ ...i, redirects: false }))),
    ),
    kw(
      'unreachables',
      unreachablesHelp,
      run((env) => edit(env, (i) => ({ ...i, unreachables: false }))),
    ),
  );
  return kw('ip', 'Interface Internet Protocol config commands', ...children);
}

const description = (): IosNode =>
  kw(
    'description',
    descriptionHelp,
    arg(
      'text',
      LINE,
      'Up to 240 characters describing this interface',
      run((env, a) => edit(env, (i) => ({ ...i, description: a.need<string>('text').slice(0, 240) }))),
    ),
  );

const bandwidthHelp = 'Set bandwidth informational parameter';
const KBPS: [number, number] = [1, 10_000_000];

const bandwidth = (): IosNode =>
  kw(
    'bandwidth',
    bandwidthHelp,
    arg(
      'kbps',
      range(...KBPS),
      'Bandwidth in kilobits',
      run((env, a) => edit(env, (i) => ({ ...i, bandwidth: a.need<number>('kbps') }))),
    ),
  );

/** `no bandwidth [N]`: back to the interface's own. */
const noBandwidth = (): IosNode => {
  const reset = run((env) => edit(env, (i) => without(i, 'bandwidth')));
  return kw('bandwidth', bandwidthHelp, reset, arg('kbps', range(...KBPS), 'Bandwidth in kilobits', reset));
};

const noDescription = (): IosNode =>
  kw(
    'description',
    descriptionHelp,
    run((env) => edit(env, (i) => without(i, 'description'))),
  );

const encapsulation = (): IosNode =>
  kw(
    'encapsulation',
    encapsulationHelp,
    kw(
      'dot1Q',
      dot1qHelp,
      arg(
        'vlan',
        range(1, 4094),
        'IEEE 802.1Q VLAN ID',
        run(setEncapsulation),
        kw('native', 'Make this as native vlan', run(setEncapsulation)),
      ),
    ),
  );

const noEncapsulationNode = (): IosNode =>
  kw(
    'encapsulation',
    encapsulationHelp,
    kw(
      'dot1Q',
      dot1qHelp,
      run(noEncapsulation),
      arg('vlan', range(1, 4094), 'IEEE 802.1Q VLAN ID', run(noEncapsulation)),
    ),
  );

/**
 * `switchport ...`; with `security`, its port security commands (switch ports, not
 * Port-channels); with `multilayer`, the trunk encapsulation a 3560 asks for.
 */
function switchport(security: boolean, multilayer: boolean): IosNode {
  // `add` takes "the allowed VLANs"; `except` and `remove` "disallowed VLANS" (IOS's help).
  const list = (name: string, help: string, fn: (cur: VlanRanges, v: VlanRanges) => VlanRanges) =>
    kw(
      name,
      help,
      arg(
        'vlans',
        VLAN_LIST,
        name === 'add'
          ? 'VLAN IDs of the allowed VLANs when this port is in trunking mode'
          : 'VLAN IDs of disallowed VLANS when this port is in trunking mode',
        run((env, a) => setAllowed(env, (cur) => fn(cur, a.need<VlanRanges>('vlans')))),
      ),
    );
  return kw(
    'switchport',
    switchportHelp,
    // On a 3560, bare `switchport` makes a routed port a switch port again.
    ...(multilayer ? [run(switchBack)] : []),
    kw(
      'access',
      'Set access mode characteristics of the interface',
      kw(
        'vlan',
        'Set VLAN when interface is in access mode',
        arg(
          'vlan',
          range(1, 4094),
          'VLAN ID of the VLAN when this port is in access mode',
          run((env, a) => setAccessVlan(env, a.need<number>('vlan'))),
        ),
      ),
    ),
    kw(
      'mode',
      'Set trunking mode of the interface',
      kw(
        'access',
        'Set trunking mode to ACCESS unconditionally',
        run((env) => setMode(env, 'access')),
      ),
      kw(
        'dynamic',
        'Set trunking mode to dynamically negotiate access or trunk mode',
        kw(
          'auto',
          'Set trunking mode dynamic negotiation parameter to AUTO',
          run((env) => setMode(env, 'dynamic-auto')),
        ),
        kw(
          'desirable',
          'Set trunking mode dynamic negotiation parameter to DESIRABLE',
          run((env) => setMode(env, 'dynamic-desirable')),
        ),
      ),
      kw(
        'trunk',
        'Set trunking mode to TRUNK unconditionally',
        run((env) => setMode(env, 'trunk')),
      ),
    ),
    kw(
      'nonegotiate',
      'Device will not engage in negotiation protocol on this interface',
      run((env) =>
        editSwitchport(env, (s) =>
          s.mode.startsWith('dynamic') ? NEGOTIATE_CONFLICT : { ...s, nonegotiate: true },
        ),
      ),
    ),
    ...(security ? [portSecurityNode(editSecurity)] : []),
    kw(
      'trunk',
      'Set trunking characteristics of the interface',
      kw(
        'allowed',
        'Set allowed VLAN characteristics when interface is in trunking mode',
        kw(
          'vlan',
          'Set allowed VLANs when interface is in trunking mode',
          arg(
            'vlans',
            VLAN_LIST,
            'VLAN IDs of the allowed VLANs when this port is in trunking mode',
            run((env, a) => setAllowed(env, () => a.need<VlanRanges>('vlans'))),
          ),
          list('add', 'add VLANs to the current list', (cur, v) => addVlans(cur, v)),
          kw(
            'all',
            'all VLANs',
            run((env) => setAllowed(env, () => ALL_VLANS)),
          ),
          list('except', 'all VLANs except the following', (_cur, v) => removeVlans(ALL_VLANS, v)),
          kw(
            'none',
            'no VLANs',
            run((env) => setAllowed(env, () => NO_VLANS)),
          ),
          list('remove', 'remove VLANs from the current list', (cur, v) => removeVlans(cur, v)),
        ),
      ),
      ...(multilayer ? [trunkEncapsulationNode()] : []),
      kw(
        'native',
        'Set trunking native characteristics when interface is in trunking mode',
        kw(
          'vlan',
          'Set native VLAN when interface is in trunking mode',
          arg(
            'vlan',
            range(1, 4094),
            'VLAN ID of the native VLAN when this port is in trunking mode',
            run((env, a) => editSwitchport(env, (s) => ({ ...s, nativeVlan: a.need<number>('vlan') }))),
          ),
        ),
      ),
    ),
  );
}

/** `switchport` on a 3560's port: a routed port becomes a switch port again. */
const switchBack = (env: IosEnv): void => edit(env, (i) => (i.switchport ? i : switchedPort(i)));

/**
 * `no switchport` on a 3560's port: a switch port becomes a routed port, unless it is in an
 * EtherChannel (layer-3 EtherChannels are not simulated).
 */
const makeRouted = (env: IosEnv): void =>
  edit(env, (i, name) => {
    if (!i.switchport) return i;
    if (isPortChannel(name)) return notApplied('layer 3 EtherChannels');
    // The refusal a member of an EtherChannel gives port security: its text is not confirmed here.
    return i.channelGroup !== undefined ? SECURE_MEMBER(name) : routedPort(i);
  });

/**
 * What `no switchport access vlan` and `no switchport trunk native vlan` do, with or without
 * the VLAN typed after them: IOS takes the number and ignores it, back to VLAN 1 either way.
 */
function resetVlan(help: string, fn: (s: SwitchportConfig) => SwitchportConfig): IosPart[] {
  const reset = run((env) => editSwitchport(env, fn));
  return [reset, arg('vlan', range(1, 4094), help, reset)];
}

/**
 * `no switchport ...`, or with `asDefault` `default switchport ...`. On a 3560 a bare `no
 * switchport` makes a port a routed port (a Port-channel's is not simulated), and a bare
 * `default switchport` makes it a switch port again, the factory setting.
 */
function noSwitchport(security: boolean, multilayer: boolean, asDefault = false): IosNode {
  const bare = (env: IosEnv) => {
    if (asDefault) switchBack(env);
    else if (security) makeRouted(env);
    else env.error(notApplied('layer 3 EtherChannels'));
  };
  return kw(
    'switchport',
    switchportHelp,
    ...(multilayer ? [run(bare)] : []),
    kw(
      'access',
      'Set access mode characteristics of the interface',
      kw(
        'vlan',
        'Set VLAN when interface is in access mode',
        ...resetVlan('VLAN ID of the VLAN when this port is in access mode', (s) => ({
          ...s,
          accessVlan: 1,
        })),
      ),
    ),
    kw(
      'mode',
      'Set trunking mode of the interface',
      run((env) => editSwitchport(env, (s) => dynamicConflict(s) ?? { ...s, mode: 'dynamic-auto' })),
    ),
    kw(
      'nonegotiate',
      'Device will not engage in negotiation protocol on this interface',
      run((env) => editSwitchport(env, (s) => ({ ...s, nonegotiate: false }))),
    ),
    ...(security ? [noPortSecurityNode(editSecurity)] : []),
    kw(
      'trunk',
      'Set trunking characteristics of the interface',
      kw(
        'allowed',
        'Set allowed VLAN characteristics when interface is in trunking mode',
        kw(
          'vlan',
          'Set allowed VLANs when interface is in trunking mode',
          run((env) => setAllowed(env, () => ALL_VLANS)),
        ),
      ),
      ...(multilayer
        ? [
            kw(
              'encapsulation',
              encapsulationHelpL2,
              run((env) => setTrunkEncapsulation(env, false)),
            ),
          ]
        : []),
      kw(
        'native',
        'Set trunking native characteristics when interface is in trunking mode',
        kw(
          'vlan',
          'Set native VLAN when interface is in trunking mode',
          ...resetVlan('VLAN ID of the native VLAN when this port is in trunking mode', (s) => ({
            ...s,
            nativeVlan: 1,
          })),
        ),
      ),
    ),
  );
}

const duplexHelp = 'Configure duplex operation.';
const speedHelp = 'Configure speed operation.';

/**
 * A Catalyst's Gigabit port negotiating its speed may offer 1000 Mb/s, which has no half duplex:
 * typed `duplex half` is refused until a lower speed is set (captured on a 3750; a 2960G's
 * test table marks auto speed with half duplex not applicable). Routers accept it.
 */
const HALF_AT_GIGABIT = '% Duplex cannot be set to half when speed autonegotiation subset contains 1Gbps';

function duplex(): IosNode {
  const set = (d: 'full' | 'half' | undefined) =>
    run((env) =>
      edit(
        env,
        (i, name) => {
          if (d === undefined) return without(i, 'duplex');
          const gigabitAuto = name.startsWith('GigabitEthernet') && i.speed === undefined;
          if (d === 'half' && gigabitAuto && env.kind === 'switch' && env.device) return HALF_AT_GIGABIT;
          return { ...i, duplex: d };
        },
        portsOnly,
      ),
    );
  return kw(
    'duplex',
    duplexHelp,
    kw('auto', 'Enable AUTO duplex configuration', set(undefined)),
    kw('full', 'Force full duplex operation', set('full')),
    kw('half', 'Force half-duplex operation', set('half')),
  );
}

function speed(gigabit: boolean): IosNode {
  const set = (v: 10 | 100 | 1000 | undefined) =>
    run((env) => edit(env, (i) => (v === undefined ? without(i, 'speed') : { ...i, speed: v }), portsOnly));
  return kw(
    'speed',
    speedHelp,
    kw('10', 'Force 10 Mbps operation', set(10)),
    kw('100', 'Force 100 Mbps operation', set(100)),
    ...(gigabit ? [kw('1000', 'Force 1000 Mbps operation', set(1000))] : []),
    kw('auto', 'Enable AUTO speed configuration', set(undefined)),
  );
}

const noDuplex = (): IosNode =>
  kw(
    'duplex',
    duplexHelp,
    run((env) => edit(env, (i) => without(i, 'duplex'), portsOnly)),
  );
const noSpeed = (): IosNode =>
  kw(
    'speed',
    speedHelp,
    run((env) => edit(env, (i) => without(i, 'speed'), portsOnly)),
  );

const shutdown = (): IosNode =>
  kw(
    'shutdown',
    shutdownHelp,
    run((env) => setShutdown(env, true)),
  );
const noShutdown = (): IosNode =>
  kw(
    'shutdown',
    shutdownHelp,
    run((env) => setShutdown(env, false)),
  );

/** `cdp enable`, and with `on` false `no cdp enable` (on by default). */
const cdpEnable = (on: boolean): IosNode =>
  kw(
    'cdp',
    'CDP interface subcommands',
    kw(
      'enable',
      'Enable CDP on interface',
      run((env) => edit(env, (i) => (on ? without(i, 'cdpEnable') : { ...i, cdpEnable: false }), portsOnly)),
    ),
  );

/** `lldp transmit|receive`, and with `on` false their `no` forms (both on by default). */
const lldpInterface = (on: boolean): IosNode =>
  kw(
    'lldp',
    'LLDP interface subcommands',
    ...(
      [
        ['receive', 'Enable LLDP reception on interface', 'lldpReceive'],
        ['transmit', 'Enable LLDP transmission on interface', 'lldpTransmit'],
      ] as const
    ).map(([word, help, key]) =>
      kw(
        word,
        help,
        run((env) => edit(env, (i) => (on ? without(i, key) : { ...i, [key]: false }), portsOnly)),
      ),
    ),
  );

const arp = (no: boolean): IosNode => arpTimeoutNode(no, (env, fn) => edit(env, fn));

/**
 * `mdix auto` (and `default mdix auto`): a 2960 port's default, and what every port does here,
 * so it changes nothing. `no mdix auto` is named as not simulated (unsimulated.ts).
 */
const mdixAuto = (): IosNode =>
  kw(
    'mdix',
    'Set Media Dependent Interface with Crossover',
    kw(
      'auto',
      'Enable automatic MDI crossover detection on this interface',
      run(() => {}),
    ),
  );

/**
 * `ip address` on a multilayer switch's port that is still a switch port: IOS answers between
 * blank lines (captures of Catalyst EtherSwitch modules).
 */
const l2IpAddress = (): IosNode =>
  kw(
    'ip',
    'Interface Internet Protocol config commands',
    kw(
      'address',
      ipAddressHelp,
      arg(
        'address',
        IPV4,
        'IP address',
        arg(
          'mask',
          IPV4,
          'IP subnet mask',
          run((env) => env.error('', '% IP addresses may not be configured on L2 links.', '')),
        ),
      ),
    ),
  );

/** `channel-group ...` on a routed port: a layer-3 EtherChannel, which Trame does not simulate. */
const l3ChannelGroup = (): IosNode =>
  kw(
    'channel-group',
    'Etherchannel/port bundling configuration',
    arg(
      'rest',
      LINE,
      'Channel group number and mode',
      run((env) => env.error(notApplied('layer 3 EtherChannels'))),
    ),
  );

/** `spanning-tree ...` on a switch port or Port-channel (stp-commands.ts). */
const spanningTree = (no: boolean): IosNode => stpInterfaceNode(editPort, no);

/** The commands of one class of interface, and their `no` forms. */
function classCommands(cls: InterfaceClass, multilayer: boolean): { cmds: IosNode[]; nos: IosNode[] } {
  switch (cls) {
    case 'routerPort':
      return {
        cmds: [
          arp(false),
          bandwidth(),
          cdpEnable(true),
          lldpInterface(true),
          description(),
          duplex(),
          ipNode(ROUTER_IP),
          ipv6InterfaceNode(edit, false),
          shutdown(),
          speed(true),
          standbyNode(false, edit),
        ],
        nos: [
          arp(true),
          noBandwidth(),
          cdpEnable(false),
          lldpInterface(false),
          noDescription(),
          noDuplex(),
          noIpNode(ROUTER_IP),
          ipv6InterfaceNode(edit, true),
          noShutdown(),
          noSpeed(),
          standbyNode(true, edit),
        ],
      };
    case 'subinterface':
      return {
        cmds: [
          arp(false),
          bandwidth(),
          cdpEnable(true),
          description(),
          encapsulation(),
          ipNode(ROUTER_IP),
          ipv6InterfaceNode(edit, false),
          shutdown(),
          standbyNode(false, edit),
        ],
        nos: [
          arp(true),
          noBandwidth(),
          cdpEnable(false),
          noDescription(),
          noEncapsulationNode(),
          noIpNode(ROUTER_IP),
          ipv6InterfaceNode(edit, true),
          noShutdown(),
          standbyNode(true, edit),
        ],
      };
    case 'loopback': {
      // Only routers and multilayer switches have loopbacks.
      const lo = multilayer ? SWITCH_LOOPBACK_IP : LOOPBACK_IP;
      const v6 = multilayer ? [] : [ipv6InterfaceNode(edit, false)];
      const noV6 = multilayer ? [] : [ipv6InterfaceNode(edit, true)];
      return {
        cmds: [bandwidth(), description(), ipNode(lo), ...v6, shutdown()],
        nos: [noBandwidth(), noDescription(), noIpNode(lo), ...noV6, noShutdown()],
      };
    }
    case 'svi': {
      // Only a multilayer switch's SVIs filter by access lists and take OSPF's settings.
      const svi: IpFeatures = { proxyArp: true, filters: multilayer, relays: true, ospf: multilayer };
      return {
        cmds: [arp(false), description(), ipNode(svi), shutdown()],
        nos: [arp(true), noDescription(), noIpNode(svi), noShutdown()],
      };
    }
    case 'switchPort':
    case 'switchGigPort':
      return {
        cmds: [
          cdpEnable(true),
          lldpInterface(true),
          channelGroupNode(false),
          description(),
          duplex(),
          ...(multilayer ? [l2IpAddress()] : []),
          mdixAuto(),
          shutdown(),
          spanningTree(false),
          speed(cls === 'switchGigPort'),
          switchport(true, multilayer),
        ],
        nos: [
          cdpEnable(false),
          lldpInterface(false),
          channelGroupNode(true),
          noDescription(),
          noDuplex(),
          noShutdown(),
          spanningTree(true),
          noSpeed(),
          noSwitchport(true, multilayer),
        ],
      };
    case 'routedPort':
    case 'routedGigPort':
      return {
        cmds: [
          arp(false),
          bandwidth(),
          cdpEnable(true),
          lldpInterface(true),
          l3ChannelGroup(),
          description(),
          duplex(),
          ipNode(ROUTED_PORT_IP),
          mdixAuto(),
          shutdown(),
          spanningTree(false),
          speed(cls === 'routedGigPort'),
          switchport(true, true),
        ],
        nos: [
          arp(true),
          noBandwidth(),
          cdpEnable(false),
          lldpInterface(false),
          noDescription(),
          noDuplex(),
          noIpNode(ROUTED_PORT_IP),
          noShutdown(),
          spanningTree(true),
          noSpeed(),
          noSwitchport(true, true),
        ],
      };
    case 'portChannel':
      return {
        cmds: [description(), shutdown(), spanningTree(false), switchport(false, multilayer)],
        nos: [noDescription(), noShutdown(), spanningTree(true), noSwitchport(false, multilayer)],
      };
  }
}

export function interfaceTree(cls: InterfaceClass, opts: TreeOptions): IosNode {
  const multilayer = opts.multilayer === true;
  const { cmds, nos } = classCommands(cls, multilayer);
  // `default X` restores the factory setting, which is what `no X` does for everything
  // here except `shutdown`, whose default depends on the port, and `cdp enable` and `lldp
  // transmit|receive`, on by default.
  const defaults = classCommands(cls, multilayer).nos.flatMap((n) => {
    if (n.word === 'shutdown') return [];
    if (n.word === 'switchport') return [noSwitchport(cls !== 'portChannel', multilayer, true)];
    if (n.word === 'lldp') return [lldpInterface(true)];
    return n.word === 'cdp' ? [cdpEnable(true)] : [n];
  });
  if (['switchPort', 'switchGigPort', 'routedPort', 'routedGigPort'].includes(cls)) defaults.push(mdixAuto());
  return kw(
    '',
    '',
    ...cmds,
    kw('no', 'Negate a command or set its defaults', ...nos),
    kw('default', 'Set a command to its defaults', ...defaults),
    ...modeCommands('Exit from interface configuration mode', opts),
  );
}

/** `default interface X`: back to factory settings. */
export function resetInterface(env: IosEnv, name: string): void {
  env.setConfig(updateInterface(env.config(), env.kind, name, () => factoryInterface(env.kind, name)));
  env.print(`Interface ${name} set to default configuration`);
}
