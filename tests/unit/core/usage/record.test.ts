/** core/usage/record.ts: which record a page address shows (table-driven). */
import { describe, expect, it } from 'vitest';
import { DEFAULT_RECORD_PATTERNS, ID_MAX, URL_MAX, patternsFor, recogniseRecord, type RecordPattern } from '../../../../core/usage/record.ts';
import { RecordPatternsSchema } from '../../../../core/usage/record-schema.ts';

const O = 'https://lcs.example.gov.uk';

describe('recogniseRecord: the default patterns', () => {
  it.each([
    // a path segment after a named segment
    [`${O}/person/12345`, '12345'],
    [`${O}/app/Person/12345/notes/new`, '12345'],
    [`${O}/children/C-0042`, 'C-0042'],
    [`${O}/child/7/assessment`, '7'],
    [`${O}/case/2024.118`, '2024.118'],
    [`${O}/cases/9f1c2e4a-0b7d-4c1e-9a55-3d2f6b8e1a90`, '9f1c2e4a-0b7d-4c1e-9a55-3d2f6b8e1a90'],
    // a query parameter (any case)
    [`${O}/record.aspx?personId=555`, '555'],
    [`${O}/view?PERSONID=556&tab=notes`, '556'],
    [`${O}/view?childId=88`, '88'],
    [`${O}/view?caseId=CS99`, 'CS99'],
    [`${O}/form?id=31337`, '31337'],
    // hash routes (single-page apps), with and without a bang and a query
    [`${O}/#/person/123`, '123'],
    [`${O}/app/index.html#!/case/77?tab=chronology`, '77'],
    [`${O}/#/search?personId=401`, '401'],
    // the hash route wins over the shell's path
    [`${O}/person/1/#/person/2`, '2'],
    // encoded characters are decoded
    [`${O}/person/%31%32%33`, '123'],
    [`${O}/%70erson/456`, '456'],
    [`${O}/view?personId=%37%38`, '78'],
    // http too (local test pages)
    ['http://localhost:8080/person/12', '12'],
  ])('%s → %s', (url, id) => {
    expect(recogniseRecord(url)).toEqual({ origin: new URL(url).origin, id });
  });

  it.each([
    // list, search and action pages: no record
    `${O}/person`,
    `${O}/person/`,
    `${O}/people/search`,
    `${O}/cases/new`,
    `${O}/children?page=2`,
    `${O}/#/people`,
    `${O}/#/person/list`,
    `${O}/dashboard`,
    `${O}/view?personId=`,
    `${O}/view?sort=id`,
    // a segment not named in any pattern
    `${O}/invoice/12345`,
    // not http(s), or not an address
    'file:///C:/cases/person/12',
    'javascript:alert(1)//person/12',
    'about:blank',
    'not a url',
    '',
  ])('%s → no record', (url) => {
    expect(recogniseRecord(url)).toBeNull();
  });

  it.each([
    ['an id that decodes to a slash', `${O}/person/12%2F34`],
    ['malformed %-encoding', `${O}/person/12%E0%A4%A`],
    ['an id with markup in it', `${O}/person/%3Cscript%3E1`],
    ['an id with spaces', `${O}/view?personId=1%202`],
    ['an overlong id', `${O}/person/${'1'.repeat(ID_MAX + 1)}`],
    ['an overlong address', `${O}/person/12?pad=${'x'.repeat(URL_MAX)}`],
  ])('hostile input: %s → no record (and no throw)', (_what, url) => {
    expect(recogniseRecord(url)).toBeNull();
  });

  it('an id at the longest length is taken', () => {
    expect(recogniseRecord(`${O}/person/${'1'.repeat(ID_MAX)}`)?.id).toHaveLength(ID_MAX);
  });

  it('a very long address of many segments is read quickly', () => {
    const url = `${O}/${'a/'.repeat(3000)}person/99`;
    expect(url.length).toBeLessThan(URL_MAX);
    const t = performance.now();
    expect(recogniseRecord(url)?.id).toBe('99');
    expect(performance.now() - t).toBeLessThan(500);
  });

  it('a bad malformed segment before the record does not stop the search', () => {
    expect(recogniseRecord(`${O}/%E0%A4%A/person/5`)?.id).toBe('5');
  });

  it('pushState-style addresses: each address gives its own record', () => {
    const a = recogniseRecord(`${O}/app/person/100`);
    const b = recogniseRecord(`${O}/app/person/200`);
    expect(a?.id).toBe('100');
    expect(b?.id).toBe('200');
    expect(recogniseRecord(`${O}/app/people`)).toBeNull();
  });
});

describe('recogniseRecord: patterns a manager configures', () => {
  const configured: RecordPattern[] = [
    { origin: O, segments: ['subject'], params: ['sid'] },
    { origin: 'https://other.example.org', params: ['ref'] },
  ];
  it.each([
    [`${O}/subject/42`, '42'],
    [`${O}/x?sid=43`, '43'],
    ['https://other.example.org/x?ref=R7', 'R7'],
  ])('%s → %s', (url, id) => {
    expect(recogniseRecord(url, configured)?.id).toBe(id);
  });

  it('a site with its own patterns uses only them (defaults off there)', () => {
    expect(recogniseRecord(`${O}/person/12`, configured)).toBeNull();
    expect(recogniseRecord('https://other.example.org/person/12', configured)).toBeNull();
  });

  it('a site no pattern names keeps the defaults', () => {
    expect(recogniseRecord('https://third.example.net/person/12', configured)?.id).toBe('12');
  });

  it('patterns for every site apply beside a site’s own', () => {
    const p: RecordPattern[] = [{ origin: O, segments: ['subject'] }, { params: ['ref'] }];
    expect(patternsFor(O, p)).toEqual([p[0], p[1]]);
    expect(recogniseRecord(`${O}/x?ref=9`, p)?.id).toBe('9');
    expect(recogniseRecord('https://third.example.net/person/12', p)).toBeNull();
    expect(patternsFor('https://third.example.net', [])).toBe(DEFAULT_RECORD_PATTERNS);
  });
});

describe('RecordPatternsSchema', () => {
  it('takes the defaults and a manager’s patterns', () => {
    expect(RecordPatternsSchema.safeParse(DEFAULT_RECORD_PATTERNS).success).toBe(true);
    expect(RecordPatternsSchema.safeParse([{ origin: O, segments: ['subject'], params: ['sid'] }]).success).toBe(true);
  });
  it.each([
    ['an origin with a path', [{ origin: `${O}/path`, segments: ['x'] }]],
    ['a non-http origin', [{ origin: 'ftp://x.example', segments: ['x'] }]],
    ['an empty name', [{ segments: [''] }]],
    ['a name with a slash', [{ segments: ['a/b'] }]],
    ['a name with regex syntax', [{ params: ['.*('] }]],
    ['not a list', { segments: ['x'] }],
  ])('refuses %s', (_what, v) => {
    expect(RecordPatternsSchema.safeParse(v).success).toBe(false);
  });
});
