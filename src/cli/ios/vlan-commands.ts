/** VLAN configuration (config-vlan) on a 2960: naming the VLANs of the database. */
import { WORD } from '../parser/args.ts';
import { modeCommands, type TreeOptions } from './common.ts';
import { isDefaultVlan, upsertVlan, without } from './config-edit.ts';
import { arg, type IosNode, kw, run } from './dsl.ts';
import type { IosEnv } from './env.ts';

function rename(env: IosEnv, name: string | undefined): void {
  for (const id of env.modes.context().vlans) {
    if (isDefaultVlan(id)) {
      env.error(`Default VLAN ${id} may not have its name changed.`);
      continue;
    }
    env.setConfig(
      upsertVlan(env.config(), id, (v) => (name === undefined ? without(v, 'name') : { ...v, name })),
    );
  }
}

export function vlanTree(opts: TreeOptions): IosNode {
  const nameHelp = 'Ascii name of the VLAN';
  return kw(
    '',
    '',
    kw(
      'name',
      nameHelp,
      arg(
        'name',
        WORD,
        'The ascii name for the VLAN',
        run((env, a) => rename(env, a.need<string>('name').slice(0, 32))),
      ),
    ),
    kw(
      'no',
      'Negate a command or set its defaults',
      kw(
        'name',
        nameHelp,
        run((env) => rename(env, undefined)),
      ),
    ),
    ...modeCommands('Apply changes, bump revision number, and exit mode', opts),
  );
}
