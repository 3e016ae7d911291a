/** Edge cases of the codecs: what decode rejects or keeps, and what encode refuses. */
import { describe, expect, it } from 'vitest';
import { decodeArp, encodeArp } from '../../src/engine/wire/arp.ts';
import { finishChecksum, internetChecksum, sumWords } from '../../src/engine/wire/checksum.ts';
import type { EthernetFrame } from '../../src/engine/wire/ethernet.ts';
import { decodeFrame, encodeFrame, frameLen } from '../../src/engine/wire/ethernet.ts';
import { decodeIcmp, encodeIcmp } from '../../src/engine/wire/icmp.ts';
import type { Ipv4Packet } from '../../src/engine/wire/ipv4.ts';
import { decodeIpv4, encodeIpv4, ipv4Len, NO_OPTIONS } from '../../src/engine/wire/ipv4.ts';
import { iosPingData, windowsPingData } from '../../src/engine/wire/ping-data.ts';
import type { TcpSegment } from '../../src/engine/wire/tcp.ts';
import {
  decodeTcp,
  encodeTcp,
  mssOption,
  readMss,
  TCP_ACK,
  TCP_FIN,
  TCP_NS,
  tcpLen,
} from '../../src/engine/wire/tcp.ts';
import { decodeUdp, encodeUdp } from '../../src/engine/wire/udp.ts';
import { concat, hex, ip, mac, toHex } from './hex.ts';

const packet = (fields: Partial<Ipv4Packet> = {}): Ipv4Packet => ({
  proto: 'ipv4',
  dscp: 0,
  ecn: 0,
  identification: 0x1234,
  dontFragment: false,
  moreFragments: false,
  fragmentOffset: 0,
  ttl: 64,
  protocol: 1,
  src: ip('192.168.1.10'),
  dst: ip('192.168.1.1'),
  options: NO_OPTIONS,
  payload: { proto: 'icmp', type: 8, code: 0, identifier: 1, sequence: 1, data: windowsPingData() },
  ...fields,
});

const frame = (payload: EthernetFrame['payload'], etherType = 0x0800): EthernetFrame => ({
  dst: mac('00:11:22:33:44:55'),
  src: mac('66:77:88:99:aa:bb'),
  etherType,
  payload,
});

const ipBytes = (p: Ipv4Packet = packet()): Uint8Array => new Uint8Array(encodeIpv4(p));

describe('internet checksum (RFC 1071)', () => {
  it('matches the RFC 1071 worked example and handles an odd length', () => {
    const bytes = hex('0001 f203 f4f5 f6f7');
    expect(sumWords(bytes, 0, bytes.length).toString(16)).toBe('2ddf0');
    expect(internetChecksum(bytes)).toBe(0x220d);
    // An odd trailing byte counts as the high byte of a zero-padded word.
    expect(internetChecksum(hex('0001 f203 f4f5 f6f7 01'))).toBe(finishChecksum(0x2ddf0 + 0x0100));
  });
});

