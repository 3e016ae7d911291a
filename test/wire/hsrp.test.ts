/**
 * HSRP version 1 messages (RFC 2281 5.1): the 20 bytes of a UDP datagram on port 1985, and the
 * group's virtual MAC address.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ipFrame, ipv4, udp } from '../../src/engine/packets.ts';
import type { HsrpMessage } from '../../src/engine/wire/hsrp.ts';
import {
  decodeHsrp,
  encodeHsrp,
  HSRP_ACTIVE,
  HSRP_COUP,
  HSRP_DEFAULT_AUTH,
  HSRP_HELLO,
  HSRP_LEN,
  HSRP_PORT,
  HSRP_RESIGN,
  HSRP_SPEAK,
  HSRP_V1_GROUP_ADDR,
  HSRP_V1_GROUP_MAC,
  hsrpMessage,
  hsrpVirtualMac,
} from '../../src/engine/wire/hsrp.ts';
import type { Ipv4Addr } from '../../src/shared/ipv4.ts';
import { formatMacDotted } from '../../src/shared/mac.ts';
import { concat, hex, ip, mac, toHex } from './hex.ts';
import { describeTshark, fieldsOf } from './tshark-run.ts';

const VIP = ip('192.168.1.254');
/** R1 and R2 share group 1 on 192.168.1.0/24; R2 has the higher priority and preempts. */
const R1_IP = ip('192.168.1.1');
const R2_IP = ip('192.168.1.2');

/** R1, active for group 1 with priority 150 and the default timers and authentication. */
const helloBytes = concat(
  hex('00 00 10 03'), // 0: version 0, op code 0 (hello), state 16 (active), hellotime 3 s
  hex('0a 96 01 00'), // 4: holdtime 10 s, priority 150, group 1, reserved
  hex('63 69 73 63 6f 00 00 00'), // 8: authentication "cisco" and three zeros
  hex('c0 a8 01 fe'), // 16: virtual IP 192.168.1.254
);
const hello = hsrpMessage({
  opCode: HSRP_HELLO,
  state: HSRP_ACTIVE,
  priority: 150,
  group: 1,
  virtualIp: VIP,
});

/** R2, priority 200, taking the group over from R1. */
const coupBytes = concat(
  hex('00 01 10 03'), // 0: version 0, op code 1 (coup), state 16 (active), hellotime 3 s
  hex('0a c8 01 00'), // 4: holdtime 10 s, priority 200, group 1, reserved
  hex('63 69 73 63 6f 00 00 00'), // 8: "cisco"
  hex('c0 a8 01 fe'), // 16: 192.168.1.254
);
const coup = hsrpMessage({ opCode: HSRP_COUP, state: HSRP_ACTIVE, priority: 200, group: 1, virtualIp: VIP });

/** R1 giving the role up to R2, with a password of its own. */
const resignBytes = concat(
  hex('00 02 04 03'), // 0: version 0, op code 2 (resign), state 4 (speak), hellotime 3 s
  hex('0a 96 01 00'), // 4: holdtime 10 s, priority 150, group 1, reserved
  hex('74 72 61 6d 65 00 00 00'), // 8: "trame" and three zeros
  hex('c0 a8 01 fe'), // 16: 192.168.1.254
);
const resign = hsrpMessage({
  opCode: HSRP_RESIGN,
  state: HSRP_SPEAK,
  priority: 150,
  group: 1,
  auth: hex('74 72 61 6d 65 00 00 00'),
  virtualIp: VIP,
});

