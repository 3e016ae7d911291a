/**
 * The page side of the round-trip bench (roundtrip.bench.ts): loads the example network into a
 * worker's Session over comlink, as the app does, then times console lines against a raw
 * postMessage echo of the same line, in alternating batches so that both see the same moments.
 * A page's clock is coarsened (to 100 us without cross-origin isolation), about the length of
 * one round trip, so each figure is the mean over a batch of back-to-back round trips.
 */
import * as Comlink from 'comlink';
import { devicesInOrder } from '../src/model/document.ts';
import type { SessionApi } from '../src/session/api.ts';
import type { DeviceId } from '../src/shared/ids.ts';

export interface LineTiming {
  readonly device: string;
  readonly line: string;
  /** Mean round trip of each batch in milliseconds: the console line over comlink, and the raw echo. */
  readonly exec: readonly number[];
  readonly echo: readonly number[];
}

/**
 * The lines timed, by device name; R1 is in privileged EXEC first. The first row is no line but
 * `now()`, a call that does no work: comlink's own share of a round trip.
 */
const LINES: readonly (readonly [string, string])[] = [
  ['', 'now()'],
  ['R1', ''],
  ['R1', 'show ip interface brief'],
  ['R1', 'show running-config'],
  ['PC1', 'ipconfig'],
];
const BATCH = 25;
const WARMUP_BATCHES = 4;
const BATCHES = 40;

async function measure(workerSource: string, networkFile: string): Promise<LineTiming[]> {
  const worker = new Worker(URL.createObjectURL(new Blob([workerSource], { type: 'text/javascript' })));
  const session = Comlink.wrap<SessionApi>(worker);
  let answered: (() => void) | null = null;
  worker.addEventListener('message', (e: MessageEvent<{ echo?: unknown }>) => {
    if (e.data?.echo !== undefined) answered?.();
  });
  const echo = (line: string) =>
    new Promise<void>((resolve) => {
      answered = resolve;
      worker.postMessage({ echo: line });
    });

  const loaded = await session.load(networkFile);
  if (!loaded.ok) throw new Error(`example network: ${loaded.problems[0]?.message}`);
  const ids = new Map(devicesInOrder(await session.document()).map((d) => [d.name, d.id as DeviceId]));
  const id = (name: string): DeviceId => {
    const found = ids.get(name);
    if (found === undefined) throw new Error(`example network: no device ${name}`);
    return found;
  };
  await session.exec(id('R1'), 'enable');

  const timings: { device: string; line: string; exec: number[]; echo: number[] }[] = [];
  for (const [device, line] of LINES) {
    const target = device === '' ? null : id(device);
    const call = () => (target === null ? session.now() : session.exec(target, line));
    const t = { device, line, exec: [] as number[], echo: [] as number[] };
    for (let batch = 0; batch < WARMUP_BATCHES + BATCHES; batch++) {
      const t0 = performance.now();
      for (let k = 0; k < BATCH; k++) await call();
      const t1 = performance.now();
      for (let k = 0; k < BATCH; k++) await echo(line);
      const t2 = performance.now();
      if (batch >= WARMUP_BATCHES) {
        t.exec.push((t1 - t0) / BATCH);
        t.echo.push((t2 - t1) / BATCH);
      }
    }
    timings.push(t);
  }
  worker.terminate();
  return timings;
}

(globalThis as { measureRoundTrips?: typeof measure }).measureRoundTrips = measure;