describe('ethernet', () => {
  it('rejects frames shorter than their header', () => {
    expect(decodeFrame(new Uint8Array(13))).toEqual({
      ok: false,
      error: expect.stringContaining('needs 14'),
    });
    expect(decodeFrame(hex('ffffffffffff 000000000001 8100 00'))).toEqual({
      ok: false,
      error: expect.stringContaining('802.1Q'),
    });
  });

  it('keeps unknown EtherTypes and 802.3 length fields as raw bytes, padding included', () => {
    // An IEEE 802.3 frame: a length (0x0026: LLC e0 e0 03, IPX, and 35 bytes) where the
    // EtherType would be, then 8 bytes of padding up to 60. (LLC 42 42 03 would be a BPDU.)
    const llc = hex('0180c2000000 0019aa7c4f01 0026 e0e003');
    const bpdu = new Uint8Array(60);
    bpdu.set(llc);
    bpdu.fill(0x80, 17, 52);
    const decoded = decodeFrame(bpdu);
    expect(decoded).toEqual({
      ok: true,
      value: {
        dst: mac('01:80:c2:00:00:00'),
        src: mac('00:19:aa:7c:4f:01'),
        etherType: 0x26,
        payload: { proto: 'raw', bytes: bpdu.subarray(14) },
      },
    });
    expect(decoded.ok && toHex(encodeFrame(decoded.value))).toBe(toHex(bpdu));
    // 0x88b5: IEEE 802 local experimental, an EtherType nothing decodes.
    const local = frame({ proto: 'raw', bytes: new Uint8Array(40).fill(0x60) }, 0x88b5);
    expect(decodeFrame(encodeFrame(local))).toEqual({
      ok: true,
      value: { ...local, payload: { proto: 'raw', bytes: new Uint8Array(46).fill(0x60, 0, 40) } },
    });
  });

  it('encodes into a caller buffer at an offset, zeroing the padding', () => {
    const arp = frame(
      {
        proto: 'arp',
        op: 1,
        senderMac: mac('66:77:88:99:aa:bb'),
        senderIp: ip('10.0.0.1'),
        targetMac: mac('00:00:00:00:00:00'),
        targetIp: ip('10.0.0.2'),
      },
      0x0806,
    );
    const buf = new Uint8Array(100).fill(0xee);
    const view = encodeFrame(arp, buf, 7);
    expect(view.buffer).toBe(buf.buffer);
    expect(view.byteOffset).toBe(7);
    expect(toHex(view)).toBe(toHex(encodeFrame(arp)));
    expect(buf[6]).toBe(0xee);
    expect(buf[67]).toBe(0xee);
    expect(() => encodeFrame(arp, new Uint8Array(59))).toThrow(RangeError);
    expect(() => encodeFrame(arp, buf, 41)).toThrow(RangeError);
  });

  it('computes the padded size without encoding', () => {
    const small = frame(packet({ payload: { proto: 'raw', bytes: new Uint8Array(1) }, protocol: 6 }));
    expect(frameLen(small)).toBe(60);
    expect(frameLen({ ...small, tag: { pcp: 0, dei: false, vid: 1 } })).toBe(60);
    const ping = frame(packet());
    expect(frameLen(ping)).toBe(14 + 20 + 8 + 32);
    expect(frameLen({ ...ping, tag: { pcp: 0, dei: false, vid: 1 } })).toBe(78);
  });
});

describe('arp', () => {
  const request = {
    proto: 'arp',
    op: 1,
    senderMac: mac('00:a0:c9:22:b2:10'),
    senderIp: ip('172.16.1.101'),
    targetMac: mac('00:00:00:00:00:00'),
    targetIp: ip('172.16.1.50'),
  } as const;

  it('rejects hardware and protocol formats other than Ethernet/IPv4, saying which', () => {
    const bytes = new Uint8Array(encodeArp(request));
    bytes[4] = 8; // an EUI-64 hardware address
    expect(decodeArp(bytes)).toEqual({
      ok: false,
      error:
        'arp: only Ethernet/IPv4 is supported (htype 1, ptype 0x0800, hlen 6, plen 4), got htype 1, ptype 0x0800, hlen 8, plen 4',
    });
    const ipv6 = new Uint8Array(encodeArp(request));
    ipv6[2] = 0x86;
    ipv6[3] = 0xdd;
    ipv6[5] = 16;
    expect(decodeArp(ipv6)).toMatchObject({
      ok: false,
      error: expect.stringContaining('ptype 0x86dd, hlen 6, plen 16'),
    });
    expect(decodeArp(bytes.subarray(0, 5))).toMatchObject({ ok: false });
    expect(decodeArp(encodeArp(request).subarray(0, 27))).toMatchObject({
      ok: false,
      error: expect.stringContaining('28'),
    });
  });

  it('keeps unknown opcodes', () => {
    const rarp = { ...request, op: 3 };
    expect(decodeArp(encodeArp(rarp))).toEqual({ ok: true, value: rarp });
  });
});

