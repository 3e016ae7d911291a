/**
 * Command aliases: `alias MODE NAME COMMAND`, `no alias`, `show aliases`. A line whose first
 * word is exactly an alias of its mode (in any case, with no blank before it) runs the
 * alias's command with the rest of the line appended, so `sib | include up` works; a shortened
 * alias is not one ("Partial syntax for aliases is not accepted", Cisco's command reference).
 * EXEC mode has eight aliases from the factory; `no alias exec s` removes one, and the
 * running-config then lists that removal. Layouts from IOS captures (`show aliases`, a 15.7
 * running-config).
 */
import type { AliasMode, CommandAlias, DeviceConfig } from '../../shared/config.ts';
import { LINE, WORD } from '../parser/args.ts';
import { arg, type IosNode, type IosPart, kw, run } from './dsl.ts';
import type { IosEnv } from './env.ts';
import type { IosMode } from './modes.ts';

/** The modes Trame's `alias` takes (IOS lists many more, for modes Trame does not have). */
const MODES: readonly { readonly mode: AliasMode; readonly help: string }[] = [
  { mode: 'configure', help: 'Global configuration mode' },
  { mode: 'exec', help: 'Exec mode' },
  { mode: 'interface', help: 'Interface configuration mode' },
  { mode: 'line', help: 'Line configuration mode' },
  { mode: 'subinterface', help: 'Subinterface configuration mode' },
];

const FACTORY_EXEC: readonly (readonly [string, string])[] = [
  ['h', 'help'],
  ['lo', 'logout'],
  ['p', 'ping'],
  ['r', 'resume'],
  ['s', 'show'],
  ['u', 'undebug'],
  ['un', 'undebug'],
  ['w', 'where'],
];

const same = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();

const factoryAlias = (mode: AliasMode, name: string) =>
  mode === 'exec' ? FACTORY_EXEC.find(([n]) => same(n, name)) : undefined;

/** The alias mode whose aliases a command mode's lines take. */
export function aliasModeOf(mode: IosMode): AliasMode | undefined {
  switch (mode) {
    case 'userExec':
    case 'privExec':
      return 'exec';
    case 'global':
      return 'configure';
    case 'interface':
    case 'interfaceRange':
      return 'interface';
    case 'subinterface':
      return 'subinterface';
    case 'line':
      return 'line';
    default:
      return undefined;
  }
}

/** A mode's aliases as `show aliases` lists them: the factory's still in place, then those set. */
export function aliasesOf(c: DeviceConfig, mode: AliasMode): CommandAlias[] {
  const set = (c.aliases ?? []).filter((a) => a.mode === mode);
  if (mode !== 'exec') return set;
  const removed = c.removedAliases ?? [];
  const factory = FACTORY_EXEC.filter(([n]) => !removed.includes(n) && !set.some((a) => same(a.name, n))).map(
    ([name, command]): CommandAlias => ({ mode, name, command }),
  );
  return [...factory, ...set];
}

/**
 * The order of the running-config's alias lines by mode (a 15.7 capture lists subinterface,
 * interface, configure, then exec; where `line` goes is not known).
 */
const CONFIG_ORDER: readonly AliasMode[] = ['line', 'subinterface', 'interface', 'configure', 'exec'];

/** Kept grouped by mode in CONFIG_ORDER, so that a configuration reads back as it was. */
function withAliases(c: DeviceConfig, list: CommandAlias[], removed: string[]): DeviceConfig {
  const { aliases: _a, removedAliases: _r, ...rest } = c;
  const aliases = CONFIG_ORDER.flatMap((mode) => list.filter((a) => a.mode === mode));
  return {
    ...rest,
    ...(aliases.length > 0 ? { aliases } : {}),
    ...(removed.length > 0 ? { removedAliases: removed } : {}),
  };
}

/** `alias MODE NAME COMMAND`: a new or changed alias goes to the end of its mode's list. */
export function setAlias(c: DeviceConfig, mode: AliasMode, name: string, command: string): DeviceConfig {
  const others = (c.aliases ?? []).filter((a) => a.mode !== mode || !same(a.name, name));
  const factory = factoryAlias(mode, name);
  const removed = (c.removedAliases ?? []).filter((n) => factory === undefined || n !== factory[0]);
  // A factory alias set to its own command is the factory's again.
  if (factory !== undefined && factory[1] === command) return withAliases(c, others, removed);
  return withAliases(c, [...others, { mode, name, command }], removed);
}

/**
 * `no alias MODE NAME` removes the alias, a factory one included; `default alias MODE NAME`
 * (`restore`) removes one that was set and brings the factory's back. Either says nothing
 * when there is no such alias, as IOS does.
 */
