/**
 * `terminal`: settings of the console session, which end with it (IOS Configuration
 * Fundamentals Command Reference, "terminal history").
 */
import { without } from './config-edit.ts';
import { type IosNode, kw, run } from './dsl.ts';
import type { IosEnv } from './env.ts';
import { historyHelp, historyNode, historySizeHelp, lengthHelp, lengthNode } from './line-commands.ts';
import type { TerminalSettings } from './line-session.ts';

/**
 * `terminal length N` sets this session's screen rows, where long output stops at --More--
 * (see pager.ts); `terminal no length` goes back to line con 0's.
 * `terminal [no] history [size N]` set this session's command history, over line con 0's.
 */
const MONITOR_HELP = 'Copy debug output to the current terminal line';

export const terminalNode = (): IosNode => {
  const set = (env: IosEnv, change: TerminalSettings) => {
    const line = env.line;
    if (line) line.terminal = { ...line.terminal, ...change };
  };
  const reset = (env: IosEnv, key: keyof TerminalSettings) => {
    const line = env.line;
    if (line) line.terminal = without(line.terminal, key);
  };
  return kw(
    'terminal',
    'Set terminal line parameters',
    historyNode(
      (env) => set(env, { historyOff: false }),
      (env, historySize) => set(env, { historySize }),
    ),
    lengthNode((env, length) => set(env, { length })),
    kw(
      'monitor',
      MONITOR_HELP,
      run((env) => {
        if (env.line?.line.kind === 'vty') env.line.monitor = true;
        else env.print('% Console already monitors');
      }),
    ),
    kw(
      'no',
      'Negate a command or set its defaults',
      kw(
        'history',
        historyHelp,
        run((env) => set(env, { historyOff: true })),
        kw(
          'size',
          historySizeHelp,
          run((env) => reset(env, 'historySize')),
        ),
      ),
      kw(
        'length',
        lengthHelp,
        run((env) => reset(env, 'length')),
      ),
      // The console shows every message whatever this says: only a vty line stops.
      kw(
        'monitor',
        MONITOR_HELP,
        run((env) => {
          if (env.line) env.line.monitor = false;
        }),
      ),
    ),
  );
};
