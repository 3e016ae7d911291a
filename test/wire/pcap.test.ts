import { describe, expect, it } from 'vitest';
import { createPcap, pcapFile } from '../../src/engine/pcap.ts';
import { micros, seconds } from '../../src/shared/time.ts';
import { run, toHex } from './hex.ts';

describe('pcap writer', () => {
  it('writes the classic little-endian microsecond header for Ethernet', () => {
    expect(toHex(createPcap().header)).toBe(
      'd4c3b2a1' + '0200' + '0400' + '00000000' + '00000000' + 'ffff0000' + '01000000',
    );
    expect(toHex(createPcap(1518).header.subarray(16, 20))).toBe('ee050000');
  });

  it('turns virtual time into seconds and microseconds, and cuts frames at the snap length', () => {
    const pcap = createPcap(64);
    const frame = run(0, 99);
    const rec = pcap.record(micros(3_600_000_000 + 1_234_567), frame);
    expect(toHex(rec.subarray(0, 16))).toBe('110e0000' + '47940300' + '40000000' + '64000000');
    expect(toHex(rec.subarray(16))).toBe(toHex(frame.subarray(0, 64)));
    expect(toHex(pcap.record(micros(999.9), run(1, 2)).subarray(0, 8))).toBe('00000000' + 'e7030000');
  });

  it('concatenates the header and records in order', () => {
    const a = run(0, 59);
    const b = run(100, 163);
    const file = pcapFile([
      [seconds(1), a],
      [seconds(2), b],
    ]);
    expect(file.length).toBe(24 + 16 + 60 + 16 + 64);
    expect(toHex(file.subarray(24 + 16, 24 + 16 + 60))).toBe(toHex(a));
    expect(toHex(file.subarray(24 + 16 + 60, 24 + 16 + 60 + 4))).toBe('02000000');
    expect(toHex(file.subarray(-64))).toBe(toHex(b));
  });
});
