/**
 * Say in plain words where and why a text is not valid JSON. Engines word JSON.parse errors
 * differently (and some give only a character offset), so after JSON.parse fails we scan the text
 * ourselves to find the first mistake: trailing commas, single quotes, comments, missing commas…
 * Iterative (no recursion), linear time. Pure.
 */

export interface JsonSyntaxProblem {
  line: number;
  column: number;
  reason: string;
}

type Expect = 'value' | 'value-or-close' | 'key' | 'key-or-close' | 'colon' | 'comma-or-close' | 'end';

interface Open {
  kind: 'object' | 'array';
  at: number;
}

const WS = new Set([' ', '\t', '\n', '\r']);

function lineCol(text: string, pos: number): { line: number; column: number } {
  let line = 1;
  let last = -1;
  for (let i = 0; i < pos && i < text.length; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      last = i;
    }
  }
  return { line, column: pos - last };
}

function shown(c: string): string {
  if (c === '\u00a0') return 'a non-breaking space';
  if (c.charCodeAt(0) < 32) return `an invisible control character (code ${c.charCodeAt(0)})`;
  if (c === '\u201c' || c === '\u201d') return `a curly quote ${c} (use a straight " instead)`;
  if (c === '\u2018' || c === '\u2019') return `a curly quote ${c} (use a straight " instead)`;
  return `"${c}"`;
}

