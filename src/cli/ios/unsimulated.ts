/**
 * Commands of features Trame does not simulate yet, which CCNA labs have students type: a real
 * 2960 or 1941 accepts them, so "% Invalid input" would send a student looking for a typo that
 * is not there. A line the parser refused that starts with one of these (after `no`, `default`
 * or `do`, with IOS abbreviations) is answered with the feature's name instead, in the modes
 * and on the devices where IOS has the command.
 *
 * A typo of a command Trame has keeps its caret: the parser must have failed inside the
 * feature's words, or after them when it took them for those very keywords (`span portfast`,
 * whose first word Trame knows from `spanning-tree mode pvst`). So `er startup-confg` (erase)
 * and `sp 99` (speed) are not taken for errdisable or spanning tree.
 */
import type { Token } from '../parser/tree.ts';
import type { IosKind } from './config-edit.ts';

interface Feature {
  /** Leading words of its commands. */
  readonly lead: readonly string[];
  /** As it reads in "Trame does not simulate ... yet". */
  readonly name: string;
  /** The devices that have it; both when absent. */
  readonly kind?: IosKind;
}

const SWITCH: IosKind = 'switch';
const ROUTER: IosKind = 'router';

/** Longest first where two share a start. */
const CONFIG: readonly Feature[] = [
  { lead: ['switchport', 'port-security', 'aging'], name: 'port-security aging', kind: SWITCH },
  { lead: ['switchport', 'voice'], name: 'voice VLANs', kind: SWITCH },
  { lead: ['spanning-tree'], name: 'spanning tree', kind: SWITCH },
  { lead: ['ip', 'dhcp', 'snooping'], name: 'DHCP snooping', kind: SWITCH },
  { lead: ['ip', 'dhcp'], name: 'DHCP' },
  { lead: ['ip', 'helper-address'], name: 'DHCP relay' },
  { lead: ['ip', 'address', 'dhcp'], name: 'DHCP' },
  { lead: ['ip', 'arp', 'inspection'], name: 'dynamic ARP inspection', kind: SWITCH },
  { lead: ['ip', 'access-list'], name: 'access lists' },
  { lead: ['ip', 'access-group'], name: 'access lists' },
  { lead: ['access-list'], name: 'access lists' },
  { lead: ['access-class'], name: 'access lists' },
  { lead: ['ip', 'nat'], name: 'NAT', kind: ROUTER },
  { lead: ['ipv6'], name: 'IPv6' },
  { lead: ['router'], name: 'dynamic routing', kind: ROUTER },
  { lead: ['channel-group'], name: 'EtherChannel', kind: SWITCH },
  { lead: ['port-channel'], name: 'EtherChannel', kind: SWITCH },
  { lead: ['interface', 'port-channel'], name: 'EtherChannel', kind: SWITCH },
  { lead: ['vtp'], name: 'VTP', kind: SWITCH },
  { lead: ['shutdown', 'vlan'], name: 'VLAN shutdown', kind: SWITCH },
  // config-vlan's `state active|suspend`.
  { lead: ['state'], name: 'VLAN states', kind: SWITCH },
  { lead: ['lldp'], name: 'LLDP' },
  { lead: ['mls', 'qos'], name: 'QoS', kind: SWITCH },
  { lead: ['errdisable', 'detect'], name: 'errdisable detection', kind: SWITCH },
  { lead: ['storm-control'], name: 'storm control', kind: SWITCH },
  { lead: ['login', 'block-for'], name: 'login blocking' },
];

const SHOW: readonly Feature[] = [
  { lead: ['show', 'spanning-tree'], name: 'spanning tree', kind: SWITCH },
  { lead: ['clear', 'port-security'], name: 'clearing secure addresses', kind: SWITCH },
  { lead: ['show', 'etherchannel'], name: 'EtherChannel', kind: SWITCH },
  { lead: ['show', 'vtp'], name: 'VTP', kind: SWITCH },
  { lead: ['show', 'lldp'], name: 'LLDP' },
  { lead: ['show', 'ip', 'dhcp', 'snooping'], name: 'DHCP snooping', kind: SWITCH },
  { lead: ['show', 'ip', 'dhcp'], name: 'DHCP' },
  { lead: ['show', 'access-lists'], name: 'access lists' },
  { lead: ['show', 'ip', 'access-lists'], name: 'access lists' },
  { lead: ['show', 'ip', 'nat'], name: 'NAT', kind: ROUTER },
  { lead: ['show', 'ipv6'], name: 'IPv6' },
  { lead: ['show', 'ip', 'protocols'], name: 'dynamic routing', kind: ROUTER },
];

/** Keywords of their own that must not be read as the start of a longer one ("ip" is not "ipv6"). */
const WHOLE = new Set(['ip', 'mac']);

/** A typed word stands for `word`: IOS takes any leading part of a keyword (two letters at least here). */
function abbreviates(typed: string, word: string): boolean {
  // An EtherChannel's number is typed onto its name: Port-channel1, po1.
  const t = (word === 'port-channel' ? typed.replace(/\d+$/, '') : typed).toLowerCase();
  return t.length >= Math.min(2, word.length) && word.startsWith(t) && (t === word || !WHOLE.has(t));
}

/**
 * What a console says for a line the parser refused at column `col`, having walked the
 * keywords `walked` before the word that failed, in a configuration mode
 * (`config`) or at an EXEC prompt, on a device of kind `kind`; undefined when it is none of
 * the commands above.
 */
export function unsimulated(
  tokens: readonly Token[],
  col: number,
  walked: readonly string[],
  config: boolean,
  kind: IosKind,
): string | undefined {
  const first = tokens[0]?.text;
  const skip = first === 'no' || first === 'default' || first === 'do' ? 1 : 0;
  const rest = tokens.slice(skip);
  const shows = !config || first === 'do';
  const found = (shows ? SHOW : CONFIG).find(
    (f) =>
      (f.kind === undefined || f.kind === kind) &&
      f.lead.every((w, k) => rest[k] !== undefined && abbreviates(rest[k]!.text, w)),
  );
  if (found === undefined) return undefined;
  const lead = rest.slice(0, found.lead.length);
  const inLead = col <= lead[lead.length - 1]!.end;
  const taken = found.lead.every((w, k) => walked[skip + k] === w);
  if (!inLead && !taken) return undefined;
  return shows
    ? `% Trame does not simulate ${found.name} yet.`
    : `% Trame does not simulate ${found.name} yet: the command was not applied.`;
}
