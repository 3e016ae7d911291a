/**
 * TCP between the engine's devices: the handshake as Windows and IOS put it on the wire, data
 * both ways, the orderly close, refusals, timeouts and unreachable peers.
 */
import { describe, expect, it } from 'vitest';
import type { TcpSocket } from '../../src/engine/api.ts';
import type { Ipv4Packet } from '../../src/engine/wire/ipv4.ts';
import type { TcpSegment } from '../../src/engine/wire/tcp.ts';
import { readMss, TCP_ACK, TCP_FIN, TCP_PSH, TCP_RST, TCP_SYN } from '../../src/engine/wire/tcp.ts';
import { deviceId, linkId } from '../../src/shared/ids.ts';
import { seconds } from '../../src/shared/time.ts';
import { ip, TestNet } from './net.ts';

const d = deviceId;
const text = (b: Uint8Array): string => new TextDecoder().decode(b);
const bytes = (s: string): Uint8Array => new TextEncoder().encode(s);

interface Seen {
  readonly at: number;
  readonly src: string;
  readonly ttl: number;
  readonly df: boolean;
  readonly seg: TcpSegment;
}

/** PC1 (10.0.0.10) - R1 g0/0 (10.0.0.1), R1 g0/1 (10.0.1.1) - R2 (10.0.1.2). */
function lan(): { n: TestNet; seen: Seen[] } {
  const n = new TestNet();
  n.router('R1', { interfaces: { 'g0/0': { ip: '10.0.0.1/24' }, 'g0/1': { ip: '10.0.1.1/24' } } });
  n.router('R2', { interfaces: { 'g0/0': { ip: '10.0.1.2/24' } }, routes: ['0.0.0.0/0 via 10.0.1.1'] });
  n.pc('PC1', '10.0.0.10/24', '10.0.0.1');
  n.link('PC1:fa0', 'R1:g0/0');
  n.link('R1:g0/1', 'R2:g0/0');
  n.settle();
  const seen: Seen[] = [];
  n.sim.onWire((at, link, f) => {
    const p = f.payload as Ipv4Packet;
    if (link !== linkId('L1') || p.proto !== 'ipv4' || p.payload.proto !== 'tcp') return;
    seen.push({
      at,
      src: p.src === ip('10.0.0.10') ? 'PC1' : 'R1',
      ttl: p.ttl,
      df: p.dontFragment,
      seg: p.payload,
    });
  });
  return { n, seen };
}

const flagsOf = (s: TcpSegment): string =>
  [
    [TCP_SYN, 'S'],
    [TCP_FIN, 'F'],
    [TCP_RST, 'R'],
    [TCP_PSH, 'P'],
    [TCP_ACK, '.'],
  ]
    .filter(([f]) => s.flags & (f as number))
    .map(([, c]) => c)
    .join('');

function open(n: TestNet): { client: TcpSocket; server: TcpSocket } {
  n.sim.tcpListen(d('R1'), 23, true);
  const client = n.sim.tcpConnect(d('PC1'), ip('10.0.0.1'), 23);
  n.run(seconds(1));
  const [server] = n.sim.tcpAccepted(d('R1'));
  expect(client.state).toBe('established');
  return { client, server: server! };
}

