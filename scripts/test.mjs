#!/usr/bin/env node
// `npm test`: type check, lint, unit/scenario/property tests, then the end-to-end suite in
// headless Chromium. Installs Chromium and tshark with apt when they are missing and we are root.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const SYSTEM_TOOLS = [
  { bins: ['/usr/bin/chromium'], pkg: 'chromium', why: 'end-to-end tests' },
  { bins: ['/usr/bin/tshark'], pkg: 'tshark', why: 'pcap decoding tests' },
  { bins: ['/usr/bin/ping', '/bin/ping'], pkg: 'iputils-ping', why: 'Linux kernel reference tests' },
  {
    bins: ['/usr/sbin/ip', '/usr/bin/ip', '/sbin/ip', '/bin/ip'],
    pkg: 'iproute2',
    why: 'Linux kernel reference tests',
  },
];

function run(label, cmd, args, env = {}) {
  console.log(`\n▶ ${label}`);
  const r = spawnSync(cmd, args, { stdio: 'inherit', env: { ...process.env, ...env } });
  if (r.status !== 0) {
    console.error(`\n✖ ${label} failed (exit ${r.status ?? r.signal}).`);
    process.exit(r.status ?? 1);
  }
}

function ensureSystemTools() {
  const missing = SYSTEM_TOOLS.filter((t) => !t.bins.some((b) => existsSync(b)));
  if (missing.length === 0) return;
  const pkgs = missing.map((t) => t.pkg);
  const isRoot = process.getuid?.() === 0;
  const hasApt = existsSync('/usr/bin/apt-get');
  if (!isRoot || !hasApt) {
    console.error(
      `Missing ${pkgs.join(', ')} (${missing.map((t) => t.why).join(', ')}): run \`sudo apt-get install -y ${pkgs.join(' ')}\` and try again.`,
    );
    process.exit(1);
  }
  const env = { DEBIAN_FRONTEND: 'noninteractive' };
  run('apt-get update', 'apt-get', ['update', '-qq'], env);
  run(`apt-get install ${pkgs.join(' ')}`, 'apt-get', ['install', '-y', '-qq', ...pkgs], env);
}

const results = mkdtempSync(join(tmpdir(), 'trame-test-'));
const counts = { passed: 0, failed: 0, skipped: 0 };

function vitest(project) {
  const out = join(results, `${project}.json`);
  const r = spawnSync(
    'npx',
    [
      'vitest',
      'run',
      '--project',
      project,
      '--reporter=default',
      '--reporter=json',
      `--outputFile.json=${out}`,
    ],
    { stdio: 'inherit' },
  );
  if (existsSync(out)) {
    const json = JSON.parse(readFileSync(out, 'utf8'));
    counts.passed += json.numPassedTests ?? 0;
    counts.failed += json.numFailedTests ?? 0;
    counts.skipped += (json.numPendingTests ?? 0) + (json.numTodoTests ?? 0);
  }
  if (r.status !== 0) {
    summary();
    console.error(`\n✖ vitest (${project}) failed.`);
    process.exit(r.status ?? 1);
  }
}

function summary() {
  console.log(`\ntests: ${counts.passed} passed, ${counts.failed} failed, ${counts.skipped} skipped`);
}

ensureSystemTools();
run('type check (tsc --noEmit)', 'npx', ['tsc', '--noEmit', '-p', 'tsconfig.json']);
run('lint (biome check)', 'npx', ['biome', 'check', '.']);
vitest('unit');
run('build (vite build)', 'npx', ['vite', 'build', '--logLevel', 'warn']);
vitest('e2e');
summary();
