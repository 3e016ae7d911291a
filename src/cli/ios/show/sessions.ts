/**
 * `show users` and `show ssh`: who is on the device's lines, and its SSH server sessions. The
 * console, then each vty line a Telnet or SSH session holds; the current one is starred and idle for
 * no time since the command was typed. The User column names whoever logged in with `login
 * local`, Location where a vty session comes from. Layouts from IOS 15 captures (routers and
 * Catalyst switches).
 */
import type { IosEnv } from '../env.ts';
import { type LineSession, vtyLineNumber } from '../line-session.ts';
import { ago } from './format.ts';

/** Console first, then vty lines by number. */
const order = (s: LineSession): number => (s.line.kind === 'con' ? -1 : s.line.n);

/** `show users`: the lines in use, then the (empty) table of interface users. */
export function showUsers(env: IosEnv): string[] {
  const rt = env.runtime!;
  const sessions = [...rt.sessions].sort((a, b) => order(a) - order(b));
  const rows = sessions.map((s) => {
    const l = s.line;
    const name =
      l.kind === 'con' ? '  0 con 0' : `${String(vtyLineNumber(env.kind, l.n)).padStart(3)} vty ${l.n}`;
    const current = s === env.line;
    const now = rt.now();
    const idle = ago(now, current ? now : s.lastActivity);
    const where = l.kind === 'vty' ? ` ${l.peer}` : '';
    return `${`${current ? '*' : ' '}${name}`.padEnd(15)}${(s.user ?? '').padEnd(11)}${'idle'.padEnd(21)}${idle}${where}`;
  });
  return [
    '    Line       User       Host(s)              Idle       Location',
    ...rows,
    '',
    '  Interface    User               Mode         Idle     Peer Address',
    '',
  ];
}

/**
 * `show ssh`: each SSH session on a vty line, both directions of it (IN, OUT), then the SSH
 * version 1 sessions, of which Trame has none.
 */
export function showSsh(env: IosEnv): string[] {
  const sessions = [...env.runtime!.sessions]
    .filter((s) => s.ssh !== undefined)
    .sort((a, b) => order(a) - order(b));
  const v1 = '%No SSHv1 server connections running.';
  if (sessions.length === 0) return ['%No SSHv2 server connections running.', v1];
  const rows = sessions.flatMap((s) =>
    ['IN', 'OUT'].map((mode) => {
      const ssh = s.ssh!;
      const n = s.line.kind === 'vty' ? s.line.n : 0;
      return `${String(n).padEnd(11)}${ssh.version.padEnd(8)}${mode.padEnd(5)}${ssh.cipher.padEnd(12)}${ssh.mac.padEnd(13)}${'Session started'.padEnd(22)}${ssh.user}`;
    }),
  );
  return ['Connection Version Mode Encryption  Hmac         State                 Username', ...rows, v1];
}
