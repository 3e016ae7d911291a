/**
 * A first fragment's transport header rewritten for NAT: its checksum, adjusted for the new
 * addresses and ports, equals the one computed over the whole translated datagram.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { firstFragmentPorts, rewriteFirstFragment } from '../../src/engine/device/nat-fragments.ts';
import { icmpEcho, ipv4, tcpSegment, udp } from '../../src/engine/packets.ts';
import { encodeIcmp } from '../../src/engine/wire/icmp.ts';
import type { Ipv4Packet } from '../../src/engine/wire/ipv4.ts';
import { encodeTcp } from '../../src/engine/wire/tcp.ts';
import { encodeUdp } from '../../src/engine/wire/udp.ts';
import type { Ipv4Addr } from '../../src/shared/ipv4.ts';

type Kind = 'udp' | 'tcp' | 'icmp';

/** The transport bytes of a datagram of `kind` from `src`:`sport` to `dst`:`dport`. */
function transport(
  kind: Kind,
  src: number,
  dst: number,
  sport: number,
  dport: number,
  data: Uint8Array,
): Uint8Array {
  const [s, d] = [src as Ipv4Addr, dst as Ipv4Addr];
  if (kind === 'udp') return encodeUdp(udp(sport, dport, data), s, d);
  if (kind === 'tcp')
    return encodeTcp(tcpSegment(sport, dport, 1, 2, 0x18, 64240, new Uint8Array(0), data), s, d);
  return encodeIcmp(icmpEcho(8, sport, 7, data));
}

const PROTOCOLS: Record<Kind, number> = { icmp: 1, tcp: 6, udp: 17 };

/** A first fragment carrying the first 24 bytes of those transport bytes. */
function firstFragment(kind: Kind, src: number, dst: number, bytes: Uint8Array): Ipv4Packet {
  return {
    ...ipv4(src, dst, 64, PROTOCOLS[kind], 9, { proto: 'raw', bytes: bytes.subarray(0, 24) }),
    moreFragments: true,
  };
}

const address = fc.integer({ min: 1, max: 0xffff_fffe }).map((a) => a >>> 0);
const port = fc.integer({ min: 1, max: 0xffff });

describe('a first fragment rewritten for NAT', () => {
  it('reads its ports, or an echo identifier twice', () => {
    const bytes = transport('udp', 1, 2, 5000, 53, new Uint8Array(40));
    expect(firstFragmentPorts(firstFragment('udp', 1, 2, bytes))).toEqual([5000, 53]);
    const echo = transport('icmp', 1, 2, 77, 77, new Uint8Array(40));
    expect(firstFragmentPorts(firstFragment('icmp', 1, 2, echo))).toEqual([77, 77]);
  });

  it('carries the checksum of the translated datagram, for UDP, TCP and ICMP echoes', () => {
    fc.assert(
      fc.property(
        fc.constantFrom<Kind>('udp', 'tcp', 'icmp'),
        fc.tuple(address, address, address, address),
        fc.tuple(port, port, port, port),
        fc.uint8Array({ minLength: 16, maxLength: 64 }),
        (kind, [src, dst, src2, dst2], [sport, dport, sport2, dport2], data) => {
          const before = transport(kind, src, dst, sport, kind === 'icmp' ? sport : dport, data);
          const after = transport(kind, src2, dst2, sport2, kind === 'icmp' ? sport2 : dport2, data);
          const rewritten = rewriteFirstFragment(
            firstFragment(kind, src, dst, before),
            src2,
            dst2,
            sport2,
            dport2,
          );
          expect([...rewritten]).toEqual([...after.subarray(0, 24)]);
        },
      ),
    );
  });
});
