/**
 * `login block-for S attempts N within W` and `show login`. IOS watches failed Telnet, SSH and
 * HTTP logins and, after N within W seconds, refuses them for S seconds (Cisco's login
 * enhancements guide: "virtual connections"; the console is never blocked): login-watch.ts
 * counts them. The setting is printed where IOS 15 prints it (after `ip cef` on an ISR, after
 * the domain lines on a 2960), and `show login` reports it and the mode. Its wording is a
 * 1941's on 15.2 (NetAcad's "Securing Network Devices" lab, Normal-Mode and Quiet-Mode); the
 * layout of the watch window's lines is reconstructed from notes on the CCNA Security course.
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
  if (env.runtime !== undefined) {
    env.runtime.loginWatchSince = value === undefined ? undefined : env.runtime.now();
    env.runtime.login.reset();
  }
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

/** What `show login` reports of the watch: seconds since windows began, failures, Quiet-Mode left. */
export interface WatchState {
  readonly watched: number;
  readonly inWindow: number;
  readonly total: number;
  readonly quietLeft: number;
}

/** `show login`. */
export function showLogin(c: DeviceConfig, w: WatchState): string[] {
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
  const head = [
    'A default login delay of 1 second is applied.',
    'No Quiet-Mode access list has been configured.',
    '',
    'Router enabled to watch for login Attacks.',
    `If more than ${b.attempts} login failures occur in ${b.within} seconds or less,`,
    `logins will be disabled for ${b.seconds} seconds.`,
    '',
  ];
  if (w.quietLeft > 0) {
    return [
      ...head,
      'Router presently in Quiet-Mode.',
      `Will remain in Quiet-Mode for ${w.quietLeft} seconds.`,
      'Denying logins from all sources.',
    ].map(at);
  }
  return [
    ...head,
    'Router presently in Normal-Mode.',
    'Current Watch Window',
    `    Time remaining: ${b.within - (w.watched % b.within)} seconds.`,
    `    Login failures for current window: ${w.inWindow}.`,
    `Total login failures: ${w.total}.`,
  ].map(at);
}

export const showLoginNode = (): IosNode =>
  kw(
    'login',
    'Display Secure Login Configurations and State',
    run((env) => {
      const r = env.runtime;
      const c = env.config();
      if (r === undefined) {
        env.print(...showLogin(c, { watched: 0, inWindow: 0, total: 0, quietLeft: 0 }));
        return;
      }
      const now = r.now();
      const since = r.loginWatchSince ?? r.bootedAt;
      const block = c.loginBlock;
      env.print(
        ...showLogin(c, {
          watched: Math.floor((now - since) / 1_000_000),
          inWindow: block ? r.login.failuresInWindow(block, now) : 0,
          total: r.login.total,
          quietLeft: r.login.quietLeft(now),
        }),
      );
    }),
  );
