/**
 * show ip interface brief, show interfaces [X], show interfaces status / switchport / trunk,
 * laid out as IOS 15 on a 1941 and a 2960 print them; live state comes from the engine.
 */
import type { InterfaceStatus } from '../../../engine/api.ts';
import type { DeviceConfig, InterfaceConfig } from '../../../shared/config.ts';
import { formatIpv4 } from '../../../shared/ipv4.ts';
import { formatMacDotted } from '../../../shared/mac.ts';
import { shortInterfaceName } from '../../../shared/ports.ts';
import { formatVlanList, isAllVlans } from '../../../shared/vlans.ts';
import type { IosDeviceContext } from '../../context.ts';
import { isPhysical } from '../config-edit.ts';
import { vlanName } from './format.ts';

type Statuses = ReadonlyMap<string, InterfaceStatus>;

function statuses(dev: IosDeviceContext): Statuses {
  return new Map(dev.sim.interfaces(dev.id).map((s) => [s.name, s]));
}

/** Status and protocol words; an interface the engine does not know is down. */
function state(i: InterfaceConfig, s: InterfaceStatus | undefined): { status: string; protocol: string } {
  if (s) return { status: s.status, protocol: s.protocol };
  return { status: i.shutdown ? 'administratively down' : 'down', protocol: 'down' };
}

export function showIpInterfaceBrief(dev: IosDeviceContext, c: DeviceConfig): string[] {
  const st = statuses(dev);
  const out = ['Interface              IP-Address      OK? Method Status                Protocol'];
  for (const [name, i] of Object.entries(c.interfaces)) {
    const { status, protocol } = state(i, st.get(name));
    const ip = i.ip ? formatIpv4(i.ip.addr) : 'unassigned';
    const method = i.ip ? 'manual' : 'unset';
    out.push(`${name.padEnd(23)}${ip.padEnd(16)}YES ${method.padEnd(7)}${status.padEnd(22)}${protocol}`);
  }
  return out;
}

/** 2960 port state words: connected, notconnect, disabled. */
function portState(i: InterfaceConfig, s: InterfaceStatus | undefined): string {
  if (i.shutdown) return 'disabled';
  return s?.protocol === 'up' ? 'connected' : 'notconnect';
}

function hardware(kind: 'router' | 'switch', name: string): string {
  if (name.startsWith('Loopback')) return 'Loopback';
  if (name.startsWith('Vlan')) return 'EtherSVI';
  if (kind === 'router') return 'CN Gigabit Ethernet';
  return name.startsWith('Fast') ? 'Fast Ethernet' : 'Gigabit Ethernet';
}

function counters(s: InterfaceStatus | undefined): string[] {
  const k = s?.counters;
  return [
    `     ${k?.rxFrames ?? 0} packets input, ${k?.rxBytes ?? 0} bytes, 0 no buffer`,
    `     Received ${k?.rxBroadcasts ?? 0} broadcasts (0 IP multicasts)`,
    '     0 runts, 0 giants, 0 throttles',
    '     0 input errors, 0 CRC, 0 frame, 0 overrun, 0 ignored',
    '     0 watchdog, 0 multicast, 0 pause input',
    `     ${k?.txFrames ?? 0} packets output, ${k?.txBytes ?? 0} bytes, 0 underruns`,
    '     0 output errors, 0 collisions, 0 interface resets',
    '     0 unknown protocol drops',
    '     0 babbles, 0 late collision, 0 deferred',
    '     0 lost carrier, 0 no carrier, 0 pause output',
    '     0 output buffer failures, 0 output buffers swapped out',
  ];
}

