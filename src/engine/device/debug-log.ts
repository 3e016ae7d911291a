/**
 * IOS `debug ip icmp`, `debug arp`, `debug ip nat` and `debug ip ospf hello`: which are on, and what they saw. The stack records
 * typed events (api.ts) and the console words them as IOS prints them. What a device forwards
 * for others is not seen: IOS switches it without a word (CEF), and these debugs report only
 * what the device itself sends, receives or learns. Nothing is recorded on the forwarding
 * path but what NAT translates, and only while `debug ip nat` is on.
 */

import type { Ipv4Addr } from '../../shared/ipv4.ts';
import type { MacAddr } from '../../shared/mac.ts';
import type { Micros } from '../../shared/time.ts';
import type { ArpFilterReason, DebugEvent, DebugFacility, OspfHelloDebugEvent } from '../api.ts';
import type { L3Interface } from './l3-interface.ts';
import { SeqLog, type SeqRead } from './seq-log.ts';

/** Events kept for a console that has not read them yet: a few seconds of a busy debug. */
const CAPACITY = 1000;

export class DebugLog {
  icmp = false;
  arp = false;
  nat = false;
  ospfHello = false;
  private readonly log = new SeqLog<DebugEvent>(CAPACITY);

  constructor(private readonly clock: { readonly now: number }) {}

  set(facility: DebugFacility, on: boolean): void {
    if (facility === 'icmp') this.icmp = on;
    else if (facility === 'arp') this.arp = on;
    else if (facility === 'nat') this.nat = on;
    else this.ospfHello = on;
  }

  /** `undebug all`, and what a reload does: debugging is not part of the configuration. */
  off(): void {
    this.icmp = false;
    this.arp = false;
    this.nat = false;
    this.ospfHello = false;
  }

  /** The facilities that are on, in the order `show debugging` lists them. */
  facilities(): DebugFacility[] {
    const on: DebugFacility[] = [];
    if (this.icmp) on.push('icmp');
    if (this.arp) on.push('arp');
    if (this.nat) on.push('nat');
    if (this.ospfHello) on.push('ospf-hello');
    return on;
  }

  read(since: number): SeqRead<DebugEvent> {
    return this.log.read(since);
  }

  /** An ICMP message sent or received; `about` and `gateway` for errors and redirects. */
  icmpMessage(
    sent: boolean,
    type: number,
    code: number,
    src: number,
    dst: number,
    about?: number,
    gateway?: number,
  ): void {
    this.log.push({
      facility: 'icmp',
      at: this.at(),
      sent,
      type,
      code,
      src: src as Ipv4Addr,
      dst: dst as Ipv4Addr,
      ...(about !== undefined ? { about: about as Ipv4Addr } : {}),
      ...(gateway !== undefined ? { gateway: gateway as Ipv4Addr } : {}),
    });
  }

  arpPacket(
    what: 'sent' | 'rcvd' | 'filtered',
    request: boolean,
    a: { senderIp: number; senderMac: number; targetIp: number; targetMac: number },
    iface: L3Interface,
    reason?: ArpFilterReason,
  ): void {
    this.log.push({
      facility: 'arp',
      at: this.at(),
      what,
      request,
      senderIp: a.senderIp as Ipv4Addr,
      senderMac: a.senderMac as MacAddr,
      targetIp: a.targetIp as Ipv4Addr,
      targetMac: a.targetMac as MacAddr,
      iface: iface.name,
      ...(reason !== undefined ? { reason } : {}),
    });
  }

  arpEntry(what: 'created' | 'incomplete' | 'throttled', ip: number, iface: L3Interface, mac?: number): void {
    this.log.push({
      facility: 'arp',
      at: this.at(),
      what,
      ip: ip as Ipv4Addr,
      ...(mac !== undefined ? { mac: mac as MacAddr } : {}),
      iface: iface.name,
    });
  }

  /** An OSPF hello sent, received, or refused for its parameters (see OspfHelloDebugEvent). */
  ospfHelloEvent(e: Omit<OspfHelloDebugEvent, 'facility' | 'at'>): void {
    this.log.push({ facility: 'ospf-hello', at: this.at(), ...e });
  }

  /** A datagram NAT translated: `from` its original address, `to` what it became. */
  natTranslated(
    fast: boolean,
    inbound: boolean,
    src: number,
    dst: number,
    to: number,
    identification: number,
    protocol: number,
    ports?: { readonly src: number; readonly dst: number; readonly to: number },
  ): void {
    this.log.push({
      facility: 'nat',
      at: this.at(),
      fast,
      src: src as Ipv4Addr,
      dst: dst as Ipv4Addr,
      ...(inbound ? { dstTo: to as Ipv4Addr } : { srcTo: to as Ipv4Addr }),
      identification,
      protocol,
      ...(ports !== undefined ? { ports } : {}),
    });
  }

  /** A datagram dropped for want of a translation. */
  natFailed(src: number, dst: number): void {
    this.log.push({
      facility: 'nat',
      at: this.at(),
      failed: true,
      src: src as Ipv4Addr,
      dst: dst as Ipv4Addr,
    });
  }

  natExpiring(protocol: number, global: number, globalPort: number, local: number, localPort: number): void {
    this.log.push({
      facility: 'nat',
      at: this.at(),
      expiring: true,
      protocol,
      global: global as Ipv4Addr,
      globalPort,
      local: local as Ipv4Addr,
      localPort,
    });
  }

  private at(): Micros {
    return this.clock.now as Micros;
  }
}
