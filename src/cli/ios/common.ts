/** Pieces every configuration mode shares: `exit`, `end`, `do`, and VLAN-list arguments. */
import { parseVlanList, type VlanRanges } from '../../shared/vlans.ts';
import type { MatchResult } from '../parser/tree.ts';
import { type IosArgType, type IosNode, kw, run } from './dsl.ts';
import type { IosEnv } from './env.ts';

/** Who typed the command, as system messages name them ("console", "vty0 (10.1.1.10)"). */
export const byWhom = (env: IosEnv): string => env.line?.by() ?? 'console';

/** %SYS-5-CONFIG_I, as configuration mode is left. */
const configured = (env: IosEnv): void =>
  env.log(`%SYS-5-CONFIG_I: Configured from console by ${byWhom(env)}`);

/** "[confirm]": Enter or y goes ahead; anything else cancels. */
export const confirmed = (text: string): boolean => text === '' || /^y(es)?$/i.test(text.trim());

/**
 * What the console prints when its session ends (`exit`, `logout`, exec-timeout). A vty
 * session prints nothing: its connection closes, and the client says so.
 */
export function consoleAvailable(env: IosEnv): void {
  if (env.line?.line.kind === 'vty') return;
  env.print(
    '',
    `${env.config().hostname} con0 is now available`,
    '',
    '',
    '',
    '',
    '',
    'Press RETURN to get started.',
    '',
  );
}

/** Leaves configuration mode: `end` and Ctrl+Z. */
export function endConfig(env: IosEnv): void {
  env.modes.send({ type: 'end' });
  configured(env);
}

function exitNode(help: string): IosNode {
  return kw(
    'exit',
    help,
    run((env) => {
      const wasGlobal = env.modes.mode() === 'global';
      env.modes.send({ type: 'exit' });
      if (wasGlobal) configured(env);
    }),
  );
}

const endNode = (): IosNode => kw('end', 'Exit from configure mode', run(endConfig));

/** Options each configuration tree is built with. */
export interface TreeOptions {
  /** `do` subtree (the privileged EXEC commands); absent when a configuration text is parsed. */
  readonly doNode?: IosNode;
  /** A multilayer switch's trees: a switch's, with the routing commands it also takes. */
  readonly multilayer?: boolean;
}

/** `help`, in every mode: what IOS prints about its `?` help. */
export const helpNode = (): IosNode =>
  kw(
    'help',
    'Description of the interactive help system',
    run((env) =>
      env.print(
        'Help may be requested at any point in a command by entering',
        "a question mark '?'.  If nothing matches, the help list will",
        "be empty and you must backup until entering a '?' shows the",
        'available options.',
        'Two styles of help are provided:',
        '1. Full help is available when you are ready to enter a',
        "   command argument (e.g. 'show ?') and describes each possible",
        '   argument.',
        '2. Partial help is provided when an abbreviated argument is entered',
        '   and you want to know what arguments match the input',
        "   (e.g. 'show pr?'.)",
        '',
      ),
    ),
  );

export const modeCommands = (exitHelp: string, opts: TreeOptions): IosNode[] => [
  exitNode(exitHelp),
  endNode(),
  helpNode(),
  ...(opts.doNode ? [opts.doNode] : []),
];

/** WORD holding a VLAN list such as "10,20-30". */
export const VLAN_LIST: IosArgType = {
  help: (h) => [{ word: 'WORD', help: h }],
  match: (t, i): MatchResult => {
    const v = parseVlanList(t[i]!.text);
    return v && v.length > 0 ? { kind: 'match', consumed: 1, value: v } : { kind: 'none' };
  },
};

/** A VLAN list shown as <1-4094> in help (the `vlan` command accepts lists too). */
export const VLAN_IDS: IosArgType = {
  help: (h) => [{ word: '<1-4094>', help: h }],
  match: VLAN_LIST.match,
};

export function vlanIds(v: VlanRanges): number[] {
  const out: number[] = [];
  for (const [a, b] of v) for (let k = a; k <= b; k++) out.push(k);
  return out;
}
