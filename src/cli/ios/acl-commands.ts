/**
 * IPv4 access lists in the IOS command line: numbered lists (`access-list N ...`), named and
 * numbered ones edited in `ip access-list standard|extended` mode with sequence numbers, their
 * application (`ip access-group` on router interfaces, `access-class` on vty lines), `show
 * access-lists` and `clear access-list counters`.
 */
import {
  type AccessList,
  type AclEntry,
  type AclKind,
  type AclRule,
  addressMatches,
  isNumbered,
  isRemark,
  numberedKind,
} from '../../shared/acl.ts';
import type { DeviceConfig, InterfaceConfig, LineConfig } from '../../shared/config.ts';
import { LINE, range } from '../parser/args.ts';
import type { Args, MatchResult } from '../parser/tree.ts';
import { entryWords, type RuleSink, type TypedRule } from './acl-entry.ts';
import { showAccessList } from './acl-format.ts';
import { modeCommands, type TreeOptions } from './common.ts';
import { without } from './config-edit.ts';
import { arg, type IosArgType, type IosNode, kw, run } from './dsl.ts';
import type { IosEnv } from './env.ts';

const accessListHelp = 'Add an access list entry';
const ipAccessListHelp = 'Named access-list';
const remarkHelp = 'Access list entry comment';
const remarkTextHelp = 'Comment up to 100 characters';
const permitHelp = 'Specify packets to forward';
const denyHelp = 'Specify packets to reject';
const SEQ_MAX = 2_147_483_647;
const SEQ_STEP = 10;
/** IOS keeps the first 100 characters of a remark. */
const REMARK_MAX = 100;

const listsOf = (c: DeviceConfig): readonly AccessList[] => c.accessLists ?? [];

export const findList = (c: DeviceConfig, name: string): AccessList | undefined =>
  listsOf(c).find((l) => l.name === name);

/** Numbered lists by number, then named ones by name. */
function order(a: AccessList, b: AccessList): number {
  const na = isNumbered(a.name);
  const nb = isNumbered(b.name);
  if (na !== nb) return na ? -1 : 1;
  return na ? Number(a.name) - Number(b.name) : a.name < b.name ? -1 : a.name > b.name ? 1 : 0;
}

/** Replaces list `name` by `list` (undefined: deletes it). */
function putList(env: IosEnv, name: string, list: AccessList | undefined): void {
  const c = env.config();
  const rest = listsOf(c).filter((l) => l.name !== name);
  const all = list === undefined ? rest : [...rest, list].sort(order);
  env.setConfig(all.length === 0 ? without(c, 'accessLists') : { ...c, accessLists: all });
}

const rulesOf = (l: AccessList): AclRule[] => l.entries.filter((e): e is AclRule => !isRemark(e));

const sameRule = (a: TypedRule, b: AclRule): boolean => {
  const { seq: _seq, ...rest } = b;
  return JSON.stringify(a) === JSON.stringify(rest);
};

/**
 * Adds `rule` to list `name` of `kind` (made if need be): at sequence number `seq`, or 10 past
 * the last entry's. An entry the list already has is not added twice.
 */
