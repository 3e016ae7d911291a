/** User and privileged EXEC (R1> and R1#), and the `do` prefix that reaches them from configuration. */

import type { Ipv4Addr } from '../../shared/ipv4.ts';
import { checkSecret } from '../crypto/md5crypt.ts';
import { IPV4, range, WORD } from '../parser/args.ts';
import type { Args } from '../parser/tree.ts';
import { clockNode } from './clock-commands.ts';
import { consoleAvailable, helpNode } from './common.ts';
import type { IosKind } from './config-edit.ts';
import { clearCountersNode } from './counter-commands.ts';
import { arg, HIDDEN, type IosNode, kw, run } from './dsl.ts';
import type { IosEnv, Question } from './env.ts';
import { deleteNode, dirNode } from './file-commands.ts';
import { copyNode, eraseNode, reload, saveConfig, writeEraseNode } from './nvram-commands.ts';
import { DEFAULT_PING, type IosPingOptions, iosPing, iosTraceroute, resolveTarget } from './ping.ts';
import { clearCdpTable } from './show/cdp.ts';
import { showRunning, showTree } from './show-commands.ts';

const ENTER_CONFIG = 'Enter configuration commands, one per line.  End with CNTL/Z.';

function askPassword(env: IosEnv, tries: number): void {
  env.ask({
    prompt: 'Password: ',
    secret: true,
    answer(e, text) {
      const c = e.config();
      const ok =
        c.enableSecret !== undefined ? checkSecret(text, c.enableSecret) : text === c.enablePassword?.plain;
      if (ok) e.modes.send({ type: 'enable' });
      else if (tries < 2) askPassword(e, tries + 1);
      else e.print(c.enableSecret !== undefined ? '% Bad secrets' : '% Bad passwords', '');
    },
  });
}

function enable(env: IosEnv): void {
  if (env.modes.mode() !== 'userExec') return;
  const c = env.config();
  if (c.enableSecret === undefined && c.enablePassword === undefined) env.modes.send({ type: 'enable' });
  else askPassword(env, 0);
}

function configure(env: IosEnv): void {
  env.print(ENTER_CONFIG);
  env.modes.send({ type: 'configure' });
}

function logout(env: IosEnv): void {
  env.modes.send({ type: 'exit' });
  consoleAvailable(env);
}

function pingCommand(env: IosEnv, a: Args): void {
  const target = resolveTarget(env, a.need<string>('target'));
  if (target === undefined) return;
  const source = a.value<Ipv4Addr>('source');
  iosPing(env, target, {
    count: a.value<number>('repeat') ?? DEFAULT_PING.count,
    size: a.value<number>('size') ?? DEFAULT_PING.size,
    timeoutSeconds: a.value<number>('timeout') ?? DEFAULT_PING.timeoutSeconds,
    ...(source !== undefined ? { source } : {}),
  });
}

/** `ping` alone in privileged EXEC: the extended ping dialogue. */
function extendedPing(env: IosEnv): void {
  const o: { -readonly [K in keyof IosPingOptions]: IosPingOptions[K] } = { ...DEFAULT_PING };
  let target: Ipv4Addr | undefined;
  const num = (
    prompt: string,
    set: (n: number) => void,
    lo: number,
    hi: number,
    next: () => void,
  ): Question => ({
    prompt,
    answer(e, text) {
      if (text.trim() !== '') {
        const n = Number(text.trim());
        if (!Number.isInteger(n) || n < lo || n > hi) {
          e.print(`% A decimal number between ${lo} and ${hi}.`);
          e.ask(num(prompt, set, lo, hi, next));
          return;
        }
        set(n);
      }
      next();
    },
  });
  const finish = () => iosPing(env, target!, o);
  const timeoutQ = () =>
    env.ask(
      num(
        'Timeout in seconds [2]: ',
        (n) => (o.timeoutSeconds = n),
        0,
        3600,
        () => {
          env.ask({
            prompt: 'Extended commands [n]: ',
            answer: () => env.ask({ prompt: 'Sweep range of sizes [n]: ', answer: finish }),
          });
        },
      ),
    );
  const sizeQ = () => env.ask(num('Datagram size [100]: ', (n) => (o.size = n), 36, 18024, timeoutQ));
  const repeatQ = () => env.ask(num('Repeat count [5]: ', (n) => (o.count = n), 1, 2147483647, sizeQ));
  env.ask({
    prompt: 'Protocol [ip]: ',
    answer(e, text) {
      if (text.trim() !== '' && text.trim().toLowerCase() !== 'ip') {
        e.print('% Unknown protocol - "' + text.trim() + '", type "ping ?" for help');
        return;
      }
      e.ask({
        prompt: 'Target IP address: ',
        answer(e2, t) {
          target = resolveTarget(e2, t.trim());
          if (target !== undefined) repeatQ();
        },
      });
    },
  });
}

