/** User and privileged EXEC (R1> and R1#), and the `do` prefix that reaches them from configuration. */

import type { Ipv4Addr } from '../../shared/ipv4.ts';
import { checkSecret } from '../crypto/md5crypt.ts';
import { IPV4, range, WORD } from '../parser/args.ts';
import type { Args } from '../parser/tree.ts';
import { clearCountersNode as clearAclCountersNode } from './acl-commands.ts';
import { clockNode } from './clock-commands.ts';
import { consoleAvailable, helpNode } from './common.ts';
import type { IosKind } from './config-edit.ts';
import { connectionNodes } from './connection-commands.ts';
import { clearCountersNode } from './counter-commands.ts';
import { debugNodes } from './debug-commands.ts';
import { clearDhcpNode, leaseActionNode } from './dhcp-commands.ts';
import { clearHostNode } from './dns-commands.ts';
import { arg, HIDDEN, type IosNode, kw, run } from './dsl.ts';
import type { IosEnv } from './env.ts';
import { extendedPing } from './extended-ping.ts';
import { extendedIpTraceroute, extendedTraceroute } from './extended-traceroute.ts';
import { deleteNode, dirNode } from './file-commands.ts';
import { moreNode } from './flash-copy.ts';
import { interfaceArg } from './interface-arg.ts';
import { clearLoggingNode } from './logging-commands.ts';
import { clearNatNode } from './nat-commands.ts';
import { copyNode, eraseNode, reload, saveConfig, writeEraseNode } from './nvram-commands.ts';
import { clearOspfNode } from './ospf-commands.ts';
import {
  DEFAULT_PING,
  DEFAULT_TRACEROUTE,
  type IosPingOptions,
  type IosTracerouteOptions,
  isMulticast,
  pingLimit,
  pingRunning,
  resolveSource,
  tracerouteLimit,
  tracerouteRunning,
} from './ping.ts';
import { iosPing6, parseIpv6Target } from './ping6.ts';
import { clearPortSecurityNode } from './port-security-commands.ts';
import { resolveAndRun } from './resolve-name.ts';
import { clearCdpTable } from './show/cdp.ts';
import { macFilterNodes, showRunning, showTree } from './show-commands.ts';
import { terminalNode } from './terminal-commands.ts';

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
  if (c.enableSecret !== undefined || c.enablePassword !== undefined) askPassword(env, 0);
  // Only the console may enable without a password: a remote session must know one.
  else if (env.line?.line.kind === 'vty') env.error('% No password set');
  else env.modes.send({ type: 'enable' });
}

function configure(env: IosEnv): void {
  env.print(ENTER_CONFIG);
  env.modes.send({ type: 'configure' });
}

function logout(env: IosEnv): void {
  env.modes.send({ type: 'exit' });
  consoleAvailable(env);
}

/**
 * The `source` a command line named, resolved: undefined when it named none, null after IOS's
 * refusal (which it prints before anything else).
 */
function lineSource(env: IosEnv, a: Args): Ipv4Addr | undefined | null {
  const address = a.value<Ipv4Addr>('source');
  const iface = a.value<string>('sourceIf');
  if (address === undefined && iface === undefined) return undefined;
  return resolveSource(env, address !== undefined ? { address } : { iface: iface! }) ?? null;
}

/** What IOS says of a ping or traceroute target it finds no address for. */
const UNRECOGNIZED = '% Unrecognized host or address, or protocol not running.\n\n';

function pingCommand(env: IosEnv, a: Args): void {
  const options = (target: Ipv4Addr, source: Ipv4Addr | undefined): IosPingOptions => ({
    count: a.value<number>('repeat') ?? (isMulticast(target) ? 1 : DEFAULT_PING.count),
    size: a.value<number>('size') ?? DEFAULT_PING.size,
    timeoutSeconds: a.value<number>('timeout') ?? DEFAULT_PING.timeoutSeconds,
    ...(source !== undefined ? { source } : {}),
    ...(a.words.includes('df-bit') ? { dontFragment: true } : {}),
  });
  const text = a.need<string>('target');
  const six = parseIpv6Target(text);
  if (six !== undefined || a.words.includes('ipv6')) {
    if (six === undefined) env.print(...UNRECOGNIZED.trimEnd().split('\n'));
    else iosPing6(env, six, options(0 as Ipv4Addr, undefined));
    return;
  }
  // The source is checked first: its refusal prints at once, whatever the target.
  const source = lineSource(env, a);
  if (source === null) return;
  resolveAndRun(env, text, {
    start: (t) => pingRunning(env, t.address, options(t.address, source)),
    failure: UNRECOGNIZED,
    blankAfterOk: true,
    limit: pingLimit(options(0 as Ipv4Addr, undefined)),
  });
}

