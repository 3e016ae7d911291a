/**
 * Attributes the counts of a `bench/callgrind.sh` run to the engine's functions: callgrind
 * sees V8's compiled code only as addresses, which the perf map that `--perf-basic-prof`
 * writes names, and, when the run printed the compiled code of a function
 * (`DISASM=name bench/callgrind.sh ...`), to each of its instructions.
 *
 * Usage: node bin/run-ts.mjs bench/callgrind-report.ts OUT EVENTS PERF_MAP [LOG]
 *   OUT: callgrind's main-thread file (OUT-01); EVENTS: the events counted, to divide by;
 *   LOG: the run's output, holding V8's disassembly. Prints misses and instructions per event.
 */
import { readFileSync } from 'node:fs';

type Costs = number[];

interface Parsed {
  readonly events: string[];
  /** Self cost per function name (compiled JavaScript as hexadecimal addresses). */
  readonly byFunction: Map<string, Costs>;
  /** Self cost per instruction address, when the run dumped them (--dump-instr=yes). */
  readonly byAddress: Map<number, Costs>;
}

function add(into: Costs, from: readonly number[]): void {
  for (let i = 0; i < from.length; i++) into[i] = (into[i] ?? 0) + from[i]!;
}

/** Adds `costs` to the entry of `key`, created empty. */
function addTo<K>(map: Map<K, Costs>, key: K, costs: readonly number[]): void {
  const into = map.get(key);
  if (into === undefined) map.set(key, [...costs]);
  else add(into, costs);
}

/** A position: hexadecimal (instruction addresses) or decimal (lines). */
const positionValue = (s: string): number => (s.startsWith('0x') ? Number.parseInt(s, 16) : Number(s));

/** Reads callgrind's format: compressed names, relative positions, call lines skipped (self cost). */
export function parseCallgrind(text: string): Parsed {
  let events: string[] = [];
  let positions = 1;
  let instrColumn = -1;
  const names = new Map<string, string>();
  const byFunction = new Map<string, Costs>();
  const byAddress = new Map<number, Costs>();
  let fn = '';
  let skipNext = false;
  const last: number[] = [];
  for (const line of text.split('\n')) {
    if (line.startsWith('events:')) events = line.slice(7).trim().split(/\s+/);
    else if (line.startsWith('positions:')) {
      const kinds = line.slice(10).trim().split(/\s+/);
      positions = kinds.length;
      instrColumn = kinds.indexOf('instr');
    } else if (line.startsWith('fn=') || line.startsWith('cfn=')) {
      const m = /^c?fn=\((\d+)\)(?: (.*))?$/.exec(line);
      if (m === null) continue;
      if (m[2] !== undefined) names.set(m[1]!, m[2]);
      if (line.startsWith('fn=')) fn = names.get(m[1]!) ?? '?';
    } else if (line.startsWith('calls=')) skipNext = true;
    else if (/^[0-9+\-*]/.test(line)) {
      const parts = line.split(/\s+/);
      for (let i = 0; i < positions; i++) {
        const p = parts[i]!;
        if (p === '*') continue;
        if (p[0] === '+') last[i] = (last[i] ?? 0) + positionValue(p.slice(1));
        else if (p[0] === '-') last[i] = (last[i] ?? 0) - positionValue(p.slice(1));
        else last[i] = positionValue(p);
      }
      if (skipNext) {
        skipNext = false;
        continue;
      }
      const costs = parts.slice(positions).map(Number);
      addTo(byFunction, fn, costs);
      if (instrColumn >= 0) {
        const addr = last[instrColumn]!;
        addTo(byAddress, addr, costs);
      }
    }
  }
  return { events, byFunction, byAddress };
}

interface CodeRange {
  readonly start: number;
  readonly end: number;
  readonly name: string;
  /** Later entries replace earlier code at the same addresses. */
  readonly order: number;
}

/** The perf map's ranges, sorted by start, and a lookup that prefers the latest code. */
function perfMap(text: string): (addr: number) => string | undefined {
  const ranges: CodeRange[] = [];
  text.split('\n').forEach((line, order) => {
    const m = /^([0-9a-f]+) ([0-9a-f]+) (.*)$/.exec(line);
    if (m === null) return;
    const start = Number.parseInt(m[1]!, 16);
    ranges.push({ start, end: start + Number.parseInt(m[2]!, 16), name: m[3]!, order });
  });
  ranges.sort((a, b) => a.start - b.start);
  return (addr) => {
    let lo = 0;
    let hi = ranges.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (ranges[mid]!.start <= addr) lo = mid;
      else hi = mid - 1;
    }
    let best: CodeRange | undefined;
    for (let i = lo; i >= 0 && i > lo - 64; i--) {
      const r = ranges[i]!;
      if (r.start <= addr && addr < r.end && (best === undefined || r.order > best.order)) best = r;
    }
    return best?.name;
  };
}

