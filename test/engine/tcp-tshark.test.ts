import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { pcapFile } from '../../src/engine/pcap.ts';
import { encodeFrame } from '../../src/engine/wire/ethernet.ts';
import { deviceId, linkId } from '../../src/shared/ids.ts';
import type { Micros } from '../../src/shared/time.ts';
import { seconds } from '../../src/shared/time.ts';
import { describeTshark, tshark } from '../wire/tshark-run.ts';
import { ip, TestNet } from './net.ts';

const d = deviceId;

function conversation(): Uint8Array {
  const n = new TestNet();
  n.router('R1', { interfaces: { 'g0/0': { ip: '10.0.0.1/24' } } });
  n.pc('PC1', '10.0.0.10/24', '10.0.0.1');
  n.link('PC1:fa0', 'R1:g0/0');
  n.settle();
  const frames: (readonly [Micros, Uint8Array])[] = [];
  n.sim.onWire((at, link, f) => {
    if (link === linkId('L1') && f.etherType === 0x0800) frames.push([at, encodeFrame(f)]);
  });
  n.sim.tcpListen(d('R1'), 23, true);
  const client = n.sim.tcpConnect(d('PC1'), ip('10.0.0.1'), 23);
  n.run(seconds(1));
  const [server] = n.sim.tcpAccepted(d('R1'));
  client.write(new TextEncoder().encode('show running-config\r\n'));
  n.run(seconds(1));
  server!.read();
  server!.write(new Uint8Array(5000).fill(0x2e));
  n.run(seconds(1));
  client.read();
  client.write(new TextEncoder().encode('exit\r\n'));
  n.run(seconds(1));
  server!.close();
  n.run(seconds(1));
  client.close();
  n.run(seconds(1));
  return pcapFile(frames);
}

describeTshark('a TCP conversation as tshark reads it', () => {
  it('has consistent numbers, good checksums and the flags of a whole connection', () => {
    const dir = mkdtempSync(join(tmpdir(), 'trame-tcp-'));
    try {
      const file = join(dir, 'telnet.pcap');
      writeFileSync(file, conversation());
      const problems = tshark(file, '-V')
        .split('\n')
        .filter((l) => /Expert Info \((Warning|Error)\/|Malformed|incorrect|unseen|not captured/i.test(l));
      expect(problems).toEqual([]);
      const rows = tshark(
        file,
        '-T',
        'fields',
        '-e',
        'tcp.flags.str',
        '-e',
        'tcp.len',
        '-e',
        'tcp.checksum.status',
        '-e',
        'tcp.analysis.flags',
      )
        .trim()
        .split('\n')
        .map((l) => l.split('\t'));
      // tshark prints the flags as a 12-character string ("·······A··S·"): the letters say enough.
      const flags = rows.map(
        ([f, len]) => `${(f ?? '').replace(/[^A-Z]/g, '')}${len === '0' ? '' : ` ${len}`}`,
      );
      // R1's delayed ACK of the command; its answer in segments of the PC's MSS, PSH on the
      // last, which the PC acknowledges every second segment or 200 ms after one; the exit;
      // R1 closes first.
      expect(flags).toEqual([
        'S',
        'AS',
        'A',
        'AP 21',
        'A',
        'A 1460',
        'A 1460',
        'A 1460',
        'A',
        'AP 620',
        'A',
        'AP 6',
        'A',
        'AF',
        'A',
        'AF',
        'A',
      ]);
      for (const r of rows) {
        // 1: the checksum verified (0 is bad, 2 unverified).
        expect(r[2]).toBe('1');
        expect(r[3] ?? '').toBe('');
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
