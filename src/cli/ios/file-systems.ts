/**
 * `show file systems`: the file systems a device has, the size and free space of those that
 * have one, the default one (*) and, on a router, those it can boot from (#). Rows as a 1941
 * on 15.x lists them with no USB stick inserted, and as a 2960 does (NetAcad ITN 11.4.1), in
 * the narrower columns of Catalyst IOS:
 *
 *   File Systems:
 *
 *          Size(b)       Free(b)      Type  Flags  Prefixes
 *                -             -    opaque     rw   archive:
 *   *    256487424     196145152      disk     rw   flash0: flash:#
 */
import type { IosEnv } from './env.ts';
import { flashSpace } from './flash.ts';
import { NVRAM_BYTES, nvramFree } from './nvram.ts';

/** A file system's type, flags and prefixes, and whose space it shows (none for most). */
type Row = readonly [type: string, flags: string, prefixes: string, space?: 'flash' | 'nvram'];

interface Listing {
  readonly header: string;
  /** Widths of the size and free columns. */
  readonly widths: readonly [number, number];
  readonly rows: readonly Row[];
}

const LISTINGS: Record<'router' | 'switch', Listing> = {
  router: {
    header: '       Size(b)       Free(b)      Type  Flags  Prefixes',
    widths: [13, 14],
    rows: [
      ['opaque', 'rw', 'archive:'],
      ['opaque', 'rw', 'system:'],
      ['opaque', 'rw', 'tmpsys:'],
      ['opaque', 'rw', 'null:'],
      ['network', 'rw', 'tftp:'],
      ['disk', 'rw', 'flash0: flash:#', 'flash'],
      ['disk', 'rw', 'flash1:'],
      ['nvram', 'rw', 'nvram:', 'nvram'],
      ['opaque', 'wo', 'syslog:'],
      ['opaque', 'rw', 'xmodem:'],
      ['opaque', 'rw', 'ymodem:'],
      ['network', 'rw', 'rcp:'],
      ['network', 'rw', 'http:'],
      ['network', 'rw', 'ftp:'],
      ['network', 'rw', 'scp:'],
      ['opaque', 'ro', 'tar:'],
      ['network', 'rw', 'https:'],
      ['opaque', 'ro', 'cns:'],
    ],
  },
  switch: {
    header: '     Size(b)     Free(b)      Type  Flags  Prefixes',
    widths: [11, 12],
    rows: [
      ['flash', 'rw', 'flash:', 'flash'],
      ['opaque', 'rw', 'vb:'],
      ['opaque', 'ro', 'bs:'],
      ['opaque', 'rw', 'system:'],
      ['opaque', 'rw', 'tmpsys:'],
      ['nvram', 'rw', 'nvram:', 'nvram'],
      ['opaque', 'ro', 'xmodem:'],
      ['opaque', 'ro', 'ymodem:'],
      ['opaque', 'rw', 'null:'],
      ['opaque', 'ro', 'tar:'],
      ['network', 'rw', 'tftp:'],
      ['network', 'rw', 'rcp:'],
      ['network', 'rw', 'http:'],
      ['network', 'rw', 'ftp:'],
      ['network', 'rw', 'scp:'],
      ['network', 'rw', 'https:'],
      ['opaque', 'ro', 'cns:'],
    ],
  },
};

export function showFileSystems(env: IosEnv): string[] {
  const { header, widths, rows } = LISTINGS[env.kind];
  const space = {
    flash: flashSpace(env),
    nvram: { total: NVRAM_BYTES[env.platform], free: nvramFree(env) },
  };
  const row = ([type, flags, prefixes, of]: Row): string => {
    const s = of === undefined ? undefined : space[of];
    const size = s === undefined ? '-' : String(s.total);
    const free = s === undefined ? '-' : String(s.free);
    // The default file system, where `dir` looks: flash.
    const mark = of === 'flash' ? '*' : ' ';
    return `${mark}${size.padStart(widths[0])}${free.padStart(widths[1])}${type.padStart(10)}${flags.padStart(7)}   ${prefixes}`;
  };
  return ['File Systems:', '', header, ...rows.map(row)];
}