function addRule(env: IosEnv, name: string, kind: AclKind, rule: TypedRule, seq: number | undefined): void {
  const list = findList(env.config(), name) ?? { name, kind, entries: [] };
  const rules = rulesOf(list);
  if (seq !== undefined && rules.some((r) => r.seq === seq)) {
    env.error('% Duplicate sequence number');
    return;
  }
  if (rules.some((r) => sameRule(rule, r))) return;
  const last = rules[rules.length - 1]?.seq ?? 0;
  const n = seq ?? last + SEQ_STEP;
  // A standard list checks its single hosts first (acl-format.ts): one that an earlier range
  // already decides could not keep its place.
  const covering =
    kind === 'standard' && rule.src.wildcard === 0
      ? rules.find((r) => r.seq < n && r.src.wildcard !== 0 && addressMatches(r.src, rule.src.addr))
      : undefined;
  if (covering !== undefined) {
    env.error(
      `% Access rule can't be configured at higher sequence num as it is part of the existing rule at sequence num ${covering.seq}`,
    );
    return;
  }
  if (n > SEQ_MAX) {
    env.error('% Exceeded maximum sequence number.');
    return;
  }
  const entry: AclRule = { seq: n, ...rule };
  // Before the first entry numbered higher, with the remarks typed just before that entry.
  const entries = [...list.entries];
  let at = entries.findIndex((e) => !isRemark(e) && e.seq > n);
  if (at < 0) at = entries.length;
  else while (at > 0 && isRemark(entries[at - 1]!)) at--;
  entries.splice(at, 0, entry);
  putList(env, name, { ...list, entries });
}

function addRemark(env: IosEnv, name: string, kind: AclKind, text: string): void {
  const list = findList(env.config(), name) ?? { name, kind, entries: [] };
  const remark = text.slice(0, REMARK_MAX);
  // The same remark again changes nothing, as the same entry again does not.
  if (list.entries.some((e) => isRemark(e) && e.remark === remark)) return;
  putList(env, name, { ...list, entries: [...list.entries, { remark }] });
}

function removeEntries(env: IosEnv, name: string, keep: (e: AclEntry) => boolean): void {
  const list = findList(env.config(), name);
  if (list === undefined) return;
  putList(env, name, { ...list, entries: list.entries.filter(keep) });
}

/** `deny ...` and `permit ...`: an entry of a list of `kind`, handed to `sink`. */
const actionNodes = (kind: AclKind, sink: RuleSink): IosNode[] => [
  kw('deny', denyHelp, ...entryWords(kind, sink)),
  kw('permit', permitHelp, ...entryWords(kind, sink)),
];

/** `remark TEXT`. */
const remarkNode = (fn: (env: IosEnv, text: string, a: Args) => void): IosNode =>
  kw(
    'remark',
    remarkHelp,
    arg(
      'text',
      LINE,
      remarkTextHelp,
      run((env, a) => fn(env, a.need<string>('text'), a)),
    ),
  );

// ---- access-list N ... (global) ---------------------------------------------------------

const NUMBERED: readonly { lo: number; hi: number; kind: AclKind; help: string }[] = [
  { lo: 1, hi: 99, kind: 'standard', help: 'IP standard access list' },
  { lo: 100, hi: 199, kind: 'extended', help: 'IP extended access list' },
  { lo: 1300, hi: 1999, kind: 'standard', help: 'IP standard access list (expanded range)' },
  { lo: 2000, hi: 2699, kind: 'extended', help: 'IP extended access list (expanded range)' },
];

const listName = (a: Args): string => String(a.need<number>('list'));

/** `access-list N {permit|deny|remark} ...`. */
export function accessListNode(): IosNode {
  return kw(
    'access-list',
    accessListHelp,
    ...NUMBERED.map(({ lo, hi, kind, help }) => {
      const sink = (env: IosEnv, rule: TypedRule, a: Args) =>
        addRule(env, listName(a), kind, rule, undefined);
      return arg(
        'list',
        range(lo, hi),
        help,
        ...actionNodes(kind, sink),
        remarkNode((env, text, a) => addRemark(env, listName(a), kind, text)),
      );
    }),
  );
}

/** `no access-list N [...]`: whatever follows the number, IOS deletes the whole list. */
export function noAccessListNode(): IosNode {
  const remove = run((env, a) => putList(env, listName(a), undefined));
  return kw(
    'access-list',
    accessListHelp,
    ...NUMBERED.map(({ lo, hi, help }) =>
      arg(
        'list',
        range(lo, hi),
        help,
        remove,
        arg('rest', LINE, 'The entry (the whole list is deleted)', remove),
      ),
    ),
  );
}

