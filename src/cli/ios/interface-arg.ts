/**
 * Interface names as IOS reads them: the type as any unique prefix, glued to the number
 * or not ("g0/0", "gig 0/0", "GigabitEthernet0/0.10", "vlan 10", "po1"), and interface ranges
 * ("f0/1 - 10", "f0/1-3, f0/5", "g0/1 - 2, po1").
 */
import { isPortChannel, MAX_CHANNEL_GROUP } from '../../shared/etherchannel.ts';
import {
  formatInterfaceName,
  INTERFACE_TYPES,
  type InterfaceType,
  parseInterfaceName,
} from '../../shared/ports.ts';
import type { HelpEntry, MatchResult, Token } from '../parser/tree.ts';
import { interfaceAllowed, isPhysical } from './config-edit.ts';
import type { IosArgType } from './dsl.ts';
import type { IosEnv } from './env.ts';

const TYPE_HELP: Record<InterfaceType, string> = {
  'Port-channel': 'Ethernet Channel of interfaces',
  FastEthernet: 'FastEthernet IEEE 802.3',
  GigabitEthernet: 'GigabitEthernet IEEE 802.3z',
  Loopback: 'Loopback interface',
  Null: 'Null interface',
  Vlan: 'Catalyst Vlans',
};

const NUMBER_HELP: Record<InterfaceType, string> = {
  'Port-channel': `<1-${MAX_CHANNEL_GROUP}>`,
  FastEthernet: '<0-0>',
  GigabitEthernet: '<0-0>',
  Loopback: '<0-2147483647>',
  Null: '<0-0>',
  Vlan: '<1-4094>',
};

interface IfaceOptions {
  /** Accept names `interface` would create (subinterfaces, SVIs, loopbacks). */
  readonly create?: boolean;
  /** Physical ports only (interface ranges). */
  readonly physical?: boolean;
  /** With `physical`, the Port-channels that exist too (interface ranges). */
  readonly channels?: boolean;
  /** Null0 too (the exit interface of a static route). */
  readonly null?: boolean;
}

/** Whether `name` may be named under `opts`, as far as its kind goes. */
const eligible = (env: IosEnv, opts: IfaceOptions, name: string): boolean =>
  !opts.physical || isPhysical(env.kind, name) || (opts.channels === true && isPortChannel(name));

function typesFor(env: IosEnv, opts: IfaceOptions): InterfaceType[] {
  const present = new Set<InterfaceType>();
  for (const name of Object.keys(env.config().interfaces)) {
    const type = INTERFACE_TYPES.find((t) => name.startsWith(t));
    if (type && eligible(env, opts, name)) present.add(type);
  }
  if (opts.create && env.platform !== 'switch') present.add('Loopback');
  if (opts.create && env.kind === 'switch') present.add('Vlan').add('Port-channel');
  if (opts.null) present.add('Null');
  return [...present].sort();
}

const typeEntries = (env: IosEnv, opts: IfaceOptions): HelpEntry[] =>
  typesFor(env, opts).map((t) => ({ word: t, help: TYPE_HELP[t] }));

function typeOf(env: IosEnv, opts: IfaceOptions, word: string): InterfaceType | undefined {
  const w = word.toLowerCase();
  const found = typesFor(env, opts).filter((t) => t.toLowerCase().startsWith(w));
  return found.length === 1 ? found[0] : undefined;
}

function resolve(env: IosEnv, opts: IfaceOptions, type: InterfaceType, unit: string): string | undefined {
  if (!/^\d+(\/\d+)*(\.\d+)?$/.test(unit)) return undefined;
  if (type === 'Null') return opts.null && /^0+$/.test(unit) ? 'Null0' : undefined;
  const n = parseInterfaceName(`${type}${unit}`);
  if (!n) return undefined;
  const name = formatInterfaceName(n);
  if (!eligible(env, opts, name)) return undefined;
  return interfaceAllowed(env.platform, env.config(), name, opts.create === true) ? name : undefined;
}

/**
 * `?` after a port's slot or a router port's dot ("g0/?", "g0/0.?"): the numbers that part may
 * take, from the device's ports ("<0-2>  GigabitEthernet interface number") or IOS's range of
 * subinterfaces.
 */
