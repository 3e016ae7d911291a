/**
 * show interfaces [X], show interfaces description / status / switchport / trunk, laid out as IOS 15 on a
 * 1941 and a 2960 print them; live state comes from the engine.
 */

import type { InterfaceStatus, TrunkStatus } from '../../../engine/api.ts';
import type { DeviceConfig, InterfaceConfig } from '../../../shared/config.ts';
import { isPortChannel } from '../../../shared/etherchannel.ts';
import { formatIpv4 } from '../../../shared/ipv4.ts';
import { formatMacDotted } from '../../../shared/mac.ts';
import { isMultilayer } from '../../../shared/models.ts';
import { shortInterfaceName } from '../../../shared/ports.ts';
import {
  formatVlanList,
  hasVlan,
  isAllVlans,
  normalizeVlans,
  type VlanRanges,
} from '../../../shared/vlans.ts';
import type { IosDeviceContext } from '../../context.ts';
import { isRoutedPort } from '../config-edit.ts';
import { ago, vlanName } from './format.ts';

type Statuses = ReadonlyMap<string, InterfaceStatus>;

export function statuses(dev: IosDeviceContext): Statuses {
  return new Map(dev.sim.interfaces(dev.id).map((s) => [s.name, s]));
}

/**
 * A switch's ports as its show commands list them: the Port-channels after the physical ports,
 * where running-config puts them first (IOL and IOSv captures of `show ip interface brief` and
 * `show interfaces status`).
 */
function channelsLast<T>(entries: readonly [string, T][]): [string, T][] {
  const channel = ([n]: [string, T]) => isPortChannel(n);
  return [...entries.filter((e) => !channel(e)), ...entries.filter(channel)];
}

/**
 * Interfaces in the order show commands list them: a 2960 puts its VLAN interfaces first and
 * its Port-channels after its ports, a 1941 keeps the running-config order. With their statuses
 * `st`, those set to `ip address dhcp` have the address they leased, as the shows list it.
 */
export function shownInOrder(
  kind: 'router' | 'switch',
  c: DeviceConfig,
  st?: Statuses,
): [string, InterfaceConfig][] {
  const all = Object.entries(c.interfaces).map(([name, i]): [string, InterfaceConfig] => {
    const leased = i.ipDhcp ? st?.get(name)?.ip : undefined;
    return [name, leased === undefined ? i : { ...i, ip: leased }];
  });
  if (kind === 'router') return all;
  const svi = ([n]: [string, InterfaceConfig]) => n.startsWith('Vlan');
  return [...all.filter(svi), ...channelsLast(all.filter((e) => !svi(e)))];
}

/** Status and protocol words; an interface the engine does not know is down. */
export function state(
  i: InterfaceConfig,
  s: InterfaceStatus | undefined,
): { status: string; protocol: string } {
  if (s) return { status: s.status, protocol: s.protocol };
  return { status: i.shutdown ? 'administratively down' : 'down', protocol: 'down' };
}

/** 2960 port state words: connected, notconnect, disabled, err-disabled (and inactive: see below). */
function portState(i: InterfaceConfig, s: InterfaceStatus | undefined): string {
  if (i.shutdown) return 'disabled';
  if (s?.errDisabled !== undefined) return 'err-disabled';
  return s?.protocol === 'up' ? 'connected' : 'notconnect';
}

function hardware(kind: 'router' | 'switch', name: string): string {
  if (name.startsWith('Loopback')) return 'Loopback';
  if (name.startsWith('Vlan')) return 'EtherSVI';
  if (isPortChannel(name)) return 'EtherChannel';
  if (kind === 'router') return 'CN Gigabit Ethernet';
  return name.startsWith('Fast') ? 'Fast Ethernet' : 'Gigabit Ethernet';
}

type Family = 'routerPort' | 'switchPort' | 'portChannel' | 'subinterface' | 'svi' | 'loopback';

function family(kind: 'router' | 'switch', name: string): Family {
  if (name.includes('.')) return 'subinterface';
  if (name.startsWith('Loopback')) return 'loopback';
  if (name.startsWith('Vlan')) return 'svi';
  if (isPortChannel(name)) return 'portChannel';
  return kind === 'router' ? 'routerPort' : 'switchPort';
}

