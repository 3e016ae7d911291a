/**
 * Document updates on a 1,000-device network (docs/budgets.md: under 100 us p95): moving a
 * device, replacing a configuration, and undoing, each through applyCommand and History as the
 * session does. The yardstick is the least an update would cost if devices were one flat id
 * table: copying and freezing a 1,000-entry table (the document's bucketed tables avoid it).
 */
import { applyCommand, type DocCommand } from '../src/model/commands.ts';
import {
  type DeviceDoc,
  deviceOf,
  devicesInOrder,
  type NetworkDoc,
  type NetworkFile,
  type NetworkFileDevice,
} from '../src/model/document.ts';
import { History } from '../src/model/history.ts';
import { loadNetwork } from '../src/model/load.ts';
import { saveNetwork } from '../src/model/save.ts';
import { type DeviceId, deviceId } from '../src/shared/ids.ts';

const DEVICES = 1000;
const OPS = 2000;
/** Steps undone per round; the history keeps 500. */
const ROUND = 500;
const YARDSTICK_RUNS = 500;

/** Deterministic pseudo-random integers (a bench should measure the same work every run). */
function lcg(seed: number): (below: number) => number {
  let s = seed >>> 0;
  return (below) => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s % below;
  };
}

const routerConfig = (name: string): string =>
  `hostname ${name}\n!\n${[0, 1, 2]
    .map((i) => `interface GigabitEthernet0/${i}\n ip address 10.${i}.0.1 255.255.255.0\n no shutdown\n!\n`)
    .join('')}end\n`;

/** 20 routers, 80 switches, 900 PCs and servers; each host cabled to a switch, switches to routers. */
function generate(): NetworkFile {
  const devices: NetworkFileDevice[] = [];
  const links: [string, string][] = [];
  for (let r = 1; r <= 20; r++)
    devices.push({ name: `R${r}`, kind: 'router', at: [r * 50, 0], config: routerConfig(`R${r}`) });
  for (let s = 1; s <= 80; s++) {
    devices.push({ name: `S${s}`, kind: 'switch', at: [s * 20, 100], config: `hostname S${s}\n!\nend\n` });
    if (s <= 40) links.push([`S${s}:Gi0/1`, `R${Math.ceil(s / 2)}:Gi0/${s % 2}`]);
  }
  for (let h = 1; devices.length < DEVICES; h++) {
    const kind = h % 10 === 0 ? 'server' : 'pc';
    const ip = `10.${(h >> 8) & 255}.${h & 255}.${1 + (h % 200)}/8`;
    devices.push({ name: `H${h}`, kind, at: [h % 300, 200 + h], ip, gateway: '10.0.0.1' });
    links.push([`H${h}:Fa0`, `S${1 + (h % 80)}:Fa0/${1 + Math.floor(h / 80)}`]);
  }
  return { version: 1, devices, links };
}

function percentile(samples: number[], p: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

const us = (ms: number): string => (ms * 1000).toFixed(1);
const summary = (label: string, samples: number[]): string =>
  `${label} p50 ${us(percentile(samples, 50))} us p95 ${us(percentile(samples, 95))} us`;

export async function run(): Promise<string[]> {
  const file = generate();
  let t = performance.now();
  const loaded = loadNetwork(file);
  const loadMs = performance.now() - t;
  if (!loaded.doc) throw new Error(`generated network is invalid: ${loaded.problems[0]?.message}`);
  let doc: NetworkDoc = loaded.doc;
  t = performance.now();
  saveNetwork(doc);
  const saveMs = performance.now() - t;

  const ids: DeviceId[] = [...doc.deviceOrder];
  const configurable = ids.filter(
    (id) => deviceOf(doc, id)!.kind === 'router' || deviceOf(doc, id)!.kind === 'switch',
  );
  const random = lcg(1);
  const history = new History();
  const move: number[] = [];
  const config: number[] = [];
  const undo: number[] = [];

  const timed = (cmd: DocCommand, into: number[]): void => {
    const start = performance.now();
    const r = applyCommand(doc, cmd);
    if (r.ok) {
      history.record(r.patches, r.inverse);
      doc = r.doc;
    }
    into.push(performance.now() - start);
    if (!r.ok) throw new Error(`${cmd.type} refused: ${r.error.key}`);
  };

  for (let round = 0; round < (2 * OPS) / ROUND; round++) {
    for (let i = 0; i < ROUND; i++) {
      if (i % 2 === 0) {
        timed({ type: 'moveDevice', id: ids[random(ids.length)]!, at: [random(2000), random(2000)] }, move);
      } else {
        const id = configurable[random(configurable.length)]!;
        timed({ type: 'setConfig', id, config: `${routerConfig('X')}! edit ${round}.${i}\n` }, config);
      }
    }
    for (let i = 0; i < ROUND && undo.length < OPS; i++) {
      const start = performance.now();
      const m = history.undo(doc);
      undo.push(performance.now() - start);
      if (m) doc = m.doc;
    }
  }

  const table: Record<DeviceId, DeviceDoc> = Object.fromEntries(devicesInOrder(doc).map((d) => [d.id, d]));
  const copy: number[] = [];
  for (let i = 0; i < YARDSTICK_RUNS; i++) {
    const start = performance.now();
    Object.freeze({ ...table, [deviceId('x')]: table[ids[0]!]! });
    copy.push(performance.now() - start);
  }
  const yard = percentile(copy, 95);

  return [
    `document ${DEVICES} devices: ${summary('move', move)}; ${summary('setConfig', config)}; ${summary('undo', undo)} (budget p95 < 100 us)`,
    `document ${DEVICES} devices: p95 / yardstick (copy+freeze of a flat device table, p95 ${us(yard)} us): move ${(percentile(move, 95) / yard).toFixed(2)}x, setConfig ${(percentile(config, 95) / yard).toFixed(2)}x, undo ${(percentile(undo, 95) / yard).toFixed(2)}x`,
    `document ${DEVICES} devices: load ${loadMs.toFixed(1)} ms, save ${saveMs.toFixed(1)} ms`,
  ];
}
