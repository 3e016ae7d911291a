/**
 * Line configuration (config-line): `line console 0`, `line vty 0 4` / `0 15`: passwords,
 * `login [local]`, `exec-timeout`, `logging synchronous` and `transport input`.
 */

import type { LineConfig, TransportInput } from '../../shared/config.ts';
import { range } from '../parser/args.ts';
import type { Args } from '../parser/tree.ts';
import { accessClassNode } from './acl-commands.ts';
import { modeCommands, type TreeOptions } from './common.ts';
import { without } from './config-edit.ts';
import { arg, type IosNode, kw, run } from './dsl.ts';
import type { IosEnv } from './env.ts';
import { vtyLineNumber } from './line-session.ts';
import { passwordArgs, typedPassword } from './password.ts';
import { defaultTransport } from './running-config.ts';
import { tooShort } from './security-commands.ts';
import { notApplied } from './unsimulated.ts';

/** The highest vty line `line vty` takes. */
export const MAX_VTY = 15;

/** A vty line as IOS makes it when `line vty` names one that does not exist yet. */
export const NEW_VTY: LineConfig = { login: true };

/**
 * Applies `fn` to the lines being configured: the console, or each vty line of the range,
 * made first if the range goes past the last one (a router has five until then).
 */
function editLine(env: IosEnv, fn: (l: LineConfig) => LineConfig): void {
  const c = env.config();
  const { line, lines } = env.modes.context();
  if (line === 'console') {
    env.setConfig({ ...c, lineConsole: fn(c.lineConsole) });
    return;
  }
  const [first, last] = lines;
  const vty = Array.from({ length: Math.max(c.lineVty.length, last + 1) }, (_, n) => {
    const l = c.lineVty[n] ?? NEW_VTY;
    return n >= first && n <= last ? fn(l) : l;
  });
  env.setConfig({ ...c, lineVty: vty });
}

const passwordHelp = 'Set a password';
const loginHelp = 'Enable password checking';

function setPassword(env: IosEnv, a: Args): void {
  const password = typedPassword(env, a.need<string>('password'), a.has('7'));
  if (password === undefined || (!a.has('7') && tooShort(env, password.plain))) return;
  editLine(env, (l) => ({ ...l, password }));
}

/**
 * `login` on a line without a password lets nobody in over a vty, and anyone in on the
 * console; IOS says so when typed, once for each such line, by its absolute number: the
 * console is line 0, a router's aux port line 1, so vty N is line N + 2 on a router and
 * N + 1 on a switch (captures of 2960s and ISRs).
 */
function setLogin(env: IosEnv, local: boolean): void {
  const { line, lines } = env.modes.context();
  const c = env.config();
  if (env.device && !local) {
    const disabled = (n: number) => env.print(`% Login disabled on line ${n}, until 'password' is set`);
    if (line === 'console') {
      if (c.lineConsole.password === undefined) disabled(0);
    } else {
      for (let n = lines[0]; n <= lines[1]; n++)
        if (c.lineVty[n]?.password === undefined) disabled(vtyLineNumber(env.kind, n));
    }
  }
  editLine(env, (l) =>
    local ? { ...l, login: true, loginLocal: true } : without({ ...l, login: true }, 'loginLocal'),
  );
}

const DEFAULT_TIMEOUT = { minutes: 10, seconds: 0 };

function setExecTimeout(env: IosEnv, minutes: number, seconds: number): void {
  const isDefault = minutes === DEFAULT_TIMEOUT.minutes && seconds === DEFAULT_TIMEOUT.seconds;
  editLine(env, (l) => (isDefault ? without(l, 'execTimeout') : { ...l, execTimeout: { minutes, seconds } }));
}

/** Protocols accepted on the line; the platform default is stored as absent. */
function setTransport(env: IosEnv, t: TransportInput): void {
  const line = env.modes.context().line;
  editLine(env, (l) =>
    t === defaultTransport(env.kind, line) ? without(l, 'transportInput') : { ...l, transportInput: t },
  );
}

const execTimeoutHelp = 'Set the EXEC timeout';
export const historyHelp = 'Enable and control the command history function';
export const historySizeHelp = 'Set history buffer size';
/** `history size` when a line sets none. */
export const DEFAULT_HISTORY_SIZE = 10;
const loggingHelp = 'Modify message logging facilities';
const synchronousHelp = 'Synchronized message output';
const transportHelp = 'Define transport protocols for line';
const inputHelp = 'Define which protocols to use when connecting to the terminal server';
const localHelp = 'Local password checking';

function transportNode(): IosNode {
  const sshHelp = 'TCP/IP SSH protocol';
  const telnetHelp = 'TCP/IP Telnet protocol';
  const set = (t: TransportInput) => run((env) => setTransport(env, t));
  // `transport input telnet ssh` and `ssh telnet` both allow the two.
  return kw(
    'transport',
    transportHelp,
    kw(
      'input',
      inputHelp,
      kw('all', 'All protocols', set('all')),
      kw('none', 'No protocols', set('none')),
      kw('ssh', sshHelp, set('ssh'), kw('telnet', telnetHelp, set('telnet ssh'))),
      kw('telnet', telnetHelp, set('telnet'), kw('ssh', sshHelp, set('telnet ssh'))),
    ),
  );
}