/** The counter block, which differs between physical ports, SVIs and loopbacks. */
function counters(f: Family, s: InterfaceStatus | undefined): string[] {
  const k = s?.counters;
  const rx = `     ${k?.rxFrames ?? 0} packets input, ${k?.rxBytes ?? 0} bytes, 0 no buffer`;
  const tx = `     ${k?.txFrames ?? 0} packets output, ${k?.txBytes ?? 0} bytes, 0 underruns`;
  const broadcasts = k?.rxBroadcasts ?? 0;
  // Group frames other than broadcasts; a switch counts them among its "broadcasts" too.
  const multicasts = k?.rxMulticasts ?? 0;
  const tail = ['     0 unknown protocol drops'];
  if (f === 'svi') {
    return [
      rx,
      `     Received ${broadcasts} broadcasts (0 IP multicasts)`,
      '     0 runts, 0 giants, 0 throttles',
      '     0 input errors, 0 CRC, 0 frame, 0 overrun, 0 ignored',
      tx,
      '     0 output errors, 0 interface resets',
      ...tail,
      '     0 output buffer failures, 0 output buffers swapped out',
    ];
  }
  if (f === 'loopback') {
    return [
      rx,
      `     Received ${broadcasts} broadcasts (0 IP multicasts)`,
      '     0 runts, 0 giants, 0 throttles',
      '     0 input errors, 0 CRC, 0 frame, 0 overrun, 0 ignored, 0 abort',
      tx,
      '     0 output errors, 0 collisions, 0 interface resets',
      ...tail,
      '     0 output buffer failures, 0 output buffers swapped out',
    ];
  }
  const sw = f === 'switchPort' || f === 'portChannel';
  return [
    rx,
    sw
      ? `     Received ${broadcasts + multicasts} broadcasts (${multicasts} multicasts)`
      : `     Received ${broadcasts} broadcasts (0 IP multicasts)`,
    '     0 runts, 0 giants, 0 throttles',
    '     0 input errors, 0 CRC, 0 frame, 0 overrun, 0 ignored',
    `     0 watchdog, ${multicasts} multicast, 0 pause input`,
    ...(sw ? ['     0 input packets with dribble condition detected'] : []),
    tx,
    '     0 output errors, 0 collisions, 0 interface resets',
    ...tail,
    '     0 babbles, 0 late collision, 0 deferred',
    `     0 lost carrier, 0 no carrier, 0 ${sw ? 'PAUSE' : 'pause'} output`,
    '     0 output buffer failures, 0 output buffers swapped out',
  ];
}

/**
 * Duplex and speed: as negotiated while the line is up (`up`, its status then), as configured
 * or "auto" otherwise.
 */
function linkLine(
  kind: 'router' | 'switch',
  name: string,
  i: InterfaceConfig,
  up: InterfaceStatus | undefined,
): string {
  const fast = name.startsWith('Fast');
  const mbps = up === undefined ? i.speed : up.bandwidth / 1e6;
  const duplex = up?.duplex ?? i.duplex;
  if (kind === 'router') {
    const d = duplex === undefined ? 'Auto Duplex' : duplex === 'full' ? 'Full Duplex' : 'Half Duplex';
    const sp = mbps === undefined ? 'Auto Speed' : mbps === 1000 ? '1Gbps' : `${mbps}Mbps`;
    return `  ${d}, ${sp}, media type is RJ45`;
  }
  const d = duplex === undefined ? 'Auto-duplex' : duplex === 'full' ? 'Full-duplex' : 'Half-duplex';
  const sp = mbps === undefined ? 'Auto-speed' : `${mbps}Mb/s`;
  return `  ${d}, ${sp}, media type is ${fast ? '10/100BaseTX' : '10/100/1000BaseTX'}`;
}

/** "  5 minute input rate 2000 bits/sec, 3 packets/sec": whole numbers, rounded down. */
const rateLine = (way: 'input' | 'output', bits = 0, packets = 0): string =>
  `  5 minute ${way} rate ${Math.floor(bits)} bits/sec, ${Math.floor(packets)} packets/sec`;

/**
 * A router port carrying 802.1Q subinterfaces reports that encapsulation, on VLAN 1 (IOSv,
 * IOL, ISR G2 and ISR 4221 captures).
 */
