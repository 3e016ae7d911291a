/**
 * The lines `debug ip icmp`, `debug arp`, `debug ip nat` and `debug ip ospf hello` print on the console, worded from the engine's
 * debugging log (engine/device/debug-log.ts) as IOS 15 prints them, each with its
 * `service timestamps debug datetime msec` stamp:
 *
 *   ICMP: echo reply sent, src 192.168.1.1, dst 192.168.1.10, topology BASE, dscp 0 topoid 0
 *   ICMP: dst (10.9.9.9) host unreachable sent to 192.168.1.10
 *   ICMP: time exceeded (time to live) sent to 10.1.1.1 (dest was 192.168.7.1)
 *   IP ARP: rcvd req src 192.168.100.6 aabb.cc00.6000, dst 192.168.100.7 Ethernet0/0
 *   IP ARP: sent req src 10.10.1.10 aabb.cc00.9100,
 *                    dst 10.10.1.1 0000.0000.0000 Ethernet0/0
 *   IP ARP req filtered src 10.10.2.10 aabb.cc00.1a00, dst 10.10.1.1 0000.0000.0000 wrong cable, interface Ethernet0/0
 *   NAT: s=192.168.1.1->11.10.10.1, d=192.168.2.1 [17]
 *   NAT*: s=192.168.2.1, d=11.10.10.1->192.168.1.1 [16]
 *   NAT: ICMP id=5->1024
 *   NAT: expiring 11.10.10.1 (192.168.1.1) icmp 13 (13)
 *
 * These are the formats of captures from IOS 12.4 and 15 routers. Those IOS only has in its
 * source (redirects, throttled requests) follow it. A 2960 is assumed to print the same.
 */
import type {
  ArpEntryDebugEvent,
  ArpPacketDebugEvent,
  DebugEvent,
  IcmpDebugEvent,
  NatExpireDebugEvent,
  NatTranslateDebugEvent,
  OspfHelloDebugEvent,
} from '../../engine/api.ts';
import { formatIpv4 as ip } from '../../shared/ipv4.ts';
import { formatMacDotted as mac } from '../../shared/mac.ts';
import { formatOspfArea } from '../../shared/ospf.ts';
import { shortInterfaceName } from '../../shared/ports.ts';
import type { IosDeviceContext } from '../context.ts';
import { EventFeed } from './event-feed.ts';
import type { LogEntry } from './shell.ts';

/** IOS 15's addition to its echo lines, for the base routing topology. */
const TOPOLOGY = ', topology BASE, dscp 0 topoid 0';

/** Destination unreachable's codes as IOS names them (RFC 792, RFC 1812). */
const UNREACHABLE: Readonly<Record<number, string>> = {
  0: 'net',
  1: 'host',
  2: 'protocol',
  3: 'port',
  4: 'frag. needed and DF set',
  13: 'administratively prohibited',
};

function icmpText(e: IcmpDebugEvent): string {
  const [src, dst] = [ip(e.src), ip(e.dst)];
  const about = e.about === undefined ? '' : ip(e.about);
  switch (e.type) {
    case 0:
      return `ICMP: echo reply ${e.sent ? 'sent' : 'rcvd'}, src ${src}, dst ${dst}${TOPOLOGY}`;
    case 3: {
      const what = UNREACHABLE[e.code] ?? `code ${e.code}`;
      return e.sent
        ? `ICMP: dst (${about}) ${what} unreachable sent to ${dst}`
        : `ICMP: dst (${dst}) ${what} unreachable rcv from ${src}`;
    }
    case 5: {
      const gw = e.gateway === undefined ? '' : ip(e.gateway);
      return e.sent
        ? `ICMP: redirect sent to ${dst} for dest ${about}, use gw ${gw}`
        : `ICMP: redirect rcvd from ${src} -- for ${about} use gw ${gw}`;
    }
    case 11:
      return e.sent
        ? `ICMP: time exceeded (${e.code === 1 ? 'reassembly' : 'time to live'}) sent to ${dst} (dest was ${about})`
        : `ICMP: time exceeded rcvd from ${src}`;
    default:
      return `ICMP: rcvd type ${e.type}, code ${e.code}, from ${src}`;
  }
}

function arpPacketText(e: ArpPacketDebugEvent): string {
  const op = e.request ? 'req' : 'rep';
  const from = `src ${ip(e.senderIp)} ${mac(e.senderMac)}`;
  switch (e.what) {
    case 'sent':
      // One message, two lines: IOS breaks it after the sender.
      return `IP ARP: sent ${op} ${from},\n${' '.repeat(17)}dst ${ip(e.targetIp)} ${mac(e.targetMac)} ${e.iface}`;
    case 'rcvd':
      return `IP ARP: rcvd ${op} ${from}, dst ${ip(e.targetIp)} ${e.iface}`;
    case 'filtered': {
      const line = `IP ARP ${op} filtered ${from}, dst ${ip(e.targetIp)} ${mac(e.targetMac)} ${e.reason}`;
      return e.reason === 'wrong cable' ? `${line}, interface ${e.iface}` : line;
    }
  }
}

