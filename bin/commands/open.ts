/**
 * Opening a network for `exec` and `pcap`: a network file, or a lab file's starting network.
 */
import { readFile } from 'node:fs/promises';
import type { ErrorKey } from '../../src/model/errors.ts';
import { formatProblem } from '../../src/model/load.ts';
import { Session } from '../../src/session/session.ts';
import { inFile, networkSource } from './network-source.ts';

export type Opened = { readonly session: Session } | { readonly problems: readonly string[] };

export async function openNetwork(file: string, seed = 1): Promise<Opened> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (e) {
    return { problems: [`${file}: cannot read: ${e instanceof Error ? e.message : String(e)}`] };
  }
  const { network, prefix } = networkSource(text);
  const session = new Session({ seed });
  const loaded = session.load(typeof network === 'string' ? network : JSON.stringify(network));
  if (!loaded.ok)
    return {
      problems: loaded.problems.map(
        (p) =>
          `${file}: ${formatProblem(inFile({ pointer: p.pointer, message: p.message, ...(p.key ? { key: p.key as ErrorKey, params: p.params ?? {} } : {}) }, prefix))}`,
      ),
    };
  return { session };
}
