/**
 * The NVRAM file system, as `dir nvram:`, `show startup-config` and `show file systems` see it:
 * the startup-config beside the small files IOS keeps there. Listings follow real ones (a 1941
 * on 15.2(4)M1, a 2960 on 15.0(2)SE; an 1841 for the column widths):
 *
 *   Directory of nvram:/
 *
 *     253  -rw-        1156                    <no date>  startup-config
 *     254  ----           5                    <no date>  private-config
 *
 *   262136 bytes total (254779 bytes free)
 *
 * The startup-config's size is its own; the other files' sizes, and the space IOS uses besides
 * them, are those of the listings, so a device's free space matches its listing with the same
 * startup-config. Once erased (or before the first save), the configuration files are listed
 * with 0 bytes, as a 2960 lists them after `erase startup-config`.
 */
import type { IosPlatform } from './config-edit.ts';
import { dirListing } from './dir-listing.ts';
import type { IosEnv } from './env.ts';
import { byteLength } from './show/format.ts';

/** NVRAM's size as the platforms report it (1941: 255 KB, 2960: 64 KB, 3560: 512 KB). */
export const NVRAM_BYTES: Readonly<Record<IosPlatform, number>> = {
  router: 262_136,
  switch: 65_536,
  multilayer: 524_288,
};

interface NvramFile {
  readonly index: number;
  readonly perms: string;
  readonly name: string;
  readonly bytes: number;
}

/** What private-config holds once saved (no keys or secrets of its own in Trame). */
const PRIVATE_CONFIG_BYTES = 5;

/** The files besides the configuration, by device kind, and the space IOS uses besides them. */
const SYSTEM: Record<'router' | 'switch', { files: readonly NvramFile[]; overhead: number }> = {
  router: {
    files: [
      { index: 1, perms: '-rw-', name: 'cwmp_inventory', bytes: 2945 },
      { index: 4, perms: '----', name: 'persistent-data', bytes: 58 },
      { index: 5, perms: '-rw-', name: 'ecfm_ieee_mib', bytes: 17 },
    ],
    overhead: 1461,
  },
  switch: {
    files: [
      { index: 1, perms: '----', name: 'persistent-data', bytes: 35 },
      { index: 2, perms: '-rw-', name: 'ifIndex-table', bytes: 0 },
    ],
    overhead: 3569,
  },
};

/** The files in NVRAM now, in the order IOS lists them. */
export function nvramFiles(env: IosEnv): NvramFile[] {
  const startup = env.device!.startupConfig();
  const bytes = startup === undefined ? 0 : byteLength(startup);
  const priv = startup === undefined ? 0 : PRIVATE_CONFIG_BYTES;
  // A 1941 lists underlying-config beside it, of the same size; a 2960 on 15.0 does not.
  const config: NvramFile[] =
    env.kind === 'router'
      ? [
          { index: 253, perms: '-rw-', name: 'startup-config', bytes },
          { index: 254, perms: '----', name: 'private-config', bytes: priv },
          { index: 255, perms: '-rw-', name: 'underlying-config', bytes },
        ]
      : [
          { index: 62, perms: '-rw-', name: 'startup-config', bytes },
          { index: 63, perms: '----', name: 'private-config', bytes: priv },
        ];
  return [...config, ...SYSTEM[env.kind].files];
}

/** Bytes of NVRAM not used. */
export function nvramFree(env: IosEnv): number {
  const used = nvramFiles(env).reduce((sum, f) => sum + f.bytes, SYSTEM[env.kind].overhead);
  return NVRAM_BYTES[env.platform] - used;
}

/** `dir nvram:`, or one file of it; null when that file is not there. */
export function nvramDirectory(env: IosEnv, only?: string): string[] | null {
  const entries = nvramFiles(env).map((f) => ({ ...f, stamp: '<no date>' }));
  return dirListing('nvram:', entries, only, { total: NVRAM_BYTES[env.platform], free: nvramFree(env) });
}