describe('ipv4', () => {
  it('rejects what cannot be a datagram', () => {
    const good = ipBytes();
    // [expected error, byte to change (index, value), bytes kept]
    const cases: [string, [number, number] | undefined, number][] = [
      ['the header needs 20', undefined, 19],
      ['version 6', [0, 0x65], 60],
      ['header length 16', [0, 0x44], 60],
      ['header length 60 exceeds', [0, 0x4f], 40],
      ['total length 19', [3, 19], 60],
      ['total length 60 exceeds the 59', undefined, 59],
    ];
    for (const [message, change, keep] of cases) {
      const b = new Uint8Array(good);
      if (change) b[change[0]] = change[1];
      expect(decodeIpv4(b.subarray(0, keep))).toEqual({ ok: false, error: expect.stringContaining(message) });
    }
  });

  it('reports a wrong header checksum instead of rejecting it, and writes it back', () => {
    const bytes = ipBytes();
    bytes[8] = 63; // TTL changed without updating the checksum
    const result = decodeIpv4(bytes);
    expect(result).toEqual({
      ok: true,
      value: { ...packet({ ttl: 63 }), badChecksum: (bytes[10]! << 8) | bytes[11]! },
    });
    expect(toHex(encodeIpv4(result.ok ? result.value : packet()))).toBe(toHex(bytes));
  });

  it('keeps options (padded to 32 bits), fragments and unknown protocols as bytes', () => {
    const rr = packet({ options: hex('070703000000') }); // record route, no room used yet
    const decoded = decodeIpv4(encodeIpv4(rr));
    expect(decoded).toEqual({ ok: true, value: { ...rr, options: hex('0707030000000000') } });
    expect(ipv4Len(rr)).toBe(28 + 40);
    const icmp = encodeIpv4(packet()).subarray(20);
    for (const f of [{ moreFragments: true }, { fragmentOffset: 3 }]) {
      const fragment = packet({ ...f, payload: { proto: 'raw', bytes: new Uint8Array(icmp) } });
      expect(decodeIpv4(encodeIpv4(fragment))).toEqual({ ok: true, value: fragment });
    }
    const sctp = packet({ protocol: 132, payload: { proto: 'raw', bytes: hex('01bb 55b6 5c14 c98f') } });
    expect(decodeIpv4(encodeIpv4(sctp))).toEqual({ ok: true, value: sctp });
  });

  it('refuses to encode what the header cannot describe', () => {
    expect(() => encodeIpv4(packet({ options: new Uint8Array(44) }))).toThrow(RangeError);
    const huge = packet({ protocol: 6, payload: { proto: 'raw', bytes: new Uint8Array(65516) } });
    expect(() => encodeIpv4(huge)).toThrow(RangeError);
  });
});

describe('icmp', () => {
  it('rejects truncated messages, keeps other types and wrong checksums', () => {
    expect(decodeIcmp(hex('0800 f7'))).toMatchObject({ ok: false });
    expect(decodeIcmp(hex('0800 f7ff 0000'))).toMatchObject({
      ok: false,
      error: expect.stringContaining('8-byte'),
    });
    const timestamp = {
      proto: 'icmp',
      type: 13,
      code: 0,
      body: new Uint8Array(16).fill(3),
      other: true,
    } as const;
    expect(decodeIcmp(encodeIcmp(timestamp))).toEqual({ ok: true, value: timestamp });
    const bytes = new Uint8Array(
      encodeIcmp({ proto: 'icmp', type: 0, code: 0, identifier: 9, sequence: 9, data: hex('00') }),
    );
    bytes[8] = 1;
    expect(decodeIcmp(bytes)).toMatchObject({
      ok: true,
      value: { badChecksum: (bytes[2]! << 8) | bytes[3]! },
    });
  });
});

describe('udp', () => {
  const src = ip('10.0.0.1');
  const dst = ip('10.0.0.2');

  it('sends a computed zero checksum as 0xffff and reads a zero field as "no checksum"', () => {
    const probe = { proto: 'udp', srcPort: 49152, dstPort: 33434, data: new Uint8Array(2) } as const;
    const plain = encodeUdp(probe, src, dst);
    const word = (plain[6]! << 8) | plain[7]!;
    // Putting the checksum itself in the data makes the sum all ones: the checksum computes to 0.
    const zero = { ...probe, data: new Uint8Array([word >>> 8, word & 0xff]) };
    const bytes = encodeUdp(zero, src, dst);
    expect(toHex(bytes.subarray(6, 8))).toBe('ffff');
    expect(decodeUdp(bytes, src, dst)).toEqual({ ok: true, value: zero });
    const none = { ...probe, noChecksum: true } as const;
    expect(toHex(encodeUdp(none, src, dst).subarray(6, 8))).toBe('0000');
    expect(decodeUdp(encodeUdp(none, src, dst), src, dst)).toEqual({ ok: true, value: none });
  });

  it('verifies against the pseudo-header and bounds the data by the length field', () => {
    const d = { proto: 'udp', srcPort: 1, dstPort: 2, data: hex('0102') } as const;
    const bytes = encodeUdp(d, src, dst);
    expect(decodeUdp(bytes, src, ip('10.0.0.3'))).toMatchObject({
      ok: true,
      value: { badChecksum: expect.any(Number) },
    });
    const trailing = new Uint8Array([...bytes, 0xff]);
    expect(decodeUdp(trailing, src, dst)).toEqual({ ok: true, value: d });
    expect(decodeUdp(bytes.subarray(0, 9), src, dst)).toMatchObject({
      ok: false,
      error: expect.stringContaining('exceeds'),
    });
    expect(decodeUdp(hex('0001 0002 0007 0000'), src, dst)).toMatchObject({
      ok: false,
      error: expect.stringContaining('shorter'),
    });
  });
});