describe('TCP', () => {
  it('opens with the SYN, SYN-ACK and ACK each system sends', () => {
    const { n, seen } = lan();
    const { client, server } = open(n);
    expect(server.state).toBe('established');
    expect(seen.map((s) => `${s.src} ${flagsOf(s.seg)}`)).toEqual(['PC1 S', 'R1 S.', 'PC1 .']);
    const [syn, synAck, ack] = seen.map((s) => s.seg) as [TcpSegment, TcpSegment, TcpSegment];
    // Windows 10: MSS 1460, NOP, WS 8, NOP, NOP, SACK permitted; window 64240; DF; TTL 128.
    expect([...syn.options]).toEqual([2, 4, 5, 0xb4, 1, 3, 3, 8, 1, 1, 4, 2]);
    expect(syn.window).toBe(64240);
    expect(seen[0]!.ttl).toBe(128);
    expect(seen[0]!.df).toBe(true);
    expect(syn.srcPort).toBeGreaterThanOrEqual(49152);
    expect(syn.dstPort).toBe(23);
    // IOS: the MSS option alone, window 4128, TTL 255.
    expect(readMss(synAck.options)).toBe(1460);
    expect(synAck.options.length).toBe(4);
    expect(synAck.window).toBe(4128);
    expect(seen[1]!.ttl).toBe(255);
    expect(synAck.ack).toBe((syn.seq + 1) >>> 0);
    expect(ack.seq).toBe((syn.seq + 1) >>> 0);
    expect(ack.ack).toBe((synAck.seq + 1) >>> 0);
    expect([client.localAddr, client.remoteAddr, server.remotePort]).toEqual([
      ip('10.0.0.10'),
      ip('10.0.0.1'),
      syn.srcPort,
    ]);
  });

  it("offers IOS's 536-byte segments to a host beyond a gateway", () => {
    const { n, seen } = lan();
    n.sim.tcpConnect(d('R2'), ip('10.0.0.10'), 23);
    // Its first two SYNs wake ARP at R2, then at R1, and are dropped there, as IOS does.
    n.run(seconds(7));
    const syn = seen.find((s) => s.seg.flags === TCP_SYN)!;
    expect(readMss(syn.seg.options)).toBe(536);
  });

  it('carries data both ways, each segment acknowledged', () => {
    const { n, seen } = lan();
    const { client, server } = open(n);
    seen.length = 0;
    client.write(bytes('show ip route\r\n'));
    n.run(seconds(1));
    expect(text(server.read())).toBe('show ip route\r\n');
    expect(server.read().length).toBe(0);
    expect(client.unacknowledged).toBe(0);
    // Nothing to answer with: IOS acknowledges after its delayed-ACK time.
    expect(seen.map((s) => `${s.src} ${flagsOf(s.seg)} ${s.seg.data.length}`)).toEqual([
      'PC1 P. 15',
      'R1 . 0',
    ]);
    const delay = seen[1]!.at - seen[0]!.at;
    expect(delay).toBeGreaterThanOrEqual(200_000);
    expect(delay).toBeLessThan(201_000);
    // An answer written before the ACK is due carries it.
    seen.length = 0;
    client.write(bytes('x'));
    n.run(1_000);
    server.read();
    server.write(bytes('R1#'));
    n.run(seconds(1));
    expect(text(client.read())).toBe('R1#');
    expect(seen.map((s) => `${s.src} ${flagsOf(s.seg)}`)).toEqual(['PC1 P.', 'R1 P.', 'PC1 .']);
  });

  it('splits what is larger than the MSS into segments', () => {
    const { n, seen } = lan();
    const { client, server } = open(n);
    seen.length = 0;
    server.write(new Uint8Array(4000).fill(0x41));
    n.run(seconds(2));
    expect(client.read().length).toBe(4000);
    // IOS's window of 4128 holds two full segments; the third waits for their ACK.
    const data = seen.filter((s) => s.src === 'R1').map((s) => s.seg.data.length);
    expect(data).toEqual([1460, 1460, 1080]);
    expect(server.unacknowledged).toBe(0);
  });

  it('closes in order: FIN each way, and the closing side waits in TIME-WAIT', () => {
    const { n, seen } = lan();
    const { client, server } = open(n);
    seen.length = 0;
    server.write(bytes('bye\r\n'));
    server.close();
    n.run(seconds(1));
    expect(text(client.read())).toBe('bye\r\n');
    expect(client.peerClosed).toBe(true);
    expect(client.state).toBe('close-wait');
    expect(server.state).toBe('fin-wait-2');
    client.close();
    n.run(seconds(1));
    expect(client.state).toBe('closed');
    expect(client.failure).toBeUndefined();
    expect(server.state).toBe('time-wait');
    expect(seen.map((s) => `${s.src} ${flagsOf(s.seg)}`)).toEqual([
      'R1 P.',
      'R1 F.',
      'PC1 .',
      'PC1 F.',
      'R1 .',
    ]);
    n.run(seconds(31));
    expect(server.state).toBe('closed');
  });

  it('is refused with a reset where nothing listens on an IOS device', () => {
    const { n, seen } = lan();
    const c = n.sim.tcpConnect(d('PC1'), ip('10.0.0.1'), 23);
    n.run(seconds(1));
    expect(c.state).toBe('closed');
    expect(c.failure).toBe('refused');
    expect(seen.map((s) => `${s.src} ${flagsOf(s.seg)}`)).toEqual(['PC1 S', 'R1 R.']);
    expect(seen[1]!.seg.ack).toBe((seen[0]!.seg.seq + 1) >>> 0);
  });

  it("gets no answer from a Windows PC's closed port", () => {
    const { n, seen } = lan();
    const t0 = n.sim.now();
    const c = n.sim.tcpConnect(d('R1'), ip('10.0.0.10'), 23);
    n.run(seconds(29));
    expect(c.state).toBe('syn-sent');
    // IOS sends its SYN four times, 2, 4 and 8 s apart, and gives up 16 s after the last. The
    // first never leaves: IOS drops the datagram that makes it ARP for the PC.
    n.run(seconds(2));
    expect(c.failure).toBe('timeout');
    const syns = seen.filter((s) => s.src === 'R1');
    expect(syns.map((s) => flagsOf(s.seg))).toEqual(['S', 'S', 'S']);
    expect(syns.map((s) => Math.round((s.at - t0) / 1e6))).toEqual([2, 6, 14]);
    expect(seen.filter((s) => s.src === 'PC1')).toEqual([]);

    // Windows sends three SYNs, 3 and 6 s apart, and gives up 12 s after the last: "Connect
    // failed" 21 s on. Here ARP finds no one, which makes the failure read as unreachable.
    const win = n.sim.tcpConnect(d('PC1'), ip('10.0.0.99'), 23);
    n.run(seconds(20.9));
    expect(win.state).toBe('syn-sent');
    n.run(seconds(0.2));
    expect(win.failure).toBe('unreachable');
  });

  it('reports a peer the network cannot reach', () => {
    const { n } = lan();
    // R1 has no route to it and answers each SYN with host unreachable: R2 keeps trying until
    // its SYNs run out, then says why (RFC 1122 4.2.3.9: a soft error).
    const far = n.sim.tcpConnect(d('R2'), ip('192.168.9.9'), 23);
    n.run(seconds(20));
    expect(far.state).toBe('syn-sent');
    n.run(seconds(20));
    expect(far.failure).toBe('unreachable');
    // With no route at all, it fails at once.
    n.reconfigure('R2', { interfaces: { 'g0/0': { ip: '10.0.1.2/24' } } });
    const none = n.sim.tcpConnect(d('R2'), ip('192.168.9.9'), 23);
    expect(none.state).toBe('closed');
    expect(none.failure).toBe('unreachable');
  });

  it('retransmits data a cable lost, and the peer resets a connection its restart forgot', () => {
    const { n, seen } = lan();
    const { client, server } = open(n);
    n.sim.setLinkUp(linkId('L1'), false);
    client.write(bytes('lost'));
    n.run(seconds(1));
    n.sim.setLinkUp(linkId('L1'), true);
    n.run(seconds(10));
    expect(text(server.read())).toBe('lost');
    expect(client.unacknowledged).toBe(0);
    n.sim.reload(d('R1'));
    expect(server.state).toBe('closed');
    expect(server.failure).toBe('aborted');
    n.run(seconds(60));
    seen.length = 0;
    client.write(bytes('again'));
    n.run(seconds(5));
    expect(client.failure).toBe('reset');
    expect(seen.map((s) => `${s.src} ${flagsOf(s.seg)}`)).toContain('R1 R');
  });

  it('takes only the new part of a retransmission whose first bytes came already', () => {
    const { n } = lan();
    const { client, server } = open(n);
    client.write(bytes('abc'));
    n.run(1_000);
    expect(text(server.read())).toBe('abc');
    // R1's delayed ACK and the next bytes are lost with the cable: PC1 sends "abcdef" again.
    n.sim.setLinkUp(linkId('L1'), false);
    client.write(bytes('def'));
    n.run(seconds(1));
    n.sim.setLinkUp(linkId('L1'), true);
    // Its first retransmission, 3 s after "def" left, is enough: R1 takes its last three bytes.
    n.run(seconds(2.5));
    expect(text(server.read())).toBe('def');
    expect(client.unacknowledged).toBe(0);
    expect(client.state).toBe('established');
  });

  it('aborts with a reset', () => {
    const { n } = lan();
    const { client, server } = open(n);
    client.abort();
    n.run(seconds(1));
    expect(client.failure).toBe('aborted');
    expect(server.failure).toBe('reset');
  });
});
