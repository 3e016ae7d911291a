/**
 * NTP messages (RFC 5905 7.3): the 48-byte header, the trailer kept after it, the time formats
 * and reference IDs, and the request and reply the engine builds.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ipFrame, ipv4, udp } from '../../src/engine/packets.ts';
import type { NtpMessage, NtpTimestamp } from '../../src/engine/wire/ntp.ts';
import {
  decodeNtp,
  encodeNtp,
  msOfNtpTimestamp,
  NTP_HEADER_LEN,
  NTP_LEAP_ALARM,
  NTP_LEAP_NONE,
  NTP_MODE_CLIENT,
  NTP_MODE_SERVER,
  NTP_MODE_SYMMETRIC_ACTIVE,
  NTP_MODE_SYMMETRIC_PASSIVE,
  NTP_PORT,
  NTP_STRATUM_UNSPEC,
  NTP_UNIX_OFFSET,
  NTP_ZERO_TIME,
  ntpClientRequest,
  ntpServerReply,
  ntpShortOfSeconds,
  ntpTimestampOfMs,
  refIdOfText,
  refIdText,
  secondsOfNtpShort,
} from '../../src/engine/wire/ntp.ts';
import { formatIpv4, ipv4 as ipv4Addr } from '../../src/shared/ipv4.ts';
import { concat, hex, ip, mac, toHex } from './hex.ts';
import { describeTshark, fieldsOf } from './tshark-run.ts';

const ts = (seconds: number, fraction: number): NtpTimestamp => ({ seconds, fraction });
const NONE = new Uint8Array(0);

/** Encodes to exactly `bytes`, and `bytes` decode to exactly `m`. */
function expectWire(bytes: Uint8Array, m: NtpMessage): void {
  expect(decodeNtp(bytes)).toEqual({ ok: true, value: m });
  expect(toHex(encodeNtp(m))).toBe(toHex(bytes));
}

// ---- Captured messages ----

/**
 * The request ntpdate sends (its NTPDATE_* constants: leap alarm, version 4, client, stratum 0,
 * poll 4, precision -6, root delay and dispersion 1 s), as nmap sends it to port 123: the
 * NTPRequest entry of nmap's payload database (nmap/nmap, nmap-payloads).
 */
const ntpdateRequestBytes = hex(`
  e3 00 04 fa  00010000  00010000  00000000
  0000000000000000  0000000000000000  0000000000000000
  c54f234b71b152f3`);

// The first exchange of Wireshark's NTP_sync.pcap sample capture, frames 1 and 18, whose bytes
// google/gopacket's layers/ntp_test.go (TestNTPOne, TestNTPTwo) carries: an NTPv3 ntpd, not yet
// synchronized, polls 67.129.68.9 in symmetric active mode; a stratum 3 peer answers.

const symmetricPollBytes = hex(`
  d9 00 0a fa  00000000  00010290  00000000
  0000000000000000  0000000000000000  0000000000000000
  c50204ecec42ee92`);

const symmetricAnswerBytes = hex(`
  1a 03 0a ee  00001bf7  000014ec  51ae80b7
  c502034c8d0e66cb  c50204ecec42ee92  c50204ebcf4959e6
  c50204ebcf4c6e6e`);

/** A version 4 server's reply, stratum 2, from dpkt's tests (kbandla/dpkt, dpkt/ntp.py). */
const serverReplyBytes = hex(`
  24 02 04 ef  00000084  00003327  c1020402
  c890ec1122ae07e5  c890f9d9c07e8ccd  c890f9d9dac5b078
  c890f9d9dac68a93`);

// From scapy's NTP tests (secdev/scapy, test/scapy/layers/ntp.uts): messages authenticated with
// a symmetric key, the key ID and digest after the header.

/** "NTPHeader - KoD": a server refusing a client it has not yet synchronized, kiss code INIT; key 1, MD5. */
const kissOfDeathBytes = hex(`
  e4 00 06 e8  00000000  000002ca  494e4954
  0000000000000000  db40e39e48a3706a  db40e39e48f0c35c
  db40e39e48fa4cac
  00000001 428629c151348b5738e751dad05abcb8`);