function arpEntryText(e: ArpEntryDebugEvent): string {
  switch (e.what) {
    case 'created':
      return `IP ARP: creating entry for IP address: ${ip(e.ip)}, hw: ${mac(e.mac!)}`;
    case 'incomplete':
      return `IP ARP: creating incomplete entry for IP address: ${ip(e.ip)} interface ${e.iface}`;
    case 'throttled':
      return `IP ARP throttled out the ARP Request for ${ip(e.ip)}`;
  }
}

const PROTOCOLS: Readonly<Record<number, string>> = { 1: 'icmp', 6: 'tcp', 17: 'udp' };

/**
 * A translated datagram: the ports (or echo identifier) that changed, a message of their own,
 * then its addresses, "NAT*" when its translation was there (switched fast), "NAT" when made.
 */
function natTranslateLines(e: NatTranslateDebugEvent): string[] {
  const head = e.fast ? 'NAT*:' : 'NAT:';
  const s = e.srcTo === undefined ? ip(e.src) : `${ip(e.src)}->${ip(e.srcTo)}`;
  const d = e.dstTo === undefined ? ip(e.dst) : `${ip(e.dst)}->${ip(e.dstTo)}`;
  const line = `${head} s=${s}, d=${d} [${e.identification}]`;
  const p = e.ports;
  if (p === undefined) return [line];
  // The port fix-up prints its line before the address line (IOL captures: "NAT*: ICMP
  // id=5->1024" then "NAT*: s=..."; "NAT: TCP s=37189, d=9023->23" then "NAT: s=...").
  const inbound = e.dstTo !== undefined;
  if (e.protocol === 1) return [`${head} ICMP id=${inbound ? p.dst : p.src}->${p.to}`, line];
  const name = (PROTOCOLS[e.protocol] ?? String(e.protocol)).toUpperCase();
  const ports = inbound ? `s=${p.src}, d=${p.dst}->${p.to}` : `s=${p.src}->${p.to}, d=${p.dst}`;
  return [`${head} ${name} ${ports}`, line];
}

/** A translation that timed out: "expiring GLOBAL (LOCAL)", with the protocol and ports of a flow. */
function natExpireText(e: NatExpireDebugEvent): string {
  const ends = `${ip(e.global)} (${ip(e.local)})`;
  const proto = PROTOCOLS[e.protocol];
  return proto === undefined || e.globalPort < 0
    ? `NAT: expiring ${ends}`
    : `NAT: expiring ${ends} ${proto} ${e.globalPort} (${e.localPort})`;
}

/**
 * `debug ip ospf hello`: "OSPF-1 HELLO Gi0/0: Send hello to 224.0.0.5 area 0 from 10.0.0.1",
 * "... Rcv hello from 2.2.2.2 area 0 10.0.0.2", and for a hello refused "... Mismatched hello
 * parameters from 10.0.0.2" then "... Dead R 40 C 20, Hello R 10 C 5 Mask R 255.255.255.0 C
 * 255.255.255.0" (IOS 15 captures; the mask only where it is checked).
 */
function ospfHelloLines(e: OspfHelloDebugEvent): string[] {
  const lead = `OSPF-${e.pid} HELLO ${shortInterfaceName(e.iface)}: `;
  const area = formatOspfArea(e.area);
  switch (e.what) {
    case 'sent':
      return [`${lead}Send hello to ${ip(e.dst!)} area ${area} from ${ip(e.addr)}`];
    case 'rcvd':
      return [`${lead}Rcv hello from ${ip(e.routerId!)} area ${area} ${ip(e.addr)}`];
    case 'mismatch': {
      const { dead, hello, mask } = e.mismatch!;
      const masks = mask === undefined ? '' : ` Mask R ${ip(mask[0])} C ${ip(mask[1])}`;
      return [
        `${lead}Mismatched hello parameters from ${ip(e.addr)}`,
        `${lead}Dead R ${dead[0]} C ${dead[1]}, Hello R ${hello[0]} C ${hello[1]}${masks}`,
      ];
    }
  }
}

export function debugText(e: DebugEvent): string {
  if (e.facility === 'icmp') return icmpText(e);
  if (e.facility === 'nat' || e.facility === 'ospf-hello') return debugMessages(e).join('\n');
  return 'request' in e ? arpPacketText(e) : arpEntryText(e);
}

/**
 * The console messages of an event, each with its own stamp: one, but two for NAT's port
 * change and an OSPF hello refused.
 */
export function debugMessages(e: DebugEvent): string[] {
  if (e.facility === 'ospf-hello') return ospfHelloLines(e);
  if (e.facility !== 'nat') return [debugText(e)];
  if ('failed' in e) return [`NAT: translation failed (A), dropping packet s=${ip(e.src)} d=${ip(e.dst)}`];
  return 'expiring' in e ? [natExpireText(e)] : natTranslateLines(e);
}

/** The device's debugging output since the previous call. */
export class DebugMessages {
  private readonly feed: EventFeed<DebugEvent>;

  constructor(dev: IosDeviceContext) {
    this.feed = new EventFeed((since) => dev.sim.debugEvents(dev.id, since));
  }

  poll(): LogEntry[] {
    return this.feed.take().flatMap((e) => debugMessages(e).map((text) => ({ at: e.at, text, debug: true })));
  }
}