function oneInterface(
  dev: IosDeviceContext,
  name: string,
  i: InterfaceConfig,
  s: InterfaceStatus | undefined,
): string[] {
  const { status, protocol } = state(i, s);
  const switchPort = dev.kind === 'switch' && isPhysical('switch', name);
  const suffix = switchPort ? ` (${portState(i, s)})` : '';
  const out = [`${name} is ${status}, line protocol is ${protocol}${suffix}`];
  const hw = hardware(dev.kind, name);
  if (hw === 'Loopback') out.push('  Hardware is Loopback');
  else {
    const mac = formatMacDotted(s?.mac ?? dev.sim.baseMac(dev.id));
    out.push(`  Hardware is ${hw}, address is ${mac} (bia ${mac})`);
  }
  if (i.description !== undefined) out.push(`  Description: ${i.description}`);
  if (i.ip) out.push(`  Internet address is ${formatIpv4(i.ip.addr)}/${i.ip.len}`);
  const kbit = Math.floor((s?.bandwidth ?? (hw === 'Loopback' ? 8e9 : 1e9)) / 1000);
  if (hw === 'Loopback') out.push(`  MTU 1514 bytes, BW ${kbit} Kbit/sec, DLY 5000 usec,`);
  else out.push(`  MTU 1500 bytes, BW ${kbit} Kbit/sec, DLY ${kbit >= 1_000_000 ? 10 : 100} usec,`);
  out.push('     reliability 255/255, txload 1/255, rxload 1/255');
  if (i.dot1q) out.push(`  Encapsulation 802.1Q Virtual LAN, Vlan ID  ${i.dot1q.vlan}.`);
  else out.push(`  Encapsulation ${hw === 'Loopback' ? 'LOOPBACK' : 'ARPA'}, loopback not set`);
  if (!name.includes('.')) out.push('  Keepalive set (10 sec)');
  if (isPhysical(dev.kind, name)) {
    const up = s?.protocol === 'up';
    if (dev.kind === 'router')
      out.push(`  ${up ? 'Full Duplex, 1Gbps' : 'Auto Duplex, Auto Speed'}, media type is RJ45`);
    else {
      const speed = name.startsWith('Fast') ? '100Mb/s' : '1000Mb/s';
      const media = name.startsWith('Fast') ? '10/100BaseTX' : '10/100/1000BaseTX';
      out.push(`  ${up ? `Full-duplex, ${speed}` : 'Auto-duplex, Auto-speed'}, media type is ${media}`);
    }
  }
  if (hw !== 'Loopback') out.push('  ARP type: ARPA, ARP Timeout 04:00:00');
  out.push('  Last clearing of "show interface" counters never');
  if (!name.includes('.')) {
    out.push(
      `  Input queue: 0/75/0/0 (size/max/drops/flushes); Total output drops: ${s?.counters.drops ?? 0}`,
      '  Queueing strategy: fifo',
      '  Output queue: 0/40 (size/max)',
      '  5 minute input rate 0 bits/sec, 0 packets/sec',
      '  5 minute output rate 0 bits/sec, 0 packets/sec',
      ...counters(s),
    );
  }
  return out;
}

export function showInterfaces(dev: IosDeviceContext, c: DeviceConfig, only?: string): string[] {
  const st = statuses(dev);
  const out: string[] = [];
  for (const [name, i] of Object.entries(c.interfaces)) {
    if (only === undefined || only === name) out.push(...oneInterface(dev, name, i, st.get(name)));
  }
  return out;
}

export function showInterfacesStatus(dev: IosDeviceContext, c: DeviceConfig): string[] {
  const st = statuses(dev);
  const out = ['', 'Port      Name               Status       Vlan       Duplex  Speed Type'];
  for (const [name, i] of Object.entries(c.interfaces)) {
    if (!i.switchport) continue;
    const s = st.get(name);
    const connected = portState(i, s) === 'connected';
    const trunk = s?.switchportOperMode === 'trunk' || (s === undefined && i.switchport.mode === 'trunk');
    const vlan = trunk ? 'trunk' : String(i.switchport.accessVlan);
    const fast = name.startsWith('Fast');
    const speed = connected ? (fast ? 'a-100' : 'a-1000') : 'auto';
    const type = fast ? '10/100BaseTX' : '10/100/1000BaseTX';
    const label = (i.description ?? '').slice(0, 18);
    out.push(
      `${shortInterfaceName(name).padEnd(10)}${label.padEnd(19)}${portState(i, s).padEnd(13)}${vlan.padEnd(11)}` +
        `${(connected ? 'a-full' : 'auto').padStart(6)}${speed.padStart(7)} ${type}`,
    );
  }
  return out;
}