function pingNode(privileged: boolean): IosNode {
  const target = arg('target', WORD, 'Ping destination address or hostname', run(pingCommand));
  const option = (
    word: string,
    help: string,
    name: string,
    type: Parameters<typeof arg>[1],
    valueHelp: string,
  ) => kw(word, help, arg(name, type, valueHelp, run(pingCommand)));
  const options = [
    option('repeat', 'specify repeat count', 'repeat', range(1, 2147483647), 'Repeat count'),
    option('size', 'specify datagram size', 'size', range(36, 18024), 'Datagram size'),
    option('source', 'specify source address or name', 'source', IPV4, 'Source address'),
    option('timeout', 'specify timeout interval', 'timeout', range(0, 3600), 'Timeout in seconds'),
  ];
  // Options may follow each other in any order, as on IOS.
  target.children.push(...options);
  for (const o of options) o.children[0]!.children.push(...options);
  return kw('ping', 'Send echo messages', ...(privileged ? [run(extendedPing)] : []), target);
}

const tracerouteNode = (): IosNode =>
  kw(
    'traceroute',
    'Trace route to destination',
    arg(
      'target',
      WORD,
      'Trace route to destination address or hostname',
      run((env, a) => {
        const target = resolveTarget(env, a.need<string>('target'));
        if (target !== undefined) iosTraceroute(env, target);
      }),
    ),
  );

const exitHelp = 'Exit from the EXEC';

function userTree(kind: IosKind): IosNode {
  return kw(
    '',
    '',
    kw(
      'disable',
      'Turn off privileged commands',
      run(() => {}),
    ),
    kw('enable', 'Turn on privileged commands', run(enable)),
    kw('exit', exitHelp, run(logout)),
    helpNode(),
    kw('logout', exitHelp, run(logout)),
    pingNode(false),
    showTree(kind, false),
    terminalNode(),
    tracerouteNode(),
  );
}

/**
 * `terminal length N`. Trame's console never pauses long output with --More--, as if the
 * length were 0, so any value is accepted and there is nothing to change.
 */
const terminalNode = (): IosNode =>
  kw(
    'terminal',
    'Set terminal line parameters',
    kw(
      'length',
      'Set number of lines on a screen',
      arg(
        'lines',
        range(0, 512),
        'Number of lines on screen (0 for no pausing)',
        run(() => {}),
      ),
    ),
  );

function privTree(kind: IosKind): IosNode {
  const clear = kw(
    'clear',
    'Reset functions',
    kw(
      'arp-cache',
      'Clear the entire ARP cache',
      run((env) => env.device!.sim.clearArp(env.device!.id)),
    ),
    kw(
      'cdp',
      'Reset cdp information',
      kw(
        'table',
        'Clear cdp table',
        run((env) => env.print(...clearCdpTable(env.device!))),
      ),
    ),
    clearCountersNode(),
  );
  if (kind === 'switch') {
    const dynamic = () =>
      kw(
        'dynamic',
        'dynamic entry type',
        run((env) => env.device!.sim.clearMacTable(env.device!.id)),
      );
    clear.children.push(
      kw('mac', 'MAC configuration', kw('address-table', 'MAC forwarding table', dynamic())),
      kw('mac-address-table', 'MAC forwarding table', HIDDEN, dynamic()),
    );
  }
  return kw(
    '',
    '',
    clear,
    kw(
      'configure',
      'Enter configuration mode',
      run((env) =>
        env.ask({
          prompt: 'Configuring from terminal, memory, or network [terminal]? ',
          answer(e, text) {
            const t = text.trim().toLowerCase();
            if (t === '' || 'terminal'.startsWith(t)) configure(e);
            else e.print('?Must be "terminal", "memory" or "network"');
          },
        }),
      ),
      kw('terminal', 'Configure from the terminal', run(configure)),
    ),
    clockNode(),
    copyNode(),
    deleteNode(),
    dirNode(),
    kw(
      'disable',
      'Turn off privileged commands',
      run((env) => env.modes.send({ type: 'disable' })),
    ),
    kw('enable', 'Turn on privileged commands', run(enable)),
    eraseNode(),
    kw('exit', exitHelp, run(logout)),
    helpNode(),
    kw('logout', exitHelp, run(logout)),
    pingNode(true),
    kw('reload', 'Halt and perform a cold restart', run(reload)),
    showTree(kind, true),
    terminalNode(),
    tracerouteNode(),
    kw(
      'write',
      'Write running configuration to memory, network, or terminal',
      run(saveConfig),
      writeEraseNode(),
      kw('memory', 'Write to NV memory', run(saveConfig)),
      kw(
        'terminal',
        'Write to terminal',
        run((env) => env.print(...showRunning(env))),
      ),
    ),
  );
}

export function execTrees(kind: IosKind): { user: IosNode; priv: IosNode; doNode: IosNode } {
  const priv = privTree(kind);
  // `do` reaches the privileged commands that make sense from configuration mode.
  const modeChanging = new Set(['configure', 'disable', 'enable', 'exit', 'logout']);
  const doNode = kw(
    'do',
    'To run exec commands in config mode',
    ...priv.children.filter((c) => !modeChanging.has(c.word)),
  );
  return { user: userTree(kind), priv, doNode };
}
