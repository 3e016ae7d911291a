/**
 * `trame pcap FILE --script SCRIPT --out capture.pcap`: run a console script like `exec` and
 * write every frame that crossed any cable to a libpcap file (Wireshark, tshark).
 */
import { writeFile } from 'node:fs/promises';
import { Capture } from '../../src/session/capture.ts';
import type { Io } from '../trame.ts';
import { runScript } from './script.ts';
import { prepareScript } from './script-args.ts';

export const PCAP_USAGE = 'trame pcap FILE --script SCRIPT --out X.pcap [--seed N]';

export async function runPcap(argv: string[], io: Io): Promise<number> {
  const prepared = await prepareScript('pcap', PCAP_USAGE, argv, io);
  if (typeof prepared === 'number') return prepared;
  const { args, session, lines, source } = prepared;
  const capture = new Capture(session);
  const run = runScript(session, lines, () => {});
  const file = capture.stop();
  if (run.errors.length > 0) {
    io.err(run.errors.map((e) => `${source}: ${e}`).join('\n'));
    return 1;
  }
  try {
    await writeFile(args.out!, file);
  } catch (e) {
    io.err(`${args.out}: cannot write: ${e instanceof Error ? e.message : String(e)}`);
    return 2;
  }
  io.out(`${args.out}: ${capture.frameCount} frames`);
  return 0;
}
