/**
 * `trame pcap FILE --script SCRIPT --out capture.pcap`: run a console script like `exec` and
 * write every frame that crossed any cable to a libpcap file (Wireshark, tshark).
 */
import { writeFile } from 'node:fs/promises';
import { pcapFile } from '../../src/engine/pcap.ts';
import { encodeFrame } from '../../src/engine/wire/ethernet.ts';
import type { Micros } from '../../src/shared/time.ts';
import type { Io } from '../trame.ts';
import { parseScriptArgs, readScript } from './exec.ts';
import { openNetwork } from './open.ts';
import { parseScript, runScript } from './script.ts';

export const PCAP_USAGE = 'trame pcap FILE --script SCRIPT --out X.pcap [--seed N]';

export async function runPcap(argv: string[], io: Io): Promise<number> {
  const args = parseScriptArgs(argv, true);
  if (typeof args === 'string' || args.out === undefined) {
    io.err(`trame pcap: ${typeof args === 'string' ? args : 'no --out file given'}. Usage: ${PCAP_USAGE}`);
    return 2;
  }
  const opened = await openNetwork(args.file, args.seed);
  if (!('session' in opened)) {
    io.err(opened.problems.join('\n'));
    return 1;
  }
  let scriptText: string;
  try {
    scriptText = await readScript(args, io);
  } catch (e) {
    io.err(`${args.script}: cannot read: ${e instanceof Error ? e.message : String(e)}`);
    return 2;
  }
  const { lines, errors } = parseScript(scriptText);
  if (errors.length > 0) {
    io.err(errors.map((e) => `${args.script ?? 'stdin'}: ${e}`).join('\n'));
    return 1;
  }
  const frames: [Micros, Uint8Array][] = [];
  const stop = opened.session.simulation.onWire((at, _link, frame) => {
    frames.push([at, encodeFrame(frame)]);
  });
  const run = runScript(opened.session, lines, () => {});
  stop();
  if (run.errors.length > 0) {
    io.err(run.errors.map((e) => `${args.script ?? 'stdin'}: ${e}`).join('\n'));
    return 1;
  }
  await writeFile(args.out, pcapFile(frames));
  io.out(`${args.out}: ${frames.length} frames`);
  return 0;
}
