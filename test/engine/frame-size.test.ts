import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { wireLen } from '../../src/engine/frame-size.ts';
import {
  arp,
  arpFrame,
  dot1qTag,
  icmpEcho,
  icmpError,
  ipFrame,
  ipv4,
  udp,
} from '../../src/engine/packets.ts';
import { frameLen } from '../../src/engine/wire/ethernet.ts';
import type { MacAddr } from '../../src/shared/mac.ts';

const mac = 0x00000c123456 as MacAddr;

describe('wireLen', () => {
  it('agrees with the wire module for the frames devices build', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 1472 }),
        fc.option(fc.integer({ min: 1, max: 4094 }), { nil: undefined }),
        fc.constantFrom('echo', 'udp', 'arp', 'error'),
        (size, vid, kind) => {
          const tag = vid === undefined ? undefined : dot1qTag(vid);
          const data = new Uint8Array(size);
          const echo = ipv4(1, 2, 64, 1, 0, icmpEcho(8, 1, 1, data));
          const frame =
            kind === 'arp'
              ? arpFrame(mac, mac, tag, arp(1, mac, 1, 0 as MacAddr, 2))
              : kind === 'udp'
                ? ipFrame(mac, mac, tag, ipv4(1, 2, 64, 17, 0, udp(5, 6, data)))
                : kind === 'error'
                  ? ipFrame(mac, mac, tag, ipv4(1, 2, 64, 1, 0, icmpError(11, 0, echo)))
                  : ipFrame(mac, mac, tag, echo);
          expect(wireLen(frame)).toBe(frameLen(frame));
        },
      ),
    );
  });
});
