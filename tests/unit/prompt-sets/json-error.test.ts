import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { describeJsonError, findJsonSyntaxProblem } from '../../../core/prompt-sets/json-error.ts';

const at = (text: string) => {
  const p = findJsonSyntaxProblem(text);
  return p && `${p.line}:${p.column} ${p.reason}`;
};

describe('JSON syntax errors in plain words', () => {
  it.each([
    ['{"a": 1,}', '1:9 a comma before "}" is not allowed (remove the last comma)'],
    ['[1, 2,]', '1:7 a comma before "]" is not allowed (remove the last comma)'],
    ["{'a': 1}", '1:2 text must be in double quotes ("), not single quotes (\')'],
    ['{a: 1}', '1:2 names must be in double quotes, like "a"'],
    ['{"a": yes}', '1:7 unexpected word yes: text must be in double quotes, like "yes"'],
    ['{"a" 1}', '1:6 a colon (:) is missing after the name'],
    ['{"a": 1\n "b": 2}', '2:2 a comma (,) is missing between items'],
    ['{"a": [1, 2}', '1:12 "}" does not match the "[" opened at line 1, column 7'],
    ['{"a": "x\ny"}', '1:9 text in quotes cannot run over a line break (write \\n for a new line, or close the quote)'],
    ['{"a": "x', '1:7 text in quotes is never closed (a closing " is missing)'],
    ['{"a": "\\q"}', '1:8 "\\q" is not a valid escape in text (write "\\\\" for a backslash)'],
    ['{"a": 01}', '1:7 numbers must not start with 0 (write 7, not 07)'],
    ['{"a": .5}', '1:7 a number is written wrongly'],
    ['{"a": 1} {"b": 2}', '1:10 there is more after the end of the data (only one object is allowed)'],
    ['{"a": 1 // note\n}', '1:9 comments are not allowed in JSON'],
    ['{\n  "a": [\n    1', '3:6 the file ends too early: the "[" opened at line 2, column 8 is never closed'],
    ['{"a": \u201cx\u201d}', '1:7 unexpected a curly quote \u201c (use a straight " instead)'],
    ['', '1:1 the file is empty'],
    [']', '1:1 unexpected "]": a value is missing'],
    ['{"a": 1}}', '1:9 there is more after the end of the data (only one object is allowed)'],
  ])('%j → %s', (text, want) => {
    expect(() => JSON.parse(text)).toThrow();
    expect(at(text)).toBe(want);
  });

  it('agrees with JSON.parse on valid JSON (finds nothing)', () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.constantFrom(0, 2), (v, indent) => {
        expect(findJsonSyntaxProblem(JSON.stringify(v, null, indent))).toBeNull();
      }),
      { numRuns: 300 },
    );
  });

  it('finds a problem in every text JSON.parse refuses, and never throws', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string(),
          fc.jsonValue().chain((v) => {
            const s = JSON.stringify(v);
            return fc.tuple(fc.nat(s.length), fc.nat(s.length), fc.string({ maxLength: 3 })).map(([i, j, ins]) => s.slice(0, Math.min(i, j)) + ins + s.slice(Math.max(i, j)));
          }),
        ),
        (text) => {
          let valid = true;
          try {
            JSON.parse(text);
          } catch {
            valid = false;
          }
          const p = findJsonSyntaxProblem(text);
          if (valid) expect(p).toBeNull();
          else expect(p).not.toBeNull();
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('handles deep nesting without recursion', () => {
    expect(at('['.repeat(200_000))).toMatch(/^1:200001 the file ends too early/);
    expect(describeJsonError('{"a": [1,]}')).toBe('the file is not valid JSON: line 1, column 10: a comma before "]" is not allowed (remove the last comma)');
  });
});
