/** core/prompt-sets/trigger-why.ts: why a prompt appeared, from the set's own words. */
import { describe, expect, it } from 'vitest';
import { explainTrigger, type SetForWhy } from '../../../core/prompt-sets/trigger-why.ts';
import defaultSet from '../../../content/prompt-sets/default.json';

const set: SetForWhy = {
  id: 'local',
  name: 'Our team',
  concepts: { home: ['home conditions', 'state of the home', 'dirty house'] },
  triggers: [
    { id: 'plain', leadsTo: ['p'], any: ['strategy meeting', 'strat meeting'] },
    { id: 'combo', leadsTo: ['p'], any: ['@home', 'squalid'], all: [['baby', 'infant']] },
    { id: 'many', leadsTo: ['p'], any: ['a1', 'a2', 'a3', 'a4', 'a5', 'a6', 'a7', 'a8'] },
  ],
};

describe('explainTrigger', () => {
  it('gives the set name, the trigger id and its phrases', () => {
    expect(explainTrigger([set], 'local/plain')).toEqual({
      qualified: 'local/plain',
      setName: 'Our team',
      triggerId: 'plain',
      lists: [{ phrases: ['strategy meeting', 'strat meeting'], more: 0 }],
    });
  });

  it('expands concept groups and lists each `all` list after `any`', () => {
    expect(explainTrigger([set], 'local/combo')!.lists).toEqual([
      { phrases: ['home conditions', 'state of the home', 'dirty house', 'squalid'], more: 0 },
      { phrases: ['baby', 'infant'], more: 0 },
    ]);
  });

  it('shows a few phrases and counts the rest', () => {
    expect(explainTrigger([set], 'local/many', 3)!.lists).toEqual([{ phrases: ['a1', 'a2', 'a3'], more: 5 }]);
  });

  it('null for an unknown set or trigger, or an id that is not qualified', () => {
    expect(explainTrigger([set], 'other/plain')).toBeNull();
    expect(explainTrigger([set], 'local/nope')).toBeNull();
    expect(explainTrigger([set], 'plain')).toBeNull();
    expect(explainTrigger([set], '/plain')).toBeNull();
  });

  it('explains a prompt the second reading raised (no phrases: the note as a whole), only for a set whose reading raises', () => {
    const s = defaultSet as unknown as SetForWhy;
    expect(s.reading?.raise).toBeDefined();
    expect(explainTrigger([s], `${s.id}/second-reading`)).toEqual({ qualified: `${s.id}/second-reading`, setName: s.name, triggerId: 'second-reading', lists: [], reading: true });
    expect(explainTrigger([set], 'local/second-reading')).toBeNull();
  });

  it('explains every trigger of the built-in set with at least one phrase, and never the managers’ note', () => {
    const s = defaultSet as unknown as SetForWhy;
    for (const t of s.triggers) {
      const why = explainTrigger([s], `${s.id}/${t.id}`)!;
      expect(why.lists.length, t.id).toBeGreaterThan(0);
      expect(why.lists.every((l) => l.phrases.length > 0 && l.phrases.every((p) => !p.startsWith('@')))).toBe(true);
      if (t.note) expect(JSON.stringify(why)).not.toContain(t.note);
    }
  });
});
