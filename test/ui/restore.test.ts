import { describe, expect, it } from 'vitest';
import type { Work } from '../../src/ui/autosave.ts';
import { type Opened, type RestoreSteps, restoreWork } from '../../src/ui/restore.ts';

const KEPT: Work = { text: '{"version": 99}', name: 'vlans.json', unsaved: true };

/** Records the steps taken, in order. */
function steps(open: (work: Work) => Promise<Opened>): { steps: RestoreSteps; log: string[] } {
  const log: string[] = [];
  return {
    log,
    steps: {
      open: (work) => {
        log.push(`open ${work.name}`);
        return open(work);
      },
      fallback: async () => {
        log.push('fallback');
      },
      autosave: {
        hold: () => log.push('hold'),
        keepUnreadable: async (work) => {
          log.push(`keep ${work.text}`);
        },
      },
      restored: (work) => log.push(`restored ${work.name}`),
      unreadable: (work, problems, error) =>
        log.push(`unreadable ${work.name}: ${problems.join('; ')}${error ? ` (${String(error)})` : ''}`),
    },
  };
}

describe('starting from the kept network', () => {
  it('restores it when it opens, and says so', async () => {
    const { steps: s, log } = steps(async () => ({ ok: true }));
    await restoreWork(KEPT, s);
    expect(log).toEqual(['open vlans.json', 'restored vlans.json']);
  });

  it('sets a refused network aside and holds the autosave before showing the example', async () => {
    const { steps: s, log } = steps(async () => ({ ok: false, problems: ['/version: not supported'] }));
    await restoreWork(KEPT, s);
    expect(log).toEqual([
      'open vlans.json',
      'hold',
      'keep {"version": 99}',
      'unreadable vlans.json: /version: not supported',
      'fallback',
    ]);
  });

  it('does the same when opening throws, instead of breaking the start', async () => {
    const { steps: s, log } = steps(() => Promise.reject(new Error('worker broke')));
    await restoreWork(KEPT, s);
    expect(log).toEqual([
      'open vlans.json',
      'hold',
      'keep {"version": 99}',
      'unreadable vlans.json:  (Error: worker broke)',
      'fallback',
    ]);
  });

  it('shows the example when nothing was kept, without holding the autosave', async () => {
    const { steps: s, log } = steps(async () => ({ ok: true }));
    await restoreWork(undefined, s);
    expect(log).toEqual(['fallback']);
  });
});
