import fc from 'fast-check';
import { applyPatches } from 'immer';
import { describe, expect, it } from 'vitest';
import { applyCommand } from '../../src/model/commands.ts';
import type { NetworkDoc } from '../../src/model/document.ts';
import { History } from '../../src/model/history.ts';
import { loadNetwork } from '../../src/model/load.ts';
import { saveNetwork } from '../../src/model/save.ts';
import {
  badDnsArb,
  commandFor,
  dnsArb,
  dnsRecordsArb,
  mutatedFileArb,
  networkFileArb,
  stepArb,
} from './arbitraries.ts';

/** JSON text with one character deleted or inserted somewhere. */
const damagedJsonArb = fc
  .tuple(
    fc.json(),
    fc.nat(),
    fc.constantFrom('', '{', '}', '[', ']', ',', ':', '"', '\\', 'x', ' ', '\u0000'),
  )
  .map(([text, at, insert]) => {
    const i = at % (text.length + 1);
    return insert === '' ? text.slice(0, i) + text.slice(i + 1) : text.slice(0, i) + insert + text.slice(i);
  });

const load = (text: string): NetworkDoc => {
  const { doc, problems } = loadNetwork(text);
  expect(problems).toEqual([]);
  return doc!;
};

describe('loadNetwork never throws', () => {
  it('on any JSON value', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (v) => {
        const r = loadNetwork(v);
        expect(r.doc !== undefined || r.problems.length > 0).toBe(true);
      }),
      { numRuns: 500 },
    );
  });

  it('on any JavaScript value', () => {
    const anything = fc.anything({
      withBigInt: true,
      withBoxedValues: true,
      withDate: true,
      withMap: true,
      withNullPrototype: true,
      withObjectString: true,
      withSet: true,
      withSparseArray: true,
      withTypedArray: true,
    });
    fc.assert(
      fc.property(anything, (v) => {
        loadNetwork(v);
      }),
      { numRuns: 500 },
    );
  });

  it('on any text, valid JSON or not', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: 'binary' }), fc.json(), damagedJsonArb), (text) => {
        const r = loadNetwork(text);
        for (const p of r.problems) expect(typeof p.message).toBe('string');
      }),
      { numRuns: 500 },
    );
  });

  it('on network files with a field removed, added or changed', () => {
    fc.assert(
      fc.property(mutatedFileArb, (v) => {
        loadNetwork(v);
      }),
      { numRuns: 300 },
    );
  });
});

describe('valid network files', () => {
  it('load without problems and save byte-stably: save(load(save(doc))) === save(doc)', () => {
    fc.assert(
      fc.property(networkFileArb, (file) => {
        const once = saveNetwork(load(JSON.stringify(file)));
        expect(saveNetwork(load(once))).toBe(once);
      }),
      { numRuns: 300 },
    );
  });
});

describe('commands', () => {
  it('undo with inverse patches restores the exact previous document, and the result stays a valid file', () => {
    fc.assert(
      fc.property(networkFileArb, fc.array(stepArb, { maxLength: 25 }), (file, steps) => {
        const initial = load(JSON.stringify(file));
        const history = new History();
        let doc = initial;
        for (const step of steps) {
          const cmd = commandFor(doc, step);
          const r = applyCommand(doc, cmd);
          if (!r.ok) continue;
          expect(applyPatches(r.doc, r.inverse)).toEqual(doc);
          expect(applyPatches(doc, r.patches)).toEqual(r.doc);
          history.record(r.patches, r.inverse);
          doc = r.doc;
        }
        const saved = saveNetwork(doc);
        expect(saveNetwork(load(saved))).toBe(saved);

        const final = doc;
        for (let m = history.undo(doc); m; m = history.undo(doc)) doc = m.doc;
        expect(doc).toEqual(initial);
        for (let m = history.redo(doc); m; m = history.redo(doc)) doc = m.doc;
        expect(doc).toEqual(final);
      }),
      { numRuns: 150 },
    );
  });

  it('leave every document they produce, undo and redo deeply frozen', () => {
    const frozen = (v: unknown): boolean =>
      typeof v !== 'object' || v === null || (Object.isFrozen(v) && Object.values(v).every(frozen));
    fc.assert(
      fc.property(networkFileArb, fc.array(stepArb, { maxLength: 15 }), (file, steps) => {
        const history = new History();
        let doc = load(JSON.stringify(file));
        for (const step of steps) {
          const r = applyCommand(doc, commandFor(doc, step));
          if (!r.ok) continue;
          history.record(r.patches, r.inverse);
          doc = r.doc;
          expect(frozen(doc)).toBe(true);
        }
        for (let m = history.undo(doc); m; m = history.undo(doc)) {
          doc = m.doc;
          expect(frozen(doc)).toBe(true);
        }
        for (let m = history.redo(doc); m; m = history.redo(doc)) {
          doc = m.doc;
          expect(frozen(doc)).toBe(true);
        }
      }),
      { numRuns: 100 },
    );
  });

  it('grouped into one step still undo exactly', () => {
    fc.assert(
      fc.property(networkFileArb, fc.array(stepArb, { minLength: 1, maxLength: 15 }), (file, steps) => {
        const initial = load(JSON.stringify(file));
        const history = new History();
        let doc = initial;
        history.beginGroup();
        for (const step of steps) {
          const r = applyCommand(doc, commandFor(doc, step));
          if (!r.ok) continue;
          history.record(r.patches, r.inverse);
          doc = r.doc;
        }
        history.endGroup();
        const final = doc;
        const undone = history.undo(doc);
        expect(undone?.doc ?? doc).toEqual(initial);
        expect(history.canUndo).toBe(false);
        const redone = history.redo(undone?.doc ?? doc);
        expect(redone?.doc ?? doc).toEqual(final);
      }),
      { numRuns: 150 },
    );
  });
});

describe('DNS settings', () => {
  it('that are wrong are refused, each problem at a pointer inside the field', () => {
    fc.assert(
      fc.property(badDnsArb, ({ file, field }) => {
        const { doc, problems } = loadNetwork(file);
        expect(doc).toBeUndefined();
        expect(problems.length).toBeGreaterThan(0);
        for (const p of problems) expect(p.pointer).toMatch(new RegExp(`^/devices/0/${field}(/|$)`));
      }),
      { numRuns: 500 },
    );
  });

  it('that are valid load, save and load again to the same document', () => {
    fc.assert(
      fc.property(dnsArb, dnsRecordsArb, (dns, dnsRecords) => {
        const file = { version: 1, devices: [{ name: 'Srv1', kind: 'server', at: [0, 0], dns, dnsRecords }] };
        const first = load(JSON.stringify(file));
        expect(load(saveNetwork(first))).toEqual(first);
      }),
      { numRuns: 300 },
    );
  });
});
