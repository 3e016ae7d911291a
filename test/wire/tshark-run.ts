/**
 * Wireshark's tshark, for the tests that have it read what the engine writes. It checks every
 * IPv4, UDP and TCP checksum (off by default); it warns on stderr when run as root, so only
 * its exit status and its output count.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

export const TSHARK = '/usr/bin/tshark';
export const haveTshark = existsSync(TSHARK);

/** `tshark -r FILE ARGS...`, its standard output. */
export function tshark(file: string, ...args: string[]): string {
  const checksums = ['ip', 'udp', 'tcp'].flatMap((p) => ['-o', `${p}.check_checksum:TRUE`]);
  const r = spawnSync(TSHARK, ['-r', file, ...checksums, ...args], { encoding: 'utf8', maxBuffer: 64 << 20 });
  if (r.status !== 0) throw new Error(`tshark failed (${r.status}): ${r.stderr}`);
  return r.stdout;
}
