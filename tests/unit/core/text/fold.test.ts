import { describe, expect, it } from 'vitest';
import { foldWords } from '../../../../core/text/fold.ts';

describe('folding', () => {
  it.each([
    ['Child’s NEGLECT', ['child', 'neglect']],
    ["don't", ['dont', 'not']],
    ['child-protection', ['child', 'protection']],
    ['s.47', ['s', '47']],
    ['ｎｅｇｌｅｃｔ', ['neglect']],
    ['ne\u00ADglect', ['neglect']],
    ['naïve café', ['naive', 'cafe']],
    ['a&nbsp;b', ['a', 'b']],
    ['child&#39;s', ['child']],
    ['ﬁle', ['file']],
    ['word\u200Bbreak', ['wordbreak']],
  ])('%s → %j', (input, expected) => {
    expect(foldWords(input)).toEqual(expected);
  });
});
