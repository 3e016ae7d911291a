/** Line configuration (config-line): `line console 0`, `line vty 0 4` / `0 15`. */
import type { LineConfig } from '../../shared/config.ts';
import { decodeType7 } from '../crypto/type7.ts';
import { LINE } from '../parser/args.ts';
import type { Args } from '../parser/tree.ts';
import { modeCommands, type TreeOptions } from './common.ts';
import { without } from './config-edit.ts';
import { arg, type IosNode, kw, run } from './dsl.ts';
import type { IosEnv } from './env.ts';

function editLine(env: IosEnv, fn: (l: LineConfig) => LineConfig): void {
  const c = env.config();
  if (env.modes.context().line === 'console') env.setConfig({ ...c, lineConsole: fn(c.lineConsole) });
  else env.setConfig({ ...c, lineVty: fn(c.lineVty) });
}

/** `password [0|7] TEXT`: type 7 text is stored decoded, as IOS keeps it. */
export function plainPassword(env: IosEnv, a: Args): string | undefined {
  const text = a.need<string>('password');
  if (!a.has('7')) return text;
  const plain = decodeType7(text);
  if (plain === undefined) env.error(`Invalid encrypted password: ${text}`);
  return plain;
}

const passwordHelp = 'Set a password';
const loginHelp = 'Enable password checking';

export function passwordArgs(h: (env: IosEnv, a: Args) => void, lineHelp: string): IosNode[] {
  return [
    kw('0', 'Specifies an UNENCRYPTED password will follow', arg('password', LINE, lineHelp, run(h))),
    kw(
      '7',
      'Specifies a HIDDEN password will follow',
      arg('password', LINE, 'The HIDDEN line password string', run(h)),
    ),
    arg('password', LINE, lineHelp, run(h)),
  ];
}

function setPassword(env: IosEnv, a: Args): void {
  const plain = plainPassword(env, a);
  if (plain !== undefined) editLine(env, (l) => ({ ...l, password: plain }));
}

export function lineTree(opts: TreeOptions): IosNode {
  return kw(
    '',
    '',
    kw(
      'login',
      loginHelp,
      run((env) => editLine(env, (l) => ({ ...l, login: true }))),
    ),
    kw('password', passwordHelp, ...passwordArgs(setPassword, 'The UNENCRYPTED (cleartext) line password')),
    kw(
      'no',
      'Negate a command or set its defaults',
      kw(
        'login',
        loginHelp,
        run((env) => editLine(env, (l) => ({ ...l, login: false }))),
      ),
      kw(
        'password',
        passwordHelp,
        run((env) => editLine(env, (l) => without(l, 'password'))),
      ),
    ),
    ...modeCommands('Exit from line configuration mode', opts),
  );
}