const ADMIN_MODE: Record<string, string> = {
  access: 'static access',
  trunk: 'trunk',
  'dynamic-auto': 'dynamic auto',
  'dynamic-desirable': 'dynamic desirable',
};

export function showInterfacesSwitchport(dev: IosDeviceContext, c: DeviceConfig, only?: string): string[] {
  const st = statuses(dev);
  const out: string[] = [];
  const named = (id: number) => `${id} (${vlanName(c, id) ?? 'Inactive'})`;
  for (const [name, i] of Object.entries(c.interfaces)) {
    const sp = i.switchport;
    if (!sp || (only !== undefined && only !== name)) continue;
    const s = st.get(name);
    const oper = s?.switchportOperMode ?? 'down';
    if (out.length > 0) out.push('');
    out.push(
      `Name: ${shortInterfaceName(name)}`,
      'Switchport: Enabled',
      `Administrative Mode: ${ADMIN_MODE[sp.mode]}`,
      `Operational Mode: ${oper === 'access' ? 'static access' : oper}`,
      'Administrative Trunking Encapsulation: dot1q',
      ...(oper === 'trunk' ? ['Operational Trunking Encapsulation: dot1q'] : []),
      `Negotiation of Trunking: ${sp.mode === 'access' || sp.nonegotiate ? 'Off' : 'On'}`,
      `Access Mode VLAN: ${named(sp.accessVlan)}`,
      `Trunking Native Mode VLAN: ${named(sp.nativeVlan)}`,
      'Voice VLAN: none',
      'Administrative private-vlan host-association: none',
      'Administrative private-vlan mapping: none',
      'Administrative private-vlan trunk native VLAN: none',
      'Administrative private-vlan trunk encapsulation: dot1q',
      'Administrative private-vlan trunk normal VLANs: none',
      'Administrative private-vlan trunk private VLANs: none',
      'Operational private-vlan: none',
      `Trunking VLANs Enabled: ${isAllVlans(sp.allowedVlans) ? 'ALL' : formatVlanList(sp.allowedVlans)}`,
      'Pruning VLANs Enabled: 2-1001',
      'Capture Mode Disabled',
      'Capture VLANs Allowed: ALL',
      'Protected: false',
      'Unknown unicast blocked: disabled',
      'Unknown multicast blocked: disabled',
      'Appliance trust: none',
    );
  }
  return out;
}

export function showInterfacesTrunk(dev: IosDeviceContext): string[] {
  const trunks = dev.sim.trunks(dev.id);
  if (trunks.length === 0) return [];
  const port = (name: string) => shortInterfaceName(name).padEnd(12);
  const section = (title: string, list: (t: (typeof trunks)[number]) => string) => [
    '',
    `Port        ${title}`,
    ...trunks.map((t) => `${port(t.port)}${list(t)}`),
  ];
  return [
    '',
    'Port        Mode         Encapsulation  Status        Native vlan',
    ...trunks.map(
      (t) =>
        `${port(t.port)}${t.mode.padEnd(13)}${t.encapsulation.padEnd(15)}${t.status.padEnd(14)}${t.nativeVlan}`,
    ),
    ...section('Vlans allowed on trunk', (t) => formatVlanList(t.allowed)),
    ...section('Vlans allowed and active in management domain', (t) => formatVlanList(t.active)),
    ...section('Vlans in spanning tree forwarding state and not pruned', (t) => formatVlanList(t.forwarding)),
    '',
  ];
}
