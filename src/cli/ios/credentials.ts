/** A local user's name and password checked against the `username` entries (`login local`). */
import type { DeviceConfig, UserAccount } from '../../shared/config.ts';
import { checkSecret } from '../crypto/md5crypt.ts';

/** The account `name` logs in to with `password`; undefined when they do not match one. */
export function localUser(c: DeviceConfig, name: string, password: string): UserAccount | undefined {
  const user = c.users?.find((u) => u.name === name.trim());
  if (user === undefined) return undefined;
  const ok =
    user.secret !== undefined ? checkSecret(password, user.secret) : user.password?.plain === password;
  return ok ? user : undefined;
}
