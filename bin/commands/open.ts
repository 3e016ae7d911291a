/**
 * Opening a network for `exec` and `pcap`: a network file, or a lab file's starting network.
 */
import { readFile } from 'node:fs/promises';
import { formatProblem } from '../../src/model/load.ts';
import { Session } from '../../src/session/session.ts';

export type Opened = { readonly session: Session } | { readonly problems: readonly string[] };

export async function openNetwork(file: string, seed = 1): Promise<Opened> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (e) {
    return { problems: [`${file}: cannot read: ${e instanceof Error ? e.message : String(e)}`] };
  }
  let prefix = '';
  try {
    const parsed: unknown = JSON.parse(text);
    if (typeof parsed === 'object' && parsed !== null && 'network' in parsed) {
      text = JSON.stringify((parsed as { network: unknown }).network);
      prefix = '/network';
    }
  } catch {
    // Not JSON: the loader says where and why.
  }
  const session = new Session({ seed });
  const loaded = session.load(text);
  if (!loaded.ok)
    return {
      problems: loaded.problems.map(
        (p) => `${file}: ${formatProblem({ pointer: `${prefix}${p.pointer}`, message: p.message })}`,
      ),
    };
  return { session };
}
