/**
 * UDP (RFC 768), enough for traceroute probes (IOS sends UDP to ports 33434 and up).
 * TYPES ONLY for now: encode/decode (checksum over the IPv4 pseudo-header) belong here.
 */
export interface UdpDatagram {
  readonly proto: 'udp';
  readonly srcPort: number;
  readonly dstPort: number;
  readonly data: Uint8Array;
}