/** "NTPHeader - Dissection": symmetric active, stratum 11 on ntpd's local clock 127.127.1.0; key 1, MD5. */
const authenticatedPeerBytes = hex(`
  21 0b 06 ea  00000000  0000f2c1  7f7f0100
  db39e8a23102e6bc  db39e881025538ef  db39e880dc6c2b06
  db39e8a931cb49bf
  00000001 ad79f3a1e5fcd032d26a1e27c3c1b60e`);

/**
 * "NTPAuthenticator": the UDP data of a client request with key 11 and a 20-byte SHA-1 digest
 * (scapy reads its last 20 bytes as an MD5 authenticator, the reason the trailer stays raw).
 */
const sha1RequestBytes = hex(`
  23 00 07 20  00000000  00000000  00000000
  0000000000000000  0000000000000000  0000000000000000
  52c7bc1dda64b97d
  0000000b cdc3825dbf6b7ad02886ff45aa8b2eaf7ac78bc1`);

describe('NTP golden bytes', () => {
  it("ntpdate's request", () => {
    expectWire(ntpdateRequestBytes, {
      leap: NTP_LEAP_ALARM,
      version: 4,
      mode: NTP_MODE_CLIENT,
      stratum: NTP_STRATUM_UNSPEC,
      poll: 4,
      precision: -6,
      rootDelay: 0x10000,
      rootDispersion: 0x10000,
      referenceId: 0,
      reference: NTP_ZERO_TIME,
      origin: NTP_ZERO_TIME,
      receive: NTP_ZERO_TIME,
      transmit: ts(0xc54f234b, 0x71b152f3),
      trailer: NONE,
    });
    const m = decodeNtp(ntpdateRequestBytes);
    expect(m.ok && secondsOfNtpShort(m.value.rootDelay)).toBe(1);
    expect(m.ok && new Date(msOfNtpTimestamp(m.value.transmit)).toISOString()).toBe(
      '2004-11-24T15:12:11.444Z',
    );
  });

  it("ntpd's symmetric active poll and its peer's answer, origin the poll's transmit time", () => {
    expectWire(symmetricPollBytes, {
      leap: NTP_LEAP_ALARM,
      version: 3,
      mode: NTP_MODE_SYMMETRIC_ACTIVE,
      stratum: 0,
      poll: 10,
      precision: -6,
      rootDelay: 0,
      rootDispersion: 0x10290,
      referenceId: 0,
      reference: NTP_ZERO_TIME,
      origin: NTP_ZERO_TIME,
      receive: NTP_ZERO_TIME,
      transmit: ts(0xc50204ec, 0xec42ee92),
      trailer: NONE,
    });
    expectWire(symmetricAnswerBytes, {
      leap: NTP_LEAP_NONE,
      version: 3,
      mode: NTP_MODE_SYMMETRIC_PASSIVE,
      stratum: 3,
      poll: 10,
      precision: -18,
      rootDelay: 0x1bf7,
      rootDispersion: 0x14ec,
      referenceId: ip('81.174.128.183'),
      reference: ts(0xc502034c, 0x8d0e66cb),
      origin: ts(0xc50204ec, 0xec42ee92),
      receive: ts(0xc50204eb, 0xcf4959e6),
      transmit: ts(0xc50204eb, 0xcf4c6e6e),
      trailer: NONE,
    });
    const answer = decodeNtp(symmetricAnswerBytes);
    expect(answer.ok && secondsOfNtpShort(answer.value.rootDelay)).toBeCloseTo(0.1092, 4);
    expect(answer.ok && formatIpv4(ipv4Addr(answer.value.referenceId))).toBe('81.174.128.183');
  });

  it("a version 4 server's reply", () => {
    expectWire(serverReplyBytes, {
      leap: NTP_LEAP_NONE,
      version: 4,
      mode: NTP_MODE_SERVER,
      stratum: 2,
      poll: 4,
      precision: -17,
      rootDelay: 0x84,
      rootDispersion: 0x3327,
      referenceId: ip('193.2.4.2'),
      reference: ts(0xc890ec11, 0x22ae07e5),
      origin: ts(0xc890f9d9, 0xc07e8ccd),
      receive: ts(0xc890f9d9, 0xdac5b078),
      transmit: ts(0xc890f9d9, 0xdac68a93),
      trailer: NONE,
    });
  });

  it('a kiss-o-death with its MD5 authenticator kept as the trailer', () => {
    expectWire(kissOfDeathBytes, {
      leap: NTP_LEAP_ALARM,
      version: 4,
      mode: NTP_MODE_SERVER,
      stratum: NTP_STRATUM_UNSPEC,
      poll: 6,
      precision: -24,
      rootDelay: 0,
      rootDispersion: 0x2ca,
      referenceId: refIdOfText('INIT'),
      reference: NTP_ZERO_TIME,
      origin: ts(0xdb40e39e, 0x48a3706a),
      receive: ts(0xdb40e39e, 0x48f0c35c),
      transmit: ts(0xdb40e39e, 0x48fa4cac),
      trailer: hex('00000001 428629c151348b5738e751dad05abcb8'),
    });
    const m = decodeNtp(kissOfDeathBytes);
    expect(m.ok && refIdText(m.value.referenceId)).toBe('INIT');
  });

  it('authenticated symmetric and client messages, MD5 and SHA-1, re-encode byte for byte', () => {
    expectWire(authenticatedPeerBytes, {
      leap: NTP_LEAP_NONE,
      version: 4,
      mode: NTP_MODE_SYMMETRIC_ACTIVE,
      stratum: 11,
      poll: 6,
      precision: -22,
      rootDelay: 0,
      rootDispersion: 0xf2c1,
      referenceId: ip('127.127.1.0'),
      reference: ts(0xdb39e8a2, 0x3102e6bc),
      origin: ts(0xdb39e881, 0x025538ef),
      receive: ts(0xdb39e880, 0xdc6c2b06),
      transmit: ts(0xdb39e8a9, 0x31cb49bf),
      trailer: hex('00000001 ad79f3a1e5fcd032d26a1e27c3c1b60e'),
    });
    const sha1 = decodeNtp(sha1RequestBytes);
    expect(sha1.ok && sha1.value).toMatchObject({ leap: 0, version: 4, mode: NTP_MODE_CLIENT, poll: 7 });
    expect(sha1.ok && toHex(sha1.value.trailer)).toBe('0000000bcdc3825dbf6b7ad02886ff45aa8b2eaf7ac78bc1');
    expect(sha1.ok && toHex(encodeNtp(sha1.value))).toBe(toHex(sha1RequestBytes));
  });

  it('the decoded trailer does not share the input bytes', () => {
    const b = new Uint8Array(kissOfDeathBytes);
    const m = decodeNtp(b);
    b[51] = 0xff;
    expect(m.ok && toHex(m.value.trailer.subarray(0, 4))).toBe('00000001');
  });
});

