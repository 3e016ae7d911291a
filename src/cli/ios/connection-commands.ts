/**
 * `where`, `resume`, `disconnect` and `show sessions`: a console's outgoing Telnet and SSH
 * connections. Trame simulates none, so there is never one to list, resume or close, and each
 * says so in IOS's words (`where` and `show sessions` as Catalyst and ISR captures print them;
 * `resume` and `disconnect` as IOS words their refusals).
 */
import { range } from '../parser/args.ts';
import { arg, type IosNode, kw, run } from './dsl.ts';

export const NO_CONNECTIONS = '% No connections open';

const CONNECTION = 'The number of an active network connection';

export const connectionNodes = (): IosNode[] => [
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
