/**
 * DeviceConfig -> IOS configuration text, in the order and layout `show running-config`
 * uses on IOS 15 (a 1941 router, a 2960 switch). Only what the structure holds is printed.
 * VLANs appear as `vlan N` blocks, as a switch in VTP transparent mode shows them, so the
 * text alone restores the VLAN database.
 */
import type { DeviceConfig, InterfaceConfig, LineConfig } from '../../shared/config.ts';
import { formatIpv4, maskFromLen } from '../../shared/ipv4.ts';
import { formatVlanList, isAllVlans } from '../../shared/vlans.ts';
import { encodeType7 } from '../crypto/type7.ts';
import type { IosKind } from './config-edit.ts';

export const IOS_VERSION: Record<IosKind, string> = { router: '15.2', switch: '15.0' };

const password = (c: DeviceConfig, plain: string): string =>
  c.servicePasswordEncryption ? `7 ${encodeType7(plain)}` : plain;

export function interfaceLines(name: string, i: InterfaceConfig): string[] {
  const out = [`interface ${name}`];
  if (i.description !== undefined) out.push(` description ${i.description}`);
  const sp = i.switchport;
  if (sp) {
    if (sp.accessVlan !== 1) out.push(` switchport access vlan ${sp.accessVlan}`);
    if (sp.nativeVlan !== 1) out.push(` switchport trunk native vlan ${sp.nativeVlan}`);
    if (!isAllVlans(sp.allowedVlans))
      out.push(` switchport trunk allowed vlan ${formatVlanList(sp.allowedVlans)}`);
    if (sp.mode === 'access' || sp.mode === 'trunk') out.push(` switchport mode ${sp.mode}`);
    if (sp.mode === 'dynamic-desirable') out.push(' switchport mode dynamic desirable');
    if (sp.nonegotiate) out.push(' switchport nonegotiate');
  }
  if (i.dot1q) out.push(` encapsulation dot1Q ${i.dot1q.vlan}${i.dot1q.native ? ' native' : ''}`);
  if (i.ip) out.push(` ip address ${formatIpv4(i.ip.addr)} ${formatIpv4(maskFromLen(i.ip.len))}`);
  else if (!sp && !name.includes('.')) out.push(' no ip address');
  if (!i.proxyArp && !sp) out.push(' no ip proxy-arp');
  if (i.shutdown) out.push(' shutdown');
  return out;
}

function lineBlock(c: DeviceConfig, header: string, l: LineConfig): string[] {
  const out = [header];
  if (l.password !== undefined) out.push(` password ${password(c, l.password)}`);
  if (l.login) out.push(' login');
  return out;
}

/** The configuration as IOS text, from the first "!" to "end", each line ending in "\n". */
export function renderRunningConfig(kind: IosKind, c: DeviceConfig): string {
  const blocks: string[][] = [];
  blocks.push([
    `version ${IOS_VERSION[kind]}`,
    c.servicePasswordEncryption ? 'service password-encryption' : 'no service password-encryption',
  ]);
  blocks.push([`hostname ${c.hostname}`]);
  const enable: string[] = [];
  if (c.enableSecret !== undefined) enable.push(`enable secret 5 ${c.enableSecret}`);
  if (c.enablePassword !== undefined) enable.push(`enable password ${password(c, c.enablePassword)}`);
  blocks.push(enable);
  const ipGlobal: string[] = [];
  if (!c.domainLookup) ipGlobal.push('no ip domain-lookup');
  if (kind === 'router' && !c.ipRouting) ipGlobal.push('no ip routing');
  blocks.push(ipGlobal);
  if (kind === 'switch') {
    for (const v of c.vlans) {
      if (v.id === 1) continue;
      blocks.push(v.name === undefined ? [`vlan ${v.id}`] : [`vlan ${v.id}`, ` name ${v.name}`]);
    }
  }
  for (const [name, i] of Object.entries(c.interfaces)) blocks.push(interfaceLines(name, i));
  const routes: string[] = [];
  if (c.defaultGateway !== undefined) routes.push(`ip default-gateway ${formatIpv4(c.defaultGateway)}`);
  for (const r of c.staticRoutes) {
    const parts = ['ip route', formatIpv4(r.prefix.addr), formatIpv4(maskFromLen(r.prefix.len))];
    if (r.exitInterface !== undefined) parts.push(r.exitInterface);
    if (r.nextHop !== undefined) parts.push(formatIpv4(r.nextHop));
    if (r.distance !== 1) parts.push(String(r.distance));
    routes.push(parts.join(' '));
  }
  blocks.push(routes);
  if (c.bannerMotd !== undefined) blocks.push(`banner motd ^C${c.bannerMotd}^C`.split('\n'));
  blocks.push(lineBlock(c, 'line con 0', c.lineConsole));
  const vty = lineBlock(c, 'line vty 0 4', c.lineVty);
  if (kind === 'switch') vty.push(...lineBlock(c, 'line vty 5 15', c.lineVty));
  blocks.push(vty);

  const lines = ['!'];
  for (const b of blocks) if (b.length > 0) lines.push(...b, '!');
  lines.push('end');
  return `${lines.join('\n')}\n`;
}
