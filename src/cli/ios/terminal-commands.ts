/**
 * `terminal`: settings of the console session, which end with it (IOS Configuration
 * Fundamentals Command Reference, "terminal history").
 */
import { range } from '../parser/args.ts';
import { without } from './config-edit.ts';
import { arg, type IosNode, kw, run } from './dsl.ts';
import type { IosEnv } from './env.ts';
import { historyHelp, historyNode, historySizeHelp } from './line-commands.ts';

/**
 * `terminal length N`. Trame's console never pauses long output with --More--, as if the
 * length were 0, so any value is accepted and there is nothing to change.
 * `terminal [no] history [size N]` set this session's command history, over line con 0's.
 */
const MONITOR_HELP = 'Copy debug output to the current terminal line';

export const terminalNode = (): IosNode => {
  const setHistory = (env: IosEnv, change: { size?: number; off?: boolean }) => {
    const rt = env.runtime;
    if (rt) rt.terminalHistory = { ...rt.terminalHistory, ...change };
  };
  const resetSize = (env: IosEnv) => {
    const rt = env.runtime;
    if (rt) rt.terminalHistory = without(rt.terminalHistory, 'size');
  };
  return kw(
    'terminal',
    'Set terminal line parameters',
    historyNode(
      (env) => setHistory(env, { off: false }),
      (env, size) => setHistory(env, { size }),
    ),
    kw(
      'length',
      'Set number of lines on a screen',
      arg(
        'lines',
        range(0, 512),
        'Number of lines on screen (0 for no pausing)',
        run(() => {}),
      ),
    ),
    kw(
      'monitor',
      MONITOR_HELP,
      run((env) => env.print('% Console already monitors')),
    ),
    kw(
      'no',
      'Negate a command or set its defaults',
      kw(
        'history',
        historyHelp,
        run((env) => setHistory(env, { off: true })),
        kw('size', historySizeHelp, run(resetSize)),
      ),
      // The console shows every message whatever this says: there is nothing to turn off.
      kw(
        'monitor',
        MONITOR_HELP,
        run(() => {}),
      ),
    ),
  );
};
