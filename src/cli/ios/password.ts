/**
 * Type 0 and type 7 passwords (`password`, `enable password`, `username ... password`) and
 * what service password-encryption does to them. IOS encrypts a password when it is set
 * under the service, and every clear one when the service is turned on; turning it off
 * decrypts nothing, so `no service password-encryption` only leaves new passwords in clear.
 */
import type { DeviceConfig, LineConfig, Password, UserAccount } from '../../shared/config.ts';
import { decodeHiddenPassword, encodeType7 } from '../crypto/type7.ts';
import { LINE } from '../parser/args.ts';
import type { Args } from '../parser/tree.ts';
import { arg, type IosNode, kw, run } from './dsl.ts';
import type { IosEnv } from './env.ts';

/**
 * A password typed as `text`, type 7 when `type7` ("password [0|7] TEXT"): type 7 text is
 * kept as typed, beside its clear text; clear text is hidden at once under service
 * password-encryption.
 */
export function typedPassword(env: IosEnv, text: string, type7: boolean): Password | undefined {
  if (!type7) return env.config().servicePasswordEncryption ? hide(text) : { plain: text };
  const plain = decodeHiddenPassword(text);
  if (plain === undefined) {
    env.error(`Invalid encrypted password: ${text}`);
    return undefined;
  }
  return { plain, hidden: text };
}

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

const hide = (plain: string): Password => ({ plain, hidden: encodeType7(plain) });

const hidden = (p: Password | undefined): Password | undefined =>
  p === undefined || p.hidden !== undefined ? p : hide(p.plain);

const lineHidden = (l: LineConfig): LineConfig => (l.password ? { ...l, password: hidden(l.password) } : l);

const userHidden = (u: UserAccount): UserAccount => (u.password ? { ...u, password: hidden(u.password) } : u);

/** `service password-encryption`: the service on, and every password hidden. */
export function encryptPasswords(c: DeviceConfig): DeviceConfig {
  return {
    ...c,
    servicePasswordEncryption: true,
    ...(c.enablePassword ? { enablePassword: hidden(c.enablePassword) } : {}),
    lineConsole: lineHidden(c.lineConsole),
    lineVty: c.lineVty.map(lineHidden),
    ...(c.users ? { users: c.users.map(userHidden) } : {}),
  };
}

/**
 * A password as configuration lines print it: "7 TEXT" when hidden, else in clear, marked
 * type 0 when `typed` (`username` lines) or when it would otherwise read back as a type ("7",
 * "0 x").
 */
export function shownPassword(p: Password, typed = false): string {
  if (p.hidden !== undefined) return `7 ${p.hidden}`;
  return typed || /^[07](\s|$)/.test(p.plain) ? `0 ${p.plain}` : p.plain;
}
