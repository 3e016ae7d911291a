import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runTranscript } from './transcript.ts';

const dir = join(import.meta.dirname, 'transcripts');

describe('console transcripts', () => {
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.txt'))) {
    it(file, () => {
      const { expected, actual } = runTranscript(readFileSync(join(dir, file), 'utf8'));
      expect(actual).toBe(expected);
    });
  }
});
