/**
 * Transcript tests: a file reads like a terminal session. A line that starts with the
 * console's current prompt is typed; the lines after it, up to the next typed line, are
 * what the console must print (command output, then any messages that appeared during
 * the second of virtual time that follows each line).
 *
 *   ## topology: lan        the lab to build (test/cli/lab.ts), first line
 *   ## anything             a comment
 *   == R1                   switch to R1's console (the lines after it: its greeting)
 *   @wait 5                 let 5 more seconds of virtual time pass
 *   << text                 a line typed at an empty prompt (banner text, RETURN)
 *   R1(config-if)#^Z        Ctrl+Z (after text on the line: that line, then Ctrl+Z)
 *   R1#show ?               help (what IOS puts back on the line is checked in console.test.ts)
 *   ^C                      the break key, while a command runs (`ping -t`): no prompt then
 */
import type { Console } from '../../src/cli/console.ts';
import { seconds } from '../../src/shared/time.ts';
import { type Lab, TOPOLOGIES } from './lab.ts';

const isMarker = (l: string) =>
  l.startsWith('## ') || l.startsWith('== ') || l.startsWith('@wait ') || l === '##';

/** The break key, typed while a command runs (there is no prompt then). */
const BREAK = '^C';

function isInput(line: string, prompt: string, busy = false): boolean {
  if (busy) return line === BREAK;
  if (prompt === '') return line.startsWith('<< ') || line === '<<';
  return line.startsWith(prompt) || line === prompt.trimEnd();
}

function inputText(line: string, prompt: string): string {
  if (prompt === '') return line.slice(3);
  return line.startsWith(prompt) ? line.slice(prompt.length) : '';
}

export interface TranscriptRun {
  readonly expected: string;
  readonly actual: string;
  readonly lab: Lab;
}

/** Replays the typed lines of `text` and rebuilds the transcript from what the consoles printed. */
export function runTranscript(text: string): TranscriptRun {
  const lines = text.replace(/\n$/, '').split('\n');
  const m = /^## topology: (\S+)$/.exec(lines[0] ?? '');
  if (!m || !TOPOLOGIES[m[1]!]) throw new Error('a transcript starts with "## topology: NAME"');
  const lab = TOPOLOGIES[m[1]!]!();
  const out: string[] = [];
  let con: Console | undefined;
  let i = 0;
  const skipOutput = (prompt: string) => {
    const busy = con?.busy() === true;
    while (i < lines.length && !isMarker(lines[i]!) && !isInput(lines[i]!, prompt, busy)) i++;
  };
  while (i < lines.length) {
    const line = lines[i]!;
    if (line.startsWith('## ') || line === '##') {
      out.push(line);
      i++;
      continue;
    }
    if (line.startsWith('@wait ')) {
      out.push(line);
      lab.settle(seconds(Number(line.slice(6))));
      if (con) out.push(...con.drainLog().split('\n').slice(0, -1));
      i++;
      skipOutput(con?.prompt() ?? '');
      continue;
    }
    if (line.startsWith('== ')) {
      const name = line.slice(3);
      const fresh = !lab.consoles.has(name);
      con = lab.console(name);
      out.push(line);
      if (fresh) out.push(...con.greeting().split('\n').slice(0, -1));
      i++;
      skipOutput(con.prompt());
      continue;
    }
    if (!con) throw new Error(`line ${i + 1}: no console selected`);
    const prompt = con.prompt();
    const busy = con.busy();
    if (!isInput(line, prompt, busy))
      throw new Error(`line ${i + 1}: expected input at prompt ${JSON.stringify(prompt)}: ${line}`);
    const typed = busy ? BREAK : inputText(line, prompt);
    out.push(line);
    const reply = busy
      ? con.interrupt()
      : typed.endsWith('^Z')
        ? con.ctrlZ(typed.slice(0, -2))
        : con.input(typed);
    lab.settle();
    const printed = reply.output + con.drainLog();
    out.push(...printed.split('\n').slice(0, -1));
    i++;
    skipOutput(con.prompt());
  }
  return { expected: lines.join('\n'), actual: out.join('\n'), lab };
}
