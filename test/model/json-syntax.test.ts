import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { describeJsonError, jsonErrorOffset } from '../../src/model/json-syntax.ts';

const parses = (text: string): boolean => {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
};

const where = (text: string) => {
  try {
    JSON.parse(text);
  } catch (e) {
    const { line, column } = describeJsonError(text, e);
    return `${line}:${column}`;
  }
  return 'valid';
};

describe('jsonErrorOffset', () => {
  it('finds the first character that cannot continue the text', () => {
    expect(jsonErrorOffset('{"a": 1,}')).toBe(8);
    expect(jsonErrorOffset('[1, 2')).toBe(5);
    expect(jsonErrorOffset('{"a": tru}')).toBe(9);
    expect(jsonErrorOffset('{"a": 01}')).toBe(7);
    expect(jsonErrorOffset('"\\x"')).toBe(2);
    expect(jsonErrorOffset('{} x')).toBe(3);
    expect(jsonErrorOffset('')).toBe(0);
    expect(jsonErrorOffset(' [ {"a" : [true, false, null, -1.5e+3, "\\u00e9"]} ] ')).toBeUndefined();
  });

  it('handles deep nesting without recursion', () => {
    expect(jsonErrorOffset('['.repeat(200_000) + ']'.repeat(200_000))).toBeUndefined();
    expect(jsonErrorOffset('['.repeat(200_000))).toBe(200_000);
  });

  it('agrees with JSON.parse on what is valid', () => {
    const damaged = fc
      .tuple(
        fc.json(),
        fc.nat(),
        fc.constantFrom('', '{', '}', '[', ']', ',', ':', '"', '\\', '0', '-', 'e', ' ', '\n', '\u0001'),
      )
      .map(([text, at, insert]) => {
        const i = at % (text.length + 1);
        return insert === ''
          ? text.slice(0, i) + text.slice(i + 1)
          : text.slice(0, i) + insert + text.slice(i);
      });
    fc.assert(
      fc.property(fc.oneof(fc.json(), damaged, fc.string()), (text) => {
        expect(jsonErrorOffset(text) === undefined).toBe(parses(text));
      }),
      { numRuns: 2000 },
    );
  });
});

describe('describeJsonError', () => {
  it('counts lines and columns from 1', () => {
    expect(where('{\n  "a": 1\n  "b": 2\n}')).toBe('3:3');
    expect(where('{"a": x}')).toBe('1:7');
    expect(where('')).toBe('1:1');
  });

  it("keeps JSON.parse's words but not its position or its copy of the input", () => {
    let error: unknown;
    try {
      JSON.parse('{"a": x}');
    } catch (e) {
      error = e;
    }
    const { detail } = describeJsonError('{"a": x}', error);
    expect(detail).not.toMatch(/position|"a"/);
    expect(detail.length).toBeGreaterThan(0);
  });
});
