/**
 * `login block-for S attempts N within W` and `show login`. IOS watches failed Telnet, SSH and
 * HTTP logins and, after N within W seconds, refuses them for S seconds (Cisco's login
 * enhancements guide: "virtual connections"; the console is never blocked). Trame does not
 * count failed Telnet logins yet, so the router stays in Normal-Mode: the setting is kept,
 * printed where IOS 15 prints it (after `ip cef` on an ISR, after the domain lines on a
 * 2960), and `show login` reports it. Its wording is a 1941's on 15.2 (a NetAcad lab's capture); the layout of
 * the watch window's lines is reconstructed from notes on the CCNA Security course.
 */
import type { DeviceConfig, LoginBlock } from '../../shared/config.ts';
import { range } from '../parser/args.ts';
import { arg, type IosNode, kw, run } from './dsl.ts';
import type { IosEnv } from './env.ts';

const SECONDS = 'Time period in seconds';

function block(env: IosEnv, value: LoginBlock | undefined): void {
  const { loginBlock: _old, ...rest } = env.config();
  env.setConfig(value === undefined ? rest : { ...rest, loginBlock: value });
  // The watch window starts now (and, for a setting read from the startup-config, at boot).
  if (env.runtime !== undefined)
    env.runtime.loginWatchSince = value === undefined ? undefined : env.runtime.now();
}

/** `block-for <1-65535> attempts <1-65535> within <1-65535>`, ending in `done`. */
const blockFor = (done: (env: IosEnv, b: LoginBlock) => void): IosNode =>
  kw(
    'block-for',
    'Set quiet-mode active time period',
    arg(
      'seconds',
      range(1, 65535),
      SECONDS,
      kw(
        'attempts',
        'Set max number of fail attempts',
        arg(
          'attempts',
          range(1, 65535),
          'Fail attempts max value',
          kw(
            'within',
            'Watch period for fail attempts',
            arg(
              'within',
              range(1, 65535),
              SECONDS,
              run((env, a) =>
                done(env, {
                  seconds: a.need<number>('seconds'),
                  attempts: a.need<number>('attempts'),
                  within: a.need<number>('within'),
                }),
              ),
            ),
          ),
        ),
      ),
    ),
  );

const LOGIN_HELP = 'Enable secure login checking';

export const loginNode = (): IosNode =>
  kw(
    'login',
    LOGIN_HELP,
    blockFor((env, b) => block(env, b)),
  );

/** `no login block-for [...]`. */
export const noLoginNode = (): IosNode => {
  const node = blockFor((env) => block(env, undefined));
  return kw('login', LOGIN_HELP, { ...node, run: run((env) => block(env, undefined)).run });
};

export const loginLines = (c: DeviceConfig): string[] =>
  c.loginBlock === undefined
    ? []
    : [
        `login block-for ${c.loginBlock.seconds} attempts ${c.loginBlock.attempts} within ${c.loginBlock.within}`,
      ];

/** `show login`. `watched`: whole seconds since the watch window first opened. */
export function showLogin(c: DeviceConfig, watched: number): string[] {
  const b = c.loginBlock;
  const at = (s: string) => (s === '' ? '' : `     ${s}`);
  if (b === undefined) {
    return [
      'No login delay has been applied.',
      'No Quiet-Mode access list has been configured.',
      '',
      'Router NOT enabled to watch for login Attacks',
    ].map(at);
  }
  return [
    'A default login delay of 1 second is applied.',
    'No Quiet-Mode access list has been configured.',
    '',
    'Router enabled to watch for login Attacks.',
    `If more than ${b.attempts} login failures occur in ${b.within} seconds or less,`,
    `logins will be disabled for ${b.seconds} seconds.`,
    '',
    'Router presently in Normal-Mode.',
    'Current Watch Window',
    `    Time remaining: ${b.within - (watched % b.within)} seconds.`,
    '    Login failures for current window: 0.',
    'Total login failures: 0.',
  ].map(at);
}

export const showLoginNode = (): IosNode =>
  kw(
    'login',
    'Display Secure Login Configurations and State',
    run((env) => {
      const r = env.runtime;
      const since = r === undefined ? 0 : (r.loginWatchSince ?? r.bootedAt);
      const watched = r === undefined ? 0 : Math.floor((r.now() - since) / 1_000_000);
      env.print(...showLogin(env.config(), watched));
    }),
  );