function tracerouteCommand(env: IosEnv, a: Args): void {
  const source = lineSource(env, a);
  if (source === null) return;
  resolveAndRun(env, a.need<string>('target'), {
    start: (t) => tracerouteRunning(env, t, tracerouteOptions(a, source)),
    failure: UNRECOGNIZED,
    blankAfterOk: true,
    limit: tracerouteLimit(tracerouteOptions(a, undefined)),
  });
}

function tracerouteOptions(a: Args, source: Ipv4Addr | undefined): IosTracerouteOptions {
  return {
    probes: a.value<number>('probe') ?? DEFAULT_TRACEROUTE.probes,
    timeoutSeconds: a.value<number>('timeout') ?? DEFAULT_TRACEROUTE.timeoutSeconds,
    minTtl: a.value<number>('minTtl') ?? DEFAULT_TRACEROUTE.minTtl,
    maxTtl: a.value<number>('maxTtl') ?? DEFAULT_TRACEROUTE.maxTtl,
    port: a.value<number>('port') ?? DEFAULT_TRACEROUTE.port,
    ...(source !== undefined ? { source } : {}),
  };
}

/** `source A.B.C.D` or `source INTERFACE`, running `command`. */
const sourceOption = (command: (env: IosEnv, a: Args) => void): IosNode =>
  kw(
    'source',
    'specify source address or name',
    arg('source', IPV4, 'Source address', run(command)),
    arg('sourceIf', interfaceArg(), '', run(command)),
  );

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
    kw('df-bit', 'enable do not fragment bit in IP header', run(pingCommand)),
    option('repeat', 'specify repeat count', 'repeat', range(1, 2147483647), 'Repeat count'),
    option('size', 'specify datagram size', 'size', range(36, 18024), 'Datagram size'),
    sourceOption(pingCommand),
    option('timeout', 'specify timeout interval', 'timeout', range(0, 3600), 'Timeout in seconds'),
  ];
  // Options may follow each other in any order, as on IOS.
  target.children.push(...options);
  for (const end of options.flatMap(runnableEnds)) end.children.push(...options);
  const ipv6Target = arg('target', WORD, 'Ping destination address or hostname', run(pingCommand));
  ipv6Target.children.push(...options);
  return kw(
    'ping',
    'Send echo messages',
    ...(privileged ? [run(extendedPing)] : []),
    kw('ipv6', 'IPv6 echo', ipv6Target),
    target,
  );
}

const tracerouteNode = (privileged: boolean): IosNode => {
  const target = arg(
    'target',
    WORD,
    'Trace route to destination address or hostname',
    run(tracerouteCommand),
  );
  const option = (word: string, help: string, name: string, lo: number, hi: number, valueHelp: string) =>
    kw(word, help, arg(name, range(lo, hi), valueHelp, run(tracerouteCommand)));
  const options = [
    // Addresses are all IOS prints without a name server: nothing else to turn off.
    kw('numeric', 'display numeric address', run(tracerouteCommand)),
    option('port', 'specify port number', 'port', 0, 65535, 'Port number'),
    option('probe', 'specify number of probes per hop', 'probe', 1, 65535, 'Probe count'),
    sourceOption(tracerouteCommand),
    option('timeout', 'specify time out', 'timeout', 0, 3600, 'timeout in seconds'),
    kw(
      'ttl',
      'specify minimum and maximum ttl',
      arg(
        'minTtl',
        range(0, 255),
        'minimum ttl',
        arg('maxTtl', range(0, 255), 'maximum ttl', run(tracerouteCommand)),
      ),
    ),
  ];
  // Options may follow each other in any order, as on IOS.
  target.children.push(...options);
  for (const end of options.flatMap(runnableEnds)) end.children.push(...options);
  return kw(
    'traceroute',
    'Trace route to destination',
    ...(privileged ? [run(extendedTraceroute)] : []),
    kw('ip', 'IP Trace', ...(privileged ? [run(extendedIpTraceroute)] : []), target),
    target,
  );
};

/** The nodes of `node`'s subtree (a tree still: options are linked afterwards) a line may end at. */
function runnableEnds(node: IosNode): IosNode[] {
  const below = node.children.flatMap(runnableEnds);
  return node.run !== undefined ? [node, ...below] : below;
}

const exitHelp = 'Exit from the EXEC';

function userTree(kind: IosKind, multilayer: boolean): IosNode {
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
    ...connectionNodes(),
    showTree(kind, false, multilayer),
    terminalNode(),
    tracerouteNode(false),
  );
}