function encapsulation(dev: IosDeviceContext, name: string, f: Family): string {
  if (f === 'loopback') return 'LOOPBACK';
  if (f !== 'routerPort') return 'ARPA';
  const prefix = `${name}.`;
  for (const [n, i] of Object.entries(dev.runningConfig().interfaces)) {
    if (n.startsWith(prefix) && i.dot1q !== undefined) return '802.1Q Virtual LAN, Vlan ID  1.';
  }
  return 'ARPA';
}

/** The ports bundled in Port-channel `name`, in port order. */
function bundled(dev: IosDeviceContext, name: string): string[] {
  const channel = dev.sim.etherChannels(dev.id).channels.find((c) => c.name === name);
  return channel?.members.filter((m) => m.flag === 'P').map((m) => m.port) ?? [];
}

/**
 * A Port-channel's link lines (2960 captures): its members' duplex and speed once one is
 * bundled, then the bundled members.
 */
function channelLines(dev: IosDeviceContext, name: string, st: Statuses): string[] {
  const members = bundled(dev, name);
  const first = members[0] === undefined ? undefined : st.get(members[0]);
  const link =
    first?.duplex === undefined
      ? 'Auto-duplex, Auto-speed'
      : `${first.duplex === 'full' ? 'Full' : 'Half'}-duplex, ${first.bandwidth / 1e6}Mb/s`;
  return [
    `  ${link}, link type is auto, media type is unknown`,
    '  input flow-control is off, output flow-control is unsupported',
    ...(members.length > 0
      ? [`  Members in this channel: ${members.map(shortInterfaceName).join(' ')}`]
      : []),
  ];
}

function oneInterface(dev: IosDeviceContext, name: string, i: InterfaceConfig, st: Statuses): string[] {
  const s = st.get(name);
  const { status, protocol } = state(i, s);
  const f = family(dev.kind, name);
  const now = dev.sim.now();
  const suffix = f === 'switchPort' || f === 'portChannel' ? ` (${portState(i, s)})` : '';
  const out = [`${name} is ${status}, line protocol is ${protocol}${suffix}`];
  const hw = hardware(dev.kind, name);
  if (f === 'loopback') out.push('  Hardware is Loopback');
  else {
    const mac = formatMacDotted(s?.mac ?? dev.sim.baseMac(dev.id));
    out.push(`  Hardware is ${hw}, address is ${mac} (bia ${mac})`);
  }
  if (i.description !== undefined) out.push(`  Description: ${i.description}`);
  if (i.ip) out.push(`  Internet address is ${formatIpv4(i.ip.addr)}/${i.ip.len}`);
  // `ip address dhcp` without a lease (IOS 12.3 and 15 captures, IOL's and a 2960's among them).
  else if (i.ipDhcp) out.push('  Internet address will be negotiated using DHCP');
  const speed = i.speed !== undefined ? i.speed * 1e6 : (s?.bandwidth ?? (f === 'loopback' ? 8e9 : 1e9));
  // `bandwidth` sets BW and the load's yardstick; the delay follows the line's own speed.
  const bps = i.bandwidth !== undefined ? i.bandwidth * 1000 : speed;
  const kbit = Math.floor(bps / 1000);
  const delay = speed >= 1e9 ? 10 : speed >= 1e8 ? 100 : 1000;
  if (f === 'loopback') out.push(`  MTU 1514 bytes, BW ${kbit} Kbit/sec, DLY 5000 usec,`);
  else out.push(`  MTU 1500 bytes, BW ${kbit} Kbit/sec, DLY ${delay} usec,`);
  const rates = s?.rates;
  // IOS's load: the rate as a fraction of the bandwidth in 255ths, rounded down, at least 1.
  const load = (bits: number | undefined) => Math.max(1, Math.floor((255 * (bits ?? 0)) / bps));
  out.push(`     reliability 255/255, txload ${load(rates?.outBits)}/255, rxload ${load(rates?.inBits)}/255`);
  if (f === 'subinterface') {
    out.push(
      `  Encapsulation 802.1Q Virtual LAN, Vlan ID  ${i.dot1q?.vlan ?? 1}.`,
      arpLine(i),
      '  Keepalive set (10 sec)',
      `  Last clearing of "show interface" counters ${ago(now, s?.countersCleared)}`,
    );
    return out;
  }
  out.push(`  Encapsulation ${encapsulation(dev, name, f)}, loopback not set`);
  out.push(f === 'svi' ? '  Keepalive not supported' : '  Keepalive set (10 sec)');
  if (f === 'routerPort' || f === 'switchPort') {
    out.push(linkLine(dev.kind, name, i, s?.protocol === 'up' ? s : undefined));
    out.push(
      f === 'routerPort'
        ? '  output flow-control is unsupported, input flow-control is unsupported'
        : '  input flow-control is off, output flow-control is unsupported',
    );
  }
  if (f === 'portChannel') out.push(...channelLines(dev, name, st));
  if (f !== 'loopback') out.push(arpLine(i));
  out.push(
    `  Last input ${ago(now, s?.lastInput)}, output ${ago(now, s?.lastOutput)}, output hang never`,
    `  Last clearing of "show interface" counters ${ago(now, s?.countersCleared)}`,
    `  Input queue: 0/75/0/0 (size/max/drops/flushes); Total output drops: ${s?.counters.drops ?? 0}`,
    '  Queueing strategy: fifo',
    `  Output queue: 0/${f === 'loopback' ? 0 : 40} (size/max)`,
    rateLine('input', rates?.inBits, rates?.inPackets),
    rateLine('output', rates?.outBits, rates?.outPackets),
    ...counters(f, s),
  );
  return out;
}

