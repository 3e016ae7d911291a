/**
 * Wireshark's tshark, for the tests that have it read what the engine writes. It checks every
 * IPv4, UDP and TCP checksum (off by default); it warns on stderr when run as root, so only
 * its exit status and its output count.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { pcapFile } from '../../src/engine/pcap.ts';
import { type EthernetFrame, encodeFrame } from '../../src/engine/wire/ethernet.ts';
import { micros } from '../../src/shared/time.ts';

export const TSHARK = '/usr/bin/tshark';
export const haveTshark = existsSync(TSHARK);

/** `describe` for tests that read captures with tshark; where it is missing, one skipped test says so. */
export function describeTshark(name: string, body: () => void): void {
  if (haveTshark) describe(name, body);
  else
    describe(name, () => {
      it.skip(`skipped: ${TSHARK} is missing (apt-get install -y tshark)`, () => {});
    });
}

/** `tshark -r FILE ARGS...`, its standard output. */
export function tshark(file: string, ...args: string[]): string {
  const checksums = ['ip', 'udp', 'tcp'].flatMap((p) => ['-o', `${p}.check_checksum:TRUE`]);
  const r = spawnSync(TSHARK, ['-r', file, ...checksums, ...args], { encoding: 'utf8', maxBuffer: 64 << 20 });
  if (r.status !== 0) throw new Error(`tshark failed (${r.status}): ${r.stderr}`);
  return r.stdout;
}

/** Writes `pcap` to a file of a temporary folder, gives `read` its path, then removes the folder. */
export function withCapture<T>(pcap: Uint8Array, read: (file: string) => T): T {
  const dir = mkdtempSync(join(tmpdir(), 'trame-pcap-'));
  try {
    const file = join(dir, 'capture.pcap');
    writeFileSync(file, pcap);
    return read(file);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Warnings and errors about the capture's frames (expert info, malformed, bad checksums). */
export const WARNINGS = /Expert Info \((Warning|Error)\/|Malformed|incorrect/i;
/** Any expert info at all (notes and chats too), for frames that should raise none. */
export const ANY_EXPERT_INFO = /Expert Info|Malformed|incorrect/i;

/** The lines of `tshark -V` that match `pattern`: none when tshark reads the capture cleanly. */
export const tsharkProblems = (file: string, pattern: RegExp = WARNINGS): string[] =>
  tshark(file, '-V')
    .split('\n')
    .filter((l) => pattern.test(l));

/** The `fields` of each frame that `filter` selects, one row of values per frame. */
export const tsharkFields = (file: string, filter: string, fields: readonly string[]): string[][] =>
  tshark(file, '-Y', filter, '-T', 'fields', '-E', 'separator=;', ...fields.flatMap((f) => ['-e', f]))
    .trim()
    .split('\n')
    .map((l) => l.split(';'));

/**
 * Writes `frames` to a capture, `gap` microseconds apart, checks that tshark has nothing to say
 * of them (no expert info, nothing malformed), and gives `read` each frame's `fields` by name
 * (a field a frame has several times: its values joined with commas).
 */
export function fieldsOf<T>(
  frames: readonly EthernetFrame[],
  fields: readonly string[],
  read: (rows: Record<string, string>[]) => T,
  gap = 1000,
): T {
  return withCapture(pcapFile(frames.map((f, i) => [micros(gap * i), encodeFrame(f)] as const)), (file) => {
    expect(tsharkProblems(file, ANY_EXPERT_INFO)).toEqual([]);
    const rows = tshark(file, '-T', 'fields', '-E', 'aggregator=,', ...fields.flatMap((f) => ['-e', f]))
      .split('\n')
      .filter((l) => l !== '')
      .map((l) => Object.fromEntries(l.split('\t').map((v, k) => [fields[k]!, v])));
    return read(rows);
  });
}