/** `history size N`; the default size is stored as absent, as IOS does not print it. */
function setHistorySize(env: IosEnv, size: number | undefined): void {
  editLine(env, (l) =>
    size === undefined || size === DEFAULT_HISTORY_SIZE
      ? without(l, 'historySize')
      : { ...l, historySize: size },
  );
}

/** A screen's rows when neither the line nor the console session sets them. */
export const DEFAULT_PAGE_LENGTH = 24;
export const lengthHelp = 'Set number of lines on a screen';

/** `length N` on a line, `terminal length N` for the session: 0 never pauses at --More--. */
export const lengthNode = (set: (env: IosEnv, lines: number) => void): IosNode =>
  kw(
    'length',
    lengthHelp,
    arg(
      'lines',
      range(0, 512),
      'Number of lines on screen (0 for no pausing)',
      run((env, a) => set(env, a.need<number>('lines'))),
    ),
  );

/** `length N`; the default is stored as absent, as IOS does not print it. */
function setLength(env: IosEnv, length: number | undefined): void {
  editLine(env, (l) =>
    length === undefined || length === DEFAULT_PAGE_LENGTH ? without(l, 'length') : { ...l, length },
  );
}

/** `history [size N]`: on a line, and for the session with `terminal`. */
export const historyNode = (
  enable: (env: IosEnv) => void,
  size: (env: IosEnv, lines: number) => void,
): IosNode =>
  kw(
    'history',
    historyHelp,
    run(enable),
    kw(
      'size',
      historySizeHelp,
      arg(
        'lines',
        range(0, 256),
        'Size of history buffer',
        run((env, a) => size(env, a.need<number>('lines'))),
      ),
    ),
  );

/**
 * `[no] exec`, which a 1941's `line 2` shows: named as not simulated, so that `no exec` is not
 * taken for an abbreviation of `no exec-timeout`.
 */
const execNode = (): IosNode =>
  kw(
    'exec',
    'Start an EXEC process',
    run((env) => env.error(notApplied('EXEC control on lines'))),
  );

export function lineTree(opts: TreeOptions): IosNode {
  return kw(
    '',
    '',
    accessClassNode(false, editLine),
    execNode(),
    kw(
      'exec-timeout',
      execTimeoutHelp,
      arg(
        'minutes',
        range(0, 35791),
        'Timeout in minutes',
        run((env, a) => setExecTimeout(env, a.need<number>('minutes'), 0)),
        arg(
          'seconds',
          range(0, 2147483),
          'Timeout in seconds',
          run((env, a) => setExecTimeout(env, a.need<number>('minutes'), a.need<number>('seconds'))),
        ),
      ),
    ),
    historyNode((env) => editLine(env, (l) => without(l, 'noHistory')), setHistorySize),
    kw(
      'logging',
      loggingHelp,
      kw(
        'synchronous',
        synchronousHelp,
        run((env) => editLine(env, (l) => ({ ...l, loggingSynchronous: true }))),
      ),
    ),
    kw(
      'login',
      loginHelp,
      run((env) => setLogin(env, false)),
      kw(
        'local',
        localHelp,
        run((env) => setLogin(env, true)),
      ),
    ),
    lengthNode(setLength),
    kw('password', passwordHelp, ...passwordArgs(setPassword, 'The UNENCRYPTED (cleartext) line password')),
    transportNode(),
    kw(
      'no',
      'Negate a command or set its defaults',
      accessClassNode(true, editLine),
      execNode(),
      kw(
        'exec-timeout',
        execTimeoutHelp,
        run((env) => editLine(env, (l) => without(l, 'execTimeout'))),
      ),
      kw(
        'history',
        historyHelp,
        run((env) => editLine(env, (l) => ({ ...l, noHistory: true }))),
        kw(
          'size',
          historySizeHelp,
          run((env) => setHistorySize(env, undefined)),
        ),
      ),
      kw(
        'logging',
        loggingHelp,
        kw(
          'synchronous',
          synchronousHelp,
          run((env) => editLine(env, (l) => without(l, 'loggingSynchronous'))),
        ),
      ),
      kw(
        'login',
        loginHelp,
        run((env) => editLine(env, (l) => without({ ...l, login: false }, 'loginLocal'))),
      ),
      kw(
        'length',
        lengthHelp,
        run((env) => setLength(env, undefined)),
      ),
      kw(
        'password',
        passwordHelp,
        run((env) => editLine(env, (l) => without(l, 'password'))),
      ),
      kw(
        'transport',
        transportHelp,
        kw(
          'input',
          inputHelp,
          run((env) => editLine(env, (l) => without(l, 'transportInput'))),
        ),
      ),
    ),
    ...modeCommands('Exit from line configuration mode', opts),
  );
}