export function showInterfaces(dev: IosDeviceContext, c: DeviceConfig, only?: string): string[] {
  const st = statuses(dev);
  const out: string[] = [];
  for (const [name, i] of shownInOrder(dev.kind, c, st)) {
    if (only === undefined || only === name) out.push(...oneInterface(dev, name, i, st));
  }
  return out;
}

/**
 * show interfaces [X] description: every interface (a switch's VLAN interfaces first), its
 * state in `show ip interface brief`'s words ("admin down" for a shut one) and its
 * description. Columns from IOS 15 captures: 31, 15 and 9 characters.
 */
export function showInterfacesDescription(dev: IosDeviceContext, c: DeviceConfig, only?: string): string[] {
  const st = statuses(dev);
  const out = ['Interface                      Status         Protocol Description'];
  for (const [name, i] of shownInOrder(dev.kind, c)) {
    if (only !== undefined && name !== only) continue;
    const { status, protocol } = state(i, st.get(name));
    const shown = status === 'administratively down' ? 'admin down' : status;
    out.push(
      `${shortInterfaceName(name).padEnd(31)}${shown.padEnd(15)}${protocol.padEnd(9)}${i.description ?? ''}`.trimEnd(),
    );
  }
  return out;
}

/** show interfaces [X] status: every switch port and routed port, or only `only`. */
export function showInterfacesStatus(dev: IosDeviceContext, c: DeviceConfig, only?: string): string[] {
  const st = statuses(dev);
  const out = ['', 'Port      Name               Status       Vlan       Duplex  Speed Type'];
  for (const [name, i] of channelsLast(Object.entries(c.interfaces))) {
    const routed = isRoutedPort(dev.kind, name, i);
    if ((!i.switchport && !routed) || (only !== undefined && name !== only)) continue;
    const s = st.get(name);
    const connected = portState(i, s) === 'connected';
    const channel = isPortChannel(name);
    // A Port-channel's link is its first bundled member's; it has no VLAN while it is down
    // (IOSv's capture) and no media type of its own.
    const first = channel ? bundled(dev, name)[0] : undefined;
    const link = channel ? (first === undefined ? undefined : st.get(first)) : s;
    // A port set to trunk shows "trunk" even while its line is down.
    const sp = i.switchport;
    const trunk =
      sp !== undefined &&
      (s?.switchportOperMode === 'trunk' || (s?.switchportOperMode !== 'access' && sp.mode === 'trunk'));
    const vlan =
      sp === undefined
        ? 'routed'
        : channel && !connected
          ? 'unassigned'
          : trunk
            ? 'trunk'
            : String(sp.accessVlan);
    // A connected access port whose VLAN is not in the VLAN database forwards nothing.
    const inactive = connected && sp !== undefined && !trunk && vlanName(c, sp.accessVlan) === undefined;
    const fast = name.startsWith('Fast');
    // Settings print as set; what the port negotiated carries "a-" once the link is up.
    const speed =
      i.speed !== undefined
        ? String(i.speed)
        : connected && link !== undefined
          ? `a-${link.bandwidth / 1e6}`
          : 'auto';
    const duplex = i.duplex ?? (connected && link?.duplex !== undefined ? `a-${link.duplex}` : 'auto');
    const type = channel ? '' : fast ? '10/100BaseTX' : '10/100/1000BaseTX';
    const label = (i.description ?? '').slice(0, 18);
    out.push(
      `${shortInterfaceName(name).padEnd(10)}${label.padEnd(19)}${(inactive ? 'inactive' : portState(i, s)).padEnd(13)}${vlan.padEnd(11)}` +
        `${duplex.padStart(6)}${speed.padStart(7)} ${type}`.trimEnd(),
    );
  }
  return out;
}

