/**
 * show ip interface [brief]. The Method column (and "Address determined by") says where an
 * interface's addressing came from: NVRAM when the device booted with it from the
 * startup-config, manual when it was typed since, DHCP for `ip address dhcp`, unset when it
 * was never configured.
 */
import type { InterfaceConfig } from '../../../shared/config.ts';
import { formatIpv4, type Ipv4Addr } from '../../../shared/ipv4.ts';
import { compareInterfaceNames } from '../../../shared/ports.ts';
import { interfacesNamed, parseConfigText } from '../../config-text.ts';
import type { IosEnv } from '../env.ts';
import { shownInOrder, state, statuses } from './interfaces.ts';

export type AddressMethod = 'NVRAM' | 'manual' | 'DHCP' | 'unset';

const sameAddress = (a: InterfaceConfig['ip'], b: InterfaceConfig['ip']): boolean =>
  a?.addr === b?.addr && a?.len === b?.len;

export function addressMethod(env: IosEnv, name: string, i: InterfaceConfig): AddressMethod {
  if (i.switchport) return 'unset';
  if (i.ipDhcp) return 'DHCP';
  const rt = env.runtime;
  if (rt?.typedAddresses.has(name)) return 'manual';
  const startup = rt?.startup((text) => ({
    config: parseConfigText(env.platform, text).config,
    interfaces: interfacesNamed(text),
  }));
  if (startup?.interfaces.has(name) && sameAddress(startup.config.interfaces[name]?.ip, i.ip)) return 'NVRAM';
  return i.ip ? 'manual' : 'unset';
}

/** IOS 15 on a 1941 widens the first column for its Embedded-Service-Engine0/0; a 2960 does not. */
const NAME_WIDTH = { router: 27, switch: 23 } as const;

export function showIpInterfaceBrief(env: IosEnv): string[] {
  const st = statuses(env.device!);
  const w = NAME_WIDTH[env.kind];
  const out = [`${'Interface'.padEnd(w)}IP-Address      OK? Method Status                Protocol`];
  const row = (name: string, ip: string, method: string, status: string, protocol: string) =>
    `${name.padEnd(w)}${ip.padEnd(16)}YES ${method.padEnd(7)}${status.padEnd(22)}${protocol}`;
  const deleted = [...(env.runtime?.deletedInterfaces ?? [])].sort(compareInterfaceNames);
  for (const [name, i] of shownInOrder(env.kind, env.config(), st)) {
    while (deleted.length > 0 && compareInterfaceNames(deleted[0]!, name) < 0) {
      out.push(row(deleted.shift()!, 'unassigned', 'manual', 'deleted', 'down'));
    }
    const { status, protocol } = state(i, st.get(name));
    out.push(
      row(name, i.ip ? formatIpv4(i.ip.addr) : 'unassigned', addressMethod(env, name, i), status, protocol),
    );
  }
  for (const name of deleted) out.push(row(name, 'unassigned', 'manual', 'deleted', 'down'));
  return out;
}

/**
 * The groups OSPF joins on an interface it runs on: AllSPFRouters (224.0.0.5), and on a
 * broadcast network AllDRouters (224.0.0.6) too (IOS 12.4 and 15 captures: Ethernet, serial,
 * loopback). No line where nothing is joined.
 */
function multicastLines(env: IosEnv, name: string): string[] {
  const groups = new Set<string>();
  for (const p of env.device!.sim.ospf(env.device!.id))
    for (const i of p.interfaces) {
      if (i.name !== name || i.state === 'DOWN') continue;
      groups.add('224.0.0.5');
      if (i.network === 'BROADCAST') groups.add('224.0.0.6');
    }
  return groups.size === 0 ? [] : [`  Multicast reserved groups joined: ${[...groups].join(' ')}`];
}

/** The details IOS lists for an interface with an address, with Trame's settings where it has them. */
function details(env: IosEnv, name: string, i: InterfaceConfig): string[] {
  const ip = i.ip!;
  const method = addressMethod(env, name, i);
  const determined =
    method === 'NVRAM' ? 'non-volatile memory' : method === 'DHCP' ? 'DHCP' : 'setup command';
  return [
    `  Internet address is ${formatIpv4(ip.addr)}/${ip.len}`,
    '  Broadcast address is 255.255.255.255',
    `  Address determined by ${determined}`,
    `  MTU is ${name.startsWith('Loopback') ? 1514 : 1500} bytes`,
    ...helperLines(i.helperAddresses ?? []),
    '  Directed broadcast forwarding is disabled',
    ...multicastLines(env, name),
    `  Outgoing access list is ${i.accessGroupOut ?? 'not set'}`,
    `  Inbound  access list is ${i.accessGroupIn ?? 'not set'}`,
    `  Proxy ARP is ${i.proxyArp ? 'enabled' : 'disabled'}`,
    '  Local Proxy ARP is disabled',
    '  Security level is default',
    '  Split horizon is enabled',
    `  ICMP redirects are ${i.redirects === false ? 'never' : 'always'} sent`,
    `  ICMP unreachables are ${i.unreachables === false ? 'never' : 'always'} sent`,
    '  ICMP mask replies are never sent',
    '  IP fast switching is enabled',
    '  IP Flow switching is disabled',
    '  IP CEF switching is enabled',
    '  IP CEF switching turbo vector',
    '  IP multicast fast switching is enabled',
    '  IP multicast distributed fast switching is disabled',
    '  IP route-cache flags are Fast, CEF',
    '  Router Discovery is disabled',
    '  IP output packet accounting is disabled',
    '  IP access violation accounting is disabled',
    '  TCP/IP header compression is disabled',
    '  RTP/IP header compression is disabled',
    '  Probe proxy name replies are disabled',
    '  Policy routing is disabled',
    '  Network address translation is disabled',
    '  BGP Policy Mapping is disabled',
    '  Input features: MCI Check',
    '  IPv4 WCCP Redirect outbound is disabled',
    '  IPv4 WCCP Redirect inbound is disabled',
    '  IPv4 WCCP Redirect exclude is disabled',
  ];
}

export function showIpInterface(env: IosEnv, only?: string): string[] {
  const st = statuses(env.device!);
  const out: string[] = [];
  for (const [name, i] of shownInOrder(env.kind, env.config(), st)) {
    if (only !== undefined && only !== name) continue;
    const { status, protocol } = state(i, st.get(name));
    out.push(`${name} is ${status}, line protocol is ${protocol}`);
    if (i.switchport) out.push('  Inbound  access list is not set');
    else out.push(...(i.ip ? details(env, name, i) : ['  Internet protocol processing disabled']));
  }
  return out;
}

/** `ip helper-address`: none, one, or several aligned under the first. */
function helperLines(helpers: readonly Ipv4Addr[]): string[] {
  if (helpers.length === 0) return ['  Helper address is not set'];
  if (helpers.length === 1) return [`  Helper address is ${formatIpv4(helpers[0]!)}`];
  const lead = '  Helper addresses are ';
  return helpers.map((h, k) => `${k === 0 ? lead : ' '.repeat(lead.length)}${formatIpv4(h)}`);
}
