#!/usr/bin/env node
// Runs the TypeScript entry directly (through tsx), so `npx trame` needs no build step.
import { tsImport } from 'tsx/esm/api';

const { main } = await tsImport('./trame.ts', import.meta.url);
process.exitCode = await main(process.argv.slice(2));
