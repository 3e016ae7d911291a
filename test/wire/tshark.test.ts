import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { pcapFile } from '../../src/engine/pcap.ts';
import type { Dot1qTag, EthernetFrame } from '../../src/engine/wire/ethernet.ts';
import { ETHERTYPE_ARP, ETHERTYPE_IPV4, encodeFrame } from '../../src/engine/wire/ethernet.ts';
import {
  ICMP_DEST_UNREACHABLE,
  ICMP_REDIRECT,
  ICMP_TIME_EXCEEDED,
  isIcmpError,
  REDIRECT_HOST,
  UNREACH_HOST,
  UNREACH_NET,
  UNREACH_PORT,
} from '../../src/engine/wire/icmp.ts';
import type { IcmpErrorOptions } from '../../src/engine/wire/icmp-error.ts';
import { icmpErrorFor } from '../../src/engine/wire/icmp-error.ts';
import type { Ipv4Packet } from '../../src/engine/wire/ipv4.ts';
import { NO_OPTIONS } from '../../src/engine/wire/ipv4.ts';
import { iosPingData, windowsPingData } from '../../src/engine/wire/ping-data.ts';
import type { TcpSegment } from '../../src/engine/wire/tcp.ts';
import { mssOption, readMss, TCP_ACK, TCP_PSH, TCP_SYN } from '../../src/engine/wire/tcp.ts';
import type { Ipv4Addr } from '../../src/shared/ipv4.ts';
import { formatIpv4 } from '../../src/shared/ipv4.ts';
import { formatMacColon } from '../../src/shared/mac.ts';
import type { Micros } from '../../src/shared/time.ts';
import { micros } from '../../src/shared/time.ts';
import { concat, hex, ip, mac } from './hex.ts';
import { describeTshark, haveTshark, TSHARK, tshark } from './tshark-run.ts';

if (!haveTshark)
  console.warn(`${TSHARK} not found: wire decoding by Wireshark is not checked (apt-get install -y tshark)`);

const PC1 = { mac: mac('00:50:79:66:68:01'), ip: ip('192.168.1.10') };
const R1 = { mac: mac('00:1a:2b:3c:4d:01'), ip: ip('192.168.1.1') };
const PC2 = { ip: ip('10.0.0.5') };
/** Another router on PC1's LAN, to which R1 redirects it. */
const R2 = { ip: ip('192.168.1.2') };

const datagram = (fields: Partial<Ipv4Packet> & Pick<Ipv4Packet, 'src' | 'dst' | 'payload'>): Ipv4Packet => ({
  proto: 'ipv4',
  dscp: 0,
  ecn: 0,
  identification: 0x0100,
  dontFragment: false,
  moreFragments: false,
  fragmentOffset: 0,
  ttl: 128,
  protocol: fields.payload.proto === 'udp' ? 17 : fields.payload.proto === 'tcp' ? 6 : 1,
  options: NO_OPTIONS,
  ...fields,
});

const windowsPing = datagram({
  src: PC1.ip,
  dst: PC2.ip,
  payload: { proto: 'icmp', type: 8, code: 0, identifier: 1, sequence: 7, data: windowsPingData() },
});
const windowsReply = datagram({
  src: PC2.ip,
  dst: PC1.ip,
  ttl: 126,
  payload: { proto: 'icmp', type: 0, code: 0, identifier: 1, sequence: 7, data: windowsPingData() },
});
const iosPing = datagram({
  src: R1.ip,
  dst: PC1.ip,
  ttl: 255,
  identification: 0,
  payload: { proto: 'icmp', type: 8, code: 0, identifier: 3, sequence: 0, data: iosPingData(72, 123_456) },
});
const probe = datagram({
  src: PC1.ip,
  dst: PC2.ip,
  ttl: 1,
  identification: 0x0007,
  payload: { proto: 'udp', srcPort: 49152, dstPort: 33434, data: new Uint8Array(0) },
});

/** Telnet from PC1 to R1: Windows' SYN, IOS's SYN-ACK, then IOS's first data. */
const telnetSyn = datagram({
  src: PC1.ip,
  dst: R1.ip,
  dontFragment: true,
  payload: {
    proto: 'tcp',
    srcPort: 49152,
    dstPort: 23,
    seq: 0x5e3f8a21,
    ack: 0,
    flags: TCP_SYN,
    window: 64240,
    urgent: 0,
    options: concat(mssOption(1460), hex('0103 0308 0101 0402')),
    data: new Uint8Array(0),
  },
});
const telnetSynAck = datagram({
  src: R1.ip,
  dst: PC1.ip,
  dscp: 0x30,
  ttl: 255,
  identification: 0,
  payload: {
    proto: 'tcp',
    srcPort: 23,
    dstPort: 49152,
    seq: 0x9b3e5c07,
    ack: 0x5e3f8a22,
    flags: TCP_SYN | TCP_ACK,
    window: 4128,
    urgent: 0,
    options: mssOption(1460),
    data: new Uint8Array(0),
  },
});
const telnetData = datagram({
  ...telnetSynAck,
  identification: 1,
  payload: {
    ...(telnetSynAck.payload as TcpSegment),
    seq: 0x9b3e5c08,
    flags: TCP_PSH | TCP_ACK,
    options: new Uint8Array(0),
    data: hex('fffb01 fffb03 fffd18 fffd1f'),
  },
});

