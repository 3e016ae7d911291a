/** Bundles a bench's browser-side entry (a path relative to bench/) into one script, for a page or a worker. */
import { build } from 'esbuild';

export async function bundle(entry: string): Promise<string> {
  const out = await build({
    entryPoints: [new URL(entry, import.meta.url).pathname],
    bundle: true,
    format: 'iife',
    platform: 'browser',
    target: 'es2022',
    write: false,
    logLevel: 'silent',
  });
  return out.outputFiles[0]!.text;
}
