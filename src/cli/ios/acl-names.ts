/**
 * The names IOS gives protocols, ports and ICMP messages in access lists: what `?` lists, what
 * a name stands for, and the name the configuration prints for a number that has one (`eq 80`
 * is written `eq www`).
 */

export interface Named {
  readonly name: string;
  readonly value: number;
  readonly help: string;
}

/** Protocols after `permit` / `deny` in an extended list (`ip`: any, -1). */
export const PROTOCOLS: readonly Named[] = [
  { name: 'ahp', value: 51, help: 'Authentication Header Protocol' },
  { name: 'eigrp', value: 88, help: "Cisco's EIGRP routing protocol" },
  { name: 'esp', value: 50, help: 'Encapsulation Security Payload' },
  { name: 'gre', value: 47, help: "Cisco's GRE tunneling" },
  { name: 'icmp', value: 1, help: 'Internet Control Message Protocol' },
  { name: 'igmp', value: 2, help: 'Internet Gateway Message Protocol' },
  { name: 'ip', value: -1, help: 'Any Internet Protocol' },
  { name: 'ipinip', value: 94, help: 'IP in IP tunneling' },
  { name: 'nos', value: 4, help: 'KA9Q NOS compatible IP over IP tunneling' },
  { name: 'ospf', value: 89, help: 'OSPF routing protocol' },
  { name: 'pcp', value: 108, help: 'Payload Compression Protocol' },
  { name: 'pim', value: 103, help: 'Protocol Independent Multicast' },
  { name: 'tcp', value: 6, help: 'Transmission Control Protocol' },
  { name: 'udp', value: 17, help: 'User Datagram Protocol' },
];

export const TCP_PORTS: readonly Named[] = [
  { name: 'bgp', value: 179, help: 'Border Gateway Protocol (179)' },
  { name: 'chargen', value: 19, help: 'Character generator (19)' },
  { name: 'cmd', value: 514, help: 'Remote commands (rcmd, 514)' },
  { name: 'daytime', value: 13, help: 'Daytime (13)' },
  { name: 'discard', value: 9, help: 'Discard (9)' },
  { name: 'domain', value: 53, help: 'Domain Name Service (53)' },
  { name: 'echo', value: 7, help: 'Echo (7)' },
  { name: 'exec', value: 512, help: 'Exec (rsh, 512)' },
  { name: 'finger', value: 79, help: 'Finger (79)' },
  { name: 'ftp', value: 21, help: 'File Transfer Protocol (21)' },
  { name: 'ftp-data', value: 20, help: 'FTP data connections (20)' },
  { name: 'gopher', value: 70, help: 'Gopher (70)' },
  { name: 'hostname', value: 101, help: 'NIC hostname server (101)' },
  { name: 'ident', value: 113, help: 'Ident Protocol (113)' },
  { name: 'irc', value: 194, help: 'Internet Relay Chat (194)' },
  { name: 'klogin', value: 543, help: 'Kerberos login (543)' },
  { name: 'kshell', value: 544, help: 'Kerberos shell (544)' },
  { name: 'login', value: 513, help: 'Login (rlogin, 513)' },
  { name: 'lpd', value: 515, help: 'Printer service (515)' },
  { name: 'nntp', value: 119, help: 'Network News Transport Protocol (119)' },
  { name: 'pop2', value: 109, help: 'Post Office Protocol v2 (109)' },
  { name: 'pop3', value: 110, help: 'Post Office Protocol v3 (110)' },
  { name: 'smtp', value: 25, help: 'Simple Mail Transport Protocol (25)' },
  { name: 'sunrpc', value: 111, help: 'Sun Remote Procedure Call (111)' },
  { name: 'tacacs', value: 49, help: 'TAC Access Control System (49)' },
  { name: 'talk', value: 517, help: 'Talk (517)' },
  { name: 'telnet', value: 23, help: 'Telnet (23)' },
  { name: 'time', value: 37, help: 'Time (37)' },
  { name: 'uucp', value: 540, help: 'Unix-to-Unix Copy Program (540)' },
  { name: 'whois', value: 43, help: 'Nicname (43)' },
  { name: 'www', value: 80, help: 'World Wide Web (HTTP, 80)' },
];

export const UDP_PORTS: readonly Named[] = [
  { name: 'biff', value: 512, help: 'Biff (mail notification, comsat, 512)' },
  { name: 'bootpc', value: 68, help: 'Bootstrap Protocol (BOOTP) client (68)' },
  { name: 'bootps', value: 67, help: 'Bootstrap Protocol (BOOTP) server (67)' },
  { name: 'discard', value: 9, help: 'Discard (9)' },
  { name: 'dnsix', value: 195, help: 'DNSIX security protocol auditing (195)' },
  { name: 'domain', value: 53, help: 'Domain Name Service (DNS, 53)' },
  { name: 'echo', value: 7, help: 'Echo (7)' },
  { name: 'isakmp', value: 500, help: 'Internet Security Association and Key Management Protocol (500)' },
  { name: 'mobile-ip', value: 434, help: 'Mobile IP registration (434)' },
  { name: 'nameserver', value: 42, help: 'IEN116 name service (obsolete, 42)' },
  { name: 'netbios-dgm', value: 138, help: 'NetBios datagram service (138)' },
  { name: 'netbios-ns', value: 137, help: 'NetBios name service (137)' },
  { name: 'netbios-ss', value: 139, help: 'NetBios session service (139)' },
  { name: 'ntp', value: 123, help: 'Network Time Protocol (123)' },
  { name: 'rip', value: 520, help: 'Routing Information Protocol (router, in.routed, 520)' },
  { name: 'snmp', value: 161, help: 'Simple Network Management Protocol (161)' },
  { name: 'snmptrap', value: 162, help: 'SNMP Traps (162)' },
  { name: 'sunrpc', value: 111, help: 'Sun Remote Procedure Call (111)' },
  { name: 'syslog', value: 514, help: 'System Logger (514)' },
  { name: 'tacacs', value: 49, help: 'TAC Access Control System (49)' },
  { name: 'talk', value: 517, help: 'Talk (517)' },
  { name: 'tftp', value: 69, help: 'Trivial File Transfer Protocol (69)' },
  { name: 'time', value: 37, help: 'Time (37)' },
  { name: 'who', value: 513, help: 'Who service (rwho, 513)' },
  { name: 'xdmcp', value: 177, help: 'X Display Manager Control Protocol (177)' },
];

