/**
 * A console's outgoing Telnet and SSH connections: `connect`, `telnet` and `ssh` open one,
 * `where` and `show sessions` list them, `resume` and `disconnect` go back to one or close it.
 * Trame simulates none: the first three say so (they are in the `?` lists, as on IOS, where
 * `c?` and `t?` name them), and the others find none to work on and say so in IOS's words
 * (`where` and `show sessions` as Catalyst and ISR captures print them; `resume` and
 * `disconnect` as IOS words their refusals).
 */

import { range } from '../parser/args.ts';
import type { ArgType } from '../parser/tree.ts';
import { arg, type IosNode, kw, run } from './dsl.ts';
import { notSimulated } from './unsimulated.ts';

export const NO_CONNECTIONS = '% No connections open';

const CONNECTION = 'The number of an active network connection';

/** The rest of the line, shown as IOS's WORD: a host, with whatever options follow it. */
const HOST: ArgType<unknown> = {
  help: (h) => [{ word: 'WORD', help: h }],
  match: (t, i) => ({ kind: 'match', consumed: t.length - i, value: undefined }),
};

const HOST_HELP = 'IP address or hostname of a remote system';

const opens = (word: string, help: string, what: string): IosNode => {
  const refuse = run((env) => env.error(notSimulated(what)));
  return kw(word, help, arg('host', HOST, HOST_HELP, refuse));
};

export const connectionNodes = (): IosNode[] => [
  opens('connect', 'Open a terminal connection', 'Telnet sessions'),
  opens('ssh', 'Open a secure shell client connection', 'SSH sessions'),
  opens('telnet', 'Open a telnet connection', 'Telnet sessions'),
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