describe('NTP decoding', () => {
  it('says how many bytes there are when fewer than 48', () => {
    expect(NTP_HEADER_LEN).toBe(48);
    for (const n of [0, 1, 12, 47]) {
      expect(decodeNtp(ntpdateRequestBytes.subarray(0, n))).toEqual({
        ok: false,
        error: `ntp: ${n} bytes, a message needs 48`,
      });
    }
  });

  it('keeps every version and mode, the control and private modes included', () => {
    for (const first of [0x00, 0x07, 0x16, 0x17, 0x3f, 0xff]) {
      const b = concat(Uint8Array.of(first), ntpdateRequestBytes.subarray(1));
      const m = decodeNtp(b);
      expect(m.ok && [m.value.leap, m.value.version, m.value.mode]).toEqual([
        first >> 6,
        (first >> 3) & 7,
        first & 7,
      ]);
      expect(m.ok && toHex(encodeNtp(m.value))).toBe(toHex(b));
    }
  });

  it('reads poll and precision as signed bytes', () => {
    const b = concat(hex('e3 00 80 7f'), ntpdateRequestBytes.subarray(4));
    expect(decodeNtp(b)).toMatchObject({ ok: true, value: { poll: -128, precision: 127 } });
  });
});

describe('NTP encoding', () => {
  const request = ntpClientRequest({ transmit: ts(1, 2) });

  it('refuses only what the fields cannot hold', () => {
    expect(() => encodeNtp({ ...request, leap: 4 })).toThrow(/leap 4 is not in 0\.\.3/);
    expect(() => encodeNtp({ ...request, version: 8 })).toThrow(RangeError);
    expect(() => encodeNtp({ ...request, mode: -1 })).toThrow(RangeError);
    expect(() => encodeNtp({ ...request, stratum: 256 })).toThrow(RangeError);
    expect(() => encodeNtp({ ...request, poll: 128 })).toThrow(/poll 128 is not in -128\.\.127/);
    expect(() => encodeNtp({ ...request, precision: -129 })).toThrow(RangeError);
    expect(() => encodeNtp({ ...request, rootDelay: 2 ** 32 })).toThrow(RangeError);
    expect(() => encodeNtp({ ...request, referenceId: 1.5 })).toThrow(RangeError);
    expect(() => encodeNtp({ ...request, origin: ts(2 ** 32, 0) })).toThrow(/origin seconds/);
    expect(() => encodeNtp({ ...request, transmit: ts(0, -1) })).toThrow(/transmit fraction/);
    const extreme = { ...request, leap: 3, version: 7, mode: 7, stratum: 255, poll: -128, precision: 127 };
    expect(toHex(encodeNtp(extreme).subarray(0, 4))).toBe('ffff807f');
  });
});

