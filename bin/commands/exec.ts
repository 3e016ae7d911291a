/**
 * `trame exec FILE [--script SCRIPT] [--json] [--seed N]`: open a network (or a lab's starting
 * network), run `DEVICE: command` lines from SCRIPT or standard input, and print each output as
 * the device's console shows it. With --json, one {"device","command","output"} object per line,
 * and "before" when the console printed messages on its own before the command was typed.
 */
import type { Io } from '../trame.ts';
import { runScript } from './script.ts';
import { prepareScript } from './script-args.ts';

export const EXEC_USAGE = 'trame exec FILE [--script SCRIPT] [--json] [--seed N]';

export async function runExec(argv: string[], io: Io): Promise<number> {
  const prepared = await prepareScript('exec', EXEC_USAGE, argv, io);
  if (typeof prepared === 'number') return prepared;
  const { args, session, lines, source } = prepared;
  if (lines.length === 0) io.err(`${source}: no "DEVICE: command" lines to run`);
  let lastDevice: string | undefined;
  const run = runScript(session, lines, (step) => {
    if (args.json) {
      const before = step.before === '' ? {} : { before: step.before };
      io.out(JSON.stringify({ device: step.device, command: step.command, output: step.output, ...before }));
      return;
    }
    if (step.device !== lastDevice) io.out(`--- ${step.device} ---`);
    lastDevice = step.device;
    // As the console shows it: a password typed at its prompt is not echoed.
    io.out(`${step.before}${step.prompt}${step.secret ? '' : step.command}\n${step.output}`);
  });
  if (run.errors.length > 0) {
    io.err(run.errors.map((e) => `${source}: ${e}`).join('\n'));
    return 1;
  }
  return 0;
}