/** show interfaces [X] status err-disabled: the error-disabled ports and why. */
export function showInterfacesErrDisabled(dev: IosDeviceContext, c: DeviceConfig, only?: string): string[] {
  const st = statuses(dev);
  const out = ['', 'Port      Name               Status       Reason               Err-disabled Vlans'];
  for (const [name, i] of channelsLast(Object.entries(c.interfaces))) {
    const reason = st.get(name)?.errDisabled;
    if (!i.switchport || reason === undefined || i.shutdown || (only !== undefined && name !== only))
      continue;
    const label = (i.description ?? '').slice(0, 18);
    out.push(
      `${shortInterfaceName(name).padEnd(10)}${label.padEnd(19)}${'err-disabled'.padEnd(13)}${reason}`,
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
  for (const [name, i] of channelsLast(Object.entries(c.interfaces))) {
    const sp = i.switchport;
    if (only !== undefined && only !== name) continue;
    if (!sp) {
      // A routed port (IOSvL2 capture: these two lines only).
      if (isRoutedPort(dev.kind, name, i)) {
        if (out.length > 0) out.push('');
        out.push(`Name: ${shortInterfaceName(name)}`, 'Switchport: Disabled');
      }
      continue;
    }
    const s = st.get(name);
    const oper = s?.switchportOperMode ?? 'down';
    if (out.length > 0) out.push('');
    out.push(
      `Name: ${shortInterfaceName(name)}`,
      'Switchport: Enabled',
      `Administrative Mode: ${ADMIN_MODE[sp.mode]}`,
      `Operational Mode: ${oper === 'access' ? 'static access' : oper}`,
      // A 3560 negotiates the encapsulation unless told; a 2960 has only 802.1Q.
      `Administrative Trunking Encapsulation: ${isMultilayer(dev.model) ? (sp.trunkEncapsulation ?? 'negotiate') : 'dot1q'}`,
      // A port that is down has no operational encapsulation, so IOS leaves the line out.
      ...(oper === 'down'
        ? []
        : [`Operational Trunking Encapsulation: ${oper === 'trunk' ? 'dot1q' : 'native'}`]),
      `Negotiation of Trunking: ${sp.mode === 'access' || sp.nonegotiate ? 'Off' : 'On'}`,
      `Access Mode VLAN: ${named(sp.accessVlan)}`,
      `Trunking Native Mode VLAN: ${named(sp.nativeVlan)}`,
      'Administrative Native VLAN tagging: enabled',
      'Voice VLAN: none',
      'Administrative private-vlan host-association: none',
      'Administrative private-vlan mapping: none',
      'Administrative private-vlan trunk native VLAN: none',
      'Administrative private-vlan trunk Native VLAN tagging: enabled',
      'Administrative private-vlan trunk encapsulation: dot1q',
      'Administrative private-vlan trunk normal VLANs: none',
      'Administrative private-vlan trunk associations: none',
      'Administrative private-vlan trunk mappings: none',
      'Operational private-vlan: none',
      `Trunking VLANs Enabled: ${isAllVlans(sp.allowedVlans) ? 'ALL' : formatVlanList(sp.allowedVlans)}`,
      'Pruning VLANs Enabled: 2-1001',
      'Capture Mode Disabled',
      'Capture VLANs Allowed: ALL',
      '',
      'Protected: false',
      'Unknown unicast blocked: disabled',
      'Unknown multicast blocked: disabled',
      'Appliance trust: none',
    );
  }
  return out;
}

/**
 * The Encapsulation column. A 3560 port left to negotiate shows what it agreed on with an
 * "n-" (the trunks Trame forms are all 802.1Q, ISL being not simulated), or "negotiate" while
 * it is not trunking.
 */
function encapsulationOf(dev: IosDeviceContext, c: DeviceConfig, t: TrunkRow): string {
  if (!isMultilayer(dev.model) || c.interfaces[t.port]?.switchport?.trunkEncapsulation !== undefined) {
    return t.encapsulation;
  }
  return t.status === 'not-trunking' ? 'negotiate' : `n-${t.encapsulation}`;
}

/** `show interfaces trunk`'s Mode column for a port that is not trunking. */
const NOT_TRUNKING_MODE: Record<string, string> = {
  access: 'off',
  trunk: 'on',
  'dynamic-auto': 'auto',
  'dynamic-desirable': 'desirable',
};

type TrunkRow = Omit<TrunkStatus, 'status' | 'mode'> & { readonly mode: string; readonly status: string };

/**
 * `show interfaces [X] trunk`: the trunking ports, or port `only`, which IOS shows even when
 * it is not trunking, carrying its access VLAN (captures of 2960 and 3750 ports in auto and
 * off mode).
 */
export function showInterfacesTrunk(dev: IosDeviceContext, c: DeviceConfig, only?: string): string[] {
  let trunks: TrunkRow[] = dev.sim.trunks(dev.id).filter((t) => only === undefined || t.port === only);
  const sp = only === undefined ? undefined : c.interfaces[only]?.switchport;
  if (only !== undefined && trunks.length === 0 && sp !== undefined) {
    // A port set to trunk whose line is down keeps its trunk's VLANs, none of them forwarding
    // (no capture shows this case); any other port carries its access VLAN.
    const trunk = sp.mode === 'trunk';
    const allowed: VlanRanges = trunk ? sp.allowedVlans : [[sp.accessVlan, sp.accessVlan]];
    const active = normalizeVlans(
      c.vlans.filter((v) => hasVlan(allowed, v.id)).map((v) => [v.id, v.id] as const),
    );
    trunks = [
      {
        port: only,
        mode: NOT_TRUNKING_MODE[sp.mode]!,
        encapsulation: '802.1q',
        status: 'not-trunking',
        nativeVlan: sp.nativeVlan,
        allowed,
        active,
        forwarding: trunk ? [] : active,
      },
    ];
  }
  if (trunks.length === 0) return [];
  const port = (name: string) => shortInterfaceName(name).padEnd(12);
  const section = (title: string, list: (t: TrunkRow) => string) => [
    '',
    `Port        ${title}`,
    ...trunks.map((t) => `${port(t.port)}${list(t)}`),
  ];
  const list = (v: Parameters<typeof formatVlanList>[0]) => (v.length === 0 ? 'none' : formatVlanList(v));
  return [
    '',
    'Port        Mode             Encapsulation  Status        Native vlan',
    ...trunks.map(
      (t) =>
        `${port(t.port)}${t.mode.padEnd(17)}${encapsulationOf(dev, c, t).padEnd(15)}${t.status.padEnd(14)}${t.nativeVlan}`,
    ),
    ...section('Vlans allowed on trunk', (t) => list(t.allowed)),
    ...section('Vlans allowed and active in management domain', (t) => list(t.active)),
    ...section('Vlans in spanning tree forwarding state and not pruned', (t) => list(t.forwarding)),
  ];
}

/** The ARP line: IOS's 4 hours unless `arp timeout` says otherwise, as hh:mm:ss. */
function arpLine(i: InterfaceConfig): string {
  const t = i.arpTimeout ?? 4 * 3600;
  const two = (n: number) => String(n).padStart(2, '0');
  return `  ARP type: ARPA, ARP Timeout ${two(Math.floor(t / 3600))}:${two(Math.floor(t / 60) % 60)}:${two(t % 60)}`;
}
