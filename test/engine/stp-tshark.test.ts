import { describe, expect, it } from 'vitest';
import { pcapFile } from '../../src/engine/pcap.ts';
import { encodeFrame } from '../../src/engine/wire/ethernet.ts';
import type { SpanningTreeConfig } from '../../src/shared/spanning-tree.ts';
import type { Micros } from '../../src/shared/time.ts';
import { seconds } from '../../src/shared/time.ts';
import { haveTshark, tshark, tsharkProblems, withCapture } from '../wire/tshark-run.ts';
import { TestNet } from './net.ts';

/**
 * S1 (root of VLAN 1 and 10) trunks to S2 with native VLAN 1; a PC on S2's access port in VLAN
 * 10. What crosses the trunk and the PC's cable for 10 s after a topology change.
 */
function capture(mode: SpanningTreeConfig = {}): { pcap: Uint8Array; links: Map<string, string> } {
  const n = new TestNet();
  const trunk = { mode: 'trunk' as const };
  n.switch('S1', {
    vlans: [10],
    stp: {
      ...mode,
      vlans: [
        { vlan: 1, priority: 4096 },
        { vlan: 10, priority: 4096 },
      ],
    },
    ports: { 'g0/1': trunk },
  });
  const access10 = { mode: 'access' as const, access: 10 };
  n.switch('S2', { vlans: [10], stp: mode, ports: { 'g0/1': trunk, 'fa0/1': access10, 'fa0/2': access10 } });
  n.pc('PC1', '10.0.10.5/24');
  const links = new Map([
    [n.link('S1:g0/1', 'S2:g0/1'), 'trunk'],
    [n.link('PC1:fa0', 'S2:fa0/1'), 'access'],
  ]);
  n.settle();
  const frames: (readonly [Micros, Uint8Array])[] = [];
  n.sim.onWire((at, _link, f) => {
    if (f.payload.proto === 'stp') frames.push([at, encodeFrame(f)]);
  });
  // A second PC comes up on S2 in VLAN 10: its port comes to forward 30 s later, a topology change.
  n.pc('PC2', '10.0.10.6/24');
  n.link('PC2:fa0', 'S2:fa0/2');
  n.run(seconds(40));
  return { pcap: pcapFile(frames), links };
}

/** tshark's values of `fields` for each frame of `file`, in that order. */
const fieldRows = (file: string, fields: readonly string[]): string[][] =>
  tshark(file, '-T', 'fields', '-E', 'separator=;', ...fields.flatMap((f) => ['-e', f]))
    .trim()
    .split('\n')
    .map((l) => l.split(';'));

describe.runIf(haveTshark)('BPDUs on the wire as tshark reads them', () => {
  it('decodes IEEE and PVST+ BPDUs cleanly, with the VLANs, identifiers and flags PVST+ gives them', () => {
    withCapture(capture().pcap, (file) => {
      expect(tsharkProblems(file)).toEqual([]);
      const rows = fieldRows(file, [
        'eth.dst',
        'vlan.id',
        'stp.type',
        'stp.root.prio',
        'stp.root.ext',
        'stp.bridge.ext',
        'stp.pvst.origvlan',
        'stp.flags.tc',
        'stp.msg_age',
      ]);
      const kinds = new Set(
        rows.map(([dst, vlan, type, , ext, , orig]) => `${dst} ${vlan} ${type} ${ext} ${orig}`),
      );
      // S1's trunk: VLAN 1 as an IEEE BPDU and an untagged SSTP one (native), VLAN 10 tagged.
      expect(kinds).toContain('01:80:c2:00:00:00  0x00 1 ');
      expect(kinds).toContain('01:00:0c:cc:cc:cd  0x00 1 1');
      expect(kinds).toContain('01:00:0c:cc:cc:cd 10 0x00 10 10');
      // S2's access ports in VLAN 10: IEEE BPDUs for VLAN 10, untagged.
      expect(kinds).toContain('01:80:c2:00:00:00  0x00 10 ');
      // S2 told the root of the change with a TCN, tagged in VLAN 10 on the trunk.
      expect(kinds).toContain('01:00:0c:cc:cc:cd 10 0x80  ');
      // The root then set the TC flag; BPDUs relayed by S2 are a second older.
      expect(rows.some((r) => r[7] === '1' && r[4] === '10')).toBe(true);
      expect(
        new Set(rows.filter((r) => r[0] === '01:80:c2:00:00:00' && r[4] === '10').map((r) => r[8])),
      ).toEqual(new Set(['1']));
      for (const r of rows) if (r[2] === '0x00') expect(r[3]).toMatch(/^(4096|32768)$/);
    });
  });

  it('decodes Rapid PVST+ BPDUs: RST BPDUs whose flags tell the role, the proposal and the topology change', () => {
    withCapture(capture({ mode: 'rapid-pvst' }).pcap, (file) => {
      expect(tsharkProblems(file)).toEqual([]);
      const fields = ['eth.dst', 'vlan.id', 'stp.version', 'stp.type', 'stp.bridge.ext', 'stp.pvst.origvlan'];
      const flags = [
        'stp.flags.port_role',
        'stp.flags.proposal',
        'stp.flags.learning',
        'stp.flags.forwarding',
      ];
      const rows = fieldRows(file, [...fields, ...flags, 'stp.flags.tc']);
      const kinds = new Set(rows.map((r) => r.slice(0, 6).join(' ')));
      // Version 2, type 0x02 for every BPDU, framed as PVST+ frames them; no TCN.
      expect(kinds).toContain('01:80:c2:00:00:00  2 0x02 1 ');
      expect(kinds).toContain('01:00:0c:cc:cc:cd  2 0x02 1 1');
      expect(kinds).toContain('01:00:0c:cc:cc:cd 10 2 0x02 10 10');
      expect(kinds).toContain('01:80:c2:00:00:00  2 0x02 10 ');
      expect(rows.every((r) => r[3] === '0x02')).toBe(true);
      // PC2's new port: designated (3), proposing while it discards and learns, then forwarding.
      const pc2 = rows
        .filter((r) => r[0] === '01:80:c2:00:00:00' && r[4] === '10')
        .map((r) => r.slice(6, 10).join(''));
      expect(pc2).toContain('3100');
      expect(pc2).toContain('3110');
      expect(pc2).toContain('3011');
      // Its coming to forward is a topology change S2 tells S1 out of its root port (2), in VLAN 10.
      expect(rows.some((r) => r[1] === '10' && r[6] === '2' && r[10] === '1')).toBe(true);
    });
  });
});