/**
 * `clear ip route * | NETWORK [MASK]`: IOS rebuilds the table from its sources. Every route
 * here comes from the configuration and connected interfaces, which rebuild it as it was, so
 * there is nothing to change.
 */
const clearRouteNode = (): IosNode => {
  const rebuild = run(() => {});
  return kw(
    'route',
    'Delete route table entries',
    kw('*', 'Delete all routes', rebuild),
    arg(
      'network',
      IPV4,
      'Destination network route to delete',
      rebuild,
      arg('mask', IPV4, 'Destination network mask', rebuild),
    ),
  );
};

function privTree(kind: IosKind, multilayer: boolean): IosNode {
  const clear = kw(
    'clear',
    'Reset functions',
    kw(
      'arp-cache',
      'Clear the entire ARP cache',
      run((env) => env.device!.sim.clearArpCache(env.device!.id)),
      arg(
        'ip',
        IPV4,
        'IP address',
        run((env, a) => env.device!.sim.clearArpCache(env.device!.id, { ip: a.need<Ipv4Addr>('ip') })),
      ),
      kw(
        'interface',
        'Clear the entire ARP cache on the interface',
        arg(
          'interface',
          interfaceArg(),
          '',
          run((env, a) =>
            env.device!.sim.clearArpCache(env.device!.id, { iface: a.need<string>('interface') }),
          ),
        ),
      ),
    ),
    clearAclCountersNode(),
    kw(
      'ip',
      'IP',
      kw('access-list', 'Clear IP access list statistical information', ...clearAclCountersNode().children),
      kw(
        'arp',
        'Clear the entry for one address from the ARP cache',
        arg(
          'ip',
          IPV4,
          'IP address of ARP entry',
          run((env, a) => {
            env.device!.sim.refreshArp(env.device!.id, a.need<Ipv4Addr>('ip'));
          }),
        ),
      ),
      clearDhcpNode(),
      ...(kind === 'router' ? [clearNatNode()] : []),
      ...(kind === 'router' || multilayer ? [clearOspfNode(), clearRouteNode()] : []),
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
    clearHostNode(),
    clearLoggingNode(),
    // `clear ipv6 neighbors`: the dynamic entries of the IPv6 neighbor cache.
    ...(kind === 'router'
      ? [
          kw(
            'ipv6',
            'IPv6',
            kw(
              'neighbors',
              'Clear IPv6 neighbor discovery cache',
              run((env) => env.device!.sim.clearIpv6Neighbors(env.device!.id)),
            ),
          ),
        ]
      : []),
  );
  if (kind === 'switch') {
    const dynamic = () =>
      kw(
        'dynamic',
        'dynamic entry type',
        run((env) => env.device!.sim.clearMacTable(env.device!.id)),
        ...macFilterNodes('vlan keyword', (env, f) => env.device!.sim.clearMacTable(env.device!.id, f)),
      );
    const detected = (env: IosEnv, iface?: string) => {
      env.device!.sim.clearDetectedProtocols(env.device!.id, iface);
    };
    clear.children.push(
      kw(
        'spanning-tree',
        'Spanning tree subsystem',
        kw(
          'detected-protocols',
          'Restart the protocol migration process',
          run((env) => detected(env)),
          kw(
            'interface',
            'Interface',
            arg(
              'interface',
              interfaceArg(),
              '',
              run((env, a) => detected(env, a.need<string>('interface'))),
            ),
          ),
        ),
      ),
      kw('mac', 'MAC configuration', kw('address-table', 'MAC forwarding table', dynamic())),
      clearPortSecurityNode(),
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
    ...debugNodes(kind === 'router' || multilayer),
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
    moreNode(),
    pingNode(true),
    ...connectionNodes(),
    kw('reload', 'Halt and perform a cold restart', run(reload)),
    leaseActionNode('release'),
    leaseActionNode('renew'),
    showTree(kind, true, multilayer),
    terminalNode(),
    tracerouteNode(true),
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

/** The exec trees of a router or switch; a multilayer switch's also take the routing commands. */
export function execTrees(
  kind: IosKind,
  multilayer = false,
): { user: IosNode; priv: IosNode; doNode: IosNode } {
  const priv = privTree(kind, multilayer);
  // `do` reaches the privileged commands that make sense from configuration mode.
  const modeChanging = new Set(['configure', 'disable', 'enable', 'exit', 'logout']);
  const doNode = kw(
    'do',
    'To run exec commands in config mode',
    ...priv.children.filter((c) => !modeChanging.has(c.word)),
  );
  return { user: userTree(kind, multilayer), priv, doNode };
}
