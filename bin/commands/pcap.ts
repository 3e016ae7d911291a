/**
 * `trame pcap FILE --script SCRIPT --out capture.pcap`: run a console script like `exec` and
 * write every frame that crossed any cable to a libpcap file (Wireshark, tshark).
 */
import { writeFile } from 'node:fs/promises';
import { pcapFile } from '../../src/engine/pcap.ts';
import type { Micros } from '../../src/shared/time.ts';
import type { Io } from '../trame.ts';
import { runScript } from './script.ts';
import { prepareScript } from './script-args.ts';

export const PCAP_USAGE = 'trame pcap FILE --script SCRIPT --out X.pcap [--seed N]';

export async function runPcap(argv: string[], io: Io): Promise<number> {
  const prepared = await prepareScript('pcap', PCAP_USAGE, argv, io);
  if (typeof prepared === 'number') return prepared;
  const { args, session, lines, source } = prepared;
  const frames: [Micros, Uint8Array][] = [];
  const stop = session.capture((at, frame) => {
    frames.push([at, frame]);
  });
  const run = runScript(session, lines, () => {});
  stop();
  if (run.errors.length > 0) {
    io.err(run.errors.map((e) => `${source}: ${e}`).join('\n'));
    return 1;
  }
  await writeFile(args.out!, pcapFile(frames));
  io.out(`${args.out}: ${frames.length} frames`);
  return 0;
}