export interface IcmpName {
  readonly name: string;
  readonly type: number;
  readonly code?: number;
  readonly help: string;
}

/** ICMP messages by name (RFC 792, RFC 1812 codes), as an extended list's `icmp` entries take them. */
export const ICMP_MESSAGES: readonly IcmpName[] = [
  { name: 'administratively-prohibited', type: 3, code: 13, help: 'Administratively prohibited' },
  { name: 'alternate-address', type: 6, help: 'Alternate address' },
  { name: 'conversion-error', type: 31, help: 'Datagram conversion' },
  { name: 'dod-host-prohibited', type: 3, code: 10, help: 'Host prohibited' },
  { name: 'dod-net-prohibited', type: 3, code: 9, help: 'Net prohibited' },
  { name: 'echo', type: 8, help: 'Echo (ping)' },
  { name: 'echo-reply', type: 0, help: 'Echo reply' },
  { name: 'general-parameter-problem', type: 12, code: 0, help: 'Parameter problem' },
  { name: 'host-isolated', type: 3, code: 8, help: 'Host isolated' },
  { name: 'host-precedence-unreachable', type: 3, code: 14, help: 'Host unreachable for precedence' },
  { name: 'host-redirect', type: 5, code: 1, help: 'Host redirect' },
  { name: 'host-tos-redirect', type: 5, code: 3, help: 'Host redirect for TOS' },
  { name: 'host-tos-unreachable', type: 3, code: 12, help: 'Host unreachable for TOS' },
  { name: 'host-unknown', type: 3, code: 7, help: 'Host unknown' },
  { name: 'host-unreachable', type: 3, code: 1, help: 'Host unreachable' },
  { name: 'information-reply', type: 16, help: 'Information replies' },
  { name: 'information-request', type: 15, help: 'Information requests' },
  { name: 'mask-reply', type: 18, help: 'Mask replies' },
  { name: 'mask-request', type: 17, help: 'Mask requests' },
  { name: 'mobile-redirect', type: 32, help: 'Mobile host redirect' },
  { name: 'net-redirect', type: 5, code: 0, help: 'Network redirect' },
  { name: 'net-tos-redirect', type: 5, code: 2, help: 'Net redirect for TOS' },
  { name: 'net-tos-unreachable', type: 3, code: 11, help: 'Network unreachable for TOS' },
  { name: 'net-unreachable', type: 3, code: 0, help: 'Net unreachable' },
  { name: 'network-unknown', type: 3, code: 6, help: 'Network unknown' },
  { name: 'no-room-for-option', type: 12, code: 2, help: 'Parameter required but no room' },
  { name: 'option-missing', type: 12, code: 1, help: 'Parameter required but not present' },
  { name: 'packet-too-big', type: 3, code: 4, help: 'Fragmentation needed and DF set' },
  { name: 'parameter-problem', type: 12, help: 'All parameter problems' },
  { name: 'port-unreachable', type: 3, code: 3, help: 'Port unreachable' },
  { name: 'precedence-unreachable', type: 3, code: 15, help: 'Precedence cutoff' },
  { name: 'protocol-unreachable', type: 3, code: 2, help: 'Protocol unreachable' },
  { name: 'reassembly-timeout', type: 11, code: 1, help: 'Reassembly timeout' },
  { name: 'redirect', type: 5, help: 'All redirects' },
  { name: 'router-advertisement', type: 9, help: 'Router discovery advertisements' },
  { name: 'router-solicitation', type: 10, help: 'Router discovery solicitations' },
  { name: 'source-quench', type: 4, help: 'Source quenches' },
  { name: 'source-route-failed', type: 3, code: 5, help: 'Source route failed' },
  { name: 'time-exceeded', type: 11, help: 'All time exceededs' },
  { name: 'timestamp-reply', type: 14, help: 'Timestamp replies' },
  { name: 'timestamp-request', type: 13, help: 'Timestamp requests' },
  { name: 'traceroute', type: 30, help: 'Traceroute' },
  { name: 'ttl-exceeded', type: 11, code: 0, help: 'TTL exceeded' },
  { name: 'unreachable', type: 3, help: 'All unreachables' },
];

/** The name a protocol number is written with, or the number. */
export const protocolName = (n: number): string => PROTOCOLS.find((p) => p.value === n)?.name ?? String(n);

/** The name a port is written with (by the entry's protocol), or the number. */
export function portName(protocol: number, port: number): string {
  const table = protocol === 6 ? TCP_PORTS : protocol === 17 ? UDP_PORTS : [];
  return table.find((p) => p.value === port)?.name ?? String(port);
}

/** The name an ICMP type (and code) is written with, or the numbers. */
export function icmpName(type: number, code: number | undefined): string {
  const named = ICMP_MESSAGES.find((m) => m.type === type && m.code === code);
  if (named !== undefined) return named.name;
  return code === undefined ? String(type) : `${type} ${code}`;
}
