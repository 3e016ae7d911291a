/**
 * `trame validate FILE...`: checks network files (and the network inside lab files) and prints
 * `FILE: /json/pointer: reason` for every problem, or `FILE: ok`. "-" reads standard input.
 * Exit status: 0 all valid, 1 a file has problems, 2 no file given or a file cannot be read.
 */
import { readFile } from 'node:fs/promises';
import type { Problem } from '../../src/model/document.ts';
import { formatProblems, loadNetwork } from '../../src/model/load.ts';
import { configProblems } from '../../src/session/device-config.ts';
import type { Io } from '../trame.ts';
import { inFile, networkSource } from './network-source.ts';

const USAGE = 'Usage: trame validate FILE...';

/** The problems of one file's text, network file or lab, configuration lines included. */
export function validateText(text: string): Problem[] {
  const { network, prefix } = networkSource(text);
  const loaded = loadNetwork(network);
  const problems = loaded.doc ? configProblems(loaded.doc) : loaded.problems;
  return problems.map((p) => inFile(p, prefix));
}

export async function runValidate(args: string[], io: Io): Promise<number> {
  if (args.length === 0) {
    io.err(`trame validate: no FILE given. ${USAGE}`);
    return 2;
  }
  let status = 0;
  for (const file of args) {
    let text: string;
    try {
      text = file === '-' ? await io.readStdin() : await readFile(file, 'utf8');
    } catch (e) {
      io.err(`${file}: cannot read: ${e instanceof Error ? e.message : String(e)}`);
      status = 2;
      continue;
    }
    const problems = validateText(text);
    if (problems.length === 0) io.out(`${file}: ok`);
    else {
      io.err(formatProblems(file, problems).join('\n'));
      status = Math.max(status, 1);
    }
  }
  return status;
}
