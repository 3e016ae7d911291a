/**
 * Where JSON text (RFC 8259) goes wrong, as a line and a column, so that a hand-edited network
 * file's syntax error can be found in an editor. JSON.parse reports a position for some errors
 * only, and in words that vary between JavaScript engines; this scanner locates every error the
 * same way. Iterative, so deeply nested input cannot overflow the stack.
 */

export interface JsonSyntaxError {
  /** 1-based line and column (in UTF-16 code units, as editors count them). */
  readonly line: number;
  readonly column: number;
  /** What JSON.parse said, without its position and its echo of the input. */
  readonly detail: string;
}

const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const ESCAPES = '"\\/bfnrtu';

/** Offset of the first syntax error in `text`, or undefined when it is valid JSON. */
export function jsonErrorOffset(text: string): number | undefined {
  const n = text.length;
  let i = 0;
  const stack: string[] = [];

  const skipSpace = (): void => {
    while (i < n && (text[i] === ' ' || text[i] === '\t' || text[i] === '\n' || text[i] === '\r')) i++;
  };
  const string = (): boolean => {
    i++; // opening quote
    while (i < n) {
      const c = text.charCodeAt(i);
      if (c === 0x22) {
        i++;
        return true;
      }
      if (c < 0x20) return false;
      if (c === 0x5c) {
        const e = text[i + 1];
        if (e === undefined || !ESCAPES.includes(e)) {
          i++;
          return false;
        }
        if (e === 'u') {
          if (!/^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))) {
            i += 2;
            return false;
          }
          i += 6;
        } else i += 2;
      } else i++;
    }
    return false;
  };
  const literal = (word: string): boolean => {
    for (const ch of word) {
      if (text[i] !== ch) return false;
      i++;
    }
    return true;
  };
  const scalar = (): boolean => {
    const c = text[i];
    if (c === '"') return string();
    if (c === 't') return literal('true');
    if (c === 'f') return literal('false');
    if (c === 'n') return literal('null');
    NUMBER.lastIndex = i;
    if (NUMBER.test(text)) {
      i = NUMBER.lastIndex;
      return true;
    }
    return false;
  };
  /** After '{' or ',' in an object: `"key" :`. */
  const key = (): boolean => {
    skipSpace();
    if (text[i] !== '"' || !string()) return false;
    skipSpace();
    if (text[i] !== ':') return false;
    i++;
    return true;
  };

  for (;;) {
    // A value is expected here.
    skipSpace();
    const c = text[i];
    if (c === '{' || c === '[') {
      i++;
      skipSpace();
      if (text[i] === (c === '{' ? '}' : ']')) i++;
      else {
        stack.push(c);
        if (c === '{' && !key()) return i;
        continue;
      }
    } else if (!scalar()) return i;
    // After a value: close containers, or a comma and the next value.
    for (;;) {
      skipSpace();
      const top = stack[stack.length - 1];
      if (top === undefined) return i < n ? i : undefined;
      if (text[i] === (top === '{' ? '}' : ']')) {
        i++;
        stack.pop();
        continue;
      }
      if (text[i] !== ',') return i;
      i++;
      if (top === '{' && !key()) return i;
      break;
    }
  }
}

/** Line, column and message for JSON text that JSON.parse refused. */
export function describeJsonError(text: string, parseError: unknown): JsonSyntaxError {
  const offset = Math.min(jsonErrorOffset(text) ?? text.length, text.length);
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  const column = offset - before.lastIndexOf('\n');
  const raw = parseError instanceof Error ? parseError.message : 'not valid JSON';
  const detail = raw.replace(/, ".*is not valid JSON$/s, '').replace(/ in JSON at position \d+.*$/s, '');
  return { line, column, detail };
}
