/**
 * `trame exec FILE [--script SCRIPT] [--json] [--seed N]`: open a network (or a lab's starting
 * network), run `DEVICE: command` lines from SCRIPT or standard input, and print each output as
 * the device's console shows it. With --json, one {"device","command","output"} object per line.
 */
import { readFile } from 'node:fs/promises';
import type { Io } from '../trame.ts';
import { openNetwork } from './open.ts';
import { parseScript, runScript } from './script.ts';

export const EXEC_USAGE = 'trame exec FILE [--script SCRIPT] [--json] [--seed N]';

export interface ScriptArgs {
  readonly file: string;
  readonly script?: string;
  readonly json: boolean;
  readonly seed: number;
  readonly out?: string;
}

/** Parses the options shared by exec and pcap; returns an error message on bad usage. */
export function parseScriptArgs(args: readonly string[], allowOut: boolean): ScriptArgs | string {
  let file: string | undefined;
  let script: string | undefined;
  let out: string | undefined;
  let json = false;
  let seed = 1;
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    const value = (): string | undefined => args[++i];
    if (a === '--json') json = true;
    else if (a === '--script') script = value();
    else if (a === '--seed') seed = Number(value());
    else if (a === '--out' && allowOut) out = value();
    else if (a.startsWith('--')) return `unknown option ${a}`;
    else if (file === undefined) file = a;
    else return `unexpected argument ${a}`;
  }
  if (file === undefined) return 'no FILE given';
  if (!Number.isInteger(seed)) return '--seed takes a whole number';
  if (script === '' || out === '') return 'an option is missing its value';
  return {
    file,
    json,
    seed,
    ...(script !== undefined ? { script } : {}),
    ...(out !== undefined ? { out } : {}),
  };
}

export async function readScript(args: ScriptArgs, io: Io): Promise<string> {
  return args.script === undefined || args.script === '-' ? io.readStdin() : readFile(args.script, 'utf8');
}

export async function runExec(argv: string[], io: Io): Promise<number> {
  const args = parseScriptArgs(argv, false);
  if (typeof args === 'string') {
    io.err(`trame exec: ${args}. Usage: ${EXEC_USAGE}`);
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
  let lastDevice: string | undefined;
  const run = runScript(opened.session, lines, (step) => {
    if (args.json) {
      io.out(JSON.stringify({ device: step.device, command: step.command, output: step.output }));
      return;
    }
    if (step.device !== lastDevice) io.out(`--- ${step.device} ---`);
    lastDevice = step.device;
    io.out(`${step.prompt}${step.command}\n${step.output}`);
  });
  if (run.errors.length > 0) {
    io.err(run.errors.map((e) => `${args.script ?? 'stdin'}: ${e}`).join('\n'));
    return 1;
  }
  return 0;
}
