/**
 * `npm run bench`: runs every bench/*.bench.ts (each exports `run(): Promise<string[]>`)
 * plus the kernel yardstick, and prints their lines. Absolute times drift on shared machines,
 * so each bench also reports a ratio against a yardstick measured in the same run.
 */
import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const only = process.argv.slice(2);
const files = readdirSync(here)
  .filter((f) => f.endsWith('.bench.ts') || f === 'kernel-yardstick.ts')
  .filter((f) => only.length === 0 || only.some((o) => f.includes(o)))
  .sort((a, b) => (a === 'kernel-yardstick.ts' ? -1 : b === 'kernel-yardstick.ts' ? 1 : a.localeCompare(b)));

for (const f of files) {
  const mod = (await import(pathToFileURL(join(here, f)).href)) as { run(): Promise<string[]> };
  console.log(`# ${f}`);
  for (const line of await mod.run()) console.log(line);
}