describe('HSRP golden bytes', () => {
  it('a hello from the active router encodes to the bytes worked out by hand and decodes back', () => {
    expect(helloBytes.length).toBe(HSRP_LEN);
    expect(toHex(encodeHsrp(hello))).toBe(toHex(helloBytes));
    expect(decodeHsrp(helloBytes)).toEqual({
      ok: true,
      value: {
        version: 0,
        opCode: HSRP_HELLO,
        state: HSRP_ACTIVE,
        helloTime: 3,
        holdTime: 10,
        priority: 150,
        group: 1,
        reserved: 0,
        auth: HSRP_DEFAULT_AUTH,
        virtualIp: VIP,
      },
    });
  });

  it('a coup and a resign encode to their bytes and decode back', () => {
    expect(toHex(encodeHsrp(coup))).toBe(toHex(coupBytes));
    expect(decodeHsrp(coupBytes)).toEqual({ ok: true, value: coup });
    expect(toHex(encodeHsrp(resign))).toBe(toHex(resignBytes));
    expect(decodeHsrp(resignBytes)).toEqual({ ok: true, value: resign });
  });

  it('the default authentication is "cisco" padded with zeros to 8 bytes', () => {
    expect(toHex(HSRP_DEFAULT_AUTH)).toBe('636973636f000000');
    expect(hello.auth).not.toBe(HSRP_DEFAULT_AUTH); // each message has its own copy
  });

  it('the decoded authentication does not share the input bytes', () => {
    const b = new Uint8Array(helloBytes);
    const result = decodeHsrp(b);
    b[8] = 0;
    expect(result.ok && toHex(result.value.auth)).toBe('636973636f000000');
  });
});

describe('HSRP decoding', () => {
  it('says how many bytes there are when fewer than 20', () => {
    for (const n of [0, 1, 8, 19]) {
      expect(decodeHsrp(helloBytes.subarray(0, n))).toEqual({
        ok: false,
        error: `hsrp: ${n} bytes, a message needs 20`,
      });
    }
  });

  it('ignores the bytes after the 20', () => {
    const tlv = hex('04 1c 01 00 0000 c0a80101 00000000 00112233445566778899aabbccddeeff');
    expect(decodeHsrp(concat(helloBytes, tlv))).toEqual({ ok: true, value: hello });
  });

  it('keeps versions, op codes and states it does not know', () => {
    const b = concat(hex('01 03 20 01 03 ff ff 7f'), new Uint8Array(8), hex('00000000'));
    expect(decodeHsrp(b)).toEqual({
      ok: true,
      value: {
        version: 1,
        opCode: 3,
        state: 32,
        helloTime: 1,
        holdTime: 3,
        priority: 255,
        group: 255,
        reserved: 127,
        auth: new Uint8Array(8),
        virtualIp: 0,
      },
    });
  });
});

describe('HSRP encoding', () => {
  it('refuses only what the fields cannot hold', () => {
    expect(() => encodeHsrp({ ...hello, priority: 256 })).toThrow(/priority 256 is not in 0\.\.255/);
    expect(() => encodeHsrp({ ...hello, group: -1 })).toThrow(RangeError);
    expect(() => encodeHsrp({ ...hello, helloTime: 1.5 })).toThrow(RangeError);
    expect(() => encodeHsrp({ ...hello, version: 256 })).toThrow(RangeError);
    expect(() => encodeHsrp({ ...hello, virtualIp: (2 ** 32) as Ipv4Addr })).toThrow(RangeError);
    expect(() => encodeHsrp({ ...hello, auth: hex('63 69 73 63 6f') })).toThrow(/auth is 5 bytes/);
    expect(() => encodeHsrp({ ...hello, auth: new Uint8Array(9) })).toThrow(RangeError);
    expect(encodeHsrp({ ...hello, version: 255, opCode: 255, state: 255, reserved: 255 }).length).toBe(20);
  });
});

describe('HSRP virtual MAC address', () => {
  it('is 0000.0c07.acXX, XX the group', () => {
    expect(formatMacDotted(hsrpVirtualMac(0))).toBe('0000.0c07.ac00');
    expect(hsrpVirtualMac(1)).toBe(mac('0000.0c07.ac01'));
    expect(formatMacDotted(hsrpVirtualMac(255))).toBe('0000.0c07.acff');
    expect(() => hsrpVirtualMac(256)).toThrow(RangeError);
  });

  it('messages go to 224.0.0.2, 01-00-5e-00-00-02 on Ethernet', () => {
    expect(HSRP_V1_GROUP_ADDR).toBe(ip('224.0.0.2'));
    expect(HSRP_V1_GROUP_MAC).toBe(mac('01:00:5e:00:00:02'));
  });
});

