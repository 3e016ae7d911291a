#!/usr/bin/env node
// Runs a TypeScript script of the project (benchmarks, tools) without a build step.
import { pathToFileURL } from 'node:url';
import { tsImport } from 'tsx/esm/api';

const [file, ...args] = process.argv.slice(2);
if (!file) {
  console.error('usage: node bin/run-ts.mjs FILE.ts [ARGS...]');
  process.exit(2);
}
process.argv = [process.argv[0], file, ...args];
await tsImport(pathToFileURL(file).href, import.meta.url);