// ---- Time formats and reference IDs ----

describe('NTP time formats', () => {
  it('counts seconds from 1900-01-01 UTC', () => {
    expect(NTP_UNIX_OFFSET).toBe(2_208_988_800);
    expect(ntpTimestampOfMs(0)).toEqual(ts(2_208_988_800, 0));
    expect(ntpTimestampOfMs(Date.UTC(1900, 0, 1))).toEqual(ts(0, 0));
    expect(msOfNtpTimestamp(ts(0, 0))).toBe(Date.UTC(1900, 0, 1));
    // The last second of era 0.
    expect(ntpTimestampOfMs(Date.UTC(2036, 1, 7, 6, 28, 15))).toEqual(ts(0xffffffff, 0));
    expect(ntpTimestampOfMs(Date.UTC(2024, 2, 1, 12))).toEqual(ts(3_918_283_200, 0));
  });

  it('the fraction counts 2^-32 s, to the nearest', () => {
    expect(ntpTimestampOfMs(500)).toEqual(ts(NTP_UNIX_OFFSET, 0x80000000));
    expect(ntpTimestampOfMs(250)).toEqual(ts(NTP_UNIX_OFFSET, 0x40000000));
    // 1 ms is 4294967.296 units, 999 ms 4290672328.704.
    expect(ntpTimestampOfMs(1)).toEqual(ts(NTP_UNIX_OFFSET, 4_294_967));
    expect(ntpTimestampOfMs(999)).toEqual(ts(NTP_UNIX_OFFSET, 4_290_672_329));
    expect(ntpTimestampOfMs(0.001)).toEqual(ts(NTP_UNIX_OFFSET, 4295)); // 1 us
    expect(ntpTimestampOfMs(-1)).toEqual(ts(NTP_UNIX_OFFSET - 1, 4_290_672_329));
    // Within half a unit of the next second, the fraction carries into the seconds.
    expect(ntpTimestampOfMs(999.99999999)).toEqual(ts(NTP_UNIX_OFFSET + 1, 0));
    expect(msOfNtpTimestamp(ts(NTP_UNIX_OFFSET, 0x80000000))).toBe(500);
    expect(msOfNtpTimestamp(ts(NTP_UNIX_OFFSET, 1))).toBe(1000 / 2 ** 32);
  });

  it('a millisecond time comes back to the millisecond, within a microsecond', () => {
    fc.assert(
      fc.property(fc.integer({ min: Date.UTC(1900, 0, 1), max: Date.UTC(2036, 1, 7) }), (ms) => {
        const t = ntpTimestampOfMs(ms);
        expect(Number.isInteger(t.seconds) && t.seconds >= 0 && t.seconds <= 0xffffffff).toBe(true);
        expect(Number.isInteger(t.fraction) && t.fraction >= 0 && t.fraction <= 0xffffffff).toBe(true);
        expect(Math.abs(msOfNtpTimestamp(t) - ms)).toBeLessThan(0.001);
        expect(Math.round(msOfNtpTimestamp(t))).toBe(ms);
      }),
      { numRuns: 2000 },
    );
  });

  it('times after era 0 (2036-02-07 06:28:16 UTC) wrap as on the wire; their dates are out of scope', () => {
    expect(ntpTimestampOfMs(Date.UTC(2036, 1, 7, 6, 28, 16))).toEqual(ts(0, 0));
    expect(msOfNtpTimestamp(ntpTimestampOfMs(Date.UTC(2040, 0, 1)))).not.toBe(Date.UTC(2040, 0, 1));
    expect(() => ntpTimestampOfMs(Number.NaN)).toThrow(RangeError);
  });

  it('the short format is 16.16 seconds', () => {
    expect(ntpShortOfSeconds(1)).toBe(0x10000);
    expect(ntpShortOfSeconds(0.5)).toBe(0x8000);
    expect(ntpShortOfSeconds(0)).toBe(0);
    expect(ntpShortOfSeconds(65535.99999)).toBe(0xffffffff);
    expect(secondsOfNtpShort(0x10290)).toBeCloseTo(1.01, 2);
    expect(secondsOfNtpShort(0xffffffff)).toBe(65535 + 65535 / 65536);
    expect(() => ntpShortOfSeconds(-0.001)).toThrow(RangeError);
    expect(() => ntpShortOfSeconds(65536)).toThrow(RangeError);
    expect(() => ntpShortOfSeconds(Number.NaN)).toThrow(RangeError);
    for (const v of [0, 1, 0x84, 0x3327, 0x10000, 0xffffffff]) {
      expect(ntpShortOfSeconds(secondsOfNtpShort(v))).toBe(v);
    }
  });
});