// ---- ip access-list standard|extended NAME ----------------------------------------------

/** A list's name in `ip access-list KIND`: a number of the kind's ranges, or a word that is not a number. */
function listNameType(kind: AclKind): IosArgType {
  const ranges = NUMBERED.filter((r) => r.kind === kind);
  return {
    help: (h) => [
      ...ranges.map((r) => ({
        word: `<${r.lo}-${r.hi}>`,
        help: `${kind === 'standard' ? 'Standard' : 'Extended'} IP access-list number${r.lo > 199 ? ' (expanded range)' : ''}`,
      })),
      { word: 'WORD', help: h },
    ],
    match: (t, i): MatchResult => {
      const text = t[i]!.text;
      if (!/^\d+$/.test(text)) return { kind: 'match', consumed: 1, value: text };
      return numberedKind(Number(text)) === kind
        ? { kind: 'match', consumed: 1, value: String(Number(text)) }
        : { kind: 'none' };
    },
  };
}

const KIND_HELP: Record<AclKind, string> = {
  standard: 'Standard Access List',
  extended: 'Extended Access List',
};

function enterList(env: IosEnv, name: string, kind: AclKind): void {
  const list = findList(env.config(), name);
  if (list !== undefined && list.kind !== kind) {
    env.error(`% ${list.kind === 'standard' ? 'Standard' : 'Extended'} access list ${name} already exists`);
    return;
  }
  if (list === undefined) putList(env, name, { name, kind, entries: [] });
  env.modes.send({ type: 'acl', name, kind });
}

/** `ip access-list ...` under global `ip` (`no`: deletes the list). */
export function ipAccessListNode(no: boolean): IosNode {
  const kinds = (['extended', 'standard'] as const).map((kind) =>
    kw(
      kind,
      KIND_HELP[kind],
      arg(
        'name',
        listNameType(kind),
        'Access-list name',
        run((env, a) => {
          const name = a.need<string>('name');
          if (!no) enterList(env, name, kind);
          else if (findList(env.config(), name)?.kind === kind) putList(env, name, undefined);
        }),
      ),
    ),
  );
  return kw('access-list', ipAccessListHelp, ...kinds);
}

// ---- (config-std-nacl) / (config-ext-nacl) ----------------------------------------------

const current = (env: IosEnv): { name: string; kind: AclKind } => env.modes.context().acl!;

/** The tree of the mode that edits a list of `kind`. */
export function aclModeTree(kind: AclKind, opts: TreeOptions): IosNode {
  const add = (env: IosEnv, rule: TypedRule, a: Args) => {
    const { name } = current(env);
    addRule(env, name, kind, rule, a.value<number>('seq'));
  };
  const remove = (env: IosEnv, rule: TypedRule) => {
    const { name } = current(env);
    removeEntries(env, name, (e) => isRemark(e) || !sameRule(rule, e));
  };
  return kw(
    '',
    '',
    arg('seq', range(1, SEQ_MAX), 'Sequence Number', ...actionNodes(kind, add)),
    ...actionNodes(kind, add),
    remarkNode((env, text) => addRemark(env, current(env).name, kind, text)),
    ...(['default', 'no'] as const).map((word) =>
      kw(
        word,
        word === 'no' ? 'Negate a command or set its defaults' : 'Set a command to its defaults',
        arg(
          'seq',
          range(1, SEQ_MAX),
          'Sequence Number',
          run((env, a) => {
            const seq = a.need<number>('seq');
            removeEntries(env, current(env).name, (e) => isRemark(e) || e.seq !== seq);
          }),
        ),
        ...actionNodes(kind, remove),
        remarkNode((env, text) =>
          removeEntries(
            env,
            current(env).name,
            (e) => !isRemark(e) || e.remark !== text.slice(0, REMARK_MAX),
          ),
        ),
      ),
    ),
    // IOS lists neither `end`, `do` nor `help` here (ENSA course and IOS 15 captures), but takes them.
    ...modeCommands('Exit from access-list configuration mode', opts).map((n) =>
      n.word === 'exit' ? n : { ...n, hidden: true },
    ),
  );
}

