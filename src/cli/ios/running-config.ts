/**
 * DeviceConfig -> IOS configuration text, in the order and layout `show running-config`
 * uses on IOS 15: a 1941 router (15.2) and a 2960 switch (15.0), including the default
 * lines every such configuration shows (service timestamps, boot markers, spanning-tree
 * mode, duplex/speed auto...). Those default lines read back as no-ops (default-lines.ts).
 * VLANs appear as `vlan N` blocks, as a switch in VTP transparent mode shows them, so the
 * text alone restores the VLAN database. RSA keys live in private NVRAM, never in this text.
 */

import type {
  DeviceConfig,
  InterfaceConfig,
  LineConfig,
  PortSecurityConfig,
  TransportInput,
} from '../../shared/config.ts';
import { formatIpv4, maskFromLen } from '../../shared/ipv4.ts';
import { formatMacDotted } from '../../shared/mac.ts';
import { formatVlanList, isAllVlans } from '../../shared/vlans.ts';
import { accessListLines } from './acl-format.ts';
import { aliasConfigLines } from './aliases.ts';
import { arpLines } from './arp-commands.ts';
import { type IosKind, isPhysical, isRoutedPort } from './config-edit.ts';
import { dhcpConfigBlocks } from './dhcp-format.ts';
import { errdisableLines } from './errdisable-commands.ts';
import { channelGroupLines, loadBalanceLines } from './etherchannel-commands.ts';
import { standbyLines } from './hsrp-commands.ts';
import { httpLines } from './http-server.ts';
import { ipv6InterfaceLines, ipv6RouteLines } from './ipv6-commands.ts';
import { loggingHeadLines, loggingHostLines } from './logging-commands.ts';
import { loginLines } from './login-block.ts';
import { macTableLines } from './mac-table-commands.ts';
import { natConfigLines } from './nat-commands.ts';
import { ntpConfigLines } from './ntp-commands.ts';
import { ospfConfigBlocks, ospfInterfaceLines } from './ospf-commands.ts';
import { shownPassword } from './password.ts';
import { stpConfigLines, stpInterfaceLines } from './stp-commands.ts';
import { timestampsLine } from './timestamps-commands.ts';

export const IOS_VERSION: Record<IosKind, string> = { router: '15.2', switch: '15.0' };

/** What `transport input` is on a line that does not set it. */
export function defaultTransport(kind: IosKind, line: 'console' | 'vty'): TransportInput {
  return kind === 'router' && line === 'vty' ? 'none' : 'all';
}

/**
 * The interfaces in the order IOS writes them: loopbacks first (router and Catalyst
 * configurations), then as the configuration keeps them (Port-channels, ports, SVIs).
 */
const inRunningOrder = (c: DeviceConfig): [string, InterfaceConfig][] =>
  Object.entries(c.interfaces).sort(
    ([a], [b]) => Number(!a.startsWith('Loopback')) - Number(!b.startsWith('Loopback')),
  );

/** A port's `switchport port-security` lines, in the order a 2960 lists them. */
function portSecurityLines(ps: PortSecurityConfig): string[] {
  const out: string[] = [];
  if (ps.maximum !== 1) out.push(` switchport port-security maximum ${ps.maximum}`);
  if (ps.enabled) out.push(' switchport port-security');
  if (ps.violation !== 'shutdown') out.push(` switchport port-security violation ${ps.violation}`);
  for (const m of ps.macs)
    if (!m.sticky) out.push(` switchport port-security mac-address ${formatMacDotted(m.mac)}`);
  if (ps.sticky) out.push(' switchport port-security mac-address sticky');
  for (const m of ps.macs)
    if (m.sticky) out.push(` switchport port-security mac-address sticky ${formatMacDotted(m.mac)}`);
  // After the addresses, as 2960s on 15.x list them.
  if (ps.agingTime !== undefined) out.push(` switchport port-security aging time ${ps.agingTime}`);
  if (ps.agingInactivity) out.push(' switchport port-security aging type inactivity');
  if (ps.agingStatic) out.push(' switchport port-security aging static');
  return out;
}