describe('NTP reference IDs', () => {
  it('kiss codes and clock names are ASCII padded with zeros', () => {
    expect(refIdOfText('LOCL')).toBe(0x4c4f434c);
    expect(refIdOfText('INIT')).toBe(0x494e4954);
    expect(refIdOfText('GPS')).toBe(0x47505300);
    expect(refIdText(0x4c4f434c)).toBe('LOCL');
    expect(refIdText(0x52415445)).toBe('RATE');
    expect(refIdText(0x47505300)).toBe('GPS');
    expect(() => refIdOfText('')).toThrow(RangeError);
    expect(() => refIdOfText('LOCAL')).toThrow(RangeError);
    expect(() => refIdOfText('é')).toThrow(RangeError);
  });

  it('what is not text has none', () => {
    expect(refIdText(0)).toBeUndefined();
    expect(refIdText(ip('192.168.1.1'))).toBeUndefined();
    expect(refIdText(0x47005300)).toBeUndefined(); // a character after the padding
    expect(refIdText(0x7f7f0100)).toBeUndefined();
  });
});

// ---- Builders ----

describe('NTP request and reply', () => {
  const sent = ntpTimestampOfMs(Date.UTC(2024, 2, 1, 12, 0, 0, 250));
  const request = ntpClientRequest({ transmit: sent });
  const server = {
    leap: NTP_LEAP_NONE,
    stratum: 1,
    precision: -20,
    rootDelay: 0,
    rootDispersion: ntpShortOfSeconds(0.01),
    referenceId: refIdOfText('LOCL'),
    reference: ntpTimestampOfMs(Date.UTC(2024, 2, 1, 11, 59)),
  };
  const received = ntpTimestampOfMs(Date.UTC(2024, 2, 1, 12, 0, 0, 251));
  const replied = ntpTimestampOfMs(Date.UTC(2024, 2, 1, 12, 0, 0, 500));
  const reply = ntpServerReply(request, server, received, replied);

  it('a client asks unsynchronized, version 4, poll 64 s, nothing but its transmit time', () => {
    expect(request).toEqual({
      leap: NTP_LEAP_ALARM,
      version: 4,
      mode: NTP_MODE_CLIENT,
      stratum: 0,
      poll: 6,
      precision: -20,
      rootDelay: 0,
      rootDispersion: 0,
      referenceId: 0,
      reference: NTP_ZERO_TIME,
      origin: NTP_ZERO_TIME,
      receive: NTP_ZERO_TIME,
      transmit: sent,
      trailer: NONE,
    });
    expect(toHex(encodeNtp(request))).toBe(
      toHex(
        hex(`
          e3 00 06 ec  00000000  00000000  00000000
          0000000000000000  0000000000000000  0000000000000000
          e98c41c0 40000000`),
      ),
    );
    expect(ntpClientRequest({ version: 3, transmit: sent }).version).toBe(3);
  });

  it("the server answers in mode 4 with the request's version and poll, its transmit time as origin", () => {
    expect(reply).toEqual({
      ...server,
      version: 4,
      mode: NTP_MODE_SERVER,
      poll: 6,
      origin: sent,
      receive: received,
      transmit: replied,
      trailer: NONE,
    });
    const v3 = ntpServerReply({ ...request, version: 3, poll: 10 }, server, received, replied);
    expect([v3.version, v3.poll]).toEqual([3, 10]);
    expect(decodeNtp(encodeNtp(reply))).toEqual({ ok: true, value: reply });
  });

  // ---- tshark ----

  const CLIENT = { mac: mac('00:50:79:66:68:01'), ip: ip('192.168.1.10') };
  const SERVER = { mac: mac('00:1a:2b:3c:4d:01'), ip: ip('192.168.1.1') };
  const CLIENT_PORT = 50123;

  const FIELDS = [
    'ntp.flags.li',
    'ntp.flags.vn',
    'ntp.flags.mode',
    'ntp.stratum',
    'ntp.ppoll',
    'ntp.precision',
    'ntp.rootdispersion',
    'ntp.refid',
    'ntp.org',
    'ntp.xmt',
    'ntp.keyid',
    'ntp.mac',
    'udp.srcport',
    'udp.dstport',
    'udp.checksum.status',
    '_ws.expert',
    '_ws.malformed',
  ] as const;

  describeTshark('as tshark reads them', () => {
    it('decodes the request, the reply and the authenticated kiss-o-death, with nothing malformed', () => {
      const toServer = (data: Uint8Array, id: number) =>
        ipFrame(
          SERVER.mac,
          CLIENT.mac,
          undefined,
          ipv4(CLIENT.ip, SERVER.ip, 64, 17, id, udp(CLIENT_PORT, NTP_PORT, data)),
        );
      const toClient = (data: Uint8Array, id: number) =>
        ipFrame(
          CLIENT.mac,
          SERVER.mac,
          undefined,
          ipv4(SERVER.ip, CLIENT.ip, 255, 17, id, udp(NTP_PORT, CLIENT_PORT, data)),
        );
      const frames = [
        toServer(encodeNtp(request), 1),
        toClient(encodeNtp(reply), 2),
        toClient(kissOfDeathBytes, 3),
      ];
      fieldsOf(frames, FIELDS, (rows) => {
        const asked = {
          'ntp.flags.li': '3',
          'ntp.flags.vn': '4',
          'ntp.flags.mode': '3',
          'ntp.stratum': '0',
          'ntp.ppoll': '6',
          'ntp.precision': '236', // -20, which tshark shows unsigned
          'ntp.rootdispersion': '0',
          'ntp.refid': '00000000',
          'ntp.org': 'NULL',
          'ntp.xmt': 'Mar  1, 2024 12:00:00.250000000 UTC',
          'ntp.keyid': '',
          'ntp.mac': '',
          'udp.srcport': '50123',
          'udp.dstport': '123',
        };
        const fromServer = { 'udp.srcport': '123', 'udp.dstport': '50123' };
        const clean = { 'udp.checksum.status': '1', '_ws.expert': '', '_ws.malformed': '' };
        expect(rows).toEqual([
          { ...asked, ...clean },
          {
            ...asked,
            ...fromServer,
            ...clean,
            'ntp.flags.li': '0',
            'ntp.flags.mode': '4',
            'ntp.stratum': '1',
            'ntp.rootdispersion': '655', // 0.01 s
            'ntp.refid': '4c4f434c', // LOCL
            'ntp.org': 'Mar  1, 2024 12:00:00.250000000 UTC',
            'ntp.xmt': 'Mar  1, 2024 12:00:00.500000000 UTC',
          },
          {
            ...asked,
            ...fromServer,
            ...clean,
            'ntp.flags.mode': '4',
            'ntp.precision': '232',
            'ntp.rootdispersion': '714',
            'ntp.refid': '494e4954', // INIT
            'ntp.org': 'Jul 25, 2016 19:14:38.283743883 UTC',
            'ntp.xmt': 'Jul 25, 2016 19:14:38.285069267 UTC',
            'ntp.keyid': '00000001',
            'ntp.mac': '428629c151348b5738e751dad05abcb8',
          },
        ]);
      });
    });
  });
});

