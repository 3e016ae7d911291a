/**
 * `timeout /t N [/nobreak]`: Windows' timeout.exe waits N seconds of the simulation's clock (a
 * script's way to let spanning tree bring a port to forwarding, or a lease run out). Its usage
 * and messages are timeout.exe's; the countdown it rewrites in place shows only as its first
 * value. Ctrl+C stops it (`^C`). Waiting for a key (`/t -1`) is not simulated: a console here
 * has no key press that is not a line.
 */
import type { Simulation } from '../../engine/api.ts';
import { type Micros, seconds } from '../../shared/time.ts';
import { linesText as lines, type Running, runningProbe } from '../running.ts';

const USAGE = [
  '',
  'TIMEOUT [/T] timeout [/NOBREAK]',
  '',
  'Description:',
  '    This utility accepts a timeout parameter to wait for the specified',
  '    time period (in seconds) or until any key is pressed. It also',
  '    accepts a parameter to ignore the key press.',
  '',
  'Parameter List:',
  '    /T        timeout       Specifies the number of seconds to wait.',
  '                            Valid range is -1 to 99999 seconds.',
  '',
  '    /NOBREAK                Ignore key presses and wait specified time.',
  '',
  '    /?                      Displays this help message.',
  '',
  'NOTE: A timeout value of -1 means to wait indefinitely for a key press.',
  '',
  'Examples:',
  '    TIMEOUT /?',
  '    TIMEOUT /T 10',
  '    TIMEOUT /T 300 /NOBREAK',
  '    TIMEOUT /T -1',
];

const SYNTAX = [
  "ERROR: Invalid syntax. Default option is not allowed more than '1' time(s).",
  'Type "TIMEOUT /?" for usage.',
];
const RANGE = ['ERROR: Invalid value for timeout (/T) specified. Valid range is -1 to 99999.'];

/** Runs `timeout ARGS`: lines to print now, or the wait (`start`). */
export function timeout(sim: Simulation, args: readonly string[], start: (r: Running) => void): string[] {
  if (args.includes('/?')) return USAGE;
  let value: string | undefined;
  let count = 0;
  let nobreak = false;
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!.toLowerCase();
    if (a === '/nobreak') {
      nobreak = true;
      continue;
    }
    if (a === '/t') {
      value = args[++i];
      count++;
    } else {
      value = args[i];
      count++;
    }
  }
  if (count !== 1 || value === undefined) return SYNTAX;
  const n = /^-?\d+$/.test(value) ? Number(value) : Number.NaN;
  if (!(n >= -1 && n <= 99999)) return RANGE;
  // Waiting for a key press: a console line is the only key this console knows.
  const wait = Math.max(n, 0);
  const end = sim.now() + seconds(wait);
  let stopped = false;
  start(
    runningProbe(
      {
        get done() {
          return stopped || sim.now() >= end;
        },
        stop() {
          stopped = true;
        },
      },
      {
        head: lines(
          '',
          `Waiting for ${wait} seconds, ${nobreak ? 'press CTRL+C to quit' : 'press a key to continue'} ...`,
        ),
        items: () => [],
        item: () => '',
        tail: (ending) => (ending === 'stopped' ? lines('^C') : lines('')),
      },
      seconds(wait) as Micros,
    ),
  );
  return [];
}