function nextNumberHelp(env: IosEnv, opts: IfaceOptions, word: string): HelpEntry[] {
  const m = /^([a-z-]+)\s*(\d+(?:\/\d+)*)([/.])$/i.exec(word);
  if (!m) return [];
  const type = typeOf(env, opts, m[1]!);
  if (type !== 'FastEthernet' && type !== 'GigabitEthernet') return [];
  const prefix = `${type}${m[2]!.split('/').map(Number).join('/')}`;
  const entry = (range: string) => [{ word: range, help: `${type} interface number` }];
  if (m[3] === '.') {
    const sub = env.kind === 'router' && opts.create === true && isPhysical(env.kind, prefix);
    return sub && env.config().interfaces[prefix] !== undefined ? entry('<0-4294967295>') : [];
  }
  const numbers: number[] = [];
  for (const name of Object.keys(env.config().interfaces)) {
    if (!name.startsWith(`${prefix}/`) || !isPhysical(env.kind, name)) continue;
    const rest = name.slice(prefix.length + 1);
    if (/^\d+$/.test(rest)) numbers.push(Number(rest));
  }
  return numbers.length === 0 ? [] : entry(`<${Math.min(...numbers)}-${Math.max(...numbers)}>`);
}

export function interfaceArg(opts: IfaceOptions = {}): IosArgType {
  return {
    help: (_h, env) => typeEntries(env, opts),
    completions: (env) => typesFor(env, opts),
    partial: (word, env) => nextNumberHelp(env, opts, word),
    match(tokens: readonly Token[], i: number, _line: string, env: IosEnv): MatchResult {
      const tok = tokens[i]!;
      const m = /^([a-z-]+)(.*)$/i.exec(tok.text);
      if (!m) return { kind: 'none' };
      const type = typeOf(env, opts, m[1]!);
      if (!type) return { kind: 'none' };
      const glued = m[2]!;
      if (glued !== '') {
        const name = resolve(env, opts, type, glued);
        return name
          ? { kind: 'match', consumed: 1, value: name }
          : { kind: 'none', at: tok.start + m[1]!.length };
      }
      const next = tokens[i + 1];
      if (!next) {
        return { kind: 'partial', help: [{ word: NUMBER_HELP[type], help: `${type} interface number` }] };
      }
      const name = resolve(env, opts, type, next.text);
      return name ? { kind: 'match', consumed: 2, value: name } : { kind: 'none', at: next.start };
    },
  };
}

/**
 * `interface range`: the rest of the line, items separated by commas, each a port or
 * "port - last" where last replaces the port's final number. The value is the list of
 * canonical names.
 */
export function interfaceRangeArg(): IosArgType {
  const opts: IfaceOptions = { physical: true, channels: true };
  return {
    help: (_h, env) => typeEntries(env, opts),
    completions: (env) => typesFor(env, opts),
    partial: (word, env) => nextNumberHelp(env, opts, word.slice(word.lastIndexOf(',') + 1)),
    match(tokens, i, line, env): MatchResult {
      const start = tokens[i]!.start;
      const text = line.slice(start);
      const names: string[] = [];
      let type: InterfaceType | undefined;
      let offset = 0;
      for (const item of text.split(',')) {
        const lead = item.length - item.trimStart().length;
        const at = start + offset + lead;
        offset += item.length + 1;
        const m = /^([a-z-]+)?\s*(\d+(?:\/\d+)*)(?:\s*-\s*(\d+))?\s*$/i.exec(item.trim());
        if (!m) return { kind: 'none', at };
        if (m[1] !== undefined) type = typeOf(env, opts, m[1]);
        if (!type) return { kind: 'none', at };
        const first = m[2]!;
        const parts = first.split('/');
        const from = Number(parts[parts.length - 1]);
        const to = m[3] === undefined ? from : Number(m[3]);
        if (to < from) return { kind: 'none', at };
        for (let k = from; k <= to; k++) {
          const unit = [...parts.slice(0, -1), String(k)].join('/');
          const name = resolve(env, opts, type, unit);
          if (!name) return { kind: 'none', at };
          if (!names.includes(name)) names.push(name);
        }
      }
      return { kind: 'match', consumed: tokens.length - i, value: names };
    },
  };
}
