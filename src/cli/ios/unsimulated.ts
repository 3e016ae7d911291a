/**
 * Commands of features Trame does not simulate yet, which CCNA labs have students type: a real
 * 2960 or 1941 accepts them, so "% Invalid input" would send a student looking for a typo that
 * is not there. A line the parser refused that starts with one of these (after `no` or
 * `default`, with IOS abbreviations) is answered with the feature's name instead.
 */

/** Leading words of a feature's commands (longest first where they share a start), and its name. */
const FEATURES: readonly (readonly [readonly string[], string])[] = [
  [['switchport', 'port-security'], 'Port security'],
  [['switchport', 'voice'], 'Voice VLANs'],
  [['spanning-tree'], 'Spanning tree'],
  [['ip', 'dhcp', 'snooping'], 'DHCP snooping'],
  [['ip', 'dhcp'], 'DHCP'],
  [['ip', 'helper-address'], 'DHCP relay'],
  [['ip', 'address', 'dhcp'], 'DHCP'],
  [['ip', 'arp', 'inspection'], 'Dynamic ARP inspection'],
  [['ip', 'access-list'], 'Access lists'],
  [['ip', 'access-group'], 'Access lists'],
  [['access-list'], 'Access lists'],
  [['access-class'], 'Access lists'],
  [['ip', 'nat'], 'NAT'],
  [['ipv6'], 'IPv6'],
  [['router'], 'Dynamic routing'],
  [['channel-group'], 'EtherChannel'],
  [['port-channel'], 'EtherChannel'],
  [['interface', 'port-channel'], 'EtherChannel'],
  [['vtp'], 'VTP'],
  [['lldp'], 'LLDP'],
  [['mls', 'qos'], 'QoS'],
  [['errdisable'], 'Errdisable recovery'],
  [['storm-control'], 'Storm control'],
  [['login', 'block-for'], 'Login blocking'],
  [['mac', 'address-table', 'static'], 'Static MAC addresses'],
  [['mac-address-table', 'static'], 'Static MAC addresses'],
  [['show', 'spanning-tree'], 'Spanning tree'],
  [['show', 'port-security'], 'Port security'],
  [['show', 'etherchannel'], 'EtherChannel'],
  [['show', 'vtp'], 'VTP'],
  [['show', 'lldp'], 'LLDP'],
  [['show', 'ip', 'dhcp'], 'DHCP'],
  [['show', 'access-lists'], 'Access lists'],
  [['show', 'ip', 'access-lists'], 'Access lists'],
  [['show', 'ip', 'nat'], 'NAT'],
  [['show', 'ipv6'], 'IPv6'],
  [['show', 'ip', 'protocols'], 'Dynamic routing'],
];

const KEYWORDS = new Set(FEATURES.flatMap(([lead]) => lead));

/**
 * A typed word stands for `word`: IOS takes any leading part of a keyword (two letters at least
 * here), but a word that is a keyword itself ("ip", "mac") stands for that one only.
 */
function abbreviates(typed: string, word: string): boolean {
  const t = typed.toLowerCase();
  return t.length >= Math.min(2, word.length) && word.startsWith(t) && (t === word || !KEYWORDS.has(t));
}

/** What a console says for a refused line of a feature above; undefined for any other line. */
export function unsimulated(words: readonly string[]): string | undefined {
  const start = words[0] === 'no' || words[0] === 'default' || words[0] === 'do' ? 1 : 0;
  const rest = words.slice(start);
  const found = FEATURES.find(([lead]) =>
    lead.every((w, k) => rest[k] !== undefined && abbreviates(rest[k]!, w)),
  );
  if (found === undefined) return undefined;
  const feature = found[1];
  return found[0][0] === 'show'
    ? `% ${feature} is not simulated in Trame yet.`
    : `% ${feature} is not simulated in Trame yet: the command was not applied.`;
}