/** Compiled JavaScript names read `JS:*fn file:///.../src/engine/x.ts?tsx-namespace=...:1:2`. */
const shortName = (name: string): string =>
  name.replace(/file:\/\/\/\S*?\/((?:src|bench)\/[^?\s:]*)\S*/, '$1');

interface Instruction {
  readonly addr: number | undefined;
  readonly text: string;
}

/** V8's `--print-opt-code` listings: `name = fn`, then `0xADDR offset bytes instruction` lines. */
function disassembly(log: string): { name: string; code: Instruction[] }[] {
  const out: { name: string; code: Instruction[] }[] = [];
  for (const line of log.split('\n')) {
    if (line.startsWith('name = ')) out.push({ name: line.slice(7).trim(), code: [] });
    const m = /^(0x[0-9a-f]+)\s+[0-9a-f]+\s+[0-9a-f]+\s+(.*)$/.exec(line);
    if (m !== null && out.length > 0)
      out.at(-1)!.code.push({ addr: Number.parseInt(m[1]!, 16), text: m[2]! });
  }
  return out;
}

function main(): void {
  const [outFile, eventsArg, mapFile, logFile] = process.argv.slice(2);
  if (outFile === undefined || eventsArg === undefined || mapFile === undefined) {
    console.error('usage: node bin/run-ts.mjs bench/callgrind-report.ts OUT-01 EVENTS PERF_MAP [LOG]');
    process.exit(2);
  }
  const perEvent = 1 / Number(eventsArg);
  const parsed = parseCallgrind(readFileSync(outFile, 'utf8'));
  const col = (e: string) => parsed.events.indexOf(e);
  const [ir, d1, ll] = [col('Ir'), col('D1mr'), col('DLmr')];
  const name = perfMap(readFileSync(mapFile, 'utf8'));
  const named = new Map<string, Costs>();
  for (const [fn, costs] of parsed.byFunction) {
    const n = fn.startsWith('0x') ? (name(Number.parseInt(fn.split("'")[0]!, 16)) ?? 'compiled code?') : fn;
    addTo(named, n, costs);
  }
  const fmt = (c: Costs, i: number, digits: number) => ((c[i] ?? 0) * perEvent).toFixed(digits).padStart(8);
  console.log('per event:   Ir  L1 read  LL read  function (by LL read misses)');
  const rows = [...named].sort((a, b) => (b[1][ll] ?? 0) - (a[1][ll] ?? 0)).slice(0, 30);
  for (const [n, c] of rows)
    console.log(`${fmt(c, ir, 0)} ${fmt(c, d1, 2)} ${fmt(c, ll, 2)}  ${shortName(n)}`);
  if (logFile === undefined) return;
  for (const { name: fn, code } of disassembly(readFileSync(logFile, 'utf8'))) {
    const total: Costs = [];
    for (const { addr } of code) if (addr !== undefined) add(total, parsed.byAddress.get(addr) ?? []);
    if ((total[ir] ?? 0) === 0) continue;
    console.log(
      `\n== ${fn}: ${fmt(total, ir, 0)} instructions, ${fmt(total, d1, 2)} L1 and ${fmt(total, ll, 2)} LL read misses per event`,
    );
    console.log('executions  L1 read  LL read');
    for (const { addr, text } of code) {
      const c = addr === undefined ? undefined : parsed.byAddress.get(addr);
      if (c === undefined || (c[ir] ?? 0) === 0) continue;
      const misses = (c[d1] ?? 0) > 0 ? `${fmt(c, d1, 3)} ${fmt(c, ll, 3)}` : ' '.repeat(17);
      console.log(`${fmt(c, ir, 2)}   ${misses}  ${addr!.toString(16).slice(-5)}  ${text}`);
    }
  }
}

// Run as a script (bin/run-ts.mjs sets argv[1] to it), not when a test imports the parser.
if (process.argv[1]?.endsWith('callgrind-report.ts')) main();
