/**
 * What `exec` and `pcap` share before running a script: options, opening the network and
 * reading the script. Each step reports its own problem and exit status.
 */
import { readFile } from 'node:fs/promises';
import type { Session } from '../../src/session/session.ts';
import type { Io } from '../trame.ts';
import { openNetwork } from './open.ts';
import { parseScript, type ScriptLine } from './script.ts';

export interface ScriptArgs {
  readonly file: string;
  readonly script?: string;
  readonly json: boolean;
  readonly seed: number;
  readonly out?: string;
}

class UsageError extends Error {}

/** Parses the options shared by exec and pcap; returns an error message on bad usage. */
export function parseScriptArgs(args: readonly string[], allowOut: boolean): ScriptArgs | string {
  let file: string | undefined;
  let script: string | undefined;
  let out: string | undefined;
  let json = false;
  let seed = 1;
  try {
    for (let i = 0; i < args.length; i++) {
      const a = args[i]!;
      const value = (): string => {
        const v = args[++i];
        if (v === undefined || v.startsWith('--')) throw new UsageError(`${a} needs a value`);
        return v;
      };
      if (a === '--json') json = true;
      else if (a === '--script') script = value();
      else if (a === '--seed') seed = Number(value());
      else if (a === '--out' && allowOut) out = value();
      else if (a.startsWith('--')) return `unknown option ${a}`;
      else if (file === undefined) file = a;
      else return `unexpected argument ${a}`;
    }
  } catch (e) {
    if (e instanceof UsageError) return e.message;
    throw e;
  }
  if (file === undefined) return 'no FILE given';
  if (!Number.isInteger(seed)) return '--seed takes a whole number';
  if (allowOut && out === undefined) return 'no --out file given';
  return {
    file,
    json,
    seed,
    ...(script !== undefined ? { script } : {}),
    ...(out !== undefined ? { out } : {}),
  };
}

export interface PreparedScript {
  readonly args: ScriptArgs;
  readonly session: Session;
  readonly lines: readonly ScriptLine[];
  /** How to name the script in messages. */
  readonly source: string;
}

/** Options, network and script ready to run, or the exit status after reporting why not. */
export async function prepareScript(
  command: 'exec' | 'pcap',
  usage: string,
  argv: readonly string[],
  io: Io,
): Promise<PreparedScript | number> {
  const args = parseScriptArgs(argv, command === 'pcap');
  if (typeof args === 'string') {
    io.err(`trame ${command}: ${args}. Usage: ${usage}`);
    return 2;
  }
  const opened = await openNetwork(args.file, args.seed);
  if (!('session' in opened)) {
    io.err(opened.problems.join('\n'));
    return 1;
  }
  const source = args.script === undefined || args.script === '-' ? 'stdin' : args.script;
  let text: string;
  try {
    text = source === 'stdin' ? await io.readStdin() : await readFile(source, 'utf8');
  } catch (e) {
    io.err(`${source}: cannot read: ${e instanceof Error ? e.message : String(e)}`);
    return 2;
  }
  const { lines, errors } = parseScript(text);
  if (errors.length > 0) {
    io.err(errors.map((e) => `${source}: ${e}`).join('\n'));
    return 1;
  }
  return { args, session: opened.session, lines, source };
}
