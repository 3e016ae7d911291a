/**
 * A console's outgoing Telnet and SSH connections: `connect` and `telnet` (or an address typed
 * alone) open a Telnet session to an address, `ssh -l USER` an SSH one, which the console
 * holds until it closes. IOS can suspend a session (Ctrl+Shift+6 x) and keep
 * several: Trame does not, so `where`, `show sessions`, `resume` and `disconnect` find none to
 * work on and say so in IOS's words (`where` and `show sessions` as Catalyst and ISR captures
 * print them; `resume` and `disconnect` as IOS words their refusals).
 */

import { parseIpv4 } from '../../shared/ipv4.ts';
import { range } from '../parser/args.ts';
import type { ArgType } from '../parser/tree.ts';
import { portNumber, TELNET_CONNECT_LIMIT } from '../remote-terminal.ts';
import { SshClient } from '../ssh/client.ts';
import { TelnetClient } from '../telnet/client.ts';
import { arg, type IosNode, kw, run } from './dsl.ts';
import type { IosEnv } from './env.ts';
import { resolveAndRun } from './resolve-name.ts';
import { notSimulated } from './unsimulated.ts';

export const NO_CONNECTIONS = '% No connections open';

const CONNECTION = 'The number of an active network connection';

/** The rest of the line, shown as IOS's WORD: a host, with whatever options follow it. */
const HOST: ArgType<string> = {
  help: (h) => [{ word: 'WORD', help: h }],
  match: (t, i) => ({
    kind: 'match',
    consumed: t.length - i,
    value: t
      .slice(i)
      .map((w) => w.text)
      .join(' '),
  }),
};

const HOST_HELP = 'IP address or hostname of a remote system';

/** How `telnet` refuses a host it finds no address for (IOS 15 captures of `telnet R2`). */
const BAD_HOST = '\n% Bad IP address or host name\n';

/**
 * Opens a Telnet session to `words`: an address or a name (resolve-name.ts), then a port (23,
 * Telnet's, when none is given). `failure`: what a name without an address gets instead of
 * telnet's refusal (a word typed alone at the prompt: IOS's unknown command).
 */
export function openTelnet(env: IosEnv, words: readonly string[], failure = BAD_HOST): void {
  const [host = '', port, ...rest] = words;
  const number = port === undefined ? 23 : port.toLowerCase() === 'telnet' ? 23 : portNumber(port);
  if (rest.length > 0 || number === undefined) {
    env.error(notSimulated('these Telnet options'));
    return;
  }
  // A malformed address is refused as it is (IOS 15 capture of `telnet 20.0.01`).
  if (failure === BAD_HOST && parseIpv4(host) === undefined && !/[^\d.]/.test(host)) {
    env.error('% Bad IP address or host name');
    return;
  }
  const dev = env.device!;
  resolveAndRun(env, host, {
    start: (t) => {
      const client = new TelnetClient(dev.sim, dev.id, t.address, number, 'ios', dev.vty);
      return (t.name === undefined ? client : client.named(t.name)).connect();
    },
    failure,
    blankAfterOk: false,
    limit: TELNET_CONNECT_LIMIT,
  });
}

/**
 * `ssh -l USER [-v 2] [-p PORT] HOST`: an SSH session, version 2 (the only one Trame
 * simulates). Without -l the name is the one the session logged in with.
 */
export function openSsh(env: IosEnv, words: readonly string[]): void {
  let user = env.line?.user ?? '';
  let port = 22;
  let host: string | undefined;
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!;
    if (!w.startsWith('-') && host === undefined) {
      host = w;
      continue;
    }
    const value = words[++i];
    if (w === '-l' && value !== undefined) user = value;
    else if (w === '-p' && value !== undefined && portNumber(value) !== undefined) port = portNumber(value)!;
    else if (w !== '-v' || value !== '2') {
      env.error(notSimulated('these SSH options'));
      return;
    }
  }
  const target = host === undefined ? undefined : parseIpv4(host);
  if (target === undefined) {
    env.error('% Bad IP address or host name');
    return;
  }
  const dev = env.device!;
  env.run(new SshClient(dev.sim, dev.id, target, port, 'ios', user, undefined, dev.vty).connect());
}

const opensTelnet = (word: string, help: string): IosNode =>
  kw(
    word,
    help,
    arg(
      'host',
      HOST,
      HOST_HELP,
      run((env, a) => openTelnet(env, a.need<string>('host').split(/\s+/))),
    ),
  );

export const connectionNodes = (): IosNode[] => [
  opensTelnet('connect', 'Open a terminal connection'),
  kw(
    'ssh',
    'Open a secure shell client connection',
    arg(
      'host',
      HOST,
      HOST_HELP,
      run((env, a) => openSsh(env, a.need<string>('host').split(/\s+/))),
    ),
  ),
  opensTelnet('telnet', 'Open a telnet connection'),
  kw(
    'disconnect',
    'Disconnect an existing network connection',
    run((env) => env.error('% No current connection')),
    arg(
      'connection',
      range(1, 16),
      CONNECTION,
      run((env, a) => env.error(`?${a.need<number>('connection')} is not an open connection`)),
    ),
  ),
  kw(
    'resume',
    'Resume an active network connection',
    run((env) => env.error('% No open connections')),
    arg(
      'connection',
      range(1, 16),
      CONNECTION,
      run((env, a) => env.error(`% ${a.need<number>('connection')} is not an open connection`)),
    ),
  ),
  kw(
    'where',
    'List active connections',
    run((env) => env.error(NO_CONNECTIONS)),
  ),
];
