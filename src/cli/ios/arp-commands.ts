/**
 * Static ARP entries (`arp A.B.C.D H.H.H arpa`, global) and the ARP timeout of an interface
 * (`arp timeout SECONDS`, 0: entries never expire), with IOS's help texts. A static entry is
 * written `arp 10.1.1.25 00ac.a1f3.01ab ARPA` in the running-config; `no arp A.B.C.D` removes
 * it. The interface's timeout is written only when it is not the default 4 hours.
 */
import type { DeviceConfig, InterfaceConfig, StaticArp } from '../../shared/config.ts';
import { formatIpv4, type Ipv4Addr } from '../../shared/ipv4.ts';
import { formatMacDotted, type MacAddr } from '../../shared/mac.ts';
import { IPV4, MAC, range } from '../parser/args.ts';
import { without } from './config-edit.ts';
import { arg, type IosNode, kw, run } from './dsl.ts';
import type { IosEnv } from './env.ts';

/** IOS's ARP timeout, in seconds. */
export const ARP_TIMEOUT = 4 * 3600;

function setStatic(env: IosEnv, ip: Ipv4Addr, entry: StaticArp | undefined): void {
  const c = env.config();
  const all = [...(c.staticArps ?? []).filter((e) => e.ip !== ip), ...(entry === undefined ? [] : [entry])];
  all.sort((a, b) => a.ip - b.ip);
  env.setConfig(all.length === 0 ? without(c, 'staticArps') : { ...c, staticArps: all });
}

/** `arp ...` in global configuration (`no`: the `no` form, which needs only the address). */
export function arpNode(no: boolean): IosNode {
  const add = run((env, a) => {
    const ip = a.need<Ipv4Addr>('address');
    setStatic(env, ip, no ? undefined : { ip, mac: a.need<MacAddr>('mac') });
  });
  const remove = run((env, a) => setStatic(env, a.need<Ipv4Addr>('address'), undefined));
  const mac = arg('mac', MAC, '48-bit hardware address of ARP entry', kw('arpa', 'ARP type ARPA', add));
  return kw(
    'arp',
    'Set a static ARP entry',
    arg('address', IPV4, 'IP address of ARP entry', ...(no ? [remove] : []), mac),
  );
}

/** `arp timeout ...` in interface configuration (`no`: back to 4 hours, a value or not). */
export function arpTimeoutNode(
  no: boolean,
  edit: (env: IosEnv, fn: (i: InterfaceConfig) => InterfaceConfig) => void,
): IosNode {
  const reset = run((env) => edit(env, (i) => without(i, 'arpTimeout')));
  const set = run((env, a) => {
    const n = a.need<number>('seconds');
    edit(env, (i) => (n === ARP_TIMEOUT ? without(i, 'arpTimeout') : { ...i, arpTimeout: n }));
  });
  const seconds = arg('seconds', range(0, 2_147_483), 'Seconds', no ? reset : set);
  return kw(
    'arp',
    'Set arp type (arpa, probe, snap) or timeout',
    kw('timeout', 'Set ARP cache timeout', ...(no ? [reset] : []), seconds),
  );
}

/** The static entries' running-config lines. */
export const arpLines = (c: DeviceConfig): string[] =>
  (c.staticArps ?? []).map((e) => `arp ${formatIpv4(e.ip)} ${formatMacDotted(e.mac)} ARPA`);
