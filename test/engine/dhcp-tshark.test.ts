import { describe, expect, it } from 'vitest';
import { pcapFile } from '../../src/engine/pcap.ts';
import { encodeFrame } from '../../src/engine/wire/ethernet.ts';
import { deviceId } from '../../src/shared/ids.ts';
import type { Micros } from '../../src/shared/time.ts';
import { seconds } from '../../src/shared/time.ts';
import { haveTshark, tshark, tsharkProblems, withCapture } from '../wire/tshark-run.ts';
import { relayedDhcp } from './dhcp-net.ts';
import { ip } from './net.ts';

const d = deviceId;

/** R1 serves 192.168.2.0/24 from across R2, whose Gi0/1 relays to it. */
function exchange(): Uint8Array {
  const n = relayedDhcp('192.168.2.0', (c) => ({
    ...c,
    dhcpExcluded: [{ low: ip('192.168.2.1'), high: ip('192.168.2.1') }],
    dhcpPools: [
      { name: 'LAN2', network: { addr: ip('192.168.2.0'), len: 24 }, defaultRouters: [ip('192.168.2.1')] },
    ],
  }));
  const frames: (readonly [Micros, Uint8Array])[] = [];
  n.sim.onWire((at, _link, f) => {
    const p = f.payload;
    if (p.proto === 'ipv4' && p.payload.proto === 'udp') frames.push([at, encodeFrame(f)]);
  });
  n.sim.configureHost(d('PC1'), { dhcp: true });
  n.run(seconds(10));
  n.sim.dhcpRelease(d('PC1'));
  n.run(seconds(1));
  return pcapFile(frames);
}

describe.runIf(haveTshark)('a relayed DHCP exchange as tshark reads it', () => {
  it('decodes cleanly, with the relay agent fields and addresses RFC 2131 and RFC 1542 ask for', () => {
    withCapture(exchange(), (file) => {
      expect(tsharkProblems(file)).toEqual([]);
      const rows = tshark(
        file,
        '-T',
        'fields',
        '-E',
        'separator=,',
        '-e',
        'ip.src',
        '-e',
        'ip.dst',
        '-e',
        'udp.srcport',
        '-e',
        'udp.dstport',
        '-e',
        'dhcp.option.dhcp',
        '-e',
        'dhcp.hops',
        '-e',
        'dhcp.ip.relay',
        '-e',
        'dhcp.ip.your',
        '-e',
        'udp.checksum.status',
      )
        .trim()
        .split('\n');
      expect(rows).toEqual([
        // Discover: broadcast from the PC. R2's copy of the first waits for ARP and is lost, as
        // the datagram that starts a resolution is on IOS; the PC's second, 4 s later, is
        // relayed to the helper address.
        '0.0.0.0,255.255.255.255,68,67,1,0,0.0.0.0,0.0.0.0,1',
        '0.0.0.0,255.255.255.255,68,67,1,0,0.0.0.0,0.0.0.0,1',
        '10.0.0.2,10.0.0.1,67,67,1,1,192.168.2.1,0.0.0.0,1',
        // Offer (after the server's ping check of .2): to the relay, then to the client.
        '10.0.0.1,192.168.2.1,67,67,2,0,192.168.2.1,192.168.2.2,1',
        '192.168.2.1,192.168.2.2,67,68,2,0,192.168.2.1,192.168.2.2,1',
        '0.0.0.0,255.255.255.255,68,67,3,0,0.0.0.0,0.0.0.0,1',
        '10.0.0.2,10.0.0.1,67,67,3,1,192.168.2.1,0.0.0.0,1',
        '10.0.0.1,192.168.2.1,67,67,5,0,192.168.2.1,192.168.2.2,1',
        '192.168.2.1,192.168.2.2,67,68,5,0,192.168.2.1,192.168.2.2,1',
        // Release: unicast from the leased address to the server, across R2.
        '192.168.2.2,10.0.0.1,68,67,7,0,0.0.0.0,0.0.0.0,1',
        '192.168.2.2,10.0.0.1,68,67,7,0,0.0.0.0,0.0.0.0,1',
      ]);
    });
  });
});