export function interfaceLines(kind: IosKind, name: string, i: InterfaceConfig): string[] {
  const out = [`interface ${name}`];
  if (i.description !== undefined) out.push(` description ${i.description}`);
  // A 3560's routed port says so first: what follows is read back on a routed port.
  if (isRoutedPort(kind, name, i)) out.push(' no switchport');
  if (i.bandwidth !== undefined) out.push(` bandwidth ${i.bandwidth}`);
  const sp = i.switchport;
  if (sp) {
    if (sp.accessVlan !== 1) out.push(` switchport access vlan ${sp.accessVlan}`);
    if (sp.trunkEncapsulation !== undefined)
      out.push(` switchport trunk encapsulation ${sp.trunkEncapsulation}`);
    if (sp.nativeVlan !== 1) out.push(` switchport trunk native vlan ${sp.nativeVlan}`);
    if (!isAllVlans(sp.allowedVlans))
      out.push(` switchport trunk allowed vlan ${formatVlanList(sp.allowedVlans)}`);
    if (sp.mode === 'access' || sp.mode === 'trunk') out.push(` switchport mode ${sp.mode}`);
    if (sp.mode === 'dynamic-desirable') out.push(' switchport mode dynamic desirable');
    if (sp.nonegotiate) out.push(' switchport nonegotiate');
    if (sp.portSecurity) out.push(...portSecurityLines(sp.portSecurity));
  }
  if (i.dot1q) out.push(` encapsulation dot1Q ${i.dot1q.vlan}${i.dot1q.native ? ' native' : ''}`);
  if (i.ip) out.push(` ip address ${formatIpv4(i.ip.addr)} ${formatIpv4(maskFromLen(i.ip.len))}`);
  else if (i.ipDhcp) out.push(' ip address dhcp');
  else if (!sp && !name.includes('.')) out.push(' no ip address');
  for (const h of i.helperAddresses ?? []) out.push(` ip helper-address ${formatIpv4(h)}`);
  if (i.accessGroupIn !== undefined) out.push(` ip access-group ${i.accessGroupIn} in`);
  if (i.accessGroupOut !== undefined) out.push(` ip access-group ${i.accessGroupOut} out`);
  if (i.redirects === false) out.push(' no ip redirects');
  if (i.unreachables === false) out.push(' no ip unreachables');
  if (!i.proxyArp && !sp) out.push(' no ip proxy-arp');
  // After the ICMP and proxy ARP settings, as IOS 15 lists them (configurations of 1921s and 1941s).
  if (i.nat !== undefined) out.push(` ip nat ${i.nat}`);
  const reassembly = i.virtualReassembly ?? i.nat !== undefined;
  if (reassembly) out.push(' ip virtual-reassembly in');
  else if (i.nat !== undefined) out.push(' no ip virtual-reassembly in');
  // IOS lists OSPF's interface lines after the other `ip` ones (IOL and 15.x captures).
  out.push(...ospfInterfaceLines(i), ...standbyLines(i));
  if (i.arpTimeout !== undefined) out.push(` arp timeout ${i.arpTimeout}`);
  if (i.shutdown) out.push(' shutdown');
  if (isPhysical(kind, name)) {
    // A 1941 lists its auto settings; a 2960 lists only what was changed, speed first.
    const duplex = ` duplex ${i.duplex ?? 'auto'}`;
    const speed = ` speed ${i.speed ?? 'auto'}`;
    if (kind === 'router') out.push(duplex, speed);
    else {
      if (i.speed !== undefined) out.push(speed);
      if (i.duplex !== undefined) out.push(duplex);
    }
  }
  // After duplex and speed (IOSv and IOL 15 configurations).
  out.push(...ipv6InterfaceLines(i));
  if (i.cdpEnable === false) out.push(' no cdp enable');
  if (i.lldpTransmit === false) out.push(' no lldp transmit');
  if (i.lldpReceive === false) out.push(' no lldp receive');
  out.push(...channelGroupLines(i));
  if (sp?.stp) out.push(...stpInterfaceLines(sp.stp));
  return out;
}

function lineBlock(kind: IosKind, header: string, l: LineConfig): string[] {
  const out = [header];
  if (l.accessClassIn !== undefined) out.push(` access-class ${l.accessClassIn} in`);
  if (l.execTimeout) out.push(` exec-timeout ${l.execTimeout.minutes} ${l.execTimeout.seconds}`);
  if (l.password !== undefined) out.push(` password ${shownPassword(l.password)}`);
  if (l.loggingSynchronous) out.push(' logging synchronous');
  if (l.login) out.push(l.loginLocal ? ' login local' : ' login');
  if (l.length !== undefined) out.push(` length ${l.length}`);
  if (l.noHistory) out.push(' no history');
  if (l.historySize !== undefined) out.push(` history size ${l.historySize}`);
  const kindOfLine = header.startsWith('line con') ? 'console' : 'vty';
  // IOS prints the line's transport unless it is "all", which it leaves unsaid by default.
  const transport = l.transportInput ?? defaultTransport(kind, kindOfLine);
  if (transport !== 'all' || l.transportInput !== undefined) out.push(` transport input ${transport}`);
  return out;
}

/**
 * The vty lines' blocks: consecutive lines configured alike share one, except across lines 4
 * and 5, which IOS keeps apart ("line vty 0 4", "line vty 5 15").
 */