function error(offending: Ipv4Packet, o: Omit<IcmpErrorOptions, 'src'>, src = R1.ip): Ipv4Packet {
  const p = icmpErrorFor({ ...offending, ttl: 1 }, { ...o, src });
  if (!p) throw new Error('no ICMP error for this datagram');
  return p;
}

const toPc1 = (payload: Ipv4Packet): EthernetFrame => ({
  dst: PC1.mac,
  src: R1.mac,
  etherType: ETHERTYPE_IPV4,
  payload,
});
const fromPc1 = (payload: Ipv4Packet): EthernetFrame => ({
  dst: R1.mac,
  src: PC1.mac,
  etherType: ETHERTYPE_IPV4,
  payload,
});

const kinds: readonly EthernetFrame[] = [
  {
    dst: mac('ff:ff:ff:ff:ff:ff'),
    src: PC1.mac,
    etherType: ETHERTYPE_ARP,
    payload: {
      proto: 'arp',
      op: 1,
      senderMac: PC1.mac,
      senderIp: PC1.ip,
      targetMac: mac('00:00:00:00:00:00'),
      targetIp: R1.ip,
    },
  },
  {
    dst: PC1.mac,
    src: R1.mac,
    etherType: ETHERTYPE_ARP,
    payload: {
      proto: 'arp',
      op: 2,
      senderMac: R1.mac,
      senderIp: R1.ip,
      targetMac: PC1.mac,
      targetIp: PC1.ip,
    },
  },
  fromPc1(windowsPing),
  toPc1(windowsReply),
  toPc1(iosPing),
  toPc1(error(windowsPing, { type: ICMP_TIME_EXCEEDED, code: 0 })),
  toPc1(error(windowsPing, { type: ICMP_DEST_UNREACHABLE, code: UNREACH_NET })),
  toPc1(error(windowsPing, { type: ICMP_DEST_UNREACHABLE, code: UNREACH_HOST })),
  toPc1(error(windowsPing, { type: ICMP_REDIRECT, code: REDIRECT_HOST, rest: R2.ip })),
  fromPc1(probe),
  toPc1(error(probe, { type: ICMP_TIME_EXCEEDED, code: 0 })),
  toPc1(error(probe, { type: ICMP_DEST_UNREACHABLE, code: UNREACH_PORT }, PC2.ip)),
  fromPc1(telnetSyn),
  toPc1(telnetSynAck),
  toPc1(telnetData),
];

const tags: readonly Dot1qTag[] = [
  { pcp: 0, dei: false, vid: 10 },
  { pcp: 5, dei: true, vid: 4094 },
];
const frames: readonly EthernetFrame[] = [
  ...kinds,
  ...kinds.map((f, i) => ({ ...f, tag: tags[i % tags.length]! })),
];
const at = (i: number): Micros => micros(1_000_000 * i + 250 * i);

const FIELDS = [
  'frame.time_epoch',
  'frame.len',
  'eth.dst',
  'eth.src',
  'vlan.id',
  'vlan.priority',
  'vlan.dei',
  'arp.opcode',
  'arp.src.proto_ipv4',
  'ip.src',
  'ip.dst',
  'ip.ttl',
  'ip.checksum.status',
  'icmp.type',
  'icmp.code',
  'icmp.checksum.status',
  'icmp.redir_gw',
  'udp.dstport',
  'udp.checksum.status',
  'tcp.srcport',
  'tcp.dstport',
  'tcp.seq_raw',
  'tcp.ack_raw',
  'tcp.flags',
  'tcp.window_size_value',
  'tcp.options.mss_val',
  'tcp.len',
  'tcp.checksum.status',
  '_ws.malformed',
] as const;

