/**
 * Files in flash: `dir [flash:[FILE]]`, `show flash:` (2960) and `delete [/force] FILE`,
 * with the prompts and errors of IOS 15 on a 2960 and a 1941:
 *
 *   Switch#delete vlan.dat
 *   Delete filename [vlan.dat]?
 *   Delete flash:/vlan.dat? [confirm]
 *   %Error deleting flash:/vlan.dat (No such file or directory)
 *
 * Deleting config.text on a 2960 erases its startup-config, as it does there. The IOS image
 * cannot be deleted: Trame would have nothing to boot.
 */
import type { ArgType, MatchResult } from '../parser/tree.ts';
import { confirmed } from './common.ts';
import { arg, type IosNode, kw, run } from './dsl.ts';
import type { IosEnv } from './env.ts';
import { directory, flashFiles, flashName } from './flash.ts';

/**
 * A path in flash as typed: `flash:`, `flash:/vlan.dat`, `flash:vlan.dat` or `vlan.dat`
 * (flash0: too on a router, whose flash: is another name for it). Its value is the file's
 * name, '' for the directory itself.
 */
const FLASH_PATH: ArgType<IosEnv> = {
  // IOS lists the file systems; a file name alone is accepted, not listed.
  help: (h, env) =>
    (env.kind === 'router' ? ['flash0:', 'flash:'] : ['flash:']).map((word) => ({ word, help: h })),
  match: (t, i, _line, env): MatchResult => {
    const file = flashFile(env, t[i]!.text);
    return file === undefined ? { kind: 'none', at: 0 } : { kind: 'match', consumed: 1, value: file };
  },
};

/** The file a path names in flash ('' for the directory), undefined if it is on another file system. */
function flashFile(env: IosEnv, path: string): string | undefined {
  const colon = path.indexOf(':');
  if (colon >= 0) {
    const fs = path.slice(0, colon + 1).toLowerCase();
    if (fs !== 'flash:' && !(env.kind === 'router' && fs === 'flash0:')) return undefined;
  }
  return fileOf(path);
}

/** The file a path names, whatever its file system ("flash:/vlan.dat" -> "vlan.dat"). */
const fileOf = (path: string): string => path.slice(path.indexOf(':') + 1).replace(/^\/+/, '');

function listDirectory(env: IosEnv, file: string): void {
  const lines = directory(env, file === '' ? undefined : file);
  if (lines === null) env.error(`%Error opening ${flashName(env)}/${file} (No such file or directory)`);
  else env.print(...lines);
}

/** Removes `file` from flash, or says why not. */
function remove(env: IosEnv, file: string): void {
  const path = `${flashName(env)}/${file}`;
  const found = flashFiles(env).find((f) => f.name === file);
  if (found === undefined) {
    env.error(`%Error deleting ${path} (No such file or directory)`);
    return;
  }
  const rt = env.runtime!;
  if (file === 'vlan.dat') rt.vlans!.delete(env.config().vlans, rt.clock.wallMs());
  else if (file === 'config.text') {
    env.device!.setStartupConfig(undefined);
    rt.erased();
  } else
    env.error(
      `%Error deleting ${path} (Permission denied)`,
      '% Trame keeps the IOS image: the device boots from it.',
    );
}

function deleteFile(env: IosEnv, typed: string, force: boolean): void {
  if (force) {
    remove(env, typed);
    return;
  }
  env.ask({
    prompt: `Delete filename [${typed}]? `,
    answer(e, text) {
      const t = text.trim();
      const file = t === '' ? typed : fileOf(t);
      e.ask({
        prompt: `Delete ${flashName(e)}/${file}? [confirm]`,
        answer: (e2, yes) => {
          if (confirmed(yes)) remove(e2, file);
        },
      });
    },
  });
}

const fileArg = (help: string, force: boolean): IosNode =>
  arg(
    'file',
    FLASH_PATH,
    help,
    run((env, a) => deleteFile(env, a.need<string>('file'), force)),
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
    run((env) => listDirectory(env, '')),
    arg(
      'path',
      FLASH_PATH,
      'Directory or file name',
      run((env, a) => listDirectory(env, a.need<string>('path'))),
    ),
  );

/** `show flash:` on a 2960: the directory listing, after a blank line. */
export const showFlashNode = (): IosNode =>
  kw(
    'flash:',
    'display information about flash: file system',
    run((env) => env.print('', ...directory(env)!)),
  );