const u8 = fc.integer({ min: 0, max: 0xff });
const u32 = fc.tuple(fc.integer({ min: 0, max: 0xffff }), fc.integer({ min: 0, max: 0xffff }));

const message: fc.Arbitrary<HsrpMessage> = fc.record({
  version: u8,
  opCode: u8,
  state: u8,
  helloTime: u8,
  holdTime: u8,
  priority: u8,
  group: u8,
  reserved: u8,
  auth: fc.uint8Array({ minLength: 8, maxLength: 8 }),
  virtualIp: u32.map(([hi, lo]) => (hi * 0x10000 + lo) as Ipv4Addr),
});

describe('HSRP properties', () => {
  it('decode(encode(m)) gives m back, whatever follows it', () => {
    fc.assert(
      fc.property(message, fc.uint8Array({ maxLength: 40 }), (m, after) => {
        const b = encodeHsrp(m);
        expect(b.length).toBe(HSRP_LEN);
        expect(decodeHsrp(b)).toEqual({ ok: true, value: m });
        expect(decodeHsrp(concat(b, after))).toEqual({ ok: true, value: m });
      }),
      { numRuns: 1000 },
    );
  });

  it('decodeHsrp never throws, and decodes exactly the inputs of 20 bytes or more', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 64 }), (b) => {
        const result = decodeHsrp(b);
        expect(result.ok).toBe(b.length >= HSRP_LEN);
        if (result.ok) expect(toHex(encodeHsrp(result.value))).toBe(toHex(b.subarray(0, HSRP_LEN)));
      }),
      { numRuns: 2000 },
    );
  });
});

const FIELDS = [
  'hsrp.version',
  'hsrp.opcode',
  'hsrp.state',
  'hsrp.hellotime',
  'hsrp.holdtime',
  'hsrp.priority',
  'hsrp.group',
  'hsrp.reserved',
  'hsrp.auth_data',
  'hsrp.virt_ip',
  'ip.dst',
  'ip.ttl',
  'eth.src',
  'eth.dst',
  'udp.checksum.status',
  '_ws.expert',
  '_ws.malformed',
] as const;

describeTshark('HSRP as tshark reads it', () => {
  it('decodes the hello, the coup and the resign in their frames, with no warning and nothing malformed', () => {
    const frames = (
      [
        [R1_IP, helloBytes],
        [R2_IP, coupBytes],
        [R1_IP, resignBytes],
      ] as const
    ).map(([src, data], i) =>
      ipFrame(
        HSRP_V1_GROUP_MAC,
        hsrpVirtualMac(1),
        undefined,
        ipv4(src, HSRP_V1_GROUP_ADDR, 1, 17, i, udp(HSRP_PORT, HSRP_PORT, data)),
      ),
    );
    fieldsOf(frames, FIELDS, (rows) => {
      const common = {
        'hsrp.version': '0',
        'hsrp.hellotime': '3',
        'hsrp.holdtime': '10',
        'hsrp.group': '1',
        'hsrp.reserved': '0',
        'hsrp.virt_ip': '192.168.1.254',
        'ip.dst': '224.0.0.2',
        'ip.ttl': '1',
        'eth.src': '00:00:0c:07:ac:01',
        'eth.dst': '01:00:5e:00:00:02',
        'udp.checksum.status': '1',
        '_ws.expert': '',
        '_ws.malformed': '',
      };
      expect(rows).toEqual([
        {
          ...common,
          'hsrp.opcode': '0',
          'hsrp.state': '16',
          'hsrp.priority': '150',
          'hsrp.auth_data': 'cisco',
        },
        {
          ...common,
          'hsrp.opcode': '1',
          'hsrp.state': '16',
          'hsrp.priority': '200',
          'hsrp.auth_data': 'cisco',
        },
        {
          ...common,
          'hsrp.opcode': '2',
          'hsrp.state': '4',
          'hsrp.priority': '150',
          'hsrp.auth_data': 'trame',
        },
      ]);
    });
  });
});
