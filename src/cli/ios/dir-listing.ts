/**
 * What `dir` prints for any file system, in IOS's columns:
 *
 *   Directory of flash:/
 *
 *       2  -rwx    11607161   Mar 1 1993 00:02:37 +00:00  c2960-lanbasek9-mz.150-2.SE4.bin
 *     253  -rw-        1156                    <no date>  startup-config
 *
 *   32514048 bytes total (20903936 bytes free)
 *
 * One file asked for by name is listed without the totals.
 */

export interface DirEntry {
  readonly index: number;
  readonly perms: string;
  readonly bytes: number;
  /** Its date and time with the time zone ("Mar 1 1993 00:02:37 +00:00"), or "<no date>". */
  readonly stamp: string;
  readonly name: string;
}

/** The listing of `fs` (e.g. "nvram:"), or of its file `only`; null when that file is not there. */
export function dirListing(
  fs: string,
  entries: readonly DirEntry[],
  only: string | undefined,
  space: { readonly total: number; readonly free: number },
): string[] | null {
  const shown = only === undefined ? entries : entries.filter((e) => e.name === only);
  if (only !== undefined && shown.length === 0) return null;
  const rows = shown.map(
    (e) =>
      `${String(e.index).padStart(5)}  ${e.perms}${String(e.bytes).padStart(12)}${e.stamp.padStart(29)}  ${e.name}`,
  );
  const lines = [`Directory of ${fs}/${only ?? ''}`, '', ...rows];
  if (only !== undefined) return lines;
  return [...lines, '', `${space.total} bytes total (${space.free} bytes free)`];
}
