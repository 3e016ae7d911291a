/**
 * Files: `dir [flash:[FILE] | nvram:[FILE]]`, `show flash:` and `delete [/force] FILE` (in
 * flash), with the prompts and errors of IOS 15 on a 2960 and a 1941:
 *
 *   Switch#delete vlan.dat
 *   Delete filename [vlan.dat]?
 *   Delete flash:/vlan.dat? [confirm]
 *   %Error deleting flash:/vlan.dat (No such file or directory)
 *
 * A path typed with flash's own name is kept as typed: `delete flash:vlan.dat` on a switch
 * asks "Delete flash:vlan.dat? [confirm]" (3560 and 2950 captures).
 *
 * Deleting config.text on a 2960 erases its startup-config, as it does there. The IOS image
 * cannot be deleted: Trame would have nothing to boot. Configurations copied to flash
 * (flash-copy.ts) can.
 */
import type { ArgType, MatchResult } from '../parser/tree.ts';
import { confirmed } from './common.ts';
import { arg, HIDDEN, type IosNode, kw, run } from './dsl.ts';
import type { IosEnv } from './env.ts';
import { directory, flashFiles, flashName, flashNames, showFlash } from './flash.ts';
import { nvramDirectory } from './nvram.ts';

/**
 * A path in flash as typed: `flash:`, `flash:/vlan.dat`, `flash:vlan.dat` or `vlan.dat`
 * (flash0: too on a router, whose flash: is another name for it). Its value is the file's
 * name, '' for the directory itself.
 */
export const FLASH_PATH: ArgType<IosEnv> = {
  // IOS lists the file systems; a file name alone is accepted, not listed.
  help: (h, env) => flashNames(env.kind).map((word) => ({ word, help: h })),
  match: (t, i, _line, env): MatchResult => {
    const file = flashFile(env, t[i]!.text);
    return file === undefined ? { kind: 'none', at: 0 } : { kind: 'match', consumed: 1, value: file };
  },
};

/** Where `dir` looks: a file or directory in flash or in NVRAM. */
interface DirPath {
  readonly nvram: boolean;
  readonly file: string;
}

/** A path `dir` takes: FLASH_PATH's, or `nvram:[/]FILE`. */
const DIR_PATH: ArgType<IosEnv> = {
  help: (h, env) => [...flashNames(env.kind), 'nvram:'].map((word) => ({ word, help: h })),
  match: (t, i, line, env): MatchResult => {
    const text = t[i]!.text;
    if (text.toLowerCase().startsWith('nvram:'))
      return { kind: 'match', consumed: 1, value: { nvram: true, file: fileOf(text) } };
    const m = FLASH_PATH.match(t, i, line, env);
    return m.kind === 'match' ? { ...m, value: { nvram: false, file: m.value as string } } : m;
  },
};

/** The file a path names in flash ('' for the directory), undefined if it is on another file system. */
function flashFile(env: IosEnv, path: string): string | undefined {
  const colon = path.indexOf(':');
  if (colon >= 0) {
    const fs = path.slice(0, colon + 1).toLowerCase();
    if (!flashNames(env.kind).includes(fs)) return undefined;
  }
  return fileOf(path);
}

/** The file a path names, whatever its file system ("flash:/vlan.dat" -> "vlan.dat"). */
export const fileOf = (path: string): string => path.slice(path.indexOf(':') + 1).replace(/^\/+/, '');

function listDirectory(env: IosEnv, { nvram, file }: DirPath): void {
  const only = file === '' ? undefined : file;
  const lines = nvram ? nvramDirectory(env, only) : directory(env, only);
  if (lines === null)
    env.error(`%Error opening ${nvram ? 'nvram:' : flashName(env)}/${file} (No such file or directory)`);
  else env.print(...lines);
}

/**
 * How IOS names `file` in its questions and errors: as typed when it starts with flash's own
 * name, else in flash's root (a 1941 names `flash:` by its real name, flash0:/, as an IOS 15.7
 * capture of a 1900 series router shows).
 */
function pathOf(env: IosEnv, typed: string, file: string): string {
  const own = flashName(env);
  return typed.toLowerCase().startsWith(own) ? typed : `${own}/${file}`;
}

/** Removes `file` from flash (named `path`), or says why not. */
function remove(env: IosEnv, file: string, path: string): void {
  const found = flashFiles(env).find((f) => f.name === file);
  if (found === undefined) {
    env.error(`%Error deleting ${path} (No such file or directory)`);
    return;
  }
  const rt = env.runtime!;
  if (rt.files.has(file)) rt.files.delete(file);
  else if (file === 'vlan.dat') rt.vlans!.delete(env.config().vlans, rt.clock.wallMs());
  else if (file === 'config.text') {
    env.device!.setStartupConfig(undefined);
    rt.erased();
  } else
    env.error(
      `%Error deleting ${path} (Permission denied)`,
      '% Trame keeps the IOS image: the device boots from it.',
    );
}

/** `typed`: the path as typed, naming `file` in flash. */
function deleteFile(env: IosEnv, typed: string, file: string, force: boolean): void {
  if (force) {
    remove(env, file, pathOf(env, typed, file));
    return;
  }
  env.ask({
    prompt: `Delete filename [${file}]? `,
    answer(e, text) {
      const t = text.trim();
      const [named, path] = t === '' ? [file, pathOf(e, typed, file)] : [fileOf(t), pathOf(e, t, fileOf(t))];
      e.ask({
        prompt: `Delete ${path}? [confirm]`,
        answer: (e2, yes) => {
          if (confirmed(yes)) remove(e2, named, path);
        },
      });
    },
  });
}

/** FLASH_PATH, keeping the text typed as well as the file it names. */
const DELETE_PATH: ArgType<IosEnv> = {
  help: FLASH_PATH.help,
  match: (t, i, line, env): MatchResult => {
    const m = FLASH_PATH.match(t, i, line, env);
    return m.kind === 'match' ? { ...m, value: { typed: t[i]!.text, file: m.value as string } } : m;
  },
};

const fileArg = (help: string, force: boolean): IosNode =>
  arg(
    'file',
    DELETE_PATH,
    help,
    run((env, a) => {
      const { typed, file } = a.need<{ typed: string; file: string }>('file');
      deleteFile(env, typed, file, force);
    }),
  );

export const deleteNode = (): IosNode =>
  kw(
    'delete',
    'Delete a file',
    kw('/force', 'Force delete', fileArg('File to be deleted', true)),
    fileArg('File to be deleted', false),
  );

export const dirNode = (): IosNode =>
  kw(
    'dir',
    'List files on a filesystem',
    run((env) => listDirectory(env, { nvram: false, file: '' })),
    arg(
      'path',
      DIR_PATH,
      'Directory or file name',
      run((env, a) => listDirectory(env, a.need<DirPath>('path'))),
    ),
  );

/**
 * `show flash:` (and `show flash0:` on a 1941, its other name). `show flash`, which the two
 * names would make ambiguous on a 1941, shows it as well, as IOS does.
 */
export const showFlashNodes = (kind: 'router' | 'switch'): IosNode[] => {
  const show = run((e) => e.print(...showFlash(e)));
  const nodes = flashNames(kind).map((name) =>
    kw(name, `display information about ${name} file system`, show),
  );
  if (kind === 'router')
    nodes.push(kw('flash', 'display information about flash: file system', HIDDEN, show));
  return nodes;
};
