/**
 * The committed briefing fingerprint (tests/content/briefing-fingerprint.json, see ./briefing.ts).
 *
 * With the briefing text present, the fingerprint is rebuilt in memory and must equal the committed file byte for
 * byte, so it cannot drift from the briefing or from the questions the tests ask. The fingerprint answers every
 * question the text answers. It holds no run of 4 briefing words.
 * Without the text, the fingerprint is what the briefing checks run against: it must answer every question the
 * tests ask of today's data, and its hashing must catch a planted copy.
 */
import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import * as lib from '../../content/library/index.ts';
import {
  FINGERPRINT_PATH,
  N,
  briefingFromFingerprint,
  briefingFromText,
  briefingTextPath,
  fingerprintOf,
  hash64,
  loadBriefing,
  questions,
  readFingerprint,
  serialise,
  unpack,
  words,
} from './briefing.ts';

const briefing = loadBriefing();
const committed = readFingerprint();
const committedFile = readFileSync(FINGERPRINT_PATH, 'utf8');
/** A sentence of the briefing, quoted as own-words.test.ts's planted copy. */
const PLANTED = 'Research shows that neglected children rarely ask for help on their own behalf.';

describe(`the briefing fingerprint ${briefing.label}`, () => {
  it('is well formed: format 1, a SHA-256, packed 64-bit hashes, one answer per question', () => {
    expect(committed.format).toBe(1);
    expect(committed.briefingSha256).toMatch(/^[0-9a-f]{64}$/);
    for (const k of ['grams10', 'lines', 'linesNoMarks'] as const) expect(Buffer.from(committed[k], 'base64').length % 8, k).toBe(0);
    expect(unpack(committed.grams10).size).toBeGreaterThan(10_000);
    expect(unpack(committed.grams10).size).toBeLessThanOrEqual(committed.words - N + 1);
    expect(Object.keys(committed.answers)).toHaveLength(new Set(questions().map((q) => JSON.stringify(q))).size);
    expect(committedFile).toBe(serialise(committed));
  });

  it('holds no briefing text: every string is a hash, a hash list or the note about it', () => {
    const strings: string[] = [];
    JSON.parse(committedFile, (key, v: unknown) => {
      if (typeof v === 'string' && key !== 'about') strings.push(v);
      if (typeof key === 'string' && key && !/^(about|format|briefingSha256|words|grams10|lines|linesNoMarks|contents|numbersByPage|answers|\d+|[0-9a-f]{16})$/.test(key)) strings.push(key);
      return v;
    });
    expect(strings.filter((s) => !/^([0-9a-f]{16}|[0-9a-f]{64}|[A-Za-z0-9+/]+=*)$/.test(s))).toEqual([]);
  });

  it('the hashing path catches a planted copy: the planted sentence\'s 10-grams are in it, a 9-word run is not a 10-gram', () => {
    const fp = briefingFromFingerprint(committed);
    const grams = unpack(committed.grams10);
    const w = words(PLANTED);
    expect(grams.has(hash64(w.slice(0, N).join(' ')))).toBe(true);
    expect(fp.sharedRun(`Our own words first. ${PLANTED.toUpperCase()}`)).toBe(w.slice(0, N).join(' '));
    expect(fp.sharedRun(w.slice(0, N - 1).join(' '))).toBeNull();
    expect(fp.sharedRun(`${w.slice(0, N - 1).join(' ')} zebra`)).toBeNull();
  });

  if (briefing.source === 'text') {
    const text = readFileSync(briefingTextPath()!, 'utf8');

    it('is the briefing\'s: rebuilt from the text in memory, it equals the committed file (else run npm run fingerprint)', () => {
      const rebuilt = fingerprintOf(text);
      expect(rebuilt.briefingSha256, 'the briefing changed').toBe(committed.briefingSha256);
      expect(serialise(rebuilt) === committedFile, 'tests/content/briefing-fingerprint.json is out of date: run npm run fingerprint').toBe(true);
    });

    it('answers as the text does: lines, contents pages, numbers per page, 10-grams and every question', () => {
      const fromText = briefingFromText(text);
      const fromFp = briefingFromFingerprint(committed);
      for (const t of lib.keyData.tables) {
        expect(fromFp.hasLine(t.caption)).toBe(fromText.hasLine(t.caption));
        expect(fromFp.hasLineNoMarks(t.columns.join('\t'))).toBe(fromText.hasLineNoMarks(t.columns.join('\t')));
      }
      expect(fromFp.hasLine('a line the briefing does not have')).toBe(false);
      for (const s of lib.sections) expect(fromFp.contentsPage(s.title), s.title).toBe(fromText.contentsPage(s.title));
      for (let page = 1; page <= 30; page++)
        for (const n of [0, 1, 4, 12, 24, 28.5, 42, 131, 166, 235, 1000]) expect(fromFp.quotesNumber(page, n), `p. ${page}: ${n}`).toBe(fromText.quotesNumber(page, n));
      expect(fromFp.sharedRun(PLANTED)).toBe(fromText.sharedRun(PLANTED));
      for (const [q, args] of questions()) {
        const a = fromText.compare(q, args, null);
        const b = fromFp.compare(q, args, a.actual);
        expect(b.actual, `${q}(${JSON.stringify(args)})`).toBe(b.expected);
      }
    });

    it('holds no run of 4 briefing words (its note included)', () => {
      const w = words(text);
      const runs = new Set<string>();
      for (let i = 0; i + 4 <= w.length; i++) runs.add(w.slice(i, i + 4).join(' '));
      const own = words(committedFile);
      const shared = [];
      for (let i = 0; i + 4 <= own.length; i++) if (runs.has(own.slice(i, i + 4).join(' '))) shared.push(own.slice(i, i + 4).join(' '));
      expect(shared).toEqual([]);
    });
  } else {
    it(`no briefing text here (no $BRIEFING, no ../shared/seed): the briefing checks ran against ${FINGERPRINT_PATH.replace(/.*\/tests\//, 'tests/')}; it answers every question today's data asks`, () => {
      const fp = briefingFromFingerprint(committed);
      const unanswered = questions().flatMap(([q, args]) => {
        try {
          fp.compare(q, args, null);
          return [];
        } catch {
          return [`${q}(${JSON.stringify(args)})`];
        }
      });
      expect(unanswered, 'the data changed since the fingerprint was made: with the briefing present, run npm run fingerprint').toEqual([]);
    });
  }
});