function vtyLines(kind: IosKind, lines: readonly LineConfig[]): string[] {
  const bodies = lines.map((l) => lineBlock(kind, '', l).join('\n'));
  const blocks: [number, number][] = [];
  bodies.forEach((body, n) => {
    const open = blocks[blocks.length - 1];
    if (open !== undefined && n !== 5 && bodies[open[0]] === body) open[1] = n;
    else blocks.push([n, n]);
  });
  return blocks.flatMap(([first, last]) =>
    lineBlock(kind, `line vty ${first}${last > first ? ` ${last}` : ''}`, lines[first]!),
  );
}

function userLines(c: DeviceConfig): string[] {
  return (c.users ?? []).map((u) => {
    const privilege = u.privilege !== undefined ? ` privilege ${u.privilege}` : '';
    if (u.secret !== undefined) return `username ${u.name}${privilege} secret 5 ${u.secret}`;
    return `username ${u.name}${privilege} password ${shownPassword(u.password ?? { plain: '' }, true)}`;
  });
}

function securityLines(c: DeviceConfig): string[] {
  const out: string[] = [];
  if (c.minPasswordLength !== undefined) out.push(`security passwords min-length ${c.minPasswordLength}`);
  if (c.enableSecret !== undefined) out.push(`enable secret 5 ${c.enableSecret}`);
  if (c.enablePassword !== undefined) out.push(`enable password ${shownPassword(c.enablePassword)}`);
  return out;
}

function routeLines(c: DeviceConfig): string[] {
  return c.staticRoutes.map((r) => {
    const parts = ['ip route', formatIpv4(r.prefix.addr), formatIpv4(maskFromLen(r.prefix.len))];
    if (r.exitInterface !== undefined) parts.push(r.exitInterface);
    if (r.nextHop !== undefined) parts.push(formatIpv4(r.nextHop));
    if (r.distance !== 1) parts.push(String(r.distance));
    if (r.name !== undefined) parts.push('name', r.name);
    if (r.permanent) parts.push('permanent');
    return parts.join(' ');
  });
}

/** IOS lists its global CDP settings after the static routes, before the banner and lines. */
const cdpLines = (c: DeviceConfig): string[] => (c.cdpRun === false ? ['no cdp run'] : []);

/** `lldp run`, just before the interfaces (a 3750's and an IOL router's running-config). */
const lldpLines = (c: DeviceConfig): string[] => (c.lldpRun === true ? ['lldp run'] : []);

/** In IOS's order; a setting at its default is not listed. */
const sshLines = (c: DeviceConfig): string[] => [
  ...(c.sshTimeout !== undefined ? [`ip ssh time-out ${c.sshTimeout}`] : []),
  ...(c.sshRetries !== undefined ? [`ip ssh authentication-retries ${c.sshRetries}`] : []),
  ...(c.sshVersion !== undefined ? [`ip ssh version ${c.sshVersion}`] : []),
];

/**
 * IOS 15 on a 1941 spells these `ip domain lookup` / `ip domain name`; the 2960 keeps the hyphen.
 * The host table and the name servers follow (IOSv and 15.x router captures).
 */
function domainLines(kind: IosKind, c: DeviceConfig): string[] {
  const out: string[] = [];
  const sep = kind === 'router' ? ' ' : '-';
  if (!c.domainLookup) out.push(`no ip domain${sep}lookup`);
  if (c.domainName !== undefined) out.push(`ip domain${sep}name ${c.domainName}`);
  for (const h of c.ipHosts ?? []) out.push(`ip host ${h.name} ${h.addresses.map(formatIpv4).join(' ')}`);
  if (c.nameServers?.length) out.push(`ip name-server ${c.nameServers.map(formatIpv4).join(' ')}`);
  return out;
}

function routerBlocks(c: DeviceConfig): string[][] {
  const blocks: string[][] = [
    [
      `version ${IOS_VERSION.router}`,
      timestampsLine(c, 'debug'),
      timestampsLine(c, 'log'),
      c.servicePasswordEncryption ? 'service password-encryption' : 'no service password-encryption',
      ...(c.serviceDhcp === false ? ['no service dhcp'] : []),
    ],
    [`hostname ${c.hostname}`],
    ['boot-start-marker', 'boot-end-marker'],
    [...loggingHeadLines('router', c), ...securityLines(c)],
    ['no aaa new-model'],
    ...dhcpConfigBlocks(c),
    [
      ...(c.ipRouting ? [] : ['no ip routing']),
      ...domainLines('router', c),
      c.ipRouting && !c.noIpCef ? 'ip cef' : 'no ip cef',
      // Right after `ip cef`, and CEF for IPv6 comes with it (1941 and IOL 15.4 configurations).
      ...(c.ipv6Routing ? ['ipv6 unicast-routing'] : []),
      ...loginLines(c),
      c.ipv6Routing ? 'ipv6 cef' : 'no ipv6 cef',
    ],
    ['multilink bundle-name authenticated'],
    userLines(c),
    lldpLines(c),
  ];
  for (const [name, i] of inRunningOrder(c)) blocks.push(interfaceLines('router', name, i));
  // Routing processes follow the interfaces, before `ip forward-protocol nd`.
  blocks.push(...ospfConfigBlocks(c));
  blocks.push(
    [
      ...(c.defaultGateway !== undefined ? [`ip default-gateway ${formatIpv4(c.defaultGateway)}`] : []),
      'ip forward-protocol nd',
    ],
    httpLines('router', c),
    [...natConfigLines(c), ...routeLines(c), ...sshLines(c)],
    ipv6RouteLines(c),
    loggingHostLines(c),
    ...accessListLines(c),
    arpLines(c),
    cdpLines(c),
  );
  return blocks;
}

