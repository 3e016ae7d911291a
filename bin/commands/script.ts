/**
 * Console scripts for `trame exec` and `trame pcap`: one `DEVICE: command` per line, run in
 * order as a user would type them. Blank lines and lines starting with `#` are skipped.
 * `DEVICE: ^C` presses the break key: it stops a `ping -t`, which runs until then (the lines
 * in between, on other devices, give it time).
 */
import { deviceOf } from '../../src/model/document.ts';
import type { Session } from '../../src/session/session.ts';
import { seconds } from '../../src/shared/time.ts';

export interface ScriptLine {
  readonly lineNo: number;
  readonly device: string;
  readonly command: string;
}

export function parseScript(text: string): { lines: ScriptLine[]; errors: string[] } {
  const lines: ScriptLine[] = [];
  const errors: string[] = [];
  text.split(/\r?\n/).forEach((raw, i) => {
    const line = raw.trimEnd();
    if (line.trim() === '' || line.trimStart().startsWith('#')) return;
    const m = /^\s*([^:\s]+)\s*:\s?(.*)$/.exec(line);
    if (!m) {
      errors.push(`line ${i + 1}: expected "DEVICE: command", got ${JSON.stringify(line)}`);
      return;
    }
    lines.push({ lineNo: i + 1, device: m[1]!, command: m[2]! });
  });
  return { lines, errors };
}

export interface ScriptStep {
  /**
   * What the console printed on its own since the device's previous line (while other
   * devices' lines ran): it shows above the prompt the command is typed at.
   */
  readonly before: string;
  readonly device: string;
  readonly command: string;
  /** The prompt shown before the command was typed. */
  readonly prompt: string;
  /** The prompt asked for a password: the device did not show what was typed. */
  readonly secret: boolean;
  readonly output: string;
}

/** The time a user takes to type the next line: lets links come up and timers run. */
const TYPING_PAUSE = seconds(1);

/** Runs the lines in order; unknown devices are reported before anything runs. */
export function runScript(
  session: Session,
  lines: readonly ScriptLine[],
  onStep: (step: ScriptStep) => void,
): { errors: string[] } {
  const errors = lines
    .filter((l) => session.findDevice(l.device) === undefined)
    .map((l) => `line ${l.lineNo}: no device named ${JSON.stringify(l.device)} in this network`);
  if (errors.length > 0) return { errors };
  for (const l of lines) {
    const id = session.findDevice(l.device)!;
    const before = session.consoleLog(id);
    const prompt = session.prompt(id);
    const secret = session.secret(id);
    const reply = l.command.trim() === '^C' ? session.interrupt(id) : session.exec(id, l.command);
    // What the device prints on its own while the user types the next line (link changes).
    session.advance(TYPING_PAUSE);
    const output = reply.output + session.consoleLog(id);
    // The device as the network names it, whatever case the script used.
    const device = deviceOf(session.document(), id)?.name ?? l.device;
    onStep({ before, device, command: l.command, prompt, secret, output });
  }
  return { errors: [] };
}
