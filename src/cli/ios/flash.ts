/**
 * The flash file system, as `dir`, `show flash:`, `show file systems` and `delete` see it. A
 * 2960 keeps its startup-config there (config.text) beside the VLAN database (vlan.dat,
 * vlan-database.ts) and its IOS image; a 1941 keeps its startup-config in NVRAM (nvram.ts), so
 * its flash0: holds the image.
 *
 * Layout and space accounting follow real listings (2960 on 15.0(2)SE and 15.0(2)SE11, 1941):
 * a 2960 counts its files in 512-byte blocks plus 1 KB for the directory, a 1941 in 4 KB
 * clusters, and both print what is left as "bytes free". The images' sizes are of the order of
 * the real ones, not theirs. Other files (multiple-fs, private-config.text) are not modelled;
 * configurations copied to flash are (runtime.ts keeps them).
 */
import { fileStamp, flashStamp } from './clock.ts';
import type { IosPlatform } from './config-edit.ts';
import { dirListing } from './dir-listing.ts';
import type { IosEnv } from './env.ts';
import { byteLength } from './show/format.ts';
import { VLAN_DAT_BYTES } from './vlan-database.ts';

export interface FlashFile {
  /** Its number in the directory. */
  readonly index: number;
  readonly name: string;
  readonly bytes: number;
  /** When it was last written, as the device's clock read then (ms since 1970); null for the image. */
  readonly at: number | null;
}

interface Volume {
  /** The file system's name in prompts and listings. */
  readonly name: string;
  readonly perms: string;
  readonly total: number;
  readonly block: number;
  readonly overhead: number;
  readonly image: {
    readonly index: number;
    readonly name: string;
    readonly bytes: number;
    readonly date: string;
  };
}

const SWITCH_VOLUME: Volume = {
  name: 'flash:',
  perms: '-rwx',
  total: 32_514_048,
  block: 512,
  overhead: 1024,
  image: {
    index: 2,
    name: 'c2960-lanbasek9-mz.150-2.SE4.bin',
    bytes: 11_607_161,
    date: 'Mar 1 1993 00:02:37',
  },
};

/**
 * A 3560's flash is a 2960's but for the image (IP Services, as on 3560V2s running 15.0(2)SE;
 * its size is an estimate, no listing of that file having been found).
 */
const VOLUMES: Record<IosPlatform, Volume> = {
  router: {
    name: 'flash0:',
    perms: '-rw-',
    total: 256_610_304,
    block: 4096,
    overhead: 0,
    image: {
      index: 1,
      name: 'c1900-universalk9-mz.SPA.152-4.M3.bin',
      bytes: 75_307_628,
      date: 'Nov 30 1983 00:00:00',
    },
  },
  switch: SWITCH_VOLUME,
  multilayer: {
    ...SWITCH_VOLUME,
    image: { ...SWITCH_VOLUME.image, name: 'c3560-ipservicesk9-mz.150-2.SE4.bin', bytes: 15_955_968 },
  },
};

/** The name of the flash file system on a device of this kind ("flash:" or "flash0:"). */
export const flashName = (env: IosEnv): string => VOLUMES[env.platform].name;

/** The names a path in flash may start with: a 1941's flash: is another name for its flash0:. */
export const flashNames = (kind: 'router' | 'switch'): string[] =>
  kind === 'router' ? ['flash0:', 'flash:'] : ['flash:'];

/** The files in flash now, by index. */
export function flashFiles(env: IosEnv): FlashFile[] {
  const volume = VOLUMES[env.platform];
  const files: FlashFile[] = [
    { index: volume.image.index, name: volume.image.name, bytes: volume.image.bytes, at: null },
  ];
  const rt = env.runtime!;
  const written = [...rt.files].map(([name, f]) => ({
    index: f.index,
    name,
    bytes: byteLength(f.text),
    at: f.at,
  }));
  if (env.kind === 'router') return [...files, ...written];
  const vlanDat = rt.vlans!.file(env.config().vlans, rt.clock.wallMs());
  if (vlanDat !== undefined)
    files.push({ index: 3, name: 'vlan.dat', bytes: VLAN_DAT_BYTES, at: vlanDat.at });
  const startup = env.device!.startupConfig();
  if (startup !== undefined) {
    files.push({
      index: 4,
      name: 'config.text',
      bytes: byteLength(startup),
      at: rt.lastSaveWallMs ?? rt.clock.wallMs(rt.bootedAt),
    });
  }
  return [...files, ...written];
}

/**
 * The number a new file takes in the directory: after the image on a 1941, after config.text
 * on a 2960, then one more for each file written.
 */
export function nextFileIndex(env: IosEnv): number {
  const last = Math.max(0, ...[...env.runtime!.files.values()].map((f) => f.index));
  return Math.max(last + 1, env.kind === 'router' ? 2 : 5);
}

/** Bytes of flash used, counted in the file system's blocks. */
function flashUsed(env: IosEnv): number {
  const volume = VOLUMES[env.platform];
  return flashFiles(env).reduce(
    (sum, f) => sum + Math.ceil(f.bytes / volume.block) * volume.block,
    volume.overhead,
  );
}

/** The flash file system's size and its free bytes (`show file systems`). */
export function flashSpace(env: IosEnv): { total: number; free: number } {
  const total = VOLUMES[env.platform].total;
  return { total, free: total - flashUsed(env) };
}

/**
 * `show flash:`: on a 2960, the directory listing after a blank line; on a 1941 (as on the
 * other ISR G2s) its own layout, from a real one of the same image family:
 *
 *   -#- --length-- -----date/time------ path
 *   1     45832792 Jul 02 2015 22:03:42 c1900-universalk9-mz.SPA.150-1.M8.bin
 *
 *   209698816 bytes available (45838336 bytes used)
 */
export function showFlash(env: IosEnv): string[] {
  if (env.kind === 'switch') return ['', ...directory(env)!];
  const volume = VOLUMES[env.platform];
  const rows = flashFiles(env).map(
    (f) =>
      `${String(f.index).padEnd(3)} ${String(f.bytes).padStart(10)} ${f.at === null ? volume.image.date : flashStamp(f.at)} ${f.name}`,
  );
  const used = flashUsed(env);
  return [
    '-#- --length-- -----date/time------ path',
    ...rows,
    '',
    `${volume.total - used} bytes available (${used} bytes used)`,
  ];
}

/** `dir flash:`, or one file of it; null when that file is not there. */
export function directory(env: IosEnv, only?: string): string[] | null {
  const volume = VOLUMES[env.platform];
  const entries = flashFiles(env).map((f) => ({
    index: f.index,
    perms: volume.perms,
    bytes: f.bytes,
    stamp: `${f.at === null ? volume.image.date : fileStamp(f.at)} +00:00`,
    name: f.name,
  }));
  return dirListing(volume.name, entries, only, flashSpace(env));
}
