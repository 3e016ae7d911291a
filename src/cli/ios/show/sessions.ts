/**
 * `show users` and `show ssh`: who is on the device's lines, and its SSH server sessions. The
 * console is the only line a session reaches here (Telnet and SSH are not simulated), so it is
 * the current one, idle for no time since the command was typed; its User column names whoever
 * logged in with `login local`. Layouts from IOS 15 captures (routers and Catalyst switches).
 */

/** `show users`: the console line, then the (empty) table of interface users. */
export function showUsers(user: string | undefined): string[] {
  return [
    '    Line       User       Host(s)              Idle       Location',
    `${'*  0 con 0'.padEnd(15)}${(user ?? '').padEnd(11)}${'idle'.padEnd(21)}00:00:00`,
    '',
    '  Interface    User               Mode         Idle     Peer Address',
    '',
  ];
}

/** `show ssh`: no SSH session can reach the device. */
export const showSsh = (): string[] => [
  '%No SSHv2 server connections running.',
  '%No SSHv1 server connections running.',
];
