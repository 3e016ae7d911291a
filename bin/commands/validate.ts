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

const USAGE = 'Usage: trame validate FILE...';

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** A lab file: a starting network plus checks or a solution (its other fields have their own schema). */
const isLab = (v: unknown): v is { network: unknown } =>
  isObject(v) && isObject(v['network']) && (Object.hasOwn(v, 'checks') || Object.hasOwn(v, 'solution'));

/** The problems of one file's text, network file or lab, configuration lines included. */
export function validateText(text: string): Problem[] {
  const first = loadNetwork(text);
  if (first.doc) return configProblems(first.doc);
  let parsed: unknown;
  try {
    parsed = JSON.parse(text.startsWith('\uFEFF') ? text.slice(1) : text);
  } catch {
    return first.problems;
  }
  if (!isLab(parsed)) return first.problems;
  const inner = loadNetwork(parsed.network);
  const problems = inner.doc ? configProblems(inner.doc) : inner.problems;
  return problems.map((p) => ({ ...p, pointer: `/network${p.pointer}` }));
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