// ---- Properties ----

const u32 = fc
  .tuple(fc.integer({ min: 0, max: 0xffff }), fc.integer({ min: 0, max: 0xffff }))
  .map(([hi, lo]) => hi * 0x10000 + lo);
const timestamp: fc.Arbitrary<NtpTimestamp> = fc.record({ seconds: u32, fraction: u32 });
const int8 = fc.integer({ min: -128, max: 127 });

const message: fc.Arbitrary<NtpMessage> = fc.record({
  leap: fc.integer({ min: 0, max: 3 }),
  version: fc.integer({ min: 0, max: 7 }),
  mode: fc.integer({ min: 0, max: 7 }),
  stratum: fc.integer({ min: 0, max: 0xff }),
  poll: int8,
  precision: int8,
  rootDelay: u32,
  rootDispersion: u32,
  referenceId: u32,
  reference: timestamp,
  origin: timestamp,
  receive: timestamp,
  transmit: timestamp,
  trailer: fc.oneof(
    fc.constant(NONE),
    fc.uint8Array({ minLength: 20, maxLength: 24 }),
    fc.uint8Array({ maxLength: 80 }),
  ),
});

describe('NTP properties', () => {
  it('decode(encode(m)) gives m back', () => {
    fc.assert(
      fc.property(message, (m) => {
        const b = encodeNtp(m);
        expect(b.length).toBe(NTP_HEADER_LEN + m.trailer.length);
        expect(decodeNtp(b)).toEqual({ ok: true, value: m });
      }),
      { numRuns: 1000 },
    );
  });

  it('decodeNtp never throws, decodes exactly the inputs of 48 bytes or more, and re-encodes them', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 120 }), (b) => {
        const result = decodeNtp(b);
        expect(result.ok).toBe(b.length >= NTP_HEADER_LEN);
        if (result.ok) expect(toHex(encodeNtp(result.value))).toBe(toHex(b));
      }),
      { numRuns: 3000 },
    );
  });
});
