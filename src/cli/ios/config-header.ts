/**
 * The comment lines IOS puts at the top of a configuration it prints or saves:
 *   ! Last configuration change at 00:12:45 UTC Mon Mar 1 1993
 *   ! NVRAM config last updated at 00:13:02 UTC Mon Mar 1 1993
 */
import type { Micros } from '../../shared/time.ts';
import type { IosRuntime } from './runtime.ts';

const HEADER = /^! (Last configuration change|NVRAM config last updated) at .*\n/gm;

/** `text` (which starts with "!\n") with the header for what the runtime remembers. */
export function withHeader(text: string, rt: IosRuntime | undefined, savedAt?: Micros): string {
  if (!rt) return text;
  const lines: string[] = [];
  if (rt.lastChange !== undefined)
    lines.push(`! Last configuration change at ${rt.clock.configStamp(rt.lastChange)}`);
  const save = savedAt ?? rt.lastSave;
  if (save !== undefined) lines.push(`! NVRAM config last updated at ${rt.clock.configStamp(save)}`);
  if (lines.length === 0 || !text.startsWith('!\n')) return text;
  return `!\n${lines.join('\n')}\n${text}`;
}

/** The configuration without its header, to compare a saved text with the running one. */
export const withoutHeader = (text: string): string => text.replace(HEADER, '').replace(/^!\n!\n/, '!\n');
