import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { checkDraft, draftFromSet, fieldProblems, lines, newSetDraft, newTriggerDraft, setFromDraft } from '../../../core/prompt-sets/draft.ts';
import { KNOWN, promptSetArb, validSet } from './fixtures.ts';

describe('editor drafts', () => {
  it('a set → draft → set is the same set', () => {
    expect(setFromDraft(draftFromSet(validSet()))).toEqual(validSet());
    fc.assert(
      fc.property(promptSetArb, (set) => {
        expect(setFromDraft(draftFromSet(set))).toEqual(set);
      }),
      { numRuns: 300 },
    );
  });

  it('the built-in set (with its concepts, exclusions and trained reading) comes back whole from a draft', async () => {
    const { default: builtIn } = await import('../../../content/prompt-sets/default.json');
    const set = builtIn as unknown as Parameters<typeof draftFromSet>[0];
    expect(set.reading).toBeDefined();
    expect(setFromDraft(draftFromSet(set))).toEqual(set);
  });

  it('phrases are one per line; blank lines and surrounding spaces are dropped', () => {
    expect(lines(' neglect \r\n\n  not brought\r"NFA"\n')).toEqual(['neglect', 'not brought', '"NFA"']);
  });

  it('a new set is not valid until it has a name, phrases and a prompt to lead to', () => {
    const d = newSetDraft(['local-set-1']);
    expect(d.id).toBe('local-set-2');
    const r = checkDraft(d, KNOWN, new Set());
    expect(r).toEqual({ ok: false, problems: ['name: must not be empty', 'triggers[0].leadsTo[0]: must not be empty', 'triggers[0].any: must list at least one phrase'] });
    const filled = { ...d, name: 'Mine', triggers: [{ ...d.triggers[0]!, leadsTo: ['neglect-rarely-alone'], any: 'neglect\nunkempt' }] };
    const ok = checkDraft(filled, KNOWN, new Set());
    expect(ok.ok).toBe(true);
    if (ok.ok) expect(ok.set.triggers[0]).toEqual({ id: 'trigger-1', leadsTo: ['neglect-rarely-alone'], any: ['neglect', 'unkempt'] });
  });

  it('numbers typed as text are checked in plain words', () => {
    const d = { ...draftFromSet(validSet()) };
    d.triggers = [{ ...d.triggers[0]!, window: 'words', windowWords: '', weight: 'lots' }];
    const r = checkDraft(d, KNOWN, new Set());
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.problems).toContain('triggers[0].window: the number of words must be a number');
      expect(r.problems).toContain('triggers[0].weight: must be a number');
    }
    d.triggers = [{ ...d.triggers[0]!, window: 'words', windowWords: '99', weight: '' }];
    const r2 = checkDraft(d, KNOWN, new Set());
    expect(r2.ok ? [] : r2.problems).toEqual(['triggers[0].window.words: must be at most 50']);
  });

  it('refuses a set id another set already uses', () => {
    const r = checkDraft(draftFromSet(validSet()), KNOWN, new Set(['local-escalation']));
    expect(r).toEqual({ ok: false, problems: ['id: another prompt set already uses "local-escalation"'] });
  });

  it('new triggers get a free id', () => {
    expect(newTriggerDraft(['trigger-1', 'trigger-2']).id).toBe('trigger-3');
  });

  it('fieldProblems picks the problems of one field, in words', () => {
    const problems = ['name: must not be empty', 'triggers[0].any[2]: must have at most 8 words', 'triggers[0].any: must list at most 200 phrases', 'triggers[10].any[0]: x', 'triggers[0].context.fields[0]: y'];
    expect(fieldProblems(problems, 'triggers[0].any', 'phrase')).toEqual(['phrase 3: must have at most 8 words', 'must list at most 200 phrases']);
    expect(fieldProblems(problems, 'triggers[1].any')).toEqual([]);
    expect(fieldProblems(problems, 'triggers[0].context')).toEqual(['fields[0]: y']);
    expect(fieldProblems(problems, 'name')).toEqual(['must not be empty']);
  });
});