export const aclHelpHeader = (kind: AclKind): string => `${KIND_HELP[kind]} configuration commands:`;

// ---- ip access-group (interfaces), access-class (lines) ---------------------------------

/** A list named on an interface or a line: a number of any IP range, or a name. */
const LIST_REF: IosArgType = {
  help: () => [
    { word: '<1-199>', help: 'IP access list (standard or extended)' },
    { word: '<1300-2699>', help: 'IP expanded access list (standard or extended)' },
    { word: 'WORD', help: 'Access-list name' },
  ],
  match: (t, i): MatchResult => {
    const text = t[i]!.text;
    if (!/^\d+$/.test(text)) return { kind: 'match', consumed: 1, value: text };
    return numberedKind(Number(text)) === undefined
      ? { kind: 'none' }
      : { kind: 'match', consumed: 1, value: String(Number(text)) };
  },
};

type Edit<T> = (env: IosEnv, fn: (x: T) => T) => void;

/** `ip access-group LIST in|out` (`no`: the list may be left out). */
export function accessGroupNode(no: boolean, edit: Edit<InterfaceConfig>): IosNode {
  const key = (a: Args) => (a.has('in') ? 'accessGroupIn' : 'accessGroupOut');
  const set = run((env, a) => edit(env, (i) => ({ ...i, [key(a)]: a.need<string>('list') })));
  const clear = run((env, a) => edit(env, (i) => without(i, key(a))));
  const dirs = (h: typeof set) => [kw('in', 'inbound packets', h), kw('out', 'outbound packets', h)];
  return kw(
    'access-group',
    'Specify access control for packets',
    arg('list', LIST_REF, '', ...dirs(no ? clear : set)),
    ...(no ? dirs(clear) : []),
  );
}

/** `access-class LIST in` on lines (`no`: the list may be left out). */
export function accessClassNode(no: boolean, edit: Edit<LineConfig>): IosNode {
  const set = run((env, a) => edit(env, (l) => ({ ...l, accessClassIn: a.need<string>('list') })));
  const clear = run((env) => edit(env, (l) => without(l, 'accessClassIn')));
  const inbound = (h: typeof set) => kw('in', 'Filter incoming connections', h);
  return kw(
    'access-class',
    'Filter connections based on an IP access list',
    arg('list', LIST_REF, '', inbound(no ? clear : set)),
    ...(no ? [inbound(clear)] : []),
  );
}

// ---- show access-lists, clear access-list counters --------------------------------------

function showLists(env: IosEnv, a: Args): void {
  const name = a.value<string>('name');
  const dev = env.device;
  const matches =
    dev === undefined ? new Map<string, readonly number[]>() : dev.sim.accessListMatches(dev.id);
  for (const l of listsOf(env.config())) {
    if (name === undefined || l.name === name) env.print(...showAccessList(l, matches.get(l.name)));
  }
}

const listArg = (h: string, then: Parameters<typeof run>[0]) => arg('name', LIST_REF, h, run(then));

/** `show access-lists [LIST]` (under `show` and `show ip`). */
export const showAccessListsNode = (word: 'access-lists', help: string): IosNode =>
  kw(word, help, run(showLists), listArg('', showLists));

/** `clear access-list counters [LIST]` (under `clear` and `clear ip`). */
export function clearCountersNode(): IosNode {
  const clear = (env: IosEnv, a: Args) => {
    const dev = env.device;
    if (dev !== undefined) dev.sim.clearAccessListCounters(dev.id, a.value<string>('name'));
  };
  return kw(
    'access-list',
    'Clear access list statistical information',
    kw('counters', 'Clear access list counters', run(clear), listArg('', clear)),
  );
}