function switchBlocks(c: DeviceConfig): string[][] {
  const blocks: string[][] = [
    [
      `version ${IOS_VERSION.switch}`,
      'no service pad',
      timestampsLine(c, 'debug'),
      timestampsLine(c, 'log'),
      c.servicePasswordEncryption ? 'service password-encryption' : 'no service password-encryption',
      ...(c.serviceDhcp === false ? ['no service dhcp'] : []),
    ],
    [`hostname ${c.hostname}`],
    ['boot-start-marker', 'boot-end-marker'],
    [...loggingHeadLines('switch', c), ...securityLines(c)],
    // A multilayer switch lists `ip routing` under the MTU line once routing is on.
    [...userLines(c), 'no aaa new-model', 'system mtu routing 1500', ...(c.ipRouting ? ['ip routing'] : [])],
    ...dhcpConfigBlocks(c),
    [...domainLines('switch', c), ...loginLines(c)],
    [...errdisableLines(c), ...loadBalanceLines(c), ...stpConfigLines(c)],
    macTableLines(c),
    ['vlan internal allocation policy ascending'],
  ];
  for (const v of c.vlans) {
    if (v.id === 1) continue;
    blocks.push(v.name === undefined ? [`vlan ${v.id}`] : [`vlan ${v.id}`, ` name ${v.name}`]);
  }
  blocks.push(lldpLines(c), sshLines(c));
  for (const [name, i] of inRunningOrder(c)) blocks.push(interfaceLines('switch', name, i));
  // A multilayer switch's routing processes follow its interfaces too.
  blocks.push(...ospfConfigBlocks(c));
  blocks.push([
    ...(c.defaultGateway !== undefined ? [`ip default-gateway ${formatIpv4(c.defaultGateway)}`] : []),
    ...httpLines('switch', c),
    ...routeLines(c),
  ]);
  blocks.push(loggingHostLines(c), ...accessListLines(c), arpLines(c), cdpLines(c));
  return blocks;
}

/**
 * IOS shows a banner between ^C marks (its stored delimiter, ETX). Here the text is the
 * store, so a banner typed with another delimiter whose text holds "^C" is written with a
 * character it does not contain, and reads back whole.
 */
function bannerDelimiter(text: string): string {
  if (!text.includes('^C')) return '^C';
  return [...'#$%&*@~|'].find((d) => !text.includes(d)) ?? '\u0003';
}

/** The configuration as IOS text, from the first "!" to "end", each line ending in "\n". */
export function renderRunningConfig(kind: IosKind, c: DeviceConfig): string {
  const blocks = kind === 'router' ? routerBlocks(c) : switchBlocks(c);
  // IOS lists the banners together, in the order of `banner ?`.
  const banners: string[] = [];
  for (const [word, text] of [
    ['exec', c.bannerExec],
    ['login', c.bannerLogin],
    ['motd', c.bannerMotd],
  ] as const) {
    if (text === undefined) continue;
    const d = bannerDelimiter(text);
    banners.push(...`banner ${word} ${d}${text}${d}`.split('\n'));
  }
  // A router's control plane (IOS 15 on a 1941: no policy in it), before the banners.
  if (kind === 'router') blocks.push(['control-plane']);
  blocks.push(banners, aliasConfigLines(c));
  // The line blocks follow each other without "!" between them; a router has its aux port's.
  blocks.push([
    ...lineBlock(kind, 'line con 0', c.lineConsole),
    ...(kind === 'router' ? ['line aux 0'] : []),
    ...vtyLines(kind, c.lineVty),
  ]);
  // NTP's lines come last, after the lines' and a router's scheduler (IOL, 2960 and ISR captures).
  if (kind === 'router') blocks.push(['scheduler allocate 20000 1000', ...ntpConfigLines(c.ntp)]);
  else blocks.push(ntpConfigLines(c.ntp));

  const out = ['!'];
  for (const b of blocks) if (b.length > 0) out.push(...b, '!');
  out.push('end');
  return `${out.join('\n')}\n`;
}