export function removeAlias(c: DeviceConfig, mode: AliasMode, name: string, restore: boolean): DeviceConfig {
  const others = (c.aliases ?? []).filter((a) => a.mode !== mode || !same(a.name, name));
  const factory = factoryAlias(mode, name);
  const removed = (c.removedAliases ?? []).filter((n) => factory === undefined || n !== factory[0]);
  if (factory !== undefined && !restore) removed.push(factory[0]);
  return withAliases(c, others, removed);
}

/** `no alias MODE`: every alias of the mode goes, and EXEC's factory aliases come back. */
export function clearAliases(c: DeviceConfig, mode: AliasMode): DeviceConfig {
  const others = (c.aliases ?? []).filter((a) => a.mode !== mode);
  return withAliases(c, others, mode === 'exec' ? [] : [...(c.removedAliases ?? [])]);
}

/** A line with its alias replaced, and how to take a column of it back to the typed line. */
export interface Expanded {
  readonly text: string;
  /** The typed line's column for a column of `text`. */
  readonly typedCol: (col: number) => number;
}

export function expandAlias(c: DeviceConfig, mode: IosMode, text: string): Expanded | undefined {
  const aliasMode = aliasModeOf(mode);
  const m = /^([^\s]+)(.*)$/s.exec(text);
  if (aliasMode === undefined || !m) return undefined;
  const typed = m[1]!;
  const found = aliasesOf(c, aliasMode).find((a) => same(a.name, typed));
  if (found === undefined) return undefined;
  const shift = typed.length - found.command.length;
  return {
    text: `${found.command}${m[2]}`,
    // A column inside the alias's command is the alias itself on the typed line.
    typedCol: (col) => (col < found.command.length ? 0 : col + shift),
  };
}

/** The aliases a partial first word may be, as `?` lists them first: `*s=show`, `*x="show ip"`. */
export function partialAliasWords(c: DeviceConfig, mode: IosMode, prefix: string): string[] {
  const aliasMode = aliasModeOf(mode);
  if (aliasMode === undefined) return [];
  const p = prefix.toLowerCase();
  return aliasesOf(c, aliasMode)
    .filter((a) => a.name.toLowerCase().startsWith(p))
    .map((a) => `*${a.name}=${a.command.includes(' ') ? `"${a.command}"` : a.command}`);
}

/** `show aliases [MODE]`: each mode that has aliases, under its help text. */
export function showAliases(c: DeviceConfig, only?: AliasMode): string[] {
  const out: string[] = [];
  for (const mode of ['exec', 'configure', 'interface', 'subinterface', 'line'] as const) {
    if (only !== undefined && mode !== only) continue;
    const list = aliasesOf(c, mode);
    if (list.length === 0) continue;
    if (out.length > 0) out.push('');
    out.push(`${MODES.find((m) => m.mode === mode)!.help} aliases:`);
    for (const a of list) out.push(`  ${a.name.padEnd(21)} ${a.command}`);
  }
  if (out.length > 0) out.push('');
  return out;
}

/** The running-config's alias lines: the factory aliases removed, then those set. */
export const aliasConfigLines = (c: DeviceConfig): string[] => [
  ...(c.removedAliases ?? []).map((n) => `no alias exec ${n}`),
  ...(c.aliases ?? []).map((a) => `alias ${a.mode} ${a.name} ${a.command}`),
];

const ALIAS_HELP = 'Create command alias';

const modeNodes = (leaf: (mode: AliasMode) => IosPart[]): IosNode[] =>
  MODES.map((m) => kw(m.mode, m.help, ...leaf(m.mode)));

/** Global configuration's `alias`, and its `no` and `default` forms. */
export const aliasNode = (): IosNode =>
  kw(
    'alias',
    ALIAS_HELP,
    ...modeNodes((mode) => [
      arg(
        'name',
        WORD,
        'Alias name',
        arg(
          'command',
          LINE,
          'New alias',
          run((env, a) =>
            env.setConfig(setAlias(env.config(), mode, a.need<string>('name'), a.need<string>('command'))),
          ),
        ),
      ),
    ]),
  );

export const noAliasNode = (restore: boolean): IosNode =>
  kw(
    'alias',
    ALIAS_HELP,
    ...modeNodes((mode) => [
      ...(restore ? [] : [run((env: IosEnv) => env.setConfig(clearAliases(env.config(), mode)))]),
      arg(
        'name',
        WORD,
        'Alias name',
        run((env, a) => env.setConfig(removeAlias(env.config(), mode, a.need<string>('name'), restore))),
      ),
    ]),
  );

/** `show aliases [MODE]`. */
export const showAliasesNode = (): IosNode =>
  kw(
    'aliases',
    'Display alias commands',
    run((env) => env.print(...showAliases(env.config()))),
    ...modeNodes((mode) => [run((env: IosEnv) => env.print(...showAliases(env.config(), mode)))]),
  );