/** Returns the first syntax problem, or null when the scanner finds none. */
export function findJsonSyntaxProblem(text: string): JsonSyntaxProblem | null {
  const stack: Open[] = [];
  let expect = 'value' as Expect;
  let afterComma = false;
  let i = 0;
  const n = text.length;
  const fail = (pos: number, reason: string): JsonSyntaxProblem => ({ ...lineCol(text, pos), reason });
  const afterValue = () => {
    expect = stack.length === 0 ? 'end' : 'comma-or-close';
    afterComma = false;
  };

  /** Scan a string starting at the opening quote; returns the index after it, or a problem. */
  const scanString = (start: number): number | JsonSyntaxProblem => {
    let j = start + 1;
    while (j < n) {
      const c = text.charCodeAt(j);
      if (c === 34) return j + 1; // "
      if (c === 92) {
        const e = text[j + 1];
        if (e === undefined) break;
        if (e === 'u') {
          if (!/^[0-9a-fA-F]{4}$/.test(text.slice(j + 2, j + 6))) return fail(j, '"\\u" must be followed by four hexadecimal digits');
          j += 6;
          continue;
        }
        if (!'"\\/bfnrt'.includes(e)) return fail(j, `"\\${e}" is not a valid escape in text (write "\\\\" for a backslash)`);
        j += 2;
        continue;
      }
      if (c === 10 || c === 13) return fail(j, 'text in quotes cannot run over a line break (write \\n for a new line, or close the quote)');
      if (c < 32) return fail(j, `text in quotes contains ${shown(text[j]!)}`);
      j++;
    }
    return fail(start, 'text in quotes is never closed (a closing " is missing)');
  };

  const scanNumber = (start: number): number | JsonSyntaxProblem => {
    const m = /^-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/.exec(text.slice(start, start + 400));
    if (!m || m[0] === '-') return fail(start, 'a number is written wrongly');
    const end = start + m[0].length;
    const next = text[end];
    if (next !== undefined && /[0-9.eE+\-xXa-zA-Z_]/.test(next)) {
      if (m[0] === '0' || m[0] === '-0') return fail(start, 'numbers must not start with 0 (write 7, not 07)');
      return fail(start, 'a number is written wrongly');
    }
    return end;
  };

  const wrongStart = (c: string, pos: number, inKey: boolean): JsonSyntaxProblem => {
    if (c === "'") return fail(pos, "text must be in double quotes (\"), not single quotes (')");
    if (c === '/') return fail(pos, 'comments are not allowed in JSON');
    if (c === '+' || c === '.') return fail(pos, 'a number is written wrongly');
    if (/[A-Za-z_$]/.test(c)) {
      const word = /^[A-Za-z_$][A-Za-z0-9_$]*/.exec(text.slice(pos, pos + 60))![0];
      if (inKey) return fail(pos, `names must be in double quotes, like "${word}"`);
      return fail(pos, `unexpected word ${word}: text must be in double quotes, like "${word}"`);
    }
    return fail(pos, `unexpected ${shown(c)}`);
  };

  const closing = (c: string, pos: number): JsonSyntaxProblem | null => {
    const top = stack[stack.length - 1];
    const want = top?.kind === 'object' ? '}' : ']';
    if (!top) return fail(pos, `unexpected "${c}": nothing is open to close`);
    if (c !== want) {
      const o = lineCol(text, top.at);
      return fail(pos, `"${c}" does not match the "${top.kind === 'object' ? '{' : '['}" opened at line ${o.line}, column ${o.column}`);
    }
    stack.pop();
    afterValue();
    return null;
  };

  while (true) {
    while (i < n && WS.has(text[i]!)) i++;
    if (i >= n) {
      if (expect === 'end') return null;
      if (stack.length === 0) return fail(n, 'the file is empty');
      const top = stack[stack.length - 1]!;
      const o = lineCol(text, top.at);
      return fail(n, `the file ends too early: the "${top.kind === 'object' ? '{' : '['}" opened at line ${o.line}, column ${o.column} is never closed`);
    }
    const c = text[i]!;
    switch (expect) {
      case 'end':
        return fail(i, 'there is more after the end of the data (only one object is allowed)');
      case 'colon':
        if (c !== ':') return fail(i, 'a colon (:) is missing after the name');
        i++;
        expect = 'value';
        afterComma = false;
        break;
      case 'comma-or-close':
        if (c === ',') {
          i++;
          expect = stack[stack.length - 1]!.kind === 'object' ? 'key' : 'value';
          afterComma = true;
        } else if (c === '}' || c === ']') {
          const p = closing(c, i);
          if (p) return p;
          i++;
        } else if (c === '/') {
          return fail(i, 'comments are not allowed in JSON');
        } else {
          return fail(i, 'a comma (,) is missing between items');
        }
        break;
      case 'key':
      case 'key-or-close':
        if (c === '}') {
          if (expect === 'key' && afterComma) return fail(i, 'a comma before "}" is not allowed (remove the last comma)');
          const p = closing(c, i);
          if (p) return p;
          i++;
        } else if (c === '"') {
          const r = scanString(i);
          if (typeof r !== 'number') return r;
          i = r;
          expect = 'colon';
        } else {
          return wrongStart(c, i, true);
        }
        break;
      case 'value':
      case 'value-or-close':
        if (c === ']' || c === '}') {
          if (expect === 'value-or-close' && c === ']') {
            const p = closing(c, i);
            if (p) return p;
            i++;
            break;
          }
          if (afterComma) return fail(i, `a comma before "${c}" is not allowed (remove the last comma)`);
          return fail(i, `unexpected "${c}": a value is missing`);
        }
        if (c === '{') {
          stack.push({ kind: 'object', at: i });
          i++;
          expect = 'key-or-close';
          afterComma = false;
        } else if (c === '[') {
          stack.push({ kind: 'array', at: i });
          i++;
          expect = 'value-or-close';
          afterComma = false;
        } else if (c === '"') {
          const r = scanString(i);
          if (typeof r !== 'number') return r;
          i = r;
          afterValue();
        } else if (c === '-' || (c >= '0' && c <= '9')) {
          const r = scanNumber(i);
          if (typeof r !== 'number') return r;
          i = r;
          afterValue();
        } else if (text.startsWith('true', i) || text.startsWith('null', i)) {
          i += 4;
          if (i < n && /[A-Za-z0-9_$]/.test(text[i]!)) return wrongStart(text[i - 4]!, i - 4, false);
          afterValue();
        } else if (text.startsWith('false', i)) {
          i += 5;
          if (i < n && /[A-Za-z0-9_$]/.test(text[i]!)) return wrongStart('f', i - 5, false);
          afterValue();
        } else if (c === ',') {
          return fail(i, 'unexpected comma: a value is missing');
        } else if (c === ':') {
          return fail(i, 'unexpected colon (:)');
        } else {
          return wrongStart(c, i, false);
        }
        break;
    }
  }
}

/** One plain-words line for a text JSON.parse refused. */
export function describeJsonError(text: string): string {
  const p = findJsonSyntaxProblem(text);
  if (!p) return 'the file is not valid JSON';
  if (p.reason === 'the file is empty') return 'the file is empty';
  return `the file is not valid JSON: line ${p.line}, column ${p.column}: ${p.reason}`;
}