/** What tshark should show for `frame`, from its typed form: every IP layer, quoted ones too. */
function expected(frame: EthernetFrame, i: number): Record<string, string> {
  const out: Record<string, string> = {
    'frame.time_epoch': (at(i) / 1e6).toFixed(9),
    'frame.len': String(encodeFrame(frame).length),
    'eth.dst': formatMacColon(frame.dst),
    'eth.src': formatMacColon(frame.src),
    'vlan.id': frame.tag ? String(frame.tag.vid) : '',
    'vlan.priority': frame.tag ? String(frame.tag.pcp) : '',
    'vlan.dei': frame.tag ? (frame.tag.dei ? '1' : '0') : '',
    'arp.opcode': frame.payload.proto === 'arp' ? String(frame.payload.op) : '',
    'arp.src.proto_ipv4': frame.payload.proto === 'arp' ? formatIpv4(frame.payload.senderIp) : '',
  };
  const layers: Ipv4Packet[] = [];
  for (let p = frame.payload; p.proto === 'ipv4'; ) {
    layers.push(p);
    const inner = p.payload;
    if (inner.proto !== 'icmp' || !isIcmpError(inner) || inner.original instanceof Uint8Array) break;
    p = inner.original;
  }
  const list = (f: (p: Ipv4Packet) => string | undefined) => layers.flatMap((p) => f(p) ?? []).join(',');
  out['ip.src'] = list((p) => formatIpv4(p.src));
  out['ip.dst'] = list((p) => formatIpv4(p.dst));
  out['ip.ttl'] = list((p) => String(p.ttl));
  out['icmp.type'] = list((p) => (p.payload.proto === 'icmp' ? String(p.payload.type) : undefined));
  out['icmp.code'] = list((p) => (p.payload.proto === 'icmp' ? String(p.payload.code) : undefined));
  out['udp.dstport'] = list((p) => (p.payload.proto === 'udp' ? String(p.payload.dstPort) : undefined));
  const tcp = (f: (s: TcpSegment) => string | undefined) =>
    list((p) => (p.payload.proto === 'tcp' ? f(p.payload) : undefined));
  out['tcp.srcport'] = tcp((s) => String(s.srcPort));
  out['tcp.dstport'] = tcp((s) => String(s.dstPort));
  out['tcp.seq_raw'] = tcp((s) => String(s.seq));
  out['tcp.ack_raw'] = tcp((s) => String(s.ack));
  out['tcp.flags'] = tcp((s) => `0x${s.flags.toString(16).padStart(4, '0')}`);
  out['tcp.window_size_value'] = tcp((s) => String(s.window));
  out['tcp.options.mss_val'] = tcp((s) => readMss(s.options)?.toString());
  out['tcp.len'] = tcp((s) => String(s.data.length));
  const top = layers[0]?.payload;
  out['icmp.redir_gw'] =
    top?.proto === 'icmp' && top.type === ICMP_REDIRECT && isIcmpError(top)
      ? formatIpv4(top.rest as Ipv4Addr)
      : '';
  return out;
}

function fieldsOf(file: string): Record<string, string>[] {
  const out = tshark(
    file,
    '-T',
    'fields',
    '-E',
    'separator=\t',
    '-E',
    'aggregator=,',
    ...FIELDS.flatMap((f) => ['-e', f]),
  );
  return out
    .split('\n')
    .filter((line) => line !== '')
    .map((line) => Object.fromEntries(line.split('\t').map((v, k) => [FIELDS[k]!, v])));
}

/** Expert infos above "Note", and malformed-packet markers, from the full dissection. */
const problems = (verbose: string): string[] =>
  verbose.split('\n').filter((l) => /Expert Info \((Warning|Error)\/|Malformed|incorrect/i.test(l));

describeTshark('tshark reads what we write', () => {
  const dir = haveTshark ? mkdtempSync(join(tmpdir(), 'trame-wire-')) : '';
  afterAll(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('decodes every frame kind, untagged and tagged, with good checksums and no warnings', () => {
    const file = join(dir, 'kinds.pcap');
    writeFileSync(file, pcapFile(frames.map((f, i) => [at(i), encodeFrame(f)] as const)));
    expect(problems(tshark(file, '-V'))).toEqual([]);
    const rows = fieldsOf(file);
    expect(rows).toHaveLength(frames.length);
    rows.forEach((row, i) => {
      const frame = frames[i]!;
      expect(row, `frame ${i + 1}`).toMatchObject(expected(frame, i));
      expect(row['_ws.malformed']).toBe('');
      // 1 = good; a quoted ICMP message is cut short, so its checksum cannot be checked (2).
      if (frame.payload.proto === 'ipv4') expect(row['ip.checksum.status']).toMatch(/^1(,1)*$/);
      if (row['icmp.type']) expect(row['icmp.checksum.status']).toMatch(/^1(,2)?$/);
      if (row['udp.dstport']) expect(row['udp.checksum.status']).toMatch(/^1$/);
      if (row['tcp.dstport']) expect(row['tcp.checksum.status']).toMatch(/^1$/);
    });
  });

  it('flags a frame we corrupt on purpose, so a clean run above means something', () => {
    const file = join(dir, 'corrupt.pcap');
    const bad = fromPc1({ ...windowsPing, badChecksum: 0xbeef });
    const badTcp = fromPc1({
      ...telnetSyn,
      payload: { ...(telnetSyn.payload as TcpSegment), badChecksum: 0xbeef },
    });
    writeFileSync(file, pcapFile([bad, badTcp].map((f, i) => [micros(i), encodeFrame(f)] as const)));
    expect(problems(tshark(file, '-V')).join('\n')).toMatch(/Bad checksum/);
    const rows = fieldsOf(file);
    expect(rows[0]!['ip.checksum.status']).toBe('0');
    expect(rows[1]!['ip.checksum.status']).toBe('1');
    expect(rows[1]!['tcp.checksum.status']).toBe('0');
  });
});