describe('tcp', () => {
  const src = ip('10.0.0.1');
  const dst = ip('10.0.0.2');
  const segment = (fields: Partial<TcpSegment> = {}): TcpSegment => ({
    proto: 'tcp',
    srcPort: 49152,
    dstPort: 23,
    seq: 0xffff_fffe,
    ack: 0x8000_0001,
    flags: TCP_FIN | TCP_ACK,
    window: 64240,
    urgent: 0,
    options: new Uint8Array(0),
    data: hex('0d0a'),
    ...fields,
  });

  it('round-trips through IPv4, sequence numbers unsigned, options padded to 32 bits', () => {
    const s = segment({ options: hex('0204 05b4 01') });
    const p = packet({ protocol: 6, payload: s });
    expect(tcpLen(s)).toBe(20 + 8 + 2);
    expect(ipv4Len(p)).toBe(20 + 30);
    const bytes = encodeIpv4(p);
    expect(toHex(bytes.subarray(20 + 12, 20 + 14))).toBe('7011'); // data offset 7, FIN|ACK
    expect(decodeIpv4(bytes)).toEqual({
      ok: true,
      value: { ...p, payload: { ...s, options: hex('0204 05b4 0100 0000') } },
    });
  });

  it('keeps the reserved bits next to the flags, so decode -> encode is exact', () => {
    const bytes = new Uint8Array(encodeTcp(segment(), src, dst));
    bytes[12] = bytes[12]! | 0x0f; // the four reserved bits, NS (RFC 3540) the lowest of them
    bytes[16] = 0;
    bytes[17] = 0;
    const sum = internetChecksum(concat(hex('0a00 0001 0a00 0002 0006 0016'), bytes));
    bytes[16] = sum >>> 8;
    bytes[17] = sum & 0xff;
    const result = decodeTcp(bytes, src, dst);
    expect(result).toEqual({ ok: true, value: segment({ flags: 0xf00 | TCP_FIN | TCP_ACK }) });
    expect(result.ok && result.value.flags & TCP_NS).toBe(TCP_NS);
    expect(toHex(encodeTcp(result.ok ? result.value : segment(), src, dst))).toBe(toHex(bytes));
  });

  it('rejects what cannot be a segment, saying why', () => {
    const good = new Uint8Array(encodeTcp(segment({ options: mssOption(1460) }), src, dst)); // 26 bytes
    // [expected error, byte 12 (data offset) or unchanged, bytes kept]
    const cases: [string, number | undefined, number][] = [
      ['tcp: 19 bytes, the header needs 20', undefined, 19],
      ['tcp: data offset 4 (16 bytes) is below 5', 0x40, 26],
      ['tcp: data offset 0 (0 bytes) is below 5', 0x00, 26],
      ['tcp: data offset 7 (28 bytes) exceeds the 26 bytes available', 0x70, 26],
      ['tcp: data offset 6 (24 bytes) exceeds the 23 bytes available', undefined, 23],
      ['tcp: data offset 15 (60 bytes) exceeds the 26 bytes available', 0xf0, 26],
    ];
    for (const [message, offset, keep] of cases) {
      const b = new Uint8Array(good);
      if (offset !== undefined) b[12] = offset | (b[12]! & 0x0f);
      expect(decodeTcp(b.subarray(0, keep), src, dst)).toEqual({ ok: false, error: message });
    }
    // Inside a datagram, a malformed segment makes the datagram malformed, as for UDP.
    const truncated = new Uint8Array(encodeIpv4(packet({ protocol: 6, payload: segment() })).subarray(0, 39));
    truncated[3] = 39;
    expect(decodeIpv4(truncated)).toEqual({ ok: false, error: 'tcp: 19 bytes, the header needs 20' });
  });

  it('verifies against the pseudo-header, keeps a wrong checksum and writes it back', () => {
    const s = segment();
    const bytes = new Uint8Array(encodeTcp(s, src, dst));
    expect(decodeTcp(bytes, src, dst)).toEqual({ ok: true, value: s });
    const wire = (bytes[16]! << 8) | bytes[17]!;
    expect(decodeTcp(bytes, src, ip('10.0.0.3'))).toEqual({ ok: true, value: { ...s, badChecksum: wire } });
    bytes[21] = bytes[21]! ^ 0x01; // a data bit flipped in transit
    const result = decodeTcp(bytes, src, dst);
    expect(result).toEqual({ ok: true, value: { ...s, data: hex('0d0b'), badChecksum: wire } });
    expect(toHex(encodeTcp(result.ok ? result.value : s, src, dst))).toBe(toHex(bytes));
    const p = packet({ protocol: 6, payload: result.ok ? result.value : s });
    expect(decodeIpv4(encodeIpv4(p))).toEqual({ ok: true, value: p });
  });

  it('writes a computed zero checksum as 0: unlike UDP, TCP has no "no checksum"', () => {
    const plain = encodeTcp(segment({ data: new Uint8Array(2) }), src, dst);
    const word = (plain[16]! << 8) | plain[17]!;
    // Putting the checksum itself in the data makes the sum all ones: the checksum computes to 0.
    const zero = segment({ data: new Uint8Array([word >>> 8, word & 0xff]) });
    const bytes = encodeTcp(zero, src, dst);
    expect(toHex(bytes.subarray(16, 18))).toBe('0000');
    expect(decodeTcp(bytes, src, dst)).toEqual({ ok: true, value: zero });
  });

  it('encodes into a caller buffer at an offset, and refuses what the header cannot hold', () => {
    const s = segment({ options: hex('0303') });
    const buf = new Uint8Array(40).fill(0xee);
    const view = encodeTcp(s, src, dst, buf, 5);
    expect(view.byteOffset).toBe(5);
    expect(toHex(view)).toBe(toHex(encodeTcp(s, src, dst)));
    expect(toHex(view.subarray(20, 24))).toBe('03030000');
    expect(buf[4]).toBe(0xee);
    expect(buf[31]).toBe(0xee);
    expect(() => encodeTcp(s, src, dst, buf, 15)).toThrow(RangeError);
    expect(() => encodeTcp(segment({ options: new Uint8Array(41) }), src, dst)).toThrow(RangeError);
    expect(() => encodeTcp(segment({ data: new Uint8Array(65516) }), src, dst)).toThrow(RangeError);
  });

  it('builds and reads the MSS option, and reads none from malformed options', () => {
    expect(toHex(mssOption(1460))).toBe('020405b4');
    expect(toHex(mssOption(536))).toBe('02040218');
    expect(readMss(mssOption(1460))).toBe(1460);
    // After NOPs and other options (Linux: MSS first; here behind SACK permitted and a timestamp).
    expect(readMss(hex('0101 0402 080a 0000 0001 0000 0000 0204 0218'))).toBe(536);
    const undefinedFor = [
      '', // no options
      '0103 0308 0101 0402', // window scale and SACK permitted, no MSS
      '0000 0204 05b4', // MSS after End of Option List
      '01', // a NOP, then nothing
      '03', // a kind without its length
      '0300 0204 05b4', // length 0: the walk cannot go on
      '0301 0204 05b4', // length 1
      '0309 0308 0204 05b4', // length past the end
      '0204 05', // MSS cut short
      '0203 05b4', // MSS with length 3
      '0205 05b4 00', // MSS with length 5
    ];
    for (const options of undefinedFor) expect(readMss(hex(options)), options).toBeUndefined();
  });
});

describe('ping data', () => {
  it('Windows repeats a..w; IOS puts a millisecond stamp before its pattern', () => {
    expect(new TextDecoder().decode(windowsPingData(50))).toBe(
      'abcdefghijklmnopqrstuvwabcdefghijklmnopqrstuvwabcd',
    );
    expect(windowsPingData(0)).toEqual(new Uint8Array(0));
    expect(toHex(iosPingData(12, 0x1_0203_0405))).toBe('0000000002030405abcdabcd');
    expect(toHex(iosPingData(10, 1, 0x0000))).toBe('00000000000000010000');
    expect(iosPingData().length).toBe(72);
    expect(toHex(iosPingData(6, 0x0a0b0c0d))).toBe('000000000a0b');
  });
});
